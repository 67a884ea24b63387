//! The settings: the user's details and signature, every setting of the planner, templates
//! with a live preview, notifications, sync, webmail sites, and the data section (backup,
//! import, CSV and calendar exports, the snapshot, storage used). Drawn as the options page
//! of the extension and as the *Settings* tab of `www/`.

use js_sys::{Array, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{Element, HtmlInputElement};

use super::dom::{self, button, checked, el, input, labelled, select, textarea, El};
use super::i18n::{t, tf};
use super::today::{kind_label, parse_date};
use super::{render, show_error, with_ui, write, write_then, Notice, Surface, Ui};
use crate::core::backup::{SkipReason, MAX_BACKUP_BYTES};
use crate::core::draft::{self, template_slots, Part, Sample};
use crate::core::export::{tenths, KB, MB};
use crate::core::model::{Medium, Settings};
use crate::web::data::DataError;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["chrome", "permissions"], js_name = request, catch)]
    fn permissions_request(p: &Object) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "permissions"], js_name = remove, catch)]
    fn permissions_remove(p: &Object) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = ["chrome", "permissions"], js_name = contains, catch)]
    fn permissions_contains(p: &Object) -> Result<Promise, JsValue>;
}

/// The optional webmail sites and the origins they need.
const OPTIONAL_SITES: [(&str, &str, &str); 2] = [
    ("yahoo", "Yahoo Mail", "https://mail.yahoo.com/*"),
    ("proton", "Proton Mail", "https://mail.proton.me/*"),
];

/// What the settings page knows beyond the stored data.
#[derive(Debug, Default)]
pub struct OptionsState {
    /// The settings form has changes not yet saved: a redraw caused by another window's
    /// write must not throw them away.
    pub dirty: bool,
    /// The template being edited (`Settings::templates` key).
    pub slot: String,
    /// Read once per page: when the snapshot was taken and why, storage used, sync status,
    /// which optional sites are allowed.
    pub extras_loaded: bool,
    pub snapshot: Option<(String, String)>,
    pub bytes: Option<f64>,
    pub sync_status: Option<String>,
    pub allowed: Vec<&'static str>,
    pub report: Option<String>,
}

pub fn page(ui: &mut Ui) -> El {
    el("div")
        .class("page options")
        .child(
            el("header")
                .class("bar")
                .child(el("h1").text(&t("optionsTitle"))),
        )
        .child(super::notice_of(ui))
        .child(settings_sections(ui))
}

