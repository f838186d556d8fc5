//! Unary, binary, shift and comparison operations on constants.
//!
//! Operands of different numeric representations are first brought to the more general
//! of the two (`i64` < big integer < fraction < binary float < complex), as `go/constant`
//! does. Operations that `go/constant` rejects with a panic (a wrong operand kind, a
//! division by zero) give the unknown value here, and a rejected comparison gives `false`;
//! checking operands is the caller's job, as it is in Go.

use std::borrow::Cow;
use std::cmp::Ordering;

use dashu_int::ops::BitTest;
use dashu_int::IBig;
use dashu_ratio::RBig;

use crate::bigfloat::{BigFloat, PREC};
use crate::gostr::GoStr;
use crate::value::{make_complex, make_float, make_int, make_rat, Inner, Value};

/// A unary operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `+x`
    Plus,
    /// `-x`
    Neg,
    /// `^x` (bitwise complement)
    Xor,
    /// `!x`
    Not,
}

/// A binary (non-shift, non-comparison) operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    /// `/`: exact division. Integer operands give an exact fraction (a float), so the type
    /// checker uses [`BinaryOp::IntDiv`] for integer constants.
    Quo,
    /// `/` on integers: truncated integer division (Go's `token.QUO_ASSIGN` trick).
    IntDiv,
    /// `%`: truncated remainder.
    Rem,
    And,
    Or,
    Xor,
    AndNot,
    /// `&&`
    LogAnd,
    /// `||`
    LogOr,
}

/// A shift operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ShiftOp {
    Shl,
    Shr,
}

/// A comparison operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CompareOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// Shifts and complement masks that would need more bits than this give the unknown
/// value instead of exhausting memory. (The type checker limits shift counts to 1074.)
pub const MAX_SHIFT_BITS: u64 = 1 << 26;

/// The result of `op y`. For `^` on integers, a non-zero `prec` is the bit size of the
/// unsigned type whose complement is wanted (`^uint8(5)` is `250`). Operations Go does not
/// define for the operand (and unknown operands) give the unknown value.
pub fn unary_op(op: UnaryOp, y: &Value, prec: u32) -> Value {
    match (op, &y.0) {
        (_, Inner::Unknown) => Value::unknown(),
        (
            UnaryOp::Plus,
            Inner::Int64(_)
            | Inner::BigInt(_)
            | Inner::Rat(_)
            | Inner::Float(_)
            | Inner::Complex(_),
        ) => y.clone(),
        (UnaryOp::Neg, Inner::Int64(x)) => match x.checked_neg() {
            Some(v) => Value::from_i64(v),
            None => make_int(-IBig::from(*x)),
        },
        (UnaryOp::Neg, Inner::BigInt(x)) => make_int(-x),
        (UnaryOp::Neg, Inner::Rat(x)) => make_rat(-&**x),
        (UnaryOp::Neg, Inner::Float(x)) => make_float(x.neg()),
        (UnaryOp::Neg, Inner::Complex(c)) => make_complex(
            unary_op(UnaryOp::Neg, &c.0, 0),
            unary_op(UnaryOp::Neg, &c.1, 0),
        ),
        (UnaryOp::Xor, Inner::Int64(x)) => complement(IBig::from(!*x), prec),
        (UnaryOp::Xor, Inner::BigInt(x)) => complement(!x, prec),
        (UnaryOp::Not, Inner::Bool(b)) => Value::from_bool(!b),
        _ => Value::unknown(),
    }
}

/// Restricts a complement to `prec` bits (for unsigned types), i.e. `z &^ (-1 << prec)`.
fn complement(z: IBig, prec: u32) -> Value {
    if prec == 0 {
        return make_int(z);
    }
    let prec = u64::from(prec);
    if z >= IBig::ZERO && z.bit_len() as u64 <= prec {
        return make_int(z);
    }
    if prec > MAX_SHIFT_BITS {
        return Value::unknown();
    }
    let mask = (IBig::ONE << prec as usize) - IBig::ONE;
    make_int(z & mask)
}

/// The operands of a binary operation or comparison in a common representation (Go's
/// `match`). A non-numeric operand paired with one of a higher representation takes both
/// places, as in Go, so `true == 1` compares `true` with itself.
enum Pair<'a> {
    Unknown,
    Bool(bool, bool),
    Str(&'a GoStr, &'a GoStr),
    Int64(i64, i64),
    Int(Cow<'a, IBig>, Cow<'a, IBig>),
    Rat(Cow<'a, RBig>, Cow<'a, RBig>),
    Float(Cow<'a, BigFloat>, Cow<'a, BigFloat>),
    Complex(Cow<'a, (Value, Value)>, Cow<'a, (Value, Value)>),
    /// Operands that cannot be combined (Go panics).
    Invalid,
}

