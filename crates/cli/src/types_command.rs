//! `goescape types`: type-check the packages `go build PATTERNS` would compile, report
//! problems as the go command does (`file:line:col: message` under a `# importpath`
//! header), and optionally print the canonical type dump of the matched packages.

use std::collections::HashSet;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use goescape_driver::dump::{section_body, DumpHook};
use goescape_driver::{
    cgo_enabled, load_and_check, locate_syntax_errors, CheckedProgram, DriverError, FileProblem,
    LoadConfig, LoadError, NoHook, Package, PackageResult, PackageStatus, Retain,
};

use crate::display_path::display_path;
use crate::exit_status::ExitStatus;
use crate::source::describe_io_error;

#[derive(clap::Args, Debug)]
pub struct TypesArgs {
    /// Print the canonical type dump (docs/types-dump.md) of each package the patterns
    /// match on stdout, after a `=== IMPORTPATH` line, as tools/gotypes prints go/types'.
    #[arg(long)]
    pub dump: bool,

    /// Change to DIR before doing anything else, as `go -C DIR` (patterns and printed
    /// paths are relative to it).
    #[arg(short = 'C', value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Comma-separated build tags, as for `go build -tags`.
    #[arg(long, value_name = "TAGS")]
    pub tags: Option<String>,

    /// Print what was checked and where the time went on stderr.
    #[arg(short, long)]
    pub verbose: bool,

    /// Package patterns, as for `go build`: `./...`, `std`, import paths, directories.
    /// None means `.`.
    #[arg(value_name = "PATTERN")]
    pub patterns: Vec<String>,
}

pub fn run(args: &TypesArgs) -> ExitStatus {
    let started = Instant::now();
    let cwd = match std::env::current_dir() {
        Ok(cwd) => cwd,
        Err(e) => {
            eprint_line(&format!(
                "goescape: cannot determine the current directory: {}",
                describe_io_error(&e)
            ));
            return ExitStatus::InputErrors;
        }
    };
    let dir = args
        .dir
        .as_ref()
        .map_or_else(|| cwd.clone(), |d| cwd.join(d));
    if !dir.is_dir() {
        eprint_line(&format!(
            "goescape: -C {}: not a directory",
            args.dir.as_deref().unwrap_or(&dir).display()
        ));
        return ExitStatus::InputErrors;
    }
    let mut cfg = LoadConfig::new(&dir, args.patterns.iter().cloned());
    cfg.cgo_enabled = cgo_enabled(&cfg.go, &dir, &cfg.env);
    if let Some(tags) = &args.tags {
        cfg.tags = tags
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect();
    }

    let roots = |p: &Package| !p.dep_only;
    if args.dump {
        let hook = DumpHook { print: &roots };
        match load_and_check(&cfg, Retain::Nothing, &hook) {
            Ok(checked) => {
                let mut status = report(&checked, &dir, args.verbose, started);
                status.record(print_dump(&checked));
                status
            }
            Err(e) => load_failed(&e),
        }
    } else {
        match load_and_check(&cfg, Retain::Nothing, &NoHook) {
            Ok(checked) => report(&checked, &dir, args.verbose, started),
            Err(e) => load_failed(&e),
        }
    }
}

fn load_failed(e: &DriverError) -> ExitStatus {
    match e {
        // What the go command printed (`go: ...`, `go.mod:3: ...`), as it printed it.
        DriverError::Load(LoadError::GoFailed { stderr, .. }) if !stderr.is_empty() => {
            eprint_line(stderr)
        }
        _ => eprint_line(&format!("goescape: {e}")),
    }
    ExitStatus::InputErrors
}

/// Prints every problem of the run on stderr, package by package in dependency order (as
/// `go build` reports a package's errors before its importers'), and the cgo files that
/// were skipped. Returns the run's exit status.
fn report<T>(
    checked: &CheckedProgram<T>,
    dir: &Path,
    verbose: bool,
    started: Instant,
) -> ExitStatus {
    let mut status = ExitStatus::Clean;
    let mut err = BufWriter::new(io::stderr().lock());
    let mut seen_list_errors: HashSet<String> = HashSet::new();
    for warning in &checked.graph.warnings {
        let _ = writeln!(err, "{warning}");
    }
    // As `go build` compiles no importer of a package that failed, the type errors of a
    // package are reported only if all its dependencies are clean (it is still checked:
    // its errors would mostly follow from theirs). Its other problems are its own.
    let mut clean = vec![false; checked.packages.len()];
    let mut held_back = 0;
    for (p, result) in checked.iter() {
        let deps_clean = p
            .imports
            .iter()
            .filter(|imp| imp.id < p.id)
            .all(|imp| clean[imp.id.index()]);
        clean[p.id.index()] = deps_clean && is_clean(result);
        if !deps_clean && matches!(result.status, PackageStatus::Checked) {
            held_back += usize::from(!result.errors.is_empty());
            continue;
        }
        let lines = problem_lines(p, result, dir, &mut seen_list_errors);
        if lines.is_empty() {
            continue;
        }
        status.record(ExitStatus::SourceErrors);
        for line in lines {
            let _ = writeln!(err, "{line}");
        }
    }
    if held_back > 0 {
        // A failed dependency reported something already; this only makes sure.
        status.record(ExitStatus::SourceErrors);
    }
    for (p, files) in checked.skipped_cgo_files() {
        let names: Vec<String> = files
            .iter()
            .map(|f| display_path(dir, &f.to_string_lossy()))
            .collect();
        let hidden = checked.packages[p.id.index()].cgo_errors.len();
        let _ = writeln!(
            err,
            "goescape: package {}: skipped {} (goescape does not run cgo; CGO_ENABLED=0 builds \
             without them){}",
            p.import_path,
            names.join(" "),
            match hidden {
                0 => String::new(),
                1 => "; not reported: 1 error using a name they declare".to_owned(),
                n => format!("; not reported: {n} errors using names they declare"),
            }
        );
    }
    if verbose {
        if held_back > 0 {
            let _ = writeln!(
                err,
                "goescape: {held_back} packages with errors not reported: they import packages \
                 with errors (as go build, which would not compile them)"
            );
        }
        let _ = write!(err, "{}", summary(checked, started));
    }
    let _ = err.flush();
    status
}

