//! Generics (go/types' `typeparam`, `subst.go`, `instantiate.go`, `infer.go`): type
//! parameter lists, instantiation by substitution, and inference of a generic function's
//! type arguments from its call's arguments.
//!
//! Inference covers what the arguments determine by structural matching (`P`, `[]P`,
//! `map[K]V`, `func(P) R`, instances `G[P]`) and core-type constraints (`S ~[]E` gives
//! `E` from `S`); untyped constant arguments fall back to their default types.

use goescape_syntax::ast::{ExprId, FieldList};
use rustc_hash::FxHashMap;

use super::{Checker, Env};
use crate::ids::{ObjId, TypeId};
use crate::object::{ObjKind, VarInfo};
use crate::predicates::{default_type, identical, is_untyped};
use crate::ty::{InterfaceType, NamedType, Signature, StructType, Term, Type, TypeParamType};

/// Type parameters mapped to type arguments.
pub(crate) type TypeMap = Vec<(TypeId, TypeId)>;

impl Checker<'_> {
    /// Declares the type parameters of `list` in `env`'s scope and checks their constraints;
    /// a constraint that is not an interface (`~int | string`, `[]E`) is wrapped in an
    /// implicit interface.
    pub(super) fn collect_type_params(&mut self, env: Env, list: &FieldList) -> Vec<TypeId> {
        self.collect_type_params_of(env, list, None)
    }

    /// [`Self::collect_type_params`] for the generic defined type `owner`, which has its
    /// type parameters before their constraints are checked: a constraint may instantiate
    /// the type itself (`type T[P interface{ M() T[P] }] int`).
    pub(super) fn collect_type_params_of(
        &mut self,
        env: Env,
        list: &FieldList,
        owner: Option<TypeId>,
    ) -> Vec<TypeId> {
        let mut params = Vec::new();
        // Each field's constraint with the number of parameters it constrains: it is
        // checked once and shared by all of them (type strings group them by it).
        let mut bounds = Vec::new();
        for field in &list.list {
            bounds.push((field.ty, field.names.len()));
            for &name in &field.names {
                let obj = self.new_object(env.file, name, ObjKind::TypeName);
                let index = params.len() as u32;
                let ty = self.arena.add_type(Type::TypeParam(TypeParamType {
                    obj,
                    index,
                    constraint: None,
                }));
                self.arena.objects[obj.index as usize].ty = Some(ty);
                self.info.files[env.file]
                    .defs
                    .insert(name.pos().0, Some(obj));
                self.declare_local(env, env.scope, name, obj);
                params.push(ty);
            }
        }
        if let Some(owner) = owner {
            if let Type::Named(n) = &mut self.arena.types[owner.index as usize] {
                n.type_params = params.clone();
            }
        }
        let mut next = 0;
        for (bound, count) in bounds {
            let group = next..next + count;
            next += count;
            let Some(bound) = bound else { continue };
            if count == 0 {
                continue;
            }
            let mut t = self.type_expr(env, bound);
            if crate::under::is_type_param(&self.store(), t) {
                let pos = self.file(env).expr_pos(bound);
                self.error(env.file, pos, "cannot use a type parameter as constraint");
                t = self.invalid_type();
            }
            let store = self.store();
            let under = crate::under::underlying(&store, t);
            let is_interface = matches!(store.ty(under), Type::Interface(_))
                && !matches!(store.ty(t), Type::Union(_));
            let constraint = if is_interface {
                t
            } else {
                let wrapped = self.arena.add_type(Type::Interface(InterfaceType {
                    embeddeds: vec![t],
                    implicit: true,
                    ..InterfaceType::default()
                }));
                self.info.files[env.file]
                    .implicit_constraints
                    .push((bound, wrapped));
                wrapped
            };
            for &param in &params[group] {
                if let Type::TypeParam(tp) = &mut self.arena.types[param.index as usize] {
                    tp.constraint = Some(constraint);
                }
            }
        }
        params
    }

    /// `ty` with the type parameters of `map` replaced; new types are made only where
    /// something changes.
    pub(super) fn subst(&mut self, ty: TypeId, map: &TypeMap) -> TypeId {
        if map.is_empty() {
            return ty;
        }
        crate::stack::with_stack(|| self.subst_inner(ty, map))
    }

    fn subst_inner(&mut self, ty: TypeId, map: &TypeMap) -> TypeId {
        if let Some(&(_, arg)) = map.iter().find(|(p, _)| *p == ty) {
            return arg;
        }
        let shape = self.store().ty(ty).clone();
        match shape {
            Type::Basic(_) | Type::TypeParam(_) => ty,
            Type::Pointer(elem) => {
                let e = self.subst(elem, map);
                if e == elem {
                    ty
                } else {
                    self.arena.add_type(Type::Pointer(e))
                }
            }
            Type::Slice(elem) => {
                let e = self.subst(elem, map);
                if e == elem {
                    ty
                } else {
                    self.arena.add_type(Type::Slice(e))
                }
            }
            Type::Array { len, elem } => {
                let e = self.subst(elem, map);
                if e == elem {
                    ty
                } else {
                    self.arena.add_type(Type::Array { len, elem: e })
                }
            }
            Type::Map { key, elem } => {
                let (k, e) = (self.subst(key, map), self.subst(elem, map));
                if k == key && e == elem {
                    ty
                } else {
                    self.arena.add_type(Type::Map { key: k, elem: e })
                }
            }
            Type::Chan { dir, elem } => {
                let e = self.subst(elem, map);
                if e == elem {
                    ty
                } else {
                    self.arena.add_type(Type::Chan { dir, elem: e })
                }
            }
            Type::Struct(s) => {
                let (fields, changed) = self.subst_vars(&s.fields, map);
                if !changed {
                    return ty;
                }
                self.arena.add_type(Type::Struct(StructType {
                    fields,
                    tags: s.tags.clone(),
                }))
            }
            Type::Tuple(vars) => {
                let (vars, changed) = self.subst_vars(&vars, map);
                if changed {
                    self.arena.add_type(Type::Tuple(vars))
                } else {
                    ty
                }
            }
            Type::Signature(sig) => {
                let (params, p_changed) = self.subst_vars(&sig.params, map);
                let (results, r_changed) = self.subst_vars(&sig.results, map);
                if !p_changed && !r_changed {
                    return ty;
                }
                self.arena.add_type(Type::Signature(Signature {
                    params,
                    results,
                    type_params: Vec::new(),
                    ..sig
                }))
            }
            Type::Interface(iface) => {
                let mut changed = false;
                let mut methods = Vec::new();
                for &m in &iface.methods {
                    let m_ty = self.store().obj(m).ty;
                    match m_ty.map(|t| (t, self.subst(t, map))) {
                        Some((old, new)) if old != new => {
                            changed = true;
                            methods.push(self.method_copy(m, new));
                        }
                        _ => methods.push(m),
                    }
                }
                let embeddeds: Vec<TypeId> = iface
                    .embeddeds
                    .iter()
                    .map(|&e| self.subst(e, map))
                    .collect();
                changed |= embeddeds != iface.embeddeds;
                if !changed {
                    return ty;
                }
                let new_iface = self.arena.add_type(Type::Interface(InterfaceType {
                    methods,
                    embeddeds,
                    ..iface
                }));
                // Methods whose receiver was the interface substituted get the new one.
                self.replace_receivers(new_iface, ty, new_iface);
                new_iface
            }
            Type::Union(terms) => {
                let new_terms: Vec<Term> = terms
                    .iter()
                    .map(|t| Term {
                        tilde: t.tilde,
                        ty: self.subst(t.ty, map),
                    })
                    .collect();
                if new_terms == terms {
                    ty
                } else {
                    self.arena.add_type(Type::Union(new_terms))
                }
            }
            Type::Named(named) => {
                if named.type_args.is_empty() {
                    return ty;
                }
                let args: Vec<TypeId> = named
                    .type_args
                    .iter()
                    .map(|&a| self.subst(a, map))
                    .collect();
                if args == named.type_args {
                    return ty;
                }
                match named.origin {
                    Some(origin) => self.instantiate_named(origin, &args),
                    None => ty,
                }
            }
            Type::Alias(alias) => match alias.rhs {
                Some(rhs) if alias.type_args.is_empty() => {
                    let r = self.subst(rhs, map);
                    if r == rhs {
                        ty
                    } else {
                        r
                    }
                }
                _ => ty,
            },
        }
    }

    /// Variables (fields, parameters) with substituted types: new objects where the type changes.
    fn subst_vars(&mut self, vars: &[ObjId], map: &TypeMap) -> (Vec<ObjId>, bool) {
        let mut changed = false;
        let mut out = Vec::with_capacity(vars.len());
        for &v in vars {
            let object = self.store().obj(v).clone();
            let Some(old) = object.ty else {
                out.push(v);
                continue;
            };
            let new = self.subst(old, map);
            if new == old {
                out.push(v);
                continue;
            }
            changed = true;
            let mut copy = object;
            copy.ty = Some(new);
            if let ObjKind::Var(VarInfo { origin, .. }) = &mut copy.kind {
                *origin = Some(v);
            }
            out.push(self.arena.add_object(copy));
        }
        (out, changed)
    }

    /// The instance `origin[args]` of a generic defined type, made once per identical
    /// argument list. Its underlying type is the origin's with the arguments substituted,
    /// computed as soon as the origin's is known.
    pub(super) fn instantiate_named(&mut self, origin: TypeId, args: &[TypeId]) -> TypeId {
        let key = (origin, self.args_hash(args));
        let cached = self.instances.get(&key).and_then(|list| {
            let store = self.store();
            list.iter()
                .find(|(cached_args, _)| {
                    cached_args.len() == args.len()
                        && cached_args
                            .iter()
                            .zip(args)
                            .all(|(&a, &b)| identical(&store, a, b))
                })
                .map(|&(_, instance)| instance)
        });
        if let Some(instance) = cached {
            return instance;
        }
        let Type::Named(generic) = self.store().ty(origin).clone() else {
            return origin;
        };
        let instance = self.arena.add_type(Type::Named(NamedType {
            obj: generic.obj,
            underlying: None,
            methods: generic.methods.clone(),
            type_params: Vec::new(),
            origin: Some(origin),
            type_args: args.to_vec(),
        }));
        self.instances
            .entry(key)
            .or_default()
            .push((args.to_vec(), instance));
        self.expand_instance(instance);
        instance
    }

    /// Computes an instance's underlying type if its origin's is known by now.
    pub(super) fn expand_instance(&mut self, instance: TypeId) {
        let Type::Named(named) = self.store().ty(instance).clone() else {
            return;
        };
        let Some(origin) = named.origin else { return };
        let Type::Named(generic) = self.store().ty(origin).clone() else {
            return;
        };
        let Some(under) = generic.underlying else {
            self.pending_instances.push(instance);
            return;
        };
        // An instance made while expanding a smaller instance of the same generic type
        // (`type T[P any] struct{ f *T[*P] }`) would make a larger one in turn, forever:
        // go/types expands lazily, and gc rejects such types as instantiation cycles. It
        // keeps its origin's underlying type.
        if self.expanding.len() >= MAX_EXPANSION_DEPTH || self.grows_expansion(origin, &named) {
            return;
        }
        let map: TypeMap = generic
            .type_params
            .iter()
            .copied()
            .zip(named.type_args.iter().copied())
            .collect();
        self.expanding.push(instance);
        let mut expanded = self.subst(under, &map);
        self.expanding.pop();
        // An instance of a generic interface has methods of its own, whose receiver is
        // the instance.
        if let Type::Interface(iface) = self.store().ty(expanded).clone() {
            let store = self.store();
            let has_origin_receivers = iface
                .methods
                .iter()
                .any(|&m| method_receiver_type(&store, m) == Some(origin));
            if has_origin_receivers {
                if expanded == under {
                    expanded = self.arena.add_type(Type::Interface(iface));
                }
                self.replace_receivers(expanded, origin, instance);
            }
        }
        if let Type::Named(n) = &mut self.arena.types[instance.index as usize] {
            n.underlying = Some(expanded);
        }
    }

    /// Whether an instance of `origin` is being expanded with smaller type arguments than
    /// `named`'s.
    fn grows_expansion(&self, origin: TypeId, named: &NamedType) -> bool {
        let store = self.store();
        let mut size = None;
        self.expanding.iter().any(|&outer| match store.ty(outer) {
            Type::Named(n) if n.origin == Some(origin) => {
                let size = *size.get_or_insert_with(|| args_size(&store, &named.type_args));
                args_size(&store, &n.type_args) < size
            }
            _ => false,
        })
    }

    /// A copy of the method `method` with the signature `sig` (a new type of this
    /// package's arena, or a copy of the method's is made), as a method of an instance:
    /// its origin is `method`'s.
    fn method_copy(&mut self, method: ObjId, sig: TypeId) -> ObjId {
        let mut object = self.store().obj(method).clone();
        let sig = if Some(sig) == object.ty || sig.pkg != self.arena.idx {
            let copy = self.store().ty(sig).clone();
            self.arena.add_type(copy)
        } else {
            sig
        };
        object.ty = Some(sig);
        if let ObjKind::Func(info) = &mut object.kind {
            info.origin = Some(info.origin.unwrap_or(method));
        }
        self.arena.add_object(object)
    }

    /// In the interface `iface` (of this package's arena), replaces each method whose
    /// receiver has type `old` by a copy whose receiver has type `new`.
    fn replace_receivers(&mut self, iface: TypeId, old: TypeId, new: TypeId) {
        let Type::Interface(current) = self.store().ty(iface).clone() else {
            return;
        };
        let mut methods = current.methods.clone();
        for m in &mut methods {
            if method_receiver_type(&self.store(), *m) != Some(old) {
                continue;
            }
            let Some(sig) = self.store().obj(*m).ty else {
                continue;
            };
            // A copy with a signature of its own, whose receiver can be replaced.
            let copy = self.method_copy(*m, sig);
            let sig = self.store().obj(copy).ty;
            let recv = sig.and_then(|s| match self.store().ty(s) {
                Type::Signature(sig) => sig.recv,
                _ => None,
            });
            if let (Some(sig), Some(recv)) = (sig, recv) {
                let mut var = self.store().obj(recv).clone();
                var.ty = Some(new);
                let var = self.arena.add_object(var);
                if let Type::Signature(s) = &mut self.arena.types[sig.index as usize] {
                    s.recv = Some(var);
                }
            }
            *m = copy;
        }
        if let Type::Interface(i) = &mut self.arena.types[iface.index as usize] {
            i.methods = methods;
        }
    }

    /// The method `method` of the generic type as a method of its instance `instance`:
    /// a new function (whose origin is `method`) with the receiver's type parameters
    /// replaced by the instance's type arguments, made once per instance and method.
    /// Methods of types that are not instances are returned as they are.
    pub(super) fn instance_method(&mut self, instance: TypeId, method: ObjId) -> ObjId {
        if let Some(&made) = self.method_instances.get(&(instance, method)) {
            return made;
        }
        let store = self.store();
        let Some((instance, named)) = crate::under::as_named(&store, instance) else {
            return method;
        };
        if named.origin.is_none() {
            return method;
        }
        let args = named.type_args.clone();
        let object = store.obj(method).clone();
        let Some(Type::Signature(sig)) = object.ty.map(|t| store.ty(t).clone()) else {
            return method;
        };
        if sig.recv_type_params.len() != args.len() {
            return method;
        }
        // The instance a method's own receiver names (a method calling itself on its
        // receiver) has the method as it is.
        let own_receiver = sig
            .recv
            .and_then(|recv| store.obj(recv).ty)
            .map(|t| crate::under::deref(&store, t).0);
        if own_receiver == Some(instance) {
            return method;
        }
        let map: TypeMap = sig.recv_type_params.iter().copied().zip(args).collect();
        let params = self.subst_vars(&sig.params, &map).0;
        let results = self.subst_vars(&sig.results, &map).0;
        let recv = sig.recv.map(|recv| {
            let mut var = self.store().obj(recv).clone();
            var.ty = var.ty.map(|t| self.subst(t, &map));
            if let ObjKind::Var(info) = &mut var.kind {
                info.origin = Some(recv);
            }
            self.arena.add_object(var)
        });
        let sig = self.arena.add_type(Type::Signature(Signature {
            recv,
            recv_type_params: Vec::new(),
            params,
            results,
            ..sig
        }));
        let mut copy = object;
        copy.ty = Some(sig);
        if let ObjKind::Func(info) = &mut copy.kind {
            info.origin = Some(method);
        }
        let made = self.arena.add_object(copy);
        self.method_instances.insert((instance, method), made);
        made
    }

    /// Makes the instantiated methods that the method sets of the package-level types
    /// reach through embedded instances (`struct{ atomic.Pointer[int] }`), so that those
    /// method sets list them as go/types' do.
    pub(super) fn instantiate_promoted_methods(&mut self) {
        let scope = self.package_scope;
        let names: Vec<ObjId> = {
            let store = self.store();
            let scope = store.scope(scope);
            scope.names.iter().filter_map(|n| scope.lookup(n)).collect()
        };
        for obj in names {
            let store = self.store();
            let object = store.obj(obj);
            let Some(ty) = object.ty.filter(|_| object.is_type_name()) else {
                continue;
            };
            // Only embedded instances promote instantiated methods into a method set, or
            // an alias may denote an instance.
            let relevant = match store.ty(ty) {
                Type::Alias(_) => true,
                Type::Named(_) => matches!(
                    store.ty(crate::under::underlying(&store, ty)),
                    Type::Struct(st) if st.fields.iter().any(|&f| {
                        matches!(&store.obj(f).kind, ObjKind::Var(v) if v.embedded)
                    })
                ),
                _ => false,
            };
            if !relevant {
                continue;
            }
            let pointer = self.arena.add_type(Type::Pointer(ty));
            for recv in [ty, pointer] {
                let selections = crate::methodset::method_set(&self.store(), recv);
                for selection in selections {
                    let owner = crate::lookup::method_owner(&self.store(), recv, &selection.index);
                    if let Some(owner) = owner {
                        self.instance_method(owner, selection.obj);
                    }
                }
            }
        }
        self.info.instance_methods = std::mem::take(&mut self.method_instances);
    }

    /// For inference in a call whose arguments mention the callee's own type parameters
    /// (a generic function calling itself, `g(&a, &b)` in `g[P any](a, b P)`): the
    /// signature with fresh type parameters standing for the callee's, so that `P` of
    /// the arguments and `P` to infer are told apart. None if no argument mentions them.
    pub(super) fn renamed_for_recursion(
        &mut self,
        sig: &Signature,
        arg_types: &[TypeId],
    ) -> Option<Signature> {
        let store = self.store();
        if !arg_types
            .iter()
            .any(|&t| contains_params(&store, t, &sig.type_params))
        {
            return None;
        }
        let mut fresh = Vec::with_capacity(sig.type_params.len());
        for &p in &sig.type_params {
            let Type::TypeParam(tp) = self.store().ty(p).clone() else {
                return None;
            };
            fresh.push(self.arena.add_type(Type::TypeParam(TypeParamType {
                constraint: None,
                ..tp
            })));
        }
        let map: TypeMap = sig
            .type_params
            .iter()
            .copied()
            .zip(fresh.iter().copied())
            .collect();
        for (&p, &f) in sig.type_params.iter().zip(&fresh) {
            let constraint = match self.store().ty(p) {
                Type::TypeParam(tp) => tp.constraint,
                _ => None,
            };
            let constraint = constraint.map(|c| self.subst(c, &map));
            if let Type::TypeParam(tp) = &mut self.arena.types[f.index as usize] {
                tp.constraint = constraint;
            }
        }
        let params = self.subst_vars(&sig.params, &map).0;
        let results = self.subst_vars(&sig.results, &map).0;
        Some(Signature {
            params,
            results,
            type_params: fresh,
            ..sig.clone()
        })
    }

    /// Instantiates a generic signature with explicit or inferred type arguments.
    pub(super) fn instantiate_signature(&mut self, sig: TypeId, args: &[TypeId]) -> TypeId {
        let Type::Signature(generic) = self.store().ty(sig).clone() else {
            return sig;
        };
        let map: TypeMap = generic
            .type_params
            .iter()
            .copied()
            .zip(args.iter().copied())
            .collect();
        let params = self.subst_vars(&generic.params, &map).0;
        let results = self.subst_vars(&generic.results, &map).0;
        self.arena.add_type(Type::Signature(Signature {
            params,
            results,
            type_params: Vec::new(),
            ..generic
        }))
    }

    /// Infers the type arguments of a call of a generic function from its arguments' types,
    /// in go/types' order: typed arguments, then the core types of constraints, then the
    /// default types of untyped constant arguments for parameters still unknown.
    /// With `has_dots` (`f(xs...)`), the last argument is the variadic slice itself.
    pub(super) fn infer(
        &mut self,
        sig: &Signature,
        args: &[(ExprId, TypeId)],
        explicit: &[TypeId],
        has_dots: bool,
        arg_params: &[TypeId],
    ) -> Result<Vec<TypeId>, InferFailure> {
        // All type arguments given: nothing to infer.
        if explicit.len() == sig.type_params.len() {
            return Ok(explicit.to_vec());
        }
        let mut bound: FxHashMap<TypeId, TypeId> = FxHashMap::default();
        for (&p, &a) in sig.type_params.iter().zip(explicit) {
            bound.insert(p, a);
        }
        let param_types: Vec<TypeId> = sig
            .params
            .iter()
            .filter_map(|&p| self.store().obj(p).ty)
            .collect();
        let param_at = |i: usize, store: &crate::store::TypeStore<'_>| -> Option<TypeId> {
            if sig.variadic && i + 1 >= param_types.len() && !has_dots {
                let last = *param_types.last()?;
                match store.ty(last) {
                    Type::Slice(elem) => Some(*elem),
                    _ => Some(last),
                }
            } else {
                param_types.get(i).copied()
            }
        };
        // Typed arguments first; untyped constant arguments of a bare type parameter are
        // set aside (argument index, parameter).
        let mut untyped_args: Vec<(usize, TypeId)> = Vec::new();
        for (i, &(_, arg_ty)) in args.iter().enumerate() {
            let store = self.store();
            let Some(param) = param_at(i, &store) else {
                continue;
            };
            if is_untyped(&store, arg_ty) {
                // Untyped nil says nothing about a type parameter.
                let is_nil = matches!(store.ty(arg_ty), Type::Basic(b) if b.kind == crate::basic::BasicKind::UntypedNil);
                if !is_nil && sig.type_params.contains(&param) {
                    untyped_args.push((i, param));
                }
                continue;
            }
            let explicitly_given =
                sig.type_params[..explicit.len().min(sig.type_params.len())].contains(&param);
            if let (Some(&bx), false) = (bound.get(&param), explicitly_given) {
                if sig.type_params.contains(&param)
                    && !arg_params.contains(&param)
                    && bindings_conflict(&store, &sig.type_params, bx, arg_ty)
                {
                    return Err(InferFailure::ArgMismatch {
                        arg: i,
                        param,
                        bound: bx,
                    });
                }
            }
            unify(
                &store,
                &sig.type_params,
                arg_params,
                param,
                arg_ty,
                &mut bound,
            );
        }
        // Core types of constraints: `S ~[]E` with S known gives E; a single specific type
        // without tilde is the argument of a parameter still unknown.
        for _ in 0..sig.type_params.len() {
            for (index, &p) in sig.type_params.iter().enumerate() {
                let store = self.store();
                let Type::TypeParam(tp) = store.ty(p) else {
                    continue;
                };
                let Some(constraint) = tp.constraint else {
                    continue;
                };
                let set = crate::typeset::type_set(&store, constraint);
                // A single specific term (`~[]E`, `*T`) is the constraint's core type.
                let core = match set.terms.specific_terms().as_deref() {
                    Some([only]) => *only,
                    _ => continue,
                };
                match bound.get(&p).copied() {
                    Some(arg) => {
                        let arg_under = Self::core_under(&store, arg);
                        let mismatch = if contains_params(&store, core.ty, &sig.type_params) {
                            // Only a different kind of type is sure not to unify.
                            constructors_differ(&store, core.ty, arg_under)
                        } else {
                            !identical(&store, core.ty, arg_under)
                                && (core.tilde || !identical(&store, core.ty, arg))
                        };
                        if mismatch && !contains_params(&store, arg, &sig.type_params) {
                            return Err(InferFailure::CoreMismatch { param: index, arg });
                        }
                        unify(
                            &store,
                            &sig.type_params,
                            arg_params,
                            core.ty,
                            arg_under,
                            &mut bound,
                        );
                    }
                    None if !core.tilde => {
                        bound.insert(p, core.ty);
                    }
                    None => {}
                }
            }
        }
        // Untyped constants: a type parameter only they determine takes the default type
        // of the largest of their kinds (`f(1, 2.5)` infers float64), as go/types'
        // "maximum untyped type".
        let mut max_untyped: Vec<(TypeId, TypeId)> = Vec::new();
        for (i, param) in untyped_args {
            if bound.contains_key(&param) {
                continue;
            }
            let arg_ty = args[i].1;
            let store = self.store();
            match max_untyped.iter_mut().find(|(p, _)| *p == param) {
                Some((_, max)) => match max_untyped_type(&store, *max, arg_ty) {
                    Some(m) => *max = m,
                    None => {
                        return Err(InferFailure::MismatchedUntyped {
                            arg: i,
                            max: *max,
                            param,
                        })
                    }
                },
                None => max_untyped.push((param, arg_ty)),
            }
        }
        for (param, max) in max_untyped {
            let store = self.store();
            bound
                .entry(param)
                .or_insert_with(|| default_type(&store, max));
        }
        let mut result = Vec::new();
        for (index, &p) in sig.type_params.iter().enumerate() {
            let Some(&found) = bound.get(&p) else {
                return Err(InferFailure::CannotInfer(index));
            };
            let mut ty = found;
            // Arguments may mention other parameters (`func F[S ~[]E, E any]`): resolve them.
            for _ in 0..sig.type_params.len() {
                let map: TypeMap = bound.iter().map(|(&k, &v)| (k, v)).collect();
                let next = self.subst(ty, &map);
                if next == ty {
                    break;
                }
                ty = next;
            }
            // What still mentions a parameter (`P interface{ *P }`) is not inferred.
            if contains_params(&self.store(), ty, &sig.type_params) {
                return Err(InferFailure::CannotInfer(index));
            }
            result.push(ty);
        }
        Ok(result)
    }
}

