//! The messages the service worker accepts, who may send each, and how they are checked.
//!
//! Every message is parsed in full (type, fields, field types; unknown fields refused) before
//! anything happens, and its sender is checked against the message's audience: content
//! scripts in the top frame of a supported webmail site may only ask for what a compose window
//! needs, and only by the opaque offers the worker made to that tab (`core::offers`); the
//! extension's own pages may ask for everything; nobody else is answered.
//! `extension/messages.js` lists the same names for the JavaScript side.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::value::RawValue;

use super::command::Command;

mod port;
pub use port::PortError;

/// A request to the service worker: `{"type": <name>, ...its fields in camelCase}`.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Content scripts: offers for the recipients of one compose window (`compose` is the
    /// content script's own id for that window): the one to insert, or a chooser to open.
    ComposeOffer {
        recipients: Vec<String>,
        compose: String,
    },
    /// Content scripts: the draft of an offer made to this compose window.
    OfferDraft { offer: String, compose: String },
    /// Content scripts: the compose window holding this offer's draft was sent.
    OfferSent { offer: String, compose: String },
    /// Content scripts and the notice frame: undo of `offer/sent`.
    OfferUndo { offer: String },
    /// Content scripts: health check; says nothing about the data.
    Ping {},
    /// Content scripts: which of these senders (of messages a webmail page shows) belong to
    /// the people of an application; the others' messages are dropped in the page.
    MailKnown { senders: Vec<String> },
    /// Content scripts: messages from known senders, as the page lists or opens them.
    MailSeen {
        messages: Vec<crate::core::noticing::Seen>,
        lang: String,
    },
    /// Content scripts: a compose window the user wrote themselves was sent to `recipients`.
    ComposeSent {
        recipients: Vec<String>,
        compose: String,
    },
    /// The extension's frame: the user clicked its Record button (an ask, a reply control).
    FrameRecord { token: String },
    /// The extension's frame on a webmail page: the words of a chooser or notice.
    FrameGet { token: String },
    /// The extension's frame: closed by the user.
    FrameClose { token: String },
    /// The extension's chooser: the user chose this offer.
    FrameChoose { token: String, offer: String },
    /// Pages: which actions fit the recipients, with their words.
    ComposeMatch { recipients: Vec<String> },
    /// Pages: the draft for one action.
    DraftGet { app_id: String, action_key: String },
    /// Pages: an action was sent today.
    ActionSent { app_id: String, action_key: String },
    /// Pages: undo of `action/sent`.
    ActionUndo { app_id: String, action_key: String },
    /// Pages: recompute the badge.
    BadgeRefresh {},
    /// Pages: one change to the data (`app/edit`, `app/save`, `app/delete`, `settings/save`,
    /// `backup/import`, `snapshot/restore`), run by the command path as it is.
    Write(Command),
    /// Pages: mark an action sent on another day than today.
    ActionSentOn {
        app_id: String,
        action_key: String,
        date: NaiveDate,
    },
}

/// Who may send a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Content scripts on webmail pages, and the extension's pages.
    ComposeWindow,
    /// Only the extension's own pages (popup, options).
    ExtensionPages,
}

impl Request {
    pub fn audience(&self) -> Audience {
        match self {
            Request::ComposeOffer { .. }
            | Request::OfferDraft { .. }
            | Request::OfferSent { .. }
            | Request::OfferUndo { .. }
            | Request::Ping {}
            | Request::MailKnown { .. }
            | Request::MailSeen { .. }
            | Request::ComposeSent { .. } => Audience::ComposeWindow,
            _ => Audience::ExtensionPages,
        }
    }
}

/// The sender of a message as the browser reports it (`runtime.MessageSender`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Sender {
    /// The sending extension's id.
    pub id: String,
    /// The sending page or frame's URL.
    pub url: String,
    /// Whether it came from a tab (a content script, or an extension page in a tab or frame).
    pub tab: bool,
    /// That tab's id: offers are kept per tab.
    pub tab_id: Option<i64>,
    /// The frame in that tab: 0 is the top frame.
    pub frame_id: Option<i64>,
}

