//! API properties that the Go comparison (tests/golden.rs) cannot show: no operation
//! panics on any combination of operands, the limits that replace Go's unbounded work,
//! and the conveniences that go/constant does not have.

use goescape_constant::{
    binary_op, compare, denom, imag, is_representable, make_from_literal, make_imag, num, real,
    representable, shift, shift_by, to_complex, to_float, to_int, unary_op, BinaryOp, CompareOp,
    IBig, Kind, LiteralKind, Repr, ShiftOp, UnaryOp, Value, MAX_SHIFT_BITS,
};

fn lit(text: &str, kind: LiteralKind) -> Value {
    make_from_literal(text, kind)
}

/// Values of every kind and representation, including the extremes.
fn pool() -> Vec<Value> {
    let big = shift(&Value::from_i64(1), ShiftOp::Shl, 1000);
    vec![
        Value::unknown(),
        Value::from_bool(true),
        Value::from_bool(false),
        Value::from_string(""),
        Value::from_string(b"\xffab"),
        Value::from_i64(0),
        Value::from_i64(-1),
        Value::from_i64(i64::MIN),
        Value::from_i64(i64::MAX),
        Value::from_u64(u64::MAX),
        big.clone(),
        unary_op(UnaryOp::Neg, &big, 0),
        lit("0.5", LiteralKind::Float),
        lit("1e-400", LiteralKind::Float),
        lit("1e5000", LiteralKind::Float),
        lit("-1e-5000", LiteralKind::Float),
        binary_op(
            &lit("1e5000", LiteralKind::Float),
            BinaryOp::Sub,
            &lit("1e5000", LiteralKind::Float),
        ),
        lit("2i", LiteralKind::Imag),
        lit("1e5000i", LiteralKind::Imag),
        binary_op(
            &Value::from_i64(1),
            BinaryOp::Add,
            &lit("1i", LiteralKind::Imag),
        ),
        to_complex(&Value::from_i64(3)),
    ]
}

#[test]
fn no_operation_panics_on_any_operands() {
    let pool = pool();
    let binary = [
        BinaryOp::Add,
        BinaryOp::Sub,
        BinaryOp::Mul,
        BinaryOp::Quo,
        BinaryOp::IntDiv,
        BinaryOp::Rem,
        BinaryOp::And,
        BinaryOp::Or,
        BinaryOp::Xor,
        BinaryOp::AndNot,
        BinaryOp::LogAnd,
        BinaryOp::LogOr,
    ];
    let comparisons = [
        CompareOp::Eq,
        CompareOp::Ne,
        CompareOp::Lt,
        CompareOp::Le,
        CompareOp::Gt,
        CompareOp::Ge,
    ];
    let targets = [
        Repr::Bool,
        Repr::String,
        Repr::INT8,
        Repr::UINT64,
        Repr::Int {
            bits: 0,
            signed: true,
        },
        Repr::Int {
            bits: 200,
            signed: false,
        },
        Repr::Float32,
        Repr::Float64,
        Repr::Complex64,
        Repr::Complex128,
        Repr::UntypedInt,
        Repr::UntypedRune,
        Repr::UntypedFloat,
        Repr::UntypedComplex,
    ];
    let mut results = 0usize;
    for x in &pool {
        for op in [UnaryOp::Plus, UnaryOp::Neg, UnaryOp::Xor, UnaryOp::Not] {
            for prec in [0, 1, 8, 64, 100, u32::MAX] {
                results += unary_op(op, x, prec).to_string().len();
            }
        }
        for s in [0, 1, 63, 64, 65, 1000, MAX_SHIFT_BITS, u64::MAX] {
            results += shift(x, ShiftOp::Shl, s).exact_string().len();
            results += shift(x, ShiftOp::Shr, s).exact_string().len();
        }
        for f in [
            to_int, to_float, to_complex, real, imag, num, denom, make_imag,
        ] {
            results += f(x).exact_string().len();
        }
        let _ = (
            x.int64_val(),
            x.uint64_val(),
            x.float32_val(),
            x.float64_val(),
        );
        let _ = (
            x.sign(),
            x.bit_len(),
            x.kind(),
            x.bool_val(),
            x.string_val(),
            x.int_val(),
        );
        for t in targets {
            if let Some(r) = representable(x, t) {
                results += r.to_string().len();
            }
        }
        for y in &pool {
            for op in binary {
                results += binary_op(x, op, y).to_string().len();
            }
            for op in comparisons {
                results += usize::from(compare(x, op, y));
            }
            results += shift_by(x, ShiftOp::Shl, y).to_string().len();
        }
    }
    assert!(results > 0);
}

