//! Comparing gc's output with ours, class by class.
//!
//! Within each package the two sides' lines are compared as multisets: a line agrees as
//! many times as both print it. Order does not matter (a missing line must not shift the
//! rest; order is worth its own check once there is something to order). A line is its
//! canonical position and text; an explanation's continuation line is compared together
//! with its header, so `  flow: ~r0 ← b:` explaining one escape does not agree with the same
//! line explaining another. Lines outside any package section are compared as one more
//! package, [`OUTSIDE`].

use std::collections::{BTreeMap, HashMap};

use crate::classes::Counts;
use crate::gc::classes::{classify, Class};
use crate::gc::parse::{Message, Output, Section};

/// The package name under which lines outside every section are compared.
pub const OUTSIDE: &str = "(outside any package section)";

/// A line printed by one side only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub package: String,
    pub line: String,
}

/// What the comparison found for one class.
#[derive(Debug, Default, Clone)]
pub struct ClassReport {
    /// `go` counts gc's lines, `ours` goescape's.
    pub counts: Counts,
    /// The first lines only gc printed.
    pub missing: Vec<Example>,
    /// The first lines only goescape printed.
    pub extra: Vec<Example>,
}

/// The comparison of many packages.
#[derive(Debug, Default)]
pub struct Comparison {
    reports: BTreeMap<Class, ClassReport>,
    /// How many differing lines to keep per class and side.
    max_examples: usize,
    /// Packages compared.
    pub packages: usize,
    /// Packages only gc printed a section for.
    pub only_gc: Vec<String>,
    /// Packages only goescape printed a section for.
    pub only_ours: Vec<String>,
}

/// The compared lines of a section: (class, line).
pub fn keyed_lines(messages: &[Message]) -> Vec<(Class, String)> {
    let mut lines = Vec::new();
    for m in messages {
        let line = m.line();
        for detail in &m.details {
            let detail_line = Message {
                pos: m.pos.clone(),
                text: detail.clone(),
                details: Vec::new(),
            }
            .line();
            lines.push((Class::Flow, format!("{detail_line}  (of: {})", m.text)));
        }
        lines.push((classify(&m.text), line));
    }
    lines
}

impl Comparison {
    /// A comparison keeping the first `max_examples` differing lines per class and side.
    pub fn new(max_examples: usize) -> Comparison {
        Comparison {
            max_examples,
            ..Comparison::default()
        }
    }

    /// Compares two whole outputs, package by package, for the packages `keep` accepts.
    pub fn add_outputs(&mut self, gc: &Output, ours: &Output, keep: &dyn Fn(&str) -> bool) {
        let ours_by_package: HashMap<&str, &Section> = ours
            .sections
            .iter()
            .map(|s| (s.package.as_str(), s))
            .collect();
        let gc_by_package: HashMap<&str, &Section> = gc
            .sections
            .iter()
            .map(|s| (s.package.as_str(), s))
            .collect();
        for section in gc.sections.iter().filter(|s| keep(&s.package)) {
            let other = ours_by_package.get(section.package.as_str()).copied();
            self.add_package(&section.package, Some(section), other);
        }
        for section in ours.sections.iter().filter(|s| keep(&s.package)) {
            if !gc_by_package.contains_key(section.package.as_str()) {
                self.add_package(&section.package, None, Some(section));
            }
        }
        if !gc.stray.is_empty() || !ours.stray.is_empty() {
            let stray = |lines: &[String]| Section {
                package: OUTSIDE.to_string(),
                messages: lines
                    .iter()
                    .map(|l| Message {
                        pos: crate::gc::parse::Pos::None,
                        text: l.clone(),
                        details: Vec::new(),
                    })
                    .collect(),
            };
            let (g, o) = (stray(&gc.stray), stray(&ours.stray));
            self.add_package(OUTSIDE, Some(&g), Some(&o));
        }
    }

