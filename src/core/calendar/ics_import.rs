//! Public holidays from a calendar file (.ics, RFC 5545), as governments and calendar
//! services publish them, added to the user's own days off.
//!
//! Only all-day events count: `DTSTART;VALUE=DATE` (or a bare `YYYYMMDD`), lasting until the
//! day before `DTEND` or for `DURATION` days, one day when neither is given. Timed events,
//! cancelled events, to-dos and everything else are skipped and counted. A file that is not a
//! calendar, has a line that cannot be read, or is larger than [`MAX_ICS_BYTES`] is refused
//! as a whole and nothing changes. Recurrence rules are not expanded: the published holiday
//! files list each year's dates.
//!
//! The reading is written here rather than taken from a crate: it needs only line unfolding,
//! the split of a property at its first unquoted colon and the nesting of `BEGIN`/`END`, and
//! in the WebAssembly the `ical` crate (0.11) cost 41 KB (17.5 KB gzipped) against 15 KB
//! (6.3 KB) for this module, whose tests are the same.

use std::fmt;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::core::model::HolidaySettings;
use crate::core::sort;
use crate::core::words::{Arg, Coded};

/// The largest file read. A public-holiday calendar for a decade is well under 100 KB; a
/// file past this is something else, and is refused before it is read.
pub const MAX_ICS_BYTES: usize = 1024 * 1024;

/// The longest all-day event taken as days off (a season of school holidays); longer ones
/// are skipped so that one wrong `DTEND` cannot fill years with days off.
const MAX_EVENT_DAYS: u64 = 92;

/// Why a file was refused. The interface words each through `_locales`
/// (it is [`Coded`], placeholders named after the fields).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(
    tag = "code",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase"
)]
pub enum IcsImportError {
    /// Larger than [`MAX_ICS_BYTES`]; sizes in KB, rounded up.
    TooLarge { size_kb: u64, limit_kb: u64 },
    /// No `BEGIN:VCALENDAR` at the start: a CSV, a backup or a picture picked by mistake.
    NotACalendar,
    /// A calendar with a line that cannot be read (1-based, after unfolding).
    UnreadableLine { line: u32 },
    /// A calendar cut short or with its parts out of order.
    Damaged,
    /// A calendar without a single all-day event.
    NoAllDayEvents { skipped: u32 },
}

impl IcsImportError {
    /// The `_locales` message that words it.
    pub fn message_key(&self) -> &'static str {
        self.key()
    }

    /// The message's placeholders and their values, as text.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        self.coded_args()
            .into_iter()
            .map(|(name, arg)| (name, arg.to_string()))
            .collect()
    }
}

impl Coded for IcsImportError {
    fn key(&self) -> &'static str {
        match self {
            IcsImportError::TooLarge { .. } => "icsTooLarge",
            IcsImportError::NotACalendar => "icsNotACalendar",
            IcsImportError::UnreadableLine { .. } => "icsUnreadableLine",
            IcsImportError::Damaged => "icsDamaged",
            IcsImportError::NoAllDayEvents { .. } => "icsNoAllDayEvents",
        }
    }

    fn coded_args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            IcsImportError::TooLarge { size_kb, limit_kb } => vec![
                ("size", Arg::Number(*size_kb)),
                ("limit", Arg::Number(*limit_kb)),
            ],
            IcsImportError::NotACalendar | IcsImportError::Damaged => Vec::new(),
            IcsImportError::UnreadableLine { line } => vec![("line", Arg::Number((*line).into()))],
            IcsImportError::NoAllDayEvents { skipped } => {
                vec![("skipped", Arg::Number((*skipped).into()))]
            }
        }
    }
}

/// The English wording, for logs; the same text as `_locales/en` (checked by a test).
impl fmt::Display for IcsImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IcsImportError::TooLarge { size_kb, limit_kb } => write!(
                f,
                "This file is {size_kb} KB; a holiday calendar is at most {limit_kb} KB. Nothing was imported."
            ),
            IcsImportError::NotACalendar => f.write_str(
                "This file is not a calendar (.ics). Nothing was imported. Choose a calendar file of public holidays.",
            ),
            IcsImportError::UnreadableLine { line } => write!(
                f,
                "Line {line} of this calendar cannot be read. Nothing was imported."
            ),
            IcsImportError::Damaged => f.write_str(
                "This calendar file is incomplete or damaged. Nothing was imported. Download it again.",
            ),
            IcsImportError::NoAllDayEvents { skipped } => write!(
                f,
                "This calendar has no all-day events ({skipped} other entries skipped). Nothing was imported."
            ),
        }
    }
}

impl std::error::Error for IcsImportError {}

/// The days off found in a calendar file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IcsHolidays {
    /// Every day of every all-day event, in order, once each.
    pub dates: Vec<NaiveDate>,
    /// Events skipped: timed, cancelled, undated or too long.
    pub skipped: u32,
}

/// What an import added, for the confirmation the user sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IcsImportSummary {
    /// Days off that were not in the list before.
    pub added: u32,
    /// Days off the list already had.
    pub already: u32,
    pub skipped: u32,
}

