//! Storage that never loses an application.
//!
//! Everything is kept in one key/value store whose values are JSON text:
//!
//! | key | value |
//! |---|---|
//! | `schema` | `{"version": 2}`: the layout version ([`migrate::CURRENT_VERSION`]) |
//! | `settings` | the [`Settings`] fields plus a `revision` |
//! | `app:<id>` | one [`Application`], with its `revision` |
//! | `snapshot` | the whole previous state, taken before a migration or an import |
//! | `sync-status`, `sync-state` | this computer's browser-sync status and bookkeeping ([`super::sync`]) |
//!
//! One key per application keeps an edit to one small write, however many applications there
//! are. Every write of an application or of the settings names the revision it was based on; a
//! write based on anything but the stored revision is refused, so two open windows can never
//! silently overwrite each other. A record that cannot be read is reported and left exactly as
//! it is: nothing here ever rewrites or drops it, except [`Store::discard_unreadable`] on the
//! user's explicit request.
//!
//! The logic is in pure functions over raw stored text ([`prepare_put_app`], [`decode_state`],
//! [`plan_upgrade`], [`plan_import_batch`]...). Those that touch several keys return a
//! [`Batch`] of ordered steps. [`Store`] runs them against a synchronous [`KvStore`]; an
//! asynchronous backend (browser storage) calls the same functions and runs the same batches
//! with its own awaits, so it holds no logic of its own.

pub mod migrate;

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::backup::{self, ImportError, ImportMode, ImportPlan, ImportReport, PlannedWrite};
use super::model::{Application, Settings};

/// Key of the layout version record.
pub const SCHEMA_KEY: &str = "schema";
/// Key of the settings record.
pub const SETTINGS_KEY: &str = "settings";
/// Key of the snapshot of the previous state.
pub const SNAPSHOT_KEY: &str = "snapshot";
/// Prefix of application records: `app:<id>`.
pub const APP_KEY_PREFIX: &str = "app:";
/// Key of the browser-sync status the options page shows (see [`super::sync::SyncStatus`]).
pub const SYNC_STATUS_KEY: &str = "sync-status";
/// Key of the browser-sync bookkeeping (see [`super::sync::SyncState`]).
pub const SYNC_STATE_KEY: &str = "sync-state";

/// Whether `key` describes this computer rather than the user's data: the sync status and
/// bookkeeping. Such keys are not applications or settings, are left out of snapshots, and
/// are kept when a snapshot is restored, since they describe what is in browser sync now.
pub fn is_device_key(key: &str) -> bool {
    key == SYNC_STATUS_KEY || key == SYNC_STATE_KEY
}

/// The key an application is stored under.
pub fn app_key(id: &str) -> String {
    format!("{APP_KEY_PREFIX}{id}")
}

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

