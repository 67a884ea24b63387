//! The application editor, natively: its form kept in the model as the user types, the
//! checks before saving (each refused with its message and nothing written), and what a save
//! writes.

mod ui_support;

use followup::core::model::{EventKind, Status};
use followup::ui::{Effect, Msg, Surface, Text, View, Write};
use ui_support::*;

fn submit(m: &mut followup::ui::Model) -> Vec<Effect> {
    send(m, Msg::from_submit("app").unwrap())
}

fn saved(effects: &[Effect]) -> followup::core::model::Application {
    match effects {
        [Effect::Write(Write::SaveApp(app), _)] => app.clone(),
        other => panic!("not one save: {other:?}"),
    }
}

/// The refusal the form shows, and that nothing was written.
fn refused(m: &mut followup::ui::Model) -> (Text, String) {
    assert!(submit(m).is_empty(), "a refused form writes nothing");
    let problem = m.editor.as_ref().unwrap().error.clone().expect("a reason");
    (problem, text_of(&drawn(m), ".form-error"))
}

#[test]
fn a_new_application_is_typed_in_and_saved_with_its_people_and_round() {
    let mut m = page(Surface::Popup, vec![]);
    assert_eq!(
        send(&mut m, Msg::NewApp),
        vec![Effect::Focus("[name=\"company\"]")]
    );
    assert_eq!(m.view, View::Edit);
    let tree = drawn(&m);
    assert_eq!(text_of(&tree, "form[data-form=app] h2"), "New application");
    assert_eq!(value_of(&tree, "applied"), "2026-03-10");

    input(&mut m, "company", " Acme ");
    input(&mut m, "role", "Data Engineer");
    send(&mut m, Msg::AddContact);
    input(&mut m, "contact.0.name", "Dana Smith");
    input(&mut m, "contact.0.email", "dana@acme.example");
    send(&mut m, Msg::AddContact);
    input(&mut m, "contact.1.name", "Lee Park");
    check(&mut m, "contact.1.manager", true);
    // What was typed is in the model, and drawn back as the controls' values.
    let tree = drawn(&m);
    assert_eq!(value_of(&tree, "contact.0.name"), "Dana Smith");
    assert_eq!(value_of(&tree, "company"), " Acme ");

    send(&mut m, Msg::AddRound);
    let ids: Vec<String> = m
        .editor
        .as_ref()
        .unwrap()
        .contacts
        .iter()
        .map(|c| c.id.clone())
        .collect();
    assert_ne!(ids[0], ids[1]);
    assert_eq!(count(&drawn(&m), "textarea[name^=round]"), 0);
    check(&mut m, &format!("round.0.with.{}", ids[0]), true);
    let tree = drawn(&m);
    assert_eq!(count(&tree, "fieldset.interviewers input"), 2);
    input(
        &mut m,
        &format!("round.0.points.{}", ids[0]),
        "Streaming jobs\n\n  Data contracts ",
    );

    let app = saved(&submit(&mut m));
    assert_eq!(app.company, "Acme");
    assert_eq!(app.applied_on, Some(today()));
    assert_eq!(app.contacts.len(), 2);
    assert!(app.contacts[1].hiring_manager);
    assert_eq!(app.rounds.len(), 1);
    assert_eq!(app.rounds[0].date, today());
    assert_eq!(app.rounds[0].interviewers.len(), 1);
    assert_eq!(
        app.rounds[0].interviewers[0].points,
        ["Streaming jobs", "Data contracts"]
    );
    assert_eq!(m.view, View::App(app.id.clone()));
    assert!(m.editor.is_none());
}

#[test]
fn removing_a_person_keeps_what_was_typed_for_the_others_and_drops_them_from_rounds() {
    let mut m = page(Surface::Popup, vec![acme()]);
    send(&mut m, Msg::EditApp("acme".into()));
    input(&mut m, "contact.1.title", "Team lead");
    let before = drawn(&m);
    let lee_key = before.select("div.contact")[1]
        .key_of()
        .unwrap()
        .to_string();
    send(&mut m, Msg::RemoveContact(0));
    let tree = drawn(&m);
    let left = tree.select("div.contact");
    assert_eq!(left.len(), 1);
    // The same keyed block, now first: the page moves it rather than redrawing it.
    assert_eq!(left[0].key_of(), Some(lee_key.as_str()));
    assert_eq!(value_of(&tree, "contact.0.title"), "Team lead");
    let app = saved(&submit(&mut m));
    assert_eq!(app.contacts.len(), 1);
    assert!(app.rounds[0]
        .interviewers
        .iter()
        .all(|i| i.contact_id == "lee"));
}

