//! The template language: parsing, errors and rendering.

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