/// Why a message was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProtocolError {
    /// Not an object with a known `type` and exactly the right fields.
    Malformed(String),
    /// Sent by another extension or a page that may not ask for this.
    Forbidden {
        sender: String,
        request: &'static str,
    },
}

impl fmt::Display for ProtocolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProtocolError::Malformed(why) => write!(f, "malformed message: {why}"),
            ProtocolError::Forbidden { sender, request } => {
                write!(f, "{sender} may not send {request}")
            }
        }
    }
}

impl std::error::Error for ProtocolError {}

/// Longest string field accepted in a message (a backup file is the only long one).
const MAX_TEXT: usize = 20 * 1024 * 1024;

/// Parses a message given as JSON.
pub fn parse(json: &str) -> Result<Request, ProtocolError> {
    if json.len() > MAX_TEXT + 1024 {
        return Err(ProtocolError::Malformed(format!(
            "{} MB is more than a message may carry ({} MB at most; a backup file over 20 MB \
             is refused)",
            super::export::tenths(json.len() as u64, super::export::MB),
            MAX_TEXT / (1024 * 1024)
        )));
    }
    // Each field is kept as its JSON text and read on its own by the same reader storage uses,
    // so the records a message carries are read by the same compiled code as stored ones.
    let mut fields: BTreeMap<String, &RawValue> = serde_json::from_str(json).map_err(|e| {
        ProtocolError::Malformed(if e.is_data() {
            "not an object".into()
        } else {
            e.to_string()
        })
    })?;
    let kind: String = match fields.remove("type") {
        Some(raw) => serde_json::from_str(raw.get())
            .map_err(|_| ProtocolError::Malformed("`type` is not a string".into()))?,
        None => return Err(ProtocolError::Malformed("missing field `type`".into())),
    };
    let Some(&MessageSpec {
        name,
        fields: expected,
        ..
    }) = MESSAGES.iter().find(|m| m.name == kind)
    else {
        return Err(ProtocolError::Malformed(format!(
            "unknown message type `{kind}`"
        )));
    };
    if let Some(extra) = fields.keys().find(|k| !expected.contains(&k.as_str())) {
        return Err(ProtocolError::Malformed(format!(
            "unknown field `{extra}` in {name}"
        )));
    }
    let mut take = Fields(fields);
    let request = read_fields(name, &mut take)?;
    // Lists a page's content script fills: bounded, so no message makes the worker loop long.
    let longest = match &request {
        Request::ComposeOffer { recipients, .. }
        | Request::ComposeSent { recipients, .. }
        | Request::ComposeMatch { recipients } => recipients.len(),
        Request::MailKnown { senders } => senders.len(),
        Request::MailSeen { messages, .. } => messages.len(),
        _ => 0,
    };
    if longest > MAX_LIST {
        return Err(ProtocolError::Malformed(format!(
            "{longest} items in {name}; at most {MAX_LIST}"
        )));
    }
    Ok(request)
}

/// Most recipients, senders or messages one message may carry.
pub const MAX_LIST: usize = 200;

