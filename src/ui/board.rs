//! The board of the full-tab page and `www/`: one column per status, one card per
//! application. What the board holds (its search, filters, the open move menu, a move waiting
//! for its date, the card being dragged) and what moving a card does: the status change is
//! recorded in the history as the editor records it (`Edit::Status`, dated), through the one
//! write path, and the card is put in its new column at once. The drawing is `board_view`.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::items::status_label;
use super::msg::{After, Effect, Write};
use super::today::parse_date;
use super::words::Text;
use super::{Model, PAGE};
use crate::core::command::Edit;
use crate::core::model::{Application, Status};
use crate::core::words::Coded;

/// The key of the column that holds the applications whose status this version does not
/// know. No known status is spelled so, and nothing can be moved into it.
pub const OTHER: &str = "other";

/// The type under which a card dragged on the board carries its application's id: a drop
/// without it (text, files, links from elsewhere) is no card.
pub const CARD_TYPE: &str = "application/x-followup-card";

/// Columns that start collapsed: the applications there are decided.
pub const CLOSED: [Status; 4] = [
    Status::Accepted,
    Status::Rejected,
    Status::Withdrawn,
    Status::NoResponse,
];

/// What happens on the board.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoardMsg {
    /// The card's "Move" button: opens (or closes) its list of other columns.
    Menu(String),
    /// Move the application to the column of status `to` (a key of [`Status::as_str`]).
    Move { app: String, to: String },
    /// Leave the move waiting for a date, or the open menu, as it was.
    Cancel,
    /// A card was picked up with the mouse.
    DragStart(String),
    /// A dragged card is over the column `key`.
    DragOver(String),
    /// Something was dropped on the column `column`: `card` is the card the drop carries (the
    /// id the page's own drag start put in it), `None` for anything else, such as text or files
    /// dragged in from another window or page. Only the card being dragged here moves.
    Drop {
        column: String,
        card: Option<String>,
    },
    /// The drag ended (dropped anywhere, or given up with Escape).
    DragEnd,
    /// "Show more" in the column `key`.
    More(String),
}

/// A move to a status whose date the rules need (a rejection, an offer, an acceptance: rule 7
/// and the decision times count from it), waiting for that date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingMove {
    pub app: String,
    pub to: Status,
    /// The date field as typed (today until changed).
    pub date: String,
    pub error: Option<Text>,
}

/// The board's state beyond the stored data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoardState {
    /// The search text (company, role, people).
    pub query: String,
    /// Only applications with an action due today or overdue.
    pub due_only: bool,
    /// The closed columns are drawn open.
    pub show_closed: bool,
    /// Cards drawn per column beyond the first [`PAGE`], by column key.
    pub more: BTreeMap<String, usize>,
    /// The application whose move menu is open.
    pub menu: Option<String>,
    pub pending: Option<PendingMove>,
    /// What the last move did, said in the board's live region.
    pub said: Option<Text>,
    /// The application being dragged, and the column it is over.
    pub dragging: Option<String>,
    pub over: Option<String>,
    /// The card last moved from the keyboard: drawn in its new column even beyond the cards
    /// shown or outside the search, so that focus can follow it, until the search changes.
    pub moved: Option<String>,
}

impl BoardState {
    /// How many cards the column `key` draws.
    pub fn shown(&self, key: &str) -> usize {
        PAGE + self.more.get(key).copied().unwrap_or(0)
    }

    /// The search changed: every column starts at its first page again.
    fn refiltered(&mut self) {
        self.more.clear();
        self.moved = None;
    }
}

/// Whether `status` starts collapsed.
pub fn is_closed_column(status: &Status) -> bool {
    CLOSED.contains(status)
}

/// The status a column key names, when cards can be moved into that column.
pub fn target(key: &str) -> Option<Status> {
    match Status::parse(key) {
        Status::Other(_) => None,
        known => Some(known),
    }
}

/// Whether the rules need the date of a change to `to`, which is then asked for.
pub fn needs_date(to: &Status) -> bool {
    matches!(to, Status::Rejected | Status::Offer | Status::Accepted)
}

