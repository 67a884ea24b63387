//! Sizes, links and escaping of the exports.

use super::ics::push_folded;
use super::*;

#[test]
fn sizes_have_one_rounded_decimal() {
    assert_eq!(tenths(0, KB), "0.0");
    assert_eq!(tenths(1536, KB), "1.5");
    assert_eq!(tenths(1_572_864, MB), "1.5");
    assert_eq!(tenths(52_428_800, MB), "50.0");
    assert_eq!(tenths(1023, KB), "1.0");
    assert_eq!(tenths(1_048_575, MB), "1.0");
    assert_eq!(tenths(u64::MAX, 1), format!("{}.0", u64::MAX));
}

#[test]
fn compose_links_carry_every_field_encoded() {
    let to = vec![
        "dana@acme.example".to_string(),
        "lee@acme.example".to_string(),
    ];
    let gmail = gmail_compose_link(&to, "Thank you & more", "Hi Dana,\n\nThanks");
    assert_eq!(
        gmail,
        "https://mail.google.com/mail/?view=cm&fs=1&to=dana%40acme.example%2Clee%40acme.example\
         &su=Thank%20you%20%26%20more&body=Hi%20Dana%2C%0A%0AThanks"
    );
    let outlook = outlook_compose_link(&to, "Hi", "a=b");
    assert!(outlook.starts_with("https://outlook.live.com/mail/0/deeplink/compose?"));
    assert!(outlook.contains("to=dana%40acme.example%3Blee%40acme.example"));
    assert!(outlook.ends_with("&subject=Hi&body=a%3Db"));
}

#[test]
fn uid_parts_are_one_to_one() {
    assert_ne!(ics_uid("a-b", "c"), ics_uid("a", "b-c"));
    assert_ne!(ics_uid("a_2D", "c"), ics_uid("a-", "c"));
    assert_eq!(
        ics_uid("acme.1", "r1/thank-you"),
        "acme.1-r1_2Fthank_2Dyou@followup.local"
    );
}

#[test]
fn folding_counts_octets_and_keeps_characters_whole() {
    let mut out = String::new();
    push_folded(&mut out, &format!("SUMMARY:{}", "é".repeat(60)));
    for line in out.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    assert_eq!(
        out.replace("\r\n ", "").trim_end(),
        format!("SUMMARY:{}", "é".repeat(60))
    );
}

#[test]
fn percent_encoding_keeps_only_unreserved() {
    assert_eq!(
        percent_encode("Thank you, Dana & co ~ é/?"),
        "Thank%20you%2C%20Dana%20%26%20co%20~%20%C3%A9%2F%3F"
    );
}
