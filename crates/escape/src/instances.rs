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
