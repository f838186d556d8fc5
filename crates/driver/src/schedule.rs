//! Checking the parsed packages in dependency order: level by level, the packages of a
//! level in parallel against the levels before, while the hooks of the previous level run.

use std::collections::HashMap;
use std::mem;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::time::{Duration, Instant};

use goescape_loader::{Package, PackageGraph, PackageId, PackageKind};
use goescape_syntax::ast::File;
use goescape_types::check::{check_package, CheckedPackage, Info, PackageInput, TypeError};
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

/// A checked package waiting for its hook.
struct Pending {
    index: usize,
    pkg: PkgIdx,
    info: Info,
    errors: Vec<TypeError>,
}

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
    let n = graph.packages.len();

    let start = Instant::now();
    let mut parsed: Vec<ParsedPackage> = graph.packages.par_iter().map(parse_package).collect();
    timings.parse = start.elapsed();

    // Arena indices follow dependency order; `unsafe` has its own.
    let mut next = FIRST_PACKAGE.0;
    let mut results: Vec<PackageResult> = Vec::with_capacity(n);
    let mut file_table = FileTable::new();
    for (p, parsed) in graph.packages.iter().zip(&mut parsed) {
        let (status, pkg) = match parsed {
            ParsedPackage::Files(files) => {
                let idx = PkgIdx(next);
                next += 1;
                file_table.add_package(idx, files);
                (PackageStatus::Checked, Some(idx))
            }
            ParsedPackage::NotChecked(status) => {
                let status = mem::replace(status, PackageStatus::Builtin);
                let pkg = (p.kind == PackageKind::Unsafe).then_some(UNSAFE);
                (status, pkg)
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
    }
    // From here on a package's imports are usable iff `results[i].pkg` is set and its
    // status is checked; `pkg` of a package not yet checked is its future index.
    let mut available: Vec<Option<PkgIdx>> = results
        .iter()
        .map(|r| r.pkg.filter(|_| matches!(r.status, PackageStatus::Builtin)))
        .collect();

    let (mut program, universe) = new_program();
    let mut hooked: Vec<Option<HookOutcome<H::Output>>> = (0..n).map(|_| None).collect();
    let start = Instant::now();
    let levels = graph.levels();
    let mut pending: Vec<Pending> = Vec::new();
    for level in levels.iter().map(Some).chain([None]) {
        let ctx = Context {
            graph: &graph,
            parsed: &parsed,
            program: &program,
            universe: &universe,
            file_table: &file_table,
            sizes,
        };
        let (checked, ran) = rayon::join(
            || {
                level.map_or_else(Vec::new, |level| {
                    ctx.check_level(level, &results, &available)
                })
            },
            || ctx.run_hooks(hook, &pending),
        );
        for (i, outcome, time) in ran {
            timings.hook_sum += time;
            hooked[i] = Some(outcome);
        }
        for done in pending.drain(..) {
            let i = done.index;
            if retain.keeps(&graph.packages[i]) {
                if let ParsedPackage::Files(files) = &mut parsed[i] {
                    results[i].files = mem::take(files);
                }
                results[i].info = Some(done.info);
            } else {
                parsed[i] = ParsedPackage::NotChecked(PackageStatus::Checked);
            }
        }
        for (i, outcome, time) in checked {
            timings.check_sum += time;
            results[i].check_time = time;
            match outcome {
                Ok((checked, errors, cgo_errors)) => {
                    let idx = checked.arena.idx;
                    program.insert(checked.arena);
                    available[i] = Some(idx);
                    results[i].errors = errors;
                    results[i].cgo_errors = cgo_errors;
                    pending.push(Pending {
                        index: i,
                        pkg: idx,
                        info: checked.info,
                        errors: checked.errors,
                    });
                }
                Err(message) => {
                    results[i].status = PackageStatus::Panicked {
                        stage: Stage::Check,
                        message,
                    };
                    results[i].pkg = None;
                    parsed[i] = ParsedPackage::NotChecked(PackageStatus::Checked);
                }
            }
        }
        // Packages whose hook is not wanted skip the queue (and release their trees now).
        pending.retain_mut(|done| {
            let i = done.index;
            if hook.wants(&graph.packages[i]) {
                return true;
            }
            if retain.keeps(&graph.packages[i]) {
                if let ParsedPackage::Files(files) = &mut parsed[i] {
                    results[i].files = mem::take(files);
                }
                results[i].info = Some(mem::take(&mut done.info));
            } else {
                parsed[i] = ParsedPackage::NotChecked(PackageStatus::Checked);
            }
            false
        });
        // `unsafe` goes with the first level (it imports nothing).
        for id in level.into_iter().flatten() {
            let i = id.index();
            if graph.packages[i].kind == PackageKind::Unsafe && hook.wants(&graph.packages[i]) {
                pending.push(Pending {
                    index: i,
                    pkg: UNSAFE,
                    info: Info::default(),
                    errors: Vec::new(),
                });
            }
        }
    }
    timings.check = start.elapsed();

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

/// A package's checked result with its positioned errors, or a panic's message.
/// The errors are split in those to report and those the skipped cgo files explain.
type CheckOutcome = Result<(CheckedPackage, Vec<LocatedError>, Vec<LocatedError>), String>;

/// What checking a level and running the hooks read.
struct Context<'a> {
    graph: &'a PackageGraph,
    parsed: &'a [ParsedPackage],
    program: &'a Program,
    universe: &'a Universe,
    file_table: &'a FileTable,
    sizes: Sizes,
}

impl Context<'_> {
    /// Checks the parsed packages of a level in parallel; a panic is caught per package.
    fn check_level(
        &self,
        level: &[PackageId],
        results: &[PackageResult],
        available: &[Option<PkgIdx>],
    ) -> Vec<(usize, CheckOutcome, Duration)> {
        level
            .par_iter()
            .filter_map(|id| {
                let i = id.index();
                let ParsedPackage::Files(files) = &self.parsed[i] else {
                    return None;
                };
                let idx = results[i].pkg?;
                let p = &self.graph.packages[i];
                let input = PackageInput {
                    idx,
                    path: p.compiler_path().to_owned(),
                    files: files.clone(),
                    imports: importable(p, available),
                    go_version: p.go_version.clone(),
                };
                let t = Instant::now();
                let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
                    let checked = check_package(self.program, self.universe, &input);
                    let mut located: Vec<LocatedError> = checked
                        .errors
                        .iter()
                        .map(|e| LocatedError::new(files, e.clone()))
                        .collect();
                    let cgo = if p.cgo_files.is_empty() || located.is_empty() {
                        Vec::new()
                    } else {
                        split_cgo_errors(&mut located, &cgo_declared_names(p))
                    };
                    (checked, located, cgo)
                }));
                let outcome = outcome.map_err(|e| panic_message(e.as_ref()));
                Some((i, outcome, t.elapsed()))
            })
            .collect()
    }

    /// Runs the hook on checked packages in parallel; a panic is caught per package.
    fn run_hooks<H: PackageHook>(
        &self,
        hook: &H,
        batch: &[Pending],
    ) -> Vec<(usize, HookOutcome<H::Output>, Duration)> {
        batch
            .par_iter()
            .map(|done| {
                let files: &[Arc<File>] = match &self.parsed[done.index] {
                    ParsedPackage::Files(files) => files,
                    ParsedPackage::NotChecked(_) => &[],
                };
                let view = PackageView {
                    package: &self.graph.packages[done.index],
                    pkg: done.pkg,
                    program: self.program,
                    universe: self.universe,
                    info: &done.info,
                    errors: &done.errors,
                    files,
                    file_table: self.file_table,
                    sizes: self.sizes,
                };
                let t = Instant::now();
                let outcome = panic::catch_unwind(AssertUnwindSafe(|| hook.run(&view)))
                    .map_err(|e| panic_message(e.as_ref()));
                (done.index, outcome, t.elapsed())
            })
            .collect()
    }
}

/// The imports of `p` that can be used: checked, and before `p` in dependency order (a
/// package later in the order is in an import cycle with `p`; go/types would not have it
/// either). The others are reported by the checker as not importable.
fn importable(p: &Package, available: &[Option<PkgIdx>]) -> HashMap<String, PkgIdx> {
    p.imports
        .iter()
        .filter(|imp| imp.id < p.id)
        .filter_map(|imp| Some((imp.path.clone(), available[imp.id.index()]?)))
        .collect()
}
