//! What can happen to a page ([`Msg`]: a user's click, typing or submit, or an effect that
//! completed) and what the page asks the browser to do ([`Effect`]). The browser side turns
//! DOM events into messages with [`Msg::from_click`] / [`Msg::from_field`] and runs effects.

use chrono::NaiveDate;

use super::words::Text;
use super::{BoardMsg, Extras, Notice, Stored};
use crate::core::backup::ImportReport;
use crate::core::command::Edit;
use crate::core::files::ExportKind;
use crate::core::model::{Application, Settings};
use crate::core::words::Worded;

/// One action of the plan: its application and key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionRef {
    pub app: String,
    pub key: String,
}

impl ActionRef {
    pub fn new(app: &str, key: &str) -> ActionRef {
        ActionRef {
            app: app.to_string(),
            key: key.to_string(),
        }
    }

    /// `appId/key`: names the action's controls and its open draft.
    pub fn id(&self) -> String {
        format!("{}/{}", self.app, self.key)
    }
}

/// The tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Today,
    Apps,
    Settings,
    Board,
    Insights,
}

impl Tab {
    /// The tab a page's address names (`tab.html#today`), if any.
    pub fn from_name(name: &str) -> Option<Tab> {
        Some(match name.trim_start_matches('#') {
            "today" => Tab::Today,
            "apps" => Tab::Apps,
            "board" => Tab::Board,
            "insights" => Tab::Insights,
            _ => return None,
        })
    }
}

/// The forms a page submits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The application editor.
    App,
    /// "What happened" on an application's page.
    Record,
    Settings,
    Template,
    /// "Save this job" on *Today*.
    Capture,
    /// The date of a move on the board.
    Move,
}

/// A click on one of a possible reply's answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRef {
    pub app: String,
    pub message: String,
    pub answer: crate::core::model::Answer,
}

/// What the popup's glue brought back from the active tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Collected {
    /// The collector's answer (`extension/posting/collect.js`), as JSON text.
    Page(String),
    /// The browser would not let the popup read the tab; `url` as the tab reports it (empty
    /// when the browser does not say).
    Refused { url: String },
}

/// Everything that can happen to a page.
// A page handles a few messages per user action: their size does not matter, and boxing
// the read data would only add indirection to every match.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Tab(Tab),
    Dismiss,
    ShowMore,
    OpenOptions,
    /// "Open in a tab": the full-tab page.
    OpenTab,
    LoadDemo,
    /// The Escape key: closes an open draft or a delete waiting for confirmation; in the
    /// editor, cancels editing.
    Escape,
    OpenApp(String),
    ToggleDraft(ActionRef),
    /// Opens or closes an action's "another day" panel.
    ToggleDated(ActionRef),
    CopyDraft(ActionRef),
    Sent(ActionRef),
    /// Sent on the day chosen in the action's "another day" field.
    SentOn(ActionRef),
    Skip(ActionRef),
    /// Snoozed to the day chosen in the action's field.
    Snooze(ActionRef),
    Undo(ActionRef),
    /// One of a possible reply's answers.
    Answer(AnswerRef),
    NewApp,
    EditApp(String),
    /// Asks for confirmation first, deletes on the second click.
    DeleteApp(String),
    CancelEdit,
    AddContact,
    RemoveContact(usize),
    AddRound,
    RemoveRound(usize),
    Export(ExportKind),
    RestoreSnapshot,
    ResetTemplate(String),
    /// Allow or revoke an optional webmail site.
    Site {
        site: String,
        allow: bool,
    },
    /// A text field, date, select or radio group named `name` now holds `value`.
    Input {
        name: String,
        value: String,
    },
    /// A checkbox named `name` was ticked or cleared.
    Check {
        name: String,
        on: bool,
    },
    Submit(Form),
    /// The import form was submitted with a file of `size` bytes (`None`: no file chosen).
    ImportPicked {
        size: Option<f64>,
    },
    /// The chosen backup file's text (`None`: it could not be read).
    ImportRead(Option<String>),
    /// The holiday import form was submitted with a calendar file of `size` bytes (`None`: no
    /// file chosen).
    HolidaysPicked {
        size: Option<f64>,
    },
    /// The chosen calendar file's text (`None`: it could not be read).
    HolidaysRead(Option<String>),
    /// Storage was read, on `today`.
    Loaded {
        today: NaiveDate,
        result: Result<Stored, Worded>,
    },
    /// A write finished (or was refused) and storage was read again.
    Written {
        after: After,
        result: Result<Outcome, Worded>,
        reloaded: Option<(NaiveDate, Stored)>,
    },
    /// The browser's date now, asked while the page is open: on a new day (a page left open
    /// overnight) everything held is planned again for it.
    Day(NaiveDate),
    /// Another window, the service worker or a webmail tab changed storage: read it again.
    StorageChanged,
    /// The same, with what changed: applications are taken in one by one.
    Changed(super::Changes),
    /// Today's summary was read, on `today`, with the settings it was planned with: *Today*
    /// can be drawn before the applications are read.
    Summary {
        today: NaiveDate,
        summary: Box<crate::core::summary::Summary>,
        stored: Stored,
    },
    Copied(bool),
    /// A file was downloaded (its name), or could not be made.
    Exported(Result<String, Worded>),
    ExtrasLoaded(Extras),
    SiteChanged {
        site: String,
        granted: bool,
    },
    /// The popup read the page it was opened on.
    Captured(Collected),
    /// "Not now" on the "Save this job" panel.
    CloseCapture,
    /// "Save this page as a job" on a page without a posting.
    ExpandCapture,
    /// On the board (the full-tab page, `www/`).
    Board(super::BoardMsg),
}

