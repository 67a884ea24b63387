//! The fields of one schema.org JobPosting, as JSON-LD writes it or as microdata is turned
//! into the same shape (`pages::microdata`): text where text is expected, whatever the page
//! put there (a number is its digits, a list its first text, an object its `name`), keys in
//! any letter case, references (`{"@id": "#org"}`) followed once.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::html::{decode_entities, text_capped};
use super::url::normalise_url;
use super::{
    canonical_employment, Posting, PostingNote, Salary, Source, EARLIEST_POSTED,
    MAX_DESCRIPTION_BYTES, MAX_FIELD_CHARS, MAX_LOCATIONS,
};

/// Objects by their `@id`, for following references.
pub(super) type Ids<'a> = HashMap<&'a str, &'a Map<String, Value>>;

/// How many objects deep a text is looked for (`{"name": {"@value": ...}}`).
const TEXT_DEPTH: usize = 4;

/// The posting `node` describes.
pub(super) fn posting(
    node: &Map<String, Value>,
    ids: &Ids,
    today: NaiveDate,
    source: Source,
    notes: &mut Vec<PostingNote>,
) -> Posting {
    let text = |name: &str| get(node, name).and_then(|v| text_of(v, ids, 0));
    let (description, cut) = get(node, "description")
        .and_then(first_string)
        .map(|s| text_capped(s, MAX_DESCRIPTION_BYTES))
        .unwrap_or_default();
    if cut {
        notes.push(PostingNote::DescriptionCut {
            limit_kb: (MAX_DESCRIPTION_BYTES / 1024) as u64,
        });
    }
    let mut locations = get(node, "jobLocation")
        .map(|v| places(v, ids))
        .unwrap_or_default();
    if locations.is_empty() {
        locations = get(node, "applicantLocationRequirements")
            .map(|v| places(v, ids))
            .unwrap_or_default();
    }
    Posting {
        company: text("hiringOrganization").unwrap_or_default(),
        role: text("title").or_else(|| text("name")).unwrap_or_default(),
        locations,
        remote: get(node, "jobLocationType")
            .map(|v| {
                texts(v, ids)
                    .iter()
                    .any(|t| t.eq_ignore_ascii_case("telecommute"))
            })
            .unwrap_or(false),
        salary: get(node, "baseSalary").and_then(|v| salary(v, ids)),
        employment_type: get(node, "employmentType")
            .map(|v| canonical_employment(&texts(v, ids).join(", ")))
            .unwrap_or_default(),
        date_posted: date(node, "datePosted", today, true, notes),
        valid_through: date(node, "validThrough", today, false, notes),
        identifier: get(node, "identifier")
            .and_then(|v| identifier(v, ids))
            .unwrap_or_default(),
        url: text("url")
            .and_then(|u| normalise_url(&u))
            .unwrap_or_default(),
        description,
        source,
        notes: Vec::new(),
    }
}

/// A field by name, in any letter case (`Title`, `HiringOrganization`).
pub(super) fn get<'a>(obj: &'a Map<String, Value>, name: &str) -> Option<&'a Value> {
    obj.get(name).or_else(|| {
        obj.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    })
}

/// Whether `obj`'s `@type` (a text or a list of them) names `wanted`, with or without a
/// vocabulary (`schema:JobPosting`, `http://schema.org/JobPosting`).
pub(super) fn is_type(obj: &Map<String, Value>, wanted: &str) -> bool {
    let named = |v: &Value| {
        v.as_str().is_some_and(|t| {
            t.rsplit(['/', ':', '#'])
                .next()
                .is_some_and(|t| t.trim().eq_ignore_ascii_case(wanted))
        })
    };
    match get(obj, "@type") {
        Some(Value::Array(types)) => types.iter().any(named),
        Some(t) => named(t),
        None => false,
    }
}

