//! What the planner could not place, as codes with arguments. The interface words each one
//! through `_locales` (`problem<Code>`, placeholders named after the arguments) in the user's
//! language; [`Problem::message`] keeps the English sentence for files and logs, and a test
//! checks that it is the English `_locales` text with the same arguments.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use crate::core::words::Arg;
use crate::core::words::Coded;

/// Input the planner had to leave out or guess around.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "code",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase"
)]
pub enum ProblemKind {
    /// A status the planner does not know; `known` lists the ones it does.
    UnknownStatus { status: String, known: String },
    /// A history entry dated outside the years 1 to 9999.
    HistoryDate { date: NaiveDate },
    /// An application date outside the years 1 to 9999.
    AppliedDate { date: NaiveDate },
    /// A round without a usable date.
    RoundWithoutDate { round: String, date: NaiveDate },
    /// A round dated before the application.
    RoundBeforeApplied { date: NaiveDate, applied: NaiveDate },
    /// A second round with an id already used.
    DuplicateRound { round: String, date: NaiveDate },
    /// An interviewer who is not among the contacts.
    UnknownInterviewer { date: NaiveDate, contact: String },
    /// An interviewer listed twice in one round.
    InterviewerTwice { date: NaiveDate, name: String },
    /// A decision date before the latest interview.
    DecisionBeforeInterview {
        decision: NaiveDate,
        date: NaiveDate,
    },
    /// A decision date outside the years 1 to 9999.
    DecisionDate { decision: NaiveDate },
    /// A latest round with nobody to follow up with.
    NoFollowUpContact { date: NaiveDate },
    /// A reply whose new decision date is before the reply.
    ReplyDecisionBeforeReply {
        reply: NaiveDate,
        decision: NaiveDate,
    },
    /// The reminder after applying without an application date.
    ReminderWithoutApplied,
    /// A reminder that would fall past the year 9999.
    ReminderTooFar { days: u32 },
    /// A rejected application without a rejection date.
    RejectedWithoutDate,
    /// Several applications sharing one id.
    SharedId { count: u32, id: String },
}

impl ProblemKind {
    /// The `_locales` message that words it.
    pub fn message_key(&self) -> &'static str {
        self.key()
    }

    /// Its arguments, named as the placeholders of its message.
    pub fn args(&self) -> Vec<(&'static str, Arg)> {
        self.coded_args()
    }

    /// The English sentence: the same text as `_locales/en`, with ISO dates.
    pub fn english(&self) -> String {
        self.to_string()
    }
}

impl Coded for ProblemKind {
    fn key(&self) -> &'static str {
        match self {
            ProblemKind::UnknownStatus { .. } => "problemUnknownStatus",
            ProblemKind::HistoryDate { .. } => "problemHistoryDate",
            ProblemKind::AppliedDate { .. } => "problemAppliedDate",
            ProblemKind::RoundWithoutDate { .. } => "problemRoundWithoutDate",
            ProblemKind::RoundBeforeApplied { .. } => "problemRoundBeforeApplied",
            ProblemKind::DuplicateRound { .. } => "problemDuplicateRound",
            ProblemKind::UnknownInterviewer { .. } => "problemUnknownInterviewer",
            ProblemKind::InterviewerTwice { .. } => "problemInterviewerTwice",
            ProblemKind::DecisionBeforeInterview { .. } => "problemDecisionBeforeInterview",
            ProblemKind::DecisionDate { .. } => "problemDecisionDate",
            ProblemKind::NoFollowUpContact { .. } => "problemNoFollowUpContact",
            ProblemKind::ReplyDecisionBeforeReply { .. } => "problemReplyDecisionBeforeReply",
            ProblemKind::ReminderWithoutApplied => "problemReminderWithoutApplied",
            ProblemKind::ReminderTooFar { .. } => "problemReminderTooFar",
            ProblemKind::RejectedWithoutDate => "problemRejectedWithoutDate",
            ProblemKind::SharedId { .. } => "problemSharedId",
        }
    }

    fn coded_args(&self) -> Vec<(&'static str, Arg)> {
        let text = |s: &str| Arg::Text(s.to_string());
        match self {
            ProblemKind::UnknownStatus { status, known } => {
                vec![("status", text(status)), ("known", text(known))]
            }
            ProblemKind::HistoryDate { date } | ProblemKind::AppliedDate { date } => {
                vec![("date", Arg::Date(*date))]
            }
            ProblemKind::RoundWithoutDate { round, date }
            | ProblemKind::DuplicateRound { round, date } => {
                vec![("round", text(round)), ("date", Arg::Date(*date))]
            }
            ProblemKind::RoundBeforeApplied { date, applied } => {
                vec![("date", Arg::Date(*date)), ("applied", Arg::Date(*applied))]
            }
            ProblemKind::UnknownInterviewer { date, contact } => {
                vec![("date", Arg::Date(*date)), ("contact", text(contact))]
            }
            ProblemKind::InterviewerTwice { date, name } => {
                vec![("date", Arg::Date(*date)), ("name", text(name))]
            }
            ProblemKind::DecisionBeforeInterview { decision, date } => vec![
                ("decision", Arg::Date(*decision)),
                ("date", Arg::Date(*date)),
            ],
            ProblemKind::DecisionDate { decision } => vec![("decision", Arg::Date(*decision))],
            ProblemKind::NoFollowUpContact { date } => vec![("date", Arg::Date(*date))],
            ProblemKind::ReplyDecisionBeforeReply { reply, decision } => vec![
                ("reply", Arg::Date(*reply)),
                ("decision", Arg::Date(*decision)),
            ],
            ProblemKind::ReminderWithoutApplied | ProblemKind::RejectedWithoutDate => vec![],
            ProblemKind::ReminderTooFar { days } => vec![("days", Arg::Number(u64::from(*days)))],
            ProblemKind::SharedId { count, id } => {
                vec![("count", Arg::Number(u64::from(*count))), ("id", text(id))]
            }
        }
    }
}

