//! *Today*: what is overdue, due and coming in the next seven days, each with its reason and
//! the buttons to act on it; and the action rows the application page reuses.

use chrono::{Days, NaiveDate};
use web_sys::Element;

use super::dom::{self, button, el, input, El};
use super::i18n::{long_date, relative_day, short_date, t, tf};
use super::{render, save_app, show_error, with_ui, Notice, Ui, View};
use crate::core::calendar::{add_days, WorkCalendar};
use crate::core::draft::{render_action, Draft, ProfileField, Warning, MAX_BULLETS};
use crate::core::export::{
    gmail_compose_link, google_calendar_link, outlook_calendar_link, outlook_compose_link,
};
use crate::core::model::{Action, ActionKind, ActionState, Application};
use crate::core::ops;
use crate::core::plan::{why, WhyCase, WhyNote};

/// Days ahead the *Today* list looks.
const AHEAD: u64 = 7;

pub fn view(ui: &mut Ui) -> El {
    if ui.state.apps.is_empty() {
        return welcome();
    }
    let horizon = ui
        .today
        .checked_add_days(Days::new(AHEAD))
        .unwrap_or(ui.today);
    let mut overdue = Vec::new();
    let mut due = Vec::new();
    let mut soon = Vec::new();
    for a in &ui.plan.actions {
        match a.state {
            ActionState::Overdue => overdue.push(a),
            ActionState::Due => due.push(a),
            ActionState::Upcoming | ActionState::Projected | ActionState::Snoozed
                if a.due <= horizon =>
            {
                soon.push(a)
            }
            _ => {}
        }
    }
    let mut out = el("div").class("today").attr("data-view", "today");
    let mut budget = ui.shown;
    let total = overdue.len() + due.len() + soon.len();
    for (title, class, list) in [
        (t("sectionOverdue"), "overdue", overdue),
        (t("sectionDue"), "due", due),
        (t("sectionSoon"), "soon", soon),
    ] {
        if list.is_empty() || budget == 0 {
            continue;
        }
        let heading = format!("{title} ({})", list.len());
        let mut ul = el("ul").class("actions").attr("aria-label", &title);
        for a in list.iter().take(budget) {
            if let Some(app) = ui.app(&a.app_id) {
                ul = ul.child(action_item(ui, app, a, true));
            }
        }
        budget = budget.saturating_sub(list.len());
        out = out.child(
            el("section")
                .class(class)
                .child(el("h2").text(&heading))
                .child(ul),
        );
    }
    if total == 0 {
        out = out.child(nothing_due(ui));
    } else if total > ui.shown {
        out = out.child(super::show_more(total, ui.shown));
    }
    if !ui.plan.problems.is_empty() {
        out = out.child(el("p").class("hint").text(&tf(
            "problemsHint",
            &[("n", &ui.plan.problems.len().to_string())],
        )));
    }
    out
}

fn welcome() -> El {
    el("div")
        .class("welcome")
        .attr("data-view", "today")
        .child(el("h2").text(&t("welcomeTitle")))
        .child(el("p").text(&t("welcomeText")))
        .child(
            el("div")
                .class("row")
                .child(button(&t("addApplication"), "new-app").class("primary"))
                .child(button(&t("loadDemo"), "load-demo")),
        )
}

fn nothing_due(ui: &Ui) -> El {
    let next = ui
        .plan
        .actions
        .iter()
        .filter(|a| matches!(a.state, ActionState::Upcoming | ActionState::Projected))
        .min_by_key(|a| a.due);
    let text = match next.and_then(|a| ui.app(&a.app_id).map(|app| (a, app))) {
        Some((a, app)) => tf(
            "nothingDueNext",
            &[("what", &action_title(app, a)), ("date", &long_date(a.due))],
        ),
        None => t("nothingDue"),
    };
    el("p").class("empty").text(&text)
}

/// "Thank-you email to Dana Smith".
pub fn action_title(app: &Application, a: &Action) -> String {
    let kind = kind_label(a.kind);
    match a.contact_id.as_deref().and_then(|id| app.contact(id)) {
        Some(c) if !c.name.is_empty() => tf("actionTo", &[("what", &kind), ("name", &c.name)]),
        _ => kind,
    }
}

pub fn kind_label(kind: ActionKind) -> String {
    t(kind.info().message)
}

