//! Raw key/value backends: `chrome.storage.local` (extension), `localStorage` (www/),
//! `chrome.storage.sync` (the opt-in copy shared with the user's other computers) and
//! `chrome.storage.session` (the service worker's memory across restarts, never on disk and
//! closed to content scripts).
//! Values are JSON strings; every backend sees the same keys. Nothing here knows what a
//! record means: revisions, migrations and snapshots live in `core::store`.

use std::collections::BTreeMap;

use gloo_storage::{LocalStorage, Storage};
use js_sys::{Array, Object, Promise, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::core::protocol::PortError;
use crate::core::store::{EARLY_KEY, SUMMARY_KEY};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = get, catch)]
    fn chrome_get(keys: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = set, catch)]
    fn chrome_set(items: &Object) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = remove, catch)]
    fn chrome_remove(keys: &Array) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "sync"], js_name = get, catch)]
    fn sync_get(keys: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "sync"], js_name = set, catch)]
    fn sync_set(items: &Object) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "sync"], js_name = remove, catch)]
    fn sync_remove(keys: &Array) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "session"], js_name = get, catch)]
    fn session_get(keys: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "session"], js_name = set, catch)]
    fn session_set(items: &Object) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "session"], js_name = remove, catch)]
    fn session_remove(keys: &Array) -> Result<Promise, JsValue>;
}

/// Where the key/value pairs live.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kv {
    /// `chrome.storage.local`, shared by the service worker and the extension's pages.
    Extension,
    /// The page's `localStorage`, under a prefix so other data on the origin is left alone.
    Page,
    /// `chrome.storage.sync`: small, rate-limited, shared with the user's other computers.
    Sync,
    /// `chrome.storage.session`: kept in memory while the browser runs.
    Session,
}

/// Prefix of this app's keys in `localStorage`.
pub(crate) const PAGE_PREFIX: &str = "followup.";

/// A storage failure, with the browser's own words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KvError(pub String);

impl KvError {
    /// Whether the browser refused the write because its storage is full.
    pub fn is_quota(&self) -> bool {
        let text = self.0.to_ascii_lowercase();
        text.contains("quota") || text.contains("storage is full")
    }
}

impl KvError {
    /// The failure as the user is told it.
    pub fn refusal(&self) -> PortError {
        let detail = self.0.clone();
        if self.is_quota() {
            PortError::StorageFull { detail }
        } else {
            PortError::StorageFailed { detail }
        }
    }
}

impl std::fmt::Display for KvError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.refusal().fmt(f)
    }
}

impl From<JsValue> for KvError {
    fn from(e: JsValue) -> Self {
        let name = Reflect::get(&e, &JsValue::from_str("name"))
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        let text = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| format!("{e:?}"));
        if name == "QuotaExceededError" && !text.to_ascii_lowercase().contains("quota") {
            return KvError(format!("{name}: {text}"));
        }
        KvError(text)
    }
}

/// A stored value as a JSON string: strings are stored as they are; any other JSON value
/// (written by hand or by an older version) is turned back into its JSON text.
fn as_json(value: &JsValue) -> Result<String, KvError> {
    match value.as_string() {
        Some(s) => Ok(s),
        None => JSON::stringify(value)
            .map(String::from)
            .map_err(KvError::from),
    }
}

/// The `{key: value}` object `chrome.storage` answers a read with, as keys and JSON texts.
pub fn entries_of(items: &JsValue) -> Result<BTreeMap<String, String>, KvError> {
    let mut out = BTreeMap::new();
    let Some(items) = items.dyn_ref::<Object>() else {
        return Ok(out);
    };
    for entry in Object::entries(items).iter() {
        let pair: Array = entry.unchecked_into();
        if let Some(key) = pair.get(0).as_string() {
            out.insert(key, as_json(&pair.get(1))?);
        }
    }
    Ok(out)
}

impl Kv {
    /// Every key and value.
    pub async fn all(self) -> Result<BTreeMap<String, String>, KvError> {
        match self {
            Kv::Extension | Kv::Sync | Kv::Session => {
                let promise = match self {
                    Kv::Sync => sync_get(&JsValue::NULL)?,
                    Kv::Session => session_get(&JsValue::NULL)?,
                    _ => chrome_get(&JsValue::NULL)?,
                };
                let items = JsFuture::from(promise).await?;
                entries_of(&items)
            }
            Kv::Page => {
                let storage = LocalStorage::raw();
                let len = storage.length().map_err(KvError::from)?;
                let mut out = BTreeMap::new();
                for i in 0..len {
                    let Some(full) = storage.key(i).map_err(KvError::from)? else {
                        continue;
                    };
                    let Some(key) = full.strip_prefix(PAGE_PREFIX) else {
                        continue;
                    };
                    if let Some(value) = storage.get_item(&full).map_err(KvError::from)? {
                        out.insert(key.to_string(), value);
                    }
                }
                Ok(out)
            }
        }
    }

