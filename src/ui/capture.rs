//! "Save this job": the posting page the popup was opened on, read by the core
//! (`core::posting::read`), offered as a form at the top of *Today* that the user checks and
//! saves through the same write as the editor (`SaveApp`). A posting already saved is named
//! instead of the form (`core::posting::find_duplicate`); a page with no posting offers the
//! form with its address and title; a page the browser would not let the popup read says so
//! in words. The browser's own pages (and the extension stores) offer nothing at all.

use chrono::NaiveDate;

use super::editor::validate;
use super::items::display_name;
use super::msg::{Collected, Effect, Write};
use super::words::{Text, Words};
use super::Model;
use crate::core::model::{Application, PostingDetails, Status};
use crate::core::posting::{
    self, employment_code, employment_parts, joined, normalise_url, EmploymentPart, Posting,
    PostingError, PostingNote, Salary, Source, EMPLOYMENT_TYPES,
};
use crate::core::words::Coded;

/// What the popup found on the page it was opened on.
// One per page: its size does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Capture {
    /// A posting was read (`found`), or none (`found` false: the form has the page's
    /// address and title only).
    Form {
        /// What was read, for the duplicate check (the form may be edited).
        posting: Posting,
        found: bool,
        /// The form is shown (at once for a posting; for a page without one, once asked).
        open: bool,
        form: CaptureForm,
    },
    /// The page could not be read: why, in words.
    Unreadable(Text),
}

/// The "Save this job" form as the user has filled it in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CaptureForm {
    pub company: String,
    pub role: String,
    /// The places, separated by ";".
    pub locations: String,
    pub remote: bool,
    pub salary: String,
    /// In the user's words ([`employment_words`]); stored as codes ([`employment_stored`]).
    pub employment_type: String,
    pub date_posted: String,
    pub valid_through: String,
    pub posting_id: String,
    pub url: String,
    /// `applied` (the default) or `saved`.
    pub status: String,
    pub applied: String,
    /// Kept as read: the description and the reader it came from.
    pub description: String,
    pub source: String,
    pub notes: Vec<PostingNote>,
    pub error: Option<Text>,
}

fn date_text(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// A figure as the page gave it: no decimals when it has none.
fn figure(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Pay as one editable line: "60000–75000 EUR / year".
pub fn salary_text(s: &Salary) -> String {
    let amount = match (s.min, s.max) {
        (Some(a), Some(b)) if a != b => format!("{}–{}", figure(a), figure(b)),
        (Some(a), _) | (None, Some(a)) => figure(a),
        (None, None) => return String::new(),
    };
    let mut out = amount;
    if !s.currency.is_empty() {
        out.push(' ');
        out.push_str(&s.currency);
    }
    if !s.unit.is_empty() {
        out.push_str(" / ");
        out.push_str(&s.unit.to_lowercase());
    }
    out
}

/// The message naming one of schema.org's employment types.
fn employment_key(code: &str) -> &'static str {
    match code {
        "FULL_TIME" => "employmentFullTime",
        "PART_TIME" => "employmentPartTime",
        "CONTRACTOR" => "employmentContractor",
        "TEMPORARY" => "employmentTemporary",
        "INTERN" => "employmentIntern",
        "VOLUNTEER" => "employmentVolunteer",
        "PER_DIEM" => "employmentPerDiem",
        _ => "employmentOther",
    }
}

/// A stored employment type in the user's words: schema.org's types named in the interface's
/// language ("Full-time, Contract"), anything else as it was written.
pub fn employment_words(w: &Words, stored: &str) -> String {
    let parts: Vec<String> = employment_parts(stored)
        .into_iter()
        .map(|p| match p {
            EmploymentPart::Code(code) => w.t(employment_key(code)),
            EmploymentPart::Text(text) => text.to_string(),
        })
        .collect();
    joined(parts.iter().map(String::as_str))
}

/// An employment type as typed in the form, as it is stored: a part that is the interface's
/// word for one of schema.org's types, or the type's code however spelled, becomes the code;
/// anything else stays as typed.
pub fn employment_stored(w: &Words, typed: &str) -> String {
    let parts = typed
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            employment_code(p)
                .or_else(|| {
                    let part = p.to_lowercase();
                    EMPLOYMENT_TYPES
                        .into_iter()
                        .find(|code| w.t(employment_key(code)).to_lowercase() == part)
                })
                .unwrap_or(p)
        });
    joined(parts)
}

impl CaptureForm {
    /// The form prefilled from `p`, in the user's words (`w`).
    pub fn from_posting(p: &Posting, today: NaiveDate, w: &Words) -> CaptureForm {
        CaptureForm {
            company: p.company.clone(),
            role: p.role.clone(),
            locations: p.locations.join("; "),
            remote: p.remote,
            salary: p.salary.as_ref().map(salary_text).unwrap_or_default(),
            employment_type: employment_words(w, &p.employment_type),
            date_posted: date_text(p.date_posted),
            valid_through: date_text(p.valid_through),
            posting_id: p.identifier.clone(),
            url: p.url.clone(),
            status: "applied".into(),
            applied: today.to_string(),
            description: p.description.clone(),
            source: p.source.as_str().to_string(),
            notes: p.notes.clone(),
            error: None,
        }
    }

    /// Takes a field of the form (`capture-<field>`); false when it is not this form's.
    pub fn input(&mut self, name: &str, value: &str) -> bool {
        let v = value.to_string();
        match name.strip_prefix("capture-") {
            Some("company") => self.company = v,
            Some("role") => self.role = v,
            Some("locations") => self.locations = v,
            Some("salary") => self.salary = v,
            Some("employment-type") => self.employment_type = v,
            Some("date-posted") => self.date_posted = v,
            Some("valid-through") => self.valid_through = v,
            Some("posting-id") => self.posting_id = v,
            Some("url") => self.url = v,
            Some("status") => self.status = v,
            Some("applied") => self.applied = v,
            _ => return false,
        }
        true
    }

