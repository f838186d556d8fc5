//! Byte positions and spans inside one source file.
//!
//! Positions are byte offsets (`u32`), never line/column pairs: turning an offset into the
//! `line:col` the compiler prints is the job of [`crate::LineTable`], done only when a message is
//! written.

use std::fmt;

/// A byte offset into one source file, or [`Pos::NONE`] where the AST has no position
/// (go/ast's `token.NoPos`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pos(pub u32);

impl Pos {
    pub const NONE: Pos = Pos(u32::MAX);

    pub fn is_valid(self) -> bool {
        self != Pos::NONE
    }

    pub fn offset(self) -> usize {
        self.0 as usize
    }

    /// The position `n` bytes further on; NONE stays NONE.
    pub fn plus(self, n: u32) -> Pos {
        if self.is_valid() {
            Pos(self.0 + n)
        } else {
            self
        }
    }
}

impl fmt::Debug for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_valid() {
            write!(f, "@{}", self.0)
        } else {
            f.write_str("@none")
        }
    }
}

/// A half-open byte range `start..end` in one source file.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: u32, end: u32) -> Span {
        Span { start, end }
    }

    pub fn pos(self) -> Pos {
        Pos(self.start)
    }

    pub fn end_pos(self) -> Pos {
        Pos(self.end)
    }

    pub fn len(self) -> u32 {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}
