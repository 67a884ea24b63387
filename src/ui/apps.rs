//! *Applications*: the searchable list and one application's page (timeline, actions,
//! people, what happened), and deleting an application.

use super::interviews;
use super::items::{action_item, action_title, display_name, status_label};
use super::msg::{Effect, Write};
use super::node::{button, el, input, Node};
use super::record::record_form;
use super::today::show_more;
use super::words::{Text, Words};
use super::{Model, View};
use crate::core::model::{ActionState, Application, PostingDetails};
use crate::core::sort;

fn matches(w: &Words, app: &Application, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    let hay = |s: &str| s.to_lowercase().contains(needle);
    hay(&app.company)
        || hay(&app.role)
        || hay(&app.notes)
        || hay(&status_label(w, &app.status).to_lowercase())
        || app.contacts.iter().any(|c| hay(&c.name) || hay(&c.email))
}

/// The applications the list shows for the search text, open ones first, then by company.
pub fn listed(m: &Model) -> Vec<&Application> {
    let needle = m.search.trim().to_lowercase();
    let mut apps: Vec<&Application> = m
        .stored
        .apps
        .iter()
        .filter(|a| matches(&m.words, a, &needle))
        .collect();
    sort::sort_by(&mut apps, |a, b| {
        (a.status.is_closed(), a.company.to_lowercase(), &a.id).cmp(&(
            b.status.is_closed(),
            b.company.to_lowercase(),
            &b.id,
        ))
    });
    apps
}

pub fn list(m: &Model) -> Node {
    let w = &m.words;
    let apps = listed(m);
    let total = apps.len();
    let out = el("div").class("apps").attr("data-view", "apps").child(
        el("div")
            .class("row")
            .child(
                input("search", "search", &m.search)
                    .attr("placeholder", &w.t("searchPlaceholder"))
                    .attr("aria-label", &w.t("searchLabel")),
            )
            .child(button(&w.t("addApplication"), "new-app").class("primary")),
    );
    if m.stored.apps.is_empty() {
        return out.child(el("p").class("empty").text(&w.t("noApplications")));
    }
    if total == 0 {
        return out.child(el("p").class("empty").text(&w.t("noMatches")));
    }
    let rows = apps.iter().take(m.shown).map(|app| row(m, app));
    let out = out.child(
        el("ul")
            .class("app-list")
            .attr("aria-label", &w.t("tabApps"))
            .children(rows),
    );
    if total > m.shown {
        out.child(show_more(m, m.shown, total))
    } else {
        out
    }
}

fn row(m: &Model, app: &Application) -> Node {
    let w = &m.words;
    let next = m
        .plan
        .actions
        .iter()
        .filter(|a| {
            a.app_id == app.id && !matches!(a.state, ActionState::Done | ActionState::Skipped)
        })
        .min_by_key(|a| a.due);
    let next_text = match next {
        Some(a) => w.tf(
            "nextAction",
            &[
                ("what", &action_title(w, app, a)),
                ("date", &w.long_date(a.due)),
            ],
        ),
        None if app.no_contact => w.t("noContactSet"),
        None => w.t("nothingPlanned"),
    };
    let problems = m
        .plan
        .problems
        .iter()
        .filter(|p| p.app_id == app.id)
        .count();
    el("li")
        .key(&app.id)
        .attr("data-app", &app.id)
        .child(
            button(&display_name(w, app), "open-app")
                .class("link title")
                .attr("data-app", &app.id),
        )
        .child(
            el("span")
                .class(&format!("status s-{}", app.status.as_str()))
                .text(&status_label(w, &app.status)),
        )
        .child(el("p").class("next").text(&next_text))
        .child_if(problems > 0, || {
            el("p")
                .class("message error")
                .text(&w.tf("appProblems", &[("n", &problems.to_string())]))
        })
}

