//! Our escape-analysis fixtures (`tests/escape/RULE/RULE.go`, one package per rule)
//! checked against the real compiler, then against goescape.
//!
//! Each fixture starts with `// errorcheck FLAGS` and annotates its lines with
//! `// ERROR "regexp" ...` in the style of `$GOROOT/test/escape*.go`; the annotations are
//! checked with errorcheck's semantics (`goescape_conformance::gc::errorcheck`). gc compiles
//! the fixtures with one `go build -gcflags=FLAGS ./RULE...` per flag set, in the fixtures'
//! module, with one fresh `GOCACHE` for the run (no package is built twice with the same
//! flags, so nothing is replayed from the cache).
//!
//! Trials: `gc::RULE` fails when gc's messages and the annotations of RULE disagree (the
//! annotations are wrong, or gc changed). `goescape::ratchet` compares goescape's output
//! with gc's on every fixture (per class, as escape_vs_gc does) and counts the fixtures
//! whose annotations goescape satisfies; it fails only if these figures drop below those
//! recorded in docs/conformance/escape.md (`GOESCAPE_UPDATE_RATCHET=1` records them).
//! Outputs go to `target/tmp/escape-fixtures/`.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use goescape_conformance::gc::compare::Comparison;
use goescape_conformance::gc::errorcheck::{check, messages_in_file, read_fixture, Fixture};
use goescape_conformance::gc::parse::{parse_output, Output};
use goescape_conformance::gc::producer::{find_goescape, run_goescape, Producer};
use goescape_conformance::gc::ratchet::{self as doc, Record};
use goescape_conformance::gc::report::{check_ratchet, differences, table_of};
use goescape_conformance::gc::run::{go_build, is_go_1_26, toolchain, GoCache};
use goescape_conformance::{go_version, workspace_root};
use libtest_mimic::{Arguments, Failed, Trial};

const RATCHET_FILE: &str = "docs/conformance/escape.md";

/// One rule's package: its directory name and its annotated files.
struct Rule {
    name: String,
    files: Vec<Fixture>,
}

impl Rule {
    fn flags(&self) -> &str {
        self.files.first().map_or("", |f| f.flags.as_str())
    }
}

/// Everything the trials need, computed once.
struct Run {
    module: String,
    toolchain: String,
    /// gc's output per flag set.
    gc: BTreeMap<String, Output>,
    gc_time: Duration,
    producer: Producer,
    /// goescape's output per flag set (empty when not available).
    ours: BTreeMap<String, Output>,
    ours_time: Duration,
}

fn fixtures_dir() -> PathBuf {
    workspace_root().join("tests").join("escape")
}

fn work_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("escape-fixtures")
}

/// The rules under `dir`: every sub-directory with `.go` files, sorted.
fn discover(dir: &Path) -> Result<Vec<Rule>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut rules = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
        if !entry.file_type().map(|t| t.is_dir()).unwrap_or(false) {
            continue;
        }
        let mut files = Vec::new();
        let sub = entry.path();
        let list = std::fs::read_dir(&sub).map_err(|e| format!("{}: {e}", sub.display()))?;
        for f in list {
            let f = f.map_err(|e| format!("{}: {e}", sub.display()))?.path();
            if f.extension().is_some_and(|e| e == "go") {
                files.push(f);
            }
        }
        if files.is_empty() {
            continue;
        }
        files.sort();
        // Canonical paths: the go command runs in the canonical directory and names the
        // files that way.
        let files = files
            .iter()
            .map(|f| {
                let f = std::fs::canonicalize(f).map_err(|e| format!("{}: {e}", f.display()))?;
                read_fixture(&f)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let rule = Rule {
            name: entry.file_name().to_string_lossy().into_owned(),
            files,
        };
        if rule.files.iter().any(|f| f.flags != rule.flags()) {
            return Err(format!("{}: its files have different flags", rule.name));
        }
        rules.push(rule);
    }
    rules.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(rules)
}

/// The module path of the fixtures' go.mod.
fn module_path(dir: &Path) -> Result<String, String> {
    let gomod = dir.join("go.mod");
    let text = std::fs::read_to_string(&gomod).map_err(|e| format!("{}: {e}", gomod.display()))?;
    text.lines()
        .find_map(|l| l.strip_prefix("module "))
        .map(|m| m.trim().to_string())
        .ok_or_else(|| format!("{}: no module line", gomod.display()))
}

/// The rules grouped by flag set: flags -> `./RULE` patterns.
fn groups(rules: &[Rule]) -> BTreeMap<String, Vec<String>> {
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in rules {
        groups
            .entry(r.flags().to_string())
            .or_default()
            .push(format!("./{}", r.name));
    }
    groups
}

fn compute(rules: &[Rule]) -> Result<Run, String> {
    let version = go_version()?;
    if !is_go_1_26(&version) {
        return Err(format!(
            "the go on PATH is {version}; goescape is checked against Go 1.26"
        ));
    }
    let dir = fixtures_dir();
    let work = work_dir();
    // One cache per process: two runs sharing a target directory must not remove each
    // other's cache.
    let cache = GoCache::fresh(&work.join(format!("gocache.{}", std::process::id())))?;
    let mut run = Run {
        module: module_path(&dir)?,
        toolchain: toolchain()?,
        gc: BTreeMap::new(),
        gc_time: Duration::ZERO,
        producer: find_goescape(),
        ours: BTreeMap::new(),
        ours_time: Duration::ZERO,
    };
    for (flags, patterns) in groups(rules) {
        let built = go_build(&dir, &flags, &patterns, &cache)?;
        if !built.success {
            return Err(format!(
                "go build -gcflags='{flags}' failed ({}):\n{}",
                built.status, built.text
            ));
        }
        run.gc_time += built.elapsed;
        let file = work.join(format!("gc{}.txt", file_suffix(&flags)));
        let _ = std::fs::write(&file, &built.text);
        run.gc
            .insert(flags.clone(), parse_output(&built.text, &built.dir));
        if let Producer::Available { exe } = &run.producer {
            let ours = run_goescape(exe, &dir, &flags, &patterns, &cache)?;
            run.ours_time += ours.elapsed;
            let file = work.join(format!("goescape{}.txt", file_suffix(&flags)));
            let _ = std::fs::write(&file, &ours.text);
            run.ours.insert(flags, parse_output(&ours.text, &ours.dir));
        }
    }
    Ok(run)
}

