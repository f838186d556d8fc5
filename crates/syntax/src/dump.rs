//! The canonical text form of a parsed file, as specified in `docs/ast-dump.md`.
//!
//! `tools/goast` prints go/parser's tree in exactly this form, so the conformance test
//! (`crates/conformance`) can compare our parser with go/parser line by line. Every node is
//! one line: its field label, its go/ast kind, its go/ast `Pos()`, and its non-node fields
//! (other recorded positions, tokens, flags, names, literal values, comment attachments);
//! its child nodes follow on lines indented two more spaces.
//!
//! The printer recurses over the tree under [`stacker::maybe_grow`], so 100 000-deep trees
//! do not overflow the stack, and it never panics: a dangling id or a missing piece of an
//! erroneous tree is printed, not trusted.

use std::borrow::Cow;

use crate::ast::{
    Block, ChanDir, CommentGroupId, Decl, ExprId, ExprKind, Field, FieldList, File, FuncDecl,
    FuncType, GenDecl, Ident, Spec, StmtId, StmtKind,
};
use crate::line_table::Position;
use crate::pos::Pos;
use crate::token::Token;

/// Appends the canonical dump of `file` to `out` (without the `=== path` header line).
pub fn dump_file(file: &File, out: &mut String) {
    let (expr_pos, stmt_pos) = node_positions(file);
    let mut d = Dumper {
        file,
        out,
        depth: 0,
        expr_pos,
        stmt_pos,
        dir: directory_of(&file.name),
        last_name: None,
    };
    d.file_node();
}

/// go/ast's `Pos()` of every expression and every statement of `file`, indexed by [`ExprId`]
/// and [`StmtId`]: the positions the dump prints on node lines.
pub fn node_positions(file: &File) -> (Vec<Pos>, Vec<Pos>) {
    let exprs = expr_positions(file);
    let stmts = (0..file.stmts.len())
        .map(|i| stmt_pos(file, &exprs, StmtId(i as u32)))
        .collect();
    (exprs, stmts)
}

/// go/ast's `Pos()` of every expression of `file`, indexed by [`ExprId`].
///
/// Computed bottom-up along left spines with memoisation, so that a 100 000-long chain of
/// selectors or binary operators costs linear time (the dump asks for the position of every
/// node of the chain). Ids that do not resolve (a cycle or an id out of range, which a
/// well-formed tree never has) get [`Pos::NONE`].
pub fn expr_positions(file: &File) -> Vec<Pos> {
    let n = file.exprs.len();
    let mut memo: Vec<Option<Pos>> = vec![None; n];
    let mut path: Vec<usize> = Vec::new();
    for start in 0..n {
        if memo[start].is_some() {
            continue;
        }
        path.clear();
        let mut cur = start;
        let pos = loop {
            if let Some(pos) = memo[cur] {
                break pos;
            }
            if path.len() > n {
                break Pos::NONE; // a cycle
            }
            path.push(cur);
            match expr_pos_step(file, ExprId(cur as u32)) {
                PosStep::Done(pos) => break pos,
                PosStep::Expr(next) if (next.0 as usize) < n => cur = next.0 as usize,
                PosStep::Expr(_) => break Pos::NONE,
            }
        };
        for &i in &path {
            memo[i] = Some(pos);
        }
    }
    memo.into_iter().map(|p| p.unwrap_or(Pos::NONE)).collect()
}

/// go/ast's `Pos()` of statement `id`, given the positions of all expressions.
fn stmt_pos(file: &File, expr_pos: &[Pos], id: StmtId) -> Pos {
    let Some(stmt) = file.stmts.get(id.0 as usize) else {
        return Pos::NONE;
    };
    match &stmt.kind {
        StmtKind::Bad { from, .. } => *from,
        StmtKind::Decl(gen) => gen.tok_pos,
        StmtKind::Empty { semicolon, .. } => *semicolon,
        StmtKind::Labeled { label, .. } => label.pos(),
        StmtKind::Expr(x) => expr_at(expr_pos, *x),
        StmtKind::Send { chan, .. } => expr_at(expr_pos, *chan),
        StmtKind::IncDec { x, .. } => expr_at(expr_pos, *x),
        StmtKind::Assign { lhs, .. } => match lhs.first() {
            Some(first) => expr_at(expr_pos, *first),
            None => Pos::NONE,
        },
        StmtKind::Go { go_pos, .. } => *go_pos,
        StmtKind::Defer { defer_pos, .. } => *defer_pos,
        StmtKind::Return { return_pos, .. } => *return_pos,
        StmtKind::Branch { tok_pos, .. } => *tok_pos,
        StmtKind::Block(block) => block.lbrace,
        StmtKind::If { if_pos, .. } => *if_pos,
        StmtKind::CaseClause { case_pos, .. } | StmtKind::CommClause { case_pos, .. } => *case_pos,
        StmtKind::Switch { switch_pos, .. } | StmtKind::TypeSwitch { switch_pos, .. } => {
            *switch_pos
        }
        StmtKind::Select { select_pos, .. } => *select_pos,
        StmtKind::For { for_pos, .. } | StmtKind::Range { for_pos, .. } => *for_pos,
    }
}

fn expr_at(expr_pos: &[Pos], id: ExprId) -> Pos {
    expr_pos.get(id.0 as usize).copied().unwrap_or(Pos::NONE)
}

/// One step of go/ast's `Pos()`: the position itself, or the expression whose `Pos()` it is.
enum PosStep {
    Done(Pos),
    Expr(ExprId),
}

