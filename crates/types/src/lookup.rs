//! Finding the field or method a selector `x.f` denotes, through embedded fields
//! (go/types' `LookupFieldOrMethod`), and whether a type has the methods of an interface
//! (`MissingMethod`).
//!
//! The search is breadth first over embedding depth: the shallowest match wins, and two
//! matches at the same depth are ambiguous. Methods of an instance are its origin's
//! method objects (see [`crate::under::declared_methods`]); [`missing_method`] compares
//! their signatures under the instance's type arguments.

use crate::ids::{ObjId, PkgIdx, TypeId};
use crate::object::ObjKind;
use crate::predicates::{identical, identical_under, is_interface};
use crate::selection::{Selection, SelectionKind};
use crate::store::TypeStore;
use crate::subst::{receiver_substitution, Substitution, NO_SUBSTITUTION};
use crate::ty::Type;
use crate::typeset::type_set;
use crate::under::{as_named, declared_methods, deref, has_ptr_recv, underlying};
use crate::unique_name::{index_by_name, same_name};

/// The outcome of looking up a field or method.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup {
    Found {
        /// The field (a variable) or method (a function).
        obj: ObjId,
        /// Embedded field indices from depth 0, then the index of the entry in its struct's
        /// fields, its named type's declared methods, or its interface's type set methods.
        index: Vec<u32>,
        /// Whether a pointer was dereferenced on the way.
        indirect: bool,
    },
    /// The name occurs more than once at the shallowest depth it occurs at; `index` leads
    /// to one of the occurrences.
    Ambiguous {
        index: Vec<u32>,
    },
    /// Only a method with a pointer receiver matches, but the value is neither a pointer
    /// nor addressable.
    NeedsPointerReceiver,
    NotFound,
}

/// Looks up the field or method `name` (as seen from package `pkg`, which matters for
/// unexported names) in a value of type `ty`; `addressable` tells whether the value is
/// addressable (which admits methods with pointer receivers). The blank name is never
/// found. For a type parameter, the methods of its constraint are found (not fields).
pub fn lookup_field_or_method(
    store: &TypeStore<'_>,
    ty: TypeId,
    addressable: bool,
    pkg: Option<PkgIdx>,
    name: &str,
) -> Lookup {
    // A named pointer type has no methods (methods cannot be declared on it), but its
    // base type's fields can be selected.
    if let Some((named, _)) = as_named(store, ty) {
        let u = underlying(store, named);
        if let Type::Pointer(_) = store.ty(u) {
            let found = search(store, u, false, pkg, name, false).lookup;
            return match found {
                Lookup::Found { obj, .. } if is_func(store, obj) => Lookup::NotFound,
                other => other,
            };
        }
    }
    search(store, ty, addressable, pkg, name, false).lookup
}

/// The field or method [`lookup_field_or_method`] finds when names are compared ignoring
/// case and export (for go/types' hints in `x.f undefined` messages).
pub fn lookup_fold_case(
    store: &TypeStore<'_>,
    ty: TypeId,
    addressable: bool,
    pkg: Option<PkgIdx>,
    name: &str,
) -> Option<ObjId> {
    let ty = match as_named(store, ty) {
        Some((named, _)) if matches!(store.ty(underlying(store, named)), Type::Pointer(_)) => {
            underlying(store, named)
        }
        _ => ty,
    };
    match search(store, ty, addressable, pkg, name, true).lookup {
        Lookup::Found { obj, .. } => Some(obj),
        _ => None,
    }
}

/// [`lookup_field_or_method`] as a selection `x.f` of a value of type `ty`.
pub fn lookup_selection(
    store: &TypeStore<'_>,
    ty: TypeId,
    addressable: bool,
    pkg: Option<PkgIdx>,
    name: &str,
) -> Option<Selection> {
    match lookup_field_or_method(store, ty, addressable, pkg, name) {
        Lookup::Found {
            obj,
            index,
            indirect,
        } => {
            let kind = if is_func(store, obj) {
                SelectionKind::MethodVal
            } else {
                SelectionKind::FieldVal
            };
            Some(Selection {
                kind,
                recv: ty,
                obj,
                index,
                indirect,
            })
        }
        _ => None,
    }
}

fn is_func(store: &TypeStore<'_>, obj: ObjId) -> bool {
    matches!(store.obj(obj).kind, ObjKind::Func(_))
}

/// A type reached through embedded fields, at the depth being searched.
#[derive(Clone, Debug)]
pub(crate) struct Embedded {
    pub ty: TypeId,
    pub index: Vec<u32>,
    /// A pointer was dereferenced on the way here.
    pub indirect: bool,
    /// The type occurs more than once at this depth.
    pub multiples: bool,
}

