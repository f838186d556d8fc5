//! The lines of what the checker recorded about the source ([`crate::check::Info`]), each
//! group sorted like a pre-order walk of the source: `EXPR`, then `DEF` and `USE`
//! interleaved, `IMPLICIT`, `SEL` and `SCOPE` (groups 4 to 9 of the format; our `Info` has
//! no instances yet, so there are no `INST` lines, and no initialization order, so no
//! `INIT` lines).

use std::fmt::Write as _;

use goescape_constant::{to_complex, to_float, Value};
use goescape_syntax::ast::{ExprId, ExprKind, StmtKind};
use goescape_syntax::dump::expr_positions;
use goescape_syntax::Pos;

use super::nodes::{expr_kind_name, ident_at, NodeIndex};
use super::object::push_const;
use super::text::{push_atom, push_index, push_pos, push_quoted, push_span};
use super::{flush_sorted, sort_pos, Dumper, Keyed};
use crate::basic::BasicKind;
use crate::check::{FileInfo, Mode, TypeAndValue};
use crate::ids::TypeId;
use crate::selection::SelectionKind;
use crate::ty::Type;
use crate::typestring::selection_type_string;
use crate::under::{unalias, underlying};

/// A new line: most are under 160 bytes.
fn line_starting(word: &str) -> String {
    let mut line = String::with_capacity(160);
    line.push_str(word);
    line
}

impl Dumper<'_, '_> {
    pub(super) fn recorded(&mut self, out: &mut String) {
        let input = self.input;
        let files: Vec<(u32, &FileInfo)> = (0..input.files.len() as u32)
            .filter_map(|i| Some((i, input.info.files.get(i as usize)?)))
            .collect();

        let mut lines = Vec::new();
        for &(i, info) in &files {
            self.expr_lines(&mut lines, i, info);
        }
        flush_sorted(out, std::mem::take(&mut lines));

        for &(i, info) in &files {
            self.ident_lines(&mut lines, i, info);
        }
        flush_sorted(out, std::mem::take(&mut lines));

        // Nodes by offset, only for files that need them.
        let indexes: Vec<Option<NodeIndex>> = files
            .iter()
            .map(|&(i, info)| {
                let needed = !info.implicits.is_empty() || !info.scopes.is_empty();
                needed.then(|| NodeIndex::build(&input.files[i as usize]))
            })
            .collect();
        for (&(i, info), index) in files.iter().zip(&indexes) {
            if let Some(index) = index {
                self.implicit_lines(&mut lines, i, info, index);
            }
        }
        flush_sorted(out, std::mem::take(&mut lines));

        for &(i, info) in &files {
            self.selection_lines(&mut lines, i, info);
        }
        flush_sorted(out, std::mem::take(&mut lines));

        for &(i, info) in &files {
            self.instance_lines(&mut lines, i, info);
        }
        flush_sorted(out, std::mem::take(&mut lines));

        for (&(i, info), index) in files.iter().zip(&indexes) {
            if let Some(index) = index {
                self.scope_lines(&mut lines, i, info, index);
            }
        }
        flush_sorted(out, lines);
        self.init_lines(out);
    }

    /// `INIT NAME... = SPAN`, in initialization order (not sorted).
    fn init_lines(&mut self, out: &mut String) {
        for init in &self.input.info.init_order {
            out.push_str("INIT");
            for &var in &init.lhs {
                out.push(' ');
                let name = self.store.obj(var).name.clone();
                push_atom(out, &name);
            }
            out.push_str(" = ");
            let file = &self.input.files[init.file];
            let (start, end) = (file.expr_pos(init.init), file.expr_end(init.init));
            push_span(out, self.own_file(init.file as u32), start, end);
            out.push('\n');
        }
    }

