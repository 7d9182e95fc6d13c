#!/bin/sh
# tpa-apply on the sample village and on the CSV forms the spec accepts.
. "$(dirname "$0")/lib.sh"
# The sample village in a county folder whose rules/ holds the shipped
# rules, where its village.yaml names them (../../rules/): a village.yaml
# naming a file that does not exist is refused.
C=$scratch/county
mkdir -p "$C/2015" && cp -R "$SAMPLE_FLAT/county/2015/371323105201" "$C/2015/" &&
	sample_rules "$C" || exit 1
V=$C/2015/371323105201

# The expected files were checked by hand against applications.csv: sex and
# birth date read off each ID number, enumerations turned into codes, dates
# into YYYY-MM-DD, households sorted with the head first, one reject code
# per planted error (see the comments in samples/README.md).
expect "sample village: accepted applicants as worked out by hand" '
	tpa-apply -q --village "$V/village.yaml" -o applicants.csv "$V/applications.csv" &&
	same applicants.csv "$DATA/sample/applicants.expected" &&
	same rejects-apply.csv "$DATA/sample/rejects-apply.expected"'

expect "sample village: every reject code of apply appears" '
	tpa-apply -q --village "$V" -o applicants.csv "$V/applications.csv" &&
	for code in MISSING_FIELD BAD_ID_FORMAT BAD_ID_CHECKSUM BAD_ID_DATE \
	    OLD_15_DIGIT_ID SEX_MISMATCH BIRTH_MISMATCH BAD_VALUE BAD_DATE \
	    DUPLICATE_PERSON NO_HEAD MULTIPLE_HEADS HOUSEHOLD_INCOMPLETE; do
		cut -d, -f8 rejects-apply.csv | grep -qx "$code" || { echo "no $code"; exit 1; }
	done'

expect "every input row is accepted or rejected, never both" '
	tpa-apply -q --village "$V" -o applicants.csv "$V/applications.csv" &&
	rows=$(($(wc -l <"$V/applications.csv") - 1)) &&
	accepted=$(($(wc -l <applicants.csv) - 1)) &&
	rejected=$(tail -n +2 rejects-apply.csv | cut -d, -f3 | sort -u | wc -l) &&
	echo "$rows = $accepted + $rejected" && [ "$rows" -eq $((accepted + rejected)) ] &&
	tail -n +2 applicants.csv | cut -d, -f4 | sort >ids.accepted &&
	tail -n +2 rejects-apply.csv | cut -d, -f5 | sort -u >hh.rejected &&
	tail -n +2 applicants.csv | cut -d, -f2 | sort -u >hh.accepted &&
	[ -z "$(comm -12 hh.accepted hh.rejected)" ]'

expect "summary line counts households and people" '
	tpa-apply --village "$V" -o applicants.csv "$V/applications.csv" 2>err &&
	grep -qx "applicants: 15 households, 43 people accepted; 13 households rejected" err'

expect "quoted commas, escaped quotes, newlines, JSON and Chinese pass through" '
	village && tpa-apply -q --village village.yaml -o out.csv "$DATA/apply/formats.csv" &&
	same out.csv "$DATA/apply/formats.expected" &&
	[ "$(wc -l <rejects-apply.csv)" -eq 1 ]'

expect "a CRLF file reads as the LF one (quoted CRLF kept inside its cell)" '
	village && tpa-apply -q --village village.yaml -o out.csv "$DATA/apply/formats-crlf.csv" &&
	same out.csv "$DATA/apply/formats-crlf.expected"'

expect "UTF-8 BOM and quoted header cells" '
	village && printf "\357\273\277\"户编号\",\"姓名\",\"身份证号\",\"与户主关系\",\"申请日期\"\nA1,张建国,37132319580312011X,户主,2015-05-20\n" >in.csv &&
	tpa-apply -q --village village.yaml -o out.csv in.csv &&
	[ "$(sed -n 2p out.csv | cut -d, -f2,3)" = "A1,张建国" ]'

expect "no final newline" '
	village && printf "household_id,name,id_number,relation,apply_date\nA1,张建国,37132319580312011X,户主,2015-05-20" >in.csv &&
	tpa-apply -q --village village.yaml -o out.csv in.csv &&
	[ "$(wc -l <out.csv)" -eq 2 ]'

expect "blank lines are skipped and line numbers stay physical" '
	village && printf "household_id,name,id_number,relation,apply_date\n\nA1,张建国,37132319580312011X,户主,2015-05-20\n\n\nA2,,371323197209180311,户主,2015-05-20\n" >in.csv &&
	tpa-apply -q --village village.yaml -o out.csv in.csv &&
	[ "$(sed -n 2p rejects-apply.csv | cut -d, -f3,8)" = "6,MISSING_FIELD" ]'

expect "a GB18030 file with Chinese headers gives the same applicants" '
	iconv -f UTF-8 -t GB18030 "$V/applications.csv" >gbk.csv &&
	! cmp -s gbk.csv "$V/applications.csv" &&
	tpa-apply -q --village "$V" -o a.csv gbk.csv &&
	tpa-apply -q --village "$V" -o b.csv "$V/applications.csv" &&
	same a.csv b.csv &&
	tpa-apply -q --village "$V" -e gbk -o c.csv gbk.csv && same c.csv b.csv'

