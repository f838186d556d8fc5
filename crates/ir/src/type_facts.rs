//! What escape analysis asks of types, answered as gc's `types` package computes it for
//! the target: sizes, alignments, and how many leading bytes may hold pointers.

use std::cell::RefCell;
use std::collections::HashMap;

use goescape_types::basic::BasicKind;
use goescape_types::sizes::Sizes;
use goescape_types::ty::Type;
use goescape_types::under::underlying;
use goescape_types::{TypeId, TypeStore};

use crate::expr::IrType;

/// Type queries with memoised layouts. Not `Sync`: one per thread.
pub struct TypeFacts<'a> {
    pub store: TypeStore<'a>,
    pub sizes: Sizes,
    ptr_data: RefCell<HashMap<TypeId, i64>>,
    not_in_heap: RefCell<HashMap<TypeId, bool>>,
    /// For an instance of a generic function: its type parameters' concrete types.
    subst: HashMap<TypeId, TypeId>,
}

impl<'a> TypeFacts<'a> {
    pub fn new(store: TypeStore<'a>, sizes: Sizes) -> TypeFacts<'a> {
        TypeFacts {
            store,
            sizes,
            ptr_data: RefCell::new(HashMap::new()),
            not_in_heap: RefCell::new(HashMap::new()),
            subst: HashMap::new(),
        }
    }

    /// Type queries for an instance: `subst` maps type parameters to concrete types.
    pub fn with_subst(
        store: TypeStore<'a>,
        sizes: Sizes,
        subst: HashMap<TypeId, TypeId>,
    ) -> TypeFacts<'a> {
        TypeFacts {
            subst,
            ..TypeFacts::new(store, sizes)
        }
    }

    /// The type parameters this instance binds, and their types.
    pub fn substitution(&self) -> &HashMap<TypeId, TypeId> {
        &self.subst
    }

    /// `ty` with a substituted type parameter replaced by its concrete type.
    pub fn resolve(&self, ty: TypeId) -> TypeId {
        if self.subst.is_empty() {
            return ty;
        }
        let t = goescape_types::under::unalias(&self.store, ty);
        self.subst.get(&t).copied().unwrap_or(ty)
    }

    pub fn ptr_size(&self) -> i64 {
        self.sizes.word_size
    }

