//! Start and end positions of AST nodes, with go/ast's `Pos()` and `End()` rules.
//!
//! Both walk down to the first or last child, so they are written as loops: a chain of
//! 100 000 nested unary expressions must not need 100 000 stack frames.

use crate::ast::*;
use crate::pos::Pos;

/// A node whose start or end is being looked for.
#[derive(Clone, Copy)]
enum Node<'a> {
    Expr(ExprId),
    Stmt(StmtId),
    Block(&'a Block),
    FieldList(&'a FieldList),
    Field(&'a Field),
    FuncType(&'a FuncType),
    Spec(&'a Spec),
    GenDecl(&'a GenDecl),
}

/// One step of the walk: either a final position or the child that decides it.
enum Step<'a> {
    Done(Pos),
    Into(Node<'a>),
}

impl File {
    /// Position queries over this file's arenas.
    pub fn arenas(&self) -> NodeArenas<'_> {
        NodeArenas {
            exprs: &self.exprs,
            stmts: &self.stmts,
        }
    }

    pub fn expr_pos(&self, id: ExprId) -> Pos {
        self.arenas().expr_pos(id)
    }

    pub fn expr_end(&self, id: ExprId) -> Pos {
        self.arenas().expr_end(id)
    }

    pub fn stmt_pos(&self, id: StmtId) -> Pos {
        self.arenas().stmt_pos(id)
    }

    pub fn stmt_end(&self, id: StmtId) -> Pos {
        self.arenas().stmt_end(id)
    }

    pub fn block_end(&self, block: &Block) -> Pos {
        self.arenas().block_end(block)
    }

    pub fn field_pos(&self, field: &Field) -> Pos {
        self.arenas().field_pos(field)
    }

    pub fn field_end(&self, field: &Field) -> Pos {
        self.arenas().field_end(field)
    }

    pub fn field_list_pos(&self, list: &FieldList) -> Pos {
        self.arenas().field_list_pos(list)
    }

    pub fn field_list_end(&self, list: &FieldList) -> Pos {
        self.arenas().field_list_end(list)
    }

    pub fn func_type_pos(&self, ty: &FuncType) -> Pos {
        self.arenas().func_type_pos(ty)
    }

    pub fn func_type_end(&self, ty: &FuncType) -> Pos {
        self.arenas().func_type_end(ty)
    }

    pub fn spec_pos(&self, spec: &Spec) -> Pos {
        self.arenas().spec_pos(spec)
    }

    pub fn spec_end(&self, spec: &Spec) -> Pos {
        self.arenas().spec_end(spec)
    }

    pub fn gen_decl_end(&self, decl: &GenDecl) -> Pos {
        self.arenas().gen_decl_end(decl)
    }

    pub fn decl_pos(&self, decl: &Decl) -> Pos {
        self.arenas().decl_pos(decl)
    }

    pub fn decl_end(&self, decl: &Decl) -> Pos {
        self.arenas().decl_end(decl)
    }
}

/// Borrowed expression and statement arenas: enough to answer position queries, both on a
/// finished [`File`] and on the arenas the parser is still filling.
#[derive(Clone, Copy)]
pub struct NodeArenas<'a> {
    pub exprs: &'a [Expr],
    pub stmts: &'a [Stmt],
}

impl<'a> NodeArenas<'a> {
    fn expr(&self, id: ExprId) -> &'a Expr {
        &self.exprs[id.0 as usize]
    }

    fn stmt(&self, id: StmtId) -> &'a Stmt {
        &self.stmts[id.0 as usize]
    }
}

impl NodeArenas<'_> {
    pub fn expr_pos(&self, id: ExprId) -> Pos {
        self.start_of(Node::Expr(id))
    }

    pub fn expr_end(&self, id: ExprId) -> Pos {
        self.end_of(Node::Expr(id))
    }

    pub fn stmt_pos(&self, id: StmtId) -> Pos {
        self.start_of(Node::Stmt(id))
    }

    pub fn stmt_end(&self, id: StmtId) -> Pos {
        self.end_of(Node::Stmt(id))
    }

    pub fn block_end(&self, block: &Block) -> Pos {
        self.end_of(Node::Block(block))
    }

    pub fn field_pos(&self, field: &Field) -> Pos {
        self.start_of(Node::Field(field))
    }

    pub fn field_end(&self, field: &Field) -> Pos {
        self.end_of(Node::Field(field))
    }

    pub fn field_list_pos(&self, list: &FieldList) -> Pos {
        self.start_of(Node::FieldList(list))
    }

    pub fn field_list_end(&self, list: &FieldList) -> Pos {
        self.end_of(Node::FieldList(list))
    }

    pub fn func_type_pos(&self, ty: &FuncType) -> Pos {
        self.start_of(Node::FuncType(ty))
    }

    pub fn func_type_end(&self, ty: &FuncType) -> Pos {
        self.end_of(Node::FuncType(ty))
    }

    pub fn spec_pos(&self, spec: &Spec) -> Pos {
        self.start_of(Node::Spec(spec))
    }

    pub fn spec_end(&self, spec: &Spec) -> Pos {
        self.end_of(Node::Spec(spec))
    }

    pub fn gen_decl_end(&self, decl: &GenDecl) -> Pos {
        self.end_of(Node::GenDecl(decl))
    }

    pub fn decl_pos(&self, decl: &Decl) -> Pos {
        match decl {
            Decl::Bad { from, .. } => *from,
            Decl::Gen(gen, _) => gen.tok_pos,
            Decl::Func(func) => func.ty.func_pos,
        }
    }

    pub fn decl_end(&self, decl: &Decl) -> Pos {
        match decl {
            Decl::Bad { to, .. } => *to,
            Decl::Gen(gen, _) => self.gen_decl_end(gen),
            Decl::Func(func) => match &func.body {
                Some(body) => self.block_end(body),
                None => self.func_type_end(&func.ty),
            },
        }
    }
}

