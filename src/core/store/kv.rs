//! The key/value contract every backend fulfils, and the in-memory backend of tests and the
//! native build.

use std::collections::BTreeMap;

use super::StoreError;

/// A synchronous key/value store of JSON text. Implementations only move strings; every
/// decision is taken by the functions of this module.
pub trait KvStore {
    /// The value stored under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Stores every entry, replacing existing values, in one operation where the backend allows.
    fn set_many(&mut self, entries: &[(String, String)]) -> Result<(), StoreError>;
    /// Removes every key; keys that are absent are ignored.
    fn remove_many(&mut self, keys: &[String]) -> Result<(), StoreError>;
    /// Every key present.
    fn keys(&self) -> Result<Vec<String>, StoreError>;

    /// Every entry. Backends that can read everything at once should override this.
    fn get_all(&self) -> Result<BTreeMap<String, String>, StoreError> {
        let mut all = BTreeMap::new();
        for key in self.keys()? {
            if let Some(value) = self.get(&key)? {
                all.insert(key, value);
            }
        }
        Ok(all)
    }
}

impl<K: KvStore + ?Sized> KvStore for &mut K {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        (**self).get(key)
    }
    fn set_many(&mut self, entries: &[(String, String)]) -> Result<(), StoreError> {
        (**self).set_many(entries)
    }
    fn remove_many(&mut self, keys: &[String]) -> Result<(), StoreError> {
        (**self).remove_many(keys)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        (**self).keys()
    }
    fn get_all(&self) -> Result<BTreeMap<String, String>, StoreError> {
        (**self).get_all()
    }
}

/// An in-memory [`KvStore`], for tests and for the native build. It counts the bytes written
/// (keys plus values) so tests can check how much an operation writes.
#[derive(Debug, Clone, Default)]
pub struct MemoryStore {
    entries: BTreeMap<String, String>,
    bytes_written: u64,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        MemoryStore::default()
    }

    /// A store holding `entries`, with the write counter at zero.
    pub fn with_entries(entries: BTreeMap<String, String>) -> Self {
        MemoryStore {
            entries,
            bytes_written: 0,
        }
    }

    /// Everything stored, exactly as stored.
    pub fn entries(&self) -> &BTreeMap<String, String> {
        &self.entries
    }

    /// Bytes of keys and values written since the store was created.
    pub fn bytes_written(&self) -> u64 {
        self.bytes_written
    }
}

impl KvStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.get(key).cloned())
    }

    fn set_many(&mut self, entries: &[(String, String)]) -> Result<(), StoreError> {
        for (key, value) in entries {
            self.bytes_written += (key.len() + value.len()) as u64;
            self.entries.insert(key.clone(), value.clone());
        }
        Ok(())
    }

    fn remove_many(&mut self, keys: &[String]) -> Result<(), StoreError> {
        for key in keys {
            self.entries.remove(key);
        }
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.entries.keys().cloned().collect())
    }

    fn get_all(&self) -> Result<BTreeMap<String, String>, StoreError> {
        Ok(self.entries.clone())
    }
}
