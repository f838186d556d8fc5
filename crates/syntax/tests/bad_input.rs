//! Hostile and broken input: the parser must always return, with a tree that can be dumped
//! and with errors at real positions of the file.
//!
//! Everything runs on the test harness's ordinary threads (2 MiB stacks): deep nesting is the
//! parser's own business (it grows its stack with `stacker`), not the caller's.

use goescape_syntax::dump::dump_file;
use goescape_syntax::{parse_file, Parsed};
use std::ops::RangeInclusive;

/// go/parser's `maxNestLev` (go/parser/parser.go): it gives up on deeper nesting with
/// "exceeded max nesting depth". Our parser may parse such input or report that error.
const GO_PARSER_MAX_NESTING: usize = 100_000;
const NESTING_LIMIT_MESSAGE: &str = "exceeded max nesting depth";

/// Parses `src`, checking that every error has a position inside the file (the end-of-file
/// position included) that the line table can turn into `line:col`.
fn parse_checked(src: Vec<u8>) -> Parsed {
    let len = src.len();
    let parsed = parse_file("bad.go", src);
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
        assert!(!error.msg.is_empty(), "empty message at {:?}", error.pos);
    }
    parsed
}

/// [`parse_checked`], then the canonical dump of the tree.
fn parse_and_dump(src: Vec<u8>) -> (Parsed, String) {
    let parsed = parse_checked(src);
    let mut dump = String::new();
    dump_file(&parsed.file, &mut dump);
    assert!(!dump.is_empty(), "empty dump");
    (parsed, dump)
}

fn assert_clean(parsed: &Parsed) {
    assert!(
        parsed.errors.is_empty(),
        "unexpected errors: {:?}",
        first_errors(parsed)
    );
}

/// For valid input nested deeper than go/parser allows: no error, or go/parser's error.
fn assert_clean_or_nesting_limit(parsed: &Parsed) {
    assert!(
        parsed.errors.is_empty()
            || parsed
                .errors
                .iter()
                .any(|e| e.msg.contains(NESTING_LIMIT_MESSAGE)),
        "valid input gave errors other than the nesting limit: {:?}",
        first_errors(parsed)
    );
}

fn assert_has_error(parsed: &Parsed) {
    assert!(!parsed.errors.is_empty(), "no error reported");
}

/// Asserts an error at `offset` whose message contains one of `message_parts` (go/scanner
/// and gc's scanner word some messages differently).
fn assert_error_at(parsed: &Parsed, offset: usize, message_parts: &[&str]) {
    assert!(
        parsed
            .errors
            .iter()
            .any(|e| e.pos.offset() == offset
                && message_parts.iter().any(|part| e.msg.contains(part))),
        "no error containing one of {message_parts:?} at offset {offset}: {:?}",
        first_errors(parsed)
    );
}

fn first_errors(parsed: &Parsed) -> &[goescape_syntax::SyntaxError] {
    &parsed.errors[..parsed.errors.len().min(5)]
}

/// A source made of `prefix`, `open` repeated, `middle`, `close` repeated, `suffix`.
struct Nesting {
    prefix: &'static str,
    open: &'static str,
    middle: &'static str,
    close: &'static str,
    suffix: &'static str,
}

impl Nesting {
    fn source(&self, depth: usize) -> Vec<u8> {
        let repeated = (self.open.len() + self.close.len()) * depth;
        let mut src = String::with_capacity(self.prefix.len() + repeated + 64);
        src.push_str(self.prefix);
        for _ in 0..depth {
            src.push_str(self.open);
        }
        src.push_str(self.middle);
        for _ in 0..depth {
            src.push_str(self.close);
        }
        src.push_str(self.suffix);
        src.into_bytes()
    }
}

/// The canonical dump indents every node by its depth, so its size grows with the square of
/// the nesting: 100 000 levels would print over 10 GB. Deep trees are therefore parsed at
/// go/parser's limit but dumped at this depth, which still holds far more frames than a
/// 2 MiB stack if the dumper recursed without growing its stack.
const DUMP_DEPTH: usize = 5_000;

