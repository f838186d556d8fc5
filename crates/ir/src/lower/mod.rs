//! Lowering a checked package to IR: gc's noder and typecheck rewrites, as far as escape
//! analysis can tell them apart.
//!
//! One [`Lowerer`] walks every function body of the package once. Expressions are lowered
//! with the type the checker recorded for them; gc's rewrites happen on the way:
//! implicit conversions at assignments ([`convert`]), method calls with their receivers,
//! variadic packing and multi-value arguments ([`call`]), closures and their captures
//! ([`closure`]), `go`/`defer` wrappers and the statement forms ([`stmt`]).
//!
//! What is not lowered yet (generic function bodies, package-level initialisers) is
//! recorded in [`Package::unsupported`] so the analysis can say what it skipped.

mod abi_wrappers;
mod call;
mod closure;
mod convert;
mod devirtualize;
mod expr;
mod literal;
mod package_init;
mod positions;
mod range_func;
mod stmt;
mod wrappers;

use std::collections::HashMap;
use std::sync::Arc;

use goescape_syntax::ast::{Decl, File, FuncDecl};
use goescape_types::check::{FileInfo, Info};
use goescape_types::ty::Type;
use goescape_types::under::underlying;
use goescape_types::{ObjId, PkgIdx, TypeId, TypeStore};

pub use abi_wrappers::AsmSymbols;

use crate::expr::IrType;
use crate::func::{Capture, Func, FuncKind, Pragmas};
use crate::ids::{FuncId, StmtId, VarId};
use crate::package::{Package, Unsupported};
use crate::pos::IrPos;
use crate::var::{Var, VarClass};

/// What lowering reads: the checked package and the program it belongs to.
pub struct LowerInput<'a> {
    pub store: &'a TypeStore<'a>,
    pub pkg: PkgIdx,
    pub path: &'a str,
    pub files: &'a [Arc<File>],
    pub info: &'a Info,
    /// The predeclared `any`, the type of `panic`'s argument.
    pub any: TypeId,
    /// The predeclared `int` and `bool`, for the variables gc's rewrites declare.
    pub int_type: TypeId,
    pub bool_type: TypeId,
    /// Whether a package's functions carry inline bodies in its export data, as they
    /// do unless it was compiled with `-l`: a method wrapper tail-calls a promoted
    /// pointer method that has none.
    pub inline_bodies: InlineBodies<'a>,
    /// The package's assembly: the functions it defines and calls (ABI wrappers).
    pub asm: &'a AsmSymbols,
}

/// Whether a package's export data carries the bodies of its inlinable functions (it was
/// compiled without `-l`): gc's wrappers tail-call promoted methods that have none.
pub type InlineBodies<'a> = &'a (dyn Fn(PkgIdx) -> bool + Sync);

/// The wrappers gc makes for the shape types of the instances a package compiles: each
/// `(name, type)` is a shape's name (without `go.shape.`) and its underlying type.
pub fn lower_shape_wrappers(
    store: &TypeStore<'_>,
    pkg: PkgIdx,
    path: &str,
    shapes: &[(String, TypeId)],
    inline_bodies: InlineBodies<'_>,
) -> Package {
    let info = Info::default();
    let asm = AsmSymbols::default();
    let any = goescape_types::predeclared::universe_lookup(store, "any")
        .and_then(|o| store.obj(o).ty)
        .unwrap_or(INVALID_TYPE);
    let input = LowerInput {
        store,
        pkg,
        path,
        files: &[],
        info: &info,
        any,
        int_type: universe_basic(store, goescape_types::BasicKind::Int),
        bool_type: universe_basic(store, goescape_types::BasicKind::Bool),
        inline_bodies,
        asm: &asm,
    };
    let mut lowerer = Lowerer::new(&input);
    lowerer.shape_wrapper = true;
    for (name, t) in shapes {
        lowerer.literal_type_wrappers(name, *t);
    }
    lowerer.out
}

/// Lowers every function of the package that has a body or is declared without one.
pub fn lower_package(input: &LowerInput<'_>) -> Package {
    let mut lowerer = Lowerer::new(input);
    for (i, file) in input.files.iter().enumerate() {
        lowerer.file_idx = i as u32;
        for decl in &file.decls {
            if let Decl::Func(fd) = decl {
                lowerer.func_decl(file, fd);
            }
        }
    }
    lowerer.package_init();
    lowerer.abi_wrappers();
    lowerer.anonymous_type_wrappers();
    lowerer.method_wrappers();
    lowerer.method_value_wrappers();
    lowerer.devirtualize();
    let mut out = lowerer.out;
    crate::dead_locals::discard_blank_values(&mut out, input.int_type);
    crate::static_literals::rewrite_with_literals(&mut out, input.store);
    out
}

