//! Field and method lookup, method sets and missing methods, compared with go/types
//! (testdata/gotypes.expected).

mod common;

use common::{expected, fixture};
use goescape_types::lookup::{
    lookup_field_or_method, lookup_selection, missing_method, Lookup, MissingCause,
};
use goescape_types::methodset::method_set;
use goescape_types::selection::SelectionKind;
use goescape_types::ty::Signature;
use goescape_types::typestring::{func_string, relative_to, selection_string};
use goescape_types::unique_name::object_unique_name;
use goescape_types::TypeId;

/// Go's formatting of an index path: `[0 1]`.
fn go_index(index: &[u32]) -> String {
    let parts: Vec<String> = index.iter().map(u32::to_string).collect();
    format!("[{}]", parts.join(" "))
}

/// The type named `label` in package p, or a pointer to it for `*Name`.
fn operand(f: &mut fixture::Fixture, label: &str) -> TypeId {
    match label.strip_prefix('*') {
        Some(name) => {
            let base = operand(f, name);
            f.b.ptr(base)
        }
        None if label == "G[int, string]" => f.ty("Inst"),
        None => f.ty(label),
    }
}

#[test]
fn method_sets_match_go_types() {
    let mut f = fixture::build();
    let lines = expected("methodset");
    let types: Vec<TypeId> = lines.iter().map(|line| operand(&mut f, line[0])).collect();
    let store = f.b.store();
    let mut failures = Vec::new();
    for (line, &ty) in lines.iter().zip(&types) {
        let entries: Vec<String> = method_set(&store, ty)
            .iter()
            .map(|s| {
                assert_eq!((s.kind, s.recv), (SelectionKind::MethodVal, ty));
                format!(
                    "{}{}{}",
                    object_unique_name(&store, s.obj),
                    go_index(&s.index),
                    s.indirect
                )
            })
            .collect();
        let want = line.get(1).copied().unwrap_or("");
        if entries.join(" ") != want {
            failures.push(format!(
                "{}: got {:?}, want {want:?}",
                line[0],
                entries.join(" ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn lookups_match_go_types() {
    let mut f = fixture::build();
    let lines = expected("lookup");
    let types: Vec<TypeId> = lines.iter().map(|line| operand(&mut f, line[0])).collect();
    let store = f.b.store();
    let mut failures = Vec::new();
    for (line, &ty) in lines.iter().zip(&types) {
        let pkg = if line[2] == "p" { f.p } else { f.q };
        let addressable = line[3] == "true";
        let got = match lookup_field_or_method(&store, ty, addressable, Some(pkg), line[1]) {
            Lookup::Found {
                obj,
                index,
                indirect,
            } => {
                format!(
                    "found {} {} {indirect}",
                    store.obj(obj).name,
                    go_index(&index)
                )
            }
            Lookup::Ambiguous { index } => format!("ambiguous {}", go_index(&index)),
            Lookup::NeedsPointerReceiver => "pointer".to_owned(),
            Lookup::NotFound => "notfound".to_owned(),
        };
        if got != line[4] {
            failures.push(format!(
                "{} {} from {}: got {got:?}, want {:?}",
                line[0], line[1], line[2], line[4]
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The interface types of the missing-method cases, with methods of package r.
fn interface(f: &mut fixture::Fixture, spec: &str) -> TypeId {
    let (int, string) = (f.b.int(), f.b.string());
    let b = &mut f.b;
    let none = Signature::default;
    let methods: Vec<(&str, Signature)> = match spec {
        "interface{ M(); P() }" => vec![("M", none()), ("P", none())],
        "interface{ M(int) }" => vec![("M", b.signature(&[("", int)], &[], false))],
        "interface{ m() }" => vec![("m", none())],
        "interface{ X() }" => vec![("X", none())],
        "interface{ A() }" => vec![("A", none())],
        "interface{ n() }" => vec![("n", none())],
        "interface{ Get(int) string }" => {
            vec![("Get", b.signature(&[("", int)], &[("", string)], false))]
        }
        "interface{ Get(string) string }" => {
            vec![("Get", b.signature(&[("", string)], &[("", string)], false))]
        }
        "interface{ a(); Z() }" => vec![("a", none()), ("Z", none())],
        "interface{ Y() }" => vec![("Y", none())],
        "interface{ M(); Q() }" => vec![("M", none()), ("Q", none())],
        other => panic!("no interface {other}"),
    };
    b.interface_literal(methods, vec![])
}

/// The cause go/types' checker words for each kind of missing method.
fn cause_matches(cause: MissingCause, message: &str) -> bool {
    match cause {
        MissingCause::PointerReceiver => message.contains("has pointer receiver)"),
        MissingCause::WrongSignature { .. } => message.contains("(wrong type for method"),
        MissingCause::WrongName { .. } => {
            message.contains("(missing method") && message.contains("have ")
        }
        MissingCause::NotFound => message.contains("(missing method") && !message.contains("have "),
        MissingCause::Field => message.contains("is a field, not a method)"),
        MissingCause::Ambiguous => message.contains("(ambiguous selector"),
        MissingCause::Unexported { .. } => message.contains("(unexported method"),
    }
}

#[test]
fn missing_methods_match_go_types() {
    let mut f = fixture::build();
    let lines = expected("missing");
    let cases: Vec<(TypeId, TypeId)> = lines
        .iter()
        .map(|line| (operand(&mut f, line[0]), interface(&mut f, line[1])))
        .collect();
    let store = f.b.store();
    let mut failures = Vec::new();
    for (line, &(v, t)) in lines.iter().zip(&cases) {
        let name = |m: Option<goescape_types::lookup::MissingMethod>| {
            m.map_or("-".to_owned(), |m| store.obj(m.method).name.to_string())
        };
        let found = missing_method(&store, v, t, true);
        let got = (
            name(found),
            found.is_some_and(|m| m.wrong_type()),
            name(missing_method(&store, v, t, false)),
        );
        let want = (line[2].to_owned(), line[3] == "true", line[4].to_owned());
        if got != want {
            failures.push(format!(
                "{} vs {}: got {got:?}, want {want:?}",
                line[0], line[1]
            ));
        }
        let cause_ok = match found {
            None => line[5] == "ok" || line[5].contains("cannot indirect"),
            Some(m) => cause_matches(m.cause, line[5]),
        };
        if !cause_ok {
            failures.push(format!(
                "{} vs {}: cause {:?}, go says {:?}",
                line[0], line[1], found, line[5]
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn selections_print_like_go_types() {
    let mut f = fixture::build();
    let outer_ptr = operand(&mut f, "*Outer");
    let t = f.ty("T");
    let store = f.b.store();
    let rel = relative_to(&store, f.p);
    let select =
        |ty, name| lookup_selection(&store, ty, false, Some(f.p), name).expect("selectable");
    assert_eq!(
        selection_string(&store, &select(outer_ptr, "P"), &*rel),
        "method (*Outer) P()"
    );
    assert_eq!(
        selection_string(&store, &select(outer_ptr, "y"), &*rel),
        "field (*Outer) y int"
    );
    let mut value = select(t, "Value");
    assert_eq!(
        selection_string(&store, &value, &*rel),
        "method (T) Value(x int, rest ...string) (n int, err error)"
    );
    value.kind = SelectionKind::MethodExpr;
    assert_eq!(
        selection_string(&store, &value, &*rel),
        "method expr (T) Value(t T, x int, rest ...string) (n int, err error)"
    );
    // As "wrong type for method" messages quote methods: no parameter names.
    let func = func_string(&store, value.obj, Some(&*rel), false);
    assert_eq!(func, "Value(int, ...string) (int, error)");
}
