#!/bin/sh
# Changed after receipt, the rest of it (SPEC §8): the rules file the lists
# were made with, changed after the town received the village and the lists
# made again, is one CHANGED_AFTER_RECEIPT naming the rules file (its
# received PROVENANCE.csv holds the old SHA-256), and no list is blamed for
# what it changed. A confidential column (phone: 联系电话) changed after
# receipt is named, its values not shown in audit.csv (a file for people).
# A survey.csv that cannot be read (a FIFO) is NOT_REGULAR_FILE and the
# primary list is not compared with a derivation that did not happen: no
# LEAK_HOUSEHOLD for every household.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "an area run through make"
. "$(dirname "$0")/lib-area-sample.sh"
. "$(dirname "$0")/lib-received.sh"

expect "the county's rules changed after the town received the villages, the lists made again: one CHANGED_AFTER_RECEIPT per village naming the rules file; no list compared or blamed" '
	villages_received && sed -i "s/poverty_line: 2855/poverty_line: 3855/" c/rules/yishui-2015.yaml &&
	grep -q "poverty_line: 3855" c/rules/yishui-2015.yaml &&
	rebuild 371323105201 && town_audit &&
	changed >found && cat found &&
	grep -q "^error,CHANGED_AFTER_RECEIPT,371323105201,,规则文件.*yishui-2015.yaml在乡镇接收之后改动了" found &&
	[ "$(grep -c ",371323105201," found)" = 1 ] &&
	! grep -q "^error,\(DECISION_MISMATCH\|LEAK_[A-Z]*\),371323105201," $T/audit.csv'

expect "nothing changed: no rules finding" '
	villages_received && town_audit && ! changed'

expect "a phone number changed after receipt: named (applications.csv, the household, phone), the numbers not shown" '
	villages_received && old=$(grep "^H001," $A/applications.csv | cut -d, -f12) && [ -n "$old" ] &&
	sed -i "s/^\(H001,.*\),$old,/\1,13800000000,/" $A/applications.csv &&
	grep -q "^H001,.*,13800000000," $A/applications.csv &&
	rebuild 371323105201 && town_audit && changed >found && cat found &&
	grep -q "^error,CHANGED_AFTER_RECEIPT,371323105201,H001,applications.csv H001 .*phone （保密） → （保密），在乡镇接收之后改动" found &&
	! grep -q "$old\|13800000000" $T/audit.csv'

expect "survey.csv a FIFO: NOT_REGULAR_FILE, and no LEAK_HOUSEHOLD for the households of primary.csv" '
	villages_received && mv $A/survey.csv $A/survey.real && mkfifo $A/survey.csv &&
	town_audit && grep -q "^error,NOT_REGULAR_FILE,371323105201," $T/audit.csv &&
	! grep -q ",LEAK_HOUSEHOLD,371323105201," $T/audit.csv'

expect "a comment added to the rules after receipt, the lists made again, then H036 (voted down) confirmed by hand in publicized-village.csv: the rules named, and H036 named by the re-derivation" '
	villages_received && echo "# tidied" >>c/rules/yishui-2015.yaml &&
	rebuild 371323105201 && grep -q "^371323105201,H036,.*,voted_down,VOTE," $A/publicized-village.csv &&
	sed -i "s/^\(371323105201,H036,.*\),voted_down,VOTE,/\1,confirmed,,/" $A/publicized-village.csv &&
	grep -q "^371323105201,H036,.*,confirmed,," $A/publicized-village.csv && town_audit &&
	grep -q "^error,CHANGED_AFTER_RECEIPT,371323105201,,规则文件.*yishui-2015.yaml在乡镇接收之后改动了" $T/audit.csv &&
	grep -q "^error,DECISION_MISMATCH,371323105201,H036," $T/audit.csv'
