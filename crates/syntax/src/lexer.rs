//! The Go scanner: source bytes in, tokens with byte spans out.
//!
//! [`Lexer`] behaves like go/scanner in `ScanComments` mode, as go/parser drives it: the same
//! tokens, the same automatic semicolons, the same error messages at the same offsets, and
//! the same recovery after an error. It works directly on bytes, decodes UTF-8 only where a
//! non-ASCII byte appears, and allocates nothing per token (only per error and per line
//! directive).
//!
//! # Semicolons and comments
//!
//! After an identifier, a literal, one of the keywords `break continue fallthrough return`,
//! or one of `++ -- ) ] }`, the next newline or the end of the file produces an implicit
//! [`Token::Semicolon`] (`implicit == true`, empty span at the newline or at the end).
//! Comments do not disturb this: a comment after such a token is returned first and the
//! semicolon follows at the newline, except that a `/*...*/` comment containing a newline is
//! itself followed by the implicit semicolon, positioned at the first newline inside it
//! (current go/scanner; old versions returned the semicolon before the comment).
//!
//! Spans are exact source extents. Where go/scanner's literal text differs from the source,
//! [`strip_cr`] gives its text: it removes `'\r'` from comments and raw strings (and a `//`
//! comment's span already stops before a `'\r'` ending its line, as go/scanner's text does).
//!
//! # Errors
//!
//! Errors are collected in the order go/scanner reports them, including its one-character
//! lookahead: a bad character (NUL, invalid UTF-8, misplaced byte order mark) is reported as
//! soon as the scanner steps onto it, which may be while the previous token is being
//! finished. Messages and offsets are go/scanner's. Invalid UTF-8 decodes as U+FFFD with a
//! width of one byte, as Go's `utf8.DecodeRune` does. Byte strings quoted in messages (the
//! text of a bad line directive) are converted to UTF-8 lossily.
//!
//! # Line directives
//!
//! `//line` comments at the start of a line and `/*line*/` comments anywhere are validated
//! with go/scanner's messages and recorded for the [`LineTable`] returned by
//! [`Lexer::finish`], which applies them as gc does (see [`crate::line_table`]).
//!
//! # Deliberate differences from go/scanner
//!
//! * A directive's filename is kept as written; go/scanner cleans it and joins a relative
//!   one with the file's directory (gc does neither).
//! * A directive line or column in `[2^63, 2^64)` is an error ("invalid line number" /
//!   "invalid column number"), as in gc; go/scanner converts it to a negative `int` and
//!   accepts it.
//! * Invalid UTF-8 quoted in an error message becomes U+FFFD (messages are `String`s).
//! * For a file starting with a UTF-16 byte order mark, the single `Token::Illegal`
//!   go/scanner returns spans the whole file (it swallows all of it).
//!
//! # Limits
//!
//! Offsets are `u32` and [`Pos::NONE`] is `u32::MAX`, so at most [`MAX_SOURCE_LEN`] bytes are
//! scanned: the lexer (and [`LineTable::from_source`]) treat a longer source as if it ended
//! there. Callers are expected to reject such files first.

use std::borrow::Cow;

use crate::line_table::LineTable;
use crate::pos::{Pos, Span};
use crate::token::Token;
use crate::SyntaxError;

/// The largest source the lexer and line table handle (4 GiB - 2 bytes): every offset up to
/// and including the end-of-file offset is then a valid [`Pos`], distinct from [`Pos::NONE`].
pub const MAX_SOURCE_LEN: usize = u32::MAX as usize - 1;

/// One token: its kind, the exact source bytes it covers, and whether it is a semicolon the
/// scanner inserted (then the span is empty).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lexed {
    pub tok: Token,
    pub span: Span,
    pub implicit: bool,
}

/// A line directive found while scanning, waiting for [`Lexer::finish`].
#[derive(Debug)]
struct RawDirective {
    comment: Span,
    block: bool,
    file: Option<String>,
    line: u32,
    col: u32,
}

/// The scanner state for one source file. See the module documentation.
pub struct Lexer<'a> {
    src: &'a [u8],
    /// Offset of the current character. Invariant: any error that character causes by its
    /// mere presence (NUL, bad UTF-8, BOM) has already been reported.
    pos: usize,
    /// An implicit semicolon is due at the next newline or at the end of the file.
    insert_semi: bool,
    /// An implicit semicolon owed after a multi-line `/*...*/` comment, at this offset.
    pending_semi: Option<u32>,
    /// `pending_semi` or `utf16` may be set: `next` must look at them first.
    special: bool,
    /// The source starts with a UTF-16 byte order mark: the whole file is one bad character.
    utf16: bool,
    errors: Vec<SyntaxError>,
    directives: Vec<RawDirective>,
    /// Offset of the start of every line scanned so far: 0, then the offset after each
    /// newline the lexer has consumed. Recorded while scanning, so that no second pass
    /// over the source is needed for the line table.
    line_starts: Vec<u32>,
}

impl std::fmt::Debug for Lexer<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexer")
            .field("pos", &self.pos)
            .field("len", &self.src.len())
            .field("insert_semi", &self.insert_semi)
            .field("pending_semi", &self.pending_semi)
            .field("errors", &self.errors)
            .finish_non_exhaustive()
    }
}

const BOM: u32 = 0xFEFF;
const REPLACEMENT: u32 = 0xFFFD;
/// Largest line or column a line directive may name (gc's `PosMax`).
const MAX_LINE_COL: u64 = 1 << 30;

impl<'a> Lexer<'a> {
    /// A lexer positioned at the start of `src`, after a leading UTF-8 byte order mark if
    /// there is one. Errors about the first character are available at once.
    pub fn new(src: &'a [u8]) -> Lexer<'a> {
        let src = &src[..src.len().min(MAX_SOURCE_LEN)];
        let mut lx = Lexer {
            src,
            pos: 0,
            insert_semi: false,
            pending_semi: None,
            special: false,
            utf16: false,
            errors: Vec::new(),
            directives: Vec::new(),
            line_starts: {
                // Go source averages about 30 bytes a line.
                let mut lines = Vec::with_capacity(src.len() / 24 + 1);
                lines.push(0);
                lines
            },
        };
        if src.starts_with(&[0xFF, 0xFE]) || src.starts_with(&[0xFE, 0xFF]) {
            // A UTF-16 file: one error, and the rest is swallowed to avoid a cascade.
            lx.error(0, "illegal UTF-8 encoding (got UTF-16)");
            lx.utf16 = true;
            lx.special = true;
        } else if src.starts_with("\u{FEFF}".as_bytes()) {
            lx.land(3);
        } else {
            lx.land(0);
        }
        lx
    }

    /// The source being scanned (cut to [`MAX_SOURCE_LEN`]).
    pub fn source(&self) -> &'a [u8] {
        self.src
    }

