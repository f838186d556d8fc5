//! Escape analysis of the whole standard library: `goescape gc -m -l std` against
//! `go build -gcflags='-m -l' std` with a fresh build cache, side by side.
//!
//! `cargo bench -p goescape-cli --bench escape_std` alternates rounds of the two commands
//! (each a child process measured by `/usr/bin/time`: wall time and peak resident memory)
//! and prints the best round of each and their ratio. Both run with `CGO_ENABLED=0`,
//! `GOTOOLCHAIN=local` and an empty `GOFLAGS`; gc gets a new empty `GOCACHE` every round,
//! since the go command would otherwise replay its cached output instead of compiling.
//! Both sides do the whole job from source: gc compiles every package of std (parsing,
//! type checking, inlining off, escape analysis, code generation); goescape runs go list,
//! parses, type-checks, lowers and analyses every package and prints the same messages.
//!
//! Environment: `GOESCAPE_BENCH_ROUNDS` (default 3).

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::Path;
use std::process::{Command, Stdio};

/// One run's wall time (seconds) and peak resident memory (KiB).
#[derive(Clone, Copy, Debug)]
struct Run {
    seconds: f64,
    max_rss_kib: u64,
    lines: usize,
}

/// Runs `cmd` under `/usr/bin/time`, counting the lines it prints on stdout and stderr.
fn measure(cmd: Command) -> Result<Run, String> {
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let report = tmp.path().join("time");
    let out = tmp.path().join("out");
    let program = cmd.get_program().to_owned();
    let args: Vec<_> = cmd.get_args().map(|a| a.to_owned()).collect();
    let mut timed = Command::new("/usr/bin/time");
    timed
        .arg("-f")
        .arg("%e %M")
        .arg("-o")
        .arg(&report)
        .arg(program)
        .args(args)
        .stdin(Stdio::null());
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => timed.env(k, v),
            None => timed.env_remove(k),
        };
    }
    if let Some(dir) = cmd.get_current_dir() {
        timed.current_dir(dir);
    }
    let file = std::fs::File::create(&out).map_err(|e| e.to_string())?;
    let file2 = file.try_clone().map_err(|e| e.to_string())?;
    let status = timed
        .stdout(file)
        .stderr(file2)
        .status()
        .map_err(|e| format!("running /usr/bin/time: {e}"))?;
    let text = std::fs::read_to_string(&report).map_err(|e| e.to_string())?;
    let last = text.lines().last().unwrap_or("");
    let mut parts = last.split_whitespace();
    let seconds: f64 = parts
        .next()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("unexpected time report {text:?} (status {status})"))?;
    let max_rss_kib: u64 = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    let lines = std::fs::read_to_string(&out)
        .map(|s| s.lines().count())
        .unwrap_or(0);
    Ok(Run {
        seconds,
        max_rss_kib,
        lines,
    })
}

fn common_env(cmd: &mut Command) {
    cmd.env("CGO_ENABLED", "0")
        .env("GOTOOLCHAIN", "local")
        .env("GOFLAGS", "");
}

fn gc_round(dir: &Path) -> Result<Run, String> {
    let cache = tempfile::tempdir().map_err(|e| e.to_string())?;
    let mut cmd = Command::new("go");
    cmd.args(["build", "-gcflags=-m -l", "std"])
        .current_dir(dir)
        .env("GOCACHE", cache.path());
    common_env(&mut cmd);
    measure(cmd)
}

fn goescape_round(dir: &Path) -> Result<Run, String> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_goescape"));
    cmd.args(["gc", "-m", "-l", "std"]).current_dir(dir);
    common_env(&mut cmd);
    measure(cmd)
}

fn best(runs: &[Run]) -> Option<Run> {
    runs.iter()
        .copied()
        .min_by(|a, b| a.seconds.total_cmp(&b.seconds))
}

fn main() {
    // `cargo bench` passes `--bench`; nothing else is accepted.
    let rounds: usize = std::env::var("GOESCAPE_BENCH_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3)
        .max(1);
    let dir = std::env::temp_dir();
    let mut gc = Vec::new();
    let mut ours = Vec::new();
    for round in 1..=rounds {
        for (name, runs, f) in [
            (
                "go build -gcflags='-m -l' std",
                &mut gc,
                gc_round as fn(&Path) -> _,
            ),
            ("goescape gc -m -l std", &mut ours, goescape_round),
        ] {
            match f(&dir) {
                Ok(run) => {
                    eprintln!(
                        "round {round}: {name}: {:.2} s, {} MiB peak, {} lines",
                        run.seconds,
                        run.max_rss_kib / 1024,
                        run.lines
                    );
                    runs.push(run);
                }
                Err(e) => {
                    eprintln!("round {round}: {name}: {e}");
                    std::process::exit(1);
                }
            }
        }
    }
    let (Some(g), Some(o)) = (best(&gc), best(&ours)) else {
        return;
    };
    println!("| command | wall time (best of {rounds}) | peak memory | lines | ratio |");
    println!("|---|---:|---:|---:|---:|");
    println!(
        "| go build -gcflags='-m -l' std (fresh GOCACHE) | {:.2} s | {} MiB | {} | 1.00x |",
        g.seconds,
        g.max_rss_kib / 1024,
        g.lines
    );
    println!(
        "| goescape gc -m -l std | {:.2} s | {} MiB | {} | **{:.1}x** |",
        o.seconds,
        o.max_rss_kib / 1024,
        o.lines,
        g.seconds / o.seconds
    );
}
