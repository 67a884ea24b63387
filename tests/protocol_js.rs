//! `extension/messages.js` lists the same messages as `core::protocol::MESSAGES`, with the
//! same request fields and reply fields, and every message name written in the extension's
//! JavaScript or the pages' Rust is one of them.

use std::collections::BTreeSet;
use std::path::Path;

use followup::core::protocol::{MessageSpec, MESSAGES, TO_CONTENT};

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// The text of the first `{...}` in `text` (balanced), without the braces.
fn braces(text: &str) -> Option<&str> {
    let start = text.find('{')?;
    let mut depth = 0;
    for (i, c) in text[start..].char_indices() {
        match c {
            '{' | '[' => depth += 1,
            '}' | ']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(&text[start + 1..start + i]);
                }
            }
            _ => {}
        }
    }
    None
}

/// The top-level keys of an object written as `a, b: type, c: {..}`.
fn keys(inner: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut depth = 0;
    let mut part = String::new();
    for c in inner.chars().chain([',']) {
        match c {
            '{' | '[' | '(' => depth += 1,
            '}' | ']' | ')' => depth -= 1,
            _ => {}
        }
        if c == ',' && depth == 0 {
            let key = part.split(':').next().unwrap_or("").trim().to_string();
            if !key.is_empty() && key != "..." {
                out.insert(key);
            }
            part.clear();
        } else {
            part.push(c);
        }
    }
    out
}

/// `(name, request fields, reply fields)` of every entry of messages.js.
fn documented() -> Vec<(String, BTreeSet<String>, Option<BTreeSet<String>>)> {
    let js = read("extension/messages.js");
    let mut out = Vec::new();
    let mut comment = String::new();
    for line in js.lines().map(str::trim) {
        if let Some(c) = line.strip_prefix("/**") {
            comment = c.trim_end_matches("*/").to_string();
            continue;
        }
        let Some((_, rest)) = line.split_once(": '") else {
            continue;
        };
        let name = rest.trim_end_matches("',").to_string();
        let (request, reply) = match comment.split_once("->") {
            Some((req, rep)) => (req.to_string(), Some(rep.to_string())),
            None => (comment.clone(), None),
        };
        let fields = keys(braces(&request).unwrap_or(""));
        let reply = reply.map(|r| {
            let r = r.split(" : ").next().unwrap_or("").trim();
            if !r.starts_with('{') {
                return BTreeSet::from(["*".to_string()]);
            }
            // Alternatives `{..} | {..}`: the fields every one of them has.
            let mut alternatives = Vec::new();
            let mut rest = r;
            while let Some(inner) = braces(rest) {
                alternatives.push(keys(inner));
                let end = rest.find(inner).unwrap_or(0) + inner.len() + 1;
                rest = &rest[end.min(rest.len())..];
            }
            alternatives
                .into_iter()
                .reduce(|a, b| a.intersection(&b).cloned().collect())
                .unwrap_or_default()
        });
        out.push((name, fields, reply));
        comment.clear();
    }
    out
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn messages_js_lists_every_message_with_its_fields_and_reply() {
    let docs = documented();
    let specs: Vec<&MessageSpec> = MESSAGES.iter().chain(TO_CONTENT.iter()).collect();
    let documented_names: BTreeSet<&str> = docs.iter().map(|(n, _, _)| n.as_str()).collect();
    let declared: BTreeSet<&str> = specs.iter().map(|s| s.name).collect();
    assert_eq!(
        documented_names, declared,
        "messages.js and MESSAGES list other names"
    );
    for (name, fields, reply) in &docs {
        let spec = specs.iter().find(|s| s.name == name).unwrap();
        assert_eq!(fields, &set(spec.fields), "request fields of {name}");
        if TO_CONTENT.iter().any(|s| s.name == name) {
            assert!(reply.is_none(), "{name} has no reply");
        } else {
            assert_eq!(reply.as_ref(), Some(&set(spec.reply)), "reply of {name}");
        }
    }
}

/// Every `type` a message is sent with, in the extension's JavaScript and the pages' Rust
/// (`web::request` builds the pages' messages from their name).
fn names_written() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut files = Vec::new();
    for dir in ["extension", "extension/content", "src/web", "src/web/ui"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        for entry in std::fs::read_dir(path).unwrap().flatten() {
            let p = entry.path();
            if p.extension().is_some_and(|e| e == "js" || e == "rs") {
                files.push(p);
            }
        }
    }
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for marker in ["type: '", "\"type\": \"", "r#type: \"", "request(\""] {
            for piece in text.split(marker).skip(1) {
                let name: String = piece
                    .chars()
                    .take_while(|c| *c != '\'' && *c != '"')
                    .collect();
                if name.contains('/') || name == "ping" {
                    out.insert(name);
                }
            }
        }
    }
    out
}

#[test]
fn every_message_name_written_anywhere_is_declared() {
    let written = names_written();
    assert!(
        written.len() >= 6,
        "only {written:?} found: is the scan still right?"
    );
    let declared: BTreeSet<String> = MESSAGES
        .iter()
        .chain(TO_CONTENT.iter())
        .map(|s| s.name.to_string())
        .collect();
    let unknown: Vec<&String> = written.difference(&declared).collect();
    assert!(
        unknown.is_empty(),
        "not declared in core::protocol: {unknown:?}"
    );
}

#[test]
fn the_architecture_pages_message_table_lists_every_message() {
    let doc = read("ARCHITECTURE.md");
    let section = doc
        .split("\n## Messages\n")
        .nth(1)
        .expect("a Messages section");
    let listed: BTreeSet<String> = section
        .lines()
        .take_while(|l| !l.starts_with("## "))
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .map(str::to_string)
        .collect();
    let declared: BTreeSet<String> = MESSAGES
        .iter()
        .chain(TO_CONTENT.iter())
        .map(|s| s.name.to_string())
        .collect();
    assert_eq!(listed, declared);
}
