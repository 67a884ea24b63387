//! Working days: Monday to Friday minus holidays.
//!
//! Holiday calendars sit behind one trait, [`HolidayCalendar`], with one required method
//! (`is_holiday`) and default methods for the rest. The built-in calendars are
//! [`UsFederal`], [`EnglandWales`], [`Germany`] (nationwide, or with one Land's holidays),
//! [`Austria`] and [`Switzerland`]; [`OwnHolidays`] holds the user's own days off. The
//! user's settings combine them with weekends into a [`WorkCalendar`], which answers the
//! planner's questions ("is this a working day?", "what is D + n wd?").
//!
//! Every date computation here saturates at the ends of the [`NaiveDate`] range instead of
//! panicking.
//!
//! ```
//! use chrono::NaiveDate;
//! use followup::core::calendar::WorkCalendar;
//! use followup::core::model::HolidaySettings;
//!
//! let settings = HolidaySettings { us_federal: true, ..Default::default() };
//! let calendar = WorkCalendar::from_settings(&settings);
//! let christmas_eve = NaiveDate::from_ymd_opt(2026, 12, 24).unwrap();
//! // Friday 25 December is Christmas Day, then comes the weekend.
//! assert_eq!(
//!     calendar.add_working_days(christmas_eve, 1),
//!     NaiveDate::from_ymd_opt(2026, 12, 28).unwrap(),
//! );
//! assert_eq!(calendar.holiday_name(christmas_eve.succ_opt().unwrap()), Some("Christmas Day"));
//! ```

mod austria;
mod england_wales;
mod germany;
mod ics_import;
mod rule;
mod switzerland;
mod us;

use std::fmt;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;

use super::model::HolidaySettings;

use crate::core::sort;

pub use austria::Austria;
pub use england_wales::{easter_sunday, EnglandWales};
pub use germany::{GermanState, Germany};
pub use ics_import::{
    import_holiday_ics, parse_holiday_ics, IcsHolidays, IcsImportError, IcsImportSummary,
    MAX_ICS_BYTES,
};
pub use switzerland::Switzerland;
pub use us::UsFederal;

/// One named day off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Holiday {
    /// The day off itself (the observed or substitute day, not the nominal date).
    pub date: NaiveDate,
    /// The name shown to the user, e.g. "Boxing Day (substitute day)".
    pub name: &'static str,
}

/// A set of days off. Only `is_holiday` is required.
pub trait HolidayCalendar {
    /// Whether `date` is a holiday in this calendar (weekends are handled by [`WorkCalendar`]).
    fn is_holiday(&self, date: NaiveDate) -> bool;

    /// What the calendar is called in the settings.
    fn name(&self) -> &'static str {
        "Holidays"
    }

    /// The name of the holiday on `date`, or `None` when `date` is not a holiday.
    fn holiday_name(&self, date: NaiveDate) -> Option<&'static str> {
        self.is_holiday(date).then_some("Holiday")
    }

    /// Every holiday falling in `year`, in date order. Empty for years outside the
    /// representable range.
    fn holidays_in_year(&self, year: i32) -> Vec<Holiday> {
        days_of_year(year)
            .filter_map(|date| self.holiday_name(date).map(|name| Holiday { date, name }))
            .collect()
    }
}

/// The user's own list of days off.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OwnHolidays(pub Vec<NaiveDate>);

impl HolidayCalendar for OwnHolidays {
    fn is_holiday(&self, date: NaiveDate) -> bool {
        self.0.contains(&date)
    }

    fn name(&self) -> &'static str {
        "Your days off"
    }

    fn holiday_name(&self, date: NaiveDate) -> Option<&'static str> {
        self.is_holiday(date).then_some("Day off")
    }

    fn holidays_in_year(&self, year: i32) -> Vec<Holiday> {
        let mut dates: Vec<NaiveDate> = self
            .0
            .iter()
            .copied()
            .filter(|date| date.year() == year)
            .collect();
        sort::sort(&mut dates);
        dates.dedup();
        dates
            .into_iter()
            .map(|date| Holiday {
                date,
                name: "Day off",
            })
            .collect()
    }
}

/// Weekends plus every calendar the user turned on.
pub struct WorkCalendar {
    calendars: Vec<Box<dyn HolidayCalendar + Send + Sync>>,
}

impl Default for WorkCalendar {
    fn default() -> Self {
        Self::weekends_only()
    }
}

impl fmt::Debug for WorkCalendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WorkCalendar")
            .field("calendars", &self.calendar_names().collect::<Vec<_>>())
            .finish()
    }
}

impl WorkCalendar {
    /// Weekends only.
    pub fn weekends_only() -> Self {
        WorkCalendar {
            calendars: Vec::new(),
        }
    }