    /// `EXPR SPAN ASTKIND MODE TYPE [CONST]`: the recorded expressions, the signatures of
    /// function literals (go/ast's `FuncLit.Type`, not an expression of its own in our
    /// tree), and the `1` go/types makes up for each `x++` and `x--`.
    fn expr_lines(&mut self, lines: &mut Vec<Keyed>, i: u32, info: &FileInfo) {
        let empty = info.types.is_empty()
            && info.func_lit_types.is_empty()
            && info.inc_dec_types.is_empty()
            && info.implicit_constraints.is_empty();
        if empty {
            return;
        }
        let input = self.input;
        let file = &input.files[i as usize];
        let starts = expr_positions(file);
        let start_of = |id: ExprId| starts.get(id.0 as usize).copied();
        for (id, tv) in &info.types {
            let (Some(expr), Some(start)) = (file.exprs.get(id.0 as usize), start_of(id)) else {
                continue;
            };
            let end = file.expr_end(id);
            let mode = self.mode_word(tv);
            let line = self.expr_line(
                i,
                (start, end),
                expr_kind_name(&expr.kind),
                mode,
                tv.ty,
                tv.value.as_ref(),
            );
            lines.push(line);
        }
        for (&id, &ty) in &info.func_lit_types {
            let Some(ExprKind::FuncLit { ty: sig, .. }) =
                file.exprs.get(id.0 as usize).map(|e| &e.kind)
            else {
                continue;
            };
            let span = (file.func_type_pos(sig), file.func_type_end(sig));
            let line = self.expr_line(i, span, "FuncType", "type", ty, None);
            lines.push(line);
        }
        // A constraint written as `~T` or `A | B` is wrapped by go/types in an
        // `interface{...}` node it makes up, without a position, and records that.
        for &(bound, ty) in &info.implicit_constraints {
            let written_as_element = match file.exprs.get(bound.0 as usize).map(|e| &e.kind) {
                Some(ExprKind::Unary { op, .. }) => *op == goescape_syntax::Token::Tilde,
                Some(ExprKind::Binary { op, .. }) => *op == goescape_syntax::Token::Or,
                _ => false,
            };
            if written_as_element {
                let line =
                    self.expr_line(i, (Pos::NONE, Pos::NONE), "InterfaceType", "type", ty, None);
                lines.push(line);
            }
        }
        for (&id, &ty) in &info.inc_dec_types {
            let Some(StmtKind::IncDec { x, .. }) = file.stmts.get(id.0 as usize).map(|s| &s.kind)
            else {
                continue;
            };
            let Some(start) = start_of(*x) else { continue };
            // `&ast.BasicLit{ValuePos: x.Pos(), Kind: token.INT, Value: "1"}`.
            let one = self.one_of_type(ty);
            let line = self.expr_line(
                i,
                (start, start.plus(1)),
                "BasicLit",
                "constant",
                ty,
                Some(&one),
            );
            lines.push(line);
        }
    }

    fn expr_line(
        &mut self,
        file: u32,
        (start, end): (Pos, Pos),
        kind: &str,
        mode: &str,
        ty: TypeId,
        value: Option<&Value>,
    ) -> Keyed {
        let mut line = line_starting("EXPR ");
        push_span(&mut line, self.own_file(file), start, end);
        let _ = write!(line, " {kind} {mode} ");
        self.push_type(&mut line, Some(ty));
        if let Some(value) = value {
            line.push(' ');
            push_const(&mut line, value);
        }
        Keyed {
            start: sort_pos(file, start),
            end: sort_pos(file, end),
            line,
        }
    }

    /// The constant `1` converted to `ty` as go/types converts it: a float or complex
    /// value for float and complex types, the integer otherwise (type parameters too).
    fn one_of_type(&self, ty: TypeId) -> Value {
        let one = Value::from_i64(1);
        match self.store.ty(underlying(&self.store, ty)) {
            Type::Basic(b) if b.kind.is_float() => to_float(&one),
            Type::Basic(b) if b.kind.is_complex() => to_complex(&one),
            _ => one,
        }
    }

    /// `SEL SPAN SELKIND RECV INDEX DIRECTNESS TYPE OBJ`.
    fn selection_lines(&mut self, lines: &mut Vec<Keyed>, i: u32, info: &FileInfo) {
        if info.selections.is_empty() {
            return;
        }
        let input = self.input;
        let file = &input.files[i as usize];
        let starts = expr_positions(file);
        for (&id, selection) in &info.selections {
            let Some(&start) = starts.get(id.0 as usize) else {
                continue;
            };
            let end = file.expr_end(id);
            let mut line = line_starting("SEL ");
            push_span(&mut line, self.own_file(i), start, end);
            line.push_str(match selection.kind {
                SelectionKind::FieldVal => " fieldval ",
                SelectionKind::MethodVal => " methodval ",
                SelectionKind::MethodExpr => " methodexpr ",
            });
            self.push_type(&mut line, Some(selection.recv));
            line.push(' ');
            push_index(&mut line, &selection.index, selection.indirect);
            line.push(' ');
            match selection_type_string(&self.store, selection, self.qualifier) {
                Some(ty) => push_quoted(&mut line, ty.as_bytes()),
                None => line.push('-'),
            }
            line.push(' ');
            self.push_obj(&mut line, selection.obj);
            lines.push(Keyed {
                start: sort_pos(i, start),
                end: sort_pos(i, end),
                line,
            });
        }
    }

