//! The settings' data section (backup, import, CSV and calendar exports, the snapshot,
//! storage used) and the optional webmail sites.

use super::msg::{After, Effect, Write};
use super::node::{button, el, labelled, Node};
use super::words::Text;
use super::Model;
use crate::core::backup::{ImportReport, SkipReason, MAX_BACKUP_BYTES};
use crate::core::export::{tenths, KB, MB};
use crate::core::sites::{self, optional_sites};
use crate::core::words::Worded;

pub fn view(m: &Model) -> Node {
    let w = &m.words;
    let radio = |value: &str, on: bool, label: &str| {
        el("label")
            .class("check")
            .child(
                el("input")
                    .attr("type", "radio")
                    .attr("name", "import-mode")
                    .attr("value", value)
                    .checked(on),
            )
            .append_text(label)
    };
    let mut out = el("section")
        .class("data")
        .child(el("h2").text(&w.t("dataTitle")))
        .child(el("p").class("hint").text(&w.t("dataHint")))
        .child(
            el("div")
                .class("buttons")
                .child(button(&w.t("exportBackup"), "export-backup"))
                .child(button(&w.t("exportCsv"), "export-csv"))
                .child(button(&w.t("exportLog"), "export-log"))
                .child(button(&w.t("exportIcs"), "export-ics")),
        )
        .child(
            el("form")
                .class("import")
                .attr("data-form", "import")
                .child(el("h3").text(&w.t("importTitle")))
                .child(labelled(
                    &w.t("importFile"),
                    el("input")
                        .attr("type", "file")
                        .attr("name", "import-file")
                        .attr("accept", ".json,application/json"),
                ))
                .child(
                    el("fieldset")
                        .class("inline")
                        .child(el("legend").text(&w.t("importMode")))
                        .child(radio("merge", !m.import_replace, &w.t("importMerge")))
                        .child(radio("replace", m.import_replace, &w.t("importReplace"))),
                )
                .child(
                    el("button")
                        .attr("type", "submit")
                        .attr_if(m.busy, "disabled", "")
                        .text(&w.t("importButton")),
                ),
        );
    if let Some(report) = &m.report {
        out = out.child(
            el("pre")
                .class("text report")
                .attr("data-report", "")
                .text(report),
        );
    }
    if let Some((when, why)) = &m.extras.snapshot {
        out = out.child(
            el("p")
                .class("snapshot")
                .append_text(&w.tf("snapshotInfo", &[("when", when), ("why", why)]))
                .append_text(" ")
                .child(button(&w.t("snapshotRestore"), "snapshot-restore")),
        );
    }
    if let Some(bytes) = m.extras.bytes {
        out = out.child(el("p").class("usage").text(&w.tf(
            "storageUsed",
            &[
                ("kb", &tenths(bytes as u64, KB)),
                ("n", &m.stored.apps.len().to_string()),
            ],
        )));
    }
    out
}

pub fn webmail(m: &Model) -> Node {
    let w = &m.words;
    let sites = optional_sites().map(|site| {
        let (id, name) = (site.id.as_str(), site.name.as_str());
        let allowed = m.extras.allowed.iter().any(|a| a == id);
        el("p")
            .key(id)
            .class("site")
            .attr("data-site", id)
            .append_text(&w.tf(
                if allowed {
                    "siteAllowed"
                } else {
                    "siteNotAllowed"
                },
                &[("site", name)],
            ))
            .append_text(" ")
            .child(if allowed {
                button(&w.t("siteRevoke"), "site-revoke").attr("data-site", id)
            } else {
                button(&w.t("siteAllow"), "site-allow").attr("data-site", id)
            })
    });
    el("section")
        .class("webmail")
        .child(el("h2").text(&w.t("webmailTitle")))
        .child(el("p").class("hint").text(&w.t("webmailHint")))
        .children(sites)
}

/// The import form was submitted: a file of `size` bytes, or none.
pub fn picked(m: &mut Model, size: Option<f64>) -> Vec<Effect> {
    match size {
        None => m.error(Text::key("importNoFile")),
        Some(size) if size > MAX_BACKUP_BYTES as f64 => m.error(Text::with(
            "importTooLarge",
            &[
                ("mb", &tenths(size as u64, MB)),
                ("max", &(MAX_BACKUP_BYTES as u64 / MB).to_string()),
            ],
        )),
        Some(_) => return vec![Effect::ReadImportFile],
    }
    Vec::new()
}

pub fn read(m: &mut Model, text: Option<String>) -> Vec<Effect> {
    match text {
        None => {
            m.error(Text::key("importUnreadable"));
            Vec::new()
        }
        Some(text) => {
            m.busy = true;
            let replace = m.import_replace;
            vec![Effect::Write(
                Write::Import { text, replace },
                After::Import,
            )]
        }
    }
}

/// The import's outcome: the report, or why the file was refused.
pub fn imported(m: &mut Model, result: Result<&ImportReport, &Worded>) {
    m.extras_requested = false;
    match result {
        Ok(report) => {
            let summary = Text::with(
                "importReport",
                &[
                    ("added", &report.added.len().to_string()),
                    ("updated", &report.updated.len().to_string()),
                    ("skipped", &report.skipped.len().to_string()),
                ],
            );
            let mut lines = vec![m.words.say(&summary)];
            for s in &report.skipped {
                let why = match s.reason {
                    SkipReason::Identical => m.words.t("skipIdentical"),
                    SkipReason::OlderRevision { .. } => m.words.t("skipOlder"),
                };
                lines.push(format!("{}: {why}", s.id));
            }
            m.report = Some(lines.join("\n"));
            m.info(summary);
        }
        Err(e) => {
            m.report = None;
            let detail = m.words.worded(e);
            m.error(Text::with("importRefused", &[("detail", &detail)]));
        }
    }
}

/// Asks for, or gives back, the permission of an optional site. The browser side runs it
/// within the click, as browsers require for a permission prompt.
pub fn site(site: &str, allow: bool) -> Vec<Effect> {
    optional_sites()
        .find(|s| s.id == site)
        .map(|s| Effect::Permission {
            site: &s.id,
            patterns: sites::patterns(s),
            allow,
        })
        .into_iter()
        .collect()
}

pub fn site_changed(m: &mut Model, site: &str, granted: bool) {
    m.extras_requested = false;
    if granted {
        let name = optional_sites()
            .find(|s| s.id == site)
            .map_or(site, |s| s.name.as_str());
        m.info(Text::with("siteChanged", &[("site", name)]));
    }
}
