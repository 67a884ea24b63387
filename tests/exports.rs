//! Backups (round trip, every kind of bad file, merge and replace), CSV and iCalendar exports,
//! calendar links.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::Value;

use followup::core::backup::{
    export_backup, parse_backup, plan_import, ImportError, ImportMode, ImportReport, SkipReason,
    Skipped, MAX_BACKUP_BYTES,
};
use followup::core::export::{
    action_title, applications_csv, export_ics, google_calendar_link, ics_uid, job_search_log_csv,
    outlook_calendar_link, CsvOptions, APPLICATION_COLUMNS, LOG_COLUMNS,
};
use followup::core::model::{
    Action, ActionKind, ActionState, Application, Contact, Event, EventKind, Interviewer, Medium,
    Reason, ReasonCode, Round, Settings, Status,
};
use followup::core::store::{MemoryStore, Store, StoreError, SNAPSHOT_KEY};

const NOW: &str = "2026-03-12T09:30:00Z";
const STAMP: &str = "20260312T093000Z";

fn date(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

fn fixture_store() -> Store<MemoryStore> {
    let path = format!(
        "{}/tests/fixtures/storage/v2.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).expect("fixture exists");
    let Value::Object(map) = serde_json::from_str(&text).expect("fixture is JSON") else {
        panic!("fixture is not an object");
    };
    let entries = map.into_iter().map(|(k, v)| (k, v.to_string())).collect();
    Store::open(MemoryStore::with_entries(entries), NOW).expect("fixture opens")
}

fn fixture_backup() -> String {
    fixture_store().export_backup(NOW).unwrap()
}

fn action(
    app: &str,
    key: &str,
    kind: ActionKind,
    contact: Option<&str>,
    due: &str,
    state: ActionState,
) -> Action {
    Action {
        key: key.into(),
        app_id: app.into(),
        kind,
        round_id: None,
        contact_id: contact.map(str::to_string),
        due: date(due),
        late_after: None,
        state,
        done_on: None,
        medium: Medium::Email,
        reason: Reason::new(ReasonCode::InterviewDay, date(due), 0, false),
        held: None,
    }
}

// ---------------------------------------------------------------- backups

#[test]
fn export_import_export_gives_the_same_bytes() {
    let first = fixture_backup();
    let parsed = parse_backup(&first).unwrap();
    assert_eq!(parsed.applications.len(), 3);
    assert_eq!(
        export_backup(&parsed.applications, &parsed.settings, &parsed.exported_at),
        first
    );

    // Through storage too: into empty storage, then out again.
    let mut store = Store::open(MemoryStore::new(), NOW).unwrap();
    let report = store.import_backup(&first, ImportMode::Merge, NOW).unwrap();
    assert_eq!(report.added.len(), 3);
    // The sync choices are this computer's, never the backup's: the fixture syncs its
    // settings, so this computer is set to do the same before the import.
    let mut store_replace = Store::open(MemoryStore::new(), NOW).unwrap();
    let sync_choice = Settings {
        sync_settings: parsed.settings.sync_settings,
        sync_applications: parsed.settings.sync_applications,
        ..Settings::default()
    };
    store_replace.put_settings(&sync_choice, 0).unwrap();
    store_replace
        .import_backup(&first, ImportMode::Replace, NOW)
        .unwrap();
    assert_eq!(store_replace.export_backup(NOW).unwrap(), first);
}

#[test]
fn a_backup_is_ordered_by_id_and_names_its_format() {
    let mut apps = fixture_store().load_all().unwrap().apps;
    apps.reverse();
    let text = export_backup(&apps, &Settings::default(), NOW);
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["format"], "followup-backup");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["exportedAt"], NOW);
    let ids: Vec<&str> = doc["applications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["hooli-sre", "pied-piper-be", "vandelay-import"]);
    assert!(text.ends_with("}\n"));
}

/// The fixture's backup with one change made to its JSON.
fn edited(change: impl FnOnce(&mut Value)) -> String {
    let mut doc: Value = serde_json::from_str(&fixture_backup()).unwrap();
    change(&mut doc);
    serde_json::to_string_pretty(&doc).unwrap()
}

struct BadFile {
    name: &'static str,
    text: String,
    check: fn(&ImportError) -> bool,
    /// Words the message must contain: the problem and its place.
    says: &'static [&'static str],
}