pub fn state_label(state: ActionState) -> String {
    t(match state {
        ActionState::Upcoming => "stateUpcoming",
        ActionState::Due => "stateDue",
        ActionState::Overdue => "stateOverdue",
        ActionState::Done => "stateDone",
        ActionState::Skipped => "stateSkipped",
        ActionState::Snoozed => "stateSnoozed",
        ActionState::Projected => "stateProjected",
    })
}

fn span(days: u32, working: bool) -> String {
    let key = match (days == 1, working) {
        (true, true) => "spanWorkingDay",
        (false, true) => "spanWorkingDays",
        (true, false) => "spanDay",
        (false, false) => "spanDays",
    };
    tf(key, &[("n", &days.to_string())])
}

/// Why `a` is due when it is, in the user's language (the core decides which sentence).
pub fn reason_text(app: &Application, a: &Action) -> String {
    let w = why(a);
    let key = match w.case {
        WhyCase::InterviewDay => "reasonInterviewDay",
        WhyCase::CardAfterInterview => "reasonCardAfterInterview",
        WhyCase::AfterDecisionDate => "reasonAfterDecisionDate",
        WhyCase::NoDecisionDate => "reasonNoDecisionDate",
        WhyCase::LongTimelineAfterInterview => "reasonLongTimelineInterview",
        WhyCase::LongTimelineAfterReply => "reasonLongTimelineReply",
        WhyCase::AfterReplyDecisionDate => "reasonAfterReplyDecisionDate",
        WhyCase::AfterReply => "reasonAfterReply",
        WhyCase::WeekAfterFirstProjected => "reasonWeekAfterFirstProjected",
        WhyCase::WeekAfterFirst => "reasonWeekAfterFirst",
        WhyCase::NoReplyAfterSecondProjected => "reasonNoReplyAfterSecondProjected",
        WhyCase::NoReplyAfterSecond => "reasonNoReplyAfterSecond",
        WhyCase::ReferencesRequested => "reasonReferencesRequested",
        WhyCase::AfterRejection => "reasonAfterRejection",
        WhyCase::PositiveNews => "reasonPositiveNews",
        WhyCase::AfterApplying => "reasonAfterApplying",
    };
    let company = if app.company.is_empty() {
        t("theCompany")
    } else {
        app.company.clone()
    };
    let mut text = tf(
        key,
        &[
            ("span", &span(w.days, w.working_days)),
            ("from", &long_date(w.from)),
            ("company", &company),
        ],
    );
    let note = match w.note {
        Some(WhyNote::SnoozedTo(until)) => tf("reasonSnoozed", &[("date", &long_date(until))]),
        Some(WhyNote::MovedTo(day)) => tf("reasonMoved", &[("date", &long_date(day))]),
        None => return text,
    };
    text.push(' ');
    text.push_str(&note);
    text
}

/// The key that identifies an action across redraws.
fn draft_id(a: &Action) -> String {
    format!("{}/{}", a.app_id, a.key)
}

