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
pub mod instances;
pub mod leaks;
mod report;
mod solve;
mod stmt;
mod utils;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use goescape_ir::fmt::Printer;
use goescape_ir::type_facts::TypeFacts;
use goescape_ir::visit::for_each_expr;
use goescape_ir::{ExprKind, FuncId, IrPos, Package, StmtKind, VarId};
use goescape_types::ty::Type;
use goescape_types::ObjId;

use crate::batch::Batch;
use crate::instances::{instance_of, InstanceKey, InstanceTable, WrapperNaming};
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
    /// The package whose files `pos` and `at` are in, when not the analysed package's
    /// (an instance of an imported generic function).
    pub pkg: Option<goescape_types::PkgIdx>,
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
            pkg: None,
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

/// The IR of the packages a package imports, for instances of their generic functions.
pub type OtherPackages<'a> = &'a (dyn Fn(goescape_types::PkgIdx) -> Option<Arc<Package>> + Sync);

/// Analyses every function of `pkg` against the summaries of the packages it imports,
/// and the instances of generic functions its code uses; returns the messages and the
/// summaries of its declared functions.
pub fn analyze_package(
    pkg: &Package,
    facts: &TypeFacts<'_>,
    imported: &Summaries,
    options: Options,
    others: OtherPackages<'_>,
    inline_bodies: goescape_ir::lower::InlineBodies<'_>,
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
        shapes: None,
        facts: Some(facts),
        dict_slots: None,
    };
    let func_of = functions_by_object(pkg);
    let reassigned = reassigned_vars(pkg);

    // Instances of imported generic functions first: the package's code calls them.
    let mut instances = Instances {
        local,
        table: InstanceTable::default(),
        in_progress: HashSet::new(),
        options,
        imported,
        others,
        packages: HashMap::new(),
        wrapped: HashSet::new(),
        out: Vec::new(),
        shape_types: Vec::new(),
    };
    // gc's devirtualization runs before escape analysis and says so under -m.
    if options.level >= 1 {
        for (_, pos, msg) in &pkg.devirtualized {
            out.push(Diagnostic::new(*pos, msg.clone()));
        }
    }
    let mut local_requests = Vec::new();
    // The methods of generic types' instances whose descriptors the package needs.
    let roots = instances::package_roots(facts, local, pkg);
    for m in instances::method_instances(
        facts,
        roots,
        &HashMap::new(),
        false,
        &mut instances.shape_types,
    ) {
        let request = (m.key, m.binding);
        if request.0 .0.pkg == local {
            local_requests.push((request, m.wrapper));
        } else {
            instances.instantiate(facts, request.clone(), 0, &Summaries::new());
            if let Some(naming) = m.wrapper {
                instances.wrapper(facts, &request, naming);
            }
        }
    }
    // Instances of the package's own generic functions that its functions call, by the
    // outermost function calling them: analysed just before that function's batch, as
    // gc's bottom-up order puts a shaped function before its callers.
    let mut called_local: HashMap<FuncId, Vec<_>> = HashMap::new();
    for f in pkg.func_ids().filter(|&f| !pkg.func(f).generic) {
        for_each_expr(pkg, f, |e| {
            if let Some(request) = instance_of(facts, pkg, e) {
                if request.0 .0.pkg == local {
                    called_local
                        .entry(outermost(pkg, f))
                        .or_default()
                        .push(request);
                } else {
                    instances.instantiate(facts, request.clone(), 0, &Summaries::new());
                    instances.wrapper(facts, &request, WrapperNaming::Concrete);
                }
            }
        });
    }

    let mut closure_summaries: HashMap<FuncId, Vec<Leaks>> = HashMap::new();
    for scc in bottom_up(pkg, &func_of) {
        for f in &scc {
            for request in called_local.remove(f).unwrap_or_default() {
                instances.instantiate(facts, request.clone(), 0, &own);
                instances.wrapper(facts, &request, WrapperNaming::Concrete);
            }
        }
        let mut members = scc.clone();
        for f in pkg.func_ids() {
            if !scc.contains(&f) && scc.contains(&batch_owner(pkg, f)) {
                members.push(f);
            }
        }
        let mut batch = Batch::new(pkg, facts, imported, &own, &func_of, &reassigned, &members);
        batch.explain = options.level >= 2;
        batch.printer = Some(&printer);
        batch.instances = Some(&instances.table);
        batch.closure_summaries = Some(&closure_summaries);
        let tags = run_batch(&mut batch, &scc, &printer, options, &mut out);
        drop(batch);
        for (f, leaks) in tags {
            match pkg.func(f).obj {
                Some(obj) => {
                    own.insert(obj, leaks);
                }
                None => {
                    closure_summaries.insert(f, leaks);
                }
            }
        }
    }

    // Instances of the package's own generic functions, after its other functions (whose
    // summaries they use); `others` serves the package's own IR too.
    for (request, wrapper) in local_requests {
        instances.instantiate(facts, request.clone(), 0, &own);
        if let Some(naming) = wrapper {
            instances.wrapper(facts, &request, naming);
        }
    }
    out.append(&mut instances.out);
    // The wrappers of the shape types those instances use, analysed like the package's.
    if !instances.shape_types.is_empty() && options.level >= 2 {
        let wrappers = goescape_ir::lower::lower_shape_wrappers(
            &facts.store,
            local,
            &pkg.path,
            &instances.shape_types,
            inline_bodies,
        );
        let wprinter = Printer {
            pkg: &wrappers,
            store: &facts.store,
            local,
            shapes: None,
            facts: Some(facts),
            dict_slots: None,
        };
        let wfunc_of = functions_by_object(&wrappers);
        let wreassigned = reassigned_vars(&wrappers);
        for scc in bottom_up(&wrappers, &wfunc_of) {
            let mut batch = Batch::new(
                &wrappers,
                facts,
                imported,
                &own,
                &wfunc_of,
                &wreassigned,
                &scc,
            );
            batch.explain = true;
            batch.printer = Some(&wprinter);
            run_batch(&mut batch, &scc, &wprinter, options, &mut out);
        }
    }
    (out, own)
}

