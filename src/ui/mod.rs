//! The interface of the popup, the options page and `www/`, in plain Rust: a [`Model`] of
//! what one page shows, [`update`] for every [`Msg`] (returning the [`Effect`]s to run) and
//! [`view`], which draws the model as a [`Node`] tree. Nothing here touches the browser:
//! `web::ui` turns DOM events into messages, runs the effects and applies the tree to the
//! page, so every screen is tested natively (`tests/ui_*.rs`).

mod apps;
mod board;
mod board_view;
mod capture;
mod capture_view;
mod data;
pub mod diff;
mod early;
mod editor;
mod editor_rounds;
mod editor_view;
mod holidays;
mod incremental;
mod insights_chart;
mod insights_parts;
mod insights_view;
mod interviews;
mod items;
mod msg;
pub mod node;
mod page;
mod record;
mod replies;
mod settings;
mod templates;
mod timeline;
mod today;
mod update;
pub mod words;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::core::insights::Insights;
use crate::core::model::{Application, Language, Settings};
use crate::core::plan::{self, Plan};
use crate::core::sync::SyncStatus;

pub use board::{BoardMsg, BoardState, PendingMove, CARD_TYPE};
pub use capture::{
    browser_own, employment_stored, employment_words, salary_text, Capture, CaptureForm,
};
pub use early::{compact, early_record, early_record_fits, EARLY_BUILD};
pub use editor::EditorForm;
pub use incremental::{Changes, Partial};
pub use items::warning_text;
pub use msg::{ActionRef, After, AnswerRef, Collected, Effect, Form, Msg, Outcome, Tab, Write};
pub use node::{fingerprint, Fnv, Node};
pub use page::{early_view, view, EARLY_ROWS};
pub use record::RecordForm;
pub use settings::SettingsForm;
pub use templates::TemplateForm;
pub use update::update;
pub use words::{DateStyle, Text, Words};

/// Which page the interface is drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    Popup,
    Options,
    /// The extension's full-tab page (`tab.html`): the board, Today, the applications and
    /// insights in a roomy layout.
    Tab,
    Www,
}

impl Surface {
    /// `data-surface` of the page root.
    pub fn name(self) -> &'static str {
        match self {
            Surface::Popup => "popup",
            Surface::Options => "options",
            Surface::Tab => "tab",
            Surface::Www => "www",
        }
    }
}

/// What the page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    Today,
    Apps,
    /// One application: its timeline, actions, people and what to record.
    App(String),
    /// The application editor (new or existing).
    Edit,
    /// The settings (the options page, or a tab of `www/`).
    Settings,
    /// Every application as a card in its status's column (the full-tab page and `www/`).
    Board,
    /// Figures about the search, drawn and tabled (the full-tab page and `www/`).
    Insights,
}

impl View {
    /// `data-view` of the page root.
    pub fn name(&self) -> &'static str {
        match self {
            View::Today => "today",
            View::Apps => "apps",
            View::App(_) => "app",
            View::Edit => "edit",
            View::Settings => "settings",
            View::Board => "board",
            View::Insights => "insights",
        }
    }
}

/// A line at the top of the page: what just happened, or what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: Text,
    pub error: bool,
    /// An action that was just recorded, which the notice offers to undo.
    pub undo: Option<ActionRef>,
}

impl Notice {
    pub fn info(text: Text) -> Notice {
        Notice {
            text,
            error: false,
            undo: None,
        }
    }

    pub fn error(text: Text) -> Notice {
        Notice {
            text,
            error: true,
            undo: None,
        }
    }
}

/// What was read from storage.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stored {
    pub apps: Vec<Application>,
    pub settings: Settings,
    /// The revision the settings were read at (a save passes it back).
    pub settings_revision: u32,
}

/// What the settings page shows beyond the stored data, read once per page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extras {
    /// When the snapshot was taken and why.
    pub snapshot: Option<(String, String)>,
    /// Bytes of storage in use.
    pub bytes: Option<f64>,
    /// What the service worker last stored about browser sync (extension only).
    pub sync: Option<SyncStatus>,
    /// The optional webmail sites the user allowed (ids of [`crate::core::sites::optional_sites`]).
    pub allowed: Vec<String>,
}

/// New identifiers: a part unique to this page (time and chance, given by the browser side)
/// and a counter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ids {
    seed: String,
    next: u32,
}

impl Ids {
    pub fn new(seed: &str) -> Ids {
        Ids {
            seed: seed.to_string(),
            next: 0,
        }
    }

    pub fn next(&mut self, prefix: &str) -> String {
        self.next += 1;
        format!("{prefix}{}{}", self.seed, base36(u64::from(self.next)))
    }
}

/// `n` in base 36 (digits and lower-case letters).
pub fn base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(char::from(DIGITS[(n % 36) as usize]));
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.iter().rev().collect()
}

/// The first page of a long list.
pub use crate::core::summary::PAGE;

