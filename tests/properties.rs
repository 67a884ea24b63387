//! What must hold for any input: random applications (rounds, dates, contacts, history,
//! statuses, including broken data and dates at the ends of the calendar) and random
//! settings.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use followup::core::calendar::WorkCalendar;
use followup::core::model::{
    Action, ActionKind, Application, Contact, Event, EventKind, Interviewer, Medium, Round,
    Settings, Status,
};
use followup::core::plan::{
    action_order, badge_count, count_actionable, explain, key, plan, plan_application,
};

const ROUND_IDS: [&str; 4] = ["r0", "r1", "r2", "r/3"];
const CONTACT_IDS: [&str; 6] = ["c0", "c1", "c2", "c3", "c%4", "ghost"];

fn base() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 2, 1).unwrap_or_default()
}

/// Mostly days in spring 2026, sometimes the ends of the calendar.
fn date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        40 => (0u64..120).prop_map(|n| base().checked_add_days(Days::new(n)).unwrap_or_default()),
        1 => Just(NaiveDate::MAX),
        1 => Just(NaiveDate::MIN),
        1 => Just(NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default()),
    ]
}

/// Weighted toward the statuses that schedule follow-ups.
fn status() -> impl Strategy<Value = Status> {
    prop_oneof![
        6 => Just(Status::Interviewing),
        2 => Just(Status::References),
        2 => Just(Status::Applied),
        2 => Just(Status::Rejected),
        3 => prop::sample::select(Status::ALL.to_vec()),
        1 => Just(Status::Other("ghosted".into())),
    ]
}

/// Most of the known contacts, with random roles, sometimes a duplicate id.
fn contacts() -> impl Strategy<Value = Vec<Contact>> {
    (
        prop::collection::vec((0u8..10, any::<bool>(), 0u8..4), CONTACT_IDS.len() - 1),
        prop::collection::vec(prop::sample::select(CONTACT_IDS.to_vec()), 0..2),
    )
        .prop_map(|(flags, duplicates)| {
            let mut out: Vec<Contact> = CONTACT_IDS
                .iter()
                .zip(flags)
                .filter(|(_, (present, _, _))| *present < 8)
                .map(|(id, (_, hiring_manager, reference))| Contact {
                    id: (*id).into(),
                    name: format!("Person {id}"),
                    hiring_manager: hiring_manager && id.ends_with('0'),
                    reference: reference == 0,
                    ..Default::default()
                })
                .collect();
            out.extend(duplicates.into_iter().map(|id| Contact {
                id: id.into(),
                reference: true,
                ..Default::default()
            }));
            out
        })
}

fn round() -> impl Strategy<Value = Round> {
    (
        prop::sample::select(ROUND_IDS.to_vec()),
        date(),
        prop::collection::vec(prop::sample::select(CONTACT_IDS.to_vec()), 0..4),
    )
        .prop_map(|(id, date, people)| Round {
            id: id.into(),
            date,
            kind: String::new(),
            interviewers: people
                .into_iter()
                .map(|c| Interviewer {
                    contact_id: c.into(),
                    points: Vec::new(),
                })
                .collect(),
            ..Default::default()
        })
}

/// Keys the planner produces (most of the time) or garbage.
fn action_key() -> impl Strategy<Value = String> {
    let round = prop::sample::select(ROUND_IDS.to_vec());
    let person = prop::sample::select(CONTACT_IDS.to_vec());
    prop_oneof![
        (round.clone(), person.clone()).prop_map(|(r, c)| key::thank_you_email(r, c)),
        (round.clone(), person.clone()).prop_map(|(r, c)| key::thank_you_card(r, c)),
        (round.clone(), 0u32..3).prop_map(|(r, n)| key::first_follow_up(r, n)),
        (round.clone(), 0u32..3).prop_map(|(r, n)| key::second_follow_up(r, n)),
        (round, 0u32..3).prop_map(|(r, n)| key::move_on(r, n)),
        (date(), person.clone()).prop_map(|(d, c)| key::alert_reference(d, c)),
        person.prop_map(key::stay_connected),
        Just(key::ASK_FEEDBACK.to_string()),
        Just(key::APPLICATION_REMINDER.to_string()),
        Just("nonsense".to_string()),
    ]
}

