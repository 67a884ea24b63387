//! The board of the full-tab page, natively: its columns and cards, unknown statuses, overdue
//! actions, search and filters, folded closed columns, moving a card from the keyboard and by
//! dragging (the same history as the editor's status change, the dates the rules need, what is
//! announced), and a column of thousands.

mod ui_support;

use followup::core::command::{self, Command, Ctx, Edit, Reply};
use followup::core::model::{Application, Event, EventKind, Status};
use followup::core::store::MemoryStore;
use followup::ui::{After, BoardMsg, Effect, Form, Model, Msg, Node, Outcome, Surface, Write};
use ui_support::*;

/// Acme Robotics, applied to; nothing planned.
fn robotics() -> Application {
    Application {
        id: "robotics".into(),
        revision: 1,
        company: "Acme Robotics".into(),
        role: "Data Engineer".into(),
        status: Status::Applied,
        applied_on: Some(date("2026-03-02")),
        ..Default::default()
    }
}

/// Interviewed on 2 March by Dana Smith: her thank-you email is overdue.
fn overdue() -> Application {
    let mut app = acme();
    app.id = "late".into();
    app.company = "Late Ltd".into();
    app.rounds[0].date = date("2026-03-02");
    app
}

fn board(apps: Vec<Application>) -> Model {
    page(Surface::Tab, apps)
}

fn column_keys(tree: &Node) -> Vec<String> {
    keys(tree, ".board-columns section.column")
}

fn cards_in(tree: &Node, column: &str) -> Vec<String> {
    keys(
        tree,
        &format!("section.column[data-column={column}] li.card"),
    )
}

