//! The `#[wasm_bindgen]` layer, run in headless Chromium by wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]

use followup::web::{clock, pages};
use wasm_bindgen::JsCast;
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

async fn sleep(ms: i32) {
    let tick = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(tick).await.unwrap();
}

/// Waits up to two seconds for `selector` to match under `root`.
async fn appears(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    for _ in 0..200 {
        if let Some(found) = root.query_selector(selector).unwrap() {
            return found;
        }
        sleep(10).await;
    }
    panic!("{selector} never appeared");
}

#[wasm_bindgen_test]
async fn the_web_page_draws_the_welcome_then_the_sample_data_from_local_storage() {
    let raw = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    raw.clear().unwrap();
    let root = document().create_element("main").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let messages = js_sys::JSON::parse(r#"{"loadDemo":{"message":"Sample please"}}"#).unwrap();
    pages::mount_www(&root, messages, "en".into()).unwrap();
    let button = appears(&root, "[data-action=\"load-demo\"]").await;
    assert_eq!(button.text_content().as_deref(), Some("Sample please"));
    button.unchecked_ref::<web_sys::HtmlElement>().click();
    appears(&root, "li.action").await;
    let items = root
        .query_selector_all("li.action[data-state=\"due\"]")
        .unwrap();
    assert!(items.length() >= 2, "{} due actions drawn", items.length());
    assert!(raw.get_item("followup.app:sample-acme").unwrap().is_some());
    root.remove();
    raw.clear().unwrap();
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
