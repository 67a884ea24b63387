//! The app's interface in the browser: the toolbar popup, the options page and `www/`.
//!
//! What the page shows and does is `crate::ui` (pure Rust, tested natively). This side only
//! turns DOM events into [`Msg`]s (one delegated listener per event type on the page root,
//! reading the `data-action` / `data-form` / `name` of the element used), runs the
//! [`Effect`]s `update` returns ([`effects`]) and brings the page up to date with the new
//! tree ([`patch`]), changing only what differs, so focus, the caret and what is being
//! typed survive.

mod effects;
mod files;
pub(crate) mod i18n;
pub mod patch;

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use js_sys::Function;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    DragEvent, Element, Event, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement,
    KeyboardEvent,
};

use super::clock;
use super::data::Data;
pub use crate::ui::Surface;
use crate::ui::{self, base36, BoardMsg, Ids, Model, Msg, Node};
pub use i18n::set_page_messages;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "onChanged"], js_name = addListener, catch)]
    fn on_storage_changed(listener: &Function) -> Result<(), JsValue>;
}

/// One mounted page: its model, where its data lives, its root, and the tree last drawn.
struct Page {
    model: Model,
    data: Data,
    root: Element,
    drawn: Option<Node>,
}

thread_local! {
    static PAGE: RefCell<Option<Page>> = const { RefCell::new(None) };
    /// What was clicked in the popup's first drawing before this interface took it over.
    static HELD: RefCell<Option<js_sys::Array>> = const { RefCell::new(None) };
    static QUEUE: RefCell<VecDeque<Msg>> = const { RefCell::new(VecDeque::new()) };
    static RUNNING: Cell<bool> = const { Cell::new(false) };
}

fn with_page<R>(f: impl FnOnce(&mut Page) -> R) -> Option<R> {
    PAGE.with(|cell| cell.try_borrow_mut().ok()?.as_mut().map(f))
}

/// Where this page's data lives.
fn data() -> Option<Data> {
    with_page(|p| p.data)
}

/// Mounts the interface into `root` and draws it once storage has been read.
pub fn mount(
    root: Element,
    surface: Surface,
    early: Option<js_sys::Promise>,
) -> Result<(), JsValue> {
    mount_with(root, surface, early, None)
}

/// [`mount`], with `everything`: the page glue's `chrome.storage.local.get(null)`, started
/// while the WebAssembly compiled (the full-tab page's board needs every application before
/// it can draw).
pub fn mount_with(
    root: Element,
    surface: Surface,
    early: Option<js_sys::Promise>,
    everything: Option<js_sys::Promise>,
) -> Result<(), JsValue> {
    let data = Data::of_page(surface == Surface::Www);
    let _ = root.set_attribute("data-surface", surface.name());
    listen(&root)?;
    // Unique to this page: the time in base 36 and a random part.
    let seed = format!(
        "{}{}",
        base36(js_sys::Date::now() as u64),
        base36((js_sys::Math::random() * 1_679_616.0) as u64)
    );
    let model = Model::new(surface, i18n::words(), clock::today(), Ids::new(&seed));
    if surface != Surface::Www {
        // The extension's pages are written in English; screen readers read them in the
        // language of the words shown (`www/`'s glue says its own).
        let lang = model.words.t("interfaceLanguage");
        let html = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element());
        if let (Some(html), false) = (html, lang.is_empty()) {
            let _ = html.set_attribute("lang", &lang);
        }
    }
    PAGE.with(|cell| {
        *cell.borrow_mut() = Some(Page {
            model,
            data,
            root,
            drawn: None,
        })
    });
    watch_storage(data);
    watch_day();
    effects::open(early, everything);
    Ok(())
}

/// Hands `msg` to `update`, redraws, and runs the effects. A message that arrives while
/// another is being handled (an event fired by the redraw itself, an effect that finished at
/// once) waits its turn.
pub fn dispatch(msg: Msg) {
    QUEUE.with(|q| q.borrow_mut().push_back(msg));
    if RUNNING.with(|r| r.replace(true)) {
        return;
    }
    while let Some(msg) = QUEUE.with(|q| q.borrow_mut().pop_front()) {
        let effects = with_page(|p| {
            let effects = ui::update(&mut p.model, msg);
            p.render();
            effects
        })
        .unwrap_or_default();
        for effect in effects {
            effects::run(effect);
        }
    }
    RUNNING.with(|r| r.set(false));
}

impl Page {
    /// Brings the page up to date with the model (nothing is shown before storage was read).
    fn render(&mut self) {
        if !self.model.loaded {
            return;
        }
        let tree = ui::view(&self.model);
        let focus = patch::focused_key();
        // The popup's first module may have drawn this very tree already (`web::early`):
        // then the page is taken over as it is.
        let early = self
            .root
            .get_attribute("data-early")
            .filter(|_| self.drawn.is_none() && self.model.partial.is_some())
            .map(|print| (print, ui::early_view(&self.model)))
            .filter(|(print, first)| *print == ui::fingerprint(first));
        match (
            self.drawn.as_ref().or(early.as_ref().map(|e| &e.1)),
            self.root.first_child(),
        ) {
            (Some(old), Some(dom)) => {
                patch::patch(&dom, old, &tree);
            }
            _ => {
                self.root.set_text_content(None);
                let _ = self.root.append_child(&patch::create(&tree));
            }
        }
        patch::restore_focus(&self.root, focus);
        self.drawn = Some(tree);
        let _ = self.root.set_attribute("aria-busy", "false");
        let _ = self.root.set_attribute("data-view", self.model.view.name());
        if self.root.has_attribute("data-early") {
            let _ = self.root.remove_attribute("data-early");
            replay_held(&self.root);
        }
    }
}

