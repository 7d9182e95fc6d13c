# Receipts written by hand for the tests of what changed after them (after
# lib.sh and lib-area-sample.sh): the copies under LEVEL/received/V/N/ and
# the rows of LEVEL/LEDGER.csv as SPEC §8 gives them — seq from 1, the
# copy's path relative to the level folder, the SHA-256 of its bytes, prev
# the SHA-256 of the previous row's bytes without its LF (64 zeros first).

# ledger_row LEVEL V N NAME: the row of LEVEL's copy received/V/N/NAME.
ledger_row() {
	[ -f "$1/LEDGER.csv" ] || echo seq,village_code,receipt,file,sha256,prev >"$1/LEDGER.csv"
	seq=$(wc -l <"$1/LEDGER.csv") &&
	if [ "$seq" = 1 ]; then prev=$(printf '%064d' 0)
	else prev=$(tail -n 1 "$1/LEDGER.csv" | tr -d '\n' | sha256sum | cut -c1-64); fi &&
	sha=$(sha256sum <"$1/received/$2/$3/$4" | cut -c1-64) &&
	echo "$seq,$2,$3,received/$2/$3/$4,$sha,$prev" >>"$1/LEDGER.csv"
}

# receive LEVEL V N FILE...: LEVEL's receipt N of village V, copies of
# the village folder's FILEs (objections-town.csv: the village's rows of
# the town's file), mode 0600.
receive() {
	l=$1 && v=$2 && n=$3 && shift 3 &&
	for f in "$@"; do
		mkdir -p "$(dirname "$l/received/$v/$n/$f")" &&
		case $f in
		objections-town.csv)
			{ head -n 1 $T/objections-town.csv; grep "^$v," $T/objections-town.csv; } \
			    >"$l/received/$v/$n/$f" ;;
		*) cp "$Y/$v/$f" "$l/received/$v/$n/$f" ;;
		esac &&
		chmod 600 "$l/received/$v/$n/$f" &&
		ledger_row "$l" "$v" "$n" "$f" || return 1
	done
}

# villages_received: the area, both villages received by the town as they
# are now.
villages_received() {
	area && town_receives 371323105201 && town_receives 371323105202
}

# town_receives V: what the town receives of village V.
town_receives() {
	receive $T "$1" 1 village.yaml applications.csv survey.csv votes.csv \
	    objections-village.csv primary.csv appraised.csv publicized-village.csv \
	    notice-village.html PROVENANCE.csv
}

# newpost V: V posted again in the new period its village.yaml gives
# (tpa-publicize(1)): the objections file that answered the earlier
# posting moved aside (to earlier-V.csv), the new notice made, and the new
# posting's objections (none) recorded.
newpost() {
	mv "$Y/$1/objections-village.csv" "earlier-$1.csv" &&
	{ make -s -C "$Y/$1" TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 \
	    notice-village.html >/dev/null 2>&1; [ -f "$Y/$1/notice-village.html" ]; } &&
	head -1 "earlier-$1.csv" >"$Y/$1/objections-village.csv"
}

# rebuild V: the village's lists made again from its inputs: make clean,
# then make up to publicized-village.csv. make clean keeps the posted
# notice (objections-village.csv is there): a list that changed since
# stops at it (SPEC §7: it must be posted again), the lists before it made.
rebuild() {
	make -s -C "$Y/$1" TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" clean >/dev/null 2>&1 &&
	[ ! -e "$Y/$1/primary.csv" ] && [ -f "$Y/$1/notice-village.html" ] &&
	{ make -s -C "$Y/$1" TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 \
	    publicized-village.csv >/dev/null 2>&1; [ -f "$Y/$1/appraised.csv" ]; }
}

# town_audit: the town's audit, its findings in audit.csv (any status).
town_audit() {
	(cd $T && tpa-audit -q --level town -o .) ; true
}

# county_audit: the county's audit, its findings in audit.csv.
county_audit() {
	tpa-audit -q --level county -o $CO ; true
}

# changed [LEVEL]: the CHANGED_AFTER_RECEIPT rows of the level's audit.csv
# (the town's unless given).
changed() {
	grep ',CHANGED_AFTER_RECEIPT,' "${1:-$T}/audit.csv"
}
