#!/bin/sh
# The make flow of a village in an area: its town and county resolve steps
# take the owner's objections file (../town-T/objections-town.csv,
# ../county-C/objections-county.csv) and wait, in one plain line with make
# exiting 0, until the owner has closed the posting; tpa status says what
# the village waits for; tpa status --closed answers for make.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-area-sample.sh"
# make's own behaviour: the programs it runs are checked under valgrind
# by the scripts that call them directly.
not_under_valgrind "make's statuses and dependencies"
# vmake DIR [ARGS]: make in a village folder, without the audits.
vmake() {
	_d=$1
	shift
	make -s --no-print-directory -C "$_d" TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 "$@"
}
no_make_error() {
	! grep -q "\*\*\*\|Error" "$1" || { cat "$1"; return 1; }
}
# waits ERR LINE: the only "tpa:" line of ERR is LINE.
waits() {
	[ "$(grep -c "^tpa:" "$1")" = 1 ] && grep -qx "$2" "$1" || { cat "$1"; return 1; }
}

expect "no town objections file yet: make waits for the town file in one line and exits 0; tpa status says so (exit 3)" '
	area && vmake $A >out 2>err && no_make_error err &&
	waits err "tpa: waiting for ../town-371323105/objections-town.csv: the town records there the objections its posting drew (a header row alone if there were none)" &&
	[ -f $A/notice-town.html ] && [ ! -e $A/publicized-town.csv ] &&
	status 3 tpa status --no-audit $A >st && grep -q "town objections *waiting: for .*town-371323105/objections-town.csv (the town records its objections there)" st'

expect "the town file there but the posting not closed: make waits in one line (again on every run), exits 0, writes no town list; tpa status: the town has not closed its posting (exit 3)" '
	area && objections && vmake $A >out 2>err && no_make_error err &&
	W="tpa: waiting: the town has not closed the posting of 371323105201: its objections are not final; set town_closed in ../town-371323105/villages.csv" &&
	waits err "$W" && [ ! -e $A/publicized-town.csv ] &&
	vmake $A >out 2>err && no_make_error err && waits err "$W" &&
	status 3 tpa status --no-audit $A >st &&
	grep -q "town objections *waiting: the town has not closed its posting: set town_closed in .*town-371323105/villages.csv" st &&
	status 3 tpa status --brief --no-audit $A >b && grep -q "town objections: waiting: the town has not closed its posting" b &&
	(cd $A && status 3 tpa status --closed town) >cl && grep -qx "the town has not closed the posting of 371323105201: .*" cl'

expect "once town_closed is set make goes on: the town list takes A's row of the town file (H031 removed), then waits for the county file in one line" '
	area && objections && closed 371323105201 2015-06-21 &&
	(cd $A && status 0 tpa status --closed town) >cl && [ ! -s cl ] &&
	vmake $A >out 2>err && no_make_error err &&
	waits err "tpa: waiting for ../county-371323/objections-county.csv: the county records there the objections its announcement drew (a header row alone if there were none)" &&
	[ "$(decision $A/publicized-town.csv H031)" = removed ] &&
	[ "$(decision $A/publicized-town.csv H032)" = confirmed ] && [ -f $A/notice-county.html ]'

expect "a stray objections-town.csv in the village folder changes nothing in the make flow" '
	area && objections && closed 371323105201 2015-06-21 &&
	{ echo "household_id,about,received,kind,summary,outcome,decided,decided_by";
	  echo "H032,,2015-06-16,wrongly_included,rival,upheld,2015-06-19,county office"; } >$A/objections-town.csv &&
	vmake $A >out 2>err && no_make_error err &&
	[ "$(decision $A/publicized-town.csv H032)" = confirmed ]'

expect "a town_closed on or before the end stops make (it needs action): DATE_ORDER; tpa status: blocked (exit 1), --closed exit 2" '
	area && objections && closed 371323105201 2015-06-20 &&
	! vmake $A >out 2>err && grep -q "DATE_ORDER" err && [ ! -e $A/publicized-town.csv ] &&
	status 1 tpa status --no-audit $A >st && grep -q "town objections *blocked: .*villages.csv: the closing date 2015-06-20 is not after the end of the posting 2015-06-20 (DATE_ORDER)" st &&
	(cd $A && status 2 tpa status --closed town) 2>e && grep -q DATE_ORDER e'

expect "the county: make waits for county.yaml publicity.closed in one line, then runs to the registry; an edit of villages.csv for another village or of the county's closing date afterwards remakes this village's lists with the same bytes, and the make after that has nothing to do" '
	area && objections && closed 371323105201 2015-06-21 &&
	echo "$HEAD" >$CO/objections-county.csv &&
	vmake $A >out 2>err && no_make_error err &&
	waits err "tpa: waiting: the county has not closed the announcement of 371323105201: its objections are not final; set publicity.closed in ../county-371323/county.yaml" &&
	[ ! -e $A/publicized-county.csv ] &&
	sed -i "s/^#   closed: 2015-06-26/  closed: 2015-06-26/" $CO/county.yaml &&
	vmake $A >out 2>err && no_make_error err && [ -f $A/registry/households.csv ] &&
	status 0 tpa status --no-audit $A >/dev/null &&
	(cd $A && cat publicized-*.csv resurvey.csv registry/*.csv | sha256sum) >before &&
	closed 371323105202 2015-06-23 && sed -i "s/^  closed: 2015-06-26/  closed: 2015-06-27/" $CO/county.yaml &&
	vmake $A >out 2>err && no_make_error err &&
	(cd $A && cat publicized-*.csv resurvey.csv registry/*.csv | sha256sum) >after && cmp before after &&
	vmake $A >out 2>err && [ ! -s err ] && [ ! -s out ]'

expect "outside an area tpa status --closed exits 0 and prints nothing, and the make flow reads the village folder objections files as before" '
	area && rm -rf $T $CO && cp "$SAMPLE_FLAT/county/2015/371323105201/village.yaml" $A/ &&
	(cd $A && status 0 tpa status --closed town && status 0 tpa status --closed county) >cl && [ ! -s cl ] &&
	echo "household_id,about,received,kind,summary,outcome,decided,decided_by" >$A/objections-town.csv &&
	vmake $A >out 2>err && no_make_error err &&
	waits err "tpa: waiting for objections-county.csv: post notice-county.html; when its period is over, record the objections there (a header row alone if there were none) and run make again" &&
	[ -f $A/publicized-town.csv ] &&
	(cd $A && status 2 tpa status --closed parish) 2>e && grep -q "town or county" e'