    /// Weekends, the built-in calendars turned on in `settings` and the user's own days off.
    pub fn from_settings(settings: &HolidaySettings) -> Self {
        let mut calendar = Self::weekends_only();
        if settings.us_federal {
            calendar = calendar.with_calendar(UsFederal);
        }
        if settings.england_wales {
            calendar = calendar.with_calendar(EnglandWales);
        }
        // Choosing a Land implies Germany's nationwide holidays too.
        if settings.germany || settings.german_state.is_some() {
            calendar = calendar.with_calendar(Germany {
                state: settings.german_state,
            });
        }
        if settings.austria {
            calendar = calendar.with_calendar(Austria);
        }
        if settings.switzerland {
            calendar = calendar.with_calendar(Switzerland);
        }
        if !settings.own.is_empty() {
            calendar = calendar.with_calendar(OwnHolidays(settings.own.clone()));
        }
        calendar
    }

    /// This calendar with the days off of `calendar` added. When two calendars name the
    /// same day, the one added first gives the name.
    pub fn with_calendar(mut self, calendar: impl HolidayCalendar + Send + Sync + 'static) -> Self {
        self.calendars.push(Box::new(calendar));
        self
    }

    /// The names of the holiday calendars in use, in the order they were added.
    pub fn calendar_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.calendars.iter().map(|c| c.name())
    }

    /// Whether any of the calendars in use has a holiday on `date`.
    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        self.calendars.iter().any(|c| c.is_holiday(date))
    }

    /// The name of the holiday on `date`, from the first calendar that has one.
    pub fn holiday_name(&self, date: NaiveDate) -> Option<&'static str> {
        self.calendars.iter().find_map(|c| c.holiday_name(date))
    }

    /// Every holiday of every calendar in use falling in `year`, in date order, one entry
    /// per date.
    pub fn holidays_in_year(&self, year: i32) -> Vec<Holiday> {
        let mut all: Vec<Holiday> = Vec::new();
        for calendar in &self.calendars {
            for holiday in calendar.holidays_in_year(year) {
                if !all.iter().any(|h| h.date == holiday.date) {
                    all.push(holiday);
                }
            }
        }
        sort::sort_by_key(&mut all, |h| h.date);
        all
    }

    /// Monday to Friday and not a holiday.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        !is_weekend(date) && !self.is_holiday(date)
    }

    /// `date` itself when it is a working day, otherwise the next working day (the last
    /// representable date when there is none).
    pub fn on_or_next_working_day(&self, date: NaiveDate) -> NaiveDate {
        if self.is_working_day(date) {
            date
        } else {
            self.next_working_day_after(date).unwrap_or(NaiveDate::MAX)
        }
    }

    /// The n-th working day after `date` (D + n wd). `n = 0` is `date` itself. Saturates at
    /// the last representable date.
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> NaiveDate {
        let mut day = date;
        for _ in 0..n {
            match self.next_working_day_after(day) {
                Some(next) => day = next,
                None => return NaiveDate::MAX,
            }
        }
        day
    }

    /// The first working day strictly after `date`, if the date range has one.
    fn next_working_day_after(&self, date: NaiveDate) -> Option<NaiveDate> {
        let mut day = date;
        loop {
            day = day.succ_opt()?;
            if self.is_working_day(day) {
                return Some(day);
            }
        }
    }
}

/// A combined calendar is itself a calendar, so it can be nested or checked like any other.
impl HolidayCalendar for WorkCalendar {
    fn is_holiday(&self, date: NaiveDate) -> bool {
        WorkCalendar::is_holiday(self, date)
    }

    fn name(&self) -> &'static str {
        "Working days"
    }

    fn holiday_name(&self, date: NaiveDate) -> Option<&'static str> {
        WorkCalendar::holiday_name(self, date)
    }

    fn holidays_in_year(&self, year: i32) -> Vec<Holiday> {
        WorkCalendar::holidays_in_year(self, year)
    }
}

/// Saturday or Sunday.
pub fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
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

/// Every date of `year` that chrono can represent.
fn days_of_year(year: i32) -> impl Iterator<Item = NaiveDate> {
    NaiveDate::from_ymd_opt(year, 1, 1)
        .into_iter()
        .flat_map(|first| first.iter_days())
        .take_while(move |date| date.year() == year)
}

/// Which occurrence of its weekday `date` is in its month: 1 for the first seven days.
fn week_of_month(date: NaiveDate) -> u32 {
    (date.day() - 1) / 7 + 1
}

/// Whether `date` is the last occurrence of its weekday in its month.
fn is_last_of_month(date: NaiveDate) -> bool {
    date.checked_add_days(Days::new(7))
        .map_or(true, |later| later.month() != date.month())
}
