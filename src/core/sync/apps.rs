//! The applications part of a sync run: merging by revision, deletions recorded as
//! tombstones, and the quota.
//!
//! A deletion travels as a tombstone, an item `deleted:<id>` holding the revision the
//! application had when it was deleted and when (`{"revision":3,"deletedAt":1767225600000}`).
//! It is written by the computer where the application was deleted (it was in sync at the
//! revision last synced and is gone here) and read by every other one: a copy of that revision
//! or older is deleted there too, so a deleted application never comes back from a computer
//! that still had it; a copy edited after it was deleted (a higher revision) wins over the
//! deletion, which is then forgotten. A tombstone is forgotten [`TOMBSTONE_DAYS`] after the
//! deletion: a computer that has not synced for that long may bring the application back
//! (keeping data is the safer failure). Browser sync cannot tell when every computer has seen
//! an item, so the time is the only limit.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::limits::{
    item_bytes, BUDGET_BYTES, BUDGET_BYTES_PER_ITEM, BUDGET_ITEMS, MAX_ITEMS, QUOTA_BYTES,
};
use super::outcome::{clamp, kb, Copy, SyncPlan};
use super::status::PartStatus;
use crate::core::model::{Application, Settings};
use crate::core::sort;
use crate::core::store::{self, APP_KEY_PREFIX, SETTINGS_KEY};

/// Prefix of the sync items that record a deletion: `deleted:<id>`.
pub const TOMBSTONE_KEY_PREFIX: &str = "deleted:";
/// Days a recorded deletion is kept in browser sync.
pub const TOMBSTONE_DAYS: f64 = 90.0;
const DAY_MS: f64 = 86_400_000.0;

/// A recorded deletion: the revision deleted and when (milliseconds since the epoch).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Tombstone {
    revision: u32,
    deleted_at: f64,
}

/// The sync item recording that application `id` was deleted at `revision`, at `now`.
pub fn tombstone(id: &str, revision: u32, now: f64) -> (String, String) {
    (
        format!("{TOMBSTONE_KEY_PREFIX}{id}"),
        // Whole milliseconds, written as an integer.
        format!(
            "{{\"revision\":{revision},\"deletedAt\":{}}}",
            now.max(0.0) as u64
        ),
    )
}

