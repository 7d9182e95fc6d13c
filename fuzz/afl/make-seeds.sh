#!/bin/sh
# Write the seed corpora of the whole-program fuzz targets into
# fuzz/afl/seeds/<target>/ (the committed seeds were made by this script;
# run it again after changing it and commit what changes).
#
# The seeds are the sample village (samples/county/2015/371323105201) and
# its stage outputs (fuzz/afl/fixed/), plus the reproductions of issue 9:
# extra columns with a rejected household, a truncated UTF-8 character, a
# stray byte, control characters in names, an ID number in the wrong
# column, GB18030, BOM and CRLF. Keep seeds small: AFL mutates bytes, and
# every byte of a seed costs execution time.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
sample=$top/samples/county/2015/371323105201
fixed=$here/fixed
seeds=$here/seeds

rm -rf "$seeds"
mkdir -p "$seeds/apply" "$seeds/survey" "$seeds/survey-applicants" \
    "$seeds/appraise" "$seeds/appraise-primary" "$seeds/resolve" \
    "$seeds/resolve-list"

# ---- apply: applications.csv ------------------------------------------
a=$seeds/apply
cp "$sample/applications.csv" "$a/sample.csv"
head -n 7 "$sample/applications.csv" >"$a/small-zh.csv"
iconv -f UTF-8 -t GB18030 "$a/small-zh.csv" >"$a/small-gb18030.csv"
{ printf '\357\273\277'; sed 's/$/\r/' "$a/small-zh.csv"; } >"$a/small-bom-crlf.csv"
cat >"$a/small-en.csv" <<'EOF'
household_id,name,id_number,relation,sex,birth_date,health,labor,education,in_school,occupation,phone,group,apply_date,declared_reason
H1,Zhang San,37132319580312011X,head,male,1958-03-12,chronic,partial,primary,no,farmer,13905391234,2,2015-05-20,"ill, no labour"
H1,Li Si,371323196007050223,spouse,female,,serious,none,illiterate,,farmer,,2,,
H2,Wang Wu,371323197209180311,head,,,healthy,full,junior,,migrant_worker,,3,2015/5/21,"said ""poor"""
H2,Wang Xiao,37132319980611053X,child,,,,,senior,senior,,,3,,
EOF
# Issue 9 §1: twelve and two extra columns, one household rejected.
h=household_id,name,id_number,relation,apply_date
x=$(seq -s, -f e%g 0 11) v=$(seq -s, -f v%g 0 11)
printf "$h,$x\nH1,张三,37132319580312011X,head,2015-05-01,$v\nH1,李四,123,spouse,,$v\nH2,王五,371323196007050223,head,2015-05-01,$v\n" >"$a/extra12-reject.csv"
printf "$h,bank,address\nH1,张三,37132319580312011X,head,2015-05-01,6222,村东\nH1,李四,123,spouse,,6223,村东\nH2,王五,371323196007050223,head,2015-05-01,6224,村西\n" >"$a/extra2-reject.csv"
# A clean register with the columns real ones carry (bank card, address,
# group): one rejected row away from issue 9 §1.
printf "household_id,name,id_number,relation,apply_date,bank_card,address,group\nH1,张三,37132319580312011X,head,2015-05-01,6222020200112233445,村东,1\nH1,李四,371323196007050223,spouse,,,村东,1\nH2,王五,371323197209180311,head,2015-05-02,6222020200112233446,村西,2\n" >"$a/clean-extra3.csv"
# Issue 9 §4: a UTF-8 file with one truncated character; a stray byte.
printf "$h,declared_reason\nH1,王五,37132319580312011X,head,2015-05-01,\347\227\nH2,李四,371323196007050223,head,2015-05-01,病\n" >"$a/utf8-truncated.csv"
{ echo "$h"; i=1; while [ $i -le 19 ]; do echo "H$i,张三$i,37132319580312011X,head,2015-05-01"; i=$((i + 1)); done
  printf 'H20,\377,371323196007050223,head,2015-05-01\n'; } >"$a/stray-ff.csv"
# Control characters in names (terminal escapes), and in a free-text cell.
printf "$h,declared_reason\nH1,\033[31m张三\007,37132319580312011X,head,2015-05-01,\"line\nbreak\ttab\"\nH2,李\001四,371323196007050223,head,2015-05-01,\033]0;x\007\n" >"$a/control-chars.csv"
# Issue 9 §2: an ID number where it does not belong.
printf "$h\nH1,张,三,37132319580312011X,head,2015-05-01\nH2,李四,371323196007050223,head,2015-05-01\n" >"$a/id-in-relation.csv"
printf "household_id,name,id_number,relation,birth_date,apply_date\nH1,张三,37132319580312011X,head,37132319580312011X,2015-05-01\nH2,李四,371323196007050223,head,1960年7月5日,2015-05-01\n" >"$a/id-in-birth-date.csv"
printf "household_id,name,id_number,relation,,apply_date\nH1,张三,37132319580312011X,head,371323196007050223,2015-05-01\n" >"$a/empty-header-cell.csv"
printf "household_id,name,id_number,relation,apply_date\nH1,张三,371323580312011,head,2015-05-01\nH2,李四,3.71323E+17,head,2015-05-01\nH3,王五,371323196007050000,head,2015-05-01\nH4,赵六,37132319600705022x,head,2015.5.1\nH4,钱七,371323196007050223,spouse,\n" >"$a/old15-mangled.csv"
printf "household_id,name,id_number,relation,apply_date,declared_reason\nH1,\"张,三\",37132319580312011X,head,2015年5月1日,\"a \"\"quoted\"\"\nreason, with commas\"\nH1,  李四　,371323196007050223,spouse,,\nH1,李四,371323196007050223,child,,\nH2,王五,37132319980611053X,child,2015-02-30,\nH3,=cmd,371323197504020425,head,2015-05-01,+1\n" >"$a/quotes-dup-nohead.csv"

