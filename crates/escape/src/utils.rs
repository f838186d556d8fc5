//! gc's special cases: assignments of a value to itself, and allocations that must be on
//! the heap whatever flows (`escape/utils.go`).

use goescape_ir::expr::SliceKind;
use goescape_ir::type_facts::TypeFacts;
use goescape_ir::{ExprId, ExprKind, IrType, Package};

/// gc's `MaxStackVarSize`: explicit variables larger than this live on the heap.
pub const MAX_STACK_VAR_SIZE: i64 = 128 * 1024;
/// gc's `MaxImplicitStackVarSize`: the limit for `new`, `&T{}`, `make` and closures.
pub const MAX_IMPLICIT_STACK_VAR_SIZE: i64 = 64 * 1024;

/// `b.buf = b.buf[i:j]` and `x.f = x.g`-like stores that change no pointer's target.
pub fn is_self_assign(pkg: &Package, dst: ExprId, src: ExprId) -> bool {
    if is_slice_self_assign(pkg, dst, src) {
        return true;
    }
    let (d, s) = (&pkg.expr(dst).kind, &pkg.expr(src).kind);
    match (d, s) {
        (ExprKind::Field { x: dx, .. }, ExprKind::Field { x: sx, .. })
        | (ExprKind::FieldPtr { x: dx, .. }, ExprKind::FieldPtr { x: sx, .. }) => {
            same_safe_expr(pkg, *dx, *sx)
        }
        (
            ExprKind::Index {
                x: dx, index: di, ..
            },
            ExprKind::Index {
                x: sx, index: si, ..
            },
        ) => {
            !may_affect_memory(pkg, *di)
                && !may_affect_memory(pkg, *si)
                && same_safe_expr(pkg, *dx, *sx)
        }
        _ => false,
    }
}

fn pointer_base(pkg: &Package, e: ExprId) -> Option<ExprId> {
    match &pkg.expr(e).kind {
        ExprKind::Deref(x) | ExprKind::FieldPtr { x, .. } => Some(*x),
        _ => None,
    }
}

fn is_slice_self_assign(pkg: &Package, dst: ExprId, src: ExprId) -> bool {
    let Some(dx) = pointer_base(pkg, dst) else {
        return false;
    };
    let ExprKind::Var(dv) = pkg.expr(dx).kind else {
        return false;
    };
    let ExprKind::Slice { kind, x, .. } = &pkg.expr(src).kind else {
        return false;
    };
    if *kind == SliceKind::String {
        // gc's OSLICESTR qualifies too.
    }
    if *kind == SliceKind::Array && matches!(pkg.expr(*x).kind, ExprKind::AddrOf(_)) {
        return false;
    }
    let Some(bx) = pointer_base(pkg, *x) else {
        return false;
    };
    matches!(pkg.expr(bx).kind, ExprKind::Var(bv) if bv == dv)
}

/// gc's `SameSafeExpr`: the same variable path, with no calls or side effects.
fn same_safe_expr(pkg: &Package, a: ExprId, b: ExprId) -> bool {
    let (x, y) = (pkg.expr(a), pkg.expr(b));
    match (&x.kind, &y.kind) {
        (ExprKind::Var(v), ExprKind::Var(w)) => v == w,
        (ExprKind::Global(v), ExprKind::Global(w)) => v == w,
        (ExprKind::Field { x: a, field: f }, ExprKind::Field { x: b, field: g })
        | (ExprKind::FieldPtr { x: a, field: f }, ExprKind::FieldPtr { x: b, field: g }) => {
            f == g && same_safe_expr(pkg, *a, *b)
        }
        (ExprKind::Deref(a), ExprKind::Deref(b)) => same_safe_expr(pkg, *a, *b),
        (ExprKind::Index { x: a, index: i, .. }, ExprKind::Index { x: b, index: j, .. }) => {
            same_safe_expr(pkg, *a, *b) && same_safe_expr(pkg, *i, *j)
        }
        (ExprKind::Const { value: v, .. }, ExprKind::Const { value: w, .. }) => v == w,
        (ExprKind::Conv { x: a, .. }, ExprKind::Conv { x: b, .. }) => {
            x.ty == y.ty && same_safe_expr(pkg, *a, *b)
        }
        _ => false,
    }
}

fn may_affect_memory(pkg: &Package, e: ExprId) -> bool {
    match &pkg.expr(e).kind {
        ExprKind::Var(_) | ExprKind::Global(_) | ExprKind::Const { .. } | ExprKind::Nil => false,
        ExprKind::Binary { x, y, .. } => may_affect_memory(pkg, *x) || may_affect_memory(pkg, *y),
        ExprKind::Index { x, index, .. } => {
            may_affect_memory(pkg, *x) || may_affect_memory(pkg, *index)
        }
        ExprKind::Conv { x, .. }
        | ExprKind::Unary { x, .. }
        | ExprKind::Field { x, .. }
        | ExprKind::FieldPtr { x, .. }
        | ExprKind::Deref(x) => may_affect_memory(pkg, *x),
        ExprKind::Builtin {
            op: goescape_ir::expr::BuiltinOp::Len | goescape_ir::expr::BuiltinOp::Cap,
            args,
            ..
        } => args.iter().any(|&a| may_affect_memory(pkg, a)),
        _ => true,
    }
}

/// Why a location must be on the heap regardless of flows (gc's `HeapAllocReason`).
pub fn heap_alloc_reason_var(
    facts: &TypeFacts<'_>,
    ty: IrType,
    is_param: bool,
) -> Option<&'static str> {
    if is_param {
        return None;
    }
    if facts.size(ty) > MAX_STACK_VAR_SIZE {
        return Some("too large for stack");
    }
    if facts.align(ty) > facts.ptr_size() {
        return Some("too aligned for stack");
    }
    None
}

pub fn heap_alloc_reason_expr(
    pkg: &Package,
    facts: &TypeFacts<'_>,
    e: ExprId,
) -> Option<&'static str> {
    let n = pkg.expr(e);
    if facts.size(n.ty) > MAX_STACK_VAR_SIZE {
        return Some("too large for stack");
    }
    if facts.align(n.ty) > facts.ptr_size() {
        return Some("too aligned for stack");
    }
    let elem = |ty: IrType| match ty {
        IrType::Go(t) => facts.elem(t),
        IrType::PointerTo(t) => Some(t),
    };
    match &n.kind {
        ExprKind::New | ExprKind::PtrLit(_) => {
            let e = elem(n.ty)?;
            if facts.size_of(e) > MAX_IMPLICIT_STACK_VAR_SIZE {
                return Some("too large for stack");
            }
            if facts.align(IrType::Go(e)) > facts.ptr_size() {
                return Some("too aligned for stack");
            }
            None
        }
        ExprKind::MakeSlice { len, cap } => {
            let r = cap.unwrap_or(*len);
            let e = elem(n.ty)?;
            let size = facts.size_of(e);
            if size == 0 {
                return Some("zero-sized element");
            }
            let ExprKind::Const { value, .. } = &pkg.expr(r).kind else {
                return None;
            };
            let (v, exact) = value.int64_val();
            if !exact || v < i64::from(i32::MIN) || v > i64::from(i32::MAX) {
                return None;
            }
            if v > MAX_IMPLICIT_STACK_VAR_SIZE / size {
                return Some("too large for stack");
            }
            None
        }
        _ => None,
    }
}
