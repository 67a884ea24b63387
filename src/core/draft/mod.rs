//! Drafts: the text the user inserts into a webmail compose window, copies or edits, for every
//! action that sends something.
//!
//! - [`template`]: the template language (`{{variable}}`, sections, conditionals), parsed once
//!   and checked against the documented variables.
//! - [`builtin`](mod@builtin): the built-in wording, per action kind, with call and voicemail scripts.
//! - [`values`]: what the variables hold for one application, action and recipient.
//! - [`check`](mod@check): the warnings shown before insertion.
//! - [`sample`]: a complete example application for the options page's live preview.
//!
//! [`render_action`] ties them together: the user's own templates (by action-kind name in
//! `Settings::templates`) take precedence, the built-ins fill the gaps. See `docs/templates.md`.

pub mod builtin;
pub mod check;
mod note;
pub mod sample;
pub mod template;
pub mod values;
pub mod wording;

use std::fmt;

use chrono::NaiveDate;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

pub use builtin::{builtin, builtin_in, builtin_script, builtin_script_in};
pub use check::{
    check, word_count, word_limit, word_limit_in, CheckContext, ProfileField, Warning,
};
pub use sample::{preview, Sample};
pub use template::{parse, Rendered, Template, TemplateError, TemplateErrorKind, Values, Var};
pub use values::{format_date, format_date_in, MAX_BULLETS};
pub use wording::Wording;

use note::note_for;
use values::one_line;

use crate::core::model::{
    Action, ActionKind, Application, Contact, Language, Medium, Round, Settings,
};

/// A ready-to-send message for one action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    /// The key of the action this draft is for.
    pub action_key: String,
    pub kind: ActionKind,
    pub medium: Medium,
    /// The recipient's name as saved in the contact.
    pub recipient: Option<String>,
    /// Recipient email addresses; empty for a card, which goes by post.
    pub to: Vec<String>,
    /// One line; empty for a card.
    pub subject: String,
    /// Plain text, lines separated by `\n`.
    pub body: String,
    /// What to say on the phone, when the employer prefers calls.
    pub script: Option<Script>,
    /// A word for the user (not part of the message), e.g. that a reference request is not an
    /// offer.
    pub note: Option<String>,
    /// The language and form of address it is written in; English when read back without.
    #[serde(default = "english")]
    pub wording: Wording,
    /// Computed, never read back: [`check()`] recomputes them from the text.
    #[serde(skip_deserializing)]
    pub warnings: Vec<Warning>,
}

/// What to say when calling, and the message to leave if nobody answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Script {
    pub call: String,
    pub voicemail: String,
}

fn english() -> Wording {
    Wording::English
}

/// Why no draft could be made for an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftError {
    /// The action belongs to another application.
    WrongApplication { action_app: String, app: String },
    /// The action sends nothing (move on, application reminder).
    NothingToSend { kind: ActionKind },
    /// The action refers to an interview round that no longer exists.
    UnknownRound { id: String },
    /// The action is addressed to a contact that no longer exists.
    UnknownContact { id: String },
    /// A built-in template failed to parse.
    BuiltIn { key: String, error: TemplateError },
}

impl DraftError {
    fn code(&self) -> &'static str {
        match self {
            DraftError::WrongApplication { .. } => "wrong-application",
            DraftError::NothingToSend { .. } => "nothing-to-send",
            DraftError::UnknownRound { .. } => "unknown-round",
            DraftError::UnknownContact { .. } => "unknown-contact",
            DraftError::BuiltIn { .. } => "built-in",
        }
    }
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DraftError::WrongApplication { action_app, app } => write!(
                f,
                "this action belongs to application \"{action_app}\", not \"{app}\": refresh the \
                 list and open it again"
            ),
            DraftError::NothingToSend { kind } => write!(
                f,
                "\"{}\" sends nothing, so it has no draft: mark it done when you have acted on it",
                check::kind_label(*kind)
            ),
            DraftError::UnknownRound { id } => write!(
                f,
                "the interview round \"{id}\" this action is about no longer exists: refresh the \
                 list of actions"
            ),
            DraftError::UnknownContact { id } => write!(
                f,
                "the contact \"{id}\" this action is addressed to no longer exists: refresh the \
                 list of actions, or add the contact again"
            ),
            DraftError::BuiltIn { key, error } => write!(
                f,
                "the built-in template \"{key}\" could not be read ({error}): save your own \
                 version in the options"
            ),
        }
    }
}

impl std::error::Error for DraftError {}

impl Serialize for DraftError {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("DraftError", 2)?;
        st.serialize_field("type", self.code())?;
        st.serialize_field("message", &self.to_string())?;
        st.end()
    }
}

/// Which part of a draft a template produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    Subject,
    Body,
    Call,
    Voicemail,
}

impl Part {
    /// The key of the user's own template for this part of `kind` in `Settings::templates`:
    /// the kind's name for the body (`thank-you-email`), with a suffix for the other parts
    /// (`thank-you-email.subject`, `first-follow-up.call`, `first-follow-up.voicemail`).
    pub fn key(self, kind: ActionKind) -> String {
        match self {
            Part::Body => kind.as_str().to_string(),
            Part::Subject => format!("{}.subject", kind.as_str()),
            Part::Call => format!("{}.call", kind.as_str()),
            Part::Voicemail => format!("{}.voicemail", kind.as_str()),
        }
    }

