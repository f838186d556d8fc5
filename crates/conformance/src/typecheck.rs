//! Our side of the type checker comparison: the packages `go build` would compile (from
//! goescape-loader), every file parsed, every package checked in dependency order with
//! [`check_package`] and dumped with [`dump_package`], in the sections `tools/gotypes`
//! prints for the same packages.
//!
//! As in `tools/gotypes`, a package that cannot be checked (a go list error, a file that
//! does not parse, a panic of the checker) is left out of its importers' imports, and its
//! section says why (`LISTERROR`, `SYNTAXERROR`, `IOERROR`, `PANIC`). Panics of the parser,
//! the checker and the dump are caught per package and reported, never propagated.

use std::collections::HashMap;
use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use goescape_loader::{load, LoadConfig, Package, PackageGraph, PackageId, PackageKind};
use goescape_syntax::ast::File;
use goescape_syntax::parse_file;
use goescape_types::check::{check_package, CheckedPackage, Info, PackageInput, TypeError};
use goescape_types::dump::text::{one_line, push_atom};
use goescape_types::dump::{dump_package, FileTable, PackageDump};
use goescape_types::sizes::Sizes;
use goescape_types::typestring::relative_to;
use goescape_types::universe::{FIRST_PACKAGE, UNSAFE};
use goescape_types::{new_program, PkgIdx, Program, TypeStore, Universe};
use rayon::prelude::*;

use crate::gotypes::TypesSection;
use crate::{first_error, panic_message, path_name};

/// Loads `patterns` in `dir` as `go build` would (cgo off, `GOTOOLCHAIN=local`, like the
/// run of `tools/gotypes` it is compared with).
pub fn load_packages(dir: &Path, patterns: &[String]) -> Result<PackageGraph, String> {
    let cfg = LoadConfig::new(dir, patterns.iter().cloned()).with_env("GOTOOLCHAIN", "local");
    load(&cfg).map_err(|e| format!("loading {}: {e}", patterns.join(" ")))
}

/// Where the time of a run went.
#[derive(Debug, Default, Clone, Copy)]
pub struct Timings {
    /// Wall time of reading and parsing all files (on all cores).
    pub parse: Duration,
    /// Wall time of checking and dumping (on all cores, the dump of a level of the
    /// dependency order while the next level is checked).
    pub check_and_dump: Duration,
    /// Time spent checking, summed over packages.
    pub check: Duration,
    /// Time spent dumping, summed over packages.
    pub dump: Duration,
}

/// Our sections, with the panics caught on the way.
#[derive(Debug, Default)]
pub struct OurDump {
    /// The printed packages' sections, in the graph's (go list's) order.
    pub sections: Vec<TypesSection>,
    /// `IMPORTPATH: what panicked and its message`, one per caught panic.
    pub panics: Vec<String>,
    pub timings: Timings,
}

/// A package's files, or the body lines saying why it is not checked.
enum Parsed {
    Files(Vec<Arc<File>>),
    Failed {
        body: String,
        panicked: bool,
    },
    /// `unsafe` (built in) and cgo's `C` (never compiled).
    Builtin,
    /// Checked (and dumped if printed): the trees are no longer needed, as importers only
    /// read the arenas and positions come from the file table.
    Released,
}

/// What became of a package, for its importers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Checked(PkgIdx),
    Failed,
}

