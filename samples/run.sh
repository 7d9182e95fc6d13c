#!/bin/sh
# make sample: the sample county (沂水县, 371323) through three years of
# identification, 2015, 2016 and 2017, in a copy under build/.
#
# Each year runs the county folder's Makefile (county.mk), which runs the
# towns (town.mk), which run their villages (village.mk): every village
# from the applications to its registry, with the town and county audits
# in between, then the town and county statistics. The county's and the
# towns' facts are in county-371323/county.yaml, town-*/town.yaml and
# town-*/villages.csv; 2016 and 2017 carry each village's registry of the
# year before (county.yaml: previous_year).
#
# TPA_BIN names the folder of the programs. Each year's folder of the copy
# gets .tpa-bin.mk naming it, as tpa-init writes it when the programs are
# not on PATH: a plain `make` in any folder of the copy then finds them,
# and they the make rules (`tpa --mk-dir`: the clone's build-aux/). The
# shipped rules files come from rules/.
# Exits 1 if any village did not reach its registry or an audit found an
# error: the sample county runs clean.
set -eu
: "${TPA_BIN:?set TPA_BIN to the folder of the tpa programs}"
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
work=$top/build/sample-county

rm -rf "$work"
mkdir -p "$work"
cp -R "$here/county/." "$work/"
# the shipped rules files the county's own include (procedure.yaml, the
# nine red lines, the seven out), as a county office copies them from
# /usr/local/share/tpa/rules
cp "$top"/rules/*.yaml "$work/rules/"
for year in 2015 2016 2017; do
	printf '# tpa: this machine'"'"'s tpa programs (kept out of git)\nTPA_BIN ?= %s\n' \
	    "$TPA_BIN" >"$work/$year/.tpa-bin.mk"
done

status=0
for year in 2015 2016 2017; do
	echo "== $year: make -C $year/county-371323"
	# make fails when a village is blocked or a stage failed: said below
	make -s --no-print-directory -C "$work/$year/county-371323" \
	    >"$work/make-$year.log" 2>&1 || status=1
	for v in "$work/$year"/[0-9]*/; do
		# exits 0 done, 3 waiting, 1 blocked, 2 error: the line says which
		line=$("$TPA_BIN/tpa" status --brief "$v") || status=1
		echo "   $line"
		case $line in
		*"every step done") ;;
		*) status=1 ;;
		esac
	done
	for a in "$work/$year"/town-*/audit.csv "$work/$year"/county-*/audit.csv; do
		if grep -q '^error,' "$a"; then
			echo "tpa: ${a#"$work"/}: the audit found errors" >&2
			status=1
		fi
	done
	[ "$status" -eq 0 ] || { echo "tpa: $year did not run clean: see $work/make-$year.log" >&2; exit 1; }
done

echo
echo "The registry (建档立卡) of county 371323 沂水县, from each year's county-371323/stats.csv"
echo "(households and people registered that year; exited households are counted apart):"
echo
printf '  %-4s  %10s  %6s  %4s  %10s  %8s  %6s\n' year households people new continuing returned exited
for year in 2015 2016 2017; do
	awk -F, -v y="$year" '
	$1 == "status" { h[$2] = $3; p[$2] = $4 }
	END {
		printf "  %-4s  %10d  %6d  %4d  %10d  %8d  %6d\n", y,
		    h["new"] + h["continuing"] + h["returned"],
		    p["new"] + p["continuing"] + p["returned"],
		    h["new"], h["continuing"], h["returned"], h["exited"]
	}' "$work/$year/county-371323/stats.csv"
done
echo
echo "The county is in $work:"
echo "  YEAR/VILLAGE/        a village-year: inputs (applications.csv, survey.csv, votes.csv,"
echo "                       objections-village.csv), each stage's list, the notices to post"
echo "                       (notice-*.html), the letters to hand out (letters-*.html),"
echo "                       resurvey.csv and registry/ (households.csv, members.csv,"
echo "                       cards.html, stats.csv)"
echo "  YEAR/town-*/         the town's facts (town.yaml, villages.csv) and objections"
echo "                       (objections-town.csv), the town audit (audit.csv, sample.csv)"
echo "                       and the town's statistics"
echo "  YEAR/county-371323/  the county's facts (county.yaml) and objections"
echo "                       (objections-county.csv), the county audit and the county's"
echo "                       statistics (stats.csv, stats.svg)"
echo "  make-YEAR.log        what the stages said"
echo "Try: cd $work/2015/371323105201 && make status"
