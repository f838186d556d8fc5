//! Collecting package-level objects: the first phase of checking a package.
//!
//! Every file gets a scope holding its imports; constants, variables, types and functions
//! are declared in the package scope; methods are set aside, keyed by their receiver's base
//! type name. Nothing is type-checked yet: each object gets a [`DeclInfo`] saying where its
//! declaration is, for the declaration phase to check it on demand.

use goescape_constant::{make_from_literal, LiteralKind};
use goescape_syntax::ast::{Decl, ExprId, ExprKind, File, Ident, Spec, ValueSpec};
use goescape_syntax::Pos;

use super::Checker;
use crate::ids::{ObjId, PkgIdx, ScopeId};
use crate::object::{FuncInfo, ObjKind, Object, VarInfo, VarKind};
use crate::scope::Scope;

/// Where a package-level object (or method) is declared.
#[derive(Clone, Debug)]
pub(crate) struct DeclInfo {
    /// Index of the file in the package.
    pub file: usize,
    pub file_scope: ScopeId,
    pub kind: DeclKind,
}

/// Locates a spec: `file.decls[decl]`, `specs[spec]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SpecRef {
    pub decl: usize,
    pub spec: usize,
}

#[derive(Clone, Debug)]
pub(crate) enum DeclKind {
    /// A constant: its type and initializer come from its own spec, or are inherited from
    /// the last spec of its group that had them (`inherited`).
    Const {
        iota: u64,
        ty: Option<ExprId>,
        init: Option<ExprId>,
        inherited: bool,
    },
    /// A variable. With one initializer for several variables (`a, b = f()`), `lhs` lists
    /// all of them and each shares the initializer.
    Var {
        ty: Option<ExprId>,
        init: Option<ExprId>,
        lhs: Vec<ObjId>,
    },
    Type {
        spec: SpecRef,
    },
    Func {
        decl: usize,
    },
}

/// The text of an import path literal, or why it is invalid (go/types' messages).
fn import_path(file: &File, path: ExprId) -> Result<String, String> {
    let ExprKind::BasicLit { span, .. } = file.expr(path).kind else {
        return Err("missing import path".to_owned());
    };
    let value = make_from_literal(file.bytes(span), LiteralKind::String);
    let bytes = value.string_val();
    let Ok(path) = std::str::from_utf8(bytes) else {
        return Err(format!(
            "invalid character {:?}",
            String::from_utf8_lossy(bytes)
        ));
    };
    if path.is_empty() {
        return Err("empty string".to_owned());
    }
    const ILLEGAL: &str = "!\"#$%&'()*,:;<=>?[\\]^{|}`\u{FFFD}";
    for c in path.chars() {
        // go/types rejects what unicode.IsGraphic rejects, spaces, and ILLEGAL.
        if c.is_control() || c.is_whitespace() || ILLEGAL.contains(c) {
            return Err(format!("invalid character U+{:04X} '{c}'", u32::from(c)));
        }
    }
    Ok(path.to_owned())
}

