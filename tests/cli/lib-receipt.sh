# Receipts made by hand, as SPEC §8 describes them, and the area's draw
# worked out again in the shell (after lib.sh): the tests of the sample
# and of the statistics in an area do not take the audit's word for what
# was received.

LEDGER_HEAD=seq,village_code,receipt,file,sha256,prev

# row_hash FILE K: the SHA-256 of row K of the ledger FILE (K counts the
# data rows from 1), its bytes without the LF.
row_hash() {
	sed -n "$(($2 + 1))p" "$1" | tr -d '\n' | sha256sum | cut -c1-64
}

# ledger_row LEVELDIR CODE N FILE SHA: append a row to LEVELDIR/LEDGER.csv,
# seq and prev following the rows before (64 zeros for the first).
ledger_row() {
	led=$1/LEDGER.csv
	[ -f "$led" ] || echo "$LEDGER_HEAD" >"$led" || return 1
	seq=$(($(wc -l <"$led")))
	if [ "$seq" -eq 1 ]; then
		prev=0000000000000000000000000000000000000000000000000000000000000000
	else
		prev=$(row_hash "$led" $((seq - 1)))
	fi
	echo "$seq,$2,$3,$4,$5,$prev" >>"$led"
}

# latest LEVELDIR CODE: the village's latest receipt number (0: none).
latest() {
	awk -F, -v c="$2" 'NR > 1 && $2 == c && $3 + 0 > n { n = $3 + 0 } END { print n + 0 }' \
	    "$1/LEDGER.csv" 2>/dev/null || echo 0
}

# receive LEVELDIR CODE SRCDIR NAME...: village CODE's receipt N (its next)
# at the level: each SRCDIR/NAME copied to received/CODE/N/NAME, mode 0600,
# and its row appended.
receive() {
	lv=$1 code=$2 src=$3 && shift 3 &&
	n=$(($(latest "$lv" "$code") + 1)) &&
	for name; do
		[ -f "$src/$name" ] || continue
		to=$lv/received/$code/$n/$name &&
		mkdir -p "$(dirname "$to")" && cp "$src/$name" "$to" && chmod 600 "$to" &&
		ledger_row "$lv" "$code" "$n" "received/$code/$n/$name" \
		    "$(sha256sum <"$to" | cut -c1-64)" || return 1
	done
}

# anchor COUNTYDIR CODE TOWNDIR: the row that ends a county receipt,
# naming the town ledger's last row K and its hash.
anchor() {
	k=$(($(wc -l <"$3/LEDGER.csv") - 1)) &&
	ledger_row "$1" "$2" "$(latest "$1" "$2")" "../$(basename "$3")/LEDGER.csv#$k" \
	    "$(row_hash "$3/LEDGER.csv" "$k")"
}

# The files of a town's receipt of a village, in the order it copies them.
TOWN_FILES="village.yaml applications.csv survey.csv votes.csv objections-village.csv primary.csv appraised.csv publicized-village.csv notice-village.html PROVENANCE.csv"

# expected_draw LEVELDIR CODE LEVEL SEED HELP NOT_HELPED EXITING [ID...]:
# the draw of village CODE at the level, worked out from LEDGER.csv and
# the received list alone (the list of the latest receipt holding one, H
# the hash of the last row of the village's latest receipt at the level): "code,household_id,stratum,stratum_households,
# drawn,inclusion_probability" lines sorted by household_id. The IDs are
# the households registered last year (the exiting stratum, unless
# confirmed).
expected_draw() {
	lv=$1 code=$2 level=$3 seed=$4 k_help=$5 k_not=$6 k_exit=$7 && shift 7 &&
	exiting=" $* " &&
	led=$lv/LEDGER.csv &&
	got=$(awk -F, -v c="$code" -v lv="$level" '
	    NR > 1 && $2 == c && $4 ~ /\/publicized-(town|village)\.csv$/ {
		if ($4 ~ /town/ && lv == "county") t = $3 " " $4; else if ($4 ~ /village/) v = $3 " " $4
	    } END { print (t != "" ? t : v) }' "$led") &&
	n=${got%% *} list=${got#* } &&
	last=$(awk -F, -v c="$code" 'NR > 1 && $2 == c && $3 + 0 >= m { m = $3 + 0; k = NR - 1 } END { print k }' "$led") &&
	H=$(row_hash "$led" "$last") &&
	awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	    { print $c["household_id"], $c["decision"] }' "$lv/$list" >"$scratch/hh" &&
	: >"$scratch/keyed" &&
	while read -r hid dec; do
		if [ "$dec" = confirmed ]; then st=help
		elif [ "${exiting#* $hid }" != "$exiting" ]; then st=exiting
		else st=not_helped; fi
		key=$(printf '%s' "$seed|$level|$code|$hid|$H" | sha256sum | cut -c1-64) &&
		echo "$st $key $hid" >>"$scratch/keyed" || return 1
	done <"$scratch/hh" &&
	for st in help:$k_help not_helped:$k_not exiting:$k_exit; do
		s=${st%:*} k=${st#*:} &&
		total=$(grep -c "^$s " "$scratch/keyed") &&
		d=$((k < total ? k : total)) &&
		[ "$d" -gt 0 ] || continue
		q=$(( (d * 20000 + total) / (2 * total) )) &&
		p=$(printf '%d.%04d' $((q / 10000)) $((q % 10000))) &&
		grep "^$s " "$scratch/keyed" | sort -k2,2 | head -n "$d" |
		    awk -v c="$code" -v t="$total" -v d="$d" -v p="$p" \
		    '{ print c "," $3 "," $1 "," t "," d "," p }' || return 1
	done | LC_ALL=C sort -t, -k2,2
}

# drawn_rows SAMPLE CODE: the same columns of sample.csv, for village CODE.
drawn_rows() {
	sed '1s/^\xef\xbb\xbf//' "$1" | awk -F, -v c="$2" '$1 == c' | cut -d, -f1,2,7-10
}

# ledger_read: whether tpa-audit reads LEDGER.csv. Until the ledger's
# reader is built, it reads no rows: a ledger whose second row's prev is
# wrong then passes for a town that received nothing. The cases that need
# receipts are skipped then, never counted as passed.
ledger_read() {
	(
		mkdir -p "$scratch/probe" && cd "$scratch/probe" && area &&
		receive $T 371323105201 $A village.yaml publicized-village.csv &&
		sed -i '3s/,[0-9a-f]*$/,1111111111111111111111111111111111111111111111111111111111111111/' $T/LEDGER.csv &&
		{ tpa-audit -q --level town -o $T; [ $? -le 1 ]; } &&
		! grep "^info,SAMPLE_NOT_DRAWN,371323105201," $T/audit.csv | grep -q "尚未接收"
	) >/dev/null 2>&1
}
