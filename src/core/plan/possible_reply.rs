//! Possible replies hold the follow-ups (docs/rules.md, rule 3 and "Possible replies").
//!
//! A message from one of the application's people noticed in webmail (`core::noticing`) may be
//! the reply that ends the current follow-up chain. Until the user says what it was, the
//! chain's follow-ups (and the reminder after applying) are *held*: still listed, with who may
//! have answered and when, but not counted on the badge, and a draft of one carries a warning.
//! The user's answer is an ordinary history event (a reply, a rejection...), so once answered
//! the rules above decide again from the history alone.

use super::super::model::{ActionKind, Application, Hold};

/// The follow-ups a possible reply holds: the chain's and the reminder after applying.
pub fn holds(kind: ActionKind) -> bool {
    matches!(
        kind,
        ActionKind::CheckIn
            | ActionKind::FirstFollowUp
            | ActionKind::SecondFollowUp
            | ActionKind::MoveOn
            | ActionKind::ApplicationReminder
    )
}

/// The hold of `app`: the latest message not answered yet from one of its contacts, if any.
/// A message from someone else at the company's domain is listed as a possible reply but holds
/// nothing: a page could put such rows in front of the extension by guessing a domain.
pub fn hold(app: &Application) -> Option<Hold> {
    app.noticed
        .iter()
        .filter(|n| n.answer.is_none() && n.contact_id.is_some())
        .max_by_key(|n| n.date)
        .map(|n| Hold {
            name: n.name.clone(),
            date: n.date,
        })
}
