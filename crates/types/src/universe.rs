//! The universe scope (predeclared types, constants, `nil` and builtins) and package
//! `unsafe`, built once into arenas of their own.

use goescape_constant::Value;

use crate::basic::BasicKind;
use crate::ids::{ObjId, PkgIdx, ScopeId, TypeId};
use crate::object::{Builtin, FuncInfo, ObjKind, Object, VarInfo, VarKind};
use crate::scope::Scope;
use crate::store::{PackageArena, PackageInfo, Program};
use crate::ty::{AliasType, BasicType, InterfaceType, NamedType, Signature, Type};

/// The package index of `unsafe`: built with the universe, before any loaded package.
pub const UNSAFE: PkgIdx = PkgIdx(1);

/// The first index available to loaded packages.
pub const FIRST_PACKAGE: PkgIdx = PkgIdx(2);

/// Well-known predeclared entities, by id.
#[derive(Clone, Debug)]
pub struct Universe {
    pub scope: ScopeId,
    pub unsafe_scope: ScopeId,
    /// The basic type of each [`BasicKind`], indexed by `kind as usize`.
    pub basic: Vec<TypeId>,
    pub byte: TypeId,
    pub rune: TypeId,
    pub error: TypeId,
    pub comparable: TypeId,
    pub any: TypeId,
    /// The empty interface `any` stands for.
    pub empty_interface: TypeId,
    pub true_obj: ObjId,
    pub false_obj: ObjId,
    pub iota: ObjId,
    pub nil: ObjId,
}

impl Universe {
    pub fn basic(&self, kind: BasicKind) -> TypeId {
        self.basic[kind as usize]
    }
}

fn predeclared(name: &str, ty: Option<TypeId>, kind: ObjKind, pkg: Option<PkgIdx>) -> Object {
    Object {
        name: name.into(),
        pkg,
        pos: None,
        ty,
        parent: None,
        kind,
    }
}

