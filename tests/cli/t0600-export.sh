#!/bin/sh
# tpa-export: the workbook read back — from its sheet XML (unzip), and with
# openpyxl (a real reader) when /usr/bin/python3 has it.
. "$(dirname "$0")/lib.sh"
V=$SAMPLE_FLAT/county/2015/371323105201

# The sample's lists as the stages make them: applicants.csv,
# rejects-apply.csv (with a BOM), primary.csv, rejects-survey.csv.
lists() {
	mkdir -p county/2015 county/rules &&
	cp -R "$V" county/2015/ && sample_rules county &&
	cd county/2015/371323105201 &&
	tpa-apply -q --village . -o applicants.csv applications.csv &&
	tpa-survey -q --village . -o primary.csv applicants.csv survey.csv
}
# sheet WORKBOOK N: the XML of the Nth sheet
sheet() { unzip -p "$1" "xl/worksheets/sheet$2.xml"; }
# names WORKBOOK: the sheet names, one a line
names() { unzip -p "$1" xl/workbook.xml | grep -o '<sheet name="[^"]*"' | sed 's/^<sheet name="//; s/"$//'; }
# text WORKBOOK N REF: the inline string of cell REF of sheet N
text() { sheet "$1" "$2" | grep -o "<c r=\"$3\"[^>]*t=\"inlineStr\"><is><t[^>]*>[^<]*</t>" | sed 's|</t>$||; s/.*>//'; }

expect "headers in Chinese, codes as their Chinese labels, IDs as their 18 characters" '
	lists && tpa-export -q -o w.xlsx applicants.csv &&
	[ "$(text w.xlsx 1 A1)" = 村代码 ] && [ "$(text w.xlsx 1 B1)" = 户编号 ] &&
	[ "$(text w.xlsx 1 D1)" = 身份证号 ] && [ "$(text w.xlsx 1 E1)" = 与户主关系 ] &&
	[ "$(text w.xlsx 1 E2)" = 户主 ] && [ "$(text w.xlsx 1 F2)" = 男 ] &&
	[ "$(text w.xlsx 1 H2)" = 长期慢性病 ] && [ "$(text w.xlsx 1 E3)" = 配偶 ] &&
	[ "$(text w.xlsx 1 D2)" = 37132319580312011X ] &&
	[ "$(text w.xlsx 1 D3)" = 371323196007050223 ] &&
	[ "$(text w.xlsx 1 A2)" = 371323105201 ]'

expect "money is a number with the format 0.00; decisions and reasons in Chinese" '
	lists && tpa-export -q -o w.xlsx primary.csv &&
	[ "$(text w.xlsx 1 F1)" = 人均纯收入 ] && [ "$(text w.xlsx 1 H1)" = 结论 ] &&
	sheet w.xlsx 1 | grep -q "<c r=\"F2\" s=\"2\"><v>2100</v></c>" &&
	sheet w.xlsx 1 | grep -q "<c r=\"F3\" s=\"2\"><v>3000.17</v></c>" &&
	sheet w.xlsx 1 | grep -q "<c r=\"G2\" s=\"2\"><v>2855</v></c>" &&
	sheet w.xlsx 1 | grep -q "<c r=\"E3\"><v>3</v></c>" &&
	unzip -p w.xlsx xl/styles.xml | grep -q "<numFmt numFmtId=\"164\" formatCode=\"0.00\"/>" &&
	unzip -p w.xlsx xl/styles.xml | grep -o "<cellXfs.*</cellXfs>" | grep -o "<xf [^>]*>" |
	    sed -n 3p | grep -q "numFmtId=\"164\"" &&
	[ "$(text w.xlsx 1 H2)" = 符合条件 ] && [ "$(text w.xlsx 1 H5)" = 属于排除情形 ] &&
	[ "$(text w.xlsx 1 I4)" = 无有效入户调查记录 ] && [ "$(text w.xlsx 1 I3)" = C2 ]'

expect "the header row is frozen and filtered, the columns fitted" '
	lists && tpa-export -q -o w.xlsx primary.csv &&
	rows=$(wc -l <primary.csv) &&
	sheet w.xlsx 1 | grep -q "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>" &&
	sheet w.xlsx 1 | grep -q "<autoFilter ref=\"A1:V$rows\"/>" &&
	unzip -p w.xlsx xl/workbook.xml | grep -q "_xlnm._FilterDatabase" &&
	sheet w.xlsx 1 | grep -q "<col min=\"4\" max=\"4\" width=\"20.7109375\" customWidth=\"1\"/>" &&
	sheet w.xlsx 1 | grep -q "<col min=\"3\" max=\"3\" width=\"12.7109375\" customWidth=\"1\"/>"'

