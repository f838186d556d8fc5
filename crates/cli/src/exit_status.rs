//! The exit status of a run, accumulated over all its inputs.

use std::process::ExitCode;

/// Ordered by severity, so that the status of a run is the maximum over its inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExitStatus {
    /// Every input was read and parsed without error.
    Clean = 0,
    /// Some input has syntax errors (reported, then the run went on).
    SyntaxErrors = 1,
    /// A path was missing or unreadable, or a file could not be processed. Also what clap
    /// exits with on a usage error.
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
