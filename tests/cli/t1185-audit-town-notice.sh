#!/bin/sh
# The town's audit checks the town-wide notice in its folder
# (notice-town-START-END.html, tpa-publicize area-notice) as it checks a
# village's own notice: each village's part against the list the town
# received of it, its rows, totals and printed fingerprint; a village of
# the period missing from it, a notice of a period no village has and the
# town's totals line are NOTICE_MISMATCH. The notice is edited here as a
# cadre would edit it; what each finding must say is worked out from the
# lists with awk and sha256sum.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "an area run through make; t0972 and t0973 run the same comparison under memcheck"
. "$(dirname "$0")/lib-area-sample.sh"

TN=notice-town-20150614-20150620.html
# made: the town received both villages, then made its notice.
made() {
	area && tpa-audit -q --level town -o $T &&
	[ -d $T/received/371323105201/1 ] && [ -d $T/received/371323105202/1 ] &&
	tpa-publicize area-notice -q $T && [ -f $T/$TN ]
}
# fp FILE: the first 32 hex digits of FILE's SHA-256 in groups of four.
fp() {
	sha256sum "$1" | cut -c1-32 | sed "s/..../& /g; s/ $//"
}
# row LIST HOUSEHOLD: the household's row as the notice shows it, from the
# list: household, group (when the list has groups), head, the ID number
# masked (6 digits, 8 stars, 4), members, income per head.
row() {
	awk -F, -v h="$2" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	    { if ($c["group"] != "") g = 1 }
	    $c["household_id"] == h { r = $0 }
	    END { split(r, f, ","); id = f[c["head_id_number"]]
		printf "%s | %s%s | %s | %s | %s", h, g ? f[c["group"]] " | " : "",
		    f[c["head_name"]], substr(id, 1, 6) "********" substr(id, 15, 4),
		    f[c["members"]], f[c["per_capita_income"]] }' "$1"
}
# mismatches: the audit's NOTICE_MISMATCH lines of the town-wide notices.
mismatches() {
	grep "^error,NOTICE_MISMATCH,.*notice-town-" $T/audit.csv
}
# total A B: the town's totals line the two lists give (confirmed).
total() {
	tail -q -n +2 "$@" | awk -F, '$8 == "confirmed" { h++; p += $5 }
	    END { printf "全镇合计：2个村，%d户，%d人", h, p }'
}

expect "the honest notice made by make notices: no finding; the audit records that it read it (its SHA-256 in PROVENANCE.csv), and runs again when it changes" '
	area && tpa-audit -q --level town -o $T &&
	make -C $T -s TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" notices >out 2>&1 && [ ! -s out ] &&
	status 0 tpa-audit -q --level town -o $T && ! mismatches &&
	! grep -q "^error," $T/audit.csv &&
	grep "^audit.csv," $T/PROVENANCE.csv | grep -q "$TN@$(sha256sum $T/$TN | cut -c1-64)" &&
	grep -q "$TN" $T/.tpa-deps.mk'

expect "villages posted in two periods: two notices, each honest, no finding" '
	period() { sed -i "s/^\($1,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,\)[^,]*,[^,]*,/\1$2,$3,/" $T/villages.csv; } &&
	area && period 371323105202 2015-06-15 2015-06-20 &&
	for v in $A $B; do make -s -C $v TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 publicized-village.csv >/dev/null 2>&1; done &&
	tpa-publicize area-notice -q $T && [ "$(ls $T/notice-town-*.html | wc -l)" -eq 2 ] &&
	status 0 tpa-audit -q --level town -o $T && ! mismatches'

expect "a household row deleted: NOTICE_MISMATCH naming the village and the household, the row the list gives" '
	made && sed -i "/<td>H031<\/td>/d" $T/$TN &&
	status 1 tpa-audit -q --level town -o $T && mismatches >found && [ "$(wc -l <found)" -eq 1 ] &&
	grep -qxF "error,NOTICE_MISMATCH,371323105201,H031,$TN中的一行与publicized-village.csv给出的不同（公示：-；名单给出：$(row $A/publicized-village.csv H031)）" found'

expect "an income changed: NOTICE_MISMATCH naming the household, the row posted and the row the list gives" '
	made && given=$(row $B/publicized-village.csv 003) &&
	old=$(echo "$given" | sed "s/.* | //") && [ "$old" != 3500.00 ] &&
	sed -i "/<td>003<\/td>/s/>$old</>3500.00</" $T/$TN &&
	status 1 tpa-audit -q --level town -o $T && mismatches >found && [ "$(wc -l <found)" -eq 1 ] &&
	grep -qxF "error,NOTICE_MISMATCH,371323105202,003,$TN中的一行与publicized-village.csv给出的不同（公示：${given% | *} | 3500.00；名单给出：$given）" found'

expect "a row added: NOTICE_MISMATCH naming a household the list does not have" '
	made && sed -i "0,/<td>H001<\/td>/{/<td>H001<\/td>/{p;s/H001/H099/}}" $T/$TN &&
	grep -q "<td>H099</td>" $T/$TN && ! grep -q ",H099," $A/publicized-village.csv &&
	status 1 tpa-audit -q --level town -o $T && mismatches >found &&
	grep -q "^error,NOTICE_MISMATCH,371323105201,H099,.*（公示：H099 | .*；名单给出：-）" found'

