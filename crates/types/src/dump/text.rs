//! The text conventions of the dump (docs/types-dump.md, *Values*): quoted strings, atoms,
//! go/token positions and spans, and error messages made safe for one line. Each function
//! is the counterpart of a helper of `tools/gotypes/dump.go` with the same rule.

use std::fmt::Write as _;

use goescape_syntax::{LineTable, Pos, Position};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// `"..."`: bytes 0x20..0x7e other than `"` and `\` as themselves, every other byte as
/// `\xHH` (lower-case hex). `appendQuoted`.
pub fn push_quoted(out: &mut String, bytes: &[u8]) {
    out.push('"');
    for &b in bytes {
        if (0x20..=0x7e).contains(&b) && b != b'"' && b != b'\\' {
            out.push(char::from(b));
        } else {
            push_hex_escape(out, b);
        }
    }
    out.push('"');
}

fn push_hex_escape(out: &mut String, b: u8) {
    out.push_str("\\x");
    out.push(char::from(HEX[usize::from(b >> 4)]));
    out.push(char::from(HEX[usize::from(b & 0xf)]));
}

/// Whether an atom is printed bare: not empty, not `-`, and only ASCII letters, digits and
/// `_ . / + -`. `isBare`.
fn is_bare(s: &str) -> bool {
    !s.is_empty()
        && s != "-"
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'/' | b'+' | b'-'))
}

/// A name, package path or file name: bare if it can be, quoted otherwise. `appendAtom`.
pub fn push_atom(out: &mut String, s: &str) {
    if is_bare(s) {
        out.push_str(s);
    } else {
        push_quoted(out, s.as_bytes());
    }
}

/// [`push_atom`], with `-` for the empty string. `appendAtomOrDash`.
pub fn push_atom_or_dash(out: &mut String, s: &str) {
    if s.is_empty() {
        out.push('-');
    } else {
        push_atom(out, s);
    }
}

