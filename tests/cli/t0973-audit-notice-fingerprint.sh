#!/bin/sh
# The fingerprint a notice prints is checked against its list's, and the
# one the town read off the posted paper (villages.csv's posted_village,
# posted_town) against the list of that notice (SPEC §8): a difference is
# NOTICE_MISMATCH. Fingerprints are worked out here with sha256sum.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "a longer script of the area's checks; t0950, t0951, t0961 and t0972 run the same code under memcheck"
. "$(dirname "$0")/lib-area-sample.sh"

audit() {
	rm -rf out && mkdir -p out && { tpa-audit -q --level town -o out $A >/dev/null 2>&1 || true; } &&
	[ -f out/audit.csv ]
}
# fp FILE: the first 32 hex digits of FILE's SHA-256 in groups of four.
fp() {
	sha256sum "$1" | cut -c1-32 | sed "s/..../& /g; s/ $//"
}
# posted COLUMN VALUE: villages.csv's posted_village (11) or posted_town
# (12) of A.
posted() {
	awk -F, -v OFS=, -v c="$1" -v v="$2" '$1 == "371323105201" { $c = v } { print }' \
	    $T/villages.csv >v.csv && cat v.csv >$T/villages.csv
}
N=$A/notice-village.html

expect "the village notice prints the fingerprint of appraised.csv" '
	area && grep -q "名单指纹：$(fp $A/appraised.csv)。这是名单文件appraised.csv的" $N &&
	audit && ! grep -q NOTICE_MISMATCH out/audit.csv'

expect "a fingerprint edited on the notice: NOTICE_MISMATCH quoting both" '
	area && f=$(fp $A/appraised.csv) && g=$(echo "$f" | sed "s/^..../0000/") &&
	sed -i "s/名单指纹：$f/名单指纹：$g/" $N && grep -q "$g" $N && audit &&
	grep -q "^error,NOTICE_MISMATCH,371323105201,,notice-village.html印的名单指纹是$g，不是appraised.csv的指纹$f$" out/audit.csv &&
	[ "$(grep -c NOTICE_MISMATCH out/audit.csv)" -eq 1 ]'

expect "a fingerprint taken off the notice: NOTICE_MISMATCH" '
	area && sed -i "/名单指纹/d" $N && audit &&
	grep -q "NOTICE_MISMATCH,371323105201,,notice-village.html印的名单指纹是-，" out/audit.csv'

expect "posted_village as typed off the paper (spaces, hyphens, capitals): no NOTICE_MISMATCH" '
	area && f=$(fp $A/appraised.csv | tr "a-f " "A-F-") && posted 11 "$f" && audit &&
	! grep -q NOTICE_MISMATCH out/audit.csv'

expect "posted_village that is not the fingerprint of the list: NOTICE_MISMATCH naming the column" '
	area && f=$(fp $A/appraised.csv) && posted 11 "0123 4567 89ab cdef 0123 4567 89ab cdef" && audit &&
	grep -q "NOTICE_MISMATCH,371323105201,,villages.csv的posted_village记下的张贴指纹0123 4567 89ab cdef 0123 4567 89ab cdef与notice-village.html所据名单appraised.csv的指纹$f不符" out/audit.csv &&
	[ "$(grep -c NOTICE_MISMATCH out/audit.csv)" -eq 1 ]'

# The town notice of A shows publicized-village.csv.
expect "the town notice: its fingerprint is publicized-village.csv's; posted_town checked against it" '
	area && (cd $A && tpa-publicize notice -q --level town --village . -o notice-town.html publicized-village.csv) &&
	f=$(fp $A/publicized-village.csv) && grep -q "名单指纹：$f。这是名单文件publicized-village.csv的" $A/notice-town.html &&
	posted 12 "$(fp $A/publicized-village.csv)" && audit && ! grep -q NOTICE_MISMATCH out/audit.csv &&
	posted 12 "$(fp $A/appraised.csv)" && audit &&
	grep -q "NOTICE_MISMATCH,371323105201,,villages.csv的posted_town记下的张贴指纹$(fp $A/appraised.csv)与notice-town.html所据名单publicized-village.csv的指纹$f不符" out/audit.csv'

expect "a town notice row deleted: NOTICE_MISMATCH naming the household" '
	area && (cd $A && tpa-publicize notice -q --level town --village . -o notice-town.html publicized-village.csv) &&
	h=$(grep -o "<td>H0[0-9]*</td>" $A/notice-town.html | head -1 | sed "s/<[^>]*>//g") && [ -n "$h" ] &&
	sed -i "/<td>$h<\/td>/d" $A/notice-town.html && audit &&
	awk -F, "\$2 == \"NOTICE_MISMATCH\" { print \$4 }" out/audit.csv >got && echo "$h" >want && same got want &&
	grep -q "notice-town.html中的一行与publicized-village.csv给出的不同" out/audit.csv'
