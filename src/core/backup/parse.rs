//! Reading a backup file: the files most often picked by mistake are recognised first, then the
//! JSON, its `format` and `version`, and then the document is read by the serde model itself
//! (the same types, through the same serde_json reader, storage and messages use), with
//! [`locate`](super::locate) turning the line and column of its refusal into the place in the
//! document. The refusal is turned into the user's words: the place, what was expected and what
//! was found, read from the file.

use std::collections::BTreeSet;

use serde::Deserialize;
use serde_json::{Map, Value};

use super::locate::{offset_of, path_at, Step};
use super::{Backup, ImportError, Invalid, Place, BACKUP_FORMAT, BACKUP_VERSION, MAX_BACKUP_BYTES};
use crate::core::model::{Application, Contact, Event, EventKind, Interviewer, Round, Settings};
use crate::core::sort;
use crate::core::store::is_valid_id;

/// The document after `format` and `version`, which are checked first and on their own.
/// Fields not listed here or in the model are ignored, so a backup with fields added by a later
/// build of the same version still imports.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Document {
    exported_at: String,
    settings: Settings,
    applications: Vec<Application>,
}

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

/// Reads and validates a backup file completely. The first problem found is returned
/// (duplicate ids are checked once every application has been read).
pub fn parse_backup(text: &str) -> Result<Backup, ImportError> {
    check_size(text.len())?;
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    sniff(body)?;
    let value: Value = serde_json::from_str(body).map_err(json_error)?;
    let Value::Object(root) = &value else {
        return Err(ImportError::WrongFormat { found: None });
    };
    check_format(root)?;
    check_version(root)?;
    check_objects(&value, &model_shape(), &mut String::new(), None)?;
    let document: Document = serde_json::from_str(body).map_err(|e| refusal(&value, body, &e))?;
    let list = root.get("applications").and_then(Value::as_array);
    for (index, app) in list.into_iter().flatten().enumerate() {
        check_application(index, app)?;
    }

    let mut applications = document.applications;
    let mut seen = BTreeSet::new();
    let duplicates: BTreeSet<String> = sort::set(
        applications
            .iter()
            .filter(|a| !seen.insert(a.id.as_str()))
            .map(|a| a.id.clone()),
    );
    if !duplicates.is_empty() {
        return Err(ImportError::DuplicateIds {
            ids: duplicates.into_iter().collect(),
        });
    }
    sort::sort_by(&mut applications, |a, b| a.id.cmp(&b.id));
    Ok(Backup {
        exported_at: document.exported_at,
        settings: document.settings,
        applications,
    })
}

fn check_format(root: &Map<String, Value>) -> Result<(), ImportError> {
    match root.get("format") {
        Some(Value::String(format)) if format == BACKUP_FORMAT => Ok(()),
        Some(Value::String(format)) => Err(ImportError::WrongFormat {
            found: Some(format.clone()),
        }),
        Some(other) => Err(wrong(place("format", None), "text", other)),
        None => Err(ImportError::WrongFormat { found: None }),
    }
}

fn check_version(root: &Map<String, Value>) -> Result<(), ImportError> {
    let at = || place("version", None);
    let value = root
        .get("version")
        .ok_or_else(|| ImportError::MissingField { place: at() })?;
    match value.as_u64() {
        Some(found) if found > BACKUP_VERSION => Err(ImportError::FutureVersion {
            found,
            supported: BACKUP_VERSION,
        }),
        Some(0) => Err(ImportError::InvalidValue {
            place: at(),
            message: Invalid::VersionZero,
        }),
        Some(_) => Ok(()),
        None => Err(wrong(at(), "a whole number of 1 or more", value)),
    }
}

/// The model's shape: every object and list of a backup, as the model writes them (one item in
/// each list), to compare a file with.
fn model_shape() -> Value {
    let application = Application {
        rounds: vec![Round {
            interviewers: vec![Interviewer::default()],
            ..Round::default()
        }],
        contacts: vec![Contact::default()],
        history: vec![Event {
            date: chrono::NaiveDate::MIN,
            kind: EventKind::ReferencesRequested,
        }],
        ..Application::default()
    };
    // Written and read back as text, through the same serialiser as storage.
    let text = format!(
        r#"{{"settings":{},"applications":[{}]}}"#,
        serde_json::to_string(&Settings::default()).unwrap_or_default(),
        serde_json::to_string(&application).unwrap_or_default()
    );
    serde_json::from_str(&text).unwrap_or_default()
}