/// Takes the popup glue's list of what was clicked in the first drawing (`web::early`) before
/// this interface took the page over: each is clicked again once it has.
pub fn hold(held: js_sys::Array) {
    HELD.with(|h| *h.borrow_mut() = Some(held));
}

/// Clicks again what was clicked before the take-over: the control now in the page with the
/// same action, application and key (the element itself when the page was taken over as it
/// was). A control the page no longer has is not clicked.
fn replay_held(root: &Element) {
    let Some(held) = HELD.with(|h| h.borrow_mut().take()) else {
        return;
    };
    const NAMES: [&str; 3] = ["data-action", "data-app", "data-key"];
    for target in held.iter() {
        let Some(control) = target
            .dyn_into::<Element>()
            .ok()
            .and_then(|t| t.closest("[data-action]").ok().flatten())
        else {
            continue;
        };
        let same = |e: &Element| {
            NAMES
                .iter()
                .all(|n| e.get_attribute(n) == control.get_attribute(n))
        };
        let now = if control.is_connected() {
            Some(control.clone())
        } else {
            let controls = root.query_selector_all("[data-action]").ok();
            (0..controls.as_ref().map_or(0, |c| c.length()))
                .filter_map(|i| controls.as_ref()?.get(i)?.dyn_into::<Element>().ok())
                .find(|e| same(e))
        };
        if let Some(el) = now.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            el.click();
        }
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
        if let Some(msg) = Msg::from_click(&action, |name| control.get_attribute(name)) {
            dispatch(msg);
        }
    });
    root.add_event_listener_with_callback("click", click.as_ref().unchecked_ref())?;
    click.forget();

    let submit = Closure::<dyn FnMut(Event)>::new(|event: Event| {
        event.prevent_default();
        let Some(form) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let name = form.get_attribute("data-form").unwrap_or_default();
        let holidays = form.get_attribute("data-import").as_deref() == Some("holidays");
        if name == "import" && holidays {
            let size = effects::pick_file(&form, "holiday-file");
            dispatch(Msg::HolidaysPicked { size });
        } else if name == "import" {
            let size = effects::pick_file(&form, "import-file");
            dispatch(Msg::ImportPicked { size });
        } else if let Some(msg) = Msg::from_submit(&name) {
            dispatch(msg);
        }
    });
    root.add_event_listener_with_callback("submit", submit.as_ref().unchecked_ref())?;
    submit.forget();

    let input = Closure::<dyn FnMut(Event)>::new(|event: Event| {
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        if let Some(msg) = field_msg(&target) {
            dispatch(msg);
        }
    });
    root.add_event_listener_with_callback("input", input.as_ref().unchecked_ref())?;
    root.add_event_listener_with_callback("change", input.as_ref().unchecked_ref())?;
    input.forget();

    let key = Closure::<dyn FnMut(KeyboardEvent)>::new(|event: KeyboardEvent| {
        if event.key() == "Escape" && with_page(|p| p.model.escape_closes()) == Some(true) {
            event.prevent_default();
            dispatch(Msg::Escape);
        }
    });
    root.add_event_listener_with_callback("keydown", key.as_ref().unchecked_ref())?;
    key.forget();
    listen_drag(root)
}

/// The element the event happened in or under that matches `selector`.
fn closest(event: &Event, selector: &str) -> Option<Element> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    target.closest(selector).ok().flatten()
}

