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
use serde::Serialize;

use super::backup::{self, ImportError, ImportMode, ImportReport};
use super::calendar::WorkCalendar;
pub use super::edit::Edit;
use super::model::{Application, Settings};
use super::ops::OpError;
use super::plan;
use super::store::{
    self, Batch, KvStore, StoreError, INDEX_KEY, JOURNAL_KEY, SETTINGS_KEY, SUMMARY_KEY,
};
use super::words::{Arg, Coded};
use super::{index, summary};

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

impl Coded for CommandError {
    fn key(&self) -> &'static str {
        match self {
            CommandError::NotFound(_) => "errorNotFound",
            CommandError::Op(e) => e.key(),
            CommandError::Store(e) => e.key(),
            CommandError::Import(e) => e.key(),
        }
    }

    fn coded_args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            CommandError::NotFound(what) => vec![("what", Arg::text(what))],
            CommandError::Op(e) => e.coded_args(),
            CommandError::Store(e) => e.coded_args(),
            CommandError::Import(e) => e.coded_args(),
        }
    }
}

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
        // A change to one application also moves its rows in today's summary, which takes
        // planning that application with the settings.
        let one_app = |id: &str| {
            keys(vec![
                store::app_key(id),
                SETTINGS_KEY.to_string(),
                SUMMARY_KEY.to_string(),
            ])
        };
        // Saving or deleting may change the application's contacts, and so the contacts
        // index: its completion record and the buckets of the new version's names (those of
        // the stored version are known once it is read: [`Command::then_reads`]).
        let with_index = |id: &str, names: Vec<String>| {
            let Reads::Keys(mut keys) = one_app(id) else {
                return Reads::All;
            };
            keys.pop();
            keys.push(INDEX_KEY.to_string());
            keys.extend(names);
            keys.push(JOURNAL_KEY.to_string());
            Reads::Keys(keys)
        };
        match self {
            Command::SaveApp { app } => with_index(&app.id, index::bucket_keys(&index::names(app))),
            Command::DeleteApp { id, .. } => with_index(id, Vec::new()),
            Command::SaveSettings { .. } => keys(vec![SETTINGS_KEY.to_string()]),
            Command::Import { .. } | Command::RestoreSnapshot => Reads::All,
            Command::Edit { app_id, .. } => one_app(app_id),
        }
    }

    /// What the command needs besides [`Command::reads`], once those were read (`stored`):
    /// the buckets of the contacts index that hold the stored version's names.
    pub fn then_reads(&self, stored: &BTreeMap<String, String>) -> Vec<String> {
        let id = match self {
            Command::SaveApp { app } => &app.id,
            Command::DeleteApp { id, .. } => id,
            _ => return Vec::new(),
        };
        if !index::is_complete(stored) {
            return Vec::new();
        }
        match index::readable(stored, &store::app_key(id)) {
            Some(old) => index::bucket_keys(&index::names(&old))
                .into_iter()
                .filter(|key| !stored.contains_key(key))
                .collect(),
            None => Vec::new(),
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
            let key = store::app_key(&app.id);
            let old = index::readable(stored, &key);
            let prepared = store::prepare_put_app(get(&key), *app)?;
            let mut set = vec![(prepared.key, prepared.value)];
            set.extend(summary::after_change(
                stored,
                old.as_ref(),
                Some(&prepared.app),
                ctx.today,
            ));
            set.extend(index::after_change(
                stored,
                old.as_ref(),
                Some(&prepared.app),
            ));
            Ok(Outcome {
                batch: Batch::default().set(set),
                reply: Reply::App(Box::new(prepared.app)),
            })
        }
        Command::DeleteApp { id, revision } => {
            let key = store::app_key(&id);
            let old = index::readable(stored, &key);
            let batch = match store::prepare_delete_app(&id, get(&key), revision)? {
                None => Batch::default(),
                Some(key) => {
                    let mut set: Vec<(String, String)> =
                        summary::after_change(stored, old.as_ref(), None, ctx.today)
                            .into_iter()
                            .collect();
                    set.extend(index::after_change(stored, old.as_ref(), None));
                    if set.is_empty() {
                        Batch::default().remove(vec![key])
                    } else {
                        // A removal and a set are two browser writes: the journal makes them
                        // one.
                        store::whole_write(set, vec![store::removal(stored, &key)])?
                    }
                }
            };
            Ok(Outcome {
                batch,
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
                batch: summary::with_rebuilt(batch, stored, ctx.today),
                reply: Reply::Imported(plan.report),
            })
        }
        Command::RestoreSnapshot => Ok(Outcome {
            batch: summary::with_rebuilt(store::plan_restore(stored)?, stored, ctx.today),
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
    let mut set = vec![(prepared.key, prepared.value)];
    set.extend(summary::after_change(
        stored,
        Some(&app),
        Some(&prepared.app),
        ctx.today,
    ));
    Ok(Outcome {
        batch: Batch::default().set(set),
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
    let more = command.then_reads(&stored);
    stored.extend(read(kv, &Reads::Keys(more))?);
    let outcome = run(command, &stored, ctx)?;
    outcome.batch.run(kv)?;
    Ok(outcome.reply)
}
