//! What became of each package: checked, or why not. Failures are data, never an abort.

use std::path::PathBuf;
use std::sync::Arc;

use goescape_loader::PackageError;
use goescape_syntax::ast::File;
use goescape_syntax::SyntaxError;

/// Why one of a package's files contributed nothing to the check.
#[derive(Debug, Clone)]
pub enum FileProblem {
    /// The file could not be read.
    Io { path: PathBuf, error: String },
    /// The file does not parse. The tree is kept so that the errors can be positioned
    /// (`//line` directives included) when they are printed.
    Syntax {
        path: PathBuf,
        file: Arc<File>,
        errors: Vec<SyntaxError>,
    },
}

impl FileProblem {
    pub fn path(&self) -> &PathBuf {
        match self {
            FileProblem::Io { path, .. } | FileProblem::Syntax { path, .. } => path,
        }
    }
}

/// Which stage of the pipeline a caught panic came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Parse,
    Check,
}

impl Stage {
    pub fn name(self) -> &'static str {
        match self {
            Stage::Parse => "the parser",
            Stage::Check => "the checker",
        }
    }
}

/// The outcome of one package of the graph.
#[derive(Debug, Clone)]
pub enum PackageStatus {
    /// Type-checked (its type errors, if any, are in [`crate::PackageResult::errors`]).
    Checked,
    /// `unsafe`, built into the checker.
    Builtin,
    /// `C`, cgo's pseudo-package: never compiled by goescape.
    Cgo,
    /// go list reported an error for the package (not found, import cycle, ...).
    ListError(PackageError),
    /// Some files could not be read or do not parse; the package is not checked (as
    /// `go build` would not compile it). In file order.
    FileErrors(Vec<FileProblem>),
    /// A panic of the parser or the checker was caught (a bug of goescape): the package
    /// is not checked. (A panic of a hook leaves the package checked: it is the hook's
    /// result, see [`crate::HookOutcome`].)
    Panicked { stage: Stage, message: String },
}

impl PackageStatus {
    /// Whether the package's types are available to its importers.
    pub fn is_checked(&self) -> bool {
        matches!(self, PackageStatus::Checked | PackageStatus::Builtin)
    }
}

/// The message of a caught panic's payload.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "(non-string panic payload)".to_owned()
    }
}
