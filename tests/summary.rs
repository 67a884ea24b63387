//! Today's summary (`core::summary`): whatever the commands, and wherever a writer is stopped
//! between its writes, the summary stored is either not drawn (another day, other settings,
//! an unfinished write, missing, unreadable) or shows exactly what the full plan shows; and
//! *Today* drawn from it is the page drawn from everything.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use proptest::prelude::*;

use followup::core::command::{self, Command, Ctx, Edit};
use followup::core::demo::sample_applications;
use followup::core::model::{Application, Settings, Status};
use followup::core::plan;
use followup::core::store::{
    self, app_key, decode_state, KvStore, MemoryStore, Step, JOURNAL_KEY, SUMMARY_KEY,
};
use followup::core::summary::{Summary, HEAD, PAGE, SUMMARY_VERSION};
use followup::core::workload::{demo_today, demo_workload};
use followup::ui::{
    compact, early_record, early_record_fits, early_view, fingerprint, update, view, Fnv, Ids,
    Model, Msg, Stored, Surface, EARLY_BUILD, EARLY_ROWS,
};
use serde_json::Value;

mod ui_support;
use ui_support::english;

fn today() -> NaiveDate {
    demo_today()
}

fn ctx() -> Ctx {
    Ctx {
        today: today(),
        now: "2026-04-15T09:00:00Z".into(),
    }
}

/// `apps` stored through the command path, with the summary the writer builds.
fn seeded(apps: Vec<Application>) -> MemoryStore {
    let mut kv = MemoryStore::new();
    for mut app in apps {
        app.revision = 0;
        command::execute(&mut kv, Command::SaveApp { app: Box::new(app) }, &ctx()).unwrap();
    }
    rebuild(&mut kv);
    kv
}

/// What the writer does when the summary is not current or not usable: builds it again.
fn rebuild(kv: &mut MemoryStore) {
    let state = decode_state(kv.entries());
    let summary = Summary::build(
        &state.apps,
        &state.settings,
        state.settings_revision,
        today(),
    );
    kv.set_many(&[(SUMMARY_KEY.to_string(), summary.encode())])
        .unwrap();
}

fn stored_summary(kv: &MemoryStore) -> Option<Summary> {
    Summary::decode(kv.entries().get(SUMMARY_KEY).map(String::as_str))
}

/// The summary stored is drawn only when it agrees with everything stored.
fn check_agrees(kv: &MemoryStore) -> Result<(), TestCaseError> {
    let entries = kv.entries();
    if entries.contains_key(JOURNAL_KEY) {
        // Readers finish the unfinished write before they look at the summary.
        return Ok(());
    }
    let state = decode_state(entries);
    let Some(held) = stored_summary(kv) else {
        return Ok(());
    };
    if !held.is_current(today(), state.settings_revision) || !held.usable() {
        return Ok(());
    }
    let full = Summary::build(
        &state.apps,
        &state.settings,
        state.settings_revision,
        today(),
    );
    prop_assert_eq!(held.apps, full.apps);
    prop_assert_eq!(held.counts, full.counts);
    prop_assert_eq!(held.badge(), full.badge());
    prop_assert_eq!(held.problems, full.problems);
    prop_assert_eq!(held.reply_count, full.reply_count);
    prop_assert_eq!(&held.replies[..], &full.replies[..held.replies.len()]);
    prop_assert_eq!(held.interview_count, full.interview_count);
    prop_assert_eq!(
        &held.interviews[..],
        &full.interviews[..held.interviews.len()]
    );
    prop_assert!(held.head.len() <= full.head.len());
    prop_assert_eq!(&held.head[..], &full.head[..held.head.len()]);
    if held.next_known {
        prop_assert_eq!(&held.next, &full.next);
    }
    Ok(())
}

