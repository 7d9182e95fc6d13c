#!/bin/sh
# In the make flow: the town's audit reads the notices the villages posted;
# a notice edited after it was made is found at the next make in the
# town's folder (the audit recorded the notice it read), and the village
# stops (tpa-publicize resolves objections only against the notice of
# its list), its town notice not made.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "a longer script of the area's checks; t0950, t0951, t0961 and t0972 run the same code under memcheck"
. "$(dirname "$0")/lib-area-sample.sh"

# town_make: make's audit in the town's folder.
town_make() {
	echo "include \$(TPA_MK_DIR)/town.mk" >$T/Makefile &&
	make -s --no-print-directory -C $T audit TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" >/dev/null 2>&1 || true
}

expect "the notices as made: the town audit finds no NOTICE_MISMATCH, and records the notices it read" '
	area && town_make && [ -f $T/audit.csv ] && ! grep -q NOTICE_MISMATCH $T/audit.csv &&
	grep "^audit.csv," $T/PROVENANCE.csv | grep -q "371323105201/notice-village.html@$(sha256sum $A/notice-village.html | cut -c1-64)"'

expect "a notice edited after the audit: make audits again, NOTICE_MISMATCH names the household; the village stops, its objections not resolved against a notice that does not show its list (H033 named)" '
	area && town_make && ! grep -q "^error,[^,]*,371323105201," $T/audit.csv && sleep 1 &&
	sed -i "/<td>H033<\/td>/d" $A/notice-village.html && town_make &&
	awk -F, "\$2 == \"NOTICE_MISMATCH\" { print \$3 \",\" \$4 }" $T/audit.csv >got &&
	echo 371323105201,H033 >want && same got want &&
	{ make -s -C $A TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" notice-town.html >out 2>&1; [ $? -ne 0 ]; } &&
	grep -q "^tpa-publicize: appraised.csv is not the list notice-village.html was made from (the notice shows otherwise: H033)" out &&
	[ ! -e $A/notice-town.html ]'
