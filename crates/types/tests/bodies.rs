//! Function bodies: the type and value recorded for every expression of statements,
//! compared with go/types. `testdata/bodies/expected.txt` is what go/types (Go 1.26)
//! reports for `testdata/bodies/input.go.txt`, printed by `testdata/decls/gen.go.txt`.

mod support;

#[test]
fn function_bodies_match_go_types() {
    let input = include_str!("../testdata/bodies/input.go.txt");
    let expected = include_str!("../testdata/bodies/expected.txt");
    support::compare_with_go_types(input, expected);
}
