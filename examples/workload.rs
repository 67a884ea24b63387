//! Prints the benchmark workload of `N` applications (`demo_workload`) as extension storage
//! holds it: one JSON object of key -> stored JSON text (`schema`, then `app:<id>` per
//! application), written through the store itself so the layout is the real one.
//! `cargo run --profile bench --example workload -- 1000 > apps.json`

use followup::core::store::{MemoryStore, Store};
use followup::core::workload::demo_workload;

fn main() {
    let n: usize = match std::env::args().nth(1).map(|a| a.parse()) {
        Some(Ok(n)) => n,
        _ => {
            eprintln!("usage: workload N   (N: how many applications, e.g. 1000)");
            std::process::exit(2);
        }
    };
    let result = Store::open(MemoryStore::new(), "2026-04-15T09:00:00Z").and_then(|mut store| {
        for mut app in demo_workload(n) {
            // A new record: the store gives it revision 1.
            app.revision = 0;
            store.put_app(app)?;
        }
        Ok(store.into_inner())
    });
    match result.map(|kv| serde_json::to_string(kv.entries())) {
        Ok(Ok(json)) => println!("{json}"),
        Ok(Err(e)) => fail(&e.to_string()),
        Err(e) => fail(&e.to_string()),
    }
}

fn fail(why: &str) {
    eprintln!("workload: {why}");
    std::process::exit(1);
}
