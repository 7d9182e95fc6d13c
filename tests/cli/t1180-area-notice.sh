#!/bin/sh
# tpa-publicize area-notice: the town's posting (乡镇公示) and the county's
# announcement (县级公告) as one notice listing every village of
# villages.csv: each village under its name and code with the fingerprint
# of its own list (SHA-256 worked out here), its rows as the village's own
# copy of the notice shows them, its totals (counted here with awk from the
# list) and the totals of the whole town; a village not yet at the level
# listed as not yet; one file per posting period; 0644, the same bytes in
# any locale and time zone, no full ID number; printed by Chromium with
# its header whole.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-area-sample.sh"

# fp FILE: the first 32 hex digits of FILE's SHA-256 in groups of four.
fp() {
	sha256sum "$1" | cut -c1-32 | sed "s/..../& /g; s/ $//"
}
# rows FILE: the household rows of a notice, as text.
rows() {
	grep '^<tr><td class="n">' "$1"
}
# section FILE CODE: the part of a town-wide notice under village CODE's
# heading, up to the next heading or the end.
section() {
	awk -v c="（$2）</h2>" 'index($0, "<h2>") == 1 { on = index($0, c) > 0; next }
	    /^<div class="end">/ { on = 0 } on' "$1"
}
# counted LIST: "H户，P人" of the households the town posts (confirmed).
counted() {
	awk -F, 'NR > 1 && $8 == "confirmed" { h++; p += $5 } END { printf "%d户，%d人", h, p }' "$1"
}
# town_notice DIR: the village's own copy of the town notice.
town_notice() {
	(cd "$1" && tpa-publicize notice -q --level town --village . -o notice-town.html publicized-village.csv)
}
# period CODE START END: villages.csv's town_start and town_end of CODE.
period() {
	sed -i "s/^\($1,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,\)[^,]*,[^,]*,/\1$2,$3,/" $T/villages.csv
}
TN=notice-town-20150614-20150620.html

expect "the town-wide notice lists both villages, each with its name, code, the fingerprint of its own list, its rows as its own notice-town.html shows them and its totals; the town's totals add them" '
	area && town_notice $A && town_notice $B &&
	tpa-publicize area-notice -q $T && [ -f $T/$TN ] &&
	[ "$(ls $T/notice-town-*.html | wc -l)" -eq 1 ] &&
	grep -q "<h2>双河村（371323105201）</h2>" $T/$TN &&
	grep -q "<h2>桃园村（371323105202）</h2>" $T/$TN &&
	fa=$(fp $A/publicized-village.csv) && fb=$(fp $B/publicized-village.csv) && [ "$fa" != "$fb" ] &&
	section $T/$TN 371323105201 >a.part && section $T/$TN 371323105202 >b.part &&
	grep -q "名单指纹：$fa。这是名单文件publicized-village.csv的" a.part &&
	grep -q "名单指纹：$fb。这是名单文件publicized-village.csv的" b.part &&
	! grep -q "$fb" a.part && ! grep -q "$fa" b.part &&
	rows $A/notice-town.html >a.own && rows a.part >a.town && [ -s a.own ] && same a.town a.own &&
	rows $B/notice-town.html >b.own && rows b.part >b.town && [ -s b.own ] && same b.town b.own &&
	ca=$(counted $A/publicized-village.csv) && cb=$(counted $B/publicized-village.csv) &&
	grep -q ">合计：$ca<" a.part && grep -q ">合计：$cb<" b.part &&
	total=$(cat $A/publicized-village.csv $B/publicized-village.csv |
	    awk -F, "\$8 == \"confirmed\" { h++; p += \$5 } END { printf \"%d户，%d人\", h, p }") &&
	grep -q "<p class=\"total\">全镇合计：2个村，$total</p>" $T/$TN &&
	grep -q "<h1>沂水县临涧镇2015年建档立卡贫困户公示</h1>" $T/$TN &&
	grep -q "公示期为2015年6月14日至2015年6月20日（共7天）。对名单有异议的，请在此期间内向镇扶贫办 0539-2516018反映。" $T/$TN &&
	grep -q "临涧镇人民政府（盖章）" $T/$TN'

