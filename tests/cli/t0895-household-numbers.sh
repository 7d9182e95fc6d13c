#!/bin/sh
# Household numbers made only of digits compare by value (1 = 01 = 001) in
# every file of a village and across years, and are written as the village
# first wrote them; a spreadsheet that saved applications.csv or survey.csv
# dropped their leading zeros. Worked by hand:
#
# 2015  001 (张一, income 1000) and 007 (李二, 1000, C-grade house): both
#       eligible, proposed, confirmed, registered new.
# 2016  applications.csv, saved by a spreadsheet: 1 (张一 again) and 12
#       (周六, new, 800); survey.csv: 1, 7, 12. Last year's registry writes
#       001 and 007 with three digits, so the village's width is 3:
#       1 -> 001 (its application replaces the carried 001, not a second
#       household holding the same person), 7's survey row joins the
#       carried 007, 12 -> 012 (new). Each restored number is one warning
#       row LEADING_ZEROS_RESTORED in the rejects of the file that wrote it.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "several years of one village, through make; the plain and ASan+UBSan builds run it, and the readers it drives run under memcheck in t0500 and t0700"
RULES=$(cd "$(dirname "$0")/../../rules" && pwd)
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)/village.mk

HDR_APP="户编号,姓名,身份证号,与户主关系,健康状况,劳动能力,职业,村民小组,申请日期"
HDR_SUR="户编号,调查日期,调查人,工资性收入,生产经营性收入,财产性收入,转移性收入,住房情况,是否低保,urban_house,car_value"
IDA=370102195001011217
IDB=370102196002022414
IDC=370102197004042114
IDD=370102198008082417

village_yaml() {   # YEAR PREVIOUS
	cat >village.yaml <<YAML
village:
  code: "371323105201"
  name: 双河村
  town: 临涧镇
  county: 沂水县
  population: 800
  contact: 村委会 张主任 0539-1234567
year: $1
rules: ../rules/example-2015.yaml
$( [ -n "$2" ] && echo "previous: ../$2/registry" )
quota: 1000
appraisal: {date: $1-06-03, representatives: 22}
publicity:
  village: {start: $1-06-05, end: $1-06-11}
  town:    {start: $1-06-14, end: $1-06-20}
  county:  {start: $1-06-21, end: $1-06-25}
YAML
	for l in village town county; do
		printf "household_id,about,received,kind,summary,outcome,decided,decided_by\n" >objections-$l.csv
	done
	echo "include $MK" >Makefile
}

votes() {   # households...
	echo "household_id,votes_for,votes_against,votes_abstain"
	for h in "$@"; do echo "$h,20,2,0"; done
}

