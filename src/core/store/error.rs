//! Why a storage operation was refused, in words the user can act on: a code with arguments
//! ([`Coded`], worded through `_locales`), and the English sentence as its `Display`.

use std::fmt;

use crate::core::words::{Arg, Coded};

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

impl Coded for StoreError {
    fn key(&self) -> &'static str {
        match self {
            StoreError::Backend(_) => "storeBackend",
            StoreError::Conflict { stored: 0, .. } => "storeDeleted",
            StoreError::Conflict { .. } => "storeConflict",
            StoreError::Unreadable { .. } => "storeUnreadable",
            StoreError::MissingId => "storeMissingId",
            StoreError::InvalidId { .. } => "storeInvalidId",
            StoreError::FutureVersion { .. } => "storeFutureVersion",
            StoreError::BadSchema { .. } => "storeBadSchema",
            StoreError::Migration { .. } => "storeMigration",
            StoreError::NoSnapshot => "storeNoSnapshot",
            StoreError::BadSnapshot { .. } => "storeBadSnapshot",
            StoreError::NotUnreadable { .. } => "storeNotUnreadable",
            StoreError::Encode(_) => "storeEncode",
        }
    }

    fn coded_args(&self) -> Vec<(&'static str, Arg)> {
        let number = |n: &u32| Arg::Number(u64::from(*n));
        match self {
            StoreError::Backend(reason)
            | StoreError::BadSchema { reason }
            | StoreError::BadSnapshot { reason }
            | StoreError::Encode(reason) => vec![("reason", Arg::text(reason))],
            StoreError::Conflict { id, stored: 0, .. } => vec![("id", Arg::text(id))],
            StoreError::Conflict { id, stored, yours } => vec![
                ("id", Arg::text(id)),
                ("stored", number(stored)),
                ("yours", number(yours)),
            ],
            StoreError::Unreadable { key, reason } => {
                vec![("key", Arg::text(key)), ("reason", Arg::text(reason))]
            }
            StoreError::MissingId | StoreError::NoSnapshot => Vec::new(),
            StoreError::InvalidId { id } => vec![("id", Arg::Text(shown_id(id)))],
            StoreError::FutureVersion { found, supported } => {
                vec![("found", number(found)), ("supported", number(supported))]
            }
            StoreError::Migration { from, reason } => {
                vec![("from", number(from)), ("reason", Arg::text(reason))]
            }
            StoreError::NotUnreadable { key } => vec![("key", Arg::text(key))],
        }
    }
}

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
