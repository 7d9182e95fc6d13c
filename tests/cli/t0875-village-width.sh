#!/bin/sh
# The village's width, to which tpa-apply pads a household number written
# without its leading zeros: last year's registry's, else the width most of
# this year's households are written in with a leading zero. Only accepted
# rows count, and one household written wider keeps its own form without
# renumbering the others. The sample village 371323105202 of 2015 writes
# its six households 001 .. 006 (no previous registry).
. "$(dirname "$0")/lib.sh"

sample() {
	cp -R "$SAMPLE/county" c && cd c/2015/371323105202
}
# The households of the output, in the order first seen, one a line.
households() {
	tail -n +2 "$1" | cut -d, -f2 | uniq
}

expect "a row refused for a 41-digit household number does not set the width: 001 .. 006 written as typed" '
	sample &&
	echo "00000000000000000000000000000000000000009,赵九,370102195001011217,户主,男,,健康,普通劳动力,小学,,务农,,一组,2015-05-18,无" >>applications.csv &&
	tpa-apply -q --village . -o a.csv applications.csv &&
	[ "$(households a.csv | tr "\n" " ")" = "001 002 003 004 005 006 " ] &&
	grep -q ",17,371323105202,00000000000000000000000000000000000000009,.*,household_id,BAD_VALUE," rejects-apply.csv &&
	! grep -q LEADING_ZEROS rejects-apply.csv'

expect "one household typed 0006 among 001 .. 005 keeps its form; the others are not renumbered, no warning" '
	sample && sed -i "s/^006,/0006,/" applications.csv &&
	tpa-apply -q --village . -o a.csv applications.csv &&
	[ "$(households a.csv | sort | tr "\n" " ")" = "0006 001 002 003 004 005 " ] &&
	! grep -q LEADING_ZEROS rejects-apply.csv'

expect "the most common width, not the widest: 6 is padded to 006 though 0005 is wider; one warning, for 6" '
	sample && sed -i "s/^005,/0005,/; s/^006,/6,/" applications.csv &&
	tpa-apply -q --village . -o a.csv applications.csv &&
	[ "$(households a.csv | sort | tr "\n" " ")" = "0005 001 002 003 004 006 " ] &&
	[ "$(grep -c LEADING_ZEROS_RESTORED rejects-apply.csv)" -eq 1 ] &&
	grep -q ",15,371323105202,6,.*,household_id,LEADING_ZEROS_RESTORED," rejects-apply.csv'
