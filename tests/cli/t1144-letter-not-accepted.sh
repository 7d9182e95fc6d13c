#!/bin/sh
# An applicant household that apply turned away (a bad ID number, no
# head, a missing name...) gets a letter too, with the village's letters:
# what is wrong, line by line as rejects-apply.csv says it, with the ID
# number masked; what to bring (identity cards and the household register
# for an ID number, the register for the head, the form otherwise); where
# to correct it and until when to object. Never a full ID number.
. "$(dirname "$0")/lib.sh"
V=$SAMPLE_FLAT/county/2015/371323105201

village_applied() {
	mkdir -p county/2015 county/rules && cp -R "$V" county/2015/ &&
	sample_rules county && cd county/2015/371323105201 &&
	cp "$DATA/sample/appraised.expected" appraised.csv &&
	tpa-apply -q --village . -o applicants.csv applications.csv 2>/dev/null; [ -s rejects-apply.csv ]
}

# turned_away: the households with an error row in rejects-apply.csv that
# are not in appraised.csv, one a line, worked out with awk.
turned_away() {
	awk -F, 'NR == FNR { if (FNR > 1) listed[$2] = 1; next }
	    FNR > 1 && $5 != "" && $NF == "error" && !($5 in listed) && !seen[$5]++ { print $5 }' \
	    appraised.csv rejects-apply.csv
}

letter_of() {
	awk -v h="户编号$2的申请人" '/<section class="letter">/ { s = "" } { s = s $0 "\n" }
	    /<\/section>/ && index(s, h) { printf "%s", s }' "$1" | sed "s/<[^>]*>//g"
}

expect "one letter per household turned away, after the list's, counted in the summary" '
	village_applied && turned_away >t && n=$(wc -l <t) && [ "$n" -ge 10 ] &&
	grep -qx H024 t && grep -qx H014 t && grep -qx H013 t &&
	tpa-publicize letter --level village --village . -o l.html appraised.csv 2>err &&
	[ "$(grep -c "<section class=\"letter\">" l.html)" -eq $((15 + n)) ] &&
	[ "$(grep -c "的申请人：" l.html)" -eq "$n" ] &&
	grep -qx "letters (village): 15 households, $n applications not accepted" err &&
	while read -r h; do grep -q "户编号${h}的申请人：" l.html || { echo "no letter for $h"; exit 1; }; done <t &&
	grep "^l.html," PROVENANCE.csv | grep -q "rejects-apply.csv@$(sha256sum rejects-apply.csv | cut -c1-64)"'

expect "what is wrong and what to bring: no head, a bad ID number, a missing name" '
	village_applied && tpa-publicize letter -q --level village --village . -o l.html appraised.csv &&
	letter_of l.html H024 >h && grep -q "目前结果申请未受理" h &&
	grep -qx "申请表第27行（身份证号码371323\*\*\*\*\*\*\*\*2519）：第H024户没有户主" h &&
	grep -qx "户口簿，以核对户主和家庭成员（每户一名户主，每人只登记一次）。" h &&
	! grep -q "居民身份证" h && grep -q "申请人签收" h &&
	grep -q "请携带上述材料到村委会 张主任 0539-1234567补正申请" h &&
	grep -q "最迟不超过2015年6月11日" h && grep -q "双河村村民委员会（盖章）" h &&
	letter_of l.html H014 >h &&
	grep -qx "申请表第15行（身份证号码371323\*\*\*\*\*\*\*1141）：身份证号不是17位数字加1位校验码" h &&
	grep -qx "家庭成员的居民身份证和户口簿，以核对身份证号码、性别和出生日期。" h &&
	letter_of l.html H013 >h && grep -q "姓名为空" h &&
	grep -qx "按上面所列，补齐或更正申请表中的内容。" h && ! grep -q "户口簿" h'

expect "no full ID number of the applications in the letters; none turned away above the village" '
	village_applied && tpa-publicize letter -q --level village --village . -o l.html appraised.csv &&
	tail -n +2 applications.csv | grep -o "[0-9]\{17\}[0-9Xx]" | sort -u >ids && [ "$(wc -l <ids)" -gt 20 ] &&
	! grep -F -f ids l.html &&
	tpa-publicize resolve -q --level village --village . -o publicized-village.csv appraised.csv objections-village.csv &&
	tpa-publicize letter -q --level town --village . -o t.html publicized-village.csv &&
	! grep -q "的申请人：" t.html'