fn bad_files() -> Vec<BadFile> {
    let good = fixture_backup();
    let mut half = good.len() / 2;
    while !good.is_char_boundary(half) {
        half -= 1;
    }
    let csv = applications_csv(
        &fixture_store().load_all().unwrap().apps,
        &[],
        CsvOptions { excel_bom: true },
    );
    let ics = export_ics(
        &fixture_store().load_all().unwrap().apps,
        &[],
        &|_| (String::new(), String::new()),
        STAMP,
    );
    vec![
        BadFile {
            name: "truncated",
            text: good[..half].to_string(),
            check: |e| matches!(e, ImportError::Truncated { line, .. } if *line > 1),
            says: &["ends too early", "line"],
        },
        BadFile {
            name: "not JSON",
            text: "{\n  \"format\": <followup-backup>\n}".into(),
            check: |e| {
                matches!(
                    e,
                    ImportError::NotJson {
                        line: 2,
                        column: 13,
                        ..
                    }
                )
            },
            says: &["not valid JSON", "line 2, column 13"],
        },
        BadFile {
            name: "wrong format",
            text: r#"{"format": "someone-elses-export", "version": 1}"#.into(),
            check: |e| matches!(e, ImportError::WrongFormat { found: Some(f) } if f == "someone-elses-export"),
            says: &["someone-elses-export", "not a Follow-up backup"],
        },
        BadFile {
            name: "no format",
            text: r#"{"applications": []}"#.into(),
            check: |e| matches!(e, ImportError::WrongFormat { found: None }),
            says: &["no \"format\""],
        },
        BadFile {
            name: "future version",
            text: edited(|d| d["version"] = 2.into()),
            check: |e| {
                matches!(
                    e,
                    ImportError::FutureVersion {
                        found: 2,
                        supported: 1
                    }
                )
            },
            says: &["newer version", "backup version 2"],
        },
        BadFile {
            name: "duplicate ids",
            text: edited(|d| {
                let list = d["applications"].as_array_mut().unwrap();
                let copy = list[2].clone();
                list.push(copy);
                let copy = list[0].clone();
                list.push(copy);
            }),
            check: |e| matches!(e, ImportError::DuplicateIds { ids } if ids == &["hooli-sre", "vandelay-import"]),
            says: &["more than once", "hooli-sre, vandelay-import"],
        },
        BadFile {
            name: "invalid round date",
            text: edited(|d| d["applications"][2]["rounds"][0]["date"] = "2026-02-30".into()),
            check: |e| {
                matches!(e, ImportError::InvalidDate { place, value }
                if place.path == "applications[2].rounds[0].date"
                    && place.app_id.as_deref() == Some("vandelay-import")
                    && value == "2026-02-30")
            },
            says: &[
                "applications[2].rounds[0].date",
                "vandelay-import",
                "2026-02-30",
                "not a valid date",
            ],
        },
        BadFile {
            name: "invalid event date",
            text: edited(|d| d["applications"][0]["history"][1]["date"] = "yesterday".into()),
            check: |e| matches!(e, ImportError::InvalidDate { place, .. } if place.path == "applications[0].history[1].date"),
            says: &["applications[0].history[1].date", "hooli-sre", "yesterday"],
        },
        BadFile {
            name: "invalid holiday date",
            text: edited(|d| d["settings"]["holidays"]["own"][0] = "14/08/2026".into()),
            check: |e| matches!(e, ImportError::InvalidDate { place, .. } if place.path == "settings.holidays.own[0]" && place.app_id.is_none()),
            says: &["settings.holidays.own[0]", "14/08/2026"],
        },
        BadFile {
            name: "wrong type",
            text: edited(|d| d["applications"][1]["noContact"] = "yes".into()),
            check: |e| {
                matches!(e, ImportError::WrongType { place, expected: "true or false", found: "text" }
                if place.path == "applications[1].noContact")
            },
            says: &[
                "applications[1].noContact",
                "pied-piper-be",
                "expected true or false, found text",
            ],
        },
        BadFile {
            name: "list expected",
            text: edited(|d| {
                d["applications"][0]["rounds"] = serde_json::json!({"date": "2026-03-16"})
            }),
            check: |e| {
                matches!(e, ImportError::WrongType { place, expected: "a list", found: "an object" }
                if place.path == "applications[0].rounds")
            },
            says: &["applications[0].rounds", "expected a list"],
        },
        BadFile {
            name: "unknown event type",
            text: edited(|d| d["applications"][0]["history"][0]["type"] = "lunch".into()),
            check: |e| matches!(e, ImportError::InvalidValue { place, .. } if place.path == "applications[0].history[0].type"),
            says: &["applications[0].history[0].type", "\"lunch\" is not one of"],
        },
        BadFile {
            name: "missing id",
            text: edited(|d| {
                d["applications"][1].as_object_mut().unwrap().remove("id");
            }),
            check: |e| matches!(e, ImportError::MissingField { place } if place.path == "applications[1].id"),
            says: &["missing applications[1].id"],
        },
        BadFile {
            name: "50 MB",
            text: format!(
                "{{\"format\":\"followup-backup\",\"notes\":\"{}\"}}",
                "x".repeat(50 * 1024 * 1024)
            ),
            check: |e| matches!(e, ImportError::TooLarge { bytes, limit } if *bytes > 50 * 1024 * 1024 && *limit == MAX_BACKUP_BYTES),
            says: &["50.0 MB", "over 20 MB"],
        },
        BadFile {
            name: "a CSV export",
            text: csv,
            check: |e| matches!(e, ImportError::LooksLikeCsv),
            says: &["CSV"],
        },
        BadFile {
            name: "a calendar file",
            text: ics,
            check: |e| matches!(e, ImportError::LooksLikeCalendar),
            says: &["calendar (.ics)"],
        },
        BadFile {
            name: "empty",
            text: "\u{feff}  \r\n".into(),
            check: |e| matches!(e, ImportError::Empty),
            says: &["empty"],
        },
    ]
}