expect "a fingerprint changed in a village part: NOTICE_MISMATCH naming the village, the fingerprint printed and its list own (sha256sum)" '
	made && f=$(fp $B/publicized-village.csv) && bad=$(echo "$f" | sed "s/^./f/; s/^ff/fe/") && [ "$bad" != "$f" ] &&
	sed -i "s/名单指纹：$f/名单指纹：$bad/" $T/$TN &&
	status 1 tpa-audit -q --level town -o $T && mismatches >found && [ "$(wc -l <found)" -eq 1 ] &&
	grep -q "^error,NOTICE_MISMATCH,371323105202,,${TN}印的名单指纹是$bad，不是publicized-village.csv的指纹$f$" found'

expect "a village totals line changed: NOTICE_MISMATCH naming the village, the line posted and the one its list gives (counted here)" '
	made && given=$(awk -F, "NR > 1 && \$8 == \"confirmed\" { h++; p += \$5 } END { printf \"合计：%d户，%d人\", h, p }" $A/publicized-village.csv) &&
	grep -q ">$given<" $T/$TN && sed -i "0,/>$given</s//>合计：4户，99人</" $T/$TN &&
	status 1 tpa-audit -q --level town -o $T && mismatches >found && [ "$(wc -l <found)" -eq 1 ] &&
	grep -qx "error,NOTICE_MISMATCH,371323105201,,${TN}中的一行与publicized-village.csv给出的不同（公示：合计：4户，99人；名单给出：$given）" found'

expect "a village part dropped: NOTICE_MISMATCH naming the village that is posted in the period" '
	made && awk "/<h2>桃园村/ { skip = 1 } /<div class=\"end\">/ { skip = 0 } !skip" $T/$TN >cut.html &&
	! grep -q 371323105202 cut.html && cp cut.html $T/$TN &&
	status 1 tpa-audit -q --level town -o $T && mismatches >found && [ "$(wc -l <found)" -eq 1 ] &&
	grep -q "^error,NOTICE_MISMATCH,371323105202,,${TN}中没有村371323105202的部分，但该村在这一期公示，已有publicized-village.csv$" found'

expect "the town totals line changed: NOTICE_MISMATCH naming both lines (the right one counted here from the lists)" '
	made && given=$(total $A/publicized-village.csv $B/publicized-village.csv) && grep -q "$given" $T/$TN &&
	sed -i "s/$given/全镇合计：2个村，99户，25人/" $T/$TN &&
	status 1 tpa-audit -q --level town -o $T && mismatches >found && [ "$(wc -l <found)" -eq 1 ] &&
	grep -qx "error,NOTICE_MISMATCH,,,${TN}的合计行是“全镇合计：2个村，99户，25人”，各村名单给出的是“$given”" found'

expect "a notice of a period no village has: the warning NOTICE_PERIOD_UNUSED for it (a record of a posting), no village blamed" '
	made && cp $T/$TN $T/notice-town-20150701-20150707.html &&
	status 0 tpa-audit -q --level town -o $T && ! mismatches &&
	grep "notice-town-20150701-20150707" $T/audit.csv >found && [ "$(wc -l <found)" -eq 1 ] &&
	grep -qx "warning,NOTICE_PERIOD_UNUSED,,,notice-town-20150701-20150707.html的公示期为2015-07-01至2015-07-07，但没有一个村在这一期公示" found'

# B moved to a period of its own after the town-wide notice was made: the
# old notice, put back under its name, lists B in A's period.
expect "a village of another period listed in a period that is some village own: NOTICE_MISMATCH naming the village and both periods" '
	period() { sed -i "s/^\($1,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,\)[^,]*,[^,]*,/\1$2,$3,/" $T/villages.csv; } &&
	area && tpa-publicize area-notice -q $T && cp $T/$TN old.html &&
	period 371323105202 2015-06-15 2015-06-20 &&
	for v in $A $B; do make -s -C $v TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 publicized-village.csv >/dev/null 2>&1; done &&
	tpa-publicize area-notice -q $T && [ "$(ls $T/notice-town-*.html | wc -l)" -eq 2 ] &&
	cp old.html $T/$TN && tpa-audit -q --level town -o $T; mismatches >found && [ "$(wc -l <found)" -eq 1 ] &&
	grep -qx "error,NOTICE_MISMATCH,371323105202,,${TN}列出了本村的户，但本村的公示期是2015-06-15至2015-06-20，不是2015-06-14至2015-06-20" found'

expect "a part headed with a code no town lists: NOTICE_MISMATCH naming the heading" '
	made && sed -i "s/桃园村（371323105202）/桃园村（371323105299）/g" $T/$TN &&
	status 1 tpa-audit -q --level town -o $T && mismatches >found &&
	grep -qx "error,NOTICE_MISMATCH,,,${TN}中标题为“桃园村（371323105299）”的部分列出了4户，但它不是这一期公示的村" found &&
	grep -q "^error,NOTICE_MISMATCH,371323105202,,${TN}中没有村371323105202的部分" found'

