//! The package graph: packages in dependency order, their resolved imports, and the orders
//! derived from it (parallel levels, import cycles). Built from `go list`'s raw records.

use std::collections::{BTreeSet, HashMap};
use std::ops::Index;
use std::path::{Path, PathBuf};

use crate::error::{LoadError, PackageError};
use crate::json::{RawModule, RawPackage, RawPackageError};
use crate::toolchain::Toolchain;
use crate::version;

/// A package's index in [`PackageGraph::packages`]. Ids follow dependency order: when the
/// graph has no import cycle, every import of a package has a smaller id than it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PackageId(u32);

impl PackageId {
    /// The position of the package in [`PackageGraph::packages`].
    pub fn index(self) -> usize {
        self.0 as usize
    }

    fn new(index: usize) -> PackageId {
        PackageId(u32::try_from(index).expect("more than 2^32 packages"))
    }
}

/// What kind of thing an import path names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PackageKind {
    /// A package of Go source files (possibly with no files, when it has an error).
    Go,
    /// `unsafe`: built into the compiler. It has no [`go_files`](Package::go_files) (its
    /// `unsafe.go` in GOROOT is documentation, never compiled) and no imports.
    Unsafe,
    /// `C`, the pseudo-package of cgo, present only when cgo is enabled and some package
    /// imports it. Only [`cgo_files`](Package::cgo_files) import it, and those are never
    /// compiled by goescape; it has no files and no imports.
    C,
}

/// The module a package belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Module {
    /// The module path, e.g. `example.com/m`.
    pub path: String,
    /// The version, e.g. `v1.2.3`; `None` for main (workspace) modules.
    pub version: Option<String>,
    /// The directory holding the module's files (for a replaced module, the replacement's);
    /// `None` if it is not available.
    pub dir: Option<PathBuf>,
    pub go_mod: Option<PathBuf>,
    /// The go.mod's `go` line, e.g. `1.22`, or `None` if it has none.
    pub go_version: Option<String>,
    /// Whether this is a main module (the one in the load directory, or one in go.work).
    pub main: bool,
    /// The module this one is replaced by, if any.
    pub replace: Option<Box<Module>>,
    /// A problem the go command found with the module itself.
    pub error: Option<String>,
}

/// One import of a package.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Import {
    /// The path as written in the source, e.g. `golang.org/x/net/http2/hpack` in net/http.
    pub path: String,
    /// The package it resolves to (for the example, `vendor/golang.org/x/net/http2/hpack`).
    pub id: PackageId,
}

/// The kind of a non-Go source file in a package's build.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OtherFileKind {
    /// `.c` (only when cgo is enabled).
    C,
    /// `.cc`, `.cpp`, `.cxx` (only when cgo is enabled).
    Cxx,
    /// `.m` (only when cgo is enabled).
    ObjC,
    /// `.h`, `.hh`, `.hpp`, `.hxx`.
    Header,
    /// `.f`, `.F`, `.for`, `.f90` (only when cgo is enabled).
    Fortran,
    /// `.s` (Go assembly), or `.S`/`.sx` (when cgo is used).
    Asm,
    /// `.swig` (only when cgo is enabled).
    Swig,
    /// `.swigcxx` (only when cgo is enabled).
    SwigCxx,
    /// `.syso` (object files linked in as they are).
    Syso,
}

/// A non-Go source file that `go build` would hand to a tool other than the compiler.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OtherFile {
    pub kind: OtherFileKind,
    pub path: PathBuf,
}