/// "Acme Robotics, Data Engineer", or whichever of the two is known: how a card is named
/// when a move is announced.
pub fn spoken_name(m: &Model, app: &Application) -> String {
    match (app.company.trim(), app.role.trim()) {
        ("", "") => m.words.t("untitled"),
        (c, "") => c.to_string(),
        ("", r) => r.to_string(),
        (c, r) => format!("{c}, {r}"),
    }
}

/// The selector of a card's "Move" button, where focus goes after a move from the keyboard.
pub fn move_button(app: &str) -> String {
    format!(
        "[data-action=\"board-menu\"][data-app=\"{}\"]",
        app.replace('\\', "\\\\").replace('"', "\\\"")
    )
}

impl Model {
    /// Whether a card being dragged may be dropped on the column `key`: a known status other
    /// than its own. The page asks this on every `dragover`.
    pub fn board_accepts(&self, key: &str) -> bool {
        let Some(to) = target(key) else {
            return false;
        };
        self.board
            .dragging
            .as_deref()
            .and_then(|id| self.app(id))
            .is_some_and(|app| app.status != to)
    }
}

/// What a board message does.
pub fn update(m: &mut Model, msg: BoardMsg) -> Vec<Effect> {
    match msg {
        BoardMsg::Menu(id) => {
            m.board.pending = None;
            if m.board.menu.as_deref() == Some(id.as_str()) {
                m.board.menu = None;
                return Vec::new();
            }
            m.board.menu = Some(id.clone());
            return vec![Effect::FocusOn(format!(
                "{} ~ .move-menu button",
                move_button(&id)
            ))];
        }
        BoardMsg::Move { app, to } => {
            return match target(&to) {
                Some(to) => begin(m, &app, to, true),
                None => Vec::new(),
            }
        }
        BoardMsg::Cancel => return cancel(m),
        BoardMsg::DragStart(id) => {
            m.board.menu = None;
            m.board.dragging = m.app(&id).map(|a| a.id.clone());
            m.board.over = None;
        }
        BoardMsg::DragOver(key) => {
            m.board.over = m.board_accepts(&key).then_some(key);
        }
        BoardMsg::Drop { column, card } => {
            let accepted = m.board_accepts(&column);
            let dragged = m.board.dragging.take();
            m.board.over = None;
            // A drop that does not carry the card picked up on this page (text or files from
            // elsewhere, while a drag's end went unseen) ends that drag and moves nothing.
            let ours = dragged.filter(|id| card.as_deref() == Some(id.as_str()));
            if let (true, Some(id), Some(to)) = (accepted, ours, target(&column)) {
                return begin(m, &id, to, false);
            }
        }
        BoardMsg::DragEnd => {
            m.board.dragging = None;
            m.board.over = None;
        }
        BoardMsg::More(key) => *m.board.more.entry(key).or_insert(0) += PAGE,
    }
    Vec::new()
}

/// Keeps what the board holds true to the data after any change (another window's, a read, a
/// write's answer): an open menu, a drag or a move waiting for its date whose application is
/// gone is dropped, and so is a move waiting for its date when the application has that
/// status already (changed elsewhere meanwhile).
pub fn settle(m: &mut Model) {
    if !m.loaded || m.partial.is_some() {
        return;
    }
    let gone = |m: &Model, id: Option<&String>| id.is_some_and(|id| m.app(id).is_none());
    if gone(m, m.board.menu.as_ref()) {
        m.board.menu = None;
    }
    if gone(m, m.board.dragging.as_ref()) {
        m.board.dragging = None;
        m.board.over = None;
    }
    let stale = m
        .board
        .pending
        .as_ref()
        .is_some_and(|p| m.app(&p.app).map_or(true, |app| app.status == p.to));
    if stale {
        m.board.pending = None;
    }
}

/// Escape on the board: closes the open menu or the date form; focus goes back to the card.
pub fn cancel(m: &mut Model) -> Vec<Effect> {
    let menu = m.board.menu.take();
    let pending = m.board.pending.take().map(|p| p.app);
    let waited = pending.is_some();
    let Some(id) = pending.or(menu) else {
        return Vec::new();
    };
    if let (true, Some(app)) = (waited, m.app(&id)) {
        let name = spoken_name(m, app);
        let status = status_label(&m.words, &app.status);
        m.board.said = Some(Text::with(
            "boardStays",
            &[("name", &name), ("status", &status)],
        ));
    }
    vec![Effect::FocusOn(move_button(&id))]
}

