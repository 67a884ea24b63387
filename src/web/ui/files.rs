//! Files the user takes away (backup, CSV, calendar) and the sync status line: made by the
//! core from what is stored, handed to the browser as a download.

use js_sys::Array;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

use super::dom::document;
use crate::core::draft::render_action;
use crate::core::export::{self, action_title, CsvOptions};
use crate::core::plan;
use crate::web::clock;
use crate::web::data::{Data, DataError};
use crate::web::kv::Kv;

/// Makes the file `kind` (`backup`, `csv`, `log`, `ics`) and downloads it; returns its name.
pub async fn export(data: Data, kind: &str) -> Result<String, DataError> {
    let state = data.load().await?;
    let today = clock::today();
    let stamp = today.to_string();
    let (name, mime, text) = match kind {
        "backup" => (
            format!("followup-backup-{stamp}.json"),
            "application/json",
            data.export_backup().await?,
        ),
        "csv" | "log" => {
            let p = plan::plan(&state.apps, &state.settings, today);
            let options = CsvOptions { excel_bom: true };
            if kind == "csv" {
                (
                    format!("followup-applications-{stamp}.csv"),
                    "text/csv",
                    export::applications_csv(&state.apps, &p.actions, options),
                )
            } else {
                (
                    format!("followup-job-search-log-{stamp}.csv"),
                    "text/csv",
                    export::job_search_log_csv(&state.apps, &p.actions, options),
                )
            }
        }
        "ics" => {
            let p = plan::plan(&state.apps, &state.settings, today);
            let describe = |a: &crate::core::model::Action| {
                let app = state.apps.iter().find(|x| x.id == a.app_id);
                let title = app.map(|app| action_title(app, a)).unwrap_or_default();
                let body = app
                    .and_then(|app| render_action(app, a, &state.settings, today).ok())
                    .map(|d| {
                        if d.subject.is_empty() {
                            d.body
                        } else {
                            format!("{}\n\n{}", d.subject, d.body)
                        }
                    })
                    .unwrap_or_default();
                (title, body)
            };
            let now = clock::now_iso();
            let stamp_utc: String = now.split('.').next().unwrap_or(&now).to_string() + "Z";
            (
                format!("followup-{stamp}.ics"),
                "text/calendar",
                export::export_ics(&state.apps, &p.actions, &describe, &stamp_utc),
            )
        }
        other => return Err(DataError::Invalid(format!("unknown export \"{other}\""))),
    };
    download(&name, mime, &text).map_err(DataError::from_js)?;
    Ok(name)
}

fn download(name: &str, mime: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = Array::of1(&text.into());
    let options = BlobPropertyBag::new();
    options.set_type(&format!("{mime};charset=utf-8"));
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let a: HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    Url::revoke_object_url(&url)?;
    Ok(())
}

/// The line the settings show about browser sync, from what the service worker last stored.
pub async fn sync_status() -> Option<String> {
    let raw = Kv::Extension.get("sync-status").await.ok().flatten()?;
    let value: serde_json::Value = serde_json::from_str(&raw).ok()?;
    let message = value.get("message").and_then(|m| m.as_str())?;
    (!message.is_empty()).then(|| message.to_string())
}