/// An edit of the fixture's backup and the whole message its refusal gives.
type RefusalCase = (fn(&mut Value), &'static str);

#[test]
fn the_model_refusal_names_the_place_what_was_expected_and_what_was_found() {
    let cases: Vec<RefusalCase> = vec![
        (
            |d| d["applications"][2]["revision"] = 5_000_000_000u64.into(),
            "At applications[2].revision (application \"vandelay-import\"): 5000000000 is too large.",
        ),
        (
            |d| d["applications"][2]["revision"] = (-1).into(),
            "At applications[2].revision (application \"vandelay-import\"): expected a whole number of 0 or more, found a number.",
        ),
        (
            |d| d["applications"][0]["medium"] = "fax".into(),
            "At applications[0].medium (application \"hooli-sre\"): \"fax\" is not one of email, phone.",
        ),
        (
            |d| {
                d["applications"][0]["history"][1]
                    .as_object_mut()
                    .unwrap()
                    .remove("action");
            },
            "The backup is missing applications[0].history[1].action (application \"hooli-sre\").",
        ),
        (
            |d| {
                d["applications"][0]["rounds"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("date");
            },
            "The backup is missing applications[0].rounds[0].date (application \"hooli-sre\").",
        ),
        (
            |d| {
                d["applications"][0]["history"][1]["type"] = "snoozed".into();
                d["applications"][0]["history"][1]["until"] = "soon".into();
            },
            "At applications[0].history[1].until (application \"hooli-sre\"): \"soon\" is not a valid date (expected YYYY-MM-DD).",
        ),
        (
            |d| d["settings"]["holidays"]["own"][0] = 5.into(),
            "At settings.holidays.own[0]: expected a date (YYYY-MM-DD), found a number.",
        ),
        (
            |d| d["settings"]["templates"] = serde_json::json!({"thank-you-email": 5}),
            "At settings.templates.thank-you-email: expected text, found a number.",
        ),
        (
            |d| d["applications"][1]["notes"] = Value::Null,
            "At applications[1].notes (application \"pied-piper-be\"): expected text, found null.",
        ),
        (
            |d| {
                d.as_object_mut().unwrap().remove("exportedAt");
            },
            "The backup is missing exportedAt.",
        ),
        (
            |d| d["settings"] = serde_json::json!([2, true]),
            "At settings: expected an object, found a list.",
        ),
        (
            |d| d["applications"][0]["rounds"][1] = serde_json::json!(["h2", "2026-03-30"]),
            "At applications[0].rounds[1] (application \"hooli-sre\"): expected an object, found a list.",
        ),
        (
            |d| d["settings"]["holidays"] = serde_json::json!([]),
            "At settings.holidays: expected an object, found a list.",
        ),
        // A choice that is not text, and a refused event that is the last of its list: the
        // place is the value itself, not what follows it in the file.
        (
            |d| d["applications"][0]["medium"] = serde_json::json!([1]),
            "At applications[0].medium (application \"hooli-sre\"): expected text, found a list.",
        ),
        (
            |d| d["settings"]["language"] = serde_json::json!({}),
            "At settings.language: expected another kind of value, found an object.",
        ),
        (
            |d| {
                let history = d["applications"][0]["history"].as_array_mut().unwrap();
                history.last_mut().unwrap()["type"] = "lunch".into();
            },
            "At applications[0].history[3].type (application \"hooli-sre\"): \"lunch\" is not one of sent, skipped, snoozed, reply, references-requested, status, positive-news.",
        ),
    ];
    for (edit, says) in cases {
        let err = parse_backup(&edited(edit)).unwrap_err();
        assert_eq!(err.to_string(), says);
    }
}

#[test]
fn every_bad_file_is_refused_with_its_problem_and_place_and_nothing_is_written() {
    for bad in bad_files() {
        let mut store = fixture_store();
        let before = store.kv().entries().clone();
        let written_before = store.kv().bytes_written();
        for mode in [ImportMode::Merge, ImportMode::Replace] {
            let err = store
                .import_backup(&bad.text, mode, NOW)
                .expect_err(bad.name);
            assert!((bad.check)(&err), "{}: got {err:?}", bad.name);
            let message = err.to_string();
            for words in bad.says {
                assert!(
                    message.contains(words),
                    "{}: {message:?} lacks {words:?}",
                    bad.name
                );
            }
        }
        assert_eq!(store.kv().entries(), &before, "{}", bad.name);
        assert_eq!(store.kv().bytes_written(), written_before, "{}", bad.name);
    }
}

#[test]
fn merge_adds_updates_and_skips_identical_or_older_copies() {
    let mut store = fixture_store();
    let existing = store.load_all().unwrap().apps;
    let backup_text = edited(|d| {
        let list = d["applications"].as_array_mut().unwrap();
        list[0]["notes"] = "Updated on the laptop".into(); // hooli-sre, revision 7: same
        list[2]["notes"] = "An old copy".into(); // vandelay-import, revision 1
        list[2]["revision"] = 0.into();
        let mut new = list[1].clone();
        new["id"] = "new-app".into();
        new["revision"] = 5.into();
        list.push(new);
    });
    let backup = parse_backup(&backup_text).unwrap();
    let plan = plan_import(&existing, &backup, ImportMode::Merge);
    assert_eq!(plan.report.added, ["new-app"]);
    assert_eq!(plan.report.updated, ["hooli-sre"]);
    assert_eq!(plan.report.skipped.len(), 2);
    assert_eq!(plan.report.skipped[0].id, "pied-piper-be");
    assert_eq!(plan.report.skipped[0].reason, SkipReason::Identical);
    assert_eq!(
        plan.report.skipped[1].reason,
        SkipReason::OlderRevision {
            stored: 1,
            incoming: 0
        }
    );
    assert!(plan.to_delete.is_empty() && plan.settings.is_none());

    store.apply_import(&plan, NOW).unwrap();
    let after = store.load_all().unwrap();
    let revision = |id: &str| after.apps.iter().find(|a| a.id == id).unwrap().revision;
    assert_eq!(revision("hooli-sre"), 8, "stored 7 + 1");
    assert_eq!(
        revision("new-app"),
        5,
        "a new one keeps the backup's revision"
    );
    assert_eq!(revision("vandelay-import"), 1, "skipped");
    assert_eq!(after.apps.len(), 4);
    assert_eq!(after.settings_revision, 4, "merge keeps the settings");
    let hooli = after.apps.iter().find(|a| a.id == "hooli-sre").unwrap();
    assert_eq!(hooli.notes, "Updated on the laptop");
}

#[test]
fn replace_deletes_what_the_backup_lacks_and_the_snapshot_undoes_it() {
    let mut store = fixture_store();
    let before = store.kv().entries().clone();
    let backup_text = edited(|d| {
        d["applications"].as_array_mut().unwrap().truncate(1);
        d["settings"]["bufferDays"] = 3.into();
    });
    let report = store
        .import_backup(&backup_text, ImportMode::Replace, NOW)
        .unwrap();
    assert_eq!(report.deleted, ["pied-piper-be", "vandelay-import"]);
    assert_eq!(report.skipped.len(), 1);
    assert!(report.settings_replaced);
    assert!(report.to_string().contains("2 removed"), "{report}");

    let after = store.load_all().unwrap();
    assert_eq!(after.apps.len(), 1);
    assert_eq!(after.settings.buffer_days, 3);
    assert_eq!(after.settings_revision, 5);

    let snapshot = store.snapshot().unwrap().unwrap();
    assert_eq!(snapshot.reason, "before importing a backup");
    store.restore_snapshot(NOW).unwrap();
    let restored: BTreeMap<_, _> = store
        .kv()
        .entries()
        .iter()
        .filter(|(k, _)| *k != SNAPSHOT_KEY)
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    assert_eq!(restored, before);
}

#[test]
fn an_import_never_changes_the_sync_choices() {
    for (stored_on, mode) in [
        (false, ImportMode::Replace),
        (true, ImportMode::Replace),
        (false, ImportMode::Merge),
    ] {
        let mut store = fixture_store();
        let mut loaded = store.load_all().unwrap();
        loaded.settings.sync_settings = stored_on;
        loaded.settings.sync_applications = stored_on;
        store
            .put_settings(&loaded.settings, loaded.settings_revision)
            .unwrap();
        let backup_text = edited(|d| {
            d["settings"]["syncSettings"] = (!stored_on).into();
            d["settings"]["syncApplications"] = (!stored_on).into();
            d["settings"]["bufferDays"] = 3.into();
        });
        store.import_backup(&backup_text, mode, NOW).unwrap();
        let after = store.load_all().unwrap().settings;
        assert_eq!(after.sync_settings, stored_on, "{mode:?}");
        assert_eq!(after.sync_applications, stored_on, "{mode:?}");
        let replaced = mode == ImportMode::Replace;
        assert_eq!(
            after.buffer_days == 3,
            replaced,
            "{mode:?}: the other settings"
        );
    }

    // Into empty storage: sync stays off, whatever the backup says.
    let mut store = Store::open(MemoryStore::new(), NOW).unwrap();
    let backup_text = edited(|d| {
        d["settings"]["syncSettings"] = true.into();
        d["settings"]["syncApplications"] = true.into();
    });
    store
        .import_backup(&backup_text, ImportMode::Replace, NOW)
        .unwrap();
    let after = store.load_all().unwrap().settings;
    assert!(!after.sync_settings && !after.sync_applications);
}

#[test]
fn importing_the_same_backup_again_keeps_the_snapshot_of_the_state_before_it() {
    let mut store = fixture_store();
    let backup_text = edited(|d| {
        d["applications"].as_array_mut().unwrap().truncate(1);
        d["settings"]["bufferDays"] = 3.into();
    });
    for mode in [ImportMode::Replace, ImportMode::Replace, ImportMode::Merge] {
        store.import_backup(&backup_text, mode, "later").unwrap();
        store
            .import_backup(&backup_text, mode, "later still")
            .unwrap();
    }
    let snapshot = store.snapshot().unwrap().unwrap();
    assert_eq!(
        snapshot.taken_at, "later",
        "a repeat that changes nothing writes nothing"
    );
}

#[test]
fn an_application_changed_after_planning_refuses_the_whole_import() {
    let mut store = fixture_store();
    let existing = store.load_all().unwrap().apps;
    let backup = parse_backup(&edited(|d| {
        d["applications"][0]["notes"] = "from the backup".into();
        d["applications"][2]["notes"] = "from the backup".into();
    }))
    .unwrap();
    let plan = plan_import(&existing, &backup, ImportMode::Replace);

    let vandelay = existing
        .iter()
        .find(|a| a.id == "vandelay-import")
        .unwrap()
        .clone();
    store
        .put_app(Application {
            notes: "edited meanwhile".into(),
            ..vandelay
        })
        .unwrap();
    let before = store.kv().entries().clone();
    let err = store.apply_import(&plan, NOW).unwrap_err();
    assert!(
        matches!(err, StoreError::Conflict { ref id, stored: 2, yours: 1 } if id == "vandelay-import")
    );
    assert_eq!(store.kv().entries(), &before);
}

// ---------------------------------------------------------------- CSV

/// A small RFC 4180 reader: records of fields, CRLF between records.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "a bare CR ends a record");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, '\n') => panic!("a bare LF ends a record"),
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record ends with CRLF"
    );
    records
}