    /// The underlying type's representation.
    pub fn under(&self, ty: TypeId) -> &'a Type {
        self.store.ty(underlying(&self.store, self.resolve(ty)))
    }

    pub fn size(&self, ty: IrType) -> i64 {
        match ty {
            IrType::PointerTo(_) => self.ptr_size(),
            IrType::Go(t) => self.layout(t, 0).map_or(0, |(size, _)| size),
        }
    }

    pub fn align(&self, ty: IrType) -> i64 {
        match ty {
            IrType::PointerTo(_) => self.ptr_size(),
            IrType::Go(t) => self.layout(t, 0).map_or(1, |(_, align)| align),
        }
    }

    /// The offsets of struct fields whose types mention the instance's parameters.
    fn offsets_substituted(&self, fields: &[goescape_types::ObjId]) -> Option<Vec<i64>> {
        let mut offset = 0i64;
        let mut out = Vec::with_capacity(fields.len());
        for &f in fields {
            let (size, align) = self.layout(self.store.obj(f).ty?, 1)?;
            offset = (offset + align - 1) & !(align - 1);
            out.push(offset);
            offset += size;
        }
        Some(out)
    }

    /// Size and alignment of `ty` with the instance's type parameters substituted,
    /// also inside the structs and arrays that mention them (gc's layout rules).
    fn layout(&self, ty: TypeId, depth: usize) -> Option<(i64, i64)> {
        let ty = self.resolve(ty);
        let plain = || {
            Some((
                self.sizes.sizeof(&self.store, ty)?,
                self.sizes.alignof(&self.store, ty)?,
            ))
        };
        if self.subst.is_empty() || depth > 32 || !crate::shape::has_type_params(&self.store, ty, 0)
        {
            return plain();
        }
        match self.under(ty) {
            Type::Struct(st) => {
                let (mut offset, mut max_align, mut last_zero) = (0i64, 1i64, false);
                for &f in &st.fields {
                    let (size, align) = self.layout(self.store.obj(f).ty?, depth + 1)?;
                    offset = (offset + align - 1) & !(align - 1);
                    offset += size;
                    max_align = max_align.max(align);
                    last_zero = size == 0;
                }
                // A final zero-size field would point past the end: gc pads it.
                if offset > 0 && last_zero {
                    offset += 1;
                }
                Some(((offset + max_align - 1) & !(max_align - 1), max_align))
            }
            Type::Array { len, elem } => {
                let (size, align) = self.layout(*elem, depth + 1)?;
                Some((
                    size.checked_mul(i64::try_from(len.unwrap_or(0)).ok()?)?,
                    align,
                ))
            }
            _ => plain(),
        }
    }

    pub fn size_of(&self, ty: TypeId) -> i64 {
        self.size(IrType::Go(ty))
    }

    /// gc's `HasPointers`.
    pub fn has_pointers(&self, ty: IrType) -> bool {
        match ty {
            IrType::PointerTo(_) => true,
            IrType::Go(t) => self.has_pointers_go(t),
        }
    }

    pub fn has_pointers_go(&self, ty: TypeId) -> bool {
        if self.is_untyped(ty) {
            // Untyped nil and constants: callers treat untyped values separately.
            return matches!(self.basic_kind(ty), Some(BasicKind::UntypedNil));
        }
        self.ptr_data(ty) > 0
    }

    /// gc's `IsDirectIface`: a value that is stored in an interface's data word itself
    /// (exactly one word, and that word a pointer).
    pub fn is_direct_iface(&self, ty: IrType) -> bool {
        match ty {
            IrType::PointerTo(_) => true,
            IrType::Go(t) => {
                let w = self.ptr_size();
                self.size_of(t) == w && self.ptr_data(t) == w
            }
        }
    }

    /// How many leading bytes of a value may hold pointers (gc's `PtrDataSize`).
    pub fn ptr_data(&self, ty: TypeId) -> i64 {
        let ty = self.resolve(ty);
        if let Some(&d) = self.ptr_data.borrow().get(&ty) {
            return d;
        }
        // Recursive types always pass through a pointer, slice, map, chan or func,
        // whose answer does not look at the element: the recursion ends.
        let d = stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.compute_ptr_data(ty));
        self.ptr_data.borrow_mut().insert(ty, d);
        d
    }

    fn compute_ptr_data(&self, ty: TypeId) -> i64 {
        let w = self.ptr_size();
        match self.under(ty) {
            Type::Basic(b) => match b.kind {
                BasicKind::String | BasicKind::UnsafePointer | BasicKind::UntypedString => w,
                BasicKind::UntypedNil => w,
                _ => 0,
            },
            // A pointer to memory the GC does not manage is not a pointer to it.
            Type::Pointer(e) if self.not_in_heap(*e) => 0,
            Type::Pointer(_) | Type::Chan { .. } | Type::Map { .. } | Type::Signature(_) => w,
            Type::Slice(_) => w,
            Type::Interface(_) => 2 * w,
            Type::Array { len, elem } => {
                let n = len.unwrap_or(0) as i64;
                let elem_data = self.ptr_data(*elem);
                if n == 0 || elem_data == 0 {
                    0
                } else {
                    (n - 1)
                        .saturating_mul(self.size_of(*elem))
                        .saturating_add(elem_data)
                }
            }
            Type::Struct(s) => {
                let offsets = self
                    .sizes
                    .offsetsof(&self.store, &s.fields)
                    .or_else(|| self.offsets_substituted(&s.fields));
                let Some(offsets) = offsets else {
                    // A layout that depends on type parameters: any field with pointers
                    // makes the struct hold some.
                    let any = s
                        .fields
                        .iter()
                        .any(|f| self.store.obj(*f).ty.is_some_and(|t| self.ptr_data(t) > 0));
                    return if any { w } else { 0 };
                };
                let mut data = 0;
                for (field, offset) in s.fields.iter().zip(offsets) {
                    let Some(fty) = self.store.obj(*field).ty else {
                        continue;
                    };
                    let d = self.ptr_data(fty);
                    if d > 0 {
                        data = offset + d;
                    }
                }
                data
            }
            // Type parameters are compiled as shapes; any of them may hold pointers.
            Type::TypeParam(_) => w,
            _ => 0,
        }
    }

    /// gc's `NotInHeap`: the runtime's `internal/runtime/sys.nih` marker and every struct
    /// or array that contains it.
    pub fn not_in_heap(&self, ty: TypeId) -> bool {
        if let Some(&b) = self.not_in_heap.borrow().get(&ty) {
            return b;
        }
        // Recursion only goes through struct fields and array elements, which cannot
        // contain themselves; mark first anyway so a malformed cycle ends.
        self.not_in_heap.borrow_mut().insert(ty, false);
        let ty_u = goescape_types::under::unalias(&self.store, ty);
        let marker = match self.store.ty(ty_u) {
            Type::Named(n) => {
                let o = self.store.obj(n.obj);
                &*o.name == "nih"
                    && o.pkg
                        .is_some_and(|p| &*self.store.package(p).path == "internal/runtime/sys")
            }
            _ => false,
        };
        let b = marker
            || match self.under(ty) {
                Type::Struct(s) => s
                    .fields
                    .iter()
                    .any(|f| self.store.obj(*f).ty.is_some_and(|t| self.not_in_heap(t))),
                Type::Array { elem, .. } => self.not_in_heap(*elem),
                _ => false,
            };
        self.not_in_heap.borrow_mut().insert(ty, b);
        b
    }

    pub fn basic_kind(&self, ty: TypeId) -> Option<BasicKind> {
        match self.under(ty) {
            Type::Basic(b) => Some(b.kind),
            _ => None,
        }
    }

    pub fn is_untyped(&self, ty: TypeId) -> bool {
        self.basic_kind(ty).is_some_and(|k| k.is_untyped())
    }

    /// An interface type; a type parameter is not one (gc compiles it as its shape).
    pub fn is_interface(&self, ty: IrType) -> bool {
        matches!(ty, IrType::Go(t)
            if !goescape_types::under::is_type_param(&self.store, self.resolve(t))
                && matches!(self.under(t), Type::Interface(_)))
    }

    pub fn is_array(&self, ty: TypeId) -> bool {
        matches!(self.under(ty), Type::Array { .. })
    }

    pub fn is_slice(&self, ty: TypeId) -> bool {
        matches!(self.under(ty), Type::Slice(_))
    }

    pub fn is_string(&self, ty: TypeId) -> bool {
        matches!(
            self.basic_kind(ty),
            Some(BasicKind::String | BasicKind::UntypedString)
        )
    }

    pub fn is_uintptr(&self, ty: IrType) -> bool {
        matches!(ty, IrType::Go(t) if self.basic_kind(t) == Some(BasicKind::Uintptr))
    }

    pub fn is_unsafe_pointer(&self, ty: IrType) -> bool {
        matches!(ty, IrType::Go(t) if self.basic_kind(t) == Some(BasicKind::UnsafePointer))
    }

    pub fn is_pointer(&self, ty: IrType) -> bool {
        match ty {
            IrType::PointerTo(_) => true,
            IrType::Go(t) => matches!(self.under(t), Type::Pointer(_)),
        }
    }

    /// The element type of a slice, array, pointer, chan or map.
    pub fn elem(&self, ty: TypeId) -> Option<TypeId> {
        match self.under(ty) {
            Type::Slice(e) | Type::Pointer(e) => Some(*e),
            Type::Array { elem, .. } | Type::Chan { elem, .. } | Type::Map { elem, .. } => {
                Some(*elem)
            }
            _ => None,
        }
    }
}