/// Whether a package checked without errors (`unsafe` and cgo's `C` are clean).
fn is_clean(result: &PackageResult) -> bool {
    match result.status {
        PackageStatus::Checked => result.errors.is_empty(),
        PackageStatus::Builtin | PackageStatus::Cgo => true,
        _ => false,
    }
}

/// The lines reporting `p`'s problems, empty if it has none.
fn problem_lines(
    p: &Package,
    result: &PackageResult,
    dir: &Path,
    seen_list_errors: &mut HashSet<String>,
) -> Vec<String> {
    let header = format!("# {}", p.import_path);
    let mut lines = Vec::new();
    match &result.status {
        PackageStatus::Checked => {
            if !result.errors.is_empty() {
                lines.push(header);
            }
            for e in &result.errors {
                let mut position = e.position.clone();
                position.file = display_path(dir, &position.file);
                lines.push(format!("{position}: {}", e.error.msg));
            }
        }
        PackageStatus::ListError(e) => {
            // The same error is often reported for each package on an import stack.
            let text = e.to_string();
            if seen_list_errors.insert(text.clone()) {
                lines.push(text);
            }
        }
        PackageStatus::FileErrors(problems) => {
            lines.push(header);
            for problem in problems {
                match problem {
                    FileProblem::Io { path, error } => {
                        let name = display_path(dir, &path.to_string_lossy());
                        lines.push(format!("{name}: {error}"));
                    }
                    FileProblem::Syntax { file, errors, .. } => {
                        for (mut position, msg) in locate_syntax_errors(file, errors) {
                            position.file = display_path(dir, &position.file);
                            lines.push(format!("{position}: {msg}"));
                        }
                    }
                }
            }
        }
        PackageStatus::Panicked { stage, message } => {
            lines.push(header);
            lines.push(format!(
                "goescape: internal error: {} panicked on package {}: {message} (please report \
                 this bug)",
                stage.name(),
                p.import_path
            ));
        }
        PackageStatus::Builtin | PackageStatus::Cgo => {}
    }
    lines
}

/// `--verbose`: counts and times.
fn summary<T>(checked: &CheckedProgram<T>, started: Instant) -> String {
    let checked_count = checked
        .packages
        .iter()
        .filter(|r| matches!(r.status, PackageStatus::Checked))
        .count();
    let files: usize = checked
        .graph
        .packages
        .iter()
        .map(|p| p.go_files.len())
        .sum();
    let errors: usize = checked.packages.iter().map(|r| r.errors.len()).sum();
    let t = checked.timings;
    format!(
        "packages:       {} loaded, {} matched, {checked_count} checked\n\
         files:          {files}\n\
         type errors:    {errors}\n\
         go list:        {:.3} s\n\
         parse:          {:.3} s summed over packages\n\
         check:          {:.3} s summed over packages\n\
         parse and check:{:>6.3} s wall time\n\
         wall time:      {:.3} s on {} threads\n",
        checked.graph.packages.len(),
        checked.graph.roots.len(),
        t.load.as_secs_f64(),
        t.parse_sum.as_secs_f64(),
        t.check_sum.as_secs_f64(),
        (t.parse + t.check).as_secs_f64(),
        started.elapsed().as_secs_f64(),
        rayon::current_num_threads(),
    )
}

/// `--dump`: the matched packages' sections on stdout, in dependency order.
fn print_dump(checked: &CheckedProgram<String>) -> ExitStatus {
    let mut out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
    let mut write = || -> io::Result<()> {
        for ((p, result), dumped) in checked.iter().zip(&checked.hooked) {
            if p.dep_only {
                continue;
            }
            if let Some(body) = section_body(&result.status, dumped.as_ref()) {
                writeln!(out, "=== {}", p.import_path)?;
                out.write_all(body.as_bytes())?;
            }
        }
        out.flush()
    };
    match write() {
        Ok(()) => ExitStatus::Clean,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitStatus::Clean,
        Err(e) => {
            eprint_line(&format!(
                "goescape: writing output: {}",
                describe_io_error(&e)
            ));
            ExitStatus::InputErrors
        }
    }
}

/// One line on stderr; a closed stderr is not worth failing over.
fn eprint_line(line: &str) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}
