#!/bin/sh
# A blank spreadsheet row (every cell empty, as Excel saves ",,,,") in the
# files a clerk types is no record: in votes.csv it is no vote and no note,
# in objections-village.csv no objection (never a pending one that would
# block the village). The lists come out byte-identical to those made
# without the blank rows.
. "$(dirname "$0")/lib.sh"
D=$DATA/appraise
V=$SAMPLE_FLAT/county/2015/371323105201

meeting() {
	{
		printf 'village:\n  code: "371323105201"\n  name: 双河村\n  population: 800\nyear: 2015\n'
		printf 'rules: %s/rules.yaml\n' "$D"
		printf 'quota: 5\nappraisal:\n  date: 2015-06-03\n  representatives: 20\n'
	} >village.yaml
}

appraised_village() {
	mkdir -p county/2015 county/rules && cp -R "$V" county/2015/ &&
	sample_rules county && cd county/2015/371323105201 &&
	cp "$DATA/sample/appraised.expected" appraised.csv
}

expect "votes.csv with blank rows (CRLF too): the same appraised list, and no note about them" '
	meeting && { cat "$D/votes.csv"; printf ",,,\r\n"; printf " , ,,\n"; } >votes.csv &&
	tpa-appraise --village . -o appraised.csv "$D/primary.csv" votes.csv 2>err &&
	same appraised.csv "$D/appraised-quota5.expected" &&
	n=$(wc -l <"$D/votes.csv") && [ "$(grep -c "^tpa-appraise: votes.csv:" err)" -eq 0 ] &&
	grep -qx "1 vote row for a household that is not eligible changes nothing" err &&
	! grep -q "^tpa-appraise: votes.csv:$((n + 1)):\|^tpa-appraise: votes.csv:$((n + 2)):\|household \"\"" err'

expect "objections-village.csv with a blank row: resolved as without it, nothing pending, exit 0" '
	appraised_village &&
	tpa-publicize resolve -q --level village --village . -o want.csv appraised.csv objections-village.csv &&
	{ cat objections-village.csv; printf ",,,,,,,\n"; } >o.csv &&
	status 0 tpa-publicize resolve -q --level village --village . -o got.csv appraised.csv o.csv &&
	same got.csv want.csv && ! grep -q ",pending," got.csv'
