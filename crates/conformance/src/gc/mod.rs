//! The gc side of the escape-analysis conformance: what `go build -gcflags=FLAGS PATTERNS`
//! prints with `-m`, `-m=2` and `-l`, and how goescape's `goescape gc` output compares.
//!
//! * [`run`] runs the go command the way the measurements need it (a fresh `GOCACHE`, cgo
//!   off, the local toolchain, no `GOFLAGS`);
//! * [`parse`] reads its output into `# importpath` sections of positioned messages, with
//!   `-m=2`'s explanation lines kept under the message they explain and every path made
//!   absolute;
//! * [`classes`] names the kind of each message (moved to heap, leaking param, flow, ...);
//! * [`compare`] compares two outputs class by class as multisets per package;
//! * [`producer`] runs goescape's side, `goescape gc FLAGS PATTERNS`, when the binary has it;
//! * [`errorcheck`] checks `// ERROR "regexp"` annotations of our fixtures against messages,
//!   with the semantics of the Go compiler's own errorcheck tests;
//! * [`ratchet`] reads and writes the committed figures in `docs/conformance/escape.md`;
//! * [`report`] holds what the two escape tests print: differing lines, the ratchet check.

pub mod classes;
pub mod compare;
pub mod errorcheck;
pub mod parse;
pub mod producer;
pub mod ratchet;
pub mod report;
pub mod run;
