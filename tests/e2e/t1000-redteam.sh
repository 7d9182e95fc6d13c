#!/bin/sh
# What a corrupt village cadre could do AFTER the town or the county has
# received the village, replayed on a copy of the sample county's honest
# 2015: change an input or a list, `make clean` in the village, and let the
# offices' routine make run. The audit's memory is what it received (the
# town's and county's received/ folders and LEDGER.csv): every such change
# is a finding that names the village, the household and the file, and the
# village is sent back rather than registered with the change. Each case
# starts from a copy of one honest run.
. "$(dirname "$0")/../cli/lib.sh"
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)

if [ "${TPA_VALGRIND:-0}" = 1 ]; then
	skip "the sample county through make (not under valgrind)"
	exit 0
fi

# cmake DIR [YEAR]: make in the county folder, as the county office runs it.
cmake() {
	make -s --no-print-directory -C "$1/${2:-2015}/county-371323" TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN"
}
# vclean V: `make clean` in the village folder c/2015/V.
vclean() {
	make -s -C "c/2015/$1" clean TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" >/dev/null 2>&1
}
# county DIR: a copy of the sample county's 2015 in DIR, not yet run.
county() {
	mkdir -p "$1" && cp -R "$SAMPLE/county/." "$1/" && sample_rules "$1" &&
	rm -rf "$1/2016" "$1/2017"
}
REF=$scratch/ref
county "$REF" && cmake "$REF" >"$scratch/ref.log" 2>&1
ref_rc=$?
TA=c/2015/town-371323105
CA=c/2015/county-371323

# copy: the honest 2015 in c/.
copy() {
	[ $ref_rc -eq 0 ] && cp -a "$REF" c
}
# tamper V EDIT [CLEAN]: copy the honest 2015 to c/, run EDIT (shell text)
# in c/2015/V, `make clean` there unless CLEAN is "keep", then the
# county's routine make (out, err): it must not succeed.
tamper() {
	copy && (cd c/2015/$1 && eval "$2") &&
	{ [ "${3:-clean}" = keep ] || vclean $1; } &&
	{ cmake c >out 2>err; [ $? -ne 0 ]; }
}
# found AUDIT SEVERITY CODE VILLAGE HOUSEHOLD [DETAIL-PATTERN]: a row of
# c/2015/AUDIT/audit.csv.
found() {
	grep "^$2,$3,$4,$5," c/2015/$1/audit.csv | grep -q -- "${6:-.}"
}
# error AUDIT CODE VILLAGE HOUSEHOLD [DETAIL-PATTERN]: an error row.
error() {
	found "$1" error "$2" "$3" "$4" "${5:-.}"
}
# only AUDIT CODE HOUSEHOLDS: the households CODE's errors name in AUDIT
# (rows about no household aside), sorted, are HOUSEHOLDS (space-separated).
only() {
	[ "$(grep "^error,$2," c/2015/$1/audit.csv | cut -d, -f4 | grep . | sort -u)" = "$(printf '%s\n' $3)" ]
}
# noerror: no audit of the copy holds an error.
noerror() {
	! grep -q "^error," c/2015/*/audit.csv
}
# honest V: the village's registry is not a tampered one: none, or the
# honest run's.
honest() {
	for f in households.csv members.csv history.csv; do
		[ ! -f c/2015/$1/registry/$f ] ||
		cmp -s c/2015/$1/registry/$f "$REF/2015/$1/registry/$f" || return 1
	done
}
# received N LEVEL V: the level (town-T or county-C) received V N times.
received() {
	[ "$(ls c/2015/$2/received/$3 | grep -c '^[0-9][0-9]*$')" = "$1" ]
}
# ledgers: both ledgers of town 105 and of the county are the honest run's.
ledgers() {
	cmp $TA/LEDGER.csv "$REF/2015/town-371323105/LEDGER.csv" &&
	cmp $CA/LEDGER.csv "$REF/2015/county-371323/LEDGER.csv"
}
# H002 of 双河村: wage income 6000 → 1000 (per head 3000.17 → 1333.50,
# under the line) in FILES.
lower='sed -i "s/^H002,2015\/5\/26,李干事;王委员,6000,/H002,2015\/5\/26,李干事;王委员,1000,/"'

expect "the honest 2015: every level received every village, no audit error" '
	[ $ref_rc -eq 0 ] && ! grep -q "^error," "$REF"/2015/*/audit.csv &&
	for v in 371323105201 371323105202 371323105203; do
		[ -d "$REF/2015/town-371323105/received/$v/1" ] &&
		[ -d "$REF/2015/county-371323/received/$v/1" ] || exit 1
	done'

# --- the lists, edited by hand -----------------------------------------

# H002 was over the quota (C2;SCALE); the cadre writes it in as proposed.
expect "appraised.csv edited by hand after the town received it: CHANGED_AFTER_RECEIPT names appraised.csv, H002, decision" '
	tamper 371323105201 "sed -i \"s/^\\(371323105201,H002,.*\\),over_quota,C2;SCALE,/\\1,proposed,,/\" appraised.csv" keep &&
	error town-371323105 CHANGED_AFTER_RECEIPT 371323105201 H002 "appraised.csv H002 decision over_quota → proposed" &&
	error county-371323 CHANGED_AFTER_RECEIPT 371323105201 H002 "appraised.csv H002 decision" &&
	received 1 town-371323105 371323105201 && honest 371323105201'

expect "publicized-village.csv edited by hand after the town received it: CHANGED_AFTER_RECEIPT names publicized-village.csv, H002" '
	tamper 371323105201 "sed -i \"s/^\\(371323105201,H002,.*\\),over_quota,C2;SCALE,/\\1,confirmed,,/\" publicized-village.csv" keep &&
	error town-371323105 CHANGED_AFTER_RECEIPT 371323105201 H002 "publicized-village.csv H002 decision over_quota → confirmed" &&
	received 1 town-371323105 371323105201 && honest 371323105201'

expect "a row taken out of publicized-town.csv after the county received it: CHANGED_AFTER_RECEIPT at the county names the household" '
	copy && h=$(awk -F, "NR == 2 { print \$2 }" c/2015/371323105203/publicized-town.csv) &&
	awk -F, -v OFS=, "NR != 2" c/2015/371323105203/publicized-town.csv >x &&
	mv x c/2015/371323105203/publicized-town.csv &&
	{ cmake c >out 2>err; [ $? -ne 0 ]; } &&
	error county-371323 CHANGED_AFTER_RECEIPT 371323105203 "$h" "publicized-town.csv" &&
	honest 371323105203'

# forge PROGRAM EDIT: bin/, the programs under test with PROGRAM wrapped:
# after it succeeds in 双河村's folder, EDIT (shell text) runs there, as the
# cadre's hand between a stage and the town's first audit.
forge() {
	mkdir bin && for p in "$TPA_BIN"/*; do ln -s "$p" bin/ || return 1; done &&
	rm bin/$1 && cat >bin/$1 <<EOF
#!/bin/sh
"$TPA_BIN/$1" "\$@" || exit
case "\$PWD" in */371323105201) ;; *) exit 0;; esac
$2
EOF
	chmod +x bin/$1
}
# After the edit of file $f: its hash in PROVENANCE.csv made its own again
# (there is no secret in it).
provenance='new=$(sha256sum <$f | cut -c1-64) &&
	awk -F, -v OFS=, -v f="$f" -v n="$new" "\$1 == f { \$2 = n } 1" PROVENANCE.csv >P && mv P PROVENANCE.csv'