/// The representation order of `go/constant`'s `ord`.
fn order(v: &Value) -> u8 {
    match v.0 {
        Inner::Unknown => 0,
        Inner::Bool(_) | Inner::Str(_) => 1,
        Inner::Int64(_) => 2,
        Inner::BigInt(_) => 3,
        Inner::Rat(_) => 4,
        Inner::Float(_) => 5,
        Inner::Complex(_) => 6,
    }
}

fn same_rep<'a>(x: &'a Value, y: &'a Value) -> Pair<'a> {
    match (&x.0, &y.0) {
        (Inner::Unknown, _) => Pair::Unknown,
        (Inner::Bool(a), Inner::Bool(b)) => Pair::Bool(*a, *b),
        (Inner::Str(a), Inner::Str(b)) => Pair::Str(a, b),
        (Inner::Int64(a), Inner::Int64(b)) => Pair::Int64(*a, *b),
        (Inner::BigInt(a), Inner::BigInt(b)) => Pair::Int(Cow::Borrowed(a), Cow::Borrowed(b)),
        (Inner::Rat(a), Inner::Rat(b)) => Pair::Rat(Cow::Borrowed(a), Cow::Borrowed(b)),
        (Inner::Float(a), Inner::Float(b)) => Pair::Float(Cow::Borrowed(a), Cow::Borrowed(b)),
        (Inner::Complex(a), Inner::Complex(b)) => {
            Pair::Complex(Cow::Borrowed(&**a), Cow::Borrowed(&**b))
        }
        _ => Pair::Invalid,
    }
}

fn to_ibig(v: &Value) -> Option<Cow<'_, IBig>> {
    match &v.0 {
        Inner::Int64(x) => Some(Cow::Owned(IBig::from(*x))),
        Inner::BigInt(x) => Some(Cow::Borrowed(x)),
        _ => None,
    }
}

fn to_rat(v: &Value) -> Option<Cow<'_, RBig>> {
    match &v.0 {
        Inner::Rat(r) => Some(Cow::Borrowed(r)),
        _ => to_ibig(v).map(|i| Cow::Owned(RBig::from(i.into_owned()))),
    }
}

fn to_big_float(v: &Value) -> Option<Cow<'_, BigFloat>> {
    match &v.0 {
        Inner::Int64(x) => Some(Cow::Owned(BigFloat::from_i64(*x, PREC))),
        Inner::BigInt(x) => Some(Cow::Owned(BigFloat::from_ibig(x, PREC))),
        Inner::Rat(r) => Some(Cow::Owned(BigFloat::from_rat(r, PREC))),
        Inner::Float(f) => Some(Cow::Borrowed(f)),
        _ => None,
    }
}

fn to_complex_parts(v: &Value) -> Option<Cow<'_, (Value, Value)>> {
    match &v.0 {
        Inner::Complex(c) => Some(Cow::Borrowed(&**c)),
        Inner::Int64(_) | Inner::BigInt(_) | Inner::Rat(_) | Inner::Float(_) => {
            Some(Cow::Owned((v.clone(), Value::from_i64(0))))
        }
        _ => None,
    }
}

/// Brings `lo` (the lower representation) up to `hi`'s; returns the pair in `(lo, hi)`
/// order, or `None` when `lo` cannot be converted (then Go uses `lo` for both operands).
fn lift<'a>(lo: &'a Value, hi: &'a Value) -> Option<Pair<'a>> {
    let pair = match &hi.0 {
        Inner::BigInt(h) => match &lo.0 {
            Inner::Int64(_) => Pair::Int(to_ibig(lo)?, Cow::Borrowed(h)),
            _ => return None,
        },
        Inner::Rat(h) => Pair::Rat(to_rat(lo)?, Cow::Borrowed(h)),
        Inner::Float(h) => Pair::Float(to_big_float(lo)?, Cow::Borrowed(h)),
        Inner::Complex(h) => Pair::Complex(to_complex_parts(lo)?, Cow::Borrowed(&**h)),
        _ => return None,
    };
    Some(pair)
}

