//! The two kinds of failure: a [`LoadError`] means there is no package graph at all; a
//! [`PackageError`] is attached to one package of a graph that did load (as `go build`
//! would report it for that package, while still describing the others).

use std::fmt;
use std::path::PathBuf;
use std::process::ExitStatus;

/// Why [`load`](crate::load) produced no package graph. Each message is meant to be shown
/// to a user as is.
#[derive(Debug)]
pub enum LoadError {
    /// The go command could not be started because it does not exist.
    GoNotFound { go: PathBuf },
    /// The go command is not a Go 1.26 toolchain.
    WrongGoVersion { go: PathBuf, found: String },
    /// `GOOS`/`GOARCH` name no target the toolchain supports.
    UnsupportedPlatform { goos: String, goarch: String },
    /// The directory to load from does not exist or is not a directory.
    BadDir { dir: PathBuf, reason: String },
    /// The go command failed as a whole: no go.mod, a malformed go.mod, a go.mod needing a
    /// newer Go, a bad GOFLAGS or GOOS/GOARCH, ... `stderr` is what it printed, trimmed.
    GoFailed {
        /// The command line, for the message (`go list -e -deps ...`).
        command: String,
        status: ExitStatus,
        stderr: String,
    },
    /// The go command's output was not the JSON we expect.
    Json {
        command: String,
        error: serde_json::Error,
    },
    /// The output was valid JSON but broke an invariant of `go list -deps` (say, an import
    /// with no package). A bug in the go command or, more likely, in this crate.
    Inconsistent { message: String },
    /// No pattern matched any package (`go list` warned `matched no packages` for each).
    NoPackages { patterns: Vec<String> },
    /// Starting or talking to the go command failed for another reason.
    Io {
        context: String,
        error: std::io::Error,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::GoNotFound { go } => write!(
                f,
                "the go command `{}` was not found; goescape needs Go {} (go{}.x) on PATH",
                go.display(),
                crate::version::SUPPORTED_LANG,
                crate::version::SUPPORTED_LANG,
            ),
            LoadError::WrongGoVersion { go, found } => write!(
                f,
                "the go command `{}` is {found}; goescape needs Go {} (go{}.x)",
                go.display(),
                crate::version::SUPPORTED_LANG,
                crate::version::SUPPORTED_LANG,
            ),
            LoadError::UnsupportedPlatform { goos, goarch } => {
                write!(f, "unsupported GOOS/GOARCH pair {goos}/{goarch}")
            }
            LoadError::BadDir { dir, reason } => {
                write!(f, "cannot load packages from {}: {reason}", dir.display())
            }
            LoadError::GoFailed {
                command,
                status,
                stderr,
            } => {
                if stderr.is_empty() {
                    write!(f, "`{command}` failed ({status}) and printed nothing")
                } else {
                    write!(f, "{stderr}")
                }
            }
            LoadError::Json { command, error } => {
                write!(f, "cannot decode the output of `{command}`: {error}")
            }
            LoadError::Inconsistent { message } => {
                write!(f, "unexpected output from go list: {message}")
            }
            LoadError::NoPackages { patterns } => match patterns.as_slice() {
                [one] => write!(f, "pattern {one:?} matched no packages"),
                many => {
                    let quoted: Vec<String> = many.iter().map(|p| format!("{p:?}")).collect();
                    write!(f, "patterns {} matched no packages", quoted.join(", "))
                }
            },
            LoadError::Io { context, error } => write!(f, "{context}: {error}"),
        }
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LoadError::Json { error, .. } => Some(error),
            LoadError::Io { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// An error the go command attached to a package (its `Error`, or one of its `DepsErrors`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackageError {
    /// Where the error is, `file:line:col`, with the file relative to the load directory
    /// when that is shorter (as the go command prints it). `None` if it has no position.
    pub pos: Option<String>,
    /// The message, e.g. `import cycle not allowed`.
    pub err: String,
    /// The import path from a package named on the command line down to the package with
    /// the error (the go command's shortest path; empty for errors about a pattern).
    pub import_stack: Vec<String>,
}

impl PackageError {
    /// Whether this error is the go command's report of an import cycle.
    pub fn is_import_cycle(&self) -> bool {
        self.err.starts_with("import cycle not allowed")
    }
}

/// Formats like `go build`'s report of the error: `pos: err` when there is a position,
/// otherwise `package a\n\timports b: err`. (The go command prints the stack in a few more
/// cases than these, which `go list -json` does not expose.)
impl fmt::Display for PackageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(pos) = &self.pos {
            return write!(f, "{pos}: {}", self.err);
        }
        if self.import_stack.is_empty() {
            return write!(f, "{}", self.err);
        }
        write!(
            f,
            "package {}: {}",
            self.import_stack.join("\n\timports "),
            self.err
        )
    }
}

impl std::error::Error for PackageError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_error_formats_like_go_build() {
        let mut e = PackageError {
            pos: None,
            err: "import cycle not allowed".into(),
            import_stack: vec!["m".into(), "m/x".into(), "m/y".into(), "m/x".into()],
        };
        assert_eq!(
            e.to_string(),
            "package m\n\timports m/x\n\timports m/y\n\timports m/x: import cycle not allowed"
        );
        assert!(e.is_import_cycle());
        e.pos = Some("a.go:3:2".into());
        assert_eq!(e.to_string(), "a.go:3:2: import cycle not allowed");
    }

    #[test]
    fn no_packages_names_the_patterns() {
        let one = LoadError::NoPackages {
            patterns: vec!["./x/...".into()],
        };
        assert_eq!(one.to_string(), r#"pattern "./x/..." matched no packages"#);
        let two = LoadError::NoPackages {
            patterns: vec!["a/...".into(), "b/...".into()],
        };
        assert_eq!(
            two.to_string(),
            r#"patterns "a/...", "b/..." matched no packages"#
        );
    }
}
