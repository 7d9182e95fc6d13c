#!/bin/sh
# POSTED_UNCONFIRMED (SPEC §8 "posted_*"): at the town's audit, a village
# whose notice-village.html is checked while villages.csv's posted_village
# is empty gets a warning naming the column: nothing else ties the list the
# town receives to the paper posted. With the fingerprint typed (that of
# appraised.csv, worked out here with sha256sum) the warning goes; a list
# made again after its posting, its notice with it, is then a
# NOTICE_MISMATCH naming posted_village.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-area-sample.sh"
not_under_valgrind "the town's audit of two villages; t0973 runs the same check of posted_village under memcheck"

# posted CODE FINGERPRINT: villages.csv's posted_village of village CODE.
posted() {
	sed -i "s/^\($1,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,\)[^,]*,/\1$2,/" $T/villages.csv
}
fp() { sha256sum "$1" | cut -c1-32 | sed "s/..../& /g; s/ $//"; }

expect "posted_village empty: POSTED_UNCONFIRMED (warning) for each village, naming the column; exit status unchanged by it" '
	area && tpa-audit -q --level town -o $T; st=$? &&
	[ "$(grep -c "^warning,POSTED_UNCONFIRMED,371323105201,,villages.csv的posted_village为空" $T/audit.csv)" -eq 1 ] &&
	[ "$(grep -c "^warning,POSTED_UNCONFIRMED,371323105202,," $T/audit.csv)" -eq 1 ] &&
	! grep -q "^error.*POSTED" $T/audit.csv && [ $st -ne 2 ]'

expect "the fingerprint typed (spaces as printed): no warning for that village, the other still warned" '
	area && posted 371323105201 "$(fp $A/appraised.csv)" &&
	tpa-audit -q --level town -o $T;
	! grep -q "^warning,POSTED_UNCONFIRMED,371323105201," $T/audit.csv &&
	grep -q "^warning,POSTED_UNCONFIRMED,371323105202," $T/audit.csv &&
	! grep -q "^error,NOTICE_MISMATCH,371323105201," $T/audit.csv'

expect "a vote changed after the posting, the list and notice made again: with the fingerprint typed, NOTICE_MISMATCH naming posted_village" '
	area && posted 371323105201 "$(fp $A/appraised.csv)" &&
	sed -i "s/^H036,16,16,0/H036,30,2,0/" $A/votes.csv && grep -q "^H036,30,2,0" $A/votes.csv &&
	rm -f $A/appraised.csv $A/notice-village.html $A/publicized-village.csv &&
	make -s -C $A TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 publicized-village.csv >/dev/null 2>&1;
	[ -f $A/notice-village.html ] &&
	tpa-audit -q --level town -o $T;
	grep -q "^error,NOTICE_MISMATCH,371323105201,,villages.csv的posted_village记下的张贴指纹" $T/audit.csv'
