//! `index bounds check elided`: gc's walk phase (after escape analysis) drops the bounds
//! check of an index into an array, or into a constant string, whose non-constant index
//! provably stays in range, and says so under `-m`. The proof is syntactic (walk's
//! `bounded`): the index's unsigned width, or a mask, modulus, quotient or shift by a
//! constant. `goescape gc -m` prints what gc prints, so this is reproduced here.

use goescape_constant::Kind;
use goescape_ir::expr::BinaryOp;
use goescape_ir::type_facts::TypeFacts;
use goescape_ir::visit::for_each_expr;
use goescape_ir::{ExprId, ExprKind, FuncId, IrType, Package};
use goescape_types::ty::Type;

use crate::Diagnostic;

/// The messages for the index expressions of function `f`'s body.
pub fn elided_bounds_checks(
    pkg: &Package,
    facts: &TypeFacts<'_>,
    f: FuncId,
    out: &mut Vec<Diagnostic>,
) {
    // Values appended one by one are not reported (gc walks them as append's operands).
    let mut appended = std::collections::HashSet::new();
    for_each_expr(pkg, f, |e| {
        if let ExprKind::Builtin {
            op: goescape_ir::expr::BuiltinOp::Append,
            args,
            ddd: false,
        } = &pkg.expr(e).kind
        {
            appended.extend(args.iter().skip(1).copied());
        }
    });
    for_each_expr(pkg, f, |e| {
        if appended.contains(&e) {
            return;
        }
        let ExprKind::Index { x, index, .. } = pkg.expr(e).kind else {
            return;
        };
        let Some(max) = index_limit(pkg, facts, x) else {
            return;
        };
        if is_int_const(pkg, index) {
            return;
        }
        if bounded(pkg, facts, index, max) {
            out.push(Diagnostic::new(
                pkg.expr(e).pos,
                "index bounds check elided".to_owned(),
            ));
        }
    });
}

/// The length bounding an index into `x`: an array's (through a pointer too) or a
/// constant string's.
fn index_limit(pkg: &Package, facts: &TypeFacts<'_>, x: ExprId) -> Option<i64> {
    let n = pkg.expr(x);
    if let ExprKind::Const { value, .. } = &n.kind {
        return (value.kind() == Kind::String).then(|| value.string_val().len() as i64);
    }
    let t = match n.ty {
        IrType::Go(t) => t,
        IrType::PointerTo(t) => t,
    };
    let t = match facts.under(t) {
        Type::Pointer(e) => *e,
        _ => t,
    };
    match facts.under(t) {
        Type::Array { len: Some(len), .. } => i64::try_from(*len).ok(),
        _ => None,
    }
}

fn is_int_const(pkg: &Package, e: ExprId) -> bool {
    matches!(&pkg.expr(e).kind, ExprKind::Const { value, .. } if value.kind() == Kind::Int)
}

/// A constant that fits in an int32 (gc's `IsSmallIntConst`).
fn small_int(pkg: &Package, e: ExprId) -> Option<i64> {
    match &pkg.expr(e).kind {
        ExprKind::Const { value, .. } if value.kind() == Kind::Int => {
            let (v, exact) = value.int64_val();
            (exact && i64::from(i32::MIN) <= v && v <= i64::from(i32::MAX)).then_some(v)
        }
        ExprKind::Conv { x, .. } if pkg.expr(e).implicit => small_int(pkg, *x),
        _ => None,
    }
}

/// Walk's `bounded`: whether `n` (an integer) is certainly in `[0, max)`.
fn bounded(pkg: &Package, facts: &TypeFacts<'_>, n: ExprId, max: i64) -> bool {
    let node = pkg.expr(n);
    let IrType::Go(t) = node.ty else {
        return false;
    };
    let Some(kind) = facts.basic_kind(t) else {
        return false;
    };
    if !kind.is_integer() {
        return false;
    }
    let sign = !kind.is_unsigned();
    let mut bits = 8 * facts.size_of(t) as i32;
    if let Some(v) = small_int(pkg, n) {
        return 0 <= v && v < max;
    }
    if let ExprKind::Binary { op, x, y } = &node.kind {
        match op {
            BinaryOp::And | BinaryOp::AndNot => {
                let mut v = -1i64;
                if let Some(c) = small_int(pkg, *x) {
                    v = c;
                } else if let Some(c) = small_int(pkg, *y) {
                    v = c;
                    if *op == BinaryOp::AndNot {
                        v = !v;
                        if !sign {
                            v &= (1i64 << bits.clamp(0, 63)) - 1;
                        }
                    }
                }
                if 0 <= v && v < max {
                    return true;
                }
            }
            BinaryOp::Rem if !sign => {
                if let Some(v) = small_int(pkg, *y) {
                    if 0 <= v && v <= max {
                        return true;
                    }
                }
            }
            BinaryOp::Div if !sign => {
                if let Some(mut v) = small_int(pkg, *y) {
                    while bits > 0 && v >= 2 {
                        bits -= 1;
                        v >>= 1;
                    }
                }
            }
            BinaryOp::Shr if !sign => {
                if let Some(v) = small_int(pkg, *y) {
                    if v > i64::from(bits) {
                        return true;
                    }
                    bits -= v as i32;
                }
            }
            _ => {}
        }
    }
    !sign && bits <= 62 && (1i64 << bits.max(0)) <= max
}