/// A command on the stored applications, picked by numbers.
fn command_for(kv: &MemoryStore, pick: (u8, usize, usize, i64)) -> Option<Command> {
    let state = decode_state(kv.entries());
    let (what, which, action, days) = pick;
    let day = today()
        .checked_add_signed(chrono::Duration::days(days))
        .unwrap();
    if state.apps.is_empty() || what % 10 == 9 {
        let mut app = demo_workload(97)[which % 97].clone();
        app.id = format!("new-{which}-{days}");
        app.revision = 0;
        if days % 3 == 0 {
            // An interview today or tomorrow, at a time or not: Today names it.
            let round = &mut app.rounds[2];
            round.date = today() + chrono::Days::new(which as u64 % 2);
            round.time = chrono::NaiveTime::from_hms_opt(8 + action as u32 % 10, 30, 0)
                .filter(|_| action % 3 != 0);
        }
        return Some(Command::SaveApp { app: Box::new(app) });
    }
    let app = &state.apps[which % state.apps.len()];
    let calendar = followup::core::calendar::WorkCalendar::from_settings(&state.settings.holidays);
    let (actions, _) = plan::plan_application(app, &state.settings, &calendar, today());
    let key = actions
        .get(action % actions.len().max(1))
        .map(|a| a.key.clone())
        .unwrap_or_default();
    let edit = |edit| Command::Edit {
        app_id: app.id.clone(),
        edit,
    };
    // A message from one of its people (or someone at its domain), noticed in webmail.
    let from = app
        .contacts
        .get(action % app.contacts.len().max(1))
        .map(|c| c.email.clone())
        .unwrap_or_else(|| "someone@else.example".into());
    let pending = app
        .noticed
        .iter()
        .find(|n| n.answer.is_none())
        .map(|n| n.id.clone());
    Some(match what % 10 {
        0 => edit(Edit::Sent {
            action_key: key,
            date: day.min(today()),
        }),
        1 => edit(Edit::Skip {
            action_key: key,
            date: day.min(today()),
        }),
        2 => edit(Edit::Snooze {
            action_key: key,
            until: today() + chrono::Days::new(1 + days.unsigned_abs() % 12),
        }),
        3 => edit(Edit::Undo { action_key: key }),
        4 => edit(Edit::Reply {
            date: day.min(today()),
            decision_date: Some(day + chrono::Days::new(5)),
        }),
        5 => edit(Edit::Status {
            date: day.min(today()),
            status: Status::ALL[which % Status::ALL.len()].clone(),
        }),
        6 => edit(Edit::Noticed {
            messages: vec![followup::core::noticing::Message {
                id: format!("gmail:{which}-{days}"),
                from,
                name: "As shown".into(),
                date: day.min(today()),
                subject: "Next steps".into(),
                site: "gmail".into(),
            }],
            today: today(),
        }),
        7 if pending.is_some() => edit(Edit::Answer {
            message: pending.unwrap_or_default(),
            answer: followup::core::model::Answer::ALL[which % 5],
            decision_date: None,
        }),
        7 => edit(Edit::Undo { action_key: key }),
        _ => Command::DeleteApp {
            id: app.id.clone(),
            revision: app.revision,
        },
    })
}

/// Runs `command`'s batch up to step `stop` (all of it when `stop` is past the end), as a
/// writer stopped part-way would, then finishes an unfinished write as the next start does.
fn run_stopped(kv: &mut MemoryStore, command: Command, stop: usize) {
    let reads = command.reads();
    let stored = match reads {
        command::Reads::All => kv.get_all().unwrap(),
        command::Reads::Keys(keys) => keys
            .iter()
            .filter_map(|k| kv.get(k).unwrap().map(|v| (k.clone(), v)))
            .collect::<BTreeMap<_, _>>(),
    };
    let Ok(outcome) = command::run(command, &stored, &ctx()) else {
        return;
    };
    for step in outcome.batch.steps.iter().take(stop) {
        match step {
            Step::Set(entries) => kv.set_many(entries).unwrap(),
            Step::Remove(keys) => kv.remove_many(keys).unwrap(),
        }
    }
}

