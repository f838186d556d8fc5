//! The short (`Display`) and exact text forms of constants, equal to `go/constant`'s
//! `String` and `ExactString`.

use std::fmt;

use crate::bigfloat::{BigFloat, PREC};
use crate::float_text::float_string;
use crate::quote::quote;
use crate::value::{Inner, Value};

/// Quoted string constants longer than this many characters are shortened.
const MAX_SHORT_STRING: usize = 72;

/// A quoted string, cut to its first 69 characters plus `...` when longer than 72.
fn short_quote(bytes: &[u8]) -> String {
    let q = quote(bytes);
    // Quoting yields valid UTF-8, so characters are runes here.
    if q.chars().count() <= MAX_SHORT_STRING {
        return q;
    }
    let cut = q
        .char_indices()
        .nth(MAX_SHORT_STRING - 3)
        .map_or(q.len(), |(i, _)| i);
    format!("{}...", &q[..cut])
}

impl fmt::Display for Value {
    /// The short form: numbers may be approximated (floats show about six significant
    /// digits), long strings are shortened, e.g. `0.333333`, `(1 + 2i)`, `"abc"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Inner::Unknown => f.write_str("unknown"),
            Inner::Bool(b) => write!(f, "{b}"),
            Inner::Str(s) => f.write_str(&short_quote(s.bytes())),
            Inner::Int64(v) => write!(f, "{v}"),
            Inner::BigInt(v) => write!(f, "{v}"),
            Inner::Rat(r) => f.write_str(&float_string(&BigFloat::from_rat(r, PREC))),
            Inner::Float(x) => f.write_str(&float_string(x)),
            Inner::Complex(c) => write!(f, "({} + {}i)", c.0, c.1),
        }
    }
}

impl Value {
    /// The exact form: fractions as `a/b`, binary floats in Go's `%p` notation
    /// (`0x.8p+1`), strings quoted in full.
    pub fn exact_string(&self) -> String {
        match &self.0 {
            Inner::Str(s) => quote(s.bytes()),
            Inner::Rat(r) => {
                if r.denominator().is_one() {
                    r.numerator().to_string()
                } else {
                    format!("{}/{}", r.numerator(), r.denominator())
                }
            }
            Inner::Float(x) => x.text_p(),
            Inner::Complex(c) => format!("({} + {}i)", c.0.exact_string(), c.1.exact_string()),
            _ => self.to_string(),
        }
    }
}
