#!/bin/sh
# Reopening at the county (SPEC §8 "Reopening"): a town's reopen does not
# clear a difference against the county's receipt. The county received A's
# town list; A was corrected and reopened by the town: every audit still
# reports A's difference against the county's receipt (an error, so the
# town does not receive A again either) until a row of the county's own
# reopen.csv is open. The county receives A again once the town's posting
# started after the row's date and villages.csv's posted_town holds the
# fingerprint of the list the town posted; its receipt 2 holds the row and
# REOPENED names the households whose rows of publicized-town.csv differ.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "an area run through make"
. "$(dirname "$0")/lib-area-sample.sh"
. "$(dirname "$0")/lib-received.sh"
V=371323105201
CROW="$V,2015-06-18,H002 收入更正后乡镇重新公示"

hashes() {
	tail -n +2 "$1/LEDGER.csv" | while IFS=, read -r seq v n f sha prev; do
		case $f in ../*) continue ;; esac
		[ "$(sha256sum <"$1/$f" | cut -c1-64)" = "$sha" ] || { echo "differs: $f"; return 1; }
	done
}
# cell COLUMN VALUE: villages.csv's cell of A.
cell() {
	awk -F, -v OFS=, -v c=$V -v k="$1" -v x="$2" '$1 == c { $k = x } { print }' $T/villages.csv >vc &&
	mv vc $T/villages.csv
}
fp() { sha256sum <"$1" | cut -c1-32 | sed 's/..../& /g; s/ $//'; }
# county_received: A received by the town and, its town posting closed
# and resolved, by the county.
county_received() {
	area && objections && closed $V 2015-06-21 && rebuild $V &&
	tpa-audit -q --level town -o $T && resolve $A && [ -f $A/publicized-town.csv ] &&
	tpa-audit -q --level county -o $CO && [ -d $CO/received/$V/1 ]
}
# corrected: H002's income of A corrected and the town's reopen row; A
# posted again in the village (2015-06-12 to 18), the town's posting of A
# after it (06-19 to 25, closed 06-26), the county's after that; the
# fingerprint of A's new appraised.csv in posted_village.
corrected() {
	county_received &&
	sed -i "s/^H002,2015\/5\/26,李干事;王委员,6000,/H002,2015\/5\/26,李干事;王委员,1000,/" $A/survey.csv &&
	echo "$V,2015-06-11,H002 收入更正" >>$T/reopen.csv &&
	sed -i "s/^  village: {start: 2015-06-05, end: 2015-06-11}/  village: {start: 2015-06-12, end: 2015-06-18}/" $A/village.yaml &&
	newpost $V &&
	cell 7 2015-06-19 && cell 8 2015-06-25 && cell 9 2015-06-26 &&
	sed -i "s/^  start: 2015-06-21 /  start: 2015-06-26 /; s/^  end: 2015-06-25 /  end: 2015-06-30 /" $CO/county.yaml &&
	rebuild $V && cell 11 "$(fp $A/appraised.csv)" && rebuild $V && rebuild 371323105202
}
# reopened [ROW]: corrected, the county's row (CROW) written too; the town
# received A again and A's town list was made again.
reopened() {
	corrected && echo "${1:-$CROW}" >>$CO/reopen.csv &&
	tpa-audit -q --level town -o $T && [ -f $T/received/$V/2/reopen.csv ] &&
	resolve $A && [ -f $A/publicized-town.csv ] &&
	! cmp -s $A/publicized-town.csv $CO/received/$V/1/publicized-town.csv
}
# posted_town: the fingerprint of the list the town posted of A (its
# notice shows publicized-village.csv), the lists made again.
posted_town() {
	cell 12 "$(fp $A/publicized-village.csv)" && rebuild $V && resolve $A
}

expect "the town's reopen alone: the town receives A again, but once A's town list is made again the county reports it changed after the county received it, and does not receive A again (exit 1)" '
	corrected && (cd $T && status 0 tpa-audit -q --level town -o .) &&
	[ -f $T/received/$V/2/reopen.csv ] && ! grep -q "^error," $T/audit.csv &&
	resolve $A && [ -f $A/publicized-town.csv ] &&
	(status 1 tpa-audit -q --level county -o $CO) &&
	grep ",CHANGED_AFTER_RECEIPT,$V," $CO/audit.csv | grep -q "publicized-town.csv.*在县接收之后" &&
	[ "$(ls $CO/received/$V)" = 1 ]'

expect "with the county's row open the town receives A again, and reports neither the county's REPOST_MISSING nor the difference against the county's receipt" '
	corrected && echo "$CROW" >>$CO/reopen.csv && town_audit &&
	! grep -q "REPOST_MISSING\|CHANGED_AFTER_RECEIPT\|^error," $T/audit.csv &&
	[ -f $T/received/$V/2/reopen.csv ]'

expect "the county audit, posted_town not typed: REPOST_MISSING (county) for the fingerprint alone, no CHANGED_AFTER_RECEIPT, nothing received (exit 1)" '
	reopened && (status 1 tpa-audit -q --level county -o $CO) &&
	grep ",REPOST_MISSING,$V,," $CO/audit.csv | grep "县已重新受理" | grep -q "posted_town未填写" &&
	! grep ",REPOST_MISSING," $CO/audit.csv | grep -q "公示期开始于" &&
	! grep -q CHANGED_AFTER_RECEIPT $CO/audit.csv && [ "$(ls $CO/received/$V)" = 1 ]'

expect "a county row dated on the town posting start: REPOST_MISSING for the period" '
	reopened "$V,2015-06-19,x" && posted_town && county_audit &&
	grep ",REPOST_MISSING,$V,," $CO/audit.csv | grep -q "乡镇公示期开始于2015-06-19，不在重新受理日期2015-06-19之后" &&
	[ "$(ls $CO/received/$V)" = 1 ]'

expect "posted again with posted_town typed: county receipt 2 holds the town list and the row, ends with the pin; REOPENED names the households whose town-list rows differ; both chains verify (exit 0)" '
	reopened && posted_town &&
	(status 0 tpa-audit -q --level county -o $CO) && ! grep -q "^error," $CO/audit.csv &&
	R=$CO/received/$V/2 && cmp $A/publicized-town.csv $R/publicized-town.csv &&
	printf "village_code,date,reason\n%s\n" "$CROW" >want && same $R/reopen.csv want &&
	grep -q ",$V,2,received/$V/2/reopen.csv,$(sha256sum <want | cut -c1-64)," $CO/LEDGER.csv &&
	tail -n 1 $CO/LEDGER.csv | grep -q ",$V,2,../town-371323105/LEDGER.csv#" &&
	k=$(head -1 $R/publicized-town.csv | tr , "\n" | grep -n -x household_id | cut -d: -f1) &&
	tail -n +2 $CO/received/$V/1/publicized-town.csv | sort >o && tail -n +2 $R/publicized-town.csv | sort >n &&
	comm -3 o n | sed "s/^\t//" | cut -d, -f$k | sort -u >hh && grep -qx H002 hh &&
	grep ",REOPENED,$V," $CO/audit.csv | cut -d, -f4 | sort >got && same got hh &&
	grep ",REOPENED,$V,H002," $CO/audit.csv | grep -q "县重新受理" &&
	[ -z "$(chain $CO/LEDGER.csv)" ] && [ -z "$(chain $T/LEDGER.csv)" ] && hashes $CO && hashes $T'

expect "the county row is used once: the next county audit receives nothing; a later change of the town list is CHANGED_AFTER_RECEIPT at the county again" '
	reopened && posted_town && county_audit &&
	cp $CO/LEDGER.csv first && county_audit && same $CO/LEDGER.csv first &&
	! grep -q "REOPENED\|REPOST_MISSING\|CHANGED_AFTER_RECEIPT" $CO/audit.csv &&
	awk -F, -v OFS=, "NR > 1 && \$2 == \"H039\" { \$2 = \"H040\" } { print }" $A/publicized-town.csv >p && mv p $A/publicized-town.csv &&
	county_audit && grep ",CHANGED_AFTER_RECEIPT,$V,H039," $CO/audit.csv | grep -q "在县接收之后删除" &&
	! grep -q REPOST_MISSING $CO/audit.csv && same $CO/LEDGER.csv first'

expect "the county receives A again only after the town did: with the town's row still open (A posted again, the town audit not yet run) the county audit takes nothing; after the town's receipt it does" '
	corrected && echo "$CROW" >>$CO/reopen.csv && resolve $A &&
	cell 12 "$(fp $A/publicized-village.csv)" && rebuild $V && resolve $A && [ -f $A/publicized-town.csv ] &&
	county_audit && [ "$(ls $CO/received/$V)" = 1 ] && [ "$(ls $T/received/$V)" = 1 ] &&
	! grep -q ",REPOST_MISSING," $CO/audit.csv &&
	town_audit && [ -f $T/received/$V/2/reopen.csv ] &&
	county_audit && [ -f $CO/received/$V/2/reopen.csv ] && ! grep -q "^error," $CO/audit.csv'
