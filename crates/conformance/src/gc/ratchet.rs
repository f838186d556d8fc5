//! The committed escape-analysis figures, `docs/conformance/escape.md`.
//!
//! The file has three sections, each written by a test run and kept verbatim by the
//! others: the quick sample of standard-library packages (a ratchet: `escape_vs_gc`), the
//! fixtures under `tests/escape` (a ratchet: `escape_fixtures`), and all of std (recorded
//! by hand with `GOESCAPE_ESCAPE_PACKAGES=std`, for information). A section holds bullet
//! lines (`- key: `value``) and one table per flag set, under `### `FLAGS``, of lines per
//! class: gc's, goescape's, and those both print. A ratchet fails when the lines both
//! print go down in any class of any table; [`crate::ratchet::judge`] decides, as for the
//! type checker.

use std::fmt::Write as _;

use crate::classes::Counts;
use crate::gc::classes::Class;
use crate::gc::compare::total;
use crate::ratchet::{self as types_ratchet, Verdict};

/// The heading of the sample's section.
pub const SAMPLE: &str = "The sample (ratchet)";
/// The heading of the fixtures' section.
pub const FIXTURES: &str = "The fixtures (ratchet)";
/// The heading of the all-of-std section.
pub const STD: &str = "All of std (for information)";

const SECTIONS: [&str; 3] = [SAMPLE, FIXTURES, STD];

/// One table: the counts per class for one flag set.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The `-gcflags` value (`-m -l`).
    pub flags: String,
    pub classes: Vec<(Class, Counts)>,
}

/// One section's figures.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Record {
    /// `GOVERSION GOOS/GOARCH`.
    pub toolchain: String,
    /// What was measured: package patterns, or fixture names.
    pub packages: Vec<String>,
    /// Further `- key: value` lines (times, goescape's availability, fixtures passed).
    pub notes: Vec<(String, String)>,
    pub tables: Vec<Table>,
}

