//! `-m=2` explanations (gc's `explainPath` / `explainFlow`): for each value found to
//! escape and each leaking parameter, the path of flows that reached the heap or the
//! result, one `flow:` line per edge and one `from ... (why) at ...` line per step.

use goescape_ir::IrPos;

use crate::batch::Batch;
use crate::graph::{LocId, LocKind, NoteAt, NoteId, HEAP};
use crate::Diagnostic;

impl Batch<'_> {
    /// Whether flows into or from `l` are explained: not in a generic function itself
    /// (gc reports its instances).
    pub fn explains(&self, l: LocId) -> bool {
        self.explain && (self.instance_name.is_some() || !self.pkg.func(self.loc(l).func).generic)
    }

    /// The position gc reports a location at: its variable's declaration or its node.
    pub fn loc_pos(&self, l: LocId) -> IrPos {
        match self.loc(l).kind {
            LocKind::Var(v) => self.pkg.var(v).pos,
            LocKind::Expr(e) => self.pkg.expr(e).pos,
            _ => IrPos::NONE,
        }
    }

    /// The location's node as gc prints it.
    pub fn loc_node_string(&self, l: LocId) -> String {
        match self.loc(l).kind {
            LocKind::Var(v) => {
                let var = self.pkg.var(v);
                let name = &var.name;
                // Variables of an instance compiled in another package are qualified, as
                // are wrapper parameters declared by another package's method.
                match self
                    .printer
                    .and_then(|printer| var.qualifier(self.pkg.pkg, printer.local))
                {
                    Some(p) => format!("{}.{name}", self.facts.store.package(p).name),
                    None => name.clone(),
                }
            }
            LocKind::Expr(e) => self.printer.map_or_else(String::new, |p| p.expr(e)),
            _ => String::new(),
        }
    }

    /// The location as named in `flow:` lines.
    pub fn explain_loc(&self, l: LocId) -> String {
        if l == HEAP {
            return "{heap}".to_owned();
        }
        match self.loc(l).kind {
            LocKind::Var(_) => self.loc_node_string(l),
            LocKind::Expr(_) => format!("{{storage for {}}}", self.loc_node_string(l)),
            _ => "{temp}".to_owned(),
        }
    }

    /// The lines of one edge `dst ← src`, at `pos` (the explained location's).
    pub fn explain_flow(
        &mut self,
        pos: IrPos,
        dst: LocId,
        src: LocId,
        derefs: i32,
        notes: Option<NoteId>,
    ) {
        let ops = if derefs < 0 {
            "&".to_owned()
        } else {
            "*".repeat(derefs as usize)
        };
        let flow = format!(
            "  flow: {} ← {ops}{}:",
            self.explain_loc(dst),
            self.explain_loc(src)
        );
        self.explanations.push(Diagnostic::explanation(pos, flow));
        let mut note = notes;
        while let Some(n) = note {
            let step = self.notes[n.0 as usize];
            let (text, at) = self.note_target(step.at);
            self.explanations.push(Diagnostic {
                at: Some(at),
                ..Diagnostic::explanation(pos, format!("    from {text} ({})", step.why))
            });
            note = step.next;
        }
    }

    /// The path the last walk found from `src` up to `root`.
    pub fn explain_path(&mut self, root: LocId, src: LocId) {
        let pos = self.loc_pos(src);
        let mut visited = std::collections::HashSet::new();
        let mut src = src;
        loop {
            if !visited.insert(src) {
                self.explanations.push(Diagnostic::explanation(
                    pos,
                    "  warning: truncated explanation due to assignment cycle; see golang.org/issue/35518"
                        .to_owned(),
                ));
                break;
            }
            let Some(dst) = self.loc(src).dst else {
                break;
            };
            let edge = self.loc(dst).edges[self.loc(src).dst_edge];
            self.explain_flow(pos, dst, src, edge.derefs, edge.notes);
            if dst == root {
                break;
            }
            src = dst;
        }
    }

    fn note_target(&self, at: NoteAt) -> (String, IrPos) {
        let Some(p) = self.printer else {
            return (String::new(), IrPos::NONE);
        };
        match at {
            NoteAt::Expr(e) => (p.expr(e), self.pkg.expr(e).pos),
            NoteAt::Stmt(s) => (p.stmt(s), self.pkg.stmt(s).pos),
            NoteAt::Case { stmt, index } => {
                let pos = match &self.pkg.stmt(stmt).kind {
                    goescape_ir::stmt::StmtKind::TypeSwitch { cases, .. }
                    | goescape_ir::stmt::StmtKind::Switch { cases, .. } => {
                        cases.get(index).map_or(self.pkg.stmt(stmt).pos, |c| c.pos)
                    }
                    _ => self.pkg.stmt(stmt).pos,
                };
                (p.case_clause(stmt, index), pos)
            }
            NoteAt::Capture { var, pos } => (self.pkg.var(var).name.clone(), pos),
        }
    }
}
