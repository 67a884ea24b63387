//! Where in a JSON text an error of serde_json's lies, as a path of keys and list positions.
//!
//! The backup is read by the model through serde_json's own reader, the same one storage and
//! messages use, so the model's readers are compiled into the WebAssembly once. That reader
//! reports a line and column, not a path; this turns the one into the other by walking the text
//! (already known to be valid JSON) down to the innermost value whose text holds that point.
//! serde_json places an error just after a value it read whole (a string, a number, an object
//! missing a field: after its `}`), or at the first character of a list or object it refused,
//! so the value the error is about is the innermost one starting at or before the point and
//! ending at or after it; a key is never such a value, so an error in a key names its object.

/// One step of a path: an object's key or a list's position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// The byte offset in `text` of serde_json's `line` (1-based) and `column` (bytes before the
/// point on its line).
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(at, _)| at + 1)
    };
    (start + column).min(text.len())
}

/// The path from the root of the JSON `text` to the innermost value whose text starts at or
/// before `offset` and ends at or after it (the root itself: an empty path).
pub fn path_at(text: &str, offset: usize) -> Vec<Step> {
    let bytes = text.as_bytes();
    let mut path = Vec::new();
    let mut at = skip_space(bytes, 0);
    loop {
        let inner = match bytes.get(at) {
            Some(b'{') => member_at(text, at, offset, true),
            Some(b'[') => member_at(text, at, offset, false),
            _ => None,
        };
        let Some((step, start)) = inner else {
            return path;
        };
        path.push(step);
        at = start;
    }
}

/// The member of the object or list starting at `open` whose value holds `offset`: its step and
/// where its value starts.
fn member_at(text: &str, open: usize, offset: usize, object: bool) -> Option<(Step, usize)> {
    let bytes = text.as_bytes();
    let mut at = skip_space(bytes, open + 1);
    let mut index = 0;
    while at < bytes.len() && bytes[at] != b'}' && bytes[at] != b']' {
        let step = if object {
            let end = skip_string(bytes, at);
            let key = serde_json::from_str(&text[at..end]).unwrap_or_default();
            at = skip_space(bytes, end);
            at = skip_space(bytes, at + 1); // the `:`
            Step::Key(key)
        } else {
            Step::Index(index)
        };
        let end = skip_value(bytes, at);
        if at > offset {
            return None;
        }
        if offset <= end {
            return Some((step, at));
        }
        at = skip_space(bytes, end);
        if bytes.get(at) == Some(&b',') {
            at = skip_space(bytes, at + 1);
        }
        index += 1;
    }
    None
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

/// The end (one past the closing quote) of the string starting at `at`.
fn skip_string(bytes: &[u8], mut at: usize) -> usize {
    at += 1;
    while let Some(&b) = bytes.get(at) {
        at += 1;
        match b {
            b'\\' => at += 1,
            b'"' => break,
            _ => {}
        }
    }
    at
}

/// The end (one past its last character) of the value starting at `at`.
fn skip_value(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at) {
        Some(b'"') => skip_string(bytes, at),
        Some(b'{' | b'[') => {
            let mut depth = 0usize;
            let mut i = at;
            while let Some(&b) = bytes.get(i) {
                match b {
                    b'"' => {
                        i = skip_string(bytes, i);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return i + 1;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            i
        }
        _ => {
            let mut i = at;
            while bytes
                .get(i)
                .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
            {
                i += 1;
            }
            i
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(text: &str, offset: usize) -> String {
        path_at(text, offset)
            .iter()
            .map(|s| match s {
                Step::Key(k) => format!(".{k}"),
                Step::Index(i) => format!("[{i}]"),
            })
            .collect()
    }

    #[test]
    fn the_innermost_value_at_the_point_is_named() {
        let text = r#"{"a": [1, {"b\"c": "x", "d": []}], "e": {}}"#;
        let after = |s: &str| text.find(s).unwrap() + s.len();
        assert_eq!(path(text, after("[1")), ".a[0]");
        assert_eq!(path(text, after(r#""x""#)), r#".a[1].b"c"#);
        assert_eq!(
            path(text, after(r#""d": "#)),
            ".a[1].d",
            "a list refused at its `[`"
        );
        assert_eq!(path(text, after("[]}")), ".a[1]", "after the closing brace");
        assert_eq!(path(text, after(r#""e": {}"#)), ".e");
        assert_eq!(
            path(text, after(r#""b\"c""#)),
            ".a[1]",
            "a key names its object"
        );
        assert_eq!(path(text, text.len()), "");
    }

    #[test]
    fn line_and_column_become_an_offset() {
        let text = "{\n  \"a\": 1\n}";
        assert_eq!(offset_of(text, 1, 1), 1);
        assert_eq!(offset_of(text, 2, 8), text.find('1').unwrap() + 1);
        assert_eq!(offset_of(text, 3, 1), text.len());
    }
}
