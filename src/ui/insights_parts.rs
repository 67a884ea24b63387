//! The insights page's words for numbers and its building blocks: whole percentages, "not
//! enough data" for a rate or median with nothing to count, half days for medians, sentences
//! that fall back to "not enough data yet", the data tables and the frame of each figure.

use super::node::{el, Node};
use super::words::Words;
use crate::core::insights::{Median, Rate};

/// The rate as a whole percentage, rounded half up; `None` when there is nothing to count.
pub fn percent(r: &Rate) -> Option<u64> {
    let (part, whole) = (u64::from(r.part), u64::from(r.whole));
    (whole > 0).then(|| (200 * part + whole) / (2 * whole))
}

pub fn rate_words(w: &Words, r: &Rate) -> String {
    match percent(r) {
        Some(p) => w.tf("insPercent", &[("n", &p.to_string())]),
        None => w.t("insNoData"),
    }
}

pub fn of_words(w: &Words, part: u32, whole: u32) -> String {
    w.tf(
        "insOf",
        &[("part", &part.to_string()), ("whole", &whole.to_string())],
    )
}

/// A median in half days: 9 for 4.5 days (a median is a whole day or the mean of two).
pub fn half_days(m: &Median) -> Option<u64> {
    m.days.map(|d| (d.max(0.0) * 2.0).round() as u64)
}

pub fn days_words(w: &Words, m: &Median) -> String {
    match half_days(m) {
        None => w.t("insNoData"),
        Some(2) => w.t("insOneDay"),
        Some(halves) => {
            let whole = (halves / 2).to_string();
            let n = if halves % 2 == 1 {
                w.tf("insHalf", &[("n", &whole)])
            } else {
                whole
            };
            w.tf("insDays", &[("n", &n)])
        }
    }
}

pub fn values_words(w: &Words, count: u32) -> String {
    match count {
        1 => w.t("insOneValue"),
        n => w.tf("insValues", &[("n", &n.to_string())]),
    }
}

/// A sentence about a rate (`key` with `part`, `whole` and `rate`), or "`label`: not enough
/// data yet."
pub fn rate_sentence(w: &Words, key: &str, label: &str, r: &Rate) -> String {
    if r.whole == 0 {
        return w.tf("insNoDataFor", &[("what", &w.t(label))]);
    }
    w.tf(
        key,
        &[
            ("part", &r.part.to_string()),
            ("whole", &r.whole.to_string()),
            ("rate", &rate_words(w, r)),
        ],
    )
}

/// A sentence about a median (`key` with `days` and `values`), or "`label`: not enough data
/// yet."
pub fn median_sentence(w: &Words, key: &str, label: &str, m: &Median) -> String {
    if m.days.is_none() {
        return w.tf("insNoDataFor", &[("what", &w.t(label))]);
    }
    w.tf(
        key,
        &[
            ("days", &days_words(w, m)),
            ("values", &values_words(w, m.count)),
        ],
    )
}

/// A data table: a caption, column headers, then rows headed by their first cell.
pub fn table(caption: &str, head: &[String], rows: Vec<(String, Vec<String>)>) -> Node {
    let head_row = el("tr").children(head.iter().map(|h| el("th").attr("scope", "col").text(h)));
    let body = el("tbody").children(rows.into_iter().map(|(label, cells)| {
        el("tr")
            .child(el("th").attr("scope", "row").text(&label))
            .children(cells.iter().map(|c| el("td").text(c)))
    }));
    el("table")
        .child(el("caption").text(caption))
        .child(el("thead").child(head_row))
        .child(body)
}

/// One figure: its question, the answer in words, then the chart and the table side by side.
pub fn section(class: &str, title: &str, answer: &[String], charts: Vec<Node>, data: Node) -> Node {
    el("section")
        .class(&format!("insight {class}"))
        .child(el("h3").text(title))
        .child(el("p").class("answer").text(&answer.join(" ")))
        .child(
            el("div")
                .class("insight-body")
                .child(el("div").class("charts").children(charts))
                .child(el("div").class("table").child(data)),
        )
}
