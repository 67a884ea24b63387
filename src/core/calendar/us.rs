//! United States federal holidays (5 U.S.C. 6103) as observed by federal employees.
//!
//! Fixed-date holidays falling on a Saturday are observed the Friday before and those
//! falling on a Sunday the Monday after, so New Year's Day on a Saturday is observed on
//! 31 December of the previous year. Juneteenth counts from 2021 and Martin Luther King Jr.
//! Day from 1986; older changes to the list are not modelled. Days off granted one at a time
//! by executive order are not included.

use chrono::{Datelike, NaiveDate, Weekday};

use super::{is_last_of_month, week_of_month, HolidayCalendar};

/// The eleven United States federal holidays, on their observed dates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UsFederal;

/// A holiday on the same month and day every year.
struct FixedDate {
    month: u32,
    day: u32,
    name: &'static str,
    /// The name when the holiday is observed on a neighbouring weekday.
    observed_name: &'static str,
    /// First year the holiday exists.
    since: i32,
}

/// Which occurrence of a weekday in its month.
enum Occurrence {
    Nth(u32),
    Last,
}

/// A holiday on a given weekday of a month, e.g. the fourth Thursday of November.
struct WeekdayOfMonth {
    month: u32,
    weekday: Weekday,
    occurrence: Occurrence,
    name: &'static str,
    since: i32,
}

const FIXED_DATES: [FixedDate; 5] = [
    FixedDate {
        month: 1,
        day: 1,
        name: "New Year's Day",
        observed_name: "New Year's Day (observed)",
        since: i32::MIN,
    },
    FixedDate {
        month: 6,
        day: 19,
        name: "Juneteenth National Independence Day",
        observed_name: "Juneteenth National Independence Day (observed)",
        since: 2021,
    },
    FixedDate {
        month: 7,
        day: 4,
        name: "Independence Day",
        observed_name: "Independence Day (observed)",
        since: i32::MIN,
    },
    FixedDate {
        month: 11,
        day: 11,
        name: "Veterans Day",
        observed_name: "Veterans Day (observed)",
        since: i32::MIN,
    },
    FixedDate {
        month: 12,
        day: 25,
        name: "Christmas Day",
        observed_name: "Christmas Day (observed)",
        since: i32::MIN,
    },
];

const WEEKDAYS_OF_MONTH: [WeekdayOfMonth; 6] = [
    WeekdayOfMonth {
        month: 1,
        weekday: Weekday::Mon,
        occurrence: Occurrence::Nth(3),
        name: "Birthday of Martin Luther King, Jr.",
        since: 1986,
    },
    WeekdayOfMonth {
        month: 2,
        weekday: Weekday::Mon,
        occurrence: Occurrence::Nth(3),
        name: "Washington's Birthday",
        since: i32::MIN,
    },
    WeekdayOfMonth {
        month: 5,
        weekday: Weekday::Mon,
        occurrence: Occurrence::Last,
        name: "Memorial Day",
        since: i32::MIN,
    },
    WeekdayOfMonth {
        month: 9,
        weekday: Weekday::Mon,
        occurrence: Occurrence::Nth(1),
        name: "Labor Day",
        since: i32::MIN,
    },
    WeekdayOfMonth {
        month: 10,
        weekday: Weekday::Mon,
        occurrence: Occurrence::Nth(2),
        name: "Columbus Day",
        since: i32::MIN,
    },
    WeekdayOfMonth {
        month: 11,
        weekday: Weekday::Thu,
        occurrence: Occurrence::Nth(4),
        name: "Thanksgiving Day",
        since: i32::MIN,
    },
];

/// The fixed-date holiday whose actual date is `date`, observed or not.
fn fixed_date_on(date: NaiveDate) -> Option<&'static FixedDate> {
    FIXED_DATES
        .iter()
        .find(|h| h.month == date.month() && h.day == date.day() && date.year() >= h.since)
}

impl WeekdayOfMonth {
    fn falls_on(&self, date: NaiveDate) -> bool {
        self.month == date.month()
            && self.weekday == date.weekday()
            && date.year() >= self.since
            && match self.occurrence {
                Occurrence::Nth(n) => week_of_month(date) == n,
                Occurrence::Last => is_last_of_month(date),
            }
    }
}

impl HolidayCalendar for UsFederal {
    fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holiday_name(date).is_some()
    }

    fn name(&self) -> &'static str {
        "United States federal holidays"
    }

    fn holiday_name(&self, date: NaiveDate) -> Option<&'static str> {
        // Checked per date, without building the year's list: the planner asks often.
        let weekday = date.weekday();
        if matches!(weekday, Weekday::Sat | Weekday::Sun) {
            return None;
        }
        if let Some(holiday) = fixed_date_on(date) {
            return Some(holiday.name);
        }
        let moved_from = match weekday {
            Weekday::Fri => date.succ_opt(),
            Weekday::Mon => date.pred_opt(),
            _ => None,
        };
        if let Some(holiday) = moved_from.and_then(fixed_date_on) {
            return Some(holiday.observed_name);
        }
        WEEKDAYS_OF_MONTH
            .iter()
            .find(|h| h.falls_on(date))
            .map(|h| h.name)
    }
}
