//! *Applications*, natively: the list with its search and "show more", one application's
//! page, recording what happened, and deleting with a confirming second click.

mod ui_support;

use followup::core::model::{EventKind, Status};
use followup::ui::{Effect, Msg, Surface, Tab, Text, View, Write};
use ui_support::*;

#[test]
fn the_list_shows_open_applications_first_then_by_company() {
    let mut closed = simple("zed", "Able");
    closed.status = Status::Withdrawn;
    let mut m = page(
        Surface::Popup,
        vec![simple("b", "beta"), closed, simple("a", "Alpha")],
    );
    send(&mut m, Msg::Tab(Tab::Apps));
    let tree = drawn(&m);
    assert_eq!(keys(&tree, "ul.app-list li"), ["a", "b", "zed"]);
    assert_eq!(
        text_of(&tree, "li[data-app=a] [data-action=open-app]"),
        "Alpha · Analyst"
    );
    assert_eq!(text_of(&tree, "li[data-app=zed] .status"), "Withdrawn");
    assert_eq!(
        tree.first("[data-action=tab-apps]")
            .unwrap()
            .get("aria-selected"),
        Some("true")
    );
}

#[test]
fn search_filters_by_company_role_status_and_people() {
    let mut m = page(Surface::Popup, vec![acme(), simple("b", "Beta")]);
    send(&mut m, Msg::Tab(Tab::Apps));
    input(&mut m, "search", "nothing like it");
    let tree = drawn(&m);
    assert_eq!(count(&tree, "ul.app-list"), 0);
    assert_eq!(
        text_of(&tree, ".empty"),
        "No application matches your search."
    );
    // The search field holds what was typed: the model, not the page, keeps it.
    assert_eq!(value_of(&tree, "search"), "nothing like it");
    for (needle, expect) in [("ACME", "acme"), ("lee park", "acme"), ("applied", "b")] {
        input(&mut m, "search", needle);
        let tree = drawn(&m);
        assert_eq!(keys(&tree, "ul.app-list li"), [expect], "{needle}");
    }
}

#[test]
fn show_more_adds_a_page_of_rows() {
    let apps = (0..60)
        .map(|i| simple(&format!("a{i:02}"), &format!("Co {i:02}")))
        .collect();
    let mut m = page(Surface::Popup, apps);
    send(&mut m, Msg::Tab(Tab::Apps));
    assert_eq!(count(&drawn(&m), "ul.app-list li"), 50);
    assert_eq!(
        text_of(&drawn(&m), "[data-action=show-more]"),
        "Show 10 more"
    );
    send(&mut m, Msg::ShowMore);
    assert_eq!(count(&drawn(&m), "ul.app-list li"), 60);
    // A new search starts from the first page again.
    input(&mut m, "search", "co");
    assert_eq!(count(&drawn(&m), "ul.app-list li"), 50);
}

#[test]
fn one_application_shows_its_timeline_actions_people_and_record_form() {
    let mut m = page(Surface::Popup, vec![acme()]);
    send(&mut m, Msg::OpenApp("acme".into()));
    assert_eq!(m.view, View::App("acme".into()));
    let tree = drawn(&m);
    let article = tree.first("article.app").expect("the application page");
    assert_eq!(text_of(article, "h2"), "Acme · Data Engineer");
    assert_eq!(text_of(article, ".status"), "Interviewing");
    assert!(count(article, "figure.timeline svg circle") >= 3);
    assert!(count(article, "ul.actions li.action") >= 2);
    let people = text_of(article, "section.people");
    assert!(
        people.contains("Dana Smith · dana@acme.example"),
        "{people}"
    );
    assert!(
        people.contains("on-site · Dana Smith and Lee Park"),
        "{people}"
    );
    assert_eq!(value_of(article, "event"), "reply");
    assert_eq!(value_of(article, "event-date"), "2026-03-10");
}

