//! Range over functions (gc's `rangefunc` rewrite, done before noding): the loop body
//! becomes a closure `F-rangeN` passed to the iterator, guarded by a `#stateN` variable;
//! `return` inside the body stores the results in the enclosing function's result
//! variables (unnamed ones become `#rvN`) and sets `#next`; `break` and `continue`
//! return from the closure.
//!
//! What matters to escape analysis is modelled exactly: which variables the closure
//! captures and reassigns, what flows into the results, and that the closure is passed
//! to the iterator. The panic checks on `#stateN` carry no pointers and are reduced to
//! the assignments that make it reassigned.

use goescape_syntax::ast::{self, ExprKind as AstExpr};
use goescape_syntax::Token;
use goescape_types::ty::Type;
use goescape_types::TypeId;

use super::Lowerer;
use crate::expr::{BinaryOp, Callee, ExprKind, IrType};
use crate::func::FuncKind;
use crate::ids::{ExprId, FuncId, StmtId, VarId};
use crate::pos::IrPos;
use crate::stmt::{PairKind, StmtKind};
use crate::var::{Var, VarClass};

/// gc's `abi.RF_*` states.
const RF_DONE: i64 = 0;
const RF_READY: i64 = 1;
const RF_PANIC: i64 = 2;
const RF_EXHAUSTED: i64 = 3;

/// The range-over-func body being lowered.
#[derive(Clone, Copy, Debug)]
pub(super) struct RangeBody {
    /// The function whose `return` statements the body's returns are.
    pub top: FuncId,
    pub state: VarId,
    /// Statements between the body and the `break`/`continue` being lowered that a
    /// plain `break` (`breakable`) or `continue` (`loops`) would target instead.
    pub breakable: u32,
    pub loops: u32,
}