/// Valid input nested to go/parser's limit parses (or stops at the limit), and the same
/// shape at [`DUMP_DEPTH`] parses cleanly and dumps.
fn check_valid_nesting(shape: Nesting) {
    let deep = parse_checked(shape.source(GO_PARSER_MAX_NESTING));
    assert_clean_or_nesting_limit(&deep);
    drop(deep);
    let (dumpable, dump) = parse_and_dump(shape.source(DUMP_DEPTH));
    assert_clean(&dumpable);
    assert!(dump.lines().count() > DUMP_DEPTH, "the dump lost levels");
}

/// Nesting that is never closed: error recovery must not recurse without bound either.
fn check_unclosed_nesting(shape: Nesting) {
    assert_has_error(&parse_checked(shape.source(GO_PARSER_MAX_NESTING)));
    assert_has_error(&parse_and_dump(shape.source(DUMP_DEPTH)).0);
}

// ---------------------------------------------------------------------------------------------
// Deep nesting of valid constructs.

#[test]
fn deeply_nested_parentheses() {
    check_valid_nesting(Nesting {
        prefix: "package p\nvar x = ",
        open: "(",
        middle: "1",
        close: ")",
        suffix: "\n",
    });
}

#[test]
fn deeply_nested_unary_minus() {
    check_valid_nesting(Nesting {
        prefix: "package p\nvar x = ",
        open: "-(",
        middle: "1",
        close: ")",
        suffix: "\n",
    });
}

#[test]
fn deeply_nested_unary_operators_without_parentheses() {
    check_valid_nesting(Nesting {
        prefix: "package p\nvar x = ",
        open: "^",
        middle: "1",
        close: "",
        suffix: "\n",
    });
}

#[test]
fn deeply_nested_slice_types() {
    check_valid_nesting(Nesting {
        prefix: "package p\nvar x ",
        open: "[]",
        middle: "int",
        close: "",
        suffix: "\n",
    });
}

#[test]
fn deeply_nested_pointer_and_map_types() {
    check_valid_nesting(Nesting {
        prefix: "package p\nvar x ",
        open: "map[*int]*",
        middle: "int",
        close: "",
        suffix: "\n",
    });
}

#[test]
fn deeply_nested_func_literals() {
    check_valid_nesting(Nesting {
        prefix: "package p\nvar f = ",
        open: "func() { _ = ",
        middle: "0",
        close: " }",
        suffix: "\n",
    });
}

#[test]
fn deeply_nested_blocks() {
    check_valid_nesting(Nesting {
        prefix: "package p\nfunc f() {",
        open: "{",
        middle: "",
        close: "}",
        suffix: "}\n",
    });
}

#[test]
fn deeply_nested_composite_literals() {
    check_valid_nesting(Nesting {
        prefix: "package p\nvar x = ",
        open: "[]any{",
        middle: "",
        close: "}",
        suffix: "\n",
    });
}

#[test]
fn deeply_nested_elided_composite_literals() {
    check_valid_nesting(Nesting {
        prefix: "package p\nvar x = [][]int{",
        open: "{",
        middle: "",
        close: "}",
        suffix: "}\n",
    });
}

#[test]
fn long_if_else_chain() {
    check_valid_nesting(Nesting {
        prefix: "package p\nfunc f(c bool) {\n\t",
        open: "if c {\n\t} else ",
        middle: "{\n\t}",
        close: "",
        suffix: "\n}\n",
    });
}

#[test]
fn deeply_nested_calls_and_selectors() {
    check_valid_nesting(Nesting {
        prefix: "package p\nvar x = ",
        open: "f(g.",
        middle: "h",
        close: ")",
        suffix: "\n",
    });
}

