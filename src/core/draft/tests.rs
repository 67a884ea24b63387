//! Drafts: cleaning, template keys and slots.

use super::*;

#[test]
fn only_single_plain_addresses_become_recipients() {
    for ok in ["dana@acme.io", "d.o'brien+jobs@mail.acme.co.uk"] {
        assert!(is_single_address(ok), "{ok}");
    }
    for bad in [
        "dana@acme.io\r\nBcc: everyone@evil.example",
        "dana@acme.io, lee@acme.io",
        "dana@acme.io,lee@acme.io",
        "Dana <dana@acme.io>",
        "dana@acme.io;lee@acme.io",
        "dana@@acme.io",
        "dana",
        "@acme.io",
        "dana@",
        "da\u{0}na@acme.io",
        "dana@acme.io\u{2028}",
    ] {
        assert!(!is_single_address(bad), "{bad:?}");
    }
}

#[test]
fn tidy_collapses_blank_runs_and_trims() {
    assert_eq!(tidy("\n\na  \n\n\n\nb\n\n"), "a\n\nb");
    assert_eq!(tidy("a\r\nb"), "a\nb");
    assert_eq!(tidy(""), "");
}

#[test]
fn keys_follow_the_kind_names() {
    assert_eq!(Part::Body.key(ActionKind::ThankYouEmail), "thank-you-email");
    assert_eq!(
        Part::Subject.key(ActionKind::ThankYouEmail),
        "thank-you-email.subject"
    );
    assert_eq!(
        Part::Voicemail.key(ActionKind::FirstFollowUp),
        "first-follow-up.voicemail"
    );
}

#[test]
fn every_slot_has_a_distinct_key_and_parses() {
    let slots = template_slots();
    let mut keys: Vec<&str> = slots.iter().map(|s| s.key.as_str()).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), slots.len());
    assert!(slots.iter().all(|s| parse(s.builtin).is_ok()));
    assert!(!keys.contains(&"thank-you-card.subject"));
}

#[test]
fn errors_serialise_with_a_message() {
    let e = DraftError::UnknownContact { id: "c9".into() };
    let json = serde_json::to_value(&e).expect("serialises");
    assert_eq!(json["type"], "unknown-contact");
    assert!(json["message"].as_str().is_some_and(|m| m.contains("c9")));
}
