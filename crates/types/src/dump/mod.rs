//! The canonical type-checker dump of a checked package (docs/types-dump.md): the text that
//! `tools/gotypes` prints from go/types' results, printed here from ours, so that the
//! conformance test (`crates/conformance`) can compare the two line by line.
//!
//! Everything comes from what the checker recorded ([`Info`], the errors) and from the
//! arenas of the [`Program`]. Where the checker has not recorded something, nothing is made
//! up: an object without a type prints `-` as its type (`"invalid type"` for package names,
//! labels and builtins, which have no type in our model and `Typ[Invalid]` in go/types), a
//! file without a recorded Go version prints `-`, a scope without a recorded extent prints
//! `---` as its span, and the lines of facts our [`Info`] does not hold yet (instances,
//! initialization order: `INST`, `INIT`) are not printed.
//!
//! Layout: [`text`] (quoting, atoms, positions), [`nodes`] (the syntax nodes `Info` refers
//! to by offset), `object` (the OBJ value), `recorded` (the lines of [`Info`]: `EXPR`,
//! `DEF`/`USE`, `IMPLICIT`, `SEL`, `SCOPE`), `package_scope` (`OBJECT` lines and the
//! details of type names).

pub mod nodes;
mod object;
mod package_scope;
mod recorded;
pub mod text;

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use goescape_syntax::ast::{Decl, File, Spec};
use goescape_syntax::{LineTable, Pos, Token};

use crate::check::{Info, TypeError};
use crate::ids::{ObjId, PkgIdx, TypeId};
use crate::sizes::Sizes;
use crate::store::{PackageArena, PackageInfo, Program, TypeStore};
use crate::ty::Type;
use crate::typestring::{type_string, Qualifier};
use text::{push_atom, push_atom_or_dash, push_quoted, FileRef};

/// Base names and line tables of the files of every package, to print the positions of
/// objects of other packages than the one being dumped (an object's position is in a file
/// of its own package).
#[derive(Debug, Default)]
pub struct FileTable {
    packages: HashMap<PkgIdx, Vec<(String, LineTable)>>,
}

impl FileTable {
    pub fn new() -> FileTable {
        FileTable::default()
    }

    /// Records the files of `pkg`, in the package's file order (as `DeclPos::file` counts).
    pub fn add_package(&mut self, pkg: PkgIdx, files: &[Arc<File>]) {
        let files = files
            .iter()
            .map(|f| (text::base_name(&f.name).to_owned(), f.line_table.clone()))
            .collect();
        self.packages.insert(pkg, files);
    }

    /// File `file` of package `pkg`, if recorded.
    pub fn file(&self, pkg: PkgIdx, file: u32) -> Option<FileRef<'_>> {
        let (name, lines) = self.packages.get(&pkg)?.get(file as usize)?;
        Some(FileRef { name, lines })
    }
}

/// What the dump of one package is made from. The package must be in `program` (its arena
/// inserted after checking), as must every package its objects and types refer to.
#[derive(Clone, Copy)]
pub struct PackageDump<'a> {
    pub program: &'a Program,
    pub pkg: PkgIdx,
    /// What the checker recorded, one entry per file of `files`.
    pub info: &'a Info,
    pub errors: &'a [TypeError],
    /// The package's files, in the order they were checked.
    pub files: &'a [Arc<File>],
    /// The files of the other packages, for positions of their objects.
    pub file_table: &'a FileTable,
    /// The target's sizes, for `SIZE` and `OFFSETS` lines.
    pub sizes: Sizes,
}

/// The package whose arena holds the pointer types the dump makes up (`*T` for the method
/// sets of package-level types): an index no loaded package has.
const SCRATCH: PkgIdx = PkgIdx(u32::MAX);

/// The body of the package's section: everything after its `=== IMPORTPATH` line, lines
/// ending in `\n`. `qualifier` prefixes the names of other packages' objects in type
/// strings (the dump's convention: their full path, nothing for the package itself, as
/// [`crate::typestring::relative_to`] does).
pub fn dump_package(input: &PackageDump<'_>, qualifier: Qualifier<'_>) -> String {
    let scratch = pointer_types(input.program, input.pkg);
    let mut d = Dumper {
        store: TypeStore::new(input.program, Some(&scratch.arena)),
        input,
        qualifier,
        pointers: scratch.pointers,
        types: IdMap::default(),
        objects: IdMap::default(),
        package_vars: package_var_names(input.files),
        package_scope: input
            .program
            .get(input.pkg)
            .and_then(|arena| arena.info.scope),
    };
    let mut out = String::new();
    d.header(&mut out);
    d.recorded(&mut out);
    d.package_objects(&mut out);
    out
}

/// The scratch arena holding `*T` for each package-level type name `T` of `pkg`.
struct Scratch {
    arena: PackageArena,
    pointers: HashMap<TypeId, TypeId>,
}

