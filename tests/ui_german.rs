//! The interface for German correspondence and holidays, natively: the editor's language,
//! form of address and salutation; the settings' calendars, Land and default language; the
//! holiday calendar file import; templates edited per wording; German drafts in the popup.

mod ui_support;

use followup::core::calendar::GermanState;
use followup::core::draft::{template_slots_in, Wording};
use followup::core::model::{ActionState, Application, Language, Salutation, Settings};
use followup::ui::{ActionRef, After, Effect, Form, Msg, Surface, Text, Write};
use ui_support::*;

fn saved_settings(effects: &[Effect]) -> (Settings, Text) {
    match effects {
        [Effect::Write(Write::SaveSettings { settings, .. }, After::Notice(n))] => {
            (settings.clone(), n.text.clone())
        }
        other => panic!("not one settings save: {other:?}"),
    }
}

fn saved_app(effects: &[Effect]) -> Application {
    match effects {
        [Effect::Write(Write::SaveApp(app), _)] => app.clone(),
        other => panic!("not one application save: {other:?}"),
    }
}

#[test]
fn the_editor_sets_language_form_of_address_and_salutation() {
    let mut m = page(Surface::Popup, vec![acme()]);
    send(&mut m, Msg::EditApp("acme".into()));
    let tree = drawn(&m);
    assert_eq!(value_of(&tree, "language"), "");
    assert_eq!(value_of(&tree, "contact.0.salutation"), "");
    input(&mut m, "language", "de");
    check(&mut m, "informal", true);
    input(&mut m, "contact.0.salutation", "frau");
    input(&mut m, "contact.0.academic-title", " Dr. ");
    input(&mut m, "contact.1.salutation", "herr");
    let app = saved_app(&send(&mut m, Msg::Submit(Form::App)));
    assert_eq!((app.language, app.informal), (Some(Language::German), true));
    assert_eq!(app.contacts[0].salutation, Some(Salutation::Frau));
    assert_eq!(app.contacts[0].academic_title, "Dr.");
    assert_eq!(app.contacts[1].salutation, Some(Salutation::Herr));

    // Opened again, the form shows what was saved; "as in the options" clears the language.
    let mut m = page(Surface::Popup, vec![app]);
    send(&mut m, Msg::EditApp("acme".into()));
    let tree = drawn(&m);
    assert_eq!(value_of(&tree, "language"), "de");
    assert_eq!(value_of(&tree, "contact.0.salutation"), "frau");
    assert_eq!(value_of(&tree, "contact.0.academic-title"), "Dr.");
    input(&mut m, "language", "");
    input(&mut m, "contact.0.salutation", "");
    let app = saved_app(&send(&mut m, Msg::Submit(Form::App)));
    assert_eq!((app.language, app.contacts[0].salutation), (None, None));
}

#[test]
fn the_settings_choose_the_calendars_the_land_and_the_default_language() {
    let mut m = page(Surface::Options, vec![]);
    let tree = drawn(&m);
    let lands = tree.select("select[name=german-state] option");
    assert_eq!(lands.len(), 17, "nationwide only, then the sixteen Länder");
    check(&mut m, "austria", true);
    check(&mut m, "switzerland", true);
    input(&mut m, "german-state", "BY");
    input(&mut m, "default-language", "de");
    let (settings, _) = saved_settings(&send(&mut m, Msg::Submit(Form::Settings)));
    let h = &settings.holidays;
    assert_eq!(h.german_state, Some(GermanState::Bayern));
    assert!(h.germany, "a Land turns Germany on");
    assert!(h.austria && h.switzerland && !h.us_federal);
    assert_eq!(settings.language, Some(Language::German));

    let m = page_with(Surface::Options, english(), vec![], settings);
    let tree = drawn(&m);
    assert_eq!(value_of(&tree, "german-state"), "BY");
    assert_eq!(value_of(&tree, "default-language"), "de");
}

const CALENDAR: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260604\r\nSUMMARY:Fronleichnam\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART:20260605T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

