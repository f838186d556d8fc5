//! Decimal text for float constants, byte for byte as `go/constant` prints it.
//!
//! A float within the `f64` range prints as Go's `%.6g` of its nearest `f64` (or `%g`,
//! the shortest exact form, when `%.6g` would hide that a non-integer is one). Beyond that
//! range Go estimates the decimal exponent from the binary one and scales the mantissa
//! with `math.Pow`; to print the same digits this module follows that computation,
//! including the arithmetic of Go's amd64 `math.Exp` (its FMA variant, which Go uses on
//! any CPU with AVX and FMA).

use dashu_int::UBig;

use crate::bigfloat::BigFloat;
use crate::convert::go_ldexp;

/// Decimal digits `0.d₁d₂…dₙ × 10^point`, without trailing zeros (none at all for 0).
struct Digits {
    digits: Vec<u8>,
    point: i64,
}

/// The exact decimal expansion of a finite, non-negative `f64`.
fn exact_digits(x: f64) -> Digits {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let mut mant = bits & ((1u64 << 52) - 1);
    let exp = if biased == 0 {
        -1074
    } else {
        mant |= 1 << 52;
        biased - 1075
    };
    if mant == 0 {
        return Digits {
            digits: Vec::new(),
            point: 0,
        };
    }
    // x = mant × 2^exp = (mant × 5^-exp) × 10^exp for negative exponents.
    let (n, scale) = if exp >= 0 {
        (UBig::from(mant) << exp as usize, 0)
    } else {
        (UBig::from(mant) * UBig::from(5u8).pow((-exp) as usize), exp)
    };
    let text = n.to_string();
    let point = text.len() as i64 + scale;
    let mut digits = text.into_bytes();
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    Digits { digits, point }
}

/// Rounds to at most `n` significant digits, ties to even (on the exact expansion).
fn round_digits(d: &mut Digits, n: usize) {
    if d.digits.len() <= n {
        return;
    }
    let next = d.digits[n];
    let up = next > b'5'
        || (next == b'5'
            && (d.digits.len() > n + 1 || (n > 0 && (d.digits[n - 1] - b'0') % 2 == 1)));
    d.digits.truncate(n);
    if up {
        // Propagate the carry; all nines become a single 1 one place higher.
        loop {
            match d.digits.last_mut() {
                Some(b'9') => {
                    d.digits.pop();
                }
                Some(last) => {
                    *last += 1;
                    break;
                }
                None => {
                    d.digits.push(b'1');
                    d.point += 1;
                    break;
                }
            }
        }
    }
    while d.digits.last() == Some(&b'0') {
        d.digits.pop();
    }
}

/// The shortest digits that read back as `x` (as Go's shortest formatting chooses them).
fn shortest_digits(x: f64) -> Digits {
    if x == 0.0 {
        return Digits {
            digits: Vec::new(),
            point: 0,
        };
    }
    // Rust's `{:e}` prints the shortest round-tripping digits, e.g. "1.2345e-5".
    let text = format!("{x:e}");
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    Digits {
        digits,
        point: exponent + 1,
    }
}

/// Go's `%e` body with `prec` digits after the point.
fn fmt_e(out: &mut String, d: &Digits, prec: usize) {
    out.push(char::from(*d.digits.first().unwrap_or(&b'0')));
    if prec > 0 {
        out.push('.');
        for i in 1..=prec {
            out.push(char::from(*d.digits.get(i).unwrap_or(&b'0')));
        }
    }
    let exp = if d.digits.is_empty() { 0 } else { d.point - 1 };
    out.push('e');
    out.push(if exp < 0 { '-' } else { '+' });
    let exp = exp.unsigned_abs();
    if exp < 10 {
        out.push('0');
    }
    out.push_str(&exp.to_string());
}