/// One action: what, for whom, when, why, and what can be done about it.
pub fn action_item(ui: &Ui, app: &Application, a: &Action, with_app: bool) -> El {
    let state = a.state;
    let title = action_title(app, a);
    let mut li = el("li")
        .class(&format!("action state-{}", state_class(state)))
        .attr("data-app", &app.id)
        .attr("data-key", &a.key)
        .attr("data-state", state_class(state));
    let when = match a.done_on {
        Some(done) if matches!(state, ActionState::Done | ActionState::Skipped) => {
            format!("{} · {}", state_label(state), short_date(done, ui.today))
        }
        _ => format!(
            "{} · {}",
            relative_day(a.due, ui.today),
            short_date(a.due, ui.today)
        ),
    };
    let mut head = el("div")
        .class("head")
        .child(el("strong").class("what").text(&title))
        .child(
            el("span")
                .class(&format!("when {}", state_class(state)))
                .text(&when),
        );
    if with_app {
        head = head.child(
            button(&format!("{} · {}", app.company, app.role), "open-app")
                .class("link company")
                .attr("data-app", &app.id),
        );
    }
    li = li
        .child(head)
        .child(el("p").class("why").text(&reason_text(app, a)));
    if state == ActionState::Projected {
        li = li.child(el("p").class("hint").text(&t("projectedHint")));
    }

    let mut row = el("div")
        .class("buttons")
        .attr("role", "group")
        .attr("aria-label", &title);
    let keyed = |b: El| b.attr("data-app", &app.id).attr("data-key", &a.key);
    let open = ui.open_draft.as_deref() == Some(draft_id(a).as_str());
    match state {
        ActionState::Done | ActionState::Skipped => {
            row = row.child(keyed(button(&t("undo"), "undo")));
        }
        _ => {
            if a.kind.sends_message() {
                row = row.child(
                    keyed(button(
                        &t(if open { "hideDraft" } else { "showDraft" }),
                        "draft",
                    ))
                    .attr("aria-expanded", if open { "true" } else { "false" }),
                );
            }
            let done_label = if a.kind.sends_message() {
                "markSent"
            } else {
                "markDone"
            };
            row = row
                .child(
                    keyed(button(&t(done_label), "sent"))
                        .class("primary")
                        .attr_if(ui.busy, "disabled", ""),
                )
                .child(keyed(button(&t("skip"), "skip")).attr_if(ui.busy, "disabled", ""));
            if state == ActionState::Snoozed {
                row = row.child(keyed(button(&t("undo"), "undo")));
            }
        }
    }
    li = li.child(row);
    if !matches!(state, ActionState::Done | ActionState::Skipped) {
        let next_day =
            WorkCalendar::from_settings(&ui.state.settings.holidays).add_working_days(ui.today, 1);
        li = li.child(
            el("details")
                .class("dated")
                .child(el("summary").text(&t("otherDay")))
                .child(
                    el("label").append_text(&t("sentOn")).child(
                        input(
                            "date",
                            &format!("sent-on:{}", draft_id(a)),
                            &ui.today.to_string(),
                        )
                        .attr("max", &ui.today.to_string()),
                    ),
                )
                .child(keyed(button(&t("markSentOn"), "sent-on")).attr_if(ui.busy, "disabled", ""))
                .child(
                    el("label").append_text(&t("snoozeTo")).child(
                        input(
                            "date",
                            &format!("snooze:{}", draft_id(a)),
                            &next_day.to_string(),
                        )
                        .attr("min", &add_days(ui.today, 1).to_string()),
                    ),
                )
                .child(keyed(button(&t("snooze"), "snooze")).attr_if(ui.busy, "disabled", ""))
                .child(calendar_links(app, a)),
        );
    }
    if open {
        li = li.child(draft_panel(ui, app, a));
    }
    li
}

/// "Add to Google Calendar / Outlook calendar": new-event pages of those calendars with the
/// action filled in, on its due day. Nothing is sent until the user saves the event there.
fn calendar_links(app: &Application, a: &Action) -> El {
    let title = crate::core::export::action_title(app, a);
    let details = reason_text(app, a);
    let link = |href: String, label: &str| {
        el("a")
            .attr("href", &href)
            .attr("target", "_blank")
            .attr("rel", "noopener noreferrer")
            .text(label)
    };
    el("p")
        .class("calendar-links")
        .child(link(
            google_calendar_link(&title, &details, a.due),
            &t("addGoogleCalendar"),
        ))
        .append_text(" · ")
        .child(link(
            outlook_calendar_link(&title, &details, a.due),
            &t("addOutlookCalendar"),
        ))
}

fn state_class(state: ActionState) -> &'static str {
    match state {
        ActionState::Upcoming => "upcoming",
        ActionState::Due => "due",
        ActionState::Overdue => "overdue",
        ActionState::Done => "done",
        ActionState::Skipped => "skipped",
        ActionState::Snoozed => "snoozed",
        ActionState::Projected => "projected",
    }
}

