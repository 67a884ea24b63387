//! The service worker's Rust side: badge figures and the message handler.
//!
//! `background.js` hands every message here with its sender, one at a time. Each message is
//! parsed and authorised by [`protocol`] before anything is read; the reply is a plain object
//! or `{error}`. Nothing is kept between calls: state is read from storage each time, and what
//! a compose window was offered from session storage (`super::compose`).

use std::collections::BTreeMap;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::data::{Data, DataError, State};
use super::kv::Kv;
use super::ui::i18n;
use super::{clock, to_js};
use crate::core::command::Edit;
use crate::core::draft::{render_action_in, usable_address};
use crate::core::matching;
use crate::core::model::{Action, ActionState, Application, Language};
use crate::core::plan::{self, Plan};
use crate::core::protocol::{self, Request, Sender};
use crate::core::sort;
use crate::core::store;
use crate::core::words::Worded;
use crate::ui::warning_text;

#[wasm_bindgen]
pub struct Background {
    pub(super) data: Data,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Badge {
    count: u32,
    overdue: bool,
}

/// One line of the compose window's chooser.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ChoiceView {
    app_id: String,
    action_key: String,
    kind: &'static str,
    label: String,
    contact_name: String,
    email: String,
    company: String,
    role: String,
    due: String,
    state: ActionState,
    matched: matching::MatchKind,
}

/// `{error, code}`: what went wrong in words, and a name the pages can branch on.
/// `{error, code}`, and for a refusal the page words itself `words`: the same as a code with
/// arguments, so the page shows it in the user's language.
fn error_reply(
    message: impl std::fmt::Display,
    code: &str,
    words: Option<Worded>,
) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Error<'a> {
        error: String,
        code: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        words: Option<Worded>,
    }
    to_js(&Error {
        error: message.to_string(),
        code,
        words,
    })
}

pub(super) fn find_action<'a>(plan: &'a Plan, app_id: &str, key: &str) -> Option<&'a Action> {
    plan.actions
        .iter()
        .find(|a| a.app_id == app_id && a.key == key)
}

/// The application `id` of `state`, whose applications are sorted by id when read.
pub(super) fn find_app<'a>(state: &'a State, id: &str) -> Option<&'a Application> {
    match state.apps.binary_search_by(|a| a.id.as_str().cmp(id)) {
        Ok(i) => state.apps.get(i),
        Err(_) => state.apps.iter().find(|a| a.id == id),
    }
}

#[wasm_bindgen]
impl Background {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Background {
        Background { data: Data::Worker }
    }

    /// Everything stored, or the reason it cannot be read.
    async fn state(&self) -> Result<State, JsValue> {
        self.data
            .load()
            .await
            .map_err(|e| JsValue::from_str(&e.to_string()))
    }

    /// `{count, overdue}` for the toolbar badge, from today's summary (built again first when
    /// it is not current: a new day, other settings, a change through sync).
    ///
    /// `changes` is what `chrome.storage.onChanged` reported, when that is why it runs: a
    /// change to the user's data that the extension did not write itself means today's summary
    /// and the contacts index may describe something else, and they are built again.
    pub async fn badge(&self, changes: JsValue) -> Result<JsValue, JsValue> {
        let fail = |e: DataError| JsValue::from_str(&e.to_string());
        if let Some(changes) = super::own::changes_of(&changes) {
            let foreign = super::own::foreign(&changes);
            let describes = |k: &String| {
                k.starts_with(store::APP_KEY_PREFIX)
                    || k == store::SETTINGS_KEY
                    || k == store::SCHEMA_KEY
                    || store::is_derived_key(k)
            };
            if foreign.iter().any(describes) {
                let derived = [store::SUMMARY_KEY, store::INDEX_KEY].map(String::from);
                Kv::Extension
                    .remove(&derived)
                    .await
                    .map_err(|e| fail(e.into()))?;
            }
        }
        to_js(&self.summary_badge().await.map_err(fail)?)
    }

    async fn summary_badge(&self) -> Result<Badge, DataError> {
        let (count, overdue) = self.data.keep_derived().await?.badge();
        Ok(Badge { count, overdue })
    }

    /// When the daily reminder should next fire, in milliseconds since the epoch: the next
    /// local time equal to the user's `notifyAt` ("HH:MM"); `null` when reminders are off.
    #[wasm_bindgen(js_name = nextReminder)]
    pub async fn next_reminder(&self) -> Result<JsValue, JsValue> {
        let state = self.state().await?;
        let Some((hour, minute)) = state.settings.notify_at.as_deref().and_then(parse_hh_mm) else {
            return Ok(JsValue::NULL);
        };
        let now = js_sys::Date::new_0();
        let at = js_sys::Date::new(&now.clone().into());
        at.set_hours(hour);
        at.set_minutes(minute);
        at.set_seconds(0);
        at.set_milliseconds(0);
        if at.get_time() <= now.get_time() {
            at.set_date(at.get_date() + 1);
        }
        Ok(JsValue::from_f64(at.get_time()))
    }

