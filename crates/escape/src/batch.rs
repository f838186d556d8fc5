//! A batch: the functions analysed together (a function, its closures, and the
//! functions mutually recursive with it), their location graph, and the facts shared
//! by the walk over their bodies.

use std::collections::{HashMap, HashSet};

use goescape_ir::type_facts::TypeFacts;
use goescape_ir::{ExprId, FuncId, IrType, Package, VarClass, VarId};
use goescape_types::ObjId;

use crate::graph::{
    attr, Edge, Hole, LocId, LocKind, Location, Note, NoteAt, NoteId, BLANK, CALLEE, HEAP, MUTATOR,
};
use crate::leaks::Leaks;
use crate::Diagnostic;
use crate::Summaries;

/// A closure expression met in the walk and where its record is stored.
pub(crate) struct PendingClosure {
    pub hole: Hole,
    pub func: FuncId,
}

pub(crate) struct Batch<'a> {
    pub pkg: &'a Package,
    pub facts: &'a TypeFacts<'a>,
    /// Summaries of the imported packages' functions.
    pub imported: &'a Summaries,
    /// Summaries of this package's functions analysed in earlier batches.
    pub own: &'a Summaries,
    /// This package's declared functions by object.
    pub func_of: &'a HashMap<ObjId, FuncId>,
    /// The functions of this batch (closures included).
    pub members: HashSet<FuncId>,
    /// The same, in order: declared functions, then closures as written.
    pub member_order: Vec<FuncId>,
    /// Variables assigned after their definition or whose address is taken: their
    /// value is not known statically.
    pub reassigned_vars: &'a HashSet<VarId>,
    pub locs: Vec<Location>,
    pub var_loc: HashMap<VarId, LocId>,
    pub expr_loc: Vec<(ExprId, LocId)>,
    pub closures: Vec<PendingClosure>,
    /// Self-assignment messages, in walk order.
    pub self_assignments: Vec<(goescape_ir::StmtId, String)>,
    /// Current function and loop depth of the walk.
    pub cur: FuncId,
    pub loop_depth: i32,
    /// How each captured variable was captured: (variable, by value, address taken,
    /// reassigned), for `-m=2`.
    pub capture_notes: Vec<(VarId, bool, bool, bool)>,
    /// Whether to explain flows (`-m=2`): notes are recorded and explanations printed.
    pub explain: bool,
    pub notes: Vec<Note>,
    /// Explanation lines, in the order gc prints them.
    pub explanations: Vec<Diagnostic>,
    pub printer: Option<&'a goescape_ir::fmt::Printer<'a>>,
    /// Instances analysed so far, whose summaries calls to them use.
    pub instances: Option<&'a crate::instances::InstanceTable>,
    /// The summaries of the package's function literals without captured variables,
    /// analysed in batches of their own before the functions that use them.
    pub closure_summaries: Option<&'a HashMap<FuncId, Vec<Leaks>>>,
    /// When the batch is an instance of a generic function: its name as gc prints it
    /// (its locations are reported, its parameters are not).
    pub instance_name: Option<String>,
}

