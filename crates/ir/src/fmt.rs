//! Nodes and types spelled as gc spells them in `-m` messages (`ir/fmt.go`,
//! `types/fmt.go`): implicit operations print as their operand, an implicit slice literal
//! as `... argument`, composite literals as `T{...}`, closures as `func literal`, types
//! qualified by package name unless they belong to the package being compiled.

use std::fmt::Write as _;

use goescape_constant::{Kind, Value};
use goescape_types::basic::BasicKind;
use goescape_types::object::ObjKind;
use goescape_types::ty::{ChanDir, Type};
use goescape_types::{ObjId, PkgIdx, TypeId, TypeStore};

use crate::expr::{BinaryOp, BuiltinOp, ConvKind, ExprKind, IrType, UnaryOp};
use crate::ids::ExprId;
use crate::package::Package;

/// Prints nodes of `pkg` relative to the package being compiled.
pub struct Printer<'a> {
    pub pkg: &'a Package,
    pub store: &'a TypeStore<'a>,
    /// The package whose names print unqualified.
    pub local: PkgIdx,
    /// For an instance of a generic function: its type parameters' shapes.
    pub shapes: Option<&'a std::collections::HashMap<TypeId, String>>,
    /// Type facts (of the instance, if any), for the shapes of generic calls.
    pub facts: Option<&'a crate::type_facts::TypeFacts<'a>>,
    /// For an instance: the dictionary slot of each method expression on a type
    /// parameter (see [`dictionary_method_slots`]).
    pub dict_slots: Option<&'a std::collections::HashMap<ExprId, usize>>,
}

/// The dictionary slots of the method calls on type parameters in a generic function
/// (`funcs`: it and its closures): gc's writer numbers each distinct (type parameter,
/// method) pair in the order the source first uses it, and the shaped body calls
/// `(func(...))(&.dict[slot])`. Keyed by the callee's method expression.
pub fn dictionary_method_slots(
    pkg: &Package,
    store: &TypeStore<'_>,
    funcs: &[crate::ids::FuncId],
) -> std::collections::HashMap<ExprId, usize> {
    let mut uses = Vec::new();
    for &f in funcs {
        crate::visit::for_each_expr(pkg, f, |e| {
            if let ExprKind::Call {
                callee: crate::expr::Callee::Static { fun, .. },
                ..
            } = &pkg.expr(e).kind
            {
                if let ExprKind::MethodExpr { recv, method, .. } = pkg.expr(*fun).kind {
                    let recv = goescape_types::under::unalias(store, recv);
                    if let Type::TypeParam(param) = store.ty(recv) {
                        let pos = pkg.expr(*fun).pos;
                        // By index and name: each method of a generic type declares its
                        // own receiver type parameters, and each selection has its own
                        // copy of the method.
                        let name = store.obj(method).name.clone();
                        uses.push(((pos.file, pos.offset), *fun, (param.index, name)));
                    }
                }
            }
        });
    }
    uses.sort_by_key(|u| u.0);
    let mut pairs = Vec::new();
    let mut slots = std::collections::HashMap::new();
    for (_, fun, pair) in uses {
        let slot = match pairs.iter().position(|p| *p == pair) {
            Some(i) => i,
            None => {
                pairs.push(pair);
                pairs.len() - 1
            }
        };
        slots.insert(fun, slot);
    }
    slots
}

const PREC_ATOM: u8 = 8;
const PREC_UNARY: u8 = 7;

