//! The snapshot: the whole state as it was before a migration or an import, and putting it
//! back.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{is_state_key, records::encode, removal, whole_write, Batch, StoreError, SNAPSHOT_KEY};

use crate::core::sort;

/// The whole state as it was before a migration or an import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Snapshot {
    /// When it was taken, as the caller's timestamp.
    pub taken_at: String,
    /// Why, in words the user can read.
    pub reason: String,
    /// Every key except the snapshot itself, with its value exactly as it was stored.
    pub entries: BTreeMap<String, String>,
}

/// The snapshot entry for the current state `entries`.
pub fn snapshot_entry(
    entries: &BTreeMap<String, String>,
    reason: &str,
    now: &str,
) -> Result<(String, String), StoreError> {
    let snapshot = Snapshot {
        taken_at: now.to_string(),
        reason: reason.to_string(),
        entries: sort::map(
            entries
                .iter()
                .filter(|(k, _)| is_state_key(k))
                .map(|(k, v)| (k.clone(), v.clone())),
        ),
    };
    Ok((SNAPSHOT_KEY.to_string(), encode(&snapshot)?))
}

/// Reads a snapshot record.
pub fn parse_snapshot(raw: &str) -> Result<Snapshot, StoreError> {
    serde_json::from_str(raw).map_err(|e| StoreError::BadSnapshot {
        reason: e.to_string(),
    })
}

/// Reads the snapshot out of `entries`, if there is one.
pub fn read_snapshot(entries: &BTreeMap<String, String>) -> Result<Option<Snapshot>, StoreError> {
    entries
        .get(SNAPSHOT_KEY)
        .map(|raw| parse_snapshot(raw))
        .transpose()
}

/// Puts the snapshot's state back: every entry it holds is written as it was, and every other
/// key of the user's data is removed, in one write that lands whole. The snapshot stays, so
/// restoring twice is harmless.
pub fn plan_restore(entries: &BTreeMap<String, String>) -> Result<Batch, StoreError> {
    let snapshot = read_snapshot(entries)?.ok_or(StoreError::NoSnapshot)?;
    let set: Vec<(String, String)> = snapshot
        .entries
        .iter()
        .filter(|(k, v)| entries.get(*k) != Some(*v))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let remove = entries
        .keys()
        .filter(|k| is_state_key(k) && !snapshot.entries.contains_key(*k))
        .map(|k| removal(entries, k))
        .collect();
    whole_write(set, remove)
}