pub(crate) struct Lowerer<'a, 'i> {
    input: &'i LowerInput<'a>,
    store: &'a TypeStore<'a>,
    out: Package,
    /// Local variables (and parameters) of the package's functions by checker object.
    var_of: HashMap<ObjId, VarId>,
    file_idx: u32,
    /// The function being lowered.
    cur: FuncId,
    /// Statements gc would put in the current statement's init list (temporaries).
    pending: Vec<StmtId>,
    /// Closures made so far inside each function, for gc's names.
    closure_counts: HashMap<FuncId, u32>,
    /// Labels of the current function that a later `goto` jumps back to.
    looping_labels: HashMap<String, bool>,
    /// `init` functions lowered so far.
    inits: u32,
    /// Nodes whose source position differs from their gc position (an explicit
    /// conversion is at its operand, its source expression at the call's `(`).
    syntax_pos: HashMap<crate::ids::ExprId, IrPos>,
    /// Package-level variables initialised so far, and whether statically.
    static_globals: HashMap<ObjId, bool>,
    /// The range-over-func body being lowered, if any.
    range_body: Option<range_func::RangeBody>,
    /// Range-over-func loops per function, for `#stateN` and `#yieldN`.
    range_loops: HashMap<FuncId, u32>,
    /// Each function's `#next`, once a range body needs it.
    next_var: HashMap<FuncId, VarId>,
    /// `map.init.N` functions made so far.
    map_inits: u32,
    /// Range bodies (`F-rangeN`) and go/defer wrappers (`F.gowrapN`) made so far in
    /// each function: gc counts each kind on its own.
    range_counts: HashMap<FuncId, u32>,
    wrapper_counts: HashMap<FuncId, u32>,
    /// Making a method value's wrapper (`T.M-fm`): its receiver is `.this`.
    method_value_wrapper: bool,
    /// Set while building a `(**T).M` wrapper of a not-in-heap type `T`.
    double_pointer_wrapper: bool,
    /// Set while building the wrappers of a shape type (its receiver is the shape's).
    shape_wrapper: bool,
}

