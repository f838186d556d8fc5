//! The Go front end's first layer: source bytes in, a typed syntax tree and positioned
//! syntax errors out.
//!
//! Architecture invariant: this crate does no IO and never panics on any input. A file with
//! syntax errors still yields a [`ast::File`] (with `Bad` nodes where needed) together with
//! the errors, each at a byte position that [`LineTable`] turns into the `line:col` gc prints.

pub mod ast;
pub mod ast_pos;
pub mod dump;
pub mod expr_string;
pub mod lexer;
pub mod line_table;
pub mod parser;
pub mod pos;
pub mod token;

pub use line_table::{LineTable, Position};
pub use parser::parse_file;
pub use pos::{Pos, Span};
pub use token::Token;

/// A syntax error at a byte position of the file being parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub msg: String,
}

/// The result of parsing one file: the tree (always present) and the errors, in the order
/// they were found.
#[derive(Debug)]
pub struct Parsed {
    pub file: ast::File,
    pub errors: Vec<SyntaxError>,
}
