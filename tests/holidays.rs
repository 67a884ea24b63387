//! Holiday calendars checked against the published dates, invariants every calendar must
//! keep, and working-day arithmetic.

use std::ops::RangeInclusive;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use followup::core::calendar::*;
use followup::core::model::HolidaySettings;
use proptest::prelude::*;

#[path = "holidays/dach.rs"]
mod dach;

fn date(text: &str) -> NaiveDate {
    text.parse().expect("test tables hold ISO dates")
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("test dates exist")
}

/// United States federal holidays on their observed dates, as published by the Office of
/// Personnel Management.
const US_FEDERAL: &[(&str, &str)] = &[
    ("2020-01-01", "New Year's Day"),
    ("2020-01-20", "Birthday of Martin Luther King, Jr."),
    ("2020-02-17", "Washington's Birthday"),
    ("2020-05-25", "Memorial Day"),
    ("2020-07-03", "Independence Day (observed)"),
    ("2020-09-07", "Labor Day"),
    ("2020-10-12", "Columbus Day"),
    ("2020-11-11", "Veterans Day"),
    ("2020-11-26", "Thanksgiving Day"),
    ("2020-12-25", "Christmas Day"),
    //
    ("2021-01-01", "New Year's Day"),
    ("2021-01-18", "Birthday of Martin Luther King, Jr."),
    ("2021-02-15", "Washington's Birthday"),
    ("2021-05-31", "Memorial Day"),
    (
        "2021-06-18",
        "Juneteenth National Independence Day (observed)",
    ),
    ("2021-07-05", "Independence Day (observed)"),
    ("2021-09-06", "Labor Day"),
    ("2021-10-11", "Columbus Day"),
    ("2021-11-11", "Veterans Day"),
    ("2021-11-25", "Thanksgiving Day"),
    ("2021-12-24", "Christmas Day (observed)"),
    ("2021-12-31", "New Year's Day (observed)"),
    //
    ("2024-01-01", "New Year's Day"),
    ("2024-01-15", "Birthday of Martin Luther King, Jr."),
    ("2024-02-19", "Washington's Birthday"),
    ("2024-05-27", "Memorial Day"),
    ("2024-06-19", "Juneteenth National Independence Day"),
    ("2024-07-04", "Independence Day"),
    ("2024-09-02", "Labor Day"),
    ("2024-10-14", "Columbus Day"),
    ("2024-11-11", "Veterans Day"),
    ("2024-11-28", "Thanksgiving Day"),
    ("2024-12-25", "Christmas Day"),
    //
    ("2025-01-01", "New Year's Day"),
    ("2025-01-20", "Birthday of Martin Luther King, Jr."),
    ("2025-02-17", "Washington's Birthday"),
    ("2025-05-26", "Memorial Day"),
    ("2025-06-19", "Juneteenth National Independence Day"),
    ("2025-07-04", "Independence Day"),
    ("2025-09-01", "Labor Day"),
    ("2025-10-13", "Columbus Day"),
    ("2025-11-11", "Veterans Day"),
    ("2025-11-27", "Thanksgiving Day"),
    ("2025-12-25", "Christmas Day"),
    //
    ("2026-01-01", "New Year's Day"),
    ("2026-01-19", "Birthday of Martin Luther King, Jr."),
    ("2026-02-16", "Washington's Birthday"),
    ("2026-05-25", "Memorial Day"),
    ("2026-06-19", "Juneteenth National Independence Day"),
    ("2026-07-03", "Independence Day (observed)"),
    ("2026-09-07", "Labor Day"),
    ("2026-10-12", "Columbus Day"),
    ("2026-11-11", "Veterans Day"),
    ("2026-11-26", "Thanksgiving Day"),
    ("2026-12-25", "Christmas Day"),
    //
    ("2027-01-01", "New Year's Day"),
    ("2027-01-18", "Birthday of Martin Luther King, Jr."),
    ("2027-02-15", "Washington's Birthday"),
    ("2027-05-31", "Memorial Day"),
    (
        "2027-06-18",
        "Juneteenth National Independence Day (observed)",
    ),
    ("2027-07-05", "Independence Day (observed)"),
    ("2027-09-06", "Labor Day"),
    ("2027-10-11", "Columbus Day"),
    ("2027-11-11", "Veterans Day"),
    ("2027-11-25", "Thanksgiving Day"),
    ("2027-12-24", "Christmas Day (observed)"),
    ("2027-12-31", "New Year's Day (observed)"),
    // 1 January 2028 is a Saturday, observed on 31 December 2027.
    ("2028-01-17", "Birthday of Martin Luther King, Jr."),
    ("2028-02-21", "Washington's Birthday"),
    ("2028-05-29", "Memorial Day"),
    ("2028-06-19", "Juneteenth National Independence Day"),
    ("2028-07-04", "Independence Day"),
    ("2028-09-04", "Labor Day"),
    ("2028-10-09", "Columbus Day"),
    ("2028-11-10", "Veterans Day (observed)"),
    ("2028-11-23", "Thanksgiving Day"),
    ("2028-12-25", "Christmas Day"),
    //
    ("2029-01-01", "New Year's Day"),
    ("2029-01-15", "Birthday of Martin Luther King, Jr."),
    ("2029-02-19", "Washington's Birthday"),
    ("2029-05-28", "Memorial Day"),
    ("2029-06-19", "Juneteenth National Independence Day"),
    ("2029-07-04", "Independence Day"),
    ("2029-09-03", "Labor Day"),
    ("2029-10-08", "Columbus Day"),
    ("2029-11-12", "Veterans Day (observed)"),
    ("2029-11-22", "Thanksgiving Day"),
    ("2029-12-25", "Christmas Day"),
    //
    ("2030-01-01", "New Year's Day"),
    ("2030-01-21", "Birthday of Martin Luther King, Jr."),
    ("2030-02-18", "Washington's Birthday"),
    ("2030-05-27", "Memorial Day"),
    ("2030-06-19", "Juneteenth National Independence Day"),
    ("2030-07-04", "Independence Day"),
    ("2030-09-02", "Labor Day"),
    ("2030-10-14", "Columbus Day"),
    ("2030-11-11", "Veterans Day"),
    ("2030-11-28", "Thanksgiving Day"),
    ("2030-12-25", "Christmas Day"),
];

