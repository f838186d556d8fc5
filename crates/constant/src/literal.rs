//! Values of Go literal tokens, as `go/constant.MakeFromLiteral` computes them.
//!
//! The accepted syntax is that of the Go library routines `MakeFromLiteral` delegates to
//! (`strconv` and `math/big` parsing), which is a little more liberal than the language:
//! for instance a sign is accepted, and a rune literal only needs its first character to
//! be valid. Whatever they reject gives the unknown value.
//!
//! Float literals are first parsed as a 512-bit binary float, the way `math/big` does it
//! (the mantissa digits exactly, powers of five at 576 bits); only if that float's
//! exponent is moderate is the literal parsed again as an exact fraction.

use dashu_int::ops::BitTest;
use dashu_int::{IBig, Sign, UBig};
use dashu_ratio::RBig;

use crate::bigfloat::{BigFloat, PREC};
use crate::value::{make_complex, make_float, make_int, small_float, Inner, Value};

/// The kind of literal token given to [`make_from_literal`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LiteralKind {
    /// An integer literal: `42`, `0x_FF`, `0o17`, `017`, `0b1`, `1_000`.
    Int,
    /// A floating-point literal: `1.5`, `1e-400`, `0x1p-1074`, `.5`, `1_0.0_1`.
    Float,
    /// An imaginary literal: a float literal (or integer) followed by `i`.
    Imag,
    /// A rune literal, quotes included: `'a'`, `'\n'`, `'\u00e9'`, `'\377'`.
    Char,
    /// A string literal, quotes included: interpreted (`"a\tb"`) or raw (`` `a` ``).
    String,
}

/// The value of a literal token's text (quotes included for runes and strings).
/// Invalid literals give the unknown value.
pub fn make_from_literal(lit: impl AsRef<[u8]>, kind: LiteralKind) -> Value {
    let lit = lit.as_ref();
    let value = match kind {
        LiteralKind::Int => int_literal(lit),
        LiteralKind::Float => float_literal(lit),
        LiteralKind::Imag => match lit.split_last() {
            Some((b'i', body)) => {
                float_literal(body).map(|im| make_complex(Value::from_i64(0), im))
            }
            _ => None,
        },
        LiteralKind::Char => char_literal(lit),
        LiteralKind::String => unquote(lit).map(Value::from_string),
    };
    value.unwrap_or_else(Value::unknown)
}

// ---------------------------------------------------------------------------------------
// Numbers

/// A byte cursor over a literal; "peeking" without consuming plays the role of Go's
/// read-then-unread.
struct Cursor<'a> {
    s: &'a [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn bump(&mut self) {
        self.pos += 1;
    }

    fn at_end(&self) -> bool {
        self.pos >= self.s.len()
    }

    /// An optional `+` or `-`; fails on empty input.
    fn sign(&mut self) -> Option<bool> {
        match self.peek()? {
            b'-' => {
                self.bump();
                Some(true)
            }
            b'+' => {
                self.bump();
                Some(false)
            }
            _ => Some(false),
        }
    }
}

/// The digits of a number in the base its prefix selects.
struct Mantissa {
    value: UBig,
    base: u32,
    /// The number of digits when there is no radix point; otherwise minus the number of
    /// digits after the point.
    count: i64,
}

fn digit_value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => u32::from(c - b'0'),
        b'a'..=b'z' => u32::from(c - b'a') + 10,
        b'A'..=b'Z' => u32::from(c - b'A') + 10,
        _ => u32::MAX,
    }
}