/// One package of the build, as `go build` would compile it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Package {
    pub id: PackageId,
    pub import_path: String,
    /// The package name (`main` for commands); empty if the package could not be found.
    pub name: String,
    pub kind: PackageKind,
    /// The package directory; `None` if the package could not be found (or is `C`).
    pub dir: Option<PathBuf>,
    /// The Go files the compiler gets, absolute, in go list order (sorted by name).
    ///
    /// Empty without an [`error`](Self::error) for `unsafe`, `C`, and packages with
    /// nothing to build that a pattern like `std` matched (test-only packages, or, with
    /// cgo off, cgo-only ones): `go build` compiles nothing for those, and nothing
    /// imports them.
    pub go_files: Vec<PathBuf>,
    /// Go files that import "C" (cgo enabled only). `go build` compiles them only after
    /// cgo rewrote them; goescape does not, so they are skipped.
    pub cgo_files: Vec<PathBuf>,
    /// Non-Go sources of the build (assembly, C, syso, ...), absolute.
    pub other_files: Vec<OtherFile>,
    /// Files in the directory that the build leaves out: build constraints (`//go:build`,
    /// `_GOOS`/`_GOARCH` suffixes), import "C" with cgo off, and non-Go files that are not
    /// used (e.g. `.S` without cgo). Absolute.
    pub ignored_files: Vec<PathBuf>,
    /// Go files whose package clause or imports could not be read. Absolute.
    pub invalid_files: Vec<PathBuf>,
    /// The imports of the compiled files (`go_files` and, with cgo, `cgo_files`), sorted by
    /// the path as written. Test imports are not included.
    pub imports: Vec<Import>,
    /// Whether the package is in the standard library (GOROOT/src, not cmd).
    pub standard: bool,
    /// Whether the package lives in GOROOT (the standard library or cmd).
    pub goroot: bool,
    /// Whether the package was loaded only as a dependency (no pattern matched it).
    pub dep_only: bool,
    /// The patterns that matched this package (empty for dependencies).
    pub matched_by: Vec<String>,
    pub module: Option<Module>,
    /// The language version in effect, as `go build` passes it to the compiler with
    /// `-lang`: `go1.22` for a module whose go.mod says `go 1.22` (or `go 1.22.3`),
    /// `go1.16` for one with no `go` line, the toolchain's (`go1.26`) outside modules and
    /// for the standard library.
    pub go_version: String,
    /// Whether `go build` passes `-complete` to the compiler: the package has no non-Go
    /// sources that could define Go functions, so every function must have a body.
    pub complete: bool,
    /// The error that prevents this package from being built (at most one, as go list
    /// reports it): not found, no Go files, an import cycle, a bad import, ...
    pub error: Option<PackageError>,
    /// Errors in the package's dependencies (go list's `DepsErrors`): each is also the
    /// [`error`](Self::error) of the dependency concerned.
    pub deps_errors: Vec<PackageError>,
    /// Whether this package or one of its dependencies has an error.
    pub incomplete: bool,
}

impl Package {
    /// The package path the compiler is told (`-p`): `main` for commands, otherwise the
    /// import path.
    pub fn compiler_path(&self) -> &str {
        if self.name == "main" {
            "main"
        } else {
            &self.import_path
        }
    }

    /// The package's own error, then its dependencies' errors.
    pub fn errors(&self) -> impl Iterator<Item = &PackageError> {
        self.error.iter().chain(&self.deps_errors)
    }
}

/// The packages `go build PATTERNS` would compile, with their import graph.
///
/// Invariants: `packages[i].id.index() == i`; `by_path` maps each import path to its
/// package; every [`Import::id`] is a valid id; `roots` are the packages with `!dep_only`,
/// in id order. Unless the graph has an import cycle ([`import_cycle`](Self::import_cycle)),
/// every package comes after all its imports. Packages that `go build` adds implicitly
/// (the linker's runtime dependencies of a command, `runtime/cgo` for cgo packages) appear
/// as dependencies that no listed import leads to.
#[derive(Clone, Debug)]
pub struct PackageGraph {
    pub packages: Vec<Package>,
    pub by_path: HashMap<String, PackageId>,
    /// The packages the patterns matched, in dependency order.
    pub roots: Vec<PackageId>,
    /// The toolchain and target the graph was loaded for.
    pub toolchain: Toolchain,
    /// Warnings the go command printed, e.g. `go: warning: "./x/..." matched no packages`
    /// for a pattern that matched nothing while others did.
    pub warnings: Vec<String>,
}

impl Index<PackageId> for PackageGraph {
    type Output = Package;

