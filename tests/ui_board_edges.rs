//! The board at its edges, natively: a drop that does not carry the card picked up on this
//! page (text or files from another window, while a drag's end went unseen) moves nothing;
//! focus can follow a card moved from the keyboard into a long or filtered column; a move
//! waiting for its date does not outlive its application or a change made elsewhere.

mod ui_support;

use followup::core::model::{Application, Status};
use followup::ui::{BoardMsg, Effect, Form, Model, Msg, Surface, Write};
use ui_support::*;

fn applied(id: &str, company: &str) -> Application {
    Application {
        id: id.into(),
        revision: 1,
        company: company.into(),
        role: "Data Engineer".into(),
        status: Status::Applied,
        applied_on: Some(date("2026-03-02")),
        ..Default::default()
    }
}

fn board(apps: Vec<Application>) -> Model {
    page(Surface::Tab, apps)
}

fn board_msg(m: &mut Model, msg: BoardMsg) -> Vec<Effect> {
    send(m, Msg::Board(msg))
}

fn move_to(m: &mut Model, app: &str, to: &str) -> Vec<Effect> {
    board_msg(
        m,
        BoardMsg::Move {
            app: app.into(),
            to: to.into(),
        },
    )
}

fn cards_in(m: &Model, column: &str) -> Vec<String> {
    keys(
        &drawn(m),
        &format!("section.column[data-column={column}] li.card"),
    )
}

/// Another window stored `app`.
fn changed_elsewhere(m: &mut Model, app: &Application) {
    let raw = serde_json::to_string(app).expect("an application");
    let effects = send(
        m,
        Msg::Changed(vec![(format!("app:{}", app.id), Some(raw))]),
    );
    assert!(effects.is_empty(), "taken in place: {effects:?}");
}

#[test]
fn only_the_card_picked_up_here_is_moved_by_a_drop() {
    let mut m = board(vec![applied("robotics", "Acme Robotics")]);
    // A drag started on the board whose end was never seen (its card was redrawn meanwhile).
    board_msg(&mut m, BoardMsg::DragStart("robotics".into()));
    // Text or files dragged in from another window or page carry no card.
    let effects = board_msg(
        &mut m,
        BoardMsg::Drop {
            column: "interviewing".into(),
            card: None,
        },
    );
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(cards_in(&m, "applied"), ["robotics"]);
    assert!(m.board.dragging.is_none(), "the unseen drag is over");
    // Nor does a drop naming another card move the one picked up.
    board_msg(&mut m, BoardMsg::DragStart("robotics".into()));
    let effects = board_msg(
        &mut m,
        BoardMsg::Drop {
            column: "interviewing".into(),
            card: Some("someone-else".into()),
        },
    );
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(cards_in(&m, "applied"), ["robotics"]);
    assert_eq!(m.stored.apps[0].history, []);
}

