#!/bin/sh
# Confidential columns — a bank account (银行卡号), a phone (联系电话),
# a health detail (病情), and any the rules declare confidential — stay in
# the data files and never reach a file for people: notices, letters,
# cards, rejects, statistics, the resurvey list, a workbook of tpa-export.
# A run of 16 to 19 digits (a bank card number) is masked wherever an ID
# number is.
. "$(dirname "$0")/lib.sh"
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)
CARD=6222020200112239010      # 19 digits
CARD16=6222020200112239       # 16 digits
PHONE=13905391234             # H001's phone in the sample's 联系电话
PHONE2=13605391111            # H002's

# The sample county; its village's applications.csv (CRLF, as a
# spreadsheet saves it; written LF here) with a 银行卡号 and a 病情
# column: H001's head has a card and a diagnosis, the others none.
county() {
	mkdir -p c && cp -R "$SAMPLE_FLAT/county/." c/ && sample_rules c &&
	cd c/2015/371323105201 &&
	awk -v card="$CARD" '{ sub(/\r$/, "") }
	     NR == 1 { print $0 ",银行卡号,病情"; next }
	     /^H001,张建国,/ { print $0 "," card ",高血压二级"; next }
	     { print $0 ",," }' applications.csv >a && mv a applications.csv &&
	grep -q "^H001,张建国,.*,$PHONE,.*,$CARD,高血压二级$" applications.csv
}

# Every file for people a village's run makes.
people_files() {
	echo notice-village.html notice-town.html notice-county.html \
	    letters-village.html letters-town.html letters-county.html \
	    rejects-apply.csv rejects-survey.csv resurvey.csv \
	    registry/cards.html registry/stats.csv registry/stats.svg
}

expect "bank card, phone and diagnosis: kept in the data files, in no notice, letter, card, reject, statistics or resurvey list" '
	county && (umask 022 && make -s TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 2>/dev/null) &&
	[ -s registry/cards.html ] && [ -s letters-county.html ] &&
	head -1 applicants.csv | grep -q ",phone,.*,bank_account,health_detail$" &&
	grep -q "^371323105201,H001,张建国,.*,$PHONE,.*,$CARD,高血压二级$" applicants.csv &&
	grep -q ",$CARD,高血压二级" registry/members.csv &&
	for f in $(people_files); do
		[ -f "$f" ] || { echo "no $f"; exit 1; }
		! grep -q "$CARD\|622202\|$PHONE\|$PHONE2\|高血压二级\|银行卡号\|病情" "$f" || { echo "in $f"; exit 1; }
	done'

expect "tpa-export leaves the confidential columns out of the workbook of any file, data files included" '
	county && (umask 022 && make -s TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 2>/dev/null) &&
	for f in applications.csv applicants.csv publicized-county.csv registry/households.csv registry/members.csv; do
		tpa-export -q -o w.xlsx "$f" &&
		unzip -p w.xlsx >all.xml && grep -q "张建国" all.xml &&
		! grep -q "$CARD\|$PHONE\|$PHONE2\|高血压二级\|银行卡号\|联系电话\|病情" all.xml || { echo "in the workbook of $f"; exit 1; }
	done &&
	tpa-export -q -o w.xlsx applicants.csv && unzip -p w.xlsx xl/worksheets/sheet1.xml >s.xml &&
	grep -q ">户编号<" s.xml && grep -q ">申请理由<" s.xml && grep -q ">来源<" s.xml'

# Header aliases of the catalogue: 手机号码 is phone, 银行账号 is
# bank_account, 诊断 is health_detail — all confidential.
expect "手机号码, 银行账号 and 诊断 headers are the confidential phone, bank_account and health_detail" '
	county &&
	sed -i "1s/,联系电话,/,手机号码,/; 1s/,银行卡号,病情$/,银行账号,诊断/" applications.csv &&
	tpa-apply -q --village . -o applicants.csv applications.csv &&
	head -1 applicants.csv | grep -q ",phone,.*,bank_account,health_detail$" &&
	tpa-export -q -o w.xlsx applicants.csv && unzip -p w.xlsx >all.xml &&
	! grep -q "$CARD\|$PHONE\|高血压二级" all.xml'

