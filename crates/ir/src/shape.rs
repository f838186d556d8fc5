//! gc's shapes: a generic function is compiled once per shape of its type arguments
//! (`go.shape.int`, `go.shape.*uint8`, `go.shape.struct { ... }`), the argument's
//! underlying type spelled as gc's `LinkString` spells it (package paths, not names).

use std::collections::HashMap;
use std::fmt::Write as _;

use goescape_types::basic::BasicKind;
use goescape_types::ty::{ChanDir, Type};
use goescape_types::under::{unalias, underlying};
use goescape_types::{ObjKind, PkgIdx, TypeId, TypeStore};

use crate::type_facts::TypeFacts;

/// The shape of type argument `targ` for a type parameter whose constraint is `basic`
/// (a method set, without type terms): pointers then all share the shape `*uint8`.
pub fn shape_name(facts: &TypeFacts<'_>, targ: TypeId, basic: bool) -> String {
    let store = &facts.store;
    let u = underlying(store, targ);
    let pointer_shaping = basic
        && match store.ty(u) {
            Type::Pointer(e) => !facts.not_in_heap(*e),
            _ => false,
        };
    let mut spelled = String::new();
    if pointer_shaping {
        spelled.push_str("*uint8");
    } else {
        link_string_in(store, facts.substitution(), u, &mut spelled, 0);
    }
    format!("go.shape.{}", hash_long_shape(spelled))
}

