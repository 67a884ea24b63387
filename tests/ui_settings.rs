//! The settings, natively: the form held as typed and checked before it is saved, a form
//! with unsaved changes surviving another window's write, the extension-only fields, the
//! webmail sites, and importing a backup.

mod ui_support;

use followup::core::backup::ImportReport;
use followup::core::model::Settings;
use followup::core::sync::{PartStatus, SyncStatus};
use followup::ui::{After, Effect, Extras, Msg, Outcome, Stored, Surface, Tab, Text, Write};
use ui_support::*;

fn submit(m: &mut followup::ui::Model) -> Vec<Effect> {
    send(m, Msg::from_submit("settings").unwrap())
}

fn saved(effects: &[Effect]) -> (Settings, u32) {
    match effects {
        [Effect::Write(Write::SaveSettings { settings, revision }, After::Notice(n))] => {
            assert_eq!(n.text, Text::key("settingsSaved"));
            (settings.clone(), *revision)
        }
        other => panic!("not one settings save: {other:?}"),
    }
}

#[test]
fn the_options_page_draws_the_stored_settings_and_asks_for_its_extras_once() {
    let mut settings = Settings::default();
    settings.profile.name = "Robin Doe".into();
    settings.buffer_days = 3;
    let mut m = page_with(Surface::Options, english(), vec![], settings);
    let tree = drawn(&m);
    assert_eq!(text_of(&tree, "h1"), "Follow-up settings");
    assert_eq!(value_of(&tree, "profile-name"), "Robin Doe");
    assert_eq!(value_of(&tree, "buffer"), "3");
    assert_eq!(
        count(&tree, "[name=notify]"),
        1,
        "notifications exist in the extension"
    );
    assert_eq!(count(&tree, "section.webmail p.site"), 2);
    // Already asked for when storage was read: not again.
    assert!(input(&mut m, "profile-name", "Robin").is_empty());

    send(
        &mut m,
        Msg::ExtrasLoaded(Extras {
            snapshot: Some(("3 Mar 2026".into(), "before an import".into())),
            bytes: Some(2048.0),
            sync: Some(SyncStatus {
                settings: PartStatus::Synced {
                    bytes: 812,
                    items: 1,
                },
                applications: PartStatus::Off,
                ..Default::default()
            }),
            allowed: vec!["proton".into()],
        }),
    );
    let tree = drawn(&m);
    assert!(text_of(&tree, "p.snapshot").contains("before an import"));
    assert_eq!(
        text_of(&tree, "p.usage"),
        "0 applications use 2.0 KB of storage."
    );
    assert!(
        text_of(&tree, "p.sync-status").starts_with("Settings: "),
        "{}",
        text_of(&tree, "p.sync-status")
    );
    assert_eq!(
        count(&tree, "p.site[data-site=proton] [data-action=site-revoke]"),
        1
    );
    assert_eq!(
        count(&tree, "p.site[data-site=yahoo] [data-action=site-allow]"),
        1
    );
}

/// The options page with `status` as the service worker last stored it.
fn with_sync(words: followup::ui::words::Words, status: SyncStatus) -> String {
    let mut m = page_with(Surface::Options, words, vec![], Settings::default());
    send(
        &mut m,
        Msg::ExtrasLoaded(Extras {
            sync: Some(status),
            ..Default::default()
        }),
    );
    text_of(&drawn(&m), "p.sync-status")
}

#[test]
fn synced_applications_say_their_job_descriptions_stay_on_this_computer() {
    let synced = SyncStatus {
        settings: PartStatus::Synced {
            bytes: 812,
            items: 1,
        },
        applications: PartStatus::Synced {
            bytes: 6 * 1024,
            items: 4,
        },
        descriptions_here: 2,
    };
    assert_eq!(
        with_sync(english(), synced.clone()),
        "Settings: in sync (0.8 KB)\nApplications: in sync (6.0 KB)\n\
         Job descriptions stay on this computer: browser sync has no room for them."
    );
    assert_eq!(
        with_sync(german(), synced.clone()),
        "Einstellungen: synchronisiert (0.8 KB)\nBewerbungen: synchronisiert (6.0 KB)\n\
         Stellenbeschreibungen bleiben auf diesem Computer: In der Browser-Synchronisierung ist \
         kein Platz für sie."
    );
    // No application has a description: nothing to say.
    let plain = SyncStatus {
        descriptions_here: 0,
        ..synced.clone()
    };
    assert!(!with_sync(english(), plain).contains("descriptions"));
    // Applications not synced (off, or refused): their descriptions are not the news.
    for applications in [
        PartStatus::Off,
        PartStatus::Error {
            message: "Browser sync refused the change.".into(),
        },
    ] {
        let shown = with_sync(
            english(),
            SyncStatus {
                applications,
                ..synced.clone()
            },
        );
        assert!(!shown.contains("descriptions"), "{shown}");
    }
}

