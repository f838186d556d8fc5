//! Predicates on types (go/types' predicates.go): type identity, comparability, `nil`
//! membership, the kinds of basic types, and classification of types.
//!
//! The `is_*` predicates on basic kinds look at the underlying type and are false for a
//! type parameter; the `all_*` ones hold for a type parameter when they hold for every
//! type of its type set.

use rustc_hash::FxHashSet;

use crate::basic::BasicKind;
use crate::ids::{ObjId, TypeId};
use crate::predeclared::{basic_type, universe_type};
use crate::stack::with_stack;
use crate::store::TypeStore;
use crate::subst::{Substitution, NO_SUBSTITUTION};
use crate::termlist::{TermList, TypeTerm};
use crate::ty::{Signature, Type};
use crate::typeset::{interface_type_set, type_set, union_type_set};
use crate::typestring::{type_string, Qualifier};
use crate::under::{origin, unalias, under_is, underlying};
use crate::unique_name::{object_unique_name, same_name};

pub use crate::under::is_type_param;

/// Whether `x` and `y` are identical types (go/types' `Identical`).
pub fn identical(store: &TypeStore<'_>, x: TypeId, y: TypeId) -> bool {
    Comparer::default().identical(store, x, y)
}

/// Whether `x` and `y` are identical when struct tags are ignored (go/types'
/// `IdenticalIgnoreTags`, used by conversions).
pub fn identical_ignore_tags(store: &TypeStore<'_>, x: TypeId, y: TypeId) -> bool {
    Comparer {
        ignore_tags: true,
        ignore_invalids: false,
    }
    .identical(store, x, y)
}

/// Whether `x` read under `xs` and `y` read under `ys` are identical.
pub fn identical_under(
    store: &TypeStore<'_>,
    x: TypeId,
    xs: &Substitution,
    y: TypeId,
    ys: &Substitution,
) -> bool {
    Comparer::default().identical_under(store, x, xs, y, ys)
}

/// The rules type identity is decided by.
#[derive(Clone, Copy, Debug, Default)]
pub struct Comparer {
    /// Struct tags do not matter.
    pub ignore_tags: bool,
    /// `invalid type` is identical to every type (to avoid follow-on errors).
    pub ignore_invalids: bool,
}

/// Two interfaces being compared further up: meeting the same pair again means they are
/// identical as far as this comparison can tell (recursive interfaces).
struct InterfacePair<'p> {
    x: TypeId,
    y: TypeId,
    outer: Option<&'p InterfacePair<'p>>,
}

impl Comparer {
    pub fn identical(&self, store: &TypeStore<'_>, x: TypeId, y: TypeId) -> bool {
        self.types(store, x, &NO_SUBSTITUTION, y, &NO_SUBSTITUTION, None)
    }

    pub fn identical_under(
        &self,
        store: &TypeStore<'_>,
        x: TypeId,
        xs: &Substitution,
        y: TypeId,
        ys: &Substitution,
    ) -> bool {
        self.types(store, x, xs, y, ys, None)
    }

    fn optional(
        &self,
        store: &TypeStore<'_>,
        x: Option<TypeId>,
        xs: &Substitution,
        y: Option<TypeId>,
        ys: &Substitution,
        pairs: Option<&InterfacePair<'_>>,
    ) -> bool {
        match (x, y) {
            (Some(x), Some(y)) => self.types(store, x, xs, y, ys, pairs),
            (None, None) => true,
            _ => false,
        }
    }

    fn types(
        &self,
        store: &TypeStore<'_>,
        x: TypeId,
        xs: &Substitution,
        y: TypeId,
        ys: &Substitution,
        pairs: Option<&InterfacePair<'_>>,
    ) -> bool {
        with_stack(|| self.types_inner(store, x, xs, y, ys, pairs))
    }

