//! Go version strings as the go command reads them (a port of `internal/gover`).
//!
//! The loader needs them twice: to check that the go command is the toolchain goescape
//! implements, and to compute the language version (`-lang`) that `go build` passes to the
//! compiler for each package.

use std::cmp::Ordering;

/// The Go release this crate (and goescape as a whole) implements, as a language version.
pub const SUPPORTED_LANG: &str = "1.26";

/// The `go` line assumed by the go command for a module whose go.mod has none.
pub const DEFAULT_GO_MOD_VERSION: &str = "1.16";

/// A parsed Go version such as `1.21`, `1.21rc2` or `1.21.3` (without the `go` prefix).
///
/// Every part is a decimal string without leading zeros (or empty), exactly as in
/// `internal/gover`, so comparison works on arbitrarily large numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoVersion {
    pub major: String,
    pub minor: String,
    pub patch: String,
    /// `""`, `"alpha"`, `"beta"` or `"rc"`.
    pub kind: String,
    pub pre: String,
}

impl GoVersion {
    /// Parses a version without the `go` prefix; `None` if it is not a valid Go version.
    pub fn parse(x: &str) -> Option<GoVersion> {
        let mut v = GoVersion::default();
        let (major, rest) = cut_int(x)?;
        v.major = major.to_owned();
        if rest.is_empty() {
            v.minor = "0".to_owned();
            v.patch = "0".to_owned();
            return Some(v);
        }
        let rest = rest.strip_prefix('.')?;
        let (minor, rest) = cut_int(rest)?;
        v.minor = minor.to_owned();
        if rest.is_empty() {
            // Before Go 1.21, "1.N" named the first release, 1.N.0.
            if cmp_int(&v.minor, "21") == Ordering::Less {
                v.patch = "0".to_owned();
            }
            return Some(v);
        }
        if let Some(rest) = rest.strip_prefix('.') {
            let (patch, rest) = cut_int(rest)?;
            if !rest.is_empty() {
                return None;
            }
            v.patch = patch.to_owned();
            return Some(v);
        }
        let letters = rest.bytes().take_while(u8::is_ascii_lowercase).count();
        if letters == 0 {
            return None;
        }
        v.kind = rest[..letters].to_owned();
        let rest = &rest[letters..];
        if rest.is_empty() {
            return Some(v);
        }
        let (pre, rest) = cut_int(rest)?;
        if !rest.is_empty() {
            return None;
        }
        v.pre = pre.to_owned();
        Some(v)
    }

    /// The language version (`1.21` for `1.21.3` or `1.21rc1`), as `gover.Lang`.
    pub fn lang(&self) -> String {
        if self.minor.is_empty() || (self.major == "1" && self.minor == "0") {
            self.major.clone()
        } else {
            format!("{}.{}", self.major, self.minor)
        }
    }
}

impl Ord for GoVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        cmp_int(&self.major, &other.major)
            .then_with(|| cmp_int(&self.minor, &other.minor))
            .then_with(|| cmp_int(&self.patch, &other.patch))
            // "" < "alpha" < "beta" < "rc", which is plain string order.
            .then_with(|| self.kind.cmp(&other.kind))
            .then_with(|| cmp_int(&self.pre, &other.pre))
    }
}

impl PartialOrd for GoVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Compares two version strings as `gover.Compare` does: an invalid version sorts before
/// every valid one.
pub fn compare(x: &str, y: &str) -> Ordering {
    GoVersion::parse(x)
        .unwrap_or_default()
        .cmp(&GoVersion::parse(y).unwrap_or_default())
}

/// The version implemented by a toolchain named like `GOVERSION` (`go1.26.8`, `go1.26rc1`,
/// `go1.26.0-custom X:exp`), as `gover.FromToolchain`: `None` for development builds and
/// anything else that names no release.
pub fn from_toolchain(name: &str) -> Option<String> {
    if name.contains(['/', '\\']) {
        return None;
    }
    let v = name.strip_prefix("go")?;
    let v = match v.find([' ', '\t', '-']) {
        Some(i) => &v[..i],
        None => v,
    };
    GoVersion::parse(v).map(|_| v.to_owned())
}

