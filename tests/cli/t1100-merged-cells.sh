#!/bin/sh
# Excel's merged cells leave 户编号 blank on a household's member rows: the
# household above is incomplete (HOUSEHOLD_INCOMPLETE, named), never decided
# on fewer members; a row with every cell empty is skipped and counted.
#
# Worked by hand: household 030 has three members (张建国 the head, 李秀英,
# 张小明) and a wage income of 8400: 2800.00 a head, eligible (line 2855).
# Read as its head alone it would be 8400.00, above the line. 029 has 2000
# for one member (eligible), 031 has 9000 for one (above the line).
. "$(dirname "$0")/lib.sh"

rules() {
	printf "version: 1\nyear: 2015\nincome: {poverty_line: 2855}\n" >rules.yaml
}

# applications.csv as a clerk's Excel saves it: GBK, CRLF, Chinese headers;
# line 3 is 030's head, lines 4 and 5 its members with 户编号 blank (merged),
# line 6 a blank row, line 7 household 031.
merged() {
	village && rules && {
		echo "户编号,姓名,身份证号,与户主关系,申请日期"
		echo "029,王五,371323195501010011,户主,2018/5/20"
		echo "030,张建国,37132319580312011X,户主,2018年5月22日"
		echo ",李秀英,371323196001010028,配偶,"
		echo ",张小明,371323198501010015,子女,"
		echo ",,,,"
		echo "031,赵六,371323197209180311,户主,2018/5/21"
	} | iconv -f UTF-8 -t GB18030 | sed "s/\$/$(printf "\r")/" >applications.csv &&
	{
		echo "户编号,调查日期,调查人,工资性收入,生产经营性收入,财产性收入,转移性收入"
		echo "029,2015/5/26,李,2000,0,0,0"
		echo "030,2015/5/26,李,8400,0,0,0"
		echo ",,,,,,"
		echo "031,2015/5/26,李,9000,0,0,0"
	} | iconv -f UTF-8 -t GB18030 | sed "s/\$/$(printf "\r")/" >survey.csv
}

expect "the input really is GBK with CRLF (the case tests what it says)" '
	merged && ! iconv -f UTF-8 -t UTF-8 applications.csv >/dev/null 2>&1 &&
	[ "$(grep -c "$(printf "\r")\$" applications.csv)" -eq 7 ]'

expect "merged cells: 030 rejected whole, HOUSEHOLD_INCOMPLETE on its head row names 030 and merged cells" '
	merged && tpa-apply --village village.yaml -o applicants.csv applications.csv 2>err &&
	grep -q "^apply,applications.csv,3,371323105201,030,371323\*\*\*\*\*\*\*\*011X,,HOUSEHOLD_INCOMPLETE,第030户[^,]*合并单元格[^,]*每一行都填写户编号,error\$" rejects-apply.csv'

expect "each blank-户编号 row names 030 (in household_id and the message) and the cause" '
	merged && tpa-apply -q --village village.yaml -o applicants.csv applications.csv &&
	grep -q "^apply,applications.csv,4,371323105201,030,371323\*\*\*\*\*\*\*\*0028,household_id,MISSING_FIELD,户编号为空[^,]*第030户（合并单元格）[^,]*,error\$" rejects-apply.csv &&
	grep -q "^apply,applications.csv,5,371323105201,030,371323\*\*\*\*\*\*\*\*0015,household_id,MISSING_FIELD,户编号为空[^,]*第030户（合并单元格）[^,]*,error\$" rejects-apply.csv &&
	[ "$(wc -l <rejects-apply.csv)" -eq 4 ]'

expect "030 is never decided: applicants.csv holds 029 and 031 only, one person each" '
	merged && tpa-apply -q --village village.yaml -o applicants.csv applications.csv &&
	[ "$(tail -n +2 applicants.csv | cut -d, -f2 | tr "\n" " ")" = "029 031 " ] &&
	tpa-survey -q --village village.yaml --rules rules.yaml -o primary.csv applicants.csv survey.csv &&
	! grep -q "^371323105201,030," primary.csv &&
	grep -q "^371323105201,029,王五,371323195501010011,1,2000.00,2855.00,eligible,," primary.csv &&
	grep -q "^371323105201,031,赵六,371323197209180311,1,9000.00,2855.00,above_line,INCOME," primary.csv'

