//! Our type checker against go/types, line class by line class, on a fixed set of
//! standard-library packages (docs/conformance/types.md).
//!
//! Both sides see the packages as `go build` would compile them (cgo off): `tools/gotypes`
//! (built once per run with the Go on PATH) prints go/types' results in the canonical form
//! of docs/types-dump.md, while we load the same patterns with goescape-loader, parse every
//! file, check every package in dependency order with goescape-types' checker (dependencies
//! included, as their types are needed) and print the same form with
//! `goescape_types::dump`. The sections of the packages the patterns name are compared per
//! line class: lines printed by go/types, by us, and by both (multiset intersection), then
//! recall and precision. Most classes start near 0% while the checker is being written;
//! what the test guards is that no class's agreement goes down: the committed figures in
//! docs/conformance/types.md are a ratchet. The test also fails if the parser, the checker
//! or the dump panics on a package (each is caught and reported per package).
//!
//! Both complete dumps are written to `target/tmp/types-conformance/` (`go.types`,
//! `goescape.types`) for diffing.
//!
//! Environment:
//! * `GOESCAPE_TYPES_PACKAGES=PATTERNS` checks these package patterns (space or comma
//!   separated; `std` for the whole standard library) instead of the fixed set; the
//!   ratchet is then not checked.
//! * `GOESCAPE_TYPES_DIR=DIR` resolves the patterns in DIR (a module of your own, say)
//!   instead of the workspace root; the ratchet is then not checked.
//! * `GOESCAPE_TYPES_DEPS=1` compares the patterns' dependencies too.
//! * `GOESCAPE_TYPES_FILTER=TEXT` only compares packages whose import path contains TEXT.
//! * `GOESCAPE_TYPES_SHOW=N` shows the first N differing lines per class and side
//!   (default 3); `GOESCAPE_TYPES_CLASSES=EXPR,DEF` only shows those classes' lines.
//! * `GOESCAPE_UPDATE_RATCHET=1` records the figures in docs/conformance/types.md.
//!
//! Lines are compared as multisets, except that the `INIT` lines of a package (go/types'
//! `Info.InitOrder`) must also come in go/types' order wherever both sides print the same
//! ones: the test fails otherwise.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::thread;
use std::time::{Duration, Instant};

use goescape_conformance::classes::{ClassReport, Comparison, Counts};
use goescape_conformance::gotypes::{build_gotypes, run_gotypes, TypesSection};
use goescape_conformance::ratchet::{self, Ratchet};
use goescape_conformance::typecheck::{check_and_dump, load_packages};
use goescape_conformance::{go_version, run_single_test, workspace_root};

const TEST_NAME: &str = "types_vs_go_types";

/// The fixed package set: small packages that exercise much of the language, then the
/// issue's target set (generics, iterators, unsafe code, the runtime, big packages).
const DEFAULT_PACKAGES: &[&str] = &[
    "unsafe",
    "errors",
    "unicode/utf8",
    "math/bits",
    "strconv",
    "sort",
    "container/list",
    "iter",
    "slices",
    "maps",
    "sync/atomic",
    "unique",
    "reflect",
    "runtime",
    "encoding/json",
    "net/http",
    "go/types",
];

const RATCHET_FILE: &str = "docs/conformance/types.md";

fn main() -> ExitCode {
    run_single_test(TEST_NAME, run)
}

