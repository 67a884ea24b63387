//! The whole page: the popup, the full-tab page and `www/` (tabs, the notice, the current
//! view) or the options page (its title, the notice, the settings).

use super::node::{button, el, Node};
use super::{apps, board_view, capture_view, data, editor_view, holidays, insights_view};
use super::{settings, templates, today};
use super::{Model, Surface, View};

/// The page for `m`.
pub fn view(m: &Model) -> Node {
    match m.surface {
        Surface::Options => el("div")
            .class("page options")
            .child(
                el("header")
                    .class("bar")
                    .child(el("h1").text(&m.words.t("optionsTitle")))
                    .child(open_tab(m)),
            )
            .child(notice(m))
            .child(settings_sections(m)),
        _ => app_page(m, body),
    }
}

/// Rows of *Today* in the popup's first drawing: more than the popup shows before it is
/// scrolled.
pub const EARLY_ROWS: usize = 10;

/// The popup's first drawing ([`super::early_record`]): the page [`view`] draws from today's
/// summary, with *Today*'s lists cut at [`EARLY_ROWS`] rows. The full interface takes such a
/// page over as if it had drawn it, and adds the rest of the rows.
pub fn early_view(m: &Model) -> Node {
    app_page(m, |m| today::view_rows(m, EARLY_ROWS).key("today"))
}

/// The current view.
fn body(m: &Model) -> Node {
    let w = &m.words;
    // Keyed by view, so that another view is drawn afresh rather than patched over.
    match &m.view {
        View::Today => match capture_view::panel(m) {
            Some(panel) => el("div")
                .class("today-page")
                .child(panel)
                .child(today::view(m))
                .key("today"),
            None => today::view(m).key("today"),
        },
        // Drawn from today's summary: the applications are still being read.
        _ if m.partial.is_some() => el("p")
            .class("empty")
            .attr("role", "status")
            .text(&w.t("loadingApplications"))
            .key("loading"),
        View::Apps => apps::list(m).key("apps"),
        View::App(id) => apps::detail(m, id).key(&format!("app:{id}")),
        View::Edit => editor_view::view(m).key("edit"),
        View::Settings => settings_sections(m).key("settings"),
        View::Board => board_view::view(m).key("board"),
        View::Insights => insights_view::view(m).key("insights"),
    }
}

fn app_page(m: &Model, body: fn(&Model) -> Node) -> Node {
    let w = &m.words;
    let tab = |view: View, label: &str, action: &str| {
        let current =
            m.view == view || (view == View::Apps && matches!(m.view, View::App(_) | View::Edit));
        button(label, action)
            .attr("role", "tab")
            .attr("aria-selected", if current { "true" } else { "false" })
    };
    let due = m.due_count();
    let today_label = if due > 0 {
        format!("{} ({due})", w.t("tabToday"))
    } else {
        w.t("tabToday")
    };
    let mut tabs = el("div")
        .class("tabs")
        .attr("role", "tablist")
        .attr("aria-label", &w.t("tabsLabel"));
    if m.roomy() {
        tabs = tabs.child(tab(View::Board, &w.t("tabBoard"), "tab-board"));
    }
    tabs = tabs
        .child(tab(View::Today, &today_label, "tab-today"))
        .child(tab(View::Apps, &w.t("tabApps"), "tab-apps"));
    if m.roomy() {
        tabs = tabs.child(tab(View::Insights, &w.t("tabInsights"), "tab-insights"));
    }
    let mut header = el("header")
        .class("bar")
        .child(el("h1").text(&w.t("appTitle")));
    if m.surface == Surface::Www {
        tabs = tabs.child(tab(View::Settings, &w.t("tabSettings"), "tab-settings"));
        header = header.child(tabs);
    } else {
        header = header.child(tabs);
        if m.surface == Surface::Popup {
            header = header.child(open_tab(m));
        }
        header = header.child(
            button(&w.t("openOptions"), "open-options")
                .class("link")
                .attr("aria-label", &w.t("openOptionsLabel")),
        );
    }
    let body = body(m);
    let mut page = el("div").class(if m.roomy() { "page roomy" } else { "page" });
    if m.surface == Surface::Www {
        page = page.child(
            el("aside")
                .class("intro")
                .child(el("p").text(&w.t("wwwIntro")))
                .child(el("p").text(&w.t("wwwStorage"))),
        );
    }
    page.child(header).child(notice(m)).child(
        el("section")
            .class("view")
            .attr("role", "tabpanel")
            .child(body),
    )
}

/// "Open in a tab": the full-tab page, from the popup and the options page.
fn open_tab(m: &Model) -> Node {
    button(&m.words.t("openInTab"), "open-tab")
        .class("link")
        .attr("aria-label", &m.words.t("openInTabLabel"))
}

fn settings_sections(m: &Model) -> Node {
    el("div")
        .class("settings-page")
        .child(settings::form(m))
        .child(holidays::view(m))
        .child(templates::view(m))
        .child(data::view(m))
        .child_if(m.surface != Surface::Www, || data::webmail(m))
}

/// The line at the top: what just happened, with undo when it can be taken back.
pub fn notice(m: &Model) -> Node {
    let w = &m.words;
    let region = el("div")
        .class("notice")
        .attr("role", "status")
        .attr("aria-live", "polite");
    let Some(n) = &m.notice else {
        return region;
    };
    let mut line = el("p")
        .class(if n.error { "message error" } else { "message" })
        .append_text(&w.say(&n.text));
    if n.error {
        line = line.attr("role", "alert");
    }
    if let Some(r) = &n.undo {
        line = line.child(
            button(&w.t("undo"), "undo")
                .attr("data-app", &r.app)
                .attr("data-key", &r.key),
        );
    }
    region.child(
        line.child(
            button("×", "dismiss")
                .class("icon")
                .attr("aria-label", &w.t("dismiss")),
        ),
    )
}
