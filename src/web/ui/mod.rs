//! The app's interface, rendered by Rust into the pages' own HTML and CSS: the toolbar popup,
//! the options page and `www/`.
//!
//! One [`Ui`] per page holds what was read from storage, the plan computed from it and what
//! the user is looking at. Every change redraws the page from that state ([`render`]); the
//! pages are small (lists are cut to a screenful with "show more"), so a full redraw costs
//! well under a frame. Events are delegated: one listener per event type on the page root
//! reads the `data-action` / `data-form` of the element the user used. Writes go through
//! [`Data`], which sends them to the service worker in the extension and writes
//! `localStorage` in `www/`; a refused write (another window saved first) re-reads and says so.

mod apps;
mod dom;
mod files;
pub(crate) mod i18n;
mod options;
mod timeline;
mod today;

use std::cell::RefCell;

use chrono::NaiveDate;
use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{Element, Event, HtmlElement, HtmlInputElement, KeyboardEvent};

use super::clock;
use super::data::{Data, DataError, State};
use crate::core::model::Application;
use crate::core::plan::{self, Plan};
use dom::{el, replace_children};
pub use i18n::set_page_messages;
use i18n::t;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "onChanged"], js_name = addListener, catch)]
    fn on_storage_changed(listener: &Function) -> Result<(), JsValue>;
    #[wasm_bindgen(js_namespace = ["navigator", "clipboard"], js_name = writeText, catch)]
    fn clipboard_write(text: &str) -> Result<Promise, JsValue>;
}

/// Which page the interface is drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    Popup,
    Options,
    Www,
}

/// What the page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    Today,
    Apps,
    /// One application: its timeline, actions, people and what to record.
    App(String),
    /// The application editor (new or existing).
    Edit,
    /// The settings (the options page, or a tab of `www/`).
    Settings,
}

/// A line at the top of the page: what just happened, or what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
    /// An action that was just recorded, which the notice offers to undo.
    pub undo: Option<(String, String)>,
}

/// The state of one page.
pub struct Ui {
    pub surface: Surface,
    pub data: Data,
    pub root: Element,
    pub today: NaiveDate,
    pub state: State,
    pub plan: Plan,
    pub view: View,
    /// The applications list's search text.
    pub search: String,
    /// How many rows the long lists show.
    pub shown: usize,
    /// `appId/key` of the action whose draft is open.
    pub open_draft: Option<String>,
    /// The application being edited, with what the form holds so far.
    pub editor: Option<Application>,
    /// A delete waiting for its confirmation click.
    pub confirm_delete: bool,
    pub notice: Option<Notice>,
    /// A write is on its way; buttons that write are disabled meanwhile.
    pub busy: bool,
    pub options: options::OptionsState,
}

thread_local! {
    static UI: RefCell<Option<Ui>> = const { RefCell::new(None) };
}

/// Runs `f` on the page's state, if the page is mounted.
pub fn with_ui<R>(f: impl FnOnce(&mut Ui) -> R) -> Option<R> {
    UI.with(|cell| cell.try_borrow_mut().ok()?.as_mut().map(f))
}

/// The first page of a long list.
pub const PAGE: usize = 50;

/// The button under a list cut at `shown` of `total` rows.
pub fn show_more(total: usize, shown: usize) -> dom::El {
    let next = (total - shown).min(PAGE).to_string();
    dom::button(&i18n::tf("showMore", &[("n", &next)]), "show-more").class("more")
}

/// Mounts the interface into `root` and draws it once storage has been read.
pub fn mount(root: Element, surface: Surface) -> Result<(), JsValue> {
    let data = match surface {
        Surface::Www => Data::Page,
        _ => Data::Extension,
    };
    let view = match surface {
        Surface::Options => View::Settings,
        _ => View::Today,
    };
    let _ = root.set_attribute("data-surface", surface_name(surface));
    listen(&root)?;
    UI.with(|cell| {
        *cell.borrow_mut() = Some(Ui {
            surface,
            data,
            root,
            today: clock::today(),
            state: State::default(),
            plan: Plan::default(),
            view,
            search: String::new(),
            shown: PAGE,
            open_draft: None,
            editor: None,
            confirm_delete: false,
            notice: None,
            busy: false,
            options: options::OptionsState::default(),
        })
    });
    watch_storage(data);
    spawn_local(reload());
    Ok(())
}

fn surface_name(surface: Surface) -> &'static str {
    match surface {
        Surface::Popup => "popup",
        Surface::Options => "options",
        Surface::Www => "www",
    }
}

