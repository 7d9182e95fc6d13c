#!/bin/sh
# Statistics in an area count only the registries the county received
# (SPEC §8), from its copies, and stats.csv names each village left out
# and why (not_received, no_registry, copy_changed).
. "$(dirname "$0")/lib.sh"
not_under_valgrind "a longer script of the area's checks; t0950, t0951, t0961 and t0972 run the same code under memcheck"
. "$(dirname "$0")/lib-area-sample.sh"
. "$(dirname "$0")/lib-receipt.sh"

HDR=village_code,household_id,head_name,head_id_number,members,per_capita_income,attribute,main_cause,other_causes,status,year,registered_since,exited_year
MHDR=village_code,household_id,name,id_number,relation,labor,health,age

# registry V: village V's registry/, one new household H1 of two people.
registry() {
	mkdir -p "$1/registry" &&
	printf "%s\n" "$HDR" "$(basename "$1"),H1,张一,370102195001011217,2,1000.00,general,illness,,new,2015,2015," \
	    >"$1/registry/households.csv" &&
	printf "%s\n" "$MHDR" "$(basename "$1"),H1,张一,370102195001011217,head,full,healthy,60" \
	    "$(basename "$1"),H1,张二,370102196002022414,spouse,none,serious,50" >"$1/registry/members.csv"
}

# county: A's and B's registries, A's received by the county, and a third
# village 371323105203 listed with no folder.
county() {
	area && registry $A && registry $B &&
	echo "371323105203,李家村,800,200,false,5,,,,,," >>$T/villages.csv &&
	receive $CO 371323105201 $A registry/households.csv registry/members.csv
}

expect "a county that keeps no LEDGER.csv yet: the registries given are counted as they are" '
	area && registry $A && registry $B &&
	tpa-file stats -q -o $CO $A/registry $B/registry &&
	grep -qx "status,new,2,4" $CO/stats.csv && ! grep -q "^not_received\|^no_registry" $CO/stats.csv
'

if ! ledger_read; then
	skip "tpa-audit does not read LEDGER.csv yet: the county's receipts cannot be counted"
	exit 0
fi

expect "the county counts A's received registry, and names B (not received) and 203 (no registry)" '
	county &&
	tpa-file stats -q -o $CO $A/registry $B/registry &&
	grep -qx "status,new,1,2" $CO/stats.csv &&
	grep -qx "main_cause,illness,1,2" $CO/stats.csv &&
	tail -n 2 $CO/stats.csv >left &&
	printf "not_received,371323105202,,\nno_registry,371323105203,,\n" >want &&
	same left want
'

expect "A changed after the receipt: the county counts the copy it received" '
	county &&
	echo "371323105201,H2,王三,370102197003033615,1,900.00,general,illness,,new,2015,2015," >>$A/registry/households.csv &&
	echo "371323105201,H2,王三,370102197003033615,head,full,healthy,45" >>$A/registry/members.csv &&
	tpa-file stats -q -o $CO $A/registry $B/registry &&
	grep -qx "status,new,1,2" $CO/stats.csv
'

expect "a received copy that no longer matches LEDGER.csv is left out: copy_changed" '
	county &&
	sed -i "s/,2,1000.00,/,2,1500.00,/" $CO/received/371323105201/1/registry/households.csv &&
	tpa-file stats -q -o $CO $A/registry $B/registry &&
	grep -qx "status,new,0,0" $CO/stats.csv &&
	grep -qx "copy_changed,371323105201,," $CO/stats.csv
'

expect "the town counts its villages from the county ledger beside it" '
	county &&
	tpa-file stats -q -o $T $A/registry &&
	grep -qx "status,new,1,2" $T/stats.csv &&
	grep -qx "not_received,371323105202,," $T/stats.csv
'

expect "a registry of a village no villages.csv lists: exit 2, nothing written" '
	county && mkdir -p $Y/371323199999 && registry $Y/371323199999 &&
	status 2 tpa-file stats -q -o $CO $A/registry $Y/371323199999/registry 2>err &&
	grep -q "371323199999/registry is not the registry of a village" err &&
	[ ! -e $CO/stats.csv ]
'
