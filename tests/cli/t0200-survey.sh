#!/bin/sh
# tpa-survey: decisions worked out by hand, rules errors, --explain.
. "$(dirname "$0")/lib.sh"
D=$DATA/survey
V=$SAMPLE_FLAT/county/2015/371323105201

# A copy of the sample village with the shipped rules beside it.
sample_village() {
	mkdir -p county/2015 county/rules &&
	cp -R "$V" county/2015/ && sample_rules county &&
	cd county/2015/371323105201 &&
	tpa-apply -q --village . -o applicants.csv applications.csv
}

expect "edge cases: at the line, at line x 1.1, negative income, rounding, several exclusions, Chinese regex, age" '
	tpa-survey -q --rules "$D/rules.yaml" -o primary.csv "$D/applicants.csv" "$D/survey.csv" &&
	same primary.csv "$D/primary.expected" && same rejects-survey.csv "$D/rejects.expected"'

# The same files with their rows upside down (a household's rows still
# together): households come out of order, so the list is made again and
# sorted; the survey rows are found without their order. Reversed, survey.csv
# line L (2..15) is line 17 - L.
expect "households and survey rows in reverse order: the same primary list, rejects at the reversed lines" '
	mkdir r && head -1 "$D/applicants.csv" >r/applicants.csv &&
	tail -n +2 "$D/applicants.csv" | tac >>r/applicants.csv &&
	head -1 "$D/survey.csv" >r/survey.csv && tail -n +2 "$D/survey.csv" | tac >>r/survey.csv &&
	awk -F, -v OFS=, "NR > 1 { \$3 = 17 - \$3 } { print }" "$D/rejects.expected" >want-rejects &&
	cd r && tpa-survey -q --rules "$D/rules.yaml" -o primary.csv applicants.csv survey.csv &&
	same primary.csv "$D/primary.expected" && same rejects-survey.csv ../want-rejects &&
	tpa-survey -q --rules "$D/rules.yaml" -o - applicants.csv survey.csv >stdout.csv &&
	same stdout.csv "$D/primary.expected" &&
	cat applicants.csv | tpa-survey -q --rules "$D/rules.yaml" -o piped.csv - survey.csv &&
	same piped.csv "$D/primary.expected" &&
	[ "$(find . -name "*.tmp-*" | wc -l)" = 0 ]'

expect "the last household out of order: the list is made again, the same as in order" '
	{ head -1 "$D/applicants.csv";
	  tail -n +2 "$D/applicants.csv" | grep -v ",E01,"; grep ",E01," "$D/applicants.csv"; } >a.csv &&
	tpa-survey -q --rules "$D/rules.yaml" -o primary.csv a.csv "$D/survey.csv" &&
	same primary.csv "$D/primary.expected" && same rejects-survey.csv "$D/rejects.expected" &&
	grep -q "^primary.csv,$(sha256sum primary.csv | cut -c1-64)," PROVENANCE.csv'

# Sample: H001 (0+2400+0+1800)/2 = 2100.00 eligible; H002 9000.50/3 =
# 3000.17, within 3140.50, C级危房 -> eligible C2; H003 two survey rows ->
# unverified; H004 car 50000 -> X3; H005 civil servant and town house ->
# X1;X2; H006 8565/3 = 2855.00, exactly the line -> above_line.
expect "sample village: the primary list worked out by hand" '
	sample_village && tpa-survey -q --village . -o primary.csv applicants.csv survey.csv &&
	same primary.csv "$DATA/sample/primary.expected" &&
	same rejects-survey.csv "$DATA/sample/rejects-survey.expected"'

expect "every applicant household is in the primary list exactly once" '
	sample_village && tpa-survey -q --village . -o primary.csv applicants.csv survey.csv &&
	tail -n +2 applicants.csv | cut -d, -f2 | sort -u >a && tail -n +2 primary.csv | cut -d, -f2 | sort >p &&
	same p a'

