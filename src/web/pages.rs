//! Entry points of the extension pages and `www/`: each mounts the Rust interface
//! ([`super::ui`]) into its page's root element.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::ui::{self, Surface};

/// The toolbar popup. `early` is the page glue's `chrome.storage.local.get` of the records
/// today's summary needs ([`super::today::QUICK_KEYS`]), started before the WebAssembly
/// was ready; anything else: they are read now. `page` is the glue's promise of what the
/// posting collector found in the active tab: `{url, json}` (the collector's answer as JSON
/// text), `{url, refused: true}` (the browser would not let it run there) or `null` (no tab).
/// `held` is the glue's list of the elements clicked in the first drawing (`web::early`)
/// meanwhile, clicked again once this interface has taken the page over.
#[cfg(all(feature = "pages", not(feature = "early")))]
#[wasm_bindgen(js_name = mountPopup)]
pub fn mount_popup(
    root: &Element,
    early: JsValue,
    page: JsValue,
    held: JsValue,
) -> Result<(), JsValue> {
    if let Ok(held) = held.dyn_into::<js_sys::Array>() {
        ui::hold(held);
    }
    ui::mount(root.clone(), Surface::Popup, early.dyn_into().ok())?;
    if let Ok(page) = page.dyn_into::<js_sys::Promise>() {
        wasm_bindgen_futures::spawn_local(async move {
            let answer = wasm_bindgen_futures::JsFuture::from(page)
                .await
                .unwrap_or(JsValue::NULL);
            if let Some(collected) = collected(&answer) {
                ui::dispatch(crate::ui::Msg::Captured(collected));
            }
        });
    }
    Ok(())
}

/// The glue's answer as the interface takes it.
fn collected(answer: &JsValue) -> Option<crate::ui::Collected> {
    if answer.is_null() || answer.is_undefined() {
        return None;
    }
    let field = |name: &str| js_sys::Reflect::get(answer, &JsValue::from_str(name)).ok();
    let url = field("url").and_then(|v| v.as_string()).unwrap_or_default();
    match field("json").and_then(|v| v.as_string()) {
        Some(json) => Some(crate::ui::Collected::Page(json)),
        None => Some(crate::ui::Collected::Refused { url }),
    }
}

/// The options page.
#[cfg(all(feature = "pages", not(feature = "early")))]
#[wasm_bindgen(js_name = mountOptions)]
pub fn mount_options(root: &Element) -> Result<(), JsValue> {
    ui::mount(root.clone(), Surface::Options, None)
}

/// The full-tab page (`tab.html`). `early` is the glue's read of the records today's summary
/// needs, `everything` its read of all of storage, both started before the WebAssembly was
/// ready; `view` names the view it opens on (`board`, `today`, `apps`, `insights`; anything
/// else: the board), as the address's fragment says.
#[cfg(all(feature = "pages", not(feature = "early")))]
#[wasm_bindgen(js_name = mountTab)]
pub fn mount_tab(
    root: &Element,
    early: JsValue,
    everything: JsValue,
    view: String,
) -> Result<(), JsValue> {
    ui::mount_with(
        root.clone(),
        Surface::Tab,
        early.dyn_into().ok(),
        everything.dyn_into().ok(),
    )?;
    if let Some(tab) = crate::ui::Tab::from_name(&view) {
        ui::dispatch(crate::ui::Msg::Tab(tab));
    }
    Ok(())
}

/// `www/`: `messages` is the page's message file(s) (`{name: {message}}`), `language` the
/// user's language tag.
#[cfg(feature = "www")]
#[wasm_bindgen(js_name = mountWww)]
pub fn mount_www(root: &Element, messages: JsValue, language: String) -> Result<(), JsValue> {
    ui::set_page_messages(&messages, &language);
    ui::mount(root.clone(), Surface::Www, None)
}
