//! Comparing two dumps line class by line class.
//!
//! A line's class is its first word (`EXPR`, `DEF`, `SIZE`, ...). Within each package the
//! lines of go/types and ours are compared as multisets: a line counts as agreeing as many
//! times as it occurs on both sides. Order does not matter (both sides sort the same way,
//! but a missing line must not shift the rest). The indented detail lines of a type name
//! (`UNDERLYING`, `SIZE`, `OFFSETS`, `MSET`) say nothing of the type they belong to, so
//! they are compared together with its name: `SIZE sizeof=8 alignof=8` of `T` does not
//! agree with the same line of `U`.

use std::collections::HashMap;

use rayon::prelude::*;

/// The classes of a type-checked package's lines, in the order of the format; other
/// classes (a package's `LISTERROR`, `SYNTAXERROR`, `IOERROR`, `PANIC`) follow them.
pub const CLASSES: [&str; 16] = [
    "PACKAGE",
    "FILE",
    "ERROR",
    "EXPR",
    "DEF",
    "USE",
    "IMPLICIT",
    "SEL",
    "INST",
    "SCOPE",
    "INIT",
    "OBJECT",
    "UNDERLYING",
    "SIZE",
    "OFFSETS",
    "MSET",
];

/// Line counts of one class.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Lines go/types printed.
    pub go: u64,
    /// Lines we printed.
    pub ours: u64,
    /// Lines printed by both (multiset intersection).
    pub both: u64,
}

impl Counts {
    /// The share of go/types' lines we print, in percent (100 when there are none).
    pub fn recall(&self) -> f64 {
        percent(self.both, self.go)
    }

    /// The share of our lines go/types prints, in percent (100 when there are none).
    pub fn precision(&self) -> f64 {
        percent(self.both, self.ours)
    }

    fn add(&mut self, other: Counts) {
        self.go += other.go;
        self.ours += other.ours;
        self.both += other.both;
    }
}

fn percent(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        100.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

/// A line printed by one side only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub package: String,
    pub line: String,
}

/// What the comparison found for one class.
#[derive(Debug, Default, Clone)]
pub struct ClassReport {
    pub counts: Counts,
    /// The first lines only go/types printed.
    pub missing: Vec<Example>,
    /// The first lines only we printed.
    pub extra: Vec<Example>,
}

/// The comparison of many packages' sections.
#[derive(Debug, Default)]
pub struct Comparison {
    classes: HashMap<String, ClassReport>,
    /// How many examples to keep per class and side.
    max_examples: usize,
    /// Packages compared.
    pub packages: usize,
    /// Packages only go/types printed a section for.
    pub only_go: Vec<String>,
    /// Packages only we printed a section for.
    pub only_ours: Vec<String>,
}

/// The class of a dump line: its first word, after the indentation of detail lines.
pub fn line_class(line: &str) -> &str {
    let line = line.trim_start_matches(' ');
    line.split(' ').next().unwrap_or(line)
}

/// The lines of a section as compared: detail lines of a type name carry its name.
fn keyed_lines(body: &str) -> Vec<(&str, String)> {
    let mut owner = "";
    let mut lines = Vec::new();
    for line in body.lines() {
        let class = line_class(line);
        if line.starts_with("  ") {
            lines.push((class, format!("{} (of {owner})", line.trim_start())));
            continue;
        }
        if class == "OBJECT" {
            // OBJECT KIND NAME ...: the name is an atom, without spaces unless quoted.
            owner = object_name(line);
        }
        lines.push((class, line.to_owned()));
    }
    lines
}

/// The NAME of an `OBJECT KIND NAME ...` line.
fn object_name(line: &str) -> &str {
    let rest = line.splitn(3, ' ').nth(2).unwrap_or("");
    if let Some(quoted) = rest.strip_prefix('"') {
        // A quoted atom holds no `"` (it is escaped) and so ends at the next one.
        let end = quoted.find('"').map_or(rest.len(), |i| i + 2);
        &rest[..end]
    } else {
        rest.split(' ').next().unwrap_or("")
    }
}

/// One package's comparison: per class, the counts and the first differing lines.
struct PackageResult {
    package: String,
    has_go: bool,
    has_ours: bool,
    classes: Vec<(String, Counts, Vec<String>, Vec<String>)>,
}

fn compare_package(
    package: &str,
    go: Option<&str>,
    ours: Option<&str>,
    max_examples: usize,
) -> PackageResult {
    let go_lines = keyed_lines(go.unwrap_or(""));
    let our_lines = keyed_lines(ours.unwrap_or(""));
    let mut classes: HashMap<&str, (Counts, Vec<String>, Vec<String>)> = HashMap::new();
    let mut remaining: HashMap<&str, u64> = HashMap::new();
    for (_, line) in &our_lines {
        *remaining.entry(line).or_default() += 1;
    }
    for (class, line) in &go_lines {
        let (c, missing, _) = classes.entry(class).or_default();
        c.go += 1;
        match remaining.get_mut(line.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                c.both += 1;
            }
            _ if missing.len() < max_examples => missing.push(line.clone()),
            _ => {}
        }
    }
    remaining.clear();
    for (_, line) in &go_lines {
        *remaining.entry(line).or_default() += 1;
    }
    for (class, line) in &our_lines {
        let (c, _, extra) = classes.entry(class).or_default();
        c.ours += 1;
        match remaining.get_mut(line.as_str()) {
            Some(n) if *n > 0 => *n -= 1,
            _ if extra.len() < max_examples => extra.push(line.clone()),
            _ => {}
        }
    }
    let mut classes: Vec<(String, Counts, Vec<String>, Vec<String>)> = classes
        .into_iter()
        .map(|(class, (c, missing, extra))| (class.to_owned(), c, missing, extra))
        .collect();
    classes.sort_by(|a, b| a.0.cmp(&b.0));
    PackageResult {
        package: package.to_owned(),
        has_go: go.is_some(),
        has_ours: ours.is_some(),
        classes,
    }
}

