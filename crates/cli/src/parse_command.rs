//! `goescape parse`: parse files in parallel, print their errors (and trees) in input order.

use crate::diagnostics::{invalid_utf8_error, render_syntax_error};
use crate::exit_status::ExitStatus;
use crate::goroot::{locate_go_toolchain, REQUIRED_GO_RELEASE};
use crate::source::{describe_io_error, read_source};
use crate::summary::{count_lines, ParseSummary};
use crate::walk::go_files_under;
use rayon::prelude::*;
use std::fmt::Display;
use std::io::{self, BufWriter, StderrLock, StdoutLock, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The argument that stands for the standard library; write `./std` for a directory so named.
const STD_ARGUMENT: &str = "std";

/// Files parsed together before their output is printed: enough to keep every core busy,
/// few enough that `--ast` over the whole standard library does not hold every dump at once.
const FILES_PER_BATCH: usize = 256;

#[derive(clap::Args, Debug)]
pub struct ParseArgs {
    /// Print each file's syntax tree in the canonical text form (docs/ast-dump.md), after a
    /// `=== PATH` line, instead of the summary.
    #[arg(long)]
    pub ast: bool,

    /// Go files, and directories to walk for `.go` files (skipping `testdata` and names that
    /// start with `_` or `.`, as the go command does). `std` stands for every package of the
    /// standard library of the Go on PATH ($GOROOT/src without cmd); write `./std` for a
    /// directory named std.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

pub fn run(args: &ParseArgs) -> ExitStatus {
    let mut output = Output::new();
    let mut status = ExitStatus::Clean;
    let files = resolve_inputs(&args.paths, &mut output, &mut status);
    // Timed from here: the throughput is that of reading and parsing, not of `go env`.
    let started = Instant::now();

    let mut summary = ParseSummary::default();
    for batch in files.chunks(FILES_PER_BATCH) {
        let reports: Vec<FileReport> = batch
            .par_iter()
            .map(|path| process_file(path, args.ast))
            .collect();
        for report in reports {
            if let Err(err) = print_report(&report, &mut output, &mut summary, &mut status) {
                return output.give_up(err, status);
            }
        }
    }
    summary.wall_time = started.elapsed();

    if !args.ast {
        if let Err(err) = write!(output.stdout, "{summary}") {
            return output.give_up(err, status);
        }
    }
    if let Err(err) = output.stdout.flush() {
        return output.give_up(err, status);
    }
    status
}

/// Expands the arguments, in order, into the files to parse. Problems with one argument are
/// reported and the others are still processed.
fn resolve_inputs(paths: &[PathBuf], output: &mut Output, status: &mut ExitStatus) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.as_os_str() == STD_ARGUMENT {
            files.extend(std_files(output, status));
            continue;
        }
        match path.metadata() {
            Err(err) => {
                output.error(path.display(), describe_io_error(&err));
                status.record(ExitStatus::InputErrors);
            }
            Ok(metadata) if metadata.is_dir() => {
                let found = go_files_under(path, &|_| false);
                report_walk_errors(&found.errors, output, status);
                if found.files.is_empty() && found.errors.is_empty() {
                    output.error(path.display(), "warning: no .go files found");
                }
                files.extend(found.files);
            }
            Ok(_) => files.push(path.clone()),
        }
    }
    files
}

/// The package files of the standard library of the Go on PATH: `$GOROOT/src` without
/// `cmd`, which `go list std` leaves out too (it is the toolchain, pattern `cmd`).
fn std_files(output: &mut Output, status: &mut ExitStatus) -> Vec<PathBuf> {
    let toolchain = match locate_go_toolchain() {
        Ok(toolchain) => toolchain,
        Err(err) => {
            output.error(STD_ARGUMENT, err);
            status.record(ExitStatus::InputErrors);
            return Vec::new();
        }
    };
    if !toolchain.is_required_release() {
        output.error(
            STD_ARGUMENT,
            format!(
                "warning: the go on PATH is {}, goescape follows {REQUIRED_GO_RELEASE}.x; \
                 its standard library may not parse as expected",
                toolchain.version
            ),
        );
    }
    let src = toolchain.std_src_dir();
    let toolchain_commands = src.join("cmd");
    let found = go_files_under(&src, &|dir| dir == toolchain_commands);
    report_walk_errors(&found.errors, output, status);
    if found.files.is_empty() && found.errors.is_empty() {
        output.error(src.display(), "no .go files found: is GOROOT complete?");
        status.record(ExitStatus::InputErrors);
    }
    found.files
}