#[test]
fn storage_used_counts_the_descriptions_of_saved_postings() {
    use followup::core::model::PostingDetails;
    use followup::core::store;
    let mut app = simple("n1", "Northwind");
    let entries = |app: &followup::core::model::Application| {
        let new = followup::core::model::Application {
            revision: 0,
            ..app.clone()
        };
        let prepared = store::prepare_put_app(None, new).unwrap();
        std::collections::BTreeMap::from([(prepared.key, prepared.value)])
    };
    let plain = store::bytes_used(&entries(&app));
    app.posting = Some(PostingDetails {
        description: "ü".repeat(30 * 1024),
        ..Default::default()
    });
    let described = store::bytes_used(&entries(&app));
    assert!(
        described >= plain + 60 * 1024,
        "{plain} -> {described}: 60 KB of UTF-8 text"
    );
    let mut m = page_with(Surface::Options, english(), vec![app], Settings::default());
    send(
        &mut m,
        Msg::ExtrasLoaded(Extras {
            bytes: Some(described as f64),
            ..Default::default()
        }),
    );
    let shown = text_of(&drawn(&m), "p.usage");
    let kb: f64 = shown
        .strip_prefix("1 applications use ")
        .and_then(|rest| rest.strip_suffix(" KB of storage."))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{shown}"));
    assert!(kb >= 60.0, "{shown}");
}

#[test]
fn a_bad_day_off_is_refused_with_its_line_and_nothing_is_saved() {
    let mut m = page(Surface::Options, vec![]);
    input(&mut m, "own-holidays", "2026-12-24\nChristmas");
    assert!(submit(&mut m).is_empty());
    let shown = text_of(&drawn(&m), "form[data-form=settings] .form-error");
    assert!(shown.starts_with("Line 2"), "{shown}");
    assert!(shown.contains("Christmas"), "{shown}");

    input(&mut m, "own-holidays", "2026-12-24\n2026-12-24\n2026-12-23");
    input(&mut m, "profile-name", " Robin Doe ");
    input(&mut m, "buffer", "3");
    check(&mut m, "card", true);
    let (settings, revision) = saved(&submit(&mut m));
    assert_eq!(revision, 1, "saved at the revision it was read at");
    assert_eq!(settings.profile.name, "Robin Doe");
    assert_eq!(settings.buffer_days, 3);
    assert!(settings.thank_you_card);
    assert_eq!(
        settings.holidays.own,
        [date("2026-12-23"), date("2026-12-24")]
    );
    assert_eq!(
        text_of(&drawn(&m), "form[data-form=settings] .form-error"),
        ""
    );
}

#[test]
fn reminder_and_notification_times_are_checked() {
    let mut m = page(Surface::Options, vec![]);
    input(&mut m, "remind-after", "0");
    assert!(submit(&mut m).is_empty());
    assert_eq!(m.settings.error, Some(Text::key("errorRemindAfter")));
    input(&mut m, "remind-after", "14");
    check(&mut m, "notify", true);
    input(&mut m, "notify-at", "25:00");
    assert!(submit(&mut m).is_empty());
    assert_eq!(m.settings.error, Some(Text::key("errorNotifyAt")));
    input(&mut m, "notify-at", "08:30");
    check(&mut m, "sync-apps", true);
    let (settings, _) = saved(&submit(&mut m));
    assert_eq!(settings.remind_after_applying, Some(14));
    assert_eq!(settings.notify_at.as_deref(), Some("08:30"));
    assert!(settings.sync_applications);
}

#[test]
fn www_has_no_notification_or_sync_fields_and_keeps_what_is_stored() {
    let stored = Settings {
        notify_at: Some("07:00".into()),
        ..Settings::default()
    };
    let mut m = page_with(Surface::Www, english(), vec![], stored);
    send(&mut m, Msg::Tab(Tab::Settings));
    let tree = drawn(&m);
    assert_eq!(count(&tree, "[name=notify]"), 0);
    assert_eq!(count(&tree, "section.webmail"), 0);
    assert_eq!(count(&tree, "[data-action=tab-settings]"), 1);
    check(&mut m, "notify", false);
    let (settings, _) = saved(&submit(&mut m));
    assert_eq!(settings.notify_at.as_deref(), Some("07:00"));
}

