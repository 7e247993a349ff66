//! `kehou`: serve | migrate | seed-demo | openapi.

use std::net::TcpListener;

use anyhow::Context;
use kehou_api::config::Config;
use kehou_api::{db, seed, server};

const USAGE: &str = "usage: kehou <command>

commands:
  serve                 run the API and the SPA (default: SQLite file kehou.sqlite3, demo school)
  migrate               apply pending migrations and exit
  seed-demo [options]   add demo data
      --schools N       a district of N schools (default: one demo school)
      --students N      students in all (with --schools; e.g. 330000)
  openapi               print the OpenAPI document (YAML)

Settings come from KEHOU_* environment variables (see README).";

fn main() -> anyhow::Result<()> {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info")).init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("serve") | None => serve(),
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
            print!("{}", kehou_api::openapi::document().to_yaml()?);
            Ok(())
        }
        Some("-h") | Some("--help") | Some("help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => anyhow::bail!("unknown command {other:?}\n\n{USAGE}"),
    }
}

fn serve() -> anyhow::Result<()> {
    let config = Config::from_env()?;
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
