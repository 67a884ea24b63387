//! The browser-free core: data, rules, drafts, storage contract and exports.
//! Depends on serde and chrono only and is tested with plain `cargo test`.

pub mod backup;
pub mod calendar;
pub mod command;
pub mod demo;
pub mod draft;
pub mod edit;
pub mod export;
pub mod files;
pub mod index;
pub mod insights;
pub mod kinds;
pub mod matching;
pub mod model;
pub mod named;
pub mod noticing;
pub mod offers;
pub mod ops;
pub mod plan;
pub mod posting;
pub mod protocol;
pub mod sites;
pub mod sort;
pub mod store;
pub mod summary;
pub mod sync;
pub mod words;
#[doc(hidden)]
pub mod workload;
