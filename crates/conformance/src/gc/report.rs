//! What the escape conformance tests print and record: differing lines, and the ratchet
//! check of one section of `docs/conformance/escape.md`. Both tests use these, and print
//! the returned text themselves.

use std::fmt::Write as _;
use std::path::Path;

use crate::classes::Counts;
use crate::gc::classes::Class;
use crate::gc::compare::Comparison;
use crate::gc::ratchet::{self, Record};

/// The first differing lines of each class (gc's only as `-`, goescape's only as `+`),
/// for the classes `only` names (all when `None`).
pub fn differences(comparison: &Comparison, only: Option<&[String]>) -> String {
    let mut out = String::new();
    if !comparison.only_gc.is_empty() {
        let _ = writeln!(
            out,
            "packages only gc printed: {}",
            comparison.only_gc.join(" ")
        );
    }
    if !comparison.only_ours.is_empty() {
        let _ = writeln!(
            out,
            "packages only goescape printed: {}",
            comparison.only_ours.join(" ")
        );
    }
    for (class, report) in comparison.classes() {
        if report.missing.is_empty() && report.extra.is_empty() {
            continue;
        }
        if only.is_some_and(|names| !names.iter().any(|n| n == class.name())) {
            continue;
        }
        let c = report.counts;
        let _ = writeln!(
            out,
            "{}: {} lines only from gc, {} only from goescape; first of each:",
            class.name(),
            c.go.saturating_sub(c.both),
            c.ours.saturating_sub(c.both)
        );
        for e in &report.missing {
            let _ = writeln!(out, "  - {}: {}", e.package, clip(&e.line));
        }
        for e in &report.extra {
            let _ = writeln!(out, "  + {}: {}", e.package, clip(&e.line));
        }
    }
    out
}

/// Checks `current` against section `heading` of the ratchet file at `path`, or records it
/// there when `update` is set. Returns whether the test passes and what to print.
/// `hint` is the command that records new figures.
pub fn check_ratchet(
    path: &Path,
    heading: &str,
    current: &Record,
    update: bool,
    hint: &str,
) -> Result<(bool, String), String> {
    let old = match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("reading {}: {e}", path.display())),
    };
    let name = path.display();
    if update {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
        }
        let text = ratchet::update_doc(old.as_deref(), heading, current);
        std::fs::write(path, text).map_err(|e| format!("writing {name}: {e}"))?;
        return Ok((true, format!("ratchet: recorded in {name} ({heading})\n")));
    }
    let committed = match old
        .as_deref()
        .and_then(|t| ratchet::find_record(t, heading))
    {
        Some(Ok(record)) => record,
        Some(Err(e)) => {
            return Ok((
                false,
                format!("ratchet: {name}, section {heading:?}: {e}; record it with {hint}\n"),
            ))
        }
        None => {
            return Ok((
                false,
                format!("ratchet: {name} has no section {heading:?}; record it with {hint}\n"),
            ))
        }
    };
    let mut out = String::new();
    if committed.packages != current.packages {
        let _ = writeln!(
            out,
            "ratchet: {name} ({heading}) was recorded for other packages ({}); record it again \
             with {hint}",
            committed.packages.join(" ")
        );
        return Ok((false, out));
    }
    let mut ok = true;
    let mut improved = false;
    let moved = |list: &[(String, Counts, Counts)], f: fn(&Counts) -> u64| -> String {
        list.iter()
            .map(|(class, before, after)| format!("{class} {} -> {}", f(before), f(after)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (flags, verdict) in ratchet::judge(&committed, current) {
        if !verdict.reference_changed.is_empty() {
            let _ = writeln!(
                out,
                "ratchet: [{flags}] gc prints other line counts than when recorded (recorded \
                 with {}, this is {}): {}",
                committed.toolchain,
                current.toolchain,
                moved(&verdict.reference_changed, |c| c.go)
            );
        }
        if !verdict.more_extra.is_empty() {
            let _ = writeln!(
                out,
                "ratchet: [{flags}] note: more lines only goescape prints than recorded: {}",
                moved(&verdict.more_extra, |c| c.ours.saturating_sub(c.both))
            );
        }
        if !verdict.regressions.is_empty() {
            ok = false;
            let _ = writeln!(
                out,
                "ratchet: FAILED: [{flags}] fewer lines agree with gc than recorded in {name}: {}",
                moved(&verdict.regressions, |c| c.both)
            );
        }
        if !verdict.improvements.is_empty() {
            improved = true;
            let _ = writeln!(
                out,
                "ratchet: [{flags}] more lines agree than recorded: {}",
                moved(&verdict.improvements, |c| c.both)
            );
        }
    }
    if ok && improved {
        let _ = writeln!(out, "ratchet: record the new figures with {hint}");
    } else if ok {
        let _ = writeln!(out, "ratchet: agreement as recorded in {name} ({heading})");
    }
    Ok((ok, out))
}

/// The figures of `comparison` as one table of a record.
pub fn table_of(flags: &str, comparison: &Comparison) -> ratchet::Table {
    ratchet::Table {
        flags: flags.to_string(),
        classes: comparison.figures(),
    }
}

/// Class names from a comma-separated list (`moved to heap,flow`), unknown names dropped.
pub fn class_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|n| Class::from_name(n).is_some())
        .map(str::to_string)
        .collect()
}

/// `s` cut to 300 bytes for display.
pub fn clip(s: &str) -> String {
    const MAX: usize = 300;
    if s.len() <= MAX {
        return s.to_string();
    }
    let mut end = MAX;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}... ({} bytes)", &s[..end], s.len())
}
