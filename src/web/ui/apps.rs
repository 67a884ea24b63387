//! *Applications*: the searchable list, one application's page (timeline, actions, people,
//! what happened) and the editor for its details, contacts and interview rounds.

use chrono::NaiveDate;
use web_sys::Element;

use super::dom::{self, button, checked, el, input, labelled, select, textarea, El};
use super::i18n::{long_date, problem_text, t, tf};
use super::today::{action_item, action_title, parse_date};
use super::{new_id, render, save_app, with_ui, write, Notice, Ui, View};
use crate::core::model::{ActionState, Application, Contact, Interviewer, Medium, Round, Status};
use crate::core::ops;

pub fn status_label(status: &Status) -> String {
    match status {
        Status::Saved => t("statusSaved"),
        Status::Applied => t("statusApplied"),
        Status::Interviewing => t("statusInterviewing"),
        Status::References => t("statusReferences"),
        Status::Offer => t("statusOffer"),
        Status::Accepted => t("statusAccepted"),
        Status::Rejected => t("statusRejected"),
        Status::Withdrawn => t("statusWithdrawn"),
        Status::NoResponse => t("statusNoResponse"),
        Status::Other(s) => s.clone(),
    }
}

fn matches(app: &Application, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    let hay = |s: &str| s.to_lowercase().contains(needle);
    hay(&app.company)
        || hay(&app.role)
        || hay(&app.notes)
        || hay(&status_label(&app.status).to_lowercase())
        || app.contacts.iter().any(|c| hay(&c.name) || hay(&c.email))
}

pub fn list(ui: &mut Ui) -> El {
    let needle = ui.search.trim().to_lowercase();
    let mut apps: Vec<&Application> = ui
        .state
        .apps
        .iter()
        .filter(|a| matches(a, &needle))
        .collect();
    // Open applications first, then by company.
    apps.sort_unstable_by(|a, b| {
        (a.status.is_closed(), a.company.to_lowercase(), &a.id).cmp(&(
            b.status.is_closed(),
            b.company.to_lowercase(),
            &b.id,
        ))
    });
    let total = apps.len();
    let mut out = el("div").class("apps").attr("data-view", "apps").child(
        el("div")
            .class("row")
            .child(
                input("search", "search", &ui.search)
                    .attr("placeholder", &t("searchPlaceholder"))
                    .attr("aria-label", &t("searchLabel")),
            )
            .child(button(&t("addApplication"), "new-app").class("primary")),
    );
    if ui.state.apps.is_empty() {
        return out.child(el("p").class("empty").text(&t("noApplications")));
    }
    if total == 0 {
        return out.child(el("p").class("empty").text(&t("noMatches")));
    }
    let mut ul = el("ul").class("app-list").attr("aria-label", &t("tabApps"));
    for app in apps.iter().take(ui.shown) {
        let next = ui
            .plan
            .actions
            .iter()
            .filter(|a| {
                a.app_id == app.id && !matches!(a.state, ActionState::Done | ActionState::Skipped)
            })
            .min_by_key(|a| a.due);
        let next_text = match next {
            Some(a) => tf(
                "nextAction",
                &[("what", &action_title(app, a)), ("date", &long_date(a.due))],
            ),
            None if app.no_contact => t("noContactSet"),
            None => t("nothingPlanned"),
        };
        let problems = ui
            .plan
            .problems
            .iter()
            .filter(|p| p.app_id == app.id)
            .count();
        let mut li = el("li").attr("data-app", &app.id).child(
            button(&display_name(app), "open-app")
                .class("link title")
                .attr("data-app", &app.id),
        );
        li = li
            .child(
                el("span")
                    .class(&format!("status s-{}", app.status.as_str()))
                    .text(&status_label(&app.status)),
            )
            .child(el("p").class("next").text(&next_text));
        if problems > 0 {
            li = li.child(
                el("p")
                    .class("message error")
                    .text(&tf("appProblems", &[("n", &problems.to_string())])),
            );
        }
        ul = ul.child(li);
    }
    out = out.child(ul);
    if total > ui.shown {
        out = out.child(super::show_more(total, ui.shown));
    }
    out
}

