//! Importing a validated backup: which applications to add, update, skip or delete
//! ([`plan_import`], pure), the checked writes that carry it out ([`plan_import_batch`]), and
//! the [`Store`] methods that run both.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::de::Error;
use serde::{Deserialize, Deserializer, Serialize};

use super::{export_backup, parse_backup, Backup, ImportError};
use crate::core::model::{Application, Settings};
use crate::core::sort;
use crate::core::store::{
    app_key, decode_settings, prepare_app, prepare_delete_app, prepare_put_settings,
    snapshot_entry, whole_write, Batch, KvStore, PreparedApp, Store, StoreError, SETTINGS_KEY,
};

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

// Read through a flat record rather than serde's internally tagged enum, whose buffering of
// the whole value would be compiled into the WebAssembly for this one type.
#[derive(Deserialize)]
struct FlatSkipReason {
    kind: String,
    stored: Option<u32>,
    incoming: Option<u32>,
}

impl<'de> Deserialize<'de> for SkipReason {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let flat = FlatSkipReason::deserialize(d)?;
        match flat.kind.as_str() {
            "identical" => Ok(SkipReason::Identical),
            "older-revision" => Ok(SkipReason::OlderRevision {
                stored: flat
                    .stored
                    .ok_or_else(|| D::Error::missing_field("stored"))?,
                incoming: flat
                    .incoming
                    .ok_or_else(|| D::Error::missing_field("incoming"))?,
            }),
            other => Err(D::Error::unknown_variant(
                other,
                &["identical", "older-revision"],
            )),
        }
    }
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
        sort::map(existing.iter().map(|a| (a.id.as_str(), a)));
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
        let incoming: BTreeSet<&str> = sort::set(backup.applications.iter().map(|a| a.id.as_str()));
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

/// Checks one write of an import like [`crate::core::store::prepare_put_app`], against the
/// revision it was planned on; the stored revision becomes the larger of the backup's and the
/// stored one plus one.
pub fn prepare_import_write(
    stored: Option<&str>,
    write: &PlannedWrite,
) -> Result<PreparedApp, StoreError> {
    prepare_app(
        stored,
        write.app.clone(),
        write.base_revision,
        write.app.revision,
    )
}

/// Checks an import plan against the stored records and turns it into writes. Every
/// application write and deletion is checked first (a conflict or an unreadable record refuses
/// the whole import). The snapshot of the current state and every record are then written in
/// one write that lands whole, with the removals finished by a journal if they are
/// interrupted ([`crate::core::store::whole_write`]): a retry never finds a half-imported
/// state to take a snapshot of.
pub fn plan_import_batch(
    entries: &BTreeMap<String, String>,
    plan: &ImportPlan,
    now: &str,
) -> Result<Batch, StoreError> {
    let stored = |key: &str| entries.get(key).map(String::as_str);
    let mut set = Vec::with_capacity(plan.to_write.len() + 1);
    for write in &plan.to_write {
        let prepared = prepare_import_write(stored(&app_key(&write.app.id)), write)?;
        set.push((prepared.key, prepared.value));
    }
    let mut remove = Vec::with_capacity(plan.to_delete.len());
    for gone in &plan.to_delete {
        if let Some(key) = prepare_delete_app(&gone.id, stored(&app_key(&gone.id)), gone.revision)?
        {
            remove.push((key, Some(gone.revision)));
        }
    }
    if let Some(incoming) = &plan.settings {
        let current = stored(SETTINGS_KEY);
        let (kept, revision) = match current {
            None => (Settings::default(), 0),
            Some(raw) => decode_settings(raw).map_err(|reason| StoreError::Unreadable {
                key: SETTINGS_KEY.into(),
                reason,
            })?,
        };
        // Whether this computer copies data to browser sync is the user's choice, made on the
        // options page; a backup (perhaps from another computer, or edited) never changes it.
        let settings = Settings {
            sync_settings: kept.sync_settings,
            sync_applications: kept.sync_applications,
            ..incoming.clone()
        };
        if current.is_none() || settings != kept {
            let prepared = prepare_put_settings(current, &settings, revision)?;
            set.push((SETTINGS_KEY.to_string(), prepared.value));
        }
    }
    if set.is_empty() && remove.is_empty() {
        return Ok(Batch::default());
    }
    set.insert(
        0,
        snapshot_entry(entries, "before importing a backup", now)?,
    );
    whole_write(set, remove)
}

/// Backups of a [`Store`]: the store itself knows nothing of backup files.
impl<K: KvStore> Store<K> {
    /// A backup of every readable application and the settings (see [`export_backup`]).
    pub fn export_backup(&self, exported_at: &str) -> Result<String, StoreError> {
        let loaded = self.load_all()?;
        Ok(export_backup(&loaded.apps, &loaded.settings, exported_at))
    }

    /// Writes an [`ImportPlan`] after a snapshot of the current state. Every write is checked
    /// before the first one happens.
    pub fn apply_import(&mut self, plan: &ImportPlan, now: &str) -> Result<(), StoreError> {
        let batch = plan_import_batch(&self.kv().get_all()?, plan, now)?;
        self.apply(&batch)
    }

    /// Validates a backup file in full, plans the import and applies it. A file with any
    /// problem is refused before anything is written.
    pub fn import_backup(
        &mut self,
        text: &str,
        mode: ImportMode,
        now: &str,
    ) -> Result<ImportReport, ImportError> {
        let parsed = parse_backup(text)?;
        let existing = self.load_all().map_err(ImportError::Storage)?;
        let plan = plan_import(&existing.apps, &parsed, mode);
        self.apply_import(&plan, now)
            .map_err(ImportError::Storage)?;
        Ok(plan.report)
    }
}
