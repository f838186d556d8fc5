//! Hostile input through the type checker: it must return, quickly, on every file the parser
//! gives it a tree for, without panicking or overflowing the stack, and say what go/types
//! says where this test can know it.
//!
//! What go/types says comes from `testdata/bad_input/`: `expected.txt` holds its errors for
//! each hostile source there (recursive and mutually recursive types, cycles, huge constants,
//! shifts and arrays, inference loops) and for `deep/`, the deep-nesting shapes below at
//! depth 1 000; `prefixes.txt` lists the prefixes of `realistic.go.txt` it accepts. All are
//! written by `testdata/bad_input/regen.sh` with `tools/goerrors`.
//!
//! Every check runs on a thread of its own with a 2 MiB stack (what a test or rayon thread
//! has) and a time limit, so that a hang fails the test instead of stalling it. The deep
//! checks print their timings (`--nocapture` shows them).

#![allow(clippy::print_stderr)]

use std::collections::HashMap;
use std::ops::RangeInclusive;
use std::sync::Arc;
use std::time::{Duration, Instant};

use goescape_syntax::parse_file;
use goescape_types::check::{check_package, PackageInput};
use goescape_types::new_program;
use goescape_types::universe::{FIRST_PACKAGE, UNSAFE};

const EXPECTED: &str = include_str!("../testdata/bad_input/expected.txt");
const PREFIXES: &str = include_str!("../testdata/bad_input/prefixes.txt");
const REALISTIC: &str = include_str!("../testdata/bad_input/realistic.go.txt");

/// How long one check may take (debug builds are slow; a hang is what this catches).
const TIME_LIMIT: Duration = Duration::from_secs(60);

/// go/parser's nesting limit, which our parser shares: deep shapes go just below it.
const MAX_NESTING: usize = 100_000;

/// A type error as `line:col message`, the form the comparisons use.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Error {
    line: u32,
    col: u32,
    msg: String,
}

/// The outcome of checking one source.
struct Checked {
    syntax_errors: usize,
    errors: Vec<Error>,
    elapsed: Duration,
}

/// Parses and checks `src` as package files of their own (`unsafe` importable), on a
/// thread with a 2 MiB stack, failing the test on a panic or after [`TIME_LIMIT`].
fn check(name: &str, src: Vec<u8>) -> Checked {
    let name = name.to_owned();
    let (tx, rx) = std::sync::mpsc::channel();
    let thread_name = name.clone();
    std::thread::Builder::new()
        .name(thread_name)
        .stack_size(2 << 20)
        .spawn(move || {
            let parsed = parse_file(&name, src);
            let file = Arc::new(parsed.file);
            let input = PackageInput {
                idx: FIRST_PACKAGE,
                path: "p".to_owned(),
                files: vec![file.clone()],
                imports: HashMap::from([("unsafe".to_owned(), UNSAFE)]),
                go_version: "go1.26".to_owned(),
            };
            let (program, universe) = new_program();
            let start = Instant::now();
            let checked = check_package(&program, &universe, &input);
            let elapsed = start.elapsed();
            let errors = checked
                .errors
                .iter()
                .map(|e| {
                    assert_eq!(e.file, 0);
                    assert!(
                        !e.pos.is_valid() || e.pos.offset() <= file.src.len(),
                        "error outside the file: {e:?}"
                    );
                    let at = file.line_table.position(e.pos);
                    Error {
                        line: at.line,
                        col: at.col,
                        msg: e.msg.clone(),
                    }
                })
                .collect();
            let _ = tx.send(Checked {
                syntax_errors: parsed.errors.len(),
                errors,
                elapsed,
            });
        })
        .expect("spawning the checking thread");
    match rx.recv_timeout(TIME_LIMIT) {
        Ok(checked) => checked,
        // A panic drops the sender: the thread's message is on stderr.
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => panic!("the checker panicked"),
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            panic!("the checker took more than {TIME_LIMIT:?}")
        }
    }
}

