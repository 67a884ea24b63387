//! Recording what the user did or heard: pure functions from an application to the next
//! version of it. Each one appends to the history (and sets the status where the rules say
//! so); the planner in [`super::plan`] reads that history back. Nothing here reads the clock
//! or the store.

use std::fmt;

use chrono::NaiveDate;

use super::model::{Application, Event, EventKind, Status};
use super::plan::key;
use super::words::{Arg, Coded};

/// Why an operation was refused, worded for the user ([`Coded`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpError {
    /// The key does not name an action the planner produces.
    UnknownAction { key: String },
    /// `undo` found nothing recorded about the action.
    NothingToUndo { key: String },
    /// A snooze must move the action to a later day.
    SnoozeNotLater { today: NaiveDate, until: NaiveDate },
    /// A reply cannot promise a decision before the reply itself.
    DecisionBeforeReply {
        reply: NaiveDate,
        decision: NaiveDate,
    },
    /// The application already has this status.
    SameStatus { status: Status },
    /// Not one of the statuses the planner knows.
    UnknownStatus { status: String },
    /// No message noticed in webmail has this id (it was answered elsewhere, or removed).
    UnknownMessage { id: String },
    /// The noticed message was already answered.
    AlreadyAnswered { date: NaiveDate },
}

impl fmt::Display for OpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpError::UnknownAction { key } => write!(
                f,
                "'{key}' is not an action of this application; refresh the list and try again."
            ),
            OpError::NothingToUndo { key } => {
                write!(
                    f,
                    "Nothing was recorded for '{key}', so there is nothing to undo."
                )
            }
            OpError::SnoozeNotLater { today, until } => write!(
                f,
                "Choose a day after today ({today}) to snooze to; {until} is not later."
            ),
            OpError::DecisionBeforeReply { reply, decision } => write!(
                f,
                "The new decision date {decision} is before the reply on {reply}; check the dates."
            ),
            OpError::SameStatus { status } => {
                write!(f, "The application is already '{}'.", status.as_str())
            }
            OpError::UnknownStatus { status } => {
                let known: Vec<&str> = Status::ALL.iter().map(Status::as_str).collect();
                write!(
                    f,
                    "'{status}' is not a status; choose one of: {}.",
                    known.join(", ")
                )
            }
            OpError::UnknownMessage { .. } => write!(
                f,
                "That message is no longer among the possible replies; refresh the list."
            ),
            OpError::AlreadyAnswered { date } => {
                write!(f, "The message of {date} was already answered.")
            }
        }
    }
}

impl std::error::Error for OpError {}

impl Coded for OpError {
    fn key(&self) -> &'static str {
        match self {
            OpError::UnknownAction { .. } => "opUnknownAction",
            OpError::NothingToUndo { .. } => "opNothingToUndo",
            OpError::SnoozeNotLater { .. } => "opSnoozeNotLater",
            OpError::DecisionBeforeReply { .. } => "opDecisionBeforeReply",
            OpError::SameStatus { .. } => "opSameStatus",
            OpError::UnknownStatus { .. } => "opUnknownStatus",
            OpError::UnknownMessage { .. } => "opUnknownMessage",
            OpError::AlreadyAnswered { .. } => "opAlreadyAnswered",
        }
    }

    fn coded_args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            OpError::UnknownAction { key } | OpError::NothingToUndo { key } => {
                vec![("key", Arg::text(key))]
            }
            OpError::SnoozeNotLater { today, until } => {
                vec![("today", Arg::Date(*today)), ("until", Arg::Date(*until))]
            }
            OpError::DecisionBeforeReply { reply, decision } => {
                vec![
                    ("decision", Arg::Date(*decision)),
                    ("reply", Arg::Date(*reply)),
                ]
            }
            OpError::SameStatus { status } => vec![("status", Arg::text(status.as_str()))],
            OpError::UnknownStatus { status } => {
                let known: Vec<&str> = Status::ALL.iter().map(Status::as_str).collect();
                vec![
                    ("status", Arg::text(status)),
                    ("known", Arg::Text(known.join(", "))),
                ]
            }
            OpError::UnknownMessage { .. } => Vec::new(),
            OpError::AlreadyAnswered { date } => vec![("date", Arg::Date(*date))],
        }
    }
}

fn checked_key(key: &str) -> Result<(), OpError> {
    if key::is_well_formed(key) {
        Ok(())
    } else {
        Err(OpError::UnknownAction {
            key: key.to_string(),
        })
    }
}

fn with_event(app: &Application, date: NaiveDate, kind: EventKind) -> Application {
    let mut next = app.clone();
    next.history.push(Event { date, kind });
    next
}

fn set_status(app: &mut Application, date: NaiveDate, to: Status) {
    let from = std::mem::replace(&mut app.status, to.clone());
    app.history.push(Event {
        date,
        kind: EventKind::Status { from, to },
    });
}

/// Marks the action sent (or done) on `date`. Completing a move-on action also sets the
/// status to no response, with its own status event.
pub fn record_sent(app: &Application, key: &str, date: NaiveDate) -> Result<Application, OpError> {
    checked_key(key)?;
    let mut next = with_event(
        app,
        date,
        EventKind::Sent {
            action: key.to_string(),
        },
    );
    if key::is_move_on(key) && next.status != Status::NoResponse {
        set_status(&mut next, date, Status::NoResponse);
    }
    Ok(next)
}

/// Records that the user chose not to act on the action. Later actions count from `date`.
pub fn record_skipped(
    app: &Application,
    key: &str,
    date: NaiveDate,
) -> Result<Application, OpError> {
    checked_key(key)?;
    Ok(with_event(
        app,
        date,
        EventKind::Skipped {
            action: key.to_string(),
        },
    ))
}