/// A move asked for from the menu (`keyboard`) or by a drop: written at once, or first asks
/// for the date the rules need.
fn begin(m: &mut Model, id: &str, to: Status, keyboard: bool) -> Vec<Effect> {
    m.board.menu = None;
    let Some(app) = m.app(id) else {
        m.error(Text::key("errorGone"));
        return Vec::new();
    };
    if app.status == to {
        return Vec::new();
    }
    if needs_date(&to) {
        let name = spoken_name(m, app);
        let status = status_label(&m.words, &to);
        m.board.said = Some(Text::with(
            "boardAskDate",
            &[("name", &name), ("status", &status)],
        ));
        m.board.pending = Some(PendingMove {
            app: id.to_string(),
            to,
            date: m.today.to_string(),
            error: None,
        });
        return vec![Effect::Focus("[name=\"move-date\"]")];
    }
    m.board.pending = None;
    let today = m.today;
    commit(m, id, to, today, keyboard)
}

/// The date form's submit: the move with the date given.
pub fn submit(m: &mut Model) -> Vec<Effect> {
    let Some(p) = m.board.pending.clone() else {
        return Vec::new();
    };
    let date = match parse_date(&p.date) {
        Some(d) if d <= m.today => d,
        Some(_) => return refuse(m, Text::key("boardFutureDate")),
        None => return refuse(m, Text::key("errorDate")),
    };
    m.board.pending = None;
    commit(m, &p.app, p.to, date, true)
}

fn refuse(m: &mut Model, why: Text) -> Vec<Effect> {
    if let Some(p) = m.board.pending.as_mut() {
        p.error = Some(why);
    }
    vec![Effect::Focus("[name=\"move-date\"]")]
}

/// Records the status change as the editor does (a status event on `date`), puts the card in
/// its new column now and asks the writer to record it; the writer's answer puts the stored
/// version in place. A move from the keyboard (`keyboard`) takes focus to the card's button
/// in its new column.
fn commit(m: &mut Model, id: &str, to: Status, date: NaiveDate, keyboard: bool) -> Vec<Effect> {
    let Some(app) = m.app(id) else {
        m.error(Text::key("errorGone"));
        return Vec::new();
    };
    let edit = Edit::Status {
        date,
        status: to.clone(),
    };
    match edit.apply(app, m.today) {
        Ok(next) => {
            let name = spoken_name(m, app);
            let status = status_label(&m.words, &to);
            m.board.said = Some(Text::with(
                "boardMoved",
                &[("name", &name), ("status", &status)],
            ));
            m.put_app(id, Some(next), false);
            m.board.moved = keyboard.then(|| id.to_string());
            let write = Write::Edit {
                app_id: id.to_string(),
                edit,
            };
            let mut effects = vec![Effect::Write(write, After::Moved)];
            if keyboard {
                // Focus follows the card: into a folded column, the closed columns open.
                if is_closed_column(&to) {
                    m.board.show_closed = true;
                }
                effects.push(Effect::FocusOn(move_button(id)));
            }
            effects
        }
        Err(e) => {
            m.error(Text::Coded(e.worded()));
            Vec::new()
        }
    }
}

/// A field of the board changed (`board-search`, `move-date`).
pub fn input(m: &mut Model, name: &str, value: &str) {
    match name {
        "board-search" => {
            m.board.query = value.to_string();
            m.board.refiltered();
        }
        "move-date" => {
            if let Some(p) = m.board.pending.as_mut() {
                p.date = value.to_string();
                p.error = None;
            }
        }
        _ => {}
    }
}

/// A checkbox of the board changed (`board-due`, `board-closed`).
pub fn check(m: &mut Model, name: &str, on: bool) {
    match name {
        "board-due" => {
            m.board.due_only = on;
            m.board.refiltered();
        }
        "board-closed" => m.board.show_closed = on,
        _ => {}
    }
}
