//! Writes that must land whole: an import, a restore, a migration step.
//!
//! Browser storage writes many keys in one operation (`chrome.storage.local.set` is one
//! transaction in Chromium and Firefox) but removes them in another. So such a write is two
//! operations: one `set` with the snapshot, every new record and a journal naming the keys to
//! remove, then one `remove` of those keys and the journal. A worker stopped before the first
//! leaves storage as it was; stopped between the two, it leaves the journal, which is finished
//! before anything reads storage again ([`plan_finish`]). There is never a half-written state
//! for a retry to take a snapshot of.
//!
//! The journal keeps each application's revision as it was planned: a removal is finished only
//! for a record still at that revision, so an edit saved in between is never lost. It is stored
//! as `{"remove": {"app:acme": 3, "applications": null}}`: a key to remove and its application
//! revision, `null` for other records (the old layout's keys). It is read and written as a
//! plain JSON value, whose code the WebAssembly has anyway, rather than with a type of its own.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::{decode_app, records::encode, Batch, StoreError, APP_KEY_PREFIX};

/// Key of the journal of an unfinished write.
pub const JOURNAL_KEY: &str = "journal";

/// A key to remove and, for an application record, the revision stored under it now.
pub fn removal(entries: &BTreeMap<String, String>, key: &str) -> (String, Option<u32>) {
    let revision = entries
        .get(key)
        .filter(|_| key.starts_with(APP_KEY_PREFIX))
        .and_then(|raw| decode_app(key, raw).ok())
        .map(|app| app.revision);
    (key.to_string(), revision)
}

/// `set` and `remove` as one write that lands whole (see the module documentation).
pub fn whole_write(
    mut set: Vec<(String, String)>,
    remove: Vec<(String, Option<u32>)>,
) -> Result<Batch, StoreError> {
    if remove.is_empty() {
        return Ok(Batch::default().set(set));
    }
    let mut keys: Vec<String> = remove.iter().map(|(key, _)| key.clone()).collect();
    keys.push(JOURNAL_KEY.to_string());
    let mut planned = Map::new();
    planned.extend(
        remove
            .into_iter()
            .map(|(key, revision)| (key, revision.map_or(Value::Null, Value::from))),
    );
    let mut journal = Map::new();
    journal.insert("remove".to_string(), Value::Object(planned));
    let journal = Value::Object(journal);
    set.push((JOURNAL_KEY.to_string(), encode(&journal)?));
    Ok(Batch::default().set(set).remove(keys))
}

/// The removal that finishes an interrupted write, when `entries` holds a journal: the keys it
/// names whose record is still the one planned on, and the journal itself. `None`: no journal.
/// An unreadable journal is removed alone: it names nothing that can be trusted.
pub fn plan_finish(entries: &BTreeMap<String, String>) -> Option<Batch> {
    let raw = entries.get(JOURNAL_KEY)?;
    let journal: Value = serde_json::from_str(raw).unwrap_or_default();
    let planned = journal.get("remove").and_then(Value::as_object);
    let mut keys: Vec<String> = planned
        .into_iter()
        .flatten()
        .filter(|(key, planned)| {
            let revision = planned.as_u64().and_then(|r| u32::try_from(r).ok());
            entries.contains_key(*key) && removal(entries, key).1 == revision
        })
        .map(|(key, _)| key.clone())
        .collect();
    keys.push(JOURNAL_KEY.to_string());
    Some(Batch::default().remove(keys))
}
