//! Expressions: operands, operators, selectors, literals.

use goescape_constant::Value;
use goescape_syntax::ast::{self, ExprKind as Ast, LitKind};
use goescape_syntax::Token;
use goescape_types::check::{Mode, TypeAndValue};
use goescape_types::object::{ObjKind, VarKind};
use goescape_types::selection::SelectionKind;
use goescape_types::ty::Type;
use goescape_types::{ObjId, TypeId};

use super::positions::gc_pos;
use super::Lowerer;
use crate::expr::{BinaryOp, ConvKind, Expr, ExprKind, IrType, SliceKind, UnaryOp};
use crate::ids::ExprId;
use crate::pos::IrPos;

impl<'a> Lowerer<'a, '_> {
    pub(super) fn mk(&mut self, kind: ExprKind, ty: IrType, pos: IrPos, implicit: bool) -> ExprId {
        self.out.add_expr(Expr {
            kind,
            ty,
            pos,
            implicit,
        })
    }

    /// The declared method an instance's method stands for (the checker gives each
    /// instance of a generic type its own copies).
    pub(super) fn method_origin(&self, m: goescape_types::ObjId) -> goescape_types::ObjId {
        match &self.store.obj(m).kind {
            goescape_types::ObjKind::Func(info) => info.origin.unwrap_or(m),
            _ => m,
        }
    }

    pub(super) fn tv(&self, id: ast::ExprId) -> Option<&'a TypeAndValue> {
        self.finfo().types.get(&id)
    }

    /// The recorded type of an expression (invalid type if none).
    pub(super) fn type_of(&self, id: ast::ExprId) -> TypeId {
        self.tv(id).map_or(super::INVALID_TYPE, |tv| tv.ty)
    }

    pub(super) fn gc_pos(&self, id: ast::ExprId) -> IrPos {
        self.pos(gc_pos(self.file(), id))
    }

    pub(super) fn ir_type(&self, id: ExprId) -> IrType {
        self.out.expr(id).ty
    }

    /// The Go type of an IR expression (a `PointerTo` reports its element's pointer
    /// type only through [`IrType`]).
    pub(super) fn go_type(&self, id: ExprId) -> Option<TypeId> {
        match self.out.expr(id).ty {
            IrType::Go(t) => Some(t),
            IrType::PointerTo(_) => None,
        }
    }

    fn strip_parens(&self, mut id: ast::ExprId) -> ast::ExprId {
        while let Ast::Paren { x, .. } = &self.file().expr(id).kind {
            id = *x;
        }
        id
    }

    /// The object an identifier or qualified identifier denotes.
    pub(super) fn used_object(&self, id: ast::ExprId) -> Option<ObjId> {
        let id = self.strip_parens(id);
        match &self.file().expr(id).kind {
            Ast::Ident(ident) => self.finfo().uses.get(&ident.span.start).copied(),
            Ast::Selector { sel, .. } => {
                if self.finfo().selections.contains_key(&id) {
                    None
                } else {
                    self.finfo().uses.get(&sel.span.start).copied()
                }
            }
            _ => None,
        }
    }

    /// Lowers an expression used as a value.
    pub(super) fn expr(&mut self, id: ast::ExprId) -> ExprId {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.expr_inner(id))
    }

    fn expr_inner(&mut self, id: ast::ExprId) -> ExprId {
        let pos = self.gc_pos(id);
        let tv = self.tv(id);
        let ty = self.type_of(id);
        // Constants are literals in gc's IR, named ones keep their name for printing.
        if let Some(TypeAndValue {
            mode: Mode::Constant,
            value: Some(v),
            ..
        }) = tv
        {
            // gc keeps no name for constants: a named one prints as its typed value.
            let name = None;
            return self.mk(
                ExprKind::Const {
                    value: v.clone(),
                    name,
                },
                IrType::Go(ty),
                pos,
                false,
            );
        }
        let file = self.file();
        match &file.expr(id).kind {
            Ast::Paren { x, .. } => self.expr(*x),
            Ast::Ident(ident) => {
                if file.ident_name(*ident) == "nil"
                    && self
                        .finfo()
                        .uses
                        .get(&ident.span.start)
                        .is_some_and(|&o| matches!(self.store.obj(o).kind, ObjKind::Nil))
                {
                    return self.mk(ExprKind::Nil, IrType::Go(ty), pos, false);
                }
                match self.finfo().uses.get(&ident.span.start).copied() {
                    Some(obj) => {
                        let e = self.object_ref(obj, ty, pos);
                        self.note_instance(e, ident.span.start);
                        e
                    }
                    None => self.mk(ExprKind::Nil, IrType::Go(ty), pos, false),
                }
            }
            Ast::BasicLit { kind, .. } => {
                // A literal without a recorded value (after an error).
                let value = match kind {
                    LitKind::String => Value::from_string(Vec::new()),
                    _ => Value::from_i64(0),
                };
                self.mk(
                    ExprKind::Const { value, name: None },
                    IrType::Go(ty),
                    pos,
                    false,
                )
            }
            Ast::FuncLit { body, .. } => self.closure(id, body, pos),
            Ast::CompositeLit { .. } => self.composite_lit(id, ty, pos),
            Ast::Selector { x, sel } => {
                if let Some(selection) = self.finfo().selections.get(&id).cloned() {
                    match selection.kind {
                        SelectionKind::FieldVal => {
                            let base = self.expr(*x);
                            self.field_path(base, &selection.index, pos, ty)
                        }
                        SelectionKind::MethodVal => {
                            let recv = self.expr(*x);
                            let path = &selection.index[..selection.index.len() - 1];
                            let recv = self.embedded_path(recv, path, pos);
                            let recv = self.method_receiver(recv, selection.obj, pos);
                            self.mk(
                                ExprKind::MethodValue {
                                    x: recv,
                                    method: self.method_origin(selection.obj),
                                },
                                IrType::Go(ty),
                                pos,
                                false,
                            )
                        }
                        SelectionKind::MethodExpr => {
                            let recv = selection.recv;
                            let pointer = matches!(self.underlying(recv), Type::Pointer(_));
                            self.mk(
                                ExprKind::MethodExpr {
                                    recv,
                                    method: self.method_origin(selection.obj),
                                    pointer,
                                },
                                IrType::Go(ty),
                                pos,
                                false,
                            )
                        }
                    }
                } else {
                    // A qualified identifier pkg.Name.
                    match self.finfo().uses.get(&sel.span.start).copied() {
                        Some(obj) => {
                            let e = self.object_ref(obj, ty, pos);
                            self.note_instance(e, sel.span.start);
                            e
                        }
                        None => self.mk(ExprKind::Nil, IrType::Go(ty), pos, false),
                    }
                }
            }
            Ast::Index { x, index, .. } => self.index(id, *x, *index, ty, pos),
            Ast::IndexList { x, .. } => self.instantiation(*x, ty, pos),
            Ast::Slice {
                x, low, high, max, ..
            } => {
                let (low, high, max) = (*low, *high, *max);
                let xt = self.type_of(*x);
                let (kind, base) = match self.underlying(xt) {
                    Type::Basic(_) => (SliceKind::String, self.expr(*x)),
                    Type::Array { .. } => {
                        // Slicing an addressable array takes its address.
                        let arr = self.expr(*x);
                        let p = self.mk(
                            ExprKind::AddrOf(arr),
                            IrType::PointerTo(xt),
                            self.out.expr(arr).pos,
                            true,
                        );
                        (SliceKind::Array, p)
                    }
                    Type::Pointer(_) => (SliceKind::Array, self.expr(*x)),
                    _ => (SliceKind::Slice, self.expr(*x)),
                };
                let low = low.map(|e| self.expr(e));
                let high = high.map(|e| self.expr(e));
                let max = max.map(|e| self.expr(e));
                self.mk(
                    ExprKind::Slice {
                        kind,
                        x: base,
                        low,
                        high,
                        max,
                    },
                    IrType::Go(ty),
                    pos,
                    false,
                )
            }
            Ast::TypeAssert { x, .. } => {
                let x = self.expr(*x);
                self.mk(
                    ExprKind::TypeAssert { x, comma_ok: false },
                    IrType::Go(ty),
                    pos,
                    false,
                )
            }
            Ast::Call { .. } => self.call_expr(id, ty, pos),
            Ast::Star { x, .. } => {
                let x = self.expr(*x);
                self.mk(ExprKind::Deref(x), IrType::Go(ty), pos, false)
            }
            Ast::Unary { op, x, .. } => self.unary(*op, *x, ty, pos),
            Ast::Binary { x, op, y, .. } => self.binary(*x, *op, *y, ty, pos),
            _ => {
                // Types and other non-values (after errors): nothing flows.
                self.mk(ExprKind::Nil, IrType::Go(ty), pos, false)
            }
        }
    }

    /// A reference to a declared entity.
    fn object_ref(&mut self, obj: ObjId, ty: TypeId, pos: IrPos) -> ExprId {
        let o = self.store.obj(obj);
        let kind = match &o.kind {
            ObjKind::Var(info) => {
                let package_level = info.kind == VarKind::Var
                    && o.parent.is_some_and(|s| {
                        self.store
                            .package(o.pkg.unwrap_or(goescape_types::PkgIdx::UNIVERSE))
                            .scope
                            == Some(s)
                    });
                if package_level || o.pkg != Some(self.input.pkg) {
                    ExprKind::Global(obj)
                } else {
                    match self.var_of.get(&obj).copied() {
                        Some(v) => {
                            self.note_capture(v, pos);
                            ExprKind::Var(v)
                        }
                        None => ExprKind::Global(obj),
                    }
                }
            }
            ObjKind::Func(_) => ExprKind::FuncName(obj),
            ObjKind::Nil => ExprKind::Nil,
            _ => ExprKind::Nil,
        };
        self.mk(kind, IrType::Go(ty), pos, false)
    }

    /// Follows the embedded fields of a selection path from `base`, dereferencing
    /// pointers implicitly, and selects the last field.
    fn field_path(&mut self, base: ExprId, index: &[u32], pos: IrPos, ty: TypeId) -> ExprId {
        let (last, path) = index.split_last().expect("a selection has an index");
        let x = self.embedded_path(base, path, pos);
        let Some(field) = self.struct_field(x, *last) else {
            return self.mk(ExprKind::Nil, IrType::Go(ty), pos, false);
        };
        self.select_field(x, field, ty, pos, false)
    }

    /// `x.f` or, through a pointer, `x.f` as gc's ODOTPTR.
    fn select_field(
        &mut self,
        x: ExprId,
        field: ObjId,
        ty: TypeId,
        pos: IrPos,
        implicit: bool,
    ) -> ExprId {
        let through_pointer = self.is_pointer_expr(x);
        let kind = if through_pointer {
            ExprKind::FieldPtr { x, field }
        } else {
            ExprKind::Field { x, field }
        };
        self.mk(kind, IrType::Go(ty), pos, implicit)
    }

    pub(super) fn is_pointer_expr(&self, x: ExprId) -> bool {
        match self.ir_type(x) {
            IrType::PointerTo(_) => true,
            IrType::Go(t) => matches!(self.underlying(t), Type::Pointer(_)),
        }
    }

    /// The embedded fields `path` selected from `x`, as implicit selections.
    pub(super) fn embedded_path(&mut self, x: ExprId, path: &[u32], pos: IrPos) -> ExprId {
        let mut x = x;
        for &i in path {
            let Some(field) = self.struct_field(x, i) else {
                break;
            };
            let Some(fty) = self.store.obj(field).ty else {
                break;
            };
            x = self.select_field(x, field, fty, pos, true);
        }
        x
    }

    /// Field `i` of the struct `x` is (or points to).
    fn struct_field(&self, x: ExprId, i: u32) -> Option<ObjId> {
        let t = match self.ir_type(x) {
            IrType::PointerTo(t) => t,
            IrType::Go(t) => match self.underlying(t) {
                Type::Pointer(e) => *e,
                _ => t,
            },
        };
        match self.underlying(t) {
            Type::Struct(s) => s.fields.get(i as usize).copied(),
            _ => None,
        }
    }

    fn index(
        &mut self,
        id: ast::ExprId,
        x: ast::ExprId,
        index: ast::ExprId,
        ty: TypeId,
        pos: IrPos,
    ) -> ExprId {
        // A generic function instantiated with one type argument.
        if self.tv(x).is_some_and(
            |tv| matches!(self.underlying(tv.ty), Type::Signature(s) if !s.type_params.is_empty()),
        ) {
            let _ = id;
            return self.instantiation(x, ty, pos);
        }
        let xt = self.type_of(x);
        match self.underlying(xt) {
            Type::Map { key, .. } => {
                let key = *key;
                let m = self.expr(x);
                let k = self.expr(index);
                let k = self.assign_conv(k, key);
                self.mk(
                    ExprKind::MapIndex { x: m, key: k },
                    IrType::Go(ty),
                    pos,
                    false,
                )
            }
            Type::Array { .. } => {
                let a = self.expr(x);
                self.index_of(a, index, true, ty, pos)
            }
            Type::Pointer(elem) => {
                // p[i] of a pointer to an array: (*p)[i].
                let elem = *elem;
                let p = self.expr(x);
                let a = self.mk(ExprKind::Deref(p), IrType::Go(elem), pos, true);
                self.index_of(a, index, true, ty, pos)
            }
            _ => {
                let a = self.expr(x);
                self.index_of(a, index, false, ty, pos)
            }
        }
    }

    /// `F[T]`: the generic function, with its type arguments recorded.
    fn instantiation(&mut self, x: ast::ExprId, ty: TypeId, pos: IrPos) -> ExprId {
        match self.used_object(x) {
            Some(obj) if matches!(self.store.obj(obj).kind, ObjKind::Func(_)) => {
                let e = self.mk(ExprKind::FuncName(obj), IrType::Go(ty), pos, false);
                let x = self.strip_parens(x);
                let offset = match &self.file().expr(x).kind {
                    Ast::Ident(ident) => Some(ident.span.start),
                    Ast::Selector { sel, .. } => Some(sel.span.start),
                    _ => None,
                };
                if let Some(offset) = offset {
                    self.note_instance(e, offset);
                }
                e
            }
            _ => self.mk(ExprKind::Nil, IrType::Go(ty), pos, false),
        }
    }

    /// Records the type arguments of a reference to a generic function, as the checker
    /// recorded them for the identifier at `offset`.
    fn note_instance(&mut self, e: ExprId, offset: u32) {
        if !matches!(self.out.expr(e).kind, ExprKind::FuncName(_)) {
            return;
        }
        if let Some((targs, _)) = self.finfo().instances.get(&offset) {
            self.out.targs.insert(e, targs.clone());
        }
    }

    /// `a[index]` of a lowered array (`array`), slice or string.
    fn index_of(
        &mut self,
        a: ExprId,
        index: ast::ExprId,
        array: bool,
        ty: TypeId,
        pos: IrPos,
    ) -> ExprId {
        let i = self.expr(index);
        self.mk(
            ExprKind::Index {
                x: a,
                index: i,
                array,
            },
            IrType::Go(ty),
            pos,
            false,
        )
    }

    fn unary(&mut self, op: Token, x: ast::ExprId, ty: TypeId, pos: IrPos) -> ExprId {
        match op {
            Token::And => {
                let inner = self.strip_parens(x);
                if matches!(self.file().expr(inner).kind, Ast::CompositeLit { .. }) {
                    let lit = self.expr(inner);
                    return self.mk(ExprKind::PtrLit(lit), IrType::Go(ty), pos, false);
                }
                let x = self.expr(x);
                self.mk(ExprKind::AddrOf(x), IrType::Go(ty), pos, false)
            }
            Token::Arrow => {
                let x = self.expr(x);
                self.mk(ExprKind::Recv(x), IrType::Go(ty), pos, false)
            }
            _ => {
                let op = match op {
                    Token::Add => UnaryOp::Plus,
                    Token::Sub => UnaryOp::Neg,
                    Token::Xor => UnaryOp::BitNot,
                    _ => UnaryOp::Not,
                };
                let x = self.expr(x);
                self.mk(ExprKind::Unary { op, x }, IrType::Go(ty), pos, false)
            }
        }
    }

    fn binary(
        &mut self,
        x: ast::ExprId,
        op: Token,
        y: ast::ExprId,
        ty: TypeId,
        pos: IrPos,
    ) -> ExprId {
        match op {
            Token::LAnd | Token::LOr => {
                let x = self.expr(x);
                let y = self.expr(y);
                self.mk(
                    ExprKind::Logical {
                        and: op == Token::LAnd,
                        x,
                        y,
                    },
                    IrType::Go(ty),
                    pos,
                    false,
                )
            }
            Token::Add if self.is_string_type(ty) => {
                // String concatenation: one list for the whole chain, as gc's OADDSTR.
                let mut list = Vec::new();
                self.add_string_operands(x, &mut list);
                self.add_string_operands(y, &mut list);
                self.mk(ExprKind::AddString(list), IrType::Go(ty), pos, false)
            }
            _ => {
                let bop = binary_op(op);
                let mut xl = self.expr(x);
                let mut yl = self.expr(y);
                if matches!(bop, BinaryOp::Shl | BinaryOp::Shr) {
                    // gc gives an untyped constant shift count the type uint.
                    let count = self.out.expr(yl);
                    if matches!(count.kind, ExprKind::Const { .. })
                        && matches!(count.ty, IrType::Go(t) if self.is_untyped_type(t))
                    {
                        let uint =
                            super::universe_basic(self.store, goescape_types::BasicKind::Uint);
                        self.out.exprs[yl.index()].ty = IrType::Go(uint);
                    }
                }
                if matches!(bop, BinaryOp::Eq | BinaryOp::Ne) {
                    // Comparing an interface with a concrete value converts the value.
                    let xt = self.type_of(x);
                    let yt = self.type_of(y);
                    let xi = self.is_interface_type(xt);
                    let yi = self.is_interface_type(yt);
                    if xi && !yi && !self.is_nil_expr(yl) {
                        yl = self.assign_conv(yl, xt);
                    } else if yi && !xi && !self.is_nil_expr(xl) {
                        xl = self.assign_conv(xl, yt);
                    }
                }
                self.mk(
                    ExprKind::Binary {
                        op: bop,
                        x: xl,
                        y: yl,
                    },
                    IrType::Go(ty),
                    pos,
                    false,
                )
            }
        }
    }

    fn add_string_operands(&mut self, id: ast::ExprId, list: &mut Vec<ExprId>) {
        let id = self.strip_parens(id);
        let is_const = self.tv(id).is_some_and(|tv| tv.mode == Mode::Constant);
        if !is_const {
            if let Ast::Binary {
                x,
                op: Token::Add,
                y,
                ..
            } = self.file().expr(id).kind
            {
                if self.is_string_type(self.type_of(id)) {
                    self.add_string_operands(x, list);
                    self.add_string_operands(y, list);
                    return;
                }
            }
        }
        let e = self.expr(id);
        list.push(e);
    }

    pub(super) fn is_string_type(&self, ty: TypeId) -> bool {
        matches!(self.underlying(ty), Type::Basic(b) if matches!(b.kind, goescape_types::BasicKind::String | goescape_types::BasicKind::UntypedString))
    }

    /// An interface type; a type parameter is not one (gc compiles it as its shape).
    pub(super) fn is_interface_type(&self, ty: TypeId) -> bool {
        !goescape_types::under::is_type_param(self.store, ty)
            && matches!(self.underlying(ty), Type::Interface(_))
    }

    pub(super) fn is_nil_expr(&self, e: ExprId) -> bool {
        matches!(self.out.expr(e).kind, ExprKind::Nil)
    }

    /// A conversion `T(x)` written in the source. gc places it at its operand as written
    /// (a call operand at its `(`), and a conversion of it at the call's `(`.
    pub(super) fn conversion(&mut self, to: TypeId, arg: ast::ExprId, call_pos: IrPos) -> ExprId {
        let x = self.expr(arg);
        let pos = self.gc_pos(arg);
        let conv = self.conversion_of(to, arg, x, pos);
        self.syntax_pos.insert(conv, call_pos);
        conv
    }

    fn conversion_of(&mut self, to: TypeId, arg: ast::ExprId, x: ExprId, pos: IrPos) -> ExprId {
        let from = self.type_of(arg);
        let kind = self.conv_kind(from, to);
        self.mk(ExprKind::Conv { kind, x }, IrType::Go(to), pos, false)
    }

    /// Which of gc's conversion operations converts `from` to `to`.
    pub(super) fn conv_kind(&self, from: TypeId, to: TypeId) -> ConvKind {
        if goescape_types::under::is_type_param(self.store, to) {
            // To a type parameter: a conversion between shapes, not to an interface.
            return ConvKind::NoOp;
        }
        crate::expr::classify_conversion(self.store, from, to)
    }
}

fn binary_op(op: Token) -> BinaryOp {
    match op {
        Token::Add => BinaryOp::Add,
        Token::Sub => BinaryOp::Sub,
        Token::Mul => BinaryOp::Mul,
        Token::Quo => BinaryOp::Div,
        Token::Rem => BinaryOp::Rem,
        Token::And => BinaryOp::And,
        Token::Or => BinaryOp::Or,
        Token::Xor => BinaryOp::Xor,
        Token::AndNot => BinaryOp::AndNot,
        Token::Shl => BinaryOp::Shl,
        Token::Shr => BinaryOp::Shr,
        Token::Eql => BinaryOp::Eq,
        Token::Neq => BinaryOp::Ne,
        Token::Lss => BinaryOp::Lt,
        Token::Leq => BinaryOp::Le,
        Token::Gtr => BinaryOp::Gt,
        _ => BinaryOp::Ge,
    }
}
