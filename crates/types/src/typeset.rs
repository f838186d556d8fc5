//! Type sets of interfaces and type parameters (go/types' `_TypeSet`).
//!
//! An interface's type set is the intersection of the set its methods describe, the set of
//! its type terms (from unions and embedded non-interface types), and, if it embeds
//! `comparable`, the set of strictly comparable types. Methods are kept apart from the
//! terms: a type is in the set if it has all the methods and is in the term list (and is
//! comparable when the flag is set). Sets are computed on demand from the model;
//! [`TypeSetCache`] memoizes them for callers that ask often.

use std::cell::RefCell;

use rustc_hash::{FxHashMap, FxHashSet};
use std::rc::Rc;

use crate::basic::BasicKind;
use crate::ids::{ObjId, PkgIdx, TypeId};
use crate::predicates::{comparable_type, identical};
use crate::store::TypeStore;
use crate::termlist::{TermList, TypeTerm};
use crate::ty::Type;
use crate::typestring::{object_string, type_string, Qualifier};
use crate::under::{is_type_param, unalias, underlying};
use crate::unique_name::{compare_objects, index_by_name, object_unique_name};

/// go/types' implementation limit on the number of terms of a union's type set.
pub const MAX_TERM_COUNT: usize = 100;

/// The type set of an interface.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeSet {
    /// All methods, explicit and embedded, sorted exported first, then by name, then by
    /// package path (each distinct name once: the first declaration seen wins).
    pub methods: Vec<ObjId>,
    /// The type terms, in normal form.
    pub terms: TermList,
    /// Only comparable types; set only when `terms` is 𝓤.
    pub comparable: bool,
}

impl TypeSet {
    /// The set of all types: the empty interface's.
    pub fn top() -> TypeSet {
        TypeSet {
            methods: Vec::new(),
            terms: TermList::all(),
            comparable: false,
        }
    }

    /// Whether the set has no types at all.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether the set is every type (the empty interface).
    pub fn is_all(&self) -> bool {
        self.is_method_set() && self.methods.is_empty()
    }

    /// Whether the methods alone describe the set (a basic interface).
    pub fn is_method_set(&self) -> bool {
        !self.comparable && self.terms.is_all()
    }

    /// Whether the terms name specific types (neither ∅ nor 𝓤).
    pub fn has_terms(&self) -> bool {
        !self.terms.is_empty() && !self.terms.is_all()
    }

    /// The index in [`TypeSet::methods`] and the method named `name` as seen from `pkg`.
    pub fn lookup_method(
        &self,
        store: &TypeStore<'_>,
        pkg: Option<PkgIdx>,
        name: &str,
        fold_case: bool,
    ) -> Option<(usize, ObjId)> {
        let index = index_by_name(store, &self.methods, pkg, name, fold_case)?;
        Some((index, self.methods[index]))
    }

    /// Whether every type in the set is comparable.
    pub fn is_comparable(&self, store: &TypeStore<'_>) -> bool {
        self.is_comparable_seen(store, &mut FxHashSet::default())
    }

    pub(crate) fn is_comparable_seen(
        &self,
        store: &TypeStore<'_>,
        seen: &mut FxHashSet<TypeId>,
    ) -> bool {
        if self.terms.is_all() {
            return self.comparable;
        }
        match self.terms.specific_terms() {
            Some(terms) => terms
                .iter()
                .all(|t| comparable_type(store, t.ty, false, seen).is_ok()),
            // The empty set: nothing in it is incomparable.
            None => false,
        }
    }
}

/// The type set of the interface type `iface` (the empty set's if `iface` is not an
/// interface literal).
pub fn interface_type_set(store: &TypeStore<'_>, iface: TypeId) -> TypeSet {
    Computation::new(store).interface(iface)
}

/// The type set `ty` implies: a type parameter's constraint's, an interface's own, and
/// for any other type the set holding just that type.
pub fn type_set(store: &TypeStore<'_>, ty: TypeId) -> TypeSet {
    Computation::new(store).of_type(ty)
}

/// The type set of a union's terms (None if it exceeds [`MAX_TERM_COUNT`] terms).
pub fn union_type_set(store: &TypeStore<'_>, union: TypeId) -> Option<TermList> {
    Computation::new(store).union(union)
}

