//! How long employers take: the median number of days from an interview to the employer's
//! answer and to their decision, and how their decisions compare with the dates they gave.
//!
//! - **To a reply**: for each interview (a round dated on or before today), the first answer
//!   dated on or after it and before the next round: a `reply`, a `references-requested`, or a
//!   status change to *references*, *offer*, *accepted* or *rejected*.
//! - **To a decision**: for each application, its first status change to *offer*, *accepted*
//!   or *rejected*, counted from the latest round on or before it. A decision with no interview
//!   before it, or a decided status with no dated status change, is left out.
//! - **Against the stated date**: the date the employer gave is the application's decision
//!   date, replaced by the decision date of any later reply that came before the decision.
//!   A decision on or before it is on time; after it, late by the days between. An open
//!   application (saved, applied, interviewing, references) whose stated date is before today
//!   and has no decision counts as *past the date, still waiting*.

use chrono::NaiveDate;
use serde::Serialize;

use super::super::model::{Event, EventKind, Status};
use super::{days_between, is_open, usable, AppFacts, Median, Rate};

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Decisions {
    /// Days from an interview to the employer's answer.
    pub to_reply: Median,
    /// Days from the interview to the decision.
    pub to_decision: Median,
    /// Decisions with a stated date: how many came on or before it.
    pub on_or_before_stated: Rate,
    /// Decisions that came after the stated date.
    pub after_stated: u32,
    /// Days after the stated date, of the late decisions.
    pub days_late: Median,
    /// Open applications whose stated date has passed without a decision.
    pub past_date_waiting: u32,
}

fn is_answer(event: &Event) -> bool {
    match &event.kind {
        EventKind::Reply { .. } | EventKind::ReferencesRequested => true,
        EventKind::Status { to, .. } => matches!(
            to,
            Status::References | Status::Offer | Status::Accepted | Status::Rejected
        ),
        _ => false,
    }
}

fn is_decision(event: &Event) -> bool {
    matches!(
        &event.kind,
        EventKind::Status {
            to: Status::Offer | Status::Accepted | Status::Rejected,
            ..
        }
    )
}

#[derive(Default)]
pub(super) struct Counter {
    to_reply: Vec<i64>,
    to_decision: Vec<i64>,
    stated: u32,
    on_time: u32,
    late: Vec<i64>,
    past_date_waiting: u32,
}

impl Counter {
    pub fn add(&mut self, f: &AppFacts) {
        for (i, round) in f.rounds.iter().enumerate() {
            let next = f.rounds.get(i + 1).map(|r| r.date);
            let answer = f
                .events
                .iter()
                .filter(|e| e.date >= round.date && next.map_or(true, |n| e.date < n))
                .find(|e| is_answer(e));
            if let Some(answer) = answer {
                self.to_reply.push(days_between(round.date, answer.date));
            }
        }

        let decision = f.events.iter().position(|e| is_decision(e));
        // The date the employer gave, as it stood before the decision (or today).
        let before = decision.map_or(f.events, |at| &f.events[..at]);
        let stated = before
            .iter()
            .rev()
            .find_map(|e| match e.kind {
                EventKind::Reply {
                    decision_date: Some(date),
                } => Some(date),
                _ => None,
            })
            .or(f.app.decision_date)
            .filter(|d| usable(*d));

        let Some(at) = decision else {
            if is_open(&f.app.status) && stated.is_some_and(|d| d < f.today) {
                self.past_date_waiting = self.past_date_waiting.saturating_add(1);
            }
            return;
        };
        let decided: NaiveDate = f.events[at].date;
        let Some(round) = f.rounds.iter().rev().find(|r| r.date <= decided) else {
            return;
        };
        self.to_decision.push(days_between(round.date, decided));
        if let Some(stated) = stated {
            self.stated = self.stated.saturating_add(1);
            if decided <= stated {
                self.on_time = self.on_time.saturating_add(1);
            } else {
                self.late.push(days_between(stated, decided));
            }
        }
    }

    pub fn finish(mut self) -> Decisions {
        Decisions {
            to_reply: Median::of(&mut self.to_reply),
            to_decision: Median::of(&mut self.to_decision),
            on_or_before_stated: Rate::of(self.on_time, self.stated),
            after_stated: u32::try_from(self.late.len()).unwrap_or(u32::MAX),
            days_late: Median::of(&mut self.late),
            past_date_waiting: self.past_date_waiting,
        }
    }
}
