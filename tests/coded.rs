//! Every coded message the core hands to the interface (planner problems, calendar-file and
//! backup refusals, storage, command and data-port errors) has an English and a German
//! `_locales` message with the placeholders its arguments name, the core's English sentence
//! is the `_locales/en` text filled in, and the interface words it in the user's language.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use followup::core::backup::{ImportError, Invalid, Place, VALUE_WORDS};
use followup::core::calendar::IcsImportError;
use followup::core::command::CommandError;
use followup::core::model::Status;
use followup::core::ops::OpError;
use followup::core::plan::ProblemKind;
use followup::core::protocol::PortError;
use followup::core::store::StoreError;
use followup::core::words::{Arg, Coded, Worded};
use followup::ui::words::{fill, Words};

mod ui_support;
use ui_support::locale;

fn placeholders(text: &str) -> BTreeSet<String> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
        .collect()
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn store_errors() -> Vec<StoreError> {
    let all = vec![
        StoreError::Backend("QuotaExceededError".into()),
        StoreError::Conflict {
            id: "acme".into(),
            stored: 0,
            yours: 3,
        },
        StoreError::Conflict {
            id: "acme".into(),
            stored: 4,
            yours: 3,
        },
        StoreError::Unreadable {
            key: "app:acme".into(),
            reason: "expected value".into(),
        },
        StoreError::MissingId,
        StoreError::InvalidId { id: "a\nb".into() },
        StoreError::FutureVersion {
            found: 9,
            supported: 3,
        },
        StoreError::BadSchema {
            reason: "not a number".into(),
        },
        StoreError::Migration {
            from: 1,
            reason: "bad".into(),
        },
        StoreError::NoSnapshot,
        StoreError::BadSnapshot {
            reason: "bad".into(),
        },
        StoreError::NotUnreadable {
            key: "app:acme".into(),
        },
        StoreError::Encode("bad".into()),
    ];
    // Adding a variant without a sample fails to compile here.
    for e in &all {
        match e {
            StoreError::Backend(_)
            | StoreError::Conflict { .. }
            | StoreError::Unreadable { .. }
            | StoreError::MissingId
            | StoreError::InvalidId { .. }
            | StoreError::FutureVersion { .. }
            | StoreError::BadSchema { .. }
            | StoreError::Migration { .. }
            | StoreError::NoSnapshot
            | StoreError::BadSnapshot { .. }
            | StoreError::NotUnreadable { .. }
            | StoreError::Encode(_) => {}
        }
    }
    all
}

fn import_errors() -> Vec<ImportError> {
    let at = |path: &str, id: Option<&str>| Place {
        path: path.into(),
        app_id: id.map(str::to_string),
    };
    let invalid = |message| ImportError::InvalidValue {
        place: at("applications[0].id", Some("acme")),
        message,
    };
    let mut all = vec![
        ImportError::TooLarge {
            bytes: 25 * 1024 * 1024,
            limit: 20 * 1024 * 1024,
        },
        ImportError::Empty,
        ImportError::LooksLikeCsv,
        ImportError::LooksLikeCalendar,
        ImportError::NotJson {
            line: 2,
            column: 5,
            message: "expected value".into(),
        },
        ImportError::Truncated { line: 9, column: 1 },
        ImportError::WrongFormat {
            found: Some("other".into()),
        },
        ImportError::WrongFormat { found: None },
        ImportError::FutureVersion {
            found: 7,
            supported: 1,
        },
        ImportError::MissingField {
            place: at("applications[1].rounds[0].date", Some("acme")),
        },
        ImportError::InvalidDate {
            place: at("applications[0].rounds[0].date", Some("acme")),
            value: "2026-02-30".into(),
        },
        ImportError::InvalidDate {
            place: at("settings.holidays.own[0]", None),
            value: "soon".into(),
        },
        ImportError::DuplicateIds {
            ids: vec!["a".into(), "b".into()],
        },
        ImportError::Storage(StoreError::Conflict {
            id: "acme".into(),
            stored: 2,
            yours: 1,
        }),
        invalid(Invalid::VersionZero),
        invalid(Invalid::EmptyId),
        invalid(Invalid::ControlId),
        invalid(Invalid::NotOneOf {
            found: "sent-twice".into(),
            allowed: "sent, skipped".into(),
        }),
        invalid(Invalid::TooLarge {
            number: "99999999999".into(),
        }),
        invalid(Invalid::Other("something else".into())),
    ];
    // Every word for a kind of value, as expected and as found.
    for (words, _) in VALUE_WORDS {
        all.push(ImportError::WrongType {
            place: at("settings.signature", None),
            expected: words,
            found: words,
        });
    }
    for e in &all {
        match e {
            ImportError::TooLarge { .. }
            | ImportError::Empty
            | ImportError::LooksLikeCsv
            | ImportError::LooksLikeCalendar
            | ImportError::NotJson { .. }
            | ImportError::Truncated { .. }
            | ImportError::WrongFormat { .. }
            | ImportError::FutureVersion { .. }
            | ImportError::MissingField { .. }
            | ImportError::WrongType { .. }
            | ImportError::InvalidValue { .. }
            | ImportError::InvalidDate { .. }
            | ImportError::DuplicateIds { .. }
            | ImportError::Storage(_) => {}
        }
    }
    all
}