fn tricky_app() -> Application {
    Application {
        id: "t1".into(),
        company: "Smith, Jones & \"Partners\"".into(),
        role: "=HYPERLINK(\"http://evil.example\")".into(),
        notes: "-5% on salary?\nAsk again; line two".into(),
        posting_url: "@SUM(A1:A9)".into(),
        status: Status::NoResponse,
        contacts: vec![
            Contact {
                id: "c1".into(),
                name: "+44 Recruiter".into(),
                ..Default::default()
            },
            Contact {
                id: "c2".into(),
                name: "\tTabbed".into(),
                ..Default::default()
            },
        ],
        ..Default::default()
    }
}

#[test]
fn csv_quotes_per_rfc_4180_and_defuses_formulas() {
    let csv = applications_csv(&[tricky_app()], &[], CsvOptions::default());
    assert!(!csv.starts_with('\u{feff}'));
    let records = read_csv(&csv);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0], APPLICATION_COLUMNS);
    let row = &records[1];
    assert_eq!(row[0], "Smith, Jones & \"Partners\"");
    assert_eq!(row[1], "'=HYPERLINK(\"http://evil.example\")");
    assert_eq!(row[2], "no response");
    assert_eq!(row[4], "'@SUM(A1:A9)");
    assert_eq!(row[7], "'+44 Recruiter; \tTabbed");
    assert_eq!(row[10], "'-5% on salary?\nAsk again; line two");
    assert!(
        csv.contains("\"Smith, Jones & \"\"Partners\"\"\""),
        "quotes doubled inside a quoted field: {csv}"
    );
    for cell in [
        "\tleading tab",
        "\rleading return",
        "=1+1",
        "+1",
        "-1",
        "@x",
    ] {
        let app = Application {
            notes: cell.into(),
            ..Default::default()
        };
        let row = &read_csv(&applications_csv(&[app], &[], CsvOptions::default()))[1];
        assert_eq!(row[10], format!("'{cell}"), "{cell:?}");
    }
}

#[test]
fn csv_can_start_with_a_byte_order_mark_for_excel() {
    let csv = applications_csv(&[], &[], CsvOptions { excel_bom: true });
    assert!(csv.starts_with("\u{feff}Company,Role,"));
    assert!(csv.ends_with("Notes,Location,Salary\r\n"));
}

