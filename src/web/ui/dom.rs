//! A small builder for the pages' DOM. Text only ever enters through `textContent` or
//! attribute values (never markup), so user text cannot become elements or scripts.

use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement,
};

const SVG_NS: &str = "http://www.w3.org/2000/svg";

pub fn document() -> Document {
    // The pages always have a window and a document; a service worker never renders.
    web_sys::window()
        .and_then(|w| w.document())
        .expect("the pages run in a window with a document")
}

/// An element under construction. Failures of the DOM calls below can only come from invalid
/// tag or attribute names, which are all literals here, so they are ignored.
pub struct El(pub Element);

pub fn el(tag: &str) -> El {
    El(document()
        .create_element(tag)
        .expect("literal tag names are valid"))
}

pub fn svg(tag: &str) -> El {
    El(document()
        .create_element_ns(Some(SVG_NS), tag)
        .expect("literal SVG tag names are valid"))
}

impl El {
    pub fn attr(self, name: &str, value: &str) -> Self {
        let _ = self.0.set_attribute(name, value);
        self
    }

    pub fn attr_if(self, on: bool, name: &str, value: &str) -> Self {
        if on {
            self.attr(name, value)
        } else {
            self
        }
    }

    pub fn class(self, value: &str) -> Self {
        self.attr("class", value)
    }

    /// `data-action`: what a click on it does (see `ui::handle_click`).
    pub fn action(self, value: &str) -> Self {
        self.attr("data-action", value)
    }

    pub fn text(self, text: &str) -> Self {
        self.0.set_text_content(Some(text));
        self
    }

    pub fn child(self, child: impl Into<Element>) -> Self {
        let _ = self.0.append_child(&child.into());
        self
    }

    pub fn child_if(self, on: bool, child: impl FnOnce() -> El) -> Self {
        if on {
            self.child(child())
        } else {
            self
        }
    }

    pub fn children(self, children: impl IntoIterator<Item = El>) -> Self {
        for c in children {
            let _ = self.0.append_child(&c.0);
        }
        self
    }

    /// Appends a text node (for runs of text between elements).
    pub fn append_text(self, text: &str) -> Self {
        let _ = self.0.append_child(&document().create_text_node(text));
        self
    }

    pub fn into_element(self) -> Element {
        self.0
    }
}

impl From<El> for Element {
    fn from(e: El) -> Element {
        e.0
    }
}

/// A button that does `action` when clicked.
pub fn button(label: &str, action: &str) -> El {
    el("button")
        .attr("type", "button")
        .action(action)
        .text(label)
}

/// A labelled form control: `<label>text <control></label>`.
pub fn labelled(label: &str, control: El) -> El {
    el("label").append_text(label).child(control)
}

pub fn input(kind: &str, name: &str, value: &str) -> El {
    let e = el("input").attr("type", kind).attr("name", name);
    if let Some(i) = e.0.dyn_ref::<HtmlInputElement>() {
        if kind == "checkbox" || kind == "radio" {
            i.set_checked(value == "true");
            i.set_default_checked(value == "true");
        } else {
            i.set_value(value);
            i.set_default_value(value);
        }
    }
    e
}

pub fn textarea(name: &str, value: &str) -> El {
    let e = el("textarea").attr("name", name);
    if let Some(t) = e.0.dyn_ref::<HtmlTextAreaElement>() {
        t.set_value(value);
        let _ = t.set_default_value(value);
    }
    e
}

/// A `<select>` of `(value, label)` with `selected` chosen.
pub fn select(name: &str, options: &[(String, String)], selected: &str) -> El {
    let mut s = el("select").attr("name", name);
    for (value, label) in options {
        s = s.child(
            el("option")
                .attr("value", value)
                .attr_if(value == selected, "selected", "")
                .text(label),
        );
    }
    if let Some(sel) = s.0.dyn_ref::<HtmlSelectElement>() {
        sel.set_value(selected);
    }
    s
}

/// Replaces all children of `parent` with `child`.
pub fn replace_children(parent: &Element, child: &Element) {
    parent.set_text_content(None);
    let _ = parent.append_child(child);
}

/// The value of the form control named `name` under `scope`, if there is one.
pub fn value_of(scope: &Element, name: &str) -> Option<String> {
    let found = scope
        .query_selector(&format!("[name=\"{}\"]", css_escape(name)))
        .ok()
        .flatten()?;
    control_value(&found)
}

/// Whether the checkbox named `name` under `scope` is checked.
pub fn checked(scope: &Element, name: &str) -> bool {
    scope
        .query_selector(&format!("[name=\"{}\"]", css_escape(name)))
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

pub fn control_value(e: &Element) -> Option<String> {
    if let Some(i) = e.dyn_ref::<HtmlInputElement>() {
        return Some(i.value());
    }
    if let Some(t) = e.dyn_ref::<HtmlTextAreaElement>() {
        return Some(t.value());
    }
    e.dyn_ref::<HtmlSelectElement>().map(|s| s.value())
}

/// Escapes a value for a double-quoted CSS attribute selector.
pub fn css_escape(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Moves keyboard focus to the first element matching `selector` under `scope`.
pub fn focus(scope: &Element, selector: &str) {
    if let Some(e) = scope
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = e.focus();
    }
}
