//! Reading one source file into memory, within the limits the parser relies on.

use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// The longest file the parser accepts (4 GiB - 2 bytes): positions are `u32` byte offsets,
/// with `u32::MAX` reserved for "no position". The lexer would silently cut a longer file.
pub const MAX_SOURCE_LEN: u64 = goescape_syntax::lexer::MAX_SOURCE_LEN as u64;

#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    TooLarge { len: u64 },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(err) => f.write_str(&describe_io_error(err)),
            ReadError::TooLarge { len } => write!(
                f,
                "file too large to parse ({len} bytes; the limit is {MAX_SOURCE_LEN} bytes, 4 GiB)"
            ),
        }
    }
}

impl From<io::Error> for ReadError {
    fn from(err: io::Error) -> ReadError {
        ReadError::Io(err)
    }
}

/// Reads the whole file at `path`, refusing files the parser could not address.
pub fn read_source(path: &Path) -> Result<Vec<u8>, ReadError> {
    let file = File::open(path)?;
    let metadata = file.metadata()?;
    if metadata.is_dir() {
        return Err(ReadError::Io(io::Error::other("is a directory")));
    }
    if metadata.len() > MAX_SOURCE_LEN {
        return Err(ReadError::TooLarge {
            len: metadata.len(),
        });
    }
    // The length can change between the check and the read (or be 0 for a pipe or a
    // /proc file), so the read itself is bounded too.
    let mut src = Vec::with_capacity(metadata.len() as usize);
    file.take(MAX_SOURCE_LEN + 1).read_to_end(&mut src)?;
    if src.len() as u64 > MAX_SOURCE_LEN {
        return Err(ReadError::TooLarge {
            len: src.len() as u64,
        });
    }
    Ok(src)
}

/// The message for an IO error, without Rust's "(os error N)" suffix and with the common
/// cases spelled the way other command-line tools spell them.
pub fn describe_io_error(err: &io::Error) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => {
            let text = err.to_string();
            match text.find(" (os error ") {
                Some(suffix) => text[..suffix].to_owned(),
                None => text,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_a_file_longer_than_positions_can_address() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.go");
        // A sparse file: its length is past the limit without using any disk.
        File::create(&path)
            .unwrap()
            .set_len(MAX_SOURCE_LEN + 2)
            .unwrap();
        let err = read_source(&path).unwrap_err();
        assert!(matches!(err, ReadError::TooLarge { .. }), "{err:?}");
        assert!(err.to_string().contains("4 GiB"), "{err}");
    }

    #[test]
    fn reads_a_small_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.go");
        std::fs::write(&path, b"package a\n").unwrap();
        assert_eq!(read_source(&path).unwrap(), b"package a\n");
    }

    #[test]
    fn a_missing_file_reads_as_no_such_file() {
        let err = read_source(Path::new("/nonexistent/goescape/a.go")).unwrap_err();
        assert_eq!(err.to_string(), "no such file or directory");
    }
}