/// Scans an unsigned number with an optional base prefix (`0b`, `0o`, `0x`; and `0` for
/// octal unless `frac_ok`), `_` separators between digits, and (if `frac_ok`) one radix
/// point. Stops before the first byte that cannot continue the number.
fn scan_mantissa(cur: &mut Cursor<'_>, frac_ok: bool) -> Option<Mantissa> {
    let mut frac_ok = frac_ok;
    // The previous character class: b'0' digit (or prefix), b'_' separator, b'.' other.
    let mut prev = b'.';
    let mut bad_separator = false;
    let mut base = 10;
    let mut octal_zero_prefix = false;
    let mut count: i64 = 0;

    if cur.peek() == Some(b'0') {
        prev = b'0';
        count = 1;
        cur.bump();
        let prefix = match cur.peek() {
            Some(b'b' | b'B') => Some(2),
            Some(b'o' | b'O') => Some(8),
            Some(b'x' | b'X') => Some(16),
            _ => None,
        };
        if let Some(b) = prefix {
            base = b;
            count = 0;
            cur.bump();
        } else if !frac_ok {
            base = 8;
            count = 0;
            octal_zero_prefix = true;
        }
    }

    let mut digits = String::new();
    let mut point: Option<i64> = None;
    while let Some(c) = cur.peek() {
        if c == b'.' && frac_ok {
            frac_ok = false;
            if prev == b'_' {
                bad_separator = true;
            }
            prev = b'.';
            point = Some(count);
        } else if c == b'_' {
            if prev != b'0' {
                bad_separator = true;
            }
            prev = b'_';
        } else {
            if digit_value(c) >= base {
                break;
            }
            prev = b'0';
            count += 1;
            digits.push(char::from(c));
        }
        cur.bump();
    }

    if bad_separator || prev == b'_' {
        return None;
    }
    if count == 0 {
        if octal_zero_prefix {
            // Just "0" (then whatever stopped the scan): decimal zero.
            return Some(Mantissa {
                value: UBig::ZERO,
                base: 10,
                count: 1,
            });
        }
        return None;
    }
    let value = if digits.is_empty() {
        UBig::ZERO
    } else {
        UBig::from_str_radix(&digits, base).ok()?
    };
    if let Some(dp) = point {
        count = dp - count;
    }
    Some(Mantissa { value, base, count })
}

/// Scans an optional exponent: `e`/`E` (decimal) or, if `binary_ok`, `p`/`P` (binary),
/// then an optional sign and decimal digits with `_` separators. Returns the exponent
/// and its base (10 when there is none).
fn scan_exponent(cur: &mut Cursor<'_>, binary_ok: bool) -> Option<(i64, u32)> {
    let base = match cur.peek() {
        Some(b'e' | b'E') => 10,
        Some(b'p' | b'P') if binary_ok => 2,
        _ => return Some((0, 10)),
    };
    cur.bump();
    let mut digits = String::new();
    if let Some(c @ (b'+' | b'-')) = cur.peek() {
        if c == b'-' {
            digits.push('-');
        }
        cur.bump();
    }
    let mut prev = b'.';
    let mut bad_separator = false;
    let mut any = false;
    while let Some(c) = cur.peek() {
        if c.is_ascii_digit() {
            digits.push(char::from(c));
            prev = b'0';
            any = true;
        } else if c == b'_' {
            if prev != b'0' {
                bad_separator = true;
            }
            prev = b'_';
        } else {
            break;
        }
        cur.bump();
    }
    if !any {
        return None;
    }
    let exp = digits.parse::<i64>().ok()?;
    if bad_separator || prev == b'_' {
        return None;
    }
    Some((exp, base))
}

/// Go's `strconv.ParseInt(lit, 0, 64)` falling back to `big.Int.SetString(lit, 0)`: both
/// accept the same syntax, so the value decides the representation.
fn int_literal(lit: &[u8]) -> Option<Value> {
    let mut cur = Cursor { s: lit, pos: 0 };
    let neg = cur.sign()?;
    let m = scan_mantissa(&mut cur, false)?;
    if !cur.at_end() {
        return None;
    }
    let sign = if neg { Sign::Negative } else { Sign::Positive };
    Some(make_int(IBig::from_parts(sign, m.value)))
}

/// The number parts of a float literal: sign, mantissa digits, radix-point digit count,
/// exponent and exponent base.
struct FloatParts {
    neg: bool,
    mant: Mantissa,
    exp: i64,
    exp_base: u32,
}

fn scan_float(lit: &[u8]) -> Option<FloatParts> {
    let mut cur = Cursor { s: lit, pos: 0 };
    let neg = cur.sign()?;
    let mant = scan_mantissa(&mut cur, true)?;
    let (exp, exp_base) = scan_exponent(&mut cur, true)?;
    if !cur.at_end() {
        return None;
    }
    Some(FloatParts {
        neg,
        mant,
        exp,
        exp_base,
    })
}

