//! The end of a batch (gc's `finish`): parameter summaries, and the `-m` messages for
//! every location — moved to heap, escapes / does not escape, leaking params.

use goescape_ir::expr::{BuiltinOp, ConvKind};
use goescape_ir::fmt::Printer;
use goescape_ir::{ExprKind, FuncId, FuncKind, IrPos, IrType};
use goescape_types::ty::Type;

use crate::batch::Batch;
use crate::graph::{attr, LocKind};
use crate::leaks::{Leaks, NUM_RESULTS};
use crate::utils::{heap_alloc_reason_expr, heap_alloc_reason_var};
use crate::Diagnostic;

impl Batch<'_> {
    /// Locations that must be on the heap whatever flows into them.
    pub fn heap_alloc_reasons(&mut self) {
        for i in 0..self.locs.len() {
            let id = crate::graph::LocId(i as u32);
            let kind = self.loc(id).kind;
            let reason = match kind {
                LocKind::Var(v) => {
                    let var = self.pkg.var(v);
                    heap_alloc_reason_var(
                        self.facts,
                        var.ty,
                        var.class != goescape_ir::VarClass::Local,
                    )
                }
                LocKind::Expr(e) => heap_alloc_reason_expr(self.pkg, self.facts, e),
                _ => None,
            };
            if let Some(why) = reason {
                let at = match kind {
                    LocKind::Var(v) => crate::graph::NoteAt::Capture {
                        var: v,
                        pos: self.pkg.var(v).pos,
                    },
                    LocKind::Expr(e) => crate::graph::NoteAt::Expr(e),
                    _ => continue,
                };
                let k = self.heap_hole().addr();
                let k = self.note(k, at, why);
                self.flow(k, id);
            }
        }
    }

    /// Computes the members' parameter summaries and the messages.
    pub fn finish(
        &mut self,
        printer: &Printer<'_>,
        out: &mut Vec<Diagnostic>,
    ) -> Vec<(FuncId, Vec<Leaks>)> {
        let mut summaries = Vec::new();
        let members: Vec<FuncId> = self.member_order.clone();
        for (stmt, fname) in std::mem::take(&mut self.self_assignments) {
            if fname.is_empty() {
                continue;
            }
            let pos = self.pkg.stmt(stmt).pos;
            out.push(Diagnostic::new(
                pos,
                format!("{fname} ignoring self-assignment in {}", printer.stmt(stmt)),
            ));
        }
        for &f in &members {
            let func = self.pkg.func(f);
            let params: Vec<Option<goescape_ir::VarId>> = func.recv_params().collect();
            let mut leaks = Vec::with_capacity(params.len());
            for (i, p) in params.iter().enumerate() {
                leaks.push(self.param_tag(f, i, *p, out));
            }
            summaries.push((f, leaks));
        }
        for i in 0..self.locs.len() {
            let l = &self.locs[i];
            // A generic function is reported through its instances.
            if self.pkg.func(l.func).generic && self.instance_name.is_none() {
                continue;
            }
            let escapes = l.has(attr::ESCAPES);
            match l.kind {
                LocKind::Var(v) if escapes => {
                    let var = self.pkg.var(v);
                    let name = self.loc_node_string(crate::graph::LocId(i as u32));
                    out.push(Diagnostic::new(var.pos, format!("moved to heap: {name}")));
                }
                LocKind::Expr(e) => {
                    let n = self.pkg.expr(e);
                    let wrapper = matches!(n.kind, ExprKind::Closure(c) if self.pkg.func(c).kind == FuncKind::GoDeferWrapper);
                    if !wrapper {
                        let what = if matches!(
                            n.kind,
                            ExprKind::Builtin {
                                op: BuiltinOp::Append,
                                ..
                            }
                        ) {
                            "append".to_owned()
                        } else {
                            printer.expr(e)
                        };
                        let verdict = if escapes {
                            "escapes to heap"
                        } else {
                            "does not escape"
                        };
                        out.push(Diagnostic::new(n.pos, format!("{what} {verdict}")));
                    }
                    let string_to_bytes = match n.kind {
                        ExprKind::Conv { kind, x } => {
                            self.conv_kind(e, kind, x) == ConvKind::StringToBytes
                        }
                        _ => false,
                    };
                    if string_to_bytes && !l.has(attr::MUTATES) {
                        out.push(Diagnostic::new(
                            n.pos,
                            "zero-copy string->[]byte conversion".to_owned(),
                        ));
                    }
                }
                _ => {}
            }
        }
        summaries
    }

    /// The summary of parameter `i` (receiver first) of `f`, reporting it with `-m`.
    fn param_tag(
        &self,
        f: FuncId,
        i: usize,
        var: Option<goescape_ir::VarId>,
        out: &mut Vec<Diagnostic>,
    ) -> Leaks {
        let func = self.pkg.func(f);
        // gc reports no parameters of wrappers and of instances.
        let diagnose = !matches!(
            func.kind,
            FuncKind::GoDeferWrapper | FuncKind::MethodWrapper | FuncKind::AbiWrapper
        ) && !func.generic;
        let sig = self.facts.store.ty(func.sig);
        let Type::Signature(sig) = sig else {
            return Leaks::default();
        };
        let param_obj = if sig.recv.is_some() {
            if i == 0 {
                sig.recv
            } else {
                sig.params.get(i - 1).copied()
            }
        } else {
            sig.params.get(i).copied()
        };
        let Some(param_obj) = param_obj else {
            return Leaks::default();
        };
        let o = self.facts.store.obj(param_obj);
        let Some(pty) = o.ty else {
            return Leaks::default();
        };
        let pty = IrType::Go(pty);
        let mut pos = o.pos.map_or(IrPos::NONE, |p| IrPos::new(p.file, p.offset));
        let mut named = !o.name.is_empty();
        let mut name = if named {
            o.name.to_string()
        } else {
            // gc names unnamed parameters by their index among the parameters.
            format!(
                "~p{}",
                if sig.recv.is_some() {
                    i.saturating_sub(1)
                } else {
                    i
                }
            )
        };
        if let Some(v) = var {
            // The IR's variable: a range body's parameters are the range variables.
            let v = self.pkg.var(v);
            pos = v.pos;
            name = v.name.clone();
            named = true;
        }
        let variadic_last = sig.variadic && sig.recv.map_or(i + 1, |_| i) == sig.params.len();
        if func.body.is_none() {
            if self.facts.is_uintptr(pty) {
                if diagnose {
                    out.push(Diagnostic::new(
                        pos,
                        format!("assuming {name} is unsafe uintptr"),
                    ));
                }
                return Leaks::default();
            }
            if !self.facts.has_pointers(pty) {
                return Leaks::default();
            }
            let mut esc = Leaks::default();
            if func.pragmas.noescape {
                if diagnose && named {
                    out.push(Diagnostic::new(pos, format!("{name} does not escape")));
                }
                esc.add_mutator(0);
                esc.add_callee(0);
            } else {
                if diagnose && named {
                    out.push(Diagnostic::new(pos, format!("leaking param: {name}")));
                }
                esc.add_heap(0);
            }
            return esc;
        }
        if func.pragmas.uintptr_escapes {
            if self.facts.is_uintptr(pty) {
                if diagnose {
                    out.push(Diagnostic::new(
                        pos,
                        format!("marking {name} as escaping uintptr"),
                    ));
                }
                return Leaks::default();
            }
            if variadic_last {
                if let IrType::Go(t) = pty {
                    if self
                        .facts
                        .elem(t)
                        .is_some_and(|e| self.facts.is_uintptr(IrType::Go(e)))
                    {
                        if diagnose {
                            out.push(Diagnostic::new(
                                pos,
                                format!("marking {name} as escaping ...uintptr"),
                            ));
                        }
                        return Leaks::default();
                    }
                }
            }
        }
        if !self.facts.has_pointers(pty) {
            return Leaks::default();
        }
        let Some(var) = var else {
            return Leaks::default();
        };
        let Some(&loc) = self.var_loc.get(&var) else {
            return Leaks::default();
        };
        let l = self.loc(loc);
        let mut esc = l.param_esc;
        esc.optimize();
        if diagnose && !l.has(attr::ESCAPES) {
            self.report_leaks(pos, &name, esc, f, out);
        }
        esc
    }

    fn report_leaks(
        &self,
        pos: IrPos,
        name: &str,
        esc: Leaks,
        f: FuncId,
        out: &mut Vec<Diagnostic>,
    ) {
        let mut warned = false;
        let x = esc.heap();
        if x >= 0 {
            if x == 0 {
                out.push(Diagnostic::new(pos, format!("leaking param: {name}")));
            } else {
                out.push(Diagnostic::new(
                    pos,
                    format!("leaking param content: {name}"),
                ));
            }
            warned = true;
        }
        let results = &self.pkg.func(f).results;
        for i in 0..NUM_RESULTS {
            let x = esc.result(i);
            if x >= 0 {
                let res = results
                    .get(i)
                    .map_or("?".to_owned(), |&r| self.pkg.var(r).name.clone());
                out.push(Diagnostic::new(
                    pos,
                    format!("leaking param: {name} to result {res} level={x}"),
                ));
                warned = true;
            }
        }
        if !warned {
            out.push(Diagnostic::new(pos, format!("{name} does not escape")));
        }
    }
}
