//! The extension's own writes to `chrome.storage.local`, told apart from anyone else's.
//!
//! Today's summary and the contacts index are kept current by the command path, in the same
//! write as each change. A write made behind its back (a test seeding storage, a developer
//! editing it by hand, an older copy of the extension) would leave them describing
//! applications that are no longer what is stored. So every write of the service worker is
//! noted here, and `storage.onChanged` hands each change back: one that matches no note is
//! someone else's, and the derived records are built again from everything.

use std::cell::RefCell;
use std::collections::hash_map::DefaultHasher;
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// Key -> the hashes of the values this context wrote there (`None`: removed), in order,
    /// each until its change event arrives.
    static OWN: RefCell<BTreeMap<String, Vec<Option<u64>>>> = const { RefCell::new(BTreeMap::new()) };
}

fn hash(value: &str) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// Notes a write of this context: `value` under `key` (`None`: removed).
pub fn note(key: &str, value: Option<&str>) {
    OWN.with(|own| {
        let mut own = own.borrow_mut();
        let notes = own.entry(key.to_string()).or_default();
        // A write whose change event never comes (the same value again) must not pile up.
        if notes.len() >= 16 {
            notes.remove(0);
        }
        notes.push(value.map(hash));
    });
}

/// The keys among `changes` (key and new text, `None`: removed) that this context did not
/// write; the notes of those it did are used up.
pub fn foreign(changes: &[(String, Option<String>)]) -> Vec<String> {
    OWN.with(|own| {
        let mut own = own.borrow_mut();
        changes
            .iter()
            .filter(|(key, value)| {
                let written = value.as_deref().map(hash);
                let Some(notes) = own.get_mut(key) else {
                    return true;
                };
                // Changes arrive in the order the writes were made: those before this one
                // were the same value written again, which no change reports.
                let Some(at) = notes.iter().position(|n| *n == written) else {
                    return true;
                };
                notes.drain(..=at);
                if notes.is_empty() {
                    own.remove(key);
                }
                false
            })
            .map(|(key, _)| key.clone())
            .collect()
    })
}

/// `chrome.storage.onChanged`'s `{key: {newValue}}` as keys and new texts; `None` when it is
/// not such an object.
pub fn changes_of(changes: &JsValue) -> Option<Vec<(String, Option<String>)>> {
    let entries = Object::entries(changes.dyn_ref::<Object>()?);
    let mut out = Vec::new();
    for entry in entries.iter() {
        let pair: Array = entry.dyn_into().ok()?;
        let key = pair.get(0).as_string()?;
        let value = Reflect::get(&pair.get(1), &JsValue::from_str("newValue")).ok()?;
        // Records are JSON text; one written as an object (by hand) is read as its JSON.
        let text = match value.as_string() {
            Some(text) => Some(text),
            None if value.is_undefined() => None,
            None => Some(String::from(js_sys::JSON::stringify(&value).ok()?)),
        };
        out.push((key, text));
    }
    Some(out)
}
