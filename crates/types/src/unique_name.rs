//! The identity of a field or method name: exported names are the same in every package,
//! unexported names are distinct per package (go/types' `Id`, `sameId` and the ordering
//! of methods in type sets).

use std::cmp::Ordering;

use crate::ids::{ObjId, PkgIdx};
use crate::object::Object;
use crate::store::TypeStore;

/// Whether `name` is exported: it starts with an upper-case letter.
pub fn is_exported(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}

/// The path of `pkg` as names are qualified with it (empty for the universe).
pub fn package_path<'a>(store: &TypeStore<'a>, pkg: Option<PkgIdx>) -> &'a str {
    match pkg {
        Some(pkg) => &store.package(pkg).path,
        None => "",
    }
}

/// go/types' `Id(pkg, name)`: `name` if exported, else `path.name` (`_.name` without a
/// package path). Method sets are ordered by it.
pub fn unique_name(store: &TypeStore<'_>, pkg: Option<PkgIdx>, name: &str) -> String {
    if is_exported(name) {
        return name.to_owned();
    }
    let path = package_path(store, pkg);
    let path = if path.is_empty() { "_" } else { path };
    format!("{path}.{name}")
}

/// [`unique_name`] of an object's name.
pub fn object_unique_name(store: &TypeStore<'_>, obj: ObjId) -> String {
    let obj = store.obj(obj);
    unique_name(store, obj.pkg, &obj.name)
}

/// Whether packages `a` and `b` are the same (None is the universe): the same package,
/// or packages with the same path.
pub fn same_package(store: &TypeStore<'_>, a: Option<PkgIdx>, b: Option<PkgIdx>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b || store.package(a).path == store.package(b).path,
        (None, None) => true,
        _ => false,
    }
}

/// Whether `obj` is named `name` as seen from `pkg` (go/types' `sameId`); with `fold_case`
/// names equal under Unicode case folding also match (used to explain a missing method).
pub fn same_name(
    store: &TypeStore<'_>,
    obj: &Object,
    pkg: Option<PkgIdx>,
    name: &str,
    fold_case: bool,
) -> bool {
    if fold_case && equal_fold(&obj.name, name) {
        return true;
    }
    if &*obj.name != name {
        return false;
    }
    is_exported(name) || same_package(store, obj.pkg, pkg)
}

/// Go's `strings.EqualFold`, for one-to-one case mappings.
fn equal_fold(a: &str, b: &str) -> bool {
    let fold = |c: char| -> char {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) => l,
            _ => c,
        }
    };
    a.chars().count() == b.chars().count()
        && a.chars()
            .zip(b.chars())
            .all(|(x, y)| x == y || fold(x) == fold(y))
}

/// go/types' order of methods in a type set: exported names first, then by name, then
/// (for unexported names) by package path.
pub fn compare_objects(store: &TypeStore<'_>, a: ObjId, b: ObjId) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    let (oa, ob) = (store.obj(a), store.obj(b));
    let (ea, eb) = (is_exported(&oa.name), is_exported(&ob.name));
    if ea != eb {
        return if ea {
            Ordering::Less
        } else {
            Ordering::Greater
        };
    }
    match oa.name.cmp(&ob.name) {
        Ordering::Equal if !ea => package_path(store, oa.pkg).cmp(package_path(store, ob.pkg)),
        order => order,
    }
}

/// The index of the first of `objs` named `name` as seen from `pkg` (never for `_`).
pub fn index_by_name(
    store: &TypeStore<'_>,
    objs: &[ObjId],
    pkg: Option<PkgIdx>,
    name: &str,
    fold_case: bool,
) -> Option<usize> {
    if name == "_" {
        return None;
    }
    objs.iter()
        .position(|&obj| same_name(store, store.obj(obj), pkg, name, fold_case))
}
