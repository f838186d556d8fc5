//! `goescape gc [-m|-m=2] [-l] PATTERN...`: what `go build -gcflags='-m -l' PATTERN...`
//! prints — a `# importpath` header per package, then `file:line:col: message` lines —
//! computed by goescape's escape analysis. Every package of the build is lowered and
//! analysed bottom-up over the import graph (dependencies for their parameter summaries);
//! messages are printed for the packages the patterns name, as `-gcflags` without a
//! package pattern applies to them only.

use std::collections::HashMap;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use goescape_driver::loader::PackageKind;
use goescape_driver::{
    cgo_enabled, load_and_check, DriverError, LoadConfig, LoadError, Package, PackageHook,
    PackageView, Retain,
};
use goescape_escape::{analyze_package, Diagnostic, Options, Summaries};
use goescape_ir::lower::{lower_package, LowerInput};
use goescape_ir::type_facts::TypeFacts;
use goescape_types::TypeStore;

use crate::display_path::display_path;
use crate::exit_status::ExitStatus;

#[derive(clap::Args, Debug)]
pub struct GcArgs {
    /// Print escape analysis decisions, as gc's `-m`; `-m=2` asks for more detail (the
    /// flow explanations are not produced yet: the lines of `-m` are).
    #[arg(short = 'm', num_args = 0..=1, require_equals = true, default_missing_value = "1", value_name = "LEVEL")]
    pub m: Option<u8>,

    /// Disable inlining, as gc's `-l`. Required for now: goescape does not model the
    /// inliner yet, so its analysis matches gc's only with inlining off.
    #[arg(short = 'l')]
    pub no_inline: bool,

    /// Change to DIR before doing anything else, as `go -C DIR`.
    #[arg(short = 'C', value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Package patterns, as for `go build`.
    #[arg(value_name = "PATTERN")]
    pub patterns: Vec<String>,
}

/// The escape analysis of one package: its messages, and why it is incomplete if so.
struct PackageEscapes {
    /// `file:line:col: message`, in the order the analysis produced them.
    lines: Vec<String>,
    unsupported: usize,
}

/// A package's files as positions are printed from: path and line table.
type PackageFiles = Arc<Vec<(PathBuf, goescape_syntax::LineTable)>>;

struct EscapeHook<'a> {
    summaries: RwLock<Summaries>,
    /// Every analysed package's IR, for the instances of its generic functions that
    /// importers analyse, and its files, for the positions of those instances.
    irs: RwLock<HashMap<goescape_types::PkgIdx, (Arc<goescape_ir::Package>, PackageFiles)>>,
    print: &'a (dyn Fn(&Package) -> bool + Sync),
    options: Options,
    /// The directory paths are shown relative to.
    dir: PathBuf,
}

impl EscapeHook<'_> {
    /// `file:line:col` of a position in one of the files of package `pkg`, as go build
    /// shows it.
    /// `foreign`: a file of another package (an instance of its generic function),
    /// which the go command shows relative to the working directory as `./dir/file.go`.
    fn position(&self, files: &PackageFiles, pos: goescape_ir::IrPos, foreign: bool) -> String {
        let Some((path, lines)) = files.get(pos.file as usize) else {
            return "<unknown line number>".to_owned();
        };
        let p = lines.position(goescape_syntax::Pos(pos.offset));
        let name = match path.strip_prefix(&self.dir) {
            Ok(rel) if foreign => format!("./{}", rel.to_string_lossy()),
            _ => display_path(&self.dir, &path.to_string_lossy()),
        };
        format!("{name}:{}:{}", p.line, p.col)
    }
}

