//! Type-checking the whole standard library from source, goescape against go/types, side
//! by side.
//!
//! `cargo bench -p goescape-conformance --bench check_std` alternates timed rounds of
//! go/types (`tools/gotypes -bench 1`) and of our pipeline (goescape-driver's `check_graph`,
//! in a child process of the benchmark), single-threaded and on all cores, and prints the
//! best round of each with the ratio go/types / ours. Each round is a fresh process that
//! runs go list (cgo off) before its clock starts and exits without freeing, so both sides
//! pay for growing their heaps and neither for go list. What is timed is the same work on
//! both sides: reading and parsing every file, then checking every package in dependency
//! order while recording types, definitions, uses, implicit objects, selections, scopes and
//! instances (go/types' `Info` maps, our `Info`). Single-threaded rounds use one core on
//! both sides (`GOMAXPROCS=1` and one worker for Go, a one-thread rayon pool for us).
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
    /// Time spent reading and parsing, summed over packages.
    parse: f64,
    /// Time spent in the checker (`Config.Check` for Go), summed over packages.
    check: f64,
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

/// Set in the environment of the benchmark's own child processes: check std once on this
/// many threads and print the round.
const CHILD_ENV: &str = "GOESCAPE_CHECK_STD_CHILD";

/// One round of our pipeline in a fresh process, as go/types' rounds are: a warm
/// allocator reusing the previous round's memory would flatter us (no page faults).
fn our_round(threads: usize) -> Round {
    let exe = std::env::current_exe().expect("the benchmark's own path");
    let output = Command::new(exe)
        .env(CHILD_ENV, threads.to_string())
        .output()
        .expect("running the benchmark's child");
    assert!(
        output.status.success(),
        "child round failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stdout);
    let mut round = Round::default();
    for line in text.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        match fields.as_slice() {
            ["ROUND", seconds, parse, check, checked, errors] => {
                round.seconds = seconds.parse().expect("seconds");
                round.parse = parse.parse().expect("parse");
                round.check = check.parse().expect("check");
                round.checked = checked.parse().expect("checked");
                round.errors = errors.parse().expect("errors");
            }
            ["PKG", path, seconds] => {
                let seconds = seconds.parse().expect("package seconds");
                round.per_package.insert((*path).to_owned(), seconds);
            }
            _ => {}
        }
    }
    assert!(
        round.seconds > 0.0,
        "no round in the child's output: {text}"
    );
    round
}

/// The child's side: loads std (not timed), checks it once on `threads` threads, prints
/// the round as tab-separated lines and exits without freeing anything, as Go does.
fn child(threads: usize) -> ! {
    let graph = load_packages(&workspace_root(), &["std".to_owned()]).unwrap_or_else(|e| {
        eprintln!("check_std child: {e}");
        std::process::exit(1)
    });
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool");
    let (round, checked) = pool.install(|| measure(graph));
    println!(
        "ROUND\t{}\t{}\t{}\t{}\t{}",
        round.seconds, round.parse, round.check, round.checked, round.errors
    );
    for (path, seconds) in &round.per_package {
        println!("PKG\t{path}\t{seconds}");
    }
    std::mem::forget(checked);
    std::process::exit(0)
}

/// Times one run of the pipeline on the current rayon pool.
fn measure(graph: PackageGraph) -> (Round, goescape_driver::CheckedProgram) {
    let start = Instant::now();
    let checked = check_graph(graph, Retain::Nothing, &NoHook).expect("amd64 has sizes");
    let seconds = start.elapsed().as_secs_f64();
    let round = Round {
        seconds,
        parse: checked.timings.parse_sum.as_secs_f64(),
        check: checked.timings.check_sum.as_secs_f64(),
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
    (round, checked)
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
    if let Some(threads) = std::env::var(CHILD_ENV).ok().and_then(|v| v.parse().ok()) {
        child(threads);
    }
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
        ours_single = ours_single.better(our_round(1));
        go_parallel = go_parallel.better(go_round(&gotypes, &root, None));
        ours_parallel = ours_parallel.better(our_round(threads));
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
        ours.check,
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
        "| checker | threads | wall s | parse s (sum) | check s (sum) | packages checked | errors | speed-up vs go/types |"
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
        "parse and check: time spent in each, summed over packages (on {threads} threads \
         they overlap, and each package's time grows when the threads compete for memory)."
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