/// The run's settings, from the environment.
struct Settings {
    patterns: Vec<String>,
    /// Where both sides resolve the patterns (None: the workspace root).
    dir: Option<PathBuf>,
    deps: bool,
    filter: Option<String>,
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
            patterns: var("GOESCAPE_TYPES_PACKAGES").map_or_else(
                || DEFAULT_PACKAGES.iter().map(|p| p.to_string()).collect(),
                list,
            ),
            dir: var("GOESCAPE_TYPES_DIR").map(PathBuf::from),
            deps: var("GOESCAPE_TYPES_DEPS").is_some_and(|v| v != "0"),
            filter: var("GOESCAPE_TYPES_FILTER"),
            show: var("GOESCAPE_TYPES_SHOW")
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(3),
            show_classes: var("GOESCAPE_TYPES_CLASSES")
                .map(|s| list(s).into_iter().map(|c| c.to_uppercase()).collect()),
            update: var("GOESCAPE_UPDATE_RATCHET").is_some_and(|v| v != "0"),
        }
    }

    /// Whether the run measures what the ratchet records.
    fn is_fixed_set(&self) -> bool {
        self.patterns
            .iter()
            .map(String::as_str)
            .eq(DEFAULT_PACKAGES.iter().copied())
            && self.dir.is_none()
            && !self.deps
            && self.filter.is_none()
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
    let settings = Settings::from_env();
    let work_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("types-conformance");
    let gotypes = build_gotypes(&work_dir)?;
    let built = start.elapsed();
    // Both sides resolve the patterns in the same directory: by default the workspace root,
    // which is not a Go module (the standard library is found all the same).
    let dir = settings.dir.clone().unwrap_or_else(workspace_root);

    let go_side = {
        let (gotypes, dir, patterns, deps) = (
            gotypes.clone(),
            dir.clone(),
            settings.patterns.clone(),
            settings.deps,
        );
        thread::spawn(move || {
            let t = Instant::now();
            let sections = run_gotypes(&gotypes, &dir, &patterns, deps);
            (sections, t.elapsed())
        })
    };

    let t = Instant::now();
    let graph = load_packages(&dir, &settings.patterns)?;
    let loaded = t.elapsed();
    let deps = settings.deps;
    let ours = check_and_dump(&graph, &|p| deps || !p.dep_only);
    let (go_sections, go_time) = go_side
        .join()
        .map_err(|_| "the gotypes thread panicked".to_string())?;
    let go_sections = go_sections?;

    let t = Instant::now();
    let keep = |path: &str| {
        settings
            .filter
            .as_ref()
            .is_none_or(|f| path.contains(f.as_str()))
    };
    let mut comparison = Comparison::new(settings.show);
    let our_by_path: HashMap<&str, &TypesSection> =
        ours.sections.iter().map(|s| (s.path.as_str(), s)).collect();
    let go_by_path: HashMap<&str, &TypesSection> =
        go_sections.iter().map(|s| (s.path.as_str(), s)).collect();
    let mut pairs: Vec<(&str, Option<&str>, Option<&str>)> = Vec::new();
    for section in go_sections.iter().filter(|s| keep(&s.path)) {
        let our_body = our_by_path
            .get(section.path.as_str())
            .map(|s| s.body.as_str());
        pairs.push((&section.path, Some(&section.body), our_body));
    }
    for section in ours.sections.iter().filter(|s| keep(&s.path)) {
        if !go_by_path.contains_key(section.path.as_str()) {
            pairs.push((&section.path, None, Some(&section.body)));
        }
    }
    comparison.add_packages(&pairs);
    let compared = t.elapsed();
    write_dump(&work_dir.join("go.types"), &go_sections, &keep);
    write_dump(&work_dir.join("goescape.types"), &ours.sections, &keep);

    let classes = comparison.classes();
    let figures: Vec<(String, Counts)> =
        classes.iter().map(|(c, r)| (c.clone(), r.counts)).collect();
    println!(
        "type checker conformance against go/types: {} packages compared ({}{}{}), {} loaded",
        comparison.packages,
        settings.patterns.join(" "),
        if settings.deps {
            ", with dependencies"
        } else {
            ""
        },
        settings
            .filter
            .as_ref()
            .map_or(String::new(), |f| format!(", only paths containing {f:?}")),
        graph.packages.len(),
    );
    print!("{}", ratchet::table(&figures));
    show_differences(&comparison, &classes, &settings);

    let mut ok = true;
    let misordered = init_order_differences(&pairs);
    if !misordered.is_empty() {
        ok = false;
        println!(
            "INIT order: {} packages list the same initializers in another order (a failure):",
            misordered.len()
        );
        for (path, index, go_line, our_line) in &misordered {
            println!("  {path}: initializer {index}: go/types {go_line:?}, ours {our_line:?}");
        }
    }
    if !ours.panics.is_empty() {
        ok = false;
        println!("{} panics caught (each is a bug):", ours.panics.len());
        for panic in &ours.panics {
            println!("  {}", clip(panic));
        }
    }
    let toolchain = format!(
        "{} {}/{}",
        graph.toolchain.go_version, graph.toolchain.goos, graph.toolchain.goarch
    );
    ok &= check_ratchet(&settings, &toolchain, &figures)?;
    println!(
        "both dumps: {} and {}",
        work_dir.join("go.types").display(),
        work_dir.join("goescape.types").display()
    );
    let timings = ours.timings;
    println!(
        "time: {:.1}s in all: {:.1}s building tools/gotypes, then gotypes {:.1}s concurrently \
         with ours: loading {:.1}s, parsing {:.1}s, checking and dumping {:.1}s (checking \
         {:.1}s and dumping {:.1}s summed over packages, on {} rayon threads); comparing {:.1}s",
        secs(start.elapsed()),
        secs(built),
        secs(go_time),
        secs(loaded),
        secs(timings.parse),
        secs(timings.check_and_dump),
        secs(timings.check),
        secs(timings.dump),
        rayon::current_num_threads(),
        secs(compared),
    );
    Ok(ok)
}

