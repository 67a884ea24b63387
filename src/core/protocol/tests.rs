//! Parsing and sender checks of every message.

use super::*;

const ID: &str = "abcdefghijklmnop";
const ORIGIN: &str = "chrome-extension://abcdefghijklmnop";

fn sender(url: &str, tab: bool) -> Sender {
    Sender {
        id: ID.into(),
        url: url.into(),
        tab,
        tab_id: tab.then_some(7),
        frame_id: tab.then_some(0),
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
        "recipients" | "senders" => "[]",
        "messages" => {
            r#"[{"from":"a@b.io","name":"A","date":"Dec 3","subject":"s","id":"","opened":false}]"#
        }
        "app" | "settings" => r#"{"id":"a"}"#,
        "revision" => "1",
        "replace" => "false",
        "date" => r#""2026-03-03""#,
        "edit" => r#"{"kind":"undo","actionKey":"ask-feedback"}"#,
        _ => r#""a""#,
    };
    for MessageSpec { name, fields, .. } in MESSAGES {
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
    let ok = parse(r#"{"type":"offer/sent","offer":"o","compose":"c"}"#).unwrap();
    assert_eq!(authorize(&ok, &gmail, ID, ORIGIN), Ok(()));
    // By application and action, or for the chooser's words: only the extension's pages.
    for by_id in [
        r#"{"type":"action/sent","appId":"a","actionKey":"k"}"#,
        r#"{"type":"draft/get","appId":"a","actionKey":"k"}"#,
        r#"{"type":"compose/match","recipients":[]}"#,
        r#"{"type":"frame/get","token":"t"}"#,
    ] {
        assert!(authorize(&parse(by_id).unwrap(), &gmail, ID, ORIGIN).is_err());
    }
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
fn only_the_top_frame_of_an_exact_webmail_origin_is_a_compose_window() {
    let offer = parse(r#"{"type":"compose/offer","recipients":[],"compose":"c"}"#).unwrap();
    let top = sender("https://mail.google.com/mail/u/0/", true);
    assert_eq!(authorize(&offer, &top, ID, ORIGIN), Ok(()));
    let refused = [
        Sender {
            frame_id: Some(3),
            ..top.clone()
        },
        Sender {
            frame_id: None,
            ..top.clone()
        },
        sender("about:blank", true),
        sender("about:srcdoc", true),
        Sender {
            frame_id: Some(2),
            ..sender("about:blank", true)
        },
        sender("https://mail.google.com:8443/", true),
        sender("http://mail.google.com/", true),
        sender("https://mail.google.com/", false),
    ];
    for who in refused {
        assert!(authorize(&offer, &who, ID, ORIGIN).is_err(), "{who:?}");
    }
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

#[test]
fn an_edit_is_parsed_in_full_and_only_pages_may_send_it() {
    let ok = parse(
        r#"{"type":"app/edit","appId":"acme","edit":{"kind":"sent","actionKey":"ask-feedback","date":"2026-03-03"}}"#,
    )
    .unwrap();
    assert_eq!(ok.audience(), Audience::ExtensionPages);
    for bad in [
        r#"{"type":"app/edit","appId":"acme","edit":{"kind":"sent","actionKey":"ask-feedback"}}"#,
        r#"{"type":"app/edit","appId":"acme","edit":{"kind":"wire-money","amount":1}}"#,
        r#"{"type":"app/edit","appId":"acme","edit":{"kind":"undo","actionKey":"k","extra":1}}"#,
        r#"{"type":"app/edit","appId":"acme"}"#,
    ] {
        assert!(parse(bad).is_err(), "{bad} was accepted");
    }
}
