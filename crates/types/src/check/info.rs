//! What the checker records about the source (go/types' `Info`), keyed by file and node.

use goescape_constant::Value;
use std::sync::Arc;

use goescape_syntax::ast::{ExprId, ExprKind, File, StmtId};
use rustc_hash::FxHashMap;

pub use super::expr_map::ExprMap;
use crate::ids::{ObjId, ScopeId, TypeId};
use crate::selection::Selection;

/// How an expression may be used (go/types' operand modes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Invalid,
    /// A call of a function without results.
    NoValue,
    /// A predeclared function, only valid as a call's callee.
    Builtin,
    /// The expression denotes a type.
    TypeExpr,
    Constant,
    /// An addressable variable.
    Variable,
    /// A map index expression: assignable, not addressable, comma-ok capable.
    MapIndex,
    Value,
    /// A receive, type assertion or map index that may be used in a comma-ok assignment.
    CommaOk,
}

/// The type, mode and (for constants) value of an expression.
#[derive(Clone, Debug)]
pub struct TypeAndValue {
    pub mode: Mode,
    pub ty: TypeId,
    pub value: Option<Value>,
}

/// The recorded results for one file of the package.
#[derive(Clone, Debug, Default)]
pub struct FileInfo {
    /// The Go version the file is checked with (go/types' `Info.FileVersions`).
    pub go_version: Option<String>,
    /// Every expression (and type expression) checked, as go/types' `Info.Types`.
    pub types: ExprMap<TypeAndValue>,
    /// Identifiers that declare an object, by the identifier's byte offset.
    pub defs: FxHashMap<u32, Option<ObjId>>,
    /// Identifiers that denote an object, by the identifier's byte offset.
    pub uses: FxHashMap<u32, ObjId>,
    /// Objects declared without an identifier of their own (import names, type switch
    /// case variables, anonymous parameters), by the declaring node's byte offset.
    pub implicits: FxHashMap<u32, ObjId>,
    /// Scopes opened by nodes of this file, by the node's byte offset.
    pub scopes: FxHashMap<u32, ScopeId>,
    /// The type of the signature of each function literal (go/ast's `FuncLit.Type`, which
    /// has no expression id of its own here), by the literal's id.
    pub func_lit_types: FxHashMap<ExprId, TypeId>,
    /// For each `x++` / `x--` statement, the type of `x`: go/types checks it as `x += 1`
    /// and records the `1` it makes up (at `x`'s position) with that type.
    pub inc_dec_types: FxHashMap<StmtId, TypeId>,
    /// Constraints that are not interfaces (`~[]E`, `int | string`) by their expression,
    /// with the implicit interface that wraps them: go/types records that interface for a
    /// made-up `interface{...}` node without a position.
    pub implicit_constraints: Vec<(ExprId, TypeId)>,
    /// For each name of a generic function or type that is instantiated (explicitly or by
    /// inference), by the name's byte offset: the type arguments and the instance.
    pub instances: FxHashMap<u32, (Vec<TypeId>, TypeId)>,
    /// What each selector expression `x.f` selects.
    pub selections: FxHashMap<ExprId, Selection>,
}

impl FileInfo {
    /// An empty record for `file`, its largest maps sized from its nodes: a type for
    /// nearly every expression, a use for about every identifier and selector, a
    /// selection for at most every selector. Growing them by doubling instead cost
    /// rehashing and fresh pages for each larger table.
    pub fn sized_for(file: &Arc<File>) -> FileInfo {
        let (mut idents, mut selectors) = (0, 0);
        for e in &file.exprs {
            match e.kind {
                ExprKind::Ident(_) => idents += 1,
                ExprKind::Selector { .. } => selectors += 1,
                _ => {}
            }
        }
        FileInfo {
            types: ExprMap::with_exprs(file.exprs.len()),
            uses: FxHashMap::with_capacity_and_hasher(idents + selectors, Default::default()),
            selections: FxHashMap::with_capacity_and_hasher(selectors, Default::default()),
            ..FileInfo::default()
        }
    }
}

/// Everything recorded for a package, one entry per file in input order.
#[derive(Clone, Debug, Default)]
pub struct Info {
    pub files: Vec<FileInfo>,
    /// Package-level variables with initializers, in initialization order.
    pub init_order: Vec<super::initorder::Initializer>,
    /// The methods of instances the checker made (by instance and generic method): the
    /// objects that selections and the method sets of package-level types refer to.
    pub instance_methods: FxHashMap<(TypeId, ObjId), ObjId>,
}
