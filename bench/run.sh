#!/bin/sh
# make bench: tpa's stages on synthetic villages from one village to a
# county (and a province with BENCH_PROVINCE=1), against the physical limit
# (cat, a bare libcsv parse) and against Miller and csvkit doing the
# equivalent work. Prints a markdown table and saves it with the machine's
# description in build/bench/results.md.
#
# BENCH_HOUSEHOLDS   households of the big village (default 1000000)
# BENCH_VILLAGES     villages of the county (default 300)
# BENCH_PROVINCE=1   also 5,000,000 households in 20,000 villages
set -eu
: "${TPA_BIN:?set TPA_BIN}"
top=$(cd "$(dirname "$0")/.." && pwd)
work=$top/build/bench
big_n=${BENCH_HOUSEHOLDS:-1000000}
villages=${BENCH_VILLAGES:-300}
PATH=$TPA_BIN:$PATH
export PATH LC_ALL=C.UTF-8

sh "$top/build-aux/deps.sh" miller csvkit time
rm -rf "$work"
mkdir -p "$work"
out=$work/results.md
rows=$work/rows.md
: >"$rows"

# measure NAME ROWS BYTES CMD...: wall seconds and peak memory of CMD.
# Appends a table row; sets $secs for ratios.
measure() {
	name=$1 nrows=$2 bytes=$3
	shift 3
	/usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || {
		rc=$?; [ $rc -eq 1 ] || { cat "$work/err" >&2; echo "bench: $name failed" >&2; exit 1; }; }
	read -r secs kb <"$work/time"
	awk -v n="$name" -v r="$nrows" -v b="$bytes" -v s="$secs" -v kb="$kb" 'BEGIN {
		if (s < 0.005) s = 0.005
		printf "| %s | %.2f | %.0f | %.1f | %.0f |\n", n, s, r / s, b / s / 1048576, kb / 1024 }' >>"$rows"
}
size() { wc -c <"$1" | tr -d " "; }
# A county folder: every village through its own Makefile, the villages
# side by side under make -j (each village alone: TPA_AUDIT=0).
county_makefile() {
	for d in "$1"/3*; do
		echo "include $top/build-aux/village.mk" >"$d/Makefile"
		for l in village town county; do
			printf 'household_id,about,received,kind,summary,outcome,decided,decided_by\n' >"$d/objections-$l.csv"
		done
	done
	cat >"$1/Makefile" <<'MK'
VILLAGES := $(wildcard 3*)
.PHONY: all $(VILLAGES)
all: $(VILLAGES)
$(VILLAGES):
	@$(MAKE) -s -C $@ TPA_AUDIT=0 >/dev/null 2>&1
MK
}
lines() { echo $(($(wc -l <"$1") - 1)); }

