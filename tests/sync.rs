//! Browser sync: what goes to sync and what comes back, quotas and their messages, the write
//! rate, merging by revision, and convergence of two computers.

use std::collections::BTreeMap;

use serde_json::Value;

use followup::core::model::{Application, Settings};
use followup::core::store::{self, app_key, SETTINGS_KEY, SYNC_STATE_KEY, SYNC_STATUS_KEY};
use followup::core::sync::{
    change_needs_sync, item_bytes, plan_sync, wait_before_writing, PartStatus, SyncPlan, SyncState,
    SyncStatus, BUDGET_BYTES, BUDGET_ITEMS, BUDGET_WRITES_PER_HOUR, BUDGET_WRITES_PER_MINUTE,
    TOMBSTONE_DAYS,
};

type Entries = BTreeMap<String, String>;

/// The time of the sync runs (milliseconds since the epoch): 2026-03-12.
const NOW: f64 = 1_773_273_600_000.0;

fn settings(sync_settings: bool, sync_applications: bool) -> Settings {
    Settings {
        sync_settings,
        sync_applications,
        ..Settings::default()
    }
}

fn settings_record(s: &Settings, revision: u32) -> String {
    store::encode_settings(s, revision).unwrap()
}

fn app(id: &str, revision: u32, notes: &str) -> Application {
    Application {
        id: id.into(),
        revision,
        company: format!("Company {id}"),
        role: "Engineer".into(),
        notes: notes.into(),
        ..Default::default()
    }
}

fn record(a: &Application) -> (String, String) {
    (app_key(&a.id), serde_json::to_string(a).unwrap())
}

fn entries(settings: Option<(&Settings, u32)>, apps: &[Application]) -> Entries {
    let mut out: Entries = apps.iter().map(record).collect();
    if let Some((s, rev)) = settings {
        out.insert(SETTINGS_KEY.into(), settings_record(s, rev));
    }
    out
}

/// Applies a plan to both areas, as the browser side does.
fn apply(plan: &SyncPlan, local: &mut Entries, remote: &mut Entries) {
    for (k, v) in &plan.pull {
        local.insert(k.clone(), v.clone());
    }
    for (k, v) in &plan.push {
        remote.insert(k.clone(), v.clone());
    }
    for k in &plan.remove {
        remote.remove(k);
    }
    for k in &plan.delete_local {
        local.remove(k);
    }
}

fn no_base() -> BTreeMap<String, u32> {
    BTreeMap::new()
}

#[test]
fn with_sync_off_nothing_is_written_anywhere() {
    let local = entries(Some((&settings(false, false), 3)), &[app("a", 1, "")]);
    let plan = plan_sync(&local, &Entries::new(), &no_base(), NOW);
    assert!(plan.pull.is_empty() && plan.push.is_empty() && plan.remove.is_empty());
    assert_eq!(plan.status, SyncStatus::default());
    assert_eq!(
        serde_json::to_string(&plan.status).unwrap(),
        r#"{"settings":{"state":"off"},"applications":{"state":"off"}}"#
    );
}

#[test]
fn settings_sync_copies_the_settings_record_exactly_and_reports_its_size() {
    let s = settings(true, false);
    let local = entries(Some((&s, 4)), &[app("a", 1, "")]);
    let plan = plan_sync(&local, &Entries::new(), &no_base(), NOW);
    let raw = settings_record(&s, 4);
    assert_eq!(plan.push, vec![(SETTINGS_KEY.to_string(), raw.clone())]);
    assert_eq!(
        plan.status.settings,
        PartStatus::Synced {
            bytes: item_bytes(SETTINGS_KEY, &raw) as u32,
            items: 1
        }
    );
    // Applications stay local unless their own switch is on.
    assert_eq!(plan.status.applications, PartStatus::Off);
    assert_eq!(plan.sync_writes(), 1);
    // Once sync holds the same text, a second run writes nothing.
    let remote: Entries = plan.push.iter().cloned().collect();
    let again = plan_sync(&local, &remote, &plan.base, NOW);
    assert_eq!(again.sync_writes(), 0);
    assert!(again.pull.is_empty());
}

