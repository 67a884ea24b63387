//! The settings form: the user's details and signature, every setting of the planner,
//! notifications and sync; held as typed until saved, checked before it is written.

use super::editor_view::language_options;
use super::msg::{Effect, Write};
use super::node::{el, input, labelled, labelled_check, select, textarea, Node};
use super::today::parse_date;
use super::words::Text;
use super::{Model, Surface};
use crate::core::calendar::GermanState;
use crate::core::export::{tenths, KB};
use crate::core::model::{Language, Medium, Settings};
use crate::core::sort;
use crate::core::sync::PartStatus;

/// The settings form's fields, named as its controls are.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SettingsForm {
    pub profile_name: String,
    pub profile_email: String,
    pub profile_phone: String,
    pub profile_signature: String,
    pub buffer: String,
    pub card: bool,
    pub us_federal: bool,
    pub england_wales: bool,
    pub germany: bool,
    /// The Land's code, empty for Germany's nationwide holidays only.
    pub german_state: String,
    pub austria: bool,
    pub switzerland: bool,
    pub own_holidays: String,
    /// The default correspondence language's code, empty for the interface's.
    pub language: String,
    pub default_medium: String,
    pub remind_after: String,
    pub notify: bool,
    pub notify_at: String,
    pub sync_settings: bool,
    pub sync_apps: bool,
    /// The webmail sites where messages are not noticed (their ids).
    pub notice_off: Vec<String>,
    /// Changed since it was read or saved: a write from another window must not throw the
    /// changes away.
    pub dirty: bool,
    /// Why the last save was refused.
    pub error: Option<Text>,
}

impl SettingsForm {
    pub fn from_settings(s: &Settings) -> SettingsForm {
        let own: Vec<String> = s.holidays.own.iter().map(|d| d.to_string()).collect();
        SettingsForm {
            profile_name: s.profile.name.clone(),
            profile_email: s.profile.email.clone(),
            profile_phone: s.profile.phone.clone(),
            profile_signature: s.profile.signature.clone(),
            buffer: s.buffer_days.to_string(),
            card: s.thank_you_card,
            us_federal: s.holidays.us_federal,
            england_wales: s.holidays.england_wales,
            germany: s.holidays.germany || s.holidays.german_state.is_some(),
            german_state: s
                .holidays
                .german_state
                .map(|l| l.code().to_string())
                .unwrap_or_default(),
            austria: s.holidays.austria,
            switzerland: s.holidays.switzerland,
            own_holidays: own.join("\n"),
            language: s.language.map(|l| l.code().to_string()).unwrap_or_default(),
            default_medium: match s.default_medium {
                Medium::Email => "email".into(),
                Medium::Phone => "phone".into(),
            },
            remind_after: s
                .remind_after_applying
                .map(|n| n.to_string())
                .unwrap_or_default(),
            notify: s.notify_at.is_some(),
            notify_at: s.notify_at.clone().unwrap_or_else(|| "09:00".into()),
            sync_settings: s.sync_settings,
            sync_apps: s.sync_applications,
            notice_off: s.notice_off.clone(),
            dirty: false,
            error: None,
        }
    }

    /// Takes the value of the field `name`; false when the field is not this form's.
    pub fn input(&mut self, name: &str, value: &str) -> bool {
        let slot = match name {
            "profile-name" => &mut self.profile_name,
            "profile-email" => &mut self.profile_email,
            "profile-phone" => &mut self.profile_phone,
            "profile-signature" => &mut self.profile_signature,
            "buffer" => &mut self.buffer,
            "own-holidays" => &mut self.own_holidays,
            "german-state" => &mut self.german_state,
            "default-language" => &mut self.language,
            "default-medium" => &mut self.default_medium,
            "remind-after" => &mut self.remind_after,
            "notify-at" => &mut self.notify_at,
            _ => return false,
        };
        *slot = value.to_string();
        self.dirty = true;
        true
    }

    /// Ticks or clears the checkbox `name`; false when it is not this form's.
    pub fn check(&mut self, name: &str, on: bool) -> bool {
        let slot = match name {
            "card" => &mut self.card,
            "us-federal" => &mut self.us_federal,
            "england-wales" => &mut self.england_wales,
            "germany" => &mut self.germany,
            "austria" => &mut self.austria,
            "switzerland" => &mut self.switzerland,
            "notify" => &mut self.notify,
            "sync-settings" => &mut self.sync_settings,
            "sync-apps" => &mut self.sync_apps,
            _ => {
                // "notice:<site id>": noticing replies on that site.
                let Some(site) = name.strip_prefix("notice:") else {
                    return false;
                };
                self.notice_off.retain(|s| s != site);
                if !on {
                    self.notice_off.push(site.to_string());
                    sort::sort(&mut self.notice_off);
                }
                self.dirty = true;
                return true;
            }
        };
        *slot = on;
        self.dirty = true;
        true
    }