/// Bank holidays of England and Wales as published on gov.uk.
const ENGLAND_WALES: &[(&str, &str)] = &[
    ("2020-01-01", "New Year's Day"),
    ("2020-04-10", "Good Friday"),
    ("2020-04-13", "Easter Monday"),
    ("2020-05-08", "Early May bank holiday (VE day)"),
    ("2020-05-25", "Spring bank holiday"),
    ("2020-08-31", "Summer bank holiday"),
    ("2020-12-25", "Christmas Day"),
    ("2020-12-28", "Boxing Day (substitute day)"),
    //
    ("2021-01-01", "New Year's Day"),
    ("2021-04-02", "Good Friday"),
    ("2021-04-05", "Easter Monday"),
    ("2021-05-03", "Early May bank holiday"),
    ("2021-05-31", "Spring bank holiday"),
    ("2021-08-30", "Summer bank holiday"),
    ("2021-12-27", "Christmas Day (substitute day)"),
    ("2021-12-28", "Boxing Day (substitute day)"),
    //
    ("2022-01-03", "New Year's Day (substitute day)"),
    ("2022-04-15", "Good Friday"),
    ("2022-04-18", "Easter Monday"),
    ("2022-05-02", "Early May bank holiday"),
    ("2022-06-02", "Spring bank holiday"),
    ("2022-06-03", "Platinum Jubilee bank holiday"),
    ("2022-08-29", "Summer bank holiday"),
    (
        "2022-09-19",
        "Bank holiday for the State Funeral of Queen Elizabeth II",
    ),
    ("2022-12-26", "Boxing Day"),
    ("2022-12-27", "Christmas Day (substitute day)"),
    //
    ("2023-01-02", "New Year's Day (substitute day)"),
    ("2023-04-07", "Good Friday"),
    ("2023-04-10", "Easter Monday"),
    ("2023-05-01", "Early May bank holiday"),
    (
        "2023-05-08",
        "Bank holiday for the coronation of King Charles III",
    ),
    ("2023-05-29", "Spring bank holiday"),
    ("2023-08-28", "Summer bank holiday"),
    ("2023-12-25", "Christmas Day"),
    ("2023-12-26", "Boxing Day"),
    //
    ("2024-01-01", "New Year's Day"),
    ("2024-03-29", "Good Friday"),
    ("2024-04-01", "Easter Monday"),
    ("2024-05-06", "Early May bank holiday"),
    ("2024-05-27", "Spring bank holiday"),
    ("2024-08-26", "Summer bank holiday"),
    ("2024-12-25", "Christmas Day"),
    ("2024-12-26", "Boxing Day"),
    //
    ("2025-01-01", "New Year's Day"),
    ("2025-04-18", "Good Friday"),
    ("2025-04-21", "Easter Monday"),
    ("2025-05-05", "Early May bank holiday"),
    ("2025-05-26", "Spring bank holiday"),
    ("2025-08-25", "Summer bank holiday"),
    ("2025-12-25", "Christmas Day"),
    ("2025-12-26", "Boxing Day"),
    //
    ("2026-01-01", "New Year's Day"),
    ("2026-04-03", "Good Friday"),
    ("2026-04-06", "Easter Monday"),
    ("2026-05-04", "Early May bank holiday"),
    ("2026-05-25", "Spring bank holiday"),
    ("2026-08-31", "Summer bank holiday"),
    ("2026-12-25", "Christmas Day"),
    ("2026-12-28", "Boxing Day (substitute day)"),
    //
    ("2027-01-01", "New Year's Day"),
    ("2027-03-26", "Good Friday"),
    ("2027-03-29", "Easter Monday"),
    ("2027-05-03", "Early May bank holiday"),
    ("2027-05-31", "Spring bank holiday"),
    ("2027-08-30", "Summer bank holiday"),
    ("2027-12-27", "Christmas Day (substitute day)"),
    ("2027-12-28", "Boxing Day (substitute day)"),
    //
    ("2028-01-03", "New Year's Day (substitute day)"),
    ("2028-04-14", "Good Friday"),
    ("2028-04-17", "Easter Monday"),
    ("2028-05-01", "Early May bank holiday"),
    ("2028-05-29", "Spring bank holiday"),
    ("2028-08-28", "Summer bank holiday"),
    ("2028-12-25", "Christmas Day"),
    ("2028-12-26", "Boxing Day"),
    //
    ("2029-01-01", "New Year's Day"),
    ("2029-03-30", "Good Friday"),
    ("2029-04-02", "Easter Monday"),
    ("2029-05-07", "Early May bank holiday"),
    ("2029-05-28", "Spring bank holiday"),
    ("2029-08-27", "Summer bank holiday"),
    ("2029-12-25", "Christmas Day"),
    ("2029-12-26", "Boxing Day"),
    //
    ("2030-01-01", "New Year's Day"),
    ("2030-04-19", "Good Friday"),
    ("2030-04-22", "Easter Monday"),
    ("2030-05-06", "Early May bank holiday"),
    ("2030-05-27", "Spring bank holiday"),
    ("2030-08-26", "Summer bank holiday"),
    ("2030-12-25", "Christmas Day"),
    ("2030-12-26", "Boxing Day"),
];

