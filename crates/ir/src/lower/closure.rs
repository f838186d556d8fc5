//! Function literals: a function of their own whose references to variables of
//! enclosing functions are captures (gc's closure variables), named as gc names them.

use std::collections::HashMap;

use goescape_syntax::ast::{self, Block, File, StmtKind as Ast};
use goescape_syntax::Token;

use super::Lowerer;
use crate::expr::{ExprKind, IrType};
use crate::func::{Capture, Func, FuncKind};
use crate::ids::{ExprId, FuncId, VarId};
use crate::pos::IrPos;

impl Lowerer<'_, '_> {
    pub(super) fn closure(&mut self, id: ast::ExprId, body: &Block, pos: IrPos) -> ExprId {
        let sig = self
            .finfo()
            .func_lit_types
            .get(&id)
            .copied()
            .unwrap_or(super::INVALID_TYPE);
        // gc reads every package-level initialiser into `init`, static or not, so its
        // function literals are all `init.funcN`, numbered in initialisation order.
        let f = self.new_closure_func(".func", FuncKind::Closure, sig, pos);
        let saved_range = self.range_body.take();
        let saved_cur = std::mem::replace(&mut self.cur, f);
        let saved_pending = std::mem::take(&mut self.pending);
        let labels = looping_labels(self.file(), &body.stmts);
        let saved_labels = std::mem::replace(&mut self.looping_labels, labels);
        self.declare_signature(f, sig);
        let stmts = self.block(&body.stmts);
        self.out.funcs[f.index()].body = Some(stmts);
        self.cur = saved_cur;
        self.pending = saved_pending;
        self.looping_labels = saved_labels;
        self.range_body = saved_range;
        self.mk(ExprKind::Closure(f), IrType::Go(sig), pos, false)
    }

    /// A closure function inside the current one, named as gc names it: `F.func1`,
    /// `F.func1.2`, `F.gowrap3`, `F.deferwrap4` (one counter per enclosing function).
    pub(super) fn new_closure_func(
        &mut self,
        suffix: &str,
        kind: FuncKind,
        sig: goescape_types::TypeId,
        pos: IrPos,
    ) -> FuncId {
        let outer = self.cur;
        // gc names a closure after the function it is written in, a range body's
        // closures after the function the loop is in; one counter per kind.
        let namer = self.out.funcs[outer.index()].range_parent.unwrap_or(outer);
        let counts = match suffix {
            ".func" => &mut self.closure_counts,
            "-range" => &mut self.range_counts,
            _ => &mut self.wrapper_counts,
        };
        let counter = counts.entry(namer).or_insert(0);
        *counter += 1;
        let n = *counter;
        let namer_fn = &self.out.funcs[namer.index()];
        let name = if suffix == ".func" && namer_fn.is_closure() {
            format!("{}.{n}", namer_fn.name)
        } else {
            format!("{}{suffix}{n}", namer_fn.name)
        };
        let generic = self.out.funcs[outer.index()].generic;
        self.new_func(Func {
            outer: Some(outer),
            generic,
            ..Func::new(name, kind, sig, pos)
        })
    }

    /// Records that the current function refers to `var` at `pos`: every closure between
    /// the variable's function and the current one captures it.
    pub(super) fn note_capture(&mut self, var: VarId, pos: IrPos) {
        let owner = self.out.vars[var.index()].func;
        let mut f = self.cur;
        while f != owner {
            let func = &mut self.out.funcs[f.index()];
            if !func.captures.iter().any(|c| c.var == var) {
                func.captures.push(Capture { var, pos });
            }
            match func.outer {
                Some(outer) => f = outer,
                None => break,
            }
        }
    }
}

/// The labels of a function body that a `goto` after them jumps back to (gc counts
/// such a label as a loop).
pub(super) fn looping_labels(file: &File, stmts: &[ast::StmtId]) -> HashMap<String, bool> {
    let mut labels = HashMap::new();
    let mut walker = LabelWalker {
        file,
        labels: &mut labels,
    };
    for &s in stmts {
        walker.stmt(s);
    }
    labels
}

struct LabelWalker<'f, 'l> {
    file: &'f File,
    labels: &'l mut HashMap<String, bool>,
}

impl LabelWalker<'_, '_> {
    fn stmt(&mut self, id: ast::StmtId) {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.stmt_inner(id));
    }

    fn stmt_inner(&mut self, id: ast::StmtId) {
        match &self.file.stmt(id).kind {
            Ast::Labeled { label, stmt, .. } => {
                let name = self.file.ident_name(*label).into_owned();
                if name != "_" {
                    self.labels.insert(name, false);
                }
                self.stmt(*stmt);
            }
            Ast::Branch {
                tok: Token::Goto,
                label: Some(label),
                ..
            } => {
                let name = self.file.ident_name(*label).into_owned();
                if let Some(looping) = self.labels.get_mut(&name) {
                    *looping = true;
                }
            }
            Ast::Block(b) => self.list(&b.stmts),
            Ast::If { body, else_, .. } => {
                self.list(&body.stmts);
                if let Some(e) = else_ {
                    self.stmt(*e);
                }
            }
            Ast::CaseClause { body, .. } | Ast::CommClause { body, .. } => self.list(body),
            Ast::Switch { body, .. }
            | Ast::TypeSwitch { body, .. }
            | Ast::Select { body, .. }
            | Ast::For { body, .. }
            | Ast::Range { body, .. } => self.list(&body.stmts),
            _ => {}
        }
    }

    fn list(&mut self, stmts: &[ast::StmtId]) {
        for &s in stmts {
            self.stmt(s);
        }
    }
}
