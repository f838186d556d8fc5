//! Finding the Go files of a directory tree the way the go command sees package files.
//!
//! Below the directory given, these are skipped as `go build ./...` skips them:
//! directories named `testdata`, and directories and files whose names start with `_` or `.`.
//! Symbolic links to directories are not followed (as the go command's `...` does not), so a
//! link cycle cannot make the walk endless. The result is sorted, so runs are deterministic.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// A directory below the root that could not be listed; the walk goes on without it.
#[derive(Debug)]
pub struct WalkError {
    pub path: PathBuf,
    pub error: io::Error,
}

#[derive(Debug, Default)]
pub struct GoFiles {
    /// The `.go` files found, each path `root` joined with the names walked, in sorted order.
    pub files: Vec<PathBuf>,
    pub errors: Vec<WalkError>,
}

/// Collects the `.go` files under `root`. `prune` is asked about every directory below the
/// root (after the go command's own rules) and can exclude it with its whole subtree.
pub fn go_files_under(root: &Path, prune: &dyn Fn(&Path) -> bool) -> GoFiles {
    let mut found = GoFiles::default();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(error) => {
                found.errors.push(WalkError { path: dir, error });
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    found.errors.push(WalkError {
                        path: dir.clone(),
                        error,
                    });
                    continue;
                }
            };
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('_') || name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            match entry_kind(&entry) {
                EntryKind::Dir => {
                    if name != "testdata" && !prune(&path) {
                        pending.push(path);
                    }
                }
                EntryKind::File => {
                    if name.ends_with(".go") {
                        found.files.push(path);
                    }
                }
                EntryKind::Other => {}
            }
        }
    }
    found.files.sort();
    found
}

enum EntryKind {
    Dir,
    File,
    Other,
}

/// Real directories are walked; a symbolic link counts as the file it points to, but never
/// as a directory.
fn entry_kind(entry: &fs::DirEntry) -> EntryKind {
    let Ok(file_type) = entry.file_type() else {
        return EntryKind::Other;
    };
    if file_type.is_dir() {
        EntryKind::Dir
    } else if file_type.is_file() {
        EntryKind::File
    } else if file_type.is_symlink() {
        match fs::metadata(entry.path()) {
            Ok(target) if target.is_file() => EntryKind::File,
            _ => EntryKind::Other,
        }
    } else {
        EntryKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(root: &Path, relative: &str) {
        let path = root.join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, b"package p\n").unwrap();
    }

    fn relative_names(root: &Path, files: &[PathBuf]) -> Vec<String> {
        files
            .iter()
            .map(|file| {
                file.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect()
    }

    #[test]
    fn follows_the_go_command_rules_and_sorts() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in [
            "z.go",
            "a.go",
            "notes.txt",
            "_skipped.go",
            ".hidden.go",
            "sub/b.go",
            "sub/testdata/broken.go",
            "_build/c.go",
            ".git/d.go",
            "sub/deeper/e.go",
            "cmd/f.go",
        ] {
            touch(root, file);
        }
        let found = go_files_under(root, &|path| path == root.join("cmd"));
        assert!(found.errors.is_empty(), "{:?}", found.errors);
        assert_eq!(
            relative_names(root, &found.files),
            ["a.go", "sub/b.go", "sub/deeper/e.go", "z.go"]
        );
    }

    #[test]
    fn the_root_itself_may_be_named_like_a_skipped_directory() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("testdata");
        touch(&root, "x.go");
        let found = go_files_under(&root, &|_| false);
        assert_eq!(relative_names(&root, &found.files), ["x.go"]);
    }

    #[test]
    fn an_unreadable_root_is_reported_not_fatal() {
        let found = go_files_under(Path::new("/nonexistent/goescape/dir"), &|_| false);
        assert!(found.files.is_empty());
        assert_eq!(found.errors.len(), 1);
        assert_eq!(found.errors[0].error.kind(), io::ErrorKind::NotFound);
    }
}
