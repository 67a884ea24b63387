//! The popup's first drawing: a module of its own (feature `early`, `dist/pkg-early`) that
//! puts in the page the *Today* the service worker drew when it last stored today's summary
//! ([`crate::ui::early_record`]), when that drawing is still true, and does nothing else. It
//! reads no application, plans nothing and decodes no record into Rust, so it compiles in a
//! moment; the full interface ([`super::pages`]) follows and takes the page over.

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

use crate::core::store::{migrate, EARLY_KEY, JOURNAL_KEY, SCHEMA_KEY, SETTINGS_KEY};
use crate::ui::EARLY_BUILD;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["chrome", "i18n"], js_name = getMessage, catch)]
    fn chrome_get_message(name: &str) -> Result<JsValue, JsValue>;
    /// `JSON.parse` of a JavaScript string as it is (never copied through this module).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_json(text: &JsValue) -> Result<JsValue, JsValue>;
    /// The page's document, called with JavaScript strings as they are.
    #[wasm_bindgen(extends = Document)]
    type Doc;
    #[wasm_bindgen(method, js_name = createElement, catch)]
    fn create_element(this: &Doc, tag: &JsValue) -> Result<Element, JsValue>;
    #[wasm_bindgen(method, js_name = createElementNS, catch)]
    fn create_element_ns(this: &Doc, ns: &JsValue, tag: &JsValue) -> Result<Element, JsValue>;
    #[wasm_bindgen(method, js_name = createTextNode)]
    fn create_text(this: &Doc, text: &JsValue) -> Node;
    /// An element of the drawing, likewise.
    #[wasm_bindgen(extends = Element)]
    type El;
    #[wasm_bindgen(method, js_name = setAttribute, catch)]
    fn set_attribute(this: &El, name: &JsValue, value: &JsValue) -> Result<(), JsValue>;
}

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// Draws *Today* into `root` from `stored` (the glue's read of the drawing and of the records
/// that say whether it is current) when the drawing is of today, with the stored settings and
/// in the interface's language; answers whether it drew.
#[cfg_attr(feature = "early", wasm_bindgen(js_name = drawEarly))]
pub fn draw_early(root: &Element, stored: &JsValue) -> bool {
    let Some(record) = current(stored, true) else {
        return false;
    };
    let Ok(tree) = Reflect::get(&record, &"tree".into()) else {
        return false;
    };
    let Some(document) = root.owner_document() else {
        return false;
    };
    let Some(page) = create(document.unchecked_ref(), &tree) else {
        return false;
    };
    root.set_text_content(None);
    if root.append_child(&page).is_err() {
        return false;
    }
    let text = |name: &str| field(&record, name).and_then(|v| v.as_string());
    if let (Some(html), Some(lang)) = (document.document_element(), text("lang")) {
        if !lang.is_empty() {
            let _ = html.set_attribute("lang", &lang);
        }
    }
    let _ = root.set_attribute("data-early", &text("fingerprint").unwrap_or_default());
    let _ = root.set_attribute("aria-busy", "false");
    let _ = root.set_attribute("data-view", "today");
    true
}

/// `value[name]`, when `value` is an object that has it (asked of anything else, `Reflect.get`
/// throws, and a thrown error is slow).
fn field(value: &JsValue, name: &str) -> Option<JsValue> {
    if !value.is_object() {
        return None;
    }
    Reflect::get(value, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// The toolbar badge the drawing was stored with, `{count, overdue}`, when it is still true
/// (as [`draw_early`] checks, whatever the language): the service worker shows it while its
/// full module loads.
#[cfg_attr(feature = "early", wasm_bindgen(js_name = earlyBadge))]
pub fn early_badge(stored: &JsValue) -> JsValue {
    current(stored, false)
        .and_then(|record| field(&record, "badge"))
        .unwrap_or(JsValue::NULL)
}

/// The stored drawing, parsed, when it may be drawn: the layout is current and no write is
/// unfinished; it is of this build of the extension, of today, of the settings stored and in
/// the language the interface speaks (when `in_language`). (It is of the summary stored: the
/// two are written and removed together.)
fn current(stored: &JsValue, in_language: bool) -> Option<JsValue> {
    let number = |value: &JsValue, name: &str| field(value, name).and_then(|v| v.as_f64());
    if field(stored, JOURNAL_KEY).is_some() {
        return None;
    }
    let schema = value_of(stored, SCHEMA_KEY)?;
    if number(&schema, "version") != Some(f64::from(migrate::CURRENT_VERSION)) {
        return None;
    }
    let record = value_of(stored, EARLY_KEY)?;
    let revision = match field(stored, SETTINGS_KEY) {
        None => 0.0,
        Some(_) => number(&value_of(stored, SETTINGS_KEY)?, "revision").unwrap_or(0.0),
    };
    let said = |name: &str| field(&record, name).and_then(|v| v.as_string());
    let language = || {
        chrome_get_message("interfaceLanguage")
            .ok()
            .and_then(|v| v.as_string())
    };
    let fits = said("build").as_deref() == Some(EARLY_BUILD)
        && said("day") == Some(super::clock::today().to_string())
        && number(&record, "revision") == Some(revision)
        && (!in_language || said("lang") == language());
    fits.then_some(record)
}

/// The record stored under `key`, as a JavaScript value: stored as JSON text (as this version
/// writes every record) or as the value itself (written by hand or by an older version).
fn value_of(stored: &JsValue, key: &str) -> Option<JsValue> {
    let value = field(stored, key)?;
    if !value.is_string() {
        return Some(value);
    }
    parse_json(&value).ok().filter(JsValue::is_object)
}

/// The DOM of one node of the drawing ([`crate::ui::compact`]); `None` when it is not one.
/// Names, values and texts go from the record to the DOM as the JavaScript strings they are,
/// never copied through WebAssembly memory: a thousand nodes take a millisecond or two.
fn create(document: &Doc, node: &JsValue) -> Option<Node> {
    if node.is_string() {
        return Some(document.create_text(node));
    }
    let parts: &Array = node.dyn_ref()?;
    let tag = parts.get(0);
    let extra = parts.get(3);
    let svg = field(&extra, "svg").and_then(|v| v.as_bool()) == Some(true);
    let el = if svg {
        document
            .create_element_ns(&JsValue::from_str(SVG_NS), &tag)
            .ok()?
    } else {
        document.create_element(&tag).ok()?
    };
    let attrs: Array = parts.get(1).dyn_into().ok()?;
    let mut i = 0;
    while i + 1 < attrs.length() {
        el.unchecked_ref::<El>()
            .set_attribute(&attrs.get(i), &attrs.get(i + 1))
            .ok()?;
        i += 2;
    }
    let children: Array = parts.get(2).dyn_into().ok()?;
    for child in children.iter() {
        el.append_child(&create(document, &child)?).ok()?;
    }
    for name in ["value", "checked"] {
        if let Some(v) = field(&extra, name) {
            let _ = Reflect::set(&el, &JsValue::from_str(name), &v);
        }
    }
    Some(el.into())
}
