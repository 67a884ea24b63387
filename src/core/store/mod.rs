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
//! | `journal` | the removals an interrupted import, restore or migration still has to make ([`journal`]) |
//! | `sync-status`, `sync-state` | this computer's browser-sync status and bookkeeping ([`super::sync`]) |
//! | `today` | what *Today* and the badge show, derived from the rest ([`super::summary`]) |
//! | `index`, `ix:00`..`ix:ff` | which applications have a contact at an address or domain ([`super::index`]) |
//!
//! One key per application keeps an edit to one small write, however many applications there
//! are. Every write of an application or of the settings names the revision it was based on; a
//! write based on anything but the stored revision is refused, so two open windows can never
//! silently overwrite each other. A record that cannot be read is reported and left exactly as
//! it is: nothing here ever rewrites or drops it, except [`Store::discard_unreadable`] on the
//! user's explicit request.
//!
//! The logic is in pure functions over raw stored text ([`prepare_put_app`], [`decode_state`],
//! [`plan_upgrade`], [`plan_restore`]...). Those that touch several keys return a
//! [`Batch`] of ordered steps. [`Store`] runs them against a synchronous [`KvStore`]; an
//! asynchronous backend (browser storage) calls the same functions and runs the same batches
//! with its own awaits, so it holds no logic of its own. Backups are planned and written by
//! [`super::backup`], on top of this module, which knows nothing of backup files.

mod batch;
mod error;
mod journal;
mod kv;
pub mod migrate;
mod records;
mod snapshot;
mod upgrade;

use std::collections::BTreeMap;

pub use batch::{Batch, Step};
pub use error::{is_valid_id, StoreError};
pub use journal::{plan_finish, removal, whole_write, JOURNAL_KEY};
pub use kv::{KvStore, MemoryStore};
pub use records::{
    decode_app, decode_settings, decode_state, encode_settings, prepare_app, prepare_delete_app,
    prepare_put_app, prepare_put_settings, stored_settings_revision, Loaded, PreparedApp,
    PreparedSettings, Problem,
};
pub use snapshot::{parse_snapshot, plan_restore, read_snapshot, snapshot_entry, Snapshot};
pub use upgrade::{plan_upgrade, UpgradePlan};

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
/// Key of today's summary (see [`super::summary`]): derived from the applications and
/// settings, never part of a snapshot, a backup or browser sync.
pub const SUMMARY_KEY: &str = "today";
/// Key of the popup's first drawing of today's summary (see `crate::ui::early_record`):
/// derived like the summary, written with it.
pub const EARLY_KEY: &str = "today-view";
/// Key of the record that says the contacts index is complete (see [`super::index`]).
pub const INDEX_KEY: &str = "index";
/// Prefix of the contacts index's buckets (see [`super::index`]).
pub const INDEX_BUCKET_PREFIX: &str = "ix:";

/// Whether `key` holds data derived from the applications and settings (today's summary, the
/// contacts index): built again from them, never kept in a snapshot.
pub fn is_derived_key(key: &str) -> bool {
    key == SUMMARY_KEY
        || key == EARLY_KEY
        || key == INDEX_KEY
        || key.starts_with(INDEX_BUCKET_PREFIX)
}

/// Whether `key` holds the user's data (applications, settings, the layout version...) rather
/// than the snapshot of it, the journal of an unfinished write or this computer's sync
/// bookkeeping: what a snapshot keeps and a restore puts back.
pub fn is_state_key(key: &str) -> bool {
    key != SNAPSHOT_KEY && key != JOURNAL_KEY && !is_derived_key(key) && !is_device_key(key)
}

/// Whether `key` describes this computer rather than the user's data: the sync status and
/// bookkeeping. Such keys are not applications or settings, are left out of snapshots, and
/// are kept when a snapshot is restored, since they describe what is in browser sync now.
pub fn is_device_key(key: &str) -> bool {
    key == SYNC_STATUS_KEY || key == SYNC_STATE_KEY
}

/// Bytes the stored entries take, keys and values as stored: what the options page shows as
/// storage used. An application's record holds all of it, a saved posting's description too.
pub fn bytes_used(entries: &std::collections::BTreeMap<String, String>) -> usize {
    entries.iter().map(|(k, v)| k.len() + v.len()).sum()
}

/// The key an application is stored under.
pub fn app_key(id: &str) -> String {
    format!("{APP_KEY_PREFIX}{id}")
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
        // An interrupted import, restore or migration is finished before anything is read.
        if kv.get(JOURNAL_KEY)?.is_some() {
            if let Some(finish) = plan_finish(&kv.get_all()?) {
                finish.run(&mut kv)?;
            }
        }
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

    /// Runs a batch of writes planned over this store's entries.
    pub fn apply(&mut self, batch: &Batch) -> Result<(), StoreError> {
        batch.run(&mut self.kv)
    }
}
