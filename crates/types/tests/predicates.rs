//! Identity, comparability and type sets, compared with go/types
//! (testdata/gotypes.expected), and the other predicates on small cases.

mod common;

use common::{expected, fixture, Builder};
use goescape_types::predicates::*;
use goescape_types::subst::{receiver_substitution, Substitution};
use goescape_types::ty::{ChanDir, Type};
use goescape_types::typeset::{type_set, type_set_string, TypeSetCache};
use goescape_types::typestring::relative_to;
use goescape_types::under::{common_under, common_under_with, underlying, CommonUnderError};
use goescape_types::unique_name::object_unique_name;
use goescape_types::{BasicKind, ObjKind, TypeId};

#[test]
fn identity_matches_go_types() {
    let mut f = fixture::build();
    // A second instance G[int, string], made apart from the one Inst has.
    let (g, int, string) = (f.ty("G"), f.b.int(), f.b.string());
    let u = f.b.struct_of(&[("k", int), ("v", string)]);
    let inst2 = f.b.instance(g, vec![int, string], Some(u));
    let store = f.b.store();
    let operand = |name: &str| -> TypeId {
        match name {
            "G[int,string]" => inst2,
            "q.S1" => underlying(&store, f.ty("q.S1")),
            _ if matches!(store.obj(f.obj(name)).kind, ObjKind::TypeName) => {
                underlying(&store, f.ty(name))
            }
            _ => f.ty(name),
        }
    };
    for line in expected("identical") {
        let (x, y) = (operand(line[0]), operand(line[1]));
        assert_eq!(
            identical(&store, x, y).to_string(),
            line[2],
            "identical({}, {})",
            line[0],
            line[1]
        );
        assert_eq!(
            identical(&store, y, x).to_string(),
            line[2],
            "identical({}, {})",
            line[1],
            line[0]
        );
        if !line[3].is_empty() && line[0] != "Inst" {
            let ignoring = identical_ignore_tags(&store, x, y).to_string();
            assert_eq!(
                ignoring, line[3],
                "identical_ignore_tags({}, {})",
                line[0], line[1]
            );
        }
    }
}

#[test]
fn comparability_matches_go_types() {
    let f = fixture::build();
    let store = f.b.store();
    for line in expected("comparable") {
        assert_eq!(
            is_comparable(&store, f.ty(line[0])).to_string(),
            line[1],
            "comparable {}",
            line[0]
        );
    }
}

#[test]
fn type_sets_match_go_types() {
    let f = fixture::build();
    let store = f.b.store();
    let cache = TypeSetCache::new();
    for line in expected("typeset") {
        let iface = underlying(&store, f.ty(line[0]));
        let set = cache.type_set(&store, iface);
        let ids: Vec<String> = set
            .methods
            .iter()
            .map(|&m| object_unique_name(&store, m))
            .collect();
        assert_eq!(ids.join(","), line[1], "methods of {}", line[0]);
        assert_eq!(
            set.is_comparable(&store).to_string(),
            line[2],
            "{} is comparable",
            line[0]
        );
        assert_eq!(
            set.is_method_set().to_string(),
            line[3],
            "{} is a method set",
            line[0]
        );
        assert_eq!(set.is_all().to_string(), line[4], "{} is empty", line[0]);
    }
    // The same set again comes from the cache.
    let num = underlying(&store, f.ty("Num"));
    assert!(std::rc::Rc::ptr_eq(
        &cache.type_set(&store, num),
        &cache.type_set(&store, num)
    ));
}

#[test]
fn type_sets_of_constraints() {
    let f = fixture::build();
    let store = f.b.store();
    let rel = relative_to(&store, f.p);
    let show = |name: &str| type_set_string(&store, &type_set(&store, f.ty(name)), &*rel);
    assert_eq!(show("Num"), "{~int | ~int64}");
    assert_eq!(show("Both"), "∅");
    assert_eq!(show("Any"), "𝓤");
    // comparable drops the incomparable []byte term, and then the set is not all types.
    assert_eq!(show("Cmpbl"), "{~int}");
    assert!(!type_set(&store, f.ty("Cmpbl")).comparable);
    let generic = match store.ty(f.ty("Generic")) {
        Type::Signature(sig) => sig.type_params.clone(),
        _ => unreachable!(),
    };
    let c = type_set(&store, generic[2]);
    assert_eq!(
        type_set_string(&store, &c, &*rel),
        "{func (interface).M(); ~int | ~string}"
    );
    assert!(has_nil(&store, f.ty("F1")));
    assert!(
        !has_nil(&store, generic[2]),
        "no type in ~int | ~string has nil"
    );
    assert!(all_ordered(&store, generic[2]) && !all_numeric(&store, generic[2]));
    assert!(!all_string(&store, generic[0]), "any has no specific types");
    assert!(is_type_param(&store, generic[0]) && is_interface(&store, generic[0]));
    assert!(!is_non_type_param_interface(&store, generic[0]));
}

