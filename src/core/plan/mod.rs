//! The follow-up rules of docs/rules.md: `(applications, settings, today) -> actions`.
//!
//! This module owns every scheduling decision: which actions exist, for whom, when they are
//! due and late, where they stand today, and why. It reads history (sent, skipped, snoozed,
//! replies, status changes...) but never writes it; recording what the user did is
//! [`super::ops`].
//!
//! Where each rule lives:
//!
//! | rule (docs/rules.md) | file |
//! |---|---|
//! | when each action is due and late, in days | [`timing`] (the only numbers of days) |
//! | thank-you email and card | [`thank_you`] |
//! | the follow-up chain: check-in, first and second follow-up, move on; rule 1 (two per chain), rule 3 (replies, new rounds), rule 6 (actual dates), long timelines | [`follow_up_chain`] |
//! | alert references | [`references`] |
//! | rejection: ask for feedback, stay connected | [`rejection`] |
//! | good news: congratulate | [`good_news`] |
//! | rule 4: application reminder | [`reminder`] |
//! | rules 2 and 7: no contact, statuses | [`eligibility`], applied once by the driver |
//! | possible replies noticed in webmail hold the follow-ups | [`possible_reply`], applied by the driver |
//! | rule 5: working days | every date goes through [`timing`] and `WorkCalendar` |
//! | where an action stands (done, snoozed, due, overdue, projected) | [`driver`] |
//! | reading the history once; bad input | [`facts`], worded in [`problems`] |
//! | action keys | [`key`] |
//! | explanations | [`why`] |
//!
//! An action that is no longer scheduled (a cancelled chain, an earlier round's follow-ups, a
//! closed application) is still listed when it was done or skipped, so history stays visible.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::calendar::WorkCalendar;
use super::model::{Action, Application, Settings};

mod driver;
pub mod eligibility;
mod facts;
pub mod follow_up_chain;
mod good_news;
pub mod key;
mod order;
pub mod possible_reply;
pub mod problems;
mod references;
mod rejection;
mod reminder;
mod thank_you;
pub mod timing;
mod why;

pub use order::action_order;
pub use problems::{Problem, ProblemKind};
pub use timing::{BUFFER_RANGE, LONG_TIMELINE_DAYS};
pub use why::{explain, human_date, why, Why, WhyCase, WhyNote};

use driver::Planner;

use crate::core::sort;

/// Everything to do across all applications, plus what could not be planned.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    /// Sorted by due date, then application id, then key.
    pub actions: Vec<Action>,
    /// Sorted by application id, then message.
    pub problems: Vec<Problem>,
}

/// Plans every application. The result does not depend on the order of `apps`.
pub fn plan(apps: &[Application], settings: &Settings, today: NaiveDate) -> Plan {
    let calendar = WorkCalendar::from_settings(&settings.holidays);
    let mut planner = Planner::new(settings, &calendar, today);
    let mut actions = Vec::with_capacity(apps.len() * 8);
    let mut problems = Vec::new();

    // Planning the applications in id order, each one's actions sorted by (due, key), leaves
    // only a stable sort by due date to do at the end, which compares days instead of ids.
    let mut order: Vec<&Application> = apps.iter().collect();
    sort::sort_by(&mut order, |a, b| a.id.cmp(&b.id));
    for app in &order {
        planner.plan_into(app, &mut problems);
        planner.drain_sorted_into(&mut actions);
    }
    if order::report_duplicate_ids(&order, &mut problems) {
        // Applications sharing an id were planned in input order; only the full order is
        // independent of it.
        sort::sort_by(&mut actions, action_order);
    } else {
        order::stable_sort_by_due(&mut actions);
    }
    sort::sort_by(&mut problems, |a, b| {
        (&a.app_id, &a.message).cmp(&(&b.app_id, &b.message))
    });
    Plan { actions, problems }
}

/// Plans one application. Actions are sorted by due date, then key; problems come in the
/// order they were found.
pub fn plan_application(
    app: &Application,
    settings: &Settings,
    calendar: &WorkCalendar,
    today: NaiveDate,
) -> (Vec<Action>, Vec<Problem>) {
    let mut planner = Planner::new(settings, calendar, today);
    let mut problems = Vec::new();
    let mut actions = Vec::new();
    planner.plan_into(app, &mut problems);
    planner.drain_sorted_into(&mut actions);
    (actions, problems)
}

/// The number on the toolbar badge: due plus overdue actions.
pub fn badge_count(plan: &Plan) -> u32 {
    let n = plan.actions.iter().filter(|a| a.is_actionable()).count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The same number as `badge_count(&plan(apps, settings, today))`, without building the
/// list of actions: for refreshing the toolbar badge in the background.
pub fn count_actionable(apps: &[Application], settings: &Settings, today: NaiveDate) -> u32 {
    let calendar = WorkCalendar::from_settings(&settings.holidays);
    let mut planner = Planner::new(settings, &calendar, today);
    // Problems are not shown with the badge; they are reported when the list is planned.
    let mut problems = Vec::new();
    let mut n: u32 = 0;
    for app in apps {
        planner.plan_into(app, &mut problems);
        problems.clear();
        let due = planner.take_actionable();
        n = n.saturating_add(u32::try_from(due).unwrap_or(u32::MAX));
    }
    n
}
