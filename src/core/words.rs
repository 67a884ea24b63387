//! Messages that leave the core as codes with arguments. Each refusal or problem the user may
//! see (planner problems, calendar-file and backup refusals, storage and command errors) is
//! [`Coded`]: a `_locales` message key, its placeholders' values, and the English sentence
//! (its `Display`) for logs and native callers. Across the worker -> page boundary it travels
//! as a [`Worded`], and the page fills the key's text in the user's language
//! (`ui::words::Words::worded`). A test checks every key in English and German with the same
//! placeholders, and that the English `Display` is the `_locales/en` text filled in.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The value of one placeholder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Arg {
    /// Shown as it is (names, ids, paths, the browser's own words).
    Text(String),
    /// Written in the user's locale by the interface, as ISO in English sentences.
    Date(NaiveDate),
    Number(u64),
    /// Another coded message, worded first (a storage error inside an import refusal).
    Msg(Box<Worded>),
}

impl Arg {
    pub fn text(s: impl Into<String>) -> Arg {
        Arg::Text(s.into())
    }
}

impl fmt::Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Text(s) => f.write_str(s),
            Arg::Date(d) => write!(f, "{d}"),
            Arg::Number(n) => write!(f, "{n}"),
            Arg::Msg(w) => f.write_str(&w.english),
        }
    }
}

/// A message as a code: its `_locales` key, its arguments (named as the placeholders) and the
/// same in English. Wording without a key (`key` empty) is shown as its English text: errors of
/// the program itself, which the user cannot act on anyway.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Worded {
    pub key: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(String, Arg)>,
    pub english: String,
}

impl Worded {
    /// Words that have no message of their own.
    pub fn plain(english: impl Into<String>) -> Worded {
        Worded {
            key: String::new(),
            args: Vec::new(),
            english: english.into(),
        }
    }
}

impl fmt::Display for Worded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english)
    }
}

impl From<&str> for Worded {
    fn from(english: &str) -> Worded {
        Worded::plain(english)
    }
}

impl From<String> for Worded {
    fn from(english: String) -> Worded {
        Worded::plain(english)
    }
}

/// A message with a `_locales` key; its `Display` is the English text.
pub trait Coded: fmt::Display {
    /// The `_locales` message that words it.
    fn key(&self) -> &'static str;
    /// Its placeholders' values.
    fn coded_args(&self) -> Vec<(&'static str, Arg)>;
    /// Key, arguments and English together, to send or keep.
    fn worded(&self) -> Worded {
        Worded {
            key: self.key().to_string(),
            args: self
                .coded_args()
                .into_iter()
                .map(|(name, arg)| (name.to_string(), arg))
                .collect(),
            english: self.to_string(),
        }
    }
}

/// A nested coded message as an argument.
pub fn nested(coded: &dyn Coded) -> Arg {
    Arg::Msg(Box::new(coded.worded()))
}
