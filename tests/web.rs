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

/// The first text field under `root`.
fn first_input(root: &web_sys::Element) -> web_sys::HtmlInputElement {
    root.query_selector("input")
        .unwrap()
        .expect("a field")
        .dyn_into()
        .unwrap()
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
    let field = first_input(&root);
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

/// A stored first drawing of the popup as the service worker writes it (`ui::early_record`),
/// with `change` applied, and the records it is checked against.
fn early_stored(
    change: &dyn Fn(&mut serde_json::Value, &mut serde_json::Value),
) -> wasm_bindgen::JsValue {
    let mut record = serde_json::json!({
        "build": followup::ui::EARLY_BUILD,
        "day": clock::today().to_string(),
        "revision": 2,
        "lang": "en",
        "fingerprint": "0123456789abcdef",
        "badge": {"count": 3, "overdue": true},
        "tree": ["div", ["class", "page"], [["p", ["class", "x"], ["Due today (3)"]], ["input", ["name", "q"], [], {"value": "typed"}]]],
    });
    let mut stored = serde_json::json!({
        "schema": r#"{"version":2}"#,
        "settings": r#"{"revision":2,"bufferDays":1}"#,
    });
    change(&mut record, &mut stored);
    if let Some(text) = record.as_str() {
        stored["today-view"] = text.into();
    } else {
        stored["today-view"] = record.to_string().into();
    }
    js_sys::JSON::parse(&stored.to_string()).unwrap()
}

/// The interface's language as `chrome.i18n` would say it, for the duration of `f`.
fn speaking<R>(lang: &str, f: impl FnOnce() -> R) -> R {
    let global = js_sys::global();
    let chrome = js_sys::JSON::parse(r#"{"i18n":{}}"#).unwrap();
    let said = js_sys::Function::new_with_args(
        "key",
        &format!("return key === 'interfaceLanguage' ? '{lang}' : ''"),
    );
    js_sys::Reflect::set(
        &js_sys::Reflect::get(&chrome, &"i18n".into()).unwrap(),
        &"getMessage".into(),
        &said,
    )
    .unwrap();
    js_sys::Reflect::set(&global, &"chrome".into(), &chrome).unwrap();
    let out = f();
    js_sys::Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &"chrome".into())
        .unwrap();
    out
}

#[wasm_bindgen_test]
fn the_popups_first_drawing_is_put_in_the_page_when_it_is_still_true() {
    use followup::web::early::{draw_early, early_badge};
    let root = document().create_element("main").unwrap();
    let drew = speaking("en", || draw_early(&root, &early_stored(&|_, _| {})));
    assert!(drew);
    assert_eq!(
        root.query_selector("p.x")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Due today (3)")
    );
    let field = first_input(&root);
    assert_eq!(field.value(), "typed");
    assert_eq!(
        root.get_attribute("data-early").as_deref(),
        Some("0123456789abcdef")
    );
    assert_eq!(root.get_attribute("aria-busy").as_deref(), Some("false"));
    assert_eq!(root.get_attribute("data-view").as_deref(), Some("today"));
    let badge = early_badge(&early_stored(&|_, _| {}));
    assert_eq!(
        js_sys::JSON::stringify(&badge).unwrap(),
        r#"{"count":3,"overdue":true}"#
    );

    // Anything no longer true: nothing drawn, the page left as it was, no badge.
    type Change = fn(&mut serde_json::Value, &mut serde_json::Value);
    let stale: [(&str, Change); 10] = [
        ("another day", |r, _| r["day"] = "2001-01-01".into()),
        ("other settings", |_, s| {
            s["settings"] = r#"{"revision":3}"#.into()
        }),
        ("no settings stored", |_, s| {
            s["settings"] = serde_json::Value::Null
        }),
        ("another build", |r, _| {
            r["build"] = "followup/0.0.1/1".into()
        }),
        ("an unfinished write", |_, s| s["journal"] = "{}".into()),
        ("an older layout", |_, s| {
            s["schema"] = r#"{"version":1}"#.into()
        }),
        ("emptied with its summary", |r, _| *r = "".into()),
        ("unreadable", |r, _| *r = "{not json".into()),
        ("not a tree", |r, _| {
            r["tree"] = serde_json::json!(["div", "class"])
        }),
        ("an unknown tag", |r, _| {
            r["tree"] = serde_json::json!(["not a tag", [], []])
        }),
    ];
    for (why, change) in stale {
        let root = document().create_element("main").unwrap();
        root.set_text_content(Some("before"));
        let drew = speaking("en", || draw_early(&root, &early_stored(&change)));
        assert!(!drew, "{why}");
        assert_eq!(root.text_content().as_deref(), Some("before"), "{why}");
        assert!(!root.has_attribute("data-early"), "{why}");
        if !why.starts_with("not a tree") && !why.starts_with("an unknown tag") {
            assert!(early_badge(&early_stored(&change)).is_null(), "{why}");
        }
    }
    // Another language: not drawn, but its badge (a number) is still true.
    let root = document().create_element("main").unwrap();
    assert!(!speaking("de", || draw_early(
        &root,
        &early_stored(&|_, _| {})
    )));
    assert!(!early_badge(&early_stored(&|_, _| {})).is_null());
}
