//! Backups: one JSON document holding the settings and every application, and the import of
//! such a document back into storage.
//!
//! An export is deterministic (applications by id, fields in a fixed order), so exporting,
//! importing and exporting again gives the same bytes. An import is validated in full before
//! anything is written, and every problem names its place in the file
//! (`applications[3].rounds[0].date`). Planning an import ([`plan_import`]) is pure; the store
//! applies the plan after a snapshot. The format is described in `docs/backup-format.md`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::model::{Application, EventKind, Settings};
use super::store::{is_valid_id, StoreError};

/// The `format` field every backup carries.
pub const BACKUP_FORMAT: &str = "followup-backup";
/// The backup version this build writes and the newest it reads.
pub const BACKUP_VERSION: u64 = 1;
/// Files larger than this are refused before being parsed.
pub const MAX_BACKUP_BYTES: usize = 20 * 1024 * 1024;

/// A validated backup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    /// The exporter's timestamp, as written.
    pub exported_at: String,
    pub settings: Settings,
    /// By id, ids unique.
    pub applications: Vec<Application>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BackupDocument<'a> {
    format: &'a str,
    version: u64,
    exported_at: &'a str,
    settings: &'a Settings,
    applications: Vec<&'a Application>,
}

/// The backup document for `apps` and `settings`: pretty-printed JSON ending with a newline,
/// applications ordered by id.
pub fn export_backup(apps: &[Application], settings: &Settings, exported_at: &str) -> String {
    let mut applications: Vec<&Application> = apps.iter().collect();
    applications.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    let document = BackupDocument {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exported_at,
        settings,
        applications,
    };
    // Serialising these types cannot fail: every map has string keys and no field has a
    // fallible serialiser.
    let mut text =
        serde_json::to_string_pretty(&document).expect("backup types always serialize to JSON");
    text.push('\n');
    text
}

/// Where in a backup file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// A path like `applications[3].rounds[0].date`.
    pub path: String,
    /// The id of the application the path is in, when it has a readable one.
    pub app_id: Option<String>,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)?;
        if let Some(id) = &self.app_id {
            write!(f, " (application \"{id}\")")?;
        }
        Ok(())
    }
}

