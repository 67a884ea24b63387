//! Insights (`src/core/insights/`): every figure on a hand-made set of applications, with the
//! expected numbers worked out by hand in the comments; bad input; zero denominators.

use chrono::NaiveDate;
use followup::core::insights::{csv, Insights, Median, Rate, WEEKS};
use followup::core::model::{
    Action, ActionKind, ActionState, Application, Event, EventKind, Medium, Reason, ReasonCode,
    Round, Settings, Status,
};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn round(id: &str, date: &str) -> Round {
    Round {
        id: id.into(),
        date: d(date),
        ..Default::default()
    }
}

fn ev(date: &str, kind: EventKind) -> Event {
    Event {
        date: d(date),
        kind,
    }
}

fn sent(date: &str, key: &str) -> Event {
    ev(date, EventKind::Sent { action: key.into() })
}

fn reply(date: &str, decision: Option<&str>) -> Event {
    ev(
        date,
        EventKind::Reply {
            decision_date: decision.map(d),
        },
    )
}

fn status(date: &str, from: Status, to: Status) -> Event {
    ev(date, EventKind::Status { from, to })
}

fn app(id: &str, st: Status, applied: Option<&str>, rounds: Vec<Round>) -> Application {
    Application {
        id: id.into(),
        company: id.into(),
        status: st,
        applied_on: applied.map(d),
        rounds,
        ..Default::default()
    }
}

/// Tuesday 31 March 2026.
const TODAY: &str = "2026-03-31";

/// Eight applications; what each contributes is worked out next to it.
fn applications() -> Vec<Application> {
    use Status::*;
    // A: interview Thu 5 Mar; reply 12 Mar with a new date, 25 Mar (chain 0 answered before any
    // follow-up; chain 1 starts); first follow-up 27 Mar; offer 30 Mar (chain 1 answered after
    // the first). Reply 7 days after the interview; decision 25 days after it; stated date
    // 25 Mar (the reply's, replacing the interview's 20 Mar): 5 days late. Funnel: offer.
    let mut a = app(
        "a",
        Offer,
        Some("2026-03-02"),
        vec![round("r1", "2026-03-05")],
    );
    a.decision_date = Some(d("2026-03-20"));
    a.history = vec![
        sent("2026-03-05", "thank-you-email/r1/ana"),
        reply("2026-03-12", Some("2026-03-25")),
        sent("2026-03-27", "first-follow-up/r1/1"),
        status("2026-03-30", Interviewing, Offer),
    ];
    // B: interview Tue 10 Mar; first follow-up 17 Mar, second 24 Mar; rejected 26 Mar: answered
    // after the second. Reply and decision both 16 days after the interview; no stated date.
    let mut b = app(
        "b",
        Rejected,
        Some("2026-03-09"),
        vec![round("r1", "2026-03-10")],
    );
    b.history = vec![
        sent("2026-03-17", "first-follow-up/r1/0"),
        sent("2026-03-24", "second-follow-up/r1/0"),
        status("2026-03-26", Interviewing, Rejected),
    ];
    // C: interview Wed 4 Mar; two follow-ups, then moved on (no response): no answer after the
    // second. Its stated date passed, but it is closed: not "still waiting".
    let mut c = app(
        "c",
        NoResponse,
        Some("2026-03-02"),
        vec![round("r1", "2026-03-04")],
    );
    c.decision_date = Some(d("2026-03-06"));
    c.history = vec![
        sent("2026-03-11", "first-follow-up/r1/0"),
        sent("2026-03-18", "second-follow-up/r1/0"),
        sent("2026-03-25", "move-on/r1/0"),
        status("2026-03-25", Interviewing, NoResponse),
    ];
    // D: interviews Wed 18 Mar and Wed 25 Mar (and one on 2 Apr, after today: not counted);
    // a reply on 23 Mar (the invitation) answers the first chain before any follow-up, 5 days
    // after the interview; the reply's chain is superseded by the round of 25 Mar; that chain
    // had a first follow-up on 30 Mar and is still waiting. Stated date 20 Mar passed: still
    // waiting past the date.
    let mut d_ = app(
        "d",
        Interviewing,
        Some("2026-03-16"),
        vec![
            round("r1", "2026-03-18"),
            round("r3", "2026-04-02"),
            round("r2", "2026-03-25"),
        ],
    );
    d_.decision_date = Some(d("2026-03-20"));
    d_.history = vec![
        reply("2026-03-23", None),
        sent("2026-03-30", "first-follow-up/r2/0"),
    ];
    // E: applied on Mon 30 Mar, no interview (a round without a date is ignored).
    let e = app("e", Applied, Some("2026-03-30"), vec![Round::default()]);
    // F: saved, not applied: outside the funnel.
    let f = app("f", Saved, None, vec![]);
    // G: unknown status, history recorded out of order: the reply of 13 Mar (10 days after the
    // interview of 3 Mar) answers before any follow-up; the first follow-up of 20 Mar in the
    // reply's chain has no answer (the status is not open).
    let mut g = app(
        "g",
        Status::Other("ghosted".into()),
        None,
        vec![round("r1", "2026-03-03")],
    );
    g.history = vec![
        sent("2026-03-20", "first-follow-up/r1/1"),
        reply("2026-03-13", None),
    ];
    // H: interview Mon 2 Mar; offer on 9 Mar (answered before any follow-up, 7 days; decided
    // 7 days after the interview, before the stated 13 Mar: on time), accepted on 11 Mar. A
    // reply dated after today is left out.
    let mut h = app(
        "h",
        Accepted,
        Some("2026-02-23"),
        vec![round("r1", "2026-03-02")],
    );
    h.decision_date = Some(d("2026-03-13"));
    h.history = vec![
        status("2026-03-09", Interviewing, Offer),
        status("2026-03-11", Offer, Accepted),
        reply("2026-05-01", None),
    ];
    vec![a, b, c, d_, e, f, g, h]
}

