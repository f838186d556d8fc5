//! Composite literals: struct, array, slice and map literals, and the `&T{...}` gc makes
//! of an elided element of pointer type.

use goescape_syntax::ast::{self, ExprKind as Ast};
use goescape_types::ty::Type;
use goescape_types::TypeId;

use super::Lowerer;
use crate::expr::{ExprKind, IrType};
use crate::ids::ExprId;
use crate::pos::IrPos;

impl Lowerer<'_, '_> {
    pub(super) fn composite_lit(&mut self, id: ast::ExprId, ty: TypeId, pos: IrPos) -> ExprId {
        // An elided `{...}` of pointer type stands for `&T{...}`.
        if let Type::Pointer(elem) = self.underlying(ty) {
            let elem = *elem;
            let lit = self.literal_of(id, elem, pos);
            return self.mk(ExprKind::PtrLit(lit), IrType::Go(ty), pos, true);
        }
        self.literal_of(id, ty, pos)
    }

    fn literal_of(&mut self, id: ast::ExprId, ty: TypeId, pos: IrPos) -> ExprId {
        let file = self.file();
        let Ast::CompositeLit { elts, .. } = &file.expr(id).kind else {
            return self.mk(ExprKind::Nil, IrType::Go(ty), pos, false);
        };
        let kind = match self.core_underlying(ty) {
            Type::Struct(s) => {
                let fields_of = s.fields.clone();
                let mut fields = Vec::with_capacity(elts.len());
                for (i, &e) in elts.iter().enumerate() {
                    let (field, value) = match &file.expr(e).kind {
                        Ast::KeyValue { key, value, .. } => {
                            let name = match &file.expr(*key).kind {
                                Ast::Ident(ident) => file.ident_name(*ident).into_owned(),
                                _ => String::new(),
                            };
                            let field = fields_of
                                .iter()
                                .copied()
                                .find(|&f| *self.store.obj(f).name == *name);
                            (field, *value)
                        }
                        _ => (fields_of.get(i).copied(), e),
                    };
                    let Some(field) = field else {
                        continue;
                    };
                    let v = self.expr(value);
                    let v = match self.store.obj(field).ty {
                        Some(t) => self.assign_conv(v, t),
                        None => v,
                    };
                    fields.push((field, v));
                }
                ExprKind::StructLit { fields }
            }
            Type::Array { elem, .. } | Type::Slice(elem) => {
                let elem = *elem;
                let slice = matches!(self.core_underlying(ty), Type::Slice(_));
                let mut elems = Vec::with_capacity(elts.len());
                let mut next: u64 = 0;
                let mut len: u64 = 0;
                for &e in elts.iter() {
                    let value = match &file.expr(e).kind {
                        Ast::KeyValue { key, value, .. } => {
                            if let Some(i) = self
                                .tv(*key)
                                .and_then(|tv| tv.value.as_ref())
                                .and_then(|v| v.int64_val().0.try_into().ok())
                            {
                                next = i;
                            }
                            *value
                        }
                        _ => e,
                    };
                    next += 1;
                    len = len.max(next);
                    let v = self.expr(value);
                    elems.push(self.assign_conv(v, elem));
                }
                if let Type::Array { len: Some(n), .. } = self.core_underlying(ty) {
                    len = *n;
                }
                ExprKind::ArrayLit { elems, slice, len }
            }
            Type::Map { key, elem } => {
                let (key_ty, elem_ty) = (*key, *elem);
                let mut entries = Vec::with_capacity(elts.len());
                for &e in elts.iter() {
                    if let Ast::KeyValue { key, value, .. } = &file.expr(e).kind {
                        let k = self.expr(*key);
                        let k = self.assign_conv(k, key_ty);
                        let v = self.expr(*value);
                        let v = self.assign_conv(v, elem_ty);
                        entries.push((k, v));
                    }
                }
                ExprKind::MapLit { entries }
            }
            _ => ExprKind::Nil,
        };
        self.mk(kind, IrType::Go(ty), pos, false)
    }
}