fn expr_pos_step(file: &File, id: ExprId) -> PosStep {
    use PosStep::{Done, Expr};
    let Some(expr) = file.exprs.get(id.0 as usize) else {
        return Done(Pos::NONE);
    };
    match &expr.kind {
        ExprKind::Bad { from, .. } => Done(*from),
        ExprKind::Ident(ident) => Done(ident.pos()),
        ExprKind::Ellipsis { pos, .. } => Done(*pos),
        ExprKind::BasicLit { span, .. } => Done(span.pos()),
        ExprKind::FuncLit { ty, .. } | ExprKind::FuncType(ty) => func_type_pos_step(ty),
        ExprKind::CompositeLit { ty: Some(ty), .. } => Expr(*ty),
        ExprKind::CompositeLit {
            ty: None, lbrace, ..
        } => Done(*lbrace),
        ExprKind::Paren { lparen, .. } => Done(*lparen),
        ExprKind::Selector { x, .. }
        | ExprKind::Index { x, .. }
        | ExprKind::IndexList { x, .. }
        | ExprKind::Slice { x, .. }
        | ExprKind::TypeAssert { x, .. }
        | ExprKind::Binary { x, .. } => Expr(*x),
        ExprKind::Call { fun, .. } => Expr(*fun),
        ExprKind::Star { star, .. } => Done(*star),
        ExprKind::Unary { op_pos, .. } => Done(*op_pos),
        ExprKind::KeyValue { key, .. } => Expr(*key),
        ExprKind::ArrayType { lbrack, .. } => Done(*lbrack),
        ExprKind::StructType { struct_pos, .. } => Done(*struct_pos),
        ExprKind::InterfaceType { interface_pos, .. } => Done(*interface_pos),
        ExprKind::MapType { map_pos, .. } => Done(*map_pos),
        ExprKind::ChanType { begin, .. } => Done(*begin),
    }
}

/// go/ast: `FuncType.Pos()` is `Func` if valid, else `Params.Pos()`.
fn func_type_pos_step(ty: &FuncType) -> PosStep {
    if ty.func_pos.is_valid() {
        PosStep::Done(ty.func_pos)
    } else {
        field_list_pos_step(&ty.params)
    }
}

/// go/ast: `FieldList.Pos()` is `Opening` if valid, else the first field's `Pos()`, else NoPos.
fn field_list_pos_step(list: &FieldList) -> PosStep {
    if list.opening.is_valid() {
        PosStep::Done(list.opening)
    } else if let Some(first) = list.list.first() {
        field_pos_step(first)
    } else {
        PosStep::Done(Pos::NONE)
    }
}

/// go/ast: `Field.Pos()` is the first name's position, else the type's `Pos()`, else NoPos.
fn field_pos_step(field: &Field) -> PosStep {
    if let Some(name) = field.names.first() {
        PosStep::Done(name.pos())
    } else if let Some(ty) = field.ty {
        PosStep::Expr(ty)
    } else {
        PosStep::Done(Pos::NONE)
    }
}

/// Stands for "the file's own name" in [`LineTable::adjusted_for`] answers. Go source cannot
/// hold a NUL byte, so no directive names a file like this.
///
/// [`LineTable::adjusted_for`]: crate::LineTable::adjusted_for
const OWN_NAME: &str = "\0(own name)";

/// An adjusted position: `(file name as stored, line, column or 0)`.
type Adjusted<'a> = Option<(&'a str, u32, u32)>;

/// The line and column go/token gives `pos`, unadjusted and (if a `//line` directive applies)
/// adjusted with the directive's file name as the [`crate::LineTable`] stores it (or
/// [`OWN_NAME`]); `None` for NONE.
///
/// The line table follows gc, which differs from go/token at one place a well-formed tree can
/// point to: the end of a file that ends in a newline. gc puts that position on a new, empty
/// line; go/token keeps it on the last line, one column after the newline (and ignores a
/// directive taking effect there). This maps such a position as go/token does.
fn go_token_lines(file: &File, pos: Pos) -> Option<(Position, Adjusted<'_>)> {
    if !pos.is_valid() {
        return None;
    }
    let table = &file.line_table;
    let len = table.source_len();
    let eof_after_newline =
        pos.0 >= len && len > 0 && file.src.get(len as usize - 1) == Some(&b'\n');
    let (at, shift) = if eof_after_newline {
        (Pos(len - 1), 1)
    } else {
        (pos, 0)
    };
    let mut raw = table.position(at);
    raw.col = raw.col.saturating_add(shift);
    let adjusted = table.adjusted_for(at, OWN_NAME).map(|(name, line, col)| {
        let col = if col == 0 {
            0
        } else {
            col.saturating_add(shift)
        };
        (name, line, col)
    });
    Some((raw, adjusted))
}

/// The position go/token's `PositionFor(pos, true)` gives `pos` in `file` — filename, line
/// and column (0 if unknown) — as go/parser reports an error there; `None` for NONE.
/// Filenames of `//line` directives are spelled as go/token spells them (see
/// [`go_line_directive_filename`]).
pub fn go_adjusted_position(file: &File, pos: Pos) -> Option<(String, u32, u32)> {
    let (raw, adjusted) = go_token_lines(file, pos)?;
    Some(match adjusted {
        None => (file.name.clone(), raw.line, raw.col),
        Some((written, line, col)) if written == OWN_NAME => (file.name.clone(), line, col),
        Some((written, line, col)) => (go_line_directive_filename(&file.name, written), line, col),
    })
}

