#!/usr/bin/env bash
# Issue one liaison token per department, for handing out. Needs an admin token.
#
#   usage: issue-liaison-tokens.sh [NOTE] > tokens.tsv     (then: chmod 600 tokens.tsv)
#   Prints department, token id and token, tab-separated. The tokens are shown
#   only now; revoke one with: gridctl token revoke ID
set -euo pipefail

note=${1:-issued by issue-liaison-tokens.sh}
umask 077
for dept in planning dispatch production marketing customer_service; do
  gridctl token create --role "liaison:$dept" --description "$dept liaison: $note" \
    | jq -r --arg d "$dept" '"\($d)\t\(.id)\t\(.token)"'
done