/// Merges entries of identical types into one marked as occurring multiple times.
pub(crate) fn consolidate_multiples(store: &TypeStore<'_>, list: Vec<Embedded>) -> Vec<Embedded> {
    if list.len() <= 1 {
        return list;
    }
    let mut out: Vec<Embedded> = Vec::with_capacity(list.len());
    for e in list {
        match out
            .iter_mut()
            .find(|seen| seen.ty == e.ty || identical(store, seen.ty, e.ty))
        {
            Some(seen) => seen.multiples = true,
            None => out.push(e),
        }
    }
    out
}

/// Whether a named type identical to `named` was searched at a shallower depth (which
/// shadows it); records it otherwise.
pub(crate) fn seen_before(store: &TypeStore<'_>, seen: &mut Vec<TypeId>, named: TypeId) -> bool {
    if seen
        .iter()
        .any(|&s| s == named || identical(store, s, named))
    {
        return true;
    }
    seen.push(named);
    false
}

fn with_index(prefix: &[u32], i: usize) -> Vec<u32> {
    let mut index = Vec::with_capacity(prefix.len() + 1);
    index.extend_from_slice(prefix);
    index.push(i as u32);
    index
}

/// A lookup result, and for a method declared on a named type, that type (an instance's
/// method signature is read under the instance's type arguments).
struct Search {
    lookup: Lookup,
    declared_on: Option<TypeId>,
}