# Before the town's first audit: H002 written in as proposed over the
# quota, the record of what was made brought up to date. The audit
# re-derives the decisions: the village is sent back, never received.
expect "appraised.csv forged before the town's first audit, PROVENANCE.csv made to match: DECISION_MISMATCH names H002; not received" '
	forge tpa-appraise "f=appraised.csv; grep -q \",H002,.*,over_quota,\" \$f || exit 0
sed -i \"s/^\\(371323105201,H002,.*\\),over_quota,C2;SCALE,/\\1,proposed,,/\" \$f && $provenance" &&
	county c && { make -s --no-print-directory -C c/2015/county-371323 TPA_MK_DIR="$MK" TPA_BIN="$PWD/bin" >out 2>err; [ $? -ne 0 ]; } &&
	grep -q "^371323105201,H002,.*,proposed," c/2015/371323105201/appraised.csv &&
	error town-371323105 DECISION_MISMATCH 371323105201 H002 "appraised.csv.*decision" &&
	only town-371323105 DECISION_MISMATCH H002 &&
	[ ! -d $TA/received/371323105201 ] && [ -d $TA/received/371323105202/1 ] &&
	[ ! -f c/2015/371323105201/registry/households.csv ]'

# The same forged village, and then its errors struck out of the town's
# audit.csv so that its town notice is made: no receipt precedes it.
expect "the village's errors struck out of the town's audit.csv: its town notice is NOT_RECEIVED at both levels, nothing received" '
	forge tpa-appraise "f=appraised.csv; grep -q \",H002,.*,over_quota,\" \$f || exit 0
sed -i \"s/^\\(371323105201,H002,.*\\),over_quota,C2;SCALE,/\\1,proposed,,/\" \$f && $provenance" &&
	county c && { make -s --no-print-directory -C c/2015/county-371323 TPA_MK_DIR="$MK" TPA_BIN="$PWD/bin" >out 2>err; [ $? -ne 0 ]; } &&
	sed -i "/^error,[A-Z_]*,371323105201,/d" $TA/audit.csv &&
	{ make -s --no-print-directory -C c/2015/county-371323 TPA_MK_DIR="$MK" TPA_BIN="$PWD/bin" >out 2>err; [ $? -ne 0 ]; } &&
	[ -f c/2015/371323105201/notice-town.html ] &&
	error town-371323105 NOT_RECEIVED 371323105201 "" "notice-town.html" &&
	error county-371323 NOT_RECEIVED 371323105201 "" "notice-town.html" &&
	error town-371323105 DECISION_MISMATCH 371323105201 H002 &&
	[ ! -d $TA/received/371323105201 ] && [ ! -d $CA/received/371323105201 ]'

