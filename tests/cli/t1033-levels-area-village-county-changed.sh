#!/bin/sh
# What the county received of a procedure without a town posting
# (publicity: {village: 7, county: 5}) is its memory (SPEC §8 "Changed
# after receipt"): publicized-village.csv is compared with the county's
# copy under its own name, the town's objection rows with theirs; make run
# again, or after make clean in every village, takes no receipt and keeps
# the bytes.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "an area run through make"
. "$(dirname "$0")/lib-levels.sh"
PUBLICITY="{village: 7, county: 5}"
. "$(dirname "$0")/lib-levels-area.sh"

expect "a decision edited in publicized-village.csv after the county received it: CHANGED_AFTER_RECEIPT after the town and after the county received it, naming the file, the household, the column and both values" '
	made && h=$(confirmed $V/publicized-village.csv | head -n 1) && [ -n "$h" ] &&
	sed -i "s/^\(371323105201,$h,.*\),confirmed,/\1,removed,/" $V/publicized-village.csv &&
	! confirmed $V/publicized-village.csv | grep -qx "$h" &&
	status 1 tpa-audit -q --level county -o $CO &&
	grep ",CHANGED_AFTER_RECEIPT," $CO/audit.csv >got &&
	printf "error,CHANGED_AFTER_RECEIPT,371323105201,%s,publicized-village.csv %s decision confirmed → removed，在%s接收之后改动\n" \
	    $h $h 乡镇 $h $h 县 >want &&
	same got want
'

expect "the town objection row of 371323105202 dismissed after the county received it (成立 → 不成立): one CHANGED_AFTER_RECEIPT naming objections-town.csv, household 004, outcome upheld → dismissed" '
	made && grep -q "^371323105202,004,.*,成立," $T/objections-town.csv &&
	sed -i "s/^\(371323105202,004,.*\),成立,/\1,不成立,/" $T/objections-town.csv &&
	status 1 tpa-audit -q --level county -o $CO &&
	grep ",CHANGED_AFTER_RECEIPT," $CO/audit.csv >got &&
	echo "error,CHANGED_AFTER_RECEIPT,371323105202,004,objections-town.csv 004 outcome upheld → dismissed，在县接收之后改动" >want &&
	same got want
'

expect "make again in the county: no receipt more, no byte changed anywhere in the area" '
	made && sums >before && vmake $CO >out 2>err && sums >after && same after before &&
	[ "$(receipts $CO 371323105201)" = 2 ]
'

expect "make clean in every village (the posted village notices kept, the county notices removed), then make in the county: the same lists, notices, registries, ledgers and copies, byte for byte, and no error" '
	made && sums >before &&
	for v in $Y/3713*; do vmake $v clean >/dev/null || exit 1; done && [ ! -e $V/notice-county.html ] && [ -e $V/notice-village.html ] && [ ! -e $V/registry ] &&
	vmake $CO >out 2>err && sums >after &&
	but_town_audits before >want && but_town_audits after >got && same got want &&
	[ "$(wc -l <want)" -gt 100 ] &&
	[ "$(wc -l <after)" = "$(wc -l <before)" ] &&
	! grep -q "^error," $CO/audit.csv $Y/town-*/audit.csv
'
