//! The representation of constant values.
//!
//! Like `go/constant`, each numeric kind has two representations, and which one a value
//! has is observable (it changes the printed form and, in a few corners, the results):
//!
//! * integers are an `i64` when they fit and a big integer otherwise;
//! * floats are an exact fraction while numerator and denominator each have fewer than
//!   4096 bits, and a 512-bit binary float beyond that. Once a float has become a binary
//!   float it stays one: operations never go back to a fraction, since the exactness a
//!   fraction suggests is no longer there;
//! * a complex value is a pair of such integer or float values.

use dashu_int::ops::BitTest;
use dashu_int::{IBig, UBig};
use dashu_ratio::RBig;

use crate::bigfloat::{BigFloat, PREC};
use crate::gostr::GoStr;

/// Fractions whose numerator or denominator needs this many bits or more are turned into
/// binary floats (`go/constant`'s `maxExp`). The same bound limits the binary exponent of
/// floats that may be turned into fractions.
pub(crate) const MAX_EXP: usize = 4 << 10;

/// The kind of a constant [`Value`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The value is unknown, typically because an earlier operation was invalid.
    Unknown,
    Bool,
    String,
    Int,
    Float,
    Complex,
}

/// An untyped Go constant: a boolean, a string (arbitrary bytes), an exact integer, a
/// float (an exact fraction, or a 512-bit binary float for extreme exponents), a complex
/// number, or the unknown value that results from invalid operations.
///
/// Values are immutable and cheap to clone except for the big-number payloads. Equality
/// (`==`) is semantic: values of the same kind that denote the same number are equal
/// whatever their representation; unknown values equal each other.
#[derive(Clone, Debug)]
pub struct Value(pub(crate) Inner);

#[derive(Clone, Debug)]
pub(crate) enum Inner {
    Unknown,
    Bool(bool),
    Str(GoStr),
    /// An integer that fits in an `i64`.
    Int64(i64),
    /// An integer, normally one that does not fit in an `i64`.
    BigInt(IBig),
    /// A float kept as an exact fraction (boxed, as the float variants are rare: a value is
    /// 32 bytes instead of 56, and the type checker records one per constant expression).
    Rat(Box<RBig>),
    /// A float kept as a 512-bit binary float; never infinite, and a zero is positive.
    Float(Box<BigFloat>),
    /// A complex number: its parts are integers or floats, never complex or unknown.
    Complex(Box<(Value, Value)>),
}

impl Value {
    /// The unknown value.
    pub fn unknown() -> Value {
        Value(Inner::Unknown)
    }

    /// A boolean constant.
    pub fn from_bool(b: bool) -> Value {
        Value(Inner::Bool(b))
    }

    /// A string constant with the given bytes (Go strings need not be UTF-8).
    pub fn from_string(s: impl AsRef<[u8]>) -> Value {
        Value(Inner::Str(GoStr::new(s.as_ref())))
    }

    /// An integer constant.
    pub fn from_i64(x: i64) -> Value {
        Value(Inner::Int64(x))
    }

    /// An integer constant.
    pub fn from_u64(x: u64) -> Value {
        match i64::try_from(x) {
            Ok(v) => Value(Inner::Int64(v)),
            Err(_) => Value(Inner::BigInt(IBig::from(x))),
        }
    }

    /// An integer constant of any size.
    pub fn from_ibig(x: IBig) -> Value {
        make_int(x)
    }

    /// The exact float constant for `x` (`-0.0` becomes `0`); unknown for infinities and
    /// NaNs. Like Go's `MakeFloat64`, the result is always an exact fraction.
    pub fn from_f64(x: f64) -> Value {
        if !x.is_finite() {
            return Value::unknown();
        }
        Value(Inner::Rat(Box::new(rat_from_f64(x))))
    }

    /// The kind of the value.
    pub fn kind(&self) -> Kind {
        match &self.0 {
            Inner::Unknown => Kind::Unknown,
            Inner::Bool(_) => Kind::Bool,
            Inner::Str(_) => Kind::String,
            Inner::Int64(_) | Inner::BigInt(_) => Kind::Int,
            Inner::Rat(_) | Inner::Float(_) => Kind::Float,
            Inner::Complex(_) => Kind::Complex,
        }
    }

    /// Whether the value is unknown.
    pub fn is_unknown(&self) -> bool {
        matches!(self.0, Inner::Unknown)
    }

    /// The boolean value; `false` for anything that is not a boolean.
    pub fn bool_val(&self) -> bool {
        matches!(self.0, Inner::Bool(true))
    }

    /// The string's bytes; empty for anything that is not a string.
    pub fn string_val(&self) -> &[u8] {
        match &self.0 {
            Inner::Str(s) => s.bytes(),
            _ => &[],
        }
    }

    /// The integer value, or `None` if the value is not an integer.
    pub fn int_val(&self) -> Option<IBig> {
        match &self.0 {
            Inner::Int64(x) => Some(IBig::from(*x)),
            Inner::BigInt(x) => Some(x.clone()),
            _ => None,
        }
    }

