//! Invalid recursive types (go/types' `validType`): a defined type may not contain itself
//! by value, directly or through arrays, struct fields, embedded interfaces, union terms
//! and the type arguments of instances (`type T [10]T`, `type A struct{ b B }; type B
//! struct{ a A }`, `type G[P any] [1]G[*P]`). Such a type gets an invalid underlying type,
//! so that nothing after the error (sizes, instantiation, the dump) walks the cycle.

use rustc_hash::{FxHashMap, FxHashSet};

use super::Checker;
use crate::ids::{ObjId, TypeId};
use crate::predicates::identical;
use crate::ty::Type;
use crate::under::unalias;

/// What the check needs besides the types themselves.
#[derive(Debug, Default)]
pub(crate) struct ValidTypes {
    /// The type each defined type of the package was declared with (`B` for `type A B`),
    /// which the cycle is followed through, as go/types names each step of it.
    rhs: FxHashMap<TypeId, TypeId>,
    /// Non-generic defined types found valid: their expansion holds no cycle, so walking it
    /// again would find none (without this, a chain of structs with two fields of the
    /// previous type would take exponential time).
    valid: FxHashSet<TypeId>,
    /// Package-level type names to check once all declarations are, in the order their
    /// declarations started (go/types queues the check as a delayed action then).
    pending: Vec<ObjId>,
    /// Whether each defined type met by `finite_size` has a finite size.
    finite: FxHashMap<TypeId, bool>,
    /// Where each instance written in the source was first written (file, position): a
    /// cycle through an instance is reported there, as go/types' instances are type names
    /// declared at their instantiation.
    instance_pos: FxHashMap<TypeId, (usize, goescape_syntax::Pos)>,
}

