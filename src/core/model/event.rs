//! What happened to an application, on a day: sent, skipped, snoozed, a reply, a status
//! change... Stored flat as `{"date", "type", ...the kind's fields}`.

use std::fmt;

use chrono::NaiveDate;
use serde::de::value::MapAccessDeserializer;
use serde::de::{Error, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Status;

/// Something that happened, on a day. Stored flat: `{"date", "type", ...the kind's fields}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub date: NaiveDate,
    pub kind: EventKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventKind {
    /// The action with this key was sent (or done, for actions that send nothing).
    Sent { action: String },
    /// The user chose not to act.
    Skipped { action: String },
    /// The action is put off until `until`.
    Snoozed { action: String, until: NaiveDate },
    /// The employer replied; a new decision date restarts the follow-up rule from this day.
    Reply { decision_date: Option<NaiveDate> },
    /// The employer asked for references.
    ReferencesRequested,
    /// The status changed (rejection, offer, withdrawal...).
    Status { from: Status, to: Status },
    /// Good news about the company (funding, launch, award): a chance to congratulate.
    PositiveNews { note: String },
}

impl EventKind {
    /// Every `type` an event may have, in the order of the variants.
    pub const NAMES: [&'static str; 7] = [
        "sent",
        "skipped",
        "snoozed",
        "reply",
        "references-requested",
        "status",
        "positive-news",
    ];

    /// The `type` of the stored event.
    pub fn name(&self) -> &'static str {
        match self {
            EventKind::Sent { .. } => "sent",
            EventKind::Skipped { .. } => "skipped",
            EventKind::Snoozed { .. } => "snoozed",
            EventKind::Reply { .. } => "reply",
            EventKind::ReferencesRequested => "references-requested",
            EventKind::Status { .. } => "status",
            EventKind::PositiveNews { .. } => "positive-news",
        }
    }
}

// Events are (de)serialised through a flat record rather than serde's internally tagged,
// flattened enums: same JSON, without the buffering machinery those need, which would be
// compiled once per format and take a large share of the WebAssembly.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FlatEvent {
    date: NaiveDate,
    #[serde(rename = "type")]
    kind: String,
    action: Option<String>,
    until: Option<NaiveDate>,
    decision_date: Option<NaiveDate>,
    from: Option<Status>,
    to: Option<Status>,
    note: Option<String>,
}

impl Serialize for Event {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("date", &self.date)?;
        map.serialize_entry("type", self.kind.name())?;
        match &self.kind {
            EventKind::Sent { action } | EventKind::Skipped { action } => {
                map.serialize_entry("action", action)?;
            }
            EventKind::Snoozed { action, until } => {
                map.serialize_entry("action", action)?;
                map.serialize_entry("until", until)?;
            }
            EventKind::Reply { decision_date } => {
                map.serialize_entry("decisionDate", decision_date)?;
            }
            EventKind::ReferencesRequested => {}
            EventKind::Status { from, to } => {
                map.serialize_entry("from", from)?;
                map.serialize_entry("to", to)?;
            }
            EventKind::PositiveNews { note } => {
                map.serialize_entry("note", note)?;
            }
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_struct("Event", &[], EventVisitor)
    }
}

/// Reads the flat record and checks it inside the visitor, while the reader is still at the
/// event: a refusal is then placed at the event itself, which is how a backup's refusal names
/// it (`core::backup::locate`), not at whatever follows it in the file.
struct EventVisitor;

impl<'de> Visitor<'de> for EventVisitor {
    type Value = Event;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("struct Event")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Event, A::Error> {
        let flat = FlatEvent::deserialize(MapAccessDeserializer::new(map))?;
        let need = |value: Option<String>, field: &'static str| {
            value.ok_or_else(|| A::Error::missing_field(field))
        };
        let kind = match flat.kind.as_str() {
            "sent" => EventKind::Sent {
                action: need(flat.action, "action")?,
            },
            "skipped" => EventKind::Skipped {
                action: need(flat.action, "action")?,
            },
            "snoozed" => EventKind::Snoozed {
                action: need(flat.action, "action")?,
                until: flat.until.ok_or_else(|| A::Error::missing_field("until"))?,
            },
            "reply" => EventKind::Reply {
                decision_date: flat.decision_date,
            },
            "references-requested" => EventKind::ReferencesRequested,
            "status" => EventKind::Status {
                from: flat.from.ok_or_else(|| A::Error::missing_field("from"))?,
                to: flat.to.ok_or_else(|| A::Error::missing_field("to"))?,
            },
            "positive-news" => EventKind::PositiveNews {
                note: flat.note.unwrap_or_default(),
            },
            other => return Err(A::Error::unknown_variant(other, &EventKind::NAMES)),
        };
        Ok(Event {
            date: flat.date,
            kind,
        })
    }
}
