//! What a compose message reads: the applications it is about, found through the contacts
//! index ([`crate::core::index`]) and the offers and frames it names, rather than all of
//! storage. A compose window with a recipient reads the applications with a contact at that
//! address first, and only when none of them is the one to insert, those at the recipient's
//! company domain and those on *Today*'s list (what the chooser offers besides). So does
//! `compose/match`, which answers with the same choices.

use std::collections::{BTreeMap, BTreeSet};

use super::background::Background;
use super::data::{DataError, State};
use super::kv::Kv;
use crate::core::index::{self, INDEX_KEY};
use crate::core::matching;
use crate::core::offers::{Frame, FrameKind, Offer, FRAME_PREFIX, OFFER_PREFIX};
use crate::core::plan::{self, Plan};
use crate::core::protocol::Request;
use crate::core::sort;

async fn session<T: serde::de::DeserializeOwned>(key: String) -> Option<T> {
    let text = Kv::Session.get(&key).await.ok()??;
    serde_json::from_str(&text).ok()
}

async fn offer_app(id: &str) -> Option<String> {
    let offer: Offer = session(format!("{OFFER_PREFIX}{id}")).await?;
    Some(offer.app_id)
}

impl Background {
    /// The state and plan `request` needs: only the applications it is about when the
    /// contacts index can say which; `None` for a request that is not a compose message or
    /// when the index is not complete (everything is read then).
    pub(super) async fn compose_reads(
        &self,
        request: &Request,
    ) -> Result<Option<(State, Plan)>, DataError> {
        let ids: BTreeSet<String> = match request {
            Request::ComposeOffer { recipients, .. } | Request::ComposeMatch { recipients } => {
                let exact_names = index::recipient_names(recipients, false);
                let Some(exact) = self.found(&exact_names).await? else {
                    return Ok(None);
                };
                let (mut state, plan) = self.read_apps(&exact).await?;
                let choices = matching::choices(&state.apps, &plan.actions, recipients);
                // The one to insert is among the exact matches, whatever else is stored.
                if matching::pick(&choices).is_some() {
                    return Ok(Some((state, plan)));
                }
                // Otherwise the chooser lists more: only what was not read yet is read.
                let domain_names: BTreeSet<String> = sort::set(
                    index::recipient_names(recipients, true)
                        .difference(&exact_names)
                        .cloned(),
                );
                let Some(mut more) = self.found(&domain_names).await? else {
                    return Ok(None);
                };
                let summary = self.data.summary().await?;
                more.extend(summary.head.into_iter().map(|e| e.action.app_id));
                let more: Vec<&str> = more
                    .iter()
                    .filter(|id| !exact.contains(*id))
                    .map(String::as_str)
                    .collect();
                state.apps.extend(self.data.load_apps(&more).await?.apps);
                sort::sort_by(&mut state.apps, |a, b| a.id.cmp(&b.id));
                let plan = plan::plan(&state.apps, &state.settings, super::clock::today());
                return Ok(Some((state, plan)));
            }
            Request::OfferDraft { offer, .. }
            | Request::OfferSent { offer, .. }
            | Request::OfferUndo { offer } => sort::set(offer_app(offer).await),
            Request::FrameGet { token } => {
                let frame: Option<Frame> = session(format!("{FRAME_PREFIX}{token}")).await;
                let offers = match frame.map(|f| f.kind) {
                    Some(FrameKind::Chooser { offers }) => offers,
                    Some(FrameKind::Sent { offer }) => vec![offer],
                    Some(FrameKind::Reply { app, .. }) => {
                        return Ok(Some(self.read_apps(&sort::set([app])).await?));
                    }
                    Some(FrameKind::Check { .. }) | None => Vec::new(),
                };
                let mut ids = BTreeSet::new();
                for offer in offers {
                    ids.extend(offer_app(&offer).await);
                }
                ids
            }
            Request::FrameClose { .. } | Request::FrameChoose { .. } => BTreeSet::new(),
            // A send the user wrote themselves is about the applications at its recipients'
            // exact addresses only.
            Request::ComposeSent { recipients, .. } => {
                let names = index::recipient_names(recipients, false);
                match self.found(&names).await? {
                    Some(ids) => ids,
                    None => return Ok(None),
                }
            }
            _ => return Ok(None),
        };
        Ok(Some(self.read_apps(&ids).await?))
    }

    /// The applications found under `names` (`index::recipient_names`); `None` when the
    /// index is not complete.
    async fn found(&self, names: &BTreeSet<String>) -> Result<Option<BTreeSet<String>>, DataError> {
        let each = self.found_each(std::slice::from_ref(names)).await?;
        Ok(each.and_then(|mut found| found.pop()))
    }

    /// The applications found under each group of names, from one read of the index records
    /// they need; `None` when the index is not complete.
    pub(super) async fn found_each(
        &self,
        groups: &[BTreeSet<String>],
    ) -> Result<Option<Vec<BTreeSet<String>>>, DataError> {
        let mut keys = index::bucket_keys(groups.iter().flatten());
        keys.push(INDEX_KEY.to_string());
        let stored: BTreeMap<String, String> = Kv::Extension.get_many(&keys).await?;
        if !index::is_complete(&stored) {
            return Ok(None);
        }
        Ok(Some(
            groups.iter().map(|g| index::lookup(&stored, g)).collect(),
        ))
    }

    async fn read_apps(&self, ids: &BTreeSet<String>) -> Result<(State, Plan), DataError> {
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let state = self.data.load_apps(&ids).await?;
        let plan = plan::plan(&state.apps, &state.settings, super::clock::today());
        Ok((state, plan))
    }
}
