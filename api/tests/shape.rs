//! The house's shape, checked on the source (docs/ARCHITECTURE.md states the rules):
//! short handlers and files, typed paths, the tenant as a type, no import cycles between
//! files, features below the modules that assemble the app and the document.
//!
//! A lint written as a test: it reads `api/src` as text, so it runs on every `cargo test`.

mod common;

use std::collections::{BTreeMap, BTreeSet};

/// Longest handler body (signature to closing brace) outside `auth/`.
const MAX_HANDLER_LINES: usize = 40;
/// Longest source file.
const MAX_FILE_LINES: usize = 400;
/// Generated files, exempt from the length rule.
const GENERATED: &[&str] = &["db/schema.rs"];

/// Files that may make a `SchoolId` from a stored number: code that runs outside a
/// request for a school it read from a row (jobs, seeders, the CLI) and the guard's own
/// module. Handlers never do.
const STORED_ROW_ALLOWED: &[&str] = &[
    "auth/tenant.rs",
    "auth/guardian.rs",
    "auth/me.rs",
    "auth/need_to_know.rs",
    "imports/runner.rs",
    "seed/mod.rs",
    "seed/demo.rs",
    "seed/district.rs",
    "seed/term.rs",
    "demo_clubs.rs",
    "provision.rs",
    // Creates a school: the id it audits under is the row it just inserted.
    "onboarding/store/schools.rs",
    // `kehou import/export --school CODE`: the school read by its code, outside a request.
    "cli/roster.rs",
];

/// Functions that take a bare school number on purpose, with the reason.
const BARE_SCHOOL_ALLOWED: &[(&str, &str)] = &[
    // Looks the school up before any guard ran (the guard itself, the directory).
    ("auth/store.rs", "district_of_school"),
    ("auth/tenant.rs", "district_of"),
    // Seeders and the CLI create schools and fill them.
    ("seed/mod.rs", "*"),
    ("seed/demo.rs", "*"),
    ("seed/district.rs", "*"),
    ("provision.rs", "*"),
];

use common::{sources, without_tests};

/// Each handler (a function under an actix route attribute): (name, lines).
fn handlers(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let l = lines[i].trim_start();
        let route = ["#[get(", "#[post(", "#[put(", "#[patch(", "#[delete("]
            .iter()
            .any(|a| l.starts_with(a));
        if route {
            let mut j = i;
            while !lines[j].trim_start().starts_with("pub async fn ")
                && !lines[j].trim_start().starts_with("async fn ")
            {
                j += 1;
            }
            let indent = lines[j].len() - lines[j].trim_start().len();
            let close = format!("{}}}", " ".repeat(indent));
            let mut k = j + 1;
            while lines[k].trim_end() != close {
                k += 1;
            }
            let name = lines[j]
                .split("fn ")
                .nth(1)
                .and_then(|s| s.split('(').next())
                .unwrap_or("?")
                .to_owned();
            out.push((name, k - j + 1));
            i = k;
        }
        i += 1;
    }
    out
}

