//! File paths in messages as the go command shows them (`cmd/go/internal/work`'s
//! `reportCmd` with `base.ShortPath`): relative to the working directory when that is
//! shorter — `./a.go` in it, `sub/a.go` below it, `../b/a.go` beside it — else absolute.

use std::path::{Component, Path, PathBuf};

/// Shortens `file` against the working directory `cwd` (both absolute), as the go command
/// rewrites the package directory in a tool's output. Names that are not absolute (a
/// `//line` directive's) are left as they are.
pub fn display_path(cwd: &Path, file: &str) -> String {
    let path = Path::new(file);
    if !path.is_absolute() {
        return file.to_owned();
    }
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return file.to_owned();
    };
    let rel = relative(cwd, dir);
    let rel_text = rel.to_string_lossy();
    let dir_text = dir.to_string_lossy();
    if rel_text.len() < dir_text.len() {
        format!("{rel_text}/{}", name.to_string_lossy())
    } else {
        file.to_owned()
    }
}

/// `filepath.Rel(base, target)` for absolute, clean paths: `.` when equal.
fn relative(base: &Path, target: &Path) -> PathBuf {
    let base: Vec<Component> = base.components().collect();
    let target: Vec<Component> = target.components().collect();
    let common = base.iter().zip(&target).take_while(|(a, b)| a == b).count();
    let mut rel = PathBuf::new();
    for _ in common..base.len() {
        rel.push("..");
    }
    for c in &target[common..] {
        rel.push(c.as_os_str());
    }
    if rel.as_os_str().is_empty() {
        rel.push(".");
    }
    rel
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortens_like_the_go_command() {
        let cwd = Path::new("/home/u/m");
        assert_eq!(display_path(cwd, "/home/u/m/a.go"), "./a.go");
        assert_eq!(display_path(cwd, "/home/u/m/sub/s.go"), "sub/s.go");
        assert_eq!(display_path(cwd, "/home/u/bad/b.go"), "../bad/b.go");
        assert_eq!(
            display_path(cwd, "/usr/local/go/src/fmt/print.go"),
            "/usr/local/go/src/fmt/print.go"
        );
        assert_eq!(display_path(cwd, "gen.y"), "gen.y");
    }
}
