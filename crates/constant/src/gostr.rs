//! The bytes of a string constant.
//!
//! Go strings are byte sequences (not necessarily UTF-8). A constant expression such as
//! `"a" + "b" + … + "z"` with thousands of terms would cost quadratic time if every `+`
//! copied both sides, so a concatenation only records its two operands; the bytes are
//! joined the first time someone looks at them, and that flat copy is cached. Long chains
//! are walked (and dropped) iteratively, never recursively.

use std::fmt;
use std::sync::{Arc, OnceLock};

/// A cheaply clonable, lazily concatenated byte string.
#[derive(Clone)]
pub(crate) struct GoStr(Arc<Node>);

struct Node {
    len: usize,
    /// For a concatenation: the two operands (taken out again when the node is dropped).
    parts: Option<(GoStr, GoStr)>,
    /// The flat bytes: set at construction for a leaf, on first use for a concatenation.
    flat: OnceLock<Box<[u8]>>,
}

impl GoStr {
    pub(crate) fn new(bytes: &[u8]) -> GoStr {
        let flat = OnceLock::new();
        let _ = flat.set(Box::from(bytes));
        GoStr(Arc::new(Node {
            len: bytes.len(),
            parts: None,
            flat,
        }))
    }

    /// `a + b`, without copying either side yet.
    pub(crate) fn concat(a: &GoStr, b: &GoStr) -> GoStr {
        if a.is_empty() {
            return b.clone();
        }
        if b.is_empty() {
            return a.clone();
        }
        GoStr(Arc::new(Node {
            len: a.len().saturating_add(b.len()),
            parts: Some((a.clone(), b.clone())),
            flat: OnceLock::new(),
        }))
    }

    pub(crate) fn len(&self) -> usize {
        self.0.len
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.len == 0
    }

    /// The string's bytes (joined and cached on first use).
    pub(crate) fn bytes(&self) -> &[u8] {
        self.0.flat.get_or_init(|| {
            let mut out = Vec::with_capacity(self.0.len);
            // Depth-first, left to right, with an explicit stack; a part that is already
            // flat is copied whole.
            let mut stack: Vec<&GoStr> = vec![self];
            while let Some(s) = stack.pop() {
                if let Some(flat) = s.0.flat.get() {
                    out.extend_from_slice(flat);
                } else if let Some((l, r)) = &s.0.parts {
                    stack.push(r);
                    stack.push(l);
                }
            }
            out.into_boxed_slice()
        })
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        // Unlink chains iteratively so that dropping a long concatenation cannot overflow
        // the stack: any part this node owns alone is dismantled here instead of by a
        // recursive drop.
        let mut pending: Vec<GoStr> = Vec::new();
        if let Some((l, r)) = self.parts.take() {
            pending.push(l);
            pending.push(r);
        }
        while let Some(s) = pending.pop() {
            if let Ok(mut node) = Arc::try_unwrap(s.0) {
                if let Some((l, r)) = node.parts.take() {
                    pending.push(l);
                    pending.push(r);
                }
            }
        }
    }
}

impl PartialEq for GoStr {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.bytes() == other.bytes()
    }
}

impl Eq for GoStr {}

impl fmt::Debug for GoStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", String::from_utf8_lossy(self.bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_chains_join_and_drop_without_recursion() {
        let piece = GoStr::new(b"ab");
        let mut s = GoStr::new(b"");
        for _ in 0..200_000 {
            s = GoStr::concat(&s, &piece);
        }
        assert_eq!(s.len(), 400_000);
        assert_eq!(&s.bytes()[..4], b"abab");
        drop(s);
        let mut t = piece.clone();
        for _ in 0..200_000 {
            t = GoStr::concat(&piece, &t);
        }
        assert_eq!(t.bytes().len(), 400_002);
    }
}
