//! `// ERROR "regexp"` annotations, checked as the Go compiler's own errorcheck tests
//! check them (`$GOROOT/src/cmd/internal/testdir`, `errorCheck` and `wantedErrors`).
//!
//! A fixture starts with `// errorcheck FLAGS` (the compiler tests' header; `-0`, which
//! there means "compile with optimisation", is not a compiler flag and is dropped). A line
//! of source may end in `// ERROR "re1" "re2" ...`; each quoted regexp (RE2 syntax, no `"`
//! inside, `LINE`, `LINE+N`, `LINE-N` replaced by `file.go:N`) must match the text of at
//! least one message gc prints at that line, and every message at an annotated or
//! unannotated line of the file must be matched by some regexp of its line. A regexp
//! matches anywhere in the text after `file:line:col: ` (anchor it with `^`/`$`), and it
//! consumes every message of its line it matches. Each line of a `-m=2` explanation is a
//! message of its own at the header's position. Messages in other files (instances of
//! imported generic functions) and messages without a position are not checked; a line
//! containing `////` is not annotated.

use std::path::{Path, PathBuf};

use regex_lite::Regex;

use crate::gc::parse::{Pos, Section};

/// One expected message: a regexp at a line.
#[derive(Debug, Clone)]
pub struct Annotation {
    pub line: u32,
    /// The regexp as written (after `LINE` substitution).
    pub pattern: String,
    regex: Regex,
}

/// A fixture file and what it expects.
#[derive(Debug, Clone)]
pub struct Fixture {
    /// The file (absolute, as messages name it once canonical).
    pub file: PathBuf,
    /// The compiler flags of its `// errorcheck` header, `-0` dropped (`-m -l`).
    pub flags: String,
    pub annotations: Vec<Annotation>,
}

/// One message at a line of the fixture file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineMessage {
    pub line: u32,
    pub text: String,
}

/// Reads the fixture at `file` (absolute).
pub fn read_fixture(file: &Path) -> Result<Fixture, String> {
    let src =
        std::fs::read_to_string(file).map_err(|e| format!("reading {}: {e}", file.display()))?;
    parse_fixture(file, &src)
}

/// Parses a fixture's header and annotations.
pub fn parse_fixture(file: &Path, src: &str) -> Result<Fixture, String> {
    let name = file.display();
    let short = file
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let first = src.lines().next().unwrap_or("");
    let Some(args) = first.strip_prefix("// errorcheck") else {
        return Err(format!(
            "{name}:1: a fixture starts with `// errorcheck FLAGS` (like `// errorcheck -0 -m -l`)"
        ));
    };
    let flags: Vec<&str> = args.split_whitespace().filter(|a| *a != "-0").collect();
    if !flags.iter().any(|f| f.starts_with("-m")) {
        return Err(format!("{name}:1: the errorcheck flags have no -m"));
    }
    let mut annotations = Vec::new();
    for (i, text) in src.lines().enumerate() {
        let line = u32::try_from(i + 1).map_err(|_| format!("{name}: too many lines"))?;
        if text.contains("////") {
            continue;
        }
        let Some(at) = text.find("// ERROR ").or_else(|| text.find("// GC_ERROR ")) else {
            continue;
        };
        let rest = &text[at..];
        let rest = &rest[rest.find("ERROR ").map_or(0, |i| i + "ERROR ".len())..];
        let patterns = quoted(rest);
        if patterns.is_empty() {
            return Err(format!(
                "{name}:{line}: an ERROR comment without a quoted regexp"
            ));
        }
        for p in patterns {
            let pattern = substitute_line(p, &short, line);
            let regex = Regex::new(&rust_syntax(&pattern))
                .map_err(|e| format!("{name}:{line}: invalid regexp {pattern:?}: {e}"))?;
            annotations.push(Annotation {
                line,
                pattern,
                regex,
            });
        }
    }
    Ok(Fixture {
        file: file.to_path_buf(),
        flags: flags.join(" "),
        annotations,
    })
}

