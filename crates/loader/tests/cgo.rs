//! Cgo: with CGO_ENABLED=0 (the default) files importing "C" are excluded like any file
//! whose build constraints fail; with CGO_ENABLED=1 they are listed as `cgo_files`, the
//! package's C sources come along, and "C" is a pseudo-package.

mod common;

use common::{assert_well_formed, names, pkg, Tree};
use goescape_loader::{load, OtherFileKind, PackageGraph, PackageKind};

fn with_cgo() -> Tree {
    Tree::new(&[
        ("go.mod", "module example.com/c\n\ngo 1.26\n"),
        (
            "c.go",
            "package c\n\n// int two(void) { return 2; }\nimport \"C\"\n\nimport \"strconv\"\n\n\
             func Two() string { return strconv.Itoa(int(C.two())) }\n",
        ),
        ("pure.go", "package c\n\nfunc One() int { return 1 }\n"),
        ("x.c", "int x;\n"),
        ("x.h", "extern int x;\n"),
        ("onlycgo/o.go", "package onlycgo\n\nimport \"C\"\n"),
    ])
}

fn load_cgo(tree: &Tree, enabled: bool, patterns: &[&str]) -> PackageGraph {
    let mut cfg = tree.config(patterns);
    cfg.cgo_enabled = enabled;
    let g = load(&cfg).unwrap();
    assert_eq!(g.toolchain.cgo_enabled, enabled);
    g
}

#[test]
fn cgo_disabled_leaves_cgo_files_out() {
    let tree = with_cgo();
    let g = load_cgo(&tree, false, &["."]);
    assert_well_formed(&g);
    let c = pkg(&g, "example.com/c");
    assert_eq!(names(&c.go_files), ["pure.go"]);
    assert!(c.cgo_files.is_empty());
    assert_eq!(names(&c.ignored_files), ["c.go"]);
    // The go command drops C sources when cgo is off; headers stay (assembly may use them).
    let kinds: Vec<_> = c.other_files.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, [OtherFileKind::Header]);
    assert!(c.imports.is_empty(), "imports of cgo files do not count");
    assert!(c.complete);
    assert!(g.get("C").is_none() && g.get("runtime/cgo").is_none());
    assert!(g.get("strconv").is_none());
}

#[test]
fn cgo_enabled_lists_cgo_files_and_the_c_pseudo_package() {
    let tree = with_cgo();
    let g = load_cgo(&tree, true, &["."]);
    let c = pkg(&g, "example.com/c");
    assert_eq!(c.go_files, [tree.path().join("pure.go")]);
    assert_eq!(c.cgo_files, [tree.path().join("c.go")]);
    let other: Vec<_> = c
        .other_files
        .iter()
        .map(|f| (f.kind, f.path.clone()))
        .collect();
    assert_eq!(
        other,
        [
            (OtherFileKind::C, tree.path().join("x.c")),
            (OtherFileKind::Header, tree.path().join("x.h")),
        ]
    );
    assert!(
        !c.complete,
        "cgo supplies declarations the compiler cannot see"
    );

    let imports: Vec<_> = c
        .imports
        .iter()
        .map(|i| (i.path.as_str(), g[i.id].kind))
        .collect();
    assert_eq!(
        imports,
        [("C", PackageKind::C), ("strconv", PackageKind::Go)]
    );
    let pseudo = pkg(&g, "C");
    assert!(pseudo.dep_only && pseudo.go_files.is_empty() && pseudo.imports.is_empty());
    assert!(pseudo.dir.is_none() && pseudo.error.is_none());
    assert!(pseudo.id < c.id);

    // Cgo's generated code needs runtime/cgo: go list loads it although no listed
    // import leads there, and it is itself a cgo package.
    let rtcgo = pkg(&g, "runtime/cgo");
    assert!(!rtcgo.cgo_files.is_empty());
    assert!(rtcgo.imports.iter().any(|i| i.id == pseudo.id));
    assert_eq!(g.errors().count(), 0);
    for p in &g.packages {
        assert!(p.imports.iter().all(|i| i.id < p.id), "{}", p.import_path);
    }
}

#[test]
fn a_package_of_cgo_files_only_needs_cgo() {
    let tree = with_cgo();
    let g = load_cgo(&tree, false, &["./onlycgo"]);
    let p = pkg(&g, "example.com/c/onlycgo");
    let err = p.error.as_ref().expect("nothing to build without cgo");
    assert!(
        err.err.contains("build constraints exclude all Go files"),
        "{err}"
    );

    let g = load_cgo(&tree, true, &["./onlycgo"]);
    let p = pkg(&g, "example.com/c/onlycgo");
    assert!(p.error.is_none());
    assert!(p.go_files.is_empty());
    assert_eq!(names(&p.cgo_files), ["o.go"]);
}
