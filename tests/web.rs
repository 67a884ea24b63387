//! The `#[wasm_bindgen]` layer, run in headless Chromium by wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]

use followup::web::{clock, pages};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document")
}

#[wasm_bindgen_test]
fn today_is_the_local_calendar_date() {
    let now = js_sys::Date::new_0();
    let today = clock::today();
    assert_eq!(today.to_string().len(), 10);
    assert_eq!(chrono::Datelike::day(&today), now.get_date());
}

#[wasm_bindgen_test]
fn the_popup_mounts_into_its_root() {
    let root = document().create_element("main").unwrap();
    pages::mount_popup(&root).unwrap();
    assert_eq!(root.get_attribute("aria-busy").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn page_storage_round_trips_under_its_own_prefix() {
    use followup::web::kv::Kv;
    let raw = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    raw.clear().unwrap();
    raw.set_item("someone-else", "untouched").unwrap();
    Kv::Page
        .set(&[
            ("app:a".into(), "{\"id\":\"a\"}".into()),
            ("schema".into(), "{\"version\":2}".into()),
        ])
        .await
        .unwrap();
    assert_eq!(
        Kv::Page.get("app:a").await.unwrap().as_deref(),
        Some("{\"id\":\"a\"}")
    );
    let all = Kv::Page.all().await.unwrap();
    assert_eq!(all.keys().collect::<Vec<_>>(), ["app:a", "schema"]);
    Kv::Page.remove(&["app:a".into()]).await.unwrap();
    assert_eq!(Kv::Page.get("app:a").await.unwrap(), None);
    assert_eq!(
        raw.get_item("someone-else").unwrap().as_deref(),
        Some("untouched")
    );
    raw.clear().unwrap();
}