pub fn detail(m: &Model, id: &str) -> Node {
    let w = &m.words;
    let Some(app) = m.app(id) else {
        return el("p").class("empty").text(&w.t("errorGone"));
    };
    let mut out = el("article")
        .class(if m.roomy() { "app columns" } else { "app" })
        .attr("data-view", "app")
        .attr("data-app", &app.id)
        .child(button(&w.t("back"), "tab-apps").class("link back"))
        .child(el("h2").text(&display_name(w, app)))
        .child(
            el("p")
                .class(&format!("status s-{}", app.status.as_str()))
                .text(&status_label(w, &app.status)),
        );
    if app.no_contact {
        out = out.child(el("p").class("message").text(&w.t("noContactSet")));
    }
    if let Some(url) = safe_url(&app.posting_url) {
        out = out.child(
            el("p").child(
                el("a")
                    .attr("href", url)
                    .attr("target", "_blank")
                    .attr("rel", "noopener noreferrer")
                    .text(&w.t("postingLink")),
            ),
        );
    }
    let mut main = Vec::new();
    if let Some(section) = app
        .posting
        .as_ref()
        .and_then(|d| posting_details(w, app, d))
    {
        main.push(section);
    }
    for p in m.plan.problems.iter().filter(|p| p.app_id == app.id) {
        main.push(el("p").class("message error").text(&w.problem(p)));
    }
    let actions = m.actions_of(&app.id);
    let timeline = super::timeline::draw(w, app, &actions, m.today, m.roomy());
    let mut ul = el("ul")
        .class("actions")
        .attr("aria-label", &w.t("actionsOfApp"))
        .children(actions.iter().map(|a| action_item(m, app, a, false)));
    if actions.is_empty() {
        ul = ul.child(el("li").class("empty").text(&w.t("nothingPlanned")));
    }
    let history = [
        timeline,
        el("h3").text(&w.t("actionsOfApp")),
        ul,
        record_form(m, app),
    ];
    let mut rest = vec![people(w, app, m.roomy())];
    if !app.notes.is_empty() {
        rest.push(el("h3").text(&w.t("fieldNotes")));
        rest.push(el("p").class("notes").text(&app.notes));
    }
    let delete = if m.confirm_delete {
        button(&w.t("confirmDelete"), "delete-app").class("danger")
    } else {
        button(&w.t("deleteApp"), "delete-app")
    };
    rest.push(
        el("div")
            .class("buttons")
            .child(
                button(&w.t("editApp"), "edit-app")
                    .class("primary")
                    .attr("data-app", &app.id),
            )
            .child(delete.attr("data-app", &app.id)),
    );
    if !m.roomy() {
        return out.children(main).children(history).children(rest);
    }
    // Roomy pages: the details, people and rounds on the left; the timeline, the actions and
    // what happened on the right.
    out.child(el("div").class("main").children(main).children(rest))
        .child(
            el("aside")
                .class("side")
                .attr("aria-label", &w.t("historyOfApp"))
                .children(history),
        )
}

/// What the posting said: the facts as a list, the description as plain text in a
/// collapsible block, with the day it was read and where from; nothing when it said neither.
fn posting_details(w: &Words, app: &Application, d: &PostingDetails) -> Option<Node> {
    let mut facts = Vec::new();
    let location = d.location_line(&w.t("postingRemote"));
    for (label, value) in [
        (w.t("captureLocations"), location),
        (w.t("captureSalary"), d.salary.clone()),
        (
            w.t("captureEmploymentType"),
            super::capture::employment_words(w, &d.employment_type),
        ),
        (w.t("capturePostingId"), d.posting_id.clone()),
        (
            w.t("captureDatePosted"),
            d.date_posted.map(|x| w.long_date(x)).unwrap_or_default(),
        ),
        (
            w.t("captureValidThrough"),
            d.valid_through.map(|x| w.long_date(x)).unwrap_or_default(),
        ),
    ] {
        if !value.is_empty() {
            let label = label.split(" (").next().unwrap_or_default().to_string();
            facts.push(el("li").text(&format!("{label}: {value}")));
        }
    }
    if facts.is_empty() && d.description.is_empty() {
        return None;
    }
    let mut out = el("section")
        .class("posting")
        .child(el("h3").text(&w.t("postingDetails")))
        .child_if(!facts.is_empty(), || {
            el("ul").class("facts").children(facts)
        });
    if !d.description.is_empty() {
        let summary = match d.captured_on.or(d.date_posted) {
            Some(date) => w.tf("postingAsPosted", &[("date", &w.long_date(date))]),
            None => w.t("postingDetails"),
        };
        let host = host_of(&app.posting_url);
        let mut block = el("details")
            .class("description")
            .child(el("summary").text(&summary));
        if !host.is_empty() || !d.source.is_empty() {
            block = block.child(
                el("p")
                    .class("hint")
                    .text(&w.tf("postingReadFrom", &[("host", &host), ("reader", &d.source)])),
            );
        }
        out = out.child(block.child(el("div").class("posting-text").text(&d.description)));
    }
    Some(out)
}