expect "the empty row is skipped, counted in the summary, and has no reject (apply and survey)" '
	merged && tpa-apply --village village.yaml -o applicants.csv applications.csv 2>err &&
	grep -qx "applicants: 2 households, 2 people accepted; 1 households rejected; 1 empty row skipped" err &&
	! grep -q "^apply,applications.csv,6," rejects-apply.csv &&
	tpa-survey --village village.yaml --rules rules.yaml -o primary.csv applicants.csv survey.csv 2>err &&
	grep -qx "survey.csv: 1 empty row skipped" err &&
	! grep -q "^survey,survey.csv,4," rejects-survey.csv'

expect "in English: the same rows, the message naming household 030 and merged cells" '
	merged && echo "language: en" >>village.yaml &&
	tpa-apply -q --village village.yaml -o applicants.csv applications.csv &&
	grep -q ",030,.*,HOUSEHOLD_INCOMPLETE,\"household 030 is followed by rows with no household number (merged cells, most likely)" rejects-apply.csv &&
	grep -q ",4,371323105201,030,.*,MISSING_FIELD,household_id is empty: this row most likely belongs to household 030 above (merged cells)" rejects-apply.csv'

expect "户编号 on every row: 030 is decided on its 3 members, 8400 / 3 = 2800.00, eligible" '
	merged && iconv -f GB18030 -t UTF-8 applications.csv | sed "s/^,李/030,李/; s/^,张/030,张/" >fixed.csv &&
	tpa-apply -q --village village.yaml -o applicants.csv fixed.csv &&
	[ "$(wc -l <rejects-apply.csv)" -eq 1 ] &&
	tpa-survey -q --village village.yaml --rules rules.yaml -o primary.csv applicants.csv survey.csv &&
	grep -q "^371323105201,030,张建国,37132319580312011X,3,2800.00,2855.00,eligible,," primary.csv'

expect "applicants.csv edited by hand, household_id blank on two member rows: 030 unverified, never 8400.00 for one" '
	merged && iconv -f GB18030 -t UTF-8 applications.csv | sed "s/^,李/030,李/; s/^,张/030,张/" >fixed.csv &&
	tpa-apply -q --village village.yaml -o applicants.csv fixed.csv &&
	awk -F, -v OFS=, "\$2 == \"030\" && \$5 != \"head\" { \$2 = \"\" } { print }" applicants.csv >edited.csv &&
	[ "$(grep -c "^371323105201,," edited.csv)" -eq 2 ] &&
	tpa-survey -q --village village.yaml --rules rules.yaml -o primary.csv edited.csv survey.csv &&
	grep -q "^371323105201,030,张建国,37132319580312011X,1,,2855.00,unverified,BAD_VALUE," primary.csv &&
	! grep -q "8400.00,2855.00" primary.csv &&
	[ "$(grep -c "^survey,edited.csv,[45],371323105201,030,.*,household_id,MISSING_FIELD,户编号为空[^,]*第030户" rejects-survey.csv)" -eq 2 ]'

expect "a blank-户编号 row before any household is MISSING_FIELD naming none, and rejects nothing else" '
	village && printf "household_id,name,id_number,relation,apply_date\n,李秀英,371323196001010028,配偶,\n029,王五,371323195501010011,户主,2015-05-20\n" >a.csv &&
	tpa-apply -q --village village.yaml -o applicants.csv a.csv &&
	grep -q "^apply,a.csv,2,371323105201,,371323\*\*\*\*\*\*\*\*0028,household_id,MISSING_FIELD,户编号为空,error\$" rejects-apply.csv &&
	[ "$(wc -l <rejects-apply.csv)" -eq 2 ] && grep -q "^371323105201,029," applicants.csv'