/// The packages whose `INIT` lines agree as multisets (what the class counts) but not in
/// order, which is what go/types' `Info.InitOrder` specifies: the package, the index of the
/// first initializer that differs and both lines there.
fn init_order_differences(
    pairs: &[(&str, Option<&str>, Option<&str>)],
) -> Vec<(String, usize, String, String)> {
    let inits = |body: &str| -> Vec<String> {
        body.lines()
            .filter(|l| l.starts_with("INIT "))
            .map(str::to_owned)
            .collect()
    };
    let mut found = Vec::new();
    for &(path, go, ours) in pairs {
        let (Some(go), Some(ours)) = (go, ours) else {
            continue;
        };
        let (go, ours) = (inits(go), inits(ours));
        let (mut go_sorted, mut our_sorted) = (go.clone(), ours.clone());
        go_sorted.sort();
        our_sorted.sort();
        if go_sorted != our_sorted {
            continue; // counted as differing lines of the INIT class
        }
        if let Some(i) = (0..go.len()).find(|&i| go[i] != ours[i]) {
            found.push((path.to_owned(), i, go[i].clone(), ours[i].clone()));
        }
    }
    found
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

/// Prints the first differing lines of each class (go/types' only as `-`, ours only as `+`).
fn show_differences(
    comparison: &Comparison,
    classes: &[(String, ClassReport)],
    settings: &Settings,
) {
    if !comparison.only_go.is_empty() {
        println!(
            "packages only go/types printed: {}",
            comparison.only_go.join(" ")
        );
    }
    if !comparison.only_ours.is_empty() {
        println!(
            "packages only we printed: {}",
            comparison.only_ours.join(" ")
        );
    }
    if settings.show == 0 {
        return;
    }
    for (class, report) in classes {
        if report.missing.is_empty() && report.extra.is_empty() {
            continue;
        }
        if let Some(only) = &settings.show_classes {
            if !only.contains(class) {
                continue;
            }
        }
        let c = report.counts;
        println!(
            "{class}: {} lines only from go/types, {} only from us; first of each:",
            c.go.saturating_sub(c.both),
            c.ours.saturating_sub(c.both)
        );
        for e in &report.missing {
            println!("  - {}: {}", e.package, clip(&e.line));
        }
        for e in &report.extra {
            println!("  + {}: {}", e.package, clip(&e.line));
        }
    }
}

/// Checks (or, when asked, records) the committed figures. Returns whether the test passes.
fn check_ratchet(
    settings: &Settings,
    toolchain: &str,
    figures: &[(String, Counts)],
) -> Result<bool, String> {
    let path = workspace_root().join(RATCHET_FILE);
    let update_hint = format!(
        "GOESCAPE_UPDATE_RATCHET=1 cargo test --release -p goescape-conformance --test {TEST_NAME}"
    );
    if !settings.is_fixed_set() {
        println!("ratchet: not checked (not the fixed package set)");
        if settings.update {
            return Err(
                "GOESCAPE_UPDATE_RATCHET needs the fixed package set (unset \
                        GOESCAPE_TYPES_PACKAGES, GOESCAPE_TYPES_DIR, GOESCAPE_TYPES_DEPS and \
                        GOESCAPE_TYPES_FILTER)"
                    .to_string(),
            );
        }
        return Ok(true);
    }
    let current = Ratchet {
        toolchain: toolchain.to_owned(),
        packages: settings.patterns.clone(),
        classes: figures.to_vec(),
    };
    if settings.update {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
        }
        std::fs::write(&path, ratchet::render(&current))
            .map_err(|e| format!("writing {}: {e}", path.display()))?;
        println!("ratchet: recorded in {}", path.display());
        return Ok(true);
    }
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            println!(
                "ratchet: cannot read {} ({e}); record it with {update_hint}",
                path.display()
            );
            return Ok(false);
        }
    };
    let committed = ratchet::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    if committed.packages != current.packages {
        println!(
            "ratchet: {} was recorded for other packages ({}); record it again with {update_hint}",
            path.display(),
            committed.packages.join(" ")
        );
        return Ok(false);
    }
    let verdict = ratchet::judge(&committed, figures);
    let moved = |list: &[(String, Counts, Counts)]| -> String {
        list.iter()
            .map(|(class, before, after)| format!("{class} {} -> {}", before.both, after.both))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !verdict.reference_changed.is_empty() {
        println!(
            "ratchet: go/types prints other line counts than when the figures were recorded \
             (recorded with {}, this is {toolchain}) in: {}",
            committed.toolchain,
            verdict
                .reference_changed
                .iter()
                .map(|(class, before, after)| format!("{class} {} -> {}", before.go, after.go))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if !verdict.more_extra.is_empty() {
        println!(
            "ratchet: note: more lines only we print than recorded in: {}",
            verdict
                .more_extra
                .iter()
                .map(|(class, before, after)| format!(
                    "{class} {} -> {}",
                    before.ours.saturating_sub(before.both),
                    after.ours.saturating_sub(after.both)
                ))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if !verdict.regressions.is_empty() {
        println!(
            "ratchet: FAILED: fewer lines agree with go/types than recorded in {}: {}",
            RATCHET_FILE,
            moved(&verdict.regressions)
        );
        if committed.toolchain != toolchain {
            println!(
                "  (the figures were recorded with {}, this is {toolchain})",
                committed.toolchain
            );
        }
        return Ok(false);
    }
    if verdict.improvements.is_empty() {
        println!("ratchet: agreement as recorded in {RATCHET_FILE}");
    } else {
        println!(
            "ratchet: more lines agree than recorded in {RATCHET_FILE} ({}); record the new \
             figures with {update_hint}",
            moved(&verdict.improvements)
        );
    }
    Ok(true)
}

/// Writes the kept sections of a dump to `path` (best effort: it is for reading only).
fn write_dump(path: &Path, sections: &[TypesSection], keep: &dyn Fn(&str) -> bool) {
    let write = || -> std::io::Result<()> {
        let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
        for section in sections.iter().filter(|s| keep(&s.path)) {
            writeln!(out, "=== {}", section.path)?;
            out.write_all(section.body.as_bytes())?;
        }
        out.flush()
    };
    if let Err(e) = write() {
        println!("(could not write {}: {e})", path.display());
    }
}

fn clip(s: &str) -> String {
    const MAX: usize = 300;
    if s.len() <= MAX {
        s.to_string()
    } else {
        let mut end = MAX;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}... ({} bytes)", &s[..end], s.len())
    }
}
