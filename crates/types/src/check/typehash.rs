//! Hashes of types that identical types share, so that the instances of a generic type can
//! be found by their type arguments without comparing them with every earlier instance
//! (`G[G[G[...]]]` 1 000 deep made a million identity checks of deep types).
//!
//! The hash looks through aliases and follows the shape of pointers, slices, arrays, maps,
//! channels and instances; other types hash by their kind alone, which identical types share
//! too. A match is confirmed with the identity predicate.

use std::hash::{DefaultHasher, Hash, Hasher};

use rustc_hash::FxHashMap;

use super::Checker;
use crate::ids::TypeId;
use crate::ty::Type;
use crate::under::unalias;

impl Checker<'_> {
    /// The hash of a list of type arguments.
    pub(super) fn args_hash(&mut self, args: &[TypeId]) -> u64 {
        let mut h = DefaultHasher::new();
        for &arg in args {
            self.type_hash(arg).hash(&mut h);
        }
        h.finish()
    }

    fn type_hash(&mut self, ty: TypeId) -> u64 {
        if let Some(&h) = self.type_hashes.get(&ty) {
            return h;
        }
        let h = crate::stack::with_stack(|| self.type_hash_inner(ty));
        self.type_hashes.insert(ty, h);
        h
    }

    fn type_hash_inner(&mut self, ty: TypeId) -> u64 {
        let ty = unalias(&self.store(), ty);
        let shape = self.store().ty(ty).clone();
        let mut h = DefaultHasher::new();
        std::mem::discriminant(&shape).hash(&mut h);
        match shape {
            Type::Basic(b) => b.kind.hash(&mut h),
            Type::Pointer(e) | Type::Slice(e) => self.type_hash(e).hash(&mut h),
            Type::Array { len, elem } => {
                len.hash(&mut h);
                self.type_hash(elem).hash(&mut h);
            }
            Type::Map { key, elem } => {
                self.type_hash(key).hash(&mut h);
                self.type_hash(elem).hash(&mut h);
            }
            Type::Chan { dir, elem } => {
                dir.hash(&mut h);
                self.type_hash(elem).hash(&mut h);
            }
            Type::Named(named) => {
                named.obj.hash(&mut h);
                for arg in named.type_args {
                    self.type_hash(arg).hash(&mut h);
                }
            }
            Type::TypeParam(param) => param.obj.hash(&mut h),
            _ => {}
        }
        h.finish()
    }
}

/// The instances of generic types made so far, by origin and type-argument hash.
pub(crate) type InstanceIndex = FxHashMap<(TypeId, u64), Vec<(Vec<TypeId>, TypeId)>>;