/// The object a reference names, or the object itself.
fn resolved<'a>(obj: &'a Map<String, Value>, ids: &Ids<'a>) -> &'a Map<String, Value> {
    match obj.get("@id").and_then(Value::as_str) {
        Some(id) if get(obj, "name").is_none() => ids.get(id).copied().unwrap_or(obj),
        _ => obj,
    }
}

/// One short line of text from a value of any kind.
pub(super) fn text_of<'a>(v: &'a Value, ids: &Ids<'a>, depth: usize) -> Option<String> {
    if depth > TEXT_DEPTH {
        return None;
    }
    match v {
        Value::String(s) => short(s),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => items.iter().find_map(|i| text_of(i, ids, depth + 1)),
        Value::Object(obj) => {
            let obj = resolved(obj, ids);
            ["name", "@value", "value"]
                .iter()
                .find_map(|k| get(obj, k).and_then(|v| text_of(v, ids, depth + 1)))
        }
        Value::Bool(_) | Value::Null => None,
    }
}

/// Every text of a value that may be a list.
fn texts<'a>(v: &'a Value, ids: &Ids<'a>) -> Vec<String> {
    match v {
        Value::Array(items) => items
            .iter()
            .take(MAX_LOCATIONS)
            .filter_map(|i| text_of(i, ids, 1))
            .collect(),
        v => text_of(v, ids, 0).into_iter().collect(),
    }
}

/// A page's text as one line: entities decoded, white space collapsed, at most
/// [`MAX_FIELD_CHARS`] characters; `None` when nothing is left. Names are text, not HTML: a
/// `<` in a title stays a character.
pub(super) fn short(s: &str) -> Option<String> {
    let head: String = s.chars().take(MAX_FIELD_CHARS * 4).collect();
    let line = decode_entities(&head)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let line: String = line
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_FIELD_CHARS)
        .collect();
    (!line.is_empty()).then_some(line)
}

fn first_string(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => Some(s),
        Value::Array(items) => items.iter().find_map(first_string),
        _ => None,
    }
}

/// Places (`jobLocation`: one or a list): the address's locality, region and country, or the
/// place's name when it has no address.
fn places<'a>(v: &'a Value, ids: &Ids<'a>) -> Vec<String> {
    let items: Vec<&Value> = match v {
        Value::Array(items) => items.iter().take(MAX_LOCATIONS).collect(),
        v => vec![v],
    };
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let place = match item {
            Value::Object(obj) => place(resolved(obj, ids), ids),
            v => text_of(v, ids, 1),
        };
        if let Some(p) = place.filter(|p| !out.contains(p)) {
            out.push(p);
        }
    }
    out
}

fn place<'a>(obj: &'a Map<String, Value>, ids: &Ids<'a>) -> Option<String> {
    let address = match get(obj, "address") {
        Some(Value::Object(a)) => Some(resolved(a, ids)),
        Some(other) => return text_of(other, ids, 1),
        None if get(obj, "addressLocality").is_some() || get(obj, "addressCountry").is_some() => {
            Some(obj)
        }
        None => None,
    };
    let Some(address) = address else {
        return get(obj, "name").and_then(|v| text_of(v, ids, 1));
    };
    let parts: Vec<String> = ["addressLocality", "addressRegion", "addressCountry"]
        .iter()
        .filter_map(|k| get(address, k).and_then(|v| text_of(v, ids, 1)))
        .collect();
    let mut unique: Vec<String> = Vec::new();
    for p in parts {
        if !unique.contains(&p) {
            unique.push(p);
        }
    }
    if unique.is_empty() {
        return get(obj, "name").and_then(|v| text_of(v, ids, 1));
    }
    short(&unique.join(", "))
}