    /// The next token, comments included (`Token::Comment`, whose span is the comment; for a
    /// `//` comment it stops before the newline and before a `'\r'` preceding it, exactly
    /// where go/scanner's comment text ends). At the end: `Token::Eof` with an empty span at
    /// the end of the source, forever.
    #[allow(clippy::should_implement_trait)] // not an Iterator: EOF repeats forever
    pub fn next(&mut self) -> Lexed {
        use Token::*;
        if self.special {
            if let Some(lexed) = self.next_special() {
                return lexed;
            }
        }
        self.skip_whitespace();
        let start = self.pos;
        let Some(&b) = self.src.get(start) else {
            if std::mem::take(&mut self.insert_semi) {
                return semi(start as u32);
            }
            return self.lexed(Eof, start);
        };
        // The byte after the first, or NUL (which continues no token) at the end.
        let b1 = self.byte_at(start + 1).unwrap_or(0);
        // The token, and whether a newline after it ends the statement.
        let (tok, insert_semi) = match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let tok = self.scan_identifier();
                let ends = matches!(tok, Ident | Break | Continue | Fallthrough | Return);
                (tok, ends)
            }
            b'0'..=b'9' => (self.scan_number(), true),
            b'\n' => {
                // Only reached when a semicolon is due: whitespace skipping stops here then.
                self.newline_at(start);
                self.step();
                self.insert_semi = false;
                return semi(start as u32);
            }
            b'"' => (self.scan_string(), true),
            b'\'' => (self.scan_rune(), true),
            b'`' => (self.scan_raw_string(), true),
            b'(' => self.op(LParen, 1, false),
            b')' => self.op(RParen, 1, true),
            b'[' => self.op(LBrack, 1, false),
            b']' => self.op(RBrack, 1, true),
            b'{' => self.op(LBrace, 1, false),
            b'}' => self.op(RBrace, 1, true),
            b',' => self.op(Comma, 1, false),
            b';' => self.op(Semicolon, 1, false),
            b'~' => self.op(Tilde, 1, false),
            b'.' => match b1 {
                b'0'..=b'9' => (self.scan_number(), true),
                b'.' if self.byte_at(start + 2) == Some(b'.') => self.op(Ellipsis, 3, false),
                _ => self.op(Period, 1, false),
            },
            b':' => self.op_assign(b1, Colon, Define),
            b'=' => self.op_assign(b1, Assign, Eql),
            b'!' => self.op_assign(b1, Not, Neq),
            b'*' => self.op_assign(b1, Mul, MulAssign),
            b'%' => self.op_assign(b1, Rem, RemAssign),
            b'^' => self.op_assign(b1, Xor, XorAssign),
            b'+' if b1 == b'+' => self.op(Inc, 2, true),
            b'+' => self.op_assign(b1, Add, AddAssign),
            b'-' if b1 == b'-' => self.op(Dec, 2, true),
            b'-' => self.op_assign(b1, Sub, SubAssign),
            b'|' if b1 == b'|' => self.op(LOr, 2, false),
            b'|' => self.op_assign(b1, Or, OrAssign),
            b'&' => match b1 {
                b'&' => self.op(LAnd, 2, false),
                b'^' if self.byte_at(start + 2) == Some(b'=') => self.op(AndNotAssign, 3, false),
                b'^' => self.op(AndNot, 2, false),
                _ => self.op_assign(b1, And, AndAssign),
            },
            b'<' => match b1 {
                b'-' => self.op(Arrow, 2, false),
                b'<' if self.byte_at(start + 2) == Some(b'=') => self.op(ShlAssign, 3, false),
                b'<' => self.op(Shl, 2, false),
                _ => self.op_assign(b1, Lss, Leq),
            },
            b'>' => match b1 {
                b'>' if self.byte_at(start + 2) == Some(b'=') => self.op(ShrAssign, 3, false),
                b'>' => self.op(Shr, 2, false),
                _ => self.op_assign(b1, Gtr, Geq),
            },
            b'/' => match b1 {
                b'/' | b'*' => return self.comment(),
                _ => self.op_assign(b1, Quo, QuoAssign),
            },
            0x80.. => {
                let (c, _) = decode(&self.src[start..]);
                if !is_unicode_letter(c) {
                    return self.illegal_char();
                }
                (self.scan_identifier(), true)
            }
            _ => return self.illegal_char(),
        };
        self.insert_semi = insert_semi;
        self.lexed(tok, start)
    }

    /// The errors found so far, in the order found; they are removed from the lexer.
    pub fn take_errors(&mut self) -> Vec<SyntaxError> {
        std::mem::take(&mut self.errors)
    }

    /// True if errors are waiting to be taken: lets a caller skip `take_errors` per token.
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The line table of the whole source (however far scanning got), with every valid line
    /// directive scanned so far.
    pub fn finish(mut self) -> LineTable {
        // Lines past the point where scanning stopped (after a parser bail-out, or in a
        // UTF-16 file) are found by a plain search.
        let scanned = self.pos.min(self.src.len());
        crate::line_table::extend_line_starts(&mut self.line_starts, self.src, scanned);
        let mut table = LineTable::from_line_starts(self.line_starts, self.src.len());
        for d in &self.directives {
            table.add_line_directive(d.comment, d.block, d.file.as_deref(), d.line, d.col);
        }
        table
    }

    /// The 1-based line of `offset`, which must not lie past the last token returned
    /// (where the line starts are not known yet); unadjusted by line directives.
    pub fn line_of(&self, offset: u32) -> u32 {
        self.line_starts.partition_point(|&start| start <= offset) as u32
    }

    /// Records that the byte at `offset` is a newline the lexer has moved past.
    #[inline]
    fn newline_at(&mut self, offset: usize) {
        self.line_starts.push(offset as u32 + 1);
    }

    // ---- Low-level cursor -------------------------------------------------------------------

    fn byte_at(&self, i: usize) -> Option<u8> {
        self.src.get(i).copied()
    }

    fn byte(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    /// The current character and its width in bytes, or `None` at the end.
    fn char(&self) -> Option<(u32, usize)> {
        let rest = self.src.get(self.pos..)?;
        match rest.first()? {
            &b if b < 0x80 => Some((u32::from(b), 1)),
            _ => Some(decode(rest)),
        }
    }

    /// Makes `at` the current offset, reporting any error the character there causes.
    #[inline]
    fn land(&mut self, at: usize) {
        self.pos = at;
        if let Some(&b) = self.src.get(at) {
            if b == 0 || b >= 0x80 {
                self.check_char(at, b);
            }
        }
    }

    /// Moves forward to `at`, which follows characters that cannot cause errors; the
    /// character at `at` is checked unless it is the current one already.
    #[inline]
    fn advance_to(&mut self, at: usize) {
        if at != self.pos {
            self.land(at);
        }
    }

    #[cold]
    fn check_char(&mut self, at: usize, b: u8) {
        if b == 0 {
            self.error(at, "illegal character NUL");
            return;
        }
        match decode(&self.src[at..]) {
            (REPLACEMENT, 1) => self.error(at, "illegal UTF-8 encoding"),
            (BOM, _) if at > 0 => self.error(at, "illegal byte order mark"),
            _ => {}
        }
    }

    /// Moves past the current character (no-op at the end).
    #[inline]
    fn step(&mut self) {
        match self.byte() {
            None => {}
            Some(b) if b < 0x80 => self.land(self.pos + 1),
            Some(_) => {
                let (_, w) = decode(&self.src[self.pos..]);
                self.land(self.pos + w);
            }
        }
    }

    fn error(&mut self, at: usize, msg: impl Into<String>) {
        self.errors.push(SyntaxError {
            pos: Pos(at as u32),
            msg: msg.into(),
        });
    }

    fn lexed(&self, tok: Token, start: usize) -> Lexed {
        Lexed {
            tok,
            span: Span::new(start as u32, self.pos as u32),
            implicit: false,
        }
    }

    fn skip_whitespace(&mut self) {
        let mut i = self.pos;
        while let Some(&b) = self.src.get(i) {
            match b {
                b' ' | b'\t' | b'\r' => i += 1,
                b'\n' if !self.insert_semi => {
                    self.newline_at(i);
                    i += 1;
                }
                _ => break,
            }
        }
        self.advance_to(i);
    }

    // ---- Tokens -----------------------------------------------------------------------------

    /// The operator `tok`, `len` bytes long, at the current offset; `ends`: whether a newline
    /// after it ends the statement.
    #[inline]
    fn op(&mut self, tok: Token, len: usize, ends: bool) -> (Token, bool) {
        self.land(self.pos + len);
        (tok, ends)
    }

    /// `plain`, or `assign` when the next byte `b1` is '='.
    #[inline]
    fn op_assign(&mut self, b1: u8, plain: Token, assign: Token) -> (Token, bool) {
        if b1 == b'=' {
            self.op(assign, 2, false)
        } else {
            self.op(plain, 1, false)
        }
    }

    /// The rare cases at the start of [`Lexer::next`]: a semicolon owed after a comment, or
    /// the single bad character a UTF-16 file is scanned as.
    #[cold]
    fn next_special(&mut self) -> Option<Lexed> {
        self.special = false;
        if let Some(at) = self.pending_semi.take() {
            return Some(semi(at));
        }
        if std::mem::take(&mut self.utf16) {
            self.error(0, "illegal character U+FFFD '\u{FFFD}'");
            // The whole file is swallowed: its lines are found by a plain search.
            crate::line_table::extend_line_starts(&mut self.line_starts, self.src, self.pos);
            self.pos = self.src.len();
            return Some(self.lexed(Token::Illegal, 0));
        }
        None
    }

    /// A comment at the current offset.
    fn comment(&mut self) -> Lexed {
        let start = self.pos;
        let (end, first_newline) = self.scan_comment();
        if let (Some(nl), true) = (first_newline, self.insert_semi) {
            self.pending_semi = Some(nl as u32);
            self.special = true;
            self.insert_semi = false;
        }
        Lexed {
            tok: Token::Comment,
            span: Span::new(start as u32, end as u32),
            implicit: false,
        }
    }

    /// A character that starts no token: reported (unless it is a byte order mark, already
    /// reported when scanned), skipped, and returned as `Token::Illegal`. A pending implicit
    /// semicolon stays pending.
    fn illegal_char(&mut self) -> Lexed {
        let start = self.pos;
        let Some((c, _)) = self.char() else {
            return self.lexed(Token::Eof, start);
        };
        self.step();
        if c != BOM {
            let msg = match c {
                0x201C | 0x201D => format!(
                    "curly quotation mark '{}' (use neutral '\"')",
                    char::from_u32(c).unwrap_or('\u{FFFD}')
                ),
                _ => format!("illegal character {}", unicode_name(c)),
            };
            self.error(start, msg);
        }
        self.lexed(Token::Illegal, start)
    }

    fn scan_identifier(&mut self) -> Token {
        let start = self.pos;
        let mut i = start;
        while self.src.get(i).is_some_and(|&b| is_ascii_ident(b)) {
            i += 1;
        }
        self.advance_to(i);
        if self.byte().is_some_and(|b| b >= 0x80) {
            while let Some((c, _)) = self.char() {
                let more = match c {
                    0x30..=0x39 | 0x41..=0x5A | 0x61..=0x7A | 0x5F => true,
                    0..=0x7F => false,
                    _ => is_unicode_letter(c) || is_unicode_digit(c),
                };
                if !more {
                    break;
                }
                self.step();
            }
        }
        keyword(&self.src[start..self.pos]).unwrap_or(Token::Ident)
    }

    /// Accepts `{ digit | '_' }`. For `base <= 10` any decimal digit is accepted, and the
    /// offset of the first one not valid in `base` is recorded in `bad_digit`.
    fn digits(&mut self, base: u8, seen: &mut DigitsSeen, bad_digit: &mut Option<usize>) {
        let mut i = self.pos;
        while let Some(&b) = self.src.get(i) {
            if b == b'_' {
                seen.separator = true;
            } else if base <= 10 && b.is_ascii_digit() {
                if b - b'0' >= base && bad_digit.is_none() {
                    *bad_digit = Some(i);
                }
                seen.digit = true;
            } else if base == 16 && b.is_ascii_hexdigit() {
                seen.digit = true;
            } else {
                break;
            }
            i += 1;
        }
        self.advance_to(i);
    }

    fn scan_number(&mut self) -> Token {
        let start = self.pos;
        let mut tok = Token::Int;
        let mut radix = Radix::Decimal;
        let mut seen = DigitsSeen::default();
        let mut bad_digit = None;

        if self.byte() != Some(b'.') {
            if self.byte() == Some(b'0') {
                self.step();
                radix = match self.byte().map(|b| b | 0x20) {
                    Some(b'x') => Radix::Hex,
                    Some(b'o') => Radix::Octal,
                    Some(b'b') => Radix::Binary,
                    _ => {
                        seen.digit = true; // the leading 0 itself
                        Radix::LegacyOctal
                    }
                };
                if radix != Radix::LegacyOctal {
                    self.step();
                }
            }
            self.digits(radix.base(), &mut seen, &mut bad_digit);
        }

        if self.byte() == Some(b'.') {
            tok = Token::Float;
            if matches!(radix, Radix::Octal | Radix::Binary) {
                self.error(self.pos, format!("invalid radix point in {}", radix.name()));
            }
            self.step();
            self.digits(radix.base(), &mut seen, &mut bad_digit);
        }

        if !seen.digit {
            self.error(self.pos, format!("{} has no digits", radix.name()));
        }

        match self.byte() {
            Some(e @ (b'e' | b'E' | b'p' | b'P')) => {
                let decimal_exp = e | 0x20 == b'e';
                if decimal_exp && matches!(radix, Radix::Hex | Radix::Octal | Radix::Binary) {
                    let msg = format!("'{}' exponent requires decimal mantissa", e as char);
                    self.error(self.pos, msg);
                } else if !decimal_exp && radix != Radix::Hex {
                    let msg = format!("'{}' exponent requires hexadecimal mantissa", e as char);
                    self.error(self.pos, msg);
                }
                self.step();
                tok = Token::Float;
                if matches!(self.byte(), Some(b'+' | b'-')) {
                    self.step();
                }
                let mut exp = DigitsSeen::default();
                self.digits(10, &mut exp, &mut None);
                seen.separator |= exp.separator;
                if !exp.digit {
                    self.error(self.pos, "exponent has no digits");
                }
            }
            _ if radix == Radix::Hex && tok == Token::Float => {
                self.error(self.pos, "hexadecimal mantissa requires a 'p' exponent");
            }
            _ => {}
        }

        if self.byte() == Some(b'i') {
            tok = Token::Imag;
            self.step();
        }

        if tok == Token::Int {
            if let Some(at) = bad_digit {
                let msg = format!(
                    "invalid digit '{}' in {}",
                    self.src[at] as char,
                    radix.name()
                );
                self.error(at, msg);
            }
        }
        if seen.separator {
            if let Some(i) = misplaced_separator(&self.src[start..self.pos]) {
                self.error(start + i, "'_' must separate successive digits");
            }
        }
        tok
    }

    /// Scans an escape sequence; the backslash has been consumed. On a malformed sequence
    /// the error is reported, the offending character is left unconsumed and `false` is
    /// returned.
    fn scan_escape(&mut self, quote: u8) -> bool {
        let start = self.pos;
        let (digits, base, max): (u32, u32, u32) = match self.byte() {
            Some(b) if b == quote || b"abfnrtv\\".contains(&b) => {
                self.step();
                return true;
            }
            Some(b'0'..=b'7') => (3, 8, 255),
            Some(b'x') => (2, 16, 255),
            Some(b'u') => (4, 16, 0x10FFFF),
            Some(b'U') => (8, 16, 0x10FFFF),
            Some(_) => {
                self.error(start, "unknown escape sequence");
                return false;
            }
            None => {
                self.error(start, "escape sequence not terminated");
                return false;
            }
        };
        if base == 16 {
            self.step(); // the 'x', 'u' or 'U'
        }
        let mut value: u32 = 0;
        for _ in 0..digits {
            let Some((c, _)) = self.char() else {
                self.error(self.pos, "escape sequence not terminated");
                return false;
            };
            let d = char::from_u32(c)
                .and_then(|ch| ch.to_digit(16))
                .unwrap_or(16);
            if d >= base {
                let msg = format!("illegal character {} in escape sequence", unicode_name(c));
                self.error(self.pos, msg);
                return false;
            }
            // At most 8 hex digits: fits in u32.
            value = value.wrapping_mul(base).wrapping_add(d);
            self.step();
        }
        if value > max || (0xD800..0xE000).contains(&value) {
            self.error(start, "escape sequence is invalid Unicode code point");
            return false;
        }
        true
    }

    fn scan_rune(&mut self) -> Token {
        let start = self.pos;
        self.step(); // opening quote
        let mut valid = true;
        let mut count = 0;
        loop {
            match self.byte() {
                None | Some(b'\n') => {
                    if valid {
                        self.error(start, "rune literal not terminated");
                        valid = false;
                    }
                    break;
                }
                Some(b'\'') => {
                    self.step();
                    break;
                }
                Some(b) => {
                    self.step();
                    count += 1;
                    if b == b'\\' && !self.scan_escape(b'\'') {
                        valid = false;
                    }
                }
            }
        }
        if valid && count != 1 {
            self.error(start, "illegal rune literal");
        }
        Token::Char
    }

    fn scan_string(&mut self) -> Token {
        let start = self.pos;
        self.step(); // opening quote
        loop {
            match self.byte() {
                None | Some(b'\n') => {
                    self.error(start, "string literal not terminated");
                    break;
                }
                Some(b'"') => {
                    self.step();
                    break;
                }
                Some(b'\\') => {
                    self.step();
                    self.scan_escape(b'"');
                }
                Some(_) => self.skip_plain(|b| b == b'"' || b == b'\\' || b == b'\n'),
            }
        }
        Token::String
    }

    fn scan_raw_string(&mut self) -> Token {
        let start = self.pos;
        self.step(); // opening quote
        loop {
            match self.byte() {
                None => {
                    self.error(start, "raw string literal not terminated");
                    break;
                }
                Some(b'`') => {
                    self.step();
                    break;
                }
                Some(b'\n') => {
                    self.newline_at(self.pos);
                    self.step();
                }
                Some(_) => self.skip_plain(|b| b == b'`' || b == b'\n'),
            }
        }
        Token::String
    }

    /// Moves past the current character and then past every following character that is
    /// not a stop byte, reporting bad characters on the way.
    #[inline]
    fn skip_plain(&mut self, stop: impl Fn(u8) -> bool) {
        self.step();
        loop {
            let mut i = self.pos;
            while let Some(&b) = self.src.get(i) {
                if stop(b) || b == 0 || b >= 0x80 {
                    break;
                }
                i += 1;
            }
            self.advance_to(i);
            match self.byte() {
                Some(b) if !stop(b) => self.step(),
                _ => return,
            }
        }
    }

    /// Scans a comment starting at the current `/`. Returns the end of the comment's text
    /// and, for a `/*...*/` comment, the offset of its first newline. Line directives are
    /// recognised and recorded here.
    fn scan_comment(&mut self) -> (usize, Option<usize>) {
        let start = self.pos;
        self.step(); // '/'
        let block = self.byte() == Some(b'*');
        self.step(); // '/' or '*'
        let mut first_newline = None;
        let mut end;
        let terminated;
        if block {
            loop {
                match self.byte() {
                    None => {
                        self.error(start, "comment not terminated");
                        terminated = false;
                        break;
                    }
                    Some(b'*') if self.byte_at(self.pos + 1) == Some(b'/') => {
                        self.step();
                        self.step();
                        terminated = true;
                        break;
                    }
                    Some(b'\n') => {
                        first_newline.get_or_insert(self.pos);
                        self.newline_at(self.pos);
                        self.step();
                    }
                    Some(_) => self.skip_plain(|b| b == b'*' || b == b'\n'),
                }
            }
            end = self.pos;
        } else {
            if self.byte() != Some(b'\n') {
                self.skip_plain(|b| b == b'\n');
            }
            end = self.pos;
            terminated = true;
            if self.src[..end].ends_with(b"\r") {
                // As go/scanner: a trailing '\r' (from a "\r\n" line end) is not comment text.
                end -= 1;
            }
        }
        let text = &self.src[start..end];
        let at_line_start = start == 0 || self.src[start - 1] == b'\n';
        if terminated && (block || at_line_start) && text.get(2..7) == Some(b"line ") {
            self.line_directive(start, text, block);
        }
        (end, first_newline)
    }

    /// Validates and records the line directive held by the comment `text` at `start`.
    fn line_directive(&mut self, start: usize, text: &[u8], block: bool) {
        let body_end = if block {
            text.len().saturating_sub(2)
        } else {
            text.len()
        };
        let Some(body) = text.get(7..body_end) else {
            return;
        };
        let body_start = start + 7;
        let Some(last) = trailing_number(body) else {
            return; // no ':' at all: not a line directive
        };
        let Some(mut line) = last.value else {
            self.error(
                body_start + last.digits,
                format!("invalid line number: {}", lossy(&body[last.digits..])),
            );
            return;
        };
        let mut line_digits = last.digits;
        let mut col = 0;
        let mut file_end = last.digits - 1;
        let with_col = match trailing_number(&body[..last.digits - 1]) {
            Some(TrailingNumber {
                digits,
                value: Some(n),
            }) => {
                col = line;
                line = n;
                if col == 0 || col > MAX_LINE_COL {
                    self.error(
                        body_start + last.digits,
                        format!("invalid column number: {}", lossy(&body[last.digits..])),
                    );
                    return;
                }
                line_digits = digits;
                file_end = digits - 1;
                true
            }
            _ => false,
        };
        if line == 0 || line > MAX_LINE_COL {
            let line_text = &body[line_digits..if with_col {
                last.digits - 1
            } else {
                body.len()
            }];
            self.error(
                body_start + line_digits,
                format!("invalid line number: {}", lossy(line_text)),
            );
            return;
        }
        let file = &body[..file_end];
        let file = if file.is_empty() && with_col {
            None
        } else {
            Some(lossy(file).into_owned())
        };
        self.directives.push(RawDirective {
            comment: Span::new(start as u32, (start + text.len()) as u32),
            block,
            file,
            // Both are at most 2^30 here.
            line: line as u32,
            col: col as u32,
        });
    }
}