/// The English sentence: the same text as `_locales/en`, with ISO dates.
impl std::fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            ProblemKind::UnknownStatus { status, known } => format!(
                "The status '{status}' is not one the planner knows, so nothing new was \
                 scheduled. Choose one of: {known}."
            ),
            ProblemKind::HistoryDate { date } => format!(
                "The history has a date ({date}) outside the years 1 to 9999; that entry was \
                 ignored."
            ),
            ProblemKind::AppliedDate { date } => format!(
                "The application date {date} is outside the years 1 to 9999; it was ignored."
            ),
            ProblemKind::RoundWithoutDate { round, date } => format!(
                "The round '{round}' has no usable date ({date}); it was left out. Set its date."
            ),
            ProblemKind::RoundBeforeApplied { date, applied } => format!(
                "Round on {date} is before the application date {applied}; it was left out. \
                 Check both dates."
            ),
            ProblemKind::DuplicateRound { round, date } => {
                format!("Two rounds share the id '{round}'; the one on {date} was left out.")
            }
            ProblemKind::UnknownInterviewer { date, contact } => format!(
                "The interview on {date} lists a contact ('{contact}') that is not among this \
                 application's contacts; no thank-you was planned for them. Add the contact or \
                 remove them from the round."
            ),
            ProblemKind::InterviewerTwice { date, name } => {
                format!("The interview on {date} lists {name} twice; one thank-you was planned.")
            }
            ProblemKind::DecisionBeforeInterview { decision, date } => format!(
                "The decision date {decision} is before the interview on {date}; it was \
                 ignored. Update the decision date."
            ),
            ProblemKind::DecisionDate { decision } => format!(
                "The decision date {decision} is outside the years 1 to 9999; it was ignored."
            ),
            ProblemKind::NoFollowUpContact { date } => format!(
                "There is no one to send follow-ups to for the interview on {date}: mark a \
                 hiring manager or add the interviewers."
            ),
            ProblemKind::ReplyDecisionBeforeReply { reply, decision } => format!(
                "The reply on {reply} gives a decision date ({decision}) before it; that date \
                 was ignored."
            ),
            ProblemKind::ReminderWithoutApplied => {
                "Set the date you applied so that the reminder after applying can be planned."
                    .to_string()
            }
            ProblemKind::ReminderTooFar { days } => format!(
                "A reminder {days} days after applying falls past the year 9999; choose a \
                 smaller number of days."
            ),
            ProblemKind::RejectedWithoutDate => {
                "The application is marked rejected but the history has no rejection date; \
                 feedback and stay-connected dates count from today until you record it."
                    .to_string()
            }
            ProblemKind::SharedId { count, id } => format!(
                "{count} applications share the id '{id}'; their recorded actions may be mixed \
                 up. Give each application its own id."
            ),
        };
        f.write_str(&text)
    }
}

/// Input the planner had to leave out or guess around, for the user to fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// The application the problem is about.
    pub app_id: String,
    /// What was wrong, as a code with arguments.
    pub kind: ProblemKind,
    /// The same in English: what was wrong, what the planner did about it, and what the user
    /// can change.
    pub message: String,
}

impl Problem {
    pub fn new(app_id: &str, kind: ProblemKind) -> Problem {
        Problem {
            app_id: app_id.to_string(),
            message: kind.english(),
            kind,
        }
    }
}