    /// The value of one key.
    pub async fn get(self, key: &str) -> Result<Option<String>, KvError> {
        match self {
            Kv::Extension | Kv::Sync | Kv::Session => {
                let promise = match self {
                    Kv::Sync => sync_get(&JsValue::from_str(key))?,
                    Kv::Session => session_get(&JsValue::from_str(key))?,
                    _ => chrome_get(&JsValue::from_str(key))?,
                };
                let items = JsFuture::from(promise).await?;
                let value = Reflect::get(&items, &JsValue::from_str(key))?;
                if value.is_undefined() {
                    Ok(None)
                } else {
                    as_json(&value).map(Some)
                }
            }
            Kv::Page => LocalStorage::raw()
                .get_item(&format!("{PAGE_PREFIX}{key}"))
                .map_err(KvError::from),
        }
    }

    /// The values of `keys` that are stored, read in one call.
    pub async fn get_many(self, keys: &[String]) -> Result<BTreeMap<String, String>, KvError> {
        let mut out = BTreeMap::new();
        match self {
            Kv::Extension | Kv::Sync | Kv::Session => {
                let names: Array = keys.iter().map(|k| JsValue::from_str(k)).collect();
                let promise = match self {
                    Kv::Sync => sync_get(&names)?,
                    Kv::Session => session_get(&names)?,
                    _ => chrome_get(&names)?,
                };
                let items = JsFuture::from(promise).await?;
                for key in keys {
                    let value = Reflect::get(&items, &JsValue::from_str(key))?;
                    if !value.is_undefined() {
                        out.insert(key.clone(), as_json(&value)?);
                    }
                }
            }
            Kv::Page => {
                for key in keys {
                    if let Some(value) = self.get(key).await? {
                        out.insert(key.clone(), value);
                    }
                }
            }
        }
        Ok(out)
    }

    /// Writes all `entries` in one call and waits until the browser has stored them.
    pub async fn set(self, entries: &[(String, String)]) -> Result<(), KvError> {
        if entries.is_empty() {
            return Ok(());
        }
        // The popup's first drawing never outlives the summary it was drawn from: a write
        // of the summary without a new drawing empties the old one, in the same write.
        let sets = |key: &str| entries.iter().any(|(k, _)| k == key);
        let mut with_early = Vec::new();
        let entries = if self == Kv::Extension && sets(SUMMARY_KEY) && !sets(EARLY_KEY) {
            with_early.extend_from_slice(entries);
            with_early.push((EARLY_KEY.to_string(), String::new()));
            &with_early[..]
        } else {
            entries
        };
        match self {
            Kv::Extension | Kv::Sync | Kv::Session => {
                let items = Object::new();
                for (k, v) in entries {
                    Reflect::set(&items, &JsValue::from_str(k), &JsValue::from_str(v))?;
                    if self == Kv::Extension {
                        super::own::note(k, Some(v));
                    }
                }
                let promise = match self {
                    Kv::Sync => sync_set(&items)?,
                    Kv::Session => session_set(&items)?,
                    _ => chrome_set(&items)?,
                };
                JsFuture::from(promise).await?;
                Ok(())
            }
            Kv::Page => {
                let storage = LocalStorage::raw();
                let mut written: Vec<(String, Option<String>)> = Vec::new();
                for (k, v) in entries {
                    let full = format!("{PAGE_PREFIX}{k}");
                    let before = storage.get_item(&full).map_err(KvError::from)?;
                    if let Err(e) = storage.set_item(&full, v) {
                        // Quota exceeded half-way: put back what this call changed.
                        for (key, old) in written.into_iter().rev() {
                            let _ = match old {
                                Some(old) => storage.set_item(&key, &old),
                                None => storage.remove_item(&key),
                            };
                        }
                        return Err(KvError::from(e));
                    }
                    written.push((full, before));
                }
                Ok(())
            }
        }
    }

    /// Removes `keys` and waits until the browser has done so.
    pub async fn remove(self, keys: &[String]) -> Result<(), KvError> {
        if keys.is_empty() {
            return Ok(());
        }
        // The summary goes with its drawing (see [`Kv::set`]).
        let mut with_early = Vec::new();
        let keys = if self == Kv::Extension
            && keys.iter().any(|k| k == SUMMARY_KEY)
            && !keys.iter().any(|k| k == EARLY_KEY)
        {
            with_early.extend_from_slice(keys);
            with_early.push(EARLY_KEY.to_string());
            &with_early[..]
        } else {
            keys
        };
        match self {
            Kv::Extension | Kv::Sync | Kv::Session => {
                if self == Kv::Extension {
                    keys.iter().for_each(|k| super::own::note(k, None));
                }
                let list: Array = keys.iter().map(|k| JsValue::from_str(k)).collect();
                let promise = match self {
                    Kv::Sync => sync_remove(&list)?,
                    Kv::Session => session_remove(&list)?,
                    _ => chrome_remove(&list)?,
                };
                JsFuture::from(promise).await?;
                Ok(())
            }
            Kv::Page => {
                let storage = LocalStorage::raw();
                for k in keys {
                    storage
                        .remove_item(&format!("{PAGE_PREFIX}{k}"))
                        .map_err(KvError::from)?;
                }
                Ok(())
            }
        }
    }
}