/// Whether inference that found no type argument for some parameter of `sig` is as
/// complete as go/types' would be: it does not unify methods, so a parameter or
/// constraint type with methods that mention type parameters (`func f[T any](I[T])`
/// called with a type implementing `I[int]`) might have told go/types more.
pub(super) fn inference_is_complete(store: &crate::store::TypeStore<'_>, sig: &Signature) -> bool {
    let params = &sig.type_params;
    let mut seen = rustc_hash::FxHashSet::default();
    let mut work: Vec<TypeId> = sig.params.iter().filter_map(|&p| store.obj(p).ty).collect();
    for &p in params {
        if let Type::TypeParam(tp) = store.ty(p) {
            work.extend(tp.constraint);
        }
    }
    while let Some(ty) = work.pop() {
        if !seen.insert(ty) || seen.len() > 10_000 {
            continue;
        }
        match store.ty(ty) {
            Type::Pointer(e)
            | Type::Slice(e)
            | Type::Array { elem: e, .. }
            | Type::Chan { elem: e, .. } => work.push(*e),
            Type::Map { key, elem } => work.extend([*key, *elem]),
            Type::Named(n) => {
                work.extend(n.type_args.iter().copied());
                work.extend(n.underlying);
            }
            Type::Alias(a) => work.extend(a.rhs),
            Type::Signature(s) => work.extend(
                s.params
                    .iter()
                    .chain(&s.results)
                    .filter_map(|&v| store.obj(v).ty),
            ),
            Type::Struct(st) => work.extend(st.fields.iter().filter_map(|&v| store.obj(v).ty)),
            Type::Union(terms) => work.extend(terms.iter().map(|t| t.ty)),
            Type::Interface(_) => {
                let set = crate::typeset::type_set(store, ty);
                for m in set.methods {
                    if let Some(m_ty) = store.obj(m).ty {
                        if contains_params(store, m_ty, params) {
                            return false;
                        }
                    }
                }
                if let Type::Interface(iface) = store.ty(ty) {
                    work.extend(iface.embeddeds.iter().copied());
                }
            }
            _ => {}
        }
    }
    true
}

