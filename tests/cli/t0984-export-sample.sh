#!/bin/sh
# tpa-export of an area's sample.csv (SPEC §8): the columns the draw adds
# get their Chinese titles, the counts and the probability are numbers.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "a longer script of the area's checks; t0950, t0951, t0961 and t0972 run the same code under memcheck"

expect "the stratum, its size, the drawn, the probability, why and verify: Chinese titles, numbers as numbers" '
	printf "\357\273\277%s\n%s\n" \
	    village_code,household_id,head_name,head_id_number,members,decision,stratum,stratum_households,drawn,inclusion_probability,why,verify \
	    "371323105201,H001,张建国,371323********011X,2,confirmed,help,4,3,0.7500,名单确认帮扶,入户核对" >sample.csv &&
	tpa-export -q -o s.xlsx sample.csv &&
	unzip -p s.xlsx xl/worksheets/sheet1.xml >sheet &&
	for t in 抽样层 该层户数 抽取户数 入样概率 抽查原因 入户核对; do grep -q "<t>$t</t>" sheet || { echo "no $t"; exit 1; }; done &&
	grep -q "<c r=\"H2\"[^>]*><v>4</v>" sheet && grep -q "<c r=\"J2\"[^>]*><v>0.75</v>" sheet
'
