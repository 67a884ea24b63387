//! The popup's first drawing, made ahead of time. Whenever the service worker stores today's
//! summary it also stores, in the same write, the page the popup would draw first from it
//! ([`super::early_view`]) as a plain tree ([`compact`]), with what it was drawn for: the
//! build, the day, the settings revision and the interface language, and the toolbar badge of that
//! summary (which the service worker shows while its full module loads). The popup's first module
//! (`src/web/early.rs`) only checks those against what is stored and puts the tree in the
//! page; the full interface then takes that page over when it would draw the same tree
//! ([`fingerprint`]), and draws its own otherwise.
//!
//! The record is derived data like the summary, and never outlives the summary it was drawn
//! from: every write of the extension's storage that sets or removes the summary sets or
//! removes the record with it (`src/web/kv.rs`; a write that brings no new drawing empties it).
//! A record of another day, other settings, another language or another build is not drawn.

use serde_json::{json, Value};

use super::node::{fingerprint, Element, Node, Ns};
use super::{early_view, Ids, Model, Stored, Surface, Words};
use crate::core::model::Settings;
use crate::core::summary::Summary;

/// The build of the extension a record was drawn by: a record of any other build (an
/// update changes the drawing, its words or the summary it comes from) is not drawn, and the
/// service worker draws it again ([`early_record`] in `Data::keep_derived`).
pub const EARLY_BUILD: &str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"), "/1");

/// The record for `summary`, worded with `words`; `None` when the summary cannot draw *Today*
/// as it is.
pub fn early_record(summary: &Summary, words: Words) -> Option<String> {
    if !summary.usable() {
        return None;
    }
    let day = summary.day;
    let mut m = Model::new(Surface::Popup, words, day, Ids::new("early"));
    m.set_summary(
        day,
        summary.clone(),
        Stored {
            apps: Vec::new(),
            settings: Settings::default(),
            settings_revision: summary.settings_revision,
        },
    );
    let tree = early_view(&m);
    let (count, overdue) = summary.badge();
    let record = json!({
        "badge": {"count": count, "overdue": overdue},
        "build": EARLY_BUILD,
        "day": day.to_string(),
        "revision": summary.settings_revision,
        "lang": m.words.t("interfaceLanguage"),
        "fingerprint": fingerprint(&tree),
        "tree": compact(&tree),
    });
    Some(record.to_string())
}

/// What a stored record was drawn for.
#[derive(serde::Deserialize)]
struct Stamp {
    build: String,
    day: String,
    revision: u32,
    lang: String,
}

/// Whether `stored` (the record as stored) is what this build draws from `summary` in the
/// language `lang`, as far as what it was drawn for tells: read without drawing anything, so
/// that the service worker can check it at every badge refresh.
pub fn early_record_fits(stored: &str, summary: &Summary, lang: &str) -> bool {
    serde_json::from_str::<Stamp>(stored).is_ok_and(|s| {
        s.build == EARLY_BUILD
            && s.day == summary.day.to_string()
            && s.revision == summary.settings_revision
            && s.lang == lang
    })
}

/// `node` as plain JSON: a text is a string; an element is
/// `[tag, [name, value, name, value...], [children...]]`, with a fourth item
/// `{"svg": true, "value": "...", "checked": true}` when it has any of those.
pub fn compact(node: &Node) -> Value {
    match node {
        Node::Text(t) => Value::String(t.clone()),
        Node::Element(e) => element(e),
    }
}

fn element(e: &Element) -> Value {
    let attrs: Vec<Value> = e
        .attrs
        .iter()
        .flat_map(|(name, value)| [Value::from(*name), Value::from(value.as_str())])
        .collect();
    let children: Vec<Value> = e.children.iter().map(compact).collect();
    let mut out = vec![
        Value::from(e.tag),
        Value::Array(attrs),
        Value::Array(children),
    ];
    let mut extra = serde_json::Map::new();
    if e.ns == Ns::Svg {
        extra.insert("svg".into(), Value::Bool(true));
    }
    if let Some(v) = &e.value {
        extra.insert("value".into(), Value::from(v.as_str()));
    }
    if let Some(c) = e.checked {
        extra.insert("checked".into(), Value::Bool(c));
    }
    if !extra.is_empty() {
        out.push(Value::Object(extra));
    }
    Value::Array(out)
}
