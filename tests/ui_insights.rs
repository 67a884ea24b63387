//! The insights page, natively: on a history made by hand, every table cell, every label of
//! the charts and every sentence says the number worked out by hand below; a rate with
//! nothing to count says "not enough data"; "Download CSV" asks for the insights file; the
//! figures are worked out once per change of the data.

mod ui_support;

use followup::core::files::{export_file, ExportKind};
use followup::core::insights::Insights;
use followup::core::model::{
    Action, ActionKind, ActionState, Application, Event, EventKind, Medium, Reason, ReasonCode,
    Round, Settings, Status,
};
use followup::ui::{Effect, Model, Msg, Node, Outcome, Surface, Tab, View};
use ui_support::*;

fn round(date: &str) -> Vec<Round> {
    vec![Round {
        id: "r1".into(),
        date: ui_support::date(date),
        ..Default::default()
    }]
}

fn ev(date: &str, kind: EventKind) -> Event {
    Event {
        date: ui_support::date(date),
        kind,
    }
}

fn sent(date: &str, key: &str) -> Event {
    ev(date, EventKind::Sent { action: key.into() })
}

fn status(date: &str, to: Status) -> Event {
    ev(
        date,
        EventKind::Status {
            from: Status::Interviewing,
            to,
        },
    )
}

fn app(id: &str, st: Status, applied: Option<&str>, rounds: Vec<Round>) -> Application {
    Application {
        id: id.into(),
        revision: 1,
        company: id.into(),
        role: "Analyst".into(),
        status: st,
        applied_on: applied.map(ui_support::date),
        rounds,
        ..Default::default()
    }
}

/// Seven applications; today is Tuesday 10 March 2026 (ISO week 11). What each one adds:
///
/// - acme, offer: applied Mon 2 Feb (W06), interview Mon 9 Feb (W07), a reply on 16 Feb giving
///   20 Feb, the offer on 19 Feb. Replies: two chains answered before any follow-up (the
///   interview's, by the reply; the reply's, by the offer). Reply 7 days after the interview;
///   decision 10 days after it, on or before the 20th.
/// - bolt, rejected: applied 16 Feb (W08), interview 23 Feb (W09), first follow-up 2 Mar,
///   rejected 5 Mar: answered after the first. Reply and decision 10 days after the
///   interview; stated 1 Mar: 4 days late.
/// - core, no response: applied 9 Feb (W07), interview 12 Feb (W07), two follow-ups, then no
///   response: no answer after the second.
/// - dyno, interviewing: applied 2 Mar (W10), interview 9 Mar (W11): still waiting.
/// - echo, applied 3 Mar (W10), no interview; the date it was given, 8 Mar, has passed.
/// - fern, saved: not applied.
/// - gulf, withdrawn: applied 5 Jan (W02), interview 12 Jan (W03), withdrew 20 Jan: no answer
///   with no follow-up.
///
/// Funnel: applied 6, interviewed 5 (83%), offers 1 (20%), accepted 0 (0%).
/// Replies: with no follow-up 2 of 5 ended chains (40%); after the first 1 of 2 (50%); after
/// the second 0 of 1 (0%); 1 waiting. Employers: to an answer [7, 10] -> 8.5 days, 2 values;
/// to a decision [10, 10] -> 10 days; by the date given 1 of 2 (50%), 1 after it, 4 days late
/// (1 value); 1 past its date, still waiting.
fn history() -> Vec<Application> {
    use Status::*;
    let mut acme = app("acme", Offer, Some("2026-02-02"), round("2026-02-09"));
    acme.history = vec![
        sent("2026-02-09", "thank-you-email/r1/dana"),
        ev(
            "2026-02-16",
            EventKind::Reply {
                decision_date: Some(date("2026-02-20")),
            },
        ),
        status("2026-02-19", Offer),
    ];
    let mut bolt = app("bolt", Rejected, Some("2026-02-16"), round("2026-02-23"));
    bolt.decision_date = Some(date("2026-03-01"));
    bolt.history = vec![
        sent("2026-03-02", "first-follow-up/r1/0"),
        status("2026-03-05", Rejected),
    ];
    let mut core = app("core", NoResponse, Some("2026-02-09"), round("2026-02-12"));
    core.history = vec![
        sent("2026-02-20", "first-follow-up/r1/0"),
        sent("2026-02-27", "second-follow-up/r1/0"),
        status("2026-03-06", NoResponse),
    ];
    let dyno = app(
        "dyno",
        Interviewing,
        Some("2026-03-02"),
        round("2026-03-09"),
    );
    let mut echo = app("echo", Applied, Some("2026-03-03"), vec![]);
    echo.decision_date = Some(date("2026-03-08"));
    let fern = app("fern", Saved, None, vec![]);
    let mut gulf = app("gulf", Withdrawn, Some("2026-01-05"), round("2026-01-12"));
    gulf.history = vec![status("2026-01-20", Withdrawn)];
    vec![acme, bolt, core, dyno, echo, fern, gulf]
}