fn display_name(app: &Application) -> String {
    match (app.company.is_empty(), app.role.is_empty()) {
        (false, false) => format!("{} · {}", app.company, app.role),
        (false, true) => app.company.clone(),
        (true, false) => app.role.clone(),
        (true, true) => t("untitled"),
    }
}

pub fn detail(ui: &mut Ui, id: &str) -> El {
    let Some(app) = ui.app(id) else {
        return el("p").class("empty").text(&t("errorGone"));
    };
    let mut out = el("article")
        .class("app")
        .attr("data-view", "app")
        .attr("data-app", &app.id)
        .child(button(&t("back"), "tab-apps").class("link back"))
        .child(el("h2").text(&display_name(app)))
        .child(
            el("p")
                .class(&format!("status s-{}", app.status.as_str()))
                .text(&status_label(&app.status)),
        );
    if app.no_contact {
        out = out.child(el("p").class("message").text(&t("noContactSet")));
    }
    if let Some(url) = safe_url(&app.posting_url) {
        out = out.child(
            el("p").child(
                el("a")
                    .attr("href", url)
                    .attr("target", "_blank")
                    .attr("rel", "noopener noreferrer")
                    .text(&t("postingLink")),
            ),
        );
    }
    for p in ui.plan.problems.iter().filter(|p| p.app_id == app.id) {
        out = out.child(el("p").class("message error").text(&problem_text(p)));
    }
    let actions: Vec<_> = ui
        .plan
        .actions
        .iter()
        .filter(|a| a.app_id == app.id)
        .collect();
    out = out.child(super::timeline::draw(app, &actions, ui.today));
    let mut ul = el("ul")
        .class("actions")
        .attr("aria-label", &t("actionsOfApp"));
    for a in &actions {
        ul = ul.child(action_item(ui, app, a, false));
    }
    if actions.is_empty() {
        ul = ul.child(el("li").class("empty").text(&t("nothingPlanned")));
    }
    out = out
        .child(el("h3").text(&t("actionsOfApp")))
        .child(ul)
        .child(record_form(ui, app))
        .child(people(app));
    if !app.notes.is_empty() {
        out = out
            .child(el("h3").text(&t("fieldNotes")))
            .child(el("p").class("notes").text(&app.notes));
    }
    let delete = if ui.confirm_delete {
        button(&t("confirmDelete"), "delete-app").class("danger")
    } else {
        button(&t("deleteApp"), "delete-app")
    };
    out.child(
        el("div")
            .class("buttons")
            .child(
                button(&t("editApp"), "edit-app")
                    .class("primary")
                    .attr("data-app", &app.id),
            )
            .child(delete.attr("data-app", &app.id)),
    )
}

/// Only web links open from the application page.
fn safe_url(url: &str) -> Option<&str> {
    let u = url.trim();
    (u.starts_with("https://") || u.starts_with("http://")).then_some(u)
}

