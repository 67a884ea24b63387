//! Rule 5 and the timing table (`src/core/plan/timing.rs`).

use super::common::*;
use followup::core::plan::timing::{Counts, Late, Timing, Unit, TIMINGS};

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

/// The words docs/rules.md uses for a row of the timing table.
fn doc_row(t: &Timing) -> String {
    use followup::core::plan::timing::{Count, From, Late, Unit};
    let from = match t.from {
        From::Interview => "interview",
        From::DecisionDate => "decision date (interview)",
        From::ReplyDecisionDate => "decision date (reply)",
        From::ChainStart => "start of the chain",
        From::Reply => "reply",
        From::FirstSent => "first follow-up sent",
        From::SecondSent => "second follow-up sent",
        From::ReferencesRequested => "references requested",
        From::Rejection => "rejection",
        From::News => "news recorded",
        From::Applied => "applied",
    };
    let amount = match t.count {
        Count::Days(n) => n.to_string(),
        Count::Buffer => "buffer".to_string(),
        Count::Reminder => "N".to_string(),
    };
    let due = match t.unit {
        Unit::Calendar => format!("+ {amount} d, as is"),
        Unit::CalendarAdjusted => format!("+ {amount} d, adjusted"),
        Unit::Working => format!("+ {amount} wd"),
    };
    let late = match t.late {
        Late::Never => "never late".to_string(),
        Late::WorkingAfterDue(n) => format!("due + {n} wd"),
        Late::WorkingAfterFrom(n) => format!("from + {n} wd"),
        Late::CalendarAfterFrom(n) => format!("from + {n} d, never before due"),
    };
    let code = serde_json::to_string(&t.code).unwrap();
    let kinds: Vec<&str> = t.kinds.iter().map(|k| k.info().noun).collect();
    format!(
        "| `{}` | {} | {from} | {due} | {late} |",
        code.trim_matches('"'),
        kinds.join(", ")
    )
}

#[test]
fn timing_table_matches_docs() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
    let docs = std::fs::read_to_string(path).unwrap();
    let section = docs
        .split("\n### Timing\n")
        .nth(1)
        .expect("docs/rules.md has a Timing section");
    let documented: Vec<&str> = section
        .lines()
        .skip_while(|l| !l.starts_with("| `"))
        .take_while(|l| l.starts_with("| `"))
        .collect();
    let table: Vec<String> = TIMINGS.iter().map(doc_row).collect();
    assert_eq!(
        documented, table,
        "docs/rules.md's timing table and TIMINGS differ"
    );
}

#[test]
fn due_and_late_dates_follow_the_table_for_every_reason() {
    // Fri 6 Mar 2026 with Mon 9 Mar a holiday: calendar days landing on the weekend or the
    // holiday move to Tue 10 Mar; working days skip all three.
    let calendar = WorkCalendar::from_settings(&holidays(&["2026-03-09"]).holidays);
    let counts = Counts {
        buffer: 2,
        reminder: 3,
    };
    let from = d("2026-03-06");
    for t in &TIMINGS {
        let dated = t.apply(from, counts, &calendar);
        let days = t.days(counts);
        match t.unit {
            Unit::Calendar => assert_eq!(dated.due, from + chrono::Days::new(days.into())),
            Unit::CalendarAdjusted => {
                assert!(calendar.is_working_day(dated.due), "{:?}", t.code);
                assert!(dated.due >= from + chrono::Days::new(days.into()));
            }
            Unit::Working => assert_eq!(dated.due, calendar.add_working_days(from, days)),
        }
        match (t.late, dated.late_after(&calendar)) {
            (Late::Never, None) => {}
            (Late::Never, Some(_)) => panic!("{:?} is never late", t.code),
            (_, Some(late)) => assert!(late >= dated.due, "{:?}", t.code),
            (_, None) => panic!("{:?} has a late-after date", t.code),
        }
        assert_eq!(dated.reason.code, t.code);
        assert_eq!(dated.reason.from, from);
        assert_eq!(dated.reason.days, days);
        assert_eq!(dated.reason.working_days, t.unit == Unit::Working);
    }
    let row = |code| *followup::core::plan::timing::timing(code);
    // Thank-you email: Friday itself; late after Tuesday (Monday is a holiday).
    let email = row(ReasonCode::InterviewDay).apply(from, counts, &calendar);
    assert_eq!(
        (email.due, email.late_after(&calendar)),
        (from, Some(d("2026-03-10")))
    );
    // Card: + 2 d is Sunday, then the holiday: Tuesday; late after + 4 d = Tuesday.
    let card = row(ReasonCode::CardAfterInterview).apply(from, counts, &calendar);
    assert_eq!(
        (card.due, card.late_after(&calendar)),
        (d("2026-03-10"), Some(d("2026-03-10")))
    );
    // Move on: + 7 d is Friday 13, a working day; never late.
    let move_on = row(ReasonCode::NoReplyAfterSecond).apply(from, counts, &calendar);
    assert_eq!(
        (move_on.due, move_on.late_after(&calendar)),
        (d("2026-03-13"), None)
    );
    // Stay connected: + 2 wd skips the weekend and the holiday: Wed 11; late + 5 wd: Wed 18.
    let connect = row(ReasonCode::AfterRejectionConnect).apply(from, counts, &calendar);
    assert_eq!(
        (connect.due, connect.late_after(&calendar)),
        (d("2026-03-11"), Some(d("2026-03-18")))
    );
}
