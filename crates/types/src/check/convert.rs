//! Convertibility of non-constant conversions (go/types' `convertibleTo`) and of constants
//! converted to type parameters: `T(x)` is reported, with go/types' cause, when no rule
//! of the spec allows it. Where assignability is not decided by this checker yet (see
//! `assign`), the conversion is taken as valid: nothing is reported that go/types would
//! not report.

use super::operand::Operand;
use super::{Checker, Mode};
use crate::basic::BasicKind;
use crate::ids::TypeId;
use crate::predicates::{
    basic_kind, has_nil, identical_ignore_tags, is_complex, is_integer, is_integer_or_float,
    is_pointer, is_string, is_valid,
};
use crate::ty::Type;
use crate::typestring::type_string;
use crate::under::{is_type_param, unalias, underlying};

/// How deeply conversions between type parameters' terms are followed.
const MAX_DEPTH: u32 = 8;

impl Checker<'_> {
    /// Whether a value of the typed type `v` converts to `t`, and if not why (empty when
    /// go/types gives no reason).
    pub(super) fn convertible(&mut self, v: TypeId, t: TypeId) -> Result<(), String> {
        self.convertible_at(v, t, 0)
    }

    fn convertible_at(&mut self, v: TypeId, t: TypeId, depth: u32) -> Result<(), String> {
        let store = self.store();
        if depth > MAX_DEPTH || !is_valid(&store, v) || !is_valid(&store, t) {
            return Ok(());
        }
        if self.not_assignable_cause(v, t).is_none() {
            return Ok(());
        }
        let store = self.store();
        let (v, t_orig) = (unalias(&store, v), t);
        let t = unalias(&store, t);
        let (vu, tu) = (underlying(&store, v), underlying(&store, t));
        let (vp, tp) = (is_type_param(&store, v), is_type_param(&store, t));
        // Invalid types (after an error, or not known yet) convert to anything.
        let invalid_base = |ty: TypeId| match store.ty(ty) {
            Type::Pointer(base) => !is_valid(&store, underlying(&store, *base)),
            _ => false,
        };
        if !is_valid(&store, vu) || !is_valid(&store, tu) || invalid_base(v) || invalid_base(t) {
            return Ok(());
        }
        if !vp && !tp && identical_ignore_tags(&store, vu, tu) {
            return Ok(());
        }
        if let (Type::Pointer(vb), Type::Pointer(tb)) = (store.ty(v), store.ty(t)) {
            if !is_type_param(&store, *vb)
                && !is_type_param(&store, *tb)
                && identical_ignore_tags(&store, underlying(&store, *vb), underlying(&store, *tb))
            {
                return Ok(());
            }
        }
        let unsafe_pointer = |u: TypeId| basic_kind(&store, u) == Some(BasicKind::UnsafePointer);
        let uintptr = |u: TypeId| basic_kind(&store, u) == Some(BasicKind::Uintptr);
        let bytes_or_runes = |u: TypeId| match store.ty(u) {
            Type::Slice(elem) => matches!(
                basic_kind(&store, underlying(&store, *elem)),
                Some(BasicKind::Uint8 | BasicKind::Int32)
            ),
            _ => false,
        };
        let basic_rule = (is_integer_or_float(&store, vu) && is_integer_or_float(&store, tu))
            || (is_complex(&store, vu) && is_complex(&store, tu))
            || ((is_integer(&store, vu) || bytes_or_runes(vu)) && is_string(&store, tu))
            || (is_string(&store, vu) && bytes_or_runes(tu))
            || ((is_pointer(&store, vu) || uintptr(vu)) && unsafe_pointer(tu))
            || (unsafe_pointer(vu) && (is_pointer(&store, tu) || uintptr(tu)));
        if basic_rule && !vp && !tp {
            return Ok(());
        }
        if !vp && !tp {
            if self.slice_to_array(v, t) {
                return Ok(());
            }
            return Err(String::new());
        }
        let terms = |ty: TypeId| -> Option<Vec<TypeId>> {
            crate::typeset::type_set(&store, ty)
                .terms
                .specific_terms()
                .map(|terms| terms.iter().map(|term| term.ty).collect())
        };
        let q = self.qualifier();
        let ts = |ty: TypeId| type_string(&store, ty, &*q);
        let (v_terms, t_terms) = (terms(v), terms(t));
        let (v_str, t_str) = (ts(v), ts(t_orig));
        let term_strs = |list: &Option<Vec<TypeId>>| -> Vec<String> {
            list.iter().flatten().map(|&ty| ts(ty)).collect()
        };
        let (v_term_strs, t_term_strs) = (term_strs(&v_terms), term_strs(&t_terms));
        drop(q);
        let with_cause = |msg: String, inner: String| {
            if inner.is_empty() {
                msg
            } else {
                format!("{msg}\n\t{inner}")
            }
        };
        match (vp, tp) {
            (true, true) => {
                let (Some(v_terms), Some(t_terms)) = (v_terms, t_terms) else {
                    return Err(String::new());
                };
                for (i, &vt) in v_terms.iter().enumerate() {
                    for (j, &tt) in t_terms.iter().enumerate() {
                        if let Err(inner) = self.convertible_at(vt, tt, depth + 1) {
                            let msg = format!(
                                "cannot convert {} (in {v_str}) to type {} (in {t_str})",
                                v_term_strs[i], t_term_strs[j]
                            );
                            return Err(with_cause(msg, inner));
                        }
                    }
                }
                Ok(())
            }
            (true, false) => {
                let Some(v_terms) = v_terms else {
                    return Err(String::new());
                };
                for (i, &vt) in v_terms.iter().enumerate() {
                    if let Err(inner) = self.convertible_at(vt, t_orig, depth + 1) {
                        let msg = format!(
                            "cannot convert {} (in {v_str}) to type {t_str}",
                            v_term_strs[i]
                        );
                        return Err(with_cause(msg, inner));
                    }
                }
                Ok(())
            }
            _ => {
                let Some(t_terms) = t_terms else {
                    return Err(String::new());
                };
                for (j, &tt) in t_terms.iter().enumerate() {
                    if let Err(inner) = self.convertible_at(v, tt, depth + 1) {
                        let msg = format!(
                            "cannot convert {v_str} to type {} (in {t_str})",
                            t_term_strs[j]
                        );
                        return Err(with_cause(msg, inner));
                    }
                }
                Ok(())
            }
        }
    }

    /// Whether `v` is a slice type and `t` an array or pointer to array type of the same
    /// element type (neither a type parameter).
    fn slice_to_array(&self, v: TypeId, t: TypeId) -> bool {
        let store = self.store();
        let Type::Slice(elem) = store.ty(underlying(&store, v)) else {
            return false;
        };
        let array_elem = match store.ty(underlying(&store, t)) {
            Type::Array { elem, .. } => Some(*elem),
            Type::Pointer(base) => match store.ty(underlying(&store, *base)) {
                Type::Array { elem, .. } => Some(*elem),
                _ => None,
            },
            _ => None,
        };
        array_elem.is_some_and(|a| crate::predicates::identical(&store, *elem, a))
    }

    /// Why the conversion of `x` to `target` is invalid (go/types' cause, maybe empty), for
    /// a conversion that is not a constant conversion; None if it is valid or not decided
    /// here. A constant converted to a type parameter must convert to each type in its
    /// type set.
    pub(super) fn conversion_failure(
        &mut self,
        env: super::Env,
        x: &Operand,
        target: TypeId,
    ) -> Option<String> {
        let store = self.store();
        if x.mode == Mode::Constant && is_type_param(&store, target) {
            return self.constant_to_type_param(env, x, target);
        }
        if crate::predicates::is_untyped(&store, x.ty) {
            if x.ty != self.universe.basic(BasicKind::UntypedNil) {
                return None;
            }
            let nil_ok = if is_type_param(&store, target) {
                crate::under::under_is(&store, target, &mut |u| {
                    u.is_some_and(|u| has_nil(&store, u))
                })
            } else {
                has_nil(&store, target)
            };
            return (!nil_ok).then(String::new);
        }
        self.convertible(x.ty, target).err()
    }

    fn constant_to_type_param(
        &mut self,
        env: super::Env,
        x: &Operand,
        target: TypeId,
    ) -> Option<String> {
        let store = self.store();
        let value = x.value.clone()?;
        let q = self.qualifier();
        let ts = |ty: TypeId| type_string(&store, ty, &*q);
        let mut cause = None;
        let x_kind = basic_kind(&store, x.ty)?;
        let x_str = self.operand_string(env, x);
        crate::under::type_set_all(&store, target, &mut |t, u| {
            let (Some(_), Some(u)) = (t, u) else {
                cause = Some(format!("{} does not contain specific types", ts(target)));
                return false;
            };
            let u_kind = basic_kind(&store, u);
            let bytes_or_runes = match store.ty(u) {
                Type::Slice(elem) => matches!(
                    basic_kind(&store, underlying(&store, *elem)),
                    Some(BasicKind::Uint8 | BasicKind::Int32)
                ),
                _ => false,
            };
            if x_kind.is_string() && bytes_or_runes {
                return true;
            }
            let convertible = match u_kind {
                Some(BasicKind::Invalid) => true,
                Some(k) => {
                    let same_class = (k.is_numeric() && x_kind.is_numeric())
                        || (k.is_string() && x_kind.is_string())
                        || (k.is_boolean() && x_kind.is_boolean());
                    (same_class
                        && goescape_constant::representable(&value, super::expr::repr_of(k))
                            .is_some())
                        || (x_kind.is_integer() && k.is_string())
                }
                None => false,
            };
            if !convertible {
                cause = Some(
                    if x_kind.is_integer() && u_kind.is_some_and(|k| k.is_integer()) {
                        format!("constant {value} overflows {} (in {})", ts(u), ts(target))
                    } else {
                        format!(
                            "cannot convert {x_str} to type {} (in {})",
                            ts(u),
                            ts(target)
                        )
                    },
                );
            }
            convertible
        });
        cause
    }
}
