//! Builders for types and objects, standing in for the checker in tests, and the
//! expectations go/types computed (testdata/gotypes.expected, from testdata/regen.sh).

#![allow(dead_code)]

pub mod fixture;

use goescape_constant::Value;
use goescape_types::object::{FuncInfo, VarInfo, VarKind};
use goescape_types::ty::{
    AliasType, ChanDir, InterfaceType, NamedType, Signature, StructType, Term, TypeParamType,
};
use goescape_types::universe::FIRST_PACKAGE;
use goescape_types::{
    new_program, BasicKind, ObjId, ObjKind, Object, PackageArena, PackageInfo, PkgIdx, Program,
    Scope, ScopeId, Type, TypeId, TypeStore, Universe,
};

/// A program being built: the packages finished so far and the one being filled.
pub struct Builder {
    pub program: Program,
    pub universe: Universe,
    pub arena: PackageArena,
}

impl Builder {
    /// A program with the universe, and an empty package `example.com/p` being built.
    pub fn new() -> Builder {
        let (program, universe) = new_program();
        let mut b = Builder {
            program,
            universe,
            arena: PackageArena::new(PkgIdx(0), info("", "")),
        };
        b.start_package(FIRST_PACKAGE, "example.com/p", "p");
        b
    }

    /// Starts filling a new package (the current one is dropped unless finished).
    pub fn start_package(&mut self, idx: PkgIdx, path: &str, name: &str) {
        let mut arena = PackageArena::new(idx, info(path, name));
        let scope = arena.add_scope(Scope::new(Some(self.universe.scope)));
        arena.info.scope = Some(scope);
        self.arena = arena;
    }

    /// Freezes the current package into the program and starts the next one.
    pub fn finish_package(&mut self, next_path: &str, next_name: &str) -> PkgIdx {
        let done = self.arena.idx;
        let arena = std::mem::replace(&mut self.arena, PackageArena::new(PkgIdx(0), info("", "")));
        self.program.insert(arena);
        self.start_package(PkgIdx(done.0 + 1), next_path, next_name);
        done
    }

