//! Instances of generic functions: gc compiles a generic function once per shape of its
//! type arguments, in every package that uses it (`slices.Index[go.shape.string]`), and
//! reports what escapes in each instance at the generic source's positions. Here an
//! instance is the generic function's IR (from the package that declares it) analysed
//! with its type parameters bound to the concrete type arguments, so that the type
//! questions escape analysis asks get the shape's answers.

use std::collections::HashMap;

use goescape_ir::shape::{
    basic_constraint, concrete_shape_name, has_unbound_type_params, shape_name,
};
use goescape_ir::type_facts::TypeFacts;
use goescape_ir::{ExprId, ExprKind, Package};
use goescape_types::ty::Type;
use goescape_types::under::unalias;
use goescape_types::{ObjId, TypeId};

use crate::leaks::Leaks;

/// A generic function and the shapes of its type arguments.
pub type InstanceKey = (ObjId, Vec<String>);

/// The summaries of the instances analysed so far.
#[derive(Default)]
pub struct InstanceTable {
    pub summaries: HashMap<InstanceKey, Vec<Leaks>>,
}

/// The instance the reference `e` of `pkg` denotes, with the binding of its type
/// parameters, when its type arguments are known under `facts`' own binding.
pub fn instance_of(
    facts: &TypeFacts<'_>,
    pkg: &Package,
    e: ExprId,
) -> Option<(InstanceKey, HashMap<TypeId, TypeId>)> {
    let obj = match pkg.expr(e).kind {
        ExprKind::FuncName(obj) => obj,
        ExprKind::MethodExpr { method, .. } => method,
        _ => return None,
    };
    let targs = pkg.targs.get(&e)?;
    let store = &facts.store;
    let sig = store.obj(obj).ty?;
    let Type::Signature(sig) = store.ty(sig) else {
        return None;
    };
    // A function's own type parameters, or a method's receiver type parameters.
    let params = if sig.type_params.is_empty() {
        &sig.recv_type_params
    } else {
        &sig.type_params
    };
    if params.len() != targs.len() || targs.is_empty() {
        return None;
    }
    // The instance binds its own parameters; arguments that mention the calling
    // instance's parameters resolve through that instance's binding, kept along.
    let mut subst = facts.substitution().clone();
    let mut shapes = Vec::with_capacity(targs.len());
    for (&param, &targ) in params.iter().zip(targs) {
        let concrete = facts.resolve(targ);
        if has_unbound_type_params(store, facts.substitution(), concrete, 0) {
            return None;
        }
        shapes.push(shape_name(facts, concrete, basic_constraint(store, param)));
        subst.insert(unalias(store, param), concrete);
    }
    Some(((obj, shapes), subst))
}

/// How gc names an instance: the function (qualified outside its package) and shapes;
/// for a method, the shapes follow its type's name: `(*Box[go.shape.int]).Get`.
pub fn instance_name(qualified_name: &str, shapes: &[String], method: bool) -> String {
    let shapes = shapes.join(",");
    if method {
        if let Some(i) = qualified_name.rfind(").") {
            return format!("{}[{shapes}]{}", &qualified_name[..i], &qualified_name[i..]);
        }
        if let Some((ty, m)) = qualified_name.rsplit_once('.') {
            return format!("{ty}[{shapes}].{m}");
        }
    }
    format!("{qualified_name}[{shapes}]")
}

/// A method of a generic type's instance that gc compiles in the package.
pub struct MethodInstance {
    pub key: InstanceKey,
    /// The receiver's type parameters bound to the instance's arguments.
    pub binding: HashMap<TypeId, TypeId>,
    /// How its instantiation wrapper (the function named with the instance's own
    /// arguments, calling the shaped body with a dictionary) is named; None when the
    /// instance is a shaped one, which has no wrapper.
    pub wrapper: Option<WrapperNaming>,
}

/// How an instantiation wrapper spells its type arguments.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum WrapperNaming {
    /// As the concrete types they are.
    Concrete,
    /// With the shapes of the enclosing shaped body (a type it read before knowing
    /// it was shaped).
    Shaped,
}

/// The types of every variable and expression of `funcs` in `ir`.
pub fn types_mentioned(
    ir: &Package,
    funcs: impl IntoIterator<Item = goescape_ir::FuncId>,
) -> Vec<TypeId> {
    let mut types = Vec::new();
    for f in funcs {
        for &v in &ir.func(f).dcl {
            if let goescape_ir::IrType::Go(t) = ir.var(v).ty {
                types.push(t);
            }
        }
        goescape_ir::visit::for_each_expr(ir, f, |e| {
            if let goescape_ir::IrType::Go(t) = ir.expr(e).ty {
                types.push(t);
            }
        });
    }
    types
}

