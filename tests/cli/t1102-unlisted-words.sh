#!/bin/sh
# A word in no list of a code column that a rule reads (other: allow): each
# row holding one is a warning row naming the household, the column and the
# word, and --explain shows it. The shipped lists gain only unambiguous
# words: 公办教师 and 在编教师 are public_institution; a bare 教师 or 村会计
# is left to the warning.
#
# Worked by hand with the shipped example-2015 rules (line 2855, X1: a
# member is civil_servant or public_institution): 01 (教师, 2000 for one)
# eligible with a warning; 02 (务农 and 村会计, 1000 for two: 500.00)
# eligible with a warning at 村会计's row; 03 (公办教师) and 04 (在编教师)
# excluded X1, no warning.
. "$(dirname "$0")/lib.sh"
RULES=$(cd "$(dirname "$0")/../../rules" && pwd)

words() {
	village && cp "$RULES/example-2015.yaml" rules.yaml && cp "$RULES/procedure.yaml" . &&
	printf "household_id,name,id_number,relation,occupation,apply_date\n01,王五,371323195501010011,户主,教师,2015-05-20\n02,张建国,37132319580312011X,户主,务农,2015-05-20\n02,李秀英,371323196001010028,配偶,村会计,\n03,赵六,371323197209180311,户主,公办教师,2015-05-21\n04,钱七,371323196606060028,户主,在编教师,2015-05-21\n" >applications.csv &&
	printf "household_id,survey_date,surveyors,wage_income,business_income,property_income,transfer_income,urban_house,car_value,housing\n01,2015-05-26,李,2000,0,0,0,否,0,安全\n02,2015-05-26,李,1000,0,0,0,否,0,安全\n03,2015-05-26,李,900,0,0,0,否,0,安全\n04,2015-05-26,李,900,0,0,0,否,0,安全\n" >survey.csv &&
	tpa-apply -q --village village.yaml -o applicants.csv applications.csv
}

expect "decisions: 01 and 02 eligible, 03 (公办教师) and 04 (在编教师) excluded X1" '
	words && tpa-survey -q --village village.yaml --rules rules.yaml -o primary.csv applicants.csv survey.csv &&
	grep -q "^371323105201,01,王五,371323195501010011,1,2000.00,2855.00,eligible,," primary.csv &&
	grep -q "^371323105201,02,张建国,37132319580312011X,2,500.00,2855.00,eligible,," primary.csv &&
	grep -q "^371323105201,03,赵六,371323197209180311,1,900.00,2855.00,excluded,X1," primary.csv &&
	grep -q "^371323105201,04,钱七,371323196606060028,1,900.00,2855.00,excluded,X1," primary.csv'

expect "a warning row per unlisted word naming the household, the column and the word; none for listed words" '
	words && tpa-survey -q --village village.yaml --rules rules.yaml -o primary.csv applicants.csv survey.csv &&
	grep -qx "survey,applicants.csv,2,371323105201,01,371323\*\*\*\*\*\*\*\*0011,occupation,UNLISTED_VALUE,\"职业 \"\"教师\"\"不在规则的列表中，排除条件认不出它：请核实这一户；应当排除的，请把这个词加入本县规则的列表\",warning" rejects-survey.csv &&
	grep -q "^survey,applicants.csv,4,371323105201,02,371323\*\*\*\*\*\*\*\*0028,occupation,UNLISTED_VALUE,\"职业 \"\"村会计\"\"不在规则的列表中.*,warning\$" rejects-survey.csv &&
	[ "$(grep -c UNLISTED_VALUE rejects-survey.csv)" -eq 2 ] && [ "$(wc -l <rejects-survey.csv)" -eq 3 ]'

expect "the summary still counts the unlisted words" '
	words && tpa-survey --village village.yaml --rules rules.yaml -o primary.csv applicants.csv survey.csv 2>err &&
	grep -qx "occupation: 2 values not in the list: 教师 (1), 村会计 (1)" err'

expect "--explain 01 shows its warning; --explain 03 shows none" '
	words && tpa-survey --village village.yaml --rules rules.yaml --explain 01 applicants.csv survey.csv >out &&
	grep -qx "注意：职业 \"教师\"不在规则的列表中，排除条件认不出它：请核实这一户；应当排除的，请把这个词加入本县规则的列表" out &&
	tpa-survey --village village.yaml --rules rules.yaml --explain 03 applicants.csv survey.csv >out3 &&
	! grep -q "^注意" out3 && grep -q "excluded" out3'

expect "in English the warning names household, column and word" '
	words && echo "language: en" >>village.yaml &&
	tpa-survey -q --village village.yaml --rules rules.yaml -o primary.csv applicants.csv survey.csv &&
	grep -q "^survey,applicants.csv,2,371323105201,01,.*,occupation,UNLISTED_VALUE,\"occupation \"\"教师\"\" is in none of the rules.*lists, so no exclusion recognises it" rejects-survey.csv'

expect "an unlisted word in a survey column (house_reason of seven-out) is a warning row too" '
	village && printf "version: 1\nyear: 2015\nincome: {poverty_line: 2855}\nfields:\n  house_reason:\n    type: code\n    values:\n      disaster: [因灾重建]\n    other: allow\nexclusions:\n  - {id: X1, when: {field: house_reason, equals: disaster}}\n" >rules.yaml &&
	printf "household_id,name,id_number,relation,apply_date\n01,王五,371323195501010011,户主,2015-05-20\n" >applications.csv &&
	printf "household_id,survey_date,surveyors,wage_income,business_income,property_income,transfer_income,house_reason\n01,2015-05-26,李,2000,0,0,0,娶媳妇\n" >survey.csv &&
	tpa-apply -q --village village.yaml -o applicants.csv applications.csv &&
	tpa-survey -q --village village.yaml --rules rules.yaml -o primary.csv applicants.csv survey.csv &&
	grep -q "^survey,survey.csv,2,371323105201,01,,house_reason,UNLISTED_VALUE,\"house_reason \"\"娶媳妇\"\"不在规则的列表中.*,warning\$" rejects-survey.csv &&
	grep -q "^371323105201,01,.*,eligible," primary.csv'

expect "the shipped lists never map a bare 教师 or 村会计" '
	for f in "$RULES"/*.yaml; do
		! grep -Eq "[[ ,]教师[],]" "$f" && ! grep -Eq "[[ ,]村会计[],]" "$f" || { echo "$f"; exit 1; }
	done'
