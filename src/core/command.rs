//! Every change to the user's data, as one [`Command`] type handled by one sans-IO handler.
//!
//! A writer (the service worker for the extension, the page itself in `www/`) asks a command
//! which records it needs ([`Command::reads`]), reads just those, hands them to [`run`], and
//! writes the [`Batch`] it gets back before answering. The handler never touches storage, the
//! clock or the browser: everything it needs is an argument, so it is tested natively over a
//! [`MemoryStore`](super::store::MemoryStore) with [`execute`].
//!
//! Action commands (sent, skipped, snoozed, undone) are applied to the stored application,
//! never to a copy the page holds, so two windows recording different things about one
//! application do not refuse each other; whole-record writes (save application, delete,
//! settings) keep the revision check of [`super::store`].

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

use super::backup::{self, ImportError, ImportMode, ImportReport};
use super::calendar::WorkCalendar;
use super::model::{Application, Settings, Status};
use super::ops::{self, OpError};
use super::plan;
use super::store::{self, Batch, KvStore, StoreError, JOURNAL_KEY, SETTINGS_KEY};

/// One change the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Add to one application's history.
    Edit { app_id: String, edit: Edit },
    /// Write one whole application read at `app.revision` (0: a new one).
    SaveApp { app: Box<Application> },
    /// Delete one application read at `revision`.
    DeleteApp { id: String, revision: u32 },
    /// Write the settings read at `revision`.
    SaveSettings {
        settings: Box<Settings>,
        revision: u32,
    },
    /// Validate a backup file in full, then merge it by id or replace everything.
    Import { text: String, replace: bool },
    /// Put back the state saved before the last migration or import.
    RestoreSnapshot,
}

/// What happened to one application, recorded in its history by [`ops`]. Pages send it as
/// `{"kind": "sent", "actionKey": ..., "date": ...}` (camelCase fields, kebab-case kinds).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(
    tag = "kind",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase"
)]
pub enum Edit {
    /// The action was sent (or done) on `date`.
    Sent { action_key: String, date: NaiveDate },
    /// The user decided not to do the action, on `date`.
    Skip { action_key: String, date: NaiveDate },
    /// Put the action off to `until`.
    Snooze {
        action_key: String,
        until: NaiveDate,
    },
    /// Take back the latest sent, skipped or snoozed record of the action.
    Undo { action_key: String },
    /// The employer replied on `date`, perhaps with a new decision date.
    Reply {
        date: NaiveDate,
        decision_date: Option<NaiveDate>,
    },
    /// The application's status changed on `date`.
    Status { date: NaiveDate, status: Status },
    /// The employer asked for references on `date`.
    ReferencesRequested { date: NaiveDate },
    /// Good news about the company, recorded on `date`.
    PositiveNews { date: NaiveDate, note: String },
}

// Read through a flat record rather than serde's internally tagged enum, whose buffering of
// the whole value would be compiled into the WebAssembly for this one type. As before, a
// field the kind does not have is refused, and so is a missing one.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct FlatEdit {
    kind: String,
    action_key: Option<String>,
    date: Option<NaiveDate>,
    until: Option<NaiveDate>,
    decision_date: Option<NaiveDate>,
    status: Option<Status>,
    note: Option<String>,
}

