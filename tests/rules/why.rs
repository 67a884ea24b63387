//! Explanations (`src/core/plan/why.rs`).

use super::common::*;

#[test]
fn explanations_say_why_in_plain_english() {
    let app = interviewing();
    let actions = run(&app, &Settings::default(), "2026-03-03");
    let table = [
        (
            key::thank_you_email("r1", "ana"),
            "On the day of your interview, 3 Mar 2026.",
        ),
        (
            key::first_follow_up("r1", 0),
            "5 working days after your interview on 3 Mar 2026; no decision date was given.",
        ),
        (
            key::move_on("r1", 0),
            "7 days after your second follow-up, planned for 17 Mar 2026, if no reply comes: \
             then put your energy into other openings.",
        ),
    ];
    for (k, text) in table {
        assert_eq!(explain(find(&actions, &k), &app), text);
    }

    let mut app = interviewing();
    app.decision_date = Some(d("2026-03-06"));
    app.history = vec![sent(key::first_follow_up("r1", 0), "2026-03-13")]; // Fri
    let actions = run(&app, &Settings::default(), "2026-03-13");
    assert_eq!(
        explain(find(&actions, &key::second_follow_up("r1", 0)), &app),
        "7 days after your first follow-up, sent on 13 Mar 2026."
    );
    // A date moved off a weekend says so.
    app.history = vec![sent(key::first_follow_up("r1", 0), "2026-03-14")]; // Sat
    let actions = run(&app, &Settings::default(), "2026-03-14");
    assert_eq!(
        explain(find(&actions, &key::second_follow_up("r1", 0)), &app),
        "7 days after your first follow-up, sent on 14 Mar 2026. Moved to 23 Mar 2026, the \
         next working day."
    );
}
