//! Selectors on values (`x.f`: fields and method values) and the elements of composite
//! literals.

use goescape_syntax::ast::{ExprId, ExprKind, Ident};

use super::operand::Operand;
use super::{Checker, Env, Mode};
use crate::ids::TypeId;
use crate::lookup::{lookup_selection, Lookup};
use crate::object::ObjKind;
use crate::selection::SelectionKind;
use crate::ty::{Signature, Type};

impl Checker<'_> {
    /// Whether `x` is an identifier naming an imported package.
    pub(super) fn names_package(&self, env: Env, x: ExprId) -> bool {
        let file = self.file(env);
        let ExprKind::Ident(ident) = file.expr(x).kind else {
            return false;
        };
        self.lookup(env, &file.ident_name(ident))
            .is_some_and(|obj| matches!(self.store().obj(obj).kind, ObjKind::PkgName { .. }))
    }

    /// `x.f` where `x` is a value: a field or a method value.
    pub(super) fn value_selector(&mut self, env: Env, e: ExprId, x: ExprId, sel: Ident) -> Operand {
        let mut operand = self.expr(env, x);
        self.non_generic(env, &mut operand);
        if operand.mode == Mode::Invalid {
            return Operand::invalid(Some(e), self.invalid_type());
        }
        if operand.mode == Mode::TypeExpr {
            return self.method_expr(env, e, operand.ty, sel);
        }
        if operand.ty == self.invalid_type() {
            return Operand::invalid(Some(e), self.invalid_type()); // reported before, or not typed yet
        }
        if !matches!(
            operand.mode,
            Mode::Variable | Mode::Value | Mode::MapIndex | Mode::CommaOk | Mode::Constant
        ) {
            return Operand::invalid(Some(e), self.invalid_type());
        }
        let file = self.file(env);
        let name = file.ident_name(sel);
        let addressable = operand.mode == Mode::Variable;
        let store = self.store();
        let Some(mut selection) =
            lookup_selection(&store, operand.ty, addressable, Some(self.arena.idx), &name)
        else {
            if !crate::predicates::is_valid(&store, crate::under::underlying(&store, operand.ty)) {
                return Operand::invalid(Some(e), self.invalid_type());
            }
            let shown = crate::typestring::type_string(&store, operand.ty, &*self.qualifier());
            let pkg = Some(self.arena.idx);
            let msg = match crate::lookup::lookup_field_or_method(
                &store,
                operand.ty,
                addressable,
                pkg,
                &name,
            ) {
                Lookup::NeedsPointerReceiver => {
                    format!("cannot call pointer method {name} on {shown}")
                }
                Lookup::Ambiguous { .. } => {
                    format!("ambiguous selector {}.{name}", file.expr_string(x))
                }
                Lookup::NotFound => {
                    let why = match store.ty(crate::under::underlying(&store, operand.ty)) {
                        Type::Pointer(base) if crate::predicates::is_interface(&store, *base) => {
                            if crate::under::is_type_param(&store, *base) {
                                format!(
                                    "type {shown} is pointer to type parameter, not type parameter"
                                )
                            } else {
                                format!("type {shown} is pointer to interface, not interface")
                            }
                        }
                        _ => {
                            let alt = crate::lookup::lookup_fold_case(
                                &store,
                                operand.ty,
                                addressable,
                                pkg,
                                &name,
                            );
                            self.lookup_error(&shown, &name, alt)
                        }
                    };
                    format!("{}.{name} undefined ({why})", file.expr_string(x))
                }
                Lookup::Found { .. } => return Operand::invalid(Some(e), self.invalid_type()),
            };
            self.error(env.file, sel.pos(), msg);
            return Operand::invalid(Some(e), self.invalid_type());
        };
        // A method of this package may not have been checked yet.
        let obj_ty = if selection.obj.pkg == self.arena.idx && store.obj(selection.obj).ty.is_none()
        {
            self.obj_decl(selection.obj);
            self.store().obj(selection.obj).ty
        } else {
            store.obj(selection.obj).ty
        };
        // A method of an instance is the generic method instantiated for it.
        let declared = selection.obj;
        let mut obj_ty = obj_ty;
        if selection.kind != SelectionKind::FieldVal {
            let owner = crate::lookup::method_owner(&self.store(), operand.ty, &selection.index);
            if let Some(owner) = owner {
                let method = self.instance_method(owner, selection.obj);
                if method != selection.obj {
                    obj_ty = self.store().obj(method).ty;
                    selection.obj = method;
                }
            }
        }
        let store = self.store();
        let method_sig = obj_ty.and_then(|t| match store.ty(t) {
            Type::Signature(sig) => Some(sig.clone()),
            _ => None,
        });
        self.info.files[env.file]
            .uses
            .insert(sel.pos().0, selection.obj);
        let result = match selection.kind {
            SelectionKind::FieldVal => {
                let Some(ty) = obj_ty else {
                    return Operand::invalid(Some(e), self.invalid_type());
                };
                let mode = if addressable || selection.indirect {
                    Mode::Variable
                } else {
                    Mode::Value
                };
                Operand {
                    mode,
                    expr: Some(e),
                    ty,
                    value: None,
                    builtin: None,
                }
            }
            SelectionKind::MethodVal | SelectionKind::MethodExpr => {
                let Some(sig) = method_sig else {
                    return Operand::invalid(Some(e), self.invalid_type());
                };
                if !sig.type_params.is_empty() {
                    return Operand::invalid(Some(e), self.invalid_type());
                }
                // A method of an instance `G[A]`: its receiver's type parameters are A.
                let (params, results) = if sig.recv_type_params.is_empty() {
                    (sig.params.clone(), sig.results.clone())
                } else {
                    let store = self.store();
                    let base = crate::under::deref(&store, operand.ty).0;
                    let args = match crate::under::as_named(&store, base) {
                        Some((_, named)) => named.type_args.clone(),
                        None => Vec::new(),
                    };
                    let map: super::generics::TypeMap =
                        sig.recv_type_params.iter().copied().zip(args).collect();
                    let generic = self.arena.add_type(Type::Signature(Signature {
                        recv: None,
                        recv_type_params: Vec::new(),
                        ..sig.clone()
                    }));
                    let substituted = self.subst(generic, &map);
                    match self.store().ty(substituted) {
                        Type::Signature(s) => (s.params.clone(), s.results.clone()),
                        _ => (sig.params.clone(), sig.results.clone()),
                    }
                };
                // A method value's type is the method's signature without the receiver.
                let value_sig = self.arena.add_type(Type::Signature(Signature {
                    recv: None,
                    recv_type_params: Vec::new(),
                    params,
                    results,
                    ..sig
                }));
                Operand::new(Mode::Value, e, value_sig)
            }
        };
        if selection.kind != SelectionKind::FieldVal {
            self.add_decl_dep(declared);
        }
        self.info.files[env.file].selections.insert(e, selection);
        result
    }

    /// `T.m`: a method expression, a function taking the receiver first.
    fn method_expr(&mut self, env: Env, e: ExprId, recv: TypeId, sel: Ident) -> Operand {
        let file = self.file(env);
        let name = file.ident_name(sel);
        let store = self.store();
        let found =
            crate::lookup::lookup_field_or_method(&store, recv, false, Some(self.arena.idx), &name);
        let x_str = match file.expr(e).kind {
            ExprKind::Selector { x, .. } => file.expr_string(x),
            _ => Default::default(),
        };
        let shown = crate::typestring::type_string(&store, recv, &*self.qualifier());
        let (obj, index, indirect) = match found {
            Lookup::Found {
                obj,
                index,
                indirect,
            } => (obj, index, indirect),
            Lookup::NotFound
                if !crate::predicates::is_valid(&store, crate::under::underlying(&store, recv)) =>
            {
                return Operand::invalid(Some(e), self.invalid_type());
            }
            failure => {
                let msg = match failure {
                    Lookup::Ambiguous { .. } => format!("ambiguous selector {x_str}.{name}"),
                    Lookup::NeedsPointerReceiver => format!(
                        "invalid method expression {x_str}.{name} (needs pointer receiver (*{shown}).{name})"
                    ),
                    _ => {
                        let alt = crate::lookup::lookup_fold_case(
                            &store,
                            recv,
                            false,
                            Some(self.arena.idx),
                            &name,
                        );
                        format!(
                            "{x_str}.{name} undefined ({})",
                            self.lookup_error(&shown, &name, alt)
                        )
                    }
                };
                self.error(env.file, sel.pos(), msg);
                return Operand::invalid(Some(e), self.invalid_type());
            }
        };
        if !matches!(store.obj(obj).kind, ObjKind::Func(_)) {
            let msg = format!("{x_str}.{name} undefined (type {shown} has no method {name})");
            self.error(env.file, sel.pos(), msg);
            return Operand::invalid(Some(e), self.invalid_type());
        }
        if obj.pkg == self.arena.idx && store.obj(obj).ty.is_none() {
            self.obj_decl(obj);
        }
        let store = self.store();
        let Some(Type::Signature(sig)) = store.obj(obj).ty.map(|t| store.ty(t).clone()) else {
            return Operand::invalid(Some(e), self.invalid_type());
        };
        if !sig.type_params.is_empty() || !sig.recv_type_params.is_empty() {
            return Operand::invalid(Some(e), self.invalid_type()); // generic receivers: later
        }
        // The receiver becomes the first parameter: named (`_` if it has no name) only
        // when the other parameters are, so that the signature never mixes both.
        let others_named = sig
            .params
            .first()
            .is_some_and(|&p| !store.obj(p).name.is_empty());
        let recv_var = sig.recv.map(|r| {
            let mut object = store.obj(r).clone();
            object.ty = Some(recv);
            object.name = match (others_named, object.name.is_empty()) {
                (false, _) => "".into(),
                (true, true) => "_".into(),
                (true, false) => object.name,
            };
            if let ObjKind::Var(info) = &mut object.kind {
                info.kind = crate::object::VarKind::Param;
            }
            object
        });
        let mut params = Vec::new();
        if let Some(object) = recv_var {
            params.push(self.arena.add_object(object));
        }
        params.extend(sig.params.iter().copied());
        let ty = self.arena.add_type(Type::Signature(Signature {
            recv: None,
            params,
            ..sig
        }));
        self.info.files[env.file].uses.insert(sel.pos().0, obj);
        self.add_decl_dep(obj);
        self.info.files[env.file].selections.insert(
            e,
            crate::selection::Selection {
                kind: SelectionKind::MethodExpr,
                recv,
                obj,
                index,
                indirect,
            },
        );
        Operand::new(Mode::Value, e, ty)
    }

    /// Checks the elements of the composite literal `lit` of type `ty` (for an elided
    /// type, `hint` is the element type it stands for), giving untyped elements the element
    /// (or field, or key) type they initialize. False if `ty` cannot have a literal (an
    /// error was reported).
    pub(super) fn composite_elements(
        &mut self,
        env: Env,
        lit: ExprId,
        ty: TypeId,
        hint: Option<TypeId>,
        elts: &[ExprId],
    ) -> bool {
        let file = self.file(env);
        let (composite, valid, no_core) = {
            let store = self.store();
            let under = Self::core_under(&store, ty);
            let composite = matches!(
                store.ty(under),
                Type::Slice(_) | Type::Array { .. } | Type::Map { .. } | Type::Struct(_)
            );
            let no_core = crate::under::is_type_param(&store, ty)
                && crate::under::common_under(&store, ty).is_none();
            (
                composite,
                crate::predicates::is_valid(&store, under),
                no_core,
            )
        };
        if !composite {
            // The elements are checked all the same, as go/types does; keys are left alone
            // (they might name fields of a type that is not known).
            for &elt in elts {
                let value = match &file.expr(elt).kind {
                    ExprKind::KeyValue { value, .. } => *value,
                    _ => elt,
                };
                self.expr(env, value);
            }
            if valid || no_core {
                let shown = crate::typestring::type_string(
                    &self.store(),
                    hint.unwrap_or(ty),
                    &*self.qualifier(),
                );
                let msg = format!(
                    "invalid composite literal{} type {shown}{}",
                    if hint.is_some() { " element" } else { "" },
                    if no_core {
                        " (no common underlying type)"
                    } else {
                        ""
                    }
                );
                self.error(env.file, file.expr_pos(lit), msg);
                return false;
            }
            // A type without a known underlying type (after an error, or still being
            // declared) leaves the literal a value of that type, as in go/types.
            return true;
        }
        let plans = self.plan_elements(env, ty, elts);
        // How go/types names the literal in "cannot use" errors.
        let context = {
            let store = self.store();
            match store.ty(Self::core_under(&store, ty)) {
                Type::Struct(_) => "struct literal",
                Type::Map { .. } => "map literal",
                _ => "array or slice literal",
            }
        };
        // `S{a, b}`: positional values, one per field.
        let positional_fields = {
            let store = self.store();
            match store.ty(Self::core_under(&store, ty)) {
                Type::Struct(st)
                    if !elts.is_empty()
                        && elts
                            .iter()
                            .all(|&e| !matches!(file.expr(e).kind, ExprKind::KeyValue { .. })) =>
                {
                    Some(st.fields.len())
                }
                _ => None,
            }
        };
        let map_key_is_interface = {
            let store = self.store();
            match store.ty(Self::core_under(&store, ty)) {
                Type::Map { key, .. } => {
                    Some(crate::predicates::is_non_type_param_interface(&store, *key))
                }
                _ => None,
            }
        };
        let mut seen_keys: Vec<(String, Option<TypeId>)> = Vec::new();
        for (i, plan) in plans.into_iter().enumerate() {
            if positional_fields.is_some_and(|n| i >= n) {
                let x = self.expr(env, plan.value);
                let pos = self.operand_pos(env, &x, file.expr_pos(plan.value));
                let shown = crate::typestring::type_string(&self.store(), ty, &*self.qualifier());
                let msg = format!("too many values in struct literal of type {shown}");
                self.error(env.file, pos, msg);
                break;
            }
            if let Some((ident_pos, field)) = plan.field_use {
                self.info.files[env.file].uses.insert(ident_pos, field);
            }
            if let (Some(key), Some(key_ty)) = (plan.key, plan.key_ty) {
                match &file.expr(key).kind {
                    // An elided key type: `map[Point]string{{1, 2}: "a"}`.
                    ExprKind::CompositeLit {
                        ty: None,
                        elts: inner,
                        ..
                    } => {
                        let base = {
                            let store = self.store();
                            match store.ty(Self::core_under(&store, key_ty)) {
                                Type::Pointer(base) => *base,
                                _ => key_ty,
                            }
                        };
                        if self.composite_elements(env, key, base, Some(key_ty), inner) {
                            self.record(env, key, Mode::Value, key_ty, None);
                        }
                    }
                    _ => {
                        let mut k = self.expr(env, key);
                        self.assign_to(env, &mut k, key_ty);
                        // A map element whose key cannot be used is not checked further.
                        if context == "map literal"
                            && (k.mode == Mode::Invalid
                                || !self.check_assignable(env, &k, key_ty, context))
                        {
                            continue;
                        }
                        // Constant keys must differ (by value, and by type for an
                        // interface key type).
                        if let (Some(is_iface), Mode::Constant, Some(value)) =
                            (map_key_is_interface, k.mode, k.value.as_ref())
                        {
                            let entry = (key_value(value), is_iface.then_some(k.ty));
                            let store = self.store();
                            let duplicate = seen_keys.iter().any(|(v, t)| {
                                *v == entry.0
                                    && match (t, entry.1) {
                                        (Some(a), Some(b)) => {
                                            crate::predicates::identical(&store, *a, b)
                                        }
                                        _ => true,
                                    }
                            });
                            if duplicate {
                                let msg = format!("duplicate key {value} in map literal");
                                let pos = file.expr_pos(key);
                                self.error(env.file, pos, msg);
                                continue;
                            }
                            seen_keys.push(entry);
                        }
                    }
                }
            }
            match (&file.expr(plan.value).kind, plan.value_ty, plan.elided_ty) {
                (ExprKind::CompositeLit { elts: inner, .. }, Some(elem), Some(lit_ty)) => {
                    // `{...}` for a `*T` element stands for `&T{...}`: its type is `*T`.
                    if self.composite_elements(env, plan.value, lit_ty, Some(elem), inner) {
                        self.record(env, plan.value, Mode::Value, elem, None);
                    }
                }
                (_, target, _) => {
                    let mut x = self.expr(env, plan.value);
                    if let Some(target) = target {
                        self.assign_to(env, &mut x, target);
                        self.check_assignable(env, &x, target, context);
                    }
                }
            }
        }
        if positional_fields.is_some_and(|n| elts.len() < n) {
            if let ExprKind::CompositeLit { rbrace, .. } = file.expr(lit).kind {
                let shown = crate::typestring::type_string(&self.store(), ty, &*self.qualifier());
                let msg = format!("too few values in struct literal of type {shown}");
                self.error(env.file, rbrace, msg);
            }
        }
        true
    }

    /// What each element of a composite literal initializes, decided before any element is
    /// checked (checking adds types to the arena).
    fn plan_elements(&self, env: Env, ty: TypeId, elts: &[ExprId]) -> Vec<ElementPlan> {
        let file = self.file(env);
        let store = self.store();
        let under = Self::core_under(&store, ty);
        let int = self.universe.basic(crate::basic::BasicKind::Int);
        let mut plans = Vec::with_capacity(elts.len());
        for (i, &elt) in elts.iter().enumerate() {
            let (key, value) = match &file.expr(elt).kind {
                ExprKind::KeyValue { key, value, .. } => (Some(*key), *value),
                _ => (None, elt),
            };
            let mut plan = ElementPlan {
                key: None,
                key_ty: None,
                value,
                value_ty: None,
                elided_ty: None,
                field_use: None,
            };
            match store.ty(under) {
                Type::Slice(elem) | Type::Array { elem, .. } => {
                    plan.key = key;
                    plan.key_ty = Some(int);
                    plan.value_ty = Some(*elem);
                }
                Type::Map { key: key_ty, elem } => {
                    plan.key = key;
                    plan.key_ty = Some(*key_ty);
                    plan.value_ty = Some(*elem);
                }
                Type::Struct(s) => match key.map(|key| &file.expr(key).kind) {
                    Some(ExprKind::Ident(ident)) => {
                        // `Field: value`: the key names a field; it is not an expression.
                        let name = file.ident_name(*ident);
                        if let Some(field) = s
                            .fields
                            .iter()
                            .copied()
                            .find(|&f| *store.obj(f).name == *name)
                        {
                            plan.field_use = Some((ident.pos().0, field));
                            plan.value_ty = store.obj(field).ty;
                        }
                    }
                    Some(_) => {}
                    None => plan.value_ty = s.fields.get(i).and_then(|&f| store.obj(f).ty),
                },
                _ => {}
            }
            if let (ExprKind::CompositeLit { ty: None, .. }, Some(elem)) =
                (&file.expr(value).kind, plan.value_ty)
            {
                // An elided type: `[]Point{{1, 2}}`, and `[]*Point{{1, 2}}` for `&Point{1, 2}`.
                plan.elided_ty = Some(match store.ty(Self::core_under(&store, elem)) {
                    Type::Pointer(base) => *base,
                    _ => elem,
                });
            }
            plans.push(plan);
        }
        plans
    }
}

