#!/bin/sh
# The county's audit checks the county-wide announcement in its folder
# (notice-county-START-END.html) as it checks a village's county notice:
# each village's part against the publicized-town.csv the county
# received, its printed fingerprint, and the receipt fingerprint it prints
# against the county's LEDGER.csv (worked out here from the ledger's
# rows with sha256sum).
. "$(dirname "$0")/lib.sh"
not_under_valgrind "an area run through make; t0971 and t0973 run the same comparison under memcheck"
. "$(dirname "$0")/lib-area-sample.sh"

CN=notice-county-20150621-20150625.html
# received: both villages received by the town, their town postings
# closed and resolved, received by the county; then the county's
# announcement made.
received() {
	area && objections && closed 371323105201 2015-06-21 && closed 371323105202 2015-06-22 &&
	for v in $A $B; do
		make -s -C $v TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 publicized-village.csv >/dev/null 2>&1 || return 1
	done &&
	tpa-audit -q --level town -o $T && resolve $A && resolve $B &&
	tpa-audit -q --level county -o $CO &&
	[ -d $CO/received/371323105201/1 ] && [ -d $CO/received/371323105202/1 ] &&
	tpa-publicize area-notice -q $CO && [ -f $CO/$CN ]
}
fp() {
	sha256sum "$1" | cut -c1-32 | sed "s/..../& /g; s/ $//"
}
# receipt CODE: the fingerprint of the last row of the village's receipt
# in the county's LEDGER.csv: the SHA-256 of the row without its LF.
receipt() {
	grep ",$1," $CO/LEDGER.csv | tail -1 | tr -d "\n" | sha256sum | cut -c1-32 | sed "s/..../& /g; s/ $//"
}
mismatches() {
	grep "^error,NOTICE_MISMATCH,.*notice-county-" $CO/audit.csv
}

expect "the honest announcement: no finding; it prints each village's receipt fingerprint from the ledger" '
	received && grep -q "县级接收记录指纹：$(receipt 371323105201)。" $CO/$CN &&
	grep -q "县级接收记录指纹：$(receipt 371323105202)。" $CO/$CN &&
	status 0 tpa-audit -q --level county -o $CO && ! mismatches && ! grep -q "^error," $CO/audit.csv &&
	grep "^audit.csv," $CO/PROVENANCE.csv | grep -q "$CN@$(sha256sum $CO/$CN | cut -c1-64)"'

expect "a receipt fingerprint changed: NOTICE_MISMATCH naming the village, the one printed and the ledger own" '
	received && r=$(receipt 371323105202) && bad=$(echo "$r" | sed "s/^./0/; s/^00/01/") && [ "$bad" != "$r" ] &&
	sed -i "s/县级接收记录指纹：$r/县级接收记录指纹：$bad/" $CO/$CN &&
	status 1 tpa-audit -q --level county -o $CO && mismatches >found && [ "$(wc -l <found)" -eq 1 ] &&
	grep -qx "error,NOTICE_MISMATCH,371323105202,,${CN}印的县级接收记录指纹是$bad，县级台账LEDGER.csv给出的是$r" found'

expect "a list fingerprint changed: NOTICE_MISMATCH naming publicized-town.csv and its fingerprint" '
	received && f=$(fp $A/publicized-town.csv) && bad=$(echo "$f" | sed "s/^./0/; s/^00/01/") &&
	sed -i "s/名单指纹：$f/名单指纹：$bad/" $CO/$CN &&
	status 1 tpa-audit -q --level county -o $CO && mismatches >found && [ "$(wc -l <found)" -eq 1 ] &&
	grep -qx "error,NOTICE_MISMATCH,371323105201,,${CN}印的名单指纹是$bad，不是publicized-town.csv的指纹$f" found'

expect "a household the town removed put back in the announcement: NOTICE_MISMATCH naming it" '
	received && [ "$(awk -F, "\$2 == \"H031\" { print \$8 }" $A/publicized-town.csv)" != confirmed ] &&
	! grep -q "<td>H031</td>" $CO/$CN &&
	sed -i "0,/<td>H001<\/td>/{/<td>H001<\/td>/{p;s/<td>H001<\/td><td>[^<]*</<td>H031<\/td><td>褚建华</}}" $CO/$CN &&
	grep -q "<td>H031</td>" $CO/$CN &&
	status 1 tpa-audit -q --level county -o $CO && mismatches >found &&
	grep -q "^error,NOTICE_MISMATCH,371323105201,H031,${CN}中的一行与publicized-town.csv给出的不同（公示：H031 | 褚建华 | .*；名单给出：-）$" found'

expect "the county totals line changed: NOTICE_MISMATCH naming both lines (counted here from the lists)" '
	received &&
	given=$(tail -q -n +2 $A/publicized-town.csv $B/publicized-town.csv |
	    awk -F, "\$8 == \"confirmed\" { h++; p += \$5 } END { printf \"全县合计：2个村，%d户，%d人\", h, p }") &&
	grep -q "<p class=\"total\">$given</p>" $CO/$CN &&
	sed -i "s/<p class=\"total\">$given</<p class=\"total\">全县合计：2个村，1户，1人</" $CO/$CN &&
	status 1 tpa-audit -q --level county -o $CO && mismatches >found && [ "$(wc -l <found)" -eq 1 ] &&
	grep -qx "error,NOTICE_MISMATCH,,,${CN}的合计行是“全县合计：2个村，1户，1人”，各村名单给出的是“$given”" found'
