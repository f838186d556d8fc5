//! Type expressions: the type a piece of syntax denotes (go/types' `typexpr.go`).

use goescape_syntax::ast::{ChanDir as AstChanDir, ExprId, ExprKind, FieldList, FuncType};

use super::{Checker, Env, Mode};
use crate::basic::BasicKind;
use crate::ids::{ObjId, TypeId};
use crate::object::{ObjKind, Object, VarInfo, VarKind};
use crate::ty::{ChanDir, InterfaceType, Signature, StructType, Term, Type};

impl Checker<'_> {
    /// The type denoted by `e`, recorded as a type expression; invalid (after an error)
    /// if `e` is not a type.
    pub(super) fn type_expr(&mut self, env: Env, e: ExprId) -> TypeId {
        let mut ty = crate::stack::with_stack(|| self.type_expr_inner(env, e));
        // A generic type is a type only once instantiated.
        if matches!(self.store().ty(ty), Type::Named(n) if !n.type_params.is_empty() && n.origin.is_none())
        {
            let shown = crate::typestring::type_string(&self.store(), ty, &*self.qualifier());
            let pos = self.file(env).expr_pos(e);
            self.error(
                env.file,
                pos,
                format!("cannot use generic type {shown} without instantiation"),
            );
            ty = self.invalid_type();
        }
        self.record(env, e, Mode::TypeExpr, ty, None);
        ty
    }

    /// The type denoted by `e`, which may be a generic type (the base of an instantiation).
    pub(super) fn generic_type_expr(&mut self, env: Env, e: ExprId) -> TypeId {
        let ty = crate::stack::with_stack(|| self.type_expr_inner(env, e));
        self.record(env, e, Mode::TypeExpr, ty, None);
        ty
    }

    pub(super) fn invalid_type(&self) -> TypeId {
        self.universe.basic(BasicKind::Invalid)
    }

    fn type_expr_inner(&mut self, env: Env, e: ExprId) -> TypeId {
        let file = self.file(env);
        match &file.expr(e).kind {
            ExprKind::Bad { .. } => self.invalid_type(),
            ExprKind::Ident(_) | ExprKind::Selector { .. } => {
                let x = self.operand_of_name(env, e, true);
                match x.mode {
                    Mode::TypeExpr => x.ty,
                    Mode::Invalid => self.invalid_type(),
                    Mode::NoValue => {
                        let msg = format!("{} used as type", self.operand_string(env, &x));
                        self.error(env.file, file.expr_pos(e), msg);
                        self.invalid_type()
                    }
                    _ => {
                        let msg = format!("{} is not a type", self.operand_string(env, &x));
                        self.error(env.file, file.expr_pos(e), msg);
                        self.invalid_type()
                    }
                }
            }
            ExprKind::Paren { x, .. } => self.type_expr(env, *x),
            ExprKind::Index { x, .. } | ExprKind::IndexList { x, .. } => {
                let indices: Vec<ExprId> = match &file.expr(e).kind {
                    ExprKind::Index { index, .. } => vec![*index],
                    ExprKind::IndexList { indices, .. } => indices.to_vec(),
                    _ => Vec::new(),
                };
                let base = self.generic_type_expr(env, *x);
                let args: Vec<TypeId> = indices.iter().map(|&i| self.var_type(env, i)).collect();
                let want = match self.store().ty(base) {
                    Type::Named(n) if n.origin.is_none() => n.type_params.len(),
                    _ => 0,
                };
                if want == 0 {
                    let msg = format!("{} is not a generic type", file.expr_string(*x));
                    self.error(env.file, file.expr_pos(*x), msg);
                    return self.invalid_type();
                }
                if args.len() != want {
                    let name = self.store().obj(match self.store().ty(base) {
                        Type::Named(n) => n.obj,
                        _ => return self.invalid_type(),
                    });
                    let msg = format!(
                        "{} type arguments for type {}: have {}, want {want}",
                        if args.len() < want {
                            "not enough"
                        } else {
                            "too many"
                        },
                        name.name,
                        args.len()
                    );
                    self.error(env.file, file.expr_pos(e), msg);
                    return self.invalid_type();
                }
                let instance = self.instantiate_named(base, &args);
                self.instance_written_at(instance, env.file, file.expr_pos(e));
                let params = match self.store().ty(base) {
                    Type::Named(n) => n.type_params.clone(),
                    _ => Vec::new(),
                };
                self.verify_later(super::satisfy::Verification {
                    file: env.file,
                    pos: file.expr_pos(e),
                    arg_pos: indices.iter().map(|&i| file.expr_pos(i)).collect(),
                    params,
                    args: args.clone(),
                });
                let ident = match &file.expr(*x).kind {
                    ExprKind::Ident(ident) => Some(*ident),
                    ExprKind::Selector { sel, .. } => Some(*sel),
                    _ => None,
                };
                if let Some(ident) = ident {
                    self.info.files[env.file]
                        .instances
                        .insert(ident.pos().0, (args, instance));
                }
                instance
            }
            ExprKind::ArrayType { len: None, elt, .. } => {
                let elem = self.var_type(env, *elt);
                self.arena.add_type(Type::Slice(elem))
            }
            ExprKind::ArrayType {
                len: Some(len),
                elt,
                ..
            } => {
                let length = match &file.expr(*len).kind {
                    ExprKind::Ellipsis { .. } => {
                        self.error(
                            env.file,
                            file.expr_pos(*len),
                            "invalid use of [...] array (outside a composite literal)",
                        );
                        None
                    }
                    _ => self.array_length(env, *len),
                };
                let elem = self.var_type(env, *elt);
                match length {
                    Some(n) => self.arena.add_type(Type::Array { len: Some(n), elem }),
                    None => self.invalid_type(),
                }
            }
            ExprKind::Ellipsis { .. } => {
                self.error(env.file, file.expr_pos(e), "invalid use of ...");
                self.invalid_type()
            }
            ExprKind::Star { x, .. } => {
                let base = self.var_type(env, *x);
                if base == self.invalid_type() {
                    return base;
                }
                self.arena.add_type(Type::Pointer(base))
            }
            ExprKind::MapType { key, value, .. } => {
                let key = self.var_type(env, *key);
                let elem = self.var_type(env, *value);
                self.arena.add_type(Type::Map { key, elem })
            }
            ExprKind::ChanType { dir, value, .. } => {
                let elem = self.var_type(env, *value);
                let dir = match dir {
                    AstChanDir::Both => ChanDir::Both,
                    AstChanDir::Send => ChanDir::Send,
                    AstChanDir::Recv => ChanDir::Recv,
                };
                self.arena.add_type(Type::Chan { dir, elem })
            }
            ExprKind::FuncType(ty) => {
                // A function type has a scope of its own for its parameter names.
                let end = self.func_type_end(env.file, file, e);
                let scope_env = self.open_scope(env, ty.func_pos, end);
                let sig = self.signature(scope_env, None, ty);
                self.declare_signature_vars(scope_env, &sig);
                self.arena.add_type(Type::Signature(sig))
            }
            ExprKind::StructType { fields, .. } => self.struct_type(env, fields),
            ExprKind::InterfaceType { methods, .. } => self.interface_type(env, methods),
            ExprKind::Binary { .. } | ExprKind::Unary { .. } => {
                // Only valid as constraint elements: `~T`, `A | B`.
                self.constraint_element(env, e)
            }
            _ => {
                let msg = format!("{} is not a type", file.expr_string(e));
                self.error(env.file, file.expr_pos(e), msg);
                self.invalid_type()
            }
        }
    }

    /// The length of an array type: a non-negative integer constant that fits an int.
    fn array_length(&mut self, env: Env, len: ExprId) -> Option<u64> {
        let file = self.file(env);
        let x = self.expr(env, len);
        if x.mode != Mode::Constant {
            if x.mode != Mode::Invalid {
                let msg = format!("array length {} must be constant", file.expr_string(len));
                self.error(env.file, file.expr_pos(len), msg);
            }
            return None;
        }
        let value = x
            .value
            .clone()
            .unwrap_or_else(goescape_constant::Value::unknown);
        let as_int = goescape_constant::to_int(&value);
        let integer_operand = crate::predicates::is_untyped(&self.store(), x.ty)
            || crate::predicates::is_integer(&self.store(), x.ty);
        if integer_operand && as_int.kind() == goescape_constant::Kind::Int {
            let (n, exact) = as_int.int64_val();
            if exact && n >= 0 {
                return Some(n as u64);
            }
        }
        let msg = if as_int.kind() == goescape_constant::Kind::Int {
            format!("invalid array length {}", file.expr_string(len))
        } else {
            format!("array length {} must be integer", file.expr_string(len))
        };
        self.error(env.file, file.expr_pos(len), msg);
        None
    }

    /// A function signature; `recv` is a method's receiver variable, already declared.
    pub(super) fn signature(&mut self, env: Env, recv: Option<ObjId>, ty: &FuncType) -> Signature {
        let (params, variadic) = self.parameters(env, &ty.params, VarKind::Param, true);
        let results = match &ty.results {
            Some(results) => self.parameters(env, results, VarKind::Result, false).0,
            None => Vec::new(),
        };
        Signature {
            recv,
            params,
            results,
            variadic,
            ..Signature::default()
        }
    }

    /// The variables of a parameter or result list; a final `...T` makes the list variadic
    /// and its variable's type `[]T`.
    fn parameters(
        &mut self,
        env: Env,
        list: &FieldList,
        kind: VarKind,
        variadic_ok: bool,
    ) -> (Vec<ObjId>, bool) {
        let file = self.file(env);
        let mut vars = Vec::new();
        let mut variadic = false;
        let count = list.list.len();
        for (index, field) in list.list.iter().enumerate() {
            let Some(field_ty) = field.ty else { continue };
            // An anonymous parameter sits where its type does (for `...T`, at `T`).
            let mut anonymous_pos = file.expr_pos(field_ty);
            let ty = match &file.expr(field_ty).kind {
                ExprKind::Ellipsis { elt: Some(elt), .. } if variadic_ok && index + 1 == count => {
                    variadic = true;
                    anonymous_pos = file.expr_pos(*elt);
                    let elem = self.var_type(env, *elt);
                    let slice = self.arena.add_type(Type::Slice(elem));
                    self.record(env, field_ty, Mode::TypeExpr, slice, None);
                    slice
                }
                _ => self.var_type(env, field_ty),
            };
            let var = ObjKind::Var(VarInfo {
                kind,
                embedded: false,
                used: false,
                origin: None,
            });
            if field.names.is_empty() {
                let pos = file.expr_pos(field_ty);
                let obj = self.arena.add_object(Object {
                    name: "".into(),
                    pkg: Some(self.arena.idx),
                    pos: Self::decl_pos(env.file, anonymous_pos),
                    ty: Some(ty),
                    parent: None,
                    kind: var.clone(),
                });
                // An anonymous parameter is an implicit object of its field.
                self.info.files[env.file].implicits.insert(pos.0, obj);
                vars.push(obj);
            }
            for &name in &field.names {
                let obj = self.new_object(env.file, name, var.clone());
                self.arena.objects[obj.index as usize].ty = Some(ty);
                self.info.files[env.file]
                    .defs
                    .insert(name.pos().0, Some(obj));
                vars.push(obj);
            }
        }
        (vars, variadic)
    }

    fn struct_type(&mut self, env: Env, fields: &FieldList) -> TypeId {
        let file = self.file(env);
        let mut result = StructType::default();
        for field in &fields.list {
            let Some(field_ty) = field.ty else { continue };
            let ty = self.var_type(env, field_ty);
            let tag: Box<[u8]> = match field.tag {
                Some(tag) => match &file.expr(tag).kind {
                    ExprKind::BasicLit { span, .. } => goescape_constant::make_from_literal(
                        file.bytes(*span),
                        goescape_constant::LiteralKind::String,
                    )
                    .string_val()
                    .into(),
                    _ => Box::default(),
                },
                None => Box::default(),
            };
            let field_var = |embedded| {
                ObjKind::Var(VarInfo {
                    kind: VarKind::Field,
                    embedded,
                    used: false,
                    origin: None,
                })
            };
            if field.names.is_empty() {
                // An embedded field is named after its type name: `T`, `*T`, `p.T`, `T[A]`.
                let Some(name) = embedded_field_name(file, field_ty) else {
                    let msg = format!("invalid embedded field type {}", file.expr_string(field_ty));
                    self.error(env.file, file.expr_pos(field_ty), msg);
                    continue;
                };
                let obj = self.new_object(env.file, name, field_var(true));
                self.arena.objects[obj.index as usize].ty = Some(ty);
                // The type name defines the field.
                self.info.files[env.file]
                    .defs
                    .insert(name.pos().0, Some(obj));
                result.fields.push(obj);
                result.tags.push(tag.clone());
            }
            for &name in &field.names {
                let obj = self.new_object(env.file, name, field_var(false));
                self.arena.objects[obj.index as usize].ty = Some(ty);
                self.info.files[env.file]
                    .defs
                    .insert(name.pos().0, Some(obj));
                result.fields.push(obj);
                result.tags.push(tag.clone());
            }
        }
        self.arena.add_type(Type::Struct(result))
    }

    fn interface_type(&mut self, env: Env, methods: &FieldList) -> TypeId {
        let file = self.file(env);
        let mut result = InterfaceType::default();
        let mut names: Vec<String> = Vec::new();
        let mut embed_pos = Vec::new();
        for field in &methods.list {
            let Some(field_ty) = field.ty else { continue };
            match (field.names.first(), &file.expr(field_ty).kind) {
                (Some(&name), ExprKind::FuncType(func)) => {
                    let method_name = file.ident_name(name).into_owned();
                    if method_name == "_" {
                        let msg = "methods must have a unique non-blank name";
                        self.error(env.file, name.pos(), msg);
                        continue;
                    }
                    // Like any function type, a method's signature has a scope of its own
                    // for its parameter names (there is no `func`: it starts at the `(`).
                    let end = self.func_type_end(env.file, file, field_ty);
                    let sig_env = self.open_scope(env, file.func_type_pos(func), end);
                    let sig = self.signature(sig_env, None, func);
                    self.declare_signature_vars(sig_env, &sig);
                    let sig = self.arena.add_type(Type::Signature(sig));
                    self.record(env, field_ty, Mode::TypeExpr, sig, None);
                    let method = self.new_object(env.file, name, ObjKind::Func(Default::default()));
                    self.arena.objects[method.index as usize].ty = Some(sig);
                    self.info.files[env.file]
                        .defs
                        .insert(name.pos().0, Some(method));
                    // Methods named by embedded interfaces are not compared here (that takes
                    // their type sets).
                    if names.contains(&method_name) {
                        let msg = format!("duplicate method {method_name}");
                        self.error(env.file, name.pos(), msg);
                        continue;
                    }
                    names.push(method_name);
                    result.methods.push(method);
                }
                _ => {
                    let mut embedded = self.type_expr(env, field_ty);
                    // A lone embedded element is a union of one term.
                    let is_term = !matches!(
                        file.expr(field_ty).kind,
                        ExprKind::Binary { .. } | ExprKind::Unary { .. }
                    );
                    if is_term && crate::under::is_type_param(&self.store(), embedded) {
                        let pos = file.expr_pos(field_ty);
                        self.error(env.file, pos, "term cannot be a type parameter");
                        embedded = self.invalid_type();
                    }
                    result.embeddeds.push(embedded);
                    embed_pos.push(file.expr_pos(field_ty));
                }
            }
        }
        let methods = result.methods.clone();
        // Methods can come twice only from two sources (explicit methods and embedded
        // elements).
        let has_embeddeds =
            !result.embeddeds.is_empty() && result.embeddeds.len() + result.methods.len() >= 2;
        let iface = self.arena.add_type(Type::Interface(result));
        if has_embeddeds {
            self.delayed.push(super::Delayed::EmbeddedMethods {
                file: env.file,
                iface,
                embed_pos,
            });
        }
        // Interface methods have a receiver of the interface type (the defined type, once
        // the interface is a defined type's underlying type: see `set_interface_receivers`).
        for method in methods {
            self.set_method_receiver(method, iface);
        }
        iface
    }

    /// Gives the method (of an interface) a receiver variable of type `recv`.
    pub(super) fn set_method_receiver(&mut self, method: ObjId, recv: TypeId) {
        let Some(sig) = self.arena.objects[method.index as usize].ty else {
            return;
        };
        if sig.pkg != self.arena.idx {
            return;
        }
        let existing = match &self.arena.types[sig.index as usize] {
            Type::Signature(s) => s.recv,
            _ => return,
        };
        match existing {
            Some(var) if var.pkg == self.arena.idx => {
                self.arena.objects[var.index as usize].ty = Some(recv)
            }
            _ => {
                let pos = self.arena.objects[method.index as usize].pos;
                let var = self.arena.add_object(Object {
                    name: "".into(),
                    pkg: Some(self.arena.idx),
                    pos,
                    ty: Some(recv),
                    parent: None,
                    kind: ObjKind::Var(VarInfo {
                        kind: VarKind::Receiver,
                        embedded: false,
                        used: false,
                        origin: None,
                    }),
                });
                if let Type::Signature(s) = &mut self.arena.types[sig.index as usize] {
                    s.recv = Some(var);
                }
            }
        }
    }

    /// `~T` or `A | B` in a constraint: a union of terms.
    fn constraint_element(&mut self, env: Env, e: ExprId) -> TypeId {
        let file = self.file(env);
        let mut terms = Vec::new();
        let mut pending = vec![e];
        // Unions nest to the left: collect their terms in source order.
        let mut ordered = Vec::new();
        while let Some(x) = pending.pop() {
            match &file.expr(x).kind {
                ExprKind::Binary {
                    x: left,
                    op: goescape_syntax::Token::Or,
                    y,
                    ..
                } => {
                    pending.push(*y);
                    pending.push(*left);
                }
                _ => ordered.push(x),
            }
        }
        for term in ordered {
            match &file.expr(term).kind {
                ExprKind::Unary {
                    op: goescape_syntax::Token::Tilde,
                    x,
                    ..
                } => {
                    let mut ty = self.type_expr(env, *x);
                    if crate::under::is_type_param(&self.store(), ty) {
                        let msg = format!(
                            "type in term {} cannot be a type parameter",
                            file.expr_string(term)
                        );
                        self.error(env.file, file.expr_pos(*x), msg);
                        ty = self.invalid_type();
                    }
                    terms.push(Term { tilde: true, ty });
                    // go/types records a `~T` term as the union of that one term.
                    let single = self
                        .arena
                        .add_type(Type::Union(vec![Term { tilde: true, ty }]));
                    self.record(env, term, Mode::TypeExpr, single, None);
                }
                ExprKind::Binary { .. } | ExprKind::Unary { .. } => {
                    let msg = format!("{} is not a type", file.expr_string(term));
                    self.error(env.file, file.expr_pos(term), msg);
                }
                _ => {
                    let mut ty = self.type_expr(env, term);
                    if crate::under::is_type_param(&self.store(), ty) {
                        let pos = file.expr_pos(term);
                        self.error(env.file, pos, "term cannot be a type parameter");
                        ty = self.invalid_type();
                    }
                    terms.push(Term { tilde: false, ty });
                }
            }
        }
        // Each `A | B` inside the chain is recorded as the union of its terms so far.
        let mut node = e;
        let mut prefix: Vec<ExprId> = Vec::new();
        while let ExprKind::Binary {
            x: left,
            op: goescape_syntax::Token::Or,
            ..
        } = &file.expr(node).kind
        {
            prefix.push(*left);
            node = *left;
        }
        for (depth, &inner) in prefix.iter().enumerate() {
            if !matches!(file.expr(inner).kind, ExprKind::Binary { .. }) {
                continue;
            }
            let count = terms.len().saturating_sub(depth + 1);
            let union = self.arena.add_type(Type::Union(terms[..count].to_vec()));
            self.record(env, inner, Mode::TypeExpr, union, None);
        }
        self.arena.add_type(Type::Union(terms))
    }
}

