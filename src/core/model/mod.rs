//! The data a job seeker keeps: applications, their interview rounds, contacts and history,
//! the user's settings, and the actions the planner derives from them.
//!
//! Everything here is plain data with serde derives. Field names cross into JavaScript and into
//! stored JSON in `camelCase`; enums become `kebab-case` strings; dates are ISO `YYYY-MM-DD`
//! strings, so stored records survive `chrome.storage` and a backup file unchanged.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

mod action;
mod event;
mod land;
mod language;
mod noticed;
mod posting;
mod settings;

pub use super::kinds::ActionKind;
pub use action::{Action, ActionState, Hold, Reason, ReasonCode};
pub use event::{Event, EventKind};
pub use land::GermanState;
pub use language::{Language, Salutation};
pub use noticed::{Answer, Noticed};
pub use posting::PostingDetails;
pub use settings::{HolidaySettings, Profile, Settings};

/// One job application and everything that happened around it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Application {
    /// Stable identifier, unique among the user's applications.
    pub id: String,
    /// Incremented by the store on every write; a write based on an older revision is refused.
    pub revision: u32,
    pub company: String,
    pub role: String,
    pub posting_url: String,
    pub status: Status,
    pub notes: String,
    /// How the employer prefers to be reached; `None` falls back to the user's default medium.
    pub medium: Option<Medium>,
    /// The employer asked not to be contacted: nothing is scheduled until the user clears it.
    pub no_contact: bool,
    /// The date by which the employer said they would decide, as they stated it.
    pub decision_date: Option<NaiveDate>,
    pub applied_on: Option<NaiveDate>,
    pub rounds: Vec<Round>,
    pub contacts: Vec<Contact>,
    /// What happened, in the order it was recorded.
    pub history: Vec<Event>,
    /// The language of the correspondence with this employer; `None`: the settings' default.
    pub language: Option<Language>,
    /// Write to this employer's people informally (German "du" and first names) rather than
    /// formally ("Sie", salutation, title and surname). Only German drafts differ.
    pub informal: bool,
    /// Messages from the application's people noticed in webmail (`core::noticing`): the
    /// possible replies the user has not answered yet, and the ids of those answered.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub noticed: Vec<Noticed>,
    /// What the posting page said, when the job was saved from it (`None`: added by hand).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub posting: Option<PostingDetails>,
}

impl Default for Application {
    fn default() -> Self {
        Application {
            id: String::new(),
            revision: 0,
            company: String::new(),
            role: String::new(),
            posting_url: String::new(),
            status: Status::Applied,
            notes: String::new(),
            medium: None,
            no_contact: false,
            decision_date: None,
            applied_on: None,
            rounds: Vec::new(),
            contacts: Vec::new(),
            history: Vec::new(),
            language: None,
            informal: false,
            noticed: Vec::new(),
            posting: None,
        }
    }
}

impl Application {
    pub fn contact(&self, id: &str) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.id == id)
    }

    pub fn round(&self, id: &str) -> Option<&Round> {
        self.rounds.iter().find(|r| r.id == id)
    }

    /// The hiring manager if one is marked, otherwise the first interviewer of `round`.
    pub fn follow_up_contact(&self, round: &Round) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.hiring_manager).or_else(|| {
            round
                .interviewers
                .iter()
                .find_map(|i| self.contact(&i.contact_id))
        })
    }

    /// The latest round by date (ties: the one recorded last).
    pub fn latest_round(&self) -> Option<&Round> {
        self.rounds
            .iter()
            .enumerate()
            .max_by_key(|(i, r)| (r.date, *i))
            .map(|(_, r)| r)
    }

    /// The medium actions of this application use.
    pub fn medium_or(&self, default: Medium) -> Medium {
        self.medium.unwrap_or(default)
    }
}

/// Where an application stands. Unknown values read from storage are kept as they are
/// (`Other`) so that nothing is lost; the planner reports them as a problem.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Status {
    Saved,
    Applied,
    Interviewing,
    References,
    Offer,
    Accepted,
    Rejected,
    Withdrawn,
    NoResponse,
    Other(String),
}

