//! Compares what our checker records for one file with what go/types records, in the
//! text form of `testdata/decls/gen.go.txt`: errors, package-level objects, and every
//! expression's position, text, type and value.

use std::collections::HashMap;
use std::sync::Arc;

use goescape_syntax::parse_file;
use goescape_types::check::{check_package, PackageInput};
use goescape_types::typestring::{object_string, relative_to, type_string};
use goescape_types::universe::FIRST_PACKAGE;
use goescape_types::{new_program, TypeStore};

/// Checks `input` (package `c`, file `c.go`) and asserts that our lines are go/types'.
pub fn compare_with_go_types(input: &str, expected: &str) {
    let (program, universe) = new_program();
    let parsed = parse_file("c.go", input.as_bytes().to_vec());
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let file = Arc::new(parsed.file);
    let package = PackageInput {
        idx: FIRST_PACKAGE,
        path: "c".to_owned(),
        files: vec![file.clone()],
        imports: HashMap::from([("unsafe".to_owned(), goescape_types::universe::UNSAFE)]),
        go_version: "go1.26".to_owned(),
    };
    let checked = check_package(&program, &universe, &package);
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
    let info = &checked.info.files[0];
    let one = goescape_constant::Value::from_i64(1);
    let mut exprs: Vec<String> = info
        .types
        .iter()
        .map(|(e, tv)| {
            (
                file.expr_pos(e),
                file.expr_string(e),
                tv.ty,
                tv.value.as_ref(),
            )
        })
        .chain(info.func_lit_types.iter().map(|(&lit, &sig)| {
            // go/ast's FuncLit.Type node: same position, printed as the signature.
            let text = file.expr_string(lit);
            let text = text
                .trim_start_matches('(')
                .trim_end_matches(" literal)")
                .to_owned();
            (file.expr_pos(lit), text, sig, None)
        }))
        .chain(info.implicit_constraints.iter().map(|&(bound, ty)| {
            // go/types' made-up `interface{bound}` node, without a position.
            (
                goescape_syntax::Pos::NONE,
                format!("interface{{{}}}", file.expr_string(bound)),
                ty,
                None,
            )
        }))
        .chain(info.inc_dec_types.iter().map(|(&stmt, &ty)| {
            // The `1` go/types makes up for `x++`, at x's position.
            (file.stmt_pos(stmt), "1".to_owned(), ty, Some(&one))
        }))
        .map(|(pos, text, ty, value)| {
            let at = file.line_table.position(pos);
            let value = value
                .map(|v| format!(" = {}", v.exact_string()))
                .unwrap_or_default();
            format!(
                "{}:{} {text} : {}{value}",
                at.line,
                at.col,
                type_string(&store, ty, &*qualifier)
            )
        })
        .collect();
    exprs.sort();
    lines.extend(exprs);
    let expected: Vec<&str> = expected.lines().collect();
    let ours: Vec<&str> = lines.iter().map(String::as_str).collect();
    let missing: Vec<&&str> = expected.iter().filter(|l| !ours.contains(l)).collect();
    let extra: Vec<&&str> = ours.iter().filter(|l| !expected.contains(l)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing (go/types has, we lack):\n{missing:#?}\nextra (we have, go/types lacks):\n{extra:#?}"
    );
}
