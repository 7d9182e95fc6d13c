#!/bin/sh
# Blank income cells (a clerk leaves a zero blank): one row per household
# naming its empty columns and the fix (type 0); with the rules'
# blank_as_zero: the listed columns read a blank as 0, a warning row says
# so, the letter says so, and the audit re-derives the same list.
#
# Worked by hand (line 2855): household 01 has wages 2000, transfers 500,
# business and property blank: 2500.00 for its one member, eligible once
# blanks are 0. Household 02 (two members) has every part blank: 0.00 a
# head, eligible once blanks are 0. Household 03 has 9000 for one: above.
. "$(dirname "$0")/lib.sh"

# A village folder in ./county/2015 with rules beside it; $1 is the rules'
# blank_as_zero line (or nothing).
blanks() {
	mkdir -p county/2015/371323105201 && cd county &&
	printf "version: 1\nyear: 2015\nincome: {poverty_line: 2855}\n%s\n" "${1:-}" >rules.yaml &&
	cd 2015/371323105201 && village && echo "rules: ../../rules.yaml" >>village.yaml &&
	printf "household_id,name,id_number,relation,apply_date\n01,王五,371323195501010011,户主,2015-05-20\n02,张建国,37132319580312011X,户主,2015-05-20\n02,李秀英,371323196001010028,配偶,\n03,赵六,371323197209180311,户主,2015-05-21\n" >applications.csv &&
	printf "户编号,调查日期,调查人,工资性收入,生产经营性收入,财产性收入,转移性收入\n01,2015-05-26,李,2000,,,500\n02,2015-05-26,李,,,,\n03,2015-05-26,李,9000,0,0,0\n" >survey.csv &&
	tpa-apply -q --village . -o applicants.csv applications.csv
}

expect "without blank_as_zero: one row per household naming its blank columns and the fix, not one per cell" '
	blanks && tpa-survey -q --village . -o primary.csv applicants.csv survey.csv &&
	grep -qx "survey,survey.csv,2,371323105201,01,,business_income;property_income,MISSING_FIELD,生产经营性收入、财产性收入为空：这一户没有这项收入的，请填0；填好以前该户无法核实,error" rejects-survey.csv &&
	grep -qx "survey,survey.csv,3,371323105201,02,,wage_income;business_income;property_income;transfer_income,MISSING_FIELD,工资性收入、生产经营性收入、财产性收入、转移性收入为空：这一户没有这项收入的，请填0；填好以前该户无法核实,error" rejects-survey.csv &&
	[ "$(wc -l <rejects-survey.csv)" -eq 3 ] &&
	grep -q "^371323105201,01,王五,371323195501010011,1,,2855.00,unverified," primary.csv &&
	grep -q "^371323105201,02,张建国,37132319580312011X,2,,2855.00,unverified," primary.csv &&
	grep -q "^371323105201,03,赵六,371323197209180311,1,9000.00,2855.00,above_line,INCOME," primary.csv'

expect "in English the row names the columns and says to type 0" '
	blanks && echo "language: en" >>village.yaml &&
	tpa-survey -q --village . -o primary.csv applicants.csv survey.csv &&
	grep -q ",01,,business_income;property_income,MISSING_FIELD,\"business_income, property_income left empty: type 0 where the household has no such income" rejects-survey.csv'

expect "blank_as_zero: 01 is 2500.00 and 02 is 0.00 a head, both eligible; each has a warning row; the cells stay blank" '
	blanks "blank_as_zero: [wage_income, business_income, property_income, transfer_income]" &&
	tpa-survey -q --village . -o primary.csv applicants.csv survey.csv &&
	grep -qx "371323105201,01,王五,371323195501010011,1,2500.00,2855.00,eligible,,,2015-05-26,李,2000.00,,,500.00,,,," primary.csv &&
	grep -qx "371323105201,02,张建国,37132319580312011X,2,0.00,2855.00,eligible,,,2015-05-26,李,,,,,,,," primary.csv &&
	grep -qx "survey,survey.csv,2,371323105201,01,,business_income;property_income,BLANK_AS_ZERO,生产经营性收入、财产性收入为空，按本县规定计为0元,warning" rejects-survey.csv &&
	grep -q "^survey,survey.csv,3,371323105201,02,,wage_income;business_income;property_income;transfer_income,BLANK_AS_ZERO,.*,warning\$" rejects-survey.csv &&
	[ "$(wc -l <rejects-survey.csv)" -eq 3 ]'

expect "blank_as_zero names only some columns: the others still refuse the household" '
	blanks "blank_as_zero: [business_income, property_income]" &&
	tpa-survey -q --village . -o primary.csv applicants.csv survey.csv &&
	grep -q "^371323105201,01,王五,371323195501010011,1,2500.00,2855.00,eligible," primary.csv &&
	grep -q "^371323105201,02,张建国,37132319580312011X,2,,2855.00,unverified," primary.csv &&
	grep -q "^survey,survey.csv,3,371323105201,02,,wage_income;transfer_income,MISSING_FIELD," rejects-survey.csv &&
	grep -q "^survey,survey.csv,3,371323105201,02,,business_income;property_income,BLANK_AS_ZERO," rejects-survey.csv'

