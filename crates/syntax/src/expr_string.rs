//! Short source-like text of an expression, as the type checker's messages quote it
//! (go/types' `ExprString`): composite literal elements and function bodies are elided.

use crate::ast::{ChanDir, ExprId, ExprKind, Field, File, FuncType};

impl File {
    /// The expression as go/types' `ExprString` writes it.
    pub fn expr_string(&self, x: ExprId) -> String {
        let mut out = String::new();
        self.write_expr(&mut out, x);
        out
    }

    fn write_expr(&self, out: &mut String, x: ExprId) {
        // Expressions nest as deep as the source does.
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.write_expr_inner(out, x));
    }

    fn write_expr_inner(&self, out: &mut String, x: ExprId) {
        match &self.expr(x).kind {
            ExprKind::Bad { .. } => out.push_str("(ast: *ast.BadExpr)"),
            ExprKind::KeyValue { .. } => out.push_str("(ast: *ast.KeyValueExpr)"),
            ExprKind::Ident(ident) => out.push_str(&self.ident_name(*ident)),
            ExprKind::Ellipsis { elt, .. } => {
                out.push_str("...");
                if let Some(elt) = elt {
                    self.write_expr(out, *elt);
                }
            }
            ExprKind::BasicLit { span, .. } => {
                out.push_str(&String::from_utf8_lossy(&self.literal_value(*span)));
            }
            ExprKind::FuncLit { ty, .. } => {
                out.push('(');
                self.write_func_type(out, ty);
                out.push_str(" literal)");
            }
            ExprKind::CompositeLit { ty, elts, .. } => {
                match ty {
                    Some(ty) => self.write_expr(out, *ty),
                    // go/types writes the missing type of an elided literal this way.
                    None => out.push_str("(ast: <nil>)"),
                }
                out.push('{');
                if !elts.is_empty() {
                    out.push('…');
                }
                out.push('}');
            }
            ExprKind::Paren { x, .. } => {
                out.push('(');
                self.write_expr(out, *x);
                out.push(')');
            }
            ExprKind::Selector { x, sel } => {
                self.write_expr(out, *x);
                out.push('.');
                out.push_str(&self.ident_name(*sel));
            }
            ExprKind::Index { x, index, .. } => {
                self.write_expr(out, *x);
                out.push('[');
                self.write_expr(out, *index);
                out.push(']');
            }
            ExprKind::IndexList { x, indices, .. } => {
                self.write_expr(out, *x);
                out.push('[');
                self.write_expr_list(out, indices);
                out.push(']');
            }
            ExprKind::Slice {
                x,
                low,
                high,
                max,
                slice3,
                ..
            } => {
                self.write_expr(out, *x);
                out.push('[');
                if let Some(low) = low {
                    self.write_expr(out, *low);
                }
                out.push(':');
                if let Some(high) = high {
                    self.write_expr(out, *high);
                }
                if *slice3 {
                    out.push(':');
                    if let Some(max) = max {
                        self.write_expr(out, *max);
                    }
                }
                out.push(']');
            }
            ExprKind::TypeAssert { x, ty, .. } => {
                self.write_expr(out, *x);
                out.push_str(".(");
                match ty {
                    Some(ty) => self.write_expr(out, *ty),
                    None => out.push_str("(ast: <nil>)"),
                }
                out.push(')');
            }
            ExprKind::Call {
                fun,
                args,
                ellipsis,
                ..
            } => {
                self.write_expr(out, *fun);
                out.push('(');
                self.write_expr_list(out, args);
                if ellipsis.is_valid() {
                    out.push_str("...");
                }
                out.push(')');
            }
            ExprKind::Star { x, .. } => {
                out.push('*');
                self.write_expr(out, *x);
            }
            ExprKind::Unary { op, x, .. } => {
                out.push_str(op.as_str());
                self.write_expr(out, *x);
            }
            ExprKind::Binary { x, op, y, .. } => {
                self.write_expr(out, *x);
                out.push(' ');
                out.push_str(op.as_str());
                out.push(' ');
                self.write_expr(out, *y);
            }
            ExprKind::ArrayType { len, elt, .. } => {
                out.push('[');
                if let Some(len) = len {
                    self.write_expr(out, *len);
                }
                out.push(']');
                self.write_expr(out, *elt);
            }
            ExprKind::StructType { fields, .. } => {
                out.push_str("struct{");
                self.write_field_list(out, &fields.list, "; ", false);
                out.push('}');
            }
            ExprKind::FuncType(ty) => self.write_func_type(out, ty),
            ExprKind::InterfaceType { methods, .. } => {
                out.push_str("interface{");
                self.write_field_list(out, &methods.list, "; ", true);
                out.push('}');
            }
            ExprKind::MapType { key, value, .. } => {
                out.push_str("map[");
                self.write_expr(out, *key);
                out.push(']');
                self.write_expr(out, *value);
            }
            ExprKind::ChanType { dir, value, .. } => {
                out.push_str(match dir {
                    ChanDir::Send => "chan<- ",
                    ChanDir::Recv => "<-chan ",
                    ChanDir::Both => "chan ",
                });
                self.write_expr(out, *value);
            }
        }
    }

    fn write_expr_list(&self, out: &mut String, list: &[ExprId]) {
        for (i, &x) in list.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            self.write_expr(out, x);
        }
    }

    fn write_func_type(&self, out: &mut String, ty: &FuncType) {
        out.push_str("func");
        self.write_signature(out, ty);
    }

    fn write_signature(&self, out: &mut String, ty: &FuncType) {
        out.push('(');
        self.write_field_list(out, &ty.params.list, ", ", false);
        out.push(')');
        let Some(results) = &ty.results else { return };
        let count: usize = results.list.iter().map(|f| f.names.len().max(1)).sum();
        if count == 0 {
            return;
        }
        out.push(' ');
        if let [only] = &results.list[..] {
            if only.names.is_empty() {
                if let Some(ty) = only.ty {
                    self.write_expr(out, ty);
                }
                return;
            }
        }
        out.push('(');
        self.write_field_list(out, &results.list, ", ", false);
        out.push(')');
    }

    fn write_field_list(&self, out: &mut String, list: &[Field], sep: &str, interface: bool) {
        for (i, field) in list.iter().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            for (j, name) in field.names.iter().enumerate() {
                if j > 0 {
                    out.push_str(", ");
                }
                out.push_str(&self.ident_name(*name));
            }
            let Some(ty) = field.ty else { continue };
            if interface {
                if let ExprKind::FuncType(sig) = &self.expr(ty).kind {
                    self.write_signature(out, sig);
                    continue;
                }
            }
            if !field.names.is_empty() {
                out.push(' ');
            }
            self.write_expr(out, ty);
        }
    }
}