fn read_fields(name: &str, take: &mut Fields<'_>) -> Result<Request, ProtocolError> {
    Ok(match name {
        "compose/offer" => Request::ComposeOffer {
            recipients: take.field("recipients")?,
            compose: take.field("compose")?,
        },
        "offer/draft" => Request::OfferDraft {
            offer: take.field("offer")?,
            compose: take.field("compose")?,
        },
        "offer/sent" => Request::OfferSent {
            offer: take.field("offer")?,
            compose: take.field("compose")?,
        },
        "offer/undo" => Request::OfferUndo {
            offer: take.field("offer")?,
        },
        "mail/known" => Request::MailKnown {
            senders: take.field("senders")?,
        },
        "mail/seen" => Request::MailSeen {
            messages: take.field("messages")?,
            lang: take.field("lang")?,
        },
        "compose/sent" => Request::ComposeSent {
            recipients: take.field("recipients")?,
            compose: take.field("compose")?,
        },
        "frame/record" => Request::FrameRecord {
            token: take.field("token")?,
        },
        "frame/get" => Request::FrameGet {
            token: take.field("token")?,
        },
        "frame/close" => Request::FrameClose {
            token: take.field("token")?,
        },
        "frame/choose" => Request::FrameChoose {
            token: take.field("token")?,
            offer: take.field("offer")?,
        },
        "compose/match" => Request::ComposeMatch {
            recipients: take.field("recipients")?,
        },
        "draft/get" => Request::DraftGet {
            app_id: take.field("appId")?,
            action_key: take.field("actionKey")?,
        },
        "action/sent" => Request::ActionSent {
            app_id: take.field("appId")?,
            action_key: take.field("actionKey")?,
        },
        "action/undo" => Request::ActionUndo {
            app_id: take.field("appId")?,
            action_key: take.field("actionKey")?,
        },
        "badge/refresh" => Request::BadgeRefresh {},
        "ping" => Request::Ping {},
        "app/edit" => Request::Write(Command::Edit {
            app_id: take.field("appId")?,
            edit: take.field("edit")?,
        }),
        "app/save" => Request::Write(Command::SaveApp {
            app: Box::new(take.field("app")?),
        }),
        "app/delete" => Request::Write(Command::DeleteApp {
            id: take.field("id")?,
            revision: take.field("revision")?,
        }),
        "settings/save" => Request::Write(Command::SaveSettings {
            settings: Box::new(take.field("settings")?),
            revision: take.field("revision")?,
        }),
        "backup/import" => Request::Write(Command::Import {
            text: take.field("text")?,
            replace: take.field("replace")?,
        }),
        "snapshot/restore" => Request::Write(Command::RestoreSnapshot),
        _ => Request::ActionSentOn {
            app_id: take.field("appId")?,
            action_key: take.field("actionKey")?,
            date: take.field("date")?,
        },
    })
}

/// One message the service worker accepts: its name, the fields it carries (all required)
/// and the top-level fields of its reply (besides `{error, code}`). This table is the one
/// declaration of the messages; `extension/messages.js` repeats it for the JavaScript side,
/// and `tests/protocol_js.rs` fails when the two disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessageSpec {
    pub name: &'static str,
    pub fields: &'static [&'static str],
    /// `["*"]`: the reply is a whole record (an application, an import report).
    pub reply: &'static [&'static str],
}

const fn spec(
    name: &'static str,
    fields: &'static [&'static str],
    reply: &'static [&'static str],
) -> MessageSpec {
    MessageSpec {
        name,
        fields,
        reply,
    }
}

/// Every message, content scripts' and the frame's first, then the pages'.
pub const MESSAGES: [MessageSpec; 24] = [
    spec(
        "compose/offer",
        &["recipients", "compose"],
        &["pick", "chooser", "draft"],
    ),
    spec(
        "offer/draft",
        &["offer", "compose"],
        &["subject", "body", "check"],
    ),
    spec("offer/sent", &["offer", "compose"], &["notice"]),
    spec("offer/undo", &["offer"], &["ok"]),
    spec("ping", &[], &["ok", "version"]),
    spec("mail/known", &["senders"], &["known", "off"]),
    spec("mail/seen", &["messages", "lang"], &["controls"]),
    spec("compose/sent", &["recipients", "compose"], &["ok"]),
    spec("frame/record", &["token"], &["ok", "done"]),
    spec("frame/get", &["token"], &["kind"]),
    spec("frame/close", &["token"], &["ok"]),
    spec("frame/choose", &["token", "offer"], &["ok"]),
    spec("compose/match", &["recipients"], &["choices", "best"]),
    spec(
        "draft/get",
        &["appId", "actionKey"],
        &["subject", "body", "to", "warnings"],
    ),
    spec("action/sent", &["appId", "actionKey"], &["ok", "badge"]),
    spec("action/undo", &["appId", "actionKey"], &["ok", "badge"]),
    spec("badge/refresh", &[], &["count", "overdue"]),
    spec("app/edit", &["appId", "edit"], &["*"]),
    spec("app/save", &["app"], &["*"]),
    spec("app/delete", &["id", "revision"], &["ok"]),
    spec("settings/save", &["settings", "revision"], &["revision"]),
    spec("backup/import", &["text", "replace"], &["*"]),
    spec("snapshot/restore", &[], &["ok"]),
    spec(
        "action/sent-on",
        &["appId", "actionKey", "date"],
        &["ok", "badge"],
    ),
];

