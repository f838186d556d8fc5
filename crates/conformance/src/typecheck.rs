//! Our side of the type checker comparison: the packages `go build` would compile (from
//! goescape-loader), checked by the package pipeline of goescape-driver (every file parsed,
//! every package checked in dependency order) and dumped with its [`DumpHook`] in the
//! sections `tools/gotypes` prints for the same packages.
//!
//! As in `tools/gotypes`, a package that cannot be checked (a go list error, a file that
//! does not parse, a panic of the checker) is left out of its importers' imports, and its
//! section says why (`LISTERROR`, `SYNTAXERROR`, `IOERROR`, `PANIC`). Panics of the parser,
//! the checker and the dump are caught per package by the driver and reported here.

use std::path::Path;
use std::time::Duration;

use goescape_driver::dump::{section_body, DumpHook};
use goescape_driver::{check_graph, PackageStatus, Retain};
use goescape_loader::{load, LoadConfig, Package, PackageGraph};

use crate::gotypes::TypesSection;

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
    /// Wall time of checking and dumping (on all cores, each package dumped as soon as it
    /// and its imports are, while other packages are checked).
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

/// Checks every package of `graph` in dependency order and dumps those `print` selects.
pub fn check_and_dump(graph: &PackageGraph, print: &(dyn Fn(&Package) -> bool + Sync)) -> OurDump {
    let mut run = OurDump::default();
    let hook = DumpHook { print };
    let checked = match check_graph(graph.clone(), Retain::Nothing, &hook) {
        Ok(checked) => checked,
        Err(e) => {
            run.panics.push(format!("{e}: nothing was checked"));
            return run;
        }
    };
    let t = checked.timings;
    run.timings = Timings {
        parse: t.parse,
        check_and_dump: t.check,
        check: t.check_sum,
        dump: t.hook_sum,
    };
    for ((p, result), dumped) in checked.iter().zip(&checked.hooked) {
        if let PackageStatus::Panicked { stage, message } = &result.status {
            run.panics.push(format!(
                "{}: {} panicked: {message}",
                p.import_path,
                stage.name()
            ));
        }
        if let Some(Err(message)) = dumped {
            run.panics
                .push(format!("{}: the dump panicked: {message}", p.import_path));
        }
        if !print(p) {
            continue;
        }
        if let Some(body) = section_body(&result.status, dumped.as_ref()) {
            run.sections.push(TypesSection {
                path: p.import_path.clone(),
                body,
            });
        }
    }
    run
}