/// Why a storage operation was refused. Nothing was written when one of these is returned,
/// except for [`StoreError::Backend`], which reports whatever the backend itself did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The storage backend failed (quota, unavailable...).
    Backend(String),
    /// The write was based on revision `yours` but `stored` is stored (0: no record).
    Conflict { id: String, stored: u32, yours: u32 },
    /// The record under `key` cannot be read; it is kept and never written over.
    Unreadable { key: String, reason: String },
    /// An application without an id cannot be stored.
    MissingId,
    /// The id has a control character: browser storage cuts keys at NUL, so two such ids
    /// could share a record.
    InvalidId { id: String },
    /// The data was written by a newer version of the extension.
    FutureVersion { found: u32, supported: u32 },
    /// The `schema` record cannot be read.
    BadSchema { reason: String },
    /// Data of an older layout could not be converted.
    Migration { from: u32, reason: String },
    /// There is no snapshot to restore.
    NoSnapshot,
    /// The snapshot record cannot be read.
    BadSnapshot { reason: String },
    /// [`Store::discard_unreadable`] was asked to remove a record that reads fine.
    NotUnreadable { key: String },
    /// A value could not be turned into JSON.
    Encode(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Backend(reason) => write!(
                f,
                "The browser's storage could not be used ({reason}). Try again; if it keeps \
                 failing, export a backup."
            ),
            StoreError::Conflict { id, stored: 0, .. } => write!(
                f,
                "Application \"{id}\" was deleted in another window, so this change was not \
                 saved. Reload to see the current list."
            ),
            StoreError::Conflict { id, stored, yours } => write!(
                f,
                "Application \"{id}\" was changed in another window (stored revision {stored}, \
                 this one is based on {yours}), so this change was not saved. Reload it and make \
                 the change again."
            ),
            StoreError::Unreadable { key, reason } => write!(
                f,
                "The stored record \"{key}\" cannot be read ({reason}). It was left untouched; \
                 export a backup, then repair or discard that record before saving over it."
            ),
            StoreError::MissingId => f.write_str("An application needs an id before it is saved."),
            StoreError::InvalidId { id } => write!(
                f,
                "The application id {} has a control character (a line break, tab or NUL), \
                 which storage cannot keep apart from other ids; it was not saved.",
                shown_id(id)
            ),
            StoreError::FutureVersion { found, supported } => write!(
                f,
                "The stored data was written by a newer version of Follow-up (data version \
                 {found}; this version reads up to {supported}). Update the extension; nothing \
                 was changed."
            ),
            StoreError::BadSchema { reason } => write!(
                f,
                "The stored data version record cannot be read ({reason}); nothing was changed."
            ),
            StoreError::Migration { from, reason } => write!(
                f,
                "Stored data of version {from} could not be upgraded ({reason}); nothing was \
                 changed."
            ),
            StoreError::NoSnapshot => f.write_str("There is no earlier state saved to restore."),
            StoreError::BadSnapshot { reason } => write!(
                f,
                "The saved earlier state cannot be read ({reason}); nothing was changed."
            ),
            StoreError::NotUnreadable { key } => write!(
                f,
                "The stored record \"{key}\" reads fine, so it was not discarded. Delete it from \
                 the list instead."
            ),
            StoreError::Encode(reason) => write!(f, "A record could not be encoded ({reason})."),
        }
    }
}

impl std::error::Error for StoreError {}

/// Whether `id` can name an application record. Browser storage truncates keys at NUL
/// (Chromium's `chrome.storage` does), so ids with control characters are refused rather than
/// risk two applications sharing one key.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && !id.chars().any(char::is_control)
}

/// An id for a message: quoted, control characters escaped, long ones shortened.
fn shown_id(id: &str) -> String {
    let quoted = format!("{id:?}");
    if quoted.chars().count() > 60 {
        format!("{}...\"", quoted.chars().take(57).collect::<String>())
    } else {
        quoted
    }
}

fn encode<T: Serialize + ?Sized>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Encode(e.to_string()))
}

/// A stored record that could not be read. It stays in storage unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub key: String,
    pub reason: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "The stored record \"{}\" cannot be read ({}); it is kept unchanged.",
            self.key, self.reason
        )
    }
}

/// Everything readable in storage, plus what was not.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Loaded {
    /// Readable applications, by id.
    pub apps: Vec<Application>,
    /// The stored settings, or the defaults when none are stored or they cannot be read.
    pub settings: Settings,
    /// The revision to pass to [`Store::put_settings`] (0: none stored).
    pub settings_revision: u32,
    /// Records that could not be read, by key.
    pub problems: Vec<Problem>,
}

/// The revision kept in the settings record beside the settings' own fields. Read in a pass
/// of its own: a flattened struct would make serde buffer the whole record generically.
#[derive(Deserialize)]
struct SettingsRevision {
    #[serde(default)]
    revision: u32,
}

#[derive(Serialize)]
struct StoredSettingsRef<'a> {
    revision: u32,
    #[serde(flatten)]
    settings: &'a Settings,
}

/// Reads an application record. Besides being valid, it must hold the application its key
/// names: a record moved under another key is reported rather than trusted.
pub fn decode_app(key: &str, raw: &str) -> Result<Application, String> {
    let app: Application = serde_json::from_str(raw).map_err(|e| e.to_string())?;
    let id = key.strip_prefix(APP_KEY_PREFIX).unwrap_or(key);
    if app.id.is_empty() {
        return Err("the application in it has no id".into());
    }
    if app.id != id {
        return Err(format!("it holds application \"{}\" instead", app.id));
    }
    Ok(app)
}

/// Reads the settings record: the settings and their revision.
pub fn decode_settings(raw: &str) -> Result<(Settings, u32), String> {
    let settings: Settings = serde_json::from_str(raw).map_err(|e| e.to_string())?;
    let stored: SettingsRevision = serde_json::from_str(raw).map_err(|e| e.to_string())?;
    Ok((settings, stored.revision))
}