impl Msg {
    /// The message of a click on a control with `data-action="action"`; `attr` reads the
    /// control's other attributes (`data-app`, `data-key`, `data-index`, `data-site`).
    pub fn from_click(action: &str, attr: impl Fn(&str) -> Option<String>) -> Option<Msg> {
        let get = |name: &str| attr(name).unwrap_or_default();
        let act = || ActionRef {
            app: get("data-app"),
            key: get("data-key"),
        };
        let index = || attr("data-index").and_then(|i| i.parse().ok());
        Some(match action {
            "tab-today" => Msg::Tab(Tab::Today),
            "tab-apps" => Msg::Tab(Tab::Apps),
            "tab-settings" => Msg::Tab(Tab::Settings),
            "tab-board" => Msg::Tab(Tab::Board),
            "tab-insights" => Msg::Tab(Tab::Insights),
            "open-tab" => Msg::OpenTab,
            "dismiss" => Msg::Dismiss,
            "show-more" => Msg::ShowMore,
            "open-options" => Msg::OpenOptions,
            "load-demo" => Msg::LoadDemo,
            "open-app" => Msg::OpenApp(get("data-app")),
            "draft" => Msg::ToggleDraft(act()),
            "dated" => Msg::ToggleDated(act()),
            "copy-draft" => Msg::CopyDraft(act()),
            "sent" => Msg::Sent(act()),
            "sent-on" => Msg::SentOn(act()),
            "skip" => Msg::Skip(act()),
            "snooze" => Msg::Snooze(act()),
            "undo" => Msg::Undo(act()),
            "answer" => Msg::Answer(AnswerRef {
                app: get("data-app"),
                message: get("data-key"),
                answer: crate::core::model::Answer::parse(&get("data-answer"))?,
            }),
            "new-app" => Msg::NewApp,
            "edit-app" => Msg::EditApp(get("data-app")),
            "delete-app" => Msg::DeleteApp(get("data-app")),
            "cancel-edit" => Msg::CancelEdit,
            "add-contact" => Msg::AddContact,
            "remove-contact" => Msg::RemoveContact(index()?),
            "add-round" => Msg::AddRound,
            "remove-round" => Msg::RemoveRound(index()?),
            "export-backup" => Msg::Export(ExportKind::Backup),
            "export-csv" => Msg::Export(ExportKind::ApplicationsCsv),
            "export-log" => Msg::Export(ExportKind::LogCsv),
            "export-ics" => Msg::Export(ExportKind::Ics),
            "export-insights" => Msg::Export(ExportKind::InsightsCsv),
            "snapshot-restore" => Msg::RestoreSnapshot,
            "capture-close" => Msg::CloseCapture,
            "capture-expand" => Msg::ExpandCapture,
            "board-menu" => Msg::Board(BoardMsg::Menu(get("data-app"))),
            "move" => Msg::Board(BoardMsg::Move {
                app: get("data-app"),
                to: get("data-status"),
            }),
            "move-cancel" => Msg::Board(BoardMsg::Cancel),
            "board-more" => Msg::Board(BoardMsg::More(get("data-column"))),
            "template-reset" => Msg::ResetTemplate(get("data-key")),
            "site-allow" | "site-revoke" => Msg::Site {
                site: get("data-site"),
                allow: action == "site-allow",
            },
            _ => return None,
        })
    }

