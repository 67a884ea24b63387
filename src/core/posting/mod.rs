//! Saving a job from its posting page: what the collector (`extension/posting/collect.js`)
//! brought back from the page, read into a [`Posting`].
//!
//! The collector runs once in the active tab and returns raw material only: the page's
//! address and title, the texts of its JSON-LD blocks, its microdata items of type
//! JobPosting, its meta tags and, for sites without structured data, the text of a few known
//! elements. Everything is decided here, in this order, the first reader that finds a posting
//! giving it:
//!
//! 1. JSON-LD (`jsonld.rs`): every block, a JobPosting anywhere in it;
//! 2. microdata (`pages::microdata`), read by the same field readers as JSON-LD;
//! 3. the site readers (`pages::site`): Workday, LinkedIn, Greenhouse, Lever, Indeed;
//! 4. the meta tags and the title (`pages::meta`): the role is the page's title as it is.
//!
//! The site readers come before the meta tags, although they are weaker evidence than
//! structured data: they read the role and company from elements that hold exactly those,
//! while a page title joins them ("Engineer - Acme - Careers") and is taken whole.
//!
//! Fields the page did not give stay empty: nothing is guessed from other fields, and what
//! could not be read is listed in [`Posting::notes`] as coded problems. The description is
//! always plain text ([`description_text`]), never markup.

use chrono::NaiveDate;
use serde::Serialize;

use super::model::Application;

mod employment;
mod fields;
mod html;
mod jsonld;
mod pages;
mod problems;
mod url;

pub use employment::{
    canonical_employment, employment_code, employment_parts, joined, EmploymentPart,
    EMPLOYMENT_TYPES,
};
pub use html::description_text;
pub use problems::{PostingError, PostingNote};
pub use url::normalise_url;

/// The longest description kept, in bytes of UTF-8 text; a longer one is cut at a character
/// boundary and noted.
pub const MAX_DESCRIPTION_BYTES: usize = 100 * 1024;
/// The largest collected page read. The collector keeps its answer near 2 MB; anything far
/// past that did not come from it and is refused before it is parsed.
pub const MAX_COLLECTED_BYTES: usize = 16 * 1024 * 1024;
/// Objects visited in all JSON-LD blocks together while looking for a JobPosting.
pub const MAX_JSONLD_NODES: usize = 10_000;
/// How deep the search goes into nested JSON-LD objects and arrays.
pub const MAX_JSONLD_DEPTH: usize = 48;
/// Longest company, role, location, identifier or employment type kept, in characters.
pub const MAX_FIELD_CHARS: usize = 300;
/// Locations kept at most.
pub const MAX_LOCATIONS: usize = 20;
/// The earliest plausible `datePosted`: job boards on the web are younger than this.
pub const EARLIEST_POSTED: (i32, u32, u32) = (1990, 1, 1);

/// What a posting page says about the job.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Posting {
    pub company: String,
    pub role: String,
    /// Each place as the page writes it: "Berlin, BE, DE"; several for several places.
    pub locations: Vec<String>,
    /// `jobLocationType` TELECOMMUTE (JSON-LD or microdata); never inferred from words.
    pub remote: bool,
    pub salary: Option<Salary>,
    /// schema.org's codes (`FULL_TIME`...) where the page's words are one of them, else the
    /// page's words; several joined by ", " ([`canonical_employment`]).
    pub employment_type: String,
    pub date_posted: Option<NaiveDate>,
    pub valid_through: Option<NaiveDate>,
    /// The employer's reference for the posting (a requisition number).
    pub identifier: String,
    /// The posting's address, normalised ([`normalise_url`]); empty when the page had none.
    pub url: String,
    /// Plain text, at most [`MAX_DESCRIPTION_BYTES`].
    pub description: String,
    /// Which reader found the posting.
    pub source: Source,
    /// What could not be read, or was left out as clearly wrong.
    pub notes: Vec<PostingNote>,
}

/// Pay as structured data gives it: numbers only, never read out of prose. A range has `min`
/// and `max`; a single figure is `min` and `max` alike. `currency` is the ISO 4217 code as
/// given ("EUR"), `unit` the period as given (`HOUR`, `YEAR`...), either may be empty.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Salary {
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub currency: String,
    pub unit: String,
}

/// The reader a posting came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    #[default]
    #[serde(rename = "json-ld")]
    JsonLd,
    Microdata,
    Meta,
    Workday,
    Linkedin,
    Greenhouse,
    Lever,
    Indeed,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::JsonLd => "json-ld",
            Source::Microdata => "microdata",
            Source::Meta => "meta",
            Source::Workday => "workday",
            Source::Linkedin => "linkedin",
            Source::Greenhouse => "greenhouse",
            Source::Lever => "lever",
            Source::Indeed => "indeed",
        }
    }
}

/// Reads what the collector returned (its JSON text) into a posting. `today` drops a
/// `datePosted` after it. Fails when the text is not the collector's answer, or the page has
/// no posting: nothing to read at all, or structured data saying it is something else.
pub fn read(collected_json: &str, today: NaiveDate) -> Result<Posting, PostingError> {
    if collected_json.len() > MAX_COLLECTED_BYTES {
        return Err(PostingError::TooLarge {
            size_kb: collected_json.len().div_ceil(1024) as u64,
            limit_kb: (MAX_COLLECTED_BYTES / 1024) as u64,
        });
    }
    let page: serde_json::Value =
        serde_json::from_str(collected_json).map_err(|_| PostingError::NotCollected)?;
    if !page.is_object() {
        return Err(PostingError::NotCollected);
    }
    let mut notes = Vec::new();
    let mut described = false;
    let found = jsonld::read(&page, today, &mut described, &mut notes)
        .or_else(|| pages::microdata(&page, today, &mut notes))
        .or_else(|| pages::site(&page, &mut notes))
        .or_else(|| {
            (!described)
                .then(|| pages::meta(&page, &mut notes))
                .flatten()
        });
    let Some(mut posting) = found else {
        return Err(PostingError::NoPosting);
    };
    if posting.url.is_empty() {
        posting.url = pages::page_url(&page);
    }
    if posting.company.is_empty() {
        notes.push(PostingNote::NoCompany);
    }
    if posting.role.is_empty() {
        notes.push(PostingNote::NoRole);
    }
    notes.extend(std::mem::take(&mut posting.notes));
    notes.dedup();
    posting.notes = notes;
    Ok(posting)
}

/// The application already saved for this posting: the same posting address once both are
/// normalised, else the same company and role (letter case and spaces aside).
pub fn find_duplicate<'a>(posting: &Posting, apps: &'a [Application]) -> Option<&'a Application> {
    if let Some(url) = normalise_url(&posting.url) {
        if let Some(app) = apps
            .iter()
            .find(|a| normalise_url(&a.posting_url).as_deref() == Some(url.as_str()))
        {
            return Some(app);
        }
    }
    let company = folded(&posting.company);
    let role = folded(&posting.role);
    if company.is_empty() || role.is_empty() {
        return None;
    }
    apps.iter()
        .find(|a| folded(&a.company) == company && folded(&a.role) == role)
}

/// Lower case, runs of white space as one space, none at either end.
fn folded(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}
