//! *Today*, natively: the sections and rows drawn from the plan, the draft, and what marking
//! sent, skipping, snoozing and undoing ask to write.

mod ui_support;

use followup::core::model::{ActionState, EventKind};
use followup::ui::{ActionRef, After, Effect, Msg, Surface, Text, Write};
use ui_support::*;

fn thank_yous(m: &followup::ui::Model) -> Vec<ActionRef> {
    m.plan
        .actions
        .iter()
        .filter(|a| a.key.starts_with("thank-you-email") && a.state == ActionState::Due)
        .map(|a| ActionRef::new(&a.app_id, &a.key))
        .collect()
}

/// The application a write leaves stored: an edit applied to the page's copy of it, as the
/// writer applies it to the stored one.
fn saved(m: &followup::ui::Model, effect: &Effect) -> followup::core::model::Application {
    match effect {
        Effect::Write(Write::SaveApp(app), _) => app.clone(),
        Effect::Write(Write::Edit { app_id, edit }, _) => {
            let app = m
                .app(app_id)
                .expect("the edited application is on the page");
            edit.apply(app, m.today).expect("the edit applies")
        }
        other => panic!("not a save: {other:?}"),
    }
}

#[test]
fn an_empty_page_welcomes_with_the_sample_data_and_a_first_application() {
    let mut m = page(Surface::Popup, vec![]);
    let tree = drawn(&m);
    assert_eq!(count(&tree, "div.welcome"), 1);
    assert_eq!(count(&tree, "[data-action=load-demo]"), 1);
    assert_eq!(count(&tree, "[data-action=new-app]"), 1);
    let effects = send(&mut m, Msg::LoadDemo);
    match effects.as_slice() {
        [Effect::Write(Write::SaveApps(apps), After::Notice(n))] => {
            assert!(apps.len() >= 3, "{} samples", apps.len());
            assert_eq!(n.text, Text::key("demoLoaded"));
        }
        other => panic!("{other:?}"),
    }
    assert!(m.busy);
}

#[test]
fn two_interviewers_met_today_give_two_thank_yous_due_today() {
    let m = page(Surface::Popup, vec![acme()]);
    let tree = drawn(&m);
    let due = tree.first("section.due").expect("a due section");
    assert_eq!(due.select("li.action").len(), 2);
    assert!(
        text_of(due, "h2").starts_with("Due now (2)"),
        "{}",
        text_of(due, "h2")
    );
    let titles: Vec<String> = due
        .select("strong.what")
        .iter()
        .map(|n| n.text_content())
        .collect();
    assert!(
        titles.iter().any(|t| t.contains("Dana Smith")),
        "{titles:?}"
    );
    assert!(titles.iter().any(|t| t.contains("Lee Park")), "{titles:?}");
    assert!(text_of(due, "p.why").contains("interview"));
    // Each row is keyed by its action, so an update moves rows rather than redrawing them.
    for li in due.select("li.action") {
        let key = li.key_of().expect("keyed");
        assert_eq!(key, format!("acme/{}", li.get("data-key").unwrap()));
    }
    // The tab shows what is due.
    assert_eq!(text_of(&tree, "[data-action=tab-today]"), "Today (2)");
}

#[test]
fn the_draft_opens_and_closes_with_its_text_and_compose_links() {
    let mut m = page(Surface::Popup, vec![acme()]);
    let r = thank_yous(&m)[0].clone();
    assert!(send(&mut m, Msg::ToggleDraft(r.clone())).is_empty());
    let tree = drawn(&m);
    let panel = tree.first("div.draft").expect("the draft is open");
    assert_eq!(panel.get("data-draft"), Some(r.id().as_str()));
    let body = value_of(panel, &format!("draft:{}", r.id()));
    assert!(body.contains("Dana") || body.contains("Lee"), "{body}");
    let gmail = panel
        .first("a[data-action=compose-gmail]")
        .unwrap()
        .get("href")
        .unwrap();
    assert!(
        gmail.starts_with("https://mail.google.com/mail/?view=cm"),
        "{gmail}"
    );
    assert!(gmail.contains("acme.example"), "{gmail}");
    assert_eq!(
        text_of(
            &tree,
            &format!("li.action[data-key={}] [data-action=draft]", r.key)
        ),
        "Hide draft"
    );

    // Copy puts the subject and the body on the clipboard.
    match send(&mut m, Msg::CopyDraft(r.clone())).as_slice() {
        [Effect::Copy(text)] => assert!(text.ends_with(&body) && text.len() > body.len()),
        other => panic!("{other:?}"),
    }
    send(&mut m, Msg::Copied(true));
    assert_eq!(m.notice.as_ref().unwrap().text, Text::key("copied"));

    // Escape closes it; so does a second click.
    assert!(m.escape_closes());
    send(&mut m, Msg::Escape);
    assert_eq!(count(&drawn(&m), "div.draft"), 0);
    send(&mut m, Msg::ToggleDraft(r.clone()));
    send(&mut m, Msg::ToggleDraft(r));
    assert_eq!(count(&drawn(&m), "div.draft"), 0);
}

