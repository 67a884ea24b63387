//! Where an action stands, the badge, the medium and the order of the plan (`src/core/plan/driver.rs`, `order.rs`).

use super::common::*;

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