    /// `s` with the form applied; a field that is not valid is named in the error. The
    /// notification and sync fields exist only in the extension.
    pub fn apply(&self, mut s: Settings, extension: bool) -> Result<Settings, Text> {
        s.profile.name = self.profile_name.trim().to_string();
        s.profile.email = self.profile_email.trim().to_string();
        s.profile.phone = self.profile_phone.trim().to_string();
        s.profile.signature = self.profile_signature.trim_end().to_string();
        s.buffer_days = self.buffer.parse().unwrap_or(2).clamp(1, 3);
        s.thank_you_card = self.card;
        s.holidays.us_federal = self.us_federal;
        s.holidays.england_wales = self.england_wales;
        s.holidays.german_state = GermanState::from_code(&self.german_state);
        s.holidays.germany = self.germany || s.holidays.german_state.is_some();
        s.holidays.austria = self.austria;
        s.holidays.switzerland = self.switzerland;
        s.language = Language::ALL
            .into_iter()
            .find(|l| l.code() == self.language);
        let mut own = Vec::new();
        for (i, line) in self.own_holidays.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            match parse_date(line) {
                Some(d) => own.push(d),
                None => {
                    return Err(Text::with(
                        "errorHoliday",
                        &[("line", &(i + 1).to_string()), ("text", line)],
                    ))
                }
            }
        }
        sort::sort(&mut own);
        own.dedup();
        s.holidays.own = own;
        s.default_medium = if self.default_medium == "phone" {
            Medium::Phone
        } else {
            Medium::Email
        };
        s.remind_after_applying = match self.remind_after.trim() {
            "" => None,
            n => match n.parse::<u32>() {
                Ok(n) if (1..=60).contains(&n) => Some(n),
                _ => return Err(Text::key("errorRemindAfter")),
            },
        };
        if extension {
            s.notify_at = if self.notify {
                let at = self.notify_at.trim();
                if !valid_time(at) {
                    return Err(Text::key("errorNotifyAt"));
                }
                Some(at.to_string())
            } else {
                None
            };
            s.sync_settings = self.sync_settings;
            s.sync_applications = self.sync_apps;
            s.notice_off = self.notice_off.clone();
        }
        Ok(s)
    }
}

/// "HH:MM", 24-hour.
fn valid_time(at: &str) -> bool {
    at.len() == 5
        && at.as_bytes()[2] == b':'
        && at[..2].parse::<u32>().is_ok_and(|h| h < 24)
        && at[3..].parse::<u32>().is_ok_and(|m| m < 60)
}

pub fn submit(m: &mut Model) -> Vec<Effect> {
    let extension = m.surface != Surface::Www;
    match m.settings.apply(m.stored.settings.clone(), extension) {
        Ok(settings) => {
            m.settings.dirty = false;
            m.settings.error = None;
            m.busy = true;
            let revision = m.stored.settings_revision;
            vec![Effect::write(
                Write::SaveSettings { settings, revision },
                Text::key("settingsSaved"),
            )]
        }
        Err(problem) => {
            m.settings.error = Some(problem);
            Vec::new()
        }
    }
}