impl<'a> Lowerer<'a, '_> {
    fn new(input: &'a LowerInput<'a>) -> Self {
        Lowerer {
            input,
            store: input.store,
            out: Package {
                pkg: Some(input.pkg),
                path: input.path.to_owned(),
                ..Package::default()
            },
            var_of: HashMap::new(),
            file_idx: 0,
            cur: FuncId(0),
            pending: Vec::new(),
            closure_counts: HashMap::new(),
            looping_labels: HashMap::new(),
            inits: 0,
            syntax_pos: HashMap::new(),
            static_globals: HashMap::new(),
            range_body: None,
            range_loops: HashMap::new(),
            next_var: HashMap::new(),
            map_inits: 0,
            range_counts: HashMap::new(),
            wrapper_counts: HashMap::new(),
            method_value_wrapper: false,
            double_pointer_wrapper: false,
            shape_wrapper: false,
        }
    }

    fn file(&self) -> &'a File {
        &self.input.files[self.file_idx as usize]
    }

    fn finfo(&self) -> &'a FileInfo {
        &self.input.info.files[self.file_idx as usize]
    }

    fn pos(&self, offset: goescape_syntax::Pos) -> IrPos {
        if offset == goescape_syntax::Pos::NONE {
            IrPos::NONE
        } else {
            IrPos::new(self.file_idx, offset.0)
        }
    }

    fn unsupported(&mut self, pos: IrPos, what: impl Into<String>) {
        self.out.unsupported.push(Unsupported {
            pos,
            what: what.into(),
        });
    }

    fn func_decl(&mut self, file: &'a File, fd: &'a FuncDecl) {
        let finfo = self.finfo();
        let Some(Some(obj)) = finfo.defs.get(&fd.name.span.start).copied() else {
            self.unsupported(
                self.pos(fd.name.pos()),
                format!(
                    "function {} has no object (type errors)",
                    file.ident_name(fd.name)
                ),
            );
            return;
        };
        let Some(sig) = self.store.obj(obj).ty else {
            self.unsupported(
                self.pos(fd.name.pos()),
                format!(
                    "function {} has no type (type errors)",
                    file.ident_name(fd.name)
                ),
            );
            return;
        };
        // A generic function is analysed per instance, where it is instantiated.
        let generic = self.is_generic(sig);
        let mut name = self.decl_name(file, fd, obj, sig);
        if name == "init" {
            // gc numbers the init functions of a package in source order.
            let n = self.inits;
            self.inits += 1;
            name = format!("init.{n}");
        }
        self.lower_func(file, fd, Some(obj), sig, name, generic);
    }

    fn is_generic(&self, sig: TypeId) -> bool {
        match self.store.ty(sig) {
            Type::Signature(s) => !s.type_params.is_empty() || !s.recv_type_params.is_empty(),
            _ => false,
        }
    }

    /// gc's name of a declared function: `F`, `T.M`, `(*T).M`.
    fn decl_name(&self, file: &File, fd: &FuncDecl, obj: ObjId, sig: TypeId) -> String {
        let name = file.ident_name(fd.name).into_owned();
        let Type::Signature(s) = self.store.ty(sig) else {
            return name;
        };
        let Some(recv) = s.recv else {
            return name;
        };
        let _ = obj;
        let Some(rty) = self.store.obj(recv).ty else {
            return name;
        };
        let (base, pointer) = match self.store.ty(rty) {
            Type::Pointer(elem) => (*elem, true),
            _ => (rty, false),
        };
        let base_name = match self.store.ty(base) {
            Type::Named(n) => self.store.obj(n.obj).name.to_string(),
            Type::Alias(a) => self.store.obj(a.obj).name.to_string(),
            _ => "?".to_owned(),
        };
        if pointer {
            format!("(*{base_name}).{name}")
        } else {
            format!("{base_name}.{name}")
        }
    }

    fn new_func(&mut self, func: Func) -> FuncId {
        self.out.add_func(func)
    }

    /// Lowers a declared function: its parameters, results and body.
    fn lower_func(
        &mut self,
        file: &'a File,
        fd: &'a FuncDecl,
        obj: Option<ObjId>,
        sig: TypeId,
        name: String,
        generic: bool,
    ) {
        let pragmas = pragmas_of(file, fd);
        let id = self.new_func(Func {
            obj,
            pragmas,
            generic,
            // gc places a method at its receiver's `(`, a function at its name.
            ..Func::new(
                name,
                FuncKind::Declared,
                sig,
                self.pos(fd.recv.as_ref().map_or(fd.name.pos(), |r| r.opening)),
            )
        });
        let saved = std::mem::replace(&mut self.cur, id);
        self.declare_signature(id, sig);
        // The shaped function declares its dictionary with its parameters, before the
        // body's temporaries (which are numbered by the declarations so far).
        let dict = generic.then(|| self.dictionary_param(id));
        if let Some(body) = &fd.body {
            self.looping_labels = closure::looping_labels(file, &body.stmts);
            let stmts = self.block(&body.stmts);
            self.out.funcs[id.index()].body = Some(stmts);
        }
        if let Some(dict) = dict {
            self.capture_dictionary(id, dict);
        }
        self.cur = saved;
    }

    /// A shaped instance's dictionary parameter `.dict`, at the function's position. It
    /// is not among the parameters callers pass.
    fn dictionary_param(&mut self, id: FuncId) -> crate::ids::VarId {
        let pos = self.out.funcs[id.index()].pos;
        let ty = universe_basic(self.store, goescape_types::BasicKind::UnsafePointer);
        let dict = self.out.add_var(Var {
            name: ".dict".to_owned(),
            class: VarClass::Param,
            ty: IrType::Go(ty),
            pos,
            func: id,
            obj: None,
            defn: None,
            blank: false,
            pos_pkg: None,
        });
        self.out.funcs[id.index()].dcl.push(dict);
        dict
    }

    /// Every function literal of the body captures the dictionary, last (gc's reader
    /// captures it unconditionally).
    fn capture_dictionary(&mut self, id: FuncId, dict: crate::ids::VarId) {
        let pos = self.out.funcs[id.index()].pos;
        for i in 0..self.out.funcs.len() {
            let mut f = FuncId(i as u32);
            while let Some(outer) = self.out.funcs[f.index()].outer {
                f = outer;
            }
            // Function literals only: gc wraps go and defer calls after reading them.
            if f == id && i != id.index() && self.out.funcs[i].kind == FuncKind::Closure {
                self.out.funcs[i].captures.push(Capture { var: dict, pos });
            }
        }
    }

    /// Variables for the receiver, parameters and results of `sig` in function `id`.
    fn declare_signature(&mut self, id: FuncId, sig: TypeId) {
        let Type::Signature(s) = self.store.ty(sig) else {
            return;
        };
        let recv = s.recv.map(|r| self.param_var(id, r, VarClass::Param, None));
        let params: Vec<Option<VarId>> = s
            .params
            .iter()
            .enumerate()
            .map(|(i, &p)| self.param_var(id, p, VarClass::Param, Some(i)))
            .collect();
        let results: Vec<VarId> = s
            .results
            .iter()
            .enumerate()
            .map(|(i, &r)| {
                self.param_var(id, r, VarClass::Result, Some(i))
                    .unwrap_or_else(|| self.result_temp(id, r, i))
            })
            .collect();
        let f = &mut self.out.funcs[id.index()];
        f.recv = recv;
        f.params = params;
        f.results = results;
    }

    /// The variable of a parameter or result object; None for unnamed and blank ones
    /// (results get a `~rN` variable from the caller).
    fn param_var(
        &mut self,
        func: FuncId,
        obj: ObjId,
        class: VarClass,
        _index: Option<usize>,
    ) -> Option<VarId> {
        let o = self.store.obj(obj);
        if o.name.is_empty() || &*o.name == "_" {
            return None;
        }
        let ty = o.ty?;
        let pos = o.pos.map_or(IrPos::NONE, |p| IrPos::new(p.file, p.offset));
        let id = self.out.add_var(Var {
            name: o.name.to_string(),
            class,
            ty: IrType::Go(ty),
            pos,
            func,
            obj: Some(obj),
            defn: None,
            blank: false,
            pos_pkg: None,
        });
        self.var_of.insert(obj, id);
        self.out.funcs[func.index()].dcl.push(id);
        Some(id)
    }

    /// gc's `~rN` for an unnamed (or blank) result.
    fn result_temp(&mut self, func: FuncId, obj: ObjId, index: usize) -> VarId {
        let o = self.store.obj(obj);
        let ty = o.ty.unwrap_or(INVALID_TYPE);
        let pos = o.pos.map_or(IrPos::NONE, |p| IrPos::new(p.file, p.offset));
        let id = self.out.add_var(Var {
            name: format!("~r{index}"),
            class: VarClass::Result,
            ty: IrType::Go(ty),
            pos,
            func,
            obj: Some(obj),
            defn: None,
            blank: &*o.name == "_",
            pos_pkg: None,
        });
        self.out.funcs[func.index()].dcl.push(id);
        id
    }

    /// A new local variable of the current function for a checker object.
    fn local_var(&mut self, obj: ObjId) -> VarId {
        if let Some(&v) = self.var_of.get(&obj) {
            return v;
        }
        let o = self.store.obj(obj);
        let pos = o.pos.map_or(IrPos::NONE, |p| IrPos::new(p.file, p.offset));
        let ty = o.ty.unwrap_or(INVALID_TYPE);
        let id = self.out.add_var(Var {
            name: o.name.to_string(),
            class: VarClass::Local,
            ty: IrType::Go(ty),
            pos,
            func: self.cur,
            obj: Some(obj),
            defn: None,
            blank: &*o.name == "_",
            pos_pkg: None,
        });
        self.var_of.insert(obj, id);
        self.out.funcs[self.cur.index()].dcl.push(id);
        id
    }

    /// A compiler temporary (`.autotmp_N`) of the current function.
    fn temp(&mut self, ty: IrType, pos: IrPos) -> VarId {
        let n = self.out.funcs[self.cur.index()].dcl.len();
        let id = self.out.add_var(Var {
            name: format!(".autotmp_{n}"),
            class: VarClass::Local,
            ty,
            pos,
            func: self.cur,
            obj: None,
            defn: None,
            blank: false,
            pos_pkg: None,
        });
        self.out.funcs[self.cur.index()].dcl.push(id);
        id
    }

    fn underlying(&self, ty: TypeId) -> &'a Type {
        self.store.ty(underlying(self.store, ty))
    }

    /// The underlying type, or a type parameter's core type (what its composite literals
    /// build).
    fn core_underlying(&self, ty: TypeId) -> &'a Type {
        if goescape_types::under::is_type_param(self.store, ty) {
            if let Some(core) = goescape_types::under::common_under(self.store, ty) {
                return self.store.ty(core);
            }
        }
        self.underlying(ty)
    }
}

