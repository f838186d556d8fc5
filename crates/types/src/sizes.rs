//! Sizes, alignments and field offsets as the gc compiler lays values out (go/types'
//! `SizesFor("gc", arch)`), for `unsafe.Sizeof`/`Alignof`/`Offsetof` and for the
//! decisions of escape analysis that depend on sizes.
//!
//! Results follow go/types exactly, including its arithmetic: a negative result means the
//! type is too large to be sized in an int64 (an overflow may wrap, as in Go). Types
//! that have no size are answered with None: type parameters and types containing them,
//! untyped and invalid types, and unions.

use rustc_hash::FxHashSet;

use crate::basic::BasicKind;
use crate::ids::{ObjId, TypeId};
use crate::stack::with_stack;
use crate::store::TypeStore;
use crate::ty::Type;
use crate::under::{as_named, is_type_param, unalias, underlying};

/// The word size and maximum alignment of a target, in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sizes {
    /// At least 4.
    pub word_size: i64,
    /// A power of two between 1 and 8.
    pub max_align: i64,
}

/// gc's sizes for each architecture go/types knows.
pub const GC_ARCH_SIZES: [(&str, Sizes); 16] = [
    (
        "386",
        Sizes {
            word_size: 4,
            max_align: 4,
        },
    ),
    (
        "amd64",
        Sizes {
            word_size: 8,
            max_align: 8,
        },
    ),
    (
        "amd64p32",
        Sizes {
            word_size: 4,
            max_align: 8,
        },
    ),
    (
        "arm",
        Sizes {
            word_size: 4,
            max_align: 4,
        },
    ),
    (
        "arm64",
        Sizes {
            word_size: 8,
            max_align: 8,
        },
    ),
    (
        "loong64",
        Sizes {
            word_size: 8,
            max_align: 8,
        },
    ),
    (
        "mips",
        Sizes {
            word_size: 4,
            max_align: 4,
        },
    ),
    (
        "mipsle",
        Sizes {
            word_size: 4,
            max_align: 4,
        },
    ),
    (
        "mips64",
        Sizes {
            word_size: 8,
            max_align: 8,
        },
    ),
    (
        "mips64le",
        Sizes {
            word_size: 8,
            max_align: 8,
        },
    ),
    (
        "ppc64",
        Sizes {
            word_size: 8,
            max_align: 8,
        },
    ),
    (
        "ppc64le",
        Sizes {
            word_size: 8,
            max_align: 8,
        },
    ),
    (
        "riscv64",
        Sizes {
            word_size: 8,
            max_align: 8,
        },
    ),
    (
        "s390x",
        Sizes {
            word_size: 8,
            max_align: 8,
        },
    ),
    (
        "sparc64",
        Sizes {
            word_size: 8,
            max_align: 8,
        },
    ),
    (
        "wasm",
        Sizes {
            word_size: 8,
            max_align: 8,
        },
    ),
];

/// `x` rounded up to a multiple of `a` (a power of two); may wrap negative, as in Go.
fn align(x: i64, a: i64) -> i64 {
    x.wrapping_add(a - 1) & !(a - 1)
}

impl Sizes {
    /// linux/amd64 and every other 64-bit target.
    pub const AMD64: Sizes = Sizes {
        word_size: 8,
        max_align: 8,
    };

    /// gc's sizes for `arch` (a GOARCH value), if go/types knows it.
    pub fn gc(arch: &str) -> Option<Sizes> {
        GC_ARCH_SIZES
            .iter()
            .find(|(name, _)| *name == arch)
            .map(|&(_, sizes)| sizes)
    }

    /// The alignment of a variable of type `ty`: at least 1.
    pub fn alignof(&self, store: &TypeStore<'_>, ty: TypeId) -> Option<i64> {
        Layout::new(*self, store).alignof(ty)
    }

    /// The size of a variable of type `ty`, padding included.
    pub fn sizeof(&self, store: &TypeStore<'_>, ty: TypeId) -> Option<i64> {
        Layout::new(*self, store).sizeof(ty)
    }

    /// The offsets of struct fields, in order; negative from the first that does not fit.
    pub fn offsetsof(&self, store: &TypeStore<'_>, fields: &[ObjId]) -> Option<Vec<i64>> {
        Layout::new(*self, store).offsetsof(fields)
    }

    /// The offset of the field selected by `index` (field indices through embedded
    /// structs, not pointers) from the start of a value of type `ty`.
    pub fn offsetof(&self, store: &TypeStore<'_>, ty: TypeId, index: &[u32]) -> Option<i64> {
        let mut layout = Layout::new(*self, store);
        let mut ty = ty;
        let mut offset: i64 = 0;
        for &i in index {
            let Type::Struct(s) = store.ty(underlying(store, ty)) else {
                return None;
            };
            let field = *s.fields.get(i as usize)?;
            let d = layout.offsetsof(&s.fields)?[i as usize];
            if d < 0 {
                return Some(-1);
            }
            offset = offset.wrapping_add(d);
            if offset < 0 {
                return Some(-1);
            }
            ty = store.obj(field).ty?;
        }
        Some(offset)
    }
}

/// One size computation, with the types being laid out: meeting one again means an invalid
/// recursive type (`type T struct{ t T }`, reported by the checker), which has no size.
struct Layout<'s, 'a> {
    sizes: Sizes,
    store: &'s TypeStore<'a>,
    /// Types whose size (true) or alignment (false) is being computed.
    active: FxHashSet<(TypeId, bool)>,
}

