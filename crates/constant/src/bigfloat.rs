//! A binary floating-point number with a mantissa of arbitrary (but bounded) precision.
//!
//! This is the model of Go's `math/big.Float` that `go/constant` relies on once a float
//! constant leaves the range where it is kept as an exact fraction: every operation computes
//! the exact result and rounds it once, to a given number of mantissa bits, in one of three
//! rounding modes. The exponent range is Go's (`int32`): results past it become zero or an
//! infinity, exactly as in Go, because that decides whether a literal such as `1e1000000000`
//! is an unknown value.
//!
//! A finite value is `±0.1mmm… × 2^exp`: the mantissa is stored as an odd integer `mant`
//! (trailing zero bits dropped) so that the value is `mant × 2^(exp − bitlen(mant))`. Every
//! result is correctly rounded, which is what Go's implementation guarantees too, so the bits
//! agree with Go's whatever algorithm computes them.

use std::cmp::Ordering;

use dashu_int::ops::BitTest;
use dashu_int::{IBig, Sign, UBig};
use dashu_ratio::RBig;

/// The mantissa precision, in bits, of `go/constant`'s floating-point values.
pub(crate) const PREC: u32 = 512;

/// The largest exponent Go's `big.Float` supports (`math.MaxInt32`).
const MAX_EXP: i64 = i32::MAX as i64;
/// The smallest exponent Go's `big.Float` supports (`math.MinInt32`).
const MIN_EXP: i64 = i32::MIN as i64;

/// How a result that does not fit the precision is rounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// To the nearest representable value; ties go to the even mantissa.
    NearestEven,
    /// Towards zero (truncation).
    ToZero,
    /// Away from zero.
    AwayFromZero,
}

/// A big binary floating-point value (see the module documentation).
#[derive(Clone, Debug)]
pub(crate) enum BigFloat {
    Zero { neg: bool },
    Inf { neg: bool },
    Finite { neg: bool, mant: UBig, exp: i64 },
}

/// The outcome of rounding: the value and whether it equals the exact result.
pub(crate) struct Rounded {
    pub(crate) value: BigFloat,
    pub(crate) exact: bool,
}

fn bit_len(x: &UBig) -> i64 {
    i64::try_from(x.bit_len()).unwrap_or(i64::MAX)
}

/// Shifts `x` left by a non-negative amount given as `i64`.
fn shl(x: UBig, by: i64) -> UBig {
    x << usize::try_from(by).unwrap_or(0)
}

/// Builds a finite value from an exact, non-zero mantissa whose leading bit has weight
/// `2^(exp-1)`, dropping the mantissa's trailing zero bits.
fn finite(neg: bool, mant: UBig, exp: i64) -> BigFloat {
    let tz = mant.trailing_zeros().unwrap_or(0);
    BigFloat::Finite {
        neg,
        mant: mant >> tz,
        exp,
    }
}

/// Rounds the exact value `±(mant + tail) × 2^lsb` to `prec` bits, where `tail` is a
/// fraction in `[0, 1)` that is non-zero exactly when `sticky` is set.
///
/// As in Go, the exponent range is checked on the unrounded value: below it the result is
/// a zero, above it an infinity; a round-up that carries past the largest exponent also
/// gives an infinity.
pub(crate) fn round(
    neg: bool,
    mant: UBig,
    lsb: i64,
    sticky: bool,
    prec: u32,
    mode: Mode,
) -> Rounded {
    if mant.is_zero() {
        return Rounded {
            value: BigFloat::Zero { neg },
            exact: !sticky,
        };
    }
    let len = bit_len(&mant);
    let mut exp = lsb.saturating_add(len);
    if exp < MIN_EXP {
        return Rounded {
            value: BigFloat::Zero { neg },
            exact: false,
        };
    }
    if exp > MAX_EXP {
        return Rounded {
            value: BigFloat::Inf { neg },
            exact: false,
        };
    }
    let prec = i64::from(prec.max(1));
    if len <= prec {
        return Rounded {
            value: finite(neg, mant, exp),
            exact: !sticky,
        };
    }
    // `cut` low bits are dropped; the highest of them is the rounding bit.
    let cut = usize::try_from(len - prec).unwrap_or(usize::MAX);
    let round_bit = mant.bit(cut - 1);
    let tz = mant.trailing_zeros().unwrap_or(0);
    let below = sticky || tz < cut - 1;
    let mut kept = mant >> cut;
    let inexact = round_bit || below;
    let up = match mode {
        Mode::NearestEven => round_bit && (below || kept.bit(0)),
        Mode::ToZero => false,
        Mode::AwayFromZero => inexact,
    };
    if up {
        kept += UBig::ONE;
        if bit_len(&kept) > prec {
            // The mantissa overflowed to a power of two: one more exponent step.
            if exp >= MAX_EXP {
                return Rounded {
                    value: BigFloat::Inf { neg },
                    exact: false,
                };
            }
            exp += 1;
        }
    }
    Rounded {
        value: finite(neg, kept, exp),
        exact: !inexact,
    }
}