/// The settings record for `settings` at `revision`.
pub fn encode_settings(settings: &Settings, revision: u32) -> Result<String, StoreError> {
    encode(&StoredSettingsRef { revision, settings })
}

/// Reads every application and the settings out of a current-layout key/value map. Keys of
/// other kinds (the schema, the snapshot, the sync status, anything unknown) are ignored;
/// unreadable records become [`Problem`]s.
pub fn decode_state(entries: &BTreeMap<String, String>) -> Loaded {
    let mut loaded = Loaded::default();
    for (key, raw) in entries {
        if key.starts_with(APP_KEY_PREFIX) {
            match decode_app(key, raw) {
                Ok(app) => loaded.apps.push(app),
                Err(reason) => loaded.problems.push(Problem {
                    key: key.clone(),
                    reason,
                }),
            }
        } else if key == SETTINGS_KEY {
            match decode_settings(raw) {
                Ok((settings, revision)) => {
                    loaded.settings = settings;
                    loaded.settings_revision = revision;
                }
                Err(reason) => loaded.problems.push(Problem {
                    key: key.clone(),
                    reason,
                }),
            }
        }
    }
    loaded.apps.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    loaded
}

/// One checked application write: store `value` under `key`; `app` is what was stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedApp {
    pub key: String,
    pub value: String,
    /// The application with its new revision, for the caller to keep editing.
    pub app: Application,
}

/// Checks an application write against the stored record (`stored`: its raw text, if any)
/// and prepares it. `app.revision` must equal the stored revision (0 when there is none); the
/// stored revision becomes one more.
pub fn prepare_put_app(stored: Option<&str>, app: Application) -> Result<PreparedApp, StoreError> {
    let base = app.revision;
    prepare_app(stored, app, base, 0)
}

/// Checks one write of an import like [`prepare_put_app`], against the revision it was
/// planned on; the stored revision becomes the larger of the backup's and the stored one
/// plus one.
pub fn prepare_import_write(
    stored: Option<&str>,
    write: &PlannedWrite,
) -> Result<PreparedApp, StoreError> {
    prepare_app(
        stored,
        write.app.clone(),
        write.base_revision,
        write.app.revision,
    )
}

fn prepare_app(
    stored: Option<&str>,
    mut app: Application,
    base: u32,
    at_least: u32,
) -> Result<PreparedApp, StoreError> {
    if app.id.is_empty() {
        return Err(StoreError::MissingId);
    }
    if !is_valid_id(&app.id) {
        return Err(StoreError::InvalidId { id: app.id });
    }
    let key = app_key(&app.id);
    let stored_revision = match stored {
        None => 0,
        Some(raw) => {
            decode_app(&key, raw)
                .map_err(|reason| StoreError::Unreadable {
                    key: key.clone(),
                    reason,
                })?
                .revision
        }
    };
    if base != stored_revision {
        return Err(StoreError::Conflict {
            id: app.id,
            stored: stored_revision,
            yours: base,
        });
    }
    app.revision = stored_revision.saturating_add(1).max(at_least);
    let value = encode(&app)?;
    Ok(PreparedApp { key, value, app })
}

/// Checks a deletion against the stored record and returns the key to remove (`None`: the
/// application is already gone, which is what was asked).
pub fn prepare_delete_app(
    id: &str,
    stored: Option<&str>,
    revision: u32,
) -> Result<Option<String>, StoreError> {
    let key = app_key(id);
    let Some(raw) = stored else {
        return Ok(None);
    };
    let app = decode_app(&key, raw).map_err(|reason| StoreError::Unreadable {
        key: key.clone(),
        reason,
    })?;
    if app.revision != revision {
        return Err(StoreError::Conflict {
            id: id.to_string(),
            stored: app.revision,
            yours: revision,
        });
    }
    Ok(Some(key))
}

/// The settings record to write and its new revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedSettings {
    pub value: String,
    pub revision: u32,
}

/// Checks a settings write against the stored record, like [`prepare_put_app`].
pub fn prepare_put_settings(
    stored: Option<&str>,
    settings: &Settings,
    revision: u32,
) -> Result<PreparedSettings, StoreError> {
    let stored_revision = stored_settings_revision(stored)?;
    if revision != stored_revision {
        return Err(StoreError::Conflict {
            id: SETTINGS_KEY.into(),
            stored: stored_revision,
            yours: revision,
        });
    }
    let revision = stored_revision.saturating_add(1);
    Ok(PreparedSettings {
        value: encode_settings(settings, revision)?,
        revision,
    })
}

