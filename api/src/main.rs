//! `kehou`: serve | migrate | create-admin | seed-demo | openapi.

use std::net::TcpListener;

use anyhow::Context;
use kehou_api::config::Config;
use kehou_api::{db, provision, seed, server};

const USAGE: &str = "usage: kehou <command>

commands:
  serve [--demo]        run the API and the SPA (default: SQLite file kehou.sqlite3);
                        --demo (or KEHOU_SEED_DEMO=1) seeds the demo school into an empty
                        database — its passwords are public, never use it for real data
  migrate               apply pending migrations and exit
  create-admin [options]  create a district and its first district admin (production set-up)
      --district-code C   the district's code, e.g. 110105 (created if it does not exist)
      --district-name N   its name, e.g. 朝阳区教育委员会 (when it is created)
      --username U        the admin's login
      --display-name D    the name to show (default: the username)
      --password-stdin    read the password from standard input instead of the terminal
  seed-demo [options]   add demo data
      --schools N       a district of N schools (default: one demo school)
      --students N      students in all (with --schools; e.g. 330000)
  openapi               print the OpenAPI document (YAML)

Settings come from KEHOU_* environment variables (see README).";

fn main() -> anyhow::Result<()> {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info")).init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("serve") | None => serve(&args[1.min(args.len())..]),
        Some("create-admin") => create_admin(&args[1..]),
        Some("migrate") => {
            let config = Config::from_env()?;
            let pool = db::pool(&config.database_url, 1)?;
            let mut conn = pool.get()?;
            let n = db::migrate(&mut conn)?;
            println!("applied {n} migration(s)");
            Ok(())
        }
        Some("seed-demo") => seed_demo(&args[1..]),
        Some("openapi") => {
            print!("{}", kehou_api::openapi::published_yaml()?);
            Ok(())
        }
        Some("-h") | Some("--help") | Some("help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => anyhow::bail!("unknown command {other:?}\n\n{USAGE}"),
    }
}

fn serve(args: &[String]) -> anyhow::Result<()> {
    let mut config = Config::from_env()?;
    for a in args {
        match a.as_str() {
            "--demo" => config.seed_demo = true,
            other => anyhow::bail!("unknown option {other:?}\n\n{USAGE}"),
        }
    }
    let bind = config.bind.clone();
    let state = server::prepare(config)?;
    let listener = TcpListener::bind(&bind)
        .with_context(|| format!("cannot listen on {bind} (KEHOU_BIND)"))?;
    log::info!("Kehou listening on http://{}", listener.local_addr()?);
    actix_web::rt::System::new()
        .block_on(async move { server::start(state, listener)?.await.map_err(Into::into) })
}

fn seed_demo(args: &[String]) -> anyhow::Result<()> {
    let mut schools: Option<usize> = None;
    let mut students: Option<usize> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--schools" => {
                schools = Some(
                    it.next()
                        .context("--schools needs a number")?
                        .parse()
                        .context("--schools")?,
                )
            }
            "--students" => {
                students = Some(
                    it.next()
                        .context("--students needs a number")?
                        .parse()
                        .context("--students")?,
                )
            }
            other => anyhow::bail!("unknown option {other:?}\n\n{USAGE}"),
        }
    }
    let config = Config::from_env()?;
    let pool = db::pool(&config.database_url, 1)?;
    let mut conn = pool.get()?;
    db::migrate(&mut conn)?;
    match schools {
        None => {
            let id = seed::demo_school(&mut conn).map_err(|e| anyhow::anyhow!("{e}"))?;
            println!(
                "demo school {id} created; log in as admin / {}",
                seed::DEMO_PASSWORD
            );
        }
        Some(n) => {
            let total = students.unwrap_or(n * 960);
            let started = std::time::Instant::now();
            seed::district(&mut conn, n, total).map_err(|e| anyhow::anyhow!("{e}"))?;
            println!(
                "district of {n} schools and {total} students created in {:.1?}",
                started.elapsed()
            );
        }
    }
    Ok(())
}

fn create_admin(args: &[String]) -> anyhow::Result<()> {
    let mut opts = std::collections::HashMap::new();
    let mut from_stdin = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--password-stdin" => from_stdin = true,
            "--district-code" | "--district-name" | "--username" | "--display-name" => {
                let v = it.next().with_context(|| format!("{a} needs a value"))?;
                opts.insert(a.trim_start_matches("--").to_owned(), v.clone());
            }
            "--password" => anyhow::bail!(
                "passwords are never taken as arguments (they end up in the shell history and \
                 the process list): type it when asked, or pipe it with --password-stdin"
            ),
            other => anyhow::bail!("unknown option {other:?}\n\n{USAGE}"),
        }
    }
    let need = |k: &str| {
        opts.get(k)
            .cloned()
            .with_context(|| format!("--{k} is required\n\n{USAGE}"))
    };
    let (code, username) = (need("district-code")?, need("username")?);
    let password = if from_stdin {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    } else {
        let first = rpassword::prompt_password(format!("password for {username}: "))?;
        let again = rpassword::prompt_password("again: ")?;
        anyhow::ensure!(first == again, "the two passwords differ");
        first
    };
    let admin = provision::FirstAdmin {
        district_code: &code,
        district_name: opts.get("district-name").map(String::as_str),
        username: &username,
        display_name: opts
            .get("display-name")
            .map(String::as_str)
            .unwrap_or(&username),
        password: &password,
    };
    let config = Config::from_env()?;
    let pool = db::pool(&config.database_url, 1)?;
    let mut conn = pool.get()?;
    db::migrate(&mut conn)?;
    let district = provision::first_admin(&mut conn, &admin).map_err(|e| anyhow::anyhow!("{e}"))?;
    println!(
        "district admin {username} created for district {code} (id {district}); sign in at /login"
    );
    Ok(())
}
