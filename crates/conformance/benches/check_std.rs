//! Type-checking the whole standard library from source, goescape against go/types, side
//! by side.
//!
//! `cargo bench -p goescape-conformance --bench check_std` loads `std` once with the
//! loader (cgo off, as `tools/gotypes` loads it), then alternates timed rounds of go/types
//! (`tools/gotypes -bench 1`, which runs go list itself before its clock starts) and of our
//! pipeline (goescape-driver's `check_graph` on the loaded graph), single-threaded and on
//! all cores, and prints the best round of each with the ratio go/types / ours. What is
//! timed is the same work on both sides: reading and parsing every file, then checking
//! every package in dependency order while recording types, definitions, uses, implicit
//! objects, selections, scopes and instances (go/types' `Info` maps, our `Info`); go list
//! is not timed on either side. Single-threaded rounds use one core on both sides
//! (`GOMAXPROCS=1` and one worker for Go, a one-thread rayon pool for us).
//!
//! Environment: `GOESCAPE_BENCH_ROUNDS` (default 3).

// The benchmark's report is its output.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use goescape_conformance::gotypes::build_gotypes;
use goescape_conformance::typecheck::load_packages;
use goescape_conformance::workspace_root;
use goescape_driver::{check_graph, NoHook, PackageGraph, Retain};

// The same allocator as the `goescape` binary, so the benchmark measures what users run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// One round's figures: wall time, and the time of the two phases.
#[derive(Clone, Default)]
struct Round {
    seconds: f64,
    /// Ours: wall time of reading and parsing. Go: summed over packages.
    parse: f64,
    /// Ours: wall time of checking. Go: time in `Config.Check`, summed over packages.
    check: f64,
    /// Ours: time in the checker summed over packages.
    check_sum: f64,
    checked: usize,
    errors: u64,
    /// Each package's time in the checker.
    per_package: HashMap<String, f64>,
}

impl Round {
    fn better(self, other: Round) -> Round {
        if self.seconds == 0.0 || other.seconds < self.seconds {
            other
        } else {
            self
        }
    }
}

fn env_count(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(default)
}

/// One round of our pipeline on the current rayon pool. The graph is cloned and the
/// result dropped outside the clock.
fn our_round(graph: &PackageGraph) -> Round {
    let graph = graph.clone();
    let start = Instant::now();
    let checked = check_graph(graph, Retain::Nothing, &NoHook).expect("amd64 has sizes");
    let seconds = start.elapsed().as_secs_f64();
    let round = Round {
        seconds,
        parse: checked.timings.parse.as_secs_f64(),
        check: checked.timings.check.as_secs_f64(),
        check_sum: checked.timings.check_sum.as_secs_f64(),
        checked: checked
            .packages
            .iter()
            .filter(|r| r.status.is_checked())
            .count(),
        errors: checked.packages.iter().map(|r| r.errors.len() as u64).sum(),
        per_package: checked
            .iter()
            .map(|(p, r)| (p.import_path.clone(), r.check_time.as_secs_f64()))
            .collect(),
    };
    drop(checked);
    round
}