/// Why inference failed.
#[derive(Clone, Copy, Debug)]
pub(crate) enum InferFailure {
    /// The type parameter at this index stays unknown.
    CannotInfer(usize),
    /// The untyped constant argument at index `arg` cannot share a type with the earlier
    /// ones of parameter `param` (the largest of which is `max`).
    MismatchedUntyped {
        arg: usize,
        max: TypeId,
        param: TypeId,
    },
    /// The type argument `arg` of the parameter at index `param` does not match its
    /// constraint's core type.
    CoreMismatch { param: usize, arg: TypeId },
    /// The typed argument at index `arg` does not match what the type parameter `param`
    /// (its parameter's type) was inferred to be so far, `bound`.
    ArgMismatch {
        arg: usize,
        param: TypeId,
        bound: TypeId,
    },
}

/// Whether a type parameter bound to `bx` cannot also match an argument of type `y`
/// (go/types' inexact unification fails): decided only where it is sure, for types that
/// do not mention the parameters being inferred.
fn bindings_conflict(
    store: &crate::store::TypeStore<'_>,
    params: &[TypeId],
    bx: TypeId,
    y: TypeId,
) -> bool {
    use crate::predicates::has_name;
    use crate::under::{is_type_param, underlying};
    if identical(store, bx, y)
        || contains_params(store, bx, params)
        || contains_params(store, y, params)
    {
        return false;
    }
    // Type parameters of the enclosing function match through their core types, unless
    // the other side has a name.
    if is_type_param(store, bx) || is_type_param(store, y) {
        let other = if is_type_param(store, bx) { y } else { bx };
        return has_name(store, other) && !is_type_param(store, other);
    }
    let (bu, yu) = (underlying(store, bx), underlying(store, y));
    let (bi, yi) = (
        matches!(store.ty(bu), Type::Interface(_)),
        matches!(store.ty(yu), Type::Interface(_)),
    );
    // Two interfaces match by their methods: not decided here.
    if bi && yi {
        return false;
    }
    // Inexact matching ignores channel directions.
    let under_match = match (store.ty(bu), store.ty(yu)) {
        (Type::Chan { elem: be, .. }, Type::Chan { elem: ye, .. }) => identical(store, *be, *ye),
        _ => identical(store, bu, yu),
    };
    if bi != yi {
        return true;
    }
    // Different defined types are only sure not to match when their underlying types
    // differ too; a defined type matches a type literal through its underlying type.
    !under_match
}

