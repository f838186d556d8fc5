//! Package-level declarations of constants, types, variables and function signatures: the
//! objects' types and the type and value recorded for every expression (constant folding,
//! conversions, calls, selectors, composite literals, builtins), compared with go/types.
//! Function bodies are the statement phase, not checked yet: the input has none.
//!
//! `testdata/decls/expected.txt` is what go/types (Go 1.26) reports for
//! `testdata/decls/input.go.txt`, printed by `testdata/decls/gen.go.txt`:
//! `go run gen.go input.go > expected.txt` after copying both without `.txt`.

mod support;

const INPUT: &str = include_str!("../testdata/decls/input.go.txt");
const EXPECTED: &str = include_str!("../testdata/decls/expected.txt");

#[test]
fn declarations_match_go_types() {
    support::compare_with_go_types(INPUT, EXPECTED);
}
