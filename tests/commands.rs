//! The command path: every change to the data goes through `core::command`, reads only the
//! records it names, writes nothing when it is refused, and edits the stored application
//! rather than a copy the page holds.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use proptest::prelude::*;

use followup::core::backup;
use followup::core::command::{self, Command, CommandError, Ctx, Edit, Reads, Reply};
use followup::core::demo::sample_applications;
use followup::core::model::{Application, EventKind, Settings, Status};
use followup::core::ops::OpError;
use followup::core::plan::{self, key};
use followup::core::store::{
    app_key, KvStore, MemoryStore, StoreError, INDEX_KEY, JOURNAL_KEY, SETTINGS_KEY, SUMMARY_KEY,
};

const NOW: &str = "2026-03-12T09:30:00Z";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 12).unwrap()
}

fn ctx() -> Ctx {
    Ctx {
        today: today(),
        now: NOW.into(),
    }
}

/// The sample applications, stored through the command path.
fn seeded() -> (MemoryStore, Vec<Application>) {
    let mut kv = MemoryStore::new();
    let mut stored = Vec::new();
    for app in sample_applications(today()) {
        let reply = command::execute(&mut kv, Command::SaveApp { app: Box::new(app) }, &ctx())
            .expect("a new application saves");
        let Reply::App(app) = reply else {
            panic!("save replies with the application")
        };
        assert_eq!(app.revision, 1);
        stored.push(*app);
    }
    (kv, stored)
}

/// An action of `app` that is due today or overdue.
fn due_action(app: &Application) -> Option<String> {
    let calendar = followup::core::calendar::WorkCalendar::from_settings(&Default::default());
    let (actions, _) = plan::plan_application(app, &Settings::default(), &calendar, today());
    actions
        .into_iter()
        .find(|a| a.state.is_actionable())
        .map(|a| a.key)
}

fn stored_app(kv: &MemoryStore, id: &str) -> Application {
    serde_json::from_str(&kv.get(&app_key(id)).unwrap().expect("stored")).unwrap()
}

#[test]
fn recording_sent_edits_the_stored_application_and_writes_one_record() {
    let (mut kv, apps) = seeded();
    let (app, action) = apps
        .iter()
        .find_map(|a| due_action(a).map(|k| (a, k)))
        .expect("the sample has a due action");
    let before = kv.bytes_written();
    let edit = Command::Edit {
        app_id: app.id.clone(),
        edit: Edit::Sent {
            action_key: action.clone(),
            date: today(),
        },
    };
    let Reply::App(saved) = command::execute(&mut kv, edit, &ctx()).unwrap() else {
        panic!("an edit replies with the application")
    };
    assert_eq!(saved.revision, app.revision + 1);
    assert!(saved.history.iter().any(|e| matches!(
        &e.kind,
        EventKind::Sent { action: k } if *k == action
    )));
    assert_eq!(stored_app(&kv, &app.id), *saved);
    let one_record =
        (app_key(&app.id).len() + serde_json::to_string(&*saved).unwrap().len()) as u64;
    assert_eq!(kv.bytes_written() - before, one_record);

    // A second edit from a page that still holds revision 1 is applied to what is stored.
    let undo = Command::Edit {
        app_id: app.id.clone(),
        edit: Edit::Undo { action_key: action },
    };
    let Reply::App(undone) = command::execute(&mut kv, undo, &ctx()).unwrap() else {
        panic!()
    };
    assert_eq!(undone.revision, app.revision + 2);
    assert_eq!(undone.history, app.history);
}

#[test]
fn refused_commands_write_nothing() {
    let (mut kv, apps) = seeded();
    let app = &apps[0];
    let entries = kv.entries().clone();
    let written = kv.bytes_written();
    let cases = [
        (
            Command::Edit {
                app_id: "nobody".into(),
                edit: Edit::ReferencesRequested { date: today() },
            },
            "not-found app",
        ),
        (
            Command::Edit {
                app_id: app.id.clone(),
                edit: Edit::Sent {
                    action_key: key::stay_connected("c-404"),
                    date: today(),
                },
            },
            "an action the plan does not list",
        ),
        (
            Command::Edit {
                app_id: app.id.clone(),
                edit: Edit::Reply {
                    date: today(),
                    decision_date: Some(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()),
                },
            },
            "a decision before the reply",
        ),
        (
            Command::SaveApp {
                app: Box::new(Application {
                    revision: 0,
                    ..app.clone()
                }),
            },
            "a stale revision",
        ),
        (
            Command::DeleteApp {
                id: app.id.clone(),
                revision: 7,
            },
            "a delete at the wrong revision",
        ),
        (
            Command::SaveSettings {
                settings: Box::default(),
                revision: 3,
            },
            "settings at the wrong revision",
        ),
        (
            Command::Import {
                text: "{not a backup".into(),
                replace: true,
            },
            "a broken backup",
        ),
        (Command::RestoreSnapshot, "no snapshot to restore"),
    ];
    for (command, what) in cases {
        let result = command::execute(&mut kv, command, &ctx());
        assert!(result.is_err(), "{what} was accepted");
        assert_eq!(kv.entries(), &entries, "{what} changed storage");
        assert_eq!(kv.bytes_written(), written, "{what} wrote");
    }
}