/// gc names shapes longer than 500 bytes by a digest of their spelling (its
/// `MaxShapeLen` and `cmd/internal/hash.Sum32`: SHA-256 with the first byte inverted).
fn hash_long_shape(spelled: String) -> String {
    const MAX_SHAPE_LEN: usize = 500;
    if spelled.len() <= MAX_SHAPE_LEN {
        return spelled;
    }
    use sha2::Digest as _;
    let mut sum: [u8; 32] = sha2::Sha256::digest(spelled.as_bytes()).into();
    sum[0] ^= 0xff;
    sum.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether a type parameter's constraint is a method set (has no type terms).
pub fn basic_constraint(store: &TypeStore<'_>, param: TypeId) -> bool {
    let Type::TypeParam(p) = store.ty(unalias(store, param)) else {
        return true;
    };
    let Some(c) = p.constraint else {
        return true;
    };
    // gc's "basic interface" here is go/types' IsMethodSet: no type terms (methods
    // allowed), so pointers share a shape whatever methods the constraint asks for.
    let u = underlying(store, c);
    match store.ty(u) {
        Type::Interface(_) => goescape_types::typeset::interface_type_set(store, u).is_method_set(),
        _ => true,
    }
}

fn qualified(store: &TypeStore<'_>, pkg: Option<PkgIdx>, name: &str, out: &mut String) {
    if let Some(p) = pkg {
        if p != PkgIdx::UNIVERSE {
            out.push_str(&store.package(p).path);
            out.push('.');
        }
    }
    out.push_str(name);
}

/// gc's `LinkString` of a type.
pub fn link_string(store: &TypeStore<'_>, t: TypeId, out: &mut String, depth: usize) {
    link_string_in(store, &HashMap::new(), t, out, depth);
}

/// [`link_string`] with type parameters replaced as `subst` says.
pub fn link_string_in(
    store: &TypeStore<'_>,
    subst: &HashMap<TypeId, TypeId>,
    t: TypeId,
    out: &mut String,
    depth: usize,
) {
    if depth > 32 {
        out.push_str("...");
        return;
    }
    let t = unalias(store, t);
    if let Some(&c) = subst.get(&t) {
        // A bound type parameter inside a type argument: gc's instance already has it
        // as its shape.
        out.push_str("go.shape.");
        let u = underlying(store, c);
        let pointer = basic_constraint(store, t) && matches!(store.ty(u), Type::Pointer(_));
        let mut spelled = String::new();
        if pointer {
            spelled.push_str("*uint8");
        } else {
            link_string_in(store, subst, u, &mut spelled, depth + 1);
        }
        out.push_str(&hash_long_shape(spelled));
        return;
    }
    match store.ty(t) {
        Type::Basic(b) => out.push_str(match b.kind {
            BasicKind::Uint8 => "uint8",
            BasicKind::Int32 => "int32",
            BasicKind::UnsafePointer => "unsafe.Pointer",
            _ => b.name,
        }),
        Type::Named(n) => {
            let o = store.obj(n.obj);
            qualified(store, o.pkg, &o.name, out);
            if !n.type_args.is_empty() {
                out.push('[');
                for (i, a) in n.type_args.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    link_string_in(store, subst, *a, out, depth + 1);
                }
                out.push(']');
            }
        }
        Type::Pointer(e) => {
            out.push('*');
            link_string_in(store, subst, *e, out, depth + 1);
        }
        Type::Slice(e) => {
            out.push_str("[]");
            link_string_in(store, subst, *e, out, depth + 1);
        }
        Type::Array { len, elem } => {
            let _ = write!(out, "[{}]", len.unwrap_or(0));
            link_string_in(store, subst, *elem, out, depth + 1);
        }
        Type::Map { key, elem } => {
            out.push_str("map[");
            link_string_in(store, subst, *key, out, depth + 1);
            out.push(']');
            link_string_in(store, subst, *elem, out, depth + 1);
        }
        Type::Chan { dir, elem } => {
            out.push_str(match dir {
                ChanDir::Both => "chan ",
                ChanDir::Send => "chan<- ",
                ChanDir::Recv => "<-chan ",
            });
            link_string_in(store, subst, *elem, out, depth + 1);
        }
        Type::Struct(s) => {
            if s.fields.is_empty() {
                out.push_str("struct {}");
                return;
            }
            out.push_str("struct { ");
            for (i, f) in s.fields.iter().enumerate() {
                if i > 0 {
                    out.push_str("; ");
                }
                let o = store.obj(*f);
                let embedded = matches!(&o.kind, ObjKind::Var(v) if v.embedded);
                if !embedded {
                    let exported = o.name.chars().next().is_some_and(char::is_uppercase);
                    if exported {
                        out.push_str(&o.name);
                    } else {
                        qualified(store, o.pkg, &o.name, out);
                    }
                    out.push(' ');
                }
                if let Some(ft) = o.ty {
                    link_string_in(store, subst, ft, out, depth + 1);
                }
                if let Some(tag) = s.tags.get(i).filter(|t| !t.is_empty()) {
                    let _ = write!(out, " {:?}", String::from_utf8_lossy(tag));
                }
            }
            out.push_str(" }");
        }
        Type::Interface(_) => {
            // The whole method set, embedded interfaces' methods included, exported
            // names first; unexported names qualified by package path.
            let methods = goescape_types::typeset::interface_type_set(store, t).methods;
            if methods.is_empty() {
                out.push_str("interface {}");
                return;
            }
            out.push_str("interface { ");
            for (k, &m) in methods.iter().enumerate() {
                if k > 0 {
                    out.push_str("; ");
                }
                let m = store.obj(m);
                if m.name.chars().next().is_some_and(char::is_uppercase) {
                    out.push_str(&m.name);
                } else {
                    qualified(store, m.pkg, &m.name, out);
                }
                if let Some(mt) = m.ty {
                    let mut sig = String::new();
                    link_string_in(store, subst, mt, &mut sig, depth + 1);
                    out.push_str(sig.trim_start_matches("func"));
                }
            }
            out.push_str(" }");
        }
        Type::Signature(s) => {
            out.push_str("func(");
            for (i, p) in s.params.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                if let Some(pt) = store.obj(*p).ty {
                    if s.variadic && i + 1 == s.params.len() {
                        out.push_str("...");
                        match store.ty(pt) {
                            Type::Slice(e) => link_string_in(store, subst, *e, out, depth + 1),
                            _ => link_string_in(store, subst, pt, out, depth + 1),
                        }
                    } else {
                        link_string_in(store, subst, pt, out, depth + 1);
                    }
                }
            }
            out.push(')');
            match s.results.len() {
                0 => {}
                1 => {
                    out.push(' ');
                    if let Some(rt) = store.obj(s.results[0]).ty {
                        link_string_in(store, subst, rt, out, depth + 1);
                    }
                }
                _ => {
                    out.push_str(" (");
                    for (i, r) in s.results.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        if let Some(rt) = store.obj(*r).ty {
                            link_string_in(store, subst, rt, out, depth + 1);
                        }
                    }
                    out.push(')');
                }
            }
        }
        Type::TypeParam(p) => out.push_str(&store.obj(p.obj).name),
        Type::Tuple(_) | Type::Union(_) | Type::Alias(_) => out.push('?'),
    }
}

