//! The Go parser: tokens in, an [`ast::File`] and syntax errors out.
//!
//! It reproduces go/parser (with `ParseComments | SkipObjectResolution`) decision for
//! decision: the same trees, the same comment groups and doc comments, the same recovery
//! after errors, so that our trees can be compared with go/ast's file by file. The work is
//! split by grammar area: [`types`], [`expr`], [`stmt`], [`decl`]; this module keeps the
//! token stream, comments, errors and the arenas.
//!
//! Architecture invariant: parsing always terminates and never panics. Deep nesting is
//! handled by growing the stack ([`stacker`]) and bounded by go/parser's nesting limit;
//! after go/parser's error limit the token stream is cut off, so every loop ends.

mod decl;
mod expr;
mod stmt;
mod types;

use crate::ast::*;
use crate::ast_pos::NodeArenas;
use crate::lexer::{Lexed, Lexer};
use crate::line_table::LineTable;
use crate::pos::{Pos, Span};
use crate::token::Token;
use crate::{Parsed, SyntaxError};

/// go/parser's nesting limit: deeper input is rejected with "exceeded max nesting depth".
const MAX_NEST_LEVEL: u32 = 100_000;

/// go/parser stops after this many errors (the error that exceeds it is not recorded).
const MAX_ERRORS: usize = 10;

/// Stack kept free before a recursive step, and the size of each extra stack segment.
const STACK_RED_ZONE: usize = 128 * 1024;
const STACK_SEGMENT: usize = 4 * 1024 * 1024;

/// Parses one Go source file. `name` is recorded in the tree; no IO happens here.
pub fn parse_file(name: &str, src: Vec<u8>) -> Parsed {
    if u32::try_from(src.len()).map_or(true, |len| len == u32::MAX) {
        let line_table = LineTable::default();
        let file = File {
            name: name.to_owned(),
            src: Default::default(),
            line_table,
            doc: None,
            package_pos: Pos::NONE,
            package_name: Ident::synthetic_blank(Pos(0)),
            decls: Default::default(),
            comments: Default::default(),
            build_constraints: Default::default(),
            exprs: Vec::new(),
            stmts: Vec::new(),
        };
        let errors = vec![SyntaxError {
            pos: Pos(0),
            msg: format!("file too large ({} bytes; the limit is 4 GiB)", src.len()),
        }];
        return Parsed { file, errors };
    }

    let mut parser = Parser::new(&src);
    let header = parser.parse_file_body();
    let Parser {
        lexer,
        exprs,
        stmts,
        comments,
        build_constraints,
        mut errors,
        ..
    } = parser;
    let line_table = lexer.finish();
    // go/parser reports its errors sorted by position.
    errors.sort_by_key(|error| error.pos);
    let file = File {
        name: name.to_owned(),
        src,
        line_table,
        doc: header.doc,
        package_pos: header.package_pos,
        package_name: header.package_name,
        decls: header.decls,
        comments,
        build_constraints,
        exprs,
        stmts,
    };
    Parsed { file, errors }
}

/// What `parse_file_body` returns besides the arenas kept in the parser.
struct FileHeader {
    doc: Option<CommentGroupId>,
    package_pos: Pos,
    package_name: Ident,
    decls: Vec<Decl>,
}

/// Sets of tokens that error recovery skips to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SyncSet {
    StmtStart,
    DeclStart,
    ExprEnd,
}

impl SyncSet {
    fn contains(self, tok: Token) -> bool {
        use Token::*;
        match self {
            SyncSet::StmtStart => matches!(
                tok,
                Break
                    | Const
                    | Continue
                    | Defer
                    | Fallthrough
                    | For
                    | Go
                    | Goto
                    | If
                    | Return
                    | Select
                    | Switch
                    | Type
                    | Var
            ),
            SyncSet::DeclStart => matches!(tok, Import | Const | Type | Var),
            SyncSet::ExprEnd => {
                matches!(tok, Comma | Colon | Semicolon | RParen | RBrack | RBrace)
            }
        }
    }
}