# 2015 and 2016 in ./v; 2016 names 2015's registry unless $1 is "alone".
years() {
	mkdir -p v/rules v/2015 v/2016 && cp "$RULES"/*.yaml v/rules/ &&
	(cd v/2015 && village_yaml 2015 "" &&
	 printf "%s\n" "$HDR_APP" \
	    "001,张一,$IDA,户主,健康,普通劳动力,务农,一组,2015-05-20" \
	    "007,李二,$IDB,户主,长期慢性病,弱劳动力,务农,一组,2015-05-20" >applications.csv &&
	 printf "%s\n" "$HDR_SUR" \
	    "001,2015-05-26,李,1000,0,0,0,安全,否,否,0" \
	    "007,2015-05-26,李,1000,0,0,0,C级危房,否,否,0" >survey.csv &&
	 votes 001 007 >votes.csv) &&
	(cd v/2016 && village_yaml 2016 "$( [ "${1:-}" = alone ] || echo 2015 )" &&
	 printf "%s\n" "$HDR_APP" \
	    "1,张一,$IDA,户主,健康,普通劳动力,务农,一组,2016-05-20" \
	    "12,周六,$IDD,户主,健康,弱劳动力,务农,三组,2016-05-20" >applications.csv &&
	 printf "%s\n" "$HDR_SUR" \
	    "1,2016-05-26,李,1000,0,0,0,安全,否,否,0" \
	    "7,2016-05-26,李,1000,0,0,0,C级危房,否,否,0" \
	    "12,2016-05-27,李,800,0,0,0,安全,否,否,0" >survey.csv &&
	 votes 1 7 12 >votes.csv)
}

run() {   # YEAR
	make -s -C v/$1 TPA_BIN="$TPA_BIN" TPA_AUDIT=0 >make-$1.log 2>&1 ||
	    { tail -20 make-$1.log >&2; return 1; }
}

# column NAME of FILE, without its header, one line per row
col() {
	awk -F, -v n="$1" 'NR == 1 { sub(/^\357\273\277/, ""); for (i = 1; i <= NF; i++) c[$i] = i; next }
	    { print $c[n] }' "$2"
}

# status YEAR HOUSEHOLD: its status,registered_since
st() {
	awk -F, -v h="$2" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
	    $2 == h { print $c["status"] "," $c["registered_since"] }' v/$1/registry/households.csv
}

expect "2015 wrote 001 and 007; 2016's 1 and 7 (a spreadsheet's) are those households, 12 is registered 012" '
	years && run 2015 && run 2016 && y=v/2016 &&
	[ "$(col household_id $y/applicants.csv | tr "\n" " ")" = "001 007 012 " ] &&
	[ "$(col source $y/applicants.csv | tr "\n" " ")" = "application registry application " ] &&
	! grep -q "DUPLICATE_PERSON\|,error$" $y/rejects-apply.csv &&
	[ "$(col decision $y/primary.csv | tr "\n" " ")" = "eligible eligible eligible " ] &&
	! grep -q ORPHAN_SURVEY $y/rejects-survey.csv &&
	[ "$(st 2016 001)" = "continuing,2015" ] && [ "$(st 2016 007)" = "continuing,2015" ] &&
	[ "$(st 2016 012)" = "new,2016" ] &&
	[ "$(col household_id $y/registry/members.csv | tr "\n" " ")" = "001 007 012 " ] &&
	[ "$(col household_id $y/registry/households.csv | tr "\n" " ")" = "001 007 012 " ]'

expect "each restored number is one warning row LEADING_ZEROS_RESTORED at its first line, in apply and survey rejects" '
	years && run 2015 && run 2016 && y=v/2016 &&
	[ "$(cut -d, -f2-5,7-8,10 $y/rejects-apply.csv | tail -n +2 | tr "\n" " ")" = "applications.csv,2,371323105201,1,household_id,LEADING_ZEROS_RESTORED,warning applications.csv,3,371323105201,12,household_id,LEADING_ZEROS_RESTORED,warning " ] &&
	grep -q "^apply,applications.csv,3,.*,户编号12前面的0被去掉了（表格软件保存时会这样），已按本村的写法恢复为012,warning$" $y/rejects-apply.csv &&
	[ "$(cut -d, -f2-5,7-8,10 $y/rejects-survey.csv | tail -n +2 | sort | tr "\n" " ")" = "survey.csv,2,371323105201,1,household_id,LEADING_ZEROS_RESTORED,warning survey.csv,3,371323105201,7,household_id,LEADING_ZEROS_RESTORED,warning survey.csv,4,371323105201,12,household_id,LEADING_ZEROS_RESTORED,warning " ] &&
	grep -q "恢复为007,warning$" $y/rejects-survey.csv &&
	head -1 $y/rejects-apply.csv | grep -q ",message,severity$"'

expect "votes written 1, 7, 12 count for 001, 007, 012, each said on stderr" '
	years && run 2015 && run 2016 && y=v/2016 &&
	[ "$(col decision $y/appraised.csv | tr "\n" " ")" = "proposed proposed proposed " ] &&
	[ "$(col votes_for $y/appraised.csv | tr "\n" " ")" = "20 20 20 " ] &&
	tpa-appraise --village $y -o a.csv $y/primary.csv $y/votes.csv 2>err &&
	grep -q "^tpa-appraise: .*votes.csv:3: household 7 is written 007 in the list (the same number): the vote counts for it" err'

expect "tpa-file --previous judges a list that writes 1 against last year's 001 and keeps 001" '
	years alone && run 2015 && run 2016 && y=v/2016 &&
	[ "$(col household_id $y/applicants.csv | tr "\n" " ")" = "1 12 " ] &&
	status 1 tpa-file --village $y --previous v/2015/registry -o reg $y 2>err &&
	grep -q "publicized-county.csv:2: household 1 is written 001 in last year.s registry (the same number): the registry writes 001" err &&
	awk -F, "\$2 == \"001\"" reg/households.csv | grep -q ",continuing,2016,2015," &&
	awk -F, "\$2 == \"007\"" reg/households.csv | grep -q ",unexplained," &&
	awk -F, "\$2 == \"12\"" reg/households.csv | grep -q ",new,2016,2016," &&
	[ "$(col household_id reg/members.csv | tr "\n" " ")" = "001 12 " ]'

# One village on its own, no previous registry.
one() {
	village && echo "rules: $RULES/example-2015.yaml" >>village.yaml &&
	printf "appraisal: {date: 2015-06-03, representatives: 22}\npublicity:\n  village: {start: 2015-06-05, end: 2015-06-11}\n" >>village.yaml
}

expect "survey.csv 1 joins applicants 001; 1 and 01 in survey.csv are two rows of one household (DUPLICATE_SURVEY)" '
	one && printf "%s\n" "$HDR_APP" "001,张一,$IDA,户主,健康,普通劳动力,务农,一组,2015-05-20" \
	    "002,李二,$IDB,户主,健康,普通劳动力,务农,一组,2015-05-20" >applications.csv &&
	tpa-apply -q --village . -o applicants.csv applications.csv &&
	printf "%s\n" "$HDR_SUR" "1,2015-05-26,李,1000,0,0,0,安全,否,否,0" \
	    "2,2015-05-26,李,1000,0,0,0,安全,否,否,0" "02,2015-05-26,李,1000,0,0,0,安全,否,否,0" >survey.csv &&
	tpa-survey -q --village . -o primary.csv applicants.csv survey.csv &&
	[ "$(col household_id primary.csv | tr "\n" " ")" = "001 002 " ] &&
	[ "$(col decision primary.csv | tr "\n" " ")" = "eligible unverified " ] &&
	grep -q "^survey,survey.csv,2,371323105201,1,,household_id,LEADING_ZEROS_RESTORED,.*恢复为001,warning$" rejects-survey.csv &&
	[ "$(grep -c ",DUPLICATE_SURVEY,.*,error$" rejects-survey.csv)" -eq 2 ] &&
	! grep -q ORPHAN_SURVEY rejects-survey.csv'

expect "an objection written 1 is about 001: upheld wrongly_included removes it" '
	one && printf "%s\n" "$HDR_APP" "001,张一,$IDA,户主,健康,普通劳动力,务农,一组,2015-05-20" \
	    "002,李二,$IDB,户主,健康,普通劳动力,务农,一组,2015-05-20" >applications.csv &&
	printf "%s\n" "$HDR_SUR" "001,2015-05-26,李,1000,0,0,0,安全,否,否,0" \
	    "002,2015-05-26,李,1000,0,0,0,安全,否,否,0" >survey.csv &&
	tpa-apply -q --village . -o applicants.csv applications.csv &&
	tpa-survey -q --village . -o primary.csv applicants.csv survey.csv &&
	votes 1 02 >votes.csv && tpa-appraise -q --village . -o appraised.csv primary.csv votes.csv &&
	[ "$(col decision appraised.csv | tr "\n" " ")" = "proposed proposed " ] &&
	printf "household_id,about,received,kind,summary,outcome,decided,decided_by\n1,,2015-06-06,wrongly_included,有车,upheld,2015-06-10,村委会\n" >o.csv &&
	tpa-publicize resolve --level village --village . -o p.csv appraised.csv o.csv 2>err &&
	[ "$(col household_id p.csv | tr "\n" " ")" = "001 002 " ] &&
	[ "$(col decision p.csv | tr "\n" " ")" = "removed confirmed " ] &&
	[ "$(col objections p.csv | tr "\n" " ")" = "1 0 " ] &&
	grep -q "o.csv:2: household 1 is written 001 in the list (the same number): the objection is about it" err'

expect "1 and 01 in one applications.csv: every row of both rejected HOUSEHOLD_ID_AMBIGUOUS, never merged" '
	village && printf "%s\n" "household_id,name,id_number,relation,apply_date" \
	    "1,张一,$IDA,head,2015-05-20" "01,李二,$IDB,head,2015-05-20" "01,王三,$IDC,spouse," \
	    "3,周六,$IDD,head,2015-05-20" >applications.csv &&
	tpa-apply -q --village . -o applicants.csv applications.csv &&
	[ "$(col household_id applicants.csv | tr "\n" " ")" = "3 " ] &&
	[ "$(cut -d, -f3,5,8,10 rejects-apply.csv | tail -n +2 | sort | tr "\n" " ")" = "2,1,HOUSEHOLD_ID_AMBIGUOUS,error 3,01,HOUSEHOLD_ID_AMBIGUOUS,error 4,01,HOUSEHOLD_ID_AMBIGUOUS,error " ] &&
	grep -q "户编号1和01是同一个号码的两种写法" rejects-apply.csv &&
	echo "language: en" >>village.yaml && tpa-apply -q --village . -o applicants.csv applications.csv &&
	grep -q "household numbers 1 and 01 are the same number written two ways: give each household its own number" rejects-apply.csv'

expect "numbers not all digits compare bytewise as before; a village without leading zeros gets none" '
	village && printf "%s\n" "household_id,name,id_number,relation,apply_date" \
	    "H1,张一,$IDA,head,2015-05-20" "H01,李二,$IDB,head,2015-05-20" "h1,王三,$IDC,head,2015-05-20" \
	    "5,周六,$IDD,head,2015-05-20" "12,孙五,370102194507073015,head,2015-05-20" >applications.csv &&
	tpa-apply -q --village . -o applicants.csv applications.csv &&
	[ "$(col household_id applicants.csv | tr "\n" " ")" = "12 5 H01 H1 h1 " ] &&
	[ "$(wc -l <rejects-apply.csv)" -eq 1 ] &&
	printf "%s\n" "$HDR_SUR" "H1,2015-05-26,李,1000,0,0,0,安全,否,否,0" "h01,2015-05-26,李,1000,0,0,0,安全,否,否,0" >survey.csv &&
	echo "rules: $RULES/example-2015.yaml" >>village.yaml &&
	tpa-survey -q --village . -o primary.csv applicants.csv survey.csv &&
	grep -q "^survey,survey.csv,3,371323105201,h01,,household_id,ORPHAN_SURVEY," rejects-survey.csv &&
	[ "$(col decision primary.csv | tr "\n" " ")" = "unverified unverified unverified eligible unverified " ]'

# 120 households 001..120: applicants.csv and survey.csv in order, searched
# without an index; votes 1..120 found by value in the sorted primary list;
# then votes in the reverse order (the index).
expect "120 households written 001..120 join survey rows and votes written 1..120, in order and reversed" '
	one && echo "quota: 1000" >>village.yaml &&
	{ echo "household_id,name,id_number,relation,apply_date"
	  i=1; while [ $i -le 120 ]; do printf "%03d,张%d,%s,head,2015-05-20\n" $i $i $(printf "3701021950%02d%02d00%d" $(( (i - 1) / 28 + 1 )) $(( (i - 1) % 28 + 1 )) 1); i=$((i + 1)); done; } >raw.csv &&
	awk -F, "NR == 1 { print; next } { s = \$3; w = \"7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2\"; split(w, f, \" \"); t = 0
	    for (k = 1; k <= 17; k++) t += substr(s, k, 1) * f[k]; c = substr(\"10X98765432\", t % 11 + 1, 1)
	    \$3 = substr(s, 1, 17) c; print }" OFS=, raw.csv >applications.csv &&
	tpa-apply -q --village . -o applicants.csv applications.csv && [ "$(wc -l <rejects-apply.csv)" -eq 1 ] &&
	{ echo "household_id,survey_date,surveyors,wage_income,business_income,property_income,transfer_income"
	  i=1; while [ $i -le 120 ]; do echo "$i,2015-05-26,李,1000,0,0,0"; i=$((i + 1)); done; } >survey.csv &&
	tpa-survey -q --village . --rules "$DATA/appraise/rules.yaml" -o primary.csv applicants.csv survey.csv &&
	[ "$(col decision primary.csv | sort | uniq -c | tr -s " ")" = " 120 eligible" ] &&
	[ "$(grep -c LEADING_ZEROS_RESTORED rejects-survey.csv)" -eq 99 ] &&
	{ echo "household_id,votes_for,votes_against,votes_abstain"; i=1; while [ $i -le 120 ]; do echo "$i,20,0,0"; i=$((i + 1)); done; } >v.csv &&
	tpa-appraise -q --village . --rules "$DATA/appraise/rules.yaml" -o a.csv primary.csv v.csv 2>/dev/null &&
	[ "$(col decision a.csv | sort | uniq -c | tr -s " ")" = " 120 proposed" ] &&
	{ head -1 v.csv; tail -n +2 v.csv | sort -rn; } >r.csv &&
	tpa-appraise -q --village . --rules "$DATA/appraise/rules.yaml" -o b.csv primary.csv r.csv 2>/dev/null &&
	same b.csv a.csv'
