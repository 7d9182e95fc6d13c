#!/bin/sh
# A survey.csv column that names a column of the household list the stages
# give (decision, reasons, per_capita_income, members, head_name,
# village_code, ... — household/list.c) is refused: kept as an extra column
# it would stand for the stage's own value, and a household the rules
# exclude would be posted with the decision and income typed into the
# survey. Exit 2 naming the file, the line and the column; nothing written.
. "$(dirname "$0")/lib.sh"

V=c/2015/371323105201
setup() {
	cp -R "$SAMPLE/county/." c/ && sample_rules c &&
	(cd $V && tpa-apply -q --village . -o applicants.csv applications.csv)
}

# with COLUMN TITLE VALUE: survey.csv with one more column, every row VALUE
with() {
	awk -v h="$2" -v v="$3" 'NR == 1 { print $0 "," h; next } { print $0 "," v }' \
	    "$SAMPLE/county/2015/371323105201/survey.csv" >$V/survey.csv
}

for c in "decision:结论:eligible" "reasons:reasons:" "per_capita_income:人均纯收入:100" \
    "members:家庭人口:9" "head_name:head_name:王五" "village_code:村代码:371323105201" \
    "poverty_line:poverty_line:1" "rank:rank:1" "votes_for:赞成票:30"; do
	name=${c%%:*}; rest=${c#*:}; title=${rest%%:*}; value=${rest#*:}
	expect "a survey column $title ($name): exit 2 naming survey.csv, line 1 and the column; no primary.csv" "
		setup && with $name $title '$value' &&
		(cd $V && status 2 tpa-survey -q --village . -o primary.csv applicants.csv survey.csv 2>../../../err) &&
		[ ! -e $V/primary.csv ] && [ ! -e $V/rejects-survey.csv ] &&
		grep -q '^tpa-survey: survey.csv:1: column 14 ($name) ' err"
done

expect "under zh_CN the message is Chinese and names the column" '
	setup && with decision 结论 eligible &&
	(cd $V && LC_ALL=zh_CN.UTF-8 status 2 tpa-survey -q --village . -o primary.csv applicants.csv survey.csv 2>../../../err) &&
	grep -q "第 14 列（decision）" err && ! grep -q "household list" err'

expect "an extra column of the survey's own (备注) is kept, as before" '
	setup && with 备注 备注 已核实 &&
	(cd $V && tpa-survey -q --village . -o primary.csv applicants.csv survey.csv) &&
	head -1 $V/primary.csv | grep -q ",备注" && grep -q "^371323105201,H001,.*,已核实" $V/primary.csv'

# The same columns as a form or a spreadsheet may write their headers:
# full-width letters, spaces inside, a unit in brackets.
for c in "decision:ｄｅｃｉｓｉｏｎ:eligible" "decision:结 论:eligible" \
    "decision:结　论:eligible" "per_capita_income:人均纯收入（元）:100" \
    "members:家庭人口(人):9"; do
	name=${c%%:*}; rest=${c#*:}; title=${rest%%:*}; value=${rest#*:}
	expect "a survey column written $title ($name): refused as $name is, exit 2; no primary.csv" "
		setup && with $name '$title' '$value' &&
		(cd $V && status 2 tpa-survey -q --village . -o primary.csv applicants.csv survey.csv 2>../../../err) &&
		[ ! -e $V/primary.csv ] && grep -q '^tpa-survey: survey.csv:1: column 14 ($name) ' err"
done

expect "the survey's own columns written with a unit and spaces (工资性收入（元）, 是否 低保): read as those columns, the same primary.csv" '
	setup && (cd $V && tpa-survey -q --village . -o ../want.csv applicants.csv survey.csv) &&
	sed "1s/工资性收入/工资性收入（元）/; 1s/转移性收入/转移性收入(元)/; 1s/是否低保/是否 低保/" \
	    "$SAMPLE/county/2015/371323105201/survey.csv" >$V/survey.csv &&
	head -1 $V/survey.csv | grep -q "工资性收入（元）,.*转移性收入(元),.*是否 低保," &&
	(cd $V && tpa-survey -q --village . -o primary.csv applicants.csv survey.csv) &&
	cmp $V/primary.csv c/2015/want.csv'

for unit in "（万元）" "(元/人)" "(元／人)" "(人)" "(亩)"; do
	expect "a unit that changes what the values mean or is not a household income's (工资性收入$unit) is not dropped: the column is not wage_income, which is then missing" "
		setup && sed '1s|工资性收入|工资性收入$unit|' \"\$SAMPLE/county/2015/371323105201/survey.csv\" >\$V/survey.csv &&
		head -1 \$V/survey.csv | grep -qF '工资性收入$unit' &&
		(cd \$V && status 2 tpa-survey -q --village . -o primary.csv applicants.csv survey.csv 2>../../../err) &&
		grep -q 'wage_income' err && [ ! -e \$V/primary.csv ] &&
		grep -qF 'survey.csv:1: column 4, \"工资性收入$unit\", would be wage_income but for its unit' err"
done
