//! The rows both *Today* and an application's page show: one action with its reason, its
//! buttons and its draft; and the words for action kinds, states and statuses.

use chrono::NaiveDate;

use super::msg::ActionRef;
use super::node::{button, el, input, Node};
use super::words::Words;
use super::Model;
use crate::core::calendar::{add_days, WorkCalendar};
use crate::core::draft::{render_action_in, Draft, ProfileField, Warning, MAX_BULLETS};
use crate::core::export::{
    gmail_compose_link, google_calendar_link, outlook_calendar_link, outlook_compose_link,
};
use crate::core::model::{Action, ActionKind, ActionState, Application, Status};
use crate::core::plan::{why, WhyCase, WhyNote};
use crate::core::summary::interviews::thank_you_after;

/// "Thank-you email to Dana Smith".
pub fn action_title(w: &Words, app: &Application, a: &Action) -> String {
    let kind = kind_label(w, a.kind);
    match a.contact_id.as_deref().and_then(|id| app.contact(id)) {
        Some(c) if !c.name.is_empty() => w.tf("actionTo", &[("what", &kind), ("name", &c.name)]),
        _ => kind,
    }
}

pub fn kind_label(w: &Words, kind: ActionKind) -> String {
    w.t(kind.info().message)
}

pub fn state_label(w: &Words, state: ActionState) -> String {
    w.t(match state {
        ActionState::Upcoming => "stateUpcoming",
        ActionState::Due => "stateDue",
        ActionState::Overdue => "stateOverdue",
        ActionState::Done => "stateDone",
        ActionState::Skipped => "stateSkipped",
        ActionState::Snoozed => "stateSnoozed",
        ActionState::Projected => "stateProjected",
    })
}

pub fn status_label(w: &Words, status: &Status) -> String {
    match status {
        Status::Saved => w.t("statusSaved"),
        Status::Applied => w.t("statusApplied"),
        Status::Interviewing => w.t("statusInterviewing"),
        Status::References => w.t("statusReferences"),
        Status::Offer => w.t("statusOffer"),
        Status::Accepted => w.t("statusAccepted"),
        Status::Rejected => w.t("statusRejected"),
        Status::Withdrawn => w.t("statusWithdrawn"),
        Status::NoResponse => w.t("statusNoResponse"),
        Status::Other(s) => s.clone(),
    }
}

/// "Acme · Data Engineer", or whichever of the two is known.
pub fn display_name(w: &Words, app: &Application) -> String {
    match (app.company.is_empty(), app.role.is_empty()) {
        (false, false) => format!("{} · {}", app.company, app.role),
        (false, true) => app.company.clone(),
        (true, false) => app.role.clone(),
        (true, true) => w.t("untitled"),
    }
}

fn span(w: &Words, days: u32, working: bool) -> String {
    let key = match (days == 1, working) {
        (true, true) => "spanWorkingDay",
        (false, true) => "spanWorkingDays",
        (true, false) => "spanDay",
        (false, false) => "spanDays",
    };
    w.tf(key, &[("n", &days.to_string())])
}

/// Why `a` is due when it is, in the user's language (the core decides which sentence).
pub fn reason_text(w: &Words, app: &Application, a: &Action) -> String {
    let why = why(a);
    let key = match why.case {
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
        w.t("theCompany")
    } else {
        app.company.clone()
    };
    let mut text = w.tf(
        key,
        &[
            ("span", &span(w, why.days, why.working_days)),
            ("from", &w.long_date(why.from)),
            ("company", &company),
        ],
    );
    let note = match why.note {
        Some(WhyNote::SnoozedTo(until)) => w.tf("reasonSnoozed", &[("date", &w.long_date(until))]),
        Some(WhyNote::MovedTo(day)) => w.tf("reasonMoved", &[("date", &w.long_date(day))]),
        None => return text,
    };
    text.push(' ');
    text.push_str(&note);
    text
}

/// The "another day" fields of an action: what the user typed, or the day offered.
pub fn sent_on_value(m: &Model, r: &ActionRef) -> String {
    m.dates
        .get(&format!("sent-on:{}", r.id()))
        .cloned()
        .unwrap_or_else(|| m.today.to_string())
}

pub fn snooze_value(m: &Model, r: &ActionRef) -> String {
    m.dates
        .get(&format!("snooze:{}", r.id()))
        .cloned()
        .unwrap_or_else(|| next_working_day(m).to_string())
}

