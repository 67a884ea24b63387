//! Any bytes as a backup file: validation never panics; a file that validates imports into
//! a store holding other data, and the import is refused or applied whole, never half.
#![no_main]
use followup::core::backup::{parse_backup, ImportMode};
use followup::core::store::{MemoryStore, Store};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(_) = parse_backup(&text) else { return };
    let mut store = Store::open(MemoryStore::new(), "2026-01-01T00:00:00Z").expect("empty store opens");
    let before = store.kv().entries().clone();
    match store.import_backup(&text, ImportMode::Merge, "2026-01-01T00:00:00Z") {
        Ok(_) => {
            let loaded = store.load_all().expect("imported data loads");
            assert!(loaded.problems.is_empty(), "an import wrote unreadable records");
        }
        Err(_) => assert_eq!(store.kv().entries(), &before, "a refused import changed storage"),
    }
});
