//! Runs the built `goescape types` on small modules in temporary directories and compares
//! what it reports with what the go command reports for the same module: `go vet` prints
//! go/types' first error of each package (`vet: FILE:LINE:COL: MSG`) and the go command's
//! own errors (missing packages, import cycles, bad go.mod, patterns) as `go build` does.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The environment of every command here: the installed Go, no network, no workspace, no
/// user flags; cgo off unless a test turns it on.
fn hermetic(command: &mut Command, cgo: bool) -> &mut Command {
    command
        .env("GOTOOLCHAIN", "local")
        .env("GOPROXY", "off")
        .env("GOWORK", "off")
        .env("GOFLAGS", "")
        .env("CGO_ENABLED", if cgo { "1" } else { "0" })
        .stdin(Stdio::null())
}

fn goescape(dir: &Path, args: &[&str]) -> Output {
    goescape_cgo(dir, args, false)
}

fn goescape_cgo(dir: &Path, args: &[&str], cgo: bool) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_goescape"));
    hermetic(&mut command, cgo)
        .arg("types")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run goescape")
}

fn go(dir: &Path, args: &[&str]) -> Output {
    let mut command = Command::new("go");
    hermetic(&mut command, false)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run go (Go 1.26 must be on PATH)")
}

/// A module `example.com/m` (go 1.26) holding `files`.
fn module(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "go.mod", "module example.com/m\n\ngo 1.26\n");
    for (name, text) in files {
        write(dir.path(), name, text);
    }
    dir
}

fn write(dir: &Path, relative: &str, contents: &str) {
    let path = dir.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, contents).unwrap();
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// go/types' first error per package, as `go vet PATTERN` prints them, without `vet: `.
fn vet_errors(dir: &Path, pattern: &str) -> Vec<String> {
    let output = go(dir, &["vet", pattern]);
    let errors: Vec<String> = text(&output.stderr)
        .lines()
        .filter_map(|l| l.strip_prefix("vet: "))
        .map(str::to_owned)
        .collect();
    assert!(
        !errors.is_empty(),
        "go vet reported no type error: {}",
        text(&output.stderr)
    );
    errors
}

/// Our report's lines that look like `file:line:col: message`.
fn positioned_lines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| {
            let mut parts = l.splitn(4, ':');
            parts.next().is_some()
                && parts.next().is_some_and(|n| n.parse::<u32>().is_ok())
                && parts.next().is_some_and(|n| n.parse::<u32>().is_ok())
        })
        .collect()
}

/// The first line of our report under `# importpath`.
fn first_error_of<'a>(stderr: &'a str, import_path: &str) -> &'a str {
    let header = format!("# {import_path}");
    let mut lines = stderr.lines().skip_while(|l| *l != header);
    assert!(lines.next().is_some(), "no {header} in:\n{stderr}");
    lines.next().unwrap_or("")
}

fn assert_no_panic(output: &Output) {
    let stderr = text(&output.stderr);
    assert!(
        !stderr.contains("panicked") && output.status.code().is_some(),
        "{stderr}"
    );
}

const CLEAN_LIB: &str = "package lib\n\n// Stack is a stack of strings.\ntype Stack struct{ items []string }\n\nfunc (s *Stack) Push(x string) { s.items = append(s.items, x) }\n\nfunc (s *Stack) Len() int { return len(s.items) }\n";

const CLEAN_MAIN: &str = "package main\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/m/lib\"\n)\n\ntype point struct{ x, y int }\n\nfunc (p point) String() string { return fmt.Sprintf(\"(%d,%d)\", p.x, p.y) }\n\nfunc main() {\n\tvar s lib.Stack\n\tfor i := range 3 {\n\t\ts.Push(point{i, i * i}.String())\n\t}\n\tfmt.Println(s.Len())\n}\n";

