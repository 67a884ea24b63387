//! Why a page's read or write through the data port failed, beyond what the store and the
//! command handler say: the worker did not answer, the browser's storage failed, or a record
//! changed in another window. Coded like every refusal ([`Coded`]), so the page words them in
//! the user's language.

use std::fmt;

use crate::core::store::StoreError;
use crate::core::words::{nested, Arg, Coded};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PortError {
    /// The write was refused because another window changed the record; the page reads
    /// storage again.
    Conflict(StoreError),
    /// The message to the service worker failed (`detail`: the browser's words).
    NoAnswer { detail: String },
    /// The service worker stopped before it replied.
    Stopped,
    /// The reply could not be read.
    EmptyReply,
    /// The browser's storage is full (`detail`: the browser's words).
    StorageFull { detail: String },
    /// The browser's storage failed otherwise.
    StorageFailed { detail: String },
}

impl fmt::Display for PortError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PortError::Conflict(e) => write!(
                f,
                "{e} It was changed in another window; your view has been refreshed, please \
                 make the change again."
            ),
            PortError::NoAnswer { detail } => write!(
                f,
                "The extension's background did not answer ({detail}); please try again."
            ),
            PortError::Stopped => f.write_str(
                "The extension's background did not answer (it stopped before replying); \
                 please try again.",
            ),
            PortError::EmptyReply => f.write_str("the extension's background gave no answer"),
            PortError::StorageFull { detail } => write!(
                f,
                "The browser's storage for Follow-up is full ({detail}), so this change was not \
                 saved and nothing else was changed. Export a backup, then delete applications \
                 you no longer need."
            ),
            PortError::StorageFailed { detail } => write!(
                f,
                "The browser's storage failed ({detail}). Try again; if it keeps failing, \
                 export a backup."
            ),
        }
    }
}

impl std::error::Error for PortError {}

impl Coded for PortError {
    fn key(&self) -> &'static str {
        match self {
            PortError::Conflict(_) => "errorConflict",
            PortError::NoAnswer { .. } => "errorNoAnswer",
            PortError::Stopped => "errorStopped",
            PortError::EmptyReply => "errorEmptyReply",
            PortError::StorageFull { .. } => "storageFull",
            PortError::StorageFailed { .. } => "storageFailed",
        }
    }

    fn coded_args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            PortError::Conflict(e) => vec![("error", nested(e))],
            PortError::NoAnswer { detail }
            | PortError::StorageFull { detail }
            | PortError::StorageFailed { detail } => vec![("detail", Arg::text(detail))],
            PortError::Stopped | PortError::EmptyReply => Vec::new(),
        }
    }
}
