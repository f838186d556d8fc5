//! A go.work workspace with two modules, one importing the other.

mod common;

use common::{assert_well_formed, pkg, Tree};
use goescape_loader::load;

fn workspace() -> Tree {
    Tree::new(&[
        ("go.work", "go 1.24\n\nuse (\n\t./a\n\t./b\n)\n"),
        ("a/go.mod", "module example.com/a\n\ngo 1.21\n"),
        (
            "a/cmd/tool/main.go",
            "package main\n\nimport \"example.com/b/lib\"\n\nfunc main() { lib.F() }\n",
        ),
        ("b/go.mod", "module example.com/b\n\ngo 1.24\n"),
        ("b/lib/lib.go", "package lib\n\nfunc F() {}\n"),
    ])
}

#[test]
fn both_modules_are_main_and_resolve_each_other() {
    let tree = workspace();
    let work = tree.path().join("go.work");
    let cfg = tree
        .config(&["example.com/a/...", "example.com/b/..."])
        .with_env("GOWORK", work.to_str().unwrap())
        .with_env("GOFLAGS", "");
    let g = load(&cfg).unwrap();
    assert_well_formed(&g);

    let tool = pkg(&g, "example.com/a/cmd/tool");
    let lib = pkg(&g, "example.com/b/lib");
    assert_eq!(
        common::paths(&g, &g.roots),
        ["example.com/b/lib", "example.com/a/cmd/tool"]
    );
    assert_eq!(tool.imports.len(), 1);
    assert_eq!(tool.imports[0].id, lib.id);

    let (ma, mb) = (tool.module.as_ref().unwrap(), lib.module.as_ref().unwrap());
    assert!(ma.main && mb.main, "workspace modules are all main modules");
    assert_eq!(
        (ma.path.as_str(), mb.path.as_str()),
        ("example.com/a", "example.com/b")
    );
    assert_eq!(ma.dir.as_deref(), Some(tree.path().join("a").as_path()));
    assert_eq!(mb.dir.as_deref(), Some(tree.path().join("b").as_path()));
    // Each package keeps its own module's language version.
    assert_eq!(tool.go_version, "go1.21");
    assert_eq!(lib.go_version, "go1.24");
}

#[test]
fn workspace_mode_refuses_mod_mod_with_the_go_commands_words() {
    let tree = workspace();
    let cfg = tree
        .config(&["example.com/a/..."])
        .with_env("GOWORK", tree.path().join("go.work").to_str().unwrap());
    let err = load(&cfg).unwrap_err();
    assert!(matches!(err, goescape_loader::LoadError::GoFailed { .. }));
    assert!(err.to_string().contains("workspace mode"), "{err}");
}

#[test]
fn the_workspace_is_found_from_a_module_directory() {
    let tree = workspace();
    // Inside module a; GOWORK names the file (discovery walks up the same way, but the
    // hermetic configuration disables it). Workspace mode refuses -mod=mod.
    let cfg = tree
        .config_in("a", &["./..."])
        .with_env("GOWORK", tree.path().join("go.work").to_str().unwrap())
        .with_env("GOFLAGS", "");
    let g = load(&cfg).unwrap();
    assert_eq!(common::paths(&g, &g.roots), ["example.com/a/cmd/tool"]);
    assert!(pkg(&g, "example.com/b/lib").dep_only);

    // Without the workspace, module a cannot see module b.
    let g = load(&tree.config_in("a", &["./..."])).unwrap();
    let lib = pkg(&g, "example.com/b/lib");
    assert!(lib.error.is_some(), "b is not required by a");
    assert!(pkg(&g, "example.com/a/cmd/tool").incomplete);
}
