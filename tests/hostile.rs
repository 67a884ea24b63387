//! Hostile text in every text field: markup and script payloads, template lookalikes,
//! bidirectional overrides, zero-width and control characters, spreadsheet formulas, line
//! breaks aimed at calendar files, very long lines and a 100 KB value (the corpus is
//! `tests/fixtures/hostile.json`).
//!
//! For each string: planning never panics; drafts insert it literally, never as template
//! syntax; CSV cells never start a formula and every row reads back with the header's number
//! of columns; the calendar file keeps its structure (folded lines, escaped text, no property
//! smuggled in through a line break); a backup gives every string back exactly; matching,
//! message parsing and the recording operations never panic.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_json::{json, Value};

use followup::core::backup::{export_backup, parse_backup, ImportError, ImportMode};
use followup::core::draft::template::MAX_OUTPUT_BYTES;
use followup::core::draft::{parse, render_action, template_slots, Draft, Warning};
use followup::core::export::{
    action_title, applications_csv, export_ics, job_search_log_csv, CsvOptions,
    APPLICATION_COLUMNS, LOG_COLUMNS,
};
use followup::core::matching::{best, choices, MatchKind};
use followup::core::model::{
    Action, ActionKind, Application, Contact, Event, EventKind, Interviewer, Medium, Profile,
    Round, Settings, Status,
};
use followup::core::ops;
use followup::core::plan::{badge_count, count_actionable, explain, plan};
use followup::core::protocol::{self, Sender};
use followup::core::store::{MemoryStore, Store, StoreError};

const NOW: &str = "2026-03-12T09:30:00Z";

fn date(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

fn today() -> NaiveDate {
    date("2026-03-12")
}

/// The corpus: `(name, text)`, with `repeat`/`bytes` entries expanded.
fn corpus() -> Vec<(String, String)> {
    let path = format!("{}/tests/fixtures/hostile.json", env!("CARGO_MANIFEST_DIR"));
    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("corpus exists")).expect("JSON");
    doc["strings"]
        .as_array()
        .expect("a list of strings")
        .iter()
        .map(|entry| {
            let name = entry["name"].as_str().expect("name").to_string();
            let text = match (entry.get("text"), entry.get("repeat")) {
                (Some(text), None) => text.as_str().expect("text").to_string(),
                (None, Some(unit)) => {
                    let unit = unit.as_str().expect("repeat unit");
                    let bytes = entry["bytes"].as_u64().expect("bytes") as usize;
                    unit.repeat(bytes.div_ceil(unit.len()))
                }
                _ => panic!("{name}: either text, or repeat and bytes"),
            };
            (name, text)
        })
        .collect()
}

#[test]
fn the_corpus_has_every_kind_of_hostile_text() {
    let corpus = corpus();
    assert!(corpus.len() >= 30, "{} strings", corpus.len());
    let has = |pred: &dyn Fn(&str) -> bool| corpus.iter().any(|(_, s)| pred(s));
    assert!(has(&|s| s.contains("<script>")));
    assert!(has(&|s| s.contains("onerror=")));
    assert!(has(&|s| s.starts_with("javascript:")));
    assert!(has(&|s| s.contains("<svg")));
    assert!(has(&|s| s.contains("</textarea>")));
    assert!(has(&|s| s.contains("{{company}}")));
    assert!(has(&|s| s.contains('\u{202e}')));
    assert!(has(&|s| s.contains('\u{200b}')));
    assert!(has(&|s| s.contains('\0')));
    for start in ['=', '+', '-', '@', '\t', '\r'] {
        assert!(
            has(&|s| s.starts_with(start)),
            "a formula starting with {start:?}"
        );
    }
    assert!(has(&|s| s.contains("\r\nATTENDEE")));
    assert!(has(&|s| s.len() >= 100 * 1024));
    assert!(has(&|s| s.len() >= 10_000 && !s.contains(' ')));
    assert!(has(&|s| s.contains('\u{301}')));
}

fn contact(id: &str, s: &str, hiring_manager: bool, reference: bool) -> Contact {
    Contact {
        id: id.into(),
        name: s.into(),
        title: s.into(),
        email: s.into(),
        phone: s.into(),
        hiring_manager,
        reference,
        salutation: None,
        academic_title: s.into(),
    }
}

