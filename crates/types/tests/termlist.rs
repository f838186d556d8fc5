//! The term algebra of type sets (go/types' termlist_test.go rules, on real types).

mod common;

use common::Builder;
use goescape_types::termlist::{term_intersect, term_subset_of, term_union, TermList, TypeTerm};
use goescape_types::unique_name::{compare_objects, same_name, unique_name};
use goescape_types::ObjKind;

#[test]
fn terms_union_intersect_and_include_by_underlying_type() {
    let mut b = Builder::new();
    let (int, string) = (b.int(), b.string());
    let my_int = b.named("MyInt", Some(int));
    let store = b.store();
    let t = |ty| TypeTerm::new(false, ty);
    let tilde = |ty| TypeTerm::new(true, ty);
    let (all, empty) = (TypeTerm::All, TypeTerm::Empty);

    assert_eq!(
        term_union(&store, tilde(int), t(my_int)),
        (tilde(int), None)
    );
    assert_eq!(term_union(&store, t(int), tilde(int)), (tilde(int), None));
    assert_eq!(
        term_union(&store, t(int), t(my_int)),
        (t(int), Some(t(my_int)))
    );
    assert_eq!(term_union(&store, empty, t(int)), (t(int), None));
    assert_eq!(term_union(&store, t(int), all), (all, None));

    assert_eq!(term_intersect(&store, tilde(int), t(my_int)), t(my_int));
    assert_eq!(term_intersect(&store, t(int), t(string)), empty);
    assert_eq!(term_intersect(&store, all, tilde(string)), tilde(string));

    assert!(term_subset_of(&store, t(my_int), tilde(int)));
    assert!(!term_subset_of(&store, tilde(int), t(int)));
    assert!(term_subset_of(&store, empty, t(int)) && !term_subset_of(&store, all, t(int)));

    let list = |terms: Vec<TypeTerm>| TermList(terms);
    assert_eq!(
        list(vec![t(int), tilde(int), t(my_int)]).normalize(&store),
        list(vec![tilde(int)])
    );
    assert_eq!(
        list(vec![t(string), all, t(int)]).normalize(&store),
        TermList::all()
    );
    assert_eq!(list(vec![empty]).normalize(&store), TermList::empty());
    let ints = list(vec![t(int), t(my_int)]);
    let strings = list(vec![tilde(string)]);
    let both = ints.union(&store, &strings);
    assert_eq!(both.0.len(), 3);
    assert!(both.intersect(&store, &strings).equal(&store, &strings));
    assert!(ints.intersect(&store, &strings).is_empty());
    assert!(both.includes(&store, my_int) && !strings.includes(&store, int));
    assert!(ints.subset_of(&store, &list(vec![tilde(int)])) && !both.subset_of(&store, &ints));
    assert_eq!(both.specific_terms().map(|terms| terms.len()), Some(3));
    assert_eq!(TermList::all().specific_terms(), None);
}

#[test]
fn unexported_names_are_distinct_per_package_and_sort_after_exported_ones() {
    let mut b = Builder::new();
    let a_p = b.object("a", None, ObjKind::TypeName);
    let z_p = b.object("Z", None, ObjKind::TypeName);
    let p = b.pkg();
    b.finish_package("example.com/o", "o");
    let a_o = b.object("a", None, ObjKind::TypeName);
    let o = b.pkg();
    let store = b.store();
    assert_eq!(unique_name(&store, Some(p), "a"), "example.com/p.a");
    assert_eq!(unique_name(&store, Some(p), "Z"), "Z");
    assert_eq!(unique_name(&store, None, "b"), "_.b");
    assert!(same_name(&store, store.obj(a_p), Some(p), "a", false));
    assert!(!same_name(&store, store.obj(a_p), Some(o), "a", false));
    assert!(same_name(&store, store.obj(z_p), Some(o), "Z", false));
    assert!(
        same_name(&store, store.obj(z_p), Some(o), "z", true),
        "case folding"
    );
    let mut objs = vec![a_p, a_o, z_p];
    objs.sort_by(|&x, &y| compare_objects(&store, x, y));
    assert_eq!(
        objs,
        [z_p, a_o, a_p],
        "exported first, then by name, then by package path"
    );
}