/// Whether `b` may continue an identifier (ASCII letters, digits and `_`).
#[inline]
fn is_ascii_ident(b: u8) -> bool {
    IDENT_BYTES[usize::from(b)]
}

static IDENT_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    table
};

/// The keyword spelled `word`, if any: a cheap pre-check on the length and the first two
/// bytes, so that most identifiers are rejected without comparing strings.
#[inline]
fn keyword(word: &[u8]) -> Option<Token> {
    let candidate = match word {
        [a, b, ..] => matches!(
            (word.len(), a, b),
            (2, b'g', b'o')
                | (2, b'i', b'f')
                | (3, b'f' | b'm' | b'v', _)
                | (4, b'c' | b'e' | b'f' | b'g' | b't', _)
                | (5, b'b' | b'c' | b'd' | b'r', _)
                | (6, b'i' | b'r' | b's', _)
                | (7, b'd' | b'p', _)
                | (8, b'c', b'o')
                | (9, b'i', b'n')
                | (11, b'f', b'a')
        ),
        _ => false,
    };
    if candidate {
        Token::keyword(word)
    } else {
        None
    }
}

/// The implicit semicolon at `at`.
fn semi(at: u32) -> Lexed {
    Lexed {
        tok: Token::Semicolon,
        span: Span::new(at, at),
        implicit: true,
    }
}

#[derive(Default)]
struct DigitsSeen {
    digit: bool,
    separator: bool,
}

/// The kind of a number literal, from its prefix.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Radix {
    Decimal,
    /// `0x`
    Hex,
    /// `0o`
    Octal,
    /// A plain leading `0`.
    LegacyOctal,
    /// `0b`
    Binary,
}

impl Radix {
    fn base(self) -> u8 {
        match self {
            Radix::Decimal => 10,
            Radix::Hex => 16,
            Radix::Octal | Radix::LegacyOctal => 8,
            Radix::Binary => 2,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Radix::Decimal => "decimal literal",
            Radix::Hex => "hexadecimal literal",
            Radix::Octal | Radix::LegacyOctal => "octal literal",
            Radix::Binary => "binary literal",
        }
    }
}

/// The index in the number literal `lit` of the first `_` that does not sit between two
/// digits (a `0x`/`0o`/`0b` prefix counting as a digit), if any.
fn misplaced_separator(lit: &[u8]) -> Option<usize> {
    #[derive(PartialEq)]
    enum Class {
        Digit,
        Separator,
        Other,
    }
    let prefixed = lit.len() >= 2 && lit[0] == b'0' && matches!(lit[1] | 0x20, b'x' | b'o' | b'b');
    let hex = prefixed && lit[1] | 0x20 == b'x';
    let (skip, mut prev) = if prefixed {
        (2, Class::Digit)
    } else {
        (0, Class::Other)
    };
    for (i, &b) in lit.iter().enumerate().skip(skip) {
        let class = if b == b'_' {
            Class::Separator
        } else if b.is_ascii_digit() || (hex && b.is_ascii_hexdigit()) {
            Class::Digit
        } else {
            Class::Other
        };
        match class {
            Class::Separator if prev != Class::Digit => return Some(i),
            Class::Other if prev == Class::Separator => return Some(i - 1),
            _ => {}
        }
        prev = class;
    }
    (prev == Class::Separator).then(|| lit.len() - 1)
}

/// The `:N` suffix of a line directive's text.
struct TrailingNumber {
    /// Index of the first byte after the last ':'.
    digits: usize,
    /// The number after it, if those bytes are a decimal number that fits in 64 bits
    /// (what Go's `strconv.ParseUint(s, 10, 0)` accepts).
    value: Option<u64>,
}

