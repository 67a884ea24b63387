//! Employment types. schema.org names eight (`FULL_TIME`, `PART_TIME`, `CONTRACTOR`,
//! `TEMPORARY`, `INTERN`, `VOLUNTEER`, `PER_DIEM`, `OTHER`); a page may give one, several, or
//! its own words. What is stored is canonical: each part that is one of the eight, whatever
//! its letter case and separators ("Full-time", "full time", "FULLTIME"), is stored as its
//! code; any other part is kept as the page (or the user) wrote it. Several parts are one
//! text, joined by ", ". The interface words the codes in the user's language.

/// schema.org's employment types, in its order.
pub const EMPLOYMENT_TYPES: [&str; 8] = [
    "FULL_TIME",
    "PART_TIME",
    "CONTRACTOR",
    "TEMPORARY",
    "INTERN",
    "VOLUNTEER",
    "PER_DIEM",
    "OTHER",
];

/// One part of an employment type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmploymentPart<'a> {
    /// One of [`EMPLOYMENT_TYPES`].
    Code(&'static str),
    /// Anything else, trimmed, as written.
    Text(&'a str),
}

/// The schema.org code `text` spells, letter case, spaces, `_` and `-` aside.
pub fn employment_code(text: &str) -> Option<&'static str> {
    let squashed: String = text
        .chars()
        .filter(|c| !(c.is_whitespace() || *c == '_' || *c == '-'))
        .flat_map(char::to_uppercase)
        .collect();
    if squashed.is_empty() {
        return None;
    }
    EMPLOYMENT_TYPES
        .into_iter()
        .find(|code| code.replace('_', "") == squashed)
}

/// The parts of a stored (or typed) employment type, split at commas; empty parts left out.
pub fn employment_parts(text: &str) -> Vec<EmploymentPart<'_>> {
    text.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| employment_code(p).map_or(EmploymentPart::Text(p), EmploymentPart::Code))
        .collect()
}

/// `text` as it is stored: recognised parts as their codes, each part once, joined by ", ".
pub fn canonical_employment(text: &str) -> String {
    joined(employment_parts(text).into_iter().map(|p| match p {
        EmploymentPart::Code(c) => c,
        EmploymentPart::Text(t) => t,
    }))
}

/// Parts joined by ", ", each once (letter case aside).
pub fn joined<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out: Vec<&str> = Vec::new();
    for part in parts {
        if !out.iter().any(|p| p.to_lowercase() == part.to_lowercase()) {
            out.push(part);
        }
    }
    out.join(", ")
}
