//! Ends of scopes that would otherwise take a walk down the tree at every nesting level,
//! time quadratic in the depth: nested function types (`func() func() ... T` ends where its
//! innermost result does), `if ... else if ...` chains (each ends where the last `else`
//! does), so one walk answers for the whole chain; and blocks left open (the parser stops
//! at its nesting limit without the closing braces).

use goescape_syntax::ast::{Block, ExprId, ExprKind, File, StmtId, StmtKind};
use goescape_syntax::Pos;
use rustc_hash::FxHashMap;

use super::Checker;

/// Ends found so far, by file index and node.
#[derive(Debug, Default)]
pub(crate) struct Extents {
    func_types: FxHashMap<(usize, ExprId), Pos>,
    if_stmts: FxHashMap<(usize, StmtId), Pos>,
}

impl Checker<'_> {
    /// The end of the function type expression `e` of file `file_index`.
    pub(super) fn func_type_end(&mut self, file_index: usize, file: &File, e: ExprId) -> Pos {
        let mut chain = Vec::new();
        let mut current = e;
        let end = loop {
            if let Some(&end) = self.extents.func_types.get(&(file_index, current)) {
                break end;
            }
            let ExprKind::FuncType(ty) = &file.expr(current).kind else {
                break file.expr_end(current);
            };
            // A single unparenthesised result ends the type; look through it if it is a
            // function type itself.
            let inner = match &ty.results {
                Some(results) if !results.closing.is_valid() && results.list.len() == 1 => results
                    .list[0]
                    .ty
                    .filter(|&t| matches!(file.expr(t).kind, ExprKind::FuncType(_))),
                _ => None,
            };
            chain.push(current);
            match inner {
                Some(inner) => current = inner,
                None => break file.func_type_end(ty),
            }
        };
        for link in chain {
            self.extents.func_types.insert((file_index, link), end);
        }
        end
    }

    /// The end of the scope of statement `id` (an `if`, `for`, `switch` or `select`).
    pub(super) fn stmt_scope_end(&mut self, file_index: usize, file: &File, id: StmtId) -> Pos {
        let mut chain = Vec::new();
        let mut current = id;
        let end = loop {
            if let Some(&end) = self.extents.if_stmts.get(&(file_index, current)) {
                break end;
            }
            match &file.stmt(current).kind {
                StmtKind::If {
                    else_: Some(else_), ..
                } => {
                    chain.push(current);
                    current = *else_;
                }
                StmtKind::If { body, .. }
                | StmtKind::Block(body)
                | StmtKind::Switch { body, .. }
                | StmtKind::TypeSwitch { body, .. }
                | StmtKind::Select { body, .. }
                | StmtKind::For { body, .. }
                | StmtKind::Range { body, .. } => break block_scope_end(file, body),
                _ => break file.stmt_end(current),
            }
        };
        for link in chain {
            self.extents.if_stmts.insert((file_index, link), end);
        }
        end
    }
}

/// The end of a block's scope: after its `}`. A block without one exists only in a file
/// with syntax errors, whose scopes nothing compares: it extends to the end of the file.
pub(super) fn block_scope_end(file: &File, block: &Block) -> Pos {
    if block.rbrace.is_valid() {
        block.rbrace.plus(1)
    } else {
        Pos(file.src.len() as u32)
    }
}
