//! Maps byte offsets to the `line:col` positions gc prints, honouring `//line` directives.
//!
//! A [`LineTable`] holds the start offset of every line of one source file plus the line
//! directives found in it (recorded by the [`crate::lexer::Lexer`]). Positions are only turned
//! into lines and columns when a message is printed, so the lookups here are binary searches
//! over compact `u32` tables rather than state carried through the scanner.
//!
//! # Line and column numbers
//!
//! Lines are 1-based; columns are 1-based byte counts from the start of the line, as both
//! `go/token` and gc (cmd/compile/internal/syntax) compute them. Offsets past the end of the
//! file are clamped to the end, like `go/token`'s `File.Position`. [`Pos::NONE`] never panics:
//! it maps to line 0, column 0 (and to no adjusted position).
//!
//! # Where gc and go/token disagree, and what this table does
//!
//! The two Go implementations agree on every position inside the file. They differ only in
//! corner cases, and this table follows **gc**, whose positions are the ones printed later:
//!
//! * **End of file after a final newline.** For `"a\n"`, `go/token` puts offset 2 (EOF) on
//!   line 1, column 3, because it never records a line that starts at the end of the file;
//!   gc puts it on line 2, column 1 (`unexpected EOF` is reported at `3:1` by gc but at
//!   `2:12` by go/parser for `"package p\nfunc f() {\n"`). This table follows gc: a final
//!   newline starts one more (empty) line, which [`LineTable::line_count`] counts.
//! * **Directives that take effect at the end of the file.** `go/token` drops line
//!   information whose offset is not strictly inside the file, so a `//line` comment on the
//!   last line (or a `/*line*/` comment right before EOF) changes nothing. gc still opens the
//!   new position base, which then applies to the EOF position; so does this table. For a
//!   `//line f:10:3` comment that ends the file without a newline, gc's base lies on the
//!   (non-existent) next line, so EOF comes out as `f:9:<col>`; reproduced here too.
//! * **Block directives spanning lines** (`/*line a\n.go:7*/`, rare and almost always
//!   invalid anyway). go/scanner anchors the new base at the byte after the comment; gc
//!   anchors it on the comment's *first* line, at column `start column + comment length`,
//!   so gc's adjusted line numbers after it are smaller by the number of newlines in the
//!   comment and the directive's column never applies. This table reproduces gc.
//! * **Filenames.** go/scanner cleans a directive's filename and joins a relative one with
//!   the directory of the file being scanned (`filepath.Clean`/`Join`); gc keeps it exactly
//!   as written. This table keeps it as written (bytes that are not UTF-8 are replaced by
//!   U+FFFD).
//! * **Saturation.** gc saturates line and column numbers at 2^30; here adjusted numbers
//!   saturate at `u32::MAX` instead (only reachable with lines longer than 1 GiB or more than
//!   a billion lines, far beyond what gc accepts anyway).
//! * **go/scanner's `int` conversion.** go/scanner converts a directive's line or column to
//!   `int` before range-checking it, so a number in `[2^63, 2^64)` wraps negative and is
//!   accepted; gc rejects it ("invalid line number"), and so does the lexer.
//!
//! Printing is not this table's business, but note that the compiler prints positions
//! through `cmd/internal/src`, which keeps lines below 2^20 - 2 and columns below 255: it
//! clamps larger lines (dropping the column) and prints no column from 255 on, e.g.
//! `x.go:2: invalid character` for a bad character in column 309. The numbers returned here
//! are the exact ones, before that clamping.
//!
//! Apart from those, [`LineTable::adjusted`] computes exactly what `go/token`'s
//! `PositionFor(pos, true)` and gc's `RelFilename`/`RelLine`/`RelCol` compute: the most
//! recent directive at or before the position applies; the adjusted line is the directive's
//! line plus the number of lines between the directive's base and the position; the column is
//! unknown (0) from a line-only directive onwards, shifted relative to the directive's column
//! on the directive's own base line, and the plain column on later lines.

