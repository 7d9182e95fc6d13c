#!/bin/sh
# make in a town's or a county's folder: in an area (the folder holds
# town.yaml or county.yaml) its audit is run with -o . and no village
# folders, so that it covers every listed village; outside an area it is
# given the villages that finished the level below, as before.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-audit-area.sh"
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)

# makefiles: the one-line Makefiles of the area's town and county folders;
# village 371323105201 has finished its publicity (a publicized-village.csv
# and publicized-town.csv stand for it).
makefiles() {
	for d in town-371323105 town-371323106; do
		echo "include \$(TPA_MK_DIR)/town.mk" >2015/$d/Makefile || return 1
	done &&
	echo "include \$(TPA_MK_DIR)/county.mk" >2015/county-371323/Makefile &&
	cp 2015/371323105201/appraised.csv 2015/371323105201/publicized-village.csv &&
	cp 2015/371323105201/appraised.csv 2015/371323105201/publicized-town.csv
}
# audit DIR: the audit target of make in 2015/DIR.
audit() {
	make -s --no-print-directory -C 2015/$1 audit TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN"
}

expect "town folder in an area: the audit covers both listed villages, not only the one that finished" '
	area && makefiles && audit town-371323105 &&
	tail -n +2 2015/town-371323105/audit.csv | cut -d, -f3 | grep . | sort -u >got &&
	printf "371323105201\n371323105202\n" >want && same got want'

expect "county folder in an area: the listed villages of every town, and a listed one with no folder is VILLAGE_MISSING" '
	area && makefiles && rm -rf 2015/371323106201 && audit county-371323 &&
	tail -n +2 2015/county-371323/audit.csv | cut -d, -f3 | grep . | sort -u >got &&
	printf "371323105201\n371323105202\n371323106201\n" >want && same got want &&
	grep -q "^error,VILLAGE_MISSING,371323106201," 2015/county-371323/audit.csv'

expect "a change of villages.csv runs the audit again" '
	area && makefiles && audit town-371323105 && ! grep -q VILLAGE_MISSING 2015/town-371323105/audit.csv &&
	sleep 1 && echo "371323105203,新村,800,200,no,5,,,,,," >>2015/town-371323105/villages.csv &&
	audit town-371323105 && grep -q "^error,VILLAGE_MISSING,371323105203," 2015/town-371323105/audit.csv'

expect "outside an area (no town.yaml) the town audit covers only the villages that finished, as before" '
	area && makefiles && rm 2015/town-371323105/town.yaml 2015/town-371323105/villages.csv &&
	rm -rf 2015/town-371323106 2015/county-371323 && audit town-371323105 &&
	tail -n +2 2015/town-371323105/audit.csv | cut -d, -f3 | grep . | sort -u >got &&
	echo 371323105201 >want && same got want'

expect "in the make flow as by hand: a village of 105 made with a private rules file is RULES_DIFFER" '
	area_files && made 371323105201 &&
	sed "s/poverty_line: 2855/poverty_line: 9000/" 2015/county-371323/rules.yaml >mine.yaml &&
	mkdir -p work/371323105202 && cp mine.yaml work/371323105202/mine.yaml && made 371323105202 mine.yaml &&
	made 371323106201 && makefiles && audit town-371323105 &&
	grep "^error,RULES_DIFFER," 2015/town-371323105/audit.csv | cut -d, -f3 >got &&
	echo 371323105202 >want && same got want &&
	(cd 2015/town-371323105 && status 1 tpa-audit -q --level town -o . && cp audit.csv ../by-hand.csv) &&
	grep "^error,RULES_DIFFER," 2015/by-hand.csv | cut -d, -f3 >got2 && same got2 want'
