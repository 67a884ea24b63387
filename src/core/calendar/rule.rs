//! Holidays written as rules: a fixed day of the year, a day counted from Easter Sunday or
//! the Wednesday before 23 November, each valid over a span of years. The calendars of
//! Germany, Austria and Switzerland are tables of these rules; none of them moves a holiday
//! that falls on a weekend.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::easter_sunday;

/// When in the year a holiday falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum When {
    /// The same month and day every year.
    Fixed(u32, u32),
    /// This many days after Easter Sunday (negative: before).
    Easter(i32),
    /// Buß- und Bettag: the Wednesday before 23 November.
    WednesdayBefore23November,
    /// One date only.
    Once(i32, u32, u32),
}

/// One holiday of a calendar.
#[derive(Debug, Clone, Copy)]
pub(super) struct Rule {
    pub when: When,
    pub name: &'static str,
    /// First year the holiday is kept.
    pub since: i32,
}

impl Rule {
    /// A holiday kept every year.
    pub const fn always(when: When, name: &'static str) -> Self {
        Rule {
            when,
            name,
            since: i32::MIN,
        }
    }

    /// A holiday kept from `since` on.
    pub const fn since(when: When, name: &'static str, since: i32) -> Self {
        Rule { when, name, since }
    }

    /// Whether the holiday falls on `date`.
    pub fn falls_on(&self, date: NaiveDate) -> bool {
        let year = date.year();
        if year < self.since {
            return false;
        }
        match self.when {
            When::Fixed(month, day) => date.month() == month && date.day() == day,
            When::Once(y, month, day) => year == y && date.month() == month && date.day() == day,
            When::Easter(offset) => {
                // Easter-based days fall between early February and late June.
                (2..=6).contains(&date.month()) && easter_offset(year, offset) == Some(date)
            }
            When::WednesdayBefore23November => {
                date.month() == 11
                    && (16..=22).contains(&date.day())
                    && date.weekday() == Weekday::Wed
            }
        }
    }
}

/// Easter Sunday of `year` moved by `offset` days.
fn easter_offset(year: i32, offset: i32) -> Option<NaiveDate> {
    let easter = easter_sunday(year)?;
    let days = Days::new(u64::from(offset.unsigned_abs()));
    if offset >= 0 {
        easter.checked_add_days(days)
    } else {
        easter.checked_sub_days(days)
    }
}

/// The name of the first rule of `rules` falling on `date`.
pub(super) fn first_match(rules: &[Rule], date: NaiveDate) -> Option<&'static str> {
    rules.iter().find(|r| r.falls_on(date)).map(|r| r.name)
}