use crate::lexer::MAX_SOURCE_LEN;
use crate::pos::{Pos, Span};

/// A line and column as the compiler prints them: both 1-based, the column counted in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub col: u32,
}

/// One line directive, as stored in the table.
#[derive(Clone, Debug)]
struct Directive {
    /// First offset the directive applies to.
    offset: u32,
    /// The unadjusted line and column of the position base (gc's `PosBase.Pos()`).
    base_line: u32,
    base_col: u32,
    /// The filename as written, or `None` for "the file's own name" (an empty filename in the
    /// `:line:col` form with no earlier directive to inherit from).
    file: Option<Box<str>>,
    line: u32,
    /// 0 when the directive gave no column.
    col: u32,
}

/// Line starts and line directives of one source file. See the module documentation.
#[derive(Clone, Debug, Default)]
pub struct LineTable {
    /// Offset of the first byte of each line: `lines[0] == 0`, then one entry after each
    /// `'\n'` (including a final one at the end of the file). Empty only for `Default`.
    lines: Vec<u32>,
    /// Length of the source the table describes.
    len: u32,
    directives: Vec<Directive>,
}

/// Appends the offset after each newline of `src[from..]` to `lines`.
pub(crate) fn extend_line_starts(lines: &mut Vec<u32>, src: &[u8], from: usize) {
    // Casts are lossless: `src.len() <= MAX_SOURCE_LEN < u32::MAX`.
    lines.extend(memchr::memchr_iter(b'\n', &src[from..]).map(|i| (from + i) as u32 + 1));
}

impl LineTable {
    /// The line table of `src`, without any directive. Sources longer than
    /// [`MAX_SOURCE_LEN`] are treated as if cut off there.
    pub fn from_source(src: &[u8]) -> LineTable {
        let src = &src[..src.len().min(MAX_SOURCE_LEN)];
        let mut lines = Vec::with_capacity(src.len() / 32 + 1);
        lines.push(0);
        extend_line_starts(&mut lines, src, 0);
        LineTable::from_line_starts(lines, src.len())
    }

    /// A table from line starts already found (the lexer records them as it scans):
    /// `lines` must begin with 0 and hold the offset after every newline of the source.
    pub(crate) fn from_line_starts(lines: Vec<u32>, len: usize) -> LineTable {
        LineTable {
            lines,
            // Lossless: callers cut sources at MAX_SOURCE_LEN < u32::MAX.
            len: len as u32,
            directives: Vec::new(),
        }
    }

    /// Length in bytes of the source this table describes.
    pub fn source_len(&self) -> u32 {
        self.len
    }

    /// Number of lines. A final newline starts one more, empty, line (gc's view: the EOF
    /// position after it is on that line); an empty source has one line. Note that
    /// `go/token`'s `File.LineCount` does not count that last empty line.
    pub fn line_count(&self) -> usize {
        self.lines.len().max(1)
    }

    /// Offset of the first byte of the 1-based `line`, or `None` if there is no such line.
    pub fn line_start(&self, line: u32) -> Option<u32> {
        if line == 0 {
            return None;
        }
        match self.lines.get(line as usize - 1) {
            Some(&start) => Some(start),
            None if line == 1 => Some(0),
            None => None,
        }
    }

    /// The unadjusted position of `pos`: line 1-based, column = byte offset within the line
    /// plus 1. Offsets past the end are clamped to the end; [`Pos::NONE`] gives line 0,
    /// column 0.
    pub fn position(&self, pos: Pos) -> Position {
        if !pos.is_valid() {
            return Position { line: 0, col: 0 };
        }
        let off = pos.0.min(self.len);
        let idx = self.line_index(off);
        let start = self.lines.get(idx).copied().unwrap_or(0);
        Position {
            line: idx as u32 + 1,
            col: off - start + 1,
        }
    }