/// Asserts that `calendar` has exactly the holidays of `table` in each of `years`.
fn assert_matches_table(
    calendar: &impl HolidayCalendar,
    table: &[(&str, &'static str)],
    years: impl IntoIterator<Item = i32>,
) {
    for year in years {
        let expected: Vec<Holiday> = table
            .iter()
            .map(|&(day, name)| Holiday {
                date: date(day),
                name,
            })
            .filter(|h| h.date.year() == year)
            .collect();
        assert!(!expected.is_empty(), "the table has no rows for {year}");
        assert_eq!(
            calendar.holidays_in_year(year),
            expected,
            "{} in {year}",
            calendar.name()
        );
    }
}

#[test]
fn us_federal_matches_the_published_dates() {
    assert_matches_table(&UsFederal, US_FEDERAL, [2020, 2021]);
    assert_matches_table(&UsFederal, US_FEDERAL, 2024..=2030);
}

#[test]
fn england_wales_matches_the_published_dates() {
    assert_matches_table(&EnglandWales, ENGLAND_WALES, 2020..=2030);
}

#[test]
fn us_federal_observes_new_years_day_in_the_previous_year() {
    assert!(UsFederal.is_holiday(date("2027-12-31")));
    assert!(!UsFederal.is_holiday(date("2028-01-01")));
    assert!(!UsFederal.is_holiday(date("2028-01-03")));
    assert_eq!(
        UsFederal.holiday_name(date("2021-12-31")),
        Some("New Year's Day (observed)")
    );
    assert_eq!(UsFederal.holidays_in_year(2022).len(), 10);
}

#[test]
fn juneteenth_counts_from_2021() {
    assert!(!UsFederal.is_holiday(date("2020-06-19")));
    assert!(UsFederal.is_holiday(date("2021-06-18")));
}

#[test]
fn england_wales_one_offs_replace_the_regular_day() {
    // The 2022 Spring bank holiday moved from Monday 30 May to Thursday 2 June.
    assert!(!EnglandWales.is_holiday(date("2022-05-30")));
    assert!(!EnglandWales.is_holiday(date("2020-05-04")));
    assert!(!EnglandWales.is_holiday(date("2012-05-28")));
    let diamond_jubilee_year = [
        "2012-01-02",
        "2012-04-06",
        "2012-04-09",
        "2012-05-07",
        "2012-06-04",
        "2012-06-05",
        "2012-08-27",
        "2012-12-25",
        "2012-12-26",
    ];
    assert_eq!(
        dates_of(EnglandWales.holidays_in_year(2012)),
        diamond_jubilee_year.map(date)
    );
}

#[test]
fn easter_sunday_2024_to_2030() {
    let expected = [
        "2024-03-31",
        "2025-04-20",
        "2026-04-05",
        "2027-03-28",
        "2028-04-16",
        "2029-04-01",
        "2030-04-21",
    ];
    for (year, day) in (2024..).zip(expected) {
        assert_eq!(easter_sunday(year), Some(date(day)), "Easter {year}");
    }
}

#[test]
fn easter_sunday_at_its_earliest_and_latest() {
    assert_eq!(easter_sunday(1818), Some(date("1818-03-22")));
    assert_eq!(easter_sunday(2285), Some(date("2285-03-22")));
    assert_eq!(easter_sunday(1943), Some(date("1943-04-25")));
    assert_eq!(easter_sunday(2038), Some(date("2038-04-25")));
}

#[test]
fn easter_sunday_is_a_sunday_between_22_march_and_25_april() {
    for year in 1583..=4100 {
        let easter = easter_sunday(year).expect("representable year");
        assert_eq!(easter.weekday(), Weekday::Sun, "{easter}");
        assert!(
            (ymd(year, 3, 22)..=ymd(year, 4, 25)).contains(&easter),
            "{easter}"
        );
    }
}

// Reference calendars built year by year from the rules, a different route from the
// per-date checks of the library.

fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u8) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n).expect("exists")
}

