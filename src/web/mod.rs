//! The only code that touches JavaScript: `#[wasm_bindgen]` exports for the service worker,
//! the extension pages and `www/`, the storage backends they use, and the clock.

mod background;
pub mod clock;
pub mod data;
pub mod exports;
pub mod kv;
pub mod pages;
pub mod sync;

pub use background::Background;
