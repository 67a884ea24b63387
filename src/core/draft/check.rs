//! The checks a draft passes before it is inserted: length for its kind, number of bullets,
//! the user's contact details, leftover placeholders, the recipient's name as spelled in the
//! contact, and a recipient address. They run on the text as it stands, so they also catch
//! problems the user introduces while editing.

use std::fmt;

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use super::values::MAX_BULLETS;
use super::Draft;
use crate::core::model::{ActionKind, Language, Profile};

/// Something the user should look at before sending. Each has a message saying what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// The body is longer than suits its kind.
    TooLong {
        kind: ActionKind,
        words: usize,
        limit: usize,
    },
    /// More bullet lines than the five a thank-you should carry.
    TooManyBullets { count: usize },
    /// More discussion points were noted than the draft uses.
    TooManyPoints { noted: usize, kept: usize },
    /// The user's own name, email or phone is missing from their profile.
    MissingContactDetails { missing: Vec<ProfileField> },
    /// A variable the template needed had no value.
    UnfilledVariable { name: String },
    /// The text still contains a `{{...}}` placeholder.
    Placeholder { found: String },
    /// The greeting names someone other than the contact as saved.
    NameMismatch { found: String, expected: String },
    /// Nobody is set to receive this action.
    NoRecipient,
    /// The recipient has no email address saved.
    NoRecipientEmail { name: String },
    /// The recipient's saved address is not one plain address (line breaks, spaces, several
    /// addresses), so it is not put in the To field.
    UnusableRecipientEmail { name: String },
    /// The subject line is empty.
    EmptySubject,
    /// The user's own template for `key` does not parse; the built-in text was used instead.
    BrokenTemplate { key: String, message: String },
}

/// The parts of the user's profile a signature needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProfileField {
    Name,
    Email,
    Phone,
}

impl ProfileField {
    fn label(self) -> &'static str {
        match self {
            ProfileField::Name => "name",
            ProfileField::Email => "email address",
            ProfileField::Phone => "phone number",
        }
    }
}

/// How the kind is named in messages.
pub(crate) fn kind_label(kind: ActionKind) -> &'static str {
    kind.info().noun
}

/// The most words an English body of `kind` should have (see [`crate::core::kinds::KINDS`]).
pub fn word_limit(kind: ActionKind) -> Option<usize> {
    kind.info().word_limit
}

/// The most words a body of `kind` in `language` should have. German says the same in fewer,
/// longer words (compounds, no articles before many nouns), so its limits are a tenth lower:
/// a German follow-up past 108 words reads as long as an English one past 120.
pub fn word_limit_in(kind: ActionKind, language: Language) -> Option<usize> {
    let limit = word_limit(kind)?;
    Some(match language {
        Language::English => limit,
        Language::German => limit - limit / 10,
    })
}

/// Words as a reader counts them: runs of text holding at least one letter or digit, so that
/// bullet dashes and separators do not count.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

