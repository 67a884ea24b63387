//! Insights: figures about the user's own job search, worked out from the applications (their
//! rounds, history, statuses and decision dates), the plan and today. Nothing here reads the
//! clock or storage, and nothing panics on any input: applications with no history, histories
//! recorded out of order, unknown statuses, dates at the ends of the calendar, thousands of
//! applications. Each figure is a serialisable struct; [`Insights::csv`] writes them all as
//! one CSV file.
//!
//! | figure | file |
//! |---|---|
//! | the funnel: applied, interviewed, offer, accepted | [`funnel`] |
//! | replies after no follow-up, after the first, after the second | [`replies`] |
//! | days from interview to reply and to decision, against the stated decision dates | [`decisions`] |
//! | actions done on time, late or skipped | [`actions`] |
//! | applications and interviews per ISO week | [`weeks`] |
//! | the CSV file | [`csv`] |
//!
//! Rules shared by every figure: an event dated after today, or outside the years 1 to 9999,
//! is left out; so is a round without a usable date. Within a day, events count in the order
//! they were recorded. A rate whose denominator is zero is `None`, which the interface words
//! as "not enough data".

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::model::{Action, Application, Event, Round, Settings, Status};
use super::plan;

use crate::core::sort;

pub mod actions;
pub mod csv;
pub mod decisions;
pub mod funnel;
pub mod replies;
pub mod weeks;

pub use actions::{ActionFigures, KindFigures};
pub use decisions::Decisions;
pub use funnel::Funnel;
pub use replies::Replies;
pub use weeks::{Week, WEEKS};

/// A part of a whole: `rate` is `part / whole`, `None` when the whole is zero.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rate {
    pub part: u32,
    pub whole: u32,
    pub rate: Option<f64>,
}

impl Rate {
    pub fn of(part: u32, whole: u32) -> Rate {
        Rate {
            part,
            whole,
            rate: (whole > 0).then(|| f64::from(part) / f64::from(whole)),
        }
    }
}

/// A median of whole days, with how many values it was taken from; `days` is `None` when
/// there were none. With an even number of values it is the mean of the middle two.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Median {
    pub days: Option<f64>,
    pub count: u32,
}

impl Median {
    /// The median of `values` (reordered in place).
    pub fn of(values: &mut [i64]) -> Median {
        let count = u32::try_from(values.len()).unwrap_or(u32::MAX);
        if values.is_empty() {
            return Median { days: None, count };
        }
        sort::sort(values);
        let mid = values.len() / 2;
        let days = if values.len() % 2 == 1 {
            values[mid] as f64
        } else {
            (values[mid - 1] as f64 + values[mid] as f64) / 2.0
        };
        Median {
            days: Some(days),
            count,
        }
    }
}

/// Every figure, on one day.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Insights {
    pub today: NaiveDate,
    pub funnel: Funnel,
    pub replies: Replies,
    pub decisions: Decisions,
    pub actions: ActionFigures,
    /// The last [`WEEKS`] ISO weeks, the one holding today last.
    pub weeks: Vec<Week>,
}

impl Insights {
    /// Plans the applications and works out every figure.
    pub fn compute(apps: &[Application], settings: &Settings, today: NaiveDate) -> Insights {
        let plan = plan::plan(apps, settings, today);
        Insights::from_actions(apps, &plan.actions, today)
    }

    /// Every figure, from the applications and their planned actions (`plan::plan`'s, for
    /// a caller that holds the plan already).
    pub fn from_actions(apps: &[Application], actions: &[Action], today: NaiveDate) -> Insights {
        let mut events = Vec::new();
        let mut rounds = Vec::new();
        let mut funnel = funnel::Counter::default();
        let mut replies = replies::Counter::default();
        let mut decisions = decisions::Counter::default();
        let mut weeks = weeks::Counter::new(today);
        for app in apps {
            events_by_date(app, today, &mut events);
            rounds_by_date(app, today, &mut rounds);
            let facts = AppFacts {
                app,
                events: &events,
                rounds: &rounds,
                today,
            };
            funnel.add(&facts);
            replies.add(&facts);
            decisions.add(&facts);
            weeks.add(app);
        }
        Insights {
            today,
            funnel: funnel.finish(),
            replies: replies.finish(),
            decisions: decisions.finish(),
            actions: actions::figures(actions),
            weeks: weeks.finish(),
        }
    }

    /// The figures as CSV (RFC 4180): a header row, then one row per figure (see
    /// [`csv::HEADER`]). Cells that a spreadsheet would run as a formula are defended as in
    /// the other CSV exports.
    pub fn csv(&self) -> String {
        csv::write(self)
    }
}

/// What the figures read about one application, read once.
pub struct AppFacts<'a> {
    pub app: &'a Application,
    /// Its events up to today, by date; within a day in the order recorded.
    pub events: &'a [&'a Event],
    /// Its rounds with a usable date up to today, by date; within a day in the order recorded.
    pub rounds: &'a [&'a Round],
    pub today: NaiveDate,
}

/// A date a figure can count: in the years 1 to 9999.
pub fn usable(date: NaiveDate) -> bool {
    (1..=9999).contains(&date.year())
}

fn events_by_date<'a>(app: &'a Application, today: NaiveDate, out: &mut Vec<&'a Event>) {
    out.clear();
    out.extend(
        app.history
            .iter()
            .filter(|e| usable(e.date) && e.date <= today),
    );
    // Stable: events of one day keep the order they were recorded in.
    sort::sort_by_key(out, |e| e.date);
}

fn rounds_by_date<'a>(app: &'a Application, today: NaiveDate, out: &mut Vec<&'a Round>) {
    out.clear();
    out.extend(
        app.rounds
            .iter()
            .filter(|r| usable(r.date) && r.date <= today),
    );
    sort::sort_by_key(out, |r| r.date);
}

/// Whether a status is still open: the employer has not decided and the user has not left.
pub fn is_open(status: &Status) -> bool {
    matches!(
        status,
        Status::Saved | Status::Applied | Status::Interviewing | Status::References
    )
}

/// Whole days from `from` to `to`.
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}