/// Messages the service worker sends to a tab's content script (no reply), with their fields.
pub const TO_CONTENT: [MessageSpec; 2] = [
    spec("content/insert", &[], &[]),
    spec("content/frame", &["token", "offer"], &[]),
];

/// A message's fields, taken one by one with their types checked. Messages are dispatched on
/// `type` by hand rather than with serde's tagged enums, whose buffering would compile a
/// second reader for every record type into the WebAssembly.
struct Fields<'a>(BTreeMap<String, &'a RawValue>);

impl Fields<'_> {
    fn field<T: DeserializeOwned>(&mut self, name: &str) -> Result<T, ProtocolError> {
        let raw = self
            .0
            .remove(name)
            .ok_or_else(|| ProtocolError::Malformed(format!("missing field `{name}`")))?;
        serde_json::from_str(raw.get())
            .map_err(|e| ProtocolError::Malformed(format!("field `{name}`: {e}")))
    }
}

/// Checks that `sender` may send `request`, given the extension's own id and page origin
/// (`chrome-extension://<id>` or `moz-extension://<uuid>`).
pub fn authorize(
    request: &Request,
    sender: &Sender,
    own_id: &str,
    own_origin: &str,
) -> Result<(), ProtocolError> {
    let name = request_name(request);
    let forbidden = |who: &str| ProtocolError::Forbidden {
        sender: who.to_string(),
        request: name,
    };
    if sender.id != own_id {
        return Err(forbidden("another extension"));
    }
    // The extension's pages, in the popup or in a tab (the options page opens in one).
    // Content scripts report the web page's URL, which never has the extension's origin.
    let from_own_page = origin_of(&sender.url) == Some(own_origin);
    if from_own_page {
        return Ok(());
    }
    // The top frame of a webmail origin, exactly: never a frame the page made (about:blank,
    // about:srcdoc, another origin), whose script the page controls.
    let from_webmail = sender.tab
        && sender.frame_id == Some(0)
        && origin_of(&sender.url).is_some_and(super::sites::is_webmail_origin);
    match (request.audience(), from_webmail) {
        (Audience::ComposeWindow, true) => Ok(()),
        (Audience::ComposeWindow, false) => Err(forbidden("a page that is not a webmail site")),
        (Audience::ExtensionPages, _) => Err(forbidden("a web page")),
    }
}

/// `scheme://host[:port]` of a URL, without parsing more than needed.
fn origin_of(url: &str) -> Option<&str> {
    let scheme_end = url.find("://")?;
    let rest = &url[scheme_end + 3..];
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    Some(&url[..scheme_end + 3 + host_end])
}

fn request_name(request: &Request) -> &'static str {
    match request {
        Request::ComposeOffer { .. } => "compose/offer",
        Request::OfferDraft { .. } => "offer/draft",
        Request::OfferSent { .. } => "offer/sent",
        Request::OfferUndo { .. } => "offer/undo",
        Request::MailKnown { .. } => "mail/known",
        Request::MailSeen { .. } => "mail/seen",
        Request::ComposeSent { .. } => "compose/sent",
        Request::FrameRecord { .. } => "frame/record",
        Request::FrameGet { .. } => "frame/get",
        Request::FrameClose { .. } => "frame/close",
        Request::FrameChoose { .. } => "frame/choose",
        Request::ComposeMatch { .. } => "compose/match",
        Request::DraftGet { .. } => "draft/get",
        Request::ActionSent { .. } => "action/sent",
        Request::ActionUndo { .. } => "action/undo",
        Request::BadgeRefresh {} => "badge/refresh",
        Request::Ping {} => "ping",
        Request::Write(command) => match command {
            Command::Edit { .. } => "app/edit",
            Command::SaveApp { .. } => "app/save",
            Command::DeleteApp { .. } => "app/delete",
            Command::SaveSettings { .. } => "settings/save",
            Command::Import { .. } => "backup/import",
            Command::RestoreSnapshot => "snapshot/restore",
        },
        Request::ActionSentOn { .. } => "action/sent-on",
    }
}

#[cfg(test)]
mod tests;