/// The language version `go build` passes to the compiler as `-lang=go1.N`, for a package
/// whose module has the given `go` line (`module_go`, `Some("")` when go.mod has no `go`
/// line) built by the toolchain implementing `local` (e.g. `1.26.8`).
///
/// Mirrors `cmd/go/internal/work/gc.go`: packages outside any module (the standard
/// library, GOPATH mode) use the toolchain's own version; a module's `go` line newer than
/// the toolchain is ignored (the go command refuses such modules anyway).
pub fn lang_flag(module_go: Option<&str>, local: &str) -> String {
    let mut vers = local;
    if let Some(v) = module_go {
        let v = if v.is_empty() {
            DEFAULT_GO_MOD_VERSION
        } else {
            v
        };
        if compare(local, v) != Ordering::Less {
            vers = v;
        }
    }
    let lang = GoVersion::parse(vers).map(|v| v.lang()).unwrap_or_default();
    format!("go{lang}")
}

fn cut_int(x: &str) -> Option<(&str, &str)> {
    let n = x.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || (x.starts_with('0') && n != 1) {
        return None;
    }
    Some((&x[..n], &x[n..]))
}

fn cmp_int(x: &str, y: &str) -> Ordering {
    x.len().cmp(&y.len()).then_with(|| x.cmp(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_gover() {
        let v = GoVersion::parse("1.21rc2").unwrap();
        assert_eq!((v.major.as_str(), v.minor.as_str()), ("1", "21"));
        assert_eq!(
            (v.patch.as_str(), v.kind.as_str(), v.pre.as_str()),
            ("", "rc", "2")
        );
        assert_eq!(GoVersion::parse("1.20").unwrap().patch, "0");
        assert_eq!(GoVersion::parse("1.21").unwrap().patch, "");
        for bad in [
            "",
            "go1.21",
            "1.",
            "1.021",
            "1.21.",
            "1.21.3rc1",
            "1.21RC1",
            "1.21rc1x",
        ] {
            assert_eq!(GoVersion::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn compares_like_gover() {
        let ordered = [
            "1",
            "1.2",
            "1.9",
            "1.10",
            "1.20",
            "1.21",
            "1.21alpha1",
            "1.21beta1",
            "1.21rc1",
            "1.21rc2",
            "1.21.0",
            "1.21.1",
            "1.21.10",
            "1.100",
        ];
        for w in ordered.windows(2) {
            assert_eq!(compare(w[0], w[1]), Ordering::Less, "{} < {}", w[0], w[1]);
        }
        assert_eq!(compare("1.20", "1.20.0"), Ordering::Equal);
        assert_eq!(compare("bad", "1"), Ordering::Less);
    }

    #[test]
    fn lang_and_toolchain() {
        assert_eq!(GoVersion::parse("1.21.3").unwrap().lang(), "1.21");
        assert_eq!(GoVersion::parse("1.0").unwrap().lang(), "1");
        assert_eq!(from_toolchain("go1.26.8").as_deref(), Some("1.26.8"));
        assert_eq!(from_toolchain("go1.26rc1").as_deref(), Some("1.26rc1"));
        assert_eq!(
            from_toolchain("go1.26.0-bigcorp X:nocoverageredesign").as_deref(),
            Some("1.26.0")
        );
        assert_eq!(from_toolchain("devel go1.27-abcdef"), None);
        assert_eq!(from_toolchain("1.26.8"), None);
    }

    #[test]
    fn lang_flag_follows_gc_go() {
        assert_eq!(lang_flag(None, "1.26.8"), "go1.26");
        assert_eq!(lang_flag(Some("1.22"), "1.26.8"), "go1.22");
        assert_eq!(lang_flag(Some("1.22.5"), "1.26.8"), "go1.22");
        assert_eq!(lang_flag(Some(""), "1.26.8"), "go1.16");
        assert_eq!(lang_flag(Some("1.27"), "1.26.8"), "go1.26");
    }
}