#[test]
fn long_flat_binary_chain() {
    // Left-associative, so the tree is deep even though the text is flat.
    check_valid_nesting(Nesting {
        prefix: "package p\nvar x = 1",
        open: "+1",
        middle: "",
        close: "",
        suffix: "\n",
    });
}

// ---------------------------------------------------------------------------------------------
// Deep nesting that is never closed.

#[test]
fn unclosed_parentheses_at_depth() {
    check_unclosed_nesting(Nesting {
        prefix: "package p\nvar x = ",
        open: "(",
        middle: "",
        close: "",
        suffix: "",
    });
}

#[test]
fn unclosed_blocks_at_depth() {
    check_unclosed_nesting(Nesting {
        prefix: "package p\nfunc f() ",
        open: "{",
        middle: "",
        close: "",
        suffix: "",
    });
}

#[test]
fn unclosed_brackets_and_braces_at_depth() {
    check_unclosed_nesting(Nesting {
        prefix: "package p\nvar x = ",
        open: "[]T{[",
        middle: "",
        close: "",
        suffix: "",
    });
}

#[test]
fn stray_closing_tokens() {
    check_unclosed_nesting(Nesting {
        prefix: "package p\n",
        open: ")]}",
        middle: "",
        close: "",
        suffix: "",
    });
}

// ---------------------------------------------------------------------------------------------
// Size.

/// A 50 MB file of ordinary declarations, ending in one syntax error: the whole file is
/// parsed, and the error's line (near the end) is computed right.
#[test]
fn fifty_megabyte_file() {
    const TARGET_LEN: usize = 50 * 1000 * 1000;
    let mut src = String::with_capacity(TARGET_LEN + 1024);
    src.push_str("package big\n\n");
    let mut lines = 2u32;
    let mut n = 0u32;
    while src.len() < TARGET_LEN {
        src.push_str(&format!(
            "// f{n} doubles its argument.\nfunc f{n}(x int) int {{\n\ty := x * 2 // {n}\n\treturn y\n}}\n\n"
        ));
        lines += 6;
        n += 1;
    }
    let error_line = lines + 1;
    src.push_str("func broken( {\n");
    let (parsed, dump) = parse_and_dump(src.into_bytes());
    assert_has_error(&parsed);
    let position = parsed.file.line_table.position(parsed.errors[0].pos);
    assert_eq!(position.line, error_line, "{:?}", parsed.errors[0]);
    assert!(
        parsed.file.decls.len() >= n as usize,
        "{} decls",
        parsed.file.decls.len()
    );
    assert!(dump.len() > 1000);
}

// ---------------------------------------------------------------------------------------------
// Bytes that are not Go source.

#[test]
fn invalid_utf8_in_a_string_literal() {
    let src = b"package p\nvar s = \"a\xffb\"\n".to_vec();
    let bad = src.iter().position(|&b| b == 0xff).unwrap();
    let (parsed, _) = parse_and_dump(src);
    assert_error_at(&parsed, bad, &["UTF-8"]);
}

#[test]
fn invalid_utf8_in_a_comment() {
    let src = b"package p\n// caf\xe9\nvar s = 1\n".to_vec();
    let bad = src.iter().position(|&b| b == 0xe9).unwrap();
    let (parsed, _) = parse_and_dump(src);
    assert_error_at(&parsed, bad, &["UTF-8"]);
}

#[test]
fn invalid_utf8_in_code() {
    let src = b"package p\nvar \xc3\x28 = 1\n".to_vec();
    assert_has_error(&parse_and_dump(src).0);
}

#[test]
fn truncated_multibyte_character_at_end_of_file() {
    let src = b"package p\nvar s = 1 // \xe2\x82".to_vec();
    assert_has_error(&parse_and_dump(src).0);
}

#[test]
fn binary_garbage() {
    // A deterministic byte soup (xorshift), as from a file that is not text at all.
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let src: Vec<u8> = (0..64 * 1024)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    assert_has_error(&parse_and_dump(src).0);
}

