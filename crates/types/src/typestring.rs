//! Types and objects as text, byte for byte as go/types' `TypeString`, `WriteSignature`
//! and `ObjectString` print them (messages quote types in this form).
//!
//! A qualifier decides how a package-level name is prefixed: it returns the prefix for a
//! package (`"fmt"` gives `fmt.Stringer`), None or an empty string for none.

use goescape_constant::Value;
use rustc_hash::FxHashSet;

use crate::ids::{ObjId, PkgIdx, ScopeId, TypeId};
use crate::object::{ObjKind, VarKind};
use crate::predeclared::{
    universe_comparable_interface, universe_empty_interface, universe_lookup, universe_scope,
    unsafe_lookup,
};
use crate::selection::{Selection, SelectionKind};
use crate::stack::with_stack;
use crate::store::TypeStore;
use crate::ty::{ChanDir, Signature, Type};
use crate::under::{is_type_param, underlying};
use crate::unique_name::{compare_objects, is_exported};
use crate::universe::UNSAFE;

/// Prefix for the names of a package's objects (without the dot).
pub type Qualifier<'q> = &'q dyn Fn(PkgIdx) -> Option<String>;

/// go/types' default qualifier: every package by its import path.
pub fn qualify_by_path<'s>(store: &'s TypeStore<'_>) -> Box<dyn Fn(PkgIdx) -> Option<String> + 's> {
    Box::new(move |pkg| Some(store.package(pkg).path.to_string()))
}

/// go/types' `RelativeTo(pkg)`: names of `pkg` unqualified, others by import path.
pub fn relative_to<'s>(
    store: &'s TypeStore<'_>,
    pkg: PkgIdx,
) -> Box<dyn Fn(PkgIdx) -> Option<String> + 's> {
    Box::new(move |other| (other != pkg).then(|| store.package(other).path.to_string()))
}

/// The type as go/types' `TypeString(ty, qualifier)` prints it.
pub fn type_string(store: &TypeStore<'_>, ty: TypeId, qualifier: Qualifier<'_>) -> String {
    let mut w = TypeWriter::new(store, Some(qualifier));
    w.typ(Some(ty));
    w.out
}

/// A signature without the leading `func`, as go/types' `WriteSignature` prints it:
/// `[T any](x T, ys ...int) (int, error)`.
pub fn signature_string(store: &TypeStore<'_>, sig: TypeId, qualifier: Qualifier<'_>) -> String {
    let mut w = TypeWriter::new(store, Some(qualifier));
    match store.ty(sig) {
        Type::Signature(s) => w.signature(s),
        _ => w.typ(Some(sig)),
    }
    w.out
}

/// A function's name and signature without parameter names (`m(int) string`), as
/// go/types' checker quotes methods in "wrong type for method" messages. Without a
/// qualifier, packages print as paths; with `pkg_info`, the first unexported struct field
/// is annotated with its package (to tell apart types that would print the same).
pub fn func_string(
    store: &TypeStore<'_>,
    func: ObjId,
    qualifier: Option<Qualifier<'_>>,
    pkg_info: bool,
) -> String {
    let obj = store.obj(func);
    let mut w = TypeWriter::new(store, qualifier);
    w.pkg_info = pkg_info;
    w.param_names = false;
    w.out.push_str(&obj.name);
    match obj.ty.map(|t| (t, store.ty(t))) {
        Some((_, Type::Signature(sig))) => w.signature(sig),
        Some((t, _)) => w.typ(Some(t)),
        None => w.typ(None),
    }
    w.out
}

