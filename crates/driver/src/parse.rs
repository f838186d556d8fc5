//! Reading and parsing the files of one package. The driver's only file IO.

use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;

use goescape_loader::{Package, PackageKind};
use goescape_syntax::ast::File;
use goescape_syntax::parse_file;

use crate::status::{panic_message, FileProblem, PackageStatus, Stage};

/// A package after reading and parsing: its trees, or why it will not be checked.
pub(crate) enum ParsedPackage {
    /// Every file parsed cleanly (in go list's order).
    Files(Vec<Arc<File>>),
    /// Not checked, for the reason given.
    NotChecked(PackageStatus),
}

/// Reads and parses `p`'s Go files (not its cgo files, which goescape skips). A panic of
/// the parser is caught and becomes the package's status. A package with no Go files and
/// no error (one `std` matches that has only tests, say) is checked as an empty package,
/// as go/types checks it.
pub(crate) fn parse_package(p: &Package) -> ParsedPackage {
    match p.kind {
        PackageKind::Unsafe => return ParsedPackage::NotChecked(PackageStatus::Builtin),
        PackageKind::C => return ParsedPackage::NotChecked(PackageStatus::Cgo),
        PackageKind::Go => {}
    }
    if let Some(e) = &p.error {
        return ParsedPackage::NotChecked(PackageStatus::ListError(e.clone()));
    }
    let mut files = Vec::with_capacity(p.go_files.len());
    let mut problems = Vec::new();
    for path in &p.go_files {
        let src = match fs::read(path) {
            Ok(src) => src,
            Err(e) => {
                problems.push(FileProblem::Io {
                    path: path.clone(),
                    error: e.to_string(),
                });
                continue;
            }
        };
        // The name the parser gets is the absolute path, as go/parser gets it from go list.
        let name = path.to_string_lossy();
        let parsed = match panic::catch_unwind(AssertUnwindSafe(|| parse_file(&name, src))) {
            Ok(parsed) => parsed,
            Err(e) => {
                return ParsedPackage::NotChecked(PackageStatus::Panicked {
                    stage: Stage::Parse,
                    message: panic_message(e.as_ref()),
                });
            }
        };
        if parsed.errors.is_empty() {
            files.push(Arc::new(parsed.file));
        } else {
            problems.push(FileProblem::Syntax {
                path: path.clone(),
                file: Arc::new(parsed.file),
                errors: parsed.errors,
            });
        }
    }
    if problems.is_empty() {
        ParsedPackage::Files(files)
    } else {
        ParsedPackage::NotChecked(PackageStatus::FileErrors(problems))
    }
}
