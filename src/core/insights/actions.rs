//! The user's own side: of the planned actions, how many were done on time, done late or
//! skipped, and how many are overdue today.
//!
//! An action marked done (sent) on or before its late-after date is on time; after it, late;
//! an action with no late-after date (never late) is on time whenever it was done. Skipped
//! actions count as skipped whatever their date. The figures read the plan's actions, which
//! list done and skipped actions even when the rules no longer schedule them.

use serde::Serialize;

use super::super::model::{Action, ActionKind, ActionState};
use super::Rate;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionFigures {
    pub on_time: u32,
    pub late: u32,
    pub skipped: u32,
    /// Not done and past the late-after date today.
    pub overdue: u32,
    /// On time, of the actions done.
    pub on_time_rate: Rate,
    /// Skipped, of the actions done or skipped.
    pub skipped_rate: Rate,
    /// The same counts for each kind of action that has any, in the order of
    /// [`ActionKind::ALL`].
    pub by_kind: Vec<KindFigures>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KindFigures {
    pub kind: ActionKind,
    pub on_time: u32,
    pub late: u32,
    pub skipped: u32,
    pub overdue: u32,
}

/// Which count an action adds to.
fn bucket(a: &Action) -> Option<usize> {
    match a.state {
        ActionState::Done => match (a.done_on, a.late_after) {
            (Some(done), Some(late)) if done > late => Some(1),
            _ => Some(0),
        },
        ActionState::Skipped => Some(2),
        ActionState::Overdue => Some(3),
        _ => None,
    }
}

pub fn figures(actions: &[Action]) -> ActionFigures {
    let mut counts = [[0u32; 4]; ActionKind::ALL.len()];
    for a in actions {
        if let Some(b) = bucket(a) {
            let row = ActionKind::ALL
                .iter()
                .position(|k| *k == a.kind)
                .unwrap_or(0);
            counts[row][b] = counts[row][b].saturating_add(1);
        }
    }
    let mut total = [0u32; 4];
    let mut by_kind = Vec::new();
    for (kind, row) in ActionKind::ALL.iter().zip(counts) {
        for (t, n) in total.iter_mut().zip(row) {
            *t = t.saturating_add(n);
        }
        if row.iter().any(|n| *n > 0) {
            let [on_time, late, skipped, overdue] = row;
            by_kind.push(KindFigures {
                kind: *kind,
                on_time,
                late,
                skipped,
                overdue,
            });
        }
    }
    let [on_time, late, skipped, overdue] = total;
    let done = on_time.saturating_add(late);
    ActionFigures {
        on_time,
        late,
        skipped,
        overdue,
        on_time_rate: Rate::of(on_time, done),
        skipped_rate: Rate::of(skipped, done.saturating_add(skipped)),
        by_kind,
    }
}