# After the county's announcement: H002 (over the quota) made confirmed in
# publicized-county.csv before tpa-file files it. The county's audit
# re-derives that list: the registry made from it is never received nor
# counted.
expect "publicized-county.csv forged before tpa-file, PROVENANCE.csv made to match: DECISION_MISMATCH names H002; the registry is not received nor counted" '
	forge tpa-publicize "f=publicized-county.csv; [ -f \$f ] && grep -q \"^371323105201,H002,.*,over_quota,\" \$f || exit 0
sed -i \"s/^\\(371323105201,H002,.*\\),over_quota,C2;SCALE,/\\1,confirmed,,/\" \$f && $provenance" &&
	county c && { make -s --no-print-directory -C c/2015/county-371323 TPA_MK_DIR="$MK" TPA_BIN="$PWD/bin" >out 2>err; [ $? -ne 0 ]; } &&
	grep -q "^371323105201,H002," c/2015/371323105201/registry/households.csv &&
	error county-371323 DECISION_MISMATCH 371323105201 H002 "publicized-county.csv.*decision" &&
	only county-371323 DECISION_MISMATCH H002 &&
	[ ! -d $CA/received/371323105201/2 ] && [ -d $CA/received/371323105202/2/registry ] &&
	grep -qx "not_received,371323105201,," $CA/stats.csv'

# --- the inputs, changed after the town received the village -----------

expect "income lowered in survey.csv after the town received it, make clean: CHANGED_AFTER_RECEIPT names survey.csv, H002, wage_income, and no other household" '
	tamper 371323105201 "$lower survey.csv" &&
	error town-371323105 CHANGED_AFTER_RECEIPT 371323105201 H002 "survey.csv H002 wage_income 6000.00 → 1000.00" &&
	error county-371323 CHANGED_AFTER_RECEIPT 371323105201 H002 "survey.csv H002 wage_income" &&
	only town-371323105 CHANGED_AFTER_RECEIPT H002 && only county-371323 CHANGED_AFTER_RECEIPT H002 &&
	grep -qx "371323105201 (双河村), 2015: village notice: blocked: appraised.csv changed after the notice was posted and its objections recorded (the notice shows otherwise: H002): post the new list again" out &&
	[ -f c/2015/371323105201/notice-village.html ] && cmp -s c/2015/371323105201/notice-village.html "$REF/2015/371323105201/notice-village.html" &&
	received 1 town-371323105 371323105201 && honest 371323105201'

# H038 was not appraised (no vote): a vote for it is added.
expect "a vote added after the town received the village: CHANGED_AFTER_RECEIPT names votes.csv and H038" '
	tamper 371323105201 "echo H038,30,2,0 >>votes.csv" &&
	error town-371323105 CHANGED_AFTER_RECEIPT 371323105201 H038 "votes.csv H038" &&
	only town-371323105 CHANGED_AFTER_RECEIPT H038 && honest 371323105201'

# H035 was voted down 15:17; the count is turned round.
expect "the votes of a household changed after the town received the village: CHANGED_AFTER_RECEIPT names votes.csv and H035" '
	tamper 371323105201 "sed -i \"s/^H035,15,17,0/H035,25,7,0/\" votes.csv" &&
	error town-371323105 CHANGED_AFTER_RECEIPT 371323105201 H035 "votes.csv H035 votes_for 15 → 25" &&
	only town-371323105 CHANGED_AFTER_RECEIPT H035 && honest 371323105201'

# H033's objection (runs a business in the county town) was upheld: H033
# was removed from the list. Written down as dismissed, it would stay.
expect "an upheld objection dismissed after the town received the village: CHANGED_AFTER_RECEIPT names objections-village.csv and H033" '
	tamper 371323105201 "sed -i \"s/^H033,\\(.*\\),成立,/H033,\\1,dismissed,/\" objections-village.csv" &&
	error town-371323105 CHANGED_AFTER_RECEIPT 371323105201 H033 "objections-village.csv H033 outcome upheld → dismissed" &&
	only town-371323105 CHANGED_AFTER_RECEIPT H033 && honest 371323105201'

