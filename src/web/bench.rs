//! Benchmark entry points: time `plan()`, the insights from a plan and the posting reader on
//! the benchmark workload inside the browser, so the WebAssembly figures are compared with the
//! native ones (`benches/plan.rs`, `benches/insights.rs`, `benches/posting.rs`) on the same work.
//! Compiled only with the `bench` feature (`make bench` builds that wasm separately); the
//! shipped build does not contain it. It reads and writes nothing.

use wasm_bindgen::prelude::*;

use crate::core::plan::plan;
use crate::core::workload::{demo_settings, demo_today, demo_workload};

#[wasm_bindgen]
extern "C" {
    // `performance` exists in pages and workers alike.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

/// Plans `n` workload applications `runs` times (after two warm-up calls) for the benchmark
/// day and returns the median milliseconds of one `plan()` call.
#[wasm_bindgen(js_name = benchPlan)]
pub fn bench_plan(n: u32, runs: u32) -> f64 {
    let apps = demo_workload(n as usize);
    let settings = demo_settings();
    let today = demo_today();
    for _ in 0..2 {
        std::hint::black_box(plan(std::hint::black_box(&apps), &settings, today));
    }
    let mut samples: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let started = performance_now();
            let result = plan(std::hint::black_box(&apps), &settings, today);
            let ms = performance_now() - started;
            drop(std::hint::black_box(result));
            ms
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// Reads a collected posting page of `bytes` bytes (`demo_posting_page`) `runs` times (after
/// two warm-up calls) and returns the median milliseconds of one `core::posting::read`.
#[wasm_bindgen(js_name = benchReadPosting)]
pub fn bench_read_posting(bytes: u32, runs: u32) -> f64 {
    let page = crate::core::workload::demo_posting_page(bytes as usize);
    let today = demo_today();
    for _ in 0..2 {
        std::hint::black_box(crate::core::posting::read(&page, today).ok());
    }
    let mut samples: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let started = performance_now();
            std::hint::black_box(
                crate::core::posting::read(std::hint::black_box(&page), today).ok(),
            );
            performance_now() - started
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// Works out the insights of `n` workload applications from their plan (`Insights::from_actions`,
/// what the insights page does with the plan it holds) `runs` times (after two warm-up calls)
/// and returns the median milliseconds of one call.
#[wasm_bindgen(js_name = benchInsights)]
pub fn bench_insights(n: u32, runs: u32) -> f64 {
    use crate::core::insights::Insights;
    let apps = demo_workload(n as usize);
    let today = demo_today();
    let planned = plan(&apps, &demo_settings(), today);
    for _ in 0..2 {
        std::hint::black_box(Insights::from_actions(&apps, &planned.actions, today));
    }
    let mut samples: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let started = performance_now();
            let result =
                Insights::from_actions(std::hint::black_box(&apps), &planned.actions, today);
            let ms = performance_now() - started;
            drop(std::hint::black_box(result));
            ms
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}
