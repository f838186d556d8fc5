//! Expressions (go/types' `expr.go`): names, literals and the operators, with exact
//! constant folding and the delayed typing of untyped operands.
//!
//! Coverage so far: identifiers and qualified identifiers, basic literals, parentheses,
//! unary and binary operators (arithmetic, comparison, logical, constant shifts, `&`),
//! conversions, type literals, function literals (their signature), calls ([`super::call`])
//! and selectors and composite literals ([`super::selector`]). Other expressions (index,
//! slice, type assertion, receive, dereference, generic instantiation) are not typed yet:
//! they yield an invalid operand and record nothing, so they never produce a wrong type.
//! Assignability and convertibility are not checked yet either: untyped operands get the
//! type they are used as, typed ones keep theirs.

use goescape_constant::{
    binary_op, compare, make_from_literal, representable, shift_by, unary_op, BinaryOp, CompareOp,
    LiteralKind, ShiftOp, UnaryOp, Value,
};
use goescape_syntax::ast::{ExprId, ExprKind, LitKind};
use goescape_syntax::Token;

use super::operand::Operand;
use super::{Checker, Env, Mode, UntypedInfo};
use crate::basic::BasicKind;
use crate::ids::TypeId;
use crate::object::ObjKind;
use crate::predicates::{
    all_boolean, all_integer, all_numeric, all_numeric_or_string, all_ordered, all_string,
    all_unsigned, basic_kind, default_type, has_nil, identical, is_const_type, is_interface,
    is_pointer, is_typed, is_untyped,
};
use crate::ty::Type;