/// The host of a web address, lower case ("boards.greenhouse.io").
fn host_of(url: &str) -> String {
    url.split_once("://")
        .map(|(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or_default())
        .unwrap_or_default()
        .rsplit('@')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// Only web links open from the application page.
fn safe_url(url: &str) -> Option<&str> {
    let u = url.trim();
    // The scheme is compared on its own, so the package holds no URL-shaped string.
    matches!(u.split_once("://"), Some(("https" | "http", _))).then_some(u)
}

/// The people and the rounds; with `points`, what was discussed with each interviewer too.
fn people(w: &Words, app: &Application, points: bool) -> Node {
    let contacts = app.contacts.iter().map(|c| {
        let mut roles = Vec::new();
        if c.hiring_manager {
            roles.push(w.t("hiringManager"));
        }
        if c.reference {
            roles.push(w.t("reference"));
        }
        let mut line = c.name.clone();
        for extra in [&c.title, &c.email, &c.phone] {
            if !extra.is_empty() {
                line.push_str(" · ");
                line.push_str(extra);
            }
        }
        if !roles.is_empty() {
            line.push_str(&format!(" ({})", roles.join(", ")));
        }
        el("li").key(&c.id).text(&line)
    });
    let rounds = app.rounds.iter().map(|r| {
        let who: Vec<&str> = r
            .interviewers
            .iter()
            .filter_map(|i| app.contact(&i.contact_id).map(|c| c.name.as_str()))
            .collect();
        let kind = if r.kind.is_empty() {
            w.t("round")
        } else {
            r.kind.clone()
        };
        let mut line = vec![w.long_date(r.date)];
        line.extend(interviews::time_span(w, r));
        line.push(kind);
        if !who.is_empty() {
            line.push(interviews::names(w, &who));
        }
        el("li")
            .key(&r.id)
            .child(el("span").text(&line.join(" · ")))
            .child_if(!r.place.is_empty(), || interviews::place(w, &r.place))
            .child_if(points, || {
                el("ul").class("points").children(
                    r.interviewers
                        .iter()
                        .filter(|i| !i.points.is_empty())
                        .map(|i| {
                            let name = app
                                .contact(&i.contact_id)
                                .map_or(i.contact_id.as_str(), |c| c.name.as_str());
                            el("li")
                                .child(el("strong").text(name))
                                .append_text(&format!(": {}", i.points.join("; ")))
                        }),
                )
            })
    });
    el("section")
        .class("people")
        .child(el("h3").text(&w.t("people")))
        .child(el("ul").children(contacts))
        .child(el("h3").text(&w.t("rounds")))
        .child(el("ul").class("rounds").children(rounds))
}

/// The first click asks for confirmation; the second deletes.
pub fn delete(m: &mut Model, id: &str) -> Vec<Effect> {
    if !m.confirm_delete {
        m.confirm_delete = true;
        return Vec::new();
    }
    let Some(app) = m.app(id) else {
        return Vec::new();
    };
    let name = display_name(&m.words, app);
    let write = Write::DeleteApp {
        id: app.id.clone(),
        revision: app.revision,
    };
    m.confirm_delete = false;
    m.view = View::Apps;
    m.busy = true;
    vec![Effect::write(
        write,
        Text::with("deleted", &[("name", &name)]),
    )]
}