impl Warning {
    fn code(&self) -> &'static str {
        match self {
            Warning::TooLong { .. } => "too-long",
            Warning::TooManyBullets { .. } => "too-many-bullets",
            Warning::TooManyPoints { .. } => "too-many-points",
            Warning::MissingContactDetails { .. } => "missing-contact-details",
            Warning::UnfilledVariable { .. } => "unfilled-variable",
            Warning::Placeholder { .. } => "placeholder",
            Warning::NameMismatch { .. } => "name-mismatch",
            Warning::NoRecipient => "no-recipient",
            Warning::NoRecipientEmail { .. } => "no-recipient-email",
            Warning::UnusableRecipientEmail { .. } => "unusable-recipient-email",
            Warning::EmptySubject => "empty-subject",
            Warning::BrokenTemplate { .. } => "broken-template",
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::TooLong { kind, words, limit } => write!(
                f,
                "{words} words is long for a {}: cut it to {limit} or fewer",
                kind_label(*kind)
            ),
            Warning::TooManyBullets { count } => write!(
                f,
                "{count} bullet points: keep the {MAX_BULLETS} that matter most to this reader"
            ),
            Warning::TooManyPoints { noted, kept } => write!(
                f,
                "{noted} discussion points are noted for this person; the draft uses the first \
                 {kept}: reorder them to choose which"
            ),
            Warning::MissingContactDetails { missing } => {
                let list: Vec<&str> = missing.iter().map(|m| m.label()).collect();
                write!(
                    f,
                    "your {} missing from the signature: add {} to your profile in the options",
                    join_and(&list, if list.len() == 1 { "is" } else { "are" }),
                    if list.len() == 1 { "it" } else { "them" }
                )
            }
            Warning::UnfilledVariable { name } => write!(
                f,
                "{{{{{name}}}}} has no value, so the sentence around it may read oddly: fill it in \
                 on the application or edit the text"
            ),
            Warning::Placeholder { found } => {
                write!(
                    f,
                    "the text still contains \"{found}\": replace it before sending"
                )
            }
            Warning::NameMismatch { found, expected } => write!(
                f,
                "the greeting says \"{found}\" but the contact is saved as \"{expected}\": check \
                 the spelling"
            ),
            Warning::NoRecipient => f.write_str(
                "nobody is set to receive this: add the hiring manager or an interviewer to the \
                 application",
            ),
            Warning::NoRecipientEmail { name } if name.is_empty() => f.write_str(
                "the recipient has no email address saved: add it to the contact before sending",
            ),
            Warning::NoRecipientEmail { name } => write!(
                f,
                "no email address is saved for {name}: add it to the contact before sending"
            ),
            Warning::UnusableRecipientEmail { name } => write!(
                f,
                "the email address saved for {} is not a single plain address (it has spaces, \
                 line breaks or several addresses), so the To field is left empty: correct it \
                 in the contact",
                if name.is_empty() {
                    "the recipient"
                } else {
                    name.as_str()
                }
            ),
            Warning::EmptySubject => {
                f.write_str("the subject is empty: add one that names the role")
            }
            Warning::BrokenTemplate { key, message } => write!(
                f,
                "your template \"{key}\" has an error ({message}); the built-in text is used until \
                 you fix it in the options"
            ),
        }
    }
}

/// "a, b and c is/are".
fn join_and(items: &[&str], verb: &str) -> String {
    match items {
        [] => String::new(),
        [one] => format!("{one} {verb}"),
        [rest @ .., last] => format!("{} and {last} {verb}", rest.join(", ")),
    }
}

impl Serialize for Warning {
    /// `{ "type": "too-long", "message": "...", ...fields }`, as a plain object.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Warning", 5)?;
        st.serialize_field("type", self.code())?;
        st.serialize_field("message", &self.to_string())?;
        match self {
            Warning::TooLong { kind, words, limit } => {
                st.serialize_field("kind", kind)?;
                st.serialize_field("words", words)?;
                st.serialize_field("limit", limit)?;
            }
            Warning::TooManyBullets { count } => st.serialize_field("count", count)?,
            Warning::TooManyPoints { noted, kept } => {
                st.serialize_field("noted", noted)?;
                st.serialize_field("kept", kept)?;
            }
            Warning::MissingContactDetails { missing } => st.serialize_field("missing", missing)?,
            Warning::UnfilledVariable { name } => st.serialize_field("name", name)?,
            Warning::Placeholder { found } => st.serialize_field("found", found)?,
            Warning::NameMismatch { found, expected } => {
                st.serialize_field("found", found)?;
                st.serialize_field("expected", expected)?;
            }
            Warning::NoRecipient | Warning::EmptySubject => {}
            Warning::NoRecipientEmail { name } | Warning::UnusableRecipientEmail { name } => {
                st.serialize_field("name", name)?
            }
            Warning::BrokenTemplate { key, message: _ } => st.serialize_field("key", key)?,
        }
        st.end()
    }
}

