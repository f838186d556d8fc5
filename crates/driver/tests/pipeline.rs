//! The pipeline on small modules in temporary directories: statuses, errors with go/types'
//! positions, retention, and the hook's ordering and panic guarantees.

use std::fs;
use std::path::Path;
use std::sync::Mutex;

use goescape_driver::{
    load_and_check, CheckedProgram, FileProblem, LoadConfig, NoHook, Package, PackageHook,
    PackageStatus, PackageView, Retain,
};

fn write(dir: &Path, relative: &str, contents: &str) {
    let path = dir.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, contents).unwrap();
}

fn module(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "go.mod", "module example.com/m\n\ngo 1.26\n");
    for (name, text) in files {
        write(dir.path(), name, text);
    }
    dir
}

fn config(dir: &Path) -> LoadConfig {
    LoadConfig::new(dir, ["./..."])
        .with_env("GOTOOLCHAIN", "local")
        .with_env("GOPROXY", "off")
        .with_env("GOWORK", "off")
        .with_env("GOFLAGS", "")
}

fn result<'a, T>(checked: &'a CheckedProgram<T>, path: &str) -> &'a goescape_driver::PackageResult {
    let p = checked
        .graph
        .get(path)
        .unwrap_or_else(|| panic!("{path} not loaded"));
    &checked.packages[p.id.index()]
}

#[test]
fn failures_are_per_package_and_importers_are_still_checked() {
    let m = module(&[
        ("bad/b.go", "package bad\n\nfunc (\n"),
        (
            "user/u.go",
            "package user\n\nimport \"example.com/m/bad\"\n\nvar _ = bad.X\n\nvar Y int = 1\n",
        ),
        (
            "miss/m.go",
            "package miss\n\nimport \"example.com/m/nope\"\n\nvar _ = nope.X\n",
        ),
        (
            "ok/ok.go",
            "package ok\n\nfunc F() int { return undefinedX }\n",
        ),
    ]);
    let checked = load_and_check(&config(m.path()), Retain::Nothing, &NoHook).unwrap();
    match &result(&checked, "example.com/m/bad").status {
        PackageStatus::FileErrors(problems) => {
            assert!(matches!(problems[..], [FileProblem::Syntax { .. }]));
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        result(&checked, "example.com/m/nope").status,
        PackageStatus::ListError(_)
    ));
    // Importers of failed packages are checked with what is available.
    for path in ["example.com/m/user", "example.com/m/miss"] {
        let r = result(&checked, path);
        assert!(r.status.is_checked(), "{path}: {:?}", r.status);
        assert!(r.pkg.is_some());
        assert!(
            r.errors
                .iter()
                .any(|e| e.error.msg.starts_with("could not import")),
            "{path}: {:?}",
            r.errors
        );
    }
    let ok = result(&checked, "example.com/m/ok");
    assert_eq!(ok.errors.len(), 1);
    let e = &ok.errors[0];
    assert_eq!(e.error.msg, "undefined: undefinedX");
    assert!(e.position.file.ends_with("/ok/ok.go"), "{}", e.position);
    assert_eq!((e.position.line, e.position.col), (3, 23));
    // Nothing is retained unless asked for.
    assert!(checked
        .packages
        .iter()
        .all(|r| r.files.is_empty() && r.info.is_none()));
}

#[test]
fn retain_roots_keeps_the_trees_and_info_of_matched_packages_only() {
    let m = module(&[(
        "p/p.go",
        "package p\n\nimport \"strings\"\n\nvar S = strings.ToUpper(\"a\")\n",
    )]);
    let checked = load_and_check(&config(m.path()), Retain::Roots, &NoHook).unwrap();
    let p = result(&checked, "example.com/m/p");
    assert_eq!(p.files.len(), 1);
    assert!(p.info.as_ref().is_some_and(|i| i.files.len() == 1));
    let strings = result(&checked, "strings");
    assert!(strings.status.is_checked());
    assert!(strings.files.is_empty() && strings.info.is_none());
}

/// Records the order hooks ran in, and panics on one package.
struct Recorder {
    done: Mutex<Vec<String>>,
}

impl PackageHook for Recorder {
    type Output = usize;

    fn wants(&self, p: &Package) -> bool {
        if p.import_path.ends_with("/picky") {
            panic!("wants failure on purpose");
        }
        !p.standard || p.import_path == "unsafe"
    }

