#!/bin/sh
# Exit statuses of the make rules and of tpa status. Waiting for a period
# to end or for an audit is the normal state: one plain line, no make
# error line, make exits 0. A village that needs action (blocked by an
# audit error, quorum not met, bad input) makes the make of its village,
# its town and its county fail. tpa status (and --brief) exits 0 done,
# 3 waiting, 1 blocked, 2 error; over several folders, the worst.
. "$(dirname "$0")/lib.sh"
# make's own behaviour: the programs it runs are checked under valgrind
# by the scripts that call them directly.
not_under_valgrind "make's statuses and dependencies"
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)

# county DIR: the sample county's 2015 in DIR, its rules beside it.
county() {
	mkdir -p "$1" && cp -R "$SAMPLE_FLAT/county/." "$1/" && sample_rules "$1" &&
	rm -rf "$1/2016" "$1/2017"
}
# vmake DIR [ARGS]: make in a village (or town) folder.
vmake() {
	_d=$1
	shift
	make -s --no-print-directory -C "$_d" TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" "$@"
}
# no_make_error FILE: no line of make's own ("*** ...", "Error").
no_make_error() {
	! grep -q "\*\*\*\|Error" "$1" || { cat "$1"; return 1; }
}
Y=c/2015

expect "a village waiting for its objections: one plain line, no make error, exit 0; tpa status exits 3" '
	county c && V=$Y/371323105203 && rm $V/objections-village.csv &&
	vmake $V TPA_AUDIT=0 >out 2>err && no_make_error err &&
	[ "$(grep -c "^tpa:" err)" -eq 1 ] &&
	grep -qx "tpa: waiting for objections-village.csv: post notice-village.html; when its period is over, record the objections there (a header row alone if there were none) and run make again" err &&
	[ -f $V/notice-village.html ] && [ ! -e $V/publicized-village.csv ] && [ ! -e $V/registry ] &&
	status 3 tpa status --brief --no-audit $V >b && grep -q "village objections: waiting" b &&
	status 3 tpa status --no-audit $V >/dev/null &&
	vmake $V status TPA_AUDIT=0 >st 2>err2 && grep -q "waiting" st && no_make_error err2 &&
	vmake $V TPA_AUDIT=0 >out 2>err3 && [ "$(grep -c "^tpa:" err3)" -eq 1 ] && no_make_error err3
'

expect "a village waiting for its town audit: one plain line, exit 0" '
	county c && V=$Y/371323105203 &&
	vmake $V >out 2>err && no_make_error err &&
	[ "$(grep -c "^tpa:" err)" -eq 1 ] &&
	grep -qx "tpa: waiting for the town audit: run make in ../town-371323105 (its audit covers the villages that have publicized-village.csv)" err &&
	[ -f $V/publicized-village.csv ] && [ ! -e $V/notice-town.html ] &&
	status 3 tpa status --brief $V >/dev/null
'

expect "a county whose villages all wait for objections: county make exits 0 without a make error line" '
	county c && rm $Y/371323105201/objections-county.csv $Y/371323105203/objections-village.csv \
	    $Y/371323105202/objections-town.csv $Y/371323106201/objections-town.csv &&
	vmake $Y/county-371323 >out 2>err && no_make_error err && no_make_error out &&
	status 3 tpa status --brief $Y/3713*
'

expect "a county run to the end: make exits 0, tpa status --brief 0 for all" '
	county c && vmake $Y/county-371323 >out 2>err && no_make_error err &&
	status 0 tpa status --brief $Y/3713* >b && [ "$(grep -c "every step done" b)" -eq 4 ]
'

expect "an error of the town audit (one person in two villages): the village, town and county makes fail; tpa status exits 1" '
	county c && sed -i "3a 001,李秀英,371323196007050223,其他,女,,健康,普通劳动力,小学,,务农,,,," $Y/371323105202/applications.csv &&
	{ vmake $Y/county-371323 >out 2>err; rc=$?; } ; [ "$rc" -ne 0 ] &&
	grep -q "^error,DUPLICATE_PERSON,371323105202," $Y/town-371323105/audit.csv &&
	{ vmake $Y/town-371323105 >out 2>err; rc=$?; } ; [ "$rc" -ne 0 ] &&
	{ vmake $Y/371323105202 >out 2>err; rc=$?; } ; [ "$rc" -ne 0 ] &&
	grep -q "the town audit found errors for 371323105202" err &&
	status 1 tpa status --brief $Y/371323105202 >/dev/null &&
	status 1 tpa status $Y/371323105202 >/dev/null &&
	status 0 tpa status --brief $Y/371323106201 >/dev/null &&
	[ -d $Y/371323106201/registry ] && [ -d $Y/371323105203/registry ]
'

expect "quorum not met: the village make fails; tpa status exits 1 (blocked)" '
	county c && V=$Y/371323105201 && sed -i "s/^  representatives: 32/  representatives: 5/" $V/village.yaml &&
	grep -q "representatives: 5" $V/village.yaml &&
	{ vmake $V TPA_AUDIT=0 >out 2>err; rc=$?; } ; [ "$rc" -ne 0 ] &&
	status 1 tpa status --brief --no-audit $V >b && grep -q "appraise: blocked" b
'

expect "an invalid village.yaml in one village: the others run to their registries, the county make fails, tpa status exits 2" '
	county c && echo "year: [" >>$Y/371323105203/village.yaml &&
	{ vmake $Y/county-371323 >out 2>err; rc=$?; } ; [ "$rc" -ne 0 ] &&
	[ -d $Y/371323105201/registry ] && [ -d $Y/371323106201/registry ] &&
	status 2 tpa status --brief $Y/371323105203 2>/dev/null &&
	{ vmake $Y/371323105203 >out 2>err; rc=$?; } ; [ "$rc" -ne 0 ]
'

expect "a stage that failed on bad input (recorded by make): tpa status exits 2 (failed)" '
	county c && V=$Y/371323105201 && printf "household_id\n" >$V/survey.csv &&
	{ vmake $V TPA_AUDIT=0 >out 2>err; rc=$?; } ; [ "$rc" -ne 0 ] &&
	status 2 tpa status --brief --no-audit $V >b && grep -q "survey: failed" b
'

expect "tpa status over several folders exits with the worst: error, then blocked, then waiting, then done" '
	county c && vmake $Y/county-371323 >/dev/null 2>&1 &&
	W=$Y/w && B=$Y/b && E=$Y/e &&
	cp -R $Y/371323105201 $W && rm -rf $W/registry $W/publicized-county.csv $W/objections-county.csv &&
	cp -R $Y/371323105202 $B && sed -i "s/^  representatives: .*/  representatives: 5/" $B/village.yaml &&
	{ tpa-appraise -q --village $B/village.yaml -o $B/appraised.csv $B/primary.csv $B/votes.csv; [ $? -eq 1 ]; } &&
	mkdir $E && echo "year: [" >$E/village.yaml &&
	status 0 tpa status --brief $Y/371323105201 $Y/371323106201 >/dev/null &&
	status 3 tpa status --brief --no-audit $W $Y/371323106201 >/dev/null &&
	status 3 tpa status --brief --no-audit $Y/371323106201 $W >/dev/null &&
	status 1 tpa status --brief --no-audit $W $B $Y/371323106201 >/dev/null &&
	status 2 tpa status --brief --no-audit $B $E $W >/dev/null 2>&1 &&
	status 2 tpa status --brief --no-audit $E $B >/dev/null 2>&1
'
