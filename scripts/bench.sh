#!/usr/bin/env bash
# The benchmark table: builds the release artifacts and a wasm with the benchmark exports,
# times plan(), the insights and the posting reader natively, builds the workload generator, then measures in Chromium (tools/bench/run.mjs). Prints the table and writes it
# to BENCHMARKS.md. Not part of the tests' pass/fail.
# BENCH_ONLY=2,3 (figure numbers as in the table) and BENCH_REPEATS=N narrow a run of tools/bench/run.mjs while developing.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[bench]\033[0m %s\n' "$*"; }
started=$SECONDS

[ -d node_modules/playwright-core ] || scripts/setup.sh
scripts/build.sh

# A second wasm with `benchPlan`, `benchInsights` and `benchReadPosting` (feature "bench"),
# shrunk like the shipped one; dist/ is untouched.
say "wasm with the benchmark exports (feature bench)"
cargo build --release --target wasm32-unknown-unknown --lib --features bench --quiet
rm -rf target/bench-pkg
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-dir target/bench-pkg target/wasm32-unknown-unknown/release/followup.wasm
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  target/bench-pkg/followup_bg.wasm -o target/bench-pkg/followup_bg.wasm

# Both in the bench profile; the generator first, so the benchmark binary is built last.
say "workload generator (examples/workload.rs)"
cargo build --quiet --profile bench --example workload

say "native plan() for 10,000 applications (cargo bench --bench plan)"
mkdir -p target
cargo bench --quiet --bench plan 2>&1 | tee target/bench-native.log | grep -E '^(workload|plan)' || {
  cat target/bench-native.log
  exit 1
}

say "native insights for 10,000 applications (cargo bench --bench insights)"
cargo bench --quiet --bench insights 2>&1 | tee target/bench-insights.log | grep -E '^(workload|insights|plan and insights)' || {
  cat target/bench-insights.log
  exit 1
}

say "native posting read, 1 MB page (cargo bench --bench posting)"
cargo bench --quiet --bench posting 2>&1 | tee target/bench-posting.log | grep -E '^(page|posting)' || {
  cat target/bench-posting.log
  exit 1
}

say "measuring in Chromium"
node tools/bench/run.mjs
say "done in $((SECONDS - started)) s; the table is in BENCHMARKS.md"