/// The file name go/token reports for a position under a `//line` directive whose file name
/// is `written`, in a file named `file_name`: go/scanner cleans a non-empty name with
/// `filepath.Clean` and, if it is relative, joins it to the directory of `file_name`.
/// (Unix path rules, as on the Linux hosts the conformance test runs on.)
pub fn go_line_directive_filename(file_name: &str, written: &str) -> String {
    go_filename_in(&directory_of(file_name), written)
}

/// `filepath.Split(name)`'s directory part: everything up to and including the last `/`.
fn directory_of(name: &str) -> String {
    match name.rfind('/') {
        Some(i) => name[..=i].to_string(),
        None => String::new(),
    }
}

fn go_filename_in(dir: &str, written: &str) -> String {
    if written.is_empty() {
        return String::new();
    }
    let cleaned = go_clean(written);
    if cleaned.starts_with('/') || dir.is_empty() {
        cleaned
    } else {
        // filepath.Join(dir, cleaned) == Clean(dir + "/" + cleaned).
        go_clean(&format!("{dir}/{cleaned}"))
    }
}

/// Go's `path.Clean` (which is `filepath.Clean` on Unix).
fn go_clean(path: &str) -> String {
    if path.is_empty() {
        return ".".to_string();
    }
    let rooted = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|&last| last != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            _ => parts.push(seg),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_string(),
        (false, false) => joined,
    }
}

/// A comment's text as go/ast stores it: go/scanner drops every `\r` from a `//` comment, and
/// every `\r` from a `/*` comment except those just before a `/` that follows a `*` (which
/// would otherwise close the comment early).
pub fn go_comment_text(raw: &[u8]) -> Cow<'_, [u8]> {
    if !raw.contains(&b'\r') {
        return Cow::Borrowed(raw);
    }
    let block = raw.get(1) == Some(&b'*');
    let mut out: Vec<u8> = Vec::with_capacity(raw.len());
    for (j, &ch) in raw.iter().enumerate() {
        let keep = ch != b'\r'
            || (block
                && out.len() > 2
                && out.last() == Some(&b'*')
                && raw.get(j + 1) == Some(&b'/'));
        if keep {
            out.push(ch);
        }
    }
    Cow::Owned(out)
}

/// The deepest level indented with spaces only (see `Dumper::indent`).
pub const MAX_INDENT: usize = 64;

/// The label of a node line: nothing (the file), a field name, or a list element.
#[derive(Clone, Copy)]
enum Label {
    Root,
    Field(&'static str),
    Index(&'static str, usize),
}

use Label::{Field as F, Index as I};

struct Dumper<'a> {
    file: &'a File,
    out: &'a mut String,
    depth: usize,
    expr_pos: Vec<Pos>,
    stmt_pos: Vec<Pos>,
    /// Directory of the file name, for `//line` file names.
    dir: String,
    /// The last `//line` file name seen and its go/token spelling.
    last_name: Option<(String, String)>,
}

impl Dumper<'_> {
    // ---- Line layout ----

    /// Two spaces per level; a line deeper than [`MAX_INDENT`] levels gets `2 * MAX_INDENT`
    /// spaces and then its level as `(LEVEL) `, so that the dump stays linear in the size of
    /// the tree however deep it is.
    fn indent(&mut self) {
        for _ in 0..self.depth.min(MAX_INDENT) {
            self.out.push_str("  ");
        }
        if self.depth > MAX_INDENT {
            self.out.push('(');
            push_u64(self.out, self.depth as u64);
            self.out.push_str(") ");
        }
    }

    fn label(&mut self, label: Label) {
        match label {
            Label::Root => {}
            Label::Field(name) => {
                self.out.push_str(name);
                self.out.push_str(": ");
            }
            Label::Index(name, i) => {
                self.out.push_str(name);
                self.out.push('[');
                push_u64(self.out, i as u64);
                self.out.push_str("]: ");
            }
        }
    }

    /// Starts a node line: indentation, label, kind and the node's `Pos()`.
    fn open(&mut self, label: Label, kind: &str, pos: Pos) {
        self.indent();
        self.label(label);
        self.out.push_str(kind);
        self.out.push(' ');
        self.push_pos(pos);
    }

    /// Ends a node line; its children follow, one level deeper, until [`Self::done`].
    fn close(&mut self) {
        self.out.push('\n');
        self.depth += 1;
    }

    fn done(&mut self) {
        self.depth -= 1;
    }

    /// Ends the line of a node without children.
    fn leaf_end(&mut self) {
        self.out.push('\n');
    }

    fn nil(&mut self, label: Label) {
        self.indent();
        self.label(label);
        self.out.push_str("nil\n");
    }

    fn attr_name(&mut self, name: &str) {
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push('=');
    }

    fn attr_pos(&mut self, name: &str, pos: Pos) {
        self.attr_name(name);
        self.push_pos(pos);
    }

    fn attr_tok(&mut self, name: &str, tok: Token) {
        self.attr_name(name);
        push_quoted(self.out, tok.as_str().as_bytes());
    }

    fn attr_bool(&mut self, name: &str, b: bool) {
        self.attr_name(name);
        self.out.push_str(if b { "true" } else { "false" });
    }

    fn attr_bytes(&mut self, name: &str, bytes: &[u8]) {
        self.attr_name(name);
        push_quoted(self.out, bytes);
    }