/// The object as go/types' `ObjectString(obj, qualifier)` prints it: `var x int`,
/// `func (T).m()`, `type p.List[T any] struct{...}`, `const c untyped int`, ...
pub fn object_string(store: &TypeStore<'_>, obj_id: ObjId, qualifier: Qualifier<'_>) -> String {
    let obj = store.obj(obj_id);
    let mut w = TypeWriter::new(store, Some(qualifier));
    let mut ty = obj.ty;
    let mut is_type_name = false;
    match &obj.kind {
        ObjKind::PkgName { imported, .. } => {
            w.out.push_str("package ");
            w.out.push_str(&obj.name);
            let path = &store.package(*imported).path;
            if !path.is_empty() && **path != *obj.name {
                w.out.push_str(" (");
                w.out
                    .push_str(&Value::from_string(path.as_bytes()).exact_string());
                w.out.push(')');
            }
            return w.out;
        }
        ObjKind::Const(_) => w.out.push_str("const"),
        ObjKind::TypeName => {
            is_type_name = true;
            w.out.push_str("type");
            if ty.is_some_and(|t| is_type_param(store, t)) {
                w.out.push_str(" parameter");
            }
        }
        ObjKind::Var(info) => w.out.push_str(if info.kind == VarKind::Field {
            "field"
        } else {
            "var"
        }),
        ObjKind::Func(_) => {
            w.out.push_str("func ");
            w.func_name(obj_id);
            if let Some(Type::Signature(sig)) = ty.map(|t| store.ty(t)) {
                w.signature(sig);
            }
            return w.out;
        }
        ObjKind::Label { .. } => {
            w.out.push_str("label");
            ty = None;
        }
        ObjKind::Builtin(_) => {
            w.out.push_str("builtin");
            ty = None;
        }
        ObjKind::Nil => {
            w.out.push_str("nil");
            return w.out;
        }
    }
    w.out.push(' ');
    if is_package_level(store, obj_id) {
        let prefix = w.package_prefix(obj.pkg);
        w.out.push_str(&prefix);
    }
    w.out.push_str(&obj.name);
    let Some(mut t) = ty else {
        return w.out;
    };
    if is_type_name {
        let (type_params, alias_rhs) = match store.ty(t) {
            // Nothing more to say about basic types.
            Type::Basic(_) => return w.out,
            Type::Named(n) => (&n.type_params[..], None),
            Type::Alias(a) => (&a.type_params[..], Some(a.rhs)),
            _ => (&[][..], None),
        };
        if !type_params.is_empty() {
            w.type_param_list(type_params);
        }
        if is_alias(store, obj_id) {
            w.out.push_str(" =");
            if let Some(rhs) = alias_rhs {
                let Some(rhs) = rhs else {
                    w.out.push(' ');
                    w.typ(None);
                    return w.out;
                };
                t = rhs;
            }
        } else if let Type::TypeParam(param) = store.ty(t) {
            let Some(bound) = param.constraint else {
                w.out.push(' ');
                w.typ(None);
                return w.out;
            };
            t = bound;
        } else {
            t = underlying(store, t);
        }
    }
    w.out.push(' ');
    // `any` would print as `any`: show what it stands for.
    if &*obj.name == "any" && obj.parent.is_some() && obj.parent == universe_scope_id(store) {
        w.out.push_str("interface{}");
    } else {
        w.typ(Some(t));
    }
    w.out
}

/// A selection as go/types' `SelectionString` prints it: `field (T) f int`,
/// `method (*T) m(x int) string`, `method expr (T) m(t T, x int) string`.
pub fn selection_string(
    store: &TypeStore<'_>,
    selection: &Selection,
    qualifier: Qualifier<'_>,
) -> String {
    let mut w = TypeWriter::new(store, Some(qualifier));
    w.out.push_str(match selection.kind {
        SelectionKind::FieldVal => "field ",
        SelectionKind::MethodVal => "method ",
        SelectionKind::MethodExpr => "method expr ",
    });
    w.out.push('(');
    w.typ(Some(selection.recv));
    w.out.push_str(") ");
    let obj = store.obj(selection.obj);
    w.out.push_str(&obj.name);
    let sig = match obj.ty.map(|t| store.ty(t)) {
        Some(Type::Signature(sig)) if selection.kind != SelectionKind::FieldVal => sig,
        _ => {
            w.out.push(' ');
            w.typ(obj.ty);
            return w.out;
        }
    };
    if selection.kind == SelectionKind::MethodExpr {
        w.method_expr_signature(sig, selection.recv);
    } else {
        w.signature(sig);
    }
    w.out
}

/// The type of a selection (go/types' `Selection.Type()`) as `TypeString` prints it: the
/// field's type; the method's signature (the receiver go/types sets to the selection's is
/// not printed); for a method expression, the signature with the receiver as first
/// parameter, `func(t T, x int) string`. None if the object has no type yet.
pub fn selection_type_string(
    store: &TypeStore<'_>,
    selection: &Selection,
    qualifier: Qualifier<'_>,
) -> Option<String> {
    let ty = store.obj(selection.obj).ty?;
    let mut w = TypeWriter::new(store, Some(qualifier));
    match store.ty(ty) {
        Type::Signature(sig) if selection.kind == SelectionKind::MethodExpr => {
            w.out.push_str("func");
            w.method_expr_signature(sig, selection.recv);
        }
        _ => w.typ(Some(ty)),
    }
    Some(w.out)
}