fn insights() -> Insights {
    Insights::from_actions(&applications(), &[], d(TODAY))
}

fn rate(r: Rate) -> (u32, u32, Option<f64>) {
    (r.part, r.whole, r.rate)
}

fn median(days: f64, count: u32) -> Median {
    Median {
        days: Some(days),
        count,
    }
}

#[test]
fn funnel_counts_each_stage_and_the_rates_between() {
    let f = insights().funnel;
    // Stages: A offer, B C D G interviewed, E applied, F saved, H accepted.
    // Applied: all but F = 7; interviewed: A B C D G H = 6; offers: A H = 2; accepted: H = 1.
    assert_eq!(
        (f.applied, f.interviewed, f.offers, f.accepted),
        (7, 6, 2, 1)
    );
    assert_eq!(rate(f.interview_rate), (6, 7, Some(6.0 / 7.0)));
    assert_eq!(rate(f.offer_rate), (2, 6, Some(2.0 / 6.0)));
    assert_eq!(rate(f.acceptance_rate), (1, 2, Some(0.5)));
    assert_eq!(rate(f.offers_per_application), (2, 7, Some(2.0 / 7.0)));
}

#[test]
fn replies_before_and_after_each_follow_up() {
    let r = insights().replies;
    // Answered before any follow-up: A chain 0, D first chain, G chain 0, H = 4.
    // After the first: A chain 1 = 1. After the second: B = 1.
    // No answer: none with no follow-up, G chain 1 after one, C after two.
    assert_eq!(
        (r.before_follow_up, r.after_first, r.after_second),
        (4, 1, 1)
    );
    assert_eq!(r.no_answer, [0, 1, 1]);
    assert_eq!((r.waiting, r.superseded), (1, 1)); // D
                                                   // Ended: 4 + 1 + 1 + 0 + 1 + 1 = 8; 4 of them without a follow-up.
    assert_eq!(rate(r.without_follow_up_rate), (4, 8, Some(0.5)));
    // A first follow-up sent in A1, B, C, G1: 1 answered before a second (A1).
    assert_eq!(rate(r.after_first_rate), (1, 4, Some(0.25)));
    // A second one sent in B and C: 1 answered (B).
    assert_eq!(rate(r.after_second_rate), (1, 2, Some(0.5)));
}

#[test]
fn employers_reply_and_decision_times_against_their_dates() {
    let t = insights().decisions;
    // To reply: A 7, B 16, D 5, G 10, H 7 -> sorted 5 7 7 10 16, median 7.
    assert_eq!(t.to_reply, median(7.0, 5));
    // To decision: A 25, B 16, H 7 -> median 16.
    assert_eq!(t.to_decision, median(16.0, 3));
    // Stated dates: A late (25 Mar -> 30 Mar, 5 days), H on time; B has none.
    assert_eq!(rate(t.on_or_before_stated), (1, 2, Some(0.5)));
    assert_eq!(t.after_stated, 1);
    assert_eq!(t.days_late, median(5.0, 1));
    // D: 20 Mar passed, still interviewing. C's passed too, but it is closed.
    assert_eq!(t.past_date_waiting, 1);
}

#[test]
fn median_of_an_even_count_is_the_mean_of_the_middle_two() {
    assert_eq!(Median::of(&mut [9, 1, 4, 2]), median(3.0, 4));
    assert_eq!(Median::of(&mut []).days, None);
}

