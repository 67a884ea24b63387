//! iCalendar (RFC 5545) files: the planned actions and the interviews.
//!
//! Actions are all-day events. An interview is an all-day event too, unless its round has a
//! time: then it is a timed event from that time for its duration (60 minutes when none is
//! given), written as *floating* local time (`DTSTART:20260303T143000`, no `Z` and no
//! `TZID`). The time is the one the user typed, on the wall clock where the interview takes
//! place; a floating time is shown at that same clock time by every calendar, which is what
//! the user entered, without Follow-up having to know or ship time zone rules. The round's
//! place (an address or a video link) becomes the event's LOCATION.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use super::super::calendar::next_day;
use super::super::model::{Action, ActionState, Application, Round};

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

/// A floating local date-time, `YYYYMMDDTHHMMSS`.
pub(super) fn ics_local(at: NaiveDateTime) -> String {
    format!(
        "{}T{:02}{:02}{:02}",
        ics_date(at.date()),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// When an event takes place: a whole day, or from a local time to another.
#[derive(Clone, Copy)]
enum When {
    Day(NaiveDate),
    Timed(NaiveDateTime, NaiveDateTime),
}

/// The event of a round: timed when the round has a time, else its day.
fn round_when(round: &Round) -> When {
    let Some(time) = round.time else {
        return When::Day(round.date);
    };
    let start = round.date.and_time(time);
    let minutes = round.duration_minutes.unwrap_or(Round::DEFAULT_MINUTES);
    let end = start
        .checked_add_signed(chrono::TimeDelta::minutes(i64::from(minutes)))
        .unwrap_or(start);
    When::Timed(start, end)
}

struct Event<'e> {
    uid: &'e str,
    when: When,
    summary: &'e str,
    description: &'e str,
    location: &'e str,
}

fn push_event(out: &mut String, stamp: &str, e: &Event) {
    push_folded(out, "BEGIN:VEVENT");
    push_folded(out, &format!("UID:{}", e.uid));
    push_folded(out, &format!("DTSTAMP:{stamp}"));
    match e.when {
        When::Day(date) => {
            push_folded(out, &format!("DTSTART;VALUE=DATE:{}", ics_date(date)));
            push_folded(
                out,
                &format!("DTEND;VALUE=DATE:{}", ics_date(next_day(date))),
            );
        }
        When::Timed(start, end) => {
            push_folded(out, &format!("DTSTART:{}", ics_local(start)));
            push_folded(out, &format!("DTEND:{}", ics_local(end)));
        }
    }
    push_folded(out, &format!("SUMMARY:{}", ics_escape(e.summary)));
    if !e.description.is_empty() {
        push_folded(out, &format!("DESCRIPTION:{}", ics_escape(e.description)));
    }
    if !e.location.trim().is_empty() {
        push_folded(out, &format!("LOCATION:{}", ics_escape(e.location.trim())));
    }
    // All-day events are reminders, not appointments: they should not mark the day as busy.
    // An interview at a time is an appointment.
    let transp = match e.when {
        When::Day(_) => "TRANSPARENT",
        When::Timed(..) => "OPAQUE",
    };
    push_folded(out, &format!("TRANSP:{transp}"));
    push_folded(out, "END:VEVENT");
}

/// An iCalendar file with one all-day event per action still to do (upcoming, due, overdue,
/// snoozed or projected), on its due date, and one event per interview round: timed, in
/// floating local time, when the round has a time, all-day otherwise (see the module doc).
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
        let event = Event {
            uid: &uid,
            when: When::Day(action.due),
            summary: &title,
            description: &description,
            location: "",
        };
        push_event(&mut out, &stamp, &event);
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
            let event = Event {
                uid: &uid,
                when: round_when(round),
                summary: &round_title(app, &round.kind),
                description: &round_details(app, round),
                location: &round.place,
            };
            push_event(&mut out, &stamp, &event);
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

fn round_details(app: &Application, round: &Round) -> String {
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
