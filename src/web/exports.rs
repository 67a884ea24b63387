//! Files the pages offer for download: the backup, the applications and job-search log CSVs,
//! the plan as a calendar file, and the insights' figures as CSV. Which data, which day and
//! which timestamp go into each is decided here (the contents by `core::files`); the page only
//! hands the text to the browser, so there is no DOM code in this module.

use wasm_bindgen::prelude::*;

use super::clock;
use super::data::{Data, DataError};
use crate::core::files::{self, ExportFile, ExportKind};
use crate::core::plan;

/// One export of the data `data` reads: `{filename, mime, text}`.
pub async fn export(data: Data, kind: ExportKind) -> Result<ExportFile, DataError> {
    let state = data.load().await?;
    Ok(files::export_file(
        kind,
        &state.apps,
        &state.settings,
        clock::today(),
        &clock::now_iso(),
    ))
}

/// `exportFile(kind)` for any extension page or `www/`: `kind` is `backup`,
/// `applications-csv`, `log-csv`, `ics` or `insights-csv`. Resolves to `{filename, mime, text}`; rejects with
/// a message in words (an unknown kind, storage that cannot be read).
#[cfg(all(any(feature = "pages", feature = "www"), not(feature = "early")))]
#[wasm_bindgen(js_name = exportFile)]
pub async fn export_file(kind: String) -> Result<JsValue, JsValue> {
    let kind: ExportKind = kind
        .parse()
        .map_err(|e: files::UnknownExport| JsValue::from_str(&e.to_string()))?;
    let file = export(Data::here(), kind)
        .await
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    super::to_js(&file)
}

/// `currentPlan()`: the actions the calendar export is built from, as the planner gives them
/// today (`[{key, appId, kind, due, state, ...}]`, see `core::model::Action`).
#[cfg(all(any(feature = "pages", feature = "www"), not(feature = "early")))]
#[wasm_bindgen(js_name = currentPlan)]
pub async fn current_plan() -> Result<JsValue, JsValue> {
    let state = Data::here()
        .load()
        .await
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    let plan = plan::plan(&state.apps, &state.settings, clock::today());
    super::to_js(&plan.actions)
}
