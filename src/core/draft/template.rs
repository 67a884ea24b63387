//! The template language of drafts: `{{variable}}`, list sections `{{#points}}...{{/points}}`,
//! conditionals `{{#var}}...{{/var}}` and `{{^var}}...{{/var}}`, comments `{{! ...}}`.
//!
//! A template is parsed once into a tree, checked against the documented variables, and can then
//! be rendered any number of times. Parsing never panics: every malformed input becomes a
//! [`TemplateError`] with the line, column and byte offset of the tag at fault. Rendering is plain
//! text substitution: values are inserted as they are, never escaped or interpreted as markup.

use std::collections::BTreeMap;
use std::fmt;

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

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
    pub const ALL: [Var; 20] = [
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
        Var::Opening,
        Var::Closing,
    ];

    /// The name written between the braces.
    pub fn name(self) -> &'static str {
        match self {
            Var::FirstName => "first_name",
            Var::FullName => "full_name",
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
            Var::Title => "the recipient's job title",
            Var::Company => "the employer",
            Var::Role => "the role applied for",
            Var::InterviewDate => "the day of the interview round, e.g. \"Tuesday 3 March\"",
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

/// What is wrong with a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "kebab-case",
    rename_all_fields = "camelCase"
)]
pub enum TemplateErrorKind {
    /// `{{name}}` where `name` is not one of the documented variables.
    UnknownVariable { name: String },
    /// `{{` with no `}}` on the same line.
    UnclosedTag,
    /// `{{#name}}` or `{{^name}}` never closed by `{{/name}}`.
    UnclosedSection { name: String },
    /// `{{/found}}` where the innermost open section is `expected`.
    MismatchedClose { expected: String, found: String },
    /// `{{/name}}` with no section open.
    UnexpectedClose { name: String },
    /// `{{}}`, `{{#}}`, `{{/}}`...
    EmptyTag,
    /// `{{points}}` used as text: it is a list.
    ListAsText,
    /// `{{point}}` outside a `{{#points}}` section.
    PointOutsideList,
    /// `{{#points}}` inside another `{{#points}}`.
    NestedList,
    /// Sections nested deeper than [`MAX_DEPTH`].
    TooDeep { limit: usize },
}

impl TemplateErrorKind {
    fn code(&self) -> &'static str {
        match self {
            TemplateErrorKind::UnknownVariable { .. } => "unknown-variable",
            TemplateErrorKind::UnclosedTag => "unclosed-tag",
            TemplateErrorKind::UnclosedSection { .. } => "unclosed-section",
            TemplateErrorKind::MismatchedClose { .. } => "mismatched-close",
            TemplateErrorKind::UnexpectedClose { .. } => "unexpected-close",
            TemplateErrorKind::EmptyTag => "empty-tag",
            TemplateErrorKind::ListAsText => "list-as-text",
            TemplateErrorKind::PointOutsideList => "point-outside-list",
            TemplateErrorKind::NestedList => "nested-list",
            TemplateErrorKind::TooDeep { .. } => "too-deep",
        }
    }
}

/// A template that could not be parsed, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub kind: TemplateErrorKind,
    /// 1-based line of the tag at fault.
    pub line: usize,
    /// 1-based column, counted in characters (not bytes).
    pub column: usize,
    /// Byte offset of the tag's `{{` in the source.
    pub offset: usize,
}

impl TemplateError {
    fn at(kind: TemplateErrorKind, src: &str, offset: usize) -> TemplateError {
        let offset = offset.min(src.len());
        // `offset` always points at an ASCII `{{`, so the prefix is a valid slice; `get` keeps
        // that an invariant rather than a reason to panic.
        let before = src.get(..offset).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
        TemplateError {
            kind,
            line,
            column,
            offset,
        }
    }
}

/// Names longer than this are shortened in messages, so a pasted paragraph stays readable.
const SHOWN_NAME_CHARS: usize = 40;

fn shown(name: &str) -> String {
    if name.chars().count() > SHOWN_NAME_CHARS {
        let cut: String = name.chars().take(SHOWN_NAME_CHARS).collect();
        format!("{cut}...")
    } else {
        name.to_string()
    }
}

