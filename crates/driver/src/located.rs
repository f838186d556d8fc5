//! Errors with the positions go/types and go/parser report: `file:line:col` after `//line`
//! directives, as go/token's `FileSet.Position` gives them (what `go vet` prints).

use std::fmt;
use std::sync::Arc;

use goescape_syntax::ast::File;
use goescape_syntax::dump::go_adjusted_position;
use goescape_syntax::{Pos, SyntaxError};
use goescape_types::check::TypeError;

/// A position as go/token prints it. `line` and `col` are 0 when the error has no position.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// The file's name as given to the parser (the absolute path), or the name a `//line`
    /// directive gives.
    pub file: String,
    pub line: u32,
    pub col: u32,
}

impl Position {
    /// The position of `pos` in `file`.
    pub fn of(file: &File, pos: Pos) -> Position {
        match go_adjusted_position(file, pos) {
            Some((name, line, col)) if pos.is_valid() => Position {
                file: name,
                line,
                col,
            },
            _ => Position {
                file: file.name.clone(),
                line: 0,
                col: 0,
            },
        }
    }

    pub fn is_known(&self) -> bool {
        self.line > 0
    }
}

/// `file:line:col`, `file:line` without a column, `file` without a line.
impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.col) {
            (0, _) => write!(f, "{}", self.file),
            (line, 0) => write!(f, "{}:{line}", self.file),
            (line, col) => write!(f, "{}:{line}:{col}", self.file),
        }
    }
}

/// A type error and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocatedError {
    pub position: Position,
    pub error: TypeError,
}

impl LocatedError {
    /// Positions `error`, reported for a package whose files are `files`.
    pub fn new(files: &[Arc<File>], error: TypeError) -> LocatedError {
        let position = match files.get(error.file as usize) {
            Some(file) => Position::of(file, error.pos),
            None => Position {
                file: String::new(),
                line: 0,
                col: 0,
            },
        };
        LocatedError { position, error }
    }
}

/// The syntax errors of `file` in the order go/parser sorts them (by position), positioned.
pub fn locate_syntax_errors(file: &File, errors: &[SyntaxError]) -> Vec<(Position, String)> {
    let mut located: Vec<(Position, String)> = errors
        .iter()
        .map(|e| (Position::of(file, e.pos), e.msg.clone()))
        .collect();
    located.sort();
    located
}
