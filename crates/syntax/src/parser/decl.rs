//! Declarations and the file: the package clause, imports, const/var/type specs (with type
//! parameter lists told apart from array lengths), and function and method declarations.

use super::{FileHeader, Parser, SyncSet};
use crate::ast::*;
use crate::pos::Pos;
use crate::token::Token;

impl Parser<'_> {
    pub(super) fn parse_file_body(&mut self) -> FileHeader {
        let mut header = FileHeader {
            doc: None,
            package_pos: Pos::NONE,
            package_name: Ident::synthetic_blank(Pos(0)),
            decls: Default::default(),
        };
        // Errors in the very first token: most likely not Go source at all.
        if !self.errors.is_empty() {
            return header;
        }
        header.doc = self.lead_comment;
        header.package_pos = self.expect(Token::Package);
        header.package_name = self.parse_ident();
        self.expect_semi();
        if !self.errors.is_empty() {
            return header;
        }
        self.last_decl_end = header.package_name.end().0;

        while self.tok == Token::Import {
            let decl = self.parse_top_level_decl();
            header.decls.push(decl);
        }
        let mut prev = Token::Import;
        while self.tok != Token::Eof {
            if self.tok == Token::Import && prev != Token::Import {
                self.error(self.pos, "imports must appear before other declarations");
            }
            prev = self.tok;
            let decl = self.parse_top_level_decl();
            header.decls.push(decl);
        }
        header
    }

    /// A top-level declaration, which claims the `//go:` directives written before it.
    fn parse_top_level_decl(&mut self) -> Decl {
        let directives = self.take_directives();
        let decl = match self.tok {
            Token::Import | Token::Const | Token::Var | Token::Type => {
                Decl::Gen(self.parse_gen_decl(self.tok), directives)
            }
            Token::Func => Decl::Func(self.parse_func_decl(directives)),
            _ => {
                let pos = self.pos;
                self.error_expected(pos, "declaration");
                self.advance(SyncSet::DeclStart);
                Decl::Bad {
                    from: pos,
                    to: self.pos,
                }
            }
        };
        let end = self.arenas().decl_end(&decl);
        if end.is_valid() {
            self.last_decl_end = self.last_decl_end.max(end.0);
        }
        decl
    }

    /// `keyword spec` or `keyword ( spec; ... )` for import, const, var and type.
    pub(super) fn parse_gen_decl(&mut self, keyword: Token) -> GenDecl {
        let doc = self.lead_comment;
        let tok_pos = self.expect(keyword);
        let mut lparen = Pos::NONE;
        let mut rparen = Pos::NONE;
        let mut specs = Vec::new();
        if self.tok == Token::LParen {
            lparen = self.pos;
            self.next();
            while self.tok != Token::RParen && self.tok != Token::Eof {
                let spec_doc = self.lead_comment;
                specs.push(self.parse_spec(keyword, spec_doc));
            }
            rparen = self.expect(Token::RParen);
            self.expect_semi();
        } else {
            specs.push(self.parse_spec(keyword, None));
        }
        GenDecl {
            doc,
            tok_pos,
            tok: keyword,
            lparen,
            specs,
            rparen,
        }
    }

    fn parse_spec(&mut self, keyword: Token, doc: Option<CommentGroupId>) -> Spec {
        match keyword {
            Token::Import => Spec::Import(self.parse_import_spec(doc)),
            Token::Type => Spec::Type(self.parse_type_spec(doc)),
            _ => Spec::Value(self.parse_value_spec(doc, keyword)),
        }
    }

    fn parse_import_spec(&mut self, doc: Option<CommentGroupId>) -> ImportSpec {
        let name = match self.tok {
            Token::Ident => Some(self.parse_ident()),
            Token::Period => {
                let dot = Ident { span: self.span };
                self.next();
                Some(dot)
            }
            _ => None,
        };
        let pos = self.pos;
        let mut span = crate::pos::Span::new(pos.0, pos.0);
        if self.tok == Token::String {
            span = self.span;
            self.next();
        } else if self.tok.is_literal() {
            self.error(pos, "import path must be a string");
            self.next();
        } else {
            self.error(pos, "missing import path");
            self.advance(SyncSet::ExprEnd);
        }
        let comment = self.expect_semi();
        let path = self.new_expr(ExprKind::BasicLit {
            kind: LitKind::String,
            span,
        });
        ImportSpec {
            doc,
            name,
            path,
            comment,
        }
    }

    fn parse_value_spec(&mut self, doc: Option<CommentGroupId>, keyword: Token) -> ValueSpec {
        let names = self.parse_ident_list();
        let mut ty = None;
        let mut values = Default::default();
        if keyword == Token::Const {
            // Type and values are optional here, for more tolerant parsing.
            if !matches!(self.tok, Token::Eof | Token::Semicolon | Token::RParen) {
                ty = self.try_ident_or_type();
                if self.tok == Token::Assign {
                    self.next();
                    values = self.parse_list(true);
                }
            }
        } else {
            if self.tok != Token::Assign {
                ty = Some(self.parse_type());
            }
            if self.tok == Token::Assign {
                self.next();
                values = self.parse_list(true);
            }
        }
        let comment = self.expect_semi();
        ValueSpec {
            doc,
            names,
            ty,
            values,
            comment,
        }
    }

    fn parse_type_spec(&mut self, doc: Option<CommentGroupId>) -> TypeSpec {
        let name = self.parse_ident();
        let mut type_params = None;
        let mut assign = Pos::NONE;
        let ty;
        if self.tok == Token::LBrack {
            // `T[` starts an array or slice type, or a type parameter list.
            let lbrack = self.pos;
            self.next();
            if self.tok == Token::Ident {
                // Parse an expression starting with the name, then see whether it splits
                // into a parameter name and a constraint. A name followed by `[` can only
                // be a parameter with a slice/array constraint: no index expression is a
                // constant array length.
                let first = self.parse_ident();
                let mut x = self.ident_expr(first);
                if self.tok != Token::LBrack {
                    self.expr_level += 1;
                    let lhs = self.parse_primary_expr(Some(x));
                    x = self.parse_binary_expr(Some(lhs), 1);
                    self.expr_level -= 1;
                }
                let force = self.tok == Token::Comma;
                let (pname, ptype) = self.extract_name(x, force);
                match pname {
                    Some(pname) if ptype.is_some() || self.tok != Token::RBrack => {
                        let list =
                            self.parse_parameter_list(Some(pname), ptype, Token::RBrack, false);
                        let closing = self.expect(Token::RBrack);
                        type_params = Some(FieldList {
                            opening: lbrack,
                            list,
                            closing,
                        });
                        if self.tok == Token::Assign {
                            assign = self.pos;
                            self.next();
                        }
                        ty = self.parse_type();
                    }
                    _ => ty = self.parse_array_type(lbrack, Some(x)),
                }
            } else {
                ty = self.parse_array_type(lbrack, None);
            }
        } else {
            if self.tok == Token::Assign {
                assign = self.pos;
                self.next();
            }
            ty = self.parse_type();
        }
        let comment = self.expect_semi();
        TypeSpec {
            doc,
            name,
            type_params,
            assign,
            ty,
            comment,
        }
    }

    /// Splits `x` into a type parameter name and a constraint when `x` can be read as
    /// `name constraint`: always if the constraint is unmistakably a type element, or if
    /// `force` is set. A lone name gives `(name, None)`; no split gives `(None, Some(x))`.
    fn extract_name(&mut self, x: ExprId, force: bool) -> (Option<Ident>, Option<ExprId>) {
        // Recurses along `A | B | ...` chains, which need not nest: check the stack each time.
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.extract_name_inner(x, force))
    }

    fn extract_name_inner(&mut self, x: ExprId, force: bool) -> (Option<Ident>, Option<ExprId>) {
        match self.expr_kind(x).clone() {
            ExprKind::Ident(name) => return (Some(name), None),
            ExprKind::Binary {
                x: left,
                op_pos,
                op: Token::Mul,
                y,
            } => {
                if let ExprKind::Ident(name) = *self.expr_kind(left) {
                    if force || self.is_type_elem(y) {
                        let star = self.new_expr(ExprKind::Star { star: op_pos, x: y });
                        return (Some(name), Some(star));
                    }
                }
            }
            ExprKind::Binary {
                x: left,
                op_pos,
                op: Token::Or,
                y,
            } => {
                let force_left = force || self.is_type_elem(y);
                if let (Some(name), Some(lhs)) = self.extract_name(left, force_left) {
                    let op = self.new_expr(ExprKind::Binary {
                        x: lhs,
                        op_pos,
                        op: Token::Or,
                        y,
                    });
                    return (Some(name), Some(op));
                }
            }
            ExprKind::Call {
                fun,
                lparen,
                args,
                ellipsis,
                rparen,
            } => {
                if let ExprKind::Ident(name) = *self.expr_kind(fun) {
                    if args.len() == 1
                        && !ellipsis.is_valid()
                        && (force || self.is_type_elem(args[0]))
                    {
                        let paren = self.new_expr(ExprKind::Paren {
                            lparen,
                            x: args[0],
                            rparen,
                        });
                        return (Some(name), Some(paren));
                    }
                }
            }
            _ => {}
        }
        (None, Some(x))
    }

    /// True if `x` can only be a type element (never an ordinary expression).
    fn is_type_elem(&self, x: ExprId) -> bool {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || match self.expr_kind(x) {
            ExprKind::ArrayType { .. }
            | ExprKind::StructType { .. }
            | ExprKind::FuncType(_)
            | ExprKind::InterfaceType { .. }
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. } => true,
            ExprKind::Binary { x, y, .. } => self.is_type_elem(*x) || self.is_type_elem(*y),
            ExprKind::Unary { op, .. } => *op == Token::Tilde,
            ExprKind::Paren { x, .. } => self.is_type_elem(*x),
            _ => false,
        })
    }

    fn parse_func_decl(&mut self, directives: Vec<Directive>) -> FuncDecl {
        let doc = self.lead_comment;
        let func_pos = self.expect(Token::Func);
        let recv = if self.tok == Token::LParen {
            self.parse_parameters(false)
        } else {
            None
        };
        let name = self.parse_ident();
        let mut type_params = None;
        if self.tok == Token::LBrack {
            type_params = self.parse_type_parameters();
            if let (Some(_), Some(tparams)) = (&recv, &type_params) {
                // Parsed for better recovery, but methods have no type parameters.
                let opening = tparams.opening;
                self.error(opening, "method must have no type parameters");
                type_params = None;
            }
        }
        let params = self.parse_parameters(false).unwrap_or_default();
        let results = self.parse_parameters(true);
        let mut body = None;
        match self.tok {
            Token::LBrace => {
                body = Some(self.parse_block());
                self.expect_semi();
            }
            Token::Semicolon => {
                self.next();
                if self.tok == Token::LBrace {
                    self.error(self.pos, "unexpected semicolon or newline before {");
                    body = Some(self.parse_block());
                    self.expect_semi();
                }
            }
            _ => {
                self.expect_semi();
            }
        }
        FuncDecl {
            doc,
            recv,
            name,
            ty: FuncType {
                func_pos,
                type_params,
                params,
                results,
            },
            body,
            directives,
        }
    }
}
