//! Conformance checks of goescape against the Go toolchain itself.
//!
//! The reference is always the Go installation on `PATH` (Go 1.26 is a hard requirement of
//! the project): its `GOROOT/src` is the corpus, and `tools/goast`, built with it, prints
//! go/parser's view of each file in the canonical text form of `docs/ast-dump.md`, which
//! [`goescape_syntax::dump::dump_file`] prints for our parser. This library holds the
//! reusable pieces: locating Go, listing files, building and streaming the Go tool, and
//! comparing one file. The modules hold the type checker's counterpart: [`gotypes`]
//! (go/types' side, from `tools/gotypes`), [`typecheck`] (ours), [`classes`] (comparing the
//! two line class by line class) and [`ratchet`] (the committed figures). [`gc`] holds the
//! escape analysis's counterpart: gc's `-m` output, parsed, classified and compared with
//! goescape's.

pub mod classes;
pub mod gc;
pub mod gotypes;
pub mod ratchet;
pub mod typecheck;

use std::fs;
use std::io::{self, BufRead, BufReader, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, ExitCode, Stdio};

use goescape_syntax::dump;
use goescape_syntax::{parse_file, Parsed, SyntaxError};

/// Runs `go` with `args` and returns its trimmed standard output.
fn go_output(args: &[&str]) -> Result<String, String> {
    let out = Command::new("go")
        .args(args)
        .env("GOTOOLCHAIN", "local")
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| {
            if e.kind() == io::ErrorKind::NotFound {
                "the `go` command is not on PATH: goescape needs Go 1.26 (its GOROOT/src is the \
                 test corpus and tools/goast is built with it); install Go 1.26 and retry"
                    .to_string()
            } else {
                format!("cannot run `go {}`: {e}", args.join(" "))
            }
        })?;
    if !out.status.success() {
        return Err(format!("`go {}` failed ({})", args.join(" "), out.status));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// What the libtest arguments cargo passes (`--list`, name filters, `--exact`,
/// `--ignored`, `--skip`) ask of a test binary that holds the single test `name`, so that
/// `cargo test SOMETHING_ELSE` does not run it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestSelection {
    /// Run the test.
    Run,
    /// Print `NAME: test` (when `ignored` is false) and run nothing.
    List { ignored: bool },
    /// Filtered out: print `test NAME ... filtered out`.
    FilteredOut,
}

/// The entry point of a `harness = false` test binary holding the single test `name`:
/// honours cargo's libtest arguments, runs `run` when selected, and reports
/// `test NAME ... ok` / `FAILED` as libtest does (an `Err` is printed first).
#[allow(clippy::print_stdout, clippy::print_stderr)] // a test binary's report is its output
pub fn run_single_test(name: &str, run: impl FnOnce() -> Result<bool, String>) -> ExitCode {
    match test_selection(name, std::env::args().skip(1)) {
        TestSelection::Run => {}
        TestSelection::List { ignored } => {
            if !ignored {
                println!("{name}: test");
            }
            return ExitCode::SUCCESS;
        }
        TestSelection::FilteredOut => {
            println!("test {name} ... filtered out");
            return ExitCode::SUCCESS;
        }
    }
    match run() {
        Ok(true) => {
            println!("test {name} ... ok");
            ExitCode::SUCCESS
        }
        Ok(false) => {
            println!("test {name} ... FAILED");
            ExitCode::FAILURE
        }
        Err(msg) => {
            eprintln!("{name}: {msg}");
            println!("test {name} ... FAILED");
            ExitCode::FAILURE
        }
    }
}

/// Decides [`TestSelection`] from the arguments after the program name.
pub fn test_selection(name: &str, args: impl IntoIterator<Item = String>) -> TestSelection {
    let args: Vec<String> = args.into_iter().collect();
    let mut filters = Vec::new();
    let mut skips = Vec::new();
    let (mut exact, mut list, mut ignored_only) = (false, false, false);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--list" => list = true,
            "--exact" => exact = true,
            "--ignored" => ignored_only = true,
            "--skip" => skips.extend(it.next().cloned()),
            "--test-threads" | "--format" | "--color" | "--logfile" | "-Z" | "--shuffle-seed" => {
                it.next();
            }
            a if a.starts_with('-') => {}
            a => filters.push(a.to_string()),
        }
    }
    if list {
        return TestSelection::List {
            ignored: ignored_only,
        };
    }
    let matches = |f: &String| {
        if exact {
            f == name
        } else {
            name.contains(f.as_str())
        }
    };
    let selected = !ignored_only
        && (filters.is_empty() || filters.iter().any(matches))
        && !skips.iter().any(|s| name.contains(s.as_str()));
    if selected {
        TestSelection::Run
    } else {
        TestSelection::FilteredOut
    }
}

