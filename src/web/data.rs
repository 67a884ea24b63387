//! The data port: how every context reads and writes applications and settings.
//!
//! - [`Data::Worker`]: the service worker. Reads and writes `chrome.storage.local` itself and is
//!   the extension's only writer; it handles one message at a time.
//! - [`Data::Extension`]: the popup and options page. Reads `chrome.storage.local` directly
//!   (no round trip before the first paint) and sends every write to the service worker.
//! - [`Data::Page`]: `www/`. Reads and writes the page's `localStorage`.
//!
//! The record logic (revisions, migrations, snapshots, imports) is `core::store`'s; this file
//! only moves its prepared writes to the browser and awaits them.

use std::collections::BTreeMap;

use js_sys::{Promise, Reflect, JSON};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::kv::{Kv, KvError};
use super::{clock, json, request};
use crate::core::backup::{self, ImportReport};
use crate::core::command::{self, Command, Ctx, Edit, Reads, Reply};
use crate::core::model::{Application, Settings};
use crate::core::protocol::PortError;
use crate::core::store::{self, Batch, Step};
use crate::core::words::{Coded, Worded};

pub use super::error::DataError;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = sendMessage, catch)]
    fn send_message(message: &JsValue) -> Result<Promise, JsValue>;
}

/// Where this context's data lives and who writes it. A module built for one context has
/// only that context's port.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Data {
    #[cfg(feature = "worker")]
    Worker,
    #[cfg(feature = "pages")]
    Extension,
    #[cfg(feature = "www")]
    Page,
}

/// Everything the UI and the planner need.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct State {
    pub apps: Vec<Application>,
    pub settings: Settings,
    /// Pass back to [`Data::save_settings`].
    pub settings_revision: u32,
    /// Stored records that could not be read; they are kept untouched.
    pub problems: Vec<String>,
}

/// The reply of the service worker to a page's write.
#[derive(Deserialize)]
struct ErrorReply {
    error: String,
    #[serde(default)]
    code: String,
    /// The same as a code with arguments, for the page to word.
    #[serde(default)]
    words: Option<Worded>,
}

/// `relay` in a page that sends its writes to the service worker, `write` in a writer. A
/// module built for one kind of context has only that branch: a branch left out at run time
/// would still be compiled into an `async fn`.
macro_rules! by_port {
    ($data:expr, relay => $relay:expr, write => $write:expr $(,)?) => {{
        #[cfg(all(feature = "pages", any(feature = "worker", feature = "www")))]
        let out = if $data.writes_directly() {
            $write
        } else {
            $relay
        };
        #[cfg(all(feature = "pages", not(any(feature = "worker", feature = "www"))))]
        let out = $relay;
        #[cfg(not(feature = "pages"))]
        let out = $write;
        out
    }};
}

impl Data {
    /// The port of the context this code runs in: a global without a document that has
    /// extension storage is the service worker; a document with extension storage is an
    /// extension page; anything else is `www/`. A module built for one context is that one.
    pub fn here() -> Data {
        #[cfg(all(feature = "worker", not(feature = "pages"), not(feature = "www")))]
        return Data::Worker;
        #[cfg(all(feature = "pages", not(feature = "worker"), not(feature = "www")))]
        return Data::Extension;
        #[cfg(all(feature = "www", not(feature = "worker"), not(feature = "pages")))]
        return Data::Page;
        #[cfg(all(feature = "worker", feature = "pages", feature = "www"))]
        Data::detect()
    }