pub fn settings_sections(ui: &mut Ui) -> El {
    if !ui.options.extras_loaded {
        ui.options.extras_loaded = true;
        spawn_local(load_extras());
    }
    let extension = ui.surface != Surface::Www;
    let s = &ui.state.settings;
    let p = &s.profile;
    let buffers: Vec<(String, String)> = (1..=3)
        .map(|n| (n.to_string(), tf("bufferDays", &[("n", &n.to_string())])))
        .collect();
    let medium_options = vec![
        ("email".to_string(), t("mediumEmail")),
        ("phone".to_string(), t("mediumPhone")),
    ];
    let yes = |b: bool| if b { "true" } else { "false" };
    let check = |name: &str, on: bool, label: &str| {
        el("label")
            .class("check")
            .child(input("checkbox", name, yes(on)))
            .append_text(label)
    };
    let own: Vec<String> = s.holidays.own.iter().map(|d| d.to_string()).collect();
    let mut form = el("form")
        .class("settings")
        .attr("data-form", "settings")
        .attr("data-view", "settings")
        .attr("novalidate", "")
        .child(el("div").class("form-error").attr("role", "alert"))
        .child(
            el("fieldset")
                .child(el("legend").text(&t("profileTitle")))
                .child(el("p").class("hint").text(&t("profileHint")))
                .child(labelled(
                    &t("fieldName"),
                    input("text", "profile-name", &p.name).attr("autocomplete", "name"),
                ))
                .child(labelled(
                    &t("fieldEmail"),
                    input("email", "profile-email", &p.email).attr("autocomplete", "email"),
                ))
                .child(labelled(
                    &t("fieldPhone"),
                    input("tel", "profile-phone", &p.phone).attr("autocomplete", "tel"),
                ))
                .child(labelled(
                    &t("fieldSignature"),
                    textarea("profile-signature", &p.signature).attr("rows", "3"),
                )),
        )
        .child(
            el("fieldset")
                .child(el("legend").text(&t("plannerTitle")))
                .child(labelled(
                    &t("fieldBuffer"),
                    select("buffer", &buffers, &s.buffer_days.to_string()),
                ))
                .child(el("p").class("hint").text(&t("fieldBufferHint")))
                .child(check("card", s.thank_you_card, &t("fieldCard")))
                .child(check(
                    "us-federal",
                    s.holidays.us_federal,
                    &t("fieldUsHolidays"),
                ))
                .child(check(
                    "england-wales",
                    s.holidays.england_wales,
                    &t("fieldEwHolidays"),
                ))
                .child(labelled(
                    &t("fieldOwnHolidays"),
                    textarea("own-holidays", &own.join("\n"))
                        .attr("rows", "3")
                        .attr("placeholder", "2026-12-24"),
                ))
                .child(labelled(
                    &t("fieldDefaultMedium"),
                    select(
                        "default-medium",
                        &medium_options,
                        match s.default_medium {
                            Medium::Email => "email",
                            Medium::Phone => "phone",
                        },
                    ),
                ))
                .child(labelled(
                    &t("fieldRemindAfter"),
                    input(
                        "number",
                        "remind-after",
                        &s.remind_after_applying
                            .map(|n| n.to_string())
                            .unwrap_or_default(),
                    )
                    .attr("min", "1")
                    .attr("max", "60")
                    .attr("placeholder", &t("off")),
                )),
        );
    if extension {
        let status = ui.options.sync_status.clone().unwrap_or_default();
        form = form
            .child(
                el("fieldset")
                    .child(el("legend").text(&t("notifyTitle")))
                    .child(check("notify", s.notify_at.is_some(), &t("fieldNotify")))
                    .child(labelled(
                        &t("fieldNotifyAt"),
                        input(
                            "time",
                            "notify-at",
                            s.notify_at.as_deref().unwrap_or("09:00"),
                        ),
                    )),
            )
            .child(
                el("fieldset")
                    .child(el("legend").text(&t("syncTitle")))
                    .child(el("p").class("hint").text(&t("syncHint")))
                    .child(check(
                        "sync-settings",
                        s.sync_settings,
                        &t("fieldSyncSettings"),
                    ))
                    .child(check("sync-apps", s.sync_applications, &t("fieldSyncApps")))
                    .child_if(!status.is_empty(), || {
                        el("p").class("sync-status").text(&status)
                    }),
            );
    }
    form = form.child(
        el("div").class("buttons sticky").child(
            el("button")
                .attr("type", "submit")
                .class("primary")
                .text(&t("saveSettings")),
        ),
    );

    let mut out = el("div")
        .class("settings-page")
        .child(form)
        .child(templates(ui))
        .child(data_section(ui));
    if extension {
        out = out.child(webmail_section(ui));
    }
    out
}

fn slot_label(kind: crate::core::model::ActionKind, part: Part) -> String {
    let part = t(match part {
        Part::Subject => "partSubject",
        Part::Body => "partBody",
        Part::Call => "partCall",
        Part::Voicemail => "partVoicemail",
    });
    format!("{} · {part}", kind_label(kind))
}