    fn index(&self, id: PackageId) -> &Package {
        &self.packages[id.index()]
    }
}

impl PackageGraph {
    /// The package with this import path, if the graph has it.
    pub fn get(&self, import_path: &str) -> Option<&Package> {
        self.by_path.get(import_path).map(|&id| &self[id])
    }

    /// Groups all packages into levels that can be type-checked in parallel: every import
    /// of a package in level `n` is in a level before `n`. Level 0 holds the packages with
    /// no imports. Each level is in id order.
    ///
    /// With an import cycle, the edges that close a cycle (from a package to one that comes
    /// after it) are ignored, so every package still gets exactly one level.
    pub fn levels(&self) -> Vec<Vec<PackageId>> {
        let mut level = vec![0usize; self.packages.len()];
        let mut levels: Vec<Vec<PackageId>> = Vec::new();
        for p in &self.packages {
            let l = p
                .imports
                .iter()
                .filter(|imp| imp.id < p.id)
                .map(|imp| level[imp.id.index()] + 1)
                .max()
                .unwrap_or(0);
            level[p.id.index()] = l;
            if levels.len() <= l {
                levels.resize_with(l + 1, Vec::new);
            }
            levels[l].push(p.id);
        }
        levels
    }

    /// An import cycle, if the graph has one: packages `[p0, p1, ..., pn]` where each
    /// imports the next and `pn` imports `p0`. The first cycle found in id order; the go
    /// command also reports each as an `import cycle not allowed` error.
    pub fn import_cycle(&self) -> Option<Vec<PackageId>> {
        #[derive(Clone, Copy, PartialEq)]
        enum State {
            New,
            OnStack,
            Done,
        }
        let mut state = vec![State::New; self.packages.len()];
        // Iterative DFS: (package, index of the next import to follow).
        let mut stack: Vec<(PackageId, usize)> = Vec::new();
        for start in &self.packages {
            if state[start.id.index()] != State::New {
                continue;
            }
            state[start.id.index()] = State::OnStack;
            stack.push((start.id, 0));
            while let Some(top) = stack.last_mut() {
                let (id, next) = *top;
                let imports = &self[id].imports;
                if next == imports.len() {
                    state[id.index()] = State::Done;
                    stack.pop();
                    continue;
                }
                top.1 += 1;
                let to = imports[next].id;
                match state[to.index()] {
                    State::New => {
                        state[to.index()] = State::OnStack;
                        stack.push((to, 0));
                    }
                    State::OnStack => {
                        let from = stack.iter().position(|&(p, _)| p == to)?;
                        return Some(stack[from..].iter().map(|&(p, _)| p).collect());
                    }
                    State::Done => {}
                }
            }
        }
        None
    }

    /// Every package's own error (each dependency error is some package's own error), in
    /// id order.
    pub fn errors(&self) -> impl Iterator<Item = (&Package, &PackageError)> {
        self.packages
            .iter()
            .filter_map(|p| p.error.as_ref().map(|e| (p, e)))
    }
}

/// Standard packages that `go build` never compiles with `-complete`, because the runtime
/// supplies some of their function bodies (`cmd/go/internal/work/gc.go`).
const STD_NOT_COMPLETE: &[&str] = &[
    "bytes",
    "internal/poll",
    "net",
    "os",
    "runtime/metrics",
    "runtime/pprof",
    "runtime/trace",
    "sync",
    "syscall",
    "time",
];

