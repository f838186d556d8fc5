//! The first phase of checking: package-level objects are collected into the package and
//! file scopes, with go/types' errors for what cannot be declared. The expected messages
//! and positions are those go/types (Go 1.26) reports for the same sources, in its order;
//! the unused-import errors go/types reports last belong to a phase not written yet.

use std::collections::HashMap;
use std::sync::Arc;

use goescape_syntax::parse_file;
use goescape_types::check::{check_package, PackageInput};
use goescape_types::universe::FIRST_PACKAGE;
use goescape_types::{new_program, ObjKind, PkgIdx, TypeStore};

const PACKAGE_A: &str = "package a

const K = 1
type T struct{}
func (t *T) M() {}
func (T) N() {}
func F() {}
var v int
";

const PACKAGE_B: &str = "package b

import \"example.com/a\"
import . \"example.com/a\"

const x, y = 1
var x int
func init()
var init = 3
type a int
func (p *a) M() {}
func (q a) N() {}
";

fn input(idx: PkgIdx, path: &str, source: &str, imports: &[(&str, PkgIdx)]) -> PackageInput {
    let parsed = parse_file(&format!("{path}.go"), source.as_bytes().to_vec());
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    PackageInput {
        idx,
        path: path.to_owned(),
        files: vec![Arc::new(parsed.file)],
        imports: imports
            .iter()
            .map(|&(path, idx)| (path.to_owned(), idx))
            .collect::<HashMap<_, _>>(),
        go_version: "go1.26".to_owned(),
    }
}

#[test]
fn collects_objects_and_reports_what_cannot_be_declared() {
    let (mut program, universe) = new_program();
    let a_idx = FIRST_PACKAGE;
    let b_idx = PkgIdx(FIRST_PACKAGE.0 + 1);

    let a_input = input(a_idx, "example.com/a", PACKAGE_A, &[]);
    let a = check_package(&program, &universe, &a_input);
    assert!(a.errors.is_empty(), "{:?}", a.errors);
    {
        let store = TypeStore::new(&program, Some(&a.arena));
        let scope = store.scope(a.arena.info.scope.expect("package scope"));
        assert_eq!(scope.sorted_names(), ["F", "K", "T", "v"]);
        // Methods are not in the package scope, but know their receiver kind.
        let method = |name: &str| {
            a.arena
                .objects
                .iter()
                .find(|obj| &*obj.name == name)
                .map(|obj| match obj.kind {
                    ObjKind::Func(info) => info.has_ptr_recv,
                    _ => panic!("{name} is not a function"),
                })
        };
        assert_eq!(method("M"), Some(true));
        assert_eq!(method("N"), Some(false));
    }
    program.insert(a.arena);

    let b_input = input(
        b_idx,
        "example.com/b",
        PACKAGE_B,
        &[("example.com/a", a_idx)],
    );
    let b = check_package(&program, &universe, &b_input);
    let file = &b_input.files[0];
    let errors: Vec<String> = b
        .errors
        .iter()
        .map(|error| {
            let at = file.line_table.position(error.pos);
            format!(
                "{}:{}: {} (soft={})",
                at.line, at.col, error.msg, error.soft
            )
        })
        .collect();
    assert_eq!(
        errors,
        [
            "6:10: missing init expr for y (soft=false)",
            "7:5: x redeclared in this block (soft=false)",
            "6:7: \tother declaration of x (soft=false)",
            "8:6: func init must have a body (soft=true)",
            "9:5: cannot declare init - must be func (soft=false)",
            "10:6: a already declared through import of package a (\"example.com/a\") (soft=false)",
            "3:8: \tother declaration of a (soft=false)",
            "11:10: a (package name) is not a type (soft=false)",
            "12:9: a (package name) is not a type (soft=false)",
            "3:8: \"example.com/a\" imported and not used (soft=true)",
            "4:8: \"example.com/a\" imported and not used (soft=true)",
        ]
    );

    let store = TypeStore::new(&program, Some(&b.arena));
    let package_scope = store.scope(b.arena.info.scope.expect("package scope"));
    assert_eq!(package_scope.sorted_names(), ["a", "x", "y"]);
    // The file scope holds the import and the dot-imported exported names.
    let file_scope = b
        .arena
        .scopes
        .iter()
        .find(|scope| scope.parent == b.arena.info.scope)
        .expect("file scope");
    assert_eq!(file_scope.sorted_names(), ["F", "K", "T", "a"]);
    assert_eq!(b.arena.info.imports, [a_idx]);
}
