//! Entry points of the extension pages and `www/`: each mounts the Rust UI into its root.

use wasm_bindgen::prelude::*;
use web_sys::Element;

fn mount(root: &Element, page: &str) -> Result<(), JsValue> {
    root.set_text_content(Some(&format!(
        "Follow-up {} ({page})",
        env!("CARGO_PKG_VERSION")
    )));
    root.set_attribute("aria-busy", "false")?;
    root.set_attribute("data-page", page)?;
    Ok(())
}

#[wasm_bindgen(js_name = mountPopup)]
pub fn mount_popup(root: &Element) -> Result<(), JsValue> {
    mount(root, "popup")
}

#[wasm_bindgen(js_name = mountOptions)]
pub fn mount_options(root: &Element) -> Result<(), JsValue> {
    mount(root, "options")
}

#[wasm_bindgen(js_name = mountWww)]
pub fn mount_www(root: &Element) -> Result<(), JsValue> {
    mount(root, "www")
}
