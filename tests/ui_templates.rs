//! Templates, natively: the chosen template's text, the live preview on the sample
//! application as the user types, a broken template refused with its position, saving and
//! going back to the built-in text.

mod ui_support;

use followup::core::draft::template_slots;
use followup::core::model::Settings;
use followup::ui::{After, Effect, Msg, Surface, Text, Write};
use ui_support::*;

fn saved_templates(effects: &[Effect]) -> (Settings, Text) {
    match effects {
        [Effect::Write(Write::SaveSettings { settings, .. }, After::Notice(n))] => {
            (settings.clone(), n.text.clone())
        }
        other => panic!("not one settings save: {other:?}"),
    }
}

#[test]
fn the_first_template_is_shown_with_its_built_in_text_and_a_preview() {
    let m = page(Surface::Options, vec![]);
    let first = &template_slots()[0];
    let tree = drawn(&m);
    assert_eq!(value_of(&tree, "template-slot"), first.key);
    assert_eq!(value_of(&tree, "template-text"), first.builtin);
    assert!(!text_of(&tree, "pre.preview").is_empty());
    assert_eq!(text_of(&tree, ".template-error"), "");
    assert!(text_of(&tree, "form[data-form=template] details").contains("{{first_name}}"));
}

#[test]
fn the_preview_follows_typing_and_a_broken_template_is_not_saved() {
    let mut m = page(Surface::Options, vec![]);
    input(&mut m, "template-text", "Hello {{first_name}}");
    let tree = drawn(&m);
    let preview = text_of(&tree, "pre.preview");
    assert!(
        preview.starts_with("Hello ") && preview.len() > "Hello ".len(),
        "{preview}"
    );
    assert!(!preview.contains("{{"), "{preview}");

    input(&mut m, "template-text", "Hello {{first_name");
    let tree = drawn(&m);
    let error = text_of(&tree, ".template-error");
    assert!(
        error.chars().any(|c| c.is_ascii_digit()),
        "the position: {error}"
    );
    assert_eq!(text_of(&tree, "pre.preview"), "");
    assert!(send(&mut m, Msg::from_submit("template").unwrap()).is_empty());
    let n = m.notice.as_ref().unwrap();
    assert!(n.error);
    assert!(matches!(&n.text, Text::Msg("templateBroken", _)));
    // What was typed stays in the editor after the refusal and after a reload.
    send(&mut m, Msg::StorageChanged);
    send(
        &mut m,
        Msg::Loaded {
            today: today(),
            result: Ok(Default::default()),
        },
    );
    assert_eq!(value_of(&drawn(&m), "template-text"), "Hello {{first_name");
}

#[test]
fn choosing_another_template_shows_its_text() {
    let mut m = page(Surface::Options, vec![]);
    let slots = template_slots();
    input(&mut m, "template-text", "edited but not saved");
    input(&mut m, "template-slot", &slots[1].key);
    let tree = drawn(&m);
    assert_eq!(value_of(&tree, "template-slot"), slots[1].key);
    assert_eq!(value_of(&tree, "template-text"), slots[1].builtin);
}

#[test]
fn saving_stores_the_users_own_text_and_the_built_in_text_as_none() {
    let mut m = page(Surface::Options, vec![]);
    let slot = template_slots()[0].clone();
    input(&mut m, "template-text", "Dear {{first_name}},\nthank you.");
    let (settings, done) = saved_templates(&send(&mut m, Msg::from_submit("template").unwrap()));
    assert_eq!(done, Text::key("templateSaved"));
    assert_eq!(
        settings.templates.get(&slot.key).map(String::as_str),
        Some("Dear {{first_name}},\nthank you.")
    );

    // Storage now holds it: the list marks it as edited.
    send(
        &mut m,
        Msg::Loaded {
            today: today(),
            result: Ok(followup::ui::Stored {
                apps: vec![],
                settings: settings.clone(),
                settings_revision: 2,
            }),
        },
    );
    let tree = drawn(&m);
    let option = tree.first(&format!("option[value={}]", slot.key)).unwrap();
    assert!(
        option.text_content().ends_with("(edited)"),
        "{}",
        option.text_content()
    );

    input(&mut m, "template-text", slot.builtin);
    let (settings, _) = saved_templates(&send(&mut m, Msg::from_submit("template").unwrap()));
    assert!(!settings.templates.contains_key(&slot.key));

    let reset = Msg::from_click("template-reset", |n| {
        (n == "data-key").then(|| slot.key.clone())
    })
    .unwrap();
    let (settings, done) = saved_templates(&send(&mut m, reset));
    assert_eq!(done, Text::key("templateResetDone"));
    assert!(settings.templates.is_empty());
}
