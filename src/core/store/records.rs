//! The records themselves: reading and writing an application or the settings as stored
//! text, and checking each write against the revision it was based on.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::{app_key, is_valid_id, StoreError, APP_KEY_PREFIX, SETTINGS_KEY};
use crate::core::model::{Application, Settings};
use crate::core::sort;

pub(super) fn encode<T: Serialize + ?Sized>(value: &T) -> Result<String, StoreError> {
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
    sort::sort_by(&mut loaded.apps, |a, b| a.id.cmp(&b.id));
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

/// Checks an application write against the stored record like [`prepare_put_app`], based on
/// revision `base`; the stored revision becomes the larger of `at_least` and the stored one plus
/// one (an import keeps a backup's higher revision).
pub fn prepare_app(
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

/// The revision of a raw settings record (0: none stored).
pub fn stored_settings_revision(stored: Option<&str>) -> Result<u32, StoreError> {
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
