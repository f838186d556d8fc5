//! Build constraints: `//go:build` lines, `_GOOS`/`_GOARCH` file name suffixes and `-tags`
//! decide which files are compiled, exactly as for `go build`.

mod common;

use common::{assert_well_formed, names, pkg, Tree};
use goescape_loader::{load, OtherFileKind, PackageGraph};

fn constrained() -> Tree {
    Tree::new(&[
        ("go.mod", "module example.com/bc\n\ngo 1.26\n"),
        ("p.go", "package p\n"),
        (
            "gen.go",
            "//go:build ignore\n\npackage main\n\nfunc main() {}\n",
        ),
        ("p_linux.go", "package p\n\nconst OS = \"linux\"\n"),
        (
            "p_windows.go",
            "package p\n\nimport \"syscall\"\n\nconst OS = \"windows\"\n\nvar _ syscall.Handle\n",
        ),
        ("p_arm64.go", "package p\n\nconst Arch = \"arm64\"\n"),
        (
            "p_other_arch.go",
            "//go:build !arm64\n\npackage p\n\nconst Arch = \"other\"\n",
        ),
        (
            "special.go",
            "//go:build special\n\npackage p\n\nimport \"strings\"\n\nvar _ = strings.ToUpper\n",
        ),
        ("asm_linux_amd64.s", "// nothing\n"),
        ("decl_linux_amd64.go", "package p\n\nfunc fromAsm()\n"),
    ])
}

fn load_for(tree: &Tree, goos: &str, goarch: &str, tags: &[&str]) -> PackageGraph {
    let mut cfg = tree.config(&["."]);
    cfg.goos = Some(goos.into());
    cfg.goarch = Some(goarch.into());
    cfg.tags = tags.iter().map(|t| (*t).to_owned()).collect();
    let g = load(&cfg).unwrap();
    assert_well_formed(&g);
    assert_eq!(
        (g.toolchain.goos.as_str(), g.toolchain.goarch.as_str()),
        (goos, goarch)
    );
    g
}

fn import_paths(g: &PackageGraph) -> Vec<&str> {
    let p = pkg(g, "example.com/bc");
    p.imports.iter().map(|i| i.path.as_str()).collect()
}

#[test]
fn linux_amd64_without_tags() {
    let tree = constrained();
    let g = load_for(&tree, "linux", "amd64", &[]);
    let p = pkg(&g, "example.com/bc");
    assert_eq!(
        names(&p.go_files),
        [
            "decl_linux_amd64.go",
            "p.go",
            "p_linux.go",
            "p_other_arch.go"
        ]
    );
    assert_eq!(
        names(&p.ignored_files),
        ["gen.go", "p_arm64.go", "p_windows.go", "special.go"]
    );
    assert!(
        import_paths(&g).is_empty(),
        "imports of excluded files do not count"
    );
    assert!(g.get("syscall").is_none() && g.get("strings").is_none());
    // The assembly file stays in the build: the compiler gets no -complete.
    assert_eq!(p.other_files.len(), 1);
    assert_eq!(p.other_files[0].kind, OtherFileKind::Asm);
    assert_eq!(p.other_files[0].path, tree.path().join("asm_linux_amd64.s"));
    assert!(!p.complete);
}

#[test]
fn windows_arm64_with_a_tag() {
    let tree = constrained();
    let g = load_for(&tree, "windows", "arm64", &["special", "unused"]);
    let p = pkg(&g, "example.com/bc");
    assert_eq!(
        names(&p.go_files),
        ["p.go", "p_arm64.go", "p_windows.go", "special.go"]
    );
    assert_eq!(import_paths(&g), ["strings", "syscall"]);
    assert!(pkg(&g, "syscall").standard);
    assert!(p.other_files.is_empty());
    assert!(names(&p.ignored_files).contains(&"asm_linux_amd64.s".to_owned()));
    assert!(p.complete);
}

#[test]
fn every_file_excluded_is_an_error_on_that_package() {
    let tree = Tree::new(&[
        ("go.mod", "module example.com/bc\n\ngo 1.26\n"),
        ("ok/ok.go", "package ok\n"),
        ("winonly/w_windows.go", "package winonly\n"),
    ]);
    let mut cfg = tree.config(&["./..."]);
    cfg.goos = Some("linux".into());
    let g = load(&cfg).unwrap();
    // A wildcard skips a directory with nothing to build, as go build does.
    assert_eq!(common::paths(&g, &g.roots), ["example.com/bc/ok"]);

    // Named, it is listed with the go command's error; the rest still loads.
    cfg.patterns.push("./winonly".into());
    let g = load(&cfg).unwrap();
    let w = pkg(&g, "example.com/bc/winonly");
    assert!(!w.dep_only);
    assert!(w.go_files.is_empty());
    assert_eq!(names(&w.ignored_files), ["w_windows.go"]);
    let err = w.error.as_ref().expect("an error for winonly");
    assert!(
        err.err.contains("build constraints exclude all Go files"),
        "{err}"
    );
    assert!(pkg(&g, "example.com/bc/ok").error.is_none());
    assert_eq!(g.errors().count(), 1);
}
