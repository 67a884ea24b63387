//! The insights page's charts in SVG: labelled horizontal bars (one value, or parts stacked
//! side by side) and columns per week. Every chart is `aria-hidden`: the table beside it
//! holds the same figures for screen readers, and the `<title>` of each bar names its figure
//! for a pointer. Sizes are whole units of a view box that scales with the page's width, so
//! no floating-point number is ever written.

use super::node::{svg, Node};

/// The view box's width.
const WIDTH: u64 = 640;
/// The longest bar, leaving room for the words after it.
const BAR_AREA: u64 = 440;
const BAR_HEIGHT: u64 = 18;
/// A label above its bar, the bar, and the gap to the next.
const ROW: u64 = 48;
const LEGEND: u64 = 26;

/// One part of a bar: its size and the class that colours it.
pub struct Part {
    pub value: u64,
    pub class: &'static str,
    /// What a pointer resting on it reads.
    pub title: String,
}

/// One labelled bar: its parts side by side, and the words after it.
pub struct Bar {
    pub label: String,
    pub parts: Vec<Part>,
    pub text: String,
}

impl Bar {
    /// A bar of one part (none when there is no `value`), which a pointer reads as
    /// "label: text".
    pub fn single(label: String, text: String, value: Option<u64>, class: &'static str) -> Bar {
        let parts = value
            .map(|value| Part {
                value,
                class,
                title: format!("{label}: {text}"),
            })
            .into_iter()
            .collect();
        Bar { label, parts, text }
    }
}

/// One week's columns, side by side.
pub struct Column {
    /// Under the columns ("W10").
    pub label: String,
    pub parts: Vec<Part>,
}

fn n(v: u64) -> String {
    v.to_string()
}

/// `value` of `max` along `length` units (nothing when `max` is zero).
fn scale(value: u64, max: u64, length: u64) -> u64 {
    value
        .min(max)
        .saturating_mul(length)
        .checked_div(max)
        .unwrap_or(0)
}

fn frame(class: &str, height: u64) -> Node {
    svg("svg")
        .class(&format!("chart {class}"))
        .attr("viewBox", &format!("0 0 {WIDTH} {height}"))
        .attr("aria-hidden", "true")
        .attr("focusable", "false")
}

fn text(class: &str, x: u64, y: u64, words: &str) -> Node {
    svg("text")
        .class(class)
        .attr("x", &n(x))
        .attr("y", &n(y))
        .text(words)
}

fn rect(class: &str, x: u64, y: u64, width: u64, height: u64) -> Node {
    svg("rect")
        .class(class)
        .attr("x", &n(x))
        .attr("y", &n(y))
        .attr("width", &n(width))
        .attr("height", &n(height))
}

/// A row of colour keys at the top: `(class, words)`.
fn legend(mut chart: Node, keys: &[(&'static str, String)]) -> Node {
    let mut x = 0;
    for (class, words) in keys {
        chart = chart
            .child(rect(&format!("key {class}"), x, 4, 14, 14))
            .child(text("legend", x + 20, 16, words));
        // Room for the words: about eight units a letter at this size.
        x += 40 + 8 * words.chars().count() as u64;
    }
    chart
}

/// Horizontal bars, each part `value` of `max` long (the longest bar when `max` is the
/// biggest total). A bar with no parts shows its words alone.
pub fn bars(class: &str, rows: &[Bar], max: u64, keys: &[(&'static str, String)]) -> Node {
    let top = if keys.is_empty() { 0 } else { LEGEND };
    let height = top + ROW * rows.len() as u64 + 4;
    let mut chart = legend(frame(class, height), keys);
    for (i, row) in rows.iter().enumerate() {
        let y = top + ROW * i as u64;
        chart = chart.child(text("label", 0, y + 15, &row.label));
        let bar_y = y + 22;
        let mut x = 0;
        for part in &row.parts {
            let width = scale(part.value, max, BAR_AREA);
            if width == 0 {
                continue;
            }
            chart = chart.child(
                rect(&format!("bar {}", part.class), x, bar_y, width, BAR_HEIGHT)
                    .child(svg("title").text(&part.title)),
            );
            x += width;
        }
        let gap = if x == 0 { 0 } else { 8 };
        chart = chart.child(text("value", x + gap, bar_y + 14, &row.text));
    }
    chart
}

// The weekly chart: the plot's box inside the view box.
const COL_HEIGHT: u64 = 230;
const PLOT_LEFT: u64 = 40;
const PLOT_TOP: u64 = LEGEND + 16;
const PLOT_BOTTOM: u64 = 196;

/// Columns per week: each week's parts side by side, `value` of the biggest value high, the
/// count above each column that has one, the week under it, and lines at zero and at the top value.
pub fn columns(class: &str, weeks: &[Column], keys: &[(&'static str, String)]) -> Node {
    let max = weeks
        .iter()
        .flat_map(|w| w.parts.iter().map(|p| p.value))
        .max()
        .unwrap_or(0);
    let plot = PLOT_BOTTOM - PLOT_TOP;
    let mut chart = legend(frame(class, COL_HEIGHT), keys);
    for (value, y) in [(0, PLOT_BOTTOM), (max, PLOT_TOP)] {
        if value == 0 && y == PLOT_TOP {
            continue;
        }
        chart = chart
            .child(
                svg("line")
                    .class("grid")
                    .attr("x1", &n(PLOT_LEFT))
                    .attr("x2", &n(WIDTH))
                    .attr("y1", &n(y))
                    .attr("y2", &n(y)),
            )
            .child(text("axis", PLOT_LEFT - 8, y + 4, &n(value)).attr("text-anchor", "end"));
    }
    let count = weeks.len().max(1) as u64;
    let slot = (WIDTH - PLOT_LEFT) / count;
    for (i, week) in weeks.iter().enumerate() {
        let left = PLOT_LEFT + slot * i as u64;
        let parts = week.parts.len().max(1) as u64;
        let width = (slot * 2 / 3) / parts;
        let start = left + (slot - width * parts) / 2;
        for (k, part) in week.parts.iter().enumerate() {
            let x = start + width * k as u64;
            let high = scale(part.value, max, plot);
            let centre = x + width / 2;
            if high > 0 {
                chart = chart.child(
                    rect(
                        &format!("bar {}", part.class),
                        x,
                        PLOT_BOTTOM - high,
                        width.saturating_sub(2),
                        high,
                    )
                    .child(svg("title").text(&part.title)),
                );
            }
            if part.value > 0 {
                chart = chart.child(
                    text("count", centre, PLOT_BOTTOM - high - 4, &n(part.value))
                        .attr("text-anchor", "middle"),
                );
            }
        }
        chart = chart.child(
            text("axis", left + slot / 2, PLOT_BOTTOM + 18, &week.label)
                .attr("text-anchor", "middle"),
        );
    }
    chart
}
