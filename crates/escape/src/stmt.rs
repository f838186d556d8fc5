//! Flows of statements (gc's `escape/stmt.go`) and of assignments (`assign.go`).

use goescape_ir::{ExprId, ExprKind, IrType, StmtId, StmtKind, VarId};

use crate::batch::Batch;
use crate::graph::{Hole, LocKind};
use crate::utils::is_self_assign;

impl Batch<'_> {
    pub fn block(&mut self, stmts: &[StmtId]) {
        let depth = self.loop_depth;
        for &s in stmts {
            self.stmt(s);
        }
        self.loop_depth = depth;
    }

    pub fn stmt(&mut self, id: StmtId) {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.stmt_inner(id));
    }

    fn stmt_inner(&mut self, id: StmtId) {
        let pkg = self.pkg;
        match &pkg.stmt(id).kind {
            StmtKind::Jump(_) => {}
            StmtKind::Block(list) => self.block(list),
            StmtKind::Decl(v) => {
                if !pkg.var(*v).blank {
                    self.dcl(*v);
                }
            }
            StmtKind::Label { looping, .. } => {
                if *looping {
                    self.loop_depth += 1;
                }
            }
            StmtKind::If { cond, then, else_ } => {
                self.discard(*cond);
                self.block(then);
                self.block(else_);
            }
            StmtKind::For { cond, post, body } => {
                self.loop_depth += 1;
                if let Some(c) = cond {
                    self.discard(*c);
                }
                if let Some(p) = post {
                    self.stmt(*p);
                }
                self.block(body);
                self.loop_depth -= 1;
            }
            StmtKind::Range {
                x,
                key,
                value,
                array,
                body,
            } => {
                let tmp = self.new_loc(LocKind::Temp, true);
                self.expr(Hole::to(tmp), *x);
                self.loop_depth += 1;
                let ks = self.addrs(&[*key, *value]);
                let k = if *array {
                    self.note_stmt(ks[1], id, "range")
                } else {
                    self.note_stmt(ks[1].deref(), id, "range-deref")
                };
                self.flow(k, tmp);
                self.reassigned(&ks, id);
                self.block(body);
                self.loop_depth -= 1;
            }
            StmtKind::Switch { tag, cases } => {
                if let Some(t) = tag {
                    self.discard(*t);
                }
                for c in cases {
                    for &e in &c.list {
                        self.discard(e);
                    }
                    self.block(&c.body);
                }
            }
            StmtKind::TypeSwitch { x, bound, cases } => {
                let mut ks = Vec::new();
                if *bound {
                    for (index, c) in cases.iter().enumerate() {
                        if let Some(v) = c.var {
                            let k = self.dcl(v);
                            let ty = pkg.var(v).ty;
                            if self.has_pointers(ty) {
                                let k = self.dot_type(k, ty);
                                let at = crate::graph::NoteAt::Case { stmt: id, index };
                                ks.push(self.note(k, at, "switch case"));
                            }
                        }
                    }
                }
                let k = self.tee_hole(&ks);
                self.expr(k, *x);
                for c in cases {
                    self.block(&c.body);
                }
            }
            StmtKind::Select(cases) => {
                for c in cases {
                    if let Some(comm) = c.comm {
                        self.stmt(comm);
                    }
                    self.block(&c.body);
                }
            }
            StmtKind::Send { ch, value } => {
                self.discard(*ch);
                let k = self.heap_hole();
                let k = self.note_stmt(k, id, "send");
                self.expr(k, *value);
            }
            StmtKind::Assign { x, y } => self.assign_list(&[Some(*x)], &[*y], id, "assign"),
            StmtKind::AssignOp { x, y, .. } => {
                self.assign_list(&[Some(*x)], &[Some(*y)], id, "assign")
            }
            StmtKind::AssignPair { lhs, rhs, kind } => {
                let rhs: Vec<Option<ExprId>> = rhs.iter().copied().map(Some).collect();
                let why = match kind {
                    goescape_ir::stmt::PairKind::Plain => "assign-pair",
                    goescape_ir::stmt::PairKind::DotType => "assign-pair-dot-type",
                    goescape_ir::stmt::PairKind::MapRead => "assign-pair-mapr",
                    goescape_ir::stmt::PairKind::Receive => "assign-pair-receive",
                };
                self.assign_list(lhs, &rhs, id, why);
            }
            StmtKind::AssignCall { lhs, call } => {
                let ks = self.addrs(lhs);
                self.call(Some(&ks), *call);
                self.reassigned(&ks, id);
            }
            StmtKind::Return(results) => {
                let dsts: Vec<Option<ExprId>> = Vec::new();
                let f = pkg.func(self.cur);
                let ks: Vec<Hole> = f
                    .results
                    .iter()
                    .map(|&r| Hole::to(self.var_loc(r)))
                    .collect();
                let _ = dsts;
                for (i, &k) in ks.iter().enumerate() {
                    if let Some(&src) = results.get(i) {
                        let k = self.note_stmt(k, id, "return");
                        self.expr(k, src);
                    }
                }
                self.reassigned(&ks, id);
            }
            StmtKind::Expr(e) => {
                if matches!(
                    pkg.expr(*e).kind,
                    ExprKind::Call { .. } | ExprKind::Builtin { .. }
                ) {
                    self.call(None, *e);
                } else {
                    self.discard(*e);
                }
            }
            StmtKind::Go(call) => self.go_defer(*call, true),
            StmtKind::Defer(call) => self.go_defer(*call, false),
        }
    }

    /// A declaration: the variable lives at the current loop depth.
    pub fn dcl(&mut self, v: VarId) -> Hole {
        let l = self.var_loc(v);
        let depth = self.loop_depth;
        self.loc_mut(l).loop_depth = depth;
        Hole::to(l)
    }

    /// Where a value assigned to `n` goes (gc's `addr`).
    pub fn addr(&mut self, n: Option<ExprId>) -> Hole {
        let Some(n) = n else {
            return self.discard_hole();
        };
        let pkg = self.pkg;
        match &pkg.expr(n).kind {
            ExprKind::Blank => self.discard_hole(),
            ExprKind::Var(v) => Hole::to(self.var_loc(*v)),
            ExprKind::Global(_) => self.heap_hole(),
            ExprKind::Field { x, .. } => self.addr(Some(*x)),
            ExprKind::Index { x, index, array } => {
                self.discard(*index);
                if *array {
                    self.addr(Some(*x))
                } else {
                    self.mutate(*x);
                    self.heap_hole()
                }
            }
            ExprKind::Deref(x) | ExprKind::FieldPtr { x, .. } => {
                self.mutate(*x);
                self.heap_hole()
            }
            ExprKind::MapIndex { x, key } => {
                self.discard(*x);
                let k = self.heap_hole();
                let k = self.note_expr(k, n, "key of map put");
                self.expr(k, *key);
                self.heap_hole()
            }
            // Conversions of assignment targets do not occur; anything else after an
            // error goes to the heap as gc's default would.
            _ => self.heap_hole(),
        }
    }

    pub fn addrs(&mut self, list: &[Option<ExprId>]) -> Vec<Hole> {
        list.iter().map(|&n| self.addr(n)).collect()
    }

    fn mutate(&mut self, x: ExprId) {
        let k = self.mutator_hole();
        self.expr(k, x);
    }

    fn assign_list(
        &mut self,
        dsts: &[Option<ExprId>],
        srcs: &[Option<ExprId>],
        stmt: StmtId,
        why: &'static str,
    ) {
        let ks = self.addrs(dsts);
        for (i, &k) in ks.iter().enumerate() {
            let src = srcs.get(i).copied().flatten();
            let mut k = k;
            if let (Some(dst), Some(src)) = (dsts[i], src) {
                if is_self_assign(self.pkg, dst, src) {
                    self.note_self_assignment(stmt);
                    k = self.discard_hole();
                }
            }
            if let Some(src) = src {
                let k = self.note_stmt(k, stmt, why);
                self.expr(k, src);
            }
        }
        self.reassigned(&ks, stmt);
    }

    /// Marks the variables assigned by `stmt` as reassigned, except the one it declares.
    pub fn reassigned(&mut self, ks: &[Hole], stmt: StmtId) {
        let pkg = self.pkg;
        if let StmtKind::Assign { x, y: None } = &pkg.stmt(stmt).kind {
            if let ExprKind::Var(v) = pkg.expr(*x).kind {
                if pkg.var(v).defn.is_none() {
                    return;
                }
            }
        }
        let is_range = matches!(pkg.stmt(stmt).kind, StmtKind::Range { .. });
        for k in ks {
            let loc = self.loc(k.dst);
            if let LocKind::Var(v) = loc.kind {
                if pkg.var(v).defn == Some(stmt) && !is_range {
                    continue;
                }
            }
            self.loc_mut(k.dst).reassigned = true;
        }
    }

    /// A type assertion's hole: non-pointer-shaped values are stored indirectly.
    pub fn dot_type(&self, k: Hole, ty: IrType) -> Hole {
        if !self.facts.is_interface(ty) && !self.facts.is_direct_iface(ty) {
            k.shift(1)
        } else {
            k
        }
    }

    fn go_defer(&mut self, call: ExprId, is_go: bool) {
        let mut k = self.heap_hole();
        if !is_go && self.loop_depth == 1 {
            // A defer at the top level of the function runs before it returns.
            let d = self.discard_hole();
            k = self.later(d);
        }
        let fun = match &self.pkg.expr(call).kind {
            ExprKind::Call {
                callee:
                    goescape_ir::expr::Callee::Local { fun, .. }
                    | goescape_ir::expr::Callee::Static { fun, .. }
                    | goescape_ir::expr::Callee::Dynamic { fun },
                ..
            } => Some(*fun),
            _ => None,
        };
        if let Some(f) = fun {
            self.expr(k, f);
        }
    }

    fn note_self_assignment(&mut self, stmt: StmtId) {
        self.self_assignments.push((stmt, self.cur_name_for(stmt)));
    }

    fn cur_name_for(&self, stmt: StmtId) -> String {
        let _ = stmt;
        let f = self.pkg.func(self.cur);
        if f.generic && self.instance_name.is_none() {
            // Reported for instances only.
            return String::new();
        }
        self.qualified_name(self.cur)
    }
}
