//! What can be wrong with a template, where, and how it is worded (with a suggestion for a
//! misspelt variable).

use std::fmt;

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use super::Var;

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
    pub(super) fn at(kind: TemplateErrorKind, src: &str, offset: usize) -> TemplateError {
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
