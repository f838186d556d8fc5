//! The totals `goescape parse` prints at the end of a run.

use std::fmt;
use std::time::Duration;

#[derive(Debug, Default)]
pub struct ParseSummary {
    pub files: u64,
    pub bytes: u64,
    pub lines: u64,
    pub syntax_errors: u64,
    /// Files that could not be read (missing, unreadable, too large).
    pub unreadable_files: u64,
    /// From the first file read to the last result printed: reading, parsing, printing.
    pub wall_time: Duration,
}

impl ParseSummary {
    pub fn add_file(&mut self, bytes: u64, lines: u64, syntax_errors: usize) {
        self.files += 1;
        self.bytes += bytes;
        self.lines += lines;
        self.syntax_errors += syntax_errors as u64;
    }

    /// Decimal megabytes (10^6 bytes) of source per second of wall time.
    pub fn megabytes_per_second(&self) -> f64 {
        let seconds = self.wall_time.as_secs_f64();
        if seconds == 0.0 {
            0.0
        } else {
            self.bytes as f64 / 1e6 / seconds
        }
    }
}

/// Lines as an editor counts them: a last line without a newline still counts.
pub fn count_lines(src: &[u8]) -> u64 {
    let newlines = src.iter().filter(|&&byte| byte == b'\n').count() as u64;
    let unterminated_last_line = !src.is_empty() && !src.ends_with(b"\n");
    newlines + u64::from(unterminated_last_line)
}

impl fmt::Display for ParseSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "files:          {}", self.files)?;
        writeln!(f, "bytes:          {}", self.bytes)?;
        writeln!(f, "lines:          {}", self.lines)?;
        writeln!(f, "syntax errors:  {}", self.syntax_errors)?;
        if self.unreadable_files > 0 {
            writeln!(f, "unreadable:     {}", self.unreadable_files)?;
        }
        writeln!(f, "wall time:      {:.3} s", self.wall_time.as_secs_f64())?;
        writeln!(f, "throughput:     {:.1} MB/s", self.megabytes_per_second())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_an_unterminated_last_line() {
        assert_eq!(count_lines(b""), 0);
        assert_eq!(count_lines(b"a"), 1);
        assert_eq!(count_lines(b"a\n"), 1);
        assert_eq!(count_lines(b"a\nb"), 2);
        assert_eq!(count_lines(b"\n\n"), 2);
    }

    #[test]
    fn throughput_is_decimal_megabytes_per_second() {
        let summary = ParseSummary {
            bytes: 3_000_000,
            wall_time: Duration::from_millis(500),
            ..ParseSummary::default()
        };
        assert!((summary.megabytes_per_second() - 6.0).abs() < 1e-9);
        let text = summary.to_string();
        assert!(text.contains("throughput:     6.0 MB/s"), "{text}");
    }
}
