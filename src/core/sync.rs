//! Opt-in browser sync: what goes to `chrome.storage.sync`, what comes back from it, and what
//! the user is told.
//!
//! Sync holds copies of the local records under the same keys and with the same text:
//! `settings` (with its revision) and one `app:<id>` per application. Local storage stays the
//! source of truth; sync is a mirror shared with the user's other computers, used only for
//! the parts the user turned on (`Settings::sync_settings`, `Settings::sync_applications`).
//!
//! [`plan_sync`] compares both areas and this computer's bookkeeping ([`SyncState::base`]: the
//! revision of each application as last synced) and returns the writes to make:
//!
//! - **Settings** are taken from sync when this computer has none yet (a new computer) or,
//!   while settings sync is on, when sync holds a later revision. Otherwise the local record is
//!   copied to sync.
//! - **Applications** (only while application sync is on) are merged by id. The copy with the
//!   higher revision wins; a local copy is never replaced by an older one and nothing local is
//!   ever deleted because sync lacks it. An application deleted here is removed from sync
//!   unless another computer edited it since; one deleted elsewhere is kept here.
//! - **Quotas**: browser sync holds 100 KB in all, 8 KB per item (key plus JSON text) and 512
//!   items. Follow-up stays well inside ([`BUDGET_BYTES`], [`BUDGET_BYTES_PER_ITEM`],
//!   [`BUDGET_ITEMS`]). A part that does not fit stops syncing, its items are removed from sync
//!   (after anything newer in them has been merged here) and its status says why, in words;
//!   everything stays on this computer.
//! - **Write rate**: the browser allows 120 writes a minute and 1,800 an hour; Follow-up uses
//!   at most half ([`wait_before_writing`]). One sync run makes at most two writes (one `set`,
//!   one `remove`), whatever the number of records.
//!
//! Ties (same revision, different text) go to the larger text, so two computers always agree
//! on the same winner and never undo each other.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::model::{Application, Settings};
use super::store::{self, APP_KEY_PREFIX, SETTINGS_KEY};

/// Browser sync's total quota, in bytes (`chrome.storage.sync.QUOTA_BYTES`).
pub const QUOTA_BYTES: usize = 102_400;
/// Browser sync's quota per item: key length plus JSON length (`QUOTA_BYTES_PER_ITEM`).
pub const QUOTA_BYTES_PER_ITEM: usize = 8_192;
/// Browser sync's item count limit (`MAX_ITEMS`).
pub const MAX_ITEMS: usize = 512;
/// Browser sync's write limits (`MAX_WRITE_OPERATIONS_PER_MINUTE`, `..._PER_HOUR`).
pub const MAX_WRITES_PER_MINUTE: usize = 120;
pub const MAX_WRITES_PER_HOUR: usize = 1_800;

/// What Follow-up allows itself: 90 % of the total, leaving room for measurement differences
/// between browsers.
pub const BUDGET_BYTES: usize = QUOTA_BYTES * 9 / 10;
/// Per item, a little under the browser's limit.
pub const BUDGET_BYTES_PER_ITEM: usize = 8_000;
/// Items, a little under the browser's limit.
pub const BUDGET_ITEMS: usize = 500;
/// Half the browser's write rates.
pub const BUDGET_WRITES_PER_MINUTE: usize = MAX_WRITES_PER_MINUTE / 2;
pub const BUDGET_WRITES_PER_HOUR: usize = MAX_WRITES_PER_HOUR / 2;

const MINUTE_MS: f64 = 60_000.0;
const HOUR_MS: f64 = 3_600_000.0;

/// Where one part (settings, applications) stands. Serialized with a `state` tag:
/// `{"state":"off"}`, `{"state":"synced","bytes":812,"items":1}`,
/// `{"state":"too-large","bytes":143360,"message":"..."}`, `{"state":"error","message":"..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
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

/// The sync status the options page shows, stored in `chrome.storage.local` under
/// [`store::SYNC_STATUS_KEY`] as JSON text:
/// `{"settings": PartStatus, "applications": PartStatus}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct SyncStatus {
    pub settings: PartStatus,
    pub applications: PartStatus,
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