    /// The new application the form describes, or what to fix first; `w` reads the words
    /// the form shows back into what is stored.
    pub fn to_application(
        &self,
        id: String,
        today: NaiveDate,
        w: &Words,
    ) -> Result<Application, Text> {
        let date = |text: &str| -> Result<Option<NaiveDate>, Text> {
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            text.parse()
                .map(Some)
                .map_err(|_| Text::with("errorDateOf", &[("text", text)]))
        };
        let status = if self.status == "saved" {
            Status::Saved
        } else {
            Status::Applied
        };
        let applied_on = match status {
            Status::Saved => None,
            _ => date(&self.applied)?,
        };
        let url = self.url.trim();
        let details = PostingDetails {
            locations: self
                .locations
                .split(';')
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect(),
            remote: self.remote,
            salary: self.salary.trim().to_string(),
            employment_type: employment_stored(w, &self.employment_type),
            date_posted: date(&self.date_posted)?,
            valid_through: date(&self.valid_through)?,
            posting_id: self.posting_id.trim().to_string(),
            description: self.description.clone(),
            source: self.source.clone(),
            captured_on: Some(today),
        };
        // A page without a posting, saved with none of its fields filled in, is stored as an
        // application added by hand.
        let said_something = !PostingDetails {
            source: String::new(),
            captured_on: None,
            ..details.clone()
        }
        .is_empty();
        let app = Application {
            id,
            company: self.company.trim().to_string(),
            role: self.role.trim().to_string(),
            posting_url: normalise_url(url).unwrap_or_else(|| url.to_string()),
            status,
            applied_on,
            posting: said_something.then_some(details),
            ..Default::default()
        };
        validate(&app)?;
        Ok(app)
    }
}

/// Schemes and hosts the browser keeps to itself: nothing is offered there.
pub fn browser_own(url: &str) -> bool {
    let Some((scheme, rest)) = url.trim().split_once("://") else {
        return true;
    };
    if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https") {
        return true;
    }
    let host = rest
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let path = rest.get(host.len()..).unwrap_or_default();
    host == "chromewebstore.google.com"
        || host == "addons.mozilla.org"
        || host == "microsoftedge.microsoft.com"
        || (host == "chrome.google.com" && path.starts_with("/webstore"))
}

/// Pages where saving a job makes no sense: the browser's own, the extension stores, webmail.
fn offers_nothing(url: &str) -> bool {
    !url.is_empty() && (browser_own(url) || crate::core::sites::site_of(url).is_some())
}

/// `url` and `title` of the collector's answer, when it is one.
fn page_of(json: &str) -> (String, String) {
    let page: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
    let field = |name: &str| page.get(name).and_then(|v| v.as_str()).unwrap_or_default();
    let url = field("url");
    (
        normalise_url(url).unwrap_or_else(|| url.to_string()),
        field("title").trim().to_string(),
    )
}

/// What the popup found on its page: read by the core, kept in the model.
pub fn collected(m: &mut Model, collected: Collected) -> Vec<Effect> {
    m.capture = match collected {
        Collected::Refused { url } if browser_own(&url) => None,
        Collected::Refused { .. } => Some(Capture::Unreadable(Text::key("captureRefused"))),
        Collected::Page(json) => match posting::read(&json, m.today) {
            // Nothing to save on the browser's pages or in webmail.
            _ if offers_nothing(&page_of(&json).0) => None,
            Ok(p) => Some(Capture::Form {
                form: CaptureForm::from_posting(&p, m.today, &m.words),
                // Only a title and meta tags: most pages have those, so one line until asked.
                open: p.source != Source::Meta,
                posting: p,
                found: true,
            }),
            Err(PostingError::NoPosting) => {
                let (url, title) = page_of(&json);
                let p = Posting {
                    url,
                    role: title,
                    ..Default::default()
                };
                let mut form = CaptureForm::from_posting(&p, m.today, &m.words);
                // No reader found anything.
                form.source.clear();
                Some(Capture::Form {
                    form,
                    posting: p,
                    found: false,
                    open: false,
                })
            }
            Err(e) => Some(Capture::Unreadable(Text::Coded(e.worded()))),
        },
    };
    Vec::new()
}

/// "Save this page as a job" on a page without a posting: the form opens.
pub fn expand(m: &mut Model) -> Vec<Effect> {
    if let Some(Capture::Form { open, .. }) = m.capture.as_mut() {
        *open = true;
        return vec![Effect::Focus("[name=\"capture-company\"]")];
    }
    Vec::new()
}

/// The application already saved for the page's posting.
pub fn duplicate<'a>(m: &'a Model, posting: &Posting) -> Option<&'a Application> {
    posting::find_duplicate(posting, &m.stored.apps)
}

/// Saves the form as a new application.
pub fn submit(m: &mut Model) -> Vec<Effect> {
    let id = m.ids.next("app-");
    let today = m.today;
    let Some(Capture::Form { form, .. }) = m.capture.as_mut() else {
        return Vec::new();
    };
    match form.to_application(id, today, &m.words) {
        Ok(app) => {
            form.error = None;
            let name = display_name(&m.words, &app);
            m.busy = true;
            vec![Effect::write(
                Write::SaveApp(app),
                Text::with("saved", &[("name", &name)]),
            )]
        }
        Err(problem) => {
            form.error = Some(problem);
            Vec::new()
        }
    }
}