expect "an en village: the words in English" '
	village_applied && echo "language: en" >>village.yaml &&
	tpa-apply -q --village . -o applicants.csv applications.csv 2>/dev/null;
	tpa-publicize letter -q --level village --village . -o e.html appraised.csv &&
	grep -q "To the applicants of household H024:" e.html &&
	grep -q "The household register (户口簿), to check the head" e.html &&
	! grep -q "申请人签收" e.html'

expect "on paper: every letter, turned away or not, one page saying 第1页，共1页" '
	command -v chromium >/dev/null && command -v pdftotext >/dev/null && village_applied &&
	n=$(turned_away | wc -l) &&
	tpa-publicize letter -q --level village --village . -o l.html appraised.csv &&
	tpa print -q l.html && [ "$(pdfinfo l.pdf | sed -n "s/^Pages: *//p")" -eq $((15 + n)) ] &&
	for i in $(seq 1 $((15 + n))); do
		pdftotext -f $i -l $i l.pdf - | tr -d " \n" | grep -q "第1页，共1页" || { echo "page $i"; exit 1; }
	done'

# apply also reads last year's registry; a row of it it refused is named
# by that file, not called a line of the application.
expect "a refused row of another file apply read: the letter names that file and its line" '
	village_applied &&
	printf "apply,../../2014/371323105201/registry/members.csv,4,371323105201,H090,371323********0011,id_number,BAD_ID,身份证号码校验位不对,error\n" >>rejects-apply.csv &&
	tpa-publicize letter -q --level village --village . -o l.html appraised.csv &&
	letter_of l.html H090 >h &&
	grep -qx "../../2014/371323105201/registry/members.csv第4行（身份证号码371323\*\*\*\*\*\*\*\*0011）：身份证号码校验位不对" h &&
	! grep -q "申请表第4行" h'

# many: a household turned away with 12 rows of problems, one of them a
# message of 100 characters, added to rejects-apply.csv.
many() {
	long=$(printf "很长的说明%.0s" $(seq 1 20)) &&
	for i in $(seq 1 12); do
		m=健康状况不是列表中的词$i; [ $i = 3 ] && m=$long
		printf "apply,applications.csv,%d,371323105201,H091,371323********00%02d,health,BAD_VALUE,%s,error\n" $((100 + i)) $i "$m"
	done >>rejects-apply.csv
}

expect "many problems: the first 8 listed, a long message cut with ……, the other 4 counted and pointed to the rejects" '
	village_applied && many &&
	tpa-publicize letter -q --level village --village . -o l.html appraised.csv &&
	letter_of l.html H091 >h &&
	[ "$(grep -c "^申请表第1[01][0-9]行" h)" -eq 8 ] &&
	grep -qx "申请表第108行（身份证号码371323\*\*\*\*\*\*\*\*0008）：健康状况不是列表中的词8" h &&
	! grep -q "第109行" h &&
	grep -qx "另有4处问题，村委会保存的退回记录（rejects-apply.csv）逐条列出。" h &&
	grep -q "^申请表第103行（身份证号码371323\*\*\*\*\*\*\*\*0003）：\(很长的说明\)\{12\}……$" h'

expect "many problems on paper: still one page, 第1页，共1页" '
	command -v chromium >/dev/null && command -v pdftotext >/dev/null && village_applied && many &&
	tpa-publicize letter -q --level village --village . -o l.html appraised.csv &&
	awk "/<section class=\"letter\">/ { s = \"\" } { s = s \$0 \"\\n\" } /<\\/section>/ && index(s, \"户编号H091的申请人\") { printf \"%s\", s }" l.html >one &&
	{ sed -n "1,/<body>/p" l.html; cat one; echo "</body></html>"; } >one.html &&
	tpa print -q one.html && [ "$(pdfinfo one.pdf | sed -n "s/^Pages: *//p")" -eq 1 ] &&
	pdftotext one.pdf - | tr -d " \n" | grep -q "第1页，共1页"'
