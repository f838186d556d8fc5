//! gc sizes, alignments and offsets on every architecture, compared with go/types'
//! `SizesFor("gc", arch)` (testdata/gotypes.expected).

mod common;

use std::collections::HashMap;

use common::{expected, Builder};
use goescape_types::sizes::{Sizes, GC_ARCH_SIZES};
use goescape_types::ty::{ChanDir, Type};
use goescape_types::{BasicKind, PkgIdx, TypeId};

const MAX_INT64: u64 = i64::MAX as u64;

/// The types of the Go generator's size cases, by the names it prints.
fn size_cases(b: &mut Builder) -> HashMap<&'static str, TypeId> {
    use BasicKind::*;
    b.start_package(PkgIdx(2), "sync/atomic", "atomic");
    let empty = b.struct_of(&[]);
    let align64 = b.named("align64", Some(empty));
    b.finish_package("example.com/other", "other");
    let empty = b.struct_of(&[]);
    let fake_align64 = b.named("align64", Some(empty));
    b.finish_package("example.com/sizes", "sizes");

    let mut cases = HashMap::new();
    for (name, kind) in [
        ("bool", Bool),
        ("int8", Int8),
        ("int16", Int16),
        ("int32", Int32),
        ("int64", Int64),
        ("int", Int),
        ("uint", Uint),
        ("uintptr", Uintptr),
        ("float32", Float32),
        ("float64", Float64),
        ("complex64", Complex64),
        ("complex128", Complex128),
        ("string", String),
        ("unsafe.Pointer", UnsafePointer),
    ] {
        cases.insert(name, b.basic(kind));
    }
    let (i8, i16, i32, i64) = (
        b.basic(Int8),
        b.basic(Int16),
        b.basic(Int32),
        b.basic(Int64),
    );
    let (boolean, byte) = (b.basic(Bool), b.universe.byte);
    cases.insert("*int8", b.ptr(i8));
    cases.insert("[]int8", b.slice(i8));
    cases.insert("map[int8]int8", b.map(i8, i8));
    cases.insert("chan int8", b.chan(ChanDir::Both, i8));
    cases.insert("func()", b.func_type(&[], &[], false));
    let any = b.interface(vec![], vec![]);
    cases.insert("any", any);
    let empty = b.struct_of(&[]);
    cases.insert("struct{}", empty);
    cases.insert("[0]int64", b.array(0, i64));
    cases.insert("[3]int16", b.array(3, i16));
    cases.insert(
        "struct{a bool; b int64; c bool}",
        b.struct_of(&[("a", boolean), ("b", i64), ("c", boolean)]),
    );
    cases.insert(
        "struct{a int64; b struct{}}",
        b.struct_of(&[("a", i64), ("b", empty)]),
    );
    cases.insert(
        "struct{a struct{}; b struct{}}",
        b.struct_of(&[("a", empty), ("b", empty)]),
    );
    let c128 = b.basic(Complex128);
    cases.insert(
        "struct{a int8; c complex128}",
        b.struct_of(&[("a", i8), ("c", c128)]),
    );
    let c64 = b.basic(Complex64);
    cases.insert(
        "struct{a int8; c complex64}",
        b.struct_of(&[("a", i8), ("c", c64)]),
    );
    let elem = b.struct_of(&[("a", i32), ("b", boolean)]);
    cases.insert("[3]struct{a int32; b bool}", b.array(3, elem));
    let (string, i8s) = (b.string(), b.slice(i8));
    cases.insert(
        "struct{a int32; s string; i any; sl []int8}",
        b.struct_of(&[("a", i32), ("s", string), ("i", any), ("sl", i8s)]),
    );
    cases.insert(
        "struct{_ atomic.align64; x int64; b bool}",
        b.struct_of(&[("_", align64), ("x", i64), ("b", boolean)]),
    );
    cases.insert(
        "struct{_ other.align64; x int64}",
        b.struct_of(&[("_", fake_align64), ("x", i64)]),
    );
    let huge = b.array(1 << 62, i64);
    cases.insert("[1<<62]int64", huge);
    let zero = b.array(0, i64);
    cases.insert("[1<<62][0]int64", b.array(1 << 62, zero));
    let max_bytes = b.array(MAX_INT64, byte);
    cases.insert(
        "struct{a [maxInt64]byte; b int8; c int8}",
        b.struct_of(&[("a", max_bytes), ("b", i8), ("c", i8)]),
    );
    cases.insert(
        "struct{a [1<<62]int64; b int8}",
        b.struct_of(&[("a", huge), ("b", i8)]),
    );
    let almost = b.array(MAX_INT64 - 16, byte);
    cases.insert(
        "struct{x int64; a [maxInt64-16]byte; b int32}",
        b.struct_of(&[("x", i64), ("a", almost), ("b", i32)]),
    );
    cases
}

