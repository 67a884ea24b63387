#!/usr/bin/env bash
# Builds the release wasm and assembles dist/chrome, dist/firefox, dist/www and a zip per browser.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[build]\033[0m %s\n' "$*"; }

say "compiling Rust to wasm (release)"
cargo build --release --target wasm32-unknown-unknown --lib --quiet

rm -rf dist/pkg
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
  --out-dir dist/pkg target/wasm32-unknown-unknown/release/followup.wasm

# Binaryen from npm: Debian's older wasm-opt corrupts wasm-bindgen output.
say "shrinking with wasm-opt -Oz"
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  dist/pkg/followup_bg.wasm -o dist/pkg/followup_bg.opt.wasm
mv dist/pkg/followup_bg.opt.wasm dist/pkg/followup_bg.wasm

node tools/assemble.mjs
