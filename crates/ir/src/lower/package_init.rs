//! Package-level variable initialisation: gc's `staticinit` lays out the initialisers it
//! can evaluate at link time as data; the others run in the package's `init` function,
//! which escape analysis sees like any other function. gc reads every initialiser into
//! `init`, so function literals, in static initialisers too, are `init.funcN`.

use goescape_syntax::ast::{self, ExprKind as Ast};
use goescape_types::check::Mode;
use goescape_types::ty::Type;

use super::Lowerer;
use crate::expr::{ConvKind, ExprKind, IrType};
use crate::func::{Func, FuncKind};
use crate::ids::ExprId;
use crate::pos::IrPos;
use crate::stmt::{PairKind, StmtKind};

impl Lowerer<'_, '_> {
    /// Lowers the package's variable initialisers in initialisation order.
    pub(super) fn package_init(&mut self) {
        let inits = &self.input.info.init_order;
        if inits.is_empty() {
            return;
        }
        let init = self.new_func(Func::new(
            "init".to_owned(),
            FuncKind::Declared,
            super::INVALID_TYPE,
            IrPos::NONE,
        ));
        let saved = std::mem::replace(&mut self.cur, init);
        let mut body = Vec::new();
        for initializer in inits {
            self.file_idx = initializer.file as u32;
            let value = initializer.init;
            if let [target] = initializer.lhs[..] {
                let is_static = self.is_static(value);
                self.static_globals.insert(target, is_static);
                self.init_single(target, value, &mut body);
                continue;
            }
            let v = self.expr(value);
            let pos = self.out.expr(v).pos;
            let targets: Vec<ExprId> = initializer
                .lhs
                .iter()
                .map(|&obj| self.global_target(obj, pos))
                .collect();
            let kind = if matches!(self.out.expr(v).kind, ExprKind::Call { .. }) {
                StmtKind::AssignCall {
                    lhs: targets.into_iter().map(Some).collect(),
                    call: v,
                }
            } else {
                StmtKind::AssignPair {
                    kind: PairKind::Plain,
                    lhs: targets.into_iter().map(Some).collect(),
                    rhs: vec![v],
                }
            };
            let s = self.stmt_new(kind, pos);
            body.append(&mut self.pending);
            body.push(s);
        }
        self.out.funcs[init.index()].body = Some(body);
        self.cur = saved;
    }

    /// `_` or the package-level variable `obj`, as an assignment target.
    fn global_target(&mut self, obj: goescape_types::ObjId, pos: IrPos) -> ExprId {
        let o = self.store.obj(obj);
        let ty = o.ty.unwrap_or(super::INVALID_TYPE);
        if &*o.name == "_" {
            self.mk(ExprKind::Blank, IrType::Go(ty), pos, false)
        } else {
            self.mk(ExprKind::Global(obj), IrType::Go(ty), pos, false)
        }
    }

    /// `var target = value`: what gc's `staticinit` cannot lay out as data is assigned in
    /// `init`. The storage of a composite literal (or of `&T{...}`) is static; only its
    /// dynamic elements are assigned, each on its own.
    fn init_single(
        &mut self,
        target: goescape_types::ObjId,
        value: ast::ExprId,
        body: &mut Vec<crate::ids::StmtId>,
    ) {
        if self.is_static(value) {
            if self.is_constant_data(value) {
                // Tables of constants (unicode's, nistec's precomputed points) are data
                // and nothing else: lowering them would only fill the arenas.
                return;
            }
            // Laid out as data: only its function literals remain, as functions.
            self.expr(value);
            self.pending.clear();
            return;
        }
        if self.decompose_literal(target, value, body) {
            return;
        }
        // gc's statement is at the variable's name.
        let pos = self
            .store
            .obj(target)
            .pos
            .map_or(IrPos::NONE, |p| IrPos::new(p.file, p.offset));
        let wrap = self.wraps_map_init(value);
        let init_fn = self.cur;
        if wrap {
            // A large map literal without side effects is initialised in a function of
            // its own, `map.init.N`.
            let f = self.new_func(Func::new(
                format!("map.init.{}", self.map_inits),
                FuncKind::Declared,
                super::INVALID_TYPE,
                pos,
            ));
            self.map_inits += 1;
            self.cur = f;
        }
        let v = self.expr(value);
        let t = self.global_target(target, pos);
        let v = if matches!(self.out.expr(t).kind, ExprKind::Blank) {
            v
        } else {
            let ty = self.go_type(t).unwrap_or(super::INVALID_TYPE);
            self.assign_conv(v, ty)
        };
        let s = self.stmt_new(StmtKind::Assign { x: t, y: Some(v) }, pos);
        if wrap {
            let mut stmts = std::mem::take(&mut self.pending);
            stmts.push(s);
            self.out.funcs[self.cur.index()].body = Some(stmts);
            self.cur = init_fn;
        } else {
            body.append(&mut self.pending);
            body.push(s);
        }
    }

