#!/bin/sh
# A level that waits again (its list changed, its objections file not
# there yet, its audit not run on the new list) leaves nothing after it
# looking current: the outputs made from the old list are removed, as
# make clean would remove them (never an input), make prints one waiting
# line and exits 0, and tpa status says the village waits at that step.
. "$(dirname "$0")/lib.sh"
# make's own behaviour: the programs it runs are checked under valgrind
# by the scripts that call them directly.
not_under_valgrind "make's statuses and dependencies"
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)

county() {
	mkdir -p "$1" && cp -R "$SAMPLE_FLAT/county/." "$1/" && sample_rules "$1" &&
	rm -rf "$1/2016" "$1/2017"
}
vmake() {
	_d=$1
	shift
	make -s --no-print-directory -C "$_d" TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" "$@"
}
no_make_error() {
	! grep -q "\*\*\*\|Error" "$1" || { cat "$1"; return 1; }
}
Y=c/2015
V=$Y/371323105201
# revote V: the county run through, then H001 voted down, a new village
# publicity period, and its objections not recorded yet.
revote() {
	county c && vmake $Y/county-371323 >/dev/null 2>&1 &&
	[ -f $V/registry/households.csv ] && grep -q "^[0-9]*,H001," $V/registry/households.csv &&
	sed -i "s/^H001,30,2,0/H001,2,30,0/" $V/votes.csv && grep -q "^H001,2,30,0" $V/votes.csv &&
	sed -i "s/village: {start: 2015-06-05, end: 2015-06-11}/village: {start: 2015-06-06, end: 2015-06-12}/" $V/village.yaml &&
	grep -q "2015-06-06, end: 2015-06-12" $V/village.yaml &&
	mv $V/objections-village.csv objections-village.csv
}
# nothing_after_village: no output after the village objections is left.
nothing_after_village() {
	for f in publicized-village.csv notice-town.html letters-town.html publicized-town.csv \
	    notice-county.html letters-county.html publicized-county.csv registry \
	    .tpa-town-audit .tpa-county-audit; do
		[ ! -e $V/$f ] || { echo "left: $f"; return 1; }
	done
	# nor its row in PROVENANCE.csv, which the audits check
	! grep -q "^publicized-village.csv,\|^notice-town.html,\|^registry/" $V/PROVENANCE.csv
}

expect "a village list changed while its objections are not recorded: one waiting line, exit 0, nothing after it rebuilt from the old list, status waiting" '
	revote && vmake $V >out 2>err && no_make_error err &&
	[ "$(grep -c "^tpa:" err)" -eq 1 ] && grep -q "^tpa: waiting for objections-village.csv" err &&
	grep -q "^[0-9]*,H001,.*,voted_down," $V/appraised.csv &&
	nothing_after_village &&
	[ -f $V/notice-village.html ] && [ -f $V/letters-village.html ] &&
	status 3 tpa status --brief $V >b &&
	grep -q "village objections: waiting: for objections-village.csv (the period runs 2015-06-06 to 2015-06-12)" b &&
	! grep -q "every step done" b &&
	status 3 tpa status $V >l && ! grep -q "town audit  *done\|county audit  *done" l &&
	[ "$(grep -c "not yet$" l)" -eq 7 ] &&
	vmake $V >out 2>err && [ "$(grep -c "^tpa:" err)" -eq 1 ] && nothing_after_village
'

expect "its objections recorded then: waiting for the town audit is one line and exit 0, no stage refusing a list" '
	revote && vmake $V >/dev/null 2>&1 &&
	cp objections-village.csv $V/ && vmake $V >out 2>err && no_make_error err &&
	[ "$(grep -c "^tpa:" err)" -eq 1 ] && ! grep -q "^tpa-publicize:" err && grep -q "^tpa: waiting for the town audit" err &&
	[ -f $V/publicized-village.csv ] && [ ! -e $V/notice-town.html ] && [ ! -e $V/registry ] &&
	status 3 tpa status --brief $V >b && grep -q "town audit: waiting" b
'

expect "the town and county run again: the village goes through with H001 no longer registered" '
	revote && vmake $V >/dev/null 2>&1 && cp objections-village.csv $V/ &&
	vmake $Y/county-371323 >out 2>err && no_make_error err &&
	status 0 tpa status --brief $V >b && grep -q "every step done" b &&
	grep -q "^[0-9]*,H001,.*,voted_down," $V/appraised.csv && ! grep -q "^[0-9]*,H001," $V/registry/households.csv
'

