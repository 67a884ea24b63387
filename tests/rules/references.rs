//! Alert references (`src/core/plan/references.rs`).

use super::common::*;

#[test]
fn alert_references() {
    let mut app = interviewing();
    app.status = Status::References;
    app.contacts.push(reference("rae", "Rae Reyes"));
    app.contacts.push(reference("sam", "Sam Singh"));
    app.history = vec![event("2026-03-14", EventKind::ReferencesRequested)]; // Sat
    let actions = run(&app, &Settings::default(), "2026-03-16");
    let alerts = of_kind(&actions, ActionKind::AlertReference);
    let who: Vec<_> = alerts.iter().map(|a| a.contact_id.as_deref()).collect();
    assert_eq!(
        who,
        [Some("rae"), Some("sam")],
        "each reference, nobody else"
    );
    for alert in &alerts {
        assert_eq!(alert.due, d("2026-03-16")); // Sat -> Mon
        assert_eq!(alert.late_after, Some(d("2026-03-17"))); // + 1 wd
        assert_eq!(alert.state, ActionState::Due);
        assert_eq!(alert.reason.code, ReasonCode::ReferencesRequested);
        assert!(explain(alert, &app).contains("not an offer"));
    }

    // A later request replaces the earlier alerts, except the ones already sent.
    app.history.push(sent(
        key::alert_reference(d("2026-03-14"), "rae"),
        "2026-03-16",
    ));
    app.history
        .push(event("2026-03-25", EventKind::ReferencesRequested)); // Wed
    let actions = run(&app, &Settings::default(), "2026-03-25");
    let alerts: Vec<(String, ActionState)> = of_kind(&actions, ActionKind::AlertReference)
        .iter()
        .map(|a| (a.key.clone(), a.state))
        .collect();
    assert_eq!(
        alerts,
        [
            (
                key::alert_reference(d("2026-03-14"), "rae"),
                ActionState::Done
            ),
            (
                key::alert_reference(d("2026-03-25"), "rae"),
                ActionState::Due
            ),
            (
                key::alert_reference(d("2026-03-25"), "sam"),
                ActionState::Due
            ),
        ]
    );
}