    /// gc's `tryWrapGlobalInit`: a map literal of at least 20 IR nodes and without
    /// side effects.
    fn wraps_map_init(&self, value: ast::ExprId) -> bool {
        let inner = self.strip_parens_pub(value);
        if !matches!(self.file().expr(inner).kind, Ast::CompositeLit { .. }) {
            return false;
        }
        if !matches!(self.underlying(self.type_of(inner)), Type::Map { .. }) {
            return false;
        }
        let mut size = 0usize;
        let mut effects = false;
        self.count_nodes(inner, &mut size, &mut effects);
        size >= 20 && !effects
    }

    /// Counts the IR nodes gc makes of an initialiser (a key-value pair is a node of
    /// its own) and notes calls.
    fn count_nodes(&self, e: ast::ExprId, size: &mut usize, effects: &mut bool) {
        let file = self.file();
        let e = self.strip_parens_pub(e);
        *size += 1;
        if self.tv(e).is_some_and(|tv| tv.mode == Mode::Constant) {
            return;
        }
        match &file.expr(e).kind {
            Ast::CompositeLit { elts, .. } => {
                for &el in elts.iter() {
                    self.count_nodes(el, size, effects);
                }
            }
            Ast::KeyValue { key, value, .. } => {
                self.count_nodes(*key, size, effects);
                self.count_nodes(*value, size, effects);
            }
            Ast::Call { fun, args, .. } => {
                if !self.tv(*fun).is_some_and(|tv| tv.mode == Mode::TypeExpr) {
                    *effects = true;
                }
                for &a in args.iter() {
                    self.count_nodes(a, size, effects);
                }
            }
            Ast::Unary { x, op, .. } => {
                if *op == goescape_syntax::Token::Arrow {
                    *effects = true;
                }
                self.count_nodes(*x, size, effects);
            }
            Ast::Binary { x, y, .. } => {
                self.count_nodes(*x, size, effects);
                self.count_nodes(*y, size, effects);
            }
            Ast::Index { x, index, .. } => {
                self.count_nodes(*x, size, effects);
                self.count_nodes(*index, size, effects);
            }
            _ => {}
        }
    }

    /// A composite literal (or `&T{...}`) that gc lays out statically with its dynamic
    /// elements assigned one by one: false if `value` is not one.
    fn decompose_literal(
        &mut self,
        target: goescape_types::ObjId,
        value: ast::ExprId,
        body: &mut Vec<crate::ids::StmtId>,
    ) -> bool {
        let file = self.file();
        let inner = self.strip_parens_pub(value);
        let literal = match &file.expr(inner).kind {
            Ast::Unary {
                op: goescape_syntax::Token::And,
                x,
                ..
            } => {
                let x = self.strip_parens_pub(*x);
                matches!(file.expr(x).kind, Ast::CompositeLit { .. }).then_some(x)
            }
            Ast::CompositeLit { .. } => Some(inner),
            _ => None,
        };
        if let Some(lit) = literal {
            let ty = self.type_of(lit);
            let ty = match self.underlying(ty) {
                Type::Pointer(e) => *e,
                _ => ty,
            };
            if !matches!(self.underlying(ty), Type::Map { .. }) {
                if let Ast::CompositeLit { elts, .. } = &file.expr(lit).kind {
                    let fields = match self.underlying(ty) {
                        Type::Struct(s) => s.fields.clone(),
                        _ => Vec::new(),
                    };
                    let elem = match self.underlying(ty) {
                        Type::Array { elem, .. } | Type::Slice(elem) => Some(*elem),
                        _ => None,
                    };
                    for (i, &el) in elts.iter().enumerate() {
                        let (key, v) = match &file.expr(el).kind {
                            Ast::KeyValue { key, value, .. } => (Some(*key), *value),
                            _ => (None, el),
                        };
                        let el_ty = match elem {
                            Some(e) => Some(e),
                            None => {
                                let field = match key {
                                    Some(k) => match &file.expr(k).kind {
                                        Ast::Ident(id) => {
                                            let name = file.ident_name(*id);
                                            fields
                                                .iter()
                                                .copied()
                                                .find(|&f| *self.store.obj(f).name == *name)
                                        }
                                        _ => None,
                                    },
                                    None => fields.get(i).copied(),
                                };
                                field.and_then(|f| self.store.obj(f).ty)
                            }
                        };
                        self.init_element(target, v, el_ty, body);
                    }
                    return true;
                }
            }
        }
        false
    }

