//! The result of a run: every package's outcome, the checked program, and the timings.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use goescape_loader::{Package, PackageGraph};
use goescape_syntax::ast::File;
use goescape_types::check::Info;
use goescape_types::dump::FileTable;
use goescape_types::sizes::Sizes;
use goescape_types::{PkgIdx, Program, Universe};

use crate::hook::HookOutcome;
use crate::located::LocatedError;
use crate::status::PackageStatus;

/// What happened to one package of the graph (same index as in [`PackageGraph::packages`]).
#[derive(Debug)]
pub struct PackageResult {
    pub status: PackageStatus,
    /// The package's arena in [`CheckedProgram::program`], when its types are available.
    pub pkg: Option<PkgIdx>,
    /// The type errors, in the order the checker found them, except those in `cgo_errors`.
    pub errors: Vec<LocatedError>,
    /// Errors explained by the skipped cgo files: `undefined: NAME` where one of the
    /// package's cgo files declares NAME (goescape does not run cgo; `go build` would not
    /// report them). The hook still sees every error.
    pub cgo_errors: Vec<LocatedError>,
    /// The parsed files, if [`Retain`] kept them.
    pub files: Vec<Arc<File>>,
    /// What the checker recorded, if [`Retain`] kept it.
    pub info: Option<Info>,
    /// Time spent checking this package (0 if it was not checked).
    pub check_time: Duration,
}

/// Which checked packages keep their trees and [`Info`] in the result. Later stages
/// that need them after the whole program is checked ask for them; otherwise they are
/// dropped as soon as the package's hook has run, since the trees of a large program take
/// far more memory than its types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Retain {
    #[default]
    Nothing,
    /// The packages the patterns matched.
    Roots,
    All,
}

impl Retain {
    pub(crate) fn keeps(self, p: &Package) -> bool {
        match self {
            Retain::Nothing => false,
            Retain::Roots => !p.dep_only,
            Retain::All => true,
        }
    }
}

/// Where a run's time went. Wall times are on the current rayon pool's threads.
#[derive(Debug, Default, Clone, Copy)]
pub struct Timings {
    /// Running `go list` (zero when the caller loaded the graph).
    pub load: Duration,
    /// Wall time of reading and parsing every file before checking any (only when the
    /// hook needs the file table; otherwise each check task parses its package).
    pub parse: Duration,
    /// Time spent reading and parsing, summed over packages.
    pub parse_sum: Duration,
    /// Wall time of checking every package and running the hooks (which overlap).
    pub check: Duration,
    /// Time spent in the checker, summed over packages.
    pub check_sum: Duration,
    /// Time spent in the hook, summed over packages.
    pub hook_sum: Duration,
}

/// The graph, checked: every package's outcome, the arenas of all checked packages, and
/// the hook's result for each package it ran on.
#[derive(Debug)]
pub struct CheckedProgram<T = ()> {
    pub graph: PackageGraph,
    /// One per package of the graph, same index.
    pub packages: Vec<PackageResult>,
    /// The arenas of the checked packages (and of the universe and `unsafe`).
    pub program: Program,
    pub universe: Universe,
    /// Base names and line tables of every parsed package's files, by arena (empty unless
    /// the hook needs it, see [`crate::PackageHook::needs_file_table`]).
    pub file_table: FileTable,
    /// The target's sizes.
    pub sizes: Sizes,
    /// The hook's result per package: `None` where it did not run.
    pub hooked: Vec<Option<HookOutcome<T>>>,
    pub timings: Timings,
}

impl<T> CheckedProgram<T> {
    /// The packages the patterns matched, with their results.
    pub fn roots(&self) -> impl Iterator<Item = (&Package, &PackageResult)> {
        self.graph
            .roots
            .iter()
            .map(|id| (&self.graph[*id], &self.packages[id.index()]))
    }

    /// Every package with its result, in dependency order.
    pub fn iter(&self) -> impl Iterator<Item = (&Package, &PackageResult)> {
        self.graph.packages.iter().zip(&self.packages)
    }

    /// The cgo files that were not analysed, per package that has some.
    pub fn skipped_cgo_files(&self) -> impl Iterator<Item = (&Package, &[PathBuf])> {
        self.graph
            .packages
            .iter()
            .filter(|p| !p.cgo_files.is_empty())
            .map(|p| (p, p.cgo_files.as_slice()))
    }
}
