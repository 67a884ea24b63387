//! The full-tab page, natively: which views it has, where it opens, and how the popup and the
//! options page open it.

mod ui_support;

use followup::ui::{Effect, Msg, Surface, Tab, View};
use ui_support::*;

fn tab_actions(m: &followup::ui::Model) -> Vec<String> {
    drawn(m)
        .select("[role=tablist] [role=tab]")
        .iter()
        .filter_map(|n| n.get("data-action").map(str::to_string))
        .collect()
}

#[test]
fn the_tab_opens_on_the_board_with_every_view_a_tab() {
    let m = page(Surface::Tab, vec![acme()]);
    assert_eq!(m.view, View::Board);
    assert_eq!(
        tab_actions(&m),
        ["tab-board", "tab-today", "tab-apps", "tab-insights"]
    );
    let tree = drawn(&m);
    assert_eq!(count(&tree, "div.page.roomy"), 1);
    assert_eq!(count(&tree, "[data-action=open-tab]"), 0);
    assert_eq!(count(&tree, "[data-action=open-options]"), 1);
}

#[test]
fn www_has_the_same_views_and_its_settings() {
    let m = page(Surface::Www, vec![acme()]);
    assert_eq!(
        tab_actions(&m),
        [
            "tab-board",
            "tab-today",
            "tab-apps",
            "tab-insights",
            "tab-settings"
        ]
    );
}

#[test]
fn the_popup_and_the_options_page_open_the_tab() {
    for surface in [Surface::Popup, Surface::Options] {
        let mut m = page(surface, vec![acme()]);
        let tree = drawn(&m);
        let open = tree.first("[data-action=open-tab]").expect("Open in a tab");
        assert_eq!(open.text_content(), "Open in a tab");
        assert_eq!(send(&mut m, Msg::OpenTab), vec![Effect::OpenTab]);
    }
    // The popup keeps its two views: the board and insights need the room.
    let m = page(Surface::Popup, vec![acme()]);
    assert_eq!(tab_actions(&m), ["tab-today", "tab-apps"]);
}

#[test]
fn the_address_names_the_view_the_tab_opens_on() {
    assert_eq!(Tab::from_name("#today"), Some(Tab::Today));
    assert_eq!(Tab::from_name("insights"), Some(Tab::Insights));
    assert_eq!(Tab::from_name("#apps"), Some(Tab::Apps));
    assert_eq!(Tab::from_name("#board"), Some(Tab::Board));
    assert_eq!(Tab::from_name(""), None);
    assert_eq!(Tab::from_name("#settings"), None);
    let mut m = page(Surface::Tab, vec![acme()]);
    send(&mut m, Msg::Tab(Tab::Insights));
    assert_eq!(m.view, View::Insights);
    assert_eq!(
        drawn(&m)
            .first("[data-action=tab-insights]")
            .and_then(|n| n.get("aria-selected")),
        Some("true")
    );
}

#[test]
fn a_page_left_open_overnight_plans_for_the_new_day() {
    use followup::core::plan;
    let mut m = page(Surface::Tab, vec![acme()]);
    let revision = m.data_revision;
    send(&mut m, Msg::Day(today()));
    assert_eq!(m.data_revision, revision, "the same day changes nothing");
    send(&mut m, Msg::Tab(Tab::Insights));
    let as_of = text_of(&drawn(&m), ".insights-head .hint");
    let tomorrow = today().succ_opt().unwrap();
    send(&mut m, Msg::Day(tomorrow));
    assert_eq!(m.today, tomorrow);
    assert_eq!(
        m.plan,
        plan::plan(&m.stored.apps, &m.stored.settings, tomorrow)
    );
    // The insights kept for yesterday are worked out again.
    assert_eq!(m.insights.as_ref().map(|(_, i)| i.today), Some(tomorrow));
    assert_ne!(text_of(&drawn(&m), ".insights-head .hint"), as_of);
    // A move's date is today's, and today is not refused as a day to come.
    send(&mut m, Msg::Tab(Tab::Board));
    send(
        &mut m,
        Msg::Board(followup::ui::BoardMsg::Move {
            app: "acme".into(),
            to: "rejected".into(),
        }),
    );
    let tree = drawn(&m);
    assert_eq!(value_of(&tree, "move-date"), tomorrow.to_string());
    let effects = send(&mut m, Msg::Submit(followup::ui::Form::Move));
    assert!(
        matches!(effects.first(), Some(Effect::Write(..))),
        "{effects:?}"
    );
}