#[test]
fn unsaved_changes_survive_another_windows_write_and_a_clean_form_follows_it() {
    let mut m = page(Surface::Options, vec![]);
    let mut elsewhere = Settings::default();
    elsewhere.profile.name = "From another window".into();
    let reload = |m: &mut followup::ui::Model, s: &Settings| {
        assert_eq!(send(m, Msg::StorageChanged), vec![Effect::Reload]);
        send(
            m,
            Msg::Loaded {
                today: today(),
                result: Ok(Stored {
                    apps: vec![],
                    settings: s.clone(),
                    settings_revision: 2,
                }),
            },
        );
    };
    reload(&mut m, &elsewhere);
    assert_eq!(value_of(&drawn(&m), "profile-name"), "From another window");
    input(&mut m, "profile-phone", "+44 20 7946 0000");
    elsewhere.profile.name = "Changed again".into();
    reload(&mut m, &elsewhere);
    let tree = drawn(&m);
    assert_eq!(value_of(&tree, "profile-phone"), "+44 20 7946 0000");
    assert_eq!(value_of(&tree, "profile-name"), "From another window");
    // The save is based on the latest read revision.
    assert_eq!(saved(&submit(&mut m)).1, 2);
}

#[test]
fn optional_sites_are_asked_for_and_the_page_reads_them_again() {
    let mut m = page(Surface::Options, vec![]);
    let click =
        Msg::from_click("site-allow", |n| (n == "data-site").then(|| "yahoo".into())).unwrap();
    assert_eq!(
        send(&mut m, click),
        vec![Effect::Permission {
            site: "yahoo",
            patterns: vec!["https://mail.yahoo.com/*".to_string()],
            allow: true
        }]
    );
    let effects = send(
        &mut m,
        Msg::SiteChanged {
            site: "yahoo".into(),
            granted: true,
        },
    );
    assert_eq!(effects, vec![Effect::LoadExtras]);
    assert_eq!(
        text_of(&drawn(&m), ".notice .message"),
        "Yahoo Mail updated. Reload its tab to see the button.×"
    );
    assert!(send(
        &mut m,
        Msg::Site {
            site: "nowhere".into(),
            allow: true
        }
    )
    .is_empty());
}

#[test]
fn importing_checks_the_file_then_writes_and_reports() {
    let mut m = page(Surface::Options, vec![]);
    send(&mut m, Msg::ImportPicked { size: None });
    assert_eq!(m.notice.as_ref().unwrap().text, Text::key("importNoFile"));
    assert!(send(&mut m, Msg::ImportPicked { size: Some(50e6) }).is_empty());
    assert!(matches!(
        &m.notice.as_ref().unwrap().text,
        Text::Msg("importTooLarge", _)
    ));
    assert_eq!(
        send(&mut m, Msg::ImportPicked { size: Some(2e3) }),
        vec![Effect::ReadImportFile]
    );
    send(&mut m, Msg::ImportRead(None));
    assert_eq!(
        m.notice.as_ref().unwrap().text,
        Text::key("importUnreadable")
    );

    input(&mut m, "import-mode", "replace");
    let tree = drawn(&m);
    let replace = tree.first("[name=import-mode][value=replace]").unwrap();
    assert_eq!(replace.element().unwrap().checked, Some(true));
    let effects = send(&mut m, Msg::ImportRead(Some("{}".into())));
    assert_eq!(
        effects,
        vec![Effect::Write(
            Write::Import {
                text: "{}".into(),
                replace: true
            },
            After::Import
        )]
    );
    let report = ImportReport {
        added: vec!["a".into(), "b".into()],
        ..Default::default()
    };
    let extras = send(
        &mut m,
        Msg::Written {
            after: After::Import,
            result: Ok(Outcome::Imported(report)),
            reloaded: None,
        },
    );
    assert_eq!(
        extras,
        vec![Effect::LoadExtras],
        "the snapshot changed: read again"
    );
    assert!(text_of(&drawn(&m), "pre.report").contains('2'));

    send(
        &mut m,
        Msg::Written {
            after: After::Import,
            result: Err("The file is empty.".into()),
            reloaded: None,
        },
    );
    let tree = drawn(&m);
    assert_eq!(count(&tree, "pre.report"), 0);
    assert!(text_of(&tree, ".notice .message.error").contains("The file is empty."));
}

#[test]
fn noticing_replies_is_turned_off_and_on_per_site() {
    use followup::core::model::Settings;
    use followup::ui::SettingsForm;
    let mut form = SettingsForm::from_settings(&Settings::default());
    assert!(form.check("notice:outlook", false));
    assert!(form.check("notice:gmail", false));
    let off = form.apply(Settings::default(), true).unwrap();
    assert_eq!(
        off.notice_off,
        vec!["gmail".to_string(), "outlook".to_string()]
    );
    assert!(form.check("notice:gmail", true));
    let on = form.apply(off, true).unwrap();
    assert_eq!(on.notice_off, vec!["outlook".to_string()]);
    // Stored only when a site is off: older settings records stay as they were.
    let json = serde_json::to_string(&Settings::default()).unwrap();
    assert!(!json.contains("noticeOff"), "{json}");
}
