//! gc's IR, as its escape analysis sees a package: functions with their variables and
//! bodies after the compiler's rewrites, so that the analysis (crates/escape) can follow
//! gc's algorithm statement by statement.
//!
//! Layout: [`ids`], [`pos`], [`var`], [`func`], [`expr`], [`stmt`], [`package`] hold the
//! model; [`lower`] builds it from a checked package (the part of gc's noder and
//! typecheck that changes what escapes); [`fmt`] prints nodes and types with gc's
//! spelling; [`type_facts`] answers gc's questions about types (sizes, pointers).
//!
//! Architecture invariants:
//! - No IO; the input is the checker's result for one package.
//! - Lowering never fails: constructs it does not lower yet are recorded in
//!   [`Package::unsupported`] and leave no flows, so callers can say what was skipped.

pub mod dead_locals;
pub mod expr;
pub mod fmt;
pub mod func;
pub mod ids;
pub mod lower;
pub mod package;
pub mod pos;
pub mod shape;
pub mod static_literals;
pub mod stmt;
pub mod type_facts;
pub mod var;
pub mod visit;

pub use expr::{Expr, ExprKind, IrType};
pub use func::{Func, FuncKind};
pub use ids::{ExprId, FuncId, StmtId, VarId};
pub use package::Package;
pub use pos::IrPos;
pub use stmt::{Stmt, StmtKind};
pub use var::{Var, VarClass};
