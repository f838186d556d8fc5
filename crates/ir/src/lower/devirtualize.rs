//! gc's static devirtualization (`devirtualize.StaticCall`), which runs before escape
//! analysis even with `-l`: an interface method call whose receiver is known to hold
//! values of one concrete type only becomes a direct call of that type's method on
//! `x.(T)`, and `-m` says "devirtualizing x.M to T". The receiver's concrete type comes
//! from Go 1.26's analysis of every assignment to the interface variables it reads
//! (`concreteType`): through conversions and type assertions, all assignments must agree
//! on one type (assigning nil does not count).

use std::collections::{HashMap, HashSet};

use goescape_types::ty::Type;
use goescape_types::{ObjKind, TypeId};

use super::Lowerer;
use crate::expr::{Callee, ConvKind, ExprKind, IrType};
use crate::func::FuncKind;
use crate::ids::{ExprId, FuncId, VarId};
use crate::package::Package;
use crate::stmt::{PairKind, StmtKind};
use crate::var::VarClass;

/// A value assigned to an interface variable: an expression to follow, or a type (None
/// when it is an interface, which says nothing).
#[derive(Clone, Copy)]
enum Assigned {
    Value(ExprId),
    Type(Option<TypeId>),
}

/// What a receiver is known to hold.
enum Concrete {
    Type(TypeId),
    /// Only nil (or nothing) was assigned.
    Nothing,
    Unknown,
}

struct Assignments<'p> {
    pkg: &'p Package,
    store: &'p goescape_types::TypeStore<'p>,
    by_var: HashMap<VarId, Vec<Assigned>>,
    addressed: HashSet<VarId>,
}

impl<'p> Assignments<'p> {
    fn new(pkg: &'p Package, store: &'p goescape_types::TypeStore<'p>) -> Self {
        let mut a = Assignments {
            pkg,
            store,
            by_var: HashMap::new(),
            addressed: crate::static_literals::addressed_vars(pkg).collect(),
        };
        for s in &pkg.stmts {
            match &s.kind {
                StmtKind::Assign { x, y: Some(y) } => {
                    let value = match pkg.expr(*y).kind {
                        ExprKind::Nil => continue,
                        ExprKind::Call { .. } => Assigned::Type(a.concrete_of(*y)),
                        _ => Assigned::Value(*y),
                    };
                    a.assign(*x, value);
                }
                StmtKind::AssignPair { kind, lhs, rhs } => match kind {
                    PairKind::Plain => {
                        for (l, r) in lhs.iter().zip(rhs) {
                            if let Some(l) = l {
                                if !matches!(pkg.expr(*r).kind, ExprKind::Nil) {
                                    a.assign(*l, Assigned::Value(*r));
                                }
                            }
                        }
                    }
                    PairKind::DotType => {
                        if let (Some(Some(l)), Some(&r)) = (lhs.first(), rhs.first()) {
                            a.assign(*l, Assigned::Value(r));
                        }
                    }
                    PairKind::MapRead | PairKind::Receive => {
                        if let (Some(Some(l)), Some(&r)) = (lhs.first(), rhs.first()) {
                            a.assign(*l, Assigned::Type(a.concrete_of(r)));
                        }
                    }
                },
                StmtKind::AssignCall { lhs, .. } => {
                    // The results' types are the variables' own: an interface says
                    // nothing.
                    for l in lhs.iter().flatten() {
                        a.assign(*l, Assigned::Type(None));
                    }
                }
                StmtKind::AssignOp { x, .. } => a.assign(*x, Assigned::Type(None)),
                StmtKind::Range { key, value, .. } => {
                    for l in key.iter().chain(value) {
                        a.assign(*l, Assigned::Type(a.concrete_of(*l)));
                    }
                }
                _ => {}
            }
        }
        a
    }

    /// The type of `e` when it is not an interface.
    fn concrete_of(&self, e: ExprId) -> Option<TypeId> {
        match self.pkg.expr(e).ty {
            IrType::Go(t) if !self.is_interface(t) => Some(t),
            IrType::PointerTo(_) | IrType::Go(_) => None,
        }
    }

    fn is_interface(&self, t: TypeId) -> bool {
        matches!(
            self.store
                .ty(goescape_types::under::underlying(self.store, t)),
            Type::Interface(_)
        )
    }

    fn assign(&mut self, target: ExprId, value: Assigned) {
        let ExprKind::Var(v) = self.pkg.expr(target).kind else {
            return;
        };
        let var = self.pkg.var(v);
        let IrType::Go(t) = var.ty else {
            return;
        };
        if var.class == VarClass::Local && self.is_interface(t) {
            self.by_var.entry(v).or_default().push(value);
        }
    }

