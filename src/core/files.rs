//! The files the user can download: for each kind of export, its file name, media type and
//! text, built from the stored applications and settings. The pages only hand the text to the
//! browser; which planner run, which CSV options and which timestamp go into each file is
//! decided here.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::Serialize;

use super::backup;
use super::export::{self, CsvOptions};
use super::insights::Insights;
use super::model::{Application, Settings};
use super::plan;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// The backup JSON (`docs/backup-format.md`), the only file that can be imported again.
    Backup,
    /// One row per application (`export::applications_csv`).
    ApplicationsCsv,
    /// The job-search log: one row per contact with an employer (`export::job_search_log_csv`).
    LogCsv,
    /// The plan as an iCalendar file: every action still to do and every interview.
    Ics,
    /// The figures of the insights page (`insights::Insights::csv`).
    InsightsCsv,
}

impl ExportKind {
    pub const ALL: [ExportKind; 5] = [
        ExportKind::Backup,
        ExportKind::ApplicationsCsv,
        ExportKind::LogCsv,
        ExportKind::Ics,
        ExportKind::InsightsCsv,
    ];

    /// The name pages pass to `exportFile`.
    pub fn as_str(self) -> &'static str {
        match self {
            ExportKind::Backup => "backup",
            ExportKind::ApplicationsCsv => "applications-csv",
            ExportKind::LogCsv => "log-csv",
            ExportKind::Ics => "ics",
            ExportKind::InsightsCsv => "insights-csv",
        }
    }
}

/// An export kind name that does not exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownExport(pub String);

impl fmt::Display for UnknownExport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let known: Vec<&str> = ExportKind::ALL.iter().map(|k| k.as_str()).collect();
        write!(
            f,
            "There is no export called \"{}\" (known: {}).",
            self.0,
            known.join(", ")
        )
    }
}

impl std::error::Error for UnknownExport {}

impl FromStr for ExportKind {
    type Err = UnknownExport;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ExportKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| UnknownExport(s.to_string()))
    }
}

/// A file ready to download: `{filename, mime, text}` once serialized.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportFile {
    /// `followup-<what>-<YYYY-MM-DD>.<ext>`, dated `today`.
    pub filename: String,
    /// The media type, with the charset for text types.
    pub mime: String,
    pub text: String,
}

/// Builds one export. `today` dates the plan and the file name; `now` (an ISO 8601 UTC
/// timestamp) is the backup's `exportedAt` and the calendar's `DTSTAMP`. CSV files start with
/// a byte-order mark so that Excel reads accented names correctly; other spreadsheets ignore it.
pub fn export_file(
    kind: ExportKind,
    apps: &[Application],
    settings: &Settings,
    today: NaiveDate,
    now: &str,
) -> ExportFile {
    let csv = CsvOptions { excel_bom: true };
    let named = |what: &str, ext: &str, mime: &str, text: String| ExportFile {
        filename: format!("followup-{what}-{today}.{ext}"),
        mime: mime.to_string(),
        text,
    };
    match kind {
        ExportKind::Backup => named(
            "backup",
            "json",
            "application/json",
            backup::export_backup(apps, settings, now),
        ),
        ExportKind::ApplicationsCsv => {
            let plan = plan::plan(apps, settings, today);
            named(
                "applications",
                "csv",
                "text/csv;charset=utf-8",
                export::applications_csv(apps, &plan.actions, csv),
            )
        }
        ExportKind::LogCsv => {
            let plan = plan::plan(apps, settings, today);
            named(
                "job-search-log",
                "csv",
                "text/csv;charset=utf-8",
                export::job_search_log_csv(apps, &plan.actions, csv),
            )
        }
        ExportKind::Ics => {
            let plan = plan::plan(apps, settings, today);
            let describe = |action: &crate::core::model::Action| match apps
                .iter()
                .find(|a| a.id == action.app_id)
            {
                Some(app) => (
                    export::action_title(app, action),
                    plan::explain(action, app),
                ),
                None => (export::kind_label(action.kind).to_string(), String::new()),
            };
            // DTSTAMP is whole seconds: drop the fraction of an ISO timestamp.
            let stamp = match now.find('.') {
                Some(dot) => format!("{}Z", &now[..dot]),
                None => now.to_string(),
            };
            named(
                "plan",
                "ics",
                "text/calendar;charset=utf-8",
                export::export_ics(apps, &plan.actions, &describe, &stamp),
            )
        }
        ExportKind::InsightsCsv => {
            let plan = plan::plan(apps, settings, today);
            let figures = Insights::from_actions(apps, &plan.actions, today).csv();
            named(
                "insights",
                "csv",
                "text/csv;charset=utf-8",
                format!("\u{feff}{figures}"),
            )
        }
    }
}
