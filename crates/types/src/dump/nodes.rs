//! The syntax nodes that [`crate::check::FileInfo`] refers to by byte offset: what kind of
//! go/ast node starts there and where it ends, for the `SCOPE` and `IMPLICIT` lines, and the
//! identifier at an offset, for `DEF` and `USE` lines. Also go/ast's names of expression
//! kinds, for `EXPR` lines.

use std::collections::HashMap;

use goescape_syntax::ast::{
    Block, Decl, ExprKind, FieldList, File, FuncType, GenDecl, Spec, StmtKind,
};
use goescape_syntax::Pos;

/// A node's go/ast kind and its `Pos()`-`End()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NodeRef {
    pub kind: &'static str,
    pub start: Pos,
    pub end: Pos,
}

/// The nodes of one file that may open a scope or declare an implicit object, by the
/// offset of their `Pos()`.
#[derive(Debug, Default)]
pub struct NodeIndex {
    /// `File`, `FuncType`, `BlockStmt`, `IfStmt`, `ForStmt`, `RangeStmt`, `SwitchStmt`,
    /// `TypeSwitchStmt`, `SelectStmt`, `CaseClause`, `CommClause`, `TypeSpec`.
    pub scopes: HashMap<u32, NodeRef>,
    /// `ImportSpec`, `CaseClause`, `Field`.
    pub implicits: HashMap<u32, NodeRef>,
}

impl NodeIndex {
    /// Indexes every such node of `file`: the top-level declarations, then every statement
    /// and expression of the file's arenas (which hold all of them, however nested).
    pub fn build(file: &File) -> NodeIndex {
        let mut index = NodeIndex::default();
        if file.package_pos.is_valid() {
            let end = match file.decls.last() {
                Some(decl) => file.decl_end(decl),
                None => file.package_name.end(),
            };
            index.scope("File", file.package_pos, end);
        }
        for decl in &file.decls {
            match decl {
                Decl::Bad { .. } => {}
                Decl::Gen(gen, _) => index.gen_decl(file, gen),
                Decl::Func(func) => {
                    if let Some(recv) = &func.recv {
                        index.fields(file, recv);
                    }
                    index.func_type(file, &func.ty);
                    if let Some(body) = &func.body {
                        index.block(file, body);
                    }
                }
            }
        }
        for (i, stmt) in file.stmts.iter().enumerate() {
            let id = goescape_syntax::ast::StmtId(i as u32);
            let stmt_node = |index: &mut NodeIndex, kind, pos| {
                index.scope(kind, pos, file.stmt_end(id));
            };
            match &stmt.kind {
                StmtKind::Block(block) => index.block(file, block),
                StmtKind::If { if_pos, body, .. } => {
                    stmt_node(&mut index, "IfStmt", *if_pos);
                    index.block(file, body);
                }
                StmtKind::For { for_pos, body, .. } => {
                    stmt_node(&mut index, "ForStmt", *for_pos);
                    index.block(file, body);
                }
                StmtKind::Range { for_pos, body, .. } => {
                    stmt_node(&mut index, "RangeStmt", *for_pos);
                    index.block(file, body);
                }
                StmtKind::Switch {
                    switch_pos, body, ..
                } => {
                    stmt_node(&mut index, "SwitchStmt", *switch_pos);
                    index.block(file, body);
                }
                StmtKind::TypeSwitch {
                    switch_pos, body, ..
                } => {
                    stmt_node(&mut index, "TypeSwitchStmt", *switch_pos);
                    index.block(file, body);
                }
                StmtKind::Select { select_pos, body } => {
                    stmt_node(&mut index, "SelectStmt", *select_pos);
                    index.block(file, body);
                }
                StmtKind::CaseClause { case_pos, .. } => {
                    let node = NodeRef {
                        kind: "CaseClause",
                        start: *case_pos,
                        end: file.stmt_end(id),
                    };
                    index.insert_scope(node);
                    index.insert_implicit(node);
                }
                StmtKind::CommClause { case_pos, .. } => {
                    stmt_node(&mut index, "CommClause", *case_pos);
                }
                StmtKind::Decl(gen) => index.gen_decl(file, gen),
                _ => {}
            }
        }
        for expr in &file.exprs {
            match &expr.kind {
                ExprKind::FuncLit { ty, body } => {
                    index.func_type(file, ty);
                    index.block(file, body);
                }
                ExprKind::FuncType(ty) => index.func_type(file, ty),
                ExprKind::StructType { fields, .. } => index.fields(file, fields),
                ExprKind::InterfaceType { methods, .. } => index.fields(file, methods),
                _ => {}
            }
        }
        index
    }