fn on_insights(m: &mut Model) -> Node {
    send(m, Msg::Tab(Tab::Insights));
    assert_eq!(m.view, View::Insights);
    drawn(m)
}

/// The cells of the table in the section `class`, row by row (header cell first).
fn cells(tree: &Node, class: &str) -> Vec<Vec<String>> {
    tree.select(&format!("section.{class} tbody tr"))
        .iter()
        .map(|row| {
            row.find_all(&|n| n.element().is_some_and(|e| e.tag == "th" || e.tag == "td"))
                .iter()
                .map(|c| c.text_content())
                .collect()
        })
        .collect()
}

fn texts(tree: &Node, selector: &str) -> Vec<String> {
    tree.select(selector)
        .iter()
        .map(|n| n.text_content())
        .collect()
}

fn rows(expected: &[&[&str]]) -> Vec<Vec<String>> {
    expected
        .iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

#[test]
fn the_funnel_replies_and_employers_are_the_numbers_worked_out_by_hand() {
    let mut m = page(Surface::Tab, history());
    let tree = on_insights(&mut m);

    assert_eq!(
        cells(&tree, "funnel"),
        rows(&[
            &["Applied", "6", ""],
            &["Interviewed", "5", "83%"],
            &["Offer", "1", "20%"],
            &["Accepted", "0", "0%"],
        ])
    );
    assert_eq!(
        texts(&tree, "svg.funnel text.value"),
        ["6", "5 · 83%", "1 · 20%", "0 · 0%"]
    );
    assert_eq!(
        text_of(&tree, "section.funnel p.answer"),
        "Applications sent: 6. Of these, 5 led to an interview, 1 to an offer, and 0 were accepted."
    );

    assert_eq!(
        cells(&tree, "replies"),
        rows(&[
            &["With no follow-up", "2", "5", "40%"],
            &["After the first follow-up", "1", "2", "50%"],
            &["After the second follow-up", "0", "1", "0%"],
        ])
    );
    assert_eq!(
        texts(&tree, "svg.replies text.value"),
        ["40% · 2 of 5", "50% · 1 of 2", "0% · 0 of 1"]
    );
    assert_eq!(
        text_of(&tree, "section.replies p.answer"),
        "Following up: the employer answered in 1 of 2 cases after your first follow-up (50%). \
         With no follow-up: 2 of 5 (40%). After a second follow-up: 0 of 1 (0%). \
         Still waiting for an answer: 1."
    );
    // Bars as long as their rate: 40% and 50% of the 440 units a full bar has; 0% draws none.
    let widths: Vec<&str> = tree
        .select("svg.replies rect.bar")
        .iter()
        .filter_map(|r| r.get("width"))
        .collect();
    assert_eq!(widths, ["176", "220"]);

    assert_eq!(
        cells(&tree, "employers"),
        rows(&[
            &["Interview to answer (median)", "8.5 days", "2 values"],
            &["Interview to decision (median)", "10 days", "2 values"],
            &["Decided by the date given", "50%", "1 of 2"],
            &["Decided after the date given", "1", ""],
            &["Days late, of late decisions (median)", "4 days", "1 value"],
            &["Date passed, still waiting", "1", ""],
        ])
    );
    assert_eq!(
        texts(&tree, "svg.medians text.value"),
        [
            "8.5 days · 2 values",
            "10 days · 2 values",
            "4 days · 1 value"
        ]
    );
    assert_eq!(texts(&tree, "svg.stated text.value"), ["50% · 1 of 2"]);
    assert_eq!(
        text_of(&tree, "section.employers p.answer"),
        "After an interview, employers answered in a median of 8.5 days (2 values). \
         They decided a median of 10 days after the last interview (2 values). \
         1 of 2 decisions came by the date the employer gave (50%). \
         Open applications past the date the employer gave: 1."
    );
}

#[test]
fn weeks_count_applications_and_interviews_in_their_iso_week() {
    let mut m = page(Surface::Tab, history());
    let tree = on_insights(&mut m);
    let weeks = cells(&tree, "weeks");
    // The last twelve ISO weeks, the one holding today (W11, from Monday 9 March) last.
    assert_eq!(weeks.len(), 12);
    assert_eq!(weeks[0][0], "2025-W52, from 22 Dec 2025");
    let row = |label: &str| {
        weeks
            .iter()
            .find(|r| r[0].starts_with(label))
            .unwrap_or_else(|| panic!("no row {label}"))
            .clone()
    };
    assert_eq!(row("2026-W02")[1..], ["1", "0"]);
    assert_eq!(row("2026-W03")[1..], ["0", "1"]);
    assert_eq!(row("2026-W06")[1..], ["1", "0"]);
    assert_eq!(row("2026-W07")[1..], ["1", "2"]);
    assert_eq!(row("2026-W08")[1..], ["1", "0"]);
    assert_eq!(row("2026-W09")[1..], ["0", "1"]);
    assert_eq!(row("2026-W10")[1..], ["2", "0"]);
    assert_eq!(weeks[11], ["2026-W11, from 9 Mar 2026", "0", "1"]);
    assert_eq!(
        text_of(&tree, "section.weeks p.answer"),
        "Applications in the last 12 weeks: 6 (this week 0); interviews: 5 (this week 1)."
    );
    // Each bar is labelled with its week and count; the counts stand above the bars.
    let titles = texts(&tree, "svg.weeks rect.bar title");
    assert!(titles.contains(&"2026-W10, Applications: 2".to_string()));
    assert!(titles.contains(&"2026-W07, Interviews: 2".to_string()));
    assert_eq!(titles.len(), 9, "one bar per count above zero: {titles:?}");
    let axis = texts(&tree, "svg.weeks text.axis");
    assert!(axis.ends_with(&["W10".to_string(), "W11".to_string()]));
}

fn action(kind: ActionKind, state: ActionState, due: &str, done: Option<&str>) -> Action {
    Action {
        key: format!("{}/{due}", kind.info().key_prefix),
        app_id: "acme".into(),
        kind,
        round_id: None,
        contact_id: None,
        due: date(due),
        // Late from the third day on.
        late_after: Some(date(due) + chrono::Days::new(2)),
        state,
        done_on: done.map(date),
        medium: Medium::Email,
        reason: Reason::new(ReasonCode::InterviewDay, date(due), 0, false),
        held: None,
    }
}

#[test]
fn actions_on_time_late_skipped_and_overdue_by_kind() {
    use ActionKind::*;
    use ActionState::*;
    let mut m = page(Surface::Tab, history());
    // The plan the page holds, made by hand: thank-yous sent on the day (2) and late (1, the
    // 5th for a 2nd due date, late after the 4th), a first follow-up skipped, one overdue.
    m.plan.actions = vec![
        action(ThankYouEmail, Done, "2026-02-09", Some("2026-02-09")),
        action(ThankYouEmail, Done, "2026-02-12", Some("2026-02-13")),
        action(ThankYouEmail, Done, "2026-02-02", Some("2026-02-05")),
        action(FirstFollowUp, Skipped, "2026-03-02", None),
        action(FirstFollowUp, Overdue, "2026-03-04", None),
        action(SecondFollowUp, Upcoming, "2026-03-20", None),
    ];
    m.data_revision += 1;
    let tree = on_insights(&mut m);
    assert_eq!(
        cells(&tree, "actions"),
        rows(&[
            &["All actions", "2", "1", "1", "1"],
            &["Thank-you email", "2", "1", "0", "0"],
            &["First follow-up", "0", "0", "1", "1"],
        ])
    );
    assert_eq!(texts(&tree, "svg.actions text.value"), ["5", "3", "2"]);
    assert_eq!(
        text_of(&tree, "section.actions p.answer"),
        "You did 2 of 3 actions on time (67%). You skipped 1 of 4 (25%). Overdue today: 1."
    );
}

#[test]
fn nothing_to_count_says_not_enough_data_never_zero_percent() {
    for words in [english(), german()] {
        let mut m = page_with(Surface::Tab, words, vec![], Settings::default());
        let tree = on_insights(&mut m);
        let all = tree.text_content();
        assert!(!all.contains("NaN") && !all.contains('%'), "{all}");
        let german = m.interface_language() == followup::core::model::Language::German;
        let none = if german {
            "zu wenig Daten"
        } else {
            "not enough data"
        };
        for row in cells(&tree, "replies") {
            assert_eq!(row[3], none);
        }
        for row in &cells(&tree, "funnel")[1..] {
            assert_eq!(row[2], none);
        }
        assert_eq!(
            cells(&tree, "employers")[0][1..],
            [
                none,
                &if german {
                    "0 Werte".to_string()
                } else {
                    "0 values".to_string()
                }
            ]
        );
        assert_eq!(texts(&tree, "svg.replies text.value"), [none, none, none]);
        assert_eq!(count(&tree, "svg rect.bar"), 0);
        if german {
            assert_eq!(
                text_of(&tree, "section.replies p.answer"),
                "Nach der ersten Nachfrage: noch zu wenig Daten. Ohne Nachfrage: noch zu wenig \
                 Daten. Nach der zweiten Nachfrage: noch zu wenig Daten."
            );
        } else {
            assert_eq!(
                text_of(&tree, "section.funnel p.answer"),
                "Not enough data yet: no application has been sent."
            );
            assert_eq!(
                text_of(&tree, "section.replies p.answer"),
                "After the first follow-up: not enough data yet. With no follow-up: not enough \
                 data yet. After the second follow-up: not enough data yet."
            );
        }
    }
}

#[test]
fn german_words_and_numbers() {
    let mut m = page_with(Surface::Tab, german(), history(), Settings::default());
    let tree = on_insights(&mut m);
    assert_eq!(
        cells(&tree, "employers")[0],
        ["Gespräch bis Antwort (Median)", "8,5 Tage", "2 Werte"]
    );
    assert_eq!(cells(&tree, "funnel")[1], ["Gespräch geführt", "5", "83 %"]);
    assert_eq!(
        text_of(&tree, "button[data-action=export-insights]"),
        "CSV herunterladen"
    );
}

#[test]
fn the_svg_is_hidden_and_the_tables_are_the_accessible_version() {
    let mut m = page(Surface::Tab, history());
    let tree = on_insights(&mut m);
    let charts = tree.select("svg");
    assert_eq!(charts.len(), 6);
    for svg in charts {
        assert_eq!(svg.get("aria-hidden"), Some("true"));
        assert_eq!(svg.get("role"), None);
        assert!(svg
            .get("viewBox")
            .is_some_and(|v| v.starts_with("0 0 640 ")));
    }
    assert_eq!(count(&tree, "section.insight"), 5);
    assert_eq!(count(&tree, "table caption"), 5);
    assert_eq!(count(&tree, "table"), 5);
    for th in tree.select("table th") {
        assert!(matches!(th.get("scope"), Some("col" | "row")));
    }
}

#[test]
fn download_csv_asks_for_the_insights_file() {
    let mut m = page(Surface::Tab, history());
    let tree = on_insights(&mut m);
    let button = tree
        .first("button[data-action=export-insights]")
        .expect("Download CSV");
    assert_eq!(button.text_content(), "Download CSV");
    let msg = Msg::from_click("export-insights", |_| None).unwrap();
    assert_eq!(
        send(&mut m, msg),
        vec![Effect::Export(ExportKind::InsightsCsv)]
    );
    send(
        &mut m,
        Msg::Exported(Ok("followup-insights-2026-03-10.csv".into())),
    );
    assert_eq!(
        text_of(&drawn(&m), ".notice"),
        "Saved followup-insights-2026-03-10.csv to your downloads.×"
    );

    let apps = history();
    let settings = Settings::default();
    let file = export_file(ExportKind::InsightsCsv, &apps, &settings, today(), "now");
    assert_eq!(file.filename, "followup-insights-2026-03-10.csv");
    assert_eq!(file.mime, "text/csv;charset=utf-8");
    let text = file
        .text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark");
    assert_eq!(text, Insights::compute(&apps, &settings, today()).csv());
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "section,figure,value,out of,rate (%)");
    assert!(lines.contains(&"funnel,applied,6,,"));
    assert!(lines.contains(&"funnel,\"interviewed, of applied\",5,6,83.3"));
    assert!(lines
        .contains(&"replies,\"answered after the first follow-up, of chains with one\",1,2,50.0"));
    assert!(lines.contains(&"employers,median days from interview to reply,8.5,2,"));
    assert!(lines.contains(&"applications per week,2026-W10,2,,"));
}

