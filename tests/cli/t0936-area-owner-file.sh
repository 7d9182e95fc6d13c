#!/bin/sh
# OWNER_FILE_IN_VILLAGE: in an area an objections-town.csv or
# objections-county.csv in a village folder is never read; the town's and
# county's audits report it, and re-derive the village's town list from the
# town's own file (its rows for the village) and the area's period.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-area-sample.sh"

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
