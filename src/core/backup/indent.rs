//! Indenting compact JSON the way `serde_json::to_string_pretty` does (two spaces, `": "`,
//! empty lists and objects kept as `[]` and `{}`), from the text storage's compact writer
//! produced: the model's serialisers are then compiled into the WebAssembly for that one
//! writer rather than once more for the pretty one.

/// `json`, compact JSON as serde_json writes it, indented.
pub fn indent(json: &str) -> String {
    let bytes = json.as_bytes();
    let mut out = String::with_capacity(json.len() + json.len() / 2);
    let mut depth = 0usize;
    let mut start = 0; // the start of the text not yet copied
    let mut at = 0;
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                // Strings are copied as they are, escapes and all.
                at += 1;
                while at < bytes.len() && bytes[at] != b'"' {
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
                at += 1;
                continue;
            }
            b'{' | b'[' => {
                out.push_str(&json[start..=at]);
                start = at + 1;
                if matches!(bytes.get(at + 1), Some(b'}' | b']')) {
                    // Empty: written as `{}` / `[]`.
                    out.push(bytes[at + 1] as char);
                    at += 2;
                    start = at;
                    continue;
                }
                depth += 1;
                newline(&mut out, depth);
            }
            b'}' | b']' => {
                out.push_str(&json[start..at]);
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(bytes[at] as char);
                start = at + 1;
            }
            b',' => {
                out.push_str(&json[start..=at]);
                start = at + 1;
                newline(&mut out, depth);
            }
            b':' => {
                out.push_str(&json[start..=at]);
                out.push(' ');
                start = at + 1;
            }
            _ => {}
        }
        at += 1;
    }
    out.push_str(&json[start.min(json.len())..]);
    out
}

#[cfg(test)]
mod tests {
    use super::indent;

    #[test]
    fn indents_as_serde_json_does() {
        let value = serde_json::json!({
            "a": [1, {"b": "x, y: {z}", "c": []}, {}],
            "d\"e": {"f": null, "g": [true, "\\\"]"]},
            "h": "ünïcode",
        });
        let compact = serde_json::to_string(&value).unwrap();
        assert_eq!(
            indent(&compact),
            serde_json::to_string_pretty(&value).unwrap()
        );
        assert_eq!(indent("[]"), "[]");
        assert_eq!(indent("5"), "5");
    }
}
