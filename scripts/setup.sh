#!/usr/bin/env bash
# Installs what this machine lacks to build and test the extension, and skips what is there:
# the wasm32 target, wasm-bindgen-cli at the Cargo.lock version, Chromium + ChromeDriver,
# Firefox ESR, zip, nightly Rust with cargo-fuzz, and the Node tools pinned in package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

want=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$want" != "$have" ]; then
  say "installing wasm-bindgen-cli $want (found: ${have:-none}); this takes a few minutes once"
  cargo install wasm-bindgen-cli --version "=$want"
fi

missing=()
[ -x /usr/lib/chromium/chromium ] || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v firefox-esr >/dev/null || missing+=(firefox-esr)
command -v zip >/dev/null || missing+=(zip)
command -v xvfb-run >/dev/null || missing+=(xvfb)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The fuzz targets' smoke run (scripts/test.sh) needs the nightly toolchain and cargo-fuzz.
# Without a nightly toolchain (it cannot always be fetched) the smoke run is left out, loudly.
if ! rustup toolchain list | grep -q '^nightly'; then
  say "adding the nightly toolchain (fuzzing)"
  rustup toolchain install nightly --profile minimal || say "no nightly toolchain: the fuzz smoke run will be left out"
fi
if rustup toolchain list | grep -q '^nightly' && ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz; this takes a minute or two once"
  cargo install cargo-fuzz
fi

# node_modules is refreshed only when the lock file changed since the last install.
stamp=node_modules/.followup-lock.sha256
if [ "$(sha256sum package-lock.json)" != "$(cat "$stamp" 2>/dev/null)" ]; then
  say "installing Node tools from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  sha256sum package-lock.json > "$stamp"
fi
