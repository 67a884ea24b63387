//! The page's plan after a write: the one application a write answered with is put in place
//! and planned alone (`Model::put_app`), and whatever the edits, the page's plan is the plan
//! of everything stored.

use chrono::Days;
use proptest::prelude::*;

use followup::core::command::{self, Command, Ctx, Edit, Reply};
use followup::core::model::Status;
use followup::core::plan;
use followup::core::store::{decode_state, MemoryStore};
use followup::core::workload::{demo_settings, demo_today, demo_workload};
use followup::ui::{update, After, Ids, Model, Msg, Notice, Outcome, Stored, Surface, Text};

mod ui_support;
use ui_support::english;

fn ctx() -> Ctx {
    Ctx {
        today: demo_today(),
        now: "2026-04-15T09:00:00Z".into(),
    }
}

/// What a test step does to one application, picked by number.
#[derive(Debug, Clone)]
enum Step {
    Sent(usize),
    Skip(usize),
    Snooze(usize, u64),
    Undo(usize),
    Reply(usize, u64),
    Status(usize, usize),
    Delete(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => any::<usize>().prop_map(Step::Sent),
        2 => any::<usize>().prop_map(Step::Skip),
        2 => (any::<usize>(), 1u64..40).prop_map(|(a, d)| Step::Snooze(a, d)),
        2 => any::<usize>().prop_map(Step::Undo),
        1 => (any::<usize>(), 0u64..20).prop_map(|(a, d)| Step::Reply(a, d)),
        1 => (any::<usize>(), 0usize..9).prop_map(|(a, s)| Step::Status(a, s)),
        1 => any::<usize>().prop_map(Step::Delete),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn the_page_plan_after_writes_is_the_plan_of_everything(steps in prop::collection::vec(step(), 1..25)) {
        let today = demo_today();
        let mut kv = MemoryStore::new();
        for mut app in demo_workload(40) {
            app.revision = 0;
            command::execute(&mut kv, Command::SaveApp { app: Box::new(app) }, &ctx()).unwrap();
        }
        let mut m = Model::new(Surface::Popup, english(), today, Ids::new("p"));
        let state = decode_state(kv.entries());
        update(&mut m, Msg::Loaded {
            today,
            result: Ok(Stored { apps: state.apps, settings: demo_settings(), settings_revision: 1 }),
        });
        for s in steps {
            let actions = m.plan.actions.clone();
            let pick = |n: usize| actions.get(n % actions.len().max(1)).cloned();
            let Some(a) = pick(match &s {
                Step::Sent(n) | Step::Skip(n) | Step::Snooze(n, _) | Step::Undo(n)
                | Step::Reply(n, _) | Step::Status(n, _) | Step::Delete(n) => *n,
            }) else { break };
            let key = a.key.clone();
            let edit = match s {
                Step::Sent(_) => Edit::Sent { action_key: key, date: today },
                Step::Skip(_) => Edit::Skip { action_key: key, date: today },
                Step::Snooze(_, d) => Edit::Snooze { action_key: key, until: today + Days::new(d) },
                Step::Undo(_) => Edit::Undo { action_key: key },
                Step::Reply(_, d) => Edit::Reply { date: today - Days::new(d), decision_date: None },
                Step::Status(_, s) => Edit::Status { date: today, status: Status::ALL[s].clone() },
                Step::Delete(_) => {
                    let revision = m.app(&a.app_id).unwrap().revision;
                    command::execute(&mut kv, Command::DeleteApp { id: a.app_id.clone(), revision }, &ctx()).unwrap();
                    m.take_changes(vec![(format!("app:{}", a.app_id), None)]);
                    continue;
                }
            };
            let reply = command::execute(&mut kv, Command::Edit { app_id: a.app_id.clone(), edit }, &ctx());
            let Ok(Reply::App(app)) = reply else { continue };
            update(&mut m, Msg::Written {
                after: After::Notice(Notice::info(Text::key("markedSent"))),
                result: Ok(Outcome::App(app)),
                reloaded: None,
            });
            let everything = decode_state(kv.entries());
            let expected = plan::plan(&everything.apps, &demo_settings(), today);
            prop_assert_eq!(&m.plan.actions, &expected.actions);
            prop_assert_eq!(&m.plan.problems, &expected.problems);
        }
    }
}

/// Applications sharing an id (planned together, and reported): the one the page finds is the
/// first read, a write's answer replaces that one, and the plan stays that of everything.
#[test]
fn applications_sharing_an_id_keep_the_plan_of_everything() {
    let today = demo_today();
    let mut apps = demo_workload(6);
    let mut twin = apps[2].clone();
    twin.company = "Second of the two".into();
    twin.applied_on = None;
    apps.push(twin);
    let id = apps[2].id.clone();
    let first = apps[2].company.clone();
    let mut m = Model::new(Surface::Popup, english(), today, Ids::new("p"));
    update(
        &mut m,
        Msg::Loaded {
            today,
            result: Ok(Stored {
                apps,
                settings: demo_settings(),
                settings_revision: 1,
            }),
        },
    );
    assert_eq!(m.app(&id).map(|a| a.company.clone()), Some(first.clone()));
    let everything = |m: &Model| plan::plan(&m.stored.apps, &demo_settings(), today);

    let mut changed = m.app(&id).unwrap().clone();
    changed.revision += 1;
    changed.status = Status::Rejected;
    m.put_app(&id, Some(changed), true);
    assert_eq!(m.app(&id).map(|a| &a.status), Some(&Status::Rejected));
    assert_eq!(m.stored.apps.iter().filter(|a| a.id == id).count(), 2);
    let expected = everything(&m);
    assert!(expected
        .problems
        .iter()
        .any(|p| p.app_id == id && p.message.contains("share the id")));
    assert_eq!(m.plan, expected);

    // One of the two deleted: the other is still planned, and no longer reported.
    m.put_app(&id, None, false);
    assert_eq!(
        m.app(&id).map(|a| a.company.as_str()),
        Some("Second of the two")
    );
    assert_eq!(m.plan, everything(&m));
    assert!(m
        .plan
        .problems
        .iter()
        .all(|p| !p.message.contains("share the id")));
}