/// An application id holding `s`. Control characters are replaced: storage refuses them in
/// ids (see `an_application_id_with_a_control_character_is_refused_before_anything_is_written`).
fn app_id(n: u32, s: &str) -> String {
    format!("a{n}{}", s.replace(|c: char| c.is_control(), "\u{fffd}"))
}

/// Applications with `s` in every text field (ids included), shaped so that the planner
/// produces every kind of action: an interview with a pending decision, a reply, references
/// requested, good news, a rejection, and an unknown status.
fn hostile_apps(s: &str) -> Vec<Application> {
    let round = |id: &str, day: &str| Round {
        id: id.into(),
        date: date(day),
        kind: s.into(),
        interviewers: vec![
            Interviewer {
                contact_id: s.into(),
                points: vec![s.into(), format!("{s} again")],
            },
            Interviewer {
                contact_id: format!("{s}#2"),
                points: vec![s.into()],
            },
        ],
        ..Default::default()
    };
    let contacts = vec![
        contact(s, s, false, false),
        contact(&format!("{s}#2"), s, true, false),
        contact(&format!("{s}#ref"), s, false, true),
    ];
    let event = |day: &str, kind: EventKind| Event {
        date: date(day),
        kind,
    };
    let interviewing = Application {
        id: app_id(1, s),
        revision: 3,
        company: s.into(),
        role: s.into(),
        posting_url: s.into(),
        status: Status::Interviewing,
        notes: s.into(),
        medium: None,
        no_contact: false,
        decision_date: Some(date("2026-03-06")),
        applied_on: Some(date("2026-02-20")),
        rounds: vec![
            round(s, "2026-03-02"),
            round(&format!("{s}#r2"), "2026-03-11"),
        ],
        contacts: contacts.clone(),
        language: None,
        informal: false,
        // A posting whose every text is the hostile text.
        posting: Some(followup::core::model::PostingDetails {
            locations: vec![s.into()],
            salary: s.into(),
            employment_type: s.into(),
            posting_id: s.into(),
            description: s.into(),
            source: s.into(),
            ..Default::default()
        }),
        // A message noticed in webmail whose name and subject are the hostile text.
        noticed: vec![followup::core::model::Noticed {
            id: s.into(),
            from: "dana@acme.io".into(),
            name: s.into(),
            contact_id: None,
            date: date("2026-03-12"),
            subject: s.into(),
            site: "gmail".into(),
            answer: None,
        }],
        history: vec![
            event("2026-03-02", EventKind::Sent { action: s.into() }),
            event(
                "2026-03-09",
                EventKind::Reply {
                    decision_date: Some(date("2026-03-13")),
                },
            ),
            event("2026-03-10", EventKind::ReferencesRequested),
            event("2026-03-10", EventKind::PositiveNews { note: s.into() }),
            event(
                "2026-03-11",
                EventKind::Snoozed {
                    action: s.into(),
                    until: date("2026-03-20"),
                },
            ),
        ],
    };
    let rejected = Application {
        id: app_id(2, s),
        status: Status::Rejected,
        medium: Some(Medium::Phone),
        history: vec![event(
            "2026-03-05",
            EventKind::Status {
                from: Status::Other(s.into()),
                to: Status::Rejected,
            },
        )],
        ..interviewing.clone()
    };
    let unknown = Application {
        id: app_id(3, s),
        status: Status::Other(s.into()),
        ..interviewing.clone()
    };
    vec![interviewing, rejected, unknown]
}

fn hostile_settings(s: &str) -> Settings {
    let mut settings = Settings {
        thank_you_card: true,
        remind_after_applying: Some(3),
        profile: Profile {
            name: s.into(),
            email: s.into(),
            phone: s.into(),
            signature: s.into(),
        },
        notify_at: Some(s.into()),
        ..Settings::default()
    };
    // The user's own templates hold the hostile text too: a broken one falls back to the
    // built-in wording, a valid one renders.
    for slot in template_slots() {
        settings.templates.insert(slot.key, s.into());
    }
    settings.templates.insert(s.into(), s.into());
    settings
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs `check` on every corpus entry (or only the one named by `HOSTILE_ONLY`), naming the
/// entry in any failure.
fn for_each_string(check: impl Fn(&str, &str)) {
    let only = std::env::var("HOSTILE_ONLY").ok();
    for (name, text) in corpus() {
        if only.as_ref().is_some_and(|o| *o != name) {
            continue;
        }
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&name, &text)));
        if let Err(e) = result {
            let why = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            panic!("corpus entry {name:?}: {why}");
        }
    }
}

