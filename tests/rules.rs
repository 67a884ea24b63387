//! One table-driven test per rule of FOLLOWUP_RULES.md, named after the rule.
//!
//! Dates are written out with their weekday. March 2026 starts on a Sunday:
//!
//! ```text
//!  Mo Tu We Th Fr Sa Su
//!                    1
//!   2  3  4  5  6  7  8
//!   9 10 11 12 13 14 15
//!  16 17 18 19 20 21 22
//!  23 24 25 26 27 28 29
//!  30 31  1  2  3  4  5   (April)
//! ```
//!
//! Holidays around due dates come from the user's own holiday list.

use chrono::NaiveDate;

use followup::core::calendar::WorkCalendar;
use followup::core::model::{
    Action, ActionKind, ActionState, Application, Contact, Event, EventKind, Interviewer, Medium,
    ReasonCode, Round, Settings, Status,
};
use followup::core::ops;
use followup::core::plan::{
    badge_count, count_actionable, explain, key, plan, plan_application, Problem,
};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap_or_else(|_| panic!("bad test date {s}"))
}

fn person(id: &str, name: &str) -> Contact {
    Contact {
        id: id.into(),
        name: name.into(),
        email: format!("{id}@example.com"),
        ..Default::default()
    }
}

fn manager(id: &str, name: &str) -> Contact {
    Contact {
        hiring_manager: true,
        ..person(id, name)
    }
}

fn reference(id: &str, name: &str) -> Contact {
    Contact {
        reference: true,
        ..person(id, name)
    }
}

fn round(id: &str, date: &str, interviewers: &[&str]) -> Round {
    Round {
        id: id.into(),
        date: d(date),
        kind: "interview".into(),
        interviewers: interviewers
            .iter()
            .map(|c| Interviewer {
                contact_id: (*c).into(),
                points: Vec::new(),
            })
            .collect(),
    }
}

/// An application interviewing since an interview on Tuesday 2026-03-03 with Ana (the
/// hiring manager) and Ben; no decision date.
fn interviewing() -> Application {
    Application {
        id: "acme".into(),
        company: "Acme".into(),
        role: "Engineer".into(),
        status: Status::Interviewing,
        applied_on: Some(d("2026-02-20")), // Friday
        rounds: vec![round("r1", "2026-03-03", &["ana", "ben"])],
        contacts: vec![manager("ana", "Ana Alvarez"), person("ben", "Ben Brown")],
        ..Default::default()
    }
}

fn event(date: &str, kind: EventKind) -> Event {
    Event {
        date: d(date),
        kind,
    }
}

fn sent(action: String, date: &str) -> Event {
    event(date, EventKind::Sent { action })
}

fn holidays(days: &[&str]) -> Settings {
    let mut settings = Settings::default();
    settings.holidays.own = days.iter().map(|s| d(s)).collect();
    settings
}

fn run_with(app: &Application, settings: &Settings, today: &str) -> (Vec<Action>, Vec<Problem>) {
    let calendar = WorkCalendar::from_settings(&settings.holidays);
    plan_application(app, settings, &calendar, d(today))
}

fn run(app: &Application, settings: &Settings, today: &str) -> Vec<Action> {
    let (actions, problems) = run_with(app, settings, today);
    assert!(problems.is_empty(), "unexpected problems: {problems:?}");
    actions
}

fn find<'a>(actions: &'a [Action], key: &str) -> &'a Action {
    actions.iter().find(|a| a.key == key).unwrap_or_else(|| {
        let keys: Vec<&str> = actions.iter().map(|a| a.key.as_str()).collect();
        panic!("no action {key}; have {keys:?}")
    })
}

fn of_kind(actions: &[Action], kind: ActionKind) -> Vec<&Action> {
    actions.iter().filter(|a| a.kind == kind).collect()
}

fn kinds(actions: &[Action]) -> Vec<ActionKind> {
    actions.iter().map(|a| a.kind).collect()
}

fn follow_up_kinds(actions: &[Action]) -> Vec<ActionKind> {
    actions
        .iter()
        .filter(|a| a.kind.is_follow_up() || a.kind == ActionKind::MoveOn)
        .map(|a| a.kind)
        .collect()
}

#[test]
fn thank_you_email_same_day_per_interviewer() {
    // (round date, due, late after): due the same day even on a weekend, late after + 1 wd.
    let table = [
        ("2026-03-03", "2026-03-03", "2026-03-04"), // Tue -> Tue, late Wed
        ("2026-03-06", "2026-03-06", "2026-03-09"), // Fri -> Fri, late Mon
        ("2026-03-07", "2026-03-07", "2026-03-09"), // Sat -> Sat (not moved), late Mon
    ];
    for (date, due, late) in table {
        let mut app = interviewing();
        app.rounds = vec![round("r1", date, &["ana", "ben"])];
        let actions = run(&app, &Settings::default(), date);
        let emails = of_kind(&actions, ActionKind::ThankYouEmail);
        assert_eq!(emails.len(), 2, "one per interviewer on {date}");
        for (email, who) in emails.iter().zip(["ana", "ben"]) {
            assert_eq!(email.key, key::thank_you_email("r1", who));
            assert_eq!(email.contact_id.as_deref(), Some(who));
            assert_eq!(email.round_id.as_deref(), Some("r1"));
            assert_eq!(email.due, d(due), "{date}");
            assert_eq!(email.late_after, Some(d(late)), "{date}");
            assert_eq!(email.state, ActionState::Due);
            assert_eq!(email.reason.code, ReasonCode::InterviewDay);
            assert_eq!(email.reason.from, d(date));
        }
    }
}

#[test]
fn each_round_gets_its_own_thank_yous() {
    let mut app = interviewing();
    app.contacts.push(person("cat", "Cat Chen"));
    app.rounds.push(round("r2", "2026-03-10", &["cat"])); // Tue
    let actions = run(&app, &Settings::default(), "2026-03-10");
    let emails: Vec<&str> = of_kind(&actions, ActionKind::ThankYouEmail)
        .iter()
        .map(|a| a.key.as_str())
        .collect();
    assert_eq!(
        emails,
        [
            "thank-you-email/r1/ana",
            "thank-you-email/r1/ben",
            "thank-you-email/r2/cat"
        ]
    );
}

