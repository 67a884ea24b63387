#!/usr/bin/env bash
# The benchmark table: builds the release artifacts, times plan() natively, writes the workload
# generator, then measures in Chromium (tools/bench/run.mjs). Prints the table and writes it
# to BENCHMARKS.md. Not part of the tests' pass/fail.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[bench]\033[0m %s\n' "$*"; }
started=$SECONDS

[ -d node_modules/playwright-core ] || scripts/setup.sh
scripts/build.sh

# Both in the bench profile; the generator first, so the benchmark binary is built last.
say "workload generator (examples/workload.rs)"
cargo build --quiet --profile bench --example workload

say "native plan() for 10,000 applications (cargo bench --bench plan)"
mkdir -p target
cargo bench --quiet --bench plan 2>&1 | tee target/bench-native.log | grep -E '^(workload|plan)' || {
  cat target/bench-native.log
  exit 1
}

say "measuring in Chromium"
node tools/bench/run.mjs
say "done in $((SECONDS - started)) s; the table is in BENCHMARKS.md"