/// Checks every package of `graph` in dependency order and dumps those `print` selects.
pub fn check_and_dump(graph: &PackageGraph, print: &(dyn Fn(&Package) -> bool + Sync)) -> OurDump {
    let mut run = OurDump::default();
    let Some(sizes) = Sizes::gc(&graph.toolchain.goarch) else {
        run.panics.push(format!(
            "no gc sizes for GOARCH={}: nothing was checked",
            graph.toolchain.goarch
        ));
        return run;
    };

    let start = Instant::now();
    let mut parsed: Vec<Parsed> = graph.packages.par_iter().map(parse_package).collect();
    run.timings.parse = start.elapsed();

    // Package indices in dependency order; `unsafe` has its own.
    let mut next = FIRST_PACKAGE.0;
    let indices: Vec<Option<PkgIdx>> = graph
        .packages
        .iter()
        .zip(&parsed)
        .map(|(p, parsed)| match (p.kind, parsed) {
            (PackageKind::Unsafe, _) => Some(UNSAFE),
            (PackageKind::Go, Parsed::Files(_)) => {
                next += 1;
                Some(PkgIdx(next - 1))
            }
            _ => None,
        })
        .collect();
    let mut file_table = FileTable::new();
    for (parsed, idx) in parsed.iter().zip(&indices) {
        if let (Parsed::Files(files), Some(idx)) = (parsed, idx) {
            file_table.add_package(*idx, files);
        }
    }

    let (mut program, universe) = new_program();
    let mut states: Vec<State> = vec![State::Failed; graph.packages.len()];
    let mut bodies: Vec<Option<String>> = vec![None; graph.packages.len()];
    for (i, p) in graph.packages.iter().enumerate() {
        match &mut parsed[i] {
            Parsed::Builtin if p.kind == PackageKind::Unsafe => {
                states[i] = State::Checked(UNSAFE);
            }
            Parsed::Failed { body, panicked } => {
                if *panicked {
                    run.panics
                        .push(format!("{}: {}", p.import_path, body.trim_end()));
                }
                bodies[i] = Some(std::mem::take(body));
            }
            _ => {}
        }
    }

    let start = Instant::now();
    // Level by level in dependency order: the packages of a level are checked in parallel
    // (against the levels before), while the level before is dumped.
    let levels = graph.levels();
    let mut pending: Vec<(usize, PkgIdx, CheckedParts)> = Vec::new();
    for level in levels.iter().map(Some).chain([None]) {
        let ctx = Context {
            graph,
            parsed: &parsed,
            program: &program,
            file_table: &file_table,
            sizes,
        };
        let (checked, dumped) = rayon::join(
            || {
                level.map_or_else(Vec::new, |level| {
                    ctx.check_level(level, &indices, &states, &universe)
                })
            },
            || ctx.dump_batch(&pending),
        );
        for (i, result, time) in dumped {
            run.timings.dump += time;
            bodies[i] = Some(match result {
                Ok(body) => body,
                Err(msg) => {
                    let path = &graph.packages[i].import_path;
                    run.panics.push(format!("{path}: the dump panicked: {msg}"));
                    format!("PANIC {}\n", one_line(&msg))
                }
            });
        }
        for (i, _, _) in pending.drain(..) {
            parsed[i] = Parsed::Released;
        }
        for (i, result, time) in checked {
            run.timings.check += time;
            let p = &graph.packages[i];
            match result {
                Ok(checked) => {
                    let idx = checked.arena.idx;
                    program.insert(checked.arena);
                    states[i] = State::Checked(idx);
                    if print(p) {
                        let parts = CheckedParts {
                            info: checked.info,
                            errors: checked.errors,
                        };
                        pending.push((i, idx, parts));
                    } else {
                        parsed[i] = Parsed::Released;
                    }
                }
                Err(msg) => {
                    run.panics
                        .push(format!("{}: the checker panicked: {msg}", p.import_path));
                    bodies[i] = Some(format!("PANIC {}\n", one_line(&msg)));
                }
            }
        }
        // `unsafe` is dumped with the first level (it imports nothing).
        for id in level.into_iter().flatten() {
            let i = id.index();
            if graph.packages[i].kind == PackageKind::Unsafe && print(&graph.packages[i]) {
                pending.push((i, UNSAFE, CheckedParts::default()));
            }
        }
    }

    run.timings.check_and_dump = start.elapsed();
    for (i, p) in graph.packages.iter().enumerate() {
        if !print(p) {
            continue;
        }
        if let Some(body) = bodies[i].take() {
            run.sections.push(TypesSection {
                path: p.import_path.clone(),
                body,
            });
        }
    }
    run
}

/// What the dump needs of a checked package once its arena is in the program.
#[derive(Default)]
struct CheckedParts {
    info: Info,
    errors: Vec<TypeError>,
}

/// A package's result, and the time it took.
type Outcome<T> = (usize, Result<T, String>, Duration);

/// What checking and dumping a level read.
struct Context<'a> {
    graph: &'a PackageGraph,
    parsed: &'a [Parsed],
    program: &'a Program,
    file_table: &'a FileTable,
    sizes: Sizes,
}

