#!/bin/sh
# tpa-publicize: notices (text, csv, html in a real browser) and objections.
. "$(dirname "$0")/lib.sh"
V=$SAMPLE_FLAT/county/2015/371323105201

# The sample village after appraisal, in a folder of its own.
appraised_village() {
	mkdir -p county/2015 county/rules && cp -R "$V" county/2015/ &&
	sample_rules county && cd county/2015/371323105201 &&
	cp "$DATA/sample/appraised.expected" appraised.csv
}

# The text notice was read against appraised.expected: the five proposed
# households (H001, H031, H032, H033, H037) in household order, their heads,
# masked numbers, 2+4+3+1+6 = 16 people, the period 2015-06-05..11 (7 days)
# and the contact of village.yaml.
expect "village notice as text, aligned, as checked by hand" '
	appraised_village && tpa-publicize notice -q --level village --village . --format text appraised.csv >n.txt &&
	same n.txt "$DATA/sample/notice-village.txt.expected"'

expect "csv notice: masked numbers, totals, formula cells neutralised" '
	appraised_village && sed "s/,张建国,/,=HYPERLINK(1),/" appraised.csv >a.csv &&
	tpa-publicize notice -q --level village --village . --format csv -o n.csv a.csv &&
	grep -qx "1,H001,'"'"'=HYPERLINK(1),371323\*\*\*\*\*\*\*\*011X,2,2100.00" n.csv &&
	grep -qx "合计：5户，16人" n.csv && [ "$(wc -l <n.csv)" -eq 8 ] &&
	fp=$(sha256sum a.csv | cut -c1-32 | sed "s/..../& /g; s/ \$//") &&
	tail -1 n.csv | grep -q "^名单指纹：$fp。这是名单文件a.csv的" &&
	[ "$(head -c 3 n.csv | od -An -tx1 | tr -d " ")" = efbbbf ]'

expect "html notice: self-contained, escaped, no full ID number, no phone" '
	appraised_village && sed "s/,张建国,/,<b>张\&建国<\/b>,/" appraised.csv >a.csv &&
	tpa-publicize notice -q --level village --village . -o n.html a.csv &&
	grep -q "&lt;b&gt;张&amp;建国&lt;/b&gt;" n.html && ! grep -q "<b>" n.html &&
	! grep -Eq "src=|href=|@import|url\(" n.html &&
	for id in $(tail -n +2 appraised.csv | cut -d, -f4); do ! grep -q "$id" n.html || exit 1; done &&
	! grep -q 13905391234 n.html && grep -q "371323\*\*\*\*\*\*\*\*603X" n.html &&
	grep -q "公示期为2015年6月5日至2015年6月11日（共7天）" n.html &&
	grep -q "村委会 张主任 0539-1234567" n.html && [ "$(stat -c %a n.html)" = 644 ]'

expect "village level resolves objections: dismissed, upheld, left out, data error" '
	appraised_village && tpa-publicize resolve -q --level village --village . -o publicized-village.csv appraised.csv objections-village.csv &&
	same publicized-village.csv "$DATA/sample/publicized-village.expected" &&
	[ "$(stat -c %a resurvey.csv)" = 644 ] && ! grep -q 371323196512034411 resurvey.csv &&
	grep -q "^village,,王五 371323\*\*\*\*\*\*\*\*4411,wrongly_excluded,2015-06-08," resurvey.csv &&
	grep -q "^village,H037,,data_error,2015-06-09," resurvey.csv && [ "$(wc -l <resurvey.csv)" -eq 3 ]'

expect "a pending objection: decision pending, exit 1" '
	appraised_village &&
	printf "household_id,about,received,kind,summary,outcome,decided,decided_by\nH032,,2015-06-07,wrongly_included,x,pending,,\n" >o.csv &&
	status 1 tpa-publicize resolve -q --level village --village . -o p.csv appraised.csv o.csv 2>err &&
	grep -q "^371323105201,H032,.*,pending,," p.csv && grep -q "1 objection(s) still pending" err &&
	[ "$(grep -c ",confirmed," p.csv)" -eq 4 ]'

