//! Instantiation cycles (go/types' `mono.go`): a generic function or type whose type
//! parameters are instantiated, through a chain of instantiations, with types that grow
//! each time round (`func F[T any]() { F[*T]() }`) could not be compiled by
//! monomorphization. The instantiations the checker verifies are recorded as weighted
//! edges between type parameters (and local types implicitly parameterized by them); a
//! cycle of positive weight is reported as go/types does.

use goescape_syntax::Pos;
use rustc_hash::FxHashMap;

use super::Checker;
use crate::ids::{ObjId, TypeId};
use crate::ty::Type;

/// How many nodes of a type argument are walked at most.
const MAX_WALK: usize = 10_000;

#[derive(Debug, Default)]
pub(crate) struct MonoGraph {
    vertices: Vec<Vertex>,
    edges: Vec<Edge>,
    /// The type parameters of methods' receivers mapped to their base type's.
    canon: FxHashMap<TypeId, TypeId>,
    /// The vertex of each type parameter and local defined type (None: a local type with
    /// no ambient type parameters), by its type name.
    index: FxHashMap<ObjId, Option<usize>>,
    /// Whether a type mentions this package's type parameters or local defined types
    /// (only those make edges), by type: instances nested deeply are walked once.
    relevant: FxHashMap<TypeId, bool>,
}

#[derive(Debug)]
struct Vertex {
    weight: i64,
    pre: usize,
    len: usize,
    obj: ObjId,
}

#[derive(Debug)]
struct Edge {
    dst: usize,
    src: usize,
    weight: i64,
}

impl MonoGraph {
    /// Records that the receiver type parameter `method_param` stands for the base type's
    /// `type_param`.
    pub(crate) fn record_canon(&mut self, method_param: TypeId, type_param: TypeId) {
        self.canon.insert(method_param, type_param);
    }

    fn add_vertex(&mut self, obj: ObjId) -> usize {
        self.vertices.push(Vertex {
            weight: 0,
            pre: 0,
            len: 0,
            obj,
        });
        self.vertices.len() - 1
    }
}

