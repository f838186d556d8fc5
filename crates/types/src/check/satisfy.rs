//! Constraint satisfaction (go/types' `verify` and `implements`): the type arguments of
//! every instantiation written in the package are checked against their type parameters'
//! constraints once the package-level declarations are, and a failure is reported at the
//! type argument, worded as go/types words it (`X does not satisfy C (X missing in ~int)`).

use goescape_syntax::Pos;

use super::generics::TypeMap;
use super::{Checker, Delayed};
use crate::ids::TypeId;
use crate::predicates::{comparable_type, identical, is_valid};
use crate::termlist::{term_includes, TypeTerm};
use crate::ty::{Term, Type};
use crate::typeset::{term_list_string, type_set};
use crate::typestring::{qualify_by_path, type_string};
use crate::under::underlying;

/// An instantiation whose type arguments are to be checked against their constraints.
#[derive(Debug)]
pub(crate) struct Verification {
    /// The file of the instantiation (its Go version applies).
    pub file: usize,
    /// Where a failure is reported when no type argument was written for the parameter.
    pub pos: Pos,
    /// Where each type argument written is, in order.
    pub arg_pos: Vec<Pos>,
    pub params: Vec<TypeId>,
    pub args: Vec<TypeId>,
}

impl Checker<'_> {
    /// Sets `verification` aside until the package-level declarations are checked.
    pub(super) fn verify_later(&mut self, verification: Verification) {
        if verification.params.len() == verification.args.len() {
            self.delayed.push(Delayed::Verify(verification));
        }
    }

    /// Checks each type argument against its parameter's constraint (instantiated with the
    /// type arguments) and reports the first that fails.
    pub(super) fn verify(&mut self, v: &Verification) {
        let map: TypeMap = v
            .params
            .iter()
            .copied()
            .zip(v.args.iter().copied())
            .collect();
        for (i, (&param, &arg)) in v.params.iter().zip(&v.args).enumerate() {
            let Type::TypeParam(tp) = self.store().ty(param) else {
                continue;
            };
            let Some(bound) = tp.constraint else { continue };
            let bound = self.subst(bound, &map);
            if let Err(cause) = self.implements(v.file, arg, bound, true) {
                let pos = v.arg_pos.get(i).copied().unwrap_or(v.pos);
                self.soft_error(v.file, pos, cause);
                return;
            }
        }
        self.mono_record(&v.params, &v.args);
    }

    /// Whether `v` implements (or, for a `constraint`, satisfies) the interface `t`, and
    /// if not, why, as go/types says it. `file`'s Go version decides whether interfaces
    /// satisfy `comparable`.
    pub(super) fn implements(
        &mut self,
        file: usize,
        v: TypeId,
        t: TypeId,
        constraint: bool,
    ) -> Result<(), String> {
        let store = self.store();
        let (vu, tu) = (underlying(&store, v), underlying(&store, t));
        if !is_valid(&store, vu) || !is_valid(&store, tu) {
            return Ok(());
        }
        if let Type::Pointer(base) = store.ty(vu) {
            if !is_valid(&store, underlying(&store, *base)) {
                return Ok(());
            }
        }
        let verb = if constraint { "satisfy" } else { "implement" };
        let qualifier = self.qualifier();
        let ts = |ty: TypeId| type_string(&store, ty, &*qualifier);
        let Type::Interface(_) = store.ty(tu) else {
            let detail = match store.ty(tu) {
                Type::Pointer(base)
                    if matches!(store.ty(underlying(&store, *base)), Type::Interface(_)) =>
                {
                    format!("type {} is pointer to interface, not interface", ts(t))
                }
                _ => format!("{} is not an interface", ts(t)),
            };
            return Err(format!("{} does not {verb} {} ({detail})", ts(v), ts(t)));
        };
        let t_set = type_set(&store, tu);
        if t_set.is_all() {
            return Ok(());
        }
        let v_set = match store.ty(vu) {
            Type::Interface(_) => Some(type_set(&store, v)),
            _ => None,
        };
        if v_set.as_ref().is_some_and(|set| set.is_empty()) {
            return Ok(());
        }
        if t_set.is_empty() {
            return Err(format!("cannot {verb} {} (empty type set)", ts(t)));
        }
        let (v_str, t_str) = (ts(v), ts(t));
        drop(qualifier);
        if !t_set.methods.is_empty() {
            if let Some(missing) = self.missing_method_checked(v, t) {
                let cause = self.missing_method_cause(v, missing);
                return Err(format!("{v_str} does not {verb} {t_str} {cause}"));
            }
        }
        let store = self.store();
        let check_comparable = |checker: &Self| -> Result<(), String> {
            let store = checker.store();
            if !t_set.is_comparable(&store) {
                return Ok(());
            }
            let mut seen = Default::default();
            if comparable_type(&store, v, false, &mut seen).is_ok() {
                return Ok(());
            }
            let mut seen = Default::default();
            if constraint && comparable_type(&store, v, true, &mut seen).is_ok() {
                if checker.allow_version(file, 20) {
                    return Ok(());
                }
                return Err(format!(
                    "{v_str} to {verb} comparable requires go1.20 or later"
                ));
            }
            Err(format!("{v_str} does not {verb} comparable"))
        };
        if !t_set.has_terms() {
            return check_comparable(self);
        }
        if let Some(v_set) = &v_set {
            if !v_set.terms.subset_of(&store, &t_set.terms) {
                return Err(format!("{v_str} does not {verb} {t_str}"));
            }
            return check_comparable(self);
        }
        let mut alt = None;
        let mut included = false;
        for &term in &t_set.terms.0 {
            if term_includes(&store, term, v) {
                included = true;
                break;
            }
            if let TypeTerm::Type(Term { tilde: false, ty }) = term {
                if alt.is_none()
                    && identical(&store, ty, underlying(&store, ty))
                    && term_includes(&store, TypeTerm::new(true, ty), v)
                {
                    alt = Some(ty);
                }
            }
        }
        if included {
            return check_comparable(self);
        }
        let qualifier = self.qualifier();
        let ts = |ty: TypeId| type_string(&store, ty, &*qualifier);
        let detail = if let Some(alt) = alt {
            format!("possibly missing ~ for {} in {t_str}", ts(alt))
        } else if mentions(&store, tu, v) {
            format!("{t_str} mentions {v_str}, but {v_str} is not in the type set of {t_str}")
        } else {
            let terms = term_list_string(&store, &t_set.terms, &*qualify_by_path(&store));
            format!("{v_str} missing in {terms}")
        };
        Err(format!("{v_str} does not {verb} {t_str} ({detail})"))
    }
}

