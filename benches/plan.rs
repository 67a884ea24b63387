//! Plans 10,000 applications (three rounds and four contacts each) and prints the median
//! time of one `plan()` call. Run with `cargo bench --bench plan`; the budget is 5 ms.

use std::hint::black_box;
use std::time::{Duration, Instant};

use followup::core::plan::plan;
use followup::core::workload::{demo_settings, demo_today, demo_workload};

const APPLICATIONS: usize = 10_000;
const WARM_UP: usize = 5;
const RUNS: usize = 31;
const BUDGET: Duration = Duration::from_millis(5);

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort_unstable();
    samples[samples.len() / 2]
}

fn main() {
    let apps = demo_workload(APPLICATIONS);
    let settings = demo_settings();
    let today = demo_today();

    let sample = plan(&apps, &settings, today);
    println!(
        "workload: {} applications, {} actions, {} problems",
        apps.len(),
        sample.actions.len(),
        sample.problems.len()
    );
    drop(sample);

    for _ in 0..WARM_UP {
        black_box(plan(black_box(&apps), &settings, today));
    }

    // The call alone, and the call plus freeing its result (what a caller pays in the end).
    let mut call = Vec::with_capacity(RUNS);
    let mut call_and_drop = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        let result = plan(black_box(&apps), &settings, today);
        let planned = started.elapsed();
        drop(black_box(result));
        call.push(planned);
        call_and_drop.push(started.elapsed());
    }

    let median_call = median(call);
    let median_total = median(call_and_drop);
    println!(
        "plan(): median {:.3} ms over {RUNS} runs ({:.3} ms including freeing the plan); budget {} ms: {}",
        median_call.as_secs_f64() * 1e3,
        median_total.as_secs_f64() * 1e3,
        BUDGET.as_millis(),
        if median_call <= BUDGET { "within" } else { "OVER" }
    );
}