    /// Compares one package's sections (`None` for a side that printed none).
    pub fn add_package(&mut self, package: &str, gc: Option<&Section>, ours: Option<&Section>) {
        self.packages += 1;
        match (gc.is_some(), ours.is_some()) {
            (true, false) => self.only_gc.push(package.to_string()),
            (false, true) => self.only_ours.push(package.to_string()),
            _ => {}
        }
        let gc_lines = gc.map(|s| keyed_lines(&s.messages)).unwrap_or_default();
        let our_lines = ours.map(|s| keyed_lines(&s.messages)).unwrap_or_default();
        let max = self.max_examples;
        let mut remaining: HashMap<&str, u64> = HashMap::new();
        for (_, line) in &our_lines {
            *remaining.entry(line).or_default() += 1;
        }
        for (class, line) in &gc_lines {
            let report = self.reports.entry(*class).or_default();
            report.counts.go += 1;
            match remaining.get_mut(line.as_str()) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    report.counts.both += 1;
                }
                _ if report.missing.len() < max => report.missing.push(Example {
                    package: package.to_string(),
                    line: line.clone(),
                }),
                _ => {}
            }
        }
        remaining.clear();
        for (_, line) in &gc_lines {
            *remaining.entry(line).or_default() += 1;
        }
        for (class, line) in &our_lines {
            let report = self.reports.entry(*class).or_default();
            report.counts.ours += 1;
            match remaining.get_mut(line.as_str()) {
                Some(n) if *n > 0 => *n -= 1,
                _ if report.extra.len() < max => report.extra.push(Example {
                    package: package.to_string(),
                    line: line.clone(),
                }),
                _ => {}
            }
        }
    }

    /// Every class, in [`Class::ALL`] order, with its report (empty for classes not seen).
    pub fn classes(&self) -> Vec<(Class, ClassReport)> {
        Class::ALL
            .iter()
            .map(|c| (*c, self.reports.get(c).cloned().unwrap_or_default()))
            .collect()
    }

    /// The counts per class, in [`Class::ALL`] order.
    pub fn figures(&self) -> Vec<(Class, Counts)> {
        self.classes()
            .into_iter()
            .map(|(c, r)| (c, r.counts))
            .collect()
    }

    /// The counts of all classes together.
    pub fn total(&self) -> Counts {
        total(&self.figures())
    }
}

/// The sum of per-class counts.
pub fn total(figures: &[(Class, Counts)]) -> Counts {
    figures.iter().fold(Counts::default(), |mut t, (_, c)| {
        t.go += c.go;
        t.ours += c.ours;
        t.both += c.both;
        t
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gc::parse::parse_output;
    use std::path::Path;

    #[test]
    fn multisets_per_class_and_package() {
        let gc = "# p\n\
             a.go:1:2: moved to heap: x\n\
             a.go:1:2: moved to heap: x\n\
             a.go:2:3: leaking param: p\n\
             a.go:3:4: y escapes to heap in f:\n\
             a.go:3:4:   flow: {heap} ← y:\n\
             a.go:5:6: z escapes to heap in g:\n\
             a.go:5:6:   flow: {heap} ← y:\n\
             # q\n\
             q.go:1:1: p does not escape\n";
        let ours = "# p\n\
             ./a.go:1:2: moved to heap: x\n\
             a.go:2:3: leaking param content: p\n\
             a.go:3:4: y escapes to heap in f:\n\
             a.go:3:4:   flow: {heap} ← y:\n\
             a.go:5:6:   flow: {heap} ← y:\n\
             # r\n\
             r.go:1:1: p does not escape\n";
        let dir = Path::new("/m");
        let (gc, ours) = (parse_output(gc, dir), parse_output(ours, dir));
        let mut cmp = Comparison::new(10);
        cmp.add_outputs(&gc, &ours, &|_| true);
        let classes: HashMap<Class, ClassReport> = cmp.classes().into_iter().collect();
        let moved = &classes[&Class::MovedToHeap];
        assert_eq!(
            moved.counts,
            Counts {
                go: 2,
                ours: 1,
                both: 1
            }
        );
        assert_eq!(moved.missing[0].line, "/m/a.go:1:2: moved to heap: x");
        assert_eq!(classes[&Class::LeakingParam].counts.both, 0);
        assert_eq!(classes[&Class::LeakingParamContent].counts.ours, 1);
        assert_eq!(classes[&Class::Explanation].counts.both, 1);
        // The same flow line under another header (or none) does not agree.
        let flow = classes[&Class::Flow].counts;
        assert_eq!((flow.go, flow.ours, flow.both), (2, 2, 1));
        assert_eq!(cmp.only_gc, ["q"]);
        assert_eq!(cmp.only_ours, ["r"]);
        assert_eq!(cmp.packages, 3);
        assert_eq!(cmp.total().go, 8);
    }
}