#[test]
fn nul_byte_in_code() {
    let src = b"package p\nvar x = 1\x00\n".to_vec();
    let nul = src.iter().position(|&b| b == 0).unwrap();
    let (parsed, _) = parse_and_dump(src);
    assert_error_at(&parsed, nul, &["NUL"]);
}

#[test]
fn nul_byte_in_a_string_literal() {
    let src = b"package p\nvar s = \"a\x00b\"\n".to_vec();
    let nul = src.iter().position(|&b| b == 0).unwrap();
    let (parsed, _) = parse_and_dump(src);
    assert_error_at(&parsed, nul, &["NUL"]);
}

#[test]
fn only_nul_bytes() {
    assert_has_error(&parse_and_dump(vec![0; 4096]).0);
}

// ---------------------------------------------------------------------------------------------
// Literals and comments that never end.

#[test]
fn unterminated_string() {
    let (parsed, _) = parse_and_dump(b"package p\nvar s = \"abc\n".to_vec());
    assert_error_at(&parsed, 18, &["not terminated"]);
}

#[test]
fn unterminated_string_at_end_of_file() {
    let (parsed, _) = parse_and_dump(b"package p\nvar s = \"abc".to_vec());
    assert_error_at(&parsed, 18, &["not terminated"]);
}

#[test]
fn unterminated_raw_string() {
    let (parsed, _) = parse_and_dump(b"package p\nvar s = `abc\n\nfunc f() {}\n".to_vec());
    assert_error_at(&parsed, 18, &["not terminated"]);
}

#[test]
fn unterminated_rune() {
    let (parsed, _) = parse_and_dump(b"package p\nvar r = 'a\n".to_vec());
    assert_error_at(&parsed, 18, &["not terminated"]);
}

#[test]
fn unterminated_general_comment() {
    let (parsed, _) = parse_and_dump(b"package p\n/* never closed\nvar x = 1\n".to_vec());
    assert_error_at(&parsed, 10, &["not terminated"]);
}

#[test]
fn unterminated_escape_at_end_of_file() {
    assert_has_error(&parse_and_dump(b"package p\nvar s = \"\\".to_vec()).0);
}

// ---------------------------------------------------------------------------------------------
// Byte order marks and empty files.

#[test]
fn lone_byte_order_mark() {
    // Skipped as go/scanner skips a leading BOM, leaving a file with no package clause.
    assert_has_error(&parse_and_dump("\u{feff}".as_bytes().to_vec()).0);
}

#[test]
fn leading_byte_order_mark_is_allowed() {
    assert_clean(&parse_and_dump("\u{feff}package p\n".as_bytes().to_vec()).0);
}

#[test]
fn byte_order_mark_after_the_start() {
    let src = "package p\nvar x = \u{feff}1\n".as_bytes().to_vec();
    let (parsed, _) = parse_and_dump(src);
    assert_error_at(&parsed, 18, &["byte order mark", "BOM"]);
}

#[test]
fn empty_file() {
    assert_has_error(&parse_and_dump(Vec::new()).0);
}

#[test]
fn only_whitespace_and_comments() {
    assert_has_error(&parse_and_dump(b"\n\t // nothing\n/* here */\r\n".to_vec()).0);
}

// ---------------------------------------------------------------------------------------------
// Every prefix of a realistic file.

/// A small but realistic file touching most of the grammar (1923 bytes).
const SAMPLE: &str = r#"// Package inventory keeps stock counts for a small shop.
package inventory

import (
	"errors"
	"fmt"
	"sort"
	"sync"
)

// Unit is how an item is counted.
type Unit int

const (
	Piece Unit = iota
	Kilogram
	Litre
)

var ErrUnknown = errors.New("inventory: unknown item")

// Item is one line of stock.
type Item struct {
	Name  string `json:"name"`
	Count int    `json:"count,omitempty"`
	Unit  Unit
	tags  map[string]struct{}
}

type Store[K comparable, V any] interface {
	Get(key K) (V, bool)
	Put(key K, value V)
}