impl Printer<'_> {
    pub fn expr(&self, e: ExprId) -> String {
        let mut out = String::new();
        self.expr_prec(&mut out, e, 0);
        out
    }

    /// Skips implicit `&`, `*` and conversions, which gc prints as their operand.
    fn visible(&self, mut e: ExprId) -> ExprId {
        loop {
            let n = self.pkg.expr(e);
            if !n.implicit {
                return e;
            }
            match n.kind {
                ExprKind::AddrOf(x) | ExprKind::Deref(x) | ExprKind::Conv { x, .. } => e = x,
                _ => return e,
            }
        }
    }

    fn prec(&self, e: ExprId) -> u8 {
        match &self.pkg.expr(e).kind {
            ExprKind::Unary { .. }
            | ExprKind::AddrOf(_)
            | ExprKind::Deref(_)
            | ExprKind::Recv(_) => PREC_UNARY,
            ExprKind::Binary { op, .. } => binary_prec(*op),
            ExprKind::Logical { and: true, .. } => 2,
            ExprKind::Logical { and: false, .. } => 1,
            ExprKind::AddString(_) => 5,
            ExprKind::MethodExpr { pointer: true, .. } => PREC_ATOM,
            // gc gives OCLOSURE no precedence: `(func literal)(x)`.
            ExprKind::Closure(_) => 0,
            _ => PREC_ATOM,
        }
    }

    fn expr_prec(&self, out: &mut String, e: ExprId, prec: u8) {
        stacker::maybe_grow(32 * 1024, 1024 * 1024, || {
            self.expr_prec_inner(out, e, prec)
        });
    }

    fn expr_prec_inner(&self, out: &mut String, e: ExprId, prec: u8) {
        let e = self.visible(e);
        let n = self.pkg.expr(e);
        let nprec = self.prec(e);
        if prec > nprec {
            out.push('(');
            self.expr_prec(out, e, 0);
            out.push(')');
            return;
        }
        match &n.kind {
            ExprKind::Var(v) => {
                let var = self.pkg.var(*v);
                // Variables of an instance compiled in another package are qualified, as
                // are wrapper parameters declared by another package's method.
                if let Some(p) = var.qualifier(self.pkg.pkg, self.local) {
                    out.push_str(&self.store.package(p).name);
                    out.push('.');
                }
                out.push_str(if var.blank { "_" } else { &var.name });
            }
            ExprKind::Blank => out.push('_'),
            ExprKind::Global(obj) | ExprKind::FuncName(obj) => self.sym(out, *obj),
            ExprKind::MethodExpr {
                recv,
                method,
                pointer,
            } => {
                let ty = self.type_string(*recv);
                let is_pointer_type = matches!(self.store.ty(*recv), Type::Pointer(_));
                if *pointer && !is_pointer_type {
                    let _ = write!(out, "(*{ty})");
                } else if is_pointer_type {
                    let _ = write!(out, "({ty})");
                } else {
                    out.push_str(&ty);
                }
                out.push('.');
                out.push_str(&self.store.obj(*method).name);
            }
            ExprKind::Const { value, name } => match name {
                Some(obj) => self.sym(out, *obj),
                None => self.constant(out, value, n.ty),
            },
            ExprKind::Nil => out.push_str("nil"),
            ExprKind::Unary { op, x } => {
                let s = match op {
                    UnaryOp::Plus => "+",
                    UnaryOp::Neg => "-",
                    UnaryOp::BitNot => "^",
                    UnaryOp::Not => "!",
                };
                out.push_str(s);
                if matches!(&self.pkg.expr(self.visible(*x)).kind, ExprKind::Unary { op: o, .. } if o == op)
                {
                    out.push(' ');
                }
                self.expr_prec(out, *x, nprec + 1);
            }
            ExprKind::Binary { op, x, y } => {
                self.expr_prec(out, *x, nprec);
                let _ = write!(out, " {} ", binary_str(*op));
                self.expr_prec(out, *y, nprec + 1);
            }
            ExprKind::Logical { and, x, y } => {
                self.expr_prec(out, *x, nprec);
                out.push_str(if *and { " && " } else { " || " });
                self.expr_prec(out, *y, nprec + 1);
            }
            ExprKind::AddrOf(x) => {
                out.push('&');
                if matches!(self.pkg.expr(self.visible(*x)).kind, ExprKind::AddrOf(_)) {
                    out.push(' ');
                }
                self.expr_prec(out, *x, nprec + 1);
            }
            ExprKind::Deref(x) => {
                out.push('*');
                self.expr_prec(out, *x, nprec + 1);
            }
            ExprKind::Field { x, field } | ExprKind::FieldPtr { x, field } => {
                self.expr_prec(out, *x, nprec);
                out.push('.');
                out.push_str(&self.store.obj(*field).name);
            }
            ExprKind::MethodValue { x, method } | ExprKind::InterfaceMethod { x, method } => {
                self.expr_prec(out, *x, nprec);
                out.push('.');
                out.push_str(&self.store.obj(*method).name);
            }
            // In shaped code, an assertion to a type built from type parameters takes
            // its type from the dictionary at run time: gc's printer has no case for
            // those nodes.
            ExprKind::TypeAssert { comma_ok, .. }
                if self.shapes.is_some()
                    && matches!(n.ty, IrType::Go(t) if crate::shape::has_type_params(self.store, t, 0)) =>
            {
                out.push_str(if *comma_ok {
                    "<node DYNAMICDOTTYPE2>"
                } else {
                    "<node DYNAMICDOTTYPE>"
                });
            }
            ExprKind::TypeAssert { x, .. } => {
                self.expr_prec(out, *x, nprec);
                let _ = write!(out, ".({})", self.ir_type_string(n.ty));
            }
            ExprKind::Index { x, index, .. } | ExprKind::MapIndex { x, key: index } => {
                self.expr_prec(out, *x, nprec);
                out.push('[');
                self.expr_prec(out, *index, 0);
                out.push(']');
            }
            ExprKind::Slice {
                x, low, high, max, ..
            } => {
                self.expr_prec(out, *x, nprec);
                out.push('[');
                if let Some(l) = low {
                    self.expr_prec(out, *l, 0);
                }
                out.push(':');
                if let Some(h) = high {
                    self.expr_prec(out, *h, 0);
                }
                if let Some(m) = max {
                    out.push(':');
                    self.expr_prec(out, *m, 0);
                }
                out.push(']');
            }
            ExprKind::Conv { kind, x } => {
                let _ = kind;
                let named = self.has_sym(n.ty);
                let t = self.ir_type_string(n.ty);
                if named {
                    out.push_str(&t);
                } else {
                    let _ = write!(out, "({t})");
                }
                out.push('(');
                self.expr_prec(out, *x, 0);
                out.push(')');
            }
            ExprKind::Call { callee, args, ddd } => {
                let fun = match callee {
                    crate::expr::Callee::Static { fun, .. }
                    | crate::expr::Callee::Local { fun, .. }
                    | crate::expr::Callee::Dynamic { fun } => Some(*fun),
                    crate::expr::Callee::Interface { .. } => None,
                };
                if let Some(f) = fun {
                    if self.generic_call(out, f, args) || self.dictionary_call(out, f, args) {
                        return;
                    }
                }
                match (fun, callee) {
                    (Some(f), _) => self.expr_prec(out, f, nprec),
                    (None, crate::expr::Callee::Interface { recv, method, .. }) => {
                        self.expr_prec(out, *recv, nprec);
                        out.push('.');
                        out.push_str(&self.store.obj(*method).name);
                    }
                    _ => {}
                }
                out.push('(');
                self.list(out, args);
                if *ddd {
                    out.push_str("...");
                }
                out.push(')');
            }
            // gc's printer has no case for these: it prints the bare node.
            ExprKind::Builtin {
                op:
                    op @ (BuiltinOp::UnsafeString
                    | BuiltinOp::UnsafeStringData
                    | BuiltinOp::UnsafeSliceData),
                ..
            } => {
                let _ = write!(out, "<node {}>", op.name());
            }
            ExprKind::Builtin { op, args, ddd } => {
                out.push_str(op.name());
                out.push('(');
                self.list(out, args);
                if *ddd {
                    out.push_str("...");
                }
                out.push(')');
            }
            ExprKind::New if self.shapes.is_some() && self.new_of_type_param(n.ty) => {
                // In shaped code the type comes from the instance's dictionary.
                out.push_str("new(<node DYNAMICTYPE>)");
            }
            ExprKind::New => {
                let elem = match n.ty {
                    IrType::Go(t) => match self
                        .store
                        .ty(goescape_types::under::underlying(self.store, t))
                    {
                        Type::Pointer(e) => self.type_string(*e),
                        _ => self.type_string(t),
                    },
                    IrType::PointerTo(t) => self.type_string(t),
                };
                let _ = write!(out, "new({elem})");
            }
            ExprKind::MakeSlice { len, cap } => {
                let _ = write!(out, "make({}, ", self.ir_type_string(n.ty));
                self.expr_prec(out, *len, 0);
                if let Some(c) = cap {
                    out.push_str(", ");
                    self.expr_prec(out, *c, 0);
                }
                out.push(')');
            }
            ExprKind::MakeMap { hint: size } | ExprKind::MakeChan { size } => {
                let _ = write!(out, "make({}", self.ir_type_string(n.ty));
                if let Some(s) = size {
                    let untyped =
                        matches!(self.pkg.expr(*s).ty, IrType::Go(t) if self.is_untyped(t));
                    if !untyped {
                        out.push_str(", ");
                        self.expr_prec(out, *s, 0);
                    }
                }
                out.push(')');
            }
            ExprKind::StructLit { fields } => self.lit(out, n.ty, n.implicit, fields.is_empty()),
            ExprKind::ArrayLit { elems, .. } => self.lit(out, n.ty, n.implicit, elems.is_empty()),
            ExprKind::MapLit { entries } => self.lit(out, n.ty, n.implicit, entries.is_empty()),
            ExprKind::PtrLit(x) => {
                out.push('&');
                self.expr_prec(out, *x, 0);
            }
            ExprKind::Closure(_) => out.push_str("func literal"),
            ExprKind::Recv(x) => {
                out.push_str("<-");
                self.expr_prec(out, *x, nprec + 1);
            }
            ExprKind::AddString(list) => {
                for (i, x) in list.iter().enumerate() {
                    if i > 0 {
                        out.push_str(" + ");
                    }
                    self.expr_prec(out, *x, nprec);
                }
            }
        }
    }

    /// A statement as gc prints it in explanations (`ir/fmt.go`'s `stmtFmt`, short form).
    pub fn stmt(&self, s: crate::ids::StmtId) -> String {
        use crate::stmt::StmtKind as S;
        let list = |l: &[ExprId]| {
            let mut out = String::new();
            self.list(&mut out, l);
            out
        };
        let defines = |_targets: &[ExprId]| self.pkg.defines.contains(&s);
        match &self.pkg.stmt(s).kind {
            S::Decl(v) => {
                let var = self.pkg.var(*v);
                format!("var {} {}", var.name, self.ir_type_string(var.ty))
            }
            S::Assign { x, y } => {
                let op = if defines(&[*x]) { ":=" } else { "=" };
                let y = y.map_or_else(|| "<nil>".to_owned(), |y| self.expr(y));
                format!("{} {op} {y}", self.expr(*x))
            }
            S::AssignOp { x, y, op, incdec } => {
                if *incdec {
                    let suffix = if *op == BinaryOp::Add { "++" } else { "--" };
                    format!("{}{suffix}", self.expr(*x))
                } else {
                    format!("{} {}= {}", self.expr(*x), binary_str(*op), self.expr(*y))
                }
            }
            S::AssignPair { lhs, rhs, .. } => {
                let lhs: Vec<ExprId> = lhs.iter().flatten().copied().collect();
                let op = if defines(&lhs) { ":=" } else { "=" };
                format!("{} {op} {}", list(&lhs), list(rhs))
            }
            S::AssignCall { lhs, call } => {
                let lhs: Vec<ExprId> = lhs.iter().flatten().copied().collect();
                let op = if defines(&lhs) { ":=" } else { "=" };
                format!("{} {op} {}", list(&lhs), self.expr(*call))
            }
            S::Return(results) => format!("return {}", list(results)),
            S::Go(call) => format!("go {}", self.expr(*call)),
            S::Defer(call) => format!("defer {}", self.expr(*call)),
            S::Expr(e) => self.expr(*e),
            S::Send { ch, value } => {
                let mut out = String::new();
                self.expr_prec(&mut out, *ch, PREC_ATOM);
                out.push_str(" <- ");
                self.expr_prec(&mut out, *value, PREC_ATOM + 1);
                out
            }
            S::For { .. } | S::Range { .. } => "for loop".to_owned(),
            S::Select(_) => "select statement".to_owned(),
            S::Switch { .. } | S::TypeSwitch { .. } => "switch statement".to_owned(),
            S::If { cond, then, else_ } => {
                let mut out = format!("if {} {{ {} }}", self.expr(*cond), self.stmt_list(then));
                if !else_.is_empty() {
                    let _ = write!(out, " else {{ {} }}", self.stmt_list(else_));
                }
                out
            }
            S::Block(list) => self.stmt_list(list),
            S::Label { name, .. } => format!("{name}: "),
            S::Jump(text) => text.clone(),
        }
    }

    /// Statements as gc prints a list of them: joined by `; `. Declarations print
    /// nothing (gc keeps them in the initialisation of the assignment that follows).
    pub fn stmt_list(&self, list: &[crate::ids::StmtId]) -> String {
        let parts: Vec<String> = list
            .iter()
            .filter(|&&s| {
                !matches!(self.pkg.stmt(s).kind, crate::stmt::StmtKind::Decl(_))
                    && !self.assigns_temporaries(s)
            })
            .map(|&s| self.stmt(s))
            .collect();
        parts.join("; ")
    }

    /// An assignment to compiler temporaries only: gc keeps it in the init of the
    /// statement it serves, which its printer leaves out.
    fn assigns_temporaries(&self, s: crate::ids::StmtId) -> bool {
        use crate::stmt::StmtKind as S;
        let is_temp = |e: ExprId| matches!(self.pkg.expr(e).kind, ExprKind::Var(v) if self.pkg.var(v).is_temporary());
        match &self.pkg.stmt(s).kind {
            S::Assign { x, .. } => is_temp(*x),
            S::AssignCall { lhs, .. } | S::AssignPair { lhs, .. } => {
                !lhs.is_empty() && lhs.iter().all(|l| l.is_some_and(is_temp))
            }
            _ => false,
        }
    }

    /// Clause `index` of switch statement `s` as gc prints it: `case T1, T2: body`.
    pub fn case_clause(&self, s: crate::ids::StmtId, index: usize) -> String {
        use crate::stmt::StmtKind as S;
        let (S::Switch { cases, .. } | S::TypeSwitch { cases, .. }) = &self.pkg.stmt(s).kind else {
            return String::new();
        };
        let Some(case) = cases.get(index) else {
            return String::new();
        };
        let head = if !case.types.is_empty() {
            format!("case {}", case.types.join(", "))
        } else if !case.list.is_empty() {
            let mut out = String::from("case ");
            self.list(&mut out, &case.list);
            out
        } else {
            "default".to_owned()
        };
        format!("{head}: {}", self.stmt_list(&case.body))
    }

    /// A method call on a type parameter in shaped code, through the method expression
    /// in the instance's dictionary: `(func(go.shape.T, int) error)(&.dict[0])(x, n)`.
    fn dictionary_call(&self, out: &mut String, fun: ExprId, args: &[ExprId]) -> bool {
        let Some(&slot) = self.dict_slots.and_then(|s| s.get(&fun)) else {
            return false;
        };
        let ExprKind::MethodExpr { recv, method, .. } = self.pkg.expr(fun).kind else {
            return false;
        };
        let Some(sig) = self.store.obj(method).ty else {
            return false;
        };
        let sig = self.type_string(sig);
        let rest = sig.strip_prefix("func(").unwrap_or(&sig);
        let recv = self.type_string(recv);
        let sep = if rest.starts_with(')') { "" } else { ", " };
        let qualifier = match self.pkg.pkg {
            Some(p) if p != self.local => format!("{}.", self.store.package(p).name),
            _ => String::new(),
        };
        let _ = write!(out, "(func({recv}{sep}{rest})(&{qualifier}.dict[{slot}])(");
        self.list(out, args);
        out.push(')');
        true
    }

    /// A call of a generic function as gc prints it: the shaped instance called with
    /// its dictionary first, `pkg.F[go.shape.int](&pkg..dict.F[int], x)`.
    fn generic_call(&self, out: &mut String, fun: ExprId, args: &[ExprId]) -> bool {
        let (Some(facts), ExprKind::FuncName(obj)) = (self.facts, &self.pkg.expr(fun).kind) else {
            return false;
        };
        let Some(targs) = self.pkg.targs.get(&fun) else {
            return false;
        };
        let Some(Type::Signature(sig)) = self.store.obj(*obj).ty.map(|t| self.store.ty(t)) else {
            return false;
        };
        if sig.type_params.len() != targs.len() || targs.is_empty() {
            return false;
        }
        let mut shapes = Vec::new();
        let mut concrete = Vec::new();
        for (&param, &targ) in sig.type_params.iter().zip(targs) {
            let t = facts.resolve(targ);
            if crate::shape::has_type_params(self.store, t, 0) {
                return false;
            }
            shapes.push(crate::shape::shape_name(
                facts,
                t,
                crate::shape::basic_constraint(self.store, param),
            ));
            let mut link = String::new();
            crate::shape::link_string(self.store, t, &mut link, 0);
            concrete.push(link);
        }
        let o = self.store.obj(*obj);
        let qualifier = match o.pkg {
            Some(p) if p != self.local => format!("{}.", self.store.package(p).name),
            _ => String::new(),
        };
        let _ = write!(
            out,
            "{qualifier}{}[{}](&{qualifier}.dict.{}[{}]",
            o.name,
            shapes.join(","),
            o.name,
            concrete.join(",")
        );
        for a in args {
            out.push_str(", ");
            self.expr_prec(out, *a, 0);
        }
        out.push(')');
        true
    }

    /// `new(T)` of a type parameter `T`.
    fn new_of_type_param(&self, ty: IrType) -> bool {
        let IrType::Go(t) = ty else {
            return false;
        };
        match self
            .store
            .ty(goescape_types::under::underlying(self.store, t))
        {
            Type::Pointer(e) => matches!(
                self.store
                    .ty(goescape_types::under::unalias(self.store, *e)),
                Type::TypeParam(_)
            ),
            _ => false,
        }
    }

    fn list(&self, out: &mut String, args: &[ExprId]) {
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            self.expr_prec(out, *a, 0);
        }
    }

    fn lit(&self, out: &mut String, ty: IrType, implicit: bool, empty: bool) {
        if implicit {
            out.push_str("... argument");
            return;
        }
        out.push_str(&self.ir_type_string(ty));
        out.push_str(if empty { "{}" } else { "{...}" });
    }

    /// A package-level name: qualified by its package's name outside the local package.
    fn sym(&self, out: &mut String, obj: ObjId) {
        let o = self.store.obj(obj);
        if let Some(p) = o.pkg {
            if p != self.local && p != PkgIdx::UNIVERSE {
                out.push_str(&self.store.package(p).name);
                out.push('.');
            }
        }
        out.push_str(&o.name);
    }

    fn is_untyped(&self, t: TypeId) -> bool {
        matches!(self.store.ty(t), Type::Basic(b) if b.kind.is_untyped())
    }

    fn constant(&self, out: &mut String, value: &Value, ty: IrType) {
        let IrType::Go(t) = ty else {
            let _ = write!(out, "{value}");
            return;
        };
        let basic = match self.store.ty(t) {
            Type::Basic(b) => Some(*b),
            _ => None,
        };
        if let Some(b) = basic {
            if b.name == "rune" || b.kind == BasicKind::UntypedRune {
                if let Some(c) = value_rune(value) {
                    let _ = write!(out, "{}", quote_rune(c));
                    return;
                }
            }
        }
        let default_kind = match value.kind() {
            Kind::Bool => Some((BasicKind::Bool, BasicKind::UntypedBool)),
            Kind::String => Some((BasicKind::String, BasicKind::UntypedString)),
            Kind::Int => Some((BasicKind::Int, BasicKind::UntypedInt)),
            Kind::Float => Some((BasicKind::Float64, BasicKind::UntypedFloat)),
            Kind::Complex => Some((BasicKind::Complex128, BasicKind::UntypedComplex)),
            Kind::Unknown => None,
        };
        let is_default = match (basic, default_kind) {
            (Some(b), Some((typed, untyped))) => {
                (b.kind == typed && b.name != "byte" && b.name != "rune") || b.kind == untyped
            }
            _ => false,
        };
        if is_default {
            let _ = write!(out, "{value}");
        } else {
            let _ = write!(out, "{}({value})", self.type_string(t));
        }
    }

    fn has_sym(&self, ty: IrType) -> bool {
        match ty {
            IrType::PointerTo(_) => false,
            IrType::Go(t) => matches!(
                self.store.ty(t),
                Type::Basic(_) | Type::Named(_) | Type::Alias(_) | Type::TypeParam(_)
            ),
        }
    }

    pub fn ir_type_string(&self, ty: IrType) -> String {
        match ty {
            IrType::Go(t) => self.type_string(t),
            IrType::PointerTo(t) => format!("*{}", self.type_string(t)),
        }
    }

    /// A type as gc's `%v` prints it.
    pub fn type_string(&self, t: TypeId) -> String {
        let mut out = String::new();
        self.write_type(&mut out, t, 0);
        out
    }

    fn write_type(&self, out: &mut String, t: TypeId, depth: usize) {
        if depth > 64 {
            out.push_str("...");
            return;
        }
        match self.store.ty(t) {
            Type::Basic(b) => out.push_str(basic_name(b.kind, b.name)),
            Type::Pointer(e) => {
                out.push('*');
                self.write_type(out, *e, depth + 1);
            }
            Type::Slice(e) => {
                out.push_str("[]");
                self.write_type(out, *e, depth + 1);
            }
            Type::Array { len, elem } => {
                let _ = write!(out, "[{}]", len.unwrap_or(0));
                self.write_type(out, *elem, depth + 1);
            }
            Type::Map { key, elem } => {
                out.push_str("map[");
                self.write_type(out, *key, depth + 1);
                out.push(']');
                self.write_type(out, *elem, depth + 1);
            }
            Type::Chan { dir, elem } => {
                match dir {
                    ChanDir::Both => out.push_str("chan "),
                    ChanDir::Send => out.push_str("chan<- "),
                    ChanDir::Recv => out.push_str("<-chan "),
                }
                let paren = *dir == ChanDir::Both
                    && matches!(
                        self.store.ty(*elem),
                        Type::Chan {
                            dir: ChanDir::Recv,
                            ..
                        }
                    );
                if paren {
                    out.push('(');
                }
                self.write_type(out, *elem, depth + 1);
                if paren {
                    out.push(')');
                }
            }
            Type::Struct(s) => {
                if s.fields.is_empty() {
                    out.push_str("struct {}");
                    return;
                }
                out.push_str("struct { ");
                for (i, f) in s.fields.iter().enumerate() {
                    if i > 0 {
                        out.push_str("; ");
                    }
                    let o = self.store.obj(*f);
                    let embedded = matches!(&o.kind, ObjKind::Var(v) if v.embedded);
                    if !embedded {
                        out.push_str(&o.name);
                        out.push(' ');
                    }
                    if let Some(ft) = o.ty {
                        self.write_type(out, ft, depth + 1);
                    }
                }
                out.push_str(" }");
            }
            Type::Tuple(vars) => {
                out.push('(');
                for (i, v) in vars.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    if let Some(vt) = self.store.obj(*v).ty {
                        self.write_type(out, vt, depth + 1);
                    }
                }
                out.push(')');
            }
            Type::Signature(s) => {
                out.push_str("func(");
                for (i, p) in s.params.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    let Some(pt) = self.store.obj(*p).ty else {
                        continue;
                    };
                    if s.variadic && i + 1 == s.params.len() {
                        out.push_str("...");
                        match self.store.ty(pt) {
                            Type::Slice(e) => self.write_type(out, *e, depth + 1),
                            _ => self.write_type(out, pt, depth + 1),
                        }
                    } else {
                        self.write_type(out, pt, depth + 1);
                    }
                }
                out.push(')');
                match s.results.len() {
                    0 => {}
                    1 => {
                        out.push(' ');
                        if let Some(rt) = self.store.obj(s.results[0]).ty {
                            self.write_type(out, rt, depth + 1);
                        }
                    }
                    _ => {
                        out.push_str(" (");
                        for (i, r) in s.results.iter().enumerate() {
                            if i > 0 {
                                out.push_str(", ");
                            }
                            if let Some(rt) = self.store.obj(*r).ty {
                                self.write_type(out, rt, depth + 1);
                            }
                        }
                        out.push(')');
                    }
                }
            }
            Type::Interface(i) => {
                if i.methods.is_empty() && i.embeddeds.is_empty() {
                    out.push_str("interface {}");
                    return;
                }
                out.push_str("interface { ");
                let mut first = true;
                for m in &i.methods {
                    if !first {
                        out.push_str("; ");
                    }
                    first = false;
                    let o = self.store.obj(*m);
                    out.push_str(&o.name);
                    if let Some(mt) = o.ty {
                        let mut sig = String::new();
                        self.write_type(&mut sig, mt, depth + 1);
                        out.push_str(sig.trim_start_matches("func"));
                    }
                }
                for e in &i.embeddeds {
                    if !first {
                        out.push_str("; ");
                    }
                    first = false;
                    self.write_type(out, *e, depth + 1);
                }
                out.push_str(" }");
            }
            Type::Named(n) => {
                self.sym(out, n.obj);
                if !n.type_args.is_empty() {
                    out.push('[');
                    for (i, a) in n.type_args.iter().enumerate() {
                        if i > 0 {
                            out.push(',');
                        }
                        // gc names an instance by its arguments' link strings (fully
                        // qualified, `Pointer[runtime.m]`); a shaped body's own type
                        // parameters by their shapes.
                        if crate::shape::has_type_params(self.store, *a, 0) {
                            self.write_type(out, *a, depth + 1);
                        } else {
                            crate::shape::link_string(self.store, *a, out, 0);
                        }
                    }
                    out.push(']');
                }
            }
            Type::Alias(a) => {
                let o = self.store.obj(a.obj);
                if o.pkg.is_none() || o.pkg == Some(PkgIdx::UNIVERSE) {
                    // `any` prints as itself.
                    out.push_str(&o.name);
                } else if let Some(rhs) = a.rhs {
                    self.write_type(out, rhs, depth + 1);
                }
            }
            Type::TypeParam(p) => match self.shapes.and_then(|s| s.get(&t)) {
                Some(shape) => out.push_str(shape),
                None => out.push_str(&self.store.obj(p.obj).name),
            },
            Type::Union(_) => out.push_str("union"),
        }
    }
}

