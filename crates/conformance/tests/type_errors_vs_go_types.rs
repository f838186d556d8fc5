//! Our type checker's errors against go/types' on go/types' own error tests: the files
//! under `$GOROOT/src/internal/types/testdata/{check,fixedbugs,spec,examples}`, hundreds of
//! small packages full of deliberate type errors (docs/conformance/type-errors.md).
//!
//! Each file there is a package by itself and each directory's files make up one package,
//! as go/types' check_test.go treats them. `tools/goerrors` (built with the Go on PATH)
//! type-checks every such unit with go/types, honouring the flags of its first line
//! (`// -lang=...`; units with flags this test cannot honour on both sides are skipped) and
//! prints its errors in report order and the standard-library packages it imports. We load
//! and check those packages (and their dependencies) with goescape-driver, then check each
//! unit against them, on a thread of its own with a time limit, and
//! compare with go/types:
//!
//! * whether the unit is rejected (any error) or accepted by both;
//! * the position (file, line, column) of the first error, go/types' first in its report
//!   order against ours; then its line alone; then the message too.
//!
//! Units go/parser rejects are checked (nothing may panic on them) but not compared: syntax
//! errors are the parser's conformance test's business.
//!
//! The test fails if the checker panics or exceeds the time limit on any unit (a stack
//! overflow aborts the test binary), or if agreement goes down for any row of the ratchet
//! in docs/conformance/type-errors.md; when it goes up the test asks for a new recording:
//!
//! ```sh
//! GOESCAPE_UPDATE_RATCHET=1 cargo test --release -p goescape-conformance --test type_errors_vs_go_types
//! ```
//!
//! Environment: `GOESCAPE_ERRORS_SHOW=N` lists N differing units per kind (default 10);
//! `GOESCAPE_ERRORS_FILTER=TEXT` only checks units whose path contains TEXT (the ratchet is
//! then not checked); `GOESCAPE_ERRORS_TIMEOUT=SECONDS` is the limit per unit (default 20).
//! The full report is written to `target/tmp/type-errors/report.txt`.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::io::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use goescape_conformance::classes::Counts;
use goescape_conformance::gotypes::TypesSection;
use goescape_conformance::ratchet::{self, Ratchet};
use goescape_conformance::{
    build_go_tool, go_version, goroot, panic_message, path_name, run_single_test, workspace_root,
};
use goescape_driver::{load_and_check, LoadConfig, NoHook, PackageGraph, Retain};
use goescape_syntax::ast::File;
use goescape_syntax::parse_file;
use goescape_types::check::{check_package, PackageInput, TypeError};
use goescape_types::universe::FIRST_PACKAGE;
use goescape_types::{PkgIdx, Program, Universe};

const TEST_NAME: &str = "type_errors_vs_go_types";
const RATCHET_FILE: &str = "docs/conformance/type-errors.md";
/// The corpus: directories under `$GOROOT/src/internal/types/testdata`.
const CORPUS: &[&str] = &["check", "fixedbugs", "spec", "examples"];

fn main() -> ExitCode {
    run_single_test(TEST_NAME, run)
}

/// What go/types made of one unit, from `goerrors`' section.
#[derive(Debug, Default)]
struct GoUnit {
    lang: Option<String>,
    skip: Option<String>,
    imports: Vec<String>,
    syntax: bool,
    panic: Option<String>,
    /// `(file:line:col, message)` in report order.
    errors: Vec<(String, String)>,
}

fn parse_go_unit(body: &str) -> GoUnit {
    let mut unit = GoUnit::default();
    for line in body.lines() {
        let (kind, rest) = line.split_once(' ').unwrap_or((line, ""));
        match kind {
            "LANG" => unit.lang = Some(rest.to_owned()),
            "SKIP" => unit.skip = Some(rest.to_owned()),
            "IMPORT" => unit.imports.push(rest.to_owned()),
            "SYNTAX" => unit.syntax = true,
            "PANIC" => unit.panic = Some(rest.to_owned()),
            "ERROR" => {
                let mut parts = rest.splitn(3, ' ');
                let at = parts.next().unwrap_or_default().to_owned();
                let _hard_or_soft = parts.next();
                let msg = parts.next().unwrap_or_default().to_owned();
                unit.errors.push((at, msg));
            }
            _ => {}
        }
    }
    unit
}

/// goerrors' one-line form of a message.
fn escape(msg: &str) -> String {
    msg.replace('\\', "\\\\").replace('\n', "\\n")
}

