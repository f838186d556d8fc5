//! Our parser against go/parser on every `.go` file of `GOROOT/src` (testdata included).
//!
//! For a file go/parser accepts, we must report no error and print exactly go/parser's
//! canonical dump (docs/ast-dump.md). For a file go/parser rejects, we must report an error,
//! the first one (in go/parser's sort order) on the same adjusted line as go/parser's first.
//!
//! `tools/goast` (built once per run with the Go on PATH) streams go/parser's side while
//! rayon parses and dumps ours. At the end a summary and the first problems are printed,
//! both dumps of the first differing files are written under
//! `target/tmp/conformance/diffs/` for diffing, and the test fails if any file disagrees.
//!
//! Environment:
//! * `GOESCAPE_CONFORMANCE_FILES=TEXT` only checks files whose path below GOROOT/src
//!   contains TEXT (for debugging; the full run is the test).
//! * `GOESCAPE_CONFORMANCE_SHOW=N` shows the first N problems (default 20).

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::thread;
use std::time::Instant;

use goescape_conformance::{
    build_goast, compare_file, first_difference, go_files_under, go_version, goroot, our_dump,
    path_name, run_goast_dump, run_single_test, write_diff_pair, GoResult, Outcome, Section,
};
use rayon::iter::{ParallelBridge, ParallelIterator};

const TEST_NAME: &str = "parser_vs_go_parser";

fn main() -> ExitCode {
    run_single_test(TEST_NAME, run)
}

fn run() -> Result<bool, String> {
    let start = Instant::now();
    let version = go_version()?;
    if !(version == "go1.26" || version.starts_with("go1.26.") || version.starts_with("go1.26rc")) {
        return Err(format!(
            "the go on PATH is {version}; goescape is checked against Go 1.26"
        ));
    }
    let root = goroot()?;
    let src_dir = root.join("src");
    let mut files =
        go_files_under(&src_dir).map_err(|e| format!("listing {}: {e}", src_dir.display()))?;
    let only = std::env::var("GOESCAPE_CONFORMANCE_FILES")
        .ok()
        .filter(|s| !s.is_empty());
    if let Some(only) = &only {
        files.retain(|f| rel(&src_dir, f).contains(only.as_str()));
    }
    let show: usize = std::env::var("GOESCAPE_CONFORMANCE_SHOW")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    if files.is_empty() {
        return Err(format!("no .go files under {}", src_dir.display()));
    }

    let work_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("conformance");
    let goast = build_goast(&work_dir)?;
    // Dumps of differing files from an earlier run would be misleading.
    let _ = std::fs::remove_dir_all(work_dir.join("diffs"));
    let built = start.elapsed();

    // go/parser's side streams in from a reader thread; ours runs on rayon's pool as the
    // sections arrive.
    let mut dump = run_goast_dump(&goast, &files, &work_dir.join("files.txt"))?;
    let (tx, rx) = mpsc::sync_channel::<(usize, Section)>(4 * rayon::current_num_threads().max(1));
    let expected: Vec<String> = files.iter().map(|f| path_name(f)).collect();
    let reader = thread::spawn(move || -> Result<(), String> {
        for (i, want) in expected.iter().enumerate() {
            let section = dump.next_section()?.ok_or_else(|| {
                format!("goast output ended after {i} of {} files", expected.len())
            })?;
            if section.path != *want {
                return Err(format!(
                    "goast printed {:?} where {want:?} was expected",
                    section.path
                ));
            }
            if tx.send((i, section)).is_err() {
                return Ok(());
            }
        }
        match dump.next_section()? {
            None => Ok(()),
            Some(extra) => Err(format!(
                "goast printed an unexpected extra file {:?}",
                extra.path
            )),
        }
    });
    let mut outcomes: Vec<(usize, Outcome)> = rx
        .into_iter()
        .par_bridge()
        .map(|(i, section)| (i, compare_file(&files[i], &section.result)))
        .collect();
    reader
        .join()
        .map_err(|_| "the goast reader thread panicked".to_string())??;
    outcomes.sort_by_key(|(i, _)| *i);
    let elapsed = start.elapsed();

    let ok = report(
        &src_dir,
        &files,
        &outcomes,
        show,
        &goast,
        &work_dir,
        only.is_some(),
    );
    println!(
        "time: {:.1}s in all ({:.1}s building tools/goast), {} rayon threads",
        elapsed.as_secs_f64(),
        built.as_secs_f64(),
        rayon::current_num_threads()
    );
    Ok(ok)
}

fn rel(src_dir: &Path, f: &Path) -> String {
    path_name(f.strip_prefix(src_dir).unwrap_or(f))
}

