//! Package-level declarations of constants, types, variables and function signatures: the
//! objects' types and the type and value recorded for every expression (constant folding,
//! conversions, calls, selectors, composite literals, builtins), compared with go/types.
//! Function bodies are the statement phase, not checked yet: the input has none.
//!
//! `testdata/decls/expected.txt` is what go/types (Go 1.26) reports for
//! `testdata/decls/input.go.txt`, printed by `testdata/decls/gen.go.txt`:
//! `go run gen.go input.go > expected.txt` after copying both without `.txt`.

use std::collections::HashMap;
use std::sync::Arc;

use goescape_syntax::parse_file;
use goescape_types::check::{check_package, PackageInput};
use goescape_types::typestring::{object_string, relative_to, type_string};
use goescape_types::universe::FIRST_PACKAGE;
use goescape_types::{new_program, TypeStore};

const INPUT: &str = include_str!("../testdata/decls/input.go.txt");
const EXPECTED: &str = include_str!("../testdata/decls/expected.txt");

#[test]
fn declarations_match_go_types() {
    let (program, universe) = new_program();
    let parsed = parse_file("c.go", INPUT.as_bytes().to_vec());
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let file = Arc::new(parsed.file);
    let input = PackageInput {
        idx: FIRST_PACKAGE,
        path: "c".to_owned(),
        files: vec![file.clone()],
        imports: HashMap::new(),
        go_version: "go1.26".to_owned(),
    };
    let checked = check_package(&program, &universe, &input);
    let store = TypeStore::new(&program, Some(&checked.arena));
    let qualifier = relative_to(&store, FIRST_PACKAGE);
    let mut lines: Vec<String> = checked
        .errors
        .iter()
        .map(|e| {
            let at = file.line_table.position(e.pos);
            format!("ERROR c.go:{}:{}: {}", at.line, at.col, e.msg)
        })
        .collect();
    let scope = store.scope(checked.arena.info.scope.expect("package scope"));
    for name in scope.sorted_names() {
        let obj = scope.lookup(name).expect("declared");
        lines.push(object_string(&store, obj, &*qualifier));
    }
    let mut exprs: Vec<String> = checked.info.files[0]
        .types
        .iter()
        .map(|(&e, tv)| {
            let at = file.line_table.position(file.expr_pos(e));
            let value = tv
                .value
                .as_ref()
                .map(|v| format!(" = {}", v.exact_string()))
                .unwrap_or_default();
            format!(
                "{}:{} {} : {}{value}",
                at.line,
                at.col,
                file.expr_string(e),
                type_string(&store, tv.ty, &*qualifier)
            )
        })
        .collect();
    exprs.sort();
    lines.extend(exprs);
    let expected: Vec<&str> = EXPECTED.lines().collect();
    let ours: Vec<&str> = lines.iter().map(String::as_str).collect();
    let missing: Vec<&&str> = expected.iter().filter(|l| !ours.contains(l)).collect();
    let extra: Vec<&&str> = ours.iter().filter(|l| !expected.contains(l)).collect();
    assert!(missing.is_empty() && extra.is_empty(), "missing (go/types has, we lack):\n{missing:#?}\nextra (we have, go/types lacks):\n{extra:#?}");
}