// Shop is safe for concurrent use.
type Shop struct {
	mu    sync.Mutex
	items map[string]*Item
}

func NewShop(items ...Item) *Shop {
	s := &Shop{items: make(map[string]*Item, len(items))}
	for i := range items {
		it := items[i]
		s.items[it.Name] = &it
	}
	return s
}

func (s *Shop) Take(name string, n int) (left int, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	it, ok := s.items[name]
	if !ok {
		return 0, fmt.Errorf("take %q: %w", name, ErrUnknown)
	} else if it.Count < n {
		return it.Count, errors.New(`not enough in stock`)
	}
	it.Count -= n
	return it.Count, nil
}

func Names[M ~map[string]V, V any](m M) []string {
	names := make([]string, 0, len(m))
	for name := range m {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

func (u Unit) String() string {
	switch u {
	case Piece:
		return "pc"
	case Kilogram, Litre:
		return [...]string{1: "kg", 2: "l"}[u]
	default:
		return fmt.Sprintf("Unit(%d)", int(u))
	}
}

func Describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "<nil>"
	case *Item:
		return x.Name + " x" + fmt.Sprint(x.Count)
	case fmt.Stringer:
		return x.String()
	}
	return "?"
}

func Drain(ctx <-chan struct{}, in chan<- rune) (n int) {
	done := make(chan bool, 1)
	go func() {
		defer close(done)
	loop:
		for {
			select {
			case <-ctx:
				break loop
			case in <- 'x':
				n++
			}
		}
	}()
	<-done
	return n &^ 0x1f
}
"#;

/// The prefix lengths of SAMPLE that go/parser accepts: everything else is not valid Go.
/// Recompute after changing SAMPLE with a loop over `parser.ParseFile(fset, "p.go",
/// src[:n], parser.ParseComments)` for n in 0..=len(src), printing the runs where err == nil.
const SAMPLE_VALID_PREFIXES: &[RangeInclusive<usize>] = &[
    67..=77,
    120..=122,
    124..=157,
    168..=172,
    217..=219,
    237..=242,
    244..=246,
    273..=275,
    277..=305,
    316..=320,
    431..=433,
    466..=473,
    521..=523,
    525..=559,
    570..=574,
    621..=623,
    650..=651,
    653..=657,
    794..=796,
    835..=836,
    857..=858,
    1105..=1107,
    1146..=1147,
    1150..=1156,
    1286..=1288,
    1310..=1318,
    1478..=1480,
    1500..=1508,
    1676..=1678,
    1725..=1726,
    1733..=1734,
    1922..=1923,
];

#[test]
fn every_prefix_of_a_realistic_file() {
    assert_eq!(
        SAMPLE.len(),
        1923,
        "SAMPLE changed: recompute SAMPLE_VALID_PREFIXES"
    );
    for len in 0..=SAMPLE.len() {
        let prefix = SAMPLE.as_bytes()[..len].to_vec();
        let (parsed, _) = parse_and_dump(prefix);
        let valid = SAMPLE_VALID_PREFIXES.iter().any(|r| r.contains(&len));
        if valid {
            assert!(
                parsed.errors.is_empty(),
                "prefix of {len} bytes is valid Go but gave {:?}",
                first_errors(&parsed)
            );
        } else {
            assert!(
                !parsed.errors.is_empty(),
                "prefix of {len} bytes is not valid Go but gave no error: {:?}",
                String::from_utf8_lossy(&SAMPLE.as_bytes()[len.saturating_sub(40)..len])
            );
        }
    }
}

#[test]
fn every_suffix_after_the_package_clause() {
    // SAMPLE says `package` only once, so a suffix that starts past it has no package
    // clause and is never valid.
    let clause = SAMPLE.find("package inventory").unwrap();
    for start in clause + 1..=SAMPLE.len() {
        let suffix = SAMPLE.as_bytes()[start..].to_vec();
        assert_has_error(&parse_and_dump(suffix).0);
    }
}