    #[cfg(all(feature = "worker", feature = "pages", feature = "www"))]
    fn detect() -> Data {
        let global = js_sys::global();
        let has = |path: &[&str]| {
            let mut value: JsValue = global.clone().into();
            for name in path {
                value =
                    Reflect::get(&value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
                if value.is_undefined() || value.is_null() {
                    return false;
                }
            }
            true
        };
        match (has(&["chrome", "storage", "local"]), has(&["document"])) {
            (true, false) => Data::Worker,
            (true, true) => Data::Extension,
            _ => Data::Page,
        }
    }

    /// The port of an extension page, or of `www/` when `www`.
    #[cfg_attr(not(all(feature = "pages", feature = "www")), allow(unused_variables))]
    pub(super) fn of_page(www: bool) -> Data {
        #[cfg(all(feature = "pages", feature = "www"))]
        return if www { Data::Page } else { Data::Extension };
        #[cfg(all(feature = "pages", not(feature = "www")))]
        return Data::Extension;
        #[cfg(all(feature = "www", not(feature = "pages")))]
        return Data::Page;
        #[cfg(not(any(feature = "pages", feature = "www")))]
        unreachable!("no page in a module built for the service worker ({www})")
    }

    /// Whether this is `www/`'s port (its own `localStorage`).
    pub(super) fn is_page(self) -> bool {
        #[cfg(feature = "www")]
        return self == Data::Page;
        #[cfg(not(feature = "www"))]
        false
    }

    pub(super) fn kv(self) -> Kv {
        if self.is_page() {
            Kv::Page
        } else {
            Kv::Extension
        }
    }

    /// Whether this context writes storage itself (else it asks the service worker).
    pub(super) fn writes_directly(self) -> bool {
        #[cfg(feature = "pages")]
        return self != Data::Extension;
        #[cfg(not(feature = "pages"))]
        true
    }

    /// Reads everything. The writer contexts first bring older stored layouts up to date
    /// (after a snapshot); newer layouts are refused and left untouched.
    pub async fn load(self) -> Result<State, DataError> {
        self.load_from(None).await
    }

    /// [`Data::load`], starting from `first`, a read of everything the page's glue started
    /// early (`chrome.storage.local.get(null)`), when there is one.
    pub async fn load_from(self, first: Option<js_sys::Promise>) -> Result<State, DataError> {
        let mut entries = match first {
            Some(first) => {
                let items = wasm_bindgen_futures::JsFuture::from(first)
                    .await
                    .map_err(DataError::from_js)?;
                super::kv::entries_of(&items)?
            }
            None => self.kv().all().await?,
        };
        let current =
            store::migrate::is_current_schema(entries.get(store::SCHEMA_KEY).map(String::as_str));
        if !current || entries.contains_key(store::JOURNAL_KEY) {
            by_port!(self, relay => {
                // The service worker upgrades storage when it reads it.
                self.ask(&request("badge/refresh", &[])).await?;
                entries = self.kv().all().await?;
            }, write => {
                entries = self.settled(entries).await?;
                let upgrade = store::plan_upgrade(&entries, &clock::now_iso())?;
                if !upgrade.batch.is_empty() {
                    self.run(&upgrade.batch).await?;
                    entries = self.kv().all().await?;
                }
            });
        }
        Ok(state_of(&entries))
    }

    /// The settings and the applications `ids` (those stored), once storage is in the current
    /// layout: what a request about one application reads, whatever else is stored.
    pub async fn load_apps(self, ids: &[&str]) -> Result<State, DataError> {
        self.ready().await?;
        let mut keys: Vec<String> = ids.iter().map(|id| store::app_key(id)).collect();
        keys.push(store::SETTINGS_KEY.to_string());
        Ok(state_of(&self.kv().get_many(&keys).await?))
    }

    /// Brings storage to the current layout and finishes an interrupted write, reading only
    /// the schema and journal records when there is nothing to do (the usual case): what a
    /// command needs before it reads its own records.
    pub async fn ready(self) -> Result<(), DataError> {
        let schema = self.kv().get(store::SCHEMA_KEY).await?;
        let current = store::migrate::is_current_schema(schema.as_deref());
        if current && self.kv().get(store::JOURNAL_KEY).await?.is_none() {
            return Ok(());
        }
        self.load().await.map(|_| ())
    }

    /// Saves one application; `app.revision` must be the one it was read with.
    pub async fn save_app(self, app: Application) -> Result<Application, DataError> {
        by_port!(self, relay => {
            let reply = self
                .ask(&request("app/save", &[("app", json(&app)?)]))
                .await?;
            serde_json::from_str(&reply).map_err(|e| DataError::Invalid(e.to_string().into()))
        }, write => {
            match self
                .command(Command::SaveApp { app: Box::new(app) })
                .await?
            {
                Reply::App(saved) => Ok(*saved),
                other => Err(unexpected(&other)),
            }
        })
    }

    /// Deletes one application read at `revision`.
    pub async fn delete_app(self, id: &str, revision: u32) -> Result<(), DataError> {
        by_port!(self, relay => {
            let fields = [("id", json(&id)?), ("revision", revision.to_string())];
            self.ask(&request("app/delete", &fields)).await.map(|_| ())
        }, write => {
            self.command(Command::DeleteApp {
                id: id.to_string(),
                revision,
            })
            .await
            .map(|_| ())
        })
    }

    /// Saves the settings read at `revision`; returns the new revision.
    pub async fn save_settings(self, settings: Settings, revision: u32) -> Result<u32, DataError> {
        by_port!(self, relay => {
            let fields = [
                ("settings", json(&settings)?),
                ("revision", revision.to_string()),
            ];
            let reply = self.ask(&request("settings/save", &fields)).await?;
            #[derive(Deserialize)]
            struct Saved {
                revision: u32,
            }
            serde_json::from_str::<Saved>(&reply)
                .map(|saved| saved.revision)
                .map_err(|_| DataError::Invalid("the settings were not saved".into()))
        }, write => {
            let command = Command::SaveSettings {
                settings: Box::new(settings),
                revision,
            };
            match self.command(command).await? {
                Reply::Settings { revision } => Ok(revision),
                other => Err(unexpected(&other)),
            }
        })
    }

    /// Validates a backup file in full, then merges it by id or replaces everything. A file
    /// with any problem changes nothing; the state before is kept as the snapshot.
    pub async fn import_backup(self, text: &str, replace: bool) -> Result<ImportReport, DataError> {
        by_port!(self, relay => {
            let fields = [("text", json(&text)?), ("replace", replace.to_string())];
            let reply = self.ask(&request("backup/import", &fields)).await?;
            serde_json::from_str(&reply).map_err(|e| DataError::Invalid(e.to_string().into()))
        }, write => {
            let command = Command::Import {
                text: text.to_string(),
                replace,
            };
            match self.command(command).await? {
                Reply::Imported(report) => Ok(report),
                other => Err(unexpected(&other)),
            }
        })
    }

    /// Puts back the state saved before the last migration or import.
    pub async fn restore_snapshot(self) -> Result<(), DataError> {
        by_port!(self, relay => {
            self.ask(&request("snapshot/restore", &[])).await.map(|_| ())
        }, write => {
            self.command(Command::RestoreSnapshot).await.map(|_| ())
        })
    }

    /// Records what happened to one application (sent, skipped, snoozed, a reply...). The
    /// writer applies it to the application as stored, so a page's older copy cannot undo a
    /// change made elsewhere.
    pub async fn edit(self, app_id: &str, edit: Edit) -> Result<Application, DataError> {
        by_port!(self, relay => {
            #[derive(serde::Serialize)]
            #[serde(rename_all = "camelCase")]
            struct EditMessage<'a> {
                r#type: &'static str,
                app_id: &'a str,
                edit: Edit,
            }
            let message = json(&EditMessage {
                r#type: "app/edit",
                app_id,
                edit,
            })?;
            let reply = self.ask(&message).await?;
            serde_json::from_str(&reply).map_err(|e| DataError::Invalid(e.to_string().into()))
        }, write => {
            let command = Command::Edit {
                app_id: app_id.to_string(),
                edit,
            };
            match self.command(command).await? {
                Reply::App(saved) => Ok(*saved),
                other => Err(unexpected(&other)),
            }
        })
    }