fn last_weekday(year: i32, month: u32, weekday: Weekday) -> NaiveDate {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, 5)
        .unwrap_or_else(|| nth_weekday(year, month, weekday, 4))
}

fn us_reference(year: i32) -> Vec<NaiveDate> {
    let observed = |d: NaiveDate| match d.weekday() {
        Weekday::Sat => d.pred_opt().expect("in range"),
        Weekday::Sun => d.succ_opt().expect("in range"),
        _ => d,
    };
    let mut days = vec![
        nth_weekday(year, 1, Weekday::Mon, 3),
        nth_weekday(year, 2, Weekday::Mon, 3),
        last_weekday(year, 5, Weekday::Mon),
        nth_weekday(year, 9, Weekday::Mon, 1),
        nth_weekday(year, 10, Weekday::Mon, 2),
        nth_weekday(year, 11, Weekday::Thu, 4),
    ];
    for y in [year, year + 1] {
        let mut fixed = vec![ymd(y, 1, 1), ymd(y, 7, 4), ymd(y, 11, 11), ymd(y, 12, 25)];
        if y >= 2021 {
            fixed.push(ymd(y, 6, 19));
        }
        days.extend(fixed.into_iter().map(observed).filter(|d| d.year() == year));
    }
    days.sort();
    days
}

