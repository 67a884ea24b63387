//! The interface's words: every message the pages use exists in English and German, both
//! files have the same messages, and each translation keeps the original's placeholders.

use std::collections::BTreeSet;
use std::fs;

mod ui_support;
use ui_support::locale;

fn placeholders(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        rest = &rest[start + 1..];
        if let Some(end) = rest.find('}') {
            let name = &rest[..end];
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric()) {
                out.insert(name.to_string());
            }
            rest = &rest[end + 1..];
        }
    }
    out
}

/// String literals in the interface's sources shaped like message names (`camelCase`).
fn names_used() -> BTreeSet<String> {
    let src = format!("{}/src", env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in [
        format!("{src}/web"),
        format!("{src}/web/ui"),
        format!("{src}/ui"),
    ] {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                paths.push(path);
            }
        }
    }
    let mut out = BTreeSet::new();
    for path in paths {
        let src = fs::read_to_string(path).unwrap();
        for piece in src.split('"').skip(1).step_by(2) {
            let camel = piece.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                && piece.chars().any(|c| c.is_ascii_uppercase())
                && piece.chars().all(|c| c.is_ascii_alphanumeric());
            if camel {
                out.insert(piece.to_string());
            }
        }
    }
    // Names of the DOM, SVG and browser events, not messages.
    for not_a_message in ["viewBox", "onChanged", "camelCase", "newValue"] {
        out.remove(not_a_message);
    }
    out
}

#[test]
fn english_and_german_have_the_same_messages_and_placeholders() {
    let en = locale("en");
    let de = locale("de");
    let only_en: Vec<_> = en.keys().filter(|k| !de.contains_key(*k)).collect();
    let only_de: Vec<_> = de.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "missing in German: {only_en:?}");
    assert!(only_de.is_empty(), "missing in English: {only_de:?}");
    for (key, text) in &en {
        assert_eq!(
            placeholders(text),
            placeholders(&de[key]),
            "placeholders of {key}"
        );
        assert!(!de[key].trim().is_empty(), "{key} is empty in German");
    }
}

#[test]
fn every_message_the_interface_uses_exists() {
    let en = locale("en");
    let used = names_used();
    assert!(
        used.len() > 100,
        "only {} names found: is the scan still right?",
        used.len()
    );
    let missing: Vec<_> = used.iter().filter(|k| !en.contains_key(*k)).collect();
    assert!(
        missing.is_empty(),
        "used but not in _locales/en: {missing:?}"
    );
}

#[test]
fn placeholders_are_filled_once_and_user_text_is_never_read_again() {
    use followup::ui::words::fill;
    let template = "{what} · {company}, {role}";
    assert_eq!(
        fill(
            template,
            &[
                ("what", "Note to {role}"),
                ("company", "{what}"),
                ("role", "SRE")
            ]
        ),
        "Note to {role} · {what}, SRE"
    );
    assert_eq!(fill("{unknown} {what", &[("what", "x")]), "{unknown} {what");
    // A long value full of placeholders, placed into another: the output grows by addition.
    let bomb = "{company}".repeat(20_000);
    let out = fill(
        template,
        &[("what", &bomb), ("company", &bomb), ("role", "")],
    );
    assert_eq!(out.len(), bomb.len() * 2 + " · , ".len());
}

/// The German interface speaks to the user as "du" throughout, as its drafts' informal wording
/// does; "Sie" and "Ihr" appear only where they mean the employer or a contact ("they").
#[test]
fn the_german_interface_says_du_to_the_user() {
    let de = locale("de");
    // Each of these speaks of someone else, or names the formal wording.
    let third_person = [
        "reasonReferencesRequested",
        "noContactSet",
        "eventReply",
        "fieldNoContact",
        "tlDecision",
        "icsImportHint",
        "wordingGerman",
    ];
    let formal = [
        "Sie", "Ihnen", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres",
    ];
    let mut found = Vec::new();
    for (key, text) in &de {
        if third_person.contains(&key.as_str()) {
            continue;
        }
        let words = text.split(|c: char| !c.is_alphabetic());
        if words.clone().any(|w| formal.contains(&w)) {
            found.push(format!("{key}: {text}"));
        }
    }
    assert!(found.is_empty(), "formal address in: {found:#?}");
}
