#!/bin/sh
# What the town and the county received of a procedure that posts only in
# the village (publicity: {village: 7}) is the audits' memory (SPEC §8
# "Changed after receipt"): publicized-village.csv is compared with both
# receipts, the registry with the county's; make run again, or after make
# clean in every village, takes no receipt and keeps the bytes.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "an area run through make"
. "$(dirname "$0")/lib-levels.sh"
PUBLICITY="{village: 7}"
. "$(dirname "$0")/lib-levels-area.sh"

# set_column FILE HOUSEHOLD COLUMN VALUE: the cell of HOUSEHOLD's row of
# FILE (the column found by its header name) set to VALUE; prints the
# value it held.
set_column() {
	awk -F, -v OFS=, -v h="$2" -v c="$3" -v x="$4" -v old="$1.old" '
	    NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i; print; next }
	    $2 == h { print $k >old; $k = x } { print }' "$1" >"$1.new" &&
	cat "$1.new" >"$1" && rm "$1.new" && cat "$1.old" && rm "$1.old"
}

expect "a decision edited in publicized-village.csv after both levels received it: CHANGED_AFTER_RECEIPT after the town and after the county received it, naming the file, the household, the column and both values" '
	made && h=$(confirmed $V/publicized-village.csv | head -n 1) && [ -n "$h" ] &&
	[ "$(set_column $V/publicized-village.csv $h decision removed)" = confirmed ] &&
	status 1 tpa-audit -q --level county -o $CO &&
	grep -qx "error,CHANGED_AFTER_RECEIPT,371323105201,$h,publicized-village.csv $h decision confirmed → removed，在乡镇接收之后改动" $CO/audit.csv &&
	grep -qx "error,CHANGED_AFTER_RECEIPT,371323105201,$h,publicized-village.csv $h decision confirmed → removed，在县接收之后改动" $CO/audit.csv &&
	[ "$(grep -c ",CHANGED_AFTER_RECEIPT," $CO/audit.csv)" = 2 ] &&
	status 1 tpa-audit -q --level town -o $T &&
	grep -qx "error,CHANGED_AFTER_RECEIPT,371323105201,$h,publicized-village.csv $h decision confirmed → removed，在乡镇接收之后改动" $T/audit.csv
'

expect "an income edited in the registry after the county received it: one CHANGED_AFTER_RECEIPT after the county received it, none for the town, which never received the registry" '
	made && h=$(confirmed $V/publicized-village.csv | head -n 1) &&
	old=$(set_column $V/registry/households.csv $h per_capita_income 1.00) && [ -n "$old" ] && [ "$old" != 1.00 ] &&
	status 1 tpa-audit -q --level county -o $CO &&
	grep ",CHANGED_AFTER_RECEIPT," $CO/audit.csv >got &&
	echo "error,CHANGED_AFTER_RECEIPT,371323105201,$h,registry/households.csv $h per_capita_income $old → 1.00，在县接收之后改动" >want &&
	same got want
'

expect "make again in the county: no receipt more, no byte changed anywhere in the area" '
	made && sums >before && vmake $CO >out 2>err && sums >after && same after before &&
	[ "$(receipts $CO 371323105201)" = 2 ] && [ "$(receipts $T 371323105201)" = 1 ]
'

expect "make clean in every village, then make in the county: the same lists, registries, ledgers and copies, byte for byte, and no error" '
	made && sums >before &&
	for v in $Y/3713*; do vmake $v clean >/dev/null || exit 1; done && [ ! -e $V/publicized-village.csv ] && [ ! -e $V/registry ] &&
	vmake $CO >out 2>err && sums >after &&
	but_town_audits before >want && but_town_audits after >got && same got want &&
	[ "$(wc -l <want)" -gt 100 ] &&
	[ "$(wc -l <after)" = "$(wc -l <before)" ] &&
	! grep -q "^error," $CO/audit.csv $Y/town-*/audit.csv
'
