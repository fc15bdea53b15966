#!/usr/bin/env bash
# Export the event log as JSON lines: one event per line, oldest first.
#
#   usage: export-events.sh [AFTER] > events.jsonl
#   AFTER is the last sequence number already exported (default 0: everything),
#   so an export can be continued:
#     export-events.sh "$(tail -n1 events.jsonl | jq .seq)" >> events.jsonl
#
# gridctl follows the feed page by page (--all) and reports progress on stderr.
set -euo pipefail

after=${1:-0}
gridctl events --all --after "$after" | jq -c '.events[]'