#[test]
fn thank_you_card_setting() {
    // Off by default.
    let app = interviewing();
    let actions = run(&app, &Settings::default(), "2026-03-03");
    assert!(of_kind(&actions, ActionKind::ThankYouCard).is_empty());

    // On: round + 2 d moved to a working day; late after round + 4 d.
    let table: [(&str, &[&str], &str, &str); 3] = [
        ("2026-03-02", &[], "2026-03-04", "2026-03-06"), // Mon -> Wed, late Fri
        ("2026-03-05", &[], "2026-03-09", "2026-03-09"), // Thu -> Sat -> Mon, late Mon
        ("2026-03-02", &["2026-03-04"], "2026-03-05", "2026-03-06"), // Wed is a holiday -> Thu
    ];
    for (date, days_off, due, late) in table {
        let mut settings = holidays(days_off);
        settings.thank_you_card = true;
        let mut app = interviewing();
        app.rounds = vec![round("r1", date, &["ana", "ben"])];
        let actions = run(&app, &settings, date);
        let cards = of_kind(&actions, ActionKind::ThankYouCard);
        assert_eq!(cards.len(), 2, "one card per interviewer");
        for card in cards {
            assert_eq!(card.due, d(due), "{date} {days_off:?}");
            assert_eq!(card.late_after, Some(d(late)), "{date} {days_off:?}");
            assert_eq!(card.reason.code, ReasonCode::CardAfterInterview);
            assert_eq!((card.reason.days, card.reason.working_days), (2, false));
        }
    }
}

#[test]
fn first_follow_up_two_working_days_after_decision_date() {
    // (decision date, holidays, due, late after)
    let table: [(&str, &[&str], &str, &str); 4] = [
        ("2026-03-06", &[], "2026-03-10", "2026-03-12"), // Fri -> Tue, late Thu
        ("2026-03-11", &[], "2026-03-13", "2026-03-17"), // Wed -> Fri, late Tue
        ("2026-03-12", &[], "2026-03-16", "2026-03-18"), // Thu -> Mon, late Wed
        ("2026-03-06", &["2026-03-09"], "2026-03-11", "2026-03-13"), // Mon off -> Wed
    ];
    for (decision, days_off, due, late) in table {
        let mut app = interviewing();
        app.decision_date = Some(d(decision));
        let actions = run(&app, &holidays(days_off), "2026-03-04");
        let first = find(&actions, &key::first_follow_up("r1", 0));
        assert_eq!(first.kind, ActionKind::FirstFollowUp);
        assert_eq!(first.due, d(due), "{decision} {days_off:?}");
        assert_eq!(first.late_after, Some(d(late)), "{decision} {days_off:?}");
        assert_eq!(
            first.contact_id.as_deref(),
            Some("ana"),
            "the hiring manager"
        );
        assert_eq!(first.reason.code, ReasonCode::AfterDecisionDate);
        assert_eq!(first.reason.from, d(decision));
        assert_eq!((first.reason.days, first.reason.working_days), (2, true));
    }
}

#[test]
fn buffer_setting_one_to_three() {
    // Decision on Friday 2026-03-06. Out-of-range settings are clamped to 1..=3.
    let table = [
        (0, 1, "2026-03-09"), // Mon
        (1, 1, "2026-03-09"), // Mon
        (2, 2, "2026-03-10"), // Tue
        (3, 3, "2026-03-11"), // Wed
        (9, 3, "2026-03-11"), // Wed
    ];
    for (setting, used, due) in table {
        let mut app = interviewing();
        app.decision_date = Some(d("2026-03-06"));
        let settings = Settings {
            buffer_days: setting,
            ..Settings::default()
        };
        let actions = run(&app, &settings, "2026-03-04");
        let first = find(&actions, &key::first_follow_up("r1", 0));
        assert_eq!(first.due, d(due), "buffer {setting}");
        assert_eq!(first.reason.days, used, "buffer {setting}");
    }
}

#[test]
fn no_decision_date_five_working_days() {
    // (round, holidays, due, late after)
    let table: [(&str, &[&str], &str, &str); 4] = [
        ("2026-03-03", &[], "2026-03-10", "2026-03-12"), // Tue -> Tue, late Thu
        ("2026-03-06", &[], "2026-03-13", "2026-03-17"), // Fri -> Fri, late Tue
        ("2026-03-07", &[], "2026-03-13", "2026-03-17"), // Sat -> Fri (5th working day)
        ("2026-03-03", &["2026-03-09"], "2026-03-11", "2026-03-13"), // Mon off -> Wed
    ];
    for (date, days_off, due, late) in table {
        let mut app = interviewing();
        app.rounds = vec![round("r1", date, &["ana", "ben"])];
        let actions = run(&app, &holidays(days_off), date);
        let first = find(&actions, &key::first_follow_up("r1", 0));
        assert_eq!(first.due, d(due), "{date} {days_off:?}");
        assert_eq!(first.late_after, Some(d(late)), "{date} {days_off:?}");
        assert_eq!(first.reason.code, ReasonCode::NoDecisionDate);
        assert_eq!(first.reason.from, d(date));
        assert_eq!((first.reason.days, first.reason.working_days), (5, true));
    }
}

#[test]
fn first_follow_up_goes_to_first_interviewer_without_hiring_manager() {
    let mut app = interviewing();
    app.contacts = vec![person("ana", "Ana Alvarez"), person("ben", "Ben Brown")];
    app.rounds = vec![round("r1", "2026-03-03", &["ben", "ana"])];
    let actions = run(&app, &Settings::default(), "2026-03-03");
    let first = find(&actions, &key::first_follow_up("r1", 0));
    assert_eq!(first.contact_id.as_deref(), Some("ben"));
}

