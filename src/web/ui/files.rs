//! Files the user takes away (backup, CSV, calendar), handed to the browser as downloads, and
//! what the service worker last stored about browser sync.

use js_sys::Array;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

use super::patch::document;
use crate::core::files::ExportKind;
use crate::core::store::SYNC_STATUS_KEY;
use crate::core::sync::SyncStatus;
use crate::web::data::{Data, DataError};
use crate::web::exports;
use crate::web::kv::Kv;

/// Makes the file `kind` and downloads it; returns its name.
pub async fn export(data: Data, kind: ExportKind) -> Result<String, DataError> {
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

/// The sync status the service worker stored (both parts off when it never synced).
pub async fn sync_status() -> SyncStatus {
    let raw = Kv::Extension.get(SYNC_STATUS_KEY).await.ok().flatten();
    SyncStatus::parse(raw.as_deref())
}
