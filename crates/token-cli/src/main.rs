//! `token-codec`: generate, decode, identify and route GitLab API tokens, and
//! find or redact leaked ones in logs, job traces, commits and pasted text.
//!
//! Every subcommand has `--help`. Output is text, or JSON Lines with
//! `--json`. Exit status: 0 success; 1 a secret was found (`scan`) or a
//! token was rejected (`decode`, `identify`); 2 bad arguments or I/O errors.

mod cli;
mod cmd;
mod config;
mod describe;
mod exit;
mod mask;
mod progress;
mod recent;
mod routing;
mod size;
mod tokens_in;
mod walk;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};
use cmd::Out;
use exit::CliError;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = Out::new(cli.json);
    let result = match &cli.command {
        Command::Generate(args) => cmd::generate::run(args, &mut out),
        Command::Encode(args) => cmd::encode::run(args, &mut out),
        Command::Decode(args) => cmd::decode::run(args, &mut out),
        Command::Identify(args) => cmd::identify::run(args, &mut out),
        Command::Route(args) => cmd::route::run(args, &mut out),
        Command::Scan(args) => cmd::scan::run(args, &mut out),
        Command::Redact(args) => cmd::redact::run(args, &mut out),
        Command::Corpus(args) => cmd::corpus::run(args, &mut out),
    };
    match result {
        Ok(status) => ExitCode::from(status),
        Err(error) => {
            if !matches!(error, CliError::BrokenPipe) {
                eprintln!("token-codec: {error}");
            }
            error.exit_code()
        }
    }
}