/// The types of the expressions no function holds: the static data of package-level
/// initializers (`var _ = &Pointer[int]{}`), which gc reads too.
fn static_data_types(ir: &Package) -> Vec<TypeId> {
    let mut in_functions = vec![false; ir.exprs.len()];
    for f in ir.func_ids() {
        goescape_ir::visit::for_each_expr(ir, f, |e| in_functions[e.index()] = true);
    }
    ir.exprs
        .iter()
        .zip(in_functions)
        .filter_map(|(e, held)| match e.ty {
            goescape_ir::IrType::Go(t) if !held => Some(t),
            _ => None,
        })
        .collect()
}

/// The types a package reads: those its code mentions and those of its package-level
/// objects (variables, declared types, functions' signatures).
pub fn package_roots(
    facts: &TypeFacts<'_>,
    pkg: goescape_types::PkgIdx,
    ir: &Package,
) -> Vec<TypeId> {
    let store = &facts.store;
    let mut roots = types_mentioned(ir, ir.func_ids().filter(|&f| !ir.func(f).generic));
    roots.extend(static_data_types(ir));
    if let Some(scope) = store.package(pkg).scope {
        let scope = store.scope(scope);
        for name in scope.sorted_names() {
            let Some(obj) = scope.lookup(name) else {
                continue;
            };
            let o = store.obj(obj);
            match o.kind {
                goescape_types::ObjKind::Var(_) | goescape_types::ObjKind::TypeName => {
                    roots.extend(o.ty);
                }
                goescape_types::ObjKind::Func(_) => {
                    if let Some(Type::Signature(sig)) = o.ty.map(|t| store.ty(t)) {
                        if sig.type_params.is_empty() {
                            roots.extend(o.ty);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    roots
}

/// The methods gc compiles for the instances of generic types among `roots` and the
/// types they contain (structure and method signatures): gc reads every one of these
/// types, and reading an instance instantiates all its methods. `subst` binds the type
/// parameters `roots` may mention; `shaped` says they are a shaped body's (an instance
/// whose arguments mention them is then shaped itself).
pub fn method_instances(
    facts: &TypeFacts<'_>,
    roots: Vec<TypeId>,
    subst: &HashMap<TypeId, TypeId>,
    shaped: bool,
    shape_types: &mut Vec<(String, TypeId)>,
) -> Vec<MethodInstance> {
    let store = &facts.store;
    let mut seen: std::collections::HashSet<(Option<TypeId>, String)> =
        std::collections::HashSet::new();
    let mut out = Vec::new();
    // Each type with its binding and the generic types whose instances' structure
    // led to it.
    let mut work: Vec<(TypeId, HashMap<TypeId, TypeId>, Vec<TypeId>)> = roots
        .into_iter()
        .map(|t| (t, subst.clone(), Vec::new()))
        .collect();
    while let Some((t, subst, within)) = work.pop() {
        if out.len() > 10_000 || seen.len() > 100_000 {
            break;
        }
        let t = unalias(store, t);
        let t = subst.get(&t).copied().unwrap_or(t);
        match store.ty(t) {
            Type::Named(n) => {
                if !n.type_params.is_empty() && n.type_args.is_empty() {
                    continue; // a generic type itself
                }
                // A declared type is itself; an instance is one per binding of the
                // parameters its arguments mention.
                let identity = if n.type_args.is_empty() {
                    (Some(t), String::new())
                } else {
                    let mut link = String::new();
                    if shaped {
                        goescape_ir::shape::link_string_in(store, &subst, t, &mut link, 0);
                    } else {
                        goescape_ir::shape::concrete_link_string(store, &subst, t, &mut link);
                    }
                    (None, link)
                };
                if !seen.insert(identity) {
                    continue;
                }
                if n.type_args.is_empty() {
                    for &m in &n.methods {
                        if let Some(sig) = store.obj(m).ty {
                            work.push((sig, subst.clone(), within.clone()));
                        }
                    }
                    if let Some(u) = n.underlying {
                        work.push((u, subst.clone(), within.clone()));
                    }
                    continue;
                }
                let Some(origin) = n.origin else {
                    continue;
                };
                let Type::Named(g) = store.ty(origin) else {
                    continue;
                };
                let args: Vec<TypeId> = n
                    .type_args
                    .iter()
                    .map(|&a| {
                        let a = unalias(store, a);
                        subst.get(&a).copied().unwrap_or(a)
                    })
                    .collect();
                if args
                    .iter()
                    .any(|&a| has_unbound_type_params(store, &subst, a, 0))
                {
                    continue;
                }
                // In a shaped body, an instance of shapes is a shaped instance, unless
                // it refers back to a type whose structure is being read.
                let mentions_shapes = shaped
                    && n.type_args
                        .iter()
                        .any(|&a| goescape_ir::shape::mentions_bound_param(store, &subst, a, 0));
                let back_reference = n
                    .type_args
                    .iter()
                    .any(|&a| goescape_ir::shape::mentions_generic(store, a, &within, 0));
                let wrapper = if !mentions_shapes {
                    Some(WrapperNaming::Concrete)
                } else if back_reference {
                    Some(WrapperNaming::Shaped)
                } else {
                    None
                };
                let params: Vec<TypeId> =
                    g.type_params.iter().map(|&p| unalias(store, p)).collect();
                let mut inner = subst.clone();
                inner.extend(params.iter().copied().zip(args.iter().copied()));
                let ifacts = TypeFacts::with_subst(
                    goescape_types::TypeStore::new(store.program, None),
                    facts.sizes,
                    inner.clone(),
                );
                let shapes: Vec<String> = params
                    .iter()
                    .zip(&args)
                    .map(|(&p, &a)| {
                        let basic = basic_constraint(store, p);
                        if mentions_shapes {
                            shape_name(&ifacts, a, basic)
                        } else {
                            concrete_shape_name(&ifacts, a, basic)
                        }
                    })
                    .collect();
                for (name, &a) in shapes.iter().zip(&args) {
                    note_shape_type(&ifacts.store, name, ifacts.resolve(a), shape_types);
                }
                let mut nested = within.clone();
                nested.push(origin);
                for &m in &g.methods {
                    if let Some(mut binding) = method_binding(store, m, &args) {
                        for (&p, &a) in &subst {
                            binding.entry(p).or_insert(a);
                        }
                        if let Some(sig) = store.obj(m).ty {
                            work.push((sig, binding.clone(), within.clone()));
                        }
                        out.push(MethodInstance {
                            key: (m, shapes.clone()),
                            binding,
                            wrapper,
                        });
                    }
                }
                if let Some(u) = g.underlying {
                    work.push((u, inner, nested));
                }
            }
            Type::Struct(s) => {
                for f in &s.fields {
                    if let Some(ft) = store.obj(*f).ty {
                        work.push((ft, subst.clone(), within.clone()));
                    }
                }
            }
            Type::Signature(sig) => {
                for &v in sig.params.iter().chain(&sig.results) {
                    if let Some(t) = store.obj(v).ty {
                        work.push((t, subst.clone(), within.clone()));
                    }
                }
            }
            Type::Interface(i) => {
                for &m in &i.methods {
                    if let Some(sig) = store.obj(m).ty {
                        work.push((sig, subst.clone(), within.clone()));
                    }
                }
                for &t in &i.embeddeds {
                    work.push((t, subst.clone(), within.clone()));
                }
            }
            Type::Pointer(e) | Type::Slice(e) => work.push((*e, subst.clone(), within.clone())),
            Type::Array { elem, .. } | Type::Chan { elem, .. } => {
                work.push((*elem, subst.clone(), within.clone()));
            }
            Type::Map { key, elem } => {
                work.push((*key, subst.clone(), within.clone()));
                work.push((*elem, subst.clone(), within.clone()));
            }
            _ => {}
        }
    }
    out
}

/// A method's receiver type parameters bound to a type instance's arguments.
fn method_binding(
    store: &goescape_types::TypeStore<'_>,
    method: ObjId,
    args: &[TypeId],
) -> Option<HashMap<TypeId, TypeId>> {
    let sig = store.obj(method).ty?;
    let Type::Signature(sig) = store.ty(sig) else {
        return None;
    };
    if sig.recv_type_params.len() != args.len() {
        return None;
    }
    Some(
        sig.recv_type_params
            .iter()
            .map(|&p| unalias(store, p))
            .zip(args.iter().copied())
            .collect(),
    )
}

/// Records shape `name` of concrete type argument `concrete` when gc makes wrappers for
/// it: a shape is a named type of its own, with the methods of its underlying type (an
/// interface's, or those a struct's embedded fields promote).
pub fn note_shape_type(
    store: &goescape_types::TypeStore<'_>,
    name: &str,
    concrete: TypeId,
    shape_types: &mut Vec<(String, TypeId)>,
) {
    let Some(bare) = name.strip_prefix("go.shape.") else {
        return;
    };
    let u = goescape_types::under::underlying(store, concrete);
    let has_methods = match store.ty(u) {
        Type::Interface(i) => !i.methods.is_empty() || !i.embeddeds.is_empty(),
        Type::Struct(s) => s
            .fields
            .iter()
            .any(|&f| matches!(&store.obj(f).kind, goescape_types::ObjKind::Var(v) if v.embedded)),
        _ => false,
    };
    if has_methods
        && bare != "*uint8"
        && !goescape_ir::shape::has_type_params(store, u, 0)
        && !shape_types.iter().any(|(n, _)| n == bare)
    {
        shape_types.push((bare.to_owned(), u));
    }
}