impl<'de> Deserialize<'de> for Edit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let f = FlatEdit::deserialize(d)?;
        let fields: &'static [&'static str] = match f.kind.as_str() {
            "sent" | "skip" => &["actionKey", "date"],
            "snooze" => &["actionKey", "until"],
            "undo" => &["actionKey"],
            "reply" => &["date", "decisionDate"],
            "status" => &["date", "status"],
            "references-requested" => &["date"],
            "positive-news" => &["date", "note"],
            other => {
                const KINDS: &[&str] = &[
                    "sent",
                    "skip",
                    "snooze",
                    "undo",
                    "reply",
                    "status",
                    "references-requested",
                    "positive-news",
                ];
                return Err(D::Error::unknown_variant(other, KINDS));
            }
        };
        let present = [
            ("actionKey", f.action_key.is_some()),
            ("date", f.date.is_some()),
            ("until", f.until.is_some()),
            ("decisionDate", f.decision_date.is_some()),
            ("status", f.status.is_some()),
            ("note", f.note.is_some()),
        ];
        if let Some((name, _)) = present.iter().find(|(n, p)| *p && !fields.contains(n)) {
            return Err(D::Error::unknown_field(name, fields));
        }
        let key = || {
            f.action_key
                .clone()
                .ok_or_else(|| D::Error::missing_field("actionKey"))
        };
        let date = || f.date.ok_or_else(|| D::Error::missing_field("date"));
        Ok(match f.kind.as_str() {
            "sent" => Edit::Sent {
                action_key: key()?,
                date: date()?,
            },
            "skip" => Edit::Skip {
                action_key: key()?,
                date: date()?,
            },
            "snooze" => Edit::Snooze {
                action_key: key()?,
                until: f.until.ok_or_else(|| D::Error::missing_field("until"))?,
            },
            "undo" => Edit::Undo { action_key: key()? },
            "reply" => Edit::Reply {
                date: date()?,
                decision_date: f.decision_date,
            },
            "status" => Edit::Status {
                date: date()?,
                status: f
                    .status
                    .clone()
                    .ok_or_else(|| D::Error::missing_field("status"))?,
            },
            "references-requested" => Edit::ReferencesRequested { date: date()? },
            _ => Edit::PositiveNews {
                date: date()?,
                note: f
                    .note
                    .clone()
                    .ok_or_else(|| D::Error::missing_field("note"))?,
            },
        })
    }
}

impl Edit {
    /// The action the edit is about, for the edits that are about one.
    pub fn action_key(&self) -> Option<&str> {
        match self {
            Edit::Sent { action_key, .. }
            | Edit::Skip { action_key, .. }
            | Edit::Snooze { action_key, .. }
            | Edit::Undo { action_key } => Some(action_key),
            _ => None,
        }
    }

    /// The next version of `app`.
    pub fn apply(&self, app: &Application, today: NaiveDate) -> Result<Application, OpError> {
        match self {
            Edit::Sent { action_key, date } => ops::record_sent(app, action_key, *date),
            Edit::Skip { action_key, date } => ops::record_skipped(app, action_key, *date),
            Edit::Snooze { action_key, until } => ops::snooze(app, action_key, today, *until),
            Edit::Undo { action_key } => ops::undo(app, action_key),
            Edit::Reply {
                date,
                decision_date,
            } => ops::record_reply(app, *date, *decision_date),
            Edit::Status { date, status } => ops::record_status(app, *date, status.clone()),
            Edit::ReferencesRequested { date } => Ok(ops::record_references_requested(app, *date)),
            Edit::PositiveNews { date, note } => Ok(ops::record_positive_news(app, *date, note)),
        }
    }
}

/// What a command reads before it runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reads {
    /// These keys (absent ones are simply missing from what is handed to [`run`]). The
    /// journal of an unfinished write is always among them: when it is there, the writer
    /// finishes that write first ([`store::plan_finish`], which reads everything) and reads
    /// the keys again, so a command never runs on a half-written state.
    Keys(Vec<String>),
    /// Everything stored: imports and restores replace the state as a whole.
    All,
}

/// What the handler decided.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The writes, to run in order before replying.
    pub batch: Batch,
    pub reply: Reply,
}

/// The answer to a command, once its batch is written.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", untagged)]
pub enum Reply {
    /// The application as stored, with its new revision.
    App(Box<Application>),
    /// The settings' new revision.
    Settings { revision: u32 },
    /// What an import did.
    Imported(ImportReport),
    /// A deletion or a restore happened (or had nothing to do).
    Done { ok: bool },
}

