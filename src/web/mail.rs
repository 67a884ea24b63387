//! The service worker's side of noticing messages in webmail (`core::noticing`): which senders
//! a page's messages are from, the possible replies they become, the "Record reply" control
//! beside an opened one, and the question after a message the user wrote themselves was sent.
//!
//! Nothing is kept about a stranger: `mail/known` answers yes or no per address from the
//! contacts index and forgets the question, and the content script reports only the messages
//! of known senders.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::background::{choice_label, find_action, find_app, reply, Background, Done};
use super::compose::{frame_of, now, random_uuid, refused, Writes};
use super::data::{DataError, State};
use super::kv::Kv;
use super::ui::i18n;
use crate::core::edit::Edit;
use crate::core::index::{self, INDEX_KEY};
use crate::core::matching::{self, MatchKind};
use crate::core::model::{ActionKind, Answer, Settings};
use crate::core::noticing::{self, Message, Seen};
use crate::core::offers::{self, FrameKind, Offer, Step};
use crate::core::plan::Plan;
use crate::core::protocol::Sender;
use crate::core::sites;

#[wasm_bindgen]
extern "C" {
    /// background.js: shows the browser notification asking whether to record a send.
    #[wasm_bindgen(js_name = followupAsk)]
    fn followup_ask(id: &str, question: &str);
}

/// Notification ids of the questions after a send written by hand: `ask:<offer id>`.
pub const ASK_PREFIX: &str = "ask:";

/// Most senders or messages one question may carry; a page with more asks again.
const MAX_PER_MESSAGE: usize = 200;
/// The compose id of frames drawn beside opened messages (they belong to no compose window).
const MAIL_FRAMES: &str = "mail";

/// The site of a content script's page, with noticing on there.
fn noticing_site(sender: &Sender, settings: &Settings) -> Option<&'static str> {
    let site = sites::site_of(&sender.url)?;
    (!settings.notice_off.contains(&site.id)).then_some(site.id.as_str())
}

impl Background {
    /// The applications under `names` in the contacts index; with no complete index (a new
    /// installation before its first refresh), those whose own names include one of them.
    async fn named(&self, names: &BTreeSet<String>) -> Result<BTreeSet<String>, DataError> {
        let mut keys = index::bucket_keys(names);
        keys.push(INDEX_KEY.to_string());
        let stored = Kv::Extension.get_many(&keys).await?;
        if index::is_complete(&stored) {
            return Ok(index::lookup(&stored, names));
        }
        let state = self.data.load().await?;
        Ok(state
            .apps
            .iter()
            .filter(|a| !index::names(a).is_disjoint(names))
            .map(|a| a.id.clone())
            .collect())
    }

    /// `mail/known`: for each sender, whether it is at an application's contact's address or
    /// its company's domain.
    pub(super) async fn mail_known(
        &self,
        senders: &[String],
        sender: &Sender,
    ) -> Result<JsValue, DataError> {
        #[derive(Serialize)]
        struct Reply {
            known: Vec<bool>,
            off: bool,
        }
        if senders.len() > MAX_PER_MESSAGE {
            return Err(DataError::Invalid("too many senders in one message".into()));
        }
        let settings = self.data.load_apps(&[]).await?.settings;
        if noticing_site(sender, &settings).is_none() {
            return reply(&Reply {
                known: Vec::new(),
                off: true,
            });
        }
        let all: BTreeSet<String> = senders
            .iter()
            .flat_map(|s| noticing::sender_names(s))
            .collect();
        let mut keys = index::bucket_keys(&all);
        keys.push(INDEX_KEY.to_string());
        let stored = Kv::Extension.get_many(&keys).await?;
        let known = if index::is_complete(&stored) {
            senders
                .iter()
                .map(|s| {
                    let names: BTreeSet<String> = noticing::sender_names(s).into_iter().collect();
                    !index::lookup(&stored, &names).is_empty()
                })
                .collect()
        } else {
            let state = self.data.load().await?;
            let names: BTreeSet<String> = state.apps.iter().flat_map(index::names).collect();
            senders
                .iter()
                .map(|s| noticing::sender_names(s).iter().any(|n| names.contains(n)))
                .collect()
        };
        reply(&Reply { known, off: false })
    }

