//! The service worker's Rust side: badge figures and the message handler.

use wasm_bindgen::prelude::*;

use super::clock;

#[wasm_bindgen]
pub struct Background {}

#[wasm_bindgen]
impl Background {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Background {
        Background {}
    }

    /// `{count, overdue}` for the toolbar badge.
    pub async fn badge(&self) -> Result<JsValue, JsValue> {
        let _today = clock::today();
        let out = js_sys::Object::new();
        js_sys::Reflect::set(&out, &"count".into(), &0.into())?;
        js_sys::Reflect::set(&out, &"overdue".into(), &false.into())?;
        Ok(out.into())
    }

    pub async fn handle(&self, _message: JsValue, _from: JsValue) -> Result<JsValue, JsValue> {
        let out = js_sys::Object::new();
        js_sys::Reflect::set(&out, &"version".into(), &env!("CARGO_PKG_VERSION").into())?;
        Ok(out.into())
    }
}

impl Default for Background {
    fn default() -> Self {
        Self::new()
    }
}
