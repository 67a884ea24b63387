//! Layout versions of stored data and the conversions between them.
//!
//! - **Version 1** kept every application in one `applications` key holding a JSON array. It
//!   had no revisions, named the decision date `decision` (on applications and on reply
//!   events), and wrote multi-word statuses and event types in snake_case (`no_response`,
//!   `references_requested`, `positive_news`). Its `schema` record was `{"version": 1}`; the
//!   earliest builds wrote none, so an `applications` key without a `schema` record is
//!   version 1 too.
//! - **Version 2** (current): one `app:<id>` key per application with a `revision`, a
//!   `revision` in the settings record, kebab-case names, `decisionDate`.
//!
//! Conversions are pure functions from one key/value map to the next. They work on JSON
//! values rather than on the model types so that fields they do not know travel unchanged,
//! and they never drop a record: one they cannot make sense of is stored under a key of its
//! own, where loading reports it as unreadable and keeps it.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use serde_json::{Map, Value};

use super::{app_key, StoreError, APP_KEY_PREFIX, SCHEMA_KEY, SETTINGS_KEY};

/// The layout version this build reads and writes.
pub const CURRENT_VERSION: u32 = 2;

/// The key under which version 1 kept the list of applications.
pub const V1_APPLICATIONS_KEY: &str = "applications";

/// Version 1 spellings and their current ones, for statuses and event types.
const V1_NAMES: [(&str, &str); 3] = [
    ("no_response", "no-response"),
    ("references_requested", "references-requested"),
    ("positive_news", "positive-news"),
];

#[derive(Deserialize)]
struct SchemaRecord {
    version: u32,
}

/// The `schema` record for `version`.
pub fn schema_value(version: u32) -> String {
    format!("{{\"version\":{version}}}")
}

fn parse_schema(raw: &str) -> Result<u32, String> {
    let record: SchemaRecord = serde_json::from_str(raw).map_err(|e| e.to_string())?;
    if record.version == 0 {
        return Err("version 0 does not exist".into());
    }
    Ok(record.version)
}

/// Whether a raw `schema` record names the current version.
pub fn is_current_schema(raw: Option<&str>) -> bool {
    raw.and_then(|r| parse_schema(r).ok()) == Some(CURRENT_VERSION)
}

/// The layout version of `entries`; `None` when nothing of ours is stored yet.
pub fn stored_version(entries: &BTreeMap<String, String>) -> Result<Option<u32>, StoreError> {
    if let Some(raw) = entries.get(SCHEMA_KEY) {
        return parse_schema(raw)
            .map(Some)
            .map_err(|reason| StoreError::BadSchema { reason });
    }
    if entries.contains_key(V1_APPLICATIONS_KEY) {
        return Ok(Some(1));
    }
    let ours = entries
        .keys()
        .any(|k| k.starts_with(APP_KEY_PREFIX) || k == SETTINGS_KEY);
    Ok(ours.then_some(CURRENT_VERSION))
}

/// Converts `entries`, of layout version `from`, to the current layout, one version at a time.
/// Keys the conversions do not know are carried over unchanged.
pub fn migrate_to_current(
    entries: &BTreeMap<String, String>,
    from: u32,
) -> Result<BTreeMap<String, String>, StoreError> {
    let mut current = entries.clone();
    let mut version = from;
    while version < CURRENT_VERSION {
        let step = match version {
            1 => v1_to_v2(&current),
            other => Err(format!("there is no conversion from version {other}")),
        };
        current = step.map_err(|reason| StoreError::Migration { from, reason })?;
        version += 1;
    }
    current.insert(SCHEMA_KEY.to_string(), schema_value(CURRENT_VERSION));
    Ok(current)
}

