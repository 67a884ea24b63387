//! Browser sync's limits, the share of them Follow-up allows itself, and how its items are
//! counted.

use std::cmp::Ordering;

use crate::core::sort;

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

pub(super) const MINUTE_MS: f64 = 60_000.0;
pub(super) const HOUR_MS: f64 = 3_600_000.0;

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
    sort::sort_by(&mut recent, |a, b| {
        a.partial_cmp(b).unwrap_or(Ordering::Equal)
    });
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