/// go/types' errors per file of `expected.txt`, in report order.
fn go_types_errors() -> HashMap<String, Vec<Error>> {
    let mut sections: HashMap<String, Vec<Error>> = HashMap::new();
    let mut current = None;
    for line in EXPECTED.lines() {
        if let Some(name) = line.strip_prefix("=== ") {
            current = Some(name.to_owned());
            sections.entry(name.to_owned()).or_default();
        } else if let Some(rest) = line.strip_prefix("ERROR ") {
            let name = current.clone().expect("ERROR before a section");
            let (at, rest) = rest.split_once(' ').expect("ERROR position");
            let (_soft_or_hard, msg) = rest.split_once(' ').expect("ERROR message");
            let mut parts = at.rsplitn(3, ':');
            let col = parts.next().and_then(|c| c.parse().ok()).expect("column");
            let line = parts.next().and_then(|l| l.parse().ok()).expect("line");
            sections.entry(name).or_default().push(Error {
                line,
                col,
                msg: msg.replace("\\n", "\n").replace("\\\\", "\\"),
            });
        } else {
            assert!(
                !line.starts_with("SYNTAX") && !line.starts_with("PANIC"),
                "expected.txt: {line}"
            );
        }
    }
    sections
}

/// How far our checker agrees with go/types on a hostile file (beyond not panicking).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Agrees {
    /// Known gap: go/types rejects the file for what the checker does not check yet
    /// (assignability, failed inference); it only has to return.
    Nothing,
    /// Both reject the file, or both accept it.
    Verdict,
    /// Also: the first error is at the same line and column.
    FirstPosition,
    /// Also: the first error has the same message.
    FirstError,
}