/// The `"..."` strings of an annotation (errorcheck's `"([^"]*)"`: no escapes).
fn quoted(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('"') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('"') else { break };
        out.push(&after[..close]);
        rest = &after[close + 1..];
    }
    out
}

/// A Go (RE2) regexp in the syntax of `regex_lite`. The one difference that matters for
/// annotations: Go takes a `{` or `}` that is not part of a repetition `{n}`, `{n,}`,
/// `{n,m}` literally (`&T{...} escapes`), `regex_lite` rejects it; such braces are escaped.
fn rust_syntax(pattern: &str) -> String {
    let bytes = pattern.as_bytes();
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut i = 0;
    let mut in_class = false;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'\\' => {
                let end = (i + 2).min(bytes.len());
                out.push_str(&pattern[i..end]);
                i = end;
                continue;
            }
            b'[' if !in_class => in_class = true,
            b']' if in_class => in_class = false,
            b'{' if !in_class => {
                if let Some(len) = repetition_len(&bytes[i..]) {
                    out.push_str(&pattern[i..i + len]);
                    i += len;
                    continue;
                }
                out.push_str("\\{");
                i += 1;
                continue;
            }
            b'}' if !in_class => {
                out.push_str("\\}");
                i += 1;
                continue;
            }
            _ => {}
        }
        let ch_len = pattern[i..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&pattern[i..i + ch_len]);
        i += ch_len;
    }
    out
}

/// The length of `{n}`, `{n,}` or `{n,m}` at the start of `s`, if it is one.
fn repetition_len(s: &[u8]) -> Option<usize> {
    let digits = |from: usize| s[from..].iter().take_while(|b| b.is_ascii_digit()).count();
    let n = digits(1);
    if n == 0 {
        return None;
    }
    let mut i = 1 + n;
    if s.get(i) == Some(&b',') {
        i += 1;
        i += digits(i);
    }
    (s.get(i) == Some(&b'}')).then_some(i + 1)
}

/// `LINE`, `LINE+N` and `LINE-N` as `short:N`, as errorcheck's `lineRx` does.
fn substitute_line(pattern: &str, short: &str, line: u32) -> String {
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(i) = rest.find("LINE") {
        out.push_str(&rest[..i]);
        rest = &rest[i + 4..];
        let sign = rest.chars().next().filter(|c| *c == '+' || *c == '-');
        let digits: String = match sign {
            Some(_) => rest[1..].chars().take_while(char::is_ascii_digit).collect(),
            None => String::new(),
        };
        let mut n = i64::from(line);
        if let (Some(sign), Ok(delta)) = (sign, digits.parse::<i64>()) {
            n = if sign == '+' { n + delta } else { n - delta };
            rest = &rest[1 + digits.len()..];
        }
        out.push_str(&format!("{short}:{n}"));
    }
    out.push_str(rest);
    out
}

/// The messages of `section` in `file` (absolute), details as messages of their own.
pub fn messages_in_file(section: Option<&Section>, file: &Path) -> Vec<LineMessage> {
    let file = file.to_string_lossy();
    let mut out = Vec::new();
    for m in section.map_or(&[][..], |s| &s.messages[..]) {
        let Pos::At {
            file: f, line: l, ..
        } = &m.pos
        else {
            continue;
        };
        if *f != file {
            continue;
        }
        for text in std::iter::once(&m.text).chain(&m.details) {
            out.push(LineMessage {
                line: *l,
                text: text.clone(),
            });
        }
    }
    out
}

