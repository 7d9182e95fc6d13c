#!/bin/sh
# POSTED_UNCONFIRMED (SPEC §8 "posted_*"): at the town's audit, a village
# whose notice-village.html is checked while villages.csv's posted_village
# is empty gets a warning naming the column: nothing else ties the list the
# town receives to the paper posted. With the fingerprint typed (that of
# appraised.csv, worked out here with sha256sum) the warning goes; a list
# made again after its posting, its notice with it, is then a
# NOTICE_MISMATCH naming posted_village. And make clean keeps the posted
# notice: a list changed after it (a vote) stops there.
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

expect "a vote changed after the village posting, then make clean: the posted notice is kept, the village stops at it, H036 (voted down 16:16) is on no list posted" '
	area && cp $A/notice-village.html posted.html &&
	sed -i "s/^H036,16,16,0/H036,30,2,0/" $A/votes.csv && grep -q "^H036,30,2,0" $A/votes.csv &&
	make -s -C $A TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" clean >/dev/null 2>&1 &&
	[ ! -e $A/appraised.csv ] && cmp -s posted.html $A/notice-village.html &&
	{ make -s -C $A TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 publicized-village.csv >out 2>err; [ $? -ne 0 ]; } &&
	grep -q "appraised.csv changed after the village notice was posted and its objections recorded in objections-village.csv (the notice shows otherwise: H036):" err &&
	cmp -s posted.html $A/notice-village.html && [ ! -e $A/publicized-village.csv ]'

expect "the same, then the town audit: NOTICE_MISMATCH names H036, the posted notice against the list made again, and the town receives nothing" '
	area && sed -i "s/^H036,16,16,0/H036,30,2,0/" $A/votes.csv &&
	make -s -C $A TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" clean >/dev/null 2>&1 &&
	{ make -s -C $A TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 publicized-village.csv >/dev/null 2>&1; [ $? -ne 0 ]; } &&
	{ tpa-audit -q --level town -o $T; [ $? -ne 0 ]; } &&
	grep -q "^error,NOTICE_MISMATCH,371323105201,H036,.*notice-village.html" $T/audit.csv &&
	! grep -q "^error,PROVENANCE_MISSING,371323105201," $T/audit.csv &&
	[ ! -e $T/received/371323105201 ]'

expect "votes.csv moved aside (make waits for it), then put back with the vote changed: the posted notice is still kept, the village stops at it naming H036" '
	area && cp $A/notice-village.html posted.html && mv $A/votes.csv votes.csv &&
	make -s -C $A TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 publicized-village.csv >/dev/null 2>&1;
	[ ! -e $A/appraised.csv ] && cmp -s posted.html $A/notice-village.html &&
	sed "s/^H036,16,16,0/H036,30,2,0/" votes.csv >$A/votes.csv &&
	{ make -s -C $A TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 publicized-village.csv >out 2>err; [ $? -ne 0 ]; } &&
	grep -q "(the notice shows otherwise: H036):" err &&
	cmp -s posted.html $A/notice-village.html && [ ! -e $A/publicized-village.csv ]'

expect "applications.csv re-saved by a spreadsheet after the posting (001 written 1), then make clean: the same values, so the list is posted as it is; the notice made again prints its fingerprint and shows 1 for 001; no NOTICE_MISMATCH" '
	area && grep -q "<td>001</td>" $B/notice-village.html &&
	sed -i "s/^00\([0-9]\),/\1,/" $B/applications.csv && grep -q "^1," $B/applications.csv &&
	make -s -C $B TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" clean >/dev/null 2>&1 && [ -f $B/notice-village.html ] &&
	make -s -C $B TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 publicized-village.csv >out 2>err &&
	[ -f $B/publicized-village.csv ] && grep -q "^371323105202,1," $B/appraised.csv &&
	grep -q "<td>1</td>" $B/notice-village.html && grep -q "$(fp $B/appraised.csv)" $B/notice-village.html &&
	tpa-audit -q --level town -o $T; ! grep -q "^error,[A-Z_]*,371323105202," $T/audit.csv'

