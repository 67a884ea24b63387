//! The shape of the source: no file in `src/` or `extension/` over 500 lines, no import
//! cycle between sibling modules (a module and the modules beside it in its folder), read
//! from the `use` declarations of every file under `src/`, and no sort of the standard
//! library outside tests (`core::sort` keeps one compiled sort in the WebAssembly).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 500;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path, ext: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ext.contains(&e))
        {
            out.push(path);
        }
    }
}

#[test]
fn no_source_file_is_over_500_lines() {
    let mut all = Vec::new();
    files(&root().join("src"), &["rs"], &mut all);
    files(&root().join("extension"), &["js", "html", "css"], &mut all);
    let long: Vec<String> = all
        .iter()
        .filter_map(|p| {
            let lines = std::fs::read_to_string(p).ok()?.lines().count();
            (lines > MAX_LINES).then(|| format!("{} ({lines})", p.display()))
        })
        .collect();
    assert!(all.len() > 40, "only {} files found", all.len());
    assert!(long.is_empty(), "over {MAX_LINES} lines: {long:#?}");
}

#[test]
fn every_sort_goes_through_core_sort() {
    let mut all = Vec::new();
    files(&root().join("src"), &["rs"], &mut all);
    let calls = [
        ".sort()",
        ".sort_unstable()",
        ".sort_by(",
        ".sort_by_key(",
        ".sort_by_cached_key(",
        ".sort_unstable_by(",
        ".sort_unstable_by_key(",
        "BTreeMap::from(",
        "BTreeSet::from(",
        "::from_iter(",
    ];
    let mut found = Vec::new();
    for path in &all {
        let name = path.display().to_string();
        if name.ends_with("tests.rs")
            || name.ends_with("core/sort.rs")
            || name.ends_with("bench.rs")
        {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let shipped = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in shipped.lines().enumerate() {
            if calls.iter().any(|c| line.contains(c)) {
                found.push(format!("{name}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "sort with core::sort instead: {found:#?}");
}

/// `src/core/plan/driver.rs` -> ["core", "plan", "driver"]; `mod.rs` and `lib.rs` name their
/// folder.
fn module_of(path: &Path) -> Vec<String> {
    let rel = path.strip_prefix(root().join("src")).unwrap();
    let mut parts: Vec<String> = rel
        .iter()
        .map(|s| s.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The paths of every `use` declaration in `text`, braces expanded, and the paths written
/// inline in code (`super::apps::status_label(..)`).
fn use_paths(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
        let line = line.trim_start().split(" //").next().unwrap_or_default();
        if line.starts_with("use ") || line.starts_with("pub use ") {
            continue;
        }
        for start in ["crate::", "super::"] {
            let mut rest = line;
            while let Some(at) = rest.find(start) {
                let before = rest[..at].chars().last();
                let path: String = rest[at..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                if !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                    out.push(path.trim_end_matches(':').to_string());
                }
                rest = &rest[at + start.len()..];
            }
        }
    }
    let mut rest = text;
    while let Some(at) = rest.find("use ") {
        let starts_line = at == 0 || rest[..at].ends_with('\n') || rest[..at].ends_with("pub ");
        let after = &rest[at + 4..];
        let Some(end) = after.find(';') else { break };
        if starts_line {
            let words: Vec<&str> = after[..end].split_whitespace().collect();
            let decl = words.join(" ").replace(" as ", "\u{0}").replace(' ', "");
            let decl = decl.replace('\u{0}', " as ");
            expand(&decl, &mut out);
        }
        rest = &after[end..];
    }
    out
}

fn expand(decl: &str, out: &mut Vec<String>) {
    let Some(open) = decl.find('{') else {
        out.push(decl.split(" as ").next().unwrap_or(decl).to_string());
        return;
    };
    let prefix = &decl[..open];
    let inner = &decl[open + 1..decl.rfind('}').unwrap_or(decl.len())];
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                expand(&format!("{prefix}{}", &inner[start..i]), out);
                start = i + 1;
            }
            _ => {}
        }
    }
    if start < inner.len() {
        expand(&format!("{prefix}{}", &inner[start..]), out);
    }
}

/// The module a `use` path in module `from` names, as an absolute path of segments.
fn resolve(from: &[String], path: &str) -> Option<Vec<String>> {
    let mut segments = path.split("::").filter(|s| !s.is_empty());
    let mut at: Vec<String> = match segments.next()? {
        "crate" => Vec::new(),
        "super" => from[..from.len().checked_sub(1)?].to_vec(),
        "self" => from.to_vec(),
        _ => return None, // another crate
    };
    for s in segments {
        match s {
            "super" => {
                at.pop()?;
            }
            "self" | "*" => {}
            name => at.push(name.to_string()),
        }
    }
    Some(at)
}

#[test]
fn no_import_cycle_between_sibling_modules() {
    let mut paths = Vec::new();
    files(&root().join("src"), &["rs"], &mut paths);
    let modules: BTreeSet<Vec<String>> = paths.iter().map(|p| module_of(p)).collect();
    // The longest known module that is a prefix of `path`.
    let known = |path: &[String]| -> Option<Vec<String>> {
        (0..=path.len())
            .rev()
            .map(|n| path[..n].to_vec())
            .find(|m| modules.contains(m))
    };
    // edges[parent] = set of (from child, to child) among parent's children.
    let mut edges: BTreeMap<Vec<String>, BTreeSet<(String, String)>> = BTreeMap::new();
    for path in &paths {
        let from = module_of(path);
        let text = std::fs::read_to_string(path).unwrap();
        for used in use_paths(&text) {
            let Some(target) = resolve(&from, &used).and_then(|p| known(&p)) else {
                continue;
            };
            let common = from.iter().zip(&target).take_while(|(a, b)| a == b).count();
            if common == from.len() || common == target.len() {
                continue; // a module and its own ancestor or descendant
            }
            edges
                .entry(from[..common].to_vec())
                .or_default()
                .insert((from[common].clone(), target[common].clone()));
        }
    }
    let mut cycles = Vec::new();
    for (parent, pairs) in &edges {
        for (a, b) in pairs {
            // a -> b; is there a way back from b to a?
            let mut seen = BTreeSet::from([b.clone()]);
            let mut stack = vec![b.clone()];
            while let Some(n) = stack.pop() {
                for (x, y) in pairs {
                    if *x == n && seen.insert(y.clone()) {
                        stack.push(y.clone());
                    }
                }
            }
            if seen.contains(a) {
                cycles.push(format!("{}: {a} <-> {b}", parent.join("::")));
            }
        }
    }
    assert!(
        edges.values().map(BTreeSet::len).sum::<usize>() > 30,
        "too few imports read"
    );
    assert!(cycles.is_empty(), "import cycles: {cycles:#?}");
}

#[test]
fn the_use_reader_sees_nested_and_relative_paths() {
    let text = "use std::fmt;\nuse super::{a, b::{c, d}};\npub use crate::core::x as y;\n";
    let paths = use_paths(text);
    assert_eq!(
        paths,
        [
            "std::fmt",
            "super::a",
            "super::b::c",
            "super::b::d",
            "crate::core::x"
        ]
    );
    let inline = use_paths("    let s = super::apps::status_label(to); // super::not::this\n");
    assert_eq!(inline, ["super::apps::status_label"]);
    let from: Vec<String> = ["core", "plan", "driver"].map(String::from).to_vec();
    assert_eq!(
        resolve(&from, "super::super::model::Round"),
        Some(["core", "model", "Round"].map(String::from).to_vec())
    );
}
