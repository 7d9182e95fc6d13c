#!/bin/sh
# Run every command-line test script; print "N passed, N failed".
# TPA_BIN names the folder of the programs under test.
: "${TPA_BIN:?set TPA_BIN to the folder of the programs}"
here=$(cd "$(dirname "$0")" && pwd)
pass=0 fail=0
results=$(mktemp)
for t in "$here"/cli/t[0-9]*.sh "$here"/e2e/t[0-9]*.sh; do
	TPA_BIN=$TPA_BIN TPA_RESULTS=$results sh "$t" || true
done
pass=$(grep -c '^ok' "$results")
fail=$(grep -c '^not ok' "$results")
skipped=$(grep -c '^skip' "$results")
grep '^skip' "$results" >&2
rm -f "$results"
echo "cli: $pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
