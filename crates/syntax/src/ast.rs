//! The typed syntax tree of one Go source file.
//!
//! The shape follows `go/ast` node for node (so that the tree can be compared with go/parser's,
//! and so that later passes read like go/types), with two differences of representation:
//!
//! * Expressions and statements live in arenas owned by [`File`] and refer to each other by
//!   [`ExprId`] / [`StmtId`]. No node owns another through a `Box`, so dropping a 100 000-deep
//!   tree cannot overflow the stack, and the whole tree is `Send + Sync`.
//! * Names and literal values are not copied: an [`Ident`] or a [`ExprKind::BasicLit`] holds the
//!   span of its text, read back with [`File::text`].
//!
//! Positions are byte offsets ([`Pos`]); go/ast's `token.NoPos` is [`Pos::NONE`].

use crate::line_table::LineTable;
use crate::pos::{Pos, Span};
use crate::token::Token;
use smallvec::SmallVec;

/// Lists of children. Most are short (one argument, one result, a block of a few
/// statements), so the first few entries are stored inline, without an allocation.
pub type ExprList = SmallVec<[ExprId; 4]>;
pub type StmtList = SmallVec<[StmtId; 4]>;
pub type IdentList = SmallVec<[Ident; 2]>;

/// Index of an expression in [`File::exprs`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct ExprId(pub u32);

/// Index of a statement in [`File::stmts`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct StmtId(pub u32);

/// Index of a comment group in [`File::comments`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct CommentGroupId(pub u32);

/// A name: go/ast's `*ast.Ident` where the grammar requires a name (field names, labels, ...).
/// In expression position an identifier is an [`ExprKind::Ident`] holding one of these.
///
/// An empty span stands for the blank name `_` that go/parser invents where a name is
/// missing after a syntax error; such an ident still ends one byte after its position, as
/// go/ast's `Ident.End` says.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Ident {
    pub span: Span,
}

impl Ident {
    /// The blank name `_` invented at `pos` by error recovery.
    pub fn synthetic_blank(pos: Pos) -> Ident {
        Ident {
            span: Span::new(pos.0, pos.0),
        }
    }

    pub fn pos(self) -> Pos {
        self.span.pos()
    }

    pub fn end(self) -> Pos {
        Pos(self.span.start + self.span.len().max(1))
    }

    pub fn is_synthetic(self) -> bool {
        self.span.is_empty()
    }
}

/// The kind of a basic literal (go/ast `BasicLit.Kind`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum LitKind {
    Int,
    Float,
    Imag,
    Char,
    String,
}

impl LitKind {
    pub fn token(self) -> Token {
        match self {
            LitKind::Int => Token::Int,
            LitKind::Float => Token::Float,
            LitKind::Imag => Token::Imag,
            LitKind::Char => Token::Char,
            LitKind::String => Token::String,
        }
    }
}

/// Direction of a channel type (go/ast `ChanDir`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum ChanDir {
    /// `chan T`
    Both,
    /// `chan<- T`
    Send,
    /// `<-chan T`
    Recv,
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
}

