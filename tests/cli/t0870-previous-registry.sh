#!/bin/sh
# Last year's registry (--previous, previous:): one reader for tpa-apply,
# tpa-file and tpa-init. It must be a registry folder of an earlier year,
# of the same village, not the village's own, and whole (every household
# of members.csv in households.csv); anything else is exit 2, nothing
# written, the message naming the file and the household or the years.
#
# One village over 2015-2017 (the village of t0500-file.sh, its figures
# worked out there): the 2016 registry has A, C, D continuing/new and R
# exited; the 2017 registry A, C, D continuing and R returned.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "several years of one village, through make; the plain and ASan+UBSan builds run it, and the readers it drives run under memcheck in t0500 and t0700"
eval "$(sed -n '/^RULES=/,/^# status YEAR HOUSEHOLD/p' "$(dirname "$0")/t0500-file.sh")"

# A 2016 village ready for tpa-file (made by make up to the registry).
ready() {
	years && run 2015 && run 2016 && run 2017
}

expect "tpa-file --previous 2017's registry on 2016: exit 2 naming the file and both years, nothing written" '
	ready && cp -R v/2016/registry before &&
	status 2 tpa-file -q --previous v/2017/registry v/2016 2>err &&
	grep -q "^tpa-file: v/2017/registry/households.csv:2: the registry is of 2017: the previous registry of a village of 2016 must be of an earlier year$" err &&
	diff -r before v/2016/registry && ! grep -q returned v/2016/registry/households.csv'

expect "tpa-apply --previous 2017's registry on 2016: exit 2, no 2017 row carried, nothing written" '
	ready && cp v/2016/applicants.csv before.csv &&
	status 2 tpa-apply -q --village v/2016 --previous v/2017/registry -o v/2016/applicants.csv v/2016/applications.csv 2>err &&
	grep -q "v/2017/registry/households.csv:2: the registry is of 2017" err &&
	same v/2016/applicants.csv before.csv &&
	status 2 tpa-apply -q --village v/2016 --previous v/2017/registry -o - v/2016/applications.csv >out 2>/dev/null &&
	[ ! -s out ]'

expect "the same year as the village is refused too (a copy of 2016 registry as previous of 2016)" '
	ready && cp -R v/2016/registry copy16 &&
	status 2 tpa-file -q --previous copy16 -o o v/2016 2>err &&
	grep -q "copy16/households.csv:2: the registry is of 2016: the previous registry of a village of 2016 must be of an earlier year" err &&
	[ ! -e o/households.csv ] &&
	status 2 tpa-apply -q --village v/2016 --previous copy16 -o a.csv v/2016/applications.csv 2>err &&
	grep -q "the registry is of 2016" err && [ ! -e a.csv ]'

expect "the village own registry as its previous one: refused by tpa-apply and tpa-file (even with -o elsewhere)" '
	ready &&
	status 2 tpa-apply -q --village v/2016 --previous v/2016/registry -o a.csv v/2016/applications.csv 2>err &&
	grep -q "^tpa-apply: v/2016/registry: the village.s own registry cannot be its previous one" err && [ ! -e a.csv ] &&
	status 2 tpa-file -q --previous v/2016/registry/ -o o v/2016 2>err &&
	grep -q "own registry cannot be its previous one" err && [ ! -e o/households.csv ] &&
	sed -i "s|^previous: .*|previous: registry|" v/2016/village.yaml &&
	status 2 tpa-apply -q --village v/2016 -o a.csv v/2016/applications.csv 2>err &&
	grep -q "own registry cannot be its previous one" err'

expect "a registry of another village is refused, naming the household and both codes" '
	ready && mkdir other &&
	for f in households members history; do sed "s/371323105201/371323105299/" v/2015/registry/$f.csv >other/$f.csv || exit 1; done &&
	status 2 tpa-file -q --previous other -o o v/2016 2>err &&
	grep -q "other/households.csv:2: household A is of village 371323105299, not 371323105201" err &&
	status 2 tpa-apply -q --village v/2016 --previous other -o a.csv v/2016/applications.csv 2>err &&
	grep -q "other/households.csv:2: household A is of village 371323105299, not 371323105201" err && [ ! -e a.csv ]'

