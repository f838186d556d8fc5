//! A package's IR: arenas of functions, variables, expressions and statements.

use goescape_types::PkgIdx;

use crate::expr::Expr;
use crate::func::Func;
use crate::ids::{ExprId, FuncId, StmtId, VarId};
use crate::stmt::Stmt;
use crate::var::Var;

/// Problems met while lowering: constructs the lowering does not handle yet. Each is
/// reported so that an incomplete analysis says so instead of silently disagreeing.
#[derive(Clone, Debug)]
pub struct Unsupported {
    pub pos: crate::pos::IrPos,
    pub what: String,
}

#[derive(Debug, Default)]
pub struct Package {
    pub pkg: Option<PkgIdx>,
    pub path: String,
    pub funcs: Vec<Func>,
    pub vars: Vec<Var>,
    pub exprs: Vec<Expr>,
    pub stmts: Vec<Stmt>,
    pub unsupported: Vec<Unsupported>,
    /// Assignments gc marks as definitions (`:=`, `var x = e`, its own temporaries'
    /// N:1 assignments): printed with `:=`.
    pub defines: std::collections::HashSet<StmtId>,
    /// The type arguments of each reference to a generic function (in terms of the
    /// referring function's types, which may be its own type parameters).
    pub targs: std::collections::HashMap<ExprId, Vec<goescape_types::TypeId>>,
    /// The interface calls made direct by static devirtualization: the function, the
    /// call's position and gc's `-m` line for it.
    pub devirtualized: Vec<(FuncId, crate::pos::IrPos, String)>,
}

impl Package {
    pub fn func(&self, id: FuncId) -> &Func {
        &self.funcs[id.index()]
    }

    pub fn var(&self, id: VarId) -> &Var {
        &self.vars[id.index()]
    }

    pub fn expr(&self, id: ExprId) -> &Expr {
        &self.exprs[id.index()]
    }

    pub fn stmt(&self, id: StmtId) -> &Stmt {
        &self.stmts[id.index()]
    }

    pub fn add_func(&mut self, f: Func) -> FuncId {
        self.funcs.push(f);
        FuncId(self.funcs.len() as u32 - 1)
    }

    pub fn add_var(&mut self, v: Var) -> VarId {
        self.vars.push(v);
        VarId(self.vars.len() as u32 - 1)
    }

    pub fn add_expr(&mut self, e: Expr) -> ExprId {
        self.exprs.push(e);
        ExprId(self.exprs.len() as u32 - 1)
    }

    pub fn add_stmt(&mut self, s: Stmt) -> StmtId {
        self.stmts.push(s);
        StmtId(self.stmts.len() as u32 - 1)
    }

    pub fn func_ids(&self) -> impl Iterator<Item = FuncId> {
        (0..self.funcs.len() as u32).map(FuncId)
    }
}
