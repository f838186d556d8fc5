//! Checking the parsed packages in dependency order, as a task graph on rayon: a package is
//! checked as soon as all its imports are (not level by level, so one slow package holds
//! back only its importers), and its hook runs as soon as it is checked and the hooks of all
//! its imports have run.
//!
//! Unless the hook needs the file table (every tree at once), a package's files are read
//! and parsed by its own check task and dropped after its hook: the memory of the trees is
//! then reused package after package instead of growing with the whole program (for std,
//! that halves the time of a fresh process: fewer page faults, warmer caches).
//!
//! Tasks share the [`Program`] behind a mutex: a check or hook takes a snapshot (a vector
//! of `Arc`s, cheap to clone) that holds every package it can reach, since its imports
//! finished before it started, and a check inserts its arena when done. Arena indices are
//! assigned before any check, in dependency order, so results do not depend on timing.

use std::collections::HashMap;
use std::mem;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

use goescape_loader::{Package, PackageGraph, PackageKind};
use goescape_syntax::ast::File;
use goescape_types::check::{check_package, Info, PackageInput, TypeError};
use goescape_types::dump::FileTable;
use goescape_types::sizes::Sizes;
use goescape_types::universe::{FIRST_PACKAGE, UNSAFE};
use goescape_types::{new_program, PkgIdx, Program, Universe};
use rayon::prelude::*;

use crate::cgo::{cgo_declared_names, split_cgo_errors};
use crate::hook::{HookOutcome, PackageHook, PackageView};
use crate::located::LocatedError;
use crate::parse::{parse_package, ParsedPackage};
use crate::program::{CheckedProgram, PackageResult, Retain, Timings};
use crate::status::{panic_message, PackageStatus, Stage};
use crate::DriverError;