pub fn form(m: &Model) -> Node {
    let w = &m.words;
    let f = &m.settings;
    let extension = m.surface != Surface::Www;
    let buffers: Vec<(String, String)> = (1..=3)
        .map(|n| (n.to_string(), w.tf("bufferDays", &[("n", &n.to_string())])))
        .collect();
    let medium_options = vec![
        ("email".to_string(), w.t("mediumEmail")),
        ("phone".to_string(), w.t("mediumPhone")),
    ];
    let error = f.error.as_ref().map(|e| w.say(e)).unwrap_or_default();
    let mut form = el("form")
        .class("settings")
        .attr("data-form", "settings")
        .attr("data-view", "settings")
        .attr("novalidate", "")
        .child(
            el("div")
                .class("form-error")
                .attr("role", "alert")
                .text(&error),
        )
        .child(
            el("fieldset")
                .child(el("legend").text(&w.t("profileTitle")))
                .child(el("p").class("hint").text(&w.t("profileHint")))
                .child(labelled(
                    &w.t("fieldName"),
                    input("text", "profile-name", &f.profile_name).attr("autocomplete", "name"),
                ))
                .child(labelled(
                    &w.t("fieldEmail"),
                    input("email", "profile-email", &f.profile_email).attr("autocomplete", "email"),
                ))
                .child(labelled(
                    &w.t("fieldPhone"),
                    input("tel", "profile-phone", &f.profile_phone).attr("autocomplete", "tel"),
                ))
                .child(labelled(
                    &w.t("fieldSignature"),
                    textarea("profile-signature", &f.profile_signature).attr("rows", "3"),
                )),
        )
        .child(
            el("fieldset")
                .child(el("legend").text(&w.t("plannerTitle")))
                .child(labelled(
                    &w.t("fieldBuffer"),
                    select("buffer", &buffers, &f.buffer),
                ))
                .child(el("p").class("hint").text(&w.t("fieldBufferHint")))
                .child(labelled_check("card", f.card, &w.t("fieldCard")))
                .child(labelled_check(
                    "us-federal",
                    f.us_federal,
                    &w.t("fieldUsHolidays"),
                ))
                .child(labelled_check(
                    "england-wales",
                    f.england_wales,
                    &w.t("fieldEwHolidays"),
                ))
                .child(labelled_check(
                    "germany",
                    f.germany,
                    &w.t("fieldDeHolidays"),
                ))
                .child(labelled(
                    &w.t("fieldGermanState"),
                    select("german-state", &state_options(m), &f.german_state),
                ))
                .child(labelled_check(
                    "austria",
                    f.austria,
                    &w.t("fieldAtHolidays"),
                ))
                .child(labelled_check(
                    "switzerland",
                    f.switzerland,
                    &w.t("fieldChHolidays"),
                ))
                .child(labelled(
                    &w.t("fieldOwnHolidays"),
                    textarea("own-holidays", &f.own_holidays)
                        .attr("rows", "3")
                        .attr("placeholder", "2026-12-24"),
                ))
                .child(labelled(
                    &w.t("fieldDefaultMedium"),
                    select("default-medium", &medium_options, &f.default_medium),
                ))
                .child(labelled(
                    &w.t("fieldDefaultLanguage"),
                    select(
                        "default-language",
                        &language_options(w, "languageAsInterface"),
                        &f.language,
                    ),
                ))
                .child(labelled(
                    &w.t("fieldRemindAfter"),
                    input("number", "remind-after", &f.remind_after)
                        .attr("min", "1")
                        .attr("max", "60")
                        .attr("placeholder", &w.t("off")),
                )),
        );
    if extension {
        let status = sync_status(m);
        form = form
            .child(
                el("fieldset")
                    .child(el("legend").text(&w.t("notifyTitle")))
                    .child(labelled_check("notify", f.notify, &w.t("fieldNotify")))
                    .child(labelled(
                        &w.t("fieldNotifyAt"),
                        input("time", "notify-at", &f.notify_at),
                    )),
            )
            .child(
                el("fieldset")
                    .child(el("legend").text(&w.t("syncTitle")))
                    .child(el("p").class("hint").text(&w.t("syncHint")))
                    .child(labelled_check(
                        "sync-settings",
                        f.sync_settings,
                        &w.t("fieldSyncSettings"),
                    ))
                    .child(labelled_check(
                        "sync-apps",
                        f.sync_apps,
                        &w.t("fieldSyncApps"),
                    ))
                    .child_if(!status.is_empty(), || {
                        el("p").class("sync-status").text(&status)
                    }),
            )
            .child(noticing(m));
    }
    form.child(
        el("div").class("buttons sticky").child(
            el("button")
                .attr("type", "submit")
                .class("primary")
                .text(&w.t("saveSettings")),
        ),
    )
}

/// Noticing replies in webmail, per site.
fn noticing(m: &Model) -> Node {
    let w = &m.words;
    let mut set = el("fieldset")
        .class("noticing")
        .child(el("legend").text(&w.t("settingsNoticeTitle")))
        .child(el("p").class("hint").text(&w.t("settingsNoticeHelp")));
    for site in crate::core::sites::sites() {
        let on = !m.settings.notice_off.contains(&site.id);
        set = set.child(labelled_check(
            &format!("notice:{}", site.id),
            on,
            &w.tf("settingsNoticeOn", &[("site", &site.name)]),
        ));
    }
    set
}

/// The Länder by name, after "nationwide only".
fn state_options(m: &Model) -> Vec<(String, String)> {
    std::iter::once((String::new(), m.words.t("germanStateNone")))
        .chain(
            GermanState::ALL
                .into_iter()
                .map(|l| (l.code().to_string(), l.name().to_string())),
        )
        .collect()
}

/// What the service worker last stored about browser sync, in words, a line a part and one
/// for the job descriptions kept here; empty when both parts are off.
fn sync_status(m: &Model) -> String {
    let w = &m.words;
    let Some(status) = &m.extras.sync else {
        return String::new();
    };
    let line = |label: &str, part: &PartStatus| {
        let what = match part {
            PartStatus::Off => return None,
            PartStatus::Synced { bytes, .. } => {
                w.tf("syncSynced", &[("kb", &tenths(u64::from(*bytes), KB))])
            }
            PartStatus::TooLarge { message, .. } | PartStatus::Error { message } => message.clone(),
        };
        Some(format!("{label}: {what}"))
    };
    // Descriptions are left out of the applications' synced copies: say so.
    let descriptions = (status.descriptions_here > 0
        && matches!(status.applications, PartStatus::Synced { .. }))
    .then(|| w.t("syncDescriptionsHere"));
    [
        line(&w.t("syncPartSettings"), &status.settings),
        line(&w.t("syncPartApps"), &status.applications),
        descriptions,
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("\n")
}