/// Go's `%f` body with `prec` digits after the point.
fn fmt_f(out: &mut String, d: &Digits, prec: usize) {
    let digit = |i: i64| -> char {
        usize::try_from(i)
            .ok()
            .and_then(|i| d.digits.get(i))
            .map_or('0', |&c| char::from(c))
    };
    if d.point > 0 {
        for i in 0..d.point {
            out.push(digit(i));
        }
    } else {
        out.push('0');
    }
    if prec > 0 {
        out.push('.');
        for i in 0..prec as i64 {
            out.push(digit(d.point + i));
        }
    }
}

/// Go's `fmt.Sprintf("%.{prec}g", x)`, or `"%g"` (shortest) when `prec` is `None`.
pub(crate) fn format_g(x: f64, prec: Option<usize>) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x.is_infinite() {
        return if x < 0.0 { "-Inf" } else { "+Inf" }.to_string();
    }
    let mut out = String::new();
    if x.is_sign_negative() {
        out.push('-');
    }
    let x = x.abs();
    let (digits, prec, shortest) = match prec {
        None => {
            let d = shortest_digits(x);
            let n = d.digits.len();
            (d, n, true)
        }
        Some(p) => {
            let p = p.max(1);
            let mut d = exact_digits(x);
            round_digits(&mut d, p);
            (d, p, false)
        }
    };
    let nd = digits.digits.len() as i64;
    let dp = digits.point;
    let mut prec = prec as i64;
    let mut eprec = prec;
    if eprec > nd && nd >= dp {
        eprec = nd;
    }
    if shortest {
        eprec = 6;
    }
    let exp = dp - 1;
    if exp < -4 || exp >= eprec {
        if prec > nd {
            prec = nd;
        }
        fmt_e(&mut out, &digits, (prec - 1).max(0) as usize);
    } else {
        if prec > dp {
            prec = nd;
        }
        fmt_f(&mut out, &digits, (prec - dp).max(0) as usize);
    }
    out
}

/// `go/constant`'s short decimal form of a binary float value.
pub(crate) fn float_string(f: &BigFloat) -> String {
    if let BigFloat::Inf { neg } = f {
        return if *neg { "-Inf" } else { "+Inf" }.to_string();
    }
    let (x, _) = f.to_f64();
    if (f.sign() == 0) == (x == 0.0) && x.is_finite() {
        let s = format_g(x, Some(6));
        if !f.is_int() && !s.contains('.') {
            // Six digits would make a non-integer look like one.
            return format_g(x, None);
        }
        return s;
    }
    // Outside the f64 range: f = mant × 2^exp ≈ m × 10^e.
    let (mut m, _) = f.mantissa().to_f64();
    let d = f.exponent() as f64 * std::f64::consts::LOG10_2;
    let mut e = d as i64;
    m *= go_pow10(d - e as f64);
    // Make 1 <= |m| < 10, keeping m below 10 even after rounding to six digits.
    let am = m.abs();
    if am < 0.9999995 {
        m *= 10.0;
        e -= 1;
    } else if am >= 10.0 {
        m /= 10.0;
        e += 1;
    }
    format!("{}e{:+}", format_g(m, Some(6)), e)
}

/// Go's `math.Pow(10, y)` for `|y| < 1`, the only use here.
fn go_pow10(y: f64) -> f64 {
    if y == 0.0 {
        return 1.0;
    }
    if y.is_nan() {
        return y;
    }
    if y == 0.5 {
        return 10f64.sqrt();
    }
    if y == -0.5 {
        return 1.0 / 10f64.sqrt();
    }
    let abs = y.abs();
    let mut whole = abs.trunc();
    let mut frac = abs - whole;
    let mut a1 = 1.0;
    let mut ae: i64 = 0;
    if frac != 0.0 {
        if frac > 0.5 {
            frac -= 1.0;
            whole += 1.0;
        }
        // Go's amd64 math.Log(10) is the correctly rounded ln 10.
        a1 = go_exp(frac * std::f64::consts::LN_10);
    }
    // 10 = 0.625 × 2^4; multiply in the integer power by repeated squaring.
    let (mut x1, mut xe) = (0.625_f64, 4_i64);
    let mut i = whole as i64;
    while i != 0 {
        if !(-(1 << 12)..=(1 << 12)).contains(&xe) {
            ae += xe;
            break;
        }
        if i & 1 == 1 {
            a1 *= x1;
            ae += xe;
        }
        x1 *= x1;
        xe <<= 1;
        if x1 < 0.5 {
            x1 += x1;
            xe -= 1;
        }
        i >>= 1;
    }
    if y < 0.0 {
        a1 = 1.0 / a1;
        ae = -ae;
    }
    go_ldexp(a1, ae)
}

