//! goescape's side of the comparison: `goescape gc FLAGS PATTERNS`, run like the go
//! command (same directory, same environment), its report (standard output) parsed like
//! gc's. Its standard error holds its own notes (what it could not analyse yet): they are
//! shown, not compared, as they are not part of what `go build` prints.
//!
//! The binary is the `goescape` next to the running test (`target/PROFILE/goescape`, built
//! by `cargo test --workspace` or `cargo build -p goescape-cli`), or `GOESCAPE_BIN`. It
//! takes part only if it has the `gc` subcommand (`goescape gc --help` exits with status
//! 0); otherwise goescape's side is "not available" and prints nothing, which the
//! comparison counts as such: 0 lines, recall 0%.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::gc::run::{pinned_command, BuildOutput, GoCache};

/// Whether goescape's side can be run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Producer {
    /// The binary has the `gc` subcommand.
    Available { exe: PathBuf },
    /// Why not (no binary, or no `gc` subcommand yet).
    Unavailable { reason: String },
}

impl Producer {
    /// A one-line description for reports.
    pub fn describe(&self) -> String {
        match self {
            Producer::Available { exe } => format!("goescape: {}", exe.display()),
            Producer::Unavailable { reason } => format!("goescape: not available ({reason})"),
        }
    }
}

/// The binary to use: `GOESCAPE_BIN`, else `goescape` in the Cargo target directory of
/// the running executable (`target/PROFILE/deps/TEST` gives `target/PROFILE/goescape`).
pub fn goescape_exe() -> Option<PathBuf> {
    if let Some(bin) = std::env::var_os("GOESCAPE_BIN").filter(|b| !b.is_empty()) {
        return Some(PathBuf::from(bin));
    }
    let exe = std::env::current_exe().ok()?;
    let mut dir = exe.parent()?;
    if dir.file_name().is_some_and(|n| n == "deps") {
        dir = dir.parent()?;
    }
    Some(dir.join(format!("goescape{}", std::env::consts::EXE_SUFFIX)))
}

/// Finds goescape's side and checks that it has the `gc` subcommand.
pub fn find_goescape() -> Producer {
    let Some(exe) = goescape_exe() else {
        return Producer::Unavailable {
            reason: "cannot locate the goescape binary; set GOESCAPE_BIN".to_string(),
        };
    };
    probe(&exe)
}

/// Whether `exe` answers `gc --help` successfully.
pub fn probe(exe: &Path) -> Producer {
    if !exe.is_file() {
        return Producer::Unavailable {
            reason: format!(
                "no binary at {}; build it with `cargo build -p goescape-cli`",
                exe.display()
            ),
        };
    }
    let status = Command::new(exe)
        .args(["gc", "--help"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    match status {
        Ok(s) if s.success() => Producer::Available {
            exe: exe.to_path_buf(),
        },
        Ok(s) => Producer::Unavailable {
            reason: format!(
                "`{} gc --help` exits with {s}: the binary has no `gc` subcommand yet",
                exe.display()
            ),
        },
        Err(e) => Producer::Unavailable {
            reason: format!("cannot run {}: {e}", exe.display()),
        },
    }
}

/// Runs `exe gc FLAGS PATTERNS` in `dir` with the go command's pinned environment (the
/// loader runs `go list`), `flags` split at white space as the go command splits
/// `-gcflags`.
pub fn run_goescape(
    exe: &Path,
    dir: &Path,
    flags: &str,
    patterns: &[String],
    cache: &GoCache,
) -> Result<BuildOutput, String> {
    let dir = std::fs::canonicalize(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let start = Instant::now();
    let out = pinned_command(exe, &dir, cache)
        .arg("gc")
        .args(flags.split_whitespace())
        .args(patterns)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", exe.display()))?;
    Ok(BuildOutput {
        dir,
        text: String::from_utf8_lossy(&out.stdout).into_owned(),
        notes: String::from_utf8_lossy(&out.stderr).into_owned(),
        success: out.status.success(),
        status: out.status.to_string(),
        elapsed: start.elapsed(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_binary_is_unavailable() {
        let p = probe(Path::new("/nonexistent/goescape"));
        assert!(matches!(p, Producer::Unavailable { .. }));
        assert!(p
            .describe()
            .starts_with("goescape: not available (no binary at"));
    }
}