echo "bench: generating a village of $big_n households" >&2
tpa-gen --households "$big_n" --seed 1 -o "$work/big" >/dev/null
v=$(ls -d "$work"/big/3*)
mkdir -p "$work/big/rules" && cp "$top"/rules/*.yaml "$work/big/rules/"
app=$v/applications.csv
cd "$v"
printf 'household_id,about,received,kind,summary,outcome,decided,decided_by\n' >objections-village.csv

echo "bench: the stages on $big_n households" >&2
measure "cat > /dev/null (applications.csv)" "$(lines "$app")" "$(size "$app")" sh -c "cat '$app' >/dev/null"
measure "bare libcsv parse (applications.csv)" "$(lines "$app")" "$(size "$app")" tpa-bare "$app"
measure "tpa-apply" "$(lines "$app")" "$(size "$app")" tpa-apply -q --village . -o applicants.csv applications.csv
t_apply=$secs
in_survey=$(( $(size applicants.csv) + $(size survey.csv) ))
measure "bare libcsv parse (applicants.csv + survey.csv)" "$(lines survey.csv)" "$in_survey" sh -c "tpa-bare applicants.csv && tpa-bare survey.csv"
measure "tpa-survey" "$(lines survey.csv)" "$in_survey" tpa-survey -q --village . -o primary.csv applicants.csv survey.csv
t_survey=$secs
measure "tpa-appraise" "$(lines primary.csv)" "$(( $(size primary.csv) + $(size votes.csv) ))" tpa-appraise -q --village . -o appraised.csv primary.csv votes.csv
measure "tpa-publicize notice (html)" "$(lines appraised.csv)" "$(size appraised.csv)" tpa-publicize notice -q --level village --village . -o notice-village.html appraised.csv
measure "tpa-publicize resolve" "$(lines appraised.csv)" "$(size appraised.csv)" tpa-publicize resolve -q --level village --village . -o publicized-village.csv appraised.csv objections-village.csv
for l in town county; do
	printf 'household_id,about,received,kind,summary,outcome,decided,decided_by\n' >objections-$l.csv
done
tpa-publicize resolve -q --level town --village . -o publicized-town.csv publicized-village.csv objections-town.csv
tpa-publicize resolve -q --level county --village . -o publicized-county.csv publicized-town.csv objections-county.csv
measure "tpa-file (registry, cards, statistics)" "$(lines applicants.csv)" "$(( $(size applicants.csv) + $(size primary.csv) + $(size publicized-county.csv) ))" \
	tpa-file -q --village . .
mkdir -p "$work/audit-big"
measure "tpa-audit --level county (this village)" "$(lines applicants.csv)" "$(du -sb . | cut -f1)" \
	tpa-audit -q --level county -o "$work/audit-big" "$v"

echo "bench: Miller on the same work" >&2
# apply's grouping: people per household, sorted.
measure "Miller: count people per household (apply's grouping)" "$(lines "$app")" "$(size "$app")" \
	mlr --icsv --ocsv count -g 户编号 then sort -f 户编号 applications.csv
t_mlr_apply=$secs
# survey's core: members per household joined to the survey, per-capita
# income, the households below the line.
mlr --icsv --ocsv count -g household_id applicants.csv >"$work/members.csv"
measure "Miller: join + per-capita income + filter (survey's core)" "$(lines survey.csv)" "$in_survey" \
	sh -c "mlr --icsv --ocsv count -g household_id applicants.csv >'$work/m.csv' && mlr --icsv --ocsv rename 户编号,household_id then join -j household_id -f '$work/m.csv' then put '\$pci = (\${工资性收入} + \${生产经营性收入} + \${财产性收入} + \${转移性收入}) / \$count' then filter '\$pci < 2855' survey.csv"
t_mlr_survey=$secs

echo "bench: a village of 500 households, with csvkit" >&2
tpa-gen --households 500 --seed 2 -o "$work/small" >/dev/null
s=$(ls -d "$work"/small/3*)
mkdir -p "$work/small/rules" && cp "$top"/rules/*.yaml "$work/small/rules/"
cd "$s"
measure "tpa-apply (500 households)" "$(lines applications.csv)" "$(size applications.csv)" tpa-apply -q --village . -o applicants.csv applications.csv
t_apply_small=$secs
measure "tpa-survey (500 households)" "$(lines survey.csv)" "$(size survey.csv)" tpa-survey -q --village . -o primary.csv applicants.csv survey.csv
measure "Miller: count per household (500)" "$(lines applications.csv)" "$(size applications.csv)" mlr --icsv --ocsv count -g 户编号 applications.csv
measure "csvkit: count per household (500)" "$(lines applicants.csv)" "$(size applicants.csv)" \
	csvsql --query "select household_id, count(*) from applicants group by household_id order by household_id" applicants.csv
t_csvkit=$secs

echo "bench: start-up" >&2
mkdir -p "$work/empty" && cd "$work/empty"
printf 'village:\n  code: "371323100000"\nyear: 2015\n' >village.yaml
printf 'household_id,name,id_number,relation,apply_date\n' >applications.csv
start=$(date +%s.%N)
i=0
while [ $i -lt 200 ]; do tpa-apply -q --village village.yaml -o applicants.csv applications.csv; i=$((i + 1)); done
end=$(date +%s.%N)
startup=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", (b - a) / 200 * 1000 }')

echo "bench: a county of $villages villages through make -j2" >&2
per=$(( 100000 / villages ))
tpa-gen --villages "$villages" --households "$per" --seed 3 -o "$work/county" >/dev/null
mkdir -p "$work/county/rules" && cp "$top"/rules/*.yaml "$work/county/rules/"
county_makefile "$work/county"
start=$(date +%s.%N)
make -s -j2 -C "$work/county" TPA_BIN="$TPA_BIN" >/dev/null 2>&1 || true
end=$(date +%s.%N)
county_s=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
county_done=$(ls "$work"/county/3*/publicized-county.csv 2>/dev/null | wc -l)
county_hh=$(( villages * per ))

