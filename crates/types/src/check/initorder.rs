//! The initialization order of package-level variables (go/types' `initorder.go`).
//!
//! Checking records which package-level constants, variables and functions each
//! package-level declaration refers to. Functions are then eliminated from that graph (a
//! variable depending on a function depends on what the function depends on), and the
//! variables are emitted fewest-dependencies first, ties broken by declaration order.

use std::collections::BTreeSet;

use rustc_hash::{FxHashMap, FxHashSet};

use super::resolver::DeclKind;
use super::Checker;
use crate::ids::ObjId;
use crate::object::ObjKind;

/// One initialization: the variables and their initializer, `(file, expression)`.
#[derive(Clone, Debug)]
pub struct Initializer {
    pub lhs: Vec<ObjId>,
    pub file: usize,
    pub init: goescape_syntax::ast::ExprId,
}

impl Checker<'_> {
    /// Notes that the package-level declaration being checked refers to `to`.
    pub(super) fn add_decl_dep(&mut self, to: ObjId) {
        let Some(from) = self.current_decl else {
            return;
        };
        if to.pkg != self.arena.idx || !self.decls.contains_key(&to) {
            return;
        }
        self.deps.entry(from).or_default().insert(to);
    }

    fn is_dependency(&self, obj: ObjId) -> bool {
        matches!(
            self.arena.objects[obj.index as usize].kind,
            ObjKind::Const(_) | ObjKind::Var(_) | ObjKind::Func(_)
        )
    }

    pub(super) fn init_order(&mut self) {
        let order: FxHashMap<ObjId, usize> = self
            .decl_order
            .iter()
            .enumerate()
            .map(|(i, &o)| (o, i))
            .collect();
        let nodes: Vec<ObjId> = self
            .decl_order
            .iter()
            .copied()
            .filter(|&o| self.is_dependency(o))
            .collect();
        let mut succ: FxHashMap<ObjId, FxHashSet<ObjId>> = FxHashMap::default();
        let mut pred: FxHashMap<ObjId, FxHashSet<ObjId>> = FxHashMap::default();
        for &n in &nodes {
            succ.entry(n).or_default();
            pred.entry(n).or_default();
        }
        for &n in &nodes {
            let deps: Vec<ObjId> = self
                .deps
                .get(&n)
                .map(|d| d.iter().copied().collect())
                .unwrap_or_default();
            for d in deps {
                if !succ.contains_key(&d) {
                    continue;
                }
                succ.entry(n).or_default().insert(d);
                pred.entry(d).or_default().insert(n);
            }
        }
        // Eliminate functions, cheapest first, connecting their dependents to their dependencies.
        let mut funcs: Vec<ObjId> = nodes
            .iter()
            .copied()
            .filter(|&o| matches!(self.arena.objects[o.index as usize].kind, ObjKind::Func(_)))
            .collect();
        funcs.sort_by_key(|f| (pred[f].len() * succ[f].len(), order[f]));
        for f in &funcs {
            let preds: Vec<ObjId> = pred[f].iter().copied().filter(|p| p != f).collect();
            let succs: Vec<ObjId> = succ[f].iter().copied().filter(|s| s != f).collect();
            for &p in &preds {
                for &s in &succs {
                    succ.entry(p).or_default().insert(s);
                    pred.entry(s).or_default().insert(p);
                }
                if let Some(set) = succ.get_mut(&p) {
                    set.remove(f);
                }
            }
            for &s in &succs {
                if let Some(set) = pred.get_mut(&s) {
                    set.remove(f);
                }
            }
        }
        let graph: Vec<ObjId> = nodes
            .iter()
            .copied()
            .filter(|o| !matches!(self.arena.objects[o.index as usize].kind, ObjKind::Func(_)))
            .collect();
        let mut ndeps: FxHashMap<ObjId, usize> =
            graph.iter().map(|&n| (n, succ[&n].len())).collect();
        // Constants come before everything else, then the fewest dependencies left, then
        // source order.
        let not_const: FxHashMap<ObjId, bool> = graph
            .iter()
            .map(|&n| {
                let kind = &self.arena.objects[n.index as usize].kind;
                (n, !matches!(kind, ObjKind::Const(_)))
            })
            .collect();
        let key = |n: ObjId, count: usize| (not_const[&n], count, order[&n], n);
        let mut queue: BTreeSet<(bool, usize, usize, ObjId)> =
            graph.iter().map(|&n| key(n, ndeps[&n])).collect();
        let mut emitted: FxHashSet<(usize, goescape_syntax::ast::ExprId)> = FxHashSet::default();
        while let Some(first) = queue.iter().next().copied() {
            queue.remove(&first);
            let (_, remaining, _, n) = first;
            // Still depending on something: a cycle, reported if n is on it.
            if remaining > 0 {
                if let Some(cycle) = self.dependency_path(n, n, &order) {
                    self.report_init_cycle(&cycle);
                }
            }
            for &p in &pred[&n] {
                if let Some(count) = ndeps.get_mut(&p) {
                    if queue.remove(&key(p, *count)) {
                        *count = count.saturating_sub(1);
                        queue.insert(key(p, *count));
                    } else {
                        *count = count.saturating_sub(1);
                    }
                }
            }
            if !matches!(self.arena.objects[n.index as usize].kind, ObjKind::Var(_)) {
                continue;
            }
            let Some(decl) = self.decls.get(&n) else {
                continue;
            };
            let DeclKind::Var {
                init: Some(init),
                lhs,
                ..
            } = &decl.kind
            else {
                continue;
            };
            if !emitted.insert((decl.file, *init)) {
                continue; // `a, b = f()`: one initializer for all
            }
            let lhs = if lhs.is_empty() { vec![n] } else { lhs.clone() };
            self.info.init_order.push(Initializer {
                lhs,
                file: decl.file,
                init: *init,
            });
        }
    }
}

