//! Go types (go/types' `Type` implementations).
//!
//! Types are not hash-consed: like go/types, two structurally equal types created in
//! different places are distinct values that [`crate::predicates`] finds identical. Named
//! types, type parameters and aliases are unique per declaration (or instantiation).

use crate::basic::BasicKind;
use crate::ids::{ObjId, TypeId};

/// Direction of a channel type.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum ChanDir {
    /// `chan T`
    Both,
    /// `chan<- T`
    Send,
    /// `<-chan T`
    Recv,
}

#[derive(Clone, Debug)]
pub enum Type {
    Basic(BasicType),
    Pointer(TypeId),
    Slice(TypeId),
    /// `[len]elem`; `len` is None when the length is invalid (after an error).
    Array {
        len: Option<u64>,
        elem: TypeId,
    },
    Map {
        key: TypeId,
        elem: TypeId,
    },
    Chan {
        dir: ChanDir,
        elem: TypeId,
    },
    Struct(StructType),
    /// The type of a multi-valued expression and of parameter and result lists: field
    /// objects are variables.
    Tuple(Vec<ObjId>),
    Signature(Signature),
    Interface(InterfaceType),
    Named(NamedType),
    TypeParam(TypeParamType),
    /// A union of terms in a constraint: `~int | string`.
    Union(Vec<Term>),
    /// An alias declared with `type A = T` (go/types' `Alias`, materialized as in Go ≥ 1.23).
    Alias(AliasType),
}

/// A basic type. `byte` and `rune` are distinct values of kind `Uint8`/`Int32` that print
/// under their own names (and are identical to `uint8`/`int32`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BasicType {
    pub kind: BasicKind,
    pub name: &'static str,
}

#[derive(Clone, Debug, Default)]
pub struct StructType {
    /// Field variables, in declaration order (embedded fields included).
    pub fields: Vec<ObjId>,
    /// Tags as written (unquoted), one per field; empty for none.
    pub tags: Vec<Box<[u8]>>,
}

#[derive(Clone, Debug, Default)]
pub struct Signature {
    /// The receiver variable of a method, None for functions and function types.
    pub recv: Option<ObjId>,
    /// Type parameters of a generic receiver's base type, as declared on the receiver.
    pub recv_type_params: Vec<TypeId>,
    /// Type parameters of a generic function.
    pub type_params: Vec<TypeId>,
    pub params: Vec<ObjId>,
    pub results: Vec<ObjId>,
    /// The last parameter is `...T`; its type is recorded as `[]T`.
    pub variadic: bool,
}

#[derive(Clone, Debug, Default)]
pub struct InterfaceType {
    /// Explicitly declared methods (function objects), in source order.
    pub methods: Vec<ObjId>,
    /// Embedded elements: interfaces, other types, unions.
    pub embeddeds: Vec<TypeId>,
    /// The interface of a bare constraint `[T ~int]`, not written as `interface{ ... }`.
    pub implicit: bool,
    /// The predeclared `comparable`'s interface: its type set is the comparable types.
    pub comparable: bool,
}

#[derive(Clone, Debug)]
pub struct NamedType {
    /// The type name object.
    pub obj: ObjId,
    /// The underlying type; None while the declaration is still being checked.
    pub underlying: Option<TypeId>,
    /// Methods declared with this type as receiver base (function objects), in source order.
    /// Instances share the methods of their origin.
    pub methods: Vec<ObjId>,
    pub type_params: Vec<TypeId>,
    /// For an instance `G[int]`: the generic type `G` and the type arguments.
    pub origin: Option<TypeId>,
    pub type_args: Vec<TypeId>,
}

#[derive(Clone, Debug)]
pub struct TypeParamType {
    /// The type name object of the parameter.
    pub obj: ObjId,
    /// Index in its type parameter list.
    pub index: u32,
    /// The constraint (an interface, possibly implicit); None until it is checked.
    pub constraint: Option<TypeId>,
}

/// A term `T` or `~T` of a union.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    pub tilde: bool,
    pub ty: TypeId,
}

#[derive(Clone, Debug)]
pub struct AliasType {
    pub obj: ObjId,
    /// The aliased type; None while the declaration is still being checked.
    pub rhs: Option<TypeId>,
    pub type_params: Vec<TypeId>,
    pub origin: Option<TypeId>,
    pub type_args: Vec<TypeId>,
}
