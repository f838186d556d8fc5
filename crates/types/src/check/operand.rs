//! Operands: the intermediate result of checking an expression, and how messages quote
//! them (go/types' `operand.go`).

use goescape_constant::Value;
use goescape_syntax::ast::ExprId;

use super::{Checker, Env, Mode};
use crate::ids::TypeId;
use crate::object::Builtin;
use crate::predicates::{is_untyped, is_valid};
use crate::ty::Type;
use crate::typestring::type_string;

/// What checking an expression produced.
#[derive(Clone, Debug)]
pub(crate) struct Operand {
    pub mode: Mode,
    /// The expression the operand came from, if any.
    pub expr: Option<ExprId>,
    pub ty: TypeId,
    /// The value of a constant.
    pub value: Option<Value>,
    /// The function of a `Builtin`-mode operand.
    pub builtin: Option<Builtin>,
}

impl Operand {
    /// A non-constant operand of `mode` and type `ty` for the expression `expr`.
    pub fn new(mode: Mode, expr: ExprId, ty: TypeId) -> Operand {
        Operand {
            mode,
            expr: Some(expr),
            ty,
            value: None,
            builtin: None,
        }
    }

    /// A constant operand.
    pub fn constant(expr: ExprId, ty: TypeId, value: Value) -> Operand {
        Operand {
            mode: Mode::Constant,
            expr: Some(expr),
            ty,
            value: Some(value),
            builtin: None,
        }
    }

    pub fn invalid(expr: Option<ExprId>, ty: TypeId) -> Operand {
        Operand {
            mode: Mode::Invalid,
            expr,
            ty,
            value: None,
            builtin: None,
        }
    }
}

fn mode_word(mode: Mode) -> &'static str {
    match mode {
        Mode::Invalid => "invalid operand",
        Mode::NoValue => "no value",
        Mode::Builtin => "built-in",
        Mode::TypeExpr => "type",
        Mode::Constant => "constant",
        Mode::Variable => "variable",
        Mode::MapIndex => "map index expression",
        Mode::Value => "value",
        Mode::CommaOk => "comma, ok expression",
    }
}

impl Checker<'_> {
    /// The operand as go/types' messages describe it: `x (variable of type int)`,
    /// `1.5 (untyped float constant)`, `nil`, ...
    pub(super) fn operand_string(&self, env: Env, x: &Operand) -> String {
        let store = self.store();
        let qualifier = self.qualifier();
        let untyped_nil = self.universe.basic(crate::basic::BasicKind::UntypedNil);
        if x.mode == Mode::Value && x.ty == untyped_nil {
            return "nil".to_owned();
        }
        let file = self.file(env);
        let expr = match x.expr {
            Some(e) => file.expr_string(e),
            None => match x.mode {
                Mode::Builtin => x.builtin.map_or("", |b| b.name()).to_owned(),
                Mode::TypeExpr => type_string(&store, x.ty, &*qualifier),
                Mode::Constant => x
                    .value
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                _ => String::new(),
            },
        };
        let mut out = String::new();
        if !expr.is_empty() {
            out.push_str(&expr);
            out.push_str(" (");
        }
        let mut has_type = false;
        if !matches!(
            x.mode,
            Mode::Invalid | Mode::NoValue | Mode::Builtin | Mode::TypeExpr
        ) {
            if is_untyped(&store, x.ty) {
                if let Type::Basic(basic) = store.ty(x.ty) {
                    out.push_str(basic.name);
                    out.push(' ');
                }
            } else {
                has_type = true;
            }
        }
        out.push_str(mode_word(x.mode));
        if x.mode == Mode::Constant {
            if let Some(value) = &x.value {
                let shown = value.to_string();
                if shown != expr {
                    out.push(' ');
                    out.push_str(&shown);
                }
            }
        }
        if has_type {
            if is_valid(&store, x.ty) {
                out.push_str(" of ");
                if let Some(kind) = self.described_kind(x.ty) {
                    out.push_str(&kind);
                    out.push(' ');
                }
                out.push_str("type ");
                out.push_str(&type_string(&store, x.ty, &*qualifier));
                // A type parameter is described by its constraint.
                if let Type::TypeParam(param) = store.ty(crate::under::unalias(&store, x.ty)) {
                    if let Some(bound) = param.constraint {
                        out.push_str(" constrained by ");
                        out.push_str(&type_string(&store, bound, &*qualifier));
                        if crate::typeset::type_set(&store, bound).is_empty() {
                            out.push_str(" with empty type set");
                        }
                    }
                }
            } else {
                out.push_str(" with invalid type");
            }
        }
        if !expr.is_empty() {
            out.push(')');
        }
        out
    }

    /// For a named or alias type, the structure messages mention: `struct`, `int`, ...
    fn described_kind(&self, ty: TypeId) -> Option<String> {
        let store = self.store();
        if !matches!(store.ty(ty), Type::Named(_) | Type::Alias(_)) {
            return None;
        }
        let under = crate::under::underlying(&store, ty);
        Some(
            match store.ty(under) {
                Type::Basic(basic) => basic.name,
                Type::Array { .. } => "array",
                Type::Slice(_) => "slice",
                Type::Struct(_) => "struct",
                Type::Pointer(_) => "pointer",
                Type::Signature(_) => "func",
                Type::Interface(_) => "interface",
                Type::Map { .. } => "map",
                Type::Chan { .. } => "chan",
                Type::Tuple(_) => "tuple",
                Type::Union(_) => "union",
                _ => return None,
            }
            .to_owned(),
        )
    }
}

impl Checker<'_> {
    /// Where go/types reports an error about an operand: at the start of its expression
    /// (`fallback` for an operand without one).
    pub(super) fn operand_pos(
        &self,
        env: Env,
        x: &Operand,
        fallback: goescape_syntax::Pos,
    ) -> goescape_syntax::Pos {
        x.expr
            .map_or(fallback, |e| self.input.files[env.file].expr_pos(e))
    }
}