impl Checker<'_> {
    /// A path of dependencies from `from` to `to`, as go/types' `findPath` finds it
    /// (dependencies in declaration order, depth first): `[to, ..., first step]`.
    fn dependency_path(
        &self,
        from: ObjId,
        to: ObjId,
        order: &FxHashMap<ObjId, usize>,
    ) -> Option<Vec<ObjId>> {
        // An explicit stack of (object, its sorted dependencies, next index) frames.
        let mut seen: FxHashSet<ObjId> = FxHashSet::default();
        let sorted_deps = |obj: ObjId| -> Vec<ObjId> {
            let mut deps: Vec<ObjId> = self
                .deps
                .get(&obj)
                .map(|d| d.iter().copied().collect())
                .unwrap_or_default();
            deps.sort_by_key(|d| order.get(d).copied().unwrap_or(usize::MAX));
            deps
        };
        seen.insert(from);
        let mut stack: Vec<(ObjId, Vec<ObjId>, usize)> = vec![(from, sorted_deps(from), 0)];
        while let Some((_, deps, next)) = stack.last_mut() {
            let Some(&d) = deps.get(*next) else {
                stack.pop();
                continue;
            };
            *next += 1;
            if d == to {
                // The path: to, then the objects on the stack from the innermost out,
                // without `from` itself.
                let mut path = vec![d];
                path.extend(stack.iter().skip(1).rev().map(|(o, _, _)| *o));
                return Some(path);
            }
            if seen.insert(d) {
                let deps = sorted_deps(d);
                stack.push((d, deps, 0));
            }
        }
        None
    }

    /// go/types' `reportCycle`: at the first object of the cycle.
    fn report_init_cycle(&mut self, cycle: &[ObjId]) {
        let Some(&first) = cycle.first() else { return };
        let object = &self.arena.objects[first.index as usize];
        let Some(at) = object.pos else { return };
        let name = object.name.clone();
        let msg = if cycle.len() == 1 {
            format!("initialization cycle: {name} refers to itself")
        } else {
            format!("initialization cycle for {name}")
        };
        self.error(at.file as usize, goescape_syntax::Pos(at.offset), msg);
    }
}
