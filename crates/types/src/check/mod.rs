//! The type checker: one package at a time, against the checked packages it imports.
//!
//! The phases follow go/types': collect the package-level objects of all files
//! ([`resolver`]), then (being built) check each package-level declaration on demand with
//! cycle detection, then function bodies, then initialization order and unused imports.
//! Every result is recorded in [`Info`]; every problem becomes a [`TypeError`] and
//! checking goes on.

mod assign;
mod call;
mod convert;
mod cycles;
mod decl;
mod errors;
mod expr;
mod expr_map;
mod extent;
mod generics;
mod info;
mod initorder;
mod mono;
mod operand;
mod resolver;
mod satisfy;
mod selector;
mod stmt;
mod terminating;
mod typehash;
mod typexpr;
mod validtype;
mod version;

use std::collections::HashMap;
use std::sync::Arc;

use goescape_constant::Value;
use goescape_syntax::ast::{ExprId, File};
use goescape_syntax::Pos;
use rustc_hash::FxHashMap;

pub use errors::TypeError;
pub use info::{ExprMap, FileInfo, Info, Mode, TypeAndValue};
pub use initorder::Initializer;
pub(crate) use resolver::DeclInfo;

use crate::ids::{DeclPos, ObjId, PkgIdx, ScopeId, TypeId};
use crate::scope::Scope;
use crate::sizes::Sizes;
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
            files: input.files.iter().map(FileInfo::sized_for).collect(),
            init_order: Vec::new(),
            instance_methods: FxHashMap::default(),
        },
        errors: Vec::new(),
        file_scopes: Vec::new(),
        decls: FxHashMap::default(),
        decl_order: Vec::new(),
        methods: FxHashMap::default(),
        colors: FxHashMap::default(),
        obj_path: Vec::new(),
        iota: None,
        untyped: FxHashMap::default(),
        sizes: Sizes::AMD64,
        instances: FxHashMap::default(),
        pending_instances: Vec::new(),
        delayed: Vec::new(),
        current_decl: None,
        deps: FxHashMap::default(),
        valid_types: validtype::ValidTypes::default(),
        expanding: Vec::new(),
        extents: extent::Extents::default(),
        method_instances: FxHashMap::default(),
        dot_imports: FxHashMap::default(),
        local_vars: Vec::new(),
        type_hashes: FxHashMap::default(),
        mono: mono::MonoGraph::default(),
        var_types_ok: rustc_hash::FxHashSet::default(),
        stmt_ctx: 0,
        file_langs: Vec::new(),
        embedded_methods_budget: 1 << 21,
    };
    checker.collect_objects();
    checker.package_objects();
    CheckedPackage {
        arena: checker.arena,
        info: checker.info,
        errors: checker.errors,
    }
}

pub(crate) struct Checker<'a> {
    program: &'a Program,
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
    decls: FxHashMap<ObjId, DeclInfo>,
    /// Package-level objects and methods in source order.
    decl_order: Vec<ObjId>,
    /// Methods by the type name of their receiver's base type.
    methods: FxHashMap<ObjId, Vec<ObjId>>,
    /// Declarations being checked (grey) or done (black).
    colors: FxHashMap<ObjId, Color>,
    /// The grey objects, outermost first: a reference back into it is a cycle.
    obj_path: Vec<ObjId>,
    /// The value of `iota` in the constant declaration being checked.
    iota: Option<Value>,
    /// Untyped expressions whose final type is not known yet, by file and expression.
    untyped: FxHashMap<(usize, ExprId), UntypedInfo>,
    sizes: Sizes,
    /// Instances of generic defined types made so far, by origin and hash of the type
    /// arguments: `(type arguments, instance)`.
    instances: typehash::InstanceIndex,
    /// The language version of each file as (major, minor), None if not valid.
    file_langs: Vec<Option<(u32, u32)>>,
    /// Where the statement being checked is (`stmt::BREAK_OK`, ...): which branch
    /// statements it admits.
    stmt_ctx: u8,
    /// How many more embedded methods the duplicate-method check may look at (see
    /// `typexpr::check_embedded_methods`).
    embedded_methods_budget: usize,
    /// Types found to be valid variable types (no constraint interfaces).
    var_types_ok: rustc_hash::FxHashSet<TypeId>,
    /// The instantiations verified so far, for instantiation cycles (see `mono`).
    mono: mono::MonoGraph,
    /// Hashes of types computed so far (see `typehash`).
    type_hashes: FxHashMap<TypeId, u64>,
    /// Instances whose origin's underlying type was not known when they were made.
    pending_instances: Vec<TypeId>,
    /// What is checked after the package-level declarations, in the order it was set
    /// aside (go/types' delayed actions): function bodies and instantiations to verify.
    delayed: Vec<Delayed>,
    /// The package-level declaration whose initializer or body is being checked.
    current_decl: Option<ObjId>,
    /// The package-level constants, variables and functions each declaration refers to.
    deps: FxHashMap<ObjId, rustc_hash::FxHashSet<ObjId>>,
    /// Defined types' declared types, and those still to check for invalid recursion.
    valid_types: validtype::ValidTypes,
    /// The instances whose underlying types are being computed, innermost last.
    expanding: Vec<TypeId>,
    /// Ends of scopes found so far (see `extent`).
    extents: extent::Extents,
    /// The methods of instances made so far, by instance and generic method.
    method_instances: FxHashMap<(TypeId, ObjId), ObjId>,
    /// The objects dot-imports make visible, by file and object: the import's name.
    dot_imports: FxHashMap<(usize, ObjId), ObjId>,
    /// For each function body being checked (innermost last), its local variables, to
    /// report those never used.
    local_vars: Vec<Vec<ObjId>>,
}