fn heading(tree: &Node, column: &str) -> String {
    text_of(tree, &format!("section.column[data-column={column}] h2"))
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

/// The card `app` dropped on `column`, as the page's own drag carries it.
fn drop_of(column: &str, app: &str) -> BoardMsg {
    BoardMsg::Drop {
        column: column.into(),
        card: Some(app.into()),
    }
}

fn said(m: &Model) -> String {
    text_of(&drawn(m), "p.board-said[aria-live=polite]")
}

/// The status edit a move asked to write.
fn status_edit(effects: &[Effect]) -> (String, Edit) {
    match effects.first() {
        Some(Effect::Write(Write::Edit { app_id, edit }, After::Moved)) => {
            (app_id.clone(), edit.clone())
        }
        other => panic!("not a move's write: {other:?}"),
    }
}

/// Runs a page's write through the command path over `kv` and returns the stored application.
fn run(kv: &mut MemoryStore, write: Write) -> Application {
    let command = match write {
        Write::Edit { app_id, edit } => Command::Edit { app_id, edit },
        Write::SaveApp(app) => Command::SaveApp { app: Box::new(app) },
        other => panic!("not an application write: {other:?}"),
    };
    let ctx = Ctx {
        today: today(),
        now: "2026-03-10T09:00:00Z".into(),
    };
    match command::execute(kv, command, &ctx).expect("the write is taken") {
        Reply::App(app) => *app,
        other => panic!("no application in {other:?}"),
    }
}

fn stored(app: &Application) -> MemoryStore {
    let mut kv = MemoryStore::new();
    let mut first = app.clone();
    first.revision = 0;
    run(&mut kv, Write::SaveApp(first));
    kv
}

#[test]
fn one_column_per_status_in_order_with_counts_and_closed_ones_folded() {
    let mut rejected = robotics();
    rejected.id = "gone".into();
    rejected.status = Status::Rejected;
    let m = board(vec![robotics(), acme(), rejected]);
    let tree = drawn(&m);
    assert_eq!(
        column_keys(&tree),
        [
            "saved",
            "applied",
            "interviewing",
            "references",
            "offer",
            "accepted",
            "rejected",
            "withdrawn",
            "no-response"
        ]
    );
    assert_eq!(heading(&tree, "applied"), "Applied (1)");
    assert_eq!(heading(&tree, "saved"), "Saved (0)");
    assert_eq!(heading(&tree, "rejected"), "Rejected (1)");
    assert_eq!(cards_in(&tree, "applied"), ["robotics"]);
    assert_eq!(cards_in(&tree, "interviewing"), ["acme"]);
    // Closed columns are folded (header and count only) until shown; they still take drops.
    assert_eq!(count(&tree, "section.column.collapsed"), 4);
    assert!(cards_in(&tree, "rejected").is_empty());
    assert_eq!(count(&tree, "section.collapsed[data-drop=rejected]"), 1);
    let mut m = m;
    check(&mut m, "board-closed", true);
    let tree = drawn(&m);
    assert_eq!(count(&tree, "section.column.collapsed"), 0);
    assert_eq!(cards_in(&tree, "rejected"), ["gone"]);
}

#[test]
fn a_card_names_the_application_and_its_next_action_in_todays_words() {
    let m = board(vec![acme(), robotics()]);
    let tree = drawn(&m);
    let card = tree.first("li.card[data-card=acme]").expect("Acme's card");
    assert_eq!(card.get("draggable"), Some("true"));
    assert_eq!(text_of(card, ".card-company"), "Acme");
    assert_eq!(text_of(card, ".card-role"), "Data Engineer");
    // The same action and day as Today shows first for Acme.
    let mut today = page(Surface::Tab, vec![acme()]);
    send(&mut today, Msg::Tab(followup::ui::Tab::Today));
    let row = drawn(&today);
    let row = row.first("li.action[data-app=acme]").expect("Today's row");
    assert_eq!(text_of(card, ".what"), text_of(row, ".what"));
    assert_eq!(text_of(card, ".when"), text_of(row, ".when"));
    assert_eq!(text_of(card, ".when"), "today · Tue, 10 Mar");
    // Nothing planned says so; the title opens the application.
    let plain = tree.first("li.card[data-card=robotics]").unwrap();
    assert_eq!(text_of(plain, "p.next"), "Nothing planned.");
    let open = plain.first("[data-action=open-app]").unwrap();
    let msg = Msg::from_click("open-app", |n| open.get(n).map(str::to_string));
    assert_eq!(msg, Some(Msg::OpenApp("robotics".into())));
}

#[test]
fn overdue_is_written_out_not_only_coloured() {
    let m = board(vec![overdue(), acme()]);
    let tree = drawn(&m);
    let late = tree.first("li.card[data-card=late]").unwrap();
    assert_eq!(late.get("class"), Some("card overdue"));
    assert!(text_of(late, "p.next .flag").contains("Overdue"));
    let due = tree.first("li.card[data-card=acme]").unwrap();
    assert_eq!(due.get("class"), Some("card"));
    assert_eq!(count(due, ".flag"), 0);
    // Soonest first within a column.
    assert_eq!(cards_in(&tree, "interviewing"), ["late", "acme"]);
}

#[test]
fn an_unknown_status_gets_its_own_column_and_takes_no_drops() {
    let mut ghost = robotics();
    ghost.id = "ghost".into();
    ghost.status = Status::Other("ghosted".into());
    let mut m = board(vec![ghost, robotics()]);
    let tree = drawn(&m);
    assert_eq!(column_keys(&tree).last().map(String::as_str), Some("other"));
    assert_eq!(heading(&tree, "other"), "Other status (1)");
    assert_eq!(cards_in(&tree, "other"), ["ghost"]);
    assert_eq!(
        text_of(&tree, "li.card[data-card=ghost] .status"),
        "ghosted"
    );
    assert_eq!(count(&tree, "section[data-column=other][data-drop]"), 0);
    // It can be moved out to a known status, never into the column.
    board_msg(&mut m, BoardMsg::DragStart("robotics".into()));
    assert!(!m.board_accepts("other"));
    assert!(!m.board_accepts("ghosted"));
    assert!(move_to(&mut m, "robotics", "other").is_empty());
    let effects = move_to(&mut m, "ghost", "applied");
    let (_, edit) = status_edit(&effects);
    assert!(matches!(
        edit,
        Edit::Status {
            status: Status::Applied,
            ..
        }
    ));
}

#[test]
fn search_and_the_due_filter_narrow_every_column() {
    let mut m = board(vec![acme(), robotics(), overdue()]);
    input(&mut m, "board-search", "dana");
    let tree = drawn(&m);
    assert_eq!(cards_in(&tree, "interviewing"), ["late", "acme"]);
    assert!(cards_in(&tree, "applied").is_empty());
    assert_eq!(heading(&tree, "applied"), "Applied (0 of 1)");
    input(&mut m, "board-search", "ROBOT");
    assert_eq!(cards_in(&drawn(&m), "applied"), ["robotics"]);
    input(&mut m, "board-search", "nobody at all");
    assert_eq!(
        text_of(&drawn(&m), ".board p.empty"),
        "No application matches your search."
    );
    input(&mut m, "board-search", "");
    check(&mut m, "board-due", true);
    let tree = drawn(&m);
    assert_eq!(cards_in(&tree, "interviewing"), ["late", "acme"]);
    assert!(cards_in(&tree, "applied").is_empty());
}

#[test]
fn the_move_menu_writes_the_same_history_as_the_editor() {
    let app = robotics();
    // The editor's status change, through the command path.
    let mut editor = board(vec![app.clone()]);
    send(&mut editor, Msg::EditApp(app.id.clone()));
    input(&mut editor, "status", "interviewing");
    let Some(Effect::Write(saved, _)) = send(&mut editor, Msg::Submit(Form::App)).pop() else {
        panic!("the editor saves");
    };
    let by_editor = run(&mut stored(&app), saved);

    // The board's menu: opened, focus on its first item, the other eight statuses listed.
    let mut m = board(vec![app.clone()]);
    let effects = board_msg(&mut m, BoardMsg::Menu(app.id.clone()));
    assert_eq!(
        effects,
        [Effect::FocusOn(
            "[data-action=\"board-menu\"][data-app=\"robotics\"] ~ .move-menu button".into()
        )]
    );
    let tree = drawn(&m);
    let menu = tree.first("li.card[data-card=robotics]").unwrap();
    assert_eq!(
        menu.first("[data-action=board-menu]")
            .and_then(|b| b.get("aria-expanded")),
        Some("true")
    );
    let items: Vec<String> = menu
        .select(".move-menu [data-action=move]")
        .iter()
        .map(|b| b.get("data-status").unwrap().to_string())
        .collect();
    assert_eq!(items.len(), 8);
    assert!(!items.contains(&"applied".to_string()));

    let effects = move_to(&mut m, &app.id, "interviewing");
    assert_eq!(
        effects[1],
        Effect::FocusOn("[data-action=\"board-menu\"][data-app=\"robotics\"]".into())
    );
    let (app_id, edit) = status_edit(&effects);
    assert_eq!(
        edit,
        Edit::Status {
            date: today(),
            status: Status::Interviewing
        }
    );
    let by_board = run(&mut stored(&app), Write::Edit { app_id, edit });
    assert_eq!(by_board, by_editor);
    assert_eq!(
        by_board.history,
        [Event {
            date: today(),
            kind: EventKind::Status {
                from: Status::Applied,
                to: Status::Interviewing
            }
        }]
    );

    // Moved in the same frame, before the write's answer, and said in the live region.
    let tree = drawn(&m);
    assert_eq!(cards_in(&tree, "interviewing"), ["robotics"]);
    assert!(cards_in(&tree, "applied").is_empty());
    assert_eq!(count(&tree, ".move-menu"), 0);
    assert_eq!(
        said(&m),
        "Moved Acme Robotics, Data Engineer to Interviewing."
    );
    // The answer puts the stored version in place; a refusal puts the card back by reading.
    send(
        &mut m,
        Msg::Written {
            after: After::Moved,
            result: Ok(Outcome::App(Box::new(by_board.clone()))),
            reloaded: None,
        },
    );
    assert_eq!(m.app("robotics"), Some(&by_board));
    let refused = send(
        &mut m,
        Msg::Written {
            after: After::Moved,
            result: Err(followup::core::words::Worded::plain("refused")),
            reloaded: None,
        },
    );
    assert_eq!(refused, [Effect::Reload]);
    assert!(m.notice.as_ref().is_some_and(|n| n.error));
    assert_eq!(said(&m), "", "a refused move is not said to be done");
}

#[test]
fn a_rejection_or_a_decision_asks_for_its_date_first() {
    let mut m = board(vec![robotics()]);
    let effects = move_to(&mut m, "robotics", "rejected");
    assert_eq!(effects, [Effect::Focus("[name=\"move-date\"]")]);
    let tree = drawn(&m);
    assert_eq!(cards_in(&tree, "applied"), ["robotics"]);
    assert_eq!(value_of(&tree, "move-date"), "2026-03-10");
    assert_eq!(text_of(&tree, "form[data-form=move] label"), "Rejected on");
    assert_eq!(
        said(&m),
        "Acme Robotics, Data Engineer to Rejected: choose the day it happened, then confirm."
    );
    // A day to come is refused; the day given is the status change's.
    input(&mut m, "move-date", "2026-03-11");
    assert!(send(&mut m, Msg::Submit(Form::Move))
        .iter()
        .all(|e| !matches!(e, Effect::Write(..))));
    assert_eq!(
        text_of(&drawn(&m), "form[data-form=move] .form-error"),
        "Choose today or a day before."
    );
    input(&mut m, "move-date", "2026-03-06");
    let (_, edit) = status_edit(&send(&mut m, Msg::Submit(Form::Move)));
    assert_eq!(
        edit,
        Edit::Status {
            date: date("2026-03-06"),
            status: Status::Rejected
        }
    );
    let tree = drawn(&m);
    assert_eq!(count(&tree, "form[data-form=move]"), 0);
    // Focus follows the card into its folded column, which opens.
    assert!(m.board.show_closed);
    assert_eq!(cards_in(&tree, "rejected"), ["robotics"]);

    // An offer asks too; Escape leaves the card where it was and says so.
    let mut m = board(vec![acme()]);
    move_to(&mut m, "acme", "offer");
    assert_eq!(
        text_of(&drawn(&m), "form[data-form=move] label"),
        "Offer received on"
    );
    assert!(m.escape_closes());
    let effects = send(&mut m, Msg::Escape);
    assert_eq!(
        effects,
        [Effect::FocusOn(
            "[data-action=\"board-menu\"][data-app=\"acme\"]".into()
        )]
    );
    assert_eq!(count(&drawn(&m), "form[data-form=move]"), 0);
    assert_eq!(said(&m), "Acme, Data Engineer stays in Interviewing.");
    assert_eq!(m.app("acme").unwrap().status, Status::Interviewing);
}

#[test]
fn dragging_moves_a_card_to_the_column_it_is_dropped_on() {
    let mut m = board(vec![robotics(), acme()]);
    // Nothing is dropped without a card picked up.
    assert!(!m.board_accepts("interviewing"));
    assert!(board_msg(&mut m, drop_of("interviewing", "robotics")).is_empty());
    board_msg(&mut m, BoardMsg::DragStart("robotics".into()));
    assert_eq!(
        drawn(&m)
            .first("li.card[data-card=robotics]")
            .and_then(|c| c.get("class")),
        Some("card dragging")
    );
    assert!(!m.board_accepts("applied"), "its own column");
    assert!(m.board_accepts("interviewing"));
    board_msg(&mut m, BoardMsg::DragOver("interviewing".into()));
    assert_eq!(
        count(&drawn(&m), "section.column.over[data-column=interviewing]"),
        1
    );
    let effects = board_msg(&mut m, drop_of("interviewing", "robotics"));
    // No focus is moved for a mouse drop.
    assert_eq!(effects.len(), 1);
    let (app_id, edit) = status_edit(&effects);
    assert_eq!(app_id, "robotics");
    assert!(matches!(
        edit,
        Edit::Status {
            status: Status::Interviewing,
            ..
        }
    ));
    let tree = drawn(&m);
    assert_eq!(cards_in(&tree, "interviewing"), ["acme", "robotics"]);
    assert_eq!(count(&tree, ".over, .dragging"), 0);
    assert!(m.board.dragging.is_none());
    // A drag given up changes nothing.
    board_msg(&mut m, BoardMsg::DragStart("acme".into()));
    board_msg(&mut m, BoardMsg::DragEnd);
    assert!(!m.board_accepts("applied"));
}

#[test]
fn a_column_of_thousands_draws_a_page_at_a_time_and_quickly() {
    let apps: Vec<Application> = (0..3000)
        .map(|i| {
            let mut a = robotics();
            a.id = format!("app-{i:05}");
            a.company = format!("Company {i:05}");
            a
        })
        .collect();
    let mut m = board(apps);
    let started = std::time::Instant::now();
    let tree = drawn(&m);
    let took = started.elapsed();
    assert_eq!(heading(&tree, "applied"), "Applied (3000)");
    assert_eq!(cards_in(&tree, "applied").len(), 50);
    assert_eq!(cards_in(&tree, "applied")[0], "app-00000");
    assert_eq!(
        text_of(
            &tree,
            "section[data-column=applied] [data-action=board-more]"
        ),
        "Show 50 more"
    );
    // Unoptimised test build: generous, but far from drawing 3,000 cards.
    assert!(took.as_millis() < 400, "the board took {took:?}");
    board_msg(&mut m, BoardMsg::More("applied".into()));
    let tree = drawn(&m);
    assert_eq!(cards_in(&tree, "applied").len(), 100);
    // A move of one card redraws the same page.
    move_to(&mut m, "app-00000", "interviewing");
    let tree = drawn(&m);
    assert_eq!(cards_in(&tree, "applied").len(), 100);
    assert_eq!(cards_in(&tree, "interviewing"), ["app-00000"]);
    assert_eq!(heading(&tree, "applied"), "Applied (2999)");
}

#[test]
fn the_board_speaks_german() {
    let mut m = page_with(Surface::Tab, german(), vec![robotics()], Default::default());
    let tree = drawn(&m);
    assert_eq!(heading(&tree, "interviewing"), "Im Gespräch (0)");
    assert_eq!(text_of(&tree, "[data-action=board-menu]"), "Verschieben…");
    move_to(&mut m, "robotics", "interviewing");
    assert_eq!(
        said(&m),
        "Acme Robotics, Data Engineer in die Spalte „Im Gespräch“ verschoben."
    );
}
