//! Walking a function's statements and expressions without recursion (bodies may nest
//! deeply), for passes that look at every node.

use crate::expr::{Callee, ExprKind};
use crate::ids::{ExprId, FuncId, StmtId};
use crate::package::Package;
use crate::stmt::StmtKind;

/// Calls `f` on every expression of function `func`'s body, closures' bodies excluded
/// (a closure appears as its [`ExprKind::Closure`] node).
pub fn for_each_expr(pkg: &Package, func: FuncId, mut f: impl FnMut(ExprId)) {
    let Some(body) = &pkg.func(func).body else {
        return;
    };
    let mut stmts: Vec<StmtId> = body.iter().rev().copied().collect();
    let mut exprs: Vec<ExprId> = Vec::new();
    while let Some(s) = stmts.pop() {
        stmt_children(pkg, s, &mut stmts, &mut exprs);
        while let Some(e) = exprs.pop() {
            f(e);
            expr_children(pkg, e, &mut exprs);
        }
    }
}

fn stmt_children(pkg: &Package, s: StmtId, stmts: &mut Vec<StmtId>, exprs: &mut Vec<ExprId>) {
    match &pkg.stmt(s).kind {
        StmtKind::Block(list) => stmts.extend(list),
        StmtKind::Decl(_) | StmtKind::Label { .. } | StmtKind::Jump(_) => {}
        StmtKind::Assign { x, y } => {
            exprs.push(*x);
            exprs.extend(y);
        }
        StmtKind::AssignOp { x, y, .. } => exprs.extend([*x, *y]),
        StmtKind::AssignPair { lhs, rhs, .. } => {
            exprs.extend(lhs.iter().flatten());
            exprs.extend(rhs);
        }
        StmtKind::AssignCall { lhs, call } => {
            exprs.extend(lhs.iter().flatten());
            exprs.push(*call);
        }
        StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => exprs.push(*e),
        StmtKind::Send { ch, value } => exprs.extend([*ch, *value]),
        StmtKind::Return(list) => exprs.extend(list),
        StmtKind::If { cond, then, else_ } => {
            exprs.push(*cond);
            stmts.extend(then);
            stmts.extend(else_);
        }
        StmtKind::For { cond, post, body } => {
            exprs.extend(cond);
            stmts.extend(post);
            stmts.extend(body);
        }
        StmtKind::Range {
            x,
            key,
            value,
            body,
            ..
        } => {
            exprs.push(*x);
            exprs.extend(key.iter().chain(value));
            stmts.extend(body);
        }
        StmtKind::Switch { tag, cases } => {
            exprs.extend(tag);
            for c in cases {
                exprs.extend(&c.list);
                stmts.extend(&c.body);
            }
        }
        StmtKind::TypeSwitch { x, cases, .. } => {
            exprs.push(*x);
            for c in cases {
                stmts.extend(&c.body);
            }
        }
        StmtKind::Select(cases) => {
            for c in cases {
                stmts.extend(c.comm);
                stmts.extend(&c.body);
            }
        }
    }
}

/// Pushes the operands of expression `e`.
pub fn expr_children(pkg: &Package, e: ExprId, out: &mut Vec<ExprId>) {
    match &pkg.expr(e).kind {
        ExprKind::Var(_)
        | ExprKind::Blank
        | ExprKind::Global(_)
        | ExprKind::FuncName(_)
        | ExprKind::MethodExpr { .. }
        | ExprKind::Const { .. }
        | ExprKind::Nil
        | ExprKind::New
        | ExprKind::Closure(_) => {}
        ExprKind::Unary { x, .. }
        | ExprKind::AddrOf(x)
        | ExprKind::Deref(x)
        | ExprKind::Field { x, .. }
        | ExprKind::FieldPtr { x, .. }
        | ExprKind::TypeAssert { x, .. }
        | ExprKind::Conv { x, .. }
        | ExprKind::PtrLit(x)
        | ExprKind::MethodValue { x, .. }
        | ExprKind::InterfaceMethod { x, .. }
        | ExprKind::Recv(x) => out.push(*x),
        ExprKind::Binary { x, y, .. } | ExprKind::Logical { x, y, .. } => out.extend([*x, *y]),
        ExprKind::Index { x, index, .. } => out.extend([*x, *index]),
        ExprKind::MapIndex { x, key } => out.extend([*x, *key]),
        ExprKind::Slice {
            x, low, high, max, ..
        } => {
            out.push(*x);
            out.extend(low.iter().chain(high).chain(max));
        }
        ExprKind::Call { callee, args, .. } => {
            match callee {
                Callee::Static { fun, .. }
                | Callee::Local { fun, .. }
                | Callee::Dynamic { fun } => out.push(*fun),
                Callee::Interface { recv, .. } => out.push(*recv),
            }
            out.extend(args);
        }
        ExprKind::Builtin { args, .. } | ExprKind::AddString(args) => out.extend(args),
        ExprKind::MakeSlice { len, cap } => {
            out.push(*len);
            out.extend(cap);
        }
        ExprKind::MakeMap { hint: x } | ExprKind::MakeChan { size: x } => out.extend(x),
        ExprKind::StructLit { fields } => out.extend(fields.iter().map(|(_, v)| *v)),
        ExprKind::ArrayLit { elems, .. } => out.extend(elems),
        ExprKind::MapLit { entries } => {
            for (k, v) in entries {
                out.extend([*k, *v]);
            }
        }
    }
}
