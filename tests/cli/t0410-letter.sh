#!/bin/sh
# tpa-publicize letter: one page per household, each telling only its own
# household the decision and why, read back from a real browser's PDF.
. "$(dirname "$0")/lib.sh"
V=$SAMPLE_FLAT/county/2015/371323105201

# The sample village after appraisal, in a folder of its own, with the
# other levels' contacts and the hotline.
appraised_village() {
	mkdir -p county/2015 county/rules && cp -R "$V" county/2015/ &&
	sample_rules county && cd county/2015/371323105201 && sed -i "/^contacts:/,/^  hotline:/d" village.yaml &&
	cp "$DATA/sample/appraised.expected" appraised.csv &&
	cat >>village.yaml <<'YAML'
contacts:
  town: 临涧镇扶贫办 0539-7654321
  county: 沂水县扶贫办 0539-2222222
  hotline: "12317"
YAML
}

# pdf HTML PDF: print HTML to PDF with headless Chromium.
pdf() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	    --disable-background-networking --disable-component-update --disable-sync \
	    --user-data-dir="$PWD/chrome" --no-pdf-header-footer --print-to-pdf="$PWD/$2" \
	    "file://$PWD/$1" 2>/dev/null && [ -s "$2" ]
}

# letters LANG: the sample village'"'"'s letters at village level in
# letter.html and, printed by Chromium, letter.pdf. Chromium is slow to
# start: a PDF is kept for the next case that prints the same bytes.
letters() {
	appraised_village && { [ "$1" = zh ] || echo "language: $1" >>village.yaml; } &&
	tpa-publicize letter -q --level village --village . -o letter.html appraised.csv &&
	if cmp -s letter.html "$scratch/letter-$1.html"; then
		cp "$scratch/letter-$1.pdf" letter.pdf
	else
		pdf letter.html letter.pdf && cp letter.html "$scratch/letter-$1.html" &&
		cp letter.pdf "$scratch/letter-$1.pdf"
	fi
}

# page PDF N: the text of page N, without spaces and line breaks (a line
# of the PDF may break anywhere).
page() {
	pdftotext -f "$2" -l "$2" "$1" - | tr -d " \n"
}

# page_of HOUSEHOLD: its page (the letters follow the list's order).
page_of() {
	tail -n +2 appraised.csv | cut -d, -f2 | grep -nx "$1" | cut -d: -f1
}

# own PDF: every page names its own household (head, number, masked ID
# number) and no other household's head, number or ID number.
own() {
	tail -n +2 appraised.csv | cut -d, -f2,3,4 >heads &&
	i=0 &&
	while IFS=, read -r hh name id; do
		i=$((i + 1))
		page "$1" "$i" >page.txt
		masked=$(echo "$id" | sed "s/^\(......\)........\(....\)$/\1********\2/")
		grep -qF "$name" page.txt && grep -qF "$hh" page.txt && grep -qF "$masked" page.txt ||
		    { echo "page $i does not name $hh $name $masked"; return 1; }
		grep -v "^$hh," heads | tr , "\n" >others
		! grep -F -f others page.txt || { echo "page $i ($hh) shows another household"; return 1; }
		! grep -qF "$id" page.txt || { echo "page $i: full ID number"; return 1; }
	done <heads &&
	[ "$i" -eq "$(pages "$1")" ]
}

expect "the letter in headless Chromium: one page per household, each only its own" '
	command -v chromium >/dev/null && command -v pdftotext >/dev/null && letters zh &&
	n=$(tail -n +2 appraised.csv | wc -l) && [ "$(pages letter.pdf)" -eq "$n" ] &&
	own letter.pdf'

