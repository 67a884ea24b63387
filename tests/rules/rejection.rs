//! After a rejection: feedback and stay connected (`src/core/plan/rejection.rs`).

use super::common::*;

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
