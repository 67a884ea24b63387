//! The driver: runs the rule files over one application, applies the status gate, works out
//! where each candidate stands today, and collects the listed actions.
//!
//! The driver owns the planner's performance tricks so that the rules stay plain: keys are
//! written into one reused buffer, candidates that are neither scheduled nor recorded cost
//! nothing, and only listed actions become owned [`Action`]s, once, after sorting.

use std::cmp::Ordering;

use chrono::NaiveDate;

use super::super::calendar::WorkCalendar;
use super::super::model::{
    Action, ActionKind, ActionState, Application, Hold, Medium, Reason, Settings,
};
use super::eligibility::Gate;
use super::facts::{Anchor, Candidate, Facts, History, Mark, Out};
use super::problems::{Problem, ProblemKind};
use super::timing::{timing, Counts, BUFFER_RANGE};
use super::{
    follow_up_chain, good_news, possible_reply, references, rejection, reminder, thank_you,
};

use crate::core::sort;

/// A planned action whose strings are borrowed from the application and whose key lives in
/// the planner's key buffer.
struct Planned<'a> {
    kind: ActionKind,
    round_id: Option<&'a str>,
    contact_id: Option<&'a str>,
    key: std::ops::Range<usize>,
    due: NaiveDate,
    late: Option<NaiveDate>,
    state: ActionState,
    done_on: Option<NaiveDate>,
    reason: Reason,
    /// Held by a possible reply.
    held: bool,
}

impl Planned<'_> {
    fn key<'k>(&self, keys: &'k str) -> &'k str {
        keys.get(self.key.clone()).unwrap_or("")
    }
}

/// The settings-derived parts of the rules plus scratch space reused from one application to
/// the next.
pub struct Planner<'a, 'c> {
    calendar: &'c WorkCalendar,
    today: NaiveDate,
    counts: Counts,
    card: bool,
    remind_after: Option<u32>,
    default_medium: Medium,
    history: History<'a>,
    /// The keys of the listed actions of the application being planned, one after the other.
    keys: String,
    out: Vec<Planned<'a>>,
    /// The application being planned and its medium.
    app: Option<(&'a Application, Medium)>,
    /// The possible reply holding its follow-ups, if any.
    hold: Option<Hold>,
}

impl<'a, 'c> Planner<'a, 'c> {
    pub fn new(settings: &Settings, calendar: &'c WorkCalendar, today: NaiveDate) -> Self {
        Planner {
            calendar,
            today,
            counts: Counts {
                buffer: settings
                    .buffer_days
                    .clamp(*BUFFER_RANGE.start(), *BUFFER_RANGE.end()),
                reminder: settings.remind_after_applying.unwrap_or(0),
            },
            card: settings.thank_you_card,
            remind_after: settings.remind_after_applying,
            default_medium: settings.default_medium,
            history: History::default(),
            keys: String::new(),
            out: Vec::new(),
            app: None,
            hold: None,
        }
    }

    /// Plans `app` into the planner's buffers, reporting problems into `problems`.
    pub fn plan_into(&mut self, app: &'a Application, problems: &mut Vec<Problem>) {
        let medium = app.medium_or(self.default_medium);
        self.app = Some((app, medium));
        self.hold = possible_reply::hold(app);
        let gate = Gate::new(app);
        let mut sink = Sink {
            app,
            gate,
            held: self.hold.is_some(),
            today: self.today,
            calendar: self.calendar,
            marks: &[],
            keys: &mut self.keys,
            out: &mut self.out,
            problems,
        };
        self.history.read(app, &mut sink);
        sink.marks = &self.history.marks;
        let facts = Facts {
            app,
            history: &self.history,
            today: self.today,
            calendar: self.calendar,
            counts: self.counts,
            card: self.card,
            remind_after: self.remind_after,
            gate,
        };
        thank_you::plan(&facts, &mut sink);
        follow_up_chain::plan(&facts, &mut sink);
        references::plan(&facts, &mut sink);
        good_news::plan(&facts, &mut sink);
        reminder::plan(&facts, &mut sink);
        rejection::plan(&facts, &mut sink);
    }

    /// How many of the planned actions are due or overdue; empties the buffers.
    pub fn take_actionable(&mut self) -> usize {
        let n = self
            .out
            .iter()
            .filter(|p| p.state.is_actionable() && !p.held)
            .count();
        self.out.clear();
        self.keys.clear();
        n
    }