/// How long to wait (milliseconds) before `count` more writes stay within
/// [`BUDGET_WRITES_PER_MINUTE`] and [`BUDGET_WRITES_PER_HOUR`]; 0 when they can be made now.
pub fn wait_before_writing(writes: &[f64], now: f64, count: usize) -> f64 {
    if count == 0 {
        return 0.0;
    }
    let mut recent: Vec<f64> = writes
        .iter()
        .copied()
        .filter(|t| now - t < HOUR_MS)
        .collect();
    recent.sort_unstable_by(|a, b| a.partial_cmp(b).unwrap_or(Ordering::Equal));
    let mut wait: f64 = 0.0;
    for (window, budget) in [
        (MINUTE_MS, BUDGET_WRITES_PER_MINUTE),
        (HOUR_MS, BUDGET_WRITES_PER_HOUR),
    ] {
        let inside: Vec<f64> = recent
            .iter()
            .copied()
            .filter(|t| now - t < window)
            .collect();
        let excess = (inside.len() + count).saturating_sub(budget);
        if excess > 0 {
            // The `excess` oldest writes of the window must age out first.
            let frees_at = inside[excess.min(inside.len()) - 1] + window;
            wait = wait.max(frees_at - now);
        }
    }
    wait.max(0.0)
}

/// Bytes browser sync counts for one item: the key plus the value's JSON text. Values are
/// stored as JSON strings, so the text is the quoted, escaped string. Escapes are counted as
/// the larger of what Chromium and Firefox write (Chromium also escapes `<`, U+2028, U+2029).
pub fn item_bytes(key: &str, value: &str) -> usize {
    let escaped: usize = value
        .chars()
        .map(|c| match c {
            '"' | '\\' | '\u{8}' | '\u{c}' | '\n' | '\r' | '\t' => 2,
            c if (c as u32) < 0x20 => 6,
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' | '\u{7f}' => 6,
            c => c.len_utf8(),
        })
        .sum();
    key.len() + escaped + 2
}

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
}

impl SyncPlan {
    /// Writes to browser sync this plan makes (0, 1 or 2).
    pub fn sync_writes(&self) -> usize {
        usize::from(!self.push.is_empty()) + usize::from(!self.remove.is_empty())
    }
}

/// One readable record: its revision and its text.
#[derive(Clone, Copy)]
struct Copy<'a> {
    revision: u32,
    raw: &'a str,
}

impl Copy<'_> {
    /// Higher revision first; on equal revisions the larger text, so both sides agree.
    fn newer_than(&self, other: &Copy<'_>) -> bool {
        (self.revision, self.raw) > (other.revision, other.raw)
    }
}

fn kb(bytes: usize) -> usize {
    bytes.div_ceil(1024)
}

