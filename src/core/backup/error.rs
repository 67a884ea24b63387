//! Why a backup file was refused, and where in it the problem is: a code with arguments
//! ([`Coded`], worded through `_locales`), and the English sentence as its `Display`.

use std::fmt;

use super::BACKUP_FORMAT;
use crate::core::export::{tenths, MB};
use crate::core::store::StoreError;
use crate::core::words::{nested, Arg, Coded, Worded};

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

impl Place {
    /// The place as an argument: the path, with the application's id when it has one.
    fn arg(&self) -> Arg {
        match &self.app_id {
            None => Arg::text(&self.path),
            Some(id) => Arg::Msg(Box::new(Worded {
                key: "backupPlaceApp".into(),
                args: vec![
                    ("path".into(), Arg::text(&self.path)),
                    ("id".into(), Arg::text(id)),
                ],
                english: self.to_string(),
            })),
        }
    }
}

/// What is wrong with a value of the right type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// A backup `version` of 0.
    VersionZero,
    EmptyId,
    /// An id with a line break, tab or NUL.
    ControlId,
    /// A value outside a fixed set of choices (`allowed`: the choices, comma-separated).
    NotOneOf {
        found: String,
        allowed: String,
    },
    /// A whole number too large to be kept.
    TooLarge {
        number: String,
    },
    /// Anything else the model refused, in the parser's words.
    Other(String),
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Invalid::VersionZero => f.write_str("0 is not a backup version"),
            Invalid::EmptyId => f.write_str("every application needs a non-empty id"),
            Invalid::ControlId => f.write_str(
                "an application id cannot contain control characters (line breaks, tabs, NUL)",
            ),
            Invalid::NotOneOf { found, allowed } => {
                write!(f, "\"{found}\" is not one of {allowed}")
            }
            Invalid::TooLarge { number } => write!(f, "{number} is too large"),
            Invalid::Other(message) => f.write_str(message),
        }
    }
}

impl Invalid {
    fn arg(&self) -> Arg {
        let key = match self {
            Invalid::VersionZero => "backupVersionZero",
            Invalid::EmptyId => "backupEmptyId",
            Invalid::ControlId => "backupControlId",
            Invalid::NotOneOf { .. } => "backupNotOneOf",
            Invalid::TooLarge { .. } => "backupNumberTooLarge",
            Invalid::Other(message) => return Arg::text(message),
        };
        let args = match self {
            Invalid::NotOneOf { found, allowed } => vec![
                ("found".to_string(), Arg::text(found)),
                ("allowed".to_string(), Arg::text(allowed)),
            ],
            Invalid::TooLarge { number } => vec![("number".to_string(), Arg::text(number))],
            _ => Vec::new(),
        };
        Arg::Msg(Box::new(Worded {
            key: key.into(),
            args,
            english: self.to_string(),
        }))
    }
}

/// The words for kinds of values in refusals ("expected text, found a number"), each with its
/// `_locales` message.
pub const VALUE_WORDS: [(&str, &str); 11] = [
    ("null", "valueNull"),
    ("true/false", "valueBool"),
    ("true or false", "valueTrueOrFalse"),
    ("a number", "valueNumber"),
    ("a whole number of 0 or more", "valueWholeNumber"),
    ("a whole number of 1 or more", "valueVersion"),
    ("text", "valueText"),
    ("a date (YYYY-MM-DD)", "valueDate"),
    ("a list", "valueList"),
    ("an object", "valueObject"),
    ("another kind of value", "valueOther"),
];

fn value_words(english: &'static str) -> Arg {
    match VALUE_WORDS.iter().find(|(words, _)| *words == english) {
        Some((_, key)) => Arg::Msg(Box::new(Worded {
            key: (*key).into(),
            args: Vec::new(),
            english: english.into(),
        })),
        None => Arg::text(english),
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
        message: Invalid,
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

impl Coded for ImportError {
    fn key(&self) -> &'static str {
        match self {
            ImportError::TooLarge { .. } => "backupTooLarge",
            ImportError::Empty => "backupEmpty",
            ImportError::LooksLikeCsv => "backupCsv",
            ImportError::LooksLikeCalendar => "backupCalendar",
            ImportError::NotJson { .. } => "backupNotJson",
            ImportError::Truncated { .. } => "backupTruncated",
            ImportError::WrongFormat { found: Some(_) } => "backupWrongFormat",
            ImportError::WrongFormat { found: None } => "backupNoFormat",
            ImportError::FutureVersion { .. } => "backupFutureVersion",
            ImportError::MissingField { .. } => "backupMissingField",
            ImportError::WrongType { .. } => "backupWrongType",
            ImportError::InvalidValue { .. } => "backupInvalidValue",
            ImportError::InvalidDate { .. } => "backupInvalidDate",
            ImportError::DuplicateIds { .. } => "backupDuplicateIds",
            ImportError::Storage(_) => "backupNotSaved",
        }
    }

    fn coded_args(&self) -> Vec<(&'static str, Arg)> {
        let number = |n: usize| Arg::Number(n as u64);
        match self {
            ImportError::TooLarge { bytes, limit } => vec![
                ("size", Arg::Text(tenths(*bytes as u64, MB))),
                ("limit", number(limit / (1024 * 1024))),
            ],
            ImportError::Empty | ImportError::LooksLikeCsv | ImportError::LooksLikeCalendar => {
                Vec::new()
            }
            ImportError::NotJson {
                line,
                column,
                message,
            } => vec![
                ("line", number(*line)),
                ("column", number(*column)),
                ("detail", Arg::text(message)),
            ],
            ImportError::Truncated { line, column } => {
                vec![("line", number(*line)), ("column", number(*column))]
            }
            ImportError::WrongFormat { found } => {
                let mut args = vec![("format", Arg::text(BACKUP_FORMAT))];
                if let Some(found) = found {
                    args.insert(0, ("found", Arg::text(found)));
                }
                args
            }
            ImportError::FutureVersion { found, supported } => vec![
                ("found", Arg::Number(*found)),
                ("supported", Arg::Number(*supported)),
            ],
            ImportError::MissingField { place } => vec![("place", place.arg())],
            ImportError::WrongType {
                place,
                expected,
                found,
            } => vec![
                ("place", place.arg()),
                ("expected", value_words(expected)),
                ("found", value_words(found)),
            ],
            ImportError::InvalidValue { place, message } => {
                vec![("place", place.arg()), ("detail", message.arg())]
            }
            ImportError::InvalidDate { place, value } => {
                vec![("place", place.arg()), ("value", Arg::text(value))]
            }
            ImportError::DuplicateIds { ids } => vec![("ids", Arg::Text(ids.join(", ")))],
            ImportError::Storage(error) => vec![("error", nested(error))],
        }
    }
}
