#!/bin/sh
# Last year's registry is whole only when each household of households.csv
# has as many rows in members.csv as its members column says (one at
# least): a household without rows, or with more or fewer, is a damaged
# registry, exit 2 naming the household and both files, nothing written.
#
# The village of t0500-file.sh (made up to 2016): its 2015 registry holds A (1 member), B (2:
# 李二, 王三), C (1) and R (1, 孙五), households.csv lines 2-5.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "several years of one village; the plain and ASan+UBSan builds run it, and the readers it drives run under memcheck in t0500 and t0700"
eval "$(sed -n '/^RULES=/,/^# status YEAR HOUSEHOLD/p' "$(dirname "$0")/t0500-file.sh")"

ready() {
	years && run 2015 && run 2016 && cp -R v/2015/registry last &&
	sed -n 5p last/households.csv | grep -q "^371323105201,R,孙五,[0-9X]*,1," &&
	sed -n 3p last/households.csv | grep -q "^371323105201,B,李二,[0-9X]*,2,"
}

expect "the whole 2015 registry is taken (the cases below change only what they say)" '
	ready &&
	tpa-apply -q --village v/2016 --previous last -o a.csv v/2016/applications.csv &&
	grep -q ",A,张一," a.csv'

expect "a household of households.csv with no row in members.csv: exit 2 naming it and both files, by tpa-apply and tpa-file" '
	ready && sed -i "/,R,孙五,/d" last/members.csv && ! grep -q ",R," last/members.csv &&
	status 2 tpa-apply -q --village v/2016 --previous last -o a.csv v/2016/applications.csv 2>err &&
	grep -q "^tpa-apply: last/households.csv:5: household R has no row in last/members.csv: the registry is damaged$" err &&
	[ ! -e a.csv ] &&
	status 2 tpa-file -q --previous last -o o v/2016 2>err &&
	grep -q "last/households.csv:5: household R has no row in last/members.csv" err && [ ! -e o/households.csv ]'

expect "members 3 in households.csv for B, 2 rows in members.csv: exit 2" '
	ready && sed -i "3s/^\(371323105201,B,李二,[0-9X]*\),2,/\1,3,/" last/households.csv &&
	status 2 tpa-apply -q --village v/2016 --previous last -o a.csv v/2016/applications.csv 2>err &&
	grep -q "^tpa-apply: last/households.csv:3: household B has 3 members, and 2 rows in last/members.csv: the registry is damaged$" err &&
	[ ! -e a.csv ]'

expect "B with 2 members but one row left in members.csv: exit 2" '
	ready && sed -i "/,B,王三,/d" last/members.csv &&
	status 2 tpa-file -q --previous last -o o v/2016 2>err &&
	grep -q "^tpa-file: last/households.csv:3: household B has 2 members, and 1 rows in last/members.csv: the registry is damaged$" err &&
	[ ! -e o/households.csv ]'

expect "members that is not a whole number of 1 or more: exit 2" '
	ready && sed -i "3s/^\(371323105201,B,李二,[0-9X]*\),2,/\1,0,/" last/households.csv &&
	status 2 tpa-apply -q --village v/2016 --previous last -o a.csv v/2016/applications.csv 2>err &&
	grep -q "last/households.csv:3: household B: members \"0\" is not a whole number of 1 or more: the registry is damaged" err'
