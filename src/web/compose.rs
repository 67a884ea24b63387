//! The service worker's side of a webmail compose window: offers made to it, drafts and sends
//! by offer, and the words of the extension's own frame (chooser, notices) on the page.
//!
//! The content script only ever holds opaque tokens (`core::offers`): which application,
//! person or draft an offer stands for is said only to the extension frame, which the page
//! cannot read. Offers and frames live in session storage, so a worker stopped between two
//! messages keeps them.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::background::{choice_label, find_action, find_app, reply, Background, Done};
use super::data::{DataError, State};
use super::kv::Kv;
use super::ui::i18n;
use crate::core::command::Edit;
use crate::core::draft::render_action_in;
use crate::core::matching;
use crate::core::model::{ActionState, Language};
use crate::core::offers::{self, Frame, FrameKind, Offer, Step, FRAME_PREFIX, OFFER_PREFIX};
use crate::core::plan::Plan;
use crate::core::protocol::{Request, Sender};
use crate::ui::warning_text;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = crypto, js_name = randomUUID)]
    pub(super) fn random_uuid() -> String;
    #[wasm_bindgen(js_namespace = ["chrome", "tabs"], js_name = sendMessage, catch)]
    fn tabs_send(
        tab: f64,
        message: &JsValue,
        options: &JsValue,
    ) -> Result<js_sys::Promise, JsValue>;
}

/// The most a chooser lists.
const CHOOSER_ROWS: usize = 50;

pub(super) fn now() -> f64 {
    js_sys::Date::now()
}

async fn read<T: serde::de::DeserializeOwned>(key: String) -> Result<Option<T>, DataError> {
    let Some(text) = Kv::Session.get(&key).await? else {
        return Ok(None);
    };
    Ok(serde_json::from_str(&text).ok())
}

/// Session records one message changes, written together by [`Writes::commit`]: one storage
/// call per message (each costs the insert click a round trip to the browser), and a stopped
/// worker never leaves an offer without its frame or the other way round.
#[derive(Default)]
pub(super) struct Writes(Vec<(String, String)>);

impl Writes {
    pub(super) fn put<T: Serialize>(&mut self, key: String, value: &T) {
        self.0
            .push((key, serde_json::to_string(value).unwrap_or_default()));
    }

    pub(super) fn offer(&mut self, id: &str, offer: &Offer) {
        self.put(format!("{OFFER_PREFIX}{id}"), offer);
    }

    /// A new frame for the sender's tab and `compose`; returns its token.
    pub(super) fn frame(&mut self, sender: &Sender, compose: &str, kind: FrameKind) -> String {
        let token = random_uuid();
        let frame = Frame {
            tab: sender.tab_id.unwrap_or_default(),
            compose: compose.to_string(),
            at: now(),
            kind,
        };
        self.put(format!("{FRAME_PREFIX}{token}"), &frame);
        token
    }

    pub(super) async fn commit(self) -> Result<(), DataError> {
        Ok(Kv::Session.set(&self.0).await?)
    }
}

pub(super) fn refused(why: offers::Refusal) -> DataError {
    DataError::NotFound(why.to_string())
}

/// The offer `id`, if it was made to the sender's tab (and compose window, when given).
pub(super) async fn offer_of(
    id: &str,
    sender: &Sender,
    compose: Option<&str>,
) -> Result<Offer, DataError> {
    let stored: Option<Offer> = read(format!("{OFFER_PREFIX}{id}")).await?;
    offers::owned(stored.as_ref(), sender.tab_id, compose)
        .cloned()
        .map_err(refused)
}

pub(super) async fn frame_of(token: &str, sender: &Sender) -> Result<Frame, DataError> {
    let stored: Option<Frame> = read(format!("{FRAME_PREFIX}{token}")).await?;
    match stored {
        Some(f) if sender.tab_id == Some(f.tab) => Ok(f),
        _ => Err(refused(offers::Refusal::Unknown)),
    }
}