#[test]
fn long_timeline_check_in_counts_as_first() {
    // Interview Tue 2026-03-03, decision Fri 2026-03-20: 17 days, more than 14.
    let mut app = interviewing();
    app.decision_date = Some(d("2026-03-20"));
    let actions = run(&app, &Settings::default(), "2026-03-04");
    assert_eq!(
        follow_up_kinds(&actions),
        [
            ActionKind::CheckIn,
            ActionKind::SecondFollowUp,
            ActionKind::MoveOn
        ],
        "the check-in replaces the first follow-up"
    );
    let check_in = find(&actions, &key::first_follow_up("r1", 0));
    assert_eq!(check_in.kind, ActionKind::CheckIn);
    assert_eq!(check_in.due, d("2026-03-10")); // Tue: round + 7 d
    assert_eq!(check_in.late_after, Some(d("2026-03-12"))); // Thu
    assert_eq!(check_in.reason.code, ReasonCode::LongTimeline);
    assert_eq!(
        (check_in.reason.days, check_in.reason.working_days),
        (7, false)
    );
    let second = find(&actions, &key::second_follow_up("r1", 0));
    assert_eq!(second.due, d("2026-03-24")); // Tue: decision + 2 wd
    assert_eq!(second.reason.code, ReasonCode::AfterDecisionDate);
    assert_eq!(second.state, ActionState::Projected);

    // Exactly 14 days is not a long timeline: decision Tue 2026-03-17 -> Thu 2026-03-19.
    app.decision_date = Some(d("2026-03-17"));
    let actions = run(&app, &Settings::default(), "2026-03-04");
    let first = find(&actions, &key::first_follow_up("r1", 0));
    assert_eq!(first.kind, ActionKind::FirstFollowUp);
    assert_eq!(first.due, d("2026-03-19"));

    // The check-in moves to a working day: interview Fri 2026-03-06 + 7 d = Fri 03-13, a
    // holiday -> Mon 03-16.
    app.rounds = vec![round("r1", "2026-03-06", &["ana"])];
    app.decision_date = Some(d("2026-03-27"));
    let actions = run(&app, &holidays(&["2026-03-13"]), "2026-03-06");
    assert_eq!(
        find(&actions, &key::first_follow_up("r1", 0)).due,
        d("2026-03-16")
    );

    // A check-in sent late keeps the second a week after it: sent Wed 2026-03-18, decision
    // Fri 03-20 + 2 wd = Tue 03-24 is too soon -> Wed 03-25.
    let mut app = interviewing();
    app.decision_date = Some(d("2026-03-20"));
    app.history = vec![sent(key::first_follow_up("r1", 0), "2026-03-18")];
    let actions = run(&app, &Settings::default(), "2026-03-18");
    let second = find(&actions, &key::second_follow_up("r1", 0));
    assert_eq!(second.due, d("2026-03-25"));
    assert_eq!(second.reason.code, ReasonCode::WeekAfterFirst);
    assert_eq!(second.reason.from, d("2026-03-18"));
}

#[test]
fn second_follow_up_week_after_actual_sent() {
    // First follow-up due Tue 2026-03-10 (no decision date). (sent on, second due, late)
    let table = [
        ("2026-03-10", "2026-03-17", "2026-03-19"), // Tue -> Tue, late Thu
        ("2026-03-12", "2026-03-19", "2026-03-23"), // Thu -> Thu, late Mon
        ("2026-03-14", "2026-03-23", "2026-03-25"), // Sat -> Sat 21 -> Mon 23
    ];
    for (sent_on, due, late) in table {
        let mut app = interviewing();
        app.history = vec![sent(key::first_follow_up("r1", 0), sent_on)];
        let actions = run(&app, &Settings::default(), sent_on);
        let first = find(&actions, &key::first_follow_up("r1", 0));
        assert_eq!(first.state, ActionState::Done);
        assert_eq!(first.done_on, Some(d(sent_on)));
        let second = find(&actions, &key::second_follow_up("r1", 0));
        assert_eq!(second.due, d(due), "sent {sent_on}");
        assert_eq!(second.late_after, Some(d(late)), "sent {sent_on}");
        assert_eq!(second.state, ActionState::Upcoming);
        assert_eq!(second.reason.code, ReasonCode::WeekAfterFirst);
        assert_eq!(second.reason.from, d(sent_on));
        assert_eq!(second.contact_id.as_deref(), Some("ana"));
    }
}

#[test]
fn move_on_sets_no_response() {
    let mut app = interviewing();
    app.history = vec![
        sent(key::first_follow_up("r1", 0), "2026-03-10"), // Tue
        sent(key::second_follow_up("r1", 0), "2026-03-19"), // Thu
    ];
    let actions = run(&app, &Settings::default(), "2026-03-26");
    let move_on = find(&actions, &key::move_on("r1", 0));
    assert_eq!(move_on.kind, ActionKind::MoveOn);
    assert_eq!(move_on.due, d("2026-03-26")); // Thu: a week after the second
    assert_eq!(move_on.late_after, None, "moving on is never late");
    assert_eq!(move_on.contact_id, None);
    assert_eq!(move_on.state, ActionState::Due);
    assert_eq!(move_on.reason.code, ReasonCode::NoReplyAfterSecond);

    let done = ops::record_sent(&app, &move_on.key, d("2026-03-26")).expect("valid key");
    assert_eq!(done.status, Status::NoResponse);
    assert_eq!(
        done.history.last().map(|e| &e.kind),
        Some(&EventKind::Status {
            from: Status::Interviewing,
            to: Status::NoResponse
        })
    );
    // Nothing new is scheduled; the history stays listed as done.
    let actions = run(&done, &Settings::default(), "2026-03-27");
    assert!(
        actions.iter().all(|a| a.state == ActionState::Done),
        "{actions:?}"
    );
    assert_eq!(
        follow_up_kinds(&actions),
        [
            ActionKind::FirstFollowUp,
            ActionKind::SecondFollowUp,
            ActionKind::MoveOn
        ]
    );
}

#[test]
fn no_contact_schedules_nothing() {
    let mut app = interviewing();
    app.no_contact = true;
    app.decision_date = Some(d("2026-03-06"));
    app.contacts.push(reference("rae", "Rae Reyes"));
    app.history = vec![
        sent(key::thank_you_email("r1", "ana"), "2026-03-03"),
        event("2026-03-05", EventKind::ReferencesRequested),
        event(
            "2026-03-05",
            EventKind::PositiveNews {
                note: "funding".into(),
            },
        ),
    ];
    let settings = Settings {
        thank_you_card: true,
        ..Settings::default()
    };
    let actions = run(&app, &settings, "2026-03-05");
    // Only what was done, and alerting the user's own reference (not the employer).
    let listed: Vec<(ActionKind, ActionState)> =
        actions.iter().map(|a| (a.kind, a.state)).collect();
    assert_eq!(
        listed,
        [
            (ActionKind::ThankYouEmail, ActionState::Done),
            (ActionKind::AlertReference, ActionState::Due),
        ]
    );

    // Rejected and no contact: no feedback request, no stay-connected either.
    app.status = Status::Rejected;
    app.history.push(event(
        "2026-03-20",
        EventKind::Status {
            from: Status::Interviewing,
            to: Status::Rejected,
        },
    ));
    let actions = run(&app, &settings, "2026-03-23");
    assert_eq!(kinds(&actions), [ActionKind::ThankYouEmail]);

    // Clearing the flag brings everything back.
    app.no_contact = false;
    app.status = Status::Interviewing;
    let actions = run(&app, &settings, "2026-03-05");
    assert!(!of_kind(&actions, ActionKind::FirstFollowUp).is_empty());
    assert_eq!(of_kind(&actions, ActionKind::ThankYouCard).len(), 2);
}