/// Parses and checks every package of `graph` on the current rayon pool, running `hook` on
/// the packages it wants. Fails only if the target has no sizes; everything that goes
/// wrong with a single package is in its [`PackageResult`].
pub fn check_graph<H: PackageHook>(
    graph: PackageGraph,
    retain: Retain,
    hook: &H,
) -> Result<CheckedProgram<H::Output>, DriverError> {
    let sizes = Sizes::gc(&graph.toolchain.goarch).ok_or_else(|| DriverError::NoSizes {
        goarch: graph.toolchain.goarch.clone(),
    })?;
    let mut timings = Timings::default();

    // Either every package is parsed now (the hook wants the file table, which needs every
    // tree at once), or each package is parsed by its check task: then a package's trees
    // live only from its check to its hook, and the allocator reuses their memory for the
    // next packages instead of growing the heap by the trees of the whole program.
    let upfront = hook.needs_file_table();
    let start = Instant::now();
    // `None`: to be parsed by the check task.
    // With each, its cost for the scheduler: its source bytes.
    let parsed: Vec<(Option<ParsedPackage>, Duration, usize)> = graph
        .packages
        .par_iter()
        .map(|p| {
            if !upfront && p.kind == PackageKind::Go && p.error.is_none() {
                let bytes = p.go_files.iter().filter_map(|f| f.metadata().ok());
                return (None, Duration::ZERO, bytes.map(|m| m.len() as usize).sum());
            }
            let t = Instant::now();
            let parsed = parse_package(p);
            let bytes = match &parsed {
                ParsedPackage::Files(files) => files.iter().map(|f| f.src.len()).sum(),
                ParsedPackage::NotChecked(_) => 0,
            };
            (Some(parsed), t.elapsed(), bytes)
        })
        .collect();
    timings.parse = start.elapsed();

    // Arena indices follow dependency order; `unsafe` has its own.
    let mut next = FIRST_PACKAGE.0;
    let mut results: Vec<PackageResult> = Vec::with_capacity(parsed.len());
    let mut slots: Vec<Mutex<Slot>> = Vec::with_capacity(parsed.len());
    let mut file_table = FileTable::new();
    let mut cost: Vec<usize> = Vec::with_capacity(parsed.len());
    for (p, (parsed, parse_time, bytes)) in graph.packages.iter().zip(parsed) {
        timings.parse_sum += parse_time;
        cost.push(bytes);
        let parse_lazily = parsed.is_none();
        let (status, pkg, files) = match parsed {
            Some(ParsedPackage::Files(files)) => {
                let idx = PkgIdx(next);
                next += 1;
                file_table.add_package(idx, &files);
                (PackageStatus::Checked, Some(idx), Some(files))
            }
            None => {
                let idx = PkgIdx(next);
                next += 1;
                (PackageStatus::Checked, Some(idx), None)
            }
            Some(ParsedPackage::NotChecked(status)) => {
                let pkg = (p.kind == PackageKind::Unsafe).then_some(UNSAFE);
                (status, pkg, None)
            }
        };
        results.push(PackageResult {
            status,
            pkg,
            errors: Vec::new(),
            cgo_errors: Vec::new(),
            files: Vec::new(),
            info: None,
            check_time: Duration::ZERO,
        });
        slots.push(Mutex::new(Slot {
            files,
            parse_lazily,
            ..Slot::default()
        }));
    }

    let (program, universe) = new_program();
    let tasks = Tasks::new(
        &graph,
        &results,
        slots,
        &cost,
        program,
        Shared {
            universe: &universe,
            file_table: &file_table,
            sizes,
            hook,
            retain,
        },
    );
    let start = Instant::now();
    rayon::scope(|s| {
        let mut roots: Vec<usize> = (0..tasks.deps.len())
            .filter(|&i| tasks.deps[i].is_empty())
            .collect();
        roots.sort_by_key(|&i| tasks.rank[i]);
        for i in roots {
            tasks.spawn_check(s, i);
        }
    });
    timings.check = start.elapsed();

    let Tasks {
        slots,
        program,
        hooked,
        ..
    } = tasks;
    let hooked: Vec<Option<HookOutcome<H::Output>>> = hooked
        .into_iter()
        .map(|h| h.into_inner().unwrap_or_else(|e| e.into_inner()))
        .collect();
    for (result, slot) in results.iter_mut().zip(slots) {
        let slot = slot.into_inner().unwrap_or_else(|e| e.into_inner());
        if let Some(status) = slot.not_checked {
            result.status = status;
            result.pkg = None;
        }
        timings.parse_sum += slot.parse_time;
        timings.check_sum += slot.check_time;
        timings.hook_sum += slot.hook_time;
        result.check_time = slot.check_time;
        match slot.checked {
            Some(Ok(checked)) => {
                result.errors = checked.errors;
                result.cgo_errors = checked.cgo_errors;
            }
            Some(Err(message)) => {
                result.status = PackageStatus::Panicked {
                    stage: Stage::Check,
                    message,
                };
                result.pkg = None;
            }
            None => {}
        }
        result.files = slot.retained_files;
        result.info = slot.retained_info;
    }
    let program = program.into_inner().unwrap_or_else(|e| e.into_inner());
    Ok(CheckedProgram {
        graph,
        packages: results,
        program,
        universe,
        file_table,
        sizes,
        hooked,
        timings,
    })
}

/// A checked package's errors: those to report, and those the skipped cgo files explain.
struct CheckedErrors {
    errors: Vec<LocatedError>,
    cgo_errors: Vec<LocatedError>,
}

/// One package's state while the tasks run.
#[derive(Default)]
struct Slot {
    /// The trees, from parsing until the hook has run.
    files: Option<Vec<Arc<File>>>,
    /// Whether the check task parses the files.
    parse_lazily: bool,
    /// Why a package parsed by its check task is not checked after all.
    not_checked: Option<PackageStatus>,
    parse_time: Duration,
    /// What the checker recorded, until the hook has run.
    info: Info,
    raw_errors: Vec<TypeError>,
    checked: Option<Result<CheckedErrors, String>>,
    check_time: Duration,
    hook_time: Duration,
    retained_files: Vec<Arc<File>>,
    retained_info: Option<Info>,
}

/// What every task reads.
struct Shared<'a, H> {
    universe: &'a Universe,
    file_table: &'a FileTable,
    sizes: Sizes,
    hook: &'a H,
    retain: Retain,
}

