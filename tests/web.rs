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

/// The list `keys` as keyed rows.
fn rows(keys: &str) -> followup::ui::Node {
    use followup::ui::node::el;
    el("ul").children(
        keys.chars()
            .map(|k| el("li").key(&k.to_string()).text(&k.to_string())),
    )
}

#[wasm_bindgen_test]
fn the_patcher_moves_keyed_rows_and_keeps_their_nodes() {
    use followup::web::ui::patch;
    use js_sys::Reflect;
    let cases = [
        ("abcde", "abcde"),
        ("abcde", "edcba"),
        ("abcde", "bdfa"),
        ("abcde", "aebcd"),
        ("abc", ""),
        ("", "abc"),
        ("ab", "xbyaz"),
    ];
    for (from, to) in cases {
        let root = document().create_element("div").unwrap();
        let old = rows(from);
        root.append_child(&patch::create(&old)).unwrap();
        let ul = root.first_child().unwrap();
        let items = ul.child_nodes();
        for i in 0..items.length() {
            let li = items.item(i).unwrap();
            let text = li.text_content().unwrap();
            Reflect::set(&li, &"probe".into(), &text.into()).unwrap();
        }
        patch::patch(&ul, &old, &rows(to));
        let items = ul.child_nodes();
        let mut order = String::new();
        for i in 0..items.length() {
            let li = items.item(i).unwrap();
            let text = li.text_content().unwrap();
            let probe = Reflect::get(&li, &"probe".into()).unwrap().as_string();
            let kept = from.contains(text.as_str());
            assert_eq!(
                probe.is_some(),
                kept,
                "{from} -> {to}: {text} kept its node"
            );
            order.push_str(&text);
        }
        assert_eq!(order, to, "{from} -> {to}");
    }
}

#[wasm_bindgen_test]
fn the_patcher_leaves_a_field_that_already_holds_its_value_alone() {
    use followup::ui::node::{el, input};
    use followup::web::ui::patch;
    let form = |value: &str, hint: &str| {
        el("form")
            .child(el("p").text(hint))
            .child(input("text", "company", value))
    };
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let old = form("Acme", "one");
    root.append_child(&patch::create(&old)).unwrap();
    let field: web_sys::HtmlInputElement = root
        .query_selector("input")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    field.focus().unwrap();
    field.set_selection_range(1, 3).unwrap();
    let new = form("Acme", "two");
    patch::patch(&root.first_child().unwrap(), &old, &new);
    assert_eq!(
        root.query_selector("p")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "two"
    );
    assert_eq!(field.selection_start().unwrap(), Some(1));
    assert_eq!(field.selection_end().unwrap(), Some(3));
    assert!(document().active_element().unwrap() == *field.unchecked_ref::<web_sys::Element>());
    // A value the model changed (a reset form) is written into the field.
    patch::patch(&root.first_child().unwrap(), &new, &form("", "two"));
    assert_eq!(field.value(), "");
    root.remove();
}
