//! Named language entities (go/types' `Object` implementations).

use goescape_constant::Value;

use crate::ids::{DeclPos, PkgIdx, ScopeId, TypeId};

#[derive(Clone, Debug)]
pub struct Object {
    pub name: Box<str>,
    /// The package the object belongs to; None for predeclared objects (universe).
    pub pkg: Option<PkgIdx>,
    /// Where it was declared; None for predeclared and synthesized objects.
    pub pos: Option<DeclPos>,
    /// Its type; None until the declaration has been checked (and for labels, packages).
    pub ty: Option<TypeId>,
    /// The scope it was declared in, if any (fields and methods have none).
    pub parent: Option<ScopeId>,
    pub kind: ObjKind,
}

#[derive(Clone, Debug)]
pub enum ObjKind {
    Var(VarInfo),
    Const(Value),
    TypeName,
    Func(FuncInfo),
    /// An imported package's name in a file scope.
    PkgName {
        imported: PkgIdx,
        used: bool,
    },
    Label {
        used: bool,
    },
    Builtin(Builtin),
    Nil,
}

/// What a variable object is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VarKind {
    /// A package-level or local variable.
    Var,
    /// A struct field.
    Field,
    Param,
    Result,
    Receiver,
}

#[derive(Clone, Copy, Debug)]
pub struct VarInfo {
    pub kind: VarKind,
    /// For a field: declared without a name (`struct{ T }`).
    pub embedded: bool,
    /// Whether the variable is used (for "declared and not used").
    pub used: bool,
    /// For an instantiated field or parameter: the generic origin.
    pub origin: Option<crate::ids::ObjId>,
}

#[derive(Clone, Copy, Debug, Default)]
pub struct FuncInfo {
    /// For a method: its receiver is a pointer `*T`.
    pub has_ptr_recv: bool,
    /// For an instantiated method: the generic origin.
    pub origin: Option<crate::ids::ObjId>,
}

/// The predeclared functions, including those of package unsafe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Builtin {
    Append,
    Cap,
    Clear,
    Close,
    Complex,
    Copy,
    Delete,
    Imag,
    Len,
    Make,
    Max,
    Min,
    New,
    Panic,
    Print,
    Println,
    Real,
    Recover,
    // package unsafe
    Add,
    Alignof,
    Offsetof,
    Sizeof,
    Slice,
    SliceData,
    String,
    StringData,
}

impl Builtin {
    pub const UNIVERSE: [Builtin; 18] = [
        Builtin::Append,
        Builtin::Cap,
        Builtin::Clear,
        Builtin::Close,
        Builtin::Complex,
        Builtin::Copy,
        Builtin::Delete,
        Builtin::Imag,
        Builtin::Len,
        Builtin::Make,
        Builtin::Max,
        Builtin::Min,
        Builtin::New,
        Builtin::Panic,
        Builtin::Print,
        Builtin::Println,
        Builtin::Real,
        Builtin::Recover,
    ];

    pub const UNSAFE: [Builtin; 8] = [
        Builtin::Add,
        Builtin::Alignof,
        Builtin::Offsetof,
        Builtin::Sizeof,
        Builtin::Slice,
        Builtin::SliceData,
        Builtin::String,
        Builtin::StringData,
    ];

    pub fn name(self) -> &'static str {
        use Builtin::*;
        match self {
            Append => "append",
            Cap => "cap",
            Clear => "clear",
            Close => "close",
            Complex => "complex",
            Copy => "copy",
            Delete => "delete",
            Imag => "imag",
            Len => "len",
            Make => "make",
            Max => "max",
            Min => "min",
            New => "new",
            Panic => "panic",
            Print => "print",
            Println => "println",
            Real => "real",
            Recover => "recover",
            Add => "Add",
            Alignof => "Alignof",
            Offsetof => "Offsetof",
            Sizeof => "Sizeof",
            Slice => "Slice",
            SliceData => "SliceData",
            String => "String",
            StringData => "StringData",
        }
    }

    /// Whether a call of the builtin may be used as an expression statement.
    pub fn is_statement(self) -> bool {
        use Builtin::*;
        matches!(
            self,
            Clear | Close | Copy | Delete | Panic | Print | Println | Recover
        )
    }
}

impl Object {
    pub fn is_exported(&self) -> bool {
        self.name.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn var_info(&self) -> Option<&VarInfo> {
        match &self.kind {
            ObjKind::Var(info) => Some(info),
            _ => None,
        }
    }

    pub fn is_field(&self) -> bool {
        matches!(
            &self.kind,
            ObjKind::Var(VarInfo {
                kind: VarKind::Field,
                ..
            })
        )
    }

    pub fn is_type_name(&self) -> bool {
        matches!(self.kind, ObjKind::TypeName)
    }

    pub fn const_value(&self) -> Option<&Value> {
        match &self.kind {
            ObjKind::Const(value) => Some(value),
            _ => None,
        }
    }
}
