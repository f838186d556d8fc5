//! gc's escape analysis replaces a few operands by the constant they are known to hold
//! (`rewriteWithLiterals`, with `ir.ReassignOracle`'s static values): the size of a
//! `make` (so that a constant-sized slice can live on the stack) and the operand of a
//! conversion to an interface (so that it can point at static data). Only the nodes
//! change: `n := 48; make([]T, 0, n)` is reported as `make([]T, 0, 48)`, and `code :=
//! 501; fmt.Print(code)` as `501 escapes to heap`.
//!
//! A local variable has a static value when its defining statement (`x := e`, `var x = e`,
//! `a, b := e1, e2`) is its only assignment and its address is never taken; the value is
//! followed through such variables and conversions that change no representation.

use goescape_constant::Value;
use goescape_types::ty::Type;
use goescape_types::TypeStore;
use std::collections::HashSet;

use crate::expr::{BuiltinOp, ConvKind, Expr, ExprKind, IrType};
use crate::ids::{ExprId, StmtId, VarId};
use crate::package::Package;
use crate::stmt::{PairKind, StmtKind};
use crate::var::VarClass;

/// Rewrites the sizes of `make` and the operands of conversions to interfaces whose
/// static value is a constant into that constant.
pub fn rewrite_with_literals(pkg: &mut Package, store: &TypeStore<'_>) {
    let unstable = reassigned_or_addressed(pkg);
    let mut rewrites: Vec<(ExprId, Value)> = Vec::new();
    for e in &pkg.exprs {
        match &e.kind {
            ExprKind::MakeSlice { len, cap } => {
                let size = cap.unwrap_or(*len);
                if matches!(pkg.expr(size).kind, ExprKind::Const { .. }) {
                    continue;
                }
                if let Some(n) = static_size(pkg, &unstable, size) {
                    rewrites.push((size, n));
                }
            }
            ExprKind::Conv {
                kind: ConvKind::ToInterface,
                x,
            } => {
                let x = *x;
                if matches!(pkg.expr(x).kind, ExprKind::Const { .. })
                    || !has_basic_type(pkg, store, x)
                {
                    continue;
                }
                if let ExprKind::Const { value, .. } =
                    &pkg.expr(static_value(pkg, &unstable, x)).kind
                {
                    rewrites.push((x, value.clone()));
                }
            }
            _ => {}
        }
    }
    for (operand, value) in rewrites {
        // The operand keeps its type and position; the constant is a fresh literal (no
        // constant name), as gc makes one.
        let old = pkg.expr(operand);
        let lit = Expr {
            kind: ExprKind::Const { value, name: None },
            ty: old.ty,
            pos: old.pos,
            implicit: false,
        };
        pkg.exprs[operand.index()] = lit;
    }
}

/// Whether the operand's type is a basic type (possibly named): only those hold
/// constants, and a type parameter's shape is left alone.
fn has_basic_type(pkg: &Package, store: &TypeStore<'_>, e: ExprId) -> bool {
    let IrType::Go(t) = pkg.expr(e).ty else {
        return false;
    };
    matches!(
        store.ty(goescape_types::under::underlying(store, t)),
        Type::Basic(_)
    ) && !goescape_types::under::is_type_param(store, t)
}

/// A `make` size's constant: a non-negative integer, or the length of a slice literal
/// the size is `len` of.
fn static_size(pkg: &Package, unstable: &HashSet<VarId>, size: ExprId) -> Option<Value> {
    let s = static_value(pkg, unstable, size);
    match &pkg.expr(s).kind {
        ExprKind::Const { value, .. } => {
            let (n, exact) = value.int64_val();
            (exact && n >= 0).then(|| value.clone())
        }
        ExprKind::Builtin {
            op: BuiltinOp::Len,
            args,
            ..
        } => {
            let x = static_value(pkg, unstable, *args.first()?);
            match &pkg.expr(x).kind {
                ExprKind::ArrayLit {
                    slice: true, len, ..
                } => Some(Value::from_i64(i64::try_from(*len).ok()?)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The expression `e` is known to evaluate to: through no-op conversions and local
/// variables assigned once, at their definition.
fn static_value(pkg: &Package, unstable: &HashSet<VarId>, mut e: ExprId) -> ExprId {
    // Each step moves to an earlier definition; the bound only guards malformed IR.
    for _ in 0..64 {
        match &pkg.expr(e).kind {
            ExprKind::Conv {
                kind: ConvKind::NoOp,
                x,
            } => e = *x,
            ExprKind::Var(v) => match defining_value(pkg, unstable, *v) {
                Some(next) => e = next,
                None => return e,
            },
            _ => return e,
        }
    }
    e
}

/// The right-hand side that defines local `v`, if that is its only assignment.
fn defining_value(pkg: &Package, unstable: &HashSet<VarId>, v: VarId) -> Option<ExprId> {
    let var = pkg.var(v);
    if var.class != VarClass::Local || unstable.contains(&v) {
        return None;
    }
    let defn = var.defn?;
    let is_v = |e: ExprId| matches!(pkg.expr(e).kind, ExprKind::Var(x) if x == v);
    match &pkg.stmt(defn).kind {
        StmtKind::Assign { x, y: Some(y) } if is_v(*x) => Some(*y),
        StmtKind::AssignPair {
            kind: PairKind::Plain,
            lhs,
            rhs,
        } if lhs.len() == rhs.len() => lhs.iter().position(|l| l.is_some_and(is_v)).map(|i| rhs[i]),
        _ => None,
    }
}

/// The variables assigned anywhere but at their definition (an assignment to a field or
/// array element assigns the variable), and those whose address is taken.
fn reassigned_or_addressed(pkg: &Package) -> HashSet<VarId> {
    let mut set = HashSet::new();
    for (i, s) in pkg.stmts.iter().enumerate() {
        let id = StmtId(i as u32);
        let (targets, op): (Vec<ExprId>, bool) = match &s.kind {
            StmtKind::Assign { x, .. } => (vec![*x], false),
            StmtKind::AssignOp { x, .. } => (vec![*x], true),
            StmtKind::AssignPair { lhs, .. } | StmtKind::AssignCall { lhs, .. } => {
                (lhs.iter().flatten().copied().collect(), false)
            }
            StmtKind::Range { key, value, .. } => {
                (key.iter().chain(value).copied().collect(), false)
            }
            _ => continue,
        };
        for t in targets {
            if let Some(v) = outer_var(pkg, t) {
                if op || pkg.var(v).defn != Some(id) {
                    set.insert(v);
                }
            }
        }
    }
    set.extend(addressed_vars(pkg));
    set
}

/// The variables whose address is taken (of them or of a field or array element:
/// gc's `Addrtaken`).
pub(crate) fn addressed_vars(pkg: &Package) -> impl Iterator<Item = VarId> + '_ {
    pkg.exprs.iter().filter_map(|e| match e.kind {
        ExprKind::AddrOf(x) => outer_var(pkg, x),
        _ => None,
    })
}

/// The variable an assignment to `e` (or `&e`) writes: through struct fields, array
/// elements and no-op conversions (gc's `OuterValue`).
fn outer_var(pkg: &Package, mut e: ExprId) -> Option<VarId> {
    for _ in 0..256 {
        match &pkg.expr(e).kind {
            ExprKind::Var(v) => return Some(*v),
            ExprKind::Field { x, .. }
            | ExprKind::Conv {
                kind: ConvKind::NoOp,
                x,
            } => e = *x,
            ExprKind::Index { x, array: true, .. } => e = *x,
            _ => return None,
        }
    }
    None
}