/// Dragging a board card with the mouse: picked up (`[data-card]`), over a column and dropped
/// on one (`[data-drop]`), or given up. Whether a column takes the card is the model's answer.
fn listen_drag(root: &Element) -> Result<(), JsValue> {
    let start = Closure::<dyn FnMut(DragEvent)>::new(|event: DragEvent| {
        let Some(card) = closest(&event, "[data-card]") else {
            return;
        };
        let id = card.get_attribute("data-card").unwrap_or_default();
        if let Some(dt) = event.data_transfer() {
            // The card's own type tells its drop from anything dragged in from elsewhere;
            // Firefox starts a drag only with data set.
            let _ = dt.set_data(ui::CARD_TYPE, &id);
            let _ = dt.set_data("text/plain", &id);
            dt.set_effect_allowed("move");
        }
        dispatch(Msg::Board(BoardMsg::DragStart(id)));
    });
    root.add_event_listener_with_callback("dragstart", start.as_ref().unchecked_ref())?;
    start.forget();

    let over = Closure::<dyn FnMut(DragEvent)>::new(|event: DragEvent| {
        let key = closest(&event, "[data-drop]")
            .and_then(|c| c.get_attribute("data-drop"))
            .unwrap_or_default();
        let carries = carries_card(&event);
        let Some((accepts, same)) = with_page(|p| {
            let accepts = carries && p.model.board_accepts(&key);
            let now = p.model.board.over.as_deref();
            (accepts, now == accepts.then_some(key.as_str()))
        }) else {
            return;
        };
        if accepts {
            event.prevent_default();
            if let Some(dt) = event.data_transfer() {
                dt.set_drop_effect("move");
            }
        }
        // Fired every few milliseconds: the page is drawn again only when the column changes.
        if !same {
            dispatch(Msg::Board(BoardMsg::DragOver(key)));
        }
    });
    root.add_event_listener_with_callback("dragover", over.as_ref().unchecked_ref())?;
    over.forget();

    let drop = Closure::<dyn FnMut(DragEvent)>::new(|event: DragEvent| {
        let Some(column) = closest(&event, "[data-drop]") else {
            return;
        };
        // Nothing dropped on a column opens there, whatever it is.
        event.prevent_default();
        let key = column.get_attribute("data-drop").unwrap_or_default();
        let card = event
            .data_transfer()
            .and_then(|dt| dt.get_data(ui::CARD_TYPE).ok())
            .filter(|id| !id.is_empty());
        dispatch(Msg::Board(BoardMsg::Drop { column: key, card }));
    });
    root.add_event_listener_with_callback("drop", drop.as_ref().unchecked_ref())?;
    drop.forget();

    let end = Closure::<dyn FnMut(DragEvent)>::new(|_: DragEvent| {
        let busy = with_page(|p| p.model.board.dragging.is_some() || p.model.board.over.is_some());
        if busy == Some(true) {
            dispatch(Msg::Board(BoardMsg::DragEnd));
        }
    });
    root.add_event_listener_with_callback("dragend", end.as_ref().unchecked_ref())?;
    end.forget();
    Ok(())
}

/// Whether a drag carries a board card (its type; the data itself is read only on drop).
fn carries_card(event: &DragEvent) -> bool {
    event
        .data_transfer()
        .is_some_and(|dt| dt.types().includes(&JsValue::from_str(ui::CARD_TYPE), 0))
}

/// What a changed form control now holds, as a message.
fn field_msg(target: &Element) -> Option<Msg> {
    let name = target.get_attribute("name")?;
    if let Some(i) = target.dyn_ref::<HtmlInputElement>() {
        return match i.type_().as_str() {
            "checkbox" => Some(Msg::Check {
                name,
                on: i.checked(),
            }),
            "radio" => i.checked().then(|| Msg::Input {
                name,
                value: i.value(),
            }),
            "file" => None,
            _ => Some(Msg::Input {
                name,
                value: i.value(),
            }),
        };
    }
    let value = if let Some(t) = target.dyn_ref::<HtmlTextAreaElement>() {
        t.value()
    } else {
        target.dyn_ref::<HtmlSelectElement>()?.value()
    };
    Some(Msg::Input { name, value })
}

/// Takes in what another window, the service worker or a webmail tab changes in storage.
fn watch_storage(data: Data) {
    let changed =
        Closure::<dyn FnMut(JsValue, JsValue)>::new(move |changes: JsValue, area: JsValue| {
            let changes = match data.is_page() {
                true => page_change(&changes),
                _ if area.as_string().as_deref() == Some("local") => {
                    crate::web::own::changes_of(&changes)
                }
                _ => return,
            };
            dispatch(match changes {
                Some(changes) => Msg::Changed(changes),
                None => Msg::StorageChanged,
            });
        });
    if data.is_page() {
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback("storage", changed.as_ref().unchecked_ref());
        }
    } else {
        let _ = on_storage_changed(changed.as_ref().unchecked_ref());
    }
    changed.forget();
}

/// A page left open past midnight plans for the new day: the date is compared with the
/// page's every minute and whenever the page is shown again.
fn watch_day() {
    let tick = Closure::<dyn FnMut()>::new(|| {
        let today = clock::today();
        if with_page(|p| p.model.loaded && p.model.today != today) == Some(true) {
            dispatch(Msg::Day(today));
        }
    });
    if let Some(w) = web_sys::window() {
        let f: &Function = tick.as_ref().unchecked_ref();
        let _ = w.set_interval_with_callback_and_timeout_and_arguments_0(f, 60_000);
        if let Some(d) = w.document() {
            let _ = d.add_event_listener_with_callback("visibilitychange", f);
        }
    }
    tick.forget();
}

/// The `storage` event of `www/`: one key of the page's `localStorage` and its new text.
fn page_change(event: &JsValue) -> Option<ui::Changes> {
    let field = |name: &str| js_sys::Reflect::get(event, &JsValue::from_str(name)).ok();
    let key = field("key")?.as_string()?;
    let key = key.strip_prefix(crate::web::kv::PAGE_PREFIX)?;
    Some(vec![(key.to_string(), field("newValue")?.as_string())])
}