fn england_wales_reference(year: i32) -> Vec<NaiveDate> {
    let monday_on_or_after = |d: NaiveDate| {
        let mut d = d;
        while d.weekday() != Weekday::Mon {
            d = d.succ_opt().expect("in range");
        }
        d
    };
    let easter = easter_sunday(year).expect("representable year");
    let new_year = ymd(year, 1, 1);
    let mut days = vec![
        if matches!(new_year.weekday(), Weekday::Sat | Weekday::Sun) {
            monday_on_or_after(new_year)
        } else {
            new_year
        },
        easter - Days::new(2),
        easter + Days::new(1),
        nth_weekday(year, 5, Weekday::Mon, 1),
        last_weekday(year, 5, Weekday::Mon),
        last_weekday(year, 8, Weekday::Mon),
    ];
    // Christmas Day and Boxing Day each take the first free weekday from their date on.
    for d in [ymd(year, 12, 25), ymd(year, 12, 26)] {
        let mut day = d;
        while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) || days.contains(&day) {
            day = day.succ_opt().expect("in range");
        }
        days.push(day);
    }
    days.sort();
    days
}

fn dates_of(holidays: Vec<Holiday>) -> Vec<NaiveDate> {
    holidays.into_iter().map(|h| h.date).collect()
}

#[test]
fn us_federal_agrees_with_a_year_by_year_construction() {
    for year in 1986..=2400 {
        assert_eq!(
            dates_of(UsFederal.holidays_in_year(year)),
            us_reference(year),
            "{year}"
        );
    }
}

#[test]
fn england_wales_agrees_with_a_year_by_year_construction() {
    let years_with_one_offs = [1995, 1999, 2002, 2011, 2012, 2020, 2022, 2023];
    for year in (1978..=2400).filter(|y| !years_with_one_offs.contains(y)) {
        assert_eq!(
            dates_of(EnglandWales.holidays_in_year(year)),
            england_wales_reference(year),
            "{year}"
        );
    }
}

/// Checks what every calendar must keep, for `years`: the yearly list agrees with the
/// per-date answers, and working-day arithmetic over it is exact.
fn check_calendar<C>(calendar: C, years: RangeInclusive<i32>, weekdays_only: bool)
where
    C: HolidayCalendar + Send + Sync + 'static,
{
    for year in years.clone() {
        let holidays = calendar.holidays_in_year(year);
        assert!(
            holidays.windows(2).all(|w| w[0].date < w[1].date),
            "{}: {year} not in order or repeated",
            calendar.name()
        );
        for holiday in &holidays {
            assert_eq!(holiday.date.year(), year);
            assert!(calendar.is_holiday(holiday.date));
            assert_eq!(calendar.holiday_name(holiday.date), Some(holiday.name));
            if weekdays_only {
                assert!(
                    !is_weekend(holiday.date),
                    "{}: {} {} on a weekend",
                    calendar.name(),
                    holiday.date,
                    holiday.name
                );
            }
        }
        let every_day = ymd(year, 1, 1).iter_days().take_while(|d| d.year() == year);
        assert_eq!(
            every_day.filter(|&d| calendar.is_holiday(d)).count(),
            holidays.len(),
            "{}: {year}",
            calendar.name()
        );
    }

    let work = WorkCalendar::weekends_only().with_calendar(calendar);
    let start = ymd(*years.start(), 1, 1);
    let end = ymd(*years.end(), 12, 31);
    for day in start.iter_days().take_while(|d| *d <= end) {
        let next = work.on_or_next_working_day(day);
        assert!(work.is_working_day(next));
        assert!(day
            .iter_days()
            .take_while(|d| *d < next)
            .all(|d| !work.is_working_day(d)));
        for n in [0, 1, 2, 5, 10] {
            let later = work.add_working_days(day, n);
            if n == 0 {
                assert_eq!(later, day);
                continue;
            }
            assert!(work.is_working_day(later), "{day} + {n} wd = {later}");
            let skipped = day
                .iter_days()
                .skip(1)
                .take_while(|d| *d <= later)
                .filter(|&d| work.is_working_day(d))
                .count();
            assert_eq!(skipped, n as usize, "{day} + {n} wd = {later}");
        }
    }
}

