//! *Possible replies*: messages from an application's people noticed in webmail, listed first
//! on *Today* with the one-click answers that say what each one was (`core::noticing`).

use chrono::NaiveDate;

use super::msg::{After, AnswerRef, Effect, Write};
use super::node::{button, el, input, Node};
use super::words::Text;
use super::{EditorForm, Model, Notice, View};
use crate::core::edit::Edit;
use crate::core::model::{Answer, Application};
use crate::core::sort;
use crate::core::summary::{reply_order, ReplyEntry};
use crate::core::words::Coded;

/// The name of the "new decision date" field of a possible reply.
fn decision_field(app: &str, message: &str) -> String {
    format!("decision:{app}/{message}")
}

/// The possible replies to list: the summary's while *Today* is drawn from it, else those of
/// every application read.
pub fn entries(m: &Model) -> (Vec<ReplyEntry>, usize) {
    if let Some(p) = &m.partial {
        return (p.replies.clone(), p.reply_count);
    }
    let mut all: Vec<ReplyEntry> = m
        .stored
        .apps
        .iter()
        .filter(|a| !a.noticed.is_empty())
        .flat_map(ReplyEntry::of)
        .collect();
    sort::sort_by(&mut all, reply_order);
    let n = all.len();
    (all, n)
}

/// The section, or `None` when there is nothing to answer.
pub fn section(m: &Model) -> Option<Node> {
    let (entries, n) = entries(m);
    if n == 0 {
        return None;
    }
    let w = &m.words;
    let title = w.t("sectionReplies");
    let items = entries.iter().take(m.shown).map(|r| item(m, r));
    Some(
        el("section")
            .key("replies")
            .class("replies")
            .child(el("h2").text(&format!("{title} ({n})")))
            .child(el("p").class("hint").text(&w.t("repliesHint")))
            .child(
                el("ul")
                    .class("actions")
                    .attr("aria-label", &title)
                    .children(items),
            ),
    )
}

fn item(m: &Model, r: &ReplyEntry) -> Node {
    let w = &m.words;
    let n = &r.message;
    let wrote = w.tf(
        "replyWrote",
        &[
            ("name", &n.name),
            ("company", &r.company),
            ("date", &w.long_date(n.date)),
            ("subject", &n.subject),
        ],
    );
    let id = format!("{}/{}", r.app_id, n.id);
    let field = decision_field(&r.app_id, &n.id);
    let keyed = |b: Node, answer: Answer| {
        b.attr("data-app", &r.app_id)
            .attr("data-key", &n.id)
            .attr("data-answer", answer.as_str())
            .attr_if(m.busy, "disabled", "")
    };
    let mut row = el("div")
        .class("buttons")
        .attr("role", "group")
        .attr("aria-label", &wrote);
    for (answer, key) in [
        (Answer::Reply, "answerReply"),
        (Answer::Interview, "answerInterview"),
        (Answer::Rejection, "answerRejection"),
        (Answer::References, "answerReferences"),
        (Answer::NotAbout, "answerNotAbout"),
    ] {
        let b = keyed(button(&w.t(key), "answer"), answer);
        row = row.child(if answer == Answer::Reply {
            b.class("primary")
        } else {
            b
        });
    }
    el("li")
        .key(&format!("reply:{id}"))
        .class("action possible-reply")
        .attr("data-app", &r.app_id)
        .child(
            el("div")
                .class("head")
                .child(el("strong").class("what").text(&wrote))
                .child(
                    button(&format!("{} · {}", r.company, r.role), "open-app")
                        .class("link company")
                        .attr("data-app", &r.app_id),
                ),
        )
        .child(row)
        .child(
            el("label")
                .class("decision")
                .append_text(&w.t("replyDecisionDate"))
                .child(
                    input(
                        "date",
                        &field,
                        m.dates.get(&field).map_or("", String::as_str),
                    )
                    .attr("min", &n.date.to_string()),
                ),
        )
}

fn parse_day(text: &str) -> Option<NaiveDate> {
    text.trim().parse().ok()
}

/// Records the answer: the event it stands for, through the writer. An interview invitation
/// then opens the application's editor with a new round on the message's day to fill in.
pub fn answer(m: &mut Model, a: &AnswerRef) -> Vec<Effect> {
    let Some(app) = m.app(&a.app).cloned() else {
        m.error(Text::key("errorGone"));
        return Vec::new();
    };
    let Some(noticed) = app.noticed.iter().find(|n| n.id == a.message).cloned() else {
        m.error(Text::key("errorGone"));
        return Vec::new();
    };
    let typed = m
        .dates
        .get(&decision_field(&a.app, &a.message))
        .map(String::as_str)
        .unwrap_or("");
    // Only a reply carries a new decision date; an empty field is none.
    let decision_date = match (a.answer, typed.trim()) {
        (Answer::Reply, text) if !text.is_empty() => match parse_day(text) {
            Some(d) => Some(d),
            None => {
                m.error(Text::key("errorDate"));
                return Vec::new();
            }
        },
        _ => None,
    };
    let edit = Edit::Answer {
        message: a.message.clone(),
        answer: a.answer,
        decision_date,
    };
    if let Err(e) = edit.apply(&app, m.today) {
        m.error(Text::Coded(e.worded()));
        return Vec::new();
    }
    let notice = Notice {
        text: Text::with(
            answered_key(a.answer),
            &[("name", &noticed.name), ("company", &app.company)],
        ),
        error: false,
        undo: None,
    };
    let after = if a.answer == Answer::Interview {
        After::NewRound {
            notice,
            app_id: a.app.clone(),
            date: noticed.date,
        }
    } else {
        After::Notice(notice)
    };
    m.busy = true;
    let write = Write::Edit {
        app_id: a.app.clone(),
        edit,
    };
    vec![Effect::Write(write, after)]
}

fn answered_key(answer: Answer) -> &'static str {
    match answer {
        Answer::Reply => "answeredReply",
        Answer::Interview => "answeredInterview",
        Answer::Rejection => "answeredRejection",
        Answer::References => "answeredReferences",
        Answer::NotAbout => "answeredNotAbout",
    }
}

/// After an interview invitation was recorded: the editor, with a new round on `date`.
pub fn open_new_round(m: &mut Model, app: &Application, date: NaiveDate) -> Vec<Effect> {
    let mut form = EditorForm::new(app);
    form.add_round(m.ids.next("r"), date);
    m.editor = Some(form);
    m.view = View::Edit;
    vec![Effect::Focus(".round:last-of-type input[type=\"date\"]")]
}