impl Checker<'_> {
    /// Checks `e` and records its type (untyped operands once their final type is known).
    pub(super) fn expr(&mut self, env: Env, e: ExprId) -> Operand {
        let mut x = crate::stack::with_stack(|| self.expr_inner(env, e));
        // A value of a type still being declared: `type T [unsafe.Sizeof(T{})]int`.
        if !matches!(x.mode, Mode::Invalid | Mode::NoValue) && !self.finite_size(x.ty) {
            x = self.invalid(e);
        }
        if x.mode != Mode::Invalid {
            self.record_operand(env, e, &x);
        }
        x
    }

    fn invalid(&self, e: ExprId) -> Operand {
        Operand::invalid(Some(e), self.invalid_type())
    }

    fn record_operand(&mut self, env: Env, e: ExprId, x: &Operand) {
        if is_untyped(&self.store(), x.ty) {
            let info = UntypedInfo {
                is_lhs: false,
                mode: x.mode,
                ty: x.ty,
                value: x.value.clone(),
            };
            self.untyped.insert((env.file, e), info);
        } else {
            self.record(env, e, x.mode, x.ty, x.value.clone());
        }
    }

    fn expr_inner(&mut self, env: Env, e: ExprId) -> Operand {
        let file = self.file(env);
        match &file.expr(e).kind {
            ExprKind::Ident(_) => self.operand_of_name(env, e, false),
            ExprKind::Selector { x, sel } => {
                if self.names_package(env, *x) {
                    self.operand_of_name(env, e, false)
                } else {
                    self.value_selector(env, e, *x, *sel)
                }
            }
            ExprKind::BasicLit { kind, span } => {
                let (literal, ty) = match kind {
                    LitKind::Int => (LiteralKind::Int, BasicKind::UntypedInt),
                    LitKind::Float => (LiteralKind::Float, BasicKind::UntypedFloat),
                    LitKind::Imag => (LiteralKind::Imag, BasicKind::UntypedComplex),
                    LitKind::Char => (LiteralKind::Char, BasicKind::UntypedRune),
                    LitKind::String => (LiteralKind::String, BasicKind::UntypedString),
                };
                if matches!(kind, LitKind::Int | LitKind::Float | LitKind::Imag) {
                    self.numeric_literal_version(env, *span, *kind);
                }
                let value = make_from_literal(file.bytes(*span), literal);
                if value.is_unknown() {
                    let msg = format!("malformed constant: {}", file.text(*span));
                    self.error(env.file, span.pos(), msg);
                    return self.invalid(e);
                }
                Operand::constant(e, self.universe.basic(ty), value)
            }
            ExprKind::Paren { x, .. } => {
                let mut inner = self.expr(env, *x);
                // Inference does not look through parentheses.
                self.non_generic(env, &mut inner);
                inner.expr = Some(e);
                inner
            }
            ExprKind::Unary { op, x, op_pos } if *op != Token::Arrow => {
                let operand = self.expr(env, *x);
                self.unary(env, e, *op, *op_pos, operand)
            }
            ExprKind::Binary { x, op, y, op_pos } => self.binary(env, e, *x, *op, *op_pos, *y),
            ExprKind::Call {
                fun,
                args,
                ellipsis,
                ..
            } => self.call(env, e, *fun, args, ellipsis.is_valid()),
            ExprKind::CompositeLit {
                ty: Some(ty), elts, ..
            } => {
                let (t, open_array) = match &file.expr(*ty).kind {
                    // `[...]T{...}`: the length is one past the largest index, known once
                    // the keys (constant expressions) are checked with the elements.
                    ExprKind::ArrayType {
                        len: Some(len),
                        elt,
                        ..
                    } if matches!(file.expr(*len).kind, ExprKind::Ellipsis { .. }) => {
                        let elem = self.var_type(env, *elt);
                        let array = self.arena.add_type(Type::Array {
                            len: Some(elts.len() as u64),
                            elem,
                        });
                        self.record(env, *ty, Mode::TypeExpr, array, None);
                        (array, true)
                    }
                    _ => (self.type_expr(env, *ty), false),
                };
                if !self.composite_elements(env, e, t, None, elts) {
                    return self.invalid(e);
                }
                if open_array {
                    let count = self.literal_length(env, elts);
                    if let Type::Array { len, .. } = &mut self.arena.types[t.index as usize] {
                        *len = Some(count);
                    }
                }
                Operand::new(Mode::Value, e, t)
            }
            ExprKind::CompositeLit { ty: None, elts, .. } => {
                // Elided types are handled by the enclosing literal: here there is none.
                let pos = file.expr_pos(e);
                self.error(env.file, pos, "missing type in composite literal");
                let invalid = self.invalid_type();
                self.composite_elements(env, e, invalid, None, elts);
                self.invalid(e)
            }
            ExprKind::Index { x, index, .. } => self.index_expr(env, e, *x, *index),
            ExprKind::IndexList { x, indices, .. } => {
                // An instantiated type (`new(M[K, V])`, `M[K, V](m)`) or function value.
                let base = self.expr(env, *x);
                if base.mode == Mode::TypeExpr {
                    self.instantiated_type_operand(env, e)
                } else if base.mode != Mode::Invalid && self.is_generic_signature(base.ty) {
                    self.function_instance(env, e, base, indices)
                } else {
                    self.invalid(e)
                }
            }
            ExprKind::Slice {
                x, low, high, max, ..
            } => {
                let base = self.expr(env, *x);
                let int = self.universe.basic(BasicKind::Int);
                for bound in [low, high, max].into_iter().flatten() {
                    let mut b = self.expr(env, *bound);
                    self.assign_to(env, &mut b, int);
                }
                if base.mode == Mode::Invalid {
                    return self.invalid(e);
                }
                let store = self.store();
                let under = self.core_string_under(&store, base.ty);
                let ty = match store.ty(under) {
                    Type::Basic(b) if b.kind.is_string() => {
                        if b.kind == BasicKind::UntypedString {
                            self.universe.basic(BasicKind::String)
                        } else {
                            base.ty
                        }
                    }
                    Type::Slice(_) => base.ty,
                    Type::Array { elem, .. } => {
                        let elem = *elem;
                        self.arena.add_type(Type::Slice(elem))
                    }
                    Type::Pointer(p) => match store.ty(crate::under::underlying(&store, *p)) {
                        Type::Array { elem, .. } => {
                            let elem = *elem;
                            self.arena.add_type(Type::Slice(elem))
                        }
                        _ => return self.invalid(e),
                    },
                    _ => return self.invalid(e),
                };
                Operand::new(Mode::Value, e, ty)
            }
            ExprKind::TypeAssert {
                x, ty: Some(ty), ..
            } => {
                let subject = self.expr(env, *x);
                if subject.mode == Mode::Invalid {
                    return self.invalid(e);
                }
                let store = self.store();
                if crate::under::is_type_param(&store, subject.ty) {
                    let msg = format!(
                        "invalid operation: cannot use type assertion on type parameter value {}",
                        self.operand_string(env, &subject)
                    );
                    let at = self.operand_pos(env, &subject, file.expr_pos(*x));
                    self.error(env.file, at, msg);
                    return self.invalid(e);
                }
                let subject_under = crate::under::underlying(&store, subject.ty);
                if !matches!(store.ty(subject_under), Type::Interface(_)) {
                    if crate::predicates::is_valid(&store, subject_under) {
                        let msg = format!(
                            "invalid operation: {} is not an interface",
                            self.operand_string(env, &subject)
                        );
                        let at = self.operand_pos(env, &subject, file.expr_pos(*x));
                        self.error(env.file, at, msg);
                    }
                    return self.invalid(e);
                }
                let t = self.var_type(env, *ty);
                if let Some(cause) = self.impossible_assertion(subject.ty, t) {
                    let store = self.store();
                    let q = self.qualifier();
                    let msg = format!(
                        "impossible type assertion: {}\n\t{} does not implement {} {cause}",
                        file.expr_string(e),
                        crate::typestring::type_string(&store, t, &*q),
                        crate::typestring::type_string(&store, subject.ty, &*q),
                    );
                    drop(q);
                    self.error(env.file, file.expr_pos(e), msg);
                }
                Operand::new(Mode::CommaOk, e, t)
            }
            ExprKind::Star { x, .. } => {
                let mut base = self.expr(env, *x);
                self.non_generic(env, &mut base);
                match base.mode {
                    Mode::Invalid => self.invalid(e),
                    Mode::TypeExpr => {
                        let at = file.expr_pos(*x);
                        self.valid_var_type(env.file, at, base.ty);
                        let ty = self.arena.add_type(Type::Pointer(base.ty));
                        Operand::new(Mode::TypeExpr, e, ty)
                    }
                    _ => {
                        let store = self.store();
                        let mut elem: Option<TypeId> = None;
                        // What is wrong: the operand cannot be indirected (true), or its
                        // pointers have different base types (false).
                        let mut failure: Option<bool> = None;
                        let all_pointers = crate::under::under_is(&store, base.ty, &mut |u| {
                            let Some(u) = u else {
                                failure = Some(true);
                                return false;
                            };
                            match store.ty(u) {
                                Type::Pointer(p) => {
                                    if elem.is_some_and(|b| !identical(&store, b, *p)) {
                                        failure = Some(false);
                                        return false;
                                    }
                                    elem = Some(*p);
                                    true
                                }
                                Type::Basic(b) if b.kind == BasicKind::Invalid => false,
                                _ => {
                                    failure = Some(true);
                                    false
                                }
                            }
                        });
                        match (all_pointers, elem) {
                            (true, Some(elem)) => Operand::new(Mode::Variable, e, elem),
                            _ => {
                                if let Some(cannot) = failure {
                                    let operand = self.operand_string(env, &base);
                                    let msg = if cannot {
                                        format!("invalid operation: cannot indirect {operand}")
                                    } else {
                                        format!("invalid operation: pointers of {operand} must have identical base types")
                                    };
                                    let at = self.operand_pos(env, &base, file.expr_pos(*x));
                                    self.error(env.file, at, msg);
                                }
                                self.invalid(e)
                            }
                        }
                    }
                }
            }
            ExprKind::Unary {
                op: Token::Arrow,
                x,
                ..
            } => {
                let ch = self.expr(env, *x);
                match ch.mode {
                    Mode::Invalid => self.invalid(e),
                    Mode::TypeExpr | Mode::NoValue | Mode::Builtin => {
                        let store = self.store();
                        match store.ty(Self::core_under(&store, ch.ty)) {
                            Type::Chan { elem, .. } => Operand::new(Mode::CommaOk, e, *elem),
                            _ => self.invalid(e),
                        }
                    }
                    _ => {
                        let at = self.operand_pos(env, &ch, file.expr_pos(*x));
                        match self.checked_chan_elem(env, at, &ch, true) {
                            Some(elem) => Operand::new(Mode::CommaOk, e, elem),
                            None => self.invalid(e),
                        }
                    }
                }
            }
            ExprKind::ArrayType { .. }
            | ExprKind::StructType { .. }
            | ExprKind::FuncType(_)
            | ExprKind::InterfaceType { .. }
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. } => {
                let ty = self.type_expr(env, e);
                Operand::new(Mode::TypeExpr, e, ty)
            }
            ExprKind::FuncLit { ty, body } => {
                let end = super::extent::block_scope_end(file, body);
                let func_env = self.open_scope(env, ty.func_pos, end);
                let signature = self.signature(func_env, None, ty);
                let sig = self.arena.add_type(Type::Signature(signature.clone()));
                // The literal's signature node has no id of its own: keyed by the literal.
                self.info.files[env.file].func_lit_types.insert(e, sig);
                self.declare_signature_vars(func_env, &signature);
                self.func_body(
                    Env {
                        func: Some(sig),
                        ..func_env
                    },
                    body,
                );
                Operand::new(Mode::Value, e, sig)
            }
            _ => self.invalid(e),
        }
    }

    /// `x` converted to the type `target` it is used as, if it is untyped; reports values
    /// that do not fit (go/types' `convertUntyped`).
    pub(super) fn convert_untyped(&mut self, env: Env, x: &mut Operand, target: TypeId) {
        match self.implicit_type_and_value(x, target) {
            Ok((ty, value)) => {
                if let Some(value) = value {
                    if let Some(entry) = x.expr.and_then(|e| self.untyped.get_mut(&(env.file, e))) {
                        entry.value = Some(value.clone());
                    }
                    x.value = Some(value);
                }
                if ty != x.ty {
                    x.ty = ty;
                    if let Some(e) = x.expr {
                        self.update_expr_type(env, e, ty, false);
                    }
                }
            }
            Err(reason) => {
                let store = self.store();
                let shown_ty = if crate::under::is_type_param(&store, target) {
                    target
                } else {
                    crate::under::underlying(&store, target)
                };
                let shown = crate::typestring::type_string(&store, shown_ty, &*self.qualifier());
                let what = self.operand_string(env, x);
                let msg = match reason {
                    ConversionError::Truncated => format!("{what} truncated to {shown}"),
                    ConversionError::Overflows => format!("{what} overflows {shown}"),
                    ConversionError::Invalid => format!("cannot convert {what} to type {shown}"),
                };
                let pos = x
                    .expr
                    .map_or(goescape_syntax::Pos::NONE, |e| self.file(env).expr_pos(e));
                self.error(env.file, pos, msg);
                x.mode = Mode::Invalid;
            }
        }
    }

    fn implicit_type_and_value(
        &self,
        x: &Operand,
        target: TypeId,
    ) -> Result<(TypeId, Option<Value>), ConversionError> {
        let store = self.store();
        if x.mode == Mode::Invalid
            || is_typed(&store, x.ty)
            || !crate::predicates::is_valid(&store, target)
        {
            return Ok((x.ty, None));
        }
        let untyped_nil = self.universe.basic(BasicKind::UntypedNil);
        if is_untyped(&store, target) {
            return self
                .max_untyped(x.ty, target)
                .map(|t| (t, None))
                .ok_or(ConversionError::Invalid);
        }
        if crate::under::is_type_param(&store, target) {
            // The value must fit each type of the type set.
            let fits = crate::under::under_is(&store, target, &mut |u| {
                u.is_some_and(|u| self.implicit_type_and_value(x, u).is_ok())
            });
            if !fits {
                return Err(ConversionError::Invalid);
            }
            // Untyped nil stays untyped; other untyped values take the type parameter.
            return Ok(if x.ty == untyped_nil {
                (untyped_nil, None)
            } else {
                (target, None)
            });
        }
        let under = crate::under::underlying(&store, target);
        match store.ty(under) {
            Type::Basic(basic) => {
                if x.mode == Mode::Constant {
                    let value = x.value.clone().unwrap_or_else(Value::unknown);
                    return match representable(&value, repr_of(basic.kind)) {
                        Some(rounded) => Ok((target, Some(rounded))),
                        None => Err(representation_error(&store, x.ty, basic.kind)),
                    };
                }
                let ok = match basic_kind(&store, x.ty) {
                    Some(BasicKind::UntypedBool) => basic.kind.is_boolean(),
                    Some(
                        BasicKind::UntypedInt
                        | BasicKind::UntypedRune
                        | BasicKind::UntypedFloat
                        | BasicKind::UntypedComplex,
                    ) => basic.kind.is_numeric(),
                    Some(BasicKind::UntypedString) => basic.kind.is_string(),
                    Some(BasicKind::UntypedNil) => {
                        return if has_nil(&store, target) {
                            Ok((untyped_nil, None))
                        } else {
                            Err(ConversionError::Invalid)
                        };
                    }
                    _ => false,
                };
                if ok {
                    Ok((target, None))
                } else {
                    Err(ConversionError::Invalid)
                }
            }
            Type::Interface(_) if !crate::under::is_type_param(&store, target) => {
                if x.ty == untyped_nil {
                    return Ok((untyped_nil, None));
                }
                let empty = crate::typeset::type_set(&store, target).methods.is_empty();
                if !empty {
                    return Err(ConversionError::Invalid);
                }
                Ok((default_type(&store, x.ty), None))
            }
            Type::Pointer(_)
            | Type::Signature(_)
            | Type::Slice(_)
            | Type::Map { .. }
            | Type::Chan { .. } => {
                if x.ty == untyped_nil {
                    Ok((untyped_nil, None))
                } else {
                    Err(ConversionError::Invalid)
                }
            }
            _ => Err(ConversionError::Invalid),
        }
    }

    /// The "larger" of two untyped numeric kinds (int < rune < float < complex), or the
    /// type itself if both are the same.
    fn max_untyped(&self, x: TypeId, y: TypeId) -> Option<TypeId> {
        let store = self.store();
        let (kx, ky) = (basic_kind(&store, x)?, basic_kind(&store, y)?);
        if kx.is_numeric() && ky.is_numeric() {
            return Some(if kx >= ky { x } else { y });
        }
        (kx == ky).then_some(x)
    }

    /// Gives the untyped expression `e` (and the operands it was computed from) the type
    /// it ends up with (go/types' `updateExprType`).
    pub(super) fn update_expr_type(&mut self, env: Env, e: ExprId, ty: TypeId, is_final: bool) {
        crate::stack::with_stack(|| self.update_expr_type_inner(env, e, ty, is_final));
    }

    fn update_expr_type_inner(&mut self, env: Env, e: ExprId, ty: TypeId, is_final: bool) {
        let Some(old) = self.untyped.get(&(env.file, e)).cloned() else {
            return;
        };
        let file = self.file(env);
        match &file.expr(e).kind {
            ExprKind::Paren { x, .. } => self.update_expr_type(env, *x, ty, is_final),
            ExprKind::Unary { x, .. } if old.value.is_none() => {
                self.update_expr_type(env, *x, ty, is_final);
            }
            ExprKind::Binary { x, op, y, .. } if old.value.is_none() => {
                if is_comparison(*op) {
                    // The operands already have their final types.
                } else if matches!(op, Token::Shl | Token::Shr) {
                    self.update_expr_type(env, *x, ty, is_final);
                } else {
                    self.update_expr_type(env, *x, ty, is_final);
                    self.update_expr_type(env, *y, ty, is_final);
                }
            }
            _ => {}
        }
        let (ty_is_untyped, ty_under, ty_is_integer) = {
            let store = self.store();
            (
                is_untyped(&store, ty),
                crate::under::underlying(&store, ty),
                all_integer(&store, ty),
            )
        };
        if !is_final && ty_is_untyped {
            if let Some(entry) = self.untyped.get_mut(&(env.file, e)) {
                entry.ty = ty_under;
            }
            return;
        }
        self.untyped.remove(&(env.file, e));
        if old.is_lhs && !ty_is_integer {
            let shown = crate::typestring::type_string(&self.store(), ty, &*self.qualifier());
            let msg = format!(
                "invalid operation: shifted operand {} (type {shown}) must be integer",
                file.expr_string(e)
            );
            self.error(env.file, file.expr_pos(e), msg);
            return;
        }
        if old.value.is_some() {
            let mut c = Operand {
                mode: old.mode,
                expr: Some(e),
                ty: old.ty,
                value: old.value.clone(),
                builtin: None,
            };
            self.convert_untyped(env, &mut c, ty);
            if c.mode == Mode::Invalid {
                return;
            }
        }
        self.record(env, e, old.mode, ty, old.value);
    }

    fn unary(
        &mut self,
        env: Env,
        e: ExprId,
        op: Token,
        op_pos: goescape_syntax::Pos,
        mut x: Operand,
    ) -> Operand {
        if x.mode == Mode::Invalid || x.ty == self.invalid_type() {
            return self.invalid(e);
        }
        // Errors about the operand quote it as written, without the operator.
        let operand = x.clone();
        x.expr = Some(e);
        let store = self.store();
        if op == Token::And {
            // `&x`: x must be addressable (or a composite literal, `&T{}`).
            let file = self.file(env);
            let operand = match &file.expr(e).kind {
                ExprKind::Unary { x, .. } => *x,
                _ => return self.invalid(e),
            };
            let literal = matches!(
                file.expr(self.unparen(env, operand)).kind,
                ExprKind::CompositeLit { .. }
            );
            if x.mode != Mode::Variable && !literal {
                let msg = format!(
                    "invalid operation: cannot take address of {}",
                    self.operand_string(env, &x)
                );
                self.error(env.file, op_pos, msg);
                return self.invalid(e);
            }
            let ty = self.arena.add_type(Type::Pointer(x.ty));
            return Operand::new(Mode::Value, e, ty);
        }
        let (ok, what) = match op {
            Token::Add | Token::Sub => (all_numeric(&store, x.ty), "numeric"),
            Token::Xor => (all_integer(&store, x.ty), "integer"),
            Token::Not => (all_boolean(&store, x.ty), "boolean"),
            _ => return self.invalid(e), // `<-`, `~`: not typed yet
        };
        if !ok {
            let msg = format!(
                "invalid operation: operator {} not defined on {}",
                op.as_str(),
                self.operand_string(env, &operand)
            );
            let _ = what;
            let at = self.operand_pos(env, &operand, op_pos);
            self.error(env.file, at, msg);
            return self.invalid(e);
        }
        if x.mode == Mode::Constant {
            let value = x.value.clone().unwrap_or_else(Value::unknown);
            let prec = if is_typed(&store, x.ty) && all_unsigned(&store, x.ty) {
                self.sizes
                    .sizeof(&store, x.ty)
                    .map_or(0, |size| size as u32 * 8)
            } else {
                0
            };
            let op = match op {
                Token::Add => UnaryOp::Plus,
                Token::Sub => UnaryOp::Neg,
                Token::Xor => UnaryOp::Xor,
                _ => UnaryOp::Not,
            };
            x.value = Some(unary_op(op, &value, prec));
            self.overflow(env, &mut x, op_pos);
            return x;
        }
        x.mode = Mode::Value;
        x
    }

    /// Reports constants that do not fit their type (or exceed untyped precision).
    fn overflow(&mut self, env: Env, x: &mut Operand, op_pos: goescape_syntax::Pos) {
        let store = self.store();
        let Some(value) = x.value.clone() else { return };
        if value.is_unknown() {
            self.error(env.file, op_pos, "constant result is not representable");
            return;
        }
        if is_typed(&store, x.ty) {
            if let Some(kind) = basic_kind(&store, x.ty) {
                match representable(&value, repr_of(kind)) {
                    Some(rounded) => x.value = Some(rounded),
                    None => {
                        let msg = format!(
                            "{} overflows {}",
                            self.operand_string(env, x),
                            crate::typestring::type_string(&store, x.ty, &*self.qualifier())
                        );
                        self.error(env.file, op_pos, msg);
                        x.mode = Mode::Invalid;
                    }
                }
            }
            return;
        }
        const PREC: usize = 512;
        if value.kind() == goescape_constant::Kind::Int && value.bit_len() > PREC {
            let op = x
                .expr
                .map_or("", |e| overflow_op_name(&self.input.files[env.file], e));
            let msg = if op.is_empty() {
                "constant overflow".to_owned()
            } else {
                format!("constant {op} overflow")
            };
            self.error(env.file, op_pos, msg);
            x.value = Some(Value::unknown());
        }
    }

    fn binary(
        &mut self,
        env: Env,
        e: ExprId,
        lhs: ExprId,
        op: Token,
        op_pos: goescape_syntax::Pos,
        rhs: ExprId,
    ) -> Operand {
        let mut x = self.expr(env, lhs);
        let mut y = self.expr(env, rhs);
        // An operand of invalid type was reported (or not typed yet): no follow-on errors.
        let invalid = self.invalid_type();
        if x.mode == Mode::Invalid || y.mode == Mode::Invalid || x.ty == invalid || y.ty == invalid
        {
            return self.invalid(e);
        }
        if matches!(op, Token::Shl | Token::Shr) {
            return self.shift(env, e, x, y, op, op_pos);
        }
        self.match_types(env, &mut x, &mut y);
        if x.mode == Mode::Invalid || y.mode == Mode::Invalid {
            return self.invalid(e);
        }
        if is_comparison(op) {
            return self.comparison(env, e, x, y, op, op_pos);
        }
        let store = self.store();
        if !identical(&store, x.ty, y.ty) {
            let shown = |t| crate::typestring::type_string(&store, t, &*self.qualifier());
            let file = self.file(env);
            let msg = format!(
                "invalid operation: {} (mismatched types {} and {})",
                file.expr_string(e),
                shown(x.ty),
                shown(y.ty)
            );
            self.error(env.file, file.expr_pos(lhs), msg);
            return self.invalid(e);
        }
        let defined = match op {
            Token::Add => all_numeric_or_string(&store, x.ty),
            Token::Sub | Token::Mul | Token::Quo => all_numeric(&store, x.ty),
            Token::Rem | Token::And | Token::Or | Token::Xor | Token::AndNot => {
                all_integer(&store, x.ty)
            }
            Token::LAnd | Token::LOr => all_boolean(&store, x.ty),
            _ => false,
        };
        if !defined {
            let msg = format!(
                "invalid operation: operator {} not defined on {}",
                op.as_str(),
                self.operand_string(env, &x)
            );
            let at = self.operand_pos(env, &x, op_pos);
            self.error(env.file, at, msg);
            return self.invalid(e);
        }
        if matches!(op, Token::Quo | Token::Rem)
            && (x.mode == Mode::Constant || all_integer(&store, x.ty))
            && y.mode == Mode::Constant
            && y.value.as_ref().is_some_and(|v| v.sign() == 0)
        {
            self.error(
                env.file,
                self.file(env).expr_pos(rhs),
                "invalid operation: division by zero",
            );
            return self.invalid(e);
        }
        if x.mode == Mode::Constant && y.mode == Mode::Constant {
            let (xv, yv) = (
                x.value.clone().unwrap_or_else(Value::unknown),
                y.value.clone().unwrap_or_else(Value::unknown),
            );
            let integer_division = op == Token::Quo && all_integer(&store, x.ty);
            let op = match op {
                Token::Add => BinaryOp::Add,
                Token::Sub => BinaryOp::Sub,
                Token::Mul => BinaryOp::Mul,
                Token::Quo if integer_division => BinaryOp::IntDiv,
                Token::Quo => BinaryOp::Quo,
                Token::Rem => BinaryOp::Rem,
                Token::And => BinaryOp::And,
                Token::Or => BinaryOp::Or,
                Token::Xor => BinaryOp::Xor,
                Token::AndNot => BinaryOp::AndNot,
                Token::LAnd => BinaryOp::LogAnd,
                _ => BinaryOp::LogOr,
            };
            let mut result = Operand::constant(e, x.ty, binary_op(&xv, op, &yv));
            self.overflow(env, &mut result, op_pos);
            return result;
        }
        Operand::new(Mode::Value, e, x.ty)
    }

    /// [`Self::match_types`] for callers outside this module (the `min`/`max` builtins).
    pub(super) fn match_operand_types(&mut self, env: Env, x: &mut Operand, y: &mut Operand) {
        self.match_types(env, x, y);
    }

    /// Converts untyped operands of a binary operation towards each other's types.
    fn match_types(&mut self, env: Env, x: &mut Operand, y: &mut Operand) {
        let store = self.store();
        let untyped_nil = self.universe.basic(BasicKind::UntypedNil);
        let may_convert = {
            let (xt, yt) = (x.ty, y.ty);
            // Two typed operands need no conversion; a numeric operand converts only to
            // a numeric type.
            if (is_typed(&store, xt) && is_typed(&store, yt))
                || all_numeric(&store, xt) != all_numeric(&store, yt)
            {
                false
            } else if crate::predicates::is_non_type_param_interface(&store, xt)
                || crate::predicates::is_non_type_param_interface(&store, yt)
            {
                true
            } else if all_boolean(&store, xt) != all_boolean(&store, yt)
                || all_string(&store, xt) != all_string(&store, yt)
            {
                false
            } else if xt == untyped_nil {
                has_nil(&store, yt)
            } else if yt == untyped_nil {
                has_nil(&store, xt)
            } else {
                !(is_pointer(&store, xt) || is_pointer(&store, yt))
            }
        };
        if may_convert {
            let y_ty = y.ty;
            self.convert_untyped(env, x, y_ty);
            if x.mode == Mode::Invalid {
                return;
            }
            let x_ty = x.ty;
            self.convert_untyped(env, y, x_ty);
            if y.mode == Mode::Invalid {
                x.mode = Mode::Invalid;
            }
        }
    }

    fn comparison(
        &mut self,
        env: Env,
        e: ExprId,
        x: Operand,
        y: Operand,
        op: Token,
        op_pos: goescape_syntax::Pos,
    ) -> Operand {
        if let Some((on_x, cause)) = self.comparison_failure(&x, &y, op) {
            let file = self.file(env);
            let msg = format!("invalid operation: {} ({cause})", file.expr_string(e));
            let at = self.operand_pos(env, if on_x { &x } else { &y }, op_pos);
            self.error(env.file, at, msg);
            return self.invalid(e);
        }
        let store = self.store();
        let untyped_bool = self.universe.basic(BasicKind::UntypedBool);
        if x.mode == Mode::Constant && y.mode == Mode::Constant {
            let (xv, yv) = (
                x.value.unwrap_or_else(Value::unknown),
                y.value.unwrap_or_else(Value::unknown),
            );
            let op = match op {
                Token::Eql => CompareOp::Eq,
                Token::Neq => CompareOp::Ne,
                Token::Lss => CompareOp::Lt,
                Token::Leq => CompareOp::Le,
                Token::Gtr => CompareOp::Gt,
                _ => CompareOp::Ge,
            };
            let value = Value::from_bool(compare(&xv, op, &yv));
            return Operand::constant(e, untyped_bool, value);
        }
        // The operands get their default types now.
        let defaults = [
            (x.expr, default_type(&store, x.ty)),
            (y.expr, default_type(&store, y.ty)),
        ];
        for (expr, ty) in defaults {
            if let Some(expr) = expr {
                self.update_expr_type(env, expr, ty, true);
            }
        }
        Operand::new(Mode::Value, e, untyped_bool)
    }

    /// Why `x op y` is not a valid comparison, as go/types words it, and whether the error
    /// is about `x` (else `y`); None if it is valid.
    pub(super) fn comparison_failure(
        &self,
        x: &Operand,
        y: &Operand,
        op: Token,
    ) -> Option<(bool, String)> {
        let store = self.store();
        let untyped_nil = self.universe.basic(BasicKind::UntypedNil);
        let nil_comparison = (x.ty == untyped_nil && has_nil(&store, y.ty))
            || (y.ty == untyped_nil && has_nil(&store, x.ty));
        let assignable = identical(&store, x.ty, y.ty)
            || is_interface(&store, x.ty)
            || is_interface(&store, y.ty)
            || nil_comparison
            || channels_assignable(&store, x.ty, y.ty)
            || channels_assignable(&store, y.ty, x.ty);
        let ordered = matches!(op, Token::Lss | Token::Leq | Token::Gtr | Token::Geq);
        // The operand the error is about, and why, as go/types decides them.
        let x_nil = x.ty == untyped_nil;
        let failure: Option<(bool, String)> = if !assignable {
            let q = self.qualifier();
            let cause = format!(
                "mismatched types {} and {}",
                crate::typestring::type_string(&store, x.ty, &*q),
                crate::typestring::type_string(&store, y.ty, &*q)
            );
            Some((false, cause))
        } else if ordered {
            if !all_ordered(&store, x.ty) {
                Some((true, String::new()))
            } else if !all_ordered(&store, y.ty) {
                Some((false, String::new()))
            } else {
                None
            }
        } else if x_nil || y.ty == untyped_nil {
            let other = if x_nil { y.ty } else { x.ty };
            (!has_nil(&store, other)).then(|| (false, String::new()))
        } else {
            let q = self.qualifier();
            let cause = |ty| {
                let under = crate::under::underlying(&store, ty);
                match store.ty(under) {
                    Type::Slice(_) | Type::Signature(_) | Type::Map { .. } => Some(format!(
                        "{} can only be compared to nil",
                        composite_kind(&store, ty)
                    )),
                    _ => crate::predicates::comparable_type(
                        &store,
                        ty,
                        true,
                        &mut rustc_hash::FxHashSet::default(),
                    )
                    .err()
                    .map(|why| why.message(&store, &*q)),
                }
            };
            match cause(x.ty) {
                Some(why) => Some((true, why)),
                None => cause(y.ty).map(|why| (false, why)),
            }
        };
        let (mut on_x, mut cause) = failure?;
        {
            let op_str = op.as_str();
            if cause.is_empty() {
                let (x_param, y_param) = (
                    crate::under::is_type_param(&store, x.ty),
                    crate::under::is_type_param(&store, y.ty),
                );
                if x_param || y_param {
                    on_x = x_param;
                    let ty = if on_x { x.ty } else { y.ty };
                    cause = format!(
                        "type parameter {} cannot use operator {op_str}",
                        crate::typestring::type_string(&store, ty, &*self.qualifier())
                    );
                } else {
                    let ty = if on_x { x.ty } else { y.ty };
                    let kind = composite_kind(&store, ty);
                    let what = if kind.is_empty() {
                        crate::typestring::type_string(&store, ty, &*self.qualifier())
                    } else {
                        kind.to_owned()
                    };
                    cause = format!("operator {op_str} not defined on {what}");
                }
            }
        }
        Some((on_x, cause))
    }

    fn shift(
        &mut self,
        env: Env,
        e: ExprId,
        mut x: Operand,
        mut y: Operand,
        op: Token,
        op_pos: goescape_syntax::Pos,
    ) -> Operand {
        let store = self.store();
        let x_int = (x.mode == Mode::Constant)
            .then(|| goescape_constant::to_int(&x.value.clone().unwrap_or_else(Value::unknown)));
        let x_ok = all_integer(&store, x.ty)
            || (is_untyped(&store, x.ty)
                && x_int
                    .as_ref()
                    .is_some_and(|v| v.kind() == goescape_constant::Kind::Int));
        if !x_ok {
            let msg = format!(
                "invalid operation: shifted operand {} must be integer",
                self.operand_string(env, &x)
            );
            let at = self.operand_pos(env, &x, op_pos);
            self.error(env.file, at, msg);
            return self.invalid(e);
        }
        let uint = self.universe.basic(BasicKind::Uint);
        let y_untyped = is_untyped(&store, y.ty);
        let y_integer = all_integer(&store, y.ty);
        let mut count = None;
        if y.mode == Mode::Constant {
            let y_int = goescape_constant::to_int(&y.value.clone().unwrap_or_else(Value::unknown));
            if y_int.kind() == goescape_constant::Kind::Int && y_int.sign() < 0 {
                let msg = format!(
                    "invalid operation: negative shift count {}",
                    self.operand_string(env, &y)
                );
                let at = self.operand_pos(env, &y, op_pos);
                self.error(env.file, at, msg);
                return self.invalid(e);
            }
            // An untyped count is taken as a uint: `1e9` counts as 1000000000.
            if y_untyped && y_int.kind() == goescape_constant::Kind::Int {
                y.value = Some(y_int.clone());
            }
            count = Some(y_int);
        } else if y_integer {
            if !crate::predicates::all_unsigned(&store, y.ty) && !self.allow_version(env.file, 13) {
                let msg = format!(
                    "invalid operation: signed shift count {} requires go1.13 or later",
                    self.operand_string(env, &y)
                );
                let at = self.operand_pos(env, &y, op_pos);
                self.error(env.file, at, msg);
                return self.invalid(e);
            }
        } else if y_untyped {
            self.convert_untyped(env, &mut y, uint);
            if y.mode == Mode::Invalid {
                return self.invalid(e);
            }
        } else if !y_integer {
            let msg = format!(
                "invalid operation: shift count {} must be integer",
                self.operand_string(env, &y)
            );
            let at = self.operand_pos(env, &y, op_pos);
            self.error(env.file, at, msg);
            return self.invalid(e);
        }
        if let (Some(x_int), Some(count)) = (x_int, count) {
            // A constant shift; of an unknown value (after an error) it is unknown, silently.
            if x_int.is_unknown() || count.is_unknown() {
                if !crate::predicates::is_integer(&self.store(), x.ty) {
                    x.ty = self.universe.basic(BasicKind::UntypedInt);
                }
                x.value = Some(Value::unknown());
                x.expr = Some(e);
                return x;
            }
            const SHIFT_BOUND: u64 = 1023 - 1 + 52;
            let (s, exact) = count.uint64_val();
            if count.kind() != goescape_constant::Kind::Int || !exact || s > SHIFT_BOUND {
                let msg = format!(
                    "invalid operation: invalid shift count {}",
                    self.operand_string(env, &y)
                );
                let at = self.operand_pos(env, &y, op_pos);
                self.error(env.file, at, msg);
                return self.invalid(e);
            }
            if !crate::predicates::is_integer(&self.store(), x.ty) {
                x.ty = self.universe.basic(BasicKind::UntypedInt);
            }
            let op = if op == Token::Shl {
                ShiftOp::Shl
            } else {
                ShiftOp::Shr
            };
            x.value = Some(shift_by(&x_int, op, &Value::from_u64(s)));
            x.expr = Some(e);
            self.overflow(env, &mut x, op_pos);
            return x;
        }
        if x.mode == Mode::Constant && is_untyped(&self.store(), x.ty) {
            // `1 << n`: the constant takes its type from the context, which must be an integer.
            if let Some(entry) = x
                .expr
                .and_then(|lhs| self.untyped.get_mut(&(env.file, lhs)))
            {
                entry.is_lhs = true;
            }
        }
        Operand::new(Mode::Value, e, x.ty)
    }

    /// `T(x)` for a basic target type: constant conversions and their representability.
    pub(super) fn conversion(
        &mut self,
        env: Env,
        e: ExprId,
        mut x: Operand,
        target: TypeId,
    ) -> Operand {
        if x.mode == Mode::Invalid {
            return self.invalid(e);
        }
        let store = self.store();
        let constant_arg = x.mode == Mode::Constant;
        if !constant_arg || !is_const_type(&store, target) {
            if let Some((minor, what)) = self.slice_to_array_conversion(x.ty, target) {
                if !self.allow_version(env.file, minor) {
                    let shown = crate::typestring::type_string(&store, target, &*self.qualifier());
                    let msg = format!(
                        "cannot convert {} to type {shown}: conversion of slice to {what} requires go1.{minor} or later",
                        self.operand_string(env, &x)
                    );
                    let at = self.operand_pos(env, &x, self.file(env).expr_pos(e));
                    self.error(env.file, at, msg);
                    return self.invalid(e);
                }
            }
            if let Some(cause) = self.conversion_failure(env, &x, target) {
                // A constant converted to a type parameter is no constant any more, and is
                // described as such.
                let mut shown_x = x.clone();
                if shown_x.mode == Mode::Constant {
                    shown_x.mode = Mode::Value;
                }
                let store = self.store();
                let shown = crate::typestring::type_string(&store, target, &*self.qualifier());
                let mut msg = format!(
                    "cannot convert {} to type {shown}",
                    self.operand_string(env, &shown_x)
                );
                if !cause.is_empty() {
                    msg.push_str(": ");
                    msg.push_str(&cause);
                }
                let at = self.operand_pos(env, &x, self.file(env).expr_pos(e));
                self.error(env.file, at, msg);
                return self.invalid(e);
            }
            let store = self.store();
            // A value conversion. An untyped argument
            // keeps its default type where the target cannot hold a constant.
            if is_untyped(&store, x.ty) {
                let untyped_nil = self.universe.basic(BasicKind::UntypedNil);
                let final_ty = if crate::predicates::is_non_type_param_interface(&store, target)
                    || (constant_arg && !is_const_type(&store, target))
                    || x.ty == untyped_nil
                {
                    default_type(&store, x.ty)
                } else {
                    target
                };
                if let Some(arg) = x.expr {
                    self.update_expr_type(env, arg, final_ty, true);
                }
            }
            return Operand::new(Mode::Value, e, target);
        }
        let Some(kind) = basic_kind(&store, target) else {
            return self.invalid(e);
        };
        let value = x.value.clone().unwrap_or_else(Value::unknown);
        let converted = if kind.is_string() && all_integer(&store, x.ty) {
            // string(65) is "A"; invalid code points give "\uFFFD".
            let code_point = value.int64_val();
            let c = match code_point {
                (n, true) => u32::try_from(n)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or('\u{FFFD}'),
                _ => '\u{FFFD}',
            };
            Some(Value::from_string(c.to_string()))
        } else if (kind.is_numeric() && all_numeric(&store, x.ty))
            || (kind.is_string() && all_string(&store, x.ty))
            || (kind.is_boolean() && all_boolean(&store, x.ty))
        {
            representable(&value, repr_of(kind))
        } else {
            None
        };
        let Some(converted) = converted else {
            let shown = crate::typestring::type_string(&store, target, &*self.qualifier());
            let msg = format!(
                "cannot convert {} to type {shown}",
                self.operand_string(env, &x)
            );
            self.error(env.file, self.file(env).expr_pos(e), msg);
            return self.invalid(e);
        };
        if is_untyped(&store, x.ty) {
            if let Some(arg) = x.expr {
                let final_ty = if all_integer(&store, x.ty) && kind.is_string() {
                    x.ty
                } else {
                    target
                };
                self.update_expr_type(env, arg, final_ty, true);
            }
        }
        x.mode = Mode::Constant;
        x.ty = target;
        x.value = Some(converted);
        x.expr = Some(e);
        x
    }

    /// Why a value of the interface type `v` can never hold a `t` (go/types'
    /// `assertableTo`): `t` lacks a method of `v`; None if it may.
    pub(super) fn impossible_assertion(&mut self, v: TypeId, t: TypeId) -> Option<String> {
        let store = self.store();
        if !crate::predicates::is_valid(&store, t) || is_interface(&store, t) {
            return None;
        }
        let missing = self.missing_method_in(t, v, false)?;
        Some(self.missing_method_cause(t, missing))
    }

    /// Reports a generic type or function used without instantiation where nothing could
    /// instantiate it (go/types' `nonGeneric` without a target type), and invalidates `x`.
    pub(super) fn non_generic(&mut self, env: Env, x: &mut Operand) {
        let what = {
            let store = self.store();
            match (x.mode, store.ty(x.ty)) {
                (Mode::TypeExpr, Type::Named(n))
                    if !n.type_params.is_empty() && n.origin.is_none() =>
                {
                    "type"
                }
                (Mode::TypeExpr, Type::Alias(a))
                    if !a.type_params.is_empty() && a.origin.is_none() =>
                {
                    "type"
                }
                (Mode::Value | Mode::Variable, Type::Signature(sig))
                    if !sig.type_params.is_empty() =>
                {
                    "function"
                }
                _ => return,
            }
        };
        let Some(e) = x.expr else { return };
        let file = self.file(env);
        let msg = format!(
            "cannot use generic {what} {} without instantiation",
            file.expr_string(e)
        );
        self.error(env.file, file.expr_pos(e), msg);
        *x = Operand::invalid(Some(e), self.invalid_type());
    }

    /// For a conversion of a slice to an array (Go 1.20) or to a pointer to an array
    /// (Go 1.17) with the same element type: the version it needs and what it is called.
    fn slice_to_array_conversion(&self, from: TypeId, to: TypeId) -> Option<(u32, &'static str)> {
        let store = self.store();
        use crate::under::{is_type_param, underlying};
        if is_type_param(&store, from) || is_type_param(&store, to) {
            return None;
        }
        let Type::Slice(elem) = store.ty(underlying(&store, from)) else {
            return None;
        };
        match store.ty(underlying(&store, to)) {
            Type::Array { elem: a, .. } if identical(&store, *elem, *a) => Some((20, "array")),
            Type::Pointer(base) => match store.ty(underlying(&store, *base)) {
                Type::Array { elem: a, .. } if identical(&store, *elem, *a) => {
                    Some((17, "array pointer"))
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// Records that an import's package name is referred to.
    fn mark_package_used(&mut self, pkg_name: crate::ids::ObjId) {
        if pkg_name.pkg != self.arena.idx {
            return;
        }
        if let ObjKind::PkgName { used, .. } = &mut self.arena.objects[pkg_name.index as usize].kind
        {
            *used = true;
        }
    }

    /// The operand a name denotes: an identifier, or `pkg.Name` (a qualified identifier).
    /// With `want_type`, a name that does not denote a type is reported as such.
    pub(super) fn operand_of_name(&mut self, env: Env, e: ExprId, want_type: bool) -> Operand {
        let file = self.file(env);
        let (ident, obj) = match &file.expr(e).kind {
            ExprKind::Ident(ident) => {
                let name = file.ident_name(*ident);
                if name == "_" {
                    self.error(env.file, ident.pos(), "cannot use _ as value or type");
                    return self.invalid(e);
                }
                match self.lookup(env, &name) {
                    Some(obj) => {
                        if obj.pkg == self.universe.scope.pkg
                            && (name == "comparable" || name == "any")
                            && !self.verify_version(env.file, ident.pos(), 18, || {
                                format!("predeclared {name}")
                            })
                        {
                            return self.invalid(e);
                        }
                        // A dot-imported name uses its import.
                        if let Some(&pkg_name) = self.dot_imports.get(&(env.file, obj)) {
                            self.mark_package_used(pkg_name);
                        }
                        self.mark_var_used(obj);
                        (*ident, obj)
                    }
                    None => {
                        self.error(env.file, ident.pos(), format!("undefined: {name}"));
                        return self.invalid(e);
                    }
                }
            }
            ExprKind::Selector { x, sel } => {
                let ExprKind::Ident(pkg_ident) = file.expr(*x).kind else {
                    return self.invalid(e);
                };
                let pkg_name = file.ident_name(pkg_ident);
                let Some(pkg_obj) = self.lookup(env, &pkg_name) else {
                    self.error(env.file, pkg_ident.pos(), format!("undefined: {pkg_name}"));
                    return self.invalid(e);
                };
                let ObjKind::PkgName { imported, .. } = self.store().obj(pkg_obj).kind else {
                    return self.invalid(e); // field and method selectors: not typed yet
                };
                self.info.files[env.file]
                    .uses
                    .insert(pkg_ident.pos().0, pkg_obj);
                self.mark_package_used(pkg_obj);
                let name = file.ident_name(*sel);
                let scope = self.store().package(imported).scope;
                let found = scope.and_then(|scope| self.store().scope(scope).lookup(&name));
                let exported = name.chars().next().is_some_and(char::is_uppercase);
                match found {
                    Some(obj) if exported => (*sel, obj),
                    _ => {
                        let msg = if found.is_some() {
                            format!("name {name} not exported by package {pkg_name}")
                        } else {
                            format!("undefined: {pkg_name}.{name}")
                        };
                        self.error(env.file, sel.pos(), msg);
                        return self.invalid(e);
                    }
                }
            }
            _ => return self.invalid(e),
        };
        self.info.files[env.file].uses.insert(ident.pos().0, obj);
        if want_type && !self.store().obj(obj).is_type_name() {
            let store = self.store();
            let object = store.obj(obj);
            let msg = format!(
                "{} ({}) is not a type",
                object.name,
                object_kind(&store, obj)
            );
            self.error(env.file, ident.pos(), msg);
            return self.invalid(e);
        }
        if obj.pkg == self.arena.idx {
            self.obj_decl(obj);
            self.add_decl_dep(obj);
        }
        let store = self.store();
        let object = store.obj(obj);
        let invalid = self.invalid_type();
        let ty = object.ty.unwrap_or(invalid);
        let mut x = Operand::new(Mode::Invalid, e, ty);
        match &object.kind {
            ObjKind::PkgName { .. } => {
                let msg = format!("use of package {} not in selector", object.name);
                self.error(env.file, ident.pos(), msg);
                return self.invalid(e);
            }
            ObjKind::Const(value) => {
                if obj == self.universe.iota {
                    match &self.iota {
                        Some(iota) => x.value = Some(iota.clone()),
                        None => {
                            self.error(
                                env.file,
                                ident.pos(),
                                "cannot use iota outside constant declaration",
                            );
                            return self.invalid(e);
                        }
                    }
                } else {
                    x.value = Some(value.clone());
                }
                if ty == invalid {
                    return self.invalid(e);
                }
                x.mode = Mode::Constant;
            }
            ObjKind::TypeName => {
                if object.ty.is_none() {
                    return self.invalid(e);
                }
                x.mode = Mode::TypeExpr;
            }
            ObjKind::Var(_) => {
                if object.ty.is_none() {
                    return self.invalid(e);
                }
                x.mode = Mode::Variable;
            }
            ObjKind::Func(_) => {
                if object.ty.is_none() {
                    return self.invalid(e);
                }
                x.mode = Mode::Value;
            }
            ObjKind::Builtin(builtin) => {
                x.mode = Mode::Builtin;
                x.builtin = Some(*builtin);
            }
            ObjKind::Nil => {
                x.mode = Mode::Value;
                x.ty = self.universe.basic(BasicKind::UntypedNil);
            }
            ObjKind::Label { .. } => return self.invalid(e),
        }
        x
    }
}

impl Checker<'_> {
    /// The length of `[...]T{elts}`, its elements checked: one past the largest index,
    /// counting the (constant) keys as recorded.
    fn literal_length(&self, env: Env, elts: &[ExprId]) -> u64 {
        let file = self.file(env);
        let recorded = &self.info.files[env.file].types;
        let (mut index, mut length) = (0u64, 0u64);
        for &elt in elts {
            if let ExprKind::KeyValue { key, .. } = &file.expr(elt).kind {
                let value = recorded.get(key).and_then(|tv| tv.value.as_ref());
                if let Some((n, true)) = value.map(|v| goescape_constant::to_int(v).uint64_val()) {
                    index = n;
                }
            }
            index += 1;
            length = length.max(index);
        }
        length
    }

    /// `x[i]` on arrays, slices, strings, maps and pointers to arrays.
    /// `G[A, ...]` in an expression, `G` a generic type: the instance, as a type.
    fn instantiated_type_operand(&mut self, env: Env, e: ExprId) -> Operand {
        let ty = self.type_expr(env, e);
        if ty == self.invalid_type() {
            return self.invalid(e);
        }
        Operand::new(Mode::TypeExpr, e, ty)
    }

    fn index_expr(&mut self, env: Env, e: ExprId, x: ExprId, index: ExprId) -> Operand {
        let base = self.expr(env, x);
        if base.mode == Mode::TypeExpr {
            return self.instantiated_type_operand(env, e);
        }
        if base.mode == Mode::Invalid {
            self.expr(env, index);
            return self.invalid(e);
        }
        if self.is_generic_signature(base.ty) {
            return self.function_instance(env, e, base, &[index]);
        }
        let store = self.store();
        let under = Self::core_under(&store, base.ty);
        let int = self.universe.basic(BasicKind::Int);
        let (mode, elem, key) = match store.ty(under) {
            Type::Basic(b) if b.kind.is_string() => (Mode::Value, self.universe.byte, int),
            Type::Slice(elem) => (Mode::Variable, *elem, int),
            Type::Array { elem, .. } => (
                if base.mode == Mode::Variable {
                    Mode::Variable
                } else {
                    Mode::Value
                },
                *elem,
                int,
            ),
            Type::Pointer(p) => match store.ty(crate::under::underlying(&store, *p)) {
                Type::Array { elem, .. } => (Mode::Variable, *elem, int),
                _ => {
                    self.expr(env, index);
                    return self.invalid(e);
                }
            },
            Type::Map { key, elem } => (Mode::MapIndex, *elem, *key),
            _ if crate::under::is_type_param(&store, base.ty) => {
                match self.type_param_index(&store, base.ty, base.mode) {
                    Some(found) => found,
                    None => {
                        self.expr(env, index);
                        return self.invalid(e);
                    }
                }
            }
            _ => {
                // Generic instantiation `f[T]` comes later.
                return self.invalid(e);
            }
        };
        let mut i = self.expr(env, index);
        self.assign_to(env, &mut i, key);
        Operand {
            mode,
            expr: Some(e),
            ty: elem,
            value: None,
            builtin: None,
        }
    }

    /// `f[A, ...]`, a generic function instantiated without being called: type arguments
    /// not given must follow from the constraints (`f[S]` with `f[S ~[]E, E any]`).
    fn function_instance(
        &mut self,
        env: Env,
        e: ExprId,
        generic: Operand,
        type_args: &[ExprId],
    ) -> Operand {
        let explicit: Vec<TypeId> = type_args.iter().map(|&t| self.var_type(env, t)).collect();
        let store = self.store();
        let generic_sig = crate::under::underlying(&store, generic.ty);
        let Type::Signature(sig) = store.ty(generic_sig).clone() else {
            return self.invalid(e);
        };
        if explicit.len() > sig.type_params.len() {
            return self.invalid(e);
        }
        // `f[*P]` inside f itself: f's parameters are renamed for inference.
        let infer_sig = self
            .renamed_for_recursion(&sig, &explicit)
            .unwrap_or_else(|| sig.clone());
        let all = match self.infer(&infer_sig, &[], &explicit, false, &[]) {
            Ok(all) => all,
            Err(failure) => {
                // Without a call, the context (an assignment to a function type, say)
                // may determine the rest, which is not inferred here: only a type
                // argument that contradicts its constraint is reported.
                if let super::generics::InferFailure::CoreMismatch { .. } = failure {
                    let at = self.file(env).expr_pos(e);
                    self.report_infer_failure(env, at, None, &sig, &[], failure);
                }
                return self.invalid(e);
            }
        };
        let instance = self.instantiate_signature(generic_sig, &all);
        self.record_instance(env, e, &all, instance);
        let file = self.file(env);
        self.verify_later(super::satisfy::Verification {
            file: env.file,
            pos: file.expr_pos(e),
            arg_pos: type_args.iter().map(|&t| file.expr_pos(t)).collect(),
            params: sig.type_params.clone(),
            args: all,
        });
        Operand::new(Mode::Value, e, instance)
    }

    /// `x[i]` for `x` of a type parameter without a core type: every type of its type set
    /// must be indexable with the same element type (maps with the same key type, or no
    /// maps at all). The mode, element and key type; None if they are not.
    fn type_param_index(
        &self,
        store: &crate::store::TypeStore<'_>,
        ty: TypeId,
        base_mode: Mode,
    ) -> Option<(Mode, TypeId, TypeId)> {
        let int = self.universe.basic(BasicKind::Int);
        let mut mode = Mode::Variable;
        let mut found: Option<(Option<TypeId>, TypeId)> = None;
        let all = crate::under::under_is(store, ty, &mut |u| {
            let Some(u) = u else { return false };
            let (key, elem) = match store.ty(u) {
                Type::Basic(b) if b.kind.is_string() => {
                    mode = Mode::Value;
                    (None, self.universe.byte)
                }
                Type::Array { elem, .. } => {
                    if base_mode != Mode::Variable {
                        mode = Mode::Value;
                    }
                    (None, *elem)
                }
                Type::Pointer(p) => match store.ty(crate::under::underlying(store, *p)) {
                    Type::Array { elem, .. } => (None, *elem),
                    _ => return false,
                },
                Type::Slice(elem) => (None, *elem),
                Type::Map { key, elem } => (Some(*key), *elem),
                _ => return false,
            };
            match found {
                None => {
                    found = Some((key, elem));
                    true
                }
                Some((k, el)) => {
                    let same_key = match (k, key) {
                        (None, None) => true,
                        (Some(a), Some(b)) => identical(store, a, b),
                        _ => false,
                    };
                    same_key && identical(store, el, elem)
                }
            }
        });
        match (all, found) {
            (true, Some((Some(key), elem))) => Some((Mode::MapIndex, elem, key)),
            (true, Some((None, elem))) => Some((mode, elem, int)),
            _ => None,
        }
    }

    /// The underlying type of `ty` as slicing sees it (go/types' `coreString`): a type
    /// parameter's core type, or `string` when its type set holds only string types and
    /// byte slices, at least one string.
    fn core_string_under(&self, store: &crate::store::TypeStore<'_>, ty: TypeId) -> TypeId {
        if !crate::under::is_type_param(store, ty) {
            return crate::under::underlying(store, ty);
        }
        if let Some(core) = crate::under::common_under(store, ty) {
            return core;
        }
        let byte = self.universe.byte;
        let mut has_string = false;
        let all = crate::under::under_is(store, ty, &mut |u| match u {
            Some(u) if crate::predicates::is_string(store, u) => {
                has_string = true;
                true
            }
            Some(u) => matches!(store.ty(u), Type::Slice(e) if identical(store, *e, byte)),
            None => false,
        });
        if all && has_string {
            self.universe.basic(BasicKind::String)
        } else {
            crate::under::underlying(store, ty)
        }
    }

    /// `e` without enclosing parentheses.
    pub(super) fn unparen(&self, env: Env, mut e: ExprId) -> ExprId {
        let file = self.file(env);
        while let ExprKind::Paren { x, .. } = file.expr(e).kind {
            e = x;
        }
        e
    }
}

/// How go/types' messages name the kind of an object.
fn object_kind(store: &crate::store::TypeStore<'_>, obj: crate::ids::ObjId) -> &'static str {
    use crate::object::VarKind;
    let object = store.obj(obj);
    match &object.kind {
        ObjKind::PkgName { .. } => "package name",
        ObjKind::Const(_) => "constant",
        ObjKind::TypeName => match object.ty.map(|t| store.ty(t)) {
            Some(Type::Alias(_)) => "type alias",
            Some(Type::TypeParam(_)) => "type parameter",
            _ => "defined type",
        },
        ObjKind::Var(info) => match info.kind {
            VarKind::Var
                if object.parent.is_some_and(|p| {
                    store
                        .scope(p)
                        .parent
                        .is_some_and(|pp| pp.pkg == crate::ids::PkgIdx::UNIVERSE)
                }) =>
            {
                "package-level variable"
            }
            VarKind::Var => "local variable",
            VarKind::Receiver => "receiver",
            VarKind::Param => "parameter",
            VarKind::Result => "result variable",
            VarKind::Field => "struct field",
        },
        ObjKind::Func(_) => match object.ty.map(|t| store.ty(t)) {
            Some(Type::Signature(sig)) if sig.recv.is_some() => "method",
            _ => "function",
        },
        ObjKind::Label { .. } => "label",
        ObjKind::Builtin(_) => "built-in function",
        ObjKind::Nil => "untyped nil",
    }
}

/// A bidirectional channel value is assignable to a channel type of the same element type
/// (`chan T` to `<-chan T`) when one of the two types is not named.
fn channels_assignable(store: &crate::store::TypeStore<'_>, value: TypeId, target: TypeId) -> bool {
    let (vu, tu) = (
        crate::under::underlying(store, value),
        crate::under::underlying(store, target),
    );
    match (store.ty(vu), store.ty(tu)) {
        (
            Type::Chan {
                dir: crate::ty::ChanDir::Both,
                elem: a,
            },
            Type::Chan { elem: b, .. },
        ) => {
            identical(store, *a, *b)
                && (!crate::predicates::has_name(store, value)
                    || !crate::predicates::has_name(store, target))
        }
        _ => false,
    }
}

/// Why an untyped value cannot take a type.
enum ConversionError {
    Truncated,
    Overflows,
    Invalid,
}

fn is_comparison(op: Token) -> bool {
    matches!(
        op,
        Token::Eql | Token::Neq | Token::Lss | Token::Leq | Token::Gtr | Token::Geq
    )
}

/// How a constant must fit a basic type.
pub(super) fn repr_of(kind: BasicKind) -> goescape_constant::Repr {
    use goescape_constant::Repr;
    match kind {
        BasicKind::Bool | BasicKind::UntypedBool => Repr::Bool,
        BasicKind::String | BasicKind::UntypedString => Repr::String,
        BasicKind::Int | BasicKind::Int64 => Repr::INT64,
        BasicKind::Int8 => Repr::INT8,
        BasicKind::Int16 => Repr::INT16,
        BasicKind::Int32 => Repr::INT32,
        BasicKind::Uint | BasicKind::Uint64 => Repr::UINT64,
        BasicKind::Uintptr => Repr::UINTPTR,
        BasicKind::Uint8 => Repr::UINT8,
        BasicKind::Uint16 => Repr::UINT16,
        BasicKind::Uint32 => Repr::UINT32,
        BasicKind::Float32 => Repr::Float32,
        BasicKind::Float64 => Repr::Float64,
        BasicKind::Complex64 => Repr::Complex64,
        BasicKind::Complex128 => Repr::Complex128,
        BasicKind::UntypedInt => Repr::UntypedInt,
        BasicKind::UntypedRune => Repr::UntypedRune,
        BasicKind::UntypedFloat => Repr::UntypedFloat,
        BasicKind::UntypedComplex => Repr::UntypedComplex,
        BasicKind::Invalid | BasicKind::UnsafePointer | BasicKind::UntypedNil => Repr::Bool,
    }
}

/// go/types' choice between "truncated", "overflows" and "cannot convert".
fn representation_error(
    store: &crate::store::TypeStore<'_>,
    from: TypeId,
    to: BasicKind,
) -> ConversionError {
    if crate::predicates::is_numeric(store, from) && to.is_numeric() {
        // A float that does not fit an integer type is truncated; anything else overflows.
        if !crate::predicates::is_integer(store, from) && to.is_integer() {
            return ConversionError::Truncated;
        }
        return ConversionError::Overflows;
    }
    ConversionError::Invalid
}

/// How go/types names the operation of an expression whose constant result overflowed.
fn overflow_op_name(file: &goescape_syntax::ast::File, e: ExprId) -> &'static str {
    match &file.expr(e).kind {
        ExprKind::Binary { op, .. } => match op {
            Token::Add => "addition",
            Token::Sub => "subtraction",
            Token::Xor => "bitwise XOR",
            Token::Mul => "multiplication",
            Token::Shl => "shift",
            _ => "",
        },
        ExprKind::Unary { op: Token::Xor, .. } => "bitwise complement",
        _ => "",
    }
}

/// go/types' `compositeKind`: the kind of a composite type, for messages ("" for others).
fn composite_kind(store: &crate::store::TypeStore<'_>, ty: crate::ids::TypeId) -> &'static str {
    match store.ty(crate::under::underlying(store, ty)) {
        Type::Array { .. } => "array",
        Type::Slice(_) => "slice",
        Type::Struct(_) => "struct",
        Type::Pointer(_) => "pointer",
        Type::Signature(_) => "func",
        Type::Interface(_) => "interface",
        Type::Map { .. } => "map",
        Type::Chan { .. } => "chan",
        Type::Tuple(_) => "tuple",
        Type::Union(_) => "union",
        _ => "",
    }
}