fn draft_panel(ui: &Ui, app: &Application, a: &Action) -> El {
    let panel = el("div").class("draft").attr("data-draft", &draft_id(a));
    let draft = match render_action(app, a, &ui.state.settings, ui.today) {
        Ok(d) => d,
        Err(e) => return panel.child(el("p").class("message error").text(&e.to_string())),
    };
    let mut panel = panel;
    if let Some(note) = &draft.note {
        panel = panel.child(el("p").class("hint").text(note));
    }
    if !draft.warnings.is_empty() {
        let mut ul = el("ul")
            .class("warnings")
            .attr("aria-label", &t("checksLabel"));
        for w in &draft.warnings {
            ul = ul.child(el("li").text(&warning_text(w)));
        }
        panel = panel.child(ul);
    }
    if let Some(script) = &draft.script {
        panel = panel
            .child(el("h3").text(&t("callScript")))
            .child(el("pre").class("text").text(&script.call))
            .child(el("h3").text(&t("voicemailScript")))
            .child(el("pre").class("text").text(&script.voicemail));
    }
    if !draft.to.is_empty() {
        panel = panel.child(
            el("p")
                .class("to")
                .text(&tf("draftTo", &[("to", &draft.to.join(", "))])),
        );
    }
    if !draft.subject.is_empty() {
        panel = panel.child(
            el("p")
                .class("subject")
                .text(&tf("draftSubject", &[("subject", &draft.subject)])),
        );
    }
    panel = panel.child(
        dom::textarea(&format!("draft:{}", draft_id(a)), &draft.body)
            .attr("readonly", "")
            .attr("rows", "10")
            .attr("aria-label", &t("draftBody")),
    );
    let keyed = |b: El| b.attr("data-app", &app.id).attr("data-key", &a.key);
    let mut row = el("div")
        .class("buttons")
        .child(keyed(button(&t("copyDraft"), "copy-draft")));
    if a.kind != ActionKind::ThankYouCard && draft.script.is_none() {
        row = row
            .child(compose_link(
                &draft,
                "compose-gmail",
                &t("openGmail"),
                gmail_compose_link,
            ))
            .child(compose_link(
                &draft,
                "compose-outlook",
                &t("openOutlook"),
                outlook_compose_link,
            ));
    }
    panel.child(row)
}

/// A check on a draft, in the user's language.
fn warning_text(w: &Warning) -> String {
    match w {
        Warning::TooLong { kind, words, limit } => tf(
            "warnTooLong",
            &[
                ("words", &words.to_string()),
                ("kind", &kind_label(*kind)),
                ("limit", &limit.to_string()),
            ],
        ),
        Warning::TooManyBullets { count } => tf(
            "warnTooManyBullets",
            &[("n", &count.to_string()), ("max", &MAX_BULLETS.to_string())],
        ),
        Warning::TooManyPoints { noted, kept } => tf(
            "warnTooManyPoints",
            &[("noted", &noted.to_string()), ("kept", &kept.to_string())],
        ),
        Warning::MissingContactDetails { missing } => {
            let names: Vec<String> = missing
                .iter()
                .map(|m| {
                    t(match m {
                        ProfileField::Name => "profileName",
                        ProfileField::Email => "profileEmail",
                        ProfileField::Phone => "profilePhone",
                    })
                })
                .collect();
            tf("warnMissingDetails", &[("what", &names.join(", "))])
        }
        Warning::UnfilledVariable { name } => tf("warnUnfilled", &[("name", name)]),
        Warning::Placeholder { found } => tf("warnPlaceholder", &[("found", found)]),
        Warning::NameMismatch { found, expected } => tf(
            "warnNameMismatch",
            &[("found", found), ("expected", expected)],
        ),
        Warning::NoRecipient => t("warnNoRecipient"),
        Warning::NoRecipientEmail { name } if name.is_empty() => t("warnNoEmail"),
        Warning::NoRecipientEmail { name } => tf("warnNoEmailFor", &[("name", name)]),
        Warning::UnusableRecipientEmail { name } => {
            let who = if name.is_empty() {
                t("theRecipient")
            } else {
                name.clone()
            };
            tf("warnUnusableEmail", &[("name", &who)])
        }
        Warning::EmptySubject => t("warnEmptySubject"),
        Warning::BrokenTemplate { key, message } => {
            tf("warnBrokenTemplate", &[("key", key), ("error", message)])
        }
    }
}

fn compose_link(
    draft: &Draft,
    action: &str,
    label: &str,
    link: fn(&[String], &str, &str) -> String,
) -> El {
    el("a")
        .class("button")
        .action(action)
        .attr("href", &link(&draft.to, &draft.subject, &draft.body))
        .attr("target", "_blank")
        .attr("rel", "noopener noreferrer")
        .text(label)
}

