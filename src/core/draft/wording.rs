//! Which built-in wording a draft uses: English, or German written formally (Sie, salutation,
//! title and surname) or informally (du, first name). Each has its own templates, so the
//! user's own templates are kept per wording too, under a key prefix.

use serde::{Deserialize, Serialize};

use crate::core::model::{Application, Language, Settings};

/// A language and, for German, the form of address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Wording {
    English,
    /// German with "Sie": "Sehr geehrte Frau Dr. Müller,".
    German,
    /// German with "du": "Hallo Anna,".
    GermanInformal,
}

impl Wording {
    pub const ALL: [Wording; 3] = [Wording::English, Wording::German, Wording::GermanInformal];

    /// The wording of `app`'s correspondence: its own language, else the settings' default,
    /// else `interface` (the language the user reads the extension in).
    pub fn for_app(app: &Application, settings: &Settings, interface: Language) -> Wording {
        let language = app.language.or(settings.language).unwrap_or(interface);
        Wording::of(language, app.informal)
    }

    /// The wording of `language`, informal where the language makes the distinction.
    pub fn of(language: Language, informal: bool) -> Wording {
        match (language, informal) {
            (Language::English, _) => Wording::English,
            (Language::German, false) => Wording::German,
            (Language::German, true) => Wording::GermanInformal,
        }
    }

    pub fn language(self) -> Language {
        match self {
            Wording::English => Language::English,
            Wording::German | Wording::GermanInformal => Language::German,
        }
    }

    /// What the keys of this wording's templates start with in `Settings::templates`: nothing
    /// for English (the keys older versions stored), `de:` and `de-du:` for German.
    pub fn key_prefix(self) -> &'static str {
        match self {
            Wording::English => "",
            Wording::German => "de:",
            Wording::GermanInformal => "de-du:",
        }
    }
}