/// Go's amd64 `math.Exp` (the FMA code path): range reduction by ln 2 in two parts, a
/// degree-8 Taylor polynomial on a sixteenth of the remainder, four squarings.
fn go_exp(x: f64) -> f64 {
    const LN2_HI: f64 = 0.693_147_180_559_663; // exactly 0.6931471805596629565116…
    const LN2_LO: f64 = 2.823_529_056_303_157_7e-13;
    const OVERFLOW: f64 = 709.782_712_893_384;
    const TAYLOR: [f64; 8] = [
        2.480_158_730_158_73e-5,  // 1/8!
        1.984_126_984_126_984e-4, // 1/7!
        1.388_888_888_888_889e-3, // 1/6!
        8.333_333_333_333_333e-3, // 1/5!
        4.166_666_666_666_666_4e-2,
        1.666_666_666_666_666_6e-1,
        0.5,
        1.0,
    ];
    if x.is_nan() || x == f64::INFINITY {
        return x;
    }
    if x == f64::NEG_INFINITY {
        return 0.0;
    }
    if x > OVERFLOW {
        return f64::INFINITY;
    }
    // The hardware conversion rounds to nearest, ties to even.
    let k = (x * std::f64::consts::LOG2_E).round_ties_even() as i32;
    let kf = f64::from(k);
    let mut r = (-LN2_HI).mul_add(kf, x);
    r = (-LN2_LO).mul_add(kf, r);
    r *= 0.0625;
    let mut p = TAYLOR[0];
    for &c in &TAYLOR[1..] {
        p = p.mul_add(r, c);
    }
    let mut y = r * p;
    for _ in 0..3 {
        y *= y + 2.0;
    }
    y = (y + 2.0).mul_add(y, 1.0);
    // y × 2^k
    let biased = i64::from(k) + 0x3ff;
    if biased >= 0x7ff {
        return f64::INFINITY;
    }
    if biased <= 0 {
        if biased < -52 {
            return 0.0;
        }
        y *= f64::from_bits(((biased + 0x3fe) as u64) << 52);
        return y * f64::from_bits(1 << 52);
    }
    y * f64::from_bits((biased as u64) << 52)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_g_matches_go() {
        assert_eq!(format_g(1234565.0, Some(6)), "1.23456e+06");
        assert_eq!(format_g(0.5, Some(6)), "0.5");
        assert_eq!(format_g(100000.5, Some(6)), "100000");
        assert_eq!(format_g(100000.5, None), "100000.5");
        assert_eq!(format_g(1e-7, Some(6)), "1e-07");
        assert_eq!(format_g(0.0, Some(6)), "0");
        assert_eq!(format_g(1e21, None), "1e+21");
        assert_eq!(format_g(123456789.0, None), "1.23456789e+08");
        assert_eq!(format_g(-2.5e-5, Some(6)), "-2.5e-05");
        assert_eq!(format_g(9.9999996, Some(6)), "10");
    }

    #[test]
    fn pow10_is_close() {
        for y in [-0.9, -0.3, 0.1, 0.49, 0.51, 0.99] {
            let v = go_pow10(y);
            assert!((v - 10f64.powf(y)).abs() <= 4.0 * f64::EPSILON * v);
        }
    }
}
