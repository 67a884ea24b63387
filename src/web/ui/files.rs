//! Files the user takes away (backup, CSV, calendar), handed to the browser as downloads, and
//! the line the settings show about browser sync.

use js_sys::Array;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

use super::dom::document;
use super::i18n::{t, tf};
use crate::core::export::{tenths, KB};
use crate::core::files::ExportKind;
use crate::core::store::SYNC_STATUS_KEY;
use crate::core::sync::{PartStatus, SyncStatus};
use crate::web::data::{Data, DataError};
use crate::web::exports;
use crate::web::kv::Kv;

/// Makes the file `kind` (`backup`, `csv`, `log`, `ics`) and downloads it; returns its name.
pub async fn export(data: Data, kind: &str) -> Result<String, DataError> {
    let kind = match kind {
        "backup" => ExportKind::Backup,
        "csv" => ExportKind::ApplicationsCsv,
        "log" => ExportKind::LogCsv,
        _ => ExportKind::Ics,
    };
    let file = exports::export(data, kind).await?;
    download(&file.filename, &file.mime, &file.text).map_err(DataError::from_js)?;
    Ok(file.filename)
}

fn download(name: &str, mime: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = Array::of1(&text.into());
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let a: HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    Url::revoke_object_url(&url)?;
    Ok(())
}

fn part_line(label: &str, part: &PartStatus) -> Option<String> {
    let what = match part {
        PartStatus::Off => return None,
        PartStatus::Synced { bytes, .. } => {
            tf("syncSynced", &[("kb", &tenths(u64::from(*bytes), KB))])
        }
        PartStatus::TooLarge { message, .. } | PartStatus::Error { message } => message.clone(),
    };
    Some(format!("{label}: {what}"))
}

/// What the service worker last stored about browser sync, in words; `None` when both parts
/// are off.
pub async fn sync_status() -> Option<String> {
    let raw = Kv::Extension.get(SYNC_STATUS_KEY).await.ok().flatten();
    let status = SyncStatus::parse(raw.as_deref());
    let lines: Vec<String> = [
        part_line(&t("syncPartSettings"), &status.settings),
        part_line(&t("syncPartApps"), &status.applications),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}