/// What the checks compare a draft with: the recipient's name as saved and the user's profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CheckContext {
    /// The recipient's full name as saved in the contact; `None` when nobody is set.
    pub recipient_name: Option<String>,
    pub profile: Profile,
}

/// Words that open a greeting line, in English and German.
const GREETINGS: &[&str] = &[
    "dear",
    "hello",
    "hi",
    "hey",
    "hiya",
    "greetings",
    "good",
    "morning",
    "afternoon",
    "evening",
    "sehr",
    "geehrte",
    "geehrter",
    "liebe",
    "lieber",
    "hallo",
    "guten",
    "tag",
    "morgen",
    "abend",
    "moin",
    "servus",
    "grüezi",
];
/// Honorifics: after one, the greeting names the surname.
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "frau",
    "herr",
];
/// Words that may follow a greeting without being anyone's name.
const NOT_NAMES: &[&str] = &[
    "all", "team", "everyone", "there", "folks", "sir", "madam", "thanks", "welcome", "damen",
    "zusammen", "alle", "leute",
];

/// Runs every text check on `draft` (subject, body and any phone script).
pub fn check(draft: &Draft, ctx: &CheckContext) -> Vec<Warning> {
    let kind = draft.kind;
    let mut warnings = Vec::new();

    if let Some(limit) = word_limit_in(kind, draft.wording.language()) {
        let words = word_count(&draft.body);
        if words > limit {
            warnings.push(Warning::TooLong { kind, words, limit });
        }
    }

    let bullets = draft.body.lines().filter(|l| is_bullet(l)).count();
    if bullets > MAX_BULLETS {
        warnings.push(Warning::TooManyBullets { count: bullets });
    }

    let mut missing = vec![];
    let p = &ctx.profile;
    let needed: &[(ProfileField, &str)] = if kind == ActionKind::ThankYouCard {
        &[(ProfileField::Name, &p.name)]
    } else {
        &[
            (ProfileField::Name, &p.name),
            (ProfileField::Email, &p.email),
            (ProfileField::Phone, &p.phone),
        ]
    };
    for (field, value) in needed {
        if value.trim().is_empty() {
            missing.push(*field);
        }
    }
    if !missing.is_empty() {
        warnings.push(Warning::MissingContactDetails { missing });
    }

    let script = draft.script.as_ref();
    let texts = [
        Some(draft.subject.as_str()),
        Some(draft.body.as_str()),
        script.map(|s| s.call.as_str()),
        script.map(|s| s.voicemail.as_str()),
    ];
    for text in texts.into_iter().flatten() {
        if let Some(found) = placeholder(text) {
            let w = Warning::Placeholder { found };
            if !warnings.contains(&w) {
                warnings.push(w);
            }
        }
    }

    if let Some(name) = ctx.recipient_name.as_deref() {
        if let Some(w) = greeting_mismatch(&draft.body, name) {
            warnings.push(w);
        }
    }

    match &ctx.recipient_name {
        None => warnings.push(Warning::NoRecipient),
        Some(name)
            if kind != ActionKind::ThankYouCard && draft.to.iter().all(|t| t.trim().is_empty()) =>
        {
            warnings.push(Warning::NoRecipientEmail {
                name: name.trim().to_string(),
            });
        }
        Some(_) => {}
    }

    if kind != ActionKind::ThankYouCard && draft.subject.trim().is_empty() {
        warnings.push(Warning::EmptySubject);
    }
    warnings
}

fn is_bullet(line: &str) -> bool {
    let t = line.trim_start();
    ["- ", "* ", "• ", "– "].iter().any(|b| t.starts_with(b))
}