expect "a household deleted from every input after the town received it: CHANGED_AFTER_RECEIPT names it in each file" '
	tamper 371323105201 "for f in applications.csv survey.csv votes.csv; do grep -v \"^H036,\" \$f >x && mv x \$f; done" &&
	error town-371323105 CHANGED_AFTER_RECEIPT 371323105201 H036 "applications.csv H036" &&
	error town-371323105 CHANGED_AFTER_RECEIPT 371323105201 H036 "survey.csv H036" &&
	error town-371323105 CHANGED_AFTER_RECEIPT 371323105201 H036 "votes.csv H036" &&
	only town-371323105 CHANGED_AFTER_RECEIPT H036 && honest 371323105201'

expect "the representatives present in village.yaml changed after the town received it: CHANGED_AFTER_RECEIPT names village.yaml appraisal.representatives" '
	tamper 371323105201 "sed -i \"s/representatives: 32/representatives: 99/\" village.yaml" &&
	error town-371323105 CHANGED_AFTER_RECEIPT 371323105201 "" "village.yaml appraisal.representatives 32 → 99" &&
	honest 371323105201'

expect "the meeting and posting dates in village.yaml changed after the town received it: CHANGED_AFTER_RECEIPT names each key" '
	tamper 371323105201 "sed -i \"s/date: 2015-06-03/date: 2015-06-01/; s/start: 2015-06-05, end: 2015-06-11/start: 2015-06-04, end: 2015-06-12/\" village.yaml" &&
	error town-371323105 CHANGED_AFTER_RECEIPT 371323105201 "" "village.yaml appraisal.date 2015-06-03 → 2015-06-01" &&
	error town-371323105 CHANGED_AFTER_RECEIPT 371323105201 "" "village.yaml publicity.village.start 2015-06-05 → 2015-06-04" &&
	error town-371323105 CHANGED_AFTER_RECEIPT 371323105201 "" "village.yaml publicity.village.end 2015-06-11 → 2015-06-12" &&
	honest 371323105201'

# The objections file gone: the village's make waits for it again (the
# period looks open), the audits name every objection that was received.
expect "objections-village.csv deleted after the town received it: CHANGED_AFTER_RECEIPT names H031, H033, H037 and the row without a household" '
	tamper 371323105201 "rm objections-village.csv" &&
	only town-371323105 CHANGED_AFTER_RECEIPT "H031 H033 H037" &&
	error town-371323105 CHANGED_AFTER_RECEIPT 371323105201 "" "objections-village.csv" &&
	honest 371323105201'

# 王德明's ID number (H002's head) changed in its middle digits, which
# the mask hides: the audit names the household, and no full ID.
expect "an ID number changed in its masked digits: CHANGED_AFTER_RECEIPT names H002 in applications.csv; no full ID in any audit.csv or sample.csv" '
	tamper 371323105201 "sed -i \"s/^H002,王德明,371323197209180311,/H002,王德明,371323197309180311,/\" applications.csv" &&
	error town-371323105 CHANGED_AFTER_RECEIPT 371323105201 H002 "applications.csv H002 371323\*\*\*\*\*\*\*\*0311" &&
	only town-371323105 CHANGED_AFTER_RECEIPT H002 &&
	! grep -q "[0-9]\{17\}[0-9X]" c/2015/*/audit.csv c/2015/*/sample.csv'

# --- facts the town and county own --------------------------------------

expect "the quota set in village.yaml: refused by the stage, naming villages.csv; the registry stays" '
	tamper 371323105201 "echo \"quota: 30\" >>village.yaml" keep &&
	grep -q "^tpa-[a-z]*: village.yaml:[0-9]*:[0-9]*: quota is the town.s: set it in ../town-371323105/villages.csv\$" err &&
	honest 371323105201'

# A private copy of the county's rules with a higher line (9,000 yuan),
# used by hand out of the area on a copy of the village, and appraised.csv
# with its PROVENANCE.csv brought back.
expect "a private rules file used by hand out of the area: RULES_DIFFER in both audits, naming the village" '
	tamper 371323105203 "sed \"s/poverty_line: 2855 /poverty_line: 9000 /\" ../../rules/yishui-2015.yaml >../../rules/mine.yaml &&
		mkdir ../../hand && cp -a . ../../hand/v &&
		sed -i \"s/^year: 2015/  population: 439\\n  key_village: false\\nyear: 2015\\nrules: ..\\/..\\/rules\\/mine.yaml/\" ../../hand/v/village.yaml &&
		(cd ../../hand/v && tpa-appraise -q --village village.yaml -o appraised.csv primary.csv votes.csv) &&
		cp ../../hand/v/appraised.csv ../../hand/v/PROVENANCE.csv ." keep &&
	error town-371323105 RULES_DIFFER 371323105203 "" "rules/mine.yaml" &&
	error county-371323 RULES_DIFFER 371323105203 "" "rules/mine.yaml" &&
	honest 371323105203'

expect "a village folder the town does not list (a copy of 南岭村 as 371323105204): VILLAGE_NOT_LISTED" '
	tamper 371323105203 "cp -a . ../371323105204 && sed -i \"s/371323105203/371323105204/\" ../371323105204/village.yaml" keep &&
	error town-371323105 VILLAGE_NOT_LISTED 371323105204 "" &&
	[ ! -d $TA/received/371323105204 ] && [ ! -d $CA/received/371323105204 ]'