/// The Go installation's root directory (`go env GOROOT`).
pub fn goroot() -> Result<PathBuf, String> {
    let root = go_output(&["env", "GOROOT"])?;
    if root.is_empty() {
        return Err("`go env GOROOT` printed nothing".to_string());
    }
    Ok(PathBuf::from(root))
}

/// The Go version on `PATH` (`go env GOVERSION`, e.g. `go1.26.8`).
pub fn go_version() -> Result<String, String> {
    go_output(&["env", "GOVERSION"])
}

/// The root of this Cargo workspace.
pub fn workspace_root() -> PathBuf {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    crate_dir
        .parent()
        .and_then(Path::parent)
        .map_or_else(|| crate_dir.to_path_buf(), Path::to_path_buf)
}

/// Every regular file named `*.go` below `dir` (testdata included; symbolic links are not
/// followed), sorted by path.
pub fn go_files_under(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for entry in fs::read_dir(&d)? {
            let entry = entry?;
            let ty = entry.file_type()?;
            let path = entry.path();
            if ty.is_dir() {
                dirs.push(path);
            } else if ty.is_file() && path.extension().is_some_and(|ext| ext == "go") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Builds `tools/goast` into `out_dir` and returns the path of the executable.
pub fn build_goast(out_dir: &Path) -> Result<PathBuf, String> {
    build_go_tool("goast", out_dir)
}

/// Builds the Go program `tools/NAME` (a module of its own) into `out_dir/NAME` with the Go
/// on PATH, and returns the path of the executable.
pub fn build_go_tool(name: &str, out_dir: &Path) -> Result<PathBuf, String> {
    let src = workspace_root().join("tools").join(name);
    fs::create_dir_all(out_dir).map_err(|e| format!("creating {}: {e}", out_dir.display()))?;
    let exe = out_dir.join(name);
    let status = Command::new("go")
        .arg("build")
        .arg("-o")
        .arg(&exe)
        .arg(".")
        .current_dir(&src)
        .env("GOTOOLCHAIN", "local")
        .env("GOWORK", "off")
        .env("GOFLAGS", "-mod=mod")
        .status()
        .map_err(|e| {
            if e.kind() == io::ErrorKind::NotFound {
                "the `go` command is not on PATH: goescape needs Go 1.26".to_string()
            } else {
                format!("cannot run `go build`: {e}")
            }
        })?;
    if !status.success() {
        return Err(format!("`go build` of {} failed ({status})", src.display()));
    }
    Ok(exe)
}

/// What go/parser made of one file, as `goast dump` printed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GoResult {
    /// go/parser accepted the file: its canonical dump.
    Dump(String),
    /// go/parser rejected the file: its first error, at the adjusted position it reports.
    Rejected { line: u32, col: u32, msg: String },
    /// The tool could not read the file, or failed on it.
    Failed(String),
}

/// One file's section of `goast dump` output.
#[derive(Debug, Clone)]
pub struct Section {
    pub path: String,
    pub result: GoResult,
}

/// A running `goast dump`, read one file section at a time.
#[derive(Debug)]
pub struct GoastDump {
    child: Child,
    out: BufReader<ChildStdout>,
    /// Header of the next section, already read.
    next_header: Option<String>,
    finished: bool,
}

/// Starts `goast dump` on `files`, passing their list through `list_file`.
pub fn run_goast_dump(
    goast: &Path,
    files: &[PathBuf],
    list_file: &Path,
) -> Result<GoastDump, String> {
    let mut list = Vec::new();
    for f in files {
        list.extend_from_slice(path_bytes(f).as_ref());
        list.push(b'\n');
    }
    fs::write(list_file, list).map_err(|e| format!("writing {}: {e}", list_file.display()))?;
    let mut child = Command::new(goast)
        .arg("dump")
        .arg("-list")
        .arg(list_file)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", goast.display()))?;
    let out = child.stdout.take().ok_or("no stdout from goast")?;
    Ok(GoastDump {
        child,
        out: BufReader::with_capacity(1 << 20, out),
        next_header: None,
        finished: false,
    })
}

#[cfg(unix)]
fn path_bytes(p: &Path) -> std::borrow::Cow<'_, [u8]> {
    use std::os::unix::ffi::OsStrExt;
    std::borrow::Cow::Borrowed(p.as_os_str().as_bytes())
}