    fn types_inner(
        &self,
        store: &TypeStore<'_>,
        x: TypeId,
        xs: &Substitution,
        y: TypeId,
        ys: &Substitution,
        pairs: Option<&InterfacePair<'_>>,
    ) -> bool {
        let (x, xs) = resolve(store, x, xs);
        let (y, ys) = resolve(store, y, ys);
        if x == y && xs == ys {
            return true;
        }
        if self.ignore_invalids && (!is_valid(store, x) || !is_valid(store, y)) {
            return true;
        }
        match (store.ty(x), store.ty(y)) {
            // byte and uint8 (rune and int32) are distinct values of the same kind.
            (Type::Basic(a), Type::Basic(b)) => a.kind == b.kind,
            (Type::Array { len: xl, elem: xe }, Type::Array { len: yl, elem: ye }) => {
                // An invalid length (after an error) matches any length.
                (xl.is_none() || yl.is_none() || xl == yl)
                    && self.types(store, *xe, xs, *ye, ys, pairs)
            }
            (Type::Slice(xe), Type::Slice(ye)) | (Type::Pointer(xe), Type::Pointer(ye)) => {
                self.types(store, *xe, xs, *ye, ys, pairs)
            }
            (Type::Map { key: xk, elem: xe }, Type::Map { key: yk, elem: ye }) => {
                self.types(store, *xk, xs, *yk, ys, pairs)
                    && self.types(store, *xe, xs, *ye, ys, pairs)
            }
            (Type::Chan { dir: xd, elem: xe }, Type::Chan { dir: yd, elem: ye }) => {
                xd == yd && self.types(store, *xe, xs, *ye, ys, pairs)
            }
            (Type::Struct(a), Type::Struct(b)) => {
                a.fields.len() == b.fields.len()
                    && a.fields
                        .iter()
                        .zip(&b.fields)
                        .enumerate()
                        .all(|(i, (&f, &g))| {
                            let (fo, go) = (store.obj(f), store.obj(g));
                            is_embedded(store, f) == is_embedded(store, g)
                                && (self.ignore_tags
                                    || struct_tag(&a.tags, i) == struct_tag(&b.tags, i))
                                && same_name(store, fo, go.pkg, &go.name, false)
                                && self.optional(store, fo.ty, xs, go.ty, ys, pairs)
                        })
            }
            (Type::Tuple(a), Type::Tuple(b)) => self.vars(store, a, xs, b, ys, pairs),
            (Type::Signature(a), Type::Signature(b)) => self.signatures(store, a, xs, b, ys, pairs),
            (Type::Union(_), Type::Union(_)) => {
                let xt = union_type_set(store, x).unwrap_or_default();
                let yt = union_type_set(store, y).unwrap_or_default();
                self.term_lists(store, &xt, xs, &yt, ys)
            }
            (Type::Interface(_), Type::Interface(_)) => self.interfaces(store, x, xs, y, ys, pairs),
            (Type::Named(a), Type::Named(b)) => {
                // Type arguments are compared by plain identity, as go/types does.
                a.type_args.len() == b.type_args.len()
                    && a.type_args
                        .iter()
                        .zip(&b.type_args)
                        .all(|(&xa, &ya)| Comparer::default().types(store, xa, xs, ya, ys, None))
                    && origin_obj(store, x) == origin_obj(store, y)
            }
            // Distinct type parameters are different types.
            (Type::TypeParam(_), Type::TypeParam(_)) => x == y,
            _ => false,
        }
    }

    fn vars(
        &self,
        store: &TypeStore<'_>,
        a: &[ObjId],
        xs: &Substitution,
        b: &[ObjId],
        ys: &Substitution,
        pairs: Option<&InterfacePair<'_>>,
    ) -> bool {
        a.len() == b.len()
            && a.iter().zip(b).all(|(&v, &w)| {
                self.optional(store, store.obj(v).ty, xs, store.obj(w).ty, ys, pairs)
            })
    }