#[test]
fn applications_and_interviews_per_iso_week() {
    let weeks = insights().weeks;
    assert_eq!(weeks.len(), WEEKS);
    // Today, Tue 31 Mar 2026, is in 2026-W14 (Monday 30 Mar); twelve weeks back: W03, 12 Jan.
    assert_eq!(
        (weeks[0].label(), weeks[0].monday),
        ("2026-W03".into(), d("2026-01-12"))
    );
    assert_eq!(
        (weeks[11].label(), weeks[11].monday),
        ("2026-W14".into(), d("2026-03-30"))
    );
    let by_week: Vec<(String, u32, u32)> = weeks
        .iter()
        .filter(|w| w.applications + w.interviews > 0)
        .map(|w| (w.label(), w.applications, w.interviews))
        .collect();
    // Applications: H 23 Feb (W09); A, C 2 Mar (W10); B 9 Mar (W11); D 16 Mar (W12); E 30 Mar
    // (W14). Interviews: H 2 Mar, G 3 Mar, C 4 Mar, A 5 Mar (W10); B 10 Mar (W11); D 18 Mar
    // (W12) and 25 Mar (W13); D's 2 Apr is after today.
    let expect = [
        ("2026-W09", 1, 0),
        ("2026-W10", 2, 4),
        ("2026-W11", 1, 1),
        ("2026-W12", 1, 1),
        ("2026-W13", 0, 1),
        ("2026-W14", 1, 0),
    ];
    let expect: Vec<(String, u32, u32)> = expect
        .iter()
        .map(|(w, a, i)| (w.to_string(), *a, *i))
        .collect();
    assert_eq!(by_week, expect);
}

fn action(kind: ActionKind, state: ActionState, done: Option<&str>, late: Option<&str>) -> Action {
    Action {
        key: format!("{}/x", kind.info().key_prefix),
        app_id: "a".into(),
        kind,
        round_id: None,
        contact_id: None,
        due: d("2026-03-05"),
        late_after: late.map(d),
        state,
        done_on: done.map(d),
        medium: Medium::Email,
        reason: Reason::new(ReasonCode::InterviewDay, d("2026-03-05"), 0, false),
        held: None,
    }
}

#[test]
fn actions_on_time_late_skipped_and_overdue() {
    use ActionKind::*;
    use ActionState::*;
    let actions = [
        action(ThankYouEmail, Done, Some("2026-03-05"), Some("2026-03-06")), // on time
        action(ThankYouEmail, Done, Some("2026-03-09"), Some("2026-03-06")), // late
        action(MoveOn, Done, Some("2026-03-20"), None),                      // never late
        action(
            SecondFollowUp,
            Skipped,
            Some("2026-03-20"),
            Some("2026-03-24"),
        ),
        action(FirstFollowUp, Overdue, None, Some("2026-03-24")),
        action(FirstFollowUp, Due, None, Some("2026-04-02")), // counts nowhere
        action(Congratulate, Done, None, Some("2026-03-06")), // no date: on time
    ];
    let a = Insights::from_actions(&[], &actions, d(TODAY)).actions;
    assert_eq!((a.on_time, a.late, a.skipped, a.overdue), (3, 1, 1, 1));
    assert_eq!(rate(a.on_time_rate), (3, 4, Some(0.75)));
    assert_eq!(rate(a.skipped_rate), (1, 5, Some(0.2)));
    let kinds: Vec<_> = a
        .by_kind
        .iter()
        .map(|k| (k.kind, k.on_time, k.late, k.skipped, k.overdue))
        .collect();
    assert_eq!(
        kinds,
        [
            (ThankYouEmail, 1, 1, 0, 0),
            (FirstFollowUp, 0, 0, 0, 1),
            (SecondFollowUp, 0, 0, 1, 0),
            (MoveOn, 1, 0, 0, 0),
            (Congratulate, 1, 0, 0, 0),
        ]
    );
}

#[test]
fn compute_reads_the_plans_done_and_skipped_actions() {
    let apps = applications();
    let computed = Insights::compute(&apps, &Settings::default(), d(TODAY));
    assert_eq!(computed.funnel, insights().funnel);
    let plan = followup::core::plan::plan(&apps, &Settings::default(), d(TODAY));
    assert_eq!(
        computed,
        Insights::from_actions(&apps, &plan.actions, d(TODAY))
    );
    // Second follow-ups: B's due Tue 24 Mar (a week after the first, 17 Mar), sent that day;
    // C's due Wed 18 Mar, sent that day: both on time. C's move on, sent when due: on time.
    let of = |kind: ActionKind| {
        let k = computed.actions.by_kind.iter().find(|k| k.kind == kind);
        k.map(|k| (k.on_time, k.late, k.skipped, k.overdue))
    };
    assert_eq!(of(ActionKind::SecondFollowUp), Some((2, 0, 0, 0)));
    assert_eq!(of(ActionKind::MoveOn), Some((1, 0, 0, 0)));
}

