#!/bin/sh
# The summary line counting a column's unlisted words is read at the
# terminal: under zh_CN.UTF-8 (no TPA_LOCALEDIR) it names the column by
# its Chinese title (职业), as the warning rows do, never by its English
# name; under C, by its name. A declared column with no title_zh keeps
# its name in both.
. "$(dirname "$0")/lib.sh"
RULES=$(cd "$(dirname "$0")/../../rules" && pwd)

words() {
	village && cp "$RULES/example-2015.yaml" rules.yaml && cp "$RULES/procedure.yaml" . &&
	printf "household_id,name,id_number,relation,occupation,apply_date\n01,王五,371323195501010011,户主,教师,2015-05-20\n02,张建国,37132319580312011X,户主,务农,2015-05-20\n02,李秀英,371323196001010028,配偶,村会计,\n03,赵六,371323197209180311,户主,教师,2015-05-21\n" >applications.csv &&
	printf "household_id,survey_date,surveyors,wage_income,business_income,property_income,transfer_income,urban_house,car_value,housing\n01,2015-05-26,李,2000,0,0,0,否,0,安全\n02,2015-05-26,李,1000,0,0,0,否,0,安全\n03,2015-05-26,李,900,0,0,0,否,0,安全\n" >survey.csv &&
	tpa-apply -q --village village.yaml -o applicants.csv applications.csv
}

expect "under C: the column by its name" '
	words && tpa-survey --village village.yaml --rules rules.yaml -o primary.csv applicants.csv survey.csv 2>err &&
	grep -qx "occupation: 2 values not in the list: 教师 (2), 村会计 (1)" err'

if locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\?8'; then
expect "under zh_CN.UTF-8: the column by its Chinese title, no English word" '
	words && zh tpa-survey --village village.yaml --rules rules.yaml -o primary.csv applicants.csv survey.csv 2>err &&
	grep -qx "职业：有 2 个值不在代码表中： 教师 (2), 村会计 (1)" err && ! grep -q "occupation" err'

expect "under zh_CN.UTF-8: a declared column with no title_zh keeps its name" '
	village && printf "version: 1\nyear: 2015\nincome: {poverty_line: 2855}\nfields:\n  house_reason:\n    type: code\n    values:\n      disaster: [因灾重建]\n    other: allow\nexclusions:\n  - {id: X1, when: {field: house_reason, equals: disaster}}\n" >rules.yaml &&
	printf "household_id,name,id_number,relation,apply_date\n01,王五,371323195501010011,户主,2015-05-20\n" >applications.csv &&
	printf "household_id,survey_date,surveyors,wage_income,business_income,property_income,transfer_income,house_reason\n01,2015-05-26,李,2000,0,0,0,娶媳妇\n" >survey.csv &&
	tpa-apply -q --village village.yaml -o applicants.csv applications.csv &&
	zh tpa-survey --village village.yaml --rules rules.yaml -o primary.csv applicants.csv survey.csv 2>err &&
	grep -qx "house_reason：有 1 个值不在代码表中： 娶媳妇 (1)" err'
else
	skip "zh_CN.UTF-8 is not generated on this machine"
fi
