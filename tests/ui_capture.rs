//! "Save this job" on *Today*, natively: the popup opened on a posting page (the collector's
//! answers on the fixtures, tests/fixtures/postings/*.collected.json) shows the form
//! prefilled from the posting with the reader's notes; saving writes one `SaveApp` with the
//! posting's fields; the posting already saved is named instead of the form; a page with no
//! posting offers the form with its address and title; a page the browser would not let the
//! popup read is worded, and the browser's own pages offer nothing.

mod ui_support;

use followup::core::model::{Application, PostingDetails, Status};
use followup::ui::{
    employment_stored, employment_words, Capture, Collected, Effect, Msg, Surface, Write,
};
use ui_support::*;

fn collected(name: &str) -> Msg {
    let path = format!(
        "{}/tests/fixtures/postings/{name}.collected.json",
        env!("CARGO_MANIFEST_DIR")
    );
    Msg::Captured(Collected::Page(std::fs::read_to_string(path).unwrap()))
}

fn saved_app(effects: &[Effect]) -> Application {
    match effects {
        [Effect::Write(Write::SaveApp(app), _)] => app.clone(),
        other => panic!("not one SaveApp: {other:?}"),
    }
}

#[test]
fn a_posting_fills_the_form_and_saving_writes_its_fields() {
    let mut m = page(Surface::Popup, vec![acme()]);
    send(&mut m, collected("careers"));
    let tree = drawn(&m);
    assert_eq!(text_of(&tree, "section.capture h2"), "Save this job");
    assert_eq!(value_of(&tree, "capture-company"), "Northwind Traders");
    assert_eq!(value_of(&tree, "capture-role"), "Data Analyst");
    assert_eq!(
        value_of(&tree, "capture-locations"),
        "Leipzig, SN, DE; Vienna, AT"
    );
    assert_eq!(value_of(&tree, "capture-salary"), "52000–64000 EUR / year");
    assert_eq!(
        value_of(&tree, "capture-employment-type"),
        "Full-time, Contract",
        "schema.org's FULL_TIME, CONTRACTOR in words"
    );
    assert_eq!(value_of(&tree, "capture-date-posted"), "2026-03-02");
    assert_eq!(value_of(&tree, "capture-valid-through"), "2026-04-30");
    assert_eq!(
        value_of(&tree, "capture-url"),
        "https://careers.northwind-traders.example/jobs/1234-data-analyst"
    );
    assert_eq!(value_of(&tree, "capture-status"), "applied");
    assert_eq!(value_of(&tree, "capture-applied"), "2026-03-10");
    assert_eq!(count(&tree, "[name=capture-remote]"), 1);
    // Today's actions are still there, under the panel.
    assert_eq!(count(&tree, "div.today"), 1);

    input(&mut m, "capture-salary", "55000 EUR / year");
    let app = saved_app(&send(&mut m, Msg::Submit(followup::ui::Form::Capture)));
    assert_eq!(app.company, "Northwind Traders");
    assert_eq!(app.role, "Data Analyst");
    assert_eq!(app.status, Status::Applied);
    assert_eq!(app.applied_on, Some(today()));
    assert_eq!(app.revision, 0, "a new application");
    let p = app.posting.clone().expect("the posting's fields");
    assert_eq!(p.locations, ["Leipzig, SN, DE", "Vienna, AT"]);
    assert!(p.remote);
    assert_eq!(p.salary, "55000 EUR / year", "as the user changed it");
    assert_eq!(p.date_posted, Some(date("2026-03-02")));
    assert_eq!(p.valid_through, Some(date("2026-04-30")));
    assert_eq!(p.source, "json-ld");
    assert_eq!(p.captured_on, Some(today()));
    assert!(!p.description.is_empty(), "the description is kept");
    assert_eq!(
        p.employment_type, "FULL_TIME, CONTRACTOR",
        "stored as codes"
    );
}