#[test]
fn garbage_literals_are_unknown_not_panics() {
    // A deterministic stream of bytes biased towards literal syntax.
    let alphabet = b"0123456789abcdefxXoObBpPeE.+-_i'\"`\\\nuU\r\xff\xe2\x82";
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let kinds = [
        LiteralKind::Int,
        LiteralKind::Float,
        LiteralKind::Imag,
        LiteralKind::Char,
        LiteralKind::String,
    ];
    let mut known = 0;
    for _ in 0..20_000 {
        let len = (next() % 12) as usize;
        let text: Vec<u8> = (0..len)
            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
            .collect();
        for kind in kinds {
            let v = make_from_literal(&text, kind);
            if !v.is_unknown() {
                known += 1;
                let _ = (v.to_string(), v.exact_string());
            }
        }
    }
    assert!(known > 0);
}

#[test]
fn extreme_literals_are_cheap_and_exact() {
    let v = lit("1e-1000000000", LiteralKind::Float);
    assert_eq!(v.kind(), Kind::Float);
    assert_eq!(v.sign(), 0);
    assert!(lit("1e1000000000", LiteralKind::Float).is_unknown());
    // Go's fraction parser gives up on decimal exponents beyond a million, so this 1 is
    // kept as a binary float, and the one below as a fraction (checked against Go).
    let long = format!("1{}e-1000001", "0".repeat(1_000_001));
    assert_eq!(lit(&long, LiteralKind::Float).exact_string(), "0x.8p+1");
    let long = format!("1{}e-1000000", "0".repeat(1_000_000));
    assert_eq!(lit(&long, LiteralKind::Float).exact_string(), "1");
}

#[test]
fn shift_limits() {
    let one = Value::from_i64(1);
    assert!(shift(&one, ShiftOp::Shl, MAX_SHIFT_BITS).is_unknown());
    assert_eq!(
        shift(&one, ShiftOp::Shl, MAX_SHIFT_BITS - 1).bit_len(),
        MAX_SHIFT_BITS as usize
    );
    assert_eq!(
        shift(&Value::from_i64(0), ShiftOp::Shl, u64::MAX),
        Value::from_i64(0)
    );
    assert_eq!(
        shift(&Value::from_i64(-5), ShiftOp::Shr, u64::MAX),
        Value::from_i64(-1)
    );
    assert!(shift_by(&one, ShiftOp::Shl, &Value::from_i64(-1)).is_unknown());
    assert!(shift_by(&one, ShiftOp::Shl, &lit("1.0", LiteralKind::Float)).is_unknown());
    assert_eq!(
        shift_by(&one, ShiftOp::Shl, &Value::from_i64(3)),
        Value::from_i64(8)
    );
    assert!(unary_op(UnaryOp::Xor, &Value::from_i64(0), u32::MAX).is_unknown());
    assert_eq!(
        unary_op(UnaryOp::Xor, &Value::from_i64(-1), u32::MAX),
        Value::from_i64(0)
    );
    // ^5 as a 64-bit unsigned value; as a 2^32-1-bit one it would be too large.
    assert_eq!(
        unary_op(UnaryOp::Xor, &Value::from_i64(5), 64),
        Value::from_u64(u64::MAX - 5)
    );
    assert!(unary_op(UnaryOp::Xor, &Value::from_i64(5), u32::MAX).is_unknown());
}

#[test]
fn untyped_rune_is_like_untyped_int() {
    let c = lit("'x'", LiteralKind::Char);
    assert_eq!(
        representable(&c, Repr::UntypedRune),
        Some(Value::from_i64(120))
    );
    assert_eq!(
        representable(&lit("2.0", LiteralKind::Float), Repr::UntypedRune),
        Some(Value::from_i64(2))
    );
    assert!(!is_representable(
        &lit("2.5", LiteralKind::Float),
        Repr::UntypedRune
    ));
}

#[test]
fn long_concatenations_stay_linear() {
    let piece = Value::from_string("ab");
    let mut s = Value::from_string("");
    for _ in 0..100_000 {
        s = binary_op(&s, BinaryOp::Add, &piece);
    }
    assert_eq!(s.string_val().len(), 200_000);
    let shown = s.to_string();
    assert_eq!(shown.len(), 72);
    assert!(shown.starts_with("\"abab") && shown.ends_with("..."));
    assert!(compare(&s, CompareOp::Gt, &piece));
}

#[test]
fn conversions_to_and_from_rust() {
    let big = Value::from_ibig(IBig::from(1u8) << 100);
    assert_eq!(big.int_val(), Some(IBig::from(1u8) << 100));
    assert_eq!(Value::from_ibig(IBig::from(-7)), Value::from_i64(-7));
    assert_eq!(Value::from_ibig(IBig::from(-7)).int64_val(), (-7, true));
    assert_eq!(Value::from(true), Value::from_bool(true));
    assert_eq!(Value::from("é").string_val(), "é".as_bytes());
    assert!(Value::from_f64(f64::NAN).is_unknown());
    assert_eq!(
        Value::from_f64(0.1).exact_string(),
        "3602879701896397/36028797018963968"
    );
    // Equality is semantic across representations, not across kinds.
    assert_eq!(
        lit("0.5", LiteralKind::Float),
        binary_op(&Value::from_i64(1), BinaryOp::Quo, &Value::from_i64(2))
    );
    assert_ne!(Value::from_i64(1), lit("1.0", LiteralKind::Float));
}