    fn run(&self, view: &PackageView<'_>) -> usize {
        let path = &view.package.import_path;
        if path.ends_with("/boom") {
            panic!("hook failure on purpose");
        }
        // Every import's hook (if it ran) finished before this one started.
        let done = self.done.lock().unwrap();
        for imp in &view.package.imports {
            if !imp.path.starts_with("example.com/") {
                continue;
            }
            assert!(done.contains(&imp.path), "{path} before {}", imp.path);
        }
        drop(done);
        self.done.lock().unwrap().push(path.clone());
        view.files.len()
    }
}

#[test]
fn hooks_run_bottom_up_and_their_panics_are_caught() {
    let m = module(&[
        ("a/a.go", "package a\n\nimport \"unsafe\"\n\nvar A = unsafe.Sizeof(0)\n"),
        ("b/b.go", "package b\n\nimport \"example.com/m/a\"\n\nvar B = a.A\n"),
        ("b/b2.go", "package b\n"),
        ("c/c.go", "package c\n\nimport (\n\t\"example.com/m/a\"\n\t\"example.com/m/b\"\n)\n\nvar C = a.A + b.B\n"),
        ("boom/boom.go", "package boom\n\nimport \"example.com/m/c\"\n\nvar _ = c.C\n"),
        ("picky/p.go", "package picky\n\nimport \"example.com/m/b\"\n\nvar _ = b.B\n"),
    ]);
    let hook = Recorder {
        done: Mutex::new(Vec::new()),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    let checked = pool
        .install(|| load_and_check(&config(m.path()), Retain::Nothing, &hook))
        .unwrap();
    let outcome = |path: &str| {
        let p = checked.graph.get(path).unwrap();
        checked.hooked[p.id.index()].clone()
    };
    assert_eq!(outcome("example.com/m/b"), Some(Ok(2)));
    assert_eq!(outcome("unsafe"), Some(Ok(0)));
    assert_eq!(outcome("example.com/m/a"), Some(Ok(1)));
    let boom = outcome("example.com/m/boom").unwrap().unwrap_err();
    assert!(boom.contains("on purpose"), "{boom}");
    let picky = outcome("example.com/m/picky").unwrap().unwrap_err();
    assert!(picky.contains("wants failure"), "{picky}");
    // A hook's panic leaves the package checked.
    assert!(result(&checked, "example.com/m/boom").status.is_checked());
    assert!(checked.packages.iter().all(|r| r.errors.is_empty()));
}

/// Asks for the file table, so every package is parsed before any is checked.
struct WantsFileTable;

impl PackageHook for WantsFileTable {
    type Output = usize;

    fn wants(&self, p: &Package) -> bool {
        !p.standard
    }

    fn needs_file_table(&self) -> bool {
        true
    }

    fn run(&self, view: &PackageView<'_>) -> usize {
        // Every file of the package is in the table.
        (0..view.files.len() as u32)
            .filter(|&f| view.file_table.file(view.pkg, f).is_some())
            .count()
    }
}

#[test]
fn parsing_up_front_or_per_package_gives_the_same_results() {
    let m = module(&[
        ("bad/b.go", "package bad\n\nfunc (\n"),
        ("bad/c.go", "package bad\n"),
        (
            "p/p.go",
            "package p\n\nimport \"example.com/m/bad\"\n\nvar _ = bad.X + undefinedY\n",
        ),
        (
            "q/q.go",
            "package q\n\nimport \"strings\"\n\nvar Q = strings.ToUpper(\"q\")\n",
        ),
        ("q/q2.go", "package q\n\nvar R = Q + 1\n"),
    ]);
    let lazy = load_and_check(&config(m.path()), Retain::Nothing, &NoHook).unwrap();
    let upfront = load_and_check(&config(m.path()), Retain::Nothing, &WantsFileTable).unwrap();
    fn summary<T>(checked: &CheckedProgram<T>) -> Vec<String> {
        checked
            .iter()
            .map(|(p, r)| {
                let errors: Vec<String> = r
                    .errors
                    .iter()
                    .map(|e| format!("{}: {}", e.position, e.error.msg))
                    .collect();
                // Arena indices may differ: parsed per package, a package that turns out
                // not to parse has used one.
                format!(
                    "{} {:?} {:?} {errors:?}",
                    p.import_path,
                    r.pkg.is_some(),
                    r.status.is_checked()
                )
            })
            .collect()
    }
    assert_eq!(summary(&lazy), summary(&upfront));
    assert!(lazy.timings.parse_sum > std::time::Duration::ZERO);
    let q = upfront.graph.get("example.com/m/q").unwrap();
    assert_eq!(upfront.hooked[q.id.index()], Some(Ok(2)));
    match &result(&lazy, "example.com/m/bad").status {
        PackageStatus::FileErrors(problems) => assert_eq!(problems.len(), 1),
        other => panic!("{other:?}"),
    }
}
