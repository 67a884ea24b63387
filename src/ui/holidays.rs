//! Public holidays from a calendar file: the form that picks one, and what reading it does.
//! The days are added to the user's own days off (the core decides which: all-day events),
//! and a file that is not a usable calendar is refused with its reason, writing nothing.

use super::msg::Effect;
use super::node::{el, labelled, Node};
use super::words::Text;
use super::{Model, Write};
use crate::core::calendar::{import_holiday_ics, IcsImportError, MAX_ICS_BYTES};

pub fn view(m: &Model) -> Node {
    let w = &m.words;
    el("form")
        .class("holidays-import")
        // An import form: the browser side reads its file first (see `Msg::HolidaysPicked`).
        .attr("data-form", "import")
        .attr("data-import", "holidays")
        .child(el("h2").text(&w.t("icsImportTitle")))
        .child(el("p").class("hint").text(&w.t("icsImportHint")))
        .child(labelled(
            &w.t("icsImportFile"),
            el("input")
                .attr("type", "file")
                .attr("name", "holiday-file")
                .attr("accept", ".ics,text/calendar"),
        ))
        .child(
            el("button")
                .attr("type", "submit")
                .attr_if(m.busy, "disabled", "")
                .text(&w.t("icsImportButton")),
        )
}

/// The refusal in words through `_locales`.
fn refusal(error: &IcsImportError) -> Text {
    Text::Msg(error.message_key(), error.args())
}

/// The form was submitted with a file of `size` bytes, or none: a file past the limit is
/// refused before it is read.
pub fn picked(m: &mut Model, size: Option<f64>) -> Vec<Effect> {
    match size {
        None => m.error(Text::key("icsNoFile")),
        Some(size) if size > MAX_ICS_BYTES as f64 => m.error(refusal(&IcsImportError::TooLarge {
            size_kb: (size as u64).div_ceil(1024),
            limit_kb: MAX_ICS_BYTES as u64 / 1024,
        })),
        Some(_) => return vec![Effect::ReadHolidayFile],
    }
    Vec::new()
}

/// The chosen file's text: its all-day events saved as days off, or the refusal.
pub fn read(m: &mut Model, text: Option<String>) -> Vec<Effect> {
    let Some(text) = text else {
        m.error(Text::key("importUnreadable"));
        return Vec::new();
    };
    let (holidays, summary) = match import_holiday_ics(&m.stored.settings.holidays, &text) {
        Ok(done) => done,
        Err(e) => {
            m.error(refusal(&e));
            return Vec::new();
        }
    };
    // Days typed into the settings form but not saved yet stay there, with the new ones.
    if m.settings.dirty {
        let typed = m.settings.own_holidays.clone();
        let mut lines: Vec<String> = typed.lines().map(str::to_string).collect();
        for day in &holidays.own {
            let day = day.to_string();
            if !lines.iter().any(|l| l.trim() == day) {
                lines.push(day);
            }
        }
        m.settings.own_holidays = lines.join("\n");
    }
    let mut settings = m.stored.settings.clone();
    settings.holidays = holidays;
    m.busy = true;
    let revision = m.stored.settings_revision;
    vec![Effect::write(
        Write::SaveSettings { settings, revision },
        Text::with(
            "icsImported",
            &[
                ("added", &summary.added.to_string()),
                ("already", &summary.already.to_string()),
                ("skipped", &summary.skipped.to_string()),
            ],
        ),
    )]
}
