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
    shape_name_with(facts, targ, basic, true)
}

/// [`shape_name`] of a concrete type argument: the type parameters bound in `facts`
/// that it mentions are spelled as their arguments, not as shapes (an instance read
/// outside any shaped body).
pub fn concrete_shape_name(facts: &TypeFacts<'_>, targ: TypeId, basic: bool) -> String {
    shape_name_with(facts, targ, basic, false)
}

fn shape_name_with(facts: &TypeFacts<'_>, targ: TypeId, basic: bool, shaped: bool) -> String {
    let mut mode = if shaped {
        LinkMode::shaped()
    } else {
        LinkMode::concrete()
    };
    let store = &facts.store;
    let targ = if shaped { targ } else { facts.resolve(targ) };
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
        if let Type::Named(n) = store.ty(targ) {
            mode.expanding.push(n.origin.unwrap_or(targ));
        }
        link_string_with(store, facts.substitution(), &mut mode, u, &mut spelled, 0);
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

/// [`link_string`] inside a shaped instance whose type parameters `subst` binds: a bound
/// parameter is spelled as its shape.
pub fn link_string_in(
    store: &TypeStore<'_>,
    subst: &HashMap<TypeId, TypeId>,
    t: TypeId,
    out: &mut String,
    depth: usize,
) {
    link_string_with(store, subst, &mut LinkMode::shaped(), t, out, depth);
}

/// [`link_string`] of `t` with the type parameters `subst` binds replaced by their
/// arguments: the name of a concrete instance.
pub fn concrete_link_string(
    store: &TypeStore<'_>,
    subst: &HashMap<TypeId, TypeId>,
    t: TypeId,
    out: &mut String,
) {
    link_string_with(store, subst, &mut LinkMode::concrete(), t, out, 0);
}

/// How [`link_string_with`] spells bound type parameters.
struct LinkMode {
    /// Inside a shaped body: bound parameters are shapes, and instances whose arguments
    /// mention them are shaped too.
    shaped: bool,
    /// The generic types whose instances' shapes are being spelled: a reference back
    /// to one is not shaped again (gc has not finished that type when it reads it).
    expanding: Vec<TypeId>,
}

impl LinkMode {
    fn shaped() -> LinkMode {
        LinkMode {
            shaped: true,
            expanding: Vec::new(),
        }
    }

    fn concrete() -> LinkMode {
        LinkMode {
            shaped: false,
            expanding: Vec::new(),
        }
    }
}

fn link_string_with(
    store: &TypeStore<'_>,
    subst: &HashMap<TypeId, TypeId>,
    mode: &mut LinkMode,
    t: TypeId,
    out: &mut String,
    depth: usize,
) {
    if depth > 32 {
        out.push_str("...");
        return;
    }
    let t = unalias(store, t);
    if let Some(&c) = subst.get(&t).filter(|_| !mode.shaped) {
        if c != t {
            link_string_with(store, subst, mode, c, out, depth + 1);
            return;
        }
    }
    if let Some(&c) = subst.get(&t).filter(|_| mode.shaped) {
        // A bound type parameter inside a type argument: gc's instance already has it
        // as its shape.
        out.push_str("go.shape.");
        let u = underlying(store, c);
        let pointer = basic_constraint(store, t) && matches!(store.ty(u), Type::Pointer(_));
        let mut spelled = String::new();
        if pointer {
            spelled.push_str("*uint8");
        } else {
            link_string_with(store, subst, mode, u, &mut spelled, depth + 1);
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
                // In a shaped body, an instance whose arguments mention shapes is
                // shaped itself: its arguments are spelled as their shapes.
                let shapify = mode.shaped
                    && n.type_args
                        .iter()
                        .any(|&a| mentions_bound_param(store, subst, a, 0))
                    && !n
                        .type_args
                        .iter()
                        .any(|&a| mentions_generic(store, a, &mode.expanding, 0));
                let params = n
                    .origin
                    .and_then(|g| match store.ty(g) {
                        Type::Named(g) => Some(g.type_params.clone()),
                        _ => None,
                    })
                    .unwrap_or_default();
                out.push('[');
                for (i, &a) in n.type_args.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    let a = unalias(store, a);
                    if !shapify || subst.contains_key(&a) {
                        link_string_with(store, subst, mode, a, out, depth + 1);
                        continue;
                    }
                    let u = underlying(store, a);
                    let basic = params.get(i).is_none_or(|&p| basic_constraint(store, p));
                    let mut spelled = String::new();
                    if basic && matches!(store.ty(u), Type::Pointer(_)) {
                        spelled.push_str("*uint8");
                    } else {
                        let origin = match store.ty(a) {
                            Type::Named(an) => an.origin.unwrap_or(a),
                            _ => a,
                        };
                        mode.expanding.push(origin);
                        link_string_with(store, subst, mode, u, &mut spelled, depth + 1);
                        mode.expanding.pop();
                    }
                    out.push_str("go.shape.");
                    out.push_str(&hash_long_shape(spelled));
                }
                out.push(']');
            }
        }
        Type::Pointer(e) => {
            out.push('*');
            link_string_with(store, subst, mode, *e, out, depth + 1);
        }
        Type::Slice(e) => {
            out.push_str("[]");
            link_string_with(store, subst, mode, *e, out, depth + 1);
        }
        Type::Array { len, elem } => {
            let _ = write!(out, "[{}]", len.unwrap_or(0));
            link_string_with(store, subst, mode, *elem, out, depth + 1);
        }
        Type::Map { key, elem } => {
            out.push_str("map[");
            link_string_with(store, subst, mode, *key, out, depth + 1);
            out.push(']');
            link_string_with(store, subst, mode, *elem, out, depth + 1);
        }
        Type::Chan { dir, elem } => {
            out.push_str(match dir {
                ChanDir::Both => "chan ",
                ChanDir::Send => "chan<- ",
                ChanDir::Recv => "<-chan ",
            });
            link_string_with(store, subst, mode, *elem, out, depth + 1);
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
                // An embedded field is spelled `name = T` unless its name is the
                // embedded type's own (an instance or an alias renames it).
                if !embedded || !embeds_own_name(store, o.pkg, &o.name, o.ty) {
                    let exported = o.name.chars().next().is_some_and(char::is_uppercase);
                    if exported {
                        out.push_str(&o.name);
                    } else {
                        qualified(store, o.pkg, &o.name, out);
                    }
                    out.push_str(if embedded { " = " } else { " " });
                }
                if let Some(ft) = o.ty {
                    link_string_with(store, subst, mode, ft, out, depth + 1);
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
                    link_string_with(store, subst, mode, mt, &mut sig, depth + 1);
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
                            Type::Slice(e) => {
                                link_string_with(store, subst, mode, *e, out, depth + 1)
                            }
                            _ => link_string_with(store, subst, mode, pt, out, depth + 1),
                        }
                    } else {
                        link_string_with(store, subst, mode, pt, out, depth + 1);
                    }
                }
            }
            out.push(')');
            match s.results.len() {
                0 => {}
                1 => {
                    out.push(' ');
                    if let Some(rt) = store.obj(s.results[0]).ty {
                        link_string_with(store, subst, mode, rt, out, depth + 1);
                    }
                }
                _ => {
                    out.push_str(" (");
                    for (i, r) in s.results.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        if let Some(rt) = store.obj(*r).ty {
                            link_string_with(store, subst, mode, rt, out, depth + 1);
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
    find_type_param(store, t, depth, true, &|_| true)
}

/// Whether type parameter `param` occurs in `t`: gc makes a shape type's wrappers only
/// when a shaped body reads a type built from it.
pub fn mentions_type_param(store: &TypeStore<'_>, t: TypeId, param: TypeId, depth: usize) -> bool {
    find_type_param(store, t, depth, false, &|p| p == param)
}

/// Whether a type parameter `wanted` accepts occurs in `t`; `undecided` answers for
/// what is not looked into (unions, aliases, types nested too deep).
fn find_type_param(
    store: &TypeStore<'_>,
    t: TypeId,
    depth: usize,
    undecided: bool,
    wanted: &dyn Fn(TypeId) -> bool,
) -> bool {
    if depth > 32 {
        return undecided;
    }
    let t = unalias(store, t);
    let rec = |x: TypeId| find_type_param(store, x, depth + 1, undecided, wanted);
    match store.ty(t) {
        Type::TypeParam(_) => wanted(t),
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
        Type::Union(_) | Type::Alias(_) => undecided,
    }
}

/// Whether an embedded field named `name` (declared in `pkg`) has the name of the type it
/// embeds: the same symbol, or the same exported name.
fn embeds_own_name(
    store: &TypeStore<'_>,
    pkg: Option<PkgIdx>,
    name: &str,
    ty: Option<TypeId>,
) -> bool {
    let Some(mut t) = ty else { return true };
    if let Type::Pointer(e) = store.ty(t) {
        t = *e;
    }
    match store.ty(t) {
        Type::Named(n) if n.type_args.is_empty() => {
            let o = store.obj(n.obj);
            &*o.name == name
                && (o.pkg == pkg || name.chars().next().is_some_and(char::is_uppercase))
        }
        _ => false,
    }
}

/// Whether `t` mentions a type parameter that `subst` binds (in a shaped body: a shape).
pub fn mentions_bound_param(
    store: &TypeStore<'_>,
    subst: &HashMap<TypeId, TypeId>,
    t: TypeId,
    depth: usize,
) -> bool {
    let t = unalias(store, t);
    if subst.contains_key(&t) {
        return true;
    }
    depth < 32
        && component_types(store, t)
            .into_iter()
            .any(|c| mentions_bound_param(store, subst, c, depth + 1))
}

/// Whether `t` mentions an instance of one of the generic types `origins`.
pub fn mentions_generic(
    store: &TypeStore<'_>,
    t: TypeId,
    origins: &[TypeId],
    depth: usize,
) -> bool {
    if origins.is_empty() {
        return false;
    }
    let t = unalias(store, t);
    if let Type::Named(n) = store.ty(t) {
        if n.origin.is_some_and(|o| origins.contains(&o)) {
            return true;
        }
    }
    depth < 32
        && component_types(store, t)
            .into_iter()
            .any(|c| mentions_generic(store, c, origins, depth + 1))
}

/// The types a type literal or instance is spelled with (not a named type's underlying).
fn component_types(store: &TypeStore<'_>, t: TypeId) -> Vec<TypeId> {
    let of = |v: &goescape_types::ObjId| store.obj(*v).ty;
    match store.ty(t) {
        Type::Named(n) => n.type_args.clone(),
        Type::Pointer(e) | Type::Slice(e) => vec![*e],
        Type::Array { elem, .. } | Type::Chan { elem, .. } => vec![*elem],
        Type::Map { key, elem } => vec![*key, *elem],
        Type::Struct(s) => s.fields.iter().filter_map(of).collect(),
        Type::Signature(s) => s.params.iter().chain(&s.results).filter_map(of).collect(),
        Type::Tuple(vs) => vs.iter().filter_map(of).collect(),
        Type::Interface(i) => i.methods.iter().filter_map(of).collect(),
        _ => Vec::new(),
    }
}
