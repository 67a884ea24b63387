//! Applies the interface's tree to the page. The first drawing creates every node; after
//! that only what changed between the last tree and the new one is touched: attributes,
//! text, and children (keyed list items matched by key, see `crate::ui::diff`). A control's
//! value or tick is set only when it differs from what the control holds, so the caret,
//! the selection and what is being typed stay as they are. Text only ever enters through
//! `textContent` and attribute values, never markup.

use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element as DomElement, HtmlElement, HtmlInputElement, HtmlSelectElement,
    HtmlTextAreaElement, Node as DomNode,
};

use crate::ui::diff::plan_children;
use crate::ui::node::{Element, Node, Ns};

const SVG_NS: &str = "http://www.w3.org/2000/svg";

pub fn document() -> Document {
    // The pages always have a window and a document; a service worker never renders.
    web_sys::window()
        .and_then(|w| w.document())
        .expect("the pages run in a window with a document")
}

/// A new DOM node for `node` and everything under it.
pub fn create(node: &Node) -> DomNode {
    let doc = document();
    match node {
        Node::Text(t) => doc.create_text_node(t).into(),
        Node::Element(e) => {
            let el = match e.ns {
                Ns::Html => doc.create_element(e.tag),
                Ns::Svg => doc.create_element_ns(Some(SVG_NS), e.tag),
            }
            .expect("tag names are literals, all valid");
            for (name, value) in &e.attrs {
                let _ = el.set_attribute(name, value);
            }
            for c in &e.children {
                let _ = el.append_child(&create(c));
            }
            set_state(&el, e);
            el.into()
        }
    }
}

/// Brings `dom` (drawn from `old`) up to `new`; returns the node now in its place.
pub fn patch(dom: &DomNode, old: &Node, new: &Node) -> DomNode {
    match (old, new) {
        (Node::Text(a), Node::Text(b)) => {
            if a != b {
                dom.set_text_content(Some(b));
            }
            dom.clone()
        }
        (Node::Element(a), Node::Element(b))
            if a.tag == b.tag && a.ns == b.ns && a.key == b.key =>
        {
            let Some(el) = dom.dyn_ref::<DomElement>() else {
                return replace(dom, new);
            };
            patch_attrs(el, a, b);
            patch_children(el, &a.children, &b.children);
            set_state(el, b);
            dom.clone()
        }
        _ => replace(dom, new),
    }
}

fn replace(dom: &DomNode, new: &Node) -> DomNode {
    let fresh = create(new);
    if let Some(parent) = dom.parent_node() {
        let _ = parent.replace_child(&fresh, dom);
    }
    fresh
}

fn patch_attrs(el: &DomElement, old: &Element, new: &Element) {
    for (name, _) in &old.attrs {
        if !new.attrs.iter().any(|(n, _)| n == name) {
            let _ = el.remove_attribute(name);
        }
    }
    for (name, value) in &new.attrs {
        let before = old.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v);
        if before != Some(value) {
            let _ = el.set_attribute(name, value);
        }
    }
}

fn patch_children(parent: &DomElement, old: &[Node], new: &[Node]) {
    let nodes = parent.child_nodes();
    let doms: Vec<DomNode> = (0..nodes.length()).filter_map(|i| nodes.item(i)).collect();
    if doms.len() != old.len() {
        // Something else changed these children: draw them afresh.
        parent.set_text_content(None);
        for n in new {
            let _ = parent.append_child(&create(n));
        }
        return;
    }
    let old_keys: Vec<Option<&str>> = old.iter().map(Node::key_of).collect();
    let new_keys: Vec<Option<&str>> = new.iter().map(Node::key_of).collect();
    let plan = plan_children(&old_keys, &new_keys);
    for &i in &plan.removed {
        let _ = parent.remove_child(&doms[i]);
    }
    let mut moved = vec![false; new.len()];
    for &i in &plan.moved {
        moved[i] = true;
    }
    let mut next: Option<DomNode> = None;
    for (i, n) in new.iter().enumerate().rev() {
        let node = match plan.sources[i] {
            Some(o) => {
                let placed = patch(&doms[o], &old[o], n);
                if moved[i] {
                    let _ = parent.insert_before(&placed, next.as_ref());
                }
                placed
            }
            None => {
                let fresh = create(n);
                let _ = parent.insert_before(&fresh, next.as_ref());
                fresh
            }
        };
        next = Some(node);
    }
}

/// A control's value and tick, set only when they differ from what it holds.
fn set_state(el: &DomElement, e: &Element) {
    if let Some(value) = &e.value {
        if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
            if i.value() != *value {
                i.set_value(value);
            }
        } else if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
            if t.value() != *value {
                t.set_value(value);
            }
        } else if let Some(s) = el.dyn_ref::<HtmlSelectElement>() {
            if s.value() != *value {
                s.set_value(value);
            }
        }
    }
    if let (Some(on), Some(i)) = (e.checked, el.dyn_ref::<HtmlInputElement>()) {
        if i.checked() != on {
            i.set_checked(on);
        }
    }
}

/// What identifies the focused control, should an update replace it: its name, or its
/// action and keys.
pub fn focused_key() -> Option<String> {
    let active = document().active_element()?;
    if let Some(name) = active.get_attribute("name") {
        return Some(format!("[name=\"{}\"]", css_escape(&name)));
    }
    let action = active.get_attribute("data-action")?;
    let mut sel = format!("[data-action=\"{}\"]", css_escape(&action));
    for attr in ["data-app", "data-key", "data-index"] {
        if let Some(v) = active.get_attribute(attr) {
            sel.push_str(&format!("[{attr}=\"{}\"]", css_escape(&v)));
        }
    }
    Some(sel)
}

/// Gives focus back to the control `key` names when the update took it away (its node was
/// replaced); a control that kept its node kept its focus and caret.
pub fn restore_focus(root: &DomElement, key: Option<String>) {
    let Some(selector) = key else {
        return;
    };
    let doc = document();
    let lost = match doc.active_element() {
        None => true,
        Some(a) => a.tag_name() == "BODY" || !a.is_connected(),
    };
    if !lost {
        return;
    }
    focus(root, &selector);
}

/// Moves keyboard focus to the first element matching `selector` under `root`.
pub fn focus(root: &DomElement, selector: &str) {
    let Some(found) = root.query_selector(selector).ok().flatten() else {
        return;
    };
    if let Some(input) = found.dyn_ref::<HtmlInputElement>() {
        let _ = input.focus();
        let len = input.value().encode_utf16().count() as u32;
        let _ = input.set_selection_range(len, len);
    } else if let Some(e) = found.dyn_ref::<HtmlElement>() {
        let _ = e.focus();
    }
}

/// Escapes a value for a double-quoted CSS attribute selector.
fn css_escape(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"")
}