fn settle(kv: &mut MemoryStore) {
    if let Some(finish) = store::plan_finish(&kv.get_all().unwrap()) {
        finish.run(kv).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// For any sequence of commands, each perhaps stopped between its writes, the summary
    /// stored shows what the full plan shows, or is not drawn; and when the writer builds it
    /// again (as it does when it is not usable), it is drawn again.
    #[test]
    fn the_summary_equals_the_full_plan_after_any_commands(
        size in 0usize..60,
        picks in proptest::collection::vec(
            (any::<u8>(), any::<usize>(), any::<usize>(), -9i64..9, 0usize..4),
            1..40,
        ),
    ) {
        let mut kv = seeded(demo_workload(size));
        check_agrees(&kv)?;
        for (what, which, action, days, stop) in picks {
            let Some(command) = command_for(&kv, (what, which, action, days)) else {
                continue;
            };
            run_stopped(&mut kv, command, stop);
            check_agrees(&kv)?;
            settle(&mut kv);
            check_agrees(&kv)?;
            let state = decode_state(kv.entries());
            let usable = stored_summary(&kv)
                .is_some_and(|s| s.is_current(today(), state.settings_revision) && s.usable());
            if !usable {
                rebuild(&mut kv);
                check_agrees(&kv)?;
            }
        }
    }
}

fn popup() -> Model {
    Model::new(Surface::Popup, english(), today(), Ids::new("t"))
}

/// The popup as it opens on `kv`: drawn from the summary alone, the applications still being
/// read; and what is stored, which the read brings.
fn opened(kv: &MemoryStore) -> (Model, Stored) {
    let state = decode_state(kv.entries());
    let stored = Stored {
        apps: state.apps.clone(),
        settings: state.settings.clone(),
        settings_revision: state.settings_revision,
    };
    let mut quick = popup();
    update(
        &mut quick,
        Msg::Summary {
            today: today(),
            summary: Box::new(stored_summary(kv).unwrap()),
            stored: Stored {
                apps: Vec::new(),
                ..stored.clone()
            },
        },
    );
    (quick, stored)
}

/// *Today* drawn from the summary alone, and drawn from everything stored.
fn both_ways(apps: Vec<Application>) -> (followup::ui::Node, followup::ui::Node) {
    let kv = seeded(apps);
    let (quick, stored) = opened(&kv);
    assert!(quick.partial.is_some());
    let mut full = popup();
    update(
        &mut full,
        Msg::Loaded {
            today: today(),
            result: Ok(stored),
        },
    );
    (view(&quick), view(&full))
}

#[test]
fn today_drawn_from_the_summary_is_today_drawn_from_everything() {
    for n in [0, 1, 3, 10, 40, 200] {
        let (quick, full) = both_ways(demo_workload(n));
        assert_eq!(quick, full, "{n} applications");
    }
    let (quick, full) = both_ways(sample_applications(today()));
    assert_eq!(quick, full, "the sample applications");
}

#[test]
fn todays_interviews_and_their_thank_yous_are_drawn_from_the_summary_as_from_everything() {
    let mut apps = sample_applications(today());
    // Acme's on-site today from 14:00; Northwind's next round tomorrow morning, by video.
    apps[0].rounds[0].time = Some("14:00".parse().unwrap());
    apps[0].rounds[0].duration_minutes = Some(90);
    let mut next = apps[1].rounds[0].clone();
    next.id = "second".into();
    next.date = today() + chrono::Days::new(1);
    next.time = Some("09:30".parse().unwrap());
    next.place = "https://meet.example.com/northwind".into();
    apps[1].rounds.push(next);
    let (quick, full) = both_ways(apps.clone());
    assert_eq!(quick, full);
    let lines: Vec<String> = full
        .select("section.interviews strong.what")
        .iter()
        .map(|n| n.text_content())
        .collect();
    assert_eq!(
        lines,
        [
            "Interview today at 14:00 with Dana Smith and Lee Park",
            "Interview tomorrow at 09:30 with Sam Rivera",
        ]
    );
    let after = full
        .select("section.due .when")
        .iter()
        .filter(|n| n.text_content().starts_with("today, after 15:30 · "))
        .count();
    assert_eq!(after, 2, "the thank-you emails to Dana and Lee");

    // More than the summary keeps: the first ten are named, and how many more there are.
    let many: Vec<Application> = (0..14)
        .map(|i| {
            let mut app = apps[0].clone();
            app.id = format!("many-{i:02}");
            app.rounds[0].time = chrono::NaiveTime::from_hms_opt(8 + i / 2, 0, 0);
            app
        })
        .collect();
    let (quick, full) = both_ways(many.clone());
    assert_eq!(quick, full);
    assert_eq!(full.select("section.interviews li").len(), 10);
    assert_eq!(
        full.first("section.interviews p.hint")
            .unwrap()
            .text_content(),
        "4 more interviews today and tomorrow: see the applications."
    );
    let (quick, full) = both_ways(many[..11].to_vec());
    assert_eq!(quick, full);
    assert_eq!(
        full.first("section.interviews p.hint")
            .unwrap()
            .text_content(),
        "1 more interview today or tomorrow: see the applications."
    );
}

#[test]
fn with_nothing_due_the_next_action_is_named_from_the_summary() {
    // Everything is weeks away: the page says what comes next.
    let later = today() + chrono::Days::new(40);
    let apps = sample_applications(later);
    let kv = seeded(apps.clone());
    let summary = stored_summary(&kv).unwrap();
    assert_eq!(summary.counts.total(), 0, "{:?}", summary.counts);
    assert!(summary.next.is_some());
    let (quick, full) = both_ways(apps);
    assert_eq!(quick, full);
}

#[test]
fn the_summary_stays_small_however_many_applications() {
    let small = stored_summary(&seeded(demo_workload(60))).unwrap();
    let large = stored_summary(&seeded(demo_workload(2_000))).unwrap();
    assert_eq!(small.head.len(), HEAD);
    assert_eq!(large.head.len(), HEAD);
    let (a, b) = (small.encode().len(), large.encode().len());
    assert!(
        b < a * 11 / 10,
        "{a} B for 60 applications, {b} B for 2,000"
    );
    assert!(large.usable() && large.head.len() >= PAGE);
}

#[test]
fn a_summary_of_another_day_settings_or_version_or_unreadable_is_not_drawn() {
    let kv = seeded(demo_workload(5));
    let summary = stored_summary(&kv).unwrap();
    assert!(summary.is_current(today(), 0));
    assert!(!summary.is_current(today() + chrono::Days::new(1), 0));
    assert!(!summary.is_current(today(), 1));
    let mut older = summary.clone();
    older.version = SUMMARY_VERSION + 1;
    assert_eq!(Summary::decode(Some(&older.encode())), None);
    assert_eq!(Summary::decode(Some("{\"version\": 1, \"day\": ")), None);
    assert_eq!(Summary::decode(Some("[]")), None);
    assert_eq!(Summary::decode(None), None);
}

#[test]
fn an_edit_writes_its_application_and_the_summary_in_one_write() {
    let mut kv = seeded(sample_applications(today()));
    let state = decode_state(kv.entries());
    let app = &state.apps[0];
    let calendar =
        followup::core::calendar::WorkCalendar::from_settings(&Settings::default().holidays);
    let (actions, _) = plan::plan_application(app, &Settings::default(), &calendar, today());
    let due = actions
        .iter()
        .find(|a| a.state.is_actionable())
        .expect("a due action");
    let command = Command::Edit {
        app_id: app.id.clone(),
        edit: Edit::Sent {
            action_key: due.key.clone(),
            date: today(),
        },
    };
    let stored: BTreeMap<String, String> = kv.get_all().unwrap();
    let outcome = command::run(command, &stored, &ctx()).unwrap();
    assert_eq!(outcome.batch.steps.len(), 1);
    let Step::Set(entries) = &outcome.batch.steps[0] else {
        panic!("one set")
    };
    let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, vec![app_key(&app.id).as_str(), SUMMARY_KEY]);
    outcome.batch.run(&mut kv).unwrap();
    let before = Summary::decode(stored.get(SUMMARY_KEY).map(String::as_str)).unwrap();
    let after = stored_summary(&kv).unwrap();
    assert_eq!(after.badge().0 + 1, before.badge().0);
}

