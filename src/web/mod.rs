//! The only code that touches JavaScript: `#[wasm_bindgen]` exports for the service worker,
//! the extension pages and `www/`, the storage backends they use, and the clock.
//!
//! Each context loads a module built for it alone (the features `worker`, `pages` and `www`,
//! see Cargo.toml): the service worker's has no interface, the pages' no message handler and
//! no writer, and code only another context uses is left unused there.
#![cfg_attr(
    not(all(feature = "worker", feature = "pages", feature = "www")),
    allow(dead_code, unused_imports)
)]

#[cfg(not(any(
    all(feature = "worker", feature = "pages", feature = "www"),
    all(feature = "worker", not(feature = "pages"), not(feature = "www")),
    all(
        feature = "pages",
        not(feature = "worker"),
        not(feature = "www"),
        not(feature = "early")
    ),
    all(feature = "www", not(feature = "worker"), not(feature = "pages")),
    all(feature = "early", not(feature = "worker"), not(feature = "www")),
)))]
compile_error!(
    "build the WebAssembly with one of the features worker, pages, www and early, or the first three"
);

#[cfg(feature = "worker")]
mod background;
#[cfg(feature = "bench")]
pub mod bench;
pub mod clock;
#[cfg(feature = "worker")]
mod compose;
#[cfg(feature = "worker")]
mod compose_reads;
pub mod data;
pub mod early;
mod error;
pub mod exports;
pub mod kv;
#[cfg(feature = "worker")]
mod mail;
mod own;
pub mod pages;
#[cfg(feature = "worker")]
pub mod sync;
pub mod today;
pub mod ui;

#[cfg(feature = "worker")]
pub use background::Background;

use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::JsValue;

/// A Rust value as a plain JavaScript object. Values cross the boundary as JSON, through the
/// same serialisation code as storage, so each record type is compiled once.
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let json = serde_json::to_string(value).map_err(|e| JsValue::from_str(&e.to_string()))?;
    js_sys::JSON::parse(&json)
}

/// A plain JavaScript object as a Rust value, through JSON (see [`to_js`]).
pub fn from_js<T: DeserializeOwned>(value: &JsValue) -> Result<T, String> {
    let json = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| "not a JSON value".to_string())?;
    serde_json::from_str(&json).map_err(|e| e.to_string())
}

/// A message to the service worker, `{"type": name, ...fields}`, from each field's JSON text.
/// Built as text so the records in it are written by the same serialiser as storage.
pub fn request(name: &str, fields: &[(&str, String)]) -> String {
    let mut text = format!(r#"{{"type":"{name}""#);
    for (field, value) in fields {
        text.push_str(&format!(r#","{field}":{value}"#));
    }
    text.push('}');
    text
}

/// A value as JSON text, for [`request`].
pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, data::DataError> {
    serde_json::to_string(value).map_err(|e| data::DataError::Invalid(e.to_string().into()))
}