# --- notices and the posted paper ---------------------------------------

# H033's row cut out of the posted village notice (H033 is in the list).
expect "a row removed from notice-village.html: NOTICE_MISMATCH names H033" '
	tamper 371323105201 "sed -i \"/<td>H033<\\/td>/d\" notice-village.html" keep &&
	error town-371323105 NOTICE_MISMATCH 371323105201 H033 "notice-village.html" &&
	only town-371323105 NOTICE_MISMATCH H033 && honest 371323105201'

# The town typed the fingerprint it read off the posted paper into
# villages.csv: the paper was not the list's.
expect "posted_village in villages.csv not the fingerprint of the list: NOTICE_MISMATCH names the village" '
	tamper 371323105201 "cd ../town-371323105 &&
		sed -i \"1s/\$/,posted_village/; 2s/\$/,1111 2222 3333 4444 5555 6666 7777 8888/; 3,4s/\$/,/\" villages.csv" keep &&
	error town-371323105 NOTICE_MISMATCH 371323105201 "" "posted_village.*1111 2222 3333 4444 5555 6666 7777 8888.*96d9 5819 e819 ceea" &&
	[ "$(grep -c "^error," $TA/audit.csv)" = 1 ]'

# --- objections -----------------------------------------------------------

expect "the county's objection written in the village folder: never read; OWNER_FILE_IN_VILLAGE" '
	tamper 371323105203 "printf \"户编号,反映对象,受理日期,异议类型,反映内容,处理结果,处理日期,处理人\\n01,,2015-06-23,错评,反映该户有人开店,成立,2015-06-24,沂水县扶贫办\\n\" >objections-county.csv" keep &&
	error county-371323 OWNER_FILE_IN_VILLAGE 371323105203 "" "objections-county.csv" &&
	cmp c/2015/371323105203/publicized-county.csv "$REF/2015/371323105203/publicized-county.csv" &&
	honest 371323105203'

# The county's announcement ran 2015-06-21 to 06-25; an objection dated
# 06-28 is taken in the county's own file.
expect "an objection received after the county's period: OBJECTION_OUTSIDE_PERIOD names 002" '
	copy && printf "371323105202,002,,2015-06-28,错评,反映该户有存款,不成立,2015-06-29,县扶贫办\n" >>$CA/objections-county.csv &&
	cmake c >out 2>err &&
	found county-371323 warning OBJECTION_OUTSIDE_PERIOD 371323105202 002 "2015-06-28" &&
	noerror'

# --- a village that drops out ---------------------------------------------

# 南岭村 drops out before anything was received: its inputs are gone, a
# registry (an old copy) left in its folder. The county counts only what
# it received: 南岭村 is a row of its own, its households in no count.
# Its make waits for applications.csv, as a new village does, and removes
# the registry made from lists it no longer has; put back, the county's
# audit and statistics see it.
expect "a village that drops out, a registry left in its folder: NOT_RECEIVED, stats.csv lists it as not_received and counts none of it" '
	county c && (cd c/2015/371323105203 && rm -f applications.csv survey.csv votes.csv objections-village.csv) &&
	cp -R "$REF/2015/371323105203/registry" c/2015/371323105203/ &&
	cmake c >out 2>err &&
	grep -q "^371323105203 (南岭村), 2015: apply: waiting: for applications.csv" out &&
	[ ! -e c/2015/371323105203/registry ] &&
	cp -R "$REF/2015/371323105203/registry" c/2015/371323105203/ &&
	make -s --no-print-directory -C $CA TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" audit stats >out 2>err &&
	error county-371323 NOT_RECEIVED 371323105203 "" &&
	grep -qx "not_received,371323105203,," $CA/stats.csv &&
	n=$(cat c/2015/371323105201/registry/households.csv c/2015/371323105202/registry/households.csv \
		c/2015/371323106201/registry/households.csv | grep -c ",new,2015,") &&
	grep -qx "status,new,$n,[0-9]*" $CA/stats.csv'

expect "a village that deletes its inputs and lists after the county received it: CHANGED_AFTER_RECEIPT names every household deleted" '
	tamper 371323105203 "rm -f applications.csv survey.csv votes.csv objections-village.csv applicants.csv rejects-*.csv primary.csv appraised.csv notice-*.html letters-*.html publicized-*.csv resurvey.csv" &&
	for h in 01 02 03 04 05; do
		error town-371323105 CHANGED_AFTER_RECEIPT 371323105203 $h "survey.csv $h" || exit 1
	done'

# --- the registry ---------------------------------------------------------