#[test]
fn focus_follows_a_card_moved_from_the_keyboard_into_a_long_column() {
    let mut apps: Vec<Application> = (0..60)
        .map(|i| {
            let mut a = applied(&format!("a{i:03}"), &format!("Alpha {i:03}"));
            a.status = Status::Interviewing;
            a
        })
        .collect();
    apps.push(applied("zeta", "Zeta"));
    let mut m = board(apps);
    let effects = move_to(&mut m, "zeta", "interviewing");
    let focus = effects
        .iter()
        .find_map(|e| match e {
            Effect::FocusOn(selector) => Some(selector.clone()),
            _ => None,
        })
        .expect("focus follows the card");
    // Last in company order, beyond the 50 cards shown: drawn all the same, so its Move
    // button is there to take focus.
    let shown = cards_in(&m, "interviewing");
    assert_eq!(shown.len(), 51);
    assert_eq!(shown.last().map(String::as_str), Some("zeta"));
    assert_eq!(focus, r#"[data-action="board-menu"][data-app="zeta"]"#);
    assert_eq!(count(&drawn(&m), &focus), 1);
    // Once the search changes, the column shows its first page again.
    input(&mut m, "board-search", "");
    assert_eq!(cards_in(&m, "interviewing").len(), 50);
}

#[test]
fn focus_follows_a_card_moved_out_of_what_the_filters_show() {
    // Acme's thank-you emails are due; Acme Robotics has nothing due.
    let mut m = board(vec![applied("robotics", "Acme Robotics"), acme()]);
    check(&mut m, "board-due", true);
    assert!(cards_in(&m, "applied").is_empty());
    // An offer plans nothing: outside "only with actions due", yet drawn after the move.
    move_to(&mut m, "acme", "offer");
    let effects = send(&mut m, Msg::Submit(Form::Move));
    assert!(effects.contains(&Effect::FocusOn(
        r#"[data-action="board-menu"][data-app="acme"]"#.into()
    )));
    assert_eq!(cards_in(&m, "offer"), ["acme"]);
    // The same outside the search.
    input(&mut m, "board-search", "robotics");
    move_to(&mut m, "acme", "interviewing");
    assert_eq!(cards_in(&m, "interviewing"), ["acme"]);
    // A search typed afterwards applies to it as to every card.
    input(&mut m, "board-search", "robotics ");
    assert!(cards_in(&m, "interviewing").is_empty());
}

#[test]
fn a_move_waiting_for_its_date_ends_when_its_application_changes_elsewhere() {
    let mut m = board(vec![applied("robotics", "Acme Robotics")]);
    move_to(&mut m, "robotics", "rejected");
    assert!(m.board.pending.is_some());
    // Another window recorded the rejection meanwhile: nothing is left to ask.
    let mut rejected = applied("robotics", "Acme Robotics");
    rejected.status = Status::Rejected;
    rejected.revision = 2;
    changed_elsewhere(&mut m, &rejected);
    assert_eq!(m.board.pending, None);
    assert_eq!(count(&drawn(&m), "form.move-date"), 0);
    assert!(send(&mut m, Msg::Submit(Form::Move)).is_empty());
    assert_eq!(m.notice, None);

    // Another change (a note, a reply noticed) leaves the question open.
    let mut m = board(vec![applied("robotics", "Acme Robotics")]);
    move_to(&mut m, "robotics", "offer");
    let mut noted = applied("robotics", "Acme Robotics");
    noted.notes = "Called back".into();
    noted.revision = 2;
    changed_elsewhere(&mut m, &noted);
    assert!(m.board.pending.is_some());
    let effects = send(&mut m, Msg::Submit(Form::Move));
    assert!(matches!(
        effects.first(),
        Some(Effect::Write(Write::Edit { .. }, _))
    ));

    // Deleted elsewhere: the question, the open menu and the drag go with it.
    let mut m = board(vec![applied("robotics", "Acme Robotics"), acme()]);
    move_to(&mut m, "robotics", "accepted");
    board_msg(&mut m, BoardMsg::DragStart("robotics".into()));
    send(
        &mut m,
        Msg::Changed(vec![("app:robotics".into(), None::<String>)]),
    );
    assert_eq!(m.board.pending, None);
    assert_eq!(m.board.dragging, None);
    assert!(!m.escape_closes());
    board_msg(&mut m, BoardMsg::Menu("acme".into()));
    send(
        &mut m,
        Msg::Changed(vec![("app:acme".into(), None::<String>)]),
    );
    assert_eq!(m.board.menu, None);
}

#[test]
fn a_refused_date_is_said_and_marks_its_field() {
    let mut m = board(vec![applied("robotics", "Acme Robotics")]);
    move_to(&mut m, "robotics", "rejected");
    input(&mut m, "move-date", "2026-03-11");
    let effects = send(&mut m, Msg::Submit(Form::Move));
    assert_eq!(effects, [Effect::Focus("[name=\"move-date\"]")]);
    let tree = drawn(&m);
    assert_eq!(
        text_of(&tree, "form.move-date [role=alert]"),
        "Choose today or a day before."
    );
    assert_eq!(count(&tree, "input[name=move-date][aria-invalid=true]"), 1);
    input(&mut m, "move-date", "2026-03-09");
    assert_eq!(count(&drawn(&m), "[aria-invalid]"), 0);
}
