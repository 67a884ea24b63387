//! Bringing stored data of an older layout to the current one, after a snapshot of it.

use std::collections::BTreeMap;

use super::{
    is_state_key, migrate, read_snapshot, removal, snapshot_entry, whole_write, Batch, StoreError,
    SCHEMA_KEY,
};

/// What opening a store found and what it will write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpgradePlan {
    /// The layout version found (`None`: empty storage).
    pub found: Option<u32>,
    /// Empty when storage is already current.
    pub batch: Batch,
}

/// Brings a key/value map to the current layout. Data of an older version is converted by
/// [`migrate::migrate_to_current`] in one write that lands whole ([`whole_write`]): a snapshot
/// of the old state, the converted records and the new `schema` record in one `set`, then the
/// removal of the old keys, which a journal finishes if it is interrupted. Data of a newer
/// version is refused and nothing is written.
///
/// Data left half-converted by an earlier build, which wrote these steps one by one, is
/// finished too: when the stored snapshot is the old state of this same conversion and storage
/// holds nothing but that state with part of the conversion applied, the conversion is planned
/// again from the snapshot, which is kept.
pub fn plan_upgrade(
    entries: &BTreeMap<String, String>,
    now: &str,
) -> Result<UpgradePlan, StoreError> {
    let found = migrate::stored_version(entries)?;
    let schema = || {
        vec![(
            SCHEMA_KEY.to_string(),
            migrate::schema_value(migrate::CURRENT_VERSION),
        )]
    };
    let batch = match found {
        Some(migrate::CURRENT_VERSION) if entries.contains_key(SCHEMA_KEY) => Batch::default(),
        Some(version) if version > migrate::CURRENT_VERSION => {
            return Err(StoreError::FutureVersion {
                found: version,
                supported: migrate::CURRENT_VERSION,
            });
        }
        Some(version) if version < migrate::CURRENT_VERSION => {
            let (converted, snapshot) = match resumable_conversion(entries, version) {
                Some(converted) => (converted, None),
                None => {
                    let reason = format!(
                        "before upgrading stored data from version {version} to {}",
                        migrate::CURRENT_VERSION
                    );
                    (
                        migrate::migrate_to_current(entries, version)?,
                        Some(snapshot_entry(entries, &reason, now)?),
                    )
                }
            };
            let mut set: Vec<(String, String)> = snapshot.into_iter().collect();
            set.extend(
                converted
                    .iter()
                    .filter(|(k, v)| {
                        *k != SCHEMA_KEY && is_state_key(k) && entries.get(*k) != Some(*v)
                    })
                    .map(|(k, v)| (k.clone(), v.clone())),
            );
            set.extend(schema());
            // Records derived from the old layout's data go too: they are built again from the
            // converted state.
            let removed = entries
                .keys()
                .filter(|k| {
                    is_state_key(k) && !converted.contains_key(*k) || super::is_derived_key(k)
                })
                .map(|k| removal(entries, k))
                .collect();
            whole_write(set, removed)?
        }
        // Empty storage, or current records without a schema record: just record the version.
        _ => Batch::default().set(schema()),
    };
    Ok(UpgradePlan { found, batch })
}

/// The conversion of the snapshot's state, when `entries` is that state with part of the same
/// conversion applied: every key holds either its value before or its value after.
fn resumable_conversion(
    entries: &BTreeMap<String, String>,
    version: u32,
) -> Option<BTreeMap<String, String>> {
    let snapshot = read_snapshot(entries).ok()??;
    if migrate::stored_version(&snapshot.entries).ok()? != Some(version) {
        return None;
    }
    let converted = migrate::migrate_to_current(&snapshot.entries, version).ok()?;
    let partial = entries
        .keys()
        .chain(snapshot.entries.keys())
        .filter(|k| is_state_key(k))
        .all(|k| entries.get(k) == snapshot.entries.get(k) || entries.get(k) == converted.get(k));
    partial.then_some(converted)
}