/// The search proper. It does not look through a named pointer type to its base type's
/// methods: callers deal with named pointer types first.
fn search(
    store: &TypeStore<'_>,
    ty: TypeId,
    addressable: bool,
    pkg: Option<PkgIdx>,
    name: &str,
    fold_case: bool,
) -> Search {
    let not_found = Search {
        lookup: Lookup::NotFound,
        declared_on: None,
    };
    if name == "_" {
        return not_found;
    }
    let (base, is_ptr) = deref(store, ty);
    // A pointer to an interface (or type parameter) has no methods.
    if is_ptr && is_interface(store, base) {
        return not_found;
    }
    let mut current = vec![Embedded {
        ty: base,
        index: Vec::new(),
        indirect: is_ptr,
        multiples: false,
    }];
    let mut seen = Vec::new();
    while !current.is_empty() {
        let mut next = Vec::new();
        let mut found: Option<(ObjId, Vec<u32>, bool)> = None;
        let mut declared_on = None;
        let ambiguous = |index| Search {
            lookup: Lookup::Ambiguous { index },
            declared_on: None,
        };
        for e in &current {
            if let Some((named_id, named)) = as_named(store, e.ty) {
                if seen_before(store, &mut seen, named_id) {
                    continue;
                }
                let methods = declared_methods(store, named);
                if let Some(i) = index_by_name(store, methods, pkg, name, fold_case) {
                    let index = with_index(&e.index, i);
                    if found.is_some() || e.multiples {
                        return ambiguous(index);
                    }
                    found = Some((methods[i], index, e.indirect));
                    declared_on = Some(named_id);
                    // A type with a method of that name has no field or interface method
                    // of that name.
                    continue;
                }
            }
            match store.ty(underlying(store, e.ty)) {
                Type::Struct(s) => {
                    for (i, &field) in s.fields.iter().enumerate() {
                        let f = store.obj(field);
                        if same_name(store, f, pkg, name, fold_case) {
                            let index = with_index(&e.index, i);
                            if found.is_some() || e.multiples {
                                return ambiguous(index);
                            }
                            found = Some((field, index, e.indirect));
                            continue;
                        }
                        // Embedded fields are searched at the next depth, unless this
                        // depth has a match already.
                        let embedded = f.var_info().is_some_and(|info| info.embedded);
                        if let (None, true, Some(field_ty)) = (&found, embedded, f.ty) {
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
                    // Also a type parameter's constraint.
                    if let Some((i, m)) =
                        type_set(store, e.ty).lookup_method(store, pkg, name, fold_case)
                    {
                        let index = with_index(&e.index, i);
                        if found.is_some() || e.multiples {
                            return ambiguous(index);
                        }
                        found = Some((m, index, e.indirect));
                    }
                }
                _ => {}
            }
        }
        if let Some((obj, index, indirect)) = found {
            // x.m() with a pointer receiver needs &x: x must be a pointer or addressable.
            if is_func(store, obj) && has_ptr_recv(store, obj) && !indirect && !addressable {
                return Search {
                    lookup: Lookup::NeedsPointerReceiver,
                    declared_on: None,
                };
            }
            return Search {
                lookup: Lookup::Found {
                    obj,
                    index,
                    indirect,
                },
                declared_on,
            };
        }
        current = consolidate_multiples(store, next);
    }
    not_found
}

/// A method of an interface that a type lacks, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MissingMethod {
    /// The interface's method.
    pub method: ObjId,
    pub cause: MissingCause,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MissingCause {
    /// No method of that name.
    NotFound,
    /// A method whose name differs only in case (`have` is it).
    WrongName { have: ObjId },
    /// A method of the same unexported name, from another package.
    Unexported { have: ObjId },
    /// A method of that name with another signature.
    WrongSignature { have: ObjId },
    /// The name is ambiguous (`ambiguous selector`).
    Ambiguous,
    /// The method has a pointer receiver and the type is not a pointer.
    PointerReceiver,
    /// The name is a field, not a method.
    Field,
}

impl MissingMethod {
    /// Whether the method exists but has the wrong type: a wrong signature or a pointer
    /// receiver (go/types' `wrongType` result).
    pub fn wrong_type(&self) -> bool {
        matches!(
            self.cause,
            MissingCause::WrongSignature { .. } | MissingCause::PointerReceiver
        )
    }
}

/// Whether method `f`, read under `fs`, has the type of method `m`.
fn same_method_type(store: &TypeStore<'_>, f: ObjId, fs: &Substitution, m: ObjId) -> bool {
    match (store.obj(f).ty, store.obj(m).ty) {
        (Some(ft), Some(mt)) => identical_under(store, ft, fs, mt, &NO_SUBSTITUTION),
        (None, None) => true,
        _ => false,
    }
}

/// The first method (in type set order) of the interface `t` that `v` lacks, or None if
/// `v` has them all (go/types' `MissingMethod`). For an interface `v` without `static`,
/// only the methods both have must agree (as for a type assertion `x.(T)`). Nothing is
/// reported when `t` is not an interface.
pub fn missing_method(
    store: &TypeStore<'_>,
    v: TypeId,
    t: TypeId,
    static_: bool,
) -> Option<MissingMethod> {
    if !is_interface(store, t) {
        return None;
    }
    let methods = type_set(store, t).methods;
    let missing = |method, cause| Some(MissingMethod { method, cause });
    let same_type = |f: ObjId, fs: &Substitution, m: ObjId| same_method_type(store, f, fs, m);

    if let Type::Interface(_) = store.ty(underlying(store, v)) {
        let v_set = type_set(store, v);
        for &m in &methods {
            let mo = store.obj(m);
            match v_set.lookup_method(store, mo.pkg, &mo.name, false) {
                None if static_ => return missing(m, MissingCause::NotFound),
                None => {}
                Some((_, f)) if !same_type(f, &NO_SUBSTITUTION, m) => {
                    return missing(m, MissingCause::WrongSignature { have: f })
                }
                Some(_) => {}
            }
        }
        return None;
    }

    for &m in &methods {
        let mo = store.obj(m);
        let found = search(store, v, false, mo.pkg, &mo.name, false);
        let (f, declared_on) = match found.lookup {
            Lookup::Found { obj, .. } => (obj, found.declared_on),
            Lookup::Ambiguous { .. } => return missing(m, MissingCause::Ambiguous),
            Lookup::NeedsPointerReceiver => return missing(m, MissingCause::PointerReceiver),
            Lookup::NotFound => {
                let cause = match search(store, v, false, mo.pkg, &mo.name, true).lookup {
                    Lookup::Found { obj, .. } if is_func(store, obj) => {
                        if store.obj(obj).name == mo.name {
                            // Same name, so unexported in another package.
                            MissingCause::Unexported { have: obj }
                        } else {
                            MissingCause::WrongName { have: obj }
                        }
                    }
                    _ => MissingCause::NotFound,
                };
                return missing(m, cause);
            }
        };
        if !is_func(store, f) {
            return missing(m, MissingCause::Field);
        }
        let subst = match declared_on {
            Some(named) => receiver_substitution(store, named, f),
            None => Default::default(),
        };
        if !same_type(f, &subst, m) {
            return missing(m, MissingCause::WrongSignature { have: f });
        }
    }
    None
}

/// The named type declaring the method a selection's path `index` (embedded fields, then
/// the method's index) reaches from `ty`: for a promoted method, the type of the last
/// embedded field, dereferenced. None if the path does not lead through struct fields.
pub fn method_owner(store: &TypeStore<'_>, ty: TypeId, index: &[u32]) -> Option<TypeId> {
    let mut t = ty;
    for &i in index.split_last()?.1 {
        let base = crate::under::deref(store, t).0;
        let Type::Struct(st) = store.ty(crate::under::underlying(store, base)) else {
            return None;
        };
        t = store.obj(*st.fields.get(i as usize)?).ty?;
    }
    let base = crate::under::deref(store, t).0;
    crate::under::as_named(store, base).map(|(named, _)| named)
}