/// The text after the last ':' of `text`, or `None` if there is no ':'.
fn trailing_number(text: &[u8]) -> Option<TrailingNumber> {
    let colon = text.iter().rposition(|&b| b == b':')?;
    let digits = &text[colon + 1..];
    let value = if digits.is_empty() {
        None
    } else {
        digits.iter().try_fold(0u64, |n, &b| {
            if b.is_ascii_digit() {
                n.checked_mul(10)?.checked_add(u64::from(b - b'0'))
            } else {
                None
            }
        })
    };
    Some(TrailingNumber {
        digits: colon + 1,
        value,
    })
}

fn lossy(bytes: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

/// Decodes the UTF-8 character at the start of `s` (non-empty) as Go's `utf8.DecodeRune`
/// does: anything invalid (bad lead byte, bad or missing continuation, overlong form,
/// surrogate, beyond U+10FFFF) is U+FFFD with width 1.
fn decode(s: &[u8]) -> (u32, usize) {
    let bad = (REPLACEMENT, 1);
    let Some(&b0) = s.first() else {
        return bad;
    };
    let (len, second) = match b0 {
        0x00..=0x7F => return (u32::from(b0), 1),
        0xC2..=0xDF => (2, 0x80..=0xBF),
        0xE0 => (3, 0xA0..=0xBF),
        0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80..=0xBF),
        0xED => (3, 0x80..=0x9F),
        0xF0 => (4, 0x90..=0xBF),
        0xF1..=0xF3 => (4, 0x80..=0xBF),
        0xF4 => (4, 0x80..=0x8F),
        _ => return bad,
    };
    if s.len() < len || !second.contains(&s[1]) {
        return bad;
    }
    if s[2..len].iter().any(|&b| !(0x80..=0xBF).contains(&b)) {
        return bad;
    }
    let lead_bits = u32::from(b0) & (0x7F >> len);
    let c = s[1..len]
        .iter()
        .fold(lead_bits, |c, &b| (c << 6) | u32::from(b & 0x3F));
    (c, len)
}

/// Go's `%#U` formatting of a code point: `U+0040 '@'`, or just `U+0000` when the character
/// is not printable (by `strconv.IsPrint`).
fn unicode_name(c: u32) -> String {
    let printable = match c {
        0x20..=0x7E => true,
        0..=0x7F => false,
        _ => in_table(&tables::PRINT, c),
    };
    match char::from_u32(c) {
        Some(ch) if printable => format!("U+{c:04X} '{ch}'"),
        _ => format!("U+{c:04X}"),
    }
}

/// Go's `unicode.IsLetter` for a non-ASCII code point.
fn is_unicode_letter(c: u32) -> bool {
    in_table(&tables::LETTER, c)
}

/// Go's `unicode.IsDigit` for a non-ASCII code point.
fn is_unicode_digit(c: u32) -> bool {
    in_table(&tables::DIGIT, c)
}

/// Whether `c` is in a table of sorted, inclusive `lo, hi` pairs.
fn in_table(pairs: &[u32], c: u32) -> bool {
    let n = pairs.len() / 2;
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if c < pairs[2 * mid] {
            hi = mid;
        } else if c > pairs[2 * mid + 1] {
            lo = mid + 1;
        } else {
            return true;
        }
    }
    false
}

/// Removes `'\r'` from a comment's or raw string's source bytes, as go/scanner does for the
/// text it returns: `block` is set for a `/*...*/` comment, where a `'\r'` between `*` and
/// `/` is kept so that the text does not end early. (Raw strings and `//` comments: `false`.)
pub fn strip_cr(text: &[u8], block: bool) -> Cow<'_, [u8]> {
    if !text.contains(&b'\r') {
        return Cow::Borrowed(text);
    }
    let mut out = Vec::with_capacity(text.len());
    for (i, &b) in text.iter().enumerate() {
        let keep = b != b'\r'
            || (block
                && out.len() > 2
                && out.last() == Some(&b'*')
                && text.get(i + 1) == Some(&b'/'));
        if keep {
            out.push(b);
        }
    }
    Cow::Owned(out)
}

/// Unicode tables generated from Go's `unicode` package (Go 1.26), so that identifiers and
/// messages classify characters exactly as the Go toolchain does.
#[rustfmt::skip]
mod tables {
    // Unicode 15.0.0.