/// Builds the graph from go list's records, in the order go list printed them.
pub fn build(
    mut raw: Vec<RawPackage>,
    toolchain: Toolchain,
    warnings: Vec<String>,
) -> Result<PackageGraph, LoadError> {
    let mut index: HashMap<String, usize> = HashMap::with_capacity(raw.len() + 1);
    for (i, p) in raw.iter().enumerate() {
        if index.insert(p.import_path.clone(), i).is_some() {
            return Err(LoadError::Inconsistent {
                message: format!("package {} is listed twice", p.import_path),
            });
        }
    }
    // go list never prints the cgo pseudo-package, but lists it among the imports.
    if !index.contains_key("C") && raw.iter().any(|p| p.imports.iter().any(|i| i == "C")) {
        index.insert("C".to_owned(), raw.len());
        raw.push(RawPackage {
            import_path: "C".to_owned(),
            name: Some("C".to_owned()),
            dep_only: true,
            ..RawPackage::default()
        });
    }

    let edges = raw
        .iter()
        .map(|p| resolve_imports(p, &index))
        .collect::<Result<Vec<_>, _>>()?;
    let order = dependency_order(&edges);
    let mut new_id = vec![PackageId(0); raw.len()];
    for (pos, &old) in order.iter().enumerate() {
        new_id[old] = PackageId::new(pos);
    }

    let mut slots: Vec<Option<RawPackage>> = raw.into_iter().map(Some).collect();
    let mut packages = Vec::with_capacity(order.len());
    for &old in &order {
        let rp = slots[old].take().expect("each package is placed once");
        let imports = edges[old]
            .iter()
            .map(|(path, to)| Import {
                path: path.clone(),
                id: new_id[*to],
            })
            .collect();
        packages.push(convert(rp, new_id[old], imports, &toolchain));
    }
    let by_path = packages
        .iter()
        .map(|p| (p.import_path.clone(), p.id))
        .collect();
    let roots = packages
        .iter()
        .filter(|p| !p.dep_only)
        .map(|p| p.id)
        .collect();
    Ok(PackageGraph {
        packages,
        by_path,
        roots,
        toolchain,
        warnings,
    })
}

/// The imports of `p` as (path as written, index of the resolved package), sorted by the
/// written path.
fn resolve_imports(
    p: &RawPackage,
    index: &HashMap<String, usize>,
) -> Result<Vec<(String, usize)>, LoadError> {
    let mut out = BTreeSet::new();
    for resolved in &p.imports {
        let Some(&to) = index.get(resolved) else {
            return Err(LoadError::Inconsistent {
                message: format!(
                    "package {} imports {resolved}, which is not in the list",
                    p.import_path
                ),
            });
        };
        let mut written = p
            .import_map
            .iter()
            .filter(|(_, r)| *r == resolved)
            .map(|(w, _)| w.clone())
            .peekable();
        if written.peek().is_none() {
            out.insert((resolved.clone(), to));
        } else {
            out.extend(written.map(|w| (w, to)));
        }
    }
    Ok(out.into_iter().collect())
}

/// A postorder DFS over the packages in go list order: each package comes after the
/// packages it imports, except across an import cycle. go list's own `-deps` order already
/// has this property when there is no cycle, and is then kept as it is.
fn dependency_order(edges: &[Vec<(String, usize)>]) -> Vec<usize> {
    let mut seen = vec![false; edges.len()];
    let mut order = Vec::with_capacity(edges.len());
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for start in 0..edges.len() {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        stack.push((start, 0));
        while let Some(top) = stack.last_mut() {
            let (p, next) = *top;
            if let Some((_, to)) = edges[p].get(next) {
                top.1 += 1;
                if !seen[*to] {
                    seen[*to] = true;
                    stack.push((*to, 0));
                }
            } else {
                order.push(p);
                stack.pop();
            }
        }
    }
    order
}

