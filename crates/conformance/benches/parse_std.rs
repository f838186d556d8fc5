//! Parser throughput on the whole standard library, goescape against go/parser, side by side.
//!
//! `cargo bench -p goescape-conformance --bench parse_std` reads every `.go` file under
//! `$(go env GOROOT)/src` into memory, then alternates timed rounds of go/parser (through
//! `tools/goast bench`) and of our parser, single-threaded and on all cores, and prints the
//! best round of each as files/s and MB/s with the ratio ours / go/parser (single-threaded
//! rounds use one core on both sides: `GOMAXPROCS=1` for Go). Absolute times on
//! a shared machine are noisy; the ratio of runs interleaved in one process is what we track
//! (docs/benchmarks.md).
//!
//! Environment: `GOESCAPE_BENCH_ROUNDS` (default 3) rounds, each parsing every file
//! `GOESCAPE_BENCH_ITERATIONS` times (default 2).

// The benchmark's report is its output.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

use goescape_conformance::{build_goast, go_files_under, goroot, path_name, workspace_root};
use rayon::prelude::*;

// The same allocator as the `goescape` binary, so the benchmark measures what users run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Source {
    name: String,
    bytes: Vec<u8>,
}

#[derive(Clone, Copy, Default)]
struct Rate {
    seconds: f64,
    files_per_sec: f64,
    mb_per_sec: f64,
}

impl Rate {
    fn better(self, other: Rate) -> Rate {
        if self.seconds == 0.0 || (other.seconds > 0.0 && other.seconds < self.seconds) {
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

/// One timed round of our parser; sources are copied before the clock starts, since
/// `parse_file` takes ownership of its input.
fn our_round(sources: &[Source], iterations: usize, parallel: bool) -> Rate {
    let total_bytes: usize = sources.iter().map(|s| s.bytes.len()).sum();
    let mut seconds = 0.0;
    for _ in 0..iterations {
        let copies: Vec<(String, Vec<u8>)> = sources
            .iter()
            .map(|s| (s.name.clone(), s.bytes.clone()))
            .collect();
        let start = Instant::now();
        let error_files: usize = if parallel {
            copies
                .into_par_iter()
                .map(|(name, bytes)| {
                    usize::from(!goescape_syntax::parse_file(&name, bytes).errors.is_empty())
                })
                .sum()
        } else {
            copies
                .into_iter()
                .map(|(name, bytes)| {
                    usize::from(!goescape_syntax::parse_file(&name, bytes).errors.is_empty())
                })
                .sum()
        };
        seconds += start.elapsed().as_secs_f64();
        std::hint::black_box(error_files);
    }
    let parses = (sources.len() * iterations) as f64;
    Rate {
        seconds,
        files_per_sec: parses / seconds,
        mb_per_sec: (total_bytes * iterations) as f64 / 1e6 / seconds,
    }
}

/// One round of go/parser, timed inside `goast bench` (reading files is not timed there).
/// Single-threaded rounds run with `GOMAXPROCS=1`: otherwise Go's garbage collector works
/// on the other cores while the one goroutine parses, and the comparison with our
/// one-thread parser would not be core for core.
fn go_round(goast: &PathBuf, list: &PathBuf, iterations: usize, parallel: bool) -> Rate {
    let mut command = Command::new(goast);
    command
        .arg("bench")
        .arg("-list")
        .arg(list)
        .arg("-n")
        .arg(iterations.to_string());
    if parallel {
        command.arg("-parallel");
    } else {
        command.env("GOMAXPROCS", "1");
    }
    let output = command.output().expect("running goast bench");
    assert!(
        output.status.success(),
        "goast bench failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8_lossy(&output.stdout);
    let field = |key: &str| -> f64 {
        let needle = format!("\"{key}\":");
        let start = text
            .find(&needle)
            .map(|i| i + needle.len())
            .expect("field in goast output");
        let rest = &text[start..];
        let end = rest.find([',', '}']).unwrap_or(rest.len());
        rest[..end].trim().parse().expect("number in goast output")
    };
    Rate {
        seconds: field("seconds"),
        files_per_sec: field("files_per_sec"),
        mb_per_sec: field("mb_per_sec"),
    }
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing else useful.
    let root = match goroot() {
        Ok(root) => root,
        Err(e) => {
            eprintln!("parse_std benchmark: {e}");
            std::process::exit(1);
        }
    };
    let rounds = env_count("GOESCAPE_BENCH_ROUNDS", 3);
    let iterations = env_count("GOESCAPE_BENCH_ITERATIONS", 2);
    let files = go_files_under(&root.join("src")).expect("listing GOROOT/src");
    let sources: Vec<Source> = files
        .iter()
        .map(|path| Source {
            name: path_name(path),
            bytes: std::fs::read(path).expect("reading a GOROOT file"),
        })
        .collect();
    let total_bytes: usize = sources.iter().map(|s| s.bytes.len()).sum();

    let work = workspace_root().join("target").join("goast-bench");
    let goast = build_goast(&work).expect("building tools/goast");
    let list = work.join("files.txt");
    let mut listing = String::new();
    for s in &sources {
        listing.push_str(&s.name);
        listing.push('\n');
    }
    std::fs::write(&list, listing).expect("writing the file list");

    let threads = rayon::current_num_threads();
    println!(
        "parsing {} files ({:.1} MB) of {}: {rounds} rounds x {iterations} iterations, {threads} threads",
        sources.len(),
        total_bytes as f64 / 1e6,
        root.join("src").display()
    );
    let (mut go_single, mut ours_single) = (Rate::default(), Rate::default());
    let (mut go_parallel, mut ours_parallel) = (Rate::default(), Rate::default());
    for _ in 0..rounds {
        go_single = go_single.better(go_round(&goast, &list, iterations, false));
        ours_single = ours_single.better(our_round(&sources, iterations, false));
        go_parallel = go_parallel.better(go_round(&goast, &list, iterations, true));
        ours_parallel = ours_parallel.better(our_round(&sources, iterations, true));
    }

    println!();
    println!("| parser | threads | files/s | MB/s | ratio vs go/parser |");
    println!("|---|---|---|---|---|");
    let row = |name: &str, threads: usize, rate: Rate, base: Rate| {
        println!(
            "| {name} | {threads} | {:.0} | {:.1} | {:.2}x |",
            rate.files_per_sec,
            rate.mb_per_sec,
            rate.mb_per_sec / base.mb_per_sec
        );
    };
    row("go/parser", 1, go_single, go_single);
    row("goescape", 1, ours_single, go_single);
    row("go/parser", threads, go_parallel, go_parallel);
    row("goescape", threads, ours_parallel, go_parallel);
}
