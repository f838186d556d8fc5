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

use goescape_driver::loader::{OtherFileKind, PackageKind};
use goescape_driver::{
    cgo_enabled, load_and_check, DriverError, LoadConfig, LoadError, Package, PackageHook,
    PackageView, Retain,
};
use goescape_escape::{analyze_package, Diagnostic, Options, Summaries};
use goescape_ir::lower::{lower_package, AsmSymbols, LowerInput};
use goescape_ir::type_facts::TypeFacts;
use goescape_types::TypeStore;

use crate::display_path::display_path;
use crate::exit_status::ExitStatus;

#[derive(clap::Args, Debug)]
pub struct GcArgs {
    /// Print escape analysis decisions, as gc's `-m`; `-m=2` adds gc's explanations
    /// (how each value flows to where it escapes) and closure capture decisions.
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

/// The Go assembler as `go build` runs it for symbol ABIs.
struct Assembler {
    asm: PathBuf,
    /// A directory of our own holding the empty `go_asm.h` go build provides first.
    include: PathBuf,
    goroot_include: PathBuf,
    /// `-D GOOS_linux -D GOARCH_amd64 -D GOAMD64_v1`.
    defines: Vec<String>,
}

impl Assembler {
    fn find() -> Option<Assembler> {
        let out = std::process::Command::new("go")
            .args(["env", "GOTOOLDIR", "GOROOT", "GOOS", "GOARCH", "GOAMD64"])
            .stdin(std::process::Stdio::null())
            .output()
            .ok()?;
        let text = String::from_utf8(out.stdout).ok()?;
        let mut lines = text.lines();
        let (tooldir, goroot, goos, goarch) =
            (lines.next()?, lines.next()?, lines.next()?, lines.next()?);
        let mut defines = vec![
            "-D".to_owned(),
            format!("GOOS_{goos}"),
            "-D".to_owned(),
            format!("GOARCH_{goarch}"),
        ];
        if let Some(level) = lines.next().filter(|l| !l.is_empty()) {
            defines.extend(["-D".to_owned(), format!("GOAMD64_{level}")]);
        }
        let include = std::env::temp_dir().join(format!("goescape-asm-{}", std::process::id()));
        std::fs::create_dir_all(&include).ok()?;
        std::fs::write(include.join("go_asm.h"), b"").ok()?;
        Some(Assembler {
            asm: PathBuf::from(tooldir).join("asm"),
            include,
            goroot_include: PathBuf::from(goroot).join("pkg").join("include"),
            defines,
        })
    }
}

impl Drop for Assembler {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.include);
    }
}

/// The escape analysis of one package: its messages, and why it is incomplete if so.
struct PackageEscapes {
    /// `file:line:col: message`, in the order the analysis produced them.
    lines: Vec<String>,
    /// What the lowering could not model, in its words.
    unsupported: Vec<String>,
}

/// The first column gc cannot represent in a position (`cmd/internal/src`'s `colMax`).
const GC_COLUMN_MAX: u32 = 255;

/// A package's files as positions are printed from: path and line table.
type PackageFiles = Arc<Vec<(PathBuf, goescape_syntax::LineTable)>>;

struct EscapeHook<'a> {
    summaries: RwLock<Summaries>,
    /// The IR of every analysed package with generic functions, for the instances
    /// importers analyse.
    irs: RwLock<HashMap<goescape_types::PkgIdx, Arc<goescape_ir::Package>>>,
    /// Every analysed package's files, for the positions of what importers report at
    /// its source (instances, wrappers of its methods).
    files: RwLock<HashMap<goescape_types::PkgIdx, PackageFiles>>,
    /// The assembler, found on first use (None: not available).
    assembler: std::sync::OnceLock<Option<Assembler>>,
    /// The packages the flags apply to (the ones printed), analysed so far.
    flagged: RwLock<std::collections::HashSet<goescape_types::PkgIdx>>,
    print: &'a (dyn Fn(&Package) -> bool + Sync),
    options: Options,
    /// The directory paths are shown relative to.
    dir: PathBuf,
}