#[test]
fn reply_resets_chain() {
    // First follow-up sent Tue 2026-03-10, then the employer replies on Thu 2026-03-12.
    // (decision date given in the reply, first follow-up of the new chain, reason)
    let table = [
        (None, "2026-03-19", ReasonCode::AfterReply), // reply + 5 wd: Thu
        (
            Some("2026-03-20"),
            "2026-03-24",
            ReasonCode::AfterReplyDecisionDate,
        ), // Fri + 2 wd: Tue
        (Some("2026-04-03"), "2026-03-19", ReasonCode::LongTimeline), // 22 days: check-in reply + 7 d
    ];
    for (decision, due, code) in table {
        let mut app = interviewing();
        app.history = vec![
            sent(key::first_follow_up("r1", 0), "2026-03-10"),
            event(
                "2026-03-12",
                EventKind::Reply {
                    decision_date: decision.map(d),
                },
            ),
        ];
        let actions = run(&app, &Settings::default(), "2026-03-12");
        // The old chain: the sent follow-up stays as history; its second is cancelled.
        assert_eq!(
            find(&actions, &key::first_follow_up("r1", 0)).state,
            ActionState::Done
        );
        assert!(actions
            .iter()
            .all(|a| a.key != key::second_follow_up("r1", 0) && a.key != key::move_on("r1", 0)));
        // A fresh chain with fresh keys.
        let first = find(&actions, &key::first_follow_up("r1", 1));
        assert_eq!(first.due, d(due), "{decision:?}");
        assert_eq!(first.reason.code, code, "{decision:?}");
        assert_eq!(first.state, ActionState::Upcoming);
        assert_eq!(
            find(&actions, &key::second_follow_up("r1", 1)).state,
            ActionState::Projected
        );
    }

    // A reply before anything was sent cancels the pending first follow-up outright.
    let mut app = interviewing();
    app.history = vec![event(
        "2026-03-05",
        EventKind::Reply {
            decision_date: None,
        },
    )];
    let actions = run(&app, &Settings::default(), "2026-03-05");
    assert!(
        actions.iter().all(|a| !a.key.ends_with("/0")),
        "{actions:?}"
    );
    assert_eq!(
        find(&actions, &key::first_follow_up("r1", 1)).due,
        d("2026-03-12") // Thu + 5 wd
    );

    // The operation records the reply and leaves the interview's decision date alone.
    let replied = ops::record_reply(&interviewing(), d("2026-03-12"), Some(d("2026-03-20")))
        .expect("date after the reply");
    assert_eq!(replied.decision_date, None);
}

#[test]
fn new_round_cancels_old_follow_ups() {
    let mut app = interviewing();
    app.contacts.push(person("cat", "Cat Chen"));
    app.rounds.push(round("r2", "2026-03-16", &["cat"])); // Mon
    app.history = vec![sent(key::first_follow_up("r1", 0), "2026-03-10")];
    let actions = run(&app, &Settings::default(), "2026-03-16");
    // The first round's sent follow-up stays as history; nothing else of its chain.
    assert_eq!(
        find(&actions, &key::first_follow_up("r1", 0)).state,
        ActionState::Done
    );
    assert!(actions
        .iter()
        .all(|a| a.key != key::second_follow_up("r1", 0) && a.key != key::move_on("r1", 0)));
    // The new round has its own thank-you and its own chain: Mon + 5 wd = Mon 2026-03-23.
    assert_eq!(
        find(&actions, &key::thank_you_email("r2", "cat")).due,
        d("2026-03-16")
    );
    let first = find(&actions, &key::first_follow_up("r2", 0));
    assert_eq!(first.due, d("2026-03-23"));
    assert_eq!(
        first.contact_id.as_deref(),
        Some("ana"),
        "still the hiring manager"
    );
    // The first round's thank-yous are still there.
    assert_eq!(of_kind(&actions, ActionKind::ThankYouEmail).len(), 3);
}

#[test]
fn online_application_no_follow_up_unless_reminder() {
    // Applied online on Monday 2026-03-02, no interview.
    let bare = Application {
        id: "web".into(),
        status: Status::Applied,
        applied_on: Some(d("2026-03-02")),
        contacts: vec![manager("ana", "Ana Alvarez")],
        ..Default::default()
    };
    assert!(run(&bare, &Settings::default(), "2026-04-01").is_empty());

    // (remind after N days, due)
    let table = [
        (10, "2026-03-12"), // Thu
        (5, "2026-03-09"),  // Sat 7 -> Mon 9
    ];
    for (days, due) in table {
        let settings = Settings {
            remind_after_applying: Some(days),
            ..Settings::default()
        };
        let actions = run(&bare, &settings, "2026-03-02");
        assert_eq!(kinds(&actions), [ActionKind::ApplicationReminder]);
        let reminder = &actions[0];
        assert_eq!(reminder.key, key::APPLICATION_REMINDER);
        assert_eq!(reminder.due, d(due), "{days} days");
        assert_eq!(reminder.late_after, None);
        assert_eq!(reminder.reason.code, ReasonCode::AfterApplying);
        assert_eq!(
            (reminder.reason.days, reminder.reason.working_days),
            (days, false)
        );

        // Only for applications still at "applied" and without interviews.
        let mut other = bare.clone();
        other.status = Status::Interviewing;
        assert!(run(&other, &settings, "2026-03-02").is_empty());
        let mut interviewed = bare.clone();
        interviewed.rounds = vec![round("r1", "2026-03-05", &["ana"])];
        let actions = run(&interviewed, &settings, "2026-03-05");
        assert!(of_kind(&actions, ActionKind::ApplicationReminder).is_empty());
    }
}