fn clip(s: &str) -> String {
    const MAX: usize = 240;
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

#[allow(clippy::too_many_arguments)]
fn report(
    src_dir: &Path,
    files: &[PathBuf],
    outcomes: &[(usize, Outcome)],
    show: usize,
    goast: &Path,
    work_dir: &Path,
    partial: bool,
) -> bool {
    let count = |f: fn(&Outcome) -> bool| outcomes.iter().filter(|(_, o)| f(o)).count();
    let identical = count(|o| matches!(o, Outcome::Identical));
    let differs = count(|o| matches!(o, Outcome::Differs(_)));
    let we_reject = count(|o| matches!(o, Outcome::WeReject(_)));
    let ast_pos = count(|o| matches!(o, Outcome::AstPosDiffers(_)));
    let same_line = count(|o| {
        matches!(
            o,
            Outcome::BothReject {
                same_line: true,
                ..
            }
        )
    });
    let other_line = count(|o| {
        matches!(
            o,
            Outcome::BothReject {
                same_line: false,
                ..
            }
        )
    });
    let we_accept = count(|o| matches!(o, Outcome::WeAccept(_)));
    let failed = count(|o| matches!(o, Outcome::Failed(_)));
    let panicked = count(|o| matches!(o, Outcome::Panicked(_)));
    let go_accepts = identical + differs + we_reject + ast_pos;
    let go_rejects = same_line + other_line + we_accept;

    println!(
        "parser conformance against go/parser: {} files under {}{}",
        files.len(),
        src_dir.display(),
        if partial {
            " (GOESCAPE_CONFORMANCE_FILES subset)"
        } else {
            ""
        }
    );
    println!(
        "  go/parser accepts {go_accepts}: {identical} identical dumps, {differs} differing, \
         {we_reject} rejected by us, {ast_pos} with ast_pos.rs disagreeing with the dump"
    );
    println!(
        "  go/parser rejects {go_rejects}: first error on the same line {same_line}, \
         on another line {other_line}, no error from us {we_accept}"
    );
    if failed + panicked > 0 {
        println!(
            "  not compared: {panicked} panics of ours, {failed} failures of tools/goast or IO"
        );
    }

    let problems: Vec<&(usize, Outcome)> =
        outcomes.iter().filter(|(_, o)| !o.is_success()).collect();
    if problems.is_empty() {
        return true;
    }
    println!(
        "first {} of {} problems:",
        show.min(problems.len()),
        problems.len()
    );
    for (i, outcome) in problems.iter().take(show) {
        let name = rel(src_dir, &files[*i]);
        match outcome {
            Outcome::Differs(d) => {
                println!(
                    "  {name}: dumps differ at line {} (in {})",
                    d.line, d.context
                );
                println!(
                    "    go/parser: {}",
                    clip(d.go.as_deref().unwrap_or("<end of dump>"))
                );
                println!(
                    "    goescape:  {}",
                    clip(d.ours.as_deref().unwrap_or("<end of dump>"))
                );
            }
            Outcome::WeReject(e) => {
                println!(
                    "  {name}: go/parser accepts it, we report {}:{}: {}",
                    e.line, e.col, e.msg
                );
            }
            Outcome::BothReject { go, ours, .. } => {
                println!(
                    "  {name}: first errors on different lines: go/parser {}:{}: {} / goescape {}:{}: {}",
                    go.line, go.col, go.msg, ours.line, ours.col, ours.msg
                );
            }
            Outcome::WeAccept(e) => {
                println!(
                    "  {name}: go/parser reports {}:{}: {}, we report no error",
                    e.line, e.col, e.msg
                );
            }
            Outcome::AstPosDiffers(msg) => println!("  {name}: ast_pos.rs: {msg}"),
            Outcome::Failed(msg) => println!("  {name}: not compared: {msg}"),
            Outcome::Panicked(msg) => println!("  {name}: our parser or dump panicked: {msg}"),
            Outcome::Identical => {}
        }
    }
    write_diffs(src_dir, files, &problems, show, goast, work_dir);
    false
}

/// Writes both dumps of the first differing files, for `diff`.
fn write_diffs(
    src_dir: &Path,
    files: &[PathBuf],
    problems: &[&(usize, Outcome)],
    show: usize,
    goast: &Path,
    work_dir: &Path,
) {
    let differing: Vec<PathBuf> = problems
        .iter()
        .filter(|(_, o)| matches!(o, Outcome::Differs(_)))
        .take(show)
        .map(|(i, _)| files[*i].clone())
        .collect();
    if differing.is_empty() {
        return;
    }
    let diff_dir = work_dir.join("diffs");
    let mut dump = match run_goast_dump(goast, &differing, &work_dir.join("diff-files.txt")) {
        Ok(d) => d,
        Err(e) => {
            println!("(could not rerun tools/goast for the diff files: {e})");
            return;
        }
    };
    for f in &differing {
        let Ok(Some(section)) = dump.next_section() else {
            break;
        };
        let (GoResult::Dump(go), Ok(src)) = (section.result, std::fs::read(f)) else {
            continue;
        };
        let (_, ours) = our_dump(&path_name(f), src);
        if first_difference(&go, &ours).is_some() {
            if let Err(e) = write_diff_pair(&diff_dir, &rel(src_dir, f), &go, &ours) {
                println!("(could not write the dumps of {}: {e})", f.display());
            }
        }
    }
    let _ = dump.next_section();
    println!("both dumps of these differing files are in {} (diff NAME.go-parser.dump NAME.goescape.dump)", diff_dir.display());
}
