//! The interface's words. In the extension they come from `chrome.i18n` (the browser picks the
//! `_locales` folder of the user's language); in `www/` the page hands over the same message
//! files. Placeholders are written `{name}` in the messages and filled here, so the two
//! sources behave alike.

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["chrome", "i18n"], js_name = getMessage, catch)]
    fn chrome_get_message(name: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "i18n"], js_name = getUILanguage, catch)]
    fn chrome_ui_language() -> Result<JsValue, JsValue>;
}

thread_local! {
    /// Messages handed over by `www/` (`{name: {message}}`); empty in the extension.
    static PAGE_MESSAGES: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
    static LANGUAGE: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Takes the parsed `messages.json` objects of `www/` (English merged with the user's language).
pub fn set_page_messages(messages: &JsValue, language: &str) {
    let mut table = HashMap::new();
    if let Some(obj) = messages.dyn_ref::<Object>() {
        for entry in Object::entries(obj).iter() {
            let pair: js_sys::Array = entry.unchecked_into();
            let key = pair.get(0).as_string();
            let text = Reflect::get(&pair.get(1), &"message".into())
                .ok()
                .and_then(|m| m.as_string());
            if let (Some(key), Some(text)) = (key, text) {
                table.insert(key, text);
            }
        }
    }
    PAGE_MESSAGES.with(|m| *m.borrow_mut() = table);
    LANGUAGE.with(|l| *l.borrow_mut() = language.to_string());
}

/// The message `key` in the user's language; the key itself if it is missing anywhere, so a
/// gap shows up in review rather than as an empty control.
pub fn t(key: &str) -> String {
    let from_page = PAGE_MESSAGES.with(|m| m.borrow().get(key).cloned());
    if let Some(text) = from_page {
        return text;
    }
    match chrome_get_message(key).ok().and_then(|v| v.as_string()) {
        Some(text) if !text.is_empty() => text,
        _ => key.to_string(),
    }
}

/// `t(key)` with each `{name}` replaced by its value.
pub fn tf(key: &str, args: &[(&str, &str)]) -> String {
    let mut text = t(key);
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// The user's language tag (`en-GB`, `de`...), for dates.
pub fn language() -> String {
    let set = LANGUAGE.with(|l| l.borrow().clone());
    if !set.is_empty() {
        return set;
    }
    if let Some(lang) = chrome_ui_language().ok().and_then(|v| v.as_string()) {
        return lang;
    }
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_else(|| "en".to_string())
}

fn js_date(date: NaiveDate) -> js_sys::Date {
    js_sys::Date::new_with_year_month_day(
        date.year() as u32,
        date.month0() as i32,
        date.day() as i32,
    )
}

/// The two ways dates are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Style {
    /// "Tue, 3 Mar"
    Short,
    /// "3 Mar 2026"
    Long,
}

thread_local! {
    /// One `Intl.DateTimeFormat` per style (making one is far slower than using it), and each
    /// date already written: a list repeats the same few days.
    static FORMATS: RefCell<HashMap<Style, js_sys::Function>> = RefCell::new(HashMap::new());
    static WRITTEN: RefCell<HashMap<(Style, NaiveDate), String>> = RefCell::new(HashMap::new());
}

fn write_date(date: NaiveDate, style: Style) -> String {
    if let Some(done) = WRITTEN.with(|w| w.borrow().get(&(style, date)).cloned()) {
        return done;
    }
    let format = FORMATS.with(|f| {
        f.borrow_mut()
            .entry(style)
            .or_insert_with(|| {
                let options = Object::new();
                let fields: &[(&str, &str)] = match style {
                    Style::Short => &[("weekday", "short"), ("day", "numeric"), ("month", "short")],
                    Style::Long => &[("day", "numeric"), ("month", "short"), ("year", "numeric")],
                };
                for (k, v) in fields {
                    let _ = Reflect::set(&options, &(*k).into(), &(*v).into());
                }
                let locales = js_sys::Array::of1(&language().into());
                js_sys::Intl::DateTimeFormat::new(&locales, &options).format()
            })
            .clone()
    });
    let text = format
        .call1(&JsValue::NULL, &js_date(date))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| date.to_string());
    WRITTEN.with(|w| w.borrow_mut().insert((style, date), text.clone()));
    text
}

/// "Tue, 3 Mar" in the user's locale (the year is added when it is not this year's).
pub fn short_date(date: NaiveDate, today: NaiveDate) -> String {
    if date.year() == today.year() {
        write_date(date, Style::Short)
    } else {
        long_date(date)
    }
}

/// "3 Mar 2026" in the user's locale.
pub fn long_date(date: NaiveDate) -> String {
    write_date(date, Style::Long)
}

/// "today", "tomorrow", "in 3 days", "2 days ago".
pub fn relative_day(date: NaiveDate, today: NaiveDate) -> String {
    let days = (date - today).num_days();
    match days {
        0 => t("dayToday"),
        1 => t("dayTomorrow"),
        -1 => t("dayYesterday"),
        n if n > 1 => tf("dayIn", &[("n", &n.to_string())]),
        n => tf("dayAgo", &[("n", &(-n).to_string())]),
    }
}

/// A planner problem in the user's language, dates in their locale.
pub fn problem_text(problem: &crate::core::plan::Problem) -> String {
    use crate::core::plan::problems::Arg;
    let args: Vec<(&str, String)> = problem
        .kind
        .args()
        .into_iter()
        .map(|(name, arg)| {
            let text = match arg {
                Arg::Date(date) => long_date(date),
                other => other.to_string(),
            };
            (name, text)
        })
        .collect();
    let borrowed: Vec<(&str, &str)> = args.iter().map(|(n, v)| (*n, v.as_str())).collect();
    tf(problem.kind.message_key(), &borrowed)
}
