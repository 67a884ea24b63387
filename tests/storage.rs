//! Storage: revisions, write sizes, migrations from every fixture, refusal of newer data,
//! unreadable records, snapshots.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::Value;

use followup::core::model::{Application, Contact, Event, EventKind, Settings, Status};
use followup::core::store::{
    self, app_key, migrate, KvStore, MemoryStore, Store, StoreError, APP_KEY_PREFIX, SCHEMA_KEY,
    SETTINGS_KEY, SNAPSHOT_KEY,
};

const NOW: &str = "2026-03-12T09:30:00Z";

fn date(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

/// A fixture file: an object whose values are the stored values, written as JSON for
/// readability; storage holds each as compact JSON text.
fn fixture(name: &str) -> BTreeMap<String, String> {
    let path = format!(
        "{}/tests/fixtures/storage/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("fixture exists");
    let Value::Object(map) = serde_json::from_str(&text).expect("fixture is JSON") else {
        panic!("{path}: not an object");
    };
    map.into_iter().map(|(k, v)| (k, v.to_string())).collect()
}

fn app(id: &str) -> Application {
    Application {
        id: id.into(),
        company: "Acme".into(),
        role: "Data Engineer".into(),
        applied_on: Some(date("2026-03-01")),
        contacts: vec![Contact {
            id: "c1".into(),
            name: "Dana Smith".into(),
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn open_empty() -> Store<MemoryStore> {
    Store::open(MemoryStore::new(), NOW).expect("empty storage opens")
}

#[test]
fn empty_storage_is_initialised_at_the_current_version() {
    let store = open_empty();
    assert_eq!(
        store.kv().entries().get(SCHEMA_KEY).map(String::as_str),
        Some(r#"{"version":2}"#)
    );
    assert_eq!(store.migrated_from(), None);
    let loaded = store.load_all().unwrap();
    assert!(loaded.apps.is_empty() && loaded.problems.is_empty());
    assert_eq!(loaded.settings, Settings::default());
    assert_eq!(loaded.settings_revision, 0);
}

#[test]
fn revisions_start_at_one_and_grow_by_one_per_write() {
    let mut store = open_empty();
    let first = store.put_app(app("a1")).unwrap();
    assert_eq!(first.revision, 1);
    let second = store
        .put_app(Application {
            notes: "called".into(),
            ..first
        })
        .unwrap();
    assert_eq!(second.revision, 2);
    assert_eq!(store.load_all().unwrap().apps, vec![second]);
}

#[test]
fn a_write_based_on_an_old_revision_is_refused_and_nothing_is_written() {
    let mut store = open_empty();
    let stored = store.put_app(app("a1")).unwrap();
    let mine = stored.clone();
    store
        .put_app(Application {
            notes: "edited in another window".into(),
            ..stored
        })
        .unwrap();

    let before = store.kv().clone();
    let err = store
        .put_app(Application {
            notes: "my stale edit".into(),
            ..mine
        })
        .unwrap_err();
    assert_eq!(
        err,
        StoreError::Conflict {
            id: "a1".into(),
            stored: 2,
            yours: 1
        }
    );
    assert!(
        err.to_string().contains("changed in another window"),
        "{err}"
    );
    assert_eq!(store.kv().entries(), before.entries());
    assert_eq!(store.kv().bytes_written(), before.bytes_written());

    // A "new" application whose id is already taken is a conflict too.
    let err = store.put_app(app("a1")).unwrap_err();
    assert_eq!(
        err,
        StoreError::Conflict {
            id: "a1".into(),
            stored: 2,
            yours: 0
        }
    );
}

#[test]
fn deletes_check_the_revision_too() {
    let mut store = open_empty();
    let stored = store.put_app(app("a1")).unwrap();
    let before = store.kv().entries().clone();
    assert!(matches!(
        store.delete_app("a1", 0),
        Err(StoreError::Conflict {
            stored: 1,
            yours: 0,
            ..
        })
    ));
    assert_eq!(store.kv().entries(), &before);
    store.delete_app("a1", stored.revision).unwrap();
    assert!(store.load_all().unwrap().apps.is_empty());
    // Deleting what is already gone is what was asked.
    store.delete_app("a1", stored.revision).unwrap();
}

#[test]
fn an_edit_in_a_deleted_application_is_refused() {
    let mut store = open_empty();
    let stored = store.put_app(app("a1")).unwrap();
    store.delete_app("a1", 1).unwrap();
    let err = store.put_app(stored).unwrap_err();
    assert_eq!(
        err,
        StoreError::Conflict {
            id: "a1".into(),
            stored: 0,
            yours: 1
        }
    );
    assert!(
        err.to_string().contains("deleted in another window"),
        "{err}"
    );
    assert!(store.load_all().unwrap().apps.is_empty());
}

#[test]
fn applications_without_an_id_are_refused() {
    let mut store = open_empty();
    assert_eq!(store.put_app(app("")), Err(StoreError::MissingId));
}

#[test]
fn settings_carry_a_revision() {
    let mut store = open_empty();
    let settings = Settings {
        buffer_days: 3,
        ..Default::default()
    };
    assert_eq!(store.put_settings(&settings, 0).unwrap(), 1);
    assert!(matches!(
        store.put_settings(&settings, 0),
        Err(StoreError::Conflict {
            stored: 1,
            yours: 0,
            ..
        })
    ));
    let loaded = store.load_all().unwrap();
    assert_eq!((loaded.settings, loaded.settings_revision), (settings, 1));
}

fn store_with(n: usize) -> Store<MemoryStore> {
    let mut entries = BTreeMap::new();
    entries.insert(
        SCHEMA_KEY.to_string(),
        migrate::schema_value(migrate::CURRENT_VERSION),
    );
    for i in 0..n {
        let prepared = store::prepare_put_app(None, app(&format!("app-{i:05}"))).unwrap();
        entries.insert(prepared.key, prepared.value);
    }
    Store::open(MemoryStore::with_entries(entries), NOW).unwrap()
}

fn bytes_for_one_edit(mut store: Store<MemoryStore>) -> u64 {
    let before = store.kv().bytes_written();
    let raw = store.kv().get(&app_key("app-00005")).unwrap().unwrap();
    let current = store::decode_app(&app_key("app-00005"), &raw).unwrap();
    store
        .put_app(Application {
            notes: "Phone screen booked".into(),
            ..current
        })
        .unwrap();
    store.kv().bytes_written() - before
}

#[test]
fn one_edit_writes_the_same_bytes_with_10_or_10000_applications() {
    let small = bytes_for_one_edit(store_with(10));
    let large = bytes_for_one_edit(store_with(10_000));
    assert_eq!(small, large);
    assert!(small < 1_000, "one edit wrote {small} bytes");
}

/// Every field of `expected` is in `actual` with the same value (objects may have more fields;
/// lists must have the same length).
fn assert_contained(expected: &Value, actual: &Value, path: &str) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, value) in e {
                let Some(found) = a.get(key) else {
                    panic!("{path}.{key} was lost")
                };
                assert_contained(value, found, &format!("{path}.{key}"));
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            assert_eq!(e.len(), a.len(), "{path}: list length changed");
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                assert_contained(ev, av, &format!("{path}[{i}]"));
            }
        }
        _ => assert_eq!(expected, actual, "{path} changed"),
    }
}

/// What a version 1 application must look like once current, per the documented differences.
fn v1_expected(app: &Value) -> Value {
    const NAMES: [(&str, &str); 3] = [
        ("no_response", "no-response"),
        ("references_requested", "references-requested"),
        ("positive_news", "positive-news"),
    ];
    fn rename(object: &mut serde_json::Map<String, Value>, field: &str) {
        if let Some(Value::String(s)) = object.get_mut(field) {
            if let Some((_, new)) = NAMES.iter().find(|(old, _)| old == s) {
                *s = new.to_string();
            }
        }
    }
    fn decision(object: &mut serde_json::Map<String, Value>) {
        if let Some(v) = object.remove("decision") {
            object.insert("decisionDate".into(), v);
        }
    }
    let mut app = app.clone();
    let object = app.as_object_mut().unwrap();
    decision(object);
    rename(object, "status");
    for event in object
        .get_mut("history")
        .and_then(Value::as_array_mut)
        .unwrap()
    {
        let event = event.as_object_mut().unwrap();
        decision(event);
        for field in ["type", "from", "to"] {
            rename(event, field);
        }
    }
    app
}

fn counts(apps: &[Application]) -> (usize, usize, usize, usize) {
    (
        apps.len(),
        apps.iter().map(|a| a.rounds.len()).sum(),
        apps.iter().map(|a| a.contacts.len()).sum(),
        apps.iter().map(|a| a.history.len()).sum(),
    )
}

#[test]
fn the_v1_fixture_migrates_without_loss() {
    let v1 = fixture("v1.json");
    let store = Store::open(MemoryStore::with_entries(v1.clone()), NOW).unwrap();
    assert_eq!(store.migrated_from(), Some(1));
    let loaded = store.load_all().unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(counts(&loaded.apps), (4, 4, 6, 15));

    let old_apps: Vec<Value> = serde_json::from_str(&v1["applications"]).unwrap();
    for old in &old_apps {
        let id = old["id"].as_str().unwrap();
        let new = loaded
            .apps
            .iter()
            .find(|a| a.id == id)
            .unwrap_or_else(|| panic!("{id} was lost"));
        assert_eq!(new.revision, 1);
        assert_contained(&v1_expected(old), &serde_json::to_value(new).unwrap(), id);
    }

    let globex = loaded.apps.iter().find(|a| a.id == "globex-pm").unwrap();
    assert_eq!(globex.status, Status::NoResponse);
    let acme = loaded
        .apps
        .iter()
        .find(|a| a.id == "acme-data-eng")
        .unwrap();
    assert_eq!(acme.decision_date, Some(date("2026-03-20")));
    assert!(acme.history.contains(&Event {
        date: date("2026-03-12"),
        kind: EventKind::Reply {
            decision_date: Some(date("2026-03-25"))
        }
    }));

    let old_settings: Value = serde_json::from_str(&v1[SETTINGS_KEY]).unwrap();
    assert_contained(
        &old_settings,
        &serde_json::to_value(&loaded.settings).unwrap(),
        "settings",
    );
    assert_eq!(loaded.settings_revision, 1);

    let entries = store.kv().entries();
    assert!(!entries.contains_key("applications"));
    assert_eq!(
        entries["ui:lastTab"], v1["ui:lastTab"],
        "keys of others are kept"
    );
    assert_eq!(entries[SCHEMA_KEY], r#"{"version":2}"#);
}

#[test]
fn the_v2_fixture_is_current_and_reads_without_loss() {
    let v2 = fixture("v2.json");
    let store = Store::open(MemoryStore::with_entries(v2.clone()), NOW).unwrap();
    assert_eq!(store.migrated_from(), None);
    assert_eq!(store.kv().entries(), &v2, "current data is not rewritten");
    let loaded = store.load_all().unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(counts(&loaded.apps), (3, 3, 5, 10));
    for app in &loaded.apps {
        let stored: Value = serde_json::from_str(&v2[&app_key(&app.id)]).unwrap();
        assert_contained(&stored, &serde_json::to_value(app).unwrap(), &app.id);
    }
    assert_eq!(loaded.settings_revision, 4);
    assert_eq!(
        loaded
            .apps
            .iter()
            .find(|a| a.id == "pied-piper-be")
            .unwrap()
            .status,
        Status::Other("ghosted".into())
    );
}

#[test]
fn every_fixture_reaches_the_current_layout() {
    for name in ["v1.json", "v2.json"] {
        let store = Store::open(MemoryStore::with_entries(fixture(name)), NOW).unwrap();
        assert!(
            migrate::is_current_schema(store.kv().get(SCHEMA_KEY).unwrap().as_deref()),
            "{name}"
        );
        assert!(store.load_all().unwrap().problems.is_empty(), "{name}");
    }
}

#[test]
fn a_migration_first_saves_the_old_state_as_the_snapshot() {
    let v1 = fixture("v1.json");
    let store = Store::open(MemoryStore::with_entries(v1.clone()), NOW).unwrap();
    let snapshot = store.snapshot().unwrap().expect("snapshot taken");
    assert_eq!(snapshot.entries, v1);
    assert_eq!(snapshot.taken_at, NOW);
    assert!(
        snapshot.reason.contains("version 1 to 2"),
        "{}",
        snapshot.reason
    );
}

#[test]
fn an_interrupted_migration_is_finished_at_the_next_start() {
    let v1 = fixture("v1.json");
    let complete = Store::open(MemoryStore::with_entries(v1.clone()), NOW)
        .unwrap()
        .into_inner();

    let plan = store::plan_upgrade(&v1, NOW).unwrap();
    for steps_done in 0..plan.batch.steps.len() {
        let mut kv = MemoryStore::with_entries(v1.clone());
        let partial = store::Batch {
            steps: plan.batch.steps[..steps_done].to_vec(),
        };
        partial.run(&mut kv).unwrap();
        let store = Store::open(kv, NOW).unwrap();
        assert_eq!(
            store.kv().entries(),
            complete.entries(),
            "interrupted after {steps_done} steps"
        );
    }
}

#[test]
fn data_from_a_newer_version_is_refused_and_nothing_is_written() {
    let mut entries = fixture("v2.json");
    entries.insert(SCHEMA_KEY.into(), r#"{"version":3}"#.into());
    entries.insert(
        "app:from-the-future".into(),
        r#"{"id":"from-the-future","shape":"new"}"#.into(),
    );
    let mut kv = MemoryStore::with_entries(entries.clone());
    let err = Store::open(&mut kv, NOW).unwrap_err();
    assert_eq!(
        err,
        StoreError::FutureVersion {
            found: 3,
            supported: 2
        }
    );
    assert!(err.to_string().contains("newer version"), "{err}");
    assert_eq!(kv.entries(), &entries);
    assert_eq!(kv.bytes_written(), 0);
}

#[test]
fn an_unreadable_schema_record_is_refused_and_nothing_is_written() {
    let mut entries = fixture("v2.json");
    entries.insert(SCHEMA_KEY.into(), "{version: two}".into());
    let mut kv = MemoryStore::with_entries(entries.clone());
    assert!(matches!(
        Store::open(&mut kv, NOW),
        Err(StoreError::BadSchema { .. })
    ));
    assert_eq!(kv.entries(), &entries);
}

#[test]
fn an_unreadable_record_is_reported_and_kept_byte_for_byte() {
    let mut entries = fixture("v2.json");
    let corrupt =
        r#"{"id":"broken","revision":3,"company":"Half-written","rounds":[{"date":"2026-13-40"}]"#;
    entries.insert(app_key("broken"), corrupt.into());
    entries.insert(app_key("moved"), r#"{"id":"someone-else"}"#.into());
    let mut store = Store::open(MemoryStore::with_entries(entries), NOW).unwrap();

    let loaded = store.load_all().unwrap();
    assert_eq!(loaded.apps.len(), 3, "the readable ones still load");
    let keys: Vec<&str> = loaded.problems.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys, ["app:broken", "app:moved"]);
    assert!(
        loaded.problems[1].to_string().contains("someone-else"),
        "{}",
        loaded.problems[1]
    );

    // Saving over it is refused; edits elsewhere do not touch it.
    let over = Application {
        id: "broken".into(),
        revision: 3,
        ..Default::default()
    };
    assert!(matches!(
        store.put_app(over),
        Err(StoreError::Unreadable { .. })
    ));
    assert!(matches!(
        store.delete_app("broken", 3),
        Err(StoreError::Unreadable { .. })
    ));
    let hooli = loaded
        .apps
        .iter()
        .find(|a| a.id == "hooli-sre")
        .unwrap()
        .clone();
    store
        .put_app(Application {
            notes: "x".into(),
            ..hooli
        })
        .unwrap();
    assert_eq!(store.kv().entries()[&app_key("broken")], corrupt);

    // Only an explicit discard removes it, and only when it really is unreadable.
    assert!(matches!(
        store.discard_unreadable("app:hooli-sre"),
        Err(StoreError::NotUnreadable { .. })
    ));
    store.discard_unreadable("app:broken").unwrap();
    assert!(!store.kv().entries().contains_key("app:broken"));
}

#[test]
fn unreadable_settings_are_reported_kept_and_not_saved_over() {
    let mut entries = fixture("v2.json");
    entries.insert(
        SETTINGS_KEY.into(),
        r#"{"revision":2,"bufferDays":"two"}"#.into(),
    );
    let mut store = Store::open(MemoryStore::with_entries(entries.clone()), NOW).unwrap();
    let loaded = store.load_all().unwrap();
    assert_eq!(loaded.settings, Settings::default());
    assert_eq!(loaded.problems.len(), 1);
    assert!(matches!(
        store.put_settings(&Settings::default(), 0),
        Err(StoreError::Unreadable { .. })
    ));
    assert_eq!(store.kv().entries(), &entries);
}

#[test]
fn a_snapshot_puts_the_earlier_state_back_exactly() {
    let mut store = Store::open(MemoryStore::with_entries(fixture("v2.json")), NOW).unwrap();
    store.take_snapshot("before a test", NOW).unwrap();
    let earlier: BTreeMap<String, String> = store
        .kv()
        .entries()
        .iter()
        .filter(|(k, _)| *k != SNAPSHOT_KEY)
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();

    let loaded = store.load_all().unwrap();
    let hooli = loaded
        .apps
        .iter()
        .find(|a| a.id == "hooli-sre")
        .unwrap()
        .clone();
    store
        .put_app(Application {
            notes: "changed".into(),
            ..hooli
        })
        .unwrap();
    store.delete_app("vandelay-import", 1).unwrap();
    store.put_app(app("new-one")).unwrap();
    store
        .put_settings(&Settings::default(), loaded.settings_revision)
        .unwrap();

    store.restore_snapshot(NOW).unwrap();
    let now: BTreeMap<String, String> = store
        .kv()
        .entries()
        .iter()
        .filter(|(k, _)| *k != SNAPSHOT_KEY)
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    assert_eq!(now, earlier);
    // The snapshot stays: restoring twice is harmless.
    store.restore_snapshot(NOW).unwrap();
    assert!(store.kv().entries().contains_key(SNAPSHOT_KEY));
}

#[test]
fn restoring_a_pre_migration_snapshot_converts_it_again() {
    let v1 = fixture("v1.json");
    let mut store = Store::open(MemoryStore::with_entries(v1), NOW).unwrap();
    let migrated = store.kv().entries().clone();
    let acme = store
        .load_all()
        .unwrap()
        .apps
        .into_iter()
        .find(|a| a.id == "acme-data-eng")
        .unwrap();
    store
        .put_app(Application {
            notes: "later edit".into(),
            ..acme
        })
        .unwrap();
    store.restore_snapshot(NOW).unwrap();
    assert_eq!(store.kv().entries(), &migrated);
}

#[test]
fn without_a_snapshot_restore_says_so() {
    let mut store = open_empty();
    let err = store.restore_snapshot(NOW).unwrap_err();
    assert_eq!(err, StoreError::NoSnapshot);
    assert!(!err.to_string().is_empty());
}

#[test]
fn unknown_keys_are_neither_loaded_nor_touched() {
    let mut entries = fixture("v2.json");
    entries.insert("ui:lastTab".into(), "\"timeline\"".into());
    let store = Store::open(MemoryStore::with_entries(entries.clone()), NOW).unwrap();
    let loaded = store.load_all().unwrap();
    assert!(loaded.problems.is_empty());
    assert!(loaded
        .apps
        .iter()
        .all(|a| !a.id.starts_with(APP_KEY_PREFIX)));
    assert_eq!(store.kv().entries(), &entries);
}

proptest! {
    /// Whatever mix of current and stale writes and deletes arrives, storage holds exactly
    /// the effect of the current ones.
    #[test]
    fn stale_writes_never_change_what_is_stored(
        ops in proptest::collection::vec((0u8..4, any::<bool>(), any::<bool>(), "[a-z ]{0,12}"), 0..40)
    ) {
        let mut store = open_empty();
        let mut model: BTreeMap<String, Application> = BTreeMap::new();
        for (n, delete, stale, notes) in ops {
            let id = format!("app-{n}");
            let stored = model.get(&id).map_or(0, |a| a.revision);
            let revision = if stale { stored + 1 } else { stored };
            if delete {
                let result = store.delete_app(&id, revision);
                if stale && model.contains_key(&id) {
                    prop_assert!(
                        matches!(result, Err(StoreError::Conflict { .. })),
                        "{:?}",
                        result
                    );
                } else {
                    prop_assert!(result.is_ok());
                    model.remove(&id);
                }
            } else {
                let app = Application { revision, notes, ..app(&id) };
                match store.put_app(app) {
                    Ok(saved) => {
                        prop_assert!(!stale);
                        prop_assert_eq!(saved.revision, stored + 1);
                        model.insert(id, saved);
                    }
                    Err(err) => {
                        prop_assert!(stale);
                        prop_assert_eq!(
                            err,
                            StoreError::Conflict { id, stored, yours: revision }
                        );
                    }
                }
            }
        }
        let loaded = store.load_all().unwrap();
        prop_assert_eq!(loaded.apps, model.into_values().collect::<Vec<_>>());
    }
}

#[test]
fn the_sync_records_are_not_applications_and_stay_out_of_snapshots() {
    let mut entries = fixture("v2.json");
    let status = r#"{"settings":{"state":"off"},"applications":{"state":"off"}}"#;
    entries.insert(store::SYNC_STATUS_KEY.into(), status.into());
    entries.insert(
        store::SYNC_STATE_KEY.into(),
        r#"{"base":{},"writes":[]}"#.into(),
    );
    let loaded = store::decode_state(&entries);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.apps, store::decode_state(&fixture("v2.json")).apps);

    let mut store = Store::open(MemoryStore::with_entries(entries), NOW).unwrap();
    store.take_snapshot("before a test", NOW).unwrap();
    let snapshot = store.snapshot().unwrap().unwrap();
    assert!(!snapshot.entries.contains_key(store::SYNC_STATUS_KEY));
    assert!(!snapshot.entries.contains_key(store::SYNC_STATE_KEY));
    // Restoring keeps them: they describe what is in browser sync now, not the old state.
    let later =
        r#"{"settings":{"state":"synced","bytes":400,"items":1},"applications":{"state":"off"}}"#;
    let mut kv = store.into_inner();
    kv.set_many(&[(store::SYNC_STATUS_KEY.to_string(), later.to_string())])
        .unwrap();
    let mut store = Store::open(kv, NOW).unwrap();
    store.restore_snapshot(NOW).unwrap();
    assert_eq!(
        store.kv().get(store::SYNC_STATUS_KEY).unwrap().as_deref(),
        Some(later)
    );
    assert!(store.kv().get(store::SYNC_STATE_KEY).unwrap().is_some());
}

// ---------------------------------------------------------------- writes that land whole

/// Storage holding 40 applications and settings, and a backup of 2,000 applications that
/// updates 20 of them and lacks the other 20.
fn before_a_large_import() -> (BTreeMap<String, String>, String) {
    let mut store = store_with(40);
    store
        .put_settings(
            &Settings {
                buffer_days: 3,
                ..Default::default()
            },
            0,
        )
        .unwrap();
    let backup: Vec<Application> = (20..2020)
        .map(|i| Application {
            revision: 9,
            notes: "n".repeat(300),
            ..app(&format!("app-{i:05}"))
        })
        .collect();
    let text = followup::core::backup::export_backup(&backup, &Settings::default(), NOW);
    (store.into_inner().entries().clone(), text)
}

/// The user's data in `entries`: everything but the snapshot and the journal.
fn user_data(entries: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    entries
        .iter()
        .filter(|(k, _)| store::is_state_key(k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

#[test]
fn an_import_stopped_at_any_step_then_retried_then_undone_gives_the_original_back() {
    use followup::core::backup::{parse_backup, plan_import, plan_import_batch, ImportMode};
    let (original, text) = before_a_large_import();
    let complete = {
        let mut store = Store::open(MemoryStore::with_entries(original.clone()), NOW).unwrap();
        store
            .import_backup(&text, ImportMode::Replace, NOW)
            .unwrap();
        user_data(store.kv().entries())
    };
    let existing = store::decode_state(&original).apps;
    let plan = plan_import(
        &existing,
        &parse_backup(&text).unwrap(),
        ImportMode::Replace,
    );
    let batch = plan_import_batch(&original, &plan, NOW).unwrap();
    assert_eq!(
        batch.steps.len(),
        2,
        "one set with every record, one remove"
    );
    for steps_done in 0..=batch.steps.len() {
        let mut kv = MemoryStore::with_entries(original.clone());
        store::Batch {
            steps: batch.steps[..steps_done].to_vec(),
        }
        .run(&mut kv)
        .unwrap();
        // The worker starts again, and the user imports the same file again.
        let mut store = Store::open(kv, "after the restart").unwrap();
        store
            .import_backup(&text, ImportMode::Replace, "the retry")
            .unwrap();
        assert_eq!(
            user_data(store.kv().entries()),
            complete,
            "stopped after {steps_done} steps: the retry finishes the import"
        );
        assert!(!store.kv().entries().contains_key(store::JOURNAL_KEY));
        store.restore_snapshot(NOW).unwrap();
        assert_eq!(
            user_data(store.kv().entries()),
            user_data(&original),
            "stopped after {steps_done} steps: the snapshot holds the state before the import"
        );
    }
}

#[test]
fn a_restore_stopped_half_way_is_finished_at_the_next_start() {
    let (original, text) = before_a_large_import();
    let mut store = Store::open(MemoryStore::with_entries(original.clone()), NOW).unwrap();
    store
        .import_backup(&text, followup::core::backup::ImportMode::Merge, NOW)
        .unwrap();
    let imported = store.into_inner().entries().clone();
    let batch = store::plan_restore(&imported).unwrap();
    assert_eq!(batch.steps.len(), 2);
    let mut kv = MemoryStore::with_entries(imported);
    store::Batch {
        steps: batch.steps[..1].to_vec(),
    }
    .run(&mut kv)
    .unwrap();
    let store = Store::open(kv, NOW).unwrap();
    assert_eq!(user_data(store.kv().entries()), user_data(&original));
    assert!(!store.kv().entries().contains_key(store::JOURNAL_KEY));
}

#[test]
fn a_journal_never_removes_an_application_saved_after_it_was_written() {
    let mut store = store_with(3);
    let entries = store.kv().entries().clone();
    let gone = vec![
        store::removal(&entries, &app_key("app-00000")),
        store::removal(&entries, &app_key("app-00001")),
    ];
    assert_eq!(gone[0].1, Some(1));
    let batch = store::whole_write(vec![], gone).unwrap();
    store
        .apply(&store::Batch {
            steps: batch.steps[..1].to_vec(),
        })
        .unwrap();
    // Saved again (another window) before the journal is finished.
    let raw = store.kv().get(&app_key("app-00001")).unwrap().unwrap();
    let current = store::decode_app(&app_key("app-00001"), &raw).unwrap();
    store
        .put_app(Application {
            notes: "edited meanwhile".into(),
            ..current
        })
        .unwrap();
    let store = Store::open(store.into_inner(), NOW).unwrap();
    let ids: Vec<String> = store
        .load_all()
        .unwrap()
        .apps
        .into_iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(ids, ["app-00001", "app-00002"]);
    assert!(!store.kv().entries().contains_key(store::JOURNAL_KEY));
}