fn convert(rp: RawPackage, id: PackageId, imports: Vec<Import>, tc: &Toolchain) -> Package {
    let dir = rp.dir.map(PathBuf::from);
    let abs = |names: Vec<String>| -> Vec<PathBuf> {
        names.into_iter().map(|n| join(dir.as_deref(), n)).collect()
    };
    let kind = match rp.import_path.as_str() {
        "unsafe" => PackageKind::Unsafe,
        "C" if dir.is_none() => PackageKind::C,
        _ => PackageKind::Go,
    };

    let ext_files = rp.cgo_files.len()
        + rp.c_files.len()
        + rp.cxx_files.len()
        + rp.m_files.len()
        + rp.f_files.len()
        + rp.s_files.len()
        + rp.syso_files.len()
        + rp.swig_files.len()
        + rp.swig_cxx_files.len();
    let complete =
        ext_files == 0 && !(rp.standard && STD_NOT_COMPLETE.contains(&rp.import_path.as_str()));

    let mut other_files = Vec::new();
    for (kind, names) in [
        (OtherFileKind::C, rp.c_files),
        (OtherFileKind::Cxx, rp.cxx_files),
        (OtherFileKind::ObjC, rp.m_files),
        (OtherFileKind::Header, rp.h_files),
        (OtherFileKind::Fortran, rp.f_files),
        (OtherFileKind::Asm, rp.s_files),
        (OtherFileKind::Swig, rp.swig_files),
        (OtherFileKind::SwigCxx, rp.swig_cxx_files),
        (OtherFileKind::Syso, rp.syso_files),
    ] {
        other_files.extend(abs(names).into_iter().map(|path| OtherFile { kind, path }));
    }
    let mut ignored_files = abs(rp.ignored_go_files);
    ignored_files.extend(abs(rp.ignored_other_files));
    ignored_files.sort();

    let module = rp.module.map(convert_module);
    let module_go = module
        .as_ref()
        .map(|m| m.go_version.as_deref().unwrap_or(""));
    let go_version = version::lang_flag(module_go, &tc.release);

    Package {
        id,
        name: rp.name.unwrap_or_default(),
        kind,
        go_files: if kind == PackageKind::Go {
            abs(rp.go_files)
        } else {
            Vec::new()
        },
        cgo_files: abs(rp.cgo_files),
        other_files,
        ignored_files,
        invalid_files: abs(rp.invalid_go_files),
        imports: if kind == PackageKind::Go {
            imports
        } else {
            Vec::new()
        },
        standard: rp.standard,
        goroot: rp.goroot,
        dep_only: rp.dep_only,
        matched_by: rp.matched,
        module,
        go_version,
        complete: complete || kind != PackageKind::Go,
        error: rp.error.map(convert_error),
        deps_errors: rp.deps_errors.into_iter().map(convert_error).collect(),
        incomplete: rp.incomplete,
        import_path: rp.import_path,
        dir,
    }
}

fn join(dir: Option<&Path>, name: String) -> PathBuf {
    match dir {
        Some(d) => d.join(name),
        None => PathBuf::from(name),
    }
}

fn convert_module(m: RawModule) -> Module {
    Module {
        path: m.path,
        version: m.version.filter(|v| !v.is_empty()),
        dir: m.dir.filter(|d| !d.is_empty()).map(PathBuf::from),
        go_mod: m.go_mod.filter(|d| !d.is_empty()).map(PathBuf::from),
        go_version: m.go_version.filter(|v| !v.is_empty()),
        main: m.main,
        replace: m.replace.map(|r| Box::new(convert_module(*r))),
        error: m.error.map(|e| e.err),
    }
}