fn saved_from_posting() -> Application {
    Application {
        id: "p1".into(),
        revision: 2,
        company: "Northwind Traders".into(),
        role: "Data Analyst".into(),
        posting_url: "https://careers.northwind.example/jobs/1234".into(),
        applied_on: Some(date("2026-03-02")),
        posting: Some(followup::core::model::PostingDetails {
            locations: vec!["Leipzig, SN, DE".into(), "Vienna, AT".into()],
            remote: true,
            salary: "52000–64000 EUR / year".into(),
            employment_type: "FULL_TIME".into(),
            date_posted: Some(date("2026-03-01")),
            valid_through: Some(date("2026-04-30")),
            posting_id: "1234".into(),
            description: "About the role\nYou will \"read\" data.".into(),
            source: "json-ld".into(),
            captured_on: Some(date("2026-03-02")),
        }),
        ..Default::default()
    }
}

#[test]
fn the_applications_csv_has_the_postings_location_salary_and_address() {
    let records = read_csv(&applications_csv(
        &[saved_from_posting(), Application::default()],
        &[],
        CsvOptions::default(),
    ));
    assert_eq!(records[0][4], "Posting URL");
    assert_eq!(records[0][11..], ["Location", "Salary"]);
    assert_eq!(records[1][4], "https://careers.northwind.example/jobs/1234");
    assert_eq!(records[1][11], "Leipzig, SN, DE; Vienna, AT; remote");
    assert_eq!(records[1][12], "52000–64000 EUR / year");
    assert_eq!(records[2][11..], ["", ""], "added by hand: empty");
}

#[test]
fn a_backup_keeps_the_posting_and_leaves_it_out_when_there_is_none() {
    let plain = Application {
        id: "a1".into(),
        company: "Acme".into(),
        ..Default::default()
    };
    let text = export_backup(
        &[saved_from_posting(), plain.clone()],
        &Settings::default(),
        NOW,
    );
    let parsed = parse_backup(&text).unwrap();
    assert_eq!(parsed.applications[1], saved_from_posting());
    assert_eq!(parsed.applications[0].posting, None);
    let json: Value = serde_json::from_str(&text).unwrap();
    let apps = json["applications"].as_array().unwrap();
    assert!(
        apps[0].get("posting").is_none(),
        "no posting: no key at all"
    );
    let posting = &apps[1]["posting"];
    assert_eq!(posting["employmentType"], "FULL_TIME");
    assert_eq!(posting["datePosted"], "2026-03-01");
    assert_eq!(posting["capturedOn"], "2026-03-02");
    // An application without one is written exactly as before the posting existed.
    assert_eq!(
        serde_json::to_string(&plain).unwrap(),
        r#"{"id":"a1","revision":0,"company":"Acme","role":"","postingUrl":"","status":"applied","notes":"","medium":null,"noContact":false,"decisionDate":null,"appliedOn":null,"rounds":[],"contacts":[],"history":[],"language":null,"informal":false}"#
    );
    // Empty posting fields are left out.
    let bare = Application {
        posting: Some(followup::core::model::PostingDetails {
            salary: "50k".into(),
            ..Default::default()
        }),
        ..plain
    };
    assert!(serde_json::to_string(&bare)
        .unwrap()
        .ends_with(r#""posting":{"salary":"50k"}}"#));
}

fn hooli_actions() -> Vec<Action> {
    let mut sent = action(
        "hooli-sre",
        "h1/thank-you-email/k1",
        ActionKind::ThankYouEmail,
        Some("k1"),
        "2026-03-16",
        ActionState::Done,
    );
    sent.done_on = Some(date("2026-03-16"));
    vec![
        sent,
        action(
            "hooli-sre",
            "h2/thank-you-email/k1",
            ActionKind::ThankYouEmail,
            Some("k1"),
            "2026-03-30",
            ActionState::Done,
        ),
        action(
            "vandelay-import",
            "alert-reference/a2",
            ActionKind::AlertReference,
            Some("a2"),
            "2026-03-23",
            ActionState::Done,
        ),
    ]
}

#[test]
fn the_applications_csv_has_rounds_contacts_history_and_sent_actions() {
    let apps = fixture_store().load_all().unwrap().apps;
    let records = read_csv(&applications_csv(
        &apps,
        &hooli_actions(),
        CsvOptions::default(),
    ));
    assert_eq!(records.len(), 4);
    let hooli = &records[1];
    assert_eq!(
        hooli[..6],
        [
            "Hooli",
            "Site Reliability Engineer",
            "interviewing",
            "2026-03-02",
            "https://hooli.example/jobs/sre-2",
            "2026-04-17"
        ]
    );
    assert_eq!(
        hooli[6],
        "2026-03-16 phone screen; 2026-03-30 systems design"
    );
    assert_eq!(
        hooli[7],
        "Gavin Belson (Head of Infrastructure, gavin@hooli.example, hiring manager); \
         Zoë Ørsted (Staff SRE, zoe@hooli.example)"
    );
    assert_eq!(hooli[8], "2026-03-02 applied → 2026-03-10 interviewing");
    assert_eq!(
        hooli[9],
        "2026-03-16 Thank-you email to Gavin Belson; 2026-03-30 Thank-you email to Gavin Belson"
    );
    let piper = &records[2];
    assert_eq!(piper[2], "ghosted");
    assert_eq!(piper[8], "2026-02-11 applied → 2026-02-25 ghosted");
    let vandelay = &records[3];
    assert_eq!(
        vandelay[9], "2026-03-19 v1/thank-you-email/a1; 2026-03-23 Reference alert to Kel Varnsen",
        "a sent action the planner no longer lists shows its key"
    );
}

#[test]
fn the_job_search_log_lists_every_contact_by_date() {
    let apps = fixture_store().load_all().unwrap().apps;
    let mut actions = hooli_actions();
    actions.push(action(
        "vandelay-import",
        "v1/thank-you-email/a1",
        ActionKind::ThankYouEmail,
        Some("a1"),
        "2026-03-19",
        ActionState::Done,
    ));
    let records = read_csv(&job_search_log_csv(&apps, &actions, CsvOptions::default()));
    assert_eq!(records[0], LOG_COLUMNS);
    let rows: Vec<String> = records[1..].iter().map(|r| r.join(" | ")).collect();
    assert_eq!(
        rows,
        [
            "2026-02-11 | Pied Piper | Backend Engineer | Application submitted |  | ",
            "2026-02-28 | Vandelay Industries | Import/Export Analyst | Application submitted |  | online",
            "2026-03-02 | Hooli | Site Reliability Engineer | Application submitted |  | online",
            "2026-03-16 | Hooli | Site Reliability Engineer | Interview | Gavin Belson | phone screen",
            "2026-03-16 | Hooli | Site Reliability Engineer | Thank-you email | Gavin Belson | email",
            "2026-03-19 | Vandelay Industries | Import/Export Analyst | Interview | Art Vandelay | on-site",
            "2026-03-19 | Vandelay Industries | Import/Export Analyst | Thank-you email | Art Vandelay | email",
            "2026-03-23 | Vandelay Industries | Import/Export Analyst | Employer asked for references |  | ",
            "2026-03-23 | Vandelay Industries | Import/Export Analyst | Reference alert | Kel Varnsen | email",
            "2026-03-25 | Hooli | Site Reliability Engineer | Reply from employer |  | ",
            "2026-03-30 | Hooli | Site Reliability Engineer | Interview | Gavin Belson, Zoë Ørsted | systems design",
            "2026-03-30 | Hooli | Site Reliability Engineer | Thank-you email | Gavin Belson | email",
        ]
    );
}

// ---------------------------------------------------------------- iCalendar

/// One content line: name, parameters, unescaped value.
#[derive(Debug, Clone)]
struct Property {
    name: String,
    params: String,
    value: String,
}

fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => panic!("dangling backslash in {text:?}"),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Checks the physical lines, unfolds them and splits the file into its events.
fn read_ics(text: &str) -> (Vec<Property>, Vec<Vec<Property>>) {
    assert!(text.ends_with("\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        assert!(!line.contains('\n') && !line.contains('\r'));
    }
    let unfolded = text.replace("\r\n ", "");
    let mut calendar = Vec::new();
    let mut events = Vec::new();
    let mut current: Option<Vec<Property>> = None;
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        let (head, value) = line.split_once(':').expect("name:value");
        let (name, params) = head.split_once(';').unwrap_or((head, ""));
        let property = Property {
            name: name.into(),
            params: params.into(),
            value: unescape(value),
        };
        match (name, value) {
            ("BEGIN", "VEVENT") => current = Some(Vec::new()),
            ("END", "VEVENT") => events.push(current.take().expect("event open")),
            _ => match current.as_mut() {
                Some(event) => event.push(property),
                None => calendar.push(property),
            },
        }
    }
    (calendar, events)
}

fn get<'a>(event: &'a [Property], name: &str) -> &'a Property {
    event
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("{name} missing in {event:?}"))
}

