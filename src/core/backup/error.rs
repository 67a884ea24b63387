//! Why a backup file was refused, and where in it the problem is.

use std::fmt;

use super::BACKUP_FORMAT;
use crate::core::export::{tenths, MB};
use crate::core::store::StoreError;

/// Where in a backup file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// A path like `applications[3].rounds[0].date`.
    pub path: String,
    /// The id of the application the path is in, when it has a readable one.
    pub app_id: Option<String>,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)?;
        if let Some(id) = &self.app_id {
            write!(f, " (application \"{id}\")")?;
        }
        Ok(())
    }
}

/// Why a backup file was refused. Nothing is written when a file is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Refused before parsing.
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    Empty,
    /// A CSV export (or another spreadsheet) was picked.
    LooksLikeCsv,
    /// A calendar file was picked.
    LooksLikeCalendar,
    /// Not JSON; `line` and `column` start at 1.
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    /// The JSON stops before it is complete: the file was cut short.
    Truncated {
        line: usize,
        column: usize,
    },
    /// A JSON file, but not a backup (`found`: its `format` field, if it has one).
    WrongFormat {
        found: Option<String>,
    },
    /// A backup of a newer version.
    FutureVersion {
        found: u64,
        supported: u64,
    },
    MissingField {
        place: Place,
    },
    WrongType {
        place: Place,
        expected: &'static str,
        found: &'static str,
    },
    /// The value has the right type but is not allowed (unknown event type, empty id...).
    InvalidValue {
        place: Place,
        message: String,
    },
    InvalidDate {
        place: Place,
        value: String,
    },
    /// Ids that appear more than once, each listed once.
    DuplicateIds {
        ids: Vec<String>,
    },
    /// The file is valid but storage refused the import.
    Storage(StoreError),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const PICK: &str = "Pick a Follow-up backup file (.json).";
        match self {
            ImportError::TooLarge { bytes, limit } => write!(
                f,
                "The file is {} MB; backups over {} MB are refused. {PICK}",
                tenths(*bytes as u64, MB),
                limit / (1024 * 1024)
            ),
            ImportError::Empty => write!(f, "The file is empty. {PICK}"),
            ImportError::LooksLikeCsv => write!(
                f,
                "This is a spreadsheet (CSV) file, not a backup: CSV exports cannot be \
                 imported. {PICK}"
            ),
            ImportError::LooksLikeCalendar => {
                write!(f, "This is a calendar (.ics) file, not a backup. {PICK}")
            }
            ImportError::NotJson {
                line,
                column,
                message,
            } => write!(
                f,
                "The file is not valid JSON (line {line}, column {column}: {message}). {PICK}"
            ),
            ImportError::Truncated { line, column } => write!(
                f,
                "The file ends too early (line {line}, column {column}): it was probably cut \
                 off while being copied or downloaded. Export the backup again."
            ),
            ImportError::WrongFormat { found: Some(found) } => write!(
                f,
                "This JSON file is of format \"{found}\", not a Follow-up backup \
                 (\"{BACKUP_FORMAT}\"). {PICK}"
            ),
            ImportError::WrongFormat { found: None } => write!(
                f,
                "This JSON file has no \"format\": \"{BACKUP_FORMAT}\" field, so it is not a \
                 Follow-up backup. {PICK}"
            ),
            ImportError::FutureVersion { found, supported } => write!(
                f,
                "This backup was written by a newer version of Follow-up (backup version \
                 {found}; this version reads up to {supported}). Update the extension, then \
                 import it again."
            ),
            ImportError::MissingField { place } => write!(f, "The backup is missing {place}."),
            ImportError::WrongType {
                place,
                expected,
                found,
            } => {
                write!(f, "At {place}: expected {expected}, found {found}.")
            }
            ImportError::InvalidValue { place, message } => write!(f, "At {place}: {message}."),
            ImportError::InvalidDate { place, value } => write!(
                f,
                "At {place}: \"{value}\" is not a valid date (expected YYYY-MM-DD)."
            ),
            ImportError::DuplicateIds { ids } => write!(
                f,
                "The backup lists these applications more than once: {}. Export the backup \
                 again, or keep one copy of each.",
                ids.join(", ")
            ),
            ImportError::Storage(error) => {
                write!(f, "The backup is valid but was not saved: {error}")
            }
        }
    }
}

impl std::error::Error for ImportError {}
