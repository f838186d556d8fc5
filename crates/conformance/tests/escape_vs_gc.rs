//! goescape's `goescape gc FLAGS PACKAGES` against gc's `go build -gcflags='FLAGS'
//! PACKAGES`, message class by message class, on a fixed quick sample of standard-library
//! packages (docs/conformance/escape.md).
//!
//! For each flag set (`-m -l`, then `-m=2 -l`) gc builds the packages in the workspace
//! root (not a Go module; std is found all the same) with one fresh `GOCACHE` for the run:
//! the two flag sets are different cache keys, so nothing measured is replayed from the
//! cache, while the silent dependency builds are shared. goescape runs with the same
//! arguments when its binary has the `gc` subcommand, and is "not available" (0 lines)
//! otherwise. Both outputs are parsed, their paths made absolute, and compared as
//! multisets per package and class (`goescape_conformance::gc`). The test fails if the
//! lines both print go down for any class below the committed figures, and asks for a new
//! recording when they go up.
//!
//! Both outputs are written to `target/tmp/escape-conformance/` (`gc.FLAGS.txt` as printed,
//! `gc.FLAGS.canonical.txt` with absolute paths and packages sorted, the same for
//! goescape).
//!
//! Environment:
//! * `GOESCAPE_ESCAPE_PACKAGES=PATTERNS` compares these patterns (space or comma separated;
//!   `std` for the whole standard library) instead of the sample; the sample's ratchet is
//!   not checked. With `std` and `GOESCAPE_UPDATE_RATCHET=1` the figures are recorded in
//!   the doc's all-of-std section.
//! * `GOESCAPE_ESCAPE_DIR=DIR` resolves the patterns in DIR (a module of your own).
//! * `GOESCAPE_ESCAPE_FLAGS='-m -l;-m=2 -l'` the flag sets, `;`-separated.
//! * `GOESCAPE_ESCAPE_SHOW=N` shows the first N differing lines per class and side
//!   (default 5); `GOESCAPE_ESCAPE_CLASSES='moved to heap,flow'` only those classes'.
//! * `GOESCAPE_UPDATE_RATCHET=1` records the figures.
//! * `GOESCAPE_BIN=PATH` uses another goescape binary.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use goescape_conformance::gc::compare::Comparison;
use goescape_conformance::gc::parse::{parse_output, Output};
use goescape_conformance::gc::producer::{find_goescape, run_goescape, Producer};
use goescape_conformance::gc::ratchet::{self as doc, Record};
use goescape_conformance::gc::report::{check_ratchet, class_list, differences, table_of};
use goescape_conformance::gc::run::{go_build, is_go_1_26, toolchain, GoCache};
use goescape_conformance::{go_version, run_single_test, workspace_root};

const TEST_NAME: &str = "escape_vs_gc";

/// The sample: small and middle-sized packages that compile in seconds and between them
/// print every common class (closures, generics, iterators, fmt's interfaces, atomics).
const SAMPLE: &[&str] = &[
    "errors",
    "unicode/utf8",
    "strconv",
    "sort",
    "container/list",
    "slices",
    "maps",
    "iter",
    "sync/atomic",
    "strings",
    "bytes",
    "fmt",
];

const FLAG_SETS: &[&str] = &["-m -l", "-m=2 -l"];

const RATCHET_FILE: &str = "docs/conformance/escape.md";

fn main() -> ExitCode {
    run_single_test(TEST_NAME, run)
}

/// The run's settings, from the environment.
struct Settings {
    patterns: Vec<String>,
    dir: Option<PathBuf>,
    flag_sets: Vec<String>,
    show: usize,
    show_classes: Option<Vec<String>>,
    update: bool,
}

impl Settings {
    fn from_env() -> Settings {
        let var = |name: &str| std::env::var(name).ok().filter(|s| !s.trim().is_empty());
        let list = |s: String| -> Vec<String> {
            s.split(|c: char| c == ',' || c.is_whitespace())
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect()
        };
        Settings {
            patterns: var("GOESCAPE_ESCAPE_PACKAGES")
                .map_or_else(|| SAMPLE.iter().map(|p| p.to_string()).collect(), list),
            dir: var("GOESCAPE_ESCAPE_DIR").map(PathBuf::from),
            flag_sets: var("GOESCAPE_ESCAPE_FLAGS").map_or_else(
                || FLAG_SETS.iter().map(|f| f.to_string()).collect(),
                |s| {
                    s.split(';')
                        .map(str::trim)
                        .filter(|f| !f.is_empty())
                        .map(str::to_owned)
                        .collect()
                },
            ),
            show: var("GOESCAPE_ESCAPE_SHOW")
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(5),
            show_classes: var("GOESCAPE_ESCAPE_CLASSES").map(|s| class_list(&s)),
            update: var("GOESCAPE_UPDATE_RATCHET").is_some_and(|v| v != "0"),
        }
    }

    fn default_flags(&self) -> bool {
        self.flag_sets
            .iter()
            .map(String::as_str)
            .eq(FLAG_SETS.iter().copied())
    }

    /// The doc section this run measures, if any.
    fn section(&self) -> Option<&'static str> {
        if self.dir.is_some() || !self.default_flags() {
            return None;
        }
        if self
            .patterns
            .iter()
            .map(String::as_str)
            .eq(SAMPLE.iter().copied())
        {
            Some(doc::SAMPLE)
        } else if self.patterns == ["std"] {
            Some(doc::STD)
        } else {
            None
        }
    }
}