expect "a period shorter than the rules: reported, exit 1; late objection reported" '
	appraised_village && sed "s/village: {start: 2015-06-05, end: 2015-06-11}/village: {start: 2015-06-05, end: 2015-06-10}/" village.yaml >v.yaml && mv v.yaml village.yaml &&
	printf "household_id,about,received,kind,summary,outcome,decided,decided_by\nH032,,2015-06-12,wrongly_included,x,dismissed,2015-06-12,村委会\n" >o.csv &&
	status 1 tpa-publicize resolve -q --level village --village . -o p.csv appraised.csv o.csv 2>err &&
	grep -q "the village publicity period lasted 6 days; the rules require at least 7" err &&
	grep -q "o.csv:2: received 2015-06-12, outside the village publicity period 2015-06-05 to 2015-06-10" err'

expect "every household of the list is in the publicized list exactly once" '
	appraised_village && tpa-publicize resolve -q --level village --village . -o p.csv appraised.csv objections-village.csv &&
	cut -d, -f2 appraised.csv >a && cut -d, -f2 p.csv >b && same b a'

expect "town and county levels list the households confirmed below; resurvey keeps each level" '
	appraised_village && tpa-publicize resolve -q --level village --village . -o publicized-village.csv appraised.csv objections-village.csv &&
	tpa-publicize notice -q --level town --village . --format csv publicized-village.csv >t.csv &&
	[ "$(sed 1d t.csv | sed \$d | sed \$d | cut -d, -f3 | tr "\n" " ")" = "张建国 褚建华 李春雷 韩长林 " ] &&
	[ "$(tail -2 t.csv | head -1)" = "合计：4户，15人" ] &&
	tpa-publicize resolve -q --level town --village . -o publicized-town.csv publicized-village.csv objections-town.csv &&
	tpa-publicize resolve -q --level county --village . -o publicized-county.csv publicized-town.csv objections-county.csv &&
	grep -q "^371323105201,H001,.*,confirmed,,.*,30,2,0,4,1$" publicized-county.csv &&
	[ "$(wc -l <resurvey.csv)" -eq 3 ] &&
	tpa-publicize notice -q --level county --village . --format text publicized-town.csv | head -1 | grep -qx "沂水县临涧镇双河村2015年建档立卡贫困户公告"'

expect "usage errors" '
	status 2 tpa-publicize notice --village . x.csv 2>err && grep -q "level must be" err &&
	status 2 tpa-publicize post --level village --village . x.csv 2>err && grep -q "notice, letter, resolve or area-notice" err &&
	status 2 tpa-publicize notice --level village --village . --format pdf x.csv'

# pdf HTML PDF: print HTML to PDF with headless Chromium (each PDF with a
# profile of its own, so that two may print at once).
pdf() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	    --disable-background-networking --disable-component-update --disable-sync \
	    --user-data-dir="$PWD/chrome-$2" --no-pdf-header-footer --print-to-pdf="$PWD/$2" \
	    "file://$PWD/$1" 2>/dev/null && [ -s "$2" ]
}

# page PDF N: the text of page N without spaces and line breaks.
page() {
	pdftotext -f "$2" -l "$2" "$1" - | tr -d " \n"
}