    /// Runs one command in a writer context: reads what it names (finishing an interrupted
    /// write first), lets `core::command` decide, and writes its batch before answering.
    #[cfg(any(feature = "worker", feature = "www"))]
    pub async fn command(self, command: Command) -> Result<Reply, DataError> {
        let reads = command.reads();
        let mut stored = self.read(&reads).await?;
        if stored.contains_key(store::JOURNAL_KEY) {
            self.settled(self.kv().all().await?).await?;
            stored = self.read(&reads).await?;
        }
        let ctx = Ctx {
            today: clock::today(),
            now: clock::now_iso(),
        };
        let more = command.then_reads(&stored);
        stored.extend(self.read(&Reads::Keys(more)).await?);
        let outcome = command::run(command, &stored, &ctx)?;
        self.run(&outcome.batch).await?;
        Ok(outcome.reply)
    }

    async fn read(self, reads: &Reads) -> Result<BTreeMap<String, String>, DataError> {
        match reads {
            Reads::All => Ok(self.kv().all().await?),
            Reads::Keys(keys) => Ok(self.kv().get_many(keys).await?),
        }
    }

    /// When the snapshot was taken and why, if there is one.
    pub async fn snapshot_info(self) -> Result<Option<(String, String)>, DataError> {
        let raw = self.kv().get(store::SNAPSHOT_KEY).await?;
        match raw {
            None => Ok(None),
            Some(raw) => {
                let snapshot = store::parse_snapshot(&raw)?;
                Ok(Some((snapshot.taken_at, snapshot.reason)))
            }
        }
    }