expect "a workbook of applicants.csv is 0600, one of rejects (IDs masked) 0600 too (umask 022)" '
	lists && (umask 022 && tpa-export -q -o a.xlsx applicants.csv && tpa-export -q -o r.xlsx rejects-apply.csv rejects-survey.csv) &&
	[ "$(stat -c %a a.xlsx)" = 600 ] && [ "$(stat -c %a r.xlsx)" = 600 ] &&
	[ "$(text r.xlsx 1 F2)" = "371323********1310" ]'

expect "every workbook is 0600, with a full ID (free text, unmasked head_id_number) or without (masked, none) (umask 022)" '
	printf "household_id,summary\nH1,王五 371323196512034411 未纳入\n" >o.csv &&
	printf "household_id,note\nH1,37132319580312011x\n" >x.csv &&
	printf "household_id,head_id_number\nH1,371323********011X\n" >m.csv &&
	printf "household_id,head_id_number\nH1,37132319580312011X\n" >h.csv &&
	printf "output,sha256\na.csv,ab12345678901234567890cd123456789012345678901234567890ef12345678\n" >p.csv &&
	(umask 022 && for f in o x m h p; do tpa-export -q -o $f.xlsx $f.csv || exit 1; done) &&
	[ "$(stat -c %a o.xlsx)" = 600 ] && [ "$(stat -c %a x.xlsx)" = 600 ] &&
	[ "$(stat -c %a m.xlsx)" = 600 ] && [ "$(stat -c %a h.xlsx)" = 600 ] &&
	[ "$(stat -c %a p.xlsx)" = 600 ]'

expect "a BOM and GBK are read; the header has no BOM in it" '
	lists && tpa-export -q -o r.xlsx rejects-apply.csv &&
	[ "$(text r.xlsx 1 A1)" = 环节 ] && [ "$(text r.xlsx 1 H1)" = 问题 ] &&
	[ "$(text r.xlsx 1 A2)" = 申请受理 ] && [ "$(text r.xlsx 1 G2)" = 姓名 ] &&
	[ "$(text r.xlsx 1 H2)" = 必填项为空 ] &&
	printf "户编号,姓名,健康状况\nH1,张三,残疾\n" | iconv -f UTF-8 -t GBK >g.csv &&
	tpa-export -q -o g.xlsx g.csv && [ "$(text g.xlsx 1 B2)" = 张三 ] &&
	[ "$(text g.xlsx 1 C1)" = 健康状况 ] && [ "$(text g.xlsx 1 C2)" = 残疾 ]'

expect "cells that look like formulas are strings, never formulas" '
	printf "household_id,name,summary\nH1,=1+1,@SUM(A1)\nH2,-3,+86 139\n" >f.csv &&
	tpa-export -q -o f.xlsx f.csv && ! sheet f.xlsx 1 | grep -q "<f>" &&
	[ "$(text f.xlsx 1 B2)" = "=1+1" ] && [ "$(text f.xlsx 1 C2)" = "@SUM(A1)" ] &&
	[ "$(text f.xlsx 1 B3)" = "-3" ] && [ "$(text f.xlsx 1 C3)" = "+86 139" ]'

expect "two files give two sheets with unique names; a file name that is no tpa file is kept" '
	lists && cp rejects-survey.csv "my:list?.csv" &&
	tpa-export -q -o w.xlsx applicants.csv rejects-survey.csv rejects-survey.csv "my:list?.csv" &&
	[ "$(names w.xlsx | tr "\n" "|")" = "申请人|调查退回记录|调查退回记录 (2)|my_list_|" ] &&
	[ "$(text w.xlsx 3 A1)" = 环节 ]'

expect "nothing is left in TMPDIR or beside the workbook" '
	lists && mkdir t out && TMPDIR=$PWD/t tpa-export -q -o out/w.xlsx applicants.csv primary.csv &&
	[ -z "$(ls -A t)" ] && [ "$(ls -A out)" = w.xlsx ]'

expect "the same files give the same bytes" '
	lists && tpa-export -q -o a.xlsx applicants.csv primary.csv &&
	TZ=Asia/Shanghai LC_ALL=C tpa-export -q -o b.xlsx applicants.csv primary.csv && cmp a.xlsx b.xlsx'

expect "a failed run keeps the previous workbook and leaves no temporary" '
	lists && tpa-export -q -o w.xlsx applicants.csv && cp w.xlsx before &&
	printf "a,b\n\"x,y\n" >bad.csv &&
	status 2 tpa-export -q -o w.xlsx primary.csv bad.csv 2>err && grep -q "bad.csv" err &&
	status 2 tpa-export -q -o w.xlsx primary.csv missing.csv 2>err && grep -q "missing.csv" err &&
	cmp w.xlsx before && [ "$(ls -A | grep -c tmp)" = 0 ]'