#[test]
fn nothing_to_count_gives_no_rate_and_no_median() {
    let empty = Insights::from_actions(&[], &[], d(TODAY));
    let f = empty.funnel;
    for r in [
        f.interview_rate,
        f.offer_rate,
        f.acceptance_rate,
        f.offers_per_application,
    ] {
        assert_eq!(rate(r), (0, 0, None));
    }
    let r = empty.replies;
    for x in [
        r.without_follow_up_rate,
        r.after_first_rate,
        r.after_second_rate,
    ] {
        assert_eq!(x.rate, None);
    }
    assert_eq!(
        empty.decisions.to_reply,
        Median {
            days: None,
            count: 0
        }
    );
    assert_eq!(empty.decisions.on_or_before_stated.rate, None);
    assert_eq!(empty.actions.on_time_rate.rate, None);
    assert_eq!(empty.weeks.len(), WEEKS);
    let json = serde_json::to_value(&empty).unwrap();
    assert_eq!(
        json["funnel"]["interviewRate"]["rate"],
        serde_json::Value::Null
    );
    assert!(empty.csv().contains(csv::NOT_ENOUGH_DATA));

    // Interviews but no offer yet: the acceptance rate has nothing to count.
    let one = vec![app(
        "x",
        Status::Interviewing,
        None,
        vec![round("r", "2026-03-03")],
    )];
    let f = Insights::from_actions(&one, &[], d(TODAY)).funnel;
    assert_eq!(rate(f.offer_rate), (0, 1, Some(0.0)));
    assert_eq!(f.acceptance_rate.rate, None);
}

#[test]
fn bad_input_never_panics() {
    let mut apps = followup::core::workload::demo_workload(2_000);
    let far = [
        NaiveDate::MIN,
        NaiveDate::MAX,
        d("0001-01-01"),
        d("9999-12-31"),
    ];
    for (i, app) in apps.iter_mut().enumerate() {
        match i % 6 {
            0 => app.history.reverse(),
            1 => app.status = Status::Other(format!("odd-{i}")),
            2 => app.history.clear(),
            3 => {
                app.rounds[0].date = far[i % 4];
                app.applied_on = Some(far[(i + 1) % 4]);
                app.decision_date = Some(far[(i + 2) % 4]);
            }
            4 => app.history.push(ev(
                "2026-02-01",
                EventKind::Reply {
                    decision_date: Some(NaiveDate::MIN),
                },
            )),
            _ => app.rounds.clear(),
        }
    }
    for today in [d(TODAY), NaiveDate::MIN, NaiveDate::MAX, d("0001-01-03")] {
        let i = Insights::compute(&apps, &Settings::default(), today);
        assert!(i.funnel.interviewed <= i.funnel.applied);
        assert!(i.funnel.offers <= i.funnel.interviewed);
        let text = i.csv();
        assert!(text.starts_with("section,"));
        for r in [i.funnel.interview_rate, i.replies.after_first_rate] {
            assert!(r.rate.map_or(true, |v| (0.0..=1.0).contains(&v)));
        }
    }
}

/// Splits RFC 4180 CSV into rows of fields.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn csv_has_a_header_and_one_row_per_figure() {
    let text = insights().csv();
    assert!(text.ends_with("\r\n"));
    let rows = read_csv(&text);
    assert_eq!(rows[0], csv::HEADER);
    assert!(rows.iter().all(|r| r.len() == 5), "{rows:?}");
    let find = |figure: &str| {
        rows.iter()
            .find(|r| r[1] == figure)
            .unwrap_or_else(|| panic!("no row {figure}"))
            .clone()
    };
    assert_eq!(find("applied"), ["funnel", "applied", "7", "", ""]);
    // A figure with a comma in it is quoted.
    assert!(text.contains("funnel,\"interviewed, of applied\",6,7,85.7\r\n"));
    assert_eq!(
        find("median days from interview to reply"),
        [
            "employers",
            "median days from interview to reply",
            "7",
            "5",
            ""
        ]
    );
    assert_eq!(find("2026-W10")[0], "applications per week");
    let w10: Vec<_> = rows.iter().filter(|r| r[1] == "2026-W10").collect();
    assert_eq!((w10[0][2].as_str(), w10[1][2].as_str()), ("2", "4"));
    // No cell starts like a formula.
    for cell in rows.iter().flatten() {
        assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell}");
    }
}
