//! The contacts index (`core::index`): a compose window's recipients are found by address and
//! by company domain, and after any saves and deletions the buckets stored are exactly those
//! built from everything.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;

use followup::core::command::{self, Command, Ctx};
use followup::core::index::{self, INDEX_KEY};
use followup::core::model::{Application, Contact};
use followup::core::store::{
    decode_state, KvStore, MemoryStore, Store, INDEX_BUCKET_PREFIX, SUMMARY_KEY,
};
use followup::core::workload::demo_today;

fn ctx() -> Ctx {
    Ctx {
        today: demo_today(),
        now: "2026-04-15T09:00:00Z".into(),
    }
}

fn app(id: &str, emails: &[&str]) -> Application {
    Application {
        id: id.into(),
        company: format!("Company {id}"),
        contacts: emails
            .iter()
            .enumerate()
            .map(|(i, e)| Contact {
                id: format!("c{i}"),
                name: format!("Person {i}"),
                email: (*e).into(),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

fn found(kv: &MemoryStore, recipients: &[&str], domains: bool) -> BTreeSet<String> {
    let recipients: Vec<String> = recipients.iter().map(|r| r.to_string()).collect();
    index::lookup(kv.entries(), &index::recipient_names(&recipients, domains))
}

fn save(kv: &mut MemoryStore, mut a: Application) {
    let stored = decode_state(kv.entries());
    a.revision = stored
        .apps
        .iter()
        .find(|s| s.id == a.id)
        .map_or(0, |s| s.revision);
    command::execute(kv, Command::SaveApp { app: Box::new(a) }, &ctx()).unwrap();
}

fn indexed(apps: Vec<Application>) -> MemoryStore {
    let mut kv = Store::open(MemoryStore::new(), "2026-04-15T09:00:00Z")
        .unwrap()
        .into_inner();
    for a in apps {
        save(&mut kv, a);
    }
    kv.set_many(&index::build(&decode_state(kv.entries()).apps))
        .unwrap();
    kv
}

fn buckets(kv: &MemoryStore) -> BTreeMap<String, String> {
    kv.entries()
        .iter()
        .filter(|(k, _)| k.starts_with(INDEX_BUCKET_PREFIX) || *k == INDEX_KEY)
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

#[test]
fn recipients_are_found_by_address_and_by_company_domain_but_not_by_webmail_domains() {
    let kv = indexed(vec![
        app("acme", &["Dana@Acme.io", "lee@acme.io"]),
        app("globex", &["sam@globex.com", "sam.private@gmail.com"]),
        app("initech", &["bob@initech.example"]),
    ]);
    assert_eq!(
        found(&kv, &[" dana@acme.IO "], false),
        BTreeSet::from(["acme".to_string()])
    );
    assert_eq!(found(&kv, &["someone@acme.io"], false), BTreeSet::new());
    assert_eq!(
        found(&kv, &["someone@acme.io"], true),
        BTreeSet::from(["acme".to_string()])
    );
    assert_eq!(found(&kv, &["stranger@gmail.com"], true), BTreeSet::new());
    assert_eq!(
        found(&kv, &["sam.private@gmail.com"], true),
        BTreeSet::from(["globex".to_string()])
    );
    assert_eq!(found(&kv, &["not an address"], true), BTreeSet::new());
    assert_eq!(
        found(&kv, &["bob@initech.example", "lee@acme.io"], false).len(),
        2,
        "every recipient counts"
    );
}

#[test]
fn without_its_completion_record_the_index_is_neither_used_nor_updated() {
    let mut kv = indexed(vec![app("acme", &["dana@acme.io"])]);
    kv.remove_many(&[INDEX_KEY.to_string()]).unwrap();
    let before = buckets(&kv);
    save(&mut kv, app("globex", &["sam@globex.com"]));
    assert_eq!(
        buckets(&kv),
        before,
        "nothing written to an incomplete index"
    );
    assert!(!index::is_complete(kv.entries()));
}

#[test]
fn an_import_writes_the_index_of_what_it_leaves() {
    let mut kv = indexed(vec![app("acme", &["dana@acme.io"])]);
    let backup = followup::core::backup::export_backup(
        &[app("globex", &["sam@globex.com"])],
        &Default::default(),
        "2026-04-15T09:00:00Z",
    );
    command::execute(
        &mut kv,
        Command::Import {
            text: backup,
            replace: true,
        },
        &ctx(),
    )
    .unwrap();
    assert_eq!(found(&kv, &["dana@acme.io"], true), BTreeSet::new());
    assert_eq!(
        found(&kv, &["sam@globex.com"], false),
        BTreeSet::from(["globex".to_string()])
    );
    let rebuilt = index::build(&decode_state(kv.entries()).apps);
    assert_eq!(buckets(&kv), rebuilt.into_iter().collect());
}

const EMAILS: &[&str] = &[
    "dana@acme.io",
    "lee@acme.io",
    "sam@globex.com",
    "pat@gmail.com",
    "bob@initech.example",
    "kim@initech.example",
    "DANA@ACME.IO",
    "",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever is saved and deleted, the buckets stored are the ones built from everything.
    #[test]
    fn the_index_follows_every_save_and_deletion(
        steps in proptest::collection::vec(
            (0usize..6, proptest::collection::vec(0usize..EMAILS.len(), 0..4), any::<bool>()),
            1..30,
        )
    ) {
        let mut kv = indexed(Vec::new());
        for (which, emails, delete) in steps {
            let id = format!("app{which}");
            let stored = decode_state(kv.entries());
            if delete {
                if let Some(a) = stored.apps.iter().find(|a| a.id == id) {
                    let command = Command::DeleteApp { id: id.clone(), revision: a.revision };
                    command::execute(&mut kv, command, &ctx()).unwrap();
                }
            } else {
                let emails: Vec<&str> = emails.iter().map(|i| EMAILS[*i]).collect();
                save(&mut kv, app(&id, &emails));
            }
            let rebuilt: BTreeMap<String, String> =
                index::build(&decode_state(kv.entries()).apps).into_iter().collect();
            prop_assert_eq!(buckets(&kv), rebuilt);
        }
    }
}

#[test]
fn restoring_a_snapshot_of_an_older_layout_leaves_the_index_to_be_built_after_conversion() {
    let path = format!(
        "{}/tests/fixtures/storage/v1.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).unwrap();
    let serde_json::Value::Object(map) = serde_json::from_str(&text).unwrap() else {
        panic!("the fixture is an object");
    };
    let mut v1 = MemoryStore::new();
    let entries: Vec<(String, String)> = map
        .into_iter()
        .map(|(k, v)| (k, v.as_str().map_or_else(|| v.to_string(), String::from)))
        .collect();
    v1.set_many(&entries).unwrap();
    // Converted (a snapshot of the old layout is kept), then indexed as the worker would.
    let mut kv = Store::open(v1, "2026-04-15T09:00:00Z")
        .unwrap()
        .into_inner();
    let apps = decode_state(kv.entries()).apps;
    assert!(!apps.is_empty());
    kv.set_many(&index::build(&apps)).unwrap();
    command::execute(&mut kv, Command::RestoreSnapshot, &ctx()).unwrap();
    assert!(
        !index::is_complete(kv.entries()),
        "no index of the old layout's state"
    );
    assert!(!kv.entries().contains_key(SUMMARY_KEY));
    // Opened again, the old layout is converted; its index is then built from what it holds.
    let kv = Store::open(kv, "2026-04-15T10:00:00Z")
        .unwrap()
        .into_inner();
    assert!(!index::is_complete(kv.entries()));
    let again = decode_state(kv.entries()).apps;
    assert_eq!(again.len(), apps.len());
}