impl Record {
    /// The value of note `key`.
    pub fn note(&self, key: &str) -> Option<&str> {
        self.notes
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

const INTRO: &str = "# Escape analysis conformance against gc

goescape's `goescape gc FLAGS PACKAGES` must print what `go build -gcflags='FLAGS' PACKAGES`
prints, line for line. The conformance harness (`crates/conformance/src/gc/`) runs both on
the same packages, gc with a fresh `GOCACHE` (the go command replays cached output, with
paths shortened for the first build's directory), `CGO_ENABLED=0`, `GOTOOLCHAIN=local` and
an empty `GOFLAGS`, and compares their lines per message class, as multisets per package,
with every path made absolute: for each class, the lines gc printed, the lines goescape
printed, and the lines both printed. Recall is both / gc, precision is both / goescape. An
explanation line of `-m=2` (class `flow`) is compared together with the message it
explains. `-gcflags=FLAGS` (no `pattern=` prefix) applies to the named packages only: their
dependencies are compiled silently, as in the user's command.

goescape's side is the `goescape` binary next to the test (`cargo test --workspace` builds
it; build it with `cargo build -p goescape-cli` before running a test alone) or
`GOESCAPE_BIN`; its report is its standard output, while its standard error (notes on what
it cannot analyse yet) is shown but not compared. A binary without the `gc` subcommand is
\"not available\": it prints nothing, and every figure of goescape is 0. The sections below
are written by the tests:

```sh
# the sample: std packages with -m -l and -m=2 -l (run by CI, fails if agreement drops)
cargo test -p goescape-conformance --test escape_vs_gc
# the fixtures under tests/escape: annotations checked against gc, then goescape
cargo test -p goescape-conformance --test escape_fixtures
# record new figures (after an improvement; either test)
GOESCAPE_UPDATE_RATCHET=1 cargo test -p goescape-conformance --test escape_vs_gc
# all of std, recorded in the last section
GOESCAPE_ESCAPE_PACKAGES=std GOESCAPE_UPDATE_RATCHET=1 cargo test -p goescape-conformance --test escape_vs_gc
```

Other knobs of `escape_vs_gc`: `GOESCAPE_ESCAPE_PACKAGES=PATTERNS` (another package set;
no ratchet), `GOESCAPE_ESCAPE_DIR=DIR` (resolve the patterns in DIR, a module of your own),
`GOESCAPE_ESCAPE_FLAGS='-m -l;-m=2 -l'` (flag sets, `;`-separated),
`GOESCAPE_ESCAPE_SHOW=N` (differing lines shown per class and side, default 5),
`GOESCAPE_ESCAPE_CLASSES='moved to heap,flow'` (only those classes' lines shown),
`GOESCAPE_BIN=PATH` (another goescape binary). Both outputs of every run are written to
`target/tmp/escape-conformance/` (as printed, and canonical: absolute paths, packages
sorted) for diffing.
";

/// The sections of the file: (heading, body after the heading line).
pub fn sections(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            out.push((heading.trim().to_string(), String::new()));
        } else if let Some((_, body)) = out.last_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    out
}

/// The record of section `heading` in the file's text.
pub fn find_record(text: &str, heading: &str) -> Option<Result<Record, String>> {
    sections(text)
        .into_iter()
        .find(|(h, _)| h == heading)
        .map(|(_, body)| parse_record(&body))
}

/// Reads a section's body.
pub fn parse_record(body: &str) -> Result<Record, String> {
    let mut record = Record::default();
    let mut toolchain = None;
    for line in body.lines() {
        if let Some(rest) = line.strip_prefix("- ") {
            let Some((key, value)) = rest.split_once(": ") else {
                continue;
            };
            let value = value.trim().trim_matches('`').to_string();
            match key {
                "toolchain" => toolchain = Some(value),
                "packages" | "fixtures" => {
                    record.packages = value.split_whitespace().map(str::to_string).collect();
                }
                _ => record.notes.push((key.to_string(), value)),
            }
        } else if let Some(flags) = line.strip_prefix("### ") {
            record.tables.push(Table {
                flags: flags.trim().trim_matches('`').to_string(),
                classes: Vec::new(),
            });
        } else if let Some((class, counts)) = table_row(line) {
            let table = record
                .tables
                .last_mut()
                .ok_or("a table row before any `### FLAGS` heading")?;
            table.classes.push((class, counts));
        }
    }
    record.toolchain = toolchain.ok_or("no `- toolchain:` line")?;
    Ok(record)
}

/// `| CLASS | GC | GOESCAPE | BOTH | ...` for a known class name.
fn table_row(line: &str) -> Option<(Class, Counts)> {
    let cells: Vec<&str> = line
        .trim()
        .strip_prefix('|')?
        .split('|')
        .map(str::trim)
        .collect();
    let class = Class::from_name(cells.first()?.trim_matches('`'))?;
    let number = |i: usize| cells.get(i)?.parse::<u64>().ok();
    Some((
        class,
        Counts {
            go: number(1)?,
            ours: number(2)?,
            both: number(3)?,
        },
    ))
}

/// A section's text, heading included.
pub fn render_record(heading: &str, record: &Record) -> String {
    let mut out = format!("## {heading}\n\n");
    let what = if heading == FIXTURES {
        "fixtures"
    } else {
        "packages"
    };
    let _ = writeln!(out, "- toolchain: `{}`", record.toolchain);
    let _ = writeln!(out, "- {what}: `{}`", record.packages.join(" "));
    for (key, value) in &record.notes {
        let _ = writeln!(out, "- {key}: `{value}`");
    }
    for t in &record.tables {
        let _ = write!(out, "\n### `{}`\n\n{}", t.flags, table(&t.classes));
    }
    out
}

/// The file with section `heading` replaced by `record` (the other sections kept as they
/// are in `old`, the introduction rewritten).
pub fn update_doc(old: Option<&str>, heading: &str, record: &Record) -> String {
    let old_sections = old.map(sections).unwrap_or_default();
    let mut out = String::from(INTRO);
    for h in SECTIONS {
        out.push('\n');
        if h == heading {
            out.push_str(&render_record(h, record));
        } else if let Some((_, body)) = old_sections.iter().find(|(oh, _)| oh == h) {
            let _ = write!(out, "## {h}\n{}", body.trim_end());
            out.push('\n');
        } else {
            let _ = writeln!(out, "## {h}\n\nNot recorded yet.");
        }
    }
    out
}

/// The figures as a Markdown table, with a total row.
pub fn table(classes: &[(Class, Counts)]) -> String {
    let mut out = String::new();
    out.push_str("| class | gc | goescape | both | recall | precision |\n");
    out.push_str("|---|---:|---:|---:|---:|---:|\n");
    let row = |out: &mut String, name: &str, c: Counts| {
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {} | {:.1}% | {:.1}% |",
            c.go,
            c.ours,
            c.both,
            c.recall(),
            c.precision()
        );
    };
    for (class, c) in classes {
        row(&mut out, class.name(), *c);
    }
    row(&mut out, "all", total(classes));
    out
}

/// Compares the current figures with the committed ones, table by table (tables are
/// matched by flags; a committed table missing now counts as all zero).
pub fn judge(committed: &Record, now: &Record) -> Vec<(String, Verdict)> {
    let named = |classes: &[(Class, Counts)]| -> Vec<(String, Counts)> {
        classes
            .iter()
            .map(|(c, n)| (c.name().to_string(), *n))
            .collect()
    };
    committed
        .tables
        .iter()
        .map(|before| {
            let after = now
                .tables
                .iter()
                .find(|t| t.flags == before.flags)
                .map(|t| named(&t.classes))
                .unwrap_or_default();
            let ratchet = types_ratchet::Ratchet {
                toolchain: committed.toolchain.clone(),
                packages: committed.packages.clone(),
                classes: named(&before.classes),
            };
            (before.flags.clone(), types_ratchet::judge(&ratchet, &after))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(go: u64, ours: u64, both: u64) -> Counts {
        Counts { go, ours, both }
    }

    fn record(both: u64) -> Record {
        Record {
            toolchain: "go1.26.8 linux/amd64".into(),
            packages: vec!["errors".into(), "strconv".into()],
            notes: vec![("gc time".into(), "1.5 s".into())],
            tables: vec![
                Table {
                    flags: "-m -l".into(),
                    classes: vec![
                        (Class::MovedToHeap, counts(10, both, both)),
                        (Class::Flow, counts(0, 0, 0)),
                    ],
                },
                Table {
                    flags: "-m=2 -l".into(),
                    classes: vec![(Class::Flow, counts(30, 0, 0))],
                },
            ],
        }
    }

    #[test]
    fn round_trip_sections_and_verdicts() {
        let doc = update_doc(None, SAMPLE, &record(4));
        assert!(doc.contains("| moved to heap | 10 | 4 | 4 | 40.0% | 100.0% |"));
        assert!(doc.contains("## The fixtures (ratchet)\n\nNot recorded yet."));
        assert_eq!(find_record(&doc, SAMPLE).unwrap().unwrap(), record(4));
        assert_eq!(record(4).note("gc time"), Some("1.5 s"));
        // Another section's update keeps this one.
        let mut fixtures = record(1);
        fixtures.packages = vec!["address_returned".into()];
        let doc = update_doc(Some(&doc), FIXTURES, &fixtures);
        assert_eq!(find_record(&doc, SAMPLE).unwrap().unwrap(), record(4));
        assert!(doc.contains("- fixtures: `address_returned`"));
        assert_eq!(find_record(&doc, FIXTURES).unwrap().unwrap(), fixtures);
        assert!(find_record(&doc, STD).unwrap().is_err());

        let verdicts = judge(&record(4), &record(3));
        assert_eq!(verdicts[0].1.regressions.len(), 1);
        assert!(verdicts[1].1.regressions.is_empty());
        let verdicts = judge(&record(4), &record(5));
        assert_eq!(verdicts[0].1.improvements.len(), 1);
    }
}