impl Checker<'_> {
    /// Declares `obj` in `scope` under its name, unless the name is blank; reports a
    /// redeclaration (keeping the first object) and records the definition.
    fn declare(&mut self, file: usize, scope: ScopeId, ident: Option<Ident>, obj: ObjId) {
        let name = self.arena.objects[obj.index as usize].name.clone();
        if &*name != "_" {
            if let Err(alt) = self.scope_mut(scope).insert(&name, obj) {
                let pos = ident.map_or(Pos::NONE, Ident::pos);
                self.error(file, pos, format!("{name} redeclared in this block"));
                self.other_declaration(alt);
                return;
            }
            self.arena.objects[obj.index as usize].parent = Some(scope);
        }
        // As go/types: the definition is recorded once the name is declared.
        if let Some(ident) = ident {
            self.info.files[file].defs.insert(ident.pos().0, Some(obj));
        }
    }

    /// The second part of a redeclaration error: where the name was declared first.
    pub(super) fn other_declaration(&mut self, alt: ObjId) {
        let store = self.store();
        let object = store.obj(alt);
        let Some(pos) = object.pos else { return };
        if alt.pkg != self.arena.idx {
            return;
        }
        let msg = format!("\tother declaration of {}", object.name);
        self.error(pos.file as usize, Pos(pos.offset), msg);
    }

    pub(super) fn new_object(&mut self, file: usize, ident: Ident, kind: ObjKind) -> ObjId {
        let name = self.input.files[file].ident_name(ident).into_owned();
        self.arena.add_object(Object {
            name: name.into(),
            pkg: Some(self.arena.idx),
            pos: Self::decl_pos(file, ident.pos()),
            ty: None,
            parent: None,
            kind,
        })
    }

    /// Declares a package-level constant, variable or type, rejecting `init` and `main`.
    fn declare_package_object(&mut self, file: usize, ident: Ident, obj: ObjId, decl: DeclInfo) {
        let name = self.arena.objects[obj.index as usize].name.clone();
        if &*name == "init" {
            self.error(file, ident.pos(), "cannot declare init - must be func");
            return;
        }
        if &*name == "main" && &*self.arena.info.name == "main" {
            self.error(file, ident.pos(), "cannot declare main - must be func");
            return;
        }
        let scope = self.package_scope;
        self.declare(file, scope, Some(ident), obj);
        self.decls.insert(obj, decl);
        self.decl_order.push(obj);
    }

    pub(super) fn collect_objects(&mut self) {
        let files = self.input.files.clone();
        self.check_package_names(&files);
        for (file_index, file) in files.iter().enumerate() {
            let version = super::version::file_version(file, &self.input.go_version);
            self.set_file_version(file_index, version);
            // The package name denotes no object.
            self.info.files[file_index]
                .defs
                .insert(file.package_name.pos().0, None);
            let mut scope = Scope::new(Some(self.package_scope));
            scope.range = Some((file_index as u32, 0, file.src.len() as u32));
            let file_scope = self.arena.add_scope(scope);
            self.file_scopes.push(file_scope);
            // go/types records the file scope for the file node, which starts at `package`.
            if file.package_pos.is_valid() {
                self.info.files[file_index]
                    .scopes
                    .insert(file.package_pos.0, file_scope);
            }
            for (decl_index, decl) in file.decls.iter().enumerate() {
                self.collect_decl(file_index, file, file_scope, decl_index, decl);
            }
        }
        self.check_file_scope_conflicts();
        self.associate_methods();
    }

    fn collect_decl(
        &mut self,
        file_index: usize,
        file: &File,
        file_scope: ScopeId,
        decl_index: usize,
        decl: &Decl,
    ) {
        match decl {
            Decl::Bad { .. } => {}
            Decl::Gen(gen, _) => {
                // The last const spec with a type or values, for the specs that repeat it.
                let mut last_const: Option<&ValueSpec> = None;
                for (spec_index, spec) in gen.specs.iter().enumerate() {
                    let spec_ref = SpecRef {
                        decl: decl_index,
                        spec: spec_index,
                    };
                    match spec {
                        Spec::Import(import) => {
                            self.collect_import(file_index, file, file_scope, import)
                        }
                        Spec::Value(value) if gen.tok == goescape_syntax::Token::Const => {
                            let inherited;
                            if value.ty.is_some() || !value.values.is_empty() {
                                last_const = Some(value);
                                inherited = false;
                            } else {
                                inherited = last_const.is_some();
                            }
                            let (ty, init, init_pos) = match last_const {
                                Some(last) => (
                                    last.ty,
                                    &last.values[..],
                                    last.names.first().map_or(Pos::NONE, |name| name.pos()),
                                ),
                                None => (None, &[][..], Pos::NONE),
                            };
                            self.arity_match(file_index, file, value, Some((init, init_pos)));
                            for (i, &name) in value.names.iter().enumerate() {
                                let iota = spec_index as u64;
                                let obj = self.new_object(
                                    file_index,
                                    name,
                                    ObjKind::Const(goescape_constant::Value::from_u64(iota)),
                                );
                                let kind = DeclKind::Const {
                                    iota,
                                    ty,
                                    init: init.get(i).copied(),
                                    inherited,
                                };
                                let info = DeclInfo {
                                    file: file_index,
                                    file_scope,
                                    kind,
                                };
                                self.declare_package_object(file_index, name, obj, info);
                            }
                        }
                        Spec::Value(value) => {
                            self.arity_match(file_index, file, value, None);
                            let var = ObjKind::Var(VarInfo {
                                kind: VarKind::Var,
                                embedded: false,
                                used: false,
                                origin: None,
                            });
                            let objects: Vec<ObjId> = value
                                .names
                                .iter()
                                .map(|&name| self.new_object(file_index, name, var.clone()))
                                .collect();
                            let shared = value.values.len() == 1 && value.names.len() > 1;
                            for (i, (&name, &obj)) in value.names.iter().zip(&objects).enumerate() {
                                let kind = if shared {
                                    DeclKind::Var {
                                        ty: value.ty,
                                        init: Some(value.values[0]),
                                        lhs: objects.clone(),
                                    }
                                } else {
                                    DeclKind::Var {
                                        ty: value.ty,
                                        init: value.values.get(i).copied(),
                                        lhs: Vec::new(),
                                    }
                                };
                                let info = DeclInfo {
                                    file: file_index,
                                    file_scope,
                                    kind,
                                };
                                self.declare_package_object(file_index, name, obj, info);
                            }
                        }
                        Spec::Type(ty) => {
                            let obj = self.new_object(file_index, ty.name, ObjKind::TypeName);
                            let info = DeclInfo {
                                file: file_index,
                                file_scope,
                                kind: DeclKind::Type { spec: spec_ref },
                            };
                            self.declare_package_object(file_index, ty.name, obj, info);
                        }
                    }
                }
            }
            Decl::Func(func) => {
                let name = file.ident_name(func.name).into_owned();
                let obj =
                    self.new_object(file_index, func.name, ObjKind::Func(FuncInfo::default()));
                let is_method = func.recv.as_ref().is_some_and(|recv| !recv.list.is_empty());
                let mut type_param_error = false;
                if !is_method {
                    if let Some(recv) = &func.recv {
                        // At the empty receiver list `()`, as go/types reports it.
                        let pos = if recv.opening.is_valid() {
                            recv.opening
                        } else {
                            func.name.pos()
                        };
                        self.error(file_index, pos, "method has no receiver");
                    }
                    let special =
                        name == "init" || (name == "main" && &*self.arena.info.name == "main");
                    if special {
                        if let Some(tparams) = &func.ty.type_params {
                            type_param_error = true;
                            let pos = tparams
                                .list
                                .first()
                                .map_or(tparams.opening, |f| file.field_pos(f));
                            self.soft_error(
                                file_index,
                                pos,
                                format!("func {name} must have no type parameters"),
                            );
                        }
                        if !func.ty.params.list.is_empty() || func.ty.results.is_some() {
                            self.soft_error(
                                file_index,
                                func.name.pos(),
                                format!("func {name} must have no arguments and no return values"),
                            );
                        }
                    }
                    if name == "init" {
                        // init functions are invisible: declared in no scope.
                        self.arena.objects[obj.index as usize].parent = Some(self.package_scope);
                        self.info.files[file_index]
                            .defs
                            .insert(func.name.pos().0, Some(obj));
                        if func.body.is_none() {
                            self.soft_error(
                                file_index,
                                func.name.pos(),
                                "func init must have a body",
                            );
                        }
                    } else {
                        let scope = self.package_scope;
                        self.declare(file_index, scope, Some(func.name), obj);
                    }
                } else {
                    self.info.files[file_index]
                        .defs
                        .insert(func.name.pos().0, Some(obj));
                }
                let first_type_param = func.ty.type_params.as_ref().and_then(|l| l.list.first());
                if let (Some(first), false) = (first_type_param, type_param_error) {
                    let at = file.field_pos(first);
                    self.verify_version(file_index, at, 18, || "type parameter".to_owned());
                }
                let info = DeclInfo {
                    file: file_index,
                    file_scope,
                    kind: DeclKind::Func { decl: decl_index },
                };
                self.decls.insert(obj, info);
                self.decl_order.push(obj);
            }
        }
    }

    /// Reports a const or var spec whose names and initializers do not pair up, as
    /// go/types' `arityMatch`. For a constant, `init` is the spec whose initializers it
    /// uses (its own, or an earlier one's it inherits) with that spec's position.
    fn arity_match(
        &mut self,
        file_index: usize,
        file: &File,
        spec: &ValueSpec,
        init: Option<(&[ExprId], Pos)>,
    ) {
        let names = spec.names.len();
        let values = init.map_or(spec.values.len(), |(values, _)| values.len());
        let spec_pos = spec.names.first().map_or(Pos::NONE, |name| name.pos());
        if init.is_none() && values == 0 {
            if spec.ty.is_none() {
                self.error(file_index, spec_pos, "missing type or init expr");
            }
        } else if names < values {
            if names < spec.values.len() {
                let extra = spec.values[names];
                let msg = format!("extra init expr {}", file.expr_string(extra));
                self.error(file_index, file.expr_pos(extra), msg);
            } else if let Some((_, init_pos)) = init {
                let at = file.line_table.position(init_pos);
                let msg = format!("extra init expr at {}:{}:{}", file.name, at.line, at.col);
                self.error(file_index, spec_pos, msg);
            }
        } else if names > values && (init.is_some() || values != 1) {
            let missing = spec.names[values];
            let msg = format!("missing init expr for {}", file.ident_name(missing));
            self.error(file_index, missing.pos(), msg);
        }
    }

    fn collect_import(
        &mut self,
        file_index: usize,
        file: &File,
        file_scope: ScopeId,
        import: &goescape_syntax::ast::ImportSpec,
    ) {
        let path_pos = file.expr_pos(import.path);
        let path = match import_path(file, import.path) {
            Ok(path) => path,
            Err(reason) if reason == "missing import path" => return,
            Err(reason) => {
                self.error(
                    file_index,
                    path_pos,
                    format!("invalid import path ({reason})"),
                );
                return;
            }
        };
        let Some(&imported) = self.input.imports.get(&path) else {
            self.error(
                file_index,
                path_pos,
                format!("could not import {path} (package not loaded)"),
            );
            return;
        };
        let imported_name = self.store().package(imported).name.clone();
        let name = match import.name {
            Some(ident) => file.ident_name(ident).into_owned(),
            None => imported_name.to_string(),
        };
        if name == "init" {
            self.error(
                file_index,
                file.spec_pos(&Spec::Import(import.clone())),
                "cannot import package as init - init must be a func",
            );
            return;
        }
        if !self.arena.info.imports.contains(&imported) {
            self.arena.info.imports.push(imported);
        }
        let spec_pos = import.name.map_or(path_pos, Ident::pos);
        let pkg_name = self.arena.add_object(Object {
            name: name.as_str().into(),
            pkg: Some(self.arena.idx),
            pos: Self::decl_pos(file_index, spec_pos),
            ty: None,
            parent: None,
            kind: ObjKind::PkgName {
                imported,
                used: false,
            },
        });
        match import.name {
            Some(ident) => {
                self.info.files[file_index]
                    .defs
                    .insert(ident.pos().0, Some(pkg_name));
            }
            None => {
                self.info.files[file_index]
                    .implicits
                    .insert(spec_pos.0, pkg_name);
            }
        }
        if name == "." {
            self.dot_import(file_index, file_scope, imported, spec_pos, pkg_name);
        } else if name != "_" {
            if self.scope_mut(file_scope).insert(&name, pkg_name).is_err() {
                self.error(
                    file_index,
                    spec_pos,
                    format!("{name} redeclared in this block"),
                );
            } else {
                self.arena.objects[pkg_name.index as usize].parent = Some(file_scope);
            }
        }
    }

    /// Makes the exported objects of `imported` visible in the file scope.
    /// Using one of them uses the import `pkg_name`.
    fn dot_import(
        &mut self,
        file_index: usize,
        file_scope: ScopeId,
        imported: PkgIdx,
        pos: Pos,
        pkg_name: ObjId,
    ) {
        let exported: Vec<(Box<str>, ObjId)> = {
            let store = self.store();
            let Some(scope) = store.package(imported).scope else {
                return;
            };
            let scope = store.scope(scope);
            scope
                .names
                .iter()
                .filter(|name| name.chars().next().is_some_and(char::is_uppercase))
                .filter_map(|name| scope.lookup(name).map(|obj| (name.clone(), obj)))
                .collect()
        };
        for (name, obj) in exported {
            self.dot_imports.insert((file_index, obj), pkg_name);
            if self.scope_mut(file_scope).insert(&name, obj).is_err() {
                self.error(file_index, pos, format!("{name} redeclared in this block"));
            }
        }
    }

    /// `"path" imported and not used` for each import no identifier refers to (go/types'
    /// `unusedImports`), in the order of the imports.
    pub(super) fn unused_imports(&mut self) {
        let unused: Vec<ObjId> = (0..self.arena.objects.len())
            .map(|i| ObjId::new(self.arena.idx, i))
            .filter(|&id| {
                let object = &self.arena.objects[id.index as usize];
                matches!(object.kind, ObjKind::PkgName { used: false, .. }) && &*object.name != "_"
            })
            .collect();
        for id in unused {
            let object = &self.arena.objects[id.index as usize];
            let ObjKind::PkgName { imported, .. } = object.kind else {
                continue;
            };
            let Some(pos) = object.pos else { continue };
            let path = self.store().package(imported).path.clone();
            let elem = path.rsplit('/').next().unwrap_or(&path);
            let name = object.name.clone();
            let msg = if name.is_empty() || &*name == "." || &*name == elem {
                format!("{path:?} imported and not used")
            } else {
                format!("{path:?} imported as {name} and not used")
            };
            self.soft_error(pos.file as usize, Pos(pos.offset), msg);
        }
    }

    /// A name may not be declared both in the package scope and by an import of a file.
    fn check_file_scope_conflicts(&mut self) {
        for file_index in 0..self.file_scopes.len() {
            let file_scope = self.file_scopes[file_index];
            let entries: Vec<(Box<str>, ObjId)> = {
                let scope = &self.arena.scopes[file_scope.index as usize];
                scope
                    .names
                    .iter()
                    .filter_map(|name| scope.lookup(name).map(|obj| (name.clone(), obj)))
                    .collect()
            };
            for (name, obj) in entries {
                let Some(alt) = self.arena.scopes[self.package_scope.index as usize].lookup(&name)
                else {
                    continue;
                };
                let store = self.store();
                let alt_obj = store.obj(alt);
                let alt_pos = alt_obj.pos.map_or(Pos::NONE, |pos| Pos(pos.offset));
                let alt_file = alt_obj.pos.map_or(file_index, |pos| pos.file as usize);
                let msg = match &store.obj(obj).kind {
                    ObjKind::PkgName { imported, .. } => {
                        let info = store.package(*imported);
                        format!(
                            "{name} already declared through import of package {} (\"{}\")",
                            info.name, info.path
                        )
                    }
                    _ => {
                        let pkg = store.obj(obj).pkg.map(|pkg| store.package(pkg));
                        let (pkg_name, pkg_path) =
                            pkg.map_or(("", ""), |info| (&*info.name, &*info.path));
                        format!("{name} already declared through dot-import of package {pkg_name} (\"{pkg_path}\")")
                    }
                };
                self.error(alt_file, alt_pos, msg);
                // The second part: the import (or the dot-imported object) in question.
                let (kind, pos) = {
                    let store = self.store();
                    let object = store.obj(obj);
                    (matches!(object.kind, ObjKind::PkgName { .. }), object.pos)
                };
                if let (true, Some(pos)) = (kind, pos) {
                    self.error(
                        pos.file as usize,
                        Pos(pos.offset),
                        format!("\tother declaration of {name}"),
                    );
                }
            }
        }
    }

    /// Files each method under the type name its receiver's base type names, if that is a
    /// type declared in this package.
    fn associate_methods(&mut self) {
        let order = self.decl_order.clone();
        for obj in order {
            let Some(DeclInfo {
                file,
                kind: DeclKind::Func { decl },
                ..
            }) = self.decls.get(&obj).cloned()
            else {
                continue;
            };
            let source = self.input.files[file].clone();
            let Decl::Func(func) = &source.decls[decl] else {
                continue;
            };
            let Some(recv) = func.recv.as_ref().and_then(|recv| recv.list.first()) else {
                continue;
            };
            if source.ident_name(func.name) == "_" {
                continue; // blank methods are never found
            }
            let Some(ty) = recv.ty else { continue };
            let Some((pointer, base)) = receiver_base(&source, ty) else {
                continue;
            };
            let base_name = source.ident_name(base);
            let Some(base_obj) =
                self.arena.scopes[self.package_scope.index as usize].lookup(&base_name)
            else {
                continue;
            };
            if base_obj.pkg != self.arena.idx
                || !self.arena.objects[base_obj.index as usize].is_type_name()
            {
                continue;
            }
            if let ObjKind::Func(info) = &mut self.arena.objects[obj.index as usize].kind {
                info.has_ptr_recv = pointer;
            }
            self.methods.entry(base_obj).or_default().push(obj);
        }
    }
}

