//! Expressions, shaped as gc's IR after type checking and its rewrites: conversions are
//! explicit (and marked implicit when the source had none), method calls carry their
//! receiver, variadic arguments are packed into a slice literal.

use goescape_constant::Value;
use goescape_types::{ObjId, TypeId};

use crate::ids::{ExprId, FuncId, VarId};
use crate::pos::IrPos;

/// The type of an expression. Almost always a type the checker made; gc's rewrites add
/// pointers to types (the implicit `&x` of a pointer-method call) that the checker never
/// saw, which the IR spells out instead of creating types after checking.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum IrType {
    Go(TypeId),
    PointerTo(TypeId),
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub ty: IrType,
    pub pos: IrPos,
    /// Introduced by the compiler, not written: gc prints an implicit `&x`, `*p` or
    /// conversion as its operand, and an implicit slice literal as `... argument`.
    pub implicit: bool,
}

/// Operators of unary expressions.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UnaryOp {
    Plus,
    Neg,
    BitNot,
    Not,
}

/// Operators of binary expressions (arithmetic and comparison; `&&`, `||` are
/// [`ExprKind::Logical`]).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    And,
    Or,
    Xor,
    AndNot,
    Shl,
    Shr,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// What converting a `from` to a `to` does, by their underlying types (a type
/// parameter's underlying type is its constraint: shaped code classifies again with the
/// shapes' types).
pub fn classify_conversion(
    store: &goescape_types::TypeStore<'_>,
    from: TypeId,
    to: TypeId,
) -> ConvKind {
    use goescape_types::ty::Type;
    use goescape_types::BasicKind as B;
    let under = |t: TypeId| store.ty(goescape_types::under::underlying(store, t));
    match (under(from), under(to)) {
        (_, Type::Interface(_)) => ConvKind::ToInterface,
        (Type::Basic(b), Type::Slice(e)) if matches!(b.kind, B::String | B::UntypedString) => {
            match under(*e) {
                Type::Basic(eb) if eb.kind == B::Int32 => ConvKind::StringToRunes,
                _ => ConvKind::StringToBytes,
            }
        }
        (Type::Slice(e), Type::Basic(b)) if b.kind == B::String => match under(*e) {
            Type::Basic(eb) if eb.kind == B::Int32 => ConvKind::RunesToString,
            _ => ConvKind::BytesToString,
        },
        (Type::Basic(fb), Type::Basic(tb)) if tb.kind == B::String && fb.kind.is_integer() => {
            ConvKind::RuneToString
        }
        (Type::Slice(_), Type::Array { .. }) => ConvKind::SliceToArray,
        (Type::Slice(_), Type::Pointer(_)) => ConvKind::SliceToArrayPointer,
        (Type::Basic(fb), Type::Basic(tb)) if fb.kind != tb.kind => ConvKind::Value,
        _ => ConvKind::NoOp,
    }
}

/// What a conversion does (gc's OCONV family).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ConvKind {
    /// A value conversion that may change representation (numbers).
    Value,
    /// A conversion that changes only the type (gc's OCONVNOP).
    NoOp,
    /// To an interface (gc's OCONVIFACE).
    ToInterface,
    StringToBytes,
    StringToRunes,
    BytesToString,
    RunesToString,
    /// `string(r)` of an integer.
    RuneToString,
    SliceToArray,
    SliceToArrayPointer,
}

/// The slice operations gc tells apart.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SliceKind {
    Slice,
    /// Of an array (through a pointer to it).
    Array,
    String,
}

/// Builtins that escape analysis treats as calls (gc's OAPPEND, OCOPY, ...).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BuiltinOp {
    Append,
    Copy,
    Len,
    Cap,
    Min,
    Max,
    Complex,
    Real,
    Imag,
    Recover,
    Panic,
    Print,
    Println,
    Delete,
    Close,
    Clear,
    UnsafeAdd,
    UnsafeSlice,
    UnsafeString,
    UnsafeStringData,
    UnsafeSliceData,
}