    pub fn store(&self) -> TypeStore<'_> {
        TypeStore::new(&self.program, Some(&self.arena))
    }

    pub fn pkg(&self) -> PkgIdx {
        self.arena.idx
    }

    fn package_scope(&self) -> ScopeId {
        self.arena.info.scope.expect("package scope")
    }

    pub fn add(&mut self, ty: Type) -> TypeId {
        self.arena.add_type(ty)
    }

    pub fn basic(&self, kind: BasicKind) -> TypeId {
        self.universe.basic(kind)
    }

    pub fn int(&self) -> TypeId {
        self.basic(BasicKind::Int)
    }

    pub fn string(&self) -> TypeId {
        self.basic(BasicKind::String)
    }

    pub fn ptr(&mut self, base: TypeId) -> TypeId {
        self.add(Type::Pointer(base))
    }

    pub fn slice(&mut self, elem: TypeId) -> TypeId {
        self.add(Type::Slice(elem))
    }

    pub fn array(&mut self, len: u64, elem: TypeId) -> TypeId {
        self.add(Type::Array {
            len: Some(len),
            elem,
        })
    }

    pub fn map(&mut self, key: TypeId, elem: TypeId) -> TypeId {
        self.add(Type::Map { key, elem })
    }

    pub fn chan(&mut self, dir: ChanDir, elem: TypeId) -> TypeId {
        self.add(Type::Chan { dir, elem })
    }

    pub fn object(&mut self, name: &str, ty: Option<TypeId>, kind: ObjKind) -> ObjId {
        let pkg = Some(self.pkg());
        self.arena.add_object(Object {
            name: name.into(),
            pkg,
            pos: None,
            ty,
            parent: None,
            kind,
        })
    }

    /// Declares an object in the package scope.
    pub fn declare(&mut self, name: &str, ty: Option<TypeId>, kind: ObjKind) -> ObjId {
        let obj = self.object(name, ty, kind);
        let scope = self.package_scope();
        self.arena.objects[obj.index as usize].parent = Some(scope);
        self.arena.scopes[scope.index as usize]
            .insert(name, obj)
            .expect("distinct names");
        obj
    }

    pub fn var(&mut self, name: &str, ty: TypeId, kind: VarKind) -> ObjId {
        let info = VarInfo {
            kind,
            embedded: false,
            used: false,
            origin: None,
        };
        self.object(name, Some(ty), ObjKind::Var(info))
    }

    pub fn field(&mut self, name: &str, ty: TypeId) -> ObjId {
        self.var(name, ty, VarKind::Field)
    }

    /// An embedded field `T` or `*T`, named after its type name.
    pub fn embedded(&mut self, ty: TypeId) -> ObjId {
        let base = match self.store().ty(ty) {
            Type::Pointer(base) => *base,
            _ => ty,
        };
        let name = match self.store().ty(base) {
            Type::Named(n) => self.store().obj(n.obj).name.to_string(),
            Type::Alias(a) => self.store().obj(a.obj).name.to_string(),
            Type::Basic(b) => b.name.to_string(),
            other => panic!("cannot embed {other:?}"),
        };
        let info = VarInfo {
            kind: VarKind::Field,
            embedded: true,
            used: false,
            origin: None,
        };
        self.object(&name, Some(ty), ObjKind::Var(info))
    }

    pub fn strukt(&mut self, fields: Vec<ObjId>) -> TypeId {
        self.add(Type::Struct(StructType {
            fields,
            tags: Vec::new(),
        }))
    }

    pub fn tagged_struct(&mut self, fields: Vec<ObjId>, tags: Vec<&[u8]>) -> TypeId {
        let tags = tags.into_iter().map(Box::from).collect();
        self.add(Type::Struct(StructType { fields, tags }))
    }

    /// Struct `struct{name ty; ...}` from (name, type) pairs.
    pub fn struct_of(&mut self, fields: &[(&str, TypeId)]) -> TypeId {
        let fields = fields
            .iter()
            .map(|&(name, ty)| self.field(name, ty))
            .collect();
        self.strukt(fields)
    }

    pub fn params(&mut self, list: &[(&str, TypeId)], kind: VarKind) -> Vec<ObjId> {
        list.iter()
            .map(|&(name, ty)| self.var(name, ty, kind))
            .collect()
    }

    pub fn signature(
        &mut self,
        params: &[(&str, TypeId)],
        results: &[(&str, TypeId)],
        variadic: bool,
    ) -> Signature {
        Signature {
            params: self.params(params, VarKind::Param),
            results: self.params(results, VarKind::Result),
            variadic,
            ..Signature::default()
        }
    }

    pub fn func_type(
        &mut self,
        params: &[(&str, TypeId)],
        results: &[(&str, TypeId)],
        variadic: bool,
    ) -> TypeId {
        let sig = self.signature(params, results, variadic);
        self.add(Type::Signature(sig))
    }

    pub fn generic_func_type(
        &mut self,
        type_params: Vec<TypeId>,
        params: &[(&str, TypeId)],
        results: &[(&str, TypeId)],
    ) -> TypeId {
        let sig = Signature {
            type_params,
            ..self.signature(params, results, false)
        };
        self.add(Type::Signature(sig))
    }

    /// A package-level function.
    pub fn func(&mut self, name: &str, sig: TypeId) -> ObjId {
        self.declare(name, Some(sig), ObjKind::Func(FuncInfo::default()))
    }

    pub fn global(&mut self, name: &str, ty: TypeId) -> ObjId {
        let info = VarInfo {
            kind: VarKind::Var,
            embedded: false,
            used: false,
            origin: None,
        };
        self.declare(name, Some(ty), ObjKind::Var(info))
    }

    pub fn constant(&mut self, name: &str, ty: TypeId, value: Value) -> ObjId {
        self.declare(name, Some(ty), ObjKind::Const(value))
    }

    /// Declares `type name` (underlying set later with [`Builder::set_underlying`]).
    pub fn named(&mut self, name: &str, underlying: Option<TypeId>) -> TypeId {
        let obj = self.declare(name, None, ObjKind::TypeName);
        let ty = self.add(Type::Named(NamedType {
            obj,
            underlying,
            methods: Vec::new(),
            type_params: Vec::new(),
            origin: None,
            type_args: Vec::new(),
        }));
        self.arena.objects[obj.index as usize].ty = Some(ty);
        ty
    }

    fn named_mut(&mut self, named: TypeId) -> &mut NamedType {
        assert_eq!(
            named.pkg,
            self.pkg(),
            "named types are changed in their own package"
        );
        match &mut self.arena.types[named.index as usize] {
            Type::Named(n) => n,
            other => panic!("not a named type: {other:?}"),
        }
    }

    pub fn set_underlying(&mut self, named: TypeId, underlying: TypeId) {
        self.named_mut(named).underlying = Some(underlying);
    }

    pub fn set_type_params(&mut self, named: TypeId, params: Vec<TypeId>) {
        self.named_mut(named).type_params = params;
    }

    /// Declares a method on `recv_base` with receiver `recv_name recv_ty` (`recv_ty` is the
    /// base type or a pointer to it, or an instance of it for generic types).
    pub fn method(
        &mut self,
        recv_base: TypeId,
        recv_name: &str,
        recv_ty: TypeId,
        name: &str,
        mut sig: Signature,
    ) -> ObjId {
        sig.recv = Some(self.var(recv_name, recv_ty, VarKind::Receiver));
        let has_ptr_recv = matches!(self.store().ty(recv_ty), Type::Pointer(_));
        let sig = self.add(Type::Signature(sig));
        let method = self.object(
            name,
            Some(sig),
            ObjKind::Func(FuncInfo {
                has_ptr_recv,
                origin: None,
            }),
        );
        self.named_mut(recv_base).methods.push(method);
        method
    }

    /// An interface method `name` with receiver type `recv` (the named interface, or the
    /// literal itself).
    pub fn interface_method(
        &mut self,
        name: &str,
        recv: Option<TypeId>,
        mut sig: Signature,
    ) -> ObjId {
        if let Some(recv) = recv {
            sig.recv = Some(self.var("", recv, VarKind::Receiver));
        }
        let sig = self.add(Type::Signature(sig));
        self.object(name, Some(sig), ObjKind::Func(FuncInfo::default()))
    }

    /// An interface literal whose methods have it as receiver type, as the checker makes
    /// them.
    pub fn interface_literal(
        &mut self,
        methods: Vec<(&str, Signature)>,
        embeddeds: Vec<TypeId>,
    ) -> TypeId {
        let iface = self.interface(Vec::new(), embeddeds);
        let methods: Vec<ObjId> = methods
            .into_iter()
            .map(|(name, sig)| self.interface_method(name, Some(iface), sig))
            .collect();
        match &mut self.arena.types[iface.index as usize] {
            Type::Interface(i) => i.methods = methods,
            _ => unreachable!(),
        }
        iface
    }

    pub fn interface(&mut self, methods: Vec<ObjId>, embeddeds: Vec<TypeId>) -> TypeId {
        self.add(Type::Interface(InterfaceType {
            methods,
            embeddeds,
            implicit: false,
            comparable: false,
        }))
    }

    pub fn implicit_interface(&mut self, embedded: TypeId) -> TypeId {
        self.add(Type::Interface(InterfaceType {
            methods: Vec::new(),
            embeddeds: vec![embedded],
            implicit: true,
            comparable: false,
        }))
    }

    pub fn union(&mut self, terms: &[(bool, TypeId)]) -> TypeId {
        self.add(Type::Union(
            terms
                .iter()
                .map(|&(tilde, ty)| Term { tilde, ty })
                .collect(),
        ))
    }

    /// A type parameter (its type name is not in the package scope).
    pub fn type_param(&mut self, name: &str, index: u32, constraint: Option<TypeId>) -> TypeId {
        let obj = self.object(name, None, ObjKind::TypeName);
        let ty = self.add(Type::TypeParam(TypeParamType {
            obj,
            index,
            constraint,
        }));
        self.arena.objects[obj.index as usize].ty = Some(ty);
        ty
    }

    /// The instance `generic[args]` with its (substituted) underlying type.
    pub fn instance(
        &mut self,
        generic: TypeId,
        args: Vec<TypeId>,
        underlying: Option<TypeId>,
    ) -> TypeId {
        let obj = match self.store().ty(generic) {
            Type::Named(n) => n.obj,
            other => panic!("not generic: {other:?}"),
        };
        self.add(Type::Named(NamedType {
            obj,
            underlying,
            methods: Vec::new(),
            type_params: Vec::new(),
            origin: Some(generic),
            type_args: args,
        }))
    }

    pub fn alias(&mut self, name: &str, rhs: TypeId, type_params: Vec<TypeId>) -> TypeId {
        let obj = self.declare(name, None, ObjKind::TypeName);
        let ty = self.add(Type::Alias(AliasType {
            obj,
            rhs: Some(rhs),
            type_params,
            origin: None,
            type_args: Vec::new(),
        }));
        self.arena.objects[obj.index as usize].ty = Some(ty);
        ty
    }

    pub fn alias_instance(&mut self, generic: TypeId, args: Vec<TypeId>, rhs: TypeId) -> TypeId {
        let obj = match self.store().ty(generic) {
            Type::Alias(a) => a.obj,
            other => panic!("not a generic alias: {other:?}"),
        };
        self.add(Type::Alias(AliasType {
            obj,
            rhs: Some(rhs),
            type_params: Vec::new(),
            origin: Some(generic),
            type_args: args,
        }))
    }

    /// The package-level object `name` of the current package.
    pub fn lookup(&self, name: &str) -> ObjId {
        let scope = self.package_scope();
        self.arena.scopes[scope.index as usize]
            .lookup(name)
            .unwrap_or_else(|| panic!("no {name}"))
    }

    /// The type of the package-level object `name`.
    pub fn type_of(&self, name: &str) -> TypeId {
        self.store().obj(self.lookup(name)).ty.expect("typed")
    }
}

fn info(path: &str, name: &str) -> PackageInfo {
    PackageInfo {
        path: path.into(),
        name: name.into(),
        scope: None,
        imports: Vec::new(),
        go_version: "go1.26".into(),
    }
}

/// The facts go/types printed for `kind` lines, split into their tab-separated fields
/// (after the kind).
pub fn expected(kind: &str) -> Vec<Vec<&'static str>> {
    let lines: Vec<Vec<&str>> = include_str!("../../testdata/gotypes.expected")
        .lines()
        .filter_map(|line| {
            let mut fields = line.split('\t');
            (fields.next() == Some(kind)).then(|| fields.collect())
        })
        .collect();
    assert!(!lines.is_empty(), "no {kind} lines in gotypes.expected");
    lines
}
