//! *Possible replies* on *Today*, natively: the section listed first, the held follow-ups'
//! note, and what each answer asks to write (an interview invitation then opens the editor
//! with a new round on the message's day).

mod ui_support;

use followup::core::edit::Edit;
use followup::core::model::{Answer, Application, Noticed};
use followup::ui::{After, AnswerRef, Effect, Msg, Surface, View, Write};
use ui_support::*;

/// Acme (interviewed today) with a message from Dana noticed yesterday, not answered yet.
fn noticed() -> Application {
    let mut app = acme();
    app.noticed.push(Noticed {
        id: "gmail:m1".into(),
        from: "dana@acme.example".into(),
        name: "Dana Smith".into(),
        contact_id: Some("dana".into()),
        date: today().pred_opt().unwrap(),
        subject: "Next steps".into(),
        site: "gmail".into(),
        answer: None,
    });
    app
}

fn answer(answer: Answer) -> Msg {
    Msg::Answer(AnswerRef {
        app: "acme".into(),
        message: "gmail:m1".into(),
        answer,
    })
}

#[test]
fn possible_replies_come_first_with_their_answers() {
    let m = page(Surface::Popup, vec![noticed()]);
    let tree = drawn(&m);
    let today = tree.first("div.today").expect("Today");
    assert_eq!(
        keys(today, "section").first().map(String::as_str),
        Some("replies"),
        "the possible replies come first"
    );
    let text = text_of(&tree, "li.possible-reply strong.what");
    assert!(text.starts_with("Dana Smith (Acme) wrote on "), "{text}");
    assert!(text.ends_with(": “Next steps”"), "{text}");
    assert_eq!(count(&tree, "li.possible-reply [data-action=answer]"), 5);
    assert_eq!(count(&tree, "section.replies"), 1);
    // The follow-ups coming this week are held, with who may have answered; the thank-yous
    // due today are not.
    let held = text_of(&tree, "section.held");
    assert!(held.contains("Dana Smith may have answered on"), "{held}");
    assert!(!held.contains("Thank-you"), "{held}");
    assert_eq!(count(&tree, "section.due li.action"), 2);
    assert_eq!(
        count(
            &page(Surface::Popup, vec![acme()]).pipe(drawn),
            "section.replies"
        ),
        0
    );
}

#[test]
fn a_reply_with_a_new_decision_date_asks_to_record_it() {
    let mut m = page(Surface::Popup, vec![noticed()]);
    input(&mut m, "decision:acme/gmail:m1", "2026-03-20");
    let effects = send(&mut m, answer(Answer::Reply));
    match effects.as_slice() {
        [Effect::Write(Write::Edit { app_id, edit }, After::Notice(_))] => {
            assert_eq!(app_id, "acme");
            assert_eq!(
                edit,
                &Edit::Answer {
                    message: "gmail:m1".into(),
                    answer: Answer::Reply,
                    decision_date: Some(date("2026-03-20")),
                }
            );
        }
        other => panic!("{other:?}"),
    }
    // A day that is not one is refused on the page, and nothing is written.
    let mut m = page(Surface::Popup, vec![noticed()]);
    input(&mut m, "decision:acme/gmail:m1", "soon");
    assert!(send(&mut m, answer(Answer::Reply)).is_empty());
    assert!(m.notice.as_ref().is_some_and(|n| n.error));
}

#[test]
fn an_interview_invitation_opens_the_editor_with_a_new_round_on_the_messages_day() {
    let mut m = page(Surface::Popup, vec![noticed()]);
    let effects = send(&mut m, answer(Answer::Interview));
    let [write] = effects.as_slice() else {
        panic!("{effects:?}")
    };
    let Effect::Write(Write::Edit { edit, .. }, After::NewRound { .. }) = write else {
        panic!("{write:?}")
    };
    let stored = edit.apply(&noticed(), today()).unwrap();
    written(&mut m, write, vec![stored]);
    assert_eq!(m.view, View::Edit);
    let form = m.editor.as_ref().expect("the editor");
    let round = form.rounds.last().expect("a new round");
    assert_eq!(round.date, today().pred_opt().unwrap().to_string());
    assert_eq!(form.rounds.len(), 2);
}

trait Pipe: Sized {
    fn pipe<T>(self, f: impl FnOnce(&Self) -> T) -> T {
        f(&self)
    }
}
impl<T> Pipe for T {}
