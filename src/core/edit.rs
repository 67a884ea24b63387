//! What the user records about one application (sent, skipped, snoozed, undone, a reply, a
//! status...), as the pages send it and as [`super::ops`] applies it. Part of the command path
//! ([`super::command`]).

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

use super::model::{Answer, Application, Status};
use super::noticing::{self, Message};
use super::ops::{self, OpError};

/// What happened to one application, recorded in its history by [`ops`]. Pages send it as
/// `{"kind": "sent", "actionKey": ..., "date": ...}` (camelCase fields, kebab-case kinds).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(
    tag = "kind",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase"
)]
pub enum Edit {
    /// The action was sent (or done) on `date`.
    Sent { action_key: String, date: NaiveDate },
    /// The user decided not to do the action, on `date`.
    Skip { action_key: String, date: NaiveDate },
    /// Put the action off to `until`.
    Snooze {
        action_key: String,
        until: NaiveDate,
    },
    /// Take back the latest sent, skipped or snoozed record of the action.
    Undo { action_key: String },
    /// The employer replied on `date`, perhaps with a new decision date.
    Reply {
        date: NaiveDate,
        decision_date: Option<NaiveDate>,
    },
    /// The application's status changed on `date`.
    Status { date: NaiveDate, status: Status },
    /// The employer asked for references on `date`.
    ReferencesRequested { date: NaiveDate },
    /// Good news about the company, recorded on `date`.
    PositiveNews { date: NaiveDate, note: String },
    /// What the user said a message noticed in webmail was (`core::noticing::answer`).
    Answer {
        message: String,
        answer: Answer,
        decision_date: Option<NaiveDate>,
    },
    /// Messages noticed in webmail, kept when they are possible replies. The service worker
    /// makes this edit from what a content script read; pages never send it.
    #[serde(skip)]
    Noticed {
        messages: Vec<Message>,
        today: NaiveDate,
    },
}

// Read through a flat record rather than serde's internally tagged enum, whose buffering of
// the whole value would be compiled into the WebAssembly for this one type. As before, a
// field the kind does not have is refused, and so is a missing one.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct FlatEdit {
    kind: String,
    action_key: Option<String>,
    date: Option<NaiveDate>,
    until: Option<NaiveDate>,
    decision_date: Option<NaiveDate>,
    status: Option<Status>,
    note: Option<String>,
    message: Option<String>,
    answer: Option<String>,
}

impl<'de> Deserialize<'de> for Edit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let f = FlatEdit::deserialize(d)?;
        let fields: &'static [&'static str] = match f.kind.as_str() {
            "sent" | "skip" => &["actionKey", "date"],
            "snooze" => &["actionKey", "until"],
            "undo" => &["actionKey"],
            "reply" => &["date", "decisionDate"],
            "status" => &["date", "status"],
            "references-requested" => &["date"],
            "positive-news" => &["date", "note"],
            "answer" => &["message", "answer", "decisionDate"],
            other => {
                const KINDS: &[&str] = &[
                    "sent",
                    "skip",
                    "snooze",
                    "undo",
                    "reply",
                    "status",
                    "references-requested",
                    "positive-news",
                    "answer",
                ];
                return Err(D::Error::unknown_variant(other, KINDS));
            }
        };
        let present = [
            ("actionKey", f.action_key.is_some()),
            ("date", f.date.is_some()),
            ("until", f.until.is_some()),
            ("decisionDate", f.decision_date.is_some()),
            ("status", f.status.is_some()),
            ("note", f.note.is_some()),
            ("message", f.message.is_some()),
            ("answer", f.answer.is_some()),
        ];
        if let Some((name, _)) = present.iter().find(|(n, p)| *p && !fields.contains(n)) {
            return Err(D::Error::unknown_field(name, fields));
        }
        let key = || {
            f.action_key
                .clone()
                .ok_or_else(|| D::Error::missing_field("actionKey"))
        };
        let date = || f.date.ok_or_else(|| D::Error::missing_field("date"));
        Ok(match f.kind.as_str() {
            "sent" => Edit::Sent {
                action_key: key()?,
                date: date()?,
            },
            "skip" => Edit::Skip {
                action_key: key()?,
                date: date()?,
            },
            "snooze" => Edit::Snooze {
                action_key: key()?,
                until: f.until.ok_or_else(|| D::Error::missing_field("until"))?,
            },
            "undo" => Edit::Undo { action_key: key()? },
            "reply" => Edit::Reply {
                date: date()?,
                decision_date: f.decision_date,
            },
            "status" => Edit::Status {
                date: date()?,
                status: f
                    .status
                    .clone()
                    .ok_or_else(|| D::Error::missing_field("status"))?,
            },
            "references-requested" => Edit::ReferencesRequested { date: date()? },
            "answer" => Edit::Answer {
                message: f
                    .message
                    .clone()
                    .ok_or_else(|| D::Error::missing_field("message"))?,
                answer: {
                    let text = f.answer.as_deref().unwrap_or("");
                    Answer::parse(text).ok_or_else(|| {
                        D::Error::unknown_variant(
                            text,
                            &["reply", "rejection", "interview", "references", "not-about"],
                        )
                    })?
                },
                decision_date: f.decision_date,
            },
            _ => Edit::PositiveNews {
                date: date()?,
                note: f
                    .note
                    .clone()
                    .ok_or_else(|| D::Error::missing_field("note"))?,
            },
        })
    }
}

impl Edit {
    /// The action the edit is about, for the edits that are about one.
    pub fn action_key(&self) -> Option<&str> {
        match self {
            Edit::Sent { action_key, .. }
            | Edit::Skip { action_key, .. }
            | Edit::Snooze { action_key, .. }
            | Edit::Undo { action_key } => Some(action_key),
            _ => None,
        }
    }

    /// The next version of `app`.
    pub fn apply(&self, app: &Application, today: NaiveDate) -> Result<Application, OpError> {
        match self {
            Edit::Sent { action_key, date } => ops::record_sent(app, action_key, *date),
            Edit::Skip { action_key, date } => ops::record_skipped(app, action_key, *date),
            Edit::Snooze { action_key, until } => ops::snooze(app, action_key, today, *until),
            Edit::Undo { action_key } => ops::undo(app, action_key),
            Edit::Reply {
                date,
                decision_date,
            } => ops::record_reply(app, *date, *decision_date),
            Edit::Status { date, status } => ops::record_status(app, *date, status.clone()),
            Edit::ReferencesRequested { date } => Ok(ops::record_references_requested(app, *date)),
            Edit::PositiveNews { date, note } => Ok(ops::record_positive_news(app, *date, note)),
            Edit::Answer {
                message,
                answer,
                decision_date,
            } => noticing::answer(app, message, *answer, *decision_date),
            // Nothing new leaves the application as it was: the caller writes nothing then.
            Edit::Noticed { messages, today } => {
                Ok(noticing::take(app, messages, *today).unwrap_or_else(|| app.clone()))
            }
        }
    }
}