#[test]
fn generic_signatures_are_identical_modulo_renaming_only_with_identical_constraints() {
    let f = fixture::build();
    let store = f.b.store();
    assert!(identical(&store, f.ty("Id1"), f.ty("Id2")));
    assert!(!identical(&store, f.ty("Id2"), f.ty("Id3")));
    assert!(
        identical(&store, f.ty("Id1"), f.ty("Shadow")),
        "Shadow's int is just another name"
    );
    assert!(!identical(&store, f.ty("Id1"), f.ty("CmpF")));
}

#[test]
fn receiver_substitution_reads_methods_of_instances() {
    let f = fixture::build();
    let store = f.b.store();
    let get = f.obj("G.Get");
    let inst = f.ty("Inst");
    let subst = receiver_substitution(&store, inst, get);
    let Type::Signature(sig) = store.ty(store.obj(get).ty.expect("typed")) else {
        unreachable!()
    };
    let k = store.obj(sig.params[0]).ty.expect("typed");
    assert_eq!(subst.get(k), Some(f.b.int()));
    assert!(identical_under(
        &store,
        k,
        &subst,
        f.b.int(),
        &Substitution::new()
    ));
    assert!(!identical(&store, k, f.b.int()));
}

#[test]
fn basic_predicates_look_through_names() {
    let mut b = Builder::new();
    let int = b.int();
    let my_int = b.named("MyInt", Some(int));
    let alias = b.alias("A", my_int, vec![]);
    let untyped_rune = b.basic(BasicKind::UntypedRune);
    let untyped_float = b.basic(BasicKind::UntypedFloat);
    let nil = b.basic(BasicKind::UntypedNil);
    let complex = b.basic(BasicKind::Complex64);
    let unsafe_pointer = b.basic(BasicKind::UnsafePointer);
    let s = b.string();
    let ints = b.slice(int);
    let store = b.store();
    assert!(is_integer(&store, alias) && is_numeric(&store, alias) && is_ordered(&store, alias));
    assert!(
        !is_unsigned(&store, alias) && !is_float(&store, alias) && is_const_type(&store, alias)
    );
    assert!(
        is_integer(&store, untyped_rune)
            && is_untyped(&store, untyped_rune)
            && !is_typed(&store, untyped_rune)
    );
    assert!(is_untyped_numeric(&store, untyped_float) && !is_untyped_numeric(&store, nil));
    assert!(is_complex(&store, complex) && !is_integer_or_float(&store, complex));
    assert!(is_string(&store, s) && !is_boolean(&store, s));
    assert_eq!(basic_kind(&store, alias), Some(BasicKind::Int));
    assert_eq!(basic_kind(&store, ints), None);
    assert!(has_name(&store, alias) && !is_type_lit(&store, my_int) && is_type_lit(&store, ints));
    assert!(has_nil(&store, unsafe_pointer) && has_nil(&store, ints) && !has_nil(&store, s));
    assert!(
        !is_comparable(&store, nil) && !is_comparable(&store, ints) && is_comparable(&store, alias)
    );
    let rune = b.universe.rune;
    assert_eq!(default_type(&store, untyped_rune), rune);
    assert_eq!(
        default_type(&store, untyped_float),
        b.basic(BasicKind::Float64)
    );
    assert_eq!(default_type(&store, nil), nil);
    assert!(!is_valid(&store, b.basic(BasicKind::Invalid)) && is_valid(&store, alias));
}

