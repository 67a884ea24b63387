//! The messages the service worker accepts, who may send each, and how they are checked.
//!
//! Every message is parsed in full (type, fields, field types; unknown fields refused) before
//! anything happens, and its sender is checked against the message's audience: content
//! scripts on the supported webmail sites may only ask for what a compose window needs; the
//! extension's own pages may ask for everything; nobody else is answered. `extension/messages.js`
//! lists the same names for the JavaScript side.

use std::fmt;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use super::model::{Application, Settings};

/// A request to the service worker: `{"type": <name>, ...its fields in camelCase}`.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Content scripts: which actions fit the recipients of a compose window.
    ComposeMatch { recipients: Vec<String> },
    /// Content scripts: the draft for one action.
    DraftGet { app_id: String, action_key: String },
    /// Content scripts: the compose window with this draft was sent.
    ActionSent { app_id: String, action_key: String },
    /// Content scripts: undo of `action/sent`.
    ActionUndo { app_id: String, action_key: String },
    /// Pages: recompute the badge.
    BadgeRefresh {},
    /// Pages: health check.
    Ping {},
    /// Pages: write one application (revision-checked).
    AppSave { app: Box<Application> },
    /// Pages: delete one application (revision-checked).
    AppDelete { id: String, revision: u32 },
    /// Pages: write the settings (revision-checked).
    SettingsSave {
        settings: Box<Settings>,
        revision: u32,
    },
    /// Pages: validate and apply a backup file.
    BackupImport { text: String, replace: bool },
    /// Pages: put back the state saved before the last migration or import.
    SnapshotRestore {},
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
            Request::ComposeMatch { .. }
            | Request::DraftGet { .. }
            | Request::ActionSent { .. }
            | Request::ActionUndo { .. }
            | Request::Ping {} => Audience::ComposeWindow,
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
    /// Whether it came from a tab's content script.
    pub tab: bool,
}

/// The webmail origins whose content scripts may talk to the service worker.
pub const WEBMAIL_ORIGINS: &[&str] = &[
    "https://mail.google.com",
    "https://outlook.live.com",
    "https://outlook.office.com",
    "https://outlook.office365.com",
    "https://outlook.cloud.microsoft",
    "https://mail.yahoo.com",
    "https://mail.proton.me",
];

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
    let value: Value =
        serde_json::from_str(json).map_err(|e| ProtocolError::Malformed(e.to_string()))?;
    let Value::Object(mut fields) = value else {
        return Err(ProtocolError::Malformed("not an object".into()));
    };
    let kind = match fields.remove("type") {
        Some(Value::String(kind)) => kind,
        Some(_) => return Err(ProtocolError::Malformed("`type` is not a string".into())),
        None => return Err(ProtocolError::Malformed("missing field `type`".into())),
    };
    let Some(&(name, expected)) = FIELDS.iter().find(|(name, _)| *name == kind) else {
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
    Ok(match name {
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
        "app/save" => Request::AppSave {
            app: Box::new(take.field("app")?),
        },
        "app/delete" => Request::AppDelete {
            id: take.field("id")?,
            revision: take.field("revision")?,
        },
        "settings/save" => Request::SettingsSave {
            settings: Box::new(take.field("settings")?),
            revision: take.field("revision")?,
        },
        "backup/import" => Request::BackupImport {
            text: take.field("text")?,
            replace: take.field("replace")?,
        },
        "snapshot/restore" => Request::SnapshotRestore {},
        _ => Request::ActionSentOn {
            app_id: take.field("appId")?,
            action_key: take.field("actionKey")?,
            date: take.field("date")?,
        },
    })
}

/// Each message type and the fields it carries, all required.
const FIELDS: [(&str, &[&str]); 12] = [
    ("compose/match", &["recipients"]),
    ("draft/get", &["appId", "actionKey"]),
    ("action/sent", &["appId", "actionKey"]),
    ("action/undo", &["appId", "actionKey"]),
    ("badge/refresh", &[]),
    ("ping", &[]),
    ("app/save", &["app"]),
    ("app/delete", &["id", "revision"]),
    ("settings/save", &["settings", "revision"]),
    ("backup/import", &["text", "replace"]),
    ("snapshot/restore", &[]),
    ("action/sent-on", &["appId", "actionKey", "date"]),
];

/// A message's fields, taken one by one with their types checked. Messages are dispatched on
/// `type` by hand rather than with serde's tagged enums, whose buffering would compile a
/// second reader for every record type into the WebAssembly.
struct Fields(serde_json::Map<String, Value>);

