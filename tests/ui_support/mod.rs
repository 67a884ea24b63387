//! What the interface's native tests share: the real `_locales` words, a page loaded with
//! given data on a fixed day, and small readers of the drawn tree.

#![allow(dead_code)]

use std::collections::BTreeMap;

use chrono::NaiveDate;

use followup::core::model::{Application, Contact, Interviewer, Round, Settings, Status};
use followup::ui::{update, view, Effect, Ids, Model, Msg, Node, Stored, Surface, Words};

/// Tuesday 10 March 2026.
pub fn today() -> NaiveDate {
    date("2026-03-10")
}

pub fn date(s: &str) -> NaiveDate {
    s.parse().expect("test date")
}

fn messages(lang: &str) -> String {
    let path = format!(
        "{}/extension/_locales/{lang}/messages.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The message file of `lang` as message name -> text.
pub fn locale(lang: &str) -> BTreeMap<String, String> {
    let parsed: BTreeMap<String, serde_json::Value> =
        serde_json::from_str(&messages(lang)).unwrap_or_else(|e| panic!("{lang}: {e}"));
    parsed
        .into_iter()
        .map(|(k, v)| {
            let text = v["message"]
                .as_str()
                .unwrap_or_else(|| panic!("{lang}/{k} has no message"));
            (k, text.to_string())
        })
        .collect()
}

/// The English words, as the extension has them.
pub fn english() -> Words {
    Words::from_messages_json(&[&messages("en")]).expect("English messages parse")
}

/// English with German over it, as `www/` merges them for a German browser.
pub fn german() -> Words {
    Words::from_messages_json(&[&messages("en"), &messages("de")]).expect("messages parse")
}

/// A page on `surface` that has read `apps` and `settings`.
pub fn page_with(
    surface: Surface,
    words: Words,
    apps: Vec<Application>,
    settings: Settings,
) -> Model {
    let mut m = Model::new(surface, words, today(), Ids::new("t"));
    let effects = update(
        &mut m,
        Msg::Loaded {
            today: today(),
            result: Ok(Stored {
                apps,
                settings,
                settings_revision: 1,
            }),
        },
    );
    if surface == Surface::Options {
        assert_eq!(effects, vec![Effect::LoadExtras]);
    }
    m
}

pub fn page(surface: Surface, apps: Vec<Application>) -> Model {
    page_with(surface, english(), apps, Settings::default())
}

/// Acme, interviewed today by Dana Smith and Lee Park: two thank-you emails due today.
pub fn acme() -> Application {
    Application {
        id: "acme".into(),
        revision: 1,
        company: "Acme".into(),
        role: "Data Engineer".into(),
        status: Status::Interviewing,
        applied_on: Some(date("2026-02-20")),
        contacts: vec![
            contact("dana", "Dana Smith", "dana@acme.example"),
            contact("lee", "Lee Park", "lee@acme.example"),
        ],
        rounds: vec![Round {
            id: "r1".into(),
            date: today(),
            kind: "on-site".into(),
            interviewers: vec![
                Interviewer {
                    contact_id: "dana".into(),
                    points: vec!["Streaming".into()],
                },
                Interviewer {
                    contact_id: "lee".into(),
                    points: vec![],
                },
            ],
            ..Default::default()
        }],
        ..Default::default()
    }
}

pub fn contact(id: &str, name: &str, email: &str) -> Contact {
    Contact {
        id: id.into(),
        name: name.into(),
        email: email.into(),
        ..Default::default()
    }
}

/// A plain application at `company`, applied to three weeks ago.
pub fn simple(id: &str, company: &str) -> Application {
    Application {
        id: id.into(),
        revision: 1,
        company: company.into(),
        role: "Analyst".into(),
        status: Status::Applied,
        applied_on: Some(date("2026-02-17")),
        ..Default::default()
    }
}

/// Sends `msg` and returns the effects.
pub fn send(m: &mut Model, msg: Msg) -> Vec<Effect> {
    update(m, msg)
}

pub fn input(m: &mut Model, name: &str, value: &str) -> Vec<Effect> {
    update(
        m,
        Msg::Input {
            name: name.into(),
            value: value.into(),
        },
    )
}

pub fn check(m: &mut Model, name: &str, on: bool) -> Vec<Effect> {
    update(
        m,
        Msg::Check {
            name: name.into(),
            on,
        },
    )
}

/// Plays a finished write back: storage now holds `apps`, and the write's answer arrives.
pub fn written(m: &mut Model, effect: &Effect, apps: Vec<Application>) {
    let Effect::Write(_, after) = effect else {
        panic!("not a write: {effect:?}");
    };
    let settings = m.stored.settings.clone();
    update(
        m,
        Msg::Written {
            after: after.clone(),
            result: Ok(followup::ui::Outcome::Done),
            reloaded: Some((
                today(),
                Stored {
                    apps,
                    settings,
                    settings_revision: 2,
                },
            )),
        },
    );
}

pub fn drawn(m: &Model) -> Node {
    view(m)
}

/// The text of the first node matching `selector`.
pub fn text_of(tree: &Node, selector: &str) -> String {
    tree.first(selector)
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
}

pub fn count(tree: &Node, selector: &str) -> usize {
    tree.select(selector).len()
}

/// The value property of the control named `name`.
pub fn value_of(tree: &Node, name: &str) -> String {
    let node = tree
        .first(&format!("[name={name}]"))
        .unwrap_or_else(|| panic!("no control named {name}"));
    node.element()
        .and_then(|e| e.value.clone())
        .unwrap_or_default()
}

/// The keys of the list items matching `selector`, in order.
pub fn keys(tree: &Node, selector: &str) -> Vec<String> {
    tree.select(selector)
        .iter()
        .map(|n| n.key_of().expect("a keyed item").to_string())
        .collect()
}