#[test]
fn a_holiday_calendar_file_adds_its_all_day_events_to_the_days_off() {
    let mut settings = Settings::default();
    settings.holidays.own = vec![date("2026-12-24")];
    let mut m = page_with(Surface::Options, english(), vec![], settings);
    assert_eq!(
        count(&drawn(&m), "form[data-import=holidays] input[type=file]"),
        1
    );
    assert_eq!(
        send(&mut m, Msg::HolidaysPicked { size: Some(2e3) }),
        vec![Effect::ReadHolidayFile]
    );
    let (saved, notice) = saved_settings(&send(&mut m, Msg::HolidaysRead(Some(CALENDAR.into()))));
    assert_eq!(
        saved.holidays.own,
        vec![date("2026-06-04"), date("2026-12-24")]
    );
    assert_eq!(
        notice,
        Text::with(
            "icsImported",
            &[("added", "1"), ("already", "0"), ("skipped", "1")]
        )
    );
    assert_eq!(
        m.words.say(&notice),
        "Days off added: 1 (0 already listed, 1 other entries skipped)."
    );
}

#[test]
fn a_file_that_is_not_a_calendar_is_refused_in_the_users_language_and_writes_nothing() {
    let mut m = page_with(Surface::Options, german(), vec![], Settings::default());
    assert!(send(&mut m, Msg::HolidaysPicked { size: None }).is_empty());
    assert_eq!(m.notice.as_ref().unwrap().text, Text::key("icsNoFile"));
    // 50 MB: refused by its size, before it is read.
    assert!(send(
        &mut m,
        Msg::HolidaysPicked {
            size: Some(50.0 * 1024.0 * 1024.0)
        }
    )
    .is_empty());
    let shown = m.words.say(&m.notice.as_ref().unwrap().text);
    assert!(
        shown.contains("51200 KB") && shown.contains("nichts importiert"),
        "{shown}"
    );
    for refused in [
        "Firma,Stelle\r\nAcme,Analyst\r\n",
        "BEGIN:VCALENDAR\r\nkaputt\r\nEND:VCALENDAR\r\n",
    ] {
        assert!(send(&mut m, Msg::HolidaysRead(Some(refused.into()))).is_empty());
        let notice = m.notice.as_ref().unwrap();
        assert!(notice.error);
        let shown = m.words.say(&notice.text);
        assert!(shown.contains("Es wurde nichts importiert."), "{shown}");
    }
    assert!(send(&mut m, Msg::HolidaysRead(None)).is_empty());
}

#[test]
fn days_typed_but_not_saved_stay_in_the_form_beside_the_imported_ones() {
    let mut m = page(Surface::Options, vec![]);
    input(&mut m, "own-holidays", "2026-08-10");
    let (saved, _) = saved_settings(&send(&mut m, Msg::HolidaysRead(Some(CALENDAR.into()))));
    assert_eq!(saved.holidays.own, vec![date("2026-06-04")]);
    let typed = value_of(&drawn(&m), "own-holidays");
    assert_eq!(typed, "2026-08-10\n2026-06-04");
}

#[test]
fn templates_are_edited_per_wording_with_a_preview_in_it() {
    let mut m = page(Surface::Options, vec![]);
    input(&mut m, "template-wording", "de");
    let tree = drawn(&m);
    let first = &template_slots_in(Wording::German)[0];
    assert_eq!(value_of(&tree, "template-slot"), first.key);
    assert!(first.key.starts_with("de:"));
    assert_eq!(value_of(&tree, "template-text"), first.builtin);
    let preview = text_of(&tree, "pre.preview");
    assert!(
        preview.contains("Sehr geehrte Frau Dr. Müller") || preview.starts_with("Vielen Dank"),
        "{preview}"
    );

    input(&mut m, "template-slot", "de:thank-you-email");
    input(&mut m, "template-text", "{{greeting}},\n\nherzlichen Dank.");
    assert_eq!(
        text_of(&drawn(&m), "pre.preview"),
        "Sehr geehrte Frau Dr. Müller,\n\nherzlichen Dank."
    );
    let (saved, _) = saved_settings(&send(&mut m, Msg::Submit(Form::Template)));
    assert_eq!(
        saved
            .templates
            .get("de:thank-you-email")
            .map(String::as_str),
        Some("{{greeting}},\n\nherzlichen Dank.")
    );
    assert!(
        !saved.templates.contains_key("thank-you-email"),
        "English keeps its built-in"
    );

    // The same template in the informal wording, previewed with "du".
    input(&mut m, "template-wording", "de-du");
    let tree = drawn(&m);
    assert_eq!(value_of(&tree, "template-slot"), "de-du:thank-you-email");
    assert!(text_of(&tree, "pre.preview").starts_with("Hallo Anna,"));
}