fn swap(p: Pair<'_>) -> Pair<'_> {
    match p {
        Pair::Bool(a, b) => Pair::Bool(b, a),
        Pair::Str(a, b) => Pair::Str(b, a),
        Pair::Int64(a, b) => Pair::Int64(b, a),
        Pair::Int(a, b) => Pair::Int(b, a),
        Pair::Rat(a, b) => Pair::Rat(b, a),
        Pair::Float(a, b) => Pair::Float(b, a),
        Pair::Complex(a, b) => Pair::Complex(b, a),
        other => other,
    }
}

fn unify<'a>(x: &'a Value, y: &'a Value) -> Pair<'a> {
    let (ox, oy) = (order(x), order(y));
    match ox.cmp(&oy) {
        Ordering::Equal => same_rep(x, y),
        Ordering::Less => match lift(x, y) {
            Some(pair) => pair,
            None => same_rep(x, x),
        },
        Ordering::Greater => match lift(y, x) {
            Some(pair) => swap(pair),
            None => same_rep(y, y),
        },
    }
}

/// The result of `x op y` (comparisons and shifts have their own functions). Unknown
/// operands, mismatched or unsupported operands, and division by zero give the unknown
/// value.
pub fn binary_op(x: &Value, op: BinaryOp, y: &Value) -> Value {
    match unify(x, y) {
        Pair::Unknown | Pair::Invalid => Value::unknown(),
        Pair::Bool(a, b) => match op {
            BinaryOp::LogAnd => Value::from_bool(a && b),
            BinaryOp::LogOr => Value::from_bool(a || b),
            _ => Value::unknown(),
        },
        Pair::Str(a, b) => match op {
            BinaryOp::Add => Value(Inner::Str(GoStr::concat(a, b))),
            _ => Value::unknown(),
        },
        Pair::Int64(a, b) => int64_op(a, op, b),
        Pair::Int(a, b) => big_int_op(&a, op, &b),
        Pair::Rat(a, b) => rat_op(&a, op, &b),
        Pair::Float(a, b) => float_op(&a, op, &b),
        Pair::Complex(a, b) => complex_op(&a, op, &b),
    }
}

fn int64_op(a: i64, op: BinaryOp, b: i64) -> Value {
    let big = |f: fn(IBig, IBig) -> IBig| make_int(f(IBig::from(a), IBig::from(b)));
    match op {
        BinaryOp::Add => a
            .checked_add(b)
            .map_or_else(|| big(|x, y| x + y), Value::from_i64),
        BinaryOp::Sub => a
            .checked_sub(b)
            .map_or_else(|| big(|x, y| x - y), Value::from_i64),
        BinaryOp::Mul => a
            .checked_mul(b)
            .map_or_else(|| big(|x, y| x * y), Value::from_i64),
        BinaryOp::Quo if b != 0 => make_rat(RBig::from_parts_signed(IBig::from(a), IBig::from(b))),
        // Go's int64 division wraps for MinInt64 / -1, and go/constant inherits that.
        BinaryOp::IntDiv if b != 0 => Value::from_i64(a.wrapping_div(b)),
        BinaryOp::Rem if b != 0 => Value::from_i64(a.wrapping_rem(b)),
        BinaryOp::And => Value::from_i64(a & b),
        BinaryOp::Or => Value::from_i64(a | b),
        BinaryOp::Xor => Value::from_i64(a ^ b),
        BinaryOp::AndNot => Value::from_i64(a & !b),
        _ => Value::unknown(),
    }
}

fn big_int_op(a: &IBig, op: BinaryOp, b: &IBig) -> Value {
    let zero_divisor = b.is_zero();
    match op {
        BinaryOp::Add => make_int(a + b),
        BinaryOp::Sub => make_int(a - b),
        BinaryOp::Mul => make_int(a * b),
        BinaryOp::Quo if !zero_divisor => make_rat(RBig::from_parts_signed(a.clone(), b.clone())),
        BinaryOp::IntDiv if !zero_divisor => make_int(a / b),
        BinaryOp::Rem if !zero_divisor => make_int(a % b),
        BinaryOp::And => make_int(a & b),
        BinaryOp::Or => make_int(a | b),
        BinaryOp::Xor => make_int(a ^ b),
        BinaryOp::AndNot => make_int(a & !b),
        _ => Value::unknown(),
    }
}

fn rat_op(a: &RBig, op: BinaryOp, b: &RBig) -> Value {
    match op {
        BinaryOp::Add => make_rat(a + b),
        BinaryOp::Sub => make_rat(a - b),
        BinaryOp::Mul => make_rat(a * b),
        BinaryOp::Quo if !b.is_zero() => make_rat(a / b),
        _ => Value::unknown(),
    }
}

fn float_op(a: &BigFloat, op: BinaryOp, b: &BigFloat) -> Value {
    match op {
        BinaryOp::Add => make_float(a.add(b, PREC)),
        BinaryOp::Sub => make_float(a.sub(b, PREC)),
        BinaryOp::Mul => make_float(a.mul(b, PREC)),
        BinaryOp::Quo if !b.is_zero() => make_float(a.quo(b, PREC)),
        _ => Value::unknown(),
    }
}

fn complex_op(x: &(Value, Value), op: BinaryOp, y: &(Value, Value)) -> Value {
    let (a, b) = (&x.0, &x.1);
    let (c, d) = (&y.0, &y.1);
    let add = |p: &Value, q: &Value| binary_op(p, BinaryOp::Add, q);
    let sub = |p: &Value, q: &Value| binary_op(p, BinaryOp::Sub, q);
    let mul = |p: &Value, q: &Value| binary_op(p, BinaryOp::Mul, q);
    let quo = |p: &Value, q: &Value| binary_op(p, BinaryOp::Quo, q);
    let (re, im) = match op {
        BinaryOp::Add => (add(a, c), add(b, d)),
        BinaryOp::Sub => (sub(a, c), sub(b, d)),
        BinaryOp::Mul => {
            // (ac - bd) + (bc + ad)i
            let (ac, bd, bc, ad) = (mul(a, c), mul(b, d), mul(b, c), mul(a, d));
            (sub(&ac, &bd), add(&bc, &ad))
        }
        BinaryOp::Quo => {
            // ((ac + bd) + (bc - ad)i) / (cc + dd)
            let (ac, bd, bc, ad) = (mul(a, c), mul(b, d), mul(b, c), mul(a, d));
            let s = add(&mul(c, c), &mul(d, d));
            (quo(&add(&ac, &bd), &s), quo(&sub(&bc, &ad), &s))
        }
        _ => return Value::unknown(),
    };
    make_complex(re, im)
}

/// The result of `x op s` for an integer `x` (unknown for anything else). Left shifts
/// whose result would need more than [`MAX_SHIFT_BITS`] bits give the unknown value.
pub fn shift(x: &Value, op: ShiftOp, s: u64) -> Value {
    let big = match &x.0 {
        Inner::Int64(v) => {
            if s == 0 {
                return x.clone();
            }
            if op == ShiftOp::Shr {
                return Value::from_i64(v >> s.min(63));
            }
            Cow::Owned(IBig::from(*v))
        }
        Inner::BigInt(v) => {
            if s == 0 {
                return x.clone();
            }
            Cow::Borrowed(v)
        }
        _ => return Value::unknown(),
    };
    match op {
        ShiftOp::Shl => {
            if big.is_zero() {
                return Value::from_i64(0);
            }
            if s.saturating_add(big.bit_len() as u64) > MAX_SHIFT_BITS {
                return Value::unknown();
            }
            make_int(big.into_owned() << s as usize)
        }
        ShiftOp::Shr => {
            let by = usize::try_from(s).unwrap_or(usize::MAX);
            if by > big.bit_len() {
                // Everything is shifted out: 0, or -1 for negative values (floor).
                return Value::from_i64(if big.as_ref() < &IBig::ZERO { -1 } else { 0 });
            }
            make_int(big.into_owned() >> by)
        }
    }
}

/// [`shift`] with the count given as a constant, as the type checker has it: counts that
/// are negative, not integers, or beyond `u64` give the unknown value.
pub fn shift_by(x: &Value, op: ShiftOp, count: &Value) -> Value {
    match count.uint64_val() {
        (s, true) => shift(x, op, s),
        _ => Value::unknown(),
    }
}

/// The result of the comparison `x op y`. Unknown operands give `false`, and so do
/// comparisons Go does not define for the operands.
pub fn compare(x: &Value, op: CompareOp, y: &Value) -> bool {
    let ordering = match unify(x, y) {
        Pair::Unknown | Pair::Invalid => return false,
        Pair::Bool(a, b) => return equality(op, a == b),
        Pair::Complex(a, b) => {
            let same = compare(&a.0, CompareOp::Eq, &b.0) && compare(&a.1, CompareOp::Eq, &b.1);
            return equality(op, same);
        }
        Pair::Str(a, b) => a.bytes().cmp(b.bytes()),
        Pair::Int64(a, b) => a.cmp(&b),
        Pair::Int(a, b) => a.cmp(&b),
        Pair::Rat(a, b) => a.cmp(&b),
        Pair::Float(a, b) => a.cmp(&b),
    };
    match op {
        CompareOp::Eq => ordering == Ordering::Equal,
        CompareOp::Ne => ordering != Ordering::Equal,
        CompareOp::Lt => ordering == Ordering::Less,
        CompareOp::Le => ordering != Ordering::Greater,
        CompareOp::Gt => ordering == Ordering::Greater,
        CompareOp::Ge => ordering != Ordering::Less,
    }
}

/// `==` and `!=` for operands that only support equality; ordering operators are invalid.
fn equality(op: CompareOp, same: bool) -> bool {
    match op {
        CompareOp::Eq => same,
        CompareOp::Ne => !same,
        _ => false,
    }
}