    /// An element of a statically laid out literal: static, laid out in turn, or
    /// assigned in `init`.
    fn init_element(
        &mut self,
        target: goescape_types::ObjId,
        value: ast::ExprId,
        ty: Option<goescape_types::TypeId>,
        body: &mut Vec<crate::ids::StmtId>,
    ) {
        if self.is_static(value) {
            // Laid out as data, but read by gc as part of an initializer that is not
            // static as a whole: its function literals are `init.funcN`.
            self.expr(value);
            self.pending.clear();
            return;
        }
        if self.decompose_literal(target, value, body) {
            return;
        }
        let v = self.expr(value);
        let v = match ty {
            Some(t) => self.assign_conv(v, t),
            None => v,
        };
        let pos = self.out.expr(v).pos;
        let vt = self.out.expr(v).ty;
        // Stored into the variable's static storage: a store to a global.
        let t = self.global_target(target, pos);
        self.out.exprs[t.index()].ty = vt;
        let s = self.stmt_new(StmtKind::Assign { x: t, y: Some(v) }, pos);
        body.append(&mut self.pending);
        body.push(s);
    }

    /// Whether `e` is a package-level variable, or a field or constant-index element of
    /// one, whose address is a link-time constant.
    fn global_address(&self, e: ast::ExprId) -> bool {
        let mut e = self.strip_parens_pub(e);
        for _ in 0..1000 {
            match &self.file().expr(e).kind {
                Ast::Selector { x, .. } if self.finfo().selections.contains_key(&e) => {
                    let through_pointer =
                        self.finfo().selections.get(&e).is_some_and(|s| s.indirect);
                    if through_pointer {
                        return false;
                    }
                    e = self.strip_parens_pub(*x);
                }
                Ast::Index { x, index, .. }
                    if self.tv(*index).is_some_and(|tv| tv.value.is_some())
                        && matches!(self.underlying(self.type_of(*x)), Type::Array { .. }) =>
                {
                    e = self.strip_parens_pub(*x);
                }
                _ => {
                    return self.used_object(e).is_some_and(|o| {
                        let obj = self.store.obj(o);
                        matches!(obj.kind, goescape_types::ObjKind::Var(_))
                            && obj.parent.is_some_and(|p| {
                                obj.pkg
                                    .is_some_and(|pkg| self.store.package(pkg).scope == Some(p))
                            })
                    })
                }
            }
        }
        false
    }

