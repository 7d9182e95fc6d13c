#!/bin/sh
# Every notice and letter prints the fingerprint of the list it shows: the
# first 32 hex digits of the list file's SHA-256 in groups of four (SPEC §8
# "Fingerprints"), worked out here with sha256sum; on paper (Chromium's
# PDF) it is there, readable, and the notice keeps its layout.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "a longer script of the area's checks; t0950, t0951, t0961 and t0972 run the same code under memcheck"
V=$SAMPLE_FLAT/county/2015/371323105201

appraised_village() {
	mkdir -p county/2015 county/rules && cp -R "$V" county/2015/ &&
	sample_rules county && cd county/2015/371323105201 &&
	cp "$DATA/sample/appraised.expected" appraised.csv
}
# fp FILE: the first 32 hex digits of FILE's SHA-256 in groups of four.
fp() {
	sha256sum "$1" | cut -c1-32 | sed "s/..../& /g; s/ $//"
}
ZH="。这是名单文件"
pdf() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	    --disable-background-networking --disable-component-update --disable-sync \
	    --user-data-dir="$PWD/chrome-$2" --no-pdf-header-footer --print-to-pdf="$PWD/$2" \
	    "file://$PWD/$1" 2>/dev/null && [ -s "$2" ]
}

expect "the village notice, as html, text and csv, prints appraised.csv's fingerprint" '
	appraised_village && f=$(fp appraised.csv) && [ ${#f} -eq 39 ] &&
	tpa-publicize notice -q --level village --village . -o n.html appraised.csv &&
	tpa-publicize notice -q --level village --village . --format text -o n.txt appraised.csv &&
	tpa-publicize notice -q --level village --village . --format csv -o n.csv appraised.csv &&
	grep -q "名单指纹：$f${ZH}appraised.csv的SHA-256值的前32位，任何人都可以用它核对" n.html &&
	grep -qx "名单指纹：$f${ZH}appraised.csv的SHA-256值的前32位，任何人都可以用它核对手中的文件是否就是本名单。" n.txt &&
	[ "$(grep -c "名单指纹：$f" n.csv)" -eq 1 ] &&
	[ "$(grep -c "名单指纹" n.html)" -eq 1 ]'

expect "the fingerprint is that of the bytes read, as PROVENANCE.csv records them (a GBK list with CRLF)" '
	appraised_village && iconv -f UTF-8 -t GBK appraised.csv | sed "s/\$/\r/" >gbk.csv &&
	! cmp -s gbk.csv appraised.csv && f=$(fp gbk.csv) &&
	tpa-publicize notice -q --level village --village . -o n.html gbk.csv &&
	grep -q "名单指纹：$f${ZH}gbk.csv的" n.html &&
	sha=$(sha256sum gbk.csv | cut -c1-64) && grep "^n.html," PROVENANCE.csv | grep -q "gbk.csv@$sha"'

expect "an English village: the label and the sentence in English" '
	appraised_village && echo "language: en" >>village.yaml && f=$(fp appraised.csv) &&
	tpa-publicize notice -q --level village --village . --format text -o n.txt appraised.csv &&
	grep -qx "List fingerprint: $f. These are the first 32 hex digits of the SHA-256 of the list file appraised.csv: anyone can check a copy of the file against them." n.txt'

expect "town and county notices print the fingerprint of the list each shows; no receipt line outside an area" '
	appraised_village &&
	tpa-publicize resolve -q --level village --village . -o publicized-village.csv appraised.csv objections-village.csv &&
	tpa-publicize resolve -q --level town --village . -o publicized-town.csv publicized-village.csv objections-town.csv &&
	tpa-publicize notice -q --level town --village . --format text -o t.txt publicized-village.csv &&
	tpa-publicize notice -q --level county --village . --format text -o c.txt publicized-town.csv &&
	grep -q "名单指纹：$(fp publicized-village.csv)${ZH}publicized-village.csv的" t.txt &&
	grep -q "名单指纹：$(fp publicized-town.csv)${ZH}publicized-town.csv的" c.txt &&
	! grep -q "接收" c.txt'

expect "each letter, at every level, prints the fingerprint of its list" '
	appraised_village && f=$(fp appraised.csv) &&
	tpa-publicize letter -q --level village --village . -o l.html appraised.csv &&
	n=$(tail -n +2 appraised.csv | wc -l) && [ "$n" -gt 5 ] &&
	[ "$(grep -c "<section class=\"letter\">" l.html)" -eq "$n" ] &&
	[ "$(grep -c "<p class=\"fp\">名单指纹：$f${ZH}appraised.csv的" l.html)" -eq "$n" ] &&
	tpa-publicize resolve -q --level village --village . -o publicized-village.csv appraised.csv objections-village.csv &&
	tpa-publicize letter -q --level town --village . -o t.html publicized-village.csv &&
	[ "$(grep -c "名单指纹：$(fp publicized-village.csv)" t.html)" -eq "$(tail -n +2 publicized-village.csv | wc -l)" ]'

expect "the same bytes whatever the locale and the time zone" '
	appraised_village &&
	LC_ALL=C TZ=America/New_York tpa-publicize notice -q --level village --village . -o a.html appraised.csv &&
	LC_ALL=zh_CN.UTF-8 TZ=Asia/Shanghai tpa-publicize notice -q --level village --village . -o b.html appraised.csv &&
	same a.html b.html'

# On paper: the notice of the sample village is one page; its text holds
# the fingerprint whole, the table header is not broken by the long line,
# and the page renders (pdftoppm); each letter stays on its own page.
expect "on paper: the fingerprint is printed whole, the notice keeps its layout, the letters their pages" '
	command -v chromium >/dev/null && command -v pdftoppm >/dev/null && appraised_village &&
	f=$(fp appraised.csv | tr -d " ") &&
	tpa-publicize notice -q --level village --village . -o n.html appraised.csv &&
	tpa-publicize letter -q --level village --village . -o l.html appraised.csv &&
	{ pdf n.html n.pdf & pdf l.html l.pdf && wait $!; } &&
	[ "$(pdfinfo n.pdf | sed -n "s/^Pages: *//p")" -eq 1 ] &&
	pdftotext n.pdf - | tr -d " \n" >n.txt &&
	grep -q "名单指纹：$f。" n.txt &&
	grep -q "序号户编号户主姓名身份证号码家庭人口人均纯收入（元）" n.txt &&
	grep -q "合计：5户，16人名单指纹：$f。.*双河村村民委员会（盖章）" n.txt &&
	pdftoppm -r 100 -png n.pdf page && [ -s page-1.png ] &&
	n=$(tail -n +2 appraised.csv | wc -l) &&
	[ "$(pdfinfo l.pdf | sed -n "s/^Pages: *//p")" -eq "$n" ] &&
	for i in $(seq 1 "$n"); do
		pdftotext -f "$i" -l "$i" l.pdf - | tr -d " \n" | grep -q "名单指纹：$f。" || { echo "letter page $i"; exit 1; }
	done'