/// Whether `t` mentions a type parameter that `subst` does not replace (by a type
/// without such parameters).
pub fn has_unbound_type_params(
    store: &TypeStore<'_>,
    subst: &HashMap<TypeId, TypeId>,
    t: TypeId,
    depth: usize,
) -> bool {
    if depth > 32 {
        return true;
    }
    let t = unalias(store, t);
    if let Some(&c) = subst.get(&t) {
        return c != t && has_unbound_type_params(store, subst, c, depth + 1);
    }
    let rec = |x: TypeId| has_unbound_type_params(store, subst, x, depth + 1);
    match store.ty(t) {
        Type::TypeParam(_) => true,
        Type::Basic(_) => false,
        Type::Named(n) => n.type_args.iter().any(|&a| rec(a)),
        Type::Pointer(e) | Type::Slice(e) => rec(*e),
        Type::Array { elem, .. } | Type::Chan { elem, .. } => rec(*elem),
        Type::Map { key, elem } => rec(*key) || rec(*elem),
        Type::Struct(s) => s.fields.iter().any(|f| store.obj(*f).ty.is_some_and(rec)),
        Type::Signature(s) => s
            .params
            .iter()
            .chain(&s.results)
            .any(|v| store.obj(*v).ty.is_some_and(rec)),
        Type::Tuple(vs) => vs.iter().any(|v| store.obj(*v).ty.is_some_and(rec)),
        Type::Interface(i) => i.methods.iter().any(|m| store.obj(*m).ty.is_some_and(rec)),
        Type::Union(_) | Type::Alias(_) => true,
    }
}

/// Whether `t` mentions a type parameter.
pub fn has_type_params(store: &TypeStore<'_>, t: TypeId, depth: usize) -> bool {
    if depth > 32 {
        return true;
    }
    let t = unalias(store, t);
    let rec = |x: TypeId| has_type_params(store, x, depth + 1);
    match store.ty(t) {
        Type::TypeParam(_) => true,
        Type::Basic(_) => false,
        Type::Named(n) => n.type_args.iter().any(|&a| rec(a)),
        Type::Pointer(e) | Type::Slice(e) => rec(*e),
        Type::Array { elem, .. } | Type::Chan { elem, .. } => rec(*elem),
        Type::Map { key, elem } => rec(*key) || rec(*elem),
        Type::Struct(s) => s.fields.iter().any(|f| store.obj(*f).ty.is_some_and(rec)),
        Type::Signature(s) => s
            .params
            .iter()
            .chain(&s.results)
            .any(|v| store.obj(*v).ty.is_some_and(rec)),
        Type::Tuple(vs) => vs.iter().any(|v| store.obj(*v).ty.is_some_and(rec)),
        Type::Interface(i) => i.methods.iter().any(|m| store.obj(*m).ty.is_some_and(rec)),
        Type::Union(_) | Type::Alias(_) => true,
    }
}
