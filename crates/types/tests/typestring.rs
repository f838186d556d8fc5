//! Type and object strings, compared with what go/types prints for the same declarations
//! (testdata/gotypes.expected).

mod common;

use common::{expected, fixture};
use goescape_types::object::{VarInfo, VarKind};
use goescape_types::predeclared::{universe_lookup, unsafe_lookup};
use goescape_types::typestring::{object_string, qualify_by_path, relative_to, type_string};
use goescape_types::under::underlying;
use goescape_types::{BasicKind, ObjKind};

#[test]
fn type_strings_match_go_types() {
    let f = fixture::build();
    let store = f.b.store();
    let rel = relative_to(&store, f.p);
    let path = qualify_by_path(&store);
    let mut failures = Vec::new();
    for line in expected("type") {
        let ty = match line[0] {
            "untyped.int" => f.b.basic(BasicKind::UntypedInt),
            "untyped.nil" => f.b.basic(BasicKind::UntypedNil),
            "invalid" => f.b.basic(BasicKind::Invalid),
            name => f.ty(name),
        };
        let got = type_string(&store, ty, &*rel);
        if got != line[1] {
            failures.push(format!("{}: got {got:?}, want {:?}", line[0], line[1]));
        }
        if !line[2].is_empty() {
            let got = type_string(&store, ty, &*path);
            if got != line[2] {
                failures.push(format!(
                    "{} (by path): got {got:?}, want {:?}",
                    line[0], line[2]
                ));
            }
        }
    }
    for line in expected("under") {
        let ty = underlying(&store, f.ty(line[0]));
        for (qualifier, want) in [(&rel, line[1]), (&path, line[2])] {
            let got = type_string(&store, ty, &**qualifier);
            if got != want {
                failures.push(format!(
                    "underlying of {}: got {got:?}, want {want:?}",
                    line[0]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn object_strings_match_go_types() {
    let mut f = fixture::build();
    let label = f.b.object("L", None, ObjKind::Label { used: false });
    let int = f.b.int();
    let info = VarInfo {
        kind: VarKind::Var,
        embedded: false,
        used: false,
        origin: None,
    };
    let local = f.b.object("x", Some(int), ObjKind::Var(info));
    let store = f.b.store();
    let rel = relative_to(&store, f.p);
    let path = qualify_by_path(&store);
    let mut failures = Vec::new();
    for line in expected("object") {
        let obj = match line[0] {
            "label" => label,
            "local" => local,
            name if name.starts_with("universe.") => {
                universe_lookup(&store, &name["universe.".len()..]).expect("predeclared")
            }
            name if name.starts_with("unsafe.") => {
                unsafe_lookup(&store, &name["unsafe.".len()..]).expect("unsafe")
            }
            name => f.obj(name),
        };
        let got = object_string(&store, obj, &*rel);
        if got != line[1] {
            failures.push(format!("{}: got {got:?}, want {:?}", line[0], line[1]));
        }
        if !line[2].is_empty() {
            let got = object_string(&store, obj, &*path);
            if got != line[2] {
                failures.push(format!(
                    "{} (by path): got {got:?}, want {:?}",
                    line[0], line[2]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
