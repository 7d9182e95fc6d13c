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
export TPA_FAILMALLOC TPA_BIN
# TPA_JOBS command-line scripts at a time (default: one per processor).
# Each works in a folder of its own; its output is printed whole when it
# ends, and its results are added in the order of the scripts. The
# end-to-end scripts run after them, alone: one of them runs make install
# in the source tree, which may rebuild the programs the others are using.
jobs=${TPA_JOBS:-$(nproc 2>/dev/null || echo 1)}
logs=$(mktemp -d)
run_script='
	n=$(basename "$1" .sh)
	s=$(date +%s)
	TPA_RESULTS=$2/$n.results sh "$1" >"$2/$n.log" 2>&1 || true
	echo "$(( $(date +%s) - s )) s $n" >"$2/$n.time"
	[ -s "$2/$n.results" ] || echo "not ok $n: the script ran no case" >"$2/$n.results"
	cat "$2/$n.log"'
for t in "$here"/cli/t[0-9]*.sh; do
	echo "$t"
done | xargs -P "$jobs" -I{} sh -c "$run_script" sh {} "$logs"
for t in "$here"/e2e/t[0-9]*.sh; do
	sh -c "$run_script" sh "$t" "$logs"
done
cat "$logs"/*.results >"$results" 2>/dev/null || :
# Where the time went: the slowest scripts.
echo "slowest scripts:" >&2
cat "$logs"/*.time 2>/dev/null | sort -rn | head -8 | sed 's/^/  /' >&2
rm -rf "$logs"
pass=$(grep -c '^ok' "$results")
fail=$(grep -c '^not ok' "$results")
skipped=$(grep -c '^skip' "$results")
grep '^skip' "$results" >&2
rm -f "$results"
[ -n "${wrap:-}" ] && rm -rf "$wrap"
echo "cli: $pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
