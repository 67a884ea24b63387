//! The data a job seeker keeps: applications, their interview rounds, contacts and history,
//! the user's settings, and the actions the planner derives from them.
//!
//! Everything here is plain data with serde derives. Field names cross into JavaScript and into
//! stored JSON in `camelCase`; enums become `kebab-case` strings; dates are ISO `YYYY-MM-DD`
//! strings, so stored records survive `chrome.storage` and a backup file unchanged.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use super::kinds::ActionKind;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Medium {
    #[default]
    Email,
    Phone,
}

/// One interview stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Round {
    pub id: String,
    pub date: NaiveDate,
    /// Free text: "phone screen", "on-site", "panel"...
    pub kind: String,
    pub interviewers: Vec<Interviewer>,
}

impl Default for Round {
    fn default() -> Self {
        Round {
            id: String::new(),
            date: NaiveDate::MIN,
            kind: String::new(),
            interviewers: Vec::new(),
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
}

impl Contact {
    /// The first word of the name, for greetings.
    pub fn first_name(&self) -> &str {
        self.name.split_whitespace().next().unwrap_or("")
    }
}

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
        use serde::de::Error;
        let flat = FlatEvent::deserialize(d)?;
        let need = |value: Option<String>, field: &'static str| {
            value.ok_or_else(|| D::Error::missing_field(field))
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
                until: flat.until.ok_or_else(|| D::Error::missing_field("until"))?,
            },
            "reply" => EventKind::Reply {
                decision_date: flat.decision_date,
            },
            "references-requested" => EventKind::ReferencesRequested,
            "status" => EventKind::Status {
                from: flat.from.ok_or_else(|| D::Error::missing_field("from"))?,
                to: flat.to.ok_or_else(|| D::Error::missing_field("to"))?,
            },
            "positive-news" => EventKind::PositiveNews {
                note: flat.note.unwrap_or_default(),
            },
            other => return Err(D::Error::unknown_variant(other, &EventKind::NAMES)),
        };
        Ok(Event {
            date: flat.date,
            kind,
        })
    }
}

/// Where an action stands on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
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

impl ActionState {
    /// Counted on the toolbar badge.
    pub fn is_actionable(self) -> bool {
        matches!(self, ActionState::Due | ActionState::Overdue)
    }
}

/// Why an action is due: which rule, from which day. The UI turns it into a sentence
/// (`reason_<code>` in the message files) with the dates as placeholders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
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
}

/// The user, as they sign their messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Profile {
    pub name: String,
    pub email: String,
    pub phone: String,
    /// Extra signature lines (LinkedIn, portfolio...).
    pub signature: String,
}

/// Which public-holiday calendars count, plus the user's own days off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct HolidaySettings {
    pub us_federal: bool,
    pub england_wales: bool,
    pub own: Vec<NaiveDate>,
}

/// Every setting of the planner and the drafts. Defaults follow FOLLOWUP_RULES.md.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// Working days after the stated decision date before the first follow-up (1 to 3).
    pub buffer_days: u32,
    /// Also remind to post a hand-written card two days after each interview.
    pub thank_you_card: bool,
    pub holidays: HolidaySettings,
    pub default_medium: Medium,
    /// Remind this many days after applying when there is no interview; `None` (default): never.
    pub remind_after_applying: Option<u32>,
    pub profile: Profile,
    /// User-edited templates by action kind (`thank-you-email`...); missing ones use the built-in.
    pub templates: std::collections::BTreeMap<String, String>,
    /// Daily reminder notification at "HH:MM"; `None` (default): off.
    pub notify_at: Option<String>,
    /// Sync settings through the browser account (opt-in).
    pub sync_settings: bool,
    /// Also sync applications while they fit the sync quota (opt-in).
    pub sync_applications: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            buffer_days: 2,
            thank_you_card: false,
            holidays: HolidaySettings::default(),
            default_medium: Medium::Email,
            remind_after_applying: None,
            profile: Profile::default(),
            templates: Default::default(),
            notify_at: None,
            sync_settings: false,
            sync_applications: false,
        }
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
