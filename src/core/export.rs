//! Data going out to other programs: CSV for spreadsheets (the applications with their
//! history, and a dated log of every contact with an employer, as unemployment offices ask
//! for), iCalendar (RFC 5545) files with the planned actions and the interviews, and
//! "add to calendar" links for Google Calendar and Outlook.com.
//!
//! Everything is pure: actions come from the planner and the text of each calendar event from
//! the caller, so this module knows nothing of rules or templates.
//!
//! CSV follows RFC 4180 (CRLF line ends, fields with a comma, quote or line break quoted,
//! quotes doubled). A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
//! gets a leading apostrophe, so a spreadsheet shows it as text instead of running it as a
//! formula (a note like "-5% on salary" shows as "'-5% on salary"). Excel reads UTF-8 CSV
//! correctly only when the file starts with a byte-order mark: [`CsvOptions::excel_bom`].

use std::collections::BTreeSet;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use super::calendar::next_day;
use super::model::{Action, ActionKind, ActionState, Application, EventKind, Medium, Status};

/// How CSV files are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CsvOptions {
    /// Start with a UTF-8 byte-order mark, which Excel needs to read accents and other
    /// non-ASCII letters correctly. Other spreadsheets do not need it and ignore it.
    pub excel_bom: bool,
}

/// The words for an action kind in exports.
pub fn kind_label(kind: ActionKind) -> &'static str {
    kind.info().export_label
}

/// The words for a status in exports: "no response" rather than "no-response".
pub fn status_label(status: &Status) -> String {
    match status {
        Status::Other(text) => text.clone(),
        known => known.as_str().replace('-', " "),
    }
}

/// A one-line title for an action: "Thank-you email to Dana Smith, Acme, Data Engineer".
/// Parts that are not known are left out.
pub fn action_title(app: &Application, action: &Action) -> String {
    let mut title = kind_label(action.kind).to_string();
    if let Some(contact) = action.contact_id.as_deref().and_then(|id| app.contact(id)) {
        if !contact.name.is_empty() {
            title.push_str(" to ");
            title.push_str(&contact.name);
        }
    }
    for part in [&app.company, &app.role] {
        if !part.is_empty() {
            title.push_str(", ");
            title.push_str(part);
        }
    }
    title
}

/// One CSV field: defended against formula injection, then quoted if needed.
pub fn csv_field(value: &str) -> String {
    let guard = value.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quote = value.contains([',', '"', '\r', '\n']);
    let mut field = String::with_capacity(value.len() + 3);
    if quote {
        field.push('"');
    }
    if guard {
        field.push('\'');
    }
    for ch in value.chars() {
        if ch == '"' {
            field.push('"');
        }
        field.push(ch);
    }
    if quote {
        field.push('"');
    }
    field
}

fn csv_row<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_field(cell.as_ref()));
    }
    out.push_str("\r\n");
}

fn csv_start(options: CsvOptions) -> String {
    let mut out = String::new();
    if options.excel_bom {
        out.push('\u{feff}');
    }
    out
}

