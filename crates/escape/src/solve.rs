//! The solver (gc's `escape/solve.go`): from every location as a root, a shortest-path
//! walk over dereference counts finds the values whose address reaches somewhere that
//! outlives them, and the parameters that leak; roots are re-walked until nothing
//! changes.

use std::collections::VecDeque;

use crate::batch::Batch;
use crate::graph::{attr, LocId, LocKind, BLANK, CALLEE, HEAP, MUTATOR};

impl Batch<'_> {
    pub fn walk_all(&mut self) {
        // Every location is a root, the pseudo-locations first (in gc's order).
        let mut todo: VecDeque<LocId> = VecDeque::with_capacity(self.locs.len());
        for i in (BLANK.0 + 1)..self.locs.len() as u32 {
            todo.push_front(LocId(i));
            self.loc_mut(LocId(i)).queued_walk_all = true;
        }
        for id in [MUTATOR, CALLEE, HEAP] {
            todo.push_front(id);
            self.loc_mut(id).queued_walk_all = true;
        }
        let mut walkgen: u32 = 0;
        while let Some(root) = todo.pop_front() {
            self.loc_mut(root).queued_walk_all = false;
            walkgen += 1;
            self.walk_one(root, walkgen, &mut todo);
        }
    }

    fn enqueue(&mut self, todo: &mut VecDeque<LocId>, l: LocId) {
        let loc = self.loc_mut(l);
        if !loc.queued_walk_all {
            loc.queued_walk_all = true;
            if loc.has(attr::ESCAPES) {
                todo.push_front(l);
            } else {
                todo.push_back(l);
            }
        }
    }

    fn walk_one(&mut self, root: LocId, walkgen: u32, all: &mut VecDeque<LocId>) {
        {
            let r = self.loc_mut(root);
            r.walkgen = walkgen;
            r.derefs = 0;
            r.dst = None;
        }
        let mut todo: VecDeque<LocId> = VecDeque::new();
        todo.push_back(root);
        while let Some(l) = todo.pop_front() {
            self.loc_mut(l).queued_walk_one = 0;
            let mut derefs = self.loc(l).derefs;
            let mut new_attrs = 0u8;
            if derefs < 0 {
                derefs = 0;
                if self.outlives(root, l) {
                    if self.explains(l) && !self.loc(l).has(attr::ESCAPES) {
                        let pos = self.loc_pos(l);
                        let header = format!(
                            "{} escapes to heap in {}:",
                            self.loc_node_string(l),
                            self.display_name(self.loc(l).func)
                        );
                        self.explanations
                            .push(crate::Diagnostic::explanation(pos, header));
                        self.explain_path(root, l);
                    }
                    new_attrs |= attr::ALL;
                } else if self.loc(root).has(attr::PERSISTS) {
                    new_attrs |= attr::PERSISTS;
                }
            }
            if derefs == 0 {
                new_attrs |= self.loc(root).attrs & (attr::MUTATES | attr::CALLS);
            }
            if self.loc(l).param {
                if self.outlives(root, l) {
                    if self.explains(l) && !self.loc(l).has(attr::ESCAPES) {
                        let pos = self.loc_pos(l);
                        let header = format!(
                            "parameter {} leaks to {} for {} with derefs={derefs}:",
                            self.loc_node_string(l),
                            self.explain_loc(root),
                            self.display_name(self.loc(l).func)
                        );
                        let first = self.explanations.len();
                        self.explanations
                            .push(crate::Diagnostic::explanation(pos, header));
                        self.explain_path(root, l);
                        if let LocKind::Var(v) = self.loc(l).kind {
                            // A wrapper's parameter declared in another package's file.
                            if let Some(p) = self.pkg.var(v).pos_pkg {
                                for d in &mut self.explanations[first..] {
                                    d.pkg = Some(p);
                                }
                            }
                        }
                    }
                    self.leak_to(l, root, derefs);
                }
                if self.loc(root).has(attr::MUTATES) {
                    self.loc_mut(l).param_esc.add_mutator(derefs);
                }
                if self.loc(root).has(attr::CALLS) {
                    self.loc_mut(l).param_esc.add_callee(derefs);
                }
            }
            if new_attrs & !self.loc(l).attrs != 0 {
                self.loc_mut(l).attrs |= new_attrs;
                self.enqueue(all, l);
                if self.loc(l).has(attr::ESCAPES) {
                    continue;
                }
            }
            let n = self.loc(l).edges.len();
            for i in 0..n {
                let edge = self.loc(l).edges[i];
                let src = self.loc(edge.src);
                if src.has(attr::ESCAPES) {
                    continue;
                }
                let d = derefs + edge.derefs;
                if src.walkgen != walkgen || src.derefs > d {
                    let queued = src.queued_walk_one == walkgen;
                    let s = self.loc_mut(edge.src);
                    s.walkgen = walkgen;
                    s.derefs = d;
                    s.dst = Some(l);
                    s.dst_edge = i;
                    if !queued {
                        s.queued_walk_one = walkgen;
                        todo.push_back(edge.src);
                    }
                }
            }
        }
    }

    /// Records that parameter `l` flows to `sink` with `derefs` dereferences.
    fn leak_to(&mut self, l: LocId, sink: LocId, derefs: i32) {
        let s = self.loc(sink);
        if !s.has(attr::ESCAPES) && s.param_out && s.func == self.loc(l).func {
            let ri = s.result_index - 1;
            if ri < crate::leaks::NUM_RESULTS {
                self.loc_mut(l).param_esc.add_result(ri, derefs);
                return;
            }
        }
        self.loc_mut(l).param_esc.add_heap(derefs);
    }

    /// Whether a value stored at `l` may outlive the variable `other`.
    fn outlives(&self, l: LocId, other: LocId) -> bool {
        let lo = self.loc(l);
        let ot = self.loc(other);
        if lo.has(attr::ESCAPES) {
            return true;
        }
        if l == MUTATOR || l == CALLEE {
            return false;
        }
        if lo.param_out {
            // A result of a closure called where it is written flows back into its
            // caller, which the analysis sees; other results outlive everything.
            if self.contains_closure(ot.func, lo.func) && self.results_kept(lo.func) {
                return false;
            }
            return true;
        }
        if lo.func == ot.func && lo.loop_depth < ot.loop_depth {
            return true;
        }
        if self.contains_closure(lo.func, ot.func) {
            return true;
        }
        false
    }

    /// Whether closure `c` is nested (strictly) in function `f`.
    fn contains_closure(&self, f: goescape_ir::FuncId, c: goescape_ir::FuncId) -> bool {
        if f == c {
            return false;
        }
        let mut cur = self.pkg.func(c).outer;
        while let Some(o) = cur {
            if o == f {
                return true;
            }
            cur = self.pkg.func(o).outer;
        }
        false
    }

    /// gc keeps a closure's results connected to its direct calls unless the closure
    /// itself is called from somewhere unknown (`ClosureResultsLost`); approximated by
    /// "always kept" until the attrCalls rule is modelled.
    fn results_kept(&self, _f: goescape_ir::FuncId) -> bool {
        true
    }
}