fn templates(ui: &mut Ui) -> El {
    let slots = template_slots();
    if ui.options.slot.is_empty() || !slots.iter().any(|s| s.key == ui.options.slot) {
        ui.options.slot = slots.first().map(|s| s.key.clone()).unwrap_or_default();
    }
    let Some(slot) = slots.iter().find(|s| s.key == ui.options.slot) else {
        return el("section");
    };
    let options: Vec<(String, String)> = slots
        .iter()
        .map(|s| {
            let own = ui.state.settings.templates.contains_key(&s.key);
            let mark = if own {
                format!(" ({})", t("edited"))
            } else {
                String::new()
            };
            (
                s.key.clone(),
                format!("{}{mark}", slot_label(s.kind, s.part)),
            )
        })
        .collect();
    let text = ui
        .state
        .settings
        .templates
        .get(&slot.key)
        .cloned()
        .unwrap_or_else(|| slot.builtin.to_string());
    let (preview, error) = preview_of(&text, slot.kind, &ui.state.settings);
    let vars: Vec<String> = draft::Var::ALL
        .iter()
        .map(|v| format!("{{{{{}}}}} {}", v.name(), v.description()))
        .collect();
    el("form")
        .class("templates")
        .attr("data-form", "template")
        .child(el("h2").text(&t("templatesTitle")))
        .child(el("p").class("hint").text(&t("templatesHint")))
        .child(labelled(
            &t("templateChoose"),
            select("template-slot", &options, &slot.key),
        ))
        .child(labelled(
            &t("templateText"),
            textarea("template-text", &text)
                .attr("rows", "12")
                .attr("spellcheck", "true"),
        ))
        .child(
            el("p")
                .class("message error template-error")
                .attr("role", "alert")
                .text(&error),
        )
        .child(el("h3").text(&t("templatePreview")))
        .child(
            el("pre")
                .class("text preview")
                .attr("aria-live", "polite")
                .text(&preview),
        )
        .child(
            el("details")
                .child(el("summary").text(&t("templateVars")))
                .child(el("pre").class("text").text(&vars.join("\n"))),
        )
        .child(
            el("div")
                .class("buttons")
                .child(
                    el("button")
                        .attr("type", "submit")
                        .class("primary")
                        .text(&t("templateSave")),
                )
                .child(button(&t("templateReset"), "template-reset").attr("data-key", &slot.key)),
        )
}

/// The sample rendered with `text`, or the error with its position.
fn preview_of(
    text: &str,
    kind: crate::core::model::ActionKind,
    settings: &Settings,
) -> (String, String) {
    let sample = Sample::builtin().with_profile(settings.profile.clone());
    match draft::preview(text, kind, &sample) {
        Ok(p) => (p, String::new()),
        Err(e) => (String::new(), e.to_string()),
    }
}

fn data_section(ui: &Ui) -> El {
    let mut out = el("section")
        .class("data")
        .child(el("h2").text(&t("dataTitle")))
        .child(el("p").class("hint").text(&t("dataHint")))
        .child(
            el("div")
                .class("buttons")
                .child(button(&t("exportBackup"), "export-backup"))
                .child(button(&t("exportCsv"), "export-csv"))
                .child(button(&t("exportLog"), "export-log"))
                .child(button(&t("exportIcs"), "export-ics")),
        )
        .child(
            el("form")
                .class("import")
                .attr("data-form", "import")
                .child(el("h3").text(&t("importTitle")))
                .child(labelled(
                    &t("importFile"),
                    input("file", "import-file", "").attr("accept", ".json,application/json"),
                ))
                .child(
                    el("fieldset")
                        .class("inline")
                        .child(el("legend").text(&t("importMode")))
                        .child(
                            el("label")
                                .class("check")
                                .child(input("radio", "import-mode", "true").attr("value", "merge"))
                                .append_text(&t("importMerge")),
                        )
                        .child(
                            el("label")
                                .class("check")
                                .child(
                                    input("radio", "import-mode", "false").attr("value", "replace"),
                                )
                                .append_text(&t("importReplace")),
                        ),
                )
                .child(
                    el("button")
                        .attr("type", "submit")
                        .attr_if(ui.busy, "disabled", "")
                        .text(&t("importButton")),
                ),
        );
    if let Some(report) = &ui.options.report {
        out = out.child(
            el("pre")
                .class("text report")
                .attr("data-report", "")
                .text(report),
        );
    }
    if let Some((when, why)) = &ui.options.snapshot {
        out = out.child(
            el("p")
                .class("snapshot")
                .append_text(&tf("snapshotInfo", &[("when", when), ("why", why)]))
                .append_text(" ")
                .child(button(&t("snapshotRestore"), "snapshot-restore")),
        );
    }
    if let Some(bytes) = ui.options.bytes {
        out = out.child(el("p").class("usage").text(&tf(
            "storageUsed",
            &[
                ("kb", &tenths(bytes as u64, KB)),
                ("n", &ui.state.apps.len().to_string()),
            ],
        )));
    }
    out
}

