//! Resolves package patterns to the package graph that `go build PATTERNS` would compile.
//!
//! The go command is the source of truth: [`load`] runs `go env` (to check the toolchain is
//! Go 1.26) and `go list -e -deps -json=... -compiler=gc PATTERNS` in the configured
//! directory and environment, and turns what it prints into a [`PackageGraph`]. Module
//! resolution, `go.work`, vendoring (module `vendor/`, GOPATH `vendor/` and the standard
//! library's own `vendor/golang.org/x/...`), build constraints, `GOOS`/`GOARCH`, `-tags`
//! and `CGO_ENABLED` are therefore exactly the go command's.
//!
//! Invariants of a loaded graph:
//! - `packages[i].id.index() == i`, every [`Import`] points into `packages`, and `by_path`
//!   maps every import path to its package.
//! - Dependency order: unless [`PackageGraph::import_cycle`] finds a cycle, every package
//!   comes after all the packages it imports, and [`PackageGraph::levels`] puts each
//!   package in a later level than all its imports.
//! - `roots` are the packages the patterns matched (go list's `!DepOnly`); at least one
//!   pattern matched something, otherwise loading fails with [`LoadError::NoPackages`].
//! - File paths are absolute; `go_files` are exactly the Go files `go build` passes to the
//!   compiler as they are on disk (`unsafe`, built into the compiler, has none), while
//!   files that import "C" are listed apart in `cgo_files` (goescape does not run cgo).
//! - Problems with individual packages (not found, an import cycle, no buildable files)
//!   do not fail the load: they are each package's [`Package::error`], as `go list -e`
//!   reports them, and the rest of the graph is complete.
//!
//! Layout, one concept per module: `config` (what to load), `gocmd` (running the go
//! command: the only IO), `json` (the go command's output as it is printed), `toolchain`
//! (which Go, which target), `graph` (the model, ordering, levels, cycles), `error` and
//! [`version`] (Go version strings and the `-lang` rule).

mod config;
mod error;
mod gocmd;
mod graph;
mod json;
mod toolchain;
pub mod version;

pub use config::LoadConfig;
pub use error::{LoadError, PackageError};
pub use graph::{
    Import, Module, OtherFile, OtherFileKind, Package, PackageGraph, PackageId, PackageKind,
};
pub use toolchain::Toolchain;

/// Loads the packages matched by `cfg.patterns`, with all their dependencies.
///
/// Fails only if there is no graph to speak of: the go command is missing or not Go 1.26,
/// it failed as a whole (no or malformed go.mod, bad flags or environment), or no pattern
/// matched any package. Errors of single packages are in the graph.
pub fn load(cfg: &LoadConfig) -> Result<PackageGraph, LoadError> {
    let toolchain = gocmd::toolchain(cfg)?;
    let listed = gocmd::list(cfg)?;
    let graph = graph::build(listed.packages, toolchain, listed.warnings)?;
    if graph.roots.is_empty() {
        return Err(LoadError::NoPackages {
            patterns: unmatched_patterns(cfg, &graph.warnings),
        });
    }
    Ok(graph)
}

/// The patterns go list warned about (`go: warning: "PAT" matched no packages`), or all
/// of them if it printed no such warning.
fn unmatched_patterns(cfg: &LoadConfig, warnings: &[String]) -> Vec<String> {
    let named: Vec<String> = warnings
        .iter()
        .filter_map(|w| {
            let rest = w.strip_prefix("go: warning: \"")?;
            Some(rest.strip_suffix("\" matched no packages")?.to_owned())
        })
        .collect();
    if !named.is_empty() {
        named
    } else if cfg.patterns.is_empty() {
        vec![".".to_owned()]
    } else {
        cfg.patterns.clone()
    }
}