impl Comparison {
    /// A comparison keeping the first `max_examples` differing lines per class and side.
    pub fn new(max_examples: usize) -> Comparison {
        Comparison {
            max_examples,
            ..Comparison::default()
        }
    }

    /// Compares one package's sections (`None` for a side that printed none).
    pub fn add_package(&mut self, package: &str, go: Option<&str>, ours: Option<&str>) {
        let result = compare_package(package, go, ours, self.max_examples);
        self.merge(result);
    }

    /// Compares many packages' sections (in parallel), as [`Comparison::add_package`] each
    /// in turn would.
    pub fn add_packages(&mut self, packages: &[(&str, Option<&str>, Option<&str>)]) {
        let max = self.max_examples;
        let results: Vec<PackageResult> = packages
            .par_iter()
            .map(|&(package, go, ours)| compare_package(package, go, ours, max))
            .collect();
        for result in results {
            self.merge(result);
        }
    }

    fn merge(&mut self, result: PackageResult) {
        self.packages += 1;
        match (result.has_go, result.has_ours) {
            (true, false) => self.only_go.push(result.package.clone()),
            (false, true) => self.only_ours.push(result.package.clone()),
            _ => {}
        }
        for (class, counts, missing, extra) in result.classes {
            let report = self.classes.entry(class).or_default();
            report.counts.add(counts);
            for (list, new) in [(&mut report.missing, missing), (&mut report.extra, extra)] {
                let room = self.max_examples.saturating_sub(list.len());
                list.extend(new.into_iter().take(room).map(|line| Example {
                    package: result.package.clone(),
                    line,
                }));
            }
        }
    }

    /// Every class seen, and all of [`CLASSES`], in that order then by name.
    pub fn classes(&self) -> Vec<(String, ClassReport)> {
        let mut out: Vec<(String, ClassReport)> = CLASSES
            .iter()
            .map(|&class| {
                let report = self.classes.get(class).cloned().unwrap_or_default();
                (class.to_owned(), report)
            })
            .collect();
        let mut others: Vec<&String> = self
            .classes
            .keys()
            .filter(|class| !CLASSES.contains(&class.as_str()))
            .collect();
        others.sort();
        for class in others {
            out.push((class.clone(), self.classes[class].clone()));
        }
        out
    }

    /// The counts of all classes together.
    pub fn total(&self) -> Counts {
        let mut total = Counts::default();
        for report in self.classes.values() {
            total.add(report.counts);
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_of_lines() {
        assert_eq!(line_class("EXPR p.go:1:1-1:2 Ident"), "EXPR");
        assert_eq!(line_class("  SIZE sizeof=8 alignof=8"), "SIZE");
        assert_eq!(line_class(""), "");
        assert_eq!(object_name("OBJECT type T p p.go:1:6 \"T\""), "T");
        assert_eq!(
            object_name("OBJECT var \"\\xcf\\x80 x\" p p.go:1:6 \"T\""),
            "\"\\xcf\\x80 x\""
        );
    }

    #[test]
    fn multisets_per_package() {
        let go =
            "PACKAGE p\nDEF a\nDEF a\nDEF b\nOBJECT type T p\n  SIZE sizeof=8\nOBJECT type U p\n";
        let ours =
            "PACKAGE p\nDEF a\nDEF c\nOBJECT type T p\nOBJECT type U p\n  SIZE sizeof=8\nPANIC x\n";
        let mut cmp = Comparison::new(10);
        cmp.add_package("p", Some(go), Some(ours));
        let classes: HashMap<String, ClassReport> = cmp.classes().into_iter().collect();
        assert_eq!(
            classes["DEF"].counts,
            Counts {
                go: 3,
                ours: 2,
                both: 1
            }
        );
        assert_eq!(classes["DEF"].missing.len(), 2);
        assert_eq!(classes["DEF"].extra[0].line, "DEF c");
        // The same detail line of another type does not agree.
        assert_eq!(
            classes["SIZE"].counts,
            Counts {
                go: 1,
                ours: 1,
                both: 0
            }
        );
        assert_eq!(classes["SIZE"].missing[0].line, "SIZE sizeof=8 (of T)");
        assert_eq!(classes["PANIC"].counts.ours, 1);
        assert_eq!(classes["SEL"].counts, Counts::default());
        assert_eq!(cmp.total().both, 4);
        // A package one side lacks counts all the other side's lines.
        cmp.add_package("q", Some("PACKAGE q\n"), None);
        assert_eq!(cmp.only_go, ["q"]);
        assert_eq!(cmp.total().go, 8);
    }
}
