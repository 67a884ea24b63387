//! Drawing the board: the search and filters, the live region that says what a move did, and
//! one column per status (and one for statuses this version does not know), each with its
//! count and at most a page of cards until "show more". A card names the application, its next
//! action and that action's day in the words *Today* uses, with overdue written out.

use std::collections::HashMap;

use super::board::{is_closed_column, spoken_name, target, OTHER};
use super::items::{action_title, status_label};
use super::node::{button, el, input, labelled, labelled_check, Node};
use super::Model;
use crate::core::model::{Action, ActionState, Application, Status};

/// One card: the application and its next action.
struct Card<'a> {
    app: &'a Application,
    next: Option<&'a Action>,
}

/// What the plan says about one application: its next action, and whether anything is due.
#[derive(Clone, Copy)]
struct Planned<'a> {
    next: Option<&'a Action>,
    due: bool,
}

/// The next action (earliest, not done or skipped) of each application, in one pass.
fn planned(m: &Model) -> HashMap<&str, Planned<'_>> {
    let mut out: HashMap<&str, Planned> = HashMap::with_capacity(m.stored.apps.len());
    for a in &m.plan.actions {
        if matches!(a.state, ActionState::Done | ActionState::Skipped) {
            continue;
        }
        let slot = out.entry(a.app_id.as_str()).or_insert(Planned {
            next: None,
            due: false,
        });
        if slot.next.map_or(true, |n| a.due < n.due) {
            slot.next = Some(a);
        }
        slot.due |= a.is_actionable();
    }
    out
}

fn matches(app: &Application, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    let hay = |s: &str| s.to_lowercase().contains(needle);
    hay(&app.company)
        || hay(&app.role)
        || app
            .contacts
            .iter()
            .any(|c| hay(&c.name) || hay(&c.email) || hay(&c.title))
}

/// The statuses, where each column's key (`Status::as_str`) lives as long as the program.
static STATUSES: [Status; 9] = Status::ALL;

/// The columns in order: every known status, then the unknown ones together.
fn column_keys() -> Vec<(&'static str, Option<&'static Status>)> {
    let mut keys: Vec<(&'static str, Option<&'static Status>)> =
        STATUSES.iter().map(|s| (s.as_str(), Some(s))).collect();
    keys.push((OTHER, None));
    keys
}

fn column_of(s: &Status) -> usize {
    Status::ALL
        .iter()
        .position(|k| k == s)
        .unwrap_or(Status::ALL.len())
}

/// Cards with a next action first, soonest first; then the rest by company.
fn order(a: &Card, b: &Card) -> std::cmp::Ordering {
    let due = |c: &Card| c.next.map(|n| n.due);
    match (due(a), due(b)) {
        (Some(x), Some(y)) if x != y => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        _ => {
            (&a.app.company, &a.app.role, &a.app.id).cmp(&(&b.app.company, &b.app.role, &b.app.id))
        }
    }
}

/// The first `n` cards in order, without sorting the rest (a column may hold thousands), and
/// the card `pinned` names wherever it comes (last, then).
fn first<'a>(mut cards: Vec<Card<'a>>, n: usize, pinned: Option<&str>) -> Vec<Card<'a>> {
    if cards.len() > n && n > 0 {
        cards.select_nth_unstable_by(n - 1, order);
        let rest = cards.split_off(n);
        cards.extend(rest.into_iter().find(|c| pinned == Some(c.app.id.as_str())));
    }
    crate::core::sort::sort_by(&mut cards, order);
    cards
}