    /// Same parameter and result types and variadic-ness; type parameters are equal modulo
    /// renaming (with pairwise identical constraints), so `y`'s are read as `x`'s.
    fn signatures(
        &self,
        store: &TypeStore<'_>,
        a: &Signature,
        xs: &Substitution,
        b: &Signature,
        ys: &Substitution,
        pairs: Option<&InterfacePair<'_>>,
    ) -> bool {
        if a.type_params.len() != b.type_params.len() {
            return false;
        }
        let renamed;
        let ys = if a.type_params.is_empty() {
            ys
        } else {
            let mut subst = ys.clone();
            for (&xp, &yp) in a.type_params.iter().zip(&b.type_params) {
                subst.insert(yp, xp);
            }
            renamed = subst;
            for (&xp, &yp) in a.type_params.iter().zip(&b.type_params) {
                let (xb, yb) = (constraint(store, xp), constraint(store, yp));
                if !self.optional(store, xb, xs, yb, &renamed, pairs) {
                    return false;
                }
            }
            &renamed
        };
        a.variadic == b.variadic
            && self.vars(store, &a.params, xs, &b.params, ys, pairs)
            && self.vars(store, &a.results, xs, &b.results, ys, pairs)
    }

    /// Interfaces are identical when their type sets are: the same comparable flag, the
    /// same terms, and the same methods (by unique name) with identical signatures.
    fn interfaces(
        &self,
        store: &TypeStore<'_>,
        x: TypeId,
        xs: &Substitution,
        y: TypeId,
        ys: &Substitution,
        pairs: Option<&InterfacePair<'_>>,
    ) -> bool {
        let xset = interface_type_set(store, x);
        let yset = interface_type_set(store, y);
        if xset.comparable != yset.comparable
            || !self.term_lists(store, &xset.terms, xs, &yset.terms, ys)
            || xset.methods.len() != yset.methods.len()
        {
            return false;
        }
        let mut outer = pairs;
        while let Some(pair) = outer {
            if (pair.x == x && pair.y == y) || (pair.x == y && pair.y == x) {
                return true;
            }
            outer = pair.outer;
        }
        let pair = InterfacePair { x, y, outer: pairs };
        xset.methods.iter().zip(&yset.methods).all(|(&f, &g)| {
            object_unique_name(store, f) == object_unique_name(store, g)
                && self.optional(store, store.obj(f).ty, xs, store.obj(g).ty, ys, Some(&pair))
        })
    }

    fn term_lists(
        &self,
        store: &TypeStore<'_>,
        x: &TermList,
        xs: &Substitution,
        y: &TermList,
        ys: &Substitution,
    ) -> bool {
        if xs.is_empty() && ys.is_empty() {
            return x.equal(store, y);
        }
        term_list_subset(store, x, xs, y, ys) && term_list_subset(store, y, ys, x, xs)
    }
}

/// `ty` with aliases removed, and read through `subst` if it is a type parameter `subst`
/// maps (the replacement is not substituted again).
fn resolve<'s>(
    store: &TypeStore<'_>,
    ty: TypeId,
    subst: &'s Substitution,
) -> (TypeId, &'s Substitution) {
    let ty = unalias(store, ty);
    if let Type::TypeParam(_) = store.ty(ty) {
        if let Some(arg) = subst.get(ty) {
            return (unalias(store, arg), &NO_SUBSTITUTION);
        }
    }
    (ty, subst)
}

/// `x ⊆ y` for term lists read under substitutions.
fn term_list_subset(
    store: &TypeStore<'_>,
    x: &TermList,
    xs: &Substitution,
    y: &TermList,
    ys: &Substitution,
) -> bool {
    if y.is_empty() {
        return x.is_empty();
    }
    x.0.iter().all(|&xt| {
        y.0.iter().any(|&yt| match (xt, yt) {
            (TypeTerm::Empty, _) => true,
            (_, TypeTerm::Empty) => false,
            (_, TypeTerm::All) => true,
            (TypeTerm::All, _) => false,
            (TypeTerm::Type(a), TypeTerm::Type(b)) => {
                let (ax, axs) = if b.tilde {
                    under_in(store, a.ty, xs)
                } else {
                    (a.ty, xs)
                };
                let (by, bys) = if a.tilde {
                    under_in(store, b.ty, ys)
                } else {
                    (b.ty, ys)
                };
                identical_under(store, ax, axs, by, bys) && (!a.tilde || b.tilde)
            }
        })
    })
}

fn under_in<'s>(
    store: &TypeStore<'_>,
    ty: TypeId,
    subst: &'s Substitution,
) -> (TypeId, &'s Substitution) {
    let (ty, subst) = resolve(store, ty, subst);
    (underlying(store, ty), subst)
}