impl EscapeHook<'_> {
    /// The symbols of a package's assembly files, as `go build` asks the assembler for
    /// them (`go tool asm -gensymabis`); none if there are no such files or the assembler
    /// cannot be run (the package then only lacks its ABI wrappers).
    fn asm_symbols(&self, package: &Package) -> AsmSymbols {
        let mut asm = AsmSymbols::default();
        let files: Vec<&PathBuf> = package
            .other_files
            .iter()
            .filter(|f| f.kind == OtherFileKind::Asm)
            .map(|f| &f.path)
            .collect();
        if files.is_empty() {
            return asm;
        }
        let Some(tool) = self.assembler.get_or_init(Assembler::find) else {
            return asm;
        };
        let out = tool.include.join(format!("symabis-{}", package.id.index()));
        let status = std::process::Command::new(&tool.asm)
            .arg("-p")
            .arg(package.compiler_path())
            .arg("-I")
            .arg(&tool.include)
            .arg("-I")
            .arg(&tool.goroot_include)
            .args(&tool.defines)
            .arg("-gensymabis")
            .arg("-o")
            .arg(&out)
            .args(files)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status();
        if status.is_ok_and(|s| s.success()) {
            if let Ok(text) = std::fs::read_to_string(&out) {
                asm.parse_symabis(&text);
            }
        }
        let _ = std::fs::remove_file(&out);
        asm
    }

    /// `file:line:col` of a position in one of the files of package `pkg`, as go build
    /// shows it.
    /// `foreign`: a file of another package (an instance of its generic function),
    /// which the go command shows relative to the working directory as `./dir/file.go`.
    fn position(&self, files: &PackageFiles, pos: goescape_ir::IrPos, foreign: bool) -> String {
        if pos == goescape_ir::IrPos::AUTOGENERATED {
            return "<autogenerated>:1".to_owned();
        }
        let Some((path, lines)) = files.get(pos.file as usize) else {
            return "<unknown line number>".to_owned();
        };
        let p = lines.position(goescape_syntax::Pos(pos.offset));
        let name = match path.strip_prefix(&self.dir) {
            Ok(rel) if foreign => format!("./{}", rel.to_string_lossy()),
            _ => display_path(&self.dir, &path.to_string_lossy()),
        };
        // gc packs a column into 8 bits: from 255 on it is unknown and not shown.
        if p.col >= GC_COLUMN_MAX {
            format!("{name}:{}", p.line)
        } else {
            format!("{name}:{}:{}", p.line, p.col)
        }
    }
}

impl PackageHook for EscapeHook<'_> {
    type Output = PackageEscapes;

    fn wants(&self, package: &Package) -> bool {
        package.kind == PackageKind::Go
    }

    fn run(&self, view: &PackageView<'_>) -> PackageEscapes {
        let store = TypeStore::new(view.program, None);
        let asm = self.asm_symbols(view.package);
        // The packages the flags name are compiled with -l; their dependencies are
        // compiled with inlining.
        let inline_bodies = |p| {
            !self
                .flagged
                .read()
                .unwrap_or_else(|e| e.into_inner())
                .contains(&p)
        };
        let input = LowerInput {
            store: &store,
            pkg: view.pkg,
            path: view.package.compiler_path(),
            files: view.files,
            info: view.info,
            any: view.universe.any,
            int_type: view.universe.basic[goescape_types::BasicKind::Int as usize],
            bool_type: view.universe.basic[goescape_types::BasicKind::Bool as usize],
            asm: &asm,
            inline_bodies: &inline_bodies,
        };
        if (self.print)(view.package) {
            self.flagged
                .write()
                .unwrap_or_else(|e| e.into_inner())
                .insert(view.pkg);
        }
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
                .insert(view.pkg, ir.clone());
        }
        self.files
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(view.pkg, files.clone());
        let facts = TypeFacts::new(TypeStore::new(view.program, None), view.sizes);
        let others = |idx: goescape_types::PkgIdx| {
            self.irs
                .read()
                .unwrap_or_else(|e| e.into_inner())
                .get(&idx)
                .cloned()
        };
        let (diagnostics, own) = {
            let imported = self.summaries.read().unwrap_or_else(|e| e.into_inner());
            analyze_package(
                &ir,
                &facts,
                &imported,
                self.options,
                &others,
                &inline_bodies,
            )
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
                        .files
                        .read()
                        .unwrap_or_else(|e| e.into_inner())
                        .get(&p)
                        .cloned()
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
            unsupported: ir.unsupported.iter().map(|u| u.what.clone()).collect(),
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
        files: RwLock::new(HashMap::new()),
        flagged: RwLock::new(std::collections::HashSet::new()),
        assembler: std::sync::OnceLock::new(),
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
                if let Some(first) = escapes.unsupported.first() {
                    eprintln_line(&format!(
                        "goescape: package {}: {} constructs not analysed yet (first: {first}); \
                         its report is incomplete",
                        p.import_path,
                        escapes.unsupported.len()
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
