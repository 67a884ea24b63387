//! *Today*, natively: the sections and rows drawn from the plan, the draft, and what marking
//! sent, skipping, snoozing and undoing ask to write.

mod ui_support;

use followup::core::model::{ActionState, Application, EventKind, Round, Status};
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
    // The panel's fields are drawn once it is opened.
    assert_eq!(count(&drawn(&m), "details.dated[open]"), 0);
    assert_eq!(count(&drawn(&m), "details.dated input"), 0);
    send(&mut m, Msg::ToggleDated(r.clone()));
    let tree = drawn(&m);
    assert_eq!(count(&tree, "details.dated[open]"), 1);
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

/// Acme, interviewed today from `time` for `minutes`, at `place`.
fn timed(time: &str, minutes: Option<u32>, place: &str) -> Application {
    let mut app = acme();
    app.rounds[0].time = Some(time.parse().unwrap());
    app.rounds[0].duration_minutes = minutes;
    app.rounds[0].place = place.into();
    app
}

/// A round of `app` on `day` with `who` (contact ids), at `time` if any.
fn round_on(app: &mut Application, id: &str, day: &str, time: Option<&str>, who: &[&str]) {
    app.rounds.push(Round {
        id: id.into(),
        date: date(day),
        time: time.map(|t| t.parse().unwrap()),
        interviewers: who
            .iter()
            .map(|c| followup::core::model::Interviewer {
                contact_id: (*c).into(),
                points: vec![],
            })
            .collect(),
        ..Default::default()
    });
}

#[test]
fn an_interview_today_is_named_with_its_time_interviewers_length_and_place() {
    let m = page(
        Surface::Popup,
        vec![timed("14:00", Some(90), "https://meet.example.com/abc")],
    );
    let tree = drawn(&m);
    let section = tree.first("section.interviews").expect("the interviews");
    assert_eq!(text_of(section, "h2"), "Interviews (1)");
    let li = section.first("li.interview").unwrap();
    assert_eq!(li.key_of(), Some("acme/r1"));
    assert_eq!(
        text_of(li, "strong.what"),
        "Interview today at 14:00 with Dana Smith and Lee Park"
    );
    assert_eq!(text_of(li, "p.why"), "14:00–15:30 (90 min) · on-site");
    assert_eq!(
        text_of(li, "[data-action=open-app]"),
        "Acme · Data Engineer"
    );
    // A video link opens in a new tab, without telling the site where it came from.
    assert_eq!(
        text_of(li, "p.place"),
        "Where: https://meet.example.com/abc"
    );
    let link = li.first("p.place a").unwrap();
    assert_eq!(link.get("href"), Some("https://meet.example.com/abc"));
    assert_eq!(link.get("rel"), Some("noopener noreferrer"));
    assert_eq!(link.get("target"), Some("_blank"));
    // Above the actions, below the possible replies.
    assert_eq!(
        keys(tree.first("div.today").unwrap(), "section"),
        ["interviews", "due", "soon"]
    );
}

#[test]
fn without_a_time_the_day_is_named_and_tomorrows_interviews_come_next() {
    let mut acme = acme();
    acme.rounds[0].place = "Main St. 1".into();
    let mut globex = simple("globex", "Globex");
    globex.status = Status::Interviewing;
    globex.contacts = vec![contact("kim", "Kim Lee", "kim@globex.example")];
    round_on(&mut globex, "tech", "2026-03-11", Some("09:30"), &["kim"]);
    round_on(&mut globex, "later", "2026-03-12", Some("09:30"), &["kim"]);
    let mut initech = simple("initech", "Initech");
    round_on(&mut initech, "screen", "2026-03-11", None, &[]);
    // A rejected application's interview does not take place.
    let mut gone = simple("gone", "Gone Inc");
    gone.status = Status::Rejected;
    round_on(&mut gone, "x", "2026-03-10", Some("10:00"), &[]);
    let m = page(Surface::Popup, vec![acme, globex, initech, gone]);
    let tree = drawn(&m);
    let section = tree.first("section.interviews").unwrap();
    assert_eq!(text_of(section, "h2"), "Interviews (3)");
    let lines: Vec<String> = section
        .select("strong.what")
        .iter()
        .map(|n| n.text_content())
        .collect();
    assert_eq!(
        lines,
        [
            "Interview today with Dana Smith and Lee Park",
            "Interview tomorrow with Initech",
            "Interview tomorrow at 09:30 with Kim Lee",
        ]
    );
    assert_eq!(
        keys(section, "li.interview"),
        ["acme/r1", "initech/screen", "globex/tech"]
    );
    // A place that is not a web address is text.
    assert_eq!(text_of(section, "li.today p.place"), "Where: Main St. 1");
    assert_eq!(count(section, "a"), 0);
    // Nothing today or tomorrow: no section.
    let m = page(Surface::Popup, vec![simple("x", "X")]);
    assert_eq!(count(&drawn(&m), "section.interviews"), 0);
}

#[test]
fn only_a_web_address_becomes_a_link() {
    for place in [
        "javascript:alert(1)",
        "data:text/html,<b>x</b>",
        "ftp://files.example/a",
        "https://meet.example.com/a b",
        "https://",
        "Room 4\nhttps://meet.example.com/x",
    ] {
        let m = page(Surface::Popup, vec![timed("14:00", None, place)]);
        let tree = drawn(&m);
        let shown = tree.first("section.interviews p.place").unwrap();
        assert_eq!(count(shown, "a"), 0, "{place}");
        assert_eq!(shown.text_content(), format!("Where: {}", place.trim()));
    }
    let m = page(
        Surface::Popup,
        vec![timed("14:00", None, " http://intranet.example/room ")],
    );
    let tree = drawn(&m);
    assert_eq!(
        tree.first("section.interviews p.place a")
            .unwrap()
            .get("href"),
        Some("http://intranet.example/room")
    );
}

