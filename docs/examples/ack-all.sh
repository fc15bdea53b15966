#!/usr/bin/env bash
# Acknowledge every item a department has not acknowledged yet.
#
#   usage: ack-all.sh DEPARTMENT [BY]
#   BY is who acknowledges (default: $USER). Prints one line per item:
#     acknowledged 7: large_customer_demand 2026-10 v1 from marketing
#
# Needs gridctl and jq on PATH, and GRIDCOORD_URL / GRIDCOORD_TOKEN (or the
# config file) for a token that may read and acknowledge that inbox.
# Acknowledging is idempotent, so running it twice is harmless.
set -euo pipefail

dept=${1:?usage: ack-all.sh DEPARTMENT [BY]}
by=${2:-${USER:-admin}}

gridctl inbox "$dept" \
  | jq -r '.items[] | select(.acknowledged == null) | .item' \
  | while read -r item; do
      gridctl ack "$dept" "$item" --by "$by" \
        | jq -r '"acknowledged \(.item): \(.kind) \(.month) v\(.version) from \(.from)"'
    done
