//! The webmail sites are declared once, in `extension/sites.json`: the service worker's sender
//! check and the options page read it (`core::sites`), the manifest source carries no host of
//! its own (the assembly writes them from the descriptor, checked on the built manifests by
//! `tests/e2e/manifest.test.mjs`), and the content scripts have one adapter per site.

use std::collections::BTreeSet;
use std::path::Path;

use followup::core::protocol::{authorize, parse, Sender};
use followup::core::sites::{is_webmail_origin, optional_sites, patterns, sites};

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

#[test]
fn the_descriptor_names_each_site_once_with_exact_https_origins() {
    let all = sites();
    assert!(all.len() >= 4, "{all:?}");
    let ids: BTreeSet<&str> = all.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.len(), all.len(), "ids are unique");
    for site in all {
        assert!(!site.origins.is_empty(), "{}", site.id);
        for origin in &site.origins {
            let host = origin
                .strip_prefix("https://")
                .unwrap_or_else(|| panic!("{origin}"));
            assert!(
                !host.is_empty() && !host.contains(['/', '*', ':']),
                "{origin} is not an exact origin"
            );
        }
    }
    let optional: Vec<&str> = optional_sites().map(|s| s.id.as_str()).collect();
    assert_eq!(optional, ["yahoo", "proton"]);
    assert_eq!(patterns(&all[0]), ["https://mail.google.com/*"]);
}

#[test]
fn the_sender_check_trusts_exactly_the_descriptors_origins() {
    let ping = parse(r#"{"type":"ping"}"#).unwrap();
    let from = |url: &str| Sender {
        id: "me".into(),
        url: url.into(),
        tab: true,
        tab_id: Some(1),
        frame_id: Some(0),
    };
    for site in sites() {
        for origin in &site.origins {
            assert!(is_webmail_origin(origin));
            assert!(authorize(
                &ping,
                &from(&format!("{origin}/mail/u/0/")),
                "me",
                "chrome-extension://me"
            )
            .is_ok());
        }
    }
    for other in [
        "https://mail.google.com.evil.example",
        "http://mail.google.com",
        "https://evil.example",
        "https://outlook.live.com:8443",
    ] {
        assert!(!is_webmail_origin(other), "{other}");
        assert!(authorize(
            &ping,
            &from(&format!("{other}/")),
            "me",
            "chrome-extension://me"
        )
        .is_err());
    }
}

#[test]
fn the_manifest_source_and_the_scripts_carry_no_host_of_their_own() {
    let manifest: serde_json::Value =
        serde_json::from_str(&read("extension/manifest.json")).unwrap();
    assert!(manifest.get("host_permissions").is_none());
    assert!(manifest.get("optional_host_permissions").is_none());
    for entry in manifest["content_scripts"].as_array().unwrap() {
        assert!(entry.get("matches").is_none(), "{entry}");
        assert_eq!(entry["js"][0], "site-list.js", "the descriptor loads first");
    }
    for entry in manifest["web_accessible_resources"].as_array().unwrap() {
        assert!(entry.get("matches").is_none(), "{entry}");
    }
    for script in [
        "extension/content/sites.js",
        "extension/content/main.js",
        "extension/optional-sites.js",
        "extension/background.js",
    ] {
        let text = read(script);
        for site in sites() {
            for origin in &site.origins {
                let host = origin.trim_start_matches("https://");
                assert!(!text.contains(host), "{script} names {host}");
            }
        }
    }
}

#[test]
fn the_content_scripts_have_one_adapter_per_site() {
    let js = read("extension/content/sites.js");
    let adapters: BTreeSet<String> = js
        .split("\n    name: '")
        .skip(1)
        .map(|rest| rest.split('\'').next().unwrap_or_default().to_string())
        .collect();
    let ids: BTreeSet<String> = sites().iter().map(|s| s.id.clone()).collect();
    assert_eq!(adapters, ids);
}