# After the town received A, A's list is changed and the notice made
# again from it: the notice is checked against what the town received.
expect "a list changed after the town received it: the notice made again shows the list received, says so, and the audit names the change" '
	made && given=$(row $A/publicized-village.csv H001) &&
	sed -i "s/^\(371323105201,H001,[^,]*,[^,]*,[^,]*,\)2100.00,/\11900.00,/" $A/publicized-village.csv &&
	grep -q "^371323105201,H001,.*,1900.00," $A/publicized-village.csv &&
	tpa-publicize area-notice -q $T 2>err &&
	grep -q "371323105201/publicized-village.csv differs from the list the town received (.*received/371323105201/1/publicized-village.csv): the notice shows the list received" err &&
	grep -q "<td>H001</td>.*<td class=\"n\">2100.00</td>" $T/$TN && ! grep -q "1900.00" $T/$TN &&
	status 1 tpa-audit -q --level town -o $T && ! mismatches &&
	grep -q "^error,CHANGED_AFTER_RECEIPT,371323105201,H001," $T/audit.csv'

expect "a village in English: its part checked and said in English" '
	area && for v in $A $B; do echo "language: en" >>$v/village.yaml; done &&
	tpa-publicize area-notice -q $T && grep -q "<h2>.* (371323105201)</h2>" $T/$TN &&
	tpa-audit -q --level town -o $T; ! mismatches &&
	given=$(row $A/publicized-village.csv H037) && old=$(echo "$given" | sed "s/.* | //") &&
	sed -i "/<td>H037<\/td>/s/>$old</>999.00</" $T/$TN &&
	tpa-audit -q --level town -o $T; mismatches >found && [ "$(wc -l <found)" -eq 1 ] &&
	grep -qxF "error,NOTICE_MISMATCH,371323105201,H037,a row of $TN differs from what publicized-village.csv gives (posted: ${given% | *} | 999.00; the list gives: $given)" found'

expect "villages in two languages: the notice in the first village language, honest, no finding; a row of the other village deleted, said in the notice language" '
	area && echo "language: en" >>$A/village.yaml &&
	tpa-publicize area-notice -q $T && grep -q "<p class=\"total\">Town total: 2 villages," $T/$TN &&
	grep -q "<h2>.* (371323105202)</h2>" $T/$TN &&
	tpa-audit -q --level town -o $T; ! mismatches &&
	sed -i "/<td>004<\/td>/d" $T/$TN && tpa-audit -q --level town -o $T; mismatches >found &&
	[ "$(wc -l <found)" -eq 1 ] && grep -qxF "error,NOTICE_MISMATCH,371323105202,004,a row of $TN differs from what publicized-village.csv gives (posted: -; the list gives: $(row $B/publicized-village.csv 004))" found'

expect "an audit given village folders does not check the town-wide notice, which lists every village" '
	made && sed -i "/<td>H031<\/td>/d" $T/$TN &&
	tpa-audit -q --level town -o $T $B; ! mismatches &&
	status 1 tpa-audit -q --level town -o $T && mismatches | grep -q ",371323105201,H031,"'

expect "make in the town folder audits again after make notices, and again after the notice is edited" '
	area && make -C $T -s TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" audit >/dev/null 2>&1 &&
	! grep -q "$TN" $T/PROVENANCE.csv &&
	make -C $T -s TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" notices &&
	make -C $T -s TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" audit >/dev/null 2>&1 &&
	grep "^audit.csv," $T/PROVENANCE.csv | grep -q "$TN@" && ! mismatches &&
	sed -i "/<td>H031<\/td>/d" $T/$TN &&
	{ make -C $T -s TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" audit >/dev/null 2>&1; true; } &&
	mismatches | grep -q "^error,NOTICE_MISMATCH,371323105201,H031,"'

expect "a village not received when the notice was made (its list not there yet): no finding while the town has not received it; once received, one finding asking for make notices again, not one per household; made again, none" '
	area && mv $B/publicized-village.csv b.keep &&
	tpa-audit -q --level town -o $T; [ -d $T/received/371323105201/1 ] && [ ! -d $T/received/371323105202 ] &&
	tpa-publicize area-notice -q $T && section_rows=$(grep -c "<td>00[0-9]</td>" $T/$TN); [ "$section_rows" -eq 0 ] &&
	mv b.keep $B/publicized-village.csv &&
	tpa-audit -q --level town -o $T; ! mismatches && [ -d $T/received/371323105202/1 ] &&
	tpa-audit -q --level town -o $T; mismatches >found &&
	[ "$(wc -l <found)" -eq 1 ] &&
	grep -q "^error,NOTICE_MISMATCH,371323105202,,$TN列本村为尚未接收，但本级已接收其publicized-village.csv：请重新运行 make notices" found &&
	tpa-publicize area-notice -q $T && tpa-audit -q --level town -o $T; ! mismatches'
