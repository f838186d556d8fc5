//! Failures: per-package errors (missing imports, import cycles, bad files), which leave
//! the rest of the graph loaded, and load errors (no or bad go.mod, nothing matched, no
//! or the wrong go command), which come with a message a user can act on.

mod common;

use std::path::PathBuf;

use common::{pkg, Tree};
use goescape_loader::{load, LoadConfig, LoadError};

#[test]
fn a_missing_import_is_an_error_of_that_package_only() {
    let tree = Tree::new(&[
        ("go.mod", "module example.com/m\n\ngo 1.26\n"),
        (
            "p/p.go",
            "package p\n\nimport (\n\t\"example.com/m/q\"\n\t\"example.com/m/nothere\"\n\t\"example.com/elsewhere/pkg\"\n)\n\nvar _ = q.X\n",
        ),
        ("q/q.go", "package q\n\nconst X = 1\n"),
        ("r/r.go", "package r\n\nimport \"fmt\"\n\nvar _ = fmt.Sprint\n"),
    ]);
    let g = load(&tree.config(&["./..."])).unwrap();
    common::assert_well_formed(&g);

    // The packages without problems are whole.
    for ok in ["example.com/m/q", "example.com/m/r", "fmt"] {
        let p = pkg(&g, ok);
        assert!(
            p.error.is_none() && p.deps_errors.is_empty() && !p.incomplete,
            "{ok}"
        );
    }

    // Each missing import is a package of its own, with no directory, carrying the error
    // at the position of the import.
    for (missing, line) in [
        ("example.com/m/nothere", 5),
        ("example.com/elsewhere/pkg", 6),
    ] {
        let p = pkg(&g, missing);
        assert!(
            p.dep_only && p.incomplete && p.go_files.is_empty(),
            "{missing}"
        );
        assert!(p.name.is_empty());
        let err = p.error.as_ref().unwrap();
        assert_eq!(
            err.pos.as_deref(),
            Some(format!("p/p.go:{line}:2").as_str())
        );
        assert_eq!(err.import_stack, ["example.com/m/p"]);
        assert!(err.err.contains(missing), "{err}");
        assert!(err.to_string().starts_with(&format!("p/p.go:{line}:2: ")));
    }

    // The importer is incomplete, lists the errors of its dependencies, and still has its
    // files and all its imports.
    let p = pkg(&g, "example.com/m/p");
    assert!(p.error.is_none() && p.incomplete);
    assert_eq!(p.deps_errors.len(), 2);
    assert_eq!(p.go_files.len(), 1);
    assert_eq!(p.imports.len(), 3);
    assert_eq!(g.errors().count(), 2);
}

#[test]
fn an_import_cycle_is_reported_with_its_packages() {
    let tree = Tree::new(&[
        ("go.mod", "module example.com/cyc\n\ngo 1.26\n"),
        (
            "main.go",
            "package main\n\nimport _ \"example.com/cyc/x\"\n\nfunc main() {}\n",
        ),
        ("x/x.go", "package x\n\nimport _ \"example.com/cyc/y\"\n"),
        ("y/y.go", "package y\n\nimport _ \"example.com/cyc/x\"\n"),
        ("z/z.go", "package z\n\nimport _ \"strings\"\n"),
    ]);
    let g = load(&tree.config(&["./..."])).unwrap();

    let cycle = g.import_cycle().expect("a cycle");
    let mut names = common::paths(&g, &cycle);
    names.sort();
    assert_eq!(names, ["example.com/cyc/x", "example.com/cyc/y"]);
    // Each package of the cycle imports the next, and the last the first.
    for (i, &id) in cycle.iter().enumerate() {
        let next = cycle[(i + 1) % cycle.len()];
        assert!(g[id].imports.iter().any(|imp| imp.id == next));
    }

    // go list puts the error on one package of the cycle; all that reach it see it.
    let cycle_errors: Vec<_> = g.errors().filter(|(_, e)| e.is_import_cycle()).collect();
    assert_eq!(cycle_errors.len(), 1);
    let (at, err) = cycle_errors[0];
    assert!(cycle.contains(&at.id));
    assert!(
        err.to_string()
            .starts_with("package example.com/cyc\n\timports "),
        "{err}"
    );
    for path in ["example.com/cyc", "example.com/cyc/x", "example.com/cyc/y"] {
        let p = pkg(&g, path);
        assert!(
            p.incomplete && p.errors().any(|e| e.is_import_cycle()),
            "{path}"
        );
    }
    let z = pkg(&g, "example.com/cyc/z");
    assert!(!z.incomplete && z.error.is_none());

    // Levels still cover every package once, and keep every import outside the cycle
    // in an earlier level.
    let levels = g.levels();
    assert_eq!(levels.iter().map(Vec::len).sum::<usize>(), g.packages.len());
    let level_of = |id| levels.iter().position(|l| l.contains(&id)).unwrap();
    let main = pkg(&g, "example.com/cyc");
    assert!(main
        .imports
        .iter()
        .all(|i| level_of(i.id) < level_of(main.id)));
}

#[test]
fn a_malformed_go_mod_is_a_load_error() {
    let tree = Tree::new(&[
        ("go.mod", "module example.com/bad\n\ngo 1.26\n\nrequire (\n"),
        ("p.go", "package p\n"),
    ]);
    let err = load(&tree.config(&["./..."])).unwrap_err();
    let LoadError::GoFailed { stderr, .. } = &err else {
        panic!("{err:?}")
    };
    assert!(stderr.contains("go.mod"), "{stderr}");
    assert_eq!(stderr, stderr.trim());
    assert_eq!(err.to_string(), *stderr, "the go command's own words");
}