impl<'a> Batch<'a> {
    pub fn new(
        pkg: &'a Package,
        facts: &'a TypeFacts<'a>,
        imported: &'a Summaries,
        own: &'a Summaries,
        func_of: &'a HashMap<ObjId, FuncId>,
        reassigned_vars: &'a HashSet<VarId>,
        members: &[FuncId],
    ) -> Batch<'a> {
        let mut b = Batch {
            pkg,
            facts,
            imported,
            own,
            func_of,
            members: members.iter().copied().collect(),
            member_order: members.to_vec(),
            reassigned_vars,
            locs: Vec::new(),
            var_loc: HashMap::new(),
            expr_loc: Vec::new(),
            closures: Vec::new(),
            self_assignments: Vec::new(),
            cur: members[0],
            loop_depth: 1,
            capture_notes: Vec::new(),
            explain: false,
            notes: Vec::new(),
            explanations: Vec::new(),
            printer: None,
            instances: None,
            closure_summaries: None,
            instance_name: None,
        };
        for attrs in [attr::ALL, attr::MUTATES, attr::CALLS, 0] {
            let mut l = Location::new(LocKind::Pseudo, members[0], 0);
            l.attrs = attrs;
            b.locs.push(l);
        }
        debug_assert_eq!(b.locs.len(), BLANK.0 as usize + 1);
        b
    }

    pub fn loc(&self, id: LocId) -> &Location {
        &self.locs[id.0 as usize]
    }

    pub fn loc_mut(&mut self, id: LocId) -> &mut Location {
        &mut self.locs[id.0 as usize]
    }

    pub fn heap_hole(&self) -> Hole {
        Hole::to(HEAP)
    }

    pub fn mutator_hole(&self) -> Hole {
        Hole::to(MUTATOR)
    }

    pub fn callee_hole(&self) -> Hole {
        Hole::to(CALLEE)
    }

    pub fn discard_hole(&self) -> Hole {
        Hole::to(BLANK)
    }

    /// A new location in the current function.
    pub fn new_loc(&mut self, kind: LocKind, persists: bool) -> LocId {
        let mut l = Location::new(kind, self.cur, self.loop_depth);
        if let LocKind::Var(v) = kind {
            match self.pkg.var(v).class {
                VarClass::Param => l.param = true,
                VarClass::Result => l.param_out = true,
                VarClass::Local => {}
            }
        }
        if persists {
            l.attrs |= attr::PERSISTS;
        }
        let id = LocId(self.locs.len() as u32);
        self.locs.push(l);
        match kind {
            LocKind::Var(v) => {
                self.var_loc.insert(v, id);
            }
            LocKind::Expr(e) => self.expr_loc.push((e, id)),
            _ => {}
        }
        id
    }

    /// The location of a variable, made on first use (variables of functions outside
    /// the batch cannot occur: closures are analysed with their enclosing function).
    pub fn var_loc(&mut self, v: VarId) -> LocId {
        if let Some(&l) = self.var_loc.get(&v) {
            return l;
        }
        let saved = self.cur;
        self.cur = self.pkg.var(v).func;
        let l = self.new_loc(LocKind::Var(v), true);
        self.cur = saved;
        l
    }

    /// Records that the value of `src` flows to hole `k`.
    pub fn flow(&mut self, k: Hole, src: LocId) {
        if k.addrtaken {
            self.loc_mut(src).addrtaken = true;
        }
        let dst = k.dst;
        if dst == BLANK {
            return;
        }
        if dst == src && k.derefs >= 0 {
            return;
        }
        if self.loc(dst).has(attr::ESCAPES) && k.derefs < 0 {
            if self.explains(src) {
                let pos = self.loc_pos(src);
                let header = format!(
                    "{} escapes to heap in {}:",
                    self.loc_node_string(src),
                    self.display_name(self.loc(src).func)
                );
                self.explanations.push(Diagnostic::explanation(pos, header));
                self.explain_flow(pos, dst, src, k.derefs, k.notes);
            }
            self.loc_mut(src).attrs |= attr::ALL;
            return;
        }
        self.loc_mut(dst).edges.push(Edge {
            src,
            derefs: k.derefs,
            notes: k.notes,
        });
    }

    /// A temporary that all `ks` receive: one hole for several destinations.
    pub fn tee_hole(&mut self, ks: &[Hole]) -> Hole {
        match ks {
            [] => self.discard_hole(),
            [k] => *k,
            _ => {
                let loc = self.new_loc(LocKind::Temp, false);
                for &k in ks {
                    self.flow(k, loc);
                }
                Hole::to(loc)
            }
        }
    }

    /// A hole whose value is stored until later (a deferred call's closure).
    pub fn later(&mut self, k: Hole) -> Hole {
        let loc = self.new_loc(LocKind::Temp, true);
        self.flow(k, loc);
        Hole::to(loc)
    }

    /// An allocation of its own for expression `e`: the value's address flows to `k`.
    pub fn spill(&mut self, k: Hole, e: ExprId) -> Hole {
        let loc = self.new_loc(LocKind::Expr(e), false);
        let k = self.note(k.addr(), NoteAt::Expr(e), "spill");
        self.flow(k, loc);
        Hole::to(loc)
    }

    /// `k` with a step of explanation (recorded only for `-m=2`).
    pub fn note(&mut self, k: Hole, at: NoteAt, why: &'static str) -> Hole {
        if !self.explain {
            return k;
        }
        self.notes.push(Note {
            next: k.notes,
            at,
            why,
        });
        Hole {
            notes: Some(NoteId(self.notes.len() as u32 - 1)),
            ..k
        }
    }

    pub fn note_expr(&mut self, k: Hole, e: ExprId, why: &'static str) -> Hole {
        self.note(k, NoteAt::Expr(e), why)
    }

    pub fn note_stmt(&mut self, k: Hole, s: goescape_ir::StmtId, why: &'static str) -> Hole {
        self.note(k, NoteAt::Stmt(s), why)
    }

    pub fn has_pointers(&self, ty: IrType) -> bool {
        self.facts.has_pointers(ty)
    }

    /// The leak summary of `func`'s parameter `i` (receiver first) for a function
    /// outside the batch.
    /// The name gc prints for function `f` of the batch in explanations (an instance
    /// with its shapes, unqualified).
    pub fn display_name(&self, f: FuncId) -> String {
        let qualified = self.qualified_name(f);
        match (self.pkg.pkg, self.printer) {
            (Some(p), Some(printer)) if p != printer.local => {
                let prefix = format!("{}.", self.facts.store.package(p).name);
                qualified
                    .strip_prefix(&prefix)
                    .map_or(qualified.clone(), str::to_owned)
            }
            _ => qualified,
        }
    }

    /// The name gc prints for function `f` in other messages (an instance of an imported
    /// generic function qualified by its package's name).
    pub fn qualified_name(&self, f: FuncId) -> String {
        let name = &self.pkg.func(f).name;
        match &self.instance_name {
            Some(inst) => {
                let root = &self.pkg.func(self.member_order[0]).name;
                match name.strip_prefix(root.as_str()) {
                    Some(rest) => format!("{inst}{rest}"),
                    None => name.clone(),
                }
            }
            None => name.clone(),
        }
    }

    pub fn summary(&self, func: ObjId, i: usize) -> Leaks {
        match self.own.get(&func).or_else(|| self.imported.get(&func)) {
            Some(s) => s.get(i).copied().unwrap_or_else(Leaks::to_heap),
            None => Leaks::to_heap(),
        }
    }

    /// Prepares a function of the batch: locations for its variables, result indices.
    pub fn init_func(&mut self, f: FuncId) {
        self.cur = f;
        self.loop_depth = 1;
        let func = self.pkg.func(f);
        for &v in &func.dcl {
            if !self.var_loc.contains_key(&v) {
                self.new_loc(LocKind::Var(v), true);
            }
        }
        for (i, &r) in func.results.iter().enumerate() {
            let l = self.var_loc(r);
            self.loc_mut(l).result_index = 1 + i;
        }
    }

    /// Walks a declared function's body (closures are walked where they are written).
    pub fn walk_func(&mut self, f: FuncId) {
        let saved = (self.cur, self.loop_depth);
        self.cur = f;
        self.loop_depth = 1;
        let body = self.pkg.func(f).body.clone().unwrap_or_default();
        self.block(&body);
        (self.cur, self.loop_depth) = saved;
    }

    /// Decides how each closure captures its variables and adds the capture flows.
    pub fn flow_closures(&mut self) {
        let closures = std::mem::take(&mut self.closures);
        for c in closures {
            let func = self.pkg.func(c.func);
            for cap in func.captures.clone() {
                let loc = self.var_loc(cap.var);
                let var = self.pkg.var(cap.var);
                let (addrtaken, reassigned) = (self.loc(loc).addrtaken, self.loc(loc).reassigned);
                let width = self.facts.size(var.ty);
                let by_value = !addrtaken && !reassigned && width <= 128;
                if self.explains(loc) {
                    let how = if by_value { "value" } else { "ref" };
                    // gc names the owner as %v does: an imported instance qualified.
                    let owner = self.qualified_name(var.func);
                    let line = format!(
                        "{owner} capturing by {how}: {} (addr={} assign={} width={width})",
                        self.loc_node_string(loc),
                        addrtaken,
                        reassigned
                    );
                    // A warning, not an explanation line (no position: no prefix).
                    self.explanations.push(Diagnostic::new(var.pos, line));
                }
                self.capture_notes
                    .push((cap.var, by_value, addrtaken, reassigned));
                let at = NoteAt::Capture {
                    var: cap.var,
                    pos: cap.pos,
                };
                let mut k = c.hole;
                if !by_value {
                    k = self.note(k.addr(), at, "reference");
                }
                let k = self.note(k, at, "captured by a closure");
                self.flow(k, loc);
            }
        }
    }
}