#[test]
fn without_company_or_role_nothing_is_saved() {
    let mut m = page(Surface::Popup, vec![]);
    send(&mut m, Msg::NewApp);
    input(&mut m, "company", "   ");
    let (problem, shown) = refused(&mut m);
    assert_eq!(problem, Text::key("errorCompanyOrRole"));
    assert_eq!(shown, "Give at least the company or the role.");

    // The same refusal in German.
    let mut m = page_with(Surface::Popup, german(), vec![], Default::default());
    send(&mut m, Msg::NewApp);
    assert_eq!(
        refused(&mut m).1,
        "Gib mindestens das Unternehmen oder die Stelle an."
    );
}

#[test]
fn a_person_needs_a_name_and_a_usable_email() {
    let mut m = page(Surface::Popup, vec![acme()]);
    send(&mut m, Msg::EditApp("acme".into()));
    send(&mut m, Msg::AddContact);
    assert_eq!(refused(&mut m).0, Text::key("errorContactName"));
    send(&mut m, Msg::RemoveContact(2));
    input(&mut m, "contact.1.email", "not an address");
    let (problem, shown) = refused(&mut m);
    assert_eq!(
        problem,
        Text::with("errorEmail", &[("email", "not an address")])
    );
    assert!(shown.contains("not an address"), "{shown}");
    // Fixed, it saves, and the message is gone from the next form.
    input(&mut m, "contact.1.email", "lee@acme.example");
    saved(&submit(&mut m));
}

#[test]
fn dates_that_are_not_dates_are_refused() {
    let mut m = page(Surface::Popup, vec![acme()]);
    send(&mut m, Msg::EditApp("acme".into()));
    input(&mut m, "applied", "2026-02-30");
    let (problem, shown) = refused(&mut m);
    assert_eq!(
        problem,
        Text::with("errorDateOf", &[("text", "2026-02-30")])
    );
    assert_eq!(shown, "“2026-02-30” is not a date like 2026-12-24.");
    input(&mut m, "applied", "");
    input(&mut m, "decision", "soon");
    assert_eq!(
        refused(&mut m).0,
        Text::with("errorDateOf", &[("text", "soon")])
    );
    input(&mut m, "decision", "2026-03-20");
    input(&mut m, "round.0.date", "");
    assert_eq!(refused(&mut m).0, Text::key("errorRoundDate"));
    input(&mut m, "round.0.date", "2026-03-09");
    let app = saved(&submit(&mut m));
    assert_eq!(app.applied_on, None);
    assert_eq!(app.decision_date, Some(date("2026-03-20")));
    assert_eq!(app.rounds[0].date, date("2026-03-09"));
}

#[test]
fn two_people_or_rounds_with_one_id_are_refused() {
    let mut twice = acme();
    twice.contacts[1].id = "dana".into();
    let mut m = page(Surface::Popup, vec![twice]);
    send(&mut m, Msg::EditApp("acme".into()));
    let (problem, shown) = refused(&mut m);
    assert_eq!(problem, Text::with("errorDuplicateId", &[("id", "dana")]));
    assert!(shown.contains("“dana”"), "{shown}");

    let mut rounds = acme();
    rounds.rounds.push(rounds.rounds[0].clone());
    let mut m = page(Surface::Popup, vec![rounds]);
    send(&mut m, Msg::EditApp("acme".into()));
    assert_eq!(
        refused(&mut m).0,
        Text::with("errorDuplicateId", &[("id", "r1")])
    );
}

#[test]
fn a_status_chosen_in_the_editor_is_recorded_on_its_day() {
    let mut m = page(Surface::Popup, vec![acme()]);
    send(&mut m, Msg::EditApp("acme".into()));
    assert_eq!(
        text_of(&drawn(&m), "form[data-form=app] h2"),
        "Edit application"
    );
    input(&mut m, "status", "offer");
    let app = saved(&submit(&mut m));
    assert_eq!(app.status, Status::Offer);
    let last = app.history.last().unwrap();
    assert_eq!(last.date, today());
    assert!(matches!(&last.kind, EventKind::Status { to, .. } if *to == Status::Offer));
}