fn webmail_section(ui: &Ui) -> El {
    let mut out = el("section")
        .class("webmail")
        .child(el("h2").text(&t("webmailTitle")))
        .child(el("p").class("hint").text(&t("webmailHint")));
    for (id, name, _) in OPTIONAL_SITES {
        let allowed = ui.options.allowed.contains(&id);
        out = out.child(
            el("p")
                .class("site")
                .attr("data-site", id)
                .append_text(&tf(
                    if allowed {
                        "siteAllowed"
                    } else {
                        "siteNotAllowed"
                    },
                    &[("site", name)],
                ))
                .append_text(" ")
                .child(if allowed {
                    button(&t("siteRevoke"), "site-revoke").attr("data-site", id)
                } else {
                    button(&t("siteAllow"), "site-allow").attr("data-site", id)
                }),
        );
    }
    out
}

async fn load_extras() {
    let Some((data, surface)) = with_ui(|ui| (ui.data, ui.surface)) else {
        return;
    };
    let snapshot = data.snapshot_info().await.ok().flatten();
    let bytes = data.bytes_in_use().await.ok();
    let mut allowed = Vec::new();
    let mut sync_status = None;
    if surface != Surface::Www {
        for (id, _, origin) in OPTIONAL_SITES {
            if let Ok(p) = permissions_contains(&origins(origin)) {
                if JsFuture::from(p).await.ok().and_then(|v| v.as_bool()) == Some(true) {
                    allowed.push(id);
                }
            }
        }
        sync_status = super::files::sync_status().await;
    }
    with_ui(|ui| {
        ui.options.snapshot = snapshot;
        ui.options.bytes = bytes;
        ui.options.allowed = allowed;
        ui.options.sync_status = sync_status;
        if !ui.options.dirty {
            render(ui);
        }
    });
}

fn origins(origin: &str) -> Object {
    let o = Object::new();
    let list = Array::of1(&JsValue::from_str(origin));
    let _ = Reflect::set(&o, &"origins".into(), &list);
    o
}

pub fn on_action(action: &str, control: &Element) {
    match action {
        "export-backup" | "export-csv" | "export-log" | "export-ics" => {
            let kind = action.trim_start_matches("export-").to_string();
            spawn_local(async move {
                let Some(data) = with_ui(|ui| ui.data) else {
                    return;
                };
                let result = super::files::export(data, &kind).await;
                with_ui(|ui| {
                    match result {
                        Ok(name) => ui.info(tf("exported", &[("file", &name)])),
                        Err(e) => ui.error(e.to_string()),
                    }
                    render(ui);
                });
            });
        }
        "snapshot-restore" => write(
            |data| async move { data.restore_snapshot().await },
            Some(Notice {
                text: t("snapshotRestored"),
                error: false,
                undo: None,
            }),
        ),
        "template-reset" => {
            let key = control.get_attribute("data-key").unwrap_or_default();
            save_settings_with(
                move |s| {
                    s.templates.remove(&key);
                    Ok(())
                },
                t("templateResetDone"),
            );
        }
        "site-allow" | "site-revoke" => {
            let site = control.get_attribute("data-site").unwrap_or_default();
            let Some((_, name, origin)) = OPTIONAL_SITES.iter().find(|(id, _, _)| *id == site)
            else {
                return;
            };
            // Called within the click, as the browser requires for a permission prompt.
            let call = if action == "site-allow" {
                permissions_request(&origins(origin))
            } else {
                permissions_remove(&origins(origin))
            };
            let name = name.to_string();
            spawn_local(async move {
                let granted = match call {
                    Ok(p) => JsFuture::from(p)
                        .await
                        .ok()
                        .and_then(|v| v.as_bool())
                        .unwrap_or(false),
                    Err(_) => false,
                };
                with_ui(|ui| {
                    ui.options.extras_loaded = false;
                    if granted {
                        ui.info(tf("siteChanged", &[("site", &name)]));
                    }
                    render(ui);
                });
            });
        }
        _ => {}
    }
}