/// Walks a batch's bodies, solves it and reports it; returns the members' summaries.
fn run_batch(
    batch: &mut Batch<'_>,
    walked: &[FuncId],
    printer: &Printer<'_>,
    options: Options,
    out: &mut Vec<Diagnostic>,
) -> Vec<(FuncId, Vec<Leaks>)> {
    let members = batch.member_order.clone();
    for &f in &members {
        batch.init_func(f);
    }
    for &f in walked {
        batch.walk_func(f);
    }
    batch.flow_closures();
    batch.heap_alloc_reasons();
    batch.walk_all();
    // gc prints explanations as it finds them, before the batch's other lines.
    out.append(&mut batch.explanations);
    let tags = batch.finish(printer, out);
    if options.level > 0 {
        for &f in &members {
            if !batch.pkg.func(f).generic || batch.instance_name.is_some() {
                bounds::elided_bounds_checks(batch.pkg, batch.facts, f, out);
            }
        }
    }
    tags
}

fn functions_by_object(pkg: &Package) -> HashMap<ObjId, FuncId> {
    pkg.func_ids()
        .filter_map(|f| pkg.func(f).obj.map(|o| (o, f)))
        .collect()
}

impl Instances<'_> {
    /// gc also compiles, for each instance the package's code uses, the plain
    /// instantiation `F[int]`: a wrapper that calls the shaped function with its
    /// dictionary. It reports nothing under `-m`; under `-m=2` it explains how its
    /// parameters leak, which follows from the shaped function's summary.
    fn wrapper(
        &mut self,
        facts: &TypeFacts<'_>,
        (key, subst): &(
            InstanceKey,
            HashMap<goescape_types::TypeId, goescape_types::TypeId>,
        ),
        naming: WrapperNaming,
    ) {
        if self.options.level < 2 {
            return;
        }
        let Some(leaks) = self.table.summaries.get(key).cloned() else {
            return;
        };
        let Some(source) = self.packages.get(&key.0.pkg).cloned() else {
            return;
        };
        let gpkg = &source.ir;
        let Some(&root) = source.func_of.get(&key.0) else {
            return;
        };
        let func = gpkg.func(root);
        if func.params.iter().any(Option::is_none) || func.recv.is_some_and(|r| r.is_none()) {
            return;
        }
        let store = &facts.store;
        let foreign = key.0.pkg != self.local;
        let qualifier = if foreign {
            format!("{}.", store.package(key.0.pkg).name)
        } else {
            String::new()
        };
        // The type arguments in gc's link form, in the order of the type parameters.
        let Some(Type::Signature(sig)) = store.obj(key.0).ty.map(|t| store.ty(t)) else {
            return;
        };
        // A function's own type parameters, or a method's receiver's.
        let type_params = if sig.type_params.is_empty() {
            &sig.recv_type_params
        } else {
            &sig.type_params
        };
        let concrete: Vec<String> = type_params
            .iter()
            .map(|p| {
                let mut link = String::new();
                if let Some(&t) = subst.get(&goescape_types::under::unalias(store, *p)) {
                    match naming {
                        WrapperNaming::Concrete => {
                            goescape_ir::shape::concrete_link_string(store, subst, t, &mut link);
                        }
                        WrapperNaming::Shaped => {
                            goescape_ir::shape::link_string_in(store, subst, t, &mut link, 0);
                        }
                    }
                }
                link
            })
            .collect();
        let fname = store.obj(key.0).name.to_string();
        // The receiver, then the parameters.
        let vars: Vec<goescape_ir::VarId> = func.recv_params().flatten().collect();
        let names: Vec<String> = vars
            .iter()
            .map(|&v| format!("{qualifier}{}", gpkg.var(v).name))
            .collect();
        let (wrapper, call) = match func.recv {
            None => (
                format!("{fname}[{}]", concrete.join(",")),
                format!(
                    "{qualifier}{fname}[{}](&{qualifier}.dict.{fname}[{}]{})",
                    key.1.join(","),
                    concrete.join(","),
                    names.iter().map(|p| format!(", {p}")).collect::<String>()
                ),
            ),
            Some(_) => {
                // (*T).M or T.M: the type's name from the method's.
                let full = &func.name;
                let (pointer, type_name) =
                    match full.strip_prefix("(*").and_then(|r| r.split_once(").")) {
                        Some((t, _)) => (true, t.to_owned()),
                        None => (
                            false,
                            full.rsplit_once('.')
                                .map_or(full.clone(), |(t, _)| t.to_owned()),
                        ),
                    };
                let (open, close) = if pointer { ("(*", ")") } else { ("", "") };
                let wrapper = format!("{open}{type_name}[{}]{close}.{fname}", concrete.join(","));
                let rest: String = names.iter().skip(1).map(|p| format!(", {p}")).collect();
                let call = format!(
                    "{open}{qualifier}{type_name}[{}]{close}.{fname}({}, &{qualifier}.dict.{type_name}[{}]{rest})",
                    key.1.join(","),
                    names.first().cloned().unwrap_or_default(),
                    concrete.join(","),
                );
                (wrapper, call)
            }
        };
        // One wrapper per concrete instance: several can share a shape.
        if !self.wrapped.insert(wrapper.clone()) {
            return;
        }
        let params = names;
        let at = func.pos;
        let pkg = foreign.then_some(key.0.pkg);
        let ifacts = TypeFacts::with_subst(
            goescape_types::TypeStore::new(store.program, None),
            facts.sizes,
            subst.clone(),
        );
        for (i, (&v, name)) in vars.iter().zip(&params).enumerate() {
            let var = gpkg.var(v);
            if !ifacts.has_pointers(var.ty) {
                continue;
            }
            let mut l = leaks.get(i).copied().unwrap_or_default();
            l.optimize();
            let line = |msg: String, at_pos: Option<goescape_ir::IrPos>| Diagnostic {
                at: at_pos,
                pkg,
                ..Diagnostic::explanation(var.pos, msg)
            };
            let x = l.heap();
            if x >= 0 {
                self.out.push(line(
                    format!("parameter {name} leaks to {{heap}} for {wrapper} with derefs={x}:"),
                    None,
                ));
                self.out.push(line(
                    format!("  flow: {{heap}} ← {}{name}:", "*".repeat(x as usize)),
                    None,
                ));
                self.out
                    .push(line(format!("    from {call} (call parameter)"), Some(at)));
            }
            for (r, &res) in func
                .results
                .iter()
                .enumerate()
                .take(crate::leaks::NUM_RESULTS)
            {
                let x = l.result(r);
                if x < 0 {
                    continue;
                }
                let rname = format!("{qualifier}{}", gpkg.var(res).name);
                self.out.push(line(
                    format!("parameter {name} leaks to {rname} for {wrapper} with derefs={x}:"),
                    None,
                ));
                self.out.push(line(
                    format!("  flow: {rname} ← {}{name}:", "*".repeat(x as usize)),
                    None,
                ));
                self.out
                    .push(line(format!("    from {call} (call parameter)"), Some(at)));
                self.out
                    .push(line(format!("    from return {call} (return)"), Some(at)));
            }
        }
    }
}