#[test]
fn employment_types_are_worded_in_the_users_language_and_stored_as_codes() {
    // German: the form shows German words, and German words typed are stored as codes.
    let mut m = page_with(Surface::Popup, german(), vec![acme()], Default::default());
    send(&mut m, collected("careers"));
    assert_eq!(
        value_of(&drawn(&m), "capture-employment-type"),
        "Vollzeit, Freie Mitarbeit"
    );
    let app = saved_app(&send(&mut m, Msg::Submit(followup::ui::Form::Capture)));
    assert_eq!(
        app.posting.unwrap().employment_type,
        "FULL_TIME, CONTRACTOR",
        "unchanged words go back to what was read"
    );
    let mut m = page_with(Surface::Popup, german(), vec![acme()], Default::default());
    send(&mut m, collected("careers"));
    input(
        &mut m,
        "capture-employment-type",
        "teilzeit, Praktikum, Werkstudent (20 h), PER_DIEM",
    );
    let app = saved_app(&send(&mut m, Msg::Submit(followup::ui::Form::Capture)));
    assert_eq!(
        app.posting.unwrap().employment_type,
        "PART_TIME, INTERN, Werkstudent (20 h), PER_DIEM",
        "words that are no schema.org type stay as typed"
    );

    // Every code has its words in both languages, and they read back as the code.
    let (en, de) = (english(), german());
    for code in followup::core::posting::EMPLOYMENT_TYPES {
        for w in [&en, &de] {
            let worded = employment_words(w, code);
            assert!(!worded.is_empty() && worded != code, "{code}: {worded}");
            assert_eq!(employment_stored(w, &worded), code, "{worded}");
        }
    }
    assert_eq!(
        employment_words(&en, "TEMPORARY, VOLUNTEER, OTHER"),
        "Temporary, Volunteer, Other"
    );
    assert_eq!(
        employment_words(&de, "TEMPORARY, VOLUNTEER, OTHER"),
        "Befristet, Ehrenamt, Sonstige"
    );
    // Free text from the page is shown as the page gave it, in either language; a type
    // stored before codes were kept ("Full time") is worded too.
    assert_eq!(
        employment_words(&de, "Full time, Permanent"),
        "Vollzeit, Permanent"
    );
    assert_eq!(employment_words(&en, "Festanstellung"), "Festanstellung");

    // The application's page words them.
    let mut app = simple("n1", "Northwind");
    app.posting = Some(PostingDetails {
        employment_type: "FULL_TIME, Permanent".into(),
        ..Default::default()
    });
    for (words, shown) in [
        (english(), "Employment type: Full-time, Permanent"),
        (german(), "Anstellungsart: Vollzeit, Permanent"),
    ] {
        let mut m = page_with(Surface::Popup, words, vec![app.clone()], Default::default());
        send(&mut m, Msg::OpenApp("n1".into()));
        assert_eq!(text_of(&drawn(&m), "section.posting ul.facts"), shown);
    }
}

#[test]
fn saved_as_saved_has_no_applied_date_and_an_empty_field_stays_empty() {
    let mut m = page(Surface::Popup, vec![]);
    send(&mut m, collected("workday"));
    let tree = drawn(&m);
    assert_eq!(
        value_of(&tree, "capture-company"),
        "",
        "the page did not name it"
    );
    assert_eq!(value_of(&tree, "capture-salary"), "");
    // The reader's notes are shown.
    assert_eq!(
        text_of(&tree, "section.capture ul.notes"),
        "The page does not name the company."
    );
    // The welcome is still there for a first application.
    assert_eq!(count(&tree, ".welcome"), 1);
    input(&mut m, "capture-status", "saved");
    assert_eq!(count(&drawn(&m), "[name=capture-applied]"), 0);
    let app = saved_app(&send(&mut m, Msg::Submit(followup::ui::Form::Capture)));
    assert_eq!(app.status, Status::Saved);
    assert_eq!(app.applied_on, None);
    let p = app.posting.unwrap();
    assert_eq!(p.salary, "");
    assert_eq!(p.posting_id, "R-10234");
}