// ---------------------------------------------------------------- planning and drafts

#[test]
fn planning_and_every_draft_take_hostile_text_without_panicking() {
    for_each_string(|name, s| {
        let apps = hostile_apps(s);
        for settings in [Settings::default(), hostile_settings(s)] {
            let result = plan(&apps, &settings, today());
            assert!(!result.actions.is_empty(), "{name}: nothing planned");
            assert_eq!(
                badge_count(&result),
                count_actionable(&apps, &settings, today())
            );
            for action in &result.actions {
                let app = apps
                    .iter()
                    .find(|a| a.id == action.app_id)
                    .expect("action of a known application");
                assert!(!explain(action, app).is_empty());
                assert!(!action_title(app, action).is_empty());
                if !action.kind.sends_message() {
                    continue;
                }
                let draft = render_action(app, action, &settings, today())
                    .unwrap_or_else(|e| panic!("{name}: {:?}: {e}", action.kind));
                assert_clean_draft(name, s, &draft);
            }
        }
    });
}

/// Subjects are one line; recipient addresses are single tokens; nothing of the template
/// language survives unless the user's text brought it.
fn assert_clean_draft(name: &str, s: &str, draft: &Draft) {
    assert!(
        !draft.subject.contains(['\n', '\r']),
        "{name}: subject {:?}",
        draft.subject
    );
    for to in &draft.to {
        assert!(
            to.matches('@').count() == 1
                && !to
                    .chars()
                    .any(|c| c.is_whitespace() || c.is_control() || ",;<>\"".contains(c)),
            "{name}: recipient address {to:?}"
        );
    }
    if !s.contains("{{") {
        for text in [&draft.subject, &draft.body] {
            assert!(!text.contains("{{"), "{name}: leftover tag in {text:?}");
        }
    }
}

/// Every variable that comes from stored text, each between markers, so the expected body can
/// be written down exactly.
const LITERAL_BODY: &str = "<{{first_name}}>
<{{full_name}}>
<{{title}}>
<{{company}}>
<{{role}}>
<{{interview_kind}}>
<{{news}}>
<{{references_asker}}>
<{{my_name}}>
<{{my_email}}>
<{{my_phone}}>
{{#points}}
[{{point}}]
{{/points}}
{{bullets}}";

#[test]
fn a_saved_address_with_a_line_break_never_reaches_the_to_field() {
    let s = "dana@acme.io\r\nBcc: everyone@evil.example";
    let apps = hostile_apps(s);
    let settings = Settings::default();
    let actions = plan(&apps, &settings, today()).actions;
    let action = actions
        .iter()
        .find(|a| a.app_id == apps[0].id && a.kind == ActionKind::ThankYouEmail)
        .expect("a thank-you");
    let draft = render_action(&apps[0], action, &settings, today()).expect("draft");
    assert!(draft.to.is_empty(), "{:?}", draft.to);
    assert!(
        draft
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::UnusableRecipientEmail { .. })),
        "{:?}",
        draft.warnings
    );
    assert!(!draft
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::NoRecipientEmail { .. })));
}

