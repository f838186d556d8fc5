//! Functions (gc's `ir.Func`): their variables, body and the facts the analyses need.

use goescape_types::{ObjId, TypeId};

use crate::ids::{FuncId, StmtId, VarId};
use crate::pos::IrPos;

/// What produced a function.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FuncKind {
    /// A function or method declared at package level.
    Declared,
    /// A function literal.
    Closure,
    /// A closure gc makes around the call of a `go` or `defer` statement.
    GoDeferWrapper,
    /// A method gc generates: a promoted method, a pointer method of a value method, an
    /// interface's method expression.
    MethodWrapper,
    /// A function gc generates to call a function across ABIs (assembly and Go).
    AbiWrapper,
}

/// The `//go:` directives escape analysis honours.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub struct Pragmas {
    pub noescape: bool,
    pub uintptr_escapes: bool,
    pub uintptr_keepalive: bool,
    pub noinline: bool,
}

/// A variable captured by a closure, as the closure refers to it.
#[derive(Clone, Copy, Debug)]
pub struct Capture {
    /// The captured variable of an enclosing function (the outermost declaration: gc's
    /// `Canonical()`).
    pub var: VarId,
    /// The first reference inside the closure, where gc places the closure's own copy.
    pub pos: IrPos,
}

#[derive(Clone, Debug)]
pub struct Func {
    /// The name gc prints: `F`, `T.M`, `(*T).M`, `F.func1`, `F.gowrap1`.
    pub name: String,
    pub kind: FuncKind,
    /// The declared function or method; None for closures.
    pub obj: Option<ObjId>,
    /// The signature.
    pub sig: TypeId,
    /// The name (declared functions) or `func` keyword (literals).
    pub pos: IrPos,
    /// The function a closure is written in.
    pub outer: Option<FuncId>,
    /// The receiver (methods only), then the parameters, in order; None for an
    /// unnamed or blank parameter that gc gives no variable.
    pub recv: Option<Option<VarId>>,
    pub params: Vec<Option<VarId>>,
    /// Result variables, named or `~rN`.
    pub results: Vec<VarId>,
    /// Every variable of the frame (parameters, results, locals, temporaries): gc's `Dcl`.
    pub dcl: Vec<VarId>,
    pub captures: Vec<Capture>,
    /// None for a function declared without a body (implemented in assembly).
    pub body: Option<Vec<StmtId>>,
    pub pragmas: Pragmas,
    /// A generic function or method of a generic type: gc compiles (and reports) only
    /// its instances; analysing the generic body gives the summaries calls use.
    pub generic: bool,
    /// For the body closure of a range over a function: the function the loop is in
    /// (through enclosing range bodies), after which gc names closures inside it.
    pub range_parent: Option<FuncId>,
}

impl Func {
    /// A function without variables or body yet.
    pub fn new(name: String, kind: FuncKind, sig: TypeId, pos: IrPos) -> Func {
        Func {
            name,
            kind,
            obj: None,
            sig,
            pos,
            outer: None,
            recv: None,
            params: Vec::new(),
            results: Vec::new(),
            dcl: Vec::new(),
            captures: Vec::new(),
            body: None,
            pragmas: Pragmas::default(),
            generic: false,
            range_parent: None,
        }
    }

    /// The receiver and parameters, in order, as gc's `RecvParams`.
    pub fn recv_params(&self) -> impl Iterator<Item = Option<VarId>> + '_ {
        self.recv.iter().copied().chain(self.params.iter().copied())
    }

    pub fn is_closure(&self) -> bool {
        self.outer.is_some()
    }
}
