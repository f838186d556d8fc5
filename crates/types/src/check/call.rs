//! Calls (go/types' `call.go` and `builtins.go`): conversions, calls of non-generic
//! functions and methods, and the builtins whose result type follows from their
//! arguments alone.

use goescape_constant::Value;
use goescape_syntax::ast::ExprId;

use super::generics::InferFailure;
use super::operand::Operand;
use super::{Checker, Env, Mode};
use crate::basic::BasicKind;
use crate::ids::TypeId;
use crate::object::Builtin;
use crate::predicates::{default_type, is_untyped};
use crate::ty::Type;

impl Checker<'_> {
    pub(super) fn call(
        &mut self,
        env: Env,
        e: ExprId,
        fun: ExprId,
        args: &[ExprId],
        has_dots: bool,
    ) -> Operand {
        // `f[A](args)`: a generic function with explicit (maybe partial) type arguments.
        if let Some((base, explicit)) = self.explicit_instantiation(env, fun) {
            let callee = self.expr(env, base);
            if callee.mode != Mode::Invalid && self.is_generic_signature(callee.ty) {
                let explicit: Vec<TypeId> =
                    explicit.iter().map(|&t| self.var_type(env, t)).collect();
                return self.function_call(env, e, fun, callee, args, has_dots, &explicit);
            }
        }
        let callee = self.expr(env, fun);
        match callee.mode {
            Mode::Invalid => {
                for &arg in args {
                    self.expr(env, arg);
                }
                Operand::invalid(Some(e), self.invalid_type())
            }
            Mode::TypeExpr if self.is_generic_type(callee.ty) => {
                let mut callee = callee;
                self.non_generic(env, &mut callee);
                Operand::invalid(Some(e), self.invalid_type())
            }
            Mode::TypeExpr if args.len() == 1 && !has_dots => {
                let arg = self.expr(env, args[0]);
                if arg.mode != Mode::Invalid {
                    let store = self.store();
                    let constraint = !crate::under::is_type_param(&store, callee.ty)
                        && matches!(
                            store.ty(crate::under::underlying(&store, callee.ty)),
                            Type::Interface(_)
                        )
                        && !crate::typeset::type_set(&store, callee.ty).is_method_set();
                    if constraint {
                        let shown =
                            crate::typestring::type_string(&store, callee.ty, &*self.qualifier());
                        let msg = format!("cannot use interface {shown} in conversion (contains specific type constraints or is comparable)");
                        let at = self.file(env).expr_pos(e);
                        self.error(env.file, at, msg);
                        return Operand::invalid(Some(e), self.invalid_type());
                    }
                }
                self.conversion(env, e, arg, callee.ty)
            }
            Mode::TypeExpr => {
                // A conversion takes exactly one argument, without `...`.
                let file = self.file(env);
                let shown =
                    crate::typestring::type_string(&self.store(), callee.ty, &*self.qualifier());
                match args {
                    [] => {
                        let rparen = match file.expr(e).kind {
                            goescape_syntax::ast::ExprKind::Call { rparen, .. } => rparen,
                            _ => file.expr_pos(e),
                        };
                        let msg = format!("missing argument in conversion to {shown}");
                        self.error(env.file, rparen, msg);
                    }
                    [arg] => {
                        let x = self.expr(env, *arg);
                        if x.mode != Mode::Invalid {
                            let msg = format!("invalid use of ... in conversion to {shown}");
                            self.error(env.file, file.expr_pos(*arg), msg);
                        }
                    }
                    [.., last] => {
                        for &arg in args {
                            self.expr(env, arg);
                        }
                        let msg = format!("too many arguments in conversion to {shown}");
                        self.error(env.file, file.expr_pos(*last), msg);
                    }
                }
                Operand::invalid(Some(e), self.invalid_type())
            }
            Mode::Builtin => match callee.builtin {
                Some(builtin) => self.builtin_call(env, e, fun, builtin, args, has_dots),
                None => Operand::invalid(Some(e), self.invalid_type()),
            },
            _ => self.function_call(env, e, fun, callee, args, has_dots, &[]),
        }
    }

    /// `f[A, ...]` where `f` may be a generic function: its base and type argument syntax.
    fn explicit_instantiation(&self, env: Env, fun: ExprId) -> Option<(ExprId, Vec<ExprId>)> {
        let file = self.file(env);
        match &file.expr(fun).kind {
            goescape_syntax::ast::ExprKind::Index { x, index, .. } => Some((*x, vec![*index])),
            goescape_syntax::ast::ExprKind::IndexList { x, indices, .. } => {
                Some((*x, indices.to_vec()))
            }
            _ => None,
        }
    }

    /// Whether `ty` is a generic defined type or alias, not instantiated.
    fn is_generic_type(&self, ty: TypeId) -> bool {
        match self.store().ty(ty) {
            Type::Named(n) => !n.type_params.is_empty() && n.origin.is_none(),
            Type::Alias(a) => !a.type_params.is_empty() && a.origin.is_none(),
            _ => false,
        }
    }

    pub(super) fn is_generic_signature(&self, ty: TypeId) -> bool {
        let store = self.store();
        matches!(store.ty(crate::under::underlying(&store, ty)), Type::Signature(sig) if !sig.type_params.is_empty())
    }

    /// A call of a value of function type; a generic function's type arguments are the
    /// `explicit` ones followed by those inferred from the arguments.
    #[allow(clippy::too_many_arguments)]
    fn function_call(
        &mut self,
        env: Env,
        e: ExprId,
        fun: ExprId,
        callee: Operand,
        args: &[ExprId],
        has_dots: bool,
        explicit: &[TypeId],
    ) -> Operand {
        let store = self.store();
        let under = crate::under::underlying(&store, callee.ty);
        let Type::Signature(mut sig) = store.ty(under).clone() else {
            return Operand::invalid(Some(e), self.invalid_type());
        };
        let mut checked_args = None;
        if !sig.type_params.is_empty() {
            // Arguments first: their types drive inference.
            let operands: Vec<Operand> = args.iter().map(|&a| self.expr(env, a)).collect();
            let mut typed: Vec<(ExprId, TypeId)> = args
                .iter()
                .copied()
                .zip(operands.iter().map(|x| x.ty))
                .collect();
            // `f(g())` with g returning several values passes each of them.
            if let [(arg, ty)] = typed[..] {
                let store = self.store();
                if let Type::Tuple(vars) = store.ty(ty) {
                    if vars.len() > 1 {
                        typed = vars
                            .iter()
                            .map(|&v| (arg, store.obj(v).ty.unwrap_or(ty)))
                            .collect();
                    }
                }
            }
            // Generic functions passed as arguments (`slices.SortFunc(s, slices.Compare)`)
            // have their type parameters inferred along with the callee's.
            let arg_types: Vec<TypeId> = typed.iter().map(|&(_, t)| t).collect();
            let mut infer_sig = self
                .renamed_for_recursion(&sig, &arg_types)
                .unwrap_or_else(|| sig.clone());
            let mut generic_args = Vec::new();
            for (i, x) in operands.iter().enumerate() {
                if x.mode == Mode::Invalid || !self.is_generic_signature(x.ty) {
                    continue;
                }
                let store = self.store();
                let generic = crate::under::underlying(&store, x.ty);
                if let Type::Signature(arg_sig) = store.ty(generic) {
                    let start = infer_sig.type_params.len();
                    infer_sig
                        .type_params
                        .extend(arg_sig.type_params.iter().copied());
                    generic_args.push((i, generic, start..infer_sig.type_params.len()));
                }
            }
            let arg_params = infer_sig.type_params[sig.type_params.len()..].to_vec();
            let mut type_args =
                match self.infer(&infer_sig, &typed, explicit, has_dots, &arg_params) {
                    Ok(type_args) => type_args,
                    Err(failure) => {
                        // go/types checks the argument count first, and says nothing
                        // more about invalid arguments.
                        let (nargs, nparams) = (typed.len(), sig.params.len());
                        let count_ok = if sig.variadic && !has_dots {
                            nargs + 1 >= nparams
                        } else {
                            nargs == nparams
                        };
                        let complete = !matches!(failure, InferFailure::CannotInfer(_))
                            || super::generics::inference_is_complete(&self.store(), &infer_sig);
                        if count_ok && complete && operands.iter().all(|x| x.mode != Mode::Invalid)
                        {
                            let at = self.file(env).expr_pos(e);
                            self.report_infer_failure(
                                env,
                                at,
                                Some(fun),
                                &infer_sig,
                                &typed,
                                failure,
                            );
                        }
                        return Operand::invalid(Some(e), self.invalid_type());
                    }
                };
            let mut operands = operands;
            let call_pos = self.file(env).expr_pos(e);
            for (i, generic, range) in generic_args {
                let arg_type_args = type_args[range].to_vec();
                let instance = self.instantiate_signature(generic, &arg_type_args);
                self.record_instance(env, args[i], &arg_type_args, instance);
                operands[i].ty = instance;
                if let Type::Signature(arg_sig) = self.store().ty(generic) {
                    let params = arg_sig.type_params.clone();
                    self.verify_later(super::satisfy::Verification {
                        file: env.file,
                        pos: call_pos,
                        arg_pos: Vec::new(),
                        params,
                        args: arg_type_args,
                    });
                }
            }
            type_args.truncate(sig.type_params.len());
            let generic = crate::under::underlying(&self.store(), callee.ty);
            let instantiated = self.instantiate_signature(generic, &type_args);
            self.record_instance(env, fun, &type_args, instantiated);
            let arg_pos = if explicit.is_empty() {
                Vec::new()
            } else {
                let file = self.file(env);
                self.explicit_instantiation(env, fun)
                    .map(|(_, list)| list.iter().map(|&t| file.expr_pos(t)).collect())
                    .unwrap_or_default()
            };
            self.verify_later(super::satisfy::Verification {
                file: env.file,
                pos: call_pos,
                arg_pos,
                params: sig.type_params.clone(),
                args: type_args.clone(),
            });
            let Type::Signature(inst) = self.store().ty(instantiated).clone() else {
                return Operand::invalid(Some(e), self.invalid_type());
            };
            sig = inst;
            checked_args = Some(operands);
        }
        let store = self.store();
        let param_types: Vec<TypeId> = sig
            .params
            .iter()
            .map(|&p| store.obj(p).ty.unwrap_or_else(|| self.invalid_type()))
            .collect();
        let result_types: Vec<TypeId> = sig
            .results
            .iter()
            .map(|&r| store.obj(r).ty.unwrap_or_else(|| self.invalid_type()))
            .collect();
        let mut checked_args = checked_args.map(Vec::into_iter);
        for (i, &arg) in args.iter().enumerate() {
            let mut x = match checked_args.as_mut().and_then(Iterator::next) {
                Some(x) => x,
                None => self.expr(env, arg),
            };
            let target = match param_types.get(i) {
                Some(&t) if sig.variadic && i + 1 >= param_types.len() && !has_dots => {
                    // Extra arguments of a variadic call have the element type.
                    match self.store().ty(crate::under::underlying(&self.store(), t)) {
                        Type::Slice(elem) => *elem,
                        _ => t,
                    }
                }
                Some(&t) => t,
                None if sig.variadic => {
                    match param_types.last().map(|&t| self.store().ty(t).clone()) {
                        Some(Type::Slice(elem)) => elem,
                        _ => continue,
                    }
                }
                None => continue,
            };
            self.assign_to(env, &mut x, target);
            let file = self.file(env);
            let context = || format!("argument to {}", file.expr_string(fun));
            self.check_assignable_in(env, &x, target, &context);
        }
        let mut result = Operand::new(Mode::Value, e, self.invalid_type());
        match result_types.len() {
            0 => result.mode = Mode::NoValue,
            1 => result.ty = result_types[0],
            _ => result.ty = self.arena.add_type(Type::Tuple(sig.results.clone())),
        }
        if result.mode == Mode::NoValue {
            result.ty = self.arena.add_type(Type::Tuple(Vec::new()));
        }
        result
    }

    /// Records the type arguments and instantiated type of a generic function or type
    /// named by `e` (an identifier, `pkg.Name`, or either indexed), on the name and on `e`.
    pub(super) fn record_instance(
        &mut self,
        env: Env,
        e: ExprId,
        type_args: &[TypeId],
        ty: TypeId,
    ) {
        use goescape_syntax::ast::ExprKind;
        let file = self.file(env);
        let mut name_expr = e;
        while let ExprKind::Index { x, .. }
        | ExprKind::IndexList { x, .. }
        | ExprKind::Paren { x, .. } = &file.expr(name_expr).kind
        {
            name_expr = *x;
        }
        let ident = match &file.expr(name_expr).kind {
            ExprKind::Ident(ident) => *ident,
            ExprKind::Selector { sel, .. } => *sel,
            _ => return,
        };
        self.info.files[env.file]
            .instances
            .insert(ident.pos().0, (type_args.to_vec(), ty));
        let mut x = e;
        loop {
            self.record(env, x, Mode::Value, ty, None);
            match &file.expr(x).kind {
                ExprKind::Paren { x: inner, .. } => x = *inner,
                _ => break,
            }
        }
    }

    /// Gives an untyped operand the type of what it is assigned to (go/types'
    /// `assignment` without the assignability check, which is still to come).
    pub(super) fn assign_to(&mut self, env: Env, x: &mut Operand, target: TypeId) {
        if x.mode == Mode::Invalid || !is_untyped(&self.store(), x.ty) {
            return;
        }
        let store = self.store();
        let untyped_nil = self.universe.basic(BasicKind::UntypedNil);
        let target = if crate::predicates::is_non_type_param_interface(&store, target)
            && x.ty != untyped_nil
        {
            default_type(&store, x.ty)
        } else {
            target
        };
        self.convert_untyped(env, x, target);
        if let (Some(e), true) = (x.expr, x.mode != Mode::Invalid) {
            self.update_expr_type(env, e, x.ty, true);
        }
    }

    /// Records the signature a builtin has at one call (go/types' `recordBuiltinType`),
    /// on the callee and on any parentheses around it.
    /// Why `s` cannot be appended to (go/types' `sliceElem`): not a slice, or a type
    /// parameter whose slices have different element types.
    fn not_appendable(&self, env: Env, s: &Operand) -> Option<String> {
        let store = self.store();
        if s.ty == self.universe.basic(BasicKind::UntypedNil) {
            return Some("argument must be a slice; have untyped nil".to_owned());
        }
        if !crate::predicates::is_valid(&store, crate::under::underlying(&store, s.ty)) {
            return None;
        }
        let q = self.qualifier();
        let ts = |t: TypeId| crate::typestring::type_string(&store, t, &*q);
        let mut elem: Option<TypeId> = None;
        let mut why = None;
        crate::under::type_set_all(&store, s.ty, &mut |_, u| {
            let Some(Type::Slice(e)) = u.map(|u| store.ty(u)) else {
                why = Some(None);
                return false;
            };
            match elem {
                Some(first) if !crate::predicates::identical(&store, first, *e) => {
                    why = Some(Some((first, *e)));
                    false
                }
                _ => {
                    elem = Some(*e);
                    true
                }
            }
        });
        let operand = self.operand_string(env, s);
        match why? {
            None => Some(format!("argument must be a slice; have {operand}")),
            Some((a, b)) => Some(format!(
                "mismatched slice element types {} and {} in {operand}",
                ts(a),
                ts(b)
            )),
        }
    }

    /// Whether `append(s, y...)` is the special form appending a string's bytes: the
    /// slice's element type is `byte` and every type in `y`'s type set is a string type or
    /// `[]byte`, with at least one string type.
    fn appends_string_bytes(&self, slice_elem: Option<TypeId>, y: TypeId) -> bool {
        let store = self.store();
        let byte = self.universe.byte;
        let is_byte = |t: TypeId| crate::predicates::identical(&store, t, byte);
        if !slice_elem.is_some_and(is_byte) {
            return false;
        }
        let mut has_string = false;
        let all = crate::under::type_set_all(&store, y, &mut |_, u| match u {
            Some(u) if crate::predicates::is_string(&store, u) => {
                has_string = true;
                true
            }
            Some(u) => matches!(store.ty(u), Type::Slice(elem) if is_byte(*elem)),
            None => false,
        });
        all && has_string
    }

    fn record_builtin_signature(
        &mut self,
        env: Env,
        fun: ExprId,
        params: &[TypeId],
        result: TypeId,
        variadic: bool,
    ) {
        self.record_builtin_signature_opt(env, fun, params, Some(result), variadic);
    }

    /// Like `record_builtin_signature`, for builtins with or without a result.
    fn record_builtin_signature_opt(
        &mut self,
        env: Env,
        fun: ExprId,
        params: &[TypeId],
        result: Option<TypeId>,
        variadic: bool,
    ) {
        // Untyped parameter types are recorded as their default types.
        let param_vars: Vec<crate::ids::ObjId> = params
            .iter()
            .map(|&ty| {
                let ty = default_type(&self.store(), ty);
                self.made_up_var(crate::object::VarKind::Param, ty)
            })
            .collect();
        let results: Vec<crate::ids::ObjId> = result
            .into_iter()
            .map(|ty| self.made_up_var(crate::object::VarKind::Result, ty))
            .collect();
        let sig = self.arena.add_type(Type::Signature(crate::ty::Signature {
            params: param_vars,
            results,
            variadic,
            ..crate::ty::Signature::default()
        }));
        let file = self.file(env);
        let mut callee = fun;
        loop {
            self.record(env, callee, Mode::Builtin, sig, None);
            match file.expr(callee).kind {
                goescape_syntax::ast::ExprKind::Paren { x, .. } => callee = x,
                _ => break,
            }
        }
    }

    /// `min(...)` / `max(...)`: constant over constants, else a value of the arguments'
    /// common type.
    fn min_max(
        &mut self,
        env: Env,
        e: ExprId,
        fun: ExprId,
        builtin: Builtin,
        args: &[ExprId],
    ) -> Operand {
        let operands: Vec<Operand> = args.iter().map(|&a| self.expr(env, a)).collect();
        if operands.iter().any(|x| x.mode == Mode::Invalid) {
            return Operand::invalid(Some(e), self.invalid_type());
        }
        let mut x = operands[0].clone();
        for a in operands.iter().skip(1) {
            let mut a = a.clone();
            self.match_operand_types(env, &mut x, &mut a);
            if x.mode == Mode::Invalid || a.mode == Mode::Invalid {
                return Operand::invalid(Some(e), self.invalid_type());
            }
            if x.mode == Mode::Constant && a.mode == Mode::Constant {
                let (xv, av) = (
                    x.value.clone().unwrap_or_else(Value::unknown),
                    a.value.clone().unwrap_or_else(Value::unknown),
                );
                let op = if builtin == Builtin::Min {
                    goescape_constant::CompareOp::Lt
                } else {
                    goescape_constant::CompareOp::Gt
                };
                if goescape_constant::compare(&av, op, &xv) {
                    x = a;
                }
            } else {
                x.mode = Mode::Value;
                x.value = None;
            }
        }
        let ty = x.ty;
        for operand in &operands {
            if let Some(arg) = operand.expr {
                self.update_expr_type(env, arg, ty, true);
            }
        }
        if x.mode != Mode::Constant {
            let params = vec![ty; args.len()];
            self.record_builtin_signature(env, fun, &params, ty, false);
        }
        Operand {
            mode: x.mode,
            expr: Some(e),
            ty,
            value: x.value,
            builtin: None,
        }
    }

    fn no_value(&mut self, e: ExprId) -> Operand {
        let empty = self.arena.add_type(Type::Tuple(Vec::new()));
        Operand::new(Mode::NoValue, e, empty)
    }

    #[allow(clippy::too_many_arguments)]
    fn builtin_call(
        &mut self,
        env: Env,
        e: ExprId,
        fun: ExprId,
        builtin: Builtin,
        args: &[ExprId],
        has_dots: bool,
    ) -> Operand {
        let int = self.universe.basic(BasicKind::Int);
        let uintptr = self.universe.basic(BasicKind::Uintptr);
        let value = |ty| Operand::new(Mode::Value, e, ty);
        let needs = match builtin {
            Builtin::Clear if args.len() == 1 => Some((21, "clear")),
            Builtin::Min if !args.is_empty() => Some((21, "built-in min")),
            Builtin::Max if !args.is_empty() => Some((21, "built-in max")),
            Builtin::Add if args.len() == 2 => Some((17, "unsafe.Add")),
            Builtin::Slice if args.len() == 2 => Some((17, "unsafe.Slice")),
            Builtin::SliceData if args.len() == 1 => Some((20, "unsafe.SliceData")),
            Builtin::String if args.len() == 2 => Some((20, "unsafe.String")),
            Builtin::StringData if args.len() == 1 => Some((20, "unsafe.StringData")),
            _ => None,
        };
        if let Some((minor, what)) = needs {
            let at = self.file(env).expr_pos(fun);
            self.verify_version(env.file, at, minor, || what.to_owned());
        }
        match builtin {
            Builtin::Len | Builtin::Cap if args.len() == 1 => {
                let x = self.expr(env, args[0]);
                if x.mode == Mode::Invalid {
                    return Operand::invalid(Some(e), self.invalid_type());
                }
                let store = self.store();
                let under = Self::core_under(&store, crate::under::deref(&store, x.ty).0);
                let constant = match (builtin, store.ty(under)) {
                    (Builtin::Len, Type::Basic(b))
                        if b.kind.is_string() && x.mode == Mode::Constant =>
                    {
                        x.value
                            .as_ref()
                            .map(|v| Value::from_u64(v.string_val().len() as u64))
                    }
                    (_, Type::Array { len: Some(n), .. }) => Some(Value::from_u64(*n)),
                    _ => None,
                };
                match constant {
                    Some(v) => Operand::constant(e, int, v),
                    None => {
                        self.record_builtin_signature(env, fun, &[x.ty], int, false);
                        value(int)
                    }
                }
            }
            Builtin::New if args.len() == 1 => {
                // `new(T)`, or since Go 1.26 `new(expr)`: a pointer to a copy of the value.
                let mut x = self.expr(env, args[0]);
                let t = match x.mode {
                    Mode::Invalid => return Operand::invalid(Some(e), self.invalid_type()),
                    Mode::TypeExpr => {
                        let at = self.file(env).expr_pos(args[0]);
                        self.valid_var_type(env.file, at, x.ty);
                        x.ty
                    }
                    Mode::NoValue => {
                        let msg = format!("{} used as value", self.operand_string(env, &x));
                        let pos = self.file(env).expr_pos(args[0]);
                        self.error(env.file, pos, msg);
                        return Operand::invalid(Some(e), self.invalid_type());
                    }
                    _ => {
                        let store = self.store();
                        if x.ty == self.universe.basic(BasicKind::UntypedNil) {
                            let pos = self.file(env).expr_pos(args[0]);
                            self.error(env.file, pos, "use of untyped nil in argument to new");
                            return Operand::invalid(Some(e), self.invalid_type());
                        }
                        if is_untyped(&store, x.ty) {
                            let target = default_type(&store, x.ty);
                            self.assign_to(env, &mut x, target);
                            if x.mode == Mode::Invalid {
                                return Operand::invalid(Some(e), self.invalid_type());
                            }
                        }
                        let file = self.file(env);
                        self.verify_version(env.file, file.expr_pos(fun), 26, || {
                            format!("new({})", file.expr_string(args[0]))
                        });
                        x.ty
                    }
                };
                let ptr = self.arena.add_type(Type::Pointer(t));
                self.record_builtin_signature(env, fun, &[t], ptr, false);
                value(ptr)
            }
            Builtin::Make if !args.is_empty() => {
                let t = self.var_type(env, args[0]);
                let mut params = vec![t];
                for &size in &args[1..] {
                    let mut x = self.expr(env, size);
                    self.assign_to(env, &mut x, int);
                    params.push(x.ty);
                }
                self.record_builtin_signature(env, fun, &params, t, false);
                value(t)
            }
            Builtin::Append if !args.is_empty() => {
                let s = self.expr(env, args[0]);
                let store = self.store();
                let elem = match store.ty(Self::core_under(&store, s.ty)) {
                    Type::Slice(elem) => Some(*elem),
                    _ => None,
                };
                for (i, &arg) in args.iter().enumerate().skip(1) {
                    let mut x = self.expr(env, arg);
                    if has_dots && args.len() == 2 && self.appends_string_bytes(elem, x.ty) {
                        // `append(bytes, str...)`: the string is taken as it is, and the
                        // signature recorded is `func(S, T...) S`.
                        if s.mode == Mode::Invalid || x.mode == Mode::Invalid {
                            return Operand::invalid(Some(e), self.invalid_type());
                        }
                        self.record_builtin_signature(env, fun, &[s.ty, x.ty], s.ty, true);
                        return value(s.ty);
                    }
                    if has_dots && i + 1 == args.len() {
                        // `append(s, xs...)`: xs is a slice (or, for []byte, a string).
                        let ty = default_type(&self.store(), x.ty);
                        self.assign_to(env, &mut x, ty);
                        continue;
                    }
                    if let Some(elem) = elem {
                        self.assign_to(env, &mut x, elem);
                    }
                }
                if s.mode == Mode::Invalid {
                    return Operand::invalid(Some(e), self.invalid_type());
                }
                if elem.is_none() {
                    if let Some(why) = self.not_appendable(env, &s) {
                        let at = self.operand_pos(env, &s, self.file(env).expr_pos(args[0]));
                        self.error(env.file, at, format!("invalid append: {why}"));
                        return Operand::invalid(Some(e), self.invalid_type());
                    }
                }
                if let Some(elem) = elem {
                    // Recorded as `func([]E, ...E) []E`.
                    let dots = self.arena.add_type(Type::Slice(elem));
                    self.record_builtin_signature(env, fun, &[s.ty, dots], s.ty, true);
                }
                value(s.ty)
            }
            Builtin::Min | Builtin::Max if !args.is_empty() => {
                self.min_max(env, e, fun, builtin, args)
            }
            Builtin::Real | Builtin::Imag if args.len() == 1 => {
                let x = self.expr(env, args[0]);
                if x.mode == Mode::Invalid {
                    return Operand::invalid(Some(e), self.invalid_type());
                }
                let store = self.store();
                let kind = crate::predicates::basic_kind(&store, x.ty);
                let (part_kind, part) = match kind {
                    Some(BasicKind::Complex64) => (BasicKind::Float32, None),
                    Some(BasicKind::Complex128) => (BasicKind::Float64, None),
                    Some(
                        BasicKind::UntypedComplex
                        | BasicKind::UntypedFloat
                        | BasicKind::UntypedInt
                        | BasicKind::UntypedRune,
                    ) => {
                        let v = x.value.clone().unwrap_or_else(Value::unknown);
                        let part = if builtin == Builtin::Real {
                            goescape_constant::real(&v)
                        } else {
                            goescape_constant::imag(&v)
                        };
                        (BasicKind::UntypedFloat, Some(part))
                    }
                    _ => return Operand::invalid(Some(e), self.invalid_type()),
                };
                let ty = self.universe.basic(part_kind);
                match (x.mode, part) {
                    (Mode::Constant, Some(v)) => Operand::constant(e, ty, v),
                    _ => {
                        self.record_builtin_signature(env, fun, &[x.ty], ty, false);
                        value(ty)
                    }
                }
            }
            Builtin::Complex if args.len() == 2 => {
                let mut re = self.expr(env, args[0]);
                let mut im = self.expr(env, args[1]);
                if re.mode == Mode::Invalid || im.mode == Mode::Invalid {
                    return Operand::invalid(Some(e), self.invalid_type());
                }
                self.match_operand_types(env, &mut re, &mut im);
                let store = self.store();
                let result_kind = match crate::predicates::basic_kind(&store, re.ty) {
                    Some(BasicKind::Float32) => BasicKind::Complex64,
                    Some(BasicKind::Float64) => BasicKind::Complex128,
                    Some(k) if k.is_untyped() => BasicKind::UntypedComplex,
                    _ => return Operand::invalid(Some(e), self.invalid_type()),
                };
                let ty = self.universe.basic(result_kind);
                if re.mode == Mode::Constant && im.mode == Mode::Constant {
                    let (r, i) = (
                        re.value.clone().unwrap_or_else(Value::unknown),
                        im.value.clone().unwrap_or_else(Value::unknown),
                    );
                    let sum = goescape_constant::binary_op(
                        &goescape_constant::to_float(&r),
                        goescape_constant::BinaryOp::Add,
                        &goescape_constant::make_imag(&goescape_constant::to_float(&i)),
                    );
                    return Operand::constant(e, ty, sum);
                }
                let operand_ty = re.ty;
                self.record_builtin_signature(env, fun, &[operand_ty, operand_ty], ty, false);
                value(ty)
            }
            Builtin::Offsetof if args.len() == 1 => {
                // unsafe.Offsetof(x.f): the offset of f within x's struct, through embedded fields.
                self.expr(env, args[0]);
                let selector = self.unparen(env, args[0]);
                let selection = self.info.files[env.file].selections.get(&selector).cloned();
                let Some(selection) = selection else {
                    return Operand::invalid(Some(e), self.invalid_type());
                };
                let store = self.store();
                let base = crate::under::deref(&store, selection.recv).0;
                let offset = self.sizes.offsetof(&store, base, &selection.index);
                match offset {
                    Some(n) => Operand::constant(e, uintptr, Value::from_i64(n)),
                    None => {
                        if let Some(field) = self.store().obj(selection.obj).ty {
                            self.record_builtin_signature(env, fun, &[field], uintptr, false);
                        }
                        value(uintptr)
                    }
                }
            }
            Builtin::Add if args.len() == 2 => {
                let ptr = self.expr(env, args[0]);
                let mut len = self.expr(env, args[1]);
                self.assign_to(env, &mut len, int);
                let pointer = self.universe.basic(BasicKind::UnsafePointer);
                if ptr.mode != Mode::Invalid && len.mode != Mode::Invalid {
                    self.record_builtin_signature(env, fun, &[ptr.ty, len.ty], pointer, false);
                }
                value(pointer)
            }
            Builtin::Slice | Builtin::String if args.len() == 2 => {
                let ptr = self.expr(env, args[0]);
                let mut len = self.expr(env, args[1]);
                self.assign_to(env, &mut len, int);
                if ptr.mode == Mode::Invalid || len.mode == Mode::Invalid {
                    return Operand::invalid(Some(e), self.invalid_type());
                }
                // Recorded as `func(*byte, L) string` and `func(*T, L) []T` (the pointer
                // type as the core type of the argument's).
                let (param, result) = if builtin == Builtin::String {
                    let byte_ptr = self.arena.add_type(Type::Pointer(self.universe.byte));
                    (byte_ptr, self.universe.basic(BasicKind::String))
                } else {
                    let store = self.store();
                    let core = Self::core_under(&store, ptr.ty);
                    let Type::Pointer(elem) = store.ty(core).clone() else {
                        return Operand::invalid(Some(e), self.invalid_type());
                    };
                    (core, self.arena.add_type(Type::Slice(elem)))
                };
                self.record_builtin_signature(env, fun, &[param, len.ty], result, false);
                value(result)
            }
            Builtin::StringData | Builtin::SliceData if args.len() == 1 => {
                let mut x = self.expr(env, args[0]);
                if x.mode == Mode::Invalid {
                    return Operand::invalid(Some(e), self.invalid_type());
                }
                // Recorded as `func(string) *byte` and `func([]T) *T` (the slice type as
                // the core type of the argument's).
                let (param, elem) = if builtin == Builtin::StringData {
                    let string = self.universe.basic(BasicKind::String);
                    self.assign_to(env, &mut x, string);
                    (string, self.universe.byte)
                } else {
                    let store = self.store();
                    let core = Self::core_under(&store, x.ty);
                    match store.ty(core) {
                        Type::Slice(elem) => (core, *elem),
                        _ => return Operand::invalid(Some(e), self.invalid_type()),
                    }
                };
                let result = self.arena.add_type(Type::Pointer(elem));
                self.record_builtin_signature(env, fun, &[param], result, false);
                value(result)
            }
            Builtin::Sizeof | Builtin::Alignof if args.len() == 1 => {
                let mut x = self.expr(env, args[0]);
                if x.mode == Mode::Invalid {
                    return Operand::invalid(Some(e), self.invalid_type());
                }
                let store = self.store();
                let ty = default_type(&store, x.ty);
                let size = if builtin == Builtin::Sizeof {
                    self.sizes.sizeof(&store, ty)
                } else {
                    self.sizes.alignof(&store, ty)
                };
                self.assign_to(env, &mut x, ty);
                match size {
                    Some(n) => Operand::constant(e, uintptr, Value::from_i64(n)),
                    // Of a type of variable size (a type parameter's): a value, and the
                    // signature is recorded as `func(T) uintptr`.
                    None => {
                        self.record_builtin_signature(env, fun, &[x.ty], uintptr, false);
                        value(uintptr)
                    }
                }
            }
            Builtin::Panic if args.len() == 1 => {
                let empty = self.arena.add_type(Type::Interface(Default::default()));
                let mut x = self.expr(env, args[0]);
                self.assign_to(env, &mut x, empty);
                self.record_builtin_signature_opt(env, fun, &[empty], None, false);
                self.no_value(e)
            }
            Builtin::Print | Builtin::Println => {
                let mut params = Vec::new();
                for &arg in args {
                    let mut x = self.expr(env, arg);
                    let ty = default_type(&self.store(), x.ty);
                    self.assign_to(env, &mut x, ty);
                    params.push(x.ty);
                }
                self.record_builtin_signature_opt(env, fun, &params, None, false);
                self.no_value(e)
            }
            Builtin::Close | Builtin::Clear if args.len() == 1 => {
                let x = self.expr(env, args[0]);
                if x.mode == Mode::Invalid {
                    return Operand::invalid(Some(e), self.invalid_type());
                }
                self.record_builtin_signature_opt(env, fun, &[x.ty], None, false);
                self.no_value(e)
            }
            Builtin::Delete if args.len() == 2 => {
                let m = self.expr(env, args[0]);
                let key = {
                    let store = self.store();
                    match store.ty(Self::core_under(&store, m.ty)) {
                        Type::Map { key, .. } => Some(*key),
                        _ => None,
                    }
                };
                let mut k = self.expr(env, args[1]);
                let Some(key) = key else {
                    return Operand::invalid(Some(e), self.invalid_type());
                };
                self.assign_to(env, &mut k, key);
                self.record_builtin_signature_opt(env, fun, &[m.ty, key], None, false);
                self.no_value(e)
            }
            Builtin::Copy if args.len() == 2 => {
                let dst = self.expr(env, args[0]);
                let src = self.expr(env, args[1]);
                if dst.mode == Mode::Invalid || src.mode == Mode::Invalid {
                    return Operand::invalid(Some(e), self.invalid_type());
                }
                // An untyped string source stays untyped; the signature shows its default type.
                let src_ty = default_type(&self.store(), src.ty);
                self.record_builtin_signature(env, fun, &[dst.ty, src_ty], int, false);
                value(int)
            }
            Builtin::Recover if args.is_empty() => {
                let empty = self.arena.add_type(Type::Interface(Default::default()));
                self.record_builtin_signature(env, fun, &[], empty, false);
                value(empty)
            }
            _ => {
                // The other builtins are typed by a later part of the checker.
                for &arg in args {
                    self.expr(env, arg);
                }
                Operand::invalid(Some(e), self.invalid_type())
            }
        }
    }
}
