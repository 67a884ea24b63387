//! The user's settings: the planner's, the drafts' and the profile they are signed with.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::GermanState;
use super::{Language, Medium};

/// The user, as they sign their messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Profile {
    pub name: String,
    pub email: String,
    pub phone: String,
    /// Extra signature lines (LinkedIn, portfolio...).
    pub signature: String,
}

/// Which public-holiday calendars count, plus the user's own days off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct HolidaySettings {
    pub us_federal: bool,
    pub england_wales: bool,
    /// Germany's nationwide holidays.
    pub germany: bool,
    /// The Land whose holidays count on top of the nationwide ones; choosing one implies
    /// `germany`.
    pub german_state: Option<GermanState>,
    pub austria: bool,
    pub switzerland: bool,
    pub own: Vec<NaiveDate>,
}

/// Every setting of the planner and the drafts. Defaults follow docs/rules.md.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// Working days after the stated decision date before the first follow-up (1 to 3).
    pub buffer_days: u32,
    /// Also remind to post a hand-written card two days after each interview.
    pub thank_you_card: bool,
    pub holidays: HolidaySettings,
    pub default_medium: Medium,
    /// Remind this many days after applying when there is no interview; `None` (default): never.
    pub remind_after_applying: Option<u32>,
    pub profile: Profile,
    /// The language of new correspondence when an application sets none; `None`: the
    /// interface language.
    pub language: Option<Language>,
    /// User-edited templates by key (docs/templates.md): the action kind for English
    /// (`thank-you-email`...), with a `de:` or `de-du:` prefix for German written formally or
    /// informally; missing ones use the built-in.
    pub templates: std::collections::BTreeMap<String, String>,
    /// Daily reminder notification at "HH:MM"; `None` (default): off.
    pub notify_at: Option<String>,
    /// Sync settings through the browser account (opt-in).
    pub sync_settings: bool,
    /// Also sync applications while they fit the sync quota (opt-in).
    pub sync_applications: bool,
    /// The webmail sites (ids of `extension/sites.json`) where messages are not noticed
    /// (`core::noticing`); noticing is on everywhere else.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notice_off: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            buffer_days: 2,
            thank_you_card: false,
            holidays: HolidaySettings::default(),
            default_medium: Medium::Email,
            remind_after_applying: None,
            profile: Profile::default(),
            language: None,
            templates: Default::default(),
            notify_at: None,
            sync_settings: false,
            sync_applications: false,
            notice_off: Vec::new(),
        }
    }
}
