#!/usr/bin/env bash
# Submit a monthly report from a JSON file and show which departments got it.
#
#   usage: submit-report.sh DEPARTMENT KIND MONTH FILE
#   FILE holds {"rows":[…]}. Prints, e.g.:
#     large_customer_demand 2026-11 version 1 (seq 6) sent to: planning, dispatch
#
# The Idempotency-Key is derived from the arguments and the file's content, so
# running the script again with the same file stores nothing new (the line
# then ends in "(already submitted)"); a changed file becomes a new version.
# A refused report prints the server's reasons, one per line, and exits 4.
set -euo pipefail

if [[ $# -ne 4 ]]; then
  echo "usage: submit-report.sh DEPARTMENT KIND MONTH FILE" >&2
  exit 2
fi
dept=$1 kind=$2 month=$3 file=$4
key="$dept-$kind-$month-$(sha256sum "$file" | cut -c1-32)"

gridctl report submit "$dept" "$kind" "$month" --file "$file" --idempotency-key "$key" \
  | jq -r '"\(.kind) \(.month) version \(.version) (seq \(.seq)) sent to: \(.recipients | join(", "))"
           + (if .replayed then " (already submitted)" else "" end)'
