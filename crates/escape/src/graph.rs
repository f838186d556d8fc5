//! The location graph: a location per variable and per allocating expression, edges
//! from the value that flows to where it flows, weighted by dereferences (`&x` is -1,
//! `*p` is +1), and holes — where an expression's value will be stored.

use goescape_ir::{ExprId, FuncId, IrPos, StmtId, VarId};

use crate::leaks::Leaks;

/// A location of the graph, by index in the batch.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct LocId(pub u32);

/// The pseudo-locations every batch has.
pub const HEAP: LocId = LocId(0);
pub const MUTATOR: LocId = LocId(1);
pub const CALLEE: LocId = LocId(2);
pub const BLANK: LocId = LocId(3);

/// What a location stands for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum LocKind {
    Pseudo,
    Var(VarId),
    Expr(ExprId),
    /// A temporary without a node (gc's `{temp}`).
    Temp,
}

pub mod attr {
    /// Its address escapes: it must be heap allocated.
    pub const ESCAPES: u8 = 1;
    /// Its address may outlive the statement that created it.
    pub const PERSISTS: u8 = 2;
    /// Values flowing to it may be mutated.
    pub const MUTATES: u8 = 4;
    /// Values flowing to it may be called.
    pub const CALLS: u8 = 8;
    pub const ALL: u8 = ESCAPES | PERSISTS | MUTATES | CALLS;
}

#[derive(Clone, Copy, Debug)]
pub struct Edge {
    pub src: LocId,
    pub derefs: i32,
    /// Why the value flows (`-m=2`), newest step first.
    pub notes: Option<NoteId>,
}

/// A step of a flow, for explanations: an index into the batch's notes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct NoteId(pub u32);

/// The node a note points at.
#[derive(Clone, Copy, Debug)]
pub enum NoteAt {
    Expr(ExprId),
    Stmt(StmtId),
    /// Clause `index` of a switch statement.
    Case {
        stmt: StmtId,
        index: usize,
    },
    /// A closure's reference to a captured variable.
    Capture {
        var: VarId,
        pos: IrPos,
    },
}

#[derive(Clone, Copy, Debug)]
pub struct Note {
    pub next: Option<NoteId>,
    pub at: NoteAt,
    pub why: &'static str,
}

#[derive(Clone, Debug)]
pub struct Location {
    pub kind: LocKind,
    pub func: FuncId,
    /// Incoming edges: values that flow here.
    pub edges: Vec<Edge>,
    pub loop_depth: i32,
    /// For a result variable: 1 + its index.
    pub result_index: usize,
    // Solver state of the current walk.
    pub derefs: i32,
    pub walkgen: u32,
    pub dst: Option<LocId>,
    pub dst_edge: usize,
    pub queued_walk_all: bool,
    pub queued_walk_one: u32,
    pub attrs: u8,
    pub param_esc: Leaks,
    pub captured: bool,
    pub reassigned: bool,
    pub addrtaken: bool,
    pub param: bool,
    pub param_out: bool,
}

impl Location {
    pub fn new(kind: LocKind, func: FuncId, loop_depth: i32) -> Location {
        Location {
            kind,
            func,
            edges: Vec::new(),
            loop_depth,
            result_index: 0,
            derefs: 0,
            walkgen: 0,
            dst: None,
            dst_edge: 0,
            queued_walk_all: false,
            queued_walk_one: 0,
            attrs: 0,
            param_esc: Leaks::default(),
            captured: false,
            reassigned: false,
            addrtaken: false,
            param: false,
            param_out: false,
        }
    }

    pub fn has(&self, a: u8) -> bool {
        self.attrs & a != 0
    }
}

/// Where a value goes: a location, with the dereferences applied on the way.
#[derive(Clone, Copy, Debug)]
pub struct Hole {
    pub dst: LocId,
    pub derefs: i32,
    /// The value's address is taken on the way (the last shift was `&`).
    pub addrtaken: bool,
    pub notes: Option<NoteId>,
}

impl Hole {
    pub fn to(dst: LocId) -> Hole {
        Hole {
            dst,
            derefs: 0,
            addrtaken: false,
            notes: None,
        }
    }

    pub fn shift(self, delta: i32) -> Hole {
        Hole {
            dst: self.dst,
            derefs: (self.derefs + delta).max(-1),
            addrtaken: delta < 0,
            notes: self.notes,
        }
    }

    pub fn deref(self) -> Hole {
        self.shift(1)
    }

    pub fn addr(self) -> Hole {
        self.shift(-1)
    }
}