impl Ui {
    /// Takes a fresh read of storage and plans it for today.
    pub(super) fn set_state(&mut self, state: State) {
        self.today = clock::today();
        self.plan = plan::plan(&state.apps, &state.settings, self.today);
        self.state = state;
        if let View::App(id) = &self.view {
            if self.app(id).is_none() {
                self.view = View::Apps;
            }
        }
    }

    pub fn app(&self, id: &str) -> Option<&Application> {
        self.state.apps.iter().find(|a| a.id == id)
    }

    pub fn info(&mut self, text: String) {
        self.notice = Some(Notice {
            text,
            error: false,
            undo: None,
        });
    }

    pub fn error(&mut self, text: String) {
        self.notice = Some(Notice {
            text,
            error: true,
            undo: None,
        });
    }
}

/// Reads storage again and redraws.
pub async fn reload() {
    let Some(data) = with_ui(|ui| ui.data) else {
        return;
    };
    let loaded = data.load().await;
    with_ui(|ui| {
        match loaded {
            Ok(state) => ui.set_state(state),
            Err(e) => ui.error(tf_error(&e)),
        }
        render(ui);
    });
}

fn tf_error(e: &DataError) -> String {
    i18n::tf("errorStorage", &[("detail", &e.to_string())])
}

/// Runs a write, then re-reads and redraws; `done` words the notice on success.
pub fn write<F, Fut>(work: F, done: Option<Notice>)
where
    F: FnOnce(Data) -> Fut + 'static,
    Fut: std::future::Future<Output = Result<(), DataError>> + 'static,
{
    write_then(work, move |ui, result| match result {
        Ok(()) => ui.notice = done,
        Err(e) => ui.error(e.to_string()),
    });
}