    /// The message of a submitted form with `data-form="name"` (the import forms are read by
    /// the browser side first: see [`Msg::ImportPicked`] and [`Msg::HolidaysPicked`]).
    pub fn from_submit(name: &str) -> Option<Msg> {
        Some(Msg::Submit(match name {
            "app" => Form::App,
            "record" => Form::Record,
            "settings" => Form::Settings,
            "template" => Form::Template,
            "capture" => Form::Capture,
            "move" => Form::Move,
            _ => return None,
        }))
    }
}

impl Msg {
    /// Whether handling it takes the stored application, not just what a row of today's
    /// summary knows of it.
    pub fn needs_everything(&self) -> bool {
        matches!(
            self,
            Msg::ToggleDraft(_)
                | Msg::CopyDraft(_)
                | Msg::Sent(_)
                | Msg::SentOn(_)
                | Msg::Skip(_)
                | Msg::Snooze(_)
                | Msg::Undo(_)
                | Msg::Answer(_)
                | Msg::LoadDemo
                | Msg::NewApp
                | Msg::EditApp(_)
                | Msg::DeleteApp(_)
                | Msg::ShowMore
                | Msg::Board(_)
        )
    }
}

/// A write through the storage port.
#[derive(Debug, Clone, PartialEq)]
pub enum Write {
    /// Record what happened to one application; the writer applies it to what is stored.
    Edit {
        app_id: String,
        edit: Edit,
    },
    SaveApp(Application),
    /// Several applications, one after the other (the sample data).
    SaveApps(Vec<Application>),
    DeleteApp {
        id: String,
        revision: u32,
    },
    SaveSettings {
        settings: Settings,
        revision: u32,
    },
    Import {
        text: String,
        replace: bool,
    },
    RestoreSnapshot,
}

/// What a finished write tells the user.
#[derive(Debug, Clone, PartialEq)]
pub enum After {
    /// This notice on success (the error on failure).
    Notice(Notice),
    /// The import report on success; "the import was refused" with the reason on failure.
    Import,
    /// The notice, then the application's editor with a new round on `date` (an interview
    /// invitation was recorded).
    NewRound {
        notice: Notice,
        app_id: String,
        date: chrono::NaiveDate,
    },
    /// A card moved on the board: the board already shows and says it; a refusal is shown and
    /// storage read again, which puts the card back.
    Moved,
}

/// What a successful write returned.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Done,
    /// One application as stored now: the page puts it in place without reading the rest.
    App(Box<Application>),
    Imported(ImportReport),
}

/// What the page asks the browser to do.
// Like `Msg`: a few per user action, so the settings a write carries stay inline.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write, read storage again, and answer with [`Msg::Written`].
    Write(Write, After),
    /// Read storage and answer with [`Msg::Loaded`].
    Reload,
    Copy(String),
    /// Make the file and download it; answer with [`Msg::Exported`].
    Export(ExportKind),
    OpenOptions,
    /// Open the full-tab page (`tab.html`) in a new tab.
    OpenTab,
    /// Move keyboard focus to the element matching this selector.
    Focus(&'static str),
    /// The same, for a selector naming one item (a card's button).
    FocusOn(String),
    /// Read the snapshot's date, storage used, sync status and site permissions.
    LoadExtras,
    /// Ask for (or give back) the permission of an optional webmail site.
    Permission {
        site: &'static str,
        /// Its host permission patterns (`https://host/*`).
        patterns: Vec<String>,
        allow: bool,
    },
    /// Read the text of the file chosen in the import form.
    ReadImportFile,
    /// Read the text of the calendar file chosen in the holiday import form.
    ReadHolidayFile,
}

impl Effect {
    /// A notice-worded write.
    pub fn write(write: Write, notice: Text) -> Effect {
        Effect::Write(write, After::Notice(Notice::info(notice)))
    }
}