/// The state of one page.
pub struct Model {
    pub words: Words,
    pub surface: Surface,
    pub today: NaiveDate,
    /// Storage has been read once: until then the page shows nothing.
    pub loaded: bool,
    /// *Today* is drawn from the stored summary and the applications are still being read.
    pub partial: Option<Partial>,
    /// What the user did meanwhile that needs the applications: done once they are read.
    pub deferred: Vec<Msg>,
    pub stored: Stored,
    pub plan: Plan,
    /// Changes whenever the applications, the settings, the day or the plan do.
    pub data_revision: u64,
    /// The insights page's figures and the [`Model::data_revision`] they were worked out at:
    /// worked out when that page is drawn, again only after a change.
    pub insights: Option<(u64, Insights)>,
    pub view: View,
    /// The applications list's search text.
    pub search: String,
    /// How many rows the long lists show.
    pub shown: usize,
    /// `appId/key` of the action whose draft is open.
    pub open_draft: Option<String>,
    /// `appId/key` of the actions whose "another day" panel is open.
    pub dated: std::collections::BTreeSet<String>,
    /// What the "another day" fields of the actions hold (`sent-on:appId/key`,
    /// `snooze:appId/key`), once the user changed them.
    pub dates: BTreeMap<String, String>,
    /// The application being edited, as its form holds it.
    pub editor: Option<EditorForm>,
    /// "What happened" on an application's page.
    pub record: RecordForm,
    /// A delete waiting for its confirmation click.
    pub confirm_delete: bool,
    pub notice: Option<Notice>,
    /// A write is on its way; buttons that write are disabled meanwhile.
    pub busy: bool,
    pub settings: SettingsForm,
    pub template: TemplateForm,
    /// The import form's "replace everything" choice.
    pub import_replace: bool,
    pub extras: Extras,
    /// [`Effect::LoadExtras`] was asked for since the extras last changed.
    pub extras_requested: bool,
    /// The last import's report.
    pub report: Option<String>,
    /// The page the popup was opened on, as read for "Save this job".
    pub capture: Option<Capture>,
    /// The board's search, filters, open menu, dragged card and what it last said.
    pub board: BoardState,
    pub ids: Ids,
}

impl Model {
    /// A page on `surface`, before storage is read ([`Effect::Reload`] reads it).
    pub fn new(surface: Surface, words: Words, today: NaiveDate, ids: Ids) -> Model {
        Model {
            words,
            surface,
            today,
            loaded: false,
            partial: None,
            deferred: Vec::new(),
            stored: Stored::default(),
            plan: Plan::default(),
            data_revision: 0,
            insights: None,
            view: match surface {
                Surface::Options => View::Settings,
                Surface::Tab => View::Board,
                _ => View::Today,
            },
            search: String::new(),
            shown: PAGE,
            open_draft: None,
            dated: std::collections::BTreeSet::new(),
            dates: BTreeMap::new(),
            editor: None,
            record: RecordForm::default(),
            confirm_delete: false,
            notice: None,
            busy: false,
            settings: SettingsForm::from_settings(&Settings::default()),
            template: TemplateForm::default(),
            import_replace: false,
            extras: Extras::default(),
            extras_requested: false,
            report: None,
            capture: None,
            board: BoardState::default(),
            ids,
        }
    }

    /// Takes a fresh read of storage and plans it for `today`. Forms with unsaved changes
    /// keep them.
    pub fn set_state(&mut self, today: NaiveDate, mut stored: Stored) {
        self.today = today;
        // Kept in id order, so that one is found by halving (`Model::app`); a stable sort
        // keeps applications sharing an id in the order they were read.
        if stored.apps.windows(2).any(|w| w[0].id > w[1].id) {
            crate::core::sort::sort_by(&mut stored.apps, |a, b| a.id.cmp(&b.id));
        }
        self.plan = plan::plan(&stored.apps, &stored.settings, today);
        self.stored = stored;
        self.data_revision += 1;
        self.loaded = true;
        self.partial = None;
        if let View::App(id) = &self.view {
            if self.app(id).is_none() {
                self.view = View::Apps;
            }
        }
        if !self.settings.dirty {
            self.settings = SettingsForm::from_settings(&self.stored.settings);
        }
        self.template.refresh(&self.stored.settings);
    }

    /// The language the user reads this page in (that of the message file in use), which
    /// drafts default to.
    pub fn interface_language(&self) -> Language {
        Language::from_tag(&self.words.t("interfaceLanguage"))
    }

    /// The application with this id (the first read, when several share it).
    pub fn app(&self, id: &str) -> Option<&Application> {
        let at = self.stored.apps.partition_point(|a| a.id.as_str() < id);
        self.stored.apps.get(at).filter(|a| a.id == id)
    }

    /// The planned actions of application `id`, in the plan's order (its page, its timeline).
    pub fn actions_of(&self, id: &str) -> Vec<&crate::core::model::Action> {
        self.plan
            .actions
            .iter()
            .filter(|a| a.app_id == id)
            .collect()
    }

    /// Whether the page is a roomy one (the full-tab page, `www/`), which has the board and
    /// insights.
    pub fn roomy(&self) -> bool {
        matches!(self.surface, Surface::Tab | Surface::Www)
    }

    /// Whether the settings are on screen.
    pub fn shows_settings(&self) -> bool {
        self.view == View::Settings
    }

    pub fn info(&mut self, text: Text) {
        self.notice = Some(Notice::info(text));
    }

    pub fn error(&mut self, text: Text) {
        self.notice = Some(Notice::error(text));
    }

    /// Whether Escape has something to close: an open draft, a delete waiting for its
    /// confirmation, the editor (which it leaves without saving, as Cancel does).
    pub fn escape_closes(&self) -> bool {
        self.open_draft.is_some()
            || self.confirm_delete
            || self.view == View::Edit
            || self.board.menu.is_some()
            || self.board.pending.is_some()
    }
}