    /// The key in `wording`: [`Part::key`] after the wording's prefix (`de:thank-you-email`,
    /// `de-du:first-follow-up.call`); English keys have none.
    pub fn key_in(self, kind: ActionKind, wording: Wording) -> String {
        format!("{}{}", wording.key_prefix(), self.key(kind))
    }
}

/// One editable template, as the options page lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TemplateSlot {
    /// The key in `Settings::templates`.
    pub key: String,
    pub kind: ActionKind,
    pub part: Part,
    pub wording: Wording,
    /// The built-in text used when the user has none.
    pub builtin: &'static str,
}

/// Every English template the user can replace, with its built-in text.
pub fn template_slots() -> Vec<TemplateSlot> {
    template_slots_in(Wording::English)
}

/// Every template of `wording` the user can replace, with its built-in text.
pub fn template_slots_in(wording: Wording) -> Vec<TemplateSlot> {
    let mut slots = Vec::new();
    for kind in ActionKind::ALL {
        let mut push = |part: Part, builtin: &'static str| {
            slots.push(TemplateSlot {
                key: part.key_in(kind, wording),
                kind,
                part,
                wording,
                builtin,
            });
        };
        if let Some((subject, body)) = builtin_in(kind, wording) {
            if !subject.is_empty() {
                push(Part::Subject, subject);
            }
            push(Part::Body, body);
        }
        if let Some((call, voicemail)) = builtin_script_in(kind, wording) {
            push(Part::Call, call);
            push(Part::Voicemail, voicemail);
        }
    }
    slots
}

/// The round an action is about and the contact it goes to. Follow-ups, feedback requests and
/// congratulations without a stored contact go to the hiring manager (or the round's first
/// interviewer).
pub(crate) fn resolve<'a>(
    app: &'a Application,
    action: &Action,
) -> Result<(Option<&'a Round>, Option<&'a Contact>), DraftError> {
    if action.app_id != app.id {
        return Err(DraftError::WrongApplication {
            action_app: action.app_id.clone(),
            app: app.id.clone(),
        });
    }
    let round = match &action.round_id {
        Some(id) => Some(
            app.round(id)
                .ok_or_else(|| DraftError::UnknownRound { id: id.clone() })?,
        ),
        None => app.latest_round(),
    };
    let contact = match &action.contact_id {
        Some(id) => Some(
            app.contact(id)
                .ok_or_else(|| DraftError::UnknownContact { id: id.clone() })?,
        ),
        None => default_recipient(app, action.kind, round),
    };
    Ok((round, contact))
}

fn default_recipient<'a>(
    app: &'a Application,
    kind: ActionKind,
    round: Option<&'a Round>,
) -> Option<&'a Contact> {
    let to_manager =
        kind.is_follow_up() || matches!(kind, ActionKind::AskFeedback | ActionKind::Congratulate);
    if !to_manager {
        return None;
    }
    match round {
        Some(r) => app.follow_up_contact(r),
        None => app.contacts.iter().find(|c| c.hiring_manager),
    }
}

impl CheckContext {
    /// What the checks need to know about `action`'s recipient and the user.
    pub fn for_action(
        app: &Application,
        action: &Action,
        settings: &Settings,
    ) -> Result<CheckContext, DraftError> {
        let (_, contact) = resolve(app, action)?;
        Ok(CheckContext {
            recipient_name: contact.map(|c| c.name.clone()),
            profile: settings.profile.clone(),
        })
    }
}

/// The user's template for `key` if they saved one that parses, otherwise the built-in. A
/// broken template of the user's is reported as a warning rather than blocking the draft.
fn template_for(
    settings: &Settings,
    key: &str,
    builtin_src: &str,
    warnings: &mut Vec<Warning>,
) -> Result<Template, DraftError> {
    if let Some(own) = settings.templates.get(key).filter(|s| !s.trim().is_empty()) {
        match parse(own) {
            Ok(t) => return Ok(t),
            Err(e) => warnings.push(Warning::BrokenTemplate {
                key: key.to_string(),
                message: e.to_string(),
            }),
        }
    }
    parse(builtin_src).map_err(|error| DraftError::BuiltIn {
        key: key.to_string(),
        error,
    })
}

/// Trailing spaces trimmed, runs of blank lines (left by empty sections) reduced to one, no
/// blank lines at either end.
pub(crate) fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_blank = false;
    for line in text.lines().map(str::trim_end) {
        if line.is_empty() {
            pending_blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if pending_blank {
                out.push('\n');
            }
        }
        pending_blank = false;
        out.push_str(line);
    }
    out
}

/// Profile fields are reported once, as missing contact details, not again as unfilled.
const PROFILE_VARS: [Var; 3] = [Var::MyName, Var::MyEmail, Var::MyPhone];

