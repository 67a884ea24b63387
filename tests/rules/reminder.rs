//! Rule 4: no chasing online applications (`src/core/plan/reminder.rs`).

use super::common::*;

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
