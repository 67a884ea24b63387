//! The page as a plain tree: what `view` returns and what the browser side applies to the
//! DOM. Text is a value (it becomes `textContent`), never markup. Form controls carry their
//! current value as a property (`value`, `checked`) beside their attributes, so the page
//! can be brought up to date without touching what the user is typing.

/// Which namespace an element is created in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ns {
    Html,
    Svg,
}

/// One element of the tree.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Element {
    pub tag: &'static str,
    pub ns: Ns,
    pub attrs: Vec<(&'static str, String)>,
    /// The control's value (`input`, `textarea`, `select`).
    pub value: Option<String>,
    /// Whether a checkbox or radio button is ticked.
    pub checked: Option<bool>,
    /// Identifies an item of a list across updates (an action, an application, a contact).
    pub key: Option<String>,
    pub children: Vec<Node>,
}

/// A node of the tree: an element or a run of text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Node {
    Element(Element),
    Text(String),
}

/// 64-bit FNV-1a: a hash spelled out here so that every module of this version (the service
/// worker's, the popup's first one and the pages') gives the same answer for the same input.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A short text that tells one tree from another (the same tree gives the same text in every
/// module of this version): how the full interface knows the page already shows what it
/// would draw first.
pub fn fingerprint(node: &Node) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = Fnv::default();
    node.hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

pub fn el(tag: &'static str) -> Node {
    Node::Element(Element {
        tag,
        ns: Ns::Html,
        attrs: Vec::new(),
        value: None,
        checked: None,
        key: None,
        children: Vec::new(),
    })
}

pub fn svg(tag: &'static str) -> Node {
    match el(tag) {
        Node::Element(e) => Node::Element(Element { ns: Ns::Svg, ..e }),
        text => text,
    }
}

impl Node {
    fn edit(mut self, f: impl FnOnce(&mut Element)) -> Node {
        if let Node::Element(e) = &mut self {
            f(e);
        }
        self
    }

    pub fn attr(self, name: &'static str, value: &str) -> Node {
        self.edit(|e| match e.attrs.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value.to_string(),
            None => e.attrs.push((name, value.to_string())),
        })
    }

    pub fn attr_if(self, on: bool, name: &'static str, value: &str) -> Node {
        if on {
            self.attr(name, value)
        } else {
            self
        }
    }

    pub fn class(self, value: &str) -> Node {
        self.attr("class", value)
    }

    /// `data-action`: what a click on it does (see `Msg::from_click`).
    pub fn action(self, value: &str) -> Node {
        self.attr("data-action", value)
    }

    pub fn key(self, key: &str) -> Node {
        self.edit(|e| e.key = Some(key.to_string()))
    }

    pub fn value(self, value: &str) -> Node {
        self.edit(|e| e.value = Some(value.to_string()))
    }

    pub fn checked(self, on: bool) -> Node {
        self.edit(|e| e.checked = Some(on))
    }

    /// Replaces the children with one run of text.
    pub fn text(self, text: &str) -> Node {
        self.edit(|e| e.children = vec![Node::Text(text.to_string())])
    }

    pub fn child(self, child: Node) -> Node {
        self.edit(|e| e.children.push(child))
    }

    pub fn child_if(self, on: bool, child: impl FnOnce() -> Node) -> Node {
        if on {
            self.child(child())
        } else {
            self
        }
    }

    pub fn children(self, children: impl IntoIterator<Item = Node>) -> Node {
        self.edit(|e| e.children.extend(children))
    }

    /// Appends a run of text (between elements).
    pub fn append_text(self, text: &str) -> Node {
        self.child(Node::Text(text.to_string()))
    }

    /// The element, if this is one.
    pub fn element(&self) -> Option<&Element> {
        match self {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        }
    }

    /// The key of a list item.
    pub fn key_of(&self) -> Option<&str> {
        self.element()?.key.as_deref()
    }

    /// The value of attribute `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.element()?
            .attrs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// All the text under this node, as `textContent` reads it.
    pub fn text_content(&self) -> String {
        match self {
            Node::Text(t) => t.clone(),
            Node::Element(e) => e.children.iter().map(Node::text_content).collect(),
        }
    }

    /// Every node under this one (itself included) for which `pick` holds, in document order.
    pub fn find_all(&self, pick: &dyn Fn(&Node) -> bool) -> Vec<&Node> {
        let mut out = Vec::new();
        self.walk(&mut |n| {
            if pick(n) {
                out.push(n);
            }
        });
        out
    }

    fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a Node)) {
        f(self);
        if let Node::Element(e) = self {
            for c in &e.children {
                c.walk(f);
            }
        }
    }

    /// Nodes matching a small selector: `tag`, `.class`, `[attr]`, `[attr=value]`, combined
    /// without spaces (`li.action[data-key=thank-you]`), and descendants separated by spaces
    /// (`section.due li.action`).
    pub fn select(&self, selector: &str) -> Vec<&Node> {
        let parts: Vec<Selector> = selector.split_whitespace().map(Selector::parse).collect();
        let mut scope: Vec<&Node> = vec![self];
        for (i, part) in parts.iter().enumerate() {
            let mut next: Vec<&Node> = Vec::new();
            for root in &scope {
                for found in root.find_all(&|n| part.matches(n)) {
                    let below = i == 0 || !std::ptr::eq(found, *root);
                    if below && !next.iter().any(|n| std::ptr::eq(*n, found)) {
                        next.push(found);
                    }
                }
            }
            scope = next;
        }
        scope
    }

    /// The first node matching `selector` (see [`Node::select`]).
    pub fn first(&self, selector: &str) -> Option<&Node> {
        self.select(selector).into_iter().next()
    }
}