fn people(app: &Application) -> El {
    let mut out = el("section")
        .class("people")
        .child(el("h3").text(&t("people")));
    let mut ul = el("ul");
    for c in &app.contacts {
        let mut roles = Vec::new();
        if c.hiring_manager {
            roles.push(t("hiringManager"));
        }
        if c.reference {
            roles.push(t("reference"));
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
        ul = ul.child(el("li").text(&line));
    }
    out = out.child(ul);
    let mut rounds = el("ul").class("rounds");
    for r in &app.rounds {
        let who: Vec<&str> = r
            .interviewers
            .iter()
            .filter_map(|i| app.contact(&i.contact_id).map(|c| c.name.as_str()))
            .collect();
        rounds = rounds.child(el("li").text(&format!(
            "{} · {}{}",
            long_date(r.date),
            if r.kind.is_empty() {
                t("round")
            } else {
                r.kind.clone()
            },
            if who.is_empty() {
                String::new()
            } else {
                format!(" · {}", who.join(", "))
            }
        )));
    }
    out.child(el("h3").text(&t("rounds"))).child(rounds)
}

const EVENTS: [(&str, &str); 8] = [
    ("reply", "eventReply"),
    ("rejected", "eventRejected"),
    ("offer", "eventOffer"),
    ("accepted", "eventAccepted"),
    ("withdrawn", "eventWithdrawn"),
    ("no-response", "eventNoResponse"),
    ("references", "eventReferences"),
    ("news", "eventNews"),
];

fn record_form(ui: &Ui, app: &Application) -> El {
    let options: Vec<(String, String)> =
        EVENTS.iter().map(|(v, k)| (v.to_string(), t(k))).collect();
    el("form")
        .class("record")
        .attr("data-form", "record")
        .attr("data-app", &app.id)
        .child(el("h3").text(&t("recordTitle")))
        .child(labelled(
            &t("recordWhat"),
            select("event", &options, "reply"),
        ))
        .child(labelled(
            &t("recordDate"),
            input("date", "event-date", &ui.today.to_string()).attr("required", ""),
        ))
        .child(labelled(
            &t("recordDecision"),
            input("date", "event-decision", ""),
        ))
        .child(labelled(&t("recordNote"), input("text", "event-note", "")))
        .child(el("button").attr("type", "submit").text(&t("record")))
}

// ---- the editor ----

/// The form's controls are named after the fields they edit: `company`, `contact.2.email`,
/// `round.0.date`, `round.0.with.<contactId>`, `round.0.points.<contactId>`.
pub fn editor(ui: &mut Ui) -> El {
    let Some(app) = ui.editor.clone() else {
        return el("p").text(&t("errorGone"));
    };
    let is_new = app.revision == 0;
    let status_options: Vec<(String, String)> = Status::ALL
        .iter()
        .map(|s| (s.as_str().to_string(), status_label(s)))
        .collect();
    let medium_options = vec![
        (String::new(), t("mediumDefault")),
        ("email".to_string(), t("mediumEmail")),
        ("phone".to_string(), t("mediumPhone")),
    ];
    let medium = match app.medium {
        None => "",
        Some(Medium::Email) => "email",
        Some(Medium::Phone) => "phone",
    };
    let date = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let mut form = el("form")
        .class("editor")
        .attr("data-form", "app")
        .attr("data-view", "edit")
        .attr("novalidate", "")
        .child(el("h2").text(&t(if is_new {
            "newApplication"
        } else {
            "editApplication"
        })))
        .child(el("div").class("form-error").attr("role", "alert"))
        .child(
            el("fieldset")
                .child(el("legend").text(&t("details")))
                .child(labelled(
                    &t("fieldCompany"),
                    input("text", "company", &app.company).attr("autocomplete", "organization"),
                ))
                .child(labelled(&t("fieldRole"), input("text", "role", &app.role)))
                .child(labelled(
                    &t("fieldPosting"),
                    input("url", "posting", &app.posting_url),
                ))
                .child(labelled(
                    &t("fieldStatus"),
                    select("status", &status_options, app.status.as_str()),
                ))
                .child(labelled(
                    &t("fieldApplied"),
                    input("date", "applied", &date(app.applied_on)),
                ))
                .child(labelled(
                    &t("fieldDecision"),
                    input("date", "decision", &date(app.decision_date)),
                ))
                .child(el("p").class("hint").text(&t("fieldDecisionHint")))
                .child(labelled(
                    &t("fieldMedium"),
                    select("medium", &medium_options, medium),
                ))
                .child(
                    el("label")
                        .class("check")
                        .child(input(
                            "checkbox",
                            "no-contact",
                            if app.no_contact { "true" } else { "false" },
                        ))
                        .append_text(&t("fieldNoContact")),
                )
                .child(labelled(
                    &t("fieldNotes"),
                    textarea("notes", &app.notes).attr("rows", "3"),
                )),
        );

    let mut contacts = el("fieldset").child(el("legend").text(&t("people")));
    for (i, c) in app.contacts.iter().enumerate() {
        let n = |f: &str| format!("contact.{i}.{f}");
        contacts = contacts.child(
            el("div")
                .class("contact")
                .attr("data-index", &i.to_string())
                .child(labelled(
                    &t("fieldName"),
                    input("text", &n("name"), &c.name),
                ))
                .child(labelled(
                    &t("fieldTitle"),
                    input("text", &n("title"), &c.title),
                ))
                .child(labelled(
                    &t("fieldEmail"),
                    input("email", &n("email"), &c.email),
                ))
                .child(labelled(
                    &t("fieldPhone"),
                    input("tel", &n("phone"), &c.phone),
                ))
                .child(
                    el("label")
                        .class("check")
                        .child(input(
                            "checkbox",
                            &n("manager"),
                            if c.hiring_manager { "true" } else { "false" },
                        ))
                        .append_text(&t("hiringManager")),
                )
                .child(
                    el("label")
                        .class("check")
                        .child(input(
                            "checkbox",
                            &n("reference"),
                            if c.reference { "true" } else { "false" },
                        ))
                        .append_text(&t("reference")),
                )
                .child(
                    button(&t("removeContact"), "remove-contact")
                        .attr("data-index", &i.to_string())
                        .attr("aria-label", &tf("removeNamed", &[("name", &c.name)])),
                ),
        );
    }
    contacts = contacts.child(button(&t("addContact"), "add-contact"));

    let mut rounds = el("fieldset").child(el("legend").text(&t("rounds")));
    for (j, r) in app.rounds.iter().enumerate() {
        let n = |f: &str| format!("round.{j}.{f}");
        let round_date = if r.date == NaiveDate::MIN {
            String::new()
        } else {
            r.date.to_string()
        };
        let mut block = el("div")
            .class("round")
            .attr("data-index", &j.to_string())
            .child(labelled(
                &t("fieldRoundDate"),
                input("date", &n("date"), &round_date),
            ))
            .child(labelled(
                &t("fieldRoundKind"),
                input("text", &n("kind"), &r.kind).attr("placeholder", &t("fieldRoundKindHint")),
            ));
        let mut who = el("fieldset")
            .class("interviewers")
            .child(el("legend").text(&t("interviewers")));
        if app.contacts.is_empty() {
            who = who.child(el("p").class("hint").text(&t("addPeopleFirst")));
        }
        for c in &app.contacts {
            let met = r.interviewers.iter().find(|i| i.contact_id == c.id);
            let label = if c.name.is_empty() {
                t("unnamed")
            } else {
                c.name.clone()
            };
            who = who.child(
                el("label")
                    .class("check")
                    .child(input(
                        "checkbox",
                        &format!("round.{j}.with.{}", c.id),
                        if met.is_some() { "true" } else { "false" },
                    ))
                    .append_text(&label),
            );
            if let Some(i) = met {
                who = who.child(labelled(
                    &tf("pointsFor", &[("name", &label)]),
                    textarea(&format!("round.{j}.points.{}", c.id), &i.points.join("\n"))
                        .attr("rows", "3"),
                ));
            }
        }
        block = block
            .child(who)
            .child(button(&t("removeRound"), "remove-round").attr("data-index", &j.to_string()));
        rounds = rounds.child(block);
    }
    rounds = rounds.child(button(&t("addRound"), "add-round"));

    form = form.child(contacts).child(rounds).child(
        el("div")
            .class("buttons sticky")
            .child(
                el("button")
                    .attr("type", "submit")
                    .class("primary")
                    .attr_if(ui.busy, "disabled", "")
                    .text(&t("save")),
            )
            .child(button(&t("cancel"), "cancel-edit")),
    );
    form
}

/// Reads what the editor's form holds into `ui.editor`, so a redraw keeps what was typed.
pub fn sync_editor(ui: &mut Ui) {
    let Some(form) = ui
        .root
        .query_selector("form[data-form=\"app\"]")
        .ok()
        .flatten()
    else {
        return;
    };
    if let Some(app) = ui.editor.as_mut() {
        read_form(&form, app);
    }
}

fn read_form(form: &Element, app: &mut Application) {
    let v = |name: &str| dom::value_of(form, name);
    if let Some(s) = v("company") {
        app.company = s.trim().to_string();
    }
    if let Some(s) = v("role") {
        app.role = s.trim().to_string();
    }
    if let Some(s) = v("posting") {
        app.posting_url = s.trim().to_string();
    }
    if let Some(s) = v("status") {
        app.status = Status::parse(&s);
    }
    if let Some(s) = v("applied") {
        app.applied_on = parse_date(&s);
    }
    if let Some(s) = v("decision") {
        app.decision_date = parse_date(&s);
    }
    if let Some(s) = v("medium") {
        app.medium = match s.as_str() {
            "email" => Some(Medium::Email),
            "phone" => Some(Medium::Phone),
            _ => None,
        };
    }
    app.no_contact = checked(form, "no-contact");
    if let Some(s) = v("notes") {
        app.notes = s;
    }
    for (i, c) in app.contacts.iter_mut().enumerate() {
        let n = |f: &str| format!("contact.{i}.{f}");
        if let Some(s) = v(&n("name")) {
            c.name = s.trim().to_string();
        }
        if let Some(s) = v(&n("title")) {
            c.title = s.trim().to_string();
        }
        if let Some(s) = v(&n("email")) {
            c.email = s.trim().to_string();
        }
        if let Some(s) = v(&n("phone")) {
            c.phone = s.trim().to_string();
        }
        c.hiring_manager = checked(form, &n("manager"));
        c.reference = checked(form, &n("reference"));
    }
    let ids: Vec<String> = app.contacts.iter().map(|c| c.id.clone()).collect();
    for (j, r) in app.rounds.iter_mut().enumerate() {
        if let Some(s) = v(&format!("round.{j}.date")) {
            r.date = parse_date(&s).unwrap_or(NaiveDate::MIN);
        }
        if let Some(s) = v(&format!("round.{j}.kind")) {
            r.kind = s.trim().to_string();
        }
        let mut interviewers = Vec::new();
        for id in &ids {
            if checked(form, &format!("round.{j}.with.{id}")) {
                let kept = r.interviewers.iter().find(|i| &i.contact_id == id);
                let points = match v(&format!("round.{j}.points.{id}")) {
                    Some(text) => text
                        .lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(String::from)
                        .collect(),
                    None => kept.map(|i| i.points.clone()).unwrap_or_default(),
                };
                interviewers.push(Interviewer {
                    contact_id: id.clone(),
                    points,
                });
            }
        }
        r.interviewers = interviewers;
    }
}

/// What the user must fix before the application can be saved; `None` when it can.
fn validate(app: &Application) -> Option<String> {
    if app.company.is_empty() && app.role.is_empty() {
        return Some(t("errorCompanyOrRole"));
    }
    if let Some(c) = app.contacts.iter().find(|c| c.name.is_empty()) {
        let _ = c;
        return Some(t("errorContactName"));
    }
    if let Some(c) = app
        .contacts
        .iter()
        .find(|c| !c.email.is_empty() && !looks_like_email(&c.email))
    {
        return Some(tf("errorEmail", &[("email", &c.email)]));
    }
    if app.rounds.iter().any(|r| r.date == NaiveDate::MIN) {
        return Some(t("errorRoundDate"));
    }
    None
}

fn looks_like_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty() && domain.contains('.') && !s.contains(char::is_whitespace)
        }
        None => false,
    }
}

