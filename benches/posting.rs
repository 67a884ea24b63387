//! Reads a collected posting page of 1 MB (`demo_posting_page`) with `core::posting::read`
//! and prints the median time of one call: the work the popup does before it shows "Save
//! this job". Run with `cargo bench --bench posting`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use followup::core::posting::read;
use followup::core::workload::{demo_posting_page, demo_today};

const BYTES: usize = 1024 * 1024;
const WARM_UP: usize = 3;
const RUNS: usize = 31;

fn main() {
    let page = demo_posting_page(BYTES);
    let today = demo_today();
    let posting = read(&page, today).expect("the benchmark page is a posting");
    println!(
        "page: {} bytes collected, description {} bytes kept, notes {:?}",
        page.len(),
        posting.description.len(),
        posting.notes
    );
    for _ in 0..WARM_UP {
        black_box(read(black_box(&page), today).ok());
    }
    let mut samples: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            black_box(read(black_box(&page), today).ok());
            started.elapsed()
        })
        .collect();
    samples.sort_unstable();
    println!(
        "posting read: median {:.3} ms over {RUNS} runs",
        samples[RUNS / 2].as_secs_f64() * 1e3
    );
}
