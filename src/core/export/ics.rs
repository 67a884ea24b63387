//! iCalendar (RFC 5545) files: the planned actions and the interviews.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use super::super::calendar::next_day;
use super::super::model::{Action, ActionState, Application};

/// Escapes iCalendar TEXT (RFC 5545 §3.3.11): backslash, semicolon and comma get a backslash,
/// every kind of line break becomes `\n`, and other control characters, which TEXT does not
/// allow, are dropped.
pub fn ics_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so that no line exceeds 75 octets (RFC 5545 §3.1):
/// continuation lines start with a space, and a fold never splits a UTF-8 character.
pub(super) fn push_folded(out: &mut String, line: &str) {
    const LIMIT: usize = 75;
    let mut used = 0;
    for ch in line.chars() {
        let width = ch.len_utf8();
        if used + width > LIMIT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(ch);
        used += width;
    }
    out.push_str("\r\n");
}

/// Writes one part of a UID: letters, digits and dots stay; every other byte, `-` and `_`
/// included, becomes `_XX`. The mapping is one-to-one, so distinct ids never share a UID,
/// and `-` is free to separate the parts.
fn uid_part(text: &str, out: &mut String) {
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || byte == b'.' {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "_{byte:02X}");
        }
    }
}

/// The UID of an action's event, `<app>-<key>@followup.local`. It depends only on the
/// application id and the action key, so importing a newer file updates the event instead of
/// adding a second one.
pub fn ics_uid(app_id: &str, key: &str) -> String {
    let mut uid = String::new();
    uid_part(app_id, &mut uid);
    uid.push('-');
    uid_part(key, &mut uid);
    uid.push_str("@followup.local");
    uid
}

/// The UID of an interview's event, `<app>-round-<round>@followup.local`; distinct from every
/// action UID since an encoded key never contains `-`.
pub fn ics_round_uid(app_id: &str, round_id: &str) -> String {
    let mut uid = String::new();
    uid_part(app_id, &mut uid);
    uid.push_str("-round-");
    uid_part(round_id, &mut uid);
    uid.push_str("@followup.local");
    uid
}

pub(super) fn ics_date(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// Whether an action in this state belongs in a calendar: everything still to do.
fn in_calendar(state: ActionState) -> bool {
    matches!(
        state,
        ActionState::Upcoming
            | ActionState::Due
            | ActionState::Overdue
            | ActionState::Snoozed
            | ActionState::Projected
    )
}

fn push_event(
    out: &mut String,
    uid: &str,
    stamp: &str,
    date: NaiveDate,
    summary: &str,
    description: &str,
) {
    push_folded(out, "BEGIN:VEVENT");
    push_folded(out, &format!("UID:{uid}"));
    push_folded(out, &format!("DTSTAMP:{stamp}"));
    push_folded(out, &format!("DTSTART;VALUE=DATE:{}", ics_date(date)));
    push_folded(
        out,
        &format!("DTEND;VALUE=DATE:{}", ics_date(next_day(date))),
    );
    push_folded(out, &format!("SUMMARY:{}", ics_escape(summary)));
    if !description.is_empty() {
        push_folded(out, &format!("DESCRIPTION:{}", ics_escape(description)));
    }
    // Reminders, not appointments: they should not mark the day as busy.
    push_folded(out, "TRANSP:TRANSPARENT");
    push_folded(out, "END:VEVENT");
}

/// An iCalendar file with one all-day event per action still to do (upcoming, due, overdue,
/// snoozed or projected), on its due date, and one all-day event per interview round (rounds
/// have a date but no time).
///
/// `describe` gives each action's title and description (typically [`action_title`] and the
/// draft). `now_stamp` is the DTSTAMP, in UTC: `YYYYMMDDTHHMMSSZ`; characters other than
/// letters and digits are dropped from it, so an ISO timestamp like `2026-03-12T09:30:00Z`
/// works too once its fraction of a second is left off.
pub fn export_ics(
    apps: &[Application],
    actions: &[Action],
    describe: &dyn Fn(&Action) -> (String, String),
    now_stamp: &str,
) -> String {
    let stamp: String = now_stamp
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Follow-up//Interview follow-ups//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_folded(&mut out, line);
    }
    let mut seen = BTreeSet::new();
    for action in actions.iter().filter(|a| in_calendar(a.state)) {
        let uid = ics_uid(&action.app_id, &action.key);
        if !seen.insert(uid.clone()) {
            continue;
        }
        let (title, description) = describe(action);
        push_event(&mut out, &uid, &stamp, action.due, &title, &description);
    }
    for app in apps {
        for (index, round) in app.rounds.iter().enumerate() {
            // A round read without a date has the model's placeholder; it cannot be placed.
            if round.date == NaiveDate::MIN {
                continue;
            }
            let round_id = if round.id.is_empty() {
                index.to_string()
            } else {
                round.id.clone()
            };
            let uid = ics_round_uid(&app.id, &round_id);
            if !seen.insert(uid.clone()) {
                continue;
            }
            push_event(
                &mut out,
                &uid,
                &stamp,
                round.date,
                &round_title(app, &round.kind),
                &round_details(app, round),
            );
        }
    }
    push_folded(&mut out, "END:VCALENDAR");
    out
}

fn round_title(app: &Application, kind: &str) -> String {
    let mut title = String::from("Interview");
    if !kind.trim().is_empty() {
        title.push_str(" (");
        title.push_str(kind.trim());
        title.push(')');
    }
    for part in [&app.company, &app.role] {
        if !part.is_empty() {
            title.push_str(", ");
            title.push_str(part);
        }
    }
    title
}

fn round_details(app: &Application, round: &super::super::model::Round) -> String {
    let people: Vec<String> = round
        .interviewers
        .iter()
        .filter_map(|i| app.contact(&i.contact_id))
        .map(|c| {
            if c.title.is_empty() {
                c.name.clone()
            } else {
                format!("{} ({})", c.name, c.title)
            }
        })
        .collect();
    if people.is_empty() {
        String::new()
    } else {
        format!("With {}.", people.join(", "))
    }
}