impl PackageHook for EscapeHook<'_> {
    type Output = PackageEscapes;

    fn wants(&self, package: &Package) -> bool {
        package.kind == PackageKind::Go
    }

    fn run(&self, view: &PackageView<'_>) -> PackageEscapes {
        let store = TypeStore::new(view.program, None);
        let input = LowerInput {
            store: &store,
            pkg: view.pkg,
            path: view.package.compiler_path(),
            files: view.files,
            info: view.info,
            any: view.universe.any,
            int_type: view.universe.basic[goescape_types::BasicKind::Int as usize],
            bool_type: view.universe.basic[goescape_types::BasicKind::Bool as usize],
        };
        let ir = Arc::new(lower_package(&input));
        let files: PackageFiles = Arc::new(
            view.package
                .go_files
                .iter()
                .zip(view.files)
                .map(|(path, f)| (path.clone(), f.line_table.clone()))
                .collect(),
        );
        // Only packages with generic functions are instantiated from by importers.
        if ir.funcs.iter().any(|f| f.generic) {
            self.irs
                .write()
                .unwrap_or_else(|e| e.into_inner())
                .insert(view.pkg, (ir.clone(), files.clone()));
        }
        let facts = TypeFacts::new(TypeStore::new(view.program, None), view.sizes);
        let others = |idx: goescape_types::PkgIdx| {
            self.irs
                .read()
                .unwrap_or_else(|e| e.into_inner())
                .get(&idx)
                .map(|(ir, _)| ir.clone())
        };
        let (diagnostics, own) = {
            let imported = self.summaries.read().unwrap_or_else(|e| e.into_inner());
            analyze_package(&ir, &facts, &imported, self.options, &others)
        };
        self.summaries
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .extend(own);
        let mut lines = Vec::new();
        if (self.print)(view.package) {
            for Diagnostic {
                pos,
                msg,
                at,
                pkg,
                explanation,
            } in diagnostics
            {
                // Instances of imported generic functions are at their source.
                let files = match pkg {
                    Some(p) => self
                        .irs
                        .read()
                        .unwrap_or_else(|e| e.into_inner())
                        .get(&p)
                        .map(|(_, f)| f.clone())
                        .unwrap_or_else(|| files.clone()),
                    None => files.clone(),
                };
                // gc's warnings without a position have no prefix; explanations say so.
                let foreign = pkg.is_some();
                let mut line = if pos.is_known() || explanation {
                    format!("{}: {msg}", self.position(&files, pos, foreign))
                } else {
                    msg
                };
                if let Some(at) = at {
                    line.push_str(" at ");
                    line.push_str(&self.position(&files, at, foreign));
                }
                lines.push(line);
            }
        }
        PackageEscapes {
            lines,
            unsupported: ir.unsupported.len(),
        }
    }
}

pub fn run(args: &GcArgs) -> ExitStatus {
    if !args.no_inline {
        eprintln_line(
            "goescape gc: pass -l: the inliner is not modelled yet, so only gc's analysis with \
             inlining off (-gcflags='-m -l') can be reproduced",
        );
        return ExitStatus::InputErrors;
    }
    let cwd = match std::env::current_dir() {
        Ok(cwd) => cwd,
        Err(e) => {
            eprintln_line(&format!(
                "goescape: cannot determine the current directory: {e}"
            ));
            return ExitStatus::InputErrors;
        }
    };
    let dir = args
        .dir
        .as_ref()
        .map_or_else(|| cwd.clone(), |d| cwd.join(d));
    let mut cfg = LoadConfig::new(&dir, args.patterns.iter().cloned());
    cfg.cgo_enabled = cgo_enabled(&cfg.go, &dir, &cfg.env);
    let roots = |p: &Package| !p.dep_only;
    let level = args.m.unwrap_or(0);
    let hook = EscapeHook {
        summaries: RwLock::new(HashMap::new()),
        irs: RwLock::new(HashMap::new()),
        print: &roots,
        options: Options { level },
        dir: dir.clone(),
    };
    let checked = match load_and_check(&cfg, Retain::Nothing, &hook) {
        Ok(c) => c,
        Err(DriverError::Load(LoadError::GoFailed { stderr, .. })) if !stderr.is_empty() => {
            eprintln_line(&stderr);
            return ExitStatus::InputErrors;
        }
        Err(e) => {
            eprintln_line(&format!("goescape: {e}"));
            return ExitStatus::InputErrors;
        }
    };
    let mut out = BufWriter::new(io::stdout().lock());
    let mut status = ExitStatus::Clean;
    for (p, result) in checked.iter() {
        if p.dep_only {
            continue;
        }
        let Some(Some(outcome)) = checked.hooked.get(p.id.index()) else {
            continue;
        };
        match outcome {
            Ok(escapes) => {
                if level > 0 && !escapes.lines.is_empty() {
                    let _ = writeln!(out, "# {}", p.import_path);
                    for line in &escapes.lines {
                        let _ = writeln!(out, "{line}");
                    }
                }
                if escapes.unsupported > 0 {
                    eprintln_line(&format!(
                        "goescape: package {}: {} constructs not analysed yet (generic code, \
                         range over functions, package initialisers); its report is incomplete",
                        p.import_path, escapes.unsupported
                    ));
                }
            }
            Err(panic) => {
                eprintln_line(&format!(
                    "goescape: package {}: analysis failed: {panic}",
                    p.import_path
                ));
                status.record(ExitStatus::SourceErrors);
            }
        }
        if !result.errors.is_empty() {
            status.record(ExitStatus::SourceErrors);
        }
    }
    let _ = out.flush();
    status
}

#[allow(clippy::print_stderr)]
fn eprintln_line(s: &str) {
    eprintln!("{s}");
}