/// Checks the file `name` of `testdata/bad_input/` and asserts agreement up to `level`.
fn check_hostile_file(name: &str, level: Agrees) {
    let path = format!("{}/testdata/bad_input/{name}", env!("CARGO_MANIFEST_DIR"));
    let src = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let expected = go_types_errors();
    let go = expected
        .get(name)
        .unwrap_or_else(|| panic!("{name} is not in expected.txt: run regen.sh"));
    let ours = check(name, src);
    assert_eq!(ours.syntax_errors, 0, "{name} does not parse");
    if level == Agrees::Nothing {
        assert!(
            !go.is_empty(),
            "{name}: go/types accepts it now, we report {:?}",
            ours.errors
        );
        return;
    }
    assert_eq!(
        go.is_empty(),
        ours.errors.is_empty(),
        "{name}: go/types reports {go:?}, we report {:?}",
        ours.errors
    );
    if let (Some(g), Some(o)) = (go.first(), ours.errors.first()) {
        if level >= Agrees::FirstPosition {
            assert_eq!(
                (g.line, g.col),
                (o.line, o.col),
                "{name}: first errors {g:?} and {o:?}"
            );
        }
        if level >= Agrees::FirstError {
            assert_eq!(g.msg, o.msg, "{name}: first errors {g:?} and {o:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Recursive types, cycles, huge values.

#[test]
fn type_containing_its_own_size() {
    check_hostile_file("sizeof_self.go", Agrees::FirstError);
}

#[test]
fn struct_embedding_itself() {
    check_hostile_file("struct_self.go", Agrees::FirstError);
}

#[test]
fn array_of_itself() {
    check_hostile_file("array_self.go", Agrees::FirstError);
}

#[test]
fn mutually_recursive_structs() {
    check_hostile_file("mutual_structs.go", Agrees::FirstError);
}

#[test]
fn mutually_embedding_interfaces() {
    check_hostile_file("mutual_interfaces.go", Agrees::FirstError);
}

#[test]
fn generic_types_instantiated_with_growing_arguments() {
    check_hostile_file("generic_self.go", Agrees::FirstError);
}

#[test]
fn constraints_referring_to_themselves() {
    check_hostile_file("generic_constraint_self.go", Agrees::FirstError);
}

#[test]
fn cyclic_constant_initialisation() {
    check_hostile_file("const_cycle.go", Agrees::FirstPosition);
}

#[test]
fn cyclic_variable_initialisation() {
    check_hostile_file("var_cycle.go", Agrees::Verdict);
}

#[test]
fn huge_shift_counts() {
    check_hostile_file("huge_shifts.go", Agrees::FirstError);
}

#[test]
fn huge_constants() {
    check_hostile_file("huge_constants.go", Agrees::FirstError);
}

#[test]
fn huge_and_overflowing_arrays() {
    check_hostile_file("huge_arrays.go", Agrees::FirstPosition);
}

#[test]
fn inference_that_could_loop() {
    check_hostile_file("inference_loops.go", Agrees::Nothing);
}

#[test]
fn methods_returning_their_receiver_type() {
    check_hostile_file("method_cycles.go", Agrees::Nothing);
}

#[test]
fn cyclic_embedding_through_pointers() {
    check_hostile_file("bad_embedding.go", Agrees::FirstError);
}

#[test]
fn cyclic_aliases() {
    check_hostile_file("cyclic_alias.go", Agrees::FirstError);
}

#[test]
fn recursive_local_types() {
    check_hostile_file("local_cycles.go", Agrees::FirstError);
}

// ---------------------------------------------------------------------------------------------
// Deep nesting: each shape is checked just below the parser's nesting limit (the deepest
// tree it builds) and compared with go/types' verdict on the same shape at depth 1 000.

/// A source made of `prefix`, `open` repeated, `middle`, `close` repeated, `suffix`.
struct Shape {
    name: &'static str,
    /// The deepest depth to check, when below the parser's limit: go/types takes time
    /// quadratic in the depth of some shapes (each identifier is looked up through every
    /// enclosing scope, each scope's end is found by a walk to it), and so do we.
    max_depth: usize,
    prefix: &'static str,
    open: &'static str,
    middle: &'static str,
    close: &'static str,
    suffix: &'static str,
}

/// The depth go/types' verdict is recorded at (`testdata/bad_input/deep/`).
const RECORDED_DEPTH: usize = 1_000;

impl Shape {
    fn source(&self, depth: usize) -> Vec<u8> {
        let mut src = String::new();
        src.push_str(self.prefix);
        src.push_str(&self.open.repeat(depth));
        src.push_str(self.middle);
        src.push_str(&self.close.repeat(depth));
        src.push_str(self.suffix);
        src.into_bytes()
    }

    /// The recorded shape: written with `GOESCAPE_WRITE_DEEP=1`, otherwise compared.
    fn check_recorded(&self) -> Vec<Error> {
        let file = format!("deep/{}.go", self.name);
        let path = format!("{}/testdata/bad_input/{file}", env!("CARGO_MANIFEST_DIR"));
        let src = self.source(RECORDED_DEPTH);
        if std::env::var_os("GOESCAPE_WRITE_DEEP").is_some() {
            std::fs::write(&path, &src).expect("writing the recorded shape");
        }
        let recorded = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(
            recorded == src,
            "{path} is not the shape {}: rerun with GOESCAPE_WRITE_DEEP=1, then regen.sh",
            self.name
        );
        go_types_errors()
            .remove(&file)
            .unwrap_or_else(|| panic!("{file} is not in expected.txt: run regen.sh"))
    }

    /// Checks the shape at the deepest depth the parser takes (below [`MAX_NESTING`]) and
    /// at the recorded depth, against go/types' verdict.
    fn check(&self) {
        let go = self.check_recorded();
        let shallow = check(self.name, self.source(RECORDED_DEPTH));
        assert_eq!(shallow.syntax_errors, 0, "{}: syntax errors", self.name);
        assert_eq!(
            go.is_empty(),
            shallow.errors.is_empty(),
            "{} at depth {RECORDED_DEPTH}: go/types reports {:?}, we report {:?}",
            self.name,
            go.first(),
            shallow.errors.first()
        );
        // The deepest repetition the parser accepts: a repetition may nest more than once.
        let deep = [1, 2, 3, 4]
            .into_iter()
            .map(|levels| ((MAX_NESTING - 100) / levels).min(self.max_depth))
            .map(|depth| (depth, check(self.name, self.source(depth))))
            .find(|(_, checked)| checked.syntax_errors == 0)
            .unwrap_or_else(|| panic!("{}: no depth parses", self.name));
        let (depth, checked) = deep;
        assert_eq!(
            go.is_empty(),
            checked.errors.is_empty(),
            "{} at depth {depth}: go/types reports {:?} at depth {RECORDED_DEPTH}, we report {:?}",
            self.name,
            go.first(),
            checked.errors.first()
        );
        eprintln!(
            "{}: depth {depth} checked in {:?}",
            self.name, checked.elapsed
        );
    }
}

macro_rules! deep_shapes {
    ($($test:ident $(($max:expr))?: $prefix:expr, $open:expr, $middle:expr, $close:expr, $suffix:expr;)*) => {
        $(
            #[test]
            fn $test() {
                Shape {
                    name: stringify!($test),
                    max_depth: usize::MAX $(.min($max))?,
                    prefix: $prefix,
                    open: $open,
                    middle: $middle,
                    close: $close,
                    suffix: $suffix,
                }
                .check();
            }
        )*
    };
}

deep_shapes! {
    deep_parentheses: "package p\n\nvar x = ", "(", "1", ")", "\n";
    deep_unary_minus: "package p\n\nvar x = ", "-(", "1", ")", "\n";
    deep_unary_operators: "package p\n\nvar x = ", "^", "1", "", "\n";
    deep_binary_chain: "package p\n\nvar x = 1", "+1", "", "", "\n";
    deep_string_concatenation: "package p\n\nconst s = \"go\"", "+\"go\"", "", "", "\n";
    deep_comparison_chain: "package p\n\nvar b = true", " == true", "", "", "\n";
    deep_slice_types: "package p\n\nvar x ", "[]", "int", "", "\n";
    deep_array_types: "package p\n\nimport \"unsafe\"\n\nvar x ", "[1]", "int", "", "\n\nconst s = unsafe.Sizeof(x)\n";
    deep_pointer_and_map_types: "package p\n\nvar x ", "map[*int]*", "int", "", "\n";
    deep_func_types: "package p\n\nvar f ", "func() ", "int", "", "\n";
    deep_struct_types: "package p\n\nvar s ", "struct{ f ", "int", " }", "\n";
    deep_interface_types: "package p\n\nvar i ", "interface{ ", "M()", " }", "\n";
    deep_generic_instances: "package p\n\ntype G[T any] struct{ x T }\n\nvar g ", "G[", "int", "]", "\n";
    deep_generic_calls: "package p\n\nfunc f[T any](x T) T { return x }\n\nvar x = ", "f(", "1", ")", "\n";
    deep_func_literals: "package p\n\nvar f = ", "func() { _ = ", "0", " }", "\n";
    deep_blocks: "package p\n\nfunc f() {", "{", "", "}", "}\n";
    deep_blocks_ending_in_return: "package p\n\nfunc f() int {", "{", "return 0", "}", "}\n";
    deep_for_loops_without_return: "package p\n\nfunc f() int {\n", "for {\n", "", "}\n", "}\n";
    deep_composite_literals: "package p\n\nvar x = ", "[]any{", "", "}", "\n";
    deep_elided_composite_literals: "package p\n\nvar x = [][]int{", "{", "", "}", "}\n";
    deep_if_else_chain(10_000): "package p\n\nfunc f(c bool) {\n\t", "if c {\n\t} else ", "{\n\t}", "", "\n}\n";
    deep_calls: "package p\n\nfunc f(x int) int { return x }\n\nvar x = ", "f(", "1", ")", "\n";
    deep_selectors: "package p\n\ntype S struct {\n\ts *S\n\th int\n}\n\nvar s S\n\nvar x = s", ".s", ".h", "", "\n";
    deep_method_chain: "package p\n\ntype T struct{}\n\nfunc (t T) M() T { return t }\n\nvar x = T{}", ".M()", "", "", "\n";
    deep_index_chain: "package p\n\nvar x = ", "[]any{", "1", "}[0]", "\n";
}

/// Declarations each referring to the next, `n` deep: checking the first checks all.
fn declaration_chain(n: usize, decl: impl Fn(usize) -> String) -> Vec<u8> {
    let mut src = String::from("package p\n\n");
    for i in 0..n {
        src.push_str(&decl(i));
        src.push('\n');
    }
    src.into_bytes()
}

#[test]
fn long_chains_of_declarations_referring_forward() {
    // Not nesting for the parser (each declaration is flat), but 100 000 declarations each
    // checked from the one before: the checker's own recursion.
    let n = MAX_NESTING;
    let last = n - 1;
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "types",
            declaration_chain(n, |i| {
                if i == last {
                    format!("type T{i} int")
                } else {
                    format!("type T{i} T{}", i + 1)
                }
            }),
        ),
        (
            "constants",
            declaration_chain(n, |i| {
                if i == last {
                    format!("const c{i} = 1")
                } else {
                    format!("const c{i} = c{} + 1", i + 1)
                }
            }),
        ),
        (
            "variables",
            declaration_chain(n, |i| {
                if i == last {
                    format!("var v{i} = 1")
                } else {
                    format!("var v{i} = v{} + 1", i + 1)
                }
            }),
        ),
        (
            "functions",
            declaration_chain(n, |i| {
                if i == last {
                    format!("var f{i} = func() int {{ return 1 }}")
                } else {
                    format!("var f{i} = func() int {{ return f{}() }}", i + 1)
                }
            }),
        ),
    ];
    for (what, src) in cases {
        let checked = check(what, src);
        assert_eq!(checked.syntax_errors, 0, "{what}");
        // Each chain is valid Go: every name is declared, nothing refers back.
        assert!(
            checked.errors.is_empty(),
            "{what}: {:?}",
            checked.errors.first()
        );
        eprintln!("chain of {n} {what}: checked in {:?}", checked.elapsed);
    }
}

#[test]
fn deep_types_through_inference() {
    // Inference walks a constraint's core type against the argument's type, both as deep as
    // the parser allows: it must not recurse on the thread's own stack.
    let depth = MAX_NESTING - 1_000;
    let slices = "[]".repeat(depth);
    let src = format!(
        "package p\n\nfunc f[S ~{slices}E, E any](s S) {{}}\n\nvar x {slices}int\n\n\
         var _ = func() int {{ f(x); return 0 }}\n"
    );
    let checked = check("deep_inference.go", src.into_bytes());
    assert_eq!(checked.syntax_errors, 0);
    eprintln!(
        "inference at depth {depth}: checked in {:?}",
        checked.elapsed
    );
}

// ---------------------------------------------------------------------------------------------
// Every prefix of a realistic file.

/// The prefix lengths go/parser and go/types accept, from `prefixes.txt`.
fn accepted_prefixes() -> Vec<RangeInclusive<usize>> {
    PREFIXES
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let (a, b) = l.split_once('-').expect("FIRST-LAST");
            a.parse().expect("FIRST")..=b.parse().expect("LAST")
        })
        .collect()
}