# The reasons in words, on the page of the household they concern: the
# titles of the exclusions (title_zh), the income worked out from its
# parts, the vote, the rank and the quota; on every page, the period, the
# village contact, the hotline and the signature dated the period'"'"'s first day.
expect "each letter gives its reasons in words, the period and the contact" '
	command -v chromium >/dev/null && letters zh &&
	p=$(page letter.pdf "$(page_of H005)") &&
	echo "$p" | grep -q "目前结果属于排除情形" &&
	echo "$p" | grep -q "排除情形X1：家庭成员中有公务员或财政供养人员" &&
	echo "$p" | grep -q "排除情形X2：在城镇购买商品房" &&
	p=$(page letter.pdf "$(page_of H002)") &&
	echo "$p" | grep -q "工资性收入6000.00＋生产经营性收入2500.50＋财产性收入0.00＋转移性收入500.00＝家庭纯收入9000.50" &&
	echo "$p" | grep -q "家庭纯收入9000.50÷家庭人口3人＝人均纯收入3000.17" &&
	echo "$p" | grep -q "不低于标准2855.00元，但未超过3140.50元" &&
	echo "$p" | grep -q "照顾情形C2：住房为危房" &&
	echo "$p" | grep -q "赞成20票，反对10票，弃权2票" && echo "$p" | grep -q "排第7位" &&
	echo "$p" | grep -q "规模为20人" && echo "$p" | grep -q "超出规模" &&
	p=$(page letter.pdf "$(page_of H004)") &&
	echo "$p" | grep -q "排除情形X3：拥有价值3万元以上的汽车" &&
	echo "$p" | grep -q "生产经营性收入(-2000.00)" &&
	p=$(page letter.pdf "$(page_of H003)") &&
	echo "$p" | grep -q "无有效入户调查记录" &&
	echo "$p" | grep -q "请与村委会联系补正，补正后将重新认定" &&
	! echo "$p" | grep -q "下一年度重新申请" &&
	p=$(page letter.pdf "$(page_of H001)") &&
	echo "$p" | grep -q "您家拟评为建档立卡贫困户" &&
	echo "$p" | grep -q "您家列入村级公示名单" && echo "$p" | grep -q "报乡镇人民政府审核" &&
	echo "$p" | grep -q "低于标准2855.00元" &&
	for i in $(seq 1 "$(pages letter.pdf)"); do
		p=$(page letter.pdf "$i")
		echo "$p" | grep -q "2015年6月5日至2015年6月11日（共7天）" &&
		echo "$p" | grep -q "最迟不超过2015年6月11日" &&
		echo "$p" | grep -q "受理异议：村委会张主任0539-1234567" &&
		echo "$p" | grep -q "监督电话：12317" &&
		echo "$p" | grep -q "双河村村民委员会（盖章）" && echo "$p" | grep -q "2015年6月5日第1页，共1页" &&
		echo "$p" | grep -q "户主签收" || { echo "page $i"; exit 1; }
	done'

expect "a town letter names the town contact and period; removed and confirmed households" '
	appraised_village &&
	tpa-publicize resolve -q --level village --village . -o publicized-village.csv appraised.csv objections-village.csv &&
	tpa-publicize letter -q --level town --village . -o letter-town.html publicized-village.csv &&
	[ "$(grep -c "<section class=\"letter\">" letter-town.html)" -eq 15 ] &&
	[ "$(grep -c "受理异议：临涧镇扶贫办 0539-7654321。监督电话：12317。" letter-town.html)" -eq 15 ] &&
	! grep -q "村委会 张主任" letter-town.html &&
	[ "$(grep -c "<p>临涧镇人民政府（盖章）" letter-town.html)" -eq 15 ] &&
	[ "$(grep -c "<p>2015年6月14日</p>" letter-town.html)" -eq 15 ] &&
	grep -q "您家列入乡镇审核公示名单，公示期为2015年6月14日至2015年6月20日（共7天）。" letter-town.html &&
	grep -q "经调查核实异议成立，您家已从贫困户名单中取消。" letter-town.html &&
	grep -q "<li>公示异议成立</li>" letter-town.html &&
	tpa-publicize letter -q --level county --village . -o letter-county.html publicized-village.csv &&
	grep -q "受理异议：沂水县扶贫办 0539-2222222。" letter-county.html &&
	grep -q "您家将建档立卡" letter-county.html'

expect "an en village gets its letters in English, rule titles in English" '
	command -v chromium >/dev/null && letters en && grep -q "<html lang=\"en\">" letter.html &&
	[ "$(pages letter.pdf)" -eq 15 ] && own letter.pdf &&
	p=$(page letter.pdf "$(page_of H005)") &&
	echo "$p" | grep -q "ExclusionX1:Amemberisacivilservantorpaidfrompublicfunds" &&
	! echo "$p" | grep -q "家庭成员中有公务员" &&
	p=$(page letter.pdf "$(page_of H002)") &&
	echo "$p" | grep -q "wages6000.00+business2500.50+property0.00+transfers500.00=netincome9000.50" &&
	echo "$p" | grep -q "netincome9000.50÷members3=incomeperperson3000.17" &&
	echo "$p" | grep -q "20for,10against,2abstaining" &&
	echo "$p" | grep -q "5June2015to11June2015(7days)" &&
	echo "$p" | grep -q "Supervisionhotline:12317" &&
	echo "$p" | grep -q "Committeeof双河村(seal)" && echo "$p" | grep -q "5June2015page1of1" &&
	! grep -q "拟评为\|一、识别结果\|户主签收" letter.html'