    /// Moves the planned actions of the application just planned into `actions`, sorted by
    /// due date then key, and empties the buffers for the next application.
    pub fn drain_sorted_into(&mut self, actions: &mut Vec<Action>) {
        let keys = self.keys.as_str();
        let Some((app, medium)) = self.app else {
            return;
        };
        sort::sort_by(&mut self.out, |a, b| planned_order(a, b, keys));
        actions.extend(self.out.drain(..).map(|p| Action {
            key: p.key(keys).to_owned(),
            app_id: app.id.clone(),
            kind: p.kind,
            round_id: p.round_id.map(str::to_owned),
            contact_id: p.contact_id.map(str::to_owned),
            due: p.due,
            late_after: p.late,
            state: p.state,
            done_on: p.done_on,
            medium,
            reason: p.reason,
            held: if p.held { self.hold.clone() } else { None },
        }));
        self.keys.clear();
    }
}

/// [`super::action_order`] within one application: keys are unique there, so due date and
/// key decide.
fn planned_order(a: &Planned<'_>, b: &Planned<'_>, keys: &str) -> Ordering {
    a.due.cmp(&b.due).then_with(|| a.key(keys).cmp(b.key(keys)))
}

/// The rules' [`Out`] for one application.
struct Sink<'s, 'a> {
    app: &'a Application,
    gate: Gate,
    /// A possible reply holds the application's follow-ups.
    held: bool,
    today: NaiveDate,
    calendar: &'s WorkCalendar,
    marks: &'s [(&'a str, Mark)],
    keys: &'s mut String,
    out: &'s mut Vec<Planned<'a>>,
    problems: &'s mut Vec<Problem>,
}

impl Sink<'_, '_> {
    /// Where an action that is neither done nor skipped stands today.
    fn timed_state(
        &self,
        due: NaiveDate,
        late: Option<NaiveDate>,
        projected: bool,
        snoozed: bool,
    ) -> ActionState {
        if projected {
            ActionState::Projected
        } else if self.today < due {
            if snoozed {
                ActionState::Snoozed
            } else {
                ActionState::Upcoming
            }
        } else if late.is_some_and(|l| self.today > l) {
            ActionState::Overdue
        } else {
            ActionState::Due
        }
    }
}

impl<'a> Out<'a> for Sink<'_, 'a> {
    fn emit(&mut self, c: Candidate<'a>) -> Anchor {
        let live = c.live && self.gate.allows(c.kind);
        if !live && self.marks.is_empty() {
            // Nothing recorded and no longer scheduled: only its date matters, to later actions.
            return Anchor {
                date: c.due,
                resolved: false,
            };
        }
        let start = self.keys.len();
        c.key.write(self.keys);
        let span = start..self.keys.len();
        let key = self.keys.get(span.clone()).unwrap_or("");
        let mark = self
            .marks
            .iter()
            .rev()
            .find(|(k, _)| *k == key)
            .map(|(_, m)| *m);
        let mut due = c.due;
        let mut late = timing(c.reason.code).late_after(c.reason.from, c.due, self.calendar);
        let mut reason = c.reason;
        let (state, done_on) = match mark {
            Some(Mark::Sent(on)) => (ActionState::Done, Some(on)),
            Some(Mark::Skipped(on)) => (ActionState::Skipped, Some(on)),
            Some(Mark::Snoozed(until)) => {
                // The late-after day moves with the due day so the grace period is kept.
                late = late.and_then(|l| l.checked_add_signed(until.signed_duration_since(due)));
                due = until;
                reason.snoozed_to = Some(until);
                (self.timed_state(due, late, c.projected, true), None)
            }
            None => (self.timed_state(due, late, c.projected, false), None),
        };
        if live || done_on.is_some() {
            self.out.push(Planned {
                kind: c.kind,
                round_id: c.round_id,
                contact_id: c.contact_id,
                key: span,
                due,
                late,
                state,
                done_on,
                reason,
                held: self.held && done_on.is_none() && possible_reply::holds(c.kind),
            });
        } else {
            self.keys.truncate(start);
        }
        Anchor {
            date: done_on.unwrap_or(due),
            resolved: done_on.is_some(),
        }
    }

    fn problem(&mut self, kind: ProblemKind) {
        self.problems.push(Problem::new(&self.app.id, kind));
    }
}
