//! Posting descriptions never go to browser sync. A description may be up to 100 KB, more
//! than one sync item may hold (8 KB) and most of the whole sync area: synced, one saved
//! posting would stop every application from syncing. So the copy of an application that
//! goes to sync is the record without `posting.description`, and a copy taken from sync
//! keeps the description this computer has for that application. Everything else of the
//! posting (location, salary, dates...) syncs with the application.

use std::collections::BTreeMap;

use super::outcome::SyncPlan;
use crate::core::model::Application;
use crate::core::store::{decode_app, APP_KEY_PREFIX};

/// Whether `raw` may hold a description (checked before anything is parsed).
fn may_describe(raw: &str) -> bool {
    raw.contains("\"posting\":") && raw.contains("\"description\":")
}

/// The application in `raw`, when it holds a description.
fn described(key: &str, raw: &str) -> Option<Application> {
    if !key.starts_with(APP_KEY_PREFIX) || !may_describe(raw) {
        return None;
    }
    let app = decode_app(key, raw).ok()?;
    app.posting
        .as_ref()
        .is_some_and(|p| !p.description.is_empty())
        .then_some(app)
}

/// The local entries as they go to sync: `None` when no application holds a description
/// (nothing to leave out), else every entry with the descriptions left out and how many
/// applications had one.
pub fn without_descriptions(
    local: &BTreeMap<String, String>,
) -> Option<(BTreeMap<String, String>, usize)> {
    let mut changed = BTreeMap::new();
    for (key, raw) in local {
        if let Some(mut app) = described(key, raw) {
            if let Some(p) = app.posting.as_mut() {
                p.description.clear();
            }
            changed.insert(key.clone(), serde_json::to_string(&app).ok()?);
        }
    }
    if changed.is_empty() {
        return None;
    }
    let described = changed.len();
    let mut out = local.clone();
    out.extend(changed);
    Some((out, described))
}

/// Copies taken from sync keep the description this computer has for the same application
/// (when the copy has the posting without one).
pub fn keep_descriptions(plan: &mut SyncPlan, local: &BTreeMap<String, String>) {
    for (key, text) in plan.pull.iter_mut() {
        let Some(here) = local.get(key.as_str()).and_then(|raw| described(key, raw)) else {
            continue;
        };
        let Ok(mut there) = decode_app(key, text) else {
            continue;
        };
        let (Some(mine), Some(theirs)) = (here.posting.as_ref(), there.posting.as_mut()) else {
            continue;
        };
        if theirs.description.is_empty() {
            theirs.description = mine.description.clone();
            if let Ok(with) = serde_json::to_string(&there) {
                *text = with;
            }
        }
    }
}
