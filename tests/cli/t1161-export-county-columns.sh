#!/bin/sh
# tpa-export and the county's own columns: with --rules, a column the rules
# declare gets its Chinese title (title_zh) and its values their words (a
# yes_no column 是/否, occupation's codes the first word of the rules' list),
# a money column is a number (SUM works); with --columns alone, its title is
# the county form's header. A cell a file for people guards with an
# apostrophe ('-41, '=1+1: SPEC §3's CSV for people) is written without it:
# a workbook's inline string is never a formula. Expected cells worked out by
# hand from rules/example-2015.yaml (urban_house yes_no 城镇商品房, car_value
# money 汽车价值, occupation farmer: [务农, ...]) and samples' columns.yaml;
# --village takes a village's rules (in an area the county's for its town:
# 许家湖镇's seven-out.yaml, house_reason relocation: [易地搬迁, ...]).
. "$(dirname "$0")/lib.sh"
RULES=$(cd "$(dirname "$0")/../../rules" && pwd)

# cells SHEET: the cells of xl/worksheets/SHEET.xml of w.xlsx, one a line:
# REF TEXT for a string, REF =NUMBER for a number, REF f:... for a formula.
cells() {
	unzip -p w.xlsx "xl/worksheets/$1.xml" | sed 's/<c /\n<c /g' | sed -n \
	    -e 's/^<c r="\([A-Z]*[0-9]*\)"[^>]*><f>\([^<]*\)<.*/\1 f:\2/p' \
	    -e 's/^<c r="\([A-Z]*[0-9]*\)"[^>]*t="inlineStr"><is><t[^>]*>\([^<]*\)<\/t>.*/\1 \2/p' \
	    -e 's/^<c r="\([A-Z]*[0-9]*\)"[^>]*><v>\([^<]*\)<\/v>.*/\1 =\2/p'
}

files() {
	cp "$RULES/example-2015.yaml" rules.yaml && cp "$RULES/procedure.yaml" . &&
	printf "village_code,household_id,urban_house,car_value,wage_income\n371323105201,01,no,35000.00,1200.50\n371323105201,02,yes,0.00,-41.00\n" >primary.csv &&
	printf "village_code,household_id,name,occupation\n371323105201,01,王五,farmer\n371323105201,02,张建国,civil_servant\n371323105201,02,李秀英,教师\n" >members.csv
}

expect "--rules: 城镇商品房 否/是, 汽车价值 a number, 职业 务农 and 公务员; an unlisted word as typed" '
	files && tpa-export -q --rules rules.yaml -o w.xlsx primary.csv members.csv &&
	cells sheet1 >s1 && cells sheet2 >s2 && cat s1 s2 &&
	grep -qx "C1 城镇商品房" s1 && grep -qx "D1 汽车价值" s1 &&
	grep -qx "C2 否" s1 && grep -qx "C3 是" s1 &&
	grep -qx "D2 =35000" s1 && grep -qx "D3 =0" s1 && grep -qx "E2 =1200.5" s1 && grep -qx "E3 =-41" s1 &&
	grep -qx "D1 职业" s2 && grep -qx "D2 务农" s2 && grep -qx "D3 公务员" s2 && grep -qx "D4 教师" s2 &&
	! grep -q " no\$\| yes\$\|farmer\|civil_servant" s1 s2'

