//! Function bodies (go/types' `stmt.go` and `assignments.go`): block scopes, local
//! declarations, assignments and control flow, with the types the statements give their
//! expressions and variables.

use std::collections::HashMap;

use goescape_syntax::ast::{Block, ExprId, ExprKind, File, GenDecl, Ident, Spec, StmtId, StmtKind};
use goescape_syntax::Token;

use super::operand::Operand;
use super::{Checker, Env, Mode};
use crate::basic::BasicKind;
use crate::ids::{ObjId, ScopeId, TypeId};
use crate::object::{ObjKind, Object, VarInfo, VarKind};
use crate::predicates::{default_type, is_untyped};
use crate::scope::Scope;
use crate::ty::Type;

/// Statement contexts (go/types' `stmtContext`): what branch statements are admitted.
pub(super) const BREAK_OK: u8 = 1;
pub(super) const CONTINUE_OK: u8 = 2;
pub(super) const FALLTHROUGH_OK: u8 = 4;
pub(super) const FINAL_CASE: u8 = 8;
pub(super) const IN_TYPE_SWITCH: u8 = 16;

impl Checker<'_> {
    /// Checks a function body in a scope that already holds its parameters and results.
    pub(super) fn func_body(&mut self, env: Env, body: &Block) {
        self.local_vars.push(Vec::new());
        // A function's body starts a statement context of its own.
        let outer = std::mem::replace(&mut self.stmt_ctx, 0);
        for &stmt in &body.stmts {
            self.stmt_ctx = 0;
            self.stmt(env, stmt);
        }
        self.stmt_ctx = outer;
        self.labels(env, body);
        let locals = self.local_vars.pop().unwrap_or_default();
        self.unused_vars(locals);
        let has_results = env.func.is_some_and(
            |sig| matches!(self.store().ty(sig), Type::Signature(s) if !s.results.is_empty()),
        );
        if has_results && body.rbrace.is_valid() {
            let file = self.file(env);
            if !self.is_terminating_list(env, file, &body.stmts, "") {
                self.error(env.file, body.rbrace, "missing return");
            }
        }
    }

    /// Labels live in a scope of their own per function body (function literals
    /// included, each with its own): defined by labeled statements, used by `goto`,
    /// `break` and `continue` (go/types' `labels`: a `break` or `continue` label must be
    /// that of an enclosing statement of the right kind, a `goto` may not jump into a
    /// block or over a variable declaration, and every label must be used).
    fn labels(&mut self, env: Env, body: &Block) {
        let file = self.file(env);
        let mut state = LabelState::default();
        let jumps = self.block_branches(env, file, &mut state, None, None, &body.stmts);
        for (label, _) in jumps {
            let name = file.ident_name(label);
            let msg = match state.all.get(name.as_ref()) {
                Some(&(obj, _)) => {
                    self.mark_label_used(obj);
                    format!("goto {name} jumps into block")
                }
                None => format!("label {name} not declared"),
            };
            self.error(env.file, label.pos(), msg);
        }
        let mut declared: Vec<(ObjId, Ident)> = state.all.values().copied().collect();
        declared.sort_by_key(|&(_, ident)| ident.pos().0);
        for (obj, ident) in declared {
            if matches!(
                self.arena.objects[obj.index as usize].kind,
                ObjKind::Label { used: false }
            ) {
                let msg = format!("label {} declared and not used", file.ident_name(ident));
                self.soft_error(env.file, ident.pos(), msg);
            }
        }
    }

    fn mark_label_used(&mut self, label: ObjId) {
        if let ObjKind::Label { used } = &mut self.arena.objects[label.index as usize].kind {
            *used = true;
        }
    }

    /// The branches of a statement list (a block of its own): the `goto`s still looking
    /// for their label when it ends.
    fn block_branches(
        &mut self,
        env: Env,
        file: &File,
        state: &mut LabelState,
        parent: Option<usize>,
        labeled: Option<StmtId>,
        list: &[StmtId],
    ) -> Vec<(Ident, StmtId)> {
        let block = state.blocks.len();
        state.blocks.push(LabelBlock {
            parent,
            labeled,
            labels: Vec::new(),
        });
        let mut jumps = BlockJumps::default();
        for &s in list {
            self.stmt_branches(env, file, state, block, &mut jumps, None, s);
        }
        jumps.forward
    }

    #[allow(clippy::too_many_arguments)]
    fn stmt_branches(
        &mut self,
        env: Env,
        file: &File,
        state: &mut LabelState,
        block: usize,
        jumps: &mut BlockJumps,
        labeled: Option<StmtId>,
        s: StmtId,
    ) {
        crate::stack::with_stack(|| {
            self.stmt_branches_inner(env, file, state, block, jumps, labeled, s)
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn stmt_branches_inner(
        &mut self,
        env: Env,
        file: &File,
        state: &mut LabelState,
        block: usize,
        jumps: &mut BlockJumps,
        mut labeled: Option<StmtId>,
        s: StmtId,
    ) {
        let nested = |checker: &mut Self,
                      state: &mut LabelState,
                      jumps: &mut BlockJumps,
                      labeled: Option<StmtId>,
                      list: &[StmtId]| {
            let inner = checker.block_branches(env, file, state, Some(block), labeled, list);
            jumps.forward.extend(inner);
        };
        match &file.stmt(s).kind {
            StmtKind::Decl(gen) if gen.tok == Token::Var => {
                jumps.var_decl(file.stmt_pos(s));
            }
            StmtKind::Assign {
                tok: Token::Define, ..
            } => jumps.var_decl(file.stmt_pos(s)),
            StmtKind::Labeled { label, stmt, .. } => {
                let name = file.ident_name(*label).into_owned();
                if name != "_" {
                    let obj = self.new_object(env.file, *label, ObjKind::Label { used: false });
                    match state.all.get(&name) {
                        Some(&(_, alt)) => {
                            let msg = format!("label {name} already declared");
                            self.soft_error(env.file, label.pos(), msg);
                            let msg = format!("\tother declaration of {name}");
                            self.soft_error(env.file, alt.pos(), msg);
                        }
                        None => {
                            state.all.insert(name.clone(), (obj, *label));
                            state.blocks[block].labels.push((name.clone(), s));
                            self.info.files[env.file]
                                .defs
                                .insert(label.pos().0, Some(obj));
                        }
                    }
                    // The forward jumps to this label are resolved.
                    let mut remaining = Vec::new();
                    for (jump_label, jump) in std::mem::take(&mut jumps.forward) {
                        if file.ident_name(jump_label) != name {
                            remaining.push((jump_label, jump));
                            continue;
                        }
                        self.mark_label_used(obj);
                        self.info.files[env.file]
                            .uses
                            .insert(jump_label.pos().0, obj);
                        if let Some(line) = jumps.jumps_over_var_decl(jump, file) {
                            let msg = format!(
                                "goto {name} jumps over variable declaration at line {line}"
                            );
                            self.soft_error(env.file, jump_label.pos(), msg);
                        }
                    }
                    jumps.forward = remaining;
                    labeled = Some(s);
                } else {
                    self.info.files[env.file].defs.insert(label.pos().0, None);
                }
                self.stmt_branches(env, file, state, block, jumps, labeled, *stmt);
            }
            StmtKind::Branch {
                tok,
                label: Some(label),
                ..
            } => {
                let name = file.ident_name(*label).into_owned();
                let target_kind = |state: &LabelState| {
                    let target = state.enclosing_target(block, &name, file)?;
                    match &file.stmt(target).kind {
                        StmtKind::Labeled { stmt, .. } => Some(&file.stmt(*stmt).kind),
                        _ => None,
                    }
                };
                match tok {
                    Token::Break => {
                        let valid = matches!(
                            target_kind(state),
                            Some(
                                StmtKind::Switch { .. }
                                    | StmtKind::TypeSwitch { .. }
                                    | StmtKind::Select { .. }
                                    | StmtKind::For { .. }
                                    | StmtKind::Range { .. }
                            )
                        );
                        if !valid {
                            let msg = format!("invalid break label {name}");
                            self.error(env.file, label.pos(), msg);
                            return;
                        }
                    }
                    Token::Continue => {
                        let valid = matches!(
                            target_kind(state),
                            Some(StmtKind::For { .. } | StmtKind::Range { .. })
                        );
                        if !valid {
                            let msg = format!("invalid continue label {name}");
                            self.error(env.file, label.pos(), msg);
                            return;
                        }
                    }
                    Token::Goto => {
                        if !state.goto_target(block, &name) {
                            jumps.forward.push((*label, s));
                            return;
                        }
                    }
                    _ => return,
                }
                if let Some(&(obj, _)) = state.all.get(&name) {
                    self.mark_label_used(obj);
                    self.info.files[env.file].uses.insert(label.pos().0, obj);
                }
            }
            StmtKind::Block(body) => nested(self, state, jumps, labeled, &body.stmts),
            StmtKind::If { body, else_, .. } => {
                nested(self, state, jumps, labeled, &body.stmts);
                if let Some(else_) = else_ {
                    self.stmt_branches(env, file, state, block, jumps, labeled, *else_);
                }
            }
            StmtKind::CaseClause { body, .. } | StmtKind::CommClause { body, .. } => {
                nested(self, state, jumps, None, body);
            }
            StmtKind::Switch { body, .. }
            | StmtKind::TypeSwitch { body, .. }
            | StmtKind::Select { body, .. }
            | StmtKind::For { body, .. }
            | StmtKind::Range { body, .. } => nested(self, state, jumps, labeled, &body.stmts),
            _ => {}
        }
    }

    /// A new scope nested in `env`'s, recorded for the node starting at `node_pos`.
    pub(super) fn open_scope(
        &mut self,
        env: Env,
        start: goescape_syntax::Pos,
        end: goescape_syntax::Pos,
    ) -> Env {
        let mut new = Scope::new(Some(env.scope));
        new.range = Some((env.file as u32, start.0, end.0));
        let scope = self.arena.add_scope(new);
        self.info.files[env.file].scopes.insert(start.0, scope);
        Env { scope, ..env }
    }

    /// Declares a local object in `scope` (blank names are not declared).
    pub(super) fn declare_local(&mut self, env: Env, scope: ScopeId, ident: Ident, obj: ObjId) {
        let name = self.arena.objects[obj.index as usize].name.clone();
        if &*name == "_" {
            return;
        }
        if self.scope_mut(scope).insert(&name, obj).is_err() {
            self.error(
                env.file,
                ident.pos(),
                format!("{name} redeclared in this block"),
            );
            return;
        }
        self.arena.objects[obj.index as usize].parent = Some(scope);
    }

    /// `declared and not used: x` for the local variables of a function body never used,
    /// in source order (go/types' `usage`).
    fn unused_vars(&mut self, mut locals: Vec<ObjId>) {
        locals.retain(|&v| {
            let object = &self.arena.objects[v.index as usize];
            &*object.name != "_" && matches!(object.kind, ObjKind::Var(VarInfo { used: false, .. }))
        });
        locals.sort_by_key(|&v| {
            let pos = self.arena.objects[v.index as usize].pos;
            pos.map(|p| (p.file, p.offset))
        });
        for v in locals {
            let object = &self.arena.objects[v.index as usize];
            let Some(pos) = object.pos else { continue };
            let msg = format!("declared and not used: {}", object.name);
            self.soft_error(pos.file as usize, goescape_syntax::Pos(pos.offset), msg);
        }
    }

    /// Marks a variable of this package as used (its value is read, or its address taken).
    pub(super) fn mark_var_used(&mut self, var: ObjId) {
        if var.pkg != self.arena.idx {
            return;
        }
        if let ObjKind::Var(info) = &mut self.arena.objects[var.index as usize].kind {
            info.used = true;
        }
    }

    /// Whether a variable of this package is marked used.
    fn var_used(&self, var: ObjId) -> bool {
        var.pkg == self.arena.idx
            && matches!(
                self.arena.objects[var.index as usize].kind,
                ObjKind::Var(VarInfo { used: true, .. })
            )
    }

    /// Checks `lhs`, an expression assigned to: assigning to a variable named by a plain
    /// identifier is no use of it.
    /// Reports the left-hand side `x` of an assignment unless it is addressable or a map
    /// index expression (go/types' `lhsVar`); whether it is.
    fn check_lhs(&mut self, env: Env, x: &Operand) -> bool {
        if !matches!(x.mode, Mode::Value | Mode::Constant | Mode::CommaOk) {
            return true;
        }
        let Some(e) = x.expr else { return true };
        let file = self.file(env);
        let in_map = match file.expr(e).kind {
            ExprKind::Selector { x: base, .. } => self.info.files[env.file]
                .types
                .get(&base)
                .is_some_and(|tv| tv.mode == Mode::MapIndex),
            _ => false,
        };
        let msg = if in_map {
            format!(
                "cannot assign to struct field {} in map",
                file.expr_string(e)
            )
        } else {
            format!(
                "cannot assign to {} (neither addressable nor a map index expression)",
                file.expr_string(e)
            )
        };
        let at = self.operand_pos(env, x, file.expr_pos(e));
        self.error(env.file, at, msg);
        false
    }

    fn assigned_expr(&mut self, env: Env, lhs: ExprId) -> Operand {
        let target = self.unparen(env, lhs);
        let var = match self.file(env).expr(target).kind {
            ExprKind::Ident(ident) => {
                let name = self.file(env).ident_name(ident).into_owned();
                self.lookup(env, &name)
            }
            _ => None,
        };
        let was_used = var.map(|v| self.var_used(v));
        let x = self.expr(env, lhs);
        if let (Some(v), Some(false)) = (var, was_used) {
            if let ObjKind::Var(info) = &mut self.arena.objects[v.index as usize].kind {
                info.used = false;
            }
        }
        x
    }

    fn local_var(&mut self, env: Env, ident: Ident) -> ObjId {
        let obj = self.new_object(
            env.file,
            ident,
            ObjKind::Var(VarInfo {
                kind: VarKind::Var,
                embedded: false,
                used: false,
                origin: None,
            }),
        );
        self.info.files[env.file]
            .defs
            .insert(ident.pos().0, Some(obj));
        if let Some(frame) = self.local_vars.last_mut() {
            frame.push(obj);
        }
        obj
    }

    fn block(&mut self, env: Env, block: &Block) {
        let end = super::extent::block_scope_end(self.file(env), block);
        let inner = self.open_scope(env, block.lbrace, end);
        for &stmt in &block.stmts {
            self.stmt(inner, stmt);
        }
    }

    pub(super) fn stmt(&mut self, env: Env, id: StmtId) {
        let file = self.file(env);
        // What the statement sets aside (instantiations to verify) is done at its end, as
        // go/types processes its delayed actions after each statement.
        let top = self.delayed.len();
        let ctxt = self.stmt_ctx;
        match &file.stmt(id).kind {
            StmtKind::Branch {
                tok_pos,
                tok,
                label: None,
            } => self.check_branch(env, *tok_pos, *tok, ctxt),
            // A labeled statement is where its label is.
            StmtKind::Labeled { .. } => {}
            _ => self.stmt_ctx = ctxt & !(FALLTHROUGH_OK | FINAL_CASE | IN_TYPE_SWITCH),
        }
        crate::stack::with_stack(|| self.stmt_inner(env, file, id));
        self.stmt_ctx = ctxt;
        if self.delayed.len() > top {
            self.process_delayed(top);
        }
    }

    /// Reports `break`, `continue` and `fallthrough` (without labels) where the statement
    /// context `ctxt` does not admit them.
    fn check_branch(&mut self, env: Env, at: goescape_syntax::Pos, tok: Token, ctxt: u8) {
        let msg = match tok {
            Token::Break if ctxt & BREAK_OK == 0 => "break is not in a loop, switch, or select",
            Token::Continue if ctxt & CONTINUE_OK == 0 => "continue is not in a loop",
            Token::Fallthrough if ctxt & FALLTHROUGH_OK == 0 => {
                if ctxt & FINAL_CASE != 0 {
                    "cannot fallthrough final case in switch"
                } else if ctxt & IN_TYPE_SWITCH != 0 {
                    "cannot fallthrough in type switch"
                } else {
                    "fallthrough statement out of place"
                }
            }
            _ => return,
        };
        self.error(env.file, at, msg);
    }

    /// Checks the statements of a case clause, the last of them (but for trailing empty
    /// statements) admitting `fallthrough` when `fallthrough_ok`.
    fn clause_body(&mut self, env: Env, body: &[StmtId], ctxt: u8, fallthrough_ok: bool) {
        let file = self.file(env);
        let last = body
            .iter()
            .rposition(|&s| !matches!(file.stmt(s).kind, StmtKind::Empty { .. }));
        for (i, &stmt) in body.iter().enumerate() {
            self.stmt_ctx = if fallthrough_ok && Some(i) == last {
                ctxt | FALLTHROUGH_OK
            } else {
                ctxt
            };
            self.stmt(env, stmt);
        }
    }

    fn stmt_inner(&mut self, env: Env, file: &goescape_syntax::ast::File, id: StmtId) {
        match &file.stmt(id).kind {
            StmtKind::Bad { .. } | StmtKind::Empty { .. } => {}
            StmtKind::Decl(gen) => self.local_decl(env, gen),
            StmtKind::Labeled { stmt, .. } => self.stmt(env, *stmt),
            StmtKind::Expr(x) => {
                self.expr(env, *x);
            }
            StmtKind::Send { chan, value, .. } => {
                let ch = self.expr(env, *chan);
                let mut v = self.expr(env, *value);
                let StmtKind::Send { arrow, .. } = file.stmt(id).kind else {
                    return;
                };
                if ch.mode == Mode::Invalid || v.mode == Mode::Invalid {
                    return;
                }
                if let Some(elem) = self.checked_chan_elem(env, arrow, &ch, false) {
                    self.assign_to(env, &mut v, elem);
                    self.check_assignable(env, &v, elem, "send");
                }
            }
            StmtKind::IncDec { x, .. } => {
                // go/types checks `x++` as `x += 1` with a `1` it makes up at x's position.
                let operand = self.expr(env, *x);
                if operand.mode != Mode::Invalid {
                    self.info.files[env.file]
                        .inc_dec_types
                        .insert(id, operand.ty);
                    self.check_lhs(env, &operand);
                }
            }
            StmtKind::Assign { lhs, tok, rhs, .. } => match tok {
                Token::Define => self.short_var_decl(env, lhs, rhs),
                Token::Assign => self.assign_vars(env, lhs, rhs),
                _ => {
                    // `x op= y`: y takes x's type.
                    let (Some(&l), Some(&r)) = (lhs.first(), rhs.first()) else {
                        return;
                    };
                    let x = self.expr(env, l);
                    let mut y = self.expr(env, r);
                    if matches!(tok, Token::ShlAssign | Token::ShrAssign) {
                        // A constant count keeps its untyped type; a non-constant untyped one becomes uint.
                        let uint = self.universe.basic(BasicKind::Uint);
                        if y.mode != Mode::Constant && is_untyped(&self.store(), y.ty) {
                            self.assign_to(env, &mut y, uint);
                        }
                    } else if x.mode != Mode::Invalid {
                        self.assign_to(env, &mut y, x.ty);
                    }
                    if y.mode != Mode::Invalid {
                        self.check_lhs(env, &x);
                    }
                }
            },
            StmtKind::Go { call, .. } | StmtKind::Defer { call, .. } => {
                self.expr(env, *call);
            }
            StmtKind::Return { results, .. } => {
                let result_types = self.result_types(env);
                if results.len() == result_types.len() {
                    for (&r, &t) in results.iter().zip(&result_types) {
                        let mut x = self.expr(env, r);
                        self.assign_to(env, &mut x, t);
                        self.check_assignable(env, &x, t, "return statement");
                    }
                } else {
                    for &r in results.iter() {
                        self.expr(env, r);
                    }
                }
            }
            StmtKind::Branch { label, .. } => {
                let _ = label; // labels are resolved by a later part of the checker
            }
            StmtKind::Block(block) => self.block(env, block),
            StmtKind::If {
                if_pos,
                init,
                cond,
                body,
                else_,
            } => {
                let end = self.stmt_scope_end(env.file, file, id);
                let inner = self.open_scope(env, *if_pos, end);
                if let Some(init) = init {
                    self.stmt(inner, *init);
                }
                // A condition keeps its type (an untyped bool stays untyped).
                self.expr(inner, *cond);
                self.block(inner, body);
                if let Some(else_) = else_ {
                    self.stmt(inner, *else_);
                }
            }
            StmtKind::For {
                for_pos,
                init,
                cond,
                post,
                body,
            } => {
                let end = self.stmt_scope_end(env.file, file, id);
                let inner = self.open_scope(env, *for_pos, end);
                if let Some(init) = init {
                    self.stmt(inner, *init);
                }
                if let Some(cond) = cond {
                    self.expr(inner, *cond);
                }
                if let Some(post) = post {
                    self.stmt(inner, *post);
                }
                let outer = self.stmt_ctx;
                self.stmt_ctx |= BREAK_OK | CONTINUE_OK;
                self.block(inner, body);
                self.stmt_ctx = outer;
            }
            StmtKind::Range {
                for_pos,
                key,
                value,
                tok,
                x,
                body,
                ..
            } => {
                let end = self.stmt_scope_end(env.file, file, id);
                let inner = self.open_scope(env, *for_pos, end);
                self.range_stmt(inner, *key, *value, *tok, *x);
                let outer = self.stmt_ctx;
                self.stmt_ctx |= BREAK_OK | CONTINUE_OK;
                self.block(inner, body);
                self.stmt_ctx = outer;
            }
            StmtKind::Switch {
                switch_pos,
                init,
                tag,
                body,
            } => {
                let end = self.stmt_scope_end(env.file, file, id);
                let inner = self.open_scope(env, *switch_pos, end);
                if let Some(init) = init {
                    self.stmt(inner, *init);
                }
                let tag_operand = tag.map(|tag| {
                    let mut t = self.expr(inner, tag);
                    let ty = default_type(&self.store(), t.ty);
                    self.assign_to(inner, &mut t, ty);
                    let store = self.store();
                    if t.mode != Mode::Invalid
                        && !crate::predicates::is_comparable(&store, t.ty)
                        && !crate::predicates::has_nil(&store, t.ty)
                    {
                        let shown =
                            crate::typestring::type_string(&store, t.ty, &*self.qualifier());
                        let msg = format!(
                            "cannot switch on {} ({shown} is not comparable)",
                            self.operand_string(inner, &t)
                        );
                        let at = self.operand_pos(inner, &t, file.expr_pos(tag));
                        self.error(env.file, at, msg);
                        t.mode = Mode::Invalid;
                    }
                    t
                });
                let tag_ty = tag_operand.as_ref().map(|t| t.ty);
                // The constant case values so far, for duplicates.
                let mut seen: Vec<(CaseValue, TypeId)> = Vec::new();
                let outer = self.stmt_ctx;
                let clauses = body.stmts.len();
                for (ci, &clause) in body.stmts.iter().enumerate() {
                    let StmtKind::CaseClause {
                        case_pos,
                        list,
                        body,
                        ..
                    } = &file.stmt(clause).kind
                    else {
                        continue;
                    };
                    let clause_env = self.open_scope(inner, *case_pos, file.stmt_end(clause));
                    for &value in list.iter() {
                        let mut v = self.expr(clause_env, value);
                        let target = tag_ty.unwrap_or_else(|| self.universe.basic(BasicKind::Bool));
                        self.assign_to(clause_env, &mut v, target);
                        if let Some(t) = &tag_operand {
                            self.case_value(clause_env, &v, t, &mut seen);
                        }
                    }
                    let last = ci + 1 == clauses;
                    let ctxt = outer | BREAK_OK | if last { FINAL_CASE } else { 0 };
                    self.clause_body(clause_env, body, ctxt, !last);
                }
                self.stmt_ctx = outer;
            }
            StmtKind::TypeSwitch {
                switch_pos,
                init,
                assign,
                body,
            } => {
                let end = self.stmt_scope_end(env.file, file, id);
                let inner = self.open_scope(env, *switch_pos, end);
                if let Some(init) = init {
                    self.stmt(inner, *init);
                }
                let outer = self.stmt_ctx;
                self.stmt_ctx |= BREAK_OK | IN_TYPE_SWITCH;
                self.type_switch(inner, file, *assign, body);
                self.stmt_ctx = outer;
            }
            StmtKind::Select { body, .. } => {
                let outer = self.stmt_ctx;
                for &clause in &body.stmts {
                    let StmtKind::CommClause {
                        case_pos,
                        comm,
                        body,
                        ..
                    } = &file.stmt(clause).kind
                    else {
                        continue;
                    };
                    let clause_env = self.open_scope(env, *case_pos, file.stmt_end(clause));
                    self.stmt_ctx = outer | BREAK_OK;
                    if let Some(comm) = comm {
                        self.stmt(clause_env, *comm);
                    }
                    for &stmt in body.iter() {
                        self.stmt_ctx = outer | BREAK_OK;
                        self.stmt(clause_env, stmt);
                    }
                }
                self.stmt_ctx = outer;
            }
            StmtKind::CaseClause { .. } | StmtKind::CommClause { .. } => {}
        }
    }

    fn result_types(&self, env: Env) -> Vec<TypeId> {
        let Some(sig) = env.func else {
            return Vec::new();
        };
        let store = self.store();
        match store.ty(sig) {
            Type::Signature(sig) => sig
                .results
                .iter()
                .filter_map(|&r| store.obj(r).ty)
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The element type of the channel `x` is for a receive (`recv`) or a send, or None
    /// after reporting at `at` why it cannot be (go/types' `chanElem`).
    pub(super) fn checked_chan_elem(
        &mut self,
        env: Env,
        at: goescape_syntax::Pos,
        x: &super::operand::Operand,
        recv: bool,
    ) -> Option<TypeId> {
        use crate::under::CommonUnderError;
        let store = self.store();
        let q = self.qualifier();
        let ts = |t: TypeId| crate::typestring::type_string(&store, t, &*q);
        let result = crate::under::common_under_with(&store, x.ty, |t, u| {
            let (Some(t), Some(u)) = (t, u) else {
                return Err("no specific channel type".to_owned());
            };
            match store.ty(u) {
                Type::Chan { dir, .. } => match dir {
                    crate::ty::ChanDir::Send if recv => Err(format!("send-only channel {}", ts(t))),
                    crate::ty::ChanDir::Recv if !recv => {
                        Err(format!("receive-only channel {}", ts(t)))
                    }
                    _ => Ok(()),
                },
                Type::Basic(b) if b.kind == BasicKind::Invalid => Err(String::new()),
                _ => Err(format!("non-channel {}", ts(t))),
            }
        });
        let cause = match result {
            Ok(u) => {
                return match store.ty(u) {
                    Type::Chan { elem, .. } => Some(*elem),
                    _ => None,
                }
            }
            Err(CommonUnderError::Condition(cause)) if cause.is_empty() => return None,
            Err(CommonUnderError::Condition(cause)) => cause,
            Err(CommonUnderError::NoSpecificType) => "no specific type".to_owned(),
            Err(CommonUnderError::ChannelElemsDiffer(a, b)) => {
                format!(
                    "channels {} and {} have different element types",
                    ts(a),
                    ts(b)
                )
            }
            Err(CommonUnderError::ChannelDirsConflict(a, b)) => {
                format!(
                    "channels {} and {} have conflicting directions",
                    ts(a),
                    ts(b)
                )
            }
            Err(CommonUnderError::UnderlyingsDiffer(a, b)) => {
                format!("{} and {} have different underlying types", ts(a), ts(b))
            }
        };
        drop(q);
        let what = if recv { "receive from" } else { "send to" };
        let operand = self.operand_string(env, x);
        let msg = if crate::under::is_type_param(&store, x.ty) {
            format!("invalid operation: cannot {what} {operand}: {cause}")
        } else {
            format!("invalid operation: cannot {what} {cause} {operand}")
        };
        self.error(env.file, at, msg);
        None
    }

    /// `const`, `var` and `type` inside a function: declared after their spec.
    fn local_decl(&mut self, env: Env, gen: &GenDecl) {
        let file = self.file(env);
        let mut last_const: Option<&goescape_syntax::ast::ValueSpec> = None;
        for (iota, spec) in gen.specs.iter().enumerate() {
            match spec {
                Spec::Value(value) if gen.tok == Token::Const => {
                    if value.ty.is_some() || !value.values.is_empty() {
                        last_const = Some(value);
                    }
                    let (ty, init) = match last_const {
                        Some(last) => (last.ty, &last.values[..]),
                        None => (None, &[][..]),
                    };
                    let mut objs = Vec::new();
                    for (i, &name) in value.names.iter().enumerate() {
                        let obj = self.new_object(
                            env.file,
                            name,
                            ObjKind::Const(goescape_constant::Value::from_u64(iota as u64)),
                        );
                        self.info.files[env.file]
                            .defs
                            .insert(name.pos().0, Some(obj));
                        let saved = self
                            .iota
                            .replace(goescape_constant::Value::from_u64(iota as u64));
                        self.local_const(env, obj, ty, init.get(i).copied());
                        self.iota = saved;
                        objs.push((name, obj));
                    }
                    for (name, obj) in objs {
                        self.declare_local(env, env.scope, name, obj);
                    }
                }
                Spec::Value(value) => {
                    let declared = value.ty.map(|t| self.var_type(env, t));
                    let vars: Vec<(Ident, ObjId)> = value
                        .names
                        .iter()
                        .map(|&name| (name, self.local_var(env, name)))
                        .collect();
                    if let Some(t) = declared {
                        for &(_, var) in &vars {
                            self.arena.objects[var.index as usize].ty = Some(t);
                        }
                    }
                    let objs: Vec<ObjId> = vars.iter().map(|&(_, v)| v).collect();
                    self.init_vars(env, &objs, &value.values, "variable declaration");
                    for (name, var) in vars {
                        self.declare_local(env, env.scope, name, var);
                    }
                }
                Spec::Type(ty) => {
                    if ty.type_params.is_some() {
                        continue; // generic local types come with the rest of generics
                    }
                    let obj = self.new_object(env.file, ty.name, ObjKind::TypeName);
                    self.info.files[env.file]
                        .defs
                        .insert(ty.name.pos().0, Some(obj));
                    // Declared first: the type may refer to itself.
                    self.declare_local(env, env.scope, ty.name, obj);
                    self.local_type(env, obj, ty);
                }
                Spec::Import(_) => {}
            }
        }
        let _ = file;
    }

    fn local_const(&mut self, env: Env, obj: ObjId, ty: Option<ExprId>, init: Option<ExprId>) {
        self.colors.insert(obj, super::Color::Grey);
        self.const_decl_at(env, obj, ty, init);
        self.colors.insert(obj, super::Color::Black);
    }

    /// Initializes variables from initializers: one each, or several from one
    /// multi-valued expression (go/types' `initVars`).
    /// `context` names the statement in errors (`variable declaration`, `assignment`).
    pub(super) fn init_vars(&mut self, env: Env, vars: &[ObjId], values: &[ExprId], context: &str) {
        if values.is_empty() {
            return;
        }
        if vars.len() == values.len() {
            for (&var, &value) in vars.iter().zip(values) {
                let x = self.expr(env, value);
                self.init_var(env, var, x, context);
            }
            return;
        }
        if values.len() == 1 {
            let types = self.multi_value(env, values[0], vars.len());
            for (&var, ty) in vars.iter().zip(types) {
                if self.arena.objects[var.index as usize].ty.is_none() {
                    self.arena.objects[var.index as usize].ty = Some(ty);
                }
            }
            return;
        }
        for &value in values {
            self.expr(env, value);
        }
    }

    /// The types of a multi-valued expression assigned to `count` variables: a call's
    /// results, or a comma-ok expression's value and `bool`.
    fn multi_value(&mut self, env: Env, value: ExprId, count: usize) -> Vec<TypeId> {
        let x = self.expr(env, value);
        let invalid = self.invalid_type();
        if x.mode == Mode::Invalid {
            return vec![invalid; count];
        }
        let store = self.store();
        if let Type::Tuple(vars) = store.ty(x.ty) {
            return vars
                .iter()
                .map(|&v| store.obj(v).ty.unwrap_or(invalid))
                .collect();
        }
        if count == 2 && matches!(x.mode, Mode::CommaOk | Mode::MapIndex) {
            // `v, ok := m[k]`: the expression is recorded as the pair.
            let boolean = self.universe.basic(BasicKind::Bool);
            let pair = self.tuple(&[x.ty, boolean]);
            let file = self.file(env);
            let mut e = value;
            loop {
                self.record(env, e, x.mode, pair, None);
                match file.expr(e).kind {
                    ExprKind::Paren { x, .. } => e = x,
                    _ => break,
                }
            }
            return vec![x.ty, boolean];
        }
        vec![invalid; count]
    }

    fn tuple(&mut self, types: &[TypeId]) -> TypeId {
        let vars: Vec<ObjId> = types
            .iter()
            .map(|&ty| self.made_up_var(VarKind::Var, ty))
            .collect();
        self.arena.add_type(Type::Tuple(vars))
    }

    /// A variable takes its declared type, or its initializer's default type.
    fn init_var(&mut self, env: Env, var: ObjId, mut x: Operand, context: &str) {
        let invalid = self.invalid_type();
        if self.arena.objects[var.index as usize].ty.is_none() {
            self.non_generic(env, &mut x);
        }
        if x.mode == Mode::Invalid {
            let entry = &mut self.arena.objects[var.index as usize];
            if entry.ty.is_none() {
                entry.ty = Some(invalid);
            }
            return;
        }
        let declared = self.arena.objects[var.index as usize].ty;
        let target = match declared {
            Some(t) => t,
            None => {
                let untyped_nil = self.universe.basic(BasicKind::UntypedNil);
                if x.ty == untyped_nil {
                    let pos = x
                        .expr
                        .map_or(goescape_syntax::Pos::NONE, |e| self.file(env).expr_pos(e));
                    self.error(env.file, pos, "use of untyped nil in assignment");
                    self.arena.objects[var.index as usize].ty = Some(invalid);
                    return;
                }
                default_type(&self.store(), x.ty)
            }
        };
        self.assign_to(env, &mut x, target);
        if declared.is_some() {
            self.check_assignable(env, &x, target, context);
        } else {
            self.arena.objects[var.index as usize].ty = Some(target);
        }
    }

    fn short_var_decl(&mut self, env: Env, lhs: &[ExprId], rhs: &[ExprId]) {
        let file = self.file(env);
        let mut vars = Vec::new();
        let mut new_vars = Vec::new();
        for &l in lhs {
            let ExprKind::Ident(ident) = file.expr(l).kind else {
                self.expr(env, l);
                continue;
            };
            let name = file.ident_name(ident);
            let existing = (name != "_")
                .then(|| self.arena.scopes[env.scope.index as usize].lookup(&name))
                .flatten();
            match existing {
                Some(obj) if env.scope.pkg == self.arena.idx => {
                    self.info.files[env.file].uses.insert(ident.pos().0, obj);
                    vars.push(obj);
                }
                _ => {
                    let obj = self.local_var(env, ident);
                    vars.push(obj);
                    new_vars.push((ident, obj));
                }
            }
        }
        // Redeclared variables keep their type: assignments to them convert.
        self.init_vars(env, &vars, rhs, "assignment");
        for (ident, obj) in new_vars {
            self.declare_local(env, env.scope, ident, obj);
        }
    }

    /// `lhs = rhs`.
    fn assign_vars(&mut self, env: Env, lhs: &[ExprId], rhs: &[ExprId]) {
        let file = self.file(env);
        let mut targets = Vec::new();
        for &l in lhs {
            if let ExprKind::Ident(ident) = file.expr(l).kind {
                if file.ident_name(ident) == "_" {
                    self.info.files[env.file].defs.insert(ident.pos().0, None);
                    targets.push(None);
                    continue;
                }
            }
            let x = self.assigned_expr(env, l);
            let ok = self.check_lhs(env, &x);
            targets.push((ok && x.mode != Mode::Invalid).then_some(x.ty));
        }
        if lhs.len() == rhs.len() {
            for (&r, target) in rhs.iter().zip(targets) {
                let mut x = self.expr(env, r);
                let declared = target;
                let target = target.unwrap_or_else(|| default_type(&self.store(), x.ty));
                self.assign_to(env, &mut x, target);
                if declared.is_some() {
                    self.check_assignable(env, &x, target, "assignment");
                }
            }
        } else if rhs.len() == 1 {
            self.multi_value(env, rhs[0], lhs.len());
        } else {
            for &r in rhs {
                self.expr(env, r);
            }
        }
    }

    /// Why a value of type `ty` (not a type parameter) cannot be ranged over, as go/types
    /// says it after `cannot range over x` (empty for no reason given); None if it can, or
    /// if this is not decided here.
    fn unrangeable(&self, env: Env, ty: TypeId) -> Option<String> {
        let store = self.store();
        if crate::under::is_type_param(&store, ty) {
            return None;
        }
        let mut under = crate::under::underlying(&store, ty);
        if let Type::Pointer(base) = store.ty(under) {
            let base_under = crate::under::underlying(&store, *base);
            if let Type::Array { .. } = store.ty(base_under) {
                under = base_under;
            }
        }
        let func_must = "func must be func(yield func(...) bool): ";
        match store.ty(under) {
            Type::Basic(b) if b.kind == BasicKind::Invalid => None,
            Type::Basic(b) if b.kind.is_string() => None,
            Type::Basic(b) if b.kind.is_integer() => {
                (!self.allow_version(env.file, 22)).then(|| "requires go1.22 or later".to_owned())
            }
            Type::Array { .. } | Type::Slice(_) | Type::Map { .. } => None,
            Type::Chan {
                dir: crate::ty::ChanDir::Send,
                ..
            } => Some(format!(
                "receive from send-only channel {}",
                crate::typestring::type_string(&store, ty, &*self.qualifier())
            )),
            Type::Chan { .. } => None,
            Type::Signature(sig) => {
                if !self.allow_version(env.file, 23) {
                    return Some("requires go1.23 or later".to_owned());
                }
                if sig.params.len() != 1 {
                    return Some(format!("{func_must}wrong argument count"));
                }
                if !sig.results.is_empty() {
                    return Some(format!("{func_must}unexpected results"));
                }
                let yield_ty = store.obj(sig.params[0]).ty?;
                if crate::under::is_type_param(&store, yield_ty) {
                    return None;
                }
                let Type::Signature(cb) = store.ty(crate::under::underlying(&store, yield_ty))
                else {
                    return Some(format!("{func_must}argument is not func"));
                };
                if cb.params.len() > 2 {
                    return Some(format!("{func_must}yield func has too many parameters"));
                }
                let result = match cb.results[..] {
                    [r] => store.obj(r).ty,
                    _ => None,
                };
                match result {
                    Some(r)
                        if crate::predicates::identical(
                            &store,
                            r,
                            self.universe.basic(BasicKind::Bool),
                        ) =>
                    {
                        None
                    }
                    Some(r) if crate::predicates::is_boolean(&store, r) => Some(format!(
                        "{func_must}yield func returns user-defined boolean, not bool"
                    )),
                    _ => Some(format!("{func_must}yield func does not return bool")),
                }
            }
            _ => Some(String::new()),
        }
    }

    fn range_stmt(
        &mut self,
        env: Env,
        key: Option<ExprId>,
        value: Option<ExprId>,
        tok: Token,
        x: ExprId,
    ) {
        let file = self.file(env);
        let range = self.expr(env, x);
        let int = self.universe.basic(BasicKind::Int);
        let store = self.store();
        let (key_ty, value_ty) = if range.mode == Mode::Invalid {
            (None, None)
        } else {
            let under = Self::core_under(&store, range.ty);
            match store.ty(under) {
                Type::Basic(b) if b.kind.is_string() => (Some(int), Some(self.universe.rune)),
                Type::Basic(b) if b.kind.is_integer() => {
                    (Some(default_type(&store, range.ty)), None)
                }
                Type::Array { elem, .. } | Type::Slice(elem) => (Some(int), Some(*elem)),
                Type::Pointer(base) => match store.ty(crate::under::underlying(&store, *base)) {
                    Type::Array { elem, .. } => (Some(int), Some(*elem)),
                    _ => (None, None),
                },
                Type::Map { key, elem } => (Some(*key), Some(*elem)),
                Type::Chan { elem, .. } => (Some(*elem), None),
                // Range over a function: `func(yield func(K, V) bool)` yields K and V.
                Type::Signature(sig) => {
                    let yield_ty = sig.params.first().and_then(|&p| store.obj(p).ty);
                    match yield_ty.map(|t| store.ty(crate::under::underlying(&store, t))) {
                        Some(Type::Signature(yield_sig)) => {
                            let mut types =
                                yield_sig.params.iter().filter_map(|&p| store.obj(p).ty);
                            (types.next(), types.next())
                        }
                        _ => (None, None),
                    }
                }
                _ => (None, None),
            }
        };
        if range.mode != Mode::Invalid {
            if let Some(cause) = self.unrangeable(env, range.ty) {
                let mut msg = format!("cannot range over {}", self.operand_string(env, &range));
                if !cause.is_empty() {
                    msg.push_str(": ");
                    msg.push_str(&cause);
                }
                let at = self.operand_pos(env, &range, file.expr_pos(x));
                self.soft_error(env.file, at, msg);
                // The iteration variables get invalid types.
                return self.range_vars(env, key, value, tok, None, None);
            }
            let permits = match (key, value) {
                (Some(k), _) if key_ty.is_none() => Some((k, "permits no iteration variables")),
                (_, Some(v)) if value_ty.is_none() => {
                    Some((v, "permits only one iteration variable"))
                }
                _ => None,
            };
            if let Some((at, what)) = permits {
                let msg = format!("range over {} {what}", self.operand_string(env, &range));
                self.soft_error(env.file, file.expr_pos(at), msg);
            }
        }
        let store = self.store();
        let over_int = crate::predicates::is_integer(&store, range.ty);
        if is_untyped(&store, range.ty) && range.mode != Mode::Invalid && over_int {
            // An untyped integer ranged over (`range 10`) is assigned to the iteration
            // variable, taking its default type; an untyped string stays untyped.
            let mut r = range.clone();
            let ty = default_type(&store, range.ty);
            self.assign_to(env, &mut r, ty);
        }
        self.range_vars(env, key, value, tok, key_ty, value_ty);
    }

    /// Declares or assigns the iteration variables of a range clause, of the types given
    /// (invalid where None).
    fn range_vars(
        &mut self,
        env: Env,
        key: Option<ExprId>,
        value: Option<ExprId>,
        tok: Token,
        key_ty: Option<TypeId>,
        value_ty: Option<TypeId>,
    ) {
        let file = self.file(env);
        let slots = [(key, key_ty), (value, value_ty)];
        if tok == Token::Define {
            let mut declared = Vec::new();
            for (expr, ty) in slots {
                let Some(expr) = expr else { continue };
                let ExprKind::Ident(ident) = file.expr(expr).kind else {
                    continue;
                };
                let obj = self.local_var(env, ident);
                self.arena.objects[obj.index as usize].ty =
                    Some(ty.unwrap_or_else(|| self.invalid_type()));
                declared.push((ident, obj));
            }
            for (ident, obj) in declared {
                self.declare_local(env, env.scope, ident, obj);
            }
        } else {
            for (expr, _) in slots {
                if let Some(expr) = expr {
                    if let ExprKind::Ident(ident) = file.expr(expr).kind {
                        if file.ident_name(ident) == "_" {
                            self.info.files[env.file].defs.insert(ident.pos().0, None);
                            continue;
                        }
                    }
                    self.assigned_expr(env, expr);
                }
            }
        }
    }

    /// `switch v := x.(type) { case T: ... }`: in each clause `v` is a new variable of the
    /// clause's type (its interface type when the clause lists several types or none).
    /// Checks the case value `v` of a switch on `tag` (go/types' `caseValues`): it must be
    /// comparable with the tag, and a constant must not repeat an earlier one of the same
    /// type.
    fn case_value(
        &mut self,
        env: Env,
        v: &super::operand::Operand,
        tag: &super::operand::Operand,
        seen: &mut Vec<(CaseValue, TypeId)>,
    ) {
        if v.mode == Mode::Invalid || tag.mode == Mode::Invalid {
            return;
        }
        let file = self.file(env);
        if let Some((_, cause)) = self.comparison_failure(v, tag, Token::Eql) {
            let (Some(ve), Some(te)) = (v.expr, tag.expr) else {
                return;
            };
            let msg = format!(
                "invalid case {} in switch on {} ({cause})",
                file.expr_string(ve),
                file.expr_string(te)
            );
            let at = self.operand_pos(env, v, file.expr_pos(ve));
            self.error(env.file, at, msg);
            return;
        }
        if v.mode != Mode::Constant {
            return;
        }
        let Some(key) = v.value.as_ref().and_then(CaseValue::of) else {
            return;
        };
        let store = self.store();
        if seen
            .iter()
            .any(|(k, t)| *k == key && crate::predicates::identical(&store, *t, v.ty))
        {
            let msg = format!(
                "duplicate case {} in expression switch",
                self.operand_string(env, v)
            );
            let at = self.operand_pos(env, v, goescape_syntax::Pos::NONE);
            self.error(env.file, at, msg);
            return;
        }
        seen.push((key, v.ty));
    }

    fn type_switch(
        &mut self,
        env: Env,
        file: &goescape_syntax::ast::File,
        assign: StmtId,
        body: &Block,
    ) {
        let (name, guard) = match &file.stmt(assign).kind {
            StmtKind::Assign { lhs, rhs, .. } => {
                match (lhs.first().map(|&l| &file.expr(l).kind), rhs.first()) {
                    (Some(ExprKind::Ident(ident)), Some(&r)) => (Some(*ident), r),
                    _ => return,
                }
            }
            StmtKind::Expr(x) => (None, *x),
            _ => return,
        };
        let ExprKind::TypeAssert { x, .. } = file.expr(guard).kind else {
            return;
        };
        let subject = self.expr(env, x);
        if let Some(name) = name {
            self.info.files[env.file].defs.insert(name.pos().0, None);
        }
        let mut any_used = false;
        // The case types so far (None for nil), for duplicates.
        let mut seen: Vec<Option<TypeId>> = Vec::new();
        for &clause in &body.stmts {
            let StmtKind::CaseClause {
                case_pos,
                list,
                body,
                ..
            } = &file.stmt(clause).kind
            else {
                continue;
            };
            let clause_env = self.open_scope(env, *case_pos, file.stmt_end(clause));
            let mut single = None;
            for &t in list.iter() {
                let is_nil = matches!(&file.expr(t).kind, ExprKind::Ident(i) if file.ident_name(*i) == "nil");
                let case_ty = if is_nil {
                    self.expr(clause_env, t);
                    None
                } else {
                    let ty = self.var_type(clause_env, t);
                    if list.len() == 1 {
                        single = Some(ty);
                    }
                    if !crate::predicates::is_valid(&self.store(), ty) {
                        continue;
                    }
                    Some(ty)
                };
                let store = self.store();
                let duplicate = seen.iter().any(|&other| match (case_ty, other) {
                    (None, None) => true,
                    (Some(a), Some(b)) => crate::predicates::identical(&store, a, b),
                    _ => false,
                });
                if duplicate {
                    let shown = match case_ty {
                        Some(ty) => crate::typestring::type_string(&store, ty, &*self.qualifier()),
                        None => "nil".to_owned(),
                    };
                    let msg = format!("duplicate case {shown} in type switch");
                    self.error(env.file, file.expr_pos(t), msg);
                    continue;
                }
                seen.push(case_ty);
                if let (Some(ty), true) = (case_ty, subject.mode != Mode::Invalid) {
                    if let Some(cause) = self.impossible_assertion(subject.ty, ty) {
                        let store = self.store();
                        let msg = format!(
                            "impossible type switch case: {}\n\t{} cannot have dynamic type {} {cause}",
                            file.expr_string(t),
                            self.operand_string(env, &subject),
                            crate::typestring::type_string(&store, ty, &*self.qualifier()),
                        );
                        self.error(env.file, file.expr_pos(t), msg);
                    }
                }
            }
            let mut clause_var = None;
            if let Some(name) = name {
                let ty = single.unwrap_or(subject.ty);
                let obj = self.arena.add_object(Object {
                    name: file.ident_name(name).into(),
                    pkg: Some(self.arena.idx),
                    pos: Self::decl_pos(env.file, name.pos()),
                    ty: Some(ty),
                    parent: None,
                    kind: ObjKind::Var(VarInfo {
                        kind: VarKind::Var,
                        embedded: false,
                        used: false,
                        origin: None,
                    }),
                });
                self.info.files[env.file].implicits.insert(case_pos.0, obj);
                self.declare_local(clause_env, clause_env.scope, name, obj);
                clause_var = Some(obj);
            }
            for &stmt in body.iter() {
                self.stmt(clause_env, stmt);
            }
            if let Some(obj) = clause_var {
                any_used |= self.var_used(obj);
            }
        }
        // The clauses' variables act as one: one of them must be used.
        if let (Some(name), false) = (name, any_used) {
            let msg = format!("{} declared and not used", file.ident_name(name));
            self.soft_error(env.file, name.pos(), msg);
        }
    }
}

/// The labels of one function body (go/types' `labels` pass).
#[derive(Default)]
struct LabelState {
    /// Every label declared, by name: its object and identifier.
    all: HashMap<String, (ObjId, Ident)>,
    blocks: Vec<LabelBlock>,
}

/// A statement list, as the label pass sees it.
struct LabelBlock {
    parent: Option<usize>,
    /// The labeled statement the block belongs to (`L: for { ... }`).
    labeled: Option<StmtId>,
    /// The labels declared directly in the block, with their labeled statements.
    labels: Vec<(String, StmtId)>,
}

impl LabelState {
    /// Whether a label `name` is declared in the block or an enclosing one (a `goto`
    /// to it is a backward jump).
    fn goto_target(&self, block: usize, name: &str) -> bool {
        let mut current = Some(block);
        while let Some(b) = current {
            if self.blocks[b].labels.iter().any(|(n, _)| n == name) {
                return true;
            }
            current = self.blocks[b].parent;
        }
        false
    }

    /// The innermost enclosing labeled statement labeled `name`.
    fn enclosing_target(&self, block: usize, name: &str, file: &File) -> Option<StmtId> {
        let mut current = Some(block);
        while let Some(b) = current {
            if let Some(labeled) = self.blocks[b].labeled {
                if let StmtKind::Labeled { label, .. } = &file.stmt(labeled).kind {
                    if file.ident_name(*label) == name {
                        return Some(labeled);
                    }
                }
            }
            current = self.blocks[b].parent;
        }
        None
    }
}

/// The forward jumps of a block being walked, and those that jump over its latest
/// variable declaration.
#[derive(Default)]
struct BlockJumps {
    forward: Vec<(Ident, StmtId)>,
    var_decl: Option<goescape_syntax::Pos>,
    over_var_decl: Vec<StmtId>,
}

impl BlockJumps {
    fn var_decl(&mut self, pos: goescape_syntax::Pos) {
        self.var_decl = Some(pos);
        self.over_var_decl = self.forward.iter().map(|&(_, s)| s).collect();
    }

    /// The line of the variable declaration the jump jumps over, if any.
    fn jumps_over_var_decl(&self, jump: StmtId, file: &File) -> Option<u32> {
        let pos = self.var_decl?;
        self.over_var_decl
            .contains(&jump)
            .then(|| file.line_table.position(pos).line)
    }
}

/// A constant case value as go/types compares them for duplicates (its `goVal`): integers
/// that fit 64 bits, floats exact as float64, strings; other constants are not compared.
#[derive(Clone, Debug, PartialEq)]
enum CaseValue {
    Int(i64),
    Uint(u64),
    Float(f64),
    String(Vec<u8>),
}

impl CaseValue {
    fn of(value: &goescape_constant::Value) -> Option<CaseValue> {
        use goescape_constant::Kind;
        match value.kind() {
            Kind::Int => match value.int64_val() {
                (x, true) => Some(CaseValue::Int(x)),
                _ => match value.uint64_val() {
                    (x, true) => Some(CaseValue::Uint(x)),
                    _ => None,
                },
            },
            Kind::Float => match value.float64_val() {
                (x, true) => Some(CaseValue::Float(x)),
                _ => None,
            },
            Kind::String => Some(CaseValue::String(value.string_val().to_vec())),
            _ => None,
        }
    }
}
