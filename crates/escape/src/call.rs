//! Flows of calls (gc's `escape/call.go`): arguments into the parameters of a function
//! of the batch, through the leak summary of one analysed before, or to the heap for an
//! unknown callee; the builtins each with their own rule.

use goescape_ir::expr::{BuiltinOp, Callee};
use goescape_ir::{ExprId, ExprKind, FuncId, IrType};
use goescape_types::ObjId;

use crate::batch::Batch;
use crate::graph::{Hole, BLANK};
use crate::leaks::Leaks;

/// The function a call calls, as far as it is known.
#[derive(Clone, Copy)]
struct Target {
    /// The function in this package's IR.
    local: Option<FuncId>,
    /// The declared function (for summaries).
    obj: Option<ObjId>,
}

impl Batch<'_> {
    pub fn call(&mut self, ks: Option<&[Hole]>, e: ExprId) {
        let pkg = self.pkg;
        match &pkg.expr(e).kind {
            ExprKind::Call { callee, args, .. } => self.call_func(ks, e, callee, args),
            ExprKind::Builtin { op, args, ddd } => self.builtin(ks, e, *op, args, *ddd),
            _ => {
                let k = ks
                    .and_then(|ks| ks.first().copied())
                    .unwrap_or(self.discard_hole());
                self.expr(k, e);
            }
        }
    }

    fn call_func(&mut self, ks: Option<&[Hole]>, call: ExprId, callee: &Callee, args: &[ExprId]) {
        let target = match callee {
            Callee::Static { func, .. } => Some(Target {
                local: self.func_of.get(func).copied(),
                obj: Some(*func),
            }),
            Callee::Local { func, .. } => Some(Target {
                local: Some(*func),
                obj: None,
            }),
            Callee::Dynamic { fun } => self.static_callee(*fun),
            Callee::Interface { .. } => None,
        };
        let in_batch = target
            .and_then(|t| t.local)
            .is_some_and(|f| self.members.contains(&f));
        // A call of an instance analysed before uses the instance's summary.
        let instance: Option<Vec<Leaks>> = match (callee, self.instances) {
            (Callee::Static { fun, .. }, Some(table)) if !in_batch => {
                crate::instances::instance_of(self.facts, self.pkg, *fun)
                    .and_then(|(key, _)| table.summaries.get(&key).cloned())
            }
            _ => None,
        };
        if let (Some(ks), true) = (ks, in_batch) {
            let f = target.and_then(|t| t.local).expect("in batch");
            let results = self.pkg.func(f).results.clone();
            for (i, r) in results.into_iter().enumerate() {
                if let Some(&k) = ks.get(i) {
                    self.flow_var(k, r);
                }
            }
        }
        match callee {
            Callee::Interface { recv, .. } => {
                // The receiver is the first argument of an unknown function.
                let k = self.heap_hole();
                let k = self.note_expr(k, call, "call parameter");
                self.expr(k, *recv);
            }
            Callee::Static { fun, .. } | Callee::Local { fun, .. } | Callee::Dynamic { fun } => {
                let mut callee_k = self.discard_hole();
                if target.is_none() && ks.is_some_and(|ks| ks.iter().any(|k| k.dst != BLANK)) {
                    let h = self.callee_hole();
                    callee_k = self.note_expr(h, call, "callee operand");
                }
                self.expr(callee_k, *fun);
            }
        }
        // gc keeps the pointers converted to uintptr arguments of syscall-like functions
        // alive across the call: they flow to the mutator (`rewriteArgument`).
        let keeps_uintptrs = target
            .and_then(|t| t.local)
            .is_some_and(|f| self.keeps_uintptrs_alive(f));
        for (i, &arg) in args.iter().enumerate() {
            if keeps_uintptrs && self.keep_uintptr_alive(arg) {
                // The uintptr itself carries no pointer to the parameter.
                continue;
            }
            let k = match target {
                None => self.heap_hole(),
                Some(t) if in_batch => self.batch_param_hole(t.local.expect("in batch"), i),
                Some(t) => match (t.obj, &instance) {
                    (Some(_), Some(leaks)) => {
                        let l = leaks.get(i).copied().unwrap_or_else(Leaks::to_heap);
                        self.leaks_hole(ks, l)
                    }
                    (Some(obj), None) => self.param_hole(ks, Some(obj), i),
                    (None, _) => {
                        // A function literal without captures, analysed before.
                        match t
                            .local
                            .and_then(|f| self.closure_summaries?.get(&f))
                            .map(|leaks| leaks.get(i).copied().unwrap_or_else(Leaks::to_heap))
                        {
                            Some(l) => self.leaks_hole(ks, l),
                            None => self.heap_hole(),
                        }
                    }
                },
            };
            let k = self.note_expr(k, call, "call parameter");
            self.expr(k, arg);
        }
    }

    /// Whether gc treats a call's `uintptr(unsafe.Pointer(p))` arguments as pointers kept
    /// alive: a function of this package marked `//go:uintptrkeepalive`, or without a
    /// body (gc marks those as it tags them, before their callers are analysed).
    fn keeps_uintptrs_alive(&self, f: FuncId) -> bool {
        let func = self.pkg.func(f);
        !func.pragmas.uintptr_escapes && (func.pragmas.uintptr_keepalive || func.body.is_none())
    }

    /// Flows the pointer of an `uintptr(unsafe.Pointer(p))` argument to the mutator;
    /// whether the argument was one. (gc also looks into a variadic `...uintptr` list;
    /// those elements are left to the list's own flow here.)
    fn keep_uintptr_alive(&mut self, arg: ExprId) -> bool {
        let pkg = self.pkg;
        let ExprKind::Conv { x, .. } = pkg.expr(arg).kind else {
            return false;
        };
        if !(self.facts.is_uintptr(pkg.expr(arg).ty)
            && self.facts.is_unsafe_pointer(pkg.expr(x).ty))
        {
            return false;
        }
        let m = self.mutator_hole();
        self.expr(m, x);
        true
    }

    /// The location of parameter `i` (receiver first) of a function of the batch.
    fn batch_param_hole(&mut self, f: FuncId, i: usize) -> Hole {
        match self.pkg.func(f).recv_params().nth(i).flatten() {
            Some(v) => {
                let l = self.var_loc(v);
                Hole::to(l)
            }
            None => self.discard_hole(),
        }
    }

    /// Where argument `i` of a call of `func` (analysed before, or unknown) flows.
    pub fn param_hole(&mut self, ks: Option<&[Hole]>, func: Option<ObjId>, i: usize) -> Hole {
        let Some(func) = func else {
            return self.heap_hole();
        };
        if let Some(&local) = self.func_of.get(&func) {
            if self.members.contains(&local) {
                return self.batch_param_hole(local, i);
            }
        }
        let leaks = self.summary(func, i);
        self.leaks_hole(ks, leaks)
    }

    /// Where an argument flows according to a parameter's leak summary.
    fn leaks_hole(&mut self, ks: Option<&[Hole]>, leaks: Leaks) -> Hole {
        let mut tag_ks = Vec::new();
        let x = leaks.heap();
        if x >= 0 {
            tag_ks.push(self.heap_hole().shift(x));
        }
        let x = leaks.mutator();
        if x >= 0 {
            tag_ks.push(self.mutator_hole().shift(x));
        }
        let x = leaks.callee();
        if x >= 0 {
            tag_ks.push(self.callee_hole().shift(x));
        }
        if let Some(ks) = ks {
            for r in 0..crate::leaks::NUM_RESULTS {
                let x = leaks.result(r);
                if x >= 0 {
                    if let Some(&k) = ks.get(r) {
                        tag_ks.push(k.shift(x));
                    }
                }
            }
        }
        self.tee_hole(&tag_ks)
    }

    /// A variable's value flowing to `k`, as `expr` would for a reference to it.
    fn flow_var(&mut self, k: Hole, v: goescape_ir::VarId) {
        let mut k = k;
        let ty = self.pkg.var(v).ty;
        if k.derefs >= 0 && !self.has_pointers(ty) {
            k.dst = BLANK;
        }
        let l = self.var_loc(v);
        self.flow(k, l);
    }

    /// gc's `StaticValue`: the function a function value certainly holds.
    fn static_callee(&self, fun: ExprId) -> Option<Target> {
        let mut e = fun;
        for _ in 0..16 {
            match &self.pkg.expr(e).kind {
                ExprKind::FuncName(obj) => {
                    return Some(Target {
                        local: self.func_of.get(obj).copied(),
                        obj: Some(*obj),
                    })
                }
                ExprKind::MethodExpr { method, .. } => {
                    return Some(Target {
                        local: self.func_of.get(method).copied(),
                        obj: Some(*method),
                    })
                }
                ExprKind::Closure(f) => {
                    return Some(Target {
                        local: Some(*f),
                        obj: None,
                    })
                }
                ExprKind::Conv {
                    kind: goescape_ir::expr::ConvKind::NoOp,
                    x,
                } => e = *x,
                ExprKind::Var(v) => {
                    if self.reassigned_vars.contains(v) {
                        return None;
                    }
                    let defn = self.pkg.var(*v).defn?;
                    match &self.pkg.stmt(defn).kind {
                        goescape_ir::StmtKind::Assign { y: Some(y), .. } => e = *y,
                        goescape_ir::StmtKind::AssignPair { lhs, rhs, .. }
                            if lhs.len() == rhs.len() =>
                        {
                            let var = *v;
                            let i = lhs.iter().position(|l| {
                                l.is_some_and(|l| matches!(self.pkg.expr(l).kind, ExprKind::Var(w) if w == var))
                            })?;
                            e = rhs[i];
                        }
                        _ => return None,
                    }
                }
                _ => return None,
            }
        }
        None
    }

    fn builtin(
        &mut self,
        ks: Option<&[Hole]>,
        e: ExprId,
        op: BuiltinOp,
        args: &[ExprId],
        ddd: bool,
    ) {
        let k0 = ks
            .and_then(|ks| ks.first().copied())
            .unwrap_or(self.discard_hole());
        match op {
            BuiltinOp::Append => {
                let Some(&first) = args.first() else {
                    return;
                };
                let mutator = self.mutator_hole();
                let mut appendee_k = self.tee_hole(&[k0, mutator]);
                if self.elem_has_pointers(self.pkg.expr(first).ty) {
                    let h = self.heap_hole().deref();
                    let h = self.note_expr(h, e, "appendee slice");
                    appendee_k = self.tee_hole(&[appendee_k, h]);
                }
                let appendee_k = self.note_expr(appendee_k, e, "call parameter");
                self.expr(appendee_k, first);
                if ddd {
                    if let Some(&second) = args.get(1) {
                        let ty = self.pkg.expr(second).ty;
                        let k = if self.is_slice(ty) && self.elem_has_pointers(ty) {
                            let h = self.heap_hole().deref();
                            self.note_expr(h, e, "appended slice...")
                        } else {
                            self.discard_hole()
                        };
                        let k = self.note_expr(k, e, "call parameter");
                        self.expr(k, second);
                    }
                } else {
                    for &a in &args[1..] {
                        let h = self.heap_hole();
                        let h = self.note_expr(h, e, "call parameter");
                        self.expr(h, a);
                    }
                }
                let backing = self.spill(k0, e);
                self.loc_mut(backing.dst).loop_depth = 0;
            }
            BuiltinOp::Copy => {
                if let Some(&dst) = args.first() {
                    let m = self.mutator_hole();
                    let m = self.note_expr(m, e, "call parameter");
                    self.expr(m, dst);
                }
                if let Some(&src) = args.get(1) {
                    let ty = self.pkg.expr(src).ty;
                    let k = if self.is_slice(ty) && self.elem_has_pointers(ty) {
                        let h = self.heap_hole().deref();
                        self.note_expr(h, e, "copied slice")
                    } else {
                        self.discard_hole()
                    };
                    let k = self.note_expr(k, e, "call parameter");
                    self.expr(k, src);
                }
            }
            BuiltinOp::Panic => {
                for &a in args {
                    let h = self.heap_hole();
                    let h = self.note_expr(h, e, "call parameter");
                    self.expr(h, a);
                }
            }
            BuiltinOp::Min | BuiltinOp::Max => {
                let k = self.note_expr(k0, e, "call parameter");
                for &a in args {
                    self.expr(k, a);
                }
            }
            BuiltinOp::Clear => {
                for &a in args {
                    let m = self.mutator_hole();
                    let m = self.note_expr(m, e, "call parameter");
                    self.expr(m, a);
                }
            }
            BuiltinOp::UnsafeStringData | BuiltinOp::UnsafeSliceData => {
                let k = self.note_expr(k0, e, "call parameter");
                for &a in args {
                    self.expr(k, a);
                }
            }
            BuiltinOp::UnsafeAdd | BuiltinOp::UnsafeSlice | BuiltinOp::UnsafeString => {
                if let Some(&a) = args.first() {
                    let k = self.note_expr(k0, e, "call parameter");
                    self.expr(k, a);
                }
                for &a in args.iter().skip(1) {
                    self.discard(a);
                }
            }
            BuiltinOp::Len
            | BuiltinOp::Cap
            | BuiltinOp::Real
            | BuiltinOp::Imag
            | BuiltinOp::Close
            | BuiltinOp::Complex
            | BuiltinOp::Delete
            | BuiltinOp::Print
            | BuiltinOp::Println
            | BuiltinOp::Recover => {
                for &a in args {
                    self.discard(a);
                }
            }
        }
    }

    fn is_slice(&self, ty: IrType) -> bool {
        matches!(ty, IrType::Go(t) if self.facts.is_slice(t))
    }

    fn elem_has_pointers(&self, ty: IrType) -> bool {
        match ty {
            IrType::Go(t) => self
                .facts
                .elem(t)
                .is_some_and(|e| self.facts.has_pointers_go(e)),
            IrType::PointerTo(_) => false,
        }
    }
}
