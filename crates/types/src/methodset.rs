//! The method set of a type (go/types' `NewMethodSet`): the methods callable on a value of
//! the type, including those promoted through embedded fields, ordered by unique name.
//!
//! Entries are method value selections with the searched type as receiver. For an
//! instance, the methods are its origin's method objects (see
//! [`crate::under::declared_methods`]).

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::ids::{ObjId, TypeId};
use crate::lookup::{consolidate_multiples, seen_before, Embedded};
use crate::predicates::{is_interface, is_pointer};
use crate::selection::{Selection, SelectionKind};
use crate::store::TypeStore;
use crate::ty::Type;
use crate::typeset::type_set;
use crate::under::{as_named, declared_methods, deref, has_ptr_recv, underlying};
use crate::unique_name::object_unique_name;

/// Methods found at one depth by unique name; None marks a collision (the name occurs
/// more than once, or only as a method the receiver cannot call).
type Candidates = FxHashMap<String, Option<Selection>>;

/// The method set of `ty`, ordered by unique name (go/types' `Id`).
pub fn method_set(store: &TypeStore<'_>, ty: TypeId) -> Vec<Selection> {
    // A named pointer type has no methods.
    if let Some((named, _)) = as_named(store, ty) {
        if is_pointer(store, named) {
            return Vec::new();
        }
    }
    let (base, is_ptr) = deref(store, ty);
    method_set_of(store, ty, base, is_ptr)
}

/// The method set of `*base`, for a `base` whose pointer type the store may not hold
/// (an unnamed struct type); the selections' receiver is `base`.
pub fn pointer_method_set(store: &TypeStore<'_>, base: TypeId) -> Vec<Selection> {
    method_set_of(store, base, base, true)
}

/// The method set of `base`, or of `*base` when `is_ptr`; `ty` is the selections' receiver.
fn method_set_of(store: &TypeStore<'_>, ty: TypeId, base: TypeId, is_ptr: bool) -> Vec<Selection> {
    // Neither has a pointer to an interface.
    if is_ptr && is_interface(store, base) {
        return Vec::new();
    }

    // The entries decided so far, shallower depths first: a name decided at one depth
    // hides it at every deeper one.
    let mut decided: BTreeMap<String, Option<Selection>> = BTreeMap::new();
    let mut current = vec![Embedded {
        ty: base,
        index: Vec::new(),
        indirect: is_ptr,
        multiples: false,
    }];
    let mut seen = Vec::new();
    while !current.is_empty() {
        let mut next = Vec::new();
        let mut fields: FxHashSet<String> = FxHashSet::default();
        let mut methods = Candidates::default();
        for e in &current {
            if let Some((named_id, named)) = as_named(store, e.ty) {
                if seen_before(store, &mut seen, named_id) {
                    continue;
                }
                for (i, &m) in declared_methods(store, named).iter().enumerate() {
                    add_method(
                        store,
                        &mut methods,
                        ty,
                        m,
                        with_index(&e.index, i),
                        e.indirect,
                        e.multiples,
                    );
                }
            }
            match store.ty(underlying(store, e.ty)) {
                Type::Struct(s) => {
                    for (i, &field) in s.fields.iter().enumerate() {
                        fields.insert(object_unique_name(store, field));
                        let f = store.obj(field);
                        let embedded = f.var_info().is_some_and(|info| info.embedded);
                        if let (true, Some(field_ty)) = (embedded, f.ty) {
                            let (ty, is_ptr) = deref(store, field_ty);
                            next.push(Embedded {
                                ty,
                                index: with_index(&e.index, i),
                                indirect: e.indirect || is_ptr,
                                multiples: e.multiples,
                            });
                        }
                    }
                }
                Type::Interface(_) => {
                    // Interface methods are all callable: they count as indirect.
                    for (i, &m) in type_set(store, e.ty).methods.iter().enumerate() {
                        add_method(
                            store,
                            &mut methods,
                            ty,
                            m,
                            with_index(&e.index, i),
                            true,
                            e.multiples,
                        );
                    }
                }
                _ => {}
            }
        }
        for (name, method) in methods {
            // A field of the same name at this depth collides with the method.
            let entry = if fields.contains(&name) { None } else { method };
            decided.entry(name).or_insert(entry);
        }
        for name in fields {
            decided.entry(name).or_insert(None);
        }
        current = consolidate_multiples(store, next);
    }
    decided.into_values().flatten().collect()
}

fn add_method(
    store: &TypeStore<'_>,
    methods: &mut Candidates,
    recv: TypeId,
    method: ObjId,
    index: Vec<u32>,
    indirect: bool,
    multiples: bool,
) {
    let name = object_unique_name(store, method);
    if !multiples && !methods.contains_key(&name) && (indirect || !has_ptr_recv(store, method)) {
        let selection = Selection {
            kind: SelectionKind::MethodVal,
            recv,
            obj: method,
            index,
            indirect,
        };
        methods.insert(name, Some(selection));
        return;
    }
    methods.insert(name, None);
}

fn with_index(prefix: &[u32], i: usize) -> Vec<u32> {
    let mut index = Vec::with_capacity(prefix.len() + 1);
    index.extend_from_slice(prefix);
    index.push(i as u32);
    index
}
