//! Works out every insight for 10,000 applications (three rounds and four contacts each) and
//! prints the median time of one `Insights::compute` call (planning included) and of
//! `Insights::from_actions` (the figures from a plan already made, as the interface holds
//! one). Run with `cargo bench --bench insights`; the budget, 20 ms, is for the whole
//! `compute`. The plan's own time is `cargo bench --bench plan`'s.

use std::hint::black_box;
use std::time::{Duration, Instant};

use followup::core::insights::Insights;
use followup::core::plan::plan;
use followup::core::workload::{demo_settings, demo_today, demo_workload};

const APPLICATIONS: usize = 10_000;
const WARM_UP: usize = 5;
const RUNS: usize = 31;
const BUDGET: Duration = Duration::from_millis(20);

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort_unstable();
    samples[samples.len() / 2]
}

fn time(mut run: impl FnMut()) -> Duration {
    for _ in 0..WARM_UP {
        run();
    }
    let mut samples = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        run();
        samples.push(started.elapsed());
    }
    median(samples)
}

fn main() {
    let apps = demo_workload(APPLICATIONS);
    let settings = demo_settings();
    let today = demo_today();

    let sample = Insights::compute(&apps, &settings, today);
    println!(
        "workload: {} applications; funnel {} applied, {} interviewed, {} offers; {} actions on time, {} late, {} skipped",
        apps.len(),
        sample.funnel.applied,
        sample.funnel.interviewed,
        sample.funnel.offers,
        sample.actions.on_time,
        sample.actions.late,
        sample.actions.skipped
    );

    let whole = time(|| {
        black_box(Insights::compute(black_box(&apps), &settings, today));
    });
    let planned = plan(&apps, &settings, today);
    let figures = time(|| {
        black_box(Insights::from_actions(
            black_box(&apps),
            &planned.actions,
            today,
        ));
    });
    println!(
        "Insights::compute: median {:.3} ms over {RUNS} runs (from the plan alone: {:.3} ms); budget {} ms: {}",
        whole.as_secs_f64() * 1e3,
        figures.as_secs_f64() * 1e3,
        BUDGET.as_millis(),
        if whole <= BUDGET { "within" } else { "OVER" }
    );
}
