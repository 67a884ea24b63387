//! *Today*: what is overdue, due and coming in the next seven days, each with its reason and
//! the buttons to act on it; and what marking sent, skipping, snoozing and undoing write.

use chrono::{Days, NaiveDate};

use super::items::{action_item, action_title, copy_text, sent_on_value, snooze_value};
use super::msg::{ActionRef, After, Effect, Write};
use super::node::{button, el, Node};
use super::words::Text;
use super::{Model, Notice};
use crate::core::command::Edit;
use crate::core::draft::render_action_in;
use crate::core::model::ActionState;
use crate::core::summary::{in_window, section, Counts, AHEAD};
use crate::core::words::Coded;

pub fn view(m: &Model) -> Node {
    view_rows(m, m.shown)
}

/// *Today* with its lists cut at `shown` rows.
pub fn view_rows(m: &Model, shown: usize) -> Node {
    let w = &m.words;
    let no_apps = match &m.partial {
        Some(p) => p.apps == 0,
        None => m.stored.apps.is_empty(),
    };
    if no_apps {
        return welcome(m);
    }
    let mut held = Vec::new();
    let mut overdue = Vec::new();
    let mut due = Vec::new();
    let mut soon = Vec::new();
    // The full plan is sorted by due date and no row is due after the window's last day, so
    // the rest of the plan is not looked at; drawn from the summary, the rows are all there is.
    let horizon = m
        .today
        .checked_add_days(Days::new(AHEAD))
        .unwrap_or(m.today);
    let sorted = m.partial.is_none();
    let rows = m
        .plan
        .actions
        .iter()
        .take_while(|a| !sorted || a.due <= horizon)
        .filter(|a| in_window(a, m.today));
    for a in rows {
        match section(a) {
            0 => held.push(a),
            1 => overdue.push(a),
            2 => due.push(a),
            _ => soon.push(a),
        }
    }
    // Drawn from the summary, the lists hold the first rows only; the counts are whole.
    let counts = match &m.partial {
        Some(p) => p.counts,
        None => Counts {
            held: held.len() as u32,
            overdue: overdue.len() as u32,
            due: due.len() as u32,
            soon: soon.len() as u32,
        },
    };
    let mut out = el("div").class("today").attr("data-view", "today");
    let replies = super::replies::section(m);
    let any_reply = replies.is_some();
    if let Some(replies) = replies {
        out = out.child(replies);
    }
    if let Some(interviews) = super::interviews::section(m) {
        out = out.child(interviews);
    }
    let mut budget = shown;
    let total = counts.total();
    for (title, class, list, n) in [
        (w.t("sectionHeld"), "held", held, counts.held),
        (w.t("sectionOverdue"), "overdue", overdue, counts.overdue),
        (w.t("sectionDue"), "due", due, counts.due),
        (w.t("sectionSoon"), "soon", soon, counts.soon),
    ] {
        if n == 0 || budget == 0 {
            continue;
        }
        let heading = format!("{title} ({n})");
        let items = list
            .iter()
            .take(budget)
            .filter_map(|a| m.app(&a.app_id).map(|app| action_item(m, app, a, true)));
        budget = budget.saturating_sub(n as usize);
        out = out.child(
            el("section")
                .key(class)
                .class(class)
                .child(el("h2").text(&heading))
                .child(
                    el("ul")
                        .class("actions")
                        .attr("aria-label", &title)
                        .children(items),
                ),
        );
    }
    if total == 0 && !any_reply {
        out = out.child(nothing_due(m));
    } else if total > shown {
        out = out.child(show_more(m, shown, total));
    }
    let problems = match &m.partial {
        Some(p) => p.problems,
        None => m.plan.problems.len(),
    };
    if problems > 0 {
        out = out.child(
            el("p")
                .class("hint")
                .text(&w.tf("problemsHint", &[("n", &problems.to_string())])),
        );
    }
    out
}

/// The button under a list cut at `shown` of `total` rows.
pub fn show_more(m: &Model, shown: usize, total: usize) -> Node {
    let next = (total - shown).min(super::PAGE).to_string();
    button(&m.words.tf("showMore", &[("n", &next)]), "show-more")
        .class("more")
        .key("show-more")
}

fn welcome(m: &Model) -> Node {
    let w = &m.words;
    el("div")
        .class("welcome")
        .attr("data-view", "today")
        .child(el("h2").text(&w.t("welcomeTitle")))
        .child(el("p").text(&w.t("welcomeText")))
        .child(
            el("div")
                .class("row")
                .child(button(&w.t("addApplication"), "new-app").class("primary"))
                .child(button(&w.t("loadDemo"), "load-demo")),
        )
}

