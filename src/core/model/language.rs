//! The languages drafts are written in, and how a German letter addresses its reader.

use serde::{Deserialize, Serialize};

/// A language the built-in drafts are written in, stored as its ISO 639-1 code.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub enum Language {
    #[default]
    #[serde(rename = "en")]
    English,
    #[serde(rename = "de")]
    German,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::English, Language::German];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::German => "de",
        }
    }

    /// The language of a browser language tag ("de-AT", "en-GB"); English for any other.
    pub fn from_tag(tag: &str) -> Language {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("de") {
            Language::German
        } else {
            Language::English
        }
    }
}

/// The form of address a formal German letter uses for a contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Salutation {
    /// "Sehr geehrte Frau ..."
    Frau,
    /// "Sehr geehrter Herr ..."
    Herr,
}
