//! Thank-you email and card (`src/core/plan/thank_you.rs`).

use super::common::*;

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
fn thank_you_email_after_a_timed_round() {
    // (round date, start [/ minutes], day off, due, late after). A round that ends after 17:00
    // moves its email to the next working day; late after stays the interview + 1 wd. No
    // length given: 60 minutes.
    let table = [
        ("2026-03-03", "14:00/60", "", "2026-03-03", "2026-03-04"), // Tue, ends 15:00
        ("2026-03-03", "16:00", "", "2026-03-03", "2026-03-04"),    // ends 17:00: same day
        ("2026-03-03", "16:30", "", "2026-03-04", "2026-03-04"),    // ends 17:30 -> Wed
        ("2026-03-06", "18:00/30", "", "2026-03-09", "2026-03-09"), // Fri -> Mon
        (
            "2026-03-06",
            "18:00/30",
            "2026-03-09",
            "2026-03-10",
            "2026-03-10",
        ), // Mon off -> Tue
        ("2026-03-07", "10:00/90", "", "2026-03-07", "2026-03-09"), // Sat, as untimed
        ("2026-03-03", "23:30/120", "", "2026-03-04", "2026-03-04"), // past midnight
    ];
    for (date, time, day_off, due, late) in table {
        let mut app = interviewing();
        let mut r = round("r1", date, &["ana"]);
        let (start, minutes) = time.split_once('/').unwrap_or((time, ""));
        r.time = Some(start.parse().unwrap());
        r.duration_minutes = minutes.parse().ok();
        app.rounds = vec![r];
        let days_off: Vec<&str> = [day_off].into_iter().filter(|s| !s.is_empty()).collect();
        let actions = run(&app, &holidays(&days_off), date);
        let email = find(&actions, &key::thank_you_email("r1", "ana"));
        let case = format!("{date} {time} {day_off}");
        assert_eq!(email.due, d(due), "{case}");
        assert_eq!(email.late_after, Some(d(late)), "{case}");
        assert_eq!(email.reason.code, ReasonCode::InterviewDay);
        assert_eq!(email.reason.from, d(date));
        let expected = if due == date {
            ActionState::Due
        } else {
            ActionState::Upcoming
        };
        assert_eq!(email.state, expected, "{case}");
        let why = explain(email, &app);
        assert_eq!(why.contains("the next working day"), due != date, "{why}");
    }

    // The explanation says where it moved.
    let mut app = interviewing();
    let mut r = round("r1", "2026-03-03", &["ana"]);
    r.time = Some("17:30".parse().unwrap());
    app.rounds = vec![r];
    let actions = run(&app, &Settings::default(), "2026-03-04");
    let email = find(&actions, &key::thank_you_email("r1", "ana"));
    assert_eq!(
        explain(email, &app),
        "On the day of your interview, 3 Mar 2026. Moved to 4 Mar 2026, the next working day."
    );
    assert_eq!(email.state, ActionState::Due);

    // The card does not depend on the time: + 2 d from the interview as always.
    let settings = Settings {
        thank_you_card: true,
        ..Default::default()
    };
    let actions = run(&app, &settings, "2026-03-03");
    assert_eq!(
        find(&actions, &key::thank_you_card("r1", "ana")).due,
        d("2026-03-05")
    );
}