/// The task graph: who waits for whom, and the shared state.
struct Tasks<'a, H: PackageHook> {
    graph: &'a PackageGraph,
    results: &'a [PackageResult],
    /// The imports that come earlier in dependency order (later ones close a cycle and are
    /// not waited for, nor importable), without duplicates.
    deps: Vec<Vec<usize>>,
    /// Each package's importers, by increasing rank.
    dependents: Vec<Vec<usize>>,
    /// The longest chain of importers from a package on, weighted by source bytes (an
    /// estimate of checking time). Ready packages are spawned by increasing rank, and a
    /// worker runs the last spawned first, so the longest chain (std's: runtime, then the
    /// crypto packages up to net/http) goes first and the other core fills in around it.
    rank: Vec<usize>,
    /// Imports not yet checked.
    check_waiting: Vec<AtomicUsize>,
    /// Imports whose hook has not finished, plus one for the package's own check.
    hook_waiting: Vec<AtomicUsize>,
    /// Each package's arena once checked; `None` if it will not be available.
    available: Vec<OnceLock<Option<PkgIdx>>>,
    slots: Vec<Mutex<Slot>>,
    /// The hook's result per package.
    hooked: Vec<Mutex<Option<HookOutcome<H::Output>>>>,
    program: Mutex<Program>,
    shared: Shared<'a, H>,
}