fn event() -> impl Strategy<Value = Event> {
    let kind = prop_oneof![
        4 => action_key().prop_map(|action| EventKind::Sent { action }),
        2 => action_key().prop_map(|action| EventKind::Skipped { action }),
        2 => (action_key(), date()).prop_map(|(action, until)| EventKind::Snoozed { action, until }),
        2 => prop::option::of(date()).prop_map(|decision_date| EventKind::Reply { decision_date }),
        1 => Just(EventKind::ReferencesRequested),
        1 => (status(), status()).prop_map(|(from, to)| EventKind::Status { from, to }),
        1 => Just(EventKind::PositiveNews { note: String::new() }),
    ];
    (date(), kind).prop_map(|(date, kind)| Event { date, kind })
}

fn application() -> impl Strategy<Value = Application> {
    (
        prop::sample::select(vec!["a", "b", "c", "d", "e/f", "g%"]),
        status(),
        prop::bool::weighted(0.2),
        prop::option::of(date()),
        prop_oneof![
            3 => Just(None),
            3 => Just(Some(base())),
            1 => prop::option::of(date()),
        ],
        prop::collection::vec(round(), 0..4),
        contacts(),
        prop::collection::vec(event(), 0..10),
        prop::option::of(prop::sample::select(vec![Medium::Email, Medium::Phone])),
    )
        .prop_map(
            |(
                id,
                status,
                no_contact,
                decision_date,
                applied_on,
                rounds,
                contacts,
                history,
                medium,
            )| {
                Application {
                    id: id.into(),
                    status,
                    no_contact,
                    decision_date,
                    applied_on,
                    rounds,
                    contacts,
                    history,
                    medium,
                    ..Default::default()
                }
            },
        )
}

fn settings() -> impl Strategy<Value = Settings> {
    (
        0u32..6,
        any::<bool>(),
        prop::option::of(0u32..40),
        prop::collection::vec(date(), 0..8),
    )
        .prop_map(|(buffer_days, thank_you_card, remind, own)| {
            let mut settings = Settings {
                buffer_days,
                thank_you_card,
                remind_after_applying: remind,
                ..Settings::default()
            };
            settings.holidays.own = own;
            settings
        })
}

/// Applications whose ids are unique, for the per-application checks on the full plan.
fn distinct(apps: Vec<Application>) -> Vec<Application> {
    let mut seen = BTreeSet::new();
    apps.into_iter()
        .filter(|a| seen.insert(a.id.clone()))
        .collect()
}

/// `first-follow-up/<round>/<chain>` -> `<round>/<chain>`, the chain an action belongs to.
fn chain_of(action: &Action) -> Option<&str> {
    let chained = action.kind.is_follow_up() || action.kind == ActionKind::MoveOn;
    chained
        .then(|| action.key.split_once('/').map(|(_, rest)| rest))
        .flatten()
}

fn snoozed_ever(app: &Application, key: &str) -> bool {
    app.history
        .iter()
        .any(|e| matches!(&e.kind, EventKind::Snoozed { action, .. } if action == key))
}

fn plus_week(date: NaiveDate) -> NaiveDate {
    date.checked_add_days(Days::new(7)).unwrap_or(date)
}

