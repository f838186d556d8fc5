//! The type checker: one package at a time, against the checked packages it imports.
//!
//! The phases follow go/types': collect the package-level objects of all files
//! ([`resolver`]), then (being built) check each package-level declaration on demand with
//! cycle detection, then function bodies, then initialization order and unused imports.
//! Every result is recorded in [`Info`]; every problem becomes a [`TypeError`] and
//! checking goes on.

mod errors;
mod info;
mod resolver;

use std::collections::HashMap;
use std::sync::Arc;

use goescape_syntax::ast::File;
use goescape_syntax::Pos;

pub use errors::TypeError;
pub use info::{FileInfo, Info, Mode, TypeAndValue};
pub(crate) use resolver::DeclInfo;

use crate::ids::{DeclPos, ObjId, PkgIdx, ScopeId};
use crate::scope::Scope;
use crate::store::{PackageArena, PackageInfo, Program, TypeStore};
use crate::universe::Universe;

/// What the checker needs to know about a package besides its files.
#[derive(Clone, Debug)]
pub struct PackageInput {
    pub idx: PkgIdx,
    pub path: String,
    pub files: Vec<Arc<File>>,
    /// Each import path as written in the files, resolved to a checked package.
    /// A path missing here is reported as "could not import".
    pub imports: HashMap<String, PkgIdx>,
    /// The language version in effect, such as `go1.22`.
    pub go_version: String,
}

/// The result of checking one package: its arena (to be frozen into the [`Program`]),
/// what was recorded about its files, and its errors in the order found.
#[derive(Debug)]
pub struct CheckedPackage {
    pub arena: PackageArena,
    pub info: Info,
    pub errors: Vec<TypeError>,
}

/// Checks one package. All packages in `input.imports` must already be in `program`.
pub fn check_package(
    program: &Program,
    universe: &Universe,
    input: &PackageInput,
) -> CheckedPackage {
    let name = input
        .files
        .first()
        .map(|file| file.ident_name(file.package_name).into_owned())
        .unwrap_or_default();
    let info = PackageInfo {
        path: input.path.as_str().into(),
        name: name.into(),
        scope: None,
        imports: Vec::new(),
        go_version: input.go_version.as_str().into(),
    };
    let mut arena = PackageArena::new(input.idx, info);
    let package_scope = arena.add_scope(Scope::new(Some(universe.scope)));
    arena.info.scope = Some(package_scope);
    let mut checker = Checker {
        program,
        universe,
        input,
        arena,
        package_scope,
        info: Info {
            files: vec![FileInfo::default(); input.files.len()],
        },
        errors: Vec::new(),
        file_scopes: Vec::new(),
        decls: HashMap::new(),
        decl_order: Vec::new(),
        methods: HashMap::new(),
    };
    checker.collect_objects();
    CheckedPackage {
        arena: checker.arena,
        info: checker.info,
        errors: checker.errors,
    }
}

pub(crate) struct Checker<'a> {
    program: &'a Program,
    #[expect(
        dead_code,
        reason = "read by the declaration phase, the next part of the checker to land"
    )]
    universe: &'a Universe,
    input: &'a PackageInput,
    /// The package being checked: its types, objects and scopes.
    arena: PackageArena,
    package_scope: ScopeId,
    info: Info,
    errors: Vec<TypeError>,
    /// One scope per file, child of the package scope, holding its imports.
    file_scopes: Vec<ScopeId>,
    /// How each package-level object (and each method) is declared.
    decls: HashMap<ObjId, DeclInfo>,
    /// Package-level objects and methods in source order.
    decl_order: Vec<ObjId>,
    /// Methods by the type name of their receiver's base type.
    methods: HashMap<ObjId, Vec<ObjId>>,
}

impl<'a> Checker<'a> {
    /// A read view over all types: the imported packages' and this package's so far.
    pub(crate) fn store(&self) -> TypeStore<'_> {
        TypeStore::new(self.program, Some(&self.arena))
    }

    fn error(&mut self, file: usize, pos: Pos, msg: impl Into<String>) {
        self.errors.push(TypeError {
            file: file as u32,
            pos,
            msg: msg.into(),
            soft: false,
        });
    }

    fn soft_error(&mut self, file: usize, pos: Pos, msg: impl Into<String>) {
        self.errors.push(TypeError {
            file: file as u32,
            pos,
            msg: msg.into(),
            soft: true,
        });
    }

    fn decl_pos(file: usize, pos: Pos) -> Option<DeclPos> {
        pos.is_valid().then_some(DeclPos {
            file: file as u32,
            offset: pos.0,
        })
    }

    fn scope_mut(&mut self, id: ScopeId) -> &mut Scope {
        debug_assert_eq!(id.pkg, self.arena.idx, "only this package's scopes change");
        &mut self.arena.scopes[id.index as usize]
    }
}
