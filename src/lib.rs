//! Follow-up: an interview follow-up planner.
//!
//! - [`core`]: pure Rust. The model ([`core::model`]), working-day calendars
//!   ([`core::calendar`]), the follow-up rules ([`core::plan`]), drafts, the storage contract
//!   and exports. No browser types; tested natively.
//! - `web` (wasm32 only): the `#[wasm_bindgen]` boundary: exports for the service worker,
//!   the popup, the options page and `www/`, and the storage backends they use.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod web;
