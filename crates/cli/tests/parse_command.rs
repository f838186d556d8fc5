//! Runs the built `goescape` binary on small Go files in a temporary directory.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const CLEAN: &str = "package p\n\nfunc f() int {\n\treturn 1\n}\n";
/// `x :=` with nothing on the right: a syntax error on line 4.
const BROKEN: &str = "package p\n\nfunc f() {\n\tx := \n}\n";

fn goescape(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_goescape"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("run goescape")
}

fn write(dir: &Path, relative: &str, contents: impl AsRef<[u8]>) {
    let path = dir.join(relative);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, contents).unwrap();
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// Splits `file:line:col: message` into its parts, checking line and col are numbers >= 1.
fn split_diagnostic(line: &str) -> (&str, u32, u32, &str) {
    let mut parts = line.splitn(4, ':');
    let file = parts.next().unwrap();
    let line_no = parts.next().and_then(|s| s.parse().ok());
    let col = parts.next().and_then(|s| s.parse().ok());
    let message = parts.next().and_then(|s| s.strip_prefix(' '));
    match (line_no, col, message) {
        (Some(line_no), Some(col), Some(message)) if line_no >= 1 && col >= 1 => {
            (file, line_no, col, message)
        }
        _ => panic!("not `file:line:col: message`: {line:?}"),
    }
}

#[test]
fn a_clean_file_exits_zero_with_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ok.go", CLEAN);
    let output = goescape(dir.path(), &["parse", "ok.go"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    let summary = stdout(&output);
    assert!(summary.contains("files:          1\n"), "{summary}");
    assert!(
        summary.contains(&format!("bytes:          {}\n", CLEAN.len())),
        "{summary}"
    );
    assert!(summary.contains("lines:          5\n"), "{summary}");
    assert!(summary.contains("syntax errors:  0\n"), "{summary}");
    assert!(summary.contains("MB/s"), "{summary}");
}

#[test]
fn a_syntax_error_is_printed_as_file_line_col_message_and_exits_one() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "src/broken.go", BROKEN);
    let output = goescape(dir.path(), &["parse", "src/broken.go"]);
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    let first = errors.lines().next().expect("an error line");
    let (file, line, _col, message) = split_diagnostic(first);
    assert_eq!(file, "src/broken.go");
    assert!((4..=5).contains(&line), "{first}");
    assert!(!message.is_empty());
    assert!(
        stdout(&output).contains("syntax errors:  "),
        "{}",
        stdout(&output)
    );
}

#[test]
fn errors_come_out_in_argument_order_and_directories_are_walked_sorted() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "z.go", BROKEN);
    write(dir.path(), "pkg/b.go", BROKEN);
    write(dir.path(), "pkg/a.go", BROKEN);
    write(dir.path(), "pkg/sub/c.go", BROKEN);
    let output = goescape(dir.path(), &["parse", "z.go", "pkg"]);
    assert_eq!(output.status.code(), Some(1));
    let mut files: Vec<String> = stderr(&output)
        .lines()
        .map(|line| split_diagnostic(line).0.to_owned())
        .collect();
    files.dedup();
    assert_eq!(files, ["z.go", "pkg/a.go", "pkg/b.go", "pkg/sub/c.go"]);
}

#[test]
fn walking_skips_testdata_and_underscore_and_dot_names() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "pkg/ok.go", CLEAN);
    write(dir.path(), "pkg/testdata/broken.go", BROKEN);
    write(dir.path(), "pkg/_old/broken.go", BROKEN);
    write(dir.path(), "pkg/.cache/broken.go", BROKEN);
    write(dir.path(), "pkg/_broken.go", BROKEN);
    write(dir.path(), "pkg/.broken.go", BROKEN);
    write(dir.path(), "pkg/README.md", "not Go");
    let output = goescape(dir.path(), &["parse", "pkg"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("files:          1\n"));
}

