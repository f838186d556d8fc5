//! Statements: declarations and assignments (with gc's definitions and temporaries),
//! control flow, `go`/`defer` wrappers, range loops with per-iteration variables.

use goescape_syntax::ast::{self, ExprKind as AstExpr, GenDecl, Spec, StmtKind as Ast};
use goescape_syntax::Token;
use goescape_types::check::Mode;
use goescape_types::ty::{Signature, Type};
use goescape_types::TypeId;

use super::Lowerer;
use crate::expr::{BinaryOp, Callee, ConvKind, ExprKind, IrType};
use crate::func::FuncKind;
use crate::ids::{ExprId, StmtId, VarId};
use crate::pos::IrPos;
use crate::stmt::{Case, CommCase, PairKind, Stmt, StmtKind};

impl<'a> Lowerer<'a, '_> {
    pub(super) fn stmt_new(&mut self, kind: StmtKind, pos: IrPos) -> StmtId {
        self.out.add_stmt(Stmt { kind, pos })
    }

    /// Lowers a list of statements; temporaries of each go right before it. As gc's
    /// noder does, statements after a terminating one (and after the list's last label)
    /// are dropped as dead code.
    pub(super) fn block(&mut self, stmts: &[ast::StmtId]) -> Vec<StmtId> {
        let saved = std::mem::take(&mut self.pending);
        let mut out = Vec::with_capacity(stmts.len());
        let file = self.file();
        let last_label = stmts
            .iter()
            .rposition(|&s| matches!(file.stmt(s).kind, Ast::Labeled { .. }));
        let mut dead = false;
        for (i, &s) in stmts.iter().enumerate() {
            let labeled = matches!(file.stmt(s).kind, Ast::Labeled { .. });
            if dead && last_label.is_none_or(|l| i > l) && !labeled {
                continue;
            }
            self.stmt(s, &mut out);
            dead = self.terminates(s);
        }
        self.pending = saved;
        out
    }

    /// gc's approximate notion of a statement control never flows past: a return, a
    /// goto, a call of panic, an if whose taken branches all terminate, a block ending
    /// in one.
    fn terminates(&self, s: ast::StmtId) -> bool {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
            let file = self.file();
            match &file.stmt(s).kind {
                Ast::Return { .. } => true,
                Ast::Branch { tok, .. } => *tok == goescape_syntax::Token::Goto,
                Ast::Expr(e) => {
                    let e = self.strip_parens_pub(*e);
                    match &file.expr(e).kind {
                        ast::ExprKind::Call { fun, .. } => {
                            let fun = self.strip_parens_pub(*fun);
                            self.used_object(fun).is_some_and(|o| {
                                matches!(
                                    self.store.obj(o).kind,
                                    goescape_types::ObjKind::Builtin(
                                        goescape_types::object::Builtin::Panic
                                    )
                                )
                            })
                        }
                        _ => false,
                    }
                }
                Ast::If {
                    cond, body, else_, ..
                } => {
                    let (c, _) = self.static_bool(*cond);
                    (c < 0 || self.list_terminates(&body.stmts))
                        && (c > 0 || else_.is_some_and(|e| self.terminates(e)))
                }
                Ast::Block(b) => self.list_terminates(&b.stmts),
                _ => false,
            }
        })
    }

    fn list_terminates(&self, stmts: &[ast::StmtId]) -> bool {
        let file = self.file();
        stmts
            .iter()
            .rev()
            .find(|&&s| !matches!(file.stmt(s).kind, Ast::Empty { .. }))
            .is_some_and(|&s| self.terminates(s))
    }

    /// Appends the pending temporaries, then `s`.
    fn emit(&mut self, out: &mut Vec<StmtId>, s: StmtId) {
        out.append(&mut self.pending);
        out.push(s);
    }

    fn flush(&mut self, out: &mut Vec<StmtId>) {
        out.append(&mut self.pending);
    }

    fn stmt(&mut self, id: ast::StmtId, out: &mut Vec<StmtId>) {
        // Inside a range-over-func body, count the statements a plain break or
        // continue would target instead of the loop.
        let (breakable, is_loop) = match &self.file().stmt(id).kind {
            Ast::For { .. } | Ast::Range { .. } => (true, true),
            Ast::Switch { .. } | Ast::TypeSwitch { .. } | Ast::Select { .. } => (true, false),
            _ => (false, false),
        };
        if let Some(r) = &mut self.range_body {
            r.breakable += u32::from(breakable);
            r.loops += u32::from(is_loop);
        }
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.stmt_inner(id, out));
        if let Some(r) = &mut self.range_body {
            r.breakable -= u32::from(breakable);
            r.loops -= u32::from(is_loop);
        }
    }

    fn stmt_inner(&mut self, id: ast::StmtId, out: &mut Vec<StmtId>) {
        let file = self.file();
        match &file.stmt(id).kind {
            Ast::Bad { .. }
            | Ast::Empty { .. }
            | Ast::CaseClause { .. }
            | Ast::CommClause { .. } => {}
            Ast::Decl(gd) => self.gen_decl(gd, out),
            Ast::Labeled { label, stmt, .. } => {
                let name = file.ident_name(*label).into_owned();
                let looping = self.looping_labels.get(&name).copied().unwrap_or(false);
                let s = self.stmt_new(StmtKind::Label { name, looping }, self.pos(label.pos()));
                self.emit(out, s);
                self.stmt(*stmt, out);
            }
            Ast::Expr(e) => {
                let x = self.expr(*e);
                let pos = self.out.expr(x).pos;
                let s = self.stmt_new(StmtKind::Expr(x), pos);
                self.emit(out, s);
            }
            Ast::Send { chan, arrow, value } => {
                let ch = self.expr(*chan);
                let elem = self.chan_elem(self.type_of(*chan));
                let v = self.expr(*value);
                let v = match elem {
                    Some(t) => self.assign_conv(v, t),
                    None => v,
                };
                let s = self.stmt_new(StmtKind::Send { ch, value: v }, self.pos(*arrow));
                self.emit(out, s);
            }
            Ast::IncDec { x, tok_pos, tok } => {
                let op = if *tok == Token::Inc {
                    BinaryOp::Add
                } else {
                    BinaryOp::Sub
                };
                let xl = self.expr(*x);
                let ty = self.type_of(*x);
                let pos = self.pos(*tok_pos);
                let one = self.mk(
                    ExprKind::Const {
                        value: goescape_constant::Value::from_i64(1),
                        name: None,
                    },
                    IrType::Go(ty),
                    pos,
                    true,
                );
                let s = self.stmt_new(
                    StmtKind::AssignOp {
                        x: xl,
                        y: one,
                        op,
                        incdec: true,
                    },
                    pos,
                );
                self.emit(out, s);
            }
            Ast::Assign {
                lhs,
                tok_pos,
                tok,
                rhs,
            } => self.assign(lhs, *tok, rhs, self.pos(*tok_pos), out),
            Ast::Go { go_pos, call } => {
                let s = self.go_defer(*call, true, self.pos(*go_pos));
                self.emit(out, s);
            }
            Ast::Defer { defer_pos, call } => {
                let s = self.go_defer(*call, false, self.pos(*defer_pos));
                self.emit(out, s);
            }
            Ast::Return {
                return_pos,
                results,
            } if self.range_body.is_some() => {
                let ctx = self.range_body.expect("checked");
                let pos = self.pos(*return_pos);
                let top_results: Vec<Option<TypeId>> = self.out.funcs[ctx.top.index()]
                    .results
                    .iter()
                    .map(|&v| match self.out.vars[v.index()].ty {
                        IrType::Go(t) => Some(t),
                        IrType::PointerTo(_) => None,
                    })
                    .collect();
                let values = if results.len() == 1
                    && top_results.len() > 1
                    && self.is_tuple(self.type_of(results[0]))
                {
                    self.spread_tuple(results[0], pos, &top_results)
                } else {
                    results.iter().map(|&r| self.expr(r)).collect()
                };
                for s in self.range_return(ctx, values, pos) {
                    self.emit(out, s);
                }
            }
            Ast::Return {
                return_pos,
                results,
            } => {
                let pos = self.pos(*return_pos);
                let result_types = self.result_types();
                let values = if results.len() == 1
                    && result_types.len() > 1
                    && self.is_tuple(self.type_of(results[0]))
                {
                    let dsts: Vec<Option<TypeId>> = result_types.iter().map(|&t| Some(t)).collect();
                    self.spread_tuple(results[0], pos, &dsts)
                } else {
                    results.iter().map(|&r| self.expr(r)).collect()
                };
                let values = values
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| match result_types.get(i) {
                        Some(&t) => self.assign_conv(v, t),
                        None => v,
                    })
                    .collect();
                let s = self.stmt_new(StmtKind::Return(values), pos);
                self.emit(out, s);
            }
            Ast::Branch {
                tok_pos,
                tok,
                label,
            } => {
                let pos = self.pos(*tok_pos);
                let leaving = self
                    .range_body
                    .and_then(|ctx| self.range_branch(ctx, *tok, label.is_some(), pos));
                match leaving {
                    Some(stmts) => {
                        for s in stmts {
                            self.emit(out, s);
                        }
                    }
                    None => {
                        let word = match tok {
                            Token::Break => "break",
                            Token::Continue => "continue",
                            Token::Goto => "goto",
                            _ => "fallthrough",
                        };
                        let text = match label {
                            Some(l) => format!("{word} {}", file.ident_name(*l)),
                            None => word.to_owned(),
                        };
                        let s = self.stmt_new(StmtKind::Jump(text), pos);
                        self.emit(out, s);
                    }
                }
            }
            Ast::Block(b) => {
                let body = self.block(&b.stmts);
                let s = self.stmt_new(StmtKind::Block(body), self.pos(b.lbrace));
                self.emit(out, s);
            }
            Ast::If {
                if_pos,
                init,
                cond,
                body,
                else_,
            } => {
                if let Some(init) = init {
                    self.stmt(*init, out);
                }
                // gc's noder drops the branch a constant condition never takes, and
                // flattens the statement into the branch it keeps.
                let (known, cond) = self.static_bool(*cond);
                if known != 0 {
                    let constant = self.tv(cond).is_some_and(|tv| tv.mode == Mode::Constant);
                    if !constant {
                        // `_ = cond`, for its side effects.
                        let c = self.expr(cond);
                        let blank = self.mk(
                            ExprKind::Blank,
                            self.out.expr(c).ty,
                            self.out.expr(c).pos,
                            false,
                        );
                        self.flush(out);
                        let s = self.stmt_new(
                            StmtKind::Assign {
                                x: blank,
                                y: Some(c),
                            },
                            self.pos(*if_pos),
                        );
                        self.emit(out, s);
                    }
                    let kept = if known > 0 {
                        self.block(&body.stmts)
                    } else {
                        match else_ {
                            Some(e) => self.block(std::slice::from_ref(e)),
                            None => Vec::new(),
                        }
                    };
                    for s in kept {
                        self.emit(out, s);
                    }
                    return;
                }
                let c = self.expr(cond);
                self.flush(out);
                let then = if known >= 0 {
                    self.block(&body.stmts)
                } else {
                    Vec::new()
                };
                let else_ = match else_ {
                    Some(e) if known <= 0 => self.block(std::slice::from_ref(e)),
                    _ => Vec::new(),
                };
                let s = self.stmt_new(
                    StmtKind::If {
                        cond: c,
                        then,
                        else_,
                    },
                    self.pos(*if_pos),
                );
                self.emit(out, s);
            }
            Ast::Switch {
                switch_pos,
                init,
                tag,
                body,
            } => {
                if let Some(init) = init {
                    self.stmt(*init, out);
                }
                let (tag, clauses) = self.constant_switch(*tag, &body.stmts);
                let tag_ty = tag.map(|t| self.type_of(t));
                let tag = tag.map(|t| self.expr(t));
                self.flush(out);
                let mut cases = Vec::new();
                for &c in clauses.iter() {
                    if let Ast::CaseClause {
                        case_pos,
                        list,
                        body,
                        ..
                    } = &file.stmt(c.0).kind
                    {
                        let list: &[ast::ExprId] = if c.1 { &[] } else { list };
                        let saved = std::mem::take(&mut self.pending);
                        let list = list
                            .iter()
                            .map(|&e| {
                                let v = self.expr(e);
                                match tag_ty {
                                    Some(t) if self.is_interface_type(t) => self.assign_conv(v, t),
                                    _ => v,
                                }
                            })
                            .collect();
                        let case_pending = std::mem::replace(&mut self.pending, saved);
                        let mut body_stmts = case_pending;
                        body_stmts.extend(self.block(body));
                        cases.push(Case {
                            pos: self.pos(*case_pos),
                            list,
                            var: None,
                            types: Vec::new(),
                            body: body_stmts,
                        });
                    }
                }
                let s = self.stmt_new(StmtKind::Switch { tag, cases }, self.pos(*switch_pos));
                self.emit(out, s);
            }
            Ast::TypeSwitch {
                switch_pos,
                init,
                assign,
                body,
            } => {
                if let Some(init) = init {
                    self.stmt(*init, out);
                }
                let (bound, x) = match &file.stmt(*assign).kind {
                    Ast::Assign { rhs, .. } => (true, rhs.first().copied()),
                    Ast::Expr(e) => (false, Some(*e)),
                    _ => (false, None),
                };
                let x = x.map(|e| match &file.expr(e).kind {
                    AstExpr::TypeAssert { x, .. } => *x,
                    _ => e,
                });
                let Some(x) = x else {
                    return;
                };
                let xl = self.expr(x);
                self.flush(out);
                let mut cases = Vec::new();
                for &c in body.stmts.iter() {
                    if let Ast::CaseClause {
                        case_pos,
                        list,
                        body,
                        ..
                    } = &file.stmt(c).kind
                    {
                        let var = self
                            .finfo()
                            .implicits
                            .get(&case_pos.0)
                            .copied()
                            .map(|obj| self.local_var(obj));
                        // gc declares a clause's variable at the clause's first type (at
                        // `default` for the default clause).
                        if let Some(v) = var {
                            let at = match list.first() {
                                Some(&t) => self.gc_pos(t),
                                None => self.pos(*case_pos),
                            };
                            self.out.vars[v.index()].pos = at;
                        }
                        let types = list
                            .iter()
                            .map(|&t| {
                                let ty = self.type_of(t);
                                if matches!(self.store.ty(ty), goescape_types::ty::Type::Basic(b) if b.kind == goescape_types::BasicKind::UntypedNil)
                                {
                                    return "nil".to_owned();
                                }
                                crate::fmt::Printer {
                                    pkg: &self.out,
                                    store: self.store,
                                    local: self.input.pkg,
                                    shapes: None,
                                    facts: None,
                                    dict_slots: None,
                                }
                                .type_string(ty)
                            })
                            .collect();
                        let body = self.block(body);
                        cases.push(Case {
                            pos: self.pos(*case_pos),
                            list: Vec::new(),
                            var,
                            types,
                            body,
                        });
                    }
                }
                let s = self.stmt_new(
                    StmtKind::TypeSwitch {
                        x: xl,
                        bound,
                        cases,
                    },
                    self.pos(*switch_pos),
                );
                self.emit(out, s);
            }
            Ast::Select { select_pos, body } => {
                let mut cases = Vec::new();
                for &c in body.stmts.iter() {
                    if let Ast::CommClause {
                        case_pos,
                        comm,
                        body,
                        ..
                    } = &file.stmt(c).kind
                    {
                        let mut comm_stmts = match comm {
                            Some(s) => self.block(std::slice::from_ref(s)),
                            None => Vec::new(),
                        };
                        // The communication is the last statement; declarations of the
                        // received variables come before it.
                        let comm = comm_stmts.pop();
                        let mut body_stmts = comm_stmts;
                        body_stmts.extend(self.block(body));
                        cases.push(CommCase {
                            pos: self.pos(*case_pos),
                            comm,
                            body: body_stmts,
                        });
                    }
                }
                let s = self.stmt_new(StmtKind::Select(cases), self.pos(*select_pos));
                self.emit(out, s);
            }
            Ast::For {
                for_pos,
                init,
                cond,
                post,
                body,
            } => {
                let init_start = out.len();
                if let Some(init) = init {
                    self.stmt(*init, out);
                }
                // The variables the init statement defines (Go 1.22: one per iteration).
                let defined: Vec<VarId> = out[init_start..]
                    .iter()
                    .filter_map(|&s| match self.out.stmt(s).kind {
                        StmtKind::Decl(v) => Some(v),
                        _ => None,
                    })
                    .collect();
                let first_expr = self.out.exprs.len();
                let first_func = self.out.funcs.len();
                let (never, cond) = match cond {
                    Some(c) => {
                        let (known, c) = self.static_bool(*c);
                        (known < 0, Some(c))
                    }
                    None => (false, None),
                };
                let c = cond.map(|c| self.expr(c));
                self.flush(out);
                let post = if never { &None } else { post };
                let body_stmts: &[ast::StmtId] = if never { &[] } else { &body.stmts };
                let post = post.and_then(|p| {
                    let mut v = self.block(std::slice::from_ref(&p));
                    match v.len() {
                        0 => None,
                        1 => v.pop(),
                        _ => Some(self.stmt_new(StmtKind::Block(v), IrPos::NONE)),
                    }
                });
                let body = self.block(body_stmts);
                let pos = self.pos(*for_pos);
                let leaked: Vec<VarId> = defined
                    .into_iter()
                    .filter(|&v| self.escapes_iteration(v, first_expr, first_func))
                    .collect();
                let (c, post, body) = if leaked.is_empty() {
                    (c, post, body)
                } else {
                    self.per_iteration(&leaked, init_start, c, post, body, pos, out)
                };
                let s = self.stmt_new(
                    StmtKind::For {
                        cond: c,
                        post,
                        body,
                    },
                    pos,
                );
                self.emit(out, s);
            }
            Ast::Range {
                for_pos,
                key,
                value,
                tok,
                range_pos,
                x,
                body,
                ..
            } => self.range(*for_pos, *range_pos, *key, *value, *tok, *x, body, out),
        }
    }

    fn result_types(&self) -> Vec<TypeId> {
        let f = &self.out.funcs[self.cur.index()];
        f.results
            .iter()
            .map(|&v| match self.out.vars[v.index()].ty {
                IrType::Go(t) | IrType::PointerTo(t) => t,
            })
            .collect()
    }

    fn chan_elem(&self, ty: TypeId) -> Option<TypeId> {
        match self.underlying(ty) {
            Type::Chan { elem, .. } => Some(*elem),
            _ => None,
        }
    }

    /// The target of an assignment or definition: a new variable (declared into
    /// `decls`), the blank identifier, or an addressable expression.
    fn assign_target(&mut self, e: ast::ExprId, define: bool, decls: &mut Vec<VarId>) -> ExprId {
        let file = self.file();
        let inner = self.strip_parens_pub(e);
        if let AstExpr::Ident(ident) = &file.expr(inner).kind {
            let pos = self.pos(ident.pos());
            if file.ident_name(*ident) == "_" {
                let ty = self.type_of(e);
                return self.mk(ExprKind::Blank, IrType::Go(ty), pos, false);
            }
            if define {
                if let Some(Some(obj)) = self.finfo().defs.get(&ident.span.start).copied() {
                    let v = self.local_var(obj);
                    decls.push(v);
                    let ty = self.out.vars[v.index()].ty;
                    return self.mk(ExprKind::Var(v), ty, pos, false);
                }
                // A variable `:=` assigns again (a result, or one of the same block): the
                // checker records no type for it there, its variable has one.
                if let Some(&obj) = self.finfo().uses.get(&ident.span.start) {
                    if let Some(&v) = self.var_of.get(&obj) {
                        let ty = self.out.vars[v.index()].ty;
                        return self.mk(ExprKind::Var(v), ty, pos, false);
                    }
                }
            }
        }
        self.expr(e)
    }

    fn target_type(&self, x: ExprId) -> Option<TypeId> {
        self.go_type(x)
    }

    /// The types values assigned to `targets` convert to (none for `_`).
    fn target_types(&self, targets: &[ExprId]) -> Vec<Option<TypeId>> {
        targets
            .iter()
            .map(|&t| match self.out.expr(t).kind {
                ExprKind::Blank => None,
                _ => self.target_type(t),
            })
            .collect()
    }

    /// `values` converted for assignment to `targets`.
    fn convert_to_targets(&mut self, values: Vec<ExprId>, targets: &[ExprId]) -> Vec<ExprId> {
        let types = self.target_types(targets);
        values
            .into_iter()
            .zip(types)
            .map(|(v, ty)| match ty {
                Some(ty) => self.assign_conv(v, ty),
                None => v,
            })
            .collect()
    }

    /// The kind of a comma-ok operand (`m[k]`, `x.(T)`, `<-c` used with two results).
    fn comma_ok_kind(&self, r: ast::ExprId) -> Option<PairKind> {
        let kind = match &self.file().expr(self.strip_parens_pub(r)).kind {
            AstExpr::Index { .. } => PairKind::MapRead,
            AstExpr::TypeAssert { .. } => PairKind::DotType,
            AstExpr::Unary {
                op: Token::Arrow, ..
            } => PairKind::Receive,
            _ => return None,
        };
        self.tv(r)
            .is_some_and(|tv| tv.mode == Mode::CommaOk || !self.is_tuple(tv.ty))
            .then_some(kind)
    }

    fn assign(
        &mut self,
        lhs: &[ast::ExprId],
        tok: Token,
        rhs: &[ast::ExprId],
        pos: IrPos,
        out: &mut Vec<StmtId>,
    ) {
        let define = tok == Token::Define;
        if tok != Token::Assign && !define {
            // x op= y
            let (Some(&x), Some(&y)) = (lhs.first(), rhs.first()) else {
                return;
            };
            let xl = self.expr(x);
            let yl = self.expr(y);
            let op = assign_op(tok);
            let s = self.stmt_new(
                StmtKind::AssignOp {
                    x: xl,
                    y: yl,
                    op,
                    incdec: false,
                },
                pos,
            );
            self.emit(out, s);
            return;
        }
        let mut decls = Vec::new();
        if lhs.len() == rhs.len() {
            // gc's noder reads the targets first (which orders closure captures).
            let targets: Vec<ExprId> = lhs
                .iter()
                .map(|&l| self.assign_target(l, define, &mut decls))
                .collect();
            let values: Vec<ExprId> = rhs.iter().map(|&r| self.expr(r)).collect();
            let values = self.convert_to_targets(values, &targets);
            self.declare_all(&decls, pos, out);
            let kind = if targets.len() == 1 {
                StmtKind::Assign {
                    x: targets[0],
                    y: Some(values[0]),
                }
            } else {
                StmtKind::AssignPair {
                    kind: PairKind::Plain,
                    lhs: targets.into_iter().map(Some).collect(),
                    rhs: values,
                }
            };
            let s = self.stmt_new(kind, pos);
            self.define(&decls, s);
            if define {
                self.out.defines.insert(s);
            }
            self.emit(out, s);
            return;
        }
        // a, b = f() and the comma-ok forms.
        let Some(&r) = rhs.first() else {
            return;
        };
        let comma_ok = self.comma_ok_kind(r);
        // gc's noder reads the targets first, then assigns the values through
        // temporaries: `t0, t1 := r; a, b = t0, t1`.
        let targets: Vec<ExprId> = lhs
            .iter()
            .map(|&l| self.assign_target(l, define, &mut decls))
            .collect();
        let dsts = self.target_types(&targets);
        let values = self.multi_value(r, pos, &dsts, comma_ok);
        self.declare_all(&decls, pos, out);
        let s = self.stmt_new(
            StmtKind::AssignPair {
                kind: PairKind::Plain,
                lhs: targets.into_iter().map(Some).collect(),
                rhs: values,
            },
            pos,
        );
        self.define(&decls, s);
        if define {
            self.out.defines.insert(s);
        }
        self.emit(out, s);
    }

    fn declare_all(&mut self, decls: &[VarId], pos: IrPos, out: &mut Vec<StmtId>) {
        for &v in decls {
            let vpos = self.out.vars[v.index()].pos;
            let d = self.stmt_new(StmtKind::Decl(v), if vpos.is_known() { vpos } else { pos });
            self.pending.push(d);
        }
        let _ = out;
    }

    fn define(&mut self, decls: &[VarId], s: StmtId) {
        for &v in decls {
            self.out.vars[v.index()].defn = Some(s);
        }
    }

    fn gen_decl(&mut self, gd: &'a GenDecl, out: &mut Vec<StmtId>) {
        if gd.tok != Token::Var {
            return;
        }
        let file = self.file();
        for spec in &gd.specs {
            let Spec::Value(vs) = spec else {
                continue;
            };
            let vars: Vec<Option<VarId>> = vs
                .names
                .iter()
                .map(|n| {
                    if file.ident_name(*n) == "_" {
                        return None;
                    }
                    self.finfo()
                        .defs
                        .get(&n.span.start)
                        .copied()
                        .flatten()
                        .map(|obj| self.local_var(obj))
                })
                .collect();
            let pos = vs.names.first().map_or(IrPos::NONE, |n| self.pos(n.pos()));
            if vs.values.is_empty() {
                for v in vars.into_iter().flatten() {
                    let vpos = self.out.vars[v.index()].pos;
                    let d = self.stmt_new(StmtKind::Decl(v), vpos);
                    self.emit(out, d);
                    let ty = self.out.vars[v.index()].ty;
                    let x = self.mk(ExprKind::Var(v), ty, vpos, false);
                    let s = self.stmt_new(StmtKind::Assign { x, y: None }, vpos);
                    self.emit(out, s);
                }
                continue;
            }
            let values: Vec<ExprId> = if vs.values.len() == vars.len() {
                vs.values.iter().map(|&e| self.expr(e)).collect()
            } else {
                Vec::new()
            };
            let targets: Vec<ExprId> = vars
                .iter()
                .zip(&vs.names)
                .map(|(v, n)| match v {
                    Some(v) => {
                        let ty = self.out.vars[v.index()].ty;
                        let vpos = self.out.vars[v.index()].pos;
                        self.mk(ExprKind::Var(*v), ty, vpos, false)
                    }
                    None => self.mk(
                        ExprKind::Blank,
                        IrType::Go(super::INVALID_TYPE),
                        self.pos(n.pos()),
                        false,
                    ),
                })
                .collect();
            let decls: Vec<VarId> = vars.iter().flatten().copied().collect();
            self.declare_all(&decls, pos, out);
            let kind = if !values.is_empty() {
                let values = self.convert_to_targets(values, &targets);
                if targets.len() == 1 {
                    StmtKind::Assign {
                        x: targets[0],
                        y: Some(values[0]),
                    }
                } else {
                    StmtKind::AssignPair {
                        kind: PairKind::Plain,
                        lhs: targets.into_iter().map(Some).collect(),
                        rhs: values,
                    }
                }
            } else {
                // var a, b = f(): through temporaries, as gc's N:1 assignment.
                let dsts = self.target_types(&targets);
                let r = vs.values[0];
                let comma_ok = self.comma_ok_kind(r);
                let values = self.multi_value(r, pos, &dsts, comma_ok);
                StmtKind::AssignPair {
                    kind: PairKind::Plain,
                    lhs: targets.into_iter().map(Some).collect(),
                    rhs: values,
                }
            };
            let s = self.stmt_new(kind, pos);
            self.define(&decls, s);
            self.out.defines.insert(s);
            self.emit(out, s);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn range(
        &mut self,
        for_pos: goescape_syntax::Pos,
        range_pos: goescape_syntax::Pos,
        key: Option<ast::ExprId>,
        value: Option<ast::ExprId>,
        tok: Token,
        x: ast::ExprId,
        body: &'a ast::Block,
        out: &mut Vec<StmtId>,
    ) {
        // gc places a range loop at `range`; the rewrite of a range over a function
        // places its pieces at `for`.
        let pos = self.pos(range_pos);
        let for_pos = self.pos(for_pos);
        let xt = self.type_of(x);
        let xl = self.expr(x);
        self.flush(out);
        let (array, is_func) = match self.underlying(xt) {
            Type::Array { .. } => (true, false),
            Type::Signature(_) => (false, true),
            _ => (false, false),
        };
        let define = tok == Token::Define;
        if is_func {
            // The body is lowered as a closure: the nesting counted for this range
            // statement does not apply inside it.
            let saved = self.range_body;
            if let Some(r) = &mut self.range_body {
                r.breakable -= 1;
                r.loops -= 1;
            }
            self.range_func(for_pos, key, value, define, xl, xt, body, out);
            self.range_body = saved;
            return;
        }
        let mut decls = Vec::new();
        let key_e = key.map(|k| self.assign_target(k, define, &mut decls));
        let value_e = value.map(|v| self.assign_target(v, define, &mut decls));
        let first_expr = self.out.exprs.len();
        let first_func = self.out.funcs.len();
        let mut body_stmts = self.block(&body.stmts);
        let s = self.stmt_new(
            StmtKind::Range {
                x: xl,
                key: key_e,
                value: value_e,
                array,
                body: Vec::new(),
            },
            pos,
        );
        self.define(&decls, s);
        let mut copies = Vec::new();
        if define {
            // Go 1.22 loop variables: one per iteration when a closure captures it or its
            // address is taken, which gc makes a copy declared in the body.
            for (target, &v) in [key_e, value_e].iter().flatten().zip(decls.iter()) {
                let _ = target;
                if self.escapes_iteration(v, first_expr, first_func) {
                    copies.push(v);
                }
            }
            let mut prologue = Vec::new();
            for &v in &copies {
                let (ty, vpos) = {
                    let var = &self.out.vars[v.index()];
                    (var.ty, var.pos)
                };
                let hidden = self.temp(ty, vpos);
                // The range assigns the hidden variable; the copy is declared per iteration.
                self.retarget_range(s, v, hidden);
                let d = self.stmt_new(StmtKind::Decl(v), vpos);
                let x = self.mk(ExprKind::Var(v), ty, vpos, true);
                let y = self.mk(ExprKind::Var(hidden), ty, vpos, true);
                // The copy keeps the range as its definition: gc counts this assignment
                // as a reassignment (which decides how closures capture it).
                let a = self.stmt_new(StmtKind::Assign { x, y: Some(y) }, vpos);
                self.out.defines.insert(a);
                prologue.push(d);
                prologue.push(a);
            }
            prologue.append(&mut body_stmts);
            body_stmts = prologue;
        }
        if let StmtKind::Range { body, .. } = &mut self.out.stmts[s.index()].kind {
            *body = body_stmts;
        }
        // The range's variables are declared where the range is (gc's range init).
        for &v in decls.iter().filter(|v| !copies.contains(v)) {
            let vpos = self.out.vars[v.index()].pos;
            let d = self.stmt_new(StmtKind::Decl(v), vpos);
            self.pending.push(d);
        }
        self.emit(out, s);
    }

    /// Whether `v` has its address taken or is captured by a closure among the
    /// expressions and functions created since `first_expr` / `first_func`.
    fn escapes_iteration(&self, v: VarId, first_expr: usize, first_func: usize) -> bool {
        let captured = self.out.funcs[first_func..]
            .iter()
            .any(|f| f.captures.iter().any(|c| c.var == v));
        if captured {
            return true;
        }
        self.out.exprs[first_expr..].iter().any(|e| match e.kind {
            ExprKind::AddrOf(x) => self.outer_value(x) == Some(v),
            _ => false,
        })
    }

    /// The variable an addressable expression is part of (gc's `OuterValue`: through
    /// struct fields and array elements, not pointers).
    fn outer_value(&self, mut x: ExprId) -> Option<VarId> {
        loop {
            match &self.out.expr(x).kind {
                ExprKind::Var(v) => return Some(*v),
                ExprKind::Field { x: inner, .. } => x = *inner,
                ExprKind::Index {
                    x: inner,
                    array: true,
                    ..
                } => x = *inner,
                ExprKind::Conv {
                    kind: ConvKind::NoOp,
                    x: inner,
                } => x = *inner,
                _ => return None,
            }
        }
    }

    fn retarget_range(&mut self, s: StmtId, from: VarId, to: VarId) {
        let targets = match &self.out.stmts[s.index()].kind {
            StmtKind::Range { key, value, .. } => [*key, *value],
            _ => return,
        };
        for t in targets.into_iter().flatten() {
            if let ExprKind::Var(v) = &mut self.out.exprs[t.index()].kind {
                if *v == from {
                    *v = to;
                }
            }
        }
    }

    /// `go f(x)` / `defer f(x)`: a call with arguments or results runs in a wrapper
    /// closure; its arguments are evaluated into temporaries first.
    fn go_defer(&mut self, call: ast::ExprId, is_go: bool, pos: IrPos) -> StmtId {
        let c = self.expr(call);
        let wrap = match &self.out.expr(c).kind {
            ExprKind::Call {
                callee:
                    Callee::Static { fun, .. } | Callee::Local { fun, .. } | Callee::Dynamic { fun },
                args,
                ..
            } => !args.is_empty() || self.has_results_or_params(*fun),
            _ => true,
        };
        let kind = |e| {
            if is_go {
                StmtKind::Go(e)
            } else {
                StmtKind::Defer(e)
            }
        };
        if !wrap {
            return self.stmt_new(kind(c), pos);
        }
        // Arguments into temporaries, assigned together before the statement.
        let mut lhs = Vec::new();
        let mut rhs = Vec::new();
        let mut temps = Vec::new();
        self.spill_call_args(c, pos, &mut temps, &mut rhs);
        let assign = if temps.is_empty() {
            None
        } else {
            for &(t, tpos) in &temps {
                let d = self.stmt_new(StmtKind::Decl(t), tpos);
                self.pending.push(d);
                let ty = self.out.vars[t.index()].ty;
                lhs.push(Some(self.mk(ExprKind::Var(t), ty, tpos, true)));
            }
            let a = self.stmt_new(
                StmtKind::AssignPair {
                    kind: PairKind::Plain,
                    lhs,
                    rhs,
                },
                pos,
            );
            for &(t, _) in &temps {
                self.out.vars[t.index()].defn = Some(a);
            }
            Some(a)
        };
        if let Some(a) = assign {
            self.pending.push(a);
        }
        let suffix = if is_go { ".gowrap" } else { ".deferwrap" };
        let wrapper =
            self.new_closure_func(suffix, FuncKind::GoDeferWrapper, super::INVALID_TYPE, pos);
        // The call now refers to the temporaries from inside the wrapper.
        let saved = std::mem::replace(&mut self.cur, wrapper);
        for &(t, tpos) in &temps {
            self.note_capture(t, tpos);
        }
        let body = self.stmt_new(StmtKind::Expr(c), pos);
        self.out.funcs[wrapper.index()].body = Some(vec![body]);
        self.cur = saved;
        let clo = self.mk(
            ExprKind::Closure(wrapper),
            IrType::Go(super::INVALID_TYPE),
            pos,
            true,
        );
        let call = self.mk(
            ExprKind::Call {
                callee: Callee::Local {
                    fun: clo,
                    func: wrapper,
                },
                args: Vec::new(),
                ddd: false,
            },
            IrType::Go(super::INVALID_TYPE),
            pos,
            true,
        );
        self.stmt_new(kind(call), pos)
    }

    fn has_results_or_params(&self, fun: ExprId) -> bool {
        let sig: Option<&Signature> = self.go_type(fun).and_then(|t| match self.underlying(t) {
            Type::Signature(s) => Some(s),
            _ => None,
        });
        sig.is_some_and(|s| !s.params.is_empty() || !s.results.is_empty())
    }

    /// Replaces the arguments (and callee value) of the call `c` that gc copies into
    /// temporaries with references to new temporaries.
    fn spill_call_args(
        &mut self,
        c: ExprId,
        pos: IrPos,
        temps: &mut Vec<(VarId, IrPos)>,
        values: &mut Vec<ExprId>,
    ) {
        let kind = self.out.expr(c).kind.clone();
        match kind {
            ExprKind::Call {
                callee,
                mut args,
                ddd,
            } => {
                let callee = match callee {
                    Callee::Interface {
                        recv,
                        method,
                        method_pos,
                    } => Callee::Interface {
                        recv: self.spill(recv, pos, temps, values, true),
                        method,
                        method_pos,
                    },
                    Callee::Dynamic { fun } => Callee::Dynamic {
                        fun: self.spill(fun, pos, temps, values, false),
                    },
                    // A function literal is a value like any other: into a temporary.
                    Callee::Local { fun, .. }
                        if matches!(self.out.expr(fun).kind, ExprKind::Closure(_)) =>
                    {
                        Callee::Dynamic {
                            fun: self.spill(fun, pos, temps, values, false),
                        }
                    }
                    other => other,
                };
                for a in args.iter_mut() {
                    *a = self.spill(*a, pos, temps, values, false);
                }
                self.out.exprs[c.index()].kind = ExprKind::Call { callee, args, ddd };
            }
            ExprKind::Builtin { op, mut args, ddd } => {
                for a in args.iter_mut() {
                    *a = self.spill(*a, pos, temps, values, false);
                }
                self.out.exprs[c.index()].kind = ExprKind::Builtin { op, args, ddd };
            }
            _ => {}
        }
    }

    fn spill(
        &mut self,
        arg: ExprId,
        pos: IrPos,
        temps: &mut Vec<(VarId, IrPos)>,
        values: &mut Vec<ExprId>,
        always: bool,
    ) -> ExprId {
        let e = self.out.expr(arg).clone();
        if !always {
            match &e.kind {
                ExprKind::Const { .. }
                | ExprKind::Nil
                | ExprKind::MethodExpr { .. }
                | ExprKind::New
                | ExprKind::FuncName(_) => return arg,
                ExprKind::Conv {
                    kind: ConvKind::NoOp | ConvKind::Value,
                    x,
                } if self.is_uintptr_of_unsafe_pointer(arg, *x) => {
                    let inner = self.spill(*x, pos, temps, values, false);
                    self.out.exprs[arg.index()].kind = ExprKind::Conv {
                        kind: ConvKind::NoOp,
                        x: inner,
                    };
                    return arg;
                }
                ExprKind::ArrayLit { elems, slice, len } => {
                    let (slice, len) = (*slice, *len);
                    let elems: Vec<ExprId> = elems
                        .clone()
                        .into_iter()
                        .map(|x| self.spill(x, pos, temps, values, false))
                        .collect();
                    self.out.exprs[arg.index()].kind = ExprKind::ArrayLit { elems, slice, len };
                    return arg;
                }
                ExprKind::StructLit { fields } => {
                    let fields: Vec<_> = fields
                        .clone()
                        .into_iter()
                        .map(|(f, x)| (f, self.spill(x, pos, temps, values, false)))
                        .collect();
                    self.out.exprs[arg.index()].kind = ExprKind::StructLit { fields };
                    return arg;
                }
                _ => {}
            }
        }
        // gc places a temporary at its value when that has a position of its own.
        let has_unique_pos = !matches!(
            e.kind,
            ExprKind::Var(_) | ExprKind::Global(_) | ExprKind::Const { .. } | ExprKind::Nil
        );
        let tpos = if has_unique_pos { e.pos } else { pos };
        let t = self.temp(e.ty, tpos);
        temps.push((t, tpos));
        values.push(arg);
        self.mk(ExprKind::Var(t), e.ty, tpos, true)
    }

    fn is_uintptr_of_unsafe_pointer(&self, conv: ExprId, x: ExprId) -> bool {
        let to = self.out.expr(conv).ty;
        let from = self.out.expr(x).ty;
        let is = |t: IrType, k: goescape_types::BasicKind| matches!(t, IrType::Go(t) if matches!(self.underlying(t), Type::Basic(b) if b.kind == k));
        is(to, goescape_types::BasicKind::Uintptr)
            && is(from, goescape_types::BasicKind::UnsafePointer)
    }
}

/// The operator of an assignment `x op= y`.
fn assign_op(tok: Token) -> BinaryOp {
    match tok {
        Token::SubAssign => BinaryOp::Sub,
        Token::MulAssign => BinaryOp::Mul,
        Token::QuoAssign => BinaryOp::Div,
        Token::RemAssign => BinaryOp::Rem,
        Token::AndAssign => BinaryOp::And,
        Token::OrAssign => BinaryOp::Or,
        Token::XorAssign => BinaryOp::Xor,
        Token::ShlAssign => BinaryOp::Shl,
        Token::ShrAssign => BinaryOp::Shr,
        Token::AndNotAssign => BinaryOp::AndNot,
        _ => BinaryOp::Add,
    }
}

impl Lowerer<'_, '_> {
    /// gc's `staticBool`: whether a condition is always true (1), always false (-1) or
    /// unknown (0), and the condition gc keeps (`c && x` with `c` false is `c`).
    fn static_bool(&self, e: ast::ExprId) -> (i32, ast::ExprId) {
        if let Some(v) = self.tv(e).and_then(|tv| tv.value.as_ref()) {
            return (if v.bool_val() { 1 } else { -1 }, e);
        }
        let inner = self.strip_parens_pub(e);
        if let AstExpr::Unary {
            op: Token::Not, x, ..
        }
        | AstExpr::Binary {
            op: Token::Not, x, ..
        } = &self.file().expr(inner).kind
        {
            let (known, _) = self.static_bool(*x);
            return (known, e);
        }
        if let AstExpr::Binary { x, op, y, .. } = &self.file().expr(inner).kind {
            let is_const = |e: ast::ExprId| self.tv(e).is_some_and(|tv| tv.value.is_some());
            match op {
                Token::LAnd => {
                    let (kx, _) = self.static_bool(*x);
                    if kx < 0 {
                        return (kx, *x);
                    }
                    let (ky, _) = self.static_bool(*y);
                    if kx > 0 || ky < 0 {
                        return (ky, if is_const(*x) { *y } else { e });
                    }
                }
                Token::LOr => {
                    let (kx, _) = self.static_bool(*x);
                    if kx > 0 {
                        return (kx, *x);
                    }
                    let (ky, _) = self.static_bool(*y);
                    if kx < 0 || ky > 0 {
                        return (ky, if is_const(*x) { *y } else { e });
                    }
                }
                _ => {}
            }
        }
        (0, e)
    }

    /// gc's noder keeps only the clause a constant switch always takes (as a `default`):
    /// the tag (dropped when constant) and the clauses, each with whether it became a
    /// default.
    fn constant_switch(
        &self,
        tag: Option<ast::ExprId>,
        clauses: &[ast::StmtId],
    ) -> (Option<ast::ExprId>, Vec<(ast::StmtId, bool)>) {
        let all = || clauses.iter().map(|&c| (c, false)).collect();
        let tag_value = match tag {
            Some(t) => match self.tv(t).and_then(|tv| tv.value.clone()) {
                Some(v) => v,
                None => return (tag, all()),
            },
            None => goescape_constant::Value::from_bool(true),
        };
        let file = self.file();
        let mut target = None;
        'outer: for &c in clauses {
            let Ast::CaseClause { list, .. } = &file.stmt(c).kind else {
                continue;
            };
            if list.is_empty() {
                target = Some(c);
            }
            for &e in list.iter() {
                let Some(v) = self.tv(e).and_then(|tv| tv.value.as_ref()) else {
                    return (tag, all());
                };
                if goescape_constant::compare(&tag_value, goescape_constant::CompareOp::Eq, v) {
                    target = Some(c);
                    break 'outer;
                }
            }
        }
        match target {
            Some(c) => {
                let Ast::CaseClause { body, .. } = &file.stmt(c).kind else {
                    return (tag, all());
                };
                let falls = body.last().is_some_and(|&s| {
                    matches!(
                        file.stmt(s).kind,
                        Ast::Branch {
                            tok: Token::Fallthrough,
                            ..
                        }
                    )
                });
                if falls {
                    return (tag, all());
                }
                (None, vec![(c, true)])
            }
            None => (None, Vec::new()),
        }
    }
}

