//! Possible replies (docs/rules.md, "Possible replies"): which noticed messages an application
//! keeps, how they hold its follow-ups, and what each answer records, through the command path
//! and today's summary as the extension runs them.

use chrono::{Days, NaiveDate};

use followup::core::command::{self, Command, Ctx, Edit, Reply};
use followup::core::model::{
    ActionKind, ActionState, Answer, Application, Contact, Event, EventKind, Round, Settings,
    Status,
};
use followup::core::noticing::{self, Message, MAX_KEPT, MAX_PENDING};
use followup::core::ops::OpError;
use followup::core::plan::{self, badge_count};
use followup::core::store::{app_key, KvStore, MemoryStore, SUMMARY_KEY};
use followup::core::summary::Summary;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()
}

fn day(offset: i64) -> NaiveDate {
    if offset >= 0 {
        today() + Days::new(offset as u64)
    } else {
        today() - Days::new((-offset) as u64)
    }
}

/// Dana interviewed ten days ago, the thank-you went out that day, the decision date passed
/// six days ago: her first follow-up is due.
fn acme() -> Application {
    Application {
        id: "acme".into(),
        revision: 1,
        company: "Acme".into(),
        role: "Data Engineer".into(),
        status: Status::Interviewing,
        applied_on: Some(day(-30)),
        decision_date: Some(day(-6)),
        contacts: vec![
            Contact {
                id: "dana".into(),
                name: "Dana Smith".into(),
                email: "Dana@acme.io".into(),
                hiring_manager: true,
                ..Default::default()
            },
            Contact {
                id: "ref".into(),
                name: "Rita Ref".into(),
                email: "rita@old-employer.example".into(),
                reference: true,
                ..Default::default()
            },
        ],
        rounds: vec![Round {
            id: "r1".into(),
            date: day(-10),
            kind: "on-site".into(),
            interviewers: vec![followup::core::model::Interviewer {
                contact_id: "dana".into(),
                points: vec![],
            }],
            ..Default::default()
        }],
        history: vec![Event {
            date: day(-10),
            kind: EventKind::Sent {
                action: "thank-you-email/r1/dana".into(),
            },
        }],
        ..Default::default()
    }
}

fn message(from: &str, offset: i64, subject: &str) -> Message {
    Message {
        id: format!("gmail:{from}-{offset}-{subject}"),
        from: from.into(),
        name: "As shown".into(),
        date: day(offset),
        subject: subject.into(),
        site: "gmail".into(),
    }
}

fn planned(app: &Application) -> Vec<followup::core::model::Action> {
    plan::plan(std::slice::from_ref(app), &Settings::default(), today()).actions
}

fn follow_up(app: &Application) -> followup::core::model::Action {
    planned(app)
        .into_iter()
        .find(|a| a.kind == ActionKind::FirstFollowUp)
        .expect("a first follow-up")
}

#[test]
fn a_contacts_message_after_the_interview_is_kept_with_the_contacts_name() {
    let app = acme();
    let next =
        noticing::take(&app, &[message("dana@acme.io", -1, "Next steps")], today()).expect("kept");
    let n = &next.noticed[0];
    assert_eq!(n.name, "Dana Smith");
    assert_eq!(n.contact_id.as_deref(), Some("dana"));
    assert_eq!(n.date, day(-1));
    assert_eq!(n.answer, None);
}

#[test]
fn someone_else_at_the_companys_domain_is_a_weaker_match_with_the_name_shown() {
    let next =
        noticing::take(&acme(), &[message("talent@acme.io", -1, "Hi")], today()).expect("kept");
    assert_eq!(next.noticed[0].contact_id, None);
    assert_eq!(next.noticed[0].name, "As shown");
}

#[test]
fn strangers_webmail_domains_automatic_senders_and_old_or_future_messages_are_not_kept() {
    let app = acme();
    for m in [
        message("someone@else.example", -1, "Stranger"),
        // The reference's address is at a webmail-like other company: not Acme's domain.
        message("boss@old-employer.example", -1, "Not Acme"),
        message("friend@gmail.com", -1, "Free mail"),
        message("no-reply@acme.io", -1, "Automatic"),
        message("notifications@acme.io", -1, "Automatic"),
        // Before or on the interview day: already covered.
        message("dana@acme.io", -10, "Before"),
        message("dana@acme.io", -40, "Long ago"),
        message("dana@acme.io", 1, "Tomorrow"),
    ] {
        assert_eq!(
            noticing::take(&app, std::slice::from_ref(&m), today()),
            None,
            "{m:?}"
        );
    }
}

