//! Public holidays of Austria (Feiertagsruhegesetz 1957), kept nationwide. A holiday falling
//! on a Sunday is not moved. Karfreitag stopped being a holiday in 2019; the patron saints'
//! days of the Länder are days off for schools and offices only and are left out.

use chrono::NaiveDate;

use super::rule::{first_match, Rule, When};
use super::HolidayCalendar;

/// Austrian public holidays.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Austria;

const HOLIDAYS: [Rule; 13] = [
    Rule::always(When::Fixed(1, 1), "Neujahr"),
    Rule::always(When::Fixed(1, 6), "Heilige Drei Könige"),
    Rule::always(When::Easter(1), "Ostermontag"),
    Rule::always(When::Fixed(5, 1), "Staatsfeiertag"),
    Rule::always(When::Easter(39), "Christi Himmelfahrt"),
    Rule::always(When::Easter(50), "Pfingstmontag"),
    Rule::always(When::Easter(60), "Fronleichnam"),
    Rule::always(When::Fixed(8, 15), "Mariä Himmelfahrt"),
    Rule::since(When::Fixed(10, 26), "Nationalfeiertag", 1967),
    Rule::always(When::Fixed(11, 1), "Allerheiligen"),
    Rule::always(When::Fixed(12, 8), "Mariä Empfängnis"),
    Rule::always(When::Fixed(12, 25), "Christtag"),
    Rule::always(When::Fixed(12, 26), "Stephanstag"),
];

impl HolidayCalendar for Austria {
    fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holiday_name(date).is_some()
    }

    fn name(&self) -> &'static str {
        "Feiertage in Österreich"
    }

    fn holiday_name(&self, date: NaiveDate) -> Option<&'static str> {
        first_match(&HOLIDAYS, date)
    }
}