impl Fields {
    fn field<T: DeserializeOwned>(&mut self, name: &str) -> Result<T, ProtocolError> {
        let value = self
            .0
            .remove(name)
            .ok_or_else(|| ProtocolError::Malformed(format!("missing field `{name}`")))?;
        serde_json::from_value(value)
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
    let from_webmail = sender.tab
        && (origin_of(&sender.url).is_some_and(|o| WEBMAIL_ORIGINS.contains(&o))
            || is_frame_of_webmail(&sender.url));
    match (request.audience(), from_webmail) {
        (Audience::ComposeWindow, true) => Ok(()),
        (Audience::ComposeWindow, false) => Err(forbidden("a page that is not a webmail site")),
        (Audience::ExtensionPages, _) => Err(forbidden("a web page")),
    }
}

/// Editors in `about:blank`/`about:srcdoc` frames (Proton's composer) report that URL.
fn is_frame_of_webmail(url: &str) -> bool {
    url == "about:blank" || url == "about:srcdoc"
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
        Request::ComposeMatch { .. } => "compose/match",
        Request::DraftGet { .. } => "draft/get",
        Request::ActionSent { .. } => "action/sent",
        Request::ActionUndo { .. } => "action/undo",
        Request::BadgeRefresh {} => "badge/refresh",
        Request::Ping {} => "ping",
        Request::AppSave { .. } => "app/save",
        Request::AppDelete { .. } => "app/delete",
        Request::SettingsSave { .. } => "settings/save",
        Request::BackupImport { .. } => "backup/import",
        Request::SnapshotRestore {} => "snapshot/restore",
        Request::ActionSentOn { .. } => "action/sent-on",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "abcdefghijklmnop";
    const ORIGIN: &str = "chrome-extension://abcdefghijklmnop";

    fn sender(url: &str, tab: bool) -> Sender {
        Sender {
            id: ID.into(),
            url: url.into(),
            tab,
        }
    }

    #[test]
    fn parses_each_content_script_message() {
        assert_eq!(
            parse(r#"{"type":"compose/match","recipients":["a@b.c"]}"#).unwrap(),
            Request::ComposeMatch {
                recipients: vec!["a@b.c".into()]
            }
        );
        assert_eq!(
            parse(r#"{"type":"draft/get","appId":"a","actionKey":"k"}"#).unwrap(),
            Request::DraftGet {
                app_id: "a".into(),
                action_key: "k".into()
            }
        );
    }

    #[test]
    fn every_message_type_parses_back_to_its_own_name() {
        let sample = |field: &str| match field {
            "recipients" => "[]",
            "app" | "settings" => r#"{"id":"a"}"#,
            "revision" => "1",
            "replace" => "false",
            "date" => r#""2026-03-03""#,
            _ => r#""a""#,
        };
        for (name, fields) in FIELDS {
            let body: Vec<String> = fields
                .iter()
                .map(|f| format!(r#","{f}":{}"#, sample(f)))
                .collect();
            let json = format!(r#"{{"type":"{name}"{}}}"#, body.concat());
            let request = parse(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
            assert_eq!(request_name(&request), name);
        }
    }

    #[test]
    fn malformed_messages_are_refused_with_a_reason() {
        for bad in [
            "",
            "[]",
            "null",
            r#"{"type":"nope"}"#,
            r#"{"recipients":[]}"#,
            r#"{"type":"compose/match"}"#,
            r#"{"type":"compose/match","recipients":"a@b.c"}"#,
            r#"{"type":"compose/match","recipients":[],"extra":1}"#,
            r#"{"type":"draft/get","appId":1,"actionKey":"k"}"#,
            r#"{"type":"action/sent-on","appId":"a","actionKey":"k","date":"2026-02-30"}"#,
        ] {
            let err = parse(bad).unwrap_err();
            assert!(matches!(err, ProtocolError::Malformed(_)), "{bad}: {err}");
            assert!(!err.to_string().is_empty());
        }
    }

    #[test]
    fn webmail_content_scripts_get_only_compose_messages() {
        let gmail = sender("https://mail.google.com/mail/u/0/#inbox", true);
        let ok = parse(r#"{"type":"action/sent","appId":"a","actionKey":"k"}"#).unwrap();
        assert_eq!(authorize(&ok, &gmail, ID, ORIGIN), Ok(()));
        let delete = parse(r#"{"type":"app/delete","id":"a","revision":1}"#).unwrap();
        assert!(authorize(&delete, &gmail, ID, ORIGIN).is_err());
        let import = parse(r#"{"type":"backup/import","text":"{}","replace":true}"#).unwrap();
        assert!(authorize(&import, &gmail, ID, ORIGIN).is_err());
    }

    #[test]
    fn other_sites_and_other_extensions_are_refused() {
        let ping = parse(r#"{"type":"ping"}"#).unwrap();
        let evil = sender("https://mail.google.com.evil.example/", true);
        assert!(authorize(&ping, &evil, ID, ORIGIN).is_err());
        let other_ext = Sender {
            id: "zzzz".into(),
            ..sender(&format!("{ORIGIN}/popup.html"), false)
        };
        assert!(authorize(&ping, &other_ext, ID, ORIGIN).is_err());
        let lookalike = sender("chrome-extension://abcdefghijklmnopq/popup.html", false);
        let delete = parse(r#"{"type":"app/delete","id":"a","revision":1}"#).unwrap();
        assert!(authorize(&delete, &lookalike, ID, ORIGIN).is_err());
        let no_url = sender("", false);
        assert!(authorize(&delete, &no_url, ID, ORIGIN).is_err());
    }

    #[test]
    fn extension_pages_may_send_everything() {
        let popup = sender(&format!("{ORIGIN}/popup.html"), false);
        let options_tab = sender(&format!("{ORIGIN}/options.html"), true);
        for msg in [
            r#"{"type":"app/delete","id":"a","revision":1}"#,
            r#"{"type":"snapshot/restore"}"#,
            r#"{"type":"compose/match","recipients":[]}"#,
        ] {
            assert_eq!(authorize(&parse(msg).unwrap(), &popup, ID, ORIGIN), Ok(()));
            assert_eq!(
                authorize(&parse(msg).unwrap(), &options_tab, ID, ORIGIN),
                Ok(())
            );
        }
    }
}