pub fn on_input(target: &Element, name: &str, kind: &str) {
    if name == "template-slot" && kind == "change" {
        let slot = dom::control_value(target).unwrap_or_default();
        with_ui(|ui| {
            ui.options.slot = slot;
            render(ui);
        });
        return;
    }
    if name == "template-text" && kind == "input" {
        let text = dom::control_value(target).unwrap_or_default();
        with_ui(|ui| {
            let slots = template_slots();
            let Some(slot) = slots.iter().find(|s| s.key == ui.options.slot) else {
                return;
            };
            let (preview, error) = preview_of(&text, slot.kind, &ui.state.settings);
            if let Some(form) = target.closest("form").ok().flatten() {
                if let Some(p) = form.query_selector(".preview").ok().flatten() {
                    p.set_text_content(Some(&preview));
                }
                if let Some(e) = form.query_selector(".template-error").ok().flatten() {
                    e.set_text_content(Some(&error));
                }
            }
        });
        return;
    }
    if target
        .closest("form[data-form=\"settings\"]")
        .ok()
        .flatten()
        .is_some()
    {
        with_ui(|ui| ui.options.dirty = true);
    }
}

pub fn on_submit(form_name: &str, form: &Element) {
    match form_name {
        "settings" => {
            let read = with_ui(|ui| read_settings(form, ui.state.settings.clone()))
                .unwrap_or_else(|| Err(t("errorGone")));
            match read {
                Ok(next) => {
                    with_ui(|ui| ui.options.dirty = false);
                    save_settings_with(
                        move |s| {
                            *s = next;
                            Ok(())
                        },
                        t("settingsSaved"),
                    );
                }
                Err(problem) => {
                    if let Some(region) = form.query_selector(".form-error").ok().flatten() {
                        region.set_text_content(Some(&problem));
                    }
                }
            }
        }
        "template" => {
            let key = dom::value_of(form, "template-slot").unwrap_or_default();
            let text = dom::value_of(form, "template-text").unwrap_or_default();
            if let Err(e) = draft::parse(&text) {
                return show_error(tf("templateBroken", &[("error", &e.to_string())]));
            }
            let builtin = template_slots()
                .into_iter()
                .find(|s| s.key == key)
                .map(|s| s.builtin);
            save_settings_with(
                move |s| {
                    if builtin == Some(text.as_str()) {
                        s.templates.remove(&key);
                    } else {
                        s.templates.insert(key, text);
                    }
                    Ok(())
                },
                t("templateSaved"),
            );
        }
        "import" => import(form),
        _ => {}
    }
}