/// The binary exponent contribution of the radix point, in bits per digit.
fn bits_per_digit(base: u32) -> i64 {
    match base {
        2 => 1,
        8 => 3,
        16 => 4,
        _ => 1, // base 10: the power of two half of 10^n
    }
}

/// `big.Float.SetString` at 512 bits: `None` for syntax errors and exponent overflow.
fn parse_big_float(lit: &[u8]) -> Option<BigFloat> {
    match lit {
        b"Inf" | b"inf" | b"+Inf" | b"+inf" => return Some(BigFloat::Inf { neg: false }),
        b"-Inf" | b"-inf" => return Some(BigFloat::Inf { neg: true }),
        _ => {}
    }
    let p = scan_float(lit)?;
    if p.mant.value.is_zero() {
        return Some(BigFloat::Zero { neg: p.neg });
    }
    // value = mant × 2^exp2' × 5^exp5, with exp2 counted from the mantissa's leading bit.
    // Go computes these in wrapping int64 arithmetic.
    let mut exp2 = i64::try_from(p.mant.value.bit_len()).unwrap_or(i64::MAX);
    let mut exp5: i64 = 0;
    if p.mant.count < 0 {
        let d = p.mant.count;
        if p.mant.base == 10 {
            exp5 = d;
        }
        exp2 = exp2.wrapping_add(d.wrapping_mul(bits_per_digit(p.mant.base)));
    }
    if p.exp_base == 10 {
        exp5 = exp5.wrapping_add(p.exp);
    }
    exp2 = exp2.wrapping_add(p.exp);
    if exp2 < i64::from(i32::MIN) || exp2 > i64::from(i32::MAX) {
        return None;
    }
    let z = BigFloat::Finite {
        neg: p.neg,
        mant: strip_trailing_zeros(p.mant.value),
        exp: exp2,
    };
    if exp5 == 0 {
        return Some(z.set(PREC, crate::bigfloat::Mode::NearestEven).value);
    }
    let pow = pow5(exp5.unsigned_abs());
    Some(if exp5 < 0 {
        z.quo(&pow, PREC)
    } else {
        z.mul(&pow, PREC)
    })
}

fn strip_trailing_zeros(x: UBig) -> UBig {
    let tz = x.trailing_zeros().unwrap_or(0);
    x >> tz
}

/// `5^n` the way `math/big` computes it while parsing: exactly up to `5^27`, then by
/// repeated squaring with every product rounded to 576 bits.
fn pow5(n: u64) -> BigFloat {
    const WORK_PREC: u32 = PREC + 64;
    const EXACT_MAX: u64 = 27;
    if n <= EXACT_MAX {
        return BigFloat::exact_from_ubig(false, UBig::from(5u8).pow(n as usize));
    }
    let mut z = BigFloat::exact_from_ubig(false, UBig::from(5u8).pow(EXACT_MAX as usize));
    let mut f = BigFloat::exact_from_ubig(false, UBig::from(5u8));
    let mut n = n - EXACT_MAX;
    while n > 0 {
        if n & 1 != 0 {
            z = z.mul(&f, WORK_PREC);
        }
        f = f.mul(&f, WORK_PREC);
        n >>= 1;
    }
    z
}

/// `big.Rat.SetString` for a float literal: the exact fraction, or `None` on a syntax error
/// or an exponent too large to expand.
fn parse_rat(lit: &[u8]) -> Option<RBig> {
    let p = scan_float(lit)?;
    if p.mant.value.is_zero() {
        return Some(RBig::ZERO);
    }
    let mut exp2: i64 = 0;
    let mut exp5: i64 = 0;
    if p.mant.count < 0 {
        let d = p.mant.count;
        if p.mant.base == 10 {
            exp5 = d;
        }
        exp2 = d.wrapping_mul(bits_per_digit(p.mant.base));
    }
    if p.exp_base == 10 {
        exp5 = exp5.wrapping_add(p.exp);
    }
    exp2 = exp2.wrapping_add(p.exp);

    let mut num = p.mant.value;
    let mut den = UBig::ONE;
    if exp5 != 0 {
        let n = exp5.checked_abs()?;
        if n > 1_000_000 {
            return None;
        }
        let pow = UBig::from(5u8).pow(n as usize);
        if exp5 > 0 {
            num *= pow;
        } else {
            den = pow;
        }
    }
    if !(-10_000_000..=10_000_000).contains(&exp2) {
        return None;
    }
    let shift = exp2.unsigned_abs() as usize;
    if exp2 > 0 {
        num <<= shift;
    } else {
        den <<= shift;
    }
    let sign = if p.neg {
        Sign::Negative
    } else {
        Sign::Positive
    };
    Some(RBig::from_parts(IBig::from_parts(sign, num), den))
}

