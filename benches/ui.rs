//! The popup's side of "Mark sent" with 10,000 applications, natively: the write's answer
//! (the one application as stored) taken in by `update`, and Today drawn again by `view`.
//! Run with `cargo bench --bench ui`.

use std::time::{Duration, Instant};

use followup::core::command::Edit;
use followup::core::workload::{demo_settings, demo_today, demo_workload};
use followup::ui::{update, view, Effect, Ids, Model, Msg, Outcome, Stored, Surface, Words, Write};

fn words() -> Words {
    let path = format!(
        "{}/extension/_locales/en/messages.json",
        env!("CARGO_MANIFEST_DIR")
    );
    Words::from_messages_json(&[&std::fs::read_to_string(path).unwrap()]).unwrap()
}

fn main() {
    for n in [10usize, 1_000, 10_000] {
        let today = demo_today();
        let mut m = Model::new(Surface::Popup, words(), today, Ids::new("b"));
        update(
            &mut m,
            Msg::Loaded {
                today,
                result: Ok(Stored {
                    apps: demo_workload(n),
                    settings: demo_settings(),
                    settings_revision: 1,
                }),
            },
        );
        let mut times: [Vec<Duration>; 3] = Default::default();
        let mut runs = 0u32;
        for _ in 0..31 {
            let Some(a) = m.plan.actions.iter().find(|a| a.is_actionable()).cloned() else {
                break;
            };
            let started = Instant::now();
            let effects = update(
                &mut m,
                Msg::Sent(followup::ui::ActionRef::new(&a.app_id, &a.key)),
            );
            let t_click = started.elapsed();
            let Some(Effect::Write(Write::Edit { app_id, edit }, after)) =
                effects.into_iter().next()
            else {
                panic!("no write")
            };
            let stored = m.app(&app_id).unwrap().clone();
            let mut app = Edit::apply(&edit, &stored, today).unwrap();
            app.revision = stored.revision + 1;
            let started = Instant::now();
            update(
                &mut m,
                Msg::Written {
                    after,
                    result: Ok(Outcome::App(Box::new(app))),
                    reloaded: None,
                },
            );
            let t_update = started.elapsed();
            let started = Instant::now();
            let tree = view(&m);
            let t_view = started.elapsed();
            std::hint::black_box(tree);
            times[0].push(t_click);
            times[1].push(t_update);
            times[2].push(t_view);
            runs += 1;
        }
        let ms = |d: &mut Vec<Duration>| {
            d.sort_unstable();
            d.get(d.len() / 2).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
        };
        println!(
            "{n:>6} applications, medians: click {:.2} ms, written {:.2} ms, view {:.2} ms ({runs} runs)",
            ms(&mut times[0]), ms(&mut times[1]), ms(&mut times[2])
        );
    }
}
