//! Public holidays of Switzerland that nearly every canton keeps.
//!
//! Federal law makes only the Bundesfeier (1 August) a holiday and lets the cantons set the
//! rest (up to eight more). A Swiss calendar of the federal day alone would plan follow-ups on
//! Karfreitag or Pfingstmontag, when offices almost everywhere are closed, so this calendar
//! holds the days that at least two thirds of the twenty-six cantons (18) make holidays by law:
//! Neujahrstag, Karfreitag, Ostermontag, Auffahrt, Pfingstmontag, the Nationalfeiertag
//! (Bundesfeier) and Weihnachten. Days kept by fewer cantons (Stephanstag, Berchtoldstag,
//! Fronleichnam...) are left to the user's own days off or an imported cantonal calendar.

use chrono::NaiveDate;

use super::rule::{first_match, Rule, When};
use super::HolidayCalendar;

/// Swiss public holidays kept in (nearly) every canton.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Switzerland;

const HOLIDAYS: [Rule; 7] = [
    Rule::always(When::Fixed(1, 1), "Neujahrstag"),
    Rule::always(When::Easter(-2), "Karfreitag"),
    Rule::always(When::Easter(1), "Ostermontag"),
    Rule::always(When::Easter(39), "Auffahrt"),
    Rule::always(When::Easter(50), "Pfingstmontag"),
    Rule::since(When::Fixed(8, 1), "Nationalfeiertag", 1994),
    Rule::always(When::Fixed(12, 25), "Weihnachten"),
];

impl HolidayCalendar for Switzerland {
    fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holiday_name(date).is_some()
    }

    fn name(&self) -> &'static str {
        "Feiertage in der Schweiz"
    }

    fn holiday_name(&self, date: NaiveDate) -> Option<&'static str> {
        first_match(&HOLIDAYS, date)
    }
}
