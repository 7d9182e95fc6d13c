#!/bin/sh
# A county clerk's year, end to end, as a clerk does it: a new county
# (兰陵县 371324) made by tpa-init with one town (向城镇 371324101) and
# two villages; 东山村's files as its Excel saves them (GBK, CRLF,
# Chinese headers, 是/否, 2015/5/20 and 2015年5月22日, a bad check
# digit, a missing head, 3.71323E+17, an extra 银行卡号 column, a blank
# row, merged cells, blank income cells, an unlisted 教师), 西河村's plain;
# make at every waiting point in the village, town and county folders
# under LANG=zh_CN.UTF-8 with no tpa variable and the programs not on
# PATH (tpa-init's ../.tpa-bin.mk names them); an objection upheld at the
# town; then the papers printed by Chromium (tpa print) and read back.
# (The carry-over into the next year is left to t0870 and t0500.)
#
# Worked by hand (line 2855 a head, example-2015 rules):
#   东山村 applications: 001 张建国+李秀英 (2), 002 王德明 教师+赵丽+王小龙
#   (3), 003 刘桂兰 with two member rows whose 户编号 is blank (merged
#   cells), a blank row, 004 陈志强+陈浩 (2), 005 head's ID 3.71323E+17,
#   006 head's check digit wrong (…1024, should be …1023), 007 a 配偶
#   alone, 008 褚建华 and two children (3). Accepted 001 002 004 008:
#   4 households, 10 people; turned away 003 005 006 007: 4; 1 blank row.
#   Survey: 001 (0+2400+0+1800)/2 = 2100.00, 002 6000/3 = 2000.00, 004
#   business and property blank (unverified), 008 3000/3 = 1000.00.
#   Votes pass 001 002 008 (24 present). The town upholds an objection
#   against 008: the town keeps 001 002 (5 people).
#   西河村: 01 4500/3 = 1500.00, 02 9000 alone (above the line), 03
#   (2000+1000)/2 = 1500.00; votes pass 01 03 (5 people) at every level.
#   Town-wide notice: 东山村 3户，8人; 西河村 2户，5人; 全镇 2个村，5户，
#   13人. County-wide: 东山村 2户，5人; 西河村 2户，5人; 全县 4户，10人.
#   Letters of 东山村's village posting: one per household that applied,
#   001-008 (the four turned away too): 8 pages; 西河村's: 3.
#   Registry cards: 东山村 001 002: 2 pages.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "a county's year through make at three levels and Chromium; t1100-t1103, t1120-t1121, t1140-t1141 and t1180 run its parts, under memcheck where they can"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

if ! have_zh; then
	skip "zh_CN.UTF-8 is not generated on this machine"
	exit 0
fi

# english FILE: the lines of FILE holding an English word of the procedure
# once file names, paths and folder names are set aside (as t1120), or a
# column's English name; none: status 1.
english() {
	sed -E 's#[A-Za-z0-9_./-]*[./-][A-Za-z0-9_./-]*##g' "$1" |
	    grep -wiE 'village|town|county|above_line|below_line|eligible|excluded|unverified|admitted|rejected|confirmed|removed|pending|waiting|blocked|ready|done|failed|objections?|audit|notice|publicized|households?|people|registry|error|occupation|income'
}

CR=$(printf "\r")
# gbk: standard input as Excel saves a CSV on a Chinese Windows.
gbk() {
	iconv -f UTF-8 -t GB18030 | sed "s/\$/$CR/"
}

