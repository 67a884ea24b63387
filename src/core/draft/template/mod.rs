//! The template language of drafts: `{{variable}}`, list sections `{{#points}}...{{/points}}`,
//! conditionals `{{#var}}...{{/var}}` and `{{^var}}...{{/var}}`, comments `{{! ...}}`.
//!
//! A template is parsed once into a tree, checked against the documented variables, and can then
//! be rendered any number of times. Parsing never panics: every malformed input becomes a
//! [`TemplateError`] with the line, column and byte offset of the tag at fault. Rendering is plain
//! text substitution: values are inserted as they are, never escaped or interpreted as markup.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
mod error;
#[cfg(test)]
mod tests;

pub use error::{TemplateError, TemplateErrorKind};

/// How deeply sections may nest. Real templates use two or three levels; the cap keeps rendering
/// (which recurses over the tree) bounded on any input.
pub const MAX_DEPTH: usize = 16;

/// The most text one rendering produces. A template repeating a variable thousands of times
/// over a long stored value would otherwise multiply the two (a 100 KB template of
/// `{{company}}` over a 100 KB company name is 250 MB); the output stops here instead, and the
/// draft's length check tells the user it is far too long.
pub const MAX_OUTPUT_BYTES: usize = 1 << 20;

/// The variables a template may use. Anything else is an error at parse time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Var {
    FirstName,
    FullName,
    Greeting,
    AddressedAs,
    Title,
    Company,
    Role,
    InterviewDate,
    InterviewKind,
    DecisionDate,
    ReplyDate,
    Points,
    Point,
    Bullets,
    MyName,
    MyEmail,
    MyPhone,
    MySignature,
    News,
    ReferencesAsker,
    Opening,
    Closing,
}

impl Var {
    /// Every variable, in the order the documentation lists them.
    pub const ALL: [Var; 22] = [
        Var::FirstName,
        Var::FullName,
        Var::Title,
        Var::Company,
        Var::Role,
        Var::InterviewDate,
        Var::InterviewKind,
        Var::DecisionDate,
        Var::ReplyDate,
        Var::Points,
        Var::Point,
        Var::Bullets,
        Var::MyName,
        Var::MyEmail,
        Var::MyPhone,
        Var::MySignature,
        Var::News,
        Var::ReferencesAsker,
        Var::Greeting,
        Var::AddressedAs,
        Var::Opening,
        Var::Closing,
    ];

    /// The name written between the braces.
    pub fn name(self) -> &'static str {
        match self {
            Var::FirstName => "first_name",
            Var::FullName => "full_name",
            Var::Greeting => "greeting",
            Var::AddressedAs => "addressed_as",
            Var::Title => "title",
            Var::Company => "company",
            Var::Role => "role",
            Var::InterviewDate => "interview_date",
            Var::InterviewKind => "interview_kind",
            Var::DecisionDate => "decision_date",
            Var::ReplyDate => "reply_date",
            Var::Points => "points",
            Var::Point => "point",
            Var::Bullets => "bullets",
            Var::MyName => "my_name",
            Var::MyEmail => "my_email",
            Var::MyPhone => "my_phone",
            Var::MySignature => "my_signature",
            Var::News => "news",
            Var::ReferencesAsker => "references_asker",
            Var::Opening => "opening",
            Var::Closing => "closing",
        }
    }

    /// One line for the options page and the documentation.
    pub fn description(self) -> &'static str {
        match self {
            Var::FirstName => "the recipient's first name, as saved in the contact",
            Var::FullName => "the recipient's full name",
            Var::Greeting => {
                "the salutation without its comma, in the draft's language and form of address: \
                 \"Dear Priya\", \"Sehr geehrte Frau Dr. Müller\", \"Guten Tag Kim Lange\", \"Hallo Anna\""
            }
            Var::AddressedAs => {
                "the recipient as a sentence names them: \"Frau Dr. Müller\" formally in German, \
                 otherwise the first name"
            }
            Var::Title => "the recipient's job title",
            Var::Company => "the employer",
            Var::Role => "the role applied for",
            Var::InterviewDate => {
                "the day of the interview round, e.g. \"Tuesday 3 March\" or \"Dienstag, 3. März\""
            }
            Var::InterviewKind => "the kind of round as noted: phone screen, on-site, panel...",
            Var::DecisionDate => "the day the employer said they would decide, as stated",
            Var::ReplyDate => "the day of the employer's last recorded reply",
            Var::Points => "the discussion points noted for this recipient (a list, at most five)",
            Var::Point => "one discussion point, inside {{#points}}...{{/points}}",
            Var::Bullets => "the same points as ready-made lines, each starting with \"- \"",
            Var::MyName => "your name, from your profile",
            Var::MyEmail => "your email address, from your profile",
            Var::MyPhone => "your phone number, from your profile",
            Var::MySignature => "your extra signature lines (LinkedIn, portfolio...)",
            Var::News => "the good news about the company you recorded",
            Var::ReferencesAsker => "who may call a reference: the hiring manager's name",
            Var::Opening => "an opening line chosen for this recipient, so that no two read alike",
            Var::Closing => "a closing line chosen for this recipient",
        }
    }

    /// The variable written `name`, if there is one.
    pub fn from_name(name: &str) -> Option<Var> {
        Var::ALL.into_iter().find(|v| v.name() == name)
    }
}

