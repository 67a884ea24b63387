//! The application editor: its form as the user has filled it in so far, the checks before
//! it can be saved, and what saving writes. The form's controls are named after the fields
//! they edit: `company`, `contact.2.email`, and a round's (`round.0.date`, `round.0.time`...,
//! see [`super::editor_rounds`]).

use chrono::NaiveDate;

use super::items::display_name;
use super::msg::{Effect, Write};
use super::today::parse_date;
use super::words::Text;
use super::{Model, View};
use crate::core::model::{Application, Contact, Language, Medium, Salutation, Status};
use crate::core::ops;

pub use super::editor_rounds::RoundForm;

/// The editor's form: text as typed (trimmed when saved), dates as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorForm {
    /// The application as it was when editing started (id, revision, history...).
    pub base: Application,
    pub company: String,
    pub role: String,
    pub posting: String,
    /// The posting's places (separated by ";") and pay, as in "Save this job".
    pub locations: String,
    pub salary: String,
    pub status: String,
    pub applied: String,
    pub decision: String,
    pub medium: String,
    pub no_contact: bool,
    pub notes: String,
    /// The correspondence language's code, empty for the settings' default.
    pub language: String,
    pub informal: bool,
    pub contacts: Vec<Contact>,
    pub rounds: Vec<RoundForm>,
    /// Why the last save was refused.
    pub error: Option<Text>,
}

fn date_text(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

impl EditorForm {
    pub fn new(app: &Application) -> EditorForm {
        EditorForm {
            base: app.clone(),
            company: app.company.clone(),
            role: app.role.clone(),
            posting: app.posting_url.clone(),
            locations: app
                .posting
                .as_ref()
                .map(|p| p.locations.join("; "))
                .unwrap_or_default(),
            salary: app
                .posting
                .as_ref()
                .map(|p| p.salary.clone())
                .unwrap_or_default(),
            status: app.status.as_str().to_string(),
            applied: date_text(app.applied_on),
            decision: date_text(app.decision_date),
            medium: match app.medium {
                None => String::new(),
                Some(Medium::Email) => "email".into(),
                Some(Medium::Phone) => "phone".into(),
            },
            no_contact: app.no_contact,
            notes: app.notes.clone(),
            language: app
                .language
                .map(|l| l.code().to_string())
                .unwrap_or_default(),
            informal: app.informal,
            contacts: app.contacts.clone(),
            rounds: app.rounds.iter().map(RoundForm::new).collect(),
            error: None,
        }
    }

    pub fn is_new(&self) -> bool {
        self.base.revision == 0
    }

    /// Takes the value of the field `name`; false when the field is not this form's.
    pub fn input(&mut self, name: &str, value: &str) -> bool {
        let v = value.to_string();
        match name {
            "company" => self.company = v,
            "role" => self.role = v,
            "posting" => self.posting = v,
            "locations" => self.locations = v,
            "salary" => self.salary = v,
            "status" => self.status = v,
            "applied" => self.applied = v,
            "decision" => self.decision = v,
            "medium" => self.medium = v,
            "notes" => self.notes = v,
            "language" => self.language = v,
            _ => return self.input_listed(name, v),
        }
        true
    }

    fn input_listed(&mut self, name: &str, v: String) -> bool {
        let mut parts = name.splitn(3, '.');
        let (Some(list), Some(index), Some(field)) = (parts.next(), parts.next(), parts.next())
        else {
            return false;
        };
        let Ok(i) = index.parse::<usize>() else {
            return false;
        };
        match list {
            "contact" => {
                let Some(c) = self.contacts.get_mut(i) else {
                    return false;
                };
                match field {
                    "name" => c.name = v,
                    "title" => c.title = v,
                    "email" => c.email = v,
                    "phone" => c.phone = v,
                    "salutation" => c.salutation = salutation(&v),
                    "academic-title" => c.academic_title = v,
                    _ => return false,
                }
            }
            "round" => {
                return self.rounds.get_mut(i).is_some_and(|r| r.input(field, v));
            }
            _ => return false,
        }
        true
    }

    /// Ticks or clears the checkbox `name`; false when it is not this form's.
    pub fn check(&mut self, name: &str, on: bool) -> bool {
        if name == "no-contact" {
            self.no_contact = on;
            return true;
        }
        if name == "informal" {
            self.informal = on;
            return true;
        }
        let mut parts = name.splitn(3, '.');
        let (Some(list), Some(Ok(i)), Some(field)) = (
            parts.next(),
            parts.next().map(str::parse::<usize>),
            parts.next(),
        ) else {
            return false;
        };
        match (list, field) {
            ("contact", "manager") | ("contact", "reference") => {
                let Some(c) = self.contacts.get_mut(i) else {
                    return false;
                };
                if field == "manager" {
                    c.hiring_manager = on;
                } else {
                    c.reference = on;
                }
            }
            ("round", f) if f.starts_with("with.") => {
                let id = &f["with.".len()..];
                let Some(r) = self.rounds.get_mut(i) else {
                    return false;
                };
                let ticked = r.with.iter().any(|(c, _)| c == id);
                if on && !ticked && self.contacts.iter().any(|c| c.id == id) {
                    r.with.push((id.to_string(), String::new()));
                } else if !on {
                    r.with.retain(|(c, _)| c != id);
                }
            }
            _ => return false,
        }
        true
    }

    pub fn add_contact(&mut self, id: String) {
        self.contacts.push(Contact {
            id,
            ..Default::default()
        });
    }

    pub fn remove_contact(&mut self, index: usize) {
        if index < self.contacts.len() {
            let gone = self.contacts.remove(index).id;
            for r in &mut self.rounds {
                r.with.retain(|(c, _)| *c != gone);
            }
        }
    }

    pub fn add_round(&mut self, id: String, today: NaiveDate) {
        self.rounds.push(RoundForm::on(id, today));
    }

    pub fn remove_round(&mut self, index: usize) {
        if index < self.rounds.len() {
            self.rounds.remove(index);
        }
    }

    /// The application the form describes, or what the user must fix first.
    pub fn to_application(&self) -> Result<Application, Text> {
        let mut app = self.base.clone();
        app.company = self.company.trim().to_string();
        app.role = self.role.trim().to_string();
        app.posting_url = self.posting.trim().to_string();
        let locations: Vec<String> = self
            .locations
            .split(';')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect();
        let salary = self.salary.trim().to_string();
        // An application added by hand gets posting details only when given some.
        if app.posting.is_some() || !locations.is_empty() || !salary.is_empty() {
            let details = app.posting.get_or_insert_with(Default::default);
            details.locations = locations;
            details.salary = salary;
        }
        app.status = Status::parse(&self.status);
        app.applied_on = optional_date(&self.applied)?;
        app.decision_date = optional_date(&self.decision)?;
        app.medium = match self.medium.as_str() {
            "email" => Some(Medium::Email),
            "phone" => Some(Medium::Phone),
            _ => None,
        };
        app.no_contact = self.no_contact;
        app.notes = self.notes.clone();
        app.language = Language::ALL
            .into_iter()
            .find(|l| l.code() == self.language);
        app.informal = self.informal;
        app.contacts = self
            .contacts
            .iter()
            .map(|c| Contact {
                id: c.id.clone(),
                name: c.name.trim().to_string(),
                title: c.title.trim().to_string(),
                email: c.email.trim().to_string(),
                phone: c.phone.trim().to_string(),
                hiring_manager: c.hiring_manager,
                reference: c.reference,
                salutation: c.salutation,
                academic_title: c.academic_title.trim().to_string(),
            })
            .collect();
        let rounds = self
            .rounds
            .iter()
            .map(|r| r.to_round(&app.contacts))
            .collect::<Result<Vec<_>, Text>>()?;
        app.rounds = rounds;
        validate(&app)?;
        Ok(app)
    }
}

/// The salutation a contact's select names: `frau`, `herr`, anything else none.
fn salutation(value: &str) -> Option<Salutation> {
    match value {
        "frau" => Some(Salutation::Frau),
        "herr" => Some(Salutation::Herr),
        _ => None,
    }
}

fn optional_date(text: &str) -> Result<Option<NaiveDate>, Text> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    parse_date(text)
        .map(Some)
        .ok_or_else(|| Text::with("errorDateOf", &[("text", text)]))
}