#[test]
fn drafts_insert_stored_text_literally_never_as_template_syntax() {
    for_each_string(|name, s| {
        let apps = hostile_apps(s);
        let app = &apps[0];
        let mut settings = hostile_settings(s);
        settings.templates = BTreeMap::from([
            ("thank-you-email".to_string(), LITERAL_BODY.to_string()),
            (
                "thank-you-email.subject".to_string(),
                "S:{{company}}".to_string(),
            ),
        ]);
        let result = plan(&apps, &settings, today());
        let action = result
            .actions
            .iter()
            .find(|a| {
                a.app_id == app.id
                    && a.kind == ActionKind::ThankYouEmail
                    && a.contact_id.as_deref() == Some(s)
                    && a.round_id.as_deref() == Some(s)
            })
            .unwrap_or_else(|| panic!("{name}: no thank-you to the first interviewer"));
        let draft = render_action(app, action, &settings, today()).expect("draft");

        let line = one_line(s);
        let first = s.split_whitespace().next().unwrap_or("");
        let mut points: Vec<String> = Vec::new();
        for p in [line.clone(), one_line(&format!("{s} again"))] {
            if !p.is_empty() && !points.contains(&p) {
                points.push(p);
            }
        }
        let mut expected: Vec<String> = [first]
            .into_iter()
            .map(str::to_string)
            .chain(std::iter::repeat(line.clone()).take(10))
            .map(|v| format!("<{v}>"))
            .collect();
        expected.extend(points.iter().map(|p| format!("[{p}]")));
        expected.extend(points.iter().map(|p| format!("- {p}")));
        let expected = expected.join("\n");
        if expected.len() <= MAX_OUTPUT_BYTES {
            assert_eq!(draft.body, expected, "{name}");
        } else {
            // Rendering stops at the cap; what was written is still the literal text.
            assert!(draft.body.len() > MAX_OUTPUT_BYTES / 2, "{name}");
            assert!(expected.starts_with(&draft.body), "{name}");
            assert!(
                draft
                    .warnings
                    .iter()
                    .any(|w| matches!(w, Warning::TooLong { .. })),
                "{name}: {:?}",
                draft.warnings
            );
        }
        assert_eq!(draft.subject, format!("S:{line}"), "{name}");
        assert!(
            !draft
                .warnings
                .iter()
                .any(|w| matches!(w, Warning::BrokenTemplate { .. })),
            "{name}: {:?}",
            draft.warnings
        );
    });
}

#[test]
fn a_hostile_user_template_is_refused_or_rendered_never_a_panic() {
    for_each_string(|name, s| match parse(s) {
        Ok(template) => {
            let _ = template.render(&Default::default());
        }
        Err(e) => assert!(!e.to_string().is_empty(), "{name}"),
    });
}

// ---------------------------------------------------------------- CSV

/// A strict RFC 4180 reader: records of fields, CRLF between records, nothing after a
/// closing quote but a separator.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut after_quote = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => {
                    quoted = false;
                    after_quote = true;
                }
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !after_quote => quoted = true,
            ',' => {
                record.push(std::mem::take(&mut field));
                after_quote = false;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "a bare CR outside quotes");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                after_quote = false;
            }
            c => {
                assert!(!after_quote, "text after a closing quote: {c:?}");
                assert!(c != '"' && c != '\n', "{c:?} in an unquoted field");
                field.push(c);
            }
        }
    }
    assert!(!quoted, "a quoted field is never closed");
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record ends with CRLF"
    );
    records
}

