//! Types: names and instantiations, arrays, structs, pointers, functions and parameter
//! lists (including type parameter lists), interfaces with type-set elements, maps, channels.

use super::{Parser, SyncSet};
use crate::ast::*;
use crate::pos::Pos;
use crate::token::Token;

/// A parameter as first parsed: a name, a type, or both, before types are distributed.
#[derive(Clone, Copy)]
struct ParamDraft {
    name: Option<Ident>,
    ty: Option<ExprId>,
}

impl Parser<'_> {
    pub(super) fn parse_type(&mut self) -> ExprId {
        match self.try_ident_or_type() {
            Some(ty) => ty,
            None => {
                let pos = self.pos;
                self.error_expected(pos, "type");
                self.advance(SyncSet::ExprEnd);
                self.bad_expr(pos, self.pos)
            }
        }
    }

    /// A type name, possibly qualified and instantiated; `ident` is its already parsed first name.
    pub(super) fn parse_qualified_ident(&mut self, ident: Option<Ident>) -> ExprId {
        let ty = self.parse_type_name(ident);
        if self.tok == Token::LBrack {
            self.parse_type_instance(ty)
        } else {
            ty
        }
    }

    pub(super) fn parse_type_name(&mut self, ident: Option<Ident>) -> ExprId {
        let ident = match ident {
            Some(ident) => ident,
            None => self.parse_ident(),
        };
        let x = self.ident_expr(ident);
        if self.tok == Token::Period {
            self.next();
            let sel = self.parse_ident();
            return self.new_expr(ExprKind::Selector { x, sel });
        }
        x
    }

    /// `[len]elt` after its `[`; `len` may already have been parsed.
    pub(super) fn parse_array_type(&mut self, lbrack: Pos, len: Option<ExprId>) -> ExprId {
        let len = match len {
            Some(len) => Some(len),
            None => {
                self.expr_level += 1;
                // `[...]` is accepted anywhere for better error recovery.
                let len = if self.tok == Token::Ellipsis {
                    let pos = self.pos;
                    self.next();
                    Some(self.new_expr(ExprKind::Ellipsis { pos, elt: None }))
                } else if self.tok != Token::RBrack {
                    Some(self.parse_rhs())
                } else {
                    None
                };
                self.expr_level -= 1;
                len
            }
        };
        if self.tok == Token::Comma {
            self.error(self.pos, "unexpected comma; expecting ]");
            self.next();
        }
        self.expect(Token::RBrack);
        let elt = self.parse_type();
        self.new_expr(ExprKind::ArrayType { lbrack, len, elt })
    }

    /// After a name followed by `[`: either a field or parameter of array type `x [N]E` /
    /// `x []E` (the name is returned), or an instantiated type `x[A, B]` (no name).
    fn parse_array_field_or_type_instance(&mut self, x: Ident) -> (Option<Ident>, ExprId) {
        let lbrack = self.expect(Token::LBrack);
        let mut trailing_comma = Pos::NONE;
        let mut args = ExprList::new();
        if self.tok != Token::RBrack {
            self.expr_level += 1;
            args.push(self.parse_rhs());
            while self.tok == Token::Comma {
                let comma = self.pos;
                self.next();
                if self.tok == Token::RBrack {
                    trailing_comma = comma;
                    break;
                }
                args.push(self.parse_rhs());
            }
            self.expr_level -= 1;
        }
        let rbrack = self.expect(Token::RBrack);

        if args.is_empty() {
            let elt = self.parse_type();
            let array = self.new_expr(ExprKind::ArrayType {
                lbrack,
                len: None,
                elt,
            });
            return (Some(x), array);
        }
        if args.len() == 1 {
            if let Some(elt) = self.try_ident_or_type() {
                if trailing_comma.is_valid() {
                    self.error(trailing_comma, "unexpected comma; expecting ]");
                }
                let array = self.new_expr(ExprKind::ArrayType {
                    lbrack,
                    len: Some(args[0]),
                    elt,
                });
                return (Some(x), array);
            }
        }
        let base = self.ident_expr(x);
        (None, self.pack_index_expr(base, lbrack, args, rbrack))
    }

    /// `x[a]` or `x[a, b, ...]`, depending on the number of indices.
    pub(super) fn pack_index_expr(
        &mut self,
        x: ExprId,
        lbrack: Pos,
        mut indices: ExprList,
        rbrack: Pos,
    ) -> ExprId {
        if indices.len() == 1 {
            let index = indices.pop().unwrap_or(x);
            self.new_expr(ExprKind::Index {
                x,
                lbrack,
                index,
                rbrack,
            })
        } else {
            self.new_expr(ExprKind::IndexList {
                x,
                lbrack,
                indices,
                rbrack,
            })
        }
    }

    fn parse_field_decl(&mut self) -> Field {
        let doc = self.lead_comment;
        let mut names = IdentList::new();
        let ty = match self.tok {
            Token::Ident => {
                let name = self.parse_ident();
                if matches!(
                    self.tok,
                    Token::Period | Token::String | Token::Semicolon | Token::RBrace
                ) {
                    // An embedded type.
                    if self.tok == Token::Period {
                        self.parse_qualified_ident(Some(name))
                    } else {
                        self.ident_expr(name)
                    }
                } else {
                    names.push(name);
                    while self.tok == Token::Comma {
                        self.next();
                        names.push(self.parse_ident());
                    }
                    if names.len() == 1 && self.tok == Token::LBrack {
                        // `T [N]E` (a field of array type) or `T[P]` (an embedded instance).
                        let (field_name, ty) = self.parse_array_field_or_type_instance(name);
                        if field_name.is_none() {
                            names.clear();
                        }
                        ty
                    } else {
                        self.parse_type()
                    }
                }
            }
            Token::Mul => {
                let star = self.pos;
                self.next();
                let x = if self.tok == Token::LParen {
                    self.error(self.pos, "cannot parenthesize embedded type");
                    self.next();
                    let x = self.parse_qualified_ident(None);
                    if self.tok == Token::RParen {
                        self.next();
                    }
                    x
                } else {
                    self.parse_qualified_ident(None)
                };
                self.new_expr(ExprKind::Star { star, x })
            }
            Token::LParen => {
                self.error(self.pos, "cannot parenthesize embedded type");
                self.next();
                let ty = if self.tok == Token::Mul {
                    let star = self.pos;
                    self.next();
                    let x = self.parse_qualified_ident(None);
                    self.new_expr(ExprKind::Star { star, x })
                } else {
                    self.parse_qualified_ident(None)
                };
                if self.tok == Token::RParen {
                    self.next();
                }
                ty
            }
            _ => {
                let pos = self.pos;
                self.error_expected(pos, "field name or embedded type");
                self.advance(SyncSet::ExprEnd);
                self.bad_expr(pos, self.pos)
            }
        };
        let tag = if self.tok == Token::String {
            let span = self.span;
            self.next();
            Some(self.new_expr(ExprKind::BasicLit {
                kind: LitKind::String,
                span,
            }))
        } else {
            None
        };
        let comment = self.expect_semi();
        Field {
            doc,
            names,
            ty: Some(ty),
            tag,
            comment,
        }
    }

    fn parse_struct_type(&mut self) -> ExprId {
        let struct_pos = self.expect(Token::Struct);
        let lbrace = self.expect(Token::LBrace);
        let mut list = Vec::new();
        // A field cannot start with `(`, but it is accepted here for a better error.
        while matches!(self.tok, Token::Ident | Token::Mul | Token::LParen) {
            list.push(self.parse_field_decl());
        }
        let rbrace = self.expect(Token::RBrace);
        let fields = FieldList {
            opening: lbrace,
            list,
            closing: rbrace,
        };
        self.new_expr(ExprKind::StructType {
            struct_pos,
            fields,
            incomplete: false,
        })
    }

    fn parse_pointer_type(&mut self) -> ExprId {
        let star = self.expect(Token::Mul);
        let x = self.parse_type();
        self.new_expr(ExprKind::Star { star, x })
    }

    fn parse_dots_type(&mut self) -> ExprId {
        let pos = self.expect(Token::Ellipsis);
        let elt = self.parse_type();
        self.new_expr(ExprKind::Ellipsis {
            pos,
            elt: Some(elt),
        })
    }

    /// One parameter declaration: a name, a type, or a name and a type. `name` is an
    /// already parsed first name; `type_sets_ok` allows constraint elements (`~T`, `A | B`).
    fn parse_param_decl(&mut self, name: Option<Ident>, type_sets_ok: bool) -> ParamDraft {
        let mut draft = ParamDraft {
            name: None,
            ty: None,
        };
        if name.is_none() && type_sets_ok && self.tok == Token::Tilde {
            return ParamDraft {
                name: None,
                ty: Some(self.embedded_elem(None)),
            };
        }
        if name.is_some() || self.tok == Token::Ident {
            let ident = match name {
                Some(name) => name,
                None => self.parse_ident(),
            };
            draft.name = Some(ident);
            match self.tok {
                Token::Ident
                | Token::Mul
                | Token::Arrow
                | Token::Func
                | Token::Chan
                | Token::Map
                | Token::Struct
                | Token::Interface
                | Token::LParen => draft.ty = Some(self.parse_type()),
                Token::LBrack => {
                    let (name, ty) = self.parse_array_field_or_type_instance(ident);
                    draft.name = name;
                    draft.ty = Some(ty);
                }
                Token::Ellipsis => {
                    draft.ty = Some(self.parse_dots_type());
                    return draft; // no `...T | U`
                }
                Token::Period => {
                    draft.ty = Some(self.parse_qualified_ident(Some(ident)));
                    draft.name = None;
                }
                Token::Tilde if type_sets_ok => {
                    draft.ty = Some(self.embedded_elem(None));
                    return draft;
                }
                Token::Or if type_sets_ok => {
                    let first = self.ident_expr(ident);
                    draft.ty = Some(self.embedded_elem(Some(first)));
                    draft.name = None;
                    return draft;
                }
                _ => {}
            }
        } else {
            match self.tok {
                Token::Mul
                | Token::Arrow
                | Token::Func
                | Token::LBrack
                | Token::Chan
                | Token::Map
                | Token::Struct
                | Token::Interface
                | Token::LParen => draft.ty = Some(self.parse_type()),
                Token::Ellipsis => {
                    draft.ty = Some(self.parse_dots_type());
                    return draft;
                }
                _ => {
                    self.error_expected(self.pos, "')'");
                    self.advance(SyncSet::ExprEnd);
                }
            }
        }
        if type_sets_ok && self.tok == Token::Or {
            if let Some(ty) = draft.ty {
                draft.ty = Some(self.embedded_elem(Some(ty)));
            }
        }
        draft
    }

    /// The entries of a parameter or type parameter list, up to (not including) `closing`.
    /// `name0`/`typ0` are a first name or type already parsed by the caller.
    pub(super) fn parse_parameter_list(
        &mut self,
        mut name0: Option<Ident>,
        mut typ0: Option<ExprId>,
        closing: Token,
        dots_ok: bool,
    ) -> Vec<Field> {
        let type_params = closing == Token::RBrack;
        let pos0 = match (name0, typ0) {
            (Some(name), _) => name.pos(),
            (None, Some(ty)) => self.expr_pos(ty),
            (None, None) => self.pos,
        };

        let mut list: Vec<ParamDraft> = Default::default();
        let mut named = 0usize; // with an explicit name and type
        let mut typed = 0usize; // with an explicit type
        while name0.is_some() || (self.tok != closing && self.tok != Token::Eof) {
            let draft = match typ0.take() {
                Some(mut ty) => {
                    if type_params {
                        ty = self.embedded_elem(Some(ty));
                    }
                    ParamDraft {
                        name: name0,
                        ty: Some(ty),
                    }
                }
                None => self.parse_param_decl(name0, type_params),
            };
            name0 = None;
            if draft.name.is_some() || draft.ty.is_some() {
                list.push(draft);
                if draft.name.is_some() && draft.ty.is_some() {
                    named += 1;
                }
                if draft.ty.is_some() {
                    typed += 1;
                }
            }
            if !self.at_comma("parameter list", closing) {
                break;
            }
            self.next();
        }
        if list.is_empty() {
            return Default::default();
        }

        if named == 0 {
            // Only types: the names found are type names.
            for draft in &mut list {
                if let Some(name) = draft.name.take() {
                    draft.ty = Some(self.ident_expr(name));
                }
            }
            if type_params {
                let (err_pos, msg) = if named == typed {
                    (self.pos, "missing type constraint".to_owned())
                } else {
                    let mut msg = String::from("missing type parameter name");
                    if list.len() == 1 {
                        msg.push_str(" or invalid array length");
                    }
                    (pos0, msg)
                };
                self.error(err_pos, msg);
            }
        } else if named != list.len() {
            // Some are named: all must be. Distribute types from right to left.
            let mut err_pos = Pos::NONE;
            let mut current_ty: Option<ExprId> = None;
            for draft in list.iter_mut().rev() {
                if let Some(ty) = draft.ty {
                    current_ty = Some(ty);
                    if draft.name.is_none() {
                        err_pos = self.arenas().expr_pos(ty);
                        draft.name = Some(Ident::synthetic_blank(err_pos));
                    }
                } else if current_ty.is_some() {
                    draft.ty = current_ty;
                } else if let Some(name) = draft.name {
                    err_pos = name.pos();
                    let to = self.pos;
                    draft.ty = Some(self.bad_expr(err_pos, to));
                }
            }
            if err_pos.is_valid() {
                let msg = if named == typed {
                    err_pos = self.pos;
                    if type_params {
                        "missing type constraint".to_owned()
                    } else {
                        "missing parameter type".to_owned()
                    }
                } else if type_params {
                    let mut msg = String::from("missing type parameter name");
                    if list.len() == 1 {
                        msg.push_str(" or invalid array length");
                    }
                    msg
                } else {
                    "missing parameter name".to_owned()
                };
                self.error(err_pos, msg);
            }
        }

        // `...T` only as the type of the final parameter.
        let mut reported = false;
        let count = list.len();
        for (index, draft) in list.iter_mut().enumerate() {
            let Some(ty) = draft.ty else { continue };
            let ExprKind::Ellipsis { pos: dots, .. } = *self.expr_kind(ty) else {
                continue;
            };
            if dots_ok && index + 1 == count {
                continue;
            }
            if !reported {
                reported = true;
                let msg = if dots_ok {
                    "can only use ... with final parameter"
                } else {
                    "invalid use of ..."
                };
                self.error(dots, msg);
            }
            let end = self.expr_end(ty);
            draft.ty = Some(self.bad_expr(dots, end));
        }

        if named == 0 {
            return list
                .into_iter()
                .map(|draft| Field {
                    doc: None,
                    names: Default::default(),
                    ty: draft.ty,
                    tag: None,
                    comment: None,
                })
                .collect();
        }
        // Consecutive names sharing one type node form one field.
        let mut fields: Vec<Field> = Default::default();
        let mut names = IdentList::new();
        let mut group_ty: Option<ExprId> = None;
        for draft in list {
            if draft.ty != group_ty {
                if !names.is_empty() {
                    fields.push(Field {
                        doc: None,
                        names: std::mem::take(&mut names),
                        ty: group_ty,
                        tag: None,
                        comment: None,
                    });
                }
                group_ty = draft.ty;
            }
            if let Some(name) = draft.name {
                names.push(name);
            }
        }
        if !names.is_empty() {
            fields.push(Field {
                doc: None,
                names,
                ty: group_ty,
                tag: None,
                comment: None,
            });
        }
        fields
    }

    pub(super) fn parse_type_parameters(&mut self) -> Option<FieldList> {
        let lbrack = self.expect(Token::LBrack);
        let list = if self.tok != Token::RBrack {
            self.parse_parameter_list(None, None, Token::RBrack, false)
        } else {
            Default::default()
        };
        let rbrack = self.expect(Token::RBrack);
        if list.is_empty() {
            self.error(rbrack, "empty type parameter list");
            return None;
        }
        Some(FieldList {
            opening: lbrack,
            list,
            closing: rbrack,
        })
    }

    /// A parameter list, or for results also a single unparenthesised type.
    pub(super) fn parse_parameters(&mut self, result: bool) -> Option<FieldList> {
        if !result || self.tok == Token::LParen {
            let lparen = self.expect(Token::LParen);
            let list = if self.tok != Token::RParen {
                self.parse_parameter_list(None, None, Token::RParen, !result)
            } else {
                Default::default()
            };
            let rparen = self.expect(Token::RParen);
            return Some(FieldList {
                opening: lparen,
                list,
                closing: rparen,
            });
        }
        let ty = self.try_ident_or_type()?;
        let field = Field {
            doc: None,
            names: Default::default(),
            ty: Some(ty),
            tag: None,
            comment: None,
        };
        Some(FieldList {
            opening: Pos::NONE,
            list: vec![field],
            closing: Pos::NONE,
        })
    }

    pub(super) fn parse_func_type(&mut self) -> FuncType {
        let func_pos = self.expect(Token::Func);
        if self.tok == Token::LBrack {
            // Accepted for better recovery, but a function type has no type parameters.
            if let Some(type_params) = self.parse_type_parameters() {
                self.error(
                    type_params.opening,
                    "function type must have no type parameters",
                );
            }
        }
        let params = self.parse_parameters(false).unwrap_or_default();
        let results = self.parse_parameters(true);
        FuncType {
            func_pos,
            type_params: None,
            params,
            results,
        }
    }

    /// A method, or an embedded (possibly instantiated) type, in an interface.
    fn parse_method_spec(&mut self) -> Field {
        let doc = self.lead_comment;
        let mut names = IdentList::new();
        let x = self.parse_type_name(None);
        let ty = if let ExprKind::Ident(ident) = *self.expr_kind(x) {
            match self.tok {
                Token::LBrack => {
                    // A generic method (an error) or an embedded instantiated type.
                    let lbrack = self.pos;
                    self.next();
                    self.expr_level += 1;
                    let first = self.parse_expr();
                    self.expr_level -= 1;
                    let first_name = match *self.expr_kind(first) {
                        ExprKind::Ident(name) => Some(name),
                        _ => None,
                    };
                    match first_name {
                        Some(name0) if self.tok != Token::Comma && self.tok != Token::RBrack => {
                            self.parse_parameter_list(Some(name0), None, Token::RBrack, false);
                            self.expect(Token::RBrack);
                            self.error(lbrack, "interface method must have no type parameters");
                            let params = self.parse_parameters(false).unwrap_or_default();
                            let results = self.parse_parameters(true);
                            names.push(ident);
                            let func = FuncType {
                                func_pos: Pos::NONE,
                                type_params: None,
                                params,
                                results,
                            };
                            self.new_expr(ExprKind::FuncType(Box::new(func)))
                        }
                        _ => {
                            let mut list: ExprList = smallvec::smallvec![first];
                            if self.at_comma("type argument list", Token::RBrack) {
                                self.expr_level += 1;
                                self.next();
                                while self.tok != Token::RBrack && self.tok != Token::Eof {
                                    list.push(self.parse_type());
                                    if !self.at_comma("type argument list", Token::RBrack) {
                                        break;
                                    }
                                    self.next();
                                }
                                self.expr_level -= 1;
                            }
                            let rbrack = self.expect_closing(Token::RBrack, "type argument list");
                            self.pack_index_expr(x, lbrack, list, rbrack)
                        }
                    }
                }
                Token::LParen => {
                    let params = self.parse_parameters(false).unwrap_or_default();
                    let results = self.parse_parameters(true);
                    names.push(ident);
                    let func = FuncType {
                        func_pos: Pos::NONE,
                        type_params: None,
                        params,
                        results,
                    };
                    self.new_expr(ExprKind::FuncType(Box::new(func)))
                }
                _ => x,
            }
        } else if self.tok == Token::LBrack {
            self.parse_type_instance(x)
        } else {
            x
        };
        Field {
            doc,
            names,
            ty: Some(ty),
            tag: None,
            comment: None,
        }
    }

    /// A constraint element: terms joined by `|`; `x` is an already parsed first term.
    pub(super) fn embedded_elem(&mut self, x: Option<ExprId>) -> ExprId {
        let mut x = match x {
            Some(x) => x,
            None => self.embedded_term(),
        };
        while self.tok == Token::Or {
            let op_pos = self.pos;
            self.next();
            let y = self.embedded_term();
            x = self.new_expr(ExprKind::Binary {
                x,
                op_pos,
                op: Token::Or,
                y,
            });
        }
        x
    }

    fn embedded_term(&mut self) -> ExprId {
        if self.tok == Token::Tilde {
            let op_pos = self.pos;
            self.next();
            let x = self.parse_type();
            return self.new_expr(ExprKind::Unary {
                op_pos,
                op: Token::Tilde,
                x,
            });
        }
        match self.try_ident_or_type() {
            Some(ty) => ty,
            None => {
                let pos = self.pos;
                self.error_expected(pos, "~ term or type");
                self.advance(SyncSet::ExprEnd);
                self.bad_expr(pos, self.pos)
            }
        }
    }

    fn parse_interface_type(&mut self) -> ExprId {
        let interface_pos = self.expect(Token::Interface);
        let lbrace = self.expect(Token::LBrace);
        let mut list = Vec::new();
        loop {
            match self.tok {
                Token::Ident => {
                    let mut field = self.parse_method_spec();
                    if field.names.is_empty() {
                        field.ty = field.ty.map(|ty| self.embedded_elem(Some(ty)));
                    }
                    field.comment = self.expect_semi();
                    list.push(field);
                }
                Token::Tilde => {
                    let ty = self.embedded_elem(None);
                    let comment = self.expect_semi();
                    list.push(Field {
                        doc: None,
                        names: Default::default(),
                        ty: Some(ty),
                        tag: None,
                        comment,
                    });
                }
                _ => match self.try_ident_or_type() {
                    Some(term) => {
                        let ty = self.embedded_elem(Some(term));
                        let comment = self.expect_semi();
                        list.push(Field {
                            doc: None,
                            names: Default::default(),
                            ty: Some(ty),
                            tag: None,
                            comment,
                        });
                    }
                    None => break,
                },
            }
        }
        let rbrace = self.expect(Token::RBrace);
        let methods = FieldList {
            opening: lbrace,
            list,
            closing: rbrace,
        };
        self.new_expr(ExprKind::InterfaceType {
            interface_pos,
            methods,
            incomplete: false,
        })
    }

    fn parse_map_type(&mut self) -> ExprId {
        let map_pos = self.expect(Token::Map);
        self.expect(Token::LBrack);
        let key = self.parse_type();
        self.expect(Token::RBrack);
        let value = self.parse_type();
        self.new_expr(ExprKind::MapType {
            map_pos,
            key,
            value,
        })
    }

    fn parse_chan_type(&mut self) -> ExprId {
        let begin = self.pos;
        let mut arrow = Pos::NONE;
        let dir = if self.tok == Token::Chan {
            self.next();
            if self.tok == Token::Arrow {
                arrow = self.pos;
                self.next();
                ChanDir::Send
            } else {
                ChanDir::Both
            }
        } else {
            arrow = self.expect(Token::Arrow);
            self.expect(Token::Chan);
            ChanDir::Recv
        };
        let value = self.parse_type();
        self.new_expr(ExprKind::ChanType {
            begin,
            arrow,
            dir,
            value,
        })
    }

    /// `[A, B, ...]` after a type name.
    pub(super) fn parse_type_instance(&mut self, ty: ExprId) -> ExprId {
        let opening = self.expect(Token::LBrack);
        self.expr_level += 1;
        let mut list = ExprList::new();
        while self.tok != Token::RBrack && self.tok != Token::Eof {
            list.push(self.parse_type());
            if !self.at_comma("type argument list", Token::RBrack) {
                break;
            }
            self.next();
        }
        self.expr_level -= 1;
        let closing = self.expect_closing(Token::RBrack, "type argument list");
        if list.is_empty() {
            self.error_expected(closing, "type argument list");
            let index = self.bad_expr(opening.plus(1), closing);
            return self.new_expr(ExprKind::Index {
                x: ty,
                lbrack: opening,
                index,
                rbrack: closing,
            });
        }
        self.pack_index_expr(ty, opening, list, closing)
    }

    /// A type, or None (consuming nothing) if the current token cannot start one.
    pub(super) fn try_ident_or_type(&mut self) -> Option<ExprId> {
        if !self.enter_nest() {
            self.leave_nest(1);
            return Some(self.bad_expr(self.pos, self.pos));
        }
        let result = self.grow(|p| p.try_ident_or_type_inner());
        self.leave_nest(1);
        result
    }

    fn try_ident_or_type_inner(&mut self) -> Option<ExprId> {
        Some(match self.tok {
            Token::Ident => {
                let ty = self.parse_type_name(None);
                if self.tok == Token::LBrack {
                    self.parse_type_instance(ty)
                } else {
                    ty
                }
            }
            Token::LBrack => {
                let lbrack = self.expect(Token::LBrack);
                self.parse_array_type(lbrack, None)
            }
            Token::Struct => self.parse_struct_type(),
            Token::Mul => self.parse_pointer_type(),
            Token::Func => {
                let ty = self.parse_func_type();
                self.new_expr(ExprKind::FuncType(Box::new(ty)))
            }
            Token::Interface => self.parse_interface_type(),
            Token::Map => self.parse_map_type(),
            Token::Chan | Token::Arrow => self.parse_chan_type(),
            Token::LParen => {
                let lparen = self.pos;
                self.next();
                let x = self.parse_type();
                let rparen = self.expect(Token::RParen);
                self.new_expr(ExprKind::Paren { lparen, x, rparen })
            }
            _ => return None,
        })
    }
}