fn struct_tag(tags: &[Box<[u8]>], i: usize) -> &[u8] {
    tags.get(i).map_or(&[], |tag| tag)
}

fn is_embedded(store: &TypeStore<'_>, field: ObjId) -> bool {
    store
        .obj(field)
        .var_info()
        .is_some_and(|info| info.embedded)
}

fn constraint(store: &TypeStore<'_>, param: TypeId) -> Option<TypeId> {
    match store.ty(param) {
        Type::TypeParam(p) => p.constraint,
        _ => None,
    }
}

/// The type name of the declaration a named type comes from.
fn origin_obj(store: &TypeStore<'_>, named: TypeId) -> Option<ObjId> {
    match store.ty(origin(store, named)) {
        Type::Named(n) => Some(n.obj),
        _ => None,
    }
}

/// Why values of a type cannot be compared (the cause go/types gives).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotComparable {
    /// No further explanation (slices, maps, functions, untyped nil, ...).
    Plain,
    /// `struct containing %s cannot be compared`, with the field's type.
    StructField(TypeId),
    /// `%s cannot be compared`, with the array type.
    Array(TypeId),
    /// `empty type set`
    EmptyTypeSet,
    /// `incomparable types in type set`
    IncomparableTypesInTypeSet,
}

impl NotComparable {
    /// The cause as go/types words it (empty for [`NotComparable::Plain`]).
    pub fn message(&self, store: &TypeStore<'_>, qualifier: Qualifier<'_>) -> String {
        match *self {
            NotComparable::Plain => String::new(),
            NotComparable::StructField(field) => {
                format!(
                    "struct containing {} cannot be compared",
                    type_string(store, field, qualifier)
                )
            }
            NotComparable::Array(array) => {
                format!(
                    "{} cannot be compared",
                    type_string(store, array, qualifier)
                )
            }
            NotComparable::EmptyTypeSet => "empty type set".to_owned(),
            NotComparable::IncomparableTypesInTypeSet => {
                "incomparable types in type set".to_owned()
            }
        }
    }
}

/// Whether values of type `ty` can be compared with `==` (go/types' `Comparable`).
/// Interfaces that are not type parameters are comparable (their dynamic values may not
/// be).
pub fn is_comparable(store: &TypeStore<'_>, ty: TypeId) -> bool {
    comparable_type(store, ty, true, &mut FxHashSet::default()).is_ok()
}

/// Whether `ty` is comparable, and why not. With `dynamic`, interfaces that are not type
/// parameters count as comparable; without, only strictly comparable types do (what
/// satisfying `comparable` requires).
pub fn comparable_type(
    store: &TypeStore<'_>,
    ty: TypeId,
    dynamic: bool,
    seen: &mut FxHashSet<TypeId>,
) -> Result<(), NotComparable> {
    if !seen.insert(ty) {
        return Ok(());
    }
    with_stack(|| match store.ty(underlying(store, ty)) {
        // Invalid types count as comparable, to avoid follow-on errors.
        Type::Basic(b) if b.kind == BasicKind::UntypedNil => Err(NotComparable::Plain),
        Type::Basic(_) | Type::Pointer(_) | Type::Chan { .. } => Ok(()),
        Type::Struct(s) => {
            for &field in &s.fields {
                if let Some(field_ty) = store.obj(field).ty {
                    if comparable_type(store, field_ty, dynamic, seen).is_err() {
                        return Err(NotComparable::StructField(field_ty));
                    }
                }
            }
            Ok(())
        }
        Type::Array { elem, .. } => match comparable_type(store, *elem, dynamic, seen) {
            Ok(()) => Ok(()),
            Err(_) => Err(NotComparable::Array(ty)),
        },
        Type::Interface(_) => {
            if dynamic && !is_type_param(store, ty) {
                return Ok(());
            }
            let set = type_set(store, ty);
            if set.is_comparable_seen(store, seen) {
                Ok(())
            } else if set.is_empty() {
                Err(NotComparable::EmptyTypeSet)
            } else {
                Err(NotComparable::IncomparableTypesInTypeSet)
            }
        }
        _ => Err(NotComparable::Plain),
    })
}

