//! Conversions between kinds and to Go's machine types.
//!
//! The `f32`/`f64` conversions reproduce the exact algorithms `go/constant` relies on,
//! including their few double roundings (a big integer is rounded to 512 bits before it is
//! rounded to 53; a fraction is converted by `math/big`'s quotient algorithm, which scales
//! far-subnormal results with `math.Ldexp`), because the rounded values end up in printed
//! constants.

use dashu_int::ops::BitTest;
use dashu_int::{IBig, Sign, UBig};
use dashu_ratio::RBig;

use crate::bigfloat::{BigFloat, Mode, PREC};
use crate::value::{make_complex, make_int, small_float, Inner, Value, MAX_EXP};

/// Converts `x` to an integer if it denotes one exactly, else gives the unknown value.
///
/// A binary float (a fraction never is) that misses an integer only in its last few bits,
/// presumably through rounding in earlier operations, converts to that integer; floats
/// with a binary exponent of 4096 or more do not convert. Complex values convert if their
/// imaginary part is zero.
pub fn to_int(x: &Value) -> Value {
    match &x.0 {
        Inner::Int64(_) | Inner::BigInt(_) => x.clone(),
        Inner::Rat(r) if r.denominator().is_one() => make_int(r.numerator().clone()),
        Inner::Float(f) if small_float(f) => float_to_int(f),
        Inner::Complex(_) => {
            let re = to_float(x);
            if matches!(re.0, Inner::Rat(_) | Inner::Float(_)) {
                to_int(&re)
            } else {
                Value::unknown()
            }
        }
        _ => Value::unknown(),
    }
}

fn float_to_int(f: &BigFloat) -> Value {
    if let Some((i, true)) = f.to_int() {
        return make_int(i);
    }
    // Try rounding away the last few bits, down and then up.
    const SLACK: u32 = 4;
    for mode in [Mode::ToZero, Mode::AwayFromZero] {
        let t = f.set(PREC - SLACK, mode).value;
        if let Some((i, true)) = t.to_int() {
            return make_int(i);
        }
    }
    Value::unknown()
}

/// Converts `x` to a float (unknown if it is not numeric, or complex with a non-zero
/// imaginary part). Integers become exact fractions unless they are very large.
pub fn to_float(x: &Value) -> Value {
    match &x.0 {
        Inner::Int64(v) => Value(Inner::Rat(Box::new(RBig::from(IBig::from(*v))))),
        Inner::BigInt(v) => {
            if v.bit_len() < MAX_EXP {
                Value(Inner::Rat(Box::new(RBig::from(v.clone()))))
            } else {
                Value(Inner::Float(Box::new(BigFloat::from_ibig(v, PREC))))
            }
        }
        Inner::Rat(_) | Inner::Float(_) => x.clone(),
        Inner::Complex(c) if c.1.sign() == 0 => to_float(&c.0),
        _ => Value::unknown(),
    }
}

/// Converts a numeric `x` to a complex value (unknown for anything else).
pub fn to_complex(x: &Value) -> Value {
    match &x.0 {
        Inner::Int64(_) | Inner::BigInt(_) | Inner::Rat(_) | Inner::Float(_) => {
            Value(Inner::Complex(Box::new((x.clone(), Value::from_i64(0)))))
        }
        Inner::Complex(_) => x.clone(),
        _ => Value::unknown(),
    }
}

/// The real part of a numeric value (the value itself unless complex); unknown otherwise.
pub fn real(x: &Value) -> Value {
    match &x.0 {
        Inner::Int64(_) | Inner::BigInt(_) | Inner::Rat(_) | Inner::Float(_) => x.clone(),
        Inner::Complex(c) => c.0.clone(),
        _ => Value::unknown(),
    }
}

/// The imaginary part of a numeric value (0 unless complex); unknown otherwise.
pub fn imag(x: &Value) -> Value {
    match &x.0 {
        Inner::Int64(_) | Inner::BigInt(_) | Inner::Rat(_) | Inner::Float(_) => Value::from_i64(0),
        Inner::Complex(c) => c.1.clone(),
        _ => Value::unknown(),
    }
}

