//! Parses arbitrary bytes and dumps the tree: neither may panic, overflow the stack or hang,
//! and every syntax error must lie inside the file.

#![no_main]

use goescape_syntax::dump::dump_file;
use goescape_syntax::parse_file;
use libfuzzer_sys::fuzz_target;

/// The canonical dump indents each node by its depth, so its size is quadratic in the nesting
/// depth: a 64 KiB input of `((((...` would dump 4 GiB and hit libFuzzer's memory limit
/// without any bug. Up to this size the dump stays under 300 MB.
const MAX_DUMPED_INPUT: usize = 16 * 1024;

fuzz_target!(|data: &[u8]| {
    let len = data.len();
    let parsed = parse_file("fuzz.go", data.to_vec());
    for error in &parsed.errors {
        assert!(
            error.pos.is_valid() && error.pos.offset() <= len,
            "error outside the file ({len} bytes): {error:?}"
        );
        let position = parsed.file.line_table.position(error.pos);
        assert!(
            position.line >= 1 && position.col >= 1,
            "{error:?} at {position:?}"
        );
    }
    if len <= MAX_DUMPED_INPUT {
        let mut dump = String::new();
        dump_file(&parsed.file, &mut dump);
        assert!(!dump.is_empty(), "empty dump");
    }
});
