#!/bin/sh
# The small pieces behind make as a clerk uses it, one program at a time
# (so that they run under valgrind too): tpa --mk-dir, the lines of tpa
# wait in English and in Chinese (the catalogue found beside the program,
# no TPA_LOCALEDIR), a blocked step's reason said in the locale's
# language, tpa status in a town's folder outside an area, and the
# .tpa-bin.mk that tpa-init writes when its programs are not on PATH.
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd -P)

expect "tpa --mk-dir: a clone's programs name the clone's build-aux" '
	[ "$(tpa --mk-dir)" = "$ROOT/build-aux" ] && [ -f "$(tpa --mk-dir)/village.mk" ]'

expect "tpa wait: each waiting line, in English under C" '
	tpa wait objections town 2>e1 && tpa wait owner-objections county ../county-371323/objections-county.csv 2>e2 &&
	tpa wait closed "the town has not closed its posting" 2>e3 &&
	tpa wait audit-missing county ../county-371323 publicized-town.csv 2>e4 &&
	tpa wait audit-stale town ../town-371323105 publicized-village.csv 2>e5 &&
	tpa wait no-code 2>e6 && tpa wait no-audit county 371323 town 2>e7 &&
	tpa wait audit-errors town 371323105201 ../town-371323105 2>e8 &&
	cat e1 e2 e3 e4 e5 e6 e7 e8 >got && cat >want <<EOF && same got want
tpa: waiting for objections-town.csv: post notice-town.html; when its period is over, record the objections there (a header row alone if there were none) and run make again
tpa: waiting for ../county-371323/objections-county.csv: the county records there the objections its announcement drew (a header row alone if there were none)
tpa: waiting: the town has not closed its posting
tpa: waiting for the county audit: run make in ../county-371323 (its audit covers the villages that have publicized-town.csv)
tpa: waiting for the town audit: it has not covered this village'"'"'s publicized-village.csv yet: run make in ../town-371323105
tpa: village.yaml gives no code that can be read: run make status
tpa: county 371323: no village has finished its town posting yet: no audit
tpa: the town audit found errors for 371323105201: see ../town-371323105/audit.csv; correct them, then run make in ../town-371323105
EOF
'

expect "tpa wait: an unknown line, or a wrong count of arguments, exits 2" '
	status 2 tpa wait nonsense 2>err && grep -q "no line \"nonsense\" with 0 arguments" err &&
	status 2 tpa wait objections 2>/dev/null && status 2 tpa wait objections city 2>/dev/null &&
	status 2 tpa wait no-audit town 371323105 county 2>/dev/null'

if have_zh; then
expect "tpa wait under zh_CN.UTF-8 with no TPA_LOCALEDIR: Chinese, the level in the papers' words" '
	zh tpa wait audit-missing town ../town-371323105 publicized-village.csv 2>e1 &&
	zh tpa wait no-audit town 371323105 village 2>e2 &&
	cat e1 e2 >got && cat >want <<EOF && same got want
tpa: 等待乡镇审核：请在 ../town-371323105 中运行 make（审核已有 publicized-village.csv 的村）
tpa: 乡镇 371323105：还没有村完成村级公示，暂不审核
EOF
'
else
	skip "zh_CN.UTF-8 is not generated on this machine"
fi

# village: a village folder made by tpa-init in y/2015, a town folder
# without town.yaml beside it.
village() {
	tpa-init -q --code 371323105201 --year 2015 y/2015/371323105201 &&
	mkdir y/2015/town-371323105 y/2015/371323106201
}

expect "tpa status in a town's folder outside an area: its villages, one line each, and the count; exit 3 (waiting)" '
	village && { tpa status y/2015/town-371323105 >out; [ $? -eq 3 ]; } &&
	cat >want <<EOF && same out want
371323105201, 2015: apply: waiting: for applications.csv (fill in templates/applications.csv)
town 371323105: 1 villages: 0 done, 1 waiting, 0 blocked, 0 failed
  no village is blocked: each line above says what it waits for (make here runs the audits)
EOF
'

expect "tpa status in a folder named like a town with too few digits: exit 2, said" '
	mkdir town-12 && status 2 tpa status town-12 2>err &&
	grep -q "town-12 is neither a village" err'

expect "a blocked step: its English reason in .tpa-blocked.mk, said in English under C and in Chinese under zh_CN" '
	village && V=y/2015/371323105201 &&
	: >$V/applications.csv &&
	printf "#! applicants.csv: 2 objection(s) pending: 004 005; the town publicity period lasted 3 days, the rules require 7\napplicants.csv: .tpa-blocked\n" >$V/.tpa-blocked.mk &&
	{ tpa status $V >out; [ $? -eq 1 ]; } &&
	grep -qx "  apply                blocked: 2 objection(s) pending: 004 005; the town publicity period lasted 3 days, the rules require 7" out &&
	if have_zh; then
		{ zh tpa status $V >zh.out; [ $? -eq 1 ]; } &&
		grep -qx "  申请                 受阻: 2 条异议待定：004 005；乡镇级公示期只有 3 天，规则要求 7 天" zh.out
	fi'

expect "tpa-init with its programs not on PATH: ../.tpa-bin.mk names their folder, .gitignore lists it; with them on PATH, none" '
	env PATH=/usr/bin:/bin "$TPA_BIN/tpa-init" -q --code 371323105201 --year 2015 y/2015/371323105201 &&
	bin=$(sed -n "s/^TPA_BIN ?= //p" y/2015/.tpa-bin.mk) && [ -x "$bin/tpa-init" ] &&
	[ "$("$bin/tpa" --mk-dir)" = "$ROOT/build-aux" ] &&
	grep -qx ".tpa-bin.mk" y/2015/.gitignore &&
	env PATH="$bin:/usr/bin:/bin" "$TPA_BIN/tpa-init" -q --code 371323105201 --year 2015 z/2015/371323105201 &&
	[ ! -e z/2015/.tpa-bin.mk ] && [ -f z/2015/371323105201/Makefile ]'