/// Runs a write, re-reads storage, lets `after` word the outcome on the fresh state, and
/// redraws. Write buttons are disabled meanwhile.
pub fn write_then<T, F, Fut>(work: F, after: impl FnOnce(&mut Ui, Result<T, DataError>) + 'static)
where
    T: 'static,
    F: FnOnce(Data) -> Fut + 'static,
    Fut: std::future::Future<Output = Result<T, DataError>> + 'static,
{
    // Started on the next turn of the event loop, so it may be called while the page's
    // state is borrowed (from inside an event handler).
    spawn_local(async move {
        let Some(data) = with_ui(|ui| {
            ui.busy = true;
            ui.data
        }) else {
            return;
        };
        let result = work(data).await;
        let loaded = data.load().await;
        with_ui(|ui| {
            ui.busy = false;
            if let Ok(state) = loaded {
                ui.set_state(state);
            }
            after(ui, result);
            render(ui);
        });
    });
}

/// Shows `text` as an error and redraws.
pub fn show_error(text: String) {
    with_ui(|ui| {
        ui.error(text);
        render(ui);
    });
}

/// Saves one application and shows `done`.
pub fn save_app(app: Application, done: Option<Notice>) {
    write(
        move |data| async move { data.save_app(app).await.map(|_| ()) },
        done,
    );
}

/// Redraws the whole page from `ui`, keeping keyboard focus where it was.
pub fn render(ui: &mut Ui) {
    if ui.view == View::Edit {
        apps::sync_editor(ui);
    }
    let focus = focused_key();
    let page = match ui.surface {
        Surface::Options => options::page(ui),
        _ => app_page(ui),
    };
    replace_children(&ui.root, &page.into_element());
    let _ = ui.root.set_attribute("aria-busy", "false");
    let _ = ui.root.set_attribute(
        "data-view",
        match &ui.view {
            View::Today => "today",
            View::Apps => "apps",
            View::App(_) => "app",
            View::Edit => "edit",
            View::Settings => "settings",
        },
    );
    restore_focus(&ui.root, focus);
}

/// The popup and `www/`: tabs, the notice, then the current view.
fn app_page(ui: &mut Ui) -> dom::El {
    let tab = |view: View, label: &str, action: &str| {
        let current =
            ui.view == view || (view == View::Apps && matches!(ui.view, View::App(_) | View::Edit));
        dom::button(label, action)
            .attr("role", "tab")
            .attr("aria-selected", if current { "true" } else { "false" })
    };
    let due = plan::badge_count(&ui.plan);
    let today_label = if due > 0 {
        format!("{} ({due})", t("tabToday"))
    } else {
        t("tabToday")
    };
    let mut tabs = el("div")
        .class("tabs")
        .attr("role", "tablist")
        .attr("aria-label", &t("tabsLabel"))
        .child(tab(View::Today, &today_label, "tab-today"))
        .child(tab(View::Apps, &t("tabApps"), "tab-apps"));
    let mut header = el("header")
        .class("bar")
        .child(el("h1").text(&t("appTitle")));
    if ui.surface == Surface::Www {
        tabs = tabs.child(tab(View::Settings, &t("tabSettings"), "tab-settings"));
        header = header.child(tabs);
    } else {
        header = header.child(tabs).child(
            dom::button(&t("openOptions"), "open-options")
                .class("link")
                .attr("aria-label", &t("openOptionsLabel")),
        );
    }
    let body = match ui.view.clone() {
        View::Today => today::view(ui),
        View::Apps => apps::list(ui),
        View::App(id) => apps::detail(ui, &id),
        View::Edit => apps::editor(ui),
        View::Settings => options::settings_sections(ui),
    };
    let mut page = el("div").class("page");
    if ui.surface == Surface::Www {
        page = page.child(www_intro());
    }
    page.child(header).child(notice_of(ui)).child(
        el("section")
            .class("view")
            .attr("role", "tabpanel")
            .child(body),
    )
}

fn www_intro() -> dom::El {
    el("aside")
        .class("intro")
        .child(el("p").text(&t("wwwIntro")))
        .child(el("p").text(&t("wwwStorage")))
}

pub(super) fn notice_of(ui: &Ui) -> dom::El {
    let region = el("div")
        .class("notice")
        .attr("role", "status")
        .attr("aria-live", "polite");
    match &ui.notice {
        None => region,
        Some(n) => {
            let mut line = el("p")
                .class(if n.error { "message error" } else { "message" })
                .append_text(&n.text);
            if n.error {
                line = line.attr("role", "alert");
            }
            if let Some((app, key)) = &n.undo {
                line = line.child(
                    dom::button(&t("undo"), "undo")
                        .attr("data-app", app)
                        .attr("data-key", key),
                );
            }
            line = line.child(
                dom::button("×", "dismiss")
                    .class("icon")
                    .attr("aria-label", &t("dismiss")),
            );
            region.child(line)
        }
    }
}

/// What identifies the focused control across a redraw: its name, or its action and keys.
fn focused_key() -> Option<String> {
    let active = dom::document().active_element()?;
    if let Some(name) = active.get_attribute("name") {
        return Some(format!("[name=\"{}\"]", dom::css_escape(&name)));
    }
    let action = active.get_attribute("data-action")?;
    let mut sel = format!("[data-action=\"{}\"]", dom::css_escape(&action));
    for attr in ["data-app", "data-key", "data-index"] {
        if let Some(v) = active.get_attribute(attr) {
            sel.push_str(&format!("[{attr}=\"{}\"]", dom::css_escape(&v)));
        }
    }
    Some(sel)
}

fn restore_focus(root: &Element, key: Option<String>) {
    let Some(selector) = key else {
        return;
    };
    let Some(found) = root.query_selector(&selector).ok().flatten() else {
        return;
    };
    if let Some(input) = found.dyn_ref::<HtmlInputElement>() {
        let len = input.value().encode_utf16().count() as u32;
        let _ = input.focus();
        let _ = input.set_selection_range(len, len);
    } else if let Some(e) = found.dyn_ref::<HtmlElement>() {
        let _ = e.focus();
    }
}

/// One listener per event type on the root; each finds the element the user used.
fn listen(root: &Element) -> Result<(), JsValue> {
    let click = Closure::<dyn FnMut(Event)>::new(|event: Event| {
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let Some(control) = target.closest("[data-action]").ok().flatten() else {
            return;
        };
        if control.tag_name() == "A" && control.get_attribute("href").is_some() {
            return; // links open by themselves
        }
        event.prevent_default();
        if control.has_attribute("disabled") {
            return;
        }
        let action = control.get_attribute("data-action").unwrap_or_default();
        on_action(&action, &control);
    });
    root.add_event_listener_with_callback("click", click.as_ref().unchecked_ref())?;
    click.forget();

    let submit = Closure::<dyn FnMut(Event)>::new(|event: Event| {
        event.prevent_default();
        let Some(form) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let name = form.get_attribute("data-form").unwrap_or_default();
        on_submit(&name, &form);
    });
    root.add_event_listener_with_callback("submit", submit.as_ref().unchecked_ref())?;
    submit.forget();

    let input = Closure::<dyn FnMut(Event)>::new(|event: Event| {
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        // Handled on the next turn: a redraw removes the control, and the browser may then
        // fire `change` on it while this very listener is still running.
        let kind = event.type_();
        spawn_local(async move { on_input(&target, &kind) });
    });
    root.add_event_listener_with_callback("input", input.as_ref().unchecked_ref())?;
    root.add_event_listener_with_callback("change", input.as_ref().unchecked_ref())?;
    input.forget();

    let key = Closure::<dyn FnMut(KeyboardEvent)>::new(|event: KeyboardEvent| {
        if event.key() == "Escape" {
            let handled = with_ui(|ui| {
                let open = ui.open_draft.take().is_some() || ui.confirm_delete;
                ui.confirm_delete = false;
                if open {
                    render(ui);
                }
                open
            });
            if handled == Some(true) {
                event.prevent_default();
            }
        }
    });
    root.add_event_listener_with_callback("keydown", key.as_ref().unchecked_ref())?;
    key.forget();
    Ok(())
}

/// Re-reads when another window, the service worker or a webmail tab changes storage.
fn watch_storage(data: Data) {
    let changed =
        Closure::<dyn FnMut(JsValue, JsValue)>::new(move |_changes: JsValue, area: JsValue| {
            if data != Data::Page && area.as_string().as_deref() != Some("local") {
                return;
            }
            let dirty = with_ui(|ui| ui.options.dirty).unwrap_or(false);
            if !dirty {
                spawn_local(reload());
            }
        });
    match data {
        Data::Page => {
            if let Some(w) = web_sys::window() {
                let _ =
                    w.add_event_listener_with_callback("storage", changed.as_ref().unchecked_ref());
            }
        }
        _ => {
            let _ = on_storage_changed(changed.as_ref().unchecked_ref());
        }
    }
    changed.forget();
}

fn on_action(action: &str, control: &Element) {
    let attr = |name: &str| control.get_attribute(name).unwrap_or_default();
    match action {
        "tab-today" | "tab-apps" | "tab-settings" => {
            with_ui(|ui| {
                ui.view = match action {
                    "tab-today" => View::Today,
                    "tab-apps" => View::Apps,
                    _ => View::Settings,
                };
                ui.shown = PAGE;
                ui.editor = None;
                ui.confirm_delete = false;
                render(ui);
            });
        }
        "open-options" => open_options(),
        "dismiss" => {
            with_ui(|ui| {
                ui.notice = None;
                render(ui);
            });
        }
        "show-more" => {
            with_ui(|ui| {
                ui.shown += PAGE;
                render(ui);
            });
        }
        "undo" => today::undo(&attr("data-app"), &attr("data-key")),
        "load-demo" => load_demo(),
        a if today::handles(a) => today::on_action(a, control),
        a if apps::handles(a) => apps::on_action(a, control),
        a => options::on_action(a, control),
    }
}

fn on_submit(form: &str, element: &Element) {
    match form {
        f if apps::handles_form(f) => apps::on_submit(f, element),
        f => options::on_submit(f, element),
    }
}

fn on_input(target: &Element, kind: &str) {
    let name = target.get_attribute("name").unwrap_or_default();
    if name == "search" && kind == "input" {
        let value = dom::control_value(target).unwrap_or_default();
        with_ui(|ui| {
            ui.search = value;
            ui.shown = PAGE;
            render(ui);
        });
        return;
    }
    if kind == "change" && apps::rerenders_on_change(&name) {
        with_ui(render);
        return;
    }
    options::on_input(target, &name, kind);
}

/// Opens the options page (extension only).
fn open_options() {
    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = openOptionsPage, catch)]
        fn open_options_page() -> Result<Promise, JsValue>;
    }
    if let Ok(p) = open_options_page() {
        spawn_local(async move {
            let _ = JsFuture::from(p).await;
        });
    }
}

/// Copies `text` to the clipboard and says so.
pub fn copy(text: String) {
    spawn_local(async move {
        let result = match clipboard_write(&text) {
            Ok(p) => JsFuture::from(p).await.map(|_| ()),
            Err(e) => Err(e),
        };
        with_ui(|ui| {
            match result {
                Ok(()) => ui.info(t("copied")),
                Err(_) => ui.error(t("copyFailed")),
            }
            render(ui);
        });
    });
}

/// Stores the sample applications (dated around today) so there is something to look at.
fn load_demo() {
    let today = clock::today();
    let apps = crate::core::demo::sample_applications(today);
    write(
        move |data| async move {
            for app in apps {
                data.save_app(app).await?;
            }
            Ok(())
        },
        Some(Notice {
            text: t("demoLoaded"),
            error: false,
            undo: None,
        }),
    );
}

/// A new identifier: the time in base 36 and a random part, unique enough for one user's data.
pub fn new_id(prefix: &str) -> String {
    let now = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1_679_616.0) as u64; // 36^4
    format!("{prefix}{}{}", base36(now), base36(random))
}

fn base36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}
