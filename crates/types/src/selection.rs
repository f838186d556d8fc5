//! Selections `x.f`: which field or method a selector denotes and the path to it
//! (go/types' `Selection`).

use crate::ids::{ObjId, TypeId};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SelectionKind {
    /// `x.f` is a struct field.
    FieldVal,
    /// `x.f` is a method value (or call).
    MethodVal,
    /// `T.f` is a method expression.
    MethodExpr,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    pub kind: SelectionKind,
    /// The type of `x` (for a method expression, `T`).
    pub recv: TypeId,
    /// The field (a variable) or method (a function).
    pub obj: ObjId,
    /// The embedded fields traversed from `x` (indices into struct fields, from depth 0),
    /// then the index of `f` in the fields of its struct, the declared methods of its named
    /// type, or the methods of its interface's type set.
    pub index: Vec<u32>,
    /// Whether a pointer was dereferenced on the way to `f`.
    pub indirect: bool,
}