    /// A Doc or Comment attachment: `#i` (index into File.Comments) or `-`.
    fn attr_group(&mut self, name: &str, group: Option<CommentGroupId>) {
        self.attr_name(name);
        match group {
            None => self.out.push('-'),
            Some(id) if (id.0 as usize) < self.file.comments.len() => {
                self.out.push('#');
                push_u64(self.out, u64::from(id.0));
            }
            Some(id) => {
                self.out.push_str("?#");
                push_u64(self.out, u64::from(id.0));
            }
        }
    }

    /// `LINE:COL`, then `[FILE:LINE:COL]` (`[FILE:LINE]` if the column is unknown) when a
    /// `//line` directive makes go/token's adjusted position differ; `-` for NONE.
    fn push_pos(&mut self, pos: Pos) {
        let file = self.file;
        let Some((raw, adjusted)) = go_token_lines(file, pos) else {
            self.out.push('-');
            return;
        };
        push_u64(self.out, u64::from(raw.line));
        self.out.push(':');
        push_u64(self.out, u64::from(raw.col));
        let Some((written, line, col)) = adjusted else {
            return;
        };
        let name: Cow<'_, str> = if written == OWN_NAME {
            Cow::Borrowed(&file.name)
        } else {
            Cow::Owned(self.go_filename(written))
        };
        if name == file.name.as_str() && line == raw.line && col == raw.col {
            return;
        }
        self.out.push('[');
        push_quoted(self.out, name.as_bytes());
        self.out.push(':');
        push_u64(self.out, u64::from(line));
        if col != 0 {
            self.out.push(':');
            push_u64(self.out, u64::from(col));
        }
        self.out.push(']');
    }

    /// [`go_line_directive_filename`], remembering the last answer.
    fn go_filename(&mut self, written: &str) -> String {
        if let Some((w, go)) = &self.last_name {
            if w == written {
                return go.clone();
            }
        }
        let go = go_filename_in(&self.dir, written);
        self.last_name = Some((written.to_string(), go.clone()));
        go
    }

    // ---- Positions (go/ast's Pos() rules) ----

    fn expr_pos(&self, id: ExprId) -> Pos {
        self.expr_pos
            .get(id.0 as usize)
            .copied()
            .unwrap_or(Pos::NONE)
    }

    fn resolve(&self, step: PosStep) -> Pos {
        match step {
            PosStep::Done(pos) => pos,
            PosStep::Expr(id) => self.expr_pos(id),
        }
    }

    fn stmt_pos(&self, id: StmtId) -> Pos {
        self.stmt_pos
            .get(id.0 as usize)
            .copied()
            .unwrap_or(Pos::NONE)
    }

    // ---- Nodes ----

    fn file_node(&mut self) {
        let file = self.file;
        self.open(Label::Root, "File", file.package_pos);
        self.attr_group("Doc", file.doc);
        self.close();
        self.ident(F("Name"), file.package_name);
        for (i, decl) in file.decls.iter().enumerate() {
            self.decl(I("Decls", i), decl);
        }
        for (i, group) in file.comments.iter().enumerate() {
            let pos = group.list.first().map_or(Pos::NONE, |c| c.span.pos());
            self.open(I("Comments", i), "CommentGroup", pos);
            self.close();
            for (j, comment) in group.list.iter().enumerate() {
                self.open(I("List", j), "Comment", comment.span.pos());
                let raw = file.src.get(comment.span.range()).unwrap_or(&[]);
                self.attr_bytes("Text", &go_comment_text(raw));
                self.leaf_end();
            }
            self.done();
        }
        self.done();
    }

    fn ident(&mut self, label: Label, ident: Ident) {
        self.open(label, "Ident", ident.pos());
        let name: Cow<'_, [u8]> = if ident.is_synthetic() {
            Cow::Borrowed(b"_")
        } else {
            Cow::Borrowed(self.file.src.get(ident.span.range()).unwrap_or(&[]))
        };
        self.attr_bytes("Name", &name);
        self.leaf_end();
    }

    fn opt_ident(&mut self, label: Label, ident: Option<Ident>) {
        match ident {
            Some(ident) => self.ident(label, ident),
            None => self.nil(label),
        }
    }

    fn decl(&mut self, label: Label, decl: &Decl) {
        match decl {
            Decl::Bad { from, to } => {
                self.open(label, "BadDecl", *from);
                self.attr_pos("To", *to);
                self.leaf_end();
            }
            Decl::Gen(gen, _directives) => self.gen_decl(label, gen),
            Decl::Func(func) => self.func_decl(label, func),
        }
    }

    fn gen_decl(&mut self, label: Label, gen: &GenDecl) {
        self.open(label, "GenDecl", gen.tok_pos);
        self.attr_group("Doc", gen.doc);
        self.attr_tok("Tok", gen.tok);
        self.attr_pos("Lparen", gen.lparen);
        self.attr_pos("Rparen", gen.rparen);
        self.close();
        for (i, spec) in gen.specs.iter().enumerate() {
            self.spec(I("Specs", i), spec);
        }
        self.done();
    }

    fn func_decl(&mut self, label: Label, func: &FuncDecl) {
        let pos = self.resolve(func_type_pos_step(&func.ty));
        self.open(label, "FuncDecl", pos);
        self.attr_group("Doc", func.doc);
        self.close();
        self.opt_field_list(F("Recv"), func.recv.as_ref());
        self.ident(F("Name"), func.name);
        self.func_type(F("Type"), &func.ty, pos);
        match &func.body {
            Some(body) => self.block(F("Body"), body),
            None => self.nil(F("Body")),
        }
        self.done();
    }

    fn spec(&mut self, label: Label, spec: &Spec) {
        match spec {
            Spec::Import(import) => {
                let pos = match import.name {
                    Some(name) => name.pos(),
                    None => self.expr_pos(import.path),
                };
                self.open(label, "ImportSpec", pos);
                self.attr_group("Doc", import.doc);
                self.attr_group("Comment", import.comment);
                // go/parser never sets ImportSpec.EndPos.
                self.attr_pos("EndPos", Pos::NONE);
                self.close();
                self.opt_ident(F("Name"), import.name);
                self.expr(F("Path"), import.path);
                self.done();
            }
            Spec::Value(value) => {
                let pos = value.names.first().map_or(Pos::NONE, |n| n.pos());
                self.open(label, "ValueSpec", pos);
                self.attr_group("Doc", value.doc);
                self.attr_group("Comment", value.comment);
                self.close();
                for (i, name) in value.names.iter().enumerate() {
                    self.ident(I("Names", i), *name);
                }
                self.opt_expr(F("Type"), value.ty);
                for (i, v) in value.values.iter().enumerate() {
                    self.expr(I("Values", i), *v);
                }
                self.done();
            }
            Spec::Type(ty) => {
                self.open(label, "TypeSpec", ty.name.pos());
                self.attr_group("Doc", ty.doc);
                self.attr_pos("Assign", ty.assign);
                self.attr_group("Comment", ty.comment);
                self.close();
                self.ident(F("Name"), ty.name);
                self.opt_field_list(F("TypeParams"), ty.type_params.as_ref());
                self.expr(F("Type"), ty.ty);
                self.done();
            }
        }
    }

    fn opt_field_list(&mut self, label: Label, list: Option<&FieldList>) {
        match list {
            Some(list) => self.field_list(label, list),
            None => self.nil(label),
        }
    }

    fn field_list(&mut self, label: Label, list: &FieldList) {
        let pos = self.resolve(field_list_pos_step(list));
        self.open(label, "FieldList", pos);
        self.attr_pos("Opening", list.opening);
        self.attr_pos("Closing", list.closing);
        self.close();
        for (i, field) in list.list.iter().enumerate() {
            let pos = self.resolve(field_pos_step(field));
            self.open(I("List", i), "Field", pos);
            self.attr_group("Doc", field.doc);
            self.attr_group("Comment", field.comment);
            self.close();
            for (j, name) in field.names.iter().enumerate() {
                self.ident(I("Names", j), *name);
            }
            self.opt_expr(F("Type"), field.ty);
            self.opt_expr(F("Tag"), field.tag);
            self.done();
        }
        self.done();
    }

    /// A FuncType whose `Pos()` (`pos`) the caller has computed.
    fn func_type(&mut self, label: Label, ty: &FuncType, pos: Pos) {
        self.open(label, "FuncType", pos);
        self.attr_pos("Func", ty.func_pos);
        self.close();
        self.opt_field_list(F("TypeParams"), ty.type_params.as_ref());
        self.field_list(F("Params"), &ty.params);
        self.opt_field_list(F("Results"), ty.results.as_ref());
        self.done();
    }

    fn block(&mut self, label: Label, block: &Block) {
        self.open(label, "BlockStmt", block.lbrace);
        self.attr_pos("Rbrace", block.rbrace);
        self.close();
        self.stmt_list("List", &block.stmts);
        self.done();
    }

    fn opt_expr(&mut self, label: Label, id: Option<ExprId>) {
        match id {
            Some(id) => self.expr(label, id),
            None => self.nil(label),
        }
    }

    fn expr_list(&mut self, name: &'static str, ids: &[ExprId]) {
        for (i, id) in ids.iter().enumerate() {
            self.expr(I(name, i), *id);
        }
    }

    fn expr(&mut self, label: Label, id: ExprId) {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.expr_inner(label, id));
    }

    fn expr_inner(&mut self, label: Label, id: ExprId) {
        let file = self.file;
        let Some(expr) = file.exprs.get(id.0 as usize) else {
            self.open(label, "InvalidExprId", Pos::NONE);
            self.out.push(' ');
            push_u64(self.out, u64::from(id.0));
            self.leaf_end();
            return;
        };
        let pos = self.expr_pos(id);
        match &expr.kind {
            ExprKind::Bad { from, to } => {
                self.open(label, "BadExpr", *from);
                self.attr_pos("To", *to);
                self.leaf_end();
            }
            ExprKind::Ident(ident) => self.ident(label, *ident),
            ExprKind::Ellipsis { pos, elt } => {
                self.open(label, "Ellipsis", *pos);
                self.close();
                self.opt_expr(F("Elt"), *elt);
                self.done();
            }
            ExprKind::BasicLit { kind, span } => {
                self.open(label, "BasicLit", span.pos());
                self.attr_pos("ValueEnd", span.end_pos());
                self.attr_tok("Kind", kind.token());
                let value = if span.range().end <= file.src.len() && span.start <= span.end {
                    file.literal_value(*span)
                } else {
                    Vec::new()
                };
                self.attr_bytes("Value", &value);
                self.leaf_end();
            }
            ExprKind::FuncLit { ty, body } => {
                self.open(label, "FuncLit", pos);
                self.close();
                self.func_type(F("Type"), ty, pos);
                self.block(F("Body"), body);
                self.done();
            }
            ExprKind::CompositeLit {
                ty,
                lbrace,
                elts,
                rbrace,
                incomplete,
            } => {
                self.open(label, "CompositeLit", pos);
                self.attr_pos("Lbrace", *lbrace);
                self.attr_pos("Rbrace", *rbrace);
                self.attr_bool("Incomplete", *incomplete);
                self.close();
                self.opt_expr(F("Type"), *ty);
                self.expr_list("Elts", elts);
                self.done();
            }
            ExprKind::Paren { lparen, x, rparen } => {
                self.open(label, "ParenExpr", *lparen);
                self.attr_pos("Rparen", *rparen);
                self.close();
                self.expr(F("X"), *x);
                self.done();
            }
            ExprKind::Selector { x, sel } => {
                self.open(label, "SelectorExpr", pos);
                self.close();
                self.expr(F("X"), *x);
                self.ident(F("Sel"), *sel);
                self.done();
            }
            ExprKind::Index {
                x,
                lbrack,
                index,
                rbrack,
            } => {
                self.open(label, "IndexExpr", pos);
                self.attr_pos("Lbrack", *lbrack);
                self.attr_pos("Rbrack", *rbrack);
                self.close();
                self.expr(F("X"), *x);
                self.expr(F("Index"), *index);
                self.done();
            }
            ExprKind::IndexList {
                x,
                lbrack,
                indices,
                rbrack,
            } => {
                self.open(label, "IndexListExpr", pos);
                self.attr_pos("Lbrack", *lbrack);
                self.attr_pos("Rbrack", *rbrack);
                self.close();
                self.expr(F("X"), *x);
                self.expr_list("Indices", indices);
                self.done();
            }
            ExprKind::Slice {
                x,
                lbrack,
                low,
                high,
                max,
                slice3,
                rbrack,
            } => {
                self.open(label, "SliceExpr", pos);
                self.attr_pos("Lbrack", *lbrack);
                self.attr_bool("Slice3", *slice3);
                self.attr_pos("Rbrack", *rbrack);
                self.close();
                self.expr(F("X"), *x);
                self.opt_expr(F("Low"), *low);
                self.opt_expr(F("High"), *high);
                self.opt_expr(F("Max"), *max);
                self.done();
            }
            ExprKind::TypeAssert {
                x,
                lparen,
                ty,
                rparen,
            } => {
                self.open(label, "TypeAssertExpr", pos);
                self.attr_pos("Lparen", *lparen);
                self.attr_pos("Rparen", *rparen);
                self.close();
                self.expr(F("X"), *x);
                self.opt_expr(F("Type"), *ty);
                self.done();
            }
            ExprKind::Call {
                fun,
                lparen,
                args,
                ellipsis,
                rparen,
            } => {
                self.open(label, "CallExpr", pos);
                self.attr_pos("Lparen", *lparen);
                self.attr_pos("Ellipsis", *ellipsis);
                self.attr_pos("Rparen", *rparen);
                self.close();
                self.expr(F("Fun"), *fun);
                self.expr_list("Args", args);
                self.done();
            }
            ExprKind::Star { star, x } => {
                self.open(label, "StarExpr", *star);
                self.close();
                self.expr(F("X"), *x);
                self.done();
            }
            ExprKind::Unary { op_pos, op, x } => {
                self.open(label, "UnaryExpr", *op_pos);
                self.attr_tok("Op", *op);
                self.close();
                self.expr(F("X"), *x);
                self.done();
            }
            ExprKind::Binary { x, op_pos, op, y } => {
                self.open(label, "BinaryExpr", pos);
                self.attr_pos("OpPos", *op_pos);
                self.attr_tok("Op", *op);
                self.close();
                self.expr(F("X"), *x);
                self.expr(F("Y"), *y);
                self.done();
            }
            ExprKind::KeyValue { key, colon, value } => {
                self.open(label, "KeyValueExpr", pos);
                self.attr_pos("Colon", *colon);
                self.close();
                self.expr(F("Key"), *key);
                self.expr(F("Value"), *value);
                self.done();
            }
            ExprKind::ArrayType { lbrack, len, elt } => {
                self.open(label, "ArrayType", *lbrack);
                self.close();
                self.opt_expr(F("Len"), *len);
                self.expr(F("Elt"), *elt);
                self.done();
            }
            ExprKind::StructType {
                struct_pos,
                fields,
                incomplete,
            } => {
                self.open(label, "StructType", *struct_pos);
                self.attr_bool("Incomplete", *incomplete);
                self.close();
                self.field_list(F("Fields"), fields);
                self.done();
            }
            ExprKind::FuncType(ty) => self.func_type(label, ty, pos),
            ExprKind::InterfaceType {
                interface_pos,
                methods,
                incomplete,
            } => {
                self.open(label, "InterfaceType", *interface_pos);
                self.attr_bool("Incomplete", *incomplete);
                self.close();
                self.field_list(F("Methods"), methods);
                self.done();
            }
            ExprKind::MapType {
                map_pos,
                key,
                value,
            } => {
                self.open(label, "MapType", *map_pos);
                self.close();
                self.expr(F("Key"), *key);
                self.expr(F("Value"), *value);
                self.done();
            }
            ExprKind::ChanType {
                begin,
                arrow,
                dir,
                value,
            } => {
                self.open(label, "ChanType", *begin);
                self.attr_pos("Arrow", *arrow);
                self.attr_name("Dir");
                self.out.push_str(match dir {
                    ChanDir::Send => "SEND",
                    ChanDir::Recv => "RECV",
                    ChanDir::Both => "SEND|RECV",
                });
                self.close();
                self.expr(F("Value"), *value);
                self.done();
            }
        }
    }

    fn opt_stmt(&mut self, label: Label, id: Option<StmtId>) {
        match id {
            Some(id) => self.stmt(label, id),
            None => self.nil(label),
        }
    }

    fn stmt_list(&mut self, name: &'static str, ids: &[StmtId]) {
        for (i, id) in ids.iter().enumerate() {
            self.stmt(I(name, i), *id);
        }
    }

    fn stmt(&mut self, label: Label, id: StmtId) {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.stmt_inner(label, id));
    }

    fn stmt_inner(&mut self, label: Label, id: StmtId) {
        let file = self.file;
        let Some(stmt) = file.stmts.get(id.0 as usize) else {
            self.open(label, "InvalidStmtId", Pos::NONE);
            self.out.push(' ');
            push_u64(self.out, u64::from(id.0));
            self.leaf_end();
            return;
        };
        let pos = self.stmt_pos(id);
        match &stmt.kind {
            StmtKind::Bad { from, to } => {
                self.open(label, "BadStmt", *from);
                self.attr_pos("To", *to);
                self.leaf_end();
            }
            StmtKind::Decl(gen) => {
                self.open(label, "DeclStmt", pos);
                self.close();
                self.gen_decl(F("Decl"), gen);
                self.done();
            }
            StmtKind::Empty {
                semicolon,
                implicit,
            } => {
                self.open(label, "EmptyStmt", *semicolon);
                self.attr_bool("Implicit", *implicit);
                self.leaf_end();
            }
            StmtKind::Labeled {
                label: name,
                colon,
                stmt,
            } => {
                self.open(label, "LabeledStmt", pos);
                self.attr_pos("Colon", *colon);
                self.close();
                self.ident(F("Label"), *name);
                self.stmt(F("Stmt"), *stmt);
                self.done();
            }
            StmtKind::Expr(x) => {
                self.open(label, "ExprStmt", pos);
                self.close();
                self.expr(F("X"), *x);
                self.done();
            }
            StmtKind::Send { chan, arrow, value } => {
                self.open(label, "SendStmt", pos);
                self.attr_pos("Arrow", *arrow);
                self.close();
                self.expr(F("Chan"), *chan);
                self.expr(F("Value"), *value);
                self.done();
            }
            StmtKind::IncDec { x, tok_pos, tok } => {
                self.open(label, "IncDecStmt", pos);
                self.attr_pos("TokPos", *tok_pos);
                self.attr_tok("Tok", *tok);
                self.close();
                self.expr(F("X"), *x);
                self.done();
            }
            StmtKind::Assign {
                lhs,
                tok_pos,
                tok,
                rhs,
            } => {
                self.open(label, "AssignStmt", pos);
                self.attr_pos("TokPos", *tok_pos);
                self.attr_tok("Tok", *tok);
                self.close();
                self.expr_list("Lhs", lhs);
                self.expr_list("Rhs", rhs);
                self.done();
            }
            StmtKind::Go { go_pos, call } => {
                self.open(label, "GoStmt", *go_pos);
                self.close();
                self.expr(F("Call"), *call);
                self.done();
            }
            StmtKind::Defer { defer_pos, call } => {
                self.open(label, "DeferStmt", *defer_pos);
                self.close();
                self.expr(F("Call"), *call);
                self.done();
            }
            StmtKind::Return {
                return_pos,
                results,
            } => {
                self.open(label, "ReturnStmt", *return_pos);
                self.close();
                self.expr_list("Results", results);
                self.done();
            }
            StmtKind::Branch {
                tok_pos,
                tok,
                label: target,
            } => {
                self.open(label, "BranchStmt", *tok_pos);
                self.attr_tok("Tok", *tok);
                self.close();
                self.opt_ident(F("Label"), *target);
                self.done();
            }
            StmtKind::Block(block) => self.block(label, block),
            StmtKind::If {
                if_pos,
                init,
                cond,
                body,
                else_,
            } => {
                self.open(label, "IfStmt", *if_pos);
                self.close();
                self.opt_stmt(F("Init"), *init);
                self.expr(F("Cond"), *cond);
                self.block(F("Body"), body);
                self.opt_stmt(F("Else"), *else_);
                self.done();
            }
            StmtKind::CaseClause {
                case_pos,
                list,
                colon,
                body,
            } => {
                self.open(label, "CaseClause", *case_pos);
                self.attr_pos("Colon", *colon);
                self.close();
                self.expr_list("List", list);
                self.stmt_list("Body", body);
                self.done();
            }
            StmtKind::Switch {
                switch_pos,
                init,
                tag,
                body,
            } => {
                self.open(label, "SwitchStmt", *switch_pos);
                self.close();
                self.opt_stmt(F("Init"), *init);
                self.opt_expr(F("Tag"), *tag);
                self.block(F("Body"), body);
                self.done();
            }
            StmtKind::TypeSwitch {
                switch_pos,
                init,
                assign,
                body,
            } => {
                self.open(label, "TypeSwitchStmt", *switch_pos);
                self.close();
                self.opt_stmt(F("Init"), *init);
                self.stmt(F("Assign"), *assign);
                self.block(F("Body"), body);
                self.done();
            }
            StmtKind::CommClause {
                case_pos,
                comm,
                colon,
                body,
            } => {
                self.open(label, "CommClause", *case_pos);
                self.attr_pos("Colon", *colon);
                self.close();
                self.opt_stmt(F("Comm"), *comm);
                self.stmt_list("Body", body);
                self.done();
            }
            StmtKind::Select { select_pos, body } => {
                self.open(label, "SelectStmt", *select_pos);
                self.close();
                self.block(F("Body"), body);
                self.done();
            }
            StmtKind::For {
                for_pos,
                init,
                cond,
                post,
                body,
            } => {
                self.open(label, "ForStmt", *for_pos);
                self.close();
                self.opt_stmt(F("Init"), *init);
                self.opt_expr(F("Cond"), *cond);
                self.opt_stmt(F("Post"), *post);
                self.block(F("Body"), body);
                self.done();
            }
            StmtKind::Range {
                for_pos,
                key,
                value,
                tok_pos,
                tok,
                range_pos,
                x,
                body,
            } => {
                self.open(label, "RangeStmt", *for_pos);
                self.attr_pos("TokPos", *tok_pos);
                self.attr_tok("Tok", *tok);
                self.attr_pos("Range", *range_pos);
                self.close();
                self.opt_expr(F("Key"), *key);
                self.opt_expr(F("Value"), *value);
                self.expr(F("X"), *x);
                self.block(F("Body"), body);
                self.done();
            }
        }
    }
}

