#!/bin/sh
# tpa-init's templates head the county's own columns (those its rules
# declare) with their Chinese titles even without --previous or a columns
# file, and the stages read a file so headed back: the survey template
# filled in (城镇商品房 是, 汽车价值 35000) gives the decisions of
# rules/example-2015.yaml, worked by hand (line 2855; X2 urban_house yes,
# X3 car_value > 30000): 01 excluded X2, 02 excluded X3, 03 eligible
# (1000 a head, nothing owned).
. "$(dirname "$0")/lib.sh"
RULES=$(cd "$(dirname "$0")/../../rules" && pwd)

init() {
	cp "$RULES/example-2015.yaml" rules.yaml && cp "$RULES/procedure.yaml" . &&
	tpa-init -q --code 371323105201 --year 2015 --rules rules.yaml v
}

expect "the survey template: the spec's columns and then 城镇商品房 and 汽车价值, every header Chinese" '
	init && printf "\357\273\277户编号,调查日期,调查人,工资性收入,生产经营性收入,财产性收入,转移性收入,住房情况,饮水安全,是否低保,主要致贫原因,城镇商品房,汽车价值\n" >want &&
	same v/templates/survey.csv want'

expect "no template header is in English: applications, survey, votes, objections" '
	init && for t in applications survey votes objections; do
		head -1 v/templates/$t.csv | sed "1s/^\xef\xbb\xbf//" | tr , "\n" >h &&
		[ -s h ] && grep "^[ -~]*\$" h && { echo "$t: English header"; exit 1; }
	done; true'

expect "a survey.csv headed from the template is read back: 01 excluded X2, 02 excluded X3, 03 eligible" '
	init && cd v &&
	printf "household_id,name,id_number,relation,apply_date\n01,王五,371323195501010011,户主,2015-05-20\n02,张建国,37132319580312011X,户主,2015-05-20\n03,李秀英,371323196001010028,户主,2015-05-20\n" >applications.csv &&
	cp templates/survey.csv survey.csv &&
	printf "01,2015-05-26,李,1000,0,0,0,安全,安全,否,,是,0\r\n02,2015-05-26,李,1000,0,0,0,安全,安全,否,,否,35000\r\n03,2015-05-26,李,1000,0,0,0,安全,安全,否,,否,0\r\n" >>survey.csv &&
	tpa-apply -q --village village.yaml -o applicants.csv applications.csv &&
	tpa-survey -q --village village.yaml --rules ../rules.yaml -o primary.csv applicants.csv survey.csv &&
	grep -q "^371323105201,01,.*,excluded,X2," primary.csv &&
	grep -q "^371323105201,02,.*,excluded,X3," primary.csv &&
	grep -q "^371323105201,03,.*,1000.00,2855.00,eligible,," primary.csv &&
	head -1 primary.csv | grep -q ",urban_house,car_value\$"'

# One column under two headers (its name and its Chinese title): which
# value counts would be a guess (before, the decision took the first and
# primary.csv showed the last) — an error naming both, nothing written.
expect "car_value and 汽车价值 both in survey.csv, in either order: exit 2 naming columns 12 and 13, no primary.csv" '
	init && cd v &&
	printf "household_id,name,id_number,relation,apply_date\n01,王五,371323195501010011,户主,2015-05-20\n" >applications.csv &&
	tpa-apply -q --village village.yaml -o applicants.csv applications.csv &&
	for h in "car_value,汽车价值" "汽车价值,car_value"; do
		printf "户编号,调查日期,调查人,工资性收入,生产经营性收入,财产性收入,转移性收入,住房情况,饮水安全,是否低保,城镇商品房,%s\n01,2015-05-26,李,1000,0,0,0,安全,安全,否,否,50000,0\n" "$h" >survey.csv &&
		{ status 2 tpa-survey -q --village village.yaml --rules ../rules.yaml -o primary.csv applicants.csv survey.csv 2>err || exit 1; } &&
		grep -qx "tpa-survey: survey.csv:1: columns 12 and 13 both name car_value" err &&
		[ ! -e primary.csv ] || exit 1
	done'