/// A package whose generic functions are instantiated: its IR, its functions by object
/// and its reassigned variables.
struct GenericSource {
    ir: Arc<Package>,
    func_of: HashMap<ObjId, FuncId>,
    reassigned: HashSet<VarId>,
}

/// The instances of generic functions a package's code uses, analysed callees first.
struct Instances<'a> {
    local: goescape_types::PkgIdx,
    table: InstanceTable,
    in_progress: HashSet<InstanceKey>,
    options: Options,
    imported: &'a Summaries,
    others: OtherPackages<'a>,
    /// The packages instances come from.
    packages: HashMap<goescape_types::PkgIdx, Arc<GenericSource>>,
    /// Instances whose plain instantiation wrapper has been reported.
    wrapped: HashSet<String>,
    /// The shape types with methods of the instances compiled: their names (without
    /// `go.shape.`) and underlying types, for gc's wrappers of them.
    shape_types: Vec<(String, goescape_types::TypeId)>,
    out: Vec<Diagnostic>,
}

impl Instances<'_> {
    fn instantiate(
        &mut self,
        facts: &TypeFacts<'_>,
        (key, subst): (
            InstanceKey,
            HashMap<goescape_types::TypeId, goescape_types::TypeId>,
        ),
        depth: usize,
        own: &Summaries,
    ) {
        let callers_own = own;
        if depth > 16
            || self.table.summaries.contains_key(&key)
            || !self.in_progress.insert(key.clone())
        {
            return;
        }
        let gpkg_idx = key.0.pkg;
        if !self.packages.contains_key(&gpkg_idx) {
            let Some(ir) = (self.others)(gpkg_idx) else {
                return;
            };
            let source = GenericSource {
                func_of: functions_by_object(&ir),
                reassigned: reassigned_vars(&ir),
                ir,
            };
            self.packages.insert(gpkg_idx, Arc::new(source));
        }
        let source = self.packages.get(&gpkg_idx).cloned().expect("loaded");
        let (gpkg, func_of, reassigned) = (&source.ir, &source.func_of, &source.reassigned);
        let Some(&root) = func_of.get(&key.0) else {
            return;
        };
        let ifacts = TypeFacts::with_subst(
            goescape_types::TypeStore::new(facts.store.program, None),
            facts.sizes,
            subst.clone(),
        );
        let mut members = vec![root];
        for f in gpkg.func_ids() {
            if gpkg.func(f).outer.is_some() && outermost(gpkg, f) == root {
                members.push(f);
            }
        }
        // Callees first.
        let mut callees = Vec::new();
        for &m in &members {
            for_each_expr(gpkg, m, |e| {
                if let Some(request) = instance_of(&ifacts, gpkg, e) {
                    callees.push(request);
                }
            });
        }
        for request in callees {
            self.instantiate(facts, request, depth + 1, own);
        }
        let shapes: HashMap<goescape_types::TypeId, String> = subst
            .iter()
            .map(|(&p, &c)| {
                let name = goescape_ir::shape::shape_name(
                    &ifacts,
                    c,
                    goescape_ir::shape::basic_constraint(&ifacts.store, p),
                );
                (p, name)
            })
            .collect();
        // The shapes of the type parameters the body's types are built from (a parameter
        // named only in a constraint, as `V` of `M ~map[K]V`, is never read).
        let mentioned = instances::types_mentioned(gpkg, members.iter().copied());
        let distinct: HashSet<goescape_types::TypeId> = mentioned.iter().copied().collect();
        let mut params: Vec<_> = subst.iter().collect();
        params.sort_by_key(|(p, _)| shapes.get(p));
        for (&p, &c) in params {
            let read = distinct
                .iter()
                .any(|&t| goescape_ir::shape::mentions_type_param(&ifacts.store, t, p, 0));
            if let (true, Some(name)) = (read, shapes.get(&p)) {
                instances::note_shape_type(&ifacts.store, name, c, &mut self.shape_types);
            }
        }
        self.imprecise_interface_calls(gpkg, gpkg_idx, &members, &ifacts);
        let dict_slots = goescape_ir::fmt::dictionary_method_slots(
            gpkg,
            &ifacts.store,
            &dictionary_sharers(gpkg, &ifacts.store, root, &members),
        );
        let printer = Printer {
            pkg: gpkg,
            store: &ifacts.store,
            local: self.local,
            shapes: Some(&shapes),
            facts: Some(&ifacts),
            dict_slots: Some(&dict_slots),
        };
        let qualified = {
            let f = gpkg.func(root);
            if gpkg_idx == self.local {
                f.name.clone()
            } else {
                format!("{}.{}", ifacts.store.package(gpkg_idx).name, f.name)
            }
        };
        let own = if gpkg_idx == self.local {
            own
        } else {
            &Summaries::new()
        };
        let mut batch = Batch::new(
            gpkg,
            &ifacts,
            self.imported,
            own,
            func_of,
            reassigned,
            &members,
        );
        batch.explain = self.options.level >= 2;
        batch.printer = Some(&printer);
        batch.instances = Some(&self.table);
        let method = gpkg.func(root).recv.is_some();
        batch.instance_name = Some(instances::instance_name(&qualified, &key.1, method));
        let mut out = Vec::new();
        // Literals without captures are not walked where they appear: walk them as roots.
        let walked: Vec<FuncId> = members
            .iter()
            .copied()
            .filter(|&f| f == root || batch_owner(gpkg, f) == f)
            .collect();
        let tags = run_batch(&mut batch, &walked, &printer, self.options, &mut out);
        drop(batch);
        for d in &mut out {
            if gpkg_idx != self.local {
                d.pkg = Some(gpkg_idx);
            }
        }
        self.out.append(&mut out);
        if let Some((_, leaks)) = tags.into_iter().find(|(f, _)| *f == root) {
            self.table.summaries.insert(key.clone(), leaks);
        }
        self.in_progress.remove(&key);
        // The shaped body reads its types too, and with them their instances' methods.
        let roots = mentioned;
        let mut shape_types = std::mem::take(&mut self.shape_types);
        let found = instances::method_instances(&ifacts, roots, &subst, true, &mut shape_types);
        self.shape_types = shape_types;
        for m in found {
            let request = (m.key, m.binding);
            self.instantiate(facts, request.clone(), depth + 1, callers_own);
            if let Some(naming) = m.wrapper {
                self.wrapper(facts, &request, naming);
            }
        }
    }

    /// gc's noder warns, as it reads a shaped body, about each method call whose receiver
    /// is a type parameter of interface shape: the call goes through the dictionary's
    /// method expression instead of the interface's method table.
    fn imprecise_interface_calls(
        &mut self,
        gpkg: &Package,
        gpkg_idx: goescape_types::PkgIdx,
        members: &[FuncId],
        ifacts: &TypeFacts<'_>,
    ) {
        let store = &ifacts.store;
        let interface_shaped = |t: goescape_types::TypeId| {
            let t = goescape_types::under::unalias(store, t);
            matches!(store.ty(t), Type::TypeParam(_))
                && ifacts.substitution().get(&t).is_some_and(|&c| {
                    let u = goescape_types::under::underlying(store, c);
                    matches!(store.ty(u), Type::Interface(_))
                })
        };
        for &m in members {
            for_each_expr(gpkg, m, |e| {
                use goescape_ir::expr::Callee;
                // The receiver's type and the selector's position.
                let (recv_ty, pos) = match &gpkg.expr(e).kind {
                    ExprKind::Call {
                        callee:
                            Callee::Interface {
                                recv, method_pos, ..
                            },
                        ..
                    } => (gpkg.expr(*recv).ty, *method_pos),
                    ExprKind::Call {
                        callee: Callee::Static { fun, .. },
                        ..
                    } => match gpkg.expr(*fun).kind {
                        ExprKind::MethodExpr { recv, .. } => {
                            (goescape_ir::IrType::Go(recv), gpkg.expr(*fun).pos)
                        }
                        _ => return,
                    },
                    _ => return,
                };
                if let goescape_ir::IrType::Go(t) = recv_ty {
                    if interface_shaped(t) {
                        let mut d = Diagnostic::new(pos, "imprecise interface call".into());
                        d.pkg = (gpkg_idx != self.local).then_some(gpkg_idx);
                        self.out.push(d);
                    }
                }
            });
        }
    }
}

