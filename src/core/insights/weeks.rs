//! Applications and interviews per ISO week: the last [`WEEKS`] weeks (Monday to Sunday), the
//! one holding today last. An application counts in the week of its application date, an
//! interview in the week of its round; dates after today are not counted.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::super::model::Application;
use super::usable;

/// How many weeks are shown.
pub const WEEKS: usize = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Week {
    /// The ISO week-numbering year and week: 2026 and 10 for "2026-W10".
    pub year: i32,
    pub week: u32,
    /// Its Monday.
    pub monday: NaiveDate,
    pub applications: u32,
    pub interviews: u32,
}

impl Week {
    /// "2026-W10".
    pub fn label(&self) -> String {
        format!("{:04}-W{:02}", self.year, self.week)
    }
}

pub(super) struct Counter {
    today: NaiveDate,
    /// The day number (from the common era) of the first Monday.
    first: i64,
    /// applications, interviews per week.
    counts: [[u32; 2]; WEEKS],
}

impl Counter {
    pub fn new(today: NaiveDate) -> Counter {
        let monday =
            i64::from(today.num_days_from_ce()) - i64::from(today.weekday().num_days_from_monday());
        Counter {
            today,
            first: monday - 7 * (WEEKS as i64 - 1),
            counts: [[0; 2]; WEEKS],
        }
    }

    fn count(&mut self, date: NaiveDate, which: usize) {
        if !usable(date) || date > self.today {
            return;
        }
        let offset = i64::from(date.num_days_from_ce()) - self.first;
        if offset < 0 {
            return;
        }
        if let Some(week) = self.counts.get_mut((offset / 7) as usize) {
            week[which] = week[which].saturating_add(1);
        }
    }

    pub fn add(&mut self, app: &Application) {
        if let Some(applied) = app.applied_on {
            self.count(applied, 0);
        }
        for round in &app.rounds {
            self.count(round.date, 1);
        }
    }

    pub fn finish(self) -> Vec<Week> {
        let mut out = Vec::with_capacity(WEEKS);
        for (i, [applications, interviews]) in self.counts.into_iter().enumerate() {
            let day = self.first + 7 * i as i64;
            // Weeks before the first day of the calendar do not exist.
            let Some(monday) = i32::try_from(day)
                .ok()
                .and_then(NaiveDate::from_num_days_from_ce_opt)
            else {
                continue;
            };
            let iso = monday.iso_week();
            out.push(Week {
                year: iso.year(),
                week: iso.week(),
                monday,
                applications,
                interviews,
            });
        }
        out
    }
}