fn stored_settings_revision(stored: Option<&str>) -> Result<u32, StoreError> {
    match stored {
        None => Ok(0),
        Some(raw) => decode_settings(raw)
            .map(|(_, revision)| revision)
            .map_err(|reason| StoreError::Unreadable {
                key: SETTINGS_KEY.into(),
                reason,
            }),
    }
}

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
    /// One step that stores `entries`.
    pub fn of_set(entries: Vec<(String, String)>) -> Self {
        Batch::default().set(entries)
    }

    /// One step that removes `keys`.
    pub fn of_remove(keys: Vec<String>) -> Self {
        Batch::default().remove(keys)
    }

    /// Whether the batch writes nothing.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    fn set(mut self, entries: Vec<(String, String)>) -> Self {
        if !entries.is_empty() {
            self.steps.push(Step::Set(entries));
        }
        self
    }

    fn remove(mut self, keys: Vec<String>) -> Self {
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
        entries: entries
            .iter()
            .filter(|(k, _)| *k != SNAPSHOT_KEY && !is_device_key(k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
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
/// key except the snapshot itself is removed. The snapshot stays, so restoring twice is harmless.
pub fn plan_restore(entries: &BTreeMap<String, String>) -> Result<Batch, StoreError> {
    let snapshot = read_snapshot(entries)?.ok_or(StoreError::NoSnapshot)?;
    let set: Vec<(String, String)> = snapshot
        .entries
        .iter()
        .filter(|(k, v)| entries.get(*k) != Some(*v))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let remove: Vec<String> = entries
        .keys()
        .filter(|k| *k != SNAPSHOT_KEY && !is_device_key(k) && !snapshot.entries.contains_key(*k))
        .cloned()
        .collect();
    Ok(Batch::default().set(set).remove(remove))
}

/// What opening a store found and what it will write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpgradePlan {
    /// The layout version found (`None`: empty storage).
    pub found: Option<u32>,
    /// Empty when storage is already current.
    pub batch: Batch,
}

/// Brings a key/value map to the current layout. Data of an older version is converted by
/// [`migrate::migrate_to_current`]; the batch first saves a snapshot of the old state, then
/// writes the converted records, removes the old keys, and writes the new `schema` record
/// last, so the version changes only once everything else is in place. Data of a newer
/// version is refused and nothing is written.
///
/// An interrupted conversion is finished at the next start: when the stored snapshot is the
/// old state of this same conversion and storage holds nothing but that state with part of
/// the conversion applied, the conversion is planned again from the snapshot, which is kept.
pub fn plan_upgrade(
    entries: &BTreeMap<String, String>,
    now: &str,
) -> Result<UpgradePlan, StoreError> {
    let found = migrate::stored_version(entries)?;
    let schema = || {
        vec![(
            SCHEMA_KEY.to_string(),
            migrate::schema_value(migrate::CURRENT_VERSION),
        )]
    };
    let batch = match found {
        Some(migrate::CURRENT_VERSION) if entries.contains_key(SCHEMA_KEY) => Batch::default(),
        Some(version) if version > migrate::CURRENT_VERSION => {
            return Err(StoreError::FutureVersion {
                found: version,
                supported: migrate::CURRENT_VERSION,
            });
        }
        Some(version) if version < migrate::CURRENT_VERSION => {
            let (converted, snapshot) = match resumable_conversion(entries, version) {
                Some(converted) => (converted, None),
                None => {
                    let reason = format!(
                        "before upgrading stored data from version {version} to {}",
                        migrate::CURRENT_VERSION
                    );
                    (
                        migrate::migrate_to_current(entries, version)?,
                        Some(snapshot_entry(entries, &reason, now)?),
                    )
                }
            };
            let changed: Vec<(String, String)> = converted
                .iter()
                .filter(|(k, v)| {
                    *k != SCHEMA_KEY && *k != SNAPSHOT_KEY && entries.get(*k) != Some(*v)
                })
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let removed: Vec<String> = entries
                .keys()
                .filter(|k| *k != SNAPSHOT_KEY && !converted.contains_key(*k))
                .cloned()
                .collect();
            Batch::default()
                .set(snapshot.into_iter().collect())
                .set(changed)
                .remove(removed)
                .set(schema())
        }
        // Empty storage, or current records without a schema record: just record the version.
        _ => Batch::default().set(schema()),
    };
    Ok(UpgradePlan { found, batch })
}

/// The conversion of the snapshot's state, when `entries` is that state with part of the same
/// conversion applied: every key holds either its value before or its value after.
fn resumable_conversion(
    entries: &BTreeMap<String, String>,
    version: u32,
) -> Option<BTreeMap<String, String>> {
    let snapshot = read_snapshot(entries).ok()??;
    if migrate::stored_version(&snapshot.entries).ok()? != Some(version) {
        return None;
    }
    let converted = migrate::migrate_to_current(&snapshot.entries, version).ok()?;
    let partial = entries
        .keys()
        .chain(snapshot.entries.keys())
        .filter(|k| *k != SNAPSHOT_KEY && !is_device_key(k))
        .all(|k| entries.get(k) == snapshot.entries.get(k) || entries.get(k) == converted.get(k));
    partial.then_some(converted)
}

/// Checks an import plan against the stored records and turns it into writes. Every
/// application write and deletion is checked first (a conflict or an unreadable record refuses
/// the whole import); the batch then saves a snapshot of the current state before writing.
pub fn plan_import_batch(
    entries: &BTreeMap<String, String>,
    plan: &ImportPlan,
    now: &str,
) -> Result<Batch, StoreError> {
    let stored = |key: &str| entries.get(key).map(String::as_str);
    let mut set = Vec::with_capacity(plan.to_write.len() + 1);
    for write in &plan.to_write {
        let prepared = prepare_import_write(stored(&app_key(&write.app.id)), write)?;
        set.push((prepared.key, prepared.value));
    }
    let mut remove = Vec::with_capacity(plan.to_delete.len());
    for gone in &plan.to_delete {
        if let Some(key) = prepare_delete_app(&gone.id, stored(&app_key(&gone.id)), gone.revision)?
        {
            remove.push(key);
        }
    }
    if let Some(settings) = &plan.settings {
        let current = stored(SETTINGS_KEY);
        let prepared = prepare_put_settings(current, settings, stored_settings_revision(current)?)?;
        set.push((SETTINGS_KEY.to_string(), prepared.value));
    }
    if set.is_empty() && remove.is_empty() {
        return Ok(Batch::default());
    }
    let snapshot = snapshot_entry(entries, "before importing a backup", now)?;
    Ok(Batch::default().set(vec![snapshot]).set(set).remove(remove))
}

/// The store: a [`KvStore`] known to hold the current layout.
#[derive(Debug)]
pub struct Store<K: KvStore> {
    kv: K,
    migrated_from: Option<u32>,
}

impl<K: KvStore> Store<K> {
    /// Opens storage, converting data of an older layout first (after saving a snapshot of it).
    /// Data of a newer version is refused and left as it is.
    pub fn open(mut kv: K, now: &str) -> Result<Self, StoreError> {
        // The common case reads one small record, not everything.
        if migrate::is_current_schema(kv.get(SCHEMA_KEY)?.as_deref()) {
            return Ok(Store {
                kv,
                migrated_from: None,
            });
        }
        let plan = plan_upgrade(&kv.get_all()?, now)?;
        plan.batch.run(&mut kv)?;
        let migrated_from = plan.found.filter(|v| *v < migrate::CURRENT_VERSION);
        Ok(Store { kv, migrated_from })
    }

    /// The layout version converted from when the store was opened, if a conversion ran.
    pub fn migrated_from(&self) -> Option<u32> {
        self.migrated_from
    }

    /// The underlying key/value store.
    pub fn kv(&self) -> &K {
        &self.kv
    }

    /// Gives the underlying key/value store back.
    pub fn into_inner(self) -> K {
        self.kv
    }

    /// Reads every application and the settings. Unreadable records are reported in
    /// [`Loaded::problems`] and stay in storage unchanged.
    pub fn load_all(&self) -> Result<Loaded, StoreError> {
        let mut entries = BTreeMap::new();
        for key in self.kv.keys()? {
            if key.starts_with(APP_KEY_PREFIX) || key == SETTINGS_KEY {
                if let Some(value) = self.kv.get(&key)? {
                    entries.insert(key, value);
                }
            }
        }
        Ok(decode_state(&entries))
    }

    /// Saves one application. `app.revision` must be the revision it was loaded with (0 for a
    /// new one); the stored application, with its new revision, is returned.
    pub fn put_app(&mut self, app: Application) -> Result<Application, StoreError> {
        let stored = self.kv.get(&app_key(&app.id))?;
        let prepared = prepare_put_app(stored.as_deref(), app)?;
        self.kv.set_many(&[(prepared.key, prepared.value)])?;
        Ok(prepared.app)
    }

    /// Deletes one application, if `revision` is the stored one.
    pub fn delete_app(&mut self, id: &str, revision: u32) -> Result<(), StoreError> {
        let stored = self.kv.get(&app_key(id))?;
        if let Some(key) = prepare_delete_app(id, stored.as_deref(), revision)? {
            self.kv.remove_many(&[key])?;
        }
        Ok(())
    }

    /// Saves the settings, if `revision` is the stored one ([`Loaded::settings_revision`]);
    /// returns the new revision.
    pub fn put_settings(&mut self, settings: &Settings, revision: u32) -> Result<u32, StoreError> {
        let stored = self.kv.get(SETTINGS_KEY)?;
        let prepared = prepare_put_settings(stored.as_deref(), settings, revision)?;
        self.kv
            .set_many(&[(SETTINGS_KEY.to_string(), prepared.value)])?;
        Ok(prepared.revision)
    }

    /// Removes a record reported as unreadable, on the user's explicit request. A record that
    /// reads fine is refused: applications are deleted with [`Store::delete_app`].
    pub fn discard_unreadable(&mut self, key: &str) -> Result<(), StoreError> {
        let Some(raw) = self.kv.get(key)? else {
            return Ok(());
        };
        let readable = if key == SETTINGS_KEY {
            decode_settings(&raw).is_ok()
        } else if key.starts_with(APP_KEY_PREFIX) {
            decode_app(key, &raw).is_ok()
        } else {
            // Only application and settings records are ever reported as unreadable.
            true
        };
        if readable {
            return Err(StoreError::NotUnreadable {
                key: key.to_string(),
            });
        }
        self.kv.remove_many(&[key.to_string()])
    }

    /// Saves the current state as the snapshot, replacing the previous one.
    pub fn take_snapshot(&mut self, reason: &str, now: &str) -> Result<(), StoreError> {
        let entry = snapshot_entry(&self.kv.get_all()?, reason, now)?;
        self.kv.set_many(&[entry])
    }

    /// The saved snapshot, if any.
    pub fn snapshot(&self) -> Result<Option<Snapshot>, StoreError> {
        self.kv
            .get(SNAPSHOT_KEY)?
            .map(|raw| parse_snapshot(&raw))
            .transpose()
    }

    /// Puts the snapshot's state back, replacing the current one. A snapshot taken before a
    /// migration holds the old layout, which is converted again right away.
    pub fn restore_snapshot(&mut self, now: &str) -> Result<(), StoreError> {
        plan_restore(&self.kv.get_all()?)?.run(&mut self.kv)?;
        plan_upgrade(&self.kv.get_all()?, now)?
            .batch
            .run(&mut self.kv)
    }

    /// A backup of every readable application and the settings (see [`backup::export_backup`]).
    pub fn export_backup(&self, exported_at: &str) -> Result<String, StoreError> {
        let loaded = self.load_all()?;
        Ok(backup::export_backup(
            &loaded.apps,
            &loaded.settings,
            exported_at,
        ))
    }

    /// Writes an [`ImportPlan`] after a snapshot of the current state. Every write is checked
    /// before the first one happens.
    pub fn apply_import(&mut self, plan: &ImportPlan, now: &str) -> Result<(), StoreError> {
        plan_import_batch(&self.kv.get_all()?, plan, now)?.run(&mut self.kv)
    }

    /// Validates a backup file in full, plans the import and applies it. A file with any
    /// problem is refused before anything is written.
    pub fn import_backup(
        &mut self,
        text: &str,
        mode: ImportMode,
        now: &str,
    ) -> Result<ImportReport, ImportError> {
        let parsed = backup::parse_backup(text)?;
        let existing = self.load_all().map_err(ImportError::Storage)?;
        let plan = backup::plan_import(&existing.apps, &parsed, mode);
        self.apply_import(&plan, now)
            .map_err(ImportError::Storage)?;
        Ok(plan.report)
    }
}
