//! Rules 2 and 7: no contact, statuses (`src/core/plan/eligibility.rs`).

use super::common::*;

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