/// The functions whose bodies share `root`'s dictionary: the methods of a generic type
/// (and their closures) share the type's; a generic function has its own.
fn dictionary_sharers(
    gpkg: &Package,
    store: &goescape_types::TypeStore<'_>,
    root: FuncId,
    members: &[FuncId],
) -> Vec<FuncId> {
    let base_type = |f: FuncId| {
        let sig = store.obj(gpkg.func(f).obj?).ty?;
        let Type::Signature(sig) = store.ty(sig) else {
            return None;
        };
        let mut t = goescape_types::under::unalias(store, store.obj(sig.recv?).ty?);
        if let Type::Pointer(e) = store.ty(t) {
            t = goescape_types::under::unalias(store, *e);
        }
        match store.ty(t) {
            Type::Named(n) => Some(n.obj),
            _ => None,
        }
    };
    let Some(owner) = base_type(root) else {
        return members.to_vec();
    };
    gpkg.func_ids()
        .filter(|&f| base_type(outermost(gpkg, f)) == Some(owner))
        .collect()
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
/// The function whose batch `f` is analysed in: itself when it is declared or a
/// function literal without captured variables (gc's `IsClosure` is false for those, and
/// they are analysed on their own, before their users), else its enclosing function's.
fn batch_owner(pkg: &Package, mut f: FuncId) -> FuncId {
    while let Some(o) = pkg.func(f).outer {
        if pkg.func(f).captures.is_empty() {
            break;
        }
        f = o;
    }
    f
}

fn bottom_up(pkg: &Package, func_of: &HashMap<ObjId, FuncId>) -> Vec<Vec<FuncId>> {
    let tops: Vec<FuncId> = pkg
        .func_ids()
        .filter(|&f| batch_owner(pkg, f) == f)
        .collect();
    let mut refs: HashMap<FuncId, Vec<FuncId>> = HashMap::new();
    for f in pkg.func_ids() {
        let owner = batch_owner(pkg, f);
        let entry = refs.entry(owner).or_default();
        for_each_expr(pkg, f, |e| {
            let target = match &pkg.expr(e).kind {
                ExprKind::FuncName(o) => func_of.get(o).copied(),
                ExprKind::MethodExpr { method, .. } | ExprKind::MethodValue { method, .. } => {
                    func_of.get(method).copied()
                }
                // A literal analysed on its own comes before the function using it.
                ExprKind::Closure(g) => Some(batch_owner(pkg, *g)).filter(|&o| o != owner),
                _ => None,
            };
            if let Some(target) = target {
                entry.push(target);
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
