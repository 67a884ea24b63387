//! The rows today's summary keeps: an action with the words its row shows, and a possible
//! reply with its application.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use chrono::NaiveDate;

use super::interviews::thank_you_after;
use crate::core::model::{Action, Application, Contact, Noticed, Round};
use crate::core::noticing;

/// One row of *Today*: an action and the words its row shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub company: String,
    pub role: String,
    /// The person the action is for, if it is for one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
    pub action: Action,
    /// For a thank-you email on the day of a timed interview, the round's day, time and
    /// length: the row says it is for after the interview.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<Round>,
}

impl Entry {
    /// The row of `action` of `app` on `today`.
    pub(super) fn new(app: &Application, action: Action, today: NaiveDate) -> Entry {
        let contact = action
            .contact_id
            .as_deref()
            .and_then(|id| app.contact(id))
            .map(|c| c.name.clone())
            .unwrap_or_default();
        let round = action.round_id.as_deref().and_then(|id| {
            thank_you_after(app, action.kind, Some(id), action.due, today)?;
            let r = app.round(id)?;
            Some(Round {
                id: r.id.clone(),
                date: r.date,
                time: r.time,
                duration_minutes: r.duration_minutes,
                ..Default::default()
            })
        });
        Entry {
            company: app.company.clone(),
            role: app.role.clone(),
            contact,
            action,
            round,
        }
    }

    /// The application as far as the row knows it: its id, company and role, the person the
    /// action is for, and the round a thank-you email follows when the row needs it. Enough to draw the row; a draft needs the stored application.
    pub fn card(&self) -> Application {
        let contacts = match &self.action.contact_id {
            Some(id) => vec![Contact {
                id: id.clone(),
                name: self.contact.clone(),
                ..Default::default()
            }],
            None => Vec::new(),
        };
        Application {
            id: self.action.app_id.clone(),
            company: self.company.clone(),
            role: self.role.clone(),
            contacts,
            rounds: self.round.iter().cloned().collect(),
            ..Default::default()
        }
    }
}

/// A possible reply as *Today* lists it: the message and the application it may answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplyEntry {
    pub app_id: String,
    pub company: String,
    pub role: String,
    pub message: Noticed,
}

impl ReplyEntry {
    /// The possible replies of `app`, newest first.
    pub fn of(app: &Application) -> impl Iterator<Item = ReplyEntry> + '_ {
        noticing::pending(app).map(|n| ReplyEntry {
            app_id: app.id.clone(),
            company: app.company.clone(),
            role: app.role.clone(),
            message: n.clone(),
        })
    }
}

/// The order possible replies are listed in: newest first.
pub fn reply_order(a: &ReplyEntry, b: &ReplyEntry) -> Ordering {
    b.message
        .date
        .cmp(&a.message.date)
        .then_with(|| a.app_id.cmp(&b.app_id))
        .then_with(|| a.message.id.cmp(&b.message.id))
}