fn op_errors() -> Vec<OpError> {
    let all = vec![
        OpError::UnknownAction { key: "x/1".into() },
        OpError::NothingToUndo { key: "x/1".into() },
        OpError::SnoozeNotLater {
            today: d("2026-03-03"),
            until: d("2026-03-01"),
        },
        OpError::DecisionBeforeReply {
            reply: d("2026-03-05"),
            decision: d("2026-03-01"),
        },
        OpError::SameStatus {
            status: Status::Offer,
        },
        OpError::UnknownStatus {
            status: "ghosted".into(),
        },
        OpError::UnknownMessage { id: "m1".into() },
        OpError::AlreadyAnswered {
            date: chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
        },
    ];
    for e in &all {
        match e {
            OpError::UnknownAction { .. }
            | OpError::NothingToUndo { .. }
            | OpError::SnoozeNotLater { .. }
            | OpError::DecisionBeforeReply { .. }
            | OpError::SameStatus { .. }
            | OpError::UnknownStatus { .. }
            | OpError::UnknownMessage { .. }
            | OpError::AlreadyAnswered { .. } => {}
        }
    }
    all
}

fn port_errors() -> Vec<PortError> {
    let all = vec![
        PortError::Conflict(StoreError::Conflict {
            id: "acme".into(),
            stored: 2,
            yours: 1,
        }),
        PortError::NoAnswer {
            detail: "Could not establish connection".into(),
        },
        PortError::Stopped,
        PortError::EmptyReply,
        PortError::StorageFull {
            detail: "QUOTA_BYTES quota exceeded".into(),
        },
        PortError::StorageFailed {
            detail: "IO error".into(),
        },
    ];
    for e in &all {
        match e {
            PortError::Conflict(_)
            | PortError::NoAnswer { .. }
            | PortError::Stopped
            | PortError::EmptyReply
            | PortError::StorageFull { .. }
            | PortError::StorageFailed { .. } => {}
        }
    }
    all
}

fn problems() -> Vec<ProblemKind> {
    let day = d("2026-03-03");
    vec![
        ProblemKind::UnknownStatus {
            status: "ghosted".into(),
            known: "applied, interviewing".into(),
        },
        ProblemKind::RoundBeforeApplied {
            date: day,
            applied: d("2026-03-10"),
        },
        ProblemKind::ReminderWithoutApplied,
        ProblemKind::SharedId {
            count: 2,
            id: "acme".into(),
        },
    ]
}

