//! Calls: conversions written as calls, builtins, method calls with their receivers
//! (gc's `FixMethodCall`), variadic arguments packed into an implicit slice literal
//! (gc's `FixVariadicCall`) and `f(g())` through temporaries.

use goescape_syntax::ast::{self, ExprKind as Ast};
use goescape_types::check::Mode;
use goescape_types::object::{Builtin, ObjKind};
use goescape_types::selection::SelectionKind;
use goescape_types::ty::{Signature, Type};
use goescape_types::under::has_ptr_recv;
use goescape_types::{ObjId, TypeId};

use super::Lowerer;
use crate::expr::{BuiltinOp, Callee, ExprKind, IrType};
use crate::ids::ExprId;
use crate::pos::IrPos;
use crate::stmt::{PairKind, StmtKind};

impl<'a> Lowerer<'a, '_> {
    pub(super) fn call_expr(&mut self, id: ast::ExprId, ty: TypeId, pos: IrPos) -> ExprId {
        let file = self.file();
        let Ast::Call {
            fun,
            args,
            ellipsis,
            ..
        } = &file.expr(id).kind
        else {
            unreachable!("call_expr of a call");
        };
        let ddd = *ellipsis != goescape_syntax::Pos::NONE;
        let fun = *fun;
        let fun_tv = self.tv(fun);
        match fun_tv.map(|tv| tv.mode) {
            Some(Mode::TypeExpr) => {
                return match args.first() {
                    Some(&arg) => self.conversion(ty, arg, pos),
                    None => self.mk(ExprKind::Nil, IrType::Go(ty), pos, false),
                };
            }
            Some(Mode::Builtin) => {
                if let Some(b) = self
                    .used_object(fun)
                    .and_then(|o| match self.store.obj(o).kind {
                        ObjKind::Builtin(b) => Some(b),
                        _ => None,
                    })
                {
                    return self.builtin_call(b, args, ddd, ty, pos);
                }
            }
            _ => {}
        }
        let sig_ty = fun_tv.map_or(super::INVALID_TYPE, |tv| tv.ty);
        let sig = match self.underlying(sig_ty) {
            Type::Signature(s) => Some(s),
            _ => None,
        };

        // A method call x.M(args): the receiver becomes the first argument.
        let fun_inner = self.strip_parens_pub(fun);
        if let Ast::Selector { x, .. } = &file.expr(fun_inner).kind {
            if let Some(sel) = self.finfo().selections.get(&fun_inner).cloned() {
                if sel.kind == SelectionKind::MethodVal {
                    let fun_pos = self.gc_pos(fun_inner);
                    let recv = self.expr(*x);
                    let path = &sel.index[..sel.index.len() - 1];
                    let recv = self.embedded_path(recv, path, fun_pos);
                    let (args, ddd) = self.call_args(args, sig, ddd, pos);
                    if self.is_interface_recv(recv) {
                        let recv = self.receiver_temp(recv, pos);
                        return self.mk(
                            ExprKind::Call {
                                callee: Callee::Interface {
                                    recv,
                                    method: sel.obj,
                                    method_pos: fun_pos,
                                },
                                args,
                                ddd,
                            },
                            IrType::Go(ty),
                            pos,
                            false,
                        );
                    }
                    let recv = self.method_receiver(recv, sel.obj, fun_pos);
                    let method = self.store.obj(sel.obj);
                    let recv_ty = match self.ir_type(recv) {
                        IrType::Go(t) => t,
                        IrType::PointerTo(t) => t,
                    };
                    // A type parameter's method keeps the instantiated constraint's
                    // signature, in terms of the function's own type parameters.
                    let on_type_param = matches!(
                        self.store
                            .ty(goescape_types::under::unalias(self.store, recv_ty)),
                        Type::TypeParam(_)
                    );
                    let origin = match &method.kind {
                        ObjKind::Func(info) if !on_type_param => info.origin.unwrap_or(sel.obj),
                        _ => sel.obj,
                    };
                    let method_expr = self.method_expr(recv_ty, sel.obj, origin, sig_ty, fun_pos);
                    // A method of a generic type's instance: the type's arguments.
                    let named = match self
                        .store
                        .ty(goescape_types::under::unalias(self.store, recv_ty))
                    {
                        Type::Pointer(e) => *e,
                        _ => recv_ty,
                    };
                    if let Type::Named(n) = self
                        .store
                        .ty(goescape_types::under::unalias(self.store, named))
                    {
                        if !n.type_args.is_empty() {
                            self.out.targs.insert(method_expr, n.type_args.clone());
                        }
                    }
                    let mut all = Vec::with_capacity(args.len() + 1);
                    all.push(recv);
                    all.extend(args);
                    return self.mk(
                        ExprKind::Call {
                            callee: Callee::Static {
                                fun: method_expr,
                                func: origin,
                            },
                            args: all,
                            ddd,
                        },
                        IrType::Go(ty),
                        pos,
                        false,
                    );
                }
            }
        }

        let callee_expr = self.expr(fun);
        let callee = match &self.out.expr(callee_expr).kind {
            ExprKind::FuncName(obj) => Callee::Static {
                fun: callee_expr,
                func: *obj,
            },
            ExprKind::MethodExpr { method, .. } => Callee::Static {
                fun: callee_expr,
                func: *method,
            },
            ExprKind::Closure(f) => Callee::Local {
                fun: callee_expr,
                func: *f,
            },
            _ => Callee::Dynamic { fun: callee_expr },
        };
        // The checker did not record the type arguments of some inferred calls: infer
        // them from the arguments' types, as far as they show.
        if let ExprKind::FuncName(obj) = self.out.expr(callee_expr).kind {
            if !self.out.targs.contains_key(&callee_expr) {
                let arg_types: Vec<TypeId> = args.iter().map(|&a| self.type_of(a)).collect();
                if let Some(targs) = self.infer_type_args(obj, &arg_types) {
                    self.out.targs.insert(callee_expr, targs);
                }
            }
        }
        let (args, ddd) = self.call_args(args, sig, ddd, pos);
        let callee = match callee {
            Callee::Dynamic { fun } => Callee::Dynamic {
                fun: self.receiver_temp(fun, pos),
            },
            other => other,
        };
        self.mk(
            ExprKind::Call { callee, args, ddd },
            IrType::Go(ty),
            pos,
            false,
        )
    }

    /// The type arguments of a call of generic function `obj` that unifying its
    /// parameters' types with `arg_types` determines; None if some stays unknown.
    fn infer_type_args(&self, obj: ObjId, arg_types: &[TypeId]) -> Option<Vec<TypeId>> {
        let sig = self.store.obj(obj).ty?;
        let Type::Signature(sig) = self.store.ty(sig) else {
            return None;
        };
        if sig.type_params.is_empty() {
            return None;
        }
        let params: Vec<TypeId> = sig
            .type_params
            .iter()
            .map(|&p| goescape_types::under::unalias(self.store, p))
            .collect();
        let mut bound: Vec<Option<TypeId>> = vec![None; params.len()];
        for (i, &arg) in arg_types.iter().enumerate() {
            let Some(&p) = sig.params.get(i) else {
                break;
            };
            let Some(pt) = self.store.obj(p).ty else {
                continue;
            };
            self.unify(pt, arg, &params, &mut bound, 0);
        }
        bound.into_iter().collect()
    }

    fn unify(
        &self,
        p: TypeId,
        a: TypeId,
        params: &[TypeId],
        bound: &mut [Option<TypeId>],
        depth: usize,
    ) {
        if depth > 16 {
            return;
        }
        let store = self.store;
        let p = goescape_types::under::unalias(store, p);
        if let Some(i) = params.iter().position(|&x| x == p) {
            if bound[i].is_none() && !self.is_untyped_type(a) {
                bound[i] = Some(a);
            }
            return;
        }
        // A type parameter argument unifies through its core type.
        let a_struct = if goescape_types::under::is_type_param(store, a) {
            match goescape_types::under::common_under(store, a) {
                Some(core) => core,
                None => return,
            }
        } else {
            a
        };
        let au = self.underlying(a_struct);
        match (store.ty(p), au) {
            (Type::Slice(pe), Type::Slice(ae)) | (Type::Pointer(pe), Type::Pointer(ae)) => {
                self.unify(*pe, *ae, params, bound, depth + 1)
            }
            (Type::Array { elem: pe, .. }, Type::Array { elem: ae, .. })
            | (Type::Chan { elem: pe, .. }, Type::Chan { elem: ae, .. }) => {
                self.unify(*pe, *ae, params, bound, depth + 1)
            }
            (Type::Map { key: pk, elem: pe }, Type::Map { key: ak, elem: ae }) => {
                self.unify(*pk, *ak, params, bound, depth + 1);
                self.unify(*pe, *ae, params, bound, depth + 1);
            }
            (Type::Signature(ps), Type::Signature(asig)) => {
                for (x, y) in ps
                    .params
                    .iter()
                    .zip(&asig.params)
                    .chain(ps.results.iter().zip(&asig.results))
                {
                    if let (Some(xt), Some(yt)) = (store.obj(*x).ty, store.obj(*y).ty) {
                        self.unify(xt, yt, params, bound, depth + 1);
                    }
                }
            }
            (Type::Named(pn), _) => {
                if let Type::Named(an) = store.ty(goescape_types::under::unalias(store, a)) {
                    if pn.origin.is_some() && pn.origin == an.origin {
                        for (x, y) in pn.type_args.iter().zip(&an.type_args) {
                            self.unify(*x, *y, params, bound, depth + 1);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    pub(super) fn is_untyped_type(&self, t: TypeId) -> bool {
        matches!(self.store.ty(t), Type::Basic(b) if b.kind.is_untyped())
    }

    pub(super) fn strip_parens_pub(&self, mut id: ast::ExprId) -> ast::ExprId {
        while let Ast::Paren { x, .. } = &self.file().expr(id).kind {
            id = *x;
        }
        id
    }

    /// gc's typecheck moves a call's receiver (or callee) into a temporary when it
    /// contains a call or a receive (`RewriteNonNameCall`): `.autotmp_N = f(); .autotmp_N.M()`.
    /// The temporary is made after the arguments', as gc types the call after reading them.
    pub(super) fn receiver_temp(&mut self, recv: ExprId, pos: IrPos) -> ExprId {
        if !self.calls_or_receives(recv) {
            return recv;
        }
        let ty = self.out.expr(recv).ty;
        let t = self.temp(ty, pos);
        let decl = self.stmt_new(StmtKind::Decl(t), pos);
        self.pending.push(decl);
        let target = self.mk(ExprKind::Var(t), ty, pos, true);
        let assign = self.stmt_new(
            StmtKind::Assign {
                x: target,
                y: Some(recv),
            },
            pos,
        );
        self.pending.push(assign);
        self.mk(ExprKind::Var(t), ty, pos, true)
    }

    /// Whether the expression calls something (`new` aside) or receives from a channel,
    /// outside function literals.
    fn calls_or_receives(&self, e: ExprId) -> bool {
        let mut work = vec![e];
        let mut children = Vec::new();
        while let Some(e) = work.pop() {
            match &self.out.expr(e).kind {
                ExprKind::Call { .. } | ExprKind::Builtin { .. } | ExprKind::Recv(_) => {
                    return true
                }
                _ => {}
            }
            children.clear();
            crate::visit::expr_children(&self.out, e, &mut children);
            work.extend_from_slice(&children);
        }
        false
    }

    /// `T.M` / `(*T).M` as the callee of a direct method call: `method` is the selected
    /// method (its receiver says which), `origin` the declared one it names.
    pub(super) fn method_expr(
        &mut self,
        recv: TypeId,
        method: ObjId,
        origin: ObjId,
        sig: TypeId,
        pos: IrPos,
    ) -> ExprId {
        let pointer = has_ptr_recv(self.store, method);
        self.mk(
            ExprKind::MethodExpr {
                recv,
                method: origin,
                pointer,
            },
            IrType::Go(sig),
            pos,
            false,
        )
    }

    fn is_interface_recv(&self, recv: ExprId) -> bool {
        match self.ir_type(recv) {
            IrType::Go(t) => self.is_interface_type(t),
            IrType::PointerTo(_) => false,
        }
    }

    /// The receiver adjusted to the method's receiver kind: `&x` for a pointer method
    /// of an addressable value, `*p` for a value method through a pointer.
    pub(super) fn method_receiver(&mut self, recv: ExprId, method: ObjId, pos: IrPos) -> ExprId {
        if self.is_interface_recv(recv) {
            return recv;
        }
        let wants_pointer = has_ptr_recv(self.store, method);
        let is_pointer = self.is_pointer_expr(recv);
        // gc places the implicit & or * at the selector.
        let recv_pos = pos;
        match (wants_pointer, is_pointer) {
            (true, false) => {
                let t = match self.ir_type(recv) {
                    IrType::Go(t) => t,
                    IrType::PointerTo(t) => t,
                };
                self.mk(ExprKind::AddrOf(recv), IrType::PointerTo(t), recv_pos, true)
            }
            (false, true) => {
                let elem = match self.ir_type(recv) {
                    IrType::PointerTo(t) => Some(t),
                    IrType::Go(t) => match self.underlying(t) {
                        Type::Pointer(e) => Some(*e),
                        _ => None,
                    },
                };
                match elem {
                    Some(e) => self.mk(ExprKind::Deref(recv), IrType::Go(e), recv_pos, true),
                    None => recv,
                }
            }
            _ => recv,
        }
    }

    /// The arguments of a call, converted to the parameter types, with variadic
    /// arguments packed and a multi-value argument spread through temporaries.
    /// Packed arguments make the call a `...` call, as gc's `FixVariadicCall` does.
    fn call_args(
        &mut self,
        args: &[ast::ExprId],
        sig: Option<&'a Signature>,
        ddd: bool,
        call_pos: IrPos,
    ) -> (Vec<ExprId>, bool) {
        let mut values = Vec::with_capacity(args.len());
        if args.len() == 1 && self.is_tuple(self.type_of(args[0])) {
            let dsts: Vec<Option<TypeId>> = match sig {
                Some(s) => s
                    .params
                    .iter()
                    .enumerate()
                    .map(|(i, &p)| {
                        let last_variadic = s.variadic && i + 1 == s.params.len() && !ddd;
                        (!last_variadic).then(|| self.store.obj(p).ty).flatten()
                    })
                    .collect(),
                None => Vec::new(),
            };
            values = self.spread_tuple(args[0], call_pos, &dsts);
        } else {
            for &a in args {
                values.push(self.expr(a));
            }
        }
        let Some(sig) = sig else {
            return (values, ddd);
        };
        let param_ty = |i: usize| self.store.obj(sig.params[i]).ty;
        let n = sig.params.len();
        let mut out = Vec::with_capacity(n);
        let packed = sig.variadic && !ddd && n > 0;
        if packed {
            for (i, v) in values.iter().take(n - 1).enumerate() {
                out.push(match param_ty(i) {
                    Some(t) => self.assign_conv(*v, t),
                    None => *v,
                });
            }
            let slice_ty = param_ty(n - 1);
            let elem = slice_ty.and_then(|t| match self.underlying(t) {
                Type::Slice(e) => Some(*e),
                _ => None,
            });
            let rest: Vec<ExprId> = values.iter().skip(n - 1).copied().collect();
            if rest.is_empty() {
                // No variadic arguments: gc passes nil.
                let nil = self.mk(
                    ExprKind::Nil,
                    IrType::Go(slice_ty.unwrap_or(super::INVALID_TYPE)),
                    call_pos,
                    true,
                );
                out.push(nil);
            } else {
                let elems: Vec<ExprId> = rest
                    .into_iter()
                    .map(|v| match elem {
                        Some(e) => self.assign_conv(v, e),
                        None => v,
                    })
                    .collect();
                let len = elems.len() as u64;
                let lit = self.mk(
                    ExprKind::ArrayLit {
                        elems,
                        slice: true,
                        len,
                    },
                    IrType::Go(slice_ty.unwrap_or(super::INVALID_TYPE)),
                    call_pos,
                    true,
                );
                out.push(lit);
            }
        } else {
            for (i, v) in values.iter().enumerate() {
                out.push(match (i < n).then(|| param_ty(i)).flatten() {
                    Some(t) => self.assign_conv(*v, t),
                    None => *v,
                });
            }
        }
        (out, ddd || packed)
    }

    pub(super) fn is_tuple(&self, ty: TypeId) -> bool {
        matches!(self.store.ty(ty), Type::Tuple(v) if v.len() != 1)
    }

    /// `g()` of several results as temporaries: `t0, t1 := g()`, converted to `dsts`.
    pub(super) fn spread_tuple(
        &mut self,
        call: ast::ExprId,
        pos: IrPos,
        dsts: &[Option<TypeId>],
    ) -> Vec<ExprId> {
        if !matches!(self.store.ty(self.type_of(call)), Type::Tuple(_)) {
            return vec![self.expr(call)];
        }
        self.multi_value(call, pos, dsts, None)
    }

    /// gc's N:1 assignment (noder's `multiExpr`): the values of a multi-value call or
    /// comma-ok expression go to temporaries first (`t0, t1 := e`), which are then used
    /// converted to their destinations' types; the first, when not converted, is wrapped
    /// in a conversion that carries the temporaries' assignment.
    pub(super) fn multi_value(
        &mut self,
        e: ast::ExprId,
        pos: IrPos,
        dsts: &[Option<TypeId>],
        comma_ok: Option<PairKind>,
    ) -> Vec<ExprId> {
        let value = self.expr(e);
        let src_types: Vec<TypeId> = match self.store.ty(self.type_of(e)) {
            Type::Tuple(vars) => vars
                .iter()
                .map(|&v| self.store.obj(v).ty.unwrap_or(super::INVALID_TYPE))
                .collect(),
            _ => vec![self.type_of(e), self.input.bool_type],
        };
        if comma_ok.is_some() {
            if let ExprKind::TypeAssert { comma_ok, .. } = &mut self.out.exprs[value.index()].kind {
                *comma_ok = true;
            }
            // The checker types the operand as the pair; gc's node has the value's type.
            if let Some(&first) = src_types.first() {
                self.out.exprs[value.index()].ty = IrType::Go(first);
            }
        }
        let mut temps = Vec::with_capacity(src_types.len());
        for &ty in &src_types {
            let t = self.temp(IrType::Go(ty), pos);
            let decl = self.stmt_new(StmtKind::Decl(t), pos);
            self.pending.push(decl);
            temps.push(t);
        }
        let lhs: Vec<Option<ExprId>> = temps
            .iter()
            .zip(&src_types)
            .map(|(&t, &ty)| Some(self.mk(ExprKind::Var(t), IrType::Go(ty), pos, true)))
            .collect();
        let kind = match comma_ok {
            Some(kind) => StmtKind::AssignPair {
                kind,
                lhs,
                rhs: vec![value],
            },
            None => StmtKind::AssignCall { lhs, call: value },
        };
        let assign = self.stmt_new(kind, pos);
        self.out.defines.insert(assign);
        for &t in &temps {
            self.out.vars[t.index()].defn = Some(assign);
        }
        self.pending.push(assign);
        let mut values = Vec::with_capacity(temps.len());
        for (i, (&t, &ty)) in temps.iter().zip(&src_types).enumerate() {
            let v = self.mk(ExprKind::Var(t), IrType::Go(ty), pos, false);
            let dst = dsts.get(i).copied().flatten();
            let converted = match dst {
                Some(d) if !goescape_types::predicates::identical(self.store, ty, d) => {
                    Some(self.assign_conv(v, d))
                }
                _ => None,
            };
            values.push(match converted {
                Some(c) => c,
                None if i == 0 => self.mk(
                    ExprKind::Conv {
                        kind: crate::expr::ConvKind::NoOp,
                        x: v,
                    },
                    IrType::Go(ty),
                    pos,
                    false,
                ),
                None => v,
            });
        }
        values
    }

    fn builtin_call(
        &mut self,
        b: Builtin,
        args: &[ast::ExprId],
        ddd: bool,
        ty: TypeId,
        pos: IrPos,
    ) -> ExprId {
        let op = match b {
            Builtin::New => {
                return self.mk(ExprKind::New, IrType::Go(ty), pos, false);
            }
            Builtin::Make => return self.make(args, ty, pos),
            Builtin::Append => BuiltinOp::Append,
            Builtin::Copy => BuiltinOp::Copy,
            Builtin::Len => BuiltinOp::Len,
            Builtin::Cap => BuiltinOp::Cap,
            Builtin::Min => BuiltinOp::Min,
            Builtin::Max => BuiltinOp::Max,
            Builtin::Complex => BuiltinOp::Complex,
            Builtin::Real => BuiltinOp::Real,
            Builtin::Imag => BuiltinOp::Imag,
            Builtin::Recover => BuiltinOp::Recover,
            Builtin::Panic => BuiltinOp::Panic,
            Builtin::Print => BuiltinOp::Print,
            Builtin::Println => BuiltinOp::Println,
            Builtin::Delete => BuiltinOp::Delete,
            Builtin::Close => BuiltinOp::Close,
            Builtin::Clear => BuiltinOp::Clear,
            Builtin::Add => BuiltinOp::UnsafeAdd,
            Builtin::Slice => BuiltinOp::UnsafeSlice,
            Builtin::String => BuiltinOp::UnsafeString,
            Builtin::StringData => BuiltinOp::UnsafeStringData,
            Builtin::SliceData => BuiltinOp::UnsafeSliceData,
            Builtin::Alignof | Builtin::Offsetof | Builtin::Sizeof => {
                // Constants, handled before; only reached after an error.
                return self.mk(ExprKind::Nil, IrType::Go(ty), pos, false);
            }
        };
        let mut lowered: Vec<ExprId> = if args.len() == 1 && self.is_tuple(self.type_of(args[0])) {
            self.spread_tuple(args[0], pos, &[])
        } else {
            args.iter().map(|&a| self.expr(a)).collect()
        };
        match op {
            BuiltinOp::Append if !ddd && lowered.len() > 1 => {
                // Appended values are assigned to elements of the slice's type.
                if let Some(elem) =
                    self.go_type(lowered[0])
                        .and_then(|t| match self.underlying(t) {
                            Type::Slice(e) => Some(*e),
                            _ => None,
                        })
                {
                    for v in lowered.iter_mut().skip(1) {
                        *v = self.assign_conv(*v, elem);
                    }
                }
            }
            BuiltinOp::Panic => {
                if let Some(first) = lowered.first_mut() {
                    let any = self.empty_interface();
                    *first = self.assign_conv(*first, any);
                }
            }
            _ => {}
        }
        self.mk(
            ExprKind::Builtin {
                op,
                args: lowered,
                ddd,
            },
            IrType::Go(ty),
            pos,
            false,
        )
    }

    /// The predeclared `any` (for `panic`'s parameter).
    fn empty_interface(&self) -> TypeId {
        self.input.any
    }

    fn make(&mut self, args: &[ast::ExprId], ty: TypeId, pos: IrPos) -> ExprId {
        let size_args: Vec<ExprId> = args.iter().skip(1).map(|&a| self.expr(a)).collect();
        let kind = match self.underlying(ty) {
            Type::Slice(_) => match size_args.as_slice() {
                [len] => ExprKind::MakeSlice {
                    len: *len,
                    cap: None,
                },
                [len, cap, ..] => ExprKind::MakeSlice {
                    len: *len,
                    cap: Some(*cap),
                },
                [] => ExprKind::Nil,
            },
            Type::Map { .. } => ExprKind::MakeMap {
                hint: size_args.first().copied(),
            },
            _ => ExprKind::MakeChan {
                size: size_args.first().copied(),
            },
        };
        self.mk(kind, IrType::Go(ty), pos, false)
    }
}