#[test]
fn ast_prints_a_header_and_a_dump_per_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.go", CLEAN);
    write(dir.path(), "b.go", "package b\n");
    let output = goescape(dir.path(), &["parse", "--ast", "b.go", "a.go"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let headers: Vec<&str> = text.lines().filter(|l| l.starts_with("=== ")).collect();
    assert_eq!(headers, ["=== b.go", "=== a.go"]);
    assert!(text.starts_with("=== b.go\n"), "{text}");
    let (b_dump, a_dump) = text["=== b.go\n".len()..].split_once("=== a.go\n").unwrap();
    assert!(!b_dump.trim().is_empty(), "empty dump for b.go");
    assert!(a_dump.len() > b_dump.len(), "a.go has more in it than b.go");
    assert!(!text.contains("files:"), "no summary with --ast: {text}");
}

#[test]
fn ast_matches_the_library_dump() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.go", CLEAN);
    let output = goescape(dir.path(), &["parse", "--ast", "a.go"]);
    let parsed = goescape_syntax_dump("a.go", CLEAN);
    assert_eq!(stdout(&output), format!("=== a.go\n{parsed}"));
}

fn goescape_syntax_dump(name: &str, src: &str) -> String {
    let parsed = goescape_syntax::parse_file(name, src.as_bytes().to_vec());
    let mut text = String::new();
    goescape_syntax::dump::dump_file(&parsed.file, &mut text);
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

#[test]
fn a_missing_path_is_reported_and_the_others_still_parsed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "broken.go", BROKEN);
    let output = goescape(dir.path(), &["parse", "missing.go", "broken.go"]);
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(
        errors.contains("goescape: missing.go: no such file or directory\n"),
        "{errors}"
    );
    assert!(
        errors.lines().any(|line| line.starts_with("broken.go:")),
        "broken.go was still parsed: {errors}"
    );
}

#[test]
fn invalid_utf8_is_a_positioned_syntax_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bad.go", b"package p\n\nvar s = \"\xff\xfe\"\n");
    let output = goescape(dir.path(), &["parse", "bad.go"]);
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    let (file, line, _, _) = split_diagnostic(errors.lines().next().unwrap());
    assert_eq!((file, line), ("bad.go", 3));
}

#[test]
fn a_line_directive_moves_the_reported_position() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "gen.go",
        "package p\n\n//line parser.y:100:5\nfunc f() { x := }\n",
    );
    let output = goescape(dir.path(), &["parse", "gen.go"]);
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    let (file, line, _, _) = split_diagnostic(errors.lines().next().unwrap());
    assert_eq!((file, line), ("parser.y", 100), "{errors}");
}

#[test]
fn a_file_too_large_to_address_is_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "ok.go", CLEAN);
    // Sparse: 5 GiB long without using the disk.
    fs::File::create(dir.path().join("huge.go"))
        .unwrap()
        .set_len(5 << 30)
        .unwrap();
    let output = goescape(dir.path(), &["parse", "huge.go", "ok.go"]);
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(
        errors.starts_with("goescape: huge.go: file too large to parse"),
        "{errors}"
    );
    assert!(stdout(&output).contains("files:          1\n"));
}

#[test]
fn no_arguments_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let output = goescape(dir.path(), &["parse"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("Usage"), "{}", stderr(&output));
}

#[test]
fn std_without_go_on_path_names_the_requirement() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_goescape"))
        .args(["parse", "std"])
        .current_dir(dir.path())
        .env("PATH", dir.path())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let errors = stderr(&output);
    assert!(errors.contains("`go` command is not on PATH"), "{errors}");
    assert!(errors.contains("Go 1.26"), "{errors}");
}

/// The README's main job: the whole standard library parses without a syntax error.
#[test]
fn the_standard_library_parses_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let output = goescape(dir.path(), &["parse", "std"]);
    let summary = stdout(&output);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}\n{summary}",
        stderr(&output)
    );
    let files: u64 = summary
        .lines()
        .find_map(|line| line.strip_prefix("files:"))
        .and_then(|count| count.trim().parse().ok())
        .expect("a file count");
    assert!(files > 3000, "only {files} files in std");
    assert!(summary.contains("syntax errors:  0\n"), "{summary}");
}
