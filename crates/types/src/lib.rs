//! Go types, objects and scopes, and the type checker built on them (the equivalent of
//! go/types), for the escape analysis to rely on exact types everywhere.
//!
//! Layout, one concept per module: [`ids`] (identities), [`basic`] (basic kinds), [`ty`]
//! (the type representation), [`object`] (named entities), [`scope`], [`store`] (per-package
//! arenas and the program they form), [`universe`] (predeclared identifiers and `unsafe`).
//!
//! Architecture invariants:
//! - No IO: sources arrive parsed ([`goescape_syntax`]) and packages arrive in dependency
//!   order from the caller.
//! - A package's types, objects and scopes live in its own arena; arenas of checked
//!   packages are immutable and shared, so independent packages can be checked in parallel.
//! - Types are compared with the identity predicate, never by id: equal types created in
//!   different packages have different ids.

pub mod basic;
pub mod check;
pub mod dump;
pub mod ids;
pub mod lookup;
pub mod methodset;
pub mod object;
pub mod predeclared;
pub mod predicates;
pub mod scope;
pub mod selection;
pub mod sizes;
mod stack;
pub mod store;
pub mod subst;
pub mod termlist;
pub mod ty;
pub mod typeset;
pub mod typestring;
pub mod under;
pub mod unique_name;
pub mod universe;

pub use basic::BasicKind;
pub use ids::{DeclPos, ObjId, PkgIdx, ScopeId, TypeId};
pub use object::{Builtin, ObjKind, Object};
pub use scope::Scope;
pub use store::{PackageArena, PackageInfo, Program, TypeStore};
pub use ty::Type;
pub use universe::{new_program, Universe};
