//! The build configuration the user's environment implies, where the loader's defaults
//! differ from `go build`'s.

use std::path::Path;
use std::process::{Command, Stdio};

/// Whether `go build` would use cgo in `dir`: `CGO_ENABLED` as the environment sets it or,
/// when unset, as the go command decides (on when a C compiler is found, off when cross
/// compiling), which `go env CGO_ENABLED` reports. If the go command cannot say, off: the
/// loader then reports the missing toolchain itself.
pub fn cgo_enabled(go: &Path, dir: &Path, extra_env: &[(String, String)]) -> bool {
    if let Some((_, v)) = extra_env.iter().rev().find(|(k, _)| k == "CGO_ENABLED") {
        return v == "1";
    }
    if let Some(v) = std::env::var_os("CGO_ENABLED") {
        return v == "1";
    }
    let output = Command::new(go)
        .args(["env", "CGO_ENABLED"])
        .current_dir(dir)
        .envs(extra_env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output();
    match output {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout).trim() == "1",
        _ => false,
    }
}
