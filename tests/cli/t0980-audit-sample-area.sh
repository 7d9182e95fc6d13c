#!/bin/sh
# The audit's sample in an area (SPEC §8 "The sample"): drawn per village
# from the list the level received, by the SHA-256 of
# seed|level|village_code|household_id|H, the lowest k of each stratum.
# Every expected draw here is worked out again in the shell from
# LEDGER.csv and the received copy (lib-receipt.sh).
. "$(dirname "$0")/lib.sh"
not_under_valgrind "an area run through make"
. "$(dirname "$0")/lib-area-sample.sh"
. "$(dirname "$0")/lib-receipt.sh"

SEED_T="2015-06-21 福彩3D 052"
SEED_C="2015-06-26 福彩3D 418"

# town_audit [SEED]: the town's sample sizes (help 3, not_helped 2,
# exiting 1) and SEED (none when empty), then the town audit.
town_audit() {
	if [ -n "${1:-}" ]; then
		echo "audit: {sample: {help: 3, not_helped: 2, exiting: 1}, seed: \"$1\"}" >>$T/town.yaml
	else
		echo "audit: {sample: {help: 3, not_helped: 2, exiting: 1}}" >>$T/town.yaml
	fi &&
	status 0 tpa-audit -q --level town -o $T || status 1 tpa-audit -q --level town -o $T
}

# received_town: A and B received by the town, by hand.
received_town() {
	receive $T 371323105201 $A $TOWN_FILES &&
	receive $T 371323105202 $B $TOWN_FILES
}

if ! ledger_read; then
	skip "tpa-audit does not read LEDGER.csv yet: the draw from what was received cannot run"
	exit 0
fi

expect "the town's draw is the lowest keys of each stratum of the received list" '
	area && received_town && town_audit "$SEED_T" &&
	expected_draw $T 371323105201 town "$SEED_T" 3 2 1 >want-a &&
	expected_draw $T 371323105202 town "$SEED_T" 3 2 1 >want-b &&
	[ -s want-a ] && [ -s want-b ] &&
	drawn_rows $T/sample.csv 371323105201 >got-a &&
	drawn_rows $T/sample.csv 371323105202 >got-b &&
	same got-a want-a && same got-b want-b &&
	[ "$(grep -c ",help,[0-9]*,3," got-a)" -eq 3 ] &&
	[ "$(grep -c ",not_helped,[0-9]*,2," got-a)" -eq 2 ]
'

expect "sample.csv in an area: the columns of §8, a BOM, the ID masked, why and verify filled in" '
	area && received_town && town_audit "$SEED_T" &&
	head -c 3 $T/sample.csv | od -An -tx1 | grep -q "ef bb bf" &&
	sed -n 1p $T/sample.csv | sed "1s/^\xef\xbb\xbf//" | tr -d "\r" >head &&
	echo village_code,household_id,head_name,head_id_number,members,decision,stratum,stratum_households,drawn,inclusion_probability,why,verify >want &&
	same head want &&
	! grep -qE "[0-9]{17}[0-9X]" $T/sample.csv &&
	grep -q "371323\*\{8\}" $T/sample.csv &&
	grep "^371323105201,.*,help," $T/sample.csv | grep -q "入户核对" &&
	! grep -q SAMPLE_PREDICTABLE $T/audit.csv
'

# idnumber FIRST17: FIRST17 and its check character (GB 11643-1999).
idnumber() {
	printf '%s' "$1" | awk '{ split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " ")
	    for (i = 1; i <= 17; i++) s += substr($0, i, 1) * w[i]
	    print $0 substr("10X98765432", s % 11 + 1, 1) }'
}

expect "a household added after the receipt does not change the draw" '
	area && received_town && town_audit "$SEED_T" &&
	cp $T/sample.csv before.csv &&
	echo "H999,王新户,$(idnumber 11010119900307123),户主,男,,,,,,,,2015/5/20," >>$A/applications.csv &&
	{ make -s -C $A TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 publicized-village.csv >make.log 2>&1 || true; } &&
	grep "^371323105201,H999," $A/appraised.csv | sed "s/,unverified,/,confirmed,/; s/\$/,0/" >>$A/publicized-village.csv &&
	grep -q "^371323105201,H999,.*,confirmed," $A/publicized-village.csv &&
	{ tpa-audit -q --level town -o $T; [ $? -le 1 ]; } &&
	same $T/sample.csv before.csv
'