/// Whether the interface `iface` names `ty` in one of its embedded elements or their
/// terms (whether or not `ty` is in its type set), for go/types' wording of the failure.
fn mentions(store: &crate::store::TypeStore<'_>, iface: TypeId, ty: TypeId) -> bool {
    let mut work = vec![iface];
    let mut steps = 0;
    while let Some(t) = work.pop() {
        steps += 1;
        if steps > 10_000 {
            return false;
        }
        match store.ty(t) {
            Type::Interface(i) => work.extend(i.embeddeds.iter().copied()),
            Type::Union(terms) => work.extend(terms.iter().map(|term| term.ty)),
            _ if identical(store, t, ty) => return true,
            _ => {}
        }
    }
    false
}

impl Checker<'_> {
    /// Where an object of this package is declared, as go/types prints a position in
    /// messages (`FILE:LINE:COL`, after `//line` directives); None for other packages'.
    pub(super) fn declared_at(&self, obj: crate::ids::ObjId) -> Option<String> {
        let object = self.store().obj(obj);
        if object.pkg != Some(self.arena.idx) {
            return None;
        }
        let at = object.pos?;
        let file = self.input.files.get(at.file as usize)?;
        let pos = Pos(at.offset);
        Some(match file.line_table.adjusted_for(pos, &file.name) {
            Some((name, line, 0)) => format!("{name}:{line}"),
            Some((name, line, col)) => format!("{name}:{line}:{col}"),
            None => {
                let p = file.line_table.position(pos);
                format!("{}:{}:{}", file.name, p.line, p.col)
            }
        })
    }

    /// Reports why inference failed for a call of `fun` (None for an instantiation that is
    /// not called) at `at`, as go/types does: `in call to f, cannot infer P (declared at
    /// POS)`, ...; `args` are the call's arguments with their types.
    pub(super) fn report_infer_failure(
        &mut self,
        env: super::Env,
        at: Pos,
        fun: Option<goescape_syntax::ast::ExprId>,
        sig: &crate::ty::Signature,
        args: &[(goescape_syntax::ast::ExprId, TypeId)],
        failure: super::generics::InferFailure,
    ) {
        use super::generics::InferFailure;
        let file = self.file(env);
        let store = self.store();
        let qualifier = self.qualifier();
        let ts = |ty: TypeId| type_string(&store, ty, &*qualifier);
        let (pos, msg) = match failure {
            InferFailure::CannotInfer(index) => {
                let Some(&param) = sig.type_params.get(index) else {
                    return;
                };
                let Type::TypeParam(tp) = store.ty(param) else {
                    return;
                };
                let name = store.obj(tp.obj).name.clone();
                let msg = match self.declared_at(tp.obj) {
                    Some(declared) => format!("cannot infer {name} (declared at {declared})"),
                    None => format!("cannot infer {name}"),
                };
                (at, msg)
            }
            InferFailure::MismatchedUntyped { arg, max, param } => {
                let Some(&(arg_expr, arg_ty)) = args.get(arg) else {
                    return;
                };
                let msg = format!(
                    "mismatched types {} and {} (cannot infer {})",
                    ts(max),
                    ts(arg_ty),
                    ts(param)
                );
                (file.expr_pos(arg_expr), msg)
            }
            InferFailure::ArgMismatch { arg, param, bound } => {
                let Some(&(arg_expr, arg_ty)) = args.get(arg) else {
                    return;
                };
                let msg = format!(
                    "type {} of {} does not match inferred type {} for {}",
                    ts(arg_ty),
                    file.expr_string(arg_expr),
                    ts(bound),
                    ts(param)
                );
                (file.expr_pos(arg_expr), msg)
            }
            InferFailure::CoreMismatch { param, arg } => {
                let Some(&p) = sig.type_params.get(param) else {
                    return;
                };
                let Type::TypeParam(tp) = store.ty(p) else {
                    return;
                };
                let Some(constraint) = tp.constraint else {
                    return;
                };
                let msg = format!(
                    "{} (type {}) does not satisfy {}",
                    ts(p),
                    ts(arg),
                    ts(constraint)
                );
                (at, msg)
            }
        };
        let msg = match fun {
            Some(fun) => format!("in call to {}, {msg}", file.expr_string(fun)),
            None => msg,
        };
        drop(qualifier);
        self.error(env.file, pos, msg);
    }
}