fn convert_error(e: RawPackageError) -> PackageError {
    PackageError {
        pos: Some(e.pos).filter(|p| !p.is_empty()),
        err: e.err,
        import_stack: e.import_stack.unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toolchain() -> Toolchain {
        Toolchain {
            go_version: "go1.26.8".into(),
            release: "1.26.8".into(),
            goroot: "/goroot".into(),
            goos: "linux".into(),
            goarch: "amd64".into(),
            cgo_enabled: false,
        }
    }

    fn pkg(path: &str, imports: &[&str]) -> RawPackage {
        RawPackage {
            import_path: path.into(),
            name: Some(path.rsplit('/').next().unwrap().into()),
            dir: Some(format!("/src/{path}")),
            go_files: vec!["a.go".into()],
            imports: imports.iter().map(|s| (*s).into()).collect(),
            dep_only: true,
            ..RawPackage::default()
        }
    }

    fn paths(g: &PackageGraph, ids: &[PackageId]) -> Vec<String> {
        ids.iter().map(|&id| g[id].import_path.clone()).collect()
    }

    #[test]
    fn keeps_go_list_order_and_levels() {
        let raw = vec![
            pkg("unsafe", &[]),
            pkg("a", &["unsafe"]),
            pkg("b", &[]),
            pkg("c", &["a", "b"]),
            RawPackage {
                dep_only: false,
                ..pkg("m", &["c", "b"])
            },
        ];
        let g = build(raw, toolchain(), vec![]).unwrap();
        let order: Vec<_> = g.packages.iter().map(|p| p.import_path.as_str()).collect();
        assert_eq!(order, ["unsafe", "a", "b", "c", "m"]);
        assert_eq!(paths(&g, &g.roots), ["m"]);
        let levels: Vec<_> = g.levels().iter().map(|l| paths(&g, l)).collect();
        assert_eq!(
            levels,
            [vec!["unsafe", "b"], vec!["a"], vec!["c"], vec!["m"]]
        );
        assert_eq!(g.import_cycle(), None);
        let unsafe_pkg = g.get("unsafe").unwrap();
        assert_eq!(unsafe_pkg.kind, PackageKind::Unsafe);
        assert!(unsafe_pkg.go_files.is_empty());
        assert_eq!(g.get("a").unwrap().go_files, [PathBuf::from("/src/a/a.go")]);
    }

    #[test]
    fn reorders_after_imports_and_finds_cycles() {
        // As go list prints a cycle: y (which imports x) before x.
        let raw = vec![
            pkg("y", &["x"]),
            pkg("x", &["y"]),
            pkg("z", &[]),
            pkg("w", &["z", "x"]),
        ];
        let g = build(raw, toolchain(), vec![]).unwrap();
        let cycle = paths(&g, &g.import_cycle().unwrap());
        assert_eq!(cycle, ["x", "y"]);
        let levels = g.levels();
        assert_eq!(levels.iter().map(Vec::len).sum::<usize>(), 4);
        // Outside the cycle, imports come first.
        let w = g.get("w").unwrap();
        assert!(w.imports.iter().all(|i| i.id < w.id));
    }

    #[test]
    fn resolves_import_map_and_synthesizes_c() {
        let mut p = pkg("net/http", &["vendor/golang.org/x/net/idna", "C"]);
        p.import_map.insert(
            "golang.org/x/net/idna".into(),
            "vendor/golang.org/x/net/idna".into(),
        );
        p.cgo_files = vec!["c.go".into()];
        let raw = vec![pkg("vendor/golang.org/x/net/idna", &[]), p];
        let g = build(raw, toolchain(), vec![]).unwrap();
        let http = g.get("net/http").unwrap();
        let imports: Vec<_> = http
            .imports
            .iter()
            .map(|i| (i.path.as_str(), g[i.id].import_path.as_str()))
            .collect();
        assert_eq!(
            imports,
            [
                ("C", "C"),
                ("golang.org/x/net/idna", "vendor/golang.org/x/net/idna")
            ]
        );
        assert_eq!(g.get("C").unwrap().kind, PackageKind::C);
        assert!(!http.complete, "cgo files make the package incomplete");
    }

    #[test]
    fn rejects_inconsistent_lists() {
        let dup = build(vec![pkg("a", &[]), pkg("a", &[])], toolchain(), vec![]);
        assert!(matches!(dup, Err(LoadError::Inconsistent { .. })));
        let dangling = build(vec![pkg("a", &["b"])], toolchain(), vec![]);
        assert!(matches!(dangling, Err(LoadError::Inconsistent { .. })));
    }

    #[test]
    fn go_version_follows_module() {
        let mut p = pkg("m", &[]);
        p.module = Some(RawModule {
            path: "m".into(),
            go_version: Some("1.22.3".into()),
            main: true,
            ..RawModule::default()
        });
        let mut q = pkg("q", &[]);
        q.module = Some(RawModule {
            path: "q".into(),
            ..RawModule::default()
        });
        let g = build(vec![p, q, pkg("fmt", &[])], toolchain(), vec![]).unwrap();
        assert_eq!(g.get("m").unwrap().go_version, "go1.22");
        assert_eq!(g.get("q").unwrap().go_version, "go1.16");
        assert_eq!(g.get("fmt").unwrap().go_version, "go1.26");
    }
}
