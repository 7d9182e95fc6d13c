#!/bin/sh
# The county notice of a village in an area also prints the fingerprint of
# the last ledger row of the village's latest county receipt (SPEC §8 "The
# ledger"); before the county received the village it says so, and prints
# nothing that looks like a fingerprint.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "a longer script of the area's checks; t0950, t0951, t0961 and t0972 run the same code under memcheck"
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)
V=$SAMPLE_FLAT/county/2015/371323105201

# sample_area: the sample village after its village posting in an area
# (county 371323, town 371323105), in 2015/371323105201.
sample_area() {
	mkdir -p 2015/county-371323 2015/town-371323105 rules && cp -R "$V" 2015/ &&
	cp "$SAMPLE/../rules/"*.yaml "$SAMPLE_FLAT/county/rules/"*.yaml rules/ &&
	cp "$SAMPLE_FLAT/county/columns.yaml" . &&
	cat >2015/county-371323/county.yaml <<'YAML' &&
county: {code: "371323", name: 沂水县, contact: 县扶贫办 王科长 0539-3000001, hotline: "12399"}
year: 2015
rules: ../../rules/yishui-2015.yaml
columns: ../../columns.yaml
publicity: {start: 2015-06-22, end: 2015-06-26}
YAML
	printf "town: {code: \"371323105\", name: 临涧镇, contact: 镇扶贫办 赵主任 0539-2000002}\n" \
	    >2015/town-371323105/town.yaml &&
	printf "village_code,name,population,households,key_village,quota,town_start,town_end,town_closed,previous_code,posted_village,posted_town\n371323105201,双河村,2937,812,yes,20,2015-06-15,2015-06-21,,,,\n" \
	    >2015/town-371323105/villages.csv &&
	cd 2015/371323105201 &&
	sed -i "/^  population:/d; /^  key_village:/d; /^contacts:/,/^  hotline:/d; /^rules:/d; /^columns:/d; /^quota:/d; /^  town: *{/d; /^  county: *{/d" village.yaml &&
	cp "$DATA/sample/appraised.expected" appraised.csv &&
	tpa-publicize resolve -q --level village --village . -o publicized-village.csv appraised.csv objections-village.csv &&
	cp publicized-village.csv publicized-town.csv
}
# hexfp: a run of eight groups of four hex digits.
hexfp='[0-9a-f]\{4\}\( [0-9a-f]\{4\}\)\{7\}'

expect "no county ledger yet: the county notice says the county has not received the village" '
	sample_area && [ ! -e ../county-371323/LEDGER.csv ] &&
	tpa-publicize notice -q --level county --village . --format text -o c.txt publicized-town.csv &&
	grep -qx "县级尚未接收本村名单，没有接收记录指纹。" c.txt &&
	[ "$(grep -c "$hexfp" c.txt)" -eq 1 ] && grep -q "^名单指纹：" c.txt &&
	tpa-publicize notice -q --level county --village . -o c.html publicized-town.csv &&
	grep -q "<tr class=\"fp\"><td colspan=\"6\"><div class=\"fp\">县级尚未接收本村名单，没有接收记录指纹。</div>" c.html'

expect "the town notice in an area prints no receipt line" '
	sample_area && tpa-publicize notice -q --level town --village . --format text -o t.txt publicized-village.csv &&
	! grep -q "接收" t.txt'

expect "an English county notice says the same in English" '
	sample_area && echo "language: en" >>village.yaml &&
	tpa-publicize notice -q --level county --village . --format text -o c.txt publicized-town.csv &&
	grep -qx "The county has not received this village.s list yet: there is no receipt fingerprint." c.txt'

# A county ledger with the village's receipt 1 (its rows written here by
# hand: the chain from 64 zeros): the notice prints the fingerprint of its
# last row, the SHA-256 of the row's bytes without the LF.
ledger() {
	z=0000000000000000000000000000000000000000000000000000000000000000 &&
	r1="1,371323105201,1,received/371323105201/1/publicized-town.csv,$(sha256sum publicized-town.csv | cut -c1-64),$z" &&
	p1=$(printf "%s" "$r1" | sha256sum | cut -c1-64) &&
	r2="2,371323105201,1,received/371323105201/1/notice-town.html,$(sha256sum appraised.csv | cut -c1-64),$p1" &&
	printf "seq,village_code,receipt,file,sha256,prev\n%s\n%s\n" "$r1" "$r2" >../county-371323/LEDGER.csv &&
	printf "%s" "$r2" | sha256sum | cut -c1-32 | sed "s/..../& /g; s/ $//"
}

# Until LEDGER.csv has a reader (lib/io/ledger.c reads no file yet), the
# case cannot run.
if grep -q "infile_open\|csvin\|fopen" "$(dirname "$0")/../../lib/io/ledger.c"; then
expect "a county receipt in the ledger: the notice prints the fingerprint of its last row" '
	sample_area && want=$(ledger) && [ ${#want} -eq 39 ] &&
	tpa-publicize notice -q --level county --village . --format text -o c.txt publicized-town.csv &&
	grep -qx "县级接收记录指纹：$want。这是县级台账LEDGER.csv中本村最近一次接收的最后一行的SHA-256值的前32位。" c.txt &&
	! grep -q "县级尚未接收本村名单" c.txt'
expect "a broken county ledger: no county notice (exit 2), the ledger named with its line" '
	sample_area && ledger >/dev/null && sed -i "3s/,[0-9a-f]*\$/,$(printf %064d 1)/" ../county-371323/LEDGER.csv &&
	status 2 tpa-publicize notice -q --level county --village . --format text -o c.txt publicized-town.csv 2>err &&
	grep -q "LEDGER.csv:3" err && [ ! -e c.txt ]'
else
	skip "a county receipt in the ledger: LEDGER.csv has no reader yet"
	skip "a broken county ledger: LEDGER.csv has no reader yet"
fi

MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)
expect "the make flow makes notice-county.html only after the county audit (which takes the receipt)" '
	sample_area && echo "include \$(TPA_MK_DIR)/village.mk" >Makefile &&
	make -n notice-county.html TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" >plan 2>&1 &&
	a=$(grep -n "county-371323/audit.csv" plan | head -1 | cut -d: -f1) &&
	n=$(grep -n "tpa-publicize.* notice .*--level county" plan | head -1 | cut -d: -f1) &&
	[ -n "$a" ] && [ -n "$n" ] && [ "$a" -lt "$n" ]'