#[test]
fn recording_a_rejection_saves_it_with_its_date() {
    let mut m = page(Surface::Popup, vec![acme()]);
    send(&mut m, Msg::OpenApp("acme".into()));
    input(&mut m, "event", "rejected");
    input(&mut m, "event-date", "2026-03-09");
    let effects = send(&mut m, Msg::from_submit("record").unwrap());
    match effects.as_slice() {
        [Effect::Write(Write::Edit { app_id, edit }, _)] => {
            assert_eq!(app_id, "acme");
            let app = edit.apply(&acme(), m.today).unwrap();
            assert_eq!(app.status, Status::Rejected);
            let last = app.history.last().unwrap();
            assert_eq!(last.date, date("2026-03-09"));
            assert!(matches!(last.kind, EventKind::Status { .. }), "{last:?}");
        }
        other => panic!("{other:?}"),
    }
    // The form starts afresh for the next event.
    assert_eq!(value_of(&drawn(&m), "event"), "reply");

    input(&mut m, "event-date", "not a date");
    assert!(send(&mut m, Msg::from_submit("record").unwrap()).is_empty());
    assert_eq!(m.notice.as_ref().unwrap().text, Text::key("errorDate"));
}

#[test]
fn delete_asks_for_a_second_click_then_deletes_at_the_read_revision() {
    let mut m = page(Surface::Popup, vec![acme()]);
    send(&mut m, Msg::OpenApp("acme".into()));
    assert!(send(&mut m, Msg::DeleteApp("acme".into())).is_empty());
    let tree = drawn(&m);
    assert_eq!(
        text_of(&tree, "[data-action=delete-app].danger"),
        "Click again to delete for good"
    );
    // Escape takes the question back.
    send(&mut m, Msg::Escape);
    assert_eq!(count(&drawn(&m), "[data-action=delete-app].danger"), 0);
    send(&mut m, Msg::DeleteApp("acme".into()));
    let effects = send(&mut m, Msg::DeleteApp("acme".into()));
    match effects.as_slice() {
        [Effect::Write(Write::DeleteApp { id, revision }, _)] => {
            assert_eq!((id.as_str(), *revision), ("acme", 1));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(m.view, View::Apps);
    written(&mut m, &effects[0], vec![]);
    let tree = drawn(&m);
    assert_eq!(text_of(&tree, ".empty"), "No applications yet.");
    assert!(
        text_of(&tree, ".notice").starts_with("Deleted"),
        "{}",
        text_of(&tree, ".notice")
    );
}

#[test]
fn a_page_whose_application_was_deleted_elsewhere_falls_back_to_the_list() {
    let mut m = page(Surface::Popup, vec![acme()]);
    send(&mut m, Msg::OpenApp("acme".into()));
    assert_eq!(send(&mut m, Msg::StorageChanged), vec![Effect::Reload]);
    send(
        &mut m,
        Msg::Loaded {
            today: today(),
            result: Ok(Default::default()),
        },
    );
    assert_eq!(m.view, View::Apps);
}

#[test]
fn user_text_stays_text() {
    let mut evil = simple("x", "<img src=x onerror=alert(1)>");
    evil.notes = "<script>alert(1)</script>".into();
    let mut m = page(Surface::Popup, vec![evil]);
    send(&mut m, Msg::OpenApp("x".into()));
    let tree = drawn(&m);
    assert_eq!(count(&tree, "img"), 0);
    assert_eq!(count(&tree, "script"), 0);
    assert!(text_of(&tree, "h2").starts_with("<img src=x"));
    assert_eq!(text_of(&tree, "p.notes"), "<script>alert(1)</script>");
}

#[test]
fn an_applications_problems_are_worded_in_the_users_language() {
    let mut app = acme();
    app.status = Status::Other("ghosted".into());
    let mut m = page_with(
        Surface::Popup,
        german(),
        vec![app],
        followup::core::model::Settings::default(),
    );
    send(&mut m, Msg::OpenApp("acme".into()));
    let shown = text_of(&drawn(&m), ".message.error");
    assert!(
        shown.contains("Den Status „ghosted“ kennt die Planung nicht"),
        "{shown}"
    );
    assert!(!shown.contains("is not one the planner knows"), "{shown}");
}