impl<'n> NodeArenas<'n> {
    fn start_of<'x>(&self, mut node: Node<'x>) -> Pos
    where
        'n: 'x,
    {
        loop {
            match self.start_step(node) {
                Step::Done(pos) => return pos,
                Step::Into(child) => node = child,
            }
        }
    }

    fn end_of<'x>(&self, mut node: Node<'x>) -> Pos
    where
        'n: 'x,
    {
        loop {
            match self.end_step(node) {
                Step::Done(pos) => return pos,
                Step::Into(child) => node = child,
            }
        }
    }

    fn start_step<'x>(&self, node: Node<'x>) -> Step<'x>
    where
        'n: 'x,
    {
        use Step::{Done, Into};
        match node {
            Node::Expr(id) => match &self.expr(id).kind {
                ExprKind::Bad { from, .. } => Done(*from),
                ExprKind::Ident(ident) => Done(ident.pos()),
                ExprKind::Ellipsis { pos, .. } => Done(*pos),
                ExprKind::BasicLit { span, .. } => Done(span.pos()),
                ExprKind::FuncLit { ty, .. } => Into(Node::FuncType(ty)),
                ExprKind::CompositeLit { ty: Some(ty), .. } => Into(Node::Expr(*ty)),
                ExprKind::CompositeLit { lbrace, .. } => Done(*lbrace),
                ExprKind::Paren { lparen, .. } => Done(*lparen),
                ExprKind::Selector { x, .. }
                | ExprKind::Index { x, .. }
                | ExprKind::IndexList { x, .. }
                | ExprKind::Slice { x, .. }
                | ExprKind::TypeAssert { x, .. }
                | ExprKind::Binary { x, .. } => Into(Node::Expr(*x)),
                ExprKind::Call { fun, .. } => Into(Node::Expr(*fun)),
                ExprKind::Star { star, .. } => Done(*star),
                ExprKind::Unary { op_pos, .. } => Done(*op_pos),
                ExprKind::KeyValue { key, .. } => Into(Node::Expr(*key)),
                ExprKind::ArrayType { lbrack, .. } => Done(*lbrack),
                ExprKind::StructType { struct_pos, .. } => Done(*struct_pos),
                ExprKind::FuncType(ty) => Into(Node::FuncType(ty)),
                ExprKind::InterfaceType { interface_pos, .. } => Done(*interface_pos),
                ExprKind::MapType { map_pos, .. } => Done(*map_pos),
                ExprKind::ChanType { begin, .. } => Done(*begin),
            },
            Node::Stmt(id) => match &self.stmt(id).kind {
                StmtKind::Bad { from, .. } => Done(*from),
                StmtKind::Decl(gen) => Done(gen.tok_pos),
                StmtKind::Empty { semicolon, .. } => Done(*semicolon),
                StmtKind::Labeled { label, .. } => Done(label.pos()),
                StmtKind::Expr(x) => Into(Node::Expr(*x)),
                StmtKind::Send { chan, .. } => Into(Node::Expr(*chan)),
                StmtKind::IncDec { x, .. } => Into(Node::Expr(*x)),
                StmtKind::Assign { lhs, tok_pos, .. } => match lhs.first() {
                    Some(first) => Into(Node::Expr(*first)),
                    None => Done(*tok_pos),
                },
                StmtKind::Go { go_pos, .. } => Done(*go_pos),
                StmtKind::Defer { defer_pos, .. } => Done(*defer_pos),
                StmtKind::Return { return_pos, .. } => Done(*return_pos),
                StmtKind::Branch { tok_pos, .. } => Done(*tok_pos),
                StmtKind::Block(block) => Done(block.lbrace),
                StmtKind::If { if_pos, .. } => Done(*if_pos),
                StmtKind::CaseClause { case_pos, .. } | StmtKind::CommClause { case_pos, .. } => {
                    Done(*case_pos)
                }
                StmtKind::Switch { switch_pos, .. } | StmtKind::TypeSwitch { switch_pos, .. } => {
                    Done(*switch_pos)
                }
                StmtKind::Select { select_pos, .. } => Done(*select_pos),
                StmtKind::For { for_pos, .. } | StmtKind::Range { for_pos, .. } => Done(*for_pos),
            },
            Node::Block(block) => Done(block.lbrace),
            Node::FieldList(list) => {
                if list.opening.is_valid() {
                    Done(list.opening)
                } else if let Some(first) = list.list.first() {
                    Into(Node::Field(first))
                } else {
                    Done(Pos::NONE)
                }
            }
            Node::Field(field) => match (field.names.first(), field.ty) {
                (Some(name), _) => Done(name.pos()),
                (None, Some(ty)) => Into(Node::Expr(ty)),
                (None, None) => Done(Pos::NONE),
            },
            Node::FuncType(ty) => {
                if ty.func_pos.is_valid() {
                    Done(ty.func_pos)
                } else {
                    Into(Node::FieldList(&ty.params))
                }
            }
            Node::Spec(spec) => match spec {
                Spec::Import(import) => match import.name {
                    Some(name) => Done(name.pos()),
                    None => Into(Node::Expr(import.path)),
                },
                Spec::Value(value) => match value.names.first() {
                    Some(name) => Done(name.pos()),
                    None => Done(Pos::NONE),
                },
                Spec::Type(ty) => Done(ty.name.pos()),
            },
            Node::GenDecl(gen) => Done(gen.tok_pos),
        }
    }

    fn end_step<'x>(&self, node: Node<'x>) -> Step<'x>
    where
        'n: 'x,
    {
        use Step::{Done, Into};
        match node {
            Node::Expr(id) => match &self.expr(id).kind {
                ExprKind::Bad { to, .. } => Done(*to),
                ExprKind::Ident(ident) => Done(ident.end()),
                ExprKind::Ellipsis { pos, elt } => match elt {
                    Some(elt) => Into(Node::Expr(*elt)),
                    None => Done(pos.plus(3)),
                },
                ExprKind::BasicLit { span, .. } => Done(span.end_pos()),
                ExprKind::FuncLit { body, .. } => Into(Node::Block(body)),
                ExprKind::CompositeLit { rbrace, .. } => Done(rbrace.plus(1)),
                ExprKind::Paren { rparen, .. } => Done(rparen.plus(1)),
                ExprKind::Selector { sel, .. } => Done(sel.end()),
                ExprKind::Index { rbrack, .. }
                | ExprKind::IndexList { rbrack, .. }
                | ExprKind::Slice { rbrack, .. } => Done(rbrack.plus(1)),
                ExprKind::TypeAssert { rparen, .. } | ExprKind::Call { rparen, .. } => {
                    Done(rparen.plus(1))
                }
                ExprKind::Star { x, .. } | ExprKind::Unary { x, .. } => Into(Node::Expr(*x)),
                ExprKind::Binary { y, .. } => Into(Node::Expr(*y)),
                ExprKind::KeyValue { value, .. } => Into(Node::Expr(*value)),
                ExprKind::ArrayType { elt, .. } => Into(Node::Expr(*elt)),
                ExprKind::StructType { fields, .. } => Into(Node::FieldList(fields)),
                ExprKind::FuncType(ty) => Into(Node::FuncType(ty)),
                ExprKind::InterfaceType { methods, .. } => Into(Node::FieldList(methods)),
                ExprKind::MapType { value, .. } | ExprKind::ChanType { value, .. } => {
                    Into(Node::Expr(*value))
                }
            },
            Node::Stmt(id) => match &self.stmt(id).kind {
                StmtKind::Bad { to, .. } => Done(*to),
                StmtKind::Decl(gen) => Into(Node::GenDecl(gen)),
                StmtKind::Empty {
                    semicolon,
                    implicit,
                } => Done(if *implicit {
                    *semicolon
                } else {
                    semicolon.plus(1)
                }),
                StmtKind::Labeled { stmt, .. } => Into(Node::Stmt(*stmt)),
                StmtKind::Expr(x) => Into(Node::Expr(*x)),
                StmtKind::Send { value, .. } => Into(Node::Expr(*value)),
                StmtKind::IncDec { tok_pos, .. } => Done(tok_pos.plus(2)),
                StmtKind::Assign { rhs, tok_pos, .. } => match rhs.last() {
                    Some(last) => Into(Node::Expr(*last)),
                    None => Done(*tok_pos),
                },
                StmtKind::Go { call, .. } | StmtKind::Defer { call, .. } => Into(Node::Expr(*call)),
                StmtKind::Return {
                    return_pos,
                    results,
                } => match results.last() {
                    Some(last) => Into(Node::Expr(*last)),
                    None => Done(return_pos.plus(6)),
                },
                StmtKind::Branch {
                    tok_pos,
                    tok,
                    label,
                } => match label {
                    Some(label) => Done(label.end()),
                    None => Done(tok_pos.plus(tok.as_str().len() as u32)),
                },
                StmtKind::Block(block) => Into(Node::Block(block)),
                StmtKind::If { body, else_, .. } => match else_ {
                    Some(else_) => Into(Node::Stmt(*else_)),
                    None => Into(Node::Block(body)),
                },
                StmtKind::CaseClause { colon, body, .. }
                | StmtKind::CommClause { colon, body, .. } => match body.last() {
                    Some(last) => Into(Node::Stmt(*last)),
                    None => Done(colon.plus(1)),
                },
                StmtKind::Switch { body, .. }
                | StmtKind::TypeSwitch { body, .. }
                | StmtKind::Select { body, .. }
                | StmtKind::For { body, .. }
                | StmtKind::Range { body, .. } => Into(Node::Block(body)),
            },
            Node::Block(block) => {
                if block.rbrace.is_valid() {
                    Done(block.rbrace.plus(1))
                } else if let Some(last) = block.stmts.last() {
                    Into(Node::Stmt(*last))
                } else {
                    Done(block.lbrace.plus(1))
                }
            }
            Node::FieldList(list) => {
                if list.closing.is_valid() {
                    Done(list.closing.plus(1))
                } else if let Some(last) = list.list.last() {
                    Into(Node::Field(last))
                } else {
                    Done(Pos::NONE)
                }
            }
            Node::Field(field) => match (field.tag, field.ty, field.names.last()) {
                (Some(tag), _, _) => Into(Node::Expr(tag)),
                (None, Some(ty), _) => Into(Node::Expr(ty)),
                (None, None, Some(name)) => Done(name.end()),
                (None, None, None) => Done(Pos::NONE),
            },
            Node::FuncType(ty) => match &ty.results {
                Some(results) => Into(Node::FieldList(results)),
                None => Into(Node::FieldList(&ty.params)),
            },
            Node::Spec(spec) => match spec {
                Spec::Import(import) => Into(Node::Expr(import.path)),
                Spec::Value(value) => {
                    if let Some(last) = value.values.last() {
                        Into(Node::Expr(*last))
                    } else if let Some(ty) = value.ty {
                        Into(Node::Expr(ty))
                    } else if let Some(name) = value.names.last() {
                        Done(name.end())
                    } else {
                        Done(Pos::NONE)
                    }
                }
                Spec::Type(ty) => Into(Node::Expr(ty.ty)),
            },
            Node::GenDecl(gen) => {
                if gen.rparen.is_valid() {
                    Done(gen.rparen.plus(1))
                } else if let Some(first) = gen.specs.first() {
                    Into(Node::Spec(first))
                } else {
                    Done(Pos::NONE)
                }
            }
        }
    }
}