# A large village (300 households, so its notice runs over several pages)
# whose applications give the villager group, with the contacts of every
# level and the hotline: its village notice in notice.html and, printed by
# Chromium, notice.pdf. Chromium is slow to start: the PDF is kept for the
# next case that prints the same bytes.
long_notice() {
	tpa-gen --households 300 --seed 7 -o gen >/dev/null && cd gen/* &&
	mkdir -p ../rules && cp "$SAMPLE/../rules/"*.yaml ../rules/ &&
	awk -F, "NR == 1 { print \$0 \",group\"; next } { print \$0 \",第\" (substr(\$1, 2) % 5 + 1) \"组\" }" \
	    applications.csv >a.csv && mv a.csv applications.csv &&
	sed -i "/^contacts:/,/^  hotline:/d" village.yaml && printf "contacts:\n  town: 临涧镇扶贫办 0539-7654321\n  county: 沂水县扶贫办 0539-2222222\n  hotline: \"12317\"\n" >>village.yaml &&
	tpa-apply -q --village . -o applicants.csv applications.csv &&
	tpa-survey -q --village . -o primary.csv applicants.csv survey.csv &&
	tpa-appraise -q --village . -o appraised.csv primary.csv votes.csv 2>/dev/null &&
	tpa-publicize notice -q --level village --village . -o notice.html appraised.csv &&
	if cmp -s notice.html "$scratch/notice.html"; then
		cp "$scratch/notice.pdf" notice.pdf
	else
		pdf notice.html notice.pdf && cp notice.html notice.pdf "$scratch/"
	fi
}

# A real browser: Chromium prints the notice of a large village to PDF, and
# the PDF's text must hold every head's name and masked number, and no full
# ID number; the page count must fit the list, and the table header and the
# page number must be on every page.
expect "the html notice in headless Chromium: names, masked numbers, pages" '
	command -v chromium >/dev/null && command -v pdftotext >/dev/null && long_notice &&
	n=$(grep -c ",proposed," appraised.csv) && [ "$n" -ge 40 ] &&
	pdftotext notice.pdf notice.txt && tr -d " \n" <notice.txt >flat.txt &&
	grep ",proposed," appraised.csv | cut -d, -f3,4 | while IFS=, read name id; do
		masked=$(echo "$id" | sed "s/^\(......\)........\(....\)$/\1********\2/")
		grep -q "$name" flat.txt || { echo "missing $name"; exit 1; }
		grep -qF "$masked" flat.txt || { echo "missing $masked"; exit 1; }
		! grep -q "$id" flat.txt || { echo "full number $id"; exit 1; }
	done &&
	pages=$(pages notice.pdf) &&
	echo "$n households on $pages pages" &&
	[ "$pages" -ge $(( (n + 39) / 40 )) ] && [ "$pages" -le $(( n / 15 + 2 )) ] &&
	grep -q "第 1 页，共 $pages 页" notice.txt &&
	[ "$pages" -ge 2 ] && pdftotext -f 2 -l 2 notice.pdf - | grep -q "户主姓名" &&
	pdftotext -f 2 -l 2 notice.pdf - | grep -q "第 2 页，共 $pages 页"'

expect "resolve --explain: the objections about a household and the outcome, writing nothing" '
	appraised_village &&
	tpa-publicize resolve --explain H033 --level village --village . appraised.csv objections-village.csv >out &&
	grep -qx "第H033户：村级公示前为拟评为贫困户（proposed）；公示期2015-06-05至2015-06-11，共7天" out &&
	grep -qx "异议（objections-village.csv第3行）：错评，2015/6/7受理，处理结果：成立" out &&
	grep -qx "结论：取消（removed）  增加原因：OBJECTION" out && [ ! -e publicized-village.csv ] &&
	tpa-publicize resolve --explain H001 --level village --village . appraised.csv objections-village.csv | grep -qx "本级没有关于该户的异议"'

# Every page, the last one too; the signature keeps the last households
# and the totals with it (with seed 7 it fell alone on page 4 before).
expect "a long notice repeats the title and the period on every printed page, and the signature never stands alone" '
	command -v chromium >/dev/null && long_notice &&
	pages=$(pages notice.pdf) && [ "$pages" -ge 3 ] &&
	last=$(page notice.pdf "$pages") && echo "$last" | grep -qF "371323********" &&
	echo "$last" | grep -q "合计" &&
	for i in $(seq 2 "$pages"); do
		p=$(page notice.pdf "$i")
		echo "$p" | grep -q "第1村2015年建档立卡贫困户公示" &&
		echo "$p" | grep -q "公示期：2015年6月5日至2015年6月11日（共7天）" &&
		echo "$p" | grep -q "户主姓名" && echo "$p" | grep -q "第${i}页，共${pages}页" ||
		{ echo "page $i of $pages"; exit 1; }
	done'

expect "the notice shows the household number and the villager group the applications give" '
	command -v chromium >/dev/null && long_notice &&
	p=$(page notice.pdf 1) &&
	echo "$p" | grep -q "序号户编号村民小组户主姓名身份证号码家庭人口人均纯收入（元）" &&
	grep ",proposed," appraised.csv | head -1 | cut -d, -f2,3,10 >first &&
	IFS=, read -r hh name group <first &&
	echo "$p" | grep -q "1${hh}${group}${name}371323" &&
	[ "$(grep ",proposed," appraised.csv | cut -d, -f10 | sort -u | wc -l)" -eq 5 ] &&
	for g in 1 2 3 4 5; do pdftotext notice.pdf - | grep -q "第${g}组" || exit 1; done &&
	cd "$scratch" && mkdir -p nogroup && cd nogroup && mkdir -p county/2015 county/rules &&
	cp -R "$V" county/2015/ && sample_rules county &&
	cd county/2015/371323105201 && cp "$DATA/sample/appraised.expected" appraised.csv &&
	tpa-publicize notice -q --level village --village . -o n.html appraised.csv &&
	grep -q "<th>户编号</th>" n.html && ! grep -q "村民小组" n.html'

expect "the signature block, dated the first day of the period, is on the last page" '
	command -v chromium >/dev/null && long_notice &&
	pages=$(pages notice.pdf) && p=$(page notice.pdf "$pages") &&
	echo "$p" | grep -q "第1村村民委员会（盖章）" && echo "$p" | grep -q "2015年6月5日第${pages}页" &&
	! page notice.pdf 1 | grep -q "（盖章）" &&
	p=$(page notice.pdf 1) && echo "$p" | grep -q "向村委会0539-1234567反映。监督电话：12317。"'

expect "town and county notices in Chromium name their own level's contact and the hotline" '
	command -v chromium >/dev/null && appraised_village &&
	sed -i "/^contacts:/,/^  hotline:/d" village.yaml && printf "contacts:\n  town: 临涧镇扶贫办 0539-7654321\n  county: 沂水县扶贫办 0539-2222222\n  hotline: \"12317\"\n" >>village.yaml &&
	tpa-publicize resolve -q --level village --village . -o publicized-village.csv appraised.csv objections-village.csv &&
	tpa-publicize resolve -q --level town --village . -o publicized-town.csv publicized-village.csv objections-town.csv &&
	tpa-publicize notice -q --level town --village . -o town.html publicized-village.csv &&
	tpa-publicize notice -q --level county --village . -o county.html publicized-town.csv &&
	{ pdf town.html town.pdf & pdf county.html county.pdf && wait $!; } &&
	t=$(page town.pdf 1) && c=$(page county.pdf 1) &&
	echo "$t" | grep -q "临涧镇双河村2015年建档立卡贫困户公示" &&
	echo "$t" | grep -q "公示期为2015年6月14日至2015年6月20日（共7天）" &&
	echo "$t" | grep -q "请在此期间内向临涧镇扶贫办0539-7654321反映。监督电话：12317。" &&
	echo "$t" | grep -q "临涧镇人民政府（盖章）2015年6月14日" &&
	! echo "$t" | grep -q "张主任" && ! echo "$t" | grep -q "沂水县扶贫办" &&
	echo "$c" | grep -q "沂水县临涧镇双河村2015年建档立卡贫困户公告" &&
	echo "$c" | grep -q "公告期为2015年6月21日至2015年6月25日（共5天）" &&
	echo "$c" | grep -q "请在此期间内向沂水县扶贫办0539-2222222反映。监督电话：12317。" &&
	echo "$c" | grep -q "沂水县扶贫开发领导小组办公室（盖章）2015年6月21日" &&
	! echo "$c" | grep -q "张主任" && ! echo "$c" | grep -q "临涧镇扶贫办"'