#[test]
fn marking_sent_saves_the_application_and_offers_an_undo() {
    let mut m = page(Surface::Popup, vec![acme()]);
    let r = thank_yous(&m)[0].clone();
    send(&mut m, Msg::ToggleDraft(r.clone()));
    let effects = send(&mut m, Msg::Sent(r.clone()));
    assert_eq!(effects.len(), 1);
    let app = saved(&m, &effects[0]);
    let last = app.history.last().expect("an event");
    assert_eq!(last.date, today());
    assert!(
        matches!(&last.kind, EventKind::Sent { action } if *action == r.key),
        "{last:?}"
    );
    let Effect::Write(_, After::Notice(n)) = &effects[0] else {
        unreachable!()
    };
    assert_eq!(n.undo.as_ref(), Some(&r));
    assert!(
        matches!(&n.text, Text::Msg("recordedSent", args) if args[0].1.starts_with("Thank-you email"))
    );
    // The draft closed; while the write is on its way, writing buttons are disabled.
    assert!(m.open_draft.is_none());
    assert!(m.busy);
    let tree = drawn(&m);
    assert!(tree
        .select("[data-action=sent]")
        .iter()
        .all(|b| b.get("disabled").is_some()));

    // Storage answers: one thank-you left, and the notice offers the undo.
    let app = app.clone();
    written(&mut m, &effects[0], vec![app]);
    assert!(!m.busy);
    let tree = drawn(&m);
    assert_eq!(count(&tree, "section.due li.action"), 1);
    let undo = tree
        .first(".notice [data-action=undo]")
        .expect("undo offered");
    assert_eq!(undo.get("data-app"), Some("acme"));
    assert_eq!(undo.get("data-key"), Some(r.key.as_str()));
    assert!(
        text_of(&tree, ".notice .message").starts_with("Recorded as sent"),
        "{}",
        text_of(&tree, ".notice")
    );

    // Undo takes it back.
    let effects = send(&mut m, Msg::Undo(r.clone()));
    let back = saved(&m, &effects[0]);
    assert!(!back
        .history
        .iter()
        .any(|e| matches!(&e.kind, EventKind::Sent { action } if *action == r.key)));
    let Effect::Write(_, After::Notice(n)) = &effects[0] else {
        unreachable!()
    };
    assert_eq!(n.text, Text::key("undone"));
}

#[test]
fn skip_sent_on_another_day_and_snooze_write_what_the_fields_hold() {
    let mut m = page(Surface::Popup, vec![acme()]);
    let r = thank_yous(&m)[0].clone();
    let tree = drawn(&m);
    // The fields offer today (sent) and the next working day (snooze).
    assert_eq!(
        value_of(&tree, &format!("sent-on:{}", r.id())),
        "2026-03-10"
    );
    assert_eq!(value_of(&tree, &format!("snooze:{}", r.id())), "2026-03-11");

    let skip = send(&mut m, Msg::Skip(r.clone()));
    assert!(matches!(
        &saved(&m, &skip[0]).history.last().unwrap().kind,
        EventKind::Skipped { .. }
    ));

    input(&mut m, &format!("sent-on:{}", r.id()), "2026-03-09");
    assert_eq!(
        value_of(&drawn(&m), &format!("sent-on:{}", r.id())),
        "2026-03-09"
    );
    let sent = send(&mut m, Msg::SentOn(r.clone()));
    assert_eq!(
        saved(&m, &sent[0]).history.last().unwrap().date,
        date("2026-03-09")
    );

    input(&mut m, &format!("snooze:{}", r.id()), "2026-03-13");
    let snooze = send(&mut m, Msg::Snooze(r.clone()));
    match &saved(&m, &snooze[0]).history.last().unwrap().kind {
        EventKind::Snoozed { until, .. } => assert_eq!(*until, date("2026-03-13")),
        other => panic!("{other:?}"),
    }

    // A date that is not one is refused in words, and nothing is written.
    input(&mut m, &format!("snooze:{}", r.id()), "next week");
    assert!(send(&mut m, Msg::Snooze(r)).is_empty());
    let n = m.notice.as_ref().unwrap();
    assert!(n.error);
    assert_eq!(
        text_of(&drawn(&m), ".notice .message.error"),
        "Choose a valid date.×"
    );
}

#[test]
fn an_action_of_a_deleted_application_is_refused_in_words() {
    let mut m = page(Surface::Popup, vec![acme()]);
    assert!(send(&mut m, Msg::Sent(ActionRef::new("gone", "thank-you-email"))).is_empty());
    assert_eq!(m.notice.as_ref().unwrap().text, Text::key("errorGone"));
    send(&mut m, Msg::Dismiss);
    assert!(m.notice.is_none());
    assert_eq!(count(&drawn(&m), ".notice .message"), 0);
}

#[test]
fn german_words_come_from_the_german_messages() {
    let m = page_with(Surface::Popup, german(), vec![acme()], Default::default());
    let tree = drawn(&m);
    assert_eq!(text_of(&tree, "section.due h2"), "Jetzt fällig (2)");
    assert_eq!(
        text_of(&tree, "[data-action=sent]"),
        "Als gesendet markieren"
    );
    assert!(text_of(&tree, "span.when").starts_with("heute · "));
}

#[test]
fn a_long_list_stops_at_a_page_with_show_more() {
    let apps: Vec<_> = (0..30)
        .map(|i| {
            let mut a = acme();
            a.id = format!("acme-{i:02}");
            a
        })
        .collect();
    let mut m = page(Surface::Popup, apps);
    let listed = m
        .plan
        .actions
        .iter()
        .filter(|a| {
            a.due <= date("2026-03-17")
                && !matches!(a.state, ActionState::Done | ActionState::Skipped)
        })
        .count();
    assert!(listed > 50 && listed <= 100, "{listed} actions this week");
    let tree = drawn(&m);
    assert_eq!(count(&tree, "li.action"), 50);
    assert_eq!(
        text_of(&tree, "[data-action=show-more]"),
        format!("Show {} more", listed - 50)
    );
    send(&mut m, Msg::ShowMore);
    let tree = drawn(&m);
    assert_eq!(count(&tree, "li.action"), listed);
    assert_eq!(count(&tree, "[data-action=show-more]"), 0);
}