expect "the letter of a household whose blanks were read as 0 says so, once; the others do not" '
	blanks "blank_as_zero: [business_income, property_income]" &&
	printf "appraisal:\n  date: 2015-06-03\n  representatives: 32\npublicity:\n  village: {start: 2015-06-05, end: 2015-06-11}\n" >>village.yaml &&
	tpa-survey -q --village . -o primary.csv applicants.csv survey.csv &&
	tpa-publicize letter -q --level village --village . -o letter.html primary.csv &&
	[ "$(grep -c "<p class=\"l\">生产经营性收入、财产性收入为空，按本县规定计为0元。</p>" letter.html)" -eq 1 ] &&
	[ "$(grep -c "按本县规定计为0元" letter.html)" -eq 1 ] &&
	grep -q "工资性收入 2000.00 ＋ 生产经营性收入 0.00 ＋ 财产性收入 0.00 ＋ 转移性收入 500.00 ＝ 家庭纯收入 2500.00" letter.html'

expect "the letter in English" '
	blanks "blank_as_zero: [business_income, property_income]" && echo "language: en" >>village.yaml &&
	printf "appraisal:\n  date: 2015-06-03\n  representatives: 32\npublicity:\n  village: {start: 2015-06-05, end: 2015-06-11}\n" >>village.yaml &&
	tpa-survey -q --village . -o primary.csv applicants.csv survey.csv &&
	tpa-publicize letter -q --level village --village . -o letter.html primary.csv &&
	grep -qF "<p class=\"l\">business_income, property_income left blank, counted as 0 yuan by the county&#39;s rule.</p>" letter.html'

expect "the audit re-derives the list made with blank_as_zero: no error; a changed per-capita income is caught" '
	blanks "blank_as_zero: [business_income, property_income]" &&
	tpa-survey -q --village . -o primary.csv applicants.csv survey.csv && cd .. &&
	tpa-audit -q --level town -o . 371323105201 && ! grep -q "^error," audit.csv &&
	sed -i "s/^\(371323105201,01,[^,]*,[^,]*,1,\)2500.00,/\12400.00,/" 371323105201/primary.csv &&
	grep -q "^371323105201,01,.*,1,2400.00," 371323105201/primary.csv &&
	status 1 tpa-audit -q --level town -o . 371323105201 &&
	grep -q "^error,DECISION_MISMATCH,371323105201,01," audit.csv'

expect "blank_as_zero: an unknown column is FILE:LINE:COL, exit 2" '
	blanks "blank_as_zero: [wage_income, nosuch]" &&
	status 2 tpa-survey -q --village . -o primary.csv applicants.csv survey.csv 2>err &&
	grep -q "rules.yaml:4:30: blank_as_zero: nosuch is not a column" err && [ ! -e primary.csv ]'

expect "blank_as_zero: a column that is not money is refused; so is a bare word" '
	blanks "blank_as_zero: [surveyors]" &&
	status 2 tpa-survey -q --village . -o primary.csv applicants.csv survey.csv 2>err &&
	grep -q "rules.yaml:4:17: blank_as_zero: surveyors is not an amount of money" err &&
	printf "version: 1\nyear: 2015\nincome: {poverty_line: 2855}\nblank_as_zero: wage_income\n" >../../rules.yaml &&
	status 2 tpa-survey -q --village . -o primary.csv applicants.csv survey.csv 2>err &&
	grep -q "rules.yaml:4:16: blank_as_zero: expected a list of columns" err'

expect "blank_as_zero: a money column that is not an income part (a declared car_value) is refused" '
	blanks && printf "version: 1\nyear: 2015\nincome: {poverty_line: 2855}\nblank_as_zero: [car_value]\nfields:\n  car_value: {type: money}\n" >../../rules.yaml &&
	status 2 tpa-survey -q --village . -o primary.csv applicants.csv survey.csv 2>err &&
	grep -q "rules.yaml:4:17: blank_as_zero: car_value is not an income part" err'

expect "--explain shows a blank part read as 0 as such: 2000.00 + 0 + 0 + 500.00 = 2500.00" '
	blanks "blank_as_zero: [business_income, property_income]" &&
	tpa-survey --village . --explain 01 applicants.csv survey.csv >out &&
	grep -qx "收入：工资性收入 2000.00 + 生产经营性收入 0（空白，按本县规定计为0） + 财产性收入 0（空白，按本县规定计为0） + 转移性收入 500.00 = 2500.00 元，÷ 1人 = 人均纯收入 2500.00 元" out'
