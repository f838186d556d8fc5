//! Looking through aliases, named types and pointers: go/types' `Unalias`, `Underlying`,
//! `asNamed`, `deref`, and the iteration over the types of a type parameter's type set
//! that replaced core types (`commonUnder`, go/types since Go 1.25).
//!
//! Instances: the checker instantiates. An instance `G[int]` carries its substituted
//! underlying type in [`NamedType::underlying`] (and a generic alias instance its
//! substituted right-hand side). These queries are read-only: for an instance whose
//! underlying type is not set yet they fall back to the origin's, which still mentions the
//! origin's type parameters.

use crate::ids::{ObjId, TypeId};
use crate::predeclared::{invalid_type, universe_empty_interface};
use crate::predicates::identical;
use crate::store::TypeStore;
use crate::ty::{ChanDir, NamedType, Type};
use crate::typeset::type_set;

/// More links than any valid chain of aliases or named types has: a longer chain is a
/// cycle left by an invalid declaration.
const MAX_CHAIN: usize = 10_000;

/// The actual type an alias denotes, through chains of aliases; other types unchanged.
/// An alias whose right-hand side is not known yet denotes `invalid type`.
pub fn unalias(store: &TypeStore<'_>, ty: TypeId) -> TypeId {
    let mut ty = ty;
    for _ in 0..MAX_CHAIN {
        let Type::Alias(alias) = store.ty(ty) else {
            return ty;
        };
        let rhs = alias
            .rhs
            .or_else(|| match alias.origin.map(|o| store.ty(o)) {
                Some(Type::Alias(origin)) => origin.rhs,
                _ => None,
            });
        match rhs {
            Some(rhs) => ty = rhs,
            None => return invalid_type(store),
        }
    }
    invalid_type(store)
}

/// The underlying type: itself for type literals and basic types, the declared type of a
/// named type, the constraint's interface for a type parameter (the empty interface when
/// the constraint is not an interface yet).
pub fn underlying(store: &TypeStore<'_>, ty: TypeId) -> TypeId {
    let mut ty = unalias(store, ty);
    for _ in 0..MAX_CHAIN {
        match store.ty(ty) {
            Type::Named(named) => match named_underlying(store, named) {
                // During setup a named type may still point at another named type.
                Some(next) => ty = unalias(store, next),
                None => return invalid_type(store),
            },
            Type::TypeParam(param) => return type_param_interface(store, param.constraint),
            _ => return ty,
        }
    }
    invalid_type(store)
}

/// The declared underlying type of a named type, or its origin's for an instance not
/// expanded yet.
fn named_underlying(store: &TypeStore<'_>, named: &NamedType) -> Option<TypeId> {
    named
        .underlying
        .or_else(|| match named.origin.map(|o| store.ty(o)) {
            Some(Type::Named(origin)) => origin.underlying,
            _ => None,
        })
}

/// The interface a type parameter's constraint stands for.
fn type_param_interface(store: &TypeStore<'_>, constraint: Option<TypeId>) -> TypeId {
    let empty = || universe_empty_interface(store).unwrap_or_else(|| invalid_type(store));
    let Some(constraint) = constraint else {
        return empty();
    };
    if is_type_param(store, constraint) {
        return empty();
    }
    let u = underlying(store, constraint);
    match store.ty(u) {
        Type::Interface(_) => u,
        _ => empty(),
    }
}

/// The named type `ty` denotes (through aliases), with its id.
pub fn as_named<'a>(store: &TypeStore<'a>, ty: TypeId) -> Option<(TypeId, &'a NamedType)> {
    let ty = unalias(store, ty);
    match store.ty(ty) {
        Type::Named(named) => Some((ty, named)),
        _ => None,
    }
}

/// Whether `ty` denotes a type parameter.
pub fn is_type_param(store: &TypeStore<'_>, ty: TypeId) -> bool {
    matches!(store.ty(unalias(store, ty)), Type::TypeParam(_))
}

/// The generic type an instance was instantiated from; any other named type itself.
pub fn origin(store: &TypeStore<'_>, named: TypeId) -> TypeId {
    match store.ty(named) {
        Type::Named(NamedType {
            origin: Some(origin),
            ..
        }) => *origin,
        _ => named,
    }
}

/// The methods declared with a named type as receiver base type, in declaration order.
/// An instance has its own (instantiated) methods if the checker made them, else its
/// origin's.
pub fn declared_methods<'a>(store: &TypeStore<'a>, named: &'a NamedType) -> &'a [ObjId] {
    if named.methods.is_empty() {
        if let Some(Type::Named(origin)) = named.origin.map(|o| store.ty(o)) {
            return &origin.methods;
        }
    }
    &named.methods
}

/// The base type of a pointer type literal (through aliases, but not of a named pointer
/// type) and true; otherwise the type itself and false.
pub fn deref(store: &TypeStore<'_>, ty: TypeId) -> (TypeId, bool) {
    match store.ty(unalias(store, ty)) {
        Type::Pointer(base) => (*base, true),
        _ => (ty, false),
    }
}

