//! `File::expr_string` writes expressions as go/types' `ExprString` does. The expected
//! strings were printed by `types.ExprString` (Go 1.26) for the same declarations.

use goescape_syntax::ast::{Decl, Spec};
use goescape_syntax::parse_file;

const SOURCE: &str = r#"package p

var _ = a.b[c:d:e](f, g...)
var _ = []int{1, 2}
var _ = map[string]chan<- *T{}
var _ = func(a, b int, c ...string) (x int, err error) { return }
var _ = func() int { return 1 }
var _ = struct{ a int "tag"; B }{}
var _ = interface{ M(int) bool; fmt.Stringer; ~int | string }(nil)
var _ = x.(T)
var _ = -x + *p - <-ch
var _ = G[int, string]{}
var _ = [...]int{}
var _ = (<-chan int)(nil)
var _ = `raw
string`
var _ = f(a)(b)[1:]
var _ = func(int, string) {}
"#;

const EXPECTED: [&str; 15] = [
    "a.b[c:d:e](f, g...)",
    "[]int{…}",
    "map[string]chan<- *T{}",
    "(func(a, b int, c ...string) (x int, err error) literal)",
    "(func() int literal)",
    "struct{a int; B}{}",
    "interface{M(int) bool; fmt.Stringer; ~int | string}(nil)",
    "x.(T)",
    "-x + *p - <-ch",
    "G[int, string]{}",
    "[...]int{}",
    "(<-chan int)(nil)",
    "`raw\nstring`",
    "f(a)(b)[1:]",
    "(func(int, string) literal)",
];

#[test]
fn expressions_print_as_go_types_prints_them() {
    let parsed = parse_file("p.go", SOURCE.as_bytes().to_vec());
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let file = &parsed.file;
    let printed: Vec<String> = file
        .decls
        .iter()
        .flat_map(|decl| match decl {
            Decl::Gen(gen, _) => gen.specs.iter().collect::<Vec<_>>(),
            _ => Vec::new(),
        })
        .flat_map(|spec| match spec {
            Spec::Value(value) => value.values.iter().map(|&x| file.expr_string(x)).collect(),
            _ => Vec::new(),
        })
        .collect();
    assert_eq!(printed, EXPECTED);
}