expect "a registry status changed after the county received it: CHANGED_AFTER_RECEIPT names registry/households.csv and H031" '
	tamper 371323105201 "sed -i \"s/^\\(371323105201,H031,.*\\),new,2015,2015,/\\1,continuing,2015,2015,/\" registry/households.csv" keep &&
	error county-371323 CHANGED_AFTER_RECEIPT 371323105201 H031 "registry/households.csv H031 status new → continuing" &&
	only county-371323 CHANGED_AFTER_RECEIPT H031'

expect "a household added to the registry after the county received it: CHANGED_AFTER_RECEIPT names H099" '
	tamper 371323105201 "sed -n 2p registry/households.csv | sed \"s/,H001,张建国,37132319580312011X,/,H099,王大,371323198001010019,/\" >>registry/households.csv" keep &&
	error county-371323 CHANGED_AFTER_RECEIPT 371323105201 H099 "registry/households.csv H099" &&
	only county-371323 CHANGED_AFTER_RECEIPT H099 &&
	! grep -q 371323198001010019 $CA/audit.csv'

# next DOCTOR: the honest 2015 in c/, DOCTOR (shell text) run in
# c/2015/371323105201, then 2016 run by the county's make: it must fail.
next() {
	copy && cp -R "$SAMPLE/county/2016" c/ &&
	(cd c/2015/371323105201 && eval "$1") &&
	{ cmake c 2016 >out 2>err; [ $? -ne 0 ]; }
}
expect "last year's registry: a status doctored before the 2016 run: PREVIOUS_CHANGED names H031; the stage stops" '
	next "sed -i \"s/^\\(371323105201,H031,.*\\),new,2015,2015,/\\1,continuing,2015,2015,/\" registry/households.csv" &&
	grep -q "^error,PREVIOUS_CHANGED,371323105201,H031,.*registry/households.csv H031 status new → continuing" c/2016/county-371323/audit.csv &&
	grep -q "^tpa-apply: ../../2015/371323105201/registry: PREVIOUS_CHANGED" err &&
	[ ! -f c/2016/371323105201/applicants.csv ]'

expect "last year's registry: a household added before the 2016 run: PREVIOUS_CHANGED names H099" '
	next "sed -n 2p registry/households.csv | sed \"s/,H001,张建国,37132319580312011X,/,H099,王大,371323198001010019,/\" >>registry/households.csv" &&
	grep -q "^error,PREVIOUS_CHANGED,371323105201,H099,.*registry/households.csv H099" c/2016/county-371323/audit.csv'

expect "last year's registry named in village.yaml (a private, doctored copy): refused, naming villages.csv" '
	copy && cp -R "$SAMPLE/county/2016" c/ && mkdir c/mine && cp -R c/2015/371323105201/registry c/mine/ &&
	sed -i "s/^\(371323105201,H031,.*\),new,2015,2015,/\1,continuing,2015,2015,/" c/mine/registry/households.csv &&
	echo "previous: ../../mine/registry" >>c/2016/371323105201/village.yaml &&
	{ cmake c 2016 >out 2>err; [ $? -ne 0 ]; } &&
	grep -q "^tpa-apply: village.yaml:[0-9]*:[0-9]*: previous is the town.s: set it in ../town-371323105/villages.csv\$" err &&
	[ ! -f c/2016/371323105201/applicants.csv ]'

# --- the sample -----------------------------------------------------------

expect "no seed in town.yaml: SAMPLE_PREDICTABLE" '
	copy && sed -i "s/, seed: \"[^\"]*\"//" $TA/town.yaml && ! grep -q "seed:" $TA/town.yaml &&
	cmake c >out 2>err &&
	found town-371323105 warning SAMPLE_PREDICTABLE "" "" "seed"'

# A dummy applicant, H099, added after the town received the village: the
# draw is made from the received list, so it cannot be steered.
expect "a dummy applicant added after receipt: CHANGED_AFTER_RECEIPT names H099; both draws are the honest run's" '
	tamper 371323105201 "printf \"H099,王大,371323198001010019,户主,男,,健康,普通劳动力,初中,,务农,,2015/5/20,困难\\n\" >>applications.csv &&
		printf \"H099,2015/5/26,李干事;王委员,0,0,0,0,安全,安全,否,因病,否,0\\n\" >>survey.csv" &&
	error town-371323105 CHANGED_AFTER_RECEIPT 371323105201 H099 "applications.csv" &&
	same $TA/sample.csv "$REF/2015/town-371323105/sample.csv" &&
	same $CA/sample.csv "$REF/2015/county-371323/sample.csv"'

# --- the ledgers ----------------------------------------------------------

# The cadre lowers H002's income and, with the town's folder open, makes
# the received copy and its ledger row say the same.
edit_copy='f=../town-371323105/received/371323105201/1/survey.csv && chmod u+w $f && '"$lower"' $f survey.csv &&
	new=$(sha256sum <$f | cut -c1-64) &&
	awk -F, -v OFS=, -v n="$new" "\$4 == \"received/371323105201/1/survey.csv\" { \$5 = n } 1" ../town-371323105/LEDGER.csv >x &&
	mv x ../town-371323105/LEDGER.csv'

