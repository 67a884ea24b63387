//! Runs what `update` asks for. Every write of the interface goes through [`write`], the one
//! place pages call the storage port; each answer comes back as a message.

use std::cell::RefCell;

use js_sys::{Array, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{Element, File, HtmlInputElement};

use super::{data, dispatch, files, patch, with_page};
use crate::core::sites;
use crate::core::words::Worded;
use crate::ui::{Effect, Extras, Msg, Outcome, Stored, Write};
use crate::web::clock;
use crate::web::data::{Data, State};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["navigator", "clipboard"], js_name = writeText, catch)]
    fn clipboard_write(text: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = openOptionsPage, catch)]
    fn open_options_page() -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "tabs"], js_name = create, catch)]
    fn tabs_create(p: &Object) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = getURL, catch)]
    fn runtime_url(path: &str) -> Result<String, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "permissions"], js_name = request, catch)]
    fn permissions_request(p: &Object) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "permissions"], js_name = remove, catch)]
    fn permissions_remove(p: &Object) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "permissions"], js_name = contains, catch)]
    fn permissions_contains(p: &Object) -> Result<Promise, JsValue>;
}

thread_local! {
    /// The file chosen in an import form, between its submit and [`Effect::ReadImportFile`]
    /// or [`Effect::ReadHolidayFile`].
    static PICKED: RefCell<Option<File>> = const { RefCell::new(None) };
}

fn stored(s: State) -> Stored {
    Stored {
        apps: s.apps,
        settings: s.settings,
        settings_revision: s.settings_revision,
    }
}

async fn load(data: Data) -> Result<Stored, Worded> {
    data.load().await.map(stored).map_err(|e| e.worded())
}

/// Runs `effect`; what it finds out arrives later as a message.
pub fn run(effect: Effect) {
    let Some(data) = data() else {
        return;
    };
    match effect {
        Effect::Write(w, after) => spawn_local(async move {
            let result = write(data, w).await;
            // A write that answers with the one application it changed needs no read: the
            // page puts that application in place. The others change more than one.
            let reloaded = match result {
                Ok(Outcome::App(_)) => None,
                _ => load(data).await.ok().map(|s| (clock::today(), s)),
            };
            dispatch(Msg::Written {
                after,
                result,
                reloaded,
            });
        }),
        Effect::Reload => spawn_local(async move {
            let result = load(data).await;
            dispatch(Msg::Loaded {
                today: clock::today(),
                result,
            });
        }),
        Effect::Copy(text) => spawn_local(async move {
            let ok = match clipboard_write(&text) {
                Ok(p) => JsFuture::from(p).await.is_ok(),
                Err(_) => false,
            };
            dispatch(Msg::Copied(ok));
        }),
        Effect::Export(kind) => spawn_local(async move {
            let result = files::export(data, kind).await.map_err(|e| e.worded());
            dispatch(Msg::Exported(result));
        }),
        Effect::OpenOptions => {
            if let Ok(p) = open_options_page() {
                spawn_local(async move {
                    let _ = JsFuture::from(p).await;
                });
            }
        }
        Effect::OpenTab => {
            let options = Object::new();
            if let Ok(url) = runtime_url("tab.html") {
                let _ = Reflect::set(&options, &"url".into(), &url.into());
                if let Ok(p) = tabs_create(&options) {
                    spawn_local(async move {
                        let _ = JsFuture::from(p).await;
                    });
                }
            }
        }
        Effect::Focus(selector) => {
            with_page(|p| patch::focus(&p.root, selector));
        }
        Effect::FocusOn(selector) => {
            with_page(|p| patch::focus(&p.root, &selector));
        }
        Effect::LoadExtras => spawn_local(async move {
            dispatch(Msg::ExtrasLoaded(extras(data).await));
        }),
        Effect::Permission {
            site,
            patterns,
            allow,
        } => {
            // Called within the click, as the browser requires for a permission prompt.
            let call = if allow {
                permissions_request(&origins(&patterns))
            } else {
                permissions_remove(&origins(&patterns))
            };
            spawn_local(async move {
                let granted = match call {
                    Ok(p) => JsFuture::from(p).await.ok().and_then(|v| v.as_bool()),
                    Err(_) => None,
                };
                dispatch(Msg::SiteChanged {
                    site: site.to_string(),
                    granted: granted.unwrap_or(false),
                });
            });
        }
        Effect::ReadImportFile => read_picked(Msg::ImportRead),
        Effect::ReadHolidayFile => read_picked(Msg::HolidaysRead),
    }
}