/// The board.
pub fn view(m: &Model) -> Node {
    let w = &m.words;
    let b = &m.board;
    let out = el("section")
        .class("board")
        .attr("data-view", "board")
        .attr("aria-label", &w.t("tabBoard"))
        .child(tools(m))
        .child(
            el("p")
                .class("board-said")
                .attr("role", "status")
                .attr("aria-live", "polite")
                .text(&b.said.as_ref().map(|t| w.say(t)).unwrap_or_default()),
        );
    if m.stored.apps.is_empty() {
        return out.child(
            el("div")
                .class("welcome")
                .child(el("p").class("empty").text(&w.t("noApplications")))
                .child(button(&w.t("loadDemo"), "load-demo")),
        );
    }
    let needle = b.query.trim().to_lowercase();
    let plans = planned(m);
    let keys = column_keys();
    let mut totals = vec![0usize; keys.len()];
    let mut columns: Vec<Vec<Card>> = keys.iter().map(|_| Vec::new()).collect();
    for app in &m.stored.apps {
        let i = column_of(&app.status);
        totals[i] += 1;
        let p = plans.get(app.id.as_str()).copied();
        let pinned = b.moved.as_deref() == Some(app.id.as_str());
        if !pinned && ((b.due_only && !p.is_some_and(|p| p.due)) || !matches(app, &needle)) {
            continue;
        }
        columns[i].push(Card {
            app,
            next: p.and_then(|p| p.next),
        });
    }
    let filtered = !needle.is_empty() || b.due_only;
    let any = columns.iter().any(|c| !c.is_empty());
    let mut board = el("div").class("board-columns");
    for (i, ((key, status), cards)) in keys.iter().zip(columns).enumerate() {
        if status.is_none() && totals[i] == 0 {
            continue;
        }
        board = board.child(column(m, i, key, *status, cards, totals[i], filtered));
    }
    out.child(el("p").class("hint").text(&w.t("boardHelp")))
        .child_if(filtered && !any, || {
            el("p").class("empty").text(&w.t("noMatches"))
        })
        .child(board)
}

fn tools(m: &Model) -> Node {
    let w = &m.words;
    let b = &m.board;
    el("div")
        .class("board-tools row")
        .child(
            input("search", "board-search", &b.query)
                .attr("placeholder", &w.t("searchPlaceholder"))
                .attr("aria-label", &w.t("boardSearchLabel")),
        )
        .child(labelled_check(
            "board-due",
            b.due_only,
            &w.t("boardDueOnly"),
        ))
        .child(labelled_check(
            "board-closed",
            b.show_closed,
            &w.t("boardShowClosed"),
        ))
        .child(button(&w.t("addApplication"), "new-app").class("primary"))
}

fn column(
    m: &Model,
    i: usize,
    key: &str,
    status: Option<&Status>,
    cards: Vec<Card<'_>>,
    total: usize,
    filtered: bool,
) -> Node {
    let w = &m.words;
    let b = &m.board;
    let heading = format!("board-col-{i}");
    let title = match status {
        Some(s) => status_label(w, s),
        None => w.t("boardOther"),
    };
    let count = if filtered && cards.len() != total {
        w.tf(
            "boardCountOf",
            &[
                ("n", &cards.len().to_string()),
                ("total", &total.to_string()),
            ],
        )
    } else {
        cards.len().to_string()
    };
    let collapsed = status.is_some_and(is_closed_column) && !b.show_closed;
    let mut class = String::from("column");
    if collapsed {
        class.push_str(" collapsed");
    }
    if b.over.as_deref() == Some(key) {
        class.push_str(" over");
    }
    let mut col = el("section")
        .key(key)
        .class(&class)
        .attr("data-column", key)
        .attr("aria-labelledby", &heading)
        .attr_if(target(key).is_some(), "data-drop", key)
        .child(
            el("h2")
                .attr("id", &heading)
                .append_text(&title)
                .append_text(" ")
                .child(el("span").class("count").text(&format!("({count})"))),
        );
    if collapsed {
        return col;
    }
    let n = cards.len();
    if n == 0 {
        return col.child(el("p").class("empty").text(&w.t("boardEmpty")));
    }
    let shown = b.shown(key);
    col = col.child(
        el("ol")
            .class("cards")
            .attr("aria-labelledby", &heading)
            .children(
                first(cards, shown, b.moved.as_deref())
                    .iter()
                    .map(|c| card(m, c, status.is_none())),
            ),
    );
    if n > shown {
        let next = (n - shown).min(super::PAGE).to_string();
        col = col.child(
            button(&w.tf("showMore", &[("n", &next)]), "board-more")
                .class("more")
                .attr("data-column", key)
                .key("more"),
        );
    }
    col
}

