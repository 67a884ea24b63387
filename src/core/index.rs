//! The contacts index: which applications have a contact at an address, or at a company's
//! domain, so that a compose window's recipients are matched by reading a few small records
//! rather than every application.
//!
//! Derived data, like today's summary: never in a snapshot, a backup or browser sync. Names
//! (`a:<address>`, `d:<domain>`, lower-cased; webmail domains shared by many people are left
//! out) are spread over [`BUCKETS`] records `ix:00` .. `ix:ff` by a hash of the name, each a
//! JSON object of name -> sorted application ids. The record [`INDEX_KEY`] says the buckets
//! describe every application stored; without it (a new installation of this version, a sync
//! that brought applications from another computer, which removes it first) nothing is
//! looked up and the writer builds the whole index again ([`build`]). A command that changes
//! an application's contacts rewrites only the buckets of the names it added or removed, in
//! the same write as the application ([`after_change`]).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::matching::company_domain;
use super::model::Application;
use super::store;

use crate::core::sort;

pub use super::store::{INDEX_BUCKET_PREFIX as BUCKET_PREFIX, INDEX_KEY};
/// How many buckets the names are spread over.
pub const BUCKETS: u32 = 256;
/// The layout of the index; an index of another version is built again.
const VERSION: u64 = 1;
/// The completion record of an index that must be built again.
const INCOMPLETE: &str = r#"{"version":0}"#;

/// The names an application is found under.
pub fn names(app: &Application) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for c in &app.contacts {
        let address = c.email.trim().to_ascii_lowercase();
        if address.contains('@') {
            out.insert(format!("a:{address}"));
        }
        if let Some(d) = company_domain(&address) {
            out.insert(format!("d:{d}"));
        }
    }
    out
}

/// The names a compose window's recipients are looked up under: their addresses, and their
/// company domains when `domains`.
pub fn recipient_names(recipients: &[String], domains: bool) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for r in recipients {
        let address = r.trim().to_ascii_lowercase();
        if !address.contains('@') {
            continue;
        }
        if domains {
            if let Some(d) = company_domain(&address) {
                out.insert(format!("d:{d}"));
            }
        }
        out.insert(format!("a:{address}"));
    }
    out
}

/// The bucket record a name is kept in (FNV-1a of the name).
pub fn bucket_key(name: &str) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in name.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("{BUCKET_PREFIX}{:02x}", hash % BUCKETS)
}

/// The bucket records `names` are kept in.
pub fn bucket_keys<'a>(names: impl IntoIterator<Item = &'a String>) -> Vec<String> {
    let keys: BTreeSet<String> = sort::set(names.into_iter().map(|n| bucket_key(n)));
    keys.into_iter().collect()
}

/// Whether `stored` holds a complete index of this version.
pub fn is_complete(stored: &BTreeMap<String, String>) -> bool {
    stored
        .get(INDEX_KEY)
        .and_then(|raw| serde_json::from_str::<Value>(raw).ok())
        .and_then(|v| v.get("version").and_then(Value::as_u64))
        == Some(VERSION)
}

fn bucket_of(stored: &BTreeMap<String, String>, key: &str) -> Map<String, Value> {
    stored
        .get(key)
        .and_then(|raw| serde_json::from_str::<Value>(raw).ok())
        .and_then(|v| match v {
            Value::Object(map) => Some(map),
            _ => None,
        })
        .unwrap_or_default()
}

/// The ids of the applications found under `names`, read from the buckets in `stored`.
pub fn lookup(stored: &BTreeMap<String, String>, names: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for name in names {
        let bucket = bucket_of(stored, &bucket_key(name));
        if let Some(Value::Array(ids)) = bucket.get(name) {
            out.extend(ids.iter().filter_map(Value::as_str).map(String::from));
        }
    }
    out
}

/// The buckets to write once one application changed from `old` to `new` (`None`: absent
/// before / deleted now); `stored` holds the buckets of both versions' names. Nothing when
/// the index is not complete (it is built again whole) or the names did not change.
pub fn after_change(
    stored: &BTreeMap<String, String>,
    old: Option<&Application>,
    new: Option<&Application>,
) -> Vec<(String, String)> {
    let Some(id) = new.or(old).map(|a| a.id.as_str()) else {
        return Vec::new();
    };
    if !is_complete(stored) {
        return Vec::new();
    }
    let before = old.map(names).unwrap_or_default();
    let after = new.map(names).unwrap_or_default();
    let changed: Vec<&String> = before.symmetric_difference(&after).collect();
    let unreadable = changed.iter().any(|name| {
        let key = bucket_key(name);
        stored
            .get(&key)
            .is_some_and(|raw| !matches!(serde_json::from_str::<Value>(raw), Ok(Value::Object(_))))
    });
    if unreadable {
        // A bucket that does not read cannot be updated without losing its names: the index
        // is marked incomplete, and the writer builds it again from everything.
        return vec![(INDEX_KEY.to_string(), INCOMPLETE.to_string())];
    }
    let mut buckets: BTreeMap<String, Map<String, Value>> = BTreeMap::new();
    for name in changed {
        let key = bucket_key(name);
        let bucket = buckets
            .entry(key.clone())
            .or_insert_with(|| bucket_of(stored, &key));
        let mut ids: BTreeSet<String> = match bucket.get(name) {
            Some(Value::Array(ids)) => {
                sort::set(ids.iter().filter_map(Value::as_str).map(String::from))
            }
            _ => BTreeSet::new(),
        };
        if after.contains(name) {
            ids.insert(id.to_string());
        } else {
            ids.remove(id);
        }
        if ids.is_empty() {
            bucket.remove(name);
        } else {
            bucket.insert(name.clone(), ids.into_iter().map(Value::from).collect());
        }
    }
    buckets
        .into_iter()
        .map(|(key, map)| (key, Value::Object(map).to_string()))
        .collect()
}

/// Every bucket and the completion record for `apps`: written whole, over any older index.
pub fn build(apps: &[Application]) -> Vec<(String, String)> {
    let mut buckets: BTreeMap<String, BTreeMap<String, BTreeSet<&str>>> =
        sort::map((0..BUCKETS).map(|n| (format!("{BUCKET_PREFIX}{n:02x}"), BTreeMap::new())));
    for app in apps {
        for name in names(app) {
            let key = bucket_key(&name);
            buckets
                .entry(key)
                .or_default()
                .entry(name)
                .or_default()
                .insert(&app.id);
        }
    }
    let mut out: Vec<(String, String)> = buckets
        .into_iter()
        .map(|(key, names)| {
            let mut map = Map::new();
            map.extend(
                names
                    .into_iter()
                    .map(|(name, ids)| (name, ids.into_iter().map(Value::from).collect())),
            );
            (key, Value::Object(map).to_string())
        })
        .collect();
    out.push((
        INDEX_KEY.to_string(),
        serde_json::json!({ "version": VERSION }).to_string(),
    ));
    out
}

/// The stored application under `key`, when there is one that reads.
pub fn readable(stored: &BTreeMap<String, String>, key: &str) -> Option<Application> {
    store::decode_app(key, stored.get(key)?).ok()
}
