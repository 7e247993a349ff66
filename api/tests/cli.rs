//! The `kehou` command line as people use it: help for every command, one clear line on a
//! user error (no trace), and an import with --commit whose students the export then has.

use std::path::PathBuf;
use std::process::{Command, Output};

use calamine::Reader;

fn kehou(db: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kehou"))
        .args(args)
        .env("KEHOU_DATABASE_URL", db)
        .env("RUST_LOG", "warn")
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("run kehou")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn temp_dir(test: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("kehou-cli-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn help_describes_every_command_and_option() {
    let d = temp_dir("help");
    let db = d.join("help.sqlite3");
    let out = kehou(&db, &["--help"]);
    assert!(out.status.success());
    let help = text(&out.stdout);
    for command in [
        "serve",
        "migrate",
        "create-admin",
        "import",
        "export",
        "template",
        "seed-demo",
        "openapi",
    ] {
        assert!(help.contains(command), "{command} missing from:\n{help}");
    }
    let out = kehou(&db, &["import", "--help"]);
    assert!(out.status.success());
    let help = text(&out.stdout);
    for option in ["--school <CODE>", "--commit", "<FILE>"] {
        assert!(help.contains(option), "{option} missing from:\n{help}");
    }
    let out = kehou(&db, &["create-admin", "--help"]);
    assert!(text(&out.stdout).contains("--password-stdin"));
    assert!(
        !text(&out.stdout).contains("--password <"),
        "the refused option stays hidden"
    );
}

#[test]
fn user_errors_are_one_line_with_a_non_zero_exit() {
    let d = temp_dir("errors");
    let db = d.join("errors.sqlite3");
    let out = kehou(&db, &["import", "--bogus"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.lines()
            .next()
            .unwrap()
            .contains("unexpected argument '--bogus'"),
        "{err}"
    );
    let out = kehou(&db, &["import", "/nonexistent.csv", "--school", "NOPE"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("no school has the code \"NOPE\""), "{err}");
    assert!(!err.contains("stack backtrace") && !err.contains("panicked"));
    let out = kehou(
        &db,
        &[
            "create-admin",
            "--district-code",
            "1",
            "--username",
            "a",
            "--password",
            "x",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("never taken as arguments"));
}

#[test]
fn an_import_with_commit_writes_the_students_and_the_export_has_them() {
    let d = temp_dir("import");
    let db = d.join("import.sqlite3");
    let _ = std::fs::remove_file(&db);
    assert!(kehou(&db, &["seed-demo"]).status.success());
    let file = d.join("花名册.csv");
    std::fs::write(
        &file,
        "2026学年一年级学生花名册\n学号,学生姓名,性别,年级,班级名称,联系人,手机号码,身份证号\n\
         CLI-1,命令行甲,男,1,一年级(1)班,甲父,139 1001 0001,110105201501011111\n\
         CLI-2,命令行乙,女,1,1班,乙母,1390,110105201501012222\n",
    )
    .unwrap();
    // A bad row: exit 1, the table names row 4 and the file's column, nothing written.
    let out = kehou(
        &db,
        &[
            "import",
            file.to_str().unwrap(),
            "--school",
            "demo-primary",
            "--commit",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let table = text(&out.stdout);
    assert!(table.contains("│ 4"), "{table}");
    assert!(
        table.contains("手机号码") && table.contains("1390"),
        "{table}"
    );
    assert!(table.contains("left out, not stored: 身份证号"), "{table}");
    std::fs::write(
        &file,
        std::fs::read_to_string(&file)
            .unwrap()
            .replace(",1390,", ",13910010002,"),
    )
    .unwrap();
    let out = kehou(
        &db,
        &[
            "import",
            file.to_str().unwrap(),
            "--school",
            "demo-primary",
            "--commit",
        ],
    );
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(
        text(&out.stdout).contains("created 2 students"),
        "{}",
        text(&out.stdout)
    );
    let xlsx = d.join("students.xlsx");
    assert!(kehou(
        &db,
        &["export", "--school", "demo-primary", xlsx.to_str().unwrap()]
    )
    .status
    .success());
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    let row = range
        .rows()
        .find(|r| r[0] == "CLI-1")
        .expect("the imported student is exported");
    let cells: Vec<String> = row.iter().map(|c| c.to_string()).collect();
    assert_eq!(cells[2], "命令行甲");
    assert_eq!(cells[5], "一年级1班");
    assert_eq!(cells[7], "13910010001", "the CLI's export is unmasked");
    let _ = std::fs::remove_dir_all(&d);
}
