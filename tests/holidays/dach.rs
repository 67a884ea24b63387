//! The German, Austrian and Swiss calendars against the dates the Python `holidays` package
//! publishes for 2024-2030 (tests/fixtures/holidays/, written by tools/holidays/generate.py).
//!
//! Two deliberate differences from the package are applied by the generator and listed in
//! the fixtures: Bavaria keeps Mariä Himmelfahrt, and Switzerland keeps the days two thirds
//! of the cantons keep, not only the federal ones.

use chrono::Datelike;
use followup::core::calendar::*;
use followup::core::model::HolidaySettings;
use serde_json::Value;

use super::{check_calendar, date};

const YEARS: std::ops::RangeInclusive<i32> = 2024..=2030;

fn fixture(name: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/holidays/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("the holiday fixtures are committed");
    serde_json::from_str(&text).expect("the holiday fixtures are JSON")
}

/// `(date, name)` rows of a fixture list.
fn rows(list: &Value) -> Vec<(chrono::NaiveDate, String)> {
    list.as_array()
        .expect("a list of holidays")
        .iter()
        .map(|row| {
            let day = row[0].as_str().expect("an ISO date");
            let name = row[1].as_str().expect("a name");
            (date(day), name.to_owned())
        })
        .collect()
}

/// Asserts that `calendar` has exactly the holidays of `expected`, names included, in every
/// year of [`YEARS`].
fn assert_matches(calendar: &impl HolidayCalendar, expected: &Value, label: &str) {
    let expected = rows(expected);
    for year in YEARS {
        let want: Vec<_> = expected
            .iter()
            .filter(|(d, _)| d.year() == year)
            .cloned()
            .collect();
        assert!(
            !want.is_empty(),
            "{label}: the fixture has no rows for {year}"
        );
        let got: Vec<_> = calendar
            .holidays_in_year(year)
            .into_iter()
            .map(|h| (h.date, h.name.to_owned()))
            .collect();
        assert_eq!(got, want, "{label} in {year}");
    }
}

#[test]
fn germany_nationwide_matches_the_published_dates() {
    let germany = fixture("germany.json");
    assert_matches(&Germany { state: None }, &germany["nationwide"], "Germany");
}

#[test]
fn every_land_matches_the_published_dates() {
    let germany = fixture("germany.json");
    let states = germany["states"].as_object().expect("states by code");
    assert_eq!(states.len(), 16, "the fixture covers every Land");
    for state in GermanState::ALL {
        let expected = &states[state.code()];
        assert_matches(&Germany { state: Some(state) }, expected, state.code());
    }
}

#[test]
fn austria_matches_the_published_dates() {
    assert_matches(&Austria, &fixture("austria.json")["nationwide"], "Austria");
}

#[test]
fn switzerland_matches_the_published_dates() {
    assert_matches(
        &Switzerland,
        &fixture("switzerland.json")["nationwide"],
        "Switzerland",
    );
}

#[test]
fn the_fixtures_name_their_deliberate_differences() {
    let germany = fixture("germany.json");
    let by = rows(&germany["states"]["BY"]);
    assert!(by.contains(&(date("2027-08-15"), "Mariä Himmelfahrt".to_owned())));
    assert!(germany["differences"][0]
        .as_str()
        .unwrap()
        .starts_with("BY:"));
    let swiss = rows(&fixture("switzerland.json")["nationwide"]);
    assert!(swiss.contains(&(date("2026-04-03"), "Karfreitag".to_owned())));
    assert!(!swiss.iter().any(|(_, name)| name == "Stephanstag"));
}

#[test]
fn land_holidays_count_only_in_their_land() {
    let fronleichnam = date("2026-06-04");
    assert!(Germany {
        state: Some(GermanState::Bayern)
    }
    .is_holiday(fronleichnam));
    assert!(!Germany {
        state: Some(GermanState::Berlin)
    }
    .is_holiday(fronleichnam));
    assert!(!Germany { state: None }.is_holiday(fronleichnam));
    let buss_und_bettag = date("2026-11-18");
    assert_eq!(
        Germany {
            state: Some(GermanState::Sachsen)
        }
        .holiday_name(buss_und_bettag),
        Some("Buß- und Bettag")
    );
    assert!(!Germany {
        state: Some(GermanState::Bayern)
    }
    .is_holiday(buss_und_bettag));
    assert!(Germany { state: None }.is_holiday(date("2026-10-03")));
}

#[test]
fn land_codes_round_trip_and_store_as_iso_codes() {
    for state in GermanState::ALL {
        assert_eq!(GermanState::from_code(state.code()), Some(state));
        let stored = serde_json::to_string(&state).unwrap();
        assert_eq!(stored, format!("\"{}\"", state.code()));
    }
    assert_eq!(GermanState::from_code("XX"), None);
}

#[test]
fn settings_choose_the_new_calendars() {
    let saxony = WorkCalendar::from_settings(&HolidaySettings {
        german_state: Some(GermanState::Sachsen),
        ..Default::default()
    });
    assert!(
        !saxony.is_working_day(date("2026-10-03")),
        "a Land implies Germany"
    );
    assert!(!saxony.is_working_day(date("2026-11-18")));
    let dach = WorkCalendar::from_settings(&HolidaySettings {
        germany: true,
        austria: true,
        switzerland: true,
        ..Default::default()
    });
    assert_eq!(dach.calendar_names().count(), 3);
    assert!(
        !dach.is_working_day(date("2026-10-26")),
        "Austria's Nationalfeiertag"
    );
    assert!(!dach.is_working_day(date("2026-04-06")), "Ostermontag");
    assert!(
        dach.is_working_day(date("2026-11-18")),
        "Buß- und Bettag is Saxony's only"
    );
}

#[test]
fn older_settings_read_without_the_new_calendars() {
    let older: HolidaySettings =
        serde_json::from_str(r#"{"usFederal":true,"englandWales":false,"own":["2026-03-09"]}"#)
            .unwrap();
    assert_eq!(
        older,
        HolidaySettings {
            us_federal: true,
            own: vec![date("2026-03-09")],
            ..Default::default()
        }
    );
    let stored: HolidaySettings =
        serde_json::from_str(r#"{"germany":true,"germanState":"BY"}"#).unwrap();
    assert_eq!(stored.german_state, Some(GermanState::Bayern));
}

#[test]
fn the_new_calendars_keep_the_calendar_invariants() {
    check_calendar(Germany { state: None }, 2024..=2031, false);
    for state in GermanState::ALL {
        check_calendar(Germany { state: Some(state) }, 2025..=2026, false);
    }
    check_calendar(Austria, 2024..=2031, false);
    check_calendar(Switzerland, 2024..=2031, false);
}
