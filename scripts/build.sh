#!/usr/bin/env bash
# Builds the release wasm, one module per context, and assembles dist/chrome, dist/firefox,
# dist/www and a zip per browser:
#   dist/pkg-worker  the service worker (feature worker)
#   dist/pkg         the popup and the options page (feature pages)
#   dist/pkg-www     www/ (feature www), copied to dist/www/pkg
#   dist/pkg-early   the popup's first drawing (feature early), loaded before dist/pkg
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[build]\033[0m %s\n' "$*"; }

# Binaryen from npm: Debian's older wasm-opt corrupts wasm-bindgen output.
shrink() {
  local wasm=$1 out=$2
  wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
    --out-dir "$out" "$wasm"
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/followup_bg.wasm" -o "$out/followup_bg.opt.wasm"
  mv "$out/followup_bg.opt.wasm" "$out/followup_bg.wasm"
}

# Each module is shrunk while the next one compiles.
shrinking=()
for context in worker pages www early; do
  out=dist/pkg-$context
  [ "$context" = pages ] && out=dist/pkg
  say "compiling Rust to wasm (release, $context)"
  cargo build --release --target wasm32-unknown-unknown --lib --quiet \
    --no-default-features --features "$context"
  rm -rf "$out" "target/wasm-$context"
  mkdir -p "target/wasm-$context"
  cp target/wasm32-unknown-unknown/release/followup.wasm "target/wasm-$context/"
  shrink "target/wasm-$context/followup.wasm" "$out" &
  shrinking+=($!)
done
say "shrinking with wasm-opt -Oz"
for job in "${shrinking[@]}"; do wait "$job"; done

node tools/assemble.mjs
