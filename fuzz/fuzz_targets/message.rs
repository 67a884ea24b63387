//! Any bytes as a message to the service worker: parsing never panics, and whatever parses
//! is either authorised or refused for a web page sender, never both.
#![no_main]
use followup::core::protocol::{authorize, parse, Sender};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(request) = parse(text) {
        let page = Sender { id: "id".into(), url: "https://example.com/".into(), tab: true, ..Sender::default() };
        assert!(authorize(&request, &page, "id", "chrome-extension://id").is_err());
    }
});