/// A float literal's value: an exact fraction when the exponent is moderate, else a
/// 512-bit binary float; `None` for invalid syntax.
fn float_literal(lit: &[u8]) -> Option<Value> {
    let f = parse_big_float(lit)?;
    if small_float(&f) {
        // A literal that underflowed to zero may have a huge negative exponent: don't
        // expand it as a fraction.
        let text: &[u8] = if f.is_zero() { b"0" } else { lit };
        if let Some(r) = parse_rat(text) {
            return Some(Value(Inner::Rat(Box::new(r))));
        }
    }
    Some(make_float(f))
}

// ---------------------------------------------------------------------------------------
// Runes and strings

/// Decodes the first UTF-8 character of `s` the way Go does: an invalid or truncated
/// sequence (and empty input) gives U+FFFD with length 1 (0 for empty input).
pub(crate) fn decode_rune(s: &[u8]) -> (u32, usize) {
    if s.is_empty() {
        return (0xFFFD, 0);
    }
    let head = &s[..s.len().min(4)];
    let valid = match std::str::from_utf8(head) {
        Ok(v) => v,
        Err(e) => std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or(""),
    };
    match valid.chars().next() {
        Some(c) => (u32::from(c), c.len_utf8()),
        None => (0xFFFD, 1),
    }
}

/// One decoded character of a quoted literal.
struct Unquoted {
    value: u32,
    /// Whether the value stands for a Unicode character (to be encoded as UTF-8) rather
    /// than a single byte (`\x..` and octal escapes, ASCII).
    multibyte: bool,
    /// Bytes consumed.
    len: usize,
}

fn hex_value(c: u8) -> Option<u32> {
    char::from(c).to_digit(16)
}

/// Go's `strconv.UnquoteChar`: decodes the first character or escape sequence of `s`,
/// inside a literal delimited by `quote`.
fn unquote_char(s: &[u8], quote: u8) -> Option<Unquoted> {
    let c = *s.first()?;
    if c == quote && (quote == b'\'' || quote == b'"') {
        return None;
    }
    if c >= 0x80 {
        let (value, len) = decode_rune(s);
        return Some(Unquoted {
            value,
            multibyte: true,
            len,
        });
    }
    if c != b'\\' {
        return Some(Unquoted {
            value: u32::from(c),
            multibyte: false,
            len: 1,
        });
    }
    let esc = *s.get(1)?;
    let simple = |value: u8| {
        Some(Unquoted {
            value: u32::from(value),
            multibyte: false,
            len: 2,
        })
    };
    match esc {
        b'a' => simple(0x07),
        b'b' => simple(0x08),
        b'f' => simple(0x0c),
        b'n' => simple(b'\n'),
        b'r' => simple(b'\r'),
        b't' => simple(b'\t'),
        b'v' => simple(0x0b),
        b'\\' => simple(b'\\'),
        b'\'' | b'"' if esc == quote => simple(esc),
        b'x' | b'u' | b'U' => {
            let n = match esc {
                b'x' => 2,
                b'u' => 4,
                _ => 8,
            };
            let digits = s.get(2..2 + n)?;
            let mut v: u64 = 0;
            for &d in digits {
                v = (v << 4) | u64::from(hex_value(d)?);
            }
            let value = u32::try_from(v).ok()?;
            if esc == b'x' {
                return Some(Unquoted {
                    value,
                    multibyte: false,
                    len: 2 + n,
                });
            }
            char::from_u32(value)?;
            Some(Unquoted {
                value,
                multibyte: true,
                len: 2 + n,
            })
        }
        b'0'..=b'7' => {
            let mut v = u32::from(esc - b'0');
            for &d in s.get(2..4)? {
                if !(b'0'..=b'7').contains(&d) {
                    return None;
                }
                v = (v << 3) | u32::from(d - b'0');
            }
            if v > 255 {
                return None;
            }
            Some(Unquoted {
                value: v,
                multibyte: false,
                len: 4,
            })
        }
        _ => None,
    }
}