/// The complex value `x·i` for an integer or float `x`; unknown otherwise.
pub fn make_imag(x: &Value) -> Value {
    match &x.0 {
        Inner::Int64(_) | Inner::BigInt(_) | Inner::Rat(_) | Inner::Float(_) => {
            make_complex(Value::from_i64(0), x.clone())
        }
        _ => Value::unknown(),
    }
}

/// The numerator of an integer or float, as an integer with the same sign; unknown for
/// other kinds and for binary floats too large or small to write as a fraction.
pub fn num(x: &Value) -> Value {
    match &x.0 {
        Inner::Int64(_) | Inner::BigInt(_) => x.clone(),
        Inner::Rat(r) => make_int(r.numerator().clone()),
        Inner::Float(f) if small_float(f) => f
            .to_rat()
            .map_or_else(Value::unknown, |r| make_int(r.numerator().clone())),
        _ => Value::unknown(),
    }
}

/// The denominator (at least 1) of an integer or float; unknown as for [`num`].
pub fn denom(x: &Value) -> Value {
    match &x.0 {
        Inner::Int64(_) | Inner::BigInt(_) => Value::from_i64(1),
        Inner::Rat(r) => make_int(IBig::from(r.denominator().clone())),
        Inner::Float(f) if small_float(f) => f.to_rat().map_or_else(Value::unknown, |r| {
            make_int(IBig::from(r.denominator().clone()))
        }),
        _ => Value::unknown(),
    }
}

/// The low 64 bits of a big integer's magnitude.
fn low_u64(x: &UBig) -> u64 {
    let mask = UBig::from(u64::MAX);
    u64::try_from(&(x & mask)).unwrap_or(0)
}

impl Value {
    /// The integer as an `i64`, and whether that is exact. Integers outside the `i64`
    /// range give their low 64 bits (negated for negative values, as Go's
    /// `big.Int.Int64`) and `false`; non-integers give `(0, false)`.
    pub fn int64_val(&self) -> (i64, bool) {
        match &self.0 {
            Inner::Int64(v) => (*v, true),
            Inner::BigInt(v) => {
                let (sign, mag) = v.clone().into_parts();
                let low = low_u64(&mag) as i64;
                let value = if sign == Sign::Negative {
                    low.wrapping_neg()
                } else {
                    low
                };
                (value, false)
            }
            _ => (0, false),
        }
    }

    /// The integer as a `u64`, and whether that is exact. Otherwise the result is the low
    /// 64 bits (of the magnitude, for big integers); non-integers give `(0, false)`.
    pub fn uint64_val(&self) -> (u64, bool) {
        match &self.0 {
            Inner::Int64(v) => (*v as u64, *v >= 0),
            Inner::BigInt(v) => {
                let (sign, mag) = v.clone().into_parts();
                let exact = sign == Sign::Positive && mag.bit_len() <= 64;
                (low_u64(&mag), exact)
            }
            _ => (0, false),
        }
    }

    /// The nearest `f64` to an integer or float, and whether it is exact. Values beyond
    /// the `f64` range give an infinity; tiny values underflow to a zero of the same sign.
    /// Other kinds give `(0.0, false)`.
    pub fn float64_val(&self) -> (f64, bool) {
        match &self.0 {
            Inner::Int64(v) => {
                let f = *v as f64;
                (f, f as i128 == i128::from(*v))
            }
            Inner::BigInt(v) => BigFloat::from_ibig(v, PREC).to_f64(),
            Inner::Rat(r) => rat_to_float(r, &DOUBLE),
            Inner::Float(f) => f.to_f64(),
            _ => (0.0, false),
        }
    }

    /// Like [`Value::float64_val`], for `f32`.
    pub fn float32_val(&self) -> (f32, bool) {
        match &self.0 {
            Inner::Int64(v) => {
                let f = *v as f32;
                (f, f as i128 == i128::from(*v))
            }
            Inner::BigInt(v) => BigFloat::from_ibig(v, PREC).to_f32(),
            Inner::Rat(r) => {
                let (f, exact) = rat_to_float(r, &SINGLE);
                // The quotient algorithm yields a float32 value held in an f64, except
                // after overflow or far underflow, where the conversion rounds again.
                #[allow(clippy::cast_possible_truncation)]
                let g = f as f32;
                (g, exact && !g.is_infinite())
            }
            Inner::Float(f) => f.to_f32(),
            _ => (0.0, false),
        }
    }
}

