//! The templates of the drafts: choose a wording (English, German with "Sie", German with
//! "du") and one of its templates, edit it with a live preview on a sample application in
//! that wording, save it or go back to the built-in text.

use super::items::kind_label;
use super::msg::{Effect, Write};
use super::node::{button, el, labelled, select, textarea, Node};
use super::words::{Text, Words};
use super::Model;
use crate::core::draft::{self, template_slots_in, Part, Sample, TemplateSlot, Wording};
use crate::core::model::{ActionKind, Settings};

/// The template being edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateForm {
    /// Whose templates are listed: English, or German formal or informal.
    pub wording: Wording,
    /// Its key in `Settings::templates`.
    pub slot: String,
    /// The text in the editor.
    pub text: String,
    /// The text was changed since it was read or saved.
    pub dirty: bool,
}

impl Default for TemplateForm {
    fn default() -> Self {
        TemplateForm {
            wording: Wording::English,
            slot: String::new(),
            text: String::new(),
            dirty: false,
        }
    }
}

/// The wordings by the code their select uses.
const WORDINGS: [(&str, Wording, &str); 3] = [
    ("en", Wording::English, "wordingEnglish"),
    ("de", Wording::German, "wordingGerman"),
    ("de-du", Wording::GermanInformal, "wordingGermanInformal"),
];

impl TemplateForm {
    /// Follows the stored settings: a valid slot, and its text unless the user is editing it.
    pub fn refresh(&mut self, settings: &Settings) {
        let slots = template_slots_in(self.wording);
        if !slots.iter().any(|s| s.key == self.slot) {
            self.slot = slots.first().map(|s| s.key.clone()).unwrap_or_default();
            self.dirty = false;
        }
        if !self.dirty {
            self.text = stored_text(settings, &slots, &self.slot);
        }
    }

    /// Another template was chosen: its text replaces the editor's.
    pub fn choose(&mut self, slot: &str, settings: &Settings) {
        self.slot = slot.to_string();
        self.dirty = false;
        self.refresh(settings);
    }

    /// Another wording was chosen (by its code): the same template in it, or its first one.
    pub fn choose_wording(&mut self, code: &str, settings: &Settings) {
        let Some((_, wording, _)) = WORDINGS.iter().find(|(c, _, _)| *c == code) else {
            return;
        };
        let bare = self
            .slot
            .strip_prefix(self.wording.key_prefix())
            .unwrap_or(&self.slot)
            .to_string();
        self.wording = *wording;
        self.choose(&format!("{}{bare}", wording.key_prefix()), settings);
    }

    pub fn edit(&mut self, text: &str) {
        self.text = text.to_string();
        self.dirty = true;
    }
}

fn stored_text(settings: &Settings, slots: &[TemplateSlot], key: &str) -> String {
    settings.templates.get(key).cloned().unwrap_or_else(|| {
        slots
            .iter()
            .find(|s| s.key == key)
            .map(|s| s.builtin.to_string())
            .unwrap_or_default()
    })
}

fn slot_label(w: &Words, kind: ActionKind, part: Part) -> String {
    let part = w.t(match part {
        Part::Subject => "partSubject",
        Part::Body => "partBody",
        Part::Call => "partCall",
        Part::Voicemail => "partVoicemail",
    });
    format!("{} · {part}", kind_label(w, kind))
}

/// The sample in `wording` rendered with `text`, or the error with its position.
pub fn preview_of(
    text: &str,
    kind: ActionKind,
    wording: Wording,
    settings: &Settings,
) -> (String, String) {
    let sample = Sample::for_wording(wording).with_profile(settings.profile.clone());
    match draft::preview(text, kind, &sample) {
        Ok(p) => (p, String::new()),
        Err(e) => (String::new(), e.to_string()),
    }
}

pub fn view(m: &Model) -> Node {
    let w = &m.words;
    let slots = template_slots_in(m.template.wording);
    let Some(slot) = slots.iter().find(|s| s.key == m.template.slot) else {
        return el("section");
    };
    let options: Vec<(String, String)> = slots
        .iter()
        .map(|s| {
            let mark = if m.stored.settings.templates.contains_key(&s.key) {
                format!(" ({})", w.t("edited"))
            } else {
                String::new()
            };
            (
                s.key.clone(),
                format!("{}{mark}", slot_label(w, s.kind, s.part)),
            )
        })
        .collect();
    let text = &m.template.text;
    let (preview, error) = preview_of(text, slot.kind, m.template.wording, &m.stored.settings);
    let wordings: Vec<(String, String)> = WORDINGS
        .iter()
        .map(|(code, _, key)| (code.to_string(), w.t(key)))
        .collect();
    let wording = WORDINGS
        .iter()
        .find(|(_, x, _)| *x == m.template.wording)
        .map_or("en", |(code, _, _)| code);
    let vars: Vec<String> = draft::Var::ALL
        .iter()
        .map(|v| format!("{{{{{}}}}} {}", v.name(), v.description()))
        .collect();
    el("form")
        .class("templates")
        .attr("data-form", "template")
        .child(el("h2").text(&w.t("templatesTitle")))
        .child(el("p").class("hint").text(&w.t("templatesHint")))
        .child(labelled(
            &w.t("templateWording"),
            select("template-wording", &wordings, wording),
        ))
        .child(labelled(
            &w.t("templateChoose"),
            select("template-slot", &options, &slot.key),
        ))
        .child(labelled(
            &w.t("templateText"),
            textarea("template-text", text)
                .attr("rows", "12")
                .attr("spellcheck", "true"),
        ))
        .child(
            el("p")
                .class("message error template-error")
                .attr("role", "alert")
                .text(&error),
        )
        .child(el("h3").text(&w.t("templatePreview")))
        .child(
            el("pre")
                .class("text preview")
                .attr("aria-live", "polite")
                .text(&preview),
        )
        .child(
            el("details")
                .child(el("summary").text(&w.t("templateVars")))
                .child(el("pre").class("text").text(&vars.join("\n"))),
        )
        .child(
            el("div")
                .class("buttons")
                .child(
                    el("button")
                        .attr("type", "submit")
                        .class("primary")
                        .text(&w.t("templateSave")),
                )
                .child(button(&w.t("templateReset"), "template-reset").attr("data-key", &slot.key)),
        )
}

/// Saves the edited template (the built-in text is stored as "no template of my own").
pub fn submit(m: &mut Model) -> Vec<Effect> {
    let key = m.template.slot.clone();
    let text = m.template.text.clone();
    if let Err(e) = draft::parse(&text) {
        m.error(Text::with("templateBroken", &[("error", &e.to_string())]));
        return Vec::new();
    }
    let builtin = template_slots_in(m.template.wording)
        .into_iter()
        .find(|s| s.key == key)
        .map(|s| s.builtin);
    let mut settings = m.stored.settings.clone();
    if builtin == Some(text.as_str()) {
        settings.templates.remove(&key);
    } else {
        settings.templates.insert(key, text);
    }
    m.template.dirty = false;
    save(m, settings, "templateSaved")
}

pub fn reset(m: &mut Model, key: &str) -> Vec<Effect> {
    let mut settings = m.stored.settings.clone();
    settings.templates.remove(key);
    m.template.dirty = false;
    save(m, settings, "templateResetDone")
}

fn save(m: &mut Model, settings: Settings, done: &'static str) -> Vec<Effect> {
    m.busy = true;
    let revision = m.stored.settings_revision;
    vec![Effect::write(
        Write::SaveSettings { settings, revision },
        Text::key(done),
    )]
}
