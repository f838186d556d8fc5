//! Identities of packages, types, objects and scopes.
//!
//! Every type, object and scope lives in the arena of the package that created it (see
//! [`crate::store`]). An id is the pair (package, index), so packages can be checked in
//! parallel, each appending to its own arena while reading the frozen arenas of the
//! packages it imports.

use std::fmt;

/// A package of the program, numbered in dependency order. [`PkgIdx::UNIVERSE`] holds the
/// predeclared identifiers; package `unsafe` is an ordinary (built-in) package.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PkgIdx(pub u32);

impl PkgIdx {
    pub const UNIVERSE: PkgIdx = PkgIdx(0);
}

impl fmt::Debug for PkgIdx {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "pkg{}", self.0)
    }
}

macro_rules! arena_id {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name {
            pub pkg: PkgIdx,
            pub index: u32,
        }

        impl $name {
            pub fn new(pkg: PkgIdx, index: usize) -> $name {
                $name { pkg, index: index as u32 }
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}.{}"), self.pkg.0, self.index)
            }
        }
    };
}

arena_id!(
    /// A type in some package's arena.
    TypeId,
    "t"
);
arena_id!(
    /// An object (variable, constant, type name, function, ...) in some package's arena.
    ObjId,
    "o"
);
arena_id!(
    /// A scope in some package's arena.
    ScopeId,
    "s"
);

/// Where an object was declared: a file of its package (by index in the package's file
/// list) and a byte offset in it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct DeclPos {
    pub file: u32,
    pub offset: u32,
}
