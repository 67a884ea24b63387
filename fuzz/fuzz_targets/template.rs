//! Any text as a user template: parsing and rendering never panic, and a template that parses
//! renders for every kind of action against the sample application.
#![no_main]
use followup::core::draft::{parse, preview, Sample};
use followup::core::model::ActionKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    if parse(src).is_ok() {
        let sample = Sample::builtin();
        for kind in ActionKind::ALL {
            let _ = preview(src, kind, &sample);
        }
    } else {
        let err = parse(src).unwrap_err();
        assert!(!err.to_string().is_empty());
    }
});