const ACTIONS: [&str; 7] = [
    "draft",
    "sent",
    "sent-on",
    "skip",
    "snooze",
    "copy-draft",
    "open-app",
];

pub fn handles(action: &str) -> bool {
    ACTIONS.contains(&action)
}

pub fn on_action(action: &str, control: &Element) {
    let app_id = control.get_attribute("data-app").unwrap_or_default();
    let key = control.get_attribute("data-key").unwrap_or_default();
    let id = format!("{app_id}/{key}");
    let item_value = |prefix: &str| {
        control
            .closest("li")
            .ok()
            .flatten()
            .and_then(|li| dom::value_of(&li, &format!("{prefix}:{id}")))
    };
    match action {
        "open-app" => {
            with_ui(|ui| {
                ui.view = View::App(app_id.clone());
                ui.open_draft = None;
                render(ui);
            });
        }
        "draft" => {
            with_ui(|ui| {
                ui.open_draft = if ui.open_draft.as_deref() == Some(&id) {
                    None
                } else {
                    Some(id.clone())
                };
                render(ui);
            });
        }
        "copy-draft" => {
            let text = with_ui(|ui| {
                let app = ui.app(&app_id)?;
                let a = ui
                    .plan
                    .actions
                    .iter()
                    .find(|a| a.app_id == app_id && a.key == key)?;
                let d = render_action(app, a, &ui.state.settings, ui.today).ok()?;
                Some(if d.subject.is_empty() {
                    d.body
                } else {
                    format!("{}\n\n{}", d.subject, d.body)
                })
            })
            .flatten();
            if let Some(text) = text {
                super::copy(text);
            }
        }
        "sent" => record(
            &app_id,
            &key,
            |app, today| ops::record_sent(app, &key, today),
            "recordedSent",
        ),
        "skip" => record(
            &app_id,
            &key,
            |app, today| ops::record_skipped(app, &key, today),
            "recordedSkipped",
        ),
        "sent-on" => match item_value("sent-on").and_then(|v| parse_date(&v)) {
            Some(date) => record(
                &app_id,
                &key,
                |app, _| ops::record_sent(app, &key, date),
                "recordedSent",
            ),
            None => show_error(t("errorDate")),
        },
        "snooze" => match item_value("snooze").and_then(|v| parse_date(&v)) {
            Some(until) => record(
                &app_id,
                &key,
                |app, today| ops::snooze(app, &key, today, until),
                "recordedSnoozed",
            ),
            None => show_error(t("errorDate")),
        },
        _ => {}
    }
}

pub fn parse_date(value: &str) -> Option<NaiveDate> {
    value.trim().parse().ok()
}

/// Applies an operation to the stored application and saves it, offering an undo.
fn record(
    app_id: &str,
    key: &str,
    op: impl FnOnce(&Application, NaiveDate) -> Result<Application, ops::OpError>,
    done: &str,
) {
    let prepared = with_ui(|ui| {
        let app = ui.app(app_id)?;
        Some(op(app, ui.today).map(|next| (next, ui.app(app_id).map(|a| action_label(ui, a, key)))))
    })
    .flatten();
    match prepared {
        Some(Ok((next, label))) => {
            with_ui(|ui| ui.open_draft = None);
            save_app(
                next,
                Some(Notice {
                    text: tf(done, &[("what", &label.flatten().unwrap_or_default())]),
                    error: false,
                    undo: Some((app_id.to_string(), key.to_string())),
                }),
            )
        }
        Some(Err(e)) => show_error(e.to_string()),
        None => show_error(t("errorGone")),
    }
}

fn action_label(ui: &Ui, app: &Application, key: &str) -> Option<String> {
    ui.plan
        .actions
        .iter()
        .find(|a| a.app_id == app.id && a.key == key)
        .map(|a| action_title(app, a))
}

/// Takes back the last thing recorded for an action.
pub fn undo(app_id: &str, key: &str) {
    let prepared = with_ui(|ui| ui.app(app_id).map(|app| ops::undo(app, key))).flatten();
    match prepared {
        Some(Ok(next)) => save_app(
            next,
            Some(Notice {
                text: t("undone"),
                error: false,
                undo: None,
            }),
        ),
        Some(Err(e)) => show_error(e.to_string()),
        None => show_error(t("errorGone")),
    }
}
