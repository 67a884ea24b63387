//! Importing a public-holiday calendar file (.ics) into the user's own days off: all-day
//! events count, everything else is skipped, and a file that is not a usable calendar is
//! refused with a worded reason and changes nothing.

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use followup::core::calendar::*;
use followup::core::model::HolidaySettings;

mod ui_support;
use ui_support::locale;

fn d(text: &str) -> NaiveDate {
    text.parse().expect("ISO test dates")
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/ics/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).expect("committed fixture")
}

fn calendar(body: &str) -> String {
    format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n{body}END:VCALENDAR\r\n")
}

#[test]
fn all_day_events_become_days_off_and_timed_events_are_skipped() {
    let found = parse_holiday_ics(&fixture("feiertage-bayern.ics")).expect("a calendar");
    assert_eq!(
        found.dates,
        [
            "2026-01-01", // one day: DTEND the next day
            "2026-04-03", // Karfreitag to Ostermontag: DTEND exclusive
            "2026-04-04",
            "2026-04-05",
            "2026-04-06",
            "2026-06-04", // no DTEND: one day
            "2026-08-15", // DURATION:P1D
            "2026-12-25",
            "2026-12-26",
        ]
        .map(d)
    );
    // The timed reception, the cancelled event and the to-do.
    assert_eq!(found.skipped, 3);
}

#[test]
fn folded_lines_are_unfolded_before_reading() {
    let text = calendar(
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DA\r\n TE:20261003\r\nSUMMARY:Tag der Deutschen\r\n  Einheit\r\nEND:VEVENT\r\n",
    );
    assert_eq!(parse_holiday_ics(&text).unwrap().dates, [d("2026-10-03")]);
    // Bare LF line ends and a byte-order mark, as some exporters write them.
    let lf = format!(
        "\u{feff}{}",
        calendar("BEGIN:VEVENT\nDTSTART:20261003\nEND:VEVENT\n").replace("\r\n", "\n")
    );
    assert_eq!(parse_holiday_ics(&lf).unwrap().dates, [d("2026-10-03")]);
}

#[test]
fn a_broken_line_refuses_the_file_with_its_number() {
    let text = calendar(
        "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261003\r\nthis line has no colon\r\nEND:VEVENT\r\n",
    );
    let error = parse_holiday_ics(&text).unwrap_err();
    assert_eq!(error, IcsImportError::UnreadableLine { line: 6 });
    assert_eq!(error.message_key(), "icsUnreadableLine");
    assert_eq!(error.args(), [("line", "6".to_owned())]);
}

#[test]
fn a_calendar_cut_short_is_refused_as_damaged() {
    let full = fixture("feiertage-bayern.ics");
    // Cut at a line's end, after an event: every line reads, but the calendar never ends.
    let cut = &full[..full.find("BEGIN:VEVENT\r\nUID:fronleichnam").unwrap()];
    assert_eq!(parse_holiday_ics(cut), Err(IcsImportError::Damaged));
    // Cut inside a line: that line is the one named.
    let inside = &full[..full.find("DTSTART;VALUE=DATE:20260604").unwrap() + 10];
    assert!(matches!(
        parse_holiday_ics(inside),
        Err(IcsImportError::UnreadableLine { .. } | IcsImportError::Damaged)
    ));
}

#[test]
fn a_csv_picked_by_mistake_is_not_a_calendar() {
    let csv = "\u{feff}Company,Role,Status\r\nAcme,Engineer,interviewing\r\n";
    let error = parse_holiday_ics(csv).unwrap_err();
    assert_eq!(error, IcsImportError::NotACalendar);
    assert_eq!(error.message_key(), "icsNotACalendar");
    for not_a_calendar in [
        "",
        "\r\n\r\n",
        "{\"format\":\"followup-backup\"}",
        "BEGIN:VCARD\r\nEND:VCARD\r\n",
    ] {
        assert_eq!(
            parse_holiday_ics(not_a_calendar),
            Err(IcsImportError::NotACalendar),
            "{not_a_calendar:?}"
        );
    }
}