fn nothing_due(m: &Model) -> Node {
    let w = &m.words;
    let next = m
        .plan
        .actions
        .iter()
        .filter(|a| matches!(a.state, ActionState::Upcoming | ActionState::Projected))
        .min_by_key(|a| a.due);
    let text = match next.and_then(|a| m.app(&a.app_id).map(|app| (a, app))) {
        Some((a, app)) => w.tf(
            "nothingDueNext",
            &[
                ("what", &action_title(w, app, a)),
                ("date", &w.long_date(a.due)),
            ],
        ),
        None => w.t("nothingDue"),
    };
    el("p").class("empty").text(&text)
}

pub fn parse_date(value: &str) -> Option<NaiveDate> {
    value.trim().parse().ok()
}

pub fn toggle_draft(m: &mut Model, r: &ActionRef) -> Vec<Effect> {
    let id = r.id();
    m.open_draft = if m.open_draft.as_deref() == Some(id.as_str()) {
        None
    } else {
        Some(id)
    };
    Vec::new()
}

pub fn copy_draft(m: &mut Model, r: &ActionRef) -> Vec<Effect> {
    let text = m.app(&r.app).and_then(|app| {
        let a = m
            .plan
            .actions
            .iter()
            .find(|a| a.app_id == r.app && a.key == r.key)?;
        render_action_in(app, a, &m.stored.settings, m.today, m.interface_language()).ok()
    });
    match text {
        Some(d) => vec![Effect::Copy(copy_text(&d))],
        None => {
            m.error(Text::key("errorGone"));
            Vec::new()
        }
    }
}

pub fn sent(m: &mut Model, r: &ActionRef) -> Vec<Effect> {
    let today = m.today;
    let edit = Edit::Sent {
        action_key: r.key.clone(),
        date: today,
    };
    record(m, r, edit, "recordedSent")
}

pub fn skip(m: &mut Model, r: &ActionRef) -> Vec<Effect> {
    let today = m.today;
    let edit = Edit::Skip {
        action_key: r.key.clone(),
        date: today,
    };
    record(m, r, edit, "recordedSkipped")
}

pub fn sent_on(m: &mut Model, r: &ActionRef) -> Vec<Effect> {
    match parse_date(&sent_on_value(m, r)) {
        Some(date) => {
            let edit = Edit::Sent {
                action_key: r.key.clone(),
                date,
            };
            record(m, r, edit, "recordedSent")
        }
        None => {
            m.error(Text::key("errorDate"));
            Vec::new()
        }
    }
}

pub fn snooze(m: &mut Model, r: &ActionRef) -> Vec<Effect> {
    match parse_date(&snooze_value(m, r)) {
        Some(until) => {
            let edit = Edit::Snooze {
                action_key: r.key.clone(),
                until,
            };
            record(m, r, edit, "recordedSnoozed")
        }
        None => {
            m.error(Text::key("errorDate"));
            Vec::new()
        }
    }
}

/// Checks an edit against the application as the page has it (so a refusal shows at once),
/// then asks the writer to record it, offering an undo.
fn record(m: &mut Model, r: &ActionRef, edit: Edit, done: &'static str) -> Vec<Effect> {
    let Some(app) = m.app(&r.app) else {
        m.error(Text::key("errorGone"));
        return Vec::new();
    };
    let label = m
        .plan
        .actions
        .iter()
        .find(|a| a.app_id == r.app && a.key == r.key)
        .map(|a| action_title(&m.words, app, a))
        .unwrap_or_default();
    match edit.apply(app, m.today) {
        Ok(_) => {
            m.open_draft = None;
            m.busy = true;
            let notice = Notice {
                text: Text::with(done, &[("what", &label)]),
                error: false,
                undo: Some(r.clone()),
            };
            let write = Write::Edit {
                app_id: r.app.clone(),
                edit,
            };
            vec![Effect::Write(write, After::Notice(notice))]
        }
        Err(e) => {
            m.error(Text::Coded(e.worded()));
            Vec::new()
        }
    }
}

/// Takes back the last thing recorded for an action.
pub fn undo(m: &mut Model, r: &ActionRef) -> Vec<Effect> {
    let Some(app) = m.app(&r.app) else {
        m.error(Text::key("errorGone"));
        return Vec::new();
    };
    let edit = Edit::Undo {
        action_key: r.key.clone(),
    };
    match edit.apply(app, m.today) {
        Ok(_) => {
            m.busy = true;
            let write = Write::Edit {
                app_id: r.app.clone(),
                edit,
            };
            vec![Effect::write(write, Text::key("undone"))]
        }
        Err(e) => {
            m.error(Text::Coded(e.worded()));
            Vec::new()
        }
    }
}
