//! Backups and the fields added for German correspondence and more holiday calendars: a backup
//! written before them imports unchanged with their defaults, and a backup with them keeps them.

use followup::core::backup::{export_backup, parse_backup};
use followup::core::calendar::GermanState;
use followup::core::model::{Language, Salutation};

fn older_backup() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/backup/before-languages.json"
    );
    std::fs::read_to_string(path).expect("committed fixture")
}

#[test]
fn a_backup_from_before_the_new_fields_imports_with_their_defaults() {
    let text = older_backup();
    assert!(
        !text.contains("language") && !text.contains("salutation") && !text.contains("germany")
    );
    let backup = parse_backup(&text).expect("an older backup is accepted");
    let settings = &backup.settings;
    assert!(settings.holidays.england_wales);
    assert_eq!(settings.holidays.own.len(), 1);
    assert!(
        !settings.holidays.germany && !settings.holidays.austria && !settings.holidays.switzerland
    );
    assert_eq!(settings.holidays.german_state, None);
    assert_eq!(settings.language, None);
    let app = &backup.applications[0];
    assert_eq!((app.id.as_str(), app.revision), ("hooli-sre", 7));
    assert_eq!((app.language, app.informal), (None, false));
    let contact = &app.contacts[0];
    assert_eq!(contact.name, "Gavin Belson");
    assert_eq!(
        (contact.salutation, contact.academic_title.as_str()),
        (None, "")
    );
    assert_eq!(app.history.len(), 2);
}

#[test]
fn the_new_fields_survive_an_export_and_import() {
    let mut backup = parse_backup(&older_backup()).unwrap();
    backup.settings.language = Some(Language::German);
    backup.settings.holidays.german_state = Some(GermanState::NordrheinWestfalen);
    backup.settings.holidays.switzerland = true;
    backup.settings.templates.insert(
        "de:thank-you-email".into(),
        "{{greeting}},\n\nDanke.".into(),
    );
    let app = &mut backup.applications[0];
    app.language = Some(Language::German);
    app.informal = true;
    app.contacts[0].salutation = Some(Salutation::Herr);
    app.contacts[0].academic_title = "Prof. Dr.".into();
    let text = export_backup(&backup.applications, &backup.settings, &backup.exported_at);
    for written in [
        "\"germanState\": \"NW\"",
        "\"language\": \"de\"",
        "\"informal\": true",
        "\"salutation\": \"herr\"",
        "\"academicTitle\": \"Prof. Dr.\"",
        "\"de:thank-you-email\"",
    ] {
        assert!(text.contains(written), "{written} in\n{text}");
    }
    assert_eq!(parse_backup(&text).unwrap(), backup);
}

#[test]
fn an_unknown_land_or_language_is_refused_with_its_path() {
    let text = older_backup().replace(
        "\"usFederal\": false",
        "\"usFederal\": false, \"germanState\": \"XX\"",
    );
    let error = parse_backup(&text).unwrap_err().to_string();
    assert!(error.contains("settings.holidays.germanState"), "{error}");
    let text = older_backup().replace(
        "\"noContact\": false",
        "\"noContact\": false, \"language\": \"fr\"",
    );
    let error = parse_backup(&text).unwrap_err().to_string();
    assert!(error.contains("applications[0].language"), "{error}");
}