# The province: 20,000 villages of 250 households, each taken by its stages
# to the town's list (what the county audit reads), two villages at a
# time, in a tmpfs when there is one (the stages sync every output); then
# the county audit over all of them in one run, under ulimit -v 4000000
# (4 GB of address space).
province=""
if [ "${BENCH_PROVINCE:-0}" = 1 ]; then
	echo "bench: a province of 20,000 villages, 5,000,000 households" >&2
	pw=$work/province
	if [ -d /dev/shm ] && [ "$(df -Pk /dev/shm | awk 'NR == 2 { print $4 }')" -gt 12000000 ]; then
		pw=/dev/shm/tpa-bench-province
	fi
	rm -rf "$pw"
	tpa-gen --villages 20000 --households 250 --seed 4 -o "$pw" >/dev/null
	mkdir -p "$pw/rules" && cp "$top"/rules/*.yaml "$pw/rules/"
	cat >"$work/chain.sh" <<'SH'
cd "$1" || exit 2
for l in village town county; do
	printf 'household_id,about,received,kind,summary,outcome,decided,decided_by\n' >objections-$l.csv
done
tpa-apply -q --village . -o applicants.csv applications.csv &&
tpa-survey -q --village . -o primary.csv applicants.csv survey.csv &&
{ tpa-appraise -q --village . -o appraised.csv primary.csv votes.csv 2>/dev/null; [ $? -le 1 ]; } &&
tpa-publicize notice -q --level village --village . -o notice-village.html appraised.csv &&
tpa-publicize resolve -q --level village --village . -o publicized-village.csv appraised.csv objections-village.csv &&
tpa-publicize notice -q --level town --village . -o notice-town.html publicized-village.csv &&
tpa-publicize resolve -q --level town --village . -o publicized-town.csv publicized-village.csv objections-town.csv
SH
	start=$(date +%s.%N)
	(cd "$pw" && ls -d 3* | xargs -P2 -n1 sh "$work/chain.sh")
	end=$(date +%s.%N)
	chain_s=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", b - a }')
	reached=$(ls "$pw"/3*/publicized-town.csv | wc -l)
	mkdir -p "$work/province-audit"
	(cd "$pw" && /usr/bin/time -f "%e %M" -o "$work/time" \
	    sh -c 'ulimit -v 4000000 && exec tpa-audit -q --level county -o "$1" 3*' sh "$work/province-audit") ||
		[ $? -eq 1 ] || { echo "bench: the province audit failed" >&2; exit 1; }
	read -r asecs akb <"$work/time"
	province=$(awk -v c="$chain_s" -v r="$reached" -v s="$asecs" -v kb="$akb" -v e="$(grep -c '^error,' "$work/province-audit/audit.csv")" 'BEGIN {
		printf "%d of 20,000 villages (5,000,000 households) taken to the town list in %d s (two at a time); the county audit over all of them: %.0f s wall, %.0f MB peak resident memory under ulimit -v 4000000, %d error findings", r, c, s, kb / 1024, e }')
	rm -rf "$pw"
fi

{
	echo "# tpa benchmark"
	echo
	echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1); $(uname -sr)"
	echo
	echo "| what | seconds | rows/s | MB/s | peak MB |"
	echo "|---|---|---|---|---|"
	cat "$rows"
	echo
	echo "Ratios:"
	awk -v a="$t_apply" -v m="$t_mlr_apply" -v s="$t_survey" -v ms="$t_mlr_survey" \
	    -v c="$t_csvkit" -v as="$t_apply_small" 'BEGIN {
		printf "- Miller / tpa-apply (grouping %d households): %.2f\n", 0, m / a
		printf "- Miller / tpa-survey (join, income, filter): %.2f\n", ms / s
		printf "- csvkit / tpa-apply at 500 households: %.1f\n", c / (as > 0.005 ? as : 0.005)
	}' | sed "s/grouping 0 households/grouping $big_n households/"
	echo "- stage / bare parse: see the MB/s column (apply and survey against the bare parse of their inputs)"
	echo
	echo "Start-up: $startup ms per invocation (tpa-apply on a header-only village, 200 runs)."
	echo
	echo "County: $county_done of $villages villages, $county_hh households, every stage through make -j2: ${county_s} s wall, $(awk -v h="$county_hh" -v s="$county_s" 'BEGIN { printf "%.0f", h / s }') households/s."
	[ -n "$province" ] && echo "Province: $province."
	true
} >"$out"
cat "$out"
