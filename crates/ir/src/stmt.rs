//! Statements, as gc's escape analysis walks them.

use crate::expr::BinaryOp;
use crate::ids::{ExprId, StmtId, VarId};
use crate::pos::IrPos;

#[derive(Clone, Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub pos: IrPos,
}

/// The flavour of a two-sided assignment, which names its flows in explanations.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PairKind {
    /// `a, b = x, y`
    Plain,
    /// `v, ok = x.(T)`
    DotType,
    /// `v, ok = m[k]`
    MapRead,
    /// `v, ok = <-c`
    Receive,
}

#[derive(Clone, Debug)]
pub struct Case {
    pub pos: IrPos,
    pub list: Vec<ExprId>,
    /// For a type switch with a bound variable: this clause's variable.
    pub var: Option<VarId>,
    /// A type switch clause's types, as gc prints them (`nil` for nil).
    pub types: Vec<String>,
    pub body: Vec<StmtId>,
}

#[derive(Clone, Debug)]
pub struct CommCase {
    pub pos: IrPos,
    pub comm: Option<StmtId>,
    pub body: Vec<StmtId>,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    Block(Vec<StmtId>),
    /// `var x` (also the implicit declaration of `x := ...`).
    Decl(VarId),
    /// `x = y`; `y` None for a zeroing `var x T`.
    Assign {
        x: ExprId,
        y: Option<ExprId>,
    },
    /// `x op= y`.
    AssignOp {
        x: ExprId,
        y: ExprId,
        op: BinaryOp,
        incdec: bool,
    },
    /// `a, b = x, y` and the comma-ok forms (one right-hand side).
    AssignPair {
        kind: PairKind,
        lhs: Vec<Option<ExprId>>,
        rhs: Vec<ExprId>,
    },
    /// `a, b = f()`: `None` is `_`.
    AssignCall {
        lhs: Vec<Option<ExprId>>,
        call: ExprId,
    },
    /// An expression statement (a call, or `<-c`).
    Expr(ExprId),
    Send {
        ch: ExprId,
        value: ExprId,
    },
    Return(Vec<ExprId>),
    If {
        cond: ExprId,
        then: Vec<StmtId>,
        else_: Vec<StmtId>,
    },
    /// `for cond; post { body }` (the init is a statement before it).
    For {
        cond: Option<ExprId>,
        post: Option<StmtId>,
        body: Vec<StmtId>,
    },
    /// `for key, value = range x`; `array` when x is an array (copied, not dereferenced).
    Range {
        x: ExprId,
        key: Option<ExprId>,
        value: Option<ExprId>,
        array: bool,
        body: Vec<StmtId>,
    },
    Switch {
        tag: Option<ExprId>,
        cases: Vec<Case>,
    },
    /// `switch v := x.(type)`; each case has its own `v` if `bound`.
    TypeSwitch {
        x: ExprId,
        bound: bool,
        cases: Vec<Case>,
    },
    Select(Vec<CommCase>),
    /// `go f()` / `defer f()` of a call without arguments or results: a wrapper closure
    /// (or the function itself) is called.
    Go(ExprId),
    Defer(ExprId),
    /// A label; `looping` when a later `goto` jumps back to it.
    Label {
        name: String,
        looping: bool,
    },
    /// break, continue, goto, fallthrough (as gc prints it: `break L`): no data flows.
    Jump(String),
}
