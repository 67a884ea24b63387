//! Entry points of the extension pages and `www/`: each mounts the Rust interface
//! ([`super::ui`]) into its page's root element.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::ui::{self, Surface};

/// The toolbar popup. `early` is the page glue's `chrome.storage.local.get` of the records
/// today's summary needs ([`super::today::QUICK_KEYS`]), started before the WebAssembly
/// was ready; anything else: they are read now.
#[wasm_bindgen(js_name = mountPopup)]
pub fn mount_popup(root: &Element, early: JsValue) -> Result<(), JsValue> {
    ui::mount(root.clone(), Surface::Popup, early.dyn_into().ok())
}

/// The options page.
#[wasm_bindgen(js_name = mountOptions)]
pub fn mount_options(root: &Element) -> Result<(), JsValue> {
    ui::mount(root.clone(), Surface::Options, None)
}

/// `www/`: `messages` is the page's message file(s) (`{name: {message}}`), `language` the
/// user's language tag.
#[wasm_bindgen(js_name = mountWww)]
pub fn mount_www(root: &Element, messages: JsValue, language: String) -> Result<(), JsValue> {
    ui::set_page_messages(&messages, &language);
    ui::mount(root.clone(), Surface::Www, None)
}
