#!/bin/sh
# tpa-file stats takes households.csv's members only when members.csv
# agrees: each household has as many rows there as its members say, and
# every row of members.csv is of a household of households.csv (its
# village_code and household_id). Otherwise the registry is damaged: exit
# 2 naming the file, the line and the household, nothing written.
. "$(dirname "$0")/lib.sh"

HDR=village_code,household_id,head_name,head_id_number,members,per_capita_income,attribute,main_cause,other_causes,status,year,registered_since,exited_year
MHDR=village_code,household_id,name,id_number,relation,labor,health,age

# registry DIR MEMBERS: village 371323105201 of 2016, household H1 of
# MEMBERS people in households.csv (line 2), two rows in members.csv
# (lines 2 and 3).
registry() {
	mkdir -p "$1" &&
	printf "%s\n" "$HDR" "371323105201,H1,张一,370102195001011217,$2,1000.00,general,illness,,new,2016,2016," >"$1/households.csv" &&
	printf "%s\n" "$MHDR" "371323105201,H1,张一,370102195001011217,head,full,healthy,60" \
	    "371323105201,H1,张二,370102196002022414,spouse,none,serious,50" >"$1/members.csv"
}

expect "members 2 and two rows: counted (households 1, people 2)" '
	registry a 2 && tpa-file stats -q -o . a && grep -qx "status,new,1,2" stats.csv'

expect "members 3 and two rows: exit 2 naming households.csv, its line, the household and members.csv" '
	registry a 3 &&
	status 2 tpa-file stats -q -o . a 2>err &&
	grep -qxF "tpa-file: a/households.csv:2: household H1 has 3 members, and 2 rows in a/members.csv: the registry is damaged" err &&
	[ ! -e stats.csv ] && [ ! -e stats.svg ]'

expect "members 2 and one row: exit 2" '
	registry a 2 && sed -i 3d a/members.csv &&
	status 2 tpa-file stats -q -o . a 2>err &&
	grep -qF "a/households.csv:2: household H1 has 2 members, and 1 rows in a/members.csv" err && [ ! -e stats.csv ]'

expect "a household of households.csv with no row in members.csv: exit 2" '
	registry a 2 &&
	echo "371323105201,H2,李三,370102197004042114,1,900.00,general,illness,,new,2016,2016," >>a/households.csv &&
	status 2 tpa-file stats -q -o . a 2>err &&
	grep -qF "a/households.csv:3: household H2 has 1 members, and 0 rows in a/members.csv" err && [ ! -e stats.csv ]'

expect "a row of members.csv of a household not in households.csv: exit 2 naming members.csv and its line" '
	registry a 2 && echo "371323105201,H9,王九,370102198008082417,head,full,healthy,30" >>a/members.csv &&
	status 2 tpa-file stats -q -o . a 2>err &&
	grep -qxF "tpa-file: a/members.csv:4: household H9 of village 371323105201 is not in a/households.csv: the registry is damaged" err &&
	[ ! -e stats.csv ]'

expect "a row of members.csv of another village (household H1 there too): exit 2" '
	registry a 2 && sed -i "3s/^371323105201,/371323105299,/" a/members.csv &&
	status 2 tpa-file stats -q -o . a 2>err &&
	grep -qF "a/members.csv:3: household H1 of village 371323105299 is not in a/households.csv" err && [ ! -e stats.csv ]'

expect "a household twice in households.csv: exit 2" '
	registry a 1 && sed -i 3d a/members.csv && sed -n 2p a/households.csv >>a/households.csv &&
	status 2 tpa-file stats -q -o . a 2>err &&
	grep -qF "a/households.csv:3: household H1 is there twice: the registry is damaged" err && [ ! -e stats.csv ]'
