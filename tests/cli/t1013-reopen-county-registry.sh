#!/bin/sh
# A county's reopen after it received the village's registry (SPEC §8
# "Reopening"): the list received again makes the registry due again. The
# registry filed from the new list is not compared with the one received
# before (no CHANGED_AFTER_RECEIPT for it); the registry audit re-derives
# it and the county receives it as the village's next receipt, whose copy
# the statistics and next year's stages then read.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "an area run through make"
. "$(dirname "$0")/lib-area-sample.sh"
. "$(dirname "$0")/lib-received.sh"
V=371323105201
CROW="$V,2015-06-18,H002 收入更正后乡镇重新公示"

cell() {
	awk -F, -v OFS=, -v c=$V -v k="$1" -v x="$2" '$1 == c { $k = x } { print }' $T/villages.csv >vc &&
	mv vc $T/villages.csv
}
fp() { sha256sum <"$1" | cut -c1-32 | sed 's/..../& /g; s/ $//'; }
# file: A's county list made and its registry filed, as the make flow does.
file() {
	resolve $A county && [ -f $A/publicized-county.csv ] &&
	(cd $A && tpa-file -q --village village.yaml .) && [ -f $A/registry/households.csv ]
}
# registry_received: A received by the town and the county (receipt 1),
# the county's announcement (no objection) closed on 06-26, A's registry
# filed and received by the county (receipt 2).
registry_received() {
	area && objections && closed $V 2015-06-21 &&
	sed -i "s/^  end: \(2015-06-25\)\(.*\)\$/  end: \1\2\n  closed: 2015-06-26/" $CO/county.yaml &&
	grep -q "^  closed: 2015-06-26" $CO/county.yaml && rebuild $V && rebuild 371323105202 &&
	tpa-audit -q --level town -o $T && resolve $A && [ -f $A/publicized-town.csv ] &&
	tpa-audit -q --level county -o $CO && [ -d $CO/received/$V/1 ] &&
	echo "$HEAD" >$CO/objections-county.csv && file && county_audit && [ -f $CO/received/$V/2/registry/households.csv ]
}
# reopened: after registry_received, H002's income of A corrected through
# the town's reopen and the county's (the steps of t1011-reopen-county.sh:
# A posted again in the village 06-12 to 18, the town's posting 06-19 to
# 25 closed 06-26, the county's 06-26 to 30 closed 07-01), the town's
# receipt 2, the town list made again with posted_town typed (make clean
# removed the registry: it is filed again below).
reopened() {
	registry_received &&
	sed -i "s/^H002,2015\/5\/26,李干事;王委员,6000,/H002,2015\/5\/26,李干事;王委员,1000,/" $A/survey.csv &&
	echo "$V,2015-06-11,H002 收入更正" >>$T/reopen.csv &&
	sed -i "s/^  village: {start: 2015-06-05, end: 2015-06-11}/  village: {start: 2015-06-12, end: 2015-06-18}/" $A/village.yaml &&
	newpost $V &&
	cell 7 2015-06-19 && cell 8 2015-06-25 && cell 9 2015-06-26 &&
	sed -i "s/^  start: 2015-06-21 /  start: 2015-06-26 /; s/^  end: 2015-06-25 /  end: 2015-06-30 /; s/^  closed: 2015-06-26/  closed: 2015-07-01/" $CO/county.yaml &&
	rebuild $V && cell 11 "$(fp $A/appraised.csv)" && rebuild $V && rebuild 371323105202 &&
	echo "$CROW" >>$CO/reopen.csv &&
	town_audit && [ -f $T/received/$V/2/reopen.csv ] && resolve $A &&
	cell 12 "$(fp $A/publicized-village.csv)" && rebuild $V && resolve $A &&
	[ ! -e $A/registry/households.csv ]
}
# no_registry_difference: the county's audit.csv has no error, and no
# CHANGED_AFTER_RECEIPT at all.
no_registry_difference() {
	! grep -q "^error," $CO/audit.csv && ! grep -q CHANGED_AFTER_RECEIPT $CO/audit.csv
}
R=$CO/received/$V

expect "the list received again (receipt 3), the registry filed again from it: the next county audit receives it as receipt 4 (the three files and the pin), with no error and no CHANGED_AFTER_RECEIPT" '
	reopened && county_audit && [ -f $R/3/reopen.csv ] && [ ! -e $R/4 ] &&
	no_registry_difference && file && county_audit && no_registry_difference &&
	for f in households.csv members.csv history.csv; do cmp $A/registry/$f $R/4/registry/$f || exit 1; done &&
	[ "$(tail -n 4 $CO/LEDGER.csv | cut -d, -f2-4 | tr "\n" " ")" = "$V,4,received/$V/4/registry/households.csv $V,4,received/$V/4/registry/members.csv $V,4,received/$V/4/registry/history.csv $V,4,../town-371323105/LEDGER.csv#$(($(wc -l <$T/LEDGER.csv) - 1)) " ] &&
	cp $CO/LEDGER.csv first && county_audit && same $CO/LEDGER.csv first'

expect "the registry filed from the new list before the county receives that list (as make does): the audit that receives the list again (receipt 3) neither compares the registry with receipt 2 nor re-derives it from the list received before, and does not receive it; the next audit receives it as receipt 4" '
	reopened && file && county_audit && [ -f $R/3/reopen.csv ] && [ ! -e $R/4 ] &&
	no_registry_difference && county_audit && no_registry_difference &&
	cmp $A/registry/households.csv $R/4/registry/households.csv'