#[test]
fn follow_ups_land_on_working_days() {
    // Every computed date that falls on a weekend or a holiday moves to the next working day.
    let mut settings = holidays(&["2026-03-16", "2026-03-17"]); // Mon, Tue off
    settings.thank_you_card = true;
    let mut app = interviewing();
    app.rounds = vec![round("r1", "2026-03-07", &["ana"])]; // Saturday interview
    app.contacts.push(reference("rae", "Rae Reyes"));
    app.history = vec![
        sent(key::first_follow_up("r1", 0), "2026-03-08"), // Sun
        event("2026-03-14", EventKind::ReferencesRequested), // Sat
        event("2026-03-15", EventKind::PositiveNews { note: "".into() }), // Sun
    ];
    let actions = run(&app, &settings, "2026-03-08");
    let expect = [
        (key::thank_you_email("r1", "ana"), "2026-03-07"), // Sat: thank-yous stay
        (key::thank_you_card("r1", "ana"), "2026-03-09"),  // Mon 9 (+2 d = Mon)
        (key::second_follow_up("r1", 0), "2026-03-18"),    // Sun 15 -> Mon, Tue off -> Wed
        (key::move_on("r1", 0), "2026-03-25"),             // Wed 25 (projected)
        (key::alert_reference(d("2026-03-14"), "rae"), "2026-03-18"), // Sat -> Wed
        (key::congratulate(d("2026-03-15"), 0), "2026-03-18"), // Sun -> Wed
    ];
    for (k, due) in expect {
        assert_eq!(find(&actions, &k).due, d(due), "{k}");
    }

    // Moving on: second follow-up sent on Saturday 2026-03-21, + 7 d = Sat 03-28; Monday
    // 03-30 is a holiday, so Tuesday 03-31.
    let mut settled = interviewing();
    settled.history = vec![
        sent(key::first_follow_up("r1", 0), "2026-03-10"),
        sent(key::second_follow_up("r1", 0), "2026-03-21"),
    ];
    let actions = run(&settled, &holidays(&["2026-03-30"]), "2026-03-21");
    assert_eq!(find(&actions, &key::move_on("r1", 0)).due, d("2026-03-31"));

    // Feedback and stay-connected count working days over the holidays too.
    app.status = Status::Rejected;
    app.history.push(event(
        "2026-03-13", // Fri
        EventKind::Status {
            from: Status::Interviewing,
            to: Status::Rejected,
        },
    ));
    let actions = run(&app, &settings, "2026-03-13");
    assert_eq!(find(&actions, key::ASK_FEEDBACK).due, d("2026-03-18")); // Wed
    assert_eq!(
        find(&actions, &key::stay_connected("ana")).due,
        d("2026-03-19")
    ); // Thu
}

#[test]
fn later_actions_from_actual_dates() {
    // First due Tue 2026-03-10 but sent early on Mon 03-09; second due a week later, Mon
    // 03-16; sent late on Wed 03-25, so moving on is due Wed 04-01.
    let mut app = interviewing();
    app.history = vec![sent(key::first_follow_up("r1", 0), "2026-03-09")];
    let actions = run(&app, &Settings::default(), "2026-03-09");
    assert_eq!(
        find(&actions, &key::second_follow_up("r1", 0)).due,
        d("2026-03-16")
    );
    app.history
        .push(sent(key::second_follow_up("r1", 0), "2026-03-25"));
    let actions = run(&app, &Settings::default(), "2026-03-25");
    let move_on = find(&actions, &key::move_on("r1", 0));
    assert_eq!(move_on.due, d("2026-04-01"));
    assert_eq!(move_on.reason.from, d("2026-03-25"));
    assert_eq!(move_on.state, ActionState::Upcoming);
}

#[test]
fn projected_dates() {
    // Nothing sent yet: the second follow-up and moving on assume each earlier action
    // happens on its due date.
    let app = interviewing();
    let actions = run(&app, &Settings::default(), "2026-03-10");
    let table = [
        (
            key::first_follow_up("r1", 0),
            "2026-03-10",
            ActionState::Due,
        ), // Tue
        (
            key::second_follow_up("r1", 0),
            "2026-03-17",
            ActionState::Projected,
        ), // Tue
        (key::move_on("r1", 0), "2026-03-24", ActionState::Projected), // Tue
    ];
    for (k, due, state) in &table {
        let action = find(&actions, k);
        assert_eq!((action.due, action.state), (d(due), *state), "{k}");
    }
    let second = find(&actions, &key::second_follow_up("r1", 0));
    assert_eq!(second.reason.from, d("2026-03-10"));
    assert!(explain(second, &app).contains("planned for 10 Mar 2026"));

    // Snoozing the first follow-up to Thu 03-12 moves the projection with it.
    let snoozed = ops::snooze(
        &app,
        &key::first_follow_up("r1", 0),
        d("2026-03-10"),
        d("2026-03-12"),
    )
    .expect("later day");
    let actions = run(&snoozed, &Settings::default(), "2026-03-10");
    assert_eq!(
        find(&actions, &key::second_follow_up("r1", 0)).due,
        d("2026-03-19")
    );

    // Projected actions are not on the badge: only the thank-yous (overdue) and the first.
    let plan = plan(&[app], &Settings::default(), d("2026-03-10"));
    assert_eq!(badge_count(&plan), 3);
}

#[test]
fn statuses_schedule_nothing_or_only_rejection_actions() {
    // The same application with one thank-you sent, under each status.
    let rejected_on = event(
        "2026-03-13",
        EventKind::Status {
            from: Status::Interviewing,
            to: Status::Rejected,
        },
    );
    let normal = [
        ActionKind::ThankYouEmail,
        ActionKind::ThankYouEmail,
        ActionKind::FirstFollowUp,
        ActionKind::SecondFollowUp,
        ActionKind::MoveOn,
    ];
    let history_only = [ActionKind::ThankYouEmail];
    let table: [(Status, &[ActionKind]); 9] = [
        (Status::Saved, &history_only),
        (Status::Applied, &normal),
        (Status::Interviewing, &normal),
        (Status::References, &normal),
        (Status::Offer, &history_only),
        (Status::Accepted, &history_only),
        (Status::Withdrawn, &history_only),
        (Status::NoResponse, &history_only),
        (
            Status::Rejected,
            &[
                ActionKind::ThankYouEmail,
                ActionKind::AskFeedback,
                ActionKind::StayConnected,
                ActionKind::StayConnected,
            ],
        ),
    ];
    for (status, expected) in table {
        let mut app = interviewing();
        app.status = status.clone();
        app.history = vec![sent(key::thank_you_email("r1", "ana"), "2026-03-03")];
        if status == Status::Rejected {
            app.history.push(rejected_on.clone());
        }
        let actions = run(&app, &Settings::default(), "2026-03-13");
        let mut got = kinds(&actions);
        got.sort();
        assert_eq!(got, expected, "{status:?}");
        let done = find(&actions, &key::thank_you_email("r1", "ana"));
        assert_eq!(done.state, ActionState::Done, "{status:?}");
    }

    // An unknown status schedules nothing and says so.
    let mut app = interviewing();
    app.status = Status::Other("ghosted".into());
    let (actions, problems) = run_with(&app, &Settings::default(), "2026-03-13");
    assert!(actions.is_empty());
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message.contains("'ghosted'"), "{problems:?}");
}