    fn insert_scope(&mut self, node: NodeRef) {
        if node.start.is_valid() {
            self.scopes.entry(node.start.0).or_insert(node);
        }
    }

    fn insert_implicit(&mut self, node: NodeRef) {
        if node.start.is_valid() {
            self.implicits.entry(node.start.0).or_insert(node);
        }
    }

    fn scope(&mut self, kind: &'static str, start: Pos, end: Pos) {
        self.insert_scope(NodeRef { kind, start, end });
    }

    fn block(&mut self, file: &File, block: &Block) {
        self.scope("BlockStmt", block.lbrace, file.block_end(block));
    }

    fn func_type(&mut self, file: &File, ty: &FuncType) {
        self.scope("FuncType", file.func_type_pos(ty), file.func_type_end(ty));
        if let Some(tparams) = &ty.type_params {
            self.fields(file, tparams);
        }
        self.fields(file, &ty.params);
        if let Some(results) = &ty.results {
            self.fields(file, results);
        }
    }

    fn fields(&mut self, file: &File, list: &FieldList) {
        for field in &list.list {
            self.insert_implicit(NodeRef {
                kind: "Field",
                start: file.field_pos(field),
                end: file.field_end(field),
            });
        }
    }

    fn gen_decl(&mut self, file: &File, gen: &GenDecl) {
        for spec in &gen.specs {
            match spec {
                Spec::Import(_) => self.insert_implicit(NodeRef {
                    kind: "ImportSpec",
                    start: file.spec_pos(spec),
                    end: file.spec_end(spec),
                }),
                Spec::Type(ty) => {
                    self.scope("TypeSpec", ty.name.pos(), file.spec_end(spec));
                    if let Some(tparams) = &ty.type_params {
                        self.fields(file, tparams);
                    }
                }
                Spec::Value(_) => {}
            }
        }
    }
}

/// go/ast's name of the node type of an expression.
pub fn expr_kind_name(kind: &ExprKind) -> &'static str {
    match kind {
        ExprKind::Bad { .. } => "BadExpr",
        ExprKind::Ident(_) => "Ident",
        ExprKind::Ellipsis { .. } => "Ellipsis",
        ExprKind::BasicLit { .. } => "BasicLit",
        ExprKind::FuncLit { .. } => "FuncLit",
        ExprKind::CompositeLit { .. } => "CompositeLit",
        ExprKind::Paren { .. } => "ParenExpr",
        ExprKind::Selector { .. } => "SelectorExpr",
        ExprKind::Index { .. } => "IndexExpr",
        ExprKind::IndexList { .. } => "IndexListExpr",
        ExprKind::Slice { .. } => "SliceExpr",
        ExprKind::TypeAssert { .. } => "TypeAssertExpr",
        ExprKind::Call { .. } => "CallExpr",
        ExprKind::Star { .. } => "StarExpr",
        ExprKind::Unary { .. } => "UnaryExpr",
        ExprKind::Binary { .. } => "BinaryExpr",
        ExprKind::KeyValue { .. } => "KeyValueExpr",
        ExprKind::ArrayType { .. } => "ArrayType",
        ExprKind::StructType { .. } => "StructType",
        ExprKind::FuncType(_) => "FuncType",
        ExprKind::InterfaceType { .. } => "InterfaceType",
        ExprKind::MapType { .. } => "MapType",
        ExprKind::ChanType { .. } => "ChanType",
    }
}