expect "PROVENANCE names the rules and their sha256, and the included files" '
	sample_village && tpa-survey -q --village . -o primary.csv applicants.csv survey.csv &&
	r=$(sha256sum ../../rules/yishui-2015.yaml | cut -c1-64) &&
	grep -q "^primary.csv,[0-9a-f]\{64\},survey,[^,]*,../../rules/yishui-2015.yaml,$r,applicants.csv@.*;survey.csv@.*;village.yaml@.*;../../rules/procedure.yaml@.*;../../columns.yaml@" PROVENANCE.csv &&
	grep -q "^applicants.csv," PROVENANCE.csv && [ "$(stat -c %a primary.csv)" = 600 ]'

expect "--explain shows every rule, its inputs and the decision, in the village's language, writes nothing" '
	tpa-survey --rules "$D/rules.yaml" --explain E07 "$D/applicants.csv" "$D/survey.csv" >out &&
	grep -qx "第E07户：家庭人口2人" out &&
	grep -qx "收入：工资性收入 0.00 + 生产经营性收入 0.00 + 财产性收入 0.00 + 转移性收入 0.00 = 0.00 元，÷ 2人 = 人均纯收入 0.00 元" out &&
	grep -q "\[七妻\] occupation 等于 civil_servant：“civil_servant” → 是" out &&
	grep -q "car_value 大于 30000：“40000.00” → 是" out &&
	grep -qx "结论：属于排除情形（excluded）  原因：X1;X2;X3" out && [ ! -e primary.csv ] && [ ! -e rejects-survey.csv ] &&
	tpa-survey --rules "$D/rules.yaml" --explain E03 "$D/applicants.csv" "$D/survey.csv" | grep -qx "结论：符合条件（eligible）  原因：C1" &&
	status 2 tpa-survey --rules "$D/rules.yaml" --explain NOPE "$D/applicants.csv" "$D/survey.csv" 2>err &&
	grep -q "household NOPE is not in" err'

expect "--explain in English for a village whose language is en" '
	village && echo "language: en" >>village.yaml && sed -i "/^year:/a rules: $D/rules.yaml" village.yaml &&
	tpa-survey --village . --explain E07 "$D/applicants.csv" "$D/survey.csv" >out &&
	grep -q "^household E07: members 2, per-capita income 0.00" out &&
	grep -qx "income: wage_income 0.00 + business_income 0.00 + property_income 0.00 + transfer_income 0.00 = 0.00 yuan, / 2 members = 0.00 per person" out &&
	grep -q "\[七妻\] occupation equals civil_servant: \"civil_servant\" -> yes" out &&
	grep -q "car_value gt 30000: \"40000.00\" -> yes" out &&
	grep -qx "decision: excluded  reasons: X1;X2;X3" out'

expect "two survey rows for one household: both rejected, household unverified" '
	{ cat "$D/survey.csv"; echo "E01,2015-05-27,王,0,0,0,0,safe,no,0"; } >s.csv &&
	tpa-survey -q --rules "$D/rules.yaml" -o p.csv "$D/applicants.csv" s.csv &&
	[ "$(grep -c ",E01,,household_id,DUPLICATE_SURVEY," rejects-survey.csv)" -eq 2 ] &&
	grep -q "^371323105201,E01,一号,371323197001010110,1,,2855.00,unverified,SURVEY_MISSING," p.csv'

expect "two survey rows for one household side by side: both rejected at their lines" '
	{ head -2 "$D/survey.csv"; sed -n 2p "$D/survey.csv"; tail -n +3 "$D/survey.csv"; } >s.csv &&
	tpa-survey -q --rules "$D/rules.yaml" -o p.csv "$D/applicants.csv" s.csv &&
	grep -q "^survey,s.csv,2,371323105201,E01,,household_id,DUPLICATE_SURVEY," rejects-survey.csv &&
	grep -q "^survey,s.csv,3,371323105201,E01,,household_id,DUPLICATE_SURVEY," rejects-survey.csv &&
	grep -q "^371323105201,E01,一号,371323197001010110,1,,2855.00,unverified,SURVEY_MISSING," p.csv'