/// The larger of two untyped constant types for inference: numeric kinds order as int,
/// rune, float, complex; other kinds must be the same. None if they cannot be reconciled.
fn max_untyped_type(store: &crate::store::TypeStore<'_>, x: TypeId, y: TypeId) -> Option<TypeId> {
    use crate::basic::BasicKind::{UntypedComplex, UntypedFloat, UntypedInt, UntypedRune};
    let rank = |t: TypeId| match store.ty(t) {
        Type::Basic(b) => match b.kind {
            UntypedInt => Some(0),
            UntypedRune => Some(1),
            UntypedFloat => Some(2),
            UntypedComplex => Some(3),
            _ => None,
        },
        _ => None,
    };
    match (rank(x), rank(y)) {
        (Some(a), Some(b)) => Some(if a >= b { x } else { y }),
        _ if identical(store, x, y) => Some(x),
        _ => None,
    }
}

/// How deeply instance expansions may nest (each expansion making a new instance).
const MAX_EXPANSION_DEPTH: usize = 64;

/// The number of type nodes in `args`, counted up to a bound.
fn args_size(store: &crate::store::TypeStore<'_>, args: &[TypeId]) -> usize {
    const BOUND: usize = 10_000;
    let mut work: Vec<TypeId> = args.to_vec();
    let mut size = 0;
    while let Some(ty) = work.pop() {
        size += 1;
        if size >= BOUND {
            break;
        }
        match store.ty(ty) {
            Type::Pointer(e)
            | Type::Slice(e)
            | Type::Array { elem: e, .. }
            | Type::Chan { elem: e, .. } => work.push(*e),
            Type::Map { key, elem } => work.extend([*key, *elem]),
            Type::Named(n) => work.extend(&n.type_args),
            Type::Alias(a) => work.extend(a.rhs),
            Type::Signature(s) => work.extend(
                s.params
                    .iter()
                    .chain(&s.results)
                    .filter_map(|&v| store.obj(v).ty),
            ),
            Type::Tuple(vars) => work.extend(vars.iter().filter_map(|&v| store.obj(v).ty)),
            Type::Struct(st) => work.extend(st.fields.iter().filter_map(|&v| store.obj(v).ty)),
            _ => {}
        }
    }
    size
}