/// Builds the universe and `unsafe` arenas into a new [`Program`].
pub fn new_program() -> (Program, Universe) {
    let info = |path: &str, name: &str| PackageInfo {
        path: path.into(),
        name: name.into(),
        scope: None,
        imports: Vec::new(),
        go_version: "".into(),
    };
    let mut arena = PackageArena::new(PkgIdx::UNIVERSE, info("", ""));
    let scope = arena.add_scope(Scope::new(None));
    let declare = |arena: &mut PackageArena, scope: ScopeId, obj: Object| -> ObjId {
        let name = obj.name.clone();
        let id = arena.add_object(obj);
        arena.objects[id.index as usize].parent = Some(scope);
        // Names are distinct by construction.
        let _ = arena.scopes[scope.index as usize].insert(&name, id);
        id
    };

    let basic: Vec<TypeId> = BasicKind::ALL
        .iter()
        .map(|&kind| {
            arena.add_type(Type::Basic(BasicType {
                kind,
                name: kind.name(),
            }))
        })
        .collect();
    for &kind in &BasicKind::ALL {
        // Untyped kinds and `invalid type` have no name in scope; `Pointer` is unsafe's.
        if kind.is_untyped() || kind == BasicKind::Invalid || kind == BasicKind::UnsafePointer {
            continue;
        }
        let ty = basic[kind as usize];
        declare(
            &mut arena,
            scope,
            predeclared(kind.name(), Some(ty), ObjKind::TypeName, None),
        );
    }
    let byte = arena.add_type(Type::Basic(BasicType {
        kind: BasicKind::Uint8,
        name: "byte",
    }));
    let rune = arena.add_type(Type::Basic(BasicType {
        kind: BasicKind::Int32,
        name: "rune",
    }));
    declare(
        &mut arena,
        scope,
        predeclared("byte", Some(byte), ObjKind::TypeName, None),
    );
    declare(
        &mut arena,
        scope,
        predeclared("rune", Some(rune), ObjKind::TypeName, None),
    );

    // type any = interface{}
    let empty_interface = arena.add_type(Type::Interface(InterfaceType::default()));
    let any_obj = declare(
        &mut arena,
        scope,
        predeclared("any", None, ObjKind::TypeName, None),
    );
    let any = arena.add_type(Type::Alias(AliasType {
        obj: any_obj,
        rhs: Some(empty_interface),
        type_params: Vec::new(),
        origin: None,
        type_args: Vec::new(),
    }));
    arena.objects[any_obj.index as usize].ty = Some(any);

    // type error interface{ Error() string }
    let error_obj = declare(
        &mut arena,
        scope,
        predeclared("error", None, ObjKind::TypeName, None),
    );
    let error = arena.add_type(Type::Named(NamedType {
        obj: error_obj,
        underlying: None,
        methods: Vec::new(),
        type_params: Vec::new(),
        origin: None,
        type_args: Vec::new(),
    }));
    arena.objects[error_obj.index as usize].ty = Some(error);
    let var = |name: &str, ty: TypeId, kind: VarKind| {
        predeclared(
            name,
            Some(ty),
            ObjKind::Var(VarInfo {
                kind,
                embedded: false,
                used: false,
                origin: None,
            }),
            None,
        )
    };
    let recv = arena.add_object(var("", error, VarKind::Receiver));
    let result = arena.add_object(var("", basic[BasicKind::String as usize], VarKind::Result));
    let error_sig = arena.add_type(Type::Signature(Signature {
        recv: Some(recv),
        results: vec![result],
        ..Signature::default()
    }));
    let error_method = arena.add_object(predeclared(
        "Error",
        Some(error_sig),
        ObjKind::Func(FuncInfo::default()),
        None,
    ));
    let error_iface = arena.add_type(Type::Interface(InterfaceType {
        methods: vec![error_method],
        ..InterfaceType::default()
    }));
    if let Type::Named(named) = &mut arena.types[error.index as usize] {
        named.underlying = Some(error_iface);
    }

    // type comparable interface{ /* comparable */ }
    let comparable_obj = declare(
        &mut arena,
        scope,
        predeclared("comparable", None, ObjKind::TypeName, None),
    );
    let comparable = arena.add_type(Type::Named(NamedType {
        obj: comparable_obj,
        underlying: None,
        methods: Vec::new(),
        type_params: Vec::new(),
        origin: None,
        type_args: Vec::new(),
    }));
    let comparable_iface = arena.add_type(Type::Interface(InterfaceType {
        comparable: true,
        ..InterfaceType::default()
    }));
    if let Type::Named(named) = &mut arena.types[comparable.index as usize] {
        named.underlying = Some(comparable_iface);
    }
    arena.objects[comparable_obj.index as usize].ty = Some(comparable);

    let untyped_bool = basic[BasicKind::UntypedBool as usize];
    let true_obj = declare(
        &mut arena,
        scope,
        predeclared(
            "true",
            Some(untyped_bool),
            ObjKind::Const(Value::from_bool(true)),
            None,
        ),
    );
    let false_obj = declare(
        &mut arena,
        scope,
        predeclared(
            "false",
            Some(untyped_bool),
            ObjKind::Const(Value::from_bool(false)),
            None,
        ),
    );
    let iota = declare(
        &mut arena,
        scope,
        predeclared(
            "iota",
            Some(basic[BasicKind::UntypedInt as usize]),
            ObjKind::Const(Value::from_i64(0)),
            None,
        ),
    );
    let nil = declare(
        &mut arena,
        scope,
        predeclared(
            "nil",
            Some(basic[BasicKind::UntypedNil as usize]),
            ObjKind::Nil,
            None,
        ),
    );
    let invalid = basic[BasicKind::Invalid as usize];
    for builtin in Builtin::UNIVERSE {
        declare(
            &mut arena,
            scope,
            predeclared(
                builtin.name(),
                Some(invalid),
                ObjKind::Builtin(builtin),
                None,
            ),
        );
    }

    // package unsafe: its own arena, so that its objects belong to it.
    let mut unsafe_arena = PackageArena::new(UNSAFE, info("unsafe", "unsafe"));
    let unsafe_scope = unsafe_arena.add_scope(Scope::new(Some(scope)));
    unsafe_arena.info.scope = Some(unsafe_scope);
    let pointer = basic[BasicKind::UnsafePointer as usize];
    declare(
        &mut unsafe_arena,
        unsafe_scope,
        predeclared("Pointer", Some(pointer), ObjKind::TypeName, Some(UNSAFE)),
    );
    for builtin in Builtin::UNSAFE {
        declare(
            &mut unsafe_arena,
            unsafe_scope,
            predeclared(
                builtin.name(),
                Some(invalid),
                ObjKind::Builtin(builtin),
                Some(UNSAFE),
            ),
        );
    }

    let universe = Universe {
        scope,
        unsafe_scope,
        basic,
        byte,
        rune,
        error,
        comparable,
        any,
        empty_interface,
        true_obj,
        false_obj,
        iota,
        nil,
    };
    let mut program = Program::new(arena);
    program.insert(unsafe_arena);
    (program, universe)
}