expect "a household_id with a control character: one BAD_VALUE row, not also an orphan" '
	{ head -2 "$D/survey.csv"; sed -n 3p "$D/survey.csv" | sed "s/^E02/E02\x01/"; tail -n +4 "$D/survey.csv"; } >s.csv &&
	tpa-survey -q --rules "$D/rules.yaml" -o p.csv "$D/applicants.csv" s.csv &&
	grep -q "^survey,s.csv,3,371323105201,E02.,,household_id,BAD_VALUE," rejects-survey.csv &&
	[ "$(grep -c ",s.csv,3," rejects-survey.csv)" = 1 ] &&
	grep -q "^371323105201,E02,.*,unverified,SURVEY_MISSING," p.csv'

expect "a rule on a column the inputs lack: exit 2 naming the rule and its line" '
	printf "version: 1\nincome: {poverty_line: 2855}\nexclusions:\n  - id: X9\n    when: {field: has_tractor, equals: yes}\nfields: {has_tractor: {type: yes_no}}\n" >r.yaml &&
	status 2 tpa-survey --rules r.yaml -o p.csv "$D/applicants.csv" "$D/survey.csv" 2>err &&
	grep -qx "tpa-survey: r.yaml:5:11: rule X9: has_tractor is not a column of the household (survey, applicants'"'"' head row, members, per_capita_income)" err &&
	[ ! -e p.csv ]'

expect "invalid rules: FILE:LINE:COL and exit 2" '
	printf "version: 1\nincome: {poverty_line: 2855}\nexclusions:\n  - {id: X1, when: {field: a, gt: 3, lt: 4}}\n" >r.yaml &&
	status 2 tpa-survey --rules r.yaml -o p.csv "$D/applicants.csv" "$D/survey.csv" 2>err &&
	grep -q "^tpa-survey: r.yaml:4:38: one operator per condition" err && [ ! -e p.csv ]'

expect "a catastrophic pattern on a long cell: that household unverified with the rule named, promptly" '
	printf "version: 1\nincome: {poverty_line: 2855}\nexclusions:\n  - {id: X7, when: {field: surveyors, matches: \"^(a|aa)+\$\"}}\n" >r.yaml &&
	{ head -1 "$D/survey.csv"; printf "E01,2015-05-26,"; head -c 30000 /dev/zero | tr "\0" a; echo "b,0,0,0,0,safe,no,0"; } >s.csv &&
	status 0 timeout 20 tpa-survey --rules r.yaml -o p.csv "$D/applicants.csv" s.csv 2>err &&
	grep -q "^371323105201,E01,.*,unverified,BAD_VALUE," p.csv &&
	grep -q ",E01,.*,surveyors,BAD_VALUE,.*X7" rejects-survey.csv'

expect "a missing survey column: exit 2" '
	cut -d, -f1-6 "$D/survey.csv" >s.csv &&
	status 2 tpa-survey --rules "$D/rules.yaml" -o p.csv "$D/applicants.csv" s.csv 2>err &&
	grep -qx "tpa-survey: s.csv:1: required column transfer_income (转移性收入) is missing" err'

expect "no rules at all: exit 2 with what to give" '
	status 2 tpa-survey -o p.csv "$D/applicants.csv" "$D/survey.csv" 2>err && grep -q "no rules" err'

expect "a GBK survey file with Chinese headers reads the same" '
	sample_village && iconv -f UTF-8 -t GB18030 survey.csv >gbk.csv &&
	tpa-survey -q --village . -o a.csv applicants.csv survey.csv &&
	tpa-survey -q --village . -o b.csv applicants.csv gbk.csv && same b.csv a.csv'

expect "the front door runs survey" '
	tpa survey -q --rules "$D/rules.yaml" "$D/applicants.csv" "$D/survey.csv" >p.csv &&
	same p.csv "$D/primary.expected"'