# A rules file declares a column of its own confidential: 存折号 (a
# passbook number). With --rules, tpa-export leaves it out; the column is
# no built-in one, so without the rules it is shown.
expect "a field declared confidential: true in the rules is left out of the workbook made with --rules" '
	county && mkdir -p r &&
	printf "version: 1\nincome: {poverty_line: 2855}\nfields:\n  存折号: {type: text, confidential: true}\n" >r/r.yaml &&
	awk "NR == 1 { print \$0 \",存折号\"; next } { print \$0 \",PB-778899\" }" applications.csv >a.csv &&
	tpa-apply -q --village . -o applicants.csv a.csv &&
	grep -q ",PB-778899$" applicants.csv &&
	tpa-export -q -o plain.xlsx applicants.csv && unzip -p plain.xlsx | grep -q "PB-778899" &&
	tpa-export -q --rules r/r.yaml -o w.xlsx applicants.csv &&
	! unzip -p w.xlsx | grep -q "PB-778899\|存折号" &&
	unzip -p w.xlsx | grep -q "张建国"'

expect "confidential: false on a built-in confidential column is an error naming the place" '
	printf "version: 1\nincome: {poverty_line: 2855}\nfields:\n  bank_account: {type: text, confidential: false}\n" >r.yaml &&
	printf "household_id\nH1\n" >x.csv &&
	status 2 tpa-export --rules r.yaml -o w.xlsx x.csv 2>err &&
	grep -q "r.yaml:4:.*bank_account is confidential" err && [ ! -e w.xlsx ]'

# A clerk types a card number into the reason (with a control character,
# so that the row is rejected and its message quotes the cell) and into
# a head's name (which the notices and letters show).
expect "a 16-19 digit run is masked in the rejects, the notices and the letters" '
	county &&
	sed -i "s/^H001,张建国,/H001,张建国$CARD16,/" applications.csv &&
	sed -i "s/^\(H003,刘桂兰,.*,\)年老体弱，独居,,$/\1卡号$CARD\x01,,/" applications.csv &&
	grep -q "卡号$CARD" applications.csv &&
	(umask 022 && make -s TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 2>/dev/null);
	grep -q "^apply,applications.csv,[0-9]*,371323105201,H003,.*,declared_reason,BAD_VALUE,.*卡号622202\*\*\*\*\*\*\*\*\*9010" rejects-apply.csv &&
	grep -q "张建国622202\*\*\*\*\*\*2239" notice-village.html &&
	grep -q "张建国622202\*\*\*\*\*\*2239" letters-village.html &&
	tpa-publicize notice -q --level village --village . --format csv -o n.csv appraised.csv &&
	grep -q "张建国622202\*\*\*\*\*\*2239" n.csv &&
	for f in rejects-apply.csv notice-village.html letters-village.html n.csv; do
		! grep -Eq "[0-9]{16}" "$f" || { echo "a card number in $f"; exit 1; }
	done'

expect "a control character in a bank card or phone cell: the reject names the column, never quotes the number" '
	county &&
	sed -i "s/,$CARD,高血压二级$/,$CARD\x01,高血压二级/; s/,$PHONE,/,$PHONE\x02,/" applications.csv &&
	tpa-apply -q --village . -o applicants.csv applications.csv &&
	grep -q "^apply,applications.csv,2,371323105201,H001,.*,bank_account,BAD_VALUE," rejects-apply.csv &&
	grep -q "^apply,applications.csv,2,371323105201,H001,.*,phone,BAD_VALUE," rejects-apply.csv &&
	! grep -q "622202\|$CARD\|$PHONE\|13905" rejects-apply.csv'
