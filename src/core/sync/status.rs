//! What the options page shows about sync, and this computer's sync bookkeeping.

use std::collections::BTreeMap;

use serde::de::Error;
use serde::{Deserialize, Deserializer, Serialize};

use super::limits::HOUR_MS;

/// Where one part (settings, applications) stands. Serialized with a `state` tag:
/// `{"state":"off"}`, `{"state":"synced","bytes":812,"items":1}`,
/// `{"state":"too-large","bytes":143360,"message":"..."}`, `{"state":"error","message":"..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(
    tag = "state",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase"
)]
pub enum PartStatus {
    /// The user has not turned this part on.
    #[default]
    Off,
    /// In sync: `bytes` and `items` this part takes in browser sync.
    Synced { bytes: u32, items: u32 },
    /// Does not fit: `bytes` it would take; `message` says so in words. Stays local only.
    TooLarge { bytes: u32, message: String },
    /// Browser sync refused or failed; `message` in words. Stays local only until it works.
    Error { message: String },
}

// Read through a flat record rather than serde's internally tagged enum, whose buffering of
// the whole value would be compiled into the WebAssembly for this one type.
#[derive(Deserialize)]
struct FlatPartStatus {
    state: String,
    bytes: Option<u32>,
    items: Option<u32>,
    message: Option<String>,
}

impl<'de> Deserialize<'de> for PartStatus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let flat = FlatPartStatus::deserialize(d)?;
        let bytes = || flat.bytes.ok_or_else(|| D::Error::missing_field("bytes"));
        let message = || {
            flat.message
                .clone()
                .ok_or_else(|| D::Error::missing_field("message"))
        };
        Ok(match flat.state.as_str() {
            "off" => PartStatus::Off,
            "synced" => PartStatus::Synced {
                bytes: bytes()?,
                items: flat.items.ok_or_else(|| D::Error::missing_field("items"))?,
            },
            "too-large" => PartStatus::TooLarge {
                bytes: bytes()?,
                message: message()?,
            },
            "error" => PartStatus::Error {
                message: message()?,
            },
            other => {
                const STATES: &[&str] = &["off", "synced", "too-large", "error"];
                return Err(D::Error::unknown_variant(other, STATES));
            }
        })
    }
}

/// The sync status the options page shows, stored in `chrome.storage.local` under
/// [`store::SYNC_STATUS_KEY`] as JSON text:
/// `{"settings": PartStatus, "applications": PartStatus, "descriptionsHere": 2}` (the last
/// left out when 0).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct SyncStatus {
    pub settings: PartStatus,
    pub applications: PartStatus,
    /// While the applications are synced: how many of them have a job description that
    /// stays on this computer, left out of their synced copies (`descriptions.rs`).
    #[serde(skip_serializing_if = "is_zero")]
    pub descriptions_here: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl SyncStatus {
    /// Reads a stored status; an unreadable one counts as "never synced".
    pub fn parse(raw: Option<&str>) -> SyncStatus {
        raw.and_then(|r| serde_json::from_str(r).ok())
            .unwrap_or_default()
    }

    /// The stored text of this status.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".into())
    }

    /// This status after browser sync refused a write: every part that was about to be synced
    /// becomes an error naming the browser's reason.
    pub fn failed(&self, reason: &str) -> SyncStatus {
        let fail = |part: &PartStatus| match part {
            PartStatus::Synced { .. } => PartStatus::Error {
                message: format!(
                    "Browser sync refused the change ({reason}); everything stays on this \
                     computer and sync is tried again in a minute."
                ),
            },
            other => other.clone(),
        };
        SyncStatus {
            settings: fail(&self.settings),
            applications: fail(&self.applications),
            descriptions_here: self.descriptions_here,
        }
    }
}

/// This computer's sync bookkeeping, stored under [`store::SYNC_STATE_KEY`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct SyncState {
    /// Revision of each application as last seen in sync (or kept here after it was deleted
    /// elsewhere): tells an application deleted here from one added on another computer.
    pub base: BTreeMap<String, u32>,
    /// When this computer last wrote to sync (milliseconds since the epoch), over the last hour.
    pub writes: Vec<f64>,
}

impl SyncState {
    pub fn parse(raw: Option<&str>) -> SyncState {
        raw.and_then(|r| serde_json::from_str(r).ok())
            .unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".into())
    }

    /// Records `count` writes at `now` and forgets those older than an hour.
    pub fn record_writes(&mut self, now: f64, count: usize) {
        self.writes.retain(|t| now - t < HOUR_MS);
        self.writes.extend((0..count).map(|_| now));
    }
}
