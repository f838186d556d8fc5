//! The `std` pattern: the whole standard library, for the host and for another GOOS.

mod common;

use common::{assert_well_formed, names, pkg, Tree};
use goescape_loader::{load, OtherFileKind, PackageKind};

#[test]
fn std_loads_every_standard_package() {
    let tree = Tree::new(&[]);
    let g = load(&tree.config(&["std"])).unwrap();
    assert_well_formed(&g);

    assert!(
        g.packages.len() >= 300,
        "only {} packages",
        g.packages.len()
    );
    assert_eq!(
        g.roots.len(),
        g.packages.len(),
        "std is closed under imports"
    );
    assert_eq!(g.errors().count(), 0);
    let mut no_files = Vec::new();
    for p in &g.packages {
        assert!(p.standard && p.goroot, "{}", p.import_path);
        assert_eq!(p.matched_by, ["std"]);
        assert_eq!(p.go_version, "go1.26");
        assert!(p.dir.as_ref().unwrap().starts_with(&g.toolchain.goroot));
        if p.kind == PackageKind::Go && p.go_files.is_empty() {
            // Test-only packages (and, with cgo off, cgo-only ones) that a wildcard
            // matched: no error, nothing to compile, and nothing imports them.
            no_files.push(p.id);
        }
        assert!(p.cgo_files.is_empty(), "cgo is off");
    }

    let unsafe_pkg = pkg(&g, "unsafe");
    assert_eq!(unsafe_pkg.kind, PackageKind::Unsafe);
    assert!(unsafe_pkg.go_files.is_empty());
    assert!(g.levels()[0].contains(&unsafe_pkg.id));
    assert!(g.get("C").is_none());
    assert!(no_files.len() < 20, "{no_files:?}");
    for p in &g.packages {
        assert!(p.imports.iter().all(|i| !no_files.contains(&i.id)));
    }
    assert!(
        pkg(&g, "internal/copyright").go_files.is_empty(),
        "a test-only package"
    );
    assert!(g.levels().len() > 5, "the standard library is layered");
}

#[test]
fn std_vendored_imports_resolve_to_the_vendor_tree() {
    let tree = Tree::new(&[]);
    let g = load(&tree.config(&["net/http"])).unwrap();
    assert_well_formed(&g);
    let http = pkg(&g, "net/http");
    let hpack = http
        .imports
        .iter()
        .find(|i| i.path == "golang.org/x/net/http2/hpack")
        .expect("net/http imports hpack");
    let target = &g[hpack.id];
    assert_eq!(target.import_path, "vendor/golang.org/x/net/http2/hpack");
    assert!(target.standard);
    assert!(target
        .dir
        .as_ref()
        .unwrap()
        .ends_with("src/vendor/golang.org/x/net/http2/hpack"));
    assert!(g.get("golang.org/x/net/http2/hpack").is_none());
}

#[test]
fn assembly_and_runtime_supplied_bodies_are_not_complete() {
    let tree = Tree::new(&[]);
    let g = load(&tree.config(&["bytes", "errors", "math"])).unwrap();
    // errors is pure Go; bytes gets bodies from the runtime; math has assembly on amd64
    // (and on most other architectures).
    assert!(pkg(&g, "errors").complete);
    assert!(!pkg(&g, "bytes").complete);
    let runtime = pkg(&g, "runtime");
    assert!(!runtime.complete);
    assert!(runtime
        .other_files
        .iter()
        .any(|f| f.kind == OtherFileKind::Asm));
}

#[test]
fn goos_selects_the_files_of_another_system() {
    let tree = Tree::new(&[]);
    let mut cfg = tree.config(&["os"]);
    cfg.goos = Some("windows".into());
    cfg.goarch = Some("arm64".into());
    let g = load(&cfg).unwrap();
    assert_well_formed(&g);
    assert_eq!(
        (g.toolchain.goos.as_str(), g.toolchain.goarch.as_str()),
        ("windows", "arm64")
    );
    let os = names(&pkg(&g, "os").go_files);
    assert!(os.iter().any(|f| f.ends_with("_windows.go")), "{os:?}");
    assert!(!os
        .iter()
        .any(|f| f.ends_with("_linux.go") || f.ends_with("_unix.go")));
    assert!(g.get("internal/syscall/windows").is_some());
    assert!(g.get("internal/syscall/unix").is_none());
    let ignored = names(&pkg(&g, "os").ignored_files);
    assert!(
        ignored.iter().any(|f| f.ends_with("_linux.go")),
        "{ignored:?}"
    );
}