    /// Non-ASCII code points of category L (`unicode.IsLetter`), as inclusive `lo, hi` pairs.
    pub(super) static LETTER: [u32; 1314] = [
        0xAA, 0xAA, 0xB5, 0xB5, 0xBA, 0xBA, 0xC0, 0xD6, 0xD8, 0xF6, 0xF8, 0x2C1,
        0x2C6, 0x2D1, 0x2E0, 0x2E4, 0x2EC, 0x2EC, 0x2EE, 0x2EE, 0x370, 0x374, 0x376, 0x377,
        0x37A, 0x37D, 0x37F, 0x37F, 0x386, 0x386, 0x388, 0x38A, 0x38C, 0x38C, 0x38E, 0x3A1,
        0x3A3, 0x3F5, 0x3F7, 0x481, 0x48A, 0x52F, 0x531, 0x556, 0x559, 0x559, 0x560, 0x588,
        0x5D0, 0x5EA, 0x5EF, 0x5F2, 0x620, 0x64A, 0x66E, 0x66F, 0x671, 0x6D3, 0x6D5, 0x6D5,
        0x6E5, 0x6E6, 0x6EE, 0x6EF, 0x6FA, 0x6FC, 0x6FF, 0x6FF, 0x710, 0x710, 0x712, 0x72F,
        0x74D, 0x7A5, 0x7B1, 0x7B1, 0x7CA, 0x7EA, 0x7F4, 0x7F5, 0x7FA, 0x7FA, 0x800, 0x815,
        0x81A, 0x81A, 0x824, 0x824, 0x828, 0x828, 0x840, 0x858, 0x860, 0x86A, 0x870, 0x887,
        0x889, 0x88E, 0x8A0, 0x8C9, 0x904, 0x939, 0x93D, 0x93D, 0x950, 0x950, 0x958, 0x961,
        0x971, 0x980, 0x985, 0x98C, 0x98F, 0x990, 0x993, 0x9A8, 0x9AA, 0x9B0, 0x9B2, 0x9B2,
        0x9B6, 0x9B9, 0x9BD, 0x9BD, 0x9CE, 0x9CE, 0x9DC, 0x9DD, 0x9DF, 0x9E1, 0x9F0, 0x9F1,
        0x9FC, 0x9FC, 0xA05, 0xA0A, 0xA0F, 0xA10, 0xA13, 0xA28, 0xA2A, 0xA30, 0xA32, 0xA33,
        0xA35, 0xA36, 0xA38, 0xA39, 0xA59, 0xA5C, 0xA5E, 0xA5E, 0xA72, 0xA74, 0xA85, 0xA8D,
        0xA8F, 0xA91, 0xA93, 0xAA8, 0xAAA, 0xAB0, 0xAB2, 0xAB3, 0xAB5, 0xAB9, 0xABD, 0xABD,
        0xAD0, 0xAD0, 0xAE0, 0xAE1, 0xAF9, 0xAF9, 0xB05, 0xB0C, 0xB0F, 0xB10, 0xB13, 0xB28,
        0xB2A, 0xB30, 0xB32, 0xB33, 0xB35, 0xB39, 0xB3D, 0xB3D, 0xB5C, 0xB5D, 0xB5F, 0xB61,
        0xB71, 0xB71, 0xB83, 0xB83, 0xB85, 0xB8A, 0xB8E, 0xB90, 0xB92, 0xB95, 0xB99, 0xB9A,
        0xB9C, 0xB9C, 0xB9E, 0xB9F, 0xBA3, 0xBA4, 0xBA8, 0xBAA, 0xBAE, 0xBB9, 0xBD0, 0xBD0,
        0xC05, 0xC0C, 0xC0E, 0xC10, 0xC12, 0xC28, 0xC2A, 0xC39, 0xC3D, 0xC3D, 0xC58, 0xC5A,
        0xC5D, 0xC5D, 0xC60, 0xC61, 0xC80, 0xC80, 0xC85, 0xC8C, 0xC8E, 0xC90, 0xC92, 0xCA8,
        0xCAA, 0xCB3, 0xCB5, 0xCB9, 0xCBD, 0xCBD, 0xCDD, 0xCDE, 0xCE0, 0xCE1, 0xCF1, 0xCF2,
        0xD04, 0xD0C, 0xD0E, 0xD10, 0xD12, 0xD3A, 0xD3D, 0xD3D, 0xD4E, 0xD4E, 0xD54, 0xD56,
        0xD5F, 0xD61, 0xD7A, 0xD7F, 0xD85, 0xD96, 0xD9A, 0xDB1, 0xDB3, 0xDBB, 0xDBD, 0xDBD,
        0xDC0, 0xDC6, 0xE01, 0xE30, 0xE32, 0xE33, 0xE40, 0xE46, 0xE81, 0xE82, 0xE84, 0xE84,
        0xE86, 0xE8A, 0xE8C, 0xEA3, 0xEA5, 0xEA5, 0xEA7, 0xEB0, 0xEB2, 0xEB3, 0xEBD, 0xEBD,
        0xEC0, 0xEC4, 0xEC6, 0xEC6, 0xEDC, 0xEDF, 0xF00, 0xF00, 0xF40, 0xF47, 0xF49, 0xF6C,
        0xF88, 0xF8C, 0x1000, 0x102A, 0x103F, 0x103F, 0x1050, 0x1055, 0x105A, 0x105D, 0x1061, 0x1061,
        0x1065, 0x1066, 0x106E, 0x1070, 0x1075, 0x1081, 0x108E, 0x108E, 0x10A0, 0x10C5, 0x10C7, 0x10C7,
        0x10CD, 0x10CD, 0x10D0, 0x10FA, 0x10FC, 0x1248, 0x124A, 0x124D, 0x1250, 0x1256, 0x1258, 0x1258,
        0x125A, 0x125D, 0x1260, 0x1288, 0x128A, 0x128D, 0x1290, 0x12B0, 0x12B2, 0x12B5, 0x12B8, 0x12BE,
        0x12C0, 0x12C0, 0x12C2, 0x12C5, 0x12C8, 0x12D6, 0x12D8, 0x1310, 0x1312, 0x1315, 0x1318, 0x135A,
        0x1380, 0x138F, 0x13A0, 0x13F5, 0x13F8, 0x13FD, 0x1401, 0x166C, 0x166F, 0x167F, 0x1681, 0x169A,
        0x16A0, 0x16EA, 0x16F1, 0x16F8, 0x1700, 0x1711, 0x171F, 0x1731, 0x1740, 0x1751, 0x1760, 0x176C,
        0x176E, 0x1770, 0x1780, 0x17B3, 0x17D7, 0x17D7, 0x17DC, 0x17DC, 0x1820, 0x1878, 0x1880, 0x1884,
        0x1887, 0x18A8, 0x18AA, 0x18AA, 0x18B0, 0x18F5, 0x1900, 0x191E, 0x1950, 0x196D, 0x1970, 0x1974,
        0x1980, 0x19AB, 0x19B0, 0x19C9, 0x1A00, 0x1A16, 0x1A20, 0x1A54, 0x1AA7, 0x1AA7, 0x1B05, 0x1B33,
        0x1B45, 0x1B4C, 0x1B83, 0x1BA0, 0x1BAE, 0x1BAF, 0x1BBA, 0x1BE5, 0x1C00, 0x1C23, 0x1C4D, 0x1C4F,
        0x1C5A, 0x1C7D, 0x1C80, 0x1C88, 0x1C90, 0x1CBA, 0x1CBD, 0x1CBF, 0x1CE9, 0x1CEC, 0x1CEE, 0x1CF3,
        0x1CF5, 0x1CF6, 0x1CFA, 0x1CFA, 0x1D00, 0x1DBF, 0x1E00, 0x1F15, 0x1F18, 0x1F1D, 0x1F20, 0x1F45,
        0x1F48, 0x1F4D, 0x1F50, 0x1F57, 0x1F59, 0x1F59, 0x1F5B, 0x1F5B, 0x1F5D, 0x1F5D, 0x1F5F, 0x1F7D,
        0x1F80, 0x1FB4, 0x1FB6, 0x1FBC, 0x1FBE, 0x1FBE, 0x1FC2, 0x1FC4, 0x1FC6, 0x1FCC, 0x1FD0, 0x1FD3,
        0x1FD6, 0x1FDB, 0x1FE0, 0x1FEC, 0x1FF2, 0x1FF4, 0x1FF6, 0x1FFC, 0x2071, 0x2071, 0x207F, 0x207F,
        0x2090, 0x209C, 0x2102, 0x2102, 0x2107, 0x2107, 0x210A, 0x2113, 0x2115, 0x2115, 0x2119, 0x211D,
        0x2124, 0x2124, 0x2126, 0x2126, 0x2128, 0x2128, 0x212A, 0x212D, 0x212F, 0x2139, 0x213C, 0x213F,
        0x2145, 0x2149, 0x214E, 0x214E, 0x2183, 0x2184, 0x2C00, 0x2CE4, 0x2CEB, 0x2CEE, 0x2CF2, 0x2CF3,
        0x2D00, 0x2D25, 0x2D27, 0x2D27, 0x2D2D, 0x2D2D, 0x2D30, 0x2D67, 0x2D6F, 0x2D6F, 0x2D80, 0x2D96,
        0x2DA0, 0x2DA6, 0x2DA8, 0x2DAE, 0x2DB0, 0x2DB6, 0x2DB8, 0x2DBE, 0x2DC0, 0x2DC6, 0x2DC8, 0x2DCE,
        0x2DD0, 0x2DD6, 0x2DD8, 0x2DDE, 0x2E2F, 0x2E2F, 0x3005, 0x3006, 0x3031, 0x3035, 0x303B, 0x303C,
        0x3041, 0x3096, 0x309D, 0x309F, 0x30A1, 0x30FA, 0x30FC, 0x30FF, 0x3105, 0x312F, 0x3131, 0x318E,
        0x31A0, 0x31BF, 0x31F0, 0x31FF, 0x3400, 0x4DBF, 0x4E00, 0xA48C, 0xA4D0, 0xA4FD, 0xA500, 0xA60C,
        0xA610, 0xA61F, 0xA62A, 0xA62B, 0xA640, 0xA66E, 0xA67F, 0xA69D, 0xA6A0, 0xA6E5, 0xA717, 0xA71F,
        0xA722, 0xA788, 0xA78B, 0xA7CA, 0xA7D0, 0xA7D1, 0xA7D3, 0xA7D3, 0xA7D5, 0xA7D9, 0xA7F2, 0xA801,
        0xA803, 0xA805, 0xA807, 0xA80A, 0xA80C, 0xA822, 0xA840, 0xA873, 0xA882, 0xA8B3, 0xA8F2, 0xA8F7,
        0xA8FB, 0xA8FB, 0xA8FD, 0xA8FE, 0xA90A, 0xA925, 0xA930, 0xA946, 0xA960, 0xA97C, 0xA984, 0xA9B2,
        0xA9CF, 0xA9CF, 0xA9E0, 0xA9E4, 0xA9E6, 0xA9EF, 0xA9FA, 0xA9FE, 0xAA00, 0xAA28, 0xAA40, 0xAA42,
        0xAA44, 0xAA4B, 0xAA60, 0xAA76, 0xAA7A, 0xAA7A, 0xAA7E, 0xAAAF, 0xAAB1, 0xAAB1, 0xAAB5, 0xAAB6,
        0xAAB9, 0xAABD, 0xAAC0, 0xAAC0, 0xAAC2, 0xAAC2, 0xAADB, 0xAADD, 0xAAE0, 0xAAEA, 0xAAF2, 0xAAF4,
        0xAB01, 0xAB06, 0xAB09, 0xAB0E, 0xAB11, 0xAB16, 0xAB20, 0xAB26, 0xAB28, 0xAB2E, 0xAB30, 0xAB5A,
        0xAB5C, 0xAB69, 0xAB70, 0xABE2, 0xAC00, 0xD7A3, 0xD7B0, 0xD7C6, 0xD7CB, 0xD7FB, 0xF900, 0xFA6D,
        0xFA70, 0xFAD9, 0xFB00, 0xFB06, 0xFB13, 0xFB17, 0xFB1D, 0xFB1D, 0xFB1F, 0xFB28, 0xFB2A, 0xFB36,
        0xFB38, 0xFB3C, 0xFB3E, 0xFB3E, 0xFB40, 0xFB41, 0xFB43, 0xFB44, 0xFB46, 0xFBB1, 0xFBD3, 0xFD3D,
        0xFD50, 0xFD8F, 0xFD92, 0xFDC7, 0xFDF0, 0xFDFB, 0xFE70, 0xFE74, 0xFE76, 0xFEFC, 0xFF21, 0xFF3A,
        0xFF41, 0xFF5A, 0xFF66, 0xFFBE, 0xFFC2, 0xFFC7, 0xFFCA, 0xFFCF, 0xFFD2, 0xFFD7, 0xFFDA, 0xFFDC,
        0x10000, 0x1000B, 0x1000D, 0x10026, 0x10028, 0x1003A, 0x1003C, 0x1003D, 0x1003F, 0x1004D, 0x10050, 0x1005D,
        0x10080, 0x100FA, 0x10280, 0x1029C, 0x102A0, 0x102D0, 0x10300, 0x1031F, 0x1032D, 0x10340, 0x10342, 0x10349,
        0x10350, 0x10375, 0x10380, 0x1039D, 0x103A0, 0x103C3, 0x103C8, 0x103CF, 0x10400, 0x1049D, 0x104B0, 0x104D3,
        0x104D8, 0x104FB, 0x10500, 0x10527, 0x10530, 0x10563, 0x10570, 0x1057A, 0x1057C, 0x1058A, 0x1058C, 0x10592,
        0x10594, 0x10595, 0x10597, 0x105A1, 0x105A3, 0x105B1, 0x105B3, 0x105B9, 0x105BB, 0x105BC, 0x10600, 0x10736,
        0x10740, 0x10755, 0x10760, 0x10767, 0x10780, 0x10785, 0x10787, 0x107B0, 0x107B2, 0x107BA, 0x10800, 0x10805,
        0x10808, 0x10808, 0x1080A, 0x10835, 0x10837, 0x10838, 0x1083C, 0x1083C, 0x1083F, 0x10855, 0x10860, 0x10876,
        0x10880, 0x1089E, 0x108E0, 0x108F2, 0x108F4, 0x108F5, 0x10900, 0x10915, 0x10920, 0x10939, 0x10980, 0x109B7,
        0x109BE, 0x109BF, 0x10A00, 0x10A00, 0x10A10, 0x10A13, 0x10A15, 0x10A17, 0x10A19, 0x10A35, 0x10A60, 0x10A7C,
        0x10A80, 0x10A9C, 0x10AC0, 0x10AC7, 0x10AC9, 0x10AE4, 0x10B00, 0x10B35, 0x10B40, 0x10B55, 0x10B60, 0x10B72,
        0x10B80, 0x10B91, 0x10C00, 0x10C48, 0x10C80, 0x10CB2, 0x10CC0, 0x10CF2, 0x10D00, 0x10D23, 0x10E80, 0x10EA9,
        0x10EB0, 0x10EB1, 0x10F00, 0x10F1C, 0x10F27, 0x10F27, 0x10F30, 0x10F45, 0x10F70, 0x10F81, 0x10FB0, 0x10FC4,
        0x10FE0, 0x10FF6, 0x11003, 0x11037, 0x11071, 0x11072, 0x11075, 0x11075, 0x11083, 0x110AF, 0x110D0, 0x110E8,
        0x11103, 0x11126, 0x11144, 0x11144, 0x11147, 0x11147, 0x11150, 0x11172, 0x11176, 0x11176, 0x11183, 0x111B2,
        0x111C1, 0x111C4, 0x111DA, 0x111DA, 0x111DC, 0x111DC, 0x11200, 0x11211, 0x11213, 0x1122B, 0x1123F, 0x11240,
        0x11280, 0x11286, 0x11288, 0x11288, 0x1128A, 0x1128D, 0x1128F, 0x1129D, 0x1129F, 0x112A8, 0x112B0, 0x112DE,
        0x11305, 0x1130C, 0x1130F, 0x11310, 0x11313, 0x11328, 0x1132A, 0x11330, 0x11332, 0x11333, 0x11335, 0x11339,
        0x1133D, 0x1133D, 0x11350, 0x11350, 0x1135D, 0x11361, 0x11400, 0x11434, 0x11447, 0x1144A, 0x1145F, 0x11461,
        0x11480, 0x114AF, 0x114C4, 0x114C5, 0x114C7, 0x114C7, 0x11580, 0x115AE, 0x115D8, 0x115DB, 0x11600, 0x1162F,
        0x11644, 0x11644, 0x11680, 0x116AA, 0x116B8, 0x116B8, 0x11700, 0x1171A, 0x11740, 0x11746, 0x11800, 0x1182B,
        0x118A0, 0x118DF, 0x118FF, 0x11906, 0x11909, 0x11909, 0x1190C, 0x11913, 0x11915, 0x11916, 0x11918, 0x1192F,
        0x1193F, 0x1193F, 0x11941, 0x11941, 0x119A0, 0x119A7, 0x119AA, 0x119D0, 0x119E1, 0x119E1, 0x119E3, 0x119E3,
        0x11A00, 0x11A00, 0x11A0B, 0x11A32, 0x11A3A, 0x11A3A, 0x11A50, 0x11A50, 0x11A5C, 0x11A89, 0x11A9D, 0x11A9D,
        0x11AB0, 0x11AF8, 0x11C00, 0x11C08, 0x11C0A, 0x11C2E, 0x11C40, 0x11C40, 0x11C72, 0x11C8F, 0x11D00, 0x11D06,
        0x11D08, 0x11D09, 0x11D0B, 0x11D30, 0x11D46, 0x11D46, 0x11D60, 0x11D65, 0x11D67, 0x11D68, 0x11D6A, 0x11D89,
        0x11D98, 0x11D98, 0x11EE0, 0x11EF2, 0x11F02, 0x11F02, 0x11F04, 0x11F10, 0x11F12, 0x11F33, 0x11FB0, 0x11FB0,
        0x12000, 0x12399, 0x12480, 0x12543, 0x12F90, 0x12FF0, 0x13000, 0x1342F, 0x13441, 0x13446, 0x14400, 0x14646,
        0x16800, 0x16A38, 0x16A40, 0x16A5E, 0x16A70, 0x16ABE, 0x16AD0, 0x16AED, 0x16B00, 0x16B2F, 0x16B40, 0x16B43,
        0x16B63, 0x16B77, 0x16B7D, 0x16B8F, 0x16E40, 0x16E7F, 0x16F00, 0x16F4A, 0x16F50, 0x16F50, 0x16F93, 0x16F9F,
        0x16FE0, 0x16FE1, 0x16FE3, 0x16FE3, 0x17000, 0x187F7, 0x18800, 0x18CD5, 0x18D00, 0x18D08, 0x1AFF0, 0x1AFF3,
        0x1AFF5, 0x1AFFB, 0x1AFFD, 0x1AFFE, 0x1B000, 0x1B122, 0x1B132, 0x1B132, 0x1B150, 0x1B152, 0x1B155, 0x1B155,
        0x1B164, 0x1B167, 0x1B170, 0x1B2FB, 0x1BC00, 0x1BC6A, 0x1BC70, 0x1BC7C, 0x1BC80, 0x1BC88, 0x1BC90, 0x1BC99,
        0x1D400, 0x1D454, 0x1D456, 0x1D49C, 0x1D49E, 0x1D49F, 0x1D4A2, 0x1D4A2, 0x1D4A5, 0x1D4A6, 0x1D4A9, 0x1D4AC,
        0x1D4AE, 0x1D4B9, 0x1D4BB, 0x1D4BB, 0x1D4BD, 0x1D4C3, 0x1D4C5, 0x1D505, 0x1D507, 0x1D50A, 0x1D50D, 0x1D514,
        0x1D516, 0x1D51C, 0x1D51E, 0x1D539, 0x1D53B, 0x1D53E, 0x1D540, 0x1D544, 0x1D546, 0x1D546, 0x1D54A, 0x1D550,
        0x1D552, 0x1D6A5, 0x1D6A8, 0x1D6C0, 0x1D6C2, 0x1D6DA, 0x1D6DC, 0x1D6FA, 0x1D6FC, 0x1D714, 0x1D716, 0x1D734,
        0x1D736, 0x1D74E, 0x1D750, 0x1D76E, 0x1D770, 0x1D788, 0x1D78A, 0x1D7A8, 0x1D7AA, 0x1D7C2, 0x1D7C4, 0x1D7CB,
        0x1DF00, 0x1DF1E, 0x1DF25, 0x1DF2A, 0x1E030, 0x1E06D, 0x1E100, 0x1E12C, 0x1E137, 0x1E13D, 0x1E14E, 0x1E14E,
        0x1E290, 0x1E2AD, 0x1E2C0, 0x1E2EB, 0x1E4D0, 0x1E4EB, 0x1E7E0, 0x1E7E6, 0x1E7E8, 0x1E7EB, 0x1E7ED, 0x1E7EE,
        0x1E7F0, 0x1E7FE, 0x1E800, 0x1E8C4, 0x1E900, 0x1E943, 0x1E94B, 0x1E94B, 0x1EE00, 0x1EE03, 0x1EE05, 0x1EE1F,
        0x1EE21, 0x1EE22, 0x1EE24, 0x1EE24, 0x1EE27, 0x1EE27, 0x1EE29, 0x1EE32, 0x1EE34, 0x1EE37, 0x1EE39, 0x1EE39,
        0x1EE3B, 0x1EE3B, 0x1EE42, 0x1EE42, 0x1EE47, 0x1EE47, 0x1EE49, 0x1EE49, 0x1EE4B, 0x1EE4B, 0x1EE4D, 0x1EE4F,
        0x1EE51, 0x1EE52, 0x1EE54, 0x1EE54, 0x1EE57, 0x1EE57, 0x1EE59, 0x1EE59, 0x1EE5B, 0x1EE5B, 0x1EE5D, 0x1EE5D,
        0x1EE5F, 0x1EE5F, 0x1EE61, 0x1EE62, 0x1EE64, 0x1EE64, 0x1EE67, 0x1EE6A, 0x1EE6C, 0x1EE72, 0x1EE74, 0x1EE77,
        0x1EE79, 0x1EE7C, 0x1EE7E, 0x1EE7E, 0x1EE80, 0x1EE89, 0x1EE8B, 0x1EE9B, 0x1EEA1, 0x1EEA3, 0x1EEA5, 0x1EEA9,
        0x1EEAB, 0x1EEBB, 0x20000, 0x2A6DF, 0x2A700, 0x2B739, 0x2B740, 0x2B81D, 0x2B820, 0x2CEA1, 0x2CEB0, 0x2EBE0,
        0x2F800, 0x2FA1D, 0x30000, 0x3134A, 0x31350, 0x323AF,
    ];

