//! Why an action is due when it is: the case of its rule and the notes that follow (snoozed,
//! moved to a working day), as data for the interface to word in the user's language, and in
//! English for calendar files. Everything is read from the action's [`Reason`] and the
//! timing table; nothing about the rules is worked out again here.

use chrono::{Datelike, NaiveDate};

#[cfg(doc)]
use super::super::model::Reason;
use super::super::model::{Action, ActionState, Application, ReasonCode};
use super::timing::timing;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date as "3 Mar 2026" (English; the interface formats dates in the user's locale).
pub fn human_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

fn count(n: u32, working: bool) -> String {
    match (n, working) {
        (1, true) => "1 working day".to_string(),
        (n, true) => format!("{n} working days"),
        (1, false) => "1 day".to_string(),
        (n, false) => format!("{n} days"),
    }
}

/// Which sentence explains an action: its reason code, refined where the same rule reads
/// differently (projected or not, counted from the interview or from a reply).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WhyCase {
    InterviewDay,
    CardAfterInterview,
    AfterDecisionDate,
    NoDecisionDate,
    LongTimelineAfterInterview,
    LongTimelineAfterReply,
    AfterReplyDecisionDate,
    AfterReply,
    WeekAfterFirst,
    WeekAfterFirstProjected,
    NoReplyAfterSecond,
    NoReplyAfterSecondProjected,
    ReferencesRequested,
    AfterRejection,
    PositiveNews,
    AfterApplying,
}

/// What follows the sentence: the action was snoozed, or moved off a day that is not a
/// working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhyNote {
    SnoozedTo(NaiveDate),
    MovedTo(NaiveDate),
}

/// Why `action` is due when it is, as data: the interface words it in the user's language,
/// [`explain`] in English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Why {
    pub case: WhyCase,
    /// The day the rule counts from, and what it adds.
    pub from: NaiveDate,
    pub days: u32,
    pub working_days: bool,
    pub note: Option<WhyNote>,
}

/// The explanation of `action`.
pub fn why(action: &Action) -> Why {
    let r = &action.reason;
    let projected = action.state == ActionState::Projected;
    let case = match r.code {
        ReasonCode::InterviewDay => WhyCase::InterviewDay,
        ReasonCode::CardAfterInterview => WhyCase::CardAfterInterview,
        ReasonCode::AfterDecisionDate => WhyCase::AfterDecisionDate,
        ReasonCode::NoDecisionDate => WhyCase::NoDecisionDate,
        ReasonCode::LongTimeline if r.after_reply => WhyCase::LongTimelineAfterReply,
        ReasonCode::LongTimeline => WhyCase::LongTimelineAfterInterview,
        ReasonCode::AfterReplyDecisionDate => WhyCase::AfterReplyDecisionDate,
        ReasonCode::AfterReply => WhyCase::AfterReply,
        ReasonCode::WeekAfterFirst if projected => WhyCase::WeekAfterFirstProjected,
        ReasonCode::WeekAfterFirst => WhyCase::WeekAfterFirst,
        ReasonCode::NoReplyAfterSecond if projected => WhyCase::NoReplyAfterSecondProjected,
        ReasonCode::NoReplyAfterSecond => WhyCase::NoReplyAfterSecond,
        ReasonCode::ReferencesRequested => WhyCase::ReferencesRequested,
        ReasonCode::AfterRejectionFeedback | ReasonCode::AfterRejectionConnect => {
            WhyCase::AfterRejection
        }
        ReasonCode::PositiveNews => WhyCase::PositiveNews,
        ReasonCode::AfterApplying => WhyCase::AfterApplying,
    };
    let note = match r.snoozed_to {
        Some(until) => Some(WhyNote::SnoozedTo(until)),
        None if timing(r.code).moved(r.from, r.days, action.due) => {
            Some(WhyNote::MovedTo(action.due))
        }
        None => None,
    };
    Why {
        case,
        from: r.from,
        days: r.days,
        working_days: r.working_days,
        note,
    }
}

/// Why `action` is due when it is, in English: used in calendar files and wherever the
/// interface has no translation for the reason code.
pub fn explain(action: &Action, app: &Application) -> String {
    let w = why(action);
    let from = human_date(w.from);
    let span = count(w.days, w.working_days);
    let mut text = match w.case {
        WhyCase::InterviewDay => format!("On the day of your interview, {from}."),
        WhyCase::CardAfterInterview => {
            format!("{span} after your interview on {from}, so the card arrives after your email.")
        }
        WhyCase::AfterDecisionDate => {
            format!("{span} after {from}, the date by which they said they would decide.")
        }
        WhyCase::NoDecisionDate => {
            format!("{span} after your interview on {from}; no decision date was given.")
        }
        WhyCase::LongTimelineAfterInterview | WhyCase::LongTimelineAfterReply => {
            let what = if w.case == WhyCase::LongTimelineAfterInterview {
                "your interview"
            } else {
                "their reply"
            };
            format!(
                "{span} after {what} on {from}: their decision is more than two weeks away, so \
                 a short check-in counts as your first follow-up."
            )
        }
        WhyCase::AfterReplyDecisionDate => {
            format!("{span} after {from}, the decision date they gave when they replied.")
        }
        WhyCase::AfterReply => {
            format!("{span} after their reply on {from}; they gave no new date.")
        }
        WhyCase::WeekAfterFirstProjected => format!(
            "{span} after your first follow-up, planned for {from}; this date moves when you \
             mark it sent."
        ),
        WhyCase::WeekAfterFirst => {
            format!("{span} after your first follow-up, sent on {from}.")
        }
        WhyCase::NoReplyAfterSecondProjected => format!(
            "{span} after your second follow-up, planned for {from}, if no reply comes: then \
             put your energy into other openings."
        ),
        WhyCase::NoReplyAfterSecond => format!(
            "{span} after your second follow-up on {from} with no reply: time to put your \
             energy into other openings."
        ),
        WhyCase::ReferencesRequested => {
            format!("They asked for references on {from}. A good sign, but not an offer yet.")
        }
        WhyCase::AfterRejection => format!("{span} after the rejection on {from}."),
        WhyCase::PositiveNews => {
            let company = if app.company.is_empty() {
                "the company"
            } else {
                app.company.as_str()
            };
            format!("You noted good news about {company} on {from}.")
        }
        WhyCase::AfterApplying => {
            format!("{span} after you applied on {from}, with no interview yet.")
        }
    };
    match w.note {
        Some(WhyNote::SnoozedTo(until)) => {
            text.push_str(&format!(" Snoozed to {}.", human_date(until)))
        }
        Some(WhyNote::MovedTo(day)) => text.push_str(&format!(
            " Moved to {}, the next working day.",
            human_date(day)
        )),
        None => {}
    }
    text
}