    /// `mail/seen`: keeps each message as a possible reply on the applications of its sender
    /// (those with a contact at that address, else those at its company's domain), through
    /// the command path; answers a "Record reply" frame token for each opened message that is
    /// a possible reply.
    pub(super) async fn mail_seen(
        &self,
        seen: &[Seen],
        lang: &str,
        sender: &Sender,
    ) -> Result<JsValue, DataError> {
        #[derive(Serialize)]
        struct Reply {
            controls: Vec<Option<String>>,
        }
        if seen.len() > MAX_PER_MESSAGE {
            return Err(DataError::Invalid(
                "too many messages in one message".into(),
            ));
        }
        let settings = self.data.load_apps(&[]).await?.settings;
        let Some(site) = noticing_site(sender, &settings) else {
            return reply(&Reply {
                controls: vec![None; seen.len()],
            });
        };
        let today = super::clock::today();
        // Each message with the applications it may be about.
        let mut about: Vec<(usize, Message, BTreeSet<String>)> = Vec::new();
        for (i, s) in seen.iter().enumerate() {
            let Some(m) = Message::read(s, site, lang, today) else {
                continue;
            };
            let names = noticing::sender_names(&m.from);
            let exact: BTreeSet<String> = names.iter().take(1).cloned().collect();
            let mut ids = self.named(&exact).await?;
            if ids.is_empty() && names.len() > 1 {
                let domain: BTreeSet<String> = names.iter().skip(1).cloned().collect();
                ids = self.named(&domain).await?;
            }
            if !ids.is_empty() {
                about.push((i, m, ids));
            }
        }
        let mut per_app: BTreeMap<String, Vec<Message>> = BTreeMap::new();
        for (_, m, ids) in &about {
            for id in ids {
                per_app.entry(id.clone()).or_default().push(m.clone());
            }
        }
        let ids: Vec<&str> = per_app.keys().map(String::as_str).collect();
        let state = self.data.load_apps(&ids).await?;
        let mut apps = state.apps;
        for app in &mut apps {
            let Some(messages) = per_app.get(&app.id) else {
                continue;
            };
            // Only a message that is new to the application is written.
            if noticing::take(app, messages, today).is_none() {
                continue;
            }
            let edit = Edit::Noticed {
                messages: messages.clone(),
                today,
            };
            *app = self.data.edit(&app.id.clone(), edit).await?;
        }
        let mut controls = vec![None; seen.len()];
        let mut writes = Writes::default();
        for (i, m, ids) in &about {
            if !seen[*i].opened {
                continue;
            }
            let pending = apps.iter().find(|a| {
                ids.contains(&a.id) && a.noticed.iter().any(|n| n.id == m.id && n.answer.is_none())
            });
            if let Some(app) = pending {
                let kind = FrameKind::Reply {
                    app: app.id.clone(),
                    message: m.id.clone(),
                };
                controls[*i] = Some(writes.frame(sender, MAIL_FRAMES, kind));
            }
        }
        writes.commit().await?;
        reply(&Reply { controls })
    }

