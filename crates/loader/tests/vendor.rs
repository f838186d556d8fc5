//! Vendoring: a module's `vendor/` directory (`-mod=vendor`), and GOPATH mode's nested
//! `vendor/` directories, whose imports go through go list's ImportMap. (The standard
//! library's own vendor tree is covered in std.rs.)

mod common;

use common::{assert_well_formed, names, pkg, Tree};
use goescape_loader::load;

#[test]
fn module_vendor_directory() {
    let tree = Tree::new(&[
        (
            "go.mod",
            "module example.com/app\n\ngo 1.23\n\nrequire example.com/dep v1.2.0\n",
        ),
        (
            "app.go",
            "package app\n\nimport \"example.com/dep/sub\"\n\nvar X = sub.Y\n",
        ),
        (
            "vendor/modules.txt",
            "# example.com/dep v1.2.0\n## explicit; go 1.20\nexample.com/dep/sub\n",
        ),
        (
            "vendor/example.com/dep/sub/sub.go",
            "package sub\n\nconst Y = 1\n",
        ),
    ]);
    let cfg = tree.config(&["./..."]).with_env("GOFLAGS", "-mod=vendor");
    let g = load(&cfg).unwrap();
    assert_well_formed(&g);

    assert_eq!(
        common::paths(&g, &g.roots),
        ["example.com/app"],
        "vendor/ is no root"
    );
    let app = pkg(&g, "example.com/app");
    let sub = pkg(&g, "example.com/dep/sub");
    assert_eq!(app.imports.len(), 1);
    assert_eq!(app.imports[0].path, "example.com/dep/sub");
    assert_eq!(app.imports[0].id, sub.id);

    assert_eq!(
        sub.dir.as_deref(),
        Some(tree.path().join("vendor/example.com/dep/sub").as_path())
    );
    assert_eq!(names(&sub.go_files), ["sub.go"]);
    assert!(sub.dep_only && !sub.standard);
    let m = sub.module.as_ref().unwrap();
    assert_eq!(m.path, "example.com/dep");
    assert_eq!(m.version.as_deref(), Some("v1.2.0"));
    assert!(!m.main);
    assert_eq!(sub.go_version, "go1.20", "the vendored module's go line");
    assert_eq!(app.go_version, "go1.23");
}

#[test]
fn inconsistent_vendoring_is_a_load_error() {
    let tree = Tree::new(&[
        (
            "go.mod",
            "module example.com/app\n\ngo 1.23\n\nrequire example.com/dep v1.2.0\n",
        ),
        ("app.go", "package app\n"),
        (
            "vendor/modules.txt",
            "# example.com/dep v1.1.0\n## explicit\n",
        ),
    ]);
    let cfg = tree.config(&["./..."]).with_env("GOFLAGS", "-mod=vendor");
    let err = load(&cfg).unwrap_err();
    assert!(
        matches!(err, goescape_loader::LoadError::GoFailed { .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("vendor"), "{err}");
}

#[test]
fn gopath_vendor_imports_go_through_the_import_map() {
    let tree = Tree::new(&[
        (
            "src/example.com/p/p.go",
            "package p\n\nimport \"example.com/q\"\n\nvar _ = q.X\n",
        ),
        (
            "src/example.com/p/vendor/example.com/q/q.go",
            "package q\n\nconst X = 1\n",
        ),
    ]);
    let gopath = tree.path().to_str().unwrap().to_owned();
    let cfg = tree
        .config_in("src/example.com/p", &["."])
        .with_env("GO111MODULE", "off")
        .with_env("GOFLAGS", "")
        .with_env("GOPATH", gopath);
    let g = load(&cfg).unwrap();
    assert_well_formed(&g);
    let p = pkg(&g, "example.com/p");
    assert!(p.module.is_none());
    assert_eq!(
        p.go_version, "go1.26",
        "GOPATH mode uses the toolchain's version"
    );
    assert_eq!(p.imports.len(), 1);
    assert_eq!(p.imports[0].path, "example.com/q", "as written");
    assert_eq!(
        g[p.imports[0].id].import_path,
        "example.com/p/vendor/example.com/q"
    );
    assert!(g.get("example.com/q").is_none());
}