impl Status {
    pub const ALL: [Status; 9] = [
        Status::Saved,
        Status::Applied,
        Status::Interviewing,
        Status::References,
        Status::Offer,
        Status::Accepted,
        Status::Rejected,
        Status::Withdrawn,
        Status::NoResponse,
    ];

    pub fn as_str(&self) -> &str {
        match self {
            Status::Saved => "saved",
            Status::Applied => "applied",
            Status::Interviewing => "interviewing",
            Status::References => "references",
            Status::Offer => "offer",
            Status::Accepted => "accepted",
            Status::Rejected => "rejected",
            Status::Withdrawn => "withdrawn",
            Status::NoResponse => "no-response",
            Status::Other(s) => s,
        }
    }

    pub fn parse(s: &str) -> Status {
        Status::ALL
            .iter()
            .find(|k| k.as_str() == s)
            .cloned()
            .unwrap_or_else(|| Status::Other(s.to_string()))
    }

    /// Offer, accepted and withdrawn schedule nothing.
    pub fn is_closed(&self) -> bool {
        matches!(self, Status::Offer | Status::Accepted | Status::Withdrawn)
    }
}

impl Serialize for Status {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(Status::parse(&s))
    }
}

/// How to reach the employer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Medium {
    #[default]
    Email,
    Phone,
}

crate::stored_by_name!(Medium, [Email = "email", Phone = "phone",]);

/// One interview stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Round {
    pub id: String,
    pub date: NaiveDate,
    /// Free text: "phone screen", "on-site", "panel"...
    pub kind: String,
    pub interviewers: Vec<Interviewer>,
    /// When it starts, local time ("HH:MM"); `None`: the day only.
    #[serde(skip_serializing_if = "Option::is_none", with = "hh_mm")]
    pub time: Option<chrono::NaiveTime>,
    /// How long it lasts; `None`: [`Round::DEFAULT_MINUTES`] where a length is needed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration_minutes: Option<u32>,
    /// Where it takes place: an address or a video link.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub place: String,
}

impl Default for Round {
    fn default() -> Self {
        Round {
            id: String::new(),
            date: NaiveDate::MIN,
            kind: String::new(),
            interviewers: Vec::new(),
            time: None,
            duration_minutes: None,
            place: String::new(),
        }
    }
}

impl Round {
    /// The length of a round with a time and no duration.
    pub const DEFAULT_MINUTES: u32 = 60;

    /// When a round with a time ends, counted in minutes from its day's midnight (past 1,440
    /// when it runs over midnight).
    pub fn end_minute(&self) -> Option<u32> {
        use chrono::Timelike;
        let start = self.time?;
        let minutes = self.duration_minutes.unwrap_or(Self::DEFAULT_MINUTES);
        Some((start.hour() * 60 + start.minute()).saturating_add(minutes))
    }
}

/// A round's time as "HH:MM" (seconds, when present, are read and dropped).
mod hh_mm {
    use chrono::format::{parse, Item, Numeric, Pad, Parsed};
    use chrono::{NaiveTime, Timelike};
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    /// `%H:%M` and `%H:%M:%S` as chrono reads those formats, written out as their items so
    /// that no format string is parsed at run time.
    const HOUR_MINUTE: [Item<'static>; 3] = [
        Item::Numeric(Numeric::Hour, Pad::Zero),
        Item::Literal(":"),
        Item::Numeric(Numeric::Minute, Pad::Zero),
    ];
    const SECOND: [Item<'static>; 2] = [
        Item::Literal(":"),
        Item::Numeric(Numeric::Second, Pad::Zero),
    ];