#[test]
fn a_calendar_of_timed_events_only_has_nothing_to_import() {
    let text = calendar(
        "BEGIN:VEVENT\r\nDTSTART:20261003T090000Z\r\nDTEND:20261003T100000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:undated\r\nEND:VEVENT\r\n",
    );
    assert_eq!(
        parse_holiday_ics(&text),
        Err(IcsImportError::NoAllDayEvents { skipped: 2 })
    );
}

#[test]
fn an_event_of_more_than_a_season_is_skipped() {
    let text = calendar(
        "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260101\r\nDTEND;VALUE=DATE:99991231\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260803\r\nDURATION:P2W\r\nEND:VEVENT\r\n",
    );
    let found = parse_holiday_ics(&text).unwrap();
    assert_eq!(found.dates.len(), 14, "the two-week event only");
    assert_eq!(found.skipped, 1);
}

#[test]
fn a_50_mb_file_is_refused_by_its_size_at_once() {
    let event = "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260101\r\nEND:VEVENT\r\n";
    let huge = calendar(&event.repeat(50 * 1024 * 1024 / event.len()));
    assert!(huge.len() >= 50 * 1024 * 1024 - event.len());
    let started = Instant::now();
    let error = parse_holiday_ics(&huge).unwrap_err();
    assert!(
        started.elapsed() < Duration::from_millis(50),
        "refused before reading"
    );
    assert_eq!(
        error,
        IcsImportError::TooLarge {
            size_kb: (huge.len() as u64).div_ceil(1024),
            limit_kb: 1024
        }
    );
    assert_eq!(error.message_key(), "icsTooLarge");
    // One byte under the limit is read.
    let padding = MAX_ICS_BYTES - calendar(event).len();
    let at_limit = calendar(&format!("X-PAD:{}\r\n{event}", "x".repeat(padding - 8)));
    assert!(at_limit.len() <= MAX_ICS_BYTES);
    assert_eq!(
        parse_holiday_ics(&at_limit).unwrap().dates,
        [d("2026-01-01")]
    );
}

#[test]
fn import_adds_new_days_and_counts_those_already_listed() {
    let before = HolidaySettings {
        germany: true,
        own: vec![d("2026-12-31"), d("2026-04-06")],
        ..Default::default()
    };
    let (after, summary) = import_holiday_ics(&before, &fixture("feiertage-bayern.ics")).unwrap();
    assert_eq!(
        summary,
        IcsImportSummary {
            added: 8,
            already: 1,
            skipped: 3
        }
    );
    assert_eq!(after.own.len(), 10);
    assert!(
        after.own.windows(2).all(|w| w[0] < w[1]),
        "sorted, once each"
    );
    assert!(after.germany, "the rest of the settings is kept");
    // Importing the same file again adds nothing.
    let (again, summary) = import_holiday_ics(&after, &fixture("feiertage-bayern.ics")).unwrap();
    assert_eq!((again, summary.added, summary.already), (after, 0, 9));
}

#[test]
fn every_refusal_is_worded_in_english_and_german() {
    let en = locale("en");
    let de = locale("de");
    let refusals = [
        IcsImportError::TooLarge {
            size_kb: 51_200,
            limit_kb: 1024,
        },
        IcsImportError::NotACalendar,
        IcsImportError::UnreadableLine { line: 6 },
        IcsImportError::Damaged,
        IcsImportError::NoAllDayEvents { skipped: 2 },
    ];
    for error in refusals {
        let key = error.message_key();
        let mut english = en[key].clone();
        for (name, value) in error.args() {
            let placeholder = format!("{{{name}}}");
            assert!(
                de[key].contains(&placeholder),
                "{key} in German lacks {placeholder}"
            );
            english = english.replace(&placeholder, &value);
        }
        assert_eq!(
            english,
            error.to_string(),
            "the core's English is the interface's"
        );
        assert!(de[key].contains("nichts importiert"), "{key}: {}", de[key]);
    }
}
