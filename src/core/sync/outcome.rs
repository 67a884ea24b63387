//! What a sync run decides, and the record copies both parts of it compare.

use std::collections::BTreeMap;

use super::status::SyncStatus;

/// Writes one sync run makes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SyncPlan {
    /// Records to write to local storage (taken from sync), verbatim.
    pub pull: Vec<(String, String)>,
    /// Items to write to browser sync, in one `set`.
    pub push: Vec<(String, String)>,
    /// Items to remove from browser sync, in one `remove`.
    pub remove: Vec<String>,
    /// The status after the run.
    pub status: SyncStatus,
    /// The bookkeeping after the run (write times are the caller's to add).
    pub base: BTreeMap<String, u32>,
    /// Application records to remove from local storage: deleted on another computer, and not
    /// edited here since.
    pub delete_local: Vec<String>,
}

impl SyncPlan {
    /// Writes to browser sync this plan makes (0, 1 or 2).
    pub fn sync_writes(&self) -> usize {
        usize::from(!self.push.is_empty()) + usize::from(!self.remove.is_empty())
    }
}

/// One readable record: its revision and its text.
#[derive(Clone, Copy)]
pub struct Copy<'a> {
    pub revision: u32,
    pub raw: &'a str,
}

impl Copy<'_> {
    /// Higher revision first; on equal revisions the larger text, so both sides agree.
    pub fn newer_than(&self, other: &Copy<'_>) -> bool {
        (self.revision, self.raw) > (other.revision, other.raw)
    }
}

pub fn kb(bytes: usize) -> usize {
    bytes.div_ceil(1024)
}

pub fn clamp(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