impl BuiltinOp {
    /// The builtin's name, as gc prints it.
    pub fn name(self) -> &'static str {
        match self {
            BuiltinOp::Append => "append",
            BuiltinOp::Copy => "copy",
            BuiltinOp::Len => "len",
            BuiltinOp::Cap => "cap",
            BuiltinOp::Min => "min",
            BuiltinOp::Max => "max",
            BuiltinOp::Complex => "complex",
            BuiltinOp::Real => "real",
            BuiltinOp::Imag => "imag",
            BuiltinOp::Recover => "recover",
            BuiltinOp::Panic => "panic",
            BuiltinOp::Print => "print",
            BuiltinOp::Println => "println",
            BuiltinOp::Delete => "delete",
            BuiltinOp::Close => "close",
            BuiltinOp::Clear => "clear",
            BuiltinOp::UnsafeAdd => "unsafe.Add",
            BuiltinOp::UnsafeSlice => "unsafe.Slice",
            BuiltinOp::UnsafeString => "unsafe.String",
            BuiltinOp::UnsafeStringData => "unsafe.StringData",
            BuiltinOp::UnsafeSliceData => "unsafe.SliceData",
        }
    }
}

/// The function a call calls.
#[derive(Clone, Debug)]
pub enum Callee {
    /// A declared function or a method called with its receiver as first argument
    /// (gc's `FixMethodCall`): `fun` prints the callee, `func` names it.
    Static { fun: ExprId, func: ObjId },
    /// A function of this package's IR (a closure called where it is written, or a
    /// closure variable whose value is known).
    Local { fun: ExprId, func: FuncId },
    /// A method of an interface: the receiver is `recv`; `method_pos` is the selector's
    /// position (gc's warnings about the call are there).
    Interface {
        recv: ExprId,
        method: ObjId,
        method_pos: IrPos,
    },
    /// A function value.
    Dynamic { fun: ExprId },
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    /// A variable of a function.
    Var(VarId),
    /// The blank identifier `_` as an assignment target.
    Blank,
    /// A package-level variable.
    Global(ObjId),
    /// A declared function used as a value or callee.
    FuncName(ObjId),
    /// `T.M` / `(*T).M`: a method expression (also the callee of a method call).
    MethodExpr {
        recv: TypeId,
        method: ObjId,
        pointer: bool,
    },
    /// A constant; `name` is the named constant it came from, which gc prints.
    Const {
        value: Value,
        name: Option<ObjId>,
    },
    Nil,
    Unary {
        op: UnaryOp,
        x: ExprId,
    },
    Binary {
        op: BinaryOp,
        x: ExprId,
        y: ExprId,
    },
    Logical {
        and: bool,
        x: ExprId,
        y: ExprId,
    },
    AddrOf(ExprId),
    Deref(ExprId),
    /// `x.f` of a struct value.
    Field {
        x: ExprId,
        field: ObjId,
    },
    /// `p.f` through a pointer.
    FieldPtr {
        x: ExprId,
        field: ObjId,
    },
    /// `x.(T)`; `comma_ok` for the two-result form.
    TypeAssert {
        x: ExprId,
        comma_ok: bool,
    },
    /// `a[i]` of an array (`array`), slice or string.
    Index {
        x: ExprId,
        index: ExprId,
        array: bool,
    },
    MapIndex {
        x: ExprId,
        key: ExprId,
    },
    Slice {
        kind: SliceKind,
        x: ExprId,
        low: Option<ExprId>,
        high: Option<ExprId>,
        max: Option<ExprId>,
    },
    Conv {
        kind: ConvKind,
        x: ExprId,
    },
    Call {
        callee: Callee,
        args: Vec<ExprId>,
        ddd: bool,
    },
    Builtin {
        op: BuiltinOp,
        args: Vec<ExprId>,
        ddd: bool,
    },
    New,
    MakeSlice {
        len: ExprId,
        cap: Option<ExprId>,
    },
    MakeMap {
        hint: Option<ExprId>,
    },
    MakeChan {
        size: Option<ExprId>,
    },
    /// A struct literal: field values in field order of the written elements.
    StructLit {
        fields: Vec<(ObjId, ExprId)>,
    },
    /// An array or slice literal; `len` is the element count gc allocates.
    ArrayLit {
        elems: Vec<ExprId>,
        slice: bool,
        len: u64,
    },
    MapLit {
        entries: Vec<(ExprId, ExprId)>,
    },
    /// `&T{...}` (gc's OPTRLIT): the literal is `x`.
    PtrLit(ExprId),
    Closure(FuncId),
    /// `x.M` as a value (gc's OMETHVALUE).
    MethodValue {
        x: ExprId,
        method: ObjId,
    },
    /// `x.M` where x is an interface, as a callee (gc's ODOTINTER).
    InterfaceMethod {
        x: ExprId,
        method: ObjId,
    },
    Recv(ExprId),
    /// `a + b + ...` of strings.
    AddString(Vec<ExprId>),
}