#[test]
fn the_popup_shows_german_drafts_by_default_in_a_german_interface() {
    let mut app = acme();
    app.contacts[0].salutation = Some(Salutation::Frau);
    let mut m = page_with(
        Surface::Popup,
        german(),
        vec![app.clone()],
        Settings::default(),
    );
    let r = m
        .plan
        .actions
        .iter()
        .find(|a| {
            a.key.starts_with("thank-you-email")
                && a.contact_id.as_deref() == Some("dana")
                && a.state == ActionState::Due
        })
        .map(|a| ActionRef::new(&a.app_id, &a.key))
        .expect("Dana's thank-you");
    send(&mut m, Msg::ToggleDraft(r.clone()));
    let tree = drawn(&m);
    let panel = tree.first("div.draft").expect("the draft is open");
    let body = value_of(panel, &format!("draft:{}", r.id()));
    assert!(
        body.starts_with("Sehr geehrte Frau Smith,\n\nvielen Dank"),
        "{body}"
    );
    // The checks in German: no profile yet.
    let checks = text_of(panel, "ul.warnings");
    assert!(checks.contains("Signatur"), "{checks}");

    // The same application in an English interface is written in English, unless it says German.
    let m = page_with(
        Surface::Popup,
        english(),
        vec![app.clone()],
        Settings::default(),
    );
    assert!(draft_body(m, &r).starts_with("Dear Dana,"));
    app.language = Some(Language::German);
    let m = page_with(Surface::Popup, english(), vec![app], Settings::default());
    assert!(draft_body(m, &r).starts_with("Sehr geehrte Frau Smith,"));
}

fn draft_body(mut m: followup::ui::Model, r: &ActionRef) -> String {
    send(&mut m, Msg::ToggleDraft(r.clone()));
    value_of(&drawn(&m), &format!("draft:{}", r.id()))
}

#[test]
fn todays_interview_and_its_thank_you_are_named_in_german() {
    let mut app = acme();
    app.rounds[0].time = Some("14:00".parse().unwrap());
    app.rounds[0].duration_minutes = Some(90);
    app.rounds[0].place = "Hauptstraße 1".into();
    let mut tomorrow = simple("globex", "Globex");
    tomorrow.status = followup::core::model::Status::Interviewing;
    tomorrow.rounds = vec![followup::core::model::Round {
        id: "r".into(),
        date: date("2026-03-11"),
        ..Default::default()
    }];
    let m = page_with(
        Surface::Popup,
        german(),
        vec![app, tomorrow],
        Settings::default(),
    );
    let tree = drawn(&m);
    let section = tree.first("section.interviews").unwrap();
    assert_eq!(text_of(section, "h2"), "Gespräche (2)");
    let lines: Vec<String> = section
        .select("strong.what")
        .iter()
        .map(|n| n.text_content())
        .collect();
    assert_eq!(
        lines,
        [
            "Gespräch heute um 14:00 mit Dana Smith und Lee Park",
            "Gespräch morgen mit Globex",
        ]
    );
    assert_eq!(text_of(section, "p.why"), "14:00–15:30 (90 Min.) · on-site");
    assert_eq!(text_of(section, "p.place"), "Ort: Hauptstraße 1");
    let due = tree.first("section.due").unwrap();
    assert!(
        text_of(due, ".when").starts_with("heute, nach 15:30 · "),
        "{}",
        text_of(due, ".when")
    );
    assert!(text_of(due, "p.why").ends_with("Schick sie, wenn das Gespräch um 15:30 vorbei ist."));
}
