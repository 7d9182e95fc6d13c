#!/bin/sh
# What a village handed up is the audit's memory (SPEC §8 "Changed after
# receipt"): each file of a village's latest receipt at the town and at the
# county is compared, as the stages read it, with the file now; each
# difference is CHANGED_AFTER_RECEIPT naming the file, the household, the
# column and both values. A spreadsheet's re-save is no difference. When an
# input changed, the lists made again from it are not called wrong.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "an area run through make"
. "$(dirname "$0")/lib-area-sample.sh"
. "$(dirname "$0")/lib-received.sh"

expect "nothing changed since the town received the villages: no CHANGED_AFTER_RECEIPT, no error, exit 0" '
	villages_received && (cd $T && status 0 tpa-audit -q --level town -o .) &&
	! grep -q CHANGED_AFTER_RECEIPT $T/audit.csv && ! grep -q "^error," $T/audit.csv'

expect "a spreadsheet re-save of the inputs (survey.csv in GBK with CRLF, applications.csv with a BOM and CRLF, votes.csv with its columns reordered and 001 written 1, 3600 written 3600.00), the lists made again: no finding" '
	villages_received &&
	iconv -f UTF-8 -t GBK $A/survey.csv | sed "s/\$/\r/" >s && mv s $A/survey.csv &&
	! iconv -f UTF-8 -t UTF-8 $A/survey.csv >/dev/null 2>&1 &&
	{ printf "\357\273\277"; sed "s/\$/\r/" $A/applications.csv; } >a && mv a $A/applications.csv &&
	awk -F, -v OFS=, "{ h = \$1; if (h ~ /^0+[1-9]/) sub(/^0+/, \"\", h); print \$3, \$2, \$4, h }" $B/votes.csv >v && mv v $B/votes.csv &&
	grep -qx "2,33,0,1" $B/votes.csv &&
	sed -i "s/^001,2015-05-25,孙干事;王会计,3600,/001,2015-05-25,孙干事;王会计,3600.00,/" $B/survey.csv &&
	grep -q ",3600.00," $B/survey.csv &&
	rebuild 371323105201 && rebuild 371323105202 &&
	(cd $T && status 0 tpa-audit -q --level town -o .) &&
	! grep -q CHANGED_AFTER_RECEIPT $T/audit.csv && ! grep -q "^error," $T/audit.csv'

expect "an income lowered after the town received it, the lists made again: one CHANGED_AFTER_RECEIPT naming survey.csv, H002, wage_income and both values; nothing blames the lists (exit 1)" '
	villages_received &&
	sed -i "s/^H002,2015\/5\/26,李干事;王委员,6000,/H002,2015\/5\/26,李干事;王委员,1000,/" $A/survey.csv &&
	rebuild 371323105201 &&
	(cd $T && status 1 tpa-audit -q --level town -o .) &&
	[ "$(changed)" = "error,CHANGED_AFTER_RECEIPT,371323105201,H002,survey.csv H002 wage_income 6000.00 → 1000.00，在乡镇接收之后改动" ] &&
	[ "$(grep -c "^error," $T/audit.csv)" = 1 ]'

expect "the same change with the lists not made again: the survey change is named, and the re-derivation does not call H002 of the lists wrong" '
	villages_received &&
	sed -i "s/^H002,2015\/5\/26,李干事;王委员,6000,/H002,2015\/5\/26,李干事;王委员,1000,/" $A/survey.csv &&
	town_audit &&
	[ "$(changed)" = "error,CHANGED_AFTER_RECEIPT,371323105201,H002,survey.csv H002 wage_income 6000.00 → 1000.00，在乡镇接收之后改动" ] &&
	! grep -q ",DECISION_MISMATCH,371323105201,H002," $T/audit.csv &&
	! grep -q ",LEAK_[A-Z]*,371323105201,H002," $T/audit.csv'

expect "a vote added for H038 (not appraised) after the town received it: one finding, votes.csv H038 added" '
	villages_received && echo "H038,25,5,0" >>$A/votes.csv && rebuild 371323105201 &&
	town_audit &&
	[ "$(changed)" = "error,CHANGED_AFTER_RECEIPT,371323105201,H038,votes.csv H038 在乡镇接收之后新增" ]'

expect "an upheld objection dismissed after the town received it (成立 → dismissed): one finding naming objections-village.csv, H033, outcome upheld → dismissed" '
	villages_received &&
	sed -i "s/^\(H033,.*\),成立,/\1,dismissed,/" $A/objections-village.csv &&
	grep -q "^H033,.*,dismissed," $A/objections-village.csv &&
	rebuild 371323105201 && town_audit &&
	[ "$(changed)" = "error,CHANGED_AFTER_RECEIPT,371323105201,H033,objections-village.csv H033 outcome upheld → dismissed，在乡镇接收之后改动" ]'

