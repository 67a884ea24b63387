//! The actions the planner derives: what to do, for whom, when, why, and where each stands.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ActionKind, Medium};

/// Where an action stands on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActionState {
    /// Its due date is after today.
    Upcoming,
    /// Due today or since, not yet late.
    Due,
    /// Past its late-after date; still shown.
    Overdue,
    Done,
    Skipped,
    /// Put off to a later day; due again from then on.
    Snoozed,
    /// Depends on an earlier action that has not happened; the date assumes it happens when due.
    Projected,
}

crate::stored_by_name!(
    ActionState,
    [
        Upcoming = "upcoming",
        Due = "due",
        Overdue = "overdue",
        Done = "done",
        Skipped = "skipped",
        Snoozed = "snoozed",
        Projected = "projected",
    ]
);

impl ActionState {
    /// Counted on the toolbar badge.
    pub fn is_actionable(self) -> bool {
        matches!(self, ActionState::Due | ActionState::Overdue)
    }
}

/// Why an action is due: which rule, from which day. The UI turns it into a sentence
/// (`reason_<code>` in the message files) with the dates as placeholders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reason {
    pub code: ReasonCode,
    /// The day the rule counts from (interview, decision date, sent date, reply...).
    pub from: NaiveDate,
    /// How many days the rule adds, and whether they are working days.
    pub days: u32,
    pub working_days: bool,
    /// The chain this action belongs to started with a reply of the employer, not the
    /// interview.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub after_reply: bool,
    /// The user snoozed the action to this day (its due date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snoozed_to: Option<NaiveDate>,
}

impl Reason {
    /// A reason with no reply and no snooze.
    pub fn new(code: ReasonCode, from: NaiveDate, days: u32, working_days: bool) -> Reason {
        Reason {
            code,
            from,
            days,
            working_days,
            after_reply: false,
            snoozed_to: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReasonCode {
    /// Thank-you email on the interview day.
    InterviewDay,
    /// Thank-you card two days after the interview.
    CardAfterInterview,
    /// First follow-up after the stated decision date.
    AfterDecisionDate,
    /// First follow-up after the interview, no decision date given.
    NoDecisionDate,
    /// Check-in a week after the interview on a long timeline.
    LongTimeline,
    /// Follow-up after the decision date a reply gave.
    AfterReplyDecisionDate,
    /// Follow-up after a reply with no new date.
    AfterReply,
    /// Second follow-up a week after the first was sent.
    WeekAfterFirst,
    /// Move on a week after the second follow-up, no reply.
    NoReplyAfterSecond,
    /// References were requested.
    ReferencesRequested,
    /// Feedback request after a rejection.
    AfterRejectionFeedback,
    /// Stay connected after a rejection.
    AfterRejectionConnect,
    /// Positive company news recorded.
    PositiveNews,
    /// The user's reminder after an online application.
    AfterApplying,
}

crate::stored_by_name!(
    ReasonCode,
    [
        InterviewDay = "interview-day",
        CardAfterInterview = "card-after-interview",
        AfterDecisionDate = "after-decision-date",
        NoDecisionDate = "no-decision-date",
        LongTimeline = "long-timeline",
        AfterReplyDecisionDate = "after-reply-decision-date",
        AfterReply = "after-reply",
        WeekAfterFirst = "week-after-first",
        NoReplyAfterSecond = "no-reply-after-second",
        ReferencesRequested = "references-requested",
        AfterRejectionFeedback = "after-rejection-feedback",
        AfterRejectionConnect = "after-rejection-connect",
        PositiveNews = "positive-news",
        AfterApplying = "after-applying",
    ]
);

/// One thing to do: what, for whom, when, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    /// Stable within the application: events refer to the action by this key.
    pub key: String,
    pub app_id: String,
    pub kind: ActionKind,
    pub round_id: Option<String>,
    pub contact_id: Option<String>,
    /// The day it is due (after snoozing, the day it was snoozed to).
    pub due: NaiveDate,
    /// From the day after this one it is overdue. `None`: never overdue.
    pub late_after: Option<NaiveDate>,
    pub state: ActionState,
    /// The day it was sent, done or skipped.
    pub done_on: Option<NaiveDate>,
    pub medium: Medium,
    pub reason: Reason,
    /// Someone of the application may have answered: a possible reply the user has not
    /// looked at yet holds this follow-up (`plan::possible_reply`). Not counted on the badge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held: Option<Hold>,
}

impl Action {
    /// Counted on the toolbar badge: due or overdue, and not held by a possible reply.
    pub fn is_actionable(&self) -> bool {
        self.state.is_actionable() && self.held.is_none()
    }
}

/// Who may have answered, and on which day: "Dana may have answered on 3 Dec".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Hold {
    pub name: String,
    pub date: NaiveDate,
}