fn next_working_day(m: &Model) -> NaiveDate {
    WorkCalendar::from_settings(&m.stored.settings.holidays).add_working_days(m.today, 1)
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

/// One action: what, for whom, when, why, and what can be done about it.
pub fn action_item(m: &Model, app: &Application, a: &Action, with_app: bool) -> Node {
    let w = &m.words;
    let state = a.state;
    let title = action_title(w, app, a);
    let r = ActionRef::new(&app.id, &a.key);
    let id = r.id();
    let mut li = el("li")
        .key(&id)
        .class(&format!(
            "action state-{}{}",
            state_class(state),
            if a.held.is_some() { " held" } else { "" }
        ))
        .attr("data-app", &app.id)
        .attr("data-key", &a.key)
        .attr("data-state", state_class(state));
    // A thank-you email on the day of a timed interview is for after it.
    let after = thank_you_after(app, a.kind, a.round_id.as_deref(), a.due, m.today)
        .filter(|_| !matches!(state, ActionState::Done | ActionState::Skipped))
        .map(|t| w.time(t));
    let when = match a.done_on {
        Some(done) if matches!(state, ActionState::Done | ActionState::Skipped) => {
            format!(
                "{} · {}",
                state_label(w, state),
                w.short_date(done, m.today)
            )
        }
        _ => format!(
            "{} · {}",
            match &after {
                Some(t) => w.tf(
                    "dayAfterTime",
                    &[("day", &w.relative_day(a.due, m.today)), ("time", t)],
                ),
                None => w.relative_day(a.due, m.today),
            },
            w.short_date(a.due, m.today)
        ),
    };
    let mut why = reason_text(w, app, a);
    if let Some(t) = &after {
        why.push(' ');
        why.push_str(&w.tf("reasonAfterInterviewEnds", &[("time", t)]));
    }
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
    li = li.child(head).child(el("p").class("why").text(&why));
    if state == ActionState::Projected {
        li = li.child(el("p").class("hint").text(&w.t("projectedHint")));
    }
    if let Some(hold) = &a.held {
        li = li.child(el("p").class("held-note").text(&w.tf(
            "heldNote",
            &[
                ("name", &hold.name),
                ("date", &w.short_date(hold.date, m.today)),
            ],
        )));
    }

    let mut row = el("div")
        .class("buttons")
        .attr("role", "group")
        .attr("aria-label", &title);
    let keyed = |b: Node| b.attr("data-app", &app.id).attr("data-key", &a.key);
    let open = m.open_draft.as_deref() == Some(id.as_str());
    match state {
        ActionState::Done | ActionState::Skipped => {
            row = row.child(keyed(button(&w.t("undo"), "undo")));
        }
        _ => {
            if a.kind.sends_message() {
                row = row.child(
                    keyed(button(
                        &w.t(if open { "hideDraft" } else { "showDraft" }),
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
                    keyed(button(&w.t(done_label), "sent"))
                        .class("primary")
                        .attr_if(m.busy, "disabled", ""),
                )
                .child(keyed(button(&w.t("skip"), "skip")).attr_if(m.busy, "disabled", ""));
            if state == ActionState::Snoozed {
                row = row.child(keyed(button(&w.t("undo"), "undo")));
            }
        }
    }
    li = li.child(row);
    if !matches!(state, ActionState::Done | ActionState::Skipped) {
        // What is inside is drawn only while the panel is open: two date fields a row make
        // a long list slow to draw.
        let dated = el("details")
            .class("dated")
            .child(keyed(el("summary").attr("data-action", "dated")).text(&w.t("otherDay")));
        li = li.child(if !m.dated.contains(&id) {
            dated
        } else {
            dated
                .attr("open", "")
                .child(
                    el("label").append_text(&w.t("sentOn")).child(
                        input("date", &format!("sent-on:{id}"), &sent_on_value(m, &r))
                            .attr("max", &m.today.to_string()),
                    ),
                )
                .child(keyed(button(&w.t("markSentOn"), "sent-on")).attr_if(m.busy, "disabled", ""))
                .child(
                    el("label").append_text(&w.t("snoozeTo")).child(
                        input("date", &format!("snooze:{id}"), &snooze_value(m, &r))
                            .attr("min", &add_days(m.today, 1).to_string()),
                    ),
                )
                .child(keyed(button(&w.t("snooze"), "snooze")).attr_if(m.busy, "disabled", ""))
                .child(calendar_links(w, app, a))
        });
    }
    if open {
        li = li.child(draft_panel(m, app, a));
    }
    li
}

/// "Add to Google Calendar / Outlook calendar": new-event pages of those calendars with the
/// action filled in, on its due day. Nothing is sent until the user saves the event there.
fn calendar_links(w: &Words, app: &Application, a: &Action) -> Node {
    let title = crate::core::export::action_title(app, a);
    let details = reason_text(w, app, a);
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
            &w.t("addGoogleCalendar"),
        ))
        .append_text(" · ")
        .child(link(
            outlook_calendar_link(&title, &details, a.due),
            &w.t("addOutlookCalendar"),
        ))
}

/// The text "copy" puts on the clipboard: the subject, a blank line, the body.
pub fn copy_text(d: &Draft) -> String {
    if d.subject.is_empty() {
        d.body.clone()
    } else {
        format!("{}\n\n{}", d.subject, d.body)
    }
}

fn draft_panel(m: &Model, app: &Application, a: &Action) -> Node {
    let w = &m.words;
    let id = ActionRef::new(&app.id, &a.key).id();
    let panel = el("div").class("draft").attr("data-draft", &id);
    let draft = match render_action_in(app, a, &m.stored.settings, m.today, m.interface_language())
    {
        Ok(d) => d,
        Err(e) => return panel.child(el("p").class("message error").text(&e.to_string())),
    };
    let mut panel = panel;
    if let Some(note) = &draft.note {
        panel = panel.child(el("p").class("hint").text(note));
    }
    if !draft.warnings.is_empty() {
        panel = panel.child(
            el("ul")
                .class("warnings")
                .attr("aria-label", &w.t("checksLabel"))
                .children(
                    draft
                        .warnings
                        .iter()
                        .map(|x| el("li").text(&warning_text(w, x))),
                ),
        );
    }
    if let Some(script) = &draft.script {
        panel = panel
            .child(el("h3").text(&w.t("callScript")))
            .child(el("pre").class("text").text(&script.call))
            .child(el("h3").text(&w.t("voicemailScript")))
            .child(el("pre").class("text").text(&script.voicemail));
    }
    if !draft.to.is_empty() {
        panel = panel.child(
            el("p")
                .class("to")
                .text(&w.tf("draftTo", &[("to", &draft.to.join(", "))])),
        );
    }
    if !draft.subject.is_empty() {
        panel = panel.child(
            el("p")
                .class("subject")
                .text(&w.tf("draftSubject", &[("subject", &draft.subject)])),
        );
    }
    panel = panel.child(
        super::node::textarea(&format!("draft:{id}"), &draft.body)
            .attr("readonly", "")
            .attr("rows", "10")
            .attr("aria-label", &w.t("draftBody")),
    );
    let keyed = |b: Node| b.attr("data-app", &app.id).attr("data-key", &a.key);
    let mut row = el("div")
        .class("buttons")
        .child(keyed(button(&w.t("copyDraft"), "copy-draft")));
    if a.kind != ActionKind::ThankYouCard && draft.script.is_none() {
        row = row
            .child(compose_link(
                &draft,
                "compose-gmail",
                &w.t("openGmail"),
                gmail_compose_link,
            ))
            .child(compose_link(
                &draft,
                "compose-outlook",
                &w.t("openOutlook"),
                outlook_compose_link,
            ));
    }
    panel.child(row)
}

/// A check on a draft, in the user's language.
pub fn warning_text(w: &Words, x: &Warning) -> String {
    match x {
        Warning::TooLong { kind, words, limit } => w.tf(
            "warnTooLong",
            &[
                ("words", &words.to_string()),
                ("kind", &kind_label(w, *kind)),
                ("limit", &limit.to_string()),
            ],
        ),
        Warning::TooManyBullets { count } => w.tf(
            "warnTooManyBullets",
            &[("n", &count.to_string()), ("max", &MAX_BULLETS.to_string())],
        ),
        Warning::TooManyPoints { noted, kept } => w.tf(
            "warnTooManyPoints",
            &[("noted", &noted.to_string()), ("kept", &kept.to_string())],
        ),
        Warning::MissingContactDetails { missing } => {
            let names: Vec<String> = missing
                .iter()
                .map(|f| {
                    w.t(match f {
                        ProfileField::Name => "profileName",
                        ProfileField::Email => "profileEmail",
                        ProfileField::Phone => "profilePhone",
                    })
                })
                .collect();
            w.tf("warnMissingDetails", &[("what", &names.join(", "))])
        }
        Warning::UnfilledVariable { name } => w.tf("warnUnfilled", &[("name", name)]),
        Warning::Placeholder { found } => w.tf("warnPlaceholder", &[("found", found)]),
        Warning::NameMismatch { found, expected } => w.tf(
            "warnNameMismatch",
            &[("found", found), ("expected", expected)],
        ),
        Warning::NoRecipient => w.t("warnNoRecipient"),
        Warning::NoRecipientEmail { name } if name.is_empty() => w.t("warnNoEmail"),
        Warning::NoRecipientEmail { name } => w.tf("warnNoEmailFor", &[("name", name)]),
        Warning::UnusableRecipientEmail { name } => {
            let who = if name.is_empty() {
                w.t("theRecipient")
            } else {
                name.clone()
            };
            w.tf("warnUnusableEmail", &[("name", &who)])
        }
        Warning::EmptySubject => w.t("warnEmptySubject"),
        Warning::BrokenTemplate { key, message } => {
            w.tf("warnBrokenTemplate", &[("key", key), ("error", message)])
        }
    }
}

fn compose_link(
    draft: &Draft,
    action: &str,
    label: &str,
    link: fn(&[String], &str, &str) -> String,
) -> Node {
    el("a")
        .class("button")
        .action(action)
        .attr("href", &link(&draft.to, &draft.subject, &draft.body))
        .attr("target", "_blank")
        .attr("rel", "noopener noreferrer")
        .text(label)
}
