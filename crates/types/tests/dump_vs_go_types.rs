//! Small packages whose whole canonical dump (docs/types-dump.md) must be go/types'.
//!
//! Each `testdata/dump/NAME.go.txt` is checked alone as package `example.com/p` (file
//! `p.go`, Go 1.26); `NAME.expected` is what `tools/gotypes` prints for it, written by
//! `testdata/dump/regen.sh`. The lines are compared as multisets, so a failure lists just
//! the lines one side lacks, and the `INIT` lines in order too. Each case pins down one behaviour of go/types that the
//! conformance test on the standard library once found us missing.

use std::collections::HashMap;
use std::sync::Arc;

use goescape_syntax::parse_file;
use goescape_types::check::{check_package, PackageInput};
use goescape_types::dump::{dump_package, FileTable, PackageDump};
use goescape_types::sizes::Sizes;
use goescape_types::typestring::relative_to;
use goescape_types::universe::{FIRST_PACKAGE, UNSAFE};
use goescape_types::{new_program, TypeStore};

fn ours(source: &str) -> String {
    let (mut program, universe) = new_program();
    let parsed = parse_file("p.go", source.as_bytes().to_vec());
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let files = vec![Arc::new(parsed.file)];
    let input = PackageInput {
        idx: FIRST_PACKAGE,
        path: "example.com/p".to_owned(),
        files: files.clone(),
        imports: HashMap::from([("unsafe".to_owned(), UNSAFE)]),
        go_version: "go1.26".to_owned(),
    };
    let checked = check_package(&program, &universe, &input);
    program.insert(checked.arena);
    let mut file_table = FileTable::new();
    file_table.add_package(FIRST_PACKAGE, &files);
    let dump = PackageDump {
        program: &program,
        pkg: FIRST_PACKAGE,
        info: &checked.info,
        errors: &checked.errors,
        files: &files,
        file_table: &file_table,
        sizes: Sizes::gc("amd64").expect("amd64 sizes"),
    };
    let store = TypeStore::new(&program, None);
    let qualifier = relative_to(&store, FIRST_PACKAGE);
    dump_package(&dump, &*qualifier)
}

/// Asserts that our dump of `source` has exactly the lines of `expected`.
fn compare(source: &str, expected: &str) {
    let ours = ours(source);
    let mut count: HashMap<&str, i64> = HashMap::new();
    for line in expected.lines() {
        *count.entry(line).or_default() += 1;
    }
    for line in ours.lines() {
        *count.entry(line).or_default() -= 1;
    }
    let mut missing: Vec<&str> = count
        .iter()
        .filter(|&(_, &n)| n > 0)
        .map(|(l, _)| *l)
        .collect();
    let mut extra: Vec<&str> = count
        .iter()
        .filter(|&(_, &n)| n < 0)
        .map(|(l, _)| *l)
        .collect();
    missing.sort_unstable();
    extra.sort_unstable();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "only go/types:\n{}\nonly ours:\n{}",
        missing.join("\n"),
        extra.join("\n")
    );
    // The initialization order is an order.
    let inits = |dump: &'_ str| -> Vec<String> {
        dump.lines()
            .filter(|l| l.starts_with("INIT "))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(inits(&ours), inits(expected), "INIT order");
}

macro_rules! case {
    ($name:ident) => {
        #[test]
        fn $name() {
            compare(
                include_str!(concat!("../testdata/dump/", stringify!($name), ".go.txt")),
                include_str!(concat!("../testdata/dump/", stringify!($name), ".expected")),
            );
        }
    };
}

// Interface methods' signatures have scopes of their own, holding their parameters.
case!(interface_method_scopes);
// An anonymous variadic parameter `...T` is an implicit object at `T`.
case!(variadic_anonymous_params);
// `[A, B C]` shares one constraint between A and B (type strings group them); constraints
// written as `~T` or `A | B` are recorded as go/types' made-up implicit interfaces.
case!(shared_constraints);
// `[...]T{k: v}` with constant keys: the length is one past the largest key.
case!(open_array_keys);
// Generic functions: arguments of type-parameter types unify through their core types,
// partial type arguments are completed from constraints, `f[T]` without a call.
case!(generic_function_instances);
// unsafe.Sizeof/Alignof/Offsetof of variable size record their signatures;
// `append(bytes, str...)`; indexing and slicing type parameters without a core type.
case!(builtins_on_type_params);
// Methods of instances are the generic methods instantiated for them (also when promoted
// through embedded instances); receivers' type parameters are uses too, and the
// receiver's base type an instance.
case!(instance_methods);
// Method values of constants of defined types.
case!(constant_method_values);
// Methods of instances of generic interfaces (and of interface literals substituted in
// generic code) are copies whose receiver is the instance; a method calling itself on
// its own receiver selects itself.
case!(interface_instance_methods);
// Inference through multi-valued calls and generic functions passed as arguments;
// unsafe.String/Slice/StringData/SliceData record go/types' signatures.
case!(inference_from_arguments);
// `var a, b = f()` at package level: one initializer for all (types, dependencies).
case!(package_var_tuples);
// Untyped strings ranged over stay untyped; untyped integers take their default type.
case!(range_untyped);
// Initialization order takes constants first, then the fewest dependencies left.
case!(init_order_constants);
// Typed values that cannot be assigned: go/types' "cannot use" errors and their causes.
case!(assignability_errors);
// A generic function calling itself with arguments of its own type parameters' types:
// the type parameters to infer are told apart from the arguments'.
case!(recursive_generic_calls);
// Imports no identifier refers to (dot-imports count the names they bring in).
case!(unused_imports);
// Local variables never used (assigning to one is no use); a type switch's variable
// must be used in one of its clauses.
case!(unused_vars);
// Assignability with type parameters (through their specific types); operands of type
// parameter types are described with their constraints.
case!(type_param_assignability);
// Positional struct literals with too few or too many values; duplicate constant keys in
// map literals (by value, and by type too for interface keys).
case!(literal_errors);
// Labels: break and continue targets, gotos into blocks and over declarations, labels
// not declared, declared twice or never used.
case!(labels);