    fn time(text: &str, seconds: bool) -> Option<NaiveTime> {
        let mut parsed = Parsed::new();
        let extra: &[Item<'static>] = if seconds { &SECOND } else { &[] };
        parse(&mut parsed, text, HOUR_MINUTE.iter().chain(extra)).ok()?;
        parsed.to_naive_time().ok()
    }

    pub fn serialize<S: Serializer>(time: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
        match time {
            Some(t) => s.serialize_str(&format!("{:02}:{:02}", t.hour(), t.minute())),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
        let Some(text) = Option::<String>::deserialize(d)? else {
            return Ok(None);
        };
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        time(text, false)
            .or_else(|| time(text, true))
            .map(|t| {
                t.with_second(0)
                    .unwrap_or(t)
                    .with_nanosecond(0)
                    .unwrap_or(t)
            })
            .map(Some)
            .ok_or_else(|| D::Error::custom(format!("invalid time {text:?}, expected HH:MM")))
    }

    #[cfg(test)]
    #[test]
    fn reads_times_as_the_format_strings_do() {
        for text in [
            "09:30",
            "9:30",
            "23:59",
            "24:00",
            "12:60",
            "07:05:09",
            "07:05:60",
            "7:5",
            "07:5x",
            "07 :30",
            "07: 30",
            "0730",
            "",
            ":",
            "-1:00",
            "+7:00",
            "07:30:",
            "١٢:٣٠",
        ] {
            let chrono = NaiveTime::parse_from_str(text, "%H:%M").ok();
            let with_seconds = NaiveTime::parse_from_str(text, "%H:%M:%S").ok();
            assert_eq!(time(text, false), chrono, "{text}");
            assert_eq!(time(text, true), with_seconds, "{text}");
        }
    }
}

/// A contact met in a round, with what the user noted was discussed with them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Interviewer {
    pub contact_id: String,
    /// Each point ties a need they raised to the user's experience; feeds the thank-you bullets.
    pub points: Vec<String>,
}

/// A person at (or for) the employer: interviewer, hiring manager, recruiter, reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Contact {
    pub id: String,
    pub name: String,
    pub title: String,
    pub email: String,
    pub phone: String,
    pub hiring_manager: bool,
    /// One of the user's references for this application.
    pub reference: bool,
    /// How formal German letters address them: "Frau" or "Herr"; `None` writes
    /// "Guten Tag Vorname Nachname".
    pub salutation: Option<Salutation>,
    /// An academic title used in formal address ("Dr.", "Prof. Dr."), not the job title.
    pub academic_title: String,
}

impl Contact {
    /// The first word of the name, for greetings.
    pub fn first_name(&self) -> &str {
        self.name.split_whitespace().next().unwrap_or("")
    }

    /// The last word of the name, for formal greetings.
    pub fn surname(&self) -> &str {
        self.name.split_whitespace().last().unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn application_round_trips_through_json_with_iso_dates() {
        let app = Application {
            id: "a1".into(),
            company: "Acme".into(),
            decision_date: NaiveDate::from_ymd_opt(2026, 3, 6),
            history: vec![Event {
                date: NaiveDate::from_ymd_opt(2026, 3, 3).unwrap(),
                kind: EventKind::Snoozed {
                    action: "k".into(),
                    until: NaiveDate::from_ymd_opt(2026, 3, 9).unwrap(),
                },
            }],
            ..Default::default()
        };
        let json = serde_json::to_string(&app).unwrap();
        assert!(json.contains(r#""decisionDate":"2026-03-06""#), "{json}");
        assert!(
            json.contains(r#""type":"snoozed","action":"k","until":"2026-03-09""#),
            "{json}"
        );
        let back: Application = serde_json::from_str(&json).unwrap();
        assert_eq!(back, app);
    }

    #[test]
    fn unknown_status_is_kept_not_lost() {
        let app: Application = serde_json::from_str(r#"{"id":"x","status":"ghosted"}"#).unwrap();
        assert_eq!(app.status, Status::Other("ghosted".into()));
        assert!(serde_json::to_string(&app)
            .unwrap()
            .contains(r#""status":"ghosted""#));
    }

    #[test]
    fn closed_statuses_are_offer_accepted_withdrawn() {
        let closed: Vec<_> = Status::ALL.iter().filter(|s| s.is_closed()).collect();
        assert_eq!(
            closed,
            [&Status::Offer, &Status::Accepted, &Status::Withdrawn]
        );
    }
}