    /// Whether gc's `staticinit` can lay out the initialiser as data.
    /// A constant, or a composite literal (or its address) of constants only, whose
    /// types are no generic instances (instances a package reads must stay visible).
    fn is_constant_data(&self, e: ast::ExprId) -> bool {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.is_constant_data_inner(e))
    }

    fn is_constant_data_inner(&self, e: ast::ExprId) -> bool {
        if self.tv(e).is_some_and(|tv| tv.mode == Mode::Constant) {
            return true;
        }
        let file = self.file();
        match &file.expr(e).kind {
            Ast::Paren { x, .. } => self.is_constant_data(*x),
            Ast::Unary {
                op: goescape_syntax::Token::And,
                x,
                ..
            } => {
                let inner = self.strip_parens_pub(*x);
                matches!(&file.expr(inner).kind, Ast::CompositeLit { .. })
                    && self.is_constant_data(inner)
            }
            Ast::CompositeLit { elts, .. } => {
                self.instance_free(self.type_of(e), 0)
                    && elts.iter().all(|&el| match &file.expr(el).kind {
                        Ast::KeyValue { value, .. } => self.is_constant_data(*value),
                        _ => self.is_constant_data(el),
                    })
            }
            _ => false,
        }
    }

    /// Whether `t` is built without generic instances (declared types are not looked
    /// into: the package's declarations already mention them).
    fn instance_free(&self, t: goescape_types::TypeId, depth: usize) -> bool {
        if depth > 16 {
            return false;
        }
        let t = goescape_types::under::unalias(self.store, t);
        match self.store.ty(t) {
            Type::Named(n) => n.type_args.is_empty(),
            Type::Basic(_) => true,
            Type::Pointer(e) | Type::Slice(e) => self.instance_free(*e, depth + 1),
            Type::Array { elem, .. } => self.instance_free(*elem, depth + 1),
            Type::Map { key, elem } => {
                self.instance_free(*key, depth + 1) && self.instance_free(*elem, depth + 1)
            }
            Type::Struct(st) => st.fields.iter().all(|&f| {
                self.store
                    .obj(f)
                    .ty
                    .is_some_and(|ft| self.instance_free(ft, depth + 1))
            }),
            _ => false,
        }
    }

    fn is_static(&self, e: ast::ExprId) -> bool {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.is_static_inner(e))
    }

    fn is_static_inner(&self, e: ast::ExprId) -> bool {
        if self
            .tv(e)
            .is_some_and(|tv| tv.mode == Mode::Constant || tv.mode == Mode::TypeExpr)
        {
            return true;
        }
        let file = self.file();
        match &file.expr(e).kind {
            Ast::Paren { x, .. } => self.is_static(*x),
            Ast::Ident(_) | Ast::Selector { .. } => {
                // nil and functions are static, and so is a variable of this package
                // (gc copies its static value).
                match self.used_object(e) {
                    Some(o) => match &self.store.obj(o).kind {
                        goescape_types::ObjKind::Nil | goescape_types::ObjKind::Func(_) => true,
                        goescape_types::ObjKind::Var(_) => {
                            self.store.obj(o).pkg == Some(self.input.pkg)
                                && self.static_globals.get(&o).copied().unwrap_or(true)
                        }
                        _ => false,
                    },
                    None => false,
                }
            }
            Ast::FuncLit { .. } => true,
            Ast::Unary {
                op: goescape_syntax::Token::And,
                x,
                ..
            } => {
                let inner = self.strip_parens_pub(*x);
                match &file.expr(inner).kind {
                    Ast::CompositeLit { .. } => self.is_static(inner),
                    // The address of (a field or constant element of) a package-level
                    // variable.
                    _ => self.global_address(inner),
                }
            }
            Ast::CompositeLit { elts, .. } => {
                let ty = self.type_of(e);
                if matches!(self.underlying(ty), Type::Map { .. }) {
                    return false;
                }
                elts.iter().all(|&el| match &file.expr(el).kind {
                    Ast::KeyValue { value, .. } => self.is_static(*value),
                    _ => self.is_static(el),
                })
            }
            Ast::Call { fun, args, .. } => {
                // Conversions of static values that change no representation.
                if self.tv(*fun).is_some_and(|tv| tv.mode == Mode::TypeExpr) && args.len() == 1 {
                    let to = self.type_of(e);
                    let from = self.type_of(args[0]);
                    let kind = self.conv_kind(from, to);
                    // A constant string's bytes are laid out as data too.
                    let constant = self.tv(args[0]).is_some_and(|tv| tv.mode == Mode::Constant);
                    return match kind {
                        ConvKind::NoOp | ConvKind::ToInterface => self.is_static(args[0]),
                        ConvKind::StringToBytes => constant,
                        _ => false,
                    };
                }
                false
            }
            _ => false,
        }
    }
}