/// Whether `ty` mentions one of `params`.
fn contains_params(store: &crate::store::TypeStore<'_>, ty: TypeId, params: &[TypeId]) -> bool {
    crate::stack::with_stack(|| contains_params_inner(store, ty, params))
}

fn contains_params_inner(
    store: &crate::store::TypeStore<'_>,
    ty: TypeId,
    params: &[TypeId],
) -> bool {
    if params.contains(&ty) {
        return true;
    }
    match store.ty(ty) {
        Type::Pointer(e)
        | Type::Slice(e)
        | Type::Array { elem: e, .. }
        | Type::Chan { elem: e, .. } => contains_params(store, *e, params),
        Type::Map { key, elem } => {
            contains_params(store, *key, params) || contains_params(store, *elem, params)
        }
        Type::Named(n) => n
            .type_args
            .iter()
            .any(|&a| contains_params(store, a, params)),
        Type::Signature(s) => s
            .params
            .iter()
            .chain(&s.results)
            .filter_map(|&v| store.obj(v).ty)
            .any(|t| contains_params(store, t, params)),
        _ => false,
    }
}

/// Matches the parameter type `x` against the argument type `y`, binding the type
/// parameters `x` mentions. `arg_params` (among `params`) are the type parameters of
/// generic functions passed as arguments, which `y` may mention and which are bound too.
fn unify(
    store: &crate::store::TypeStore<'_>,
    params: &[TypeId],
    arg_params: &[TypeId],
    x: TypeId,
    y: TypeId,
    bound: &mut FxHashMap<TypeId, TypeId>,
) {
    crate::stack::with_stack(|| unify_inner(store, params, arg_params, x, y, bound))
}