impl<'a, H: PackageHook> Tasks<'a, H> {
    fn new(
        graph: &'a PackageGraph,
        results: &'a [PackageResult],
        slots: Vec<Mutex<Slot>>,
        cost: &[usize],
        program: Program,
        shared: Shared<'a, H>,
    ) -> Tasks<'a, H> {
        let n = graph.packages.len();
        let mut deps: Vec<Vec<usize>> = Vec::with_capacity(n);
        let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); n];
        for p in &graph.packages {
            let mut d: Vec<usize> = p
                .imports
                .iter()
                .filter(|imp| imp.id < p.id)
                .map(|imp| imp.id.index())
                .collect();
            d.sort_unstable();
            d.dedup();
            for &j in &d {
                dependents[j].push(p.id.index());
            }
            deps.push(d);
        }
        // Importers come later in dependency order, so their ranks are known first.
        let mut rank = vec![0usize; n];
        for i in (0..n).rev() {
            let longest = dependents[i].iter().map(|&d| rank[d]).max().unwrap_or(0);
            rank[i] = cost[i].saturating_add(longest);
        }
        for list in &mut dependents {
            list.sort_by_key(|&d| rank[d]);
        }
        Tasks {
            graph,
            results,
            check_waiting: deps.iter().map(|d| AtomicUsize::new(d.len())).collect(),
            hook_waiting: deps.iter().map(|d| AtomicUsize::new(d.len() + 1)).collect(),
            deps,
            dependents,
            rank,
            available: (0..n).map(|_| OnceLock::new()).collect(),
            slots,
            hooked: (0..n).map(|_| Mutex::new(None)).collect(),
            program: Mutex::new(program),
            shared,
        }
    }

    fn slot(&self, i: usize) -> MutexGuard<'_, Slot> {
        // A panic while a slot is locked is caught by the task; the slot stays usable.
        self.slots[i].lock().unwrap_or_else(|e| e.into_inner())
    }

    fn snapshot(&self) -> Program {
        self.program
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Spawns the check of `i`, whose imports are all checked (or failed).
    fn spawn_check<'s>(&'s self, s: &rayon::Scope<'s>, i: usize) {
        s.spawn(move |s| {
            self.check(i);
            for &d in &self.dependents[i] {
                if self.check_waiting[d].fetch_sub(1, Ordering::AcqRel) == 1 {
                    self.spawn_check(s, d);
                }
            }
            self.hook_ready(s, i);
        });
    }

    /// Checks package `i` if it parsed, and records whether its types are available.
    fn check(&self, i: usize) {
        let p = &self.graph.packages[i];
        if self.slot(i).parse_lazily {
            let t = Instant::now();
            let parsed = parse_package(p);
            let mut slot = self.slot(i);
            slot.parse_time = t.elapsed();
            match parsed {
                ParsedPackage::Files(files) => slot.files = Some(files),
                ParsedPackage::NotChecked(status) => {
                    slot.not_checked = Some(status);
                    drop(slot);
                    let _ = self.available[i].set(None);
                    return;
                }
            }
        }
        let files = self.slot(i).files.clone();
        let (Some(files), Some(idx)) = (files, self.results[i].pkg) else {
            let builtin = matches!(self.results[i].status, PackageStatus::Builtin);
            let _ = self.available[i].set(self.results[i].pkg.filter(|_| builtin));
            return;
        };
        let input = PackageInput {
            idx,
            path: p.compiler_path().to_owned(),
            files: files.clone(),
            imports: self.importable(p),
            go_version: p.go_version.clone(),
        };
        let program = self.snapshot();
        let t = Instant::now();
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
            let checked = check_package(&program, self.shared.universe, &input);
            let mut errors: Vec<LocatedError> = checked
                .errors
                .iter()
                .map(|e| LocatedError::new(&files, e.clone()))
                .collect();
            let cgo_errors = if p.cgo_files.is_empty() || errors.is_empty() {
                Vec::new()
            } else {
                split_cgo_errors(&mut errors, &cgo_declared_names(p))
            };
            (checked, CheckedErrors { errors, cgo_errors })
        }));
        let time = t.elapsed();
        drop(program);
        let mut slot = self.slot(i);
        slot.check_time = time;
        match outcome {
            Ok((checked, errors)) => {
                self.program
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .insert(checked.arena);
                slot.info = checked.info;
                slot.raw_errors = checked.errors;
                slot.checked = Some(Ok(errors));
                let _ = self.available[i].set(Some(idx));
            }
            Err(e) => {
                slot.checked = Some(Err(panic_message(e.as_ref())));
                slot.files = None;
                let _ = self.available[i].set(None);
            }
        }
    }

    /// The imports of `p` that can be used: checked, and before `p` in dependency order (a
    /// package later in the order is in an import cycle with `p`; go/types would not have
    /// it either). The checker reports the others as not importable.
    fn importable(&self, p: &Package) -> HashMap<String, PkgIdx> {
        p.imports
            .iter()
            .filter(|imp| imp.id < p.id)
            .filter_map(|imp| Some((imp.path.clone(), (*self.available[imp.id.index()].get()?)?)))
            .collect()
    }

    /// One of the things `i`'s hook waits for is done; runs it if nothing else is left.
    fn hook_ready<'s>(&'s self, s: &rayon::Scope<'s>, i: usize) {
        if self.hook_waiting[i].fetch_sub(1, Ordering::AcqRel) != 1 {
            return;
        }
        s.spawn(move |s| {
            self.run_hook(i);
            for &d in &self.dependents[i] {
                self.hook_ready(s, d);
            }
        });
    }

    /// Runs the hook on package `i` if it is checked and wanted, then releases or retains
    /// its trees and recorded information.
    fn run_hook(&self, i: usize) {
        let Shared { hook, retain, .. } = self.shared;
        let p = &self.graph.packages[i];
        let (files, info, errors) = {
            let mut slot = self.slot(i);
            (
                slot.files.take(),
                mem::take(&mut slot.info),
                mem::take(&mut slot.raw_errors),
            )
        };
        let pkg = self.available[i].get().copied().flatten();
        // A panic in `wants` counts as one in the hook: nothing may unwind out of a task.
        let wanted = match pkg {
            Some(_) => panic::catch_unwind(AssertUnwindSafe(|| hook.wants(p)))
                .map_err(|e| panic_message(e.as_ref())),
            None => Ok(false),
        };
        if let Err(message) = &wanted {
            *self.hooked[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(Err(message.clone()));
        }
        if let (Some(pkg), Ok(true)) = (pkg, wanted) {
            let program = self.snapshot();
            let view = PackageView {
                package: p,
                pkg,
                program: &program,
                universe: self.shared.universe,
                info: &info,
                errors: &errors,
                files: files.as_deref().unwrap_or(&[]),
                file_table: self.shared.file_table,
                sizes: self.shared.sizes,
            };
            let t = Instant::now();
            let outcome = panic::catch_unwind(AssertUnwindSafe(|| hook.run(&view)))
                .map_err(|e| panic_message(e.as_ref()));
            self.slot(i).hook_time = t.elapsed();
            *self.hooked[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(outcome);
        }
        // Only packages that checked still have their trees here.
        if let (Some(files), true) = (files, retain.keeps(p)) {
            let mut slot = self.slot(i);
            slot.retained_files = files;
            slot.retained_info = Some(info);
        }
    }
}
