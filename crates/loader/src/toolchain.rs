//! Which Go toolchain and target the go command reports, and the check that it is the
//! release goescape implements.

use std::path::{Path, PathBuf};

use crate::error::LoadError;
use crate::json::RawEnv;
use crate::version;

/// The toolchain and target the packages were loaded for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Toolchain {
    /// `GOVERSION`, e.g. `go1.26.8`.
    pub go_version: String,
    /// The release that version implements, e.g. `1.26.8`: the `local` version of
    /// [`version::lang_flag`].
    pub release: String,
    pub goroot: PathBuf,
    pub goos: String,
    pub goarch: String,
    pub cgo_enabled: bool,
}

impl Toolchain {
    /// The toolchain `go env` describes, if it is a Go 1.26 release (`go` names the
    /// command, for the error).
    pub(crate) fn from_env(go: &Path, env: &RawEnv) -> Result<Toolchain, LoadError> {
        let wrong = || LoadError::WrongGoVersion {
            go: go.to_owned(),
            found: if env.goversion.is_empty() {
                "of unknown version".to_owned()
            } else {
                env.goversion.clone()
            },
        };
        let release = version::from_toolchain(&env.goversion).ok_or_else(wrong)?;
        let lang = version::GoVersion::parse(&release)
            .map(|v| v.lang())
            .unwrap_or_default();
        if lang != version::SUPPORTED_LANG {
            return Err(wrong());
        }
        Ok(Toolchain {
            go_version: env.goversion.clone(),
            release,
            goroot: env.goroot.clone().into(),
            goos: env.goos.clone(),
            goarch: env.goarch.clone(),
            cgo_enabled: env.cgo_enabled == "1",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(goversion: &str) -> RawEnv {
        RawEnv {
            goversion: goversion.to_owned(),
            cgo_enabled: "0".to_owned(),
            ..RawEnv::default()
        }
    }

    #[test]
    fn accepts_go_1_26_only() {
        let go = PathBuf::from("go");
        for ok in ["go1.26", "go1.26.8", "go1.26rc2", "go1.26.1-corp X:foo"] {
            assert!(Toolchain::from_env(&go, &env(ok)).is_ok(), "{ok}");
        }
        for bad in ["go1.25.3", "go1.27.0", "go1.260", "devel go1.27-abc", ""] {
            let err = Toolchain::from_env(&go, &env(bad)).unwrap_err();
            assert!(
                matches!(err, LoadError::WrongGoVersion { .. }),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn toolchain_fields() {
        let t = Toolchain::from_env(Path::new("go"), &env("go1.26.8")).unwrap();
        assert_eq!(t.release, "1.26.8");
        assert!(!t.cgo_enabled);
    }
}