#[cfg(not(unix))]
fn path_bytes(p: &Path) -> std::borrow::Cow<'_, [u8]> {
    std::borrow::Cow::Owned(p.to_string_lossy().into_owned().into_bytes())
}

/// The name our parser is given for `path`: the same text the Go tool receives.
pub fn path_name(path: &Path) -> String {
    String::from_utf8_lossy(&path_bytes(path)).into_owned()
}

impl GoastDump {
    fn read_line(&mut self, buf: &mut Vec<u8>) -> Result<bool, String> {
        buf.clear();
        let n = self
            .out
            .read_until(b'\n', buf)
            .map_err(|e| format!("reading goast output: {e}"))?;
        if buf.last() == Some(&b'\n') {
            buf.pop();
        }
        Ok(n > 0)
    }

    /// The next file section, `Ok(None)` at the end of the output (once the tool exited
    /// successfully).
    pub fn next_section(&mut self) -> Result<Option<Section>, String> {
        if self.finished {
            return Ok(None);
        }
        let mut line = Vec::new();
        let header = match self.next_header.take() {
            Some(h) => h,
            None => {
                if !self.read_line(&mut line)? {
                    return self.finish().map(|()| None);
                }
                let text = String::from_utf8_lossy(&line);
                match text.strip_prefix("=== ") {
                    Some(path) => path.to_string(),
                    None => return Err(format!("unexpected goast output line: {text}")),
                }
            }
        };
        let mut body = Vec::new();
        let mut eof = true;
        while self.read_line(&mut line)? {
            if let Some(path) = line.strip_prefix(b"=== ") {
                self.next_header = Some(String::from_utf8_lossy(path).into_owned());
                eof = false;
                break;
            }
            body.extend_from_slice(&line);
            body.push(b'\n');
        }
        if eof {
            self.finish()?;
        }
        // The dump is ASCII; an error message may not be.
        let body = String::from_utf8(body)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        Ok(Some(Section {
            path: header,
            result: parse_section_body(body),
        }))
    }

    fn finish(&mut self) -> Result<(), String> {
        self.finished = true;
        let status = self
            .child
            .wait()
            .map_err(|e| format!("waiting for goast: {e}"))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("goast dump failed ({status})"))
        }
    }
}

impl Drop for GoastDump {
    fn drop(&mut self) {
        if !self.finished {
            // Stop a tool whose output is no longer read (only after an error).
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn parse_section_body(body: String) -> GoResult {
    let first = body.lines().next().unwrap_or("");
    if let Some(rest) = first.strip_prefix("ERROR ") {
        let (pos, msg) = rest.split_once(' ').unwrap_or((rest, ""));
        let (line, col) = pos.split_once(':').unwrap_or((pos, "0"));
        match (line.parse(), col.parse()) {
            (Ok(line), Ok(col)) => GoResult::Rejected {
                line,
                col,
                msg: msg.to_string(),
            },
            _ => GoResult::Failed(format!("malformed goast line: {first}")),
        }
    } else if first.starts_with("IOERROR ") || first.starts_with("PANIC ") {
        GoResult::Failed(first.to_string())
    } else if first.starts_with("File ") {
        GoResult::Dump(body)
    } else {
        GoResult::Failed(format!("unexpected goast section: {first}"))
    }
}

/// The first line where two dumps differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// 1-based line number in the dumps.
    pub line: usize,
    /// go/parser's line, or `None` if its dump ended first.
    pub go: Option<String>,
    /// Our line, or `None` if our dump ended first.
    pub ours: Option<String>,
    /// The labels of the node's ancestors in go/parser's dump (`Decls[2] > Body > List[0]`).
    pub context: String,
}

/// Where `ours` first differs from `go`, or `None` if they are equal.
pub fn first_difference(go: &str, ours: &str) -> Option<Difference> {
    if go == ours {
        return None;
    }
    let go_lines: Vec<&str> = go.lines().collect();
    let mut our_lines = ours.lines();
    let mut i = 0;
    loop {
        let g = go_lines.get(i).copied();
        let o = our_lines.next();
        if g != o || (g.is_none() && o.is_none()) {
            return Some(Difference {
                line: i + 1,
                go: g.map(str::to_string),
                ours: o.map(str::to_string),
                context: ancestors(&go_lines, i),
            });
        }
        i += 1;
    }
}

/// The level of a dump line and its text after the indentation: two spaces per level, and
/// beyond [`dump::MAX_INDENT`] levels an explicit `(LEVEL) ` after the spaces.
pub fn line_level(line: &str) -> (usize, &str) {
    let text = line.trim_start_matches(' ');
    let spaces = (line.len() - text.len()) / 2;
    if let Some(rest) = text.strip_prefix('(') {
        if let Some((digits, after)) = rest.split_once(") ") {
            if let Ok(level) = digits.parse() {
                return (level, after);
            }
        }
    }
    (spaces, text)
}

/// The labels of the ancestors of line `i` (the closest shallower lines above it).
fn ancestors(lines: &[&str], i: usize) -> String {
    let mut want = lines.get(i).map_or(usize::MAX, |l| line_level(l).0);
    let mut labels = Vec::new();
    for l in lines[..i.min(lines.len())].iter().rev() {
        let (level, text) = line_level(l);
        if level < want {
            want = level;
            if let Some((label, _)) = text.split_once(": ") {
                labels.push(label);
            }
            if level == 0 {
                break;
            }
        }
    }
    labels.reverse();
    if labels.len() > 12 {
        let n = labels.len();
        let tail = labels.split_off(n - 6);
        labels.truncate(6);
        labels.push("...");
        labels.extend(tail);
    }
    labels.join(" > ")
}

/// An error of ours at go/token's position, for comparison with go/parser's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorAt {
    pub line: u32,
    pub col: u32,
    pub msg: String,
}

/// The result of comparing one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// go/parser accepted the file and our dump is identical.
    Identical,
    /// go/parser accepted the file; our dump differs.
    Differs(Difference),
    /// go/parser accepted the file; we reported an error.
    WeReject(ErrorAt),
    /// Both rejected the file; `same_line` tells whether the first errors are on one line.
    BothReject {
        go: ErrorAt,
        ours: ErrorAt,
        same_line: bool,
    },
    /// go/parser rejected the file; we reported no error.
    WeAccept(ErrorAt),
    /// The Go tool failed on the file, or we could not read it.
    Failed(String),
    /// Our parser or dump panicked.
    Panicked(String),
    /// The dumps are identical, but `ast_pos.rs`'s `expr_pos`/`stmt_pos` disagree with
    /// go/ast's `Pos()` (which the dump just verified).
    AstPosDiffers(String),
}