const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn defused(s: &str) -> String {
    if s.starts_with(FORMULA_STARTS) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn assert_csv(name: &str, csv: &str, header: &[&str]) -> Vec<Vec<String>> {
    let records = read_csv(csv);
    assert_eq!(records[0], header, "{name}");
    for (i, record) in records.iter().enumerate() {
        assert_eq!(record.len(), header.len(), "{name}: row {i} {record:?}");
        for cell in record {
            assert!(
                !cell.starts_with(FORMULA_STARTS),
                "{name}: row {i} has a cell that a spreadsheet runs: {cell:?}"
            );
        }
    }
    records
}

#[test]
fn csv_cells_never_start_a_formula_and_every_row_keeps_its_columns() {
    for_each_string(|name, s| {
        let apps = hostile_apps(s);
        let settings = hostile_settings(s);
        let mut actions = plan(&apps, &settings, today()).actions;
        // A sent event whose key names no action shows the key itself.
        actions.retain(|a| a.key != s);
        for options in [CsvOptions::default(), CsvOptions { excel_bom: true }] {
            let csv = applications_csv(&apps, &actions, options);
            let body = csv.strip_prefix('\u{feff}').unwrap_or(&csv);
            assert_eq!(options.excel_bom, body.len() < csv.len());
            let records = assert_csv(name, body, &APPLICATION_COLUMNS);
            assert_eq!(records.len(), apps.len() + 1, "{name}");
            for (record, app) in records[1..].iter().zip(&apps) {
                assert_eq!(record[0], defused(&app.company), "{name}: company");
                assert_eq!(record[1], defused(&app.role), "{name}: role");
                assert_eq!(record[4], defused(&app.posting_url), "{name}: URL");
                assert_eq!(record[10], defused(&app.notes), "{name}: notes");
            }
            let log = job_search_log_csv(&apps, &actions, options);
            let body = log.strip_prefix('\u{feff}').unwrap_or(&log);
            let records = assert_csv(name, body, &LOG_COLUMNS);
            assert!(records.len() > apps.len(), "{name}: a row per contact");
        }
    });
}

// ---------------------------------------------------------------- iCalendar

const ICS_PROPERTIES: [&str; 13] = [
    "BEGIN",
    "END",
    "VERSION",
    "PRODID",
    "CALSCALE",
    "METHOD",
    "UID",
    "DTSTAMP",
    "DTSTART",
    "DTEND",
    "SUMMARY",
    "DESCRIPTION",
    "TRANSP",
];

/// Undoes TEXT escaping, refusing any escape RFC 5545 does not define and any unescaped
/// comma or semicolon.
fn ics_unescape(name: &str, value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(c @ ('\\' | ';' | ',')) => out.push(c),
                other => panic!("{name}: invalid escape \\{other:?} in {value:?}"),
            },
            ',' | ';' => panic!("{name}: unescaped {c:?} in {value:?}"),
            c => out.push(c),
        }
    }
    out
}

/// What a TEXT value reads as after escaping: line breaks of every kind are `\n`, other
/// control characters but tab are gone.
fn as_ics_text(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\t' || *c == '\n')
        .collect()
}