fn pointer_types(program: &Program, pkg: PkgIdx) -> Scratch {
    let info = PackageInfo {
        path: "".into(),
        name: "".into(),
        scope: None,
        imports: Vec::new(),
        go_version: "".into(),
    };
    let mut arena = PackageArena::new(SCRATCH, info);
    let mut pointers = HashMap::new();
    let store = TypeStore::new(program, None);
    if let Some(scope) = program.get(pkg).and_then(|a| a.info.scope) {
        let scope = store.scope(scope);
        for name in &scope.names {
            let Some(obj) = scope.lookup(name).map(|id| store.obj(id)) else {
                continue;
            };
            if let (true, Some(ty)) = (obj.is_type_name(), obj.ty) {
                if !matches!(store.ty(ty), Type::TypeParam(_)) {
                    pointers
                        .entry(ty)
                        .or_insert_with(|| arena.add_type(Type::Pointer(ty)));
                }
            }
        }
    }
    Scratch { arena, pointers }
}

/// The positions (file index, offset) of the names declared by top-level `var`
/// declarations: go/types' package-level variables, blank ones included.
fn package_var_names(files: &[Arc<File>]) -> HashSet<(u32, u32)> {
    let mut names = HashSet::new();
    for (i, file) in files.iter().enumerate() {
        for decl in &file.decls {
            let Decl::Gen(gen, _) = decl else { continue };
            if gen.tok != Token::Var {
                continue;
            }
            for spec in &gen.specs {
                if let Spec::Value(value) = spec {
                    names.extend(value.names.iter().map(|name| (i as u32, name.pos().0)));
                }
            }
        }
    }
    names
}

pub(crate) struct Dumper<'a, 'q> {
    store: TypeStore<'a>,
    input: &'a PackageDump<'a>,
    qualifier: Qualifier<'q>,
    /// `*T` for package-level type names `T` (in the scratch arena).
    pointers: HashMap<TypeId, TypeId>,
    /// Quoted type strings.
    types: IdMap<TypeId, String>,
    /// Rendered objects.
    objects: IdMap<ObjId, String>,
    package_vars: HashSet<(u32, u32)>,
    package_scope: Option<crate::ids::ScopeId>,
}

impl<'a> Dumper<'a, '_> {
    /// `PACKAGE`, `FILE` and `ERROR` lines.
    fn header(&mut self, out: &mut String) {
        let info = self.store.package(self.input.pkg);
        out.push_str("PACKAGE ");
        push_atom(out, &info.name);
        out.push_str(" path=");
        push_atom(out, &info.path);
        out.push_str(" lang=");
        push_atom_or_dash(out, &info.go_version);
        out.push('\n');
        for (index, file) in self.input.files.iter().enumerate() {
            out.push_str("FILE ");
            push_atom(out, text::base_name(&file.name));
            out.push(' ');
            let version = self
                .input
                .info
                .files
                .get(index)
                .and_then(|f| f.go_version.as_deref());
            push_atom_or_dash(out, version.unwrap_or(""));
            out.push('\n');
        }
        for error in self.input.errors {
            out.push_str("ERROR ");
            text::push_pos(out, self.own_file(error.file), error.pos);
            if error.soft {
                out.push_str(" (soft)");
            }
            out.push(' ');
            out.push_str(&text::one_line(&text::error_message(&error.msg)));
            out.push('\n');
        }
    }

    /// File `index` of the package being dumped.
    fn own_file(&self, index: u32) -> Option<FileRef<'a>> {
        let file = self.input.files.get(index as usize)?;
        Some(FileRef {
            name: text::base_name(&file.name),
            lines: &file.line_table,
        })
    }

    /// File `index` of package `pkg`.
    fn file_of(&self, pkg: PkgIdx, index: u32) -> Option<FileRef<'a>> {
        if pkg == self.input.pkg {
            self.own_file(index)
        } else {
            self.input.file_table.file(pkg, index)
        }
    }

    /// TYPE: the quoted type string, or `-` for none.
    fn push_type(&mut self, out: &mut String, ty: Option<TypeId>) {
        let Some(ty) = ty else {
            out.push('-');
            return;
        };
        if let Some(s) = self.types.get(&ty) {
            out.push_str(s);
            return;
        }
        let mut s = String::new();
        push_quoted(
            &mut s,
            type_string(&self.store, ty, self.qualifier).as_bytes(),
        );
        out.push_str(&s);
        self.types.insert(ty, s);
    }
}

/// A map keyed by arena ids, hashed cheaply (the caches are hit once per printed type and
/// object; SipHash's resistance to collisions is not needed for ids).
type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

/// A multiplicative hasher for the few integers an id is made of.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A line of a sorted group, with its sort key: start, then end descending, then text.
struct Keyed {
    start: u64,
    end: u64,
    line: String,
}

/// A position as a number that orders like go/token's `Pos` within one package: files in
/// the package's order, then offsets; no position first.
fn sort_pos(file: u32, pos: Pos) -> u64 {
    if pos.is_valid() {
        ((u64::from(file) + 1) << 32) | u64::from(pos.0)
    } else {
        0
    }
}

/// Appends the lines of a group, sorted as the dump sorts groups 4 to 9.
fn flush_sorted(out: &mut String, mut lines: Vec<Keyed>) {
    out.reserve(lines.iter().map(|keyed| keyed.line.len() + 1).sum());
    lines.sort_unstable_by(|x, y| {
        x.start
            .cmp(&y.start)
            .then(y.end.cmp(&x.end))
            .then_with(|| x.line.cmp(&y.line))
    });
    for keyed in lines {
        out.push_str(&keyed.line);
        out.push('\n');
    }
}