impl Outcome {
    pub fn is_success(&self) -> bool {
        matches!(
            self,
            Outcome::Identical
                | Outcome::BothReject {
                    same_line: true,
                    ..
                }
        )
    }
}

/// Parses and dumps `src` with our parser. The name is the path exactly as the Go tool got it.
pub fn our_dump(name: &str, src: Vec<u8>) -> (Parsed, String) {
    let parsed = parse_file(name, src);
    let mut out = String::new();
    dump::dump_file(&parsed.file, &mut out);
    (parsed, out)
}

/// Our first error as go/parser would report it: errors sorted like go/scanner's
/// `ErrorList.Sort` (adjusted filename, line, column, message).
pub fn first_error(parsed: &Parsed) -> Option<ErrorAt> {
    parsed
        .errors
        .iter()
        .map(|SyntaxError { pos, msg }| {
            let (name, line, col) = dump::go_adjusted_position(&parsed.file, *pos)
                .unwrap_or_else(|| (String::new(), 0, 0));
            (name, line, col, msg)
        })
        .min()
        .map(|(_, line, col, msg)| ErrorAt {
            line,
            col,
            msg: msg.clone(),
        })
}

/// Compares our parser with go/parser's `result` on the file at `path`.
/// Never panics: a panic of the parser or the dump is reported as [`Outcome::Panicked`].
pub fn compare_file(path: &Path, result: &GoResult) -> Outcome {
    let name = path_name(path);
    let src = match fs::read(path) {
        Ok(src) => src,
        Err(e) => return Outcome::Failed(format!("reading {name}: {e}")),
    };
    let dump_wanted = matches!(result, GoResult::Dump(_));
    let ours = panic::catch_unwind(AssertUnwindSafe(|| {
        if dump_wanted {
            let (parsed, out) = our_dump(&name, src);
            (parsed, Some(out))
        } else {
            (parse_file(&name, src), None)
        }
    }));
    let (parsed, our_text) = match ours {
        Ok(v) => v,
        Err(payload) => return Outcome::Panicked(panic_message(payload.as_ref())),
    };
    match result {
        GoResult::Failed(msg) => Outcome::Failed(msg.clone()),
        GoResult::Dump(go_text) => {
            if let Some(err) = first_error(&parsed) {
                return Outcome::WeReject(err);
            }
            let our_text = our_text.unwrap_or_default();
            match first_difference(go_text, &our_text) {
                Some(diff) => Outcome::Differs(diff),
                None => match check_ast_pos(&parsed) {
                    Ok(()) => Outcome::Identical,
                    Err(msg) => Outcome::AstPosDiffers(msg),
                },
            }
        }
        GoResult::Rejected { line, col, msg } => {
            let go = ErrorAt {
                line: *line,
                col: *col,
                msg: msg.clone(),
            };
            match first_error(&parsed) {
                None => Outcome::WeAccept(go),
                Some(ours) => {
                    let same_line = ours.line == go.line;
                    Outcome::BothReject {
                        go,
                        ours,
                        same_line,
                    }
                }
            }
        }
    }
}

