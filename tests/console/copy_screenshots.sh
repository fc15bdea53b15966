#!/usr/bin/env bash
# tests/console/copy_screenshots.sh — copy the screenshots that docs/console.md shows from the
# last console test run (ctest -L console) into docs/console/.
#   tests/console/copy_screenshots.sh [SCREENSHOT_DIR]   (default build/console-screenshots)
set -euo pipefail
cd "$(dirname "$0")/../.."
from="${1:-${GRIDCOORD_SCREENSHOT_DIR:-build/console-screenshots}}"
shots=(
  month-zh-CN month-en
  submit-errors-zh-CN submit-errors-en
  inbox-zh-CN inbox-en
  tokens-zh-CN tokens-en
  phone-month-zh-CN
)
mkdir -p docs/console
for s in "${shots[@]}"; do
  if [ ! -f "$from/$s.png" ]; then
    echo "copy_screenshots: $from/$s.png is missing; run ctest --test-dir build -L console first" >&2
    exit 1
  fi
  cp "$from/$s.png" "docs/console/$s.png"
done
echo "copy_screenshots: ${#shots[@]} screenshots in docs/console/ ($(du -ch docs/console/*.png | tail -1 | cut -f1))"
