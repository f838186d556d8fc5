//! The Go version each file is checked with (go/types' `FileVersions`): the package's,
//! unless the file's `//go:build` line requires a Go release, in which case that release
//! (but at least go1.21, the first release that honours such lines this way).

use goescape_syntax::ast::File;

/// A language version `goM.N` as (M, N).
type Version = (u32, u32);

fn parse_version(text: &str) -> Option<Version> {
    let rest = text.strip_prefix("go")?;
    let mut parts = rest.split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next().map_or(Some(0), |m| m.parse().ok())?;
    Some((major, minor))
}

/// The minimum Go version a `//go:build` expression implies (go/build/constraint's
/// `GoVersion`): `go1.N` tags, the larger under `&&`, the smaller under `||` (none if one
/// side has none), none under `!`.
fn minimum_version(expr: &str) -> Option<Version> {
    let tokens = tokenize(expr);
    let mut parser = ConstraintParser { tokens, at: 0 };
    parser.or()
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Tag(String),
    Not,
    And,
    Or,
    Open,
    Close,
}

fn tokenize(expr: &str) -> Vec<Tok> {
    let mut tokens = Vec::new();
    let mut chars = expr.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            ' ' | '\t' => {
                chars.next();
            }
            '!' => {
                chars.next();
                tokens.push(Tok::Not);
            }
            '(' => {
                chars.next();
                tokens.push(Tok::Open);
            }
            ')' => {
                chars.next();
                tokens.push(Tok::Close);
            }
            '&' | '|' => {
                chars.next();
                chars.next();
                tokens.push(if c == '&' { Tok::And } else { Tok::Or });
            }
            _ => {
                let mut tag = String::new();
                while let Some(&c) = chars.peek() {
                    if c.is_alphanumeric() || c == '_' || c == '.' {
                        tag.push(c);
                        chars.next();
                    } else {
                        break;
                    }
                }
                if tag.is_empty() {
                    chars.next();
                } else {
                    tokens.push(Tok::Tag(tag));
                }
            }
        }
    }
    tokens
}

/// A recursive-descent reading of `||` over `&&` over `!` and atoms. Build lines are one
/// line long, so the recursion is shallow; a malformed line gives no version.
struct ConstraintParser {
    tokens: Vec<Tok>,
    at: usize,
}

impl ConstraintParser {
    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.at)
    }

    fn or(&mut self) -> Option<Version> {
        let mut version = self.and();
        while self.peek() == Some(&Tok::Or) {
            self.at += 1;
            let other = self.and();
            version = match (version, other) {
                (Some(a), Some(b)) => Some(a.min(b)),
                _ => None,
            };
        }
        version
    }

    fn and(&mut self) -> Option<Version> {
        let mut version = self.not();
        while self.peek() == Some(&Tok::And) {
            self.at += 1;
            let other = self.not();
            version = match (version, other) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
        }
        version
    }

    fn not(&mut self) -> Option<Version> {
        if self.peek() == Some(&Tok::Not) {
            self.at += 1;
            self.not();
            return None;
        }
        self.atom()
    }

    fn atom(&mut self) -> Option<Version> {
        match self.tokens.get(self.at).cloned() {
            Some(Tok::Open) => {
                self.at += 1;
                let version = if self.tokens.len() > 64 {
                    None
                } else {
                    self.or()
                };
                if self.peek() == Some(&Tok::Close) {
                    self.at += 1;
                }
                version
            }
            Some(Tok::Tag(tag)) => {
                self.at += 1;
                parse_version(&tag).filter(|&(major, _)| major == 1)
            }
            _ => {
                self.at += 1;
                None
            }
        }
    }
}

/// The version a file is checked with, given the package's (`go1.22`).
pub(super) fn file_version(file: &File, package_version: &str) -> String {
    let required = file.build_constraints.iter().find_map(|&span| {
        let text = file.text(span);
        let expr = text.strip_prefix("//go:build")?;
        minimum_version(expr)
    });
    match required {
        Some(version) => {
            let (major, minor) = version.max((1, 21));
            format!("go{major}.{minor}")
        }
        None => package_version.to_owned(),
    }
}

impl super::Checker<'_> {
    /// Whether `file`'s Go version allows a feature of `go1.minor` (go/types'
    /// `allowVersion`); a file without a valid version allows everything.
    pub(super) fn allow_version(&self, file: usize, minor: u32) -> bool {
        match self.file_langs.get(file).copied().flatten() {
            Some(version) => version >= (1, minor),
            None => true,
        }
    }

    /// Notes the version `file` is checked with (see [`file_version`]), parsed once.
    pub(super) fn set_file_version(&mut self, file: usize, version: String) {
        if self.file_langs.len() <= file {
            self.file_langs.resize(file + 1, None);
        }
        self.file_langs[file] = parse_version(&version);
        self.info.files[file].go_version = Some(version);
    }

    /// Reports the numeric literal forms Go 1.13 introduced (`1_000`, `0b1`, `0o7`,
    /// `0x1p-2`) in files of earlier versions, as go/types' `langCompat`.
    pub(super) fn numeric_literal_version(
        &mut self,
        env: super::Env,
        span: goescape_syntax::Span,
        kind: goescape_syntax::ast::LitKind,
    ) {
        let text = self.file(env).bytes(span);
        if text.len() <= 2 || self.allow_version(env.file, 13) {
            return;
        }
        let what = if text.contains(&b'_') {
            "underscore in numeric literal"
        } else if text[0] != b'0' {
            return;
        } else {
            match text[1] {
                b'b' | b'B' => "binary literal",
                b'o' | b'O' => "0o/0O-style octal literal",
                b'x' | b'X' if kind != goescape_syntax::ast::LitKind::Int => {
                    "hexadecimal floating-point literal"
                }
                _ => return,
            }
        };
        self.verify_version(env.file, span.pos(), 13, || what.to_owned());
    }

    /// Reports `WHAT requires go1.minor or later` at `pos` unless `file`'s version allows
    /// the feature (go/types' `verifyVersionf`); whether it does.
    pub(super) fn verify_version(
        &mut self,
        file: usize,
        pos: goescape_syntax::Pos,
        minor: u32,
        what: impl FnOnce() -> String,
    ) -> bool {
        if self.allow_version(file, minor) {
            return true;
        }
        let msg = format!("{} requires go1.{minor} or later", what());
        self.error(file, pos, msg);
        false
    }
}

#[cfg(test)]
mod tests {
    use super::minimum_version;

    #[test]
    fn build_lines_imply_go_go_build_constraint_versions() {
        // go/build/constraint's GoVersion on the same expressions.
        assert_eq!(minimum_version(" go1.22"), Some((1, 22)));
        assert_eq!(minimum_version(" linux && go1.21"), Some((1, 21)));
        assert_eq!(minimum_version(" go1.20 || go1.22"), Some((1, 20)));
        assert_eq!(minimum_version(" go1.20 || linux"), None);
        assert_eq!(minimum_version(" !go1.22"), None);
        assert_eq!(
            minimum_version(" (go1.18 && linux) || (go1.19 && darwin)"),
            Some((1, 18))
        );
        assert_eq!(minimum_version(" ignore"), None);
    }
}
