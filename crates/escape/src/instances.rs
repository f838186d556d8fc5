//! Instances of generic functions: gc compiles a generic function once per shape of its
//! type arguments, in every package that uses it (`slices.Index[go.shape.string]`), and
//! reports what escapes in each instance at the generic source's positions. Here an
//! instance is the generic function's IR (from the package that declares it) analysed
//! with its type parameters bound to the concrete type arguments, so that the type
//! questions escape analysis asks get the shape's answers.

use std::collections::HashMap;

use goescape_ir::shape::{basic_constraint, has_unbound_type_params, shape_name};
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

/// The instances of generic types whose type descriptors a package needs — the types
/// of its package-level variables and of the types it declares, and the types these
/// contain — with the methods gc compiles for each (all of them, for the method tables).
pub fn descriptor_method_instances(
    facts: &TypeFacts<'_>,
    pkg: goescape_types::PkgIdx,
    ir: &Package,
) -> Vec<(InstanceKey, HashMap<TypeId, TypeId>)> {
    let store = &facts.store;
    let mut roots = Vec::new();
    // Types whose descriptors the package's code needs: values converted to interfaces
    // (itabs) and allocations (the allocator's type information).
    for f in ir.func_ids().filter(|&f| !ir.func(f).generic) {
        // And the types of its variables.
        for &v in &ir.func(f).dcl {
            if let goescape_ir::IrType::Go(t) = ir.var(v).ty {
                roots.push(t);
            }
        }
        goescape_ir::visit::for_each_expr(ir, f, |e| {
            let n = ir.expr(e);
            let t = match &n.kind {
                ExprKind::Conv {
                    kind: goescape_ir::expr::ConvKind::ToInterface,
                    x,
                } => ir.expr(*x).ty,
                ExprKind::New
                | ExprKind::PtrLit(_)
                | ExprKind::MakeSlice { .. }
                | ExprKind::MakeMap { .. }
                | ExprKind::MakeChan { .. } => n.ty,
                _ => return,
            };
            if let goescape_ir::IrType::Go(t) = t {
                roots.push(t);
            }
        });
    }
    if let Some(scope) = store.package(pkg).scope {
        let scope = store.scope(scope);
        for name in scope.sorted_names() {
            let Some(obj) = scope.lookup(name) else {
                continue;
            };
            let o = store.obj(obj);
            match o.kind {
                goescape_types::ObjKind::Var(_) | goescape_types::ObjKind::TypeName => {
                    if let Some(t) = o.ty {
                        roots.push(t);
                    }
                }
                // The parameter and result types of the package's functions.
                goescape_types::ObjKind::Func(_) => {
                    if let Some(Type::Signature(sig)) = o.ty.map(|t| store.ty(t)) {
                        if sig.type_params.is_empty() {
                            for &v in sig.params.iter().chain(&sig.results) {
                                if let Some(t) = store.obj(v).ty {
                                    roots.push(t);
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut seen: std::collections::HashSet<TypeId> = std::collections::HashSet::new();
    let mut out = Vec::new();
    let mut work: Vec<(TypeId, HashMap<TypeId, TypeId>)> =
        roots.into_iter().map(|t| (t, HashMap::new())).collect();
    while let Some((t, subst)) = work.pop() {
        if out.len() > 10_000 {
            break;
        }
        let t = goescape_types::under::unalias(store, t);
        let t = subst.get(&t).copied().unwrap_or(t);
        match store.ty(t) {
            Type::Named(n) => {
                if !n.type_params.is_empty() && n.type_args.is_empty() {
                    continue; // a generic type itself
                }
                if !seen.insert(t) {
                    continue;
                }
                let mut inner = subst.clone();
                if !n.type_args.is_empty() {
                    // An instance: its methods, and the types its structure contains.
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
                            let a = goescape_types::under::unalias(store, a);
                            subst.get(&a).copied().unwrap_or(a)
                        })
                        .collect();
                    if args
                        .iter()
                        .any(|&a| has_unbound_type_params(store, &subst, a, 0))
                    {
                        continue;
                    }
                    let params: Vec<TypeId> = g
                        .type_params
                        .iter()
                        .map(|&p| goescape_types::under::unalias(store, p))
                        .collect();
                    let ifacts = TypeFacts::with_subst(
                        goescape_types::TypeStore::new(store.program, None),
                        facts.sizes,
                        params.iter().copied().zip(args.iter().copied()).collect(),
                    );
                    let shapes: Vec<String> = params
                        .iter()
                        .zip(&args)
                        .map(|(&p, &a)| shape_name(&ifacts, a, basic_constraint(store, p)))
                        .collect();
                    for &m in &g.methods {
                        let binding = method_binding(store, m, &args);
                        if let Some(binding) = binding {
                            out.push(((m, shapes.clone()), binding));
                        }
                    }
                    inner = params.iter().copied().zip(args.iter().copied()).collect();
                    if let Some(u) = g.underlying {
                        work.push((u, inner));
                    }
                    continue;
                }
                if let Some(u) = n.underlying {
                    work.push((u, inner));
                }
            }
            Type::Struct(s) => {
                for f in &s.fields {
                    if let Some(ft) = store.obj(*f).ty {
                        work.push((ft, subst.clone()));
                    }
                }
            }
            Type::Pointer(e) | Type::Slice(e) => work.push((*e, subst.clone())),
            Type::Array { elem, .. } | Type::Chan { elem, .. } => work.push((*elem, subst.clone())),
            Type::Map { key, elem } => {
                work.push((*key, subst.clone()));
                work.push((*elem, subst.clone()));
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
