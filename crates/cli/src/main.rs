//! `goescape`: the command-line front end of the workspace, and the only crate that does IO.
//!
//! Today it parses Go sources (`goescape parse`); type checking, inlining and escape reports
//! will be further subcommands over the same file discovery and reporting.

mod diagnostics;
mod exit_status;
mod goroot;
mod parse_command;
mod source;
mod summary;
mod walk;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

// Syntax trees are many small allocations; mimalloc makes them markedly cheaper than glibc's
// malloc, and the benchmarks (crates/conformance/benches) measure with it too.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser, Debug)]
#[command(
    name = "goescape",
    version,
    about = "Go escape analysis and inlining reports, reimplemented in Rust (today: the Go parser)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Parse Go files and report syntax errors as `file:line:col: message`.
    ///
    /// Exit status: 0 when every file parses cleanly, 1 when any has a syntax error,
    /// 2 when a path cannot be read or the arguments are wrong.
    Parse(parse_command::ParseArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let status = match cli.command {
        Command::Parse(args) => parse_command::run(&args),
    };
    status.into()
}
