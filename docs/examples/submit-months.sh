#!/usr/bin/env bash
# Submit one report kind for several months in a single batch: every month is
# stored, or none is.
#
#   usage: submit-months.sh DEPARTMENT KIND MONTH=FILE [MONTH=FILE ...]
#   Each FILE holds {"rows":[…]}. Prints a line per month, e.g.:
#     2026-11 version 1 (seq 6)
#     2026-12 version 1 (seq 7)
#
# The Idempotency-Key is derived from the arguments and the files' contents,
# so running the script again stores nothing new (the lines then end in
# "(already submitted)"). When any month is refused, nothing is stored: the
# server's reasons are printed, one per line, and the script exits 4.
set -euo pipefail

if [[ $# -lt 3 ]]; then
  echo "usage: submit-months.sh DEPARTMENT KIND MONTH=FILE [MONTH=FILE ...]" >&2
  exit 2
fi
dept=$1 kind=$2
shift 2

ops=()
sums=""
for pair in "$@"; do
  month=${pair%%=*} file=${pair#*=}
  if [[ "$month" == "$pair" || ! -r "$file" ]]; then
    echo "submit-months.sh: '$pair' is not MONTH=FILE with a readable FILE" >&2
    exit 2
  fi
  ops+=("$(jq -c --arg path "/v1/reports/$dept/$kind/$month" '{method: "PUT", path: $path, body: .}' "$file")")
  sums+="$month $(sha256sum "$file" | cut -c1-32) "
done
key="months-$dept-$kind-$(echo "$sums" | sha256sum | cut -c1-32)"

printf '%s\n' "${ops[@]}" | jq -s '{operations: .}' \
  | gridctl batch --file - --idempotency-key "$key" \
  | jq -r '.replayed as $again | .results[]
           | "\(.result.month) version \(.result.version) (seq \(.result.seq))"
             + (if $again then " (already submitted)" else "" end)'
