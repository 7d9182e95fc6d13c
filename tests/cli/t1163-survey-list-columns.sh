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
