//! How the page is brought up to date: the plan for a list of children (keyed items matched
//! wherever they moved, the fewest creations, removals and moves), and the tree's builders.

use followup::ui::diff::{plan_children, ChildPlan};
use followup::ui::node::{button, el, input, select};
use followup::ui::Msg;

fn plan(old: &str, new: &str) -> ChildPlan {
    let keys = |s: &str| -> Vec<Option<String>> {
        s.chars()
            .map(|c| (c != '_').then(|| c.to_string()))
            .collect()
    };
    let (old, new) = (keys(old), keys(new));
    let o: Vec<Option<&str>> = old.iter().map(|k| k.as_deref()).collect();
    let n: Vec<Option<&str>> = new.iter().map(|k| k.as_deref()).collect();
    plan_children(&o, &n)
}

#[test]
fn the_same_keys_need_nothing() {
    let p = plan("abcd", "abcd");
    assert_eq!(p.sources, [Some(0), Some(1), Some(2), Some(3)]);
    assert_eq!(p.operations(), 0);
}

#[test]
fn an_insert_creates_one_node_and_moves_none() {
    let p = plan("abc", "axbc");
    assert_eq!(p.sources, [Some(0), None, Some(1), Some(2)]);
    assert!(p.removed.is_empty() && p.moved.is_empty());
    assert_eq!(p.operations(), 1);
}

#[test]
fn a_removal_removes_one_node() {
    let p = plan("abc", "ac");
    assert_eq!(p.removed, [1]);
    assert_eq!(p.sources, [Some(0), Some(2)]);
    assert_eq!(p.operations(), 1);
}

#[test]
fn the_last_item_moved_first_is_one_move() {
    let p = plan("abcd", "dabc");
    assert_eq!(p.moved, [0], "only d moves");
    assert_eq!(p.operations(), 1);
    let p = plan("abcd", "acbd");
    assert_eq!(p.operations(), 1, "a swap of neighbours is one move");
}

#[test]
fn a_reversed_list_keeps_one_node_in_place() {
    let p = plan("abcd", "dcba");
    assert_eq!(p.moved.len(), 3);
    assert!(p.removed.is_empty());
}

#[test]
fn everything_at_once() {
    // b removed, e created, d moved before a.
    let p = plan("abcd", "dace");
    assert_eq!(p.sources, [Some(3), Some(0), Some(2), None]);
    assert_eq!(p.removed, [1]);
    assert_eq!(p.moved, [0]);
    assert_eq!(p.operations(), 3);
}

#[test]
fn unkeyed_children_are_matched_in_order_beside_keyed_ones() {
    // _ is an unkeyed child (a heading, a text run).
    let p = plan("_ab_", "_ba_");
    assert_eq!(p.sources, [Some(0), Some(2), Some(1), Some(3)]);
    assert_eq!(p.operations(), 1);
    let p = plan("__", "_");
    assert_eq!(p.removed, [1]);
}

#[test]
fn controls_carry_their_value_as_a_property_and_text_as_text() {
    let i = input("text", "company", "Acme <b>");
    let e = i.element().unwrap();
    assert_eq!(e.value.as_deref(), Some("Acme <b>"));
    assert!(
        e.attrs.iter().all(|(n, _)| *n != "value"),
        "not an attribute: the page keeps typing"
    );
    let s = select(
        "buffer",
        &[("1".into(), "One".into()), ("2".into(), "Two".into())],
        "2",
    );
    assert_eq!(s.element().unwrap().value.as_deref(), Some("2"));
    assert_eq!(s.select("option[selected]").len(), 1);
    let b = button("<i>Save</i>", "sent");
    assert_eq!(b.select("i").len(), 0);
    assert_eq!(b.text_content(), "<i>Save</i>");
    let keyed = el("li").key("app/1").child(b);
    assert_eq!(keyed.key_of(), Some("app/1"));
}

#[test]
fn every_button_drawn_on_every_screen_is_a_message() {
    use followup::ui::{update, view, Ids, Model, Stored, Surface, Words};
    let today: chrono::NaiveDate = "2026-03-10".parse().unwrap();
    for surface in [Surface::Popup, Surface::Options, Surface::Www] {
        let mut m = Model::new(
            surface,
            Words::from_table(Default::default()),
            today,
            Ids::new("t"),
        );
        let demo = followup::core::demo::sample_applications(today);
        let first = demo[0].id.clone();
        let key = {
            let plan = followup::core::plan::plan(&demo, &Default::default(), today);
            plan.actions
                .iter()
                .find(|a| a.app_id == first)
                .unwrap()
                .key
                .clone()
        };
        update(
            &mut m,
            Msg::Loaded {
                today,
                result: Ok(Stored {
                    apps: demo,
                    ..Default::default()
                }),
            },
        );
        let screens = [
            vec![],
            vec![Msg::ToggleDraft(followup::ui::ActionRef::new(&first, &key))],
            vec![Msg::Tab(followup::ui::Tab::Apps)],
            vec![Msg::OpenApp(first.clone())],
            vec![Msg::EditApp(first.clone()), Msg::AddContact, Msg::AddRound],
            vec![Msg::Tab(followup::ui::Tab::Settings)],
        ];
        for msgs in screens {
            for msg in msgs {
                update(&mut m, msg);
            }
            let tree = view(&m);
            for control in tree.select("[data-action]") {
                let action = control.get("data-action").unwrap();
                if control.get("href").is_some() {
                    continue; // links open by themselves
                }
                let attr = |name: &str| control.get(name).map(String::from);
                assert!(
                    Msg::from_click(action, attr).is_some(),
                    "{action} on {:?} does nothing",
                    m.view
                );
            }
            for form in tree.select("form[data-form]") {
                let name = form.get("data-form").unwrap();
                assert!(
                    name == "import" || Msg::from_submit(name).is_some(),
                    "{name}"
                );
            }
        }
    }
}

#[test]
fn a_long_list_finds_its_keys_as_a_short_one_does() {
    // Three hundred cards: one gone, one new, one moved to the top; a key twice and two
    // unkeyed children, matched in order.
    let mut old: Vec<Option<String>> = (0..300).map(|i| Some(format!("k{i}"))).collect();
    old[10] = Some("twice".into());
    old[20] = Some("twice".into());
    old[30] = None;
    old[40] = None;
    let mut new = old.clone();
    new.remove(100);
    new.insert(150, Some("fresh".into()));
    let last = new.pop().unwrap();
    new.insert(0, last);
    let o: Vec<Option<&str>> = old.iter().map(|k| k.as_deref()).collect();
    let n: Vec<Option<&str>> = new.iter().map(|k| k.as_deref()).collect();
    let p = plan_children(&o, &n);
    assert_eq!(p.removed, [100]);
    assert_eq!(p.sources.iter().filter(|s| s.is_none()).count(), 1);
    assert_eq!(p.moved, [0]);
    assert_eq!(p.operations(), 3);
    for (i, s) in p.sources.iter().enumerate() {
        if let Some(s) = s {
            assert_eq!(o[*s], n[i], "new child {i}");
        }
    }
    assert_eq!((p.sources[11], p.sources[21]), (Some(10), Some(20)));
    assert_eq!((p.sources[31], p.sources[41]), (Some(30), Some(40)));
}