if [ "$(id -u)" = 0 ] && mkdir -p "$scratch/probe" && mount -t tmpfs -o size=16k tmpfs "$scratch/probe" 2>/dev/null; then
	umount "$scratch/probe"
	expect "a full disk: exit 2, the previous workbook intact, no temporary left" '
		{ echo household_id,name,summary; seq 1 20000 | sed "s/.*/H&,张三&,反映内容&/"; } >big.csv &&
		mkdir full && mount -t tmpfs -o size=1m tmpfs full && echo old >full/w.xlsx &&
		{ status 2 tpa-export -q -o full/w.xlsx big.csv 2>err; rc=$?; } ;
		ok=$([ "$(cat full/w.xlsx)" = old ] && [ "$(ls -A full)" = w.xlsx ] && echo yes);
		umount full; [ "$rc" -eq 0 ] && [ "$ok" = yes ] && grep -q "^tpa-export: cannot write full/w.xlsx" err'
else
	skip "a full disk (needs root to mount a small tmpfs)"
fi

expect "standard output, a missing -o and an input as output are refused" '
	lists && status 2 tpa-export -o - applicants.csv 2>err && grep -q "give -o FILE.xlsx" err &&
	status 2 tpa-export applicants.csv 2>err && grep -q "^usage:" err &&
	status 2 tpa-export -o applicants.csv applicants.csv 2>err && grep -q "same file" err &&
	status 2 tpa-export -o w.xlsx 2>err && ! [ -e w.xlsx ] &&
	tpa-export --help | grep -q "^usage: tpa-export"'

expect "no PROVENANCE.csv row: the workbook is for people" '
	lists && cp PROVENANCE.csv before && tpa-export -q -o w.xlsx applicants.csv &&
	cmp PROVENANCE.csv before && ! grep -q w.xlsx .tpa-deps.mk'

expect "registry statistics: dimensions and values in Chinese, counts as numbers" '
	printf "\357\273\277dimension,value,households,people\nattribute,low_income,1,2\nmain_cause,illness,1,2\nlabor,unknown,,7\n" >stats.csv &&
	tpa-export -q -o s.xlsx stats.csv && [ "$(names s.xlsx)" = 统计 ] &&
	[ "$(text s.xlsx 1 A2)" = 贫困户属性 ] && [ "$(text s.xlsx 1 B2)" = 低保贫困户 ] &&
	[ "$(text s.xlsx 1 A3)" = 主要致贫原因 ] && [ "$(text s.xlsx 1 B3)" = 因病 ] &&
	[ "$(text s.xlsx 1 B4)" = 未填写 ] && sheet s.xlsx 1 | grep -q "<c r=\"D2\"><v>2</v></c>"'

if [ "${TPA_VALGRIND:-0}" = 1 ]; then
	skip "a file over 1,048,575 rows (too slow under valgrind)"
else
	expect "a file over 1,048,575 rows goes on over a second sheet with the header again" '
		{ echo household_id,per_capita_income; seq 1 1048577 | sed "s/.*/H&,&.5/"; } >big.csv &&
		tpa-export -q -o big.xlsx big.csv &&
		[ "$(names big.xlsx | tr "\n" "|")" = "big|big (2)|" ] &&
		sheet big.xlsx 1 | grep -q "<autoFilter ref=\"A1:B1048576\"/>" &&
		sheet big.xlsx 1 | grep -q "<c r=\"A1048576\" t=\"inlineStr\"><is><t>H1048575</t>" &&
		[ "$(text big.xlsx 2 A1)" = 户编号 ] && [ "$(text big.xlsx 2 A2)" = H1048576 ] &&
		sheet big.xlsx 2 | grep -q "<c r=\"B3\" s=\"2\"><v>1048577.5</v></c>" &&
		sheet big.xlsx 2 | grep -q "<autoFilter ref=\"A1:B3\"/>"'
fi

if /usr/bin/python3 -c "import openpyxl" 2>/dev/null; then
	expect "openpyxl reads it back: text IDs, numeric money with 0.00, frozen header, filter" '
		lists && tpa-export -q -o w.xlsx applicants.csv primary.csv &&
		/usr/bin/python3 - <<-EOF
		import openpyxl
		wb = openpyxl.load_workbook("w.xlsx")
		assert wb.sheetnames == ["申请人", "初选名单"], wb.sheetnames
		a, p = wb["申请人"], wb["初选名单"]
		assert a["D1"].value == "身份证号" and a["D2"].value == "37132319580312011X", a["D2"].value
		assert a["D2"].data_type == "s"
		assert p["F2"].value == 2100 and p["F2"].data_type == "n" and p["F2"].number_format == "0.00"
		assert p["F3"].value == 3000.17
		assert p.freeze_panes == "A2" and p.auto_filter.ref.startswith("A1:")
		assert p["H2"].value == "符合条件"
		EOF'
else
	skip "openpyxl read-back (no python3-openpyxl for /usr/bin/python3)"
fi
