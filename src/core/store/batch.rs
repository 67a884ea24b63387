//! Ordered writes, run the same way by the synchronous store and by the browser backends.

use super::{KvStore, StoreError};

/// Ordered writes. Steps run one after the other so that a failure part-way leaves storage
/// in a state the next start understands (see [`plan_upgrade`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Batch {
    pub steps: Vec<Step>,
}

/// One step of a [`Batch`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Set(Vec<(String, String)>),
    Remove(Vec<String>),
}

impl Batch {
    /// Whether the batch writes nothing.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The batch with one more `set` step (none when `entries` is empty).
    pub fn set(mut self, entries: Vec<(String, String)>) -> Self {
        if !entries.is_empty() {
            self.steps.push(Step::Set(entries));
        }
        self
    }

    /// The batch with one more `remove` step (none when `keys` is empty).
    pub fn remove(mut self, keys: Vec<String>) -> Self {
        if !keys.is_empty() {
            self.steps.push(Step::Remove(keys));
        }
        self
    }

    /// Runs every step in order, stopping at the first failure.
    pub fn run<K: KvStore + ?Sized>(&self, kv: &mut K) -> Result<(), StoreError> {
        for step in &self.steps {
            match step {
                Step::Set(entries) => kv.set_many(entries)?,
                Step::Remove(keys) => kv.remove_many(keys)?,
            }
        }
        Ok(())
    }
}
