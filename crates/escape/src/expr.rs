//! Flows of expressions (gc's `escape/expr.go`).

use goescape_ir::expr::ConvKind;
use goescape_ir::{ExprId, ExprKind, IrType};

use crate::batch::{Batch, PendingClosure};
use crate::graph::{Hole, BLANK};

impl Batch<'_> {
    pub fn discard(&mut self, e: ExprId) {
        let k = self.discard_hole();
        self.expr(k, e);
    }

    /// Models the flow of `e`'s value into hole `k`.
    pub fn expr(&mut self, k: Hole, e: ExprId) {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.expr_inner(k, e));
    }

    fn expr_inner(&mut self, mut k: Hole, e: ExprId) {
        let pkg = self.pkg;
        let n = pkg.expr(e);
        // A closure is a func value (the IR's go/defer wrappers carry no Go type).
        let pointerful = matches!(n.kind, ExprKind::Closure(_)) || self.has_pointers(n.ty);
        if k.derefs >= 0 && !self.is_untyped(n.ty) && !pointerful {
            k.dst = BLANK;
        }
        match &n.kind {
            ExprKind::Const { .. }
            | ExprKind::Nil
            | ExprKind::Blank
            | ExprKind::MethodExpr { .. }
            | ExprKind::Global(_)
            | ExprKind::FuncName(_) => {}
            ExprKind::Var(v) => {
                let l = self.var_loc(*v);
                self.flow(k, l);
            }
            ExprKind::Unary { x, .. } => self.discard(*x),
            ExprKind::Binary { x, y, .. } | ExprKind::Logical { x, y, .. } => {
                self.discard(*x);
                self.discard(*y);
            }
            ExprKind::AddrOf(x) => {
                let k = self.note_expr(k.addr(), e, "address-of");
                self.expr(k, *x);
            }
            ExprKind::Deref(x) => {
                let k = self.note_expr(k.deref(), e, "indirection");
                self.expr(k, *x);
            }
            ExprKind::Field { x, .. } | ExprKind::InterfaceMethod { x, .. } => {
                let k = self.note_expr(k, e, "dot");
                self.expr(k, *x);
            }
            ExprKind::FieldPtr { x, .. } => {
                let k = self.note_expr(k.deref(), e, "dot of pointer");
                self.expr(k, *x);
            }
            ExprKind::TypeAssert { x, .. } => {
                let k = self.dot_type(k, n.ty);
                let k = self.note_expr(k, e, "dot");
                self.expr(k, *x);
            }
            ExprKind::Index { x, index, array } => {
                let k = if *array {
                    self.note_expr(k, e, "fixed-array-index-of")
                } else {
                    self.note_expr(k.deref(), e, "dot of pointer")
                };
                self.expr(k, *x);
                self.discard(*index);
            }
            ExprKind::MapIndex { x, key } => {
                self.discard(*x);
                self.discard(*key);
            }
            ExprKind::Slice {
                x, low, high, max, ..
            } => {
                let k = self.note_expr(k, e, "slice");
                self.expr(k, *x);
                for part in [low, high, max].into_iter().flatten() {
                    self.discard(*part);
                }
            }
            ExprKind::Conv { kind, x } => {
                let kind = self.conv_kind(e, *kind, *x);
                self.conversion(k, e, kind, *x)
            }
            ExprKind::Call { .. } | ExprKind::Builtin { .. } => self.call(Some(&[k]), e),
            ExprKind::New => {
                self.spill(k, e);
            }
            ExprKind::MakeSlice { len, cap } => {
                self.spill(k, e);
                self.discard(*len);
                if let Some(c) = cap {
                    self.discard(*c);
                }
            }
            ExprKind::MakeChan { size } => {
                if let Some(s) = size {
                    self.discard(*s);
                }
            }
            ExprKind::MakeMap { hint } => {
                self.spill(k, e);
                if let Some(h) = hint {
                    self.discard(*h);
                }
            }
            ExprKind::MethodValue { x, method } => {
                // The receiver flows into the method value's closure, and to wherever
                // the method's receiver parameter leaks (its results go to the heap).
                let closure_k = self.spill(k, e);
                let param_k = self.method_value_receiver_hole(*method);
                let tee = self.tee_hole(&[param_k, closure_k]);
                self.expr(tee, *x);
            }
            ExprKind::PtrLit(x) => {
                let k = self.spill(k, e);
                self.expr(k, *x);
            }
            ExprKind::ArrayLit { elems, slice, .. } => {
                let (k, why) = if *slice {
                    (self.spill(k, e), "slice-literal-element")
                } else {
                    (k, "array literal element")
                };
                let k = self.note_expr(k, e, why);
                for &el in elems {
                    self.expr(k, el);
                }
            }
            ExprKind::StructLit { fields } => {
                let k = self.note_expr(k, e, "struct literal element");
                for &(_, v) in fields {
                    self.expr(k, v);
                }
            }
            ExprKind::MapLit { entries } => {
                self.spill(k, e);
                for &(key, value) in entries {
                    let h = self.heap_hole();
                    let hk = self.note_expr(h, e, "map literal key");
                    self.expr(hk, key);
                    let hv = self.note_expr(h, e, "map literal value");
                    self.expr(hv, value);
                }
            }
            ExprKind::Closure(f) => {
                let k = self.spill(k, e);
                self.closures.push(PendingClosure { hole: k, func: *f });
                let func = pkg.func(*f);
                for cap in &func.captures {
                    let l = self.var_loc(cap.var);
                    let depth = self.loop_depth;
                    let loc = self.loc_mut(l);
                    if !loc.captured {
                        loc.captured = true;
                        // Captured in the loop iteration that declares it: assignments
                        // before the capture do not count.
                        if loc.loop_depth == depth {
                            loc.reassigned = false;
                        }
                    }
                }
                // A literal without captures is a function of its own (gc's
                // `IsClosure` is false), walked as a batch root.
                if !func.captures.is_empty() {
                    self.walk_func(*f);
                }
            }
            ExprKind::Recv(x) => self.discard(*x),
            ExprKind::AddString(list) => {
                self.spill(k, e);
                for &x in list {
                    self.discard(x);
                }
            }
        }
    }

    fn is_untyped(&self, ty: IrType) -> bool {
        matches!(ty, IrType::Go(t) if self.facts.is_untyped(t))
    }

    /// What conversion `e` of `x` does: in shaped code, by the shapes' types (`string(s)`
    /// of a `T string | []byte` copies bytes only when T's shape is `[]uint8`).
    pub fn conv_kind(&self, e: ExprId, kind: ConvKind, x: ExprId) -> ConvKind {
        if self.facts.substitution().is_empty() {
            return kind;
        }
        let (IrType::Go(from), IrType::Go(to)) = (self.pkg.expr(x).ty, self.pkg.expr(e).ty) else {
            return kind;
        };
        let (rf, rt) = (self.facts.resolve(from), self.facts.resolve(to));
        if rf == from && rt == to {
            return kind;
        }
        goescape_ir::expr::classify_conversion(&self.facts.store, rf, rt)
    }

    fn conversion(&mut self, k: Hole, e: ExprId, kind: ConvKind, x: ExprId) {
        let pkg = self.pkg;
        let to = pkg.expr(e).ty;
        let from = pkg.expr(x).ty;
        match kind {
            ConvKind::ToInterface => {
                let mut k = k;
                if !self.facts.is_interface(from) && !self.facts.is_direct_iface(from) {
                    k = self.spill(k, e);
                }
                let k = self.note_expr(k, e, "interface-converted");
                self.expr(k, x);
            }
            ConvKind::StringToBytes
            | ConvKind::StringToRunes
            | ConvKind::BytesToString
            | ConvKind::RunesToString
            | ConvKind::RuneToString => {
                self.spill(k, e);
                self.discard(x);
            }
            ConvKind::SliceToArray => {
                let k = self.note_expr(k.deref(), e, "slice-to-array");
                self.expr(k, x);
            }
            ConvKind::SliceToArrayPointer => self.expr(k, x),
            ConvKind::Value | ConvKind::NoOp => {
                if self.facts.is_unsafe_pointer(to) && self.facts.is_uintptr(from) {
                    self.unsafe_value(k, x);
                } else {
                    self.expr(k, x);
                }
            }
        }
    }

    /// A uintptr that may hold a pointer converted from unsafe.Pointer.
    fn unsafe_value(&mut self, k: Hole, e: ExprId) {
        let pkg = self.pkg;
        let n = pkg.expr(e);
        match &n.kind {
            ExprKind::Conv {
                kind: ConvKind::Value | ConvKind::NoOp,
                x,
            } => {
                if self.facts.is_unsafe_pointer(pkg.expr(*x).ty) {
                    self.expr(k, *x);
                } else {
                    self.discard(*x);
                }
            }
            ExprKind::FieldPtr { x, .. } => self.discard(*x),
            ExprKind::Unary { x, .. } => self.unsafe_value(k, *x),
            ExprKind::Binary { op, x, y } => {
                use goescape_ir::expr::BinaryOp as B;
                match op {
                    B::Shl | B::Shr => {
                        self.unsafe_value(k, *x);
                        self.discard(*y);
                    }
                    B::Eq | B::Ne | B::Lt | B::Le | B::Gt | B::Ge => {
                        let d = self.discard_hole();
                        self.expr(d, e);
                    }
                    _ => {
                        self.unsafe_value(k, *x);
                        self.unsafe_value(k, *y);
                    }
                }
            }
            _ => {
                let d = self.discard_hole();
                self.expr(d, e);
            }
        }
    }

    /// Where a method value's receiver goes: its parameter's leaks, results to heap.
    fn method_value_receiver_hole(&mut self, method: goescape_types::ObjId) -> Hole {
        let results = vec![self.heap_hole(); crate::leaks::NUM_RESULTS];
        self.param_hole(Some(&results), Some(method), 0)
    }
}
