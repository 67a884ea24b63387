//! Why a page could not be read, and what of it could not: coded messages (`_locales` keys
//! with arguments, English as `Display`), worded in the user's language by the interface.

use std::fmt;

use serde::Serialize;

use crate::core::words::{Arg, Coded};

/// Why nothing was read from the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(
    tag = "code",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase"
)]
pub enum PostingError {
    /// The text is not what the collector returns (not a JSON object).
    NotCollected,
    /// Larger than [`super::MAX_COLLECTED_BYTES`]; sizes in KB, rounded up.
    TooLarge { size_kb: u64, limit_kb: u64 },
    /// The page has no job posting: nothing to read, or structured data of another kind.
    NoPosting,
}

impl Coded for PostingError {
    fn key(&self) -> &'static str {
        match self {
            PostingError::NotCollected => "postingNotCollected",
            PostingError::TooLarge { .. } => "postingTooLarge",
            PostingError::NoPosting => "postingNone",
        }
    }

    fn coded_args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            PostingError::TooLarge { size_kb, limit_kb } => vec![
                ("size", Arg::Number(*size_kb)),
                ("limit", Arg::Number(*limit_kb)),
            ],
            PostingError::NotCollected | PostingError::NoPosting => Vec::new(),
        }
    }
}

/// The English wording; the same text as `_locales/en` (checked by a test).
impl fmt::Display for PostingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PostingError::NotCollected => {
                f.write_str("This page could not be read. Fill in the application by hand.")
            }
            PostingError::TooLarge { size_kb, limit_kb } => write!(
                f,
                "This page is too large to read ({size_kb} KB; at most {limit_kb} KB). Fill in the application by hand."
            ),
            PostingError::NoPosting => f.write_str(
                "No job posting was found on this page. Fill in the application by hand.",
            ),
        }
    }
}

impl std::error::Error for PostingError {}

/// Something the page did not give, or gave wrongly; the rest was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(
    tag = "code",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase"
)]
pub enum PostingNote {
    /// A structured-data block (1-based, in page order) is not JSON and was skipped.
    UnreadableBlock {
        block: u64,
    },
    /// The structured data nests too many objects; the search stopped early.
    SearchStopped,
    /// A date that cannot be read (`field` is the schema.org name).
    UnreadableDate {
        field: String,
        value: String,
    },
    /// A date in the future or before 1990: clearly wrong, left out.
    WrongDate {
        field: String,
        value: String,
    },
    /// The description was longer than [`super::MAX_DESCRIPTION_BYTES`] and was cut.
    DescriptionCut {
        limit_kb: u64,
    },
    /// The posting sits in an embedded job board of another site, which cannot be read from
    /// this page; `url` is the board's own address.
    EmbeddedBoard {
        url: String,
    },
    /// Only the page's title and meta tags were found: the role is the title as it is.
    OnlyTitle,
    NoCompany,
    NoRole,
}

impl Coded for PostingNote {
    fn key(&self) -> &'static str {
        match self {
            PostingNote::UnreadableBlock { .. } => "postingNoteUnreadableBlock",
            PostingNote::SearchStopped => "postingNoteSearchStopped",
            PostingNote::UnreadableDate { .. } => "postingNoteUnreadableDate",
            PostingNote::WrongDate { .. } => "postingNoteWrongDate",
            PostingNote::DescriptionCut { .. } => "postingNoteDescriptionCut",
            PostingNote::EmbeddedBoard { .. } => "postingNoteEmbeddedBoard",
            PostingNote::OnlyTitle => "postingNoteOnlyTitle",
            PostingNote::NoCompany => "postingNoteNoCompany",
            PostingNote::NoRole => "postingNoteNoRole",
        }
    }

    fn coded_args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            PostingNote::UnreadableBlock { block } => vec![("block", Arg::Number(*block))],
            PostingNote::UnreadableDate { field, value }
            | PostingNote::WrongDate { field, value } => {
                vec![("field", Arg::text(field)), ("value", Arg::text(value))]
            }
            PostingNote::DescriptionCut { limit_kb } => vec![("limit", Arg::Number(*limit_kb))],
            PostingNote::EmbeddedBoard { url } => vec![("url", Arg::text(url))],
            PostingNote::SearchStopped
            | PostingNote::OnlyTitle
            | PostingNote::NoCompany
            | PostingNote::NoRole => Vec::new(),
        }
    }
}

impl fmt::Display for PostingNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PostingNote::UnreadableBlock { block } => write!(
                f,
                "Structured data block {block} on this page is damaged and was skipped."
            ),
            PostingNote::SearchStopped => f.write_str(
                "This page's structured data is too large; only its first part was read.",
            ),
            PostingNote::UnreadableDate { field, value } => {
                write!(f, "The date {field} \"{value}\" could not be read.")
            }
            PostingNote::WrongDate { field, value } => write!(
                f,
                "The date {field} \"{value}\" is clearly wrong and was left out."
            ),
            PostingNote::DescriptionCut { limit_kb } => {
                write!(f, "The description was cut at {limit_kb} KB.")
            }
            PostingNote::EmbeddedBoard { url } => write!(
                f,
                "The posting is shown from another site ({url}); open it there to read more of it."
            ),
            PostingNote::OnlyTitle => f.write_str(
                "This page has no job posting data; the role is the page's title. Check it.",
            ),
            PostingNote::NoCompany => f.write_str("The page does not name the company."),
            PostingNote::NoRole => f.write_str("The page does not name the role."),
        }
    }
}