/// Tells the top frame's content script of `tab` what the user did in the extension frame.
fn tell_tab(tab: i64, message: &impl Serialize) {
    let (Ok(message), Ok(options)) = (
        super::to_js(message),
        super::to_js(&FrameZero { frame_id: 0 }),
    ) else {
        return;
    };
    if let Ok(promise) = tabs_send(tab as f64, &message, &options) {
        // The tab may have closed meanwhile: nothing to tell then.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}

/// A draft as the content script inserts it: the text, and a notice token for its checks.
#[derive(Serialize)]
struct DraftReply {
    subject: String,
    body: String,
    check: Option<String>,
}

/// Moves `o` to drafted and renders its draft; the caller writes `o` and `writes`.
fn drafted(
    o: &mut Offer,
    sender: &Sender,
    state: &State,
    plan: &Plan,
    writes: &mut Writes,
) -> Result<DraftReply, DataError> {
    o.step = offers::advance(o.step, Step::Drafted).map_err(refused)?;
    let app = find_app(state, &o.app_id).ok_or(DataError::NotFound(o.app_id.clone()))?;
    let action = find_action(plan, &o.app_id, &o.action_key)
        .ok_or(DataError::NotFound(o.action_key.clone()))?;
    // Written in the application's language, defaulting to the one the user reads the
    // extension in: that of the message file the browser chose.
    let interface = Language::from_tag(&i18n::t("interfaceLanguage"));
    let draft = render_action_in(
        app,
        action,
        &state.settings,
        super::clock::today(),
        interface,
    )
    .map_err(|e| DataError::Invalid(e.to_string().into()))?;
    let words = i18n::words();
    let mut warnings: Vec<String> = draft
        .warnings
        .iter()
        .map(|w| warning_text(&words, w))
        .collect();
    // A possible reply holds this follow-up: said first, before anything about the text.
    if let Some(h) = &action.held {
        let date = words.long_date(h.date);
        warnings.insert(
            0,
            words.tf("heldWarning", &[("name", &h.name), ("date", &date)]),
        );
    }
    let check = if warnings.is_empty() {
        None
    } else {
        Some(writes.frame(sender, &o.compose, FrameKind::Check { warnings }))
    };
    Ok(DraftReply {
        subject: draft.subject,
        body: draft.body,
        check,
    })
}

/// How often stale offers and frames are looked for: not on every hover of the button.
const PRUNE_EVERY_MS: f64 = 60_000.0;

thread_local! {
    static LAST_PRUNE: std::cell::Cell<f64> = const { std::cell::Cell::new(f64::NEG_INFINITY) };
}

/// Drops expired offers and frames, and the undrafted ones of `compose` (at most once a
/// minute, and at every worker start).
async fn prune(tab: i64, compose: &str, at: f64) -> Result<(), DataError> {
    if at - LAST_PRUNE.with(|c| c.get()) < PRUNE_EVERY_MS {
        return Ok(());
    }
    LAST_PRUNE.with(|c| c.set(at));
    let kept = Kv::Session.all().await?;
    let parsed = |prefix: &str| -> Vec<(String, String)> {
        kept.iter()
            .filter(|(k, _)| k.starts_with(prefix))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    };
    let stored_offers: Vec<(String, Offer)> = parsed(OFFER_PREFIX)
        .into_iter()
        .filter_map(|(k, v)| Some((k, serde_json::from_str(&v).ok()?)))
        .collect();
    let stored_frames: Vec<(String, Frame)> = parsed(FRAME_PREFIX)
        .into_iter()
        .filter_map(|(k, v)| Some((k, serde_json::from_str(&v).ok()?)))
        .collect();
    let stale = offers::stale(
        stored_offers.iter().map(|(k, o)| (k.as_str(), o)),
        stored_frames.iter().map(|(k, f)| (k.as_str(), f)),
        tab,
        compose,
        at,
    );
    Ok(Kv::Session.remove(&stale).await?)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FrameZero {
    frame_id: u32,
}

impl Background {
    /// Answers the messages of a compose window and of the extension frame on its page.
    pub(super) async fn compose(
        &self,
        request: Request,
        sender: &Sender,
        state: &State,
        plan: &Plan,
    ) -> Result<JsValue, DataError> {
        match request {
            Request::ComposeOffer {
                recipients,
                compose,
            } => self.offer(&recipients, &compose, sender, state, plan).await,
            Request::OfferDraft { offer, compose } => {
                let mut o = offer_of(&offer, sender, Some(&compose)).await?;
                let mut writes = Writes::default();
                let draft = drafted(&mut o, sender, state, plan, &mut writes)?;
                writes.offer(&offer, &o);
                writes.commit().await?;
                reply(&draft)
            }
            Request::OfferSent { offer, compose } => {
                let mut o = offer_of(&offer, sender, Some(&compose)).await?;
                o.step = offers::advance(o.step, Step::Sent).map_err(refused)?;
                let today = super::clock::today();
                let key = o.action_key.clone();
                let edit = Edit::Sent {
                    action_key: key,
                    date: today,
                };
                self.change(state, &o.app_id, edit).await?;
                let mut writes = Writes::default();
                writes.offer(&offer, &o);
                let notice = writes.frame(sender, &compose, FrameKind::Sent { offer });
                writes.commit().await?;
                #[derive(Serialize)]
                struct Reply {
                    notice: String,
                }
                reply(&Reply { notice })
            }
            Request::OfferUndo { offer } => {
                let mut o = offer_of(&offer, sender, None).await?;
                o.step = offers::undo(o.step).map_err(refused)?;
                let key = o.action_key.clone();
                self.change(state, &o.app_id, Edit::Undo { action_key: key })
                    .await?;
                let mut writes = Writes::default();
                writes.offer(&offer, &o);
                writes.commit().await?;
                reply(&Done { ok: true })
            }
            Request::FrameGet { token } => {
                let frame = frame_of(&token, sender).await?;
                self.frame_words(frame, sender, state, plan).await
            }
            Request::FrameClose { token } => {
                let frame = frame_of(&token, sender).await?;
                self.frame_done(&token, frame, None).await
            }
            Request::FrameChoose { token, offer } => {
                let frame = frame_of(&token, sender).await?;
                let FrameKind::Chooser { offers: listed } = &frame.kind else {
                    return Err(refused(offers::Refusal::Unknown));
                };
                if !listed.contains(&offer) {
                    return Err(refused(offers::Refusal::Unknown));
                }
                let mut o = offer_of(&offer, sender, Some(&frame.compose)).await?;
                o.step = offers::advance(o.step, Step::Chosen).map_err(refused)?;
                let mut writes = Writes::default();
                writes.offer(&offer, &o);
                writes.commit().await?;
                self.frame_done(&token, frame, Some(offer)).await
            }
            _ => Err(DataError::Invalid("not a compose message".into())),
        }
    }

    /// Removes the frame `token` and tells its tab's content script, with the offer chosen.
    async fn frame_done(
        &self,
        token: &str,
        frame: Frame,
        offer: Option<String>,
    ) -> Result<JsValue, DataError> {
        Kv::Session
            .remove(&[format!("{FRAME_PREFIX}{token}")])
            .await?;
        #[derive(Serialize)]
        struct Tell<'a> {
            r#type: &'static str,
            token: &'a str,
            offer: Option<String>,
        }
        tell_tab(
            frame.tab,
            &Tell {
                r#type: "content/frame",
                token,
                offer,
            },
        );
        reply(&Done { ok: true })
    }

    /// Offers for `recipients`: the exact match to insert, or a chooser of what `state` holds
    /// (the applications at the recipients' addresses and domains, and those on *Today*'s list).
    async fn offer(
        &self,
        recipients: &[String],
        compose: &str,
        sender: &Sender,
        state: &State,
        plan: &Plan,
    ) -> Result<JsValue, DataError> {
        let tab = sender
            .tab_id
            .ok_or_else(|| DataError::Invalid("no tab".into()))?;
        let at = now();
        prune(tab, compose, at).await?;

        let choices = matching::choices(&state.apps, &plan.actions, recipients);
        let pick = matching::pick(&choices);
        // A chooser lists the most fitting and most urgent first, and stops at a page.
        let shown: Vec<&matching::Choice> = match pick {
            Some(i) => vec![&choices[i]],
            None => choices.iter().take(CHOOSER_ROWS).collect(),
        };
        let mut records = Vec::new();
        for choice in shown {
            let offer = Offer {
                tab,
                compose: compose.to_string(),
                app_id: choice.app_id.clone(),
                action_key: choice.action_key.clone(),
                step: if pick.is_some() {
                    Step::Chosen
                } else {
                    Step::Offered
                },
                at,
            };
            records.push((random_uuid(), offer));
        }
        // The one to insert comes with its draft: one question before the click, not two.
        let mut writes = Writes::default();
        let draft = match (pick, records.first_mut()) {
            (Some(_), Some((_, o))) => Some(drafted(o, sender, state, plan, &mut writes)?),
            _ => None,
        };
        for (id, o) in &records {
            writes.offer(id, o);
        }
        let ids: Vec<String> = records.into_iter().map(|(id, _)| id).collect();
        let (pick, chooser) = match (pick, ids.is_empty()) {
            (Some(_), _) => (ids.into_iter().next(), None),
            (None, true) => (None, None),
            (None, false) => (
                None,
                Some(writes.frame(sender, compose, FrameKind::Chooser { offers: ids })),
            ),
        };
        writes.commit().await?;
        #[derive(Serialize)]
        struct Reply {
            pick: Option<String>,
            chooser: Option<String>,
            draft: Option<DraftReply>,
        }
        reply(&Reply {
            pick,
            chooser,
            draft,
        })
    }

    /// What the extension frame shows: the words only the frame may see.
    async fn frame_words(
        &self,
        frame: Frame,
        sender: &Sender,
        state: &State,
        plan: &Plan,
    ) -> Result<JsValue, DataError> {
        #[derive(Serialize)]
        #[serde(rename_all = "camelCase")]
        struct Item {
            offer: String,
            label: String,
            due: String,
            state: ActionState,
        }
        #[derive(Serialize)]
        #[serde(
            rename_all = "camelCase",
            tag = "kind",
            rename_all_fields = "camelCase"
        )]
        enum Words {
            Chooser { items: Vec<Item> },
            Sent { label: String, undo: String },
            Check { warnings: Vec<String> },
            Reply { label: String, title: String },
        }
        let words = match frame.kind {
            FrameKind::Chooser { offers: listed } => {
                let mut items = Vec::new();
                for id in listed {
                    let Ok(o) = offer_of(&id, sender, Some(&frame.compose)).await else {
                        continue;
                    };
                    let (Some(app), Some(action)) = (
                        find_app(state, &o.app_id),
                        find_action(plan, &o.app_id, &o.action_key),
                    ) else {
                        continue;
                    };
                    items.push(Item {
                        offer: id,
                        label: choice_label(app, action),
                        due: action.due.to_string(),
                        state: action.state,
                    });
                }
                Words::Chooser { items }
            }
            FrameKind::Sent { offer } => {
                let o = offer_of(&offer, sender, None).await?;
                let app =
                    find_app(state, &o.app_id).ok_or(DataError::NotFound(o.app_id.clone()))?;
                let label = match find_action(plan, &o.app_id, &o.action_key) {
                    Some(action) => choice_label(app, action),
                    None => format!("{}, {}", app.company, app.role),
                };
                Words::Sent { label, undo: offer }
            }
            FrameKind::Check { warnings } => Words::Check { warnings },
            FrameKind::Reply { app, message } => {
                let app = find_app(state, &app).ok_or(DataError::NotFound(app.clone()))?;
                let name = app
                    .noticed
                    .iter()
                    .find(|n| n.id == message)
                    .map(|n| n.name.clone())
                    .unwrap_or_default();
                Words::Reply {
                    label: i18n::t("replyControl"),
                    title: i18n::tf(
                        "replyControlTitle",
                        &[("name", &name), ("company", &app.company)],
                    ),
                }
            }
        };
        reply(&words)
    }
}
