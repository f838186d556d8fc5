//! `OBJECT` lines: the objects of the package scope by name, each type name followed by its
//! underlying type, its size, alignment and field offsets (unless it is generic), and the
//! method sets of `T` and `*T` (`objects` and `typeDetails`).

use std::fmt::Write as _;

use super::text::{push_atom, push_index};
use super::Dumper;
use crate::ids::TypeId;
use crate::methodset::method_set;
use crate::ty::Type;
use crate::under::underlying;

impl Dumper<'_, '_> {
    pub(super) fn package_objects(&mut self, out: &mut String) {
        let Some(scope) = self.package_scope else {
            return;
        };
        let scope = self.store.scope(scope);
        for name in scope.sorted_names() {
            let Some(id) = scope.lookup(name) else {
                continue;
            };
            out.push_str("OBJECT ");
            self.push_obj(out, id);
            out.push('\n');
            let obj = self.store.obj(id);
            // Nothing is known of a type name without a type.
            if let (true, Some(ty)) = (obj.is_type_name(), obj.ty) {
                if !matches!(self.store.ty(ty), Type::TypeParam(_)) {
                    self.type_details(out, ty);
                }
            }
        }
    }

    fn type_details(&mut self, out: &mut String, ty: TypeId) {
        let store = &self.store;
        let sizes = self.input.sizes;
        let under = underlying(store, ty);
        out.push_str("  UNDERLYING ");
        self.push_type(out, Some(under));
        out.push('\n');
        if !self.is_generic(ty) {
            let store = &self.store;
            // A type without a size (an error left it invalid) prints no size.
            if let (Some(size), Some(align)) = (sizes.sizeof(store, ty), sizes.alignof(store, ty)) {
                let _ = writeln!(out, "  SIZE sizeof={size} alignof={align}");
            }
            if let Type::Struct(s) = store.ty(under) {
                if let (false, Some(offsets)) =
                    (s.fields.is_empty(), sizes.offsetsof(store, &s.fields))
                {
                    out.push_str("  OFFSETS");
                    for (&field, offset) in s.fields.iter().zip(offsets) {
                        out.push(' ');
                        push_atom(out, &store.obj(field).name);
                        let _ = write!(out, "={offset}");
                    }
                    out.push('\n');
                }
            }
        }
        let pointer = self.pointers.get(&ty).copied();
        for recv in std::iter::once(ty).chain(pointer) {
            for selection in method_set(&self.store, recv) {
                // A method promoted from an embedded instance is its instantiated method.
                let obj = crate::lookup::method_owner(&self.store, recv, &selection.index)
                    .and_then(|owner| {
                        self.input
                            .info
                            .instance_methods
                            .get(&(owner, selection.obj))
                    })
                    .copied()
                    .unwrap_or(selection.obj);
                out.push_str("  MSET ");
                self.push_type(out, Some(recv));
                out.push(' ');
                push_index(out, &selection.index, selection.indirect);
                out.push(' ');
                self.push_obj(out, obj);
                out.push('\n');
            }
        }
    }

    /// Whether the type is a generic named type or alias (type parameters, no type
    /// arguments), whose size is not defined (`isGeneric`).
    fn is_generic(&self, ty: TypeId) -> bool {
        match self.store.ty(ty) {
            Type::Named(named) => !named.type_params.is_empty() && named.type_args.is_empty(),
            Type::Alias(alias) => !alias.type_params.is_empty() && alias.type_args.is_empty(),
            _ => false,
        }
    }
}
