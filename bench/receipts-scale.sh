#!/bin/sh
# make bench-area: the town audits that take receipts, at province scale.
# One county of SCALE_VILLAGES villages (SCALE_PER_TOWN to a town) of
# SCALE_HOUSEHOLDS households each, from tpa-gen, laid out as an area
# (county-371323/county.yaml, town-T/town.yaml and villages.csv, each
# village's folder named by its code with a village.yaml holding only what
# the village owns); every village taken by its stages to
# publicized-village.csv, one village at a time; then:
#   1. every town's audit, one after the other, under ulimit -v 4000000:
#      each receives its villages (received/VILLAGE/1/, LEDGER.csv);
#   2. every town's audit again: nothing new to receive, every ledger
#      verified and every received file hashed again;
#   3. the size of received/ and of the ledgers in the working tree, and
#      in git's object store (git add of the area without the receipts,
#      then with them: identical copies share blobs).
# Prints a markdown table and saves it in $SCALE_WORK/results.md.
#
# SCALE_VILLAGES     villages (default 20000)
# SCALE_HOUSEHOLDS   households per village (default 250)
# SCALE_PER_TOWN     villages per town (default 50)
# SCALE_WORK         working folder (default: /dev/shm/tpa-bench-area
#                    when the tmpfs has room, else build/bench-area)
# SCALE_KEEP=1       keep the area afterwards
# SCALE_COUNTY=1     the town postings closed from the start (closing them
#                    later changes every village's villages.csv entry, so
#                    every stage would run again), and after the town
#                    audits every village taken to publicized-town.csv and the county audit (which
#                    receives them into county-371323/received/) twice
# SCALE_GC=1         also git gc, for the size of the pack (slow: about as
#                    long as the two audits together)
set -eu
: "${TPA_BIN:?set TPA_BIN}"
top=$(cd "$(dirname "$0")/.." && pwd)
n=${SCALE_VILLAGES:-20000}
hh=${SCALE_HOUSEHOLDS:-250}
per=${SCALE_PER_TOWN:-50}
PATH=$TPA_BIN:$PATH
LC_ALL=C.UTF-8
TZ=UTC
export PATH LC_ALL TZ
towns=$(( (n + per - 1) / per ))
[ "$towns" -le 900 ] && [ "$per" -ge 1 ] && [ "$per" -le 799 ] ||
	{ echo "bench-area: 1 to 799 villages to a town, at most 900 towns" >&2; exit 2; }

# About 2.8 KB of files per household once received (inputs, lists,
# copies), 0.5 KB more for git's loose objects: 17 GB for 5,000,000.
need_kb=$(( n * hh * 7 / 2 ))
if [ -n "${SCALE_WORK:-}" ]; then
	w=$SCALE_WORK
elif [ -d /dev/shm ] && [ "$(df -Pk /dev/shm | awk 'NR == 2 { print $4 }')" -gt "$need_kb" ]; then
	w=/dev/shm/tpa-bench-area
else
	w=$top/build/bench-area
