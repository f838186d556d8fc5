//! OBJ, an object as the dump prints it: `KIND NAME PKG POS TYPE EXTRAS` (`appendObj`).

use goescape_constant::{Kind, Value};

use super::text::{push_atom, push_pos, push_quoted};
use super::Dumper;
use crate::ids::{DeclPos, ObjId, PkgIdx};
use crate::object::{ObjKind, Object, VarKind};
use crate::ty::Type;
use crate::typestring::is_alias;

impl Dumper<'_, '_> {
    /// Appends the object's OBJ text.
    pub(super) fn push_obj(&mut self, out: &mut String, id: ObjId) {
        if let Some(s) = self.objects.get(&id) {
            out.push_str(s);
            return;
        }
        let start = out.len();
        let obj = self.store.obj(id);
        out.push_str(self.obj_kind(id, obj));
        out.push(' ');
        push_atom(out, &obj.name);
        out.push(' ');
        match obj.pkg {
            Some(pkg) => push_atom(out, &self.store.package(pkg).path),
            None => out.push('-'),
        }
        out.push(' ');
        self.push_decl_pos(out, obj.pkg, obj.pos);
        out.push(' ');
        match (obj.ty, &obj.kind) {
            // Our model gives these no type; go/types gives them Typ[Invalid].
            (None, ObjKind::PkgName { .. } | ObjKind::Label { .. } | ObjKind::Builtin(_)) => {
                push_quoted(out, b"invalid type");
            }
            (ty, _) => self.push_type(out, ty),
        }
        self.push_extras(out, id, obj);
        self.objects.insert(id, out[start..].to_owned());
    }

    /// POS of a declaration, in a file of the object's package.
    fn push_decl_pos(&self, out: &mut String, pkg: Option<PkgIdx>, pos: Option<DeclPos>) {
        match (pkg, pos) {
            (Some(pkg), Some(pos)) => push_pos(
                out,
                self.file_of(pkg, pos.file),
                goescape_syntax::Pos(pos.offset),
            ),
            (None, Some(_)) => out.push('?'),
            (_, None) => out.push('-'),
        }
    }

    /// The kind word (`objKind`).
    fn obj_kind(&self, id: ObjId, obj: &Object) -> &'static str {
        match &obj.kind {
            ObjKind::Var(info) => match info.kind {
                VarKind::Var if self.is_package_var(id, obj) => "var",
                VarKind::Var => "local",
                VarKind::Receiver => "recv",
                VarKind::Param => "param",
                VarKind::Result => "result",
                VarKind::Field => "field",
            },
            ObjKind::Const(_) => "const",
            ObjKind::TypeName => match obj.ty.map(|ty| self.store.ty(ty)) {
                Some(Type::TypeParam(_)) => "typeparam",
                _ if is_alias(&self.store, id) => "alias",
                _ => "type",
            },
            ObjKind::Func(_) => match obj.ty.map(|ty| self.store.ty(ty)) {
                Some(Type::Signature(sig)) if sig.recv.is_some() => "method",
                _ => "func",
            },
            ObjKind::PkgName { .. } => "pkgname",
            ObjKind::Label { .. } => "label",
            ObjKind::Builtin(_) => "builtin",
            ObjKind::Nil => "nil",
        }
    }

    /// Whether a variable is a package-level one (go/types' `PackageVar`), which our model
    /// does not distinguish from local variables: declared in its package's scope, or (for
    /// the package being dumped, where blank and redeclared variables are in no scope) by a
    /// top-level `var` declaration.
    fn is_package_var(&self, id: ObjId, obj: &Object) -> bool {
        if id.pkg == self.input.pkg {
            if let Some(pos) = obj.pos {
                if self.package_vars.contains(&(pos.file, pos.offset)) {
                    return true;
                }
            }
        }
        let Some(pkg) = obj.pkg else {
            return false;
        };
        let scope = if pkg == self.input.pkg {
            self.package_scope
        } else {
            self.store.program.get(pkg).and_then(|a| a.info.scope)
        };
        scope.is_some_and(|scope| obj.parent == Some(scope))
    }

    fn push_extras(&mut self, out: &mut String, id: ObjId, obj: &Object) {
        match &obj.kind {
            ObjKind::Const(value) => {
                out.push(' ');
                push_const(out, value);
            }
            ObjKind::PkgName { imported, .. } => {
                out.push_str(" imported=");
                push_atom(out, &self.store.package(*imported).path);
            }
            ObjKind::Var(info) => {
                if info.embedded {
                    out.push_str(" embedded");
                }
                if info.origin.is_some_and(|origin| origin != id) {
                    out.push_str(" instance");
                }
            }
            ObjKind::Func(info) => {
                if let Some(Type::Signature(sig)) = obj.ty.map(|ty| self.store.ty(ty)) {
                    if let Some(recv) = sig.recv {
                        out.push_str(" recv=");
                        let recv_ty = self.store.obj(recv).ty;
                        self.push_type(out, recv_ty);
                    }
                }
                if info.origin.is_some_and(|origin| origin != id) {
                    out.push_str(" instance");
                }
            }
            ObjKind::TypeName => match obj.ty.map(|ty| self.store.ty(ty)) {
                Some(Type::TypeParam(param)) => {
                    out.push_str(" constraint=");
                    self.push_type(out, param.constraint);
                }
                Some(Type::Alias(alias)) => {
                    out.push_str(" rhs=");
                    self.push_type(out, alias.rhs);
                }
                _ => {}
            },
            ObjKind::Label { .. } | ObjKind::Builtin(_) | ObjKind::Nil => {}
        }
    }
}

/// CONST: `KIND "EXACT" "TEXT"` (`appendConst`).
pub(super) fn push_const(out: &mut String, value: &Value) {
    out.push_str(match value.kind() {
        Kind::Unknown => "Unknown",
        Kind::Bool => "Bool",
        Kind::String => "String",
        Kind::Int => "Int",
        Kind::Float => "Float",
        Kind::Complex => "Complex",
    });
    out.push(' ');
    push_quoted(out, value.exact_string().as_bytes());
    out.push(' ');
    push_quoted(out, value.to_string().as_bytes());
}