expect "0644, no full ID number, the lists read recorded in the town's PROVENANCE.csv; the same bytes in any locale and time zone" '
	area && tpa-publicize area-notice -q $T &&
	[ "$(stat -c %a $T/$TN)" = 644 ] &&
	for id in $(tail -n +2 -q $A/publicized-village.csv $B/publicized-village.csv | cut -d, -f4); do
		! grep -q "$id" $T/$TN || { echo "full ID $id"; exit 1; }
	done &&
	! grep -Eq "[0-9]{17}[0-9Xx]" $T/$TN &&
	sa=$(sha256sum $A/publicized-village.csv | cut -c1-64) &&
	grep "^$TN," $T/PROVENANCE.csv | grep -q "../371323105201/publicized-village.csv@$sa" &&
	cp $T/$TN first.html &&
	LC_ALL=zh_CN.UTF-8 TZ=Asia/Shanghai tpa-publicize area-notice -q $T && same $T/$TN first.html &&
	LC_ALL=C TZ=America/New_York tpa-publicize area-notice -q -o . $T && same $TN first.html'

expect "a village whose list or folder is not there yet is listed as not yet, not dropped; the town totals count the villages posted" '
	area && rm $B/publicized-village.csv && tpa-publicize area-notice -q $T &&
	section $T/$TN 371323105202 >b.part &&
	grep -qx "<p class=\"notyet\">尚未公示到本级（尚无publicized-village.csv）。</p>" b.part &&
	! grep -q "<tr>" b.part &&
	grep -q "<p class=\"total\">全镇合计：1个村，$(counted $A/publicized-village.csv)</p>" $T/$TN &&
	grep -q "另有1个村尚未公示到本级" $T/$TN &&
	mv $B gone && tpa-publicize area-notice -q $T &&
	section $T/$TN 371323105202 >b.part &&
	grep -qx "<p class=\"notyet\">尚未公示到本级（尚无publicized-village.csv）。</p>" b.part'

expect "villages posted in two periods: two notices, named by period, each listing the villages of its period" '
	area && period 371323105202 2015-06-16 2015-06-22 &&
	tpa-publicize area-notice -q $T &&
	[ "$(ls $T/notice-town-*.html | wc -l)" -eq 2 ] &&
	two=$T/notice-town-20150616-20150622.html && [ -f $two ] && [ -f $T/$TN ] &&
	grep -q "（371323105201）</h2>" $T/$TN && ! grep -q "（371323105202）</h2>" $T/$TN &&
	grep -q "（371323105202）</h2>" $two && ! grep -q "（371323105201）</h2>" $two &&
	grep -q "公示期为2015年6月16日至2015年6月22日（共7天）" $two &&
	grep -q "全镇合计：1个村，$(counted $B/publicized-village.csv)" $two &&
	grep -q "<p>2015年6月16日</p>" $two'