fn basic_name(kind: BasicKind, name: &'static str) -> &'static str {
    match kind {
        BasicKind::UntypedBool => "untyped bool",
        BasicKind::UntypedInt => "untyped int",
        BasicKind::UntypedRune => "untyped rune",
        BasicKind::UntypedFloat => "untyped float",
        BasicKind::UntypedComplex => "untyped complex",
        BasicKind::UntypedString => "untyped string",
        BasicKind::UntypedNil => "untyped nil",
        BasicKind::UnsafePointer => "unsafe.Pointer",
        _ => name,
    }
}

fn binary_prec(op: BinaryOp) -> u8 {
    match op {
        BinaryOp::Mul
        | BinaryOp::Div
        | BinaryOp::Rem
        | BinaryOp::Shl
        | BinaryOp::Shr
        | BinaryOp::And
        | BinaryOp::AndNot => 6,
        BinaryOp::Add | BinaryOp::Sub | BinaryOp::Or | BinaryOp::Xor => 5,
        _ => 4,
    }
}

fn binary_str(op: BinaryOp) -> &'static str {
    match op {
        BinaryOp::Add => "+",
        BinaryOp::Sub => "-",
        BinaryOp::Mul => "*",
        BinaryOp::Div => "/",
        BinaryOp::Rem => "%",
        BinaryOp::And => "&",
        BinaryOp::Or => "|",
        BinaryOp::Xor => "^",
        BinaryOp::AndNot => "&^",
        BinaryOp::Shl => "<<",
        BinaryOp::Shr => ">>",
        BinaryOp::Eq => "==",
        BinaryOp::Ne => "!=",
        BinaryOp::Lt => "<",
        BinaryOp::Le => "<=",
        BinaryOp::Gt => ">",
        BinaryOp::Ge => ">=",
    }
}

fn value_rune(v: &Value) -> Option<char> {
    if v.kind() != Kind::Int {
        return None;
    }
    let (x, exact) = v.int64_val();
    if !exact || !(0..=0x10FFFF).contains(&x) {
        return None;
    }
    char::from_u32(x as u32).or(Some('\u{FFFD}'))
}

/// Go's `%q` of a rune.
fn quote_rune(c: char) -> String {
    match c {
        '\'' => "'\\''".to_owned(),
        '\\' => "'\\\\'".to_owned(),
        '\n' => "'\\n'".to_owned(),
        '\t' => "'\\t'".to_owned(),
        '\r' => "'\\r'".to_owned(),
        '\0' => "'\\x00'".to_owned(),
        c if c.is_control() => format!("'\\x{:02x}'", c as u32),
        c => format!("'{c}'"),
    }
}

/// Conversions that allocate print like calls; kept for callers that classify them.
pub fn conv_allocates(kind: ConvKind) -> bool {
    matches!(
        kind,
        ConvKind::StringToBytes
            | ConvKind::StringToRunes
            | ConvKind::BytesToString
            | ConvKind::RunesToString
            | ConvKind::RuneToString
    )
}