impl<'a> Lowerer<'a, '_> {
    fn int_const(&mut self, v: i64, ty: TypeId, pos: IrPos) -> ExprId {
        self.mk(
            ExprKind::Const {
                value: goescape_constant::Value::from_i64(v),
                name: None,
            },
            IrType::Go(ty),
            pos,
            true,
        )
    }

    fn bool_const(&mut self, v: bool, pos: IrPos) -> ExprId {
        let ty = self.input.bool_type;
        self.mk(
            ExprKind::Const {
                value: goescape_constant::Value::from_bool(v),
                name: None,
            },
            IrType::Go(ty),
            pos,
            true,
        )
    }

    /// A variable the rewrite declares in function `func`.
    fn synthetic_var(&mut self, func: FuncId, name: String, ty: TypeId, pos: IrPos) -> VarId {
        let id = self.out.add_var(Var {
            name,
            class: VarClass::Local,
            ty: IrType::Go(ty),
            pos,
            func,
            obj: None,
            defn: None,
            blank: false,
            pos_pkg: None,
        });
        self.out.funcs[func.index()].dcl.push(id);
        id
    }

    /// `v = value` in the current function (a capture if `v` is outer), the reference
    /// to `v` at `ref_pos`.
    fn set_var(&mut self, v: VarId, value: ExprId, pos: IrPos, ref_pos: IrPos) -> StmtId {
        let ty = self.out.vars[v.index()].ty;
        self.note_capture(v, ref_pos);
        let x = self.mk(ExprKind::Var(v), ty, ref_pos, true);
        self.stmt_new(StmtKind::Assign { x, y: Some(value) }, pos)
    }

    /// `#stateN = rf`: the rewrite's references to `#stateN` have no position.
    fn set_state(&mut self, state: VarId, rf: i64, pos: IrPos) -> StmtId {
        let int = self.input.int_type;
        let c = self.int_const(rf, int, pos);
        self.set_var(state, c, pos, IrPos::NONE)
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn range_func(
        &mut self,
        pos: IrPos,
        key: Option<ast::ExprId>,
        value: Option<ast::ExprId>,
        define: bool,
        iterator: ExprId,
        iterator_ty: TypeId,
        body: &'a ast::Block,
        out: &mut Vec<StmtId>,
    ) {
        let Some(yield_ty) = (match self.underlying(iterator_ty) {
            Type::Signature(s) => s.params.first().and_then(|&p| self.store.obj(p).ty),
            _ => None,
        }) else {
            return;
        };
        let outer = self.cur;
        let top = self.range_body.map_or(outer, |r| r.top);
        let int = self.input.int_type;
        let k = {
            let n = self.range_loops.entry(top).or_insert(0);
            *n += 1;
            *n
        };
        let state = self.synthetic_var(outer, format!("#state{k}"), int, pos);
        let d = self.stmt_new(StmtKind::Decl(state), pos);
        out.push(d);
        let ready = self.int_const(RF_READY, int, pos);
        let x = self.mk(ExprKind::Var(state), IrType::Go(int), pos, true);
        let init = self.stmt_new(StmtKind::Assign { x, y: Some(ready) }, pos);
        self.out.vars[state.index()].defn = Some(init);
        self.out.defines.insert(init);
        out.push(init);

        // The body closure, named after the function the loop is written in.
        let f = self.new_closure_func("-range", FuncKind::Closure, yield_ty, pos);
        let parent = self.out.funcs[outer.index()].range_parent.unwrap_or(outer);
        self.out.funcs[f.index()].range_parent = Some(parent);
        let saved_cur = std::mem::replace(&mut self.cur, f);
        let saved_pending = std::mem::take(&mut self.pending);
        let labels = super::closure::looping_labels(self.file(), &body.stmts);
        let saved_labels = std::mem::replace(&mut self.looping_labels, labels);
        let saved_body = self.range_body.replace(RangeBody {
            top,
            state,
            breakable: 0,
            loops: 0,
        });
        let prologue = self.range_params(f, yield_ty, key, value, define, pos);
        let mut stmts = prologue;
        let s = self.set_state(state, RF_PANIC, pos);
        stmts.push(s);
        stmts.extend(self.block(&body.stmts));
        let s = self.set_state(state, RF_READY, pos);
        stmts.push(s);
        let t = self.bool_const(true, pos);
        stmts.push(self.stmt_new(StmtKind::Return(vec![t]), pos));
        self.out.funcs[f.index()].body = Some(stmts);
        self.cur = saved_cur;
        self.pending = saved_pending;
        self.looping_labels = saved_labels;
        self.range_body = saved_body;

        // #yieldK := func literal; iterator(#yieldK)
        let yield_var = self.synthetic_var(outer, format!("#yield{k}"), yield_ty, pos);
        let d = self.stmt_new(StmtKind::Decl(yield_var), pos);
        out.push(d);
        let clo = self.mk(ExprKind::Closure(f), IrType::Go(yield_ty), pos, false);
        let x = self.mk(ExprKind::Var(yield_var), IrType::Go(yield_ty), pos, false);
        let a = self.stmt_new(StmtKind::Assign { x, y: Some(clo) }, pos);
        self.out.vars[yield_var.index()].defn = Some(a);
        self.out.defines.insert(a);
        out.push(a);
        let callee = match self.out.expr(iterator).kind {
            ExprKind::FuncName(obj) => Callee::Static {
                fun: iterator,
                func: obj,
            },
            ExprKind::Closure(func) => Callee::Local {
                fun: iterator,
                func,
            },
            _ => Callee::Dynamic { fun: iterator },
        };
        let arg = self.mk(ExprKind::Var(yield_var), IrType::Go(yield_ty), pos, false);
        let void = self.input.bool_type;
        let call = self.mk(
            ExprKind::Call {
                callee,
                args: vec![arg],
                ddd: false,
            },
            IrType::Go(void),
            pos,
            false,
        );
        out.push(self.stmt_new(StmtKind::Expr(call), pos));
        let s = self.set_state(state, RF_EXHAUSTED, pos);
        out.push(s);
        if let Some(next) = self.next_var.get(&top).copied() {
            // if #next == -1 { return }: the results are already stored.
            let n = self.mk(ExprKind::Var(next), IrType::Go(int), IrPos::NONE, true);
            let minus_one = self.int_const(-1, int, IrPos::NONE);
            let cond = self.mk(
                ExprKind::Binary {
                    op: BinaryOp::Eq,
                    x: n,
                    y: minus_one,
                },
                IrType::Go(self.input.bool_type),
                IrPos::NONE,
                true,
            );
            let ret = self.stmt_new(StmtKind::Return(Vec::new()), IrPos::NONE);
            out.push(self.stmt_new(
                StmtKind::If {
                    cond,
                    then: vec![ret],
                    else_: Vec::new(),
                },
                IrPos::NONE,
            ));
        }
    }

    /// The body closure's parameters: the range variables themselves for `:=`, else
    /// `#pN` parameters assigned to the range targets first.
    fn range_params(
        &mut self,
        f: FuncId,
        yield_ty: TypeId,
        key: Option<ast::ExprId>,
        value: Option<ast::ExprId>,
        define: bool,
        pos: IrPos,
    ) -> Vec<StmtId> {
        let Type::Signature(sig) = self.underlying(yield_ty) else {
            return Vec::new();
        };
        let param_objs = sig.params.clone();
        let result_obj = sig.results.first().copied();
        let targets = [key, value];
        let mut params = Vec::with_capacity(param_objs.len());
        let mut assign_lhs = Vec::new();
        let mut assign_rhs = Vec::new();
        for (i, &p) in param_objs.iter().enumerate() {
            let pty = self.store.obj(p).ty.unwrap_or(super::INVALID_TYPE);
            let target = targets.get(i).copied().flatten();
            let var = match target {
                Some(t) if define => {
                    let inner = self.strip_parens_pub(t);
                    match &self.file().expr(inner).kind {
                        AstExpr::Ident(ident) => {
                            match self.finfo().defs.get(&ident.span.start).copied().flatten() {
                                Some(obj) if self.file().ident_name(*ident) != "_" => {
                                    let v = self.local_var(obj);
                                    self.out.vars[v.index()].class = VarClass::Param;
                                    Some(v)
                                }
                                _ => None,
                            }
                        }
                        _ => None,
                    }
                }
                Some(t) => {
                    let v = self.synthetic_var(f, format!("#p{}", i + 1), pty, pos);
                    self.out.vars[v.index()].class = VarClass::Param;
                    let lhs = self.expr(t);
                    let rhs = self.mk(ExprKind::Var(v), IrType::Go(pty), pos, true);
                    assign_lhs.push(Some(lhs));
                    assign_rhs.push(rhs);
                    Some(v)
                }
                None => None,
            };
            params.push(var);
        }
        let result = match result_obj {
            Some(r) => {
                let rty = self.store.obj(r).ty.unwrap_or(self.input.bool_type);
                let v = self.synthetic_var(f, "~r0".to_owned(), rty, pos);
                self.out.vars[v.index()].class = VarClass::Result;
                vec![v]
            }
            None => Vec::new(),
        };
        let func = &mut self.out.funcs[f.index()];
        func.params = params;
        func.results = result;
        if assign_lhs.is_empty() {
            return Vec::new();
        }
        let mut pending = std::mem::take(&mut self.pending);
        let s = if assign_lhs.len() == 1 {
            StmtKind::Assign {
                x: assign_lhs[0].expect("a target"),
                y: Some(assign_rhs[0]),
            }
        } else {
            StmtKind::AssignPair {
                kind: PairKind::Plain,
                lhs: assign_lhs,
                rhs: assign_rhs,
            }
        };
        let s = self.stmt_new(s, pos);
        pending.push(s);
        pending
    }

    /// `#next`, the enclosing function's code of what to do after the loop.
    fn next_var_of(&mut self, top: FuncId) -> VarId {
        if let Some(&v) = self.next_var.get(&top) {
            return v;
        }
        let int = self.input.int_type;
        let v = self.synthetic_var(top, "#next".to_owned(), int, IrPos::NONE);
        self.next_var.insert(top, v);
        v
    }

    /// `return` inside a range body: store the results in the enclosing function's
    /// result variables, set `#next`, and leave the closure.
    pub(super) fn range_return(
        &mut self,
        ctx: RangeBody,
        values: Vec<ExprId>,
        pos: IrPos,
    ) -> Vec<StmtId> {
        let mut stmts = Vec::new();
        let results = self.out.funcs[ctx.top.index()].results.clone();
        if !values.is_empty() {
            // Unnamed (and blank) results get names so that the body can assign them.
            for (i, &r) in results.iter().enumerate() {
                let var = &mut self.out.vars[r.index()];
                if var.name.starts_with("~r") || var.blank {
                    var.name = format!("#rv{}", i + 1);
                    var.blank = false;
                }
            }
            let mut lhs = Vec::new();
            let mut rhs = Vec::new();
            for (i, (&r, v)) in results.iter().zip(values).enumerate() {
                let _ = i;
                let ty = self.out.vars[r.index()].ty;
                self.note_capture(r, pos);
                lhs.push(Some(self.mk(ExprKind::Var(r), ty, pos, true)));
                let v = match ty {
                    IrType::Go(t) => self.assign_conv(v, t),
                    IrType::PointerTo(_) => v,
                };
                rhs.push(v);
            }
            let s = if lhs.len() == 1 {
                StmtKind::Assign {
                    x: lhs[0].expect("a result"),
                    y: Some(rhs[0]),
                }
            } else {
                StmtKind::AssignPair {
                    kind: PairKind::Plain,
                    lhs,
                    rhs,
                }
            };
            stmts.push(self.stmt_new(s, pos));
        }
        let next = self.next_var_of(ctx.top);
        let int = self.input.int_type;
        let c = self.int_const(-1, int, pos);
        stmts.push(self.set_var(next, c, pos, pos));
        stmts.push(self.set_state(ctx.state, RF_DONE, pos));
        let f = self.bool_const(false, pos);
        stmts.push(self.stmt_new(StmtKind::Return(vec![f]), pos));
        stmts
    }

    /// `break`, `continue` or `goto` inside a range body, if it leaves the body.
    pub(super) fn range_branch(
        &mut self,
        ctx: RangeBody,
        tok: Token,
        labeled: bool,
        pos: IrPos,
    ) -> Option<Vec<StmtId>> {
        let leaves = match tok {
            Token::Break => labeled || ctx.breakable == 0,
            Token::Continue => labeled || ctx.loops == 0,
            Token::Goto => true,
            _ => false,
        };
        if !leaves {
            return None;
        }
        let mut stmts = Vec::new();
        let (state, result) = match tok {
            Token::Continue if !labeled => (RF_READY, true),
            Token::Break if !labeled => (RF_DONE, false),
            _ => {
                // A jump out of the loop: the enclosing function decides after it.
                let next = self.next_var_of(ctx.top);
                let int = self.input.int_type;
                let c = self.int_const(1, int, pos);
                stmts.push(self.set_var(next, c, pos, pos));
                (RF_DONE, false)
            }
        };
        stmts.push(self.set_state(ctx.state, state, pos));
        let b = self.bool_const(result, pos);
        stmts.push(self.stmt_new(StmtKind::Return(vec![b]), pos));
        Some(stmts)
    }
}