expect "the county-wide announcement lists every town's villages with the fingerprints of their publicized-town.csv, their rows and receipt lines as their own notice-county.html" '
	area && objections && closed 371323105201 2015-06-21 && closed 371323105202 2015-06-22 &&
	resolve $A && resolve $B &&
	tpa-publicize area-notice -q $CO && n=$(ls $CO/notice-county-*.html) && [ "$(echo "$n" | wc -l)" -eq 1 ] &&
	grep -q "<h1>沂水县2015年建档立卡贫困户公告</h1>" $n &&
	grep -q "<h2>临涧镇双河村（371323105201）</h2>" $n && grep -q "<h2>临涧镇桃园村（371323105202）</h2>" $n &&
	grep -q "名单指纹：$(fp $A/publicized-town.csv)。这是名单文件publicized-town.csv的" $n &&
	grep -q "名单指纹：$(fp $B/publicized-town.csv)。这是名单文件publicized-town.csv的" $n &&
	for v in $A $B; do
		(cd $v && tpa-publicize notice -q --level county --village . -o notice-county.html publicized-town.csv) &&
		section $n ${v##*/} >part && rows part >town.rows && rows $v/notice-county.html >own.rows &&
		[ -s own.rows ] && same town.rows own.rows &&
		grep "^<tr class=\"fp\">" part >town.fp && grep "^<tr class=\"fp\">" $v/notice-county.html >own.fp &&
		[ "$(wc -l <own.fp)" -eq 2 ] && grep -q "县级尚未接收本村名单" own.fp && same town.fp own.fp || exit 1
	done &&
	total=$(cat $A/publicized-town.csv $B/publicized-town.csv |
	    awk -F, "\$8 == \"confirmed\" { h++; p += \$5 } END { printf \"%d户，%d人\", h, p }") &&
	grep -q "全县合计：2个村，$total" $n'

expect "make notices in the town folder writes it, quietly; make clean removes it" '
	area && make -C $T -s TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" notices >out 2>&1 &&
	[ ! -s out ] && [ -f $T/$TN ] &&
	make -C $T -s TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" clean >/dev/null 2>&1 &&
	[ ! -e $T/$TN ] && [ -f $T/villages.csv ]'

expect "a folder that is no town's nor county's: exit 2, saying so; options of notice refused" '
	area && status 2 tpa-publicize area-notice $A 2>err &&
	grep -q "not a town" err &&
	status 2 tpa-publicize area-notice --level town $T 2>err2 && grep -q "no --level" err2'

# On paper: the title, the table's header and each village's fingerprint
# come out whole, and every page renders.
expect "printed by Chromium: the header whole, both villages with their fingerprints and the town total" '
	command -v chromium >/dev/null && command -v pdftotext >/dev/null && area &&
	tpa-publicize area-notice -q $T &&
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	    --disable-background-networking --disable-component-update --disable-sync \
	    --user-data-dir="$PWD/chrome" --no-pdf-header-footer --print-to-pdf="$PWD/t.pdf" \
	    "file://$PWD/$T/$TN" 2>/dev/null && [ -s t.pdf ] &&
	pdftotext t.pdf - | tr -d " \n" >t.txt &&
	grep -q "沂水县临涧镇2015年建档立卡贫困户公示（乡镇审核公示）" t.txt &&
	grep -q "双河村（371323105201）.*序号户编号户主姓名身份证号码家庭人口人均纯收入（元）" t.txt &&
	grep -q "桃园村（371323105202）.*序号户编号村民小组户主姓名身份证号码家庭人口人均纯收入（元）" t.txt &&
	grep -q "名单指纹：$(fp $A/publicized-village.csv | tr -d " ")。" t.txt &&
	grep -q "名单指纹：$(fp $B/publicized-village.csv | tr -d " ")。" t.txt &&
	grep -q "全镇合计：2个村，.*临涧镇人民政府（盖章）" t.txt &&
	pdftoppm -r 50 -png t.pdf page && [ -s "$(ls page-*.png | head -1)" ]'

expect "a village's list that cannot be read: exit 2 naming its file and line, no notice written" '
	area && printf "371323105202,005,x\n" >>$B/publicized-village.csv &&
	status 2 tpa-publicize area-notice $T 2>err &&
	grep -q "371323105202/publicized-village.csv:8:" err &&
	[ -z "$(ls $T/notice-town-*.html 2>/dev/null)" ]'

# A county ledger with A's receipt 1 (its rows written here by hand: the
# chain from 64 zeros): A's part prints the fingerprint of its last row,
# the SHA-256 of the row's bytes without the LF; B's says it was not
# received.
expect "the county-wide announcement prints each village's own county receipt, from the list the county received; a village the county has not received is not yet posted" '
	area && objections && closed 371323105201 2015-06-21 && closed 371323105202 2015-06-22 &&
	resolve $A && resolve $B &&
	mkdir -p $CO/received/371323105201/1 && cp $A/publicized-town.csv $CO/received/371323105201/1/ &&
	z=$(printf %064d 0) &&
	r1="1,371323105201,1,received/371323105201/1/publicized-town.csv,$(sha256sum $A/publicized-town.csv | cut -c1-64),$z" &&
	p1=$(printf "%s" "$r1" | sha256sum | cut -c1-64) &&
	r2="2,371323105201,1,received/371323105201/1/notice-town.html,$(sha256sum $A/publicized-village.csv | cut -c1-64),$p1" &&
	printf "seq,village_code,receipt,file,sha256,prev\n%s\n%s\n" "$r1" "$r2" >$CO/LEDGER.csv &&
	want=$(printf "%s" "$r2" | sha256sum | cut -c1-32 | sed "s/..../& /g; s/ $//") &&
	tpa-publicize area-notice -q $CO && n=$(ls $CO/notice-county-*.html) &&
	section $n 371323105201 >a.part && section $n 371323105202 >b.part &&
	grep -q "<div class=\"fp\">县级接收记录指纹：$want。" a.part && ! grep -q "尚未接收" a.part &&
	grep -qF "<p class=\"notyet\">尚未公示到本级（本级尚未接收其publicized-town.csv，审核接收后才能列入）。</p>" b.part &&
	! grep -q "<td>" b.part && ! grep -q "接收记录指纹：[0-9a-f]" b.part'