fn date_cell(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// The columns of [`applications_csv`].
pub const APPLICATION_COLUMNS: [&str; 11] = [
    "Company",
    "Role",
    "Status",
    "Applied",
    "Posting URL",
    "Decision date",
    "Rounds",
    "Contacts",
    "Status history",
    "Actions sent",
    "Notes",
];

/// One row per application, in the order given, with its rounds, contacts, status history and
/// the actions sent. `actions` (from the planner, done ones included) name what each "sent"
/// event of the history was; a sent event whose action is not among them shows its key.
pub fn applications_csv(apps: &[Application], actions: &[Action], options: CsvOptions) -> String {
    let mut out = csv_start(options);
    csv_row(&mut out, &APPLICATION_COLUMNS);
    for app in apps {
        let cells = [
            app.company.clone(),
            app.role.clone(),
            status_label(&app.status),
            date_cell(app.applied_on),
            app.posting_url.clone(),
            date_cell(app.decision_date),
            rounds_cell(app),
            contacts_cell(app),
            status_history(app),
            actions_sent(app, actions),
            app.notes.clone(),
        ];
        csv_row(&mut out, &cells);
    }
    out
}

fn rounds_cell(app: &Application) -> String {
    let mut rounds: Vec<_> = app.rounds.iter().collect();
    rounds.sort_by_key(|r| r.date);
    rounds
        .iter()
        .map(|r| {
            let kind = if r.kind.trim().is_empty() {
                "interview"
            } else {
                r.kind.trim()
            };
            format!("{} {kind}", r.date)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn contacts_cell(app: &Application) -> String {
    app.contacts
        .iter()
        .map(|c| {
            let mut details: Vec<&str> = [&c.title, &c.email, &c.phone]
                .into_iter()
                .map(String::as_str)
                .filter(|s| !s.is_empty())
                .collect();
            if c.hiring_manager {
                details.push("hiring manager");
            }
            if c.reference {
                details.push("reference");
            }
            if details.is_empty() {
                c.name.clone()
            } else {
                format!("{} ({})", c.name, details.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// "2026-03-01 applied → 2026-03-03 interviewing → 2026-03-20 rejected": the application date,
/// then every recorded status change.
fn status_history(app: &Application) -> String {
    let mut steps = Vec::new();
    if let Some(applied) = app.applied_on {
        steps.push(format!("{applied} applied"));
    }
    for event in &app.history {
        if let EventKind::Status { from, to } = &event.kind {
            if steps.is_empty() {
                steps.push(status_label(from));
            }
            steps.push(format!("{} {}", event.date, status_label(to)));
        }
    }
    if steps.is_empty() {
        steps.push(status_label(&app.status));
    }
    steps.join(" → ")
}

fn find_action<'a>(actions: &'a [Action], app: &Application, key: &str) -> Option<&'a Action> {
    actions.iter().find(|a| a.app_id == app.id && a.key == key)
}

fn recipient<'a>(app: &'a Application, action: &Action) -> Option<&'a str> {
    action
        .contact_id
        .as_deref()
        .and_then(|id| app.contact(id))
        .map(|c| c.name.as_str())
        .filter(|n| !n.is_empty())
}

fn actions_sent(app: &Application, actions: &[Action]) -> String {
    app.history
        .iter()
        .filter_map(|event| match &event.kind {
            EventKind::Sent { action: key } => Some(match find_action(actions, app, key) {
                Some(action) => match recipient(app, action) {
                    Some(name) => format!("{} {} to {name}", event.date, kind_label(action.kind)),
                    None => format!("{} {}", event.date, kind_label(action.kind)),
                },
                None => format!("{} {key}", event.date),
            }),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The columns of [`job_search_log_csv`].
pub const LOG_COLUMNS: [&str; 6] = ["Date", "Employer", "Role", "Activity", "Person", "Method"];

/// A proof-of-job-search log: one row per contact with an employer (application sent,
/// interview, message sent, reply received, references requested), by date. Messages are
/// named through `actions` as in [`applications_csv`]; actions that send nothing (move on,
/// reminders) are not contacts and are left out.
pub fn job_search_log_csv(apps: &[Application], actions: &[Action], options: CsvOptions) -> String {
    let mut rows: Vec<(NaiveDate, [String; 6])> = Vec::new();
    for app in apps {
        let row = |date: NaiveDate, activity: String, person: String, method: String| {
            (
                date,
                [
                    date.to_string(),
                    app.company.clone(),
                    app.role.clone(),
                    activity,
                    person,
                    method,
                ],
            )
        };
        if let Some(applied) = app.applied_on {
            let method = if app.posting_url.is_empty() {
                ""
            } else {
                "online"
            };
            rows.push(row(
                applied,
                "Application submitted".into(),
                String::new(),
                method.into(),
            ));
        }
        for round in &app.rounds {
            let people: Vec<&str> = round
                .interviewers
                .iter()
                .filter_map(|i| app.contact(&i.contact_id))
                .map(|c| c.name.as_str())
                .filter(|n| !n.is_empty())
                .collect();
            rows.push(row(
                round.date,
                "Interview".into(),
                people.join(", "),
                round.kind.trim().to_string(),
            ));
        }
        for event in &app.history {
            match &event.kind {
                EventKind::Sent { action: key } => match find_action(actions, app, key) {
                    Some(action) if !action.kind.sends_message() => {}
                    Some(action) => {
                        let method = match (action.kind, action.medium) {
                            (ActionKind::ThankYouCard, _) => "post",
                            (_, Medium::Email) => "email",
                            (_, Medium::Phone) => "phone",
                        };
                        let person = recipient(app, action).unwrap_or_default().to_string();
                        rows.push(row(
                            event.date,
                            kind_label(action.kind).into(),
                            person,
                            method.into(),
                        ));
                    }
                    None => rows.push(row(event.date, key.clone(), String::new(), String::new())),
                },
                EventKind::Reply { .. } => rows.push(row(
                    event.date,
                    "Reply from employer".into(),
                    String::new(),
                    String::new(),
                )),
                EventKind::ReferencesRequested => rows.push(row(
                    event.date,
                    "Employer asked for references".into(),
                    String::new(),
                    String::new(),
                )),
                _ => {}
            }
        }
    }
    // Stable: rows of one day keep the order of the applications and of their history.
    rows.sort_by_key(|(date, _)| *date);
    let mut out = csv_start(options);
    csv_row(&mut out, &LOG_COLUMNS);
    for (_, cells) in &rows {
        csv_row(&mut out, cells);
    }
    out
}

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
fn push_folded(out: &mut String, line: &str) {
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

fn ics_date(date: NaiveDate) -> String {
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

fn round_details(app: &Application, round: &super::model::Round) -> String {
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

/// Percent-encodes `text` for a URL query value: every byte but the unreserved characters of
/// RFC 3986 (letters, digits, `-`, `.`, `_`, `~`) becomes `%XX`.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// A link that opens Google Calendar's new-event page with an all-day event on `date`.
pub fn google_calendar_link(title: &str, details: &str, date: NaiveDate) -> String {
    format!(
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text={}&dates={}/{}&details={}",
        percent_encode(title),
        ics_date(date),
        ics_date(next_day(date)),
        percent_encode(details)
    )
}

/// A link that opens Outlook.com's new-event page with an all-day event on `date`.
pub fn outlook_calendar_link(title: &str, details: &str, date: NaiveDate) -> String {
    format!(
        "https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose\
         &rru=addevent&subject={}&body={}&startdt={date}&enddt={}&allday=true",
        percent_encode(title),
        percent_encode(details),
        next_day(date)
    )
}

/// `bytes` in units of `unit` bytes with one decimal, rounded: `tenths(1_572_864, MB)` is
/// "1.5".
pub fn tenths(bytes: u64, unit: u64) -> String {
    let unit = unit.max(1);
    let whole = bytes / unit;
    let tenth = ((bytes % unit) * 10 + unit / 2) / unit;
    let (whole, tenth) = if tenth == 10 {
        (whole + 1, 0)
    } else {
        (whole, tenth)
    };
    format!("{whole}.{tenth}")
}

/// One kibibyte and one mebibyte, for [`tenths`].
pub const KB: u64 = 1024;
pub const MB: u64 = 1024 * 1024;

/// A link that opens a new Gmail message with the recipients, subject and body filled in.
/// It needs no access to the account: the user's own signed-in Gmail opens it.
pub fn gmail_compose_link(to: &[String], subject: &str, body: &str) -> String {
    format!(
        "https://mail.google.com/mail/?view=cm&fs=1&to={}&su={}&body={}",
        percent_encode(&to.join(",")),
        percent_encode(subject),
        percent_encode(body)
    )
}

/// A link that opens a new Outlook on the web message with the recipients, subject and body.
pub fn outlook_compose_link(to: &[String], subject: &str, body: &str) -> String {
    format!(
        "https://outlook.live.com/mail/0/deeplink/compose?to={}&subject={}&body={}",
        percent_encode(&to.join(";")),
        percent_encode(subject),
        percent_encode(body)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_have_one_rounded_decimal() {
        assert_eq!(tenths(0, KB), "0.0");
        assert_eq!(tenths(1536, KB), "1.5");
        assert_eq!(tenths(1_572_864, MB), "1.5");
        assert_eq!(tenths(52_428_800, MB), "50.0");
        assert_eq!(tenths(1023, KB), "1.0");
        assert_eq!(tenths(1_048_575, MB), "1.0");
        assert_eq!(tenths(u64::MAX, 1), format!("{}.0", u64::MAX));
    }

    #[test]
    fn compose_links_carry_every_field_encoded() {
        let to = vec![
            "dana@acme.example".to_string(),
            "lee@acme.example".to_string(),
        ];
        let gmail = gmail_compose_link(&to, "Thank you & more", "Hi Dana,\n\nThanks");
        assert_eq!(
            gmail,
            "https://mail.google.com/mail/?view=cm&fs=1&to=dana%40acme.example%2Clee%40acme.example\
             &su=Thank%20you%20%26%20more&body=Hi%20Dana%2C%0A%0AThanks"
        );
        let outlook = outlook_compose_link(&to, "Hi", "a=b");
        assert!(outlook.starts_with("https://outlook.live.com/mail/0/deeplink/compose?"));
        assert!(outlook.contains("to=dana%40acme.example%3Blee%40acme.example"));
        assert!(outlook.ends_with("&subject=Hi&body=a%3Db"));
    }

    #[test]
    fn uid_parts_are_one_to_one() {
        assert_ne!(ics_uid("a-b", "c"), ics_uid("a", "b-c"));
        assert_ne!(ics_uid("a_2D", "c"), ics_uid("a-", "c"));
        assert_eq!(
            ics_uid("acme.1", "r1/thank-you"),
            "acme.1-r1_2Fthank_2Dyou@followup.local"
        );
    }

    #[test]
    fn folding_counts_octets_and_keeps_characters_whole() {
        let mut out = String::new();
        push_folded(&mut out, &format!("SUMMARY:{}", "é".repeat(60)));
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        assert_eq!(
            out.replace("\r\n ", "").trim_end(),
            format!("SUMMARY:{}", "é".repeat(60))
        );
    }

    #[test]
    fn percent_encoding_keeps_only_unreserved() {
        assert_eq!(
            percent_encode("Thank you, Dana & co ~ é/?"),
            "Thank%20you%2C%20Dana%20%26%20co%20~%20%C3%A9%2F%3F"
        );
    }
}
