//! Assignability of typed values (go/types' `operand.assignableTo`) and its error,
//! `cannot use x (variable of type V) as T value in CONTEXT[: CAUSE]`.
//!
//! Untyped operands are converted where they are assigned (`Checker::assign_to`); what
//! is decided here is whether a typed value may be assigned. Where a type parameter is
//! involved, nothing is reported yet (those rules need the type sets of both sides).

use super::operand::Operand;
use super::{Checker, Env, Mode};
use crate::ids::{ObjId, TypeId};
use crate::lookup::{missing_method, MissingCause, MissingMethod};
use crate::predicates::{has_name, identical, is_untyped, is_valid};
use crate::ty::{ChanDir, Type};
use crate::typestring::{func_string, type_string};
use crate::under::{is_type_param, underlying};

/// Why a value is not assignable: go/types' cause, empty when it gives none.
struct NotAssignable(String);

impl Checker<'_> {
    /// Reports `x` (already converted if it was untyped) if it cannot be assigned to a
    /// variable of type `target`; `context` is go/types' wording of where the value goes
    /// (`assignment`, `argument to f`, `return statement`, `variable declaration`). False
    /// if an error was reported.
    pub(super) fn check_assignable(
        &mut self,
        env: Env,
        x: &Operand,
        target: TypeId,
        context: &str,
    ) -> bool {
        self.check_assignable_in(env, x, target, &|| context.to_owned())
    }

    /// [`Self::check_assignable`] with the context made only when an error is reported.
    pub(super) fn check_assignable_in(
        &mut self,
        env: Env,
        x: &Operand,
        target: TypeId,
        context: &dyn Fn() -> String,
    ) -> bool {
        if matches!(
            x.mode,
            Mode::Invalid | Mode::NoValue | Mode::TypeExpr | Mode::Builtin
        ) {
            return true;
        }
        let Some(NotAssignable(cause)) = self.not_assignable(x.ty, target) else {
            return true;
        };
        let shown = type_string(&self.store(), target, &*self.qualifier());
        let mut msg = format!(
            "cannot use {} as {shown} value in {}",
            self.operand_string(env, x),
            context()
        );
        if !cause.is_empty() {
            msg.push_str(": ");
            msg.push_str(&cause);
        }
        let pos = self.operand_pos(env, x, goescape_syntax::Pos::NONE);
        self.error(env.file, pos, msg);
        false
    }

    /// Why a value of type `v` cannot be assigned to `t` (go/types' cause, maybe empty);
    /// None when it can or when this is not decided here.
    pub(super) fn not_assignable_cause(&mut self, v: TypeId, t: TypeId) -> Option<String> {
        self.not_assignable(v, t).map(|NotAssignable(cause)| cause)
    }

    /// Whether a value of type `v` cannot be assigned to `t`, and why; None when it can, or
    /// when this is not decided here (invalid or untyped operands, type parameters, tuples).
    fn not_assignable(&mut self, v: TypeId, t: TypeId) -> Option<NotAssignable> {
        let store = self.store();
        if !is_valid(&store, v) || !is_valid(&store, t) || is_untyped(&store, v) {
            return None;
        }
        if matches!(store.ty(v), Type::Tuple(_)) || matches!(store.ty(t), Type::Tuple(_)) {
            return None;
        }
        if identical(&store, v, t) {
            return None;
        }
        let (v_param, t_param) = (is_type_param(&store, v), is_type_param(&store, t));
        if v_param || t_param {
            return self.type_param_not_assignable(v, t, v_param, t_param);
        }
        let (vu, tu) = (underlying(&store, v), underlying(&store, t));
        // A generic function assigned to a function type is instantiated by inference from
        // that type (not done here).
        if matches!(store.ty(vu), Type::Signature(sig) if !sig.type_params.is_empty()) {
            return None;
        }
        if identical(&store, vu, tu) && (!has_name(&store, v) || !has_name(&store, t)) {
            return None;
        }
        if let Type::Interface(_) = store.ty(tu) {
            // Constraint interfaces are no value types: nothing to decide here.
            if !crate::typeset::type_set(&store, t).is_method_set() {
                return None;
            }
            return self
                .missing_method_checked(v, t)
                .map(|missing| NotAssignable(self.does_not_implement(v, t, missing)));
        }
        if let Type::Interface(_) = store.ty(vu) {
            // The value's interface has the target among its dynamic types.
            let hint = if self.missing_method_checked(t, v).is_none() {
                "need type assertion"
            } else {
                ""
            };
            return Some(NotAssignable(hint.to_owned()));
        }
        if let (Type::Chan { dir, elem: ve }, Type::Chan { elem: te, .. }) =
            (store.ty(vu), store.ty(tu))
        {
            if *dir == ChanDir::Both && identical(&store, *ve, *te) {
                if !has_name(&store, v) || !has_name(&store, t) {
                    return None;
                }
                return Some(NotAssignable(String::new()));
            }
        }
        Some(NotAssignable(String::new()))
    }

    /// Assignability where a type parameter is involved (`v` and `t` not identical): a
    /// value of an unnamed type to a type parameter if it is assignable to each specific
    /// type of the parameter's type set, a type parameter's value to an unnamed type if
    /// each of its specific types is; nothing else. A type parameter's value assigned to
    /// an interface is not decided here (that needs the parameter's method set).
    fn type_param_not_assignable(
        &mut self,
        v: TypeId,
        t: TypeId,
        v_param: bool,
        t_param: bool,
    ) -> Option<NotAssignable> {
        let store = self.store();
        if v_param && !t_param && crate::predicates::is_interface(&store, t) {
            return None;
        }
        let (param, other, param_is_target) = if !has_name(&store, v) && t_param {
            (t, v, true)
        } else if v_param && !has_name(&store, t) {
            (v, t, false)
        } else {
            return Some(NotAssignable(String::new()));
        };
        let terms = crate::typeset::type_set(&store, param)
            .terms
            .specific_terms()
            .unwrap_or_default();
        if terms.is_empty() {
            return Some(NotAssignable(String::new()));
        }
        for term in terms {
            let failed = if param_is_target {
                self.not_assignable(other, term.ty).is_some()
            } else {
                self.not_assignable(term.ty, other).is_some()
            };
            if failed {
                let store = self.store();
                let qualifier = self.qualifier();
                let ts = |ty: TypeId| type_string(&store, ty, &*qualifier);
                let cause = if param_is_target {
                    format!(
                        "cannot assign {} to {} (in {})",
                        ts(other),
                        ts(term.ty),
                        ts(param)
                    )
                } else {
                    format!(
                        "cannot assign {} (in {}) to {}",
                        ts(term.ty),
                        ts(param),
                        ts(other)
                    )
                };
                return Some(NotAssignable(cause));
            }
        }
        None
    }

    /// [`missing_method`] (static), once the methods of this package it finds have their
    /// signatures: methods are declared on demand.
    pub(super) fn missing_method_checked(&mut self, v: TypeId, t: TypeId) -> Option<MissingMethod> {
        self.missing_method_in(v, t, true)
    }

    /// [`missing_method`], static or not (as for a type assertion), once the methods of
    /// this package it finds have their signatures.
    pub(super) fn missing_method_in(
        &mut self,
        v: TypeId,
        t: TypeId,
        static_: bool,
    ) -> Option<MissingMethod> {
        let mut missing = loop {
            let missing = missing_method(&self.store(), v, t, static_)?;
            let unchecked = match missing.cause {
                MissingCause::WrongSignature { have } | MissingCause::WrongName { have } => {
                    Some(have)
                }
                _ => None,
            }
            .filter(|&have| have.pkg == self.arena.idx && self.store().obj(have).ty.is_none())
            .filter(|have| !self.colors.contains_key(have));
            match unchecked {
                Some(have) => self.obj_decl(have),
                None => break missing,
            }
        };
        // A method of an instance is shown with the instance's type arguments.
        if let MissingCause::WrongSignature { have } = missing.cause {
            let store = self.store();
            let base = crate::under::deref(&store, v).0;
            let declared_here = crate::under::as_named(&store, base)
                .is_some_and(|(_, n)| n.origin.is_some() && n.methods.contains(&have));
            if declared_here {
                let have = self.instance_method(base, have);
                missing.cause = MissingCause::WrongSignature { have };
            }
        }
        Some(missing)
    }

    /// `V does not implement T (CAUSE)`, go/types' wording of a missing method.
    fn does_not_implement(&self, v: TypeId, t: TypeId, missing: MissingMethod) -> String {
        let store = self.store();
        let qualifier = self.qualifier();
        format!(
            "{} does not implement {} {}",
            type_string(&store, v, &*qualifier),
            type_string(&store, t, &*qualifier),
            self.missing_method_cause(v, missing)
        )
    }

    /// Why `v` lacks a method, in parentheses, as go/types words it after `V does not
    /// implement T` (`(missing method M)`, `(wrong type for method M)` with what it has
    /// and wants, ...).
    pub(super) fn missing_method_cause(&self, v: TypeId, missing: MissingMethod) -> String {
        let store = self.store();
        let qualifier = self.qualifier();
        let ts = |ty: TypeId| type_string(&store, ty, &*qualifier);
        let name = store.obj(missing.method).name.clone();
        let fs = |f: ObjId, pkg_info: bool| func_string(&store, f, Some(&*qualifier), pkg_info);
        match missing.cause {
            MissingCause::NotFound => format!("(missing method {name})"),
            MissingCause::WrongName { have } => format!(
                "(missing method {name})\n\t\thave {}\n\t\twant {}",
                fs(have, false),
                fs(missing.method, false)
            ),
            MissingCause::Unexported { .. } => format!("(unexported method {name})"),
            MissingCause::WrongSignature { have } => {
                let (mut have_s, mut want_s) = (fs(have, false), fs(missing.method, false));
                if have_s == want_s {
                    (have_s, want_s) = (fs(have, true), fs(missing.method, true));
                }
                if have_s == want_s {
                    format!("(wrong type for method {name})")
                } else {
                    format!("(wrong type for method {name})\n\t\thave {have_s}\n\t\twant {want_s}")
                }
            }
            MissingCause::Ambiguous => format!("(ambiguous selector {}.{name})", ts(v)),
            MissingCause::PointerReceiver => format!("(method {name} has pointer receiver)"),
            MissingCause::Field => format!("({}.{name} is a field, not a method)", ts(v)),
        }
    }
}
