//! The browser-free core: data, rules, drafts, storage contract and exports.
//! Depends on serde and chrono only and is tested with plain `cargo test`.

pub mod calendar;
pub mod model;
pub mod ops;
pub mod plan;
#[doc(hidden)]
pub mod workload;
