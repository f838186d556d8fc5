//! `goescape`: the command-line front end of the workspace, and the only crate that does IO.
//!
//! Today it parses Go sources (`goescape parse`) and type-checks packages (`goescape
//! types`, over the package pipeline of goescape-driver); inlining and escape reports will
//! be further subcommands over the same pipeline and reporting.

mod diagnostics;
mod display_path;
mod exit_status;
mod gc_command;
mod goroot;
mod parse_command;
mod source;
mod summary;
mod types_command;
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
    about = "Go escape analysis and inlining reports, reimplemented in Rust (today: the Go parser and type checker)"
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
    /// Type-check the packages `go build PATTERN...` would compile and report errors as
    /// `file:line:col: message`, as go/types does.
    ///
    /// cgo is on or off as for `go build` (CGO_ENABLED); files importing "C" are skipped
    /// (goescape does not run cgo) and listed on stderr. Exit status: 0 when everything
    /// checks cleanly, 1 when a package has errors (type, syntax, or reported by the go
    /// command), 2 when nothing could be loaded (no go.mod, a malformed go.mod, patterns
    /// that match nothing) or the arguments are wrong.
    Types(types_command::TypesArgs),
    /// Escape analysis of the packages `go build PATTERN...` would compile, printed as
    /// `go build -gcflags='-m -l' PATTERN...` prints it: `# importpath`, then
    /// `file:line:col: message` lines for the packages the patterns name.
    ///
    /// `-l` (inlining off) is required until the inliner is modelled. Exit status: 0 when
    /// every package was analysed, 1 when one has errors or its analysis failed, 2 when
    /// nothing could be loaded or the arguments are wrong.
    Gc(gc_command::GcArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let status = match cli.command {
        Command::Parse(args) => parse_command::run(&args),
        Command::Types(args) => types_command::run(&args),
        Command::Gc(args) => gc_command::run(&args),
    };
    status.into()
}
