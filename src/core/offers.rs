//! Offers: what the worker has shown one compose window, so that a content script can only ask
//! for drafts and record sends it was offered, and never learns whose follow-up an offer is.
//!
//! A content script gets opaque tokens: the offer to insert (only an exact match, see
//! [`crate::core::matching::pick`]) or a chooser, whose words only the extension's own frame
//! can ask for. Each offer is bound to the tab and the compose window it was made to and moves
//! through [`Step`]s in order: offered (in a chooser), chosen (by the worker for an exact match,
//! or by the user in the chooser), drafted, sent. The records live in the browser's session
//! storage, so a service worker stopped between two messages still knows them, and they are
//! gone when the browser closes.

use serde::de::Error;
use serde::{Deserialize, Deserializer, Serialize};

/// How long an offer or frame is kept: a compose window left open longer asks again.
pub const KEEP_MS: f64 = 24.0 * 60.0 * 60.0 * 1000.0;

/// Storage key prefix of offers and frames in session storage.
pub const OFFER_PREFIX: &str = "offer:";
pub const FRAME_PREFIX: &str = "frame:";

/// Where one offer is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    /// Listed in a chooser; nothing may be drafted yet.
    Offered,
    /// The one to insert: picked by the worker (exact match) or by the user in the chooser.
    Chosen,
    /// Its draft was handed to the compose window.
    Drafted,
    /// Recorded as sent; may be undone.
    Sent,
}

/// One action offered to one compose window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Offer {
    pub tab: i64,
    pub compose: String,
    pub app_id: String,
    pub action_key: String,
    pub step: Step,
    /// Milliseconds since the epoch when it was made.
    pub at: f64,
}

/// What an extension frame on a webmail page shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum FrameKind {
    /// The list of offers to choose from.
    Chooser { offers: Vec<String> },
    /// "Recorded as sent", with Undo.
    Sent { offer: String },
    /// The draft's checks, after insertion.
    Check { warnings: Vec<String> },
    /// "Record reply" beside the sender of an opened message: the possible reply `message`
    /// of the application `app`.
    Reply { app: String, message: String },
}

/// One extension frame, bound to the tab and compose window it is shown in.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Frame {
    pub tab: i64,
    pub compose: String,
    pub at: f64,
    #[serde(flatten)]
    pub kind: FrameKind,
}

// A frame is read through a flat record rather than serde's flattened, internally tagged enum,
// whose buffering of the whole value would be compiled into the WebAssembly for this one type.
#[derive(Deserialize)]
struct FlatFrame {
    tab: i64,
    compose: String,
    at: f64,
    kind: String,
    offers: Option<Vec<String>>,
    offer: Option<String>,
    warnings: Option<Vec<String>>,
    app: Option<String>,
    message: Option<String>,
}

impl<'de> Deserialize<'de> for Frame {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let flat = FlatFrame::deserialize(d)?;
        let kind = match flat.kind.as_str() {
            "chooser" => FrameKind::Chooser {
                offers: flat
                    .offers
                    .ok_or_else(|| D::Error::missing_field("offers"))?,
            },
            "sent" => FrameKind::Sent {
                offer: flat.offer.ok_or_else(|| D::Error::missing_field("offer"))?,
            },
            "check" => FrameKind::Check {
                warnings: flat
                    .warnings
                    .ok_or_else(|| D::Error::missing_field("warnings"))?,
            },
            "reply" => FrameKind::Reply {
                app: flat.app.ok_or_else(|| D::Error::missing_field("app"))?,
                message: flat
                    .message
                    .ok_or_else(|| D::Error::missing_field("message"))?,
            },
            other => {
                return Err(D::Error::unknown_variant(
                    other,
                    &["chooser", "sent", "check", "reply"],
                ));
            }
        };
        Ok(Frame {
            tab: flat.tab,
            compose: flat.compose,
            at: flat.at,
            kind,
        })
    }
}

/// Why a request about an offer was refused. The content script only learns that it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No such offer, or not this tab's, or not this compose window's.
    Unknown,
    /// The offer exists but is not at the step this request needs.
    OutOfOrder,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Refusal::Unknown => "this follow-up was not offered to this message",
            Refusal::OutOfOrder => "this follow-up is not at that step",
        })
    }
}

/// The offer, if it was made to this tab (and this compose window, when given).
pub fn owned<'a>(
    offer: Option<&'a Offer>,
    tab: Option<i64>,
    compose: Option<&str>,
) -> Result<&'a Offer, Refusal> {
    let offer = offer.ok_or(Refusal::Unknown)?;
    let same_tab = tab == Some(offer.tab);
    let same_compose = compose.map_or(true, |c| c == offer.compose);
    if same_tab && same_compose {
        Ok(offer)
    } else {
        Err(Refusal::Unknown)
    }
}

/// Whether an offer at `from` may move on to `to`.
pub fn advance(from: Step, to: Step) -> Result<Step, Refusal> {
    let allowed = match to {
        Step::Offered => false,
        // Chosen in the chooser: only what it listed.
        Step::Chosen => from == Step::Offered,
        // A draft again (the user inserts twice) is the same draft.
        Step::Drafted => matches!(from, Step::Chosen | Step::Drafted),
        Step::Sent => from == Step::Drafted,
    };
    allowed.then_some(to).ok_or(Refusal::OutOfOrder)
}