impl fmt::Display for Var {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{{{{{}}}}}", self.name())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Node {
    Text(String),
    Var(Var),
    Section {
        var: Var,
        inverted: bool,
        body: Vec<Node>,
    },
}

/// A parsed template, ready to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    nodes: Vec<Node>,
}

/// A section being parsed: what opened it and the nodes of the enclosing level.
struct Open<'a> {
    var: Var,
    inverted: bool,
    name: &'a str,
    offset: usize,
    outer: Vec<Node>,
}

/// The byte offset of the `}}` closing a tag whose content starts at `from`, if it comes before
/// the end of the line.
fn tag_close(src: &str, from: usize) -> Option<usize> {
    let bytes = src.as_bytes();
    let mut i = from;
    while i + 1 < bytes.len() {
        match bytes[i] {
            b'\n' => return None,
            b'}' if bytes[i + 1] == b'}' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

fn is_blank(s: &str) -> bool {
    s.chars().all(|c| c == ' ' || c == '\t' || c == '\r')
}

/// Parses `src` into a [`Template`], checking every tag against the documented variables.
pub fn parse(src: &str) -> Result<Template, TemplateError> {
    let err = |kind, offset| TemplateError::at(kind, src, offset);
    let mut stack: Vec<Open> = Vec::new();
    let mut nodes: Vec<Node> = Vec::new();
    let mut pos = 0;
    let mut text_start = 0;

    while let Some(rel) = src.get(pos..).and_then(|rest| rest.find("{{")) {
        let open = pos + rel;
        let Some(close) = tag_close(src, open + 2) else {
            return Err(err(TemplateErrorKind::UnclosedTag, open));
        };
        let raw = &src[open + 2..close];
        if raw.contains("{{") {
            return Err(err(TemplateErrorKind::UnclosedTag, open));
        }
        let tag_end = close + 2;
        let content = raw.trim();
        let (sigil, name) = match content.as_bytes().first() {
            Some(c @ (b'#' | b'^' | b'/' | b'!')) => (Some(*c), content[1..].trim()),
            _ => (None, content),
        };

        // A section, close or comment tag alone on its line takes the whole line with it, so
        // that block tags written on their own lines leave no blank lines behind. Both scans
        // stay within the text around this tag, which keeps parsing linear on long lines.
        let mut text_end = open;
        let mut next = tag_end;
        if sigil.is_some() {
            let before = &src[text_start..open];
            let line_start = match before.rfind('\n') {
                Some(i) => Some(text_start + i + 1),
                None if text_start == 0 || src.as_bytes().get(text_start - 1) == Some(&b'\n') => {
                    Some(text_start)
                }
                None => None,
            };
            let after_blank = src[tag_end..]
                .bytes()
                .position(|b| !matches!(b, b' ' | b'\t' | b'\r'))
                .map_or(src.len(), |i| tag_end + i);
            let ends_line =
                after_blank == src.len() || src.as_bytes().get(after_blank) == Some(&b'\n');
            if let Some(line_start) = line_start {
                if ends_line && is_blank(&src[line_start..open]) {
                    text_end = line_start;
                    next = (after_blank + 1).min(src.len());
                }
            }
        }
        if text_end > text_start {
            nodes.push(Node::Text(src[text_start..text_end].to_string()));
        }
        pos = next;
        text_start = next;

        if sigil == Some(b'!') {
            continue;
        }
        if name.is_empty() {
            return Err(err(TemplateErrorKind::EmptyTag, open));
        }
        let in_list = stack.iter().any(|o| o.var == Var::Points && !o.inverted);

        if sigil == Some(b'/') {
            let Some(top) = stack.pop() else {
                return Err(err(
                    TemplateErrorKind::UnexpectedClose {
                        name: name.to_string(),
                    },
                    open,
                ));
            };
            if top.name != name {
                return Err(err(
                    TemplateErrorKind::MismatchedClose {
                        expected: top.name.to_string(),
                        found: name.to_string(),
                    },
                    open,
                ));
            }
            let body = std::mem::replace(&mut nodes, top.outer);
            nodes.push(Node::Section {
                var: top.var,
                inverted: top.inverted,
                body,
            });
            continue;
        }

        let Some(var) = Var::from_name(name) else {
            return Err(err(
                TemplateErrorKind::UnknownVariable {
                    name: name.to_string(),
                },
                open,
            ));
        };
        if var == Var::Point && !in_list {
            return Err(err(TemplateErrorKind::PointOutsideList, open));
        }
        match sigil {
            None if var == Var::Points => {
                return Err(err(TemplateErrorKind::ListAsText, open));
            }
            None => nodes.push(Node::Var(var)),
            Some(c) => {
                let inverted = c == b'^';
                if var == Var::Points && !inverted && in_list {
                    return Err(err(TemplateErrorKind::NestedList, open));
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(err(TemplateErrorKind::TooDeep { limit: MAX_DEPTH }, open));
                }
                stack.push(Open {
                    var,
                    inverted,
                    name,
                    offset: open,
                    outer: std::mem::take(&mut nodes),
                });
            }
        }
    }

    if let Some(top) = stack.last() {
        return Err(err(
            TemplateErrorKind::UnclosedSection {
                name: top.name.to_string(),
            },
            top.offset,
        ));
    }
    if text_start < src.len() {
        nodes.push(Node::Text(src[text_start..].to_string()));
    }
    Ok(Template { nodes })
}

/// The values a template is rendered with. Missing scalars render as empty text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Values {
    scalars: BTreeMap<Var, String>,
    points: Vec<String>,
}

impl Values {
    /// Sets a scalar variable. `points` and `point` are ignored here: see [`Values::set_points`].
    pub fn set(&mut self, var: Var, value: impl Into<String>) {
        if !matches!(var, Var::Points | Var::Point) {
            self.scalars.insert(var, value.into());
        }
    }

    /// The value of a scalar variable; empty when unset.
    pub fn get(&self, var: Var) -> &str {
        self.scalars.get(&var).map_or("", String::as_str)
    }

    /// Sets the list `{{#points}}` repeats over.
    pub fn set_points(&mut self, points: Vec<String>) {
        self.points = points;
    }

    /// The list `{{#points}}` repeats over.
    pub fn points(&self) -> &[String] {
        &self.points
    }
}

/// The text of a rendered template and the variables that had no value where it needed one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rendered {
    pub text: String,
    /// Variables written as `{{var}}` whose value was empty, in order of first use.
    pub unfilled: Vec<Var>,
    /// The text reached [`MAX_OUTPUT_BYTES`] and was cut there.
    pub truncated: bool,
}

impl Rendered {
    /// Appends `piece` unless that would pass [`MAX_OUTPUT_BYTES`]; then appends what fits
    /// (whole characters) and marks the text truncated.
    fn push(&mut self, piece: &str) {
        if self.truncated {
            return;
        }
        let room = MAX_OUTPUT_BYTES.saturating_sub(self.text.len());
        if piece.len() <= room {
            self.text.push_str(piece);
            return;
        }
        let mut cut = room;
        while !piece.is_char_boundary(cut) {
            cut -= 1;
        }
        self.text.push_str(&piece[..cut]);
        self.truncated = true;
    }
}

impl Template {
    /// Renders with `values`. Values are inserted literally.
    pub fn render(&self, values: &Values) -> Rendered {
        let mut out = Rendered::default();
        render_nodes(&self.nodes, values, None, &mut out);
        out
    }

    /// Whether the template refers to `var` anywhere (as text or as a section).
    pub fn uses(&self, var: Var) -> bool {
        fn walk(nodes: &[Node], var: Var) -> bool {
            nodes.iter().any(|n| match n {
                Node::Text(_) => false,
                Node::Var(v) => *v == var,
                Node::Section { var: v, body, .. } => *v == var || walk(body, var),
            })
        }
        walk(&self.nodes, var)
    }
}

fn render_nodes(nodes: &[Node], values: &Values, point: Option<&str>, out: &mut Rendered) {
    let lookup = |var: Var| -> &str {
        match var {
            Var::Point => point.unwrap_or(""),
            _ => values.get(var),
        }
    };
    for node in nodes {
        if out.truncated {
            return;
        }
        match node {
            Node::Text(t) => out.push(t),
            Node::Var(var) => {
                let value = lookup(*var);
                if value.is_empty() {
                    if !out.unfilled.contains(var) {
                        out.unfilled.push(*var);
                    }
                } else {
                    out.push(value);
                }
            }
            Node::Section {
                var: Var::Points,
                inverted: false,
                body,
            } => {
                for p in &values.points {
                    render_nodes(body, values, Some(p), out);
                }
            }
            Node::Section {
                var: Var::Points,
                inverted: true,
                body,
            } => {
                if values.points.is_empty() {
                    render_nodes(body, values, point, out);
                }
            }
            Node::Section {
                var,
                inverted,
                body,
            } => {
                if lookup(*var).is_empty() == *inverted {
                    render_nodes(body, values, point, out);
                }
            }
        }
    }
}