fi
rm -rf "$w"
mkdir -p "$w"
Y=$w/area/2015
C=$Y/county-371323
log=$w/log
: >"$log"
say() { echo "bench-area: $*" >&2; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

say "generating $n villages of $hh households"
t0=$(now)
tpa-gen --villages "$n" --households "$hh" --seed 4 -o "$w/gen" >/dev/null
gen_s=$(since "$t0")

# The area. Town T (0-based) is 371323(100+T); its villages 201, 202, ...
say "laying out the area: $towns towns"
mkdir -p "$w/area/rules" "$C"
cp "$top"/rules/*.yaml "$w/area/rules/"
cat >"$C/county.yaml" <<'YAML'
county: {code: "371323", name: 沂水县, contact: 沂水县扶贫开发领导小组办公室 0539-2251369, hotline: "12317"}
year: 2015
rules: ../../rules/example-2015.yaml
publicity: {start: 2015-06-21, end: 2015-06-25}
YAML
objh=household_id,about,received,kind,summary,outcome,decided,decided_by
vh=village_code,name,population,households,key_village,quota,town_start,town_end,town_closed,previous_code,posted_village,posted_town
closed=""
[ "${SCALE_COUNTY:-0}" = 1 ] && closed=", closed: 2015-06-21"
t=0
while [ $t -lt "$towns" ]; do
	T=371323$((100 + t))
	mkdir -p "$Y/town-$T"
	printf 'town: {code: "%s", name: 第%d镇, contact: 第%d镇扶贫办 0539-2516018}\npublicity: {start: 2015-06-14, end: 2015-06-20%s}\naudit: {sample: {help: 3, not_helped: 2, exiting: 1}, seed: "2015-06-21 福彩3D 052"}\n' \
	    "$T" $((t + 1)) $((t + 1)) "$closed" >"$Y/town-$T/town.yaml"
	echo "$vh" >"$Y/town-$T/villages.csv"
	echo "village_code,$objh" >"$Y/town-$T/objections-town.csv"
	t=$((t + 1))
done
# tpa-gen's folders in the order it made them, renamed to the area's codes.
ls "$w/gen" | sort | awk -v per="$per" -v hh="$hh" '{
	t = int((NR - 1) / per); v = (NR - 1) % per
	printf "%s 371323%03d%03d %d %d %s\n", $1, 100 + t, 201 + v, hh * 4, hh, (NR - 1) % 5 != 4 ? "true" : "false" }' |
while read -r old code pop nh key; do
	T=${code%???}
	mv "$w/gen/$old" "$Y/$code"
	chmod 600 "$Y/$code/applications.csv" "$Y/$code/survey.csv"
	printf 'village:\n  code: "%s"\n  name: 村%s\n  contact: 村委会 0539-1234567\nyear: 2015\nappraisal:\n  date: 2015-06-03\n  representatives: 32\npublicity:\n  village: {start: 2015-06-05, end: 2015-06-11}\n' \
	    "$code" "$code" >"$Y/$code/village.yaml"
	echo "$objh" >"$Y/$code/objections-village.csv"
	echo "$code,村$code,$pop,$nh,$key,,,,,,," >>"$Y/town-$T/villages.csv"
done
rmdir "$w/gen"

# Every village to its posted list, one at a time.
say "the stages of every village, one at a time"
t0=$(now)
for d in "$Y"/3*; do
	(
		cd "$d" &&
		tpa-apply -q --village . -o applicants.csv applications.csv &&
		tpa-survey -q --village . -o primary.csv applicants.csv survey.csv &&
		{ tpa-appraise -q --village . -o appraised.csv primary.csv votes.csv; [ $? -le 1 ]; } &&
		tpa-publicize notice -q --level village --village . -o notice-village.html appraised.csv &&
		tpa-publicize resolve -q --level village --village . -o publicized-village.csv appraised.csv objections-village.csv
	) 2>>"$log" || say "$d: a stage failed (see $log)"
done
chain_s=$(since "$t0")
posted=$(ls "$Y"/3*/publicized-village.csv | wc -l)

# audits PASS: every town's audit in turn under ulimit -v 4000000; the
# total wall time, the largest peak resident memory, any exit above 1.
audits() {
	: >"$w/times-$1"
	t0=$(now)
	for d in "$Y"/town-*; do
		rc=0
		/usr/bin/time -f "%e %M" -o "$w/time" \
		    sh -c 'ulimit -v 4000000 && exec tpa-audit -q --level town -o "$1"' sh "$d" \
		    >/dev/null 2>>"$log" || rc=$?
		if [ $rc -gt 1 ]; then
			say "$d: the town audit exited $rc (see $log)"
			echo "$d $rc" >>"$w/failed"
		fi
		echo "$(cat "$w/time") $d" >>"$w/times-$1"
	done
	wall=$(since "$t0")
	echo "$wall $(awk '{ if ($1 > s) s = $1; if ($2 > m) m = $2 } END { printf "%.1f %.0f", s, m / 1024 }' "$w/times-$1")"
}
say "the town audits that take the receipts"
set -- $(audits 1)
a1_s=$1 a1_max=$2 a1_mb=$3
received=$(ls -d "$Y"/town-*/received/3*/1 2>/dev/null | wc -l)
rows=$(cat "$Y"/town-*/LEDGER.csv 2>/dev/null | grep -c '^[0-9]' || true)
say "the town audits again: every ledger verified, every received file hashed"
set -- $(audits 2)
a2_s=$1 a2_max=$2 a2_mb=$3
again=$(ls -d "$Y"/town-*/received/3*/2 2>/dev/null | wc -l)
errors=$(cat "$Y"/town-*/audit.csv | grep -c '^error,' || true)
broken=$(cat "$Y"/town-*/audit.csv | grep -c 'LEDGER_BROKEN' || true)

# The county's receipts: every village goes on to its town list, then
# the county audit, twice.
county=""
if [ "${SCALE_COUNTY:-0}" = 1 ]; then
	say "every village to publicized-town.csv"
	t0=$(now)
	for d in "$Y"/3*; do
		T=$(basename "$d")
		T=${T%???}
		(
			cd "$d" &&
			tpa-publicize notice -q --level town --village . -o notice-town.html publicized-village.csv &&
			tpa-publicize resolve -q --level town --village . -o publicized-town.csv publicized-village.csv "../town-$T/objections-town.csv"
		) 2>>"$log" || say "$d: a stage failed (see $log)"
	done
	town_s=$(since "$t0")
	ctime() {
		rc=0
		/usr/bin/time -f "%e %M" -o "$w/time" \
		    sh -c 'ulimit -v 4000000 && exec tpa-audit -q --level county -o "$1"' sh "$C" \
		    >/dev/null 2>>"$log" || rc=$?
		[ $rc -le 1 ] || { say "the county audit exited $rc (see $log)"; echo "$C $rc" >>"$w/failed"; }
		awk '{ printf "%.1f %.0f", $1, $2 / 1024 }' "$w/time"
	}
	say "the county audit that takes the receipts"
	set -- $(ctime)
	c1_s=$1 c1_mb=$2
	crec=$(ls -d "$C"/received/3*/1 2>/dev/null | wc -l)
	crows=$(grep -c '^[0-9]' "$C/LEDGER.csv" || true)
	say "the county audit again"
	set -- $(ctime)
	c2_s=$1 c2_mb=$2
	cerr=$(grep -c '^error,' "$C/audit.csv" || true)
	county="| stages to publicized-town.csv | $town_s s |