    /// The position of `pos` after `//line` directives, or `None` if no directive applies
    /// (or `pos` is [`Pos::NONE`]). Returns `(filename, line, col)` where `col == 0` means no
    /// column is known (go/token and gc then print `file:line`).
    ///
    /// A directive written as `//line :line:col` with no earlier directive inherits the name
    /// of the file itself, which this table does not know: `adjusted` returns `""` for it,
    /// exactly as for `//line :line` (whose filename really is empty). Use
    /// [`LineTable::adjusted_for`] to tell the two apart.
    pub fn adjusted(&self, pos: Pos) -> Option<(&str, u32, u32)> {
        self.adjusted_for(pos, "")
    }

    /// Like [`LineTable::adjusted`], with `file_name` standing for the name of the file itself
    /// (used where a directive inherited it).
    pub fn adjusted_for<'s>(&'s self, pos: Pos, file_name: &'s str) -> Option<(&'s str, u32, u32)> {
        if !pos.is_valid() {
            return None;
        }
        let off = pos.0.min(self.len);
        let k = self.directives.partition_point(|d| d.offset <= off);
        let dir = self.directives.get(k.checked_sub(1)?)?;
        let here = self.position(Pos(off));
        // Signed: a `//line` comment ending the file without a newline has its base on the
        // line after the end, so the EOF position lies one line before it (gc then prints
        // `line - 1`, which this reproduces).
        let shift = |value: u32, to: u32, from: u32| {
            let v = i64::from(value) + i64::from(to) - i64::from(from);
            v.clamp(0, i64::from(u32::MAX)) as u32
        };
        let line = shift(dir.line, here.line, dir.base_line);
        let col = if dir.col == 0 {
            0
        } else if here.line == dir.base_line {
            shift(dir.col, here.col, dir.base_col)
        } else {
            here.col
        };
        Some((dir.file.as_deref().unwrap_or(file_name), line, col))
    }

    /// Whether any line directive was recorded.
    pub fn has_directives(&self) -> bool {
        !self.directives.is_empty()
    }

    /// Records a valid line directive held by the comment `comment` (`block`: a `/*...*/`
    /// comment, else a `//` comment, whose span excludes its newline).
    ///
    /// `file` is the filename as written, or `None` for an empty filename in the
    /// `filename:line:col` form, which keeps the previous directive's filename (the file's
    /// own name if there is none). `col == 0` means the directive gave no column. The
    /// directive applies from the byte after the comment (for `//line`, from the start of the
    /// next line, or to the EOF position alone if the comment ends the file).
    /// Directives must be added in source order; one that does not start strictly after the
    /// previous one, or beyond the end of the source, is ignored.
    pub fn add_line_directive(
        &mut self,
        comment: Span,
        block: bool,
        file: Option<&str>,
        line: u32,
        col: u32,
    ) {
        if comment.start > comment.end || comment.end > self.len {
            return;
        }
        let start = self.position(Pos(comment.start));
        let (offset, base_line, base_col) = if block {
            // gc anchors the base on the comment's first line, just after its last byte.
            let base_col = start.col.saturating_add(comment.end - comment.start);
            (comment.end, start.line, base_col)
        } else {
            // The base is the start of the next line; without one (a comment ending the
            // file), gc still puts it there, and only the EOF position follows.
            let next = self.line_start(start.line + 1).unwrap_or(self.len);
            (next, start.line + 1, 1)
        };
        if self.directives.last().is_some_and(|d| d.offset >= offset) {
            return;
        }
        let file = match file {
            Some(name) => Some(Box::from(name)),
            None => self.directives.last().and_then(|d| d.file.clone()),
        };
        self.directives.push(Directive {
            offset,
            base_line,
            base_col,
            file,
            line,
            col,
        });
    }

    /// Index into `lines` of the line holding `off` (`off <= len`).
    fn line_index(&self, off: u32) -> usize {
        self.lines
            .partition_point(|&start| start <= off)
            .saturating_sub(1)
    }
}