#[test]
fn no_go_mod_is_a_load_error() {
    let tree = Tree::new(&[("p.go", "package p\n")]);
    let err = load(&tree.config(&["."])).unwrap_err();
    assert!(matches!(err, LoadError::GoFailed { .. }), "{err:?}");
    assert!(err.to_string().contains("go.mod file not found"), "{err}");
}

#[test]
fn a_go_mod_for_a_newer_go_is_a_load_error() {
    let tree = Tree::new(&[
        ("go.mod", "module example.com/new\n\ngo 1.99\n"),
        ("p.go", "package p\n"),
    ]);
    let err = load(&tree.config(&["."])).unwrap_err();
    assert!(matches!(err, LoadError::GoFailed { .. }), "{err:?}");
    assert!(err.to_string().contains("1.99"), "{err}");
}

#[test]
fn patterns_matching_nothing_are_a_load_error() {
    let tree = Tree::new(&[
        ("go.mod", "module example.com/m\n\ngo 1.26\n"),
        ("empty/README", "no Go here\n"),
    ]);
    let err = load(&tree.config(&["./empty/..."])).unwrap_err();
    let LoadError::NoPackages { patterns } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(patterns, &["./empty/..."]);
    assert_eq!(
        err.to_string(),
        r#"pattern "./empty/..." matched no packages"#
    );

    let err = load(&tree.config(&["example.com/m/a/...", "example.com/m/b/..."])).unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"patterns "example.com/m/a/...", "example.com/m/b/..." matched no packages"#
    );
}

#[test]
fn a_literal_pattern_naming_no_package_is_an_error_on_it() {
    let tree = Tree::new(&[
        ("go.mod", "module example.com/m\n\ngo 1.26\n"),
        ("p.go", "package p\n"),
        ("bad/bad.go", "this is not Go\n"),
    ]);
    let g = load(&tree.config(&[".", "./nodir", "./bad"])).unwrap();
    assert_eq!(g.roots.len(), 3);
    assert!(pkg(&g, "example.com/m").error.is_none());
    let nodir = g.errors().find(|(p, _)| p.import_path.contains("nodir"));
    let (p, err) = nodir.expect("an error about ./nodir");
    assert!(!p.dep_only && p.go_files.is_empty(), "{p:?}");
    assert!(err.err.contains("nodir"), "{err}");
    let bad = pkg(&g, "example.com/m/bad");
    let err = bad.error.as_ref().expect("a syntax error");
    assert!(
        err.pos.as_deref().unwrap().starts_with("bad/bad.go:1:1"),
        "{err}"
    );
    assert_eq!(bad.invalid_files, [tree.path().join("bad/bad.go")]);
}

#[test]
fn a_missing_go_command_is_a_load_error() {
    let tree = Tree::new(&[("go.mod", "module example.com/m\n")]);
    let mut cfg = tree.config(&["."]);
    cfg.go = PathBuf::from("/nonexistent/bin/go");
    let err = load(&cfg).unwrap_err();
    assert!(matches!(err, LoadError::GoNotFound { .. }), "{err:?}");
    let msg = err.to_string();
    assert!(
        msg.contains("/nonexistent/bin/go") && msg.contains("Go 1.26"),
        "{msg}"
    );
}

#[cfg(unix)]
#[test]
fn a_go_command_of_another_version_is_a_load_error() {
    use std::os::unix::fs::PermissionsExt;
    let tree = Tree::new(&[
        ("go.mod", "module example.com/m\n"),
        (
            "bin/go",
            "#!/bin/sh\nif [ \"$1\" = env ]; then\n  echo '{\"GOVERSION\": \"go1.25.3\", \"GOOS\": \"linux\", \"GOARCH\": \"amd64\"}'\n  exit 0\nfi\nexit 3\n",
        ),
    ]);
    let go = tree.path().join("bin/go");
    std::fs::set_permissions(&go, std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut cfg = tree.config(&["."]);
    cfg.go = go;
    // Another test thread may fork while the script's write descriptor is still open; its
    // child holds the descriptor until it execs, and running the script meanwhile fails
    // with ETXTBSY. That race belongs to the test, so wait it out.
    let mut err = load(&cfg).unwrap_err();
    for _ in 0..50 {
        let busy = matches!(&err, LoadError::Io { error, .. }
            if error.kind() == std::io::ErrorKind::ExecutableFileBusy);
        if !busy {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        err = load(&cfg).unwrap_err();
    }
    let LoadError::WrongGoVersion { found, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(found, "go1.25.3");
    let msg = err.to_string();
    assert!(
        msg.contains("go1.25.3") && msg.contains("go1.26.x"),
        "{msg}"
    );
}

#[test]
fn a_missing_directory_is_a_load_error() {
    let cfg = common::hermetic(LoadConfig::new("/nonexistent/dir", ["."]));
    let err = load(&cfg).unwrap_err();
    assert!(matches!(err, LoadError::BadDir { .. }), "{err:?}");
    assert!(err.to_string().contains("/nonexistent/dir"), "{err}");
}

#[test]
fn an_unknown_goos_is_a_load_error() {
    let tree = Tree::new(&[
        ("go.mod", "module example.com/m\n"),
        ("p.go", "package p\n"),
    ]);
    let mut cfg = tree.config(&["."]);
    cfg.goos = Some("plan10".into());
    cfg.goarch = Some("amd64".into());
    let err = load(&cfg).unwrap_err();
    assert!(
        matches!(err, LoadError::UnsupportedPlatform { .. }),
        "{err:?}"
    );
    assert_eq!(err.to_string(), "unsupported GOOS/GOARCH pair plan10/amd64");
    cfg.goos = Some("linux".into());
    cfg.goarch = Some("z80".into());
    let err = load(&cfg).unwrap_err();
    assert_eq!(err.to_string(), "unsupported GOOS/GOARCH pair linux/z80");
}
