# Receipts in an area whose procedure posts at fewer levels than three
# (after lib.sh and lib-levels.sh; the test sets PUBLICITY, the rules'
# publicity: mapping, first): the sample county's 2015 with its rules
# posting at those levels, made through once by make in the county and
# copied per case; a ledger checked by hand as SPEC §8 gives it.

Y=c/2015
V=$Y/371323105201
T=$Y/town-371323105
CO=$Y/county-371323

tpl=$scratch/tpl
(
	set -e
	mkdir -p "$tpl" && cd "$tpl" &&
	area_county c "$PUBLICITY" && vmake $CO
) >"$scratch/tpl.log" 2>&1 || { echo "FAIL $test_name: the area could not be made" >&2; tail -20 "$scratch/tpl.log" >&2; }

# made: the area made through, in c.
made() {
	cp -Rp "$tpl/c" c
}

sha() { sha256sum | cut -c1-64; }

# row_hash DIR K: the SHA-256 of row K of DIR/LEDGER.csv without its LF.
row_hash() {
	sed -n "$(($2 + 1))p" "$1/LEDGER.csv" | tr -d '\n' | sha
}

# rows DIR: the number of rows of DIR/LEDGER.csv.
rows() {
	echo $(($(wc -l <"$1/LEDGER.csv") - 1))
}

# receipt DIR CODE N: the files of receipt N of village CODE in
# DIR/LEDGER.csv in the order written, each as named in its receipt
# folder (a town ledger's row, the pin, as written).
receipt() {
	awk -F, -v v="$2" -v n="$3" 'NR > 1 && $2 == v && $3 == n {
	    f = $4; p = "received/" v "/" n "/";
	    if (substr(f, 1, length(p)) == p) f = substr(f, length(p) + 1); print f }' "$1/LEDGER.csv"
}

# receipts DIR CODE: how many receipts DIR's ledger holds of CODE.
receipts() {
	awk -F, -v v="$2" 'NR > 1 && $2 == v && $3 > n { n = $3 } END { print n + 0 }' "$1/LEDGER.csv"
}

# chain DIR: DIR/LEDGER.csv verifies: its header, seq from 1, the first
# prev 64 zeros (no ledger the year before), each prev the SHA-256 of the
# row before without its LF, each received file's SHA-256 its row's, and
# every file under DIR/received a row's.
chain() {
	[ "$(head -n 1 "$1/LEDGER.csv")" = seq,village_code,receipt,file,sha256,prev ] || { echo "$1: header"; return 1; }
	_prev=$(printf '%064d' 0) && _k=0 && : >"$1.files" &&
	tail -n +2 "$1/LEDGER.csv" >"$1.rows" &&
	while IFS=, read -r _seq _v _n _f _sha _p; do
		_k=$((_k + 1))
		[ "$_seq" = $_k ] && [ "$_p" = "$_prev" ] || { echo "$1: row $_k: seq $_seq, prev $_p"; return 1; }
		case $_f in
		../*) ;;
		*) [ "$(sha <"$1/$_f")" = "$_sha" ] || { echo "$1: $_f is not its row's"; return 1; }
		   echo "$_f" >>"$1.files" ;;
		esac
		_prev=$(printf '%s' "$_seq,$_v,$_n,$_f,$_sha,$_p" | sha)
	done <"$1.rows" &&
	[ $_k -gt 0 ] &&
	(cd "$1" && find received -type f | sort) >"$1.found" && sort "$1.files" >"$1.want" &&
	same "$1.found" "$1.want"
}

# town_objections TOWN CODE: the header and CODE's rows of TOWN's
# objections-town.csv, as written (in its encoding).
town_objections() {
	head -n 1 "$1/objections-town.csv" && grep -a "^$2," "$1/objections-town.csv"
	true
}

# sums: the SHA-256 of every file of the area, by path.
sums() {
	find c -type f | LC_ALL=C sort | xargs sha256sum
}

# but_town_audits FILE: the lines of sums' FILE but for the town audits'
# own files (audit.csv, PROVENANCE.csv, .tpa-deps.mk): a town audit run
# again after make clean sees the registries, made before it this time,
# and says so.
but_town_audits() {
	grep -v " c/2015/town-[0-9]*/\(audit\.csv\|PROVENANCE\.csv\|\.tpa-deps\.mk\)\$" "$1"
}
