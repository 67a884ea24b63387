//! The languages drafts are written in, and how a German letter addresses its reader.

/// A language the built-in drafts are written in, stored as its ISO 639-1 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Language {
    #[default]
    English,
    German,
}

crate::stored_by_name!(Language, [English = "en", German = "de",]);

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Salutation {
    /// "Sehr geehrte Frau ..."
    Frau,
    /// "Sehr geehrter Herr ..."
    Herr,
}

crate::stored_by_name!(Salutation, [Frau = "frau", Herr = "herr",]);