    /// The one concrete type `e` can hold (gc's `concreteType1`).
    fn concrete(&self, mut e: ExprId, seen: &mut HashSet<VarId>) -> Concrete {
        for _ in 0..256 {
            let n = self.pkg.expr(e);
            if let IrType::Go(t) = n.ty {
                if !self.is_interface(t) {
                    return Concrete::Type(t);
                }
            }
            match n.kind {
                ExprKind::Conv {
                    kind: ConvKind::NoOp | ConvKind::ToInterface,
                    x,
                }
                | ExprKind::TypeAssert { x, .. } => e = x,
                _ => break,
            }
        }
        let ExprKind::Var(v) = self.pkg.expr(e).kind else {
            return Concrete::Unknown;
        };
        if self.pkg.var(v).class != VarClass::Local || self.addressed.contains(&v) {
            return Concrete::Unknown;
        }
        if !seen.insert(v) {
            return Concrete::Nothing;
        }
        let mut found: Option<TypeId> = None;
        for &a in self.by_var.get(&v).map_or(&[][..], |a| a.as_slice()) {
            let t = match a {
                Assigned::Type(Some(t)) => t,
                Assigned::Type(None) => return Concrete::Unknown,
                Assigned::Value(x) => match self.concrete(x, seen) {
                    Concrete::Type(t) => t,
                    Concrete::Nothing => continue,
                    Concrete::Unknown => return Concrete::Unknown,
                },
            };
            if found.is_some_and(|f| f != t) {
                return Concrete::Unknown;
            }
            found = Some(t);
        }
        match found {
            Some(t) => Concrete::Type(t),
            None => Concrete::Nothing,
        }
    }
}

impl Lowerer<'_, '_> {
    /// Rewrites the package's statically known interface calls into direct calls.
    pub(super) fn devirtualize(&mut self) {
        let mut calls: Vec<(FuncId, ExprId)> = Vec::new();
        for f in self.out.func_ids() {
            let func = self.out.func(f);
            // gc leaves calls in go and defer statements alone (a panic in the
            // rewritten receiver would move to the statement), and shaped code.
            if func.kind == FuncKind::GoDeferWrapper || func.generic {
                continue;
            }
            crate::visit::for_each_expr(&self.out, f, |e| {
                if let ExprKind::Call {
                    callee: Callee::Interface { .. },
                    ..
                } = self.out.expr(e).kind
                {
                    calls.push((f, e));
                }
            });
        }
        if calls.is_empty() {
            return;
        }
        let store = self.store;
        let found: Vec<(FuncId, ExprId, TypeId)> = {
            let assignments = Assignments::new(&self.out, store);
            calls
                .into_iter()
                .filter_map(|(f, call)| {
                    let ExprKind::Call {
                        callee: Callee::Interface { recv, .. },
                        ..
                    } = self.out.expr(call).kind
                    else {
                        return None;
                    };
                    match assignments.concrete(recv, &mut HashSet::new()) {
                        Concrete::Type(t) => Some((f, call, t)),
                        Concrete::Nothing | Concrete::Unknown => None,
                    }
                })
                .collect()
        };
        for (f, call, concrete) in found {
            self.devirtualize_call(f, call, concrete);
        }
    }

    fn devirtualize_call(&mut self, f: FuncId, call: ExprId, concrete: TypeId) {
        let ExprKind::Call {
            callee:
                Callee::Interface {
                    recv,
                    method,
                    method_pos,
                },
            args,
            ddd,
        } = self.out.expr(call).kind.clone()
        else {
            return;
        };
        let store = self.store;
        let IrType::Go(iface) = self.out.expr(recv).ty else {
            return;
        };
        if matches!(
            store.ty(goescape_types::under::underlying(store, concrete)),
            Type::Interface(_)
        ) || crate::shape::has_type_params(store, concrete, 0)
            || crate::shape::has_type_params(store, iface, 0)
        {
            return;
        }
        let name = store.obj(method).name.clone();
        let Some(sel) = goescape_types::methodset::method_set(store, concrete)
            .into_iter()
            .find(|s| store.obj(s.obj).name == name)
        else {
            return;
        };
        // A method promoted from an embedded interface stays an interface call (gc's
        // "partially devirtualizing"); not modelled.
        let target = store.obj(sel.obj);
        let promoted_from_interface = match &target.kind {
            ObjKind::Func(_) => target
                .ty
                .and_then(|t| match store.ty(t) {
                    Type::Signature(s) => s.recv,
                    _ => None,
                })
                .and_then(|r| store.obj(r).ty)
                .is_some_and(|rt| {
                    matches!(
                        store.ty(goescape_types::under::underlying(store, rt)),
                        Type::Interface(_)
                    )
                }),
            _ => true,
        };
        if promoted_from_interface {
            return;
        }
        let message = {
            let printer = crate::fmt::Printer {
                pkg: &self.out,
                store,
                local: self.input.pkg,
                shapes: None,
                facts: None,
                dict_slots: None,
            };
            format!(
                "devirtualizing {}.{name} to {}",
                printer.expr(recv),
                printer.type_string(concrete)
            )
        };
        let saved = std::mem::replace(&mut self.cur, f);
        let asserted = self.mk(
            ExprKind::TypeAssert {
                x: recv,
                comma_ok: false,
            },
            IrType::Go(concrete),
            method_pos,
            true,
        );
        let path = &sel.index[..sel.index.len() - 1];
        let base = self.embedded_path(asserted, path, method_pos);
        let receiver = self.method_receiver(base, sel.obj, method_pos);
        let recv_ty = match self.ir_type(receiver) {
            IrType::Go(t) | IrType::PointerTo(t) => t,
        };
        let origin = self.method_origin(sel.obj);
        let sig = target.ty.unwrap_or(super::INVALID_TYPE);
        let fun = self.method_expr(recv_ty, sel.obj, origin, sig, method_pos);
        self.cur = saved;
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(receiver);
        all.extend(args);
        let pos = self.out.expr(call).pos;
        self.out.exprs[call.index()].kind = ExprKind::Call {
            callee: Callee::Static { fun, func: origin },
            args: all,
            ddd,
        };
        self.out.devirtualized.push((f, pos, message));
    }
}