/// Puts the action off until `until` (which must be after `today`); it is due again then.
pub fn snooze(
    app: &Application,
    key: &str,
    today: NaiveDate,
    until: NaiveDate,
) -> Result<Application, OpError> {
    checked_key(key)?;
    if until <= today {
        return Err(OpError::SnoozeNotLater { today, until });
    }
    Ok(with_event(
        app,
        today,
        EventKind::Snoozed {
            action: key.to_string(),
            until,
        },
    ))
}

/// Removes the latest sent, skipped or snoozed event about the action. Undoing a completed
/// move-on also removes the status change it made and restores the previous status.
pub fn undo(app: &Application, key: &str) -> Result<Application, OpError> {
    let found = app.history.iter().rposition(|e| match &e.kind {
        EventKind::Sent { action }
        | EventKind::Skipped { action }
        | EventKind::Snoozed { action, .. } => action == key,
        _ => false,
    });
    let Some(at) = found else {
        return Err(OpError::NothingToUndo {
            key: key.to_string(),
        });
    };
    let mut next = app.clone();
    let removed = next.history.remove(at);
    if matches!(removed.kind, EventKind::Sent { .. }) && key::is_move_on(key) {
        // record_sent put the status change right after the sent event, on the same day.
        if let Some(Event {
            date,
            kind:
                EventKind::Status {
                    from,
                    to: Status::NoResponse,
                },
        }) = next.history.get(at)
        {
            if *date == removed.date && next.status == Status::NoResponse {
                next.status = from.clone();
                next.history.remove(at);
            }
        }
    }
    Ok(next)
}

/// Records that the employer replied on `date`. Pending follow-ups are cancelled and a new
/// chain starts from the reply: after `new_decision_date` when given, otherwise five working
/// days after the reply. The application's own decision date (what was said at the
/// interview) is left as it was.
pub fn record_reply(
    app: &Application,
    date: NaiveDate,
    new_decision_date: Option<NaiveDate>,
) -> Result<Application, OpError> {
    if let Some(decision) = new_decision_date.filter(|d| *d < date) {
        return Err(OpError::DecisionBeforeReply {
            reply: date,
            decision,
        });
    }
    Ok(with_event(
        app,
        date,
        EventKind::Reply {
            decision_date: new_decision_date,
        },
    ))
}

/// Changes the status on `date`, with a status event recording where it came from.
pub fn record_status(
    app: &Application,
    date: NaiveDate,
    to: Status,
) -> Result<Application, OpError> {
    if let Status::Other(s) = &to {
        return Err(OpError::UnknownStatus { status: s.clone() });
    }
    if app.status == to {
        return Err(OpError::SameStatus { status: to });
    }
    let mut next = app.clone();
    set_status(&mut next, date, to);
    Ok(next)
}

/// Records that the employer asked for references on `date`: each reference gets an alert.
pub fn record_references_requested(app: &Application, date: NaiveDate) -> Application {
    with_event(app, date, EventKind::ReferencesRequested)
}

/// Records good news about the company on `date`: a chance to congratulate.
pub fn record_positive_news(app: &Application, date: NaiveDate, note: &str) -> Application {
    with_event(
        app,
        date,
        EventKind::PositiveNews {
            note: note.to_string(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("test date")
    }

    #[test]
    fn unknown_keys_are_refused_with_a_readable_message() {
        let err = record_sent(&Application::default(), "call-mum", d("2026-03-02")).unwrap_err();
        assert!(
            err.to_string().contains("'call-mum' is not an action"),
            "{err}"
        );
    }

    #[test]
    fn undo_restores_the_status_a_move_on_changed() {
        let app = Application {
            status: Status::Interviewing,
            ..Default::default()
        };
        let done = record_sent(&app, &key::move_on("r1", 0), d("2026-03-30")).unwrap();
        assert_eq!(done.status, Status::NoResponse);
        assert_eq!(done.history.len(), 2);
        let back = undo(&done, &key::move_on("r1", 0)).unwrap();
        assert_eq!(back, app);
    }

    #[test]
    fn undo_with_nothing_recorded_is_an_error() {
        let err = undo(&Application::default(), "ask-feedback").unwrap_err();
        assert_eq!(
            err,
            OpError::NothingToUndo {
                key: "ask-feedback".into()
            }
        );
    }

    #[test]
    fn snooze_must_move_forward() {
        let err = snooze(
            &Application::default(),
            "ask-feedback",
            d("2026-03-05"),
            d("2026-03-05"),
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("Choose a day after today"));
    }

    #[test]
    fn status_changes_are_validated_and_recorded() {
        let app = Application::default();
        assert!(record_status(&app, d("2026-03-05"), Status::Applied).is_err());
        assert!(record_status(&app, d("2026-03-05"), Status::Other("ghosted".into())).is_err());
        let next = record_status(&app, d("2026-03-05"), Status::Rejected).unwrap();
        assert_eq!(next.status, Status::Rejected);
        assert_eq!(
            next.history.last().map(|e| &e.kind),
            Some(&EventKind::Status {
                from: Status::Applied,
                to: Status::Rejected
            })
        );
    }

    #[test]
    fn reply_decision_must_not_precede_the_reply() {
        let err = record_reply(
            &Application::default(),
            d("2026-03-10"),
            Some(d("2026-03-09")),
        )
        .unwrap_err();
        assert!(matches!(err, OpError::DecisionBeforeReply { .. }));
    }
}
