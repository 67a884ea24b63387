//! What the rule files work from: an application's history read once and checked (usable
//! dates, rounds that can be placed, replies in order), the settings the timing needs, and
//! the interface through which a rule hands over its candidate actions and problems.

use chrono::{Datelike, NaiveDate};

use super::super::calendar::WorkCalendar;
use super::super::model::{ActionKind, Application, EventKind, Reason, ReasonCode, Round, Status};
use super::eligibility::Gate;
use super::key;
use super::problems::ProblemKind;
use super::timing::{timing, Counts, Dated};

use crate::core::sort;

/// A date the planner can count from: years 1 to 9999, the range ISO dates are written in.
/// Everything outside is reported and left out, which also keeps all arithmetic far from
/// the ends of the calendar.
pub fn usable(date: NaiveDate) -> bool {
    (1..=9999).contains(&date.year())
}

/// What the latest event about an action key says.
#[derive(Debug, Clone, Copy)]
pub enum Mark {
    Sent(NaiveDate),
    Skipped(NaiveDate),
    Snoozed(NaiveDate),
}

/// The day a later action counts from: when the earlier one was done, or (projected) the day
/// it is due.
#[derive(Debug, Clone, Copy)]
pub struct Anchor {
    pub date: NaiveDate,
    pub resolved: bool,
}

/// One action a rule produces, before its state is known.
pub struct Candidate<'a> {
    pub key: key::Spec<'a>,
    pub kind: ActionKind,
    pub round_id: Option<&'a str>,
    pub contact_id: Option<&'a str>,
    /// Its due date and reason; the late-after date follows from them and the timing table.
    pub due: NaiveDate,
    pub reason: Reason,
    /// The rule still schedules it (the driver adds the status gate); otherwise it is listed
    /// only when done or skipped.
    pub live: bool,
    /// Counts from an earlier action that has not happened yet.
    pub projected: bool,
}

impl<'a> Candidate<'a> {
    /// A candidate dated by a timing row, with no round, contact or projection.
    #[inline]
    pub fn new(key: key::Spec<'a>, kind: ActionKind, dated: Dated, live: bool) -> Self {
        Candidate {
            key,
            kind,
            round_id: None,
            contact_id: None,
            due: dated.due,
            reason: dated.reason,
            live,
            projected: false,
        }
    }
}

/// Where the rules put what they found.
pub trait Out<'a> {
    /// Lists the candidate when it is scheduled or was done or skipped, and returns what
    /// later actions count from.
    fn emit(&mut self, c: Candidate<'a>) -> Anchor;
    /// Input the rule had to leave out or guess around.
    fn problem(&mut self, kind: ProblemKind);
}