/// The universe's first type, `invalid type`: the type of objects the checker left
/// untyped after an error.
const INVALID_TYPE: TypeId = TypeId {
    pkg: PkgIdx::UNIVERSE,
    index: 0,
};

/// The universe's basic type of `kind`: the universe declares one type per kind first,
/// in the order of the kinds.
fn universe_basic(store: &TypeStore<'_>, kind: goescape_types::BasicKind) -> TypeId {
    let id = TypeId {
        pkg: PkgIdx::UNIVERSE,
        index: kind as u32,
    };
    debug_assert!(matches!(store.ty(id), Type::Basic(b) if b.kind == kind));
    id
}

/// The `//go:` directives of a function declaration that matter to escape analysis.
fn pragmas_of(file: &File, fd: &FuncDecl) -> Pragmas {
    let mut p = Pragmas::default();
    for d in &fd.directives {
        let text = file.text(d.span);
        let word = text
            .trim_start_matches("//")
            .split_whitespace()
            .next()
            .unwrap_or("");
        match word {
            "go:noescape" => p.noescape = true,
            "go:uintptrescapes" => p.uintptr_escapes = true,
            "go:uintptrkeepalive" => p.uintptr_keepalive = true,
            "go:noinline" => p.noinline = true,
            _ => {}
        }
    }
    p
}
