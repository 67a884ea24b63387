//! Interview times in the interface: *Today*'s lines for the interviews of today and
//! tomorrow ("Interview today at 14:00 with Dana Whitfield"), and a round's time, length and
//! place wherever a round is shown (a thank-you email's "after 15:30" is its row's, in
//! `items`). Times are written by [`Words::time`], in the user's locale.

use super::items::display_name;
use super::node::{button, el, Node};
use super::words::Words;
use super::Model;
use crate::core::model::{Application, Round};
use crate::core::summary::interviews::{self, Interview, INTERVIEWS};

/// The interviews *Today* names, and how many there are: from the summary while the
/// applications are read, from them afterwards.
fn listed(m: &Model) -> (Vec<Interview>, usize) {
    match &m.partial {
        Some(p) => (p.interviews.clone(), p.interview_count),
        None => {
            let mut all = interviews::all(&m.stored.apps, m.today);
            let n = all.len();
            all.truncate(INTERVIEWS);
            (all, n)
        }
    }
}

/// "Dana Whitfield", "Dana Whitfield and Lee Park", "Ana, Dana Whitfield and Lee Park".
pub fn names(w: &Words, names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => w.tf("namesAnd", &[("first", &rest.join(", ")), ("last", last)]),
    }
}

/// *Today*'s interviews section, when there are interviews today or tomorrow.
pub fn section(m: &Model) -> Option<Node> {
    let (list, n) = listed(m);
    if n == 0 {
        return None;
    }
    let w = &m.words;
    let title = w.t("interviewsHeading");
    let items = list.iter().map(|i| line(m, i));
    let more = n.saturating_sub(list.len());
    Some(
        el("section")
            .key("interviews")
            .class("interviews")
            .child(el("h2").text(&format!("{title} ({n})")))
            .child(
                el("ul")
                    .class("interviews")
                    .attr("aria-label", &title)
                    .children(items),
            )
            .child_if(more > 0, || {
                let key = if more == 1 {
                    "interviewMoreOne"
                } else {
                    "interviewMore"
                };
                el("p")
                    .class("hint")
                    .text(&w.tf(key, &[("n", &more.to_string())]))
            }),
    )
}

fn line(m: &Model, i: &Interview) -> Node {
    let w = &m.words;
    let r = &i.round;
    let met: Vec<&str> = i
        .names
        .iter()
        .map(String::as_str)
        .filter(|n| !n.is_empty())
        .collect();
    let with = if !met.is_empty() {
        names(w, &met)
    } else if !i.company.is_empty() {
        i.company.clone()
    } else {
        w.t("theCompany")
    };
    let today = r.date == m.today;
    let key = match (today, r.time.is_some()) {
        (true, true) => "interviewTodayAt",
        (true, false) => "interviewToday",
        (false, true) => "interviewTomorrowAt",
        (false, false) => "interviewTomorrow",
    };
    let time = r.time.map(|t| w.time(t)).unwrap_or_default();
    let what = w.tf(key, &[("time", &time), ("names", &with)]);
    let card = Application {
        company: i.company.clone(),
        role: i.role.clone(),
        ..Default::default()
    };
    let mut facts = Vec::new();
    if let Some(span) = time_span(w, r) {
        facts.push(span);
    }
    if !r.kind.is_empty() {
        facts.push(r.kind.clone());
    }
    el("li")
        .key(&format!("{}/{}", i.app_id, r.id))
        .class(if today {
            "interview today"
        } else {
            "interview tomorrow"
        })
        .attr("data-app", &i.app_id)
        .attr("data-round", &r.id)
        .child(
            el("div")
                .class("head")
                .child(el("strong").class("what").text(&what))
                .child(
                    button(&display_name(w, &card), "open-app")
                        .class("link company")
                        .attr("data-app", &i.app_id),
                ),
        )
        .child_if(!facts.is_empty(), || {
            el("p").class("why").text(&facts.join(" · "))
        })
        .child_if(!r.place.is_empty(), || place(w, &r.place))
}

/// "14:00–15:30 (90 min)" for a round with a time and a length; its start alone without a
/// length; `None` without a time.
pub fn time_span(w: &Words, r: &Round) -> Option<String> {
    let start = r.time?;
    let Some(minutes) = r.duration_minutes else {
        return Some(w.time(start));
    };
    let end = start + chrono::Duration::minutes(i64::from(minutes));
    Some(w.tf(
        "timeSpan",
        &[
            ("from", &w.time(start)),
            ("to", &w.time(end)),
            ("minutes", &minutes.to_string()),
        ],
    ))
}

/// A web address that may be followed: http or https, nothing else in the text.
pub fn web_link(text: &str) -> Option<&str> {
    let t = text.trim();
    let web = matches!(t.split_once("://"), Some(("https" | "http", rest)) if !rest.is_empty());
    (web && !t.chars().any(|c| c.is_whitespace() || c.is_control())).then_some(t)
}

/// "Where: Room 4", or with a video link that opens in a new tab (without telling the site
/// where it was followed from).
pub fn place(w: &Words, place: &str) -> Node {
    let p = el("p").class("place");
    let Some(url) = web_link(place) else {
        return p.text(&w.tf("roundPlace", &[("place", place.trim())]));
    };
    let template = w.t("roundPlace");
    let (before, after) = template.split_once("{place}").unwrap_or((&template, ""));
    p.append_text(before)
        .child(
            el("a")
                .attr("href", url)
                .attr("target", "_blank")
                .attr("rel", "noopener noreferrer")
                .text(url),
        )
        .append_text(after)
}