    /// Non-ASCII code points of category Nd (`unicode.IsDigit`), as inclusive `lo, hi` pairs.
    pub(super) static DIGIT: [u32; 126] = [
        0x660, 0x669, 0x6F0, 0x6F9, 0x7C0, 0x7C9, 0x966, 0x96F, 0x9E6, 0x9EF, 0xA66, 0xA6F,
        0xAE6, 0xAEF, 0xB66, 0xB6F, 0xBE6, 0xBEF, 0xC66, 0xC6F, 0xCE6, 0xCEF, 0xD66, 0xD6F,
        0xDE6, 0xDEF, 0xE50, 0xE59, 0xED0, 0xED9, 0xF20, 0xF29, 0x1040, 0x1049, 0x1090, 0x1099,
        0x17E0, 0x17E9, 0x1810, 0x1819, 0x1946, 0x194F, 0x19D0, 0x19D9, 0x1A80, 0x1A89, 0x1A90, 0x1A99,
        0x1B50, 0x1B59, 0x1BB0, 0x1BB9, 0x1C40, 0x1C49, 0x1C50, 0x1C59, 0xA620, 0xA629, 0xA8D0, 0xA8D9,
        0xA900, 0xA909, 0xA9D0, 0xA9D9, 0xA9F0, 0xA9F9, 0xAA50, 0xAA59, 0xABF0, 0xABF9, 0xFF10, 0xFF19,
        0x104A0, 0x104A9, 0x10D30, 0x10D39, 0x11066, 0x1106F, 0x110F0, 0x110F9, 0x11136, 0x1113F, 0x111D0, 0x111D9,
        0x112F0, 0x112F9, 0x11450, 0x11459, 0x114D0, 0x114D9, 0x11650, 0x11659, 0x116C0, 0x116C9, 0x11730, 0x11739,
        0x118E0, 0x118E9, 0x11950, 0x11959, 0x11C50, 0x11C59, 0x11D50, 0x11D59, 0x11DA0, 0x11DA9, 0x11F50, 0x11F59,
        0x16A60, 0x16A69, 0x16AC0, 0x16AC9, 0x16B50, 0x16B59, 0x1D7CE, 0x1D7FF, 0x1E140, 0x1E149, 0x1E2F0, 0x1E2F9,
        0x1E4F0, 0x1E4F9, 0x1E950, 0x1E959, 0x1FBF0, 0x1FBF9,
    ];