/// An application's history, read once per application into buffers reused across
/// applications.
#[derive(Default)]
pub struct History<'a> {
    /// What happened to each action key, in recorded order.
    pub marks: Vec<(&'a str, Mark)>,
    /// The rounds that can be placed, by date (ties: recorded order).
    pub rounds: Vec<(usize, &'a Round)>,
    /// Replies by date (ties: recorded order), with the decision date each gave.
    pub replies: Vec<(NaiveDate, Option<NaiveDate>)>,
    /// Days the employer asked for references, sorted, each once.
    pub requests: Vec<NaiveDate>,
    /// Days good news was recorded, in recorded order.
    pub news: Vec<NaiveDate>,
}

impl<'a> History<'a> {
    /// Reads `app`'s status, history and rounds, reporting what cannot be used.
    pub fn read(&mut self, app: &'a Application, out: &mut impl Out<'a>) {
        if let Status::Other(s) = &app.status {
            let known: Vec<&str> = Status::ALL.iter().map(Status::as_str).collect();
            out.problem(ProblemKind::UnknownStatus {
                status: s.clone(),
                known: known.join(", "),
            });
        }
        self.read_events(app, out);
        self.read_rounds(app, out);
    }

    fn read_events(&mut self, app: &'a Application, out: &mut impl Out<'a>) {
        self.marks.clear();
        self.replies.clear();
        self.requests.clear();
        self.news.clear();
        let mut bad = Vec::new();
        for event in &app.history {
            if !usable(event.date) {
                bad.push(event.date);
                continue;
            }
            match &event.kind {
                EventKind::Sent { action } => self.marks.push((action, Mark::Sent(event.date))),
                EventKind::Skipped { action } => {
                    self.marks.push((action, Mark::Skipped(event.date)))
                }
                EventKind::Snoozed { action, until } => {
                    if usable(*until) {
                        self.marks.push((action, Mark::Snoozed(*until)));
                    } else {
                        bad.push(*until);
                    }
                }
                EventKind::Reply { decision_date } => {
                    let decision = decision_date.filter(|d| usable(*d));
                    if decision_date.is_some() && decision.is_none() {
                        bad.extend(*decision_date);
                    }
                    self.replies.push((event.date, decision));
                }
                EventKind::ReferencesRequested => self.requests.push(event.date),
                EventKind::PositiveNews { .. } => self.news.push(event.date),
                EventKind::Status { .. } => {}
            }
        }
        // Stable: replies on one day keep the order they were recorded in.
        sort::sort_by_key(&mut self.replies, |r| r.0);
        sort::sort(&mut self.requests);
        self.requests.dedup();
        for date in bad {
            out.problem(ProblemKind::HistoryDate { date });
        }
    }

    fn read_rounds(&mut self, app: &'a Application, out: &mut impl Out<'a>) {
        self.rounds.clear();
        let applied = app.applied_on.filter(|d| usable(*d));
        if let Some(d) = app.applied_on.filter(|d| !usable(*d)) {
            out.problem(ProblemKind::AppliedDate { date: d });
        }
        for (i, round) in app.rounds.iter().enumerate() {
            if !usable(round.date) {
                out.problem(ProblemKind::RoundWithoutDate {
                    round: round.id.clone(),
                    date: round.date,
                });
                continue;
            }
            if let Some(applied) = applied.filter(|a| round.date < *a) {
                out.problem(ProblemKind::RoundBeforeApplied {
                    date: round.date,
                    applied,
                });
                continue;
            }
            if self.rounds.iter().any(|(_, r)| r.id == round.id) {
                out.problem(ProblemKind::DuplicateRound {
                    round: round.id.clone(),
                    date: round.date,
                });
                continue;
            }
            self.rounds.push((i, round));
        }
        sort::sort_by_key(&mut self.rounds, |(i, r)| (r.date, *i));
    }
}

/// Everything a rule may read about one application.
pub struct Facts<'f, 'a> {
    pub app: &'a Application,
    pub history: &'f History<'a>,
    pub today: NaiveDate,
    pub calendar: &'f WorkCalendar,
    pub counts: Counts,
    /// The thank-you card setting.
    pub card: bool,
    /// "Remind me N days after applying", if set.
    pub remind_after: Option<u32>,
    pub gate: Gate,
}

impl<'a> Facts<'_, 'a> {
    /// Whether the application's status lets `kind` be scheduled (rules 2 and 7).
    pub fn schedules(&self, kind: ActionKind) -> bool {
        self.gate.allows(kind)
    }

    /// The timing row of `code` applied to `from`.
    #[inline(always)]
    pub fn dated(&self, code: ReasonCode, from: NaiveDate) -> Dated {
        timing(code).apply(from, self.counts, self.calendar)
    }

    /// The rounds that can be placed, by date.
    pub fn rounds(&self) -> impl ExactSizeIterator<Item = &'a Round> + '_ {
        self.history.rounds.iter().map(|(_, r)| *r)
    }

    /// Who hears from the user outside the follow-up chain: the hiring manager, otherwise
    /// the follow-up contact of the latest round.
    pub fn manager(&self) -> Option<&'a str> {
        let app = self.app;
        app.contacts
            .iter()
            .find(|c| c.hiring_manager)
            .or_else(|| {
                self.history
                    .rounds
                    .last()
                    .and_then(|(_, r)| app.follow_up_contact(r))
            })
            .map(|c| c.id.as_str())
    }
}
