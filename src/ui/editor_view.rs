//! The application editor drawn from its form: details, people, interview rounds with who
//! was met and what was discussed. Contacts and rounds are keyed by their ids, so removing
//! one keeps what is typed in the others.

use super::items::status_label;
use super::node::{button, el, input, labelled, labelled_check, select, textarea, Node};
use super::words::Words;
use super::Model;
use crate::core::model::{Contact, Salutation, Status};

pub fn view(m: &Model) -> Node {
    let w = &m.words;
    let Some(f) = &m.editor else {
        return el("p").text(&w.t("errorGone"));
    };
    let status_options: Vec<(String, String)> = Status::ALL
        .iter()
        .map(|s| (s.as_str().to_string(), status_label(w, s)))
        .collect();
    let medium_options = vec![
        (String::new(), w.t("mediumDefault")),
        ("email".to_string(), w.t("mediumEmail")),
        ("phone".to_string(), w.t("mediumPhone")),
    ];
    let details = el("fieldset")
        .class("details")
        .child(el("legend").text(&w.t("details")))
        .child(labelled(
            &w.t("fieldCompany"),
            input("text", "company", &f.company).attr("autocomplete", "organization"),
        ))
        .child(labelled(&w.t("fieldRole"), input("text", "role", &f.role)))
        .child(labelled(
            &w.t("fieldPosting"),
            input("url", "posting", &f.posting),
        ))
        .child(labelled(
            &w.t("captureLocations"),
            input("text", "locations", &f.locations),
        ))
        .child(labelled(
            &w.t("captureSalary"),
            input("text", "salary", &f.salary),
        ))
        .child(labelled(
            &w.t("fieldStatus"),
            select("status", &status_options, &f.status),
        ))
        .child(labelled(
            &w.t("fieldApplied"),
            input("date", "applied", &f.applied),
        ))
        .child(labelled(
            &w.t("fieldDecision"),
            input("date", "decision", &f.decision),
        ))
        .child(el("p").class("hint").text(&w.t("fieldDecisionHint")))
        .child(labelled(
            &w.t("fieldMedium"),
            select("medium", &medium_options, &f.medium),
        ))
        .child(labelled_check(
            "no-contact",
            f.no_contact,
            &w.t("fieldNoContact"),
        ))
        .child(labelled(
            &w.t("fieldNotes"),
            textarea("notes", &f.notes).attr("rows", "3"),
        ))
        .child(labelled(
            &w.t("fieldLanguage"),
            select(
                "language",
                &language_options(w, "languageAsSettings"),
                &f.language,
            ),
        ))
        .child(labelled_check(
            "informal",
            f.informal,
            &w.t("fieldInformal"),
        ));

    let contacts = el("fieldset")
        .child(el("legend").text(&w.t("people")))
        .children(f.contacts.iter().enumerate().map(|(i, c)| contact(w, i, c)))
        .child(button(&w.t("addContact"), "add-contact").key("add"));

    let rounds = el("fieldset")
        .child(el("legend").text(&w.t("rounds")))
        .children(
            f.rounds
                .iter()
                .enumerate()
                .map(|(j, r)| super::editor_rounds::view(w, &f.contacts, j, r)),
        )
        .child(button(&w.t("addRound"), "add-round").key("add"));

    let error = f.error.as_ref().map(|e| w.say(e)).unwrap_or_default();
    let buttons = el("div")
        .class("buttons sticky")
        .child(
            el("button")
                .attr("type", "submit")
                .class("primary")
                .attr_if(m.busy, "disabled", "")
                .text(&w.t("save")),
        )
        .child(button(&w.t("cancel"), "cancel-edit"));
    let form = el("form")
        .class(if m.roomy() {
            "editor columns"
        } else {
            "editor"
        })
        .attr("data-form", "app")
        .attr("data-view", "edit")
        .attr("novalidate", "")
        .child(el("h2").text(&w.t(if f.is_new() {
            "newApplication"
        } else {
            "editApplication"
        })))
        .child(
            el("div")
                .class("form-error")
                .attr("role", "alert")
                .text(&error),
        );
    if !m.roomy() {
        return form
            .child(details)
            .child(contacts)
            .child(rounds)
            .child(buttons);
    }
    // Roomy pages: what is edited on the left, then Save and Cancel; what happened so far on
    // the right, after them in the keyboard's order.
    let app = m.app(&f.base.id).unwrap_or(&f.base);
    let actions = m.actions_of(&app.id);
    form.child(
        el("div")
            .class("main")
            .child(details)
            .child(contacts)
            .child(rounds),
    )
    .child(buttons)
    .child(
        el("aside")
            .class("side")
            .attr("aria-label", &w.t("historyOfApp"))
            .child(el("h3").text(&w.t("historyOfApp")))
            .child(super::timeline::draw(w, app, &actions, m.today, true)),
    )
}

/// The correspondence languages, after a first option meaning "the default" worded by
/// `default_key`.
pub fn language_options(w: &Words, default_key: &str) -> Vec<(String, String)> {
    vec![
        (String::new(), w.t(default_key)),
        ("en".to_string(), w.t("languageEnglish")),
        ("de".to_string(), w.t("languageGerman")),
    ]
}

fn contact(w: &Words, i: usize, c: &Contact) -> Node {
    let n = |f: &str| format!("contact.{i}.{f}");
    el("div")
        .key(&c.id)
        .class("contact")
        .attr("data-index", &i.to_string())
        .child(labelled(
            &w.t("fieldName"),
            input("text", &n("name"), &c.name),
        ))
        .child(labelled(
            &w.t("fieldTitle"),
            input("text", &n("title"), &c.title),
        ))
        .child(labelled(
            &w.t("fieldEmail"),
            input("email", &n("email"), &c.email),
        ))
        .child(labelled(
            &w.t("fieldPhone"),
            input("tel", &n("phone"), &c.phone),
        ))
        .child(labelled(
            &w.t("fieldSalutation"),
            select(
                &n("salutation"),
                &[
                    (String::new(), w.t("salutationNone")),
                    ("frau".to_string(), "Frau".to_string()),
                    ("herr".to_string(), "Herr".to_string()),
                ],
                match c.salutation {
                    None => "",
                    Some(Salutation::Frau) => "frau",
                    Some(Salutation::Herr) => "herr",
                },
            ),
        ))
        .child(labelled(
            &w.t("fieldAcademicTitle"),
            input("text", &n("academic-title"), &c.academic_title).attr("placeholder", "Dr."),
        ))
        .child(labelled_check(
            &n("manager"),
            c.hiring_manager,
            &w.t("hiringManager"),
        ))
        .child(labelled_check(
            &n("reference"),
            c.reference,
            &w.t("reference"),
        ))
        .child(
            button(&w.t("removeContact"), "remove-contact")
                .attr("data-index", &i.to_string())
                .attr("aria-label", &w.tf("removeNamed", &[("name", &c.name)])),
        )
}