expect "a household in members.csv but not in households.csv: the registry is damaged, exit 2 naming it" '
	ready && cp -R v/2015/registry last &&
	printf "%s\n" "371323105201,Z,钱七,370102197505052412,head,male,1975-05-05,healthy,,,,,,二组,2015-05-21,,application,40" >>last/members.csv &&
	status 2 tpa-apply -q --village v/2016 --previous last -o a.csv v/2016/applications.csv 2>err &&
	grep -q "^tpa-apply: last/members.csv:7: household Z is not in households.csv: the registry is damaged$" err &&
	[ ! -e a.csv ] &&
	status 2 tpa-file -q --previous last -o o v/2016 2>err &&
	grep -q "last/members.csv:7: household Z is not in households.csv" err && [ ! -e o/households.csv ]'

expect "households.csv of two years, a household twice, no year column: damaged" '
	ready && cp -R v/2015/registry last &&
	sed -i "3s/,2015,2015,/,2014,2015,/" last/households.csv && grep -q ",2014,2015," last/households.csv &&
	status 2 tpa-file -q --previous last -o o v/2016 2>err &&
	grep -q "last/households.csv:3: household B is of 2014, and line 2 of 2015: the registry is damaged" err &&
	cp v/2015/registry/households.csv last/ && sed -n 2p last/households.csv >>last/households.csv &&
	status 2 tpa-apply -q --village v/2016 --previous last -o a.csv v/2016/applications.csv 2>err &&
	grep -q "last/households.csv:6: household A is there twice: the registry is damaged" err &&
	cut -d, -f1-10 v/2015/registry/households.csv >last/households.csv &&
	status 2 tpa-file -q --previous last -o o v/2016 2>err && grep -q "year" err'

expect "--previous takes the registry folder only: members.csv, in the option or in village.yaml, is refused" '
	ready &&
	status 2 tpa-apply -q --village v/2016 --previous v/2015/registry/members.csv -o a.csv v/2016/applications.csv 2>err &&
	grep -q "v/2015/registry/members.csv: not a folder" err && [ ! -e a.csv ] &&
	status 2 tpa-file -q --previous v/2015/registry/members.csv -o o v/2016 2>err && grep -q "not a folder" err &&
	sed -i "s|^previous: .*|previous: ../2015/registry/members.csv|" v/2016/village.yaml &&
	status 2 tpa-apply -q --village v/2016 -o a.csv v/2016/applications.csv 2>err &&
	grep -q "village.yaml:[0-9]*:[0-9]*: previous: \"../2015/registry/members.csv\" is not a folder" err'

expect "last year registry is accepted and recorded: households.csv, members.csv and history.csv in PROVENANCE.csv" '
	ready && grep "^applicants.csv," v/2016/PROVENANCE.csv | grep -q "../2015/registry/households.csv@" &&
	grep "^applicants.csv," v/2016/PROVENANCE.csv | grep -q "../2015/registry/members.csv@" &&
	grep "^registry/households.csv," v/2016/PROVENANCE.csv | grep -q "../2015/registry/members.csv@" &&
	grep "^applicants.csv," v/2016/PROVENANCE.csv | grep -q "../2015/registry/history.csv@" &&
	[ "$(grep -c ",registry$" v/2016/applicants.csv)" -eq 4 ]'

expect "tpa-init --previous refuses a folder whose registry the stages would refuse (damaged), and makes nothing" '
	ready && printf "%s\n" "371323105201,Z,钱七,370102197505052412,head,male,1975-05-05,healthy,,,,,,二组,2015-05-21,,application,40" >>v/2016/registry/members.csv &&
	status 2 tpa-init -q --code 371323105201 --year 2017 --previous v/2016 new 2>err &&
	grep -q "v/2016/registry/members.csv:[0-9]*: household Z is not in households.csv" err && [ ! -e new ] &&
	status 2 tpa-init -q --code 371323105209 --year 2017 --previous v/2015 new 2>err &&
	grep -q "household A is of village 371323105201, not 371323105209" err && [ ! -e new ] &&
	tpa-init -q --code 371323105201 --year 2017 --previous v/2015 new && [ -f new/village.yaml ]'