#[test]
fn a_new_computer_takes_the_synced_settings_and_then_the_applications() {
    let s = settings(true, true);
    let remote = entries(Some((&s, 9)), &[app("a", 2, "from the other computer")]);
    // Only the schema record: nothing of the user's yet.
    let local: Entries = [("schema".to_string(), r#"{"version":2}"#.to_string())].into();
    let plan = plan_sync(&local, &remote, &no_base(), NOW);
    assert!(plan
        .pull
        .contains(&(SETTINGS_KEY.to_string(), settings_record(&s, 9))));
    assert!(plan
        .pull
        .contains(&record(&app("a", 2, "from the other computer"))));
    assert_eq!(plan.sync_writes(), 0, "{plan:?}");
    assert!(matches!(plan.status.settings, PartStatus::Synced { .. }));
    assert!(matches!(
        plan.status.applications,
        PartStatus::Synced { items: 1, .. }
    ));
}

#[test]
fn newer_settings_in_sync_are_taken_only_while_settings_sync_is_on() {
    let theirs = Settings {
        buffer_days: 3,
        ..settings(true, false)
    };
    let remote = entries(Some((&theirs, 8)), &[]);

    let on = entries(Some((&settings(true, false), 5)), &[]);
    let plan = plan_sync(&on, &remote, &no_base(), NOW);
    assert_eq!(
        plan.pull,
        vec![(SETTINGS_KEY.to_string(), settings_record(&theirs, 8))]
    );
    assert!(plan.push.is_empty());

    let off = entries(Some((&settings(false, false), 5)), &[]);
    let plan = plan_sync(&off, &remote, &no_base(), NOW);
    assert!(plan.pull.is_empty() && plan.push.is_empty() && plan.remove.is_empty());

    // A later local revision is pushed over the older synced one.
    let newer_here = entries(Some((&settings(true, false), 12)), &[]);
    let plan = plan_sync(&newer_here, &remote, &no_base(), NOW);
    assert!(plan.pull.is_empty());
    assert_eq!(
        plan.push,
        vec![(
            SETTINGS_KEY.to_string(),
            settings_record(&settings(true, false), 12)
        )]
    );
}

#[test]
fn applications_merge_by_revision_and_nothing_local_is_lost() {
    let s = settings(true, true);
    let local = entries(
        Some((&s, 1)),
        &[
            app("newer-here", 5, "local edit"),
            app("newer-there", 2, "old"),
            app("only-here", 1, ""),
        ],
    );
    let remote = entries(
        Some((&s, 1)),
        &[
            app("newer-here", 4, "stale"),
            app("newer-there", 3, "their edit"),
            app("only-there", 1, ""),
        ],
    );
    let plan = plan_sync(&local, &remote, &no_base(), NOW);
    let pulled: Vec<&str> = plan.pull.iter().map(|(k, _)| k.as_str()).collect();
    let pushed: Vec<&str> = plan.push.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(pulled, ["app:newer-there", "app:only-there"]);
    assert_eq!(pushed, ["app:newer-here", "app:only-here"]);
    assert!(plan.remove.is_empty());
    assert_eq!(
        plan.base,
        [
            ("newer-here".to_string(), 5),
            ("newer-there".to_string(), 3),
            ("only-here".to_string(), 1),
            ("only-there".to_string(), 1)
        ]
        .into()
    );
    let (mut l, mut r) = (local.clone(), remote.clone());
    apply(&plan, &mut l, &mut r);
    for key in local.keys() {
        assert!(l.contains_key(key), "{key} lost locally");
    }
    assert_eq!(l.get("app:newer-here"), local.get("app:newer-here"));
}

#[test]
fn a_deletion_here_is_removed_from_sync_unless_edited_elsewhere_since() {
    let s = settings(true, true);
    let local = entries(Some((&s, 1)), &[]);
    let remote = entries(
        Some((&s, 1)),
        &[app("deleted-here", 2, ""), app("edited-there", 4, "")],
    );
    let base: BTreeMap<String, u32> = [
        ("deleted-here".to_string(), 2),
        ("edited-there".to_string(), 3),
    ]
    .into();
    let plan = plan_sync(&local, &remote, &base, NOW);
    assert_eq!(plan.remove, vec!["app:deleted-here".to_string()]);
    assert_eq!(plan.pull, vec![record(&app("edited-there", 4, ""))]);
}

#[test]
fn a_deletion_elsewhere_keeps_the_local_copy_and_does_not_push_it_back() {
    let s = settings(true, true);
    let local = entries(Some((&s, 1)), &[app("gone-there", 2, "")]);
    let remote = entries(Some((&s, 1)), &[]);
    let base: BTreeMap<String, u32> = [("gone-there".to_string(), 2)].into();
    let plan = plan_sync(&local, &remote, &base, NOW);
    assert!(plan.pull.is_empty() && plan.push.is_empty() && plan.remove.is_empty());
    assert_eq!(
        plan.base, base,
        "remembered, so later runs do not push it either"
    );
    // Edited here afterwards: the edit is worth keeping everywhere, so it goes back.
    let edited = entries(Some((&s, 1)), &[app("gone-there", 3, "edited")]);
    let plan = plan_sync(&edited, &remote, &base, NOW);
    assert_eq!(plan.push, vec![record(&app("gone-there", 3, "edited"))]);
}

#[test]
fn turning_application_sync_off_takes_back_what_this_computer_synced() {
    let s = settings(true, false);
    let local = entries(Some((&s, 2)), &[app("a", 1, "")]);
    let remote = entries(Some((&s, 2)), &[app("a", 1, ""), app("b", 1, "")]);
    let base: BTreeMap<String, u32> = [("a".to_string(), 1)].into();
    let plan = plan_sync(&local, &remote, &base, NOW);
    assert_eq!(plan.remove, vec!["app:a".to_string()]);
    assert!(plan.base.is_empty());
    assert_eq!(plan.status.applications, PartStatus::Off);
}

/// `n` applications whose notes make each record about `each` bytes in sync.
fn big_apps(n: usize, each: usize) -> Vec<Application> {
    (0..n)
        .map(|i| {
            let mut a = app(&format!("big-{i:03}"), 1, "");
            let overhead = item_bytes(&app_key(&a.id), &serde_json::to_string(&a).unwrap());
            a.notes = "n".repeat(each.saturating_sub(overhead));
            a
        })
        .collect()
}

#[test]
fn applications_over_the_quota_stop_syncing_say_so_and_leave_sync() {
    let s = settings(true, true);
    // 28 records of 5,120 bytes: 140 KB.
    let apps = big_apps(28, 5_120);
    let local = entries(Some((&s, 1)), &apps);
    // Sync still holds what fitted before, one of them newer than here.
    let mut newer = apps[0].clone();
    newer.revision = 2;
    newer.notes = "e".repeat(apps[0].notes.len());
    let remote = entries(Some((&s, 1)), &[newer.clone(), apps[1].clone()]);
    let base: BTreeMap<String, u32> = [(apps[0].id.clone(), 1), (apps[1].id.clone(), 1)].into();
    let plan = plan_sync(&local, &remote, &base, NOW);

    let PartStatus::TooLarge { bytes, message } = &plan.status.applications else {
        panic!("{:?}", plan.status.applications);
    };
    assert!(
        *bytes as usize > 139 * 1024 && *bytes as usize <= 140 * 1024,
        "{bytes}"
    );
    assert_eq!(
        message,
        "Applications take 140 KB, more than the 100 KB browser sync allows; they stay on this \
         computer only."
    );
    // Nothing of the applications is pushed, what sync held is removed...
    assert!(plan.push.iter().all(|(k, _)| k == SETTINGS_KEY));
    assert_eq!(
        plan.remove,
        vec![app_key(&apps[0].id), app_key(&apps[1].id)]
    );
    // ...after the newer copy in it was taken here.
    assert_eq!(plan.pull, vec![record(&newer)]);
    assert!(plan.base.is_empty());
    // Settings still sync.
    assert!(matches!(plan.status.settings, PartStatus::Synced { .. }));
}

#[test]
fn applications_within_the_quota_but_over_the_budget_get_their_own_message() {
    let s = settings(true, true);
    let apps = big_apps(19, 5_000); // about 93 KB: under 100 KB, over Follow-up's 90 KB
    let plan = plan_sync(
        &entries(Some((&s, 1)), &apps),
        &Entries::new(),
        &no_base(),
        NOW,
    );
    let PartStatus::TooLarge { bytes, message } = &plan.status.applications else {
        panic!("{:?}", plan.status.applications);
    };
    assert!((*bytes as usize) < 100 * 1024 && *bytes as usize > BUDGET_BYTES);
    assert!(
        message.starts_with("Applications take 93 KB, more than the ")
            && message.ends_with(
                "KB of browser sync Follow-up uses (the browser allows 100 KB); they stay on \
                 this computer only."
            ),
        "{message}"
    );
    assert!(plan.push.iter().all(|(k, _)| k == SETTINGS_KEY));
}

#[test]
fn one_application_over_the_item_limit_is_named() {
    let s = settings(true, true);
    let mut huge = app("huge", 1, &"x".repeat(8_600));
    huge.company = "Initech".into();
    huge.role = "TPS Reports".into();
    let plan = plan_sync(
        &entries(Some((&s, 1)), &[huge, app("small", 1, "")]),
        &Entries::new(),
        &no_base(),
        NOW,
    );
    let PartStatus::TooLarge { message, .. } = &plan.status.applications else {
        panic!("{:?}", plan.status.applications);
    };
    assert_eq!(
        message,
        "Application \"Initech, TPS Reports\" takes 9 KB, more than the 8 KB browser sync \
         allows for one record; applications stay on this computer only."
    );
}

#[test]
fn too_many_applications_for_the_item_limit_stay_local() {
    let s = settings(true, true);
    let apps: Vec<Application> = (0..BUDGET_ITEMS)
        .map(|i| app(&format!("{i}"), 1, ""))
        .collect();
    let plan = plan_sync(
        &entries(Some((&s, 1)), &apps),
        &Entries::new(),
        &no_base(),
        NOW,
    );
    let PartStatus::TooLarge { message, .. } = &plan.status.applications else {
        panic!("{:?}", plan.status.applications);
    };
    assert!(
        message.starts_with("There are 500 applications, more than the 500 records"),
        "{message}"
    );
    assert!(plan.push.iter().all(|(k, _)| k == SETTINGS_KEY));
}

#[test]
fn settings_over_the_item_limit_stay_local_and_leave_sync() {
    let mut s = settings(true, false);
    s.templates
        .insert("thank-you-email".into(), "Dear {first_name}, ".repeat(500));
    let local = entries(Some((&s, 2)), &[]);
    let remote = entries(Some((&settings(true, false), 1)), &[]);
    let plan = plan_sync(&local, &remote, &no_base(), NOW);
    let PartStatus::TooLarge { message, .. } = &plan.status.settings else {
        panic!("{:?}", plan.status.settings);
    };
    assert!(message.starts_with("Settings take 10 KB"), "{message}");
    assert!(message.ends_with("they stay on this computer only."));
    assert_eq!(plan.remove, vec![SETTINGS_KEY.to_string()]);
    assert!(plan.push.is_empty() && plan.pull.is_empty());
}

#[test]
fn unreadable_records_are_never_copied_or_written_over() {
    let s = settings(true, true);
    let mut local = entries(Some((&s, 1)), &[]);
    local.insert("app:broken".into(), "{not json".into());
    let remote = entries(Some((&s, 1)), &[app("broken", 7, "")]);
    let plan = plan_sync(&local, &remote, &no_base(), NOW);
    assert!(plan.pull.is_empty(), "{plan:?}");
    assert!(plan.push.is_empty() && plan.remove.is_empty());

    let mut bad_settings = Entries::new();
    bad_settings.insert(SETTINGS_KEY.into(), "{oops".into());
    let plan = plan_sync(&bad_settings, &remote, &no_base(), NOW);
    assert!(plan.pull.is_empty() && plan.push.is_empty() && plan.remove.is_empty());
    assert!(matches!(plan.status.settings, PartStatus::Error { .. }));
}

#[test]
fn item_bytes_are_at_least_what_the_browser_counts() {
    for value in [
        r#"{"id":"a","notes":"plain"}"#,
        "quotes \" and \\ and\nnew lines",
        "accents é and emoji 🙂",
        "<b>&</b>",
        "\u{1}",
    ] {
        let json = serde_json::to_string(value).unwrap();
        assert!(
            item_bytes("app:a", value) >= "app:a".len() + json.len(),
            "{value}"
        );
    }
    assert_eq!(item_bytes("k", "abc"), 1 + 5);
}

#[test]
fn the_write_rate_stays_within_half_the_browsers_limits() {
    let now = 10_000_000.0;
    assert_eq!(wait_before_writing(&[], now, 2), 0.0);
    // 59 writes in the last minute: one more fits, two do not until the oldest is a minute old.
    let minute: Vec<f64> = (0..BUDGET_WRITES_PER_MINUTE - 1)
        .map(|i| now - 30_000.0 + i as f64)
        .collect();
    assert_eq!(wait_before_writing(&minute, now, 1), 0.0);
    assert_eq!(wait_before_writing(&minute, now, 2), 30_000.0);
    // The hour: 900 writes spread over the last hour, none in the last minute.
    let hour: Vec<f64> = (0..BUDGET_WRITES_PER_HOUR)
        .map(|i| now - 3_590_000.0 + i as f64 * 3_000.0)
        .collect();
    assert!(hour.iter().all(|t| now - t > 60_000.0));
    assert_eq!(wait_before_writing(&hour, now, 1), 10_000.0);
    assert_eq!(wait_before_writing(&hour, now, 0), 0.0);

    let mut state = SyncState {
        writes: vec![now - 4_000_000.0, now - 1.0],
        ..SyncState::default()
    };
    state.record_writes(now, 2);
    assert_eq!(state.writes, vec![now - 1.0, now, now]);
}

#[test]
fn only_changes_to_the_users_data_or_to_sync_start_a_run() {
    let keys = |ks: &[&str]| ks.iter().map(|k| k.to_string()).collect::<Vec<_>>();
    assert!(change_needs_sync("sync", &keys(&["anything"])));
    assert!(change_needs_sync("local", &keys(&["app:a"])));
    assert!(change_needs_sync("local", &keys(&[SETTINGS_KEY])));
    assert!(!change_needs_sync(
        "local",
        &keys(&[SYNC_STATUS_KEY, SYNC_STATE_KEY])
    ));
    assert!(!change_needs_sync("local", &keys(&["snapshot", "schema"])));
    assert!(!change_needs_sync("session", &keys(&["app:a"])));
}

#[test]
fn the_status_a_failed_write_leaves_names_the_browsers_reason() {
    let status = SyncStatus {
        settings: PartStatus::Synced {
            bytes: 10,
            items: 1,
        },
        applications: PartStatus::Off,
        ..Default::default()
    };
    let failed = status.failed("QUOTA_BYTES quota exceeded");
    let PartStatus::Error { message } = &failed.settings else {
        panic!("{failed:?}");
    };
    assert!(message.contains("QUOTA_BYTES quota exceeded"));
    assert_eq!(failed.applications, PartStatus::Off);
    assert_eq!(SyncStatus::parse(Some(&failed.to_json())), failed);
    assert_eq!(SyncStatus::parse(Some("garbage")), SyncStatus::default());
}

/// A tiny deterministic generator, so the simulation needs no dependency.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

struct Computer {
    local: Entries,
    base: BTreeMap<String, u32>,
}

impl Computer {
    fn run(&mut self, remote: &mut Entries) {
        let plan = plan_sync(&self.local, remote, &self.base, NOW);
        apply(&plan, &mut self.local, remote);
        self.base = plan.base;
    }

    fn edit(&mut self, id: &str, notes: &str) {
        let key = app_key(id);
        let revision = self
            .local
            .get(&key)
            .map(|raw| store::decode_app(&key, raw).unwrap().revision)
            .unwrap_or(0);
        let (k, v) = record(&app(id, revision + 1, notes));
        self.local.insert(k, v);
    }
}

/// Two computers with both syncs on, holding `apps`, never synced.
fn fresh_computers(apps: &[Application]) -> [Computer; 2] {
    let start = entries(Some((&settings(true, true), 1)), apps);
    [start.clone(), start].map(|local| Computer {
        local,
        base: no_base(),
    })
}

#[test]
fn two_computers_editing_and_syncing_in_any_order_converge_and_lose_no_application() {
    for seed in 0..200 {
        let mut rng = Lcg(seed);
        let mut computers = fresh_computers(&[]);
        let mut remote = Entries::new();
        let mut created = std::collections::BTreeSet::new();
        for step in 0..30 {
            let c = rng.next(2) as usize;
            match rng.next(3) {
                0 | 1 => {
                    let id = format!("app-{}", rng.next(5));
                    created.insert(app_key(&id));
                    computers[c].edit(&id, &format!("step {step} on {c}"));
                }
                _ => computers[c].run(&mut remote),
            }
        }
        // Quiet period: every computer syncs until nothing changes.
        for _ in 0..4 {
            computers[0].run(&mut remote);
            computers[1].run(&mut remote);
        }
        let apps = |c: &Computer| -> Entries {
            c.local
                .iter()
                .filter(|(k, _)| k.starts_with("app:"))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        };
        assert_eq!(apps(&computers[0]), apps(&computers[1]), "seed {seed}");
        let synced: Entries = remote
            .iter()
            .filter(|(k, _)| k.starts_with("app:"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        assert_eq!(apps(&computers[0]), synced, "seed {seed}");
        let kept: std::collections::BTreeSet<String> = apps(&computers[0]).into_keys().collect();
        assert_eq!(kept, created, "seed {seed}");
        // A quiet run writes nothing.
        let plan = plan_sync(&computers[0].local, &remote, &computers[0].base, NOW);
        assert_eq!(plan.sync_writes(), 0, "seed {seed}");
        assert!(plan.pull.is_empty(), "seed {seed}");
    }
}

#[test]
fn other_items_in_sync_count_toward_the_budget() {
    let s = settings(true, true);
    let apps = big_apps(9, 5_000); // about 44 KB: fits alone
    let local = entries(Some((&s, 1)), &apps);
    assert!(matches!(
        plan_sync(&local, &Entries::new(), &no_base(), NOW)
            .status
            .applications,
        PartStatus::Synced { .. }
    ));
    // An item of an older version takes 50 KB of the same 100 KB.
    let remote: Entries = [("legacy".to_string(), "x".repeat(50 * 1024))].into();
    let plan = plan_sync(&local, &remote, &no_base(), NOW);
    assert!(
        matches!(plan.status.applications, PartStatus::TooLarge { .. }),
        "{:?}",
        plan.status.applications
    );
    assert!(
        !plan.remove.contains(&"legacy".to_string()),
        "not ours to remove"
    );
}

// ---------------------------------------------------------------- deletions

/// Two computers that both hold `app("x", 2)` and have synced it.
fn two_synced_computers() -> ([Computer; 2], Entries) {
    let mut computers = fresh_computers(&[app("x", 2, ""), app("y", 1, "")]);
    let mut remote = Entries::new();
    computers[0].run(&mut remote);
    computers[1].run(&mut remote);
    assert_eq!(computers[1].base.get("x"), Some(&2));
    (computers, remote)
}

#[test]
fn a_deletion_travels_as_a_tombstone_and_deletes_every_older_copy() {
    let (mut computers, mut remote) = two_synced_computers();
    computers[0].local.remove(&app_key("x"));
    computers[0].run(&mut remote);
    assert!(!remote.contains_key("app:x"));
    let tomb: Value = serde_json::from_str(&remote["deleted:x"]).unwrap();
    assert_eq!(tomb["revision"], 2);
    assert_eq!(tomb["deletedAt"].as_f64(), Some(NOW));

    // The other computer deletes its copy too, and keeps the rest.
    let plan = plan_sync(&computers[1].local, &remote, &computers[1].base, NOW);
    assert_eq!(plan.delete_local, ["app:x"]);
    assert!(plan.push.is_empty(), "{:?}", plan.push);
    computers[1].run(&mut remote);
    assert!(!computers[1].local.contains_key("app:x"));
    assert!(computers[1].local.contains_key("app:y"));
    assert!(!computers[1].base.contains_key("x"));

    // A computer with an old copy it never synced (restored from a backup) does not bring
    // it back either.
    let s = settings(true, true);
    let mut third = Computer {
        local: entries(Some((&s, 1)), &[app("x", 1, "from an old backup")]),
        base: no_base(),
    };
    third.run(&mut remote);
    assert!(!third.local.contains_key("app:x"));
    assert!(!remote.contains_key("app:x"));
    for c in computers.iter_mut() {
        c.run(&mut remote);
        assert!(!c.local.contains_key("app:x"));
    }
}

#[test]
fn an_edit_made_elsewhere_after_the_deletion_wins_over_it() {
    let (mut computers, mut remote) = two_synced_computers();
    computers[0].local.remove(&app_key("x"));
    computers[0].run(&mut remote);
    // Edited on the second computer before it learns of the deletion: revision 3.
    computers[1].edit("x", "edited after the deletion");
    computers[1].run(&mut remote);
    assert!(computers[1].local.contains_key("app:x"));
    assert!(
        !remote.contains_key("deleted:x"),
        "the tombstone is forgotten"
    );
    assert!(remote["app:x"].contains("edited after the deletion"));
    computers[0].run(&mut remote);
    assert_eq!(computers[0].local.get("app:x"), remote.get("app:x"));

    // The same when the edit reaches sync first and the deleting computer syncs later.
    let (mut computers, mut remote) = two_synced_computers();
    computers[1].edit("x", "edited first");
    computers[1].run(&mut remote);
    computers[0].local.remove(&app_key("x"));
    computers[0].run(&mut remote);
    assert!(
        computers[0].local.contains_key("app:x"),
        "the later edit comes back"
    );
    assert!(!remote.contains_key("deleted:x"));
}

#[test]
fn a_tombstone_is_forgotten_after_90_days_and_an_unreadable_one_deletes_nothing() {
    let (mut computers, mut remote) = two_synced_computers();
    computers[0].local.remove(&app_key("x"));
    computers[0].run(&mut remote);
    let later = NOW + (TOMBSTONE_DAYS + 1.0) * 86_400_000.0;
    let plan = plan_sync(&computers[0].local, &remote, &computers[0].base, later);
    assert_eq!(plan.remove, ["deleted:x"]);
    let plan = plan_sync(
        &computers[0].local,
        &remote,
        &computers[0].base,
        NOW + 86_400_000.0,
    );
    assert!(plan.remove.is_empty() && plan.push.is_empty());

    remote.insert("deleted:x".into(), "{not json".into());
    let plan = plan_sync(&computers[1].local, &remote, &computers[1].base, NOW);
    assert!(plan.delete_local.is_empty());
    assert!(!plan.remove.contains(&"deleted:x".to_string()));
}

#[test]
fn two_computers_editing_deleting_and_syncing_in_any_order_converge() {
    for seed in 0..300 {
        let mut rng = Lcg(seed);
        let mut computers = fresh_computers(&[]);
        let mut remote = Entries::new();
        for step in 0..40 {
            let c = rng.next(2) as usize;
            let id = format!("app-{}", rng.next(4));
            match rng.next(4) {
                0 | 1 => computers[c].edit(&id, &format!("step {step} on {c}")),
                2 => {
                    computers[c].local.remove(&app_key(&id));
                }
                _ => computers[c].run(&mut remote),
            }
        }
        for _ in 0..4 {
            computers[0].run(&mut remote);
            computers[1].run(&mut remote);
        }
        let apps = |entries: &Entries| -> Entries {
            entries
                .iter()
                .filter(|(k, _)| k.starts_with("app:"))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        };
        assert_eq!(
            apps(&computers[0].local),
            apps(&computers[1].local),
            "seed {seed}"
        );
        assert_eq!(apps(&computers[0].local), apps(&remote), "seed {seed}");
        let plan = plan_sync(&computers[0].local, &remote, &computers[0].base, NOW);
        assert_eq!(
            plan.sync_writes(),
            0,
            "seed {seed}: a quiet run writes nothing"
        );
    }
}

#[test]
fn every_part_status_reads_back_as_written_and_a_bad_one_is_refused() {
    let parts = [
        PartStatus::Off,
        PartStatus::Synced {
            bytes: 812,
            items: 1,
        },
        PartStatus::TooLarge {
            bytes: 143_360,
            message: "too large".into(),
        },
        PartStatus::Error {
            message: "refused".into(),
        },
    ];
    for part in parts {
        let json = serde_json::to_string(&part).unwrap();
        assert_eq!(
            serde_json::from_str::<PartStatus>(&json).unwrap(),
            part,
            "{json}"
        );
    }
    for bad in [
        r#"{"state":"synced","bytes":1}"#,
        r#"{"state":"error"}"#,
        r#"{"state":"lost"}"#,
        r#"{"bytes":1}"#,
    ] {
        assert!(serde_json::from_str::<PartStatus>(bad).is_err(), "{bad}");
    }
}

/// An application saved from a posting page, with a description of `kb` KB.
fn described(id: &str, revision: u32, kb: usize) -> Application {
    let mut a = app(id, revision, "");
    a.posting = Some(followup::core::model::PostingDetails {
        salary: "60000 EUR / year".into(),
        description: "x".repeat(kb * 1024),
        source: "json-ld".into(),
        ..Default::default()
    });
    a
}

#[test]
fn posting_descriptions_never_go_to_sync_and_are_kept_here() {
    // Ten postings of 50 KB each: far more than browser sync holds, yet they sync, without
    // their descriptions.
    let on = settings(true, true);
    let apps: Vec<Application> = (0..10)
        .map(|i| described(&format!("p{i}"), 1, 50))
        .collect();
    let mut local = entries(Some((&on, 1)), &apps);
    let mut remote = Entries::new();
    let plan = plan_sync(&local, &remote, &no_base(), NOW);
    assert!(
        matches!(
            plan.status.applications,
            PartStatus::Synced { items: 10, .. }
        ),
        "{:?}",
        plan.status.applications
    );
    // The options page says the descriptions stay here, from the status stored for it.
    assert_eq!(plan.status.descriptions_here, 10);
    let stored = plan.status.to_json();
    assert!(stored.contains("\"descriptionsHere\":10"), "{stored}");
    assert_eq!(SyncStatus::parse(Some(&stored)), plan.status);
    for (key, text) in plan.push.iter().filter(|(k, _)| k.starts_with("app:")) {
        let synced = store::decode_app(key, text).unwrap();
        let p = synced.posting.expect("the rest of the posting syncs");
        assert_eq!(p.description, "", "{key}");
        assert_eq!(p.salary, "60000 EUR / year");
        assert!(
            !text.contains("description"),
            "{key}: no description key at all"
        );
    }
    apply(&plan, &mut local, &mut remote);
    let base = plan.base.clone();
    // Nothing changed: nothing to write.
    let again = plan_sync(&local, &remote, &base, NOW);
    assert!(again.push.is_empty() && again.pull.is_empty(), "{again:?}");

    // Edited on another computer (which never had the description): the edit comes here and
    // the description stays.
    let mut edited = store::decode_app("app:p3", &remote["app:p3"]).unwrap();
    edited.revision = 2;
    edited.notes = "Called back".into();
    remote.insert("app:p3".into(), serde_json::to_string(&edited).unwrap());
    let plan = plan_sync(&local, &remote, &base, NOW);
    apply(&plan, &mut local, &mut remote);
    let here = store::decode_app("app:p3", &local["app:p3"]).unwrap();
    assert_eq!(here.revision, 2);
    assert_eq!(here.notes, "Called back");
    assert_eq!(here.posting.unwrap().description.len(), 50 * 1024);
    // A new computer gets the applications without descriptions.
    let mut other = entries(Some((&on, 1)), &[]);
    let plan = plan_sync(&other, &remote, &no_base(), NOW);
    apply(&plan, &mut other, &mut remote);
    assert_eq!(other.keys().filter(|k| k.starts_with("app:")).count(), 10);
    assert!(other.values().all(|v| !v.contains("\"description\"")));
    assert_eq!(
        plan.status.descriptions_here, 0,
        "none kept on that computer"
    );
    assert!(!plan.status.to_json().contains("descriptionsHere"));

    // With application sync off, nothing is said about descriptions.
    let off = settings(true, false);
    let local = entries(Some((&off, 1)), &apps);
    let plan = plan_sync(&local, &Entries::new(), &no_base(), NOW);
    assert_eq!(plan.status.applications, PartStatus::Off);
    assert_eq!(plan.status.descriptions_here, 0);
}