/// The draft for `action` with an English interface: see [`render_action_in`].
pub fn render_action(
    app: &Application,
    action: &Action,
    settings: &Settings,
    today: NaiveDate,
) -> Result<Draft, DraftError> {
    render_action_in(app, action, settings, today, Language::English)
}

/// The draft for `action`, rendered from the user's templates or the built-ins and checked.
/// It is written in the application's language (else the settings' default, else
/// `interface`, the language the user reads the extension in); notes to the user are in
/// `interface`.
pub fn render_action_in(
    app: &Application,
    action: &Action,
    settings: &Settings,
    today: NaiveDate,
    interface: Language,
) -> Result<Draft, DraftError> {
    let kind = action.kind;
    let wording = Wording::for_app(app, settings, interface);
    let (round, contact) = resolve(app, action)?;
    let Some((subject_src, body_src)) = builtin_in(kind, wording) else {
        return Err(DraftError::NothingToSend { kind });
    };
    let built = values::build(app, round, contact, kind, &settings.profile, today, wording);
    let mut warnings = Vec::new();
    let mut unfilled: Vec<Var> = Vec::new();
    let mut note_unfilled = |t: &Template, r: &Rendered| {
        let mut found = r.unfilled.clone();
        if t.uses(Var::Opening) || t.uses(Var::Closing) {
            found.extend(built.phrase_unfilled.iter().copied());
        }
        for var in found {
            if !unfilled.contains(&var) && !PROFILE_VARS.contains(&var) {
                unfilled.push(var);
            }
        }
    };

    let subject = if subject_src.is_empty() {
        String::new()
    } else {
        let t = template_for(
            settings,
            &Part::Subject.key_in(kind, wording),
            subject_src,
            &mut warnings,
        )?;
        let r = t.render(&built.values);
        note_unfilled(&t, &r);
        one_line(&r.text)
    };
    let body_t = template_for(
        settings,
        &Part::Body.key_in(kind, wording),
        body_src,
        &mut warnings,
    )?;
    let body_r = body_t.render(&built.values);
    note_unfilled(&body_t, &body_r);
    if (body_t.uses(Var::Points) || body_t.uses(Var::Bullets)) && built.points_noted > MAX_BULLETS {
        warnings.push(Warning::TooManyPoints {
            noted: built.points_noted,
            kept: MAX_BULLETS,
        });
    }

    let phone = action.medium == Medium::Phone;
    let script = match builtin_script_in(kind, wording) {
        Some((call_src, voicemail_src)) if phone => {
            let mut part = |p: Part, src: &str| -> Result<String, DraftError> {
                let t = template_for(settings, &p.key_in(kind, wording), src, &mut warnings)?;
                let r = t.render(&built.values);
                note_unfilled(&t, &r);
                Ok(tidy(&r.text))
            };
            Some(Script {
                call: part(Part::Call, call_src)?,
                voicemail: part(Part::Voicemail, voicemail_src)?,
            })
        }
        _ => None,
    };

    let saved_email = contact
        .filter(|_| kind != ActionKind::ThankYouCard)
        .map(|c| c.email.trim())
        .filter(|e| !e.is_empty());
    let to: Vec<String> = saved_email
        .and_then(usable_address)
        .map(|e| vec![e.to_string()])
        .unwrap_or_default();
    let unusable_email = saved_email.is_some() && to.is_empty();
    let mut draft = Draft {
        action_key: action.key.clone(),
        kind,
        medium: action.medium,
        recipient: contact.map(|c| one_line(&c.name)),
        to,
        subject,
        body: tidy(&body_r.text),
        note: note_for(kind, script.is_some(), interface),
        script,
        wording,
        warnings: Vec::new(),
    };
    let ctx = CheckContext {
        recipient_name: contact.map(|c| c.name.clone()),
        profile: settings.profile.clone(),
    };
    let checked = check(&draft, &ctx);
    for w in checked {
        // An address was saved but cannot be used: say that rather than "no address saved".
        match w {
            Warning::NoRecipientEmail { name } if unusable_email => {
                warnings.push(Warning::UnusableRecipientEmail { name });
            }
            w => warnings.push(w),
        }
    }
    warnings.extend(unfilled.into_iter().map(|v| Warning::UnfilledVariable {
        name: v.name().to_string(),
    }));
    draft.warnings = warnings;
    Ok(draft)
}

/// The saved `email`, trimmed, when it is one plain address that can go in a To field as it
/// is; `None` otherwise (see [`is_single_address`]).
pub fn usable_address(email: &str) -> Option<&str> {
    let email = email.trim();
    is_single_address(email).then_some(email)
}

/// Whether `email` is one address a webmail To field takes as it is: exactly one `@` with
/// text on both sides, and no whitespace, control character or list separator. A stored
/// value with a line break, a comma or angle brackets could otherwise add recipients (or
/// header lines) the user never saw.
fn is_single_address(email: &str) -> bool {
    let forbidden =
        |c: char| c.is_whitespace() || c.is_control() || matches!(c, ',' | ';' | '<' | '>' | '"');
    match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.is_empty()
                && !domain.contains('@')
                && !email.chars().any(forbidden)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests;