/// The popup's first drawing ([`early_record`]) as its module reads it: the tree put back
/// together from the record's plain JSON, and the fingerprint the record gives.
fn early_of(kv: &MemoryStore) -> (followup::ui::Node, Value, String) {
    let text = kv.entries().get(SUMMARY_KEY).unwrap().clone();
    let summary = Summary::decode(Some(&text)).unwrap();
    let record: Value = serde_json::from_str(&early_record(&summary, english()).unwrap()).unwrap();
    let mut page = popup();
    let state = decode_state(kv.entries());
    update(
        &mut page,
        Msg::Summary {
            today: today(),
            summary: Box::new(summary),
            stored: Stored {
                apps: Vec::new(),
                settings: state.settings,
                settings_revision: state.settings_revision,
            },
        },
    );
    let fingerprint = record["fingerprint"].as_str().unwrap().to_string();
    // What the popup draws first from the summary continues what the first drawing shows:
    // the same rows, in the same order, then the rest.
    let first = early_view(&page);
    let rows = |tree: &followup::ui::Node| -> Vec<String> {
        tree.select("li.action")
            .iter()
            .map(|n| n.element().unwrap().key.clone().unwrap())
            .collect()
    };
    let (early_rows, page_rows) = (rows(&first), rows(&view(&page)));
    assert!(early_rows.len() <= EARLY_ROWS);
    assert_eq!(early_rows[..], page_rows[..early_rows.len()]);
    assert_eq!(early_rows.len(), page_rows.len().min(EARLY_ROWS));
    (first, record, fingerprint)
}

