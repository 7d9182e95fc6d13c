#!/bin/sh
# tpa-init of a village in a county's area writes only what the village
# owns: the town's and the county's facts are in their files
# (tpa-area(5)), and a village.yaml holding them would be refused.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-area.sh"

# owned_none FILE: FILE holds (set or commented out) none of the keys the town
# and the county own.
owned_none() {
	! grep -Eq "^#? *(population|key_village|quota|rules|columns|previous|contacts|hotline):" "$1" &&
	! grep -Eq "^#? *(town|county): *\{" "$1"
}

expect "in an area a new village.yaml holds none of the town's and county's keys, says where they are, and loads as the area's" '
	area && rm -rf 2015/371323105202 && tpa-init -q --code 371323105202 --year 2015 2015/371323105202 &&
	Y=2015/371323105202/village.yaml && owned_none $Y &&
	grep -q "^#   village: {start: 2015-06-05, end: 2015-06-11}" $Y &&
	grep -q "^# ../town-371323105/villages.csv, ../town-371323105/town.yaml and$" $Y &&
	grep -q "^# ../county-371323/county.yaml (tpa-area(5)), never here.$" $Y &&
	printf "appraisal:\n  date: 2015-06-03\n  representatives: 30\n" >>$Y &&
	status 0 appraise 371323105202 && grep -q ",proposed," 2015/371323105202/appraised.csv'

expect "outside an area tpa-init still writes population, rules, previous and quota as before" '
	tpa-init -q --code 371323105202 --year 2015 v && ! owned_none v/village.yaml &&
	grep -q "^  # population:" v/village.yaml && grep -q "^# quota:" v/village.yaml &&
	grep -q "^#   town:    {start: 2015-06-14, end: 2015-06-20}" v/village.yaml'

expect "in an area tpa-init --previous from a village outside one copies its own facts only: the stages then take it" '
	area && rm -rf 2015/371323105201 && mkdir old && cp -R "$SAMPLE_FLAT/county/2015/371323105201" old/ &&
	sed -i "s/^year: 2015/year: 2014/; /^rules:/d; /^columns:/d" old/371323105201/village.yaml &&
	tpa-init -q --code 371323105201 --year 2015 --previous old/371323105201 2015/371323105201 2>err &&
	Y=2015/371323105201/village.yaml && owned_none $Y &&
	grep -q "^  name: \"双河村\"" $Y && grep -q "^  contact: \"村委会 张主任 0539-1234567\"" $Y &&
	printf "appraisal:\n  date: 2015-06-03\n  representatives: 20\n" >>$Y &&
	sed -i "/^  town:/d; /^  county:/d" $Y &&    # the test area names its town 镇105
	status 0 appraise 371323105201 && same 2015/371323105201/appraised.csv "$D/appraised-quota5.expected"'

expect "in an area the templates follow the rules county.yaml names for the village's town: survey.csv has the columns those rules read, under the county's aliases" '
	mkdir c && cp -R "$SAMPLE/county/." c/ && sample_rules c &&
	tpa-init -q --code 371323105204 --year 2016 c/2016/371323105204 &&
	head -1 c/2016/371323105204/templates/survey.csv | grep -q ",城镇商品房,汽车价值" &&
	tpa-init -q --code 371323106204 --year 2016 c/2016/371323106204 &&
	head -1 c/2016/371323106204/templates/survey.csv | grep -q "汽车价值"'
