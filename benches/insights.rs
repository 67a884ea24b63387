//! Works out every insight for 10,000 applications (three rounds and four contacts each).
//! Prints the median time of `Insights::from_actions`, the figures from a plan already made,
//! which is what the insights page pays (it reuses the plan every page holds), against the
//! budget of 20 ms; then, for reference, `Insights::compute` (planning included) and `plan()`
//! alone measured in the same run. Run with `cargo bench --bench insights`.

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

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
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

    let planned = plan(&apps, &settings, today);
    let figures = time(|| {
        black_box(Insights::from_actions(
            black_box(&apps),
            &planned.actions,
            today,
        ));
    });
    let whole = time(|| {
        black_box(Insights::compute(black_box(&apps), &settings, today));
    });
    let planning = time(|| {
        black_box(plan(black_box(&apps), &settings, today));
    });
    println!(
        "insights from the plan (Insights::from_actions): median {:.3} ms over {RUNS} runs; budget {} ms: {}",
        ms(figures),
        BUDGET.as_millis(),
        if figures <= BUDGET { "within" } else { "OVER" }
    );
    println!(
        "plan and insights (Insights::compute): median {:.3} ms over {RUNS} runs (plan() alone: median {:.3} ms); no budget of its own: pages plan once for every view",
        ms(whole),
        ms(planning)
    );
}