const ACTIONS: [&str; 8] = [
    "new-app",
    "edit-app",
    "delete-app",
    "cancel-edit",
    "add-contact",
    "remove-contact",
    "add-round",
    "remove-round",
];

pub fn handles(action: &str) -> bool {
    ACTIONS.contains(&action)
}

pub fn handles_form(form: &str) -> bool {
    matches!(form, "app" | "record")
}

/// Ticking an interviewer shows or hides their points: redraw.
pub fn rerenders_on_change(name: &str) -> bool {
    name.starts_with("round.") && name.contains(".with.")
}

pub fn on_action(action: &str, control: &Element) {
    let app_id = control.get_attribute("data-app").unwrap_or_default();
    let index: usize = control
        .get_attribute("data-index")
        .and_then(|i| i.parse().ok())
        .unwrap_or(usize::MAX);
    with_ui(|ui| {
        match action {
            "new-app" => {
                ui.editor = Some(Application {
                    id: new_id("app-"),
                    applied_on: Some(ui.today),
                    ..Default::default()
                });
                ui.view = View::Edit;
            }
            "edit-app" => {
                ui.editor = ui.app(&app_id).cloned();
                ui.view = View::Edit;
            }
            "cancel-edit" => {
                let back = ui.editor.take().filter(|a| a.revision > 0).map(|a| a.id);
                ui.view = back.map_or(View::Apps, View::App);
            }
            "delete-app" => {
                if !ui.confirm_delete {
                    ui.confirm_delete = true;
                } else if let Some(app) = ui.app(&app_id).cloned() {
                    ui.confirm_delete = false;
                    ui.view = View::Apps;
                    let text = tf("deleted", &[("name", &display_name(&app))]);
                    write(
                        move |data| async move { data.delete_app(&app.id, app.revision).await },
                        Some(Notice {
                            text,
                            error: false,
                            undo: None,
                        }),
                    );
                }
            }
            "add-contact" => {
                sync_editor(ui);
                if let Some(app) = ui.editor.as_mut() {
                    app.contacts.push(Contact {
                        id: new_id("c"),
                        ..Default::default()
                    });
                }
            }
            "remove-contact" => {
                sync_editor(ui);
                if let Some(app) = ui.editor.as_mut() {
                    if index < app.contacts.len() {
                        let gone = app.contacts.remove(index).id;
                        for r in &mut app.rounds {
                            r.interviewers.retain(|i| i.contact_id != gone);
                        }
                    }
                }
            }
            "add-round" => {
                sync_editor(ui);
                if let Some(app) = ui.editor.as_mut() {
                    app.rounds.push(Round {
                        id: new_id("r"),
                        date: ui.today,
                        ..Default::default()
                    });
                }
            }
            "remove-round" => {
                sync_editor(ui);
                if let Some(app) = ui.editor.as_mut() {
                    if index < app.rounds.len() {
                        app.rounds.remove(index);
                    }
                }
            }
            _ => {}
        }
        render(ui);
        if matches!(action, "new-app" | "edit-app") {
            dom::focus(&ui.root, "[name=\"company\"]");
        }
    });
}