    /// `compose/sent`: a message the user wrote without Insert went to `recipients`. When one
    /// of them is the person of a due or coming thank-you or follow-up, the browser shows a
    /// notification asking whether to record it (`followupAsk` in background.js); nothing is
    /// recorded unless the user says so there. The question is asked outside the page and the
    /// answer to the content script is the same either way, so the page learns nothing about
    /// the recipients.
    pub(super) async fn compose_sent(
        &self,
        recipients: &[String],
        compose: &str,
        sender: &Sender,
        state: &State,
        plan: &Plan,
    ) -> Result<JsValue, DataError> {
        let done = reply(&Done { ok: true });
        let tab = sender
            .tab_id
            .ok_or_else(|| DataError::Invalid("no tab".into()))?;
        let asked = matching::choices(&state.apps, &plan.actions, recipients)
            .into_iter()
            .find(|c| {
                c.matched == MatchKind::Exact
                    && find_action(plan, &c.app_id, &c.action_key).is_some_and(|a| {
                        matches!(
                            a.kind,
                            ActionKind::ThankYouEmail
                                | ActionKind::CheckIn
                                | ActionKind::FirstFollowUp
                                | ActionKind::SecondFollowUp
                        )
                    })
            });
        let Some(choice) = asked else {
            return done;
        };
        let (Some(app), Some(action)) = (
            find_app(state, &choice.app_id),
            find_action(plan, &choice.app_id, &choice.action_key),
        ) else {
            return done;
        };
        let question = i18n::tf("askRecord", &[("label", &choice_label(app, action))]);
        let id = random_uuid();
        let offer = Offer {
            tab,
            compose: compose.to_string(),
            app_id: choice.app_id,
            action_key: choice.action_key,
            // The message is written and sent: recording it is one step away.
            step: Step::Drafted,
            at: now(),
        };
        let mut writes = Writes::default();
        writes.offer(&id, &offer);
        writes.commit().await?;
        followup_ask(&format!("{ASK_PREFIX}{id}"), &question);
        done
    }

    /// `frame/record`: the Record reply control's button: records the message as a reply.
    pub(super) async fn frame_record(
        &self,
        token: &str,
        sender: &Sender,
        _state: &State,
        _plan: &Plan,
    ) -> Result<JsValue, DataError> {
        #[derive(Serialize)]
        struct Reply {
            ok: bool,
            done: String,
            undo: Option<String>,
        }
        let frame = frame_of(token, sender).await?;
        match frame.kind {
            FrameKind::Reply { app, message } => {
                let edit = Edit::Answer {
                    message,
                    answer: Answer::Reply,
                    decision_date: None,
                };
                self.data.edit(&app, edit).await?;
                reply(&Reply {
                    ok: true,
                    done: i18n::t("replyRecorded"),
                    undo: None,
                })
            }
            _ => Err(refused(offers::Refusal::Unknown)),
        }
    }
}

#[wasm_bindgen]
impl Background {
    /// The user said yes to the notification `id` (`ask:<offer>`): the offer's action is
    /// recorded as sent today. Answers the words of the notification that confirms it.
    #[wasm_bindgen(js_name = recordAsk)]
    pub async fn record_ask(&self, id: String) -> Result<JsValue, JsValue> {
        let recorded = async {
            let offer_id = id.strip_prefix(ASK_PREFIX).unwrap_or(&id);
            let key = format!("{}{offer_id}", crate::core::offers::OFFER_PREFIX);
            let stored = Kv::Session.get(&key).await?;
            let mut o: Offer = stored
                .and_then(|t| serde_json::from_str(&t).ok())
                .ok_or_else(|| refused(offers::Refusal::Unknown))?;
            o.step = offers::advance(o.step, Step::Sent).map_err(refused)?;
            let state = self.data.load_apps(&[o.app_id.as_str()]).await?;
            let plan = crate::core::plan::plan(&state.apps, &state.settings, super::clock::today());
            let label = match (
                find_app(&state, &o.app_id),
                find_action(&plan, &o.app_id, &o.action_key),
            ) {
                (Some(app), Some(action)) => choice_label(app, action),
                _ => return Err(DataError::NotFound(o.action_key.clone())),
            };
            let edit = Edit::Sent {
                action_key: o.action_key.clone(),
                date: super::clock::today(),
            };
            self.change(&state, &o.app_id, edit).await?;
            let mut writes = Writes::default();
            writes.offer(offer_id, &o);
            writes.commit().await?;
            Ok::<String, DataError>(i18n::tf("askRecorded", &[("label", &label)]))
        };
        match recorded.await {
            Ok(text) => Ok(JsValue::from_str(&text)),
            Err(e) => Err(JsValue::from_str(&e.to_string())),
        }
    }
}