impl BigFloat {
    pub(crate) const ZERO: BigFloat = BigFloat::Zero { neg: false };

    /// The exact value of an unsigned integer, without rounding.
    pub(crate) fn exact_from_ubig(neg: bool, mag: UBig) -> BigFloat {
        if mag.is_zero() {
            return BigFloat::Zero { neg };
        }
        let exp = bit_len(&mag);
        finite(neg, mag, exp)
    }

    /// Go's `Float.SetInt` on a float of the given precision.
    pub(crate) fn from_ibig(x: &IBig, prec: u32) -> BigFloat {
        let (sign, mag) = x.clone().into_parts();
        let neg = sign == Sign::Negative;
        if mag.is_zero() {
            return BigFloat::Zero { neg };
        }
        round(neg, mag, 0, false, prec, Mode::NearestEven).value
    }

    /// Go's `Float.SetInt64` (exact for any precision of at least 64 bits).
    pub(crate) fn from_i64(x: i64, prec: u32) -> BigFloat {
        BigFloat::from_ibig(&IBig::from(x), prec)
    }

    /// Go's `Float.SetRat`: the integer case rounds the integer, the other divides exactly
    /// and rounds once.
    pub(crate) fn from_rat(x: &RBig, prec: u32) -> BigFloat {
        if x.denominator().is_one() {
            return BigFloat::from_ibig(x.numerator(), prec);
        }
        let (sign, num) = x.numerator().clone().into_parts();
        let a = BigFloat::exact_from_ubig(sign == Sign::Negative, num);
        let b = BigFloat::exact_from_ubig(false, x.denominator().clone());
        a.quo(&b, prec)
    }

    pub(crate) fn is_zero(&self) -> bool {
        matches!(self, BigFloat::Zero { .. })
    }

    pub(crate) fn is_inf(&self) -> bool {
        matches!(self, BigFloat::Inf { .. })
    }

    fn neg_flag(&self) -> bool {
        match self {
            BigFloat::Zero { neg } | BigFloat::Inf { neg } | BigFloat::Finite { neg, .. } => *neg,
        }
    }

    /// -1, 0 or +1.
    pub(crate) fn sign(&self) -> i32 {
        match self {
            BigFloat::Zero { .. } => 0,
            _ if self.neg_flag() => -1,
            _ => 1,
        }
    }

    /// Go's `MantExp` exponent: `x = mant × 2^exp` with `0.5 <= |mant| < 1`; 0 for zeros
    /// and infinities.
    pub(crate) fn exponent(&self) -> i64 {
        match self {
            BigFloat::Finite { exp, .. } => *exp,
            _ => 0,
        }
    }

    /// The mantissa part of `MantExp`: the same value scaled into `[0.5, 1)`.
    pub(crate) fn mantissa(&self) -> BigFloat {
        match self {
            BigFloat::Finite { neg, mant, .. } => BigFloat::Finite {
                neg: *neg,
                mant: mant.clone(),
                exp: 0,
            },
            other => other.clone(),
        }
    }

    pub(crate) fn neg(&self) -> BigFloat {
        match self {
            BigFloat::Zero { neg } => BigFloat::Zero { neg: !neg },
            BigFloat::Inf { neg } => BigFloat::Inf { neg: !neg },
            BigFloat::Finite { neg, mant, exp } => BigFloat::Finite {
                neg: !neg,
                mant: mant.clone(),
                exp: *exp,
            },
        }
    }

