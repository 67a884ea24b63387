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
use crate::core::index;
use crate::core::matching::{self, MatchKind};
use crate::core::model::{ActionKind, Answer, Settings};
use crate::core::noticing::{self, Message, Seen};
use crate::core::offers::{self, FrameKind, Offer, Step};
use crate::core::plan::Plan;
use crate::core::protocol::Sender;
use crate::core::sites;
use crate::core::sort;

#[wasm_bindgen]
extern "C" {
    /// background.js: shows the browser notification asking whether to record a send.
    #[wasm_bindgen(js_name = followupAsk)]
    fn followup_ask(id: &str, question: &str);
}

/// Notification ids of the questions after a send written by hand: `ask:<offer id>`.
pub const ASK_PREFIX: &str = "ask:";

/// The compose id of frames drawn beside opened messages (they belong to no compose window).
const MAIL_FRAMES: &str = "mail";

/// The site of a content script's page, with noticing on there.
fn noticing_site(sender: &Sender, settings: &Settings) -> Option<&'static str> {
    let site = sites::site_of(&sender.url)?;
    (!settings.notice_off.contains(&site.id)).then_some(site.id.as_str())
}

impl Background {
    /// The applications under each group of names, from one read of the contacts index; with
    /// no complete index (a new installation before its first refresh), those whose own names
    /// include one of the group's.
    async fn named_each(
        &self,
        groups: &[BTreeSet<String>],
    ) -> Result<Vec<BTreeSet<String>>, DataError> {
        if let Some(found) = self.found_each(groups).await? {
            return Ok(found);
        }
        let state = self.data.load().await?;
        let names: Vec<(&str, BTreeSet<String>)> = state
            .apps
            .iter()
            .map(|a| (a.id.as_str(), index::names(a)))
            .collect();
        Ok(groups
            .iter()
            .map(|g| {
                sort::set(
                    names
                        .iter()
                        .filter(|(_, n)| !n.is_disjoint(g))
                        .map(|(id, _)| id.to_string()),
                )
            })
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
        let settings = self.data.load_apps(&[]).await?.settings;
        if noticing_site(sender, &settings).is_none() {
            return reply(&Reply {
                known: Vec::new(),
                off: true,
            });
        }
        let groups: Vec<BTreeSet<String>> = senders
            .iter()
            .map(|s| sort::set(noticing::sender_names(s)))
            .collect();
        let known = self
            .named_each(&groups)
            .await?
            .iter()
            .map(|ids| !ids.is_empty())
            .collect();
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
        let settings = self.data.load_apps(&[]).await?.settings;
        let Some(site) = noticing_site(sender, &settings) else {
            return reply(&Reply {
                controls: vec![None; seen.len()],
            });
        };
        let today = super::clock::today();
        // Each message with the applications it may be about: those with a contact at its
        // sender's address, else those at the sender's company domain (one index read).
        let messages: Vec<(usize, Message)> = seen
            .iter()
            .enumerate()
            .filter_map(|(i, s)| Some((i, Message::read(s, site, lang, today)?)))
            .collect();
        let mut groups = Vec::with_capacity(2 * messages.len());
        for (_, m) in &messages {
            let names = noticing::sender_names(&m.from);
            groups.push(sort::set(names.iter().take(1).cloned()));
            groups.push(sort::set(names.iter().skip(1).cloned()));
        }
        let found = self.named_each(&groups).await?;
        let mut about: Vec<(usize, Message, BTreeSet<String>)> = Vec::new();
        for ((i, m), pair) in messages.into_iter().zip(found.chunks(2)) {
            let ids = match pair {
                [exact, _] if !exact.is_empty() => exact.clone(),
                [_, domain] => domain.clone(),
                _ => BTreeSet::new(),
            };
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
    ) -> Result<JsValue, DataError> {
        #[derive(Serialize)]
        struct Reply {
            ok: bool,
            done: String,
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