/// One type set computation, with the interfaces and unions being computed: reaching one
/// of them again means an invalid cyclic declaration (reported by the checker), which is
/// then taken as every type (interfaces) or no type (unions), as go/types does.
struct Computation<'s, 'a> {
    store: &'s TypeStore<'a>,
    active_interfaces: FxHashSet<TypeId>,
    active_unions: FxHashSet<TypeId>,
}

impl<'s, 'a> Computation<'s, 'a> {
    fn new(store: &'s TypeStore<'a>) -> Self {
        Computation {
            store,
            active_interfaces: FxHashSet::default(),
            active_unions: FxHashSet::default(),
        }
    }

    fn of_type(&mut self, ty: TypeId) -> TypeSet {
        let store = self.store;
        let ty = unalias(store, ty);
        if let Type::TypeParam(param) = store.ty(ty) {
            return match param.constraint {
                Some(constraint) => self.constraint(constraint),
                None => TypeSet::top(),
            };
        }
        let u = underlying(store, ty);
        match store.ty(u) {
            Type::Interface(_) => self.interface(u),
            _ => TypeSet {
                methods: Vec::new(),
                terms: TermList(vec![TypeTerm::new(false, ty)]),
                comparable: false,
            },
        }
    }

    /// The set a constraint stands for; a constraint that is not an interface is read as
    /// the implicit interface embedding it.
    fn constraint(&mut self, constraint: TypeId) -> TypeSet {
        let store = self.store;
        if is_type_param(store, constraint) {
            return TypeSet::top();
        }
        let u = underlying(store, constraint);
        match store.ty(u) {
            Type::Interface(_) => self.interface(u),
            Type::Basic(b) if b.kind == BasicKind::Invalid => TypeSet::top(),
            Type::Union(_) => TypeSet {
                methods: Vec::new(),
                terms: self.union(u).unwrap_or_default(),
                comparable: false,
            },
            _ => TypeSet {
                methods: Vec::new(),
                terms: TermList(vec![TypeTerm::new(false, constraint)]),
                comparable: false,
            },
        }
    }

    fn interface(&mut self, id: TypeId) -> TypeSet {
        let store = self.store;
        let Type::Interface(iface) = store.ty(id) else {
            return TypeSet::top();
        };
        if !self.active_interfaces.insert(id) {
            return TypeSet::top();
        }

        let mut methods = Vec::new();
        let mut names = FxHashSet::default();
        let mut add_method = |m: ObjId| {
            // A duplicate (explicit or embedded) is the checker's to report; keep the first.
            if names.insert(object_unique_name(store, m)) {
                methods.push(m);
            }
        };
        for &m in &iface.methods {
            add_method(m);
        }

        let mut terms = TermList::all();
        let mut comparable = iface.comparable;
        for &embedded in &iface.embeddeds {
            // A type parameter may not be embedded (the checker reports it).
            if is_type_param(store, embedded) {
                continue;
            }
            let u = underlying(store, embedded);
            let (embedded_terms, embedded_comparable) = match store.ty(u) {
                Type::Interface(_) => {
                    let set = crate::stack::with_stack(|| self.interface(u));
                    for &m in &set.methods {
                        add_method(m);
                    }
                    (set.terms, set.comparable)
                }
                Type::Union(_) => match self.union(u) {
                    Some(union_terms) => (union_terms, false),
                    // Too many terms: reported by the checker, ignored here.
                    None => continue,
                },
                Type::Basic(b) if b.kind == BasicKind::Invalid => continue,
                _ => (TermList(vec![TypeTerm::new(false, embedded)]), false),
            };
            (terms, comparable) = intersect_term_lists(
                store,
                &terms,
                comparable,
                &embedded_terms,
                embedded_comparable,
            );
        }
        methods.sort_by(|&a, &b| compare_objects(store, a, b));
        self.active_interfaces.remove(&id);
        TypeSet {
            methods,
            terms,
            comparable,
        }
    }