#[test]
fn a_refused_save_says_why_in_the_form() {
    let mut m = page(Surface::Popup, vec![acme()]);
    send(&mut m, collected("workday"));
    input(&mut m, "capture-role", " ");
    assert!(send(&mut m, Msg::Submit(followup::ui::Form::Capture)).is_empty());
    assert!(!text_of(&drawn(&m), "form[data-form=capture] .error").is_empty());
}

#[test]
fn the_posting_already_saved_is_named_with_a_way_to_open_it() {
    let mut m = page(Surface::Popup, vec![acme()]);
    send(&mut m, collected("greenhouse"));
    // The board writes "at Acme Robotics": the user corrects it before saving.
    input(&mut m, "capture-company", "Acme Robotics");
    let app = saved_app(&send(&mut m, Msg::Submit(followup::ui::Form::Capture)));
    let mut stored = app.clone();
    stored.revision = 1;
    stored.status = Status::Interviewing;
    stored.applied_on = Some(date("2026-03-03"));
    written(
        &mut m,
        &Effect::write(Write::SaveApp(app), followup::ui::Text::key("saved")),
        vec![acme(), stored.clone()],
    );
    let tree = drawn(&m);
    assert_eq!(count(&tree, "form[data-form=capture]"), 0, "no second form");
    let text = text_of(&tree, "section.capture.duplicate");
    assert!(
        text.starts_with("You applied to Acme Robotics · Firmware Engineer on "),
        "{text}"
    );
    assert!(text.contains(": Interviewing."), "{text}");
    let open = tree
        .first("section.capture [data-action=open-app]")
        .expect("a way to open it");
    assert_eq!(open.get("data-app"), Some(stored.id.as_str()));

    // The next visit (a new popup) finds it by its address, whatever the page's query.
    let mut again = page(Surface::Popup, vec![stored]);
    send(&mut again, collected("greenhouse"));
    assert_eq!(count(&drawn(&again), "section.capture.duplicate"), 1);
}

#[test]
fn a_page_without_a_posting_offers_the_form_with_its_address_and_title() {
    let mut m = page(Surface::Popup, vec![acme()]);
    send(&mut m, collected("no-posting"));
    let tree = drawn(&m);
    assert_eq!(
        text_of(&tree, "section.capture h2"),
        "No job posting found on this page"
    );
    // One line until asked: most pages the popup opens on are not postings.
    assert_eq!(count(&tree, "form[data-form=capture]"), 0);
    assert_eq!(
        send(&mut m, Msg::ExpandCapture),
        vec![Effect::Focus("[name=\"capture-company\"]")]
    );
    let tree = drawn(&m);
    assert_eq!(
        value_of(&tree, "capture-url"),
        "https://blog.example.org/2026/03/how-to-follow-up"
    );
    assert!(
        !value_of(&tree, "capture-role").is_empty(),
        "the page's title"
    );
    assert_eq!(value_of(&tree, "capture-company"), "");

    // Saved with a company typed in: an application like one added by hand, at the page's
    // address, with no posting details (there were none to read).
    input(&mut m, "capture-company", "Example Blog");
    input(&mut m, "capture-status", "saved");
    let app = saved_app(&send(&mut m, Msg::Submit(followup::ui::Form::Capture)));
    assert_eq!(app.company, "Example Blog");
    assert!(!app.role.is_empty(), "the page's title");
    assert_eq!(
        app.posting_url,
        "https://blog.example.org/2026/03/how-to-follow-up"
    );
    assert_eq!(app.status, Status::Saved);
    assert_eq!(app.posting, None, "nothing from a posting");
    // Its page shows no empty "From the posting" section, and the next visit names it.
    let mut stored = app.clone();
    stored.revision = 1;
    let mut again = page(Surface::Popup, vec![acme(), stored.clone()]);
    send(&mut again, Msg::OpenApp(stored.id.clone()));
    assert_eq!(count(&drawn(&again), "section.posting"), 0);
    let mut next = page(Surface::Popup, vec![stored]);
    send(&mut next, collected("no-posting"));
    assert_eq!(count(&drawn(&next), "section.capture.duplicate"), 1);
}