/// A message on one line: control bytes (and DEL) become `\xHH`. `oneLine`.
pub fn one_line(msg: &str) -> String {
    let mut out = String::with_capacity(msg.len());
    for c in msg.chars() {
        if c < ' ' || c == '\x7f' {
            // Lossless: both are ASCII.
            push_hex_escape(&mut out, c as u8);
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `b` ends a run of the path pattern (RE2's `\s`, and `( ) : "`).
fn ends_path(b: u8) -> bool {
    matches!(
        b,
        b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'(' | b')' | b':' | b'"'
    )
}

/// The message with the directories of quoted file positions removed: every match of
/// `[^\s():"]*/([^\s/():"]+\.go:[0-9])` becomes its group (`errorMessage`), so that
/// `/abs/dir/a.go:9:13` reads `a.go:9:13`.
///
/// A match can only end where its run of path bytes ends (the `:` after `.go` ends the
/// run), so scanning run by run finds the same leftmost, non-overlapping matches as the
/// regular expression.
pub fn error_message(msg: &str) -> String {
    if !msg.contains(".go:") {
        return msg.to_owned();
    }
    let b = msg.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let mut j = i;
        while j < b.len() && !ends_path(b[j]) {
            j += 1;
        }
        if j == i {
            out.push(b[i]);
            i += 1;
            continue;
        }
        let run = &b[i..j];
        let digit_follows = b.get(j) == Some(&b':') && b.get(j + 1).is_some_and(u8::is_ascii_digit);
        let segment = run
            .iter()
            .rposition(|&c| c == b'/')
            .map(|slash| &run[slash + 1..]);
        match segment {
            Some(seg) if digit_follows && seg.len() > 3 && seg.ends_with(b".go") => {
                out.extend_from_slice(seg);
                out.extend_from_slice(&b[j..j + 2]);
                i = j + 2;
            }
            _ => {
                out.extend_from_slice(run);
                i = j;
            }
        }
    }
    // Only ASCII bytes were dropped, at character boundaries.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// INDEX and DIRECTNESS of a selection: `[1 0] indirect` (`appendIndex`, `appendIndirect`).
pub fn push_index(out: &mut String, index: &[u32], indirect: bool) {
    out.push('[');
    for (i, x) in index.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let _ = write!(out, "{x}");
    }
    out.push_str(if indirect { "] indirect" } else { "] direct" });
}

/// The base name of a file path (`filepath.Base` on Unix), as positions print it.
pub fn base_name(path: &str) -> &str {
    let trimmed = path.trim_end_matches('/');
    match trimmed.rfind('/') {
        Some(i) => &trimmed[i + 1..],
        None if trimmed.is_empty() && !path.is_empty() => "/",
        None if trimmed.is_empty() => ".",
        None => trimmed,
    }
}

/// The unadjusted line and column go/token gives an offset. It differs from
/// [`LineTable::position`] (which follows gc) only at the end of a file that ends in a
/// newline: go/token records no line starting there, so the end of the file is on the last
/// line, one column after its newline.
pub fn go_position(lines: &LineTable, pos: Pos) -> Position {
    let at = lines.position(pos);
    let len = lines.source_len();
    if at.line >= 2 && pos.0 >= len && lines.line_start(at.line) == Some(len) {
        if let Some(start) = lines.line_start(at.line - 1) {
            return Position {
                line: at.line - 1,
                col: len - start + 1,
            };
        }
    }
    at
}

/// A file's name and lines, enough to print positions in it.
#[derive(Clone, Copy)]
pub struct FileRef<'a> {
    /// The base name.
    pub name: &'a str,
    pub lines: &'a LineTable,
}

/// POS: `FILE:LINE:COL`, `-` for no position, `?` if the file is unknown. `appendPos`.
pub fn push_pos(out: &mut String, file: Option<FileRef<'_>>, pos: Pos) {
    if !pos.is_valid() {
        out.push('-');
        return;
    }
    let Some(file) = file else {
        out.push('?');
        return;
    };
    let at = go_position(file.lines, pos);
    push_atom(out, file.name);
    let _ = write!(out, ":{}:{}", at.line, at.col);
}

/// SPAN: `FILE:LINE:COL-LINE:COL`, the end in the start's file. `appendSpan`.
pub fn push_span(out: &mut String, file: Option<FileRef<'_>>, start: Pos, end: Pos) {
    push_pos(out, file, start);
    out.push('-');
    if !start.is_valid() || !end.is_valid() {
        out.push('-');
        return;
    }
    let Some(file) = file else {
        out.push('?');
        return;
    };
    let at = go_position(file.lines, end);
    let _ = write!(out, "{}:{}", at.line, at.col);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(s: &[u8]) -> String {
        let mut out = String::new();
        push_quoted(&mut out, s);
        out
    }

    fn atom(s: &str) -> String {
        let mut out = String::new();
        push_atom(&mut out, s);
        out
    }

    #[test]
    fn quoting_and_atoms() {
        assert_eq!(quoted(b"\"hi\"\\\n"), "\"\\x22hi\\x22\\x5c\\x0a\"");
        assert_eq!(quoted("π".as_bytes()), "\"\\xcf\\x80\"");
        assert_eq!(atom("example.com/m/p"), "example.com/m/p");
        assert_eq!(atom("x_test.go"), "x_test.go");
        assert_eq!(atom(""), "\"\"");
        assert_eq!(atom("-"), "\"-\"");
        assert_eq!(atom("π"), "\"\\xcf\\x80\"");
        assert_eq!(atom("a b"), "\"a b\"");
        let mut out = String::new();
        push_atom_or_dash(&mut out, "");
        push_atom_or_dash(&mut out, "go1.22");
        assert_eq!(out, "-go1.22");
    }

    #[test]
    fn messages() {
        assert_eq!(one_line("a\tb\x7fc\u{e9}"), "a\\x09b\\x7fc\u{e9}");
        assert_eq!(
            error_message("cannot infer U (declared at /abs/dir/a.go:9:13)"),
            "cannot infer U (declared at a.go:9:13)"
        );
        assert_eq!(
            error_message("x at /a/b.go:1:2 and c/d.go:3 and /e/.go:4 and f.go:5"),
            "x at b.go:1:2 and d.go:3 and /e/.go:4 and f.go:5"
        );
        assert_eq!(error_message("/a/b.go:x /a/b.go:7"), "/a/b.go:x b.go:7");
        assert_eq!(error_message("no path here"), "no path here");
        // Right after a match, a new run starts.
        assert_eq!(error_message("a/b.go:1/c.go:2"), "b.go:1c.go:2");
    }

    #[test]
    fn base_names() {
        assert_eq!(base_name("/usr/lib/go/src/fmt/print.go"), "print.go");
        assert_eq!(base_name("print.go"), "print.go");
        assert_eq!(base_name("dir/"), "dir");
    }

    #[test]
    fn end_of_file_is_on_the_last_line() {
        let lines = LineTable::from_source(b"package p\n\nvar x int\n");
        let file = FileRef {
            name: "p.go",
            lines: &lines,
        };
        let mut out = String::new();
        push_span(&mut out, Some(file), Pos(0), Pos(21));
        assert_eq!(out, "p.go:1:1-3:11");
        let lines = LineTable::from_source(b"package p");
        let file = FileRef {
            name: "p.go",
            lines: &lines,
        };
        out.clear();
        push_span(&mut out, Some(file), Pos(8), Pos(9));
        assert_eq!(out, "p.go:1:9-1:10");
        out.clear();
        push_span(&mut out, Some(file), Pos::NONE, Pos::NONE);
        push_pos(&mut out, None, Pos(1));
        assert_eq!(out, "---?");
    }
}
