//! Package-level declarations (go/types' `decl.go`): each object is checked when first
//! needed, with the grey/black marking that finds invalid cycles.

use goescape_constant::Value;
use goescape_syntax::ast::{Decl, ExprId, Spec};
use goescape_syntax::Pos;

use super::operand::Operand;
use super::resolver::{DeclKind, SpecRef};
use super::{Checker, Color, Env, Mode};
use crate::ids::{ObjId, TypeId};
use crate::object::{ObjKind, VarInfo, VarKind};
use crate::predicates::{is_const_type, is_untyped};
use crate::ty::{AliasType, NamedType, Type};

impl Checker<'_> {
    /// Checks every package-level declaration, in source order, then the signatures of
    /// methods (bodies are a later phase).
    pub(super) fn package_objects(&mut self) {
        self.direct_cycles();
        // As go/types: defined types first, then aliases, then everything else, each in
        // source order.
        let order = self.decl_order.clone();
        let rank = |checker: &Self, obj: ObjId| -> u8 {
            match checker.decls.get(&obj).map(|d| &d.kind) {
                Some(DeclKind::Type { spec }) => {
                    let file = checker.file(Env {
                        file: checker.decls[&obj].file,
                        scope: checker.package_scope,
                        func: None,
                    });
                    let is_alias = matches!(
                        &file.decls[spec.decl],
                        Decl::Gen(gen, _) if matches!(gen.specs.get(spec.spec), Some(Spec::Type(t)) if t.assign.is_valid())
                    );
                    if is_alias {
                        1
                    } else {
                        0
                    }
                }
                _ => 2,
            }
        };
        for pass in 0..3 {
            for &obj in &order {
                if rank(self, obj) == pass {
                    self.obj_decl(obj);
                }
            }
        }
        self.attach_methods();
        self.check_pending_valid_types();
        self.check_delayed();
        self.instantiate_promoted_methods();
        self.init_order();
        self.unused_imports();
        // As go/types, only for packages without errors so far.
        if self.errors.is_empty() {
            self.monomorph();
        }
        // Untyped expressions whose type was never fixed keep their untyped type.
        let mut remaining: Vec<_> = self.untyped.drain().collect();
        remaining.sort_by_key(|((file, expr), _)| (*file, *expr));
        for ((file, expr), info) in remaining {
            let env = Env {
                file,
                scope: self.file_scopes[file],
                func: None,
            };
            self.record(env, expr, info.mode, info.ty, info.value);
        }
    }

    /// Checks the declaration of the package-level object `obj` if it has not been yet.
    pub(super) fn obj_decl(&mut self, obj: ObjId) {
        match self.colors.get(&obj) {
            Some(Color::Black) => return,
            Some(Color::Grey) => {
                // A reference back to an object being declared is fine once its type is
                // known (a function's signature before its body, a defined type before its
                // underlying type); otherwise it is an invalid cycle.
                // An alias has its type from the start, complete once its right-hand side is.
                // A function named in its own signature is no cycle: go/types gives it its
                // (empty) signature before checking it.
                let store = self.store();
                let incomplete = store.obj(obj).ty.is_none_or(
                    |t| matches!(store.ty(t), Type::Alias(alias) if alias.rhs.is_none()),
                );
                let is_func = matches!(store.obj(obj).kind, ObjKind::Func(_));
                if incomplete && !is_func {
                    self.report_cycle(obj);
                }
                return;
            }
            None => {}
        }
        let Some(decl) = self.decls.get(&obj).cloned() else {
            return;
        };
        self.colors.insert(obj, Color::Grey);
        self.obj_path.push(obj);
        // References made while checking a constant, variable or function declaration are
        // its dependencies (for the initialization order).
        let saved_decl = match decl.kind {
            DeclKind::Type { .. } => self.current_decl,
            _ => self.current_decl.replace(obj),
        };
        let env = Env {
            file: decl.file,
            scope: decl.file_scope,
            func: None,
        };
        match decl.kind {
            DeclKind::Const {
                iota,
                ty,
                init,
                inherited,
            } => {
                self.const_decl(env, obj, iota, ty, init, inherited);
            }
            DeclKind::Var { ty, init, lhs } => self.var_decl(env, obj, ty, init, &lhs),
            DeclKind::Type { spec } => self.type_decl(env, obj, spec),
            DeclKind::Func { decl } => self.func_decl(env, obj, decl),
        }
        self.current_decl = saved_decl;
        self.obj_path.pop();
        self.colors.insert(obj, Color::Black);
    }

    /// A reference back to an object whose declaration is being checked. Through a
    /// defined type it is fine (`type List struct{ next *List }`); otherwise it is an
    /// invalid cycle, reported as go/types does.
    fn report_cycle(&mut self, obj: ObjId) {
        let start = self.obj_path.iter().position(|&o| o == obj).unwrap_or(0);
        let cycle: Vec<ObjId> = self.obj_path[start..].to_vec();
        let store = self.store();
        let through_defined_type = cycle.iter().any(|&o| {
            store.obj(o).is_type_name()
                && store
                    .obj(o)
                    .ty
                    .is_some_and(|t| matches!(store.ty(t), Type::Named(_)))
        });
        if through_defined_type {
            return;
        }
        // Reported at the cycle's first object in source order, as go/types does.
        let first = cycle
            .iter()
            .copied()
            .min_by_key(|&o| store.obj(o).pos.map(|p| (p.file, p.offset)))
            .unwrap_or(obj);
        let object = store.obj(first);
        let name = object.name.clone();
        let pos = object.pos;
        let is_type = object.is_type_name();
        let msg = match (cycle.len(), is_type) {
            (1, true) => format!("invalid recursive type: {name} refers to itself"),
            (1, false) => format!("invalid cycle in declaration: {name} refers to itself"),
            (_, true) => format!("invalid recursive type {name}"),
            (_, false) => format!("invalid cycle in declaration of {name}"),
        };
        let (file, offset) = pos.map_or((0, Pos::NONE), |p| (p.file as usize, Pos(p.offset)));
        self.error(file, offset, msg);
        let invalid = self.invalid_type();
        let entry = &mut self.arena.objects[obj.index as usize];
        if entry.ty.is_none() {
            entry.ty = Some(invalid);
        }
    }

    fn const_decl(
        &mut self,
        env: Env,
        obj: ObjId,
        iota: u64,
        ty: Option<ExprId>,
        init: Option<ExprId>,
        inherited: bool,
    ) {
        let saved_iota = self.iota.replace(Value::from_u64(iota));
        let _ = inherited; // errors in inherited initializers are reported at the name
        self.const_decl_at(env, obj, ty, init);
        self.iota = saved_iota;
    }

    /// A constant's type and value, with `iota` already set.
    pub(super) fn const_decl_at(
        &mut self,
        env: Env,
        obj: ObjId,
        ty: Option<ExprId>,
        init: Option<ExprId>,
    ) {
        self.set_const_value(obj, Value::unknown());
        if let Some(ty) = ty {
            let t = self.type_expr(env, ty);
            if !is_const_type(&self.store(), t) {
                if crate::predicates::is_valid(
                    &self.store(),
                    crate::under::underlying(&self.store(), t),
                ) {
                    let shown =
                        crate::typestring::type_string(&self.store(), t, &*self.qualifier());
                    let pos = self.file(env).expr_pos(ty);
                    self.error(env.file, pos, format!("invalid constant type {shown}"));
                }
                self.arena.objects[obj.index as usize].ty = Some(self.invalid_type());
                return;
            }
            self.arena.objects[obj.index as usize].ty = Some(t);
        }
        let x = match init {
            Some(init) => self.expr(env, init),
            None => Operand::invalid(None, self.invalid_type()),
        };
        self.init_const(env, obj, x);
    }

    fn set_const_value(&mut self, obj: ObjId, value: Value) {
        if let ObjKind::Const(v) = &mut self.arena.objects[obj.index as usize].kind {
            *v = value;
        }
    }

    /// Gives a constant the type and value of its initializer (go/types' `initConst`).
    fn init_const(&mut self, env: Env, obj: ObjId, mut x: Operand) {
        let invalid = self.invalid_type();
        if x.mode == Mode::Invalid || self.arena.objects[obj.index as usize].ty == Some(invalid) {
            let entry = &mut self.arena.objects[obj.index as usize];
            if entry.ty.is_none() {
                entry.ty = Some(invalid);
            }
            return;
        }
        if x.mode != Mode::Constant {
            let msg = format!("{} is not constant", self.operand_string(env, &x));
            let pos = x.expr.map_or(Pos::NONE, |e| self.file(env).expr_pos(e));
            self.error(env.file, pos, msg);
            let entry = &mut self.arena.objects[obj.index as usize];
            if entry.ty.is_none() {
                entry.ty = Some(invalid);
            }
            return;
        }
        let declared = self.arena.objects[obj.index as usize].ty;
        match declared {
            None => self.arena.objects[obj.index as usize].ty = Some(x.ty),
            Some(target) => {
                if is_untyped(&self.store(), x.ty) {
                    self.convert_untyped(env, &mut x, target);
                    if x.mode == Mode::Invalid {
                        return;
                    }
                } else if !crate::predicates::identical(&self.store(), x.ty, target) {
                    let shown =
                        crate::typestring::type_string(&self.store(), target, &*self.qualifier());
                    let msg = format!(
                        "cannot use {} as {shown} value in constant declaration",
                        self.operand_string(env, &x)
                    );
                    let pos = x.expr.map_or(Pos::NONE, |e| self.file(env).expr_pos(e));
                    self.error(env.file, pos, msg);
                    return;
                }
            }
        }
        if let Some(value) = x.value {
            self.set_const_value(obj, value);
        }
    }

    /// Package-level variables: the declared type, or the initializer's (default) type when
    /// the initializer is an expression the checker can type so far.
    fn var_decl(
        &mut self,
        env: Env,
        obj: ObjId,
        ty: Option<ExprId>,
        init: Option<ExprId>,
        lhs: &[ObjId],
    ) {
        if let Some(ty) = ty {
            let t = self.var_type(env, ty);
            for &var in if lhs.is_empty() {
                std::slice::from_ref(&obj)
            } else {
                lhs
            } {
                self.arena.objects[var.index as usize].ty = Some(t);
            }
        }
        let Some(init) = init else { return };
        if !lhs.is_empty() {
            // `var a, b = f()`: one multi-valued initializer for all the variables, checked
            // once; they share its dependencies and are done.
            self.init_vars(env, lhs, &[init], "variable declaration");
            let invalid = self.invalid_type();
            let deps = self.deps.get(&obj).cloned().unwrap_or_default();
            for &var in lhs {
                let object = &mut self.arena.objects[var.index as usize];
                object.ty.get_or_insert(invalid);
                if var != obj {
                    self.deps.insert(var, deps.clone());
                    self.colors.insert(var, Color::Black);
                }
            }
            return;
        }
        let mut x = self.expr(env, init);
        let declared = self.arena.objects[obj.index as usize].ty;
        if x.mode == Mode::Invalid {
            return;
        }
        if declared.is_none() {
            self.non_generic(env, &mut x);
            if x.mode == Mode::Invalid {
                self.arena.objects[obj.index as usize].ty = Some(self.invalid_type());
                return;
            }
        }
        let target =
            declared.unwrap_or_else(|| crate::predicates::default_type(&self.store(), x.ty));
        if is_untyped(&self.store(), x.ty) {
            if x.ty == self.universe.basic(crate::basic::BasicKind::UntypedNil)
                && declared.is_none()
            {
                let pos = self.file(env).expr_pos(init);
                self.error(env.file, pos, "use of untyped nil in variable declaration");
                self.arena.objects[obj.index as usize].ty = Some(self.invalid_type());
                return;
            }
            self.convert_untyped(env, &mut x, target);
            if let (Some(e), Mode::Constant | Mode::Value) = (x.expr, x.mode) {
                self.update_expr_type(env, e, target, true);
            }
        }
        match declared {
            Some(declared) => {
                self.check_assignable(env, &x, declared, "variable declaration");
            }
            None => self.arena.objects[obj.index as usize].ty = Some(target),
        }
    }

    fn type_decl(&mut self, env: Env, obj: ObjId, spec_ref: SpecRef) {
        let file = self.file(env);
        let Decl::Gen(gen, _) = &file.decls[spec_ref.decl] else {
            return;
        };
        let Some(Spec::Type(spec)) = gen.specs.get(spec_ref.spec) else {
            return;
        };
        self.check_type_later(obj);
        self.local_type(env, obj, spec);
    }

    /// A type declaration, at package level or in a function.
    pub(super) fn local_type(
        &mut self,
        env: Env,
        obj: ObjId,
        spec: &goescape_syntax::ast::TypeSpec,
    ) {
        let first_type_param = spec.type_params.as_ref().and_then(|l| l.list.first());
        let first_type_param = first_type_param.map(|f| self.file(env).field_pos(f));
        if spec.assign.is_valid() {
            // The highest version needed first, as go/types reports it.
            let reported = first_type_param.is_some_and(|at| {
                !self.verify_version(env.file, at, 23, || "generic type alias".to_owned())
            });
            if !reported {
                self.verify_version(env.file, spec.assign, 9, || "type alias".to_owned());
            }
        } else if let Some(at) = first_type_param {
            self.verify_version(env.file, at, 18, || "type parameter".to_owned());
        }
        if spec.type_params.is_some() && spec.assign.is_valid() {
            return; // generic aliases are checked by a later part of the checker
        }
        if spec.assign.is_valid() {
            let alias = self.arena.add_type(Type::Alias(AliasType {
                obj,
                rhs: None,
                type_params: Vec::new(),
                origin: None,
                type_args: Vec::new(),
            }));
            self.arena.objects[obj.index as usize].ty = Some(alias);
            let rhs = self.type_expr(env, spec.ty);
            if let Type::Alias(alias) = &mut self.arena.types[alias.index as usize] {
                alias.rhs = Some(rhs);
            }
            return;
        }
        let named = self.arena.add_type(Type::Named(NamedType {
            obj,
            underlying: None,
            methods: Vec::new(),
            type_params: Vec::new(),
            origin: None,
            type_args: Vec::new(),
        }));
        self.arena.objects[obj.index as usize].ty = Some(named);
        // Type parameters live in a scope of the declaration's own.
        let env = match &spec.type_params {
            Some(list) => {
                let end = self.file(env).expr_end(spec.ty);
                let inner = self.open_scope(env, spec.name.pos(), end);
                let params = self.collect_type_params_of(inner, list, Some(named));
                if let Type::Named(n) = &mut self.arena.types[named.index as usize] {
                    n.type_params = params;
                }
                inner
            }
            None => env,
        };
        let rhs = self.type_expr(env, spec.ty);
        // The underlying type of `type T U` is U's underlying type, once U is complete.
        let underlying = crate::under::underlying(&self.store(), rhs);
        let underlying = if underlying == named {
            self.invalid_type()
        } else {
            underlying
        };
        // The methods of an interface literal that is this type's underlying type have
        // this type as receiver.
        if let Type::Interface(iface) = self.store().ty(rhs).clone() {
            if underlying == rhs {
                for method in iface.methods {
                    self.set_method_receiver(method, named);
                }
            }
        }
        // The methods are known (not yet checked) from here on, for selectors to find.
        let methods = self.methods.get(&obj).cloned().unwrap_or_default();
        if let Type::Named(named) = &mut self.arena.types[named.index as usize] {
            named.underlying = Some(underlying);
            named.methods = methods;
        }
        self.declared_type(obj, named, rhs);
        // Instances made while the declaration was being checked can now be expanded.
        let pending = std::mem::take(&mut self.pending_instances);
        for instance in pending {
            self.expand_instance(instance);
        }
    }

    fn func_decl(&mut self, env: Env, obj: ObjId, decl_index: usize) {
        let file = self.file(env);
        let Decl::Func(func) = &file.decls[decl_index] else {
            return;
        };
        // The function's scope holds the type parameters, receiver, parameters and
        // results, and the body.
        let end = match &func.body {
            Some(body) => file.block_end(body),
            None => file.func_type_end(&func.ty),
        };
        let func_env = self.open_scope(env, func.ty.func_pos, end);
        let mut recv_type_params = Vec::new();
        let recv = match func.recv.as_ref().and_then(|recv| recv.list.first()) {
            Some(field) => {
                let Some(ty_expr) = field.ty else { return };
                let ty = if receiver_is_generic(file, ty_expr) {
                    let Some((ty, params)) = self.generic_receiver(func_env, ty_expr) else {
                        return;
                    };
                    recv_type_params = params;
                    ty
                } else {
                    self.var_type(func_env, ty_expr)
                };
                let var = ObjKind::Var(VarInfo {
                    kind: VarKind::Receiver,
                    embedded: false,
                    used: false,
                    origin: None,
                });
                let obj = match field.names.first() {
                    Some(&name) => {
                        let obj = self.new_object(env.file, name, var);
                        self.info.files[env.file]
                            .defs
                            .insert(name.pos().0, Some(obj));
                        obj
                    }
                    None => {
                        let pos = file.expr_pos(ty_expr);
                        let obj = self.arena.add_object(crate::object::Object {
                            name: "".into(),
                            pkg: Some(self.arena.idx),
                            pos: Self::decl_pos(env.file, pos),
                            ty: None,
                            parent: None,
                            kind: var,
                        });
                        // An anonymous receiver is an implicit object of its field.
                        self.info.files[env.file].implicits.insert(pos.0, obj);
                        obj
                    }
                };
                self.arena.objects[obj.index as usize].ty = Some(ty);
                Some(obj)
            }
            None => None,
        };
        let type_params = match &func.ty.type_params {
            Some(list) => self.collect_type_params(func_env, list),
            None => Vec::new(),
        };
        let mut sig = self.signature(func_env, recv, &func.ty);
        sig.type_params = type_params;
        sig.recv_type_params = recv_type_params;
        let sig_ty = self.arena.add_type(Type::Signature(sig.clone()));
        self.arena.objects[obj.index as usize].ty = Some(sig_ty);
        self.declare_signature_vars(func_env, &sig);
        if func.body.is_some() {
            // Bodies are checked once every package-level declaration is (as go/types
            // delays them), so that what they refer to is checked in declaration order.
            self.delayed.push(super::Delayed::Body(
                Env {
                    func: Some(sig_ty),
                    ..func_env
                },
                decl_index,
                obj,
            ));
        }
    }

    /// Does the work set aside so far, in the order it was set aside (what it sets aside
    /// in turn comes after it): the function bodies `func_decl` queued and the
    /// instantiations to verify.
    fn check_delayed(&mut self) {
        self.process_delayed(0);
    }

    /// Does the work set aside from index `top` on (what it sets aside in turn included),
    /// then forgets it.
    pub(super) fn process_delayed(&mut self, top: usize) {
        let mut index = top;
        while index < self.delayed.len() {
            let item = std::mem::replace(&mut self.delayed[index], super::Delayed::Done);
            index += 1;
            match item {
                super::Delayed::Body(env, decl_index, func_obj) => {
                    let outer = self.current_decl;
                    self.current_decl = Some(func_obj);
                    let file = self.file(env);
                    if let Decl::Func(func) = &file.decls[decl_index] {
                        if let Some(body) = &func.body {
                            self.func_body(env, body);
                        }
                    }
                    self.current_decl = outer;
                }
                super::Delayed::Verify(verification) => self.verify(&verification),
                super::Delayed::EmbeddedMethods {
                    file,
                    iface,
                    embed_pos,
                } => self.check_embedded_methods(file, iface, &embed_pos),
                super::Delayed::VarType { file, at, ty } => self.check_var_type(file, at, ty),
                super::Delayed::Done => {}
            }
        }
        self.delayed.truncate(top);
    }

    /// The receiver type `T[A, B]` / `*T[A, B]` of a method of a generic type: the names in
    /// brackets are new type parameters (constrained as T's), and the receiver is the
    /// instance of T with them.
    fn generic_receiver(&mut self, env: Env, ty_expr: ExprId) -> Option<(TypeId, Vec<TypeId>)> {
        use goescape_syntax::ast::ExprKind;
        let file = self.file(env);
        let mut e = ty_expr;
        let mut pointer = false;
        loop {
            match &file.expr(e).kind {
                ExprKind::Paren { x, .. } => e = *x,
                ExprKind::Star { x, .. } => {
                    pointer = true;
                    e = *x;
                }
                _ => break,
            }
        }
        let (base, names): (ExprId, Vec<ExprId>) = match &file.expr(e).kind {
            ExprKind::Index { x, index, .. } => (*x, vec![*index]),
            ExprKind::IndexList { x, indices, .. } => (*x, indices.to_vec()),
            _ => return None,
        };
        let base_ty = self.generic_type_expr(env, base);
        let Type::Named(generic) = self.store().ty(base_ty).clone() else {
            return None;
        };
        let mut params = Vec::new();
        for (index, &name_expr) in names.iter().enumerate() {
            let ExprKind::Ident(name) = file.expr(name_expr).kind else {
                return None;
            };
            let obj = self.new_object(env.file, name, ObjKind::TypeName);
            let param = self
                .arena
                .add_type(Type::TypeParam(crate::ty::TypeParamType {
                    obj,
                    index: index as u32,
                    constraint: None,
                }));
            self.arena.objects[obj.index as usize].ty = Some(param);
            self.info.files[env.file]
                .defs
                .insert(name.pos().0, Some(obj));
            self.declare_local(env, env.scope, name, obj);
            // go/types records a receiver's type parameter as both defined and used there.
            self.info.files[env.file].uses.insert(name.pos().0, obj);
            self.record(env, name_expr, Mode::TypeExpr, param, None);
            params.push(param);
        }
        // The constraints are the type's, with its parameters renamed to the method's.
        let map: super::generics::TypeMap = generic
            .type_params
            .iter()
            .copied()
            .zip(params.iter().copied())
            .collect();
        for (&param, &original) in params.iter().zip(&generic.type_params) {
            self.mono.record_canon(param, original);
            let constraint = match self.store().ty(original) {
                Type::TypeParam(tp) => tp.constraint,
                _ => None,
            };
            let constraint = constraint.map(|c| self.subst(c, &map));
            if let Type::TypeParam(tp) = &mut self.arena.types[param.index as usize] {
                tp.constraint = constraint;
            }
        }
        let instance = self.instantiate_named(base_ty, &params);
        self.record(env, e, Mode::TypeExpr, instance, None);
        // The receiver's type parameters are the type arguments of an instance of its
        // base type, recorded as any other instance.
        if let ExprKind::Ident(base_name) = file.expr(base).kind {
            self.info.files[env.file]
                .instances
                .insert(base_name.pos().0, (params.clone(), instance));
        }
        let ty = if pointer {
            let ptr = self.arena.add_type(Type::Pointer(instance));
            self.record(env, ty_expr, Mode::TypeExpr, ptr, None);
            ptr
        } else {
            instance
        };
        Some((ty, params))
    }

    /// Declares a signature's named receiver, parameters and results in the function scope.
    pub(super) fn declare_signature_vars(&mut self, env: Env, sig: &crate::ty::Signature) {
        let vars: Vec<ObjId> = sig
            .recv
            .iter()
            .chain(&sig.params)
            .chain(&sig.results)
            .copied()
            .collect();
        for var in vars {
            let object = &self.arena.objects[var.index as usize];
            if object.name.is_empty() || &*object.name == "_" {
                continue;
            }
            let name = object.name.clone();
            if self.scope_mut(env.scope).insert(&name, var).is_err() {
                let pos = object_pos(&self.arena.objects[var.index as usize]);
                self.error(env.file, pos, format!("{name} redeclared in this block"));
                continue;
            }
            self.arena.objects[var.index as usize].parent = Some(env.scope);
        }
    }

    /// Lists each method on its receiver's base type, in source order.
    fn attach_methods(&mut self) {
        let mut methods: Vec<(ObjId, Vec<ObjId>)> =
            self.methods.iter().map(|(k, v)| (*k, v.clone())).collect();
        methods.sort_by_key(|(base, _)| *base);
        for (base, list) in methods {
            for &method in &list {
                self.obj_decl(method);
            }
            let Some(ty) = self.arena.objects[base.index as usize].ty else {
                continue;
            };
            if ty.pkg != self.arena.idx {
                continue;
            }
            if let Type::Named(named) = &mut self.arena.types[ty.index as usize] {
                named.methods = list;
            }
        }
    }
}

fn object_pos(object: &crate::object::Object) -> Pos {
    object.pos.map_or(Pos::NONE, |p| Pos(p.offset))
}

/// Whether a receiver type names type parameters (`T[P]`, `*T[P, Q]`).
fn receiver_is_generic(file: &goescape_syntax::ast::File, mut ty: ExprId) -> bool {
    use goescape_syntax::ast::ExprKind;
    loop {
        match &file.expr(ty).kind {
            ExprKind::Paren { x, .. } | ExprKind::Star { x, .. } => ty = *x,
            ExprKind::Index { .. } | ExprKind::IndexList { .. } => return true,
            _ => return false,
        }
    }
}