fn run() -> Result<bool, String> {
    let start = Instant::now();
    let version = go_version()?;
    if !is_go_1_26(&version) {
        return Err(format!(
            "the go on PATH is {version}; goescape is checked against Go 1.26"
        ));
    }
    let settings = Settings::from_env();
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("escape-conformance");
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    let dir = settings.dir.clone().unwrap_or_else(workspace_root);
    // One cache per process: two runs sharing a target directory must not remove each
    // other's cache.
    let cache = GoCache::fresh(&work.join(format!("gocache.{}", std::process::id())))?;
    let producer = find_goescape();
    let toolchain = toolchain()?;
    println!(
        "escape analysis conformance against gc: {} in {}; {toolchain}; {}",
        settings.patterns.join(" "),
        dir.display(),
        producer.describe()
    );

    let mut record = Record {
        toolchain: toolchain.clone(),
        packages: settings.patterns.clone(),
        notes: Vec::new(),
        tables: Vec::new(),
    };
    let mut times = Vec::new();
    for flags in &settings.flag_sets {
        let gc_built = go_build(&dir, flags, &settings.patterns, &cache)?;
        if !gc_built.success {
            println!(
                "note: go build -gcflags='{flags}' exited with {} (its errors are compared too)",
                gc_built.status
            );
        }
        let gc = parse_output(&gc_built.text, &gc_built.dir);
        let (ours, ours_time) = match &producer {
            Producer::Available { exe } => {
                let built = run_goescape(exe, &dir, flags, &settings.patterns, &cache)?;
                if !built.success {
                    println!("note: goescape gc {flags} exited with {}", built.status);
                }
                let notes: Vec<&str> = built.notes.lines().collect();
                if !notes.is_empty() {
                    println!("goescape's notes ({} lines on stderr), first:", notes.len());
                    for line in notes.iter().take(settings.show.max(1)) {
                        println!("  {line}");
                    }
                }
                let parsed = parse_output(&built.text, &built.dir);
                write(&work, "goescape", flags, &built.text, &parsed);
                (parsed, Some(built.elapsed))
            }
            Producer::Unavailable { .. } => (Output::default(), None),
        };
        write(&work, "gc", flags, &gc_built.text, &gc);

        let t = Instant::now();
        let mut comparison = Comparison::new(settings.show);
        comparison.add_outputs(&gc, &ours, &|_| true);
        let table = table_of(flags, &comparison);
        println!(
            "\n[{flags}] {} packages with messages; gc {:.1}s{}, comparing {:.2}s",
            comparison.packages,
            secs(gc_built.elapsed),
            ours_time.map_or(String::new(), |t| format!(", goescape {:.1}s", secs(t))),
            secs(t.elapsed())
        );
        print!("{}", doc::table(&table.classes));
        if settings.show > 0 {
            print!(
                "{}",
                differences(&comparison, settings.show_classes.as_deref())
            );
        }
        times.push((flags.clone(), gc_built.elapsed, ours_time));
        record.tables.push(table);
    }
    for (flags, gc, ours) in &times {
        record
            .notes
            .push((format!("gc time {flags}"), format!("{:.1} s", secs(*gc))));
        let ours = ours.map_or("not available".to_string(), |t| format!("{:.1} s", secs(t)));
        record.notes.push((format!("goescape time {flags}"), ours));
    }
    record.notes.push((
        "machine".to_string(),
        format!(
            "{} cores, fresh GOCACHE, dependencies built in the first run",
            std::thread::available_parallelism().map_or(1, |n| n.get())
        ),
    ));

    let ok = match settings.section() {
        Some(section) if section == doc::SAMPLE || settings.update => {
            let hint = if section == doc::STD {
                "GOESCAPE_ESCAPE_PACKAGES=std GOESCAPE_UPDATE_RATCHET=1 cargo test -p \
                 goescape-conformance --test escape_vs_gc"
            } else {
                "GOESCAPE_UPDATE_RATCHET=1 cargo test -p goescape-conformance --test escape_vs_gc"
            };
            let path = workspace_root().join(RATCHET_FILE);
            let (ok, text) = check_ratchet(&path, section, &record, settings.update, hint)?;
            print!("{text}");
            if let (false, Producer::Unavailable { reason }) = (ok, &producer) {
                println!("(goescape was not available: {reason})");
            }
            // All of std is for information: only a recording is asked of it.
            ok || section == doc::STD
        }
        _ => {
            if settings.update {
                return Err(
                    "GOESCAPE_UPDATE_RATCHET needs the sample or std with the default flags \
                     (unset GOESCAPE_ESCAPE_DIR and GOESCAPE_ESCAPE_FLAGS)"
                        .to_string(),
                );
            }
            println!("ratchet: not checked (not the sample)");
            true
        }
    };
    println!(
        "outputs: {}\ntime: {:.1}s in all",
        work.display(),
        secs(start.elapsed())
    );
    Ok(ok)
}

/// Writes one side's output as printed and in canonical form (best effort: for reading).
fn write(work: &Path, side: &str, flags: &str, text: &str, parsed: &Output) {
    let name = format!("{side}.{}", flags.replace(' ', "_"));
    for (file, body) in [
        (work.join(format!("{name}.txt")), text.to_string()),
        (
            work.join(format!("{name}.canonical.txt")),
            parsed.canonical_text(),
        ),
    ] {
        if let Err(e) = std::fs::write(&file, body) {
            println!("(could not write {}: {e})", file.display());
        }
    }
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}
