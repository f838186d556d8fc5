//! Exact arithmetic on untyped Go constants: the equivalent of Go's `go/constant`
//! package, plus go/types' check of whether a constant is representable in a basic type.
//!
//! A [`Value`] is unknown, a boolean, a string (arbitrary bytes), an integer of any size,
//! a float, or a complex number. Floats are exact fractions while their numerator and
//! denominator stay below 4096 bits and 512-bit binary floats beyond that, exactly where
//! `go/constant` switches, since the representation shows in printed results.
//!
//! * Values come from Go literal tokens ([`make_from_literal`]) or from Rust values
//!   ([`Value::from_i64`], [`Value::from_f64`], …).
//! * [`unary_op`], [`binary_op`], [`shift`] and [`compare`] implement the operators;
//!   [`to_int`], [`to_float`], [`to_complex`], [`real`], [`imag`], [`num`], [`denom`]
//!   convert; [`Value::int64_val`], [`Value::float64_val`] and friends extract machine
//!   values.
//! * [`representable`] answers go/types' `representableConst` question for a [`Repr`]
//!   target and returns the value rounded as a constant of that type holds it.
//! * `Display` and [`Value::exact_string`] print byte for byte what `go/constant`'s
//!   `String` and `ExactString` print, since the type checker's messages contain them.
//!
//! Invariants: no IO; no panics on any input (operations that Go rejects with a panic,
//! such as division by zero or `+` on booleans, give the unknown value instead); and the
//! results are exact, or rounded exactly as Go rounds them.

mod arith;
mod bigfloat;
mod convert;
mod float_text;
mod format;
mod gostr;
mod isprint;
mod literal;
mod quote;
mod repr;
mod value;

pub use arith::{
    binary_op, compare, shift, shift_by, unary_op, BinaryOp, CompareOp, ShiftOp, UnaryOp,
    MAX_SHIFT_BITS,
};
pub use convert::{denom, imag, make_imag, num, real, to_complex, to_float, to_int};
pub use literal::{make_from_literal, LiteralKind};
pub use repr::{is_representable, representable, Repr};
pub use value::{Kind, Value};

/// The big integer type values convert from and to ([`Value::from_ibig`],
/// [`Value::int_val`]).
pub use dashu_int::IBig;