/// Reads the settings form over `settings`; a field that is not valid is named in the error.
fn read_settings(form: &Element, mut s: Settings) -> Result<Settings, String> {
    let v = |name: &str| dom::value_of(form, name).unwrap_or_default();
    s.profile.name = v("profile-name").trim().to_string();
    s.profile.email = v("profile-email").trim().to_string();
    s.profile.phone = v("profile-phone").trim().to_string();
    s.profile.signature = v("profile-signature").trim_end().to_string();
    s.buffer_days = v("buffer").parse().unwrap_or(2).clamp(1, 3);
    s.thank_you_card = checked(form, "card");
    s.holidays.us_federal = checked(form, "us-federal");
    s.holidays.england_wales = checked(form, "england-wales");
    let mut own = Vec::new();
    for (i, line) in v("own-holidays").lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match parse_date(line) {
            Some(d) => own.push(d),
            None => {
                return Err(tf(
                    "errorHoliday",
                    &[("line", &(i + 1).to_string()), ("text", line)],
                ))
            }
        }
    }
    own.sort_unstable();
    own.dedup();
    s.holidays.own = own;
    s.default_medium = if v("default-medium") == "phone" {
        Medium::Phone
    } else {
        Medium::Email
    };
    let remind = v("remind-after");
    s.remind_after_applying = match remind.trim() {
        "" => None,
        n => match n.parse::<u32>() {
            Ok(n) if (1..=60).contains(&n) => Some(n),
            _ => return Err(t("errorRemindAfter")),
        },
    };
    if form
        .query_selector("[name=\"notify\"]")
        .ok()
        .flatten()
        .is_some()
    {
        s.notify_at = if checked(form, "notify") {
            let at = v("notify-at");
            let valid = at.len() == 5
                && at.as_bytes()[2] == b':'
                && at[..2].parse::<u32>().is_ok_and(|h| h < 24)
                && at[3..].parse::<u32>().is_ok_and(|m| m < 60);
            if !valid {
                return Err(t("errorNotifyAt"));
            }
            Some(at)
        } else {
            None
        };
        s.sync_settings = checked(form, "sync-settings");
        s.sync_applications = checked(form, "sync-apps");
    }
    Ok(s)
}

/// Saves the settings changed by `edit`, based on the revision they were read at.
fn save_settings_with(
    edit: impl FnOnce(&mut Settings) -> Result<(), String> + 'static,
    done: String,
) {
    let Some((mut settings, revision)) =
        with_ui(|ui| (ui.state.settings.clone(), ui.state.settings_revision))
    else {
        return;
    };
    if let Err(problem) = edit(&mut settings) {
        return show_error(problem);
    }
    write(
        move |data| async move { data.save_settings(settings, revision).await.map(|_| ()) },
        Some(Notice {
            text: done,
            error: false,
            undo: None,
        }),
    );
}

fn import(form: &Element) {
    let file = form
        .query_selector("[name=\"import-file\"]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .and_then(|i| i.files())
        .and_then(|f| f.get(0));
    let replace = form
        .query_selector("[name=\"import-mode\"][value=\"replace\"]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .is_some_and(|i| i.checked());
    let Some(file) = file else {
        return show_error(t("importNoFile"));
    };
    if file.size() > MAX_BACKUP_BYTES as f64 {
        return show_error(tf(
            "importTooLarge",
            &[
                ("mb", &tenths(file.size() as u64, MB)),
                ("max", &(MAX_BACKUP_BYTES as u64 / MB).to_string()),
            ],
        ));
    }
    spawn_local(async move {
        let text = JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|v| v.as_string());
        let Some(text) = text else {
            return show_error(t("importUnreadable"));
        };
        write_then(
            move |data| async move { data.import_backup(&text, replace).await },
            |ui, result| {
                ui.options.extras_loaded = false;
                match result {
                    Ok(report) => {
                        let text = tf(
                            "importReport",
                            &[
                                ("added", &report.added.len().to_string()),
                                ("updated", &report.updated.len().to_string()),
                                ("skipped", &report.skipped.len().to_string()),
                            ],
                        );
                        let mut lines = vec![text.clone()];
                        for s in &report.skipped {
                            let why = match s.reason {
                                SkipReason::Identical => t("skipIdentical"),
                                SkipReason::OlderRevision { .. } => t("skipOlder"),
                            };
                            lines.push(format!("{}: {why}", s.id));
                        }
                        ui.options.report = Some(lines.join("\n"));
                        ui.info(text);
                    }
                    Err(e) => {
                        ui.options.report = None;
                        ui.error(import_error(&e));
                    }
                }
            },
        );
    });
}

fn import_error(e: &DataError) -> String {
    tf("importRefused", &[("detail", &e.to_string())])
}
