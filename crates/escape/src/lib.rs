//! gc's escape analysis over goescape's IR (`cmd/compile/internal/escape`).
//!
//! A package is analysed in batches, bottom-up over its call graph's strongly connected
//! components ([`analyze_package`]): a batch is a function with its closures (and the
//! functions mutually recursive with it). For each batch the statements and expressions
//! become a location graph ([`graph`], [`stmt`], [`expr`], [`call`]), the solver finds
//! what escapes ([`solve`]), and [`report`] turns the result into parameter summaries
//! ([`leaks`]) — which calls in later batches and importing packages use — and the
//! messages `go build -gcflags=-m` prints.
//!
//! Architecture invariants: no IO; the analysis of one package reads only its IR and
//! the summaries of the packages it imports, so packages of one dependency level can be
//! analysed in parallel.

mod batch;
mod bounds;
mod call;
mod explain;
mod expr;
pub mod graph;
pub mod leaks;
mod report;
mod solve;
mod stmt;
mod utils;

use std::collections::{HashMap, HashSet};

use goescape_ir::fmt::Printer;
use goescape_ir::type_facts::TypeFacts;
use goescape_ir::visit::for_each_expr;
use goescape_ir::{ExprKind, FuncId, IrPos, Package, StmtKind, VarId};
use goescape_types::ObjId;

use crate::batch::Batch;
use crate::leaks::Leaks;

/// Parameter summaries of analysed functions (receiver first), by function object.
pub type Summaries = HashMap<ObjId, Vec<Leaks>>;

/// One line of `-m` output: `POS: MSG`, and for the steps of an explanation
/// `POS: MSG at AT`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub pos: IrPos,
    pub msg: String,
    pub at: Option<IrPos>,
    /// A line of a `-m=2` explanation, which gc prints with `<unknown line number>`
    /// where there is no position (its other messages then have no position prefix).
    pub explanation: bool,
}

impl Diagnostic {
    pub fn new(pos: IrPos, msg: String) -> Diagnostic {
        Diagnostic {
            pos,
            msg,
            at: None,
            explanation: false,
        }
    }

    pub fn explanation(pos: IrPos, msg: String) -> Diagnostic {
        Diagnostic {
            explanation: true,
            ..Diagnostic::new(pos, msg)
        }
    }
}

/// What to report: gc's `-m` level.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// 0: nothing; 1: decisions; 2 and more: also explanations and captures.
    pub level: u8,
}

/// Analyses every function of `pkg` against the summaries of the packages it imports;
/// returns the messages and the summaries of its declared functions.
pub fn analyze_package(
    pkg: &Package,
    facts: &TypeFacts<'_>,
    imported: &Summaries,
    options: Options,
) -> (Vec<Diagnostic>, Summaries) {
    let mut out = Vec::new();
    let mut own = Summaries::new();
    let Some(local) = pkg.pkg else {
        return (out, own);
    };
    let printer = Printer {
        pkg,
        store: &facts.store,
        local,
    };
    let func_of: HashMap<ObjId, FuncId> = pkg
        .func_ids()
        .filter_map(|f| pkg.func(f).obj.map(|o| (o, f)))
        .collect();
    let reassigned = reassigned_vars(pkg);
    for scc in bottom_up(pkg, &func_of) {
        let mut members = scc.clone();
        for f in pkg.func_ids() {
            if pkg.func(f).outer.is_some() && scc.contains(&outermost(pkg, f)) {
                members.push(f);
            }
        }
        let mut batch = Batch::new(pkg, facts, imported, &own, &func_of, &reassigned, &members);
        batch.explain = options.level >= 2;
        batch.printer = Some(&printer);
        for &f in &members {
            batch.init_func(f);
        }
        for &f in &scc {
            batch.walk_func(f);
        }
        batch.flow_closures();
        batch.heap_alloc_reasons();
        batch.walk_all();
        // gc prints explanations as it finds them, before the batch's other lines.
        out.append(&mut batch.explanations);
        let tags = batch.finish(&printer, &mut out);
        if options.level > 0 {
            for &f in &members {
                if !pkg.func(f).generic {
                    bounds::elided_bounds_checks(pkg, facts, f, &mut out);
                }
            }
        }
        for (f, leaks) in tags {
            if let Some(obj) = pkg.func(f).obj {
                own.insert(obj, leaks);
            }
        }
    }
    (out, own)
}