/// Whether `nil` is a value of type `ty` (for a type parameter: of every type in its type
/// set).
pub fn has_nil(store: &TypeStore<'_>, ty: TypeId) -> bool {
    match store.ty(underlying(store, ty)) {
        Type::Basic(b) => b.kind == BasicKind::UnsafePointer,
        Type::Slice(_)
        | Type::Pointer(_)
        | Type::Signature(_)
        | Type::Map { .. }
        | Type::Chan { .. } => true,
        Type::Interface(_) => {
            !is_type_param(store, ty)
                || under_is(store, ty, &mut |u| u.is_some_and(|u| has_nil(store, u)))
        }
        _ => false,
    }
}

/// Whether `ty` is an interface (type parameters are).
pub fn is_interface(store: &TypeStore<'_>, ty: TypeId) -> bool {
    matches!(store.ty(underlying(store, ty)), Type::Interface(_))
}

/// Whether `ty` is an interface but not a type parameter.
pub fn is_non_type_param_interface(store: &TypeStore<'_>, ty: TypeId) -> bool {
    !is_type_param(store, ty) && is_interface(store, ty)
}

/// Whether `ty`'s underlying type is a pointer.
pub fn is_pointer(store: &TypeStore<'_>, ty: TypeId) -> bool {
    matches!(store.ty(underlying(store, ty)), Type::Pointer(_))
}

/// Whether `ty` is anything but `invalid type`.
pub fn is_valid(store: &TypeStore<'_>, ty: TypeId) -> bool {
    !matches!(store.ty(unalias(store, ty)), Type::Basic(b) if b.kind == BasicKind::Invalid)
}

/// Whether `ty` has a name: predeclared, defined and type parameter types.
pub fn has_name(store: &TypeStore<'_>, ty: TypeId) -> bool {
    matches!(
        store.ty(unalias(store, ty)),
        Type::Basic(_) | Type::Named(_) | Type::TypeParam(_)
    )
}

/// Whether `ty` is a type literal (including basic types): not defined, not a type
/// parameter.
pub fn is_type_lit(store: &TypeStore<'_>, ty: TypeId) -> bool {
    !matches!(
        store.ty(unalias(store, ty)),
        Type::Named(_) | Type::TypeParam(_)
    )
}

/// Whether `ty` is a generic type not instantiated (generic functions excluded).
pub fn is_generic(store: &TypeStore<'_>, ty: TypeId) -> bool {
    if let Type::Alias(alias) = store.ty(ty) {
        if !alias.type_params.is_empty() && alias.type_args.is_empty() {
            return true;
        }
    }
    matches!(store.ty(unalias(store, ty)), Type::Named(n) if n.origin.is_none() && !n.type_params.is_empty())
}

/// Whether `ty` is a type parameter whose type set is empty.
pub fn has_empty_type_set(store: &TypeStore<'_>, ty: TypeId) -> bool {
    is_type_param(store, ty) && type_set(store, ty).is_empty()
}

/// The kind of `ty`'s underlying basic type.
pub fn basic_kind(store: &TypeStore<'_>, ty: TypeId) -> Option<BasicKind> {
    match store.ty(underlying(store, ty)) {
        Type::Basic(b) => Some(b.kind),
        _ => None,
    }
}

fn is_basic(store: &TypeStore<'_>, ty: TypeId, pred: fn(BasicKind) -> bool) -> bool {
    basic_kind(store, ty).is_some_and(pred)
}

pub fn is_boolean(store: &TypeStore<'_>, ty: TypeId) -> bool {
    is_basic(store, ty, BasicKind::is_boolean)
}

pub fn is_integer(store: &TypeStore<'_>, ty: TypeId) -> bool {
    is_basic(store, ty, BasicKind::is_integer)
}

pub fn is_unsigned(store: &TypeStore<'_>, ty: TypeId) -> bool {
    is_basic(store, ty, BasicKind::is_unsigned)
}

pub fn is_float(store: &TypeStore<'_>, ty: TypeId) -> bool {
    is_basic(store, ty, BasicKind::is_float)
}

