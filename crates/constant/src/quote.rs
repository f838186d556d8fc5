//! Go's `strconv.Quote`: a double-quoted Go string literal for arbitrary bytes.
//!
//! Printable runes (by Go's `strconv.IsPrint`, whose table is generated from Go) appear
//! as themselves; other runes as `\a`-style, `\x`, `\u` or `\U` escapes; bytes that are
//! not valid UTF-8 as `\x` escapes.

use crate::isprint::PRINTABLE;
use crate::literal::decode_rune;

/// Whether Go's `strconv.IsPrint` accepts the rune.
pub(crate) fn is_print(r: u32) -> bool {
    // The ranges are sorted and disjoint: find the last one starting at or before r.
    let i = PRINTABLE.partition_point(|&(lo, _)| lo <= r);
    i > 0 && r <= PRINTABLE[i - 1].1
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn push_hex(out: &mut String, prefix: &str, value: u32, digits: u32) {
    out.push_str(prefix);
    for i in (0..digits).rev() {
        out.push(char::from(HEX[((value >> (4 * i)) & 0xf) as usize]));
    }
}

/// The Go-quoted form of `s`.
pub(crate) fn quote(s: &[u8]) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut rest = s;
    while let Some(&first) = rest.first() {
        let (r, width) = if first < 0x80 {
            (u32::from(first), 1)
        } else {
            decode_rune(rest)
        };
        rest = &rest[width.max(1)..];
        if width == 1 && r == 0xFFFD {
            // An invalid byte (a genuine U+FFFD is three bytes long).
            push_hex(&mut out, "\\x", u32::from(first), 2);
            continue;
        }
        escape_rune(&mut out, r);
    }
    out.push('"');
    out
}

fn escape_rune(out: &mut String, r: u32) {
    if r == u32::from(b'"') || r == u32::from(b'\\') {
        out.push('\\');
        out.push(char::from(r as u8));
        return;
    }
    if is_print(r) {
        if let Some(c) = char::from_u32(r) {
            out.push(c);
            return;
        }
    }
    match r {
        0x07 => out.push_str("\\a"),
        0x08 => out.push_str("\\b"),
        0x0c => out.push_str("\\f"),
        0x0a => out.push_str("\\n"),
        0x0d => out.push_str("\\r"),
        0x09 => out.push_str("\\t"),
        0x0b => out.push_str("\\v"),
        _ if r < 0x20 || r == 0x7f => push_hex(out, "\\x", r, 2),
        _ if r < 0x10000 => push_hex(out, "\\u", r, 4),
        _ => push_hex(out, "\\U", r, 8),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_like_go() {
        assert_eq!(quote(b"a\"b\\c\n"), r#""a\"b\\c\n""#);
        assert_eq!(quote(b"\xff\x00\x7f"), r#""\xff\x00\x7f""#);
        assert_eq!(
            quote("é\u{200b}\u{e0001}".as_bytes()),
            "\"é\\u200b\\U000e0001\""
        );
        assert_eq!(quote(b"\xed\xa0\x80"), r#""\xed\xa0\x80""#);
    }
}
