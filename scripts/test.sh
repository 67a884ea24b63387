#!/usr/bin/env bash
# Runs every test tier; stops at the first failing tier.
#   1. format, clippy (native and wasm32), native core tests, a few seconds of each fuzz target
#   2. the #[wasm_bindgen] layer in headless Chromium (wasm-bindgen-test)
#   3. end-to-end in Chromium with dist/chrome loaded (Playwright)
#   4. Firefox ESR: web-ext lint and the extension installed (WebDriver BiDi)
set -euo pipefail
cd "$(dirname "$0")/.."

tier() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

scripts/setup.sh

tier "1/4 format, lint, native tests, fuzz smoke"
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown --lib --test web -- -D warnings
cargo test --quiet

# Each fuzz target for a few seconds from the committed seeds (fuzz/seeds/<target>).
fuzz_targets="backup_import template plan message"
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  printf '\033[1mfuzz smoke run LEFT OUT: no nightly toolchain with cargo-fuzz on this machine\033[0m\n'
  fuzz_targets=""
fi
for target in $fuzz_targets; do
  mkdir -p "fuzz/corpus/$target" fuzz/target
  log="fuzz/target/smoke-$target.log"
  printf 'fuzz smoke: %s\n' "$target"
  cargo +nightly fuzz run "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
    -max_total_time=5 >"$log" 2>&1 || { tail -n 40 "$log"; exit 1; }
done

tier "2/4 wasm layer in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_USE_BROWSER=1 \
  cargo test --target wasm32-unknown-unknown --test web

scripts/build.sh

tier "3/4 end-to-end in Chromium"
rm -rf tests/output
node --test --test-concurrency=1 --test-reporter=spec tests/e2e/

tier "4/4 Firefox ESR"
node --test --test-concurrency=1 --test-reporter=spec tests/firefox/
