//! Sets of types described by unions of terms (go/types' `term` and `termlist`): the
//! algebra behind the type sets of constraint interfaces.
//!
//! A term is the empty set ∅, the set of all types 𝓤, a single type `T`, or `~T`: all
//! types whose underlying type is `T`. A term list is the union of its terms; it is in
//! normal form when its terms are pairwise disjoint (∅ never appears, 𝓤 only alone).

use crate::ids::TypeId;
use crate::predicates::identical;
use crate::store::TypeStore;
use crate::ty::Term;
use crate::under::underlying;

/// An elementary set of types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeTerm {
    /// ∅, no type.
    Empty,
    /// 𝓤, every type.
    All,
    /// `T` or `~T`.
    Type(Term),
}

impl TypeTerm {
    pub fn new(tilde: bool, ty: TypeId) -> TypeTerm {
        TypeTerm::Type(Term { tilde, ty })
    }
}

/// Whether `x ∩ y = ∅` for two specific terms: they differ in the type they stand for
/// (a `~` on either side compares underlying types).
fn disjoint(store: &TypeStore<'_>, x: Term, y: Term) -> bool {
    let ux = if y.tilde {
        underlying(store, x.ty)
    } else {
        x.ty
    };
    let uy = if x.tilde {
        underlying(store, y.ty)
    } else {
        y.ty
    };
    !identical(store, ux, uy)
}

/// `x ∪ y` as one term, or two when they are disjoint.
pub fn term_union(store: &TypeStore<'_>, x: TypeTerm, y: TypeTerm) -> (TypeTerm, Option<TypeTerm>) {
    match (x, y) {
        (TypeTerm::Empty, _) => (y, None),
        (_, TypeTerm::Empty) => (x, None),
        (TypeTerm::All, _) | (_, TypeTerm::All) => (TypeTerm::All, None),
        (TypeTerm::Type(a), TypeTerm::Type(b)) => {
            if disjoint(store, a, b) {
                (x, Some(y))
            } else if a.tilde || !b.tilde {
                // ~t ∪ ~t = ~t ∪ t = ~t, t ∪ t = t
                (x, None)
            } else {
                (y, None)
            }
        }
    }
}

/// `x ∩ y`.
pub fn term_intersect(store: &TypeStore<'_>, x: TypeTerm, y: TypeTerm) -> TypeTerm {
    match (x, y) {
        (TypeTerm::Empty, _) | (_, TypeTerm::Empty) => TypeTerm::Empty,
        (TypeTerm::All, _) => y,
        (_, TypeTerm::All) => x,
        (TypeTerm::Type(a), TypeTerm::Type(b)) => {
            if disjoint(store, a, b) {
                TypeTerm::Empty
            } else if !a.tilde || b.tilde {
                // ~t ∩ ~t = ~t, t ∩ ~t = ~t ∩ t = t ∩ t = t
                x
            } else {
                y
            }
        }
    }
}

/// Whether type `t` belongs to term `x`.
pub fn term_includes(store: &TypeStore<'_>, x: TypeTerm, t: TypeId) -> bool {
    match x {
        TypeTerm::Empty => false,
        TypeTerm::All => true,
        TypeTerm::Type(term) => {
            let u = if term.tilde { underlying(store, t) } else { t };
            identical(store, term.ty, u)
        }
    }
}

/// Whether `x ⊆ y`.
pub fn term_subset_of(store: &TypeStore<'_>, x: TypeTerm, y: TypeTerm) -> bool {
    match (x, y) {
        (TypeTerm::Empty, _) => true,
        (_, TypeTerm::Empty) => false,
        (_, TypeTerm::All) => true,
        (TypeTerm::All, _) => false,
        // t ⊆ t, t ⊆ ~t, ~t ⊆ ~t; not ~t ⊆ t.
        (TypeTerm::Type(a), TypeTerm::Type(b)) => !disjoint(store, a, b) && (!a.tilde || b.tilde),
    }
}

/// A union of terms.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TermList(pub Vec<TypeTerm>);

impl TermList {
    /// 𝓤, in normal form.
    pub fn all() -> TermList {
        TermList(vec![TypeTerm::All])
    }

    /// ∅, in normal form.
    pub fn empty() -> TermList {
        TermList(Vec::new())
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|t| *t == TypeTerm::Empty)
    }

    pub fn is_all(&self) -> bool {
        self.0.contains(&TypeTerm::All)
    }

    /// The specific terms (`T`, `~T`), unless the list is ∅ or 𝓤.
    pub fn specific_terms(&self) -> Option<Vec<Term>> {
        if self.is_empty() || self.is_all() {
            return None;
        }
        Some(
            self.0
                .iter()
                .filter_map(|t| match t {
                    TypeTerm::Type(term) => Some(*term),
                    _ => None,
                })
                .collect(),
        )
    }

    /// The normal form: overlapping terms merged, ∅ dropped, 𝓤 alone.
    pub fn normalize(&self, store: &TypeStore<'_>) -> TermList {
        let terms = &self.0;
        let mut used = vec![false; terms.len()];
        let mut out = Vec::new();
        for i in 0..terms.len() {
            let mut xi = terms[i];
            if xi == TypeTerm::Empty || used[i] {
                continue;
            }
            for j in i + 1..terms.len() {
                let xj = terms[j];
                if xj == TypeTerm::Empty || used[j] {
                    continue;
                }
                if let (merged, None) = term_union(store, xi, xj) {
                    // 𝓤 absorbs everything; continuing could leave other terms beside it.
                    if merged == TypeTerm::All {
                        return TermList::all();
                    }
                    xi = merged;
                    used[j] = true;
                }
            }
            out.push(xi);
        }
        TermList(out)
    }

    /// `self ∪ other`, normalized.
    pub fn union(&self, store: &TypeStore<'_>, other: &TermList) -> TermList {
        let mut all = self.0.clone();
        all.extend_from_slice(&other.0);
        TermList(all).normalize(store)
    }

    /// `self ∩ other`, normalized.
    pub fn intersect(&self, store: &TypeStore<'_>, other: &TermList) -> TermList {
        if self.is_empty() || other.is_empty() {
            return TermList::empty();
        }
        let mut out = Vec::new();
        for &x in &self.0 {
            for &y in &other.0 {
                let r = term_intersect(store, x, y);
                if r != TypeTerm::Empty {
                    out.push(r);
                }
            }
        }
        TermList(out).normalize(store)
    }

    /// Whether both lists stand for the same set of types.
    pub fn equal(&self, store: &TypeStore<'_>, other: &TermList) -> bool {
        self.subset_of(store, other) && other.subset_of(store, self)
    }

    /// Whether type `t` is in the set.
    pub fn includes(&self, store: &TypeStore<'_>, t: TypeId) -> bool {
        self.0.iter().any(|&x| term_includes(store, x, t))
    }

    /// Whether term `y` is contained in one of the list's terms.
    pub fn superset_of(&self, store: &TypeStore<'_>, y: TypeTerm) -> bool {
        self.0.iter().any(|&x| term_subset_of(store, y, x))
    }

    /// Whether `self ⊆ other`.
    pub fn subset_of(&self, store: &TypeStore<'_>, other: &TermList) -> bool {
        if other.is_empty() {
            return self.is_empty();
        }
        self.0.iter().all(|&x| other.superset_of(store, x))
    }
}