pub(crate) struct Parser<'src> {
    src: &'src [u8],
    lexer: Lexer<'src>,

    // The current token.
    tok: Token,
    pos: Pos,
    span: Span,
    /// For a semicolon: true if it was inserted for a newline or EOF (go/parser's `lit == "\n"`).
    implicit_semi: bool,

    // Comments.
    comments: Vec<CommentGroup>,
    lead_comment: Option<CommentGroupId>,
    line_comment: Option<CommentGroupId>,
    /// Before the first non-comment token: comments here may be build constraints.
    at_top: bool,
    build_constraints: Vec<Span>,
    /// `//go:` directives not yet claimed by a top-level declaration.
    pending_directives: Vec<Directive>,
    /// End offset of the last top-level declaration (or package clause) parsed.
    last_decl_end: u32,

    // Errors.
    errors: Vec<SyntaxError>,
    /// Set once go/parser would have bailed out: from then on the token stream is at EOF
    /// and no further errors are recorded.
    bailed_out: bool,
    sync_pos: Pos,
    sync_count: u32,

    // Context.
    /// < 0 in a control clause (where `{` starts the body), >= 0 inside an expression.
    expr_level: i32,
    /// Parsing a right-hand side, where `=` is taken for a mistyped `==`.
    in_rhs: bool,
    nest_level: u32,

    exprs: Vec<Expr>,
    stmts: Vec<Stmt>,
}

impl<'src> Parser<'src> {
    fn new(src: &'src [u8]) -> Parser<'src> {
        let mut parser = Parser {
            src,
            lexer: Lexer::new(src),
            tok: Token::Illegal,
            pos: Pos::NONE,
            span: Span::default(),
            implicit_semi: false,
            comments: Default::default(),
            lead_comment: None,
            line_comment: None,
            at_top: true,
            build_constraints: Default::default(),
            pending_directives: Default::default(),
            last_decl_end: 0,
            errors: Default::default(),
            bailed_out: false,
            sync_pos: Pos::NONE,
            sync_count: 0,
            expr_level: 0,
            in_rhs: false,
            nest_level: 0,
            // Sized from what the standard library averages (about 11 bytes of source per
            // expression, 74 per statement), so the arenas rarely grow by copying.
            exprs: Vec::with_capacity(src.len() / 10 + 16),
            stmts: Vec::with_capacity(src.len() / 64 + 16),
        };
        parser.next();
        parser
    }

    // ---- arenas -------------------------------------------------------------------------

    fn new_expr(&mut self, kind: ExprKind) -> ExprId {
        let id = ExprId(self.exprs.len() as u32);
        self.exprs.push(Expr { kind });
        id
    }

    fn new_stmt(&mut self, kind: StmtKind) -> StmtId {
        let id = StmtId(self.stmts.len() as u32);
        self.stmts.push(Stmt { kind });
        id
    }

    fn expr_kind(&self, id: ExprId) -> &ExprKind {
        &self.exprs[id.0 as usize].kind
    }

    fn bad_expr(&mut self, from: Pos, to: Pos) -> ExprId {
        self.new_expr(ExprKind::Bad { from, to })
    }

    fn bad_stmt(&mut self, from: Pos, to: Pos) -> StmtId {
        self.new_stmt(StmtKind::Bad { from, to })
    }

    /// Position queries (go/ast `Pos()` / `End()`) over the arenas built so far.
    fn arenas(&self) -> NodeArenas<'_> {
        NodeArenas {
            exprs: &self.exprs,
            stmts: &self.stmts,
        }
    }

    fn expr_pos(&self, id: ExprId) -> Pos {
        self.arenas().expr_pos(id)
    }

    fn expr_end(&self, id: ExprId) -> Pos {
        self.arenas().expr_end(id)
    }

    fn stmt_pos(&self, id: StmtId) -> Pos {
        self.arenas().stmt_pos(id)
    }

    fn stmt_end(&self, id: StmtId) -> Pos {
        self.arenas().stmt_end(id)
    }

