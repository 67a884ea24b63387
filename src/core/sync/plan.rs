//! One sync run: the settings part, then the applications ([`super::apps`]).

use std::collections::BTreeMap;

use super::apps::plan_apps;
use super::limits::{item_bytes, BUDGET_BYTES_PER_ITEM};
use super::status::{PartStatus, SyncStatus};
use crate::core::model::Settings;
use crate::core::store::{self, SETTINGS_KEY};

/// Writes one sync run makes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SyncPlan {
    /// Records to write to local storage (taken from sync), verbatim.
    pub pull: Vec<(String, String)>,
    /// Items to write to browser sync, in one `set`.
    pub push: Vec<(String, String)>,
    /// Items to remove from browser sync, in one `remove`.
    pub remove: Vec<String>,
    /// The status after the run.
    pub status: SyncStatus,
    /// The bookkeeping after the run (write times are the caller's to add).
    pub base: BTreeMap<String, u32>,
    /// Application records to remove from local storage: deleted on another computer, and not
    /// edited here since.
    pub delete_local: Vec<String>,
}

impl SyncPlan {
    /// Writes to browser sync this plan makes (0, 1 or 2).
    pub fn sync_writes(&self) -> usize {
        usize::from(!self.push.is_empty()) + usize::from(!self.remove.is_empty())
    }
}

/// One readable record: its revision and its text.
#[derive(Clone, Copy)]
pub(super) struct Copy<'a> {
    pub(super) revision: u32,
    pub(super) raw: &'a str,
}

impl Copy<'_> {
    /// Higher revision first; on equal revisions the larger text, so both sides agree.
    pub(super) fn newer_than(&self, other: &Copy<'_>) -> bool {
        (self.revision, self.raw) > (other.revision, other.raw)
    }
}

pub(super) fn kb(bytes: usize) -> usize {
    bytes.div_ceil(1024)
}

pub(super) fn clamp(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Plans one sync run from the local entries, the sync entries (both as stored: key to JSON
/// text) and this computer's last [`SyncState::base`].
///
/// `now` (milliseconds since the epoch) dates the deletions this run records and tells which
/// recorded deletions are old enough to forget ([`super::TOMBSTONE_DAYS`]).
pub fn plan_sync(
    local: &BTreeMap<String, String>,
    remote: &BTreeMap<String, String>,
    base: &BTreeMap<String, u32>,
    now: f64,
) -> SyncPlan {
    let mut plan = SyncPlan::default();

    // Settings.
    let local_raw = local.get(SETTINGS_KEY).map(String::as_str);
    let remote_raw = remote.get(SETTINGS_KEY).map(String::as_str);
    let remote_settings = remote_raw.and_then(|raw| {
        store::decode_settings(raw)
            .ok()
            .map(|(settings, revision)| (settings, Copy { revision, raw }))
    });
    let effective: Option<(Settings, Option<&str>)> = match local_raw {
        None => match &remote_settings {
            // A new computer: take the settings the user's other computers synced.
            Some((settings, copy)) => {
                plan.pull
                    .push((SETTINGS_KEY.to_string(), copy.raw.to_string()));
                Some((settings.clone(), Some(copy.raw)))
            }
            None => Some((Settings::default(), None)),
        },
        Some(raw) => match store::decode_settings(raw) {
            Err(reason) => {
                plan.status.settings = PartStatus::Error {
                    message: format!(
                        "The settings stored on this computer cannot be read ({reason}), so \
                         nothing is synced until they are saved again."
                    ),
                };
                None
            }
            Ok((settings, revision)) => {
                let here = Copy { revision, raw };
                match &remote_settings {
                    Some((theirs, copy)) if settings.sync_settings && copy.newer_than(&here) => {
                        plan.pull
                            .push((SETTINGS_KEY.to_string(), copy.raw.to_string()));
                        Some((theirs.clone(), Some(copy.raw)))
                    }
                    _ => Some((settings, Some(raw))),
                }
            }
        },
    };
    let Some((settings, settings_raw)) = effective else {
        plan.status.applications = PartStatus::Error {
            message: "Applications are not synced while the settings cannot be read.".into(),
        };
        plan.base = base.clone();
        return plan;
    };

    let mut settings_in_sync = 0;
    if settings.sync_settings {
        if let Some(raw) = settings_raw {
            let bytes = item_bytes(SETTINGS_KEY, raw);
            if bytes > BUDGET_BYTES_PER_ITEM {
                plan.status.settings = PartStatus::TooLarge {
                    bytes: clamp(bytes),
                    message: format!(
                        "Settings take {} KB (long templates count), more than the 8 KB browser \
                         sync allows for one record; they stay on this computer only.",
                        kb(bytes)
                    ),
                };
                if remote_raw.is_some() {
                    plan.remove.push(SETTINGS_KEY.to_string());
                }
            } else {
                if remote_raw != Some(raw) {
                    plan.push.push((SETTINGS_KEY.to_string(), raw.to_string()));
                }
                settings_in_sync = bytes;
                plan.status.settings = PartStatus::Synced {
                    bytes: clamp(bytes),
                    items: 1,
                };
            }
        }
    }

    plan_apps(
        &mut plan,
        &settings,
        settings_in_sync,
        local,
        remote,
        base,
        now,
    );
    plan
}
