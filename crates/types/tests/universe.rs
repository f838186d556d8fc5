//! The universe and package unsafe hold exactly the predeclared identifiers of Go 1.26.

use goescape_types::{new_program, BasicKind, ObjKind, TypeStore};

#[test]
fn universe_declares_the_predeclared_identifiers() {
    let (program, universe) = new_program();
    let store = TypeStore::new(&program, None);
    let scope = store.scope(universe.scope);
    // The list of the language spec's "Predeclared identifiers".
    let expected = [
        "any",
        "append",
        "bool",
        "byte",
        "cap",
        "clear",
        "close",
        "comparable",
        "complex",
        "complex128",
        "complex64",
        "copy",
        "delete",
        "error",
        "false",
        "float32",
        "float64",
        "imag",
        "int",
        "int16",
        "int32",
        "int64",
        "int8",
        "iota",
        "len",
        "make",
        "max",
        "min",
        "new",
        "nil",
        "panic",
        "print",
        "println",
        "real",
        "recover",
        "rune",
        "string",
        "true",
        "uint",
        "uint16",
        "uint32",
        "uint64",
        "uint8",
        "uintptr",
    ];
    assert_eq!(scope.sorted_names(), expected);
    let unsafe_scope = store.scope(universe.unsafe_scope);
    assert_eq!(
        unsafe_scope.sorted_names(),
        [
            "Add",
            "Alignof",
            "Offsetof",
            "Pointer",
            "Sizeof",
            "Slice",
            "SliceData",
            "String",
            "StringData"
        ]
    );
}

#[test]
fn predeclared_objects_have_their_types_and_values() {
    let (program, universe) = new_program();
    let store = TypeStore::new(&program, None);
    let scope = store.scope(universe.scope);
    let int = scope.lookup("int").map(|id| store.obj(id)).expect("int");
    assert_eq!(int.ty, Some(universe.basic(BasicKind::Int)));
    let truth = store.obj(universe.true_obj);
    assert_eq!(truth.ty, Some(universe.basic(BasicKind::UntypedBool)));
    match &truth.kind {
        ObjKind::Const(value) => assert_eq!(value.to_string(), "true"),
        other => panic!("true is a {other:?}"),
    }
    let iota = store.obj(universe.iota);
    assert_eq!(
        iota.const_value().map(ToString::to_string).as_deref(),
        Some("0")
    );
    // byte and rune are their own types of kind uint8 and int32.
    match (store.ty(universe.byte), store.ty(universe.rune)) {
        (goescape_types::Type::Basic(byte), goescape_types::Type::Basic(rune)) => {
            assert_eq!((byte.kind, byte.name), (BasicKind::Uint8, "byte"));
            assert_eq!((rune.kind, rune.name), (BasicKind::Int32, "rune"));
        }
        other => panic!("byte, rune are {other:?}"),
    }
}
