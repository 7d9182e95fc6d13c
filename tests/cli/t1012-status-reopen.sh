#!/bin/sh
# tpa status of a town's folder says what waits for a reopen (SPEC §8
# "Reopening"): for a village with an open row of the town's reopen.csv,
# REPOST_MISSING and what is missing, or that the next audit receives it
# again; once received again, nothing waits. A bad row is shown with its
# line.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "a longer script of the area's checks; t0950, t0951, t0961 and t0972 run the same code under memcheck"
. "$(dirname "$0")/lib-area-sample.sh"
. "$(dirname "$0")/lib-received.sh"
V=371323105201
fp() { sha256sum <"$1" | cut -c1-32 | sed 's/..../& /g; s/ $//'; }
cell() {
	awk -F, -v OFS=, -v c=$V -v k="$1" -v x="$2" '$1 == c { $k = x } { print }' $T/villages.csv >vc &&
	mv vc $T/villages.csv
}
# reopened: both received, A corrected, the town's row for A.
reopened() {
	area && town_audit && [ -d $T/received/$V/1 ] &&
	sed -i "s/^H002,2015\/5\/26,李干事;王委员,6000,/H002,2015\/5\/26,李干事;王委员,1000,/" $A/survey.csv &&
	rebuild $V && echo "$V,2015-06-11,更正" >>$T/reopen.csv
}
# lines: what status says of A, without the receipt's file list.
lines() {
	tpa status $T | grep -A1 "^  $V " | grep -v "^  371323105202 " |
	    sed "s/: receipt \([0-9]*\):.*/: receipt \1/"
}

expect "a reopen row, nothing posted again: status says REPOST_MISSING with the row and what is missing, and exits 1 (the village, its list changed after its posting, is blocked at its notice until posted again)" '
	reopened && status 1 tpa status $T >/dev/null && lines >got &&
	printf "  %s (双河村): receipt 1\n    REPOST_MISSING reopen.csv:2 (2015-06-11): 村级公示期开始于2015-06-05，不在重新受理日期2015-06-11之后; villages.csv的posted_village未填写张贴的appraised.csv的指纹（%s）\n" \
	    $V "$(fp $A/appraised.csv)" >want && same got want'

expect "posted again with its fingerprint typed: status says the next audit receives A again; after that audit nothing waits" '
	reopened &&
	sed -i "s/^  village: {start: 2015-06-05, end: 2015-06-11}/  village: {start: 2015-06-12, end: 2015-06-18}/" $A/village.yaml &&
	newpost $V &&
	cell 7 2015-06-19 && cell 8 2015-06-25 &&
	sed -i "s/^  start: 2015-06-21 /  start: 2015-06-26 /; s/^  end: 2015-06-25 /  end: 2015-06-30 /" $CO/county.yaml &&
	rebuild $V && cell 11 "$(fp $A/appraised.csv)" && rebuild $V && rebuild 371323105202 &&
	lines >got &&
	printf "  %s (双河村): receipt 1\n    reopen.csv:2 (2015-06-11): posted again; the next audit receives it again\n" $V >want &&
	same got want && town_audit && [ -d $T/received/$V/2 ] && lines >got &&
	printf "  %s (双河村): receipt 2\n" $V >want && same got want'

expect "a bad row of reopen.csv: status shows it with its line" '
	reopened && echo "$V,2015-02-30,x" >>$T/reopen.csv &&
	status 1 tpa status $T >out && grep -q "^  BAD_VALUE -: .*reopen.csv:3: date: \"2015-02-30\" is not a date" out'