#[test]
fn us_federal_keeps_the_calendar_invariants() {
    check_calendar(UsFederal, 2020..=2031, true);
}

#[test]
fn england_wales_keeps_the_calendar_invariants() {
    check_calendar(EnglandWales, 2020..=2031, true);
}

#[test]
fn own_holidays_keep_the_calendar_invariants() {
    let own = OwnHolidays(vec![
        date("2026-03-09"),
        date("2026-03-07"), // a Saturday
        date("2026-03-09"),
        date("2026-08-10"),
    ]);
    check_calendar(own, 2025..=2027, false);
}

#[test]
fn combined_calendar_keeps_the_calendar_invariants() {
    let settings = HolidaySettings {
        us_federal: true,
        england_wales: true,
        own: vec![date("2026-12-29"), date("2027-01-02")],
        ..Default::default()
    };
    check_calendar(WorkCalendar::from_settings(&settings), 2024..=2030, false);
}

#[test]
fn from_settings_combines_weekends_built_in_calendars_and_own_days() {
    let none = WorkCalendar::from_settings(&HolidaySettings::default());
    assert_eq!(none.calendar_names().count(), 0);
    assert!(none.is_working_day(date("2026-12-25")));
    assert!(!none.is_working_day(date("2026-12-26")));

    let all = WorkCalendar::from_settings(&HolidaySettings {
        us_federal: true,
        england_wales: true,
        own: vec![date("2026-03-10")],
        ..Default::default()
    });
    assert_eq!(
        all.calendar_names().collect::<Vec<_>>(),
        [
            "United States federal holidays",
            "England and Wales bank holidays",
            "Your days off"
        ]
    );
    assert!(!all.is_working_day(date("2026-07-03")));
    assert!(!all.is_working_day(date("2026-08-31")));
    assert!(!all.is_working_day(date("2026-03-10")));
    assert!(all.is_working_day(date("2026-03-11")));
    assert_eq!(all.holiday_name(date("2026-12-25")), Some("Christmas Day"));
    assert_eq!(all.holiday_name(date("2026-03-10")), Some("Day off"));

    let year = all.holidays_in_year(2026);
    // 11 US + 8 England and Wales + 1 own, less the 3 shared days: 1 January, Memorial Day
    // on the Spring bank holiday (25 May) and 25 December.
    assert_eq!(year.len(), 17);
    assert_eq!(all.holiday_name(date("2026-05-25")), Some("Memorial Day"));
    assert!(year.windows(2).all(|w| w[0].date < w[1].date));
}

#[test]
fn add_working_days_skips_weekends() {
    let work = WorkCalendar::weekends_only();
    let friday = date("2026-03-06");
    assert_eq!(work.add_working_days(friday, 0), friday);
    assert_eq!(work.add_working_days(friday, 1), date("2026-03-09"));
    assert_eq!(work.add_working_days(friday, 5), date("2026-03-13"));
    let saturday = date("2026-03-07");
    assert_eq!(work.add_working_days(saturday, 0), saturday);
    assert_eq!(work.add_working_days(saturday, 1), date("2026-03-09"));
    assert_eq!(work.on_or_next_working_day(saturday), date("2026-03-09"));
    assert_eq!(work.on_or_next_working_day(friday), friday);
}