impl Checker<'_> {
    /// Records where the instance `ty` is written, unless it was written before.
    pub(super) fn instance_written_at(
        &mut self,
        ty: TypeId,
        file: usize,
        pos: goescape_syntax::Pos,
    ) {
        self.valid_types
            .instance_pos
            .entry(ty)
            .or_insert((file, pos));
    }

    /// Queues the check of a package-level type declaration that is starting.
    pub(super) fn check_type_later(&mut self, obj: ObjId) {
        self.valid_types.pending.push(obj);
    }

    /// Records the declared type of the defined type `named`; a local one is checked
    /// right away.
    pub(super) fn declared_type(&mut self, obj: ObjId, named: TypeId, rhs: TypeId) {
        self.valid_types.rhs.insert(named, rhs);
        if !self.decls.contains_key(&obj) {
            self.valid_type(named);
        }
    }

    /// Checks the package-level defined types.
    pub(super) fn check_pending_valid_types(&mut self) {
        let pending = std::mem::take(&mut self.valid_types.pending);
        for obj in pending {
            let ty = self.store().obj(obj).ty;
            if let Some(named) = ty.filter(|&t| matches!(self.store().ty(t), Type::Named(_))) {
                self.valid_type(named);
            }
        }
    }

    fn valid_type(&mut self, named: TypeId) {
        let mut nest = Nest::default();
        let mut path = Vec::new();
        self.valid_type_in(named, &mut nest, &mut path);
    }

    /// Whether `ty` is valid inside the instances `nest` (the defined types being expanded,
    /// innermost last); `path` is every defined type entered, for the error.
    fn valid_type_in(&mut self, ty: TypeId, nest: &mut Nest, path: &mut Vec<TypeId>) -> bool {
        crate::stack::with_stack(|| self.valid_type_inner(ty, nest, path))
    }

    fn valid_type_inner(&mut self, ty: TypeId, nest: &mut Nest, path: &mut Vec<TypeId>) -> bool {
        let ty = unalias(&self.store(), ty);
        let shape = self.store().ty(ty).clone();
        match shape {
            Type::Array { elem, .. } => self.valid_type_in(elem, nest, path),
            Type::Struct(s) => s
                .fields
                .iter()
                .all(|&field| match self.store().obj(field).ty {
                    Some(t) => self.valid_type_in(t, nest, path),
                    None => true,
                }),
            Type::Union(terms) => terms.iter().all(|t| self.valid_type_in(t.ty, nest, path)),
            Type::Interface(iface) => iface
                .embeddeds
                .iter()
                .all(|&e| self.valid_type_in(e, nest, path)),
            Type::Named(named) => {
                if self.valid_types.valid.contains(&ty) {
                    return true;
                }
                let seen = if named.origin.is_none() {
                    // A type that is not an instance is identical only to itself.
                    nest.contains(ty)
                } else {
                    let store = self.store();
                    nest.list.iter().any(|&e| identical(&store, e, ty))
                };
                if seen {
                    let origin = named.origin.unwrap_or(ty);
                    self.invalidate(origin);
                    let start = {
                        let store = self.store();
                        path.iter().position(|&p| identical(&store, p, ty))
                    };
                    let start = start.unwrap_or(0);
                    let cycle: Vec<ObjId> = path[start..]
                        .iter()
                        .filter_map(|&t| match self.store().ty(t) {
                            Type::Named(n) => Some(n.obj),
                            _ => None,
                        })
                        .collect();
                    let at = path
                        .get(start)
                        .and_then(|t| self.valid_types.instance_pos.get(t))
                        .copied();
                    self.report_type_cycle_at(&cycle, 0, at);
                    return false;
                }
                let origin = named.origin.unwrap_or(ty);
                let rhs = match self.valid_types.rhs.get(&origin) {
                    Some(&rhs) => Some(rhs),
                    // Imported types were checked with their package.
                    None if origin.pkg != self.arena.idx => return true,
                    None => match self.store().ty(origin) {
                        Type::Named(n) => n.underlying,
                        _ => None,
                    },
                };
                let Some(rhs) = rhs else { return true };
                nest.push(ty);
                path.push(ty);
                let valid = self.valid_type_in(rhs, nest, path);
                nest.pop();
                path.pop();
                let generic = named.origin.is_some() || !named.type_params.is_empty();
                if valid && !generic {
                    self.valid_types.valid.insert(ty);
                }
                valid
            }
            Type::TypeParam(_) => {
                // A type parameter stands for its argument in the instance being expanded,
                // which must be valid where that instance was written: outside it.
                let Some(&inst) = nest.list.last() else {
                    return true;
                };
                let arg = {
                    let store = self.store();
                    let Type::Named(instance) = store.ty(inst) else {
                        return true;
                    };
                    let params = match instance.origin.map(|o| store.ty(o)) {
                        Some(Type::Named(origin)) => &origin.type_params,
                        _ => &instance.type_params,
                    };
                    params
                        .iter()
                        .position(|&p| p == ty)
                        .and_then(|i| instance.type_args.get(i).copied())
                };
                let Some(arg) = arg else { return true };
                nest.pop();
                let valid = self.valid_type_in(arg, nest, path);
                nest.push(inst);
                valid
            }
            _ => true,
        }
    }

    /// Whether values of `ty` can exist yet: false, after an error, for a type whose
    /// declaration is being checked, directly or through the fields and elements of the
    /// types it is declared with (go/types' `finiteSize`).
    pub(super) fn finite_size(&mut self, ty: TypeId) -> bool {
        crate::stack::with_stack(|| self.finite_size_inner(ty))
    }

    fn finite_size_inner(&mut self, ty: TypeId) -> bool {
        let ty = unalias(&self.store(), ty);
        let shape = self.store().ty(ty).clone();
        match shape {
            Type::Named(named) => {
                if let Some(&finite) = self.valid_types.finite.get(&ty) {
                    return finite;
                }
                if let Some(start) = self.obj_path.iter().position(|&o| o == named.obj) {
                    let cycle = self.obj_path[start..].to_vec();
                    let first = first_in_source(&self.store(), &cycle);
                    // An instance refers to itself where it is written.
                    let at = (cycle.len() == 1)
                        .then(|| self.valid_types.instance_pos.get(&ty).copied())
                        .flatten();
                    self.report_type_cycle_at(&cycle, first, at);
                    return false;
                }
                // An instance is followed through its own (substituted) underlying type.
                let rhs = match named.origin {
                    Some(_) => named.underlying,
                    None => self.valid_types.rhs.get(&ty).copied(),
                };
                let Some(rhs) = rhs else {
                    return true;
                };
                self.obj_path.push(named.obj);
                let finite = self.finite_size(rhs);
                self.obj_path.pop();
                self.valid_types.finite.entry(ty).or_insert(finite);
                finite
            }
            Type::Array { elem, .. } => self.finite_size(elem),
            Type::Struct(s) => s
                .fields
                .iter()
                .all(|&field| match self.store().obj(field).ty {
                    Some(t) => self.finite_size(t),
                    None => true,
                }),
            _ => true,
        }
    }

    /// Gives a defined type of this package an invalid declared type, and an invalid
    /// underlying type unless that is an interface (whose methods stay usable, as in
    /// go/types, and whose type set computation stops at cycles by itself).
    fn invalidate(&mut self, named: TypeId) {
        if named.pkg != self.arena.idx {
            return;
        }
        let invalid = self.invalid_type();
        self.valid_types.rhs.insert(named, invalid);
        let is_interface = {
            let store = self.store();
            let under = crate::under::underlying(&store, named);
            matches!(store.ty(under), Type::Interface(_))
        };
        if is_interface {
            return;
        }
        if let Type::Named(n) = &mut self.arena.types[named.index as usize] {
            n.underlying = Some(invalid);
        }
    }

    /// go/types' message for a cycle of declarations, at `cycle[start]` or, if given, at
    /// `at` (where an instance was written).
    fn report_type_cycle_at(
        &mut self,
        cycle: &[ObjId],
        start: usize,
        at: Option<(usize, goescape_syntax::Pos)>,
    ) {
        let Some(&first) = cycle.get(start) else {
            return;
        };
        let object = self.store().obj(first).clone();
        let msg = match (cycle.len(), object.is_type_name()) {
            (1, true) => format!("invalid recursive type: {} refers to itself", object.name),
            (1, false) => format!(
                "invalid cycle in declaration: {} refers to itself",
                object.name
            ),
            (_, true) => format!("invalid recursive type {}", object.name),
            (_, false) => format!("invalid cycle in declaration of {}", object.name),
        };
        let (file, pos) = at.unwrap_or_else(|| {
            object.pos.map_or((0, goescape_syntax::Pos::NONE), |p| {
                (p.file as usize, goescape_syntax::Pos(p.offset))
            })
        });
        self.error(file, pos, msg);
    }
}

/// The index of the object declared first in source order (file, then offset).
fn first_in_source(store: &crate::store::TypeStore<'_>, objs: &[ObjId]) -> usize {
    (0..objs.len())
        .min_by_key(|&i| store.obj(objs[i]).pos.map(|p| (p.file, p.offset)))
        .unwrap_or(0)
}

/// The instances being expanded, innermost last, with a count of each for a quick test.
#[derive(Default)]
struct Nest {
    list: Vec<TypeId>,
    counts: FxHashMap<TypeId, u32>,
}

impl Nest {
    fn push(&mut self, ty: TypeId) {
        self.list.push(ty);
        *self.counts.entry(ty).or_default() += 1;
    }

    fn pop(&mut self) {
        if let Some(ty) = self.list.pop() {
            if let Some(n) = self.counts.get_mut(&ty) {
                *n -= 1;
            }
        }
    }

    fn contains(&self, ty: TypeId) -> bool {
        self.counts.get(&ty).is_some_and(|&n| n > 0)
    }
}