fn card(m: &Model, c: &Card<'_>, other: bool) -> Node {
    let w = &m.words;
    let b = &m.board;
    let app = c.app;
    let id = app.id.as_str();
    let overdue = c
        .next
        .is_some_and(|a| a.state == ActionState::Overdue && a.held.is_none());
    let mut class = String::from("card");
    if overdue {
        class.push_str(" overdue");
    }
    if b.dragging.as_deref() == Some(id) {
        class.push_str(" dragging");
    }
    let (company, role) = if app.company.is_empty() && app.role.is_empty() {
        (w.t("untitled"), String::new())
    } else {
        (app.company.clone(), app.role.clone())
    };
    let title = el("button")
        .attr("type", "button")
        .action("open-app")
        .attr("data-app", id)
        .class("card-title")
        .child(el("span").class("card-company").text(&company))
        .child_if(!role.is_empty(), || {
            el("span").class("card-role").text(&role)
        });
    let next = match c.next {
        Some(a) => {
            let mut p = el("p").class(if overdue { "next overdue" } else { "next" });
            if overdue {
                p = p.child(
                    el("strong")
                        .class("flag")
                        .text(&format!("⚠ {}", w.t("stateOverdue"))),
                );
            }
            p.child(el("span").class("what").text(&action_title(w, app, a)))
                .child(el("span").class("when").text(&format!(
                    "{} · {}",
                    w.relative_day(a.due, m.today),
                    w.short_date(a.due, m.today)
                )))
        }
        None if app.no_contact => el("p").class("next none").text(&w.t("noContactSet")),
        None => el("p").class("next none").text(&w.t("nothingPlanned")),
    };
    el("li")
        .key(id)
        .class(&class)
        .attr("data-card", id)
        .attr("draggable", "true")
        .child(title)
        .child_if(other, || {
            el("span").class("status").text(app.status.as_str())
        })
        .child(next)
        .child(move_controls(m, app))
}

/// The card's "Move" button, its list of the other columns when open, and the date form of a
/// move waiting for its date.
fn move_controls(m: &Model, app: &Application) -> Node {
    let w = &m.words;
    let b = &m.board;
    let id = app.id.as_str();
    let open = b.menu.as_deref() == Some(id);
    let name = spoken_name(m, app);
    let mut out = el("div").class("card-move").child(
        button(&w.t("boardMove"), "board-menu")
            .attr("data-app", id)
            .attr("aria-expanded", if open { "true" } else { "false" })
            .attr("aria-label", &w.tf("boardMoveLabel", &[("name", &name)])),
    );
    if open {
        let items = Status::ALL.iter().filter(|s| **s != app.status).map(|s| {
            el("li").child(
                button(&status_label(w, s), "move")
                    .attr("data-app", id)
                    .attr("data-status", s.as_str()),
            )
        });
        out = out.child(
            el("ul")
                .class("move-menu")
                .attr("aria-label", &w.tf("boardMoveLabel", &[("name", &name)]))
                .children(items),
        );
    }
    match b.pending.as_ref().filter(|p| p.app == id) {
        Some(p) => {
            let label = match p.to {
                Status::Rejected => "boardDateRejected",
                Status::Offer => "boardDateOffer",
                _ => "boardDateAccepted",
            };
            let error = p.error.as_ref().map(|e| w.say(e)).unwrap_or_default();
            out.child(
                el("form")
                    .class("move-date")
                    .attr("data-form", "move")
                    .child(labelled(
                        &w.t(label),
                        input("date", "move-date", &p.date)
                            .attr("required", "")
                            .attr("max", &m.today.to_string())
                            .attr_if(p.error.is_some(), "aria-invalid", "true"),
                    ))
                    // Said when it appears, as the editor's refusals are.
                    .child(
                        el("p")
                            .class("form-error")
                            .attr("role", "alert")
                            .text(&error),
                    )
                    .child(
                        el("div")
                            .class("buttons")
                            .child(
                                el("button").attr("type", "submit").class("primary").text(
                                    &w.tf("boardMoveTo", &[("status", &status_label(w, &p.to))]),
                                ),
                            )
                            .child(button(&w.t("cancel"), "move-cancel")),
                    ),
            )
        }
        None => out,
    }
}
