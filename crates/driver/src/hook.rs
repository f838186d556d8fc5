//! The extension point for later stages: a function run on each checked package as soon
//! as its level of the dependency order is checked, while the next level is checked.

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
    /// The files of every parsed package, for positions in other packages.
    pub file_table: &'a FileTable,
    pub sizes: Sizes,
}

/// Work to run per checked package: a dump, IR lowering, escape analysis.
///
/// Ordering guarantee: the hooks of a level of the dependency order run (in parallel with
/// each other) only after the hooks of every earlier level have returned, so a hook may read
/// what it computed for the package's imports. Hooks run concurrently with the checking of
/// the next level. A panic in a hook is caught and becomes that package's [`HookOutcome`].
pub trait PackageHook: Sync {
    type Output: Send;

    /// Whether to run on `package` (asked once per checked package, and for `unsafe`).
    fn wants(&self, package: &Package) -> bool;

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