fn planned_actions() -> Vec<Action> {
    vec![
        action(
            "hooli-sre",
            "h2/thank-you-email/k2",
            ActionKind::ThankYouEmail,
            Some("k2"),
            "2026-03-30",
            ActionState::Overdue,
        ),
        action(
            "hooli-sre",
            "h2/first-follow-up",
            ActionKind::FirstFollowUp,
            Some("k1"),
            "2026-04-21",
            ActionState::Upcoming,
        ),
        action(
            "hooli-sre",
            "h2/second-follow-up",
            ActionKind::SecondFollowUp,
            Some("k1"),
            "2026-04-28",
            ActionState::Projected,
        ),
        action(
            "vandelay-import",
            "congratulate/2026-03-26",
            ActionKind::Congratulate,
            Some("a1"),
            "2026-03-27",
            ActionState::Due,
        ),
        action(
            "pied-piper-be",
            "application-reminder",
            ActionKind::ApplicationReminder,
            None,
            "2026-03-13",
            ActionState::Snoozed,
        ),
        action(
            "hooli-sre",
            "h1/thank-you-email/k1",
            ActionKind::ThankYouEmail,
            Some("k1"),
            "2026-03-16",
            ActionState::Done,
        ),
        action(
            "vandelay-import",
            "v1/thank-you-card/a1",
            ActionKind::ThankYouCard,
            Some("a1"),
            "2026-03-21",
            ActionState::Skipped,
        ),
    ]
}

fn describe_with(apps: &[Application]) -> impl Fn(&Action) -> (String, String) + '_ {
    move |a: &Action| {
        let app = apps.iter().find(|x| x.id == a.app_id).unwrap();
        (
            action_title(app, a),
            format!(
                "Hi,\nThanks for the chat; it was great, really.\nC:\\notes\\{}",
                a.key
            ),
        )
    }
}

#[test]
fn ics_has_one_event_per_action_to_do_and_per_round_on_their_dates() {
    let apps = fixture_store().load_all().unwrap().apps;
    let actions = planned_actions();
    let text = export_ics(&apps, &actions, &describe_with(&apps), STAMP);
    let (calendar, events) = read_ics(&text);

    let header: Vec<String> = calendar
        .iter()
        .map(|p| format!("{}:{}", p.name, p.value))
        .collect();
    assert_eq!(
        header[..4],
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Follow-up//Interview follow-ups//EN",
            "CALSCALE:GREGORIAN"
        ]
    );
    assert_eq!(header.last().unwrap(), "END:VCALENDAR");

    let to_do: Vec<&Action> = actions
        .iter()
        .filter(|a| !matches!(a.state, ActionState::Done | ActionState::Skipped))
        .collect();
    let rounds: usize = apps.iter().map(|a| a.rounds.len()).sum();
    assert_eq!(events.len(), to_do.len() + rounds);

    for a in &to_do {
        let uid = ics_uid(&a.app_id, &a.key);
        let event = events
            .iter()
            .find(|e| get(e, "UID").value == uid)
            .unwrap_or_else(|| panic!("no event for {}", a.key));
        let start = get(event, "DTSTART");
        assert_eq!(start.params, "VALUE=DATE");
        assert_eq!(start.value, a.due.format("%Y%m%d").to_string());
        let end = get(event, "DTEND");
        assert_eq!(end.params, "VALUE=DATE");
        assert_eq!(
            end.value,
            a.due.succ_opt().unwrap().format("%Y%m%d").to_string()
        );
        assert_eq!(get(event, "DTSTAMP").value, STAMP);
        let (title, description) = describe_with(&apps)(a);
        assert_eq!(get(event, "SUMMARY").value, title);
        assert_eq!(
            get(event, "DESCRIPTION").value,
            description,
            "escaping round-trips"
        );
    }
    let overdue = events
        .iter()
        .find(|e| get(e, "UID").value == ics_uid("hooli-sre", "h2/thank-you-email/k2"))
        .unwrap();
    assert_eq!(
        get(overdue, "SUMMARY").value,
        "Thank-you email to Zoë Ørsted, Hooli, Site Reliability Engineer"
    );

    let interviews: Vec<&Vec<Property>> = events
        .iter()
        .filter(|e| get(e, "SUMMARY").value.starts_with("Interview"))
        .collect();
    assert_eq!(interviews.len(), rounds);
    let design = interviews
        .iter()
        .find(|e| get(e, "DTSTART").value == "20260330")
        .unwrap();
    assert_eq!(
        get(design, "SUMMARY").value,
        "Interview (systems design), Hooli, Site Reliability Engineer"
    );
    assert_eq!(
        get(design, "DESCRIPTION").value,
        "With Gavin Belson (Head of Infrastructure), Zoë Ørsted (Staff SRE)."
    );
}

