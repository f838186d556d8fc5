//! Type errors, reported at byte positions of the package's files.

use goescape_syntax::Pos;

/// A type error. `soft` errors (go/types' `Error.Soft`) do not invalidate the program's
/// types: unused variables and imports, for example.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeError {
    /// Index of the file in the package's file list.
    pub file: u32,
    pub pos: Pos,
    pub msg: String,
    pub soft: bool,
}