#[test]
fn alert_references() {
    let mut app = interviewing();
    app.status = Status::References;
    app.contacts.push(reference("rae", "Rae Reyes"));
    app.contacts.push(reference("sam", "Sam Singh"));
    app.history = vec![event("2026-03-14", EventKind::ReferencesRequested)]; // Sat
    let actions = run(&app, &Settings::default(), "2026-03-16");
    let alerts = of_kind(&actions, ActionKind::AlertReference);
    let who: Vec<_> = alerts.iter().map(|a| a.contact_id.as_deref()).collect();
    assert_eq!(
        who,
        [Some("rae"), Some("sam")],
        "each reference, nobody else"
    );
    for alert in &alerts {
        assert_eq!(alert.due, d("2026-03-16")); // Sat -> Mon
        assert_eq!(alert.late_after, Some(d("2026-03-17"))); // + 1 wd
        assert_eq!(alert.state, ActionState::Due);
        assert_eq!(alert.reason.code, ReasonCode::ReferencesRequested);
        assert!(explain(alert, &app).contains("not an offer"));
    }

    // A later request replaces the earlier alerts, except the ones already sent.
    app.history.push(sent(
        key::alert_reference(d("2026-03-14"), "rae"),
        "2026-03-16",
    ));
    app.history
        .push(event("2026-03-25", EventKind::ReferencesRequested)); // Wed
    let actions = run(&app, &Settings::default(), "2026-03-25");
    let alerts: Vec<(String, ActionState)> = of_kind(&actions, ActionKind::AlertReference)
        .iter()
        .map(|a| (a.key.clone(), a.state))
        .collect();
    assert_eq!(
        alerts,
        [
            (
                key::alert_reference(d("2026-03-14"), "rae"),
                ActionState::Done
            ),
            (
                key::alert_reference(d("2026-03-25"), "rae"),
                ActionState::Due
            ),
            (
                key::alert_reference(d("2026-03-25"), "sam"),
                ActionState::Due
            ),
        ]
    );
}

#[test]
fn ask_feedback_and_stay_connected_after_rejection() {
    let mut app = interviewing();
    app.contacts.push(person("cat", "Cat Chen"));
    // Ben interviews in both rounds: one stay-connected note for him.
    app.rounds.push(round("r2", "2026-03-10", &["ben", "cat"]));
    app.history = vec![event(
        "2026-03-20", // Fri
        EventKind::Status {
            from: Status::Interviewing,
            to: Status::Rejected,
        },
    )];
    app.status = Status::Rejected;
    let actions = run(&app, &Settings::default(), "2026-03-20");
    let feedback = find(&actions, key::ASK_FEEDBACK);
    assert_eq!(
        feedback.contact_id.as_deref(),
        Some("ana"),
        "the hiring manager"
    );
    assert_eq!(feedback.due, d("2026-03-23")); // Mon: + 1 wd
    assert_eq!(feedback.late_after, Some(d("2026-03-26"))); // Thu: + 3 wd
    assert_eq!(feedback.reason.code, ReasonCode::AfterRejectionFeedback);
    let stay: Vec<_> = of_kind(&actions, ActionKind::StayConnected)
        .iter()
        .map(|a| {
            (
                a.contact_id.clone().unwrap_or_default(),
                a.due,
                a.late_after,
            )
        })
        .collect();
    let expected: Vec<_> = ["ana", "ben", "cat"]
        .iter()
        .map(|c| (c.to_string(), d("2026-03-24"), Some(d("2026-03-31")))) // Tue, Tue
        .collect();
    assert_eq!(stay, expected);

    // Without a recorded rejection date, today is used and the user is told.
    app.history.clear();
    let (actions, problems) = run_with(&app, &Settings::default(), "2026-03-20");
    assert_eq!(find(&actions, key::ASK_FEEDBACK).due, d("2026-03-23"));
    assert!(
        problems[0].message.contains("no rejection date"),
        "{problems:?}"
    );
}

#[test]
fn congratulate_on_positive_news() {
    let mut app = interviewing();
    let news = |date: &str| {
        event(
            date,
            EventKind::PositiveNews {
                note: "launch".into(),
            },
        )
    };
    app.history = vec![news("2026-03-15"), news("2026-03-15"), news("2026-03-18")]; // Sun, Sun, Wed
    let actions = run(&app, &Settings::default(), "2026-03-16");
    let notes: Vec<_> = of_kind(&actions, ActionKind::Congratulate)
        .iter()
        .map(|a| (a.key.clone(), a.due, a.late_after, a.contact_id.clone()))
        .collect();
    let ana = Some("ana".to_string());
    assert_eq!(
        notes,
        [
            (
                key::congratulate(d("2026-03-15"), 0),
                d("2026-03-16"),       // Mon
                Some(d("2026-03-19")), // Thu
                ana.clone()
            ),
            (
                key::congratulate(d("2026-03-15"), 1),
                d("2026-03-16"),
                Some(d("2026-03-19")),
                ana.clone()
            ),
            (
                key::congratulate(d("2026-03-18"), 0),
                d("2026-03-18"),       // Wed
                Some(d("2026-03-23")), // Mon
                ana
            ),
        ]
    );
    let note = find(&actions, &key::congratulate(d("2026-03-18"), 0));
    assert_eq!(
        explain(note, &app),
        "You noted good news about Acme on 18 Mar 2026."
    );
    let recorded = ops::record_positive_news(&app, d("2026-03-20"), "award");
    assert_eq!(recorded.history.len(), 4);
}

