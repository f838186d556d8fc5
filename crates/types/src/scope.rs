//! Lexical scopes: universe, package, file, and the blocks of function bodies.

use rustc_hash::FxHashMap;

use crate::ids::{ObjId, ScopeId};

#[derive(Clone, Debug, Default)]
pub struct Scope {
    pub parent: Option<ScopeId>,
    /// Names declared in this scope, in declaration order.
    pub names: Vec<Box<str>>,
    entries: FxHashMap<Box<str>, ObjId>,
    /// Byte range of the scope in its file, for block scopes (go/types' `Pos`/`End`):
    /// a name declared in a block is visible from its declaration to the block's end.
    pub range: Option<(u32, u32, u32)>,
    /// Whether this scope is a function's outermost scope (labels and results live there).
    pub is_func: bool,
}

impl Scope {
    pub fn new(parent: Option<ScopeId>) -> Scope {
        Scope {
            parent,
            ..Scope::default()
        }
    }

    pub fn lookup(&self, name: &str) -> Option<ObjId> {
        // Most block scopes are empty: skip hashing the name (lookups walk every scope
        // out to the universe, so deeply nested blocks make this the hot path).
        if self.entries.is_empty() {
            return None;
        }
        self.entries.get(name).copied()
    }

    /// Declares `name`; returns the earlier object if the name was taken (nothing changes).
    pub fn insert(&mut self, name: &str, obj: ObjId) -> Result<(), ObjId> {
        if let Some(&existing) = self.entries.get(name) {
            return Err(existing);
        }
        self.entries.insert(name.into(), obj);
        self.names.push(name.into());
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Names in sorted order, as go/types' `Scope.Names` returns them.
    pub fn sorted_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.names.iter().map(|name| &**name).collect();
        names.sort_unstable();
        names
    }
}