#[test]
fn struct_identity_needs_same_names_tags_and_embedding() {
    let mut b = Builder::new();
    let int = b.int();
    let t = b.named("T", Some(int));
    let a = b.field("T", t);
    let plain = b.strukt(vec![a]);
    let e = b.embedded(t);
    let embedded = b.strukt(vec![e]);
    let x = b.field("x", int);
    let tagged = b.tagged_struct(vec![x], vec![b"a"]);
    let y = b.field("x", int);
    let other_tag = b.tagged_struct(vec![y], vec![b"b"]);
    let z = b.field("x", int);
    let untagged = b.strukt(vec![z]);
    let store = b.store();
    assert!(!identical(&store, plain, embedded));
    assert!(
        !identical(&store, tagged, other_tag) && identical_ignore_tags(&store, tagged, other_tag)
    );
    assert!(
        !identical(&store, tagged, untagged) && identical_ignore_tags(&store, untagged, tagged)
    );
    let ignore_invalids = Comparer {
        ignore_tags: false,
        ignore_invalids: true,
    };
    assert!(ignore_invalids.identical(&store, b.basic(BasicKind::Invalid), plain));
}

#[test]
fn common_underlying_types_of_type_sets() {
    let mut b = Builder::new();
    let int = b.int();
    let my_int = b.named("MyInt", Some(int));
    let recv = b.chan(ChanDir::Recv, int);
    let both = b.chan(ChanDir::Both, int);
    let send = b.chan(ChanDir::Send, int);
    let ints = b.union(&[(false, int), (false, my_int)]);
    let ints_bound = b.implicit_interface(ints);
    let tp_ints = b.type_param("I", 0, Some(ints_bound));
    let chans = b.union(&[(false, both), (false, recv)]);
    let chans_bound = b.implicit_interface(chans);
    let tp_chans = b.type_param("C", 1, Some(chans_bound));
    let conflict = b.union(&[(false, send), (false, recv)]);
    let conflict_bound = b.implicit_interface(conflict);
    let tp_conflict = b.type_param("D", 2, Some(conflict_bound));
    let mixed = b.union(&[(false, int), (false, both)]);
    let mixed_bound = b.implicit_interface(mixed);
    let tp_mixed = b.type_param("M", 3, Some(mixed_bound));
    let tp_any = b.type_param("A", 4, Some(b.universe.any));
    let store = b.store();
    assert_eq!(common_under(&store, my_int), Some(int));
    assert_eq!(common_under(&store, tp_ints), Some(int));
    assert_eq!(
        common_under(&store, tp_chans),
        Some(recv),
        "the restricted direction wins"
    );
    assert_eq!(
        common_under_with(&store, tp_conflict, |_, _| Ok::<(), ()>(())),
        Err(CommonUnderError::ChannelDirsConflict(send, recv))
    );
    assert_eq!(
        common_under_with(&store, tp_mixed, |_, _| Ok::<(), ()>(())),
        Err(CommonUnderError::UnderlyingsDiffer(int, both))
    );
    assert_eq!(
        common_under_with(&store, tp_any, |_, _| Ok::<(), ()>(())),
        Err(CommonUnderError::NoSpecificType)
    );
    assert_eq!(
        common_under_with(&store, tp_ints, |t, _| if t == Some(my_int) {
            Err("no")
        } else {
            Ok(())
        }),
        Err(CommonUnderError::Condition("no"))
    );
}

#[test]
fn deeply_nested_types_do_not_overflow_the_stack() {
    let mut b = Builder::new();
    let (mut x, mut y) = (b.int(), b.int());
    for _ in 0..100_000 {
        x = b.slice(x);
        y = b.slice(y);
    }
    let store = b.store();
    assert!(identical(&store, x, y));
    assert!(!is_comparable(&store, x));
    let text = goescape_types::typestring::type_string(&store, x, &|_| None);
    assert_eq!(text.len(), 2 * 100_000 + 3);
    assert_eq!(
        goescape_types::sizes::Sizes::AMD64.sizeof(&store, x),
        Some(24)
    );
}

#[test]
fn predeclared_entities_are_found_from_the_store_alone() {
    use goescape_types::predeclared::*;
    let b = Builder::new();
    let store = b.store();
    for kind in BasicKind::ALL {
        assert_eq!(basic_type(&store, kind), b.universe.basic(kind), "{kind:?}");
    }
    assert_eq!(invalid_type(&store), b.universe.basic(BasicKind::Invalid));
    let scope = store.scope(b.universe.scope);
    assert!(std::ptr::eq(
        universe_scope(&store).expect("universe"),
        scope
    ));
    assert_eq!(universe_type(&store, "any"), Some(b.universe.any));
    assert_eq!(
        universe_empty_interface(&store),
        Some(b.universe.empty_interface)
    );
    assert!(universe_comparable_interface(&store).is_some());
    assert!(
        unsafe_lookup(&store, "Pointer").is_some() && universe_lookup(&store, "Pointer").is_none()
    );
}
