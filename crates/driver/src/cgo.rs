//! What skipping cgo files hides. goescape does not run cgo, so the package-level names
//! a package's cgo files declare (wrappers like net's `_C_malloc`, or plugin's `open`) are
//! missing when its other Go files are checked, and every use of one is an `undefined`
//! error that `go build` would not report. Those errors are set apart, not dropped.

use std::collections::HashSet;
use std::fs;
use std::panic::{self, AssertUnwindSafe};

use goescape_loader::Package;
use goescape_syntax::ast::{Decl, File, Spec};
use goescape_syntax::parse_file;

use crate::located::LocatedError;

/// The package-level names declared in `p`'s cgo files (functions, types, variables and
/// constants; not methods). Unreadable or unparsable files contribute what could be read.
pub(crate) fn cgo_declared_names(p: &Package) -> HashSet<String> {
    let mut names = HashSet::new();
    for path in &p.cgo_files {
        let Ok(src) = fs::read(path) else { continue };
        let name = path.to_string_lossy();
        if let Ok(parsed) = panic::catch_unwind(AssertUnwindSafe(|| parse_file(&name, src))) {
            add_declared_names(&parsed.file, &mut names);
        }
    }
    names
}

fn add_declared_names(file: &File, names: &mut HashSet<String>) {
    for decl in &file.decls {
        match decl {
            Decl::Func(f) if f.recv.is_none() => {
                names.insert(file.ident_name(f.name).into_owned());
            }
            Decl::Gen(g, _) => {
                for spec in &g.specs {
                    match spec {
                        Spec::Value(v) => {
                            names.extend(v.names.iter().map(|n| file.ident_name(*n).into_owned()))
                        }
                        Spec::Type(t) => {
                            names.insert(file.ident_name(t.name).into_owned());
                        }
                        Spec::Import(_) => {}
                    }
                }
            }
            Decl::Func(_) | Decl::Bad { .. } => {}
        }
    }
}

/// Moves out of `errors` those that only say a name declared in a skipped cgo file is
/// undefined, and returns them.
pub(crate) fn split_cgo_errors(
    errors: &mut Vec<LocatedError>,
    cgo_names: &HashSet<String>,
) -> Vec<LocatedError> {
    if cgo_names.is_empty() {
        return Vec::new();
    }
    let (explained, kept): (Vec<_>, Vec<_>) = errors.drain(..).partition(|e| {
        e.error
            .msg
            .strip_prefix("undefined: ")
            .is_some_and(|name| cgo_names.contains(name))
    });
    *errors = kept;
    explained
}
