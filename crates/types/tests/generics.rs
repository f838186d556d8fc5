//! Generic types and functions: type parameter lists, instantiation, methods of generic
//! types, and inference of type arguments at calls, compared with go/types.
//! `testdata/generics/expected.txt` is what go/types (Go 1.26) reports for
//! `testdata/generics/input.go.txt`, printed by `testdata/decls/gen.go.txt`.

mod support;

#[test]
fn generics_match_go_types() {
    let input = include_str!("../testdata/generics/input.go.txt");
    let expected = include_str!("../testdata/generics/expected.txt");
    support::compare_with_go_types(input, expected);
}
