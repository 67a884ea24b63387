//! Backups: one JSON document holding the settings and every application, and the import of
//! such a document back into storage.
//!
//! An export is deterministic (applications by id, fields in a fixed order), so exporting,
//! importing and exporting again gives the same bytes. An import is validated in full before
//! anything is written, and every problem names its place in the file
//! (`applications[3].rounds[0].date`). Planning an import ([`plan_import`]) is pure; the store
//! applies the plan after a snapshot. The format is described in `docs/backup-format.md`.
//!
//! - [`error`]: why a file is refused, and where.
//! - [`parse`]: reading a file, validated by the serde model itself.
//! - [`import`]: planning an import and writing it.
//!
//! This module sits on top of [`super::store`]; the store knows nothing of backup files.

mod error;
mod import;
mod indent;
mod locate;
mod parse;

use serde::Serialize;

use super::model::{Application, Settings};

use crate::core::sort;

pub use error::{ImportError, Invalid, Place, VALUE_WORDS};
pub use import::{
    plan_import, plan_import_batch, prepare_import_write, AppRef, ImportMode, ImportPlan,
    ImportReport, PlannedWrite, SkipReason, Skipped,
};
pub use parse::{check_size, parse_backup};

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
    sort::sort_by(&mut applications, |a, b| a.id.cmp(&b.id));
    let document = BackupDocument {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exported_at,
        settings,
        applications,
    };
    // Serialising these types cannot fail: every map has string keys and no field has a
    // fallible serialiser.
    let compact = serde_json::to_string(&document).expect("backup types always serialize to JSON");
    let mut text = indent::indent(&compact);
    text.push('\n');
    text
}