#[test]
fn every_prefix_of_a_realistic_file() {
    let accepted = accepted_prefixes();
    assert!(
        accepted.last().is_some_and(|r| *r.end() == REALISTIC.len()),
        "realistic.go.txt changed: run regen.sh"
    );
    let mut false_errors = Vec::new();
    for len in 0..=REALISTIC.len() {
        let prefix = REALISTIC.as_bytes()[..len].to_vec();
        let checked = check("realistic.go", prefix);
        if accepted.iter().any(|r| r.contains(&len)) {
            assert_eq!(checked.syntax_errors, 0, "prefix of {len} bytes");
            if let Some(e) = checked.errors.first() {
                false_errors.push(format!("prefix of {len} bytes: {e:?}"));
            }
        }
    }
    assert!(
        false_errors.is_empty(),
        "{} prefixes go/types accepts gave errors, the first: {:?}",
        false_errors.len(),
        false_errors.first()
    );
}

#[test]
fn every_suffix_after_the_package_clause() {
    let clause = REALISTIC.find("package").expect("package clause");
    for start in clause + 1..=REALISTIC.len() {
        let _ = check("suffix.go", REALISTIC.as_bytes()[start..].to_vec());
    }
}

// ---------------------------------------------------------------------------------------------
// Broken trees: what the parser makes of garbage must be checkable too.