/// Expressions and types (go/ast's `Expr` implementations).
#[derive(Clone, Debug)]
pub enum ExprKind {
    /// A syntax error in expression position, covering `from..to`.
    Bad {
        from: Pos,
        to: Pos,
    },
    Ident(Ident),
    /// `...T` in a parameter list, or `[...]T` (then `elt` is `None`).
    Ellipsis {
        pos: Pos,
        elt: Option<ExprId>,
    },
    /// A literal; `span` covers its source text (for raw strings, carriage returns included).
    BasicLit {
        kind: LitKind,
        span: Span,
    },
    /// The signature is boxed to keep every [`Expr`] small.
    FuncLit {
        ty: Box<FuncType>,
        body: Block,
    },
    CompositeLit {
        ty: Option<ExprId>,
        lbrace: Pos,
        elts: ExprList,
        rbrace: Pos,
        /// True if the source lacked elements that a syntax error dropped.
        incomplete: bool,
    },
    Paren {
        lparen: Pos,
        x: ExprId,
        rparen: Pos,
    },
    Selector {
        x: ExprId,
        sel: Ident,
    },
    Index {
        x: ExprId,
        lbrack: Pos,
        index: ExprId,
        rbrack: Pos,
    },
    /// `x[a, b, ...]`: an instantiation with more than one type argument.
    IndexList {
        x: ExprId,
        lbrack: Pos,
        indices: ExprList,
        rbrack: Pos,
    },
    Slice {
        x: ExprId,
        lbrack: Pos,
        low: Option<ExprId>,
        high: Option<ExprId>,
        max: Option<ExprId>,
        slice3: bool,
        rbrack: Pos,
    },
    /// `x.(T)`; `ty` is `None` for the `x.(type)` of a type switch.
    TypeAssert {
        x: ExprId,
        lparen: Pos,
        ty: Option<ExprId>,
        rparen: Pos,
    },
    Call {
        fun: ExprId,
        lparen: Pos,
        args: ExprList,
        /// Position of a trailing `...` (`f(xs...)`), or NONE.
        ellipsis: Pos,
        rparen: Pos,
    },
    /// `*x`: a dereference or a pointer type.
    Star {
        star: Pos,
        x: ExprId,
    },
    /// `op x` for `+ - ! ^ * & <- ~` (a `*x` is [`ExprKind::Star`] instead).
    Unary {
        op_pos: Pos,
        op: Token,
        x: ExprId,
    },
    Binary {
        x: ExprId,
        op_pos: Pos,
        op: Token,
        y: ExprId,
    },
    /// `key: value` inside a composite literal.
    KeyValue {
        key: ExprId,
        colon: Pos,
        value: ExprId,
    },

    /// `[len]elt`; `len` is `None` for a slice type and an [`ExprKind::Ellipsis`] for `[...]T`.
    ArrayType {
        lbrack: Pos,
        len: Option<ExprId>,
        elt: ExprId,
    },
    StructType {
        struct_pos: Pos,
        fields: FieldList,
        incomplete: bool,
    },
    FuncType(Box<FuncType>),
    InterfaceType {
        interface_pos: Pos,
        methods: FieldList,
        incomplete: bool,
    },
    MapType {
        map_pos: Pos,
        key: ExprId,
        value: ExprId,
    },
    /// `chan T`, `chan<- T`, `<-chan T`; `begin` is the position of `chan` or of `<-`,
    /// `arrow` the position of the arrow (NONE for `chan T`).
    ChanType {
        begin: Pos,
        arrow: Pos,
        dir: ChanDir,
        value: ExprId,
    },
}

/// A function signature (go/ast `FuncType`).
#[derive(Clone, Debug)]
pub struct FuncType {
    /// Position of `func`, or NONE (interface methods, and declarations whose
    /// signature is written after the name).
    pub func_pos: Pos,
    pub type_params: Option<FieldList>,
    pub params: FieldList,
    pub results: Option<FieldList>,
}

/// A parenthesised, braced or bracketed list of fields (go/ast `FieldList`).
#[derive(Clone, Debug)]
pub struct FieldList {
    /// Position of `(`, `{` or `[`, or NONE (a single unparenthesised result).
    pub opening: Pos,
    pub list: Vec<Field>,
    pub closing: Pos,
}

impl Default for FieldList {
    /// An empty list without delimiters.
    fn default() -> FieldList {
        FieldList {
            opening: Pos::NONE,
            list: Vec::new(),
            closing: Pos::NONE,
        }
    }
}

/// One entry of a [`FieldList`]: struct fields, interface methods and embedded types,
/// parameters, results, type parameters.
#[derive(Clone, Debug)]
pub struct Field {
    pub doc: Option<CommentGroupId>,
    /// Empty for unnamed parameters and embedded fields.
    pub names: IdentList,
    /// `None` only in erroneous code.
    pub ty: Option<ExprId>,
    /// A struct field tag: a [`ExprKind::BasicLit`] string.
    pub tag: Option<ExprId>,
    pub comment: Option<CommentGroupId>,
}

/// A `{ ... }` block (go/ast `BlockStmt` when used as a body).
#[derive(Clone, Debug)]
pub struct Block {
    pub lbrace: Pos,
    pub stmts: StmtList,
    /// Position of `}`; NONE if the block was not closed.
    pub rbrace: Pos,
}

#[derive(Clone, Debug)]
pub struct Stmt {
    pub kind: StmtKind,
}

