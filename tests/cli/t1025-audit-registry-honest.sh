#!/bin/sh
# The sample county's three years through make, honestly: the county's
# audit re-derives every registry and finds nothing; each registry is
# received; the audit read each village's registry files (PROVENANCE.csv
# names them with the SHA-256 sha256sum gives).
. "$(dirname "$0")/lib.sh"
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)

if [ "${TPA_VALGRIND:-0}" = 1 ]; then
	skip "the sample county through make (not under valgrind)"
	exit 0
fi
C=$scratch/c
mkdir -p "$C" && cp -R "$SAMPLE/county/." "$C/" && sample_rules "$C" &&
for y in 2015 2016 2017; do
	make -s --no-print-directory -C "$C/$y/county-371323" TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" >"$scratch/$y.log" 2>&1 || break
done
run_rc=$?

expect "three honest years: no DECISION_MISMATCH nor any error in the county audits, every registry received" '
	[ $run_rc -eq 0 ] &&
	! grep -h "^error," "$C"/*/county-371323/audit.csv &&
	for y in 2015 2016 2017; do
		for v in 371323105201 371323105202 371323105203 371323106201; do
			grep -q ",$v,[0-9]*,received/$v/[0-9]*/registry/households.csv," "$C/$y/county-371323/LEDGER.csv" || exit 1
		done
	done'

expect "the county audit read every registry it re-derived: its files in PROVENANCE.csv with their SHA-256" '
	[ $run_rc -eq 0 ] &&
	for y in 2015 2016 2017; do
		for v in 371323105201 371323105202 371323105203 371323106201; do
			for f in households.csv members.csv history.csv; do
				sha=$(sha256sum <"$C/$y/$v/registry/$f" | cut -c1-64) &&
				grep -q "\.\./$v/registry/$f@$sha" "$C/$y/county-371323/PROVENANCE.csv" || exit 1
			done
		done
	done'

expect "2016: a household exits (H031), one is new (H040), both re-derived as filed" '
	[ $run_rc -eq 0 ] &&
	grep -q "^371323105201,H031,.*,exited,2016,2015,2016," "$C/2016/371323105201/registry/households.csv" &&
	grep -q "^371323105201,H040,.*,new,2016,2016,," "$C/2016/371323105201/registry/households.csv" &&
	! grep -q "^[a-z]*,[A-Z_]*,371323105201,H0[34][01]," "$C/2016/county-371323/audit.csv"'
