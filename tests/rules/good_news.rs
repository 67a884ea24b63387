//! Good news: congratulate (`src/core/plan/good_news.rs`).

use super::common::*;

#[test]
fn congratulate_on_positive_news() {
    let mut app = interviewing();
    let news = |date: &str| {
        event(
            date,
            EventKind::PositiveNews {
                note: "launch".into(),
            },
        )
    };
    app.history = vec![news("2026-03-15"), news("2026-03-15"), news("2026-03-18")]; // Sun, Sun, Wed
    let actions = run(&app, &Settings::default(), "2026-03-16");
    let notes: Vec<_> = of_kind(&actions, ActionKind::Congratulate)
        .iter()
        .map(|a| (a.key.clone(), a.due, a.late_after, a.contact_id.clone()))
        .collect();
    let ana = Some("ana".to_string());
    assert_eq!(
        notes,
        [
            (
                key::congratulate(d("2026-03-15"), 0),
                d("2026-03-16"),       // Mon
                Some(d("2026-03-19")), // Thu
                ana.clone()
            ),
            (
                key::congratulate(d("2026-03-15"), 1),
                d("2026-03-16"),
                Some(d("2026-03-19")),
                ana.clone()
            ),
            (
                key::congratulate(d("2026-03-18"), 0),
                d("2026-03-18"),       // Wed
                Some(d("2026-03-23")), // Mon
                ana
            ),
        ]
    );
    let note = find(&actions, &key::congratulate(d("2026-03-18"), 0));
    assert_eq!(
        explain(note, &app),
        "You noted good news about Acme on 18 Mar 2026."
    );
    let recorded = ops::record_positive_news(&app, d("2026-03-20"), "award");
    assert_eq!(recorded.history.len(), 4);
}