fn outermost(pkg: &Package, mut f: FuncId) -> FuncId {
    while let Some(o) = pkg.func(f).outer {
        f = o;
    }
    f
}

/// The declared functions in strongly connected components of the "refers to" graph,
/// callees before callers (gc's `VisitFuncsBottomUp`); a closure's references count
/// for its enclosing function.
fn bottom_up(pkg: &Package, func_of: &HashMap<ObjId, FuncId>) -> Vec<Vec<FuncId>> {
    let tops: Vec<FuncId> = pkg
        .func_ids()
        .filter(|&f| pkg.func(f).outer.is_none())
        .collect();
    let mut refs: HashMap<FuncId, Vec<FuncId>> = HashMap::new();
    for f in pkg.func_ids() {
        let top = outermost(pkg, f);
        let entry = refs.entry(top).or_default();
        for_each_expr(pkg, f, |e| {
            let obj = match &pkg.expr(e).kind {
                ExprKind::FuncName(o) => Some(*o),
                ExprKind::MethodExpr { method, .. } | ExprKind::MethodValue { method, .. } => {
                    Some(*method)
                }
                _ => None,
            };
            if let Some(target) = obj.and_then(|o| func_of.get(&o)) {
                entry.push(*target);
            }
        });
    }
    // Tarjan's algorithm, iteratively.
    let mut index: HashMap<FuncId, usize> = HashMap::new();
    let mut low: HashMap<FuncId, usize> = HashMap::new();
    let mut on_stack: HashSet<FuncId> = HashSet::new();
    let mut stack: Vec<FuncId> = Vec::new();
    let mut sccs = Vec::new();
    let mut next = 0;
    for &root in &tops {
        if index.contains_key(&root) {
            continue;
        }
        let mut work: Vec<(FuncId, usize)> = vec![(root, 0)];
        while let Some(&mut (v, ref mut i)) = work.last_mut() {
            if *i == 0 && !index.contains_key(&v) {
                index.insert(v, next);
                low.insert(v, next);
                next += 1;
                stack.push(v);
                on_stack.insert(v);
            }
            let succ = refs.get(&v).map_or(&[][..], |r| r.as_slice());
            if let Some(&w) = succ.get(*i) {
                *i += 1;
                if !index.contains_key(&w) {
                    work.push((w, 0));
                } else if on_stack.contains(&w) {
                    let lw = index[&w];
                    let lv = low[&v];
                    low.insert(v, lv.min(lw));
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                let lv = low[&v];
                let lp = low[&parent];
                low.insert(parent, lp.min(lv));
            }
            if low[&v] == index[&v] {
                let mut scc = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack.remove(&w);
                    scc.push(w);
                    if w == v {
                        break;
                    }
                }
                scc.reverse();
                sccs.push(scc);
            }
        }
    }
    sccs
}

/// Variables assigned other than by their definition, or whose address is taken.
fn reassigned_vars(pkg: &Package) -> HashSet<VarId> {
    let mut set = HashSet::new();
    for (i, s) in pkg.stmts.iter().enumerate() {
        let id = goescape_ir::StmtId(i as u32);
        let targets: Vec<goescape_ir::ExprId> = match &s.kind {
            StmtKind::Assign { x, .. } | StmtKind::AssignOp { x, .. } => vec![*x],
            StmtKind::AssignPair { lhs, .. } | StmtKind::AssignCall { lhs, .. } => {
                lhs.iter().flatten().copied().collect()
            }
            StmtKind::Range { key, value, .. } => key.iter().chain(value).copied().collect(),
            _ => Vec::new(),
        };
        for t in targets {
            if let ExprKind::Var(v) = pkg.expr(t).kind {
                if pkg.var(v).defn != Some(id) || matches!(s.kind, StmtKind::AssignOp { .. }) {
                    set.insert(v);
                }
            }
        }
    }
    for e in &pkg.exprs {
        if let ExprKind::AddrOf(x) = e.kind {
            if let ExprKind::Var(v) = pkg.expr(x).kind {
                set.insert(v);
            }
        }
    }
    set
}