/// Checks the physical form of an iCalendar file and returns its events as name -> values.
fn read_ics(name: &str, text: &str) -> Vec<BTreeMap<String, Vec<String>>> {
    assert!(text.ends_with("\r\n"), "{name}: ends with CRLF");
    let physical: Vec<&str> = text[..text.len() - 2].split("\r\n").collect();
    for line in &physical {
        assert!(line.len() <= 75, "{name}: {} octets: {line:?}", line.len());
        assert!(
            !line.contains(['\r', '\n']),
            "{name}: bare line break in {line:?}"
        );
        assert!(!line.is_empty(), "{name}: empty line");
    }
    let mut logical: Vec<String> = Vec::new();
    for line in physical {
        match line.strip_prefix(' ') {
            Some(rest) => logical
                .last_mut()
                .expect("a line to continue")
                .push_str(rest),
            None => logical.push(line.to_string()),
        }
    }
    assert_eq!(logical.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert_eq!(logical.last().map(String::as_str), Some("END:VCALENDAR"));
    let mut events = Vec::new();
    let mut current: Option<BTreeMap<String, Vec<String>>> = None;
    for line in &logical {
        let head_end = line.find([':', ';']).expect("name then : or ;");
        let property = &line[..head_end];
        assert!(
            ICS_PROPERTIES.contains(&property),
            "{name}: property {property:?} in {line:?}"
        );
        let value = &line[line.find(':').expect("a value") + 1..];
        match (property, value) {
            ("BEGIN", "VEVENT") => {
                assert!(current.is_none(), "{name}: nested event");
                current = Some(BTreeMap::new());
            }
            ("END", "VEVENT") => events.push(current.take().expect("an open event")),
            ("BEGIN" | "END", v) => assert_eq!(v, "VCALENDAR", "{name}"),
            _ => {
                if let Some(event) = current.as_mut() {
                    let value = if matches!(property, "SUMMARY" | "DESCRIPTION") {
                        ics_unescape(name, value)
                    } else {
                        value.to_string()
                    };
                    event.entry(property.to_string()).or_default().push(value);
                }
            }
        }
    }
    assert!(current.is_none(), "{name}: an event is never closed");
    events
}

#[test]
fn the_calendar_file_keeps_its_structure_whatever_the_text() {
    for_each_string(|name, s| {
        let apps = hostile_apps(s);
        let settings = hostile_settings(s);
        let actions = plan(&apps, &settings, today()).actions;
        // Drafting each action once: the 100 KB entry makes drafts slow in a debug build.
        let described: BTreeMap<(String, String), (String, String)> = actions
            .iter()
            .map(|action| {
                let app = apps
                    .iter()
                    .find(|a| a.id == action.app_id)
                    .expect("known application");
                let body = render_action(app, action, &settings, today())
                    .map(|d| d.body)
                    .unwrap_or_default();
                let text = (
                    action_title(app, action),
                    format!("{}\n\n{body}\n{s}", explain(action, app)),
                );
                ((action.app_id.clone(), action.key.clone()), text)
            })
            .collect();
        let describe =
            |action: &Action| described[&(action.app_id.clone(), action.key.clone())].clone();
        let ics = export_ics(&apps, &actions, &describe, NOW);
        let events = read_ics(name, &ics);

        let mut expected_summaries: Vec<String> = Vec::new();
        let mut expected_descriptions: Vec<String> = Vec::new();
        for action in actions.iter().filter(|a| {
            !matches!(
                a.state,
                followup::core::model::ActionState::Done
                    | followup::core::model::ActionState::Skipped
            )
        }) {
            let (title, description) = describe(action);
            expected_summaries.push(as_ics_text(&title));
            expected_descriptions.push(as_ics_text(&description));
        }
        let rounds: usize = apps.iter().map(|a| a.rounds.len()).sum();
        assert_eq!(events.len(), expected_summaries.len() + rounds, "{name}");
        for event in &events {
            for property in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "TRANSP"] {
                assert_eq!(
                    event.get(property).map(Vec::len),
                    Some(1),
                    "{name}: {property} once in {event:?}"
                );
            }
            let uid = &event["UID"][0];
            assert!(
                uid.ends_with("@followup.local")
                    && uid
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"._-@".contains(&b)),
                "{name}: {uid}"
            );
        }
        let mut summaries: Vec<String> = events
            .iter()
            .map(|e| e["SUMMARY"][0].clone())
            .filter(|t| !t.starts_with("Interview"))
            .collect();
        summaries.sort();
        expected_summaries.sort();
        assert_eq!(summaries, expected_summaries, "{name}");
        let mut descriptions: Vec<String> = events
            .iter()
            .filter(|e| !e["SUMMARY"][0].starts_with("Interview"))
            .filter_map(|e| e.get("DESCRIPTION").map(|d| d[0].clone()))
            .collect();
        descriptions.sort();
        expected_descriptions.sort();
        assert_eq!(descriptions, expected_descriptions, "{name}");
    });
}

// ---------------------------------------------------------------- backups

