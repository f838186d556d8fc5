//! The exit status of a run, accumulated over all its inputs.

use std::process::ExitCode;

/// Ordered by severity, so that the status of a run is the maximum over its inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExitStatus {
    /// Every input was read and parsed (and type-checked) without error.
    Clean = 0,
    /// Some input has errors (syntax errors; for `types`, also type errors and packages
    /// the go command could not load), reported, then the run went on.
    SourceErrors = 1,
    /// A path was missing or unreadable, or a file could not be processed; for `types`,
    /// nothing could be loaded at all. Also what clap exits with on a usage error.
    InputErrors = 2,
}

impl ExitStatus {
    /// Raises the status to `other` if that is more severe.
    pub fn record(&mut self, other: ExitStatus) {
        *self = (*self).max(other);
    }
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> ExitCode {
        ExitCode::from(status as u8)
    }
}
