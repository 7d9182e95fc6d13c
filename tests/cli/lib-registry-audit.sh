# The registry audited (SPEC §8 "What the audit covers in an area"): the
# sample county's 2015 run honestly through the county folder's make,
# then its 2016 with a doctored tpa-file — the real one, then an edit of
# what it wrote, the registry's hashes in PROVENANCE.csv recomputed
# (sha256sum) as a forger who knows the format would — so that the
# county's audit is the first to see the doctored registry, before it
# receives it.
#   doctored V 'EDIT'  copy the honest 2015 to c/, make 2016 with EDIT
#                      run in c/2016/V/registry after tpa-file
#   finding CODE V H   the county's 2016 audit.csv has error CODE for
#                      village V and household H
#   unreceived V       the county took no registry receipt of V in 2016,
#                      and took every other village's
. "$(dirname "$0")/lib.sh"
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)
VILLAGES="371323105201 371323105202 371323105203 371323106201"

if [ "${TPA_VALGRIND:-0}" = 1 ]; then
	skip "the sample county through make (not under valgrind)"
	exit 0
fi

# cmake DIR YEAR [BIN]: make in the county folder of YEAR.
cmake() {
	make -s --no-print-directory -C "$1/$2/county-371323" TPA_MK_DIR="$MK" TPA_BIN="${3:-$TPA_BIN}"
}

# The honest 2015, run once; 2016 untouched.
REF=$scratch/ref
mkdir -p "$REF" && cp -R "$SAMPLE/county/." "$REF/" && sample_rules "$REF" &&
rm -rf "$REF/2017" && cmake "$REF" 2015 >"$scratch/ref.log" 2>&1
ref_rc=$?

# The doctored programs: every one the real one, tpa-file followed by
# $DOCTOR_EDIT in the registry of $DOCTOR_VILLAGE of 2016.
DOCTORED=$scratch/doctored
mkdir -p "$DOCTORED" &&
for p in "$TPA_BIN"/*; do ln -s "$p" "$DOCTORED/"; done &&
rm "$DOCTORED/tpa-file" &&
cat >"$DOCTORED/tpa-file" <<SH &&
#!/bin/sh
"$TPA_BIN/tpa-file" "\$@" || exit \$?
case "\$PWD" in */2016/"\$DOCTOR_VILLAGE") ;; *) exit 0 ;; esac
cd registry || exit 1
for f in households.csv members.csv history.csv; do
	sha256sum <"\$f" | cut -c1-64 >".\$f.old"
done
eval "\$DOCTOR_EDIT" || exit 1
for f in households.csv members.csv history.csv; do
	sed -i "s/\$(cat ".\$f.old")/\$(sha256sum <"\$f" | cut -c1-64)/" ../PROVENANCE.csv
	rm ".\$f.old"
done
SH
chmod +x "$DOCTORED/tpa-file"

doctored() {
	[ $ref_rc -eq 0 ] && cp -a "$REF" c &&
	DOCTOR_VILLAGE=$1 DOCTOR_EDIT=$2 && export DOCTOR_VILLAGE DOCTOR_EDIT &&
	{ cmake c 2016 "$DOCTORED" >out 2>err; [ $? -ne 0 ]; }
}

finding() {
	grep -q "^error,$1,$2,$3," c/2016/county-371323/audit.csv
}

unreceived() {
	! grep -q ",$1,[0-9]*,received/$1/[0-9]*/registry/" c/2016/county-371323/LEDGER.csv &&
	for v in $VILLAGES; do
		[ "$v" = "$1" ] ||
		grep -q ",$v,[0-9]*,received/$v/[0-9]*/registry/households.csv," c/2016/county-371323/LEDGER.csv || return 1
	done
}

# only V CODE: the errors of the county's audit are CODE's, of village V.
only() {
	! grep "^error," c/2016/county-371323/audit.csv | grep -qv "^error,$2,$1,"
}