# county DIR: the county, its town and its two villages made by tpa-init
# as a clerk runs it (what it prints in $OUT/00-init.txt), the names,
# contacts and periods filled in as the comments of the files say, each
# village's row added to villages.csv.
county() {
	mkdir -p "$1/rules" && cp "$ROOT"/rules/*.yaml "$1/rules/" && Y=$1/2015 &&
	clerk "$TPA_BIN/tpa-init" --county 371324 --year 2015 --rules "$1/rules/example-2015.yaml" \
	    $Y/county-371324 2>>"$OUT/00-init.txt" &&
	sed -i "s/^  name: \"\"   /  name: 兰陵县/; s/^  contact: \"\"/  contact: \"县扶贫办 0539-5211234\"/; s/^# publicity:/publicity:/; s/^#   start:/  start:/; s/^#   end:/  end:/" \
	    $Y/county-371324/county.yaml &&
	clerk "$TPA_BIN/tpa-init" --town 371324101 --year 2015 $Y/town-371324101 2>>"$OUT/00-init.txt" &&
	sed -i "s/^  name: \"\"   /  name: 向城镇/; s/^  contact: \"\"/  contact: \"镇扶贫办 0539-5381234\"/; s/^# publicity:/publicity:/; s/^#   start:/  start:/; s/^#   end:/  end:/" \
	    $Y/town-371324101/town.yaml &&
	printf "371324101201,东山村,860,240,是,20,,,,,,\r\n371324101202,西河村,640,180,是,10,,,,,,\r\n" \
	    >>$Y/town-371324101/villages.csv &&
	for v in 201:东山村 202:西河村; do
		clerk "$TPA_BIN/tpa-init" --code 371324101${v%%:*} --year 2015 $Y/371324101${v%%:*} 2>>"$OUT/00-init.txt" &&
		sed -i "s/^  # name: *#.*/  name: ${v#*:}/; s/^  # contact: *#.*/  contact: 村委会 0539-53812${v%%:*}/; s/^# appraisal:/appraisal:/; s/^#   date:/  date:/; s/^#   representatives: .*/  representatives: 24/; s/^# publicity:/publicity:/; s/^#   village:/  village:/" \
		    $Y/371324101${v%%:*}/village.yaml || return 1
	done
}

# east DIR: 东山村's applications.csv and survey.csv, as its Excel saves
# them; the columns those tpa-init put in templates/, and 银行卡号.
east() {
	{
		echo "户编号,姓名,身份证号,与户主关系,性别,健康状况,劳动能力,在校生状况,职业,银行卡号,申请日期"
		echo "001,张建国,37132319580312011X,户主,男,长期慢性病,弱劳动力或半劳动力,,务农,6228480012345678901,2015/5/20"
		echo "001,李秀英,371323196007050223,配偶,女,健康,普通劳动力,,务农,,"
		echo "002,王德明,371323197209180311,户主,男,健康,普通劳动力,,教师,6228480012345678902,2015年5月22日"
		echo "002,赵丽,371323197504020425,配偶,女,健康,普通劳动力,,务农,,"
		echo "002,王小龙,37132319980611053X,子女,男,健康,,高中,,,"
		echo "003,刘桂兰,371323194001010627,户主,女,残疾,丧失劳动力,,务农,,2015/5/20"
		echo ",刘小燕,371323196804152820,子女,女,健康,普通劳动力,,外出务工,,"
		echo ",周明,371323199501011135,孙子女,男,健康,,中职,,,"
		echo ",,,,,,,,,,"
		echo "004,陈志强,371323198502230714,户主,男,健康,普通劳动力,,外出务工,,2015/5/21"
		echo "004,陈浩,37132320100815081X,子女,男,健康,,学前教育,,,"
		echo "005,孙有才,3.71323E+17,户主,男,健康,普通劳动力,,务农,,2015/5/21"
		echo "006,周桂芳,371323197009091024,户主,女,健康,普通劳动力,,务农,,2015/5/21"
		echo "007,钱小红,371323195106196047,配偶,女,健康,普通劳动力,,务农,,2015/5/21"
		echo "008,褚建华,37132319540721603X,户主,男,健康,普通劳动力,,务农,,2015年5月23日"
		echo "008,褚永强,37132320010714607X,子女,男,健康,,小学,,,"
		echo "008,褚春雷,371323200807026095,子女,男,健康,,小学,,,"
	} | gbk >$1/applications.csv && {
		echo "户编号,调查日期,调查人,工资性收入,生产经营性收入,财产性收入,转移性收入,住房情况,饮水安全,是否低保,城镇商品房,汽车价值"
		echo "001,2015/5/26,李干事,0,2400,0,1800,安全,安全,是,否,0"
		echo "002,2015/5/26,李干事,6000,0,0,0,安全,安全,否,否,0"
		echo "003,2015/5/27,李干事,8400,0,0,0,安全,安全,否,否,0"
		echo ",,,,,,,,,,,"
		echo "004,2015年5月27日,李干事,3000,,,600,安全,安全,否,否,0"
		echo "008,2015/5/27,李干事,3000,0,0,0,安全,安全,否,否,0"
	} | gbk >$1/survey.csv
}

# west DIR: 西河村's, UTF-8 as a text editor saves them.
west() {
	printf "户编号,姓名,身份证号,与户主关系,性别,健康状况,劳动能力,在校生状况,职业,申请日期\n01,李春雷,371323195911216119,户主,男,健康,普通劳动力,,务农,2015-05-20\n01,钱桂香,371323197001086123,配偶,女,健康,普通劳动力,,务农,\n01,李小红,371323200407056148,子女,女,健康,,小学,,\n02,李志刚,37132319640927617X,户主,男,健康,普通劳动力,,外出务工,2015-05-20\n03,郑永强,371323196802186197,户主,男,健康,普通劳动力,,务农,2015-05-21\n03,沈翠兰,371323195808226204,配偶,女,长期慢性病,弱劳动力或半劳动力,,务农,\n" \
	    >$1/applications.csv &&
	printf "户编号,调查日期,调查人,工资性收入,生产经营性收入,财产性收入,转移性收入,住房情况,饮水安全,是否低保,城镇商品房,汽车价值\n01,2015-05-26,王干事,4500,0,0,0,安全,安全,否,否,0\n02,2015-05-26,王干事,9000,0,0,0,安全,安全,否,否,0\n03,2015-05-26,王干事,2000,0,0,1000,安全,安全,否,否,0\n" \
	    >$1/survey.csv
}

OBJ="户编号,反映对象,受理日期,异议类型,反映内容,处理结果,处理日期,处理人"

# step N DIR [TARGET]: make (TARGET) in DIR as the clerk types it; what
# it prints in $OUT/N.txt, its exit status in $OUT/N.rc.
step() {
	(cd "$2" && clerk make -s ${3:-}) >"$OUT/$1.txt" 2>&1
	echo $? >"$OUT/$1.rc"
}

# The year, once: every case below reads what it left. A step that could
# not run leaves its files missing, and the cases reading them fail.
W=$scratch/walk
OUT=$W/out
E=$W/c/2015/371324101201
WE=$W/c/2015/371324101202
T=$W/c/2015/town-371324101
CO=$W/c/2015/county-371324
mkdir -p "$OUT"
(
	cd "$W" && county c && east $E && west $WE || exit 1
	step 01-east-applications $E
	step 02-west-applications $WE
	printf "户编号,赞成票,反对票,弃权票\n001,20,3,1\n002,18,4,2\n008,22,2,0\n" | gbk >$E/votes.csv
	printf "户编号,赞成票,反对票,弃权票\n01,20,3,1\n03,21,3,0\n" >$WE/votes.csv
	step 03-east-votes $E
	step 04-west-votes $WE
	echo "$OBJ" | gbk >$E/objections-village.csv
	echo "$OBJ" >$WE/objections-village.csv
	step 05-town-posting $T
	step 06-town-status-posting $T status
	{
		echo "村代码,$OBJ"
		echo "371324101201,008,,2015-06-16,错评,反映该户长子在县城有稳定工作,成立,2015-06-19,向城镇扶贫办"
	} | gbk >$T/objections-town.csv
	step 07-town-objections $T
	sed -i 's/^#   closed:/  closed:/' $T/town.yaml
	step 08-town-closed $T
	step 09-county-audit $CO
	echo "村代码,$OBJ" | gbk >$CO/objections-county.csv
	step 10-county-objections $CO
	sed -i 's/^#   closed:/  closed:/' $CO/county.yaml
	step 11-county-closed $CO
	step 12-town-status $T status
	step 13-county-status $CO status
	step 14-town-notices $T notices
	step 15-county-notices $CO notices
) >"$scratch/walk.log" 2>&1 || { echo "FAIL $test_name: the county could not be set up" >&2; cat "$scratch/walk.log" >&2; }

# out N: what step N printed.
out() {
	cat "$OUT/$1.txt"
}
# quiet N: step N exited 0 and printed no make error.
quiet() {
	[ "$(cat "$OUT/$1.rc")" = 0 ] && ! grep -q "\*\*\*\|错误 1\|^make" "$OUT/$1.txt"
}

expect "the new county as tpa-init made it: ../.tpa-bin.mk names the programs, the Makefiles name no path" '
	[ -f "$W/c/2015/.tpa-bin.mk" ] && grep -qx ".tpa-bin.mk" "$W/c/2015/.gitignore" &&
	for d in "$E" "$WE" "$T" "$CO"; do
		! grep -q "/work\|/usr\|/home\|/tmp\|$TPA_BIN" "$d/Makefile" || { echo "$d"; exit 1; }
	done &&
	head -1 "$E/templates/survey.csv" | grep -q ",城镇商品房,汽车价值"'

expect "tpa-init says what it made and what to fill in, a line a folder, in Chinese" '
	[ "$(wc -l <"$OUT/00-init.txt")" -eq 4 ] &&
	[ "$(grep -c "^新建：" "$OUT/00-init.txt")" -eq 4 ] &&
	grep -q "^新建：.*/2015/county-371324：county.yaml、reopen.csv、Makefile；请在 county.yaml 中填写县名" "$OUT/00-init.txt" &&
	grep -q "^新建：.*/2015/town-371324101：town.yaml、villages.csv、" "$OUT/00-init.txt" &&
	{ english "$OUT/00-init.txt"; [ $? -eq 1 ]; }'

expect "东山村's files really are GBK with CRLF, with a blank row, merged cells and 3.71323E+17 (the case tests what it says)" '
	! iconv -f UTF-8 -t UTF-8 "$E/applications.csv" >/dev/null 2>&1 &&
	! iconv -f UTF-8 -t UTF-8 "$E/survey.csv" >/dev/null 2>&1 &&
	[ "$(grep -c "$CR\$" "$E/applications.csv")" -eq 18 ] &&
	iconv -f GB18030 -t UTF-8 "$E/applications.csv" | tr -d "\r" >a.csv &&
	[ "$(grep -c "^,[^,]" a.csv)" -eq 2 ] && grep -qx ",,,,,,,,,," a.csv &&
	grep -q ",3.71323E+17," a.csv && head -1 a.csv | grep -q ",银行卡号,"'

expect "the first make in each village: the counts worked out by hand, one waiting line for votes.csv, no make error" '
	quiet 01-east-applications && quiet 02-west-applications &&
	out 01-east-applications >e && out 02-west-applications >w &&
	grep -qx "申请：受理 4 户 10 人；退回 4 户；跳过空行 1 行" e &&
	grep -qx "申请：受理 3 户 6 人；退回 0 户" w &&
	grep -q "^初选名单：共 4 户：符合条件 3 户，排除 0 户，人均纯收入高于扶贫标准 0 户，无法核实 1 户；" e &&
	grep -q "^初选名单：共 3 户：符合条件 2 户，排除 0 户，人均纯收入高于扶贫标准 1 户，无法核实 0 户；" w &&
	grep -qx "survey.csv：跳过空行 1 行" e &&
	for f in e w; do
		[ "$(grep -c "^tpa:" $f)" -eq 1 ] &&
		grep -qx "tpa: 等待 votes.csv：请填写 templates/votes.csv（表头已备好），保存到本文件夹，再运行 make" $f || exit 1
	done'

expect "merged cells: 003 is HOUSEHOLD_INCOMPLETE (named, the cause said), its blank-户编号 rows name it, and it is never decided" '
	grep -q "^apply,applications.csv,7,371324101201,003,371323\*\*\*\*\*\*\*\*0627,,HOUSEHOLD_INCOMPLETE,第003户[^,]*合并单元格[^,]*每一行都填写户编号,error\$" "$E/rejects-apply.csv" &&
	grep -q "^apply,applications.csv,8,371324101201,003,371323\*\*\*\*\*\*\*\*2820,household_id,MISSING_FIELD,[^,]*第003户（合并单元格）" "$E/rejects-apply.csv" &&
	grep -q "^apply,applications.csv,9,371324101201,003,371323\*\*\*\*\*\*\*\*1135,household_id,MISSING_FIELD,[^,]*第003户（合并单元格）" "$E/rejects-apply.csv" &&
	! grep -q "^apply,applications.csv,10," "$E/rejects-apply.csv" &&
	! grep -q "^371324101201,003," "$E/applicants.csv" "$E/primary.csv" &&
	! grep -q "8400.00" "$E/primary.csv"'

expect "the other households turned away: 005 ID_MANGLED, 006 BAD_ID_CHECKSUM, 007 NO_HEAD; the dates read; 银行卡号 kept" '
	R="$E/rejects-apply.csv" &&
	grep -q "^apply,applications.csv,13,371324101201,005,3.71323E+17,id_number,ID_MANGLED," $R &&
	grep -q "^apply,applications.csv,14,371324101201,006,371323\*\*\*\*\*\*\*\*1024,id_number,BAD_ID_CHECKSUM," $R &&
	grep -q "^apply,applications.csv,15,371324101201,007,[^,]*,relation,NO_HEAD,第007户没有户主," $R &&
	[ "$(tail -n +2 $R | wc -l)" -eq 6 ] &&
	[ "$(tail -n +2 "$E/applicants.csv" | cut -d, -f2 | sort -u | tr "\n" " ")" = "001 002 004 008 " ] &&
	grep -q "^371324101201,001,张建国,37132319580312011X,head,.*,2015-05-20,.*,6228480012345678901\$" "$E/applicants.csv" &&
	grep -q "^371324101201,002,王德明,.*,2015-05-22," "$E/applicants.csv" &&
	grep -q "^371324101201,008,褚建华,.*,2015-05-23," "$E/applicants.csv"'

expect "blank income cells: one MISSING_FIELD row for 004 naming both empty columns and saying to type 0; 004 unverified" '
	grep -qx "survey,survey.csv,6,371324101201,004,,business_income;property_income,MISSING_FIELD,生产经营性收入、财产性收入为空：这一户没有这项收入的，请填0；填好以前该户无法核实,error" "$E/rejects-survey.csv" &&
	[ "$(grep -c ",MISSING_FIELD," "$E/rejects-survey.csv")" -eq 1 ] &&
	grep -q "^371324101201,004,陈志强,371323198502230714,2,,2855.00,unverified," "$E/primary.csv"'

expect "the unlisted 教师: one warning row naming 002, the column and the word; 002 decided on its income" '
	grep -qx "survey,applicants.csv,4,371324101201,002,371323\*\*\*\*\*\*\*\*0311,occupation,UNLISTED_VALUE,\"职业 \"\"教师\"\"不在规则的列表中，排除条件认不出它：请核实这一户；应当排除的，请把这个词加入本县规则的列表\",warning" "$E/rejects-survey.csv" &&
	[ "$(grep -c UNLISTED_VALUE "$E/rejects-survey.csv")" -eq 1 ] &&
	grep -q "^371324101201,001,张建国,37132319580312011X,2,2100.00,2855.00,eligible," "$E/primary.csv" &&
	grep -q "^371324101201,002,王德明,371323197209180311,3,2000.00,2855.00,eligible," "$E/primary.csv" &&
	grep -q "^371324101201,008,褚建华,37132319540721603X,3,1000.00,2855.00,eligible," "$E/primary.csv" &&
	grep -q "^371324101202,02,李志刚,37132319640927617X,1,9000.00,2855.00,above_line," "$WE/primary.csv"'

expect "votes in: each village posts its list and waits for its objections, one line, in Chinese" '
	quiet 03-east-votes && quiet 04-west-votes &&
	grep -qx "公示名单（村）：3 户 8 人" "$OUT/03-east-votes.txt" &&
	grep -qx "告知书（村）：4 户，另有 4 户申请未受理" "$OUT/03-east-votes.txt" &&
	grep -qx "公示名单（村）：2 户 5 人" "$OUT/04-west-votes.txt" &&
	for n in 03-east-votes 04-west-votes; do
		[ "$(grep -c "^tpa:" "$OUT/$n.txt")" -eq 1 ] &&
		grep -qx "tpa: 等待 objections-village.csv：请张贴 notice-village.html；公示期满后，在该文件中登记收到的异议（没有异议就只留表头一行），再运行 make" "$OUT/$n.txt" || exit 1
	done'

expect "the town waits for its objections, then for its closing, then for the county audit: one line per village each time" '
	for n in 05-town-posting 07-town-objections 08-town-closed; do
		quiet $n && [ "$(grep -c "^37132410120[12] " "$OUT/$n.txt")" -eq 2 ] || { echo $n; exit 1; }
	done &&
	grep -qx "371324101201 (东山村), 2015: 乡镇异议: 等待: ../town-371324101/objections-town.csv（乡镇在其中登记异议）" "$OUT/05-town-posting.txt" &&
	grep -qx "371324101202 (西河村), 2015: 乡镇异议: 等待: 乡镇尚未办结公示.*" "$OUT/07-town-objections.txt" &&
	grep -qx "371324101201 (东山村), 2015: 县级审核: 等待: ../county-371324/audit.csv" "$OUT/08-town-closed.txt" &&
	grep -qx "乡镇 371324101：共 2 个村：完成 0 个，等待 2 个，受阻 0 个，出错 0 个" "$OUT/06-town-status-posting.txt"'

expect "the objection upheld at the town: 008 removed there, 001 and 002 go on; 008 letter says what the objection was and the outcome" '
	grep -qx "公示（乡镇）：确认 2 户，取消 1 户，待处理 0 户；需重新入户调查 0 户" "$OUT/08-town-closed.txt" &&
	[ "$(awk -F, "NR > 1 && \$8 == \"confirmed\" { printf \"%s \", \$2 }" "$E/publicized-town.csv")" = "001 002 " ] &&
	[ "$(awk -F, "NR > 1 && \$2 == \"008\" { print \$8 }" "$E/publicized-town.csv")" = removed ] &&
	awk "/<section class=\"letter/ { s = \"\" } { s = s \$0 \"\\n\" } /<\/section>/ && index(s, \"户编号</td><td>008<\") { printf \"%s\", s }" \
	    "$E/letters-county.html" | sed "s/<[^>]*>//g" >l008 &&
	grep -q "^褚建华户：" l008 &&
	grep -q "乡镇审核公示期间，有人对您家提出异议（错评）：反映该户长子在县城有稳定工作。经调查核实，异议成立（2015年6月19日，向城镇扶贫办），您家因此从名单中取消。" l008 &&
	grep -q "您家本年度不列入建档立卡贫困户名单" l008'

expect "the county waits for its objections and its closing, then every village reaches its registry" '
	for n in 09-county-audit 10-county-objections 11-county-closed; do quiet $n || { echo $n; exit 1; }; done &&
	grep -qx "371324101201 (东山村), 2015: 县级异议: 等待: ../county-371324/objections-county.csv（县级在其中登记异议）" "$OUT/09-county-audit.txt" &&
	grep -qx "371324101202 (西河村), 2015: 县级异议: 等待: 县级尚未办结公告.*" "$OUT/10-county-objections.txt" &&
	grep -qx "371324101201 (东山村), 2015: 各步骤均已完成" "$OUT/11-county-closed.txt" &&
	grep -qx "371324101202 (西河村), 2015: 各步骤均已完成" "$OUT/11-county-closed.txt" &&
	[ "$(tail -n +2 "$E/registry/households.csv" | cut -d, -f2 | tr "\n" " ")" = "001 002 " ] &&
	[ "$(tail -n +2 "$WE/registry/households.csv" | cut -d, -f2 | tr "\n" " ")" = "01 03 " ]'

expect "make status in the town and county folders: one line per village, then the count" '
	quiet 12-town-status && quiet 13-county-status &&
	for n in 12-town-status 13-county-status; do
		grep -qx "371324101201 (东山村), 2015: 各步骤均已完成" "$OUT/$n.txt" &&
		grep -qx "371324101202 (西河村), 2015: 各步骤均已完成" "$OUT/$n.txt" || exit 1
	done &&
	grep -qx "乡镇 371324101：共 2 个村：完成 2 个，等待 0 个，受阻 0 个，出错 0 个" "$OUT/12-town-status.txt" &&
	grep -qx "县 371324：共 2 个村：完成 2 个，等待 0 个，受阻 0 个，出错 0 个" "$OUT/13-county-status.txt"'

expect "every line make printed, at every step and level, is Chinese: no decision, level or status word in English" '
	cat "$OUT"/*.txt >all && [ -s all ] && { english all; [ $? -eq 1 ]; }'

TN=$T/notice-town-20150614-20150620.html
CN=$CO/notice-county-20150621-20150625.html
expect "make notices: the town-wide notice lists both villages, their totals (by hand) and the town total; the county-wide too" '
	quiet 14-town-notices && quiet 15-county-notices && [ ! -s "$OUT/14-town-notices.txt" ] &&
	grep -q "<h2>东山村（371324101201）</h2>" "$TN" && grep -q "<h2>西河村（371324101202）</h2>" "$TN" &&
	[ "$(grep -o ">合计：[^<]*<" "$TN" | tr "\n" " ")" = ">合计：3户，8人< >合计：2户，5人< " ] &&
	grep -q "<p class=\"total\">全镇合计：2个村，5户，13人</p>" "$TN" &&
	grep -q "<h2>向城镇东山村（371324101201）</h2>" "$CN" && grep -q "<h2>向城镇西河村（371324101202）</h2>" "$CN" &&
	[ "$(grep -o ">合计：[^<]*<" "$CN" | tr "\n" " ")" = ">合计：2户，5人< >合计：2户，5人< " ] &&
	grep -q "全县合计：2个村，4户，10人" "$CN" &&
	! grep -Eq "[0-9]{17}[0-9Xx]" "$TN" "$CN"'

# On paper. tpa print says when there is no browser: then the printing is
# a skip, never a pass.
if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
	skip "no pdftotext or pdftoppm (poppler-utils): the papers are not read back"
	exit 0
fi
P=$scratch/print
mkdir -p "$P"
(cd "$E" && clerk "$TPA_BIN/tpa" print -o "$P/letters-east.pdf" letters-village.html) >"$P/err" 2>&1
rc=$?
if [ "$rc" -eq 2 ] && grep -q "Chromium" "$P/err"; then
	skip "tpa print finds no Chromium: the papers are not printed ($(head -1 "$P/err"))"
	exit 0
fi
(
	cd "$P" &&
	clerk "$TPA_BIN/tpa" print -o letters-west.pdf "$WE/letters-village.html" &&
	clerk "$TPA_BIN/tpa" print -o notice-east.pdf "$E/notice-village.html" &&
	clerk "$TPA_BIN/tpa" print -o cards-east.pdf "$E/registry/cards.html" &&
	clerk "$TPA_BIN/tpa" print -o notice-town.pdf "$TN" &&
	clerk "$TPA_BIN/tpa" print -o notice-county.pdf "$CN"
) >>"$P/err" 2>&1

expect "printed by Chromium: 东山村's letters, a page for each of the 8 households that applied (the 4 turned away too), each 第1页，共1页" '
	[ "$rc" -eq 0 ] && one_each "$P/letters-east.pdf" 8 &&
	[ "$(sort households | tr "\n" " ")" = "户编号001 户编号002 户编号003 户编号004 户编号005 户编号006 户编号007 户编号008 " ] &&
	pdftotext "$P/letters-east.pdf" - | tr -d " \n" | grep -q "合并单元格"'

expect "printed: 西河村's letters 3 pages, the registry cards of 东山村 2 pages, each 第1页，共1页" '
	one_each "$P/letters-west.pdf" 3 && one_each "$P/cards-east.pdf" 2'

expect "printed: the town-wide notice lists both villages and their totals; the county-wide its total" '
	pdftotext "$P/notice-town.pdf" - | tr -d " \n" >t.txt &&
	grep -q "兰陵县向城镇2015年建档立卡贫困户公示（乡镇审核公示）" t.txt &&
	grep -q "东山村（371324101201）.*合计：3户，8人.*西河村（371324101202）.*合计：2户，5人.*全镇合计：2个村，5户，13人" t.txt &&
	pdftotext "$P/notice-county.pdf" - | tr -d " \n" >c.txt &&
	grep -q "全县合计：2个村，4户，10人" c.txt &&
	pdftotext "$P/notice-east.pdf" - | tr -d " \n" | grep -q "东山村" &&
	for f in notice-east notice-town notice-county letters-east cards-east; do
		pdftoppm -r 60 -png -singlefile "$P/$f.pdf" "$P/$f" && [ -s "$P/$f.png" ] || exit 1
	done'
