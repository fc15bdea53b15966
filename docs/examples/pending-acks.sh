#!/usr/bin/env bash
# For every department: how many inbox items wait for acknowledgement, and
# since when (the oldest). Tab-separated, with a header:
#   department  pending  oldest
#   planning    2        2026-11-24T14:15:32.885326Z
#
# Needs a token that may read every inbox (admin or reader).
set -euo pipefail

printf 'department\tpending\toldest\n'
for dept in planning dispatch production marketing customer_service; do
  gridctl inbox "$dept" | jq -r --arg d "$dept" '
    [.items[] | select(.acknowledged == null)]
    | "\($d)\t\(length)\t\(if length > 0 then .[0].received_at else "-" end)"'
done
