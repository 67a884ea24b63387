//! A round's time, length and place: stored only when given (so records and backups without
//! them stay byte for byte as they were), and written to calendar files as timed events in
//! floating local time with a LOCATION, read back here by an independent iCalendar parser
//! (the `ical` crate).

use std::io::BufReader;

use chrono::NaiveDate;
use followup::core::export::export_ics;
use followup::core::model::{Application, Contact, Interviewer, Round};

const STAMP: &str = "20260312T093000Z";

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn a_round_without_time_length_or_place_is_stored_as_before() {
    // A round as stored before rounds had times, and as read from older backups.
    let before = r#"{"id":"r1","date":"2026-03-03","kind":"on-site","interviewers":[]}"#;
    let round: Round = serde_json::from_str(before).unwrap();
    assert_eq!((round.time, round.duration_minutes), (None, None));
    assert_eq!(round.place, "");
    assert_eq!(serde_json::to_string(&round).unwrap(), before);

    let app: Application = serde_json::from_str(&format!(
        r#"{{"id":"a","rounds":[{before}],"status":"interviewing"}}"#
    ))
    .unwrap();
    let text = serde_json::to_string(&app).unwrap();
    assert!(text.contains(before), "{text}");
}

#[test]
fn a_rounds_time_is_stored_as_hh_mm_with_its_length_and_place() {
    let round = Round {
        id: "r1".into(),
        date: d("2026-03-03"),
        time: Some("09:05".parse().unwrap()),
        duration_minutes: Some(45),
        place: "https://meet.example.com/abc".into(),
        ..Default::default()
    };
    let text = serde_json::to_string(&round).unwrap();
    assert_eq!(
        text,
        r#"{"id":"r1","date":"2026-03-03","kind":"","interviewers":[],"time":"09:05","durationMinutes":45,"place":"https://meet.example.com/abc"}"#
    );
    assert_eq!(serde_json::from_str::<Round>(&text).unwrap(), round);

    // Seconds are read and dropped; an empty text or null is no time; anything else refused.
    let read = |time: &str| {
        serde_json::from_str::<Round>(&format!(r#"{{"date":"2026-03-03","time":{time}}}"#))
            .map(|r| r.time)
    };
    assert_eq!(
        read(r#""14:30:59""#).unwrap(),
        Some("14:30".parse().unwrap())
    );
    assert_eq!(read(r#""""#).unwrap(), None);
    assert_eq!(read("null").unwrap(), None);
    for bad in [r#""25:00""#, r#""2pm""#, "930"] {
        assert!(read(bad).is_err(), "{bad}");
    }
    assert_eq!(round.end_minute(), Some(9 * 60 + 5 + 45));
    assert_eq!(Round::default().end_minute(), None);
}

fn apps() -> Vec<Application> {
    let timed = Round {
        id: "r1".into(),
        date: d("2026-03-03"),
        kind: "panel".into(),
        interviewers: vec![Interviewer {
            contact_id: "ana".into(),
            points: vec![],
        }],
        time: Some("14:30".parse().unwrap()),
        duration_minutes: Some(90),
        place: "Room 4; Main St. 1, Springfield\nsecond floor".into(),
    };
    // No length: an hour. Starts 23:30, so it ends the next day.
    let late = Round {
        id: "r2".into(),
        date: d("2026-03-10"),
        time: Some("23:30".parse().unwrap()),
        place: "https://meet.example.com/x?a=1,b=2".into(),
        ..Default::default()
    };
    // No time: all day, as before; its place still goes in.
    let day = Round {
        id: "r3".into(),
        date: d("2026-03-17"),
        place: "Head office".into(),
        ..Default::default()
    };
    let plain = Round {
        id: "r4".into(),
        date: d("2026-03-24"),
        ..Default::default()
    };
    vec![Application {
        id: "acme".into(),
        company: "Acme".into(),
        role: "Engineer".into(),
        contacts: vec![Contact {
            id: "ana".into(),
            name: "Ana Alves".into(),
            ..Default::default()
        }],
        rounds: vec![timed, late, day, plain],
        ..Default::default()
    }]
}

/// The events of an iCalendar text, as the `ical` crate reads them: each a map from property
/// name to (parameters, value).
fn events(text: &str) -> Vec<std::collections::BTreeMap<String, (String, String)>> {
    let mut calendars = ical::IcalParser::new(BufReader::new(text.as_bytes()));
    let calendar = calendars.next().expect("one calendar").expect("it parses");
    assert!(calendars.next().is_none());
    calendar
        .events
        .into_iter()
        .map(|e| {
            e.properties
                .into_iter()
                .map(|p| {
                    let params = p
                        .params
                        .unwrap_or_default()
                        .into_iter()
                        .map(|(k, v)| format!("{k}={}", v.join(",")))
                        .collect::<Vec<_>>()
                        .join(";");
                    (p.name, (params, p.value.unwrap_or_default()))
                })
                .collect()
        })
        .collect()
}

#[test]
fn timed_rounds_are_timed_events_in_floating_local_time_with_their_place() {
    let text = export_ics(&apps(), &[], &|_| (String::new(), String::new()), STAMP);
    let events = events(&text);
    assert_eq!(events.len(), 4);
    let get = |i: usize, name: &str| -> (String, String) {
        events[i]
            .get(name)
            .cloned()
            .unwrap_or_else(|| panic!("event {i} has no {name}: {:?}", events[i]))
    };
    let value = |i: usize, name: &str| get(i, name).1;

    // 14:30 for 90 minutes, no time zone and no Z: floating local time.
    assert_eq!(get(0, "DTSTART"), (String::new(), "20260303T143000".into()));
    assert_eq!(get(0, "DTEND"), (String::new(), "20260303T160000".into()));
    assert_eq!(value(0, "SUMMARY"), "Interview (panel)\\, Acme\\, Engineer");
    // The place is escaped as iCalendar TEXT: ; , and line breaks.
    assert_eq!(
        value(0, "LOCATION"),
        "Room 4\\; Main St. 1\\, Springfield\\nsecond floor"
    );
    assert_eq!(value(0, "TRANSP"), "OPAQUE");

    // No length: an hour, past midnight into the next day.
    assert_eq!(value(1, "DTSTART"), "20260310T233000");
    assert_eq!(value(1, "DTEND"), "20260311T003000");
    assert_eq!(value(1, "LOCATION"), "https://meet.example.com/x?a=1\\,b=2");

    // No time: all day, as before, with the place.
    assert_eq!(get(2, "DTSTART"), ("VALUE=DATE".into(), "20260317".into()));
    assert_eq!(get(2, "DTEND"), ("VALUE=DATE".into(), "20260318".into()));
    assert_eq!(value(2, "LOCATION"), "Head office");
    assert_eq!(value(2, "TRANSP"), "TRANSPARENT");
    // No place: no LOCATION.
    assert!(!events[3].contains_key("LOCATION"));
    assert_eq!(get(3, "DTSTART"), ("VALUE=DATE".into(), "20260324".into()));

    for event in &events {
        for name in ["DTSTART", "DTEND"] {
            let (params, value) = &event[name];
            assert!(!value.ends_with('Z') && !params.contains("TZID"), "{value}");
        }
    }
    // Every line within 75 octets, CRLF line ends.
    for line in text.split_terminator("\r\n") {
        assert!(line.len() <= 75, "{line}");
        assert!(!line.contains('\n'), "{line:?}");
    }
}

#[test]
fn the_editor_keeps_a_rounds_time_length_and_place() {
    // Opened and saved unchanged, the form gives back the same rounds.
    let app = apps().remove(0);
    let form = followup::ui::EditorForm::new(&app);
    let saved = form.to_application().unwrap();
    assert_eq!(saved.rounds, app.rounds);
}
