//! Substitutions of type parameters, applied lazily by the queries that compare types.
//!
//! The model is read-only here, so nothing is instantiated: a comparison under a
//! [`Substitution`] reads a type parameter it maps as the type it is mapped to. That is
//! what identity of generic signatures needs (type parameters are equal modulo renaming)
//! and what comparing a method of an instance needs (the model shares an origin's method
//! objects with its instances, whose signatures mention the receiver's type parameters).
//! The replacement types are taken as they are: they are not substituted again.

use crate::ids::{ObjId, TypeId};
use crate::store::TypeStore;
use crate::ty::Type;
use crate::under::as_named;

/// A mapping from type parameters to types.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Substitution {
    pairs: Vec<(TypeId, TypeId)>,
}

/// The substitution that maps nothing.
pub(crate) static NO_SUBSTITUTION: Substitution = Substitution { pairs: Vec::new() };

impl Substitution {
    pub fn new() -> Substitution {
        Substitution::default()
    }

    /// Maps `params[i]` to `args[i]` (the shorter list bounds the pairs).
    pub fn from_lists(params: &[TypeId], args: &[TypeId]) -> Substitution {
        Substitution {
            pairs: params.iter().copied().zip(args.iter().copied()).collect(),
        }
    }

    /// Maps `param` to `arg`, replacing an earlier mapping of `param`.
    pub fn insert(&mut self, param: TypeId, arg: TypeId) {
        match self.pairs.iter_mut().find(|(p, _)| *p == param) {
            Some(pair) => pair.1 = arg,
            None => self.pairs.push((param, arg)),
        }
    }

    pub fn get(&self, param: TypeId) -> Option<TypeId> {
        self.pairs
            .iter()
            .find(|(p, _)| *p == param)
            .map(|&(_, arg)| arg)
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}

/// The substitution that turns the signature of `method`, declared on the origin of the
/// named type `recv` (through aliases), into the method of `recv`: the receiver type
/// parameters (and the origin's type parameters) map to `recv`'s type arguments. Empty
/// when `recv` is not an instance.
pub fn receiver_substitution(store: &TypeStore<'_>, recv: TypeId, method: ObjId) -> Substitution {
    let Some((_, named)) = as_named(store, recv) else {
        return Substitution::new();
    };
    if named.type_args.is_empty() {
        return Substitution::new();
    }
    let mut subst = Substitution::new();
    if let Some(Type::Named(origin)) = named.origin.map(|o| store.ty(o)) {
        for (&param, &arg) in origin.type_params.iter().zip(&named.type_args) {
            subst.insert(param, arg);
        }
    }
    if let Some(Type::Signature(sig)) = store.obj(method).ty.map(|t| store.ty(t)) {
        for (&param, &arg) in sig.recv_type_params.iter().zip(&named.type_args) {
            subst.insert(param, arg);
        }
    }
    subst
}