#[test]
fn a_page_without_a_posting_with_a_salary_typed_keeps_it_and_no_reader() {
    let mut m = page(Surface::Popup, vec![]);
    send(&mut m, collected("no-posting"));
    send(&mut m, Msg::ExpandCapture);
    input(&mut m, "capture-company", "Example Blog");
    input(&mut m, "capture-salary", "40k");
    let p = saved_app(&send(&mut m, Msg::Submit(followup::ui::Form::Capture)))
        .posting
        .expect("what was typed");
    assert_eq!(p.salary, "40k");
    assert_eq!(p.source, "", "no reader found a posting");
}

#[test]
fn webmail_pages_offer_nothing() {
    let mut m = page(Surface::Popup, vec![acme()]);
    let page = r#"{"url":"https://mail.google.com/mail/u/0/#inbox","title":"Inbox","jsonld":[],"microdata":[],"meta":{},"sites":{}}"#;
    send(&mut m, Msg::Captured(Collected::Page(page.into())));
    assert_eq!(m.capture, None);
}

#[test]
fn pages_the_popup_may_not_read() {
    let mut m = page(Surface::Popup, vec![acme()]);
    for url in [
        "chrome://extensions/",
        "about:addons",
        "chrome-extension://abc/popup.html",
        "https://chromewebstore.google.com/detail/x",
        "https://addons.mozilla.org/en-US/firefox/",
        "",
    ] {
        send(
            &mut m,
            Msg::Captured(Collected::Refused { url: url.into() }),
        );
        assert_eq!(
            m.capture, None,
            "{url}: the browser's own page offers nothing"
        );
        assert_eq!(count(&drawn(&m), "section.capture"), 0);
    }
    send(
        &mut m,
        Msg::Captured(Collected::Refused {
            url: "https://jobs.example.com/1".into(),
        }),
    );
    assert!(matches!(m.capture, Some(Capture::Unreadable(_))));
    let tree = drawn(&m);
    assert_eq!(
        text_of(&tree, "section.capture p.message"),
        "Follow-up may not read this page. Open Follow-up again on the job posting, or add the application by hand."
    );
    assert_eq!(count(&tree, "section.capture [data-action=new-app]"), 1);
    // Something that is not the collector's answer is worded too, never shown raw.
    send(&mut m, Msg::Captured(Collected::Page("<html>".into())));
    assert_eq!(
        text_of(&drawn(&m), "section.capture p.message"),
        "This page could not be read. Fill in the application by hand."
    );
    send(&mut m, Msg::CloseCapture);
    assert_eq!(count(&drawn(&m), "section.capture"), 0);
}

#[test]
fn in_german() {
    let mut m = page_with(Surface::Popup, german(), vec![acme()], Default::default());
    send(&mut m, collected("no-posting"));
    assert_eq!(
        text_of(&drawn(&m), "section.capture h2"),
        "Auf dieser Seite wurde keine Stellenanzeige gefunden"
    );
}

#[test]
fn the_application_page_shows_the_saved_description_as_text() {
    let mut app = simple("n1", "Northwind");
    app.posting_url = "https://careers.northwind.example/jobs/1".into();
    app.posting = Some(PostingDetails {
        locations: vec!["Leipzig".into()],
        remote: true,
        salary: "52000 EUR / year".into(),
        description: "<b>Not markup</b>\nSecond line".into(),
        source: "json-ld".into(),
        captured_on: Some(date("2026-03-02")),
        ..Default::default()
    });
    let mut m = page(Surface::Popup, vec![app]);
    send(&mut m, Msg::OpenApp("n1".into()));
    let tree = drawn(&m);
    let facts = text_of(&tree, "section.posting ul.facts");
    assert!(facts.contains("Location: Leipzig; remote"), "{facts}");
    assert!(facts.contains("Salary: 52000 EUR / year"), "{facts}");
    let summary = text_of(&tree, "section.posting details summary");
    assert!(summary.starts_with("As posted on "), "{summary}");
    assert_eq!(
        text_of(&tree, "section.posting details p.hint"),
        "Read from careers.northwind.example (json-ld)"
    );
    assert_eq!(
        text_of(&tree, "section.posting details .posting-text"),
        "<b>Not markup</b>\nSecond line"
    );
    // An application added by hand has no such section.
    let plain = page(Surface::Popup, vec![simple("s1", "Plain")]);
    let mut plain = plain;
    send(&mut plain, Msg::OpenApp("s1".into()));
    assert_eq!(count(&drawn(&plain), "section.posting"), 0);
}

