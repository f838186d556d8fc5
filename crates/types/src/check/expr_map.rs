//! A map keyed by the expressions of one file, stored densely by expression id.
//!
//! The checker records a type for nearly every expression of a file (about 88% of them on
//! the standard library), so a vector indexed by [`ExprId`] and sized from the file's node
//! count up front holds them with no hashing and no growth by doubling: a hash map grown
//! while a package was checked was one of the checker's largest costs (hashing, rehashing,
//! and the kernel zeroing the fresh pages of each larger table).

use goescape_syntax::ast::ExprId;

/// A map from the expressions of one file to `V`, with the methods of a hash map that the
/// checker and its consumers use. Iteration goes in expression id order.
#[derive(Clone, Debug)]
pub struct ExprMap<V> {
    slots: Vec<Option<V>>,
    len: usize,
}

impl<V> Default for ExprMap<V> {
    fn default() -> Self {
        ExprMap {
            slots: Vec::new(),
            len: 0,
        }
    }
}

impl<V> ExprMap<V> {
    /// An empty map with room for the expressions `0..exprs` (a file's `exprs.len()`).
    pub fn with_exprs(exprs: usize) -> Self {
        let mut slots = Vec::with_capacity(exprs);
        slots.resize_with(exprs, || None);
        ExprMap { slots, len: 0 }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn get(&self, e: &ExprId) -> Option<&V> {
        self.slots.get(e.0 as usize).and_then(Option::as_ref)
    }

    pub fn get_mut(&mut self, e: &ExprId) -> Option<&mut V> {
        self.slots.get_mut(e.0 as usize).and_then(Option::as_mut)
    }

    pub fn contains_key(&self, e: &ExprId) -> bool {
        self.get(e).is_some()
    }

    /// Sets the value for `e`, returning the previous one.
    pub fn insert(&mut self, e: ExprId, value: V) -> Option<V> {
        let i = e.0 as usize;
        if i >= self.slots.len() {
            self.slots.resize_with(i + 1, || None);
        }
        let old = self.slots[i].replace(value);
        if old.is_none() {
            self.len += 1;
        }
        old
    }

    pub fn remove(&mut self, e: &ExprId) -> Option<V> {
        let old = self.slots.get_mut(e.0 as usize).and_then(Option::take);
        if old.is_some() {
            self.len -= 1;
        }
        old
    }

    /// The entries in expression id order.
    pub fn iter(&self) -> impl Iterator<Item = (ExprId, &V)> + '_ {
        self.slots
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.as_ref().map(|v| (ExprId(i as u32), v)))
    }

    pub fn keys(&self) -> impl Iterator<Item = ExprId> + '_ {
        self.iter().map(|(e, _)| e)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> + '_ {
        self.slots.iter().filter_map(Option::as_ref)
    }
}

impl<'a, V> IntoIterator for &'a ExprMap<V> {
    type Item = (ExprId, &'a V);
    type IntoIter = Box<dyn Iterator<Item = (ExprId, &'a V)> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_as_a_map() {
        let mut m = ExprMap::with_exprs(4);
        assert!(m.is_empty());
        assert_eq!(m.insert(ExprId(2), "a"), None);
        assert_eq!(m.insert(ExprId(2), "b"), Some("a"));
        assert_eq!(
            m.insert(ExprId(9), "c"),
            None,
            "past the presized end: grows"
        );
        assert_eq!(m.len(), 2);
        assert_eq!(m.get(&ExprId(2)), Some(&"b"));
        assert_eq!(m.get(&ExprId(3)), None);
        assert_eq!(m.get(&ExprId(100)), None);
        assert_eq!(
            m.iter().collect::<Vec<_>>(),
            vec![(ExprId(2), &"b"), (ExprId(9), &"c")]
        );
        assert_eq!(m.remove(&ExprId(2)), Some("b"));
        assert_eq!(m.remove(&ExprId(2)), None);
        assert_eq!(m.len(), 1);
        assert!(m.contains_key(&ExprId(9)));
    }
}