expect "the same bytes whatever the locale, the time zone or the day" '
	appraised_village &&
	for lang in zh en; do
		[ $lang = en ] && echo "language: en" >>village.yaml
		LC_ALL=C LANG=C TZ=UTC tpa-publicize letter -q --level village --village . -o c-$lang.html appraised.csv &&
		LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 LANGUAGE=zh_CN TZ=Asia/Shanghai \
		    tpa-publicize letter -q --level village --village . -o zh-$lang.html appraised.csv 2>/dev/null &&
		LC_ALL=C.UTF-8 TZ=America/New_York tpa-publicize letter -q --level village --village . -o u-$lang.html appraised.csv &&
		same zh-$lang.html c-$lang.html && same u-$lang.html c-$lang.html || exit 1
	done &&
	! same c-zh.html c-en.html 2>/dev/null'

expect "letters are masked, escaped, self-contained, confidential (0600), recorded in PROVENANCE.csv" '
	appraised_village && sed "s/,张建国,/,<b>张\&建国<\/b>,/" appraised.csv >a.csv &&
	tpa-publicize letter --level village --village . -o letters.html a.csv 2>err &&
	grep -qx "letters (village): 15 households" err &&
	grep -q "&lt;b&gt;张&amp;建国&lt;/b&gt;户：" letters.html && ! grep -q "<b>" letters.html &&
	! grep -Eq "src=|href=|@import|url\(" letters.html &&
	for id in $(tail -n +2 a.csv | cut -d, -f4); do ! grep -q "$id" letters.html || exit 1; done &&
	! grep -q 13905391234 letters.html && [ "$(stat -c %a letters.html)" = 600 ] &&
	grep -q "^letters.html,[0-9a-f]\{64\},publicize,.*,a.csv@" PROVENANCE.csv'

expect "every household gets a letter: survey, appraisal and publicity decisions" '
	appraised_village &&
	tpa-publicize letter -q --level village --village . -o l.html appraised.csv &&
	grep -q "<p class=\"l\">您家的情况未能经入户调查核实" l.html &&
	grep -q "<li>无有效入户调查记录</li>" l.html &&
	grep -q "您家不符合任何照顾情形。" l.html &&
	grep -q "您家未通过评议。" l.html && grep -q "<li>民主评议赞成票未过半</li>" l.html &&
	grep -q "<li>未经民主评议</li>" l.html && grep -q "<li>评议票数记录有误</li>" l.html &&
	printf "household_id,about,received,kind,summary,outcome,decided,decided_by\nH032,,2015-06-07,wrongly_included,x,pending,,\n" >o.csv &&
	status 1 tpa-publicize resolve -q --level village --village . -o p.csv appraised.csv o.csv 2>/dev/null &&
	tpa-publicize letter -q --level town --village . -o t.html p.csv &&
	grep -q "正在调查核实，结果待定。" t.html && grep -q "对您家的异议核实后，将告知您处理结果。" t.html &&
	cp "$DATA/sample/primary.expected" primary.csv &&
	tpa-publicize letter -q --level village --village . -o primary.html primary.csv &&
	grep -q "尚待村民代表民主评议" primary.html && grep -q "您家将提交村民代表会议民主评议" primary.html'

expect "usage and input errors" '
	appraised_village &&
	status 2 tpa-publicize letter --level village --village . --format text appraised.csv 2>err &&
	grep -q "html only" err &&
	status 2 tpa-publicize letter --level village --village . 2>err && grep -q "letter needs LIST.csv" err &&
	status 2 tpa-publicize letter --level parish --village . appraised.csv 2>/dev/null &&
	status 2 tpa-publicize letter --level village --village . -o l.html nope.csv 2>err &&
	grep -q "nope.csv" err && [ ! -e l.html ] &&
	sed "/town:    {start/d" village.yaml >v.yaml && mv v.yaml village.yaml &&
	status 2 tpa-publicize letter --level town --village . -o l.html appraised.csv 2>err &&
	grep -q "publicity.town" err && [ ! -e l.html ]'
