//! Where the interface's words come from in the browser. In the extension, `chrome.i18n`
//! (the browser picks the `_locales` folder of the user's language); in `www/`, the same
//! message files, handed over by the page. Dates and times of day are written by the
//! browser's `Intl.DateTimeFormat` in the user's language. [`words`] gives the pure interface this
//! table; the service worker's notification uses [`t`] / [`tf`].

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::ui::{DateStyle, Words};

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
    /// What `chrome.i18n` answered for each key asked: a page asks for the same few words on
    /// every card and row, and the answer never changes while it is open.
    static ASKED: RefCell<HashMap<String, Option<String>>> = RefCell::new(HashMap::new());
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

fn lookup(key: &str) -> Option<String> {
    let from_page = PAGE_MESSAGES.with(|m| m.borrow().get(key).cloned());
    if from_page.is_some() {
        return from_page;
    }
    if let Some(known) = ASKED.with(|a| a.borrow().get(key).cloned()) {
        return known;
    }
    let found = chrome_get_message(key)
        .ok()
        .and_then(|v| v.as_string())
        .filter(|text| !text.is_empty());
    ASKED.with(|a| a.borrow_mut().insert(key.to_string(), found.clone()));
    found
}

/// The page's words: its messages and the browser's way of writing dates.
pub fn words() -> Words {
    Words::new(lookup, write_date).with_times(write_time)
}

/// The message `key` with each `{name}` replaced by its value (for the service worker's
/// notification; the pages use [`words`]).
pub fn tf(key: &str, args: &[(&str, &str)]) -> String {
    words().tf(key, args)
}

/// The message `key` (see [`tf`]).
pub fn t(key: &str) -> String {
    words().t(key)
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

thread_local! {
    /// One `Intl.DateTimeFormat` per style (making one is far slower than using it), and each
    /// date already written: a list repeats the same few days.
    static FORMATS: RefCell<HashMap<DateStyle, js_sys::Function>> = RefCell::new(HashMap::new());
    static WRITTEN: RefCell<HashMap<(DateStyle, NaiveDate), String>> = RefCell::new(HashMap::new());
}

fn write_date(date: NaiveDate, style: DateStyle) -> String {
    if let Some(done) = WRITTEN.with(|w| w.borrow().get(&(style, date)).cloned()) {
        return done;
    }
    let format = FORMATS.with(|f| {
        f.borrow_mut()
            .entry(style)
            .or_insert_with(|| {
                let options = Object::new();
                let fields: &[(&str, &str)] = match style {
                    DateStyle::Short => {
                        &[("weekday", "short"), ("day", "numeric"), ("month", "short")]
                    }
                    DateStyle::Long => {
                        &[("day", "numeric"), ("month", "short"), ("year", "numeric")]
                    }
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

thread_local! {
    static TIME_FORMAT: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// "14:00" or "2:00 PM", as the user's language writes a time of day.
fn write_time(time: NaiveTime) -> String {
    let format = TIME_FORMAT.with(|f| {
        f.borrow_mut()
            .get_or_insert_with(|| {
                let options = Object::new();
                for (k, v) in [("hour", "numeric"), ("minute", "2-digit")] {
                    let _ = Reflect::set(&options, &k.into(), &v.into());
                }
                let locales = js_sys::Array::of1(&language().into());
                js_sys::Intl::DateTimeFormat::new(&locales, &options).format()
            })
            .clone()
    });
    let at = js_sys::Date::new_with_year_month_day_hr_min(
        2000,
        0,
        1,
        time.hour() as i32,
        time.minute() as i32,
    );
    format
        .call1(&JsValue::NULL, &at)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| crate::ui::words::clock_time(time))
}