    /// MODE: the word for the first of go/types' `TypeAndValue` predicates that holds
    /// (`modeWord`), computed from our mode as go/types computes the predicates from its own.
    fn mode_word(&self, tv: &TypeAndValue) -> &'static str {
        let is_untyped_nil = || {
            matches!(self.store.ty(unalias(&self.store, tv.ty)),
                Type::Basic(b) if b.kind == BasicKind::UntypedNil)
        };
        match tv.mode {
            Mode::NoValue => "novalue",
            Mode::TypeExpr => "type",
            Mode::Builtin => "builtin",
            _ if tv.value.is_some() => "constant",
            Mode::Value if is_untyped_nil() => "nil",
            Mode::Variable => "variable",
            Mode::MapIndex => "mapindex",
            Mode::CommaOk => "commaok",
            Mode::Constant | Mode::Value => "value",
            Mode::Invalid => "invalid",
        }
    }

    /// `DEF POS OBJ` and `USE POS OBJ` (`- NAME` for a definition of no object).
    fn ident_lines(&mut self, lines: &mut Vec<Keyed>, i: u32, info: &FileInfo) {
        let file = &self.input.files[i as usize];
        let file_ref = self.own_file(i);
        let defs = info
            .defs
            .iter()
            .map(|(&offset, &obj)| ("DEF ", offset, obj));
        let uses = info
            .uses
            .iter()
            .map(|(&offset, &obj)| ("USE ", offset, Some(obj)));
        for (word, offset, obj) in defs.chain(uses) {
            let (name, end) = ident_at(&file.src, offset);
            let mut line = line_starting(word);
            push_pos(&mut line, file_ref, Pos(offset));
            line.push(' ');
            match obj {
                None => {
                    line.push_str("- ");
                    push_atom(&mut line, &name);
                }
                Some(obj) => {
                    self.push_obj(&mut line, obj);
                    if *self.store.obj(obj).name != *name {
                        line.push_str(" ident=");
                        push_atom(&mut line, &name);
                    }
                }
            }
            lines.push(Keyed {
                start: sort_pos(i, Pos(offset)),
                end: sort_pos(i, Pos(end)),
                line,
            });
        }
    }

    /// `INST POS NAME [TYPEARG...] TYPE`.
    fn instance_lines(&mut self, lines: &mut Vec<Keyed>, i: u32, info: &FileInfo) {
        let file = &self.input.files[i as usize];
        let file_ref = self.own_file(i);
        for (&offset, (args, ty)) in &info.instances {
            let (name, end) = ident_at(&file.src, offset);
            let mut line = line_starting("INST ");
            push_pos(&mut line, file_ref, Pos(offset));
            line.push(' ');
            push_atom(&mut line, &name);
            line.push_str(" [");
            for (k, &arg) in args.iter().enumerate() {
                if k > 0 {
                    line.push(' ');
                }
                self.push_type(&mut line, Some(arg));
            }
            line.push_str("] ");
            self.push_type(&mut line, Some(*ty));
            lines.push(Keyed {
                start: sort_pos(i, Pos(offset)),
                end: sort_pos(i, Pos(end)),
                line,
            });
        }
    }

    /// `IMPLICIT SPAN ASTKIND OBJ`. An offset where no node that can declare an implicit
    /// object starts prints `?` as its kind and no end.
    fn implicit_lines(
        &mut self,
        lines: &mut Vec<Keyed>,
        i: u32,
        info: &FileInfo,
        index: &NodeIndex,
    ) {
        let file_ref = self.own_file(i);
        for (&offset, &obj) in &info.implicits {
            let node = index.implicits.get(&offset);
            let (kind, start, end) =
                node.map_or(("?", Pos(offset), Pos::NONE), |n| (n.kind, n.start, n.end));
            let mut line = line_starting("IMPLICIT ");
            push_span(&mut line, file_ref, start, end);
            line.push(' ');
            line.push_str(kind);
            line.push(' ');
            self.push_obj(&mut line, obj);
            lines.push(Keyed {
                start: sort_pos(i, start),
                end: sort_pos(i, end),
                line,
            });
        }
    }

    /// `SCOPE SPAN ASTKIND NODESPAN NAME...`, sorted by the scope's span.
    fn scope_lines(&mut self, lines: &mut Vec<Keyed>, i: u32, info: &FileInfo, index: &NodeIndex) {
        let file_ref = self.own_file(i);
        for (&offset, &scope_id) in &info.scopes {
            let scope = self.store.scope(scope_id);
            let mut line = line_starting("SCOPE ");
            let (scope_file, start, end) = match scope.range {
                Some((file, start, end)) => (file, Pos(start), Pos(end)),
                None => (i, Pos::NONE, Pos::NONE),
            };
            push_span(&mut line, self.own_file(scope_file), start, end);
            line.push(' ');
            match index.scopes.get(&offset) {
                Some(node) => {
                    line.push_str(node.kind);
                    line.push(' ');
                    push_span(&mut line, file_ref, node.start, node.end);
                }
                None => {
                    line.push_str("? ");
                    push_span(&mut line, file_ref, Pos(offset), Pos::NONE);
                }
            }
            for name in scope.sorted_names() {
                line.push(' ');
                push_atom(&mut line, name);
            }
            lines.push(Keyed {
                start: sort_pos(scope_file, start),
                end: sort_pos(scope_file, end),
                line,
            });
        }
    }
}