/// The step after undoing a send: drafted again, so that a later real send records it.
pub fn undo(from: Step) -> Result<Step, Refusal> {
    (from == Step::Sent)
        .then_some(Step::Drafted)
        .ok_or(Refusal::OutOfOrder)
}

/// Keys to drop before new offers are made to `compose` in `tab` at `now`: anything expired,
/// and that window's offers and frames nothing was drafted from (the recipients changed).
pub fn stale<'a>(
    offers: impl Iterator<Item = (&'a str, &'a Offer)>,
    frames: impl Iterator<Item = (&'a str, &'a Frame)>,
    tab: i64,
    compose: &str,
    now: f64,
) -> Vec<String> {
    let here = |t: i64, c: &str| t == tab && c == compose;
    let mut out: Vec<String> = offers
        .filter(|(_, o)| {
            now - o.at > KEEP_MS
                || (here(o.tab, &o.compose) && matches!(o.step, Step::Offered | Step::Chosen))
        })
        .map(|(k, _)| k.to_string())
        .collect();
    out.extend(
        frames
            .filter(|(_, f)| now - f.at > KEEP_MS || here(f.tab, &f.compose))
            .map(|(k, _)| k.to_string()),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer(step: Step) -> Offer {
        Offer {
            tab: 4,
            compose: "c1".into(),
            app_id: "acme".into(),
            action_key: "k".into(),
            step,
            at: 1000.0,
        }
    }

    #[test]
    fn an_offer_serves_only_its_own_tab_and_compose_window() {
        let o = offer(Step::Chosen);
        assert!(owned(Some(&o), Some(4), Some("c1")).is_ok());
        assert!(owned(Some(&o), Some(4), None).is_ok());
        assert_eq!(owned(Some(&o), Some(5), Some("c1")), Err(Refusal::Unknown));
        assert_eq!(owned(Some(&o), None, Some("c1")), Err(Refusal::Unknown));
        assert_eq!(owned(Some(&o), Some(4), Some("c2")), Err(Refusal::Unknown));
        assert_eq!(owned(None, Some(4), Some("c1")), Err(Refusal::Unknown));
    }

    #[test]
    fn steps_go_in_order() {
        use Step::*;
        assert_eq!(advance(Offered, Drafted), Err(Refusal::OutOfOrder));
        assert_eq!(advance(Offered, Sent), Err(Refusal::OutOfOrder));
        assert_eq!(advance(Offered, Chosen), Ok(Chosen));
        assert_eq!(advance(Chosen, Chosen), Err(Refusal::OutOfOrder));
        assert_eq!(advance(Chosen, Sent), Err(Refusal::OutOfOrder));
        assert_eq!(advance(Chosen, Drafted), Ok(Drafted));
        assert_eq!(advance(Drafted, Drafted), Ok(Drafted));
        assert_eq!(advance(Drafted, Offered), Err(Refusal::OutOfOrder));
        assert_eq!(advance(Drafted, Sent), Ok(Sent));
        assert_eq!(advance(Sent, Sent), Err(Refusal::OutOfOrder));
        assert_eq!(undo(Drafted), Err(Refusal::OutOfOrder));
        assert_eq!(undo(Sent), Ok(Drafted));
    }

    #[test]
    fn new_offers_replace_a_windows_undrafted_ones_and_expired_ones() {
        let offers = [
            ("offer:a", offer(Step::Offered)),
            ("offer:b", offer(Step::Drafted)),
            (
                "offer:c",
                Offer {
                    compose: "c2".into(),
                    ..offer(Step::Chosen)
                },
            ),
            (
                "offer:d",
                Offer {
                    at: 0.0,
                    ..offer(Step::Sent)
                },
            ),
        ];
        let frames = [(
            "frame:x",
            Frame {
                tab: 4,
                compose: "c1".into(),
                at: 1000.0,
                kind: FrameKind::Chooser { offers: vec![] },
            },
        )];
        let now = KEEP_MS + 500.0;
        let gone = stale(
            offers.iter().map(|(k, o)| (*k, o)),
            frames.iter().map(|(k, f)| (*k, f)),
            4,
            "c1",
            now,
        );
        assert_eq!(gone, vec!["offer:a", "offer:d", "frame:x"]);
    }

    #[test]
    fn records_read_back() {
        for kind in [
            FrameKind::Sent { offer: "o".into() },
            FrameKind::Chooser {
                offers: vec!["a".into(), "b".into()],
            },
            FrameKind::Check {
                warnings: vec!["w".into()],
            },
        ] {
            let f = Frame {
                tab: 1,
                compose: "c".into(),
                at: 2.0,
                kind,
            };
            let json = serde_json::to_string(&f).unwrap();
            assert_eq!(serde_json::from_str::<Frame>(&json).unwrap(), f);
        }
        let bad = r#"{"tab":1,"compose":"c","at":2,"kind":"sent"}"#;
        assert!(serde_json::from_str::<Frame>(bad).is_err());
        let o = offer(Step::Sent);
        assert_eq!(
            serde_json::from_str::<Offer>(&serde_json::to_string(&o).unwrap()).unwrap(),
            o
        );
    }
}