#[test]
fn only_messages_on_or_after_the_last_follow_up_sent_count() {
    let mut app = acme();
    app.history.push(Event {
        date: day(-3),
        kind: EventKind::Sent {
            action: "first-follow-up/r1".into(),
        },
    });
    assert_eq!(
        noticing::take(&app, &[message("dana@acme.io", -4, "x")], today()),
        None
    );
    assert!(noticing::take(&app, &[message("dana@acme.io", -3, "x")], today()).is_some());
}

#[test]
fn a_recorded_reply_or_a_closed_application_covers_what_came_before() {
    let mut app = acme();
    app.history.push(Event {
        date: day(-2),
        kind: EventKind::Reply {
            decision_date: None,
        },
    });
    assert_eq!(
        noticing::take(&app, &[message("dana@acme.io", -2, "x")], today()),
        None
    );
    assert!(noticing::take(&app, &[message("dana@acme.io", -1, "x")], today()).is_some());
    let mut rejected = acme();
    rejected.status = Status::Rejected;
    assert_eq!(
        noticing::take(&rejected, &[message("dana@acme.io", -1, "x")], today()),
        None
    );
}

#[test]
fn each_message_is_kept_once_and_a_flood_stops_at_the_cap() {
    let app = acme();
    let m = message("dana@acme.io", -1, "Next steps");
    let once = noticing::take(&app, std::slice::from_ref(&m), today()).unwrap();
    assert_eq!(noticing::take(&once, &[m], today()), None);
    let flood: Vec<Message> = (0..500)
        .map(|i| message("talent@acme.io", -1, &format!("Offer {i}")))
        .collect();
    let next = noticing::take(&app, &flood, today()).unwrap();
    assert_eq!(next.noticed.len(), MAX_PENDING);
    // Answered ones are kept for their ids, the oldest going first beyond the cap.
    let mut app = next;
    for round in 0..4 {
        let ids: Vec<String> = noticing::pending(&app).map(|n| n.id.clone()).collect();
        for id in ids {
            app = noticing::answer(&app, &id, Answer::NotAbout, None).unwrap();
        }
        let more: Vec<Message> = (0..MAX_PENDING)
            .map(|i| message("talent@acme.io", -1, &format!("More {round} {i}")))
            .collect();
        app = noticing::take(&app, &more, today()).unwrap();
        assert!(app.noticed.len() <= MAX_KEPT);
    }
}

#[test]
fn a_possible_reply_holds_the_follow_ups_off_the_badge_but_not_the_thank_you() {
    let app = acme();
    assert!(follow_up(&app).is_actionable());
    let before = badge_count(&plan::plan(
        std::slice::from_ref(&app),
        &Settings::default(),
        today(),
    ));
    let held = noticing::take(&app, &[message("dana@acme.io", -1, "Next steps")], today()).unwrap();
    let a = follow_up(&held);
    let hold = a.held.clone().expect("held");
    assert_eq!((hold.name.as_str(), hold.date), ("Dana Smith", day(-1)));
    assert!(!a.is_actionable());
    let after = plan::plan(std::slice::from_ref(&held), &Settings::default(), today());
    assert_eq!(badge_count(&after), before - 1);
    assert_eq!(
        plan::count_actionable(std::slice::from_ref(&held), &Settings::default(), today()),
        before - 1
    );
    assert!(planned(&held)
        .iter()
        .filter(|a| a.kind == ActionKind::ThankYouEmail)
        .all(|a| a.held.is_none()));
}

