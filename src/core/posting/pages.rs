//! The readers for pages without JSON-LD: microdata, the known sites' elements, and the
//! meta tags and title; and the page's own address.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::fields::{self, get, is_type, short, Ids};
use super::html::plain_capped;
use super::url::normalise_url;
use super::{
    canonical_employment, Posting, PostingNote, Source, MAX_DESCRIPTION_BYTES, MAX_LOCATIONS,
};

/// Query parameters that name the posting itself: a page address carrying one is kept over a
/// canonical address without it (an embedded Greenhouse board's `gh_jid`, Indeed's `jk`,
/// LinkedIn's search page with `currentJobId`).
pub const POSTING_PARAMS: [&str; 3] = ["gh_jid", "jk", "currentjobid"];

/// How deep nested microdata items are read; the collector stops at the same depth.
const MICRODATA_DEPTH: usize = 6;
/// Microdata items looked at, at most.
const MAX_ITEMS: usize = 50;

/// The first microdata item of type JobPosting, read as JSON-LD would be.
pub(super) fn microdata(
    page: &Value,
    today: NaiveDate,
    notes: &mut Vec<PostingNote>,
) -> Option<Posting> {
    let items = page.get("microdata")?.as_array()?;
    items
        .iter()
        .take(MAX_ITEMS)
        .filter_map(|item| item_object(item, 0))
        .find(|obj| is_type(obj, "JobPosting"))
        .map(|obj| fields::posting(&obj, &Ids::new(), today, Source::Microdata, notes))
}

/// `{itemtype, props: {name: [values]}}` as a JSON-LD object: `@type` the type's last
/// segment, each property its value, or the list of its values when there are several.
fn item_object(item: &Value, depth: usize) -> Option<Map<String, Value>> {
    let item = item.as_object()?;
    let mut obj = Map::new();
    let types: Vec<Value> = item
        .get("itemtype")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .split_whitespace()
        .map(|t| Value::String(t.to_string()))
        .collect();
    obj.insert("@type".into(), Value::Array(types));
    for (name, values) in item.get("props").and_then(Value::as_object)? {
        let values: Vec<Value> = values
            .as_array()
            .map(|v| v.iter().collect::<Vec<_>>())
            .unwrap_or_else(|| vec![values])
            .into_iter()
            .filter_map(|v| match v {
                Value::Object(_) if depth < MICRODATA_DEPTH => {
                    item_object(v, depth + 1).map(Value::Object)
                }
                Value::String(_) | Value::Number(_) => Some(v.clone()),
                _ => None,
            })
            .collect();
        let value = match values.len() {
            0 => continue,
            1 => values.into_iter().next()?,
            _ => Value::Array(values),
        };
        obj.insert(name.clone(), value);
    }
    Some(obj)
}

/// The known sites, in the order tried; the collector's `sites` keys.
const SITES: [(&str, Source); 5] = [
    ("workday", Source::Workday),
    ("linkedin", Source::Linkedin),
    ("greenhouse", Source::Greenhouse),
    ("lever", Source::Lever),
    ("indeed", Source::Indeed),
];

/// The first known site whose elements name a role or a company.
pub(super) fn site(page: &Value, notes: &mut Vec<PostingNote>) -> Option<Posting> {
    let sites = page.get("sites")?.as_object()?;
    if let Some(src) = sites
        .get("greenhouse")
        .and_then(|g| g.get("iframeSrc"))
        .and_then(Value::as_str)
        .and_then(normalise_url)
    {
        notes.push(PostingNote::EmbeddedBoard { url: src });
    }
    SITES.iter().find_map(|(name, source)| {
        let fields = sites.get(*name)?.as_object()?;
        let text = |k: &str| {
            fields
                .get(k)
                .and_then(Value::as_str)
                .and_then(short)
                .unwrap_or_default()
        };
        let role = text("title");
        let company = text("company");
        if role.is_empty() && company.is_empty() {
            return None;
        }
        let location = fields.get("location").and_then(Value::as_str).unwrap_or("");
        let mut locations: Vec<String> = Vec::new();
        for line in location.lines().filter_map(short) {
            if !locations.contains(&line) && locations.len() < MAX_LOCATIONS {
                locations.push(line);
            }
        }
        let (description, cut) = fields
            .get("description")
            .and_then(Value::as_str)
            .map(|d| plain_capped(d, MAX_DESCRIPTION_BYTES))
            .unwrap_or_default();
        if cut {
            notes.push(PostingNote::DescriptionCut {
                limit_kb: (MAX_DESCRIPTION_BYTES / 1024) as u64,
            });
        }
        Some(Posting {
            company,
            role,
            locations,
            employment_type: canonical_employment(&text("employmentType")),
            identifier: text("identifier"),
            description,
            source: *source,
            ..Posting::default()
        })
    })
}

/// The page's title and meta tags: the role is `og:title` (or `twitter:title`, or the
/// title) as it is, the company `og:site_name`.
pub(super) fn meta(page: &Value, notes: &mut Vec<PostingNote>) -> Option<Posting> {
    let tags = page.get("meta").and_then(Value::as_object);
    let tag = |k: &str| {
        tags.and_then(|t| get(t, k))
            .and_then(Value::as_str)
            .and_then(short)
    };
    let title = page.get("title").and_then(Value::as_str).and_then(short);
    let role = tag("og:title")
        .or_else(|| tag("twitter:title"))
        .or(title)
        .unwrap_or_default();
    let company = tag("og:site_name").unwrap_or_default();
    if role.is_empty() && company.is_empty() {
        return None;
    }
    notes.push(PostingNote::OnlyTitle);
    let description = tag("og:description")
        .or_else(|| tag("description"))
        .unwrap_or_default();
    Some(Posting {
        company,
        role,
        description,
        url: tag("og:url")
            .and_then(|u| normalise_url(&u))
            .unwrap_or_default(),
        source: Source::Meta,
        ..Posting::default()
    })
}

/// The page's address: its canonical address, unless the address in the tab names the
/// posting by a parameter the canonical one lacks ([`POSTING_PARAMS`]).
pub(super) fn page_url(page: &Value) -> String {
    let field = |k: &str| page.get(k).and_then(Value::as_str).and_then(normalise_url);
    let url = field("url");
    let canonical = field("canonical");
    let names_posting = |u: &str| {
        let query = u.split_once('?').map_or("", |(_, q)| q);
        query.split('&').any(|p| {
            let key = p.split('=').next().unwrap_or_default().to_ascii_lowercase();
            POSTING_PARAMS.contains(&key.as_str())
        })
    };
    match (url, canonical) {
        (Some(url), Some(c)) if names_posting(&url) && !names_posting(&c) => url,
        (url, canonical) => canonical.or(url).unwrap_or_default(),
    }
}