/// Statements (go/ast's `Stmt` implementations).
#[derive(Clone, Debug)]
pub enum StmtKind {
    Bad {
        from: Pos,
        to: Pos,
    },
    Decl(GenDecl),
    /// `;` written or implied. `implicit` is true if it stood for a newline or a `}`.
    Empty {
        semicolon: Pos,
        implicit: bool,
    },
    Labeled {
        label: Ident,
        colon: Pos,
        stmt: StmtId,
    },
    Expr(ExprId),
    Send {
        chan: ExprId,
        arrow: Pos,
        value: ExprId,
    },
    IncDec {
        x: ExprId,
        tok_pos: Pos,
        tok: Token,
    },
    /// `lhs op= rhs`, `lhs = rhs` or `lhs := rhs`; `tok` is the assignment token.
    Assign {
        lhs: ExprList,
        tok_pos: Pos,
        tok: Token,
        rhs: ExprList,
    },
    /// `go call`; `call` is normally an [`ExprKind::Call`] (a Bad expr after an error).
    Go {
        go_pos: Pos,
        call: ExprId,
    },
    Defer {
        defer_pos: Pos,
        call: ExprId,
    },
    Return {
        return_pos: Pos,
        results: ExprList,
    },
    /// `break`, `continue`, `goto` or `fallthrough`.
    Branch {
        tok_pos: Pos,
        tok: Token,
        label: Option<Ident>,
    },
    Block(Block),
    If {
        if_pos: Pos,
        init: Option<StmtId>,
        cond: ExprId,
        body: Block,
        else_: Option<StmtId>,
    },
    /// `case list:` or `default:` (list empty) in an expression or type switch.
    CaseClause {
        case_pos: Pos,
        list: ExprList,
        colon: Pos,
        body: StmtList,
    },
    Switch {
        switch_pos: Pos,
        init: Option<StmtId>,
        tag: Option<ExprId>,
        body: Block,
    },
    /// `switch init; assign { ... }` where `assign` is `x := y.(type)` or `y.(type)`.
    TypeSwitch {
        switch_pos: Pos,
        init: Option<StmtId>,
        assign: StmtId,
        body: Block,
    },
    /// `case comm:` or `default:` (comm `None`) in a select.
    CommClause {
        case_pos: Pos,
        comm: Option<StmtId>,
        colon: Pos,
        body: StmtList,
    },
    Select {
        select_pos: Pos,
        body: Block,
    },
    For {
        for_pos: Pos,
        init: Option<StmtId>,
        cond: Option<ExprId>,
        post: Option<StmtId>,
        body: Block,
    },
    /// `for key, value := range x`; `tok` is `Define`, `Assign`, or `Illegal` when there is
    /// neither key nor value (then `tok_pos` is NONE).
    Range {
        for_pos: Pos,
        key: Option<ExprId>,
        value: Option<ExprId>,
        tok_pos: Pos,
        tok: Token,
        range_pos: Pos,
        x: ExprId,
        body: Block,
    },
}

/// `import`, `const`, `type` or `var` with one spec or a parenthesised group (go/ast `GenDecl`).
#[derive(Clone, Debug)]
pub struct GenDecl {
    pub doc: Option<CommentGroupId>,
    pub tok_pos: Pos,
    /// `Import`, `Const`, `Type` or `Var`.
    pub tok: Token,
    /// NONE unless the specs are parenthesised.
    pub lparen: Pos,
    pub specs: Vec<Spec>,
    pub rparen: Pos,
}

#[derive(Clone, Debug)]
pub enum Spec {
    Import(ImportSpec),
    Value(ValueSpec),
    Type(TypeSpec),
}

#[derive(Clone, Debug)]
pub struct ImportSpec {
    pub doc: Option<CommentGroupId>,
    /// Local name, `.` or `_`, if given.
    pub name: Option<Ident>,
    /// The import path: a [`ExprKind::BasicLit`] string (a Bad expr after an error).
    pub path: ExprId,
    pub comment: Option<CommentGroupId>,
}

/// One `names [type] [= values]` line of a `const` or `var` declaration.
#[derive(Clone, Debug)]
pub struct ValueSpec {
    pub doc: Option<CommentGroupId>,
    pub names: IdentList,
    pub ty: Option<ExprId>,
    pub values: ExprList,
    pub comment: Option<CommentGroupId>,
}

