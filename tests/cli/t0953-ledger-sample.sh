#!/bin/sh
# The sample county's three years through make: every level's audit
# clean; each village received by its town and by the county, its
# registry too; the 2016 and 2017 ledgers pinned to the year before's
# last row (recomputed here with sha256sum); the same bytes on a second
# run from scratch.
. "$(dirname "$0")/lib.sh"
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)

if [ "${TPA_VALGRIND:-0}" = 1 ]; then
	skip "the sample county through make (not under valgrind)"
	exit 0
fi
# run DIR: the sample county's three years in DIR, as samples/run.sh runs them.
run() {
	mkdir -p "$1" && cp -R "$SAMPLE/county/." "$1/" && cp "$SAMPLE/../rules/"*.yaml "$1/rules/" &&
	for y in 2015 2016 2017; do
		make -s --no-print-directory -C "$1/$y/county-371323" TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" >/dev/null 2>&1 || return 1
	done
}
# kept DIR: every ledger and received file of DIR with its SHA-256 and mode.
kept() {
	(cd "$1" && find . \( -name LEDGER.csv -o -path "*/received/*" \) -type f -printf "%m %p\n" | sort |
	    while read -r m p; do echo "$m $p $(sha256sum <"$p" | cut -c1-64)"; done)
}
run "$scratch/one" >/dev/null 2>&1
ONE=$scratch/one

expect "every audit of the three years is clean and every village is received at the town and at the county, its registry too" '
	! grep -h "^error," "$ONE"/*/town-*/audit.csv "$ONE"/*/county-*/audit.csv &&
	for y in 2015 2016 2017; do
		for v in 371323105201 371323105202 371323105203 371323106201; do
			t=town-$(printf %.9s $v) &&
			grep -q ",$v,1,received/$v/1/publicized-village.csv," "$ONE/$y/$t/LEDGER.csv" &&
			grep -q ",$v,1,received/$v/1/publicized-town.csv," "$ONE/$y/county-371323/LEDGER.csv" &&
			grep -q ",$v,2,received/$v/2/registry/households.csv," "$ONE/$y/county-371323/LEDGER.csv" &&
			cmp "$ONE/$y/$v/registry/households.csv" "$ONE/$y/county-371323/received/$v/2/registry/households.csv" || exit 1
		done
	done'

expect "the 2016 and 2017 ledgers begin with the hash of the last row of the year before; 2015 with 64 zeros" '
	for l in town-371323105 town-371323106 county-371323; do
		[ "$(sed -n 2p "$ONE/2015/$l/LEDGER.csv" | cut -d, -f6)" = 0000000000000000000000000000000000000000000000000000000000000000 ] &&
		for y in 2016 2017; do
			[ "$(sed -n 2p "$ONE/$y/$l/LEDGER.csv" | cut -d, -f6)" = \
			  "$(tail -1 "$ONE/$((y - 1))/$l/LEDGER.csv" | tr -d "\n" | sha256sum | cut -c1-64)" ] || exit 1
		done
	done'

expect "a second run from scratch gives the same ledgers and received files, byte for byte, files 0600" '
	run two && kept "$ONE" >a && kept two >b && same b a && [ -s a ] &&
	! grep "received/" a | grep -qv "^600 "'
