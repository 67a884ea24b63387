//! The order of a plan's actions: due date, then application id, then key, with a total
//! order underneath so that applications sharing an id still sort the same way whatever the
//! input order. The sort itself is the planner's hot path and is kept here, out of the rules.

use std::cmp::Ordering;

use chrono::Datelike;

use super::super::model::{Action, Application};
use super::problems::{Problem, ProblemKind};

use crate::core::sort;

/// The order of [`super::Plan::actions`]: due date, application id, key, then every other
/// field.
pub fn action_order(a: &Action, b: &Action) -> Ordering {
    a.due
        .cmp(&b.due)
        .then_with(|| a.app_id.cmp(&b.app_id))
        .then_with(|| a.key.cmp(&b.key))
        .then_with(|| a.kind.cmp(&b.kind))
        .then_with(|| a.round_id.cmp(&b.round_id))
        .then_with(|| a.contact_id.cmp(&b.contact_id))
        .then_with(|| a.state.cmp(&b.state))
        .then_with(|| a.done_on.cmp(&b.done_on))
        .then_with(|| a.late_after.cmp(&b.late_after))
        .then_with(|| (a.medium as u8).cmp(&(b.medium as u8)))
        .then_with(|| (a.reason.code as u8).cmp(&(b.reason.code as u8)))
        .then_with(|| a.reason.from.cmp(&b.reason.from))
        .then_with(|| a.reason.days.cmp(&b.reason.days))
        .then_with(|| a.reason.working_days.cmp(&b.reason.working_days))
        .then_with(|| a.reason.after_reply.cmp(&b.reason.after_reply))
        .then_with(|| a.reason.snoozed_to.cmp(&b.reason.snoozed_to))
}

/// Sorts by due date, keeping the order of actions due the same day: a counting sort on
/// the day when the days span a short range (the usual case), otherwise a sort of
/// (day, position) pairs; then each action is moved straight to its place.
pub fn stable_sort_by_due(actions: &mut [Action]) {
    let days: Vec<i32> = actions.iter().map(|a| a.due.num_days_from_ce()).collect();
    let (Some(min), Some(max)) = (days.iter().min(), days.iter().max()) else {
        return;
    };
    // target[i]: where the action now at i belongs.
    let mut target = vec![0usize; actions.len()];
    let span = usize::try_from(i64::from(*max) - i64::from(*min) + 1).unwrap_or(usize::MAX);
    if span > actions.len().saturating_mul(4).saturating_add(4096) {
        let mut pairs: Vec<(i32, usize)> = days.into_iter().zip(0..).collect();
        sort::sort(&mut pairs);
        for (position, (_, from)) in pairs.into_iter().enumerate() {
            target[from] = position;
        }
    } else {
        let slot = |day: i32| usize::try_from(day - min).unwrap_or(0);
        let mut next = vec![0usize; span + 1];
        for day in &days {
            next[slot(*day) + 1] += 1;
        }
        for i in 1..next.len() {
            next[i] += next[i - 1];
        }
        for (i, day) in days.iter().enumerate() {
            let at = &mut next[slot(*day)];
            target[i] = *at;
            *at += 1;
        }
    }
    for i in 0..actions.len() {
        while target[i] != i {
            let t = target[i];
            actions.swap(i, t);
            target.swap(i, t);
        }
    }
}

/// Reports ids used by more than one application (`sorted` is in id order); returns whether
/// there were any.
pub fn report_duplicate_ids(sorted: &[&Application], problems: &mut Vec<Problem>) -> bool {
    let mut found = false;
    let mut i = 0;
    while i < sorted.len() {
        let id = sorted[i].id.as_str();
        let run = sorted[i..].iter().take_while(|a| a.id == id).count();
        if run > 1 {
            found = true;
            problems.push(Problem::new(
                id,
                ProblemKind::SharedId {
                    count: u32::try_from(run).unwrap_or(u32::MAX),
                    id: id.to_string(),
                },
            ));
        }
        i += run;
    }
    found
}
