//! Public holidays of Germany: the nine kept nationwide, plus those of one Land.
//!
//! Holidays are set by each Land's law; the nationwide ones are those every Land keeps. A
//! holiday falling on a weekend is not moved. Two choices go beyond the letter of the law, in
//! the direction of not sending a follow-up while the employer is closed:
//! - Bavaria keeps Mariä Himmelfahrt (15 August): the law makes it a holiday in the
//!   predominantly Catholic municipalities, which are most of them, Munich included.
//! - Fronleichnam in parts of Saxony and Thuringia and the Augsburger Friedensfest are local
//!   to a few municipalities and are left out, as is every other municipal holiday.

use chrono::NaiveDate;

use super::rule::{first_match, Rule, When};
use super::HolidayCalendar;

pub use crate::core::model::GermanState;
use GermanState::*;

/// German public holidays: the nationwide ones, plus those of `state` when one is chosen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Germany {
    pub state: Option<GermanState>,
}

/// The holidays every Land keeps (the Tag der Deutschen Einheit by federal law, the others by
/// the laws of all sixteen Länder).
const NATIONWIDE: [Rule; 9] = [
    Rule::always(When::Fixed(1, 1), "Neujahr"),
    Rule::always(When::Easter(-2), "Karfreitag"),
    Rule::always(When::Easter(1), "Ostermontag"),
    Rule::always(When::Fixed(5, 1), "Erster Mai"),
    Rule::always(When::Easter(39), "Christi Himmelfahrt"),
    Rule::always(When::Easter(50), "Pfingstmontag"),
    Rule::since(When::Fixed(10, 3), "Tag der Deutschen Einheit", 1990),
    Rule::always(When::Fixed(12, 25), "Erster Weihnachtstag"),
    Rule::always(When::Fixed(12, 26), "Zweiter Weihnachtstag"),
];

/// A holiday some Länder keep, including the one-off days a Land declares by law.
struct Regional {
    rule: Rule,
    states: &'static [GermanState],
}

const REGIONAL: [Regional; 14] = [
    Regional {
        rule: Rule::always(When::Fixed(1, 6), "Heilige Drei Könige"),
        states: &[BadenWuerttemberg, Bayern, SachsenAnhalt],
    },
    Regional {
        rule: Rule::since(When::Fixed(3, 8), "Frauentag", 2019),
        states: &[Berlin],
    },
    Regional {
        rule: Rule::since(When::Fixed(3, 8), "Frauentag", 2023),
        states: &[MecklenburgVorpommern],
    },
    Regional {
        rule: Rule::always(When::Easter(0), "Ostersonntag"),
        states: &[Brandenburg],
    },
    Regional {
        rule: Rule::always(
            When::Once(2025, 5, 8),
            "80. Jahrestag der Befreiung vom Nationalsozialismus und der Beendigung des Zweiten Weltkriegs in Europa",
        ),
        states: &[Berlin],
    },
    Regional {
        rule: Rule::always(When::Easter(49), "Pfingstsonntag"),
        states: &[Brandenburg],
    },
    Regional {
        rule: Rule::always(When::Easter(60), "Fronleichnam"),
        states: &[
            BadenWuerttemberg,
            Bayern,
            Hessen,
            NordrheinWestfalen,
            RheinlandPfalz,
            Saarland,
        ],
    },
    Regional {
        rule: Rule::always(When::Fixed(8, 15), "Mariä Himmelfahrt"),
        states: &[Bayern, Saarland],
    },
    Regional {
        rule: Rule::always(
            When::Once(2028, 6, 17),
            "75. Jahrestag des Aufstandes vom 17. Juni 1953",
        ),
        states: &[Berlin],
    },
    Regional {
        rule: Rule::since(When::Fixed(9, 20), "Weltkindertag", 2019),
        states: &[Thueringen],
    },
    Regional {
        rule: Rule::always(When::Fixed(10, 31), "Reformationstag"),
        states: &[
            Brandenburg,
            MecklenburgVorpommern,
            Sachsen,
            SachsenAnhalt,
            Thueringen,
        ],
    },
    Regional {
        rule: Rule::since(When::Fixed(10, 31), "Reformationstag", 2018),
        states: &[Bremen, Hamburg, Niedersachsen, SchleswigHolstein],
    },
    Regional {
        rule: Rule::always(When::Fixed(11, 1), "Allerheiligen"),
        states: &[
            BadenWuerttemberg,
            Bayern,
            NordrheinWestfalen,
            RheinlandPfalz,
            Saarland,
        ],
    },
    Regional {
        rule: Rule::always(When::WednesdayBefore23November, "Buß- und Bettag"),
        states: &[Sachsen],
    },
];

impl HolidayCalendar for Germany {
    fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holiday_name(date).is_some()
    }

    fn name(&self) -> &'static str {
        match self.state {
            None => "Feiertage in Deutschland",
            Some(state) => state.name(),
        }
    }

    fn holiday_name(&self, date: NaiveDate) -> Option<&'static str> {
        first_match(&NATIONWIDE, date).or_else(|| {
            let state = self.state?;
            REGIONAL
                .iter()
                .find(|r| r.states.contains(&state) && r.rule.falls_on(date))
                .map(|r| r.rule.name)
        })
    }
}