/// Why a backup file was refused. Nothing is written when a file is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Refused before parsing.
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    Empty,
    /// A CSV export (or another spreadsheet) was picked.
    LooksLikeCsv,
    /// A calendar file was picked.
    LooksLikeCalendar,
    /// Not JSON; `line` and `column` start at 1.
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    /// The JSON stops before it is complete: the file was cut short.
    Truncated {
        line: usize,
        column: usize,
    },
    /// A JSON file, but not a backup (`found`: its `format` field, if it has one).
    WrongFormat {
        found: Option<String>,
    },
    /// A backup of a newer version.
    FutureVersion {
        found: u64,
        supported: u64,
    },
    MissingField {
        place: Place,
    },
    WrongType {
        place: Place,
        expected: &'static str,
        found: &'static str,
    },
    /// The value has the right type but is not allowed (unknown event type, empty id...).
    InvalidValue {
        place: Place,
        message: String,
    },
    InvalidDate {
        place: Place,
        value: String,
    },
    /// Ids that appear more than once, each listed once.
    DuplicateIds {
        ids: Vec<String>,
    },
    /// The file is valid but storage refused the import.
    Storage(StoreError),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const PICK: &str = "Pick a Follow-up backup file (.json).";
        match self {
            ImportError::TooLarge { bytes, limit } => write!(
                f,
                "The file is {} MB; backups over {} MB are refused. {PICK}",
                super::export::tenths(*bytes as u64, super::export::MB),
                limit / (1024 * 1024)
            ),
            ImportError::Empty => write!(f, "The file is empty. {PICK}"),
            ImportError::LooksLikeCsv => write!(
                f,
                "This is a spreadsheet (CSV) file, not a backup: CSV exports cannot be \
                 imported. {PICK}"
            ),
            ImportError::LooksLikeCalendar => {
                write!(f, "This is a calendar (.ics) file, not a backup. {PICK}")
            }
            ImportError::NotJson {
                line,
                column,
                message,
            } => write!(
                f,
                "The file is not valid JSON (line {line}, column {column}: {message}). {PICK}"
            ),
            ImportError::Truncated { line, column } => write!(
                f,
                "The file ends too early (line {line}, column {column}): it was probably cut \
                 off while being copied or downloaded. Export the backup again."
            ),
            ImportError::WrongFormat { found: Some(found) } => write!(
                f,
                "This JSON file is of format \"{found}\", not a Follow-up backup \
                 (\"{BACKUP_FORMAT}\"). {PICK}"
            ),
            ImportError::WrongFormat { found: None } => write!(
                f,
                "This JSON file has no \"format\": \"{BACKUP_FORMAT}\" field, so it is not a \
                 Follow-up backup. {PICK}"
            ),
            ImportError::FutureVersion { found, supported } => write!(
                f,
                "This backup was written by a newer version of Follow-up (backup version \
                 {found}; this version reads up to {supported}). Update the extension, then \
                 import it again."
            ),
            ImportError::MissingField { place } => write!(f, "The backup is missing {place}."),
            ImportError::WrongType {
                place,
                expected,
                found,
            } => {
                write!(f, "At {place}: expected {expected}, found {found}.")
            }
            ImportError::InvalidValue { place, message } => write!(f, "At {place}: {message}."),
            ImportError::InvalidDate { place, value } => write!(
                f,
                "At {place}: \"{value}\" is not a valid date (expected YYYY-MM-DD)."
            ),
            ImportError::DuplicateIds { ids } => write!(
                f,
                "The backup lists these applications more than once: {}. Export the backup \
                 again, or keep one copy of each.",
                ids.join(", ")
            ),
            ImportError::Storage(error) => {
                write!(f, "The backup is valid but was not saved: {error}")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// Refuses a file by its size alone, so the caller can check before reading it.
pub fn check_size(bytes: usize) -> Result<(), ImportError> {
    if bytes > MAX_BACKUP_BYTES {
        return Err(ImportError::TooLarge {
            bytes,
            limit: MAX_BACKUP_BYTES,
        });
    }
    Ok(())
}

/// Reads and validates a backup file completely. The first problem found, in the order of the
/// file, is returned (duplicate ids are checked once every application has been read).
pub fn parse_backup(text: &str) -> Result<Backup, ImportError> {
    check_size(text.len())?;
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    sniff(body)?;
    let value: Value = serde_json::from_str(body).map_err(json_error)?;
    let Value::Object(mut root) = value else {
        return Err(ImportError::WrongFormat { found: None });
    };
    check_format(&root)?;
    check_version(&root)?;
    check_fields(&root, DOCUMENT, &Cursor::root())?;

    // Everything below was checked above; decoding can only fail where the checks and the
    // model disagree, and then still says where.
    let mut take = |name: &str| root.remove(name).unwrap_or(Value::Null);
    let exported_at: String = decode(take("exportedAt"), Cursor::root().field("exportedAt"))?;
    let settings: Settings = decode(take("settings"), Cursor::root().field("settings"))?;
    let list: Vec<Value> = decode(take("applications"), Cursor::root().field("applications"))?;
    let mut applications: Vec<Application> = Vec::with_capacity(list.len());
    for (index, value) in list.into_iter().enumerate() {
        let at = application_cursor(index, &value);
        applications.push(decode(value, at)?);
    }

    let mut seen = BTreeSet::new();
    let duplicates: BTreeSet<String> = applications
        .iter()
        .filter(|a| !seen.insert(a.id.as_str()))
        .map(|a| a.id.clone())
        .collect();
    if !duplicates.is_empty() {
        return Err(ImportError::DuplicateIds {
            ids: duplicates.into_iter().collect(),
        });
    }
    applications.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    Ok(Backup {
        exported_at,
        settings,
        applications,
    })
}

fn check_format(root: &Map<String, Value>) -> Result<(), ImportError> {
    match root.get("format") {
        Some(Value::String(format)) if format == BACKUP_FORMAT => Ok(()),
        Some(Value::String(format)) => Err(ImportError::WrongFormat {
            found: Some(format.clone()),
        }),
        Some(other) => Err(Cursor::root().field("format").wrong("text", other)),
        None => Err(ImportError::WrongFormat { found: None }),
    }
}

fn check_version(root: &Map<String, Value>) -> Result<(), ImportError> {
    let at = Cursor::root().field("version");
    let value = root
        .get("version")
        .ok_or_else(|| ImportError::MissingField { place: at.place() })?;
    match value.as_u64() {
        Some(found) if found > BACKUP_VERSION => Err(ImportError::FutureVersion {
            found,
            supported: BACKUP_VERSION,
        }),
        Some(0) => Err(ImportError::InvalidValue {
            place: at.place(),
            message: "0 is not a backup version".into(),
        }),
        Some(_) => Ok(()),
        None => Err(at.wrong("a whole number of 1 or more", value)),
    }
}

/// Catches the files most often picked by mistake before the JSON parser gives a less helpful
/// message about them.
fn sniff(body: &str) -> Result<(), ImportError> {
    let start = body.trim_start();
    if start.is_empty() {
        return Err(ImportError::Empty);
    }
    if start
        .get(..15)
        .is_some_and(|s| s.eq_ignore_ascii_case("BEGIN:VCALENDAR"))
    {
        return Err(ImportError::LooksLikeCalendar);
    }
    let first_line = start.lines().next().unwrap_or_default();
    let separated =
        first_line.contains(',') || first_line.contains(';') || first_line.contains('\t');
    if !first_line.starts_with(['{', '[']) && separated {
        return Err(ImportError::LooksLikeCsv);
    }
    Ok(())
}

fn json_error(error: serde_json::Error) -> ImportError {
    let (line, column) = (error.line(), error.column());
    if error.classify() == serde_json::error::Category::Eof {
        return ImportError::Truncated { line, column };
    }
    // serde_json appends " at line L column C" itself; the place is reported separately.
    let message = error.to_string();
    let message = match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message,
    };
    ImportError::NotJson {
        line,
        column,
        message,
    }
}

fn decode<T: for<'de> Deserialize<'de>>(value: Value, at: Cursor) -> Result<T, ImportError> {
    serde_json::from_value(value).map_err(|e| ImportError::InvalidValue {
        place: at.place(),
        message: e.to_string(),
    })
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// The shape a value must have. Fields not listed are ignored, so a backup with fields added
/// by a later build of the same version still imports.
enum Ty {
    Text,
    Flag,
    Count,
    Date,
    Nullable(&'static Ty),
    List(&'static Ty),
    Object(&'static [Field]),
    /// Text values under any keys.
    TextMap,
    OneOf(&'static [&'static str]),
    /// An event: its fields depend on its `type`.
    Event,
    /// An application: problems inside it also name its id.
    Application,
}

struct Field {
    name: &'static str,
    ty: Ty,
    required: bool,
}

const fn opt(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        required: false,
    }
}

const fn req(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        required: true,
    }
}

const MEDIUMS: &[&str] = &["email", "phone"];

/// The fields after `format` and `version`, which are checked first and on their own.
const DOCUMENT: &[Field] = &[
    req("exportedAt", Ty::Text),
    req("settings", Ty::Object(SETTINGS)),
    req("applications", Ty::List(&Ty::Application)),
];

const APPLICATION: &[Field] = &[
    req("id", Ty::Text),
    opt("revision", Ty::Count),
    opt("company", Ty::Text),
    opt("role", Ty::Text),
    opt("postingUrl", Ty::Text),
    opt("status", Ty::Text),
    opt("notes", Ty::Text),
    opt("medium", Ty::Nullable(&Ty::OneOf(MEDIUMS))),
    opt("noContact", Ty::Flag),
    opt("decisionDate", Ty::Nullable(&Ty::Date)),
    opt("appliedOn", Ty::Nullable(&Ty::Date)),
    opt("rounds", Ty::List(&Ty::Object(ROUND))),
    opt("contacts", Ty::List(&Ty::Object(CONTACT))),
    opt("history", Ty::List(&Ty::Event)),
];

const ROUND: &[Field] = &[
    opt("id", Ty::Text),
    req("date", Ty::Date),
    opt("kind", Ty::Text),
    opt("interviewers", Ty::List(&Ty::Object(INTERVIEWER))),
];

const INTERVIEWER: &[Field] = &[
    opt("contactId", Ty::Text),
    opt("points", Ty::List(&Ty::Text)),
];

const CONTACT: &[Field] = &[
    opt("id", Ty::Text),
    opt("name", Ty::Text),
    opt("title", Ty::Text),
    opt("email", Ty::Text),
    opt("phone", Ty::Text),
    opt("hiringManager", Ty::Flag),
    opt("reference", Ty::Flag),
];

const EVENT_TYPES: &[&str] = &EventKind::NAMES;

/// The fields of an event beyond `date` and `type`.
fn event_fields(kind: &str) -> &'static [Field] {
    const ACTION: &[Field] = &[req("action", Ty::Text)];
    const SNOOZED: &[Field] = &[req("action", Ty::Text), req("until", Ty::Date)];
    const REPLY: &[Field] = &[opt("decisionDate", Ty::Nullable(&Ty::Date))];
    const STATUS: &[Field] = &[req("from", Ty::Text), req("to", Ty::Text)];
    const NEWS: &[Field] = &[opt("note", Ty::Text)];
    match kind {
        "sent" | "skipped" => ACTION,
        "snoozed" => SNOOZED,
        "reply" => REPLY,
        "status" => STATUS,
        "positive-news" => NEWS,
        _ => &[],
    }
}

const SETTINGS: &[Field] = &[
    opt("bufferDays", Ty::Count),
    opt("thankYouCard", Ty::Flag),
    opt("holidays", Ty::Object(HOLIDAYS)),
    opt("defaultMedium", Ty::OneOf(MEDIUMS)),
    opt("remindAfterApplying", Ty::Nullable(&Ty::Count)),
    opt("profile", Ty::Object(PROFILE)),
    opt("templates", Ty::TextMap),
    opt("notifyAt", Ty::Nullable(&Ty::Text)),
    opt("syncSettings", Ty::Flag),
    opt("syncApplications", Ty::Flag),
];

const HOLIDAYS: &[Field] = &[
    opt("usFederal", Ty::Flag),
    opt("englandWales", Ty::Flag),
    opt("own", Ty::List(&Ty::Date)),
];

const PROFILE: &[Field] = &[
    opt("name", Ty::Text),
    opt("email", Ty::Text),
    opt("phone", Ty::Text),
    opt("signature", Ty::Text),
];

/// A position in the document being checked.
struct Cursor {
    path: String,
    app_id: Option<String>,
}

impl Cursor {
    fn root() -> Cursor {
        Cursor {
            path: String::new(),
            app_id: None,
        }
    }

    fn field(&self, name: &str) -> Cursor {
        let path = if self.path.is_empty() {
            name.to_string()
        } else {
            format!("{}.{name}", self.path)
        };
        Cursor {
            path,
            app_id: self.app_id.clone(),
        }
    }

    fn index(&self, i: usize) -> Cursor {
        Cursor {
            path: format!("{}[{i}]", self.path),
            app_id: self.app_id.clone(),
        }
    }

    fn place(&self) -> Place {
        Place {
            path: self.path.clone(),
            app_id: self.app_id.clone(),
        }
    }

    fn wrong(&self, expected: &'static str, found: &Value) -> ImportError {
        ImportError::WrongType {
            place: self.place(),
            expected,
            found: kind_of(found),
        }
    }
}

fn check(value: &Value, ty: &Ty, at: &Cursor) -> Result<(), ImportError> {
    match ty {
        Ty::Text => value
            .as_str()
            .map(|_| ())
            .ok_or_else(|| at.wrong("text", value)),
        Ty::Flag => value
            .as_bool()
            .map(|_| ())
            .ok_or_else(|| at.wrong("true or false", value)),
        Ty::Count => match value.as_u64() {
            Some(n) if u32::try_from(n).is_ok() => Ok(()),
            Some(n) => Err(ImportError::InvalidValue {
                place: at.place(),
                message: format!("{n} is too large"),
            }),
            None => Err(at.wrong("a whole number of 0 or more", value)),
        },
        Ty::Date => {
            let text = value
                .as_str()
                .ok_or_else(|| at.wrong("a date (YYYY-MM-DD)", value))?;
            text.parse::<chrono::NaiveDate>()
                .map(|_| ())
                .map_err(|_| ImportError::InvalidDate {
                    place: at.place(),
                    value: text.to_string(),
                })
        }
        Ty::Nullable(inner) => match value {
            Value::Null => Ok(()),
            other => check(other, inner, at),
        },
        Ty::List(item) => {
            let items = value.as_array().ok_or_else(|| at.wrong("a list", value))?;
            items
                .iter()
                .enumerate()
                .try_for_each(|(i, v)| check(v, item, &at.index(i)))
        }
        Ty::Object(fields) => {
            let object = value
                .as_object()
                .ok_or_else(|| at.wrong("an object", value))?;
            check_fields(object, fields, at)
        }
        Ty::TextMap => {
            let object = value
                .as_object()
                .ok_or_else(|| at.wrong("an object", value))?;
            object
                .iter()
                .try_for_each(|(k, v)| check(v, &Ty::Text, &at.field(k)))
        }
        Ty::OneOf(allowed) => {
            let text = value.as_str().ok_or_else(|| at.wrong("text", value))?;
            if allowed.contains(&text) {
                Ok(())
            } else {
                Err(ImportError::InvalidValue {
                    place: at.place(),
                    message: format!("\"{text}\" is not one of {}", allowed.join(", ")),
                })
            }
        }
        Ty::Event => {
            let object = value
                .as_object()
                .ok_or_else(|| at.wrong("an object", value))?;
            check_fields(
                object,
                &[req("date", Ty::Date), req("type", Ty::OneOf(EVENT_TYPES))],
                at,
            )?;
            let kind = object
                .get("type")
                .and_then(Value::as_str)
                .unwrap_or_default();
            check_fields(object, event_fields(kind), at)
        }
        Ty::Application => {
            let object = value
                .as_object()
                .ok_or_else(|| at.wrong("an object", value))?;
            let at = Cursor {
                path: at.path.clone(),
                app_id: object.get("id").and_then(Value::as_str).map(str::to_string),
            };
            check_fields(object, APPLICATION, &at)?;
            if at.app_id.as_deref().is_some_and(str::is_empty) {
                return Err(ImportError::InvalidValue {
                    place: at.field("id").place(),
                    message: "every application needs a non-empty id".into(),
                });
            }
            if at.app_id.as_deref().is_some_and(|id| !is_valid_id(id)) {
                return Err(ImportError::InvalidValue {
                    place: at.field("id").place(),
                    message: "an application id cannot contain control characters (line \
                              breaks, tabs, NUL)"
                        .into(),
                });
            }
            Ok(())
        }
    }
}

/// The position of the application at `index`, named by its id when it has one.
fn application_cursor(index: usize, value: &Value) -> Cursor {
    Cursor {
        path: format!("applications[{index}]"),
        app_id: value.get("id").and_then(Value::as_str).map(str::to_string),
    }
}

fn check_fields(
    object: &Map<String, Value>,
    fields: &[Field],
    at: &Cursor,
) -> Result<(), ImportError> {
    for field in fields {
        match object.get(field.name) {
            Some(value) => check(value, &field.ty, &at.field(field.name))?,
            None if field.required => {
                return Err(ImportError::MissingField {
                    place: at.field(field.name).place(),
                })
            }
            None => {}
        }
    }
    Ok(())
}

/// How an import treats the applications already stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ImportMode {
    /// Add new applications and update existing ones; keep the rest and the current settings.
    Merge,
    /// Make storage hold exactly the backup: its applications and its settings.
    Replace,
}