impl Lowerer<'_, '_> {
    /// gc's `loopvar` rewrite of a three-clause loop whose variables a closure captures
    /// or whose address is taken: the init assigns a temporary `z'`; each iteration
    /// declares `z := z'`, runs the post statement (after the first), tests the
    /// condition, runs the body and stores `z' = z`.
    #[allow(clippy::too_many_arguments)]
    fn per_iteration(
        &mut self,
        leaked: &[VarId],
        init_start: usize,
        cond: Option<ExprId>,
        post: Option<StmtId>,
        body: Vec<StmtId>,
        pos: IrPos,
        out: &mut Vec<StmtId>,
    ) -> (Option<ExprId>, Option<StmtId>, Vec<StmtId>) {
        let mut pre = Vec::new();
        let mut after = Vec::new();
        for &z in leaked {
            let ty = self.out.vars[z.index()].ty;
            let zpos = self.out.vars[z.index()].pos;
            let tz = self.temp(ty, pos);
            // The init now assigns z', and z is declared in the body.
            if let Some(i) = out[init_start..]
                .iter()
                .position(|&s| matches!(self.out.stmt(s).kind, StmtKind::Decl(v) if v == z))
            {
                out.remove(init_start + i);
            }
            if let Some(defn) = self.out.vars[z.index()].defn {
                let targets: Vec<ExprId> = match &self.out.stmt(defn).kind {
                    StmtKind::Assign { x, .. } => vec![*x],
                    StmtKind::AssignPair { lhs, .. } | StmtKind::AssignCall { lhs, .. } => {
                        lhs.iter().flatten().copied().collect()
                    }
                    _ => Vec::new(),
                };
                for t in targets {
                    if matches!(self.out.expr(t).kind, ExprKind::Var(v) if v == z) {
                        self.out.exprs[t.index()].kind = ExprKind::Var(tz);
                    }
                }
            }
            let d = self.stmt_new(StmtKind::Decl(z), zpos);
            let x = self.mk(ExprKind::Var(z), ty, pos, true);
            let y = self.mk(ExprKind::Var(tz), ty, pos, true);
            let a = self.stmt_new(StmtKind::Assign { x, y: Some(y) }, pos);
            self.out.defines.insert(a);
            self.out.vars[z.index()].defn = Some(a);
            pre.push(d);
            pre.push(a);
            let x = self.mk(ExprKind::Var(tz), ty, pos, true);
            let y = self.mk(ExprKind::Var(z), ty, pos, true);
            after.push(self.stmt_new(StmtKind::Assign { x, y: Some(y) }, pos));
        }
        if let Some(p) = post {
            // if first { first = false } else { post }: only the post statement flows.
            let t = self.mk(
                ExprKind::Const {
                    value: goescape_constant::Value::from_bool(true),
                    name: None,
                },
                IrType::Go(self.input.bool_type),
                pos,
                true,
            );
            pre.push(self.stmt_new(
                StmtKind::If {
                    cond: t,
                    then: Vec::new(),
                    else_: vec![p],
                },
                pos,
            ));
        }
        if let Some(c) = cond {
            let not = self.mk(
                ExprKind::Unary {
                    op: crate::expr::UnaryOp::Not,
                    x: c,
                },
                IrType::Go(self.input.bool_type),
                self.out.expr(c).pos,
                true,
            );
            let brk = self.stmt_new(StmtKind::Jump("break".to_owned()), pos);
            pre.push(self.stmt_new(
                StmtKind::If {
                    cond: not,
                    then: vec![brk],
                    else_: Vec::new(),
                },
                pos,
            ));
        }
        pre.extend(body);
        pre.extend(after);
        (None, None, pre)
    }
}