/// The identifier starting at `offset`: its name and end. An offset where no identifier
/// starts is the blank name that go/parser makes up after a syntax error (`_`, one byte
/// long, as go/ast's `Ident.End` says).
///
/// The identifier runs to the first character that cannot continue one. In a file that
/// parsed without errors the character after an identifier starts another token or is
/// space, so approximating Go's letters and digits by Unicode's alphanumerics is exact.
pub fn ident_at(src: &[u8], offset: u32) -> (String, u32) {
    let rest = src.get(offset as usize..).unwrap_or_default();
    // The name of a dot import (`import . "p"`) is an identifier `.` in go/ast.
    if rest.first() == Some(&b'.') {
        return (".".to_owned(), offset + 1);
    }
    let mut len = 0;
    while let Some(c) = char_at(rest, len) {
        let continues = c == '_' || c.is_alphanumeric();
        let starts = c == '_' || c.is_alphabetic();
        if !(continues && (len > 0 || starts)) {
            break;
        }
        len += c.len_utf8();
    }
    if len == 0 {
        return ("_".to_owned(), offset.saturating_add(1));
    }
    let name = String::from_utf8_lossy(&rest[..len]).into_owned();
    (name, offset + len as u32)
}

/// The character starting at byte `i` of `bytes`, if it is valid UTF-8.
fn char_at(bytes: &[u8], i: usize) -> Option<char> {
    let first = *bytes.get(i)?;
    if first < 0x80 {
        return Some(char::from(first));
    }
    let window = &bytes[i..bytes.len().min(i + 4)];
    let valid = match std::str::from_utf8(window) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&window[..e.valid_up_to()]).unwrap_or_default(),
    };
    valid.chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers() {
        assert_eq!(ident_at(b"x := y", 0), ("x".to_owned(), 1));
        assert_eq!(ident_at(b"x := y", 5), ("y".to_owned(), 6));
        assert_eq!(ident_at("a πb+".as_bytes(), 2), ("πb".to_owned(), 5));
        assert_eq!(ident_at(b"f(", 1), ("_".to_owned(), 2));
        assert_eq!(ident_at(b"f", 9), ("_".to_owned(), 10));
        assert_eq!(ident_at(b"9a", 0), ("_".to_owned(), 1));
        assert_eq!(ident_at(b"a9\xff", 0), ("a9".to_owned(), 2));
        assert_eq!(ident_at(b"import . \"p\"", 7), (".".to_owned(), 8));
    }

    #[test]
    fn nodes_by_offset() {
        let src = "package p

import \"fmt\"

type L[T any] struct{ next *L[T] }

func f(int) (x int) {
	if x > 0 {
		fmt.Println()
	}
	switch v := any(x).(type) {
	case int:
		_ = v
	}
	return
}
";
        let parsed = goescape_syntax::parse_file("p.go", src.as_bytes().to_vec());
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        let index = NodeIndex::build(&parsed.file);
        let at = |needle: &str| src.find(needle).unwrap() as u32;
        let scope = |needle: &str| index.scopes.get(&at(needle)).map(|n| n.kind);
        let implicit = |needle: &str| index.implicits.get(&at(needle)).map(|n| n.kind);
        assert_eq!(scope("package"), Some("File"));
        assert_eq!(scope("L["), Some("TypeSpec"));
        assert_eq!(scope("func f"), Some("FuncType"));
        assert_eq!(scope("if"), Some("IfStmt"));
        assert_eq!(scope("{\n\t\tfmt"), Some("BlockStmt"));
        assert_eq!(scope("switch"), Some("TypeSwitchStmt"));
        assert_eq!(scope("case"), Some("CaseClause"));
        assert_eq!(implicit("\"fmt\""), Some("ImportSpec"));
        assert_eq!(implicit("int) (x"), Some("Field"));
        assert_eq!(implicit("case"), Some("CaseClause"));
        assert_eq!(implicit("T any"), Some("Field"));
        let file = index.scopes[&at("package")];
        assert_eq!(file.end, Pos(src.len() as u32 - 1));
        let func = index.scopes[&at("func f")];
        assert_eq!(func.end, Pos(at(" {\n\tif")));
    }
}
