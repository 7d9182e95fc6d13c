#!/bin/sh
# The audit reads each notice a village posted and compares its rows and
# totals with the notice its list gives (SPEC §8 "What the audit covers":
# Notices): NOTICE_MISMATCH names each household whose row differs; the
# markup is not compared.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-area-sample.sh"

# audit: the town's audit of A, written apart (out/audit.csv).
audit() {
	mkdir -p out && { tpa-audit -q --level town -o out $A >/dev/null 2>&1 || true; } &&
	[ -f out/audit.csv ]
}
# mismatches: the households of the NOTICE_MISMATCH findings, one a line
# (an empty line for a finding about the whole notice).
mismatches() {
	awk -F, '$2 == "NOTICE_MISMATCH" { print $4 }' out/audit.csv
}
N=$A/notice-village.html

# The sample village's notice lists H001, H031, H032, H033 and H037 (the
# households proposed in appraised.csv): 16 people.
expect "a notice made from its list: no NOTICE_MISMATCH" '
	area && grep -c "<td>H0[0-9][0-9]</td>" $N | grep -qx 5 &&
	audit && ! grep -q NOTICE_MISMATCH out/audit.csv'

expect "the notice made again from the same list, or its markup changed: still none" '
	area && (cd $A && tpa-publicize notice -q --level village --village . -o notice-village.html appraised.csv) &&
	sed -i "s/<td class=\"n\">/<TD  class=\"n\" >/g; s/<\/tr>/<\/tr>\n\n/g; s/<td>H031<\/td>/<td><b>H031<\/b><\/td>/" $N &&
	audit && ! grep -q NOTICE_MISMATCH out/audit.csv'

expect "a household row deleted from the notice: NOTICE_MISMATCH naming it" '
	area && sed -i "/<td>H031<\/td>/d" $N && audit &&
	mismatches >got && echo H031 >want && same got want &&
	grep "NOTICE_MISMATCH,371323105201,H031," out/audit.csv | grep -q "公示：-；名单给出：H031 | 褚建华 | 371323\*\*\*\*\*\*\*\*603X | 4 | 2000.00"'

expect "the totals edited on the notice: NOTICE_MISMATCH for the notice, no household" '
	area && sed -i "s/合计：5户，16人/合计：4户，12人/" $N && audit &&
	mismatches >got && echo >want && same got want &&
	grep -q "公示：合计：4户，12人；名单给出：合计：5户，16人" out/audit.csv'

expect "an income edited on the notice: NOTICE_MISMATCH naming that household only" '
	area && grep -q "<td>H037</td>.*<td class=\"n\">1800.00</td>" $N &&
	sed -i "/<td>H037<\/td>/s/1800.00/1900.00/" $N && audit &&
	mismatches >got && echo H037 >want && same got want &&
	grep -q "公示：H037 | 韩长林 | 371323\*\*\*\*\*\*\*\*639X | 6 | 1900.00；名单给出：H037 | 韩长林 | 371323\*\*\*\*\*\*\*\*639X | 6 | 1800.00" out/audit.csv'

expect "a head name or members edited on the notice: NOTICE_MISMATCH naming the household" '
	area && sed -i "s/<td>张建国<\/td>/<td>张建民<\/td>/; /<td>H033<\/td>/s/<td class=\"n\">1<\/td><td class=\"n\">/<td class=\"n\">2<\/td><td class=\"n\">/" $N &&
	audit && mismatches | sort >got && printf "H001\nH033\n" >want && same got want'

expect "a household added to the notice: NOTICE_MISMATCH naming it" '
	area && sed -i "s|^\(<tr><td class=\"n\">1</td>\)<td>H001</td>\(.*\)$|&\n<tr><td class=\"n\">1</td><td>H099</td>\2|" $N &&
	grep -c "<td>H099</td>" $N | grep -qx 1 && audit &&
	mismatches | grep . | sort -u >got && echo H099 >want && same got want'

# A decision changed in the list after its notice was made: the household
# proposed no more is on the notice, not on what the list gives now.
expect "a decision edited in the list: NOTICE_MISMATCH naming that household" '
	area && grep -q "^371323105201,H032,.*,proposed," $A/appraised.csv &&
	sed -i "/^371323105201,H032,/s/,proposed,/,voted_down,/" $A/appraised.csv && audit &&
	grep -q "NOTICE_MISMATCH,371323105201,H032,.*公示：H032 | .*；名单给出：-" out/audit.csv'

expect "a notice that cannot be read as a notice: NOTICE_MISMATCH, the audit goes on" '
	area && : >$N && audit && grep -q "NOTICE_MISMATCH,371323105201,H001," out/audit.csv &&
	grep -q "STAGE_NOT_REACHED,371323105201,,publicized-town.csv" out/audit.csv'

expect "a mangled notice (cut in a tag, stray cells, no closing tags, NUL bytes): findings, no crash" '
	area && head -c 2500 $N >cut.html && printf "<td>x</td><tr><td>H001<td><tr><td></td><td" >>cut.html &&
	cp cut.html $N && audit && grep -q "NOTICE_MISMATCH,371323105201,H001," out/audit.csv &&
	{ printf "<tr><td>1</td><td>H0\000\00101</td>"; head -c 3000 /dev/urandom | tr -d "<"; printf "<tr><td>"; } >$N &&
	audit && grep -q "NOTICE_MISMATCH,371323105201,H001," out/audit.csv &&
	sed "s/<\/t[dr]>//g" "$scratch/tpl/$A/notice-village.html" >$N && audit &&
	! grep -q NOTICE_MISMATCH out/audit.csv'