#[test]
fn errors_keep_their_kind_for_the_pages() {
    let (mut kv, apps) = seeded();
    let app = &apps[0];
    let stale = Command::SaveApp {
        app: Box::new(Application {
            revision: 0,
            ..app.clone()
        }),
    };
    assert!(matches!(
        command::execute(&mut kv, stale, &ctx()),
        Err(CommandError::Store(StoreError::Conflict { .. }))
    ));
    let same = Command::Edit {
        app_id: app.id.clone(),
        edit: Edit::Status {
            date: today(),
            status: app.status.clone(),
        },
    };
    assert!(matches!(
        command::execute(&mut kv, same, &ctx()),
        Err(CommandError::Op(OpError::SameStatus { .. }))
    ));
}

#[test]
fn settings_delete_import_and_restore_run_through_the_same_path() {
    let (mut kv, apps) = seeded();
    let settings = Settings {
        buffer_days: 3,
        ..Settings::default()
    };
    let reply = command::execute(
        &mut kv,
        Command::SaveSettings {
            settings: Box::new(settings.clone()),
            revision: 0,
        },
        &ctx(),
    )
    .unwrap();
    assert_eq!(reply, Reply::Settings { revision: 1 });

    let before_import = kv.entries().clone();
    let text = backup::export_backup(&apps[..1], &Settings::default(), NOW);
    let Reply::Imported(report) = command::execute(
        &mut kv,
        Command::Import {
            text,
            replace: true,
        },
        &ctx(),
    )
    .unwrap() else {
        panic!("an import replies with its report")
    };
    assert_eq!(report.deleted.len(), apps.len() - 1);
    assert!(kv.get(&app_key(&apps[1].id)).unwrap().is_none());

    command::execute(&mut kv, Command::RestoreSnapshot, &ctx()).unwrap();
    for (key, value) in &before_import {
        assert_eq!(kv.get(key).unwrap().as_ref(), Some(value), "{key}");
    }

    let last = &apps[apps.len() - 1];
    command::execute(
        &mut kv,
        Command::DeleteApp {
            id: last.id.clone(),
            revision: 1,
        },
        &ctx(),
    )
    .unwrap();
    assert!(kv.get(&app_key(&last.id)).unwrap().is_none());
}

/// A store that records which keys were read and written.
struct Watched {
    inner: MemoryStore,
    read: Vec<String>,
    wrote: Vec<String>,
}

impl KvStore for Watched {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        // Reads are recorded through `get_all` and `execute`'s key list instead.
        self.inner.get(key)
    }
    fn set_many(&mut self, entries: &[(String, String)]) -> Result<(), StoreError> {
        self.wrote.extend(entries.iter().map(|(k, _)| k.clone()));
        self.inner.set_many(entries)
    }
    fn remove_many(&mut self, keys: &[String]) -> Result<(), StoreError> {
        self.wrote.extend(keys.iter().cloned());
        self.inner.remove_many(keys)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
}

