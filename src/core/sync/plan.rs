//! One sync run: the settings part, then the applications ([`super::apps`]).

use std::collections::BTreeMap;

use super::apps::plan_apps;
use super::descriptions::{keep_descriptions, without_descriptions};
use super::limits::{item_bytes, BUDGET_BYTES_PER_ITEM};
use super::outcome::{clamp, kb, Copy, SyncPlan};
use super::status::PartStatus;
use crate::core::model::Settings;
use crate::core::store::{self, SETTINGS_KEY};

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

    // Descriptions stay on this computer (`descriptions.rs`), and the status says so.
    let stripped = without_descriptions(local);
    plan_apps(
        &mut plan,
        &settings,
        settings_in_sync,
        stripped.as_ref().map_or(local, |(entries, _)| entries),
        remote,
        base,
        now,
    );
    keep_descriptions(&mut plan, local);
    if matches!(plan.status.applications, PartStatus::Synced { .. }) {
        plan.status.descriptions_here = stripped.map_or(0, |(_, described)| clamp(described));
    }
    plan
}