/// A permutation of `0..n` from a seed (Fisher-Yates with a small generator).
fn shuffled<T: Clone>(items: &[T], mut seed: u64) -> Vec<T> {
    let mut out = items.to_vec();
    for i in (1..out.len()).rev() {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = usize::try_from((seed >> 33) % (i as u64 + 1)).unwrap_or(0);
        out.swap(i, j);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn never_more_than_two_follow_ups_per_round_chain(
        app in application(), settings in settings(), today in date()
    ) {
        let calendar = WorkCalendar::from_settings(&settings.holidays);
        let (actions, _) = plan_application(&app, &settings, &calendar, today);
        let mut per_chain: BTreeMap<&str, usize> = BTreeMap::new();
        for action in actions.iter().filter(|a| a.kind.is_follow_up()) {
            if let Some(chain) = chain_of(action) {
                *per_chain.entry(chain).or_default() += 1;
            }
        }
        for (chain, n) in per_chain {
            prop_assert!(n <= 2, "{n} follow-ups in chain {chain}: {actions:?}");
        }
        let keys: BTreeSet<&str> = actions.iter().map(|a| a.key.as_str()).collect();
        prop_assert_eq!(keys.len(), actions.len(), "keys are unique within an application");
    }

    #[test]
    fn follow_ups_fall_on_working_days(
        app in application(), settings in settings(), today in date()
    ) {
        let calendar = WorkCalendar::from_settings(&settings.holidays);
        let (actions, _) = plan_application(&app, &settings, &calendar, today);
        for action in &actions {
            if action.kind == ActionKind::ThankYouEmail || snoozed_ever(&app, &action.key) {
                continue;
            }
            prop_assert!(
                calendar.is_working_day(action.due),
                "{} due on {} ({})", action.key, action.due, action.due.format("%A")
            );
        }
    }

    #[test]
    fn nothing_contacts_the_employer_of_a_no_contact_application(
        mut app in application(), settings in settings(), today in date()
    ) {
        app.no_contact = true;
        let calendar = WorkCalendar::from_settings(&settings.holidays);
        let (actions, _) = plan_application(&app, &settings, &calendar, today);
        for action in actions.iter().filter(|a| a.done_on.is_none()) {
            prop_assert_eq!(action.kind, ActionKind::AlertReference, "{:?}", action);
        }
    }

    #[test]
    fn later_actions_never_before_the_ones_they_follow(
        app in application(), settings in settings(), today in date()
    ) {
        let calendar = WorkCalendar::from_settings(&settings.holidays);
        let (actions, _) = plan_application(&app, &settings, &calendar, today);
        let in_chain = |chain: &str, kind: fn(ActionKind) -> bool| {
            actions
                .iter()
                .find(|a| kind(a.kind) && chain_of(a) == Some(chain))
        };
        for action in &actions {
            let Some(chain) = chain_of(action) else { continue };
            if snoozed_ever(&app, &action.key) {
                continue;
            }
            let earlier = match action.kind {
                ActionKind::SecondFollowUp => {
                    in_chain(chain, |k| matches!(k, ActionKind::FirstFollowUp | ActionKind::CheckIn))
                }
                ActionKind::MoveOn => in_chain(chain, |k| k == ActionKind::SecondFollowUp),
                _ => None,
            };
            if let Some(earlier) = earlier {
                let anchor = earlier.done_on.unwrap_or(earlier.due);
                prop_assert!(
                    action.due >= plus_week(anchor),
                    "{} on {} is less than a week after {} ({anchor})",
                    action.key, action.due, earlier.key
                );
            }
        }
    }

    #[test]
    fn plan_is_identical_under_permutation_of_applications(
        apps in prop::collection::vec(application(), 0..6),
        settings in settings(),
        today in date(),
        seed in any::<u64>(),
    ) {
        let forward = plan(&apps, &settings, today);
        let other = plan(&shuffled(&apps, seed), &settings, today);
        prop_assert_eq!(&forward, &other);
        prop_assert!(forward
            .actions
            .windows(2)
            .all(|w| action_order(&w[0], &w[1]).is_le()));
        prop_assert_eq!(badge_count(&forward), count_actionable(&apps, &settings, today));
        // Applications count independently: the worker re-counts only the one it changed.
        let each: u32 = apps
            .iter()
            .map(|a| count_actionable(std::slice::from_ref(a), &settings, today))
            .sum();
        prop_assert_eq!(badge_count(&forward), each);
    }

    #[test]
    fn full_plan_matches_the_per_application_plans(
        apps in prop::collection::vec(application(), 0..6),
        settings in settings(),
        today in date(),
    ) {
        let apps = distinct(apps);
        let calendar = WorkCalendar::from_settings(&settings.holidays);
        let whole = plan(&apps, &settings, today);
        let mut actions = 0;
        for app in &apps {
            let (own, _) = plan_application(app, &settings, &calendar, today);
            let in_whole: Vec<&Action> =
                whole.actions.iter().filter(|a| a.app_id == app.id).collect();
            prop_assert_eq!(in_whole, own.iter().collect::<Vec<_>>());
            actions += own.len();
            for action in &own {
                prop_assert!(!explain(action, app).is_empty());
            }
        }
        prop_assert_eq!(actions, whole.actions.len());
    }
}
