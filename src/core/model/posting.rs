//! What a job posting page said, kept with the application saved from it
//! ([`Application::posting`](super::Application::posting)). Every field is left out of the
//! stored JSON when empty, and the whole object when nothing was captured, so applications
//! added by hand are stored exactly as before.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The posting's details as the user checked them in the "Save this job" form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct PostingDetails {
    /// Each place as the page wrote it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<String>,
    /// The page said the job is remote (schema.org TELECOMMUTE).
    #[serde(skip_serializing_if = "is_false")]
    pub remote: bool,
    /// Pay as text ("60000–75000 EUR / year"): the page's figures, editable by the user.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub salary: String,
    /// schema.org's code (`FULL_TIME`...) for each type the page named that is one of them,
    /// else its words; several joined by ", " (`core::posting::canonical_employment`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub employment_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_posted: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_through: Option<NaiveDate>,
    /// The employer's reference for the posting.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub posting_id: String,
    /// The posting's text, plain, at most `core::posting::MAX_DESCRIPTION_BYTES`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Which reader found the posting (`json-ld`, `workday`...).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// The day the page was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub captured_on: Option<NaiveDate>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl PostingDetails {
    /// Nothing was kept.
    pub fn is_empty(&self) -> bool {
        *self == PostingDetails::default()
    }

    /// The places, and "remote" when the page said so, as one line.
    pub fn location_line(&self, remote_word: &str) -> String {
        let mut parts: Vec<&str> = self.locations.iter().map(String::as_str).collect();
        if self.remote {
            parts.push(remote_word);
        }
        parts.join("; ")
    }
}