    /// Whether the value is an integer (zeros are, infinities are not).
    pub(crate) fn is_int(&self) -> bool {
        match self {
            BigFloat::Zero { .. } => true,
            BigFloat::Inf { .. } => false,
            BigFloat::Finite { mant, exp, .. } => *exp > 0 && bit_len(mant) <= *exp,
        }
    }

    /// Rounds the value to `prec` bits in the given mode (Go's `Set` on a float of that
    /// precision and mode).
    pub(crate) fn set(&self, prec: u32, mode: Mode) -> Rounded {
        match self {
            BigFloat::Finite { neg, mant, exp } => {
                round(*neg, mant.clone(), *exp - bit_len(mant), false, prec, mode)
            }
            other => Rounded {
                value: other.clone(),
                exact: true,
            },
        }
    }

    /// The correctly rounded product.
    pub(crate) fn mul(&self, y: &BigFloat, prec: u32) -> BigFloat {
        let neg = self.neg_flag() != y.neg_flag();
        match (self, y) {
            (
                BigFloat::Finite {
                    mant: ma, exp: ea, ..
                },
                BigFloat::Finite {
                    mant: mb, exp: eb, ..
                },
            ) => {
                let lsb = (ea - bit_len(ma)) + (eb - bit_len(mb));
                round(neg, ma * mb, lsb, false, prec, Mode::NearestEven).value
            }
            // 0 × ∞ has no value; Go panics, the callers never get here.
            (BigFloat::Inf { .. }, _) | (_, BigFloat::Inf { .. }) => {
                if self.is_zero() || y.is_zero() {
                    BigFloat::Zero { neg }
                } else {
                    BigFloat::Inf { neg }
                }
            }
            _ => BigFloat::Zero { neg },
        }
    }

    /// The correctly rounded quotient. Division by zero gives an infinity (or, for 0/0, a
    /// zero: Go panics there, and the callers check for zero divisors first).
    pub(crate) fn quo(&self, y: &BigFloat, prec: u32) -> BigFloat {
        let neg = self.neg_flag() != y.neg_flag();
        match (self, y) {
            (
                BigFloat::Finite {
                    mant: ma, exp: ea, ..
                },
                BigFloat::Finite {
                    mant: mb, exp: eb, ..
                },
            ) => {
                // Scale the dividend so that the integer quotient has at least prec + 2 bits;
                // the remainder then only decides the sticky bit.
                let (la, lb) = (bit_len(ma), bit_len(mb));
                let extra = (i64::from(prec) + 2 + lb - la).max(0);
                let num = shl(ma.clone(), extra);
                let q = &num / mb;
                let r = &num % mb;
                let lsb = (ea - la) - (eb - lb) - extra;
                round(neg, q, lsb, !r.is_zero(), prec, Mode::NearestEven).value
            }
            (BigFloat::Zero { .. }, _) | (_, BigFloat::Inf { .. }) => BigFloat::Zero { neg },
            _ => BigFloat::Inf { neg },
        }
    }

    /// The correctly rounded sum.
    pub(crate) fn add(&self, y: &BigFloat, prec: u32) -> BigFloat {
        match (self, y) {
            (BigFloat::Finite { .. }, BigFloat::Finite { .. }) => add_finite(self, y, prec),
            (BigFloat::Zero { neg: a }, BigFloat::Zero { neg: b }) => {
                BigFloat::Zero { neg: *a && *b }
            }
            (BigFloat::Inf { .. }, _) | (_, BigFloat::Zero { .. }) => {
                self.set(prec, Mode::NearestEven).value
            }
            _ => y.set(prec, Mode::NearestEven).value,
        }
    }

    /// The correctly rounded difference.
    pub(crate) fn sub(&self, y: &BigFloat, prec: u32) -> BigFloat {
        self.add(&y.neg(), prec)
    }

    /// Compares two values (infinities compare beyond all finite values).
    pub(crate) fn cmp(&self, y: &BigFloat) -> Ordering {
        let rank = |v: &BigFloat| -> i32 {
            match v {
                BigFloat::Inf { neg: true } => -2,
                BigFloat::Finite { neg: true, .. } => -1,
                BigFloat::Zero { .. } => 0,
                BigFloat::Finite { neg: false, .. } => 1,
                BigFloat::Inf { neg: false } => 2,
            }
        };
        let (rx, ry) = (rank(self), rank(y));
        if rx != ry || rx.abs() != 1 {
            return rx.cmp(&ry);
        }
        let magnitude = cmp_abs(self, y);
        if rx < 0 {
            magnitude.reverse()
        } else {
            magnitude
        }
    }