/// `baseSalary`: a MonetaryAmount whose `value` is a number or a QuantitativeValue
/// (`minValue`, `maxValue`, `value`, `unitText`), or a bare number.
fn salary<'a>(v: &'a Value, ids: &Ids<'a>) -> Option<Salary> {
    let amount = match v {
        Value::Array(items) => return items.iter().find_map(|i| salary(i, ids)),
        Value::Object(obj) => resolved(obj, ids),
        v => {
            let n = number(v)?;
            return Some(Salary {
                min: Some(n),
                max: Some(n),
                ..Salary::default()
            });
        }
    };
    let text = |obj: &'a Map<String, Value>, k: &str| {
        get(obj, k)
            .and_then(|v| text_of(v, ids, 1))
            .unwrap_or_default()
    };
    let mut out = Salary {
        currency: text(amount, "currency"),
        unit: text(amount, "unitText"),
        ..Salary::default()
    };
    match get(amount, "value") {
        Some(Value::Object(q)) => {
            let q = resolved(q, ids);
            let single = get(q, "value").and_then(number);
            out.min = get(q, "minValue").and_then(number).or(single);
            out.max = get(q, "maxValue").and_then(number).or(single);
            if out.unit.is_empty() {
                out.unit = text(q, "unitText");
            }
            if out.currency.is_empty() {
                out.currency = text(q, "currency");
            }
        }
        Some(v) => {
            out.min = number(v);
            out.max = out.min;
        }
        None => {
            out.min = get(amount, "minValue").and_then(number);
            out.max = get(amount, "maxValue").and_then(number);
        }
    }
    (out.min.is_some() || out.max.is_some()).then_some(out)
}

/// A non-negative number: JSON's, or a text of digits with an optional decimal point and
/// optional thousands commas ("85,000"). "85.000" is read as 85: a German thousands point
/// cannot be told from a decimal one, and structured data is meant to be written with `.`.
fn number(v: &Value) -> Option<f64> {
    let n = match v {
        Value::Number(n) => n.as_f64()?,
        Value::String(s) => {
            let s = s.trim();
            let grouped = s.contains(',')
                && s.split('.')
                    .next()?
                    .split(',')
                    .skip(1)
                    .all(|g| g.len() == 3);
            let plain = if grouped {
                s.replace(',', "")
            } else {
                s.to_string()
            };
            if !plain.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
                return None;
            }
            plain.parse::<f64>().ok()?
        }
        _ => return None,
    };
    (n.is_finite() && n >= 0.0).then_some(n)
}

/// `identifier`: a text or number, or a PropertyValue's `value`.
fn identifier<'a>(v: &'a Value, ids: &Ids<'a>) -> Option<String> {
    match v {
        Value::Array(items) => items.iter().find_map(|i| identifier(i, ids)),
        Value::Object(obj) => {
            let obj = resolved(obj, ids);
            get(obj, "value")
                .or_else(|| get(obj, "@value"))
                .or_else(|| get(obj, "name"))
                .and_then(|v| text_of(v, ids, 1))
        }
        v => text_of(v, ids, 0),
    }
}

/// A date or date-time field as a day. `posted`: a day after `today` or before 1990 is
/// clearly wrong and left out.
fn date(
    node: &Map<String, Value>,
    field: &str,
    today: NaiveDate,
    posted: bool,
    notes: &mut Vec<PostingNote>,
) -> Option<NaiveDate> {
    let value = get(node, field).and_then(|v| text_of(v, &Ids::new(), 0))?;
    let Some(day) = parse_date(&value) else {
        notes.push(PostingNote::UnreadableDate {
            field: field.to_string(),
            value,
        });
        return None;
    };
    let (y, m, d) = EARLIEST_POSTED;
    let earliest = NaiveDate::from_ymd_opt(y, m, d)?;
    if posted && (day > today || day < earliest) {
        notes.push(PostingNote::WrongDate {
            field: field.to_string(),
            value,
        });
        return None;
    }
    Some(day)
}

/// `2026-03-01`, `2026-03-01T09:00:00Z`, `2026-03-01 09:00`: the day as written, its time
/// and zone ignored.
pub(super) fn parse_date(s: &str) -> Option<NaiveDate> {
    s.trim().split(['T', 't', ' ']).next()?.parse().ok()
}