/// Reads the all-day events of a calendar file.
pub fn parse_holiday_ics(text: &str) -> Result<IcsHolidays, IcsImportError> {
    if text.len() > MAX_ICS_BYTES {
        return Err(IcsImportError::TooLarge {
            size_kb: (text.len() as u64).div_ceil(1024),
            limit_kb: (MAX_ICS_BYTES as u64) / 1024,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut found = IcsHolidays::default();
    let mut depth: Vec<String> = Vec::new();
    let mut event: Option<Vec<(String, String)>> = None;
    let mut first = true;
    for (number, line) in unfold(text) {
        let Some((head, value)) = split_property(&line) else {
            if first {
                return Err(IcsImportError::NotACalendar);
            }
            return Err(IcsImportError::UnreadableLine { line: number });
        };
        let name = head.split(';').next().unwrap_or("").to_ascii_uppercase();
        if first {
            if name != "BEGIN" || !value.eq_ignore_ascii_case("VCALENDAR") {
                return Err(IcsImportError::NotACalendar);
            }
            first = false;
        }
        match name.as_str() {
            "BEGIN" => {
                if value.eq_ignore_ascii_case("VEVENT") {
                    event = Some(Vec::new());
                } else if depth.len() == 1 {
                    found.skipped += u32::from(
                        value.eq_ignore_ascii_case("VTODO")
                            || value.eq_ignore_ascii_case("VJOURNAL"),
                    );
                }
                depth.push(value.to_ascii_uppercase());
            }
            "END" => {
                if depth.pop().as_deref() != Some(&value.to_ascii_uppercase()) {
                    return Err(IcsImportError::Damaged);
                }
                if value.eq_ignore_ascii_case("VEVENT") {
                    if let Some(props) = event.take() {
                        match event_days(&props) {
                            Some(days) => found.dates.extend(days),
                            None => found.skipped += 1,
                        }
                    }
                }
            }
            _ => {
                if let Some(props) = event.as_mut() {
                    if depth.last().map(String::as_str) == Some("VEVENT") {
                        props.push((name, value.to_string()));
                    }
                }
            }
        }
    }
    if first {
        return Err(IcsImportError::NotACalendar);
    }
    if !depth.is_empty() {
        return Err(IcsImportError::Damaged);
    }
    sort::sort(&mut found.dates);
    found.dates.dedup();
    if found.dates.is_empty() {
        return Err(IcsImportError::NoAllDayEvents {
            skipped: found.skipped,
        });
    }
    Ok(found)
}

/// `holidays` with the all-day events of `text` added to the user's own days off, and what was
/// added; `holidays` itself is left as it is, so a refusal changes nothing.
pub fn import_holiday_ics(
    holidays: &HolidaySettings,
    text: &str,
) -> Result<(HolidaySettings, IcsImportSummary), IcsImportError> {
    let found = parse_holiday_ics(text)?;
    let mut next = holidays.clone();
    let mut summary = IcsImportSummary {
        added: 0,
        already: 0,
        skipped: found.skipped,
    };
    for date in found.dates {
        if next.own.contains(&date) {
            summary.already += 1;
        } else {
            next.own.push(date);
            summary.added += 1;
        }
    }
    sort::sort(&mut next.own);
    Ok((next, summary))
}

/// The logical lines of `text` with the number of the physical line each starts on: a line
/// starting with a space or tab continues the one before (RFC 5545, 3.1); blank lines go.
fn unfold(text: &str) -> Vec<(u32, String)> {
    let mut out: Vec<(u32, String)> = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        match (raw.strip_prefix([' ', '\t']), out.last_mut()) {
            (Some(rest), Some(last)) => last.1.push_str(rest),
            _ if raw.trim().is_empty() => {}
            _ => out.push((u32::try_from(i + 1).unwrap_or(u32::MAX), raw.to_string())),
        }
    }
    out
}

/// A content line's name with its parameters, and its value: split at the first colon that is
/// not inside a quoted parameter value. `None` for a line without one.
fn split_property(line: &str) -> Option<(&str, &str)> {
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => return Some((&line[..i], &line[i + 1..])),
            _ => {}
        }
    }
    None
}

/// The days an all-day event covers, from its properties (upper-case names, values);
/// `None` for events that are not days off.
fn event_days(props: &[(String, String)]) -> Option<Vec<NaiveDate>> {
    let property = |name: &str| props.iter().find(|p| p.0 == name).map(|p| p.1.as_str());
    if property("STATUS").is_some_and(|v| v.eq_ignore_ascii_case("CANCELLED")) {
        return None;
    }
    let start = all_day_date(property("DTSTART")?)?;
    let days = match property("DTEND").and_then(all_day_date) {
        Some(end) => u64::try_from((end - start).num_days()).ok()?,
        None => property("DURATION").and_then(duration_days).unwrap_or(1),
    };
    if days > MAX_EVENT_DAYS {
        return None;
    }
    let days = days.max(1);
    (0..days)
        .map(|n| start.checked_add_days(Days::new(n)))
        .collect()
}

/// A `YYYYMMDD` date value; date-times (`...T120000`) are not all-day.
fn all_day_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    if value.len() != 8 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Eight digits, so the parts are numbers; read directly rather than through chrono's
    // format-string parser, which would be compiled into the WebAssembly for this one call.
    let part = |range: std::ops::Range<usize>| value[range].parse::<u32>().ok();
    let year = i32::try_from(part(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, part(4..6)?, part(6..8)?)
}

/// Whole days of a `P<n>D` or `P<n>W` duration.
fn duration_days(value: &str) -> Option<u64> {
    let rest = value.trim().strip_prefix('P')?;
    if let Some(days) = rest.strip_suffix('D') {
        days.parse().ok()
    } else {
        rest.strip_suffix('W')?.parse::<u64>().ok()?.checked_mul(7)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_day_dates_read_as_chrono_reads_them() {
        for value in [
            "20260814",
            "20260230",
            "20261301",
            "20260100",
            "00000101",
            "99991231",
            "2026081",
            "2026-08-1",
            " 20240229 ",
            "20230229",
            "2026081a",
        ] {
            let chrono = NaiveDate::parse_from_str(value.trim(), "%Y%m%d").ok();
            let expected = chrono.filter(|_| value.trim().len() == 8);
            assert_eq!(all_day_date(value), expected, "{value}");
        }
    }
}
