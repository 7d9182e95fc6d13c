#!/bin/sh
# A county's folders under a path with a space (and Chinese): offices keep
# them under names like "扶贫 2015" or "My Documents". The make rules keep
# such paths out of make's words (relative paths, codes from village.yaml),
# so 2015 of the sample county runs there as anywhere else. Where make
# cannot (the folder of the programs, or of the make rules, holding a
# space), it stops at once.
. "$(dirname "$0")/../cli/lib.sh"
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)

# county DIR: the sample county's 2015 in DIR, its rules beside it.
county() {
	mkdir -p "$1" && cp -R "$SAMPLE/county/." "$1/" && sample_rules "$1" &&
	rm -rf "$1/2016" "$1/2017"
}
# run DIR: make in DIR's county folder of 2015.
run() {
	make -s --no-print-directory -C "$1/2015/county-371323" TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN"
}

if [ "${TPA_VALGRIND:-0}" = 1 ]; then
	skip "the sample county through make (not under valgrind)"
	exit 0
fi

expect "2015 under \"扶贫 2015/My Documents\": every village reaches its registry, the same bytes as under a plain path" '
	county plain && run plain >plain.log 2>&1 &&
	D="$PWD/扶贫 2015/My Documents" && county "$D" && run "$D" >space.log 2>&1 &&
	for v in "$D"/2015/3713*/; do
		s=$(tpa status --brief "$v") && echo "$s" &&
		case $s in *"every step done") ;; *) exit 1 ;; esac || exit 1
	done &&
	! grep -q "^error," "$D"/2015/town-371323105/audit.csv "$D"/2015/county-371323/audit.csv &&
	for f in 371323105201/registry/households.csv 371323105202/publicized-county.csv \
	    371323106201/registry/members.csv town-371323105/audit.csv county-371323/stats.csv; do
		same "$D/2015/$f" "plain/2015/$f" || exit 1
	done &&
	! grep -q "make in \.\./town-[^3]\|make in \.\./county-[^3]\|\*\*\*" space.log
'

expect "a village run alone from its folder under a path with a space waits for its town audit, naming ../town-371323105" '
	D="$PWD/a b/扶贫 2015" && county "$D" &&
	(cd "$D/2015/371323105203" && make -s TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN") >log 2>&1 &&
	grep -q "waiting for the town audit: run make in ../town-371323105 " log &&
	[ -f "$D/2015/371323105203/publicized-village.csv" ]
'

expect "TPA_BIN holding a space: make stops at once, in one line naming it, nothing made" '
	county c && mkdir "bin dir" &&
	{ make -s -C c/2015/371323105201 TPA_MK_DIR="$MK" TPA_BIN="$PWD/bin dir" >log 2>&1; rc=$?; } ;
	[ "$rc" -eq 2 ] && [ "$(wc -l <log)" -eq 1 ] && grep -q "TPA_BIN \".*bin dir\" holds a space" log &&
	[ ! -e c/2015/371323105201/applicants.csv ] &&
	{ make -s -C c/2015/county-371323 TPA_MK_DIR="$MK" TPA_BIN="$PWD/bin dir" >log 2>&1; rc=$?; } ;
	[ "$rc" -eq 2 ] && [ "$(wc -l <log)" -eq 1 ] && grep -q "holds a space" log &&
	[ ! -e c/2015/371323105201/applicants.csv ]
'

expect "TPA_MK_DIR holding a space: make stops at once (exit 2), nothing made" '
	county c && mkdir "mk dir" && cp "$MK"/*.mk "mk dir/" &&
	{ make -s -C c/2015/371323105201 TPA_MK_DIR="$PWD/mk dir" TPA_BIN="$TPA_BIN" >log 2>&1; rc=$?; } ;
	cat log && [ "$rc" -eq 2 ] && [ ! -e c/2015/371323105201/applicants.csv ]
'