/// Why a command was refused. Nothing is written when one is returned.
#[derive(Debug, Clone, PartialEq)]
pub enum CommandError {
    /// No such application, or no such action of it.
    NotFound(String),
    /// A rule of [`ops`] refused it.
    Op(OpError),
    /// The stored records refused it (a conflict, an unreadable record...).
    Store(StoreError),
    /// The backup file was refused.
    Import(ImportError),
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CommandError::NotFound(what) => write!(
                f,
                "\"{what}\" was not found; it may have been deleted in another window."
            ),
            CommandError::Op(e) => e.fmt(f),
            CommandError::Store(e) => e.fmt(f),
            CommandError::Import(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for CommandError {}

impl From<StoreError> for CommandError {
    fn from(e: StoreError) -> Self {
        CommandError::Store(e)
    }
}

impl From<OpError> for CommandError {
    fn from(e: OpError) -> Self {
        CommandError::Op(e)
    }
}

impl From<ImportError> for CommandError {
    fn from(e: ImportError) -> Self {
        CommandError::Import(e)
    }
}

/// What the handler knows of the moment: today's date and the time for snapshots.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub today: NaiveDate,
    /// ISO 8601, for the snapshot an import takes.
    pub now: String,
}

impl Command {
    /// The application the command is about, if it is about one.
    pub fn app_id(&self) -> Option<&str> {
        match self {
            Command::Edit { app_id, .. } => Some(app_id),
            Command::SaveApp { app } => Some(&app.id),
            Command::DeleteApp { id, .. } => Some(id),
            Command::SaveSettings { .. } | Command::Import { .. } | Command::RestoreSnapshot => {
                None
            }
        }
    }