pub fn on_submit(form_name: &str, form: &Element) {
    match form_name {
        "app" => submit_editor(form),
        "record" => submit_record(form),
        _ => {}
    }
}

fn submit_editor(form: &Element) {
    with_ui(|ui| {
        let Some(mut app) = ui.editor.clone() else {
            return;
        };
        read_form(form, &mut app);
        ui.editor = Some(app.clone());
        if let Some(problem) = validate(&app) {
            if let Some(region) = form.query_selector(".form-error").ok().flatten() {
                region.set_text_content(Some(&problem));
            }
            return;
        }
        // A status chosen in the editor is recorded with its date, like any other change.
        let before = ui.app(&app.id).map(|a| a.status.clone());
        let chosen = app.status.clone();
        if let Some(old) = before.filter(|old| *old != chosen) {
            app.status = old;
            if let Ok(next) = ops::record_status(&app, ui.today, chosen.clone()) {
                app = next;
            } else {
                app.status = chosen;
            }
        }
        let name = display_name(&app);
        ui.view = View::App(app.id.clone());
        ui.editor = None;
        save_app(
            app,
            Some(Notice {
                text: tf("saved", &[("name", &name)]),
                error: false,
                undo: None,
            }),
        );
    });
}

fn submit_record(form: &Element) {
    let app_id = form.get_attribute("data-app").unwrap_or_default();
    let kind = dom::value_of(form, "event").unwrap_or_default();
    let date = dom::value_of(form, "event-date").and_then(|v| parse_date(&v));
    let decision = dom::value_of(form, "event-decision").and_then(|v| parse_date(&v));
    let note = dom::value_of(form, "event-note").unwrap_or_default();
    with_ui(|ui| {
        let Some(app) = ui.app(&app_id).cloned() else {
            ui.error(t("errorGone"));
            return render(ui);
        };
        let Some(date) = date else {
            ui.error(t("errorDate"));
            return render(ui);
        };
        let result = match kind.as_str() {
            "reply" => ops::record_reply(&app, date, decision),
            "references" => Ok(ops::record_references_requested(&app, date)),
            "news" => Ok(ops::record_positive_news(&app, date, note.trim())),
            status => ops::record_status(&app, date, Status::parse(status)),
        };
        match result {
            Ok(next) => save_app(
                next,
                Some(Notice {
                    text: t("recorded"),
                    error: false,
                    undo: None,
                }),
            ),
            Err(e) => {
                ui.error(e.to_string());
                render(ui);
            }
        }
    });
}
