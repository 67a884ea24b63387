//! Follow-up: an interview follow-up planner.
//!
//! - [`core`]: pure Rust. The model ([`core::model`]), working-day calendars
//!   ([`core::calendar`]), the follow-up rules ([`core::plan`]), drafts, the storage contract
//!   and exports. No browser types; tested natively.
//! - [`ui`]: the pages' interface as plain Rust: model, messages, `update` returning effects,
//!   and `view` returning a tree. No browser types either; tested natively.
//! - `web` (wasm32 only): the `#[wasm_bindgen]` boundary: exports for the service worker,
//!   the popup, the options page and `www/`, the storage backends they use, and the code that
//!   applies `ui`'s trees to the DOM and runs its effects.

pub mod core;
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub mod web;