/// Whether a type name declares an alias (go/types' `TypeName.IsAlias`).
pub fn is_alias(store: &TypeStore<'_>, type_name: ObjId) -> bool {
    let obj = store.obj(type_name);
    let Some(ty) = obj.ty else {
        return false;
    };
    match store.ty(ty) {
        Type::Basic(b) => {
            obj.pkg != Some(UNSAFE)
                && (obj.pkg.is_some()
                    || b.name != &*obj.name
                    || b.name == "byte"
                    || b.name == "rune")
        }
        Type::Named(n) => n.obj != type_name,
        Type::TypeParam(p) => p.obj != type_name,
        _ => true,
    }
}

/// The universe scope's id: the universe arena's first scope.
fn universe_scope_id(store: &TypeStore<'_>) -> Option<ScopeId> {
    universe_scope(store).map(|_| ScopeId::new(PkgIdx::UNIVERSE, 0))
}

/// Whether the object is declared in its package's scope (and so printed qualified).
fn is_package_level(store: &TypeStore<'_>, obj_id: ObjId) -> bool {
    let obj = store.obj(obj_id);
    let Some(pkg) = obj.pkg else {
        return false;
    };
    let Some(scope) = store.package(pkg).scope else {
        return false;
    };
    store.scope(scope).lookup(&obj.name) == Some(obj_id)
}

struct TypeWriter<'s, 'a, 'q> {
    store: &'s TypeStore<'a>,
    out: String,
    /// Types being written, to cut cycles (only invalid types have them).
    active: FxHashSet<TypeId>,
    /// None: qualify by package path.
    qualifier: Option<Qualifier<'q>>,
    param_names: bool,
    pkg_info: bool,
}

impl<'s, 'a, 'q> TypeWriter<'s, 'a, 'q> {
    fn new(store: &'s TypeStore<'a>, qualifier: Option<Qualifier<'q>>) -> Self {
        TypeWriter {
            store,
            out: String::new(),
            active: FxHashSet::default(),
            qualifier,
            param_names: true,
            pkg_info: false,
        }
    }

    /// Writes a separator the way go/types' writer does: `,` and `;` take a space.
    fn sep(&mut self, c: char) {
        self.out.push(c);
        if c == ',' || c == ';' {
            self.out.push(' ');
        }
    }

    fn error(&mut self, msg: &str) {
        self.out.push('<');
        self.out.push_str(msg);
        self.out.push('>');
    }

    fn package_prefix(&self, pkg: Option<PkgIdx>) -> String {
        let Some(pkg) = pkg else {
            return String::new();
        };
        let prefix = match self.qualifier {
            Some(q) => q(pkg).unwrap_or_default(),
            None => self.store.package(pkg).path.to_string(),
        };
        if prefix.is_empty() {
            prefix
        } else {
            prefix + "."
        }
    }

    fn type_name(&mut self, obj: ObjId) {
        let obj = self.store.obj(obj);
        let prefix = self.package_prefix(obj.pkg);
        self.out.push_str(&prefix);
        self.out.push_str(&obj.name);
    }

    fn typ(&mut self, ty: Option<TypeId>) {
        let Some(ty) = ty else {
            self.error("nil");
            return;
        };
        if !self.active.insert(ty) {
            let name = go_type_name(self.store.ty(ty));
            self.error(&format!("cycle to {name}"));
            return;
        }
        with_stack(|| self.typ_inner(ty));
        self.active.remove(&ty);
    }

