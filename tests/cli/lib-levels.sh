# Procedures that post at fewer levels than three (after lib.sh): the
# sample county with rules that include the county's own and give
# publicity: of their own.
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)

# vmake DIR [ARGS]: make in a village, town or county folder.
vmake() {
	_d=$1
	shift
	make -s --no-print-directory -C "$_d" TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" "$@"
}

# posting DIR NAME INCLUDED PUBLICITY: the rules file DIR/rules/NAME,
# the county's INCLUDED with publicity: PUBLICITY (a YAML mapping).
posting() {
	printf 'include: [%s]\npublicity: %s\n' "$3" "$4" >"$1/rules/$2"
}

# area_county DIR PUBLICITY: the sample county's 2015 (an area) in DIR,
# both its rules files (the county's and 许家湖镇's) posting at the
# levels PUBLICITY gives.
area_county() {
	mkdir -p "$1" && cp -R "$SAMPLE/county/." "$1/" && cp "$SAMPLE/../rules/"*.yaml "$1/rules/" &&
	rm -rf "$1/2016" "$1/2017" &&
	posting "$1" own-2015.yaml yishui-2015.yaml "$2" &&
	posting "$1" own-xujiahu-2015.yaml xujiahu-2015.yaml "$2" &&
	sed -i 's#rules/yishui-2015.yaml#rules/own-2015.yaml#; s#rules/xujiahu-2015.yaml#rules/own-xujiahu-2015.yaml#' \
	    "$1/2015/county-371323/county.yaml" &&
	grep -q "own-xujiahu-2015.yaml" "$1/2015/county-371323/county.yaml"
}

# flat_village DIR PUBLICITY: village 371323105201 of the sample county
# on its own (no area) in DIR/2015/371323105201, its rules posting at the
# levels PUBLICITY gives; the objections files of the levels that do not
# post are removed.
flat_village() {
	mkdir -p "$1" && cp -R "$SAMPLE_FLAT/county/." "$1/" && sample_rules "$1" &&
	rm -rf "$1/2016" "$1/2017" &&
	posting "$1" own-2015.yaml yishui-2015.yaml "$2" &&
	sed -i 's#rules/yishui-2015.yaml#rules/own-2015.yaml#' "$1/2015/371323105201/village.yaml" &&
	for l in town county; do
		case "$2" in *"$l:"*) ;; *) rm -f "$1/2015/371323105201/objections-$l.csv" ;; esac
	done
}

# confirmed LIST: the household_ids whose decision is confirmed in LIST,
# sorted (the columns found by their header names).
confirmed() {
	awk -F, 'NR == 1 { sub(/^\xef\xbb\xbf/, ""); for (i = 1; i <= NF; i++) { if ($i == "household_id") h = i; if ($i == "decision") d = i }; next }
	    $d == "confirmed" { print $h }' "$1" | sort
}

# registered DIR: the household_ids of DIR/registry/households.csv, sorted.
registered() {
	awk -F, 'NR == 1 { sub(/^\xef\xbb\xbf/, ""); for (i = 1; i <= NF; i++) if ($i == "household_id") h = i; next }
	    { print $h }' "$1/registry/households.csv" | sort
}
