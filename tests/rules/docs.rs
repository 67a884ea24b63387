//! docs/rules.md's "Rule to test" map names code and tests that exist.

use std::path::Path;

fn read(path: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The backquoted words of a table cell.
fn quoted(cell: &str) -> Vec<&str> {
    cell.split('`').skip(1).step_by(2).collect()
}

#[test]
fn rule_to_test_map_names_real_files_and_tests() {
    let docs = read("docs/rules.md");
    let map = docs
        .split("## Rule to test")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("docs/rules.md has a Rule to test section");
    let properties = read("tests/properties.rs");
    let mut rows = 0;
    for line in map
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| rule | code"))
    {
        let cells: Vec<&str> = line.trim_matches('|').split('|').collect();
        assert_eq!(cells.len(), 3, "{line}");
        for word in quoted(cells[1]).into_iter().filter(|w| w.ends_with(".rs")) {
            let path = if word == "ops.rs" {
                "src/core/ops.rs".to_string()
            } else {
                format!("src/core/plan/{word}")
            };
            assert!(
                Path::new(env!("CARGO_MANIFEST_DIR")).join(&path).exists(),
                "{path}"
            );
        }
        let (tests, props) = cells[2].split_once("propert").unwrap_or((cells[2], ""));
        for test in quoted(tests) {
            let (file, name) = test.split_once("::").unwrap_or_else(|| panic!("{test}"));
            let text = read(&format!("tests/rules/{file}.rs"));
            assert!(text.contains(&format!("fn {name}()")), "{test} not found");
        }
        for name in quoted(props) {
            assert!(
                properties.contains(&format!("fn {name}(")),
                "property {name}"
            );
        }
        rows += 1;
    }
    assert!(rows >= 30, "only {rows} rows read");
}
