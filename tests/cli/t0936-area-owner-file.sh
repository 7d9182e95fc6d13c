#!/bin/sh
# OWNER_FILE_IN_VILLAGE: in an area an objections-town.csv or
# objections-county.csv in a village folder is never read; the town's and
# county's audits report it, and re-derive the village's town list from the
# town's own file (its rows for the village) and the area's period.
. "$(dirname "$0")/lib.sh"
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

# relist DIR: make takes the village's lists again up to
# publicized-village.csv (closing its posting edited its row of
# villages.csv, which every stage records).
relist() {
	make -s -C "$1" TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 publicized-village.csv >/dev/null 2>&1
}

# audit_town: the town audit, as town.mk runs it, in the town folder.
audit_town() {
	(cd $T && tpa-audit -q --level town -o . ../371323105201 ../371323105202) >/dev/null 2>&1
	[ -f $T/audit.csv ]
}

expect "a stray objections-town.csv in a village folder is OWNER_FILE_IN_VILLAGE (error) in the town audit, naming both files, in the village's language, with its Chinese label" '
	area && objections && closed 371323105201 2015-06-21 && closed 371323105202 2015-06-21 &&
	resolve $A && resolve $B &&
	{ echo "household_id,about,received,kind,summary,outcome,decided,decided_by";
	  echo "H032,,2015-06-16,wrongly_included,rival,upheld,2015-06-19,county office"; } >$A/objections-town.csv &&
	audit_town &&
	grep "^error,OWNER_FILE_IN_VILLAGE,371323105201,," $T/audit.csv >f && [ "$(wc -l <f)" = 1 ] &&
	grep -q "村文件夹中的objections-town.csv不予读取：本级异议由上级在.*town-371323105/objections-town.csv中登记" f &&
	! grep -q "OWNER_FILE_IN_VILLAGE,371323105202" $T/audit.csv'

expect "the stray file changes nothing in the audit either: the town list is re-derived from the town file, so an honest list has no DECISION_MISMATCH; a list edited to follow the stray file has one" '
	area && objections && closed 371323105201 2015-06-21 && closed 371323105202 2015-06-21 &&
	resolve $A && resolve $B &&
	{ echo "household_id,about,received,kind,summary,outcome,decided,decided_by";
	  echo "H032,,2015-06-16,wrongly_included,rival,upheld,2015-06-19,county office"; } >$A/objections-town.csv &&
	audit_town && ! grep -q "DECISION_MISMATCH" $T/audit.csv &&
	grep -q "objections-town.csv#371323105201@" $T/PROVENANCE.csv &&
	(cd $A && tpa-publicize resolve -q --level town --village village.yaml -o /dev/stdout publicized-village.csv ../town-371323105/objections-town.csv) >/dev/null &&
	sed -i "s/^\(371323105201,H032,.*\),confirmed,,/\1,removed,OBJECTION,/" $A/publicized-town.csv &&
	[ "$(decision $A/publicized-town.csv H032)" = removed ] &&
	audit_town && grep -q "^error,DECISION_MISMATCH,371323105201,H032," $T/audit.csv'

expect "an objections-county.csv in a village folder is OWNER_FILE_IN_VILLAGE too; outside an area the village folder's objections files are the levels' own, no finding" '
	area && objections && closed 371323105201 2015-06-21 && resolve $A &&
	cp $A/objections-village.csv $A/objections-county.csv && audit_town &&
	grep -q "^error,OWNER_FILE_IN_VILLAGE,371323105201,,.*objections-county.csv" $T/audit.csv &&
	rm -rf $T $CO && mkdir out &&
	{ tpa-audit -q --level town -o out $A >/dev/null 2>&1 || true; } && [ -f out/audit.csv ] && ! grep -q OWNER_FILE_IN_VILLAGE out/audit.csv'

expect "the town audit verifies a village's entry of the town file by its rows: no PROVENANCE_MISMATCH while A's rows are as read, whatever B's rows do; one naming the entry once A's rows change" '
	area && objections && closed 371323105201 2015-06-21 && relist $A && resolve $A &&
	audit_town && ! grep -q "PROVENANCE_MISMATCH" $T/audit.csv &&
	sed -i "s/^371323105202,001,\(.*\),dismissed,/371323105202,001,\1,upheld,/" $T/objections-town.csv &&
	audit_town && ! grep -q "PROVENANCE_MISMATCH" $T/audit.csv &&
	sed -i "s/has a car/owns a car/" $T/objections-town.csv &&
	audit_town && grep -q "^error,PROVENANCE_MISMATCH,371323105201,,.*objections-town.csv#371323105201" $T/audit.csv'