/// What errorcheck would report: every annotation without a matching message, and every
/// message no annotation of its line matches. Empty when the fixture holds.
pub fn check(fixture: &Fixture, messages: &[LineMessage]) -> Vec<String> {
    let name = fixture.file.display();
    let mut pool: Vec<Option<&LineMessage>> = messages.iter().map(Some).collect();
    let mut problems = Vec::new();
    for a in &fixture.annotations {
        let on_line: Vec<usize> = pool
            .iter()
            .enumerate()
            .filter(|(_, m)| m.is_some_and(|m| m.line == a.line))
            .map(|(i, _)| i)
            .collect();
        if on_line.is_empty() {
            problems.push(format!(
                "{name}:{}: missing message matching {:?}",
                a.line, a.pattern
            ));
            continue;
        }
        let mut matched = false;
        for &i in &on_line {
            if pool[i].is_some_and(|m| a.regex.is_match(&m.text)) {
                pool[i] = None;
                matched = true;
            }
        }
        if !matched {
            let texts: Vec<String> = on_line
                .iter()
                .filter_map(|&i| pool[i].map(|m| format!("{:?}", m.text)))
                .collect();
            problems.push(format!(
                "{name}:{}: no message matches {:?}; the line has {}",
                a.line,
                a.pattern,
                texts.join(", ")
            ));
        }
    }
    for m in pool.into_iter().flatten() {
        problems.push(format!(
            "{name}:{}: unexpected message {:?}",
            m.line, m.text
        ));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(line: u32, text: &str) -> LineMessage {
        LineMessage {
            line,
            text: text.to_string(),
        }
    }

    #[test]
    fn errorcheck_semantics() {
        let src = "// errorcheck -0 -m -l\n\
                   package p\n\
                   func f(x int) *int { // ERROR \"moved to heap: x$\"\n\
                   \treturn &x\n\
                   }\n\
                   func g(p, q *int) { // ERROR \"p does not escape\" \"q does not escape\"\n\
                   }\n\
                   func h() {} // ERROR \"never\"\n\
                   var s = \"// ERROR\" //// ERROR \"disabled\"\n";
        let fx = parse_fixture(Path::new("/d/p.go"), src).unwrap();
        assert_eq!(fx.flags, "-m -l");
        assert_eq!(fx.annotations.len(), 4);
        let problems = check(
            &fx,
            &[
                msg(3, "moved to heap: x"),
                msg(6, "p does not escape"),
                msg(6, "q does not escape"),
                msg(4, "&x escapes to heap"),
            ],
        );
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains(":8: missing message matching \"never\""));
        assert!(problems[1].contains(":4: unexpected message \"&x escapes to heap\""));
        // One regexp consumes every message of its line it matches.
        let fx = parse_fixture(
            Path::new("/d/p.go"),
            "// errorcheck -m=2\nfunc f() {} // ERROR \"escape\"\n",
        )
        .unwrap();
        assert!(check(&fx, &[msg(2, "a does not escape"), msg(2, "b escapes")]).is_empty());
        assert!(check(&fx, &[msg(2, "moved")])[0].contains("no message matches"));
    }

    #[test]
    fn headers_and_line_substitution() {
        assert!(parse_fixture(Path::new("x.go"), "package p\n").is_err());
        assert!(parse_fixture(Path::new("x.go"), "// errorcheck -l\n").is_err());
        assert!(parse_fixture(Path::new("x.go"), "// errorcheck -m\nx // ERROR \"(\"\n").is_err());
        assert_eq!(
            substitute_line("at LINE+2 and LINE", "x.go", 10),
            "at x.go:12 and x.go:10"
        );
        assert_eq!(substitute_line("LINE-1:", "x.go", 10), "x.go:9:");
        assert_eq!(quoted(r#""a" "b\" x"#), ["a", "b\\"]);
        assert_eq!(
            rust_syntax(r"&T{...} a{2} b{1,} c{1,3} [{}] \{"),
            r"&T\{...\} a{2} b{1,} c{1,3} [{}] \{"
        );
        assert_eq!(rust_syntax("x{"), r"x\{");
        assert!(Regex::new(&rust_syntax(r"map\[string\]int{} does not")).is_ok());
    }
}