#[test]
fn a_thank_you_on_the_day_of_a_timed_interview_is_for_after_it() {
    let m = page(Surface::Popup, vec![timed("14:00", Some(90), "")]);
    let tree = drawn(&m);
    let due = tree.first("section.due").expect("due today");
    assert_eq!(due.select("li.action").len(), 2);
    for li in due.select("li.action") {
        assert_eq!(text_of(li, ".when"), "today, after 15:30 · Tue, 10 Mar");
        assert_eq!(
            text_of(li, "p.why"),
            "On the day of your interview, 10 Mar 2026. Send it once the interview is over, at 15:30."
        );
    }
    // Without a length, an hour.
    let m = page(Surface::Popup, vec![timed("09:00", None, "")]);
    assert_eq!(
        text_of(&drawn(&m), "section.due .when"),
        "today, after 10:00 · Tue, 10 Mar"
    );
    // Without a time, as before.
    let m = page(Surface::Popup, vec![acme()]);
    let tree = drawn(&m);
    assert_eq!(text_of(&tree, "section.due .when"), "today · Tue, 10 Mar");
    assert_eq!(
        text_of(&tree, "section.due p.why"),
        "On the day of your interview, 10 Mar 2026."
    );
    // Ending in the evening, it is due the next working day, and says so.
    let m = page(Surface::Popup, vec![timed("17:00", None, "")]);
    let tree = drawn(&m);
    assert_eq!(count(&tree, "section.due"), 0);
    let soon = tree.first("section.soon").unwrap();
    let email = soon
        .select("li.action")
        .into_iter()
        .find(|li| li.get("data-key").unwrap().starts_with("thank-you-email"))
        .expect("the thank-you email");
    assert_eq!(text_of(email, ".when"), "tomorrow · Wed, 11 Mar");
    assert!(text_of(email, "p.why").contains("Moved to 11 Mar 2026"));
    // Sent, the row says when, not "after".
    let mut m = page(Surface::Popup, vec![timed("14:00", Some(90), "")]);
    let r = thank_yous(&m)[0].clone();
    let effects = send(&mut m, Msg::Sent(r.clone()));
    let app = saved(&m, &effects[0]);
    written(&mut m, &effects[0], vec![app]);
    send(&mut m, Msg::OpenApp("acme".into()));
    let tree = drawn(&m);
    let row = tree
        .first(&format!("li.action[data-key={}]", r.key))
        .unwrap();
    assert_eq!(text_of(row, ".when"), "Done · Tue, 10 Mar");
    assert!(!text_of(row, "p.why").contains("15:30"));
}

#[test]
fn the_application_page_shows_a_rounds_time_length_and_place() {
    let mut m = page(
        Surface::Popup,
        vec![timed("14:00", Some(90), "https://meet.example.com/abc")],
    );
    send(&mut m, Msg::OpenApp("acme".into()));
    let tree = drawn(&m);
    let round = tree.first("ul.rounds li").unwrap();
    assert_eq!(
        text_of(round, "span"),
        "10 Mar 2026 · 14:00–15:30 (90 min) · on-site · Dana Smith and Lee Park"
    );
    assert_eq!(
        round.first("p.place a").unwrap().get("rel"),
        Some("noopener noreferrer")
    );
    let marks = text_of(&tree, "ol.tl-list");
    assert!(marks.contains("on-site, 14:00–15:30 (90 min)"), "{marks}");
    // The popup keeps one column; the full-tab page has two.
    assert_eq!(count(&tree, "article.app aside"), 0);
    let mut m = page(Surface::Tab, vec![timed("14:00", Some(90), "")]);
    send(&mut m, Msg::OpenApp("acme".into()));
    let tree = drawn(&m);
    let article = tree.first("article.app").unwrap();
    assert_eq!(article.get("class"), Some("app columns"));
    let main = article.first("div.main").unwrap();
    assert_eq!(count(main, "section.people"), 1);
    assert_eq!(text_of(main, "ul.points li"), "Dana Smith: Streaming");
    let side = article.first("aside.side").unwrap();
    assert_eq!(count(side, "figure.timeline details[open]"), 1);
    assert!(count(side, "ul.actions li.action") >= 2);
    assert_eq!(count(side, "form[data-form=record]"), 1);
}

#[test]
fn a_round_repeating_an_earlier_rounds_id_is_listed_once() {
    let mut globex = simple("globex", "Globex");
    globex.status = Status::Interviewing;
    globex.contacts = vec![contact("kim", "Kim Lee", "kim@globex.example")];
    round_on(&mut globex, "tech", "2026-03-10", Some("09:30"), &["kim"]);
    round_on(&mut globex, "tech", "2026-03-11", Some("11:00"), &["kim"]);
    let m = page(Surface::Popup, vec![globex]);
    let tree = drawn(&m);
    let section = tree.first("section.interviews").unwrap();
    assert_eq!(text_of(section, "h2"), "Interviews (1)");
    assert_eq!(
        text_of(section, "strong.what"),
        "Interview today at 09:30 with Kim Lee"
    );
}
