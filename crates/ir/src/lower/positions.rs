//! Where gc places a node: its `syntax` package puts an operation at its operator, a call
//! at its `(`, a selector at its `.`, an index or slice at its `[`, a composite literal at
//! its `{`; parentheses vanish in gc's IR, so a parenthesised expression is where its
//! operand is.

use goescape_syntax::ast::{ExprId, ExprKind, File};
use goescape_syntax::Pos;

/// gc's position of expression `id`.
pub(crate) fn gc_pos(file: &File, id: ExprId) -> Pos {
    let mut id = id;
    loop {
        return match &file.expr(id).kind {
            ExprKind::Paren { x, .. } => {
                id = *x;
                continue;
            }
            ExprKind::Bad { from, .. } => *from,
            ExprKind::Ident(ident) => ident.pos(),
            ExprKind::Ellipsis { pos, .. } => *pos,
            ExprKind::BasicLit { span, .. } => span.pos(),
            ExprKind::FuncLit { ty, .. } => ty.func_pos,
            ExprKind::CompositeLit { lbrace, .. } => *lbrace,
            ExprKind::Selector { sel, .. } => dot_before(file, sel.pos()),
            ExprKind::Index { lbrack, .. }
            | ExprKind::IndexList { lbrack, .. }
            | ExprKind::Slice { lbrack, .. } => *lbrack,
            ExprKind::TypeAssert { lparen, .. } => dot_before(file, *lparen),
            ExprKind::Call { lparen, .. } => *lparen,
            ExprKind::Star { star, .. } => *star,
            ExprKind::Unary { op_pos, .. } => *op_pos,
            ExprKind::Binary { op_pos, .. } => *op_pos,
            ExprKind::KeyValue { colon, .. } => *colon,
            ExprKind::ArrayType { lbrack, .. } => *lbrack,
            ExprKind::StructType { struct_pos, .. } => *struct_pos,
            ExprKind::FuncType(ft) => ft.func_pos,
            ExprKind::InterfaceType { interface_pos, .. } => *interface_pos,
            ExprKind::MapType { map_pos, .. } => *map_pos,
            ExprKind::ChanType { begin, .. } => *begin,
        };
    }
}

/// The `.` before `pos`, skipping white space and comments back from it.
fn dot_before(file: &File, pos: Pos) -> Pos {
    let src = &file.src;
    let mut i = pos.0 as usize;
    while i > 0 {
        i -= 1;
        match src[i] {
            b'.' => return Pos(i as u32),
            b' ' | b'\t' | b'\n' | b'\r' => continue,
            b'/' if i > 0 && src[i - 1] == b'*' => {
                // Skip a /* comment */ backwards: find its opening.
                let mut j = i - 1;
                while j > 0 && !(src[j - 1] == b'/' && src[j] == b'*') {
                    j -= 1;
                }
                i = j.saturating_sub(1);
            }
            _ => break,
        }
    }
    Pos(pos.0.saturating_sub(1))
}
