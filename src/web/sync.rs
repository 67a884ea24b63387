//! Browser sync I/O, run by the service worker: reads `chrome.storage.local` and
//! `chrome.storage.sync`, asks `core::sync` what to do, and does it in an order that loses
//! nothing if the worker stops half-way: records taken from sync are stored here first, then
//! sync is written, then this computer's bookkeeping and the status the options page shows
//! (under `sync-status`). Every decision is `core::sync`'s.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::data::{Data, DataError};
use super::kv::Kv;
use crate::core::store::{
    self, INDEX_KEY, SETTINGS_KEY, SUMMARY_KEY, SYNC_STATE_KEY, SYNC_STATUS_KEY,
};
use crate::core::sync::{self, SyncState, SyncStatus};

/// How long to wait after browser sync refused a write: its write limits count per minute.
const RETRY_AFTER_REFUSAL_MS: f64 = 61_000.0;

/// What one run did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    /// Milliseconds to wait before running again: the write budget is spent (0: done).
    pub retry_in_ms: f64,
    /// Records taken from sync into local storage, or deleted here as they were elsewhere.
    pub pulled: u32,
    /// Writes made to browser sync (0, 1 or 2).
    pub sync_writes: u32,
    pub status: SyncStatus,
}

/// One sync run.
pub async fn run() -> Result<Outcome, DataError> {
    let local_kv = Kv::Extension;
    // The common case, sync never turned on: a few small reads and nothing else.
    let settings_raw = local_kv.get(SETTINGS_KEY).await?;
    let state_raw = local_kv.get(SYNC_STATE_KEY).await?;
    let status_raw = local_kv.get(SYNC_STATUS_KEY).await?;
    let old_state = SyncState::parse(state_raw.as_deref());
    let old_status = SyncStatus::parse(status_raw.as_deref());
    let never = match settings_raw.as_deref() {
        Some(raw) => store::decode_settings(raw)
            .ok()
            .is_some_and(|(s, _)| !s.sync_settings && !s.sync_applications),
        // No settings saved here yet (a new computer, or the defaults never changed): only
        // settings another computer put in browser sync can start a run, one small read.
        None => Kv::Sync.get(SETTINGS_KEY).await?.is_none(),
    };
    if never && old_state.base.is_empty() && old_status == SyncStatus::default() {
        return Ok(Outcome {
            retry_in_ms: 0.0,
            pulled: 0,
            sync_writes: 0,
            status: old_status,
        });
    }

    // Local storage at the current layout before anything is compared with it.
    Data::Worker.load().await?;
    let local = local_kv.all().await?;
    let remote = Kv::Sync.all().await?;
    let now = js_sys::Date::now();
    let plan = sync::plan_sync(&local, &remote, &old_state.base, now);
    let wait = sync::wait_before_writing(&old_state.writes, now, plan.sync_writes());
    if wait > 0.0 {
        return Ok(Outcome {
            retry_in_ms: wait,
            pulled: 0,
            sync_writes: 0,
            status: old_status,
        });
    }

    // Applications from another computer change what today's summary and the contacts index
    // describe: they go first, and the badge refresh that follows the change builds them
    // again, so a stop in between never leaves them describing the applications as they were.
    if !plan.pull.is_empty() || !plan.delete_local.is_empty() {
        local_kv
            .remove(&[SUMMARY_KEY.to_string(), INDEX_KEY.to_string()])
            .await?;
    }
    // Kept here first, so that nothing removed from sync below exists nowhere. Deletions made
    // on another computer are recorded in sync, so they are made here before sync changes.
    local_kv.set(&plan.pull).await?;
    local_kv.remove(&plan.delete_local).await?;
    let written = async {
        Kv::Sync.set(&plan.push).await?;
        Kv::Sync.remove(&plan.remove).await
    }
    .await;
    let mut state = SyncState {
        base: plan.base.clone(),
        writes: old_state.writes.clone(),
    };
    state.record_writes(now, plan.sync_writes());
    let (status, retry_in_ms) = match written {
        Ok(()) => (plan.status.clone(), 0.0),
        Err(e) => {
            // Sync refused (quota, write rate): it holds less than planned, so keep the old
            // bookkeeping, say so, and try again once the browser's minute has passed;
            // everything is still here.
            state.base = old_state.base.clone();
            (plan.status.failed(&e.0), RETRY_AFTER_REFUSAL_MS)
        }
    };
    let mut bookkeeping = Vec::new();
    if status != old_status {
        bookkeeping.push((SYNC_STATUS_KEY.to_string(), status.to_json()));
    }
    if state != old_state {
        bookkeeping.push((SYNC_STATE_KEY.to_string(), state.to_json()));
    }
    local_kv.set(&bookkeeping).await?;
    Ok(Outcome {
        retry_in_ms,
        pulled: u32::try_from(plan.pull.len() + plan.delete_local.len()).unwrap_or(u32::MAX),
        sync_writes: u32::try_from(plan.sync_writes()).unwrap_or(u32::MAX),
        status,
    })
}

/// `syncStorage()`: one sync run; resolves to `{retryInMs, pulled, syncWrites, status}`.
#[wasm_bindgen(js_name = syncStorage)]
pub async fn sync_storage() -> Result<JsValue, JsValue> {
    let outcome = run().await.map_err(|e| JsValue::from_str(&e.to_string()))?;
    super::to_js(&outcome)
}

/// `syncNeeded(area, keys)`: whether a storage change calls for a sync run.
#[wasm_bindgen(js_name = syncNeeded)]
pub fn sync_needed(area: String, keys: Vec<String>) -> bool {
    sync::change_needs_sync(&area, &keys)
}
