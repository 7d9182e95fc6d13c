#!/bin/sh
# The levels that post come from the rules' publicity: (tpa-rules(5)):
# village always, town and county when named; a file that gives
# publicity: gives the whole procedure, whatever it includes. A level
# with 0 days, an unknown level or a publicity: without the village is
# refused at load with FILE:LINE:COL (exit 2); so is a town's own rules
# file (county.yaml rules_by_town) that posts at other levels than the
# county's, naming both files.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "a longer script of the area's checks; t0950, t0951, t0961 and t0972 run the same code under memcheck"
. "$(dirname "$0")/lib-levels.sh"

V=c/2015/371323105201
R=c/rules/own-2015.yaml
# the path of the rules as the village names them, from the test folder
RV=$V/../../rules/own-2015.yaml

# refused PUBLICITY LINE:COL MESSAGE: rules whose publicity: is PUBLICITY
# (on line 2) are refused by tpa status --levels and by tpa-survey, with
# FILE:LINE:COL and MESSAGE; nothing is written.
refused() {
	flat_village c "{village: 7}" && posting c own-2015.yaml yishui-2015.yaml "$1" &&
	{ tpa status --levels $V >out 2>err; [ $? -eq 2 ]; } && [ ! -s out ] &&
	grep -qxF "tpa status: $RV:$2: $3" err &&
	(cd $V && tpa-apply -q --village village.yaml -o applicants.csv applications.csv) &&
	{ (cd $V && tpa-survey --village village.yaml -o primary.csv applicants.csv survey.csv) 2>err2; [ $? -eq 2 ]; } &&
	grep -qxF "tpa-survey: ../../rules/own-2015.yaml:$2: $3" err2 &&
	[ ! -e $V/primary.csv ]
}

expect "an unknown level: refused with its place" '
	refused "{village: 7, province: 5}" 2:25 "unknown key \"province\" (expected village, town, county)"'

expect "a level with 0 days: refused (a level that does not post is left out)" '
	refused "{village: 7, town: 0}" 2:31 "publicity: town: 0 days: a level that does not post is left out of publicity:"'

expect "the town and the county without the village: refused" '
	refused "{town: 7, county: 5}" 2:12 "publicity: the village always posts: give village: DAYS"'

expect "a negative number of days: refused" '
	refused "{village: -1}" 2:22 "expected a whole number from 0 to 366, not \"-1\""'

expect "tpa status --levels: the levels in the procedure’s order, whatever order publicity: names them in" '
	flat_village c "{county: 5, village: 7}" && [ "$(tpa status --levels $V)" = "village county" ] &&
	posting c own-2015.yaml yishui-2015.yaml "{town: 3, village: 7}" && [ "$(tpa status --levels $V)" = "village town" ] &&
	posting c own-2015.yaml yishui-2015.yaml "{village: 7, town: 7, county: 5}" &&
	[ "$(tpa status --levels $V)" = "village town county" ]
'

expect "a file that gives publicity: replaces the one it includes: the included procedure.yaml posts at three levels" '
	flat_village c "{village: 7}" && grep -q "^publicity: {village: 7, town: 7, county: 5}" c/rules/procedure.yaml &&
	[ "$(tpa status --levels $V)" = village ] &&
	sed -i "s#rules/own-2015.yaml#rules/yishui-2015.yaml#" $V/village.yaml &&
	[ "$(tpa status --levels $V)" = "village town county" ]
'

expect "rules that give no publicity: at all: every level posts" '
	flat_village c "{village: 7}" &&
	printf "version: 1\nincome: {poverty_line: 2855}\n" >$R &&
	[ "$(tpa status --levels $V)" = "village town county" ]
'

expect "a village.yaml that cannot be read: tpa status --levels exits 2, prints nothing" '
	flat_village c "{village: 7}" && echo "village: [" >>$V/village.yaml &&
	{ tpa status --levels $V >out 2>err; [ $? -eq 2 ]; } && [ ! -s out ] && grep -q "^tpa status: " err
'

# the line of rules_by_town's entry in the sample county.yaml
CY=c/2015/county-371323/county.yaml

expect "in an area, a town whose own rules post at other levels than the county’s: every stage that loads them exits 2, naming county.yaml’s line and both files" '
	area_county c "{village: 7, town: 7, county: 5}" &&
	posting c own-2015.yaml yishui-2015.yaml "{village: 7}" &&
	line=$(grep -n "^  \"371323106\":" $CY | cut -d: -f1) && [ -n "$line" ] &&
	W=c/2015/371323106201 &&
	(cd $W && tpa-apply -q --village village.yaml -o applicants.csv applications.csv) &&
	{ (cd $W && tpa-survey --village village.yaml -o primary.csv applicants.csv survey.csv) 2>err; [ $? -eq 2 ]; } &&
	grep -qxF "tpa-survey: ../county-371323/county.yaml:$line: rules_by_town.371323106: ../county-371323/../../rules/own-xujiahu-2015.yaml posts at village, town, county, the county'"'"'s rules ../county-371323/../../rules/own-2015.yaml at village: all towns of a county follow the county'"'"'s procedure" err &&
	[ ! -e $W/primary.csv ] &&
	{ tpa status --levels $W >out 2>err2; [ $? -eq 2 ]; } && grep -q "all towns of a county follow the county'"'"'s procedure" err2 &&
	{ (cd c/2015/county-371323 && tpa-audit --level county -o .) >out 2>err3; [ $? -eq 2 ]; } &&
	grep -qF "tpa-audit: county.yaml:$line: rules_by_town.371323106: ../../rules/own-xujiahu-2015.yaml posts at village, town, county" err3 &&
	[ ! -e c/2015/county-371323/audit.csv ]
'

expect "in an area, the towns that follow the county’s rules are not held up by another town’s" '
	area_county c "{village: 7, town: 7, county: 5}" &&
	posting c own-2015.yaml yishui-2015.yaml "{village: 7}" &&
	[ "$(tpa status --levels $V)" = village ] &&
	(cd $V && tpa-apply -q --village village.yaml -o applicants.csv applications.csv &&
	    tpa-survey -q --village village.yaml -o primary.csv applicants.csv survey.csv) && [ -f $V/primary.csv ]
'

expect "in an area, a town whose own rules post at the county’s levels: accepted" '
	area_county c "{village: 7, county: 5}" &&
	[ "$(tpa status --levels c/2015/371323106201)" = "village county" ] &&
	[ "$(tpa status --levels $V)" = "village county" ]
'

expect "rules that cannot be read: tpa status still shows the village (the stage that reads them says why), with every level" '
	flat_village c "{village: 7, town: 0}" &&
	{ tpa status --no-audit $V >st 2>err; [ $? -eq 3 ]; } && [ ! -s err ] &&
	head -1 st | grep -qx "village 371323105201 (双河村), 2015" &&
	grep -q "^  town notice " st && grep -q "^  county objections " st
'
