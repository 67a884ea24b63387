//! Today's summary in the browser ([`crate::core::summary`]): the writer contexts keep it
//! current and build it again when it is not; pages draw *Today* from it before reading the
//! applications, and the worker sets the badge from it.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::clock;
use super::data::{Data, DataError};
use super::kv::KvError;
use crate::core::index;
use crate::core::model::{Application, Settings};
use crate::core::store::{self, EARLY_KEY, JOURNAL_KEY, SCHEMA_KEY, SETTINGS_KEY, SUMMARY_KEY};
use crate::core::summary::Summary;

/// A summary fit to draw, and the settings it was planned with.
#[derive(Debug, Clone, PartialEq)]
pub struct Quick {
    pub summary: Summary,
    pub settings: Settings,
    pub settings_revision: u32,
}

/// The records that tell whether the summary can be drawn, and the summary.
pub const QUICK_KEYS: [&str; 4] = [SCHEMA_KEY, JOURNAL_KEY, SETTINGS_KEY, SUMMARY_KEY];

/// The summary in `stored` (the records [`QUICK_KEYS`] name), when it can be drawn on `today`.
fn quick_of(stored: &BTreeMap<String, String>, today: NaiveDate) -> Option<Quick> {
    let get = |key: &str| stored.get(key).map(String::as_str);
    if !store::migrate::is_current_schema(get(SCHEMA_KEY)) || get(JOURNAL_KEY).is_some() {
        return None;
    }
    let (settings, settings_revision) = match get(SETTINGS_KEY) {
        None => (Settings::default(), 0),
        // Unreadable settings are reported by the full read.
        Some(raw) => store::decode_settings(raw).ok()?,
    };
    Summary::decode(get(SUMMARY_KEY))
        .filter(|s| s.is_current(today, settings_revision) && s.usable())
        .map(|summary| Quick {
            summary,
            settings,
            settings_revision,
        })
}

impl Data {
    /// The stored summary when it can be drawn as it is: current layout, no unfinished
    /// write, planned for `today` with the stored settings, covering the first page. One read
    /// of four small records, whatever the number of applications.
    pub async fn quick(self, today: NaiveDate) -> Result<Option<Quick>, DataError> {
        let stored = self.kv().get_many(&QUICK_KEYS.map(String::from)).await?;
        Ok(quick_of(&stored, today))
    }

    /// [`Data::quick`] from the answer to a read of [`QUICK_KEYS`] the page's glue started
    /// while the WebAssembly was loading (a `chrome.storage.local.get` promise).
    pub async fn quick_from(
        self,
        early: js_sys::Promise,
        today: NaiveDate,
    ) -> Result<Option<Quick>, DataError> {
        let items = wasm_bindgen_futures::JsFuture::from(early)
            .await
            .map_err(DataError::from_js)?;
        let stored = super::kv::entries_of(&items)?;
        Ok(quick_of(&stored, today))
    }

    /// Today's summary, built again from everything stored (and written, in a writer
    /// context) when the stored one is missing, unreadable, of another day or other settings,
    /// or no longer covers the first page.
    pub async fn summary(self) -> Result<Summary, DataError> {
        let today = clock::today();
        if let Some(quick) = self.quick(today).await? {
            return Ok(quick.summary);
        }
        let state = self.load().await?;
        self.keep_summary(&state.apps, &state.settings, state.settings_revision, today)
            .await
    }

    /// Builds the summary of `apps` and stores it, in a writer context. Written only when it
    /// differs from the record stored, so that unreadable settings, which keep the stored
    /// summary from ever being current, cause no endless rewrites.
    pub async fn keep_summary(
        self,
        apps: &[Application],
        settings: &Settings,
        settings_revision: u32,
        today: NaiveDate,
    ) -> Result<Summary, DataError> {
        let summary = Summary::build(apps, settings, settings_revision, today);
        let text = summary.encode();
        if self.writes_directly() && self.kv().get(SUMMARY_KEY).await?.as_ref() != Some(&text) {
            self.set_with_drawing(&[(SUMMARY_KEY.to_string(), text)])
                .await?;
        }
        Ok(summary)
    }

    /// Writes `entries` in one write, with the popup's first drawing of the summary among
    /// them when there is one (in the service worker: [`Data::early_of`]). Every write of a
    /// summary goes through here.
    pub async fn set_with_drawing(self, entries: &[(String, String)]) -> Result<(), KvError> {
        match self.early_of(entries) {
            Some(early) => {
                let mut entries = entries.to_vec();
                entries.push(early);
                self.kv().set(&entries).await
            }
            None => self.kv().set(entries).await,
        }
    }

    /// The popup's first drawing of the summary a write stores (`entries`), to store in the
    /// same write ([`crate::ui::early_record`]); `None` when the write stores no summary, or
    /// outside the service worker (`www/` draws from the summary itself).
    fn early_of(self, entries: &[(String, String)]) -> Option<(String, String)> {
        #[cfg(feature = "worker")]
        if self == Data::Worker {
            let (_, text) = entries.iter().find(|(key, _)| key == SUMMARY_KEY)?;
            let summary = Summary::decode(Some(text))?;
            let record = crate::ui::early_record(&summary, super::ui::i18n::words())?;
            return Some((EARLY_KEY.to_string(), record));
        }
        let _ = entries;
        None
    }

    /// Writes the popup's first drawing of the stored `summary` again when the one `stored`
    /// is not this build's drawing of it in the interface's language (missing after an
    /// update, of another build, or in another language since the browser's changed). Only
    /// what the record was drawn for is read; nothing is drawn when it fits. In the service
    /// worker; a failure only costs the popup its first drawing.
    async fn keep_early(self, summary: &Summary, stored: Option<&String>) {
        #[cfg(feature = "worker")]
        if self == Data::Worker {
            let words = super::ui::i18n::words();
            let lang = words.t("interfaceLanguage");
            if stored.is_some_and(|s| crate::ui::early_record_fits(s, summary, &lang)) {
                return;
            }
            if let Some(record) = crate::ui::early_record(summary, words) {
                let _ = self.kv().set(&[(EARLY_KEY.to_string(), record)]).await;
            }
        }
        let _ = (summary, stored);
    }

    /// Today's summary and the contacts index, both current: when either has to be built
    /// again (a new day, other settings, a new installation of this version, applications
    /// brought by sync), everything is read once and serves both. In a writer context.
    pub async fn keep_derived(self) -> Result<Summary, DataError> {
        let today = clock::today();
        let quick = self.quick(today).await?;
        let meta = self
            .kv()
            .get_many(&[index::INDEX_KEY.to_string(), EARLY_KEY.to_string()])
            .await?;
        let index_done = !self.writes_directly() || index::is_complete(&meta);
        if let (Some(quick), true) = (&quick, index_done) {
            self.keep_early(&quick.summary, meta.get(EARLY_KEY)).await;
            return Ok(quick.summary.clone());
        }
        let state = self.load().await?;
        if !index_done {
            // The index serves compose windows, not the badge: a failure to write it is
            // retried at the next refresh and keeps no badge from being shown.
            let _ = self.kv().set(&index::build(&state.apps)).await;
        }
        match quick {
            Some(quick) => Ok(quick.summary),
            None => {
                let (apps, settings) = (&state.apps, &state.settings);
                self.keep_summary(apps, settings, state.settings_revision, today)
                    .await
            }
        }
    }
}
