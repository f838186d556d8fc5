//! Cycles of type names that name each other directly (go/types' `directCycles`, a phase
//! before the declarations are checked): `type A B; type B A`, `type A = B; type B = A`.
//! Each such name gets the invalid type, with one error per cycle at its first name in
//! source order, and is not declared further.

use goescape_syntax::ast::{Decl, ExprKind, Spec};
use rustc_hash::FxHashMap;

use super::resolver::DeclKind;
use super::{Checker, Color};
use crate::ids::ObjId;

/// Where a type name stands in the walk: on the current path at an index, or done.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    OnPath(usize),
    Done,
}

impl Checker<'_> {
    pub(super) fn direct_cycles(&mut self) {
        let mut marks: FxHashMap<ObjId, Mark> = FxHashMap::default();
        for obj in self.decl_order.clone() {
            if matches!(
                self.decls.get(&obj).map(|d| &d.kind),
                Some(DeclKind::Type { .. })
            ) {
                self.direct_cycle(obj, &mut marks);
            }
        }
    }

    fn direct_cycle(&mut self, start: ObjId, marks: &mut FxHashMap<ObjId, Mark>) {
        let mut path: Vec<ObjId> = Vec::new();
        let mut current = start;
        loop {
            match marks.get(&current) {
                Some(Mark::Done) => break,
                Some(&Mark::OnPath(at)) => {
                    let cycle = path[at..].to_vec();
                    self.report_direct_cycle(current, &cycle);
                    break;
                }
                None => {}
            }
            marks.insert(current, Mark::OnPath(path.len()));
            path.push(current);
            match self.named_directly(current) {
                Some(next) => current = next,
                None => break,
            }
        }
        for obj in path {
            marks.insert(obj, Mark::Done);
        }
    }

    /// The package-level type name `obj`'s declaration names as its type, if it is just
    /// an identifier.
    fn named_directly(&self, obj: ObjId) -> Option<ObjId> {
        let decl = self.decls.get(&obj)?;
        let DeclKind::Type { spec } = &decl.kind else {
            return None;
        };
        let file = &self.input.files[decl.file];
        let Decl::Gen(gen, _) = file.decls.get(spec.decl)? else {
            return None;
        };
        let Spec::Type(ty) = gen.specs.get(spec.spec)? else {
            return None;
        };
        let ExprKind::Ident(ident) = file.expr(ty.ty).kind else {
            return None;
        };
        let name = file.ident_name(ident);
        let next = self.store().scope(self.package_scope).lookup(&name)?;
        matches!(
            self.decls.get(&next).map(|d| &d.kind),
            Some(DeclKind::Type { .. })
        )
        .then_some(next)
    }

    fn report_direct_cycle(&mut self, found: ObjId, cycle: &[ObjId]) {
        let invalid = self.invalid_type();
        self.arena.objects[found.index as usize].ty = Some(invalid);
        self.colors.insert(found, Color::Black);
        // The first name in source order (file, then offset).
        let first = cycle
            .iter()
            .copied()
            .min_by_key(|&o| self.store().obj(o).pos.map(|p| (p.file, p.offset)))
            .unwrap_or(found);
        let object = self.store().obj(first).clone();
        let msg = if cycle.len() == 1 {
            format!("invalid recursive type: {} refers to itself", object.name)
        } else {
            format!("invalid recursive type {}", object.name)
        };
        let (file, pos) = object.pos.map_or((0, goescape_syntax::Pos::NONE), |p| {
            (p.file as usize, goescape_syntax::Pos(p.offset))
        });
        self.error(file, pos, msg);
    }
}