/// Checks `File::expr_pos`/`stmt_pos` (ast_pos.rs) against the positions the dump printed.
fn check_ast_pos(parsed: &Parsed) -> Result<(), String> {
    let file = &parsed.file;
    let (exprs, stmts) = dump::node_positions(file);
    let caught = panic::catch_unwind(AssertUnwindSafe(|| {
        for (i, want) in exprs.iter().enumerate() {
            let got = file.expr_pos(goescape_syntax::ast::ExprId(i as u32));
            if got != *want {
                return Err(format!(
                    "expr_pos(ExprId({i})) = {got:?}, go/ast Pos() = {want:?}"
                ));
            }
        }
        for (i, want) in stmts.iter().enumerate() {
            let got = file.stmt_pos(goescape_syntax::ast::StmtId(i as u32));
            if got != *want {
                return Err(format!(
                    "stmt_pos(StmtId({i})) = {got:?}, go/ast Pos() = {want:?}"
                ));
            }
        }
        Ok(())
    }));
    caught.unwrap_or_else(|payload| Err(format!("panic: {}", panic_message(payload.as_ref()))))
}

/// The message of a caught panic (its payload if it is a string).
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "(non-string panic payload)".to_string()
    }
}

/// Writes both dumps of a differing file into `dir` (`NAME.go-parser.dump` and
/// `NAME.goescape.dump`, NAME being `rel` with `/` replaced by `__`), for a reviewer to diff.
pub fn write_diff_pair(
    dir: &Path,
    rel: &str,
    go: &str,
    ours: &str,
) -> io::Result<(PathBuf, PathBuf)> {
    fs::create_dir_all(dir)?;
    let stem = rel.replace('/', "__");
    let go_path = dir.join(format!("{stem}.go-parser.dump"));
    let our_path = dir.join(format!("{stem}.goescape.dump"));
    fs::File::create(&go_path)?.write_all(go.as_bytes())?;
    fs::File::create(&our_path)?.write_all(ours.as_bytes())?;
    Ok((go_path, our_path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_parse() {
        assert_eq!(
            parse_section_body("ERROR 12:5 expected ';', found x\n".into()),
            GoResult::Rejected {
                line: 12,
                col: 5,
                msg: "expected ';', found x".into()
            }
        );
        assert_eq!(
            parse_section_body("File 1:1 Doc=-\n  Name: Ident 1:9 Name=\"p\"\n".into()),
            GoResult::Dump("File 1:1 Doc=-\n  Name: Ident 1:9 Name=\"p\"\n".into())
        );
        assert!(matches!(
            parse_section_body("IOERROR nope\n".into()),
            GoResult::Failed(_)
        ));
        assert!(matches!(
            parse_section_body(String::new()),
            GoResult::Failed(_)
        ));
    }

    #[test]
    fn differences() {
        let go = "File 1:1 Doc=-\n  Decls[0]: GenDecl 3:1\n    Specs[0]: ValueSpec 3:5\n      Names[0]: Ident 3:5 Name=\"x\"\n";
        let ours = "File 1:1 Doc=-\n  Decls[0]: GenDecl 3:1\n    Specs[0]: ValueSpec 3:5\n      Names[0]: Ident 3:6 Name=\"x\"\n";
        let d = first_difference(go, ours).unwrap();
        assert_eq!(d.line, 4);
        assert_eq!(d.context, "Decls[0] > Specs[0]");
        assert_eq!(
            d.ours.as_deref(),
            Some("      Names[0]: Ident 3:6 Name=\"x\"")
        );
        assert_eq!(first_difference(go, go), None);
        assert_eq!(line_level("    (70) X: Ident 1:1"), (70, "X: Ident 1:1"));
        assert_eq!(line_level("    X: Ident 1:1"), (2, "X: Ident 1:1"));
        let short = first_difference(go, "File 1:1 Doc=-\n").unwrap();
        assert_eq!((short.line, short.ours), (2, None));
    }
}