/// An application to delete, with the revision it was planned against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppRef {
    pub id: String,
    pub revision: u32,
}

/// Why an application of the backup was not written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    rename_all = "kebab-case",
    tag = "kind",
    rename_all_fields = "camelCase"
)]
pub enum SkipReason {
    /// The stored application already holds the same data.
    Identical,
    /// The stored application has been edited more times than the backup's copy (merge only).
    OlderRevision { stored: u32, incoming: u32 },
}

/// One application not written, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    pub id: String,
    pub reason: SkipReason,
}

/// What an import does, by application id.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub added: Vec<String>,
    pub updated: Vec<String>,
    pub skipped: Vec<Skipped>,
    pub deleted: Vec<String>,
    pub settings_replaced: bool,
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} added, {} updated, {} unchanged or older, {} removed",
            self.added.len(),
            self.updated.len(),
            self.skipped.len(),
            self.deleted.len()
        )?;
        if self.settings_replaced {
            f.write_str("; settings restored")?;
        }
        Ok(())
    }
}

/// One application an import writes, and the stored revision it replaces (0: none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlannedWrite {
    /// The backup's copy, with the backup's revision.
    pub app: Application,
    pub base_revision: u32,
}

/// The writes an import makes. The store checks each against the stored revision it was
/// planned on (a record changed since refuses the whole import) and stores the larger of the
/// backup's revision and the stored one plus one: revisions only grow, and an import into
/// empty storage keeps the backup's revisions, so exporting again gives the same file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportPlan {
    pub to_write: Vec<PlannedWrite>,
    pub to_delete: Vec<AppRef>,
    /// Settings to store (replace mode only).
    pub settings: Option<Settings>,
    pub report: ImportReport,
}