    /// The literal text of the current token.
    fn lit(&self) -> &'src [u8] {
        &self.src[self.span.range()]
    }

    // ---- tokens and comments ------------------------------------------------------------

    /// Advances to the next token, comments included, recording build constraints and
    /// directives on the way.
    fn next_raw(&mut self) {
        if self.bailed_out {
            self.tok = Token::Eof;
            self.pos = Pos(self.src.len() as u32);
            self.span = Span::new(self.pos.0, self.pos.0);
            self.implicit_semi = true;
            return;
        }
        let Lexed {
            tok,
            span,
            implicit,
        } = self.lexer.next();
        if self.lexer.has_errors() {
            self.errors.extend(self.lexer.take_errors());
        }
        self.tok = tok;
        self.span = span;
        self.pos = span.pos();
        self.implicit_semi = implicit;
        if tok == Token::Comment {
            let text = self.lit();
            if self.at_top && (text.starts_with(b"//go:build") || text.starts_with(b"// +build")) {
                self.build_constraints.push(span);
            }
            if text.starts_with(b"//go:") {
                self.pending_directives.push(Directive { span });
            }
        } else {
            self.at_top = false;
        }
    }

    /// The unadjusted line of `pos` (0 for NONE), as go/parser's `lineFor`.
    fn line_of(&self, pos: Pos) -> u32 {
        if pos.is_valid() {
            self.lexer.line_of(pos.0)
        } else {
            0
        }
    }

    /// Consumes one comment; returns the line it ends on.
    fn consume_comment(&mut self, list: &mut Vec<Comment>) -> u32 {
        let mut end_line = self.line_of(self.pos);
        let text = self.lit();
        if text.get(1) == Some(&b'*') {
            end_line += text.iter().filter(|&&b| b == b'\n').count() as u32;
        }
        list.push(Comment { span: self.span });
        self.next_raw();
        end_line
    }

    /// Consumes a group of comments separated by at most `max_gap` empty lines; returns the
    /// group and the line the group ends on.
    fn consume_comment_group(&mut self, max_gap: u32) -> (CommentGroupId, u32) {
        let mut list = Default::default();
        let mut end_line = self.line_of(self.pos);
        while self.tok == Token::Comment && self.line_of(self.pos) <= end_line + max_gap {
            end_line = self.consume_comment(&mut list);
        }
        let id = CommentGroupId(self.comments.len() as u32);
        self.comments.push(CommentGroup { list });
        (id, end_line)
    }

    /// Advances to the next non-comment token, grouping the comments passed over and noting
    /// which group is a line comment of the previous token and which a lead comment of the
    /// next one (go/parser's rules).
    fn next(&mut self) {
        self.lead_comment = None;
        self.line_comment = None;
        let prev = self.pos;
        self.next_raw();
        if self.tok != Token::Comment {
            return;
        }
        let mut group = None;
        if self.line_of(self.pos) == self.line_of(prev) {
            let (same_line_group, end_line) = self.consume_comment_group(0);
            if self.line_of(self.pos) != end_line
                || self.tok == Token::Semicolon
                || self.tok == Token::Eof
            {
                self.line_comment = Some(same_line_group);
            }
            group = Some(same_line_group);
        }
        let mut end_line: i64 = -1;
        while self.tok == Token::Comment {
            let (next_group, line) = self.consume_comment_group(1);
            group = Some(next_group);
            end_line = i64::from(line);
        }
        if end_line + 1 == i64::from(self.line_of(self.pos)) {
            self.lead_comment = group;
        }
    }

    // ---- errors -------------------------------------------------------------------------

    fn error(&mut self, pos: Pos, msg: impl Into<String>) {
        if self.bailed_out {
            return;
        }
        let line = self.line_of(pos);
        if let Some(last) = self.errors.last() {
            if self.line_of(last.pos) == line {
                return; // go/parser drops a second error on the same line as spurious
            }
        }
        if self.errors.len() > MAX_ERRORS {
            self.bail_out();
            return;
        }
        self.errors.push(SyntaxError {
            pos,
            msg: msg.into(),
        });
    }

    /// Gives up on the rest of the file, as go/parser does after too many errors.
    fn bail_out(&mut self) {
        self.bailed_out = true;
        self.next_raw();
    }

    fn describe_current(&self) -> String {
        if self.tok == Token::Semicolon && self.implicit_semi {
            "newline".to_owned()
        } else if self.tok.is_literal() {
            String::from_utf8_lossy(self.lit()).into_owned()
        } else {
            format!("'{}'", self.tok.as_str())
        }
    }

    fn error_expected(&mut self, pos: Pos, what: &str) {
        let mut msg = format!("expected {what}");
        if pos == self.pos {
            msg.push_str(", found ");
            msg.push_str(&self.describe_current());
        }
        self.error(pos, msg);
    }

    /// Consumes `tok`, complaining if the current token is something else; returns the
    /// position of the current token either way.
    fn expect(&mut self, tok: Token) -> Pos {
        let pos = self.pos;
        if self.tok != tok {
            self.error_expected(pos, &format!("'{}'", tok.as_str()));
        }
        self.next();
        pos
    }

    /// Like `expect`, but returns NONE if the token was missing.
    fn expect2(&mut self, tok: Token) -> Pos {
        let pos = if self.tok == tok {
            self.pos
        } else {
            self.error_expected(self.pos, &format!("'{}'", tok.as_str()));
            Pos::NONE
        };
        self.next();
        pos
    }

    /// Like `expect`, with a clearer message for a missing comma before a newline.
    fn expect_closing(&mut self, tok: Token, context: &str) -> Pos {
        if self.tok != tok && self.tok == Token::Semicolon && self.implicit_semi {
            self.error(self.pos, format!("missing ',' before newline in {context}"));
            self.next();
        }
        self.expect(tok)
    }

    /// Consumes a statement-ending semicolon and returns the line comment that belongs to
    /// the statement or declaration it ends.
    fn expect_semi(&mut self) -> Option<CommentGroupId> {
        match self.tok {
            Token::RParen | Token::RBrace => None,
            Token::Comma | Token::Semicolon => {
                if self.tok == Token::Comma {
                    self.error_expected(self.pos, "';'");
                }
                if self.tok == Token::Semicolon && !self.implicit_semi {
                    self.next();
                    self.line_comment
                } else {
                    let comment = self.line_comment;
                    self.next();
                    comment
                }
            }
            _ => {
                self.error_expected(self.pos, "';'");
                self.advance(SyncSet::StmtStart);
                None
            }
        }
    }

    /// At a list separator: true to go on with the list. A missing comma is reported and
    /// assumed, unless the list's closing token is next.
    fn at_comma(&mut self, context: &str, follow: Token) -> bool {
        if self.tok == Token::Comma {
            return true;
        }
        if self.tok != follow {
            let mut msg = String::from("missing ','");
            if self.tok == Token::Semicolon && self.implicit_semi {
                msg.push_str(" before newline");
            }
            self.error(self.pos, format!("{msg} in {context}"));
            return true;
        }
        false
    }

    /// Error recovery: skips to a token of `to` (or EOF), making sure the parser progresses.
    fn advance(&mut self, to: SyncSet) {
        while self.tok != Token::Eof {
            if to.contains(self.tok) {
                if self.pos == self.sync_pos && self.sync_count < 10 {
                    self.sync_count += 1;
                    return;
                }
                if !self.sync_pos.is_valid() || self.pos > self.sync_pos {
                    self.sync_pos = self.pos;
                    self.sync_count = 0;
                    return;
                }
            }
            self.next();
        }
    }

    // ---- nesting ------------------------------------------------------------------------

    /// Enters one nesting level; false (after reporting the error and bailing out) when
    /// go/parser's limit is exceeded.
    fn enter_nest(&mut self) -> bool {
        self.nest_level += 1;
        if self.nest_level > MAX_NEST_LEVEL {
            self.error(self.pos, "exceeded max nesting depth");
            self.bail_out();
            return false;
        }
        true
    }

    fn leave_nest(&mut self, levels: u32) {
        self.nest_level -= levels;
    }

    /// Runs a recursive production with stack to spare, growing the stack if needed.
    fn grow<R>(&mut self, f: impl FnOnce(&mut Self) -> R) -> R {
        stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, || f(self))
    }

    // ---- identifiers and lists ----------------------------------------------------------

    fn parse_ident(&mut self) -> Ident {
        let pos = self.pos;
        if self.tok == Token::Ident {
            let ident = Ident { span: self.span };
            self.next();
            ident
        } else {
            self.expect(Token::Ident);
            Ident::synthetic_blank(pos)
        }
    }

    fn parse_ident_list(&mut self) -> IdentList {
        let mut list = smallvec::smallvec![self.parse_ident()];
        while self.tok == Token::Comma {
            self.next();
            list.push(self.parse_ident());
        }
        list
    }

    fn ident_expr(&mut self, ident: Ident) -> ExprId {
        self.new_expr(ExprKind::Ident(ident))
    }

    /// Takes the directives written between the previous top-level declaration and the
    /// one starting now (those inside the previous declaration's body are dropped).
    fn take_directives(&mut self) -> Vec<Directive> {
        let after = self.last_decl_end;
        let mut taken = std::mem::take(&mut self.pending_directives);
        taken.retain(|directive| directive.span.start >= after);
        taken
    }
}