expect "a received file edited together with its ledger row: LEDGER_BROKEN in the town's audit" '
	tamper 371323105201 "$edit_copy" &&
	grep -q "^error,LEDGER_BROKEN,,,.*LEDGER.csv:5: " $TA/audit.csv &&
	error county-371323 LEDGER_BROKEN 371323105201 "" "town-371323105/LEDGER.csv" &&
	honest 371323105201'

# rechain: every prev of the town's ledger recomputed after that edit.
rechain='L=../town-371323105/LEDGER.csv && awk -F, -v OFS=, "
	function sha(s,   c, h) { c = \"printf %s \\\"\" s \"\\\" | sha256sum\"; c | getline h; close(c); return substr(h, 1, 64) }
	NR <= 2 { print; prev = \$0; next }
	{ \$6 = sha(prev); print; prev = \$0 }" $L >x && mv x $L'

expect "a town ledger rewritten with a recomputed chain: the town's chain verifies, the county's pin does not (LEDGER_BROKEN)" '
	tamper 371323105201 "$edit_copy && $rechain" &&
	! grep -q "^error,LEDGER_BROKEN," $TA/audit.csv &&
	error county-371323 LEDGER_BROKEN 371323105201 "" "town-371323105/LEDGER.csv#30" &&
	honest 371323105201'

# The states on disk when an audit is killed during a receipt.
expect "killed before its rows were written: a .N.tmp-PID folder without rows is removed, no LEDGER_BROKEN" '
	copy && mkdir -p $CA/received/371323105201/.3.tmp-4242/registry &&
	cp c/2015/371323105201/registry/households.csv $CA/received/371323105201/.3.tmp-4242/registry/ &&
	rm $CA/audit.csv && cmake c >out 2>err &&
	[ "$(ls -A $CA/received/371323105201)" = "$(printf "1\n2")" ] &&
	ledgers && noerror'

expect "killed after its rows were written: the county's folder still .2.tmp-PID is renamed to 2, no LEDGER_BROKEN" '
	copy && mv $CA/received/371323106201/2 $CA/received/371323106201/.2.tmp-4242 &&
	rm $CA/audit.csv && cmake c >out 2>err &&
	[ "$(ls -A $CA/received/371323106201)" = "$(printf "1\n2")" ] &&
	diff -r $CA/received/371323106201/2 "$REF/2015/county-371323/received/371323106201/2" &&
	ledgers && noerror'

expect "killed after its rows were written: the town's folder still .1.tmp-PID is renamed to 1, no LEDGER_BROKEN" '
	copy && mv $TA/received/371323105203/1 $TA/received/371323105203/.1.tmp-4242 &&
	rm $TA/audit.csv && cmake c >out 2>err &&
	[ "$(ls -A $TA/received/371323105203)" = 1 ] &&
	ledgers && noerror'

# The same state forged to slip an edit in: the hashes no longer match.
expect "a received folder renamed to .1.tmp-PID with a file in it edited: not completed, LEDGER_BROKEN" '
	tamper 371323105201 "T=../town-371323105/received/371323105201 && mv \$T/1 \$T/.1.tmp-4242 &&
		chmod u+w \$T/.1.tmp-4242/survey.csv && $lower \$T/.1.tmp-4242/survey.csv survey.csv" &&
	error town-371323105 LEDGER_BROKEN 371323105201 "" "survey.csv" &&
	[ ! -d $TA/received/371323105201/1 ] && honest 371323105201'

expect "make clean in the village, the town and the county keeps every receipt and ledger" '
	copy &&
	for d in 371323105201 town-371323105 county-371323; do
		vclean $d || exit 1
	done &&
	ledgers &&
	diff -r $TA/received "$REF/2015/town-371323105/received" >/dev/null &&
	diff -r $CA/received "$REF/2015/county-371323/received" >/dev/null'

expect "make clean in a village, nothing changed: the routine make recovers, no finding, the same registry" '
	copy && vclean 371323105201 && cmake c >out 2>err &&
	noerror && ledgers && [ -f c/2015/371323105201/registry/households.csv ] && honest 371323105201'

# --- precision --------------------------------------------------------------

# survey.csv and votes.csv of 东峪村 re-saved by a spreadsheet: GB18030,
# CRLF, the first two columns swapped, household 001 written 1.
resave='for f in survey.csv votes.csv; do
		awk -F, -v OFS=, "{ t = \$2; \$2 = \$1; \$1 = t; if (NR > 1) \$2 = \$2 + 0; print }" $f |
		iconv -f UTF-8 -t GB18030 | sed "s/\$/\r/" >x && mv x $f || exit 1
	done'

expect "village.yaml rewritten in block style with a comment after receipt, the same values: no finding" '
	copy && sed -i "s/^  village: {start: 2015-06-05, end: 2015-06-11}/  village:\n    start: 2015-06-05   # posted on the board\n    end: 2015-06-11/" c/2015/371323105201/village.yaml &&
	grep -q "^    start: 2015-06-05 " c/2015/371323105201/village.yaml && vclean 371323105201 &&
	cmake c >out 2>err && noerror && ledgers && honest 371323105201'

expect "a spreadsheet re-save after receipt (GB18030, CRLF, columns swapped, 001 as 1): no finding, the same registry" '
	copy && (cd c/2015/371323105202 && eval "$resave") &&
	! cmp -s c/2015/371323105202/survey.csv "$REF/2015/371323105202/survey.csv" &&
	iconv -f GB18030 -t UTF-8 c/2015/371323105202/survey.csv | grep -q "^2015-05-25,1,孙干事;王会计,3600,1800,0,1200,安全,安全,否,因病,无,0.\$" &&
	cmake c >out 2>err && noerror && ledgers && honest 371323105202'

# applications.csv's household numbers written without their zeros (the
# same values), then make clean: the lists come out with other bytes; the
# town's and county's later lists, removed by make to be made again, are
# no change after receipt while they are not there.
expect "applications.csv re-saved with 001 as 1 after the posting, then make clean: the posted notice (kept) shows the same values, so the routine make goes through, no finding; the notice is made again from the list as it is now" '
	copy && sed -i "s/^00\\([0-9]\\),/\\1,/" c/2015/371323105202/applications.csv &&
	grep -q "^1," c/2015/371323105202/applications.csv && vclean 371323105202 &&
	[ -f c/2015/371323105202/notice-village.html ] &&
	cmake c >out 2>err && cmake c >out 2>err && noerror &&
	[ -f c/2015/371323105202/registry/households.csv ] && received 1 town-371323105 371323105202'

expect "an input changed after receipt, then put back as it was received: the routine make recovers, no finding" '
	tamper 371323105201 "cp -p survey.csv ../../keep.csv && $lower survey.csv" &&
	error town-371323105 CHANGED_AFTER_RECEIPT 371323105201 H002 &&
	cp -p c/keep.csv c/2015/371323105201/survey.csv && vclean 371323105201 &&
	cmake c >out 2>err && noerror && honest 371323105201 && ledgers'

expect "one household changed by hand in publicized-village.csv: the audit names that household alone, whatever make removed since" '
	tamper 371323105201 "sed -i \"/,H002,/s/,over_quota,/,confirmed,/\" publicized-village.csv" keep &&
	error town-371323105 CHANGED_AFTER_RECEIPT 371323105201 H002 "publicized-village.csv" &&
	only town-371323105 CHANGED_AFTER_RECEIPT H002'

# A received copy and its ledger row edited in the town's folder, nothing
# in the village: the routine make audits again (the audit depends on the
# ledger and the copies) and finds it.
expect "a received copy edited with its ledger row, the village untouched: the routine make finds LEDGER_BROKEN" '
	copy && f=$TA/received/371323105201/1/survey.csv && chmod u+w $f &&
	sed -i "s/^H002,2015\/5\/26,李干事;王委员,6000,/H002,2015\/5\/26,李干事;王委员,1000,/" $f &&
	new=$(sha256sum <$f | cut -c1-64) &&
	awk -F, -v OFS=, -v n="$new" "\$4 == \"received/371323105201/1/survey.csv\" { \$5 = n } 1" $TA/LEDGER.csv >x &&
	mv x $TA/LEDGER.csv && { cmake c >out 2>err; [ $? -ne 0 ]; } &&
	grep -q "^error,LEDGER_BROKEN," $TA/audit.csv && grep -q "^error,LEDGER_BROKEN," $CA/audit.csv'

# Last year's registry doctored together with the county's received copy
# of it (the ledger left alone): the copy is not what the ledger names.
expect "last year's registry doctored together with the county's copy of it: PREVIOUS_CHANGED; the stage stops" '
	next "C=../county-371323/received/371323105201/2/registry && chmod u+w \$C/*.csv &&
		for d in registry \$C; do
			sed -n 2p \$d/households.csv | sed \"s/,H001,张建国,37132319580312011X,/,H099,王大,371323198001010019,/\" >>\$d/households.csv &&
			sed -n 2,3p \$d/members.csv | sed \"s/,H001,张建国,37132319580312011X,/,H099,王大,371323198001010019,/; s/,H001,李秀英,371323196007050223,/,H099,李红,371323198201010028,/\" >>\$d/members.csv || exit 1
		done" &&
	grep -q "^error,PREVIOUS_CHANGED,371323105201,,.*received/371323105201/2/registry/households.csv" c/2016/county-371323/audit.csv &&
	grep -q "^tpa-apply: ../../2015/371323105201/registry: PREVIOUS_CHANGED" err &&
	[ ! -f c/2016/371323105201/applicants.csv ]'
