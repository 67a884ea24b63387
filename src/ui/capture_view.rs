//! The "Save this job" panel at the top of *Today* (see `capture.rs`): the form prefilled
//! from the posting, what the reader noted, or the application already saved for it.

use super::capture::{duplicate, Capture, CaptureForm};
use super::items::{display_name, status_label};
use super::node::{button, el, input, labelled, labelled_check, select, Node};
use super::Model;
use crate::core::model::Status;

/// The panel, when the popup was opened on a page it read (none before every application
/// was read: the duplicate check needs them).
pub fn panel(m: &Model) -> Option<Node> {
    let capture = m.capture.as_ref()?;
    if !m.loaded || m.partial.is_some() {
        return None;
    }
    let w = &m.words;
    let section = el("section")
        .class("capture")
        .key("capture")
        .attr("aria-label", &w.t("captureTitle"));
    let close = button(&w.t("captureClose"), "capture-close").class("link");
    let (posting, found, open, form) = match capture {
        Capture::Unreadable(text) => {
            return Some(
                section
                    .child(el("h2").text(&w.t("captureTitle")))
                    .child(el("p").class("message").text(&w.say(text)))
                    .child(
                        el("div")
                            .class("row")
                            .child(button(&w.t("addApplication"), "new-app"))
                            .child(close),
                    ),
            );
        }
        Capture::Form {
            posting,
            found,
            open,
            form,
        } => (posting, *found, *open, form),
    };
    if let Some(app) = duplicate(m, posting) {
        let name = display_name(w, app);
        let status = status_label(w, &app.status);
        let text = match app.applied_on {
            Some(date) => w.tf(
                "captureDuplicate",
                &[
                    ("name", &name),
                    ("date", &w.short_date(date, m.today)),
                    ("status", &status),
                ],
            ),
            None => w.tf(
                "captureDuplicateSaved",
                &[("name", &name), ("status", &status)],
            ),
        };
        return Some(
            section.class("capture duplicate").child(
                el("p").class("message").append_text(&text).child(
                    button(&w.t("captureOpen"), "open-app")
                        .class("link")
                        .attr("data-app", &app.id),
                ),
            ),
        );
    }
    let heading = if found {
        w.t("captureTitle")
    } else {
        w.t("captureNone")
    };
    let mut out = section.child(el("h2").text(&heading));
    if !open {
        return Some(
            out.child(
                el("div")
                    .class("row")
                    .child(button(&w.t("captureExpand"), "capture-expand"))
                    .child(close),
            ),
        );
    }
    if !found {
        out = out.child(el("p").class("hint").text(&w.t("captureNoneHint")));
    }
    if !form.notes.is_empty() {
        out = out.child(
            el("ul")
                .class("notes")
                .attr("aria-label", &w.t("captureNotes"))
                .children(
                    form.notes
                        .iter()
                        .map(|n| el("li").text(&w.worded(&crate::core::words::Coded::worded(n)))),
                ),
        );
    }
    Some(out.child(form_view(m, form)))
}

fn form_view(m: &Model, f: &CaptureForm) -> Node {
    let w = &m.words;
    let statuses: Vec<(String, String)> = [Status::Applied, Status::Saved]
        .iter()
        .map(|s| (s.as_str().to_string(), status_label(w, s)))
        .collect();
    let text = |label: &str, name: &str, value: &str| labelled(label, input("text", name, value));
    let mut form = el("form")
        .attr("data-form", "capture")
        .class("capture-form")
        .child(text(&w.t("fieldCompany"), "capture-company", &f.company))
        .child(text(&w.t("fieldRole"), "capture-role", &f.role))
        .child(text(
            &w.t("captureLocations"),
            "capture-locations",
            &f.locations,
        ))
        .child(labelled_check(
            "capture-remote",
            f.remote,
            &w.t("captureRemote"),
        ))
        .child(text(&w.t("captureSalary"), "capture-salary", &f.salary))
        .child(text(
            &w.t("captureEmploymentType"),
            "capture-employment-type",
            &f.employment_type,
        ))
        .child(labelled(
            &w.t("captureDatePosted"),
            input("date", "capture-date-posted", &f.date_posted),
        ))
        .child(labelled(
            &w.t("captureValidThrough"),
            input("date", "capture-valid-through", &f.valid_through),
        ))
        .child(text(
            &w.t("capturePostingId"),
            "capture-posting-id",
            &f.posting_id,
        ))
        .child(labelled(
            &w.t("fieldPosting"),
            input("url", "capture-url", &f.url),
        ))
        .child(labelled(
            &w.t("fieldStatus"),
            select("capture-status", &statuses, &f.status),
        ))
        .child_if(f.status != "saved", || {
            labelled(
                &w.t("fieldApplied"),
                input("date", "capture-applied", &f.applied),
            )
        });
    if !f.description.is_empty() {
        form = form.child(el("p").class("hint").text(&w.t("captureDescriptionKept")));
    }
    if let Some(e) = &f.error {
        form = form.child(
            el("p")
                .class("message error")
                .attr("role", "alert")
                .text(&w.say(e)),
        );
    }
    form.child(
        el("div")
            .class("buttons")
            .child(
                el("button")
                    .attr("type", "submit")
                    .class("primary")
                    .attr_if(m.busy, "disabled", "")
                    .text(&w.t("captureSave")),
            )
            .child(button(&w.t("captureClose"), "capture-close").class("link")),
    )
}