| county audit, first (receive): wall / peak RSS | $c1_s s / $c1_mb MB |
| villages received by the county / county ledger rows | $crec / $crows |
| county audit, second (verify): wall / peak RSS | $c2_s s / $c2_mb MB |
| county audit errors | $cerr |
| county received/ (du -sk) / LEDGER.csv (bytes) | $(du -sk "$C/received" | awk '{ printf "%.1f", $1 / 1024 }') MB / $(wc -c <"$C/LEDGER.csv") |"
fi

# Sizes: disk usage (blocks) and the bytes themselves.
kb() { du -sk "$@" | awk '{ s += $1 } END { print s }'; }
bytes() { du -sb "$@" | awk '{ s += $1 } END { print s }'; }
rec_kb=$(kb "$Y"/town-*/received)
rec_b=$(bytes "$Y"/town-*/received)
led_kb=$(kb "$Y"/town-*/LEDGER.csv)
led_b=$(bytes "$Y"/town-*/LEDGER.csv)
area_kb=$(kb "$w/area")
rec_files=$(find "$Y"/town-*/received -type f | wc -l)

say "git: the area without the receipts, then with them"
cd "$w/area"
git init -q .
git config user.name bench && git config user.email bench@localhost
git config core.autocrlf false && git config gc.auto 0
t0=$(now)
git add -A -- . ':(exclude)2015/*/received/*' ':(exclude)2015/*/LEDGER.csv'
git commit -q -m "the area"
g1_s=$(since "$t0")
obj1=$(git count-objects -v | awk '$1 == "count:" { c = $2 } $1 == "size:" { s = $2 } END { print c, s }')
t0=$(now)
git add -A .
git commit -q -m "the receipts"
g2_s=$(since "$t0")
obj2=$(git count-objects -v | awk '$1 == "count:" { c = $2 } $1 == "size:" { s = $2 } END { print c, s }')
git count-objects -vH >"$w/count-objects"
if [ "${SCALE_GC:-0}" = 1 ]; then
	say "git gc"
	t0=$(now)
	git gc -q
	gc_s=$(since "$t0")
	pack_kb=$(git count-objects -v | awk '$1 == "size-pack:" { print $2 }')
	git count-objects -vH >>"$w/count-objects"
fi
cd "$top"

mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
out=$w/results.md
{
	echo "# tpa: town audits with receipts, $n villages, $((n * hh)) households"
	echo
	echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1); $(uname -sr); work in $w"
	echo
	echo "$towns towns of $per villages, $hh households a village; every program one at a time."
	echo
	echo "| what | figure |"
	echo "|---|---|"
	echo "| tpa-gen | $gen_s s |"
	echo "| stages to publicized-village.csv ($posted of $n villages) | $chain_s s |"
	echo "| town audits, first (receive): all $towns | $a1_s s wall |"
	echo "| ... slowest town / largest peak RSS (ulimit -v 4000000) | $a1_max s / $a1_mb MB |"
	echo "| villages received / ledger rows | $received / $rows |"
	echo "| town audits, second (verify every ledger, re-hash): all $towns | $a2_s s wall |"
	echo "| ... slowest town / largest peak RSS | $a2_max s / $a2_mb MB |"
	echo "| receipts taken by the second pass / errors / LEDGER_BROKEN | $again / $errors / $broken |"
	echo "| received/ (du -sk; apparent bytes; files) | $(mb "$rec_kb") MB; $(mb $((rec_b / 1024))) MB; $rec_files |"
	echo "| LEDGER.csv, all towns (du -sk; apparent bytes) | $(mb "$led_kb") MB; $(mb $((led_b / 1024))) MB |"
	echo "| the whole area in the working tree (du -sk) | $(mb "$area_kb") MB |"
	echo "| git objects without the receipts (loose: count, size) | ${obj1% *}, $(mb "${obj1#* }") MB ($g1_s s) |"
	echo "| git objects with the receipts (loose: count, size) | ${obj2% *}, $(mb "${obj2#* }") MB ($g2_s s) |"
	[ "${SCALE_GC:-0}" = 1 ] && echo "| git pack after git gc | $(mb "$pack_kb") MB ($gc_s s) |"
	[ -n "$county" ] && echo "$county"
	[ -f "$w/failed" ] && echo "| audits that failed (exit > 1) | $(wc -l <"$w/failed") |"
	true
} >"$out"
cat "$out"
[ "${SCALE_KEEP:-0}" = 1 ] || rm -rf "$w/area"
