#!/bin/sh
# Receipts when the procedure posts in the village and at the county,
# without the town's posting (publicity: {village: 7, county: 5}), in an
# area (SPEC §8 "Receipts"): once the town received a village, the county
# receives publicized-village.csv and the town's objection rows, and its
# notice prints the fingerprint of that receipt's last row; the registry
# after the county closed its announcement. The ledgers' chains verify.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "an area run through make"
. "$(dirname "$0")/lib-levels.sh"
PUBLICITY="{village: 7, county: 5}"
. "$(dirname "$0")/lib-levels-area.sh"

# pin_seq DIR CODE N: the seq of the last row of receipt N of CODE.
pin_seq() {
	awk -F, -v v="$2" -v n="$3" 'NR > 1 && $2 == v && $3 == n { k = $1 } END { print k }' "$1/LEDGER.csv"
}

expect "the county first receives publicized-village.csv, the town objection rows of the village and the pin of the town ledger last row; nothing of a town posting is made" '
	made &&
	for v in $Y/3713*; do
		c=${v##*/} && t=$Y/town-$(printf %.9s $c) && k=$(rows $t) &&
		[ "$(receipts $t $c)" = 1 ] && [ "$(receipt $t $c 1 | sed -n 8p)" = publicized-village.csv ] &&
		printf "publicized-village.csv\nobjections-town.csv\n../town-%s/LEDGER.csv#%s\n" ${t##*-} $k >want &&
		receipt $CO $c 1 >got && same got want &&
		cmp $v/publicized-village.csv $CO/received/$c/1/publicized-village.csv &&
		town_objections $t $c >objections && same $CO/received/$c/1/objections-town.csv objections &&
		grep -q "^[0-9]*,$c,1,../town-${t##*-}/LEDGER.csv#$k,$(row_hash $t $k)," $CO/LEDGER.csv &&
		[ ! -e $v/publicized-town.csv ] && [ ! -e $v/notice-town.html ] || exit 1
	done
'

expect "each county notice prints the fingerprint of the last row of the county first receipt of its village" '
	made &&
	for v in $Y/3713*; do
		c=${v##*/} && k=$(pin_seq $CO $c 1) && [ -n "$k" ] &&
		fp=$(row_hash $CO $k | cut -c1-32 | sed "s/\(....\)/\1 /g; s/ \$//") &&
		grep -qF "$fp" $v/notice-county.html || exit 1
	done
'

expect "after tpa-file the county receives the registry: receipt 2 holds its three files and the pin; every ledger verifies by hand and in tpa status" '
	made &&
	for v in $Y/3713*; do
		c=${v##*/} && t=$Y/town-$(printf %.9s $c) &&
		[ "$(receipts $CO $c)" = 2 ] &&
		printf "registry/households.csv\nregistry/members.csv\nregistry/history.csv\n../town-%s/LEDGER.csv#%s\n" ${t##*-} $(rows $t) >want &&
		receipt $CO $c 2 >got && same got want &&
		for f in households members history; do cmp $v/registry/$f.csv $CO/received/$c/2/registry/$f.csv || exit 1; done || exit 1
	done &&
	chain $CO && chain $T && chain $Y/town-371323106 &&
	status 0 tpa status $CO >st && ! grep -q LEDGER_BROKEN st &&
	! grep -q "^error," $CO/audit.csv $Y/town-*/audit.csv
'

expect "the registry waits for the county to close its announcement: without publicity.closed the county holds the lists alone; once closed, make receives the registries" '
	mkdir -p x && cd x && area_county c "$PUBLICITY" &&
	sed -i "s/, closed: 2015-06-26}/}/" $CO/county.yaml && ! grep -q closed: $CO/county.yaml &&
	vmake $CO >out 2>err &&
	for v in $Y/3713*; do
		c=${v##*/} && [ "$(receipts $CO $c)" = 1 ] && [ ! -e $v/registry ] || exit 1
	done &&
	sed -i "s/end: 2015-06-25}/end: 2015-06-25, closed: 2015-06-26}/" $CO/county.yaml && grep -q closed: $CO/county.yaml &&
	vmake $CO >out 2>err &&
	for v in $Y/3713*; do
		c=${v##*/} && [ "$(receipts $CO $c)" = 2 ] && [ "$(receipt $CO $c 2 | head -n 1)" = registry/households.csv ] &&
		cmp $v/registry/households.csv $CO/received/$c/2/registry/households.csv || exit 1
	done &&
	chain $CO && ! grep -q "^error," $CO/audit.csv
'