/// A unit's files: the file, or a directory's `.go` files sorted by name.
fn unit_files(unit: &Path) -> Vec<PathBuf> {
    if !unit.is_dir() {
        return vec![unit.to_owned()];
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(unit)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "go"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// The standard-library packages the units import, checked in dependency order.
struct Std {
    program: Arc<Program>,
    universe: Arc<Universe>,
    imports: HashMap<String, PkgIdx>,
    next: PkgIdx,
    /// `IMPORTPATH: problem` for packages that could not be checked or have errors.
    problems: Vec<String>,
}

/// Loads and checks `patterns` (with their dependencies) through goescape-driver.
fn check_std(patterns: &[String]) -> Result<(Std, PackageGraph), String> {
    let cfg = LoadConfig::new(workspace_root(), patterns.iter().cloned())
        .with_env("GOTOOLCHAIN", "local");
    let checked = load_and_check(&cfg, Retain::Nothing, &NoHook)
        .map_err(|e| format!("loading {}: {e}", patterns.join(" ")))?;
    let mut imports = HashMap::new();
    let mut problems = Vec::new();
    let mut next = FIRST_PACKAGE;
    for (p, result) in checked.iter() {
        match result.pkg {
            Some(idx) => {
                imports.insert(p.import_path.clone(), idx);
                next = next.max(PkgIdx(idx.0 + 1));
            }
            None => problems.push(format!("{}: {:?}", p.import_path, result.status)),
        }
        if let Some(e) = result.errors.first() {
            problems.push(format!(
                "{}: {} errors, the first: {e:?}",
                p.import_path,
                result.errors.len()
            ));
        }
    }
    let std = Std {
        program: Arc::new(checked.program),
        universe: Arc::new(checked.universe),
        imports,
        next,
        problems,
    };
    Ok((std, checked.graph))
}

/// What our checker made of one unit.
enum Ours {
    /// The first error as `file:line:col` and its message, if any.
    Checked(Option<(String, String)>),
    Panicked(String),
    TimedOut,
}

/// Checks one unit on a thread of its own; a thread that exceeds the limit is left behind
/// (it cannot be stopped) and the unit reported as timed out.
fn check_unit(std: &Std, files: Vec<Arc<File>>, lang: Option<&str>, limit: Duration) -> Ours {
    let name = files
        .first()
        .map(|f| f.ident_name(f.package_name).into_owned())
        .unwrap_or_default();
    let input = PackageInput {
        idx: std.next,
        path: name,
        files: files.clone(),
        imports: std.imports.clone(),
        go_version: lang.unwrap_or("go1.26").to_owned(),
    };
    let (program, universe) = (std.program.clone(), std.universe.clone());
    let (tx, rx) = mpsc::channel();
    let spawned = thread::Builder::new()
        .name("check-unit".into())
        .spawn(move || {
            let result = panic::catch_unwind(AssertUnwindSafe(|| {
                check_package(&program, &universe, &input).errors
            }));
            let _ = tx.send(result.map_err(|e| panic_message(e.as_ref())));
        });
    if let Err(e) = spawned {
        return Ours::Panicked(format!("cannot start a thread: {e}"));
    }
    match rx.recv_timeout(limit) {
        Ok(Ok(errors)) => Ours::Checked(errors.first().map(|e| first_error(&files, e))),
        Ok(Err(msg)) => Ours::Panicked(msg),
        Err(_) => Ours::TimedOut,
    }
}

fn first_error(files: &[Arc<File>], e: &TypeError) -> (String, String) {
    let at = match files.get(e.file as usize) {
        Some(file) => {
            let pos = file.line_table.position(e.pos);
            let base = file.name.rsplit('/').next().unwrap_or_default();
            format!("{base}:{}:{}", pos.line, pos.col)
        }
        None => format!("?{}:{}", e.file, e.pos.0),
    };
    (at, escape(&e.msg))
}

/// The figures, in the ratchet's rows.
#[derive(Default)]
struct Tally {
    units: usize,
    skipped: usize,
    syntax: usize,
    rejected: Counts,
    accepted: Counts,
    position: Counts,
    line: Counts,
    message: Counts,
}

impl Tally {
    fn rows(&self) -> Vec<(String, Counts)> {
        vec![
            ("REJECTED".into(), self.rejected),
            ("ACCEPTED".into(), self.accepted),
            ("POSITION".into(), self.position),
            ("LINE".into(), self.line),
            ("MESSAGE".into(), self.message),
        ]
    }
}

fn run() -> Result<bool, String> {
    let start = Instant::now();
    let version = go_version()?;
    if !(version == "go1.26" || version.starts_with("go1.26.") || version.starts_with("go1.26rc")) {
        return Err(format!(
            "the go on PATH is {version}; goescape is checked against Go 1.26"
        ));
    }
    let var = |name: &str| std::env::var(name).ok().filter(|s| !s.trim().is_empty());
    let show: usize = var("GOESCAPE_ERRORS_SHOW")
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(10);
    let filter = var("GOESCAPE_ERRORS_FILTER");
    let limit = Duration::from_secs_f64(
        var("GOESCAPE_ERRORS_TIMEOUT")
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(20.0),
    );
    let update = var("GOESCAPE_UPDATE_RATCHET").is_some_and(|v| v != "0");

    let testdata = goroot()?.join("src/internal/types/testdata");
    let mut units: Vec<PathBuf> = Vec::new();
    for dir in CORPUS {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(testdata.join(dir))
            .map_err(|e| format!("reading {}: {e}", testdata.join(dir).display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "go"))
            .collect();
        entries.sort();
        units.extend(entries);
    }
    if let Some(f) = &filter {
        units.retain(|u| u.to_string_lossy().contains(f.as_str()));
    }

    let work_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("type-errors");
    let goerrors = build_go_tool("goerrors", &work_dir)?;
    let list: String = units.iter().map(|u| format!("{}\n", u.display())).collect();
    let mut child = Command::new(&goerrors)
        .args(["-list", "-"])
        .env("GOTOOLCHAIN", "local")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", goerrors.display()))?;
    let mut stdin = child.stdin.take().ok_or("no stdin for goerrors")?;
    let writer = thread::spawn(move || stdin.write_all(list.as_bytes()));
    let output = child
        .wait_with_output()
        .map_err(|e| format!("running goerrors: {e}"))?;
    let _ = writer.join();
    if !output.status.success() {
        return Err(format!("goerrors failed ({})", output.status));
    }
    let sections: Vec<TypesSection> =
        goescape_conformance::gotypes::split_sections(&String::from_utf8_lossy(&output.stdout))?;
    let go_units: HashMap<String, GoUnit> = sections
        .iter()
        .map(|s| (s.path.clone(), parse_go_unit(&s.body)))
        .collect();
    let go_time = start.elapsed();

    // The standard library the units import, with its dependencies.
    let patterns: BTreeSet<String> = go_units
        .values()
        .flat_map(|u| u.imports.iter().cloned())
        .chain(["unsafe".to_owned()])
        .collect();
    let t = Instant::now();
    let patterns: Vec<String> = patterns.into_iter().collect();
    let (std, graph) = check_std(&patterns)?;
    let std_time = t.elapsed();

    // Every unit, on as many threads as there are cores, each unit on a thread of its own.
    let t = Instant::now();
    let outcomes: Vec<Mutex<Option<Ours>>> = units.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let workers = thread::available_parallelism().map_or(1, |n| n.get());
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(unit) = units.get(i) else { break };
                let go = go_units.get(&unit.display().to_string());
                if go.is_some_and(|g| g.skip.is_some()) {
                    continue;
                }
                let files = unit_files(unit)
                    .iter()
                    .filter_map(|p| {
                        let src = std::fs::read(p).ok()?;
                        Some(Arc::new(parse_file(&path_name(p), src).file))
                    })
                    .collect::<Vec<_>>();
                let lang = go.and_then(|g| g.lang.as_deref());
                let ours = check_unit(&std, files, lang, limit);
                if let Ok(mut slot) = outcomes[i].lock() {
                    *slot = Some(ours);
                }
            });
        }
    });
    let check_time = t.elapsed();

    let mut tally = Tally::default();
    let mut failures: Vec<String> = Vec::new();
    let mut only_go: Vec<String> = Vec::new();
    let mut only_ours: Vec<String> = Vec::new();
    let mut elsewhere: Vec<String> = Vec::new();
    let mut other_message: Vec<String> = Vec::new();
    for (unit, outcome) in units.iter().zip(outcomes) {
        tally.units += 1;
        let name = unit
            .strip_prefix(&testdata)
            .unwrap_or(unit)
            .display()
            .to_string();
        let Some(go) = go_units.get(&unit.display().to_string()) else {
            failures.push(format!("{name}: no section in goerrors' output"));
            continue;
        };
        if go.skip.is_some() {
            tally.skipped += 1;
            continue;
        }
        let ours = match outcome.into_inner().ok().flatten() {
            Some(Ours::Checked(first)) => first,
            Some(Ours::Panicked(msg)) => {
                failures.push(format!("{name}: the checker panicked: {msg}"));
                continue;
            }
            Some(Ours::TimedOut) => {
                failures.push(format!(
                    "{name}: the checker took more than {:.0}s",
                    limit.as_secs_f64()
                ));
                continue;
            }
            None => {
                failures.push(format!("{name}: not checked"));
                continue;
            }
        };
        if let Some(msg) = &go.panic {
            failures.push(format!("{name}: go/types panicked: {msg}"));
            continue;
        }
        if go.syntax {
            tally.syntax += 1;
            continue;
        }
        let go_first = go.errors.first();
        let add = |c: &mut Counts, go_side: bool, our_side: bool, both: bool| {
            c.go += u64::from(go_side);
            c.ours += u64::from(our_side);
            c.both += u64::from(both);
        };
        let (g, o) = (go_first.is_some(), ours.is_some());
        add(&mut tally.rejected, g, o, g && o);
        add(&mut tally.accepted, !g, !o, !g && !o);
        let same_at = matches!((go_first, &ours), (Some(a), Some(b)) if a.0 == b.0);
        let line_of = |at: &str| at.rsplit_once(':').map(|(l, _)| l.to_owned());
        let same_line =
            matches!((go_first, &ours), (Some(a), Some(b)) if line_of(&a.0) == line_of(&b.0));
        let same_msg = same_at && matches!((go_first, &ours), (Some(a), Some(b)) if a.1 == b.1);
        add(&mut tally.position, g, o, same_at);
        add(&mut tally.line, g, o, same_line);
        add(&mut tally.message, g, o, same_msg);
        match (go_first, &ours) {
            (Some(a), None) => only_go.push(format!("{name}: {} {}", a.0, a.1)),
            (None, Some(b)) => only_ours.push(format!("{name}: {} {}", b.0, b.1)),
            (Some(a), Some(b)) if !same_at => elsewhere.push(format!(
                "{name}:\n      go/types {} {}\n      goescape {} {}",
                a.0, a.1, b.0, b.1
            )),
            (Some(a), Some(b)) if !same_msg => other_message.push(format!(
                "{name}: {}\n      go/types {}\n      goescape {}",
                a.0, a.1, b.1
            )),
            _ => {}
        }
    }

    let rows = tally.rows();
    let mut report = String::new();
    let _ = writeln!(
        report,
        "type errors against go/types: {} units of internal/types/testdata/{{{}}}: {} skipped \
         (flags), {} with syntax errors (checked, not compared), {} compared",
        tally.units,
        CORPUS.join(","),
        tally.skipped,
        tally.syntax,
        tally.units - tally.skipped - tally.syntax - failures.len(),
    );
    report.push_str(&ratchet::table(&rows));
    let mut lists = String::new();
    for (title, list) in [
        ("units only go/types rejects", &only_go),
        ("units only we reject (false errors)", &only_ours),
        ("units whose first error is elsewhere", &elsewhere),
        (
            "units whose first error has another message",
            &other_message,
        ),
    ] {
        let _ = writeln!(lists, "{title}: {}", list.len());
        for (i, line) in list.iter().enumerate() {
            if i == show {
                let _ = writeln!(lists, "  ...");
                break;
            }
            let _ = writeln!(lists, "  {line}");
        }
    }
    print!("{report}{lists}");
    let _ = std::fs::create_dir_all(&work_dir);
    let mut full = report.clone();
    for (title, list) in [
        ("only go/types rejects", &only_go),
        ("only we reject", &only_ours),
        ("first error elsewhere", &elsewhere),
        ("first error with another message", &other_message),
    ] {
        let _ = writeln!(full, "\n== {title}: {}", list.len());
        for line in list {
            let _ = writeln!(full, "  {line}");
        }
    }
    let _ = std::fs::write(work_dir.join("report.txt"), full);
    if !std.problems.is_empty() {
        println!(
            "note: {} imported packages with problems (their importers are checked all the same):",
            std.problems.len()
        );
        for p in std.problems.iter().take(show) {
            println!("  {p}");
        }
    }

    let mut ok = true;
    if !failures.is_empty() {
        ok = false;
        println!("{} failures (each is a bug):", failures.len());
        for f in &failures {
            println!("  {f}");
        }
    }
    let toolchain = format!(
        "{} {}/{}",
        graph.toolchain.go_version, graph.toolchain.goos, graph.toolchain.goarch
    );
    if filter.is_some() {
        println!("ratchet: not checked (GOESCAPE_ERRORS_FILTER is set)");
    } else {
        ok &= check_ratchet(&toolchain, &rows, &tally, update)?;
    }
    println!(
        "report: {}\ntime: {:.1}s in all: goerrors {:.1}s, loading and checking {} imported \
         packages {:.1}s, checking the units {:.1}s",
        work_dir.join("report.txt").display(),
        start.elapsed().as_secs_f64(),
        go_time.as_secs_f64(),
        graph.packages.len(),
        std_time.as_secs_f64(),
        check_time.as_secs_f64(),
    );
    Ok(ok)
}