    /// -1, 0 or +1 for a negative, zero or positive number. For a complex value the result
    /// is 0 exactly for zero, and otherwise the bitwise or of its parts' signs (as in Go).
    /// Unknown values have sign 1 (so that they never cause division-by-zero reports); so
    /// do non-numeric values, for which Go's `Sign` panics.
    pub fn sign(&self) -> i32 {
        match &self.0 {
            Inner::Int64(x) => x.signum() as i32,
            Inner::BigInt(x) => sign_of_ibig(x),
            Inner::Rat(r) => sign_of_ibig(r.numerator()),
            Inner::Float(f) => f.sign(),
            Inner::Complex(c) => c.0.sign() | c.1.sign(),
            Inner::Unknown | Inner::Bool(_) | Inner::Str(_) => 1,
        }
    }

    /// The number of bits of the integer's absolute value; 0 for non-integers.
    pub fn bit_len(&self) -> usize {
        match &self.0 {
            Inner::Int64(x) => (64 - x.unsigned_abs().leading_zeros()) as usize,
            Inner::BigInt(x) => x.bit_len(),
            _ => 0,
        }
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::from_bool(b)
    }
}

impl From<i64> for Value {
    fn from(x: i64) -> Value {
        Value::from_i64(x)
    }
}

impl From<u64> for Value {
    fn from(x: u64) -> Value {
        Value::from_u64(x)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::from_string(s)
    }
}

impl PartialEq for Value {
    fn eq(&self, other: &Value) -> bool {
        match (&self.0, &other.0) {
            (Inner::Unknown, Inner::Unknown) => true,
            (Inner::Bool(a), Inner::Bool(b)) => a == b,
            (Inner::Str(a), Inner::Str(b)) => a == b,
            _ => {
                self.kind() == other.kind()
                    && matches!(self.kind(), Kind::Int | Kind::Float | Kind::Complex)
                    && crate::arith::compare(self, crate::CompareOp::Eq, other)
            }
        }
    }
}

impl Eq for Value {}

pub(crate) fn sign_of_ibig(x: &IBig) -> i32 {
    match x.sign() {
        _ if x.is_zero() => 0,
        dashu_int::Sign::Negative => -1,
        dashu_int::Sign::Positive => 1,
    }
}

/// An integer in its smallest representation.
pub(crate) fn make_int(x: IBig) -> Value {
    match i64::try_from(&x) {
        Ok(v) => Value(Inner::Int64(v)),
        Err(_) => Value(Inner::BigInt(x)),
    }
}

/// A fraction, or a binary float once its parts grow too large.
pub(crate) fn make_rat(x: RBig) -> Value {
    if x.numerator().bit_len() < MAX_EXP && x.denominator().bit_len() < MAX_EXP {
        Value(Inner::Rat(Box::new(x)))
    } else {
        make_float(BigFloat::from_rat(&x, PREC))
    }
}

/// A binary float value: zeros become the positive zero, infinities the unknown value.
pub(crate) fn make_float(x: BigFloat) -> Value {
    if x.is_zero() {
        Value(Inner::Float(Box::new(BigFloat::ZERO)))
    } else if x.is_inf() {
        Value::unknown()
    } else {
        Value(Inner::Float(Box::new(x)))
    }
}

/// A complex value, unknown if either part is.
pub(crate) fn make_complex(re: Value, im: Value) -> Value {
    if re.is_unknown() || im.is_unknown() {
        return Value::unknown();
    }
    Value(Inner::Complex(Box::new((re, im))))
}

/// Whether a binary float may be turned into a fraction of reasonable size.
pub(crate) fn small_float(x: &BigFloat) -> bool {
    if x.is_inf() {
        return false;
    }
    let e = x.exponent();
    let limit = MAX_EXP as i64;
    -limit < e && e < limit
}

/// The exact fraction equal to a finite `f64`.
pub(crate) fn rat_from_f64(x: f64) -> RBig {
    let bits = x.to_bits();
    let neg = bits >> 63 != 0;
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let mut mant = bits & ((1u64 << 52) - 1);
    let exp = if biased == 0 {
        -1074
    } else {
        mant |= 1 << 52;
        biased - 1075
    };
    let mag = UBig::from(mant);
    let sign = if neg && mant != 0 {
        dashu_int::Sign::Negative
    } else {
        dashu_int::Sign::Positive
    };
    let shift = usize::try_from(exp.unsigned_abs()).unwrap_or(0);
    if exp >= 0 {
        RBig::from_parts(IBig::from_parts(sign, mag << shift), UBig::ONE)
    } else {
        RBig::from_parts(IBig::from_parts(sign, mag), UBig::ONE << shift)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Value>();
    }

    #[test]
    fn semantic_equality() {
        assert_eq!(Value::from_u64(5), Value::from_i64(5));
        assert_ne!(Value::from_i64(5), Value::from_f64(5.0));
        assert_eq!(Value::unknown(), Value::unknown());
        assert_eq!(Value::from_f64(-0.0).sign(), 0);
    }
}