    /// `{title, message}` of the daily reminder, or `null` when nothing is due today.
    pub async fn reminder(&self) -> Result<JsValue, JsValue> {
        let badge = self
            .summary_badge()
            .await
            .map_err(|e| JsValue::from_str(&e.to_string()))?;
        if badge.count == 0 {
            return Ok(JsValue::NULL);
        }
        #[derive(Serialize)]
        struct Reminder {
            title: String,
            message: String,
        }
        let n = badge.count.to_string();
        to_js(&Reminder {
            title: i18n::t("appTitle"),
            message: i18n::tf(
                if badge.overdue {
                    "reminderOverdue"
                } else {
                    "reminderDue"
                },
                &[("n", &n)],
            ),
        })
    }

    /// Answers one message. `from` is `{id, url, tab}` of the sender; `own_id` and
    /// `own_origin` are this extension's id and page origin.
    pub async fn handle(
        &self,
        message: JsValue,
        from: JsValue,
        own_id: String,
        own_origin: String,
    ) -> Result<JsValue, JsValue> {
        let json = match js_sys::JSON::stringify(&message) {
            Ok(s) => String::from(s),
            Err(_) => return error_reply("malformed message: not JSON", "malformed", None),
        };
        let request = match protocol::parse(&json) {
            Ok(r) => r,
            Err(e) => return error_reply(e, "malformed", None),
        };
        let sender: Sender = super::from_js(&from).unwrap_or_default();
        if let Err(e) = protocol::authorize(&request, &sender, &own_id, &own_origin) {
            return error_reply(e, "forbidden", None);
        }
        match self.dispatch(request, &sender).await {
            Ok(reply) => Ok(reply),
            Err(e) => error_reply(&e, e.code(), Some(e.worded())),
        }
    }
}

impl Default for Background {
    fn default() -> Self {
        Self::new()
    }
}

impl Background {
    async fn dispatch(&self, request: Request, sender: &Sender) -> Result<JsValue, DataError> {
        // A page's write reads only the records its command names, not all of storage.
        let request = match request {
            Request::Write(command) => {
                self.data.ready().await?;
                return reply(&self.data.command(command).await?);
            }
            // A health check: its answer says only that the worker runs, and which version.
            Request::Ping {} => {
                #[derive(Serialize)]
                struct Pong {
                    ok: bool,
                    version: &'static str,
                }
                return reply(&Pong {
                    ok: true,
                    version: env!("CARGO_PKG_VERSION"),
                });
            }
            Request::BadgeRefresh {} => return reply(&self.summary_badge().await?),
            // Noticing reads the contacts index and the applications it names itself.
            Request::MailKnown { senders } => return self.mail_known(&senders, sender).await,
            Request::MailSeen { messages, lang } => {
                return self.mail_seen(&messages, &lang, sender).await
            }
            // Recording a reply reads and writes its one application through the command path.
            Request::FrameRecord { token } => return self.frame_record(&token, sender).await,
            other => other,
        };
        let today = clock::today();
        // A request about one application reads and plans that one alone; a compose message,
        // the applications the contacts index and its offers name.
        let (state, plan) = match self.compose_reads(&request).await? {
            Some(read) => read,
            None => {
                let state = match &request {
                    Request::DraftGet { app_id, .. }
                    | Request::ActionSent { app_id, .. }
                    | Request::ActionSentOn { app_id, .. }
                    | Request::ActionUndo { app_id, .. } => self.data.load_apps(&[app_id]).await?,
                    _ => self.data.load().await?,
                };
                let plan = plan::plan(&state.apps, &state.settings, today);
                (state, plan)
            }
        };
        match request {
            Request::ComposeOffer { .. }
            | Request::OfferDraft { .. }
            | Request::OfferSent { .. }
            | Request::OfferUndo { .. }
            | Request::FrameGet { .. }
            | Request::FrameClose { .. }
            | Request::FrameChoose { .. } => self.compose(request, sender, &state, &plan).await,
            Request::ComposeSent {
                recipients,
                compose,
            } => {
                self.compose_sent(&recipients, &compose, sender, &state, &plan)
                    .await
            }
            Request::ComposeMatch { recipients } => {
                let choices = matching::choices(&state.apps, &plan.actions, &recipients);
                let best = matching::best(&choices);
                // Each choice is looked up by id, not searched for: a long answer stays linear.
                let actions: BTreeMap<(&str, &str), &Action> = sort::map(
                    plan.actions
                        .iter()
                        .map(|a| ((a.app_id.as_str(), a.key.as_str()), a)),
                );
                let views: Vec<ChoiceView> = choices
                    .iter()
                    .filter_map(|c| {
                        let action = actions.get(&(c.app_id.as_str(), c.action_key.as_str()))?;
                        choice_view(find_app(&state, &c.app_id)?, action, c)
                    })
                    .collect();
                #[derive(Serialize)]
                struct Reply {
                    choices: Vec<ChoiceView>,
                    best: Option<usize>,
                }
                reply(&Reply {
                    choices: views,
                    best,
                })
            }
            Request::DraftGet { app_id, action_key } => {
                let app = find_app(&state, &app_id).ok_or(DataError::NotFound(app_id.clone()))?;
                let action = find_action(&plan, &app_id, &action_key)
                    .ok_or(DataError::NotFound(action_key.clone()))?;
                // Written in the application's language, defaulting to the one the user reads
                // the extension in: that of the message file the browser chose.
                let interface = Language::from_tag(&i18n::t("interfaceLanguage"));
                let draft = render_action_in(app, action, &state.settings, today, interface)
                    .map_err(|e| DataError::Invalid(e.to_string().into()))?;
                #[derive(Serialize)]
                struct Reply {
                    subject: String,
                    body: String,
                    to: Vec<String>,
                    warnings: Vec<String>,
                }
                let words = i18n::words();
                reply(&Reply {
                    warnings: draft
                        .warnings
                        .iter()
                        .map(|w| warning_text(&words, w))
                        .collect(),
                    subject: draft.subject,
                    body: draft.body,
                    to: draft.to,
                })
            }
            Request::ActionSent { app_id, action_key } => {
                let edit = Edit::Sent {
                    action_key,
                    date: today,
                };
                self.change(&state, &app_id, edit).await
            }
            Request::ActionSentOn {
                app_id,
                action_key,
                date,
            } => {
                let edit = Edit::Sent { action_key, date };
                self.change(&state, &app_id, edit).await
            }
            Request::ActionUndo { app_id, action_key } => {
                self.change(&state, &app_id, Edit::Undo { action_key })
                    .await
            }
            Request::Write(_)
            | Request::Ping {}
            | Request::BadgeRefresh {}
            | Request::MailKnown { .. }
            | Request::MailSeen { .. }
            | Request::FrameRecord { .. } => answered_above(),
        }
    }