/// The ratchet file's text.
fn render(ratchet: &Ratchet, tally: &Tally) -> String {
    let mut out = String::new();
    out.push_str(
        "# Type errors against go/types

The test `type_errors_vs_go_types` (crates/conformance) type-checks go/types' own error
tests, the files under `$GOROOT/src/internal/types/testdata/{check,fixedbugs,spec,examples}`
(each file a package, each directory one package, as go/types' `check_test.go` has them),
with go/types (through `tools/goerrors`) and with goescape's checker, against the standard
library packages they import. It compares, per unit:

- **REJECTED**: units with at least one error, and how many both sides reject;
- **ACCEPTED**: units without any error, and how many both sides accept;
- **POSITION**: units with errors on either side; *both* counts those whose first error
  (go/types' first in its report order, and ours) is at the same file, line and column;
- **LINE**: the same on the line alone; **MESSAGE**: same position and same message.

Recall is both / go/types, precision is both / goescape (the `all` row, the shared
ratchet table's total, adds up rows that overlap and means little here). Units whose first
line sets flags
the test cannot honour on both sides (`-gotypesalias=0`, `-fakeImportC`, `-goexperiment`)
are skipped, and units go/parser rejects are checked (the checker must not panic on them)
but not compared. `-lang=` is honoured. The test fails if the checker panics or exceeds its
time limit on any unit, or if *both* goes down in any row; this file is its ratchet:

```sh
GOESCAPE_UPDATE_RATCHET=1 cargo test --release -p goescape-conformance --test type_errors_vs_go_types
```

",
    );
    let _ = writeln!(out, "- toolchain: `{}`", ratchet.toolchain);
    let _ = writeln!(out, "- packages: `{}`", ratchet.packages.join(" "));
    let _ = writeln!(
        out,
        "- units: {} ({} skipped for their flags, {} with syntax errors)\n",
        tally.units, tally.skipped, tally.syntax
    );
    out.push_str(&ratchet::table(&ratchet.classes));
    out
}

fn check_ratchet(
    toolchain: &str,
    rows: &[(String, Counts)],
    tally: &Tally,
    update: bool,
) -> Result<bool, String> {
    let path = workspace_root().join(RATCHET_FILE);
    let hint = format!(
        "GOESCAPE_UPDATE_RATCHET=1 cargo test --release -p goescape-conformance --test {TEST_NAME}"
    );
    let current = Ratchet {
        toolchain: toolchain.to_owned(),
        packages: CORPUS
            .iter()
            .map(|d| format!("internal/types/testdata/{d}"))
            .collect(),
        classes: rows.to_vec(),
    };
    if update {
        std::fs::write(&path, render(&current, tally))
            .map_err(|e| format!("writing {}: {e}", path.display()))?;
        println!("ratchet: recorded in {}", path.display());
        return Ok(true);
    }
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            println!(
                "ratchet: cannot read {} ({e}); record it with {hint}",
                path.display()
            );
            return Ok(false);
        }
    };
    let committed = ratchet::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let verdict = ratchet::judge(&committed, rows);
    let moved = |list: &[(String, Counts, Counts)]| -> String {
        list.iter()
            .map(|(class, before, after)| format!("{class} {} -> {}", before.both, after.both))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !verdict.reference_changed.is_empty() {
        println!(
            "ratchet: go/types' figures differ from the recorded ones (recorded with {}, this \
             is {toolchain}): {}",
            committed.toolchain,
            verdict
                .reference_changed
                .iter()
                .map(|(class, before, after)| format!("{class} {} -> {}", before.go, after.go))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if !verdict.regressions.is_empty() {
        println!(
            "ratchet: FAILED: less agreement with go/types than recorded in {RATCHET_FILE}: {}",
            moved(&verdict.regressions)
        );
        return Ok(false);
    }
    if verdict.improvements.is_empty() {
        println!("ratchet: agreement as recorded in {RATCHET_FILE}");
    } else {
        println!(
            "ratchet: more agreement than recorded in {RATCHET_FILE} ({}); record it with {hint}",
            moved(&verdict.improvements)
        );
    }
    Ok(true)
}
