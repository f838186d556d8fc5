//! Statements: simple statements, blocks, control flow (if, switch, type switch, select,
//! for and range), go/defer/return/branch statements.

use super::{Parser, SyncSet};
use crate::ast::*;
use crate::pos::Pos;
use crate::token::Token;

/// What `parse_simple_stmt` may accept besides plain simple statements.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum SimpleStmtMode {
    Basic,
    /// A label `L:` may start the statement.
    LabelOk,
    /// The statement may be the `k, v := range x` clause of a for loop.
    RangeOk,
}

impl Parser<'_> {
    pub(super) fn parse_stmt_list(&mut self) -> StmtList {
        let mut list = StmtList::new();
        while !matches!(
            self.tok,
            Token::Case | Token::Default | Token::RBrace | Token::Eof
        ) {
            list.push(self.parse_stmt());
        }
        list
    }

    /// `{ statements }`; a missing `}` leaves `rbrace` NONE.
    pub(super) fn parse_block(&mut self) -> Block {
        let lbrace = self.expect(Token::LBrace);
        let stmts = self.parse_stmt_list();
        let rbrace = self.expect2(Token::RBrace);
        Block {
            lbrace,
            stmts,
            rbrace,
        }
    }

    /// A simple statement. The flag is true if it is the assignment of a range clause, whose
    /// right-hand side is then a single `range x` unary expression.
    pub(super) fn parse_simple_stmt(&mut self, mode: SimpleStmtMode) -> (StmtId, bool) {
        let lhs = self.parse_list(false);
        match self.tok {
            Token::Define
            | Token::Assign
            | Token::AddAssign
            | Token::SubAssign
            | Token::MulAssign
            | Token::QuoAssign
            | Token::RemAssign
            | Token::AndAssign
            | Token::OrAssign
            | Token::XorAssign
            | Token::ShlAssign
            | Token::ShrAssign
            | Token::AndNotAssign => {
                let (tok_pos, tok) = (self.pos, self.tok);
                self.next();
                let is_range = mode == SimpleStmtMode::RangeOk
                    && self.tok == Token::Range
                    && matches!(tok, Token::Define | Token::Assign);
                let rhs = if is_range {
                    let op_pos = self.pos;
                    self.next();
                    let x = self.parse_rhs();
                    smallvec::smallvec![self.new_expr(ExprKind::Unary {
                        op_pos,
                        op: Token::Range,
                        x,
                    })]
                } else {
                    self.parse_list(true)
                };
                return (
                    self.new_stmt(StmtKind::Assign {
                        lhs,
                        tok_pos,
                        tok,
                        rhs,
                    }),
                    is_range,
                );
            }
            _ => {}
        }
        let first = lhs[0];
        if lhs.len() > 1 {
            let pos = self.expr_pos(first);
            self.error_expected(pos, "1 expression");
        }
        let stmt = match self.tok {
            Token::Colon => {
                let colon = self.pos;
                self.next();
                if let (SimpleStmtMode::LabelOk, &ExprKind::Ident(label)) =
                    (mode, self.expr_kind(first))
                {
                    let stmt = self.parse_stmt();
                    return (
                        self.new_stmt(StmtKind::Labeled { label, colon, stmt }),
                        false,
                    );
                }
                // Reported at the colon: the name before it may itself be the problem.
                self.error(colon, "illegal label declaration");
                let from = self.expr_pos(first);
                StmtKind::Bad {
                    from,
                    to: colon.plus(1),
                }
            }
            Token::Arrow => {
                let arrow = self.pos;
                self.next();
                let value = self.parse_rhs();
                StmtKind::Send {
                    chan: first,
                    arrow,
                    value,
                }
            }
            Token::Inc | Token::Dec => {
                let kind = StmtKind::IncDec {
                    x: first,
                    tok_pos: self.pos,
                    tok: self.tok,
                };
                self.next();
                kind
            }
            _ => StmtKind::Expr(first),
        };
        (self.new_stmt(stmt), false)
    }

    /// The call of a go or defer statement; None (after an error) if it is not a call.
    fn parse_call_expr(&mut self, context: &str) -> Option<ExprId> {
        let mut x = self.parse_rhs(); // may be a conversion: (some type)(x)
        let t = self.unparen(x);
        if t != x {
            let pos = self.expr_pos(x);
            self.error(
                pos,
                format!("expression in {context} must not be parenthesized"),
            );
            x = t;
        }
        match self.expr_kind(x) {
            ExprKind::Call { .. } => Some(x),
            ExprKind::Bad { .. } => None,
            _ => {
                let end = self.expr_end(x);
                self.error(
                    end,
                    format!("expression in {context} must be function call"),
                );
                None
            }
        }
    }

    fn parse_go_or_defer_stmt(&mut self, keyword: Token) -> StmtId {
        let pos = self.expect(keyword);
        let context = keyword.as_str();
        let call = self.parse_call_expr(context);
        self.expect_semi();
        match call {
            None => self.bad_stmt(pos, pos.plus(context.len() as u32)),
            Some(call) if keyword == Token::Go => self.new_stmt(StmtKind::Go { go_pos: pos, call }),
            Some(call) => self.new_stmt(StmtKind::Defer {
                defer_pos: pos,
                call,
            }),
        }
    }

    fn parse_return_stmt(&mut self) -> StmtId {
        let return_pos = self.pos;
        self.expect(Token::Return);
        let results = if self.tok != Token::Semicolon && self.tok != Token::RBrace {
            self.parse_list(true)
        } else {
            Default::default()
        };
        self.expect_semi();
        self.new_stmt(StmtKind::Return {
            return_pos,
            results,
        })
    }

    fn parse_branch_stmt(&mut self, tok: Token) -> StmtId {
        let tok_pos = self.expect(tok);
        let label = if tok == Token::Goto
            || (matches!(tok, Token::Continue | Token::Break) && self.tok == Token::Ident)
        {
            Some(self.parse_ident())
        } else {
            None
        };
        self.expect_semi();
        self.new_stmt(StmtKind::Branch {
            tok_pos,
            tok,
            label,
        })
    }

    /// The expression of an expression statement; anything else is reported as `want`.
    fn make_expr(&mut self, stmt: Option<StmtId>, want: &str) -> Option<ExprId> {
        let stmt = stmt?;
        let found = match &self.stmts[stmt.0 as usize].kind {
            StmtKind::Expr(x) => return Some(*x),
            StmtKind::Assign { .. } => "assignment",
            _ => "simple statement",
        };
        let (from, to) = (self.stmt_pos(stmt), self.stmt_end(stmt));
        self.error(
            from,
            format!(
                "expected {want}, found {found} (missing parentheses around composite literal?)"
            ),
        );
        Some(self.bad_expr(from, to))
    }

    fn parse_if_header(&mut self) -> (Option<StmtId>, ExprId) {
        if self.tok == Token::LBrace {
            self.error(self.pos, "missing condition in if statement");
            return (None, self.bad_expr(self.pos, self.pos));
        }
        let prev_level = self.expr_level;
        self.expr_level = -1;

        let mut init = None;
        if self.tok != Token::Semicolon {
            if self.tok == Token::Var {
                self.next();
                self.error(self.pos, "var declaration not allowed in if initializer");
            }
            init = Some(self.parse_simple_stmt(SimpleStmtMode::Basic).0);
        }

        let mut cond_stmt = None;
        let mut semi: Option<(Pos, bool)> = None;
        if self.tok != Token::LBrace {
            if self.tok == Token::Semicolon {
                semi = Some((self.pos, self.implicit_semi));
                self.next();
            } else {
                self.expect(Token::Semicolon);
            }
            if self.tok != Token::LBrace {
                cond_stmt = Some(self.parse_simple_stmt(SimpleStmtMode::Basic).0);
            }
        } else {
            cond_stmt = init.take();
        }

        let mut cond = None;
        if cond_stmt.is_some() {
            cond = self.make_expr(cond_stmt, "boolean expression");
        } else if let Some((pos, implicit)) = semi {
            if implicit {
                self.error(pos, "unexpected newline, expecting { after if clause");
            } else {
                self.error(pos, "missing condition in if statement");
            }
        }
        let cond = match cond {
            Some(cond) => cond,
            None => self.bad_expr(self.pos, self.pos),
        };
        self.expr_level = prev_level;
        (init, cond)
    }

    fn parse_if_stmt(&mut self) -> StmtId {
        if !self.enter_nest() {
            self.leave_nest(1);
            return self.bad_stmt(self.pos, self.pos);
        }
        let stmt = self.grow(|p| {
            let if_pos = p.expect(Token::If);
            let (init, cond) = p.parse_if_header();
            let body = p.parse_block();
            let mut else_ = None;
            if p.tok == Token::Else {
                p.next();
                match p.tok {
                    Token::If => else_ = Some(p.parse_if_stmt()),
                    Token::LBrace => {
                        let block = p.parse_block();
                        else_ = Some(p.new_stmt(StmtKind::Block(block)));
                        p.expect_semi();
                    }
                    _ => {
                        p.error_expected(p.pos, "if statement or block");
                        else_ = Some(p.bad_stmt(p.pos, p.pos));
                    }
                }
            } else {
                p.expect_semi();
            }
            p.new_stmt(StmtKind::If {
                if_pos,
                init,
                cond,
                body,
                else_,
            })
        });
        self.leave_nest(1);
        stmt
    }

    fn parse_case_clause(&mut self) -> StmtId {
        let case_pos = self.pos;
        let list = if self.tok == Token::Case {
            self.next();
            self.parse_list(true)
        } else {
            self.expect(Token::Default);
            Default::default()
        };
        let colon = self.expect(Token::Colon);
        let body = self.parse_stmt_list();
        self.new_stmt(StmtKind::CaseClause {
            case_pos,
            list,
            colon,
            body,
        })
    }

    fn is_type_switch_assert(&self, x: ExprId) -> bool {
        matches!(self.expr_kind(x), ExprKind::TypeAssert { ty: None, .. })
    }

    /// True if `stmt` is `x.(type)` or `v := x.(type)` (`v = x.(type)` is reported).
    fn is_type_switch_guard(&mut self, stmt: Option<StmtId>) -> bool {
        let Some(stmt) = stmt else { return false };
        match &self.stmts[stmt.0 as usize].kind {
            StmtKind::Expr(x) => self.is_type_switch_assert(*x),
            StmtKind::Assign {
                lhs,
                tok_pos,
                tok,
                rhs,
            } if lhs.len() == 1 && rhs.len() == 1 && self.is_type_switch_assert(rhs[0]) => {
                match tok {
                    Token::Define => true,
                    Token::Assign => {
                        let pos = *tok_pos;
                        self.error(pos, "expected ':=', found '='");
                        true
                    }
                    _ => false,
                }
            }
            _ => false,
        }
    }

    fn parse_switch_stmt(&mut self) -> StmtId {
        let switch_pos = self.expect(Token::Switch);
        let (mut s1, mut s2) = (None, None);
        if self.tok != Token::LBrace {
            let prev_level = self.expr_level;
            self.expr_level = -1;
            if self.tok != Token::Semicolon {
                s2 = Some(self.parse_simple_stmt(SimpleStmtMode::Basic).0);
            }
            if self.tok == Token::Semicolon {
                self.next();
                s1 = s2.take();
                if self.tok != Token::LBrace {
                    s2 = Some(self.parse_simple_stmt(SimpleStmtMode::Basic).0);
                }
            }
            self.expr_level = prev_level;
        }
        let type_switch = self.is_type_switch_guard(s2);
        let lbrace = self.expect(Token::LBrace);
        let mut clauses = StmtList::new();
        while matches!(self.tok, Token::Case | Token::Default) {
            clauses.push(self.parse_case_clause());
        }
        let rbrace = self.expect(Token::RBrace);
        self.expect_semi();
        let body = Block {
            lbrace,
            stmts: clauses,
            rbrace,
        };
        if type_switch {
            if let Some(assign) = s2 {
                return self.new_stmt(StmtKind::TypeSwitch {
                    switch_pos,
                    init: s1,
                    assign,
                    body,
                });
            }
        }
        let tag = self.make_expr(s2, "switch expression");
        self.new_stmt(StmtKind::Switch {
            switch_pos,
            init: s1,
            tag,
            body,
        })
    }

    fn parse_comm_clause(&mut self) -> StmtId {
        let case_pos = self.pos;
        let mut comm = None;
        if self.tok == Token::Case {
            self.next();
            let mut lhs = self.parse_list(false);
            if self.tok == Token::Arrow {
                if lhs.len() > 1 {
                    let pos = self.expr_pos(lhs[0]);
                    self.error_expected(pos, "1 expression");
                }
                let arrow = self.pos;
                self.next();
                let value = self.parse_rhs();
                comm = Some(self.new_stmt(StmtKind::Send {
                    chan: lhs[0],
                    arrow,
                    value,
                }));
            } else if matches!(self.tok, Token::Assign | Token::Define) {
                let tok = self.tok;
                if lhs.len() > 2 {
                    let pos = self.expr_pos(lhs[0]);
                    self.error_expected(pos, "1 or 2 expressions");
                    lhs.truncate(2);
                }
                let tok_pos = self.pos;
                self.next();
                let rhs = smallvec::smallvec![self.parse_rhs()];
                comm = Some(self.new_stmt(StmtKind::Assign {
                    lhs,
                    tok_pos,
                    tok,
                    rhs,
                }));
            } else {
                if lhs.len() > 1 {
                    let pos = self.expr_pos(lhs[0]);
                    self.error_expected(pos, "1 expression");
                }
                comm = Some(self.new_stmt(StmtKind::Expr(lhs[0])));
            }
        } else {
            self.expect(Token::Default);
        }
        let colon = self.expect(Token::Colon);
        let body = self.parse_stmt_list();
        self.new_stmt(StmtKind::CommClause {
            case_pos,
            comm,
            colon,
            body,
        })
    }

    fn parse_select_stmt(&mut self) -> StmtId {
        let select_pos = self.expect(Token::Select);
        let lbrace = self.expect(Token::LBrace);
        let mut clauses = StmtList::new();
        while matches!(self.tok, Token::Case | Token::Default) {
            clauses.push(self.parse_comm_clause());
        }
        let rbrace = self.expect(Token::RBrace);
        self.expect_semi();
        let body = Block {
            lbrace,
            stmts: clauses,
            rbrace,
        };
        self.new_stmt(StmtKind::Select { select_pos, body })
    }

    fn parse_for_stmt(&mut self) -> StmtId {
        let for_pos = self.expect(Token::For);
        let (mut s1, mut s2, mut s3) = (None, None, None);
        let mut is_range = false;
        if self.tok != Token::LBrace {
            let prev_level = self.expr_level;
            self.expr_level = -1;
            if self.tok != Token::Semicolon {
                if self.tok == Token::Range {
                    // `for range x`: a range clause without key or value.
                    let op_pos = self.pos;
                    self.next();
                    let x = self.parse_rhs();
                    let range = self.new_expr(ExprKind::Unary {
                        op_pos,
                        op: Token::Range,
                        x,
                    });
                    s2 = Some(self.new_stmt(StmtKind::Assign {
                        lhs: Default::default(),
                        tok_pos: Pos::NONE,
                        tok: Token::Illegal,
                        rhs: smallvec::smallvec![range],
                    }));
                    is_range = true;
                } else {
                    let (stmt, range) = self.parse_simple_stmt(SimpleStmtMode::RangeOk);
                    s2 = Some(stmt);
                    is_range = range;
                }
            }
            if !is_range && self.tok == Token::Semicolon {
                self.next();
                s1 = s2.take();
                if self.tok != Token::Semicolon {
                    s2 = Some(self.parse_simple_stmt(SimpleStmtMode::Basic).0);
                }
                self.expect_semi();
                if self.tok != Token::LBrace {
                    s3 = Some(self.parse_simple_stmt(SimpleStmtMode::Basic).0);
                }
            }
            self.expr_level = prev_level;
        }
        let body = self.parse_block();
        self.expect_semi();

        if is_range {
            if let Some(clause) = s2 {
                return self.finish_range_stmt(for_pos, clause, body);
            }
        }
        let cond = self.make_expr(s2, "boolean or range expression");
        self.new_stmt(StmtKind::For {
            for_pos,
            init: s1,
            cond,
            post: s3,
            body,
        })
    }

    /// Builds the range statement from the `k, v := range x` assignment parsed for it.
    fn finish_range_stmt(&mut self, for_pos: Pos, clause: StmtId, body: Block) -> StmtId {
        let StmtKind::Assign {
            lhs,
            tok_pos,
            tok,
            rhs,
        } = self.stmts[clause.0 as usize].kind.clone()
        else {
            let to = self.arenas().block_end(&body);
            return self.bad_stmt(for_pos, to);
        };
        let (key, value) = match lhs.len() {
            0 => (None, None),
            1 => (Some(lhs[0]), None),
            2 => (Some(lhs[0]), Some(lhs[1])),
            _ => {
                let pos = self.expr_pos(lhs[lhs.len() - 1]);
                self.error_expected(pos, "at most 2 expressions");
                let to = self.arenas().block_end(&body);
                return self.bad_stmt(for_pos, to);
            }
        };
        let (range_pos, x) = match rhs.first().map(|&range| (range, self.expr_kind(range))) {
            Some((_, ExprKind::Unary { op_pos, x, .. })) => (*op_pos, *x),
            _ => {
                let to = self.arenas().block_end(&body);
                return self.bad_stmt(for_pos, to);
            }
        };
        self.new_stmt(StmtKind::Range {
            for_pos,
            key,
            value,
            tok_pos,
            tok,
            range_pos,
            x,
            body,
        })
    }

    pub(super) fn parse_stmt(&mut self) -> StmtId {
        if !self.enter_nest() {
            self.leave_nest(1);
            return self.bad_stmt(self.pos, self.pos);
        }
        let stmt = self.grow(|p| p.parse_stmt_inner());
        self.leave_nest(1);
        stmt
    }

    fn parse_stmt_inner(&mut self) -> StmtId {
        match self.tok {
            Token::Const | Token::Type | Token::Var => {
                let decl = self.parse_gen_decl(self.tok);
                self.new_stmt(StmtKind::Decl(decl))
            }
            Token::Ident
            | Token::Int
            | Token::Float
            | Token::Imag
            | Token::Char
            | Token::String
            | Token::Func
            | Token::LParen
            | Token::LBrack
            | Token::Struct
            | Token::Map
            | Token::Chan
            | Token::Interface
            | Token::Add
            | Token::Sub
            | Token::Mul
            | Token::And
            | Token::Xor
            | Token::Arrow
            | Token::Not => {
                let (stmt, _) = self.parse_simple_stmt(SimpleStmtMode::LabelOk);
                // A labeled statement has consumed its own terminator.
                if !matches!(self.stmts[stmt.0 as usize].kind, StmtKind::Labeled { .. }) {
                    self.expect_semi();
                }
                stmt
            }
            Token::Go | Token::Defer => self.parse_go_or_defer_stmt(self.tok),
            Token::Return => self.parse_return_stmt(),
            Token::Break | Token::Continue | Token::Goto | Token::Fallthrough => {
                self.parse_branch_stmt(self.tok)
            }
            Token::LBrace => {
                let block = self.parse_block();
                let stmt = self.new_stmt(StmtKind::Block(block));
                self.expect_semi();
                stmt
            }
            Token::If => self.parse_if_stmt(),
            Token::Switch => self.parse_switch_stmt(),
            Token::Select => self.parse_select_stmt(),
            Token::For => self.parse_for_stmt(),
            Token::Semicolon => {
                let stmt = StmtKind::Empty {
                    semicolon: self.pos,
                    implicit: self.implicit_semi,
                };
                self.next();
                self.new_stmt(stmt)
            }
            Token::RBrace => {
                // The semicolon before a closing `}` may be omitted.
                self.new_stmt(StmtKind::Empty {
                    semicolon: self.pos,
                    implicit: true,
                })
            }
            _ => {
                let pos = self.pos;
                self.error_expected(pos, "statement");
                self.advance(SyncSet::StmtStart);
                self.bad_stmt(pos, self.pos)
            }
        }
    }
}