/// The name of an embedded field: its type name, stripped of `*`, package and type arguments.
fn embedded_field_name(
    file: &goescape_syntax::ast::File,
    mut ty: ExprId,
) -> Option<goescape_syntax::ast::Ident> {
    let mut stars = 0;
    loop {
        match &file.expr(ty).kind {
            ExprKind::Ident(ident) => return Some(*ident),
            ExprKind::Star { x, .. } if stars == 0 => {
                stars += 1;
                ty = *x;
            }
            ExprKind::Selector { sel, .. } => return Some(*sel),
            ExprKind::Index { x, .. } | ExprKind::IndexList { x, .. } => ty = *x,
            _ => return None,
        }
    }
}

impl Checker<'_> {
    /// Reports the methods an interface gets twice through its embedded interfaces with
    /// different signatures, or at all before Go 1.14 (go/types' delayed check in
    /// `computeInterfaceTypeSet`), at the embedding.
    pub(super) fn check_embedded_methods(
        &mut self,
        file: usize,
        iface: TypeId,
        embed_pos: &[goescape_syntax::Pos],
    ) {
        let store = self.store();
        let Type::Interface(it) = store.ty(iface) else {
            return;
        };
        let mut budget = self.embedded_methods_budget;
        if budget == 0 {
            return;
        }
        let overlap_allowed = self.allow_version(file, 14);
        let mut seen: rustc_hash::FxHashMap<String, ObjId> = it
            .methods
            .iter()
            .map(|&m| (crate::unique_name::object_unique_name(&store, m), m))
            .collect();
        let mut duplicates = Vec::new();
        for (&embedded, &pos) in it.embeddeds.iter().zip(embed_pos) {
            if crate::under::is_type_param(&store, embedded) {
                continue;
            }
            let u = crate::under::underlying(&store, embedded);
            if !matches!(store.ty(u), Type::Interface(_)) {
                continue;
            }
            let methods = crate::typeset::type_set(&store, u).methods;
            // Hostile input (long chains of interfaces embedding each other) must not
            // make this quadratic: the work is bounded per package.
            budget = budget.saturating_sub(methods.len() + 1);
            for m in methods {
                let key = crate::unique_name::object_unique_name(&store, m);
                match seen.get(&key) {
                    None => {
                        seen.insert(key, m);
                    }
                    Some(&other) => {
                        let same = match (store.obj(m).ty, store.obj(other).ty) {
                            (Some(a), Some(b)) => crate::predicates::identical(&store, a, b),
                            _ => true,
                        };
                        if !overlap_allowed || !same {
                            duplicates.push((pos, store.obj(m).name.clone()));
                        }
                    }
                }
            }
        }
        self.embedded_methods_budget = budget;
        for (pos, name) in duplicates {
            self.error(file, pos, format!("duplicate method {name}"));
        }
    }
}

