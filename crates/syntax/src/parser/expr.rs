//! Expressions: operands, primary expressions (selectors, indexing, slicing, calls,
//! composite literals), unary and binary operators.

use super::{Parser, SyncSet};
use crate::ast::*;
use crate::pos::Pos;
use crate::token::Token;

impl Parser<'_> {
    pub(super) fn parse_expr(&mut self) -> ExprId {
        self.parse_binary_expr(None, 1)
    }

    /// An expression on the right-hand side, where a stray `=` is read as `==` (and reported).
    pub(super) fn parse_rhs(&mut self) -> ExprId {
        let old = self.in_rhs;
        self.in_rhs = true;
        let x = self.parse_expr();
        self.in_rhs = old;
        x
    }

    pub(super) fn parse_expr_list(&mut self) -> ExprList {
        let mut list = smallvec::smallvec![self.parse_expr()];
        while self.tok == Token::Comma {
            self.next();
            list.push(self.parse_expr());
        }
        list
    }

    pub(super) fn parse_list(&mut self, in_rhs: bool) -> ExprList {
        let old = self.in_rhs;
        self.in_rhs = in_rhs;
        let list = self.parse_expr_list();
        self.in_rhs = old;
        list
    }

    fn parse_func_type_or_lit(&mut self) -> ExprId {
        let ty = self.parse_func_type();
        if self.tok != Token::LBrace {
            return self.new_expr(ExprKind::FuncType(Box::new(ty)));
        }
        self.expr_level += 1;
        let body = self.parse_block();
        self.expr_level -= 1;
        self.new_expr(ExprKind::FuncLit {
            ty: Box::new(ty),
            body,
        })
    }

    /// An operand; may also return a type (such as `[...]T`), which callers check.
    fn parse_operand(&mut self) -> ExprId {
        match self.tok {
            Token::Ident => {
                let ident = self.parse_ident();
                return self.ident_expr(ident);
            }
            Token::Int | Token::Float | Token::Imag | Token::Char | Token::String => {
                let kind = match self.tok {
                    Token::Int => LitKind::Int,
                    Token::Float => LitKind::Float,
                    Token::Imag => LitKind::Imag,
                    Token::Char => LitKind::Char,
                    _ => LitKind::String,
                };
                let span = self.span;
                self.next();
                return self.new_expr(ExprKind::BasicLit { kind, span });
            }
            Token::LParen => {
                let lparen = self.pos;
                self.next();
                self.expr_level += 1;
                let x = self.parse_rhs(); // a parenthesised type is allowed here
                self.expr_level -= 1;
                let rparen = self.expect(Token::RParen);
                return self.new_expr(ExprKind::Paren { lparen, x, rparen });
            }
            Token::Func => return self.parse_func_type_or_lit(),
            _ => {}
        }
        if let Some(ty) = self.try_ident_or_type() {
            return ty;
        }
        let pos = self.pos;
        self.error_expected(pos, "operand");
        self.advance(SyncSet::StmtStart);
        self.bad_expr(pos, self.pos)
    }

    fn parse_type_assertion(&mut self, x: ExprId) -> ExprId {
        let lparen = self.expect(Token::LParen);
        let ty = if self.tok == Token::Type {
            self.next(); // x.(type) of a type switch
            None
        } else {
            Some(self.parse_type())
        };
        let rparen = self.expect(Token::RParen);
        self.new_expr(ExprKind::TypeAssert {
            x,
            lparen,
            ty,
            rparen,
        })
    }

    fn parse_index_or_slice_or_instance(&mut self, x: ExprId) -> ExprId {
        let lbrack = self.expect(Token::LBrack);
        if self.tok == Token::RBrack {
            // Empty indices are accepted for better recovery, with an error.
            self.error_expected(self.pos, "operand");
            let rbrack = self.pos;
            self.next();
            let index = self.bad_expr(rbrack, rbrack);
            return self.new_expr(ExprKind::Index {
                x,
                lbrack,
                index,
                rbrack,
            });
        }
        self.expr_level += 1;
        let mut args = ExprList::new();
        let mut index: [Option<ExprId>; 3] = [None; 3];
        let mut colons = [Pos::NONE; 2];
        let mut ncolons = 0;
        if self.tok != Token::Colon {
            // Index or instantiation: not in type context even if this is a type.
            index[0] = Some(self.parse_rhs());
        }
        match self.tok {
            Token::Colon => {
                while self.tok == Token::Colon && ncolons < colons.len() {
                    colons[ncolons] = self.pos;
                    ncolons += 1;
                    self.next();
                    if !matches!(self.tok, Token::Colon | Token::RBrack | Token::Eof) {
                        index[ncolons] = Some(self.parse_rhs());
                    }
                }
            }
            Token::Comma => {
                args.extend(index[0]);
                while self.tok == Token::Comma {
                    self.next();
                    if self.tok != Token::RBrack && self.tok != Token::Eof {
                        args.push(self.parse_type());
                    }
                }
            }
            _ => {}
        }
        self.expr_level -= 1;
        let rbrack = self.expect(Token::RBrack);

        if ncolons > 0 {
            let slice3 = ncolons == 2;
            if slice3 {
                if index[1].is_none() {
                    self.error(colons[0], "middle index required in 3-index slice");
                    index[1] = Some(self.bad_expr(colons[0].plus(1), colons[1]));
                }
                if index[2].is_none() {
                    self.error(colons[1], "final index required in 3-index slice");
                    index[2] = Some(self.bad_expr(colons[1].plus(1), rbrack));
                }
            }
            let [low, high, max] = index;
            return self.new_expr(ExprKind::Slice {
                x,
                lbrack,
                low,
                high,
                max,
                slice3,
                rbrack,
            });
        }
        if args.is_empty() {
            let index = match index[0] {
                Some(index) => index,
                None => self.bad_expr(lbrack, rbrack),
            };
            return self.new_expr(ExprKind::Index {
                x,
                lbrack,
                index,
                rbrack,
            });
        }
        self.pack_index_expr(x, lbrack, args, rbrack)
    }

    fn parse_call_or_conversion(&mut self, fun: ExprId) -> ExprId {
        let lparen = self.expect(Token::LParen);
        self.expr_level += 1;
        let mut args = ExprList::new();
        let mut ellipsis = Pos::NONE;
        while self.tok != Token::RParen && self.tok != Token::Eof && !ellipsis.is_valid() {
            args.push(self.parse_rhs()); // builtins such as make take a type here
            if self.tok == Token::Ellipsis {
                ellipsis = self.pos;
                self.next();
            }
            if !self.at_comma("argument list", Token::RParen) {
                break;
            }
            self.next();
        }
        self.expr_level -= 1;
        let rparen = self.expect_closing(Token::RParen, "argument list");
        self.new_expr(ExprKind::Call {
            fun,
            lparen,
            args,
            ellipsis,
            rparen,
        })
    }

    fn parse_value(&mut self) -> ExprId {
        if self.tok == Token::LBrace {
            return self.parse_literal_value(None);
        }
        self.parse_expr()
    }

    fn parse_element(&mut self) -> ExprId {
        let x = self.parse_value();
        if self.tok == Token::Colon {
            let colon = self.pos;
            self.next();
            let value = self.parse_value();
            return self.new_expr(ExprKind::KeyValue {
                key: x,
                colon,
                value,
            });
        }
        x
    }

    /// `{ elements }` of a composite literal of type `ty` (None for an elided type).
    pub(super) fn parse_literal_value(&mut self, ty: Option<ExprId>) -> ExprId {
        if !self.enter_nest() {
            self.leave_nest(1);
            return self.bad_expr(self.pos, self.pos);
        }
        let lit = self.grow(|p| {
            let lbrace = p.expect(Token::LBrace);
            let mut elts = ExprList::new();
            p.expr_level += 1;
            while p.tok != Token::RBrace && p.tok != Token::Eof {
                elts.push(p.parse_element());
                if !p.at_comma("composite literal", Token::RBrace) {
                    break;
                }
                p.next();
            }
            p.expr_level -= 1;
            let rbrace = p.expect_closing(Token::RBrace, "composite literal");
            p.new_expr(ExprKind::CompositeLit {
                ty,
                lbrace,
                elts,
                rbrace,
                incomplete: false,
            })
        });
        self.leave_nest(1);
        lit
    }

    pub(super) fn unparen(&self, mut x: ExprId) -> ExprId {
        while let ExprKind::Paren { x: inner, .. } = *self.expr_kind(x) {
            x = inner;
        }
        x
    }

    /// An operand (or `x`, if already parsed) followed by any number of selectors, index or
    /// slice expressions, type assertions, calls and composite literal values.
    pub(super) fn parse_primary_expr(&mut self, x: Option<ExprId>) -> ExprId {
        let mut x = match x {
            Some(x) => x,
            None => self.parse_operand(),
        };
        // Each step nests the result one level deeper, and counts as such.
        let mut levels = 0;
        let result = loop {
            levels += 1;
            if !self.enter_nest() {
                break x;
            }
            match self.tok {
                Token::Period => {
                    self.next();
                    match self.tok {
                        Token::Ident => {
                            let sel = self.parse_ident();
                            x = self.new_expr(ExprKind::Selector { x, sel });
                        }
                        Token::LParen => x = self.parse_type_assertion(x),
                        _ => {
                            let pos = self.pos;
                            self.error_expected(pos, "selector or type assertion");
                            if self.tok != Token::RBrace {
                                self.next();
                            }
                            let sel = Ident::synthetic_blank(pos);
                            x = self.new_expr(ExprKind::Selector { x, sel });
                        }
                    }
                }
                Token::LBrack => x = self.parse_index_or_slice_or_instance(x),
                Token::LParen => x = self.parse_call_or_conversion(x),
                Token::LBrace => {
                    // A `{` after a type starts a composite literal, unless it opens the
                    // block of a control clause.
                    let t = self.unparen(x);
                    match self.expr_kind(t) {
                        ExprKind::Bad { .. }
                        | ExprKind::Ident(_)
                        | ExprKind::Selector { .. }
                        | ExprKind::Index { .. }
                        | ExprKind::IndexList { .. } => {
                            if self.expr_level < 0 {
                                break x;
                            }
                        }
                        ExprKind::ArrayType { .. }
                        | ExprKind::StructType { .. }
                        | ExprKind::MapType { .. } => {}
                        _ => break x,
                    }
                    if t != x {
                        let pos = self.expr_pos(t);
                        self.error(pos, "cannot parenthesize type in composite literal");
                    }
                    x = self.parse_literal_value(Some(x));
                }
                _ => break x,
            }
        };
        self.leave_nest(levels);
        result
    }

    pub(super) fn parse_unary_expr(&mut self) -> ExprId {
        if !self.enter_nest() {
            self.leave_nest(1);
            return self.bad_expr(self.pos, self.pos);
        }
        let x = self.grow(|p| p.parse_unary_expr_inner());
        self.leave_nest(1);
        x
    }

    fn parse_unary_expr_inner(&mut self) -> ExprId {
        match self.tok {
            Token::Add | Token::Sub | Token::Not | Token::Xor | Token::And | Token::Tilde => {
                let (op_pos, op) = (self.pos, self.tok);
                self.next();
                let x = self.parse_unary_expr();
                self.new_expr(ExprKind::Unary { op_pos, op, x })
            }
            Token::Arrow => {
                // `<-x` receives, unless x turns out to be a channel type: then the arrow
                // belongs to that type, `<-chan T`.
                let arrow = self.pos;
                self.next();
                let x = self.parse_unary_expr();
                if matches!(self.expr_kind(x), ExprKind::ChanType { .. }) {
                    self.reassociate_receive_arrow(x, arrow);
                    return x;
                }
                self.new_expr(ExprKind::Unary {
                    op_pos: arrow,
                    op: Token::Arrow,
                    x,
                })
            }
            Token::Mul => {
                let star = self.pos;
                self.next();
                let x = self.parse_unary_expr();
                self.new_expr(ExprKind::Star { star, x })
            }
            _ => self.parse_primary_expr(None),
        }
    }

    /// Turns `<-` followed by `chan T` (or `chan<- T`, ...) into `<-chan T` (`<-chan (<-T)`, ...),
    /// moving each arrow one channel type inwards, as go/parser does.
    fn reassociate_receive_arrow(&mut self, chan_type: ExprId, mut arrow: Pos) {
        let mut dir = ChanDir::Send;
        let mut current = Some(chan_type);
        while let Some(id) = current {
            if dir != ChanDir::Send {
                break;
            }
            let ExprKind::ChanType {
                begin: _,
                arrow: old_arrow,
                dir: old_dir,
                value,
            } = *self.expr_kind(id)
            else {
                break;
            };
            if old_dir == ChanDir::Recv {
                self.error_expected(old_arrow, "'chan'");
            }
            if let ExprKind::ChanType {
                begin,
                arrow: a,
                dir: d,
                ..
            } = &mut self.exprs[id.0 as usize].kind
            {
                *begin = arrow;
                *a = arrow;
                *d = ChanDir::Recv;
            }
            arrow = old_arrow;
            dir = old_dir;
            current = match self.expr_kind(value) {
                ExprKind::ChanType { .. } => Some(value),
                _ => None,
            };
        }
        if dir == ChanDir::Send {
            self.error_expected(arrow, "channel type");
        }
    }

    /// A binary expression whose operators bind at least as tightly as `min_prec`;
    /// `x` is an already parsed left operand.
    pub(super) fn parse_binary_expr(&mut self, x: Option<ExprId>, min_prec: u8) -> ExprId {
        let mut x = match x {
            Some(x) => x,
            None => self.parse_unary_expr(),
        };
        let mut levels = 0;
        loop {
            levels += 1;
            if !self.enter_nest() {
                break;
            }
            let op = if self.in_rhs && self.tok == Token::Assign {
                Token::Eql
            } else {
                self.tok
            };
            let prec = op.precedence();
            if prec < min_prec || prec == 0 {
                break;
            }
            let op_pos = self.expect(op);
            let y = self.grow(|p| p.parse_binary_expr(None, prec + 1));
            x = self.new_expr(ExprKind::Binary { x, op_pos, op, y });
        }
        self.leave_nest(levels);
        x
    }
}