#[test]
fn a_backup_gives_every_hostile_string_back_exactly() {
    for_each_string(|name, s| {
        let apps = hostile_apps(s);
        let settings = hostile_settings(s);
        let text = export_backup(&apps, &settings, NOW);
        let backup = parse_backup(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut sorted = apps.clone();
        sorted.sort_by(|a, b| a.id.cmp(&b.id));
        assert_eq!(backup.applications, sorted, "{name}");
        assert_eq!(backup.settings, settings, "{name}");
        assert_eq!(backup.exported_at, NOW);

        // Through storage: import into an empty store, export again, same bytes.
        let mut store = Store::open(MemoryStore::new(), NOW).expect("empty store");
        let report = store
            .import_backup(&text, ImportMode::Replace, NOW)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(report.added.len(), apps.len(), "{name}");
        assert_eq!(store.export_backup(NOW).expect("export"), text, "{name}");
        let loaded = store.load_all().expect("loads");
        assert!(loaded.problems.is_empty(), "{name}: {:?}", loaded.problems);
        assert_eq!(loaded.settings, settings, "{name}");
    });
}

#[test]
fn an_application_id_with_a_control_character_is_refused_before_anything_is_written() {
    // Chromium's storage cuts keys at NUL: "app:a\0x" and "app:a\0y" would be one record.
    for id in ["a\0x", "a\nb", "a\r", "\u{7f}", "tab\there", "\u{85}"] {
        let app = Application {
            id: id.into(),
            ..Default::default()
        };
        let mut store = Store::open(MemoryStore::new(), NOW).expect("empty store");
        let before = store.kv().entries().clone();
        let err = store.put_app(app.clone()).expect_err(id);
        assert!(matches!(err, StoreError::InvalidId { .. }), "{id:?}: {err}");
        assert!(!err.to_string().contains(['\0', '\n', '\r']), "{err}");
        let text = export_backup(&[app], &Settings::default(), NOW);
        let err = store
            .import_backup(&text, ImportMode::Merge, NOW)
            .expect_err(id);
        assert!(
            matches!(&err, ImportError::InvalidValue { place, .. } if place.path == "applications[0].id"),
            "{id:?}: {err}"
        );
        assert_eq!(store.kv().entries(), &before);
    }
}

// ---------------------------------------------------------------- matching, messages, ops

#[test]
fn matching_takes_hostile_recipients_and_still_finds_the_contact() {
    for_each_string(|name, s| {
        let apps = hostile_apps(s);
        let actions = plan(&apps, &Settings::default(), today()).actions;
        let recipients = vec![
            s.to_string(),
            format!("x@{s}"),
            format!("{s}@"),
            "@".to_string(),
            String::new(),
        ];
        let found = choices(&apps, &actions, &recipients);
        let _ = best(&found);
        let to_contact = found
            .iter()
            .filter(|c| {
                actions.iter().any(|a| {
                    a.app_id == c.app_id
                        && a.key == c.action_key
                        && a.contact_id.as_deref() == Some(s)
                })
            })
            .collect::<Vec<_>>();
        if !s.trim().is_empty() {
            assert!(!to_contact.is_empty(), "{name}: nothing offered");
            assert!(
                to_contact.iter().all(|c| c.matched == MatchKind::Exact),
                "{name}: {to_contact:?}"
            );
        }
    });
}

#[test]
fn messages_carrying_hostile_text_parse_and_are_authorised_by_sender_only() {
    let gmail = Sender {
        id: "own".into(),
        url: "https://mail.google.com/mail/u/0/".into(),
        tab: true,
        tab_id: Some(3),
        frame_id: Some(0),
    };
    for_each_string(|name, s| {
        let app = &hostile_apps(s)[0];
        for message in [
            json!({"type": "compose/offer", "recipients": [s, s], "compose": s}),
            json!({"type": "offer/draft", "offer": s, "compose": s}),
            json!({"type": "compose/match", "recipients": [s, s]}),
            json!({"type": "draft/get", "appId": s, "actionKey": s}),
            json!({"type": "frame/get", "token": s}),
            json!({"type": "app/save", "app": app}),
            json!({"type": "backup/import", "text": s, "replace": false}),
        ] {
            let request =
                protocol::parse(&message.to_string()).unwrap_or_else(|e| panic!("{name}: {e}"));
            let allowed = protocol::authorize(&request, &gmail, "own", "chrome-extension://own");
            assert_eq!(
                allowed.is_ok(),
                matches!(
                    message["type"].as_str(),
                    Some("compose/offer" | "offer/draft")
                ),
                "{name}: {message}"
            );
        }
        let from_sender = Sender {
            id: "own".into(),
            url: s.into(),
            tab: true,
            ..Sender::default()
        };
        let ping = protocol::parse(r#"{"type":"ping"}"#).expect("ping");
        let _ = protocol::authorize(&ping, &from_sender, "own", "chrome-extension://own");
        assert!(protocol::parse(s).is_err() || s.trim_start().starts_with('{'));
    });
}

#[test]
fn recording_operations_take_hostile_keys_and_notes() {
    for_each_string(|name, s| {
        let app = hostile_apps(s).remove(0);
        for result in [
            ops::record_sent(&app, s, today()),
            ops::record_skipped(&app, s, today()),
            ops::snooze(&app, s, today(), date("2026-03-20")),
            ops::undo(&app, s),
            ops::record_status(&app, today(), Status::Other(s.into())),
        ] {
            if let Err(e) = result {
                assert!(!e.to_string().is_empty(), "{name}");
            }
        }
        let noted = ops::record_positive_news(&app, today(), s);
        assert!(matches!(
            &noted.history.last().expect("an event").kind,
            EventKind::PositiveNews { note } if note == s
        ));
    });
}