    fn union(&mut self, id: TypeId) -> Option<TermList> {
        let store = self.store;
        let Type::Union(terms) = store.ty(id) else {
            return Some(TermList::empty());
        };
        if !self.active_unions.insert(id) {
            return Some(TermList::empty());
        }
        let mut all = TermList::empty();
        let mut overflow = false;
        for term in terms {
            if is_type_param(store, term.ty) {
                continue; // a type parameter cannot be a term (reported by the checker)
            }
            let u = underlying(store, term.ty);
            let term_set = match store.ty(u) {
                Type::Interface(_) => crate::stack::with_stack(|| self.interface(u)).terms,
                Type::Basic(b) if b.kind == BasicKind::Invalid => continue,
                // ~T where T is not its own underlying type stands for no type.
                _ if term.tilde && !identical(store, term.ty, u) => TermList(vec![TypeTerm::Empty]),
                _ => TermList(vec![TypeTerm::Type(*term)]),
            };
            all = all.union(store, &term_set);
            if all.0.len() > MAX_TERM_COUNT {
                overflow = true;
                break;
            }
        }
        self.active_unions.remove(&id);
        (!overflow).then_some(all)
    }
}

/// The intersection of two term lists with their comparable flags: when either side is
/// restricted to comparable types, only the strictly comparable terms remain.
fn intersect_term_lists(
    store: &TypeStore<'_>,
    x: &TermList,
    x_comparable: bool,
    y: &TermList,
    y_comparable: bool,
) -> (TermList, bool) {
    let mut terms = x.intersect(store, y);
    let mut comparable = x_comparable || y_comparable;
    if comparable && !terms.is_all() {
        terms.0.retain(|t| match t {
            TypeTerm::Type(term) => {
                comparable_type(store, term.ty, false, &mut FxHashSet::default()).is_ok()
            }
            _ => false,
        });
        comparable = terms.is_all();
    }
    (terms, comparable)
}

/// Type sets memoized by interface or type parameter. Entries describe the model as it was
/// when first asked: use a cache only over types that no longer change (frozen packages,
/// or declarations the checker has finished).
#[derive(Debug, Default)]
pub struct TypeSetCache {
    sets: RefCell<FxHashMap<TypeId, Rc<TypeSet>>>,
}

impl TypeSetCache {
    pub fn new() -> TypeSetCache {
        TypeSetCache::default()
    }

    /// [`type_set`] of `ty`, computed once.
    pub fn type_set(&self, store: &TypeStore<'_>, ty: TypeId) -> Rc<TypeSet> {
        if let Some(set) = self.sets.borrow().get(&ty) {
            return set.clone();
        }
        let set = Rc::new(type_set(store, ty));
        self.sets.borrow_mut().insert(ty, set.clone());
        set
    }

    /// Forgets every set (after the types they were computed from changed).
    pub fn clear(&self) {
        self.sets.borrow_mut().clear();
    }
}

/// A term list as go/types prints it: `∅`, `𝓤`, or the terms joined by ` | `.
pub fn term_list_string(
    store: &TypeStore<'_>,
    terms: &TermList,
    qualifier: Qualifier<'_>,
) -> String {
    if terms.0.is_empty() {
        return "∅".to_owned();
    }
    let term = |t: &TypeTerm| match t {
        TypeTerm::Empty => "∅".to_owned(),
        TypeTerm::All => "𝓤".to_owned(),
        TypeTerm::Type(t) => {
            let ty = type_string(store, t.ty, qualifier);
            if t.tilde {
                format!("~{ty}")
            } else {
                ty
            }
        }
    };
    terms.0.iter().map(term).collect::<Vec<_>>().join(" | ")
}

/// A type set as go/types prints it for debugging: `∅`, `𝓤`, or
/// `{comparable; methods; terms}`.
pub fn type_set_string(store: &TypeStore<'_>, set: &TypeSet, qualifier: Qualifier<'_>) -> String {
    if set.is_empty() {
        return "∅".to_owned();
    }
    if set.is_all() {
        return "𝓤".to_owned();
    }
    let mut parts = Vec::new();
    if set.comparable {
        parts.push("comparable".to_owned());
    }
    parts.extend(
        set.methods
            .iter()
            .map(|&m| object_string(store, m, qualifier)),
    );
    if set.has_terms() {
        parts.push(term_list_string(store, &set.terms, qualifier));
    }
    format!("{{{}}}", parts.join("; "))
}