pub fn is_complex(store: &TypeStore<'_>, ty: TypeId) -> bool {
    is_basic(store, ty, BasicKind::is_complex)
}

pub fn is_numeric(store: &TypeStore<'_>, ty: TypeId) -> bool {
    is_basic(store, ty, BasicKind::is_numeric)
}

pub fn is_string(store: &TypeStore<'_>, ty: TypeId) -> bool {
    is_basic(store, ty, BasicKind::is_string)
}

pub fn is_integer_or_float(store: &TypeStore<'_>, ty: TypeId) -> bool {
    is_basic(store, ty, |k| k.is_integer() || k.is_float())
}

pub fn is_ordered(store: &TypeStore<'_>, ty: TypeId) -> bool {
    is_basic(store, ty, BasicKind::is_ordered)
}

/// Whether values of `ty` may be constants (booleans, numbers, strings).
pub fn is_const_type(store: &TypeStore<'_>, ty: TypeId) -> bool {
    is_basic(store, ty, BasicKind::is_const_type)
}

/// Whether `ty` is one of the untyped kinds. Untyped types are never named or aliased,
/// so `ty` itself is looked at.
pub fn is_untyped(store: &TypeStore<'_>, ty: TypeId) -> bool {
    matches!(store.ty(ty), Type::Basic(b) if b.kind.is_untyped())
}

pub fn is_typed(store: &TypeStore<'_>, ty: TypeId) -> bool {
    !is_untyped(store, ty)
}

pub fn is_untyped_numeric(store: &TypeStore<'_>, ty: TypeId) -> bool {
    matches!(store.ty(ty), Type::Basic(b) if b.kind.is_untyped() && b.kind.is_numeric())
}

/// Whether the basic predicate holds for `ty`, or for every specific type of a type
/// parameter's type set (false when it has none).
fn all_basic(store: &TypeStore<'_>, ty: TypeId, pred: fn(BasicKind) -> bool) -> bool {
    if is_type_param(store, ty) {
        let set = type_set(store, ty);
        return match set.terms.specific_terms() {
            Some(terms) => terms.iter().all(|t| is_basic(store, t.ty, pred)),
            None => false,
        };
    }
    is_basic(store, ty, pred)
}

pub fn all_boolean(store: &TypeStore<'_>, ty: TypeId) -> bool {
    all_basic(store, ty, BasicKind::is_boolean)
}

pub fn all_integer(store: &TypeStore<'_>, ty: TypeId) -> bool {
    all_basic(store, ty, BasicKind::is_integer)
}

pub fn all_unsigned(store: &TypeStore<'_>, ty: TypeId) -> bool {
    all_basic(store, ty, BasicKind::is_unsigned)
}

pub fn all_numeric(store: &TypeStore<'_>, ty: TypeId) -> bool {
    all_basic(store, ty, BasicKind::is_numeric)
}

pub fn all_string(store: &TypeStore<'_>, ty: TypeId) -> bool {
    all_basic(store, ty, BasicKind::is_string)
}

pub fn all_ordered(store: &TypeStore<'_>, ty: TypeId) -> bool {
    all_basic(store, ty, BasicKind::is_ordered)
}

pub fn all_numeric_or_string(store: &TypeStore<'_>, ty: TypeId) -> bool {
    all_basic(store, ty, |k| k.is_numeric() || k.is_string())
}

/// The default type of an untyped type (`untyped int` → `int`, `untyped rune` → `rune`,
/// ...); any other type (and `untyped nil`) unchanged.
pub fn default_type(store: &TypeStore<'_>, ty: TypeId) -> TypeId {
    let Type::Basic(b) = store.ty(ty) else {
        return ty;
    };
    let kind = match b.kind {
        BasicKind::UntypedBool => BasicKind::Bool,
        BasicKind::UntypedInt => BasicKind::Int,
        BasicKind::UntypedRune => return universe_type(store, "rune").unwrap_or(ty),
        BasicKind::UntypedFloat => BasicKind::Float64,
        BasicKind::UntypedComplex => BasicKind::Complex128,
        BasicKind::UntypedString => BasicKind::String,
        _ => return ty,
    };
    basic_type(store, kind)
}