#[test]
fn ics_escapes_text_and_folds_long_lines_without_splitting_characters() {
    let apps = vec![Application {
        id: "a".into(),
        company: "Ünïcode, Inc.".into(),
        role: "Rôle; with \\ backslash".into(),
        rounds: vec![Round {
            id: "r".into(),
            date: date("2026-03-03"),
            kind: "on-site".into(),
            interviewers: vec![Interviewer::default()],
            ..Default::default()
        }],
        ..Default::default()
    }];
    let long = "Thank you — ".repeat(20) + "\r\nend; done, ok \\ ✓";
    let actions = vec![action(
        "a",
        "k",
        ActionKind::FirstFollowUp,
        None,
        "2026-03-04",
        ActionState::Due,
    )];
    let text = export_ics(
        &apps,
        &actions,
        &|_| ("Sum, mary; \\ x\ny".into(), long.clone()),
        STAMP,
    );
    assert!(
        text.contains("SUMMARY:Sum\\, mary\\; \\\\ x\\ny\r\n"),
        "{text}"
    );
    assert!(text.contains("\r\n "), "long lines are folded");
    let (_, events) = read_ics(&text);
    assert_eq!(
        get(&events[0], "DESCRIPTION").value,
        long.replace("\r\n", "\n")
    );
    assert_eq!(
        get(&events[1], "SUMMARY").value,
        "Interview (on-site), Ünïcode, Inc., Rôle; with \\ backslash"
    );
}

#[test]
fn ics_uids_are_stable_and_unique() {
    let apps = fixture_store().load_all().unwrap().apps;
    let mut actions = planned_actions();
    let first = export_ics(&apps, &actions, &describe_with(&apps), STAMP);
    // Later: dates moved, order changed, another stamp.
    actions.reverse();
    for a in &mut actions {
        a.due = a.due.succ_opt().unwrap();
    }
    let second = export_ics(&apps, &actions, &describe_with(&apps), "20260320T080000Z");
    let uids = |text: &str| {
        let mut uids: Vec<String> = read_ics(text)
            .1
            .iter()
            .map(|e| get(e, "UID").value.clone())
            .collect();
        uids.sort();
        uids
    };
    let (a, b) = (uids(&first), uids(&second));
    assert_eq!(a, b);
    let mut unique = a.clone();
    unique.dedup();
    assert_eq!(unique.len(), a.len());
    assert!(a.iter().all(|u| u.ends_with("@followup.local")));
    assert!(a.contains(&"hooli_2Dsre-h2_2Ffirst_2Dfollow_2Dup@followup.local".to_string()));
    assert!(a.contains(&"hooli_2Dsre-round-h1@followup.local".to_string()));
}

#[test]
fn an_action_listed_twice_gets_one_event() {
    let twice = vec![
        action(
            "a",
            "k",
            ActionKind::CheckIn,
            None,
            "2026-03-04",
            ActionState::Due,
        ),
        action(
            "a",
            "k",
            ActionKind::CheckIn,
            None,
            "2026-03-04",
            ActionState::Due,
        ),
    ];
    let (_, events) = read_ics(&export_ics(
        &[],
        &twice,
        &|_| ("t".into(), String::new()),
        STAMP,
    ));
    assert_eq!(events.len(), 1);
    assert!(
        events[0].iter().all(|p| p.name != "DESCRIPTION"),
        "no empty description"
    );
}

// ---------------------------------------------------------------- links

#[test]
fn calendar_links_encode_their_text_and_span_one_day() {
    let day = date("2026-03-31");
    assert_eq!(
        google_calendar_link("Follow up: Acme & Co", "Hi Dana,\nany news?", day),
        "https://calendar.google.com/calendar/render?action=TEMPLATE\
         &text=Follow%20up%3A%20Acme%20%26%20Co&dates=20260331/20260401\
         &details=Hi%20Dana%2C%0Aany%20news%3F"
    );
    assert_eq!(
        outlook_calendar_link("Merci, Zoë", "a+b=c", day),
        "https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose\
         &rru=addevent&subject=Merci%2C%20Zo%C3%AB&body=a%2Bb%3Dc\
         &startdt=2026-03-31&enddt=2026-04-01&allday=true"
    );
}

#[test]
fn a_status_history_without_an_application_date_starts_from_the_old_status() {
    let app = Application {
        status: Status::Rejected,
        history: vec![Event {
            date: date("2026-03-20"),
            kind: EventKind::Status {
                from: Status::Interviewing,
                to: Status::Rejected,
            },
        }],
        ..Default::default()
    };
    let row = &read_csv(&applications_csv(&[app], &[], CsvOptions::default()))[1];
    assert_eq!(row[8], "interviewing → 2026-03-20 rejected");
}

