//! Locating the installed Go toolchain, whose `$GOROOT/src` is the standard library.
//!
//! The go command is the authority on GOROOT (it honours the GOROOT variable, go.env and
//! its own install location), so we ask it rather than guess.

use std::fmt;
use std::io;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The Go release whose language and standard library goescape follows.
pub const REQUIRED_GO_RELEASE: &str = "go1.26";

#[derive(Debug)]
pub struct GoToolchain {
    pub goroot: PathBuf,
    /// As `go env GOVERSION` prints it, e.g. `go1.26.1`.
    pub version: String,
}

impl GoToolchain {
    /// The directory holding the standard library's package directories.
    pub fn std_src_dir(&self) -> PathBuf {
        self.goroot.join("src")
    }

    /// True for the required release and its patch releases and release candidates
    /// (`go1.26`, `go1.26.3`, `go1.26rc1`), false for `go1.260` or `go1.25.7`.
    pub fn is_required_release(&self) -> bool {
        match self.version.strip_prefix(REQUIRED_GO_RELEASE) {
            Some(rest) => !rest.starts_with(|c: char| c.is_ascii_digit()),
            None => false,
        }
    }
}

#[derive(Debug)]
pub enum GoRootError {
    GoNotOnPath,
    CouldNotRun(io::Error),
    GoEnvFailed { stderr: String },
    NoGoroot,
}

impl fmt::Display for GoRootError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GoRootError::GoNotOnPath => write!(
                f,
                "the `go` command is not on PATH; goescape needs Go 1.26 ({REQUIRED_GO_RELEASE}.x) \
                 installed to find the standard library (check with `go version`)"
            ),
            GoRootError::CouldNotRun(err) => write!(
                f,
                "could not run `go env GOROOT`: {err}; goescape needs Go 1.26 on PATH"
            ),
            GoRootError::GoEnvFailed { stderr } => write!(
                f,
                "`go env GOROOT` failed: {}; goescape needs a working Go 1.26 on PATH",
                stderr.trim()
            ),
            GoRootError::NoGoroot => f.write_str("`go env GOROOT` printed no GOROOT"),
        }
    }
}

/// Asks `go env` for GOROOT and the Go version.
pub fn locate_go_toolchain() -> Result<GoToolchain, GoRootError> {
    let output = Command::new("go")
        .args(["env", "GOROOT", "GOVERSION"])
        // The installed toolchain, never one the go command would download for a go.mod
        // in the current directory.
        .env("GOTOOLCHAIN", "local")
        .stdin(Stdio::null())
        .output()
        .map_err(|err| match err.kind() {
            io::ErrorKind::NotFound => GoRootError::GoNotOnPath,
            _ => GoRootError::CouldNotRun(err),
        })?;
    if !output.status.success() {
        return Err(GoRootError::GoEnvFailed {
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        });
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let mut lines = stdout.lines();
    let goroot = lines.next().unwrap_or("").trim();
    let version = lines.next().unwrap_or("").trim();
    if goroot.is_empty() {
        return Err(GoRootError::NoGoroot);
    }
    Ok(GoToolchain {
        goroot: PathBuf::from(goroot),
        version: version.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toolchain(version: &str) -> GoToolchain {
        GoToolchain {
            goroot: PathBuf::from("/usr/local/go"),
            version: version.to_owned(),
        }
    }

    #[test]
    fn recognises_the_required_release_only() {
        for version in ["go1.26", "go1.26.0", "go1.26.8", "go1.26rc2"] {
            assert!(toolchain(version).is_required_release(), "{version}");
        }
        for version in ["go1.25.7", "go1.260", "go1.27", "devel go1.27-abc", ""] {
            assert!(!toolchain(version).is_required_release(), "{version}");
        }
    }

    #[test]
    fn missing_go_names_the_required_release() {
        let message = GoRootError::GoNotOnPath.to_string();
        assert!(message.contains("Go 1.26"), "{message}");
        assert!(message.contains("PATH"), "{message}");
    }
}