/// One round of go/types through `gotypes -bench 1`. Single-threaded rounds run with
/// `GOMAXPROCS=1` (otherwise Go's garbage collector works on the other cores).
fn go_round(gotypes: &Path, dir: &Path, threads: Option<usize>) -> Round {
    let mut command = Command::new(gotypes);
    command
        .current_dir(dir)
        .env("GOTOOLCHAIN", "local")
        .args(["-bench", "1"]);
    if let Some(n) = threads {
        command
            .env("GOMAXPROCS", n.to_string())
            .arg("-p")
            .arg(n.to_string());
    }
    let output = command.arg("std").output().expect("running gotypes -bench");
    assert!(
        output.status.success(),
        "gotypes -bench failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stdout);
    let field = |key: &str| -> f64 {
        let needle = format!("\"{key}\":");
        let start = text
            .find(&needle)
            .map(|i| i + needle.len())
            .unwrap_or_else(|| panic!("no {key} in gotypes output: {text}"));
        let rest = &text[start..];
        let end = rest.find([',', '}']).unwrap_or(rest.len());
        rest[..end]
            .trim()
            .parse()
            .expect("number in gotypes output")
    };
    Round {
        seconds: field("seconds"),
        parse: field("parse_seconds"),
        check: field("check_seconds"),
        check_sum: field("check_seconds"),
        checked: field("checked") as usize,
        errors: field("errors") as u64,
        per_package: per_package(&text),
    }
}

/// The `per_package` list of gotypes' output: `{"path":"P","seconds":S}` objects (import
/// paths hold no quotes).
fn per_package(text: &str) -> HashMap<String, f64> {
    let mut times = HashMap::new();
    let Some(start) = text.find("\"per_package\":[") else {
        return times;
    };
    for entry in text[start..].split("{\"path\":\"").skip(1) {
        let Some((path, rest)) = entry.split_once('"') else {
            continue;
        };
        let seconds = rest
            .trim_start_matches(",\"seconds\":")
            .split(['}', ','])
            .next()
            .and_then(|n| n.trim().parse().ok());
        if let Some(seconds) = seconds {
            times.insert(path.to_owned(), seconds);
        }
    }
    times
}

fn main() {
    let rounds = env_count("GOESCAPE_BENCH_ROUNDS", 3);
    let root = workspace_root();
    let work = root.join("target").join("gotypes-bench");
    let gotypes = match build_gotypes(&work) {
        Ok(exe) => exe,
        Err(e) => {
            eprintln!("check_std benchmark: {e}");
            std::process::exit(1);
        }
    };
    let t = Instant::now();
    let graph = match load_packages(&root, &["std".to_owned()]) {
        Ok(graph) => graph,
        Err(e) => {
            eprintln!("check_std benchmark: {e}");
            std::process::exit(1);
        }
    };
    let load_time = t.elapsed();
    let files: usize = graph.packages.iter().map(|p| p.go_files.len()).sum();
    let threads = rayon::current_num_threads();
    let single = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a one-thread pool");
    println!(
        "type-checking std ({} packages, {files} files, {} {}/{}, cgo off): {rounds} rounds, \
         1 and {threads} threads; go list took {:.2}s (not timed)",
        graph.packages.len(),
        graph.toolchain.go_version,
        graph.toolchain.goos,
        graph.toolchain.goarch,
        secs(load_time),
    );

    let (mut go_single, mut ours_single) = (Round::default(), Round::default());
    let (mut go_parallel, mut ours_parallel) = (Round::default(), Round::default());
    for _ in 0..rounds {
        go_single = go_single.better(go_round(&gotypes, &root, Some(1)));
        ours_single = ours_single.better(single.install(|| our_round(&graph)));
        go_parallel = go_parallel.better(go_round(&gotypes, &root, None));
        ours_parallel = ours_parallel.better(our_round(&graph));
    }
    print_table(
        threads,
        &go_single,
        &ours_single,
        &go_parallel,
        &ours_parallel,
    );
    print_slowest(&go_single, &ours_single);
    print_critical_path(&graph, &ours_single);
}

/// The longest chain of imports weighted by our single-threaded check times: no schedule
/// on any number of cores checks std faster than this.
fn print_critical_path(graph: &PackageGraph, ours: &Round) {
    let n = graph.packages.len();
    let mut finish = vec![0.0f64; n];
    let mut via: Vec<Option<usize>> = vec![None; n];
    for p in &graph.packages {
        let i = p.id.index();
        let before = p
            .imports
            .iter()
            .filter(|imp| imp.id < p.id)
            .map(|imp| imp.id.index())
            .max_by(|a, b| finish[*a].total_cmp(&finish[*b]));
        let own = ours.per_package.get(&p.import_path).copied().unwrap_or(0.0);
        finish[i] = own + before.map_or(0.0, |j| finish[j]);
        via[i] = before;
    }
    let Some(end) = (0..n).max_by(|a, b| finish[*a].total_cmp(&finish[*b])) else {
        return;
    };
    let mut chain = Vec::new();
    let mut at = Some(end);
    while let Some(i) = at {
        chain.push(graph.packages[i].import_path.as_str());
        at = via[i];
    }
    chain.reverse();
    println!();
    println!(
        "critical path of checking (1-thread times): {:.3}s of {:.3}s, {} packages: {}",
        finish[end],
        ours.check_sum,
        chain.len(),
        chain.join(" > ")
    );
}

fn print_table(
    threads: usize,
    go_single: &Round,
    ours_single: &Round,
    go_parallel: &Round,
    ours_parallel: &Round,
) {
    println!();
    println!(
        "| checker | threads | wall s | parse s | check s | packages checked | errors | speed-up vs go/types |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let row = |name: &str, threads: usize, r: &Round, base: &Round| {
        println!(
            "| {name} | {threads} | {:.3} | {:.3} | {:.3} | {} | {} | {:.2}x |",
            r.seconds,
            r.parse,
            r.check,
            r.checked,
            r.errors,
            base.seconds / r.seconds
        );
    };
    row("go/types", 1, go_single, go_single);
    row("goescape", 1, ours_single, go_single);
    row("go/types", threads, go_parallel, go_parallel);
    row("goescape", threads, ours_parallel, go_parallel);
    println!();
    println!(
        "go/types: parse and check columns are summed over packages. goescape: parse and \
         check are wall times; the checker's time summed over packages was {:.3}s (1 thread) \
         and {:.3}s ({threads} threads).",
        ours_single.check_sum, ours_parallel.check_sum
    );
}

/// The packages that took our checker longest on one thread, with go/types' time for them
/// (single-threaded rounds of both): where the time goes.
fn print_slowest(go: &Round, ours: &Round) {
    const SHOWN: usize = 12;
    let mut slowest: Vec<(&String, f64)> = ours.per_package.iter().map(|(p, s)| (p, *s)).collect();
    slowest.sort_by(|a, b| b.1.total_cmp(&a.1));
    println!();
    println!("| package (slowest for goescape, 1 thread) | go/types s | goescape s | speed-up |");
    println!("|---|---|---|---|");
    for (path, seconds) in slowest.into_iter().take(SHOWN) {
        let theirs = go.per_package.get(path).copied().unwrap_or(0.0);
        println!(
            "| {path} | {theirs:.3} | {seconds:.3} | {:.2}x |",
            theirs / seconds
        );
    }
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}
