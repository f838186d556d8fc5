//! go/types' side of the type checker comparison: `tools/gotypes` (docs/types-dump.md), built
//! with the Go on PATH and run on the same patterns, in the same directory and environment
//! as our loader, its output split into one section per package.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::build_go_tool;

/// One package's part of a dump: the text after its `=== IMPORTPATH` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypesSection {
    /// The import path (go list's `ImportPath`).
    pub path: String,
    /// The body, each line ending in `\n`.
    pub body: String,
}

/// Builds `tools/gotypes` into `out_dir` and returns the executable.
pub fn build_gotypes(out_dir: &Path) -> Result<PathBuf, String> {
    build_go_tool("gotypes", out_dir)
}

/// Runs `gotypes [-deps] PATTERNS` in `dir` with `GOTOOLCHAIN=local` (it sets
/// `CGO_ENABLED=0` itself, as our loader does) and returns its sections in the order
/// printed (go list's).
pub fn run_gotypes(
    exe: &Path,
    dir: &Path,
    patterns: &[String],
    deps: bool,
) -> Result<Vec<TypesSection>, String> {
    let mut cmd = Command::new(exe);
    if deps {
        cmd.arg("-deps");
    }
    let mut child = cmd
        .arg("--")
        .args(patterns)
        .current_dir(dir)
        .env("GOTOOLCHAIN", "local")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", exe.display()))?;
    let stdout = child.stdout.take().ok_or("no stdout from gotypes")?;
    // Read as it streams, a section at a time: the standard library's dump is 224 MB.
    let read = read_sections(BufReader::with_capacity(1 << 20, stdout));
    let status = child
        .wait()
        .map_err(|e| format!("waiting for gotypes: {e}"))?;
    let sections = read?;
    if !status.success() {
        return Err(format!("gotypes failed ({status})"));
    }
    Ok(sections)
}

/// Reads a dump into its sections. The dump is ASCII apart from messages, which may hold
/// any bytes (invalid UTF-8 is replaced).
fn read_sections(mut input: impl BufRead) -> Result<Vec<TypesSection>, String> {
    let mut sections: Vec<TypesSection> = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = input
            .read_until(b'\n', &mut line)
            .map_err(|e| format!("reading gotypes output: {e}"))?;
        if n == 0 {
            return Ok(sections);
        }
        add_line(&mut sections, &String::from_utf8_lossy(&line))?;
    }
}

/// Adds one line of a dump (with or without its newline) to the sections.
fn add_line(sections: &mut Vec<TypesSection>, line: &str) -> Result<(), String> {
    if let Some(path) = line.strip_prefix("=== ") {
        sections.push(TypesSection {
            path: path.trim_end_matches('\n').to_owned(),
            body: String::new(),
        });
    } else if let Some(section) = sections.last_mut() {
        section.body.push_str(line);
        if !line.ends_with('\n') {
            section.body.push('\n');
        }
    } else {
        return Err(format!(
            "dump does not start with a section header: {line:?}"
        ));
    }
    Ok(())
}

/// Splits a dump into its sections (lines starting with `=== ` begin one; no body line does).
pub fn split_sections(text: &str) -> Result<Vec<TypesSection>, String> {
    let mut sections = Vec::new();
    for line in text.split_inclusive('\n') {
        add_line(&mut sections, line)?;
    }
    Ok(sections)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections() {
        let text = "=== a\nPACKAGE a path=a lang=go1.26\n=== unsafe\nOBJECT x\n  SIZE 1";
        let sections = split_sections(text).unwrap();
        assert_eq!(sections.len(), 2);
        assert_eq!(sections[0].path, "a");
        assert_eq!(sections[0].body, "PACKAGE a path=a lang=go1.26\n");
        assert_eq!(sections[1].body, "OBJECT x\n  SIZE 1\n");
        assert!(split_sections("PACKAGE a\n").is_err());
        assert!(split_sections("").unwrap().is_empty());
        let streamed = read_sections(&b"=== a\nX \xff\n=== b\n"[..]).unwrap();
        assert_eq!(streamed[0].body, "X \u{fffd}\n");
        assert_eq!(streamed[1].body, "");
    }
}