/// Every coded message of the core, as it crosses to a page.
fn every_message() -> Vec<Worded> {
    let mut all: Vec<Worded> = Vec::new();
    all.extend(store_errors().iter().map(Coded::worded));
    all.extend(import_errors().iter().map(Coded::worded));
    all.extend(op_errors().iter().map(Coded::worded));
    all.extend(port_errors().iter().map(Coded::worded));
    all.extend(problems().iter().map(Coded::worded));
    all.push(CommandError::NotFound("acme".into()).worded());
    all.push(CommandError::Op(OpError::NothingToUndo { key: "x/1".into() }).worded());
    let ics = [
        IcsImportError::TooLarge {
            size_kb: 2048,
            limit_kb: 1024,
        },
        IcsImportError::NotACalendar,
        IcsImportError::UnreadableLine { line: 6 },
        IcsImportError::Damaged,
        IcsImportError::NoAllDayEvents { skipped: 2 },
    ];
    all.extend(ics.iter().map(Coded::worded));
    all
}

/// Checks `w` and every message nested in it.
fn check(w: &Worded, en: &BTreeMap<String, String>, de: &BTreeMap<String, String>) {
    let key = &w.key;
    let english = en.get(key).unwrap_or_else(|| panic!("en lacks {key}"));
    let german = de.get(key).unwrap_or_else(|| panic!("de lacks {key}"));
    let names: BTreeSet<String> = w.args.iter().map(|(n, _)| n.clone()).collect();
    assert_eq!(placeholders(english), names, "{key} (en)");
    assert_eq!(placeholders(german), names, "{key} (de)");
    // `null` is JSON's own word in every language.
    if key != "valueNull" {
        assert_ne!(english, german, "{key} is not translated");
    }
    let values: Vec<(String, String)> = w
        .args
        .iter()
        .map(|(name, arg)| (name.clone(), arg.to_string()))
        .collect();
    let borrowed: Vec<(&str, &str)> = values
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        fill(english, &borrowed),
        w.english,
        "{key}: the core's English differs from _locales/en"
    );
    for (_, arg) in &w.args {
        if let Arg::Msg(inner) = arg {
            check(inner, en, de);
        }
    }
}

#[test]
fn every_coded_message_is_worded_in_english_and_german_and_the_core_english_is_en() {
    let en = locale("en");
    let de = locale("de");
    let all = every_message();
    for w in &all {
        check(w, &en, &de);
    }
    // Every word for a kind of value has its message too.
    for (words, key) in VALUE_WORDS {
        assert_eq!(en[key], words, "{key}");
    }
}

#[test]
fn a_page_words_every_coded_message_in_the_users_language_without_english_sentences() {
    let en_text = std::fs::read_to_string(format!(
        "{}/extension/_locales/en/messages.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let de_text = std::fs::read_to_string(format!(
        "{}/extension/_locales/de/messages.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let german = Words::from_messages_json(&[&en_text, &de_text]).unwrap();
    let english = Words::from_messages_json(&[&en_text]).unwrap();
    for w in every_message() {
        // A message sent across the boundary reads back the same.
        let sent: Worded = serde_json::from_str(&serde_json::to_string(&w).unwrap()).unwrap();
        assert_eq!(sent, w);
        let shown = german.worded(&sent);
        assert_ne!(shown, w.english, "{} is shown in English", w.key);
        // The English interface shows the core's sentence, dates written out.
        let has_date = |w: &Worded| w.args.iter().any(|(_, a)| matches!(a, Arg::Date(_)));
        if !has_date(&w) {
            assert_eq!(english.worded(&w), w.english, "{}", w.key);
        }
    }
    // A message the table lacks falls back to the English it came with.
    let unknown = Worded {
        key: "noSuchMessage".into(),
        args: Vec::new(),
        english: "As sent.".into(),
    };
    assert_eq!(german.worded(&unknown), "As sent.");
    assert_eq!(german.worded(&Worded::plain("Plain.")), "Plain.");
}

#[test]
fn a_conflict_nests_the_store_error_and_both_are_worded() {
    let conflict = PortError::Conflict(StoreError::Conflict {
        id: "acme".into(),
        stored: 0,
        yours: 3,
    });
    let w = conflict.worded();
    assert_eq!(w.key, "errorConflict");
    assert!(matches!(&w.args[0].1, Arg::Msg(inner) if inner.key == "storeDeleted"));
    assert!(w
        .english
        .starts_with("Application \"acme\" was deleted in another window"));
    assert!(w.english.ends_with("please make the change again."));
}
