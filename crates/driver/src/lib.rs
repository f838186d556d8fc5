//! The package pipeline shared by the `goescape` command, the conformance tests and the
//! benchmarks: load the packages `go build` would compile (goescape-loader), read and parse
//! all their files in parallel, then type-check them in dependency order, each package as
//! soon as its imports are checked, independent packages in parallel (rayon tasks, on the
//! caller's pool).
//!
//! Per-package failures are data, never an abort: a go list error, an unreadable file, a
//! syntax error or a panic of the parser or the checker (caught per package) becomes that
//! package's [`PackageStatus`], and its importers are still checked with what is
//! available (the checker reports the imports it could not resolve). Later stages hook in
//! per package with a [`PackageHook`], run bottom-up over the import graph as soon as a
//! package is checked; [`Retain`] keeps trees and recorded information for stages that
//! run after the whole program is checked.
//!
//! Layout, one concept per module: `cgo` (the errors skipped cgo files explain),
//! `environment` (the build configuration the user's
//! environment implies), `parse` (reading and parsing a package: this crate's file IO),
//! `schedule` (the check as a task graph), `hook`, `located` (positions of errors as
//! go/types reports them), `status`, `program` (the result), [`dump`] (the canonical type dump of a run, for
//! `goescape types --dump` and the conformance test).

mod cgo;
pub mod dump;
mod environment;
mod hook;
mod located;
mod parse;
mod program;
mod schedule;
mod status;

use std::fmt;
use std::time::Instant;

pub use goescape_loader as loader;
pub use goescape_loader::{LoadConfig, LoadError, Package, PackageGraph};

pub use environment::cgo_enabled;
pub use hook::{HookOutcome, NoHook, PackageHook, PackageView};
pub use located::{locate_syntax_errors, LocatedError, Position};
pub use program::{CheckedProgram, PackageResult, Retain, Timings};
pub use schedule::check_graph;
pub use status::{panic_message, FileProblem, PackageStatus, Stage};

/// Why a run produced no checked program at all.
#[derive(Debug)]
pub enum DriverError {
    /// Loading failed as a whole (see [`LoadError`]).
    Load(LoadError),
    /// The checker knows no sizes for the target architecture.
    NoSizes { goarch: String },
}

impl fmt::Display for DriverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DriverError::Load(e) => write!(f, "{e}"),
            DriverError::NoSizes { goarch } => write!(
                f,
                "GOARCH={goarch} is not supported by the type checker (no gc sizes for it)"
            ),
        }
    }
}

impl std::error::Error for DriverError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DriverError::Load(e) => Some(e),
            DriverError::NoSizes { .. } => None,
        }
    }
}

/// Loads `cfg`'s packages and checks them: [`goescape_loader::load`] then [`check_graph`],
/// with the time of `go list` in [`Timings::load`].
pub fn load_and_check<H: PackageHook>(
    cfg: &LoadConfig,
    retain: Retain,
    hook: &H,
) -> Result<CheckedProgram<H::Output>, DriverError> {
    let start = Instant::now();
    let graph = goescape_loader::load(cfg).map_err(DriverError::Load)?;
    let load = start.elapsed();
    let mut checked = check_graph(graph, retain, hook)?;
    checked.timings.load = load;
    Ok(checked)
}
