#!/bin/sh
# Run every command-line test script; print "N passed, N failed".
# TPA_BIN names the folder of the programs under test.
: "${TPA_BIN:?set TPA_BIN to the folder of the programs}"
here=$(cd "$(dirname "$0")" && pwd)
pass=0 fail=0
results=$(mktemp)
# TPA_VALGRIND=1: every program runs under valgrind memcheck; an error or a
# leak makes it exit 99, which no test expects.
if [ "${TPA_VALGRIND:-0}" = 1 ]; then
	wrap=$(mktemp -d)
	for p in "$TPA_BIN"/*; do
		name=$(basename "$p")
		printf '#!/bin/sh\nexec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect "%s" "$@"\n' "$p" >"$wrap/$name"
		chmod +x "$wrap/$name"
	done
	TPA_BIN=$wrap
	TPA_FAILMALLOC=
fi
export TPA_FAILMALLOC
for t in "$here"/cli/t[0-9]*.sh "$here"/e2e/t[0-9]*.sh; do
	TPA_BIN=$TPA_BIN TPA_RESULTS=$results sh "$t" || true
done
pass=$(grep -c '^ok' "$results")
fail=$(grep -c '^not ok' "$results")
skipped=$(grep -c '^skip' "$results")
grep '^skip' "$results" >&2
rm -f "$results"
[ -n "${wrap:-}" ] && rm -rf "$wrap"
echo "cli: $pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