/// The base type of a (named or unnamed) pointer to a struct; otherwise the type itself.
pub fn deref_struct_ptr(store: &TypeStore<'_>, ty: TypeId) -> TypeId {
    if let Type::Pointer(base) = store.ty(underlying(store, ty)) {
        if let Type::Struct(_) = store.ty(underlying(store, *base)) {
            return *base;
        }
    }
    ty
}

/// Whether a method has a pointer receiver: from its receiver's type once it has a
/// signature, else as the declaration recorded it.
pub fn has_ptr_recv(store: &TypeStore<'_>, method: ObjId) -> bool {
    let obj = store.obj(method);
    if let Some(Type::Signature(sig)) = obj.ty.map(|t| store.ty(t)) {
        if let Some(recv_ty) = sig.recv.and_then(|recv| store.obj(recv).ty) {
            return deref(store, recv_ty).1;
        }
    }
    match &obj.kind {
        crate::object::ObjKind::Func(info) => info.has_ptr_recv,
        _ => false,
    }
}

/// Calls `f(t, u)` for each type `t` of the type set `ty` implies, with its underlying type
/// `u`, until `f` returns false; reports whether all calls returned true. For a type
/// parameter the set is its constraint's, and if it has no specific types `f` is called
/// once with `(None, None)`. Any other type's set is just the type.
pub fn type_set_all(
    store: &TypeStore<'_>,
    ty: TypeId,
    f: &mut dyn FnMut(Option<TypeId>, Option<TypeId>) -> bool,
) -> bool {
    if !is_type_param(store, ty) {
        return f(Some(ty), Some(underlying(store, ty)));
    }
    let set = type_set(store, ty);
    let Some(terms) = set.terms.specific_terms() else {
        return f(None, None);
    };
    terms.iter().all(|term| {
        // For ~T, T is its own underlying type already.
        let u = if term.tilde {
            unalias(store, term.ty)
        } else {
            underlying(store, term.ty)
        };
        f(Some(term.ty), Some(u))
    })
}

/// Whether `f` holds for the underlying type of each type in `ty`'s type set (see
/// [`type_set_all`]).
pub fn under_is(
    store: &TypeStore<'_>,
    ty: TypeId,
    f: &mut dyn FnMut(Option<TypeId>) -> bool,
) -> bool {
    type_set_all(store, ty, &mut |_, u| f(u))
}

/// Why a type has no common underlying type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommonUnderError<E> {
    /// The condition given to [`common_under_with`] rejected a type of the set.
    Condition(E),
    /// `no specific type`: the type set is not restricted to specific types.
    NoSpecificType,
    /// `channels %s and %s have different element types`
    ChannelElemsDiffer(TypeId, TypeId),
    /// `channels %s and %s have conflicting directions`
    ChannelDirsConflict(TypeId, TypeId),
    /// `%s and %s have different underlying types`
    UnderlyingsDiffer(TypeId, TypeId),
}

/// The common underlying type of the types in `ty`'s type set (go/types' `commonUnder`,
/// which replaced core types): for a type that is not a type parameter its underlying type;
/// for a type parameter the one underlying type all its specific types share. Channels may
/// differ in direction as long as the directions do not conflict: the result is then the
/// most restricted one.
pub fn common_under(store: &TypeStore<'_>, ty: TypeId) -> Option<TypeId> {
    common_under_with(store, ty, |_, _| Ok::<(), ()>(())).ok()
}

/// [`common_under`], with a condition each (type, underlying type) pair of the set must
/// meet, checked first (with `(None, None)` for a set without specific types).
pub fn common_under_with<E>(
    store: &TypeStore<'_>,
    ty: TypeId,
    mut cond: impl FnMut(Option<TypeId>, Option<TypeId>) -> Result<(), E>,
) -> Result<TypeId, CommonUnderError<E>> {
    let mut common: Option<(TypeId, TypeId)> = None;
    let mut failure = None;
    type_set_all(store, ty, &mut |t, u| {
        if let Err(err) = cond(t, u) {
            failure = Some(CommonUnderError::Condition(err));
            return false;
        }
        let (Some(t), Some(u)) = (t, u) else {
            failure = Some(CommonUnderError::NoSpecificType);
            return false;
        };
        let Some((ct, cu)) = common else {
            common = Some((t, u));
            return true;
        };
        if let (
            Type::Chan {
                dir: cdir,
                elem: celem,
            },
            Type::Chan { dir, elem },
        ) = (store.ty(cu), store.ty(u))
        {
            if !identical(store, *celem, *elem) {
                failure = Some(CommonUnderError::ChannelElemsDiffer(ct, t));
                return false;
            }
            if cdir != dir {
                if *cdir == ChanDir::Both {
                    common = Some((t, u));
                } else if *dir != ChanDir::Both {
                    failure = Some(CommonUnderError::ChannelDirsConflict(ct, t));
                    return false;
                }
            }
            return true;
        }
        if !identical(store, cu, u) {
            failure = Some(CommonUnderError::UnderlyingsDiffer(ct, t));
            return false;
        }
        true
    });
    match (failure, common) {
        (Some(err), _) => Err(err),
        (None, Some((_, cu))) => Ok(cu),
        (None, None) => Err(CommonUnderError::NoSpecificType),
    }
}