expect "household H032 deleted from every input after the town received it: its 3 people of applications.csv (ID numbers masked), its survey and vote rows are each named removed, nothing else; no full ID number in audit.csv" '
	villages_received &&
	for f in applications.csv survey.csv votes.csv; do grep -v "^H032," $A/$f >x && mv x $A/$f; done &&
	rebuild 371323105201 && town_audit &&
	[ "$(changed | wc -l)" = 5 ] &&
	[ "$(changed | cut -d, -f3,4 | sort -u)" = "371323105201,H032" ] &&
	[ "$(changed | grep -c ",applications.csv H032 [^ ]* 在乡镇接收之后删除\$")" = 3 ] &&
	changed | grep -qx "error,CHANGED_AFTER_RECEIPT,371323105201,H032,survey.csv H032 在乡镇接收之后删除" &&
	changed | grep -qx "error,CHANGED_AFTER_RECEIPT,371323105201,H032,votes.csv H032 在乡镇接收之后删除" &&
	! grep -q "371323195911216119\|371323197001086123\|371323200407056148" $T/audit.csv &&
	[ "$(grep -c "^error," $T/audit.csv)" = 5 ]'

expect "votes.csv deleted after the town received it: every household of the received copy is named removed" '
	villages_received && rm $A/votes.csv && town_audit &&
	[ "$(changed | wc -l)" = 11 ] &&
	[ "$(changed | cut -d, -f4 | sort | tr "\n" " ")" = "H001 H002 H004 H031 H032 H033 H034 H035 H036 H037 H039 " ] &&
	[ "$(changed | grep -c ",votes.csv H0[0-9]* 在乡镇接收之后删除\$")" = 11 ]'

expect "a list edited after the town received it, its inputs as received: publicized-village.csv H034 decision over_quota → confirmed" '
	villages_received &&
	sed -i "s/^\(371323105201,H034,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*\),over_quota,/\1,confirmed,/" $A/publicized-village.csv &&
	grep -q "^371323105201,H034,.*,confirmed," $A/publicized-village.csv &&
	town_audit &&
	changed | grep -qx "error,CHANGED_AFTER_RECEIPT,371323105201,H034,publicized-village.csv H034 decision over_quota → confirmed，在乡镇接收之后改动" &&
	[ "$(changed | cut -d, -f4 | sort -u)" = H034 ]'

# county: A resolved at the town (the town's objection rows upheld for
# H031), received by the town and by the county.
county() {
	area && objections && closed 371323105201 2015-06-21 && resolve $A &&
	town_receives 371323105201 &&
	receive $CO 371323105201 1 publicized-town.csv objections-town.csv
}

expect "the county's received town list: as received, no finding; H031 set back from removed to confirmed after the county received it, CHANGED_AFTER_RECEIPT names publicized-town.csv, H031 and the county" '
	county && county_audit && ! grep -q CHANGED_AFTER_RECEIPT $CO/audit.csv &&
	sed -i "s/^\(371323105201,H031,.*\),removed,OBJECTION,/\1,confirmed,,/" $A/publicized-town.csv &&
	county_audit &&
	changed $CO | grep -qx "error,CHANGED_AFTER_RECEIPT,371323105201,H031,publicized-town.csv H031 decision removed → confirmed，在县接收之后改动" &&
	[ "$(changed $CO | cut -d, -f4 | sort -u)" = H031 ]'

expect "the town's objection row for H031 dismissed after the county received it, the town list resolved again: the finding names objections-town.csv, H031, outcome, and no list is blamed for H031" '
	county &&
	sed -i "s/^\(371323105201,H031,.*\),upheld,/\1,dismissed,/" $T/objections-town.csv &&
	resolve $A && [ "$(decision $A/publicized-town.csv H031)" = confirmed ] &&
	county_audit &&
	[ "$(changed $CO)" = "error,CHANGED_AFTER_RECEIPT,371323105201,H031,objections-town.csv H031 outcome upheld → dismissed，在县接收之后改动" ] &&
	! grep -q ",DECISION_MISMATCH,371323105201,H031," $CO/audit.csv'

expect "survey.csv replaced by a FIFO after the receipt: the audit does not wait on it; BAD_VALUE says it is not a regular file, and no row is called removed" '
	villages_received && rm $A/survey.csv && mkfifo $A/survey.csv &&
	(cd $T && timeout 20 tpa-audit -q --level town -o .; [ $? -ne 124 ]) &&
	grep -q ",BAD_VALUE,371323105201,,.*survey.csv.*" $T/audit.csv &&
	! changed | grep -q "survey.csv"'

expect "a ledger row whose copy is gone (LEDGER_BROKEN, not a change): that file is not compared, the others are" '
	villages_received && rm $T/received/371323105201/1/survey.csv &&
	sed -i "s/^H002,2015\/5\/26,李干事;王委员,6000,/H002,2015\/5\/26,李干事;王委员,1000,/" $A/survey.csv &&
	echo "H038,25,5,0" >>$A/votes.csv && town_audit &&
	[ "$(changed)" = "error,CHANGED_AFTER_RECEIPT,371323105201,H038,votes.csv H038 在乡镇接收之后新增" ]'

expect "an objection about a household left out, its outcome changed after the town received it: the finding names it by 反映对象 (the ID number masked), the row and both outcomes" '
	villages_received && sed -i "s/未被纳入,upheld,/未被纳入,dismissed,/" $A/objections-village.csv &&
	grep -q "未被纳入,dismissed," $A/objections-village.csv && town_audit &&
	[ "$(changed)" = "error,CHANGED_AFTER_RECEIPT,371323105201,,objections-village.csv 反映对象 王五 371323********4411 outcome upheld → dismissed，在乡镇接收之后改动" ] &&
	! grep -q "371323196512034411" $T/audit.csv'
