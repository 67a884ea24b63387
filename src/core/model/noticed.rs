//! Messages from an application's people noticed in webmail: possible replies until the user
//! says what each one was (`core::noticing` decides which messages are kept).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One message from one of the application's people (or someone at its company's domain),
/// noticed in the list or the reading pane of a webmail page. Only what the site's header and
/// list markup show is kept: the sender, the day, the subject; never the message's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Noticed {
    /// The site's message or thread id when it shows one, else sender, day and subject.
    pub id: String,
    /// The sender's address, lower-case.
    pub from: String,
    /// The sender's name: the contact's when the address is a contact's, else as shown.
    pub name: String,
    /// The contact at that address; `None` when only the company's domain matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact_id: Option<String>,
    /// The day the message was sent, as the site shows it.
    pub date: NaiveDate,
    pub subject: String,
    /// The site it was noticed on (`gmail`, `outlook`, ...).
    pub site: String,
    /// What the user said the message was; `None`: still a possible reply.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<Answer>,
}

/// What a noticed message turned out to be. Each answer but the last is also recorded in the
/// history as the ordinary event it stands for (`core::ops`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    /// A reply: rule 3 restarts the follow-ups from its day.
    Reply,
    /// A rejection: the status becomes rejected on its day.
    Rejection,
    /// An invitation to another interview: a reply, and a new round to fill in.
    Interview,
    /// The employer asked for references.
    References,
    /// The message is not about this application.
    NotAbout,
}

crate::stored_by_name!(
    Answer,
    [
        Reply = "reply",
        Rejection = "rejection",
        Interview = "interview",
        References = "references",
        NotAbout = "not-about",
    ]
);

impl Answer {
    pub const ALL: [Answer; 5] = [
        Answer::Reply,
        Answer::Rejection,
        Answer::Interview,
        Answer::References,
        Answer::NotAbout,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Reply => "reply",
            Answer::Rejection => "rejection",
            Answer::Interview => "interview",
            Answer::References => "references",
            Answer::NotAbout => "not-about",
        }
    }

    pub fn parse(s: &str) -> Option<Answer> {
        Answer::ALL.into_iter().find(|a| a.as_str() == s)
    }
}