impl Context<'_> {
    /// Checks the packages of a level in parallel; a panic is caught per package.
    fn check_level(
        &self,
        level: &[PackageId],
        indices: &[Option<PkgIdx>],
        states: &[State],
        universe: &Universe,
    ) -> Vec<Outcome<CheckedPackage>> {
        level
            .par_iter()
            .filter_map(|id| {
                let i = id.index();
                let Parsed::Files(files) = &self.parsed[i] else {
                    return None;
                };
                let idx = indices[i]?;
                let p = &self.graph.packages[i];
                let input = PackageInput {
                    idx,
                    path: p.compiler_path().to_owned(),
                    files: files.clone(),
                    imports: importable(p, states),
                    go_version: p.go_version.clone(),
                };
                let t = Instant::now();
                let result = panic::catch_unwind(AssertUnwindSafe(|| {
                    check_package(self.program, universe, &input)
                }));
                Some((
                    i,
                    result.map_err(|e| panic_message(e.as_ref())),
                    t.elapsed(),
                ))
            })
            .collect()
    }

    /// Dumps checked packages in parallel; a panic is caught per package.
    fn dump_batch(&self, batch: &[(usize, PkgIdx, CheckedParts)]) -> Vec<Outcome<String>> {
        batch
            .par_iter()
            .map(|(i, idx, parts)| {
                let files: &[Arc<File>] = match &self.parsed[*i] {
                    Parsed::Files(files) => files,
                    _ => &[],
                };
                let input = PackageDump {
                    program: self.program,
                    pkg: *idx,
                    info: &parts.info,
                    errors: &parts.errors,
                    files,
                    file_table: self.file_table,
                    sizes: self.sizes,
                };
                let t = Instant::now();
                let result = panic::catch_unwind(AssertUnwindSafe(|| {
                    let store = TypeStore::new(self.program, None);
                    let qualifier = relative_to(&store, *idx);
                    dump_package(&input, &*qualifier)
                }));
                (
                    *i,
                    result.map_err(|e| panic_message(e.as_ref())),
                    t.elapsed(),
                )
            })
            .collect()
    }
}

/// The imports of `p` that can be used: checked, and before `p` in dependency order (a
/// package later in the order is in an import cycle with `p`; `tools/gotypes` does not
/// import it either).
fn importable(p: &Package, states: &[State]) -> HashMap<String, PkgIdx> {
    p.imports
        .iter()
        .filter(|imp| imp.id < p.id)
        .filter_map(|imp| match states[imp.id.index()] {
            State::Checked(idx) => Some((imp.path.clone(), idx)),
            State::Failed => None,
        })
        .collect()
}

/// Reads and parses a package's files; the body of its section if it cannot be checked.
fn parse_package(p: &Package) -> Parsed {
    if p.kind != PackageKind::Go {
        return Parsed::Builtin;
    }
    if let Some(e) = &p.error {
        return Parsed::Failed {
            body: format!("LISTERROR {}\n", one_line(&e.err)),
            panicked: false,
        };
    }
    let mut files = Vec::with_capacity(p.go_files.len());
    let mut body = String::new();
    for path in &p.go_files {
        let name = path_name(path);
        let base = goescape_types::dump::text::base_name(&name).to_owned();
        let src = match fs::read(path) {
            Ok(src) => src,
            Err(e) => {
                body.push_str("IOERROR ");
                push_atom(&mut body, &base);
                body.push(' ');
                body.push_str(&one_line(&e.to_string()));
                body.push('\n');
                continue;
            }
        };
        let parsed = match panic::catch_unwind(AssertUnwindSafe(|| parse_file(&name, src))) {
            Ok(parsed) => parsed,
            Err(e) => {
                return Parsed::Failed {
                    body: format!("PANIC {}\n", one_line(&panic_message(e.as_ref()))),
                    panicked: true,
                };
            }
        };
        if let Some(err) = first_error(&parsed) {
            body.push_str("SYNTAXERROR ");
            push_atom(&mut body, &base);
            body.push_str(&format!(
                ":{}:{} {}\n",
                err.line,
                err.col,
                one_line(&err.msg)
            ));
            continue;
        }
        files.push(Arc::new(parsed.file));
    }
    if body.is_empty() {
        Parsed::Files(files)
    } else {
        Parsed::Failed {
            body,
            panicked: false,
        }
    }
}