#[test]
fn a_page_read_from_its_title_alone_waits_to_be_asked_then_shows_the_notes() {
    let mut m = page(Surface::Popup, vec![acme()]);
    send(&mut m, collected("greenhouse-embed"));
    let tree = drawn(&m);
    assert_eq!(text_of(&tree, "section.capture h2"), "Save this job");
    assert_eq!(count(&tree, "form[data-form=capture]"), 0);
    send(&mut m, Msg::ExpandCapture);
    let tree = drawn(&m);
    assert_eq!(value_of(&tree, "capture-company"), "Example Robotics");
    assert_eq!(
        value_of(&tree, "capture-url"),
        "https://www.example-robotics.com/careers?gh_jid=4012345"
    );
    let notes = text_of(&tree, "section.capture ul.notes");
    assert!(
        notes
            .contains("This page has no job posting data; the role is the page's title. Check it."),
        "{notes}"
    );
    assert!(
        notes.contains("The posting is shown from another site"),
        "{notes}"
    );
}

#[test]
fn editing_an_application_keeps_what_the_posting_said() {
    let mut app = simple("n1", "Northwind");
    app.posting = Some(PostingDetails {
        salary: "52000 EUR / year".into(),
        description: "About the role".into(),
        ..Default::default()
    });
    let mut m = page(Surface::Popup, vec![app.clone()]);
    send(&mut m, Msg::EditApp("n1".into()));
    input(&mut m, "role", "Senior Analyst");
    let saved = saved_app(&send(&mut m, Msg::Submit(followup::ui::Form::App)));
    assert_eq!(saved.role, "Senior Analyst");
    assert_eq!(saved.posting, app.posting);
}

#[test]
fn the_editor_changes_the_places_and_pay_and_adds_none_to_a_plain_application() {
    let mut app = simple("n1", "Northwind");
    app.posting = Some(PostingDetails {
        locations: vec!["Leipzig".into()],
        salary: "52000 EUR / year".into(),
        description: "About the role".into(),
        ..Default::default()
    });
    let mut m = page(Surface::Popup, vec![app, simple("s1", "Plain")]);
    send(&mut m, Msg::EditApp("n1".into()));
    assert_eq!(value_of(&drawn(&m), "locations"), "Leipzig");
    input(&mut m, "salary", "55000 EUR / year");
    input(&mut m, "locations", "Leipzig; Berlin");
    let p = saved_app(&send(&mut m, Msg::Submit(followup::ui::Form::App)))
        .posting
        .unwrap();
    assert_eq!(p.salary, "55000 EUR / year");
    assert_eq!(p.locations, ["Leipzig", "Berlin"]);
    assert_eq!(p.description, "About the role");

    send(&mut m, Msg::EditApp("s1".into()));
    input(&mut m, "notes", "Called");
    let plain = saved_app(&send(&mut m, Msg::Submit(followup::ui::Form::App)));
    assert_eq!(plain.posting, None, "stored as before");
    send(&mut m, Msg::EditApp("s1".into()));
    input(&mut m, "salary", "40k");
    let given = saved_app(&send(&mut m, Msg::Submit(followup::ui::Form::App)));
    assert_eq!(given.posting.unwrap().salary, "40k");
}