expect "the same block, as tpa status says it: H036 named, in Chinese under zh_CN" '
	have_zh && area && sed -i "s/^H036,16,16,0/H036,30,2,0/" $A/votes.csv &&
	make -s -C $A TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" clean >/dev/null 2>&1 &&
	{ make -s -C $A TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 publicized-village.csv >/dev/null 2>&1; [ $? -ne 0 ]; } &&
	{ tpa status --brief --no-audit $A >en; [ $? -eq 1 ]; } &&
	grep -q "village notice: blocked: appraised.csv changed after the notice was posted and its objections recorded (the notice shows otherwise: H036): post the new list again" en &&
	{ zh tpa status --brief --no-audit $A >zh; [ $? -eq 1 ]; } &&
	grep -q "appraised.csv 在公示张贴、异议记入之后被改动了（公示与名单不同的户：H036）：请重新公示新名单" zh'

# period DIR START END: the village's posting period in village.yaml.
period() {
	sed -i "s/^  village: {start: [0-9-]*, end: [0-9-]*}/  village: {start: $2, end: $3}/" $1/village.yaml &&
	grep -q "^  village: {start: $2, end: $3}" $1/village.yaml
}

expect "a vote changed after the posting, then the period moved with the objections file left in place (and moved back): blocked at each step naming H036, the posted notice kept" '
	area && cp $A/notice-village.html posted.html && cp $A/publicized-village.csv publicized.csv &&
	grep -q "^  village: {start: 2015-06-05, end: 2015-06-11}" $A/village.yaml &&
	sed -i "s/^H036,16,16,0/H036,30,2,0/" $A/votes.csv && period $A 2015-06-06 2015-06-12 &&
	{ make -s -C $A TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 publicized-village.csv >out 2>err; [ $? -ne 0 ]; } &&
	grep -q "notice-village.html shows the list posted in an earlier period, and objections-village.csv, which answers that posting, is still there (the notice shows otherwise: H036)" err &&
	cmp -s posted.html $A/notice-village.html && cmp -s publicized.csv $A/publicized-village.csv &&
	period $A 2015-06-05 2015-06-11 &&
	{ make -s -C $A TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 publicized-village.csv >out 2>err; [ $? -ne 0 ]; } &&
	grep -q "(the notice shows otherwise: H036)" err && cmp -s posted.html $A/notice-village.html'

expect "the same period posted again honestly: the objections file moved aside, the new list is posted in the new period" '
	area && sed -i "s/^H036,16,16,0/H036,30,2,0/" $A/votes.csv && period $A 2015-06-06 2015-06-12 &&
	mv $A/objections-village.csv objections.csv &&
	make -s -C $A TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 notice-village.html >out 2>err &&
	grep -q "<td>H036</td>" $A/notice-village.html && grep -q "2015年6月6日" $A/notice-village.html'

expect "a vote changed after the posting, then village.yaml switched to English (and back): still blocked naming H036, the Chinese notice kept" '
	area && cp $A/notice-village.html posted.html && cp $A/publicized-village.csv publicized.csv &&
	sed -i "s/^H036,16,16,0/H036,30,2,0/" $A/votes.csv && echo "language: en" >>$A/village.yaml &&
	{ make -s -C $A TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 publicized-village.csv >out 2>err; [ $? -ne 0 ]; } &&
	grep -q "(the notice shows otherwise: H036)" err && cmp -s posted.html $A/notice-village.html &&
	sed -i "/^language: en/d" $A/village.yaml &&
	{ make -s -C $A TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 publicized-village.csv >out 2>err; [ $? -ne 0 ]; } &&
	cmp -s posted.html $A/notice-village.html && cmp -s publicized.csv $A/publicized-village.csv'
