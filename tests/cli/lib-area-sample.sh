# The sample county's villages 371323105201 (A) and 371323105202 (B) as an
# area, for the tests of the owners' objections files (after lib.sh).
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)

# area: the sample county's villages 371323105201 (A) and 371323105202 (B)
# in c/2015, with a county.yaml and a town.yaml made by tpa-init and filled
# in, a villages.csv listing them, each village run to
# publicized-village.csv without the audits. Made once, copied per case.
tpl=$scratch/tpl
(
	set -e
	mkdir -p "$tpl/c" && cd "$tpl" &&
	cp -R "$SAMPLE_FLAT/county/." c/ && sample_rules c &&
	rm -rf c/2016 c/2017 c/2015/county-371323 c/2015/town-* c/2015/371323105203 c/2015/371323106201 &&
	rm c/2015/3*/objections-town.csv c/2015/3*/objections-county.csv &&
	sed -i '/^  population:/d; /^  key_village:/d; /^contacts:/,/^  hotline:/d; /^rules:/d; /^columns:/d; /^quota:/d; /^  town: *{/d; /^  county: *{/d' \
	    c/2015/3*/village.yaml &&
	tpa-init -q --county 371323 --year 2015 --rules c/rules/yishui-2015.yaml c/2015/county-371323 &&
	tpa-init -q --town 371323105 --year 2015 c/2015/town-371323105 &&
	sed -i 's/^  name: ""   /  name: 沂水县/; s/^  contact: ""/  contact: "县扶贫办 0539-2251369"/; s/^  # hotline:/  hotline:/; s/^# columns:/columns:/; s/^# publicity:/publicity:/; s/^#   start:/  start:/; s/^#   end:/  end:/' \
	    c/2015/county-371323/county.yaml &&
	sed -i 's/^  name: ""   /  name: 临涧镇/; s/^  contact: ""/  contact: "镇扶贫办 0539-2516018"/; s/^# publicity:/publicity:/; s/^#   start:/  start:/; s/^#   end:/  end:/' \
	    c/2015/town-371323105/town.yaml &&
	printf '371323105201,双河村,2937,900,true,20,,,,,,\n371323105202,桃园村,1500,400,false,10,,,,,,\n' \
	    >>c/2015/town-371323105/villages.csv &&
	for v in 201 202; do
		make -s -C c/2015/371323105$v TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 \
		    publicized-village.csv >/dev/null 2>&1
	done &&
	[ -f c/2015/371323105201/publicized-village.csv ] && [ -f c/2015/371323105202/publicized-village.csv ]
) >"$scratch/tpl.log" 2>&1 || { echo "FAIL $test_name: the area could not be made" >&2; cat "$scratch/tpl.log" >&2; }

area() {
	cp -Rp "$tpl/c" c
}
Y=c/2015
A=$Y/371323105201
B=$Y/371323105202
T=$Y/town-371323105
CO=$Y/county-371323
HEAD=village_code,household_id,about,received,kind,summary,outcome,decided,decided_by

# objections: the town's file, one upheld wrongly_included for A's H031, a
# dismissed one for B's 001, an upheld one for B's 002.
objections() {
	{
		echo "$HEAD"
		echo "371323105201,H031,,2015-06-16,wrongly_included,has a car,upheld,2015-06-19,town office"
		echo "371323105202,001,,2015-06-16,wrongly_included,x,dismissed,2015-06-19,town office"
		echo "371323105202,002,,2015-06-17,wrongly_included,y,upheld,2015-06-19,town office"
	} >$T/objections-town.csv
}
# closed CODE DATE: villages.csv's town_closed of village CODE.
closed() {
	sed -i "s/^\($1,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,\)[^,]*,/\1$2,/" $T/villages.csv
}
# resolve DIR [LEVEL]: the resolve the make flow runs, in DIR.
resolve() {
	(cd "$1" && tpa-publicize resolve -q --level "${2:-town}" --village village.yaml \
	    -o "publicized-${2:-town}.csv" "publicized-$(prev "${2:-town}").csv" \
	    "../$(owner "${2:-town}")/objections-${2:-town}.csv")
}
prev() { [ "$1" = town ] && echo village || echo town; }
owner() { [ "$1" = town ] && echo town-371323105 || echo county-371323; }
# decision FILE HOUSEHOLD
decision() {
	awk -F, -v h="$2" '$2 == h { print $8 }' "$1"
}

# chain LEDGER: every row's prev is the SHA-256 of the row before (64
# zeros for the first), recomputed here; prints nothing when it holds.
chain() {
	prev=$(printf "%064d" 0)
	tail -n +2 "$1" | while IFS= read -r line; do
		[ "${line##*,}" = "$prev" ] || { echo "broken at: $line"; return 1; }
		prev=$(printf '%s' "$line" | sha256sum | cut -c1-64)
	done
}
