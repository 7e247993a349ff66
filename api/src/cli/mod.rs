//! The `kehou` command line: its commands and options (clap, derived), and what each runs.
//! A user error ends with one line on standard error and a non-zero exit, never a trace.

mod roster;

use std::net::TcpListener;
use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};

use crate::config::Config;
use crate::{db, provision, seed, server};

/// Kehou (课后): the after-school service of primary and middle schools, from one school to
/// a district. Settings come from KEHOU_* environment variables (see the README); the
/// database is KEHOU_DATABASE_URL (default: the SQLite file kehou.sqlite3).
#[derive(Debug, Parser)]
#[command(name = "kehou", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the API and the SPA (the default command).
    Serve {
        /// Seed the demo district and school into an empty database (also KEHOU_SEED_DEMO=1).
        /// Its passwords are public: never use it for real data.
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Create a district and its first district admin (production set-up). The password is
    /// asked on the terminal, or read from standard input with --password-stdin.
    CreateAdmin {
        /// The district's code, e.g. 110105 (created if it does not exist).
        #[arg(long, value_name = "CODE")]
        district_code: String,
        /// The district's name, e.g. 朝阳区教育委员会 (needed when it is created).
        #[arg(long, value_name = "NAME")]
        district_name: Option<String>,
        /// The admin's login name.
        #[arg(long, value_name = "LOGIN")]
        username: String,
        /// The name shown for the admin (default: the login name).
        #[arg(long, value_name = "NAME")]
        display_name: Option<String>,
        /// Read the password from standard input instead of the terminal.
        #[arg(long)]
        password_stdin: bool,
        /// Refused: a password given as an argument ends up in the shell history.
        #[arg(long, hide = true)]
        password: Option<String>,
    },
    /// Import a roster file (.xlsx or .csv) into a school: the same job as the API's, a dry
    /// run unless --commit. Row errors are printed as a table; exits 1 if the file has any.
    Import {
        /// The roster file, e.g. a 学籍 export as downloaded (title rows and extra columns
        /// are fine).
        file: PathBuf,
        /// The school's code, e.g. 110105001.
        #[arg(long, value_name = "CODE")]
        school: String,
        /// Import the rows (all or nothing) instead of only checking them.
        #[arg(long)]
        commit: bool,
    },
    /// Export a school's students with their first guardian as .xlsx (the import
    /// template's columns, unmasked: keep the file safe).
    Export {
        /// The school's code.
        #[arg(long, value_name = "CODE")]
        school: String,
        /// Where to write the workbook, e.g. students.xlsx.
        file: PathBuf,
    },
    /// Write the import template (.xlsx: the headers and one example row).
    Template {
        /// Where to write it, e.g. 花名册导入模板.xlsx.
        file: PathBuf,
    },
    /// Add demo data to the database.
    SeedDemo {
        /// A district of N schools (default: one demo school).
        #[arg(long, value_name = "N")]
        schools: Option<usize>,
        /// Students in all, with --schools (e.g. 330000; default 960 per school).
        #[arg(long, value_name = "N", requires = "schools")]
        students: Option<usize>,
    },
    /// Print the OpenAPI document (YAML).
    Openapi,
}

/// Runs the command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command.unwrap_or(Command::Serve { demo: false }) {
        Command::Serve { demo } => serve(demo),
        Command::Migrate => {
            let n = db::migrate(&mut *connect()?.get()?)?;
            println!("applied {n} migration(s)");
            Ok(())
        }
        Command::CreateAdmin {
            district_code,
            district_name,
            username,
            display_name,
            password_stdin,
            password,
        } => {
            anyhow::ensure!(
                password.is_none(),
                "passwords are never taken as arguments (they end up in the shell history and \
                 the process list): type it when asked, or pipe it with --password-stdin"
            );
            create_admin(
                &district_code,
                district_name.as_deref(),
                &username,
                display_name.as_deref(),
                password_stdin,
            )
        }
        Command::Import {
            file,
            school,
            commit,
        } => roster::import(&connect()?, &file, &school, commit),
        Command::Export { school, file } => roster::export(&connect()?, &school, &file),
        Command::Template { file } => roster::template(&file),
        Command::SeedDemo { schools, students } => seed_demo(schools, students),
        Command::Openapi => {
            print!("{}", crate::openapi::published_yaml()?);
            Ok(())
        }
    }
}

/// A migrated pool on the configured database.
fn connect() -> anyhow::Result<db::Pool> {
    let config = Config::from_env()?;
    let pool = db::pool(&config.database_url, 2)
        .with_context(|| format!("cannot open the database {}", config.database_url))?;
    db::migrate(&mut *pool.get()?)?;
    Ok(pool)
}

fn serve(demo: bool) -> anyhow::Result<()> {
    let mut config = Config::from_env()?;
    config.seed_demo |= demo;
    let bind = config.bind.clone();
    let state = server::prepare(config)?;
    let listener = TcpListener::bind(&bind)
        .with_context(|| format!("cannot listen on {bind} (KEHOU_BIND)"))?;
    log::info!("Kehou listening on http://{}", listener.local_addr()?);
    actix_web::rt::System::new()
        .block_on(async move { server::start(state, listener)?.await.map_err(Into::into) })
}

fn seed_demo(schools: Option<usize>, students: Option<usize>) -> anyhow::Result<()> {
    let pool = connect()?;
    let mut conn = pool.get()?;
    match schools {
        None => {
            let id = seed::demo_school(&mut conn).map_err(|e| anyhow::anyhow!("{e}"))?;
            if Config::from_env()?.demo_mid_term {
                seed::mid_term(&mut conn).map_err(|e| anyhow::anyhow!("{e}"))?;
            }
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

fn create_admin(
    code: &str,
    district_name: Option<&str>,
    username: &str,
    display_name: Option<&str>,
    from_stdin: bool,
) -> anyhow::Result<()> {
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
        district_code: code,
        district_name,
        username,
        display_name: display_name.unwrap_or(username),
        password: &password,
    };
    let pool = connect()?;
    let district =
        provision::first_admin(&mut *pool.get()?, &admin).map_err(|e| anyhow::anyhow!("{e}"))?;
    println!(
        "district admin {username} created for district {code} (id {district}); sign in at /login"
    );
    Ok(())
}
