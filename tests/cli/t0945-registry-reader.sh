#!/bin/sh
# One reader of a registry's files (households.csv, members.csv): last
# year's registry (tpa-apply, tpa-file, tpa-init --previous), the
# statistics rolled up by tpa-file stats and the audit's look at
# registry/households.csv read a status, a year and a header alike.
. "$(dirname "$0")/lib.sh"
RULES=$(cd "$(dirname "$0")/../../rules" && pwd)

HDR=village_code,household_id,head_name,head_id_number,members,per_capita_income,attribute,main_cause,other_causes,status,year,registered_since,exited_year
MHDR=village_code,household_id,name,id_number,relation,labor,health,age

# registry DIR YEAR STATUS [HEADER]: one household A of 1 person, of 2016.
registry() {
	mkdir -p "$1" &&
	printf "%s\n" "${4-$HDR}" "371323105201,A,张一,370102195001011217,1,1000.00,general,illness,,$3,$2,2015," >"$1/households.csv" &&
	printf "%s\n" "$MHDR" "371323105201,A,张一,370102195001011217,head,full,healthy,60" >"$1/members.csv"
}

# last_year: old/, a village of 2016 whose registry is old/registry.
last_year() {
	mkdir -p old && (cd old && village && sed -i "s/^year: .*/year: 2016/" village.yaml)
}

# A village folder the audit can read: village.yaml naming shipped rules.
audit_village() {
	mkdir -p rules v/371323105201 && cp "$RULES"/*.yaml rules/ &&
	(cd v/371323105201 && village && echo "rules: ../../rules/example-2015.yaml" >>village.yaml)
}

expect "the audit reads a status as last year's reader does: 未说明 (unexplained by its label) is UNEXPLAINED_EXIT" '
	audit_village && registry v/371323105201/registry 2016 未说明 &&
	status 1 tpa-audit -q --level county -o . v/371323105201 &&
	grep -q "^error,UNEXPLAINED_EXIT,371323105201,A,上年已建档，本年既未确认也不符合退出条件（registry/households.csv）$" audit.csv &&
	grep -c UNEXPLAINED_EXIT audit.csv | grep -qx 1'

expect "the audit: status unexplained by its code is reported the same, continuing is not" '
	audit_village && registry v/371323105201/registry 2016 unexplained &&
	status 1 tpa-audit -q --level county -o . v/371323105201 &&
	grep -q "^error,UNEXPLAINED_EXIT,371323105201,A," audit.csv &&
	registry v/371323105201/registry 2016 continuing &&
	tpa-audit -q --level county -o . v/371323105201; ! grep -q UNEXPLAINED_EXIT audit.csv'

expect "the audit: a households.csv whose columns 2 and 14 both name household_id is BAD_VALUE saying so" '
	audit_village && registry v/371323105201/registry 2016 unexplained "$HDR,户编号" &&
	status 1 tpa-audit -q --level county -o . v/371323105201 &&
	grep -q "^error,BAD_VALUE,371323105201,,无法读取：v/371323105201/registry/households.csv:1: columns 2 and 14 both name household_id$" audit.csv &&
	! grep -q UNEXPLAINED_EXIT audit.csv'

for y in 2,016 2016. 02016 0; do
expect "year \"$y\": not a year to tpa-file stats nor to last year's reader (tpa-init --previous); nothing written" "
	last_year && registry old/registry '\"$y\"' continuing &&
	status 2 tpa-file stats -q -o . old/registry 2>err &&
	grep -qx 'tpa-file: old/registry/households.csv:2: year \"$y\" is not a year' err &&
	[ ! -e stats.csv ] &&
	status 2 tpa-init -q --code 371323105201 --year 2017 --previous old new 2>err &&
	grep -q 'old/registry/households.csv:2: household A: year \"$y\" is not a year: the registry is damaged' err &&
	[ ! -e new ]"
done

expect "year 2016: both read it (stats counts 1 household, init accepts it as last year's)" '
	last_year && registry old/registry 2016 continuing &&
	tpa-file stats -q -o . old/registry && grep -qx "status,continuing,1,1" stats.csv &&
	tpa-init -q --code 371323105201 --year 2017 --previous old new && [ -f new/village.yaml ]'