/// Plans importing `backup` over the `existing` applications.
///
/// Both modes match applications by id: one that is not stored is added; one whose data
/// (apart from its revision) equals the stored one is skipped as identical. In merge mode a
/// backup copy with a lower revision than the stored one is skipped as older (the stored one
/// has been edited since), otherwise it replaces the stored one. Replace mode writes every
/// backup copy that differs, deletes stored applications the backup does not have, and takes
/// the backup's settings.
pub fn plan_import(existing: &[Application], backup: &Backup, mode: ImportMode) -> ImportPlan {
    let stored: BTreeMap<&str, &Application> =
        existing.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut plan = ImportPlan::default();
    for incoming in &backup.applications {
        let Some(current) = stored.get(incoming.id.as_str()) else {
            plan.report.added.push(incoming.id.clone());
            plan.to_write.push(PlannedWrite {
                app: incoming.clone(),
                base_revision: 0,
            });
            continue;
        };
        let same = Application {
            revision: current.revision,
            ..incoming.clone()
        } == **current;
        if same {
            plan.report.skipped.push(Skipped {
                id: incoming.id.clone(),
                reason: SkipReason::Identical,
            });
        } else if mode == ImportMode::Merge && incoming.revision < current.revision {
            plan.report.skipped.push(Skipped {
                id: incoming.id.clone(),
                reason: SkipReason::OlderRevision {
                    stored: current.revision,
                    incoming: incoming.revision,
                },
            });
        } else {
            plan.report.updated.push(incoming.id.clone());
            plan.to_write.push(PlannedWrite {
                app: incoming.clone(),
                base_revision: current.revision,
            });
        }
    }
    if mode == ImportMode::Replace {
        let incoming: BTreeSet<&str> = backup.applications.iter().map(|a| a.id.as_str()).collect();
        for gone in existing
            .iter()
            .filter(|a| !incoming.contains(a.id.as_str()))
        {
            plan.report.deleted.push(gone.id.clone());
            plan.to_delete.push(AppRef {
                id: gone.id.clone(),
                revision: gone.revision,
            });
        }
        plan.settings = Some(backup.settings.clone());
        plan.report.settings_replaced = true;
    }
    plan
}