/// What the user must fix before the application can be saved.
pub fn validate(app: &Application) -> Result<(), Text> {
    if app.company.is_empty() && app.role.is_empty() {
        return Err(Text::key("errorCompanyOrRole"));
    }
    if app.contacts.iter().any(|c| c.name.is_empty()) {
        return Err(Text::key("errorContactName"));
    }
    if let Some(c) = app
        .contacts
        .iter()
        .find(|c| !c.email.is_empty() && !looks_like_email(&c.email))
    {
        return Err(Text::with("errorEmail", &[("email", &c.email)]));
    }
    let contact_ids = app.contacts.iter().map(|c| c.id.as_str());
    let round_ids = app.rounds.iter().map(|r| r.id.as_str());
    for ids in [contact_ids.collect::<Vec<_>>(), round_ids.collect()] {
        if let Some(dup) = ids
            .iter()
            .enumerate()
            .find_map(|(i, id)| ids[..i].contains(id).then_some(*id))
        {
            return Err(Text::with("errorDuplicateId", &[("id", dup)]));
        }
    }
    Ok(())
}

fn looks_like_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty() && domain.contains('.') && !s.contains(char::is_whitespace)
        }
        None => false,
    }
}

/// Saves the form: refused with its reason shown in the form, or written with the status
/// change recorded on its date like any other.
pub fn submit(m: &mut Model) -> Vec<Effect> {
    let Some(form) = m.editor.as_mut() else {
        return Vec::new();
    };
    let mut app = match form.to_application() {
        Ok(app) => app,
        Err(problem) => {
            form.error = Some(problem);
            return Vec::new();
        }
    };
    form.error = None;
    let before = m.app(&app.id).map(|a| a.status.clone());
    let chosen = app.status.clone();
    if let Some(old) = before.filter(|old| *old != chosen) {
        app.status = old;
        match ops::record_status(&app, m.today, chosen.clone()) {
            Ok(next) => app = next,
            Err(_) => app.status = chosen,
        }
    }
    let name = display_name(&m.words, &app);
    m.view = View::App(app.id.clone());
    m.editor = None;
    m.busy = true;
    vec![Effect::write(
        Write::SaveApp(app),
        Text::with("saved", &[("name", &name)]),
    )]
}
