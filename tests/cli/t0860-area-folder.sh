#!/bin/sh
# A village's code is the one its village.yaml gives, never its folder's
# name: the make rules' audit gate reads it so. In an area (a folder
# holding town-*/town.yaml or county-*/county.yaml beside the villages) a
# village folder must be named by its code: every stage, tpa status and
# tpa-init refuse any other name (exit 2, naming both), and tpa-audit
# reports FOLDER_NOT_CODE for that village and goes on with the others.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "an area's villages through make; the plain and ASan+UBSan builds run it, and the audit runs under memcheck in t0700"
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)

# county DIR: the sample county's 2015, its rules beside it.
county() {
	mkdir -p "$1" && cp -R "$SAMPLE_FLAT/county/." "$1/" && sample_rules "$1" &&
	rm -rf "$1/2016" "$1/2017"
}
# recode FOLDER CODE: FOLDER's village.yaml gives CODE.
recode() {
	sed -i "s/^  code: \".*\"/  code: \"$2\"/" "$1/village.yaml" && grep -q "code: \"$2\"" "$1/village.yaml"
}
# SHUANGHE: 李秀英 of 双河村 (371323105201), household H001.
SHUANGHE_ROW='001,李秀英,371323196007050223,其他,女,,健康,普通劳动力,小学,,务农,,,,'

expect "code 371323105209 in folder 371323105202 with a person of 105201: the town audit's DUPLICATE_PERSON stops the village at the gate" '
	county c && V=c/2015/371323105202 && recode $V 371323105209 &&
	sed -i "3a $SHUANGHE_ROW" $V/applications.csv &&
	grep -q "^001,李秀英,371323196007050223," $V/applications.csv &&
	{ make -s --no-print-directory -C c/2015/county-371323 TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" >make.log 2>&1 || true; } &&
	grep -q "^error,DUPLICATE_PERSON,371323105209,001," c/2015/town-371323105/audit.csv &&
	[ -f $V/publicized-village.csv ] && [ ! -e $V/notice-town.html ] &&
	[ ! -e $V/.tpa-town-audit ] && [ ! -e $V/registry ] &&
	grep -q "the town audit found errors for 371323105209" make.log &&
	{ tpa status --brief $V >brief || true; } &&
	grep -q "^371323105209 .*town audit: blocked: 1 error for this village" brief
'

expect "tpa status --code prints the code village.yaml gives, not the folder name" '
	county c && recode c/2015/371323105202 371323105209 &&
	[ "$(tpa status --code c/2015/371323105202)" = 371323105209 ] &&
	[ "$(cd c/2015/371323105202 && tpa status --code)" = 371323105209 ]
'

expect "outside an area a village folder may have any name: the stages and tpa status take it" '
	county c && mv c/2015/371323105202 c/2015/dongyu &&
	tpa-apply -q --village c/2015/dongyu/village.yaml -o c/2015/dongyu/applicants.csv c/2015/dongyu/applications.csv &&
	[ "$(tpa status --code c/2015/dongyu/)" = 371323105202 ] &&
	(cd c/2015/dongyu && tpa status >/dev/null; [ $? -ne 2 ])
'

# area C: the county C/2015 becomes an area (a town.yaml, or a county.yaml).
expect "in an area (a town-*/town.yaml beside it) a folder not named by its code is refused by a stage: exit 2 naming both" '
	county c && recode c/2015/371323105202 371323105209 && touch c/2015/town-371323105/town.yaml &&
	status 2 tpa-apply --village c/2015/371323105202/village.yaml -o a.csv c/2015/371323105202/applications.csv 2>err &&
	[ ! -e a.csv ] && grep -q "371323105202" err && grep -q "371323105209" err &&
	grep -q "is not the village.s code" err
'

expect "in an area (a county-*/county.yaml beside it): a stage run from the village folder, tpa status and make refuse it" '
	county c && recode c/2015/371323105202 371323105209 && touch c/2015/county-371323/county.yaml &&
	V=c/2015/371323105202 &&
	(cd $V && status 2 tpa-apply --village village.yaml -o applicants.csv applications.csv) 2>err &&
	grep -q "371323105202.*371323105209" err && [ ! -e $V/applicants.csv ] &&
	status 2 tpa status $V 2>err2 && grep -q "371323105202.*371323105209" err2 &&
	status 2 tpa status --code $V && status 2 tpa status --brief $V >/dev/null &&
	{ make -s -C $V TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" >mk 2>&1; [ $? -ne 0 ]; } &&
	grep -q "371323105202.*371323105209" mk && [ ! -e $V/applicants.csv ]
'

expect "in an area a folder named by its code passes the folder check: the stage goes on to what the area's files own" '
	county c && touch c/2015/town-371323105/town.yaml &&
	status 2 tpa-apply -q --village c/2015/371323105202/village.yaml -o a.csv c/2015/371323105202/applications.csv 2>err &&
	! grep -q "is not the village.s code" err &&
	grep -q "village.yaml:[0-9]*:[0-9]*: village.population is the town.s: set it in ../town-371323105/villages.csv" err
'

expect "in an area tpa-init refuses a folder whose name is not --code: exit 2, nothing made" '
	county c && touch c/2015/town-371323105/town.yaml &&
	status 2 tpa-init --code 371323105209 --year 2015 c/2015/371323105210 2>err &&
	[ ! -e c/2015/371323105210 ] && grep -q "371323105210.*371323105209" err &&
	tpa-init -q --code 371323105210 --year 2015 c/2015/371323105210 && [ -f c/2015/371323105210/village.yaml ]
'

expect "outside an area tpa-init makes a folder of any name" '
	tpa-init -q --code 371323105209 --year 2015 v2015 && [ -f v2015/village.yaml ]
'

# The area here is an empty town.yaml: the villages named by their code
# are audited, and each is reported for its area's files (their
# village.yaml sets what the town owns), not for its folder.
expect "in an area tpa-audit reports FOLDER_NOT_CODE for that village (in its language) and audits the others" '
	county c && recode c/2015/371323105202 371323105209 &&
	for v in 371323105201 371323105203; do
		make -s -C c/2015/$v TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 >/dev/null 2>&1 || return 1
	done && touch c/2015/town-371323105/town.yaml &&
	status 1 tpa-audit -q --level town -o . c/2015/371323105201 c/2015/371323105202/ c/2015/371323105203 &&
	[ "$(grep -c "^error,[A-Z_]*,371323105209," audit.csv)" -eq 1 ] &&
	grep -q "^error,FOLDER_NOT_CODE,371323105209,,村文件夹名371323105202不是村代码371323105209" audit.csv &&
	[ "$(grep -c "^error,FOLDER_NOT_CODE," audit.csv)" -eq 1 ] &&
	grep -q "^error,BAD_VALUE,371323105201,,.*is the town.s: set it in ../town-371323105/villages.csv" audit.csv &&
	grep -q "^error,BAD_VALUE,371323105203,,.*is the town.s: set it in ../town-371323105/villages.csv" audit.csv
'
