//! What to load: the package patterns and the build configuration they are resolved under.

use std::ffi::OsString;
use std::path::PathBuf;

/// The inputs of [`load`](crate::load): everything that decides which packages and which
/// files `go build PATTERNS` would compile.
///
/// The go command runs in [`dir`](Self::dir) with the current process's environment, then
/// [`env`](Self::env), then the variables that the typed fields set (`GOOS`, `GOARCH`,
/// `CGO_ENABLED`), so a typed field wins over the same variable in `env`. Module mode,
/// vendoring (`-mod=`), `GOWORK`, `GOFLAGS` and the rest are the user's, exactly as for
/// `go build`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadConfig {
    /// The directory the go command runs in: relative patterns and the main module are
    /// found from here.
    pub dir: PathBuf,
    /// Package patterns as given to `go build` (`./...`, `std`, `example.com/m/p`, a
    /// directory, a list of `.go` files). Empty means `.`, as for `go build`.
    pub patterns: Vec<String>,
    /// `GOOS` for the build; `None` keeps the environment's (or the host's).
    pub goos: Option<String>,
    /// `GOARCH` for the build; `None` keeps the environment's (or the host's).
    pub goarch: Option<String>,
    /// Extra build tags (`go build -tags=a,b`). Empty leaves any `-tags` in `GOFLAGS` alone.
    pub tags: Vec<String>,
    /// `CGO_ENABLED`. Off by default: goescape does not run cgo, and conformance is measured
    /// with `CGO_ENABLED=0`. When on, files importing `"C"` are reported as
    /// [`cgo_files`](crate::Package::cgo_files) and never compiled.
    pub cgo_enabled: bool,
    /// Extra environment for the go command, e.g. `GOFLAGS`, `GOWORK`, `GOPROXY`.
    pub env: Vec<(String, String)>,
    /// The go command to run; `go` (found on `PATH`) by default.
    pub go: PathBuf,
}

impl LoadConfig {
    /// A configuration for `patterns` in `dir`, with every other setting at its default.
    pub fn new(
        dir: impl Into<PathBuf>,
        patterns: impl IntoIterator<Item = impl Into<String>>,
    ) -> LoadConfig {
        LoadConfig {
            dir: dir.into(),
            patterns: patterns.into_iter().map(Into::into).collect(),
            ..LoadConfig::default()
        }
    }

    /// Adds one variable to [`env`](Self::env).
    pub fn with_env(mut self, key: impl Into<String>, value: impl Into<String>) -> LoadConfig {
        self.env.push((key.into(), value.into()));
        self
    }

    /// The environment variables to set on top of the inherited environment, in order (a
    /// later entry for the same key wins).
    pub fn command_env(&self) -> Vec<(OsString, OsString)> {
        let mut env: Vec<(OsString, OsString)> =
            self.env.iter().map(|(k, v)| (k.into(), v.into())).collect();
        if let Some(goos) = &self.goos {
            env.push(("GOOS".into(), goos.into()));
        }
        if let Some(goarch) = &self.goarch {
            env.push(("GOARCH".into(), goarch.into()));
        }
        let cgo = if self.cgo_enabled { "1" } else { "0" };
        env.push(("CGO_ENABLED".into(), cgo.into()));
        env
    }

    /// The build flags shared by every go command the loader runs.
    pub fn build_flags(&self) -> Vec<String> {
        let mut flags = vec!["-compiler=gc".to_owned()];
        if !self.tags.is_empty() {
            flags.push(format!("-tags={}", self.tags.join(",")));
        }
        flags
    }
}

impl Default for LoadConfig {
    fn default() -> LoadConfig {
        LoadConfig {
            dir: PathBuf::from("."),
            patterns: Vec::new(),
            goos: None,
            goarch: None,
            tags: Vec::new(),
            cgo_enabled: false,
            env: Vec::new(),
            go: PathBuf::from("go"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_fields_come_after_extra_env() {
        let mut cfg = LoadConfig::new("/m", ["./..."]).with_env("CGO_ENABLED", "1");
        cfg.goos = Some("windows".into());
        let env = cfg.command_env();
        let last_cgo = env.iter().rev().find(|(k, _)| k == "CGO_ENABLED").unwrap();
        assert_eq!(last_cgo.1, "0");
        assert!(env.contains(&("GOOS".into(), "windows".into())));
        assert!(!env.iter().any(|(k, _)| k == "GOARCH"));
    }

    #[test]
    fn tags_become_one_flag() {
        let mut cfg = LoadConfig::default();
        assert_eq!(cfg.build_flags(), ["-compiler=gc"]);
        cfg.tags = vec!["a".into(), "b".into()];
        assert_eq!(cfg.build_flags(), ["-compiler=gc", "-tags=a,b"]);
    }
}