fn unify_inner(
    store: &crate::store::TypeStore<'_>,
    params: &[TypeId],
    arg_params: &[TypeId],
    x: TypeId,
    y: TypeId,
    bound: &mut FxHashMap<TypeId, TypeId>,
) {
    if x == y {
        return;
    }
    if params.contains(&x) {
        match bound.get(&x).copied() {
            None => {
                bound.insert(x, y);
            }
            // `f(g)` with g generic: g's parameter takes what f's was bound to.
            Some(bx) if bx != y && arg_params.contains(&y) => {
                bound.entry(y).or_insert(bx);
            }
            // Bound to a still unbound parameter of a generic argument: that one is y.
            Some(bx) if bx != y && arg_params.contains(&bx) => {
                bound.entry(bx).or_insert(y);
            }
            // Inexact matches keep a defined type over a type literal, and a directed
            // channel over a bidirectional one, whichever came first (go/types' unifier).
            Some(bx) if bx != y && prefer_over(store, y, bx) => {
                bound.insert(x, y);
            }
            Some(_) => {}
        }
        return;
    }
    if arg_params.contains(&y) {
        bound.entry(y).or_insert(x);
        return;
    }
    // An argument whose type is a type parameter of the enclosing function matches a
    // parameter type literal through its core type (`rotate(s)` with `s S`, `S ~[]E`,
    // against `[]E`).
    let y = match store.ty(x) {
        Type::Named(_) | Type::Alias(_) => y,
        _ if crate::under::is_type_param(store, y) => {
            crate::under::common_under(store, y).unwrap_or(y)
        }
        _ => y,
    };
    let yu = match (store.ty(x), store.ty(y)) {
        // A named argument matches a type literal parameter through its underlying type.
        (Type::Named(_), _) => y,
        (_, Type::Named(_)) | (_, Type::Alias(_)) => crate::under::underlying(store, y),
        _ => y,
    };
    match (store.ty(x), store.ty(yu)) {
        (Type::Pointer(a), Type::Pointer(b)) | (Type::Slice(a), Type::Slice(b)) => {
            unify(store, params, arg_params, *a, *b, bound)
        }
        (Type::Array { elem: a, .. }, Type::Array { elem: b, .. })
        | (Type::Chan { elem: a, .. }, Type::Chan { elem: b, .. }) => {
            unify(store, params, arg_params, *a, *b, bound)
        }
        (Type::Map { key: ka, elem: ea }, Type::Map { key: kb, elem: eb }) => {
            unify(store, params, arg_params, *ka, *kb, bound);
            unify(store, params, arg_params, *ea, *eb, bound);
        }
        (Type::Signature(a), Type::Signature(b)) => {
            for (va, vb) in a
                .params
                .iter()
                .zip(&b.params)
                .chain(a.results.iter().zip(&b.results))
            {
                if let (Some(ta), Some(tb)) = (store.obj(*va).ty, store.obj(*vb).ty) {
                    unify(store, params, arg_params, ta, tb, bound);
                }
            }
        }
        (Type::Named(a), Type::Named(b)) if a.origin.is_some() && a.origin == b.origin => {
            for (&ta, &tb) in a.type_args.iter().zip(&b.type_args) {
                unify(store, params, arg_params, ta, tb, bound);
            }
        }
        _ => {}
    }
}