#[test]
fn the_example_in_the_format_documentation_imports() {
    let path = format!("{}/docs/backup-format.md", env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(path).expect("format documentation exists");
    let example = doc
        .split("```json")
        .last()
        .and_then(|rest| rest.split("```").next())
        .expect("an example");
    let backup = parse_backup(example).unwrap();
    assert_eq!(backup.applications[0].id, "hooli-sre");
    assert_eq!(backup.applications[0].history.len(), 2);
}

/// What an iCalendar reader gets back from TEXT: line breaks as `\n`, other control
/// characters but tabs dropped.
fn ics_text_as_read(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

proptest! {
    #[test]
    fn any_csv_cell_reads_back_as_written(cell in any::<String>()) {
        let app = Application { notes: cell.clone(), ..Default::default() };
        let row = &read_csv(&applications_csv(&[app], &[], CsvOptions::default()))[1];
        let guarded = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
        let expected = if guarded { format!("'{cell}") } else { cell };
        prop_assert_eq!(&row[10], &expected);
    }

    #[test]
    fn any_event_text_survives_escaping_and_folding(summary in any::<String>(), description in any::<String>()) {
        let actions = [action("a", "k", ActionKind::CheckIn, None, "2026-03-04", ActionState::Due)];
        let text = export_ics(&[], &actions, &|_| (summary.clone(), description.clone()), STAMP);
        let (_, events) = read_ics(&text);
        prop_assert_eq!(&get(&events[0], "SUMMARY").value, &ics_text_as_read(&summary));
        if !description.is_empty() {
            prop_assert_eq!(&get(&events[0], "DESCRIPTION").value, &ics_text_as_read(&description));
        }
    }

    #[test]
    fn any_input_is_refused_or_read_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse_backup(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn any_cut_of_a_backup_is_refused_cleanly(cut in 0usize..2000) {
        let good = fixture_backup();
        let mut end = cut.min(good.len() - 1);
        while !good.is_char_boundary(end) {
            end -= 1;
        }
        prop_assert!(parse_backup(&good[..end]).is_err());
    }
}

// ---------------------------------------------------------------- files to download

#[test]
fn each_export_file_has_its_name_type_and_the_text_of_its_exporter() {
    use followup::core::files::{export_file, ExportKind};
    use followup::core::plan;
    let loaded = fixture_store().load_all().unwrap();
    let today = date("2026-03-18");
    let now = "2026-03-18T10:15:42.123Z";
    let file = |kind| export_file(kind, &loaded.apps, &loaded.settings, today, now);
    let actions = plan::plan(&loaded.apps, &loaded.settings, today).actions;

    let backup = file(ExportKind::Backup);
    assert_eq!(backup.filename, "followup-backup-2026-03-18.json");
    assert_eq!(backup.mime, "application/json");
    assert_eq!(
        backup.text,
        export_backup(&loaded.apps, &loaded.settings, now)
    );

    let csv = file(ExportKind::ApplicationsCsv);
    assert_eq!(csv.filename, "followup-applications-2026-03-18.csv");
    assert_eq!(csv.mime, "text/csv;charset=utf-8");
    assert!(
        csv.text.starts_with('\u{feff}'),
        "Excel needs the byte-order mark"
    );
    assert_eq!(
        csv.text,
        applications_csv(&loaded.apps, &actions, CsvOptions { excel_bom: true })
    );

    let log = file(ExportKind::LogCsv);
    assert_eq!(log.filename, "followup-job-search-log-2026-03-18.csv");
    assert_eq!(
        log.text,
        job_search_log_csv(&loaded.apps, &actions, CsvOptions { excel_bom: true })
    );

    let ics = file(ExportKind::Ics);
    assert_eq!(ics.filename, "followup-plan-2026-03-18.ics");
    assert_eq!(ics.mime, "text/calendar;charset=utf-8");
    let (_, events) = read_ics(&ics.text);
    let stamps: Vec<&str> = events
        .iter()
        .flat_map(|e| e.iter().filter(|p| p.name == "DTSTAMP"))
        .map(|p| p.value.as_str())
        .collect();
    assert!(!stamps.is_empty());
    assert!(
        stamps.iter().all(|s| *s == "20260318T101542Z"),
        "{stamps:?}"
    );
    // Every action still to do is in it, on its due date, described by the planner's reason.
    let to_do: Vec<_> = actions
        .iter()
        .filter(|a| {
            matches!(
                a.state,
                ActionState::Upcoming
                    | ActionState::Due
                    | ActionState::Overdue
                    | ActionState::Snoozed
                    | ActionState::Projected
            )
        })
        .collect();
    assert!(!to_do.is_empty());
    for action in to_do {
        let uid = ics_uid(&action.app_id, &action.key);
        let event = events
            .iter()
            .find(|e| e.iter().any(|p| p.name == "UID" && p.value == uid))
            .unwrap_or_else(|| panic!("no event for {uid}"));
        let start = event.iter().find(|p| p.name == "DTSTART").unwrap();
        assert_eq!(start.value, action.due.format("%Y%m%d").to_string());
    }
}

#[test]
fn export_kinds_are_named_and_an_unknown_one_is_refused_in_words() {
    use followup::core::files::ExportKind;
    for kind in ExportKind::ALL {
        assert_eq!(kind.as_str().parse::<ExportKind>(), Ok(kind));
    }
    let err = "pdf".parse::<ExportKind>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "There is no export called \"pdf\" (known: backup, applications-csv, log-csv, ics, insights-csv)."
    );
}

#[test]
fn an_import_report_reads_back_as_written() {
    let report = ImportReport {
        added: vec!["a".into()],
        skipped: vec![
            Skipped {
                id: "b".into(),
                reason: SkipReason::Identical,
            },
            Skipped {
                id: "c".into(),
                reason: SkipReason::OlderRevision {
                    stored: 3,
                    incoming: 2,
                },
            },
        ],
        ..ImportReport::default()
    };
    let json = serde_json::to_string(&report).unwrap();
    assert_eq!(serde_json::from_str::<ImportReport>(&json).unwrap(), report);
    let bad = r#"{"added":[],"updated":[],"skipped":[{"id":"c","reason":{"kind":"older-revision","stored":3}}],"deleted":[],"settingsReplaced":false}"#;
    assert!(serde_json::from_str::<ImportReport>(bad).is_err());
}
