//! Bad input: what the planner leaves out and reports (`src/core/plan/facts.rs`).

use super::common::*;

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