#[test]
fn the_form_survives_a_reload_and_cancel_goes_back() {
    let mut m = page(Surface::Popup, vec![acme()]);
    send(&mut m, Msg::EditApp("acme".into()));
    input(&mut m, "role", "Senior Data Engineer");
    // Another window writes: the stored data changes, the form keeps what was typed.
    let mut other = acme();
    other.notes = "changed elsewhere".into();
    send(
        &mut m,
        Msg::Loaded {
            today: today(),
            result: Ok(followup::ui::Stored {
                apps: vec![other],
                ..Default::default()
            }),
        },
    );
    assert_eq!(value_of(&drawn(&m), "role"), "Senior Data Engineer");
    send(&mut m, Msg::CancelEdit);
    assert_eq!(m.view, View::App("acme".into()));
    send(&mut m, Msg::NewApp);
    send(&mut m, Msg::CancelEdit);
    assert_eq!(m.view, View::Apps);
}

#[test]
fn a_rounds_start_time_length_and_place_are_typed_in_and_saved() {
    let mut m = page(Surface::Popup, vec![acme()]);
    send(&mut m, Msg::EditApp("acme".into()));
    let tree = drawn(&m);
    // Each a labelled control of its kind, empty for a round stored without them.
    for (name, kind, label) in [
        ("round.0.time", "time", "Starts at"),
        ("round.0.duration", "number", "Length in minutes"),
        ("round.0.place", "text", "Place or video link"),
    ] {
        let control = tree.first(&format!("[name=\"{name}\"]")).unwrap();
        assert_eq!(control.get("type"), Some(kind), "{name}");
        assert_eq!(value_of(&tree, name), "", "{name}");
        let label_text = tree
            .select("label")
            .into_iter()
            .find(|l| l.first(&format!("[name=\"{name}\"]")).is_some())
            .map(|l| l.text_content())
            .unwrap_or_default();
        assert!(label_text.starts_with(label), "{name}: {label_text}");
    }
    let duration = tree.first("[name=\"round.0.duration\"]").unwrap();
    assert_eq!(duration.get("min"), Some("5"));
    assert_eq!(duration.get("max"), Some("600"));

    input(&mut m, "round.0.time", "14:00");
    input(&mut m, "round.0.duration", " 90 ");
    input(
        &mut m,
        "round.0.place",
        "  https://meet.example.com/abc-def ",
    );
    let tree = drawn(&m);
    assert_eq!(value_of(&tree, "round.0.time"), "14:00");
    let app = saved(&submit(&mut m));
    let round = &app.rounds[0];
    assert_eq!(round.time, Some("14:00".parse().unwrap()));
    assert_eq!(round.duration_minutes, Some(90));
    assert_eq!(round.place, "https://meet.example.com/abc-def");
    // Stored as the backup format describes it.
    let text = serde_json::to_string(round).unwrap();
    assert!(
        text.ends_with(
            r#""time":"14:00","durationMinutes":90,"place":"https://meet.example.com/abc-def"}"#
        ),
        "{text}"
    );

    // Opened again, the form shows them; cleared, they are gone.
    let mut m = page(Surface::Popup, vec![app]);
    send(&mut m, Msg::EditApp("acme".into()));
    let tree = drawn(&m);
    assert_eq!(value_of(&tree, "round.0.time"), "14:00");
    assert_eq!(value_of(&tree, "round.0.duration"), "90");
    for name in ["round.0.time", "round.0.duration", "round.0.place"] {
        input(&mut m, name, "");
    }
    let cleared = saved(&submit(&mut m));
    assert_eq!(cleared.rounds, acme().rounds);
}

#[test]
fn a_time_with_seconds_is_taken_without_them_and_a_new_round_has_none() {
    let mut m = page(Surface::Popup, vec![acme()]);
    send(&mut m, Msg::EditApp("acme".into()));
    input(&mut m, "round.0.time", "09:05:30");
    send(&mut m, Msg::AddRound);
    let tree = drawn(&m);
    assert_eq!(value_of(&tree, "round.1.time"), "");
    assert_eq!(value_of(&tree, "round.1.date"), "2026-03-10");
    let app = saved(&submit(&mut m));
    assert_eq!(app.rounds[0].time, Some("09:05".parse().unwrap()));
    assert_eq!(
        (app.rounds[1].time, app.rounds[1].duration_minutes),
        (None, None)
    );
}