impl<'s, 'a> Layout<'s, 'a> {
    fn new(sizes: Sizes, store: &'s TypeStore<'a>) -> Self {
        Layout {
            sizes,
            store,
            active: FxHashSet::default(),
        }
    }

    /// Runs `f` for the size (or alignment) of `ty` unless that is being computed already.
    fn guarded(
        &mut self,
        ty: TypeId,
        size: bool,
        f: impl FnOnce(&mut Self) -> Option<i64>,
    ) -> Option<i64> {
        let key = (unalias(self.store, ty), size);
        if !self.active.insert(key) {
            return None;
        }
        let result = with_stack(|| f(self));
        self.active.remove(&key);
        result
    }

    fn alignof(&mut self, ty: TypeId) -> Option<i64> {
        self.guarded(ty, false, |layout| layout.alignof_inner(ty))
    }

    fn alignof_inner(&mut self, ty: TypeId) -> Option<i64> {
        let store = self.store;
        if is_type_param(store, ty) {
            return None;
        }
        let u = underlying(store, ty);
        match store.ty(u) {
            // Arrays align like their elements, structs like their most aligned field.
            Type::Array { elem, .. } => return self.alignof(*elem),
            Type::Struct(s) => {
                // An empty sync/atomic.align64 makes its containing struct 8-aligned.
                if s.fields.is_empty() && is_sync_atomic_align64(store, ty) {
                    return Some(8);
                }
                let mut max = 1;
                for &field in &s.fields {
                    max = max.max(self.alignof(store.obj(field).ty?)?);
                }
                return Some(max);
            }
            // Multi-word values align like a word.
            Type::Slice(_) | Type::Interface(_) => return Some(self.sizes.word_size),
            Type::Basic(b) if b.kind.is_string() => return Some(self.sizes.word_size),
            Type::TypeParam(_) | Type::Union(_) => return None,
            _ => {}
        }
        let size = self.sizeof(ty)?;
        if size < 1 {
            return Some(1);
        }
        // complex64 and complex128 align like [2]float32 and [2]float64.
        let a = if matches!(store.ty(u), Type::Basic(b) if b.kind.is_complex()) {
            size / 2
        } else {
            size
        };
        Some(a.min(self.sizes.max_align))
    }

    fn offsetsof(&mut self, fields: &[ObjId]) -> Option<Vec<i64>> {
        let mut offsets = Vec::with_capacity(fields.len());
        let mut offset: i64 = 0;
        for &field in fields {
            if offset < 0 {
                offsets.push(-1);
                continue;
            }
            let ty = self.store.obj(field).ty?;
            offset = align(offset, self.alignof(ty)?);
            offsets.push(offset);
            let size = self.sizeof(ty)?;
            offset = if size >= 0 && offset >= 0 {
                offset.wrapping_add(size)
            } else {
                -1
            };
        }
        Some(offsets)
    }

    fn sizeof(&mut self, ty: TypeId) -> Option<i64> {
        self.guarded(ty, true, |layout| layout.sizeof_inner(ty))
    }

    fn sizeof_inner(&mut self, ty: TypeId) -> Option<i64> {
        let store = self.store;
        if is_type_param(store, ty) {
            return None;
        }
        let word = self.sizes.word_size;
        match store.ty(underlying(store, ty)) {
            Type::Basic(b) => {
                if b.kind.is_untyped() || b.kind == BasicKind::Invalid {
                    return None;
                }
                if let Some(size) = b.kind.fixed_size() {
                    return Some(size as i64);
                }
                Some(if b.kind == BasicKind::String {
                    2 * word
                } else {
                    word
                })
            }
            Type::Array { len, elem } => {
                let n = match len {
                    Some(n) if *n > 0 => *n,
                    // An empty array, or an invalid length after an error.
                    _ => return Some(0),
                };
                let esize = self.sizeof(*elem)?;
                if esize < 0 {
                    return Some(-1);
                }
                if esize == 0 {
                    return Some(0);
                }
                match i64::try_from(n) {
                    Ok(n) if esize <= i64::MAX / n => Some(esize * n),
                    _ => Some(-1),
                }
            }
            Type::Slice(_) => Some(3 * word),
            Type::Struct(s) => {
                let Some(&last) = s.fields.last() else {
                    return Some(0);
                };
                let offsets = self.offsetsof(&s.fields)?;
                let offset = offsets[offsets.len() - 1];
                let mut size = self.sizeof(store.obj(last).ty?)?;
                if offset < 0 || size < 0 {
                    return Some(-1);
                }
                // gc: a zero-size final field of a non-empty struct gets a byte, so that a
                // pointer to it does not point past the struct.
                if offset > 0 && size == 0 {
                    size = 1;
                }
                let align_of = self.alignof_inner(ty)?;
                // go/types asserts here instead (it cannot happen for types gc accepts).
                let Some(end) = offset.checked_add(size) else {
                    return Some(-1);
                };
                Some(align(end, align_of))
            }
            Type::Interface(_) => Some(2 * word),
            Type::TypeParam(_) | Type::Union(_) => None,
            _ => Some(word),
        }
    }
}

/// Whether `ty` is the marker type `align64` of sync/atomic (or internal/runtime/atomic).
fn is_sync_atomic_align64(store: &TypeStore<'_>, ty: TypeId) -> bool {
    let Some((_, named)) = as_named(store, ty) else {
        return false;
    };
    let obj = store.obj(named.obj);
    &*obj.name == "align64"
        && obj.pkg.is_some_and(|pkg| {
            let path = &*store.package(pkg).path;
            path == "sync/atomic" || path == "internal/runtime/atomic"
        })
}