#[test]
fn figures_are_worked_out_once_per_change_and_only_on_the_insights_page() {
    let mut m = page(Surface::Tab, history());
    assert!(m.insights.is_none(), "the board does not need them");
    on_insights(&mut m);
    let (at, _) = m.insights.clone().expect("worked out for the page");
    assert_eq!(at, m.data_revision);
    send(&mut m, Msg::Dismiss);
    assert_eq!(m.insights.as_ref().map(|(r, _)| *r), Some(at), "kept");

    // A write's answer puts one application in place: the figures follow.
    let mut dyno = history().remove(3);
    dyno.revision = 2;
    dyno.status = Status::Offer;
    dyno.history = vec![status("2026-03-10", Status::Offer)];
    send(
        &mut m,
        Msg::Written {
            after: followup::ui::After::Notice(followup::ui::Notice::info(
                followup::ui::Text::key("saved"),
            )),
            result: Ok(Outcome::App(Box::new(dyno))),
            reloaded: None,
        },
    );
    assert!(m.data_revision > at);
    let tree = drawn(&m);
    assert_eq!(cells(&tree, "funnel")[2], ["Offer", "2", "40%"]);
    assert_eq!(m.insights.as_ref().map(|(r, _)| *r), Some(m.data_revision));
}

#[test]
fn odd_histories_and_many_applications_draw_without_a_panic() {
    let mut odd = history();
    // Events out of order, an unknown status, dates at the ends of the calendar.
    odd[0].history.reverse();
    odd[1].status = Status::Other("ghosted".into());
    odd[2].rounds[0].date = date("9999-12-31");
    odd[3].applied_on = Some(date("0001-01-01"));
    odd[4].decision_date = Some(date("0001-01-01"));
    odd[6]
        .history
        .push(ev("2026-03-10", EventKind::ReferencesRequested));
    let mut m = page(Surface::Tab, odd);
    let tree = on_insights(&mut m);
    assert_eq!(count(&tree, "section.insight"), 5);

    let many = followup::core::workload::demo_workload(10_000);
    let mut m = page(Surface::Tab, many);
    let tree = on_insights(&mut m);
    assert_eq!(cells(&tree, "funnel")[0], ["Applied", "10000", ""]);
    assert!(!tree.text_content().contains("NaN"));
}