fn known_list() -> String {
    Var::ALL
        .iter()
        .map(|v| v.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The known variable closest to a misspelt `name`, if one is close enough to be a likely typo.
fn suggestion(name: &str) -> Option<Var> {
    if name.len() > 64 {
        return None;
    }
    let lower = name.to_lowercase();
    Var::ALL
        .into_iter()
        .map(|v| (edit_distance(&lower, v.name()), v))
        .filter(|(d, v)| *d <= 2.max(v.name().len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, v)| v)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}: ", self.line, self.column)?;
        match &self.kind {
            TemplateErrorKind::UnknownVariable { name } => {
                write!(f, "unknown variable {{{{{}}}}}", shown(name))?;
                if let Some(v) = suggestion(name) {
                    write!(f, " (did you mean {v}?)")?;
                }
                write!(f, "; known: {}", known_list())
            }
            TemplateErrorKind::UnclosedTag => {
                f.write_str("this {{ is not closed by }} on the same line")
            }
            TemplateErrorKind::UnclosedSection { name } => {
                let name = shown(name);
                write!(f, "section {{{{#{name}}}}} is never closed: add {{{{/{name}}}}} where it ends")
            }
            TemplateErrorKind::MismatchedClose { expected, found } => write!(
                f,
                "{{{{/{}}}}} closes a section that is not open here: close {{{{#{}}}}} first with {{{{/{}}}}}",
                shown(found),
                shown(expected),
                shown(expected)
            ),
            TemplateErrorKind::UnexpectedClose { name } => write!(
                f,
                "{{{{/{}}}}} closes a section that was never opened: remove it or add {{{{#{}}}}} before it",
                shown(name),
                shown(name)
            ),
            TemplateErrorKind::EmptyTag => {
                f.write_str("empty tag: write a variable name between the braces")
            }
            TemplateErrorKind::ListAsText => f.write_str(
                "{{points}} is a list: write {{bullets}} for ready-made lines, or \
                 {{#points}}- {{point}}{{/points}} to lay each point out yourself",
            ),
            TemplateErrorKind::PointOutsideList => {
                f.write_str("{{point}} only has a value inside {{#points}}...{{/points}}")
            }
            TemplateErrorKind::NestedList => {
                f.write_str("{{#points}} is already open here: a list cannot repeat inside itself")
            }
            TemplateErrorKind::TooDeep { limit } => write!(
                f,
                "sections are nested more than {limit} deep: close some before opening more"
            ),
        }
    }
}

impl std::error::Error for TemplateError {}

impl Serialize for TemplateError {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("TemplateError", 6)?;
        st.serialize_field("type", self.kind.code())?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("line", &self.line)?;
        st.serialize_field("column", &self.column)?;
        st.serialize_field("offset", &self.offset)?;
        st.serialize_field("message", &self.to_string())?;
        st.end()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> Values {
        let mut v = Values::default();
        v.set(Var::FirstName, "Priya");
        v.set(Var::Company, "Northwind");
        v.set_points(vec!["one".into(), "two".into()]);
        v
    }

    fn render(src: &str, v: &Values) -> String {
        parse(src).expect("valid template").render(v).text
    }

    #[test]
    fn substitutes_variables_and_tolerates_spaces_in_tags() {
        assert_eq!(
            render("Hi {{ first_name }} of {{company}}!", &values()),
            "Hi Priya of Northwind!"
        );
    }

    #[test]
    fn list_sections_repeat_and_standalone_tags_leave_no_blank_lines() {
        let src = "Points:\n{{#points}}\n- {{point}}\n{{/points}}\nEnd";
        assert_eq!(render(src, &values()), "Points:\n- one\n- two\nEnd");
    }

    #[test]
    fn inline_sections_keep_their_surroundings() {
        assert_eq!(
            render("a {{#points}}[{{point}}]{{/points}} b", &values()),
            "a [one][two] b"
        );
    }

    #[test]
    fn conditionals_follow_emptiness() {
        let src = "{{#decision_date}}by {{decision_date}}{{/decision_date}}{{^decision_date}}soon{{/decision_date}}";
        let mut v = values();
        assert_eq!(render(src, &v), "soon");
        v.set(Var::DecisionDate, "Friday 6 March");
        assert_eq!(render(src, &v), "by Friday 6 March");
        assert_eq!(
            render("{{^points}}none{{/points}}", &Values::default()),
            "none"
        );
        assert_eq!(render("{{^points}}none{{/points}}", &v), "");
    }

    #[test]
    fn empty_values_are_reported_once() {
        let t = parse("{{role}} {{role}} {{first_name}}").unwrap();
        let r = t.render(&values());
        assert_eq!(r.unfilled, vec![Var::Role]);
    }

    #[test]
    fn comments_render_nothing() {
        assert_eq!(
            render("a{{! note to self }}b\n{{! whole line }}\nc", &values()),
            "ab\nc"
        );
    }