#[test]
fn the_first_drawing_is_the_tree_the_popup_draws_first_from_the_summary() {
    let mut with_settings = sample_applications(today());
    with_settings.truncate(3);
    for apps in [
        demo_workload(0),
        demo_workload(10),
        demo_workload(200),
        sample_applications(today()),
    ] {
        let kv = seeded(apps);
        let (page, record, print) = early_of(&kv);
        // The tree in the record is the page's, node for node, and so is its fingerprint:
        // the interface takes the drawn page over rather than drawing it again.
        assert_eq!(record["tree"], compact(&page));
        assert_eq!(print, fingerprint(&page));
        assert_eq!(record["build"], EARLY_BUILD);
        assert_eq!(record["day"], today().to_string());
        assert_eq!(record["lang"], "en");
    }
    // Stored settings (a revision other than 0) and another page's ids change nothing.
    let mut kv = seeded(with_settings);
    let settings = Settings {
        buffer_days: 3,
        ..Settings::default()
    };
    command::execute(
        &mut kv,
        Command::SaveSettings {
            settings: Box::new(settings),
            revision: 0,
        },
        &ctx(),
    )
    .unwrap();
    rebuild(&mut kv);
    let (page, record, print) = early_of(&kv);
    assert_eq!(record["revision"], 1);
    assert_eq!(print, fingerprint(&page));
    let mut other = Model::new(Surface::Popup, english(), today(), Ids::new("another page"));
    let summary = stored_summary(&kv).unwrap();
    update(
        &mut other,
        Msg::Summary {
            today: today(),
            summary: Box::new(summary),
            stored: Stored::default(),
        },
    );
    assert_eq!(fingerprint(&early_view(&other)), print);
}

#[test]
fn the_first_drawing_is_plain_json_of_the_tree() {
    use followup::ui::node::{el, svg};
    let tree = el("div")
        .class("a")
        .child(el("p").text("5 < 6 & \"quoted\""))
        .child(svg("svg").attr("viewBox", "0 0 1 1"))
        .child(el("input").attr("type", "checkbox").checked(true))
        .child(el("input").attr("name", "q").value("typed"));
    assert_eq!(
        compact(&tree),
        serde_json::json!(["div", ["class", "a"], [
            ["p", [], ["5 < 6 & \"quoted\""]],
            ["svg", ["viewBox", "0 0 1 1"], [], {"svg": true}],
            ["input", ["type", "checkbox"], [], {"checked": true}],
            ["input", ["name", "q"], [], {"value": "typed"}],
        ]])
    );
    // Fingerprints tell trees apart, and the hash is FNV-1a (its published test value).
    assert_ne!(fingerprint(&tree), fingerprint(&el("div").class("b")));
    let mut fnv = Fnv::default();
    std::hash::Hasher::write(&mut fnv, b"a");
    assert_eq!(std::hash::Hasher::finish(&fnv), 0xaf63dc4c8601ec8c);
}

#[test]
fn a_summary_that_cannot_draw_today_gives_no_first_drawing() {
    let kv = seeded(demo_workload(200));
    let mut summary = stored_summary(&kv).unwrap();
    summary.head.truncate(3);
    assert!(!summary.usable());
    assert_eq!(early_record(&summary, english()), None);
}

#[test]
fn an_action_clicked_twice_while_the_applications_are_read_is_written_once() {
    let kv = seeded(sample_applications(today()));
    let (mut m, stored) = opened(&kv);
    let a = m.plan.actions[0].clone();
    let r = followup::ui::ActionRef::new(&a.app_id, &a.key);
    // A double click, or a click held while the page loaded: waits, once.
    assert!(update(&mut m, Msg::Sent(r.clone())).is_empty());
    assert!(update(&mut m, Msg::Sent(r.clone())).is_empty());
    assert!(update(&mut m, Msg::Skip(r)).is_empty());
    let effects = update(
        &mut m,
        Msg::Loaded {
            today: today(),
            result: Ok(stored),
        },
    );
    let writes = effects
        .iter()
        .filter(|e| matches!(e, followup::ui::Effect::Write(..)))
        .count();
    assert_eq!(writes, 2, "one for Sent, one for Skip: {effects:?}");
}

#[test]
fn the_worker_tells_a_stored_first_drawing_it_would_draw_again_without_drawing() {
    let kv = seeded(demo_workload(20));
    let summary = stored_summary(&kv).unwrap();
    let record = early_record(&summary, english()).unwrap();
    assert!(early_record_fits(&record, &summary, "en"));
    assert!(!early_record_fits(&record, &summary, "de"));
    let mut value: Value = serde_json::from_str(&record).unwrap();
    for (field, other) in [
        ("build", Value::from("followup/0.0.1/1")),
        ("day", Value::from("2001-01-01")),
        ("revision", Value::from(7)),
    ] {
        let kept = value[field].clone();
        value[field] = other;
        assert!(
            !early_record_fits(&value.to_string(), &summary, "en"),
            "{field}"
        );
        value[field] = kept;
    }
    assert!(early_record_fits(&value.to_string(), &summary, "en"));
    for broken in ["", "{", "[]", r#"{"build":1}"#] {
        assert!(!early_record_fits(broken, &summary, "en"), "{broken}");
    }
}