    /// Records `edit` of the stored application `app_id` through the command path; replies
    /// `{ok, badge}`. An unknown application or action changes nothing.
    pub(super) async fn change(
        &self,
        state: &State,
        app_id: &str,
        edit: Edit,
    ) -> Result<JsValue, DataError> {
        find_app(state, app_id).ok_or(DataError::NotFound(app_id.to_string()))?;
        self.data.edit(app_id, edit).await?;
        // The edit moved the application's rows in today's summary: the badge is read there.
        let (badge, _) = self.data.summary().await?.badge();
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Reply {
            ok: bool,
            badge: u32,
        }
        reply(&Reply { ok: true, badge })
    }
}

#[derive(Serialize)]
pub(super) struct Done {
    pub ok: bool,
}

pub(super) fn reply<T: Serialize>(value: &T) -> Result<JsValue, DataError> {
    to_js(value).map_err(DataError::from_js)
}

fn choice_view(app: &Application, action: &Action, c: &matching::Choice) -> Option<ChoiceView> {
    let contact = action.contact_id.as_deref().and_then(|id| app.contact(id));
    let name = contact.map(|c| c.name.clone()).unwrap_or_default();
    let label = choice_label(app, action);
    Some(ChoiceView {
        app_id: c.app_id.clone(),
        action_key: c.action_key.clone(),
        kind: action.kind.as_str(),
        label,
        contact_name: name,
        // Only an address that cannot add recipients or header lines of its own.
        email: contact
            .and_then(|c| usable_address(&c.email))
            .unwrap_or_default()
            .to_string(),
        company: app.company.clone(),
        role: app.role.clone(),
        due: c.due.to_string(),
        state: c.state,
        matched: c.matched,
    })
}

/// One line of a chooser: what to send, to whom, for which application.
/// "Thank-you email to Dana Smith · Acme, Data Engineer", in the user's language.
pub(super) fn choice_label(app: &Application, action: &Action) -> String {
    let contact = action.contact_id.as_deref().and_then(|id| app.contact(id));
    let name = contact.map(|c| c.name.as_str()).unwrap_or_default();
    let kind = i18n::t(action.kind.info().message);
    let what = if name.is_empty() {
        kind
    } else {
        i18n::tf("actionTo", &[("what", &kind), ("name", name)])
    };
    i18n::tf(
        "choiceLabel",
        &[
            ("what", &what),
            ("company", &app.company),
            ("role", &app.role),
        ],
    )
}

/// Page writes, the health check and the badge are answered before storage is read in full;
/// this arm is never reached, and answers with an error rather than a panic should that change.
fn answered_above() -> Result<JsValue, DataError> {
    Err(DataError::Invalid("a request reached the full read".into()))
}

/// "HH:MM" as hours and minutes; `None` for anything else.
fn parse_hh_mm(text: &str) -> Option<(u32, u32)> {
    let (h, m) = text.split_once(':')?;
    let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
    (h < 24 && m < 60 && text.len() == 5).then_some((h, m))
}