fn report_walk_errors(
    errors: &[crate::walk::WalkError],
    output: &mut Output,
    status: &mut ExitStatus,
) {
    for walk_error in errors {
        output.error(
            walk_error.path.display(),
            describe_io_error(&walk_error.error),
        );
        status.record(ExitStatus::InputErrors);
    }
}

/// What parsing one file produced, ready to print.
struct FileReport {
    path: PathBuf,
    outcome: Result<ParsedFile, String>,
}

struct ParsedFile {
    bytes: u64,
    lines: u64,
    /// Rendered `file:line:col: message` lines.
    errors: Vec<String>,
    /// The canonical tree dump, when `--ast` asked for it.
    dump: Option<String>,
}

/// Reads and parses one file; runs on a worker thread.
fn process_file(path: &Path, want_dump: bool) -> FileReport {
    let outcome = match read_source(path) {
        Err(err) => Err(err.to_string()),
        Ok(src) => {
            // The parser must not panic; if it ever does, that is a bug to report for this
            // file, not a reason to lose the rest of the run.
            panic::catch_unwind(AssertUnwindSafe(|| parse_source(path, src, want_dump)))
                .map_err(|_| "internal error: the parser panicked on this file (a goescape bug, please report it)".to_owned())
        }
    };
    FileReport {
        path: path.to_path_buf(),
        outcome,
    }
}

fn parse_source(path: &Path, src: Vec<u8>, want_dump: bool) -> ParsedFile {
    let display_path = path.display().to_string();
    let bytes = src.len() as u64;
    let lines = count_lines(&src);
    let parsed = goescape_syntax::parse_file(&display_path, src);
    let file = &parsed.file;
    let mut errors: Vec<String> = parsed
        .errors
        .iter()
        .map(|error| render_syntax_error(&display_path, file, error))
        .collect();
    if errors.is_empty() {
        if let Some(error) = invalid_utf8_error(&file.src) {
            errors.push(render_syntax_error(&display_path, file, &error));
        }
    }
    let dump = want_dump.then(|| {
        let mut text = String::new();
        goescape_syntax::dump::dump_file(file, &mut text);
        text
    });
    ParsedFile {
        bytes,
        lines,
        errors,
        dump,
    }
}

fn print_report(
    report: &FileReport,
    output: &mut Output,
    summary: &mut ParseSummary,
    status: &mut ExitStatus,
) -> io::Result<()> {
    let parsed = match &report.outcome {
        Ok(parsed) => parsed,
        Err(message) => {
            output.error(report.path.display(), message);
            summary.unreadable_files += 1;
            status.record(ExitStatus::InputErrors);
            return Ok(());
        }
    };
    summary.add_file(parsed.bytes, parsed.lines, parsed.errors.len());
    if !parsed.errors.is_empty() {
        status.record(ExitStatus::SourceErrors);
        output.stdout.flush()?;
        for line in &parsed.errors {
            writeln!(output.stderr, "{line}")?;
        }
    }
    if let Some(dump) = &parsed.dump {
        writeln!(output.stdout, "=== {}", report.path.display())?;
        output.stdout.write_all(dump.as_bytes())?;
        if !dump.is_empty() && !dump.ends_with('\n') {
            writeln!(output.stdout)?;
        }
    }
    Ok(())
}

/// Locked standard streams: results on stdout (buffered), diagnostics on stderr.
struct Output {
    stdout: BufWriter<StdoutLock<'static>>,
    stderr: StderrLock<'static>,
}

impl Output {
    fn new() -> Output {
        Output {
            stdout: BufWriter::new(io::stdout().lock()),
            stderr: io::stderr().lock(),
        }
    }

    /// Prints `goescape: subject: message` on stderr, after what stdout holds so far.
    fn error(&mut self, subject: impl Display, message: impl Display) {
        // If the streams themselves fail there is nowhere left to report it.
        let _ = self.stdout.flush();
        let _ = writeln!(self.stderr, "goescape: {subject}: {message}");
    }

    /// Ends the run after stdout failed: quietly when the reader went away (`| head`),
    /// with a message otherwise.
    fn give_up(&mut self, err: io::Error, status: ExitStatus) -> ExitStatus {
        if err.kind() == io::ErrorKind::BrokenPipe {
            return status;
        }
        let _ = writeln!(
            self.stderr,
            "goescape: writing output: {}",
            describe_io_error(&err)
        );
        ExitStatus::InputErrors
    }
}
