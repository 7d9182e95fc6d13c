#!/bin/sh
# tpa-file stats counts each village of one year once, and each
# household's people as a whole number of 1 or more: the same village
# twice (two copies, or two years), registries of two years, or a members
# cell that is not such a number is exit 2, nothing written, the message
# naming the file and line or both registries.
. "$(dirname "$0")/lib.sh"

HDR=village_code,household_id,head_name,head_id_number,members,per_capita_income,attribute,main_cause,other_causes,status,year,registered_since,exited_year
MHDR=village_code,household_id,name,id_number,relation,labor,health,age

# registry DIR CODE YEAR [MEMBERS]: one household H1 of MEMBERS people (2).
registry() {
	mkdir -p "$1" &&
	printf "%s\n" "$HDR" "$2,H1,张一,370102195001011217,${4-2},1000.00,general,illness,,new,$3,$3," >"$1/households.csv" &&
	printf "%s\n" "$MHDR" "$2,H1,张一,370102195001011217,head,full,healthy,60" \
	    "$2,H1,张二,370102196002022414,spouse,none,serious,50" >"$1/members.csv"
}

expect "two villages of one year: counted once each (households 2, people 4)" '
	registry a 371323105201 2016 && registry b 371323105202 2016 &&
	tpa-file stats -q -o . a b &&
	grep -qx "status,new,2,4" stats.csv && grep -qx "main_cause,illness,2,4" stats.csv'

expect "the same village_code twice (a copy of its registry): exit 2 naming both, nothing written" '
	registry a 371323105201 2016 && cp -R a copy &&
	status 2 tpa-file stats -q -o . a copy 2>err &&
	grep -qx "tpa-file: copy: village 371323105201 is also the registry a: it would be counted twice" err &&
	[ ! -e stats.csv ] && [ ! -e stats.svg ]'

expect "one village registered for two years: exit 2 (counted twice), nothing written" '
	registry v15 371323105201 2015 && registry v16 371323105201 2016 &&
	status 2 tpa-file stats -q -o . v15 v16 2>err &&
	grep -q "v16: village 371323105201 is also the registry v15" err && [ ! -e stats.csv ]'

expect "registries of different years: exit 2 naming both years, nothing written" '
	registry a 371323105201 2015 && registry b 371323105202 2016 &&
	status 2 tpa-file stats -q -o . a b 2>err &&
	grep -qx "tpa-file: b: the registry of 2016, and a of 2015: statistics add up registries of one year" err &&
	[ ! -e stats.csv ]'

expect "a registry whose rows name two villages or two years: exit 2 naming the lines" '
	registry a 371323105201 2016 &&
	printf "%s\n" "371323105209,H2,李四,370102196203033427,1,900.00,general,illness,,new,2016,2016," >>a/households.csv &&
	status 2 tpa-file stats -q -o . a 2>err &&
	grep -q "a/households.csv:3: village 371323105209 of 2016, and line 2 village 371323105201 of 2016" err &&
	registry b 371323105201 2016 &&
	printf "%s\n" "371323105201,H2,李四,370102196203033427,1,900.00,general,illness,,new,2015,2015," >>b/households.csv &&
	status 2 tpa-file stats -q -o . b 2>err && grep -q "b/households.csv:3: village 371323105201 of 2015" err &&
	[ ! -e stats.csv ]'

for bad in -5 abc 1e3 3.5 0 "" 99999999999999999999 " 2x"; do
expect "members \"$bad\": exit 2 naming file and line, nothing written" "
	registry a 371323105201 2016 '$bad' &&
	status 2 tpa-file stats -q -o . a 2>err &&
	grep -q 'a/households.csv:2: members \"$(echo "$bad" | sed 's/^ *//')\" is not a whole number of 1 or more' err &&
	[ ! -e stats.csv ]"
done

expect "members 1 and 1000 are whole numbers: counted (members.csv holding as many rows)" '
	registry a 371323105201 2016 1 && sed -i 3d a/members.csv && tpa-file stats -q -o . a && grep -qx "status,new,1,1" stats.csv &&
	registry b 371323105202 2016 1000 &&
	{ echo "$MHDR" && seq 1 1000 | sed "s/.*/371323105202,H1,某,370102195001011217,member,full,healthy,30/"; } >b/members.csv &&
	mkdir o && tpa-file stats -q -o o b && grep -qx "status,new,1,1000" o/stats.csv'