/// Where names are looked up: a file of the package and a scope.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Env {
    pub file: usize,
    pub scope: ScopeId,
    /// The signature of the function whose body is being checked, for `return`.
    pub func: Option<TypeId>,
}

/// Work set aside until the package-level declarations are checked.
#[derive(Debug)]
pub(crate) enum Delayed {
    /// A function body: the environment with the function's scope and signature, the
    /// index of the declaration in its file, and the function.
    Body(Env, usize, ObjId),
    /// The type arguments of an instantiation against their constraints.
    Verify(satisfy::Verification),
    /// The methods an interface type literal gets from its embedded elements (at
    /// `embed_pos`, one per embedded element), compared.
    EmbeddedMethods {
        file: usize,
        iface: TypeId,
        embed_pos: Vec<Pos>,
    },
    /// A type used as a variable's (written at `at`): it must not be a constraint
    /// interface.
    VarType { file: usize, at: Pos, ty: TypeId },
    /// Done already.
    Done,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Color {
    Grey,
    Black,
}

/// What is known of an untyped expression until its final type is.
#[derive(Clone, Debug)]
pub(crate) struct UntypedInfo {
    /// The left operand of a shift: its final type must be an integer.
    pub is_lhs: bool,
    pub mode: Mode,
    pub ty: TypeId,
    pub value: Option<Value>,
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

    /// The file `env` is in. Borrowed from the input, not from the checker (so `&mut self`
    /// methods can be called while it is held), and not an `Arc` clone: the checker asks
    /// for it at nearly every node, and the reference count's atomic updates were a
    /// visible cost.
    fn file(&self, env: Env) -> &'a File {
        &self.input.files[env.file]
    }

    /// Records the type (and mode and value) of an expression.
    fn record(&mut self, env: Env, e: ExprId, mode: Mode, ty: TypeId, value: Option<Value>) {
        self.info.files[env.file]
            .types
            .insert(e, TypeAndValue { mode, ty, value });
    }

    /// The underlying type, or for a type parameter the one underlying type all types of
    /// its type set share (go/types' `coreType` use in indexing, ranging, literals, ...).
    pub(crate) fn core_under(store: &TypeStore<'_>, ty: TypeId) -> TypeId {
        if crate::under::is_type_param(store, ty) {
            if let Some(core) = crate::under::common_under(store, ty) {
                return core;
            }
        }
        crate::under::underlying(store, ty)
    }

    /// The object `name` denotes from `env`'s scope outwards.
    fn lookup(&self, env: Env, name: &str) -> Option<ObjId> {
        let store = self.store();
        let mut scope = Some(env.scope);
        while let Some(id) = scope {
            let s = store.scope(id);
            if let Some(obj) = s.lookup(name) {
                return Some(obj);
            }
            scope = s.parent;
        }
        None
    }

    /// Type names in messages: unqualified for this package, by path for the others.
    fn qualifier(&self) -> Box<dyn Fn(PkgIdx) -> Option<String> + '_> {
        let this = self.arena.idx;
        let program = self.program;
        let arena = &self.arena;
        Box::new(move |pkg| {
            (pkg != this).then(|| {
                TypeStore::new(program, Some(arena))
                    .package(pkg)
                    .path
                    .to_string()
            })
        })
    }

    /// A variable the checker makes up (tuple elements, builtin signatures, receivers of
    /// interface methods): no name, no position.
    pub(crate) fn made_up_var(&mut self, kind: crate::object::VarKind, ty: TypeId) -> ObjId {
        self.arena.add_object(crate::object::Object {
            name: "".into(),
            pkg: None,
            pos: None,
            ty: Some(ty),
            parent: None,
            kind: crate::object::ObjKind::Var(crate::object::VarInfo {
                kind,
                embedded: false,
                used: false,
                origin: None,
            }),
        })
    }

    fn scope_mut(&mut self, id: ScopeId) -> &mut Scope {
        debug_assert_eq!(id.pkg, self.arena.idx, "only this package's scopes change");
        &mut self.arena.scopes[id.index as usize]
    }
}
