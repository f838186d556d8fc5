//! The canonical type dump of a run (docs/types-dump.md), as `tools/gotypes` prints it: a
//! [`DumpHook`] dumps each checked package while other packages are checked, and
//! [`section_body`] gives every package its section, saying why when it was not checked.

use goescape_loader::Package;
use goescape_syntax::dump::go_adjusted_position;
use goescape_types::dump::text::{base_name, one_line, push_atom};
use goescape_types::dump::{dump_package, PackageDump};
use goescape_types::typestring::relative_to;
use goescape_types::TypeStore;

use crate::hook::{HookOutcome, PackageHook, PackageView};
use crate::status::{FileProblem, PackageStatus};

/// Dumps the packages `print` selects.
pub struct DumpHook<'a> {
    pub print: &'a (dyn Fn(&Package) -> bool + Sync),
}

impl PackageHook for DumpHook<'_> {
    type Output = String;

    fn wants(&self, package: &Package) -> bool {
        (self.print)(package)
    }

    /// The dump prints the positions of other packages' objects.
    fn needs_file_table(&self) -> bool {
        true
    }

    fn run(&self, view: &PackageView<'_>) -> String {
        let input = PackageDump {
            program: view.program,
            pkg: view.pkg,
            info: view.info,
            errors: view.errors,
            files: view.files,
            file_table: view.file_table,
            sizes: view.sizes,
        };
        let store = TypeStore::new(view.program, None);
        let qualifier = relative_to(&store, view.pkg);
        dump_package(&input, &*qualifier)
    }
}

/// The body of a package's section (after its `=== IMPORTPATH` line): the dump the hook
/// made, or the line(s) saying why there is none — `LISTERROR`, `SYNTAXERROR` and
/// `IOERROR` per file, or `PANIC` (for the parser, the checker or the dump itself).
/// `None` for cgo's `C`, which go/types never sees.
pub fn section_body(
    status: &PackageStatus,
    dumped: Option<&HookOutcome<String>>,
) -> Option<String> {
    if let Some(outcome) = dumped {
        return Some(match outcome {
            Ok(body) => body.clone(),
            Err(panic) => format!("PANIC {}\n", one_line(panic)),
        });
    }
    match status {
        PackageStatus::ListError(e) => Some(format!("LISTERROR {}\n", one_line(&e.err))),
        PackageStatus::FileErrors(problems) => {
            let mut body = String::new();
            for problem in problems {
                push_problem(&mut body, problem);
            }
            Some(body)
        }
        PackageStatus::Panicked { message, .. } => Some(format!("PANIC {}\n", one_line(message))),
        PackageStatus::Checked | PackageStatus::Builtin | PackageStatus::Cgo => None,
    }
}

/// `IOERROR FILE MSG` or `SYNTAXERROR FILE:LINE:COL MSG` (go/parser's first error, at the
/// adjusted position it reports; FILE is the base name of the file, as go list names it).
fn push_problem(body: &mut String, problem: &FileProblem) {
    let path = problem.path().to_string_lossy();
    let base = base_name(&path);
    match problem {
        FileProblem::Io { error, .. } => {
            body.push_str("IOERROR ");
            push_atom(body, base);
            body.push(' ');
            body.push_str(&one_line(error));
            body.push('\n');
        }
        FileProblem::Syntax { file, errors, .. } => {
            let first = errors
                .iter()
                .map(|e| {
                    let (name, line, col) =
                        go_adjusted_position(file, e.pos).unwrap_or_else(|| (String::new(), 0, 0));
                    (name, line, col, &e.msg)
                })
                .min();
            if let Some((_, line, col, msg)) = first {
                body.push_str("SYNTAXERROR ");
                push_atom(body, base);
                body.push_str(&format!(":{line}:{col} {}\n", one_line(msg)));
            }
        }
    }
}