    fn typ_inner(&mut self, id: TypeId) {
        let store = self.store;
        match store.ty(id) {
            Type::Basic(b) => {
                // Exported basic types live in package unsafe (just unsafe.Pointer).
                if is_exported(b.name) {
                    if let Some(obj) = unsafe_lookup(store, b.name) {
                        if store.obj(obj).is_type_name() {
                            self.type_name(obj);
                            return;
                        }
                    }
                }
                self.out.push_str(b.name);
            }
            Type::Array { len, elem } => {
                self.out.push('[');
                match len {
                    Some(n) => self.out.push_str(&n.to_string()),
                    None => self.out.push_str("-1"),
                }
                self.out.push(']');
                self.typ(Some(*elem));
            }
            Type::Slice(elem) => {
                self.out.push_str("[]");
                self.typ(Some(*elem));
            }
            Type::Struct(s) => {
                self.out.push_str("struct{");
                for (i, &field) in s.fields.iter().enumerate() {
                    if i > 0 {
                        self.sep(';');
                    }
                    let f = store.obj(field);
                    let annotate =
                        self.qualifier.is_none() && self.pkg_info && !is_exported(&f.name);
                    if annotate {
                        self.pkg_info = false; // only the first one
                    }
                    let embedded = f.var_info().is_some_and(|info| info.embedded);
                    if !embedded {
                        self.out.push_str(&f.name);
                        self.out.push(' ');
                    }
                    self.typ(f.ty);
                    if annotate {
                        let path = f.pkg.map_or("", |p| &*store.package(p).path);
                        self.out.push_str(" /* package ");
                        self.out.push_str(path);
                        self.out.push_str(" */ ");
                    }
                    if let Some(tag) = s.tags.get(i).filter(|tag| !tag.is_empty()) {
                        self.out.push(' ');
                        self.out
                            .push_str(&Value::from_string(&tag[..]).exact_string());
                    }
                }
                self.out.push('}');
            }
            Type::Pointer(base) => {
                self.out.push('*');
                self.typ(Some(*base));
            }
            Type::Tuple(vars) => self.tuple(vars, false),
            Type::Signature(sig) => {
                self.out.push_str("func");
                self.signature(sig);
            }
            Type::Union(terms) => {
                if terms.is_empty() {
                    self.error("empty union");
                    return;
                }
                for (i, term) in terms.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(" | ");
                    }
                    if term.tilde {
                        self.out.push('~');
                    }
                    self.typ(Some(term.ty));
                }
            }
            Type::Interface(iface) => {
                if Some(id) == universe_empty_interface(store) {
                    self.out.push_str("any");
                    return;
                }
                if Some(id) == universe_comparable_interface(store) {
                    self.out.push_str("interface{comparable}");
                    return;
                }
                if iface.implicit {
                    if iface.methods.is_empty() && iface.embeddeds.len() == 1 {
                        self.typ(Some(iface.embeddeds[0]));
                        return;
                    }
                    // Not what an implicit interface should look like; say so.
                    self.out.push_str("/* implicit */ ");
                }
                self.out.push_str("interface{");
                // go/types keeps explicit methods sorted.
                let mut methods = iface.methods.clone();
                methods.sort_by(|&a, &b| compare_objects(store, a, b));
                let mut first = true;
                for m in methods {
                    if !first {
                        self.sep(';');
                    }
                    first = false;
                    let m = store.obj(m);
                    self.out.push_str(&m.name);
                    match m.ty.map(|t| (t, store.ty(t))) {
                        Some((_, Type::Signature(sig))) => self.signature(sig),
                        Some((t, _)) => self.typ(Some(t)),
                        None => self.typ(None),
                    }
                }
                for &embedded in &iface.embeddeds {
                    if !first {
                        self.sep(';');
                    }
                    first = false;
                    self.typ(Some(embedded));
                }
                self.out.push('}');
            }
            Type::Map { key, elem } => {
                self.out.push_str("map[");
                self.typ(Some(*key));
                self.out.push(']');
                self.typ(Some(*elem));
            }
            Type::Chan { dir, elem } => {
                // chan (<-chan T) needs the parentheses.
                let parens = *dir == ChanDir::Both
                    && matches!(
                        store.ty(*elem),
                        Type::Chan {
                            dir: ChanDir::Recv,
                            ..
                        }
                    );
                self.out.push_str(match dir {
                    ChanDir::Both => "chan ",
                    ChanDir::Send => "chan<- ",
                    ChanDir::Recv => "<-chan ",
                });
                if parens {
                    self.out.push('(');
                }
                self.typ(Some(*elem));
                if parens {
                    self.out.push(')');
                }
            }
            Type::Named(named) => {
                self.type_name(named.obj);
                if named.origin.is_some() || !named.type_args.is_empty() {
                    self.type_list(&named.type_args);
                } else if !named.type_params.is_empty() {
                    self.type_param_list(&named.type_params);
                }
            }
            Type::TypeParam(param) => {
                let name = &store.obj(param.obj).name;
                self.out.push_str(name);
                // A type parameter named like a predeclared identifier would be confusing.
                if universe_lookup(store, name).is_some() {
                    self.out.push_str("/* type parameter */");
                }
            }
            Type::Alias(alias) => {
                self.type_name(alias.obj);
                if !alias.type_args.is_empty() {
                    self.type_list(&alias.type_args);
                } else if !alias.type_params.is_empty() {
                    self.type_param_list(&alias.type_params);
                }
            }
        }
    }

    fn type_list(&mut self, list: &[TypeId]) {
        self.out.push('[');
        for (i, &ty) in list.iter().enumerate() {
            if i > 0 {
                self.sep(',');
            }
            self.typ(Some(ty));
        }
        self.out.push(']');
    }

    /// `[K comparable, V any]`: a constraint is written once for consecutive parameters
    /// that share it.
    fn type_param_list(&mut self, params: &[TypeId]) {
        self.out.push('[');
        let mut prev: Option<TypeId> = None;
        for (i, &param) in params.iter().enumerate() {
            let bound = match self.store.ty(param) {
                Type::TypeParam(p) => p.constraint,
                _ => None,
            };
            if i > 0 {
                if bound != prev {
                    self.out.push(' ');
                    self.typ(prev);
                }
                self.sep(',');
            }
            prev = bound;
            self.typ(Some(param));
        }
        if prev.is_some() {
            self.out.push(' ');
            self.typ(prev);
        }
        self.out.push(']');
    }

    fn tuple(&mut self, vars: &[ObjId], variadic: bool) {
        let entries: Vec<(&str, Option<TypeId>)> = vars
            .iter()
            .map(|&v| self.store.obj(v))
            .map(|v| (&*v.name, v.ty))
            .collect();
        self.tuple_entries(&entries, variadic);
    }

    /// A parameter or result list from (name, type) pairs.
    fn tuple_entries(&mut self, entries: &[(&str, Option<TypeId>)], variadic: bool) {
        self.out.push('(');
        for (i, &(name, ty)) in entries.iter().enumerate() {
            if i > 0 {
                self.sep(',');
            }
            if self.param_names && !name.is_empty() {
                self.out.push_str(name);
                self.out.push(' ');
            }
            if variadic && i == entries.len() - 1 {
                match ty.map(|t| self.store.ty(t)) {
                    Some(Type::Slice(elem)) => {
                        self.out.push_str("...");
                        self.typ(Some(*elem));
                    }
                    // append(s, str...) and friends: the dots go after the type.
                    _ => {
                        self.typ(ty);
                        self.out.push_str("...");
                    }
                }
            } else {
                self.typ(ty);
            }
        }
        self.out.push(')');
    }

    fn signature(&mut self, sig: &Signature) {
        if !sig.type_params.is_empty() {
            self.type_param_list(&sig.type_params);
        }
        self.tuple(&sig.params, sig.variadic);
        self.results(sig);
    }

    /// A method's signature as a function of its receiver (`func(r T, x int)`), as a
    /// method expression `T.m` has it.
    fn method_expr_signature(&mut self, sig: &Signature, recv: TypeId) {
        let store = self.store;
        let recv_name = sig.recv.map_or("", |r| &*store.obj(r).name);
        let mut entries = vec![(recv_name, Some(recv))];
        entries.extend(
            sig.params
                .iter()
                .map(|&v| store.obj(v))
                .map(|v| (&*v.name, v.ty)),
        );
        if !sig.type_params.is_empty() {
            self.type_param_list(&sig.type_params);
        }
        self.tuple_entries(&entries, sig.variadic);
        self.results(sig);
    }

    fn results(&mut self, sig: &Signature) {
        match sig.results[..] {
            [] => {}
            [single] if self.store.obj(single).name.is_empty() => {
                self.out.push(' ');
                self.typ(self.store.obj(single).ty);
            }
            _ => {
                self.out.push(' ');
                self.tuple(&sig.results, false);
            }
        }
    }

    /// `(T).m` for methods, `pkg.f` for functions.
    fn func_name(&mut self, func: ObjId) {
        let store = self.store;
        let f = store.obj(func);
        if let Some(ty) = f.ty {
            let recv = match store.ty(ty) {
                Type::Signature(sig) => sig.recv,
                _ => None,
            };
            if let Some(recv) = recv {
                self.out.push('(');
                let recv_ty = store.obj(recv).ty;
                // Methods of imported interfaces may have the interface as receiver type.
                if let Some(Type::Interface(_)) = recv_ty.map(|t| store.ty(t)) {
                    self.out.push_str("interface");
                } else {
                    self.typ(recv_ty);
                }
                self.out.push_str(").");
            } else {
                let prefix = self.package_prefix(f.pkg);
                self.out.push_str(&prefix);
            }
        }
        self.out.push_str(&f.name);
    }
}

/// The Go type name go/types reports a cycle with (`*Struct`, ...).
fn go_type_name(ty: &Type) -> &'static str {
    match ty {
        Type::Basic(_) => "*Basic",
        Type::Pointer(_) => "*Pointer",
        Type::Slice(_) => "*Slice",
        Type::Array { .. } => "*Array",
        Type::Map { .. } => "*Map",
        Type::Chan { .. } => "*Chan",
        Type::Struct(_) => "*Struct",
        Type::Tuple(_) => "*Tuple",
        Type::Signature(_) => "*Signature",
        Type::Interface(_) => "*Interface",
        Type::Named(_) => "*Named",
        Type::TypeParam(_) => "*TypeParam",
        Type::Union(_) => "*Union",
        Type::Alias(_) => "*Alias",
    }
}