#[test]
fn gc_sizes_match_go_types_on_every_architecture() {
    let mut b = Builder::new();
    let cases = size_cases(&mut b);
    let store = b.store();
    let mut failures = Vec::new();
    for line in expected("size") {
        let (arch, name) = (line[0], line[1]);
        let sizes = Sizes::gc(arch).unwrap_or_else(|| panic!("no sizes for {arch}"));
        let ty = cases[name];
        let size = sizes.sizeof(&store, ty).map(|s| s.to_string());
        let align = sizes.alignof(&store, ty).map(|a| a.to_string());
        let offsets = match store.ty(ty) {
            Type::Struct(s) if !s.fields.is_empty() => {
                sizes.offsetsof(&store, &s.fields).map(|offsets| {
                    let list: Vec<String> = offsets.iter().map(i64::to_string).collect();
                    format!("[{}]", list.join(" "))
                })
            }
            _ => Some("-".to_owned()),
        };
        let got = (size.as_deref(), align.as_deref(), offsets.as_deref());
        if got != (Some(line[2]), Some(line[3]), Some(line[4])) {
            failures.push(format!("{arch} {name}: got {got:?}, want {:?}", &line[2..]));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_architecture_table_is_go_types_table() {
    let arches: Vec<&str> = GC_ARCH_SIZES.iter().map(|(arch, _)| *arch).collect();
    let mut expected_arches: Vec<&str> = expected("size").iter().map(|line| line[0]).collect();
    expected_arches.dedup();
    let mut sorted = arches.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, expected_arches);
    assert_eq!(Sizes::gc("amd64"), Some(Sizes::AMD64));
    assert_eq!(
        Sizes::gc("amd64p32"),
        Some(Sizes {
            word_size: 4,
            max_align: 8
        })
    );
    assert_eq!(Sizes::gc("riscv32"), None);
}

#[test]
fn type_parameters_and_untyped_types_have_no_size() {
    let mut b = Builder::new();
    let any = b.universe.any;
    let t = b.type_param("T", 0, Some(any));
    let int = b.int();
    let with_t = b.struct_of(&[("a", int), ("t", t)]);
    let t_array = b.array(2, t);
    let empty_t_array = b.array(0, t);
    let t_ptr = b.ptr(t);
    let untyped = b.basic(BasicKind::UntypedInt);
    let invalid = b.basic(BasicKind::Invalid);
    let store = b.store();
    let s = Sizes::AMD64;
    for ty in [t, with_t, t_array, untyped, invalid] {
        assert_eq!(s.sizeof(&store, ty), None, "{:?}", store.ty(ty));
    }
    assert_eq!(s.alignof(&store, t), None);
    assert_eq!(s.alignof(&store, with_t), None);
    let Type::Struct(st) = store.ty(with_t) else {
        unreachable!()
    };
    assert_eq!(s.offsetsof(&store, &st.fields), None);
    // Pointers to type parameters are a word; empty arrays are empty whatever the element.
    assert_eq!(s.sizeof(&store, t_ptr), Some(8));
    assert_eq!(s.sizeof(&store, empty_t_array), Some(0));
}

#[test]
fn offsetof_follows_embedded_structs_and_recursive_types_have_no_size() {
    let mut b = Builder::new();
    let (i8, i64) = (b.basic(BasicKind::Int8), b.basic(BasicKind::Int64));
    let inner = b.named("Inner", None);
    let u = b.struct_of(&[("a", i8), ("b", i64)]);
    b.set_underlying(inner, u);
    let f0 = b.field("x", i8);
    let f1 = b.embedded(inner);
    let outer = b.strukt(vec![f0, f1]);
    // type Loop struct{ l Loop } is invalid; it must not send sizes into a loop.
    let looped = b.named("Loop", None);
    let u = b.struct_of(&[("l", looped)]);
    b.set_underlying(looped, u);
    // Where go/types would fail an assertion: the end of the last field overflows.
    let max_bytes = b.array(MAX_INT64, b.universe.byte);
    let too_large = b.struct_of(&[("a", max_bytes), ("b", max_bytes)]);
    let store = b.store();
    let s = Sizes::gc("386").expect("386");
    assert_eq!(s.offsetof(&store, outer, &[1, 1]), Some(4 + 4));
    assert_eq!(Sizes::AMD64.offsetof(&store, outer, &[1, 1]), Some(8 + 8));
    assert_eq!(
        s.offsetof(&store, outer, &[0, 0]),
        None,
        "x is not a struct"
    );
    assert_eq!(s.sizeof(&store, looped), None);
    assert_eq!(s.sizeof(&store, too_large), Some(-1));
    assert_eq!(s.alignof(&store, looped), None);
}