    #[test]
    fn values_are_inserted_literally() {
        let mut v = values();
        v.set(Var::FirstName, "<script>{{company}}</script>");
        assert_eq!(render("{{first_name}}", &v), "<script>{{company}}</script>");
    }

    fn error(src: &str) -> TemplateError {
        parse(src).expect_err("invalid template")
    }

    #[test]
    fn positions_count_lines_and_characters() {
        let e = error("Dear {{first_name}},\n\nÉté à {{compnay}}");
        assert_eq!(
            e.kind,
            TemplateErrorKind::UnknownVariable {
                name: "compnay".into()
            }
        );
        assert_eq!((e.line, e.column), (3, 7));
        assert_eq!(e.offset, "Dear {{first_name}},\n\nÉté à ".len());
        let msg = e.to_string();
        assert!(
            msg.starts_with("line 3, column 7: unknown variable {{compnay}}"),
            "{msg}"
        );
        assert!(msg.contains("did you mean {{company}}?"), "{msg}");
        assert!(msg.contains("known: first_name, full_name"), "{msg}");
    }

    #[test]
    fn each_error_kind() {
        assert_eq!(error("a {{b").kind, TemplateErrorKind::UnclosedTag);
        assert_eq!(error("a {{role\n}}").kind, TemplateErrorKind::UnclosedTag);
        assert_eq!(error("{{ {{role}}").kind, TemplateErrorKind::UnclosedTag);
        assert_eq!(error("{{ }}").kind, TemplateErrorKind::EmptyTag);
        assert_eq!(error("{{#}}").kind, TemplateErrorKind::EmptyTag);
        assert_eq!(error("{{points}}").kind, TemplateErrorKind::ListAsText);
        assert_eq!(error("{{point}}").kind, TemplateErrorKind::PointOutsideList);
        assert_eq!(
            error("{{^points}}{{point}}{{/points}}").kind,
            TemplateErrorKind::PointOutsideList
        );
        assert_eq!(
            error("{{#points}}{{#points}}{{/points}}{{/points}}").kind,
            TemplateErrorKind::NestedList
        );
        assert_eq!(
            error("x{{/role}}").kind,
            TemplateErrorKind::UnexpectedClose {
                name: "role".into()
            }
        );
        let e = error("{{#role}}\n  {{#company}}x{{/role}}");
        assert_eq!(
            e.kind,
            TemplateErrorKind::MismatchedClose {
                expected: "company".into(),
                found: "role".into()
            }
        );
        assert_eq!((e.line, e.column), (2, 16));
        let e = error("a\n{{#role}}\n{{#company}}{{/company}}");
        assert_eq!(
            e.kind,
            TemplateErrorKind::UnclosedSection {
                name: "role".into()
            }
        );
        assert_eq!((e.line, e.column, e.offset), (2, 1, 2));
    }

    #[test]
    fn depth_is_capped() {
        let deep = "{{#role}}".repeat(MAX_DEPTH + 1);
        assert_eq!(
            error(&deep).kind,
            TemplateErrorKind::TooDeep { limit: MAX_DEPTH }
        );
        let ok = format!(
            "{}{}",
            "{{#role}}".repeat(MAX_DEPTH),
            "{{/role}}".repeat(MAX_DEPTH)
        );
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn huge_names_are_shortened_in_messages() {
        let e = error(&format!("{{{{{}}}}}", "x".repeat(10_000)));
        assert!(e.to_string().len() < 1_000);
    }

    #[test]
    fn output_stops_at_the_cap_on_a_character_boundary() {
        let mut v = values();
        v.set(Var::Company, "é".repeat(100_000));
        let src = "{{company}}".repeat(20);
        let r = parse(&src).unwrap().render(&v);
        assert!(r.truncated);
        assert!(r.text.len() <= MAX_OUTPUT_BYTES && r.text.len() > MAX_OUTPUT_BYTES - 4);
        assert!(r.text.chars().all(|c| c == 'é'));
        let small = parse("{{company}}").unwrap().render(&values());
        assert!(!small.truncated);
    }

    #[test]
    fn lone_braces_are_text() {
        assert_eq!(render("a }} b { c }", &values()), "a }} b { c }");
    }

    #[test]
    fn crlf_lines_are_standalone_too() {
        assert_eq!(
            render(
                "A\r\n{{#points}}\r\n{{point}}\r\n{{/points}}\r\nB",
                &values()
            ),
            "A\r\none\r\ntwo\r\nB"
        );
    }
}
