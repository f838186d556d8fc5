//! Parses arbitrary bytes as a one-file package and type-checks it, then dumps what the
//! checker recorded: none of it may panic, overflow the stack or hang, and every type error
//! must lie inside the file. Imports resolve to `unsafe` and a few tiny fake packages
//! (checked once), so that selectors, methods and interfaces of other packages are reached.

#![no_main]

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use goescape_syntax::parse_file;
use goescape_types::check::{check_package, PackageInput};
use goescape_types::dump::{dump_package, FileTable, PackageDump};
use goescape_types::sizes::Sizes;
use goescape_types::typestring::relative_to;
use goescape_types::universe::{FIRST_PACKAGE, UNSAFE};
use goescape_types::{new_program, PkgIdx, Program, TypeStore, Universe};
use libfuzzer_sys::fuzz_target;

/// Importable packages besides `unsafe`: small stand-ins for std packages the seeds import.
const FAKES: &[(&str, &str)] = &[
    (
        "errors",
        "package errors\n\
         type errorString struct{ s string }\n\
         func (e *errorString) Error() string { return e.s }\n\
         func New(text string) error { return &errorString{text} }\n\
         func Is(err, target error) bool { return err == target }\n",
    ),
    (
        "io",
        "package io\n\
         import \"errors\"\n\
         var EOF = errors.New(\"EOF\")\n\
         type Reader interface{ Read(p []byte) (n int, err error) }\n\
         type Writer interface{ Write(p []byte) (n int, err error) }\n\
         type ReadWriter interface{ Reader; Writer }\n",
    ),
    (
        "fmt",
        "package fmt\n\
         import \"io\"\n\
         type Stringer interface{ String() string }\n\
         func Println(a ...any) (n int, err error) { return }\n\
         func Printf(format string, a ...any) (n int, err error) { return }\n\
         func Sprintf(format string, a ...any) string { return format }\n\
         func Fprintf(w io.Writer, format string, a ...any) (n int, err error) { return }\n\
         func Errorf(format string, a ...any) error { return nil }\n",
    ),
    (
        "sync",
        "package sync\n\
         type Mutex struct{ state int32; sema uint32 }\n\
         func (m *Mutex) Lock() {}\n\
         func (m *Mutex) Unlock() {}\n\
         type Once struct{ done uint32; m Mutex }\n\
         func (o *Once) Do(f func()) {}\n",
    ),
    (
        "strings",
        "package strings\n\
         type Builder struct{ buf []byte }\n\
         func (b *Builder) String() string { return string(b.buf) }\n\
         func (b *Builder) WriteString(s string) (int, error) { b.buf = append(b.buf, s...); return len(s), nil }\n\
         func Contains(s, substr string) bool { return len(substr) <= len(s) }\n\
         func Repeat(s string, count int) string { return s }\n",
    ),
    (
        "slices",
        "package slices\n\
         func Index[S ~[]E, E comparable](s S, v E) int { for i := range s { if v == s[i] { return i } }; return -1 }\n\
         func Contains[S ~[]E, E comparable](s S, v E) bool { return Index(s, v) >= 0 }\n\
         func Sort[S ~[]E, E interface{ ~int | ~string | ~float64 }](x S) {}\n",
    ),
];

/// The checked fake packages and their import paths.
struct Base {
    program: Program,
    universe: Universe,
    imports: HashMap<String, PkgIdx>,
    file_table: FileTable,
    next: PkgIdx,
}

fn base() -> &'static Base {
    static BASE: OnceLock<Base> = OnceLock::new();
    BASE.get_or_init(|| {
        let (mut program, universe) = new_program();
        let mut imports = HashMap::from([("unsafe".to_owned(), UNSAFE)]);
        let mut file_table = FileTable::new();
        let mut next = FIRST_PACKAGE;
        for (path, src) in FAKES {
            let parsed = parse_file(&format!("{path}.go"), src.as_bytes().to_vec());
            assert!(parsed.errors.is_empty(), "{path}: {:?}", parsed.errors);
            let files = vec![Arc::new(parsed.file)];
            let input = PackageInput {
                idx: next,
                path: (*path).to_owned(),
                files: files.clone(),
                imports: imports.clone(),
                go_version: "go1.26".to_owned(),
            };
            let checked = check_package(&program, &universe, &input);
            assert!(checked.errors.is_empty(), "{path}: {:?}", checked.errors);
            program.insert(checked.arena);
            file_table.add_package(next, &files);
            imports.insert((*path).to_owned(), next);
            next = PkgIdx(next.0 + 1);
        }
        Base {
            program,
            universe,
            imports,
            file_table,
            next,
        }
    })
}

/// The dump prints a type string per recorded expression, so its size grows with the
/// square of the nesting depth; checking itself is exercised at every size.
const MAX_DUMPED_INPUT: usize = 8 * 1024;

fuzz_target!(|data: &[u8]| {
    let base = base();
    let len = data.len();
    let parsed = parse_file("fuzz.go", data.to_vec());
    let file = Arc::new(parsed.file);
    let files = vec![file.clone()];
    let input = PackageInput {
        idx: base.next,
        path: "fuzz".to_owned(),
        files: files.clone(),
        imports: base.imports.clone(),
        go_version: "go1.26".to_owned(),
    };
    let checked = check_package(&base.program, &base.universe, &input);
    for error in &checked.errors {
        assert_eq!(error.file, 0, "{error:?}");
        assert!(
            !error.pos.is_valid() || error.pos.offset() <= len,
            "error outside the file ({len} bytes): {error:?}"
        );
        assert!(!error.msg.is_empty(), "empty message: {error:?}");
    }
    if len <= MAX_DUMPED_INPUT {
        let mut program = base.program.clone();
        program.insert(checked.arena);
        let dump = PackageDump {
            program: &program,
            pkg: base.next,
            info: &checked.info,
            errors: &checked.errors,
            files: &files,
            file_table: &base.file_table,
            sizes: Sizes::AMD64,
        };
        let store = TypeStore::new(&program, None);
        let qualifier = relative_to(&store, base.next);
        let text = dump_package(&dump, &*qualifier);
        assert!(!text.is_empty(), "empty dump");
    }
});
