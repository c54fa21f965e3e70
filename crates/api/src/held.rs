//! Values a process keeps between requests, in bounded memory.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::fmt;
use std::hash::Hash;
use std::sync::{Mutex, MutexGuard, PoisonError};

/// Values kept by key, at most `AT_MOST` of them: when a new key would not
/// fit, everything kept is let go and keeping starts over (a few misses,
/// then it fills again). Only for values that are cheap to read again and
/// that the caller checks before it trusts them, so that holding nothing is
/// never wrong, only slower (issue 13: verified tokens, service type
/// versions, person files).
pub struct Held<K, V, const AT_MOST: usize> {
    kept: Mutex<HashMap<K, V>>,
}

impl<K: Eq + Hash, V: Clone, const AT_MOST: usize> Held<K, V, AT_MOST> {
    /// The value kept for `key`, if any.
    pub fn get<Q>(&self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        self.kept().get(key).cloned()
    }

    /// Keeps `value` for `key`, in place of the one kept before.
    pub fn keep(&self, key: K, value: V) {
        let mut kept = self.kept();
        if kept.len() >= AT_MOST && !kept.contains_key(&key) {
            kept.clear();
        }
        kept.insert(key, value);
    }

    /// How many values are kept.
    pub fn len(&self) -> usize {
        self.kept().len()
    }

    /// Whether nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<K, V, const AT_MOST: usize> Held<K, V, AT_MOST> {
    /// A panic while the lock was held cannot leave the map half-changed
    /// (each change is one `HashMap` call), so a poisoned lock is used as is.
    fn kept(&self) -> MutexGuard<'_, HashMap<K, V>> {
        self.kept.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<K, V, const AT_MOST: usize> Default for Held<K, V, AT_MOST> {
    fn default() -> Self {
        Held {
            kept: Mutex::new(HashMap::new()),
        }
    }
}

impl<K, V, const AT_MOST: usize> fmt::Debug for Held<K, V, AT_MOST> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Held")
            .field("kept", &self.kept().len())
            .field("at_most", &AT_MOST)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_at_most_its_bound_and_starts_over_when_a_new_key_would_not_fit() {
        let held = Held::<u32, &str, 3>::default();
        assert!(held.is_empty());
        for key in 0..3 {
            held.keep(key, "kept");
        }
        assert_eq!(held.len(), 3);
        // A key already kept is replaced in place, even when full.
        held.keep(1, "again");
        assert_eq!((held.len(), held.get(&1)), (3, Some("again")));
        // A new key lets everything go first.
        held.keep(3, "new");
        assert_eq!(held.len(), 1);
        assert_eq!((held.get(&0), held.get(&3)), (None, Some("new")));
    }

    #[test]
    fn a_key_is_looked_up_by_what_it_borrows_as() {
        let held = Held::<Box<str>, u8, 2>::default();
        held.keep("token".into(), 7);
        assert_eq!(held.get("token"), Some(7));
        assert_eq!(held.get("token "), None);
    }
}