/// How one element of a composite literal is checked.
struct ElementPlan {
    key: Option<ExprId>,
    key_ty: Option<TypeId>,
    value: ExprId,
    value_ty: Option<TypeId>,
    /// For a nested literal without a type, the type it takes.
    elided_ty: Option<TypeId>,
    /// A struct field named by a key: the key's offset and the field.
    field_use: Option<(u32, crate::ids::ObjId)>,
}

/// A constant map key as go/types compares keys for duplicates: numbers by value (an
/// integral float or complex as the integer), strings and booleans as they are.
fn key_value(value: &goescape_constant::Value) -> String {
    use goescape_constant::Kind;
    let int = goescape_constant::to_int(value);
    if int.kind() == Kind::Int {
        return format!("i{}", int.exact_string());
    }
    match value.kind() {
        Kind::Float => format!("f{}", value.float64_val().0),
        Kind::String => format!("s{:?}", value.string_val()),
        _ => format!("{:?}{}", value.kind(), value.exact_string()),
    }
}

impl Checker<'_> {
    /// Why `x.sel` found nothing in a value of type `shown`, given the field or method
    /// `alt` found ignoring case (go/types' `lookupError` for selectors).
    pub(super) fn lookup_error(
        &self,
        shown: &str,
        sel: &str,
        alt: Option<crate::ids::ObjId>,
    ) -> String {
        let missing = format!("type {shown} has no field or method {sel}");
        let Some(alt) = alt else {
            return missing;
        };
        let store = self.store();
        let object = store.obj(alt);
        let alt_name = &*object.name;
        let what = match object.kind {
            crate::object::ObjKind::Var(_) => "field",
            crate::object::ObjKind::Func(_) => "method",
            _ => "object",
        };
        let exported = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
        let tail = |s: &str| {
            let mut chars = s.chars();
            chars.next();
            chars.as_str().to_owned()
        };
        enum Case {
            Missing,
            Misspelled,
            Unexported,
            Inaccessible,
        }
        let case = if object.pkg == Some(self.arena.idx) {
            if alt_name == sel {
                Case::Missing
            } else {
                Case::Misspelled
            }
        } else if exported(sel) {
            if exported(alt_name) {
                Case::Misspelled
            } else if tail(sel) == tail(alt_name) {
                Case::Unexported
            } else {
                Case::Missing
            }
        } else if exported(alt_name) {
            if tail(sel) == tail(alt_name) {
                Case::Misspelled
            } else {
                Case::Missing
            }
        } else if sel == alt_name {
            Case::Inaccessible
        } else {
            Case::Missing
        };
        match case {
            Case::Missing => missing,
            Case::Misspelled => format!("{missing}, but does have {what} {alt_name}"),
            Case::Unexported => format!("{missing}, but does have unexported {what} {alt_name}"),
            Case::Inaccessible => format!("cannot refer to unexported {what} {alt_name}"),
        }
    }
}