/// Opens the page: *Today* from the summary when it can be drawn (from `early`, the read the
/// page's glue started, when there is one), then everything.
pub fn open(early: Option<Promise>, everything: Option<Promise>) {
    let Some(data) = data() else {
        return;
    };
    spawn_local(async move {
        let today = clock::today();
        let quick = match early {
            Some(early) => data.quick_from(early, today).await,
            None => data.quick(today).await,
        }
        .ok()
        .flatten();
        if let Some(quick) = quick.clone() {
            dispatch(Msg::Summary {
                today,
                summary: Box::new(quick.summary),
                stored: Stored {
                    apps: Vec::new(),
                    settings: quick.settings,
                    settings_revision: quick.settings_revision,
                },
            });
        }
        let result = data
            .load_from(everything)
            .await
            .map(stored)
            .map_err(|e| e.worded());
        // `www/` writes its own storage: the summary it could not draw from is built
        // for the next time (the extension's service worker does this for its pages).
        #[cfg(feature = "www")]
        if let (None, true, Ok(s)) = (&quick, data.is_page(), &result) {
            let _ = data
                .keep_summary(&s.apps, &s.settings, s.settings_revision, today)
                .await;
        }
        dispatch(Msg::Loaded {
            today: clock::today(),
            result,
        });
    });
}

/// Every write the interface makes.
async fn write(data: Data, w: Write) -> Result<Outcome, Worded> {
    let done = match w {
        Write::Edit { app_id, edit } => {
            return data
                .edit(&app_id, edit)
                .await
                .map(|app| Outcome::App(Box::new(app)))
                .map_err(|e| e.worded())
        }
        Write::SaveApp(app) => {
            return data
                .save_app(app)
                .await
                .map(|app| Outcome::App(Box::new(app)))
                .map_err(|e| e.worded())
        }
        Write::SaveApps(apps) => {
            for app in apps {
                if let Err(e) = data.save_app(app).await {
                    return Err(e.worded());
                }
            }
            Ok(())
        }
        Write::DeleteApp { id, revision } => data.delete_app(&id, revision).await,
        Write::SaveSettings { settings, revision } => {
            data.save_settings(settings, revision).await.map(|_| ())
        }
        Write::Import { text, replace } => {
            return data
                .import_backup(&text, replace)
                .await
                .map(Outcome::Imported)
                .map_err(|e| e.worded())
        }
        Write::RestoreSnapshot => data.restore_snapshot().await,
    };
    done.map(|()| Outcome::Done).map_err(|e| e.worded())
}

/// Reads the picked file's text and answers with `then`.
fn read_picked(then: fn(Option<String>) -> Msg) {
    let file = PICKED.with(|p| p.borrow_mut().take());
    spawn_local(async move {
        let text = match file {
            Some(f) => JsFuture::from(f.text())
                .await
                .ok()
                .and_then(|v| v.as_string()),
            None => None,
        };
        dispatch(then(text));
    });
}

/// Keeps the file chosen in the file field `input` of `form` for the read that follows; its
/// size, or `None` when no file was chosen.
pub fn pick_file(form: &Element, input: &str) -> Option<f64> {
    let file = form
        .query_selector(&format!("[name=\"{input}\"]"))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .and_then(|i| i.files())
        .and_then(|f| f.get(0));
    let size = file.as_ref().map(|f| f.size());
    PICKED.with(|p| *p.borrow_mut() = file);
    size
}

async fn extras(data: Data) -> Extras {
    let out = Extras {
        snapshot: data.snapshot_info().await.ok().flatten(),
        bytes: data.bytes_in_use().await.ok(),
        ..Extras::default()
    };
    // The optional sites and sync exist in the extension only.
    #[cfg(feature = "pages")]
    let mut out = out;
    #[cfg(feature = "pages")]
    if !data.is_page() {
        for site in sites::optional_sites() {
            if let Ok(p) = permissions_contains(&origins(&sites::patterns(site))) {
                if JsFuture::from(p).await.ok().and_then(|v| v.as_bool()) == Some(true) {
                    out.allowed.push(site.id.clone());
                }
            }
        }
        out.sync = Some(files::sync_status().await);
    }
    out
}

fn origins(patterns: &[String]) -> Object {
    let o = Object::new();
    let list: Array = patterns.iter().map(|p| JsValue::from_str(p)).collect();
    let _ = Reflect::set(&o, &"origins".into(), &list);
    o
}