#[test]
fn a_clean_module_exits_zero_and_prints_nothing() {
    let m = module(&[("main.go", CLEAN_MAIN), ("lib/lib.go", CLEAN_LIB)]);
    let output = goescape(m.path(), &["./..."]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(text(&output.stderr), "");
    assert_eq!(text(&output.stdout), "");
}

#[test]
fn type_errors_are_reported_where_go_types_reports_them() {
    let m = module(&[
        (
            "p/p.go",
            "package p\n\nfunc f() int {\n\treturn undefinedX + 1\n}\n",
        ),
        (
            "q/q.go",
            "package q\n\nvar (\n\ta = 1\n\tb = a + \"text\"\n)\n",
        ),
        ("lib/lib.go", CLEAN_LIB),
        ("a.go", "package m\n\nvar _ = undefinedRoot\n"),
    ]);
    let output = goescape(m.path(), &["./..."]);
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    for (pattern, path) in [
        ("./p", "example.com/m/p"),
        ("./q", "example.com/m/q"),
        (".", "example.com/m"),
    ] {
        let vet = vet_errors(m.path(), pattern);
        assert_eq!(first_error_of(&stderr, path), vet[0], "{stderr}");
    }
    assert!(!stderr.contains("# example.com/m/lib"), "{stderr}");
}

#[test]
fn paths_are_relative_to_the_directory_of_dash_c() {
    let root = tempfile::tempdir().unwrap();
    let m = root.path().join("m");
    write(&m, "go.mod", "module example.com/m\n\ngo 1.26\n");
    write(&m, "p/p.go", "package p\n\nvar _ int = undefinedX\n");
    let output = goescape(root.path(), &["-C", "m", "./..."]);
    assert_eq!(output.status.code(), Some(1));
    let vet = vet_errors(&m, "./...");
    assert_eq!(
        first_error_of(&text(&output.stderr), "example.com/m/p"),
        vet[0]
    );
    // From a subdirectory, the go command prints paths with `..`.
    let output = goescape(&m.join("p"), &["./..."]);
    let vet = vet_errors(&m.join("p"), "./...");
    assert_eq!(
        first_error_of(&text(&output.stderr), "example.com/m/p"),
        vet[0]
    );
    let output = goescape(root.path(), &["-C", "no/such/dir", "./..."]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("no/such/dir"));
}

#[test]
fn a_syntax_error_is_reported_and_other_packages_are_still_checked() {
    let m = module(&[
        ("bad/b.go", "package bad\n\nfunc (\n"),
        ("p/p.go", "package p\n\nvar _ = undefinedX\n"),
        ("lib/lib.go", CLEAN_LIB),
    ]);
    let output = goescape(m.path(), &["./..."]);
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert_eq!(
        first_error_of(&stderr, "example.com/m/bad"),
        vet_errors(m.path(), "./bad")[0]
    );
    assert_eq!(
        first_error_of(&stderr, "example.com/m/p"),
        vet_errors(m.path(), "./p")[0]
    );
}

#[test]
fn missing_packages_are_reported_as_the_go_command_reports_them() {
    let m = module(&[
        (
            "q/q.go",
            "package q\n\nimport \"example.com/m/nope\"\n\nvar _ = nope.X\n",
        ),
        (
            "s/s.go",
            "package s\n\nimport \"nosuchstd/pkg\"\n\nvar _ = pkg.X\n",
        ),
        ("p/p.go", "package p\n\nvar _ = undefinedX\n"),
    ]);
    let output = goescape(m.path(), &["./..."]);
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    for pattern in ["./q", "./s"] {
        let go_says = text(&go(m.path(), &["build", pattern]).stderr);
        let first = go_says.lines().next().unwrap();
        assert!(
            stderr.lines().any(|l| l == first),
            "go build says {go_says:?}; we say:\n{stderr}"
        );
    }
    // An independent package is still checked and reported.
    assert_eq!(
        first_error_of(&stderr, "example.com/m/p"),
        vet_errors(m.path(), "./p")[0]
    );
    // The unknown import path as the only pattern.
    let output = goescape(m.path(), &["example.com/m/nope"]);
    assert_no_panic(&output);
    assert_ne!(output.status.code(), Some(0));
    let go_says = text(&go(m.path(), &["build", "example.com/m/nope"]).stderr);
    assert!(
        text(&output.stderr).contains(go_says.lines().next().unwrap()),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn an_import_cycle_is_reported() {
    let m = module(&[
        ("a/a.go", "package a\n\nimport _ \"example.com/m/b\"\n"),
        ("b/b.go", "package b\n\nimport _ \"example.com/m/a\"\n"),
    ]);
    let output = goescape(m.path(), &["./..."]);
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    let go_says = text(&go(m.path(), &["build", "./..."]).stderr);
    assert!(go_says.contains("import cycle not allowed"), "{go_says}");
    assert!(stderr.contains("import cycle not allowed"), "{stderr}");
    assert_eq!(stderr.lines().next(), go_says.lines().next(), "{stderr}");
}

#[test]
fn a_malformed_go_mod_is_reported_with_its_position() {
    let m = module(&[("p/p.go", "package p\n")]);
    write(
        m.path(),
        "go.mod",
        "module example.com/m\n\ngo 1.26\n\nbogus directive\n",
    );
    let output = goescape(m.path(), &["./..."]);
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    let go_says = text(&go(m.path(), &["build", "./..."]).stderr);
    let position_line = go_says
        .lines()
        .find(|l| l.contains("go.mod:5"))
        .unwrap_or_else(|| panic!("{go_says}"));
    assert!(stderr.contains(position_line), "{stderr}");
}

#[test]
fn patterns_that_match_nothing_fail() {
    let m = module(&[("p/p.go", "package p\n")]);
    // A directory that does not exist: the go command's error.
    let output = goescape(m.path(), &["./nothing/..."]);
    assert_no_panic(&output);
    assert_ne!(output.status.code(), Some(0));
    let go_says = text(&go(m.path(), &["build", "./nothing/..."]).stderr);
    assert!(
        text(&output.stderr).contains(go_says.lines().next().unwrap()),
        "{}",
        text(&output.stderr)
    );
    // A pattern that matches no package.
    let output = goescape(m.path(), &["example.com/m/zzz/..."]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("matched no packages"),
        "{}",
        text(&output.stderr)
    );
    // Outside any module.
    let empty = tempfile::tempdir().unwrap();
    let output = goescape(empty.path(), &["."]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("go.mod"));
}

/// Where `needle` first occurs in `src`, as `line:col` (1-based, bytes).
fn position_of(src: &str, needle: &str) -> String {
    let offset = src.find(needle).unwrap();
    let line = src[..offset].matches('\n').count() + 1;
    let col = offset - src[..offset].rfind('\n').map_or(0, |i| i + 1) + 1;
    format!("{line}:{col}")
}

#[test]
fn cgo_files_are_skipped_and_named_and_the_rest_is_checked() {
    let cgo_file = "package p\n\n// int twice(int x) { return 2 * x; }\nimport \"C\"\n\nfunc twice(x int) int { return int(C.twice(C.int(x))) }\n";
    let go_file = "package p\n\nfunc Four() int { return twice(2) }\n\nvar _ = undefinedY\n";
    let m = module(&[("p/cgo.go", cgo_file), ("p/p.go", go_file)]);
    let output = goescape_cgo(m.path(), &["./..."], true);
    assert_no_panic(&output);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("skipped p/cgo.go") && stderr.contains("cgo"),
        "{stderr}"
    );
    // `twice` is declared by the skipped file: not an error; `undefinedY` is one.
    let errors = positioned_lines(&stderr);
    assert_eq!(
        errors,
        [format!(
            "p/p.go:{}: undefined: undefinedY",
            position_of(go_file, "undefinedY")
        )],
        "{stderr}"
    );
    // With cgo off, go list leaves cgo.go out and `twice` is undefined, as go/types says.
    let output = goescape(m.path(), &["./..."]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        first_error_of(&text(&output.stderr), "example.com/m/p"),
        vet_errors(m.path(), "./p")[0]
    );
}

/// Builds `tools/gotypes` (go/types' side of the dump) into `out`.
fn build_gotypes(out: &Path) -> PathBuf {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tools/gotypes");
    let exe = out.join("gotypes");
    let mut command = Command::new("go");
    let status = hermetic(&mut command, false)
        .env("GOFLAGS", "-mod=mod")
        .args(["build", "-o"])
        .arg(&exe)
        .arg(".")
        .current_dir(src)
        .status()
        .expect("run go build");
    assert!(status.success(), "building tools/gotypes failed");
    exe
}

#[test]
fn the_dump_is_go_types_dump() {
    let m = module(&[("main.go", CLEAN_MAIN), ("lib/lib.go", CLEAN_LIB)]);
    let tools = tempfile::tempdir().unwrap();
    let gotypes = build_gotypes(tools.path());
    let mut command = Command::new(gotypes);
    let go_dump = hermetic(&mut command, false)
        .arg("./...")
        .current_dir(m.path())
        .output()
        .unwrap();
    assert!(go_dump.status.success());
    let output = goescape(m.path(), &["--dump", "./..."]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let ours = text(&output.stdout);
    assert!(
        ours.starts_with("=== example.com/m/lib\nPACKAGE lib "),
        "{ours}"
    );
    assert_eq!(ours, text(&go_dump.stdout));
}

#[test]
fn the_standard_library_checks_cleanly() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = goescape_cgo(here, &["std"], true);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(positioned_lines(&stderr), Vec::<&str>::new());
    // With cgo on, what was skipped is said, package by package.
    assert!(
        stderr.contains("goescape: package net: skipped "),
        "{stderr}"
    );
    let output = goescape(here, &["std"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(text(&output.stderr), "");
}
