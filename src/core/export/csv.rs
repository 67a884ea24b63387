//! CSV files: the applications with their history, and the job-search log.

use chrono::NaiveDate;

use super::super::model::{Action, ActionKind, Application, EventKind, Medium, Status};

use crate::core::sort;

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
pub const APPLICATION_COLUMNS: [&str; 13] = [
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
    "Location",
    "Salary",
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
            app.posting
                .as_ref()
                .map(|p| p.location_line("remote"))
                .unwrap_or_default(),
            app.posting
                .as_ref()
                .map(|p| p.salary.clone())
                .unwrap_or_default(),
        ];
        csv_row(&mut out, &cells);
    }
    out
}

fn rounds_cell(app: &Application) -> String {
    let mut rounds: Vec<_> = app.rounds.iter().collect();
    sort::sort_by_key(&mut rounds, |r| r.date);
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
    sort::sort_by_key(&mut rows, |(date, _)| *date);
    let mut out = csv_start(options);
    csv_row(&mut out, &LOG_COLUMNS);
    for (_, cells) in &rows {
        csv_row(&mut out, cells);
    }
    out
}
