//! A two-package module loaded with `./...`: dependency order, roots against
//! dependencies, the standard library's packages, files and versions.

mod common;

use common::{assert_well_formed, names, pkg, Tree};
use goescape_loader::{load, PackageKind};

fn two_packages() -> Tree {
    Tree::new(&[
        ("go.mod", "module example.com/two\n\ngo 1.22\n"),
        (
            "main.go",
            "package main\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/two/lib\"\n)\n\n\
             func main() { fmt.Println(lib.Upper(\"x\")) }\n",
        ),
        (
            "lib/lib.go",
            "package lib\n\nimport \"strings\"\n\n\
             func Upper(s string) string { return strings.ToUpper(s) }\n",
        ),
        (
            "lib/lib_test.go",
            "package lib\n\nimport \"testing\"\n\nfunc TestUpper(t *testing.T) {}\n",
        ),
        ("lib/README.md", "not Go\n"),
    ])
}

#[test]
fn dots_loads_both_packages_after_their_dependencies() {
    let tree = two_packages();
    let g = load(&tree.config(&["./..."])).unwrap();
    assert_well_formed(&g);

    let main = pkg(&g, "example.com/two");
    let lib = pkg(&g, "example.com/two/lib");
    assert_eq!(g.roots, [lib.id, main.id], "roots in dependency order");
    assert!(lib.id < main.id);
    for root in [main, lib] {
        assert!(!root.dep_only && !root.standard && !root.goroot);
        assert_eq!(root.matched_by, ["./..."]);
        assert_eq!(root.go_version, "go1.22");
        let m = root.module.as_ref().unwrap();
        assert_eq!(m.path, "example.com/two");
        assert!(m.main);
        assert_eq!(m.version, None);
        assert_eq!(m.go_version.as_deref(), Some("1.22"));
        assert_eq!(m.dir.as_deref(), Some(tree.path()));
        assert!(root.error.is_none() && root.deps_errors.is_empty() && !root.incomplete);
        assert!(root.complete);
    }

    assert_eq!(main.name, "main");
    assert_eq!(main.compiler_path(), "main");
    assert_eq!(main.dir.as_deref(), Some(tree.path()));
    assert_eq!(main.go_files, [tree.path().join("main.go")]);
    assert_eq!(lib.name, "lib");
    assert_eq!(lib.compiler_path(), "example.com/two/lib");
    assert_eq!(names(&lib.go_files), ["lib.go"], "tests are not compiled");

    let imports: Vec<(&str, &str)> = main
        .imports
        .iter()
        .map(|i| (i.path.as_str(), g[i.id].import_path.as_str()))
        .collect();
    assert_eq!(
        imports,
        [
            ("example.com/two/lib", "example.com/two/lib"),
            ("fmt", "fmt")
        ]
    );

    // The standard library comes along as dependencies, but not test-only imports.
    for path in ["fmt", "strings", "runtime", "unsafe", "internal/abi"] {
        let p = pkg(&g, path);
        assert!(p.standard && p.goroot && p.dep_only, "{path}");
        assert!(p.module.is_none(), "{path}");
        assert_eq!(p.go_version, "go1.26", "{path}");
        assert!(p.matched_by.is_empty());
    }
    assert!(g.get("testing").is_none());
    let unsafe_pkg = pkg(&g, "unsafe");
    assert_eq!(unsafe_pkg.kind, PackageKind::Unsafe);
    assert!(unsafe_pkg.go_files.is_empty() && unsafe_pkg.imports.is_empty());
    assert_eq!(pkg(&g, "fmt").kind, PackageKind::Go);

    assert_eq!(g.errors().count(), 0);
    assert!(g.warnings.is_empty(), "{:?}", g.warnings);
    assert!(g.toolchain.go_version.starts_with("go1.26"));
    assert!(!g.toolchain.cgo_enabled, "cgo is off by default");
    assert!(g.toolchain.goroot.join("src/fmt").is_dir());
}

#[test]
fn one_package_pattern_has_one_root() {
    let tree = two_packages();
    let g = load(&tree.config(&["./lib"])).unwrap();
    assert_well_formed(&g);
    assert_eq!(common::paths(&g, &g.roots), ["example.com/two/lib"]);
    assert!(g.get("example.com/two").is_none());
    assert!(g.get("fmt").is_none(), "only lib's dependencies are loaded");
}

#[test]
fn no_pattern_means_the_current_directory() {
    let tree = two_packages();
    let g = load(&tree.config_in("lib", &[])).unwrap();
    assert_eq!(common::paths(&g, &g.roots), ["example.com/two/lib"]);
    assert_eq!(pkg(&g, "example.com/two/lib").matched_by, ["."]);
}

#[test]
fn import_path_patterns_and_overlapping_matches() {
    let tree = two_packages();
    let g = load(&tree.config(&["example.com/two/...", "./lib", "fmt"])).unwrap();
    assert_well_formed(&g);
    let lib = pkg(&g, "example.com/two/lib");
    assert_eq!(lib.matched_by, ["example.com/two/...", "./lib"]);
    let fmt = pkg(&g, "fmt");
    assert!(
        !fmt.dep_only,
        "a standard package named on the command line is a root"
    );
    assert_eq!(g.roots.len(), 3);
}

#[test]
fn a_pattern_matching_nothing_next_to_others_is_a_warning() {
    let tree = two_packages();
    let g = load(&tree.config(&["./...", "example.com/two/nothing/..."])).unwrap();
    assert_eq!(g.roots.len(), 2);
    assert_eq!(
        g.warnings,
        [r#"go: warning: "example.com/two/nothing/..." matched no packages"#]
    );
}

#[test]
fn a_go_mod_without_a_go_line_means_go_1_16() {
    let tree = Tree::new(&[
        ("go.mod", "module example.com/old\n"),
        ("p.go", "package p\n"),
    ]);
    // -mod=mod would add a go line to go.mod; readonly leaves it as it is.
    let cfg = tree.config(&["."]).with_env("GOFLAGS", "-mod=readonly");
    let g = load(&cfg).unwrap();
    let p = pkg(&g, "example.com/old");
    assert_eq!(p.go_version, "go1.16");
}

#[test]
fn go_files_named_on_the_command_line_form_one_package() {
    let tree = two_packages();
    let g = load(&tree.config(&["main.go"])).unwrap();
    assert_well_formed(&g);
    let p = pkg(&g, "command-line-arguments");
    assert_eq!(g.roots, [p.id]);
    assert_eq!(p.name, "main");
    assert_eq!(p.go_files, [tree.path().join("main.go")]);
    assert!(g.get("example.com/two/lib").is_some_and(|lib| lib.dep_only));
}