/// The base type name of a receiver type `T`, `*T`, `T[P]`, `(*T)`, ...; and whether it
/// is a pointer receiver.
fn receiver_base(file: &File, mut ty: ExprId) -> Option<(bool, Ident)> {
    let mut pointer = false;
    loop {
        match &file.expr(ty).kind {
            ExprKind::Paren { x, .. } => ty = *x,
            ExprKind::Star { x, .. } => {
                pointer = true;
                ty = *x;
            }
            ExprKind::Index { x, .. } | ExprKind::IndexList { x, .. } => ty = *x,
            ExprKind::Ident(ident) => return Some((pointer, *ident)),
            _ => return None,
        }
    }
}

impl Checker<'_> {
    /// go/types' checks of the package clauses: the first name other than `_` names the
    /// package, `_` before it is invalid, and every other file must agree with it.
    fn check_package_names(&mut self, files: &[std::sync::Arc<goescape_syntax::ast::File>]) {
        let mut package: Option<String> = None;
        for (i, file) in files.iter().enumerate() {
            if !file.package_name.pos().is_valid() {
                continue;
            }
            let name = file.ident_name(file.package_name).into_owned();
            match &package {
                None if name == "_" => {
                    self.error(i, file.package_name.pos(), "invalid package name _");
                }
                None => package = Some(name),
                Some(expected) if *expected != name => {
                    let msg = format!("package {name}; expected package {expected}");
                    self.error(i, file.package_pos, msg);
                }
                Some(_) => {}
            }
        }
    }
}