struct Selector {
    tag: Option<String>,
    classes: Vec<String>,
    attrs: Vec<(String, Option<String>)>,
}

impl Selector {
    fn parse(s: &str) -> Selector {
        let mut sel = Selector {
            tag: None,
            classes: Vec::new(),
            attrs: Vec::new(),
        };
        let mut rest = s;
        let word_end = |r: &str| r.find(['.', '[']).unwrap_or(r.len());
        let end = word_end(rest);
        if end > 0 {
            sel.tag = Some(rest[..end].to_string());
        }
        rest = &rest[end..];
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('.') {
                let end = word_end(r);
                sel.classes.push(r[..end].to_string());
                rest = &r[end..];
            } else if let Some(r) = rest.strip_prefix('[') {
                let end = r.find(']').unwrap_or(r.len());
                let inner = &r[..end];
                sel.attrs.push(match inner.split_once('=') {
                    Some((n, v)) => (n.to_string(), Some(v.trim_matches('"').to_string())),
                    None => (inner.to_string(), None),
                });
                rest = r.get(end + 1..).unwrap_or("");
            } else {
                break;
            }
        }
        sel
    }

    fn matches(&self, n: &Node) -> bool {
        let Some(e) = n.element() else {
            return false;
        };
        if self.tag.as_deref().is_some_and(|t| t != e.tag) {
            return false;
        }
        let classes = n.get("class").unwrap_or("");
        if !self
            .classes
            .iter()
            .all(|c| classes.split_whitespace().any(|have| have == c))
        {
            return false;
        }
        self.attrs.iter().all(|(name, want)| match n.get(name) {
            None => false,
            Some(have) => want.as_deref().map_or(true, |w| w == have),
        })
    }
}

/// A button that does `action` when clicked.
pub fn button(label: &str, action: &str) -> Node {
    el("button")
        .attr("type", "button")
        .action(action)
        .text(label)
}

/// A labelled form control: `<label>text <control></label>`.
pub fn labelled(label: &str, control: Node) -> Node {
    el("label").append_text(label).child(control)
}

/// An `<input>` of type `kind` named `name`, holding `value`.
pub fn input(kind: &str, name: &str, value: &str) -> Node {
    el("input")
        .attr("type", kind)
        .attr("name", name)
        .value(value)
}

/// A checkbox named `name`.
pub fn checkbox(name: &str, on: bool) -> Node {
    el("input")
        .attr("type", "checkbox")
        .attr("name", name)
        .checked(on)
}

/// A labelled checkbox: `<label class="check"><input type="checkbox"> text</label>`.
pub fn labelled_check(name: &str, on: bool, label: &str) -> Node {
    el("label")
        .class("check")
        .child(checkbox(name, on))
        .append_text(label)
}

pub fn textarea(name: &str, value: &str) -> Node {
    el("textarea").attr("name", name).value(value)
}

/// A `<select>` of `(value, label)` with `selected` chosen.
pub fn select(name: &str, options: &[(String, String)], selected: &str) -> Node {
    el("select")
        .attr("name", name)
        .value(selected)
        .children(options.iter().map(|(value, label)| {
            el("option")
                .attr("value", value)
                .attr_if(value == selected, "selected", "")
                .text(label)
        }))
}