    /// Non-ASCII code points `strconv.IsPrint` accepts (categories L, M, N, P, S), as inclusive `lo, hi` pairs.
    pub(super) static PRINT: [u32; 1420] = [
        0xA1, 0xAC, 0xAE, 0x377, 0x37A, 0x37F, 0x384, 0x38A, 0x38C, 0x38C, 0x38E, 0x3A1,
        0x3A3, 0x52F, 0x531, 0x556, 0x559, 0x58A, 0x58D, 0x58F, 0x591, 0x5C7, 0x5D0, 0x5EA,
        0x5EF, 0x5F4, 0x606, 0x61B, 0x61D, 0x6DC, 0x6DE, 0x70D, 0x710, 0x74A, 0x74D, 0x7B1,
        0x7C0, 0x7FA, 0x7FD, 0x82D, 0x830, 0x83E, 0x840, 0x85B, 0x85E, 0x85E, 0x860, 0x86A,
        0x870, 0x88E, 0x898, 0x8E1, 0x8E3, 0x983, 0x985, 0x98C, 0x98F, 0x990, 0x993, 0x9A8,
        0x9AA, 0x9B0, 0x9B2, 0x9B2, 0x9B6, 0x9B9, 0x9BC, 0x9C4, 0x9C7, 0x9C8, 0x9CB, 0x9CE,
        0x9D7, 0x9D7, 0x9DC, 0x9DD, 0x9DF, 0x9E3, 0x9E6, 0x9FE, 0xA01, 0xA03, 0xA05, 0xA0A,
        0xA0F, 0xA10, 0xA13, 0xA28, 0xA2A, 0xA30, 0xA32, 0xA33, 0xA35, 0xA36, 0xA38, 0xA39,
        0xA3C, 0xA3C, 0xA3E, 0xA42, 0xA47, 0xA48, 0xA4B, 0xA4D, 0xA51, 0xA51, 0xA59, 0xA5C,
        0xA5E, 0xA5E, 0xA66, 0xA76, 0xA81, 0xA83, 0xA85, 0xA8D, 0xA8F, 0xA91, 0xA93, 0xAA8,
        0xAAA, 0xAB0, 0xAB2, 0xAB3, 0xAB5, 0xAB9, 0xABC, 0xAC5, 0xAC7, 0xAC9, 0xACB, 0xACD,
        0xAD0, 0xAD0, 0xAE0, 0xAE3, 0xAE6, 0xAF1, 0xAF9, 0xAFF, 0xB01, 0xB03, 0xB05, 0xB0C,
        0xB0F, 0xB10, 0xB13, 0xB28, 0xB2A, 0xB30, 0xB32, 0xB33, 0xB35, 0xB39, 0xB3C, 0xB44,
        0xB47, 0xB48, 0xB4B, 0xB4D, 0xB55, 0xB57, 0xB5C, 0xB5D, 0xB5F, 0xB63, 0xB66, 0xB77,
        0xB82, 0xB83, 0xB85, 0xB8A, 0xB8E, 0xB90, 0xB92, 0xB95, 0xB99, 0xB9A, 0xB9C, 0xB9C,
        0xB9E, 0xB9F, 0xBA3, 0xBA4, 0xBA8, 0xBAA, 0xBAE, 0xBB9, 0xBBE, 0xBC2, 0xBC6, 0xBC8,
        0xBCA, 0xBCD, 0xBD0, 0xBD0, 0xBD7, 0xBD7, 0xBE6, 0xBFA, 0xC00, 0xC0C, 0xC0E, 0xC10,
        0xC12, 0xC28, 0xC2A, 0xC39, 0xC3C, 0xC44, 0xC46, 0xC48, 0xC4A, 0xC4D, 0xC55, 0xC56,
        0xC58, 0xC5A, 0xC5D, 0xC5D, 0xC60, 0xC63, 0xC66, 0xC6F, 0xC77, 0xC8C, 0xC8E, 0xC90,
        0xC92, 0xCA8, 0xCAA, 0xCB3, 0xCB5, 0xCB9, 0xCBC, 0xCC4, 0xCC6, 0xCC8, 0xCCA, 0xCCD,
        0xCD5, 0xCD6, 0xCDD, 0xCDE, 0xCE0, 0xCE3, 0xCE6, 0xCEF, 0xCF1, 0xCF3, 0xD00, 0xD0C,
        0xD0E, 0xD10, 0xD12, 0xD44, 0xD46, 0xD48, 0xD4A, 0xD4F, 0xD54, 0xD63, 0xD66, 0xD7F,
        0xD81, 0xD83, 0xD85, 0xD96, 0xD9A, 0xDB1, 0xDB3, 0xDBB, 0xDBD, 0xDBD, 0xDC0, 0xDC6,
        0xDCA, 0xDCA, 0xDCF, 0xDD4, 0xDD6, 0xDD6, 0xDD8, 0xDDF, 0xDE6, 0xDEF, 0xDF2, 0xDF4,
        0xE01, 0xE3A, 0xE3F, 0xE5B, 0xE81, 0xE82, 0xE84, 0xE84, 0xE86, 0xE8A, 0xE8C, 0xEA3,
        0xEA5, 0xEA5, 0xEA7, 0xEBD, 0xEC0, 0xEC4, 0xEC6, 0xEC6, 0xEC8, 0xECE, 0xED0, 0xED9,
        0xEDC, 0xEDF, 0xF00, 0xF47, 0xF49, 0xF6C, 0xF71, 0xF97, 0xF99, 0xFBC, 0xFBE, 0xFCC,
        0xFCE, 0xFDA, 0x1000, 0x10C5, 0x10C7, 0x10C7, 0x10CD, 0x10CD, 0x10D0, 0x1248, 0x124A, 0x124D,
        0x1250, 0x1256, 0x1258, 0x1258, 0x125A, 0x125D, 0x1260, 0x1288, 0x128A, 0x128D, 0x1290, 0x12B0,
        0x12B2, 0x12B5, 0x12B8, 0x12BE, 0x12C0, 0x12C0, 0x12C2, 0x12C5, 0x12C8, 0x12D6, 0x12D8, 0x1310,
        0x1312, 0x1315, 0x1318, 0x135A, 0x135D, 0x137C, 0x1380, 0x1399, 0x13A0, 0x13F5, 0x13F8, 0x13FD,
        0x1400, 0x167F, 0x1681, 0x169C, 0x16A0, 0x16F8, 0x1700, 0x1715, 0x171F, 0x1736, 0x1740, 0x1753,
        0x1760, 0x176C, 0x176E, 0x1770, 0x1772, 0x1773, 0x1780, 0x17DD, 0x17E0, 0x17E9, 0x17F0, 0x17F9,
        0x1800, 0x180D, 0x180F, 0x1819, 0x1820, 0x1878, 0x1880, 0x18AA, 0x18B0, 0x18F5, 0x1900, 0x191E,
        0x1920, 0x192B, 0x1930, 0x193B, 0x1940, 0x1940, 0x1944, 0x196D, 0x1970, 0x1974, 0x1980, 0x19AB,
        0x19B0, 0x19C9, 0x19D0, 0x19DA, 0x19DE, 0x1A1B, 0x1A1E, 0x1A5E, 0x1A60, 0x1A7C, 0x1A7F, 0x1A89,
        0x1A90, 0x1A99, 0x1AA0, 0x1AAD, 0x1AB0, 0x1ACE, 0x1B00, 0x1B4C, 0x1B50, 0x1B7E, 0x1B80, 0x1BF3,
        0x1BFC, 0x1C37, 0x1C3B, 0x1C49, 0x1C4D, 0x1C88, 0x1C90, 0x1CBA, 0x1CBD, 0x1CC7, 0x1CD0, 0x1CFA,
        0x1D00, 0x1F15, 0x1F18, 0x1F1D, 0x1F20, 0x1F45, 0x1F48, 0x1F4D, 0x1F50, 0x1F57, 0x1F59, 0x1F59,
        0x1F5B, 0x1F5B, 0x1F5D, 0x1F5D, 0x1F5F, 0x1F7D, 0x1F80, 0x1FB4, 0x1FB6, 0x1FC4, 0x1FC6, 0x1FD3,
        0x1FD6, 0x1FDB, 0x1FDD, 0x1FEF, 0x1FF2, 0x1FF4, 0x1FF6, 0x1FFE, 0x2010, 0x2027, 0x2030, 0x205E,
        0x2070, 0x2071, 0x2074, 0x208E, 0x2090, 0x209C, 0x20A0, 0x20C0, 0x20D0, 0x20F0, 0x2100, 0x218B,
        0x2190, 0x2426, 0x2440, 0x244A, 0x2460, 0x2B73, 0x2B76, 0x2B95, 0x2B97, 0x2CF3, 0x2CF9, 0x2D25,
        0x2D27, 0x2D27, 0x2D2D, 0x2D2D, 0x2D30, 0x2D67, 0x2D6F, 0x2D70, 0x2D7F, 0x2D96, 0x2DA0, 0x2DA6,
        0x2DA8, 0x2DAE, 0x2DB0, 0x2DB6, 0x2DB8, 0x2DBE, 0x2DC0, 0x2DC6, 0x2DC8, 0x2DCE, 0x2DD0, 0x2DD6,
        0x2DD8, 0x2DDE, 0x2DE0, 0x2E5D, 0x2E80, 0x2E99, 0x2E9B, 0x2EF3, 0x2F00, 0x2FD5, 0x2FF0, 0x2FFB,
        0x3001, 0x303F, 0x3041, 0x3096, 0x3099, 0x30FF, 0x3105, 0x312F, 0x3131, 0x318E, 0x3190, 0x31E3,
        0x31F0, 0x321E, 0x3220, 0xA48C, 0xA490, 0xA4C6, 0xA4D0, 0xA62B, 0xA640, 0xA6F7, 0xA700, 0xA7CA,
        0xA7D0, 0xA7D1, 0xA7D3, 0xA7D3, 0xA7D5, 0xA7D9, 0xA7F2, 0xA82C, 0xA830, 0xA839, 0xA840, 0xA877,
        0xA880, 0xA8C5, 0xA8CE, 0xA8D9, 0xA8E0, 0xA953, 0xA95F, 0xA97C, 0xA980, 0xA9CD, 0xA9CF, 0xA9D9,
        0xA9DE, 0xA9FE, 0xAA00, 0xAA36, 0xAA40, 0xAA4D, 0xAA50, 0xAA59, 0xAA5C, 0xAAC2, 0xAADB, 0xAAF6,
        0xAB01, 0xAB06, 0xAB09, 0xAB0E, 0xAB11, 0xAB16, 0xAB20, 0xAB26, 0xAB28, 0xAB2E, 0xAB30, 0xAB6B,
        0xAB70, 0xABED, 0xABF0, 0xABF9, 0xAC00, 0xD7A3, 0xD7B0, 0xD7C6, 0xD7CB, 0xD7FB, 0xF900, 0xFA6D,
        0xFA70, 0xFAD9, 0xFB00, 0xFB06, 0xFB13, 0xFB17, 0xFB1D, 0xFB36, 0xFB38, 0xFB3C, 0xFB3E, 0xFB3E,
        0xFB40, 0xFB41, 0xFB43, 0xFB44, 0xFB46, 0xFBC2, 0xFBD3, 0xFD8F, 0xFD92, 0xFDC7, 0xFDCF, 0xFDCF,
        0xFDF0, 0xFE19, 0xFE20, 0xFE52, 0xFE54, 0xFE66, 0xFE68, 0xFE6B, 0xFE70, 0xFE74, 0xFE76, 0xFEFC,
        0xFF01, 0xFFBE, 0xFFC2, 0xFFC7, 0xFFCA, 0xFFCF, 0xFFD2, 0xFFD7, 0xFFDA, 0xFFDC, 0xFFE0, 0xFFE6,
        0xFFE8, 0xFFEE, 0xFFFC, 0xFFFD, 0x10000, 0x1000B, 0x1000D, 0x10026, 0x10028, 0x1003A, 0x1003C, 0x1003D,
        0x1003F, 0x1004D, 0x10050, 0x1005D, 0x10080, 0x100FA, 0x10100, 0x10102, 0x10107, 0x10133, 0x10137, 0x1018E,
        0x10190, 0x1019C, 0x101A0, 0x101A0, 0x101D0, 0x101FD, 0x10280, 0x1029C, 0x102A0, 0x102D0, 0x102E0, 0x102FB,
        0x10300, 0x10323, 0x1032D, 0x1034A, 0x10350, 0x1037A, 0x10380, 0x1039D, 0x1039F, 0x103C3, 0x103C8, 0x103D5,
        0x10400, 0x1049D, 0x104A0, 0x104A9, 0x104B0, 0x104D3, 0x104D8, 0x104FB, 0x10500, 0x10527, 0x10530, 0x10563,
        0x1056F, 0x1057A, 0x1057C, 0x1058A, 0x1058C, 0x10592, 0x10594, 0x10595, 0x10597, 0x105A1, 0x105A3, 0x105B1,
        0x105B3, 0x105B9, 0x105BB, 0x105BC, 0x10600, 0x10736, 0x10740, 0x10755, 0x10760, 0x10767, 0x10780, 0x10785,
        0x10787, 0x107B0, 0x107B2, 0x107BA, 0x10800, 0x10805, 0x10808, 0x10808, 0x1080A, 0x10835, 0x10837, 0x10838,
        0x1083C, 0x1083C, 0x1083F, 0x10855, 0x10857, 0x1089E, 0x108A7, 0x108AF, 0x108E0, 0x108F2, 0x108F4, 0x108F5,
        0x108FB, 0x1091B, 0x1091F, 0x10939, 0x1093F, 0x1093F, 0x10980, 0x109B7, 0x109BC, 0x109CF, 0x109D2, 0x10A03,
        0x10A05, 0x10A06, 0x10A0C, 0x10A13, 0x10A15, 0x10A17, 0x10A19, 0x10A35, 0x10A38, 0x10A3A, 0x10A3F, 0x10A48,
        0x10A50, 0x10A58, 0x10A60, 0x10A9F, 0x10AC0, 0x10AE6, 0x10AEB, 0x10AF6, 0x10B00, 0x10B35, 0x10B39, 0x10B55,
        0x10B58, 0x10B72, 0x10B78, 0x10B91, 0x10B99, 0x10B9C, 0x10BA9, 0x10BAF, 0x10C00, 0x10C48, 0x10C80, 0x10CB2,
        0x10CC0, 0x10CF2, 0x10CFA, 0x10D27, 0x10D30, 0x10D39, 0x10E60, 0x10E7E, 0x10E80, 0x10EA9, 0x10EAB, 0x10EAD,
        0x10EB0, 0x10EB1, 0x10EFD, 0x10F27, 0x10F30, 0x10F59, 0x10F70, 0x10F89, 0x10FB0, 0x10FCB, 0x10FE0, 0x10FF6,
        0x11000, 0x1104D, 0x11052, 0x11075, 0x1107F, 0x110BC, 0x110BE, 0x110C2, 0x110D0, 0x110E8, 0x110F0, 0x110F9,
        0x11100, 0x11134, 0x11136, 0x11147, 0x11150, 0x11176, 0x11180, 0x111DF, 0x111E1, 0x111F4, 0x11200, 0x11211,
        0x11213, 0x11241, 0x11280, 0x11286, 0x11288, 0x11288, 0x1128A, 0x1128D, 0x1128F, 0x1129D, 0x1129F, 0x112A9,
        0x112B0, 0x112EA, 0x112F0, 0x112F9, 0x11300, 0x11303, 0x11305, 0x1130C, 0x1130F, 0x11310, 0x11313, 0x11328,
        0x1132A, 0x11330, 0x11332, 0x11333, 0x11335, 0x11339, 0x1133B, 0x11344, 0x11347, 0x11348, 0x1134B, 0x1134D,
        0x11350, 0x11350, 0x11357, 0x11357, 0x1135D, 0x11363, 0x11366, 0x1136C, 0x11370, 0x11374, 0x11400, 0x1145B,
        0x1145D, 0x11461, 0x11480, 0x114C7, 0x114D0, 0x114D9, 0x11580, 0x115B5, 0x115B8, 0x115DD, 0x11600, 0x11644,
        0x11650, 0x11659, 0x11660, 0x1166C, 0x11680, 0x116B9, 0x116C0, 0x116C9, 0x11700, 0x1171A, 0x1171D, 0x1172B,
        0x11730, 0x11746, 0x11800, 0x1183B, 0x118A0, 0x118F2, 0x118FF, 0x11906, 0x11909, 0x11909, 0x1190C, 0x11913,
        0x11915, 0x11916, 0x11918, 0x11935, 0x11937, 0x11938, 0x1193B, 0x11946, 0x11950, 0x11959, 0x119A0, 0x119A7,
        0x119AA, 0x119D7, 0x119DA, 0x119E4, 0x11A00, 0x11A47, 0x11A50, 0x11AA2, 0x11AB0, 0x11AF8, 0x11B00, 0x11B09,
        0x11C00, 0x11C08, 0x11C0A, 0x11C36, 0x11C38, 0x11C45, 0x11C50, 0x11C6C, 0x11C70, 0x11C8F, 0x11C92, 0x11CA7,
        0x11CA9, 0x11CB6, 0x11D00, 0x11D06, 0x11D08, 0x11D09, 0x11D0B, 0x11D36, 0x11D3A, 0x11D3A, 0x11D3C, 0x11D3D,
        0x11D3F, 0x11D47, 0x11D50, 0x11D59, 0x11D60, 0x11D65, 0x11D67, 0x11D68, 0x11D6A, 0x11D8E, 0x11D90, 0x11D91,
        0x11D93, 0x11D98, 0x11DA0, 0x11DA9, 0x11EE0, 0x11EF8, 0x11F00, 0x11F10, 0x11F12, 0x11F3A, 0x11F3E, 0x11F59,
        0x11FB0, 0x11FB0, 0x11FC0, 0x11FF1, 0x11FFF, 0x12399, 0x12400, 0x1246E, 0x12470, 0x12474, 0x12480, 0x12543,
        0x12F90, 0x12FF2, 0x13000, 0x1342F, 0x13440, 0x13455, 0x14400, 0x14646, 0x16800, 0x16A38, 0x16A40, 0x16A5E,
        0x16A60, 0x16A69, 0x16A6E, 0x16ABE, 0x16AC0, 0x16AC9, 0x16AD0, 0x16AED, 0x16AF0, 0x16AF5, 0x16B00, 0x16B45,
        0x16B50, 0x16B59, 0x16B5B, 0x16B61, 0x16B63, 0x16B77, 0x16B7D, 0x16B8F, 0x16E40, 0x16E9A, 0x16F00, 0x16F4A,
        0x16F4F, 0x16F87, 0x16F8F, 0x16F9F, 0x16FE0, 0x16FE4, 0x16FF0, 0x16FF1, 0x17000, 0x187F7, 0x18800, 0x18CD5,
        0x18D00, 0x18D08, 0x1AFF0, 0x1AFF3, 0x1AFF5, 0x1AFFB, 0x1AFFD, 0x1AFFE, 0x1B000, 0x1B122, 0x1B132, 0x1B132,
        0x1B150, 0x1B152, 0x1B155, 0x1B155, 0x1B164, 0x1B167, 0x1B170, 0x1B2FB, 0x1BC00, 0x1BC6A, 0x1BC70, 0x1BC7C,
        0x1BC80, 0x1BC88, 0x1BC90, 0x1BC99, 0x1BC9C, 0x1BC9F, 0x1CF00, 0x1CF2D, 0x1CF30, 0x1CF46, 0x1CF50, 0x1CFC3,
        0x1D000, 0x1D0F5, 0x1D100, 0x1D126, 0x1D129, 0x1D172, 0x1D17B, 0x1D1EA, 0x1D200, 0x1D245, 0x1D2C0, 0x1D2D3,
        0x1D2E0, 0x1D2F3, 0x1D300, 0x1D356, 0x1D360, 0x1D378, 0x1D400, 0x1D454, 0x1D456, 0x1D49C, 0x1D49E, 0x1D49F,
        0x1D4A2, 0x1D4A2, 0x1D4A5, 0x1D4A6, 0x1D4A9, 0x1D4AC, 0x1D4AE, 0x1D4B9, 0x1D4BB, 0x1D4BB, 0x1D4BD, 0x1D4C3,
        0x1D4C5, 0x1D505, 0x1D507, 0x1D50A, 0x1D50D, 0x1D514, 0x1D516, 0x1D51C, 0x1D51E, 0x1D539, 0x1D53B, 0x1D53E,
        0x1D540, 0x1D544, 0x1D546, 0x1D546, 0x1D54A, 0x1D550, 0x1D552, 0x1D6A5, 0x1D6A8, 0x1D7CB, 0x1D7CE, 0x1DA8B,
        0x1DA9B, 0x1DA9F, 0x1DAA1, 0x1DAAF, 0x1DF00, 0x1DF1E, 0x1DF25, 0x1DF2A, 0x1E000, 0x1E006, 0x1E008, 0x1E018,
        0x1E01B, 0x1E021, 0x1E023, 0x1E024, 0x1E026, 0x1E02A, 0x1E030, 0x1E06D, 0x1E08F, 0x1E08F, 0x1E100, 0x1E12C,
        0x1E130, 0x1E13D, 0x1E140, 0x1E149, 0x1E14E, 0x1E14F, 0x1E290, 0x1E2AE, 0x1E2C0, 0x1E2F9, 0x1E2FF, 0x1E2FF,
        0x1E4D0, 0x1E4F9, 0x1E7E0, 0x1E7E6, 0x1E7E8, 0x1E7EB, 0x1E7ED, 0x1E7EE, 0x1E7F0, 0x1E7FE, 0x1E800, 0x1E8C4,
        0x1E8C7, 0x1E8D6, 0x1E900, 0x1E94B, 0x1E950, 0x1E959, 0x1E95E, 0x1E95F, 0x1EC71, 0x1ECB4, 0x1ED01, 0x1ED3D,
        0x1EE00, 0x1EE03, 0x1EE05, 0x1EE1F, 0x1EE21, 0x1EE22, 0x1EE24, 0x1EE24, 0x1EE27, 0x1EE27, 0x1EE29, 0x1EE32,
        0x1EE34, 0x1EE37, 0x1EE39, 0x1EE39, 0x1EE3B, 0x1EE3B, 0x1EE42, 0x1EE42, 0x1EE47, 0x1EE47, 0x1EE49, 0x1EE49,
        0x1EE4B, 0x1EE4B, 0x1EE4D, 0x1EE4F, 0x1EE51, 0x1EE52, 0x1EE54, 0x1EE54, 0x1EE57, 0x1EE57, 0x1EE59, 0x1EE59,
        0x1EE5B, 0x1EE5B, 0x1EE5D, 0x1EE5D, 0x1EE5F, 0x1EE5F, 0x1EE61, 0x1EE62, 0x1EE64, 0x1EE64, 0x1EE67, 0x1EE6A,
        0x1EE6C, 0x1EE72, 0x1EE74, 0x1EE77, 0x1EE79, 0x1EE7C, 0x1EE7E, 0x1EE7E, 0x1EE80, 0x1EE89, 0x1EE8B, 0x1EE9B,
        0x1EEA1, 0x1EEA3, 0x1EEA5, 0x1EEA9, 0x1EEAB, 0x1EEBB, 0x1EEF0, 0x1EEF1, 0x1F000, 0x1F02B, 0x1F030, 0x1F093,
        0x1F0A0, 0x1F0AE, 0x1F0B1, 0x1F0BF, 0x1F0C1, 0x1F0CF, 0x1F0D1, 0x1F0F5, 0x1F100, 0x1F1AD, 0x1F1E6, 0x1F202,
        0x1F210, 0x1F23B, 0x1F240, 0x1F248, 0x1F250, 0x1F251, 0x1F260, 0x1F265, 0x1F300, 0x1F6D7, 0x1F6DC, 0x1F6EC,
        0x1F6F0, 0x1F6FC, 0x1F700, 0x1F776, 0x1F77B, 0x1F7D9, 0x1F7E0, 0x1F7EB, 0x1F7F0, 0x1F7F0, 0x1F800, 0x1F80B,
        0x1F810, 0x1F847, 0x1F850, 0x1F859, 0x1F860, 0x1F887, 0x1F890, 0x1F8AD, 0x1F8B0, 0x1F8B1, 0x1F900, 0x1FA53,
        0x1FA60, 0x1FA6D, 0x1FA70, 0x1FA7C, 0x1FA80, 0x1FA88, 0x1FA90, 0x1FABD, 0x1FABF, 0x1FAC5, 0x1FACE, 0x1FADB,
        0x1FAE0, 0x1FAE8, 0x1FAF0, 0x1FAF8, 0x1FB00, 0x1FB92, 0x1FB94, 0x1FBCA, 0x1FBF0, 0x1FBF9, 0x20000, 0x2A6DF,
        0x2A700, 0x2B739, 0x2B740, 0x2B81D, 0x2B820, 0x2CEA1, 0x2CEB0, 0x2EBE0, 0x2F800, 0x2FA1D, 0x30000, 0x3134A,
        0x31350, 0x323AF, 0xE0100, 0xE01EF,
    ];
}
