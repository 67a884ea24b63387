//! "What happened" on an application's page: a reply, a decision, references asked for,
//! good news; recorded with its date.

use super::msg::{Effect, Write};
use super::node::{el, input, labelled, select, Node};
use super::today::parse_date;
use super::words::Text;
use super::{Model, View};
use crate::core::command::Edit;
use crate::core::model::{Application, Status};
use crate::core::words::Coded;

const EVENTS: [(&str, &str); 8] = [
    ("reply", "eventReply"),
    ("rejected", "eventRejected"),
    ("offer", "eventOffer"),
    ("accepted", "eventAccepted"),
    ("withdrawn", "eventWithdrawn"),
    ("no-response", "eventNoResponse"),
    ("references", "eventReferences"),
    ("news", "eventNews"),
];

/// What the form holds; empty fields show their defaults (a reply, today).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordForm {
    pub event: Option<String>,
    pub date: Option<String>,
    pub decision: String,
    pub note: String,
}

impl RecordForm {
    /// Takes the value of the field `name`; false when the field is not this form's.
    pub fn input(&mut self, name: &str, value: &str) -> bool {
        match name {
            "event" => self.event = Some(value.to_string()),
            "event-date" => self.date = Some(value.to_string()),
            "event-decision" => self.decision = value.to_string(),
            "event-note" => self.note = value.to_string(),
            _ => return false,
        }
        true
    }

    fn event(&self) -> &str {
        self.event.as_deref().unwrap_or("reply")
    }
}

pub fn record_form(m: &Model, app: &Application) -> Node {
    let w = &m.words;
    let f = &m.record;
    let options: Vec<(String, String)> = EVENTS
        .iter()
        .map(|(v, k)| (v.to_string(), w.t(k)))
        .collect();
    let today = m.today.to_string();
    el("form")
        .class("record")
        .attr("data-form", "record")
        .attr("data-app", &app.id)
        .child(el("h3").text(&w.t("recordTitle")))
        .child(labelled(
            &w.t("recordWhat"),
            select("event", &options, f.event()),
        ))
        .child(labelled(
            &w.t("recordDate"),
            input("date", "event-date", f.date.as_deref().unwrap_or(&today)).attr("required", ""),
        ))
        .child(labelled(
            &w.t("recordDecision"),
            input("date", "event-decision", &f.decision),
        ))
        .child(labelled(
            &w.t("recordNote"),
            input("text", "event-note", &f.note),
        ))
        .child(el("button").attr("type", "submit").text(&w.t("record")))
}

pub fn submit(m: &mut Model) -> Vec<Effect> {
    let View::App(id) = &m.view else {
        return Vec::new();
    };
    let Some(app) = m.app(id) else {
        m.error(Text::key("errorGone"));
        return Vec::new();
    };
    let f = &m.record;
    let date = match &f.date {
        Some(d) => parse_date(d),
        None => Some(m.today),
    };
    let Some(date) = date else {
        m.error(Text::key("errorDate"));
        return Vec::new();
    };
    let decision = parse_date(&f.decision);
    let edit = match f.event() {
        "reply" => Edit::Reply {
            date,
            decision_date: decision,
        },
        "references" => Edit::ReferencesRequested { date },
        "news" => Edit::PositiveNews {
            date,
            note: f.note.trim().to_string(),
        },
        status => Edit::Status {
            date,
            status: Status::parse(status),
        },
    };
    match edit.apply(app, m.today) {
        Ok(_) => {
            m.record = RecordForm::default();
            m.busy = true;
            let write = Write::Edit {
                app_id: id.clone(),
                edit,
            };
            vec![Effect::write(write, Text::key("recorded"))]
        }
        Err(e) => {
            m.error(Text::Coded(e.worded()));
            Vec::new()
        }
    }
}
