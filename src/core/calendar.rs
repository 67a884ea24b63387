//! Working days: Monday to Friday minus holidays. Holiday calendars sit behind one trait
//! with one required method; the user's settings combine them into a [`WorkCalendar`].

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::model::HolidaySettings;

/// A set of days off. Only `is_holiday` is required.
pub trait HolidayCalendar {
    /// Whether `date` is a holiday in this calendar (weekends are handled by [`WorkCalendar`]).
    fn is_holiday(&self, date: NaiveDate) -> bool;
}

/// The user's own list of days off.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OwnHolidays(pub Vec<NaiveDate>);

impl HolidayCalendar for OwnHolidays {
    fn is_holiday(&self, date: NaiveDate) -> bool {
        self.0.contains(&date)
    }
}

/// Weekends plus every calendar the user turned on.
pub struct WorkCalendar {
    calendars: Vec<Box<dyn HolidayCalendar + Send + Sync>>,
}

impl WorkCalendar {
    /// Weekends only.
    pub fn weekends_only() -> Self {
        WorkCalendar {
            calendars: Vec::new(),
        }
    }

    pub fn from_settings(settings: &HolidaySettings) -> Self {
        let mut calendars: Vec<Box<dyn HolidayCalendar + Send + Sync>> = Vec::new();
        if !settings.own.is_empty() {
            calendars.push(Box::new(OwnHolidays(settings.own.clone())));
        }
        WorkCalendar { calendars }
    }

    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        self.calendars.iter().any(|c| c.is_holiday(date))
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !self.is_holiday(date)
    }

    /// `date` itself when it is a working day, otherwise the next working day.
    pub fn on_or_next_working_day(&self, date: NaiveDate) -> NaiveDate {
        let mut d = date;
        while !self.is_working_day(d) {
            d = next_day(d);
        }
        d
    }

    /// The n-th working day after `date` (D + n wd). `n = 0` is `date` itself.
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> NaiveDate {
        let mut d = date;
        for _ in 0..n {
            d = next_day(d);
            while !self.is_working_day(d) {
                d = next_day(d);
            }
        }
        d
    }
}

/// The day after `date`, saturating at the last representable date.
pub fn next_day(date: NaiveDate) -> NaiveDate {
    date.succ_opt().unwrap_or(date)
}

/// `date` + n calendar days, saturating.
pub fn add_days(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_add_days(Days::new(n.into()))
        .unwrap_or(NaiveDate::MAX)
}