#[test]
fn due_and_overdue_states() {
    // Thank-you for the interview on Tue 2026-03-03: late after Wed 03-04.
    let table = [
        ("2026-03-02", ActionState::Upcoming),
        ("2026-03-03", ActionState::Due),
        ("2026-03-04", ActionState::Due),
        ("2026-03-05", ActionState::Overdue),
    ];
    for (today, state) in table {
        let actions = run(&interviewing(), &Settings::default(), today);
        assert_eq!(
            find(&actions, &key::thank_you_email("r1", "ana")).state,
            state,
            "{today}"
        );
    }
    // First follow-up due Tue 03-10, late after Thu 03-12.
    let table = [
        ("2026-03-09", ActionState::Upcoming),
        ("2026-03-10", ActionState::Due),
        ("2026-03-12", ActionState::Due),
        ("2026-03-13", ActionState::Overdue),
    ];
    for (today, state) in table {
        let actions = run(&interviewing(), &Settings::default(), today);
        assert_eq!(
            find(&actions, &key::first_follow_up("r1", 0)).state,
            state,
            "{today}"
        );
    }
}

#[test]
fn snooze() {
    // First follow-up due Tue 2026-03-10, late after Thu 03-12. Snoozed on 03-10 until
    // Mon 03-16: due then, and late after Wed 03-18 (the same six days later).
    let k = key::first_follow_up("r1", 0);
    let app = ops::snooze(&interviewing(), &k, d("2026-03-10"), d("2026-03-16")).expect("later");
    let table = [
        ("2026-03-12", ActionState::Snoozed),
        ("2026-03-16", ActionState::Due),
        ("2026-03-18", ActionState::Due),
        ("2026-03-19", ActionState::Overdue),
    ];
    for (today, state) in table {
        let actions = run(&app, &Settings::default(), today);
        let first = find(&actions, &k);
        assert_eq!(first.due, d("2026-03-16"));
        assert_eq!(first.late_after, Some(d("2026-03-18")));
        assert_eq!(first.state, state, "{today}");
    }
    let actions = run(&app, &Settings::default(), "2026-03-12");
    assert!(explain(find(&actions, &k), &app).ends_with("Snoozed to 16 Mar 2026."));

    // Undo removes the snooze.
    let back = ops::undo(&app, &k).expect("a snooze to undo");
    let actions = run(&back, &Settings::default(), "2026-03-12");
    assert_eq!(find(&actions, &k).due, d("2026-03-10"));
    assert_eq!(find(&actions, &k).state, ActionState::Due);
}

#[test]
fn skip() {
    let k = key::first_follow_up("r1", 0);
    let app = ops::record_skipped(&interviewing(), &k, d("2026-03-11")).expect("valid key");
    let actions = run(&app, &Settings::default(), "2026-03-11");
    let first = find(&actions, &k);
    assert_eq!(first.state, ActionState::Skipped);
    assert_eq!(first.done_on, Some(d("2026-03-11")));
    // The next one counts from the day it was skipped: Wed 03-11 + 7 d = Wed 03-18.
    let second = find(&actions, &key::second_follow_up("r1", 0));
    assert_eq!(
        (second.due, second.state),
        (d("2026-03-18"), ActionState::Upcoming)
    );

    // The latest event about an action wins: sending after skipping makes it done.
    let app = ops::record_sent(&app, &k, d("2026-03-12")).expect("valid key");
    let actions = run(&app, &Settings::default(), "2026-03-12");
    assert_eq!(find(&actions, &k).state, ActionState::Done);
    // And undo goes back one step.
    let app = ops::undo(&app, &k).expect("something to undo");
    let actions = run(&app, &Settings::default(), "2026-03-12");
    assert_eq!(find(&actions, &k).state, ActionState::Skipped);
}

#[test]
fn badge_counts_due_and_overdue() {
    // acme: two overdue thank-yous, first follow-up due, second and move-on projected.
    // beta: thank-you due today, follow-up upcoming. gamma: everything done or closed.
    let acme = interviewing();
    let mut beta = interviewing();
    beta.id = "beta".into();
    beta.rounds = vec![round("r1", "2026-03-10", &["ana"])];
    let mut gamma = interviewing();
    gamma.id = "gamma".into();
    gamma.status = Status::Offer;
    let apps = [acme, beta, gamma];
    let plan = plan(&apps, &Settings::default(), d("2026-03-10"));
    let states: Vec<_> = plan
        .actions
        .iter()
        .map(|a| (a.app_id.as_str(), a.kind, a.state))
        .collect();
    assert_eq!(
        states,
        [
            ("acme", ActionKind::ThankYouEmail, ActionState::Overdue),
            ("acme", ActionKind::ThankYouEmail, ActionState::Overdue),
            ("acme", ActionKind::FirstFollowUp, ActionState::Due),
            ("beta", ActionKind::ThankYouEmail, ActionState::Due),
            ("acme", ActionKind::SecondFollowUp, ActionState::Projected),
            ("beta", ActionKind::FirstFollowUp, ActionState::Upcoming),
            ("acme", ActionKind::MoveOn, ActionState::Projected),
            ("beta", ActionKind::SecondFollowUp, ActionState::Projected),
            ("beta", ActionKind::MoveOn, ActionState::Projected),
        ]
    );
    assert_eq!(badge_count(&plan), 4);
    assert_eq!(
        count_actionable(&apps, &Settings::default(), d("2026-03-10")),
        4
    );
    assert_eq!(badge_count(&Default::default()), 0);
}

#[test]
fn max_two_follow_ups_per_round() {
    // Normal and long timelines: with both follow-ups sent, only moving on is left.
    for decision in [None, Some("2026-03-06"), Some("2026-03-27")] {
        let mut app = interviewing();
        app.decision_date = decision.map(d);
        app.history = vec![
            sent(key::first_follow_up("r1", 0), "2026-03-10"),
            sent(key::second_follow_up("r1", 0), "2026-03-31"),
        ];
        let actions = run(&app, &Settings::default(), "2026-04-20");
        let follow_ups: Vec<_> = actions.iter().filter(|a| a.kind.is_follow_up()).collect();
        assert_eq!(follow_ups.len(), 2, "{decision:?}");
        assert!(follow_ups.iter().all(|a| a.state == ActionState::Done));
        let pending: Vec<_> = actions
            .iter()
            .filter(|a| a.done_on.is_none())
            .map(|a| a.kind)
            .collect();
        assert_eq!(
            pending,
            [
                ActionKind::ThankYouEmail,
                ActionKind::ThankYouEmail,
                ActionKind::MoveOn
            ],
            "{decision:?}"
        );
    }
}

