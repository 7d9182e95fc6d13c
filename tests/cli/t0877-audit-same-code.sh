#!/bin/sh
# tpa-audit refuses two folders of one village (the same village_code in
# their village.yaml), as tpa-file stats refuses one village's registry
# twice: a copy of a village folder under another name would report every
# person as a duplicate of itself and add the village's quota twice. Exit
# 2 naming both folders and the code, nothing written.
. "$(dirname "$0")/lib.sh"
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)/village.mk
RULES=$(cd "$(dirname "$0")/../../rules" && pwd)
V=t/371323100000
W=t/371323100001

town() {
	tpa-gen --villages 2 --households 25 --seed 7 -o t >/dev/null &&
	mkdir -p t/rules && cp "$RULES"/*.yaml t/rules/ &&
	for v in t/3*; do
		for l in village town county; do
			printf "household_id,about,received,kind,summary,outcome,decided,decided_by\n" >$v/objections-$l.csv
		done
		echo "include $MK" >$v/Makefile
		make -s -C $v TPA_BIN="$TPA_BIN" TPA_AUDIT=0 >/dev/null 2>&1 || return 1
	done
}

expect "V and W audit without a DUPLICATE_PERSON (the villages below are these)" '
	town && mkdir out && tpa-audit -q --level county -o out $V $W &&
	! grep -q DUPLICATE_PERSON out/audit.csv'

expect "V and a copy of V under another name: exit 2 naming both folders and the code, nothing written" '
	town && mkdir out && cp -R $V t/copy &&
	status 2 tpa-audit -q --level county -o out $V $W t/copy 2>err &&
	grep -qxF "tpa-audit: $V and t/copy are both village 371323100000: it would be audited twice, each person a duplicate of itself" err &&
	[ ! -e out/audit.csv ] && [ ! -e out/sample.csv ]'

expect "a copy of W under its own name in another folder, named first: exit 2 naming both" '
	town && mkdir out other && cp -R t/rules $W other/ &&
	status 2 tpa-audit -q --level county -o out other/371323100001 $V $W 2>err &&
	grep -qxF "tpa-audit: other/371323100001 and $W are both village 371323100001: it would be audited twice, each person a duplicate of itself" err &&
	[ ! -e out/audit.csv ]'