    /// The records the command needs.
    pub fn reads(&self) -> Reads {
        let keys = |mut keys: Vec<String>| {
            keys.push(JOURNAL_KEY.to_string());
            Reads::Keys(keys)
        };
        match self {
            Command::SaveApp { app } => keys(vec![store::app_key(&app.id)]),
            Command::DeleteApp { id, .. } => keys(vec![store::app_key(id)]),
            Command::SaveSettings { .. } => keys(vec![SETTINGS_KEY.to_string()]),
            Command::Import { .. } | Command::RestoreSnapshot => Reads::All,
            // Checking the action means planning the one application, with the settings.
            Command::Edit { app_id, .. } => {
                keys(vec![store::app_key(app_id), SETTINGS_KEY.to_string()])
            }
        }
    }
}

/// Decides what `command` writes, given the records it [`Command::reads`] (`stored`).
pub fn run(
    command: Command,
    stored: &BTreeMap<String, String>,
    ctx: &Ctx,
) -> Result<Outcome, CommandError> {
    let get = |key: &str| stored.get(key).map(String::as_str);
    match command {
        Command::SaveApp { app } => {
            let prepared = store::prepare_put_app(get(&store::app_key(&app.id)), *app)?;
            Ok(Outcome {
                batch: Batch::default().set(vec![(prepared.key, prepared.value)]),
                reply: Reply::App(Box::new(prepared.app)),
            })
        }
        Command::DeleteApp { id, revision } => {
            let key = store::prepare_delete_app(&id, get(&store::app_key(&id)), revision)?;
            Ok(Outcome {
                batch: key
                    .map(|k| Batch::default().remove(vec![k]))
                    .unwrap_or_default(),
                reply: Reply::Done { ok: true },
            })
        }
        Command::SaveSettings { settings, revision } => {
            let prepared = store::prepare_put_settings(get(SETTINGS_KEY), &settings, revision)?;
            Ok(Outcome {
                batch: Batch::default().set(vec![(SETTINGS_KEY.to_string(), prepared.value)]),
                reply: Reply::Settings {
                    revision: prepared.revision,
                },
            })
        }
        Command::Import { text, replace } => {
            let parsed = backup::parse_backup(&text)?;
            let current = store::decode_state(stored);
            let mode = if replace {
                ImportMode::Replace
            } else {
                ImportMode::Merge
            };
            let plan = backup::plan_import(&current.apps, &parsed, mode);
            let batch = backup::plan_import_batch(stored, &plan, &ctx.now)?;
            Ok(Outcome {
                batch,
                reply: Reply::Imported(plan.report),
            })
        }
        Command::RestoreSnapshot => Ok(Outcome {
            batch: store::plan_restore(stored)?,
            reply: Reply::Done { ok: true },
        }),
        Command::Edit { app_id, edit } => record(&app_id, &edit, stored, ctx),
    }
}

/// An [`Edit`] of the stored application `id`. An edit about an action is accepted only
/// for an action the planner lists for that application today.
fn record(
    id: &str,
    edit: &Edit,
    stored: &BTreeMap<String, String>,
    ctx: &Ctx,
) -> Result<Outcome, CommandError> {
    let key = store::app_key(id);
    let raw = stored
        .get(&key)
        .ok_or_else(|| CommandError::NotFound(id.to_string()))?;
    let app = store::decode_app(&key, raw).map_err(|reason| StoreError::Unreadable {
        key: key.clone(),
        reason,
    })?;
    if let Some(action_key) = edit.action_key() {
        let settings = match stored.get(SETTINGS_KEY) {
            Some(raw) => {
                store::decode_settings(raw)
                    .map_err(|reason| StoreError::Unreadable {
                        key: SETTINGS_KEY.into(),
                        reason,
                    })?
                    .0
            }
            None => Settings::default(),
        };
        let calendar = WorkCalendar::from_settings(&settings.holidays);
        let (actions, _) = plan::plan_application(&app, &settings, &calendar, ctx.today);
        if !actions.iter().any(|a| a.key == action_key) {
            return Err(CommandError::NotFound(action_key.to_string()));
        }
    }
    let next = edit.apply(&app, ctx.today)?;
    let prepared = store::prepare_put_app(Some(raw), next)?;
    Ok(Outcome {
        batch: Batch::default().set(vec![(prepared.key, prepared.value)]),
        reply: Reply::App(Box::new(prepared.app)),
    })
}

/// Reads what `command` needs from `kv`, runs it and writes its batch: the whole command path
/// over a synchronous store.
pub fn execute<K: KvStore + ?Sized>(
    kv: &mut K,
    command: Command,
    ctx: &Ctx,
) -> Result<Reply, CommandError> {
    let read = |kv: &K, reads: &Reads| -> Result<BTreeMap<String, String>, StoreError> {
        match reads {
            Reads::All => kv.get_all(),
            Reads::Keys(keys) => {
                let mut stored = BTreeMap::new();
                for key in keys {
                    if let Some(value) = kv.get(key)? {
                        stored.insert(key.clone(), value);
                    }
                }
                Ok(stored)
            }
        }
    };
    let reads = command.reads();
    let mut stored = read(kv, &reads)?;
    if stored.contains_key(JOURNAL_KEY) {
        if let Some(finish) = store::plan_finish(&kv.get_all()?) {
            finish.run(kv)?;
        }
        stored = read(kv, &reads)?;
    }
    let outcome = run(command, &stored, ctx)?;
    outcome.batch.run(kv)?;
    Ok(outcome.reply)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_reads_only_its_own_records() {
        let date = NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();
        let sent = Command::Edit {
            app_id: "a1".into(),
            edit: Edit::Sent {
                action_key: "ask-feedback".into(),
                date,
            },
        };
        assert_eq!(
            sent.reads(),
            Reads::Keys(vec![
                "app:a1".into(),
                SETTINGS_KEY.into(),
                JOURNAL_KEY.into()
            ])
        );
        let delete = Command::DeleteApp {
            id: "a2".into(),
            revision: 1,
        };
        assert_eq!(
            delete.reads(),
            Reads::Keys(vec!["app:a2".into(), JOURNAL_KEY.into()])
        );
        assert_eq!(Command::RestoreSnapshot.reads(), Reads::All);
    }
}
