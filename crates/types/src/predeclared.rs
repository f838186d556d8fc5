//! Finding predeclared types and objects from a [`TypeStore`] alone, for queries that are
//! not handed the [`crate::Universe`] (type strings print `any` and `unsafe.Pointer`
//! specially, underlying types of unfinished declarations are `invalid type`).

use crate::basic::BasicKind;
use crate::ids::{ObjId, PkgIdx, TypeId};
use crate::scope::Scope;
use crate::store::TypeStore;
use crate::ty::Type;
use crate::universe::UNSAFE;

/// The universe scope: the first scope of the universe arena, as [`crate::new_program`]
/// builds it.
pub fn universe_scope<'a>(store: &TypeStore<'a>) -> Option<&'a Scope> {
    store.arena(PkgIdx::UNIVERSE).scopes.first()
}

/// The predeclared object `name` (`int`, `any`, `comparable`, `nil`, ...).
pub fn universe_lookup(store: &TypeStore<'_>, name: &str) -> Option<ObjId> {
    universe_scope(store)?.lookup(name)
}

/// The object `name` of package `unsafe` (`Pointer`, `Sizeof`, ...).
pub fn unsafe_lookup(store: &TypeStore<'_>, name: &str) -> Option<ObjId> {
    let scope = store.program.get(UNSAFE)?.info.scope?;
    store.scope(scope).lookup(name)
}

/// The basic type of `kind` (for `Uint8` and `Int32`: `uint8` and `int32`, not `byte`
/// and `rune`).
pub fn basic_type(store: &TypeStore<'_>, kind: BasicKind) -> TypeId {
    // The universe creates the basic types first, in kind order; search only if that
    // layout ever changes.
    let expected = TypeId::new(PkgIdx::UNIVERSE, kind as usize);
    let types = &store.arena(PkgIdx::UNIVERSE).types;
    let is_kind =
        |ty: &Type| matches!(ty, Type::Basic(b) if b.kind == kind && b.name == kind.name());
    if types.get(expected.index as usize).is_some_and(is_kind) {
        return expected;
    }
    match types.iter().position(is_kind) {
        Some(index) => TypeId::new(PkgIdx::UNIVERSE, index),
        None => expected,
    }
}

/// `invalid type`, the type of erroneous expressions and of declarations being checked.
pub fn invalid_type(store: &TypeStore<'_>) -> TypeId {
    basic_type(store, BasicKind::Invalid)
}

/// The type of a predeclared type name (`any` gives the alias, `error` the named type).
pub fn universe_type(store: &TypeStore<'_>, name: &str) -> Option<TypeId> {
    store.obj(universe_lookup(store, name)?).ty
}

/// The empty interface that the predeclared `any` stands for.
pub fn universe_empty_interface(store: &TypeStore<'_>) -> Option<TypeId> {
    match store.ty(universe_type(store, "any")?) {
        Type::Alias(alias) => alias.rhs,
        _ => None,
    }
}

/// The interface underlying the predeclared `comparable`.
pub fn universe_comparable_interface(store: &TypeStore<'_>) -> Option<TypeId> {
    match store.ty(universe_type(store, "comparable")?) {
        Type::Named(named) => named.underlying,
        _ => None,
    }
}
