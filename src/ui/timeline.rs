//! The drawn timeline of one application: interviews, what was sent and heard, and what is
//! coming, on one line from the first event to the last planned action. Projected actions
//! are dashed; today is marked. A text list beside it says the same for screen readers.

use chrono::NaiveDate;

use super::items::{action_title, status_label};
use super::node::{el, svg, Node};
use super::words::Words;
use crate::core::model::{Action, ActionState, Application, EventKind};
use crate::core::sort;

// Whole units of the SVG's view box: integers keep the floating-point formatter out of the
// WebAssembly, and a unit is under a pixel at the popup's width.
const WIDTH: i64 = 360;
const HEIGHT: i64 = 64;
const PAD: i64 = 14;
const AXIS: i64 = 30;

struct Mark {
    date: NaiveDate,
    label: String,
    class: &'static str,
    /// Above the line: what happened; below: what is planned.
    past: bool,
}

fn marks(w: &Words, app: &Application, actions: &[&Action]) -> Vec<Mark> {
    let mut out = Vec::new();
    if let Some(d) = app.applied_on {
        out.push(Mark {
            date: d,
            label: w.t("tlApplied"),
            class: "event",
            past: true,
        });
    }
    for r in &app.rounds {
        let kind = if r.kind.is_empty() {
            w.t("round")
        } else {
            r.kind.clone()
        };
        let label = match super::interviews::time_span(w, r) {
            Some(time) => format!("{kind}, {time}"),
            None => kind,
        };
        out.push(Mark {
            date: r.date,
            label,
            class: "round",
            past: true,
        });
    }
    for e in &app.history {
        let label = match &e.kind {
            EventKind::Reply { .. } => w.t("tlReply"),
            EventKind::ReferencesRequested => w.t("eventReferences"),
            EventKind::Status { to, .. } => status_label(w, to),
            EventKind::PositiveNews { .. } => w.t("eventNews"),
            _ => continue, // sent/skipped/snoozed show as their actions
        };
        out.push(Mark {
            date: e.date,
            label,
            class: "event",
            past: true,
        });
    }
    if let Some(d) = app.decision_date {
        out.push(Mark {
            date: d,
            label: w.t("tlDecision"),
            class: "decision",
            past: false,
        });
    }
    for a in actions {
        let (date, class, past) = match a.state {
            ActionState::Done => (a.done_on.unwrap_or(a.due), "done", true),
            ActionState::Skipped => continue,
            ActionState::Projected => (a.due, "projected", false),
            ActionState::Overdue => (a.due, "overdue", false),
            _ => (a.due, "planned", false),
        };
        out.push(Mark {
            date,
            label: action_title(w, app, a),
            class,
            past,
        });
    }
    sort::sort_by_key(&mut out, |m| m.date);
    out
}

/// The timeline of `app`; with `open`, its list is open from the start (a roomy page).
pub fn draw(
    w: &Words,
    app: &Application,
    actions: &[&Action],
    today: NaiveDate,
    open: bool,
) -> Node {
    let marks = marks(w, app, actions);
    let figure = el("figure").class("timeline");
    let (Some(first), Some(last)) = (marks.first(), marks.last()) else {
        return figure.child(el("figcaption").text(&w.t("tlEmpty")));
    };
    let start = first.date.min(today);
    let end = last.date.max(today);
    let span = (end - start).num_days().max(1);
    let x = |d: NaiveDate| PAD + (d - start).num_days() * (WIDTH - 2 * PAD) / span;

    let mut picture = svg("svg")
        .attr("viewBox", &format!("0 0 {WIDTH} {HEIGHT}"))
        .attr("role", "img")
        .attr(
            "aria-label",
            &w.tf(
                "tlLabel",
                &[("from", &w.long_date(start)), ("to", &w.long_date(end))],
            ),
        )
        .child(
            svg("line")
                .class("axis")
                .attr("x1", &PAD.to_string())
                .attr("x2", &(WIDTH - PAD).to_string())
                .attr("y1", &AXIS.to_string())
                .attr("y2", &AXIS.to_string()),
        );
    // The stretch still to come is dashed: it moves as things happen.
    if end > today {
        picture = picture.child(
            svg("line")
                .class("future")
                .attr("x1", &x(today).to_string())
                .attr("x2", &(WIDTH - PAD).to_string())
                .attr("y1", &AXIS.to_string())
                .attr("y2", &AXIS.to_string()),
        );
    }
    picture = picture.child(
        svg("line")
            .class("today")
            .attr("x1", &x(today).to_string())
            .attr("x2", &x(today).to_string())
            .attr("y1", "8")
            .attr("y2", &(HEIGHT - 8).to_string()),
    );
    for m in &marks {
        let cy = if m.past { AXIS - 9 } else { AXIS + 9 };
        picture = picture.child(
            svg("circle")
                .class(&format!("mark {}", m.class))
                .attr("cx", &x(m.date).to_string())
                .attr("cy", &cy.to_string())
                .attr("r", "5")
                .child(svg("title").text(&format!("{}: {}", w.long_date(m.date), m.label))),
        );
    }
    picture = picture
        .child(
            svg("text")
                .class("label")
                .attr("x", &PAD.to_string())
                .attr("y", &(HEIGHT - 2).to_string())
                .text(&w.long_date(start)),
        )
        .child(
            svg("text")
                .class("label end")
                .attr("x", &(WIDTH - PAD).to_string())
                .attr("y", &(HEIGHT - 2).to_string())
                .attr("text-anchor", "end")
                .text(&w.long_date(end)),
        );

    let mut list = el("ol").class("tl-list");
    for m in &marks {
        list = list.child(
            el("li")
                .class(m.class)
                .child(
                    el("time")
                        .attr("datetime", &m.date.to_string())
                        .text(&w.long_date(m.date)),
                )
                .append_text(" ")
                .append_text(&m.label),
        );
    }
    figure
        .child(picture)
        .child(el("figcaption").text(&w.t("tlCaption")))
        .child(
            el("details")
                .attr_if(open, "open", "")
                .child(el("summary").text(&w.t("tlAsList")))
                .child(list),
        )
}