expect "the money cells sum: 汽车价值 35000 + 0 and 工资性收入 1200.5 - 41 as numbers, no text" '
	files && tpa-export -q --rules rules.yaml -o w.xlsx primary.csv &&
	cells sheet1 >s1 &&
	[ "$(sed -n "s/^D[23] =//p" s1 | awk "{ t += \$1 } END { print t }")" = 35000 ] &&
	[ "$(sed -n "s/^E[23] =//p" s1 | awk "{ t += \$1 } END { print t }")" = 1159.5 ]'

expect "--columns alone: the county form's headers as titles (城镇商品房, 汽车价值); values as in the file" '
	files && tpa-export -q --columns "$SAMPLE/county/columns.yaml" -o w.xlsx primary.csv &&
	cells sheet1 >s1 && grep -qx "C1 城镇商品房" s1 && grep -qx "D1 汽车价值" s1 &&
	grep -qx "C2 no" s1'

expect "neither: the column keeps its header" '
	files && tpa-export -q -o w.xlsx primary.csv && cells sheet1 >s1 &&
	grep -qx "C1 urban_house" s1 && grep -qx "D1 car_value" s1'

# Q: an apostrophe, for the cases below.
Q="'"
expect "a guarded cell loses its apostrophe: -41 is the number -41, =1+1 the text =1+1 and never a formula; an apostrophe before text stays" '
	printf "village_code,household_id,business_income,detail\n371323105201,01,${Q}-41,${Q}=1+1\n371323105201,02,0,${Q}abc\n" >x.csv &&
	tpa-export -q -o w.xlsx x.csv && cells sheet1 >s1 && cat s1 &&
	grep -qx "C2 =-41" s1 && grep -qx "D2 =1+1" s1 && grep -qx "D3 ${Q}abc" s1 &&
	! grep -q " f:" s1 && ! grep -q "${Q}-41\|${Q}=" s1'

expect "audit codes: OVER_QUOTA is 超出规模, the total row QUOTA_TOTAL 规模执行情况" '
	printf "severity,code,village_code,household_id,detail\ninfo,QUOTA_TOTAL,,,纳入43人，规模合计675人（3个村）\nerror,OVER_QUOTA,371323105201,,appraised.csv中纳入21人，超过规模20人\n" >audit.csv &&
	tpa-export -q -o w.xlsx audit.csv && cells sheet1 >s1 && cat s1 &&
	grep -qx "B2 规模执行情况" s1 && grep -qx "B3 超出规模" s1'

expect "--village: a sample village (an area) shows its county's columns as its rules declare them; 许家湖镇's own rules theirs" '
	cp -R "$SAMPLE/county/." c/ && sample_rules c && files &&
	tpa-export -q --village c/2015/371323105201 -o w.xlsx primary.csv members.csv &&
	cells sheet1 >s1 && cells sheet2 >s2 &&
	grep -qx "C1 城镇商品房" s1 && grep -qx "C2 否" s1 && grep -qx "D2 =35000" s1 &&
	grep -qx "D2 务农" s2 &&
	printf "village_code,household_id,house_reason\n371323106201,01,relocation\n" >p.csv &&
	tpa-export -q --village c/2015/371323106201 -o w.xlsx p.csv && cells sheet1 >s3 && cat s3 &&
	grep -qx "C1 购建住房原因" s3 && grep -qx "C2 易地搬迁" s3'

expect "--village with a broken village.yaml: exit 2, no workbook" '
	files && mkdir v && printf "village: [\n" >v/village.yaml &&
	status 2 tpa-export -q --village v -o w.xlsx primary.csv 2>err && [ ! -e w.xlsx ] && grep -q "village.yaml" err'

expect "a file in a village's folder: its village.yaml read as if --village named the folder; a file elsewhere, or --rules given, as before" '
	cp -R "$SAMPLE/county/." c/ && sample_rules c && files &&
	cp primary.csv members.csv c/2015/371323105201/ &&
	tpa-export -q -o w.xlsx c/2015/371323105201/primary.csv c/2015/371323105201/members.csv &&
	cells sheet1 >s1 && cells sheet2 >s2 &&
	grep -qx "C1 城镇商品房" s1 && grep -qx "C2 否" s1 && grep -qx "D2 =35000" s1 && grep -qx "D2 务农" s2 &&
	(cd c/2015/371323105201 && tpa-export -q -o ../../../w2.xlsx primary.csv) &&
	unzip -p w2.xlsx xl/worksheets/sheet1.xml | grep -q "城镇商品房" &&
	tpa-export -q -o w.xlsx primary.csv && cells sheet1 >s3 && grep -qx "C1 urban_house" s3 &&
	mkdir v && cp primary.csv v/ && printf "village: [\n" >v/village.yaml &&
	status 2 tpa-export -q -o w4.xlsx v/primary.csv 2>err && [ ! -e w4.xlsx ] && grep -q "village.yaml" err &&
	tpa-export -q --rules rules.yaml -o w4.xlsx v/primary.csv'
