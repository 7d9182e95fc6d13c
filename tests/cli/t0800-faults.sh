#!/bin/sh
# Faults: full and read-only devices, failing allocations, signals,
# concurrent runs. The previous output must survive every failure whole.
. "$(dirname "$0")/lib.sh"
V=$SAMPLE_FLAT/county/2015/371323105201

village_copy() {
	cp "$V/village.yaml" "$V/applications.csv" "$V/survey.csv" . &&
	sample_rules ../..
}
no_temporaries() {
	[ -z "$(find "${1:-.}" -name "*.tmp-*")" ] || { find "${1:-.}" -name "*.tmp-*"; return 1; }
}

expect "a full device: exit 2, old outputs intact, no temporary left" '
	mkdir -p w/a/b && cd w/a/b && village_copy && mkdir full &&
	mount -t tmpfs -o size=16k tmpfs full &&
	printf "old\n" >full/applicants.csv && printf "old\n" >full/rejects-apply.csv &&
	{ status 2 tpa-apply -q --village . -o full/applicants.csv applications.csv 2>err; rc=$?; } ;
	ok=$([ "$(cat full/applicants.csv)" = old ] && [ "$(cat full/rejects-apply.csv)" = old ] && no_temporaries full && echo yes);
	umount full; [ "${rc:-1}" -eq 0 ] && [ "$ok" = yes ] && grep -q "No space left on device" err'

expect "a read-only folder: exit 2, nothing written" '
	mkdir -p w/a/b && cd w/a/b && village_copy && mkdir ro && printf "old\n" >ro/applicants.csv &&
	mount --bind -o ro ro ro &&
	{ status 2 tpa-apply -q --village . -o ro/applicants.csv applications.csv 2>err; rc=$?; } ;
	umount ro; [ "${rc:-1}" -eq 0 ] && grep -q "Read-only file system" err && [ "$(cat ro/applicants.csv)" = old ] &&
	[ "$(ls ro)" = applicants.csv ]'

# Every allocation a stage makes fails once, in turn: each run must end in
# exit 0 (the failure was absorbed, e.g. by qsort) or 2 (a clean message),
# never a crash, and a failed run must leave the old outputs as they were.
fail_each() {
	count=$scratch/count.$$
	TPA_MALLOC_COUNT=$count LD_PRELOAD=$TPA_FAILMALLOC "$@" 2>/dev/null || return 1
	total=$(cat "$count") && [ "$total" -gt 50 ] && echo "$total allocations" &&
	n=1 && crashes=0 && exits2=0 &&
	while [ $n -le "$total" ]; do
		printf "old\n" >out/main.csv && printf "old\n" >out/side.csv
		TPA_FAIL_AT=$n LD_PRELOAD=$TPA_FAILMALLOC "$@" 2>err.$n; rc=$?
		case $rc in
		0) ;;
		2) exits2=$((exits2 + 1))
		   [ "$(cat out/main.csv)" = old ] && [ "$(cat out/side.csv)" = old ] ||
		       { echo "allocation $n: output changed"; crashes=$((crashes + 1)); }
		   [ -s err.$n ] || { echo "allocation $n: exit 2 without a message"; crashes=$((crashes + 1)); } ;;
		*) echo "allocation $n: exit $rc"; crashes=$((crashes + 1)) ;;
		esac
		no_temporaries out || crashes=$((crashes + 1))
		n=$((n + 1))
	done
	echo "$exits2 of $total failed allocations ended in exit 2, $crashes bad" && [ $crashes -eq 0 ]
}

if [ -n "${TPA_FAILMALLOC:-}" ]; then
expect "tpa-apply: every allocation failing in turn ends cleanly" '
	mkdir -p w/a/b && cd w/a/b && village_copy && mkdir out &&
	fail_each tpa-apply -q --village . --rejects out/side.csv -o out/main.csv applications.csv'
expect "tpa-survey: every allocation failing in turn ends cleanly" '
	mkdir -p w/a/b && cd w/a/b && village_copy && mkdir out &&
	tpa-apply -q --village . -o applicants.csv applications.csv &&
	fail_each tpa-survey -q --village . --rejects out/side.csv -o out/main.csv applicants.csv survey.csv'
else
	skip "allocation failures (needs the plain build: make check)"
fi

# A long run stopped at several points by SIGINT, SIGTERM and SIGKILL: the
# old output stays whole; a re-run then completes and removes what the
# killed runs left.
expect "interrupted runs leave the old output whole; a re-run completes and cleans up" '
	tpa-gen --households $([ "${TPA_VALGRIND:-0}" = 1 ] && echo 3000 || echo 150000) --seed 5 -o gen >/dev/null && cd gen/* &&
	mkdir -p ../rules && cp "$SAMPLE/../rules/"*.yaml ../rules/ &&
	tpa-apply -q --village . -o ref.csv applications.csv &&
	printf "old\n" >applicants.csv &&
	for sig in INT TERM KILL; do
		for delay in 0.05 0.4 1.2; do
			tpa-apply -q --village . -o applicants.csv applications.csv & pid=$!
			sleep $delay; kill -$sig $pid 2>/dev/null; wait $pid; rc=$?
			if [ "$(head -c 4 applicants.csv)" = "old" ]; then :
			elif cmp -s applicants.csv ref.csv; then printf "old\n" >applicants.csv
			else echo "$sig after $delay: applicants.csv is neither old nor whole"; exit 1; fi
			[ $sig = KILL ] || no_temporaries . || exit 1
		done
	done &&
	tpa-apply -q --village . -o applicants.csv applications.csv && cmp applicants.csv ref.csv &&
	no_temporaries .'

expect "concurrent runs of one stage never mix their files; provenance stays whole" '
	mkdir -p w/a/b && cd w/a/b && village_copy &&
	tpa-apply -q --village . -o ref/applicants.csv applications.csv 2>/dev/null || { mkdir ref && tpa-apply -q --village . -o ref/applicants.csv applications.csv; } &&
	for i in 1 2 3 4 5 6; do tpa-apply -q --village . -o applicants.csv applications.csv & done; wait &&
	cmp applicants.csv ref/applicants.csv && cmp rejects-apply.csv ref/rejects-apply.csv &&
	[ "$(wc -l <PROVENANCE.csv)" -eq 3 ] && no_temporaries . &&
	tail -n +2 PROVENANCE.csv | while IFS=, read out sha rest; do
		[ "$(sha256sum "$out" | cut -c1-64)" = "$sha" ] || exit 1; done'