impl Checker<'_> {
    /// Records the verified instantiation of `params` with `args` (each argument written at
    /// `arg_pos`, or else at `pos`).
    pub(super) fn mono_record(&mut self, params: &[TypeId], args: &[TypeId]) {
        for (&param, &arg) in params.iter().zip(args) {
            self.mono_assign(param, arg);
        }
    }

    fn type_param_obj(&self, param: TypeId) -> Option<ObjId> {
        match self.store().ty(param) {
            Type::TypeParam(tp) => Some(tp.obj),
            _ => None,
        }
    }

    fn type_param_vertex(&mut self, param: TypeId) -> Option<usize> {
        let param = self.mono.canon.get(&param).copied().unwrap_or(param);
        let obj = self.type_param_obj(param)?;
        if let Some(&Some(index)) = self.mono.index.get(&obj) {
            return Some(index);
        }
        let index = self.mono.add_vertex(obj);
        self.mono.index.insert(obj, Some(index));
        Some(index)
    }

    /// The vertex of a defined type declared in a function, with edges from the type
    /// parameters declared before it in the enclosing scopes; None for other types.
    fn local_named_vertex(&mut self, named: TypeId) -> Option<usize> {
        let obj = match self.store().ty(named) {
            Type::Named(n) => n.obj,
            _ => return None,
        };
        if obj.pkg != self.arena.idx {
            return None;
        }
        let (parent, pos) = {
            let object = self.store().obj(obj);
            (object.parent?, object.pos?)
        };
        if parent == self.package_scope {
            return None;
        }
        if let Some(&index) = self.mono.index.get(&obj) {
            return index;
        }
        let mut index = None;
        let mut scope = Some(parent);
        let mut ambient = Vec::new();
        while let Some(id) = scope {
            if id == self.package_scope {
                break;
            }
            let s = self.store().scope(id).clone();
            for name in &s.names {
                let Some(elem) = s.lookup(name) else { continue };
                let object = self.store().obj(elem);
                let Some(elem_pos) = object.pos else { continue };
                let before = (elem_pos.file, elem_pos.offset) < (pos.file, pos.offset);
                if let (true, Some(ty)) = (before, object.ty) {
                    if object.is_type_name() && matches!(self.store().ty(ty), Type::TypeParam(_)) {
                        ambient.push(ty);
                    }
                }
            }
            scope = s.parent;
        }
        for param in ambient {
            let dst = *index.get_or_insert_with(|| self.mono.add_vertex(obj));
            if let Some(src) = self.type_param_vertex(param) {
                self.mono.edges.push(Edge {
                    dst,
                    src,
                    weight: 1,
                });
            }
        }
        self.mono.index.insert(obj, index);
        index
    }

    /// Whether `ty` mentions a type parameter of this package or a type declared in one of
    /// its functions (memoized).
    fn mono_relevant(&mut self, ty: TypeId) -> bool {
        if let Some(&known) = self.mono.relevant.get(&ty) {
            return known;
        }
        let store = self.store();
        let ty = crate::under::unalias(&store, ty);
        let children: Vec<TypeId> = match store.ty(ty) {
            Type::TypeParam(tp) => {
                let this = tp.obj.pkg == self.arena.idx;
                self.mono.relevant.insert(ty, this);
                return this;
            }
            Type::Named(n) => {
                let obj = store.obj(n.obj);
                if n.obj.pkg == self.arena.idx && obj.parent != Some(self.package_scope) {
                    self.mono.relevant.insert(ty, true);
                    return true;
                }
                n.type_args.clone()
            }
            Type::Array { elem, .. }
            | Type::Chan { elem, .. }
            | Type::Pointer(elem)
            | Type::Slice(elem) => vec![*elem],
            Type::Map { key, elem } => vec![*key, *elem],
            Type::Interface(_) => crate::typeset::type_set(&store, ty)
                .methods
                .iter()
                .filter_map(|&m| store.obj(m).ty)
                .collect(),
            Type::Signature(sig) => sig
                .params
                .iter()
                .chain(&sig.results)
                .filter_map(|&v| store.obj(v).ty)
                .collect(),
            Type::Struct(st) => st.fields.iter().filter_map(|&f| store.obj(f).ty).collect(),
            _ => Vec::new(),
        };
        // Recursive types come back here: not relevant unless shown otherwise.
        self.mono.relevant.insert(ty, false);
        let relevant = children
            .into_iter()
            .any(|child| crate::stack::with_stack(|| self.mono_relevant(child)));
        self.mono.relevant.insert(ty, relevant);
        relevant
    }

    /// Records that `param` was instantiated with `arg`.
    fn mono_assign(&mut self, param: TypeId, arg: TypeId) {
        if !self.mono_relevant(arg) {
            return;
        }
        let Some(obj) = self.type_param_obj(param) else {
            return;
        };
        if obj.pkg != self.arena.idx {
            return;
        }
        let Some(dst) = self.type_param_vertex(param) else {
            return;
        };
        let mut work = vec![arg];
        let mut steps = 0;
        while let Some(ty) = work.pop() {
            steps += 1;
            if steps > MAX_WALK {
                break;
            }
            if !self.mono_relevant(ty) {
                continue;
            }
            let ty = crate::under::unalias(&self.store(), ty);
            let weight = if ty == arg { 0 } else { 1 };
            let store = self.store();
            match store.ty(ty).clone() {
                Type::TypeParam(tp) if tp.obj.pkg == self.arena.idx => {
                    if let Some(src) = self.type_param_vertex(ty) {
                        self.mono.edges.push(Edge { dst, src, weight });
                    }
                }
                Type::Named(n) => {
                    let origin = n.origin.unwrap_or(ty);
                    if let Some(src) = self.local_named_vertex(origin) {
                        self.mono.edges.push(Edge { dst, src, weight });
                    }
                    work.extend(n.type_args.iter().copied());
                }
                Type::Array { elem, .. }
                | Type::Chan { elem, .. }
                | Type::Pointer(elem)
                | Type::Slice(elem) => work.push(elem),
                Type::Map { key, elem } => work.extend([key, elem]),
                Type::Interface(_) => {
                    let methods = crate::typeset::type_set(&store, ty).methods;
                    work.extend(methods.iter().filter_map(|&m| store.obj(m).ty));
                }
                Type::Signature(sig) => work.extend(
                    sig.params
                        .iter()
                        .chain(&sig.results)
                        .filter_map(|&v| store.obj(v).ty),
                ),
                Type::Struct(st) => work.extend(st.fields.iter().filter_map(|&f| store.obj(f).ty)),
                _ => {}
            }
        }
    }

    /// Looks for a cycle of instantiations that grows (go/types' `monomorph`, a variant of
    /// Bellman-Ford looking for the heaviest paths) and reports the first found.
    pub(super) fn monomorph(&mut self) {
        let count = self.mono.vertices.len();
        if count == 0 {
            return;
        }
        let mut again = true;
        while again {
            again = false;
            for i in 0..self.mono.edges.len() {
                let Edge { dst, src, weight } = self.mono.edges[i];
                let w = self.mono.vertices[src].weight + weight;
                if w <= self.mono.vertices[dst].weight {
                    continue;
                }
                let len = self.mono.vertices[src].len + 1;
                let vertex = &mut self.mono.vertices[dst];
                vertex.pre = i;
                vertex.len = len;
                if len == count {
                    self.report_instance_loop(dst);
                    return;
                }
                vertex.weight = w;
                again = true;
            }
        }
    }

    fn report_instance_loop(&mut self, mut v: usize) {
        // Walk back along the path to the first vertex seen twice: it is on the cycle.
        let mut seen = vec![false; self.mono.vertices.len()];
        while !seen[v] {
            seen[v] = true;
            v = self.mono.edges[self.mono.vertices[v].pre].src;
        }
        let obj = self.mono.vertices[v].obj;
        let Some(at) = self.store().obj(obj).pos else {
            return;
        };
        self.error(
            at.file as usize,
            Pos(at.offset),
            "instantiation cycle:".to_owned(),
        );
    }
}
