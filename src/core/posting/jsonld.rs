//! JSON-LD: the `<script type="application/ld+json">` blocks of a page, a JobPosting looked
//! for anywhere in them.
//!
//! A block may hold one object, a list, a `@graph`, or the posting nested under another
//! type (a WebPage's `mainEntity`); pages also wrap blocks in `<![CDATA[ ]]>` or HTML
//! comments, escape them as HTML (`&quot;`), or leave raw line breaks inside strings. Each
//! form is tried; a block that is still not JSON is skipped and noted. The search visits at
//! most [`MAX_JSONLD_NODES`] objects and lists, [`MAX_JSONLD_DEPTH`] deep, without recursion,
//! so a hostile page cannot exhaust the stack or the time; serde_json itself refuses JSON
//! nested deeper than 128.

use chrono::NaiveDate;
use serde_json::Value;

use super::fields::{self, is_type, Ids};
use super::html::decode_entities;
use super::{Posting, PostingNote, Source, MAX_JSONLD_DEPTH, MAX_JSONLD_NODES};

/// Blocks read at most; the collector sends no more.
const MAX_BLOCKS: usize = 20;

/// The first JobPosting of the page's JSON-LD blocks. `described` is set when the blocks
/// describe the page as something else (an article, a product): a page that says what it is
/// and is no posting is not read from its title.
pub(super) fn read(
    page: &Value,
    today: NaiveDate,
    described: &mut bool,
    notes: &mut Vec<PostingNote>,
) -> Option<Posting> {
    let blocks = page.get("jsonld")?.as_array()?;
    let mut parsed = Vec::new();
    for (i, block) in blocks.iter().take(MAX_BLOCKS).enumerate() {
        let Some(text) = block.as_str() else { continue };
        match parse_block(text) {
            Some(v) => parsed.push(v),
            None => notes.push(PostingNote::UnreadableBlock {
                block: i as u64 + 1,
            }),
        }
    }
    let mut ids = Ids::new();
    let mut postings = Vec::new();
    let mut stack: Vec<(&Value, usize)> = parsed.iter().rev().map(|v| (v, 0)).collect();
    let mut visited = 0;
    let mut stopped = false;
    while let Some((value, depth)) = stack.pop() {
        if visited == MAX_JSONLD_NODES {
            stopped = true;
            break;
        }
        visited += 1;
        let children: Box<dyn DoubleEndedIterator<Item = &Value>> = match value {
            Value::Object(obj) => {
                if let Some(id) = obj.get("@id").and_then(Value::as_str) {
                    ids.entry(id).or_insert(obj);
                }
                if is_type(obj, "JobPosting") {
                    postings.push(obj);
                } else if fields::get(obj, "@type").is_some() {
                    *described = true;
                }
                Box::new(obj.values())
            }
            Value::Array(items) => Box::new(items.iter()),
            _ => continue,
        };
        let mut nested = children
            .rev()
            .filter(|c| c.is_object() || c.is_array())
            .peekable();
        if nested.peek().is_some() && depth == MAX_JSONLD_DEPTH {
            stopped = true;
            continue;
        }
        stack.extend(nested.map(|c| (c, depth + 1)));
    }
    if stopped {
        notes.push(PostingNote::SearchStopped);
    }
    let node = postings.first()?;
    Some(fields::posting(node, &ids, today, Source::JsonLd, notes))
}

/// One block as JSON, in the forms pages write it.
fn parse_block(text: &str) -> Option<Value> {
    let text = unwrapped(text);
    let attempt = |t: &str| serde_json::from_str::<Value>(t).ok();
    attempt(text)
        .or_else(|| {
            let decoded = decode_entities(text);
            (decoded != text).then(|| attempt(&decoded)).flatten()
        })
        .or_else(|| {
            // Raw line breaks and tabs inside strings: not JSON, but common; outside strings
            // they are white space anyway.
            let spaced: String = text
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            attempt(&spaced)
        })
}

/// The block without the comment and CDATA wrappers pages put around scripts.
fn unwrapped(text: &str) -> &str {
    const OPEN: [&str; 4] = ["/*<![CDATA[*/", "//<![CDATA[", "<![CDATA[", "<!--"];
    const CLOSE: [&str; 5] = ["/*]]>*/", "//]]>", "]]>", "-->", ";"];
    let mut t = text.trim();
    loop {
        let before = t;
        for open in OPEN {
            t = t.strip_prefix(open).unwrap_or(t).trim_start();
        }
        for close in CLOSE {
            t = t.strip_suffix(close).unwrap_or(t).trim_end();
        }
        if t == before {
            return t;
        }
    }
}