#[test]
fn medium_follows_the_application_then_the_settings() {
    let table = [
        (None, Medium::Email, Medium::Email),
        (None, Medium::Phone, Medium::Phone),
        (Some(Medium::Phone), Medium::Email, Medium::Phone),
        (Some(Medium::Email), Medium::Phone, Medium::Email),
    ];
    for (preferred, default, used) in table {
        let mut app = interviewing();
        app.medium = preferred;
        let settings = Settings {
            default_medium: default,
            ..Settings::default()
        };
        let actions = run(&app, &settings, "2026-03-03");
        assert!(actions.iter().all(|a| a.medium == used), "{preferred:?}");
    }
}

#[test]
fn explanations_say_why_in_plain_english() {
    let app = interviewing();
    let actions = run(&app, &Settings::default(), "2026-03-03");
    let table = [
        (
            key::thank_you_email("r1", "ana"),
            "On the day of your interview, 3 Mar 2026.",
        ),
        (
            key::first_follow_up("r1", 0),
            "5 working days after your interview on 3 Mar 2026; no decision date was given.",
        ),
        (
            key::move_on("r1", 0),
            "7 days after your second follow-up, planned for 17 Mar 2026, if no reply comes: \
             then put your energy into other openings.",
        ),
    ];
    for (k, text) in table {
        assert_eq!(explain(find(&actions, &k), &app), text);
    }

    let mut app = interviewing();
    app.decision_date = Some(d("2026-03-06"));
    app.history = vec![sent(key::first_follow_up("r1", 0), "2026-03-13")]; // Fri
    let actions = run(&app, &Settings::default(), "2026-03-13");
    assert_eq!(
        explain(find(&actions, &key::second_follow_up("r1", 0)), &app),
        "7 days after your first follow-up, sent on 13 Mar 2026."
    );
    // A date moved off a weekend says so.
    app.history = vec![sent(key::first_follow_up("r1", 0), "2026-03-14")]; // Sat
    let actions = run(&app, &Settings::default(), "2026-03-14");
    assert_eq!(
        explain(find(&actions, &key::second_follow_up("r1", 0)), &app),
        "7 days after your first follow-up, sent on 14 Mar 2026. Moved to 23 Mar 2026, the \
         next working day."
    );
}

#[test]
fn plan_is_sorted_and_independent_of_input_order() {
    let mut beta = interviewing();
    beta.id = "beta".into();
    let mut alpha = interviewing();
    alpha.id = "alpha".into();
    alpha.rounds = vec![round("r1", "2026-03-02", &["ben"])];
    let apps = vec![beta, alpha, interviewing()];
    let forward = plan(&apps, &Settings::default(), d("2026-03-04"));
    let mut reversed = apps.clone();
    reversed.reverse();
    assert_eq!(
        forward,
        plan(&reversed, &Settings::default(), d("2026-03-04"))
    );
    let order: Vec<_> = forward
        .actions
        .iter()
        .map(|a| (a.due, a.app_id.clone(), a.key.clone()))
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
    assert_eq!(order[0].1, "alpha");
}

#[test]
fn bad_input_reports_problems() {
    // (what is wrong, the application, a phrase the problem must contain, thank-yous left)
    type Case = (&'static str, Application, &'static str, usize);
    let mut cases: Vec<Case> = Vec::new();

    let mut app = interviewing();
    app.applied_on = Some(d("2026-03-05"));
    app.rounds.push(round("r0", "2026-03-02", &["ana"]));
    cases.push((
        "round before applying",
        app,
        "Round on 2026-03-02 is before the application date 2026-03-05; it was left out.",
        0,
    ));

    let mut app = interviewing();
    app.decision_date = Some(d("2026-03-01"));
    cases.push((
        "decision before the round",
        app,
        "The decision date 2026-03-01 is before the interview on 2026-03-03",
        2,
    ));

    let mut app = interviewing();
    app.rounds = vec![round("r1", "2026-03-03", &["ana", "zed"])];
    cases.push((
        "unknown interviewer",
        app,
        "lists a contact ('zed') that is not among this application's contacts",
        1,
    ));

    let mut app = interviewing();
    app.rounds.push(round("r1", "2026-03-04", &["ana"]));
    cases.push((
        "duplicate round id",
        app,
        "Two rounds share the id 'r1'; the one on 2026-03-04 was left out.",
        2,
    ));

    let mut app = interviewing();
    app.status = Status::Other("ghosted".into());
    cases.push(("unknown status", app, "'ghosted' is not one", 0));

    let mut app = interviewing();
    app.rounds.push(Round {
        id: "r9".into(),
        ..Default::default()
    });
    cases.push(("round without a date", app, "no usable date", 2));

    let mut app = interviewing();
    app.contacts = vec![];
    app.rounds = vec![round("r1", "2026-03-03", &[])];
    cases.push((
        "nobody to follow up with",
        app,
        "no one to send follow-ups to",
        0,
    ));

    let mut app = interviewing();
    app.history = vec![Event {
        date: NaiveDate::MAX,
        kind: EventKind::ReferencesRequested,
    }];
    cases.push(("date out of range", app, "outside the years 1 to 9999", 2));

    for (what, app, phrase, thank_yous) in cases {
        let (actions, problems) = run_with(&app, &Settings::default(), "2026-03-10");
        assert!(
            problems
                .iter()
                .any(|p| p.app_id == app.id && p.message.contains(phrase)),
            "{what}: {problems:?}"
        );
        assert_eq!(
            of_kind(&actions, ActionKind::ThankYouEmail).len(),
            thank_yous,
            "{what}"
        );
    }

    // Two applications with one id: reported, and still planned the same either way round.
    let mut twin = interviewing();
    twin.rounds = vec![round("r1", "2026-03-04", &["ben"])];
    let apps = vec![interviewing(), twin];
    let one = plan(&apps, &Settings::default(), d("2026-03-10"));
    let other = plan(
        &[apps[1].clone(), apps[0].clone()],
        &Settings::default(),
        d("2026-03-10"),
    );
    assert_eq!(one, other);
    assert!(one.problems[0].message.contains("share the id 'acme'"));
}
