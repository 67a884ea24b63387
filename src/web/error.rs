//! Why a read or write of the data port failed: a coded message ([`Worded`]) that the page
//! words in the user's language, sent from the service worker as `{error, code, words}`.

use std::fmt;

use wasm_bindgen::JsValue;

use super::kv::KvError;
use crate::core::backup::ImportError;
use crate::core::command::CommandError;
use crate::core::protocol::PortError;
use crate::core::store::StoreError;
use crate::core::words::{Coded, Worded};

/// Why a read or write failed, as a coded message ([`Worded`]) that the page words in the
/// user's language; its `Display` is the English.
#[derive(Debug, Clone, PartialEq)]
pub enum DataError {
    /// The record changed since it was read (another window saved it): re-read and retry.
    Conflict(Worded),
    /// No such application or action.
    NotFound(String),
    /// The request itself is wrong (a rule refused it).
    Invalid(Worded),
    /// The browser's storage failed (quota, shutdown...).
    Storage(Worded),
    /// A backup file was refused; nothing was written.
    Import(Worded),
}

impl DataError {
    /// A short machine-readable name, sent with error replies.
    pub fn code(&self) -> &'static str {
        match self {
            DataError::Conflict(_) => "conflict",
            DataError::NotFound(_) => "not-found",
            DataError::Invalid(_) => "invalid",
            DataError::Storage(_) => "storage",
            DataError::Import(_) => "import",
        }
    }

    pub fn from_js(e: JsValue) -> Self {
        DataError::Storage(KvError::from(e).0.into())
    }

    pub(super) fn from_code(code: &str, words: Worded) -> Self {
        match code {
            "conflict" => DataError::Conflict(words),
            "not-found" => match words.args.first() {
                Some((_, what)) if words.key == "errorNotFound" => {
                    DataError::NotFound(what.to_string())
                }
                _ => DataError::Invalid(words),
            },
            "storage" => DataError::Storage(words),
            "import" => DataError::Import(words),
            _ => DataError::Invalid(words),
        }
    }

    /// The message as a code with arguments, to send to a page or word there.
    pub fn worded(&self) -> Worded {
        match self {
            DataError::Conflict(w)
            | DataError::Invalid(w)
            | DataError::Storage(w)
            | DataError::Import(w) => w.clone(),
            DataError::NotFound(what) => CommandError::NotFound(what.clone()).worded(),
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.worded().english)
    }
}

impl From<StoreError> for DataError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Conflict { .. } => DataError::Conflict(PortError::Conflict(e).worded()),
            StoreError::Backend(_) => DataError::Storage(e.worded()),
            other => DataError::Invalid(other.worded()),
        }
    }
}

impl From<KvError> for DataError {
    fn from(e: KvError) -> Self {
        DataError::Storage(e.refusal().worded())
    }
}

impl From<CommandError> for DataError {
    fn from(e: CommandError) -> Self {
        match e {
            CommandError::NotFound(what) => DataError::NotFound(what),
            CommandError::Op(e) => DataError::Invalid(e.worded()),
            CommandError::Store(e) => e.into(),
            CommandError::Import(e) => e.into(),
        }
    }
}

impl From<ImportError> for DataError {
    fn from(e: ImportError) -> Self {
        DataError::Import(e.worded())
    }
}
