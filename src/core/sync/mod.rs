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
//!   unless another computer edited it since, and its deletion is recorded there as a
//!   tombstone ([`TOMBSTONE_KEY_PREFIX`], kept [`TOMBSTONE_DAYS`] days): the other computers
//!   delete their copies of that revision or older, and a copy edited after the deletion wins
//!   over it (see `apps.rs`).
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

mod apps;
mod descriptions;
mod limits;
mod outcome;
mod plan;
mod status;

pub use apps::{tombstone, TOMBSTONE_DAYS, TOMBSTONE_KEY_PREFIX};
pub use limits::{
    item_bytes, wait_before_writing, BUDGET_BYTES, BUDGET_BYTES_PER_ITEM, BUDGET_ITEMS,
    BUDGET_WRITES_PER_HOUR, BUDGET_WRITES_PER_MINUTE, MAX_ITEMS, MAX_WRITES_PER_HOUR,
    MAX_WRITES_PER_MINUTE, QUOTA_BYTES, QUOTA_BYTES_PER_ITEM,
};
pub use outcome::SyncPlan;
pub use plan::plan_sync;
pub use status::{PartStatus, SyncState, SyncStatus};

use super::store::{APP_KEY_PREFIX, SETTINGS_KEY};

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