    /// Go's `Float.Int`: the value truncated towards zero and whether that is exact, or
    /// `None` for an infinity.
    pub(crate) fn to_int(&self) -> Option<(IBig, bool)> {
        match self {
            BigFloat::Zero { .. } => Some((IBig::ZERO, true)),
            BigFloat::Inf { .. } => None,
            BigFloat::Finite { neg, mant, exp } => {
                if *exp <= 0 {
                    return Some((IBig::ZERO, false));
                }
                let len = bit_len(mant);
                let (mag, exact) = if len <= *exp {
                    (shl(mant.clone(), *exp - len), true)
                } else {
                    (mant >> usize::try_from(len - *exp).unwrap_or(0), false)
                };
                let sign = if *neg { Sign::Negative } else { Sign::Positive };
                Some((IBig::from_parts(sign, mag), exact))
            }
        }
    }

    /// The exact value as a fraction (`None` for an infinity). Only used for values whose
    /// exponent is small, so the fraction's size stays reasonable.
    pub(crate) fn to_rat(&self) -> Option<RBig> {
        match self {
            BigFloat::Zero { .. } => Some(RBig::ZERO),
            BigFloat::Inf { .. } => None,
            BigFloat::Finite { neg, mant, exp } => {
                let sign = if *neg { Sign::Negative } else { Sign::Positive };
                let shift = *exp - bit_len(mant);
                let r = if shift >= 0 {
                    RBig::from_parts(IBig::from_parts(sign, shl(mant.clone(), shift)), UBig::ONE)
                } else {
                    RBig::from_parts(IBig::from_parts(sign, mant.clone()), shl(UBig::ONE, -shift))
                };
                Some(r)
            }
        }
    }

    /// Go's `Float.Float64`: the nearest `f64` and whether it is exact.
    pub(crate) fn to_f64(&self) -> (f64, bool) {
        let (neg, v, exact) = self.to_ieee(&IeeeFormat::DOUBLE);
        let f = match v {
            Ieee::Zero => 0.0,
            Ieee::Inf => f64::INFINITY,
            Ieee::Finite { mant, exp2 } => compose_f64(mant, exp2),
        };
        (if neg { -f } else { f }, exact)
    }

    /// Go's `Float.Float32`: the nearest `f32` and whether it is exact.
    pub(crate) fn to_f32(&self) -> (f32, bool) {
        let (neg, v, exact) = self.to_ieee(&IeeeFormat::SINGLE);
        let f = match v {
            Ieee::Zero => 0.0,
            Ieee::Inf => f32::INFINITY,
            // The value is a float32, so it converts to and from f64 exactly.
            #[allow(clippy::cast_possible_truncation)]
            Ieee::Finite { mant, exp2 } => compose_f64(mant, exp2) as f32,
        };
        (if neg { -f } else { f }, exact)
    }

    /// Rounds to an IEEE binary format with gradual underflow, as Go's `Float32`/`Float64`
    /// do: the sign, the rounded magnitude, and whether it is exact.
    fn to_ieee(&self, format: &IeeeFormat) -> (bool, Ieee, bool) {
        let (neg, mant, exp) = match self {
            BigFloat::Zero { neg } => return (*neg, Ieee::Zero, true),
            BigFloat::Inf { neg } => return (*neg, Ieee::Inf, true),
            BigFloat::Finite { neg, mant, exp } => (*neg, mant, *exp),
        };
        // Exponent of the value written as 1.m × 2^e.
        let e = exp - 1;
        let mut prec = format.mant_bits + 1;
        if e < format.min_exp {
            // Subnormal: fewer mantissa bits are available.
            prec = format.mant_bits + 1 - format.min_exp + e;
            if prec < 0 || (prec == 0 && mant.is_one()) {
                return (neg, Ieee::Zero, false);
            }
            if prec == 0 {
                return (
                    neg,
                    Ieee::Finite {
                        mant: 1,
                        exp2: format.min_exp - format.mant_bits,
                    },
                    false,
                );
            }
        }
        let prec = u32::try_from(prec).unwrap_or(1);
        let r = round(
            neg,
            mant.clone(),
            exp - bit_len(mant),
            false,
            prec,
            Mode::NearestEven,
        );
        match r.value {
            BigFloat::Finite { mant, exp, .. } if exp - 1 <= format.max_exp => {
                let len = bit_len(&mant);
                let m: u64 = (&mant).try_into().unwrap_or(0);
                (
                    neg,
                    Ieee::Finite {
                        mant: m,
                        exp2: exp - len,
                    },
                    r.exact,
                )
            }
            BigFloat::Zero { .. } => (neg, Ieee::Zero, false),
            _ => (neg, Ieee::Inf, false),
        }
    }