/// `-m=2 -l` as `.-m=2_-l`, for file names.
fn file_suffix(flags: &str) -> String {
    format!(".{}", flags.replace(' ', "_"))
}

/// The problems of `rule` in `output` (errorcheck's verdict).
fn rule_problems(run: &Run, rule: &Rule, output: Option<&Output>) -> Vec<String> {
    let package = format!("{}/{}", run.module, rule.name);
    let section = output.and_then(|o| o.section(&package));
    rule.files
        .iter()
        .flat_map(|f| check(f, &messages_in_file(section, &f.file)))
        .collect()
}

fn gc_trial(run: &Result<Run, String>, rule: &Rule) -> Result<(), Failed> {
    let run = run.as_ref().map_err(|e| Failed::from(e.as_str()))?;
    let problems = rule_problems(run, rule, run.gc.get(rule.flags()));
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Failed::from(format!(
            "gc's messages disagree with the annotations:\n{}",
            problems.join("\n")
        )))
    }
}

fn ratchet_trial(run: &Result<Run, String>, rules: &[Rule]) -> Result<(), Failed> {
    let run = run.as_ref().map_err(|e| Failed::from(e.as_str()))?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "escape fixtures: {} rules under {}; gc {:.1}s; {}",
        rules.len(),
        fixtures_dir().display(),
        run.gc_time.as_secs_f64(),
        run.producer.describe()
    );
    let available = matches!(run.producer, Producer::Available { .. });
    let mut passed = 0;
    for rule in rules {
        let problems = rule_problems(run, rule, run.ours.get(rule.flags()));
        if problems.is_empty() && available {
            passed += 1;
        } else if available {
            let _ = writeln!(
                out,
                "goescape fails {} ({} problems), first: {}",
                rule.name,
                problems.len(),
                problems.first().map_or("", String::as_str)
            );
        }
    }
    let mut record = Record {
        toolchain: run.toolchain.clone(),
        packages: rules.iter().map(|r| r.name.clone()).collect(),
        notes: vec![(
            "goescape fixtures passed".to_string(),
            format!("{passed} of {}", rules.len()),
        )],
        tables: Vec::new(),
    };
    let empty = Output::default();
    for (flags, gc) in &run.gc {
        let mut comparison = Comparison::new(3);
        let ours = run.ours.get(flags).unwrap_or(&empty);
        comparison.add_outputs(gc, ours, &|_| true);
        let _ = writeln!(out, "[{flags}]");
        let table = table_of(flags, &comparison);
        out.push_str(&doc::table(&table.classes));
        if available {
            out.push_str(&differences(&comparison, None));
        }
        record.tables.push(table);
    }
    let update = std::env::var("GOESCAPE_UPDATE_RATCHET").is_ok_and(|v| !v.is_empty() && v != "0");
    let hint =
        "GOESCAPE_UPDATE_RATCHET=1 cargo test -p goescape-conformance --test escape_fixtures";
    let path = workspace_root().join(RATCHET_FILE);
    let (mut ok, text) = check_ratchet(&path, doc::FIXTURES, &record, update, hint)
        .map_err(|e| Failed::from(e.as_str()))?;
    out.push_str(&text);
    if !update {
        let committed = std::fs::read_to_string(&path)
            .ok()
            .and_then(|t| doc::find_record(&t, doc::FIXTURES))
            .and_then(Result::ok);
        let before = committed
            .as_ref()
            .and_then(|r| r.note("goescape fixtures passed"))
            .and_then(|v| v.split_whitespace().next()?.parse::<usize>().ok());
        if let Some(before) = before.filter(|b| passed < *b) {
            ok = false;
            let _ = writeln!(
                out,
                "ratchet: FAILED: goescape passes {passed} fixtures, {before} were recorded"
            );
        }
    }
    if let (false, Producer::Unavailable { reason }) = (ok, &run.producer) {
        let _ = writeln!(out, "(goescape was not available: {reason})");
    }
    print!("{out}");
    if ok {
        Ok(())
    } else {
        Err(Failed::from(
            "goescape's agreement on the fixtures went down",
        ))
    }
}

fn main() {
    let args = Arguments::from_args();
    let rules = match discover(&fixtures_dir()) {
        Ok(rules) => std::sync::Arc::new(rules),
        Err(e) => {
            eprintln!("escape fixtures: {e}");
            std::process::exit(101);
        }
    };
    static RUN: OnceLock<Result<Run, String>> = OnceLock::new();
    let mut trials = Vec::new();
    for i in 0..rules.len() {
        let rules = rules.clone();
        trials.push(Trial::test(format!("gc::{}", rules[i].name), move || {
            gc_trial(RUN.get_or_init(|| compute(&rules)), &rules[i])
        }));
    }
    let all = rules.clone();
    trials.push(Trial::test("goescape::ratchet", move || {
        ratchet_trial(RUN.get_or_init(|| compute(&all)), &all)
    }));
    libtest_mimic::run(&args, trials).exit();
}
