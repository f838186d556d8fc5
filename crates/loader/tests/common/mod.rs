//! Shared helpers: a Go module written into a temporary directory, and a hermetic
//! configuration to load it with (no network, no user go env file, no go.work, the
//! installed toolchain only).

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use goescape_loader::{LoadConfig, Package, PackageGraph};

/// A directory tree of files, deleted when dropped.
pub struct Tree {
    dir: tempfile::TempDir,
    root: PathBuf,
}

impl Tree {
    /// Writes each `(relative path, contents)`, creating directories as needed.
    pub fn new(files: &[(&str, &str)]) -> Tree {
        let dir = tempfile::tempdir().expect("create temp dir");
        // go list reports real paths: compare against the canonical one.
        let root = dir.path().canonicalize().expect("canonicalize temp dir");
        let tree = Tree { dir, root };
        for (path, contents) in files {
            tree.write(path, contents);
        }
        tree
    }

    pub fn write(&self, path: &str, contents: &str) {
        let full = self.root.join(path);
        fs::create_dir_all(full.parent().unwrap()).expect("create dirs");
        fs::write(&full, contents).expect("write file");
    }

    pub fn path(&self) -> &Path {
        let _ = &self.dir;
        &self.root
    }

    /// A hermetic configuration loading `patterns` from the tree's root.
    pub fn config(&self, patterns: &[&str]) -> LoadConfig {
        self.config_in("", patterns)
    }

    /// A hermetic configuration loading `patterns` from the subdirectory `sub`.
    pub fn config_in(&self, sub: &str, patterns: &[&str]) -> LoadConfig {
        hermetic(LoadConfig::new(
            self.root.join(sub),
            patterns.iter().copied(),
        ))
    }
}

/// Sets the environment that makes a test independent of the machine and the network.
/// Tests that need another module or workspace mode override these (a later entry wins).
pub fn hermetic(cfg: LoadConfig) -> LoadConfig {
    cfg.with_env("GOENV", "off")
        .with_env("GOFLAGS", "-mod=mod")
        .with_env("GOPROXY", "off")
        .with_env("GOSUMDB", "off")
        .with_env("GOWORK", "off")
        .with_env("GOTOOLCHAIN", "local")
        .with_env("GO111MODULE", "on")
}

/// The package with this import path; panics with the graph's paths if it is missing.
pub fn pkg<'g>(g: &'g PackageGraph, path: &str) -> &'g Package {
    g.get(path).unwrap_or_else(|| {
        let all: Vec<&str> = g.packages.iter().map(|p| p.import_path.as_str()).collect();
        panic!("no package {path} in {all:?}")
    })
}

/// The file names (last path element) of `files`.
pub fn names(files: &[PathBuf]) -> Vec<String> {
    files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect()
}

/// The import paths of `ids`, for readable assertions.
pub fn paths(g: &PackageGraph, ids: &[goescape_loader::PackageId]) -> Vec<String> {
    ids.iter().map(|&id| g[id].import_path.clone()).collect()
}

/// Checks the graph-wide invariants every acyclic graph must satisfy.
pub fn assert_well_formed(g: &PackageGraph) {
    for (i, p) in g.packages.iter().enumerate() {
        assert_eq!(p.id.index(), i);
        assert_eq!(g.by_path[&p.import_path], p.id);
        for imp in &p.imports {
            assert!(
                imp.id < p.id,
                "{} comes before its import {}",
                p.import_path,
                g[imp.id].import_path
            );
        }
        for f in &p.go_files {
            assert!(f.is_absolute() && f.is_file(), "{}", f.display());
        }
    }
    assert_eq!(g.by_path.len(), g.packages.len());
    let roots: Vec<_> = g
        .packages
        .iter()
        .filter(|p| !p.dep_only)
        .map(|p| p.id)
        .collect();
    assert_eq!(g.roots, roots);

    let levels = g.levels();
    let mut level_of = vec![usize::MAX; g.packages.len()];
    for (l, ids) in levels.iter().enumerate() {
        assert!(!ids.is_empty(), "level {l} is empty");
        for id in ids {
            assert_eq!(level_of[id.index()], usize::MAX, "package in two levels");
            level_of[id.index()] = l;
        }
    }
    assert!(
        level_of.iter().all(|&l| l != usize::MAX),
        "levels miss a package"
    );
    for p in &g.packages {
        for imp in &p.imports {
            assert!(level_of[imp.id.index()] < level_of[p.id.index()]);
        }
    }
    assert_eq!(g.import_cycle(), None);
}
