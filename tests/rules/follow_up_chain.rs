//! The follow-up chain: first and second follow-up, check-in, move on, replies, new rounds, actual and projected dates (`src/core/plan/follow_up_chain.rs`).

use super::common::*;

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
