//! Where types, objects and scopes live.
//!
//! Each package owns a [`PackageArena`]. While a package is being checked its arena is
//! mutable; once checked it is frozen behind an `Arc` and shared with every package that
//! imports it. A [`TypeStore`] is the view a checker works with: the frozen arenas of the
//! packages checked so far, plus at most one arena still being filled. Looking up an id
//! never fails for ids the checker itself produced; an id from a package the view does
//! not hold is a bug and panics with a clear message.

use std::sync::Arc;

use crate::ids::{ObjId, PkgIdx, ScopeId, TypeId};
use crate::object::Object;
use crate::scope::Scope;
use crate::ty::Type;

/// A checked or being-checked package's identity and top-level scope.
#[derive(Clone, Debug)]
pub struct PackageInfo {
    pub path: Box<str>,
    pub name: Box<str>,
    /// The package scope; None for the universe arena.
    pub scope: Option<ScopeId>,
    /// Packages imported by this one, in source order of first import.
    pub imports: Vec<PkgIdx>,
    /// Language version in effect (`go1.22`), from the module or toolchain.
    pub go_version: Box<str>,
}

/// The types, objects and scopes created by one package (or by the universe).
#[derive(Clone, Debug)]
pub struct PackageArena {
    pub idx: PkgIdx,
    pub info: PackageInfo,
    pub types: Vec<Type>,
    pub objects: Vec<Object>,
    pub scopes: Vec<Scope>,
}

impl PackageArena {
    pub fn new(idx: PkgIdx, info: PackageInfo) -> PackageArena {
        PackageArena {
            idx,
            info,
            types: Vec::new(),
            objects: Vec::new(),
            scopes: Vec::new(),
        }
    }

    pub fn add_type(&mut self, ty: Type) -> TypeId {
        self.types.push(ty);
        TypeId::new(self.idx, self.types.len() - 1)
    }

    pub fn add_object(&mut self, obj: Object) -> ObjId {
        self.objects.push(obj);
        ObjId::new(self.idx, self.objects.len() - 1)
    }

    pub fn add_scope(&mut self, scope: Scope) -> ScopeId {
        self.scopes.push(scope);
        ScopeId::new(self.idx, self.scopes.len() - 1)
    }
}

/// All packages checked so far, indexed by [`PkgIdx`]; entries are filled in dependency
/// order, so a package's imports are always present when it is checked.
#[derive(Clone, Debug, Default)]
pub struct Program {
    packages: Vec<Option<Arc<PackageArena>>>,
}

impl Program {
    pub fn new(universe: PackageArena) -> Program {
        Program {
            packages: vec![Some(Arc::new(universe))],
        }
    }

    pub fn get(&self, idx: PkgIdx) -> Option<&Arc<PackageArena>> {
        self.packages.get(idx.0 as usize).and_then(Option::as_ref)
    }

    pub fn insert(&mut self, arena: PackageArena) -> Arc<PackageArena> {
        let index = arena.idx.0 as usize;
        if self.packages.len() <= index {
            self.packages.resize(index + 1, None);
        }
        let arena = Arc::new(arena);
        self.packages[index] = Some(arena.clone());
        arena
    }

    pub fn universe(&self) -> &Arc<PackageArena> {
        self.get(PkgIdx::UNIVERSE)
            .expect("the universe is always present")
    }
}

/// Read access to types, objects and scopes of any package: frozen ones from a
/// [`Program`], and optionally one package still being checked.
pub struct TypeStore<'a> {
    pub program: &'a Program,
    pub current: Option<&'a PackageArena>,
}

impl<'a> TypeStore<'a> {
    pub fn new(program: &'a Program, current: Option<&'a PackageArena>) -> TypeStore<'a> {
        TypeStore { program, current }
    }

    pub fn arena(&self, pkg: PkgIdx) -> &'a PackageArena {
        if let Some(current) = self.current {
            if current.idx == pkg {
                return current;
            }
        }
        match self.program.get(pkg) {
            Some(arena) => arena,
            None => panic!(
                "types of {pkg:?} are not loaded: packages must be checked in dependency order"
            ),
        }
    }

    pub fn ty(&self, id: TypeId) -> &'a Type {
        &self.arena(id.pkg).types[id.index as usize]
    }

    pub fn obj(&self, id: ObjId) -> &'a Object {
        &self.arena(id.pkg).objects[id.index as usize]
    }

    pub fn scope(&self, id: ScopeId) -> &'a Scope {
        &self.arena(id.pkg).scopes[id.index as usize]
    }

    pub fn package(&self, pkg: PkgIdx) -> &'a PackageInfo {
        &self.arena(pkg).info
    }
}