expect "the county draws from what it received, and not as the town does" '
	area && received_town && town_audit "$SEED_T" &&
	echo "audit: {sample: {help: 3, not_helped: 2, exiting: 1}, seed: \"$SEED_T\"}" >>$CO/county.yaml &&
	receive $CO 371323105201 $A publicized-village.csv &&
	anchor $CO 371323105201 $T &&
	{ status 0 tpa-audit -q --level county -o $CO || status 1 tpa-audit -q --level county -o $CO; } &&
	expected_draw $CO 371323105201 county "$SEED_T" 3 2 1 >want-c &&
	drawn_rows $CO/sample.csv 371323105201 >got-c &&
	same got-c want-c &&
	drawn_rows $T/sample.csv 371323105201 >got-t &&
	! cmp -s got-c got-t &&
	grep -q "^info,SAMPLE_NOT_DRAWN,371323105202," $CO/audit.csv
'

expect "the county receiving a registry: a new draw, with H the hash of the registry receipt's last row" '
	area && received_town && town_audit "$SEED_T" &&
	echo "audit: {sample: {help: 3, not_helped: 2, exiting: 1}, seed: \"$SEED_C\"}" >>$CO/county.yaml &&
	receive $CO 371323105201 $A publicized-village.csv && anchor $CO 371323105201 $T &&
	{ tpa-audit -q --level county -o $CO; [ $? -le 1 ]; } && cp $CO/sample.csv before.csv &&
	grep -q "^371323105201," before.csv &&
	mkdir -p $A/registry && printf "village_code,household_id\n371323105201,H001\n" >$A/registry/households.csv &&
	receive $CO 371323105201 $A registry/households.csv &&
	[ "$(latest $CO 371323105201)" -eq 2 ] &&
	{ tpa-audit -q --level county -o $CO; [ $? -le 1 ]; } &&
	expected_draw $CO 371323105201 county "$SEED_C" 3 2 1 >want &&
	drawn_rows $CO/sample.csv 371323105201 >got && same got want
'

expect "no seed: SAMPLE_PREDICTABLE, and the draw made with an empty seed" '
	area && received_town && town_audit "" &&
	grep -q "^warning,SAMPLE_PREDICTABLE,,,.*town.yaml" $T/audit.csv &&
	expected_draw $T 371323105201 town "" 3 2 1 >want-a &&
	drawn_rows $T/sample.csv 371323105201 >got-a &&
	same got-a want-a
'

# B without its list: the audit cannot receive it either.
expect "a village the town has not received: nothing drawn, and the finding says why" '
	area && receive $T 371323105201 $A $TOWN_FILES && rm $B/publicized-village.csv &&
	town_audit "$SEED_T" &&
	! grep -q "^371323105202," $T/sample.csv &&
	grep "^info,SAMPLE_NOT_DRAWN,371323105202,," $T/audit.csv | grep -q "尚未接收" &&
	grep -q "^371323105201," $T/sample.csv
'

expect "a received copy changed since its ledger row: nothing drawn from it" '
	area && received_town &&
	echo "371323105201,H998,x,x,1,0.00,0.00,confirmed,,," >>$T/received/371323105202/1/publicized-village.csv &&
	town_audit "$SEED_T" &&
	! grep -q "^371323105202," $T/sample.csv &&
	grep -q "^info,SAMPLE_NOT_DRAWN,371323105202," $T/audit.csv
'

# The receipts the audit takes itself come before its draw, in the same
# run: A and B received now are drawn from the copies just taken.
if (mkdir -p "$scratch/takes" && cd "$scratch/takes" && area && town_audit "$SEED_T" &&
    [ -f $T/LEDGER.csv ]) >/dev/null 2>&1; then
expect "the villages the audit receives are drawn in the same run, from the copies it took" '
	area && town_audit "$SEED_T" &&
	[ "$(latest $T 371323105201)" -eq 1 ] && [ "$(latest $T 371323105202)" -eq 1 ] &&
	expected_draw $T 371323105201 town "$SEED_T" 3 2 1 >want-a &&
	expected_draw $T 371323105202 town "$SEED_T" 3 2 1 >want-b &&
	drawn_rows $T/sample.csv 371323105201 >got-a &&
	drawn_rows $T/sample.csv 371323105202 >got-b &&
	same got-a want-a && same got-b want-b
'
else
	skip "tpa-audit takes no receipts yet: the draw after this run's receipts cannot run"
fi