/// Appends `n` in decimal.
fn push_u64(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        out.push(char::from(d));
    }
}

/// Appends `bytes` in double quotes: bytes 0x20..=0x7e other than `"` and `\` as themselves,
/// every other byte as `\xHH` (lower-case hex).
fn push_quoted(out: &mut String, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for &b in bytes {
        if (0x20..=0x7e).contains(&b) && b != b'"' && b != b'\\' {
            out.push(char::from(b));
        } else {
            out.push('\\');
            out.push('x');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_matches_go() {
        // Expected values from Go's path.Clean documentation and tests.
        for (input, want) in [
            ("", "."),
            ("abc", "abc"),
            ("abc/def", "abc/def"),
            ("a/b/c", "a/b/c"),
            (".", "."),
            ("..", ".."),
            ("../..", "../.."),
            ("../../abc", "../../abc"),
            ("/abc", "/abc"),
            ("/", "/"),
            ("abc/", "abc"),
            ("abc/def/", "abc/def"),
            ("/abc/", "/abc"),
            ("abc//def//ghi", "abc/def/ghi"),
            ("//abc", "/abc"),
            ("///abc", "/abc"),
            ("abc/./def", "abc/def"),
            ("/./abc/def", "/abc/def"),
            ("abc/.", "abc"),
            ("abc/def/ghi/../jkl", "abc/def/jkl"),
            ("abc/def/../ghi/../jkl", "abc/jkl"),
            ("abc/def/..", "abc"),
            ("abc/def/../..", "."),
            ("/abc/def/../..", "/"),
            ("abc/def/../../..", ".."),
            ("/abc/def/../../..", "/"),
            ("abc/def/../../../ghi/jkl/../../../mno", "../../mno"),
            ("abc/./../def", "def"),
            ("abc//./../def", "def"),
            ("abc/../../././../def", "../../def"),
        ] {
            assert_eq!(go_clean(input), want, "Clean({input:?})");
        }
    }

    #[test]
    fn line_directive_filenames() {
        assert_eq!(
            go_line_directive_filename("/src/p/a.go", "b.go"),
            "/src/p/b.go"
        );
        assert_eq!(
            go_line_directive_filename("/src/p/a.go", "../q/./b.go"),
            "/src/q/b.go"
        );
        assert_eq!(
            go_line_directive_filename("/src/p/a.go", "/abs//b.go"),
            "/abs/b.go"
        );
        assert_eq!(go_line_directive_filename("/src/p/a.go", ""), "");
        assert_eq!(go_line_directive_filename("a.go", "x/b.go"), "x/b.go");
        assert_eq!(go_line_directive_filename("p/a.go", "b.go"), "p/b.go");
    }

    #[test]
    fn comment_carriage_returns() {
        assert_eq!(&*go_comment_text(b"// a\r"), b"// a");
        assert_eq!(&*go_comment_text(b"// a\rb\r"), b"// ab");
        assert_eq!(&*go_comment_text(b"/* a\r\nb */"), b"/* a\nb */");
        // `*\r/` keeps its `\r`: dropping it would close the comment early.
        assert_eq!(&*go_comment_text(b"/* x*\r/ */"), b"/* x*\r/ */");
        assert_eq!(&*go_comment_text(b"/* x*\r\r/ */"), b"/* x*\r/ */");
        // ... except right after the opening `/*`, where `/*/` does not close anything.
        assert_eq!(&*go_comment_text(b"/*\r/ */"), b"/*/ */");
        assert!(matches!(go_comment_text(b"// plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn quoting() {
        let mut s = String::new();
        push_quoted(&mut s, b"a \"b\" \\ \t\x7f\xff~");
        assert_eq!(s, r#""a \x22b\x22 \x5c \x09\x7f\xff~""#);
        let mut n = String::new();
        push_u64(&mut n, 0);
        n.push(' ');
        push_u64(&mut n, 18446744073709551615);
        assert_eq!(n, "0 18446744073709551615");
    }
}