# ---- survey: survey.csv (applicants.csv fixed) --------------------------
s=$seeds/survey
cp "$fixed/survey.csv" "$s/sample.csv"
iconv -f UTF-8 -t GB18030 "$fixed/survey.csv" >"$s/sample-gb18030.csv"
{ printf '\357\273\277'; head -n 5 "$fixed/survey.csv" | sed 's/$/\r/'; } >"$s/small-bom-crlf.csv"
cat >"$s/small-en.csv" <<'EOF'
household_id,survey_date,surveyors,wage_income,business_income,property_income,transfer_income,housing,drinking_water,dibao,main_cause,urban_house,car_value
H001,2015-05-26,Li,0,"2,400",0,¥1800.5,safe,safe,yes,illness,no,0
H002,2015/5/26,Li,6000,-2500.50,0,500,c_grade,unsafe,no,education,是,"30,000.01"
H004,2015.5.27,Li,12000,-2000,0,0,d_grade,safe,n,,1,50000
H005,2015年5月27日,Li,abc,0,0,0,none,safe,×,lack_of_funds,yes,
EOF
printf "household_id,survey_date,surveyors,wage_income,business_income,property_income,transfer_income,$(seq -s, -f e%g 0 11)\nH001,2015-05-26,李,0,0,0,0,$(seq -s, -f v%g 0 11)\nH002,2015-05-26,李,0,0,0,0,$(seq -s, -f v%g 0 11)\nH002,2015-05-27,李,0,0,0,0,$(seq -s, -f v%g 0 11)\nH999,2015-05-26,李,0,0,0,0,$(seq -s, -f v%g 0 11)\n" >"$s/extra12-dup-orphan.csv"
printf "household_id,survey_date,surveyors,wage_income,business_income,property_income,transfer_income\nH001,2015-05-26,李,0,0,0\nH002,2015-13-26,李,99999999999999999999,0.001,1,2,3\nH003,2015-05-26,\033[2J,1e9,--1,0,0\n" >"$s/ragged-bad.csv"

# ---- survey-applicants: applicants.csv (survey.csv fixed) -------------
p=$seeds/survey-applicants
cp "$fixed/applicants.csv" "$p/sample.csv"
head -n 6 "$fixed/applicants.csv" >"$p/small.csv"
{ head -n 1 "$fixed/applicants.csv" | sed "s/\$/,$(seq -s, -f e%g 0 11)/"
  sed -n '2,6p' "$fixed/applicants.csv" | sed "s/\$/,$(seq -s, -f v%g 0 11)/"; } >"$p/extra12.csv"
sed -n '1,6p' "$fixed/applicants.csv" | sed '3s/,务农,/,某某单位,/; 4s/,务农,/,公务员,/; 5s/,务农,/,civil_servant,/' >"$p/occupation.csv"

# ---- appraise: votes.csv (primary.csv fixed) ----------------------------
v=$seeds/appraise
cp "$fixed/votes.csv" "$v/sample.csv"
printf "household_id,votes_for,votes_against,votes_abstain\nH001,30,2\nH002,x,1,1\nH006,99999999999999999999,0,0\nH006,-1,0,0\nH031,16,16,0\nH999,1,1,1\n" >"$v/ragged-bad.csv"
printf "户编号,赞成票,反对票,弃权票\r\nH001,30,2,0\r\nH002,20,10,2\r\n" >"$v/zh-crlf.csv"

# ---- appraise-primary: primary.csv (votes.csv fixed) ------------------
q=$seeds/appraise-primary
cp "$fixed/primary.csv" "$q/sample.csv"
head -n 4 "$fixed/primary.csv" >"$q/small.csv"
{ head -n 1 "$fixed/primary.csv" | sed "s/\$/,$(seq -s, -f e%g 0 11)/"
  sed -n '2,5p' "$fixed/primary.csv" | sed "s/\$/,$(seq -s, -f v%g 0 11)/"; } >"$q/extra12.csv"

# ---- resolve: objections.csv (appraised.csv fixed) ----------------------
o=$seeds/resolve
cp "$fixed/objections.csv" "$o/sample.csv"
printf "household_id,about,received,kind,summary,outcome,decided,decided_by\nH001,,2015-06-06,wrongly_included,\"long\nsummary \033[31m\",pending,,\nH002,,2015-06-07,data_error,x,upheld,2015年13月1日,村委会\n,王五 371323196512034411,2015-06-08,wrongly_excluded,未纳入,dismissed,2015-06-10,村委会\nH004,,2015-06-09,错评\n" >"$o/bad-date-ragged.csv"

# ---- resolve-list: appraised.csv (objections.csv fixed) -----------------
l=$seeds/resolve-list
cp "$fixed/appraised.csv" "$l/sample.csv"
{ head -n 1 "$fixed/appraised.csv" | sed "s/\$/,$(seq -s, -f e%g 0 11)/"
  sed -n '2,5p' "$fixed/appraised.csv" | sed "s/\$/,$(seq -s, -f v%g 0 11)/"; } >"$l/extra12.csv"