    /// The backup file of everything stored.
    pub async fn export_backup(self) -> Result<String, DataError> {
        let state = self.load().await?;
        Ok(backup::export_backup(
            &state.apps,
            &state.settings,
            &clock::now_iso(),
        ))
    }

    /// Bytes this app's data takes in storage ([`store::bytes_used`]).
    pub async fn bytes_in_use(self) -> Result<f64, DataError> {
        let entries = self.kv().all().await?;
        Ok(store::bytes_used(&entries) as f64)
    }

    /// `entries` once an interrupted import, restore or migration is finished: the removals its
    /// journal names are made before anything is planned on what is stored.
    #[cfg(any(feature = "worker", feature = "www"))]
    async fn settled(
        self,
        entries: BTreeMap<String, String>,
    ) -> Result<BTreeMap<String, String>, DataError> {
        match store::plan_finish(&entries) {
            None => Ok(entries),
            Some(finish) => {
                self.run(&finish).await?;
                Ok(self.kv().all().await?)
            }
        }
    }

    #[cfg(any(feature = "worker", feature = "www"))]
    async fn run(self, batch: &Batch) -> Result<(), DataError> {
        for step in &batch.steps {
            match step {
                Step::Set(entries) => self.set_with_drawing(entries).await?,
                Step::Remove(keys) => self.kv().remove(keys).await?,
            }
        }
        Ok(())
    }

    /// Sends a request (JSON text, from [`request`]) to the service worker; an `{error}` reply
    /// becomes a [`DataError`], any other comes back as JSON text.
    #[cfg(feature = "pages")]
    async fn ask(self, request: &str) -> Result<String, DataError> {
        let message = JSON::parse(request).map_err(DataError::from_js)?;
        let promise = send_message(&message).map_err(DataError::from_js)?;
        let reply = JsFuture::from(promise).await.map_err(|e| {
            let detail = KvError::from(e).0;
            DataError::Storage(PortError::NoAnswer { detail }.worded())
        })?;
        // A worker stopped while handling the message may leave the reply empty instead of
        // failing the promise: that is no answer, not a success.
        if reply.is_undefined() || reply.is_null() {
            return Err(DataError::Storage(PortError::Stopped.worded()));
        }
        let json = JSON::stringify(&reply)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| DataError::Storage(PortError::EmptyReply.worded()))?;
        if let Ok(err) = serde_json::from_str::<ErrorReply>(&json) {
            let words = err.words.unwrap_or_else(|| Worded::plain(err.error));
            return Err(DataError::from_code(&err.code, words));
        }
        Ok(json)
    }
}

/// A writer command answered with a reply of another kind: a defect, reported rather than
/// allowed to panic.
fn unexpected(reply: &Reply) -> DataError {
    DataError::Invalid(format!("unexpected reply {reply:?}").into())
}

fn state_of(entries: &BTreeMap<String, String>) -> State {
    let loaded = store::decode_state(entries);
    State {
        apps: loaded.apps,
        settings: loaded.settings,
        settings_revision: loaded.settings_revision,
        problems: loaded.problems.iter().map(|p| p.to_string()).collect(),
    }
}

/// `saveApplication(app)` for pages: saves one application through this context's port (a
/// message to the service worker from an extension page, `localStorage` in `www/`). Resolves
/// to the stored application with its new revision; rejects with `{error, code}`.
#[cfg(all(any(feature = "pages", feature = "www"), not(feature = "early")))]
#[wasm_bindgen(js_name = saveApplication)]
pub async fn save_application(app: JsValue) -> Result<JsValue, JsValue> {
    let refuse = |e: DataError| {
        let reply = serde_json::json!({ "error": e.to_string(), "code": e.code() });
        super::to_js(&reply).unwrap_or_else(|_| JsValue::from_str(&e.to_string()))
    };
    let app: Application = super::from_js(&app).map_err(|e| {
        refuse(DataError::Invalid(
            format!("not an application: {e}").into(),
        ))
    })?;
    let saved = Data::here().save_app(app).await.map_err(refuse)?;
    super::to_js(&saved).map_err(|_| refuse(DataError::Invalid("the saved application".into())))
}
