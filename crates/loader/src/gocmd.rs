//! Running the go command: the only IO in this crate.
//!
//! Two invocations, both under the configuration's directory and environment:
//! `go env -json ...` (which toolchain, which target; for a cross build also
//! `go tool dist list`, to check the target exists) and
//! `go list -e -deps -json=FIELDS -compiler=gc [-tags=...] -- PATTERNS` (the packages).

use std::io::ErrorKind;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::config::LoadConfig;
use crate::error::LoadError;
use crate::json::{self, RawPackage};
use crate::toolchain::Toolchain;

/// What `go list` printed: the packages, and its warnings (`go: warning: ...` lines).
#[derive(Debug)]
pub struct ListOutput {
    pub packages: Vec<RawPackage>,
    pub warnings: Vec<String>,
}

/// Asks the go command which toolchain it is and checks it is the one we implement.
pub fn toolchain(cfg: &LoadConfig) -> Result<Toolchain, LoadError> {
    let mut args = vec!["env".to_owned(), "-json".to_owned()];
    args.extend(json::ENV_VARS.iter().map(|v| (*v).to_owned()));
    let out = run(cfg, &args)?;
    let env = json::decode_env(&out.stdout).map_err(|error| LoadError::Json {
        command: command_line(&cfg.go, &args),
        error,
    })?;
    let toolchain = Toolchain::from_env(&cfg.go, &env)?;
    // go list does not check the target (go build does): a misspelt GOOS would silently
    // select no system-specific files. The host is always supported.
    if (env.goos.as_str(), env.goarch.as_str()) != (env.gohostos.as_str(), env.gohostarch.as_str())
    {
        check_platform(cfg, &toolchain.goos, &toolchain.goarch)?;
    }
    Ok(toolchain)
}

/// Checks `goos/goarch` against the toolchain's list of supported targets. Best effort: a
/// toolchain without a working `go tool dist` is not checked (go list still works there).
fn check_platform(cfg: &LoadConfig, goos: &str, goarch: &str) -> Result<(), LoadError> {
    let args = ["tool", "dist", "list"].map(str::to_owned);
    let out = match run(cfg, &args) {
        Ok(out) => out,
        Err(LoadError::GoFailed { .. }) => return Ok(()),
        Err(e) => return Err(e),
    };
    let pair = format!("{goos}/{goarch}");
    let supported = String::from_utf8_lossy(&out.stdout)
        .lines()
        .any(|l| l.trim() == pair);
    if supported {
        Ok(())
    } else {
        Err(LoadError::UnsupportedPlatform {
            goos: goos.to_owned(),
            goarch: goarch.to_owned(),
        })
    }
}

/// Runs `go list -e -deps` on the configuration's patterns.
pub fn list(cfg: &LoadConfig) -> Result<ListOutput, LoadError> {
    let mut args = vec![
        "list".to_owned(),
        "-e".to_owned(),
        "-deps".to_owned(),
        format!("-json={}", json::LIST_FIELDS.join(",")),
    ];
    args.extend(cfg.build_flags());
    args.push("--".to_owned());
    args.extend(cfg.patterns.iter().cloned());
    let out = run(cfg, &args)?;
    let packages = json::decode_packages(&out.stdout).map_err(|error| LoadError::Json {
        command: command_line(&cfg.go, &args),
        error,
    })?;
    let warnings = out
        .stderr
        .lines()
        .filter(|l| l.starts_with("go: warning: "))
        .map(str::to_owned)
        .collect();
    Ok(ListOutput { packages, warnings })
}

struct Output {
    stdout: Vec<u8>,
    stderr: String,
}

/// Runs the go command with `args`; a non-zero exit is an error carrying its stderr.
fn run(cfg: &LoadConfig, args: &[String]) -> Result<Output, LoadError> {
    check_dir(&cfg.dir)?;
    let mut cmd = Command::new(&cfg.go);
    cmd.args(args)
        .current_dir(&cfg.dir)
        .envs(cfg.command_env())
        .stdin(Stdio::null());
    let out = cmd.output().map_err(|error| match error.kind() {
        ErrorKind::NotFound => LoadError::GoNotFound { go: cfg.go.clone() },
        _ => LoadError::Io {
            context: format!("cannot run `{}`", command_line(&cfg.go, args)),
            error,
        },
    })?;
    let stderr = String::from_utf8_lossy(&out.stderr).trim().to_owned();
    if !out.status.success() {
        return Err(LoadError::GoFailed {
            command: command_line(&cfg.go, args),
            status: out.status,
            stderr,
        });
    }
    Ok(Output {
        stdout: out.stdout,
        stderr,
    })
}

/// A missing working directory would otherwise surface as "go not found" (both are
/// `ENOENT` from the spawn).
fn check_dir(dir: &Path) -> Result<(), LoadError> {
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(LoadError::BadDir {
            dir: dir.to_owned(),
            reason: "not a directory".to_owned(),
        }),
        Err(e) => Err(LoadError::BadDir {
            dir: dir.to_owned(),
            reason: e.to_string(),
        }),
    }
}

fn command_line(go: &Path, args: &[String]) -> String {
    let mut s = go.display().to_string();
    for a in args {
        s.push(' ');
        s.push_str(a);
    }
    s
}
