//! Implicit conversions at assignments: gc's `AssignConv` makes the conversion of a
//! concrete value to an interface explicit (OCONVIFACE), which escape analysis sees as an
//! allocation unless the value fits in the interface's data word.

use goescape_types::predicates::identical;
use goescape_types::TypeId;

use super::Lowerer;
use crate::expr::{ConvKind, ExprKind, IrType};
use crate::ids::ExprId;

impl Lowerer<'_, '_> {
    /// `x` converted for assignment to a variable of type `to`.
    pub(super) fn assign_conv(&mut self, x: ExprId, to: TypeId) -> ExprId {
        let expr = self.out.expr(x);
        // At the converted expression as written: an explicit conversion's `(`.
        let pos = self.syntax_pos.get(&x).copied().unwrap_or(expr.pos);
        let from = match expr.ty {
            IrType::Go(t) => t,
            IrType::PointerTo(_) => return x,
        };
        if matches!(expr.kind, ExprKind::Nil) {
            // nil takes the type it is assigned to.
            self.out.exprs[x.index()].ty = IrType::Go(to);
            return x;
        }
        if from == to || identical(self.store, from, to) {
            return x;
        }
        let kind = if self.is_interface_type(to) {
            ConvKind::ToInterface
        } else {
            ConvKind::NoOp
        };
        self.mk(ExprKind::Conv { kind, x }, IrType::Go(to), pos, true)
    }
}
