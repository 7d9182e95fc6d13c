#!/bin/sh
# One audit of a level's folder at a time: two town audits started together
# (make -j in two shells, a clerk's double click) take each village's
# receipt once, in one chain, and the ledger verifies; a second audit
# waits while another holds the folder.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-area-sample.sh"

expect "two town audits at once: 20 rows (10 files of each of the 2 villages, receipt 1 only), one chain, no LEDGER_BROKEN at the next audit" '
	area &&
	{ tpa-audit -q --level town -o $T >o1 2>e1 & p1=$!; } &&
	{ tpa-audit -q --level town -o $T >o2 2>e2 & p2=$!; } &&
	wait $p1; wait $p2;
	[ "$(tail -n +2 $T/LEDGER.csv | wc -l)" -eq 20 ] &&
	[ -z "$(tail -n +2 $T/LEDGER.csv | cut -d, -f3 | grep -vx 1)" ] &&
	[ -z "$(chain $T/LEDGER.csv)" ] &&
	[ "$(ls $T/received/371323105201 | tr "\n" " ")" = "1 " ] &&
	status 0 tpa-audit -q --level town -o $T && ! grep -q "^error," $T/audit.csv'

expect "an audit waits while the town folder's received/ is held (flock), then runs" '
	area && command -v flock >/dev/null &&
	{ mkdir -p $T/received && flock $T/received sleep 2 & h=$!; } && sleep 0.5 &&
	s=$(date +%s) && tpa-audit -q --level town -o $T && e=$(date +%s) && wait $h &&
	[ $((e - s)) -ge 1 ] && [ -f $T/received/371323105201/1/survey.csv ]'
