//! `kehou`: serve | migrate | create-admin | import | export | template | seed-demo |
//! openapi. `kehou --help` and `kehou <command> --help` describe each.

use std::process::ExitCode;

use clap::Parser;
use kehou_api::cli::{self, Cli};

fn main() -> ExitCode {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info")).init();
    // Usage errors (a bad option, a missing value) are clap's: its message and exit code 2.
    let args = Cli::parse();
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // One line, the causes joined; never a backtrace.
            eprintln!("kehou: {e:#}");
            ExitCode::FAILURE
        }
    }
}