impl Checker<'_> {
    /// The type denoted by `e`, used as the type of a variable, field, element, type
    /// argument, ... (go/types' `varType`): an interface that is only a constraint is
    /// reported, once the declarations are complete.
    pub(super) fn var_type(&mut self, env: Env, e: ExprId) -> TypeId {
        let ty = self.type_expr(env, e);
        let at = self.file(env).expr_pos(e);
        self.valid_var_type(env.file, at, ty);
        ty
    }

    /// Sets aside the check that `ty` (written at `at`) is no constraint interface.
    pub(super) fn valid_var_type(&mut self, file: usize, at: goescape_syntax::Pos, ty: TypeId) {
        let store = self.store();
        if !matches!(
            store.ty(ty),
            Type::Interface(_) | Type::Named(_) | Type::Alias(_)
        ) || self.var_types_ok.contains(&ty)
        {
            return;
        }
        let u = crate::under::underlying(&store, ty);
        let maybe_interface =
            !crate::predicates::is_valid(&store, u) || matches!(store.ty(u), Type::Interface(_));
        if maybe_interface && !crate::under::is_type_param(&store, ty) {
            self.delayed.push(super::Delayed::VarType { file, at, ty });
        }
    }

    /// go/types' delayed part of `validVarType`.
    pub(super) fn check_var_type(&mut self, file: usize, at: goescape_syntax::Pos, ty: TypeId) {
        if self.var_types_ok.contains(&ty) {
            return;
        }
        let store = self.store();
        let u = crate::under::underlying(&store, ty);
        if !matches!(store.ty(u), Type::Interface(_)) {
            self.var_types_ok.insert(ty);
            return;
        }
        let set = crate::typeset::type_set(&store, u);
        if set.is_method_set() {
            self.var_types_ok.insert(ty);
            return;
        }
        let shown = crate::typestring::type_string(&store, ty, &*self.qualifier());
        let why = if set.comparable {
            "interface is (or embeds) comparable"
        } else {
            "interface contains type constraints"
        };
        let msg = format!("cannot use type {shown} outside a type constraint: {why}");
        self.soft_error(file, at, msg);
    }
}
