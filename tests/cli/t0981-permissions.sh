#!/bin/sh
# Files holding ID numbers that others may read (a git checkout makes them
# 0644): the audit's PERMISSIONS warning, and make putting back 0600
# without making anything again (SPEC §8 "Permissions").
. "$(dirname "$0")/lib.sh"
not_under_valgrind "a longer script of the area's checks; t0950, t0951, t0961 and t0972 run the same code under memcheck"
. "$(dirname "$0")/lib-area-sample.sh"
. "$(dirname "$0")/lib-receipt.sh"

# mode FILE: its permission bits, in octal.
mode() {
	stat -c %a "$1"
}

# private: every confidential file of A and B back to 0600 by hand.
private() {
	for f in $A/*.csv $B/*.csv; do chmod 600 "$f" || return 1; done
}

expect "tpa status --exposed names the files holding IDs that others may read, and only those" '
	area && private &&
	chmod 644 $A/applications.csv $A/primary.csv && chmod 640 $A/appraised.csv &&
	chmod 644 $A/votes.csv &&
	tpa status --exposed $A >got &&
	printf "applications.csv\nprimary.csv\nappraised.csv\n" >want &&
	same got want &&
	tpa status --exposed $B >none && [ ! -s none ]
'

expect "the town audit warns PERMISSIONS for each, naming the file and its mode; not for B" '
	area && private &&
	chmod 644 $A/applications.csv $A/publicized-village.csv &&
	{ tpa-audit -q --level town -o $T; [ $? -le 1 ]; } &&
	grep "^warning,PERMISSIONS,371323105201,," $T/audit.csv >found &&
	[ "$(wc -l <found)" -eq 2 ] &&
	grep -q "applications.csv.*0644" found && grep -q "publicized-village.csv.*0644" found &&
	! grep -q "^warning,PERMISSIONS,371323105202," $T/audit.csv
'

expect "make in the village puts back 0600 and makes nothing again" '
	area && private &&
	make -s -C $A TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 >/dev/null 2>&1;
	chmod 644 $A/applications.csv $A/primary.csv $A/publicized-village.csv &&
	ls -l --time-style=+%s.%N $A >before && sha256sum $A/PROVENANCE.csv >prov &&
	{ make -s -C $A TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 >make.log 2>&1 || true; } &&
	[ "$(mode $A/applications.csv)" = 600 ] && [ "$(mode $A/primary.csv)" = 600 ] &&
	[ "$(mode $A/publicized-village.csv)" = 600 ] &&
	ls -l --time-style=+%s.%N $A | sed "s/^-rw-r--r--/-rw-------/" >after &&
	sed "s/^-rw-r--r--/-rw-------/" before >before2 &&
	same after before2 && sha256sum -c prov >/dev/null &&
	{ tpa-audit -q --level town -o $T; [ $? -le 1 ]; } &&
	! grep -q "^warning,PERMISSIONS,371323105201," $T/audit.csv
'

if ledger_read; then
expect "a received copy others may read: PERMISSIONS in the level folder; the town make puts back 0600" '
	area && private &&
	receive $T 371323105201 $A $TOWN_FILES &&
	chmod 644 $T/received/371323105201/1/applications.csv &&
	{ tpa-audit -q --level town -o $T; [ $? -le 1 ]; } &&
	grep "^warning,PERMISSIONS,371323105201,," $T/audit.csv | grep -q "received/371323105201/1/applications.csv" &&
	make -s -C $T TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" .tpa-private &&
	[ "$(mode $T/received/371323105201/1/applications.csv)" = 600 ]
'
else
	skip "tpa-audit does not read LEDGER.csv yet: received copies are not checked"
fi

# The objections files name who objected and about whom (an ID number, a
# phone): the village's is listed with the files holding IDs, the town's
# and county's are checked in their folders.
expect "objections-village.csv others may read: tpa status --exposed names it, the town audit warns, make puts back 0600" '
	area && private && chmod 644 $A/objections-village.csv &&
	tpa status --exposed $A >got && echo objections-village.csv >want && same got want &&
	{ tpa-audit -q --level town -o $T; [ $? -le 1 ]; } &&
	grep "^warning,PERMISSIONS,371323105201,," $T/audit.csv | grep -q "objections-village.csv.*0644" &&
	make -s -C $A TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 .tpa-private &&
	[ "$(mode $A/objections-village.csv)" = 600 ]
'

expect "the town's objections-town.csv others may read: PERMISSIONS in the town audit with no village, and the town's make puts back 0600" '
	area && private && cp "$SAMPLE/county/2015/town-371323105/objections-town.csv" $T/ &&
	chmod 644 $T/objections-town.csv &&
	{ tpa-audit -q --level town -o $T; [ $? -le 1 ]; } &&
	grep "^warning,PERMISSIONS,,," $T/audit.csv | grep -q "objections-town.csv.*0644" &&
	echo "include \$(TPA_MK_DIR)/town.mk" >$T/Makefile &&
	make -s -C $T TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" .tpa-private &&
	[ "$(mode $T/objections-town.csv)" = 600 ] &&
	{ tpa-audit -q --level town -o $T; [ $? -le 1 ]; } && ! grep -q "^warning,PERMISSIONS,,," $T/audit.csv
'