#[test]
fn garbage_and_broken_files() {
    let sources: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"package".to_vec(),
        b"package p; func".to_vec(),
        b"package p; type T[".to_vec(),
        b"package p; var x = [...]int{1, 2, 3}[5:2:1]".to_vec(),
        b"package p; func f[T any, T any]() { var _ T = f[T, T] }".to_vec(),
        b"package p; const c = -1 << 1000 >> 1000 * 1e-1000 / 0i".to_vec(),
        b"package p; var _ = map[[]int]int{{1}: 1}".to_vec(),
        b"package p; type T interface{ T | ~T; *T }".to_vec(),
        b"package p; func (T) M() {}; type T = *T".to_vec(),
        b"package p; import . \"unsafe\"; var _ = Sizeof(Pointer(nil)) << 64".to_vec(),
        b"package p; var x, y = y, x".to_vec(),
        b"package p; func f() (int, int) { return f() + f() }".to_vec(),
        b"package p; type T struct{ a, a int }; var _ = T{a: 1, a: 2}.a".to_vec(),
        b"package p; func f() { L: goto L; for { break L } }".to_vec(),
        b"package p; var _ = 'x' + \"y\" + 1.5 + 2i + nil + true".to_vec(),
        b"package p; type I interface{ M() }; var _ = I.M(nil, nil, nil)".to_vec(),
        b"package p; func f[P ~[]Q, Q ~[]P]() { f() }".to_vec(),
        (0u8..=255).cycle().take(4096).collect(),
    ];
    for src in sources {
        let _ = check("broken.go", src);
    }
}

// ---------------------------------------------------------------------------------------------
// Reproducers of what the fuzzer found (`fuzz/fuzz_targets/check.rs`, docs/fuzzing.md).

#[test]
fn fuzz_regressions() {
    let dir = format!("{}/tests/fuzz_regressions", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|entry| entry.expect("directory entry").path())
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no reproducers in {dir}");
    for path in paths {
        let src = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let _ = check(&path.display().to_string(), src);
    }
}