#[test]
fn add_working_days_skips_holidays() {
    let us = WorkCalendar::weekends_only().with_calendar(UsFederal);
    let england = WorkCalendar::weekends_only().with_calendar(EnglandWales);
    let both = WorkCalendar::from_settings(&HolidaySettings {
        us_federal: true,
        england_wales: true,
        own: Vec::new(),
        ..Default::default()
    });
    let cases: [(&WorkCalendar, &str, u32, &str); 9] = [
        // Friday 25 December, then the weekend.
        (&us, "2026-12-24", 1, "2026-12-28"),
        // Friday 25, then Monday 28 is the Boxing Day substitute.
        (&england, "2026-12-24", 1, "2026-12-29"),
        // Friday 24 and Friday 31 December 2027 are observed holidays.
        (&us, "2027-12-23", 1, "2027-12-27"),
        (&us, "2027-12-23", 5, "2028-01-03"),
        // Monday 3 January 2028 is the New Year's Day substitute.
        (&england, "2027-12-30", 2, "2028-01-04"),
        (&both, "2027-12-23", 1, "2027-12-29"),
        // Easter 2026: Good Friday 3 April and Easter Monday 6 April.
        (&england, "2026-04-02", 1, "2026-04-07"),
        // Thursday 26 November 2026 is Thanksgiving.
        (&us, "2026-11-25", 1, "2026-11-27"),
        (&both, "2026-07-02", 1, "2026-07-06"),
    ];
    for (calendar, from, n, expected) in cases {
        assert_eq!(
            calendar.add_working_days(date(from), n),
            date(expected),
            "{from} + {n} wd with {calendar:?}"
        );
    }
    assert_eq!(
        us.on_or_next_working_day(date("2026-07-04")),
        date("2026-07-06")
    );
    assert_eq!(
        england.on_or_next_working_day(date("2026-12-26")),
        date("2026-12-29")
    );
}

#[test]
fn own_days_off_count_as_holidays() {
    let work = WorkCalendar::weekends_only().with_calendar(OwnHolidays(vec![date("2026-03-09")]));
    assert_eq!(
        work.add_working_days(date("2026-03-06"), 1),
        date("2026-03-10")
    );
}

#[test]
fn date_arithmetic_saturates_at_the_end_of_the_range() {
    let work = WorkCalendar::from_settings(&HolidaySettings {
        us_federal: true,
        england_wales: true,
        own: vec![NaiveDate::MAX],
        ..Default::default()
    });
    let near_end = NaiveDate::MAX - Days::new(3);
    assert_eq!(work.add_working_days(near_end, 10), NaiveDate::MAX);
    assert_eq!(work.on_or_next_working_day(NaiveDate::MAX), NaiveDate::MAX);
    assert_eq!(next_day(NaiveDate::MAX), NaiveDate::MAX);
    assert_eq!(add_days(NaiveDate::MAX - Days::new(1), 5), NaiveDate::MAX);
    assert_eq!(add_days(date("2026-03-06"), 3), date("2026-03-09"));
    for edge in [NaiveDate::MIN, NaiveDate::MAX] {
        for calendar in [&UsFederal as &dyn HolidayCalendar, &EnglandWales, &work] {
            calendar.is_holiday(edge);
            calendar.holidays_in_year(edge.year());
        }
        assert!(easter_sunday(edge.year()).is_some());
    }
    assert!(UsFederal.holidays_in_year(i32::MAX).is_empty());
    assert!(EnglandWales.holidays_in_year(i32::MIN).is_empty());
    assert_eq!(easter_sunday(i32::MAX), None);
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::MIN.num_days_from_ce();
    let last = NaiveDate::MAX.num_days_from_ce();
    (first..=last).prop_map(|days| {
        NaiveDate::from_num_days_from_ce_opt(days).expect("inside the representable range")
    })
}

proptest! {
    #[test]
    fn working_day_arithmetic_never_panics_and_lands_on_a_working_day(
        day in any_date(),
        n in 0u32..40,
    ) {
        let work = WorkCalendar::from_settings(&HolidaySettings {
            us_federal: true,
            england_wales: true,
            own: vec![day],
            ..Default::default()
        });
        let later = work.add_working_days(day, n);
        prop_assert!(later >= day);
        prop_assert!(later == NaiveDate::MAX || n == 0 || work.is_working_day(later));
        let next = work.on_or_next_working_day(day);
        // `day` is a day off, so the next working day is strictly later.
        prop_assert!(next > day || next == NaiveDate::MAX);
        prop_assert!(next == NaiveDate::MAX || work.is_working_day(next));
        prop_assert!(UsFederal.holidays_in_year(day.year()).len() <= 12);
        prop_assert!(EnglandWales.holidays_in_year(day.year()).len() <= 10);
    }
}
