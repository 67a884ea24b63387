//! The timing rules over German holidays: Ostern around a decision date, and holidays only
//! one Land keeps (`src/core/plan/timing.rs` with the calendars of `src/core/calendar/`).

use followup::core::calendar::GermanState;

use super::common::*;

/// The usual application, interviewed three days before `decision`, the date it was told
/// to expect a decision (within the 14 days of a regular timeline).
fn decided_on(decision: &str) -> Application {
    let interview = d(decision) - chrono::Days::new(3);
    let mut app = interviewing();
    app.rounds = vec![round("r1", &interview.to_string(), &["ana", "ben"])];
    app.decision_date = Some(d(decision));
    app
}

/// Settings with Germany's holidays, and one Land's when `state` is given.
fn germany(state: Option<GermanState>) -> Settings {
    let mut settings = Settings::default();
    settings.holidays.germany = true;
    settings.holidays.german_state = state;
    settings
}

#[test]
fn first_follow_up_skips_ostern_after_a_decision_date() {
    // (decision date, settings, due, late after)
    let table: [(&str, Settings, &str, &str); 4] = [
        // Thursday before Karfreitag: Fri 3 and Mon 6 April are off -> Wed 8, late Fri 10.
        ("2026-04-02", germany(None), "2026-04-08", "2026-04-10"),
        // Without German holidays the same decision date gives Mon 6, late Wed 8.
        (
            "2026-04-02",
            Settings::default(),
            "2026-04-06",
            "2026-04-08",
        ),
        // Gründonnerstag's eve: Wed 1 -> Thu 2 and (after Ostern) Tue 7, late Thu 9.
        ("2026-04-01", germany(None), "2026-04-07", "2026-04-09"),
        // Brandenburg also keeps Ostersonntag, a Sunday: nothing more moves.
        (
            "2026-04-02",
            germany(Some(GermanState::Brandenburg)),
            "2026-04-08",
            "2026-04-10",
        ),
    ];
    for (decision, settings, due, late) in table {
        let app = decided_on(decision);
        let actions = run(&app, &settings, &app.rounds[0].date.to_string());
        let first = find(&actions, &key::first_follow_up("r1", 0));
        assert_eq!(first.due, d(due), "{decision} {:?}", settings.holidays);
        assert_eq!(
            first.late_after,
            Some(d(late)),
            "{decision} {:?}",
            settings.holidays
        );
        assert_eq!(first.reason.code, ReasonCode::AfterDecisionDate);
    }
}

#[test]
fn land_only_holidays_move_the_follow_up_only_in_that_land() {
    // (decision date, Land, due, late after)
    let table: [(&str, Option<GermanState>, &str, &str); 6] = [
        // Fronleichnam, Thursday 4 June 2026, in Bavaria but not in Berlin.
        (
            "2026-06-02",
            Some(GermanState::Bayern),
            "2026-06-05",
            "2026-06-09",
        ),
        (
            "2026-06-02",
            Some(GermanState::Berlin),
            "2026-06-04",
            "2026-06-08",
        ),
        ("2026-06-02", None, "2026-06-04", "2026-06-08"),
        // Buß- und Bettag, Wednesday 18 November 2026, in Saxony only.
        (
            "2026-11-16",
            Some(GermanState::Sachsen),
            "2026-11-19",
            "2026-11-23",
        ),
        (
            "2026-11-16",
            Some(GermanState::Thueringen),
            "2026-11-18",
            "2026-11-20",
        ),
        // Weltkindertag, Sunday 20 September 2026 in Thuringia: a weekend, nothing moves.
        (
            "2026-09-17",
            Some(GermanState::Thueringen),
            "2026-09-21",
            "2026-09-23",
        ),
    ];
    for (decision, state, due, late) in table {
        let app = decided_on(decision);
        let actions = run(&app, &germany(state), &app.rounds[0].date.to_string());
        let first = find(&actions, &key::first_follow_up("r1", 0));
        assert_eq!(first.due, d(due), "{decision} {state:?}");
        assert_eq!(first.late_after, Some(d(late)), "{decision} {state:?}");
    }
}

#[test]
fn no_decision_date_five_working_days_over_himmelfahrt_and_pfingsten() {
    // (round, due): Christi Himmelfahrt Thu 14 May, Pfingstmontag Mon 25 May 2026.
    let table = [
        ("2026-05-12", "2026-05-20"), // Tue -> Wed (Thu 14 off)
        ("2026-05-19", "2026-05-27"), // Tue -> Wed (Mon 25 off)
    ];
    for (date, due) in table {
        let mut app = interviewing();
        app.rounds = vec![round("r1", date, &["ana", "ben"])];
        let actions = run(&app, &germany(None), date);
        let first = find(&actions, &key::first_follow_up("r1", 0));
        assert_eq!(first.due, d(due), "{date}");
        assert_eq!(first.reason.code, ReasonCode::NoDecisionDate);
    }
}
