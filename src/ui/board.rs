//! The board of the full-tab page: one column per status, one card per application.

use super::node::{el, Node};
use super::Model;

/// The board.
pub fn view(m: &Model) -> Node {
    el("section")
        .class("board")
        .attr("aria-label", &m.words.t("tabBoard"))
}