/// `name [type params] [=] type`: a type definition, or an alias when `assign` is valid.
#[derive(Clone, Debug)]
pub struct TypeSpec {
    pub doc: Option<CommentGroupId>,
    pub name: Ident,
    pub type_params: Option<FieldList>,
    /// Position of `=` for an alias; NONE for a definition.
    pub assign: Pos,
    pub ty: ExprId,
    pub comment: Option<CommentGroupId>,
}

/// A function or method declaration.
#[derive(Clone, Debug)]
pub struct FuncDecl {
    pub doc: Option<CommentGroupId>,
    /// The receiver of a method; `None` for a function.
    pub recv: Option<FieldList>,
    pub name: Ident,
    /// The signature; its `func_pos` is the position of the `func` keyword.
    pub ty: FuncType,
    /// `None` for a function declared without a body (implemented in assembly, or linknamed).
    pub body: Option<Block>,
    /// The `//go:` directives written since the previous top-level declaration, in order.
    /// gc applies these (not the doc comment) as the function's pragmas.
    pub directives: Vec<Directive>,
}

#[derive(Clone, Debug)]
pub enum Decl {
    Bad { from: Pos, to: Pos },
    Gen(GenDecl, Vec<Directive>),
    Func(FuncDecl),
}

/// A `//go:name args` comment line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Directive {
    /// The whole comment, `//` included.
    pub span: Span,
}

/// One comment, `//...` (without the newline) or `/*...*/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Comment {
    pub span: Span,
}

/// A run of comments with no token and no blank line between them (go/ast `CommentGroup`).
#[derive(Clone, Debug)]
pub struct CommentGroup {
    pub list: Vec<Comment>,
}

/// One parsed source file: the tree, its arenas, its comments and its line table.
#[derive(Debug)]
pub struct File {
    /// The file name as given to the parser.
    pub name: String,
    /// The source text. Not necessarily valid UTF-8: Go source may hold invalid bytes inside
    /// comments and literals, and an erroneous file may hold them anywhere.
    pub src: Vec<u8>,
    pub line_table: LineTable,

    pub doc: Option<CommentGroupId>,
    /// Position of `package`; NONE if the clause is missing.
    pub package_pos: Pos,
    /// The package name; an empty span at NONE if the clause is missing.
    pub package_name: Ident,
    pub decls: Vec<Decl>,
    /// Every comment of the file in lexical order, grouped as go/parser groups them.
    pub comments: Vec<CommentGroup>,
    /// The `//go:build` and `// +build` lines before the package clause, for the loader.
    pub build_constraints: Vec<Span>,

    pub exprs: Vec<Expr>,
    pub stmts: Vec<Stmt>,
}

impl File {
    pub fn expr(&self, id: ExprId) -> &Expr {
        &self.exprs[id.0 as usize]
    }

    pub fn stmt(&self, id: StmtId) -> &Stmt {
        &self.stmts[id.0 as usize]
    }

    pub fn comment_group(&self, id: CommentGroupId) -> &CommentGroup {
        &self.comments[id.0 as usize]
    }

    /// The source bytes of `span`.
    pub fn bytes(&self, span: Span) -> &[u8] {
        &self.src[span.range()]
    }

    /// The source text of `span`, for names and literals. Identifiers are always valid UTF-8;
    /// elsewhere invalid bytes are replaced.
    pub fn text(&self, span: Span) -> std::borrow::Cow<'_, str> {
        let bytes = self.bytes(span);
        // The checker asks for the text of every identifier: `from_utf8` validates short
        // ASCII names much faster than `from_utf8_lossy`'s chunk iterator.
        match std::str::from_utf8(bytes) {
            Ok(text) => std::borrow::Cow::Borrowed(text),
            Err(_) => String::from_utf8_lossy(bytes),
        }
    }

    /// The name of `ident`; `_` for a name invented by error recovery.
    pub fn ident_name(&self, ident: Ident) -> std::borrow::Cow<'_, str> {
        if ident.is_synthetic() {
            std::borrow::Cow::Borrowed("_")
        } else {
            self.text(ident.span)
        }
    }

    /// The value of a basic literal as go/ast stores it: its source text, except that
    /// carriage returns are dropped from raw strings.
    pub fn literal_value(&self, span: Span) -> Vec<u8> {
        let raw = self.bytes(span);
        if raw.first() == Some(&b'`') {
            raw.iter().copied().filter(|&b| b != b'\r').collect()
        } else {
            raw.to_vec()
        }
    }
}