fn clamp(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn app_label(app: &Application) -> String {
    let parts: Vec<&str> = [app.company.as_str(), app.role.as_str()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        app.id.clone()
    } else {
        parts.join(", ")
    }
}

/// Plans one sync run from the local entries, the sync entries (both as stored: key to JSON
/// text) and this computer's last [`SyncState::base`].
pub fn plan_sync(
    local: &BTreeMap<String, String>,
    remote: &BTreeMap<String, String>,
    base: &BTreeMap<String, u32>,
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

    // Applications.
    let local_apps: BTreeMap<&str, Result<Copy<'_>, ()>> = apps_of(local);
    let remote_apps: BTreeMap<&str, Result<Copy<'_>, ()>> = apps_of(remote);

    if !settings.sync_applications {
        plan.status.applications = PartStatus::Off;
        // Turned off here: take back what this computer put in sync.
        for id in base.keys() {
            if remote_apps.contains_key(id.as_str()) {
                plan.remove.push(store::app_key(id));
            }
        }
        return plan;
    }

    let mut target: BTreeMap<String, &str> = BTreeMap::new();
    let mut new_base = BTreeMap::new();
    let ids: std::collections::BTreeSet<&str> = local_apps
        .keys()
        .chain(remote_apps.keys())
        .copied()
        .collect();
    for id in ids {
        let key = store::app_key(id);
        let was = base.get(id).copied();
        match (local_apps.get(id), remote_apps.get(id)) {
            // A record that cannot be read is never written over nor copied.
            (Some(Err(())), remote) => {
                if let Some(Ok(r)) = remote {
                    target.insert(key, r.raw);
                }
            }
            (local, Some(Err(()))) => {
                // Unreadable in sync (a newer version's record?): left there, counted.
                if let Some(raw) = remote.get(&key) {
                    target.insert(key.clone(), raw);
                }
                if let Some(Ok(l)) = local {
                    new_base.insert(id.to_string(), l.revision);
                }
            }
            (Some(Ok(l)), Some(Ok(r))) => {
                if r.newer_than(l) {
                    plan.pull.push((key.clone(), r.raw.to_string()));
                    target.insert(key, r.raw);
                    new_base.insert(id.to_string(), r.revision);
                } else {
                    if l.newer_than(r) {
                        plan.push.push((key.clone(), l.raw.to_string()));
                    }
                    target.insert(key, l.raw);
                    new_base.insert(id.to_string(), l.revision);
                }
            }
            (Some(Ok(l)), None) => match was {
                // Deleted on another computer and not edited here since: kept here only.
                Some(b) if l.revision <= b => {
                    new_base.insert(id.to_string(), b);
                }
                _ => {
                    plan.push.push((key.clone(), l.raw.to_string()));
                    target.insert(key, l.raw);
                    new_base.insert(id.to_string(), l.revision);
                }
            },
            (None, Some(Ok(r))) => match was {
                // Deleted here and not edited elsewhere since: delete it from sync too.
                Some(b) if r.revision <= b => plan.remove.push(key),
                _ => {
                    plan.pull.push((key.clone(), r.raw.to_string()));
                    target.insert(key, r.raw);
                    new_base.insert(id.to_string(), r.revision);
                }
            },
            (None, None) => {}
        }
    }

    let app_bytes: usize = target.iter().map(|(k, v)| item_bytes(k, v)).sum();
    // Items that are neither settings nor applications (an older version's?) take room too.
    let other_bytes: usize = remote
        .iter()
        .filter(|(k, _)| *k != SETTINGS_KEY && !k.starts_with(APP_KEY_PREFIX))
        .map(|(k, v)| item_bytes(k, v))
        .sum();
    let biggest = target
        .iter()
        .map(|(k, v)| (item_bytes(k, v), k, v))
        .max_by_key(|(bytes, _, _)| *bytes);
    let too_large = if let Some((bytes, key, raw)) =
        biggest.filter(|(bytes, _, _)| *bytes > BUDGET_BYTES_PER_ITEM)
    {
        let label = store::decode_app(key, raw)
            .map(|a| app_label(&a))
            .unwrap_or_else(|_| key.trim_start_matches(APP_KEY_PREFIX).to_string());
        Some(format!(
            "Application \"{label}\" takes {} KB, more than the 8 KB browser sync allows for \
             one record; applications stay on this computer only.",
            kb(bytes)
        ))
    } else if target.len() + 1 > BUDGET_ITEMS {
        Some(format!(
            "There are {} applications, more than the {BUDGET_ITEMS} records Follow-up keeps in \
             browser sync (the browser allows {MAX_ITEMS}); they stay on this computer only.",
            target.len()
        ))
    } else if app_bytes > QUOTA_BYTES {
        Some(format!(
            "Applications take {} KB, more than the {} KB browser sync allows; they stay on \
             this computer only.",
            kb(app_bytes),
            QUOTA_BYTES / 1024
        ))
    } else if app_bytes + settings_in_sync + other_bytes > BUDGET_BYTES {
        Some(format!(
            "Applications take {} KB, more than the {} KB of browser sync Follow-up uses (the \
             browser allows {} KB); they stay on this computer only.",
            kb(app_bytes),
            BUDGET_BYTES.saturating_sub(settings_in_sync + other_bytes) / 1024,
            QUOTA_BYTES / 1024
        ))
    } else {
        None
    };

    match too_large {
        Some(message) => {
            // Keep what the other computers had (the pulls stay), then clear sync of them.
            plan.push.retain(|(k, _)| !k.starts_with(APP_KEY_PREFIX));
            plan.remove.retain(|k| !k.starts_with(APP_KEY_PREFIX));
            plan.remove.extend(
                remote
                    .keys()
                    .filter(|k| k.starts_with(APP_KEY_PREFIX))
                    .cloned(),
            );
            plan.status.applications = PartStatus::TooLarge {
                bytes: clamp(app_bytes),
                message,
            };
            plan.base = BTreeMap::new();
        }
        None => {
            plan.status.applications = PartStatus::Synced {
                bytes: clamp(app_bytes),
                items: clamp(target.len()),
            };
            plan.base = new_base;
        }
    }
    plan
}

/// The application records of one area by id: readable ones with their revision, unreadable
/// ones as `Err`.
fn apps_of(entries: &BTreeMap<String, String>) -> BTreeMap<&str, Result<Copy<'_>, ()>> {
    entries
        .iter()
        .filter_map(|(key, raw)| {
            let id = key.strip_prefix(APP_KEY_PREFIX)?;
            let copy = store::decode_app(key, raw)
                .map(|app| Copy {
                    revision: app.revision,
                    raw,
                })
                .map_err(|_| ());
            Some((id, copy))
        })
        .collect()
}

/// Whether a storage change in `area` touching `keys` calls for a sync run: any change in
/// browser sync, or a local change to settings or applications (not the sync bookkeeping).
pub fn change_needs_sync(area: &str, keys: &[String]) -> bool {
    match area {
        "sync" => true,
        "local" => keys
            .iter()
            .any(|k| k == SETTINGS_KEY || k.starts_with(APP_KEY_PREFIX)),
        _ => false,
    }
}
