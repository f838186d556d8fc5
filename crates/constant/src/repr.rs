//! Representability of constants in Go's basic types (go/types' `representableConst`).
//!
//! Besides the yes/no answer, a representable value comes back in the form the type
//! checker stores for a constant of that type: an integer for integer types, and for
//! `float32`/`float64` (and the parts of `complex64`/`complex128`) the value rounded to
//! that precision, as an exact fraction. Untyped targets keep the value as it is.

use crate::arith::{binary_op, BinaryOp};
use crate::convert::{imag, make_imag, real, to_complex, to_float, to_int};
use crate::value::{Kind, Value};

/// A target type for [`representable`]: Go's basic types, by what matters for constants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Repr {
    /// `bool` (and untyped bool).
    Bool,
    /// `string` (and untyped string).
    String,
    /// A sized integer type: `int8` … `int64`, `uint8` … `uint64`, and `int`, `uint`,
    /// `uintptr` with the target's sizes (64 bits for gc on amd64).
    Int {
        bits: u32,
        signed: bool,
    },
    Float32,
    Float64,
    Complex64,
    Complex128,
    /// Untyped integer constants: any integer.
    UntypedInt,
    /// Untyped rune constants: any integer, like [`Repr::UntypedInt`].
    UntypedRune,
    /// Untyped float constants: any integer or float, kept as it is.
    UntypedFloat,
    /// Untyped complex constants: any numeric value, kept as it is.
    UntypedComplex,
}

impl Repr {
    pub const INT8: Repr = Repr::Int {
        bits: 8,
        signed: true,
    };
    pub const INT16: Repr = Repr::Int {
        bits: 16,
        signed: true,
    };
    pub const INT32: Repr = Repr::Int {
        bits: 32,
        signed: true,
    };
    pub const INT64: Repr = Repr::Int {
        bits: 64,
        signed: true,
    };
    pub const UINT8: Repr = Repr::Int {
        bits: 8,
        signed: false,
    };
    pub const UINT16: Repr = Repr::Int {
        bits: 16,
        signed: false,
    };
    pub const UINT32: Repr = Repr::Int {
        bits: 32,
        signed: false,
    };
    pub const UINT64: Repr = Repr::Int {
        bits: 64,
        signed: false,
    };
    /// `uintptr` on 64-bit targets.
    pub const UINTPTR: Repr = Repr::UINT64;
}

/// Whether `x` is representable as a value of type `target`; if so, the value a constant
/// of that type holds (rounded for float and complex types, an integer for integer
/// types, `x` itself for untyped targets). Unknown values are representable in any type
/// (to avoid follow-up errors) and come back unchanged.
pub fn representable(x: &Value, target: Repr) -> Option<Value> {
    if x.is_unknown() {
        return Some(x.clone());
    }
    match target {
        Repr::Bool => (x.kind() == Kind::Bool).then(|| x.clone()),
        Repr::String => (x.kind() == Kind::String).then(|| x.clone()),
        Repr::Int { bits, signed } => {
            let v = to_int(x);
            if v.kind() != Kind::Int {
                return None;
            }
            fits_int(&v, bits, signed).then_some(v)
        }
        Repr::UntypedInt | Repr::UntypedRune => {
            let v = to_int(x);
            (v.kind() == Kind::Int).then_some(v)
        }
        Repr::Float32 | Repr::Float64 | Repr::UntypedFloat => {
            if to_float(x).kind() != Kind::Float {
                return None;
            }
            // The float types round the float conversion of `x`; the complex types (below)
            // round the parts as they are, which matters for huge integers: those are
            // rounded to 512 bits first, like Go's conversions do.
            match target {
                Repr::Float32 => round32(&to_float(x)),
                Repr::Float64 => round64(&to_float(x)),
                _ => Some(x.clone()),
            }
        }
        Repr::Complex64 | Repr::Complex128 | Repr::UntypedComplex => {
            let c = to_complex(x);
            if c.kind() != Kind::Complex {
                return None;
            }
            let round = match target {
                Repr::Complex64 => round32,
                Repr::Complex128 => round64,
                _ => return Some(x.clone()),
            };
            let re = round(&real(&c))?;
            let im = round(&imag(&c))?;
            Some(binary_op(&re, BinaryOp::Add, &make_imag(&im)))
        }
    }
}

/// [`representable`] without the rounded value.
pub fn is_representable(x: &Value, target: Repr) -> bool {
    representable(x, target).is_some()
}

/// Whether the integer `v` fits a `bits`-wide integer type. Values that are big integers
/// only fit unsigned types by bit length, as in go/types.
fn fits_int(v: &Value, bits: u32, signed: bool) -> bool {
    if bits == 0 {
        return false;
    }
    if let (x, true) = v.int64_val() {
        let x = i128::from(x);
        return if signed {
            let half = 1i128 << (bits.min(127) - 1);
            -half <= x && x < half
        } else {
            x >= 0 && (bits >= 64 || x < 1i128 << bits)
        };
    }
    if signed {
        return bits > 64 && v.bit_len() < bits as usize;
    }
    v.sign() >= 0 && v.bit_len() <= bits as usize
}

/// The value rounded to `float32`, as an exact fraction; `None` if it overflows.
fn round32(x: &Value) -> Option<Value> {
    let (f, _) = x.float32_val();
    f.is_finite().then(|| Value::from_f64(f64::from(f)))
}

/// The value rounded to `float64`, as an exact fraction; `None` if it overflows.
fn round64(x: &Value) -> Option<Value> {
    let (f, _) = x.float64_val();
    f.is_finite().then(|| Value::from_f64(f))
}