/// The readable tombstones of the sync area, by application id. An unreadable one is left in
/// sync and ignored: it proves nothing, and nothing is deleted because of it.
fn tombstones_of(remote: &BTreeMap<String, String>) -> BTreeMap<&str, Tombstone> {
    sort::map(remote.iter().filter_map(|(key, raw)| {
        let id = key.strip_prefix(TOMBSTONE_KEY_PREFIX)?;
        let value: Value = serde_json::from_str(raw).ok()?;
        let revision = u32::try_from(value.get("revision")?.as_u64()?).ok()?;
        let deleted_at = value.get("deletedAt")?.as_f64()?;
        Some((
            id,
            Tombstone {
                revision,
                deleted_at,
            },
        ))
    }))
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

/// Plans the applications part of a run into `plan` (see [`super::plan_sync`]).
pub(super) fn plan_apps(
    plan: &mut SyncPlan,
    settings: &Settings,
    settings_in_sync: usize,
    local: &BTreeMap<String, String>,
    remote: &BTreeMap<String, String>,
    base: &BTreeMap<String, u32>,
    now: f64,
) {
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
        return;
    }

    let tombstones = tombstones_of(remote);
    let mut target: BTreeMap<String, &str> = BTreeMap::new();
    let mut new_base = BTreeMap::new();
    let ids: BTreeSet<&str> = sort::set(
        local_apps
            .keys()
            .chain(remote_apps.keys())
            .chain(tombstones.keys())
            .copied(),
    );
    for id in ids {
        let key = store::app_key(id);
        let mut was = base.get(id).copied();
        let (here, there) = (local_apps.get(id), remote_apps.get(id));
        if let Some(t) = tombstones.get(id) {
            let tomb_key = format!("{TOMBSTONE_KEY_PREFIX}{id}");
            let edited_since = |copy: Option<&Result<Copy<'_>, ()>>| matches!(copy, Some(Ok(c)) if c.revision > t.revision);
            if !edited_since(here) && !edited_since(there) {
                // Deleted elsewhere, and no copy was edited since: deleted everywhere. An
                // unreadable copy is never deleted (nor copied).
                if let Some(Ok(_)) = here {
                    plan.delete_local.push(key.clone());
                }
                match there {
                    Some(Ok(_)) => plan.remove.push(key),
                    Some(Err(())) => {
                        if let Some(raw) = remote.get(&key) {
                            target.insert(key, raw);
                        }
                    }
                    None => {}
                }
                if now - t.deleted_at > TOMBSTONE_DAYS * DAY_MS {
                    plan.remove.push(tomb_key);
                }
                continue;
            }
            // Edited after the deletion: the edit wins, and is merged as if never deleted.
            plan.remove.push(tomb_key);
            was = None;
        }
        match (here, there) {
            // A record that cannot be read is never written over nor copied.
            (Some(Err(())), remote_copy) => {
                if let Some(Ok(r)) = remote_copy {
                    target.insert(key, r.raw);
                }
            }
            (local_copy, Some(Err(()))) => {
                // Unreadable in sync (a newer version's record?): left there, counted.
                if let Some(raw) = remote.get(&key) {
                    target.insert(key.clone(), raw);
                }
                if let Some(Ok(l)) = local_copy {
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
                // Gone from sync without a recorded deletion (sync was cleared, or the
                // deletion is older than a tombstone is kept) and not edited here since: kept
                // here only.
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
                // Deleted here and not edited elsewhere since: deleted from sync too, and the
                // deletion recorded for the other computers.
                Some(b) if r.revision <= b => {
                    plan.remove.push(key);
                    plan.push.push(tombstone(id, b, now));
                }
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
    let too_large = over_budget(&target, app_bytes, settings_in_sync, remote);
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
}

/// Why the applications do not fit in browser sync, in words; `None` when they do.
fn over_budget(
    target: &BTreeMap<String, &str>,
    app_bytes: usize,
    settings_in_sync: usize,
    remote: &BTreeMap<String, String>,
) -> Option<String> {
    // Items that are neither settings nor applications (recorded deletions, an older
    // version's items) take room too.
    let others: Vec<usize> = remote
        .iter()
        .filter(|(k, _)| *k != SETTINGS_KEY && !k.starts_with(APP_KEY_PREFIX))
        .map(|(k, v)| item_bytes(k, v))
        .collect();
    let (other_items, other_bytes) = (others.len(), others.iter().sum::<usize>());
    let biggest = target
        .iter()
        .map(|(k, v)| (item_bytes(k, v), k, v))
        .max_by_key(|(bytes, _, _)| *bytes);
    if let Some((bytes, key, raw)) = biggest.filter(|(bytes, _, _)| *bytes > BUDGET_BYTES_PER_ITEM)
    {
        let label = store::decode_app(key, raw)
            .map(|a| app_label(&a))
            .unwrap_or_else(|_| key.trim_start_matches(APP_KEY_PREFIX).to_string());
        Some(format!(
            "Application \"{label}\" takes {} KB, more than the 8 KB browser sync allows for \
             one record; applications stay on this computer only.",
            kb(bytes)
        ))
    } else if target.len() + 1 + other_items > BUDGET_ITEMS {
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
    }
}

/// The application records of one area by id: readable ones with their revision, unreadable
/// ones as `Err`.
fn apps_of(entries: &BTreeMap<String, String>) -> BTreeMap<&str, Result<Copy<'_>, ()>> {
    sort::map(entries.iter().filter_map(|(key, raw)| {
        let id = key.strip_prefix(APP_KEY_PREFIX)?;
        let copy = store::decode_app(key, raw)
            .map(|app| Copy {
                revision: app.revision,
                raw,
            })
            .map_err(|_| ());
        Some((id, copy))
    }))
}
