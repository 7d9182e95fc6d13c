#!/bin/sh
# Receipts when the procedure posts only in the village (publicity:
# {village: 7}), in an area (SPEC §8 "Receipts"): the town receives each
# village's files; the county, once the town received the village,
# receives publicized-village.csv and the town's objection rows; after
# tpa-file the registry. The ledgers' chains verify.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "an area run through make"
. "$(dirname "$0")/lib-levels.sh"
PUBLICITY="{village: 7}"
. "$(dirname "$0")/lib-levels-area.sh"

expect "the town receives each village once: its ten files in the order of SPEC §8, byte for byte (PROVENANCE.csv as it was then), 0600" '
	made &&
	printf "%s\n" village.yaml applications.csv survey.csv votes.csv objections-village.csv primary.csv \
	    appraised.csv publicized-village.csv notice-village.html PROVENANCE.csv >want &&
	for v in $Y/3713*; do
		c=${v##*/} && t=$Y/town-$(printf %.9s $c) &&
		[ "$(receipts $t $c)" = 1 ] && receipt $t $c 1 >got && same got want &&
		while read -r f; do
			[ "$(stat -c %a $t/received/$c/1/$f)" = 600 ] &&
			{ [ $f = PROVENANCE.csv ] || cmp $v/$f $t/received/$c/1/$f; } || exit 1
		done <want &&
		grep -q "^publicized-village.csv,$(sha <$v/publicized-village.csv)," $t/received/$c/1/PROVENANCE.csv || exit 1
	done
'

expect "the county first receives publicized-village.csv, the town objection rows of the village and the pin of the town ledger last row; no town list or notice" '
	made &&
	for v in $Y/3713*; do
		c=${v##*/} && t=$Y/town-$(printf %.9s $c) && k=$(rows $t) &&
		printf "publicized-village.csv\nobjections-town.csv\n../town-%s/LEDGER.csv#%s\n" ${t##*-} $k >want &&
		receipt $CO $c 1 >got && same got want &&
		cmp $v/publicized-village.csv $CO/received/$c/1/publicized-village.csv &&
		town_objections $t $c >objections && same $CO/received/$c/1/objections-town.csv objections &&
		grep -q "^[0-9]*,$c,1,../town-${t##*-}/LEDGER.csv#$k,$(row_hash $t $k)," $CO/LEDGER.csv || exit 1
	done &&
	[ "$(town_objections $T 371323105202 | wc -l)" = 2 ] && [ "$(town_objections $T 371323105201 | wc -l)" = 1 ]
'

expect "after tpa-file the county receives the registry: receipt 2 of each village holds its three files and the pin" '
	made &&
	for v in $Y/3713*; do
		c=${v##*/} && t=$Y/town-$(printf %.9s $c) &&
		[ "$(receipts $CO $c)" = 2 ] &&
		printf "registry/households.csv\nregistry/members.csv\nregistry/history.csv\n../town-%s/LEDGER.csv#%s\n" ${t##*-} $(rows $t) >want &&
		receipt $CO $c 2 >got && same got want &&
		for f in households members history; do cmp $v/registry/$f.csv $CO/received/$c/2/registry/$f.csv || exit 1; done || exit 1
	done
'

expect "every ledger of the area verifies by hand from 64 zeros, and tpa status of the county verifies it too (exit 0)" '
	made && chain $CO && chain $T && chain $Y/town-371323106 &&
	status 0 tpa status $CO >st &&
	grep -qx "  371323105201 (双河村): receipt 2: registry/households.csv registry/members.csv registry/history.csv ../town-371323105/LEDGER.csv#$(rows $T)" st &&
	! grep -q "LEDGER_BROKEN" st &&
	! grep -q "^error," $CO/audit.csv $T/audit.csv
'

expect "with no county announcement the registry receipt does not wait for the county closing it: county.yaml without publicity.closed" '
	mkdir -p x && cd x && area_county c "$PUBLICITY" &&
	sed -i "s/, closed: 2015-06-26}/}/" $CO/county.yaml && ! grep -q closed: $CO/county.yaml &&
	vmake $CO >out 2>err &&
	[ "$(receipts $CO 371323105201)" = 2 ] && [ "$(receipt $CO 371323105201 2 | head -n 1)" = registry/households.csv ] &&
	chain $CO && ! grep -q "^error," $CO/audit.csv
'