/// A rune literal's value: the first character between the (unchecked) outer bytes.
fn char_literal(lit: &[u8]) -> Option<Value> {
    if lit.len() < 2 {
        return None;
    }
    let u = unquote_char(&lit[1..lit.len() - 1], b'\'')?;
    Some(Value::from_i64(i64::from(u.value)))
}

fn push_rune(out: &mut Vec<u8>, r: u32) {
    let c = char::from_u32(r).unwrap_or(char::REPLACEMENT_CHARACTER);
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

/// Go's `strconv.Unquote`: the bytes of a quoted string (`"…"`, `` `…` `` or a
/// single-character `'…'`), or `None` if the text is not exactly one such literal.
pub(crate) fn unquote(lit: &[u8]) -> Option<Vec<u8>> {
    if lit.len() < 2 {
        return None;
    }
    let quote = lit[0];
    let end = lit[1..].iter().position(|&c| c == quote)? + 2;
    match quote {
        b'`' => {
            if end != lit.len() {
                return None;
            }
            Some(
                lit[1..end - 1]
                    .iter()
                    .copied()
                    .filter(|&c| c != b'\r')
                    .collect(),
            )
        }
        b'"' | b'\'' => {
            let candidate = &lit[..end];
            if !candidate.contains(&b'\\') && !candidate.contains(&b'\n') {
                let body = &lit[1..end - 1];
                let valid = if quote == b'"' {
                    std::str::from_utf8(body).is_ok()
                } else {
                    let (r, n) = decode_rune(body);
                    n + 2 == end && (r != 0xFFFD || n != 1)
                };
                if valid {
                    return (end == lit.len()).then(|| body.to_vec());
                }
            }
            let mut out = Vec::with_capacity(lit.len());
            let mut pos = 1;
            while pos < lit.len() && lit[pos] != quote {
                if lit[pos] == b'\n' {
                    return None;
                }
                let u = unquote_char(&lit[pos..], quote)?;
                pos += u.len;
                if u.value < 0x80 || !u.multibyte {
                    // Single-byte values (the cast keeps `\xff`-style bytes as they are).
                    out.push(u.value as u8);
                } else {
                    push_rune(&mut out, u.value);
                }
                if quote == b'\'' {
                    break;
                }
            }
            if pos >= lit.len() || lit[pos] != quote || pos + 1 != lit.len() {
                return None;
            }
            Some(out)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(lit: &str, kind: LiteralKind) -> String {
        make_from_literal(lit, kind).exact_string()
    }

    #[test]
    fn integers() {
        assert_eq!(exact("0x_1F", LiteralKind::Int), "31");
        assert_eq!(exact("017", LiteralKind::Int), "15");
        assert_eq!(exact("0o17", LiteralKind::Int), "15");
        assert_eq!(exact("0b1_01", LiteralKind::Int), "5");
        assert_eq!(exact("08", LiteralKind::Int), "unknown");
        assert_eq!(exact("1__0", LiteralKind::Int), "unknown");
        assert_eq!(exact("1_", LiteralKind::Int), "unknown");
    }

    #[test]
    fn strings_and_runes() {
        assert_eq!(unquote(b"\"a\\tb\""), Some(b"a\tb".to_vec()));
        assert_eq!(unquote(b"`a\r\nb`"), Some(b"a\nb".to_vec()));
        assert_eq!(unquote(b"\"\\xff\""), Some(vec![0xff]));
        assert_eq!(unquote(b"\"\xff\\n\""), Some(b"\xef\xbf\xbd\n".to_vec()));
        assert_eq!(unquote(b"\"a\"b\""), None);
        assert_eq!(exact("'\\377'", LiteralKind::Char), "255");
        assert_eq!(exact("'\\u00e9'", LiteralKind::Char), "233");
        assert_eq!(exact("'\\ud800'", LiteralKind::Char), "unknown");
    }
}
