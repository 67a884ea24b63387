//! One interview round in the application editor: its form (the day, the start time, the
//! length, the place or video link, the kind, who was met and what was discussed), the
//! checks before it is saved, and how it is drawn. Its controls are named
//! `round.<index>.<field>`: `date`, `time`, `duration`, `place`, `kind`, `with.<contactId>`,
//! `points.<contactId>`.

use chrono::{NaiveDate, NaiveTime, Timelike};

use super::node::{button, el, input, labelled, labelled_check, textarea, Node};
use super::today::parse_date;
use super::words::{clock_time, Text, Words};
use crate::core::model::{Contact, Interviewer, Round};

/// The shortest and the longest length of an interview the editor takes, in minutes.
pub const MIN_MINUTES: u32 = 5;
pub const MAX_MINUTES: u32 = 600;

/// One interview round as the form holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundForm {
    pub id: String,
    pub date: String,
    /// The start time as typed ("14:30"); empty: the day only.
    pub time: String,
    /// The length in minutes as typed; empty: not given (an hour where one is needed).
    pub duration: String,
    /// An address or a video link.
    pub place: String,
    pub kind: String,
    /// The people met (contact ids, in the order they were ticked) and their points, one a line.
    pub with: Vec<(String, String)>,
}

impl RoundForm {
    pub fn new(r: &Round) -> RoundForm {
        RoundForm {
            id: r.id.clone(),
            date: if r.date == NaiveDate::MIN {
                String::new()
            } else {
                r.date.to_string()
            },
            time: r.time.map(clock_time).unwrap_or_default(),
            duration: r
                .duration_minutes
                .map(|m| m.to_string())
                .unwrap_or_default(),
            place: r.place.clone(),
            kind: r.kind.clone(),
            with: r
                .interviewers
                .iter()
                .map(|i| (i.contact_id.clone(), i.points.join("\n")))
                .collect(),
        }
    }

    /// A new round on `day`.
    pub fn on(id: String, day: NaiveDate) -> RoundForm {
        RoundForm {
            id,
            date: day.to_string(),
            time: String::new(),
            duration: String::new(),
            place: String::new(),
            kind: String::new(),
            with: Vec::new(),
        }
    }

    /// Takes the value of the field `field`; false when the round has no such field.
    pub fn input(&mut self, field: &str, v: String) -> bool {
        if let Some(id) = field.strip_prefix("points.") {
            return match self.with.iter_mut().find(|(c, _)| c == id) {
                Some(slot) => {
                    slot.1 = v;
                    true
                }
                None => false,
            };
        }
        match field {
            "date" => self.date = v,
            "time" => self.time = v,
            "duration" => self.duration = v,
            "place" => self.place = v,
            "kind" => self.kind = v,
            _ => return false,
        }
        true
    }

    /// The round the form describes, its interviewers in the order of `contacts`; or what
    /// the user must fix first.
    pub fn to_round(&self, contacts: &[Contact]) -> Result<Round, Text> {
        if self.date.trim().is_empty() {
            return Err(Text::key("errorRoundDate"));
        }
        let Some(date) = parse_date(&self.date) else {
            return Err(Text::with("errorDateOf", &[("text", self.date.trim())]));
        };
        let interviewers = contacts
            .iter()
            .filter_map(|c| self.with.iter().find(|(id, _)| *id == c.id))
            .map(|(id, points)| Interviewer {
                contact_id: id.clone(),
                points: points
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from)
                    .collect(),
            })
            .collect();
        Ok(Round {
            id: self.id.clone(),
            date,
            kind: self.kind.trim().to_string(),
            interviewers,
            time: parse_time(&self.time)?,
            duration_minutes: parse_minutes(&self.duration)?,
            place: self.place.trim().to_string(),
        })
    }
}

/// A start time typed as "14:30" (seconds, as some browsers add them, are dropped); empty is
/// none.
fn parse_time(text: &str) -> Result<Option<NaiveTime>, Text> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveTime::parse_from_str(text, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S"))
        .ok()
        .and_then(|t| t.with_second(0))
        .map(Some)
        .ok_or_else(|| Text::with("errorRoundTime", &[("text", text)]))
}

/// A length in whole minutes from [`MIN_MINUTES`] to [`MAX_MINUTES`]; empty is none.
fn parse_minutes(text: &str) -> Result<Option<u32>, Text> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u32>() {
        Ok(n) if (MIN_MINUTES..=MAX_MINUTES).contains(&n) => Ok(Some(n)),
        _ => Err(Text::with(
            "errorRoundDuration",
            &[
                ("text", text),
                ("min", &MIN_MINUTES.to_string()),
                ("max", &MAX_MINUTES.to_string()),
            ],
        )),
    }
}

/// Round `j` of the editor, with a tick for each of the application's people and, for each
/// one met, what was discussed.
pub fn view(w: &Words, contacts: &[Contact], j: usize, r: &RoundForm) -> Node {
    let n = |x: &str| format!("round.{j}.{x}");
    let mut who = el("fieldset")
        .class("interviewers")
        .child(el("legend").text(&w.t("interviewers")));
    if contacts.is_empty() {
        who = who.child(el("p").class("hint").text(&w.t("addPeopleFirst")));
    }
    for c in contacts {
        let met = r.with.iter().find(|(id, _)| *id == c.id);
        let label = if c.name.is_empty() {
            w.t("unnamed")
        } else {
            c.name.clone()
        };
        who = who.child(
            labelled_check(&n(&format!("with.{}", c.id)), met.is_some(), &label)
                .key(&format!("with.{}", c.id)),
        );
        if let Some((_, points)) = met {
            who = who.child(
                labelled(
                    &w.tf("pointsFor", &[("name", &label)]),
                    textarea(&n(&format!("points.{}", c.id)), points).attr("rows", "3"),
                )
                .key(&format!("points.{}", c.id)),
            );
        }
    }
    let when = el("div")
        .class("when-fields")
        .child(labelled(
            &w.t("fieldRoundDate"),
            input("date", &n("date"), &r.date),
        ))
        .child(labelled(
            &w.t("fieldRoundTime"),
            input("time", &n("time"), &r.time),
        ))
        .child(labelled(
            &w.t("fieldRoundDuration"),
            input("number", &n("duration"), &r.duration)
                .attr("min", &MIN_MINUTES.to_string())
                .attr("max", &MAX_MINUTES.to_string())
                .attr("inputmode", "numeric")
                .attr("placeholder", "60"),
        ));
    el("div")
        .key(&r.id)
        .class("round")
        .attr("data-index", &j.to_string())
        .child(when)
        .child(el("p").class("hint").text(&w.t("fieldRoundTimeHint")))
        .child(labelled(
            &w.t("fieldRoundPlace"),
            input("text", &n("place"), &r.place).attr("autocomplete", "off"),
        ))
        .child(labelled(
            &w.t("fieldRoundKind"),
            input("text", &n("kind"), &r.kind).attr("placeholder", &w.t("fieldRoundKindHint")),
        ))
        .child(who)
        .child(button(&w.t("removeRound"), "remove-round").attr("data-index", &j.to_string()))
}