#[test]
fn a_bad_time_or_length_is_refused_and_nothing_changes() {
    let mut m = page(Surface::Popup, vec![acme()]);
    send(&mut m, Msg::EditApp("acme".into()));
    let stored = m.stored.clone();
    input(&mut m, "round.0.place", "Room 4");
    for bad in ["25:00", "2pm", "14.30", "14:3x"] {
        input(&mut m, "round.0.time", bad);
        let (problem, shown) = refused(&mut m);
        assert_eq!(problem, Text::with("errorRoundTime", &[("text", bad)]));
        assert_eq!(shown, format!("“{bad}” is not a time like 14:30."));
    }
    input(&mut m, "round.0.time", "14:30");
    for bad in ["0", "4", "601", "90.5", "-30", "an hour"] {
        input(&mut m, "round.0.duration", bad);
        let (problem, shown) = refused(&mut m);
        assert_eq!(
            problem,
            Text::with(
                "errorRoundDuration",
                &[("text", bad), ("min", "5"), ("max", "600")]
            )
        );
        assert_eq!(
            shown,
            format!(
                "An interview's length is a whole number of minutes from 5 to 600, not “{bad}”."
            )
        );
    }
    // Refused saves changed nothing stored, and the form keeps what was typed.
    assert_eq!(m.stored, stored);
    assert_eq!(m.view, View::Edit);
    assert_eq!(value_of(&drawn(&m), "round.0.place"), "Room 4");
    for fine in ["5", "600"] {
        input(&mut m, "round.0.duration", fine);
        let app = saved(&submit(&mut m));
        assert_eq!(app.rounds[0].duration_minutes, fine.parse().ok());
        send(&mut m, Msg::EditApp("acme".into()));
        input(&mut m, "round.0.time", "14:30");
    }

    // The same refusals in German.
    let mut m = page_with(Surface::Popup, german(), vec![acme()], Default::default());
    send(&mut m, Msg::EditApp("acme".into()));
    input(&mut m, "round.0.time", "25:00");
    assert_eq!(refused(&mut m).1, "„25:00“ ist keine Uhrzeit wie 14:30.");
    input(&mut m, "round.0.time", "");
    input(&mut m, "round.0.duration", "1000");
    assert_eq!(
        refused(&mut m).1,
        "Die Dauer eines Gesprächs ist eine ganze Zahl von Minuten zwischen 5 und 600, nicht „1000“."
    );
}

#[test]
fn escape_leaves_the_editor_as_cancel_does_and_the_keyboard_lands_where_it_was() {
    let mut m = page(Surface::Tab, vec![acme()]);
    send(&mut m, Msg::EditApp("acme".into()));
    input(&mut m, "round.0.time", "14:00");
    assert!(m.escape_closes());
    assert_eq!(
        send(&mut m, Msg::Escape),
        vec![Effect::Focus("[data-action=\"edit-app\"]")]
    );
    assert_eq!(m.view, View::App("acme".into()));
    assert!(m.editor.is_none());
    assert_eq!(m.app("acme").unwrap().rounds[0].time, None, "nothing saved");
    send(&mut m, Msg::NewApp);
    assert_eq!(
        send(&mut m, Msg::Escape),
        vec![Effect::Focus("[data-action=\"new-app\"]")]
    );
    assert_eq!(m.view, View::Apps);
}

#[test]
fn on_the_full_tab_page_the_editor_has_two_columns_and_the_popup_one() {
    let mut m = page(Surface::Tab, vec![acme()]);
    send(&mut m, Msg::EditApp("acme".into()));
    let tree = drawn(&m);
    let form = tree.first("form[data-form=app]").unwrap();
    assert_eq!(form.get("class"), Some("editor columns"));
    // What is edited, then Save and Cancel, then what happened so far: the keyboard's order.
    let order: Vec<String> = form
        .element()
        .unwrap()
        .children
        .iter()
        .map(|n| {
            n.get("class")
                .unwrap_or(n.element().unwrap().tag)
                .to_string()
        })
        .collect();
    assert_eq!(
        order,
        ["h2", "form-error", "main", "buttons sticky", "side"]
    );
    let main = form.first("div.main").unwrap();
    assert_eq!(
        count(main, "fieldset legend"),
        4,
        "details, people, rounds, interviewers"
    );
    assert_eq!(count(main, "[name=\"round.0.time\"]"), 1);
    assert_eq!(count(main, "textarea[name=\"round.0.points.dana\"]"), 1);
    let side = form.first("aside.side").unwrap();
    assert_eq!(text_of(side, "h3"), "Timeline and history");
    assert_eq!(count(side, "figure.timeline svg"), 1);
    assert!(count(side, "details[open] ol.tl-list li") >= 3);
    assert_eq!(count(form, "button[type=submit]"), 1);

    let mut m = page(Surface::Popup, vec![acme()]);
    send(&mut m, Msg::EditApp("acme".into()));
    let tree = drawn(&m);
    let form = tree.first("form[data-form=app]").unwrap();
    assert_eq!(form.get("class"), Some("editor"));
    assert_eq!(count(form, "aside"), 0);
    assert_eq!(count(form, "div.main"), 0);
}
