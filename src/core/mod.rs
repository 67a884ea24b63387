//! The browser-free core: data, rules, drafts, storage contract and exports.
//! Depends on serde and chrono only and is tested with plain `cargo test`.

pub mod backup;
pub mod calendar;
pub mod export;
pub mod model;
pub mod store;