/// Refuses a list where the model has an object. serde would read such a list by position,
/// as the fields in their order, which no backup writes and no one means.
fn check_objects(
    value: &Value,
    shape: &Value,
    path: &mut String,
    app_id: Option<&str>,
) -> Result<(), ImportError> {
    match (value, shape) {
        (Value::Array(_), Value::Object(_)) => Err(wrong(place(path, app_id), "an object", value)),
        (Value::Object(fields), Value::Object(shapes)) => {
            for (name, field) in fields {
                let Some(shape) = shapes.get(name) else {
                    continue;
                };
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(name);
                check_objects(field, shape, path, app_id)?;
                path.truncate(len);
            }
            Ok(())
        }
        (Value::Array(items), Value::Array(shapes)) => {
            let Some(shape) = shapes.first() else {
                return Ok(());
            };
            for (index, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{index}]"));
                // An application's id names the places inside it.
                let id = if path.as_str() == format!("applications[{index}]") {
                    item.get("id").and_then(Value::as_str)
                } else {
                    app_id
                };
                check_objects(item, shape, path, id)?;
                path.truncate(len);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// What a backup must carry although the model has a default for it (the model also reads
/// records being edited): every application's id and every round's date. And an id must be
/// one storage can keep apart from the others.
fn check_application(index: usize, app: &Value) -> Result<(), ImportError> {
    let id = app.get("id").and_then(Value::as_str);
    let at = |path: String| place(&path, id);
    let Some(id) = id else {
        return Err(ImportError::MissingField {
            place: at(format!("applications[{index}].id")),
        });
    };
    let rounds = app.get("rounds").and_then(Value::as_array);
    for (r, round) in rounds.into_iter().flatten().enumerate() {
        if round.get("date").is_none() {
            return Err(ImportError::MissingField {
                place: at(format!("applications[{index}].rounds[{r}].date")),
            });
        }
    }
    let message = if id.is_empty() {
        Invalid::EmptyId
    } else if !is_valid_id(id) {
        Invalid::ControlId
    } else {
        return Ok(());
    };
    Err(ImportError::InvalidValue {
        place: at(format!("applications[{index}].id")),
        message,
    })
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

fn place(path: &str, app_id: Option<&str>) -> Place {
    Place {
        path: path.to_string(),
        app_id: app_id.map(str::to_string),
    }
}

fn wrong(place: Place, expected: &'static str, found: &Value) -> ImportError {
    ImportError::WrongType {
        place,
        expected,
        found: kind_of(found),
    }
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

/// The user's words for what serde expected (the `expected ...` of its message).
fn expected_words(serde_expected: &str) -> &'static str {
    match serde_expected {
        "a string" => "text",
        "a boolean" => "true or false",
        "u32" => "a whole number of 0 or more",
        "a sequence" => "a list",
        "a formatted date string" => "a date (YYYY-MM-DD)",
        "string or map" => "text",
        e if e.starts_with("struct ") || e == "a map" => "an object",
        _ => "another kind of value",
    }
}

/// The model's refusal of the document, in the user's words. serde reports what it expected as
/// text (`invalid type: string "yes", expected a boolean`); what was found, and the id of the
/// application the place is in, are read from the file at the place serde names.
fn refusal(root: &Value, body: &str, error: &serde_json::Error) -> ImportError {
    let mut path = String::new();
    let mut at = Some(root);
    let message = error.to_string();
    let mut offset = offset_of(body, error.line(), error.column());
    // This one refusal is placed just after the first character of the value it refuses.
    if message.starts_with("expected value at ") {
        offset = offset.saturating_sub(1);
    }
    for step in path_at(body, offset) {
        match step {
            Step::Index(index) => {
                path.push_str(&format!("[{index}]"));
                at = at.and_then(|v| v.get(index));
            }
            Step::Key(key) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&key);
                at = at.and_then(|v| v.get(&key));
            }
        }
    }
    let app_id = path
        .strip_prefix("applications[")
        .and_then(|rest| rest.split(']').next())
        .and_then(|index| index.parse::<usize>().ok())
        .and_then(|index| root.get("applications")?.get(index)?.get("id")?.as_str());
    let field = |name: &str| {
        let path = if path.is_empty() {
            name.to_string()
        } else {
            format!("{path}.{name}")
        };
        place(&path, app_id)
    };
    let here = place(&path, app_id);
    // serde_json appends the line and column; the place is reported instead.
    let position = format!(" at line {} column {}", error.line(), error.column());
    let message = message
        .strip_suffix(&position)
        .map_or(message.clone(), str::to_string);

    if let Some(name) = between(&message, "missing field `", "`") {
        return ImportError::MissingField { place: field(name) };
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        // An event names its kind in its `type` field; other choices are the value itself.
        let place = match at {
            Some(Value::Object(_)) => field("type"),
            _ => here,
        };
        // serde lists the choices as "`a`", "`a` or `b`" or "one of `a`, `b`, `c`".
        let (found, allowed) = rest.split_once("`, expected ").unwrap_or((rest, ""));
        let allowed = allowed.trim_start_matches("one of ").replace(" or ", ", ");
        return ImportError::InvalidValue {
            place,
            message: Invalid::NotOneOf {
                found: found.to_string(),
                allowed: allowed.replace('`', ""),
            },
        };
    }
    // Where a choice (`medium`, `language`...) is not text, serde_json's reader says only
    // "expected value"; serde's own words for it are "string or map" ("map with a single key"
    // for an object), worded below like every other expectation.
    let expected = match (at, message.as_str()) {
        (Some(Value::Object(_)), "expected value") => Some("map with a single key"),
        (Some(_), "expected value") => Some("string or map"),
        _ => message.rsplit_once(", expected ").map(|(_, e)| e),
    };
    match (at, expected) {
        // A whole number of the right kind, only too large to be kept.
        (Some(Value::Number(n)), Some("u32")) if n.as_u64().is_some() => {
            ImportError::InvalidValue {
                place: here,
                message: Invalid::TooLarge {
                    number: n.to_string(),
                },
            }
        }
        (Some(found), Some(expected)) => wrong(here, expected_words(expected), found),
        // Only a date refuses text it was given: every other text field of the model takes any
        // text, and fields with a fixed set of choices are reported above.
        (Some(Value::String(text)), None) if text.parse::<chrono::NaiveDate>().is_err() => {
            ImportError::InvalidDate {
                place: here,
                value: text.clone(),
            }
        }
        _ => ImportError::InvalidValue {
            place: here,
            message: Invalid::Other(message),
        },
    }
}

/// The text between `start` and the next `end` in `text`, if `text` has them.
fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = &text[text.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}