/// The parameter lists of every function in `text`: (function name, parameters).
fn signatures(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = text[from..].find("fn ") {
        let start = from + at;
        from = start + 3;
        if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_') {
            continue;
        }
        let rest = &text[start + 3..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let Some(open) = rest.find('(') else { break };
        if rest[..open].contains(['{', ';', '\n']) && !rest[..open].contains('<') {
            continue;
        }
        let mut depth = 0;
        let mut end = open;
        for (i, ch) in rest[open..].char_indices() {
            match ch {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.push((name, rest[open + 1..end].to_owned()));
    }
    out
}

#[test]
fn no_handler_outside_auth_is_over_40_lines() {
    let mut long = Vec::new();
    for (file, text) in sources() {
        if file.starts_with("auth/") {
            continue;
        }
        for (name, n) in handlers(&text) {
            if n > MAX_HANDLER_LINES {
                long.push(format!("{file} {name}: {n} lines"));
            }
        }
    }
    assert!(
        long.is_empty(),
        "handlers over {MAX_HANDLER_LINES} lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn no_source_file_is_over_400_lines() {
    let long: Vec<String> = sources()
        .into_iter()
        .filter(|(f, _)| !GENERATED.contains(&f.as_str()))
        .filter_map(|(f, t)| {
            let n = t.lines().count();
            (n > MAX_FILE_LINES).then(|| format!("{f}: {n} lines"))
        })
        .collect();
    assert!(
        long.is_empty(),
        "files over {MAX_FILE_LINES} lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn handlers_take_typed_paths_not_tuples() {
    let found: Vec<String> = sources()
        .into_iter()
        .filter(|(_, t)| t.contains("web::Path<("))
        .map(|(f, _)| f)
        .collect();
    assert!(
        found.is_empty(),
        "tuple paths (use a named path struct):\n{}",
        found.join("\n")
    );
}

#[test]
fn no_function_takes_a_bare_integer_school_id() {
    let mut bare = Vec::new();
    for (file, text) in sources() {
        for (name, params) in signatures(without_tests(&text)) {
            let allowed = BARE_SCHOOL_ALLOWED
                .iter()
                .any(|(f, n)| *f == file && (*n == "*" || *n == name));
            if !allowed && (params.contains("school_id: i64") || params.contains("school: i64")) {
                bare.push(format!("{file} fn {name}"));
            }
        }
    }
    assert!(
        bare.is_empty(),
        "functions taking a bare school number (take a SchoolId from the guard):\n{}",
        bare.join("\n")
    );
}

#[test]
fn only_code_outside_requests_makes_a_school_id_from_a_number() {
    let found: Vec<String> = sources()
        .into_iter()
        .filter(|(f, t)| {
            !STORED_ROW_ALLOWED.contains(&f.as_str())
                && without_tests(t).contains("SchoolId::of_stored_row")
        })
        .map(|(f, _)| f)
        .collect();
    assert!(
        found.is_empty(),
        "SchoolId::of_stored_row outside the allowed files:\n{}",
        found.join("\n")
    );
}

#[test]
fn features_do_not_depend_on_the_modules_that_assemble_the_app() {
    // The command line starts the server and prints the document: it assembles too.
    const ASSEMBLERS: &[&str] = &["lib.rs", "main.rs", "server.rs", "openapi/", "cli/"];
    let mut found = Vec::new();
    for (file, text) in sources() {
        if ASSEMBLERS
            .iter()
            .any(|a| file == *a || (a.ends_with('/') && file.starts_with(a)))
        {
            continue;
        }
        for m in ["crate::openapi", "crate::server", "crate::api_routes"] {
            if text.contains(m) {
                found.push(format!("{file} uses {m}"));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The file a module path names: the longest prefix of `segments` that is a file.
fn file_of(files: &BTreeSet<String>, segments: &[&str]) -> Option<String> {
    for n in (1..=segments.len()).rev() {
        let base = segments[..n].join("/");
        for cand in [format!("{base}.rs"), format!("{base}/mod.rs")] {
            if files.contains(&cand) {
                return Some(cand);
            }
        }
    }
    None
}

/// The module path of a file, e.g. `applications/store.rs` → `["applications", "store"]`.
fn module_of(file: &str) -> Vec<String> {
    let f = file.trim_end_matches(".rs");
    let mut parts: Vec<String> = f.split('/').map(str::to_owned).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// Files each file refers to through `crate::…` or `super::…` paths.
fn references(sources: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let files: BTreeSet<String> = sources.keys().cloned().collect();
    let mut graph = BTreeMap::new();
    for (file, text) in sources {
        let me = module_of(file);
        let mut refs = BTreeSet::new();
        let code = without_tests(text);
        for (prefix, base) in [
            ("crate::", Vec::<String>::new()),
            // `super` of module a::b (a/b.rs or a/b/mod.rs) is a.
            ("super::", me[..me.len().saturating_sub(1)].to_vec()),
        ] {
            let mut from = 0;
            while let Some(at) = code[from..].find(prefix) {
                let start = from + at + prefix.len();
                from = start;
                let path: String = code[start..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                let mut segs: Vec<&str> = base.iter().map(String::as_str).collect();
                segs.extend(path.split("::").filter(|s| !s.is_empty()));
                if let Some(target) = file_of(&files, &segs) {
                    if &target != file && !target.ends_with("lib.rs") {
                        refs.insert(target);
                    }
                }
                // `use crate::x::{a, b}`: each braced name is a path too.
                if code[start + path.len()..].starts_with('{') {
                    let close = code[start + path.len()..].find('}').unwrap_or(0);
                    for name in code[start + path.len() + 1..start + path.len() + close].split(',')
                    {
                        let name = name.trim().split("::").next().unwrap_or("").trim();
                        let mut s = segs.clone();
                        s.push(name);
                        if let Some(target) = file_of(&files, &s) {
                            if &target != file && !target.ends_with("lib.rs") {
                                refs.insert(target);
                            }
                        }
                    }
                }
            }
        }
        graph.insert(file.clone(), refs);
    }
    graph
}

/// Strongly connected components of more than one file (Tarjan).
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct T<'a> {
        g: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(t: &mut T<'a>, v: &'a str) {
        t.index.insert(v, t.next);
        t.low.insert(v, t.next);
        t.next += 1;
        t.stack.push(v);
        t.on.insert(v);
        for w in t.g.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !t.index.contains_key(w) {
                visit(t, w);
                let l = t.low[v].min(t.low[w]);
                t.low.insert(v, l);
            } else if t.on.contains(w) {
                let l = t.low[v].min(t.index[w]);
                t.low.insert(v, l);
            }
        }
        if t.low[v] == t.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = t.stack.pop() {
                t.on.remove(w);
                comp.push(w.to_owned());
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                t.out.push(comp);
            }
        }
    }
    let mut t = T {
        g: graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !t.index.contains_key(v.as_str()) {
            visit(&mut t, v);
        }
    }
    t.out
}

#[test]
fn no_import_cycles_between_files() {
    let found = cycles(&references(&sources()));
    let shown: Vec<String> = found.iter().map(|c| c.join(" ↔ ")).collect();
    assert!(found.is_empty(), "import cycles:\n{}", shown.join("\n"));
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    let mut g = BTreeMap::new();
    g.insert("a.rs".to_owned(), BTreeSet::from(["b.rs".to_owned()]));
    g.insert("b.rs".to_owned(), BTreeSet::from(["a.rs".to_owned()]));
    g.insert("c.rs".to_owned(), BTreeSet::from(["a.rs".to_owned()]));
    assert_eq!(cycles(&g), vec![vec!["a.rs".to_owned(), "b.rs".to_owned()]]);
}

#[test]
fn the_handler_measure_counts_signature_to_brace() {
    let text = "#[get(\"/x\")]\npub async fn x(\n    a: A,\n) -> R {\n    one();\n    two();\n}\n";
    assert_eq!(handlers(text), vec![("x".to_owned(), 6)]);
}

#[test]
fn the_document_knows_which_changes_take_if_match() {
    let mut without = Vec::new();
    for (file, text) in sources() {
        let lines: Vec<&str> = text.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            let t = l.trim();
            let Some(method) = ["patch", "put", "delete"]
                .into_iter()
                .find(|m| t.starts_with(&format!("#[{m}(\"")))
            else {
                continue;
            };
            let path = t.split('"').nth(1).unwrap_or("").to_owned();
            let body = lines[i..(i + 12).min(lines.len())].join("\n");
            if !body.contains("IfMatch") {
                without.push((method.to_owned(), path, file.clone()));
            }
        }
    }
    let listed = kehou_api::openapi::polish::WITHOUT_IF_MATCH;
    for (m, p, f) in &without {
        assert!(
            listed.iter().any(|(lm, lp)| lm == m && p.ends_with(lp)),
            "{f}: {m} {p} takes no If-Match but the document says it does (add it to WITHOUT_IF_MATCH)"
        );
    }
    for (lm, lp) in listed {
        assert!(
            without.iter().any(|(m, p, _)| m == lm && p.ends_with(lp)),
            "WITHOUT_IF_MATCH lists {lm} {lp}, which takes If-Match (or is gone)"
        );
    }
}