    /// Go's `Text('p', 0)`: `0x.` hexadecimal mantissa digits `p` exponent, e.g. `0x.8p+1`.
    pub(crate) fn text_p(&self) -> String {
        match self {
            BigFloat::Zero { neg } => {
                if *neg {
                    "-0".to_string()
                } else {
                    "0".to_string()
                }
            }
            BigFloat::Inf { neg } => {
                if *neg {
                    "-Inf".to_string()
                } else {
                    "+Inf".to_string()
                }
            }
            BigFloat::Finite { neg, mant, exp } => {
                // Align the fraction's bits to whole hexadecimal digits.
                let len = bit_len(mant);
                let pad = (4 - len % 4) % 4;
                let digits = format!("{:x}", shl(mant.clone(), pad));
                let digits = digits.trim_end_matches('0');
                let sign = if *neg { "-" } else { "" };
                let exp_sign = if *exp >= 0 { "+" } else { "" };
                format!("{sign}0x.{digits}p{exp_sign}{exp}")
            }
        }
    }
}

impl PartialEq for BigFloat {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

/// Compares the magnitudes of two finite values.
fn cmp_abs(x: &BigFloat, y: &BigFloat) -> Ordering {
    match (x, y) {
        (
            BigFloat::Finite {
                mant: ma, exp: ea, ..
            },
            BigFloat::Finite {
                mant: mb, exp: eb, ..
            },
        ) => ea.cmp(eb).then_with(|| {
            // Same exponent: compare the fractions, aligned to the same length.
            let (la, lb) = (bit_len(ma), bit_len(mb));
            if la >= lb {
                ma.cmp(&shl(mb.clone(), la - lb))
            } else {
                shl(ma.clone(), lb - la).cmp(mb)
            }
        }),
        _ => Ordering::Equal,
    }
}

/// The correctly rounded sum of two finite values.
fn add_finite(x: &BigFloat, y: &BigFloat, prec: u32) -> BigFloat {
    let (
        BigFloat::Finite {
            neg: nx,
            mant: mx,
            exp: ex,
        },
        BigFloat::Finite {
            neg: ny,
            mant: my,
            exp: ey,
        },
    ) = (x, y)
    else {
        return BigFloat::ZERO;
    };
    // Order by magnitude of exponent: `big` has the larger exponent.
    let ((nb, mb, eb), (ns, ms, es)) = if ex >= ey {
        ((*nx, mx, *ex), (*ny, my, *ey))
    } else {
        ((*ny, my, *ey), (*nx, mx, *ex))
    };
    let lsb_big = eb - bit_len(mb);
    // A far smaller operand only matters through the direction it pushes the result; any
    // value below both the larger operand's last bit and the result's rounding position
    // (with a margin) rounds the same, so replace it with a single bit there. This keeps
    // the exact computation small however far apart the exponents are.
    let floor = lsb_big.min(eb - i64::from(prec) - 2) - 2;
    let (small_mant, small_lsb) = if es < floor {
        (UBig::ONE, floor - 2)
    } else {
        (ms.clone(), es - bit_len(ms))
    };
    let lsb = lsb_big.min(small_lsb);
    let a = shl(mb.clone(), lsb_big - lsb);
    let b = shl(small_mant, small_lsb - lsb);
    if nb == ns {
        return round(nb, a + b, lsb, false, prec, Mode::NearestEven).value;
    }
    match a.cmp(&b) {
        Ordering::Equal => BigFloat::ZERO,
        Ordering::Greater => round(nb, a - b, lsb, false, prec, Mode::NearestEven).value,
        Ordering::Less => round(ns, b - a, lsb, false, prec, Mode::NearestEven).value,
    }
}

/// Parameters of an IEEE 754 binary interchange format.
struct IeeeFormat {
    /// Stored mantissa bits (without the implicit leading one).
    mant_bits: i64,
    /// Smallest exponent of a normal number.
    min_exp: i64,
    /// Largest exponent of a normal number.
    max_exp: i64,
}

impl IeeeFormat {
    const DOUBLE: IeeeFormat = IeeeFormat {
        mant_bits: 52,
        min_exp: -1022,
        max_exp: 1023,
    };
    const SINGLE: IeeeFormat = IeeeFormat {
        mant_bits: 23,
        min_exp: -126,
        max_exp: 127,
    };
}

/// A magnitude rounded to an IEEE format: `mant × 2^exp2`.
enum Ieee {
    Zero,
    Inf,
    Finite { mant: u64, exp2: i64 },
}

/// The `f64` equal to `mant × 2^exp2`, which the caller guarantees to be representable
/// (so that every step below is exact).
pub(crate) fn compose_f64(mant: u64, exp2: i64) -> f64 {
    if mant == 0 {
        return 0.0;
    }
    // Shifts by a signed amount; anything shifted out entirely is zero.
    let shift = |m: u64, by: i64| -> u64 {
        let amount = u32::try_from(by.unsigned_abs()).unwrap_or(u32::MAX);
        if by >= 0 {
            m.checked_shl(amount).unwrap_or(0)
        } else {
            m.checked_shr(amount).unwrap_or(0)
        }
    };
    let len = i64::from(64 - mant.leading_zeros());
    // Exponent of the leading bit.
    let top = exp2 + len - 1;
    if top >= -1022 {
        let m53 = shift(mant, 53 - len);
        let biased = u64::try_from(top + 1023).unwrap_or(0).min(0x7ff);
        f64::from_bits((biased << 52) | (m53 & ((1u64 << 52) - 1)))
    } else {
        // Subnormal: the stored mantissa counts units of 2^-1074.
        f64::from_bits(shift(mant, exp2 + 1074))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bf(x: f64) -> BigFloat {
        let r = RBig::try_from(x).unwrap_or(RBig::ZERO);
        BigFloat::from_rat(&r, PREC)
    }

    #[test]
    fn float64_round_trip() {
        for x in [
            1.0,
            0.1,
            -2.5,
            5e-324,
            1.7976931348623157e308,
            2.2250738585072014e-308,
        ] {
            assert_eq!(bf(x).to_f64(), (x, true));
        }
    }

    #[test]
    fn text_p_matches_go() {
        assert_eq!(bf(1.0).text_p(), "0x.8p+1");
        assert_eq!(bf(0.75).text_p(), "0x.cp+0");
        assert_eq!(bf(-3.0).text_p(), "-0x.cp+2");
    }

    #[test]
    fn far_apart_sums_round_correctly() {
        // 2^600 ± tiny rounds back to 2^600 at 512 bits, whichever path computes it.
        let big = BigFloat::exact_from_ubig(false, UBig::ONE << 600);
        for tiny in [
            bf(1e-300),
            BigFloat::exact_from_ubig(false, UBig::ONE << 84),
        ] {
            assert_eq!(big.add(&tiny, PREC).cmp(&big), Ordering::Equal);
            assert_eq!(big.sub(&tiny, PREC).cmp(&big), Ordering::Equal);
            assert_eq!(tiny.sub(&big, PREC).cmp(&big.neg()), Ordering::Equal);
        }
        // At 8 bits, 2^8 - tiny is 255.99…, which rounds to 256 (above 255.5).
        let b = BigFloat::exact_from_ubig(false, UBig::from(256u32));
        let r = b.sub(&bf(1e-300), 8);
        assert_eq!(r.cmp(&b), Ordering::Equal);
        // 255 + tiny stays 255; 255 - tiny at 8 bits is 254.99…, rounding to 255.
        let c = BigFloat::exact_from_ubig(false, UBig::from(255u32));
        assert_eq!(c.sub(&bf(1e-300), 8).cmp(&c), Ordering::Equal);
        assert_eq!(c.add(&bf(1e-300), 8).cmp(&c), Ordering::Equal);
    }
}