expect "a ragged row is a reject, not a crash" '
	village && printf "household_id,name,id_number,relation,apply_date\nA1,张建国,37132319580312011X,户主\nA2,王德明,371323197209180311,户主,2015-05-21\n" >in.csv &&
	tpa-apply -q --village village.yaml -o out.csv in.csv &&
	grep -q "^apply,in.csv,2,371323105201,A1,371323\*\*\*\*\*\*\*\*011X,,RAGGED_ROW," rejects-apply.csv &&
	[ "$(tail -n +2 out.csv | cut -d, -f2)" = "A2" ]'

expect "a 1 MiB cell is kept whole" '
	village && { printf "household_id,name,id_number,relation,apply_date,declared_reason\nA1,张建国,37132319580312011X,户主,2015-05-20,\""; head -c 1048576 /dev/zero | tr "\0" "x"; printf "\"\n"; } >in.csv &&
	tpa-apply -q --village village.yaml -o out.csv in.csv &&
	[ "$(sed -n 2p out.csv | cut -d, -f16 | tr -d "\n" | wc -c)" -eq 1048576 ]'

expect "header only: outputs with headers only, exit 0" '
	village && printf "household_id,name,id_number,relation,apply_date\n" >in.csv &&
	tpa-apply -q --village village.yaml -o out.csv in.csv &&
	[ "$(wc -l <out.csv)" -eq 1 ] && [ "$(wc -l <rejects-apply.csv)" -eq 1 ]'

expect "a head row needs its apply_date" '
	village && printf "household_id,name,id_number,relation,apply_date\nA1,张建国,37132319580312011X,户主,\n" >in.csv &&
	tpa-apply -q --village village.yaml -o out.csv in.csv &&
	grep -q ",apply_date,MISSING_FIELD," rejects-apply.csv'

expect "extra aliases from --columns" '
	village && printf "户主编号,姓名,身份证号,与户主关系,申请日期,是否有车\nA1,张建国,37132319580312011X,户主,2015-05-20,否\n" >in.csv &&
	printf "household_id: [户主编号]\nhas_car: [是否有车]\n" >cols.yaml &&
	tpa-apply -q --village village.yaml --columns cols.yaml -o out.csv in.csv &&
	head -1 out.csv | grep -q ",declared_reason,source,has_car$" &&
	[ "$(sed -n 2p out.csv | cut -d, -f2)" = A1 ]'

expect "output on stdout, rejects in the village folder, recorded without the stdout output" '
	mkdir v && (cd v && village) && tpa-apply -q --village v/village.yaml "$DATA/apply/formats.csv" >out.csv &&
	same out.csv "$DATA/apply/formats.expected" && [ -f v/rejects-apply.csv ] && [ ! -f rejects-apply.csv ] &&
	[ "$(tail -n +2 v/PROVENANCE.csv | cut -d, -f1)" = rejects-apply.csv ]'

expect "input from stdin" '
	village && tpa-apply -q --village village.yaml -o out.csv - <"$DATA/apply/formats.csv" &&
	same out.csv "$DATA/apply/formats.expected"'

expect "options after operands and --opt=value" '
	village && tpa-apply "$DATA/apply/formats.csv" -q --village=village.yaml --output=out.csv &&
	same out.csv "$DATA/apply/formats.expected"'

# An ID a spreadsheet turned into a number: shown as Excel shows it (3.71323E+17)
# or with its last three digits zeroed (…0000 for 37132319580312011X, whose
# check character over …12000 would be 5, not 0): ID_MANGLED, not a bad
# checksum, with a message that says what happened and what to do.
expect "ID_MANGLED: an ID a spreadsheet made a number, in both forms, with what to do; never a full ID" '
	village && printf "%s\n" "household_id,name,id_number,relation,apply_date" \
	    "A1,张建国,3.71323E+17,户主,2015-05-20" "A2,李秀英,371323195803120000,户主,2015-05-20" \
	    "A3,王五,3.71323195803121E+17,户主,2015-05-20" >in.csv &&
	tpa-apply -q --village village.yaml -o out.csv in.csv &&
	[ "$(cut -d, -f5-8 rejects-apply.csv | grep ID_MANGLED | tr "\n" " ")" = "A1,3.71323E+17,id_number,ID_MANGLED A2,371323********0000,id_number,ID_MANGLED A3,3.71323*********E+17,id_number,ID_MANGLED " ] &&
	grep -q "^apply,in.csv,2,371323105201,A1,3.71323E+17,id_number,ID_MANGLED,身份证号被电子表格转成了数字，已丢失位数：请把该列设置为文本格式，再按纸质表重新录入,error$" rejects-apply.csv &&
	! grep -q "3.71323195803121\|371323195803120000" rejects-apply.csv &&
	echo "language: en" >>village.yaml && tpa-apply -q --village village.yaml -o out.csv in.csv &&
	grep -q "was turned into a number by a spreadsheet and lost digits: format the column as text" rejects-apply.csv'