/// The first `{{...}}` (or stray `{{`/`}}`) left in `text`, shortened for display.
fn placeholder(text: &str) -> Option<String> {
    let start = text.find("{{").or_else(|| text.find("}}"))?;
    let rest = &text[start..];
    let end = rest
        .get(2..)
        .and_then(|r| r.find("}}"))
        .map_or(2, |i| i + 4);
    let found: String = rest.get(..end).unwrap_or("{{").chars().take(40).collect();
    Some(found)
}

/// Compares the name in the greeting line (the first non-blank line) with the saved name:
/// the first name, or the surname after an honorific. Case matters: "john" is not "John".
fn greeting_mismatch(body: &str, saved: &str) -> Option<Warning> {
    let saved_words: Vec<&str> = saved.split_whitespace().collect();
    let (first, last) = (saved_words.first()?, saved_words.last()?);
    let line = body.lines().find(|l| !l.trim().is_empty())?;
    let words: Vec<&str> = line
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | '.' | ':' | ';' | '!' | '?')))
        .filter(|w| !w.is_empty())
        .collect();
    let lower = |w: &str| w.to_lowercase();
    let starts_with_greeting = words
        .first()
        .is_some_and(|w| GREETINGS.contains(&lower(w).as_str()));
    let lone_name = words.len() == 1 && line.trim_end().ends_with(',');
    if !starts_with_greeting && !lone_name {
        return None;
    }
    let mut honorific = false;
    let mut rest = words.iter().copied();
    let found = loop {
        let w = rest.next()?;
        let l = lower(w);
        if GREETINGS.contains(&l.as_str()) {
            continue;
        }
        if HONORIFICS.contains(&l.as_str()) {
            honorific = true;
            continue;
        }
        break w;
    };
    if NOT_NAMES.contains(&lower(found).as_str()) {
        return None;
    }
    let expected = if honorific { *last } else { *first };
    (found != expected).then(|| Warning::NameMismatch {
        found: found.to_string(),
        expected: expected.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greeting_names_are_compared_case_sensitively() {
        let m = |body: &str| greeting_mismatch(body, "John Smith");
        assert_eq!(m("Dear John,\n..."), None);
        assert_eq!(m("\n  Hi John Smith!\n"), None);
        assert_eq!(
            m("Dear Jon,\nThanks"),
            Some(Warning::NameMismatch {
                found: "Jon".into(),
                expected: "John".into()
            })
        );
        assert!(m("Hello john,").is_some());
        assert_eq!(m("Dear Mr. Smith,"), None);
        assert!(m("Dear Dr Smyth,").is_some());
        assert!(m("Jon,\nthanks").is_some());
        assert_eq!(m("Good morning John,"), None);
        assert_eq!(m("Hi team,"), None);
        assert_eq!(m("Thank you for the interview."), None);
        assert_eq!(greeting_mismatch("Dear Jon,", "   "), None);
    }

    #[test]
    fn placeholders_are_found_and_shortened() {
        assert_eq!(
            placeholder("Dear {{first_name}},"),
            Some("{{first_name}}".into())
        );
        assert_eq!(placeholder("a {{ b"), Some("{{".into()));
        assert_eq!(placeholder("a }} b"), Some("}}".into()));
        assert_eq!(placeholder("plain"), None);
        let long = format!("{{{{{}}}}}", "é".repeat(100));
        assert_eq!(placeholder(&long).map(|s| s.chars().count()), Some(40));
    }

    #[test]
    fn words_ignore_bullet_marks() {
        assert_eq!(word_count("- one two\n- three\n—\n"), 3);
    }

    #[test]
    fn messages_read_as_sentences() {
        let w = Warning::MissingContactDetails {
            missing: vec![ProfileField::Email, ProfileField::Phone],
        };
        assert_eq!(
            w.to_string(),
            "your email address and phone number are missing from the signature: add them to your \
             profile in the options"
        );
        let json = serde_json::to_value(&w).expect("serialises");
        assert_eq!(json["type"], "missing-contact-details");
        assert_eq!(json["missing"], serde_json::json!(["email", "phone"]));
    }
}