#[test]
fn each_answer_records_its_event_on_the_messages_day() {
    let held = noticing::take(
        &acme(),
        &[message("dana@acme.io", -1, "Next steps")],
        today(),
    )
    .unwrap();
    let id = held.noticed[0].id.clone();

    // A reply with a new decision date: rule 3 restarts from it, nothing is held.
    let replied = noticing::answer(&held, &id, Answer::Reply, Some(day(3))).unwrap();
    assert_eq!(
        replied.history.last().unwrap(),
        &Event {
            date: day(-1),
            kind: EventKind::Reply {
                decision_date: Some(day(3))
            }
        }
    );
    let next = planned(&replied)
        .into_iter()
        .find(|a| a.kind == ActionKind::FirstFollowUp && a.state != ActionState::Done)
        .expect("a new first follow-up");
    assert!(next.due > day(3) && next.held.is_none(), "{next:?}");
    assert_eq!(replied.noticed[0].answer, Some(Answer::Reply));

    // Not about this application: the follow-up is due again, as before, and nothing else.
    let not_about = noticing::answer(&held, &id, Answer::NotAbout, None).unwrap();
    assert_eq!(not_about.history, acme().history);
    assert_eq!(follow_up(&not_about), follow_up(&acme()));

    // A rejection: the status, and rule 7's feedback request.
    let rejected = noticing::answer(&held, &id, Answer::Rejection, None).unwrap();
    assert_eq!(rejected.status, Status::Rejected);
    assert!(planned(&rejected)
        .iter()
        .any(|a| a.kind == ActionKind::AskFeedback));

    // References requested: each reference gets an alert.
    let refs = noticing::answer(&held, &id, Answer::References, None).unwrap();
    assert!(planned(&refs)
        .iter()
        .any(|a| a.kind == ActionKind::AlertReference));

    // An interview invitation is a reply (the new round is then entered in the editor).
    let invited = noticing::answer(&held, &id, Answer::Interview, None).unwrap();
    assert!(matches!(
        invited.history.last().unwrap().kind,
        EventKind::Reply {
            decision_date: None
        }
    ));

    // Twice, or about a message that is not there: refused, worded.
    assert_eq!(
        noticing::answer(&replied, &id, Answer::Reply, None),
        Err(OpError::AlreadyAnswered { date: day(-1) })
    );
    assert!(matches!(
        noticing::answer(&held, "gone", Answer::Reply, None),
        Err(OpError::UnknownMessage { .. })
    ));
    assert!(matches!(
        noticing::answer(&held, &id, Answer::Reply, Some(day(-5))),
        Err(OpError::DecisionBeforeReply { .. })
    ));
}

#[test]
fn pages_send_answers_and_never_a_noticed_edit() {
    let edit: Edit = serde_json::from_str(
        r#"{"kind":"answer","message":"m1","answer":"not-about","decisionDate":null}"#,
    )
    .unwrap();
    assert_eq!(
        edit,
        Edit::Answer {
            message: "m1".into(),
            answer: Answer::NotAbout,
            decision_date: None
        }
    );
    assert!(
        serde_json::from_str::<Edit>(r#"{"kind":"answer","message":"m1","answer":"maybe"}"#)
            .is_err()
    );
    assert!(serde_json::from_str::<Edit>(r#"{"kind":"noticed","messages":[]}"#).is_err());
}

#[test]
fn through_the_command_path_the_summary_stays_what_the_full_plan_shows() {
    let ctx = Ctx {
        today: today(),
        now: "2026-12-07T09:00:00Z".into(),
    };
    let mut kv = MemoryStore::new();
    let new = Application {
        revision: 0,
        ..acme()
    };
    command::execute(&mut kv, Command::SaveApp { app: Box::new(new) }, &ctx).unwrap();
    // The summary as the writer keeps it must equal one built from everything, after each step.
    let check = |kv: &MemoryStore| {
        let kept = Summary::decode(kv.get(SUMMARY_KEY).unwrap().as_deref());
        let app: Application =
            serde_json::from_str(&kv.get(&app_key("acme")).unwrap().unwrap()).unwrap();
        if let Some(kept) = kept {
            let built =
                Summary::build(std::slice::from_ref(&app), &Settings::default(), 0, today());
            assert_eq!(kept, built);
            kept
        } else {
            panic!("no summary kept")
        }
    };
    // Build the first summary the way the worker's refresh does.
    let app = acme();
    let first = Summary::build(std::slice::from_ref(&app), &Settings::default(), 0, today());
    kv.set_many(&[(SUMMARY_KEY.to_string(), first.encode())])
        .unwrap();
    let edit = Edit::Noticed {
        messages: vec![message("dana@acme.io", -1, "Next steps")],
        today: today(),
    };
    command::execute(
        &mut kv,
        Command::Edit {
            app_id: "acme".into(),
            edit,
        },
        &ctx,
    )
    .unwrap();
    let s = check(&kv);
    assert_eq!(s.reply_count, 1);
    assert!(s.counts.held > 0);
    assert_eq!(s.badge().0, 0);
    let id = s.replies[0].message.id.clone();
    let edit = Edit::Answer {
        message: id,
        answer: Answer::NotAbout,
        decision_date: None,
    };
    let reply = command::execute(
        &mut kv,
        Command::Edit {
            app_id: "acme".into(),
            edit,
        },
        &ctx,
    );
    assert!(matches!(reply, Ok(Reply::App(_))));
    let s = check(&kv);
    assert_eq!((s.reply_count, s.counts.held), (0, 0));
    assert_eq!(s.badge().0, 1);
}

#[test]
fn a_message_from_someone_else_at_the_domain_is_listed_but_holds_nothing() {
    let next = noticing::take(&acme(), &[message("talent@acme.io", -1, "Hi")], today()).unwrap();
    assert_eq!(noticing::pending(&next).count(), 1);
    assert!(follow_up(&next).held.is_none());
    assert!(follow_up(&next).is_actionable());
}