/// Whether the type literal `core` and the underlying type `under` are different kinds of
/// type (a slice and a map, say), so that no type arguments could make them identical.
fn constructors_differ(store: &crate::store::TypeStore<'_>, core: TypeId, under: TypeId) -> bool {
    let kind = |t: TypeId| -> Option<u8> {
        Some(match store.ty(t) {
            Type::Basic(_) => 0,
            Type::Pointer(_) => 1,
            Type::Slice(_) => 2,
            Type::Array { .. } => 3,
            Type::Map { .. } => 4,
            Type::Chan { .. } => 5,
            Type::Struct(_) => 6,
            Type::Signature(_) => 7,
            _ => return None,
        })
    };
    match (kind(core), kind(under)) {
        // A basic core type mentions no type parameter: compared exactly elsewhere.
        (Some(0), _) => false,
        (Some(a), Some(b)) => a != b,
        _ => false,
    }
}

/// Whether `y` replaces `bx` as what a type parameter is bound to when both match it:
/// a defined type replaces a type literal with its underlying type, and a directed
/// channel type a bidirectional one with the same element type.
fn prefer_over(store: &crate::store::TypeStore<'_>, y: TypeId, bx: TypeId) -> bool {
    let is_named = |t: TypeId| matches!(store.ty(crate::under::unalias(store, t)), Type::Named(_));
    if is_named(bx) {
        return false;
    }
    if is_named(y) {
        return identical(store, crate::under::underlying(store, y), bx);
    }
    match (
        store.ty(crate::under::unalias(store, y)),
        store.ty(crate::under::unalias(store, bx)),
    ) {
        (
            Type::Chan {
                dir: ydir,
                elem: ye,
            },
            Type::Chan {
                dir: crate::ty::ChanDir::Both,
                elem: be,
            },
        ) => *ydir != crate::ty::ChanDir::Both && identical(store, *ye, *be),
        _ => false,
    }
}

/// The type of a method's receiver, if it has one.
fn method_receiver_type(store: &crate::store::TypeStore<'_>, method: ObjId) -> Option<TypeId> {
    let sig = store.obj(method).ty?;
    match store.ty(sig) {
        Type::Signature(sig) => store.obj(sig.recv?).ty,
        _ => None,
    }
}
