//! Instances of generic functions: gc compiles a generic function once per shape of its
//! type arguments, in every package that uses it (`slices.Index[go.shape.string]`), and
//! reports what escapes in each instance at the generic source's positions. Here an
//! instance is the generic function's IR (from the package that declares it) analysed
//! with its type parameters bound to the concrete type arguments, so that the type
//! questions escape analysis asks get the shape's answers.

use std::collections::HashMap;

use goescape_ir::shape::{basic_constraint, has_type_params, shape_name};
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
    let ExprKind::FuncName(obj) = pkg.expr(e).kind else {
        return None;
    };
    let targs = pkg.targs.get(&e)?;
    let store = &facts.store;
    let sig = store.obj(obj).ty?;
    let Type::Signature(sig) = store.ty(sig) else {
        return None;
    };
    if sig.type_params.len() != targs.len() || targs.is_empty() {
        return None;
    }
    let mut subst = HashMap::with_capacity(targs.len());
    let mut shapes = Vec::with_capacity(targs.len());
    for (&param, &targ) in sig.type_params.iter().zip(targs) {
        let concrete = facts.resolve(targ);
        if has_type_params(store, concrete, 0) {
            return None;
        }
        shapes.push(shape_name(facts, concrete, basic_constraint(store, param)));
        subst.insert(unalias(store, param), concrete);
    }
    Some(((obj, shapes), subst))
}

/// How gc names an instance: the function (qualified outside its package) and shapes.
pub fn instance_name(qualified_name: &str, shapes: &[String]) -> String {
    format!("{qualified_name}[{}]", shapes.join(","))
}