/// An IEEE format as `math/big`'s quotient conversion describes it.
struct QuotFormat {
    /// Stored mantissa bits.
    mant_bits: i64,
    /// Exponent bias.
    bias: i64,
}

const DOUBLE: QuotFormat = QuotFormat {
    mant_bits: 52,
    bias: 1023,
};
const SINGLE: QuotFormat = QuotFormat {
    mant_bits: 23,
    bias: 127,
};

/// The float nearest to a fraction, and whether it is exact, computed as `math/big`'s
/// `Rat.Float64`/`Rat.Float32` do: an integer quotient with two guard bits, rounded to
/// the format (with subnormal handling only down to the smallest subnormal's binade), then
/// scaled with Go's `math.Ldexp`. For `SINGLE` the result is returned as an `f64` before
/// the final conversion to `f32`.
fn rat_to_float(r: &RBig, format: &QuotFormat) -> (f64, bool) {
    let (sign, a) = r.numerator().clone().into_parts();
    let b = r.denominator();
    let neg = sign == Sign::Negative;
    let (f, exact) = quot_to_float(&a, b, format);
    (if neg { -f } else { f }, exact)
}

fn quot_to_float(a: &UBig, b: &UBig, format: &QuotFormat) -> (f64, bool) {
    let msize = format.mant_bits;
    let msize1 = msize + 1;
    let msize2 = msize1 + 1;
    let emin = 1 - format.bias;

    let alen = a.bit_len() as i64;
    if alen == 0 {
        return (0.0, true);
    }
    let blen = b.bit_len() as i64;
    let mut exp = alen - blen;
    // Scale so that the quotient has msize2 or msize2 + 1 bits.
    let shift = msize2 - exp;
    let (a2, b2) = if shift > 0 {
        (a << shift as usize, b.clone())
    } else {
        (a.clone(), b << (-shift) as usize)
    };
    let q = &a2 / &b2;
    let mut have_rem = !(&a2 % &b2).is_zero();
    let mut mantissa = u64::try_from(&(q & UBig::from(u64::MAX))).unwrap_or(0);
    if mantissa >> msize2 == 1 {
        if mantissa & 1 == 1 {
            have_rem = true;
        }
        mantissa >>= 1;
        exp += 1;
    }
    if emin - msize <= exp && exp <= emin {
        // Subnormal: drop the bits below the smallest subnormal.
        let lost_bits = emin - (exp - 1);
        let lost = mantissa & ((1u64 << lost_bits) - 1);
        have_rem |= lost != 0;
        mantissa >>= lost_bits;
        exp = 2 - format.bias;
    }
    // Round half to even on the guard bit.
    let mut exact = !have_rem;
    if mantissa & 1 != 0 {
        exact = false;
        if have_rem || mantissa & 2 != 0 {
            mantissa += 1;
            if mantissa >= 1 << msize2 {
                mantissa >>= 1;
                exp += 1;
            }
        }
    }
    mantissa >>= 1;
    let f = go_ldexp(mantissa as f64, exp - msize1);
    if f.is_infinite() {
        exact = false;
    }
    (f, exact)
}

/// Go's `math.Ldexp`: `frac × 2^exp`, rounding once (by a multiplication) for subnormal
/// results.
pub(crate) fn go_ldexp(frac: f64, exp: i64) -> f64 {
    if frac == 0.0 || !frac.is_finite() {
        return frac;
    }
    const SMALLEST_NORMAL: f64 = 2.2250738585072014e-308;
    let (frac, mut exp) = if frac.abs() < SMALLEST_NORMAL {
        (frac * (1u64 << 52) as f64, exp - 52)
    } else {
        (frac, exp)
    };
    let bits = frac.to_bits();
    exp += ((bits >> 52) & 0x7ff) as i64 - 1023;
    if exp < -1075 {
        return 0.0_f64.copysign(frac);
    }
    if exp > 1023 {
        return f64::INFINITY.copysign(frac);
    }
    let mut scale = 1.0;
    if exp < -1022 {
        exp += 53;
        scale = 1.0 / (1u64 << 53) as f64;
    }
    let bits = (bits & !(0x7ff << 52)) | ((exp + 1023) as u64) << 52;
    scale * f64::from_bits(bits)
}