fn arb_edit(keys: Vec<String>) -> impl Strategy<Value = Edit> {
    let key = proptest::sample::select(keys);
    let day = (0u64..20).prop_map(|n| today() - chrono::Days::new(10) + chrono::Days::new(n));
    prop_oneof![
        (key.clone(), day.clone()).prop_map(|(action_key, date)| Edit::Sent { action_key, date }),
        (key.clone(), day.clone()).prop_map(|(action_key, date)| Edit::Skip { action_key, date }),
        (key.clone(), day.clone())
            .prop_map(|(action_key, until)| Edit::Snooze { action_key, until }),
        key.prop_map(|action_key| Edit::Undo { action_key }),
        (day.clone(), proptest::option::of(day.clone())).prop_map(|(date, decision_date)| {
            Edit::Reply {
                date,
                decision_date,
            }
        }),
        (day.clone(), proptest::sample::select(Status::ALL.to_vec()))
            .prop_map(|(date, status)| Edit::Status { date, status }),
        day.prop_map(|date| Edit::ReferencesRequested { date }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the edits, each writes at most the one application it names, and only when
    /// it succeeds.
    #[test]
    fn edits_write_only_the_application_they_name(
        edits in proptest::collection::vec((0usize..8, arb_edit(vec![
            key::ASK_FEEDBACK.to_string(),
            key::APPLICATION_REMINDER.to_string(),
            key::first_follow_up("r1", 0),
            key::thank_you_email("r1", "c1"),
        ])), 1..12)
    ) {
        let (kv, apps) = seeded();
        let mut watched = Watched { inner: kv, read: Vec::new(), wrote: Vec::new() };
        for (i, edit) in edits {
            let app = &apps[i % apps.len()];
            let command = Command::Edit { app_id: app.id.clone(), edit };
            let Reads::Keys(keys) = command.reads() else {
                panic!("an edit reads named keys")
            };
            prop_assert_eq!(
                keys.clone(),
                vec![
                    app_key(&app.id),
                    SETTINGS_KEY.to_string(),
                    SUMMARY_KEY.to_string(),
                    JOURNAL_KEY.to_string()
                ]
            );
            watched.read.extend(keys);
            watched.wrote.clear();
            let before: BTreeMap<String, String> = watched.inner.entries().clone();
            match command::execute(&mut watched, command, &ctx()) {
                Ok(_) => prop_assert_eq!(watched.wrote.clone(), vec![app_key(&app.id)]),
                Err(_) => {
                    prop_assert!(watched.wrote.is_empty());
                    prop_assert_eq!(watched.inner.entries(), &before);
                }
            }
        }
    }
}

#[test]
fn a_command_finishes_an_interrupted_import_before_it_runs() {
    let (mut kv, apps) = seeded();
    // A replace-import keeping only the first application, stopped after its first write.
    let text = backup::export_backup(&apps[..1], &Settings::default(), NOW);
    let parsed = backup::parse_backup(&text).unwrap();
    let plan = backup::plan_import(&apps, &parsed, backup::ImportMode::Replace);
    let batch = backup::plan_import_batch(kv.entries(), &plan, NOW).unwrap();
    assert!(
        batch.steps.len() > 1,
        "the import removes records after its first write"
    );
    let first = followup::core::store::Batch {
        steps: batch.steps[..1].to_vec(),
    };
    first.run(&mut kv).unwrap();
    assert!(kv.get(JOURNAL_KEY).unwrap().is_some());

    // Recording news about the application that stays finishes the removals first.
    let news = Command::Edit {
        app_id: apps[0].id.clone(),
        edit: Edit::PositiveNews {
            date: today(),
            note: "Series B".into(),
        },
    };
    command::execute(&mut kv, news, &ctx()).unwrap();
    assert!(kv.get(JOURNAL_KEY).unwrap().is_none());
    for gone in &apps[1..] {
        assert!(kv.get(&app_key(&gone.id)).unwrap().is_none(), "{}", gone.id);
    }
    assert!(stored_app(&kv, &apps[0].id)
        .history
        .iter()
        .any(|e| matches!(&e.kind, EventKind::PositiveNews { note } if note == "Series B")));
}

#[test]
fn every_command_reads_only_its_own_records() {
    let date = NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();
    let sent = Command::Edit {
        app_id: "a1".into(),
        edit: Edit::Sent {
            action_key: "ask-feedback".into(),
            date,
        },
    };
    assert_eq!(
        sent.reads(),
        Reads::Keys(vec![
            "app:a1".into(),
            SETTINGS_KEY.into(),
            SUMMARY_KEY.into(),
            JOURNAL_KEY.into()
        ])
    );
    let delete = Command::DeleteApp {
        id: "a2".into(),
        revision: 1,
    };
    assert_eq!(
        delete.reads(),
        Reads::Keys(vec![
            "app:a2".into(),
            SETTINGS_KEY.into(),
            SUMMARY_KEY.into(),
            INDEX_KEY.into(),
            JOURNAL_KEY.into()
        ])
    );
    assert_eq!(Command::RestoreSnapshot.reads(), Reads::All);
}

#[test]
fn every_edit_reads_back_as_written_and_a_field_it_lacks_or_does_not_have_is_refused() {
    let d = NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();
    let key = || "ask-feedback".to_string();
    let edits = [
        Edit::Sent {
            action_key: key(),
            date: d,
        },
        Edit::Skip {
            action_key: key(),
            date: d,
        },
        Edit::Snooze {
            action_key: key(),
            until: d,
        },
        Edit::Undo { action_key: key() },
        Edit::Reply {
            date: d,
            decision_date: Some(d),
        },
        Edit::Reply {
            date: d,
            decision_date: None,
        },
        Edit::Status {
            date: d,
            status: Status::Rejected,
        },
        Edit::ReferencesRequested { date: d },
        Edit::PositiveNews {
            date: d,
            note: "funding".into(),
        },
    ];
    for edit in edits {
        let json = serde_json::to_string(&edit).unwrap();
        assert_eq!(serde_json::from_str::<Edit>(&json).unwrap(), edit, "{json}");
    }
    for bad in [
        r#"{"kind":"undo","actionKey":"k","date":"2026-03-03"}"#,
        r#"{"kind":"undo","actionKey":"k","extra":1}"#,
        r#"{"kind":"sent","actionKey":"k"}"#,
        r#"{"kind":"positive-news","date":"2026-03-03"}"#,
        r#"{"kind":"reply","decisionDate":"2026-03-03"}"#,
        r#"{"kind":"wire-money","actionKey":"k"}"#,
        r#"{"actionKey":"k"}"#,
    ] {
        assert!(serde_json::from_str::<Edit>(bad).is_err(), "{bad}");
    }
}