/// Version 1 to 2: splits the `applications` list into one record per application, adds
/// revisions, and renames `decision` and the snake_case names.
///
/// Every element of the list is kept. An element without an id, or repeating an id seen
/// earlier in the list, or that is not an object, is stored under `app:~v1-<index>` (or
/// `app:<id>~v1-<index>`), which loading reports as unreadable. The conversion fails only when
/// the list itself cannot be read; then nothing is written and version 1 stays in place.
pub fn v1_to_v2(entries: &BTreeMap<String, String>) -> Result<BTreeMap<String, String>, String> {
    let mut out = entries.clone();
    if let Some(raw) = out.remove(V1_APPLICATIONS_KEY) {
        let list: Value = serde_json::from_str(&raw)
            .map_err(|e| format!("the list of applications is not valid JSON: {e}"))?;
        let Value::Array(apps) = list else {
            return Err("the list of applications is not a list".into());
        };
        let mut seen = BTreeSet::new();
        for (index, app) in apps.into_iter().enumerate() {
            let (key, value) = v1_app_record(index, app, &mut seen);
            out.insert(key, value);
        }
    }
    if let Some(raw) = out.get(SETTINGS_KEY) {
        // Unreadable settings stay as they are, to be reported when loading.
        if let Ok(Value::Object(mut settings)) = serde_json::from_str::<Value>(raw) {
            settings.insert("revision".into(), Value::from(1));
            out.insert(
                SETTINGS_KEY.to_string(),
                Value::Object(settings).to_string(),
            );
        }
    }
    out.insert(SCHEMA_KEY.to_string(), schema_value(2));
    Ok(out)
}

fn v1_app_record(index: usize, app: Value, seen: &mut BTreeSet<String>) -> (String, String) {
    let Value::Object(mut app) = app else {
        return (app_key(&format!("~v1-{index}")), app.to_string());
    };
    let id = app
        .get("id")
        .and_then(Value::as_str)
        .filter(|id| !id.is_empty())
        .map(str::to_string);
    let key = match id {
        Some(id) if seen.insert(id.clone()) => app_key(&id),
        Some(id) => app_key(&format!("{id}~v1-{index}")),
        None => app_key(&format!("~v1-{index}")),
    };
    app.insert("revision".into(), Value::from(1));
    rename_field(&mut app, "decision", "decisionDate");
    rename_value(&mut app, "status");
    if let Some(Value::Array(history)) = app.get_mut("history") {
        for event in history.iter_mut() {
            if let Value::Object(event) = event {
                rename_value(event, "type");
                rename_value(event, "from");
                rename_value(event, "to");
                rename_field(event, "decision", "decisionDate");
            }
        }
    }
    (key, Value::Object(app).to_string())
}

fn rename_field(object: &mut Map<String, Value>, old: &str, new: &str) {
    if object.contains_key(new) {
        return;
    }
    if let Some(value) = object.remove(old) {
        object.insert(new.to_string(), value);
    }
}

fn rename_value(object: &mut Map<String, Value>, field: &str) {
    if let Some(Value::String(name)) = object.get_mut(field) {
        if let Some((_, new)) = V1_NAMES.iter().find(|(old, _)| old == name) {
            *name = (*new).to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn version_is_read_from_schema_or_inferred() {
        assert_eq!(stored_version(&map(&[])).unwrap(), None);
        assert_eq!(
            stored_version(&map(&[("applications", "[]")])).unwrap(),
            Some(1)
        );
        assert_eq!(stored_version(&map(&[("app:a", "{}")])).unwrap(), Some(2));
        assert_eq!(
            stored_version(&map(&[("schema", r#"{"version":7}"#)])).unwrap(),
            Some(7)
        );
        assert!(matches!(
            stored_version(&map(&[("schema", "7")])),
            Err(StoreError::BadSchema { .. })
        ));
    }

    #[test]
    fn odd_v1_elements_are_kept_under_keys_of_their_own() {
        let v1 = map(&[
            ("schema", r#"{"version":1}"#),
            (
                "applications",
                r#"[{"id":"a"},{"id":"a","company":"Twin"},{"company":"No id"},42]"#,
            ),
        ]);
        let v2 = v1_to_v2(&v1).unwrap();
        assert!(v2.contains_key("app:a"));
        assert!(v2["app:a~v1-1"].contains("Twin"));
        assert!(v2["app:~v1-2"].contains("No id"));
        assert_eq!(v2["app:~v1-3"], "42");
        assert!(!v2.contains_key("applications"));
    }

    #[test]
    fn unreadable_v1_list_refuses_the_conversion() {
        let v1 = map(&[("applications", "[{")]);
        assert!(v1_to_v2(&v1).is_err());
        assert!(matches!(
            migrate_to_current(&v1, 1),
            Err(StoreError::Migration { from: 1, .. })
        ));
    }
}
