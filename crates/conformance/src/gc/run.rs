//! Running gc the way `go build -gcflags='FLAGS' PATTERNS` does, for measurement.
//!
//! `-gcflags=FLAGS` without a `pattern=` prefix applies to the packages the patterns name
//! and not to their dependencies, which is exactly what the user's command prints: the
//! dependencies are compiled silently. The environment is pinned so that the output
//! depends on the sources and the Go installation only: `CGO_ENABLED=0` (the same files as
//! goescape's loader sees), `GOTOOLCHAIN=local` (never a downloaded toolchain), `GOFLAGS`
//! empty (no user flags such as `-gcflags` from the environment), and a `GOCACHE` that the
//! caller creates empty. The cache matters: the go command replays a cached compile's
//! output instead of compiling again, and the replayed text has paths shortened for the
//! directory of the *first* build. A fresh cache may be shared by several builds as long
//! as none of them compiles the same package with the same flags twice (different
//! `-gcflags` are different cache keys); dependencies, compiled without flags, are then
//! compiled once per run.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// An empty Go build cache in a directory of its own, removed when dropped.
#[derive(Debug)]
pub struct GoCache {
    dir: PathBuf,
}

impl GoCache {
    /// An empty cache at `dir`: whatever was there (a cache of an earlier run) is removed.
    pub fn fresh(dir: &Path) -> Result<GoCache, String> {
        match fs::remove_dir_all(dir) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(format!("removing the old cache {}: {e}", dir.display())),
        }
        fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
        Ok(GoCache {
            dir: dir.to_path_buf(),
        })
    }

    /// The cache's directory (the value of `GOCACHE`).
    pub fn path(&self) -> &Path {
        &self.dir
    }
}

impl Drop for GoCache {
    fn drop(&mut self) {
        // Best effort: a cache left behind is removed by the next run's `fresh`.
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// What `go build` printed, and how it ended.
#[derive(Debug, Clone)]
pub struct BuildOutput {
    /// The directory the go command ran in (canonical): relative paths in the output are
    /// relative to it.
    pub dir: PathBuf,
    /// What is compared: for the go command, standard error then standard output (the
    /// compiler's messages are on standard error); for goescape, its report on standard
    /// output.
    pub text: String,
    /// goescape's diagnostics on standard error (notes about what it could not analyse),
    /// shown but not compared; empty for the go command.
    pub notes: String,
    /// Whether the go command exited with status 0.
    pub success: bool,
    /// The exit status, as the OS describes it.
    pub status: String,
    pub elapsed: Duration,
}

/// The command line's `-gcflags` argument for `flags` (`-m -l` gives `-gcflags=-m -l`).
pub fn gcflags_arg(flags: &str) -> String {
    format!("-gcflags={flags}")
}

/// Runs `go build -o /dev/null -gcflags=FLAGS PATTERNS` in `dir` with the pinned
/// environment and `cache` as `GOCACHE`. `-o` with the null device discards what the
/// build produces (a single main package would otherwise leave an executable in `dir`)
/// and changes nothing in what is printed. A build that fails is returned as such: its
/// output (compile errors) is still what the user would see.
pub fn go_build(
    dir: &Path,
    flags: &str,
    patterns: &[String],
    cache: &GoCache,
) -> Result<BuildOutput, String> {
    let dir = fs::canonicalize(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let start = Instant::now();
    let out = pinned_command(Path::new("go"), &dir, cache)
        .arg("build")
        .arg("-o")
        .arg(null_device())
        .arg(gcflags_arg(flags))
        .args(patterns)
        .output()
        .map_err(|e| {
            if e.kind() == io::ErrorKind::NotFound {
                "the `go` command is not on PATH: goescape is measured against Go 1.26".to_string()
            } else {
                format!("cannot run `go build`: {e}")
            }
        })?;
    let mut text = String::from_utf8_lossy(&out.stderr).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stdout));
    Ok(BuildOutput {
        dir,
        text,
        notes: String::new(),
        success: out.status.success(),
        status: out.status.to_string(),
        elapsed: start.elapsed(),
    })
}

/// `program` (the go command, or goescape, which runs it) in `dir` with the measurement's
/// environment.
pub fn pinned_command(program: &Path, dir: &Path, cache: &GoCache) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(dir)
        // The go command takes its working directory from PWD when PWD names it; keep the
        // two consistent so that relative paths are relative to `dir`.
        .env("PWD", dir)
        .env("GOCACHE", cache.path())
        .env("CGO_ENABLED", "0")
        .env("GOTOOLCHAIN", "local")
        .env("GOFLAGS", "");
    cmd
}

fn null_device() -> &'static str {
    if cfg!(windows) {
        "NUL"
    } else {
        "/dev/null"
    }
}

/// `GOVERSION GOOS/GOARCH` of the Go on PATH (`go1.26.8 linux/amd64`), with cgo off as
/// in the measurements.
pub fn toolchain() -> Result<String, String> {
    let out = Command::new("go")
        .args(["env", "GOVERSION", "GOOS", "GOARCH"])
        .env("GOTOOLCHAIN", "local")
        .env("CGO_ENABLED", "0")
        .output()
        .map_err(|e| format!("cannot run `go env`: {e}"))?;
    if !out.status.success() {
        return Err(format!("`go env` failed ({})", out.status));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let v: Vec<&str> = text.lines().map(str::trim).collect();
    match v.as_slice() {
        [version, goos, goarch, ..] => Ok(format!("{version} {goos}/{goarch}")),
        _ => Err(format!("unexpected `go env` output: {text:?}")),
    }
}

/// Whether `version` (`go env GOVERSION`) is a Go 1.26 release, the project's reference.
pub fn is_go_1_26(version: &str) -> bool {
    version == "go1.26" || version.starts_with("go1.26.") || version.starts_with("go1.26rc")
}
