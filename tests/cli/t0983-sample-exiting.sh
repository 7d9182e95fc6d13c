#!/bin/sh
# The exiting stratum of the area's sample (SPEC §8): in 2016, the
# households of the sample county's 2015 registry (not exited there) that
# the received list does not confirm. Worked out again from last year's
# registry, LEDGER.csv and the received copy (lib-receipt.sh).
. "$(dirname "$0")/lib.sh"
not_under_valgrind "an area run through make"
. "$(dirname "$0")/lib-area-sample.sh"
. "$(dirname "$0")/lib-receipt.sh"

if ! ledger_read; then
	skip "tpa-audit does not read LEDGER.csv yet: the draw from what was received cannot run"
	exit 0
fi

# The sample county through 2015 and 2016, made once.
county=$scratch/county
(
	set -e
	mkdir -p "$county" && cp -R "$SAMPLE/county/." "$county/" && cp "$SAMPLE/../rules/"*.yaml "$county/rules/"
	for y in 2015 2016; do
		make -s -C "$county/$y/county-371323" TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" >/dev/null 2>&1 || true
	done
	[ -f "$county/2015/371323105201/registry/households.csv" ] &&
	[ -f "$county/2016/371323105201/publicized-village.csv" ]
) >"$scratch/county.log" 2>&1 || { echo "FAIL $test_name: the sample county could not be made" >&2; cat "$scratch/county.log" >&2; }

SEED="2016-06-21 福彩3D 311"
V=371323105201

expect "last year's registered households the town's list does not confirm are the exiting stratum" '
	cp -R "$county" c && T16=c/2016/town-371323105 &&
	rm -rf $T16/received $T16/LEDGER.csv &&
	sed -i "/^audit:/d" $T16/town.yaml &&
	echo "audit: {sample: {help: 2, not_helped: 2, exiting: 2}, seed: \"$SEED\"}" >>$T16/town.yaml &&
	receive $T16 $V c/2016/$V $TOWN_FILES &&
	{ tpa-audit -q --level town -o $T16; [ $? -le 1 ]; } &&
	registered=$(awk -F, "NR > 1 && \$10 != \"exited\" { print \$2 }" c/2015/$V/registry/households.csv) &&
	[ -n "$registered" ] &&
	expected_draw $T16 $V town "$SEED" 2 2 2 $registered >want &&
	grep -q ",exiting," want &&
	drawn_rows $T16/sample.csv $V >got &&
	same got want
'
