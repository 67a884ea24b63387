#!/usr/bin/env bash
# Builds, then opens Chromium with the extension on a fresh profile holding sample data.
# Without a display it runs headless and saves screenshots of what it opened.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec node tools/run.mjs "$@"
