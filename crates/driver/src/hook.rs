//! The extension point for later stages: a function run on each checked package as soon
//! as it is checked and its imports' hooks have run, while other packages are checked.

use std::sync::Arc;

use goescape_loader::Package;
use goescape_syntax::ast::File;
use goescape_types::check::{Info, TypeError};
use goescape_types::dump::FileTable;
use goescape_types::sizes::Sizes;
use goescape_types::{PkgIdx, Program, Universe};

/// Everything known about one checked package when its hook runs. The package and all its
/// (transitive) imports are in `program`.
#[derive(Clone, Copy)]
pub struct PackageView<'a> {
    pub package: &'a Package,
    pub pkg: PkgIdx,
    pub program: &'a Program,
    pub universe: &'a Universe,
    /// What the checker recorded (empty for `unsafe`).
    pub info: &'a Info,
    pub errors: &'a [TypeError],
    /// The package's files, in the order they were checked (none for `unsafe`).
    pub files: &'a [Arc<File>],
    /// The files of every parsed package, for positions in other packages; empty unless
    /// [`PackageHook::needs_file_table`].
    pub file_table: &'a FileTable,
    pub sizes: Sizes,
}

/// Work to run per checked package: a dump, IR lowering, escape analysis.
///
/// Ordering guarantee: a package's hook runs only after the hooks of all its imports (those
/// before it in dependency order) have returned, so a hook may read what it computed for
/// them — bottom-up over the import graph, as gc's escape analysis goes. Hooks of unrelated
/// packages run in parallel, and concurrently with the checking of other packages. A panic
/// in a hook is caught and becomes that package's [`HookOutcome`].
pub trait PackageHook: Sync {
    type Output: Send;

    /// Whether to run on `package` (asked once per checked package, and for `unsafe`).
    fn wants(&self, package: &Package) -> bool;

    /// Whether the hook reads [`PackageView::file_table`] (positions in other packages'
    /// files). Filling it means parsing every package before checking any, which keeps
    /// the trees of the whole program in memory at once; otherwise each package is parsed
    /// just before it is checked and the table stays empty.
    fn needs_file_table(&self) -> bool {
        false
    }

    fn run(&self, view: &PackageView<'_>) -> Self::Output;
}

/// The hook's result for a package, or the message of its panic.
pub type HookOutcome<T> = Result<T, String>;

/// No per-package work: checking only.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoHook;

impl PackageHook for NoHook {
    type Output = ();

    fn wants(&self, _: &Package) -> bool {
        false
    }

    fn run(&self, _: &PackageView<'_>) {}
}
