//! The committed figures of the type checker comparison (`docs/conformance/types.md`): per
//! line class, how many lines go/types prints, how many we print, and how many both print,
//! on the test's fixed package set. The test fails when a class's agreement (lines printed
//! by both) goes down, and says how to record it when it goes up.

use std::fmt::Write as _;

use crate::classes::Counts;

/// The file's figures and what they were measured on.
#[derive(Debug, Clone, PartialEq)]
pub struct Ratchet {
    /// `GOVERSION GOOS/GOARCH` of the run that recorded the figures.
    pub toolchain: String,
    /// The package patterns compared.
    pub packages: Vec<String>,
    /// Counts per class, in table order.
    pub classes: Vec<(String, Counts)>,
}

/// How the current figures compare with the committed ones.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Verdict {
    /// Classes whose agreement went down: (class, committed, now).
    pub regressions: Vec<(String, Counts, Counts)>,
    /// Classes whose agreement went up.
    pub improvements: Vec<(String, Counts, Counts)>,
    /// Classes whose go/types count changed (another Go release or target): the figures
    /// were recorded elsewhere and may need a fresh recording.
    pub reference_changed: Vec<(String, Counts, Counts)>,
    /// Classes with more lines only we print (not a failure: a class that starts to be
    /// recorded often brings some, but worth a look).
    pub more_extra: Vec<(String, Counts, Counts)>,
}

const TOOLCHAIN: &str = "- toolchain: ";
const PACKAGES: &str = "- packages: ";

/// Reads the file's text.
pub fn parse(text: &str) -> Result<Ratchet, String> {
    let mut toolchain = None;
    let mut packages = None;
    let mut classes = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix(TOOLCHAIN) {
            toolchain = Some(rest.trim().trim_matches('`').to_owned());
        } else if let Some(rest) = line.strip_prefix(PACKAGES) {
            let list = rest.trim().trim_matches('`');
            packages = Some(list.split_whitespace().map(str::to_owned).collect());
        } else if let Some(row) = table_row(line) {
            classes.push(row);
        }
    }
    Ok(Ratchet {
        toolchain: toolchain.ok_or("no `- toolchain:` line")?,
        packages: packages.ok_or("no `- packages:` line")?,
        classes,
    })
}

/// `| CLASS | GO | OURS | BOTH | ...` with a class in capitals and three counts.
fn table_row(line: &str) -> Option<(String, Counts)> {
    let cells: Vec<&str> = line
        .trim()
        .strip_prefix('|')?
        .split('|')
        .map(str::trim)
        .collect();
    let class = cells.first()?.trim_matches('`');
    if class.is_empty() || !class.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let number = |i: usize| cells.get(i)?.parse::<u64>().ok();
    Some((
        class.to_owned(),
        Counts {
            go: number(1)?,
            ours: number(2)?,
            both: number(3)?,
        },
    ))
}

/// The file's text for these figures.
pub fn render(ratchet: &Ratchet) -> String {
    let mut out = String::new();
    out.push_str(
        "# Type checker conformance against go/types

The test `types_vs_go_types` (crates/conformance) loads a fixed set of standard-library
packages as `go build` would, checks them and their dependencies with goescape's type
checker, prints what it recorded in the canonical form of `docs/types-dump.md`, and compares
that, line class by line class, with what `tools/gotypes` prints from go/types for the same
packages. For each class: the lines go/types prints, the lines we print, and the lines both
print (counted as multisets per package; the detail lines of a type name are compared along
with its name). Recall is both / go/types, precision is both / goescape.

This file is the test's ratchet, written by it: the test fails if the lines both print go
down for any class, and asks for a new recording when they go up:

```sh
GOESCAPE_UPDATE_RATCHET=1 cargo test --release -p goescape-conformance --test types_vs_go_types
```

",
    );
    let _ = writeln!(out, "{TOOLCHAIN}`{}`", ratchet.toolchain);
    let _ = writeln!(out, "{PACKAGES}`{}`", ratchet.packages.join(" "));
    out.push('\n');
    out.push_str(&table(&ratchet.classes));
    out
}

/// The figures as a Markdown table, with a total row.
pub fn table(classes: &[(String, Counts)]) -> String {
    let mut out = String::new();
    out.push_str("| class | go/types | goescape | both | recall | precision |\n");
    out.push_str("|---|---:|---:|---:|---:|---:|\n");
    let mut total = Counts::default();
    for (class, c) in classes {
        total.go += c.go;
        total.ours += c.ours;
        total.both += c.both;
        let _ = writeln!(
            out,
            "| {class} | {} | {} | {} | {:.1}% | {:.1}% |",
            c.go,
            c.ours,
            c.both,
            c.recall(),
            c.precision()
        );
    }
    let _ = writeln!(
        out,
        "| all | {} | {} | {} | {:.1}% | {:.1}% |",
        total.go,
        total.ours,
        total.both,
        total.recall(),
        total.precision()
    );
    out
}

/// Compares the current figures with the committed ones.
pub fn judge(committed: &Ratchet, now: &[(String, Counts)]) -> Verdict {
    let mut verdict = Verdict::default();
    for (class, before) in &committed.classes {
        let after = now
            .iter()
            .find(|(c, _)| c == class)
            .map_or(Counts::default(), |(_, c)| *c);
        if after.both < before.both {
            verdict.regressions.push((class.clone(), *before, after));
        } else if after.both > before.both {
            verdict.improvements.push((class.clone(), *before, after));
        }
        if after.go != before.go {
            verdict
                .reference_changed
                .push((class.clone(), *before, after));
        }
        if after.ours.saturating_sub(after.both) > before.ours.saturating_sub(before.both) {
            verdict.more_extra.push((class.clone(), *before, after));
        }
    }
    for (class, after) in now {
        let known = committed.classes.iter().any(|(c, _)| c == class);
        if !known && after.both > 0 {
            verdict
                .improvements
                .push((class.clone(), Counts::default(), *after));
        }
    }
    verdict
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(go: u64, ours: u64, both: u64) -> Counts {
        Counts { go, ours, both }
    }

    #[test]
    fn round_trip_and_verdicts() {
        let ratchet = Ratchet {
            toolchain: "go1.26.8 linux/amd64".into(),
            packages: vec!["unsafe".into(), "errors".into()],
            classes: vec![
                ("PACKAGE".into(), counts(2, 2, 2)),
                ("EXPR".into(), counts(100, 0, 0)),
                ("DEF".into(), counts(50, 40, 30)),
            ],
        };
        let text = render(&ratchet);
        assert!(text.contains("| DEF | 50 | 40 | 30 | 60.0% | 75.0% |"));
        assert!(text.contains("| all | 152 | 42 | 32 |"));
        assert_eq!(parse(&text).unwrap(), ratchet);

        let now = vec![
            ("PACKAGE".to_owned(), counts(2, 2, 2)),
            ("EXPR".to_owned(), counts(100, 10, 5)),
            ("DEF".to_owned(), counts(51, 40, 29)),
            ("PANIC".to_owned(), counts(0, 1, 0)),
        ];
        let verdict = judge(&ratchet, &now);
        assert_eq!(verdict.regressions.len(), 1);
        assert_eq!(verdict.regressions[0].0, "DEF");
        assert_eq!(verdict.improvements[0].0, "EXPR");
        assert_eq!(verdict.reference_changed[0].0, "DEF");
        assert_eq!(verdict.more_extra.len(), 2);
        assert_eq!(verdict.more_extra[1].0, "DEF");
        assert!(parse("| X | 1 | 2 | 3 |").is_err());
    }
}
