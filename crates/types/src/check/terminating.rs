//! Terminating statements (the spec's rule, go/types' `return.go`): a function with
//! results must end in one, or its body is reported with "missing return".

use goescape_syntax::ast::{ExprId, ExprKind, File, StmtId, StmtKind};
use goescape_syntax::Token;

use super::{Checker, Env};
use crate::object::{Builtin, ObjKind};

impl Checker<'_> {
    /// Whether `id` is a terminating statement; `label` names it if it is labeled.
    pub(super) fn is_terminating(&self, env: Env, file: &File, id: StmtId, label: &str) -> bool {
        crate::stack::with_stack(|| self.is_terminating_inner(env, file, id, label))
    }

    fn is_terminating_inner(&self, env: Env, file: &File, id: StmtId, label: &str) -> bool {
        match &file.stmt(id).kind {
            StmtKind::Return { .. } => true,
            StmtKind::Branch { tok, .. } => matches!(tok, Token::Goto | Token::Fallthrough),
            StmtKind::Expr(x) => self.is_panic_call(env, file, *x),
            StmtKind::Labeled { label, stmt, .. } => {
                self.is_terminating(env, file, *stmt, &file.ident_name(*label))
            }
            StmtKind::Block(block) => self.is_terminating_list(env, file, &block.stmts, ""),
            StmtKind::If { body, else_, .. } => else_.is_some_and(|else_| {
                self.is_terminating_list(env, file, &body.stmts, "")
                    && self.is_terminating(env, file, else_, "")
            }),
            StmtKind::Switch { body, .. } | StmtKind::TypeSwitch { body, .. } => {
                let mut has_default = false;
                for &clause in &body.stmts {
                    let StmtKind::CaseClause { list, body, .. } = &file.stmt(clause).kind else {
                        return false;
                    };
                    has_default |= list.is_empty();
                    if !self.is_terminating_list(env, file, body, "")
                        || has_break_list(file, body, label, true)
                    {
                        return false;
                    }
                }
                has_default
            }
            StmtKind::Select { body, .. } => {
                body.stmts
                    .iter()
                    .all(|&clause| match &file.stmt(clause).kind {
                        StmtKind::CommClause { body, .. } => {
                            self.is_terminating_list(env, file, body, "")
                                && !has_break_list(file, body, label, true)
                        }
                        _ => false,
                    })
            }
            StmtKind::For {
                cond: None, body, ..
            } => !has_break_list(file, &body.stmts, label, true),
            _ => false,
        }
    }

    /// Whether the last statement of `list` that is not empty is terminating.
    pub(super) fn is_terminating_list(
        &self,
        env: Env,
        file: &File,
        list: &[StmtId],
        label: &str,
    ) -> bool {
        list.iter()
            .rev()
            .find(|&&s| !matches!(file.stmt(s).kind, StmtKind::Empty { .. }))
            .is_some_and(|&last| self.is_terminating(env, file, last, label))
    }

    /// Whether `x` calls the predeclared `panic`.
    fn is_panic_call(&self, env: Env, file: &File, x: ExprId) -> bool {
        let ExprKind::Call { fun, .. } = file.expr(self.unparen(env, x)).kind else {
            return false;
        };
        let ExprKind::Ident(ident) = file.expr(self.unparen(env, fun)).kind else {
            return false;
        };
        self.info.files[env.file]
            .uses
            .get(&ident.pos().0)
            .is_some_and(|&obj| {
                matches!(self.store().obj(obj).kind, ObjKind::Builtin(Builtin::Panic))
            })
    }
}

/// Whether `id` holds a `break` leaving the statement labeled `label` (or, with
/// `implicit`, the innermost one: an unlabeled `break` not inside a nested `for`, `switch`
/// or `select`).
fn has_break(file: &File, id: StmtId, label: &str, implicit: bool) -> bool {
    crate::stack::with_stack(|| match &file.stmt(id).kind {
        StmtKind::Labeled { stmt, .. } => has_break(file, *stmt, label, implicit),
        StmtKind::Branch {
            tok: Token::Break,
            label: target,
            ..
        } => match target {
            None => implicit,
            Some(target) => file.ident_name(*target) == label,
        },
        StmtKind::Block(block) => has_break_list(file, &block.stmts, label, implicit),
        StmtKind::If { body, else_, .. } => {
            has_break_list(file, &body.stmts, label, implicit)
                || else_.is_some_and(|else_| has_break(file, else_, label, implicit))
        }
        StmtKind::CaseClause { body, .. } | StmtKind::CommClause { body, .. } => {
            has_break_list(file, body, label, implicit)
        }
        StmtKind::Switch { body, .. }
        | StmtKind::TypeSwitch { body, .. }
        | StmtKind::Select { body, .. }
        | StmtKind::For { body, .. }
        | StmtKind::Range { body, .. } => {
            !label.is_empty() && has_break_list(file, &body.stmts, label, false)
        }
        _ => false,
    })
}

fn has_break_list(file: &File, list: &[StmtId], label: &str, implicit: bool) -> bool {
    list.iter().any(|&s| has_break(file, s, label, implicit))
}
